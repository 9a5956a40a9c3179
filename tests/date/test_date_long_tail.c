/*
 * The long tail of dates (the guideline, docs/GUIDELINE.md, "date"):
 * spans of bare years after "từ … đến" before a clause, spans whose ends
 * are the start, middle or end of a month or a year ("từ tháng 7 đến cuối
 * tháng 9"), lunar spans named by a year of the sixty-year cycle (no
 * facts), slashes set off by spaces ("ngày 2 /9/ 1945"), quarters written
 * short ("Q2/2024"), a day and month after the session or batch it names
 * ("phiên 15/3", "đợt 19/5"), the year of an event named after its month
 * ("Cách mạng Tháng Tám năm 1945"), and two-digit years read at most ten
 * years after the article's.  Each next to what it must not be confused
 * with.  The sentences are written for these tests.
 */
#include "date_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#define N_CASES(cases) (sizeof(cases) / sizeof *(cases))
#define NONE {{NULL, NULL}}

/* "từ 2011 đến 2015 huyện đã ...": a clause may follow a span of years. */
static void spans_of_bare_years(void **state)
{
    static const date_case cases[] = {
        {"Từ 2011 đến 2015 huyện đã làm mới 30 km đường.", NULL, 1,
         {{"2011/2015", "Từ 2011 đến 2015"}}},
        {"Ông cho biết từ 2010 đến 2020 tỉnh thu hút 90 dự án.", NULL, 1,
         {{"2010/2020", "từ 2010 đến 2020"}}},
        {"Từ 2016 - 2020 thành phố xây 12 trường.", NULL, 1,
         {{"2016/2020", "Từ 2016 - 2020"}}},
        /* prices and counts are round figures */
        {"Giá thu mua từ 1900 đến 2000 đồng mỗi ký.", NULL, 0, NONE},
        {"Mỗi ngày xã đón từ 1950 - 2000 lượt khách.", NULL, 0, NONE},
    };
    check_date_cases(cases, N_CASES(cases), NULL);
}

/* "đầu", "giữa", "cuối" before an end of a span. */
static void spans_with_edges(void **state)
{
    static const date_case cases[] = {
        {"Mùa mưa bão kéo dài từ tháng 8 đến cuối tháng 11.", "2023-06-01",
         1, {{"2023-08/2023-11", "từ tháng 8 đến cuối tháng 11"}}},
        {"Mùa mưa bão kéo dài từ tháng 8 đến cuối tháng 11.", NULL, 1,
         {{"--08/--11", "từ tháng 8 đến cuối tháng 11"}}},
        {"Công trình thi công từ đầu tháng 3 đến giữa tháng 5/2022.", NULL,
         1, {{"2022-03/2022-05", "từ đầu tháng 3 đến giữa tháng 5/2022"}}},
        {"Giá tăng từ cuối năm 2019 đến đầu năm 2021.", NULL, 1,
         {{"2019/2021", "từ cuối năm 2019 đến đầu năm 2021"}}},
        /* an edge alone leaves the date as it was */
        {"Dự kiến đến cuối tháng 9 sẽ xong.", "2020-05-15", 1,
         {{"2020-09", "tháng 9"}}},
    };
    check_date_cases(cases, N_CASES(cases), NULL);
}

/* "năm Ất Tỵ" after a day and month: the lunar calendar's. */
static void lunar_spans(void **state)
{
    static const date_case cases[] = {
        {"Hội làng diễn ra từ mùng 8 đến mùng 10 tháng 2 năm Ất Tỵ.",
         "2025-02-20", 0, NONE},
        {"Giỗ tổ vào ngày 12 tháng 3 năm Quý Mão, thu hút 3.000 người.",
         "2023-04-01", 0, NONE},
        /* the solar calendar's own */
        {"Hội chợ diễn ra từ ngày 5 đến ngày 7 tháng 2 năm 2025.", NULL, 1,
         {{"2025-02-05/2025-02-07", "từ ngày 5 đến ngày 7 tháng 2 năm "
                                    "2025"}}},
    };
    check_date_cases(cases, N_CASES(cases), NULL);
}

