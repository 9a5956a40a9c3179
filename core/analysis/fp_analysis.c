/*
 * fp_analysis.c — words, numbers and sentences of a document's blocks;
 * see fp_analysis.h, and the rules in <factpipe/plugin.h> (fp_word_class,
 * fp_sentence) and docs/PLUGINS.md ("The shared text analysis").
 *
 * One pass over each block makes its words; a second over its words
 * makes its sentences.  A chain of digit groups is measured once, so a
 * block of "1.1.1.1…" stays linear.
 */
#include "fp_analysis.h"

#include <factpipe/utf8.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <utf8proc.h>

/* One block being cut into words. */
typedef struct builder {
    const unsigned char *text;
    size_t end;          /* of the block */
    uint32_t block;
    fp_text_analysis *out;
    size_t word_capacity;
    char *next_string;   /* free space in out->strings */
    int glued;           /* no white space since the last word */
    size_t plain_until;  /* digits before it are read as plain runs */
} builder;

static inline int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static inline int is_ascii_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The code point at pos (its length in *n; 0 with *n the bad bytes when
 * ill-formed, reported as U+FFFD). */
static inline uint32_t decode_at(const builder *b, size_t pos, size_t *n)
{
    uint32_t cp;
    size_t bad;
    *n = fp_utf8_decode(b->text + pos, b->end - pos, &cp, &bad);
    if (*n == 0) {
        *n = bad;
        return 0xFFFD;
    }
    return cp;
}

typedef enum char_kind {
    CHAR_SPACE,     /* separates words */
    CHAR_IGNORABLE, /* invisible format character: inside a word it stays */
    CHAR_DIGIT,     /* 0-9 */
    CHAR_LETTER,    /* a letter (capital or not) */
    CHAR_WORD,      /* a mark, a digit of another script: in words too */
    CHAR_OTHER      /* punctuation, symbol, ill-formed sequence */
} char_kind;

/* The blocks of Vietnamese letters (Latin-1, Extended-A, Ơ ơ Ư ư,
 * Extended Additional), known without a table look-up: every code point
 * there is a letter, and a capital exactly when it has a small letter
 * (tests/analysis checks both against utf8proc). */
static inline int is_vietnamese_letter(uint32_t cp)
{
    return (cp >= 0xC0 && cp <= 0x17F && cp != 0xD7 && cp != 0xF7) ||
           (cp >= 0x1E00 && cp <= 0x1EFF) || cp == 0x1A0 || cp == 0x1A1 || cp == 0x1AF ||
           cp == 0x1B0;
}

/* What cp is to words; *capital tells a capital letter. */
static inline char_kind kind_of(uint32_t cp, int *capital)
{
    *capital = 0;
    if (cp < 0x80) {
        if (is_digit((unsigned char)cp))
            return CHAR_DIGIT;
        if (is_ascii_letter((unsigned char)cp)) {
            *capital = cp <= 'Z';
            return CHAR_LETTER;
        }
        if (cp <= ' ' || cp == 0x7F)
            return CHAR_SPACE; /* white space and control characters */
        return CHAR_OTHER;
    }
    if (is_vietnamese_letter(cp)) {
        *capital = fp_utf8_lower(cp) != cp;
        return CHAR_LETTER;
    }
    if (fp_utf8_is_space(cp))
        return CHAR_SPACE;
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT:
        *capital = 1;
        return CHAR_LETTER;
    case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
        return CHAR_LETTER;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return CHAR_WORD;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
        return CHAR_SPACE;
    case UTF8PROC_CATEGORY_CF:
        return CHAR_IGNORABLE;
    default:
        return CHAR_OTHER; /* U+FFFD, which ill-formed bytes decode to, too */
    }
}

static int is_apostrophe(uint32_t cp)
{
    return cp == '\'' || cp == 0x2019;
}

/* A new word [start, end) of class cls starting with the character
 * first; its strings are set by the caller.  NULL when out of memory. */
