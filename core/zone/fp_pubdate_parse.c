/* Reading dates: date expressions in text (the forms of
 * fp_pubdate_rules.c), machine-written values of markup, and URLs. */
#include "fp_pubdate.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

bool pubdate_valid_day(int year, int month, int day)
{
    static const int days_in_month[12] = {31, 29, 31, 30, 31, 30,
                                          31, 31, 30, 31, 30, 31};
    if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1)
        return false;
    if (month == 2 && day == 29)
        return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= days_in_month[month - 1];
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* ---- text ------------------------------------------------------------ */

/* A two-digit year in the nearer century that is not in the future
 * (docs/GUIDELINE.md, date: 3/3/17 is 2017, 3/9/91 is 1991). */
static int full_year(int two_digits)
{
    time_t now = time(NULL);
    struct tm parts;
    int this_year = gmtime_r(&now, &parts) ? parts.tm_year + 1900 : 2000;
    int year = this_year / 100 * 100 + two_digits;
    return year > this_year ? year - 100 : year;
}

static int group_int(zone_matcher *m, zone_span s, int group)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->match);
    if (ov[2 * group] == PCRE2_UNSET)
        return -1;
    int value = 0;
    for (size_t i = ov[2 * group]; i < ov[2 * group + 1] && value < 100000; i++)
        value = value * 10 + (s.s[i] - '0');
    return value;
}

static bool group_set(zone_matcher *m, int group)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->match);
    return ov[2 * group] != PCRE2_UNSET;
}

/* The number of the month name a group matched. */
static int month_group(zone_matcher *m, zone_span s, int group)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->match);
    if (ov[2 * group] == PCRE2_UNSET)
        return -1;
    return pubdate_month_number(pubdate_rules_months(m->rules->pubdate),
                                s.s + ov[2 * group],
                                ov[2 * group + 1] - ov[2 * group]);
}

/* Which form matched: the one whose first group took part (every form
 * has a group that always does). */
static pubdate_form matched_form(zone_matcher *m, const pubdate_dates *dates)
{
    for (int form = 0; form < PD_FORM_COUNT; form++) {
        int g = dates->first_group[form];
        if (g == 0)
            continue;
        if (group_set(m, g))
            return (pubdate_form)form;
    }
    return PD_FORM_COUNT;
}

/* Day, month and year of the match just made, read as form. */
static void read_groups(zone_matcher *m, const pubdate_dates *dates,
                        pubdate_form form, zone_span s, unsigned flags,
                        int *year, int *month, int *day)
{
    bool month_first = flags & PD_FIND_MONTH_FIRST;
    int g = dates->first_group[form];
    switch (form) {
    case PD_FORM_NUMERIC:
    case PD_FORM_SHORT_YEAR: {
        int a = group_int(m, s, g), b = group_int(m, s, g + 2);
        *year = group_int(m, s, g + 3);
        if (form == PD_FORM_SHORT_YEAR)
            *year = full_year(*year);
        /* Day first (24/12/2012) unless the page writes month first or
         * only the other reading exists. */
        bool swap = month_first ? a <= 12 : (b > 12 && a <= 12);
        *day = swap ? b : a;
        *month = swap ? a : b;
        break;
    }
    case PD_FORM_YMD:
        *year = group_int(m, s, g);
        *month = group_int(m, s, g + 2);
        *day = group_int(m, s, g + 3);
        break;
    case PD_FORM_DAY_MONTH:
        *day = group_int(m, s, g);
        *month = month_group(m, s, g + 1);
        *year = group_int(m, s, g + 2);
        break;
    case PD_FORM_MONTH_DAY:
        *month = month_group(m, s, g);
        *day = group_int(m, s, g + 1);
        *year = group_int(m, s, g + 2);
        break;
    default:
        *year = *month = *day = -1;
        break;
    }
}

/* A full date needs a day, a month and a year: four digits at least
 * (24.12.12). */
static bool enough_digits(zone_span s, size_t from)
{
    int digits = 0;
    for (size_t i = from; i < s.len; i++)
        if (is_digit(s.s[i]) && ++digits >= 4)
            return true;
    return false;
}

bool pubdate_may_hold_date(zone_span s)
{
    return enough_digits(s, 0);
}

/* Every date form holds a year: four digits alone (1900-2100, what
 * pubdate_valid_day accepts), or two after "d.m." / "d/m/".  The next year at or after *at, as [start, end);
 * false when there is none. */
