/* Reading zoning back: the zone standoff (maximal runs of lines of one
 * kind, in character offsets) and the article text (lead and body lines,
 * a blank line between two). */
#include "zone_test_util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

/* Five lines, zones set by hand; "Đảng" and "ủy" hold multi-byte
 * characters so byte and character offsets differ. */
static void make_zoned_text(fp_text *t)
{
    static const char lines[] = "Trang chủ\nTin tức\nĐảng ủy họp\n"
                                "Sáng nay, đảng ủy họp.\nChiều nay cũng vậy.";
    zone_test_make_text(lines, sizeof lines - 1, 0, t);
    assert_int_equal(t->n_lines, 5);
    static const fp_zone_kind zones[] = {FP_ZONE_CHROME, FP_ZONE_CHROME,
                                         FP_ZONE_TITLE, FP_ZONE_LEAD,
                                         FP_ZONE_BODY};
    for (size_t i = 0; i < 5; i++)
        t->lines[i].zone = zones[i];
}

static void runs_are_maximal_and_in_characters(void **state)
{
    (void)state;
    fp_text t;
    make_zoned_text(&t);
    fp_zone_run *runs;
    size_t n;
    fp_error err = {{0}};
    assert_int_equal(fp_zone_runs(&t, &runs, &n, &err), 0);
    assert_int_equal(n, 4);
    /* "Trang chủ\nTin tức": 17 characters, one run. */
    assert_int_equal(runs[0].kind, FP_ZONE_CHROME);
    assert_int_equal(runs[0].start, 0);
    assert_int_equal(runs[0].end, 17);
    assert_int_equal(runs[1].kind, FP_ZONE_TITLE);
    assert_int_equal(runs[1].start, 18);
    assert_int_equal(runs[1].end, 29); /* "Đảng ủy họp" */
    assert_int_equal(runs[2].kind, FP_ZONE_LEAD);
    assert_int_equal(runs[2].start, 30);
    assert_int_equal(runs[3].kind, FP_ZONE_BODY);
    assert_int_equal(runs[3].end, 72);
    assert_string_equal(fp_zone_kind_name(runs[0].kind), "chrome");
    assert_string_equal(fp_zone_kind_name(runs[2].kind), "lead");
    free(runs);

    /* Every line one kind: one run over the whole text. */
    for (size_t i = 0; i < t.n_lines; i++)
        t.lines[i].zone = FP_ZONE_BODY;
    assert_int_equal(fp_zone_runs(&t, &runs, &n, &err), 0);
    assert_int_equal(n, 1);
    assert_int_equal(runs[0].start, 0);
    assert_int_equal(runs[0].end, 72);
    free(runs);
    fp_text_free(&t);
}

static void a_text_without_lines_has_no_runs(void **state)
{
    (void)state;
    fp_text t;
    zone_test_make_text("", 0, 0, &t);
    fp_zone_run *runs = (fp_zone_run *)&t; /* must be reset */
    size_t n = 7;
    fp_error err = {{0}};
    assert_int_equal(fp_zone_runs(&t, &runs, &n, &err), 0);
    assert_null(runs);
    assert_int_equal(n, 0);
    char *article;
    size_t len;
    assert_int_equal(fp_zone_article_text(&t, &article, &len, &err), 0);
    assert_string_equal(article, "");
    assert_int_equal(len, 0);
    free(article);
    fp_text_free(&t);
}

static void article_text_is_lead_and_body(void **state)
{
    (void)state;
    fp_text t;
    make_zoned_text(&t);
    char *article;
    size_t len;
    fp_error err = {{0}};
    assert_int_equal(fp_zone_article_text(&t, &article, &len, &err), 0);
    assert_string_equal(article,
                        "Sáng nay, đảng ủy họp.\n\nChiều nay cũng vậy.");
    assert_int_equal(len, strlen(article));
    free(article);
    /* Byline and dateline lines are not article text either. */
    t.lines[3].zone = FP_ZONE_DATELINE;
    t.lines[4].zone = FP_ZONE_BYLINE;
    assert_int_equal(fp_zone_article_text(&t, &article, &len, &err), 0);
    assert_string_equal(article, "");
    free(article);
    fp_text_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(runs_are_maximal_and_in_characters),
        cmocka_unit_test(a_text_without_lines_has_no_runs),
        cmocka_unit_test(article_text_is_lead_and_body),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
