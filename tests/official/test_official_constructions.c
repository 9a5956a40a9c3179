/*
 * The official plugin on the constructions of real news (the guideline
 * (docs/GUIDELINE.md, "official")): lists of candidates, delegates and
 * members; a title, a comma, the name, a comma; a title after a place or
 * a clause; ranks, former and acting posts; titles and names in small
 * letters and odd spacing; posts in any organisation; posts stated as
 * predicates and mandates; given names and foreign names after a title;
 * and what is no official: private citizens, streets, schools, places,
 * countries, historical figures.  The sentences are written for these
 * tests in the manner of Vietnamese news.
 */
#include "official_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#define N_CASES(cases) (sizeof(cases) / sizeof *(cases))
#define NONE 0, {{NULL, {NULL}}}

static void lists_of_candidates_and_members(void **state)
{
    static const official_case cases[] = {
        /* candidates with a year of birth, an alias, no title */
        {"Danh sách 4 ứng cử viên gồm: ông Đinh Văn Khải (sinh năm 1970), "
         "Phó Chủ tịch UBND xã; bà Hà Thị Liên (SN 1982); ông Lò Văn Sinh "
         "(tức Sinh Lò); bà Vi Thị Hoa.",
         4, {{"Đinh Văn Khải", {"Phó Chủ tịch UBND xã"}},
             {"Hà Thị Liên", {NULL}},
             {"Lò Văn Sinh", {NULL}},
             {"Vi Thị Hoa", {NULL}}}},
        /* "là" after the list word; commas; no honorific at all */
        {"Ba người trúng cử đại biểu HĐND huyện là Trần Văn Quyết, Mai "
         "Thị Loan và Lương Văn Chiến.",
         3, {{"Trần Văn Quyết", {NULL}},
             {"Mai Thị Loan", {NULL}},
             {"Lương Văn Chiến", {NULL}}}},
        /* a religious name in brackets is the same person, no other */
        {"Các thành viên Ủy ban MTTQ xã gồm: ông Nguyễn Văn Tâm (pháp danh "
         "Thích Thiện Tâm), bà Trần Thị Út.",
         2, {{"Nguyễn Văn Tâm", {NULL}}, {"Trần Thị Út", {NULL}}}},
        /* the list opens at the end of a paragraph and goes on in the
         * paragraphs of its items */
        {"Kết quả bầu cử được công bố sáng nay.\n"
         "Danh sách những người trúng cử đại biểu HĐND xã:\n"
         "1. Ông Nguyễn Văn Tư\n"
         "2. Bà Phạm Thị Nga, sinh năm 1980, trú tại thôn 2\n"
         "3. Hoàng Văn Mạnh\n"
         "Buổi lễ kết thúc lúc 11 giờ.",
         3, {{"Nguyễn Văn Tư", {NULL}},
             {"Phạm Thị Nga", {NULL}},
             {"Hoàng Văn Mạnh", {NULL}}}},
        /* the holders of a title, listed after it */
        {"Các Phó Chủ tịch UBND huyện: Lê Quang Vinh, Đoàn Thị Mến cùng "
         "dự.",
         2, {{"Lê Quang Vinh", {NULL}}, {"Đoàn Thị Mến", {NULL}}}},
        /* a list word without items after it opens no list */
        {"Các đại biểu đã thảo luận về dự thảo nghị quyết. Nguyễn Văn "
         "Hải, Lê Thị Hạnh cũng có mặt.", NONE},
        /* a list of households is a private story */
        {"Danh sách hộ nghèo được hỗ trợ gồm: ông Lê Văn Chín (sinh năm "
         "1950); bà Đỗ Thị Mười.", NONE},
    };
    check_official_cases(cases, N_CASES(cases));
}

