/*
 * date_parts.c — reading the pieces of a date; see date_parts.h.
 */
#include "date_parts.h"

#include <string.h>

/* Bare numbers read as years lie in this window (see parse_bare_year);
 * counts and prices are written in multiples of ROUND_FIGURE. */
enum { BARE_YEAR_MIN = 1900, BARE_YEAR_MAX = 2099, ROUND_FIGURE = 50 };

bool is_round_figure(int number)
{
    return number % ROUND_FIGURE == 0;
}

static int year_of_number(const date_scanner *s, size_t i)
{
    const date_token *t = &s->tokens[i];
    if (t->n_digits == 4)
        return t->number;
    return expand_two_digit_year(t->number, s->two_digit_reference);
}

/* "năm nay", "năm ngoái" as the year of a month or a day: part of an
 * absolute date, read whatever the relative option says. */
static const lexicon_entry *relative_at(const date_scanner *s, size_t i,
                                        int unit)
{
    const lexicon_entry *e = i < s->n ? s->tokens[i].relative : NULL;
    return e != NULL && e->value == unit ? e : NULL;
}

/* A year after a month or a quarter: "/2018", "-2018", " - 2018"
 * (news style, any dash), "năm 2018", ", năm 2018", "năm nay", and, when
 * allow_space, a bare " 2018".  Sets *year and *end on success. */
static bool parse_year_tail(const date_scanner *s, size_t i, bool allow_space,
                            int *year, size_t *end)
{
    const date_token *t = token_at(s, i);
    if (t == NULL)
        return false;
    if (t->type == TOKEN_PUNCT && t->punct != '.' && is_joiner(t->punct) &&
        is_number(s, i + 1, 4, 4) && free_after(s, i + 1, t->punct) &&
        (t->punct == PUNCT_DASH ||
         (!t->space_before && !s->tokens[i + 1].space_before))) {
        *year = s->tokens[i + 1].number;
        *end = i + 2;
        return true;
    }
    size_t k = is_punct(s, i, ',') ? i + 1 : i;
    size_t year_words = role_at(s, k, ROLE_YEAR);
    if (year_words > 0 && is_number(s, k + year_words, 4, 4) &&
        s->tokens[k + year_words].space_before &&
        free_after(s, k + year_words, 0)) {
        *year = s->tokens[k + year_words].number;
        *end = k + year_words + 1;
        return true;
    }
    const lexicon_entry *relative = relative_at(s, i, RELATIVE_YEAR);
    if (relative != NULL && s->article.year != 0) {
        *year = s->article.year + relative->offset;
        *end = i + relative->n_words;
        return true;
    }
    if (allow_space && t->space_before && is_number(s, i, 4, 4) &&
        free_after(s, i, 0)) {
        *year = t->number;
        *end = i + 1;
        return true;
    }
    return false;
}

/* A month at token i: "10", "03", or a name from date-months.txt.  A name
 * that is also the year word ("năm" is May and "year") followed by a
 * number is the year word: "9 tháng năm 2018" is nine months of 2018.
 * *spelled tells a name. */
static bool parse_month_number(const date_scanner *s, size_t i, int *month,
                               size_t *end, bool *spelled)
{
    *spelled = false;
    if (is_number(s, i, 1, 2) && s->tokens[i].space_before) {
        const date_token *next = token_at(s, i + 1);
        if (next != NULL && !next->space_before && next->type == TOKEN_WORD)
            return false; /* "tháng 3A" */
        *month = s->tokens[i].number;
        *end = i + 1;
        return *month >= 1 && *month <= 12;
    }
    const lexicon_entry *name = lexicon_match(&s->grammar->months, s->folded,
                                              s->tokens, s->n, i);
    if (name == NULL)
        return false;
    size_t after = i + name->n_words;
    if (role_at(s, i, ROLE_YEAR) == name->n_words && is_number(s, after, 1, 9))
        return false;
    *month = name->value;
    *end = after;
    *spelled = true;
    return true;
}

/* A unit of time not followed by a number: what the numbers before it
 * count ("sau 2000 năm", "nghỉ lễ 4 - 5 ngày"), not the start of a date
 * ("năm 2019", "ngày 5"). */
