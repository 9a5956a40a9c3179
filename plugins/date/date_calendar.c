/*
 * date_calendar.c — see date_calendar.h.
 */
#include "date_calendar.h"

#include <stdio.h>
#include <string.h>

static bool read_digits(const char *s, size_t n, int *out)
{
    int value = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        value = value * 10 + (s[i] - '0');
    }
    *out = value;
    return true;
}

article_date article_date_parse(const char *iso)
{
    article_date unknown = {0, 0, 0}, date = {0, 0, 0};
    if (iso == NULL)
        return unknown;
    size_t len = strlen(iso);
    if (len != 4 && len != 7 && len != 10)
        return unknown;
    if (!read_digits(iso, 4, &date.year))
        return unknown;
    if (len >= 7 && (iso[4] != '-' || !read_digits(iso + 5, 2, &date.month) ||
                     date.month < 1 || date.month > 12))
        return unknown;
    if (len == 10 && (iso[7] != '-' || !read_digits(iso + 8, 2, &date.day) ||
                      date.day < 1 ||
                      date.day > days_in_month(date.month, date.year)))
        return unknown;
    return date;
}

int days_in_month(int month, int year)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    if (month != 2)
        return days[month - 1];
    bool leap = year == 0 ||
                (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0));
    return leap ? 29 : 28;
}

bool date_is_valid(const date_value *value)
{
    bool year_ok = value->year >= 1000 && value->year <= 2999;
    switch (value->kind) {
    case DATE_DAY:
        return (year_ok || value->year == 0) && value->day >= 1 &&
               value->day <= days_in_month(value->month, value->year);
    case DATE_MONTH:
        return (year_ok || value->year == 0) && value->month >= 1 &&
               value->month <= 12;
    case DATE_QUARTER:
        return year_ok && value->quarter >= 1 && value->quarter <= 4;
    case DATE_YEAR:
        return year_ok;
    }
    return false;
}

int expand_two_digit_year(int yy, int reference_year)
{
    int latest = reference_year + TWO_DIGIT_YEARS_AHEAD;
    return latest - ((latest - yy) % 100 + 100) % 100;
}

/* Writes value, 0 to 10^width - 1, in width digits as "%0*d" does, and
 * returns where it ends. */
static char *put_digits(char *out, int value, int width)
{
    for (int k = width - 1; k >= 0; k--) {
        out[k] = (char)('0' + value % 10);
        value /= 10;
    }
    return out + width;
}

/* Whether each field of value fits the digits the ISO forms give it:
 * true of every date the grammar reports (years of four figures at
 * most), which are then written without the cost of snprintf. */
static bool fits_iso_digits(const date_value *v)
{
    return v->year >= 0 && v->year <= 9999 && v->month >= 0 &&
           v->month <= 99 && v->day >= 0 && v->day <= 99 &&
           v->quarter >= 0 && v->quarter <= 9;
}

/* date_format() of a value that fits_iso_digits(), into out (>= 11
 * bytes). */
static void write_iso(const date_value *v, char *out)
{
    char *p = out;
    if (v->year != 0 || v->kind == DATE_YEAR || v->kind == DATE_QUARTER)
        p = put_digits(p, v->year, 4);
    else
        *p++ = '-'; /* "--03-15", "--03": no year */
    switch (v->kind) {
    case DATE_DAY:
        *p++ = '-';
        p = put_digits(p, v->month, 2);
        *p++ = '-';
        p = put_digits(p, v->day, 2);
        break;
    case DATE_MONTH:
        *p++ = '-';
        p = put_digits(p, v->month, 2);
        break;
    case DATE_QUARTER:
        *p++ = '-';
        *p++ = 'Q';
        p = put_digits(p, v->quarter, 1);
        break;
    case DATE_YEAR:
        break;
    }
    *p = '\0';
}

void date_format(const date_value *value, char *out, size_t size)
{
    if (size >= 11 && fits_iso_digits(value)) {
        write_iso(value, out);
        return;
    }
    switch (value->kind) {
    case DATE_DAY:
        if (value->year == 0)
            snprintf(out, size, "--%02d-%02d", value->month, value->day);
        else
            snprintf(out, size, "%04d-%02d-%02d", value->year, value->month,
                     value->day);
        return;
    case DATE_MONTH:
        if (value->year == 0)
            snprintf(out, size, "--%02d", value->month);
        else
            snprintf(out, size, "%04d-%02d", value->year, value->month);
        return;
    case DATE_QUARTER:
        snprintf(out, size, "%04d-Q%d", value->year, value->quarter);
        return;
    case DATE_YEAR:
        snprintf(out, size, "%04d", value->year);
        return;
    }
}

/* Howard Hinnant's days_from_civil / civil_from_days (public domain). */
long days_from_civil(int year, int month, int day)
{
    long y = month <= 2 ? year - 1 : year;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void civil_from_days(long days, int *year, int *month, int *day)
{
    days += 719468;
    long era = (days >= 0 ? days : days - 146096) / 146097;
    long doe = days - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *day = (int)(doy - (153 * mp + 2) / 5 + 1);
    *month = (int)(mp < 10 ? mp + 3 : mp - 9);
    *year = (int)(yoe + era * 400 + (*month <= 2 ? 1 : 0));
}

int weekday_of(int year, int month, int day)
{
    long days = days_from_civil(year, month, day); /* 1970-01-01: Thursday */
    long monday_based = (days + 3) % 7;
    if (monday_based < 0)
        monday_based += 7;
    return (int)monday_based + 1;
}
