/*
 * count — the count extractor (the guideline: docs/GUIDELINE.md, "count").
 *
 * Finds whole numbers written in digits ("203", "03", "1.250", "25 000",
 * "18.165.267") and reports those followed by what they count: value the
 * integer (thousands separators and leading zeros dropped, a word
 * multiplier applied: "3 triệu người" is 3000000), attribute `unit` the
 * counted noun phrase as written.  Which numbers are counts and where the
 * unit ends is decided in count_rules.c from the word lists in
 * config/lexicons/ (count-*.txt), so the language knowledge lives in data;
 * count_number.c reads the digits.
 *
 * One PCRE2 pattern finds the candidates: a digit run, possibly grouped by
 * thousands or with a decimal part, standing alone (not inside a word, a
 * decimal, a date "05/10/2018", a time "8:30") and followed by horizontal
 * space or a dash (the lower end of a range "1.500-2.000").  Regex use is
 * <factpipe/regex.h>'s: UTF, UCP, MATCH_INVALID_UTF, NEVER_BACKSLASH_C,
 * digits as [0-9], JIT with interpreter fallback, match limits, match data
 * per call, and any matcher error fails the document.
 * All repeats are possessive or bounded, so JIT stack use does not grow
 * with the subject.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include "count_rules.h"

#include <pcre2.h>

#include <factpipe/plugin.h>
#include <factpipe/regex.h>
#include <factpipe/utf8.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* The lexicon options come first, in the order of lexicons_of(). */
enum {
    OPTION_NOUNS,
    OPTION_TIME_UNITS,
    OPTION_CURRENCIES,
    OPTION_MEASURES,
    OPTION_MULTIPLIERS,
    OPTION_STOPWORDS,
    OPTION_NAMES_BEFORE,
    OPTION_NAMES_AFTER,
    OPTION_YEAR_BEFORE,
    OPTION_FACTORS,
    OPTION_COMPARISONS,
    OPTION_OPEN_NOUNS,
    OPTION_MAX_UNIT_WORDS,
    OPTION_MATCH_LIMIT,
    OPTION_HEAP_LIMIT,
    N_OPTIONS
};

