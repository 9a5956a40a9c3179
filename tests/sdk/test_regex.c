/* <factpipe/regex.h>: the option entries the regex plugins share, compile
 * errors, the limits from the options, and the block loop — matches in
 * order, a callback that skips ahead, empty matches, and a matcher error
 * that fails the document instead of reading as "no match". */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "fake_host.h"

#include <factpipe/regex.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static void assert_contains(const char *haystack, const char *needle)
{
    if (!strstr(haystack, needle))
        fail_msg("expected \"%s\" in \"%s\"", needle, haystack);
}

/* The entries are those percentage, count and docref write by hand today
 * (their --list-plugins lines must not change when they move onto them). */
static void option_entries(void **state)
{
    (void)state;
    enum { WORDS, MATCH, HEAP, N };
    static const fp_option by_index[N] = {
        [WORDS] = {.name = "words", .type = FP_OPT_BOOL},
        [MATCH] = FP_REGEX_MATCH_LIMIT_OPTION,
        [HEAP] = FP_REGEX_HEAP_LIMIT_OPTION,
    };
    static const fp_option spliced[] = {{.name = "x", .type = FP_OPT_BOOL},
                                        FP_REGEX_LIMIT_OPTIONS};
    assert_int_equal(sizeof spliced / sizeof *spliced, 3);
    for (int i = 0; i < 2; i++) {
        const fp_option *match = i ? &spliced[1] : &by_index[MATCH];
        const fp_option *heap = i ? &spliced[2] : &by_index[HEAP];
        assert_string_equal(match->name, "match-limit");
        assert_int_equal(match->type, FP_OPT_INT);
        assert_string_equal(match->default_value, "100000");
        assert_int_equal(match->min, 1000);
        assert_int_equal(match->max, 100000000);
        assert_string_equal(match->description, "regex steps one match may take; a match "
                                                "that reaches it fails the document");
        assert_string_equal(heap->name, "heap-limit");
        assert_string_equal(heap->default_value, "16384");
        assert_int_equal(heap->min, 1024);
        assert_int_equal(heap->max, 4194304);
        assert_string_equal(heap->description, "KiB of backtracking memory one match may "
                                               "use; a match that reaches it fails the "
                                               "document");
    }
}

static void compile_errors(void **state)
{
    (void)state;
    fp_fake_host host;
    fp_fake_host_init(&host);
    assert_null(fp_regex_compile("(unclosed", 0, "number", fp_fake_host_table(&host)));
    assert_contains(host.last_error, "cannot compile the number pattern at offset 9");
    /* \C is refused (NEVER_BACKSLASH_C), UTF is on */
    assert_null(fp_regex_compile("a\\Cb", 0, "test", fp_fake_host_table(&host)));
    pcre2_code *code = fp_regex_compile("\\p{Lu}\\w+", 0, "word", fp_fake_host_table(&host));
    assert_non_null(code);
    uint32_t options = 0;
    pcre2_pattern_info(code, PCRE2_INFO_ARGOPTIONS, &options);
    assert_int_equal(options & FP_REGEX_COMPILE_OPTIONS, FP_REGEX_COMPILE_OPTIONS);
    pcre2_code_free(code);
    fp_fake_host_free(&host);
}

typedef struct collected {
    char found[16][32];
    size_t n;
    size_t skip_to; /* when set: move the next search there */
    int fail_at;    /* when >= 0: fail at this match */
} collected;

static int collect(void *user, fp_regex_match *m, const fp_host *host)
{
    collected *c = user;
    if ((int)c->n == c->fail_at)
        return fp_errorf(host, "refused match %zu", c->n);
    size_t start = m->ovector[0], end = m->ovector[1];
    if (c->n < 16)
        snprintf(c->found[c->n], sizeof c->found[0], "%zu:%.*s", m->block_index,
                 (int)(end - start), m->block + start);
    c->n++;
    assert_int_equal(m->block_start + m->block_len, m->doc->blocks[m->block_index].end);
    if (c->skip_to)
        m->next = c->skip_to;
    return FP_OK;
}

/* A config holding the two limits at indexes 1 and 2. */
typedef struct limits_config {
    fp_option_value values[3];
    fp_config config;
} limits_config;

static const fp_config *limits(limits_config *lc, long long match, long long heap)
{
    memset(lc, 0, sizeof *lc);
    lc->values[1].integer = match;
    lc->values[2].integer = heap;
    lc->config = (fp_config){sizeof lc->config, lc->values, 3, "test"};
    return &lc->config;
}

