/*
 * The official plugin on sentences: every official example of the
 * guideline (docs/GUIDELINE.md, "official") and of the seed and sample
 * pages, titles before and after the name, dashes, several titles,
 * merged mentions, and what is not an official (streets, schools, wards,
 * historical figures, private citizens).
 */
#include "official_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#define N_CASES(cases) (sizeof(cases) / sizeof *(cases))

static void facts_md_examples(void **state)
{
    static const official_case cases[] = {
        {"Đồng chí Lê Thị Mỹ Hạnh, Thành ủy viên, Bí thư Quận ủy chủ trì "
         "Hội nghị.",
         1, {{"Lê Thị Mỹ Hạnh", {"Thành ủy viên", "Bí thư Quận ủy"}}}},
        {"Phó Chủ tịch UBND quận Nguyễn Văn Hùng phát biểu.",
         1, {{"Nguyễn Văn Hùng", {"Phó Chủ tịch UBND quận"}}}},
        {"Dự có ông Trần Minh, Chủ tịch UBND phường.",
         1, {{"Trần Minh", {"Chủ tịch UBND phường"}}}},
        {"Tham dự có bà Phan Thị Lan - Trưởng phòng Nội vụ.",
         1, {{"Phan Thị Lan", {"Trưởng phòng Nội vụ"}}}},
        {"Giám đốc Sở Nội vụ Lê Văn Nam báo cáo.",
         1, {{"Lê Văn Nam", {"Giám đốc Sở Nội vụ"}}}},
        {"Trưởng ban Tổ chức Quận ủy Võ Thị Hoa cho biết.",
         1, {{"Võ Thị Hoa", {"Trưởng ban Tổ chức Quận ủy"}}}},
        {"Đại biểu Quốc hội Đặng Văn Long tiếp xúc cử tri.",
         1, {{"Đặng Văn Long", {"Đại biểu Quốc hội"}}}},
    };
    check_official_cases(cases, N_CASES(cases));
}

/* The officials of the seed and of samples/, sentence by sentence. */
static void seed_and_sample_sentences(void **state)
{
    static const official_case cases[] = {
        {"Đồng chí Phó Bí thư Thường trực Quận ủy Nguyễn Viết Toàn cho biết.",
         1, {{"Nguyễn Viết Toàn", {"Phó Bí thư Thường trực Quận ủy"}}}},
        {"Ủy viên Ban Thường vụ Quận ủy, Phó Chủ tịch Thường trực UBND quận "
         "Đoàn Thị Lệ Hằng đã trao Giấy khen.",
         1, {{"Đoàn Thị Lệ Hằng", {"Ủy viên Ban Thường vụ Quận ủy",
                                   "Phó Chủ tịch Thường trực UBND quận"}}}},
        {"Tại Hội nghị, Chủ tịch UBND phường Giảng Võ Trần Ngọc Việt đã chia "
         "sẻ kinh nghiệm.",
         1, {{"Trần Ngọc Việt", {"Chủ tịch UBND phường Giảng Võ"}}}},
        {"Đồng chí Nguyễn Anh Bình, Phó Bí thư Quận ủy, Chủ tịch Ủy ban nhân "
         "dân quận dự và trao thưởng.",
         1, {{"Nguyễn Anh Bình", {"Phó Bí thư Quận ủy",
                                  "Chủ tịch Ủy ban nhân dân quận"}}}},
        {"Cùng dự có đồng chí Đỗ Thị Thu Loan, Trưởng ban Dân vận Quận ủy; "
         "đồng chí Nguyễn Văn Định, Chỉ huy trưởng Ban Chỉ huy Quân sự quận "
         "cùng đại diện lãnh đạo.",
         2, {{"Đỗ Thị Thu Loan", {"Trưởng ban Dân vận Quận ủy"}},
             {"Nguyễn Văn Định",
              {"Chỉ huy trưởng Ban Chỉ huy Quân sự quận"}}}},
        {"Tại buổi lễ, Phạm Quang Hưng, Phó Bí thư Thường trực Thành ủy đã "
         "trao Huân chương.",
         1, {{"Phạm Quang Hưng", {"Phó Bí thư Thường trực Thành ủy"}}}},
        {"Tham luận tại Hội nghị, đồng chí Nguyễn Như Hòa - Chủ tịch HĐND "
         "phường Khuê Mỹ nêu những cách làm hay.",
         1, {{"Nguyễn Như Hòa", {"Chủ tịch HĐND phường Khuê Mỹ"}}}},
        {"Theo đồng chí Nguyễn Bích Nga, bên cạnh những kết quả đạt được, "
         "công tác này vẫn còn hạn chế.",
         1, {{"Nguyễn Bích Nga", {NULL}}}},
        {"Ông Nguyễn Đăng Tâm, Chủ tịch Ủy ban MTTQ Việt Nam quận Thanh Khê "
         "chủ trì.",
         1, {{"Nguyễn Đăng Tâm",
              {"Chủ tịch Ủy ban MTTQ Việt Nam quận Thanh Khê"}}}},
    };
    check_official_cases(cases, N_CASES(cases));
}

