/* Zoning rules that read a page's shape rather than its names: teaser
 * lists, the fallback to markup alone, captions by their shape.  Each test also zones its page
 * with the rule switched off ([rules-off]) and checks what the rule
 * changes, so that it fails if the rule stops working. */
#include "zone_test_util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define P1 ZONE_TEST_P1
#define P2 ZONE_TEST_P2
#define P3 ZONE_TEST_P3

/* A teaser card: a linked thumbnail, a headline, one sentence of summary
 * (prose by its shape). */
#define CARD(n) "<div class=\"card-" #n "\"><a href=\"/t" #n "\"><img " \
                "src=\"t" #n ".jpg\"></a><h3>Phường ra quân đợt " #n "</h3>" \
                "<p>Tóm tắt: phường ra quân làm sạch đường phố, khơi thông " \
                "cống rãnh đợt " #n " trong tháng.</p></div>"

/* A longer excerpt of another post, as blogs list them under "you may
 * like" in any language. */
#define POST(n) "<article class=\"post-" #n " post\"><a href=\"/p" #n "\">" \
                "<img src=\"p" #n ".jpg\"></a><p>Bài số " #n ": hội nghị " \
                "tổng kết công tác dân vận của phường, với nhiều mô hình " \
                "hay, cách làm sáng tạo được biểu dương, khen thưởng, nhân " \
                "rộng trong toàn quận trong năm qua …</p></article>"

static void teaser_list_inside_the_container(void **state)
{
    /* No class word names the box of cards: their shape does. */
    static const char page[] =
        "<html><body><div class=\"main\"><h1>Giao ban quý III</h1>" P1 P2
        "<div class=\"box\"><h2>Có thể bạn quan tâm</h2><div>" CARD(1)
        CARD(2) CARD(3) CARD(4) "</div></div>" P3 "</div></body></html>";
    zone_test_doc z;
    zone_test_zone_doc(*state, page, 1, &z);
    zone_test_expect_in_article(&z, "45 đại biểu");
    zone_test_expect_in_article(&z, "an sinh xã hội");
    zone_test_expect_not_in_article(&z, "Tóm tắt");
    zone_test_release_doc(&z);

    zone_test_zone_doc_without("teaser-lists", page, 1, &z);
    zone_test_expect_in_article(&z, "Tóm tắt");
    zone_test_release_doc(&z);
}

static void teaser_list_holding_more_prose_than_the_article(void **state)
{
    /* A short post and, after it, excerpts of five others: together they
     * hold more prose than the post, so without the rule their box is
     * taken for the article. */
    static const char page[] =
        "<html><body><div id=\"primary\"><article class=\"post\"><h1>"
        "Giao ban quý III</h1>" P1 P2 "</article><article class=\"more\">"
        "<h3>Bạn có thể thích</h3>" POST(1) POST(2) POST(3) POST(4) POST(5)
        "</article></div></body></html>";
    zone_test_doc z;
    zone_test_zone_doc(*state, page, 1, &z);
    zone_test_expect_in_article(&z, "45 đại biểu");
    assert_int_equal(zone_test_zone_of(&z.text, "Bài số 3"), FP_ZONE_CHROME);
    zone_test_release_doc(&z);

    zone_test_zone_doc_without("teaser-lists", page, 1, &z);
    assert_int_equal(zone_test_zone_of(&z.text, "Bài số 3"), FP_ZONE_BODY);
    zone_test_release_doc(&z);
}

static void paragraph_boxes_are_no_teasers(void **state)
{
    /* Sites that wrap every paragraph in a box of its own, links in the
     * text included: no pictures, few links, so no teaser list. */
    zone_test_doc z;
    zone_test_zone_doc(*state,
              "<html><body><div class=\"story\">"
              "<div class=\"text-block\">" P1 "</div>"
              "<div class=\"text-block\"><p>Trong quý, phường đã kết nạp "
              "<a href=\"/dv\">12 đảng viên mới</a>, đạt 87,5% chỉ tiêu của "
              "năm, và hoàn thành thu ngân sách.</p></div>"
              "<div class=\"text-block\">" P3 "</div></div>"
              "</body></html>",
              1, &z);
    zone_test_expect_in_article(&z, "45 đại biểu");
    zone_test_expect_in_article(&z, "12 đảng viên mới");
    zone_test_expect_in_article(&z, "an sinh xã hội");
    zone_test_release_doc(&z);
}