static fp_word *add_word(builder *b, size_t start, size_t end, fp_word_class cls,
                         uint32_t first)
{
    fp_text_analysis *a = b->out;
    if (a->view.n_words == b->word_capacity) {
        size_t capacity = b->word_capacity ? 2 * b->word_capacity : 256;
        fp_word *grown = realloc(a->words, capacity * sizeof *grown);
        if (!grown)
            return NULL;
        a->words = grown;
        b->word_capacity = capacity;
    }
    fp_word *w = &a->words[a->view.n_words++];
    *w = (fp_word){.start = start, .end = end, .block = b->block, .first_char = first,
                   .word_class = (uint16_t)cls,
                   .flags = (uint16_t)(b->glued ? FP_WORD_GLUED : 0)};
    b->glued = 1;
    return w;
}

/* Starts a string in the arena (sized for the worst case up front). */
static char *string_start(builder *b)
{
    return b->next_string;
}

static void string_end(builder *b, char *end)
{
    *end = '\0';
    b->next_string = end + 1;
}

/* Whether what starts at pos continues a word (a letter, mark or digit);
 * with letter_only, a letter. */
static int word_goes_on(const builder *b, size_t pos, int letter_only)
{
    if (pos >= b->end)
        return 0;
    size_t n;
    int capital;
    char_kind k = kind_of(decode_at(b, pos, &n), &capital);
    return k == CHAR_LETTER || (!letter_only && (k == CHAR_WORD || k == CHAR_DIGIT));
}

/* A word starting at pos with a letter, mark or digit of another script:
 * letters, marks, digits, an apostrophe between letters ("H'Hen"),
 * invisible format characters inside.  Glued to a number before it, it
 * takes no digits: "8h30" is 8, h, 30 and "3G" is 3, G, while "m2" and
 * "U15" are words.  Returns its end. */
static size_t scan_word(builder *b, size_t pos, fp_word **made)
{
    const fp_text_analysis *a = b->out;
    int after_number = b->glued && a->view.n_words > 0 &&
                       a->words[a->view.n_words - 1].block == b->block &&
                       a->words[a->view.n_words - 1].word_class == FP_WORD_NUMBER;
    size_t end = pos, letters = 0, capitals = 0;
    int digits = 0, capitalized = -1;
    char_kind prev = CHAR_OTHER;
    char *folded = string_start(b), *out = folded;
    while (end < b->end) {
        unsigned char c = b->text[end];
        if (is_ascii_letter(c)) { /* most of every word */
            int upper = c <= 'Z';
            if (capitalized < 0)
                capitalized = upper;
            letters++;
            capitals += upper;
            *out++ = (char)(upper ? c + 0x20 : c);
            prev = CHAR_LETTER;
            end++;
            continue;
        }
        size_t n;
        int capital;
        uint32_t cp = c < 0x80 ? (n = 1, c) : decode_at(b, end, &n);
        if (is_vietnamese_letter(cp)) { /* the rest of most words */
            uint32_t lower = fp_utf8_lower(cp);
            capital = lower != cp;
            if (capitalized < 0)
                capitalized = capital;
            letters++;
            capitals += capital;
            if (capital) {
                out += fp_utf8_encode(lower, out);
            } else { /* already small: its bytes as they are */
                for (size_t k = 0; k < n; k++)
                    *out++ = (char)b->text[end + k];
            }
            prev = CHAR_LETTER;
            end += n;
            continue;
        }
        char_kind k = kind_of(cp, &capital);
        if (k == CHAR_IGNORABLE) {
            if (!word_goes_on(b, end + n, 0))
                break;
            end += n; /* inside the word, but not in its folded form */
            continue;
        }
        if (k == CHAR_OTHER &&
            !(is_apostrophe(cp) && prev == CHAR_LETTER && word_goes_on(b, end + n, 1)))
            break;
        if (k == CHAR_SPACE || (after_number && k == CHAR_DIGIT))
            break;
        if (capitalized < 0)
            capitalized = capital;
        letters += k == CHAR_LETTER;
        capitals += capital;
        digits |= k == CHAR_DIGIT || (k == CHAR_WORD && cp >= 0x80 &&
                                      utf8proc_category((utf8proc_int32_t)cp) >=
                                          UTF8PROC_CATEGORY_ND);
        if (cp < 0x80)
            *out++ = (char)(cp >= 'A' && cp <= 'Z' ? cp + 0x20 : cp);
        else
            out += fp_utf8_encode(fp_utf8_fold_char(cp), out);
        prev = k;
        end += n;
    }
    size_t first_len;
    uint32_t first = b->text[pos] < 0x80 ? b->text[pos] : decode_at(b, pos, &first_len);
    fp_word *w = add_word(b, pos, end, capitalized > 0 ? FP_WORD_CAPITALIZED : FP_WORD_LOWER,
                          first);
    if (!w)
        return 0;
    if (letters >= 2 && capitals == letters)
        w->flags |= FP_WORD_ALL_CAPS;
    if (digits)
        w->flags |= FP_WORD_HAS_DIGIT;
    w->folded = folded;
    string_end(b, out);
    *made = w;
    return end;
}