static void block_loop(void **state)
{
    (void)state;
    fp_fake_host host;
    fp_fake_host_init(&host);
    const fp_host *table = fp_fake_host_table(&host);
    limits_config lc;
    pcre2_match_context *context = fp_regex_limits_new(limits(&lc, 100000, 16384), 1, 2, table);
    assert_non_null(context);
    pcre2_code *code = fp_regex_compile("[0-9]++", 0, "number", table);
    fp_fake_doc *doc = fp_fake_doc_new("12 a 3\n\nb 45 6\nchrome 7");
    fp_fake_doc_set_line_zone(doc, 3, FP_ZONE_CHROME);
    collected c = {.fail_at = -1};
    assert_int_equal(fp_regex_each_match(code, context, &doc->doc, table, collect, &c), FP_OK);
    /* every block handed over, chrome too when the core hands it over */
    assert_int_equal(c.n, 5);
    assert_string_equal(c.found[0], "0:12");
    assert_string_equal(c.found[1], "0:3");
    assert_string_equal(c.found[2], "1:45");
    assert_string_equal(c.found[4], "2:7");

    /* the callback consumes more than the match: here the rest of the
     * block */
    collected skip = {.skip_to = 100, .fail_at = -1};
    assert_int_equal(fp_regex_each_match(code, context, &doc->doc, table, collect, &skip),
                     FP_OK);
    assert_int_equal(skip.n, 3); /* "3" and "6" skipped */
    assert_string_equal(skip.found[1], "1:45");
    /* the callback's error stops the loop */
    collected fail = {.fail_at = 1};
    assert_int_equal(fp_regex_each_match(code, context, &doc->doc, table, collect, &fail),
                     FP_ERROR);
    assert_string_equal(host.last_error, "refused match 1");
    pcre2_code_free(code);

    /* an empty match moves on a whole character */
    code = fp_regex_compile("x*", 0, "empty", table);
    fp_fake_doc *empty = fp_fake_doc_new("ạxb");
    collected e = {.fail_at = -1};
    assert_int_equal(fp_regex_each_match(code, context, &empty->doc, table, collect, &e),
                     FP_OK);
    assert_int_equal(e.n, 3); /* at "ạ", "x", "b" */
    assert_string_equal(e.found[1], "0:x");
    pcre2_code_free(code);
    fp_fake_doc_free(empty);
    fp_fake_doc_free(doc);
    pcre2_match_context_free(context);
    fp_fake_host_free(&host);
}

/* The match limit reached: an error of the document, with the block. */
static void matcher_errors_fail_the_document(void **state)
{
    (void)state;
    fp_fake_host host;
    fp_fake_host_init(&host);
    const fp_host *table = fp_fake_host_table(&host);
    limits_config lc;
    pcre2_match_context *context = fp_regex_limits_new(limits(&lc, 1000, 1024), 1, 2, table);
    pcre2_code *code = fp_regex_compile("(a|aa)+$", 0, "slow", table);
    char text[80];
    memset(text, 'a', 60);
    strcpy(text + 60, "b");
    fp_fake_doc *doc = fp_fake_doc_new(text);
    collected c = {.fail_at = -1};
    assert_int_equal(fp_regex_each_match(code, context, &doc->doc, table, collect, &c),
                     FP_ERROR);
    assert_contains(host.last_error, "fake.txt: matching failed in block 0 (bytes 0-61): "
                                     "match limit exceeded");
    /* blocks outside the text are refused before any match */
    fp_block outside = {0, 500, FP_ZONE_BODY};
    doc->doc.blocks = &outside;
    assert_int_equal(fp_regex_each_match(code, context, &doc->doc, table, collect, &c),
                     FP_ERROR);
    assert_contains(host.last_error, "lies outside");
    doc->doc.blocks = doc->blocks;
    fp_fake_doc_free(doc);
    pcre2_code_free(code);
    pcre2_match_context_free(context);

    fp_config none = {sizeof none, NULL, 0, "test"};
    assert_null(fp_regex_limits_new(&none, 1, 2, table));
    assert_contains(host.last_error, "match-limit and heap-limit options are missing");
    fp_fake_host_free(&host);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(option_entries),
        cmocka_unit_test(compile_errors),
        cmocka_unit_test(block_loop),
        cmocka_unit_test(matcher_errors_fail_the_document),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
