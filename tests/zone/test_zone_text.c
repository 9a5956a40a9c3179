/* Zoning plain text: the seed page scraped from the Thanh Khê portal, and
 * the date line forms portals use. */
#include "zone_test_util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int setup_rules(void **state)
{
    *state = zone_test_load_rules();
    return 0;
}

static int free_rules(void **state)
{
    fp_zone_rules_free(*state);
    return 0;
}

static void zone_plain(const fp_zone_rules *rules, const char *page,
                       fp_text *t, fp_meta *meta)
{
    fp_error err = {{0}};
    zone_test_make_text(page, strlen(page), 0, t);
    if (fp_zone_document(rules, t, meta, &err) != 0)
        fail_msg("zoning: %s", err.message);
}

static void seed_page(void **state)
{
    size_t len;
    char *page = zone_test_read_data("thanhkhe-2018-10-09.txt", &len);
    fp_text t;
    fp_meta meta;
    zone_plain(*state, page, &t, &meta);

    assert_int_equal(t.lines[0].zone, FP_ZONE_TITLE);
    assert_non_null(meta.title);
    assert_true(strncmp(meta.title, "Sơ kết 05 năm thực hiện Đề án 02", 20) ==
                0);
    assert_int_equal(zone_test_zone_of(&t, "Xem với cỡ chữ"), FP_ZONE_CHROME);
    assert_int_equal(zone_test_zone_of(&t, "Sáng ngày 05/10/2018"),
                     FP_ZONE_LEAD);
    assert_int_equal(zone_test_zone_of(&t, "Thực hiện Đề án số 02-ĐA/QU"),
                     FP_ZONE_BODY);
    assert_int_equal(zone_test_zone_of(&t, "Tại Hội nghị có 08 tập thể"),
                     FP_ZONE_BODY);
    assert_int_equal(zone_test_zone_of(&t, "Thu Lan"), FP_ZONE_BYLINE);
    assert_string_equal(meta.byline, "Thu Lan");
    assert_int_equal(zone_test_zone_of(&t, "Cập nhật ngày: 09-10-2018"),
                     FP_ZONE_DATELINE);
    assert_string_equal(meta.date, "2018-10-09");

    /* From the tool links on, everything is chrome. */
    size_t tools = zone_test_find_line(&t, "In Quay lại chia sẻ bài viết");
    assert_true(tools != (size_t)-1);
    for (size_t i = tools; i < t.n_lines; i++)
        if (t.lines[i].zone != FP_ZONE_CHROME)
            fail_msg("line %zu \"%.*s\" is not chrome", i,
                     (int)(t.lines[i].end - t.lines[i].start),
                     t.text + t.lines[i].start);
    assert_int_equal(zone_test_zone_of(&t, "56.6 %37.2 %"), FP_ZONE_CHROME);
    assert_int_equal(zone_test_zone_of(&t, "1 8 1 6 5 2 6 7"), FP_ZONE_CHROME);
    assert_int_equal(zone_test_zone_of(&t, "Tổng cộng: 18165267"),
                     FP_ZONE_CHROME);

    fp_meta_free(&meta);
    fp_text_free(&t);
    free(page);
}

/* One page per date line form: the line, and the date it must give. */
static void check_dateline(const fp_zone_rules *rules, const char *line,
                           const char *expected_date)
{
    char page[1024];
    snprintf(page, sizeof page,
             "Hội nghị tổng kết công tác năm\n%s\n"
             "Sáng nay, UBND phường tổ chức hội nghị tổng kết công tác năm, "
             "có 45 đại biểu tham dự.\n",
             line);
    fp_text t;
    fp_meta meta;
    zone_plain(rules, page, &t, &meta);
    if (expected_date) {
        if (!meta.date || strcmp(meta.date, expected_date) != 0)
            fail_msg("\"%s\": date %s, expected %s", line,
                     meta.date ? meta.date : "(none)", expected_date);
        assert_int_equal(t.lines[1].zone, FP_ZONE_DATELINE);
    } else if (meta.date) {
        fail_msg("\"%s\": date %s, expected none", line, meta.date);
    }
    fp_meta_free(&meta);
    fp_text_free(&t);
}