/* The bytes of a space that may group thousands at pos ("25 000"):
 * space, no-break space, narrow no-break space; 0 for none. */
static size_t group_space_at(const builder *b, size_t pos)
{
    const unsigned char *t = b->text + pos;
    size_t left = b->end - pos;
    if (left >= 1 && t[0] == ' ')
        return 1;
    if (left >= 2 && t[0] == 0xC2 && t[1] == 0xA0)
        return 2;
    if (left >= 3 && t[0] == 0xE2 && t[1] == 0x80 && t[2] == 0xAF)
        return 3;
    return 0;
}

/* Exactly three digits at pos, not followed by a fourth. */
static int three_digits_at(const builder *b, size_t pos)
{
    const unsigned char *t = b->text;
    return pos + 3 <= b->end && is_digit(t[pos]) && is_digit(t[pos + 1]) &&
           is_digit(t[pos + 2]) && (pos + 3 == b->end || !is_digit(t[pos + 3]));
}

/* A separator '.' or ',' at pos with a digit after it. */
static int separator_digit_at(const builder *b, size_t pos)
{
    return pos + 1 < b->end && (b->text[pos] == '.' || b->text[pos] == ',') &&
           is_digit(b->text[pos + 1]);
}

static size_t digits_end(const builder *b, size_t pos)
{
    while (pos < b->end && is_digit(b->text[pos]))
        pos++;
    return pos;
}

/* Where the number read by the guideline's rules from pos ends: the
 * integer part with its groups ends at *int_end, a decimal part (if any)
 * starts after *point. */
static size_t parse_number(const builder *b, size_t pos, size_t *int_end, size_t *point,
                           int *grouped)
{
    size_t p = digits_end(b, pos);
    int first_group_short = p - pos <= 3;
    *grouped = 0;
    for (;;) {
        size_t space;
        if (p < b->end && b->text[p] == '.' && three_digits_at(b, p + 1)) {
            p += 4;
        } else if (first_group_short && (space = group_space_at(b, p)) != 0 &&
                   three_digits_at(b, p + space)) {
            p += space + 3;
        } else {
            break;
        }
        *grouped = 1;
    }
    *int_end = p;
    *point = 0;
    if (separator_digit_at(b, p)) {
        *point = p;
        p = digits_end(b, p + 1);
    }
    return p;
}

/* The end of the chain of digit groups joined by '.' or ',' from pos. */
static size_t chain_end(const builder *b, size_t pos)
{
    size_t p = digits_end(b, pos);
    while (separator_digit_at(b, p))
        p = digits_end(b, p + 1);
    return p;
}

/* Fills the number fields of w from its integer digits [pos, int_end)
 * (group separators skipped) and fraction digits [frac, end). */