static bool next_year(zone_span s, size_t *at, bool short_year, size_t *start,
                      size_t *end)
{
    size_t i = *at;
    while (i < s.len) {
        if (!is_digit(s.s[i])) {
            i++;
            continue;
        }
        size_t run = i;
        while (run < s.len && is_digit(s.s[run]))
            run++;
        size_t n = run - i;
        /* A year the calendar check would accept (phone numbers, amounts
         * and codes mostly are not). */
        bool year = n == 4 && (s.s[i] == '1' ? s.s[i + 1] == '9'
                                             : s.s[i] == '2' &&
                                                   (s.s[i + 1] == '0' ||
                                                    (s.s[i + 1] == '1' &&
                                                     s.s[i + 2] == '0' &&
                                                     s.s[i + 3] == '0')));
        if (!year && n == 2 && short_year && i >= 4 &&
            (s.s[i - 1] == '.' || s.s[i - 1] == '/') && is_digit(s.s[i - 2]))
            year = true;
        if (year) {
            *start = i;
            *end = run;
            *at = run;
            return true;
        }
        i = run;
    }
    *at = s.len;
    return false;
}

/* How far before its year a date may start ("24th of September, 2019",
 * "24 de septiembre de 2019", "24 tháng 12 năm 2012": some twenty bytes)
 * and after it end (2012-12-24). */
enum { PD_DATE_BEFORE_YEAR = 32, PD_DATE_AFTER_YEAR = 8 };

/* Every form has a day's digits next to its year (before it, or after it
 * in 2012-12-24): "năm 2020" alone is no date, and no pattern is run. */
static bool digits_around(zone_span s, size_t from, size_t year_start,
                          size_t year_end, size_t to)
{
    for (size_t i = from; i < year_start; i++)
        if (is_digit(s.s[i]))
            return true;
    for (size_t i = year_end; i < to; i++)
        if (is_digit(s.s[i]))
            return true;
    return false;
}

/* The earliest valid date matched in s[from, to) (to not inside a
 * number). */
static bool match_window(zone_matcher *m, const pubdate_dates *dates,
                         zone_span s, size_t from, size_t to, unsigned flags,
                         pubdate_match *out)
{
    size_t offset = from;
    while (offset < to &&
           pcre2_match(dates->re, (PCRE2_SPTR)s.s, to, offset, 0, m->match,
                       m->rules->match_context) > 0) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->match);
        int year, month, day;
        pubdate_form form = matched_form(m, dates);
        /* Every alternative of the pattern is a form, so one always
         * matched; should the pattern and the forms ever disagree, the
         * match is skipped rather than read through a group that is not
         * there. */
        if (form != PD_FORM_COUNT)
            read_groups(m, dates, form, s, flags, &year, &month, &day);
        if (form != PD_FORM_COUNT &&
            (form != PD_FORM_SHORT_YEAR || (flags & PD_FIND_SHORT_YEAR)) &&
            pubdate_valid_day(year, month, day)) {
            out->when = (pubdate_stamp){year, month, day, -1, -1, -1,
                                        PD_TZ_NONE};
            out->start = ov[0];
            out->end = ov[1];
            return true;
        }
        /* 31/02 does not exist (or 24.12.12 was not asked for): go on
         * after its first character. */
        offset = ov[0] + 1;
        while (offset < to && ((unsigned char)s.s[offset] & 0xC0) == 0x80)
            offset++;
    }
    return false;
}

/* The forms to search s[from, to) with: all of them, or (screened) those
 * led by a digit when no month-first date can be there — the same matches,
 * found two to three times faster. */
static const pubdate_dates *window_forms(const pubdate_rules *r, zone_span s,
                                         size_t from, size_t to,
                                         bool screened)
{
    const pubdate_dates *digit_led = pubdate_digit_led_pattern(r);
    if (screened && digit_led->re &&
        !pubdate_month_day_may_match(r, s, from, to))
        return digit_led;
    return pubdate_dates_pattern(r);
}

