/*
 * date_scan.c — intervals, spans and lists of dates; see date_scan.h.
 */
#include "date_scan.h"

#include "date_context.h"

#include <factpipe/plugin.h>

#include <stdio.h>

/* Items of one list: "ngày 5, 6, 7 và 8/3" has four. */
enum { MAX_LIST_ITEMS = 8 };

int emit_value(const date_scanner *s, const scan_output *out, size_t first,
               size_t end, const char *value)
{
    const date_token *t = s->tokens;
    if (out->sink(out->context, t[first].start, t[end - 1].end, value) !=
        FP_OK)
        return SINK_FAILED;
    return FOUND;
}

/* A day or month written without a year is of the article's year (the
 * guideline, docs/GUIDELINE.md, "date"); with no article date it stays
 * without one: --03-15, --09. */
static void take_article_year(const date_scanner *s, date_value *v)
{
    if (v->year == 0 && (v->kind == DATE_DAY || v->kind == DATE_MONTH))
        v->year = s->article.year;
}

static int emit_date(const date_scanner *s, const scan_output *out,
                     const date_part *part)
{
    date_value v = part->value;
    take_article_year(s, &v);
    if (!date_is_valid(&v))
        return FOUND; /* "ngày 31 tháng 4", "quý III" of no known year */
    char value[16];
    date_format(&v, value, sizeof value);
    return emit_value(s, out, part->first, part->end, value);
}

/* Where v starts, as a number that orders dates of any kind: 1995 before
 * 2004-01, 2019-Q2 (April) after 2019-03. */
static long start_key(const date_value *v)
{
    int month = v->kind == DATE_QUARTER ? (v->quarter - 1) * 3 + 1 : v->month;
    return (long)v->year * 10000 + month * 100 + v->day;
}

/* Completes the ends of an interval from each other: "từ 15 - 20/3/2019"
 * (day only), "từ ngày 15/3 đến ngày 20/3/2019" (no first year),
 * "30/12 đến 4/1/2017" (the first end in the year before), "từ năm 1995
 * đến tháng 1 - 2004" (ends of different kinds).  Returns false when the
 * ends do not make one interval. */
static bool join_ends(const date_scanner *s, date_value *a, date_value *b)
{
    if (a->kind == DATE_DAY && a->month == 0) {
        if (b->kind != DATE_DAY || b->month == 0)
            return false;
        a->month = b->month;
        a->year = b->year;
    }
    if (a->kind != b->kind &&
        (a->kind == DATE_QUARTER || b->kind == DATE_QUARTER))
        return false;
    /* An end without a year shares the other's, across New Year only
     * when its month comes later: "30/12 đến 4/1/2017"; a year alone
     * lends it to no month ("từ tháng 3 đến năm 2020" says too little). */
    bool new_year = a->month > b->month || a->quarter > b->quarter;
    if (a->year == 0 && b->year != 0) {
        if (b->kind == DATE_YEAR)
            return false;
        a->year = b->year - (new_year ? 1 : 0);
    } else if (b->year == 0 && a->year != 0) {
        if (a->kind == DATE_YEAR)
            return false;
        b->year = a->year + (new_year ? 1 : 0);
    }
    if (a->year == 0 && s->article.year != 0) {
        a->year = s->article.year - (new_year ? 1 : 0);
        b->year = s->article.year;
    }
    if (!date_is_valid(a) || !date_is_valid(b))
        return false;
    return a->year == 0 || start_key(a) < start_key(b);
}

/* parse_part(s, i, false, part), read once per head. */
static bool parse_head(const date_scanner *s, size_t i, head_part *head,
                       date_part *part)
{
    if (!head->read) {
        head->found = parse_part(s, i, false, &head->part);
        head->read = true;
    }
    *part = head->part;
    return head->found;
}

/* Writes "a/b" of two values into text (size >= 40). */
static void format_interval(const date_value *a, const date_value *b,
                            char *text, size_t size)
{
    char first[16], second[16];
    date_format(a, first, sizeof first);
    date_format(b, second, sizeof second);
    snprintf(text, size, "%s/%s", first, second);
}

/* Without "từ", the first end of "X - Y" or "X đến Y" must be a date by
 * itself, and a day more than that: "ngày 10-12/3", "sáng 15/3 - 20/3",
 * "30/12/2016 - 4/1/2017", but not "15/3 - 20/3" alone. */
static bool first_end_is_date(const date_scanner *s, const date_part *a)
{
    if (!part_is_date(s, a, false))
        return false;
    return a->value.kind != DATE_DAY || a->has_day_word ||
           a->value.year != 0 || cue_before(s, a->first) == CUE_STRONG;
}

int scan_interval(const date_scanner *s, const scan_output *out, size_t i,
                  head_part *head, size_t *next)
{
    size_t from_words = role_at(s, i, ROLE_FROM);
    size_t k = from_words > 0 ? skip_time_words(s, i + from_words) : i;
    /* "từ đầu tháng 3", "từ cuối năm 2019": the edge of a month or a
     * year is where the span starts, the month or year its value */
    if (from_words > 0)
        k += role_at(s, k, ROLE_EDGE);
    date_part a, b;
    if (from_words > 0 ? !parse_part(s, k, true, &a)
                       : !parse_head(s, i, head, &a))
        return NOT_FOUND;
    k = a.end;
    if (is_punct(s, k, PUNCT_DASH))
        k++;
    else if (role_at(s, k, ROLE_TO) > 0)
        k += role_at(s, k, ROLE_TO);
    else
        return NOT_FOUND;
    k = skip_time_words(s, k);
    k += role_at(s, k, ROLE_EDGE); /* "đến cuối tháng 9" */
    if (!parse_part(s, k, false, &b) || b.day_only ||
        !part_is_date(s, &b, true))
        return NOT_FOUND;
    if (from_words > 0 ? !part_is_date(s, &a, true)
                       : !first_end_is_date(s, &a))
        return NOT_FOUND;
    date_value first = a.value, second = b.value;
    if (!join_ends(s, &first, &second))
        return NOT_FOUND;
    char value[40];
    format_interval(&first, &second, value, sizeof value);
    *next = b.end;
    return emit_value(s, out, i, b.end, value);
}

