/*
 * date_scan — the date facts that start at one token: an interval ("từ
 * ngày 15/3 đến ngày 20/3/2019", "(từ 3/2015 - 8/2018)"), spans of years
 * ("nhiệm kỳ 2016 - 2021", "(2011 - 2015)", "(2010 - 2015 và 2015 -
 * 2020)": one fact per span), or a single date with the list it may head
 * ("ngày 22 và 23 - 10", "tháng 10, 11 - 2000", "năm 2019 và 2020": one
 * fact per item).  date_grammar.c calls them in that order at each token.
 */
#ifndef DATE_SCAN_H
#define DATE_SCAN_H

#include "date_parts.h"

/* Found something at a token: the scan resumes after it. */
enum { NOT_FOUND = 0, FOUND = 1, SINK_FAILED = -1 };

typedef struct scan_output {
    date_sink sink;
    void *context;
} scan_output;

/* The piece parse_part(s, i, false, ...) reads at the token i the scans
 * are tried at: an interval's first end without "từ" and a single date
 * both start with it, and it is read once for both. */
typedef struct head_part {
    bool read, found;
    date_part part;
} head_part;

/* Reports value for tokens [first, end).  Returns FOUND or SINK_FAILED. */
int emit_value(const date_scanner *s, const scan_output *out, size_t first,
               size_t end, const char *value);

/* Each returns NOT_FOUND, FOUND (setting *next to the token after what it
 * read, a fact or not), or SINK_FAILED; head starts unread at each i. */
int scan_interval(const date_scanner *s, const scan_output *out, size_t i,
                  head_part *head, size_t *next);
int scan_year_span(const date_scanner *s, const scan_output *out, size_t i,
                   size_t *next);
int scan_single(const date_scanner *s, const scan_output *out, size_t i,
                head_part *head, size_t *next);

#endif /* DATE_SCAN_H */
