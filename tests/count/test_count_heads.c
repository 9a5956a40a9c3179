/*
 * What may head the counted noun phrase after a number, and what makes
 * the number part of a name instead (the guideline, docs/GUIDELINE.md,
 * "count"): abbreviations in capitals, nouns that open with a syllable
 * that is also a currency ("đồng"), a passive marker ("bị") or a number
 * word ("triệu"), verbs that end in a syllable naming numbers ("triệu
 * tập"), and numbered wards and districts.  Each negative stands next to
 * the positive it must not be confused with.
 */
#include "count_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#define N_CASES(cases) (sizeof(cases) / sizeof *(cases))
#define NONE(text) {text, 0, {{NULL, NULL, NULL}}}
#define ONE(text, value, unit, surface) {text, 1, {{value, unit, surface}}}

/* "12 DN", "40 VĐV": an abbreviation is the whole noun phrase. */
static void abbreviations_head_a_count(void **state)
{
    static const count_case cases[] = {
        ONE("Tỉnh thu hút thêm 12 DN vào khu công nghiệp.", "12", "DN",
            "12 DN"),
        ONE("Đội tuyển mang về 7 HCB và nhiều giải phụ.", "7", "HCB",
            "7 HCB"),
        ONE("Huyện vận động thành lập mới 4 HTX kiểu mới.", "4", "HTX",
            "4 HTX"),
        ONE("Có 40 VĐV tham dự giải.", "40", "VĐV", "40 VĐV"),
        /* What follows the abbreviation is the sentence's verb. */
        ONE("Sáng nay 18 ĐBQH chất vấn Bộ trưởng.", "18", "ĐBQH",
            "18 ĐBQH"),
        ONE("Hơn 200 CBCS được huy động.", "200", "CBCS", "200 CBCS"),
        /* Money and measures written in capitals stay out. */
        NONE("Vé máy bay giá 350 USD một chiều."),
        NONE("Gói hỗ trợ 20 EUR cho mỗi người."),
        NONE("Nhà máy công suất 600 MW vừa khánh thành."),
        NONE("Tàu trọng tải 50.000 DWT cập cảng."),
        NONE("Cảng đón 1.200 TEU trong tháng."),
        NONE("Điện thoại có 256 GB bộ nhớ."),
        NONE("Trận đấu bắt đầu lúc 7 PM giờ địa phương."),
        /* The first part of a document's code. */
        NONE("Theo văn bản 1520 UBND-KT của tỉnh."),
        NONE("Thực hiện Chỉ thị 05 CT/TW của Bộ Chính trị."),
        /* A name stays a name: a capital and lower-case letters, digits,
         * more than five letters. */
        NONE("Cửa hàng mở tại 12 Lê Lợi."),
        NONE("Thi đấu trên sân 3 FPT1."),
        NONE("Có 2 ASEANX."),
    };
    check_count_cases(cases, N_CASES(cases), NULL);
}

/* "đồng" of "đồng nghiệp" is no currency; "bị" of "bị cáo" no passive;
 * "triệu" of "triệu chứng" no multiplier. */
