/*
 * The percentage plugin as a plugin: its descriptor and options, byte
 * spans in real Vietnamese text, block boundaries, and robustness against
 * bad bytes, regex limits, a refusing host and malformed blocks.
 */
#include "percentage_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#define N_CASES(cases) (sizeof(cases) / sizeof *(cases))

static void descriptor_fields(void **state)
{
    const fp_plugin_desc *desc = fp_plugin_percentage_get_desc();
    assert_int_equal(desc->abi_major, FP_ABI_MAJOR);
    assert_int_equal(desc->abi_minor, FP_ABI_MINOR);
    assert_int_equal(desc->struct_size, sizeof(fp_plugin_desc));
    assert_string_equal(desc->name, "percentage");
    assert_string_equal(desc->kind, "percentage");
    assert_string_equal(desc->version, "1.0.0");
    assert_non_null(desc->description);
    assert_non_null(desc->create);
    assert_non_null(desc->extract);
    assert_non_null(desc->destroy);

    assert_int_equal(desc->n_options, 4);
    assert_string_equal(desc->options[0].name, "ranges");
    assert_string_equal(desc->options[1].name, "words");
    assert_string_equal(desc->options[2].name, "match-limit");
    assert_string_equal(desc->options[3].name, "heap-limit");
    for (size_t i = 2; i < desc->n_options; i++) {
        assert_int_equal(desc->options[i].type, FP_OPT_INT);
        assert_true(desc->options[i].min > 0);
    }
    for (size_t i = 0; i < 2; i++) {
        assert_int_equal(desc->options[i].type, FP_OPT_BOOL);
        assert_string_equal(desc->options[i].default_value, "true");
        assert_non_null(desc->options[i].description);
    }
    desc->destroy(NULL); /* destroy accepts NULL */
}

static void words_false_accepts_only_the_sign(void **state)
{
    static const percentage_case cases[] = {
        {"tăng 5 phần trăm", 0, {{NULL, NULL}}},
        {"tăng 2,5 điểm phần trăm", 0, {{NULL, NULL}}},
        {"tăng 5%", 1, {{"5", "5%"}}},
        {"tăng 2,5 điểm %", 1, {{"2.5", "2,5 điểm %"}}},
    };
    const char *settings[] = {"words=false", NULL};
    check_cases(cases, N_CASES(cases), settings);
}

static void ranges_false_reports_the_end_with_the_sign(void **state)
{
    static const percentage_case cases[] = {
        {"từ 10 - 15%", 1, {{"15", "15%"}}},
        {"10-15%", 1, {{"15", "15%"}}},
        {"10 đến 15 phần trăm", 1, {{"15", "15 phần trăm"}}},
        {"10% - 15%", 2, {{"10", "10%"}, {"15", "15%"}}},
    };
    const char *settings[] = {"ranges=false", NULL};
    check_cases(cases, N_CASES(cases), settings);
}

static void spans_are_bytes_of_the_text(void **state)
{
    static const char text[] =
        "Đã kết nạp 203 đảng viên ở khu dân cư trên tổng số 961 đảng viên "
        "được kết nạp toàn quận (chiếm 21,1%), đạt 36,9% chỉ tiêu của Đề án.";
    fp_fake_host host;
    assert_int_equal(run_percentage(&host, NULL, text), FP_OK);
    assert_int_equal(host.n_facts, 2);

    size_t first = (size_t)(strstr(text, "21,1%") - text);
    assert_int_equal(host.facts[0].start, first);
    assert_int_equal(host.facts[0].end, first + strlen("21,1%"));
    assert_string_equal(host.facts[0].surface, "21,1%");
    assert_string_equal(host.facts[0].value, "21.1");

    size_t second = (size_t)(strstr(text, "36,9%") - text);
    assert_int_equal(host.facts[1].start, second);
    assert_int_equal(host.facts[1].end, second + strlen("36,9%"));
    assert_string_equal(host.facts[1].value, "36.9");
    fp_fake_host_free(&host);
}

/* The seed page's service-desk widget: chrome, but the plugin still finds
 * every number (the core drops or marks chrome facts, not the plugin). */
