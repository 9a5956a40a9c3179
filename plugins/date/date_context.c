/*
 * date_context.c — the words around a date piece; see date_context.h.
 */
#include "date_context.h"

#include <string.h>

/* Words of a holiday's name between "ngày" and its date: "ngày Nhà giáo
 * Việt Nam (20/11)". */
enum { NAME_WORDS_MAX = 6 };

typedef enum phrase_kind { GRAMMAR_WORD, RELATIVE_WORD, WEEKDAY } phrase_kind;

/* The phrase of the given lexicon (with one of roles, for grammar words)
 * that ends right before token k, or NULL. */
static const lexicon_entry *phrase_before(const date_scanner *s, size_t k,
                                          phrase_kind kind, unsigned roles)
{
    for (size_t words = 1; words <= LEXICON_MAX_WORDS && words <= k;
         words++) {
        const date_token *t = &s->tokens[k - words];
        const lexicon_entry *e = kind == GRAMMAR_WORD  ? t->grammar_word
                                 : kind == RELATIVE_WORD ? t->relative
                                                         : t->weekday;
        if (e != NULL && e->n_words == words &&
            (kind != GRAMMAR_WORD || (e->roles & roles)))
            return e;
    }
    return NULL;
}

/* The word at token i starts with a capital letter. */
static bool capitalized(const date_scanner *s, size_t i)
{
    size_t start = s->tokens[i].start;
    unsigned char lead = (unsigned char)s->text[start];
    size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (len > s->tokens[i].end - start)
        len = s->tokens[i].end - start;
    return memcmp(s->text + start, s->folded + start, len) != 0;
}

/* "ngày Nước thế giới (22 - 3)", "Ngày Nhà giáo Việt Nam 20/11": "ngày"
 * or a holiday word, a name of up to NAME_WORDS_MAX words, then the date,
 * in brackets or after a capitalized name. */
static bool named_day_before(const date_scanner *s, size_t first)
{
    bool bracket = first > 0 && is_punct(s, first - 1, '(');
    size_t k = bracket ? first - 1 : first;
    for (size_t words = 0; words <= NAME_WORDS_MAX && k > 0; words++) {
        const date_token *t = &s->tokens[k - 1];
        if (t->type != TOKEN_WORD)
            return false;
        if (words > 0 && role_at(s, k - 1, ROLE_DAY | ROLE_CUE) > 0)
            return bracket || capitalized(s, k);
        k--;
    }
    return false;
}

cue_strength cue_before(const date_scanner *s, size_t first)
{
    size_t k = first;
    if (k > 0 && (is_punct(s, k - 1, '(') || is_punct(s, k - 1, ',')))
        k--;
    if (phrase_before(s, k, WEEKDAY, 0) != NULL ||
        phrase_before(s, k, RELATIVE_WORD, 0) != NULL)
        return CUE_STRONG;
    const lexicon_entry *cue = phrase_before(s, k, GRAMMAR_WORD, ROLE_CUE);
    if (cue != NULL) /* but "mỗi tối 3 - 4 người": every evening */
        return phrase_before(s, k - cue->n_words, GRAMMAR_WORD,
                             ROLE_QUANTITY) != NULL
                   ? CUE_NONE
                   : CUE_STRONG;
    if (phrase_before(s, k, GRAMMAR_WORD,
                      ROLE_WEAK_CUE | ROLE_FROM | ROLE_TO) != NULL)
        return CUE_WEAK;
    return named_day_before(s, first) ? CUE_STRONG : CUE_NONE;
}

bool nothing_counted_after(const date_scanner *s, size_t end)
{
    if (end >= s->n)
        return true;
    if (s->tokens[end].type == TOKEN_PUNCT)
        return s->tokens[end].punct != '%'; /* "từ 11-12 %" */
    return !is_plain_word(s, end);
}

/* A phrase with one of roles that starts before token i and covers it:
 * "hàng tháng" over "tháng". */
