/* fp_sniff_format: HTML or plain text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "input/fp_input.h"

static void test_sniff_cases(void **state)
{
    (void)state;
    static const struct {
        const char *bytes;
        size_t len; /* 0: strlen */
        fp_format expected;
    } cases[] = {
        {"<!DOCTYPE html><html>", 0, FP_FORMAT_HTML},
        {"\xEF\xBB\xBF  \r\n<!doctype HTML>", 0, FP_FORMAT_HTML},
        {"<HTML lang=vi>", 0, FP_FORMAT_HTML},
        {"\n\t<head>", 0, FP_FORMAT_HTML},
        {"<body>", 0, FP_FORMAT_HTML},
        {"<meta charset=utf-8>", 0, FP_FORMAT_HTML},
        {"<div class=\"news\">", 0, FP_FORMAT_HTML},
        {"<TABLE>", 0, FP_FORMAT_HTML},
        {"<p>Qu\xE1\xBA\xADn", 0, FP_FORMAT_HTML},
        {"<!-- saved page -->", 0, FP_FORMAT_HTML},
        {"Tin t\xE1\xBB\xA9" "c<br>ngày", 0, FP_FORMAT_HTML},
        {"Tin t\xE1\xBB\xA9" "c ngày</p>", 0, FP_FORMAT_HTML},
        {"text first, then <BODY>", 0, FP_FORMAT_HTML},
        {"Bí thư Quận ủy phát biểu.\nTỷ lệ 21,1%.", 0, FP_FORMAT_TEXT},
        {"<phụ lục> is not a tag", 0, FP_FORMAT_TEXT},
        {"a < b and c > d", 0, FP_FORMAT_TEXT},
        {"<pho", 0, FP_FORMAT_TEXT},
        {"", 0, FP_FORMAT_TEXT},
        {"<", 0, FP_FORMAT_TEXT},
        /* UTF-16 with BOM: "<p>" and "Qu" */
        {"\xFF\xFE<\0p\0>\0", 8, FP_FORMAT_HTML},
        {"\xFE\xFF\0<\0h\0t\0m\0l\0>", 14, FP_FORMAT_HTML},
        {"\xFF\xFEQ\0u\0", 6, FP_FORMAT_TEXT},
        /* "<" followed by U+0170 ('p' + 0x0100) is no tag */
        {"\xFF\xFE<\0p\x01>\0", 8, FP_FORMAT_TEXT},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        size_t len = cases[c].len ? cases[c].len : strlen(cases[c].bytes);
        print_message("case %zu\n", c);
        assert_int_equal(fp_sniff_format((const unsigned char *)cases[c].bytes, len),
                         cases[c].expected);
    }
}

static void test_sniff_looks_at_4k_only(void **state)
{
    (void)state;
    char page[6000];
    memset(page, 'x', sizeof page);
    memcpy(page + 5000, "<html>", 6);
    assert_int_equal(fp_sniff_format((const unsigned char *)page, sizeof page),
                     FP_FORMAT_TEXT);
    memcpy(page + 3000, "</P>", 4);
    assert_int_equal(fp_sniff_format((const unsigned char *)page, sizeof page),
                     FP_FORMAT_HTML);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sniff_cases),
        cmocka_unit_test(test_sniff_looks_at_4k_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
