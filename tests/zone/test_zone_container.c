/* Finding the article on an HTML page by its structure: the container of
 * the paragraphs (readability's decaying scores), its siblings, furniture
 * by markup (tags, class words, hidden elements, page wrappers), captions,
 * and the short lines at the container's edges. */
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
#define P4 ZONE_TEST_P4

/* One teaser: a linked headline and a one-sentence summary. */
#define TEASER(n) "<li class=\"item\"><a href=\"/t" #n "\">Tin số " #n \
                  " về hoạt động của phường</a><div>Tóm tắt ngắn: phường " \
                  "triển khai kế hoạch số " #n " trong tháng này.</div></li>"


static void paragraphs_win_over_teaser_lists(void **state)
{
    /* The teasers hold more prose in all than the article, but spread
     * over many small boxes; no class word tells either apart. */
    zone_test_doc z;
    zone_test_zone_doc(*state,
              "<html><body><div><h1>Giao ban quý III</h1><div>" P1 P2 P3
              "</div></div><div><ul>" TEASER(1) TEASER(2) TEASER(3)
              TEASER(4) TEASER(5) TEASER(6) TEASER(7) TEASER(8)
              "</ul></div></body></html>",
              1, &z);
    zone_test_expect_in_article(&z, "45 đại biểu");
    zone_test_expect_in_article(&z, "an sinh xã hội");
    zone_test_expect_not_in_article(&z, "Tóm tắt ngắn");
    assert_string_equal(z.meta.title, "Giao ban quý III");
    zone_test_release_doc(&z);
}

static void paragraphs_split_over_sections(void **state)
{
    /* Each section holds its paragraphs in a box of its own; an
     * advertisement stands between them. */
    zone_test_doc z;
    zone_test_zone_doc(*state,
              "<html><body><div class=\"story\"><section class=\"part\"><div>"
              P1 P2 "</div></section><div>Advertisement</div>"
              "<section class=\"part\"><div>" P3 P4
              "</div></section></div><div class=\"sidebar\">" P4
              "</div></body></html>",
              1, &z);
    zone_test_expect_in_article(&z, "45 đại biểu");
    zone_test_expect_in_article(&z, "an sinh xã hội");
    zone_test_expect_in_article(&z, "triển khai nghiêm túc");
    zone_test_expect_not_in_article(&z, "Advertisement");
    zone_test_release_doc(&z);
}

static void paragraphs_in_boxes_beside_asides(void **state)
{
    /* Each run of paragraphs shares its box with an (empty) aside: the
     * box holding all of them scores above any one run. */
    zone_test_doc z;
    zone_test_zone_doc(*state,
              "<html><body><section class=\"story-text\">"
              "<div><div>" P1 P2 "</div><aside aria-hidden=\"true\"></aside></div>"
              "<div><div>" P3 "</div><aside aria-hidden=\"true\"></aside></div>"
              "<div><div>" P4 "</div><aside aria-hidden=\"true\"></aside></div>"
              "</section><div class=\"more\"><ul>" TEASER(1) TEASER(2)
              "</ul></div></body></html>",
              1, &z);
    zone_test_expect_in_article(&z, "45 đại biểu");
    zone_test_expect_in_article(&z, "an sinh xã hội");
    zone_test_expect_in_article(&z, "triển khai nghiêm túc");
    zone_test_expect_not_in_article(&z, "Tóm tắt ngắn");
    zone_test_release_doc(&z);
}

static void the_box_holding_the_runs_of_paragraphs(void **state)
{
    /* Runs of paragraphs each in a box beside an empty slot: no run is
     * alone in its box, but the box holding them all scores above any
     * one of them. */
    zone_test_doc z;
    zone_test_zone_doc(*state,
              "<html><body><section>"
              "<div><div>" P1 "</div><div class=\"slot\"></div></div>"
              "<div><div>" P2 "</div><div class=\"slot\"></div></div>"
              "<div><div>" P3 "</div><div class=\"slot\"></div></div>"
              "<div><div>" P4 "</div><div class=\"slot\"></div></div>"
              "</section></body></html>",
              1, &z);
    zone_test_expect_in_article(&z, "45 đại biểu");
    zone_test_expect_in_article(&z, "87,5%");
    zone_test_expect_in_article(&z, "an sinh xã hội");
    zone_test_expect_in_article(&z, "triển khai nghiêm túc");
    zone_test_release_doc(&z);
}