static void read_number(builder *b, fp_word *w, size_t pos, size_t int_end, size_t frac,
                        size_t end)
{
    const unsigned char *t = b->text;
    char *value = string_start(b), *out = value;
    uint64_t integer = 0;
    int huge = 0;
    size_t digits = 0;
    for (size_t i = pos; i < int_end; i++) {
        if (!is_digit(t[i]))
            continue;
        unsigned d = t[i] - '0';
        digits++;
        if (out > value || d != 0)
            *out++ = (char)t[i];
        if (integer > (UINT64_MAX - d) / 10)
            huge = 1;
        else
            integer = integer * 10 + d;
    }
    if (out == value)
        *out++ = '0';
    size_t frac_end = end;
    while (frac_end > frac && t[frac_end - 1] == '0')
        frac_end--;
    if (frac_end > frac) {
        *out++ = '.';
        memcpy(out, t + frac, frac_end - frac);
        out += frac_end - frac;
    }
    for (size_t i = frac; i < end && w->fraction_digits < 19; i++, w->fraction_digits++)
        w->fraction = w->fraction * 10 + (uint64_t)(t[i] - '0');
    if (t[pos] == '0' && digits > 1)
        w->flags |= FP_NUMBER_LEADING_ZERO;
    w->integer = huge ? UINT64_MAX : integer;
    w->int_digits = digits > UINT32_MAX ? UINT32_MAX : (uint32_t)digits;
    if (huge)
        w->flags |= FP_NUMBER_HUGE;
    w->value = value;
    string_end(b, out);
}

/* A number starting with the digit at pos; returns its end. */
static size_t scan_number(builder *b, size_t pos, fp_word **made)
{
    size_t int_end, point = 0, end;
    int grouped = 0;
    if (pos < b->plain_until) {
        end = int_end = digits_end(b, pos);
    } else {
        end = parse_number(b, pos, &int_end, &point, &grouped);
        if (separator_digit_at(b, end)) { /* "15.3.2019": no one number */
            b->plain_until = chain_end(b, pos);
            end = int_end = digits_end(b, pos);
            point = 0;
            grouped = 0;
        }
    }
    fp_word *w = add_word(b, pos, end, FP_WORD_NUMBER, b->text[pos]);
    if (!w)
        return 0;
    if (grouped)
        w->flags |= FP_NUMBER_GROUPED;
    if (point)
        w->flags |= FP_NUMBER_DECIMAL;
    char *folded = string_start(b), *out = folded;
    for (size_t i = pos; i < end;) {
        size_t space = is_digit(b->text[i]) ? 0 : group_space_at(b, i);
        if (space) {
            *out++ = ' ';
            i += space;
        } else {
            *out++ = (char)b->text[i++];
        }
    }
    w->folded = folded;
    string_end(b, out);
    read_number(b, w, pos, int_end, point ? point + 1 : end, end);
    *made = w;
    return end;
}

/* One character of punctuation (or one ill-formed sequence) at pos. */
static size_t scan_punct(builder *b, size_t pos, uint32_t cp, size_t n, fp_word **made)
{
    fp_word *w = add_word(b, pos, pos + n, FP_WORD_PUNCT, cp);
    if (!w)
        return 0;
    char *folded = string_start(b);
    string_end(b, folded + fp_utf8_encode(fp_utf8_fold_char(cp), folded));
    w->folded = folded;
    *made = w;
    return pos + n;
}

