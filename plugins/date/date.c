/*
 * date — the date extractor (the guideline, docs/GUIDELINE.md, "date").
 *
 * Finds calendar dates and periods in Vietnamese text and reports them in
 * ISO 8601: "05/10/2018", "17 - 3 – 2004" and "ngày 5 tháng 10 năm 2018"
 * → a day; "sáng 15/3", "tối 21 - 3" → the article's year (or --03-15
 * without one); "tháng 10/2018", "tháng 8 – 2003" → 2018-10, 2003-08;
 * "tháng 6", "tháng sáu" → the article's year (or --06); "năm 2020", "đến
 * 2030", "tầm nhìn 2045" → the year; "quý III/2018", "quí 1 - 2004" → a
 * quarter; "nhiệm kỳ 2016 - 2021", "(2011 - 2015)" → 2016/2021,
 * 2011/2015; "từ ngày 15/3 đến 17h ngày 20/3/2019" →
 * 2019-03-15/2019-03-20; "ngày 22 và 23 - 10", "năm 2019 và 2020" → one
 * fact each.  Durations ("trong 5 năm", "6 tháng"), times of day, lunar
 * days ("mồng 5 Tết", "rằm tháng 7"), yearly recurrences, names ("Cách
 * mạng Tháng Tám") and the numbers inside document numbers
 * ("146/2017/TT-BTC") are not dates.  Relative words alone ("hôm qua")
 * are reported only with the option relative=true.
 *
 * No regular expressions: a tokenizer (date_text.c) cuts each block into
 * numbers, words and punctuation once, and a small grammar (date_parts.c
 * reads the pieces, date_context.c the words around them, date_scan.c
 * intervals and lists, date_grammar.c drives the scan) reads dates off the
 * tokens, guided by word lists loaded from config/lexicons/date-*.txt in
 * create().  The work is linear in the block length; extract() allocates
 * its own buffers, so one instance serves several threads.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* gmtime_r */
#endif

#include "date_grammar.h"

#include <factpipe/plugin.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

enum {
    OPTION_WORDS,
    OPTION_MONTHS,
    OPTION_WEEKDAYS,
    OPTION_RELATIVE_WORDS,
    OPTION_RELATIVE,
    N_OPTIONS
};

static const fp_option date_options[N_OPTIONS] = {
    [OPTION_WORDS] = {
        .name = "words",
        .type = FP_OPT_PATH,
        .default_value = "lexicons/date-words.txt",
        .description = "grammar words and their roles (ngày: day, "
                       "sáng: cue, Tết: lunar, ...)"},
    [OPTION_MONTHS] = {
        .name = "months",
        .type = FP_OPT_PATH,
        .default_value = "lexicons/date-months.txt",
        .description = "month names spelled out (mười: 10, mười hai: 12)"},
    [OPTION_WEEKDAYS] = {
        .name = "weekdays",
        .type = FP_OPT_PATH,
        .default_value = "lexicons/date-weekdays.txt",
        .description = "weekday names (thứ Hai: 1 ... Chủ nhật: 7)"},
    [OPTION_RELATIVE_WORDS] = {
        .name = "relative-words",
        .type = FP_OPT_PATH,
        .default_value = "lexicons/date-relative.txt",
        .description = "relative expressions (hôm qua: day -1)"},
    [OPTION_RELATIVE] = {
        .name = "relative",
        .type = FP_OPT_BOOL,
        .default_value = "false",
        .description = "also report relative expressions standing alone "
                       "(hôm qua, năm nay, thứ Hai vừa qua) resolved "
                       "against the article's date; off by default, as "
                       "the guideline does not ask for them"},
};

/* ------------------------------------------------------------------------ */
/* Lexicon values.                                                          */