static void paragraphs_beside_the_container_join_it(void **state)
{
    /* A paragraph kept apart after the body's box, a box of the body's
     * class further on: more of the article.  A list of links is not. */
    zone_test_doc z;
    zone_test_zone_doc(*state,
              "<html><body><div><div class=\"text\">" P1 P2 P3 "</div>"
              "<p>Phường sẽ tổ chức hội nghị tổng kết vào cuối năm.</p>"
              "Mọi ý kiến xin gửi về Văn phòng Đảng ủy phường.<br>"
              "<div class=\"note\"><ul><li><a href=\"/a\">Tin khác</a></li>"
              "</ul></div><div class=\"text\"><p>Ghi chú: số liệu đến "
              "ngày 30/9.</p></div></div></body></html>",
              1, &z);
    zone_test_expect_in_article(&z, "an sinh xã hội");
    zone_test_expect_in_article(&z, "tổng kết vào cuối năm");
    zone_test_expect_in_article(&z, "Văn phòng Đảng ủy phường.");
    zone_test_expect_in_article(&z, "số liệu đến ngày 30/9");
    zone_test_expect_not_in_article(&z, "Tin khác");
    zone_test_release_doc(&z);
}

static void lead_kept_beside_the_body(void **state)
{
    zone_test_doc z;
    zone_test_zone_doc(*state,
              "<html><body><div><h1>Giao ban quý III</h1>"
              "<div class=\"sapo\">Đảng ủy phường đánh giá kết quả quý III, "
              "đề ra nhiệm vụ quý IV.</div><div class=\"detail\">" P1 P2 P3
              "</div></div></body></html>",
              1, &z);
    assert_int_equal(zone_test_zone_of(&z.text, "Đảng ủy phường đánh giá"),
                     FP_ZONE_LEAD);
    zone_test_expect_in_article(&z, "đề ra nhiệm vụ quý IV.\n\nSáng ngày 04/10");
    zone_test_release_doc(&z);
}

static void furniture_by_tag_class_and_visibility(void **state)
{
    zone_test_doc z;
    zone_test_zone_doc(*state,
              "<html><body><nav><p>Trang chủ, tin tức, văn bản, thủ tục hành "
              "chính, liên hệ với chúng tôi.</p></nav><article>" P1
              "<aside>" P4 "</aside>" P2
              "<div class=\"share-box\"><p>Chia sẻ bài viết này với bạn bè, "
              "đồng nghiệp của bạn.</p></div>"
              "<div style=\"display: none\"><p>Nội dung ẩn, chỉ hiện khi bấm "
              "vào nút xem thêm ở trên.</p></div>" P3
              "</article><footer><p>Cơ quan chủ quản: Ủy ban nhân dân "
              "phường, địa chỉ số 12 Lê Duẩn.</p></footer></body></html>",
              1, &z);
    zone_test_expect_in_article(&z, "45 đại biểu");
    zone_test_expect_in_article(&z, "87,5%");
    zone_test_expect_in_article(&z, "an sinh xã hội");
    zone_test_expect_not_in_article(&z, "Trang chủ");
    zone_test_expect_not_in_article(&z, "triển khai nghiêm túc"); /* the aside */
    zone_test_expect_not_in_article(&z, "Chia sẻ");
    zone_test_expect_not_in_article(&z, "Nội dung ẩn");
    zone_test_expect_not_in_article(&z, "Cơ quan chủ quản");
    assert_int_equal(zone_test_zone_of(&z.text, "Nội dung ẩn"),
                     FP_ZONE_CHROME);
    zone_test_release_doc(&z);
}

static void the_article_header_holds_the_headline(void **state)
{
    /* The page's <header> is furniture; the article's own <header> holds
     * its headline (furniture for the body all the same). */
    zone_test_doc z;
    zone_test_zone_doc(*state,
              "<html><body><header><div class=\"logo\">Cổng thông tin "
              "phường</div></header><article><header><h1>Giao ban quý III</h1>"
              "<p>Chuyên mục: Tin hoạt động của Đảng ủy phường trong tháng."
              "</p></header><div>" P1 P2 P3 "</div></article></body></html>",
              1, &z);
    assert_non_null(z.meta.title);
    assert_string_equal(z.meta.title, "Giao ban quý III");
    zone_test_expect_not_in_article(&z, "Chuyên mục");
    zone_test_expect_in_article(&z, "45 đại biểu");
    zone_test_release_doc(&z);
}