static void title_shapes(void **state)
{
    static const official_case cases[] = {
        /* a dash inside the organisation's name is not a separator */
        {"Giám đốc Sở Lao động - Thương binh và Xã hội Nguyễn Văn Hải cho "
         "biết.",
         1, {{"Nguyễn Văn Hải",
              {"Giám đốc Sở Lao động - Thương binh và Xã hội"}}}},
        /* after a name, a title may be written in small letters */
        {"Ông Hoàng Văn Sơn, chủ tịch UBND xã cho biết.",
         1, {{"Hoàng Văn Sơn", {"chủ tịch UBND xã"}}}},
        /* titles chained by a comma before the name */
        {"Tổng Bí thư, Chủ tịch nước Nguyễn Phú Trọng dự.",
         1, {{"Nguyễn Phú Trọng", {"Tổng Bí thư", "Chủ tịch nước"}}}},
        /* in parentheses */
        {"Bà Trần Thị Mai (Phó Chủ tịch HĐND quận) phát biểu.",
         1, {{"Trần Thị Mai", {"Phó Chủ tịch HĐND quận"}}}},
        /* a ward named after a person, then the person */
        {"Bí thư Đảng ủy phường Phan Văn Nam Nguyễn Văn Hùng phát biểu.",
         1, {{"Nguyễn Văn Hùng", {"Bí thư Đảng ủy phường Phan Văn Nam"}}}},
        /* the title ends at the name that follows its unit */
        {"Bí thư Đảng ủy phường Phan Văn Nam cho biết.",
         1, {{"Phan Văn Nam", {"Bí thư Đảng ủy phường"}}}},
        /* a listed unit, then a name that starts like a unit */
        {"Chủ tịch Hội Khuyến học quận Phan Công Khánh đề nghị.",
         1, {{"Phan Công Khánh", {"Chủ tịch Hội Khuyến học quận"}}}},
        /* "Xã hội" is society, not a commune */
        {"Trưởng ban Kinh tế - Xã hội HĐND quận Ba Đình Lý Văn Tùng nói.",
         1, {{"Lý Văn Tùng",
              {"Trưởng ban Kinh tế - Xã hội HĐND quận Ba Đình"}}}},
        /* ethnic-minority names */
        {"Đồng chí Y Bih Niê, Phó Bí thư Huyện ủy dự.",
         1, {{"Y Bih Niê", {"Phó Bí thư Huyện ủy"}}}},
        {"Phó Chủ tịch UBND tỉnh Lò Văn Tiến phát biểu.",
         1, {{"Lò Văn Tiến", {"Phó Chủ tịch UBND tỉnh"}}}},
        /* a list after "các đồng chí:" */
        {"Dự có các đồng chí: Trần Văn Tâm, Phó Chủ tịch UBND quận; Lê Thị "
         "Thu, Trưởng phòng Tư pháp quận.",
         2, {{"Trần Văn Tâm", {"Phó Chủ tịch UBND quận"}},
             {"Lê Thị Thu", {"Trưởng phòng Tư pháp quận"}}}},
    };
    check_official_cases(cases, N_CASES(cases));
}

