/*
 * Foreign officials as Vietnamese news names them (the guideline,
 * docs/GUIDELINE.md, "official"): after a title and a country the name
 * runs to the first word in small letters, number or mark, whatever word
 * follows; a foreign name right after a title ends it the same way;
 * Chinese names in their Sino-Vietnamese reading and Korean names start
 * with surnames that are no Vietnamese ones; romanized given names carry
 * a hyphen.  And what only looks like them: companies, places, regions,
 * Vietnamese words that are also foreign surnames.  The sentences are
 * written for these tests.
 */
#include "official_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#define N_CASES(cases) (sizeof(cases) / sizeof *(cases))
#define NONE 0, {{NULL, {NULL}}}

/* "Ngoại trưởng Anh David Cameron nhân dịp ...": no verb list decides. */
static void names_after_a_title_and_a_country(void **state)
{
    static const official_case cases[] = {
        {"Thủ tướng Úc Anthony Albanese nhân dịp sang thăm đã gặp sinh "
         "viên.",
         1, {{"Anthony Albanese", {"Thủ tướng Úc"}}}},
        {"Tổng thống Pháp Emmanuel Macron sáng 12/5 tiếp đoàn.",
         1, {{"Emmanuel Macron", {"Tổng thống Pháp"}}}},
        {"Bộ trưởng Quốc phòng Đức Boris Pistorius khẳng định lập trường.",
         1, {{"Boris Pistorius", {"Bộ trưởng Quốc phòng Đức"}}}},
        {"Đại sứ Thái Lan Urawadee Sriphiromya, trong cuộc gặp, cảm ơn "
         "tỉnh.",
         1, {{"Urawadee Sriphiromya", {"Đại sứ Thái Lan"}}}},
        {"Chủ tịch Quốc hội Lào Saysomphone Phomvihane hội kiến đoàn.",
         1, {{"Saysomphone Phomvihane", {"Chủ tịch Quốc hội Lào"}}}},
        /* a foreign name right after the head, then a date */
        {"Tổng thống Joe Biden ngày 10/9 đến Hà Nội.",
         1, {{"Joe Biden", {"Tổng thống"}}}},
        {"Tổng giám đốc WHO Tedros Ghebreyesus đánh giá cao Việt Nam.",
         1, {{"Tedros Ghebreyesus", {"Tổng giám đốc WHO"}}}},
        /* regions and organisations after the country are no name; the
         * name after them runs over its particles */
        {"Chủ tịch Ủy ban Châu Âu Ursula von der Leyen phát biểu.",
         1, {{"Ursula von der Leyen", {"Chủ tịch Ủy ban Châu Âu"}}}},
        {"Giám đốc Samsung Electronics Việt Nam cho biết doanh thu tăng.",
         NONE},
        {"Đại sứ Mỹ Hà Nội tổ chức tiệc.", NONE},
    };
    check_official_cases(cases, N_CASES(cases));
}

/* Western names: a middle initial ("Catherine M. Lawson") and particles
 * in small letters ("Peter Van der Berg") are part of the name; "Nguyễn
 * Văn T." stays a name cut to its initial. */
static void western_initials_and_particles(void **state)
{
    static const official_case cases[] = {
        {"Bộ trưởng tiếp bà Catherine M. Lawson, Thứ trưởng Thương mại "
         "Hoa Kỳ.",
         1, {{"Catherine M. Lawson", {"Thứ trưởng Thương mại Hoa Kỳ"}}}},
        {"Dự có ông Robert J. Ellison, Đại sứ Hoa Kỳ tại Việt Nam.",
         1, {{"Robert J. Ellison", {"Đại sứ Hoa Kỳ tại Việt Nam"}}}},
        {"Thứ trưởng Catherine M. Lawson đánh giá cao kết quả.",
         1, {{"Catherine M. Lawson", {"Thứ trưởng"}}}},
        {"Dự lễ có ông Peter Van der Berg, Phó Hiệu trưởng Đại học "
         "Wageningen (Hà Lan).",
         1, {{"Peter Van der Berg", {"Phó Hiệu trưởng Đại học Wageningen"}}}},
        {"Bị cáo Nguyễn Văn T. Ông khai nhận hành vi.", NONE},
    };
    check_official_cases(cases, N_CASES(cases));
}