static const fp_option count_options[N_OPTIONS] = {
    [OPTION_NOUNS] = {
        .name = "nouns", .type = FP_OPT_PATH,
        .default_value = "lexicons/count-nouns.txt",
        .description = "counted nouns and classifiers (người, hộ gia đình, "
                       "lượt): where a unit starts and ends"},
    [OPTION_TIME_UNITS] = {
        .name = "time-units", .type = FP_OPT_PATH,
        .default_value = "lexicons/count-time-units.txt",
        .description = "words after a number that make it a duration, an "
                       "age, a time of day or a lunar day (năm, tuổi, giờ, "
                       "tết): no count"},
    [OPTION_CURRENCIES] = {
        .name = "currencies", .type = FP_OPT_PATH,
        .default_value = "lexicons/count-currencies.txt",
        .description = "currencies of any country after a number (đồng, "
                       "USD, đôla, baht, NDT): money, no count"},
    [OPTION_MEASURES] = {
        .name = "measures", .type = FP_OPT_PATH,
        .default_value = "lexicons/count-measures.txt",
        .description = "units of measure after a number (km, ha, tấn, hải "
                       "lý, khối): a measure, no count"},
    [OPTION_MULTIPLIERS] = {
        .name = "multipliers", .type = FP_OPT_PATH,
        .default_value = "lexicons/count-multipliers.txt",
        .description = "number words and their values (nghìn: 1000, triệu: "
                       "1000000): \"3 triệu người\" counts 3000000"},
    [OPTION_STOPWORDS] = {
        .name = "stopwords", .type = FP_OPT_PATH,
        .default_value = "lexicons/count-stopwords.txt",
        .description = "function words, pronouns and verbs: no count "
                       "starts with one, a unit ends before one"},
    [OPTION_NAMES_BEFORE] = {
        .name = "names-before", .type = FP_OPT_PATH,
        .default_value = "lexicons/count-names-before.txt",
        .description = "words before a number that make it a name, "
                       "ordinal, date or document number (số, thứ, năm)"},
    [OPTION_NAMES_AFTER] = {
        .name = "names-after", .type = FP_OPT_PATH,
        .default_value = "lexicons/count-names-after.txt",
        .description = "words after a number that start a name written in "
                       "lower case (nguyễn: \"88 nguyễn văn linh\" is an "
                       "address)"},
    [OPTION_YEAR_BEFORE] = {
        .name = "year-before", .type = FP_OPT_PATH,
        .default_value = "lexicons/count-year-before.txt",
        .description = "words of time before a number that make a "
                       "number that reads as a year (1900-2099) a year, no "
                       "count (đến, cuối)"},
    [OPTION_FACTORS] = {
        .name = "factors", .type = FP_OPT_PATH,
        .default_value = "lexicons/count-factors.txt",
        .description = "nouns of times (lần): after a comparison the number "
                       "is a factor, no count (tăng 5 lần; but 3 lần kiểm "
                       "tra)"},
    [OPTION_COMPARISONS] = {
        .name = "comparisons", .type = FP_OPT_PATH,
        .default_value = "lexicons/count-comparisons.txt",
        .description = "words of comparison before a number of times "
                       "(tăng, bằng, cao hơn)"},
    [OPTION_OPEN_NOUNS] = {
        .name = "open-nouns", .type = FP_OPT_BOOL, .default_value = "true",
        .description = "count a number followed by any word not excluded "
                       "(false: only by a listed noun)"},
    [OPTION_MAX_UNIT_WORDS] = {
        .name = "max-unit-words", .type = FP_OPT_INT, .default_value = "6",
        .min = 1, .max = 12,
        .description = "longest unit in words (syllables: \"hộ gia đình\" "
                       "is 3); a listed noun may be longer"},
    [OPTION_MATCH_LIMIT] = FP_REGEX_MATCH_LIMIT_OPTION,
    [OPTION_HEAP_LIMIT] = FP_REGEX_HEAP_LIMIT_OPTION,
};

/* Not glued to a word, a digit, a decimal or thousands separator, a date
 * or document number ("05/10"), a time ("8:30"), an underscore or the '+'
 * of a kilometre post or a sum ("km 49+800", "2+3"); followed
 * by space, so that "1A", "21,1%", "05/10" and "14h" are not candidates,
 * or by a dash, so that the lower end of a range is one.  Thousands are
 * grouped by a dot, a space (also no-break) or both, at most four groups
 * after the first (COUNT_MAX_DIGITS); otherwise digits with an optional
 * decimal part ("2,5 triệu"). */
static const char NUMBER_PATTERN[] =
    "(?<![\\p{L}\\p{M}\\p{N}.,/:_])(?<![0-9]\\+)"
    "(?:[0-9]{1,3}+"
    "(?:(?:\\.[ \\x{A0}\\x{202F}]?+|[ \\x{A0}\\x{202F}])[0-9]{3}+(?![0-9]))"
    "{1,4}+"
    "|[0-9]++(?:[.,][0-9]++)?+)"
    "(?=\\h|[\\-\\x{2013}\\x{2014}])";

enum { N_LEXICONS = OPTION_COMPARISONS - OPTION_NOUNS + 1 };

/* The lexicons of rules, in the order of their options. */
static void lexicons_of(count_rules *rules, count_lexicon *out[N_LEXICONS])
{
    count_lexicon *all[N_LEXICONS] = {
        &rules->nouns,        &rules->time_units,  &rules->currencies,
        &rules->measures,     &rules->multipliers, &rules->stopwords,
        &rules->names_before, &rules->names_after, &rules->year_before,
        &rules->factors,      &rules->comparisons};
    memcpy(out, all, sizeof all);
}

typedef struct count_state {
    pcre2_code *pattern;
    pcre2_match_context *limits; /* read-only once built: shared by threads */
    count_rules rules;
} count_state;

static void count_destroy(void *opaque)
{
    count_state *state = opaque;
    if (state == NULL)
        return;
    pcre2_match_context_free(state->limits);
    pcre2_code_free(state->pattern);
    count_lexicon *lexicons[N_LEXICONS];
    lexicons_of(&state->rules, lexicons);
    for (size_t i = 0; i < N_LEXICONS; i++)
        count_lexicon_free(lexicons[i]);
    free(state);
}

