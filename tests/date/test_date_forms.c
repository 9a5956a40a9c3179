/*
 * What the date plugin reports, table-driven: every date example of
 * docs/GUIDELINE.md first, then each written form, with and without the article's
 * date, two-digit years, intervals and spans, and impossible dates.
 */
#include "date_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#define N_CASES(cases) (sizeof(cases) / sizeof *(cases))
#define NONE {{NULL, NULL}}

static const char ARTICLE[] = "2018-10-09";

static void facts_md_examples(void **state)
{
    static const date_case cases[] = {
        {"05/10/2018", NULL, 1, {{"2018-10-05", "05/10/2018"}}},
        {"05-10-2018", NULL, 1, {{"2018-10-05", "05-10-2018"}}},
        {"5.10.2018", NULL, 1, {{"2018-10-05", "5.10.2018"}}},
        {"ngày 5 tháng 10 năm 2018", NULL, 1,
         {{"2018-10-05", "ngày 5 tháng 10 năm 2018"}}},
        {"tháng 10/2018", NULL, 1, {{"2018-10", "tháng 10/2018"}}},
        {"tháng 10 năm 2018", NULL, 1, {{"2018-10", "tháng 10 năm 2018"}}},
        {"năm 2018", NULL, 1, {{"2018", "năm 2018"}}},
        {"đến năm 2020", NULL, 1, {{"2020", "năm 2020"}}},
        {"nhiệm kỳ 2016 - 2021", NULL, 1,
         {{"2016/2021", "nhiệm kỳ 2016 - 2021"}}},
        {"giai đoạn 2016-2020", NULL, 1,
         {{"2016/2020", "giai đoạn 2016-2020"}}},
        {"quý III/2018", NULL, 1, {{"2018-Q3", "quý III/2018"}}},
        {"sáng 15/3", "2019-04-02", 1, {{"2019-03-15", "15/3"}}},
        {"ngày 20 tháng 3", "2019-04-02", 1,
         {{"2019-03-20", "ngày 20 tháng 3"}}},
        {"ngày 24-7", "2019-08-01", 1, {{"2019-07-24", "ngày 24-7"}}},
        {"sáng 15/3", NULL, 1, {{"--03-15", "15/3"}}},
        {"ngày 20 tháng 3", NULL, 1, {{"--03-20", "ngày 20 tháng 3"}}},
        {"3/3/17", ARTICLE, 1, {{"2017-03-03", "3/3/17"}}},
        {"3/9/91", ARTICLE, 1, {{"1991-09-03", "3/9/91"}}},
        {"tháng mười năm 2017", NULL, 1,
         {{"2017-10", "tháng mười năm 2017"}}},
        {"từ ngày 15/3 đến ngày 20/3/2019", NULL, 1,
         {{"2019-03-15/2019-03-20", "từ ngày 15/3 đến ngày 20/3/2019"}}},
        {"Sinh năm 1987", NULL, 1, {{"1987", "Sinh năm 1987"}}},
        {"(SN 1997)", NULL, 1, {{"1997", "SN 1997"}}},
        {"trong 5 năm", NULL, 0, NONE},
        {"khóa XI", NULL, 0, NONE},
        {"lúc 8 giờ 30", NULL, 0, NONE},
        {"146/2017/TT-BTC", NULL, 0, NONE},
        {"Thông tư liên tịch 01/2017", NULL, 0, NONE},
        {"mồng 5 Tết", ARTICLE, 0, NONE},
        {"cùng ngày, 6 tháng đầu năm", ARTICLE, 0, NONE},
        {"hôm nay, năm nay", NULL, 0, NONE}, /* no article date */
        {"Kế hoạch số 112/KH-UBND ngày 15/01/2019", NULL, 1,
         {{"2019-01-15", "ngày 15/01/2019"}}},
        {"Cập nhật ngày: 09-10-2018", NULL, 1, {{"2018-10-09", "09-10-2018"}}},
    };
    check_date_cases(cases, N_CASES(cases), NULL);
}