/* "ngày 2 /9/ 1945": spaces around the slashes of a full date. */
static void slashes_set_off_by_spaces(void **state)
{
    static const date_case cases[] = {
        {"Ngày 2 /9/ 1945, Chủ tịch Hồ Chí Minh đọc Tuyên ngôn.", NULL, 1,
         {{"1945-09-02", "Ngày 2 /9/ 1945"}}},
        {"Khởi nghĩa thắng lợi ngày 19 / 8 / 1945 tại Hà Nội.", NULL, 1,
         {{"1945-08-19", "ngày 19 / 8 / 1945"}}},
        /* a fraction is no date */
        {"Có 1 / 3 số hộ đã nhận hỗ trợ năm 2020.", NULL, 1,
         {{"2020", "năm 2020"}}},
    };
    check_date_cases(cases, N_CASES(cases), NULL);
}

/* "Q2/2024", "Q.3/2023". */
static void quarters_written_short(void **state)
{
    static const date_case cases[] = {
        {"Doanh thu Q2/2024 tăng 12%.", NULL, 1, {{"2024-Q2", "Q2/2024"}}},
        {"Lợi nhuận Q.3/2023 đạt 50 tỷ đồng.", NULL, 1,
         {{"2023-Q3", "Q.3/2023"}}},
        /* District 1 of Hồ Chí Minh City */
        {"Cửa hàng ở Q.1, TP.HCM mở cửa đến 22 giờ.", NULL, 0, NONE},
        {"Q1 có 10 phường.", NULL, 0, NONE},
    };
    check_date_cases(cases, N_CASES(cases), NULL);
}

/* "phiên 15/3", "đợt 19/5": the day the session or batch is held. */
static void sessions_and_batches(void **state)
{
    static const date_case cases[] = {
        {"VN-Index đóng cửa phiên 15/3 ở mức 1.250 điểm.", "2024-03-16", 1,
         {{"2024-03-15", "15/3"}}},
        {"Tỉnh ủy trao Huy hiệu Đảng đợt 19/5 cho 120 đảng viên.", NULL, 1,
         {{"--05-19", "19/5"}}},
        /* a batch of a year is numbered, not dated */
        {"Danh sách xét tuyển đợt 1/2024 có 300 hồ sơ.", NULL, 0, NONE},
        {"Đội bóng vào vòng 1/8 giải châu Á.", NULL, 0, NONE},
    };
    check_date_cases(cases, N_CASES(cases), NULL);
}

/* "Cách mạng Tháng Tám năm 1945": the month names the event; the year
 * stays a fact. */
static void years_of_named_events(void **state)
{
    static const date_case cases[] = {
        {"Sau Cách mạng Tháng Tám năm 1945, xã có chi bộ đầu tiên.", NULL, 1,
         {{"1945", "năm 1945"}}},
        {"Cách mạng Tháng Mười Nga năm 1917 mở ra thời đại mới.", NULL, 1,
         {{"1917", "năm 1917"}}},
        {"Tinh thần Cách mạng Tháng Tám còn mãi.", NULL, 0, NONE},
    };
    check_date_cases(cases, N_CASES(cases), NULL);
}

/* Two-digit years: at most ten years after the article's year. */
static void two_digit_years(void **state)
{
    static const date_case cases[] = {
        {"Ông nhập ngũ ngày 27/7/47 tại Nghệ An.", "2023-05-10", 1,
         {{"1947-07-27", "ngày 27/7/47"}}},
        {"Kỷ niệm (27/7/47 - 27/7/23), xã tặng 50 suất quà.", "2023-05-10",
         1, {{"1947-07-27/2023-07-27", "27/7/47 - 27/7/23"}}},
        {"Hạn chót nộp hồ sơ là ngày 30/6/25.", "2023-05-10", 1,
         {{"2025-06-30", "ngày 30/6/25"}}},
        {"Ông vào Đảng tháng 4/75, khi 20 tuổi.", "2023-05-10", 1,
         {{"1975-04", "tháng 4/75"}}},
        {"Số liệu đến tháng 12/22 cho thấy 5 xã đạt chuẩn.", "2023-05-10", 1,
         {{"2022-12", "tháng 12/22"}}},
        {"Ngày 3/3/17, xã khởi công cầu.", "2023-05-10", 1,
         {{"2017-03-03", "Ngày 3/3/17"}}},
    };
    check_date_cases(cases, N_CASES(cases), NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(spans_of_bare_years),
        cmocka_unit_test(spans_with_edges),
        cmocka_unit_test(lunar_spans),
        cmocka_unit_test(slashes_set_off_by_spaces),
        cmocka_unit_test(quarters_written_short),
        cmocka_unit_test(sessions_and_batches),
        cmocka_unit_test(years_of_named_events),
        cmocka_unit_test(two_digit_years),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
