/*
 * count_text.c — words around a number; see count_text.h.
 */
#include "count_text.h"

#include <factpipe/utf8.h>

#include <pthread.h>
#include <string.h>
#include <utf8proc.h>

/* What the rules ask of a character: its Unicode category and its lower
 * case, both as utf8proc answers.  The characters of Vietnamese text
 * (ASCII, Latin-1, Latin Extended-A and B, and the Latin Extended
 * Additional block of "ế", "ộ", "ự") are asked once per process, into a
 * table: a word is classified and folded without a call per character.
 * Any other character is asked of utf8proc each time. */
typedef struct char_info {
    unsigned char category;  /* utf8proc_category_t */
    unsigned char lower_len; /* bytes of lower, 1 to 4 */
    char lower[4];           /* utf8proc_tolower(), as UTF-8 */
} char_info;

enum {
    LATIN_END = 0x250,                 /* [0, LATIN_END): ASCII to Latin B */
    ADDITIONAL_START = 0x1E00,         /* Latin Extended Additional */
    ADDITIONAL_END = 0x1F00,
    N_TABLED = LATIN_END + (ADDITIONAL_END - ADDITIONAL_START)
};

static char_info tabled[N_TABLED];
static pthread_once_t tabled_once = PTHREAD_ONCE_INIT;

static void describe_char(utf8proc_int32_t cp, char_info *info)
{
    info->category = (unsigned char)utf8proc_category(cp);
    utf8proc_uint8_t encoded[4];
    utf8proc_ssize_t n = utf8proc_encode_char(utf8proc_tolower(cp), encoded);
    info->lower_len = (unsigned char)(n > 0 ? n : 0);
    memcpy(info->lower, encoded, info->lower_len);
}

static void fill_table(void)
{
    for (utf8proc_int32_t cp = 0; cp < LATIN_END; cp++)
        describe_char(cp, &tabled[cp]);
    for (utf8proc_int32_t cp = ADDITIONAL_START; cp < ADDITIONAL_END; cp++)
        describe_char(cp, &tabled[LATIN_END + cp - ADDITIONAL_START]);
}

/* The facts of cp (>= 0): from the table, or worked out into *scratch. */
static const char_info *info_of(utf8proc_int32_t cp, char_info *scratch)
{
    if (cp < LATIN_END)
        return &tabled[cp];
    if (cp >= ADDITIONAL_START && cp < ADDITIONAL_END)
        return &tabled[LATIN_END + cp - ADDITIONAL_START];
    describe_char(cp, scratch);
    return scratch;
}

/* Called by every function of count_text.h that classifies characters,
 * before it does: the table is filled on first use, once. */
static void ensure_table(void)
{
    pthread_once(&tabled_once, fill_table);
}

static utf8proc_category_t category_of(utf8proc_int32_t cp)
{
    char_info scratch;
    return cp < 0 ? UTF8PROC_CATEGORY_CN
                  : (utf8proc_category_t)info_of(cp, &scratch)->category;
}

static bool is_digit(utf8proc_int32_t cp)
{
    return cp >= '0' && cp <= '9';
}

/* A tab, or a space separator (' ', no-break space, ...). */
static bool is_horizontal_space(utf8proc_int32_t cp)
{
    return cp == '\t' || category_of(cp) == UTF8PROC_CATEGORY_ZS;
}

