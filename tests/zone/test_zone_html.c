/* Zoning HTML pages: hand-written pages with a menu, a sidebar, a "Các tin
 * khác" list, a footer and counters, and pages in the markup of four real
 * portal families (table layout, <br> layout, div layout, SharePoint). */
#include "zone_test_util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

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

typedef struct zoned_page {
    fp_text text;
    fp_meta meta;
} zoned_page;

static void zone_page(const fp_zone_rules *rules, const char *name,
                      zoned_page *page)
{
    size_t len;
    char *html = zone_test_read_data(name, &len);
    zone_test_make_text(html, len, 1, &page->text);
    free(html);
    fp_error err = {{0}};
    if (fp_zone_document(rules, &page->text, &page->meta, &err) != 0)
        fail_msg("%s: %s", name, err.message);
}

static void release_page(zoned_page *page)
{
    fp_meta_free(&page->meta);
    fp_text_free(&page->text);
}

static void expect_zone(const zoned_page *page, const char *needle,
                        fp_zone_kind expected)
{
    fp_zone_kind zone = zone_test_zone_of(&page->text, needle);
    if (zone != expected)
        fail_msg("line with \"%s\": zone %d, expected %d", needle, zone,
                 expected);
}

static void expect_article(const zoned_page *page, const char *needle)
{
    if (zone_test_zone_of(&page->text, needle) == FP_ZONE_CHROME)
        fail_msg("line with \"%s\" was zoned chrome", needle);
}

static void sidebar_menu_related_footer(void **state)
{
    zoned_page page;
    zone_page(*state, "hand-sidebar.html", &page);
    expect_zone(&page, "ỦY BAN NHÂN DÂN PHƯỜNG", FP_ZONE_CHROME);
    expect_zone(&page, "Giới thiệu", FP_ZONE_CHROME);
    expect_zone(&page, "98% chỉ tiêu", FP_ZONE_CHROME);
    expect_zone(&page, "Kết nạp 40 đảng viên", FP_ZONE_CHROME);
    expect_zone(&page, "Trang chủ » Tin tức", FP_ZONE_CHROME);
    expect_zone(&page, "Phường tổ chức hội nghị giao ban quý III",
                FP_ZONE_TITLE);
    assert_string_equal(page.meta.title,
                        "Phường tổ chức hội nghị giao ban quý III");
    expect_zone(&page, "Ngày đăng: 2018-10-05", FP_ZONE_DATELINE);
    assert_string_equal(page.meta.date, "2018-10-05");
    expect_zone(&page, "Sáng ngày 04/10/2018", FP_ZONE_LEAD);
    /* A short link inside a sentence does not make it chrome. */
    expect_zone(&page, "87,5%", FP_ZONE_BODY);
    expect_zone(&page, "12 tổ dân phố", FP_ZONE_BODY);
    expect_zone(&page, "Minh Châu", FP_ZONE_BYLINE);
    assert_string_equal(page.meta.byline, "Minh Châu");
    expect_zone(&page, "chia sẻ bài viết", FP_ZONE_CHROME);
    expect_zone(&page, "Các tin khác", FP_ZONE_CHROME);
    expect_zone(&page, "99% chỉ tiêu giao quân", FP_ZONE_CHROME);
    expect_zone(&page, "Tiếp nhận 300 hồ sơ", FP_ZONE_CHROME);
    expect_zone(&page, "Địa chỉ: 12 Lê Duẩn", FP_ZONE_CHROME);
    expect_zone(&page, "0236.3822.111", FP_ZONE_CHROME);
    expect_zone(&page, "Hôm nay: 345", FP_ZONE_CHROME);
    expect_zone(&page, "1.234.567", FP_ZONE_CHROME);
    release_page(&page);
}