static void dateline_forms(void **state)
{
    check_dateline(*state, "Cập nhật ngày: 09-10-2018", "2018-10-09");
    check_dateline(*state, "(Cập nhật lúc 14:30 ngày 28/08/2018)",
                   "2018-08-28");
    check_dateline(*state, "Thứ Hai, 05/10/2018 - 14:30", "2018-10-05");
    check_dateline(*state, "Ngày đăng: 2018-10-05", "2018-10-05");
    check_dateline(*state, "NGÀY CẬP NHẬT: 5.10.2018", "2018-10-05");
    check_dateline(*state, "Cập nhật ngày 5 tháng 10 năm 2018", "2018-10-05");
    check_dateline(*state, "Đăng ngày 29/2/2016", "2016-02-29");
    /* Days that do not exist are not dates. */
    check_dateline(*state, "Cập nhật ngày: 31/02/2018", NULL);
    check_dateline(*state, "Cập nhật ngày: 29/02/2018", NULL);
}

static void counter_in_dateline_makes_it_chrome(void **state)
{
    fp_text t;
    fp_meta meta;
    zone_plain(*state,
               "Hội nghị giao ban\n"
               "Đăng lúc: 08:52 - 25/03/2019 Lượt xem: 3158\n"
               "Sáng nay, phường tổ chức hội nghị giao ban, có 45 đại biểu.\n",
               &t, &meta);
    assert_string_equal(meta.date, "2019-03-25");
    assert_int_equal(t.lines[1].zone, FP_ZONE_CHROME);
    fp_meta_free(&meta);
    fp_text_free(&t);
}

static void menu_above_the_title_is_chrome(void **state)
{
    fp_text t;
    fp_meta meta;
    zone_plain(*state,
               "Trang chủ\nGiới thiệu\nVăn bản\n"
               "Phường An Hải Bắc tổng kết công tác năm 2018\n"
               "Ngày đăng: 24/12/2018\n"
               "Sáng ngày 22/12, phường tổ chức hội nghị tổng kết. Có 120 "
               "đại biểu tham dự hội nghị.\n"
               "Minh Châu - VP Đảng ủy\n"
               "Tin liên quan\n"
               "Phường đạt 95% chỉ tiêu thu ngân sách\n",
               &t, &meta);
    assert_int_equal(zone_test_zone_of(&t, "Giới thiệu"), FP_ZONE_CHROME);
    assert_int_equal(zone_test_zone_of(&t, "Văn bản"), FP_ZONE_CHROME);
    assert_int_equal(zone_test_zone_of(&t, "Phường An Hải Bắc"),
                     FP_ZONE_TITLE);
    assert_string_equal(meta.title,
                        "Phường An Hải Bắc tổng kết công tác năm 2018");
    assert_int_equal(zone_test_zone_of(&t, "Sáng ngày 22/12"), FP_ZONE_LEAD);
    assert_int_equal(zone_test_zone_of(&t, "Minh Châu"), FP_ZONE_BYLINE);
    assert_string_equal(meta.byline, "Minh Châu - VP Đảng ủy");
    assert_int_equal(zone_test_zone_of(&t, "Tin liên quan"), FP_ZONE_CHROME);
    assert_int_equal(zone_test_zone_of(&t, "95%"), FP_ZONE_CHROME);
    fp_meta_free(&meta);
    fp_text_free(&t);
}

static void byline_cue_gives_the_author(void **state)
{
    fp_text t;
    fp_meta meta;
    zone_plain(*state,
               "Hội nghị giao ban\n"
               "Sáng nay, phường tổ chức hội nghị giao ban, có 45 đại biểu.\n"
               "Tin, ảnh: Thanh Hà\n"
               "Hôm nay: 1985\n",
               &t, &meta);
    assert_int_equal(zone_test_zone_of(&t, "Thanh Hà"), FP_ZONE_BYLINE);
    assert_string_equal(meta.byline, "Thanh Hà");
    assert_null(meta.date);
    assert_int_equal(zone_test_zone_of(&t, "1985"), FP_ZONE_CHROME);
    fp_meta_free(&meta);
    fp_text_free(&t);
}