static bool phrase_over(const date_scanner *s, size_t i, unsigned roles)
{
    for (size_t back = 1; back < LEXICON_MAX_WORDS && back <= i; back++) {
        const lexicon_entry *e = s->tokens[i - back].grammar_word;
        if (e != NULL && e->n_words > back && (e->roles & roles))
            return true;
    }
    return false;
}

/* "tháng" at token i names a month, unless it is the unit of a duration
 * or a frequency ("6 tháng", "ba tháng", "một tháng tám ngày", "năm
 * tháng", "mỗi tháng 2 lần", "hàng tháng") or the month names an event
 * ("Cách mạng Tháng Tám"). */
static bool month_word_names_month(const date_scanner *s, size_t i)
{
    if (i == 0)
        return true;
    if (phrase_over(s, i, ROLE_RECURRING | ROLE_QUANTITY))
        return false;
    const date_token *prev = &s->tokens[i - 1];
    if (prev->type == TOKEN_NUMBER && s->tokens[i].space_before &&
        prev->n_digits <= 3)
        return false;
    if (phrase_before(s, i, WEEKDAY, 0) != NULL) /* "thứ Tư tháng 6" */
        return true;
    return phrase_before(s, i, GRAMMAR_WORD, ROLE_QUANTITY | ROLE_EVENT) ==
           NULL;
}

bool month_names_event(const date_scanner *s, const date_part *part)
{
    return part->month_word && part->value.year != 0 &&
           part->year_first != 0 &&
           phrase_before(s, part->first, GRAMMAR_WORD, ROLE_EVENT) != NULL;
}

/* A bare year: after a word of time, or a year of the cycle. */
static bool bare_year_is_date(const date_scanner *s, const date_part *part)
{
    size_t k = part->first;
    if (phrase_before(s, k, GRAMMAR_WORD, ROLE_YEAR_CUE | ROLE_CYCLE_YEAR))
        return true;
    /* "từ 1900 đến 2000 đồng": the lower end of a range of figures that
     * are no span of years (scan_year_span() took those) */
    size_t end = part->end;
    size_t to = is_punct(s, end, PUNCT_DASH) ? 1 : role_at(s, end, ROLE_TO);
    if (to > 0 && is_number(s, end + to, 1, 9))
        return false;
    /* "mùa giải 2023", "lúa vụ Xuân 2025"; "mùa mưa 2000 mm" measures */
    if (phrase_before(s, k, GRAMMAR_WORD, ROLE_SEASON))
        return !is_round_figure(part->value.year) || !is_plain_word(s, end);
    return phrase_before(s, k, GRAMMAR_WORD,
                         ROLE_WEAK_CUE | ROLE_FROM | ROLE_TO) != NULL &&
           nothing_counted_after(s, end);
}

bool part_is_date(const date_scanner *s, const date_part *part,
                  bool in_span)
{
    const date_value *v = &part->value;
    if ((v->kind == DATE_DAY || v->kind == DATE_MONTH) &&
        phrase_before(s, part->first, GRAMMAR_WORD, ROLE_LUNAR) != NULL)
        return false; /* "rằm tháng 7" */
    if (part->month_word && !month_word_names_month(s, part->first))
        return false;
    if (v->kind == DATE_DAY && v->year == 0 && part->often_lunar &&
        s->tokens[part->first].after_lunar_word)
        return false; /* "... 28 - 30 Tết phục vụ, mồng 1 - 6 giữ xe" */
    if (in_span)
        return true;
    if (part->bare_year)
        return bare_year_is_date(s, part);
    bool needs_cue = part->month_figures ||
                     (v->kind == DATE_DAY && v->year == 0 &&
                      !part->has_day_word);
    if (!needs_cue)
        return true;
    if (v->kind == DATE_DAY &&
        phrase_before(s, part->first, GRAMMAR_WORD, ROLE_DAY_CUE) != NULL)
        return true; /* "phiên 22/10", "đợt 3/2" */
    switch (cue_before(s, part->first)) {
    case CUE_STRONG:
        return true;
    case CUE_WEAK:
        return !part->spaced && nothing_counted_after(s, part->end);
    case CUE_NONE:
        return false;
    }
    return false;
}
