/* Reading dates: machine-written values of markup, date expressions in
 * text (config's month names and words), and the rules file's date
 * sections with their mistakes. */
#include "pubdate_test_util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int setup(void **state)
{
    *state = pd_test_rules();
    return 0;
}

static int teardown(void **state)
{
    fp_zone_rules_free(*state);
    return 0;
}

static void expect_read(zone_matcher *m, const char *value,
                         const char *expected, pubdate_tz tz)
{
    pubdate_stamp when;
    char got[16] = "none";
    if (pubdate_read_value(m, value, &when))
        snprintf(got, sizeof got, "%04d-%02d-%02d", when.year, when.month,
                 when.day);
    if (strcmp(got, expected ? expected : "none") != 0)
        fail_msg("\"%s\": got %s, expected %s", value, got,
                 expected ? expected : "none");
    if (expected && when.tz != tz)
        fail_msg("\"%s\": zone %d, expected %d", value, when.tz, tz);
}

static void machine_values(void **state)
{
    zone_matcher m;
    fp_error err = {{0}};
    assert_int_equal(zone_matcher_init(&m, *state, &err), 0);
    expect_read(&m, "2019-10-21", "2019-10-21", PD_TZ_NONE);
    expect_read(&m, " 2019-10-21T08:00:00+02:00", "2019-10-21", PD_TZ_OFFSET);
    expect_read(&m, "2019-10-21T23:11:59.000Z", "2019-10-21", PD_TZ_UTC);
    expect_read(&m, "2019-10-21T23:11:59+00:00", "2019-10-21", PD_TZ_UTC);
    expect_read(&m, "2019-10-21T08:00:00+0530", "2019-10-21", PD_TZ_OFFSET);
    expect_read(&m, "2023/11/02 20:59:53", "2023-11-02", PD_TZ_NONE);
    expect_read(&m, "2023-11-02T20-59-53Z", "2023-11-02", PD_TZ_NONE);
    expect_read(&m, "20191021", "2019-10-21", PD_TZ_NONE);
    expect_read(&m, "11/01/2023 12:43:42", "2023-11-01", PD_TZ_NONE);
    expect_read(&m, "13/01/2023", "2023-01-13", PD_TZ_NONE);
    expect_read(&m, "01.11.2023", "2023-11-01", PD_TZ_NONE);
    expect_read(&m, "Tue, 21 Oct 2019 10:00:00 GMT", "2019-10-21", PD_TZ_UTC);
    expect_read(&m, "October 21, 2019", "2019-10-21", PD_TZ_NONE);
    expect_read(&m, "2019-02-29", NULL, PD_TZ_NONE);
    expect_read(&m, "2019-13-01", NULL, PD_TZ_NONE);
    expect_read(&m, "1698927645", NULL, PD_TZ_NONE);
    expect_read(&m, "yesterday", NULL, PD_TZ_NONE);
    expect_read(&m, "", NULL, PD_TZ_NONE);
    zone_matcher_free(&m);
}

static void expect_text(zone_matcher *m, const char *text, unsigned flags,
                        const char *expected, const char *matched)
{
    pubdate_match d;
    zone_span s = {text, strlen(text)};
    char got[16] = "none";
    bool found = pubdate_find_in_text(m, s, 0, flags, &d);
    if (found)
        snprintf(got, sizeof got, "%04d-%02d-%02d", d.when.year,
                 d.when.month, d.when.day);
    if (strcmp(got, expected ? expected : "none") != 0)
        fail_msg("\"%s\": got %s, expected %s", text, got,
                 expected ? expected : "none");
    if (found && matched &&
        (d.end - d.start != strlen(matched) ||
         memcmp(text + d.start, matched, strlen(matched)) != 0))
        fail_msg("\"%s\": matched \"%.*s\", expected \"%s\"", text,
                 (int)(d.end - d.start), text + d.start, matched);
}