static bool unit_of_time_at(const date_scanner *s, size_t i)
{
    size_t words = role_at(s, i, ROLE_DAY | ROLE_MONTH | ROLE_YEAR);
    return words > 0 && !is_number(s, i + words, 1, 4);
}

/* Day d and month m in range (the day checked against the month again
 * once the year is known). */
static bool day_month_in_range(int d, int m)
{
    return d >= 1 && d <= 31 && m >= 1 && m <= 12;
}

/* "15/3", "05/10/2018", "5.10.2018", "24-7", "3/3/17" at token i; news
 * style with spaced dashes, "21 - 3", "17 - 3 – 2004", "21-3 - 2004".  A
 * dot without a year only after "ngày" (else "15.3" is a decimal). */
static bool parse_numeric_day(const date_scanner *s, size_t i,
                              bool allow_dot, date_part *part)
{
    if (!is_number(s, i, 1, 2) || !free_before(s, i))
        return false;
    const date_token *sep = token_at(s, i + 1);
    if (sep == NULL || sep->type != TOKEN_PUNCT || !is_joiner(sep->punct) ||
        !is_number(s, i + 2, 1, 2))
        return false;
    bool glued = !sep->space_before && !s->tokens[i + 2].space_before;
    /* "ngày 30 /4/ 1975": slashes set off by spaces, with the year in
     * full (else "1 / 3 gương mặt" is a fraction) */
    if (!glued && sep->punct == '/' && is_punct(s, i + 3, '/') &&
        is_number(s, i + 4, 4, 4) && free_after(s, i + 4, 0) &&
        day_month_in_range(s->tokens[i].number, s->tokens[i + 2].number)) {
        part->value = (date_value){.kind = DATE_DAY,
                                   .year = s->tokens[i + 4].number,
                                   .month = s->tokens[i + 2].number,
                                   .day = s->tokens[i].number};
        part->end = i + 5;
        return true;
    }
    if (!glued && sep->punct != PUNCT_DASH)
        return false; /* "1 / 3 gương mặt": a fraction */
    int day = s->tokens[i].number, month = s->tokens[i + 2].number;
    if (!day_month_in_range(day, month))
        return false;
    size_t last = i + 2;
    int year = 0;
    if (glued && is_glued_punct(s, i + 3, sep->punct) &&
        is_glued_number(s, i + 4) &&
        (is_number(s, i + 4, 2, 2) || is_number(s, i + 4, 4, 4))) {
        last = i + 4;
        year = year_of_number(s, last);
    } else if (sep->punct == PUNCT_DASH && is_punct(s, i + 3, PUNCT_DASH) &&
               is_number(s, i + 4, 4, 4)) {
        last = i + 4; /* "17 - 3 – 2004" */
        year = s->tokens[last].number;
    } else if (sep->punct == '.' && !allow_dot) {
        return false;
    }
    bool spaced = !glued || last != i + 2;
    if (!free_after(s, last, spaced ? 0 : sep->punct))
        return false;
    /* "ngày 10 - 12 tháng 3": days 10 to 12 of March; "sáng 8-9 giờ",
     * "nghỉ lễ 4 - 5 ngày": ranges of hours and days. */
    if (year == 0 && ((!glued && role_at(s, last + 1, ROLE_MONTH) > 0) ||
                      role_at(s, last + 1, ROLE_HOUR | ROLE_MINUTE) > 0 ||
                      unit_of_time_at(s, last + 1)))
        return false;
    /* "ngày 15/3 năm 2019": the year in words. */
    size_t year_words = year == 0 ? role_at(s, last + 1, ROLE_YEAR) : 0;
    if (year_words > 0 && is_number(s, last + 1 + year_words, 4, 4) &&
        free_after(s, last + 1 + year_words, 0)) {
        last += 1 + year_words;
        year = s->tokens[last].number;
    }
    part->value = (date_value){.kind = DATE_DAY, .year = year,
                               .month = month, .day = day};
    part->spaced = !glued;
    part->end = last + 1;
    return true;
}

