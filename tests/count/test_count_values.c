/*
 * What is a count and what is not: every example of docs/GUIDELINE.md, count, the
 * sentences of the seed page (samples/thanhkhe-2018-10-09.txt), and
 * sentences in the style of real bulletins that exercise each rule.
 */
#include "count_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#define N_CASES(cases) (sizeof(cases) / sizeof *(cases))
#define NONE(text) {text, 0, {{NULL, NULL, NULL}}}

/* docs/GUIDELINE.md, count: the examples of what is a count. */
static void facts_md_counts(void **state)
{
    static const count_case cases[] = {
        {"532 quần chúng ưu tú", 1,
         {{"532", "quần chúng ưu tú", "532 quần chúng ưu tú"}}},
        {"203 đảng viên", 1, {{"203", "đảng viên", "203 đảng viên"}}},
        {"133 lượt cán bộ", 1, {{"133", "lượt cán bộ", "133 lượt cán bộ"}}},
        {"10 phường", 1, {{"10", "phường", "10 phường"}}},
        {"03 Đoàn giám sát", 1,
         {{"3", "Đoàn giám sát", "03 Đoàn giám sát"}}},
        {"1.250 hộ gia đình", 1,
         {{"1250", "hộ gia đình", "1.250 hộ gia đình"}}},
        {"521 vị", 1, {{"521", "vị", "521 vị"}}},
        {"1.250 người", 1, {{"1250", "người", "1.250 người"}}},
        {"18.165.267 lượt truy cập", 1,
         {{"18165267", "lượt truy cập", "18.165.267 lượt truy cập"}}},
        /* Approximations keep their number. */
        {"hơn 500 người dân", 1, {{"500", "người dân", "500 người dân"}}},
        {"trên 1.000 lượt", 1, {{"1000", "lượt", "1.000 lượt"}}},
        {"gần 300 hộ", 1, {{"300", "hộ", "300 hộ"}}},
        {"khoảng 20 doanh nghiệp", 1,
         {{"20", "doanh nghiệp", "20 doanh nghiệp"}}},
    };
    check_count_cases(cases, N_CASES(cases), NULL);
}

/* docs/GUIDELINE.md, count, "Not counts", with a counted noun after each number
 * where the text allows one, so that only the rule keeps it out. */
static void facts_md_not_counts(void **state)
{
    static const count_case cases[] = {
        /* dates */
        NONE("ngày 05/10/2018 hộ dân"), NONE("năm 2020 người dân"),
        NONE("tháng 10 đoàn viên"), NONE("quý III/2018"),
        NONE("ngày 5 tháng 10 năm 2018 cán bộ"),
        /* percentages */
        NONE("chiếm 21,1% hộ nghèo"), NONE("100 % hộ dân"),
        NONE("tăng 5 phần trăm"),
        /* document numbers */
        NONE("Quyết định số 217-QĐ/TW"), NONE("Kế hoạch 45/KH-UBND"),
        NONE("Đề án 02 của Quận ủy"), NONE("Nghị quyết 35 đảng viên"),
        NONE("Chỉ thị 05 cán bộ"), NONE("Quyết định 217, 218-QĐ/TW"),
        /* durations and ages */
        NONE("5 năm"), NONE("6 tháng"), NONE("3 ngày"), NONE("2 tuần"),
        NONE("65 tuổi"), NONE("trong 05 năm qua"),
        /* money */
        NONE("2,5 tỷ đồng"), NONE("300 triệu đồng"), NONE("500.000 đồng"),
        NONE("15 triệu"), NONE("100 USD"),
        /* measures */
        NONE("12 km"), NONE("3,5 ha"), NONE("200 m2"), NONE("15 tấn"),
        NONE("20 kg"), NONE("100 m³"), NONE("30 lít"), NONE("5 cây số"),
        /* ordinals and names */
        NONE("lần thứ 3 đại biểu"), NONE("thứ 2 hằng tuần"),
        NONE("Nghị quyết Trung ương 4 (khóa XI)"),
        NONE("Quốc lộ 1A"), NONE("Quốc lộ 14B"), NONE("Quốc lộ 14 đoạn"),
        NONE("số 12 Lê Duẩn"), NONE("tại 12 Lê Duẩn"),
        NONE("khu dân cư số 3"), NONE("tổ dân phố số 5 phường"),
        NONE("tổ 5 phường Xuân Hà"), NONE("UBND Quận 3 tổ chức"),
        NONE("Chủ tịch UBND Phường 14 Trần Văn A"),
        /* phone numbers */
        NONE("0236.3812345 người"), NONE("(0236) 3 812 345 người"),
        NONE("1900 1234 người"), NONE("ĐT: 0236 3812 345 lượt"),
        NONE("0905123456 người"),
        /* codes */
        NONE("Chuyến bay VN 123 hạ cánh"), NONE("QL 14 đoạn qua"),
        /* times of day */
        NONE("8 giờ 30 phút"), NONE("14h đại biểu"), NONE("lúc 7 giờ"),
        NONE("8:30 đại biểu"),
        /* decimals and words glued to the number */
        NONE("2,5 người"), NONE("F0 5"), NONE("COVID-19 người"),
        /* followed by a function word, a verb, punctuation or nothing */
        NONE("Hôm nay: 1985"), NONE("Tổng cộng: 18165267"),
        NONE("phần 1 giới thiệu"),
        NONE("đạt 15 và"), NONE("có 12."), NONE("giảm 3 so với"),
        NONE("ngày 10 và 25 hằng tháng"),
        /* spans of years */
        NONE("nhiệm kỳ 2016 - 2021 đã giới thiệu"),
        NONE("giai đoạn 2016-2020 các đơn vị"),
        NONE("Đến 2020 toàn quận"), NONE("Năm 2019 phấn đấu"),
    };
    check_count_cases(cases, N_CASES(cases), NULL);
}