static void titles_before_the_name(void **state)
{
    static const official_case cases[] = {
        /* a title, a comma, the name, a comma */
        {"Giám đốc Sở Y tế tỉnh Thanh Hóa, Trịnh Hữu Hùng, cho biết số ca "
         "mắc đã giảm.",
         1, {{"Trịnh Hữu Hùng", {"Giám đốc Sở Y tế tỉnh Thanh Hóa"}}}},
        /* after a place and a clause */
        {"Trong chuyến thăm và làm việc tại Kon Tum, Thứ trưởng Bộ Nội vụ "
         "Vũ Đăng Minh đã kiểm tra công tác cải cách hành chính.",
         1, {{"Vũ Đăng Minh", {"Thứ trưởng Bộ Nội vụ"}}}},
        {"Chiều 8/9, tại TP Hà Nội, Phó Thủ tướng Lê Văn Thành chủ trì "
         "cuộc họp.",
         1, {{"Lê Văn Thành", {"Phó Thủ tướng"}}}},
        /* two titles joined by "kiêm" */
        {"Bí thư Tỉnh ủy kiêm Chủ tịch HĐND tỉnh Lữ Văn Hùng chủ trì.",
         1, {{"Lữ Văn Hùng", {"Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"}}}},
        {"Ông Tô Văn Động, Bí thư Huyện ủy kiêm Chủ tịch UBND huyện, phát "
         "biểu.",
         1, {{"Tô Văn Động", {"Bí thư Huyện ủy", "Chủ tịch UBND huyện"}}}},
        /* a rank after a title and a comma */
        {"Giám đốc Công an tỉnh Gia Lai, Đại tá Rah Lan Chung, thông tin "
         "về vụ việc.",
         1, {{"Rah Lan Chung", {"Giám đốc Công an tỉnh Gia Lai",
                                "Đại tá"}}}},
        /* a country belongs to the title */
        {"Đại sứ Hàn Quốc tại Việt Nam đã dự lễ khánh thành.", NONE},
        {"Tổng thống Pháp Emmanuel Macron đã điện đàm với Thủ tướng.",
         1, {{"Emmanuel Macron", {"Tổng thống Pháp"}}}},
        /* the organisation's name does not end at a word that starts a
         * name: a school, a hospital, a province */
        {"Hiệu trưởng Trường THPT Lê Quý Đôn Nguyễn Thanh Bình phát biểu.",
         1, {{"Nguyễn Thanh Bình", {"Hiệu trưởng Trường THPT Lê Quý Đôn"}}}},
        {"Giám đốc Bệnh viện Bạch Mai Đào Xuân Cơ báo cáo.",
         1, {{"Đào Xuân Cơ", {"Giám đốc Bệnh viện Bạch Mai"}}}},
    };
    check_official_cases(cases, N_CASES(cases));
}

static void ranks_former_and_acting_posts(void **state)
{
    static const official_case cases[] = {
        {"Thiếu tướng Đinh Văn Nơi, Giám đốc Công an tỉnh, trao thưởng.",
         1, {{"Đinh Văn Nơi", {"Thiếu tướng", "Giám đốc Công an tỉnh"}}}},
        /* a rank takes no organisation: the title after it is another */
        {"Đại tá Phó Giám đốc Công an tỉnh Trần Hồng Minh kiểm tra.",
         1, {{"Trần Hồng Minh", {"Đại tá", "Phó Giám đốc Công an tỉnh"}}}},
        /* ... but an office may be named after a title */
        {"Chủ nhiệm Văn phòng Chủ tịch nước Lê Khánh Hải dự lễ.",
         1, {{"Lê Khánh Hải", {"Chủ nhiệm Văn phòng Chủ tịch nước"}}}},
        /* whatever follows a rank is the name */
        {"Đại tá Rah Lan Chung cùng dự.",
         1, {{"Rah Lan Chung", {"Đại tá"}}}},
        {"Thượng úy Hùng đã có mặt kịp thời.",
         1, {{"Hùng", {"Thượng úy"}}}},
        {"Trung úy Phan Văn Lực - Đội Cảnh sát giao thông số 3 - đã kịp "
         "thời đưa người bị nạn đi cấp cứu.",
         1, {{"Phan Văn Lực", {"Trung úy", "Đội Cảnh sát giao thông số 3"}}}},
        /* a former post is a title as written, in a court case too */
        {"Bị cáo Lê Tấn Hùng, nguyên Phó Giám đốc Sở Xây dựng, bị tuyên "
         "phạt 6 năm tù.",
         1, {{"Lê Tấn Hùng", {"nguyên Phó Giám đốc Sở Xây dựng"}}}},
        {"Bà Cao Thị Huyền (nguyên Chủ tịch Hội Phụ nữ huyện) phát biểu.",
         1, {{"Cao Thị Huyền", {"nguyên Chủ tịch Hội Phụ nữ huyện"}}}},
        {"Quyền Chủ tịch UBND tỉnh Hồ Văn Niên ký quyết định.",
         1, {{"Hồ Văn Niên", {"Quyền Chủ tịch UBND tỉnh"}}}},
    };
    check_official_cases(cases, N_CASES(cases));
}

