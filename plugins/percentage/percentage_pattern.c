/*
 * percentage_pattern.c — see percentage_pattern.h.
 */
#define _GNU_SOURCE /* memmem */
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


/* The pattern reads "phần" caselessly: p and h have no other case
 * partners than P and H, and ầ (U+1EA7, bytes E1 BA A7) none but Ầ
 * (U+1EA6, E1 BA A6).  So any match of it holds p or P, h or H, then
 * E1 BA A6 or A7. */
static bool holds_phan(const char *block, size_t len)
{
    const char *end = block + len;
    for (const char *p = block;
         (p = memmem(p, (size_t)(end - p), "\xE1\xBA", 2)) != NULL; p += 2) {
        if (p - block < 2 || end - p < 3)
            continue;
        unsigned char mark = (unsigned char)p[2];
        /* | 0x20 lower-cases H and P; no other byte becomes h or p */
        if ((mark == 0xA6 || mark == 0xA7) && (p[-1] | 0x20) == 'h' &&
            (p[-2] | 0x20) == 'p')
            return true;
    }
    return false;
}

bool percentage_block_may_match(const char *block, size_t len, bool words)
{
    if (memchr(block, '%', len) != NULL)
        return true;
    return words && holds_phan(block, len);
}