static int load_lexicons(count_rules *rules, const fp_option_value *values,
                         const fp_host *host)
{
    /* Features of each lexicon file, in the order of lexicons_of(). */
    static const unsigned flags[N_LEXICONS] = {
        [OPTION_MULTIPLIERS - OPTION_NOUNS] = COUNT_LEXICON_VALUED,
        [OPTION_NAMES_BEFORE - OPTION_NOUNS] =
            COUNT_LEXICON_EXCEPTIONS | COUNT_LEXICON_CASED,
    };
    count_lexicon *lexicons[N_LEXICONS];
    lexicons_of(rules, lexicons);
    for (size_t i = 0; i < N_LEXICONS; i++)
        if (count_lexicon_load(lexicons[i],
                               values[OPTION_NOUNS + i].string, flags[i],
                               host) != FP_OK)
            return FP_ERROR;
    rules->open_nouns = values[OPTION_OPEN_NOUNS].integer != 0;
    rules->max_unit_words = (size_t)values[OPTION_MAX_UNIT_WORDS].integer;
    count_rules_prepare(rules);
    return FP_OK;
}

static int count_create(const fp_config *config, const fp_host *host,
                        void **opaque)
{
    *opaque = NULL;
    if (config->struct_size < sizeof(fp_config) ||
        config->n_values != N_OPTIONS)
        return fp_errorf(host, "expected %d option values, got %zu",
                         N_OPTIONS, config->n_values);
    for (size_t i = 0; i < N_OPTIONS; i++)
        if (count_options[i].type == FP_OPT_PATH &&
            config->values[i].string == NULL)
            return fp_errorf(host, "option '%s' has no file; set it in the "
                             "pipeline's [plugin count] section",
                             count_options[i].name);

    count_state *state = calloc(1, sizeof *state);
    if (state == NULL)
        return fp_errorf(host, "out of memory");
    if (load_lexicons(&state->rules, config->values, host) != FP_OK ||
        !(state->pattern = fp_regex_compile(NUMBER_PATTERN, 0, "number",
                                            host)) ||
        !(state->limits = fp_regex_limits_new(config, OPTION_MATCH_LIMIT,
                                              OPTION_HEAP_LIMIT, host))) {
        count_destroy(state);
        return FP_ERROR;
    }
    *opaque = state;
    return FP_OK;
}

static int emit_count(const fp_host *host, size_t start, size_t end,
                      const char *value, const char *unit, size_t unit_len)
{
    /* Units are a few words: a longer one than fits here is copied to
     * the heap. */
    char short_unit[128];
    char *unit_copy = unit_len < sizeof short_unit ? short_unit
                                                   : malloc(unit_len + 1);
    if (unit_copy == NULL)
        return fp_errorf(host, "out of memory");
    memcpy(unit_copy, unit, unit_len);
    unit_copy[unit_len] = '\0';
    fp_attr attr = {"unit", unit_copy};
    fp_fact fact = {
        .struct_size = (uint32_t)sizeof fact,
        .kind = NULL,
        .start = start,
        .end = end,
        .value = value,
        .attrs = &attr,
        .n_attrs = 1,
    };
    int rc = fp_emit(host, &fact);
    if (unit_copy != short_unit)
        free(unit_copy);
    if (rc != FP_OK)
        return fp_errorf(host, "the host refused count %s at bytes %zu-%zu",
                         value, start, end);
    return FP_OK;
}

/* One candidate number at [start, end) of the block; *previous is the
 * candidate before it, and becomes this one. */
