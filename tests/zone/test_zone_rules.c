/* The rules file: the shipped one loads, and mistakes are reported with
 * file:line and what was expected. */
#include "zone_test_util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Load text as a rules file: it must fail, naming the file, the line and
 * what was wrong. */
static void load_expecting_error(const char *text, const char *expected_line,
                                 const char *expected_words)
{
    char *path = zone_test_temp_file(text);
    fp_error err = {{0}};
    fp_zone_rules *rules = fp_zone_rules_load(path, &err);
    assert_null(rules);
    char where[1100];
    snprintf(where, sizeof where, "%s:%s: ", path, expected_line);
    if (strncmp(err.message, where, strlen(where)) != 0)
        fail_msg("expected \"%s…\", got \"%s\"", where, err.message);
    if (!strstr(err.message, expected_words))
        fail_msg("expected \"%s\" in \"%s\"", expected_words, err.message);
    unlink(path);
    free(path);
}

static void shipped_rules_load(void **state)
{
    (void)state;
    fp_zone_rules *rules = zone_test_load_rules();
    fp_zone_rules_free(rules);
}

static void unknown_section_names_file_line_and_choices(void **state)
{
    (void)state;
    load_expecting_error("# cues\n[chrome-line]\nIn\n\n[chrome-lines]\nX\n",
                         "5", "unknown section 'chrome-lines' (expected one "
                              "of chrome-class, article-class");
    /* Every section is named, the last one too. */
    load_expecting_error("[chrome-lines]\nX\n", "1",
                         "related-heading, dateline");
    load_expecting_error("[chrome-lines]\nX\n", "1", "rules-off)");
}

static void cue_before_section_is_refused(void **state)
{
    (void)state;
    load_expecting_error("\nHôm nay\n", "2", "before any section");
}

static void element_cue_must_be_a_class_word(void **state)
{
    (void)state;
    load_expecting_error("[chrome-class]\nmenu\ntin khác\n", "3",
                         "may hold only a-z, 0-9");
}

static void tag_cue_must_be_a_tag_word(void **state)
{
    (void)state;
    load_expecting_error("[chrome-tag]\nnav\n<aside>\n", "3",
                         "may hold only a-z, 0-9");
    load_expecting_error("[caption-tag]\nFigure\n", "2",
                         "may hold only a-z, 0-9");
}

static void unclosed_section_header_is_refused(void **state)
{
    (void)state;
    load_expecting_error("[dateline\nCập nhật ngày\n", "1", "closing ']'");
}

static void invalid_utf8_is_refused(void **state)
{
    (void)state;
    load_expecting_error("[byline]\nNgu\xe1\xbb\n", "2", "invalid UTF-8");
}

static void missing_file_is_an_error(void **state)
{
    (void)state;
    fp_error err = {{0}};
    assert_null(fp_zone_rules_load("/nonexistent/zones.conf", &err));
    assert_non_null(strstr(err.message, "/nonexistent/zones.conf"));
}

static void minimal_rules_zone_a_text(void **state)
{
    (void)state;
    /* Cues come from the file, not from the code: with only "Lượt xem" as
     * a counter, "Hôm nay: 5" is an ordinary line. */
    char *path = zone_test_temp_file("[counter]\nLượt xem\n");
    fp_error err = {{0}};
    fp_zone_rules *rules = fp_zone_rules_load(path, &err);
    assert_non_null(rules);
    const char page[] = "Tiêu đề\nLƯỢT XEM: 42\nHôm nay: 5\n";
    fp_text t;
    zone_test_make_text(page, sizeof page - 1, 0, &t);
    fp_meta meta;
    assert_int_equal(fp_zone_document(rules, &t, &meta, &err), 0);
    assert_int_equal(zone_test_zone_of(&t, "42"), FP_ZONE_CHROME);
    assert_int_not_equal(zone_test_zone_of(&t, "Hôm nay"), FP_ZONE_CHROME);
    fp_meta_free(&meta);
    fp_text_free(&t);
    fp_zone_rules_free(rules);
    unlink(path);
    free(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shipped_rules_load),
        cmocka_unit_test(unknown_section_names_file_line_and_choices),
        cmocka_unit_test(cue_before_section_is_refused),
        cmocka_unit_test(element_cue_must_be_a_class_word),
        cmocka_unit_test(tag_cue_must_be_a_tag_word),
        cmocka_unit_test(unclosed_section_header_is_refused),
        cmocka_unit_test(invalid_utf8_is_refused),
        cmocka_unit_test(missing_file_is_an_error),
        cmocka_unit_test(minimal_rules_zone_a_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