static void widget_line_of_the_seed(void **state)
{
    static const percentage_case cases[] = {
        {"(Đã tiếp nhận 144 lượt hồ sơ)56.6 %37.2 %0.0 %0.0 %0.0 %6.2 "
         "%SớmĐúngTrễTồnChưa đến hạnQuá hạn",
         6,
         {{"56.6", "56.6 %"}, {"37.2", "37.2 %"}, {"0", "0.0 %"},
          {"0", "0.0 %"}, {"0", "0.0 %"}, {"6.2", "6.2 %"}}},
    };
    check_cases(cases, N_CASES(cases), NULL);
}

/* Zones do not filter: chrome facts are the core's to drop or mark. */
static void many_lines_in_one_document(void **state)
{
    static const char text[] =
        "Hội nghị sơ kết 5 năm thực hiện Đề án\n"
        "Cập nhật ngày: 09-10-2018\n"
        "\n"
        "Đã kết nạp 203 đảng viên (chiếm 21,1%), đạt 36,9% chỉ tiêu.\n"
        "Tỷ lệ hộ nghèo giảm từ 3 - 4 phần trăm mỗi năm.\n"
        "Quyết định số 217-QĐ/TW đến năm 2020\n"
        "(Đã tiếp nhận 144 lượt hồ sơ)56.6 %37.2 %\n";
    static const char *const values[] = {"21.1", "36.9", "3", "4",
                                         "56.6", "37.2"};
    fp_fake_host host;
    fp_fake_host_init(&host);
    fp_fake_plugin plugin;
    assert_int_equal(fp_fake_plugin_create(&plugin,
                                           fp_plugin_percentage_get_desc(),
                                           &host, NULL),
                     FP_OK);
    fp_fake_doc *doc = fp_fake_doc_new(text);
    assert_int_equal(doc->doc.n_blocks, 6);
    assert_int_equal(fp_fake_doc_set_line_zone(doc, 0, FP_ZONE_TITLE), FP_OK);
    assert_int_equal(fp_fake_doc_set_line_zone(doc, 6, FP_ZONE_CHROME), FP_OK);
    assert_int_equal(fp_fake_plugin_extract(&plugin, &host, doc), FP_OK);

    assert_int_equal(host.n_facts, N_CASES(values));
    for (size_t i = 0; i < N_CASES(values); i++) {
        assert_string_equal(host.facts[i].value, values[i]);
        assert_true(i == 0 || host.facts[i].start > host.facts[i - 1].start);
    }
    fp_fake_doc_free(doc);
    fp_fake_plugin_destroy(&plugin);
    fp_fake_host_free(&host);
}

/* Each block is matched on its own: nothing joins across a line break. */
static void matches_stay_inside_their_block(void **state)
{
    static const percentage_case cases[] = {
        {"đạt 15\n% khác", 0, {{NULL, NULL}}},
        {"tăng 5 phần\ntrăm", 0, {{NULL, NULL}}},
        {"từ 10 -\n15%", 1, {{"15", "15%"}}},
        {"A\n10%", 1, {{"10", "10%"}}}, /* a block start is a boundary */
    };
    check_cases(cases, N_CASES(cases), NULL);
}

static void invalid_utf8_does_not_stop_matching(void **state)
{
    static const percentage_case cases[] = {
        {"\xff\xfe chiếm 21,1% \xc3 và 5%\xe1\xbb", 2,
         {{"21.1", "21,1%"}, {"5", "5%"}}},
        {"\xed\xa0\x80 10 - 15%", 2, {{"10", "10"}, {"15", "15%"}}},
        {"7\xff%", 0, {{NULL, NULL}}},
    };
    check_cases(cases, N_CASES(cases), NULL);
}

/* "1" followed by `groups` thousands groups and "%"; free() it. */
static char *number_with_groups(size_t groups)
{
    char *text = malloc(1 + 4 * groups + 2);
    assert_non_null(text);
    text[0] = '1';
    for (size_t i = 0; i < groups; i++)
        memcpy(text + 1 + 4 * i, ".000", 4);
    strcpy(text + 1 + 4 * groups, "%");
    return text;
}