static int consider_number(const count_state *state, const fp_host *host,
                           const char *block, size_t block_len,
                           size_t block_offset, size_t start, size_t end,
                           count_candidate *previous, bool *has_previous)
{
    count_candidate candidate = {.start = start, .end = end};
    bool readable = count_number_parse(block + start, end - start,
                                       &candidate.number);
    /* "0236", "02437215689": an area code or a phone number.  Counts
     * are padded to two digits at most ("03 tập thể"). */
    bool phone_like = candidate.number.leading_zero &&
                      candidate.number.written_digits > 3;
    count_reading reading;
    bool counted = readable && !phone_like &&
                   count_rules_apply(&state->rules, block, block_len,
                                     &candidate,
                                     *has_previous ? previous : NULL,
                                     &reading);
    *previous = candidate;
    *has_previous = readable;
    if (!counted)
        return FP_OK;
    char value[COUNT_DECIMAL_BYTES];
    count_format_decimal(reading.value, value);
    return emit_count(host, block_offset + reading.start,
                      block_offset + reading.unit_end, value,
                      block + reading.unit_start,
                      reading.unit_end - reading.unit_start);
}

/* Where the full stop after the first group of the number [start, end)
 * ends, when a dot and a space there end a sentence rather than join
 * thousands ("mức độ 2. 954 trẻ em"); 0 otherwise. */
static size_t dot_ending_a_sentence(const count_state *state,
                                    const char *block, size_t start,
                                    size_t end)
{
    const char *dot = memchr(block + start, '.', end - start);
    if (dot == NULL || dot + 1 >= block + end ||
        (dot[1] >= '0' && dot[1] <= '9') ||
        !count_rules_dot_ends_sentence(&state->rules, block, start))
        return 0;
    return (size_t)(dot - block) + 1;
}

static int extract_block(const count_state *state,
                         pcre2_match_data *match_data, const fp_document *doc,
                         size_t block_index, const fp_host *host)
{
    const fp_block *span = &doc->blocks[block_index];
    const char *block = doc->text + span->start;
    size_t block_len = span->end - span->start;
    const PCRE2_SIZE *ovector = pcre2_get_ovector_pointer(match_data);
    count_candidate previous;
    bool has_previous = false;

    /* Every match starts with a digit, so each one moves the start
     * forward, and the search can start at the next digit (the pattern's
     * look-behinds still see the text before it): a block's text after
     * its last number costs no call of the matcher. */
    for (size_t offset = 0; offset < block_len;) {
        offset = fp_next_ascii_digit(block, offset, block_len);
        if (offset == block_len)
            return FP_OK;
        int rc = pcre2_match(state->pattern, (PCRE2_SPTR)block, block_len,
                             offset, 0, match_data, state->limits);
        if (rc == PCRE2_ERROR_NOMATCH)
            return FP_OK;
        if (rc < 0)
            return fp_regex_match_error(host, rc, doc, block_index);
        size_t sentence_end = dot_ending_a_sentence(state, block,
                                                    ovector[0], ovector[1]);
        if (sentence_end != 0) {
            /* Read on after the full stop: "954 trẻ em" is a count. */
            has_previous = false;
            offset = sentence_end;
            continue;
        }
        if (consider_number(state, host, block, block_len, span->start,
                            ovector[0], ovector[1], &previous,
                            &has_previous) != FP_OK)
            return FP_ERROR;
        offset = ovector[1];
    }
    return FP_OK;
}

static int count_extract(void *opaque, const fp_document *doc,
                         const fp_host *host)
{
    const count_state *state = opaque;
    if (fp_document_check_blocks(doc, host) != FP_OK)
        return FP_ERROR;
    /* Match data is written by every match, so it belongs to this call,
     * not to the instance other threads share.  The block loop is count's
     * own, not fp_regex_each_match: after a full stop inside a candidate
     * ("2. 954 trẻ em") the search goes on from the stop, before the
     * candidate's end. */
    pcre2_match_data *match_data = fp_regex_match_data(state->pattern, host);
    if (match_data == NULL)
        return FP_ERROR;
    int rc = FP_OK;
    for (size_t i = 0; i < doc->n_blocks && rc == FP_OK; i++)
        rc = extract_block(state, match_data, doc, i, host);
    pcre2_match_data_free(match_data);
    return rc;
}

FP_PLUGIN_DEFINE(count, "1.3.0", "count",
                 "Counts: 203 đảng viên, 1.250 hộ gia đình, 03 Đoàn giám sát",
                 count_options, count_create, count_extract,
                 count_destroy)