static bool is_letter_category(utf8proc_category_t c)
{
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

static bool is_letter(utf8proc_int32_t cp)
{
    return is_letter_category(category_of(cp));
}

/* Letters, combining marks (NFD leftovers) and digits, including "²" of
 * "m²": what may continue a word once it has started. */
static bool is_word_part_category(utf8proc_category_t c)
{
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME) ||
           (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

static bool is_word_part(utf8proc_int32_t cp)
{
    return is_word_part_category(category_of(cp));
}

/* The code point at pos, its length in *n; -1 at the end or when bad. */
static inline utf8proc_int32_t codepoint_at(const char *block, size_t len,
                                            size_t pos, size_t *n)
{
    if (pos >= len)
        return -1;
    if ((unsigned char)block[pos] < 0x80) {
        *n = 1;
        return (unsigned char)block[pos];
    }
    uint32_t cp;
    size_t bad;
    size_t got = fp_utf8_decode((const unsigned char *)block + pos,
                                len - pos, &cp, &bad);
    if (got == 0)
        return -1;
    *n = got;
    return (utf8proc_int32_t)cp;
}

int count_codepoint_before(const char *block, size_t pos, size_t *start)
{
    if (pos > 0 && (unsigned char)block[pos - 1] < 0x80) {
        *start = pos - 1;
        return (unsigned char)block[pos - 1];
    }
    size_t s = pos;
    /* At most three continuation bytes precede a lead byte. */
    while (s > 0 && pos - s < 4 &&
           ((unsigned char)block[s - 1] & 0xC0) == 0x80)
        s--;
    if (s == 0)
        return -1;
    s--;
    size_t n = 0;
    utf8proc_int32_t cp = codepoint_at(block, pos, s, &n);
    if (cp < 0 || s + n != pos)
        return -1;
    *start = s;
    return cp;
}

/* Appends the lower case of info to out (written bytes so far in
 * *written); false when it and the NUL would not fit in out_size. */
static bool append_lower(const char_info *info, char *out, size_t out_size,
                         size_t *written)
{
    if (info->lower_len == 0 || *written + info->lower_len + 1 > out_size)
        return false;
    for (size_t i = 0; i < info->lower_len; i++) /* 1 to 4 bytes */
        out[(*written)++] = info->lower[i];
    return true;
}

bool count_fold(const char *text, size_t len, char *out, size_t out_size)
{
    ensure_table();
    size_t written = 0;
    for (size_t pos = 0, n = 0; pos < len; pos += n) {
        utf8proc_int32_t cp = codepoint_at(text, len, pos, &n);
        char_info scratch;
        if (cp < 0 ||
            !append_lower(info_of(cp, &scratch), out, out_size, &written))
            return false;
    }
    if (written + 1 > out_size)
        return false;
    out[written] = '\0';
    return true;
}

static bool is_capital_category(utf8proc_category_t c)
{
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool count_starts_capitalized(const char *text, size_t len)
{
    ensure_table();
    size_t n = 0;
    return is_capital_category(category_of(codepoint_at(text, len, 0, &n)));
}

/* What a word's description gathers from its characters, one at a
 * time: "acronym" is two or more letters and no lower-case one ("VN",
 * "QL", "ĐT", "U15"). */
typedef struct word_description {
    size_t capitals, written;
    bool lower_case, folded;
} word_description;

static void begin_word(count_word *word, size_t start, bool is_number,
                       word_description *d)
{
    word->start = start;
    word->is_number = is_number;
    word->capitalized = false;
    word->joined = false;
    *d = (word_description){.folded = true};
}

static inline void add_char(const char_info *info, bool first,
                            count_word *word, word_description *d)
{
    utf8proc_category_t c = (utf8proc_category_t)info->category;
    if (first)
        word->capitalized = is_capital_category(c);
    d->capitals += c == UTF8PROC_CATEGORY_LU;
    d->lower_case = d->lower_case || c == UTF8PROC_CATEGORY_LL;
    d->folded = d->folded && append_lower(info, word->folded,
                                          sizeof word->folded, &d->written);
}

static void end_word(count_word *word, size_t end, bool valid,
                     const word_description *d)
{
    word->end = end;
    word->acronym = valid && !d->lower_case && d->capitals >= 2;
    word->folded_len = valid && d->folded ? d->written : 0;
    word->folded[word->folded_len] = '\0';
    word->hash = count_hash_bytes(COUNT_HASH_START, word->folded,
                                  word->folded_len);
}

void count_describe_word(const char *block, size_t start, size_t end,
                         count_word *word)
{
    ensure_table();
    word_description d;
    begin_word(word, start, is_digit((unsigned char)block[start]), &d);
    bool valid = true;
    for (size_t pos = start, n = 0; pos < end; pos += n) {
        utf8proc_int32_t cp = codepoint_at(block, end, pos, &n);
        if (cp < 0) {
            valid = false;
            break;
        }
        char_info scratch;
        add_char(info_of(cp, &scratch), pos == start, word, &d);
    }
    end_word(word, end, valid, &d);
}

/* A word starting with a letter at start: where it ends (start when no
 * letter starts there), and its description in *word, read in one pass
 * over its characters: what token_end() and count_describe_word() find
 * in two. */
static size_t read_letter_word(const char *block, size_t len, size_t start,
                               count_word *word)
{
    word_description d;
    begin_word(word, start, false, &d);
    size_t pos = start, n = 0;
    utf8proc_int32_t cp;
    while ((cp = codepoint_at(block, len, pos, &n)) >= 0) {
        char_info scratch;
        const char_info *info = info_of(cp, &scratch);
        utf8proc_category_t c = (utf8proc_category_t)info->category;
        if (pos == start ? !is_letter_category(c) : !is_word_part_category(c))
            break;
        add_char(info, pos == start, word, &d);
        pos += n;
    }
    end_word(word, pos, true, &d);
    return pos;
}

size_t count_token_end(const char *block, size_t len, size_t pos)
{
    ensure_table();
    size_t n = 0;
    utf8proc_int32_t cp = codepoint_at(block, len, pos, &n);
    if (is_digit(cp)) {
        size_t end = pos;
        while (end < len && (is_digit((unsigned char)block[end]) ||
                             block[end] == '.' || block[end] == ','))
            end++;
        while (end > pos && !is_digit((unsigned char)block[end - 1]))
            end--; /* a sentence's full stop is not part of the number */
        return end;
    }
    if (!is_letter(cp))
        return pos;
    size_t end = pos + n;
    while ((cp = codepoint_at(block, len, end, &n)) >= 0 && is_word_part(cp))
        end += n;
    return end;
}

size_t count_words_after(const char *block, size_t len, size_t pos,
                         count_word *words, size_t max)
{
    ensure_table();
    size_t count = 0;
    while (count < max) {
        size_t start = pos, n = 0;
        utf8proc_int32_t cp;
        while ((cp = codepoint_at(block, len, start, &n)) >= 0 &&
               is_horizontal_space(cp))
            start += n;
        if (start == pos)
            break; /* no space: punctuation, the end, or glued text */
        size_t end;
        if (is_digit((unsigned char)block[start])) {
            end = count_token_end(block, len, start);
            count_describe_word(block, start, end, &words[count]);
        } else {
            end = read_letter_word(block, len, start, &words[count]);
            if (end == start)
                break;
        }
        words[count++].joined =
            end < len && (block[end] == '-' || block[end] == '/');
        pos = end;
    }
    return count;
}

void count_following_start(count_following *after, const char *block,
                           size_t len, size_t pos, count_word *words,
                           size_t max)
{
    *after = (count_following){.block = block, .len = len, .pos = pos,
                               .words = words, .max = max};
}

size_t count_following_read(count_following *after, size_t want)
{
    if (want > after->max)
        want = after->max;
    if (after->n >= want || after->ended)
        return after->n;
    size_t from = after->n > 0 ? after->words[after->n - 1].end : after->pos;
    size_t asked = want - after->n;
    size_t got = count_words_after(after->block, after->len, from,
                                   after->words + after->n, asked);
    after->n += got;
    after->ended = got < asked;
    return after->n;
}

size_t count_skip_space_back(const char *block, size_t pos)
{
    ensure_table();
    size_t start;
    while (pos > 0) {
        utf8proc_int32_t cp = count_codepoint_before(block, pos, &start);
        if (cp < 0 || !is_horizontal_space(cp))
            break;
        pos = start;
    }
    return pos;
}

/* Where the word or number ending at end starts; end when none does
 * (punctuation before end).  A number there keeps its inner dots and
 * commas, a word is a run of word parts that starts with a letter. */
static size_t token_start(const char *block, size_t end)
{
    size_t start = end, prev;
    utf8proc_int32_t cp = count_codepoint_before(block, end, &prev);
    if (cp < 0)
        return end;
    if (is_digit(cp)) {
        while (start > 0 && (is_digit((unsigned char)block[start - 1]) ||
                             block[start - 1] == '.' ||
                             block[start - 1] == ','))
            start--;
        while (start < end && !is_digit((unsigned char)block[start]))
            start++;
        return start;
    }
    while (start > 0 &&
           (cp = count_codepoint_before(block, start, &prev)) >= 0 &&
           is_word_part(cp))
        start = prev;
    size_t n = 0;
    cp = codepoint_at(block, end, start, &n);
    return start < end && (is_letter(cp) || is_digit(cp)) ? start : end;
}

size_t count_words_before(const char *block, size_t pos, count_word *words,
                          size_t max)
{
    ensure_table();
    size_t count = 0;
    while (count < max) {
        size_t end = count_skip_space_back(block, pos);
        if (end == pos)
            break;
        size_t start = token_start(block, end);
        if (start == end)
            break;
        count_describe_word(block, start, end, &words[count++]);
        pos = start;
    }
    return count;
}
