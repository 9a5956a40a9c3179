/*
 * The date plugin as a plugin: its descriptor and options, lexicon files
 * and their errors, byte spans in real text, blocks, and robustness
 * against bad bytes, huge blocks, a refusing host and malformed blocks.
 */
#include "date_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

static void descriptor_fields(void **state)
{
    const fp_plugin_desc *desc = fp_plugin_date_get_desc();
    assert_int_equal(desc->abi_major, FP_ABI_MAJOR);
    assert_int_equal(desc->abi_minor, FP_ABI_MINOR);
    assert_int_equal(desc->struct_size, sizeof(fp_plugin_desc));
    assert_string_equal(desc->name, "date");
    assert_string_equal(desc->kind, "date");
    assert_string_equal(desc->version, "1.3.0");
    assert_non_null(desc->description);
    assert_int_equal(desc->n_options, 5);
    static const char *const names[] = {"words", "months", "weekdays",
                                        "relative-words", "relative"};
    for (size_t i = 0; i < desc->n_options; i++) {
        assert_string_equal(desc->options[i].name, names[i]);
        assert_non_null(desc->options[i].default_value);
        assert_non_null(desc->options[i].description);
    }
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(desc->options[i].type, FP_OPT_PATH);
        assert_true(strncmp(desc->options[i].default_value, "lexicons/",
                            9) == 0);
    }
    assert_int_equal(desc->options[4].type, FP_OPT_BOOL);
    assert_string_equal(desc->options[4].default_value, "false");
    desc->destroy(NULL);
}

