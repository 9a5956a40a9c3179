/*
 * The constructions real news writes around counts (the guideline,
 * docs/GUIDELINE.md, "Numbers in Vietnamese text" and "count"): thousands
 * grouped by spaces, word multipliers, ranges, and the numbers that are no
 * counts although a noun may follow them — currencies of any country,
 * measures of sea and land, lunar days, house numbers, numbered stations
 * and institutes, the end of a proper name, times of day, pronouns and
 * verbs after a number.  Sentences in the style of Vietnamese news, each
 * negative next to the positive it must not be confused with.
 */
#include "count_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#define N_CASES(cases) (sizeof(cases) / sizeof *(cases))
#define NONE(text) {text, 0, {{NULL, NULL, NULL}}}
#define ONE(text, value, unit, surface) {text, 1, {{value, unit, surface}}}

/* "25 000", "25. 000" (a typesetter's break), a no-break space. */
static void thousands_grouped_by_spaces(void **state)
{
    static const count_case cases[] = {
        ONE("Hơn 25 000 người dân đã được tiêm vắc xin.", "25000",
            "người dân", "25 000 người dân"),
        ONE("Thành phố có 1 250 000 hộ gia đình.", "1250000", "hộ gia đình",
            "1 250 000 hộ gia đình"),
        ONE("Đã có 12\xC2\xA0" "500 lượt người đến tham quan.", "12500",
            "lượt người", "12\xC2\xA0" "500 lượt người"),
        ONE("Khoảng 25. 000 hộ dân bị mất điện trong đêm.", "25000",
            "hộ dân", "25. 000 hộ dân"),
        ONE("trên 10. 000 thanh niên tình nguyện", "10000",
            "thanh niên tình nguyện", "10. 000 thanh niên tình nguyện"),
        /* A level ends its sentence: the next one starts with a count. */
        ONE("Trường được công nhận đạt chuẩn mức độ 2. 954 học sinh đã "
            "nhập học.", "954", "học sinh", "954 học sinh"),
        ONE("Nhà văn hóa tổ 5. 120 hộ dân đã đóng góp.", "120", "hộ dân",
            "120 hộ dân"),
        /* A group has three digits after at most three; a tab separates
         * table cells, not groups. */
        NONE("Năm 2019 200 hộ"), NONE("Tổ 12\t500 hộ"),
        /* Phone numbers, with an area code in brackets too. */
        NONE("Đường dây nóng (028) 3 822 456 người dân gọi"),
        NONE("Liên hệ (+84) 912 345 678 cán bộ trực"),
        NONE("0905 123 456 người"),
        /* Too many digits for a count. */
        NONE("có 1 000 000 000 000 người"),
        /* A list item in brackets is no area code. */
        ONE("(2) 300 hộ nghèo được hỗ trợ", "300", "hộ nghèo",
            "300 hộ nghèo"),
    };
    check_count_cases(cases, N_CASES(cases), NULL);
}

/* "3 triệu người" is 3000000; money and bare sums stay out. */
static void word_multipliers(void **state)
{
    static const count_case cases[] = {
        ONE("Cả nước có khoảng 3 triệu người cao tuổi.", "3000000",
            "người cao tuổi", "3 triệu người cao tuổi"),
        ONE("Hội An đón 40 nghìn lượt khách trong dịp lễ.", "40000",
            "lượt khách", "40 nghìn lượt khách"),
        ONE("trên 1,2 triệu đảng viên", "1200000", "đảng viên",
            "1,2 triệu đảng viên"),
        ONE("gần 12 ngàn học sinh", "12000", "học sinh",
            "12 ngàn học sinh"),
        ONE("hơn 2 vạn đoàn viên", "20000", "đoàn viên", "2 vạn đoàn viên"),
        ONE("3 triệu 500 nghìn lượt người", "3500000", "lượt người",
            "3 triệu 500 nghìn lượt người"),
        ONE("1.5 triệu hộ dân", "1500000", "hộ dân", "1.5 triệu hộ dân"),
        ONE("5 - 6 triệu người", "6000000", "người", "5 - 6 triệu người"),
        /* Money, written or implied, and sums with nothing counted. */
        NONE("hỗ trợ 300 triệu đồng"), NONE("2,5 tỷ đồng"),
        NONE("thu 15 triệu"), NONE("trị giá 4 triệu USD"),
        NONE("gom được hơn 50 triệu chuyển cho quỹ"),
        NONE("3 triệu tấn lúa"),
        /* No whole number, or too large. */
        NONE("2,5555 nghìn người"), NONE("3 nghìn tỷ người"),
        NONE("2,5 người"),
    };
    check_count_cases(cases, N_CASES(cases), NULL);
}