static int parse_roles(const char *value, lexicon_entry *entry, char *why,
                       size_t why_size)
{
    static const struct {
        const char *name;
        unsigned role;
    } roles[] = {
        {"day", ROLE_DAY},           {"month", ROLE_MONTH},
        {"year", ROLE_YEAR},         {"quarter", ROLE_QUARTER},
        {"from", ROLE_FROM},         {"to", ROLE_TO},
        {"cue", ROLE_CUE},           {"weak-cue", ROLE_WEAK_CUE},
        {"period", ROLE_PERIOD},     {"lunar", ROLE_LUNAR},
        {"recurring", ROLE_RECURRING}, {"follow", ROLE_FOLLOW},
        {"past", ROLE_PAST},         {"and", ROLE_AND},
        {"year-cue", ROLE_YEAR_CUE}, {"cycle-year", ROLE_CYCLE_YEAR},
        {"quantity", ROLE_QUANTITY}, {"event", ROLE_EVENT},
        {"often-lunar", ROLE_OFTEN_LUNAR}, {"hour", ROLE_HOUR},
        {"minute", ROLE_MINUTE},     {"edge", ROLE_EDGE},
        {"short", ROLE_SHORT},       {"day-cue", ROLE_DAY_CUE},
        {"season", ROLE_SEASON},
    };
    const size_t n_roles = sizeof roles / sizeof *roles;
    for (const char *p = value; *p != '\0';) {
        if (*p == ' ' || *p == '\t') {
            p++;
            continue;
        }
        size_t len = strcspn(p, " \t");
        size_t r = 0;
        while (r < n_roles && !(strlen(roles[r].name) == len &&
                                memcmp(roles[r].name, p, len) == 0))
            r++;
        if (r == n_roles) {
            snprintf(why, why_size, "unknown role \"%.*s\"; roles are day, "
                     "month, year, quarter, from, to, cue, weak-cue, "
                     "period, lunar, recurring, follow, past, and, "
                     "year-cue, cycle-year, quantity, event, often-lunar, "
                     "hour, minute, edge, short, day-cue, season",
                     (int)len, p);
            return -1;
        }
        entry->roles |= roles[r].role;
        p += len;
    }
    if (entry->roles == 0) {
        snprintf(why, why_size, "no role after ':'");
        return -1;
    }
    return 0;
}

/* A whole decimal number in [min, max], optionally signed. */
static int parse_integer(const char *text, int min, int max, int *out,
                         char *why, size_t why_size)
{
    char *end;
    long value = strtol(text, &end, 10);
    if (end == text || *end != '\0' || value < min || value > max) {
        snprintf(why, why_size, "expected a whole number from %d to %d, "
                 "got \"%s\"", min, max, text);
        return -1;
    }
    *out = (int)value;
    return 0;
}

static int parse_month_value(const char *value, lexicon_entry *entry,
                             char *why, size_t why_size)
{
    return parse_integer(value, 1, 12, &entry->value, why, why_size);
}

static int parse_weekday_value(const char *value, lexicon_entry *entry,
                               char *why, size_t why_size)
{
    return parse_integer(value, 1, 7, &entry->value, why, why_size);
}

/* "day -1", "month 0", "year +1". */
static int parse_relative_value(const char *value, lexicon_entry *entry,
                                char *why, size_t why_size)
{
    static const char *const units[] = {"day", "month", "year"};
    size_t len = strcspn(value, " \t");
    for (int u = 0; u < 3; u++) {
        if (strlen(units[u]) != len || memcmp(units[u], value, len) != 0)
            continue;
        entry->value = RELATIVE_DAY + u;
        const char *offset = value + len + strspn(value + len, " \t");
        return parse_integer(offset, -100, 100, &entry->offset, why,
                             why_size);
    }
    snprintf(why, why_size, "expected \"day|month|year OFFSET\", got "
             "\"%s\"", value);
    return -1;
}

/* ------------------------------------------------------------------------ */
/* Lifecycle.                                                               */

static void date_destroy(void *state)
{
    date_grammar *grammar = state;
    if (grammar == NULL)
        return;
    lexicon_free(&grammar->words);
    lexicon_free(&grammar->months);
    lexicon_free(&grammar->weekdays);
    lexicon_free(&grammar->relative);
    free(grammar);
}

