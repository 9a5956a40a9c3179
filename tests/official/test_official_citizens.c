/*
 * Private citizens (the guideline, docs/GUIDELINE.md, "official"): no
 * post, no mandate, no official.  A complainant given with an age and a
 * home, a member of a citizen's family named in apposition ("chồng bà,
 * ông X"), a shop owner ("Chủ cửa hàng là bà X"), a name cut to an
 * initial ("Nguyễn Văn T."), and a title that opens the next clause after
 * a complainant's name in a fronted phrase ("Về kiến nghị của ông Tư,
 * Chủ tịch UBND xã giao ...").  Each next to the official it must not be
 * confused with.  The sentences are written for these tests.
 */
#include "official_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#define N_CASES(cases) (sizeof(cases) / sizeof *(cases))
#define NONE 0, {{NULL, {NULL}}}

/* "Về kiến nghị của ông Tư, Chủ tịch UBND xã giao ...": the title is the
 * subject of the main clause. */
static void title_opening_the_next_clause(void **state)
{
    static const official_case cases[] = {
        {"Bà Lê Thị Tư, 65 tuổi, ngụ ấp 3, phản ánh việc cấp sổ đỏ chậm. "
         "Về kiến nghị của bà Tư, Chủ tịch UBND xã giao Phòng Địa chính "
         "kiểm tra.",
         NONE},
        {"Đối với đơn của ông Phan Văn Dũng, Chánh Thanh tra huyện đề nghị "
         "giữ nguyên quyết định.",
         NONE},
        /* a title closed by a comma is the possessor's */
        {"Theo báo cáo của ông Phan Văn Dũng, Chánh Thanh tra huyện, năm "
         "nay có 12 đơn thư.",
         1, {{"Phan Văn Dũng", {"Chánh Thanh tra huyện"}}}},
        /* a name that opens its clause keeps the title before its verb */
        {"Sáng 3/4, ông Phan Văn Dũng, Chánh Thanh tra huyện đã chủ trì "
         "buổi đối thoại.",
         1, {{"Phan Văn Dũng", {"Chánh Thanh tra huyện"}}}},
    };
    check_official_cases(cases, N_CASES(cases));
}

/* "chồng bà, ông X", "con trai ông, anh Y": family in apposition. */
static void family_of_a_citizen(void **state)
{
    static const official_case cases[] = {
        {"Bà Vũ Thị Nụ, 70 tuổi, đề nghị giải quyết chế độ cho chồng bà, "
         "ông Đào Văn Thìn, từng là thanh niên xung phong.",
         NONE},
        {"Anh Lưu Văn Sang cho biết vợ anh, bà Đinh Thị Hạnh, đang làm "
         "thuê ở Bình Dương.",
         NONE},
        /* a citizen's trade before the name */
        {"Tiểu thương chợ Đông Ba, bà Lê Thị Nhàn, cho biết giá rau tăng.",
         NONE},
        /* a post in apposition is a post */
        {"Phát biểu có Chủ tịch Hội Cựu chiến binh, ông Đào Văn Thìn.",
         1, {{"Đào Văn Thìn", {"Chủ tịch Hội Cựu chiến binh"}}}},
    };
    check_official_cases(cases, N_CASES(cases));
}

/* "Chủ cửa hàng là bà X": a private role, then "là" and the name. */
static void owners_and_initials(void **state)
{
    static const official_case cases[] = {
        {"Chủ cơ sở là bà Nguyễn Thị Hường đã bị phạt 15 triệu đồng.",
         NONE},
        {"Chủ tiệm vàng là ông Trương Văn Phát cho biết đã báo công an.",
         NONE},
        {"Người điều khiển xe là anh Lâm Văn T. (24 tuổi) bị tạm giữ.",
         NONE},
        {"Ông Phạm Văn K. (SN 1980) đã nhận lại tài sản.", NONE},
        /* a post as the predicate is a post */
        {"Người phát biểu là bà Nguyễn Thị Hường, Chủ tịch Hội Phụ nữ "
         "phường.",
         1, {{"Nguyễn Thị Hường", {"Chủ tịch Hội Phụ nữ phường"}}}},
    };
    check_official_cases(cases, N_CASES(cases));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(title_opening_the_next_clause),
        cmocka_unit_test(family_of_a_citizen),
        cmocka_unit_test(owners_and_initials),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