/* A long number keeps every digit, with the JIT or the interpreter. */
static void long_number_is_one_fact(void **state)
{
    enum { GROUPS = 1000 };
    char *text = number_with_groups(GROUPS);
    fp_fake_host host;
    int rc = run_percentage(&host, NULL, text);
    if (rc != FP_OK)
        fail_msg("extract failed: %s", host.last_error);
    assert_int_equal(host.n_facts, 1);
    assert_int_equal(strlen(host.facts[0].value), 1 + 3 * GROUPS);
    assert_int_equal(host.facts[0].end, strlen(text));
    fp_fake_host_free(&host);
    free(text);
}

/* An absurd 400 KB number exceeds match_limit: the document fails with the
 * reason, it is not quietly "no match".  It must be the match limit, not
 * the JIT stack, that stops it (see percentage.c on the JIT stack). */
static void regex_limit_fails_the_document(void **state)
{
    char *text = number_with_groups(100000);
    fp_fake_host host;
    assert_int_equal(run_percentage(&host, NULL, text), FP_ERROR);
    assert_int_equal(host.n_facts, 0);
    assert_non_null(strstr(host.last_error, "match limit exceeded"));
    assert_non_null(strstr(host.last_error, "block 0"));
    fp_fake_host_free(&host);
    free(text);
}

static int refuse_every_fact(void *ctx, const fp_fact *fact)
{
    return FP_ERROR;
}

/* A fact the host refuses fails the document, with a reason. */
static void refused_fact_fails_the_document(void **state)
{
    fp_fake_host host;
    fp_fake_host_init(&host);
    host.host.emit = refuse_every_fact;
    fp_fake_plugin plugin;
    assert_int_equal(fp_fake_plugin_create(&plugin,
                                           fp_plugin_percentage_get_desc(),
                                           &host, NULL),
                     FP_OK);
    fp_fake_doc *doc = fp_fake_doc_new("chiếm 21,1%");
    assert_int_equal(fp_fake_plugin_extract(&plugin, &host, doc), FP_ERROR);
    assert_non_null(strstr(host.last_error, "refused"));
    fp_fake_doc_free(doc);
    fp_fake_plugin_destroy(&plugin);
    fp_fake_host_free(&host);
}

static void block_outside_the_text_fails_the_document(void **state)
{
    fp_fake_host host;
    fp_fake_host_init(&host);
    fp_fake_plugin plugin;
    assert_int_equal(fp_fake_plugin_create(&plugin,
                                           fp_plugin_percentage_get_desc(),
                                           &host, NULL),
                     FP_OK);
    fp_fake_doc *doc = fp_fake_doc_new("chiếm 21,1%");
    doc->blocks[0].end = doc->doc.text_len + 1;
    assert_int_equal(fp_fake_plugin_extract(&plugin, &host, doc), FP_ERROR);
    assert_non_null(strstr(host.last_error, "outside"));
    assert_int_equal(host.n_facts, 0);
    fp_fake_doc_free(doc);
    fp_fake_plugin_destroy(&plugin);
    fp_fake_host_free(&host);
}

static void wrong_number_of_option_values_is_refused(void **state)
{
    fp_fake_host host;
    fp_fake_host_init(&host);
    const fp_plugin_desc *desc = fp_plugin_percentage_get_desc();
    fp_option_value one_value = {.string = "true", .integer = 1};
    fp_config config = {.struct_size = sizeof config, .values = &one_value,
                        .n_values = 1, .instance = "percentage"};
    void *instance = &host; /* must be cleared */
    assert_int_equal(desc->create(&config, fp_fake_host_table(&host),
                                  &instance),
                     FP_ERROR);
    assert_null(instance);
    assert_non_null(strstr(host.last_error, "option values"));
    fp_fake_host_free(&host);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(descriptor_fields),
        cmocka_unit_test(words_false_accepts_only_the_sign),
        cmocka_unit_test(ranges_false_reports_the_end_with_the_sign),
        cmocka_unit_test(spans_are_bytes_of_the_text),
        cmocka_unit_test(widget_line_of_the_seed),
        cmocka_unit_test(many_lines_in_one_document),
        cmocka_unit_test(matches_stay_inside_their_block),
        cmocka_unit_test(invalid_utf8_does_not_stop_matching),
        cmocka_unit_test(long_number_is_one_fact),
        cmocka_unit_test(regex_limit_fails_the_document),
        cmocka_unit_test(refused_fact_fails_the_document),
        cmocka_unit_test(block_outside_the_text_fails_the_document),
        cmocka_unit_test(wrong_number_of_option_values_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
