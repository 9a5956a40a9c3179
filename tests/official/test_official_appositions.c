/*
 * What stands around a name in apposition (the guideline,
 * docs/GUIDELINE.md, "official"): a province or city that ends an
 * organisation's name is its place, never a person; another name of the
 * person in brackets, with a year of birth, and the titles after the
 * bracket; religious honorifics; a role held for a session set off after
 * the name; a title before a dash and the honorific of the person; a post
 * "phụ trách" a field.  The sentences are written for these tests.
 */
#include "official_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#define N_CASES(cases) (sizeof(cases) / sizeof *(cases))
#define NONE 0, {{NULL, {NULL}}}

/* "Bệnh viện Đa khoa Hà Tĩnh": the place ends the organisation. */
static void provinces_ending_an_organisation(void **state)
{
    static const official_case cases[] = {
        {"Ông Trần Quốc Bảo, Giám đốc Bệnh viện Sản Nhi Cao Bằng, cho "
         "biết.",
         1, {{"Trần Quốc Bảo", {"Giám đốc Bệnh viện Sản Nhi Cao Bằng"}}}},
        {"Bà Lê Thu Trang, Hiệu trưởng Trường Cao đẳng Y tế Hà Giang, "
         "phát biểu.",
         1, {{"Lê Thu Trang", {"Hiệu trưởng Trường Cao đẳng Y tế Hà "
                               "Giang"}}}},
        {"Giám đốc Công an Lâm Đồng Trần Văn Tuấn chỉ đạo truy bắt.",
         1, {{"Trần Văn Tuấn", {"Giám đốc Công an Lâm Đồng"}}}},
        /* a city of a province */
        {"Ông Vũ Đức Thịnh, Chủ tịch Hội Doanh nhân trẻ Phan Thiết, nói.",
         1, {{"Vũ Đức Thịnh", {"Chủ tịch Hội Doanh nhân trẻ Phan Thiết"}}}},
        /* the title alone: no one */
        {"Giám đốc Sở Xây dựng Hà Nam cho biết sẽ kiểm tra.", NONE},
        {"Bí thư Đồng Tháp đã chỉ đạo khắc phục.", NONE},
        /* a name after the province is still the person */
        {"Giám đốc Sở Tài chính Hà Tĩnh Lê Văn Hòa ký quyết định.",
         1, {{"Lê Văn Hòa", {"Giám đốc Sở Tài chính Hà Tĩnh"}}}},
    };
    check_official_cases(cases, N_CASES(cases));
}

/* "(Trần Văn C, sinh năm 1960), Phó Trưởng ban ...": one person. */
static void other_names_in_brackets(void **state)
{
    static const official_case cases[] = {
        {"Thượng tọa Thích Quảng Đức (Lâm Văn Tuất, sinh năm 1965), Ủy "
         "viên Ban Trị sự tỉnh, phát biểu.",
         1, {{"Thích Quảng Đức", {"Thượng tọa",
                                  "Ủy viên Ban Trị sự tỉnh"}}}},
        {"Ông Hồ Văn Sáu (Sáu Hồ, 58 tuổi), Chủ tịch Hội Nông dân xã, "
         "phát biểu.",
         1, {{"Hồ Văn Sáu", {"Chủ tịch Hội Nông dân xã"}}}},
        {"Ni sư Thích Nữ Như Liên (Phạm Thị Lan, SN 1970), Phó Trưởng ban "
         "Trị sự huyện, dự lễ.",
         1, {{"Thích Nữ Như Liên", {"Ni sư",
                                    "Phó Trưởng ban Trị sự huyện"}}}},
        /* a monk's name in a list of candidates, without an honorific */
        {"Danh sách ứng cử viên gồm: Thích Minh Quang (Trần Văn Tý), Phó "
         "Trưởng ban Trị sự tỉnh; bà Hà Thị Vân.",
         2, {{"Thích Minh Quang", {"Phó Trưởng ban Trị sự tỉnh"}},
             {"Hà Thị Vân", {NULL}}}},
        /* a second person in brackets is not an alias */
        {"Ông Lê Văn Tư (Nguyễn Văn Năm, Trần Văn Sáu và Lê Văn Bảy) dự "
         "họp.",
         1, {{"Lê Văn Tư", {NULL}}}},
    };
    check_official_cases(cases, N_CASES(cases));
}

/* "chủ tọa phiên tòa", "- ông X", "phụ trách ...". */
static void roles_dashes_and_fields(void **state)
{
    static const official_case cases[] = {
        {"Thẩm phán Đỗ Minh Hải, chủ tọa phiên tòa, tuyên án.",
         1, {{"Đỗ Minh Hải", {"Thẩm phán", "chủ tọa phiên tòa"}}}},
        {"Ông Lại Văn Thuận, chủ tọa phiên họp, đề nghị biểu quyết.",
         1, {{"Lại Văn Thuận", {"chủ tọa phiên họp"}}}},
        /* the verb "chủ tọa" gives no title */
        {"Đồng chí Nguyễn Văn Quý chủ tọa hội nghị.",
         1, {{"Nguyễn Văn Quý", {NULL}}}},
        {"Phó Chủ tịch UBND huyện - ông Phan Đình Lộc cho biết.",
         1, {{"Phan Đình Lộc", {"Phó Chủ tịch UBND huyện"}}}},
        {"Theo phó giám đốc phụ trách kỹ thuật - ông Lưu Văn Tình, công "
         "trình đúng tiến độ.",
         1, {{"Lưu Văn Tình", {"phó giám đốc phụ trách kỹ thuật"}}}},
        {"Phó Chủ tịch UBND tỉnh phụ trách khối văn xã Hoàng Văn Dũng dự.",
         1, {{"Hoàng Văn Dũng", {"Phó Chủ tịch UBND tỉnh phụ trách khối "
                                 "văn xã"}}}},
        /* "phụ trách" after a name is the verb, no title */
        {"Ông Đặng Văn Lực phụ trách kỹ thuật của công ty.",
         1, {{"Đặng Văn Lực", {NULL}}}},
    };
    check_official_cases(cases, N_CASES(cases));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(provinces_ending_an_organisation),
        cmocka_unit_test(other_names_in_brackets),
        cmocka_unit_test(roles_dashes_and_fields),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
