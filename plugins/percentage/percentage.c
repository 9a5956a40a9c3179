/*
 * percentage — the percentage extractor (docs/GUIDELINE.md, percentage).
 *
 * Finds a number followed by "%" or by the words "phần trăm", with an
 * optional "điểm" between them for percentage points, and reports the
 * number normalized per docs/GUIDELINE.md, Numbers: decimal
 * comma, thousands dot, a dot not followed by exactly three digits is a
 * decimal point, no leading or trailing zeros.  A range "từ 10 - 15%" gives
 * two facts: the first spans its number only, the second its number and
 * the "%".  The number is never signed: "-5%" and "giảm 5%" are both 5.
 *
 * Regex use is <factpipe/regex.h>'s: UTF, UCP, MATCH_INVALID_UTF,
 * NEVER_BACKSLASH_C, digits as [0-9], JIT with interpreter fallback, match,
 * depth and heap limits, and any matcher error fails the document.
 *
 * JIT stack: the default 32 KiB machine stack.  Every repeat in the pattern
 * is possessive, so the JIT keeps no backtracking frame per repetition and
 * its stack use does not grow with the subject: an absurd 400 KB number
 * trips match_limit, not the JIT stack (tests/percentage checks it).  A
 * per-call pcre2_jit_stack would cost an mmap per document for nothing.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include "percentage_pattern.h"

#include <pcre2.h>

#include <factpipe/plugin.h>
#include <factpipe/regex.h>

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

enum { OPTION_RANGES, OPTION_WORDS, OPTION_MATCH_LIMIT, OPTION_HEAP_LIMIT, N_OPTIONS };

static const fp_option percentage_options[N_OPTIONS] = {
    [OPTION_RANGES] = {
        .name = "ranges",
        .type = FP_OPT_BOOL,
        .default_value = "true",
        .description = "report both ends of \"từ 10 - 15%\" "
                       "(false: only the end written with %)"},
    [OPTION_WORDS] = {
        .name = "words",
        .type = FP_OPT_BOOL,
        .default_value = "true",
        .description = "accept \"phần trăm\" as well as % after the number"},
    [OPTION_MATCH_LIMIT] = FP_REGEX_MATCH_LIMIT_OPTION,
    [OPTION_HEAP_LIMIT] = FP_REGEX_HEAP_LIMIT_OPTION,
};

typedef struct captured_number {
    uint32_t int_group, frac_group; /* 0: not in this pattern */
} captured_number;

typedef struct percentage_matcher {
    pcre2_code *pattern;
    pcre2_match_context *limits; /* read-only once built: shared by threads */
    captured_number range_from;  /* groups 0 when ranges=false */
    captured_number number;
    bool words;                  /* "phần trăm" accepted as well as "%" */
} percentage_matcher;

static void percentage_destroy(void *state)
{
    percentage_matcher *matcher = state;
    if (matcher == NULL)
        return;
    pcre2_match_context_free(matcher->limits);
    pcre2_code_free(matcher->pattern);
    free(matcher);
}

static uint32_t group_number(const pcre2_code *pattern, const char *name)
{
    int number = pcre2_substring_number_from_name(pattern, (PCRE2_SPTR)name);
    return number > 0 ? (uint32_t)number : 0;
}

static int compile_matcher(percentage_matcher *matcher, const fp_config *config,
                           const fp_host *host)
{
    bool ranges = config->values[OPTION_RANGES].integer != 0;
    bool words = config->values[OPTION_WORDS].integer != 0;
    matcher->words = words;
    matcher->pattern = fp_regex_compile(percentage_pattern(ranges, words), 0, "percentage", host);
    if (matcher->pattern == NULL)
        return FP_ERROR;
    matcher->limits = fp_regex_limits_new(config, OPTION_MATCH_LIMIT, OPTION_HEAP_LIMIT, host);
    if (matcher->limits == NULL)
        return FP_ERROR;
    matcher->range_from.int_group = group_number(matcher->pattern, "from_int");
    matcher->range_from.frac_group =
        group_number(matcher->pattern, "from_frac");
    matcher->number.int_group = group_number(matcher->pattern, "value_int");
    matcher->number.frac_group = group_number(matcher->pattern, "value_frac");
    return FP_OK;
}

static int percentage_create(const fp_config *config, const fp_host *host,
                             void **state)
{
    *state = NULL;
    if (config->struct_size < sizeof(fp_config) ||
        config->n_values != N_OPTIONS)
        return fp_errorf(host, "expected %d option values, got %zu",
                         N_OPTIONS, config->n_values);

    percentage_matcher *matcher = calloc(1, sizeof *matcher);
    if (matcher == NULL)
        return fp_errorf(host, "out of memory");
    if (compile_matcher(matcher, config, host) != FP_OK) {
        percentage_destroy(matcher);
        return FP_ERROR;
    }
    *state = matcher;
    return FP_OK;
}

/* Writes the guideline's form of a number into out, which holds at least
 * int_len + frac_len + 2 bytes: digits without thousands dots or leading
 * zeros, then "." and the fraction without trailing zeros, if any is left. */
static void normalize_number(const char *int_part, size_t int_len,
                             const char *frac, size_t frac_len, char *out)
{
    size_t n = 0;
    for (size_t i = 0; i < int_len; i++) {
        bool leading_zero = n == 0 && int_part[i] == '0';
        if (int_part[i] != '.' && !leading_zero)
            out[n++] = int_part[i];
    }
    if (n == 0)
        out[n++] = '0';
    while (frac_len > 0 && frac[frac_len - 1] == '0')
        frac_len--;
    if (frac_len > 0) {
        out[n++] = '.';
        memcpy(out + n, frac, frac_len);
        n += frac_len;
    }
    out[n] = '\0';
}

