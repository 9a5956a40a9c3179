/*
 * count — the count extractor (docs/GUIDELINE.md, count).
 *
 * Finds whole numbers written in digits ("203", "03", "1.250",
 * "18.165.267") and reports those followed by what they count: value the
 * integer (thousands dots and leading zeros dropped), attribute `unit` the
 * counted noun phrase as written.  Which numbers are counts and where the
 * unit ends is decided in count_rules.c from four word lists in
 * config/lexicons/ (count-*.txt), so the language knowledge lives in data.
 *
 * One PCRE2 pattern finds the candidates: a digit run, possibly grouped by
 * thousands dots, standing alone (not inside a word, a decimal, a date
 * "05/10/2018", a document number "217-QĐ/TW", a time "8:30") and followed
 * by horizontal space.  Regex use follows docs/RELIABILITY.md: UTF, UCP,
 * MATCH_INVALID_UTF, NEVER_BACKSLASH_C, digits as [0-9], JIT with
 * interpreter fallback, match limits, match data per call, and any matcher
 * error fails the document.  All repeats are possessive, so JIT stack use
 * does not grow with the subject.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include "count_rules.h"

#include <factpipe/plugin.h>

#include <pcre2.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

enum {
    OPTION_NOUNS,
    OPTION_EXCLUDED_UNITS,
    OPTION_STOPWORDS,
    OPTION_NAMES_BEFORE,
    OPTION_YEAR_BEFORE,
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
    [OPTION_EXCLUDED_UNITS] = {
        .name = "excluded-units", .type = FP_OPT_PATH,
        .default_value = "lexicons/count-units-excluded.txt",
        .description = "words after a number that make it no count: time, "
                       "age, money, measures (năm, tuổi, đồng, km)"},
    [OPTION_STOPWORDS] = {
        .name = "stopwords", .type = FP_OPT_PATH,
        .default_value = "lexicons/count-stopwords.txt",
        .description = "function words and verbs: no count starts with "
                       "one, a unit ends before one"},
    [OPTION_NAMES_BEFORE] = {
        .name = "names-before", .type = FP_OPT_PATH,
        .default_value = "lexicons/count-names-before.txt",
        .description = "words before a number that make it a name, "
                       "ordinal, date or document number (số, thứ, năm)"},
    [OPTION_YEAR_BEFORE] = {
        .name = "year-before", .type = FP_OPT_PATH,
        .default_value = "lexicons/count-year-before.txt",
        .description = "words of time before a number that make one read "
                       "as a year (1900-2099) a year (đến, cuối)"},
    [OPTION_OPEN_NOUNS] = {
        .name = "open-nouns", .type = FP_OPT_BOOL, .default_value = "true",
        .description = "count a number followed by any word not excluded "
                       "(false: only by a listed noun)"},
    [OPTION_MAX_UNIT_WORDS] = {
        .name = "max-unit-words", .type = FP_OPT_INT, .default_value = "6",
        .min = 1, .max = 12,
        .description = "longest unit in words (syllables: \"hộ gia đình\" "
                       "is 3); a listed noun may be longer"},
    [OPTION_MATCH_LIMIT] = {
        .name = "match-limit", .type = FP_OPT_INT, .default_value = "100000",
        .min = 1000, .max = 100000000,
        .description = "regex steps one match may take; a match that "
                       "reaches it fails the document"},
    [OPTION_HEAP_LIMIT] = {
        .name = "heap-limit", .type = FP_OPT_INT, .default_value = "16384",
        .min = 1024, .max = 4194304,
        .description = "KiB of backtracking memory one match may use; a "
                       "match that reaches it fails the document"},
};

/* docs/RELIABILITY.md, Regular expressions; the match and heap limits are options. */
enum { DEPTH_LIMIT = 5000 };

/* Longest number taken as a count, in digits (a count of billions is
 * already rare): longer ones are phone, account or record numbers, or
 * addresses such as "255.255.255.255". */
enum { MAX_COUNT_DIGITS = 10 };