/* "5 tháng 10", "5 tháng 10 năm 2018", "4 tháng này" at token i. */
static bool parse_worded_day(const date_scanner *s, size_t i, date_part *part)
{
    if (!is_number(s, i, 1, 2) || !free_before(s, i))
        return false;
    int day = s->tokens[i].number;
    const lexicon_entry *relative = relative_at(s, i + 1, RELATIVE_MONTH);
    if (relative != NULL && s->article.month != 0) {
        int months = s->article.year * 12 + s->article.month - 1 +
                     relative->offset;
        part->value = (date_value){.kind = DATE_DAY, .year = months / 12,
                                   .month = months % 12 + 1, .day = day};
        part->end = i + 1 + relative->n_words;
        return true;
    }
    size_t month_words = role_at(s, i + 1, ROLE_MONTH);
    int month;
    size_t end;
    bool spelled;
    if (month_words == 0 ||
        !parse_month_number(s, i + 1 + month_words, &month, &end, &spelled))
        return false;
    int year = 0;
    parse_year_tail(s, end, false, &year, &end);
    part->value = (date_value){.kind = DATE_DAY, .year = year,
                               .month = month, .day = day};
    part->end = end;
    return true;
}

static bool parse_day(const date_scanner *s, size_t i, bool allow_day_only,
                      date_part *part)
{
    size_t day_words = role_at(s, i, ROLE_DAY);
    size_t j = i + day_words;
    part->has_day_word = day_words > 0;
    part->often_lunar = role_at(s, i, ROLE_OFTEN_LUNAR) > 0;
    if (parse_numeric_day(s, j, day_words > 0, part) ||
        parse_worded_day(s, j, part))
        return true;
    if (!(allow_day_only || day_words > 0) || !is_number(s, j, 1, 2) ||
        !free_before(s, j))
        return false;
    /* A bare day: what follows must be a space or a dash ("15 - 20/3"). */
    const date_token *next = token_at(s, j + 1);
    if (next != NULL && !next->space_before &&
        !(next->type == TOKEN_PUNCT &&
          (next->punct == PUNCT_DASH || !is_joiner(next->punct))))
        return false;
    part->value = (date_value){.kind = DATE_DAY, .day = s->tokens[j].number};
    part->day_only = true;
    part->end = j + 1;
    return part->value.day >= 1 && part->value.day <= 31;
}

/* Token i may follow a month name said without a year. */
static bool ends_month_name(const date_scanner *s, size_t i)
{
    const date_token *t = token_at(s, i);
    if (t == NULL || t->type == TOKEN_PUNCT || t->relative != NULL ||
        t->weekday != NULL)
        return true;
    return role_at(s, i, ROLE_FOLLOW | ROLE_AND | ROLE_TO | ROLE_FROM |
                             ROLE_DAY | ROLE_YEAR | ROLE_CUE) > 0;
}

/* "tháng 10/2018", "tháng 8 – 2003", "tháng mười năm 2017", "tháng 6". */
static bool parse_month(const date_scanner *s, size_t i, date_part *part)
{
    size_t month_words = role_at(s, i, ROLE_MONTH);
    int month, year = 0;
    size_t end;
    bool spelled;
    if (month_words == 0 ||
        !parse_month_number(s, i + month_words, &month, &end, &spelled))
        return false;
    size_t year_first = end;
    if (parse_year_tail(s, end, true, &year, &end)) {
        part->year_first = year_first;
    } else if (!spelled && is_glued_punct(s, end, '/') &&
               is_number(s, end + 1, 2, 2) &&
               !s->tokens[end + 1].space_before &&
               free_after(s, end + 1, '/')) {
        year = year_of_number(s, end + 1); /* "tháng 2/72" */
        end += 2;
    }
    /* A name without a year stands for a month only where a phrase ends
     * or a word of date grammar follows: "tháng tám này", "(tháng chín,
     * tháng mười)", "tháng năm ngày 1 tháng 6"; "tháng hai người" is two
     * people a month, "tháng năm ta" a lunar month. */
    if (year == 0 && spelled && !ends_month_name(s, end))
        return false;
    part->value = (date_value){.kind = DATE_MONTH, .year = year,
                               .month = month};
    part->month_word = true;
    part->end = end;
    return true;
}

