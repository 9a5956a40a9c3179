/*
 * What the percentage plugin reports, table-driven: every percentage
 * example of docs/GUIDELINE.md first, then the number forms of its
 * "Numbers", ranges, words, spacing, and what must not match.
 */
#include "percentage_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#define N_CASES(cases) (sizeof(cases) / sizeof *(cases))

static void facts_md_examples(void **state)
{
    static const percentage_case cases[] = {
        {"chiếm 21,1%", 1, {{"21.1", "21,1%"}}},
        {"đạt 36,9% chỉ tiêu", 1, {{"36.9", "36,9%"}}},
        {"100%", 1, {{"100", "100%"}}},
        {"tăng 5 phần trăm", 1, {{"5", "5 phần trăm"}}},
        {"từ 10 - 15%", 2, {{"10", "10"}, {"15", "15%"}}},
        {"tăng 2,5 điểm phần trăm", 1, {{"2.5", "2,5 điểm phần trăm"}}},
        {"56.6 %", 1, {{"56.6", "56.6 %"}}},
    };
    check_cases(cases, N_CASES(cases), NULL);
}

static void number_forms_are_normalized(void **state)
{
    static const percentage_case cases[] = {
        {"1,5 %", 1, {{"1.5", "1,5 %"}}},
        {"99,99%", 1, {{"99.99", "99,99%"}}},
        {"1.250%", 1, {{"1250", "1.250%"}}},         /* thousands dot */
        {"1.234,5%", 1, {{"1234.5", "1.234,5%"}}},
        {"1.000.000%", 1, {{"1000000", "1.000.000%"}}},
        {"1.2345%", 1, {{"1.2345", "1.2345%"}}},     /* not three digits */
        {"0.0 %", 1, {{"0", "0.0 %"}}},
        {"0,0%", 1, {{"0", "0,0%"}}},
        {"100,0%", 1, {{"100", "100,0%"}}},
        {"21,10%", 1, {{"21.1", "21,10%"}}},
        {"0,50%", 1, {{"0.5", "0,50%"}}},
        {"05%", 1, {{"5", "05%"}}},                  /* leading zeros */
        {"000%", 1, {{"0", "000%"}}},
        {"00,5%", 1, {{"0.5", "00,5%"}}},
    };
    check_cases(cases, N_CASES(cases), NULL);
}

static void words_and_spacing(void **state)
{
    static const percentage_case cases[] = {
        {"50 phần trăm", 1, {{"50", "50 phần trăm"}}},
        {"tăng 7 Phần trăm", 1, {{"7", "7 Phần trăm"}}},
        {"TĂNG 8 PHẦN TRĂM", 1, {{"8", "8 PHẦN TRĂM"}}},
        {"đạt 45\u00a0%", 1, {{"45", "45\u00a0%"}}},        /* NBSP */
        {"đạt 45\u202f%", 1, {{"45", "45\u202f%"}}},        /* narrow NBSP */
        {"đạt 45\t%", 1, {{"45", "45\t%"}}},
        {"9\u00a0phần\u00a0trăm", 1, {{"9", "9\u00a0phần\u00a0trăm"}}},
        {"tăng 2,5 điểm %", 1, {{"2.5", "2,5 điểm %"}}},
        {"(chiếm 21,1%), đạt", 1, {{"21.1", "21,1%"}}},
        {"37%Sớm", 1, {{"37", "37%"}}},
    };
    check_cases(cases, N_CASES(cases), NULL);
}

static void ranges_give_two_facts(void **state)
{
    static const percentage_case cases[] = {
        {"10-15%", 2, {{"10", "10"}, {"15", "15%"}}},
        {"10–15%", 2, {{"10", "10"}, {"15", "15%"}}},          /* en dash */
        {"10 — 15%", 2, {{"10", "10"}, {"15", "15%"}}},        /* em dash */
        {"từ 10 đến 15%", 2, {{"10", "10"}, {"15", "15%"}}},
        {"10 tới 15 %", 2, {{"10", "10"}, {"15", "15 %"}}},
        {"10% - 15%", 2, {{"10", "10%"}, {"15", "15%"}}},
        {"từ 2,5 - 3,5 phần trăm", 2,
         {{"2.5", "2,5"}, {"3.5", "3,5 phần trăm"}}},
        {"1.250-1.500%", 2, {{"1250", "1.250"}, {"1500", "1.500%"}}},
    };
    check_cases(cases, N_CASES(cases), NULL);
}