static void text_forms(void **state)
{
    zone_matcher m;
    fp_error err = {{0}};
    assert_int_equal(zone_matcher_init(&m, *state, &err), 0);
    expect_text(&m, "Thứ hai, 24/12/2012 10:30", 0, "2012-12-24",
                "24/12/2012");
    expect_text(&m, "ngày 24 tháng 12 năm 2012", 0, "2012-12-24",
                "24 tháng 12 năm 2012");
    expect_text(&m, "17 - 3 - 2004", 0, "2004-03-17", NULL);
    expect_text(&m, "am 3. März 2019 um", 0, "2019-03-03", "3. März 2019");
    expect_text(&m, "on Mar. 3rd, 2019.", 0, "2019-03-03", "Mar. 3rd, 2019");
    expect_text(&m, "3 de marzo de 2019", 0, "2019-03-03", NULL);
    expect_text(&m, "le 19 février 2020", 0, "2020-02-19", NULL);
    expect_text(&m, "2019.10.21", 0, "2019-10-21", NULL);
    /* The earliest date of the line. */
    expect_text(&m, "Updated 5 March 2019, first published 3/3/2019", 0,
                "2019-03-05", NULL);
    /* Days that do not exist are passed over, the next one found. */
    expect_text(&m, "31/02/2018 hoặc 28/02/2018", 0, "2018-02-28",
                "28/02/2018");
    /* Not dates. */
    expect_text(&m, "9 tháng năm 2020", 0, NULL, NULL);
    expect_text(&m, "Tổng cộng: 18165267", 0, NULL, NULL);
    expect_text(&m, "phiên bản 1.2.3.45", PD_FIND_SHORT_YEAR, NULL, NULL);
    expect_text(&m, "Marchetti 3, 2019", 0, NULL, NULL);
    /* Two-digit years only when asked, in the nearer century that is not
     * in the future. */
    expect_text(&m, "31.10.23", 0, NULL, NULL);
    expect_text(&m, "31.10.23", PD_FIND_SHORT_YEAR, "2023-10-31", NULL);
    time_t now = time(NULL);
    struct tm parts;
    gmtime_r(&now, &parts);
    char text[32], expected[16];
    int next = (parts.tm_year + 1900 + 2) % 100;
    snprintf(text, sizeof text, "03.09.%02d", next);
    snprintf(expected, sizeof expected, "%04d-09-03",
             (parts.tm_year + 1900) / 100 * 100 + next - 100);
    expect_text(&m, text, PD_FIND_SHORT_YEAR, expected, NULL);
    /* Month first where asked, and where only that reading exists. */
    expect_text(&m, "03/04/2019", 0, "2019-04-03", NULL);
    expect_text(&m, "03/04/2019", PD_FIND_MONTH_FIRST, "2019-03-04", NULL);
    expect_text(&m, "12/24/2019", 0, "2019-12-24", NULL);
    zone_matcher_free(&m);
}

static void month_names_fold_case(void **state)
{
    zone_matcher m;
    fp_error err = {{0}};
    assert_int_equal(zone_matcher_init(&m, *state, &err), 0);
    expect_text(&m, "3. MÄRZ 2019", 0, "2019-03-03", NULL);
    expect_text(&m, "DECEMBER 24, 2012", 0, "2012-12-24", NULL);
    expect_text(&m, "24 THÁNG 12 NĂM 2012", 0, "2012-12-24", NULL);
    zone_matcher_free(&m);
}

/* Rules text with the date sections given, the rest as shipped: it must
 * fail naming the line and what was wrong. */
static void load_expecting_error(const char *text, const char *line,
                                 const char *words)
{
    char path[] = "/tmp/pubdate_rules_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    fp_error err = {{0}};
    fp_zone_rules *rules = fp_zone_rules_load(path, &err);
    unlink(path);
    assert_null(rules);
    char where[128];
    snprintf(where, sizeof where, "%s:%s: ", path, line);
    if (strncmp(err.message, where, strlen(where)) != 0 ||
        !strstr(err.message, words))
        fail_msg("expected \"%s…%s…\", got \"%s\"", where, words,
                 err.message);
}

static void rules_mistakes_are_reported(void **state)
{
    (void)state;
    load_expecting_error("[date-month]\nJanuary = 1\nFebruar\n", "3",
                         "expected 'NAME = NUMBER'");
    load_expecting_error("[date-month]\nJanuary = 13\n", "2", "1-12");
    load_expecting_error("[date-month]\n= 3\n", "2", "NAME = NUMBER");
    load_expecting_error("[date-key-published]\narticle published\n", "2",
                         "may hold only ASCII letters");
    load_expecting_error("\n[date-published-class]\nentry date\n", "3",
                         "may hold only a-z");
}

static void rules_without_date_sections_still_read_numbers(void **state)
{
    (void)state;
    char path[] = "/tmp/pubdate_rules_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char text[] = "[counter]\nLượt xem\n";
    assert_int_equal(write(fd, text, sizeof text - 1),
                     (ssize_t)(sizeof text - 1));
    close(fd);
    fp_error err = {{0}};
    fp_zone_rules *rules = fp_zone_rules_load(path, &err);
    unlink(path);
    assert_non_null(rules);
    zone_matcher m;
    assert_int_equal(zone_matcher_init(&m, rules, &err), 0);
    expect_text(&m, "24/12/2012", 0, "2012-12-24", NULL);
    expect_text(&m, "24 December 2012", 0, NULL, NULL);
    zone_matcher_free(&m);
    fp_zone_rules_free(rules);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(machine_values),
        cmocka_unit_test(text_forms),
        cmocka_unit_test(month_names_fold_case),
        cmocka_unit_test(rules_mistakes_are_reported),
        cmocka_unit_test(rules_without_date_sections_still_read_numbers),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