/* The article of the seed page, sentence by sentence. */
static void seed_page_sentences(void **state)
{
    static const count_case cases[] = {
        NONE("Sơ kết 05 năm thực hiện Đề án 02, 03-ĐA/QU của Quận ủy và sơ "
             "kết 5 năm thực hiện Quyết định số 217-QĐ/TW, 218-QĐ/TW của Bộ "
             "Chính trị (Khóa XI)"),
        NONE("Sáng ngày 05/10/2018, Quận ủy Thanh Khê tổ chức Hội nghị sơ "
             "kết 05 năm thực hiện Quyết định số 217-QĐ/TW, Quyết định số "
             "218-QĐ/TW của Bộ Chính trị (khóa XI), Đề án 02-ĐA/QU của Quận "
             "ủy về “Phát triển đảng viên ở khu dân cư đến năm 2020”, Đề án "
             "số 03-ĐA/QU về “Công tác cán bộ quận Thanh Khê đến năm 2020” ."),
        {"Thực hiện Đề án số 02-ĐA/QU, trong 5 năm, đảng ủy 10 phường đã "
         "cử được 532 quần chúng ưu tú ở khu dân cư đi học lớp bồi dưỡng "
         "nhận thức về Đảng.",
         2,
         {{"10", "phường", "10 phường"},
          {"532", "quần chúng ưu tú", "532 quần chúng ưu tú"}}},
        {"Đã kết nạp 203 đảng viên ở khu dân cư trên tổng số 961 đảng viên "
         "được kết nạp toàn quận (chiếm 21,1%), đạt 36,9% chỉ tiêu của Đề "
         "án.",
         2,
         {{"203", "đảng viên", "203 đảng viên"},
          {"961", "đảng viên", "961 đảng viên"}}},
        {"Trong 05 năm qua, Ban Thường vụ Quận ủy đã đề bạt, bổ nhiệm, giới "
         "thiệu để bầu 133 lượt cán bộ giữ các chức danh lãnh đạo chủ chốt "
         "ở quận và phường.",
         1, {{"133", "lượt cán bộ", "133 lượt cán bộ"}}},
        {"Trong cuộc bầu cử đại biểu Hội đồng nhân dân quận, phường nhiệm "
         "kỳ 2016 - 2021 đã giới thiệu 521 vị ứng cử đại biểu Hội đồng nhân "
         "dân quận, phường, trong đó cấp quận 67 vị, cấp phường 454 vị.",
         3,
         {{"521", "vị", "521 vị"},
          {"67", "vị", "67 vị"},
          {"454", "vị", "454 vị"}}},
        {"Công tác giám sát 5 năm qua, Ban Thường vụ Quận ủy đã thành lập 03 "
         "Đoàn giám sát đối với các đơn vị, địa phương.",
         1, {{"3", "Đoàn giám sát", "03 Đoàn giám sát"}}},
        NONE("đóng góp ý kiến cho tổ chức đảng và cán bộ, đảng viên theo "
             "tinh thần Nghị quyết Trung ương 4 (khóa XI) \"Một số vấn đề "
             "cấp bách về xây dựng Đảng hiện nay\""),
        {"Tại Hội nghị có 08 tập thể, 08 cá nhân có thành tích trong việc "
         "thực hiện Đề án 02-ĐA/QU và 03 tập thể có thành tích trong việc "
         "thực hiện Quyết định 217, 218-QĐ/TW của Bộ Chính trị được khen "
         "thưởng.",
         3,
         {{"8", "tập thể", "08 tập thể"},
          {"8", "cá nhân", "08 cá nhân"},
          {"3", "tập thể", "03 tập thể"}}},
        NONE("Cập nhật ngày: 09-10-2018"),
        NONE("1 8 1 6 5 2 6 7"),
    };
    check_count_cases(cases, N_CASES(cases), NULL);
}