static void small_letters_and_odd_spacing(void **state)
{
    static const official_case cases[] = {
        {"phó chủ tịch ubnd huyện Phạm Văn Lợi cho biết.",
         1, {{"Phạm Văn Lợi", {"phó chủ tịch ubnd huyện"}}}},
        {"Chủ tịch ubnd TP .HCM Phan Văn Mãi làm việc với các sở.",
         1, {{"Phan Văn Mãi", {"Chủ tịch ubnd TP .HCM"}}}},
        {"Phó Giám đốc Sở Tư pháp TP.HCM Nguyễn Thị Hồng Hạnh trả lời.",
         1, {{"Nguyễn Thị Hồng Hạnh", {"Phó Giám đốc Sở Tư pháp TP.HCM"}}}},
        {"bộ trưởng bộ NN & PTNT Lê Minh Hoan đến thăm mô hình.",
         1, {{"Lê Minh Hoan", {"bộ trưởng bộ NN & PTNT"}}}},
        {"Thứ trưởng Bộ GD-ĐT Ngô Thị Minh trả lời chất vấn.",
         1, {{"Ngô Thị Minh", {"Thứ trưởng Bộ GD-ĐT"}}}},
        /* a name in small letters after an honorific or a title */
        {"Theo bác sĩ lê văn tuấn, trưởng khoa cấp cứu, bệnh nhân đã "
         "tỉnh.",
         1, {{"lê văn tuấn", {"trưởng khoa cấp cứu"}}}},
        {"thứ trưởng bộ công thương nguyễn sinh nhật tân khẳng định như "
         "vậy.",
         1, {{"nguyễn sinh nhật tân", {"thứ trưởng bộ công thương"}}}},
        /* a surname in small letters is mostly a word */
        {"Các em lại trường, hội Sinh viên sẽ lo chỗ ở.", NONE},
    };
    check_official_cases(cases, N_CASES(cases));
}

static void posts_in_any_organisation(void **state)
{
    static const official_case cases[] = {
        {"Ông Võ Quang Huy, Tổng giám đốc Công ty CP Nhựa Bình Minh, cho "
         "hay đơn hàng đã tăng.",
         1, {{"Võ Quang Huy", {"Tổng giám đốc Công ty CP Nhựa Bình Minh"}}}},
        {"Bà Trương Thị Bích, Chủ tịch Công đoàn Trường Đại học Y Dược, "
         "trao quà.",
         1, {{"Trương Thị Bích",
              {"Chủ tịch Công đoàn Trường Đại học Y Dược"}}}},
        {"Theo TS Đào Văn Khôi, Trưởng Trung tâm Nghiên cứu Môi trường, "
         "nguồn nước đang ô nhiễm.",
         1, {{"Đào Văn Khôi", {"Trưởng Trung tâm Nghiên cứu Môi trường"}}}},
        /* the organisation alone as the capacity */
        {"Ông Lục Văn Hòa, Hạt Kiểm lâm huyện Bảo Lạc, cho biết rừng được "
         "bảo vệ tốt.",
         1, {{"Lục Văn Hòa", {"Hạt Kiểm lâm huyện Bảo Lạc"}}}},
        /* a title with nothing between it and the name */
        {"Khi đó anh Lương Minh Đức giám đốc nông trường đã đi vắng.",
         1, {{"Lương Minh Đức", {"giám đốc nông trường"}}}},
        /* work in an organisation is no post */
        {"Cô Nguyễn Thị Lụa, giáo viên Trường Tiểu học Kim Đồng, chia sẻ "
         "kinh nghiệm.", NONE},
    };
    check_official_cases(cases, N_CASES(cases));
}

static void predicates_and_mandates(void **state)
{
    static const official_case cases[] = {
        {"Được biết, ông Tạ Quang Đông hiện là Thứ trưởng Bộ Văn hóa.",
         1, {{"Tạ Quang Đông", {"Thứ trưởng Bộ Văn hóa"}}}},
        {"Năm 2019, anh Toàn được bổ nhiệm làm Trưởng phòng Nội vụ.",
         1, {{"Toàn", {"Trưởng phòng Nội vụ"}}}},
        /* a former post stated as a predicate is not reported */
        {"Cô Lâm Thị Hiền (nguyên là hiệu trưởng Trường Tiểu học Hòa "
         "Bình) đã nghỉ hưu.",
         1, {{"Lâm Thị Hiền", {NULL}}}},
        {"Anh Hồ Văn Đạt đã trúng cử đại biểu HĐND xã với số phiếu cao.",
         1, {{"Hồ Văn Đạt", {NULL}}}},
        {"Bà Nguyễn Thị Yến (SN 1979), giáo viên Trường THCS Tân Lập, được "
         "giới thiệu ứng cử đại biểu HĐND huyện.",
         1, {{"Nguyễn Thị Yến", {NULL}}}},
        /* a given name alone before a post */
        {"Tôi được biết Khang vừa được đề bạt làm phó phòng kỹ thuật.",
         1, {{"Khang", {"phó phòng kỹ thuật"}}}},
        {"Sau đó là cuộc họp của Sở Tài chính.", NONE},
    };
    check_official_cases(cases, N_CASES(cases));
}

