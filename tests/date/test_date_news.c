/*
 * Dates as real Vietnamese news writes them (issue 9): dashes set off by
 * spaces and en dashes, months without a year, bare years after a word of
 * time, lists, spans in brackets and with times of day, holidays and
 * relative words as cues; and what looks like them and is not (scores,
 * ranges, durations, frequencies, lunar days, names of events).  Every
 * sentence is written for this test in the style of ward and district
 * news; each form is read with and without an article date.
 */
#include "date_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#define N_CASES(cases) (sizeof(cases) / sizeof *(cases))
#define NONE {{NULL, NULL}}

static void spaced_dashes(void **state)
{
    static const date_case cases[] = {
        {"Sáng 17 - 3 – 2004, đoàn kiểm tra liên ngành làm việc tại xã.",
         NULL, 1, {{"2004-03-17", "17 - 3 – 2004"}}},
        {"Ngày 9 - 10 – 2018, Ban Thường vụ Quận ủy tổ chức hội nghị.",
         NULL, 1, {{"2018-10-09", "Ngày 9 - 10 – 2018"}}},
        {"Đến ngày 31 - 12 – 2019, toàn quận có 98% hộ tham gia.", NULL, 1,
         {{"2019-12-31", "ngày 31 - 12 – 2019"}}},
        {"Quy định áp dụng vào 1 - 4 – 2021 trên toàn tỉnh.", NULL, 1,
         {{"2021-04-01", "1 - 4 – 2021"}}},
        {"Hợp đồng được ký ngày 05-7 - 2019 tại trụ sở.", NULL, 1,
         {{"2019-07-05", "ngày 05-7 - 2019"}}},
        {"Chiều 21 - 3, UBND phường đối thoại với người dân.", "2019-03-25",
         1, {{"2019-03-21", "21 - 3"}}},
        {"Chiều 21 - 3, UBND phường đối thoại với người dân.", NULL, 1,
         {{"--03-21", "21 - 3"}}},
        {"Tối 29-10, lực lượng chức năng kiểm tra 5 cơ sở.", NULL, 1,
         {{"--10-29", "29-10"}}},
        {"Gần 2 giờ sáng 9 - 8, đường ống được nối lại.", NULL, 1,
         {{"--08-09", "9 - 8"}}},
        {"Đến ngày 10 - 8, đội thi công tiếp tục khảo sát.", "2020-09-01",
         1, {{"2020-08-10", "ngày 10 - 8"}}},
        {"Dự án khởi công từ tháng 8 – 2003, thời hạn 36 tháng.", NULL, 1,
         {{"2003-08", "tháng 8 – 2003"}}},
        {"Tháng 12 - 2019, phường được công nhận đạt chuẩn.", NULL, 1,
         {{"2019-12", "Tháng 12 - 2019"}}},
        {"Thu ngân sách quí 1 - 2004 chỉ đạt 10 tỉ đồng.", NULL, 1,
         {{"2004-Q1", "quí 1 - 2004"}}},
        {"Nghị quyết có hiệu lực từ ngày 15/3 năm 2019.", NULL, 1,
         {{"2019-03-15", "ngày 15/3 năm 2019"}}},
        {"Hội chợ diễn ra từ ngày 10 - 12 tháng 3.", NULL, 1,
         {{"--03-10/--03-12", "từ ngày 10 - 12 tháng 3"}}},
        /* Scores, ranges and addresses share the form. */
        {"Đội nhà thắng 2 - 1 trên sân khách.", "2020-05-01", 0, NONE},
        {"Mỗi tổ có 3 - 4 người, mỗi tối 2 - 3 người trực.", "2020-05-01",
         0, NONE},
        {"Khu công viên 30 - 4 và đường 3 - 2 đông đúc.", "2020-05-01", 0,
         NONE},
        {"Cao điểm là sáng 8-9 giờ, chiều 5 - 6 giờ.", "2020-05-01", 0,
         NONE},
        {"Giá dao động từ 10 - 12 nghìn đồng.", "2020-05-01", 0, NONE},
        {"Dịp lễ này, người dân được nghỉ lễ 4 - 5 ngày.", "2020-05-01", 0,
         NONE},
        {"Điểm thi của em dao động từ 8 - 9.", "2020-05-01", 0, NONE},
        {"Đoạn sông sạt lở 20 - 25 m, độ tuổi 28 - 30.", "2020-05-01", 0,
         NONE},
    };
    check_date_cases(cases, N_CASES(cases), NULL);
}

