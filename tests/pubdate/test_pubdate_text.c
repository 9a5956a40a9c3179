/* The article's date in its text: the date line by the headline in
 * Vietnamese, English and German, zoning's date lines, the lead's own
 * dateline; and the dates that are never the article's (prose, chrome,
 * "today", ©, comments, lists of other news). */
#include "pubdate_test_util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* A plain-text page: headline, the given line, a paragraph. */
static void expect_line(void **state, const char *headline, const char *line,
                        const char *paragraph, const char *expected)
{
    char page[2048];
    snprintf(page, sizeof page, "%s\n%s\n%s\n", headline, line, paragraph);
    pd_expect(*state, page, 0, NULL, expected, PD_EV_DATELINE);
}

static const char vi_title[] =
    "Quận Hải Châu tổng kết công tác cải cách hành chính năm 2012";
static const char vi_lead[] =
    "Sáng nay, UBND quận tổ chức hội nghị tổng kết công tác cải cách hành "
    "chính, có 120 đại biểu tham dự.";

static void vietnamese_datelines(void **state)
{
    expect_line(state, vi_title, "Thứ hai, 24/12/2012 10:30 (GMT+7)", vi_lead,
                "2012-12-24");
    expect_line(state, vi_title, "Thứ Hai, 24/12/2012 - 10:30", vi_lead,
                "2012-12-24");
    expect_line(state, vi_title, "Cập nhật lúc 10:30 ngày 24/12/2012",
                vi_lead, "2012-12-24");
    expect_line(state, vi_title, "Ngày đăng: 24/12/2012", vi_lead,
                "2012-12-24");
    expect_line(state, vi_title, "Thứ Hai, ngày 24 tháng 12 năm 2012",
                vi_lead, "2012-12-24");
    expect_line(state, vi_title, "24-12-2012 10:30", vi_lead, "2012-12-24");
    /* Portal date lines of two-digit years. */
    expect_line(state, vi_title, "Đăng lúc: 10:30 - 24/12/12", vi_lead,
                "2012-12-24");
}

static void english_datelines(void **state)
{
    static const char title[] = "Council approves the new harbour plan";
    static const char lead[] =
        "The city council approved the new harbour plan on Tuesday, after "
        "a debate that lasted most of the evening.";
    expect_line(state, title, "Published on March 3, 2019", lead,
                "2019-03-03");
    expect_line(state, title, "By Anna Berg | Mar. 3rd, 2019 | 5 comments",
                lead, "2019-03-03");
    expect_line(state, title, "Sunday, 3rd of March 2019", lead,
                "2019-03-03");
    expect_line(state, title, "Posted by admin on 03/03/2019", lead,
                "2019-03-03");
    /* Publication before modification, wherever each stands. */
    expect_line(state, title,
                "Updated March 5, 2019 · Published March 3, 2019", lead,
                "2019-03-03");
    expect_line(state, title, "Last updated: 5 March 2019", lead,
                "2019-03-05");
}

static void german_datelines(void **state)
{
    static const char title[] = "Stadtrat beschließt den neuen Hafenplan";
    static const char lead[] =
        "Der Stadtrat hat am Dienstag den neuen Hafenplan beschlossen, nach "
        "einer Debatte, die fast den ganzen Abend dauerte.";
    expect_line(state, title, "3. März 2019", lead, "2019-03-03");
    expect_line(state, title, "Veröffentlicht am 20.01.2022 um 10:30 Uhr",
                lead, "2022-01-20");
    expect_line(state, title, "Donnerstag, 31. Oktober 2023", lead,
                "2023-10-31");
    expect_line(state, title, "Von Björn Jahner | 31.10.23", lead,
                "2023-10-31");
    expect_line(state, title, "Stand: 28.04.2020 18:00 Uhr", lead,
                "2020-04-28");
    /* In capitals, as some sites print them. */
    expect_line(state, title, "3. MÄRZ 2019", lead, "2019-03-03");
}

static void month_first_for_us_pages(void **state)
{
    static const char middle[] = "<p class=\"date\">03/04/2019</p>";
    char *page = pd_test_html("", middle);
    /* pd_test_html writes lang="en": day first. */
    pd_expect(*state, page, 1, NULL, "2019-04-03", PD_EV_DATELINE);
    char *us = strstr(page, "lang=\"en\"");
    assert_non_null(us);
    char *copy = malloc(strlen(page) + 8);
    assert_non_null(copy);
    size_t head = (size_t)(us - page);
    memcpy(copy, page, head);
    strcpy(copy + head, "lang=\"en-US\"");
    strcat(copy, us + strlen("lang=\"en\""));
    pd_expect(*state, copy, 1, NULL, "2019-03-04", PD_EV_DATELINE);
    free(copy);
    free(page);
}