static void full_days(void **state)
{
    static const date_case cases[] = {
        {"Sáng ngày 05/10/2018, Quận ủy", NULL, 1,
         {{"2018-10-05", "ngày 05/10/2018"}}},
        {"Ngày 05 tháng 10 năm 2018", NULL, 1,
         {{"2018-10-05", "Ngày 05 tháng 10 năm 2018"}}},
        {"NGÀY 1 THÁNG 1 NĂM 2019", NULL, 1,
         {{"2019-01-01", "NGÀY 1 THÁNG 1 NĂM 2019"}}},
        {"mồng 3 tháng 3 năm 2019", NULL, 1,
         {{"2019-03-03", "mồng 3 tháng 3 năm 2019"}}},
        {"mùng 2/9/1945", NULL, 1, {{"1945-09-02", "mùng 2/9/1945"}}},
        {"ngày 12 tháng mười hai năm 2023", NULL, 1,
         {{"2023-12-12", "ngày 12 tháng mười hai năm 2023"}}},
        {"ngày 9 tháng năm năm 2018", NULL, 1,
         {{"2018-05-09", "ngày 9 tháng năm năm 2018"}}},
        {"Vào lúc 8h30, ngày 5/10/2018", NULL, 1,
         {{"2018-10-05", "ngày 5/10/2018"}}},
        {"vào 14:30 ngày 01.12.2019", NULL, 1,
         {{"2019-12-01", "ngày 01.12.2019"}}},
        {"Thứ Hai, 09/10/2018, 08:30 (GMT+7)", NULL, 1,
         {{"2018-10-09", "09/10/2018"}}},
        {"ngày 28/9/2018 và ngày 04/10/2018", NULL, 2,
         {{"2018-09-28", "ngày 28/9/2018"},
          {"2018-10-04", "ngày 04/10/2018"}}},
        {"29/02/2020", NULL, 1, {{"2020-02-29", "29/02/2020"}}},
        {"ngày 24 và 25/3/2019", NULL, 2,
         {{"2019-03-24", "ngày 24"}, {"2019-03-25", "25/3/2019"}}},
        {"ngày 30/4 và 1/5", "2019-05-10", 2,
         {{"2019-04-30", "ngày 30/4"}, {"2019-05-01", "1/5"}}},
        {"sáng 30/4 và 1/5", "2019-05-10", 2,
         {{"2019-04-30", "30/4"}, {"2019-05-01", "1/5"}}},
        {"ngày 10 và 25 hằng tháng", NULL, 0, {{NULL, NULL}}},
        {"năm 2019 và 2020", NULL, 2,
         {{"2019", "năm 2019"}, {"2020", "2020"}}},
    };
    check_date_cases(cases, N_CASES(cases), NULL);
}

static void days_without_year(void **state)
{
    static const date_case cases[] = {
        {"Chiều 27/5, Ban Thường vụ", "2021-05-31", 1,
         {{"2021-05-27", "27/5"}}},
        {"Tối ngày 13/7", "2021-05-31", 1, {{"2021-07-13", "ngày 13/7"}}},
        {"Sáng thứ Sáu (03/03)", "2017-03-04", 1, {{"2017-03-03", "03/03"}}},
        {"Sáng thứ hai, 15/3", "2019-03-20", 1, {{"2019-03-15", "15/3"}}},
        {"Chủ nhật (17/3)", "2019-03-20", 1, {{"2019-03-17", "17/3"}}},
        {"vào 15/3 tới", "2019-03-01", 1, {{"2019-03-15", "15/3"}}},
        {"trước 15/3.", "2019-03-01", 1, {{"2019-03-15", "15/3"}}},
        {"hôm 15/3", NULL, 1, {{"--03-15", "15/3"}}},
        {"ngày 29/02", "2020-05-01", 1, {{"2020-02-29", "ngày 29/02"}}},
        {"ngày 29/02", NULL, 1, {{"--02-29", "ngày 29/02"}}},
        {"ngày 15.3", "2019-04-01", 1, {{"2019-03-15", "ngày 15.3"}}},
        {"mồng 3 tháng 3", "2019-04-01", 1,
         {{"2019-03-03", "mồng 3 tháng 3"}}},
        {"ngày 20 tháng 3", "2019", 1, {{"2019-03-20", "ngày 20 tháng 3"}}},
        {"ngày 20 tháng 3", "2019-04", 1,
         {{"2019-03-20", "ngày 20 tháng 3"}}},
    };
    check_date_cases(cases, N_CASES(cases), NULL);
}

