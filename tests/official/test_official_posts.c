/*
 * Posts and names the lexicons alone did not reach (the guideline,
 * docs/GUIDELINE.md, "official"): heads made of an organisation word and
 * "trưởng" ("Hạt trưởng", "Trạm trưởng"), civil-servant posts with their
 * field ("công chức tư pháp - hộ tịch xã"), ethnic-minority surnames,
 * hyphenated Western given names, a diplomat's title that goes on with
 * "tại" and a place ("Đại sứ Việt Nam tại Lào"), a title shared by names
 * coordinated after a plural honorific, a title joined by a slash
 * ("HIV/AIDS"), a title after an aside between dashes.  The sentences are
 * written for these tests.
 */
#include "official_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#define N_CASES(cases) (sizeof(cases) / sizeof *(cases))
#define NONE 0, {{NULL, {NULL}}}

/* "Hạt trưởng Hạt Kiểm lâm": an organisation word, then "trưởng". */
static void heads_of_an_organisation_word(void **state)
{
    static const official_case cases[] = {
        {"Ông Lò Văn Pọm, Hạt trưởng Hạt Kiểm lâm huyện Mường Tè, cho "
         "biết.",
         1, {{"Lò Văn Pọm", {"Hạt trưởng Hạt Kiểm lâm huyện Mường Tè"}}}},
        {"Hạt trưởng Hạt Kiểm lâm Sìn Hồ Lò Văn Pọm kiểm tra rừng.",
         1, {{"Lò Văn Pọm", {"Hạt trưởng Hạt Kiểm lâm Sìn Hồ"}}}},
        {"Bị cáo Đặng Văn Tiến, nguyên Hạt phó Hạt Kiểm lâm, bị truy tố.",
         1, {{"Đặng Văn Tiến", {"nguyên Hạt phó Hạt Kiểm lâm"}}}},
        {"Trạm trưởng Trạm Y tế xã Phạm Thị Nga báo cáo.",
         1, {{"Phạm Thị Nga", {"Trạm trưởng Trạm Y tế xã"}}}},
        /* "tăng trưởng" is growth, "sở trưởng" one's forte */
        {"Kinh tế tăng trưởng, Hà Nội thu hút 5 dự án.", NONE},
    };
    check_official_cases(cases, N_CASES(cases));
}

/* "công chức địa chính - xây dựng xã": a civil servant's post. */
static void civil_servant_posts(void **state)
{
    static const official_case cases[] = {
        {"Ông Hà Văn Sinh, công chức tư pháp - hộ tịch xã Yên Lạc, được "
         "khen thưởng.",
         1, {{"Hà Văn Sinh", {"công chức tư pháp - hộ tịch xã Yên "
                              "Lạc"}}}},
        {"Bị can Trịnh Văn Khoa, nguyên công chức văn hóa - xã hội "
         "phường, bị bắt.",
         1, {{"Trịnh Văn Khoa", {"nguyên công chức văn hóa - xã hội "
                                 "phường"}}}},
        /* a dash before an honorific ends the post */
        {"Công chức địa chính xã - ông Vi Văn Nhất cho biết.",
         1, {{"Vi Văn Nhất", {"Công chức địa chính xã"}}}},
        /* "cán bộ" with its field heads a commune post as "công chức"
         * does; alone it is any cadre */
        {"Bị cáo Nguyễn Thị Hạnh, nguyên cán bộ địa chính xã, lãnh 3 năm "
         "tù.",
         1, {{"Nguyễn Thị Hạnh", {"nguyên cán bộ địa chính xã"}}}},
        {"Thay mặt các cán bộ nghỉ hưu, đồng chí Trương Văn Mười, Thành "
         "ủy viên, bày tỏ cảm ơn.",
         1, {{"Trương Văn Mười", {"Thành ủy viên"}}}},
    };
    check_official_cases(cases, N_CASES(cases));
}

/* Surnames of the Central Highlands and the North. */
static void ethnic_minority_surnames(void **state)
{
    static const official_case cases[] = {
        {"Phó Chủ tịch UBND tỉnh Bình Phước Điểu Lanh dự lễ.",
         1, {{"Điểu Lanh", {"Phó Chủ tịch UBND tỉnh Bình Phước"}}}},
        {"Chủ tịch UBND huyện Chư Păh Rơ Mah Tuấn chỉ đạo.",
         1, {{"Rơ Mah Tuấn", {"Chủ tịch UBND huyện Chư Păh"}}}},
        {"Bí thư Huyện ủy Chẩu Văn Lâm phát biểu.",
         1, {{"Chẩu Văn Lâm", {"Bí thư Huyện ủy"}}}},
        {"Ông Chau Sóc Kha, Phó Chủ tịch Hội Đoàn kết Sư sãi, dự.",
         1, {{"Chau Sóc Kha", {"Phó Chủ tịch Hội Đoàn kết Sư sãi"}}}},
        {"Tham dự có Phó Chủ tịch HĐND huyện Kpă Hơ Nhung.",
         1, {{"Kpă Hơ Nhung", {"Phó Chủ tịch HĐND huyện"}}}},
    };
    check_official_cases(cases, N_CASES(cases));
}