static void mentions_merge(void **state)
{
    static const official_case cases[] = {
        /* a later short form adds nothing; the span is the first */
        {"Đồng chí Nguyễn Đăng Tâm, Chủ tịch Ủy ban MTTQ Việt Nam quận chủ "
         "trì.\nChủ tịch Nguyễn Đăng Tâm phát biểu.\nÔng Tâm cho biết thêm.",
         1, {{"Nguyễn Đăng Tâm", {"Chủ tịch Ủy ban MTTQ Việt Nam quận"}}}},
        /* titles of several mentions are united in first-seen order */
        {"Đồng chí Lê Thị Mỹ Hạnh, Thành ủy viên phát biểu.\nBí thư Quận ủy "
         "Lê Thị Mỹ Hạnh trao quà.",
         1, {{"Lê Thị Mỹ Hạnh", {"Thành ủy viên", "Bí thư Quận ủy"}}}},
        /* a given name alone is the same person, never a new one */
        {"Bà Nguyễn Thị Hoa, Phó Chủ tịch UBND quận dự. Bà Hoa trao quà.\n"
         "Đồng chí Hạnh phát biểu.",
         1, {{"Nguyễn Thị Hoa", {"Phó Chủ tịch UBND quận"}}}},
        /* a bare name is no mention, but it is the same person */
        {"Lê Văn Tám Hai phát biểu. Đồng chí Trần Văn Lâm, Bí thư Chi bộ "
         "khu dân cư số 3 dự.",
         1, {{"Trần Văn Lâm", {"Bí thư Chi bộ khu dân cư số 3"}}}},
    };
    check_official_cases(cases, N_CASES(cases));
}

static void not_officials(void **state)
{
    static const official_case cases[] = {
        {"Trồng cây trên đường Nguyễn Văn Linh, đường Bạch Đằng, Ông Ích "
         "Khiêm.", 0, {{NULL, {NULL}}}},
        {"Hoạt động được tổ chức tại Trường THPT Phan Châu Trinh và Trường "
         "Tiểu học Lê Văn Tám.", 0, {{NULL, {NULL}}}},
        {"Ngày hội tại phường Nguyễn Trung Trực và phường Phan Văn Nam.",
         0, {{NULL, {NULL}}}},
        {"Trụ sở UBND quận, số 170 Nguyễn Thị Minh Khai.",
         0, {{NULL, {NULL}}}},
        {"Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; "
         "dâng hương tưởng niệm Chủ tịch Hồ Chí Minh và Đại tướng Võ Nguyên "
         "Giáp.", 0, {{NULL, {NULL}}}},
        {"Ông Nguyễn Văn Bảy (trú tại tổ 5) gửi đơn khiếu nại về việc cấp "
         "giấy chứng nhận.", 0, {{NULL, {NULL}}}},
        {"Bà Trần Thị Hoa, sinh năm 1950, có hoàn cảnh khó khăn.",
         0, {{NULL, {NULL}}}},
        {"Anh Lê Văn Toàn, đoàn viên thanh niên, tham gia hiến máu.",
         0, {{NULL, {NULL}}}},
        {"Nguyễn Văn Hùng tham gia hiến máu.", 0, {{NULL, {NULL}}}},
        /* a private citizen in a complaint, an official in the same text */
        {"Ông Phạm Văn Sáu, trú tại tổ 5, khiếu nại.\nÔng Trần Văn Quý, "
         "Chánh Thanh tra quận trả lời.",
         1, {{"Trần Văn Quý", {"Chánh Thanh tra quận"}}}},
    };
    check_official_cases(cases, N_CASES(cases));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(facts_md_examples),
        cmocka_unit_test(seed_and_sample_sentences),
        cmocka_unit_test(title_shapes),
        cmocka_unit_test(mentions_merge),
        cmocka_unit_test(not_officials),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
