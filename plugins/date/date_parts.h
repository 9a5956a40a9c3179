/*
 * date_parts — the pieces of a date expression, read at one token:
 * "ngày 5 tháng 10 năm 2018", "05/10/2018", "17 - 3 – 2004", "15/3",
 * "tháng 10/2018", "tháng 8 – 2003", "3/2015", "quý III/2018",
 * "quí 1 - 2004", "năm 2020", a bare year "2030", and the bare day "15"
 * that starts "từ 15 - 20/3/2019".  date_context.c says where a piece
 * stands as a date and date_grammar.c which pieces are facts.
 */
#ifndef DATE_PARTS_H
#define DATE_PARTS_H

#include "date_tokens.h"

typedef struct date_part {
    date_value value;  /* year 0 when the text gives none */
    size_t first, end; /* tokens [first, end) */
    bool has_day_word; /* written after "ngày" / "mồng" */
    bool often_lunar;  /* ... after "mồng" / "mùng" */
    bool day_only;     /* just a day number, "15" of "từ 15 - 20/3" */
    bool spaced;       /* "21 - 3": dashes set off by spaces, which ranges
                          of numbers share ("40 - 60 chiếc") */
    bool month_figures; /* "3/2015": month and year in figures only */
    bool month_word;   /* after "tháng" */
    bool bare_year;    /* a year number without "năm" */
    size_t year_first; /* where the year after a month starts ("năm 1945"
                          of "Tháng Tám năm 1945"), 0 when none */
} date_part;

/* Reads a date piece at token i: a day (numeric or worded, with or without
 * "ngày"), a month after "tháng", a quarter after "quý", a year after
 * "năm", a month and year in figures ("3/2015").  allow_day_only: accept
 * a bare day number "15" too.  Lunar dates and yearly recurrences
 * ("ngày 14/4 hằng năm") are refused.  Returns true and fills *part. */
bool parse_part(const date_scanner *s, size_t i, bool allow_day_only,
                date_part *part);

/* A year written as a bare number at token i ("đến 2030", "và 2020"):
 * four digits, 1900-2099 (a bare number further off is rather a count),
 * not the start of a duration ("2000 năm"). */
bool parse_bare_year(const date_scanner *s, size_t i, date_part *part);

/* A month number alone at token i, as the later items of "tháng 10, 11 -
 * 2000" and "tháng 6, 7 và 8 năm 2019" write it, with its year if one
 * follows. */
bool parse_bare_month(const date_scanner *s, size_t i, date_part *part);

/* Counts and prices are written in round figures, multiples of fifty;
 * years seldom are ("từ 1900 đến 2000 đồng", "mùa mưa 2000 mm"). */
bool is_round_figure(int number);

/* Spans of years at token i: a period word, "từ", "năm" or an opening
 * bracket, then "2016 - 2021" (or "2016 đến 2021"; after a period or a
 * season word also "2024/2025"; after a season two successive years
 * only), and the spans a comma
 * or "và" joins to it ("(2010 - 2015 và 2015 - 2020)"); a bracket needs
 * its closing one after the last.  Fills from[j] and to[j] for each span
 * and returns how many (at most max), 0 when none starts there. */
size_t parse_year_spans(const date_scanner *s, size_t i, date_part *from,
                        date_part *to, size_t max);

/* The index after the time of day, part of the day and weekday that may
 * stand between "đến" and a date ("đến 17h ngày 15/6", "đến 4 giờ sáng
 * ngày 12 - 8", "đến chiều thứ Sáu, 15/6"); i when there is none. */
size_t skip_time_words(const date_scanner *s, size_t i);

#endif /* DATE_PARTS_H */