static void months_without_a_year(void **state)
{
    static const date_case cases[] = {
        {"Trong tháng 6, phường tổ chức 3 đợt ra quân.", "2020-07-02", 1,
         {{"2020-06", "tháng 6"}}},
        {"Trong tháng 6, phường tổ chức 3 đợt ra quân.", NULL, 1,
         {{"--06", "tháng 6"}}},
        {"Dự kiến cuối tháng 9 sẽ hoàn thành thủ tục.", "2020-05-15", 1,
         {{"2020-09", "tháng 9"}}},
        {"Vào tháng sáu, thời tiết nắng nóng kéo dài.", NULL, 1,
         {{"--06", "tháng sáu"}}},
        {"Những ngày đầu tháng tư, người dân đổ về chợ hoa.", NULL, 1,
         {{"--04", "tháng tư"}}},
        {"Tháng tám này, đoàn sẽ sang làm việc với tỉnh bạn.", "2019-03-01",
         1, {{"2019-08", "Tháng tám"}}},
        {"Mùa cao điểm (tháng chín, tháng mười) thu hút nhiều khách.", NULL,
         2, {{"--09", "tháng chín"}, {"--10", "tháng mười"}}},
        {"Lễ hội diễn ra vào các tháng 6, 7 và 8.", "2021-05-01", 3,
         {{"2021-06", "tháng 6"}, {"2021-07", "7"}, {"2021-08", "8"}}},
        {"Vào khoảng tháng 10, 11 - 2000, nhiều hộ được giao đất.", NULL, 2,
         {{"2000-10", "tháng 10"}, {"2000-11", "11 - 2000"}}},
        {"Trong tháng 7, 8 hộ dân được hỗ trợ.", "2020-08-01", 1,
         {{"2020-07", "tháng 7"}}},
        {"tháng 12 năm ngoái", "2019-05-10", 1,
         {{"2018-12", "tháng 12 năm ngoái"}}},
        {"mãi đến tháng 3 năm nay mới khai trương", NULL, 1,
         {{"--03", "tháng 3"}}},
        /* Durations, frequencies, names, lunar months. */
        {"Sau 6 tháng triển khai, mô hình được nhân rộng.", "2020-05-01", 0,
         NONE},
        {"Anh làm được một tháng tám ngày thì nghỉ.", "2020-05-01", 0, NONE},
        {"Mỗi tháng 2 lần, tổ kiểm tra đi thực tế; hàng tháng 1 lần họp.",
         "2020-05-01", 0, NONE},
        {"Trong ba tháng đầu năm, những năm tháng gian khó.", "2020-05-01",
         0, NONE},
        {"Người lao động nhận lương tháng 13 vào cuối năm.", "2020-05-01", 0,
         NONE},
        {"Kỷ niệm 75 năm Cách mạng Tháng Tám và Quốc khánh 2/9.",
         "2020-08-20", 1, {{"2020-09-02", "2/9"}}},
        {"Bấy giờ là tháng năm ta, tàu cập gần đảo.", "2020-05-01", 0, NONE},
        {"Rằm tháng 7 và rằm tháng Giêng là dịp lễ lớn.", "2020-05-01", 0,
         NONE},
        {"Tháng Thanh niên năm nay có nhiều hoạt động.", "2020-05-01", 0,
         NONE},
    };
    check_date_cases(cases, N_CASES(cases), NULL);
}