static bool find_in_text(zone_matcher *m, zone_span s, size_t from,
                         unsigned flags, bool screened, pubdate_match *out)
{
    const pubdate_rules *r = m->rules->pubdate;
    if (!r || from >= s.len || !enough_digits(s, from))
        return false;
    /* The pattern runs only around each year, not over the whole line:
     * most numbers in a text are not dates. */
    bool found = false;
    size_t at = from, year_start, year_end;
    while (next_year(s, &at, flags & PD_FIND_SHORT_YEAR, &year_start,
                     &year_end)) {
        size_t window = year_start > from + PD_DATE_BEFORE_YEAR
                            ? year_start - PD_DATE_BEFORE_YEAR
                            : from;
        if (found && window >= out->start)
            break;
        while (window > from && ((unsigned char)s.s[window] & 0xC0) == 0x80)
            window--;
        size_t to = year_end + PD_DATE_AFTER_YEAR;
        if (to > s.len)
            to = s.len;
        while (to < s.len && is_digit(s.s[to]) && is_digit(s.s[to - 1]))
            to++;
        while (to < s.len && ((unsigned char)s.s[to] & 0xC0) == 0x80)
            to++;
        pubdate_match candidate;
        if (digits_around(s, window, year_start, year_end, to) &&
            match_window(m, window_forms(r, s, window, to, screened), s,
                         window, to, flags, &candidate) &&
            (!found || candidate.start < out->start)) {
            *out = candidate;
            found = true;
        }
    }
    return found;
}

bool pubdate_find_in_text(zone_matcher *m, zone_span s, size_t from,
                          unsigned flags, pubdate_match *out)
{
    return find_in_text(m, s, from, flags, true, out);
}

bool pubdate_find_in_text_unscreened(zone_matcher *m, zone_span s,
                                     size_t from, unsigned flags,
                                     pubdate_match *out)
{
    return find_in_text(m, s, from, flags, false, out);
}

/* ---- machine-written values ------------------------------------------ */

/* Are p[0..n) all digits?  Stops at the first that is not (the NUL). */
static bool all_digits(const char *p, int n)
{
    for (int i = 0; i < n; i++)
        if (!is_digit(p[i]))
            return false;
    return true;
}

/* n digits at *p as a number, advancing *p; -1 when they are not there. */
static int take_number(const char **p, int n)
{
    int value = 0;
    for (int i = 0; i < n; i++) {
        if (!is_digit((*p)[i]))
            return -1;
        value = value * 10 + ((*p)[i] - '0');
    }
    *p += n;
    return value;
}

/* One or two digits. */
static int take_small(const char **p)
{
    if (!is_digit(**p))
        return -1;
    int value = *(*p)++ - '0';
    if (is_digit(**p))
        value = value * 10 + (*(*p)++ - '0');
    return value;
}

/* "hh:mm[:ss[.fff]]" and a zone after a date, where there is one. */
static void read_time(const char *p, pubdate_stamp *out)
{
    if (*p != 'T' && *p != ' ')
        return;
    p++;
    int hour = take_small(&p);
    if (hour < 0 || hour > 23 || *p != ':')
        return;
    p++;
    int minute = take_number(&p, 2);
    if (minute < 0 || minute > 59)
        return;
    int second = 0;
    if (*p == ':') {
        p++;
        second = take_number(&p, 2);
        if (second < 0 || second > 60)
            return;
        if (*p == '.' || *p == ',')
            for (p++; is_digit(*p); p++)
                ;
    }
    out->hour = hour;
    out->minute = minute;
    out->second = second;
    while (*p == ' ')
        p++;
    if (*p == 'Z' || strncmp(p, "GMT", 3) == 0 || strncmp(p, "UTC", 3) == 0) {
        bool offset = p[0] != 'Z' && (p[3] == '+' || p[3] == '-');
        if (!offset) {
            out->tz = PD_TZ_UTC;
            return;
        }
        p += 3;
    }
    if (*p == '+' || *p == '-') {
        p++;
        int h = take_number(&p, 2);
        if (*p == ':')
            p++;
        int mm = is_digit(*p) ? take_number(&p, 2) : 0;
        if (h < 0 || mm < 0)
            return;
        out->tz = h == 0 && mm == 0 ? PD_TZ_UTC : PD_TZ_OFFSET;
    }
}