static void page_wrapped_in_a_form(void **state)
{
    /* ASP.NET pages put the whole page in one <form>: it wraps the
     * article, it is no furniture. */
    zone_test_doc z;
    zone_test_zone_doc(*state,
              "<html><body><form id=\"aspnetForm\"><div class=\"menu\">"
              "<a href=\"/\">Giới thiệu</a> <a href=\"/t\">Văn bản</a></div>"
              "<div>" P1 P2 P3 "</div><div><a href=\"/x\">Phường tổ chức "
              "hội nghị tổng kết công tác năm 2018, triển khai năm 2019</a>"
              "</div></form></body></html>",
              1, &z);
    zone_test_expect_in_article(&z, "45 đại biểu");
    zone_test_expect_in_article(&z, "an sinh xã hội");
    zone_test_expect_not_in_article(&z, "Văn bản");
    zone_test_expect_not_in_article(&z, "tổng kết công tác năm 2018");
    zone_test_release_doc(&z);
}

static void paragraphs_right_in_a_form(void **state)
{
    /* The form is the paragraphs' own box: with nothing else reading as
     * an article, it is the article's container. */
    zone_test_doc z;
    zone_test_zone_doc(*state,
              "<html><body><form><div class=\"menu\"><a href=\"/\">Giới "
              "thiệu</a> <a href=\"/v\">Văn bản</a></div>" P1 P2 P3
              "</form></body></html>",
              1, &z);
    assert_int_equal(zone_test_zone_of(&z.text, "45 đại biểu"), FP_ZONE_LEAD);
    zone_test_expect_in_article(&z, "an sinh xã hội");
    assert_int_equal(zone_test_zone_of(&z.text, "Văn bản"), FP_ZONE_CHROME);
    zone_test_release_doc(&z);
}

static void big_footer_beside_a_short_article(void **state)
{
    /* The footer holds more prose than the article: still furniture. */
    zone_test_doc z;
    zone_test_zone_doc(*state,
              "<html><body><div class=\"content\">" P1 P2
              "</div><div class=\"footer-wrap\"><p>Cổng thông tin điện tử "
              "phường, cơ quan chủ quản là Ủy ban nhân dân phường, chịu "
              "trách nhiệm chính là Chánh văn phòng.</p><p>Khi phát hành "
              "lại thông tin từ website này, mọi ý kiến xin gửi về ban "
              "biên tập của cổng thông tin.</p><p>Cổng được cấp phép số 193 "
              "ngày 05/10/2015, do Sở Thông tin và Truyền thông thành phố "
              "cấp.</p></div></body></html>",
              1, &z);
    zone_test_expect_in_article(&z, "45 đại biểu");
    zone_test_expect_in_article(&z, "87,5%");
    zone_test_expect_not_in_article(&z, "ban biên tập");
    zone_test_release_doc(&z);
}

static void captions_are_article_but_not_running_text(void **state)
{
    zone_test_doc z;
    zone_test_zone_doc(*state,
              "<html><body><div class=\"detail\">" P1
              "<figure><img src=\"a.jpg\"><figcaption>Quang cảnh hội nghị "
              "với 45 đại biểu tham dự.</figcaption></figure>" P2
              "<p class=\"wp-caption-text\">Đồng chí Bí thư phát biểu.</p>" P3
              "</div></body></html>",
              1, &z);
    assert_int_equal(zone_test_zone_of(&z.text, "Quang cảnh"), FP_ZONE_BODY);
    size_t i = zone_test_find_line(&z.text, "Quang cảnh");
    assert_true(z.text.lines[i].caption);
    i = zone_test_find_line(&z.text, "Bí thư phát biểu");
    assert_true(z.text.lines[i].caption);
    assert_false(z.text.lines[zone_test_find_line(&z.text, "87,5%")].caption);
    zone_test_expect_not_in_article(&z, "Quang cảnh");
    zone_test_expect_not_in_article(&z, "phát biểu.");
    zone_test_expect_in_article(&z, "chỉ tiêu của năm");

    fp_zone_run *runs;
    size_t n;
    fp_error err = {{0}};
    assert_int_equal(fp_zone_runs(&z.text, &runs, &n, &err), 0);
    size_t captions = 0;
    for (size_t k = 0; k < n; k++)
        if (strcmp(fp_zone_run_name(&runs[k]), "caption") == 0)
            captions++;
    assert_int_equal(captions, 2);
    free(runs);
    zone_test_release_doc(&z);
}