static void a_list_of_facts_is_no_teaser_list(void **state)
{
    /* List items without links are the article's own list. */
    zone_test_doc z;
    zone_test_zone_doc(*state,
              "<html><body><div>" P1 P2 "<ul><li>Tổ dân phố 1: 12 hộ.</li>"
              "<li>Tổ dân phố 2: 9 hộ.</li><li>Tổ dân phố 3: 15 hộ.</li></ul>"
              P3 "</div></body></html>",
              1, &z);
    zone_test_expect_in_article(&z, "Tổ dân phố 2: 9 hộ.");
    zone_test_release_doc(&z);
}

static void class_words_that_leave_no_article(void **state)
{
    /* A forum thread: every post sits in a "comment" box, the page in a
     * <form>.  Class words leave nothing; markup alone still finds the
     * thread and keeps the menu and the footer out of it. */
    static const char page[] =
        "<html><body><form><nav><a href=\"/\">Diễn đàn</a> <a href=\"/h\">"
        "Hỏi đáp</a></nav><main><h2>Hỏi về kết nạp đảng viên</h2>"
        "<div class=\"comment\">" P1 "</div><div class=\"comment\">" P2
        "</div><div class=\"comment\">" P3 "</div></main><footer><p>Diễn đàn của phường, ý kiến thành viên "
        "không phải ý kiến của ban quản trị.</p></footer></form>"
        "</body></html>";
    zone_test_doc z;
    zone_test_zone_doc(*state, page, 1, &z);
    zone_test_expect_in_article(&z, "45 đại biểu");
    zone_test_expect_in_article(&z, "87,5%");
    zone_test_expect_in_article(&z, "an sinh xã hội");
    zone_test_expect_not_in_article(&z, "ban quản trị");
    zone_test_release_doc(&z);

    /* Without the fallback the page is zoned as plain text: the footer
     * comes with it. */
    zone_test_zone_doc_without("markup-fallback", page, 1, &z);
    zone_test_expect_in_article(&z, "ban quản trị");
    zone_test_release_doc(&z);
}

static void a_short_notice_without_its_furniture(void **state)
{
    /* Too little prose for an article container: the page is zoned as
     * plain text, but its footer and menu stay out of the article. */
    static const char page[] =
        "<html><body><ul class=\"menu\"><li>Giới thiệu</li><li>Tin tức</li>"
        "</ul><div><p>Thông báo: phường tiếp công dân sáng thứ Năm hằng "
        "tuần.</p></div><footer><p>Cổng thông tin phường, giấy phép số 193 "
        "ngày 05/10/2015 của Sở Thông tin và Truyền thông.</p></footer>"
        "</body></html>";
    zone_test_doc z;
    zone_test_zone_doc(*state, page, 1, &z);
    zone_test_expect_in_article(&z, "tiếp công dân");
    zone_test_expect_not_in_article(&z, "giấy phép số 193");
    zone_test_expect_not_in_article(&z, "Giới thiệu");
    zone_test_release_doc(&z);

    zone_test_zone_doc_without("fallback-furniture", page, 1, &z);
    zone_test_expect_in_article(&z, "giấy phép số 193");
    zone_test_release_doc(&z);
}

static bool is_caption(const zone_test_doc *z, const char *needle)
{
    size_t i = zone_test_find_line(&z->text, needle);
    if (i == (size_t)-1)
        fail_msg("no line contains \"%s\"", needle);
    return z->text.lines[i].caption;
}

static void a_picture_and_one_line_is_a_figure(void **state)
{
    /* No figure, figcaption or caption class: a box with a photo and one
     * line after it. */
    static const char page[] =
        "<html><body><div class=\"detail\">" P1
        "<div class=\"image\"><img src=\"a.jpg\"><p>Quang cảnh hội nghị "
        "giao ban quý III của Đảng ủy phường, sáng 04/10.</p></div>" P2 P3
        "</div></body></html>";
    zone_test_doc z;
    zone_test_zone_doc(*state, page, 1, &z);
    assert_true(is_caption(&z, "Quang cảnh"));
    zone_test_expect_not_in_article(&z, "Quang cảnh");
    zone_test_expect_in_article(&z, "87,5%");
    zone_test_release_doc(&z);

    zone_test_zone_doc_without("picture-captions", page, 1, &z);
    zone_test_expect_in_article(&z, "Quang cảnh");
    zone_test_release_doc(&z);
}