/* "40 - 60 chiếc" counts 60; dates and spans written alike do not. */
static void ranges_count_their_upper_number(void **state)
{
    static const count_case cases[] = {
        ONE("Mỗi đêm có 40 - 60 chiếc tàu hút cát, gây sạt lở bờ sông.", "60",
            "chiếc tàu hút cát", "40 - 60 chiếc tàu hút cát"),
        ONE("mỗi xã cử 1.500-2.000 đoàn viên", "2000", "đoàn viên",
            "1.500-2.000 đoàn viên"),
        ONE("từ 20–30 hộ", "30", "hộ", "20–30 hộ"),
        ONE("khoảng 3 - 4 cán bộ", "4", "cán bộ", "3 - 4 cán bộ"),
        ONE("1,5-2 triệu lượt khách", "2000000", "lượt khách",
            "1,5-2 triệu lượt khách"),
        /* The words before the lower number decide: dates, years. */
        NONE("Tối 1 - 4 đoàn viên tập trung"),
        NONE("ngày 5-10 đại biểu"),
        NONE("trong hai ngày 22 và 23 - 10 đoàn công tác đã đến"),
        NONE("sáng 17 - 3 – 2004 người dân"),
        NONE("giai đoạn 2016-2020 các đơn vị"),
        NONE("tháng 10 - 2018 cán bộ"),
        NONE("05-10-2018 người"),
        NONE("Dịp nghỉ lễ 30-4 và 1-5 hàng nghìn người đổ về"),
        /* A ratio, a score, a minus sign, a code. */
        NONE("cao hơn 0,5-1 lần"), NONE("thắng 3 - 1 đội bạn"),
        NONE("hòa 2 - 2 đội khách"), NONE("có -1 người"),
        NONE("vắc xin COVID-19 người dân"), NONE("tiêm kích Su-30 chiếc"),
        /* A sentence's dash stays a dash. */
        ONE("Kết quả - 30 hộ thoát nghèo", "30", "hộ thoát nghèo",
            "30 hộ thoát nghèo"),
    };
    check_count_cases(cases, N_CASES(cases), NULL);
}

/* Money of any country, measures of sea and land, lunar days. */
static void currencies_measures_and_lunar_days(void **state)
{
    static const count_case cases[] = {
        NONE("lệ phí 50 đôla"), NONE("giá 12.000 baht"),
        NONE("dao động từ 10 - 14 NDT"), NONE("thưởng 100 yên"),
        NONE("phạt 20 euro"), NONE("5 nhân dân tệ"),
        NONE("300 bảng Anh"), NONE("5.000 đài tệ"), NONE("2 cây vàng"),
        NONE("lương 800 đô-la"), NONE("giá 30 rúp"),
        NONE("cách bờ 100 hải lý"), NONE("10.000 khối đất đá"),
        NONE("rộng chừng 4 tấc"), NONE("chạy 5 dặm"),
        NONE("20 cân gạo"), NONE("1 cc mật gấu"), NONE("60 feet"),
        NONE("đến 28 tết mới về"), NONE("mồng 2 Tết"),
        NONE("từ 20 - 27 tết chạy bàn"), NONE("nghỉ 3 hôm"),
        /* The counted nouns that start like a currency or a measure. */
        ONE("lắp 20 bảng tin", "20", "bảng tin", "20 bảng tin"),
        ONE("12 đô thị loại II", "12", "đô thị loại", "12 đô thị loại"),
        ONE("5 khối phố", "5", "khối phố", "5 khối phố"),
        ONE("3 khối thi đua", "3", "khối thi đua", "3 khối thi đua"),
        ONE("tặng 3 đồng hồ", "3", "đồng hồ", "3 đồng hồ"),
        ONE("lấy 200 mẫu xét nghiệm", "200", "mẫu xét nghiệm",
            "200 mẫu xét nghiệm"),
        /* "mẫu" counts samples and models; it measures land only before
         * the land or its kind. */
        ONE("đã lấy 146 mẫu tôm xét nghiệm", "146", "mẫu tôm xét nghiệm",
            "146 mẫu tôm xét nghiệm"),
        ONE("phát hiện 19 mẫu dương tính", "19", "mẫu dương tính",
            "19 mẫu dương tính"),
        ONE("có 37 mẫu không đạt", "37", "mẫu", "37 mẫu"),
        ONE("lấy 5 mẫu nước gửi đi", "5", "mẫu nước", "5 mẫu nước"),
        NONE("gia đình có 5 mẫu ruộng"), NONE("thêm 2 mẫu đất"),
        NONE("trồng 10 mẫu lúa"), NONE("khoảng 3 mẫu ta"),
        NONE("rộng 40 mẫu Anh"),
    };
    check_count_cases(cases, N_CASES(cases), NULL);
}

