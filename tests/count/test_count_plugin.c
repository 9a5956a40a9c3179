/*
 * The count plugin as a plugin: descriptor and options, lexicon errors
 * that name file and line, byte spans, blocks, and robustness against bad
 * bytes, absurd numbers and malformed blocks.
 */
#include "count_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#define N_CASES(cases) (sizeof(cases) / sizeof *(cases))
#define NONE(text) {text, 0, {{NULL, NULL, NULL}}}

static void descriptor_fields(void **state)
{
    const fp_plugin_desc *desc = fp_plugin_count_get_desc();
    assert_int_equal(desc->abi_major, FP_ABI_MAJOR);
    assert_int_equal(desc->abi_minor, FP_ABI_MINOR);
    assert_int_equal(desc->struct_size, sizeof(fp_plugin_desc));
    assert_string_equal(desc->name, "count");
    assert_string_equal(desc->kind, "count");
    assert_string_equal(desc->version, "1.3.0");
    assert_non_null(desc->description);
    static const char *const names[] = {
        "nouns",        "time-units",  "currencies",     "measures",
        "multipliers",  "stopwords",   "names-before",   "names-after",
        "year-before",  "factors",     "comparisons",    "open-nouns",
        "max-unit-words", "match-limit", "heap-limit"};
    assert_int_equal(desc->n_options, N_CASES(names));
    for (size_t i = 0; i < desc->n_options; i++) {
        assert_string_equal(desc->options[i].name, names[i]);
        assert_non_null(desc->options[i].default_value);
        assert_non_null(desc->options[i].description);
        if (desc->options[i].type == FP_OPT_PATH)
            assert_non_null(strstr(desc->options[i].default_value,
                                   "lexicons/count-"));
    }
    desc->destroy(NULL); /* destroy accepts NULL */
}

/* open-nouns=false: only listed nouns make a count. */
static void closed_nouns_need_a_listed_noun(void **state)
{
    static const count_case cases[] = {
        NONE("ký kết 15 hợp đồng"),
        {"203 đảng viên", 1, {{"203", "đảng viên", "203 đảng viên"}}},
    };
    const char *extra[] = {"open-nouns=false", NULL};
    check_count_cases(cases, N_CASES(cases), extra);
}

/* max-unit-words shortens modifiers, never a listed noun. */
static void max_unit_words_limits_modifiers(void **state)
{
    static const count_case cases[] = {
        {"532 quần chúng ưu tú", 1,
         {{"532", "quần chúng ưu tú", "532 quần chúng ưu tú"}}},
        {"200 hộ thoát nghèo", 1, {{"200", "hộ", "200 hộ"}}},
    };
    const char *extra[] = {"max-unit-words=1", NULL};
    check_count_cases(cases, N_CASES(cases), extra);
}

/* Writes content to a file of the build tree and returns its path. */
static const char *write_lexicon(const char *name, const char *content)
{
    static char path[1024];
    snprintf(path, sizeof path, "%s/tests/count/%s", FP_TEST_BINARY_DIR,
             name);
    FILE *file = fopen(path, "w");
    assert_non_null(file);
    fputs(content, file);
    fclose(file);
    return path;
}

/* create() fails with `expected` in its message for lexicon `option`. */
static void expect_create_error(const char *option, const char *path,
                                const char *expected)
{
    char setting[1100];
    snprintf(setting, sizeof setting, "%s=%s", option, path);
    const char *extra[] = {setting, NULL};
    fp_fake_host host;
    fp_fake_host_init(&host);
    fp_fake_plugin plugin;
    int rc = fp_fake_plugin_create(&plugin, fp_plugin_count_get_desc(),
                                   &host, count_settings(extra));
    fp_fake_plugin_destroy(&plugin);
    if (rc != FP_ERROR)
        fail_msg("%s=%s: create succeeded, expected \"%s\"", option, path,
                 expected);
    if (strstr(host.last_error, expected) == NULL)
        fail_msg("error \"%s\" does not contain \"%s\"", host.last_error,
                 expected);
    fp_fake_host_free(&host);
}