bool pubdate_read_value(zone_matcher *m, const char *value,
                        pubdate_stamp *out)
{
    if (!value)
        return false;
    const char *p = value;
    while (*p == ' ' || *p == '\t')
        p++;
    *out = (pubdate_stamp){0, 0, 0, -1, -1, -1, PD_TZ_NONE};
    const char *start = p;
    int year = take_number(&p, 4);
    if (year >= 0 && (*p == '-' || *p == '/' || *p == '.')) {
        /* 2019-10-21, 2023/11/02 20:59:53, 2019-10-21T10:00:00+02:00 */
        char sep = *p++;
        int month = take_small(&p);
        int day = -1;
        if (month >= 0 && *p == sep) {
            p++;
            day = take_small(&p);
        }
        if (!pubdate_valid_day(year, month, day) || is_digit(*p))
            return false;
        out->year = year, out->month = month, out->day = day;
        read_time(p, out);
        return true;
    }
    if (year >= 0 && all_digits(p, 4) && !is_digit(p[4])) {
        /* 20191021 */
        int month = take_number(&p, 2), day = take_number(&p, 2);
        if (!pubdate_valid_day(year, month, day))
            return false;
        out->year = year, out->month = month, out->day = day;
        return true;
    }
    p = start;
    int a = take_small(&p);
    if (a >= 0 && (*p == '/' || *p == '.' || *p == '-')) {
        /* 11/01/2023 12:43:42 (month first, as programs write it),
         * 01.11.2023 (day first) */
        char sep = *p++;
        int b = take_small(&p);
        int y = b >= 0 && *p == sep ? (p++, take_number(&p, 4)) : -1;
        bool month_first = sep == '/' ? a <= 12 : (b > 12 && a <= 12);
        int month = month_first ? a : b, day = month_first ? b : a;
        if (y >= 0 && !is_digit(*p) && pubdate_valid_day(y, month, day)) {
            out->year = y, out->month = month, out->day = day;
            read_time(p, out);
            return true;
        }
    }
    /* Words: "Tue, 21 Oct 2019 10:00:00 GMT", "October 21, 2019". */
    size_t len = strnlen(value, FP_MARKUP_MAX_VALUE);
    pubdate_match found;
    if (!pubdate_find_in_text(m, (zone_span){value, len}, 0, 0, &found))
        return false;
    *out = found.when;
    read_time(value + found.end, out);
    return true;
}

/* ---- URLs ------------------------------------------------------------ */

/* Does a path segment end at p ('/', the end, a query, a fragment, or a
 * file extension)? */
static bool segment_ends(const char *p)
{
    return *p == '/' || *p == '\0' || *p == '?' || *p == '#' ||
           (*p == '.' && !is_digit(p[1]));
}

bool pubdate_read_url(const char *url, pubdate_stamp *out)
{
    if (!url)
        return false;
    /* The path: after "scheme://host", or all of a relative URL. */
    const char *path = strstr(url, "://");
    if (path) {
        path = strchr(path + 3, '/');
        if (!path)
            return false;
    } else {
        path = url;
    }
    size_t path_len = strcspn(path, "?#");
    for (size_t i = 0; i + 8 <= path_len; i++) {
        const char *p = path + i;
        bool at_segment = p[0] == '/' && is_digit(p[1]);
        bool in_segment = !is_digit(p[0]) && is_digit(p[1]);
        if (!at_segment && !in_segment)
            continue;
        p++;
        int year = take_number(&p, 4);
        if (year < 0 || (is_digit(*p) && !at_segment))
            continue;
        int month, day;
        if (at_segment && *p == '/') {
            /* /2012/12/24/ : three whole segments */
            p++;
            month = take_small(&p);
            if (month < 0 || *p != '/')
                continue;
            p++;
            day = take_small(&p);
            if (day < 0 || !segment_ends(p))
                continue;
        } else if (at_segment && all_digits(p, 4) && segment_ends(p + 4)) {
            /* /20200428/ : a whole segment of eight digits */
            month = take_number(&p, 2);
            day = take_number(&p, 2);
        } else if (*p == '-') {
            /* …/2019-12-22-firefox… : one dashed date in a segment */
            p++;
            month = take_number(&p, 2);
            if (month < 0 || *p != '-')
                continue;
            p++;
            day = take_number(&p, 2);
            if (day < 0 || is_digit(*p))
                continue;
        } else {
            continue;
        }
        if (pubdate_valid_day(year, month, day)) {
            *out = (pubdate_stamp){year, month, day, -1, -1, -1, PD_TZ_NONE};
            return true;
        }
    }
    return false;
}