/* Not glued to a word, a digit, a decimal or thousands separator, a date
 * or document number ("05/10", "217-QĐ", "2016-2020"), a time ("8:30")
 * or an opening parenthesis of a phone code; followed by space, so that
 * "1A", "21,1%", "2,5 tỷ", "05/10" and "14h" are not candidates. */
static const char NUMBER_PATTERN[] =
    "(?<![\\p{L}\\p{M}\\p{N}.,/:\\-–_])"
    "[0-9]++(?:\\.[0-9]{3}(?![0-9]))*+"
    "(?=\\h)";

static const uint32_t COMPILE_OPTIONS = PCRE2_UTF | PCRE2_UCP |
                                        PCRE2_MATCH_INVALID_UTF |
                                        PCRE2_NEVER_BACKSLASH_C;

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
    count_lexicon_free(&state->rules.nouns);
    count_lexicon_free(&state->rules.excluded_units);
    count_lexicon_free(&state->rules.stopwords);
    count_lexicon_free(&state->rules.names_before);
    count_lexicon_free(&state->rules.year_before);
    free(state);
}

static int compile_pattern(count_state *state, const fp_host *host)
{
    int error_code;
    PCRE2_SIZE error_offset;
    state->pattern = pcre2_compile((PCRE2_SPTR)NUMBER_PATTERN,
                                   PCRE2_ZERO_TERMINATED, COMPILE_OPTIONS,
                                   &error_code, &error_offset, NULL);
    if (state->pattern == NULL) {
        PCRE2_UCHAR message[256];
        pcre2_get_error_message(error_code, message, sizeof message);
        return fp_errorf(host, "cannot compile the number pattern at offset "
                         "%zu: %s", (size_t)error_offset,
                         (const char *)message);
    }
    /* Without JIT (some architectures, SELinux execmem policy) the
     * interpreter runs the same pattern under the same limits. */
    int jit_rc = pcre2_jit_compile(state->pattern, PCRE2_JIT_COMPLETE);
    if (jit_rc < 0) {
        PCRE2_UCHAR message[256];
        pcre2_get_error_message(jit_rc, message, sizeof message);
        fp_logf(host, FP_LOG_DEBUG, "JIT unavailable (%s); using the "
                "PCRE2 interpreter", (const char *)message);
    }
    state->limits = pcre2_match_context_create(NULL);
    if (state->limits == NULL)
        return fp_errorf(host, "out of memory creating the match context");
    pcre2_set_depth_limit(state->limits, DEPTH_LIMIT);
    return FP_OK;
}

static int load_lexicons(count_rules *rules, const fp_option_value *values,
                         const fp_host *host)
{
    if (count_lexicon_load(&rules->nouns, values[OPTION_NOUNS].string,
                           COUNT_LEXICON_PLAIN, host) != FP_OK ||
        count_lexicon_load(&rules->excluded_units,
                           values[OPTION_EXCLUDED_UNITS].string,
                           COUNT_LEXICON_PLAIN, host) != FP_OK ||
        count_lexicon_load(&rules->stopwords,
                           values[OPTION_STOPWORDS].string,
                           COUNT_LEXICON_PLAIN, host) != FP_OK ||
        count_lexicon_load(&rules->names_before,
                           values[OPTION_NAMES_BEFORE].string,
                           COUNT_LEXICON_EXCEPTIONS | COUNT_LEXICON_CASED,
                           host) != FP_OK ||
        count_lexicon_load(&rules->year_before,
                           values[OPTION_YEAR_BEFORE].string,
                           COUNT_LEXICON_PLAIN, host) != FP_OK)
        return FP_ERROR;
    rules->open_nouns = values[OPTION_OPEN_NOUNS].integer != 0;
    rules->max_unit_words = (size_t)values[OPTION_MAX_UNIT_WORDS].integer;
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
        compile_pattern(state, host) != FP_OK) {
        count_destroy(state);
        return FP_ERROR;
    }
    pcre2_set_match_limit(state->limits,
                          (uint32_t)config->values[OPTION_MATCH_LIMIT].integer);
    pcre2_set_heap_limit(state->limits,
                         (uint32_t)config->values[OPTION_HEAP_LIMIT].integer);
    *opaque = state;
    return FP_OK;
}