static void short_lines_at_the_edges(void **state)
{
    zone_test_doc z;
    zone_test_zone_doc(*state,
              "<html><body><div>" P1 "<h2>Nhiệm vụ quý IV</h2>" P2 P3
              "<ul><li>Nguyễn Văn An</li><li>Trần Thị Bình</li></ul>"
              "<p>Tổng kinh phí: 120 triệu đồng</p>"
              "<p>Xem tiếp</p><p>Thẻ: hội nghị</p></div></body></html>",
              1, &z);
    /* Between two paragraphs a heading is the article's; after the last
     * one a line with a figure, and a list, are too. */
    zone_test_expect_in_article(&z, "Nhiệm vụ quý IV");
    zone_test_expect_in_article(&z, "120 triệu đồng");
    zone_test_expect_in_article(&z, "Trần Thị Bình");
    /* Short words at the edge are furniture. */
    assert_int_equal(zone_test_zone_of(&z.text, "Xem tiếp"), FP_ZONE_CHROME);
    assert_int_equal(zone_test_zone_of(&z.text, "Thẻ: hội nghị"),
                     FP_ZONE_CHROME);
    zone_test_release_doc(&z);
}

static void no_headline_after_the_first_paragraph(void **state)
{
    /* A teaser's heading inside the container, after the paragraphs
     * started, is not the page's headline. */
    zone_test_doc z;
    zone_test_zone_doc(*state,
              "<html><head><title>Báo cáo - Cổng thông tin</title></head><body>"
              "<div class=\"entry-content\">" P1 P2
              "<h1 class=\"entry-title\">Tin khác cùng chuyên mục</h1>" P3 P4
              "</div></body></html>",
              1, &z);
    assert_int_not_equal(zone_test_zone_of(&z.text, "Tin khác cùng"),
                         FP_ZONE_TITLE);
    zone_test_release_doc(&z);
}

static void body_class_words_describe_the_page(void **state)
{
    /* Words on <body> (templates, feature flags) name no box: neither
     * "sidebar" nor "caption" there makes the page furniture; <body>
     * holds all the prose, so it is the page's wrapper. */
    zone_test_doc z;
    zone_test_zone_doc(*state,
              "<html><body class=\"has-sidebar f_caption_on\"><div>" P1 P2 P3
              "</div></body></html>",
              1, &z);
    zone_test_expect_in_article(&z, "45 đại biểu");
    assert_false(z.text.lines[zone_test_find_line(&z.text, "45 đại")].caption);
    zone_test_release_doc(&z);
}

static void scripts_without_ascii_punctuation(void **state)
{
    /* Japanese sentences end in 。 and pause at 、: they are prose. */
    zone_test_doc z;
    zone_test_zone_doc(*state,
              "<html><body><ul class=\"nav\"><li><a href=\"/\">ホーム</a></li>"
              "</ul><div><p>先日、不正に改造したスマートフォンを販売したとして、"
              "男性が逮捕されたというニュースがありました。</p><p>報道によると、"
              "今回販売されたのは、機能制限を解除した端末です。</p><p>では、"
              "なぜ改造した端末を販売すると、権利の侵害になるのでしょうか。</p>"
              "</div></body></html>",
              1, &z);
    zone_test_expect_in_article(&z, "逮捕されたというニュース");
    zone_test_expect_in_article(&z, "権利の侵害");
    zone_test_expect_not_in_article(&z, "ホーム");
    zone_test_release_doc(&z);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(paragraphs_win_over_teaser_lists),
        cmocka_unit_test(paragraphs_split_over_sections),
        cmocka_unit_test(paragraphs_in_boxes_beside_asides),
        cmocka_unit_test(the_box_holding_the_runs_of_paragraphs),
        cmocka_unit_test(paragraphs_beside_the_container_join_it),
        cmocka_unit_test(lead_kept_beside_the_body),
        cmocka_unit_test(furniture_by_tag_class_and_visibility),
        cmocka_unit_test(the_article_header_holds_the_headline),
        cmocka_unit_test(page_wrapped_in_a_form),
        cmocka_unit_test(paragraphs_right_in_a_form),
        cmocka_unit_test(big_footer_beside_a_short_article),
        cmocka_unit_test(captions_are_article_but_not_running_text),
        cmocka_unit_test(short_lines_at_the_edges),
        cmocka_unit_test(no_headline_after_the_first_paragraph),
        cmocka_unit_test(body_class_words_describe_the_page),
        cmocka_unit_test(scripts_without_ascii_punctuation),
    };
    return cmocka_run_group_tests(tests, zone_test_setup_rules,
                                  zone_test_free_rules);
}