static void page_without_class_cues(void **state)
{
    /* Class names say nothing here: the article is found by its shape. */
    zoned_page page;
    zone_page(*state, "hand-nocues.html", &page);
    expect_zone(&page, "Trang chủ Giới thiệu", FP_ZONE_CHROME);
    expect_zone(&page, "Kết nạp 35 đảng viên mới", FP_ZONE_TITLE);
    expect_zone(&page, "Cập nhật lúc 14:30", FP_ZONE_DATELINE);
    assert_string_equal(page.meta.date, "2018-08-28");
    expect_zone(&page, "116,7%", FP_ZONE_LEAD);
    expect_zone(&page, "chiếm 75%", FP_ZONE_BODY);
    expect_zone(&page, "Tin, ảnh: Hoàng Sơn", FP_ZONE_BYLINE);
    assert_string_equal(page.meta.byline, "Hoàng Sơn");
    expect_zone(&page, "Xem với cỡ chữ", FP_ZONE_CHROME);
    expect_zone(&page, "Tin liên quan", FP_ZONE_CHROME);
    expect_zone(&page, "đạt 95% chỉ tiêu", FP_ZONE_CHROME);
    expect_zone(&page, "2.000 hồ sơ", FP_ZONE_CHROME);
    expect_zone(&page, "Hôm nay: 1985", FP_ZONE_CHROME);
    expect_zone(&page, "56.6 %37.2 %", FP_ZONE_CHROME);
    release_page(&page);
}

static void page_without_article_falls_back(void **state)
{
    /* Nothing reads like an article: zoning still sets every line and
     * takes the title from <title>. */
    const char html[] =
        "<html><head><title>Liên hệ - Cổng thông tin điện tử quận Hải Châu"
        "</title></head><body><ul class=\"menu\"><li><a href=\"/\">Trang chủ"
        "</a></li><li><a href=\"/lh\">Liên hệ</a></li></ul>"
        "<p>Hôm nay: 1985</p></body></html>";
    fp_text t;
    zone_test_make_text(html, sizeof html - 1, 1, &t);
    fp_meta meta;
    fp_error err = {{0}};
    assert_int_equal(fp_zone_document(*state, &t, &meta, &err), 0);
    assert_int_equal(zone_test_zone_of(&t, "Hôm nay: 1985"), FP_ZONE_CHROME);
    assert_non_null(meta.title);
    fp_meta_free(&meta);
    fp_text_free(&t);
}

static void portal_title_is_stripped_from_html_title(void **state)
{
    const char html[] =
        "<html><head><title>CỔNG THÔNG TIN ĐIỆN TỬ QUẬN HẢI CHÂU - Hội nghị "
        "nhiệm kỳ 2016 - 2021</title></head><body><ul class=\"menu\"><li>"
        "<a href=\"/\">Trang chủ</a></li></ul></body></html>";
    fp_text t;
    zone_test_make_text(html, sizeof html - 1, 1, &t);
    fp_meta meta;
    fp_error err = {{0}};
    assert_int_equal(fp_zone_document(*state, &t, &meta, &err), 0);
    assert_string_equal(meta.title, "Hội nghị nhiệm kỳ 2016 - 2021");
    fp_meta_free(&meta);
    fp_text_free(&t);
}

/* Pages of the portal families: the facts' lines are article, the
 * surrounding furniture chrome. */
static void portal_div_layout(void **state)
{
    zoned_page page;
    zone_page(*state, "portal-div.html", &page);
    expect_zone(&page, "Tuyên dương 394 học sinh giỏi", FP_ZONE_TITLE);
    assert_string_equal(page.meta.date, "2021-03-18");
    expect_zone(&page, "Sáng ngày 17 tháng 3", FP_ZONE_LEAD);
    expect_article(&page, "991 trẻ em");
    expect_article(&page, "09 tập thể, 20 cá nhân");
    assert_string_equal(page.meta.byline, "Thanh Hà");
    expect_zone(&page, "Lượt xem:", FP_ZONE_CHROME);
    expect_zone(&page, "Kết nạp 73 đảng viên mới trong 9 tháng đầu năm",
                FP_ZONE_CHROME);
    release_page(&page);
}