static void a_word_cue_names_an_author_only_before_a_name(void **state)
{
    /* "By" before a name is a byline, before a small letter or a number
     * it starts a sentence. */
    zone_test_doc z;
    zone_test_zone_doc(*state,
              "<html><body><div class=\"story\"><h1>Council meets</h1>"
              "<p>By Justine Coleman - 11/18/19 11:04 PM EST</p>"
              "<p>The city council met on Monday with 45 members present, "
              "and voted on the budget for the coming year.</p>"
              "<p>By 2030, the plan aims to halve the cost of power.</p>"
              "<p>By then, every school will have solar panels on its roof, "
              "the mayor said in a statement.</p></div></body></html>",
              1, &z);
    assert_int_equal(zone_test_zone_of(&z.text, "Justine"), FP_ZONE_BYLINE);
    assert_string_equal(z.meta.byline, "Justine Coleman - 11/18/19 11:04 PM EST");
    assert_non_null(strstr(z.article, "By 2030, the plan"));
    assert_non_null(strstr(z.article, "By then, every school"));
    zone_test_release_doc(&z);
}

/* A huge headline (one line above the body) is cut to
 * FP_ZONE_META_MAX_BYTES at a character boundary (a 20 MB title made the
 * output unreadable to xmllint: "huge text node"). */
static void huge_title_line_is_cut(void **state)
{
    static const char body[] =
        "\nSáng nay, phường tổ chức hội nghị giao ban, có 45 đại biểu dự.\n";
    size_t words = 300000; /* "Tỷ lệ " is 9 bytes: a 2.7 MB line */
    char *page = malloc(words * 9 + sizeof body);
    assert_non_null(page);
    for (size_t i = 0; i < words; i++)
        memcpy(page + i * 9, "T\xe1\xbb\xb7 l\xe1\xbb\x87 ", 9);
    memcpy(page + words * 9, body, sizeof body);
    fp_text t;
    fp_meta meta;
    zone_plain(*state, page, &t, &meta);
    assert_non_null(meta.title);
    size_t len = strlen(meta.title);
    assert_true(len <= FP_ZONE_META_MAX_BYTES + 3);
    assert_true(len > FP_ZONE_META_MAX_BYTES - 4);
    assert_string_equal(meta.title + len - 3, "\xe2\x80\xa6");
    /* The text before the ellipsis is whole characters of the line. */
    assert_memory_equal(meta.title, page, len - 3);
    assert_true(((unsigned char)page[len - 3] & 0xC0) != 0x80);
    free(page);
    fp_meta_free(&meta);
    fp_text_free(&t);
}

static void prose_is_not_mistaken_for_chrome(void **state)
{
    /* Words that are cues elsewhere, inside sentences, stay body text. */
    fp_text t;
    fp_meta meta;
    zone_plain(*state,
               "Hội nghị giao ban\n"
               "Sáng nay, phường tổ chức hội nghị giao ban.\n"
               "In ấn tài liệu phục vụ hội nghị được chuẩn bị chu đáo.\n"
               "Hôm nay, 120 hộ gia đình nhận quà, đạt 95% kế hoạch.\n"
               "Các tin khác nhau được tổng hợp trong báo cáo.\n",
               &t, &meta);
    assert_int_equal(zone_test_zone_of(&t, "Hội nghị giao ban"),
                     FP_ZONE_TITLE);
    assert_int_not_equal(zone_test_zone_of(&t, "In ấn"), FP_ZONE_CHROME);
    assert_int_equal(zone_test_zone_of(&t, "Hôm nay, 120"), FP_ZONE_BODY);
    assert_int_equal(zone_test_zone_of(&t, "Các tin khác nhau"),
                     FP_ZONE_BODY);
    fp_meta_free(&meta);
    fp_text_free(&t);
}

/* A menu or breadcrumb scraped to text is a row of short names between
 * separators, whatever the names are: below the headline it is chrome,
 * not the headline (the line above it then lost its facts); a row of a
 * table written with bars, figures in its cells, is not. */