/* "3/2015", "03-2015": a month and year in figures. */
static bool parse_month_figures(const date_scanner *s, size_t i,
                                date_part *part)
{
    if (!is_number(s, i, 1, 2) || !free_before(s, i))
        return false;
    const date_token *sep = token_at(s, i + 1);
    if (sep == NULL || sep->type != TOKEN_PUNCT || sep->space_before ||
        (sep->punct != '/' && sep->punct != PUNCT_DASH) ||
        !is_number(s, i + 2, 4, 4) || s->tokens[i + 2].space_before ||
        !free_after(s, i + 2, sep->punct))
        return false;
    int month = s->tokens[i].number;
    part->value = (date_value){.kind = DATE_MONTH,
                               .year = s->tokens[i + 2].number,
                               .month = month};
    part->month_figures = true;
    part->end = i + 3;
    return month >= 1 && month <= 12;
}

bool parse_bare_month(const date_scanner *s, size_t i, date_part *part)
{
    *part = (date_part){.first = i};
    if (!is_number(s, i, 1, 2) || !s->tokens[i].space_before)
        return false;
    int month = s->tokens[i].number, year = 0;
    size_t end = i + 1;
    if (!parse_year_tail(s, end, false, &year, &end) &&
        (!free_after(s, i, 0) || role_at(s, end, ROLE_MONTH) > 0))
        return false; /* "tháng Chín và 9 tháng năm 2023": nine months */
    part->value = (date_value){.kind = DATE_MONTH, .year = year,
                               .month = month};
    part->end = end;
    return month >= 1 && month <= 12;
}

/* I, II, III, IV (any case) or 1-4. */
static int quarter_number(const date_scanner *s, size_t i)
{
    static const char *const roman[] = {"i", "ii", "iii", "iv"};
    const date_token *t = token_at(s, i);
    if (t == NULL || !t->space_before)
        return 0;
    if (is_number(s, i, 1, 1))
        return t->number >= 1 && t->number <= 4 ? t->number : 0;
    if (t->type != TOKEN_WORD)
        return 0;
    size_t len = t->end - t->start;
    for (int q = 0; q < 4; q++)
        if (strlen(roman[q]) == len &&
            memcmp(s->folded + t->start, roman[q], len) == 0)
            return q + 1;
    return 0;
}

/* The quarter after a quarter word written short, its number stuck to
 * it or after a stuck dot: "Q2", "Q.3" (the tokens after the word in
 * *at).  0 when none. */
static int short_quarter_number(const date_scanner *s, size_t i, size_t *at)
{
    size_t k = is_glued_punct(s, i, '.') ? i + 1 : i;
    if (!is_number(s, k, 1, 1) || s->tokens[k].space_before)
        return 0;
    *at = k;
    int quarter = s->tokens[k].number;
    return quarter >= 1 && quarter <= 4 ? quarter : 0;
}

static bool parse_quarter(const date_scanner *s, size_t i, date_part *part)
{
    size_t quarter_words = role_at(s, i, ROLE_QUARTER);
    bool written_short = role_at(s, i, ROLE_SHORT) > 0;
    size_t at = i + quarter_words;
    int quarter = quarter_words == 0  ? 0
                  : written_short     ? short_quarter_number(s, at, &at)
                                      : quarter_number(s, at);
    int year = 0;
    size_t end = at + 1;
    if (quarter == 0)
        return false;
    /* "Q1" alone is rather District 1 ("Q.1, TP.HCM") */
    if (!parse_year_tail(s, end, false, &year, &end) && written_short)
        return false;
    part->value = (date_value){.kind = DATE_QUARTER, .year = year,
                               .quarter = quarter};
    part->end = end;
    return true;
}

