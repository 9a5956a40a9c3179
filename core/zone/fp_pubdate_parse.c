/* Reading dates: date expressions in text (the forms of
 * fp_pubdate_rules.c), machine-written values of markup, and URLs. */
#include "fp_pubdate.h"

#include <stdlib.h>
#include <string.h>

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

/* The month of a month-name form: the one of its twelve groups (from
 * first) that took part. */
static int month_group(zone_matcher *m, int first)
{
    for (int k = 0; k < 12; k++)
        if (group_set(m, first + k))
            return k + 1;
    return -1;
}

/* Day, month and year of the match just made with form's pattern. */
static void read_groups(zone_matcher *m, pubdate_form form, zone_span s,
                        bool month_first, int *year, int *month, int *day)
{
    switch (form) {
    case PD_FORM_NUMERIC: {
        int a = group_int(m, s, 1), b = group_int(m, s, 3);
        *year = group_int(m, s, 4);
        /* Day first (24/12/2012) unless the page writes month first or
         * only the other reading exists. */
        bool swap = month_first ? a <= 12 : (b > 12 && a <= 12);
        *day = swap ? b : a;
        *month = swap ? a : b;
        break;
    }
    case PD_FORM_YMD:
        *year = group_int(m, s, 1);
        *month = group_int(m, s, 3);
        *day = group_int(m, s, 4);
        break;
    case PD_FORM_DAY_MONTH:
        *day = group_int(m, s, 1);
        *month = month_group(m, 2);
        *year = group_int(m, s, 14);
        break;
    default: /* PD_FORM_MONTH_DAY */
        *month = month_group(m, 1);
        *day = group_int(m, s, 13);
        *year = group_int(m, s, 14);
        break;
    }
}

/* A full date needs a day and a four-digit year: five digits at least. */
static bool enough_digits(zone_span s, size_t from)
{
    int digits = 0;
    for (size_t i = from; i < s.len; i++)
        if (is_digit(s.s[i]) && ++digits >= 5)
            return true;
    return false;
}

bool pubdate_find_in_text(zone_matcher *m, zone_span s, size_t from,
                          bool month_first, pubdate_match *out)
{
    const pubdate_rules *r = m->rules->pubdate;
    if (!r || from >= s.len || !enough_digits(s, from))
        return false;
    bool found = false;
    for (int form = 0; form < PD_FORM_COUNT; form++) {
        const pcre2_code *re = pubdate_form_pattern(r, (pubdate_form)form);
        size_t offset = from;
        /* Only an earlier match than the best so far can win. */
        size_t limit = found ? out->start : s.len;
        while (re && offset < limit &&
               pcre2_match(re, (PCRE2_SPTR)s.s, s.len, offset, 0, m->match,
                           m->rules->match_context) > 0) {
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->match);
            if (ov[0] >= limit)
                break;
            int year, month, day;
            read_groups(m, (pubdate_form)form, s, month_first, &year, &month,
                        &day);
            if (pubdate_valid_day(year, month, day)) {
                out->when = (pubdate_stamp){year, month, day, -1, -1, -1,
                                            PD_TZ_NONE};
                out->start = ov[0];
                out->end = ov[1];
                found = true;
                break;
            }
            offset = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
        }
    }
    return found;
}

/* ---- machine-written values ------------------------------------------ */

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
    if (year >= 0 && is_digit(p[0]) && is_digit(p[3]) && !is_digit(p[4])) {
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
    if (!pubdate_find_in_text(m, (zone_span){value, len}, 0, false, &found))
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
        if (year < 0 || is_digit(*p))
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