static void months_quarters_years(void **state)
{
    static const date_case cases[] = {
        {"tháng 02/2019", NULL, 1, {{"2019-02", "tháng 02/2019"}}},
        {"tháng 7/2016", NULL, 1, {{"2016-07", "tháng 7/2016"}}},
        {"tháng 10-2018", NULL, 1, {{"2018-10", "tháng 10-2018"}}},
        {"tháng mười hai năm 2019", NULL, 1,
         {{"2019-12", "tháng mười hai năm 2019"}}},
        {"tháng tư năm 1975", NULL, 1, {{"1975-04", "tháng tư năm 1975"}}},
        {"quý 3 năm 2018", NULL, 1, {{"2018-Q3", "quý 3 năm 2018"}}},
        {"quý I năm 2019", NULL, 1, {{"2019-Q1", "quý I năm 2019"}}},
        {"Quý IV/2017", NULL, 1, {{"2017-Q4", "Quý IV/2017"}}},
        {"quý II năm 2017", NULL, 1, {{"2017-Q2", "quý II năm 2017"}}},
        {"năm 2016, năm 2017", NULL, 2,
         {{"2016", "năm 2016"}, {"2017", "năm 2017"}}},
        {"6 tháng đầu năm 2018", NULL, 1, {{"2018", "năm 2018"}}},
        {"9 tháng năm 2018", NULL, 1, {{"2018", "năm 2018"}}},
        /* the title of a monthly report: the month, then nine months */
        {"tháng Chín và 9 tháng năm 2023", NULL, 2,
         {{"--09", "tháng Chín"}, {"2023", "năm 2023"}}},
        {"tháng 9 và 9 tháng năm 2023", NULL, 2,
         {{"--09", "tháng 9"}, {"2023", "năm 2023"}}},
        {"tháng 8 và 9 năm 2023", NULL, 2,
         {{"2023-08", "tháng 8"}, {"2023-09", "9 năm 2023"}}},
        {"Sinh năm 1987, quê", NULL, 1, {{"1987", "Sinh năm 1987"}}},
        {"Xuân Kỷ Hợi năm 2019", NULL, 1, {{"2019", "năm 2019"}}},
    };
    check_date_cases(cases, N_CASES(cases), NULL);
}