static size_t group_length(const PCRE2_SIZE *ovector, uint32_t group)
{
    if (group == 0 || ovector[2 * group] == PCRE2_UNSET)
        return 0;
    return ovector[2 * group + 1] - ovector[2 * group];
}

/* Emits the number captured in `number` with the byte span
 * [span_start, span_end) of the block that starts at text offset
 * block_start. */
static int emit_percentage(const fp_host *host, const char *block,
                           size_t block_start, const PCRE2_SIZE *ovector,
                           captured_number number, size_t span_start,
                           size_t span_end)
{
    size_t int_len = group_length(ovector, number.int_group);
    size_t frac_len = group_length(ovector, number.frac_group);
    const char *int_part = block + ovector[2 * number.int_group];
    const char *frac = frac_len > 0 ? block + ovector[2 * number.frac_group]
                                    : "";
    char *value = malloc(int_len + frac_len + 2);
    if (value == NULL)
        return fp_errorf(host, "out of memory");
    normalize_number(int_part, int_len, frac, frac_len, value);

    fp_fact fact = {
        .struct_size = (uint32_t)sizeof fact,
        .kind = NULL,
        .start = block_start + span_start,
        .end = block_start + span_end,
        .value = value,
    };
    int rc = fp_emit(host, &fact);
    free(value);
    if (rc != FP_OK)
        return fp_errorf(host, "the host refused percentage %zu-%zu",
                         fact.start, fact.end);
    return FP_OK;
}

/* Where a number ends: after its fraction if it has one. */
static size_t number_end(const PCRE2_SIZE *ovector, captured_number number)
{
    if (group_length(ovector, number.frac_group) > 0)
        return ovector[2 * number.frac_group + 1];
    return ovector[2 * number.int_group + 1];
}

/* The captured number as a double, for comparing the ends of a range. */
static double number_value(const char *block, const PCRE2_SIZE *ovector,
                           captured_number number)
{
    size_t int_len = group_length(ovector, number.int_group);
    size_t frac_len = group_length(ovector, number.frac_group);
    char digits[64];
    if (int_len + frac_len + 2 > sizeof digits)
        return HUGE_VAL;
    normalize_number(block + ovector[2 * number.int_group], int_len,
                     frac_len ? block + ovector[2 * number.frac_group] : "",
                     frac_len, digits);
    return strtod(digits, NULL);
}

/* One match: the start of a range, if any, and the number with its "%".
 * Writers give ranges low to high; "năm 2019 - 15%" is a year beside a
 * percentage, so a first number above the second is not a range end. */
static int emit_match(const percentage_matcher *matcher, const fp_host *host,
                      const char *block, size_t block_start,
                      const PCRE2_SIZE *ovector)
{
    captured_number from = matcher->range_from;
    bool is_range = from.int_group != 0 &&
                    ovector[2 * from.int_group] != PCRE2_UNSET &&
                    number_value(block, ovector, from) <=
                        number_value(block, ovector, matcher->number);
    if (is_range &&
        emit_percentage(host, block, block_start, ovector, from,
                        ovector[2 * from.int_group],
                        number_end(ovector, from)) != FP_OK)
        return FP_ERROR;
    return emit_percentage(host, block, block_start, ovector, matcher->number,
                           ovector[2 * matcher->number.int_group],
                           ovector[1]);
}

/* Every match in one block.  The pattern cannot match the empty string
 * (it needs a digit and a "%" or "trăm"), so each match moves the search
 * forward.  Each search starts where percentage_search_start() says a
 * match can: the text between numbers with a "%" is not read by the
 * regex, and a block without a "%" not at all. */
static int extract_block(const percentage_matcher *matcher,
                         pcre2_match_data *match_data, const fp_document *doc,
                         size_t block_index, const fp_host *host)
{
    const fp_block *span = &doc->blocks[block_index];
    const char *block = doc->text + span->start;
    size_t len = span->end - span->start;
    const PCRE2_SIZE *ovector = pcre2_get_ovector_pointer(match_data);
    percentage_signs signs;
    percentage_signs_init(&signs, matcher->words);
    for (size_t offset = 0;;) {
        offset = percentage_search_start(&signs, block, len, offset);
        if (offset >= len)
            return FP_OK;
        int rc = pcre2_match(matcher->pattern, (PCRE2_SPTR)block, len, offset,
                             0, match_data, matcher->limits);
        if (rc == PCRE2_ERROR_NOMATCH)
            return FP_OK;
        if (rc < 0)
            return fp_regex_match_error(host, rc, doc, block_index);
        if (emit_match(matcher, host, block, span->start, ovector) != FP_OK)
            return FP_ERROR;
        offset = ovector[1];
    }
}

/* fp_regex_each_match()'s block loop, but each search starts where a
 * match can (percentage_pattern.h). */
static int percentage_extract(void *state, const fp_document *doc,
                              const fp_host *host)
{
    const percentage_matcher *matcher = state;
    if (fp_document_check_blocks(doc, host) != FP_OK)
        return FP_ERROR;
    /* Match data is written by every match: it belongs to this call. */
    pcre2_match_data *match_data = fp_regex_match_data(matcher->pattern, host);
    if (match_data == NULL)
        return FP_ERROR;
    int rc = FP_OK;
    for (size_t i = 0; i < doc->n_blocks && rc == FP_OK; i++)
        rc = extract_block(matcher, match_data, doc, i, host);
    pcre2_match_data_free(match_data);
    return rc;
}

FP_PLUGIN_DEFINE(percentage, "1.0.0", "percentage",
                 "Percentages: 21,1% and 5 phần trăm, ranges 10 - 15%",
                 percentage_options, percentage_create,
                 percentage_extract, percentage_destroy)
