/*
 * date_grammar.c — which date pieces are facts, and their values; see
 * date_grammar.h.  Order of attempts at each token: an interval
 * ("từ ngày 15/3 đến ngày 20/3/2019"), a span of years ("nhiệm kỳ
 * 2016 - 2021"), a single date, a relative expression ("hôm qua").
 */
#include "date_parts.h"

#include <factpipe/plugin.h>

#include <string.h>

/* Found something at a token: the scan resumes after it. */
enum { NOT_FOUND = 0, FOUND = 1, SINK_FAILED = -1 };

typedef struct scan_output {
    date_sink sink;
    void *context;
} scan_output;

static int emit(const date_scanner *s, const scan_output *out, size_t first,
                size_t end, const char *value)
{
    const date_token *t = s->tokens;
    if (out->sink(out->context, t[first].start, t[end - 1].end, value) !=
        FP_OK)
        return SINK_FAILED;
    return FOUND;
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

/* A day or month written without a year is of the article's year. */
static void take_article_year(const date_scanner *s, date_value *v)
{
    if (v->year == 0)
        v->year = s->article.year;
}

/* The words right before token first make a bare "15/3" a date:
 * "sáng 15/3", "thứ Hai (15/3)", "vào 15/3".  *weak is set for the
 * weaker cues (vào, từ, đến), after which a noun makes it a fraction:
 * "đến 3/5 xã". */
static bool cue_before(const date_scanner *s, size_t first, bool *weak)
{
    size_t k = first;
    if (k > 0 && s->tokens[k - 1].type == TOKEN_PUNCT &&
        (s->tokens[k - 1].punct == '(' || s->tokens[k - 1].punct == ','))
        k--;
    for (size_t words = 1; words <= LEXICON_MAX_WORDS && words <= k;
         words++) {
        size_t start = k - words;
        const lexicon_entry *weekday = s->tokens[start].weekday;
        const lexicon_entry *word = s->tokens[start].grammar_word;
        if ((weekday != NULL && weekday->n_words == words) ||
            (word != NULL && word->n_words == words &&
             (word->roles & ROLE_CUE))) {
            *weak = false;
            return true;
        }
        if (word != NULL && word->n_words == words &&
            (word->roles & (ROLE_WEAK_CUE | ROLE_FROM | ROLE_TO))) {
            *weak = true;
            return true;
        }
    }
    return false;
}

/* After a weak cue, a date ends a phrase or meets a word of date grammar
 * ("vào 15/3 tới", "đến 20/3 vừa qua"); a plain word there is what the
 * numbers count. */
static bool nothing_counted_after(const date_scanner *s, size_t end)
{
    if (end >= s->n)
        return true;
    if (s->tokens[end].type == TOKEN_PUNCT)
        return s->tokens[end].punct != '%'; /* "từ 11-12 %" */
    if (s->tokens[end].type != TOKEN_WORD)
        return true;
    return s->tokens[end].grammar_word != NULL;
}

/* A single day, month, quarter or year at token i. */
static int scan_single(const date_scanner *s, const scan_output *out,
                       size_t i, size_t *next)
{
    date_part p;
    if (!parse_part(s, i, false, &p))
        return NOT_FOUND;
    *next = p.end;
    date_value v = p.value;
    if (v.kind == DATE_DAY && v.year == 0 && !p.has_day_word) {
        bool weak = false;
        if (!cue_before(s, i, &weak) ||
            (weak && !nothing_counted_after(s, p.end)))
            return FOUND; /* "3/5 xã": consumed, not a date */
    }
    if (v.kind == DATE_DAY)
        take_article_year(s, &v);
    else if (v.year == 0)
        return FOUND; /* "tháng 10", "quý III": which year is unsaid */
    if (!date_is_valid(&v))
        return FOUND;
    char value[16];
    date_format(&v, value, sizeof value);
    return emit(s, out, p.first, p.end, value);
}

/* Completes the ends of an interval from each other: "từ 15 - 20/3/2019"
 * (day only), "từ ngày 15/3 đến ngày 20/3/2019" (no first year),
 * "30/12 đến 4/1/2017" (the first end in the year before).  Returns
 * false when the ends do not make one interval. */
static bool join_ends(const date_scanner *s, date_value *a, date_value *b)
{
    if (a->kind != b->kind)
        return false;
    if (a->kind == DATE_DAY && (a->month == 0 || b->month == 0)) {
        if (b->month == 0)
            return false;
        a->month = b->month;
        a->year = b->year;
    }
    /* An end without a year shares the other's, across New Year only
     * when its month comes later: "30/12 đến 4/1/2017". */
    bool new_year = a->month > b->month || a->quarter > b->quarter;
    if (a->year == 0 && b->year != 0)
        a->year = b->year - (new_year ? 1 : 0);
    else if (b->year == 0 && a->year != 0)
        b->year = a->year + (new_year ? 1 : 0);
    if (a->kind != DATE_DAY && (a->year == 0 || b->year == 0))
        return false;
    if (a->year == 0 && s->article.year != 0) {
        a->year = s->article.year - (new_year ? 1 : 0);
        b->year = s->article.year;
    }
    if (!date_is_valid(a) || !date_is_valid(b))
        return false;
    return a->year == 0 || date_compare(a, b) < 0;
}

/* Two days joined by "và": "ngày 24 và 25/3", "ngày 30/4 và 1/5" are
 * two facts, each with its own span; the first borrows what it lacks
 * from the second. */
static int emit_pair(const date_scanner *s, const scan_output *out,
                     const date_part *a, const date_part *b)
{
    date_value first = a->value, second = b->value;
    if (first.month == 0) {
        first.month = second.month;
        first.year = second.year;
    }
    if (first.year == 0)
        first.year = second.year;
    take_article_year(s, &first);
    take_article_year(s, &second);
    if (!date_is_valid(&first) || !date_is_valid(&second))
        return NOT_FOUND;
    char value[16];
    date_format(&first, value, sizeof value);
    if (emit(s, out, a->first, a->end, value) != FOUND)
        return SINK_FAILED;
    date_format(&second, value, sizeof value);
    return emit(s, out, b->first, b->end, value);
}

/* "từ X đến Y", "từ X - Y", and, for days, "ngày X - Y" and
 * "X đến ngày Y" where X is a date by itself; "ngày X và Y" gives two
 * dates. */
static int scan_interval(const date_scanner *s, const scan_output *out,
                         size_t i, size_t *next)
{
    size_t from_words = role_at(s, i, ROLE_FROM);
    date_part a, b;
    if (!parse_part(s, i + from_words, from_words > 0, &a))
        return NOT_FOUND;
    size_t k = a.end;
    bool pair = false;
    if (k < s->n && s->tokens[k].type == TOKEN_PUNCT &&
        s->tokens[k].punct == PUNCT_DASH) {
        k++;
    } else if (role_at(s, k, ROLE_TO) > 0) {
        k += role_at(s, k, ROLE_TO);
    } else if (from_words == 0 && role_at(s, k, ROLE_AND) > 0) {
        pair = true;
        k += role_at(s, k, ROLE_AND);
    } else {
        return NOT_FOUND;
    }
    if (!parse_part(s, k, false, &b) || b.day_only)
        return NOT_FOUND;
    bool weak = false;
    if (from_words == 0 &&
        (a.value.kind != DATE_DAY ||
         !(a.has_day_word || a.value.year != 0 ||
           (cue_before(s, i, &weak) && !weak))))
        return NOT_FOUND;
    if (pair) {
        if (b.value.kind != DATE_DAY || b.value.month == 0)
            return NOT_FOUND;
        *next = b.end;
        return emit_pair(s, out, &a, &b);
    }
    date_value first = a.value, second = b.value;
    if (!join_ends(s, &first, &second))
        return NOT_FOUND;
    char value[40];
    format_interval(&first, &second, value, sizeof value);
    *next = b.end;
    return emit(s, out, i, b.end, value);
}

static int scan_year_span(const date_scanner *s, const scan_output *out,
                          size_t i, size_t *next)
{
    date_part a, b;
    if (!parse_year_span(s, i, &a, &b))
        return NOT_FOUND;
    char value[40];
    format_interval(&a.value, &b.value, value, sizeof value);
    *next = b.end;
    return emit(s, out, i, b.end, value);
}

/* "hôm qua", "năm ngoái", "tháng này" against the article's date, and a
 * weekday said to be past ("thứ Hai vừa qua"): the nearest such day on
 * or before the article's date. */
static int scan_relative(const date_scanner *s, const scan_output *out,
                         size_t i, size_t *next)
{
    const article_date *d = &s->article;
    const lexicon_entry *e = s->tokens[i].relative;
    date_value v = {0};
    size_t end;
    if (e != NULL) {
        end = i + e->n_words;
        if (end < s->n && s->tokens[end].type == TOKEN_PUNCT &&
            s->tokens[end].punct == ':')
            return NOT_FOUND; /* a label: the counter "Hôm nay: 1985" */
        if (e->value == RELATIVE_YEAR && d->year != 0) {
            v = (date_value){.kind = DATE_YEAR, .year = d->year + e->offset};
        } else if (e->value == RELATIVE_MONTH && d->month != 0) {
            int months = d->year * 12 + d->month - 1 + e->offset;
            v = (date_value){.kind = DATE_MONTH, .year = months / 12,
                             .month = months % 12 + 1};
        } else if (e->value == RELATIVE_DAY && d->day != 0) {
            long days = days_from_civil(d->year, d->month, d->day) +
                        e->offset;
            v.kind = DATE_DAY;
            civil_from_days(days, &v.year, &v.month, &v.day);
        } else {
            return NOT_FOUND;
        }
    } else {
        e = s->tokens[i].weekday;
        if (e == NULL || d->day == 0 ||
            role_at(s, i + e->n_words, ROLE_PAST) == 0)
            return NOT_FOUND;
        end = i + e->n_words;
        long today = days_from_civil(d->year, d->month, d->day);
        int back = (weekday_of(d->year, d->month, d->day) - e->value + 7) % 7;
        v.kind = DATE_DAY;
        civil_from_days(today - back, &v.year, &v.month, &v.day);
    }
    if (!date_is_valid(&v))
        return NOT_FOUND;
    char value[16];
    date_format(&v, value, sizeof value);
    *next = end;
    return emit(s, out, i, end, value);
}

/* FNV-1a of a folded word, reduced to a bit of the first-word set. */
static size_t first_word_bit(const char *word, size_t len)
{
    uint32_t hash = 2166136261u;
    for (size_t i = 0; i < len; i++)
        hash = (hash ^ (unsigned char)word[i]) * 16777619u;
    return hash % FIRST_WORD_BITS;
}

static void index_lexicon(date_grammar *grammar, const date_lexicon *lexicon)
{
    for (size_t i = 0; i < lexicon->n_entries; i++) {
        const lexicon_entry *e = &lexicon->entries[i];
        size_t bit = first_word_bit(e->words[0], e->word_len[0]);
        grammar->first_words[bit / 64] |= UINT64_C(1) << (bit % 64);
    }
}

void date_grammar_index(date_grammar *grammar)
{
    memset(grammar->first_words, 0, sizeof grammar->first_words);
    index_lexicon(grammar, &grammar->words);
    index_lexicon(grammar, &grammar->relative);
    index_lexicon(grammar, &grammar->weekdays);
}

/* Looks each word up once, so that the grammar's many questions about a
 * token ("is this 'tháng'?") cost a pointer read, not a search. */
static void note_phrases(const date_grammar *grammar, const char *folded,
                         date_token *tokens, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        date_token *t = &tokens[i];
        t->grammar_word = t->relative = t->weekday = NULL;
        if (t->type != TOKEN_WORD)
            continue;
        size_t bit = first_word_bit(folded + t->start, t->end - t->start);
        if (!(grammar->first_words[bit / 64] & (UINT64_C(1) << (bit % 64))))
            continue;
        t->grammar_word = lexicon_match(&grammar->words, folded, tokens, n, i);
        t->relative = lexicon_match(&grammar->relative, folded, tokens, n, i);
        t->weekday = lexicon_match(&grammar->weekdays, folded, tokens, n, i);
    }
}

