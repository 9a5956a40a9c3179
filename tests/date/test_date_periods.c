/*
 * Periods of years as news writes them (the guideline, docs/GUIDELINE.md,
 * "date": a span is one fact wherever it stands, in parentheses too):
 * several spans joined by a comma or "và", in brackets or after a plural
 * period word, and the crop seasons that span the turn of a year.  Every
 * sentence is written for this test.
 */
#include "date_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#define N_CASES(cases) (sizeof(cases) / sizeof *(cases))
#define NONE {{NULL, NULL}}

/* "(2005 - 2010 và 2010 - 2015)": one interval per span. */
static void joined_year_spans(void **state)
{
    static const date_case cases[] = {
        {"Bà là đại biểu HĐND tỉnh hai khóa (2004 - 2011 và 2011 - 2016).",
         NULL, 2,
         {{"2004/2011", "2004 - 2011"}, {"2011/2016", "2011 - 2016"}}},
        {"Ông làm Chủ tịch xã ba nhiệm kỳ 2005 - 2010, 2010 - 2015 và "
         "2015 - 2020 liên tiếp.", NULL, 3,
         {{"2005/2010", "nhiệm kỳ 2005 - 2010"}, {"2010/2015", "2010 - 2015"},
          {"2015/2020", "2015 - 2020"}}},
        {"Hai giai đoạn 2011 - 2015 và 2016 - 2020 đều đạt chỉ tiêu.", NULL,
         2, {{"2011/2015", "giai đoạn 2011 - 2015"},
             {"2016/2020", "2016 - 2020"}}},
        {"Trường đạt danh hiệu (2019 đến 2021, 2021 đến 2023).", NULL, 2,
         {{"2019/2021", "2019 đến 2021"}, {"2021/2023", "2021 đến 2023"}}},
        /* A span alone in brackets is still one fact. */
        {"Kết quả nhiệm kỳ trước (2015 - 2020) được phát huy.", NULL, 1,
         {{"2015/2020", "2015 - 2020"}}},
        /* What follows "và" must be a span in order, and a bracket must
         * close right after the last span. */
        {"Giai đoạn 2016 - 2020 và 150 - 200 hộ thoát nghèo.", NULL, 1,
         {{"2016/2020", "Giai đoạn 2016 - 2020"}}},
        {"Các mốc (2010 - 2015 và 2005 - 2010) được so sánh.", NULL, 0,
         NONE},
        {"Số liệu (2010 - 2015 và 2015 - 2020 chưa đủ) còn thiếu.", NULL, 0,
         NONE},
        {"Giá từ 1500 - 2000 và 2000 - 2500 đồng mỗi kg.", NULL, 0, NONE},
    };
    check_date_cases(cases, N_CASES(cases), NULL);
}

/* "vụ Đông Xuân 2023 - 2024": a crop season spans the turn of a year. */
static void crop_seasons(void **state)
{
    static const date_case cases[] = {
        {"Vụ Đông Xuân 2022 - 2023, nông dân trong xã gieo cấy 500 ha.",
         NULL, 1, {{"2022/2023", "Đông Xuân 2022 - 2023"}}},
        {"Trong vụ lúa Hè Thu 2021 - 2022, năng suất tăng khá.", NULL, 1,
         {{"2021/2022", "Hè Thu 2021 - 2022"}}},
        {"Kết thúc vụ mùa 2020 - 2021, huyện tổng kết sản xuất.", NULL, 1,
         {{"2020/2021", "vụ mùa 2020 - 2021"}}},
        {"Diện tích vụ Thu Đông 2024 - 2025 giảm nhẹ.", NULL, 1,
         {{"2024/2025", "Thu Đông 2024 - 2025"}}},
        /* Without a season word two numbers are a range; a season
         * spans two successive years at most. */
        {"Mỗi vụ thu 2000 - 2500 kg lúa.", NULL, 0, NONE},
        {"Mùa mưa 2000 - 2100 mm.", NULL, 0, NONE},
    };
    check_date_cases(cases, N_CASES(cases), NULL);
}

/* Seasons of crops, sport and weather: the year a season lies in or the
 * two it spans, with a slash too ("niên vụ 2024/2025"), "mới" (new)
 * between; a round figure a word counts is a measure. */
static void seasons(void **state)
{
    static const date_case cases[] = {
        {"Xâm nhập mặn mùa khô 2019 - 2020 nghiêm trọng hơn.", NULL, 1,
         {{"2019/2020", "mùa khô 2019 - 2020"}}},
        {"Niên vụ 2024/2025, sản lượng cà phê tăng 6%.", NULL, 1,
         {{"2024/2025", "Niên vụ 2024/2025"}}},
        {"Giá cà phê đầu niên vụ mới 2025/2026 giảm.", NULL, 1,
         {{"2025/2026", "niên vụ mới 2025/2026"}}},
        {"Số lượt đăng ký tăng 37% so với mùa giải 2023.", NULL, 1,
         {{"2023", "2023"}}},
        {"Gieo cấy 90.000 ha lúa vụ Xuân 2025 đúng khung lịch.", NULL, 1,
         {{"2025", "2025"}}},
        {"Mùa mưa 2024 đến sớm.", NULL, 1, {{"2024", "2024"}}},
        {"Học sinh bước vào năm học mới 2025-2026.", NULL, 1,
         {{"2025/2026", "năm học mới 2025-2026"}}},
        {"Năm học 2024/2025 khép lại.", NULL, 1,
         {{"2024/2025", "Năm học 2024/2025"}}},
        {"Dịp Giáng sinh và năm mới 2025 có 12 chuyến tàu.", NULL, 1,
         {{"2025", "năm mới 2025"}}},
        /* not spans of a season, not years */
        {"Mùa khô 2019 - 2021 hạn nặng.", NULL, 0, NONE},
        {"Lượng mưa mùa mưa 2000 mm, vụ mùa 2000 ha.", NULL, 0, NONE},
        {"Mỗi năm học 2000/2500 học sinh.", NULL, 0, NONE},
        {"Sau hai năm mới hoàn thành.", NULL, 0, NONE},
    };
    check_date_cases(cases, N_CASES(cases), NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(joined_year_spans),
        cmocka_unit_test(crop_seasons),
        cmocka_unit_test(seasons),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