static bool parse_year(const date_scanner *s, size_t i, date_part *part)
{
    size_t year_words = role_at(s, i, ROLE_YEAR);
    size_t j = i + year_words;
    if (year_words == 0 || !is_number(s, j, 4, 4) ||
        !s->tokens[j].space_before || !free_after(s, j, 0))
        return false;
    part->value = (date_value){.kind = DATE_YEAR,
                               .year = s->tokens[j].number};
    part->end = j + 1;
    return true;
}

/* Lunar dates ("mồng 5 Tết", "15 tháng 8 âm lịch", "(âm lịch)", "mùng
 * 10 tháng 3 năm Giáp Thìn": the lunar calendar counts years in the
 * sixty-year cycle) and yearly recurrences ("ngày 14/4 hằng năm") are not
 * calendar dates. */
static bool followed_by_exclusion(const date_scanner *s, size_t end)
{
    size_t k = is_punct(s, end, '(') || is_punct(s, end, ',') ? end + 1
                                                               : end;
    size_t cycle = end + role_at(s, end, ROLE_YEAR);
    return role_at(s, k, ROLE_LUNAR | ROLE_RECURRING) > 0 ||
           role_at(s, cycle, ROLE_CYCLE_YEAR) > 0;
}

bool parse_part(const date_scanner *s, size_t i, bool allow_day_only,
                date_part *part)
{
    *part = (date_part){.first = i};
    bool found = parse_day(s, i, allow_day_only, part) ||
                 parse_month(s, i, part) || parse_quarter(s, i, part) ||
                 parse_year(s, i, part) || parse_month_figures(s, i, part);
    return found && !followed_by_exclusion(s, part->end);
}

bool parse_bare_year(const date_scanner *s, size_t i, date_part *part)
{
    *part = (date_part){.first = i};
    if (!is_number(s, i, 4, 4) || !free_before(s, i) ||
        !free_after(s, i, 0) || unit_of_time_at(s, i + 1) ||
        followed_by_exclusion(s, i + 1))
        return false;
    int year = s->tokens[i].number;
    part->value = (date_value){.kind = DATE_YEAR, .year = year};
    part->bare_year = true;
    part->end = i + 1;
    return year >= BARE_YEAR_MIN && year <= BARE_YEAR_MAX;
}

/* "2016 - 2021", "2016 đến 2021", "2016 đến năm 2021" with its first year
 * at token a: two years in order, at most a century apart.  after_period:
 * a period word stands before, and the years may be written with a slash
 * between, as school years, crop years and seasons are ("niên vụ
 * 2024/2025", "năm học 2024/2025"). */
static bool parse_year_pair(const date_scanner *s, size_t a,
                            bool after_period, date_part *from,
                            date_part *to)
{
    if (!is_number(s, a, 4, 4) || !free_before(s, a))
        return false;
    size_t b;
    size_t to_words = role_at(s, a + 1, ROLE_TO);
    if (is_punct(s, a + 1, PUNCT_DASH))
        b = a + 2;
    else if (after_period && is_glued_punct(s, a + 1, '/') &&
             token_at(s, a + 2) != NULL && !s->tokens[a + 2].space_before)
        b = a + 2;
    else if (to_words > 0)
        b = a + 1 + to_words;
    else
        return false;
    b += role_at(s, b, ROLE_YEAR);
    if (!is_number(s, b, 4, 4) || !free_after(s, b, 0))
        return false;
    int first = s->tokens[a].number, last = s->tokens[b].number;
    if (last <= first || last - first > 100)
        return false;
    *from = (date_part){.value = {.kind = DATE_YEAR, .year = first},
                        .first = a, .end = a + 1};
    *to = (date_part){.value = {.kind = DATE_YEAR, .year = last},
                      .first = b, .end = b + 1};
    return true;
}

/* The spans that follow the span ending at token end, joined by a comma
 * or "và" ("hai nhiệm kỳ 2010 - 2015 và 2015 - 2020"), each a pair of
 * bare years that starts no earlier than the one before.  Returns how
 * many, at most max. */