static void bare_years(void **state)
{
    static const date_case cases[] = {
        {"Phấn đấu đến 2030, thành phố có 5 quận đạt chuẩn.", NULL, 1,
         {{"2030", "2030"}}},
        {"Quy hoạch chung đến năm 2030, tầm nhìn 2045.", NULL, 2,
         {{"2030", "năm 2030"}, {"2045", "2045"}}},
        {"Tổng thu năm 2019 và 2020 đều vượt dự toán.", NULL, 2,
         {{"2019", "năm 2019"}, {"2020", "2020"}}},
        {"Số hộ nghèo các năm 2018, 2019 và 2020 giảm dần.", NULL, 3,
         {{"2018", "năm 2018"}, {"2019", "2019"}, {"2020", "2020"}}},
        {"Ông sinh năm 1962, nguyên Bí thư Đảng ủy phường.", NULL, 1,
         {{"1962", "sinh năm 1962"}}},
        {"Ứng cử viên Nguyễn Văn An (SN 1975), Phó Chủ tịch UBND phường.",
         NULL, 1, {{"1975", "SN 1975"}}},
        {"Bà Trần Thị Bình (sinh 1980), Trưởng phòng Nội vụ.", NULL, 1,
         {{"1980", "1980"}}},
        {"Tết Mậu Thân 1968, quân và dân thành phố nổi dậy.", NULL, 1,
         {{"1968", "1968"}}},
        {"Trước 1975, khu vực này là vùng trắng.", NULL, 1,
         {{"1975", "1975"}}},
        {"Cuối 2019, dự án hoàn thành giai đoạn 1.", NULL, 1,
         {{"2019", "2019"}}},
        /* Counts, money and durations with four digits. */
        {"Dự kiến có đến 2000 người tham dự.", NULL, 0, NONE},
        {"Số hộ giảm từ 1500 xuống còn 1200 hộ.", NULL, 0, NONE},
        {"Di tích có lịch sử sau 2000 năm bồi đắp.", NULL, 0, NONE},
        {"Giải thưởng trị giá 2000 USD, khoảng 2019 lượt khách.", NULL, 0,
         NONE},
        {"Công văn số 2030/UBND-VP của quận.", NULL, 0, NONE},
        {"Trong năm 2020 và 1950 hộ được cấp nước sạch.", NULL, 1,
         {{"2020", "năm 2020"}}},
    };
    check_date_cases(cases, N_CASES(cases), NULL);
}

static void spans_and_intervals(void **state)
{
    static const date_case cases[] = {
        {"So với nhiệm kỳ trước (2011 - 2015), đảng viên mới tăng 12%.",
         NULL, 1, {{"2011/2015", "2011 - 2015"}}},
        {"Ông công tác tại huyện (từ 3/2015 - 8/2018) rồi về quận.", NULL,
         1, {{"2015-03/2018-08", "từ 3/2015 - 8/2018"}}},
        {"Lấy ý kiến nhân dân từ 12/6 đến 17h ngày 15/6.", "2020-06-10", 1,
         {{"2020-06-12/2020-06-15", "từ 12/6 đến 17h ngày 15/6"}}},
        {"Tiếp nhận hồ sơ từ 7 giờ 30 sáng ngày 3/8 đến 16 giờ 30 phút "
         "chiều ngày 7/8/2021.",
         NULL, 1,
         {{"2021-08-03/2021-08-07",
           "từ 7 giờ 30 sáng ngày 3/8 đến 16 giờ 30 phút chiều ngày "
           "7/8/2021"}}},
        {"Kéo dài đến 4 giờ sáng ngày 12 - 8 mới xong.", NULL, 1,
         {{"--08-12", "ngày 12 - 8"}}},
        {"Tính từ năm 1995 đến tháng 1 - 2004 đã có 760 hồ sơ.", NULL, 1,
         {{"1995/2004-01", "từ năm 1995 đến tháng 1 - 2004"}}},
        {"Trong khoảng thời gian 1990 - 2000, thu nhập khá lên.", NULL, 1,
         {{"1990/2000", "thời gian 1990 - 2000"}}},
        {"Giai đoạn từ 2016 đến 2020, quận xây 12 trường.", NULL, 1,
         {{"2016/2020", "từ 2016 đến 2020"}}},
        {"Dịp lễ 30/4 - 1/5, các điểm du lịch đông khách.", "2021-04-20", 1,
         {{"2021-04-30/2021-05-01", "30/4 - 1/5"}}},
        {"Thời kỳ 1945 - 1954, mùa giải 2019 - 2020.", NULL, 2,
         {{"1945/1954", "Thời kỳ 1945 - 1954"},
          {"2019/2020", "mùa giải 2019 - 2020"}}},
        {"từ 15/3 đến tháng 6/2019", NULL, 1,
         {{"2019-03-15/2019-06", "từ 15/3 đến tháng 6/2019"}}},
        /* Ranges of prices and counts. */
        {"Giá dao động (2000 - 2500 đồng/kg).", NULL, 0, NONE},
        {"Mỗi khu (1200 - 1250 m2) được giao cho một hộ.", NULL, 0, NONE},
        {"Mức thu từ 1500 - 2000 đồng mỗi lượt.", NULL, 0, NONE},
        {"Số lượng tăng từ 1200 đến 1250, vượt kế hoạch.", NULL, 0, NONE},
    };
    check_date_cases(cases, N_CASES(cases), NULL);
}