/* Writes content to a fresh temporary file; its path goes into path. */
static void write_temp_file(char *path, size_t size, const char *content)
{
    snprintf(path, size, "/tmp/date-lexicon-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs(content, f);
    fclose(f);
}

/* Creating the plugin with option=content fails with a message holding
 * expected. */
static void expect_lexicon_error(const char *option, const char *content,
                                 const char *expected)
{
    char path[64], setting[128];
    write_temp_file(path, sizeof path, content);
    snprintf(setting, sizeof setting, "%s=%s", option, path);
    const char *extra[] = {setting, NULL};
    const char *settings[MAX_SETTINGS];
    date_settings(settings, extra);
    /* The later setting of the same name must win: drop the default. */
    for (size_t i = 0; settings[i] != NULL; i++)
        if (strncmp(settings[i], option, strlen(option)) == 0 &&
            settings[i][strlen(option)] == '=' && settings[i] != setting) {
            for (size_t j = i; settings[j] != NULL; j++)
                settings[j] = settings[j + 1];
            break;
        }
    fp_fake_host host;
    fp_fake_host_init(&host);
    fp_fake_plugin plugin;
    int rc = fp_fake_plugin_create(&plugin, fp_plugin_date_get_desc(), &host,
                                   settings);
    unlink(path);
    if (rc == FP_OK)
        fail_msg("%s: \"%s\" was accepted", option, content);
    if (strstr(host.last_error, expected) == NULL ||
        strstr(host.last_error, path) == NULL)
        fail_msg("%s: message \"%s\" lacks the file or \"%s\"", option,
                 host.last_error, expected);
    fp_fake_plugin_destroy(&plugin);
    fp_fake_host_free(&host);
}

static void lexicon_errors_name_file_and_line(void **state)
{
    expect_lexicon_error("words", "ngày: day\ntháng: mnth\n",
                         ":2: unknown role \"mnth\"");
    expect_lexicon_error("words", "# only a comment\nngày\n",
                         ":2: expected \"PHRASE: VALUE\"");
    expect_lexicon_error("words", ": day\n", ":1: expected \"PHRASE: VALUE\"");
    expect_lexicon_error("words", "ngày:\n", ":1: expected \"PHRASE: VALUE\"");
    expect_lexicon_error("words", "ngày: day\nNgày: month\n",
                         ":2: \"Ngày\" is already listed on line 1");
    expect_lexicon_error("words", "a b c d e: day\n",
                         ":1: \"a b c d e\" has more than 4 words");
    expect_lexicon_error("months", "mười: 13\n",
                         ":1: expected a whole number from 1 to 12");
    expect_lexicon_error("weekdays", "thứ hai: Monday\n",
                         ":1: expected a whole number from 1 to 7");
    expect_lexicon_error("relative-words", "hôm qua: week -1\n",
                         ":1: expected \"day|month|year OFFSET\"");
    expect_lexicon_error("relative-words", "hôm qua: day\n",
                         ":1: expected a whole number");
    /* The old "PHRASE = VALUE" shape is no longer read. */
    expect_lexicon_error("months", "mười = 10\n", ":1: expected \"PHRASE: VALUE\"");
    expect_lexicon_error("months", "# nothing\n\n", "no entries");
}

static void missing_lexicon_file(void **state)
{
    const char *settings[] = {"words=/nonexistent/date-words.txt", NULL};
    fp_fake_host host;
    fp_fake_host_init(&host);
    fp_fake_plugin plugin;
    assert_int_equal(fp_fake_plugin_create(&plugin, fp_plugin_date_get_desc(),
                                           &host, settings),
                     FP_ERROR);
    assert_non_null(strstr(host.last_error,
                           "cannot open lexicon /nonexistent/date-words.txt"));
    fp_fake_plugin_destroy(&plugin);
    fp_fake_host_free(&host);
}

static void spans_are_bytes_of_the_text(void **state)
{
    static const char text[] =
        "Sáng ngày 05/10/2018, Quận ủy Thanh Khê tổ chức Hội nghị sơ kết 05 "
        "năm thực hiện Đề án 02-ĐA/QU về “Phát triển đảng viên ở khu dân cư "
        "đến năm 2020”.";
    fp_fake_host host;
    assert_int_equal(run_date(&host, NULL, text, "2018-10-09"), FP_OK);
    assert_int_equal(host.n_facts, 2);
    size_t first = (size_t)(strstr(text, "ngày 05/10/2018") - text);
    assert_int_equal(host.facts[0].start, first);
    assert_int_equal(host.facts[0].end, first + strlen("ngày 05/10/2018"));
    assert_string_equal(host.facts[0].value, "2018-10-05");
    size_t second = (size_t)(strstr(text, "năm 2020") - text);
    assert_int_equal(host.facts[1].start, second);
    assert_int_equal(host.facts[1].end, second + strlen("năm 2020"));
    assert_string_equal(host.facts[1].value, "2020");
    fp_fake_host_free(&host);
}

/* Each block on its own: nothing joins across a line break, and chrome
 * is the core's to drop. */
static void blocks_are_read_one_by_one(void **state)
{
    static const date_case cases[] = {
        {"ngày\n15/3/2019", NULL, 1, {{"2019-03-15", "15/3/2019"}}},
        {"tháng 10\n2018", NULL, 1, {{"--10", "tháng 10"}}},
        {"sáng\n15/3", NULL, 0, {{NULL, NULL}}},
        {"từ ngày 15/3\nđến ngày 20/3/2019", NULL, 2,
         {{"--03-15", "ngày 15/3"}, {"2019-03-20", "ngày 20/3/2019"}}},
    };
    check_date_cases(cases, sizeof cases / sizeof *cases, NULL);
}

static void bad_bytes_and_odd_spacing(void **state)
{
    static const date_case cases[] = {
        {"ng\xff\xfey 15/3/2019 \xc3", NULL, 1, {{"2019-03-15", "15/3/2019"}}},
        {"ngày\u00a015/3/2019", NULL, 1,
         {{"2019-03-15", "ngày\u00a015/3/2019"}}},
        {"nhiệm kỳ 2016\u00a0-\u00a02021", NULL, 1,
         {{"2016/2021", "nhiệm kỳ 2016\u00a0-\u00a02021"}}},
        {"ngày15/3/2019", NULL, 0, {{NULL, NULL}}},
        {"", NULL, 0, {{NULL, NULL}}},
        {"/-./", NULL, 0, {{NULL, NULL}}},
        {"ngày ngày ngày tháng năm quý từ đến", NULL, 0, {{NULL, NULL}}},
    };
    check_date_cases(cases, sizeof cases / sizeof *cases, NULL);
}

/* A 400 KB block of date-like noise is read in linear time. */
static void huge_block(void **state)
{
    const char unit[] = "ngày 1/1/2019 từ 1 - ";
    size_t n_units = 20000, len = strlen(unit);
    char *text = malloc(n_units * len + 1);
    assert_non_null(text);
    for (size_t i = 0; i < n_units; i++)
        memcpy(text + i * len, unit, len);
    text[n_units * len] = '\0';
    fp_fake_host host;
    assert_int_equal(run_date(&host, NULL, text, NULL), FP_OK);
    assert_int_equal(host.n_facts, n_units);
    fp_fake_host_free(&host);
    free(text);
}

static void a_refusing_host_fails_the_document(void **state)
{
    const char *settings[MAX_SETTINGS];
    date_settings(settings, NULL);
    fp_fake_host host;
    fp_fake_host_init(&host);
    fp_fake_plugin plugin;
    assert_int_equal(fp_fake_plugin_create(&plugin, fp_plugin_date_get_desc(),
                                           &host, settings),
                     FP_OK);
    fp_fake_doc *doc = fp_fake_doc_new("ngày 15/3/2019");
    /* Without fp_fake_plugin_extract, host.doc is NULL: emit refuses. */
    int rc = plugin.desc->extract(plugin.state, &doc->doc,
                                  fp_fake_host_table(&host));
    assert_int_equal(rc, FP_ERROR);
    assert_non_null(strstr(host.last_error, "refused date 2019-03-15"));
    fp_fake_doc_free(doc);
    fp_fake_plugin_destroy(&plugin);
    fp_fake_host_free(&host);
}

static void a_block_outside_the_text_fails_the_document(void **state)
{
    const char *settings[MAX_SETTINGS];
    date_settings(settings, NULL);
    fp_fake_host host;
    fp_fake_host_init(&host);
    fp_fake_plugin plugin;
    assert_int_equal(fp_fake_plugin_create(&plugin, fp_plugin_date_get_desc(),
                                           &host, settings),
                     FP_OK);
    fp_fake_doc *doc = fp_fake_doc_new("ngày 15/3/2019");
    doc->blocks[0].end = doc->doc.text_len + 10;
    assert_int_equal(fp_fake_plugin_extract(&plugin, &host, doc), FP_ERROR);
    assert_non_null(strstr(host.last_error, "lies outside"));
    assert_int_equal(host.n_facts, 0);
    fp_fake_doc_free(doc);
    fp_fake_plugin_destroy(&plugin);
    fp_fake_host_free(&host);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(descriptor_fields),
        cmocka_unit_test(lexicon_errors_name_file_and_line),
        cmocka_unit_test(missing_lexicon_file),
        cmocka_unit_test(spans_are_bytes_of_the_text),
        cmocka_unit_test(blocks_are_read_one_by_one),
        cmocka_unit_test(bad_bytes_and_odd_spacing),
        cmocka_unit_test(huge_block),
        cmocka_unit_test(a_refusing_host_fails_the_document),
        cmocka_unit_test(a_block_outside_the_text_fails_the_document),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