static void spans_and_intervals(void **state)
{
    static const date_case cases[] = {
        {"năm học 2019 - 2020", NULL, 1,
         {{"2019/2020", "năm học 2019 - 2020"}}},
        {"nhiệm kỳ 2020–2025", NULL, 1, {{"2020/2025", "nhiệm kỳ 2020–2025"}}},
        {"giai đoạn 2011 – 2015", NULL, 1,
         {{"2011/2015", "giai đoạn 2011 – 2015"}}},
        {"từ năm 2016 đến năm 2020", NULL, 1,
         {{"2016/2020", "từ năm 2016 đến năm 2020"}}},
        {"từ 15 - 20/3/2019", NULL, 1,
         {{"2019-03-15/2019-03-20", "từ 15 - 20/3/2019"}}},
        {"từ ngày 30-12-2016 đến ngày 04-01-2017", NULL, 1,
         {{"2016-12-30/2017-01-04",
           "từ ngày 30-12-2016 đến ngày 04-01-2017"}}},
        {"từ ngày 11/12/2018 đến ngày 01/1/2019", NULL, 1,
         {{"2018-12-11/2019-01-01", "từ ngày 11/12/2018 đến ngày 01/1/2019"}}},
        {"từ ngày 31/03 đến ngày 01/4/2017", NULL, 1,
         {{"2017-03-31/2017-04-01", "từ ngày 31/03 đến ngày 01/4/2017"}}},
        {"từ ngày 23/4 đến ngày 08-5-2017", NULL, 1,
         {{"2017-04-23/2017-05-08", "từ ngày 23/4 đến ngày 08-5-2017"}}},
        {"từ ngày 30/12 đến hết ngày 4/1/2017", NULL, 1,
         {{"2016-12-30/2017-01-04", "từ ngày 30/12 đến hết ngày 4/1/2017"}}},
        {"từ ngày 15/3 đến ngày 20/3", "2019-03-01", 1,
         {{"2019-03-15/2019-03-20", "từ ngày 15/3 đến ngày 20/3"}}},
        {"từ ngày 15/3 đến ngày 20/3", NULL, 1,
         {{"--03-15/--03-20", "từ ngày 15/3 đến ngày 20/3"}}},
        {"ngày 10-12/3/2019", NULL, 1,
         {{"2019-03-10/2019-03-12", "ngày 10-12/3/2019"}}},
        {"từ 15/3-20/3/2019", NULL, 1,
         {{"2019-03-15/2019-03-20", "từ 15/3-20/3/2019"}}},
        {"từ tháng 3 đến tháng 5/2019", NULL, 1,
         {{"2019-03/2019-05", "từ tháng 3 đến tháng 5/2019"}}},
        {"từ quý I đến quý III/2019", NULL, 1,
         {{"2019-Q1/2019-Q3", "từ quý I đến quý III/2019"}}},
    };
    check_date_cases(cases, N_CASES(cases), NULL);
}

static void impossible_dates(void **state)
{
    static const date_case cases[] = {
        {"31/02/2019", NULL, 0, NONE},
        {"29/02/2019", NULL, 0, NONE},
        {"ngày 29/02", "2019-05-01", 0, NONE},
        {"ngày 15/13/2019", NULL, 0, NONE},
        {"tháng 13/2018", NULL, 0, NONE},
        {"ngày 32 tháng 1 năm 2019", NULL, 0, NONE},
        {"ngày 0/1/2019", NULL, 0, NONE},
        {"ngày 31 tháng 4 năm 2019", NULL, 0, NONE},
        {"quý V/2018", NULL, 0, NONE},
        {"giai đoạn 2020 - 2016", NULL, 0, NONE},
        {"từ ngày 20/3 đến ngày 15/3/2019", NULL, 2,
         {{"--03-20", "ngày 20/3"}, {"2019-03-15", "ngày 15/3/2019"}}},
    };
    check_date_cases(cases, N_CASES(cases), NULL);
}

/* A block without a single figure is not read for dates, unless a word
 * that opens a month or a quarter is in it: those are named in words. */
static void dates_without_figures(void **state)
{
    static const date_case cases[] = {
        {"Từ tháng sáu, giá lúa tăng mạnh.", ARTICLE, 1,
         {{"2018-06", "tháng sáu"}}},
        {"Kế hoạch quý III năm nay đã xong.", ARTICLE, 1,
         {{"2018-Q3", "quý III năm nay"}}},
        {"Kết quả THÁNG CHÍN, tháng mười.", NULL, 2,
         {{"--09", "THÁNG CHÍN"}, {"--10", "tháng mười"}}},
        {"Giá lúa tăng mạnh so với cùng kỳ.", ARTICLE, 0, NONE},
    };
    check_date_cases(cases, N_CASES(cases), NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(facts_md_examples),
        cmocka_unit_test(full_days),
        cmocka_unit_test(days_without_year),
        cmocka_unit_test(months_quarters_years),
        cmocka_unit_test(spans_and_intervals),
        cmocka_unit_test(impossible_dates),
        cmocka_unit_test(dates_without_figures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