static size_t parse_joined_year_pairs(const date_scanner *s, size_t end,
                                      int previous_year, bool after_period,
                                      date_part *from, date_part *to,
                                      size_t max)
{
    size_t n = 0;
    while (n < max) {
        size_t k = is_punct(s, end, ',') ? end + 1 : end;
        size_t and_words = role_at(s, k, ROLE_AND);
        k += and_words;
        if (k == end ||
            !parse_year_pair(s, k, after_period, &from[n], &to[n]) ||
            from[n].value.year < previous_year ||
            from[n].value.year < BARE_YEAR_MIN ||
            to[n].value.year > BARE_YEAR_MAX)
            break;
        previous_year = from[n].value.year;
        end = to[n].end;
        n++;
    }
    return n;
}

size_t parse_year_spans(const date_scanner *s, size_t i, date_part *from,
                        date_part *to, size_t max)
{
    bool bracket = is_punct(s, i, '(');
    size_t k = bracket ? i + 1 : i;
    size_t intro = role_at(s, k, ROLE_PERIOD | ROLE_SEASON | ROLE_FROM);
    bool after_period = role_at(s, k, ROLE_PERIOD | ROLE_SEASON) > 0;
    bool from_only = intro > 0 && !after_period;
    bool season = role_at(s, k, ROLE_SEASON) > 0;
    k += intro;
    size_t year_word = role_at(s, k, ROLE_YEAR);
    k += year_word;
    if (max == 0 || (!bracket && intro == 0 && year_word == 0) ||
        !parse_year_pair(s, k, after_period, &from[0], &to[0]))
        return 0;
    /* A season spans the turn of a year at most: "mùa khô 2019 - 2020",
     * but "mùa mưa 2000 - 2100 mm" is a range of rainfall. */
    if (season && to[0].value.year != from[0].value.year + 1)
        return 0;
    /* Bare numbers after "từ" alone may be a range of counts or prices:
     * "từ 1500 - 2000 đồng", "từ 1900 đến 2000 đồng".  Such figures are
     * round ones; a span of years seldom starts and ends on a multiple of
     * fifty, so a clause may follow it ("từ 2016 đến 2020 tỉnh đã ..."). */
    bool round = is_round_figure(from[0].value.year) &&
                 is_round_figure(to[0].value.year);
    if (from_only && year_word == 0 &&
        (from[0].value.year < BARE_YEAR_MIN ||
         to[0].value.year > BARE_YEAR_MAX ||
         (round && is_plain_word(s, to[0].end))))
        return 0;
    from[0].first = bracket ? i + 1 : i;
    size_t n = 1 + parse_joined_year_pairs(s, to[0].end, from[0].value.year,
                                           after_period, from + 1, to + 1,
                                           max - 1);
    size_t end = to[n - 1].end;
    if (bracket && !is_punct(s, end, ')'))
        return 0;
    return followed_by_exclusion(s, end) ? 0 : n;
}

/* "17h", "17h30", "8 giờ 30 (phút)", "22 g 40", "14:30" at token i: the
 * index after it, or i. */
static size_t skip_time_of_day(const date_scanner *s, size_t i)
{
    if (!is_number(s, i, 1, 2))
        return i;
    size_t hour_words = role_at(s, i + 1, ROLE_HOUR);
    if (hour_words > 0) {
        size_t k = i + 1 + hour_words;
        if (is_number(s, k, 1, 2) && free_after(s, k, 0)) {
            k++;
            k += role_at(s, k, ROLE_MINUTE);
        }
        return k;
    }
    if (is_glued_punct(s, i + 1, ':') && is_number(s, i + 2, 2, 2) &&
        !s->tokens[i + 2].space_before)
        return i + 3;
    return i;
}

size_t skip_time_words(const date_scanner *s, size_t i)
{
    size_t k = i;
    for (int step = 0; step < 4; step++) {
        size_t after = skip_time_of_day(s, k);
        const date_token *t = token_at(s, after);
        if (after == k && t != NULL) {
            if (t->weekday != NULL)
                after = k + t->weekday->n_words;
            else if (role_at(s, k, ROLE_CUE) > 0)
                after = k + role_at(s, k, ROLE_CUE);
            else if (k > i && is_punct(s, k, ','))
                after = k + 1;
        }
        if (after == k)
            break;
        k = after;
    }
    return k;
}