/* Cuts block [start, end) into words. */
static int scan_block(builder *b, size_t start)
{
    b->glued = 0;
    b->plain_until = 0;
    for (size_t pos = start; pos < b->end;) {
        size_t n = 1;
        int capital;
        uint32_t cp = b->text[pos];
        if (cp == ' ') { /* between most words */
            b->glued = 0;
            pos++;
            continue;
        }
        if (cp >= 0x80)
            cp = decode_at(b, pos, &n);
        char_kind k = kind_of(cp, &capital);
        fp_word *w = NULL;
        switch (k) {
        case CHAR_SPACE:
            b->glued = 0;
            /* fall through */
        case CHAR_IGNORABLE:
            pos += n;
            continue;
        case CHAR_DIGIT:
            pos = scan_number(b, pos, &w);
            break;
        case CHAR_LETTER:
        case CHAR_WORD:
            pos = scan_word(b, pos, &w);
            break;
        case CHAR_OTHER:
            pos = scan_punct(b, pos, cp, n, &w);
            break;
        }
        if (!w)
            return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Sentences.                                                               */

static int folded_is(const fp_word *w, const char *s)
{
    return strcmp(w->folded, s) == 0;
}

/* The character of a punctuation word (’ as '), else 0. */
static inline uint32_t punct_of(const fp_word *w)
{
    return w->word_class == FP_WORD_PUNCT ? fp_utf8_fold_char(w->first_char) : 0;
}

static inline int ends_sentence(const fp_word *w)
{
    uint32_t cp = punct_of(w);
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026; /* … */
}

/* Closing quotes and brackets that stay with the mark before them (’
 * folds to '). */
static int closes(const fp_word *w)
{
    uint32_t cp = punct_of(w);
    return cp == ')' || cp == ']' || cp == '}' || cp == '"' || cp == '\'' ||
           cp == 0x201D || cp == 0xBB || cp == 0x203A;
}

/* A capitalized word of consonants before a glued dot: "TP.", "ThS.",
 * "PGS.", "Q." — an abbreviation, since a Vietnamese syllable has a
 * vowel.  A word with a digit, a vowel or a letter of another script is
 * not one. */
static int abbreviation_before(const fp_word *word, const fp_word *dot)
{
    if (word->word_class != FP_WORD_CAPITALIZED || !(dot->flags & FP_WORD_GLUED) ||
        !folded_is(dot, "."))
        return 0;
    const unsigned char *s = (const unsigned char *)word->folded;
    for (size_t i = 0, len = strlen(word->folded); i < len;) {
        uint32_t cp;
        size_t bad, n = fp_utf8_decode(s + i, len - i, &cp, &bad);
        if (n == 0)
            return 0;
        utf8proc_int32_t parts[4];
        int boundclass = 0;
        utf8proc_ssize_t got = utf8proc_decompose_char((utf8proc_int32_t)cp, parts, 4,
                                                       UTF8PROC_DECOMPOSE, &boundclass);
        uint32_t base = got > 0 && got <= 4 ? (uint32_t)parts[0] : cp;
        int consonant = base == 0x111 /* đ */ ||
                        (base < 0x80 && is_ascii_letter((unsigned char)base) &&
                         !strchr("aeiouy", (int)base));
        if (!consonant)
            return 0;
        i += n;
    }
    return 1;
}

static int add_sentence(fp_text_analysis *a, size_t *capacity, size_t first, size_t end,
                        uint32_t block)
{
    if (a->view.n_sentences == *capacity) {
        size_t grown_capacity = *capacity ? 2 * *capacity : 64;
        fp_sentence *grown = realloc(a->sentences, grown_capacity * sizeof *grown);
        if (!grown)
            return -1;
        a->sentences = grown;
        *capacity = grown_capacity;
    }
    uint32_t index = (uint32_t)a->view.n_sentences;
    a->sentences[a->view.n_sentences++] =
        (fp_sentence){a->words[first].start, a->words[end - 1].end, first, end - first, block};
    for (size_t i = first; i < end; i++)
        a->words[i].sentence = index;
    return 0;
}

/* Splits the words [first, last) of one block into sentences. */
static int split_sentences(fp_text_analysis *a, size_t *capacity, size_t first, size_t last,
                           uint32_t block)
{
    size_t start = first;
    for (size_t i = first; i < last; i++) {
        if (!ends_sentence(&a->words[i]))
            continue;
        size_t j = i + 1;
        while (j < last && (a->words[j].flags & FP_WORD_GLUED) &&
               (ends_sentence(&a->words[j]) || closes(&a->words[j])))
            j++;
        if (j < last && !(a->words[j].flags & FP_WORD_GLUED) &&
            a->words[j].word_class != FP_WORD_LOWER &&
            !(i > first && abbreviation_before(&a->words[i - 1], &a->words[i]))) {
            if (add_sentence(a, capacity, start, j, block) != 0)
                return -1;
            start = j;
        }
        i = j - 1;
    }
    return start < last ? add_sentence(a, capacity, start, last, block) : 0;
}

/* ------------------------------------------------------------------------ */

void fp_text_analysis_free(fp_text_analysis *a)
{
    if (!a)
        return;
    free(a->words);
    free(a->sentences);
    free(a->block_words);
    free(a->strings);
    memset(a, 0, sizeof *a);
}

int fp_text_analysis_build(fp_text_analysis *out, const fp_document *doc, char *why,
                           size_t why_size)
{
    memset(out, 0, sizeof *out);
    size_t bytes = 0;
    for (size_t i = 0; i < doc->n_blocks; i++) {
        const fp_block *blk = &doc->blocks[i];
        if (blk->start > blk->end || blk->end > doc->text_len)
            return snprintf(why, why_size, "%s: block %zu (bytes %zu-%zu) lies outside the "
                            "%zu-byte text", doc->source, i, blk->start, blk->end,
                            doc->text_len), -1;
        bytes += blk->end - blk->start;
    }
    if (doc->text_len >= UINT32_MAX || doc->n_blocks >= UINT32_MAX)
        return snprintf(why, why_size, "%s: %zu bytes of text, more than the analysis "
                        "counts words in (4 GiB)", doc->source, doc->text_len), -1;
    /* Per word at most: its folded form, 3 bytes for each byte (an
     * ill-formed byte folds to U+FFFD), its value no longer than it, and
     * two NULs; a word has a byte at least. */
    out->strings = malloc(6 * bytes + 1);
    out->block_words = malloc((doc->n_blocks + 1) * sizeof *out->block_words);
    if (!out->strings || !out->block_words) {
        fp_text_analysis_free(out);
        return snprintf(why, why_size, "out of memory analysing the text"), -1;
    }
    builder b = {.text = (const unsigned char *)doc->text, .out = out,
                 .next_string = out->strings};
    size_t sentence_capacity = 0;
    for (size_t i = 0; i < doc->n_blocks; i++) {
        size_t first = out->view.n_words;
        out->block_words[i] = first;
        b.end = doc->blocks[i].end;
        b.block = (uint32_t)i;
        if (scan_block(&b, doc->blocks[i].start) != 0 ||
            split_sentences(out, &sentence_capacity, first, out->view.n_words,
                            (uint32_t)i) != 0) {
            fp_text_analysis_free(out);
            return snprintf(why, why_size, "out of memory analysing the text"), -1;
        }
    }
    size_t n_words = out->view.n_words, n_sentences = out->view.n_sentences;
    out->block_words[doc->n_blocks] = n_words;
    out->view = (fp_analysis){
        .struct_size = sizeof out->view,
        .word_size = sizeof(fp_word),
        .sentence_size = sizeof(fp_sentence),
        .text = doc->text,
        .words = out->words,
        .n_words = n_words,
        .sentences = out->sentences,
        .n_sentences = n_sentences,
        .block_words = out->block_words,
        .n_blocks = doc->n_blocks,
    };
    return 0;
}

void fp_analysis_slot_init(fp_analysis_slot *slot, const fp_document *doc)
{
    memset(slot, 0, sizeof *slot);
    slot->doc = doc;
}

const fp_analysis *fp_analysis_slot_get(fp_analysis_slot *slot, char *why, size_t why_size)
{
    slot->requests++;
    if (!slot->doc) {
        snprintf(why, why_size, "the text analysis is there only during extract()");
        return NULL;
    }
    if (slot->state == 0) {
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        slot->state = fp_text_analysis_build(&slot->analysis, slot->doc, slot->why,
                                             sizeof slot->why) == 0 ? 1 : -1;
        clock_gettime(CLOCK_MONOTONIC, &t1);
        slot->build_ns = (uint64_t)(t1.tv_sec - t0.tv_sec) * 1000000000u +
                         (uint64_t)t1.tv_nsec - (uint64_t)t0.tv_nsec;
    }
    if (slot->state < 0) {
        snprintf(why, why_size, "%s", slot->why);
        return NULL;
    }
    return &slot->analysis.view;
}

void fp_analysis_slot_free(fp_analysis_slot *slot)
{
    fp_text_analysis_free(&slot->analysis);
    slot->state = 0;
}