static void given_and_foreign_names_after_a_title(void **state)
{
    static const official_case cases[] = {
        {"Cùng đi có bộ trưởng Thưởng và các thứ trưởng.",
         1, {{"Thưởng", {"bộ trưởng"}}}},
        {"Trong buổi làm việc, chủ tịch Toản cho biết xã đã hoàn thành chỉ "
         "tiêu.",
         1, {{"Toản", {"chủ tịch"}}}},
        /* a full name mentioned later by the same given name */
        {"Bộ trưởng Phạm Văn Khoa dự hội nghị.\nBộ trưởng Khoa nhấn mạnh "
         "yêu cầu tiết kiệm.",
         1, {{"Phạm Văn Khoa", {"Bộ trưởng"}}}},
        {"Ngoại trưởng Australia Penny Wong đã gặp các đối tác.",
         1, {{"Penny Wong", {"Ngoại trưởng Australia"}}}},
        {"Trưởng thôn Ksor H'Mai cho biết bà con đã thu hoạch xong.",
         1, {{"Ksor H'Mai", {"Trưởng thôn"}}}},
        {"Theo trưởng thôn Bhriu Pơloong, cả thôn có 80 hộ.",
         1, {{"Bhriu Pơloong", {"trưởng thôn"}}}},
        /* an organisation after a head is none */
        {"Giám đốc Sở cho biết kế hoạch đã được phê duyệt.", NONE},
        {"Bộ trưởng Quốc phòng cho biết tình hình ổn định.", NONE},
    };
    check_official_cases(cases, N_CASES(cases));
}

static void private_citizens_are_no_officials(void **state)
{
    static const official_case cases[] = {
        {"Ông Trần Văn Bảy (65 tuổi, ngụ ấp Phú Hòa) cho biết nước mặn "
         "đã vào ruộng.", NONE},
        {"Bà Lê Thị Nở, cư dân khu phố 3, bức xúc vì rác thải.", NONE},
        {"Ông Hồ Văn Tư, một người dân ở thôn 4, cho biết lũ dâng cao.",
         NONE},
        {"Gia đình bà Nguyễn Thị Thắm thuộc diện hộ nghèo của xã.", NONE},
        {"Ông Nguyễn Văn Phú, bố của nạn nhân, cho biết cháu đã tỉnh.",
         NONE},
        /* who the person is, right after the name */
        {"Ông Nguyễn Văn Tư - nông dân xã Hòa Phú - cho biết ruộng đã khô.",
         NONE},
        {"Bà Trần Thị Hoa, vợ ông Nguyễn Văn Bảy, cho biết cả nhà đã an "
         "toàn.", NONE},
        /* ... which a post still outweighs */
        {"Ông Lê Văn Năm, sinh năm 1965, quê Nghệ An, là Ủy viên Trung ương "
         "Đảng.",
         1, {{"Lê Văn Năm", {"Ủy viên Trung ương Đảng"}}}},
        /* a nickname or a foreign name with "ông" and no post */
        {"Ông Sáu Nhỏ ở ấp Tân Hòa cũng góp tiền làm cầu.", NONE},
        {"Ông Carlos Gomez cho biết ông rất thích Việt Nam.", NONE},
        /* words that start like an honorific */
        {"Đàn ông Đài Loan sang tìm vợ ngày càng nhiều.", NONE},
        {"Bà con Tà Xùa đã thu hoạch chè xong.", NONE},
    };
    check_official_cases(cases, N_CASES(cases));
}

static void places_streets_and_history(void **state)
{
    static const official_case cases[] = {
        {"Tuyến đường Võ Văn Kiệt và phố Lý Thường Kiệt được nâng cấp.",
         NONE},
        {"Học sinh Trường THCS Trần Quốc Toản đạt nhiều giải cao.", NONE},
        {"Đoàn đã đến thăm tỉnh Lâm Đồng, Hà Nội, Nghệ An.", NONE},
        {"Lãnh đạo tỉnh đã gặp các doanh nghiệp Hàn Quốc tại Hà Nội.",
         NONE},
        {"Địa chỉ: số 25 Lê Thánh Tông, quận Hoàn Kiếm.", NONE},
        {"Đoàn dâng hương tại Khu di tích Kim Liên, quê hương Chủ tịch Hồ "
         "Chí Minh.", NONE},
        {"Đây là đại tướng Võ Nguyên Giáp.", NONE},
    };
    check_official_cases(cases, N_CASES(cases));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lists_of_candidates_and_members),
        cmocka_unit_test(titles_before_the_name),
        cmocka_unit_test(ranks_former_and_acting_posts),
        cmocka_unit_test(small_letters_and_odd_spacing),
        cmocka_unit_test(posts_in_any_organisation),
        cmocka_unit_test(predicates_and_mandates),
        cmocka_unit_test(given_and_foreign_names_after_a_title),
        cmocka_unit_test(private_citizens_are_no_officials),
        cmocka_unit_test(places_streets_and_history),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