static void nouns_that_open_like_something_else(void **state)
{
    static const count_case cases[] = {
        ONE("Anh cùng 6 đồng nghiệp đã trực đêm.", "6", "đồng nghiệp",
            "6 đồng nghiệp"),
        ONE("Hội hỗ trợ 25 đồng hương gặp khó khăn.", "25", "đồng hương",
            "25 đồng hương"),
        ONE("Cơ quan điều tra đã bắt 9 đồng phạm.", "9", "đồng phạm",
            "9 đồng phạm"),
        ONE("Thủ môn và 10 đồng đội ra sân.", "10", "đồng đội",
            "10 đồng đội"),
        ONE("Tòa tuyên phạt 22 bị cáo.", "22", "bị cáo", "22 bị cáo"),
        ONE("Công an tỉnh đã khởi tố 4 bị can về tội lừa đảo.", "4",
            "bị can", "4 bị can"),
        ONE("Tòa đã triệu tập 7 bị hại.", "7", "bị hại", "7 bị hại"),
        ONE("Bệnh nhân có 2 triệu chứng điển hình.", "2",
            "triệu chứng điển hình", "2 triệu chứng điển hình"),
        ONE("Danh sách có 3 tỷ phú.", "3", "tỷ phú", "3 tỷ phú"),
        /* The currency closes the number phrase; the passive follows a
         * counted noun. */
        NONE("Mỗi suất ăn 30.000 đồng."),
        NONE("Giá gửi xe 5.000 đồng/lượt."),
        NONE("Quỹ nhận 500.000 đồng ủng hộ."),
        NONE("Có 3 bị thương nhẹ."),
        ONE("Có 3 người bị thương nhẹ.", "3", "người", "3 người"),
        /* The multiplier still multiplies. */
        ONE("Khoảng 2 triệu người xem.", "2000000", "người",
            "2 triệu người"),
        NONE("Giải thưởng 3 triệu đồng."),
    };
    check_count_cases(cases, N_CASES(cases), NULL);
}

/* A verb ending in "tập" is no volume number: "triệu tập 15 cán bộ". */
static void verbs_before_a_count(void **state)
{
    static const count_case cases[] = {
        ONE("Sở đã triệu tập 30 hiệu trưởng.", "30", "hiệu trưởng",
            "30 hiệu trưởng"),
        ONE("Bảo tàng sưu tập 1.200 hiện vật.", "1200", "hiện vật",
            "1.200 hiện vật"),
        ONE("Trong tháng, chi bộ học tập 3 chuyên đề.", "3", "chuyên đề",
            "3 chuyên đề"),
        /* A volume of a book or an episode is numbered. */
        NONE("Nhà xuất bản phát hành tập 4 bộ truyện."),
        NONE("Phim chiếu tập 12 tối nay."),
    };
    check_count_cases(cases, N_CASES(cases), NULL);
}

/* "phường 7", "quận 10": a number after a ward or district word names
 * it; the same word as a level or a whole unit does not. */
static void numbered_wards_and_districts(void **state)
{
    static const count_case cases[] = {
        NONE("Tại phường 4 phát hiện ổ dịch mới."),
        NONE("Công an quận 10 phối hợp điều tra."),
        NONE("Ở phường 9 diễn ra lễ hội."),
        NONE("UBND Quận 5 tổ chức hội nghị."),
        ONE("Quận 3 ghi nhận 12 ca mắc mới.", "12", "ca mắc mới",
            "12 ca mắc mới"),
        ONE("Bầu cử cấp xã 120 đại biểu.", "120", "đại biểu",
            "120 đại biểu"),
        ONE("Toàn phường 850 hộ đã đăng ký.", "850", "hộ", "850 hộ"),
        ONE("Mỗi xã 2 cán bộ, mỗi thôn 1 người.", "2", "cán bộ",
            "2 cán bộ"),
        ONE("Cấp thị xã 35 vị trúng cử.", "35", "vị", "35 vị"),
        ONE("Hợp tác xã 40 thành viên.", "40", "thành viên",
            "40 thành viên"),
        /* After a named place a listed noun is still counted. */
        ONE("phường Hòa Minh 60 hộ", "60", "hộ", "60 hộ"),
        /* A verb after a number makes no unit, place or not. */
        ONE("Trong 5 vụ cháy, 3 xảy ra vào ban đêm.", "5", "vụ cháy",
            "5 vụ cháy"),
    };
    check_count_cases(cases, N_CASES(cases), NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(abbreviations_head_a_count),
        cmocka_unit_test(nouns_that_open_like_something_else),
        cmocka_unit_test(verbs_before_a_count),
        cmocka_unit_test(numbered_wards_and_districts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