/* "Jean-Pierre Dubois", "Anne-Marie Lefèvre". */
static void hyphenated_western_names(void **state)
{
    static const official_case cases[] = {
        {"Ông Jean-Luc Martin, Lãnh sự Pháp, thăm tỉnh.",
         1, {{"Jean-Luc Martin", {"Lãnh sự Pháp"}}}},
        {"Bà Marie-Claire Dupont, Giám đốc Quỹ Phát triển, phát biểu.",
         1, {{"Marie-Claire Dupont", {"Giám đốc Quỹ Phát triển"}}}},
        /* a route between two places is no name */
        {"Ông Vũ Văn Lâm, Giám đốc tuyến Hà Nội-Hải Phòng, cho biết.",
         1, {{"Vũ Văn Lâm", {"Giám đốc tuyến Hà Nội-Hải Phòng"}}}},
    };
    check_official_cases(cases, N_CASES(cases));
}

/* "Đại sứ Việt Nam tại Lào Nguyễn Bá Hùng". */
static void diplomats_seated_at_a_place(void **state)
{
    static const official_case cases[] = {
        {"Đại sứ Việt Nam tại Lào Nguyễn Bá Hùng trao quà.",
         1, {{"Nguyễn Bá Hùng", {"Đại sứ Việt Nam tại Lào"}}}},
        {"Tiếp đoàn có Đại sứ Nhật Bản tại Việt Nam Ito Naoki và Thứ trưởng "
         "Bộ Ngoại giao Đỗ Hùng Việt.",
         2, {{"Ito Naoki", {"Đại sứ Nhật Bản tại Việt Nam"}},
             {"Đỗ Hùng Việt", {"Thứ trưởng Bộ Ngoại giao"}}}},
        {"Bà Lê Thị Thu Hằng, Tổng Lãnh sự Việt Nam tại TP.HCM, dự.",
         1, {{"Lê Thị Thu Hằng", {"Tổng Lãnh sự Việt Nam tại TP.HCM"}}}},
        /* "tại" and an event: where the diplomat spoke, no part of it */
        {"Ông Park Noh-wan, Đại sứ Hàn Quốc tại buổi lễ, cảm ơn tỉnh.",
         1, {{"Park Noh-wan", {"Đại sứ Hàn Quốc"}}}},
        /* without a country in the title, "tại" is where someone is */
        {"Ông Lê Văn Sơn, Chủ tịch UBND tỉnh tại Hà Nội, cho biết.",
         1, {{"Lê Văn Sơn", {"Chủ tịch UBND tỉnh"}}}},
    };
    check_official_cases(cases, N_CASES(cases));
}

/* "các ông A và B, Phó Chủ tịch": each of them holds it. */
static void title_shared_by_coordinated_names(void **state)
{
    static const official_case cases[] = {
        {"Dự hội nghị có các ông Lê Văn Hải và Trần Quốc Toản, Phó Chủ tịch "
         "UBND huyện.",
         2, {{"Lê Văn Hải", {"Phó Chủ tịch UBND huyện"}},
             {"Trần Quốc Toản", {"Phó Chủ tịch UBND huyện"}}}},
        {"Chủ trì có các đồng chí Vũ Văn Hà, Phạm Thị Lý và Đỗ Văn Tâm, Phó "
         "Bí thư Huyện ủy.",
         3, {{"Vũ Văn Hà", {"Phó Bí thư Huyện ủy"}},
             {"Phạm Thị Lý", {"Phó Bí thư Huyện ủy"}},
             {"Đỗ Văn Tâm", {"Phó Bí thư Huyện ủy"}}}},
        /* without a plural, the title after the last name is that name's */
        {"Dự có ông Lê Văn Hải và bà Trần Thị Hoa, Phó Chủ tịch UBND "
         "huyện.",
         2, {{"Lê Văn Hải", {NULL}},
             {"Trần Thị Hoa", {"Phó Chủ tịch UBND huyện"}}}},
        /* each with a title of their own */
        {"Có các ông Lê Văn Hải, Chủ tịch UBND huyện và Trần Quốc Toản, "
         "Phó Chủ tịch UBND huyện.",
         2, {{"Lê Văn Hải", {"Chủ tịch UBND huyện"}},
             {"Trần Quốc Toản", {"Phó Chủ tịch UBND huyện"}}}},
    };
    check_official_cases(cases, N_CASES(cases));
}

/* "Chánh tòa", "HIV/AIDS", and an aside between dashes. */
static void titles_whole(void **state)
{
    static const official_case cases[] = {
        {"Phiên tòa do Thẩm phán Lê Thị Hạnh, Phó Chánh tòa Dân sự, làm "
         "chủ tọa.",
         1, {{"Lê Thị Hạnh", {"Thẩm phán", "Phó Chánh tòa Dân sự"}}}},
        {"Ông Bùi Văn Nam, Giám đốc Trung tâm Phòng chống HIV/AIDS tỉnh, "
         "cho biết.",
         1, {{"Bùi Văn Nam", {"Giám đốc Trung tâm Phòng chống HIV/AIDS "
                              "tỉnh"}}}},
        {"Bà Hoàng Thị Mai – người có 20 năm làm công tác dân vận – Chủ "
         "tịch Hội Phụ nữ xã, phát biểu.",
         1, {{"Hoàng Thị Mai", {"Chủ tịch Hội Phụ nữ xã"}}}},
    };
    check_official_cases(cases, N_CASES(cases));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(heads_of_an_organisation_word),
        cmocka_unit_test(civil_servant_posts),
        cmocka_unit_test(ethnic_minority_surnames),
        cmocka_unit_test(hyphenated_western_names),
        cmocka_unit_test(diplomats_seated_at_a_place),
        cmocka_unit_test(title_shared_by_coordinated_names),
        cmocka_unit_test(titles_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