static void pictures_beside_text_that_is_no_caption(void **state)
{
    /* A picture inside a paragraph, a step written before its photo, a
     * column of two paragraphs beside a photo, a quotation with a
     * screenshot, a rating's star icons: the text stays running text. */
    zone_test_doc z;
    zone_test_zone_doc(*state,
              "<html><body><div class=\"detail\">" P1
              "<p>Phường đã kết nạp 12 đảng viên mới <img src=\"smile.png\"> "
              "trong quý III vừa qua.</p>"
              "<ol><li><div>Bước 1: nộp hồ sơ tại bộ phận một cửa của "
              "phường.</div><div><img src=\"b1.jpg\"></div></li>"
              "<li><div>Bước 2: nhận kết quả sau năm ngày làm việc.</div>"
              "<div><img src=\"b2.jpg\"></div></li></ol>"
              "<div class=\"column\"><img src=\"c.jpg\"><p>Hội nghị diễn ra "
              "trong một buổi sáng.</p><p>Các chi bộ đều cử đại biểu.</p>"
              "</div><blockquote><img src=\"q.png\"><p>Chúng tôi sẽ hoàn "
              "thành chỉ tiêu năm.</p></blockquote>"
              "<div class=\"rate\"><img src=\"star.gif\" width=\"15\">"
              "<p>Bài viết có 45 lượt đánh giá tốt.</p></div>" P3
              "</div></body></html>",
              1, &z);
    zone_test_expect_in_article(&z, "12 đảng viên mới trong quý III");
    zone_test_expect_in_article(&z, "Bước 1: nộp hồ sơ");
    zone_test_expect_in_article(&z, "Hội nghị diễn ra trong một buổi sáng.");
    zone_test_expect_in_article(&z, "Chúng tôi sẽ hoàn thành");
    zone_test_expect_in_article(&z, "45 lượt đánh giá");
    zone_test_release_doc(&z);
}

static void a_notice_beside_its_photo_keeps_its_text(void **state)
{
    /* The only paragraph is boxed with a photo: it is the article. */
    zone_test_doc z;
    zone_test_zone_doc(*state,
              "<html><body><nav><a href=\"/\">Trang chủ</a></nav>"
              "<div class=\"detail\"><img src=\"a.jpg\"><p>Ủy ban nhân dân "
              "phường thông báo lịch tiếp công dân tháng 10: sáng thứ Năm "
              "hằng tuần, tại trụ sở phường, số 12 Lê Duẩn.</p></div>"
              "</body></html>",
              1, &z);
    assert_false(is_caption(&z, "lịch tiếp công dân"));
    zone_test_expect_in_article(&z, "lịch tiếp công dân tháng 10");
    zone_test_release_doc(&z);
}

static void unknown_rule_names_are_refused(void **state)
{
    char *path = zone_test_temp_file("[rules-off]\nteaser-list\n");
    fp_error err = {{0}};
    fp_zone_rules *rules = fp_zone_rules_load(path, &err);
    assert_null(rules);
    if (!strstr(err.message, ":2: unknown rule 'teaser-list'") ||
        !strstr(err.message, "teaser-lists"))
        fail_msg("unexpected message: %s", err.message);
    remove(path);
    free(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(teaser_list_inside_the_container),
        cmocka_unit_test(teaser_list_holding_more_prose_than_the_article),
        cmocka_unit_test(paragraph_boxes_are_no_teasers),
        cmocka_unit_test(a_list_of_facts_is_no_teaser_list),
        cmocka_unit_test(class_words_that_leave_no_article),
        cmocka_unit_test(a_short_notice_without_its_furniture),
        cmocka_unit_test(a_picture_and_one_line_is_a_figure),
        cmocka_unit_test(pictures_beside_text_that_is_no_caption),
        cmocka_unit_test(a_notice_beside_its_photo_keeps_its_text),
        cmocka_unit_test(unknown_rule_names_are_refused),
    };
    return cmocka_run_group_tests(tests, zone_test_setup_rules,
                                  zone_test_free_rules);
}
