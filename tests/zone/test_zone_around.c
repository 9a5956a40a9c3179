/* Zoning the lines around the article's container: the container's own
 * first lines above its first paragraph, a lead outside it that the body
 * repeats.  Each test also zones its page with the rule switched off
 * ([rules-off]) and checks what the rule changes. */
#include "zone_test_util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#define P1 ZONE_TEST_P1
#define P2 ZONE_TEST_P2
#define P3 ZONE_TEST_P3

static void a_list_opening_the_article(void **state)
{
    /* The article opens with a short question and a list before its
     * first paragraph of prose; a category word and a date line above
     * them stay out. */
    static const char page[] =
        "<html><body><div class=\"entry\"><h1>Giao ban quý III</h1>"
        "<div class=\"cat\">Hoạt động</div><div>Thứ Hai, 04/10/2021</div>"
        "<p>Quý III có gì mới?</p><ul><li>Kết nạp đảng viên mới</li>"
        "<li>Thu ngân sách vượt kế hoạch</li><li>Ra mắt tổ dân phố mới</li>"
        "</ul>" P1 P2 P3 "</div></body></html>";
    zone_test_doc z;
    zone_test_zone_doc(*state, page, 1, &z);
    zone_test_expect_in_article(&z, "Quý III có gì mới?");
    zone_test_expect_in_article(&z, "Thu ngân sách vượt kế hoạch");
    zone_test_expect_in_article(&z, "45 đại biểu");
    zone_test_expect_not_in_article(&z, "Hoạt động");
    assert_int_equal(zone_test_zone_of(&z.text, "04/10/2021"),
                     FP_ZONE_DATELINE);
    zone_test_release_doc(&z);

    zone_test_zone_doc_without("container-head", page, 1, &z);
    zone_test_expect_not_in_article(&z, "Thu ngân sách vượt kế hoạch");
    zone_test_release_doc(&z);
}

static void a_date_above_the_first_paragraph_is_no_body(void **state)
{
    /* Not a date line by its cue, but a line with a date and a link to
     * the comments, above the first paragraph: furniture. */
    zone_test_doc z;
    zone_test_zone_doc(*state,
              "<html><body><div class=\"entry\"><h1>Giao ban quý III</h1>"
              "<div>04/10/2021 - 10:30 <a href=\"#c\">(3 ý kiến)</a> - "
              "Ban biên tập</div>" P1 P2 P3
              "</div></body></html>",
              1, &z);
    zone_test_expect_not_in_article(&z, "Ban biên tập");
    zone_test_release_doc(&z);
}

static void a_lead_repeated_by_the_body(void **state)
{
    /* The summary above the article is also its first paragraph: the
     * article text holds it once. */
    static const char page[] =
        "<html><body><div><h1>Giao ban quý III</h1><div class=\"sapo\">"
        "<p>Đảng ủy phường đánh giá kết quả quý III, đề ra nhiệm vụ trọng "
        "tâm cho quý IV.</p></div><div class=\"detail\"><p>Đảng ủy phường "
        "đánh giá kết quả quý III, đề ra nhiệm vụ trọng tâm cho quý IV.</p>"
        P1 P2 P3 "</div></div></body></html>";
    zone_test_doc z;
    zone_test_zone_doc(*state, page, 1, &z);
    const char *first = strstr(z.article, "Đảng ủy phường đánh giá");
    assert_non_null(first);
    assert_null(strstr(first + 1, "Đảng ủy phường đánh giá"));
    zone_test_release_doc(&z);

    zone_test_zone_doc_without("repeated-lead", page, 1, &z);
    first = strstr(z.article, "Đảng ủy phường đánh giá");
    assert_non_null(first);
    assert_non_null(strstr(first + 1, "Đảng ủy phường đánh giá"));
    zone_test_release_doc(&z);
}

static void a_lead_repeated_as_a_caption_stays(void **state)
{
    /* Repeated under the photo, the summary is a caption there: the
     * lead keeps it in the article text. */
    zone_test_doc z;
    zone_test_zone_doc(*state,
              "<html><body><div><h1>Giao ban quý III</h1><div class=\"sapo\">"
              "<p>Đảng ủy phường đánh giá kết quả quý III, đề ra nhiệm vụ "
              "trọng tâm cho quý IV.</p></div><div class=\"detail\"><figure>"
              "<img src=\"a.jpg\"><figcaption>Đảng ủy phường đánh giá kết "
              "quả quý III, đề ra nhiệm vụ trọng tâm cho quý IV.</figcaption>"
              "</figure>" P1 P2 P3 "</div></div></body></html>",
              1, &z);
    zone_test_expect_in_article(&z, "Đảng ủy phường đánh giá");
    zone_test_release_doc(&z);
}

static void a_linked_headline_with_its_summary(void **state)
{
    /* A digest: each item a linked headline and a sentence of summary.
     * A related link with a few words around it stays out. */
    static const char page[] =
        "<html><body><div class=\"entry\"><h1>Tin sáng 04/10</h1>" P1
        "<p><a href=\"/a\">Phường kết nạp 12 đảng viên mới trong quý III "
        "vừa qua, cao nhất từ đầu năm đến nay theo báo cáo của Đảng ủy "
        "phường.</a> Đây là kết quả cao nhất từ đầu năm, các chi bộ đều đạt "
        "chỉ tiêu.</p>"
        "<p>Xem thêm: <a href=\"/b\">Phường tổ chức hội nghị tổng kết "
        "công tác dân vận năm 2021 với 45 đại biểu</a></p>" P2 P3
        "</div></body></html>";
    zone_test_doc z;
    zone_test_zone_doc(*state, page, 1, &z);
    zone_test_expect_in_article(&z, "kết quả cao nhất từ đầu năm");
    zone_test_expect_not_in_article(&z, "công tác dân vận năm 2021");
    zone_test_release_doc(&z);

    zone_test_zone_doc_without("linked-sentences", page, 1, &z);
    zone_test_expect_not_in_article(&z, "kết quả cao nhất từ đầu năm");
    zone_test_release_doc(&z);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_list_opening_the_article),
        cmocka_unit_test(a_date_above_the_first_paragraph_is_no_body),
        cmocka_unit_test(a_lead_repeated_by_the_body),
        cmocka_unit_test(a_lead_repeated_as_a_caption_stays),
        cmocka_unit_test(a_linked_headline_with_its_summary),
    };
    return cmocka_run_group_tests(tests, zone_test_setup_rules,
                                  zone_test_free_rules);
}
