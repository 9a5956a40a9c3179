/*
 * count_number — the value of a number as Vietnamese text writes it.
 *
 * Thousands are grouped by a dot ("1.250"), and real text also groups them
 * by a space ("25 000", with a no-break space too) or by a dot and a space
 * ("25. 000", as a typesetter's line break leaves it); a comma, or a dot
 * followed by other than three digits, is a decimal point ("2,5 triệu",
 * "1.5 triệu").  Leading zeros mean nothing ("03 tập thể").  See the
 * guideline (docs/GUIDELINE.md, "Numbers in Vietnamese text").
 */
#ifndef COUNT_NUMBER_H
#define COUNT_NUMBER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Longest count, in digits (a count of billions is already rare): longer
 * numbers are phone, account or record numbers, or addresses such as
 * "255.255.255.255". */
enum { COUNT_MAX_DIGITS = 10 };
#define COUNT_VALUE_MAX UINT64_C(9999999999)

/* Decimal digits kept after the point; more would not change a count. */
enum { COUNT_MAX_FRACTION_DIGITS = 6 };

typedef struct count_number {
    uint64_t integer;          /* the integer part, groups joined */
    uint64_t fraction;         /* the digits after the decimal point */
    unsigned fraction_digits;  /* how many (0: a whole number) */
    unsigned written_digits;   /* digits of the integer part as written,
                                  leading zeros included */
    bool grouped;              /* thousands separators were written */
    bool leading_zero;         /* the first digit written is 0 */
    bool year_like;            /* four plain digits from 1900 to 2099 */
} count_number;

/* Reads text (len bytes: digits, group separators and at most one decimal
 * point, as the number pattern of count.c matches them).  Returns false
 * when the integer part is longer than COUNT_MAX_DIGITS. */
bool count_number_parse(const char *text, size_t len, count_number *number);

/* number × multiplier as a whole number in *value.  Returns false when it
 * is not whole ("2,55 nghìn") or exceeds COUNT_VALUE_MAX. */
bool count_number_scale(const count_number *number, uint64_t multiplier,
                        uint64_t *value);

/* Writes value in decimal digits and a NUL to out, which holds
 * COUNT_DECIMAL_BYTES: what snprintf("%llu") writes, without its cost
 * for every fact. */
enum { COUNT_DECIMAL_BYTES = 21 };
void count_format_decimal(uint64_t value, char out[COUNT_DECIMAL_BYTES]);

#endif /* COUNT_NUMBER_H */