/* The value of a number (docs/GUIDELINE.md, Numbers): its digits without thousands dots or
 * leading zeros.  Returns false when it has too many digits to count or
 * reads as a phone number. */
static bool count_value(const char *number, size_t len, char *out,
                        bool *year_like)
{
    size_t n = 0, written_digits = 0;
    for (size_t i = 0; i < len; i++) {
        if (number[i] == '.')
            continue;
        written_digits++;
        if (n == 0 && number[i] == '0')
            continue;
        if (n == MAX_COUNT_DIGITS)
            return false;
        out[n++] = number[i];
    }
    /* "0236", "02437215689": an area code or a phone number.  Counts
     * are padded to two digits at most ("03 tập thể"). */
    if (written_digits > 3 && number[0] == '0')
        return false;
    if (n == 0)
        out[n++] = '0';
    out[n] = '\0';
    /* As a year it is written plain, e.g. "2020", never "2.020". */
    *year_like = written_digits == 4 && len == 4 && n == 4 &&
                 (strncmp(out, "19", 2) == 0 || strncmp(out, "20", 2) == 0);
    return true;
}

static int emit_count(const fp_host *host, size_t start, size_t end,
                      const char *value, const char *unit, size_t unit_len)
{
    char *unit_copy = malloc(unit_len + 1);
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
    free(unit_copy);
    if (rc != FP_OK)
        return fp_errorf(host, "the host refused count %s at bytes %zu-%zu",
                         value, start, end);
    return FP_OK;
}

/* One candidate number at [start, end) of the block. */
static int consider_number(const count_state *state, const fp_host *host,
                           const char *block, size_t block_len,
                           size_t block_offset, size_t start, size_t end)
{
    char value[MAX_COUNT_DIGITS + 1];
    bool year_like = false;
    if (!count_value(block + start, end - start, value, &year_like))
        return FP_OK;
    size_t unit_start, unit_end;
    if (!count_rules_apply(&state->rules, block, block_len, start, end,
                           year_like, &unit_start, &unit_end))
        return FP_OK;
    return emit_count(host, block_offset + start, block_offset + unit_end,
                      value, block + unit_start, unit_end - unit_start);
}

static int extract_block(const count_state *state,
                         pcre2_match_data *match_data, const fp_document *doc,
                         size_t block_index, const fp_host *host)
{
    const fp_block *span = &doc->blocks[block_index];
    const char *block = doc->text + span->start;
    size_t block_len = span->end - span->start;
    const PCRE2_SIZE *ovector = pcre2_get_ovector_pointer(match_data);

    /* Every match holds a digit, so each one moves the start forward. */
    for (size_t offset = 0; offset < block_len;) {
        int rc = pcre2_match(state->pattern, (PCRE2_SPTR)block, block_len,
                             offset, 0, match_data, state->limits);
        if (rc == PCRE2_ERROR_NOMATCH)
            return FP_OK;
        if (rc < 0) {
            PCRE2_UCHAR message[256];
            pcre2_get_error_message(rc, message, sizeof message);
            return fp_errorf(host, "%s: matching failed in block %zu "
                             "(bytes %zu-%zu): %s", doc->source, block_index,
                             span->start, span->end, (const char *)message);
        }
        if (consider_number(state, host, block, block_len, span->start,
                            ovector[0], ovector[1]) != FP_OK)
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
     * not to the instance other threads share. */
    pcre2_match_data *match_data =
        pcre2_match_data_create_from_pattern(state->pattern, NULL);
    if (match_data == NULL)
        return fp_errorf(host, "out of memory creating match data");
    int rc = FP_OK;
    for (size_t i = 0; i < doc->n_blocks && rc == FP_OK; i++)
        rc = extract_block(state, match_data, doc, i, host);
    pcre2_match_data_free(match_data);
    return rc;
}

FP_PLUGIN_DEFINE(count, "1.0.0", "count",
                 "Counts: 203 đảng viên, 1.250 hộ gia đình, 03 Đoàn giám sát",
                 count_options, count_create, count_extract,
                 count_destroy)