/* Where the unit ends: at punctuation, a function word, a number, a
 * capitalized word, or the word limit; a listed noun is kept whole. */
static void unit_extent(void **state)
{
    static const count_case cases[] = {
        {"35 đại biểu HĐND quận", 1,
         {{"35", "đại biểu", "35 đại biểu"}}},
        {"606 lượt cán bộ, công chức", 1,
         {{"606", "lượt cán bộ", "606 lượt cán bộ"}}},
        {"6 tổ chức cơ sở đảng.", 1,
         {{"6", "tổ chức cơ sở đảng", "6 tổ chức cơ sở đảng"}}},
        {"32 chi bộ trực thuộc", 1, {{"32", "chi bộ", "32 chi bộ"}}},
        {"5 đồng chí", 1, {{"5", "đồng chí", "5 đồng chí"}}},
        {"500 cây xanh", 1, {{"500", "cây xanh", "500 cây xanh"}}},
        {"12 tác phẩm 3 giải", 2,
         {{"12", "tác phẩm", "12 tác phẩm"}, {"3", "giải", "3 giải"}}},
        /* The word limit (6 syllables) stops modifiers. */
        {"40 thanh niên tình nguyện xuất sắc tiêu biểu nhất quận", 1,
         {{"40", "thanh niên tình nguyện xuất sắc",
           "40 thanh niên tình nguyện xuất sắc"}}},
        {"tổng số 961 đảng viên", 1, {{"961", "đảng viên", "961 đảng viên"}}},
        {"mỗi năm 200 hộ thoát nghèo", 1,
         {{"200", "hộ thoát nghèo", "200 hộ thoát nghèo"}}},
        /* An unlisted lower-case noun is counted (open nouns). */
        {"ký kết 15 hợp đồng", 1, {{"15", "hợp đồng", "15 hợp đồng"}}},
        {"200 người năm 2019", 1, {{"200", "người", "200 người"}}},
        {"từ 200 hộ lên 300 hộ", 2,
         {{"200", "hộ", "200 hộ"}, {"300", "hộ", "300 hộ"}}},
        /* A thousands dot, a leading zero, a non-breaking space. */
        {"7.939 hộ gia đình", 1,
         {{"7939", "hộ gia đình", "7.939 hộ gia đình"}}},
        {"có 0 trường hợp", 1, {{"0", "trường hợp", "0 trường hợp"}}},
        {"16.131\xC2\xA0lượt người", 1,
         {{"16131", "lượt người", "16.131\xC2\xA0lượt người"}}},
    };
    check_count_cases(cases, N_CASES(cases), NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(facts_md_counts),
        cmocka_unit_test(facts_md_not_counts),
        cmocka_unit_test(seed_page_sentences),
        cmocka_unit_test(unit_extent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
