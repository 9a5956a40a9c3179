/*
 * count_text.c — words around a number; see count_text.h.
 */
#include "count_text.h"

#include <string.h>
#include <utf8proc.h>

/* Most characters of a page are ASCII: their classes are answered here,
 * as utf8proc answers them, without a call into it. */
static bool is_ascii_letter(utf8proc_int32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

static bool is_digit(utf8proc_int32_t cp)
{
    return cp >= '0' && cp <= '9';
}

static bool is_horizontal_space(utf8proc_int32_t cp)
{
    if (cp >= 0 && cp < 0x80)
        return cp == '\t' || cp == ' '; /* the one ASCII Zs is ' ' */
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

static bool is_letter(utf8proc_int32_t cp)
{
    if (cp >= 0 && cp < 0x80)
        return is_ascii_letter(cp);
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

/* Letters, combining marks (NFD leftovers) and digits, including "²" of
 * "m²": what may continue a word once it has started.  ASCII has no
 * mark, and its only numbers are the digits. */
static bool is_word_part(utf8proc_int32_t cp)
{
    if (cp >= 0 && cp < 0x80)
        return is_ascii_letter(cp) || is_digit(cp);
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME) ||
           (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

/* The code point at pos, its length in *n; -1 at the end or when bad. */
static utf8proc_int32_t codepoint_at(const char *block, size_t len,
                                     size_t pos, size_t *n)
{
    utf8proc_int32_t cp = -1;
    if (pos >= len)
        return -1;
    if ((unsigned char)block[pos] < 0x80) {
        *n = 1;
        return (unsigned char)block[pos];
    }
    utf8proc_ssize_t got = utf8proc_iterate(
        (const utf8proc_uint8_t *)block + pos, (utf8proc_ssize_t)(len - pos),
        &cp);
    if (got <= 0)
        return -1;
    *n = (size_t)got;
    return cp;
}

int count_codepoint_before(const char *block, size_t pos, size_t *start)
{
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

bool count_fold(const char *text, size_t len, char *out, size_t out_size)
{
    size_t written = 0;
    for (size_t pos = 0; pos < len;) {
        size_t n = 0;
        utf8proc_int32_t cp = codepoint_at(text, len, pos, &n);
        if (cp < 0)
            return false;
        if (cp < 0x80) {
            if (written + 2 > out_size)
                return false;
            out[written++] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 0x20 : cp);
            pos++;
            continue;
        }
        utf8proc_uint8_t encoded[4];
        utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_tolower(cp),
                                                  encoded);
        if (m <= 0 || written + (size_t)m + 1 > out_size)
            return false;
        memcpy(out + written, encoded, (size_t)m);
        written += (size_t)m;
        pos += n;
    }
    if (written + 1 > out_size)
        return false;
    out[written] = '\0';
    return true;
}

bool count_starts_capitalized(const char *text, size_t len)
{
    size_t n = 0;
    utf8proc_int32_t first = codepoint_at(text, len, 0, &n);
    utf8proc_category_t c = first < 0 ? UTF8PROC_CATEGORY_CN
                                      : utf8proc_category(first);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

/* Two or more letters and no lower-case one: "VN", "QL", "ĐT", "U15". */
static bool is_acronym(const char *text, size_t len)
{
    size_t letters = 0, n = 0;
    for (size_t pos = 0; pos < len; pos += n) {
        utf8proc_int32_t cp = codepoint_at(text, len, pos, &n);
        if (cp < 0)
            return false;
        if (cp < 0x80) {
            if (cp >= 'a' && cp <= 'z')
                return false;
            letters += cp >= 'A' && cp <= 'Z';
            continue;
        }
        utf8proc_category_t c = utf8proc_category(cp);
        if (c == UTF8PROC_CATEGORY_LL)
            return false;
        letters += c == UTF8PROC_CATEGORY_LU;
    }
    return letters >= 2;
}

/* Fills word from the token [start, end) of block. */
static void describe_word(const char *block, size_t start, size_t end,
                          count_word *word)
{
    size_t n = 0;
    utf8proc_int32_t first = codepoint_at(block, end, start, &n);
    word->start = start;
    word->end = end;
    word->is_number = is_digit(first);
    word->capitalized = count_starts_capitalized(block + start, end - start);
    word->acronym = is_acronym(block + start, end - start);
    word->joined = false;
    if (!count_fold(block + start, end - start, word->folded,
                    sizeof word->folded))
        word->folded[0] = '\0';
}

/* Where the word or number starting at pos ends; pos when none starts.
 * A number takes its dots and commas ("1.250", "2,5") so that the next
 * token after it is a word. */
static size_t token_end(const char *block, size_t len, size_t pos)
{
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
    size_t count = 0;
    while (count < max) {
        size_t start = pos, n = 0;
        utf8proc_int32_t cp;
        while ((cp = codepoint_at(block, len, start, &n)) >= 0 &&
               is_horizontal_space(cp))
            start += n;
        if (start == pos)
            break; /* no space: punctuation, the end, or glued text */
        size_t end = token_end(block, len, start);
        if (end == start)
            break;
        describe_word(block, start, end, &words[count]);
        words[count++].joined =
            end < len && (block[end] == '-' || block[end] == '/');
        pos = end;
    }
    return count;
}

size_t count_skip_space_back(const char *block, size_t pos)
{
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
    size_t count = 0;
    while (count < max) {
        size_t end = count_skip_space_back(block, pos);
        if (end == pos)
            break;
        size_t start = token_start(block, end);
        if (start == end)
            break;
        describe_word(block, start, end, &words[count++]);
        pos = start;
    }
    return count;
}