static void numbers_stay_unsigned(void **state)
{
    static const percentage_case cases[] = {
        {"giảm 5%", 1, {{"5", "5%"}}},
        {"-5%", 1, {{"5", "5%"}}},
        {"lãi -5,5 %", 1, {{"5.5", "5,5 %"}}},
    };
    check_cases(cases, N_CASES(cases), NULL);
}

static void non_percentages_give_nothing(void **state)
{
    static const percentage_case cases[] = {
        {"Quyết định số 217-QĐ/TW", 0, {{NULL, NULL}}},
        {"Kế hoạch 45/KH-UBND", 0, {{NULL, NULL}}},
        {"đến năm 2020", 0, {{NULL, NULL}}},
        {"1.250 người", 0, {{NULL, NULL}}},
        {"A10%", 0, {{NULL, NULL}}},       /* glued to a letter */
        {"x2%", 0, {{NULL, NULL}}},
        {"đ10%", 0, {{NULL, NULL}}},       /* a Vietnamese letter */
        {"Q٣5%", 0, {{NULL, NULL}}},       /* a non-ASCII digit before */
        {"٣%", 0, {{NULL, NULL}}},         /* digits are [0-9] only */
        {"5 phần", 0, {{NULL, NULL}}},
        {"5 phần trămx", 0, {{NULL, NULL}}},
        {"%", 0, {{NULL, NULL}}},
        {"", 0, {{NULL, NULL}}},
    };
    check_cases(cases, N_CASES(cases), NULL);
}

/* Years and document numbers next to a percentage must not join it. */
static void only_the_percentage_of_a_mixed_text(void **state)
{
    static const percentage_case cases[] = {
        {"giai đoạn 2016-2020 đạt 15%", 1, {{"15", "15%"}}},
        {"Quyết định số 217-QĐ/TW, tăng 3%", 1, {{"3", "3%"}}},
        {"năm 2020 tăng 12,5 phần trăm", 1, {{"12.5", "12,5 phần trăm"}}},
        /* A "range" whose first end exceeds its second is a year or a
         * count next to a percentage, not a range. */
        {"năm 2019 - 15%", 1, {{"15", "15%"}}},
        {"kết quả 2019-15,5%", 1, {{"15.5", "15,5%"}}},
    };
    check_cases(cases, N_CASES(cases), NULL);
}

/* The written forms of every percentage in the Vietnamese test cases of
 * NVIDIA NeMo-text-processing (Apache-2.0; commit 1f1263579fe5,
 * tests/nemo_text_processing/vi/data_*_normalization/test_cases_*.txt; see
 * tests/count/data/NOTICE.txt).  Their spoken side is the gold reading:
 * "không phẩy năm phần trăm" is 0.5. */
static void nemo_written_forms(void **state)
{
    static const percentage_case cases[] = {
        {"30%", 1, {{"30", "30%"}}},
        {"0.5%", 1, {{"0.5", "0.5%"}}},
        {"100%", 1, {{"100", "100%"}}},
        {"0%", 1, {{"0", "0%"}}},
        {"50%", 1, {{"50", "50%"}}},
        {"25%", 1, {{"25", "25%"}}},
        {"Tỷ lệ 50%", 1, {{"50", "50%"}}},
        /* and their spoken sides, digits aside, give nothing */
        {"ba mươi phần trăm", 0, {{NULL, NULL}}},
    };
    check_cases(cases, N_CASES(cases), NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(facts_md_examples),
        cmocka_unit_test(number_forms_are_normalized),
        cmocka_unit_test(words_and_spacing),
        cmocka_unit_test(ranges_give_two_facts),
        cmocka_unit_test(numbers_stay_unsigned),
        cmocka_unit_test(non_percentages_give_nothing),
        cmocka_unit_test(only_the_percentage_of_a_mixed_text),
        cmocka_unit_test(nemo_written_forms),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