int scan_year_span(const date_scanner *s, const scan_output *out, size_t i,
                   size_t *next)
{
    date_part from[MAX_LIST_ITEMS], to[MAX_LIST_ITEMS];
    size_t n = parse_year_spans(s, i, from, to, MAX_LIST_ITEMS);
    if (n == 0)
        return NOT_FOUND;
    for (size_t j = 0; j < n; j++) {
        char value[40];
        format_interval(&from[j].value, &to[j].value, value, sizeof value);
        if (emit_value(s, out, from[j].first, to[j].end, value) ==
            SINK_FAILED)
            return SINK_FAILED;
    }
    *next = to[n - 1].end;
    return FOUND;
}

/* ---- Lists. ----------------------------------------------------------- */

/* The words that join items of a list: ",", "và", "hoặc", ", và".
 * Returns their number of tokens, 0 if none. */
static size_t list_joiner(const date_scanner *s, size_t k)
{
    size_t n = is_punct(s, k, ',') ? 1 : 0;
    return n + role_at(s, k + n, ROLE_AND);
}

/* The next item, at token k, of a list after the item before, joined by
 * "và" or "hoặc" when by_word: "ngày 22 và 23 - 10", "tháng 10, 11 -
 * 2000", "năm 2019 và 2020". */
static bool parse_item(const date_scanner *s, size_t k,
                       const date_part *before, bool by_word,
                       date_part *item)
{
    date_kind kind = before->value.kind;
    bool found;
    switch (kind) {
    case DATE_DAY:
        found = parse_part(s, k, true, item);
        break;
    case DATE_MONTH:
        found = (parse_part(s, k, false, item) && item->month_word) ||
                parse_bare_month(s, k, item);
        break;
    case DATE_YEAR:
        found = parse_part(s, k, false, item) || parse_bare_year(s, k, item);
        break;
    default:
        found = parse_part(s, k, false, item);
        break;
    }
    if (!found || item->value.kind != kind || item->month_figures)
        return false;
    /* "tháng 10, 11 xã", "năm 2019, 2020 hộ": the number counts.  Years
     * listed together ascend, and "và" joins like things: "năm 2019 và
     * 2020 đều ...", but "năm 2019 và 2000 hộ". */
    bool bare_month = kind == DATE_MONTH && !item->month_word &&
                      item->value.year == 0;
    bool year_after_comma = item->bare_year && !by_word;
    if ((bare_month || year_after_comma) &&
        !nothing_counted_after(s, item->end))
        return false;
    if (item->bare_year && item->value.year <= before->value.year)
        return false;
    return part_is_date(s, item, true);
}

/* Items after the head items[0], up to the item that completes them (a
 * day with its month): the number of items in all. */
static size_t read_list(const date_scanner *s, date_part *items)
{
    size_t n = 1;
    date_kind kind = items[0].value.kind;
    while (n < MAX_LIST_ITEMS) {
        size_t at = items[n - 1].end, joiner = list_joiner(s, at);
        bool by_word = joiner > 0 && !is_punct(s, at + joiner - 1, ',');
        if (joiner == 0 ||
            !parse_item(s, at + joiner, &items[n - 1], by_word, &items[n]))
            break;
        n++;
        if (kind == DATE_DAY && items[n - 1].value.month != 0)
            break;
    }
    /* Days need a month at the end: "ngày 10 và 25 hằng tháng" has
     * none. */
    if (kind == DATE_DAY && items[n - 1].value.month == 0)
        return 1;
    return n;
}

/* Earlier items borrow what they lack from later ones: "ngày 22 và 23 -
 * 10" (month), "tháng 10, 11 - 2000" (year), "ngày 31/12 và 1/1/2020"
 * (the year before). */
static void complete_items(date_part *items, size_t n)
{
    for (size_t j = n - 1; j-- > 0;) {
        date_value *v = &items[j].value;
        const date_value *w = &items[j + 1].value;
        if (v->kind == DATE_DAY && v->month == 0) {
            v->month = w->month;
            v->year = w->year;
        } else if (v->year == 0 && w->year != 0) {
            v->year = w->year - (v->month > w->month ? 1 : 0);
        }
    }
}

int scan_single(const date_scanner *s, const scan_output *out, size_t i,
                head_part *head, size_t *next)
{
    date_part items[MAX_LIST_ITEMS];
    if (!parse_head(s, i, head, &items[0]) &&
        !parse_bare_year(s, i, &items[0]))
        return NOT_FOUND;
    *next = items[0].end;
    if (month_names_event(s, &items[0])) {
        /* "Cách mạng Tháng Tám năm 1945": the year stays a fact */
        date_part year = items[0];
        year.value = (date_value){.kind = DATE_YEAR,
                                  .year = items[0].value.year};
        year.first = items[0].year_first;
        return emit_date(s, out, &year);
    }
    if (!part_is_date(s, &items[0], false))
        return FOUND; /* "3/5 xã", "ba tháng": read, not a date */
    size_t n = read_list(s, items);
    if (n > 1) {
        complete_items(items, n);
        *next = items[n - 1].end;
    }
    for (size_t j = 0; j < n; j++)
        if (emit_date(s, out, &items[j]) == SINK_FAILED)
            return SINK_FAILED;
    return FOUND;
}
