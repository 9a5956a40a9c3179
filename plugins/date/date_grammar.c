/*
 * date_grammar.c — the scan of one block; see date_grammar.h.  Order of
 * attempts at each token (date_scan.c): an interval ("từ ngày 15/3 đến
 * ngày 20/3/2019"), a span of years ("nhiệm kỳ 2016 - 2021"), a single
 * date and the list it may head, then a relative expression ("hôm qua")
 * when the relative option asks for them.
 */
#include "date_scan.h"

#include <factpipe/plugin.h>

#include <string.h>

/* A relative word before a date is its cue, not a second fact: "hôm
 * qua 23-3", "hôm nay (24/3)". */
static bool date_follows(const date_scanner *s, size_t k)
{
    if (is_punct(s, k, ',') || is_punct(s, k, '('))
        k++;
    date_part part;
    return parse_part(s, k, false, &part);
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
        if (is_punct(s, end, ':'))
            return NOT_FOUND; /* a label: the counter "Hôm nay: 1985" */
        if (date_follows(s, end))
            return NOT_FOUND;
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
    return emit_value(s, out, i, end, value);
}

/* Adds to set the first words of lexicon's phrases with one of roles
 * (any phrase when roles is 0). */
static void index_first_words(date_word_set *set, const date_lexicon *lexicon,
                              unsigned roles)
{
    for (size_t i = 0; i < lexicon->n_entries; i++) {
        const lexicon_entry *e = &lexicon->entries[i];
        if (roles == 0 || (e->roles & roles))
            word_set_add(set, date_hash(e->words[0], e->word_len[0]));
    }
}

void date_grammar_index(date_grammar *grammar)
{
    memset(&grammar->listed_first_words, 0,
           sizeof grammar->listed_first_words);
    memset(&grammar->month_first_words, 0,
           sizeof grammar->month_first_words);
    index_first_words(&grammar->listed_first_words, &grammar->words, 0);
    index_first_words(&grammar->listed_first_words, &grammar->relative, 0);
    index_first_words(&grammar->listed_first_words, &grammar->weekdays, 0);
    index_first_words(&grammar->month_first_words, &grammar->words,
                      ROLE_MONTH | ROLE_QUARTER);
}

/* Whether the tokens may hold a date: every piece of a date but a month
 * or a quarter named in words ("tháng sáu", "quý III") needs a number
 * (parse_part(), parse_bare_year(), parse_year_spans()), and only the
 * relative expressions need neither.  Blocks without either are common,
 * and this costs less than reading them. */
static bool may_hold_date(const date_grammar *grammar,
                          const date_token *tokens, size_t n)
{
    if (grammar->resolve_relative)
        return true;
    for (size_t i = 0; i < n; i++)
        if (tokens[i].type == TOKEN_NUMBER ||
            (tokens[i].type == TOKEN_WORD &&
             word_set_may_hold(&grammar->month_first_words,
                               tokens[i].hash)))
            return true;
    return false;
}

/* A full stop, question or exclamation mark before a space ends a
 * sentence ("5.10.2018" has none). */
static bool ends_sentence(const date_token *tokens, size_t n, size_t i)
{
    const date_token *t = &tokens[i];
    if (t->type != TOKEN_PUNCT ||
        (t->punct != '.' && t->punct != '?' && t->punct != '!' &&
         t->punct != ';'))
        return false;
    return i + 1 == n || tokens[i + 1].space_before;
}

/* Looks each word up once, so that the grammar's many questions about a
 * token ("is this 'tháng'?") cost a pointer read, not a search (each
 * look-up is one probe of a hash table with the hash the tokenizer
 * computed); and notes where a sentence has spoken of the lunar
 * calendar. */
static void note_phrases(const date_grammar *grammar, const char *folded,
                         date_token *tokens, size_t n)
{
    bool lunar_sentence = false;
    for (size_t i = 0; i < n; i++) {
        date_token *t = &tokens[i]; /* its phrases NULL until found */
        t->after_lunar_word = lunar_sentence;
        if (ends_sentence(tokens, n, i))
            lunar_sentence = false;
        if (t->type != TOKEN_WORD ||
            !word_set_may_hold(&grammar->listed_first_words, t->hash))
            continue;
        t->grammar_word = lexicon_match(&grammar->words, folded, tokens, n, i);
        t->relative = lexicon_match(&grammar->relative, folded, tokens, n, i);
        t->weekday = lexicon_match(&grammar->weekdays, folded, tokens, n, i);
        if (t->grammar_word != NULL && (t->grammar_word->roles & ROLE_LUNAR))
            lunar_sentence = true;
    }
}

/* Only a number, an opening bracket ("(2011 - 2015)"), a word that
 * opens a date piece, an interval or a span, or (when they are asked for)
 * a relative word can start a date: most tokens are skipped at once. */
static bool may_start_date(const date_token *t, bool relative)
{
    enum { OPENING_ROLES = ROLE_DAY | ROLE_MONTH | ROLE_YEAR | ROLE_QUARTER |
                           ROLE_FROM | ROLE_PERIOD | ROLE_SEASON };
    if (t->in_identifier)
        return false;
    if (t->type == TOKEN_NUMBER || (t->type == TOKEN_PUNCT && t->punct == '('))
        return true;
    if (t->grammar_word != NULL && (t->grammar_word->roles & OPENING_ROLES))
        return true;
    return relative && (t->relative != NULL || t->weekday != NULL);
}

int date_scan_tokens(const date_grammar *grammar, const char *text,
                     const char *folded, date_token *tokens, size_t n,
                     article_date article, int two_digit_reference,
                     date_sink sink, void *context)
{
    if (!may_hold_date(grammar, tokens, n))
        return FP_OK;
    note_phrases(grammar, folded, tokens, n);
    const date_scanner s = {grammar, text, folded, tokens, n, article,
                            two_digit_reference};
    const scan_output out = {sink, context};
    for (size_t i = 0; i < n;) {
        size_t next = i + 1;
        int rc = NOT_FOUND;
        if (may_start_date(&tokens[i], grammar->resolve_relative)) {
            head_part head = {.read = false};
            rc = scan_interval(&s, &out, i, &head, &next);
            if (rc == NOT_FOUND)
                rc = scan_year_span(&s, &out, i, &next);
            if (rc == NOT_FOUND)
                rc = scan_single(&s, &out, i, &head, &next);
            if (rc == NOT_FOUND && grammar->resolve_relative)
                rc = scan_relative(&s, &out, i, &next);
        }
        if (rc == SINK_FAILED)
            return FP_ERROR;
        i = rc == FOUND && next > i ? next : i + 1;
    }
    return FP_OK;
}
