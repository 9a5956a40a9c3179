/*
 * percentage_pattern.c — see percentage_pattern.h.
 */
#include "percentage_pattern.h"

#include <string.h>

/* Not preceded by a letter, a digit or a separator, so "A10%", "x2%" and
 * the tail of "1,5.7%" are not numbers of their own. */
#define NUMBER_BOUNDARY "(?<![\\p{L}\\p{N}.,])"

/* Integer part with optional thousands groups (a dot and exactly three
 * digits), then an optional decimal part after a comma or a dot.  The
 * repeats are possessive: what follows a number is never a digit, so
 * backtracking into it could only waste time. */
#define NUMBER(NAME)                                                       \
    "(?<" NAME "_int>[0-9]++(?:\\.[0-9]{3}(?![0-9]))*+)"                   \
    "(?:[.,](?<" NAME "_frac>[0-9]++))?"

/* Hyphen, en dash, em dash, minus sign, or the words "đến"/"tới". */
#define RANGE_START                                                        \
    "(?:" NUMBER("from") "\\h*+(?:[-–—−]|(?i:đến|tới))\\h*+)?"

/* "%" with optional horizontal space (\h includes NBSP) and "điểm". */
#define PERCENT_SIGN_ONLY "\\h*+(?:(?i:điểm)\\h*+)?%"
#define PERCENT_SIGN_OR_WORDS                                              \
    "\\h*+(?:(?i:điểm)\\h*+)?(?:%|(?i:phần\\h++trăm)(?![\\p{L}\\p{N}]))"

const char *percentage_pattern(bool ranges, bool words)
{
    if (ranges && words)
        return NUMBER_BOUNDARY RANGE_START NUMBER("value")
            PERCENT_SIGN_OR_WORDS;
    if (ranges)
        return NUMBER_BOUNDARY RANGE_START NUMBER("value") PERCENT_SIGN_ONLY;
    if (words)
        return NUMBER_BOUNDARY NUMBER("value") PERCENT_SIGN_OR_WORDS;
    return NUMBER_BOUNDARY NUMBER("value") PERCENT_SIGN_ONLY;
}


/* Where the first byte c at or after from is, or len.  *cached is
 * where the last search found one (SIZE_MAX: none yet): while it lies
 * ahead it is the answer, so each byte of a block is searched once per
 * kind of byte, however many matches the block holds. */
static size_t find_byte(const char *block, size_t len, size_t from, char c,
                        size_t *cached)
{
    if (*cached == SIZE_MAX || *cached < from) {
        const char *p = memchr(block + from, c, len - from);
        *cached = p != NULL ? (size_t)(p - block) : len;
    }
    return *cached;
}

/* Whether "phầ" in any case starts at i.  The pattern reads "phần"
 * caselessly: p and h have no other case partners than P and H, and ầ
 * (U+1EA7, bytes E1 BA A7) none but Ầ (U+1EA6, E1 BA A6). */
static bool phan_at(const unsigned char *p, size_t len, size_t i)
{
    return i + 5 <= len && (p[i + 1] | 0x20) == 'h' && p[i + 2] == 0xE1 &&
           p[i + 3] == 0xBA && (p[i + 4] == 0xA6 || p[i + 4] == 0xA7);
}

/* Where the first "phầ" in any case at or after from starts, or len.
 * It is looked for from its p or P, which memchr finds fast: the bytes
 * of "ầ" start most Vietnamese letters, too many to look for. */
static size_t find_phan(percentage_signs *s, const char *block, size_t len,
                        size_t from)
{
    const unsigned char *p = (const unsigned char *)block;
    for (size_t at = from;;) {
        size_t lower = find_byte(block, len, at, 'p', &s->lower_p);
        size_t upper = find_byte(block, len, at, 'P', &s->upper_p);
        size_t i = lower < upper ? lower : upper;
        if (i == len || phan_at(p, len, i))
            return i;
        at = i + 1;
    }
}

/* Whether byte c may stand inside a match before its "%" or "phần trăm":
 * the pattern has there only digits, "." and ",", horizontal space (tab,
 * space or a character of more than one byte), dashes ("-" or longer
 * ones), and the words "điểm", "đến" and "tới" in any case, whose ASCII
 * letters are i, m, n and t.  Every byte of a longer character may. */
static bool may_precede_sign(unsigned char c)
{
    if (c >= 0x80 || (c >= '0' && c <= '9'))
        return true;
    switch (c | 0x20) { /* | 0x20 maps only I, M, N, T to i, m, n, t */
    case 'i': case 'm': case 'n': case 't':
        return true;
    default:
        return c == '.' || c == ',' || c == ' ' || c == '\t' || c == '-';
    }
}

void percentage_signs_init(percentage_signs *signs, bool words)
{
    *signs = (percentage_signs){.words = words, .percent = SIZE_MAX,
                                .lower_p = SIZE_MAX, .upper_p = SIZE_MAX};
}

/* The first "%" (or, with words, "phầ") at or after from, or len. */
static size_t next_sign(percentage_signs *s, const char *block, size_t len,
                        size_t from)
{
    size_t percent = find_byte(block, len, from, '%', &s->percent);
    if (!s->words)
        return percent;
    size_t phan = find_phan(s, block, len, from);
    return percent < phan ? percent : phan;
}

size_t percentage_search_start(percentage_signs *signs, const char *block,
                               size_t len, size_t from)
{
    size_t sign = next_sign(signs, block, len, from);
    if (sign == len)
        return len;
    size_t start = sign;
    while (start > from && may_precede_sign((unsigned char)block[start - 1]))
        start--;
    return start;
}
