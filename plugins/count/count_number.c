/*
 * count_number.c — reading a written number; see count_number.h.
 */
#include "count_number.h"

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The decimal point of text: a comma, or a dot not followed by exactly
 * three digits and the end or a space.  NULL when there is none. */
static const char *decimal_point(const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (text[i] == ',')
            return text + i;
        if (text[i] != '.')
            continue;
        size_t digits = 0;
        while (i + 1 + digits < len && is_digit(text[i + 1 + digits]))
            digits++;
        bool group_follows = digits == 3 && (i + 4 == len ||
                                             !is_digit(text[i + 4]));
        bool space_follows = digits == 0; /* "25. 000" */
        if (!group_follows && !space_follows)
            return text + i;
    }
    return NULL;
}

bool count_number_parse(const char *text, size_t len, count_number *number)
{
    *number = (count_number){0};
    const char *point = decimal_point(text, len);
    const char *integer_end = point != NULL ? point : text + len;
    unsigned significant = 0;
    for (const char *p = text; p < integer_end; p++) {
        if (!is_digit(*p)) {
            number->grouped = number->grouped || number->written_digits > 0;
            continue;
        }
        if (number->written_digits++ == 0)
            number->leading_zero = *p == '0';
        if (significant == 0 && *p == '0')
            continue;
        if (++significant > COUNT_MAX_DIGITS)
            return false;
        number->integer = number->integer * 10 + (uint64_t)(*p - '0');
    }
    for (const char *p = point != NULL ? point + 1 : integer_end;
         p < text + len && is_digit(*p); p++) {
        if (number->fraction_digits == COUNT_MAX_FRACTION_DIGITS)
            break;
        number->fraction = number->fraction * 10 + (uint64_t)(*p - '0');
        number->fraction_digits++;
    }
    /* As a year it is written plain, e.g. "2020", never "2.020". */
    number->year_like = !number->grouped && point == NULL &&
                        number->written_digits == 4 && !number->leading_zero &&
                        number->integer >= 1900 && number->integer <= 2099;
    return true;
}

bool count_number_scale(const count_number *number, uint64_t multiplier,
                        uint64_t *value)
{
    if (multiplier == 0 || number->integer > COUNT_VALUE_MAX / multiplier)
        return false;
    uint64_t whole = number->integer * multiplier;
    if (number->fraction != 0) {
        uint64_t scale = 1;
        for (unsigned i = 0; i < number->fraction_digits; i++)
            scale *= 10;
        /* Below 10^6 times below 10^10: no overflow. */
        uint64_t part = number->fraction * multiplier;
        if (part % scale != 0)
            return false;
        whole += part / scale;
    }
    if (whole > COUNT_VALUE_MAX)
        return false;
    *value = whole;
    return true;
}

void count_format_decimal(uint64_t value, char out[COUNT_DECIMAL_BYTES])
{
    char reversed[COUNT_DECIMAL_BYTES];
    size_t n = 0;
    do {
        reversed[n++] = (char)('0' + value % 10);
        value /= 10;
    } while (value != 0);
    for (size_t i = 0; i < n; i++)
        out[i] = reversed[n - 1 - i];
    out[n] = '\0';
}