static void menu_rows_are_chrome_whatever_their_words(void **state)
{
    fp_text t;
    fp_meta meta;
    zone_plain(*state,
               "Sạt lở ở Trà Bồng: 4 người chết, 2 người mất tích\n"
               "Tin nóng: Bão số 6 | Giá xăng | Lịch cắt điện\n"
               "Xã hội > Đời sống\n"
               "Sáng 3/9, sạt lở đất vùi lấp 5 ngôi nhà ở thôn Bắc, xã Trà "
               "Sơn, huyện Trà Bồng.\n"
               "Quảng Ngãi | 1.250 hộ | 4.600 người\n"
               "Lực lượng cứu hộ đã đưa 120 hộ dân ra khỏi vùng nguy hiểm "
               "trong đêm.\n"
               "Bình luận (3) | Chia sẻ\n"
               "Liên kết website | Sơ đồ cổng | RSS\n",
               &t, &meta);
    assert_string_equal(meta.title,
                        "Sạt lở ở Trà Bồng: 4 người chết, 2 người mất tích");
    assert_int_equal(zone_test_zone_of(&t, "Sạt lở ở Trà Bồng"),
                     FP_ZONE_TITLE);
    assert_int_equal(zone_test_zone_of(&t, "Tin nóng"), FP_ZONE_CHROME);
    assert_int_equal(zone_test_zone_of(&t, "Xã hội > Đời sống"),
                     FP_ZONE_CHROME);
    assert_int_equal(zone_test_zone_of(&t, "Quảng Ngãi | 1.250 hộ"),
                     FP_ZONE_BODY);
    assert_int_equal(zone_test_zone_of(&t, "Bình luận (3)"), FP_ZONE_CHROME);
    assert_int_equal(zone_test_zone_of(&t, "Liên kết website"),
                     FP_ZONE_CHROME);
    fp_meta_free(&meta);
    fp_text_free(&t);
}

/* A line that is a date and a place (or a time) is the date line, not
 * the headline, wherever it stands. */
static void a_date_line_is_no_headline(void **state)
{
    static const char *const datelines[] = {
        "Cần Thơ, ngày 12 tháng 3 năm 2024",
        "Vĩnh Long, 12/3/2024",
        "08:15 | 12/03/2024",
    };
    for (size_t i = 0; i < sizeof datelines / sizeof *datelines; i++) {
        char page[512];
        snprintf(page, sizeof page,
                 "Xuất khẩu gạo quý I tăng 18%%\n%s\n"
                 "Theo Sở Công Thương, quý I toàn tỉnh xuất khẩu 210.000 tấn "
                 "gạo, tăng 18%% so với cùng kỳ.\n"
                 "Giá gạo bình quân đạt 640 USD/tấn.\n",
                 datelines[i]);
        fp_text t;
        fp_meta meta;
        zone_plain(*state, page, &t, &meta);
        assert_string_equal(meta.title, "Xuất khẩu gạo quý I tăng 18%");
        assert_int_equal(zone_test_zone_of(&t, datelines[i]),
                         FP_ZONE_DATELINE);
        assert_string_equal(meta.date, "2024-03-12");
        fp_meta_free(&meta);
        fp_text_free(&t);
    }
}

/* The headline is the last line of the page's head that may be one,
 * unless a line above it is far longer: the agency that wrote the page
 * stands below its headline.  The head ends where the body announces a
 * list ("...như sau:"): the list's rows are body, not headlines. */
static void headline_above_the_agency_and_a_price_list(void **state)
{
    fp_text t;
    fp_meta meta;
    zone_plain(*state,
               "Quý 3/2024: số vụ cháy giảm ở cả 4 chỉ tiêu\n"
               "Phòng Cảnh sát PCCC tỉnh\n"
               "Cập nhật: 05/10/2024\n"
               "Tình hình cháy, nổ quý 3 trên địa bàn tỉnh như sau:\n"
               "Số vụ cháy: 14 vụ\n"
               "Thiệt hại: 2,1 tỷ đồng\n"
               "So với cùng kỳ năm trước, số vụ cháy giảm 6 vụ, thiệt hại "
               "giảm 35%.\n",
               &t, &meta);
    assert_string_equal(meta.title,
                        "Quý 3/2024: số vụ cháy giảm ở cả 4 chỉ tiêu");
    assert_int_not_equal(zone_test_zone_of(&t, "Phòng Cảnh sát"),
                         FP_ZONE_CHROME);
    assert_int_equal(zone_test_zone_of(&t, "Số vụ cháy: 14"), FP_ZONE_BODY);
    assert_int_equal(zone_test_zone_of(&t, "Thiệt hại: 2,1"), FP_ZONE_BODY);
    fp_meta_free(&meta);
    fp_text_free(&t);

    /* A section's name above a headline of its length stays above it. */
    zone_plain(*state,
               "Bầu cử đại biểu Quốc hội và HĐND các cấp\n"
               "Huyện Kim Bảng: cử tri nô nức đi bầu cử\n"
               "Sáng 23/5, cử tri 18 xã, thị trấn của huyện Kim Bảng đi bầu "
               "cử từ sớm.\n"
               "Đến 15h, 95% cử tri đã đi bầu.\n",
               &t, &meta);
    assert_string_equal(meta.title, "Huyện Kim Bảng: cử tri nô nức đi bầu cử");
    fp_meta_free(&meta);
    fp_text_free(&t);
}

