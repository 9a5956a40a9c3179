/* The text check-plugin runs plugins on: one line per block, written the
 * way district bulletins are, so that every in-tree kind of fact occurs —
 * numbers with the Vietnamese decimal comma and thousands dot, leading
 * zeros, percentages and ranges, dates in their usual forms, officials
 * with titles before and after their names, document references — plus
 * lines that stress span handling: text in several scripts, a NBSP, a
 * combining-free NFC line, and chrome-like counters. */
#include "fp_check.h"

const char fp_check_sample_text[] =
    "Sơ kết 05 năm thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị\n"
    "Sáng ngày 09/10/2018, Quận ủy Thanh Khê tổ chức hội nghị sơ kết.\n"
    "Đồng chí Lê Thị Mỹ Hạnh, Thành ủy viên, Bí thư Quận ủy chủ trì "
    "hội nghị; dự có ông Trần Minh, Chủ tịch UBND phường.\n"
    "Toàn quận kết nạp 532 quần chúng ưu tú, 203 đảng viên, chiếm 21,1%; "
    "tỷ lệ hộ nghèo giảm từ 10 - 15% trong giai đoạn 2016-2020.\n"
    "Theo Quyết định số 217-QĐ/TW và Kế hoạch số 112/KH-UBND ngày "
    "15/01/2019, có 1.250 hộ gia đình, 18.165.267 lượt truy cập.\n"
    "Nghị quyết Trung ương 4 (khóa XI), Thông tư 146/2017/TT-BTC, "
    "Quyết định 217, 218-QĐ/TW; quý III/2018 đạt 36,9% chỉ tiêu.\n"
    "Phó Chủ tịch UBND quận Nguyễn Văn Hùng - Trưởng ban chỉ đạo, "
    "bà Phan Thị Lan - Trưởng phòng Nội vụ, sinh năm 1987.\n"
    "ngày 5 tháng 10 năm 2018, tháng 10/2018, năm 2020, nhiệm kỳ "
    "2016 - 2021, 3/3/17, lúc 8 giờ 30, tăng 2,5 điểm phần trăm.\n"
    "Tổng cộng: 18165267 · Hôm nay: 1985 · 56.6 %37.2 % · "
    "(Đã tiếp nhận 144 lượt hồ sơ)\n"
    "Mixed scripts: 北京 ١٢٣ ５０％ Ελλάδα 😀 10\u00a0% and a tab\tend.\n"
    "x\n";