static void lexicon_errors_name_file_and_line(void **state)
{
    char expected[1200];
    const char *path = write_lexicon("bang.txt", "# nouns\nngười\n!hộ\n");
    snprintf(expected, sizeof expected, "%s:3: '!' exceptions are not "
             "allowed", path);
    expect_create_error("nouns", path, expected);

    path = write_lexicon("long.txt", "hộ\n\na b c d e f g\n");
    snprintf(expected, sizeof expected, "%s:3: cannot use entry "
             "\"a b c d e f g\": more than 6 words", path);
    expect_create_error("stopwords", path, expected);

    path = write_lexicon("bad-utf8.txt", "năm\n\xC3\x28\n");
    snprintf(expected, sizeof expected, "%s:2: not valid UTF-8", path);
    expect_create_error("measures", path, expected);

    path = write_lexicon("empty.txt", "# only a comment\n\n");
    snprintf(expected, sizeof expected, "%s: no entries", path);
    expect_create_error("names-before", path, expected);

    path = write_lexicon("bare-bang.txt", "số\n!\n");
    snprintf(expected, sizeof expected, "%s:2: '!' without an entry", path);
    expect_create_error("names-before", path, expected);

    expect_create_error("nouns", "/nonexistent/count-nouns.txt",
                        "cannot open lexicon /nonexistent/count-nouns.txt");

    /* A multiplier needs its value after its words and a colon, 1 to
     * 9999999999. */
    static const char *const bad_values[][2] = {
        {"nghìn: 1000\ntriệu\n", "expected \"PHRASE: VALUE\""},
        {"nghìn: 1000\ntriệu 1000000\n", "expected \"PHRASE: VALUE\""},
        {"nghìn: 1000\ntriệu: 0\n", "expected words and then their value"},
        {"nghìn: 1000\ntriệu: mười\n", "expected words and then their value"},
        {"nghìn: 1000\n: 99999999999\n", "expected \"PHRASE: VALUE\""},
        {"nghìn: 1000\ntriệu: 99999999999\n",
         "expected words and then their value"}};
    for (size_t i = 0; i < N_CASES(bad_values); i++) {
        path = write_lexicon("multipliers.txt", bad_values[i][0]);
        snprintf(expected, sizeof expected, "%s:2: %s", path, bad_values[i][1]);
        expect_create_error("multipliers", path, expected);
    }

    /* Lexicons are NFC, like the text: an entry saved NFD is refused. */
    path = write_lexicon("nfd.txt", "# names\nkhu PHO\xCC\x82\xCC\x81\n");
    snprintf(expected, sizeof expected, "%s:2: not NFC", path);
    expect_create_error("names-before", path, expected);
}

/* A valued lexicon of one's own: "lakh" is a hundred thousand. */
static void multipliers_come_from_their_lexicon(void **state)
{
    const char *path = write_lexicon("lakh.txt", "# Indian English\n"
                                                 "lakh: 100000\n"
                                                 "crore:\t10000000\n");
    char setting[1100];
    snprintf(setting, sizeof setting, "multipliers=%s", path);
    const char *extra[] = {setting, NULL};
    static const count_case cases[] = {
        {"có 3 lakh người", 1, {{"300000", "người", "3 lakh người"}}},
        {"có 2 crore người", 1, {{"20000000", "người", "2 crore người"}}},
    };
    check_count_cases(cases, N_CASES(cases), extra);
}

/* Entries are case-folded: an upper-case entry matches small letters,
 * and a capitalized names-before entry only capitals. */
static void lexicon_entries_are_normalized(void **state)
{
    const char *path = write_lexicon("names.txt", "# names\nkhu PHỐ\nQuận\n");
    char setting[1100];
    snprintf(setting, sizeof setting, "names-before=%s", path);
    const char *extra[] = {setting, NULL};
    static const count_case cases[] = {
        NONE("khu phố 3 phường"),
        NONE("UBND Quận 3 tổ chức"),
        {"cấp quận 67 vị", 1, {{"67", "vị", "67 vị"}}},
    };
    check_count_cases(cases, N_CASES(cases), extra);
}