/* House numbers, numbered stations and institutes, proper names. */
static void names_and_addresses(void **state)
{
    static const count_case cases[] = {
        NONE("văn phòng ở 88 nguyễn văn linh, Đà Nẵng"),
        NONE("công ty tại 93 trần hưng đạo, quận 1"),
        NONE("ở địa chỉ 274 đường lớn"),
        NONE("Trạm 20 đóng tại km 91 quốc lộ 20"),
        NONE("phát hiện trạm 20 tổ chức thu tiền"),
        NONE("đưa lên viện 108 điều trị"),
        NONE("Học viện Quân y 103 phải chuẩn bị"),
        NONE("tại Sea Games 22 diễn ra ở Hà Nội"),
        NONE("tàu Hải Thành 26 cập cảng"),
        NONE("đạt chuẩn mức độ 2 trường"),
        NONE("Quận 7 500 hộ"),
        /* Surnames that are also common nouns stay counts. */
        ONE("xây 3 hồ chứa nước", "3", "hồ chứa nước", "3 hồ chứa nước"),
        ONE("đặc xá 200 phạm nhân", "200", "phạm nhân", "200 phạm nhân"),
        ONE("con đường 24 khúc cua", "24", "khúc cua", "24 khúc cua"),
        ONE("xây bệnh viện 1.000 giường", "1000", "giường",
            "1.000 giường"),
        /* A listed noun after a name or an acronym is counted. */
        ONE("xã Hòa Bắc 30 hộ dân", "30", "hộ dân", "30 hộ dân"),
        ONE("Chủ tịch UBND 12 xã", "12", "xã", "12 xã"),
        ONE("Sau đó 15 đại biểu phát biểu", "15", "đại biểu",
            "15 đại biểu"),
    };
    check_count_cases(cases, N_CASES(cases), NULL);
}

/* Times of day and days named by them; pronouns and verbs after a
 * number ending a name or an age. */
static void times_pronouns_and_verbs(void **state)
{
    static const count_case cases[] = {
        NONE("Rạng sáng 15 họ đã tìm thấy thi thể"),
        NONE("chiều 20 đoàn công tác về đến xã"),
        NONE("Đêm 12 lực lượng cứu hộ"),
        NONE("lúc 8 g 20 xe chở hàng"), NONE("14 h 30 đại biểu"),
        NONE("Cả 4 chúng tôi đều bị thương"),
        NONE("bà cụ 80 sống một mình"),
        NONE("ông lão 70 nói với phóng viên"),
        NONE("thôn an phú 1 lại lo lắng"),
        /* Not a time of day: the most, the least. */
        ONE("tối đa 50 người", "50", "người", "50 người"),
        ONE("tối thiểu 20 học viên", "20", "học viên", "20 học viên"),
        ONE("nâng lên con số 5.000 người", "5000", "người", "5.000 người"),
        /* A unit ends before a pronoun or a verb. */
        ONE("gồm 20 người vậy mà", "20", "người", "20 người"),
        ONE("có 19 công nhân làm vàng", "19", "công nhân", "19 công nhân"),
        /* The counted pronoun-like nouns stay: parishes. */
        ONE("giáo xứ có 12 họ đạo", "12", "họ đạo", "12 họ đạo"),
    };
    check_count_cases(cases, N_CASES(cases), NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(thousands_grouped_by_spaces),
        cmocka_unit_test(word_multipliers),
        cmocka_unit_test(ranges_count_their_upper_number),
        cmocka_unit_test(currencies_measures_and_lunar_days),
        cmocka_unit_test(names_and_addresses),
        cmocka_unit_test(times_pronouns_and_verbs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