static void holidays_and_relative_cues(void **state)
{
    static const date_case cases[] = {
        {"Tại lễ kỷ niệm ngày Nước thế giới (22 - 3), đại diện UNDP phát "
         "biểu.",
         "2020-03-25", 1, {{"2020-03-22", "22 - 3"}}},
        {"Nhân Ngày Nhà giáo Việt Nam 20/11, lãnh đạo quận thăm trường.",
         "2020-11-18", 1, {{"2020-11-20", "20/11"}}},
        {"Kỷ niệm 59 năm Cách mạng tháng Tám và quốc khánh 2 - 9.", NULL, 1,
         {{"--09-02", "2 - 9"}}},
        {"Hội nghị tổng kết diễn ra hôm qua 23-3 tại hội trường.", NULL, 1,
         {{"--03-23", "23-3"}}},
        {"Buổi giao lưu (hôm qua, 18 - 8, tại nhà văn hóa) rất sôi nổi.",
         NULL, 1, {{"--08-18", "18 - 8"}}},
        {"Theo dự kiến, hôm nay 24-3, tòa tiếp tục xét xử.", "2004-03-24", 1,
         {{"2004-03-24", "24-3"}}},
        {"Chiều qua (20/5), Ban Chỉ đạo họp trực tuyến.", "2021-05-21", 1,
         {{"2021-05-20", "20/5"}}},
        {"Tối nay 15/3, đoàn nghệ thuật biểu diễn phục vụ.", NULL, 1,
         {{"--03-15", "15/3"}}},
        /* A bracketed fraction after plain words is no date. */
        {"Trong ngày làm việc có 2/3 số cán bộ trực.", NULL, 0, NONE},
        {"Tỷ lệ đạt (2/3) so với kế hoạch.", NULL, 0, NONE},
    };
    check_date_cases(cases, N_CASES(cases), NULL);
    /* With relative words asked for, a relative word followed by the date
     * it names is still one fact. */
    static const date_case relative_cases[] = {
        {"Hội nghị diễn ra hôm qua 23-3 tại hội trường.", "2004-03-24", 1,
         {{"2004-03-23", "23-3"}}},
        {"Hội nghị diễn ra hôm qua tại hội trường.", "2004-03-24", 1,
         {{"2004-03-23", "hôm qua"}}},
    };
    const char *relative[] = {"relative=true", NULL};
    check_date_cases(relative_cases, N_CASES(relative_cases), relative);
}

static void lunar_days(void **state)
{
    static const date_case cases[] = {
        {"Từ 20 - 27 Tết bán hàng, 28 - 30 Tết trông xe, mồng 1 - 6 nghỉ.",
         "2020-01-20", 0, NONE},
        {"Sáng mồng 1 - 6, quận tổ chức Ngày hội thiếu nhi.", "2020-05-20", 1,
         {{"2020-06-01", "mồng 1 - 6"}}},
        {"Đêm 30 tháng Chạp năm 1959, đoàn tàu xuất phát.", NULL, 1,
         {{"1959", "năm 1959"}}},
        {"Tết Nguyên đán Canh Tý 2020 đến sớm.", NULL, 1,
         {{"2020", "2020"}}},
        {"Lễ hội tổ chức ngày 10 tháng 3 âm lịch.", "2020-05-01", 0, NONE},
    };
    check_date_cases(cases, N_CASES(cases), NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(spaced_dashes),
        cmocka_unit_test(months_without_a_year),
        cmocka_unit_test(bare_years),
        cmocka_unit_test(spans_and_intervals),
        cmocka_unit_test(holidays_and_relative_cues),
        cmocka_unit_test(lunar_days),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
