/*
 * Religious dignitaries (the guideline, docs/GUIDELINE.md, "official"):
 * a religious rank is a title, as a military rank is ("Hòa thượng",
 * "Thượng tọa", "Đại đức", "Ni sư", "Giám mục", "Linh mục", "Mục sư"),
 * and what follows it is the person's name, whatever it is; "Đức" before
 * such a rank is reverence, no part of the title; a baptismal name
 * written before a Vietnamese name ("Giuse", "Phêrô", "Maria") is part of
 * the name as written; a monk's secular name in brackets after "thế danh"
 * or "pháp danh" is the same person.  The sentences are written for these
 * tests.
 */
#include "official_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#define N_CASES(cases) (sizeof(cases) / sizeof *(cases))
#define NONE 0, {{NULL, {NULL}}}

/* "Hòa thượng Thích Minh Quang": the rank is a title. */
static void religious_ranks_are_titles(void **state)
{
    static const official_case cases[] = {
        {"Hòa thượng Thích Thiện Pháp chứng minh buổi lễ cầu an.",
         1, {{"Thích Thiện Pháp", {"Hòa thượng"}}}},
        {"Thượng tọa Thích Giác Nhàn, Trưởng ban Trị sự huyện, phát biểu.",
         1, {{"Thích Giác Nhàn", {"Thượng tọa", "Trưởng ban Trị sự "
                                  "huyện"}}}},
        {"Buổi lễ do Đại đức Thích Minh Tuệ điều hành.",
         1, {{"Thích Minh Tuệ", {"Đại đức"}}}},
        {"Ni sư Thích Nữ Huệ Tâm được bầu làm Phó Trưởng ban.",
         1, {{"Thích Nữ Huệ Tâm", {"Ni sư", "Phó Trưởng ban"}}}},
        {"Linh mục Trần Đình Phúc, Chánh xứ Hàm Long, tiếp đoàn.",
         1, {{"Trần Đình Phúc", {"Linh mục", "Chánh xứ Hàm Long"}}}},
        {"Chi hội Tin Lành Phú Lâm do Mục sư Đoàn Văn Lộc làm Quản nhiệm.",
         1, {{"Đoàn Văn Lộc", {"Mục sư", "Quản nhiệm"}}}},
        {"Giám mục Vũ Đình Tường, Giám mục Giáo phận Thái Bình, dự lễ.",
         1, {{"Vũ Đình Tường", {"Giám mục Giáo phận Thái Bình"}}}},
        /* a rank in small letters, as news writes it */
        {"Đoàn đến thăm linh mục Phạm Văn Sáng tại nhà xứ.",
         1, {{"Phạm Văn Sáng", {"linh mục"}}}},
        /* a religious office without a name is no one */
        {"Các linh mục và tu sĩ đã quyên góp 200 suất quà.", NONE},
    };
    check_official_cases(cases, N_CASES(cases));
}

/* "Đức Giám mục", "Đức Hồng y": reverence before a rank. */
static void reverence_before_a_rank(void **state)
{
    static const official_case cases[] = {
        {"Đức Giám mục Nguyễn Văn Hòa chủ sự thánh lễ.",
         1, {{"Nguyễn Văn Hòa", {"Giám mục"}}}},
        {"Tiếp đoàn có Đức Tổng Giám mục Đinh Văn Lâm, Chủ tịch Hội đồng "
         "Giám mục Việt Nam.",
         1, {{"Đinh Văn Lâm", {"Tổng Giám mục", "Chủ tịch Hội đồng Giám "
                               "mục Việt Nam"}}}},
        /* "Đức" is also a given name and a country */
        {"Ông Lê Minh Đức, Giám đốc Sở Tư pháp, phát biểu.",
         1, {{"Lê Minh Đức", {"Giám đốc Sở Tư pháp"}}}},
        {"Đại sứ Đức Hans Weber thăm tỉnh.",
         1, {{"Hans Weber", {"Đại sứ Đức"}}}},
        /* "đức" in small letters is virtue */
        {"Nêu gương y đức, bác sĩ Trần Văn Hải được khen thưởng.", NONE},
    };
    check_official_cases(cases, N_CASES(cases));
}

/* "Giuse Nguyễn Năng": the baptismal name is part of the name. */
static void baptismal_names(void **state)
{
    static const official_case cases[] = {
        {"Đức Giám mục Phaolô Nguyễn Thái Hợp, Giám mục Giáo phận Vinh, "
         "tiếp đoàn.",
         1, {{"Phaolô Nguyễn Thái Hợp", {"Giám mục Giáo phận Vinh"}}}},
        {"Linh mục Gioan Baotixita Lê Văn Thịnh, Chánh xứ Phú Nhai, cho "
         "biết.",
         1, {{"Gioan Baotixita Lê Văn Thịnh", {"Linh mục",
                                               "Chánh xứ Phú Nhai"}}}},
        {"Nữ tu Maria Trần Thị Hoa, Bề trên Dòng Mến Thánh Giá, cảm ơn "
         "chính quyền.",
         1, {{"Maria Trần Thị Hoa", {"Bề trên Dòng Mến Thánh Giá"}}}},
        /* a later mention without the baptismal name is the same person */
        {"Linh mục Phêrô Hoàng Văn Khang dâng lễ. Sau đó, Linh mục Hoàng "
         "Văn Khang tặng 50 suất quà.",
         1, {{"Phêrô Hoàng Văn Khang", {"Linh mục"}}}},
        /* a saint's name that names a church is no person */
        {"Nhà thờ Giuse ở phường Tân Định đón 2.000 giáo dân.", NONE},
    };
    check_official_cases(cases, N_CASES(cases));
}

/* "(thế danh Lê Văn Tám)": the monk's secular name in brackets. */
static void secular_names_in_brackets(void **state)
{
    static const official_case cases[] = {
        {"Hòa thượng Thích Thanh Nhiễu (thế danh Phạm Văn Nhiễu), Phó Chủ "
         "tịch Hội đồng Trị sự, chứng minh đại hội.",
         1, {{"Thích Thanh Nhiễu", {"Hòa thượng", "Phó Chủ tịch Hội đồng "
                                    "Trị sự"}}}},
        {"Ni trưởng Thích Nữ Như Hòa (thế danh Nguyễn Thị Hòa, sinh năm "
         "1950), Phó Trưởng ban Ni giới, dự lễ.",
         1, {{"Thích Nữ Như Hòa", {"Ni trưởng", "Phó Trưởng ban Ni "
                                   "giới"}}}},
    };
    check_official_cases(cases, N_CASES(cases));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(religious_ranks_are_titles),
        cmocka_unit_test(reverence_before_a_rank),
        cmocka_unit_test(baptismal_names),
        cmocka_unit_test(secular_names_in_brackets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
