/*
 * The official plugin as a plugin: its descriptor and options, lexicon
 * errors that name file and line, byline and chrome zones, byte spans,
 * and bad bytes in the text.
 */
#include "official_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static void descriptor_fields(void **state)
{
    const fp_plugin_desc *desc = fp_plugin_official_get_desc();
    assert_int_equal(desc->abi_major, FP_ABI_MAJOR);
    assert_int_equal(desc->abi_minor, FP_ABI_MINOR);
    assert_int_equal(desc->struct_size, sizeof(fp_plugin_desc));
    assert_string_equal(desc->name, "official");
    assert_string_equal(desc->kind, "official");
    assert_string_equal(desc->version, "1.3.0");
    assert_int_equal(desc->n_options, 16);
    for (size_t i = 0; i < desc->n_options; i++) {
        assert_int_equal(desc->options[i].type, FP_OPT_PATH);
        assert_non_null(desc->options[i].description);
        assert_memory_equal(desc->options[i].default_value, "lexicons/",
                            strlen("lexicons/"));
    }
    desc->destroy(NULL); /* destroy accepts NULL */
}

/* Writes text to a temporary file and returns its path (static). */
static const char *temporary_lexicon(const char *text)
{
    static char path[] = "/tmp/official-lexicon-XXXXXX";
    strcpy(path, "/tmp/official-lexicon-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *file = fdopen(fd, "w");
    assert_non_null(file);
    fputs(text, file);
    fclose(file);
    return path;
}

static void expect_create_error(const char *setting, const char *message)
{
    fp_fake_host host;
    fp_fake_host_init(&host);
    fp_fake_plugin plugin;
    assert_int_equal(fp_fake_plugin_create(&plugin,
                                           fp_plugin_official_get_desc(),
                                           &host, official_settings(setting)),
                     FP_ERROR);
    if (strstr(host.last_error, message) == NULL)
        fail_msg("error \"%s\" does not say \"%s\"", host.last_error,
                 message);
    fp_fake_plugin_destroy(&plugin);
    fp_fake_host_free(&host);
}

static void lexicon_errors_name_the_line(void **state)
{
    char setting[600], expected[600];
    const char *path = temporary_lexicon("# honorifics\nđồng chí: always\n"
                                         "ông: sometimes\n");
    snprintf(setting, sizeof setting, "honorifics=%s", path);
    snprintf(expected, sizeof expected, "%s:3: unknown value \"sometimes\"",
             path);
    expect_create_error(setting, expected);
    remove(path);

    path = temporary_lexicon("là: predicate\nvà: conjunction\n");
    snprintf(setting, sizeof setting, "context-words=%s", path);
    snprintf(expected, sizeof expected,
             "%s:2: unknown value \"conjunction\"", path);
    expect_create_error(setting, expected);
    remove(path);

    path = temporary_lexicon("phường\nxã\n");
    snprintf(setting, sizeof setting, "org-ends=%s", path);
    snprintf(expected, sizeof expected, "%s:1: expected \"PHRASE: VALUE\"",
             path);
    expect_create_error(setting, expected);
    remove(path);

    path = temporary_lexicon("Nguyễn\n\xC3\x28\n");
    snprintf(setting, sizeof setting, "surnames=%s", path);
    snprintf(expected, sizeof expected, "%s:2: not valid UTF-8", path);
    expect_create_error(setting, expected);
    remove(path);

    path = temporary_lexicon("# nothing but a comment\n\n");
    snprintf(setting, sizeof setting, "surnames=%s", path);
    expect_create_error(setting, ": no entries");
    remove(path);

    /* One phrase, two kinds: the reader names both lines. */
    path = temporary_lexicon("bệnh nhân: story\nhộ nghèo: story\n"
                             "bệnh nhân: role\n");
    snprintf(setting, sizeof setting, "private-cues=%s", path);
    snprintf(expected, sizeof expected, "%s:3: \"bệnh nhân\" is already "
             "listed on line 1", path);
    expect_create_error(setting, expected);
    remove(path);

    expect_create_error("place-words=/nonexistent/places.txt",
                        "cannot open lexicon /nonexistent/places.txt");
}

static int extract_from(fp_fake_host *host, fp_fake_doc *doc)
{
    return run_official_doc(host, NULL, doc);
}

static void byline_author_is_no_official(void **state)
{
    fp_fake_doc *doc = fp_fake_doc_new(
        "Đồng chí Lê Hằng phát biểu.\n"
        "Đồng chí Trần Thu Lan, Phó Chủ tịch UBND quận dự.\n"
        "Đồng chí Nguyễn Văn Phúc");
    assert_non_null(doc);
    assert_int_equal(fp_fake_doc_set_meta(doc, NULL, NULL, "Tin: Lê Hằng"),
                     FP_OK);
    assert_int_equal(fp_fake_doc_set_line_zone(doc, 2, FP_ZONE_BYLINE),
                     FP_OK);
    fp_fake_host host;
    assert_int_equal(extract_from(&host, doc), FP_OK);
    assert_int_equal(host.n_facts, 1);
    assert_string_equal(host.facts[0].value, "Trần Thu Lan");
    fp_fake_host_free(&host);
    fp_fake_doc_free(doc);
}

/* A name in a menu before the article must not move the article
 * official's span into chrome, which the core would drop. */
static void chrome_mentions_stay_apart(void **state)
{
    static const char text[] =
        "Đồng chí Hà Thị Lệ Mai, Bí thư Quận ủy thăm gia đình chính sách\n"
        "Ông Trần Văn Châu, Phó Chủ tịch UBND quận kiểm tra\n"
        "Sáng nay, đồng chí Hà Thị Lệ Mai, Bí thư Quận ủy dự Hội nghị.";
    fp_fake_doc *doc = fp_fake_doc_new(text);
    assert_non_null(doc);
    assert_int_equal(fp_fake_doc_set_line_zone(doc, 0, FP_ZONE_CHROME),
                     FP_OK);
    assert_int_equal(fp_fake_doc_set_line_zone(doc, 1, FP_ZONE_CHROME),
                     FP_OK);
    fp_fake_host host;
    assert_int_equal(extract_from(&host, doc), FP_OK);
    assert_int_equal(host.n_facts, 2);
    assert_string_equal(host.facts[0].value, "Trần Văn Châu");
    assert_string_equal(host.facts[1].value, "Hà Thị Lệ Mai");
    size_t article = (size_t)(strstr(text, "Sáng nay") - text);
    assert_true(host.facts[1].start > article);
    fp_fake_host_free(&host);
    fp_fake_doc_free(doc);
}

static void spans_are_bytes_of_the_text(void **state)
{
    static const char text[] =
        "Sáng 5/10, Đồng chí Lê Thị Mỹ Hạnh, Thành ủy viên chủ trì.";
    fp_fake_doc *doc = fp_fake_doc_new(text);
    assert_non_null(doc);
    fp_fake_host host;
    assert_int_equal(extract_from(&host, doc), FP_OK);
    assert_int_equal(host.n_facts, 1);
    size_t start = (size_t)(strstr(text, "Lê Thị") - text);
    assert_int_equal(host.facts[0].start, start);
    assert_int_equal(host.facts[0].end, start + strlen("Lê Thị Mỹ Hạnh"));
    fp_fake_host_free(&host);
    fp_fake_doc_free(doc);
}

/* Bytes that are not UTF-8 split words but never derail the scan. */
static void bad_bytes_are_survived(void **state)
{
    fp_fake_doc *doc = fp_fake_doc_new(
        "\xFF\xFE Đồng chí \xC3 Nguyễn Văn An\xE1\x80, Chủ tịch UBND \xF0\n"
        "Phó Chủ tịch UBND quận Trần Văn Bình phát biểu.");
    assert_non_null(doc);
    fp_fake_host host;
    assert_int_equal(extract_from(&host, doc), FP_OK);
    assert_int_equal(host.n_rejected, 0);
    assert_true(host.n_facts >= 1);
    assert_string_equal(host.facts[host.n_facts - 1].value, "Trần Văn Bình");
    fp_fake_host_free(&host);
    fp_fake_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(descriptor_fields),
        cmocka_unit_test(lexicon_errors_name_the_line),
        cmocka_unit_test(byline_author_is_no_official),
        cmocka_unit_test(chrome_mentions_stay_apart),
        cmocka_unit_test(spans_are_bytes_of_the_text),
        cmocka_unit_test(bad_bytes_are_survived),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