/* Only a number or a word some lexicon knows can start a date. */
static bool may_start_date(const date_token *t)
{
    if (t->in_identifier)
        return false;
    return t->type == TOKEN_NUMBER || t->grammar_word != NULL ||
           t->relative != NULL || t->weekday != NULL;
}

int date_scan_tokens(const date_grammar *grammar, const char *folded,
                     date_token *tokens, size_t n,
                     article_date article, int two_digit_reference,
                     date_sink sink, void *context)
{
    note_phrases(grammar, folded, tokens, n);
    const date_scanner s = {grammar, folded, tokens, n, article,
                            two_digit_reference};
    const scan_output out = {sink, context};
    for (size_t i = 0; i < n;) {
        size_t next = i + 1;
        int rc = NOT_FOUND;
        if (may_start_date(&tokens[i])) {
            rc = scan_interval(&s, &out, i, &next);
            if (rc == NOT_FOUND)
                rc = scan_year_span(&s, &out, i, &next);
            if (rc == NOT_FOUND)
                rc = scan_single(&s, &out, i, &next);
            if (rc == NOT_FOUND && grammar->resolve_relative)
                rc = scan_relative(&s, &out, i, &next);
        }
        if (rc == SINK_FAILED)
            return FP_ERROR;
        i = rc == FOUND && next > i ? next : i + 1;
    }
    return FP_OK;
}
