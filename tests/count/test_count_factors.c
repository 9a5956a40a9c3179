/*
 * Numbers followed by a noun that count nothing (the guideline,
 * docs/GUIDELINE.md, "count"): the factor of a comparison ("tăng 4 lần",
 * "bằng 3 lần giá đất", "cao hơn 2 lần") where "3 lần kiểm tra" counts
 * occurrences; a rate per mille ("2 phần nghìn"); a pressure in mmHg; a
 * kilometre post ("km 12+300"); and the noun "tăng ni" (monks and nuns),
 * which is no verb "tăng".  Each next to the count it must not be
 * confused with.  The sentences are written for these tests.
 */
#include "count_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#define N_CASES(cases) (sizeof(cases) / sizeof *(cases))
#define NONE(text) {text, 0, {{NULL, NULL, NULL}}}
#define ONE(text, value, unit, surface) {text, 1, {{value, unit, surface}}}

/* "tăng 4 lần so với": a factor; "3 lần kiểm tra": occurrences. */
static void factors_of_a_comparison(void **state)
{
    static const count_case cases[] = {
        NONE("Giá đất tái định cư bằng 3 lần giá đất nông nghiệp."),
        NONE("Sản lượng tăng 4 lần so với năm 2015."),
        NONE("Doanh thu tăng gần 6 lần sau khi mở rộng."),
        NONE("Năng suất lúa cao hơn 2 lần giống cũ."),
        NONE("Chi phí giảm khoảng 3 lần nhờ công nghệ mới."),
        NONE("Giá thuê nhà gấp 5 lần thu nhập."),
        /* occurrences are counted */
        ONE("Đoàn đã tiến hành 3 lần kiểm tra đột xuất.", "3",
            "lần kiểm tra đột xuất", "3 lần kiểm tra đột xuất"),
        ONE("Xã tăng cường 4 lần tuần tra mỗi tháng.", "4",
            "lần tuần tra", "4 lần tuần tra"),
        /* a comparison before another noun counts it */
        ONE("Số xã đạt chuẩn tăng 12 xã so với năm trước.", "12", "xã",
            "12 xã"),
    };
    check_count_cases(cases, N_CASES(cases), NULL);
}

/* Rates, pressures and kilometre posts. */
static void rates_pressures_and_posts(void **state)
{
    static const count_case cases[] = {
        NONE("Tỷ lệ sinh con thứ ba giảm 2 phần nghìn."),
        NONE("Tỷ suất chết trẻ em là 15 phần ngàn."),
        NONE("Huyết áp giảm 10 - 15 mmHg sau điều trị."),
        NONE("Sự cố xảy ra tại km 12+300 quốc lộ 1."),
        NONE("Tàu dừng ở Km 1.105+450 đường sắt Bắc Nam."),
        ONE("Tại Km 3+200 có 2 điểm sạt lở.", "2", "điểm sạt lở",
            "2 điểm sạt lở"),
    };
    check_count_cases(cases, N_CASES(cases), NULL);
}

/* "tăng ni" (monks and nuns) is a noun. */
static void monks_and_nuns(void **state)
{
    static const count_case cases[] = {
        ONE("Đại lễ có 2.500 tăng ni, phật tử tham dự.", "2500", "tăng ni",
            "2.500 tăng ni"),
        ONE("Giáo hội có 320 Tăng Ni trong tỉnh.", "320", "Tăng Ni",
            "320 Tăng Ni"),
        /* the verb after a count ends its unit */
        ONE("Có 300 hộ tăng thu nhập nhờ nuôi bò.", "300", "hộ", "300 hộ"),
    };
    check_count_cases(cases, N_CASES(cases), NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(factors_of_a_comparison),
        cmocka_unit_test(rates_pressures_and_posts),
        cmocka_unit_test(monks_and_nuns),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