static int date_create(const fp_config *config, const fp_host *host,
                       void **state)
{
    *state = NULL;
    if (config->struct_size < sizeof(fp_config) ||
        config->n_values != N_OPTIONS)
        return fp_errorf(host, "expected %d option values, got %zu",
                         N_OPTIONS, config->n_values);
    const fp_option_value *values = config->values;
    for (int i = 0; i < N_OPTIONS; i++)
        if (date_options[i].type == FP_OPT_PATH && values[i].string == NULL)
            return fp_errorf(host, "option '%s' needs a file name",
                             date_options[i].name);

    date_grammar *grammar = calloc(1, sizeof *grammar);
    if (grammar == NULL)
        return fp_errorf(host, "out of memory");
    grammar->resolve_relative = values[OPTION_RELATIVE].integer != 0;
    if (lexicon_load(&grammar->words, values[OPTION_WORDS].string,
                     parse_roles, host) != FP_OK ||
        lexicon_load(&grammar->months, values[OPTION_MONTHS].string,
                     parse_month_value, host) != FP_OK ||
        lexicon_load(&grammar->weekdays, values[OPTION_WEEKDAYS].string,
                     parse_weekday_value, host) != FP_OK ||
        lexicon_load(&grammar->relative,
                     values[OPTION_RELATIVE_WORDS].string,
                     parse_relative_value, host) != FP_OK) {
        date_destroy(grammar);
        return FP_ERROR;
    }
    date_grammar_index(grammar);
    *state = grammar;
    return FP_OK;
}

/* ------------------------------------------------------------------------ */
/* Extraction.                                                              */

typedef struct emit_context {
    const fp_host *host;
    const fp_document *doc;
} emit_context;

static int emit_date(void *context, size_t start, size_t end,
                     const char *value)
{
    const emit_context *c = context;
    fp_fact fact = {
        .struct_size = (uint32_t)sizeof fact,
        .kind = NULL,
        .start = start,
        .end = end,
        .value = value,
    };
    if (fp_emit(c->host, &fact) != FP_OK)
        return fp_errorf(c->host, "%s: the host refused date %s at bytes "
                         "%zu-%zu", c->doc->source, value, start, end);
    return FP_OK;
}

/* Two-digit years are read against the article's year, or today's when
 * the article has no date (expand_two_digit_year()). */
static int two_digit_reference(article_date article)
{
    if (article.year != 0)
        return article.year;
    time_t now = time(NULL);
    struct tm parts;
    if (gmtime_r(&now, &parts) == NULL)
        return 2000;
    return parts.tm_year + 1900;
}

static int date_extract(void *state, const fp_document *doc,
                        const fp_host *host)
{
    const date_grammar *grammar = state;
    if (fp_document_check_blocks(doc, host) != FP_OK)
        return FP_ERROR;
    article_date article = article_date_parse(
        doc->meta != NULL ? doc->meta->date : NULL);
    int reference = two_digit_reference(article);

    /* Each block is copied here and its words folded as they are
     * tokenized: the grammar compares words in lower case. */
    char *folded = malloc(doc->text_len + 1);
    if (folded == NULL)
        return fp_errorf(host, "%s: out of memory for a copy of its %zu "
                         "bytes of text", doc->source, doc->text_len);

    date_token *tokens = NULL;
    size_t capacity = 0;
    emit_context context = {host, doc};
    int rc = FP_OK;
    for (size_t i = 0; i < doc->n_blocks && rc == FP_OK; i++) {
        const fp_block *b = &doc->blocks[i];
        size_t n = date_tokenize(doc->text, b->start, b->end, folded,
                                 &tokens, &capacity);
        if (n == (size_t)-1)
            rc = fp_errorf(host, "%s: out of memory reading block %zu",
                           doc->source, i);
        else
            rc = date_scan_tokens(grammar, doc->text, folded, tokens, n,
                                  article, reference, emit_date, &context);
    }
    free(tokens);
    free(folded);
    return rc;
}

FP_PLUGIN_DEFINE(date, "1.3.0", "date",
                 "Dates and periods: 05/10/2018, ngày 5 tháng 10 năm 2018, "
                 "tháng 10/2018, quý III/2018, nhiệm kỳ 2016 - 2021",
                 date_options, date_create, date_extract,
                 date_destroy)
