/* Documents without page chrome keep all their text as article: one
 * sentence, one paragraph, a plain-text notice, a page whose body is one
 * <p>.  A page that has text never yields an empty article; only lines
 * that are furniture by what they say (counters, tool links) stay out. */
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


/* Every line of the text is in the article (lead or body). */
static void expect_all_article(const zone_test_doc *z)
{
    for (size_t i = 0; i < z->text.n_lines; i++) {
        fp_zone_kind zone = z->text.lines[i].zone;
        if (zone != FP_ZONE_LEAD && zone != FP_ZONE_BODY)
            fail_msg("line %zu (\"%.*s\") has zone %d", i,
                     (int)(z->text.lines[i].end - z->text.lines[i].start),
                     z->text.text + z->text.lines[i].start, zone);
    }
}

static void one_sentence(void **state)
{
    static const char sentence[] =
        "Ủy ban nhân dân phường thông báo lịch tiếp công dân ngày 5/10/2018.";
    zone_test_doc z;
    zone_test_zone_doc(*state, sentence, 0, &z);
    expect_all_article(&z);
    assert_string_equal(z.article, sentence);
    /* The sentence is not also taken for a headline. */
    assert_null(z.meta.title);
    zone_test_release_doc(&z);

    /* A short one without a full stop, too. */
    zone_test_zone_doc(*state, "Phường có 45 tổ dân phố", 0, &z);
    expect_all_article(&z);
    assert_string_equal(z.article, "Phường có 45 tổ dân phố");
    zone_test_release_doc(&z);
}

static void one_and_two_paragraphs(void **state)
{
    static const char one[] =
        "Sáng nay, phường tổ chức hội nghị giao ban quý III. Có 45 đại biểu "
        "tham dự. Hội nghị đánh giá 87,5% chỉ tiêu đã hoàn thành.";
    zone_test_doc z;
    zone_test_zone_doc(*state, one, 0, &z);
    expect_all_article(&z);
    assert_string_equal(z.article, one);
    zone_test_release_doc(&z);

    /* Two paragraphs of sentences: the first is no headline. */
    zone_test_zone_doc(*state,
             "Sáng nay, phường tổ chức hội nghị giao ban quý III với 45 đại "
             "biểu.\nHội nghị đánh giá 87,5% chỉ tiêu của năm đã hoàn thành, "
             "còn 3 chỉ tiêu chưa đạt.\n",
             0, &z);
    expect_all_article(&z);
    assert_null(z.meta.title);
    assert_non_null(strstr(z.article, "45 đại biểu.\n\nHội nghị"));
    zone_test_release_doc(&z);
}

static void plain_text_notice(void **state)
{
    zone_test_doc z;
    zone_test_zone_doc(*state,
             "THÔNG BÁO\nVề việc tạm ngừng cấp nước\nDo sửa chữa đường ống, "
             "khu vực tổ 5 sẽ tạm ngừng cấp nước từ 8h đến 17h ngày "
             "12/3/2019. Mong bà con thông cảm.\n",
             0, &z);
    /* Nothing is chrome: the heading in capitals heads the notice with
     * its headline, the paragraph is the article's text. */
    for (size_t i = 0; i < z.text.n_lines; i++)
        assert_int_not_equal(z.text.lines[i].zone, FP_ZONE_CHROME);
    assert_int_equal(zone_test_zone_of(&z.text, "THÔNG BÁO"), FP_ZONE_TITLE);
    assert_string_equal(z.meta.title, "Về việc tạm ngừng cấp nước");
    assert_int_equal(zone_test_zone_of(&z.text, "Do sửa chữa"), FP_ZONE_LEAD);
    assert_non_null(strstr(z.article, "Mong bà con thông cảm."));
    zone_test_release_doc(&z);
}

static void page_whose_body_is_one_paragraph(void **state)
{
    zone_test_doc z;
    zone_test_zone_doc(*state,
             "<html><head><title>Thông báo tiêm chủng</title></head><body>"
             "<p>Phường tổ chức tiêm chủng cho 300 trẻ em vào sáng thứ Bảy."
             "</p></body></html>",
             1, &z);
    expect_all_article(&z);
    assert_string_equal(
        z.article, "Phường tổ chức tiêm chủng cho 300 trẻ em vào sáng thứ Bảy.");
    assert_string_equal(z.meta.title, "Thông báo tiêm chủng");
    zone_test_release_doc(&z);

    /* Text right in <body>, no block around it. */
    zone_test_zone_doc(*state, "<html><body>Phường có 45 tổ dân phố</body></html>", 1,
             &z);
    expect_all_article(&z);
    assert_string_equal(z.article, "Phường có 45 tổ dân phố");
    zone_test_release_doc(&z);

    /* A headline and one short paragraph. */
    zone_test_zone_doc(*state,
             "<html><body><h1>Lịch tiếp công dân</h1><p>Chủ tịch UBND "
             "phường tiếp công dân vào thứ Năm.</p></body></html>",
             1, &z);
    assert_int_equal(zone_test_zone_of(&z.text, "Lịch tiếp"), FP_ZONE_TITLE);
    assert_string_equal(z.article,
                        "Chủ tịch UBND phường tiếp công dân vào thứ Năm.");
    zone_test_release_doc(&z);
}

static void never_an_empty_article(void **state)
{
    zone_test_doc z;
    /* A line that alone would be a byline, a date line, a headline. */
    static const char *const lone[] = {
        "Thu Lan", "Ngày đăng: 12/03/2019", "<h1>Lịch tiếp công dân</h1>",
    };
    for (size_t i = 0; i < sizeof lone / sizeof *lone; i++) {
        zone_test_zone_doc(*state, lone[i], lone[i][0] == '<', &z);
        if (z.article[0] == '\0')
            fail_msg("\"%s\": empty article", lone[i]);
        zone_test_release_doc(&z);
    }
    /* Date line and headline keep their meaning in the metadata. */
    zone_test_zone_doc(*state, "Ngày đăng: 12/03/2019", 0, &z);
    assert_string_equal(z.meta.date, "2019-03-12");
    zone_test_release_doc(&z);
}

static void furniture_stays_chrome(void **state)
{
    /* A page of nothing but furniture by what it says: tool links and
     * counters are never article, even when nothing else is
     * (docs/GUIDELINE.md, Article and chrome). */
    zone_test_doc z;
    zone_test_zone_doc(*state, "Trang chủ\nLiên hệ\nHôm nay: 1985\nTổng cộng: 18165267\n",
             0, &z);
    for (size_t i = 0; i < z.text.n_lines; i++)
        assert_int_equal(z.text.lines[i].zone, FP_ZONE_CHROME);
    assert_string_equal(z.article, "");
    zone_test_release_doc(&z);

    /* Beside one sentence, the counter stays chrome too. */
    zone_test_zone_doc(*state, "Phường có 45 tổ dân phố\nHôm nay: 1985\n", 0, &z);
    assert_int_equal(zone_test_zone_of(&z.text, "Hôm nay"), FP_ZONE_CHROME);
    assert_string_equal(z.article, "Phường có 45 tổ dân phố");
    zone_test_release_doc(&z);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(one_sentence),
        cmocka_unit_test(one_and_two_paragraphs),
        cmocka_unit_test(plain_text_notice),
        cmocka_unit_test(page_whose_body_is_one_paragraph),
        cmocka_unit_test(never_an_empty_article),
        cmocka_unit_test(furniture_stays_chrome),
    };
    return cmocka_run_group_tests(tests, setup_rules, free_rules);
}
