/*
 * date_calendar — calendar arithmetic and the ISO 8601 forms the guideline
 * (docs/GUIDELINE.md, "date") asks for: 2018-10-05, --10-05 (no year
 * known), 2018-10, --10 (no year known), 2018, 2018-Q3.
 */
#ifndef DATE_CALENDAR_H
#define DATE_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>

typedef enum date_kind {
    DATE_DAY,     /* day of a month, year maybe unknown */
    DATE_MONTH,   /* month of a year, year maybe unknown */
    DATE_YEAR,
    DATE_QUARTER
} date_kind;

typedef struct date_value {
    date_kind kind;
    int year; /* 0: not known (a day or month written without a year) */
    int month, day, quarter;
} date_value;

/* The article's own date, fields 0 where unknown. */
typedef struct article_date {
    int year, month, day;
} article_date;

/* Reads "YYYY-MM-DD", "YYYY-MM" or "YYYY" (NULL or anything else: all
 * unknown). */
article_date article_date_parse(const char *iso);

/* Days in month of year; a February of an unknown year (0) has 29. */
int days_in_month(int month, int year);

/* Month within 1-12, day within its month, quarter within 1-4, year
 * within 1000-2999 or unknown for a day or a month. */
bool date_is_valid(const date_value *value);

/* The year a two-digit year yy stands for: the latest year ending in yy
 * that is at most TWO_DIGIT_YEARS_AHEAD years after reference_year (the
 * article's year).  Dates written short are mostly past ones: in an
 * article of 2023, "22/12/44" is 1944, "15/3/68" 1968, "3/3/17" 2017 and
 * a deadline "30/6/25" 2025. */
enum { TWO_DIGIT_YEARS_AHEAD = 10 };
int expand_two_digit_year(int yy, int reference_year);

/* ISO 8601 text of value into out; size 16 is always enough. */
void date_format(const date_value *value, char *out, size_t size);

/* Days since 1970-01-01 and back; weekday 1 (Monday) to 7 (Sunday). */
long days_from_civil(int year, int month, int day);
void civil_from_days(long days, int *year, int *month, int *day);
int weekday_of(int year, int month, int day);

#endif /* DATE_CALENDAR_H */