static void spans_are_bytes_of_the_text(void **state)
{
    static const char text[] =
        "Đã kết nạp 203 đảng viên ở khu dân cư trên tổng số 961 đảng viên.";
    fp_fake_host host;
    assert_int_equal(run_count(&host, NULL, text), FP_OK);
    assert_int_equal(host.n_facts, 2);
    size_t first = (size_t)(strstr(text, "203") - text);
    assert_int_equal(host.facts[0].start, first);
    assert_int_equal(host.facts[0].end, first + strlen("203 đảng viên"));
    size_t second = (size_t)(strstr(text, "961") - text);
    assert_int_equal(host.facts[1].start, second);
    assert_string_equal(host.facts[1].surface, "961 đảng viên");
    assert_int_equal(host.facts[1].n_attrs, 1);
    assert_string_equal(host.facts[1].attrs[0].name, "unit");
    fp_fake_host_free(&host);
}

/* Each block on its own: a unit never runs onto the next line, and chrome
 * blocks are read too (the core drops or marks their facts). */
static void blocks_bound_units_and_chrome_is_read(void **state)
{
    static const char text[] = "Hội nghị có 12\n"
                               "tập thể được khen\n"
                               "(Đã tiếp nhận 144 lượt hồ sơ)\n";
    fp_fake_host host;
    fp_fake_host_init(&host);
    fp_fake_plugin plugin;
    assert_int_equal(fp_fake_plugin_create(&plugin,
                                           fp_plugin_count_get_desc(), &host,
                                           count_settings(NULL)),
                     FP_OK);
    fp_fake_doc *doc = fp_fake_doc_new(text);
    assert_int_equal(fp_fake_doc_set_line_zone(doc, 2, FP_ZONE_CHROME),
                     FP_OK);
    assert_int_equal(fp_fake_plugin_extract(&plugin, &host, doc), FP_OK);
    assert_int_equal(host.n_facts, 1);
    assert_string_equal(host.facts[0].surface, "144 lượt hồ sơ");
    fp_fake_doc_free(doc);
    fp_fake_plugin_destroy(&plugin);
    fp_fake_host_free(&host);
}

/* Bad bytes, absurd numbers and words: no crash, no error, no fact that
 * the host refuses. */
static void robust_against_odd_text(void **state)
{
    static const count_case cases[] = {
        NONE("\xFF\xFE 12 \xC3"),
        {"12 \xC3\x28 5 người", 1, {{"5", "người", "5 người"}}},
        NONE("1234567890123 người"),
        NONE("12 ngườiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii"),
        NONE("5"),
        NONE("5 "),
    };
    check_count_cases(cases, N_CASES(cases), NULL);

    /* 400 KB of digits and spaces: bounded by the match limit, not the
     * JIT stack, and no count (each group follows another number). */
    size_t len = 400 * 1024;
    char *text = malloc(len + 1);
    assert_non_null(text);
    for (size_t i = 0; i < len; i++)
        text[i] = i % 4 == 3 ? ' ' : '7';
    text[len] = '\0';
    fp_fake_host host;
    int rc = run_count(&host, NULL, text);
    free(text);
    assert_int_equal(rc, FP_OK);
    assert_int_equal(host.n_facts, 0);
    fp_fake_host_free(&host);
}

static void block_outside_text_fails_the_document(void **state)
{
    fp_fake_host host;
    fp_fake_host_init(&host);
    fp_fake_plugin plugin;
    assert_int_equal(fp_fake_plugin_create(&plugin,
                                           fp_plugin_count_get_desc(), &host,
                                           count_settings(NULL)),
                     FP_OK);
    fp_fake_doc *doc = fp_fake_doc_new("203 đảng viên");
    doc->blocks[0].end = doc->doc.text_len + 10;
    assert_int_equal(fp_fake_plugin_extract(&plugin, &host, doc), FP_ERROR);
    assert_non_null(strstr(host.last_error, "lies outside"));
    fp_fake_doc_free(doc);
    fp_fake_plugin_destroy(&plugin);
    fp_fake_host_free(&host);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(descriptor_fields),
        cmocka_unit_test(closed_nouns_need_a_listed_noun),
        cmocka_unit_test(max_unit_words_limits_modifiers),
        cmocka_unit_test(lexicon_errors_name_file_and_line),
        cmocka_unit_test(multipliers_come_from_their_lexicon),
        cmocka_unit_test(lexicon_entries_are_normalized),
        cmocka_unit_test(spans_are_bytes_of_the_text),
        cmocka_unit_test(blocks_bound_units_and_chrome_is_read),
        cmocka_unit_test(robust_against_odd_text),
        cmocka_unit_test(block_outside_text_fails_the_document),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