static void zoned_dateline_under_the_article(void **state)
{
    /* The seed page's "Cập nhật ngày" line stands after the article and
     * after dates in prose. */
    pd_expect(*state,
              "Sơ kết 05 năm thực hiện Đề án 02\n"
              "Sáng ngày 05/10/2018, Quận ủy tổ chức Hội nghị sơ kết 05 năm "
              "thực hiện Đề án, có 120 đại biểu tham dự.\n"
              "Thu Lan\n"
              "Cập nhật ngày: 09-10-2018\n"
              "Các tin khác\n"
              "Hội nghị giao ban quý III (05-10-2018 13:30)\n",
              0, NULL, "2018-10-09", PD_EV_DATELINE);
}

static void lead_datelines(void **state)
{
    pd_expect(*state,
              "Stadtrat beschließt den neuen Hafenplan\n"
              "BERLIN, 20.01.2022 – Der Stadtrat hat am Dienstag den neuen "
              "Hafenplan beschlossen, nach einer langen Debatte.\n",
              0, NULL, "2022-01-20", PD_EV_LEAD);
    pd_expect(*state,
              "Thủ tướng dự hội nghị tổng kết ngành ngân hàng\n"
              "(Chinhphu.vn) - Ngày 24/12/2012, Thủ tướng dự hội nghị tổng kết "
              "ngành ngân hàng, có 300 đại biểu tham dự.\n",
              0, NULL, "2012-12-24", PD_EV_LEAD);
}

static void dates_in_prose_are_events(void **state)
{
    /* A sentence's date is what happened, not when it was written: with
     * no date line the article has no date. */
    pd_expect(*state,
              "Hội nghị tổng kết công tác năm 2018\n"
              "Sáng ngày 22/12/2018, phường tổ chức hội nghị tổng kết. Có 120 "
              "đại biểu tham dự hội nghị.\n",
              0, NULL, NULL, PD_EV_DATELINE);
    pd_expect(*state,
              "Thu ngân sách 9 tháng năm 2020 đạt 59,6% dự toán\n"
              "UBND quận cho biết thu ngân sách 9 tháng năm 2020 đạt 59,6% dự "
              "toán, tăng 12% so với cùng kỳ.\n",
              0, NULL, NULL, PD_EV_DATELINE);
}

static void chrome_dates_are_refused(void **state)
{
    static const char lead[] =
        "Sáng nay, UBND phường tổ chức hội nghị giao ban, có 45 đại biểu "
        "tham dự.";
    expect_line(state, "Hội nghị giao ban quý IV",
                "Hôm nay: Thứ Hai, 24/12/2012", lead, NULL);
    expect_line(state, "Council approves the new harbour plan",
                "Today is Monday, December 24, 2012", lead, NULL);
    expect_line(state, "Council approves the new harbour plan",
                "© 24.12.2012 Example Times", lead, NULL);
    expect_line(state, "Stadtrat beschließt den neuen Hafenplan",
                "Abgerufen am 24.12.2012", lead, NULL);
    /* A calendar widget and a comment by the headline. */
    char *page = pd_test_html(
        "", "<div class=\"calendar\"><p>24.12.2012</p></div>"
            "<div class=\"comment-meta\"><p>25.12.2012</p></div>");
    pd_expect(*state, page, 1, NULL, NULL, PD_EV_DATELINE);
    free(page);
    /* A box of related news, though its lines are bare dates. */
    page = pd_test_html("", "<ul class=\"related-posts\"><li>26.12.2012</li>"
                            "<li>27.12.2012</li></ul>");
    pd_expect(*state, page, 1, NULL, NULL, PD_EV_DATELINE);
    free(page);
    /* Other news after "Các tin khác" (config's [end-of-article]). */
    pd_expect(*state,
              "Hội nghị giao ban quý IV\n"
              "Sáng nay, UBND phường tổ chức hội nghị giao ban, có 45 đại biểu "
              "tham dự.\n"
              "Các tin khác\n"
              "26/12/2012\n"
              "Tổng kết năm (27/12/2012)\n",
              0, NULL, NULL, PD_EV_DATELINE);
}

static void date_class_box_by_the_headline(void **state)
{
    char *page = pd_test_html(
        "", "<div class=\"post-meta\"><span>Anna Berg</span> <span>in "
            "Politics and City Hall, Harbour</span> <span>21 October "
            "2019</span></div>");
    pd_expect(*state, page, 1, NULL, "2019-10-21", PD_EV_DATELINE);
    free(page);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(vietnamese_datelines),
        cmocka_unit_test(english_datelines),
        cmocka_unit_test(german_datelines),
        cmocka_unit_test(month_first_for_us_pages),
        cmocka_unit_test(zoned_dateline_under_the_article),
        cmocka_unit_test(lead_datelines),
        cmocka_unit_test(dates_in_prose_are_events),
        cmocka_unit_test(chrome_dates_are_refused),
        cmocka_unit_test(date_class_box_by_the_headline),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