/* A foreign name of three words after the head, on a later mention: the
 * whole name the document gave ("Đại sứ Lars Henrik Jensen"), not a
 * title "Đại sứ Lars"; a company may stand between the head and a name
 * of two words ("Tổng giám đốc Apple Tim Cook"). */
static void later_mentions_of_foreign_names(void **state)
{
    static const official_case cases[] = {
        {"Ông Lars Henrik Jensen, Đại sứ Đan Mạch, đến thăm. Đại sứ Lars "
         "Henrik Jensen thông tin về các dự án.",
         1, {{"Lars Henrik Jensen", {"Đại sứ Đan Mạch"}}}},
        {"Đoàn do đồng chí Alberto Ramírez Castillo, phó thủ tướng Cuba, "
         "dẫn đầu. Phó Thủ tướng Alberto Ramírez Castillo cảm ơn tỉnh.",
         1, {{"Alberto Ramírez Castillo",
              {"phó thủ tướng Cuba", "Phó Thủ tướng"}}}},
        {"Tổng giám đốc Apple Tim Cook phát biểu.",
         1, {{"Tim Cook", {"Tổng giám đốc Apple"}}}},
    };
    check_official_cases(cases, N_CASES(cases));
}

/* "Tập Cận Bình", "Yoon Suk Yeol", "Kim Jong-un". */
static void chinese_and_korean_names(void **state)
{
    static const official_case cases[] = {
        {"Thủ tướng Trung Quốc Ôn Gia Bảo và Phó Chủ tịch Trung Quốc Tập "
         "Cận Bình tiếp đoàn.",
         2, {{"Ôn Gia Bảo", {"Thủ tướng Trung Quốc"}},
             {"Tập Cận Bình", {"Phó Chủ tịch Trung Quốc"}}}},
        {"Ngoại trưởng Tần Cương khẳng định quan hệ hai nước.",
         1, {{"Tần Cương", {"Ngoại trưởng"}}}},
        {"Ông Lật Chiến Thư, Ủy viên trưởng Ủy ban Thường vụ Nhân đại, "
         "hội kiến đoàn.",
         1, {{"Lật Chiến Thư", {"Ủy viên trưởng Ủy ban Thường vụ Nhân "
                                "đại"}}}},
        {"Tổng thống Moon Jae-in phát biểu tại hội nghị.",
         1, {{"Moon Jae-in", {"Tổng thống"}}}},
        {"Thủ tướng Han Duck-soo tiếp đoàn doanh nghiệp.",
         1, {{"Han Duck-soo", {"Thủ tướng"}}}},
        {"Bà Kang Kyung-wha, Ngoại trưởng Hàn Quốc, cho biết.",
         1, {{"Kang Kyung-wha", {"Ngoại trưởng Hàn Quốc"}}}},
        /* the same words as Vietnamese words or company names */
        {"Tổng giám đốc Tập đoàn Dầu khí cho biết sản lượng tăng.", NONE},
        {"Giám đốc Kim Tín cho biết giá thép giảm.", NONE},
        {"Chủ tịch UBND tỉnh Tiền Giang kiểm tra đê.", NONE},
        {"Giám đốc Hạ Long Group cho biết.", NONE},
    };
    check_official_cases(cases, N_CASES(cases));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(names_after_a_title_and_a_country),
        cmocka_unit_test(chinese_and_korean_names),
        cmocka_unit_test(western_initials_and_particles),
        cmocka_unit_test(later_mentions_of_foreign_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
