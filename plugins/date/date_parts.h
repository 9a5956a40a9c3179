/*
 * date_parts — the pieces of a date expression, read at one token:
 * "ngày 5 tháng 10 năm 2018", "05/10/2018", "15/3", "tháng 10/2018",
 * "quý III/2018", "năm 2020", and the bare day "15" that starts
 * "từ 15 - 20/3/2019".  date_grammar.c decides which pieces are facts.
 */
#ifndef DATE_PARTS_H
#define DATE_PARTS_H

#include "date_grammar.h"

typedef struct date_scanner {
    const date_grammar *grammar;
    const char *folded;
    const date_token *tokens;
    size_t n;
    article_date article;
    int two_digit_reference; /* year two-digit years are read near */
} date_scanner;

typedef struct date_part {
    date_value value;  /* year 0 when the text gives none */
    size_t first, end; /* tokens [first, end) */
    bool has_day_word; /* written after "ngày" / "mồng" */
    bool day_only;     /* just a day number, "15" of "từ 15 - 20/3" */
} date_part;

/* Number of words of the grammar phrase at token i if it has one of
 * roles, else 0. */
size_t role_at(const date_scanner *s, size_t i, unsigned roles);

/* Reads a date piece at token i: a day (numeric or worded, with or without
 * "ngày"), a month after "tháng", a quarter after "quý", a year after
 * "năm".  allow_day_only: accept a bare day number "15" too.  Lunar dates
 * and yearly recurrences ("ngày 14/4 hằng năm") are refused.  Returns
 * true and fills *part. */
bool parse_part(const date_scanner *s, size_t i, bool allow_day_only,
                date_part *part);

/* A span of years at token i: a period word or "năm", then
 * "2016 - 2021" (or "2016 đến 2021").  Fills *from and *to. */
bool parse_year_span(const date_scanner *s, size_t i, date_part *from,
                     date_part *to);

#endif /* DATE_PARTS_H */