static void portal_sharepoint_layout(void **state)
{
    zoned_page page;
    zone_page(*state, "portal-sharepoint.html", &page);
    expect_zone(&page, "Hội nghị Ban Chấp hành Đảng bộ quận lần thứ 22",
                FP_ZONE_TITLE);
    assert_string_equal(page.meta.date, "2018-03-17");
    expect_article(&page, "chiếm 90,2%");
    expect_article(&page, "69 đồng chí");
    assert_string_equal(page.meta.byline, "Xuân Quỳnh");
    expect_zone(&page, "Thứ Bảy, ngày 17/03/2018", FP_ZONE_CHROME);
    expect_zone(&page, "Công văn số 3924/UBND-VP", FP_ZONE_CHROME);
    expect_zone(&page, "56,7% hộ gia đình", FP_ZONE_CHROME);
    expect_zone(&page, "Rất hài lòng (6%)", FP_ZONE_CHROME);
    expect_zone(&page, "Đang truy cập: 81", FP_ZONE_CHROME);
    expect_zone(&page, "31.3 %60.4 %", FP_ZONE_CHROME);
    release_page(&page);
}

static void portal_table_layout(void **state)
{
    zoned_page page;
    zone_page(*state, "portal-table.html", &page);
    expect_zone(&page, "Quận 3: Hội nghị tổng kết công tác tuyển chọn",
                FP_ZONE_TITLE);
    assert_string_equal(page.meta.date, "2019-11-06");
    expect_article(&page, "5 đảng viên, chiếm 7,2%");
    expect_article(&page, "319 thanh niên");
    expect_zone(&page, "Cập nhật ngày: 06-11-2019", FP_ZONE_DATELINE);
    expect_zone(&page, "Tỷ lệ hộ nghèo giảm còn 30,8%", FP_ZONE_CHROME);
    expect_zone(&page, "Tỷ lệ hộ nghèo giảm còn 30,2%", FP_ZONE_CHROME);
    expect_zone(&page, "Báo chí (41%)", FP_ZONE_CHROME);
    expect_zone(&page, "Thứ Ba (05/11)", FP_ZONE_CHROME);
    release_page(&page);
}

static void portal_br_layout(void **state)
{
    zoned_page page;
    zone_page(*state, "portal-br.html", &page);
    expect_zone(&page, "Hương Thủy: Hội nghị sơ kết công tác tiếp công dân",
                FP_ZONE_TITLE);
    expect_zone(&page, "Cập nhật ngày 25 tháng 05 năm 2016",
                FP_ZONE_DATELINE);
    assert_string_equal(page.meta.date, "2016-05-25");
    expect_article(&page, "Sáng ngày 24 tháng 5 năm 2016");
    assert_string_equal(page.meta.byline, "Hà My");
    expect_zone(&page, "Nhiệt liệt chào mừng kỷ niệm 86 năm", FP_ZONE_CHROME);
    expect_zone(&page, "12,0% hộ gia đình", FP_ZONE_CHROME);
    expect_zone(&page, "Tổng cộng: 15041947", FP_ZONE_CHROME);
    expect_zone(&page, "1 5 0 4 1 9 4 7", FP_ZONE_CHROME);
    release_page(&page);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sidebar_menu_related_footer),
        cmocka_unit_test(page_without_class_cues),
        cmocka_unit_test(page_without_article_falls_back),
        cmocka_unit_test(portal_title_is_stripped_from_html_title),
        cmocka_unit_test(portal_div_layout),
        cmocka_unit_test(portal_sharepoint_layout),
        cmocka_unit_test(portal_table_layout),
        cmocka_unit_test(portal_br_layout),
    };
    return cmocka_run_group_tests(tests, setup_rules, free_rules);
}