/* In an interview the reporter's questions start with the byline cue
 * "PV:"; a question or an exclamation is no author line: the questions
 * are the article's text, the author is the name under it. */
static void an_interview_question_is_no_byline(void **state)
{
    zone_test_doc z;
    zone_test_zone_doc(*state,
                       "Phỏng vấn: Cần Thơ mở thêm 5 tuyến xe buýt\n"
                       "Sáng 4/3, phóng viên trao đổi với ông Trần Văn Nam, "
                       "Giám đốc Sở Giao thông vận tải.\n"
                       "PV: Thưa ông, năm nay thành phố có bao nhiêu tuyến "
                       "xe buýt mới?\n"
                       "Ông Trần Văn Nam: Năm nay thành phố mở thêm 5 tuyến, "
                       "nâng tổng số lên 23 tuyến.\n"
                       "PV: Xin cảm ơn ông!\n"
                       "Thu Hà (thực hiện)\n",
                       0, &z);
    assert_int_equal(zone_test_zone_of(&z.text, "PV: Thưa ông"), FP_ZONE_BODY);
    assert_int_equal(zone_test_zone_of(&z.text, "PV: Xin cảm ơn"),
                     FP_ZONE_BODY);
    zone_test_expect_in_article(&z, "bao nhiêu tuyến xe buýt mới?");
    assert_string_equal(z.meta.byline, "Thu Hà (thực hiện)");
    zone_test_release_doc(&z);
}

/* A heading of related articles ("Bài viết cùng chủ đề") or of tags
 * heads a list: it and the lines that keep a list's shape are chrome,
 * facts in the teasers' headlines included; the article goes on after
 * the list when the box stands between paragraphs. */
static void a_related_heading_makes_its_list_chrome(void **state)
{
    zone_test_doc z;
    zone_test_zone_doc(*state,
                       "Hội An đón 120.000 lượt khách dịp lễ\n"
                       "Trong 4 ngày nghỉ lễ, thành phố Hội An đón khoảng "
                       "120.000 lượt khách, tăng 15% so với năm trước.\n"
                       "Bài viết cùng chủ đề:\n"
                       "- Hội An: 3.000 khách thả hoa đăng đêm rằm (15/08/2024)\n"
                       "\n"
                       "• Phố cổ mở cửa miễn phí 2 ngày\n"
                       "Công suất phòng khách sạn đạt 85%, nhiều cơ sở kín "
                       "phòng đến hết kỳ nghỉ.\n"
                       "Từ khóa\n"
                       "Hội An, du lịch, kỳ nghỉ lễ 2/9\n",
                       0, &z);
    assert_int_equal(zone_test_zone_of(&z.text, "Bài viết cùng chủ đề"),
                     FP_ZONE_CHROME);
    assert_int_equal(zone_test_zone_of(&z.text, "3.000 khách"),
                     FP_ZONE_CHROME);
    assert_int_equal(zone_test_zone_of(&z.text, "miễn phí 2 ngày"),
                     FP_ZONE_CHROME);
    zone_test_expect_in_article(&z, "Công suất phòng khách sạn đạt 85%");
    assert_int_equal(zone_test_zone_of(&z.text, "Từ khóa"), FP_ZONE_CHROME);
    assert_int_equal(zone_test_zone_of(&z.text, "kỳ nghỉ lễ 2/9"),
                     FP_ZONE_CHROME);
    zone_test_release_doc(&z);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed_page),
        cmocka_unit_test(dateline_forms),
        cmocka_unit_test(counter_in_dateline_makes_it_chrome),
        cmocka_unit_test(menu_above_the_title_is_chrome),
        cmocka_unit_test(byline_cue_gives_the_author),
        cmocka_unit_test(a_word_cue_names_an_author_only_before_a_name),
        cmocka_unit_test(prose_is_not_mistaken_for_chrome),
        cmocka_unit_test(huge_title_line_is_cut),
        cmocka_unit_test(menu_rows_are_chrome_whatever_their_words),
        cmocka_unit_test(a_date_line_is_no_headline),
        cmocka_unit_test(headline_above_the_agency_and_a_price_list),
        cmocka_unit_test(an_interview_question_is_no_byline),
        cmocka_unit_test(a_related_heading_makes_its_list_chrome),
    };
    return cmocka_run_group_tests(tests, setup_rules, free_rules);
}
