/*
 * The percentage plugin skips blocks its byte prefilter proves hold no
 * match (percentage_pattern.h).  A wrong prefilter would drop facts
 * silently, so it is compared here with the slow path, the pattern
 * itself: on many texts built from the pieces a percentage is made of,
 * and on each case spelling, whenever the pattern matches, the prefilter
 * must have said the block may match.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include "percentage_fixture.h"
#include "percentage_pattern.h"

#include <pcre2.h>

#include <factpipe/regex.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static pcre2_code *compile(bool ranges, bool words)
{
    int error;
    PCRE2_SIZE offset;
    pcre2_code *code = pcre2_compile(
        (PCRE2_SPTR)percentage_pattern(ranges, words), PCRE2_ZERO_TERMINATED,
        FP_REGEX_COMPILE_OPTIONS, &error, &offset, NULL);
    assert_non_null(code);
    return code;
}

static bool pattern_matches(const pcre2_code *code, const char *text)
{
    pcre2_match_data *data = pcre2_match_data_create_from_pattern(code, NULL);
    assert_non_null(data);
    int rc = pcre2_match(code, (PCRE2_SPTR)text, strlen(text), 0, 0, data,
                         NULL);
    pcre2_match_data_free(data);
    assert_true(rc > 0 || rc == PCRE2_ERROR_NOMATCH);
    return rc > 0;
}

/* Fails when the pattern matches text but the prefilter would skip it. */
static void check_text(const pcre2_code *code, bool words, const char *text)
{
    if (pattern_matches(code, text) &&
        !percentage_block_may_match(text, strlen(text), words))
        fail_msg("the prefilter skips \"%s\" (words=%d), which matches",
                 text, words);
}

/* Every case spelling of the words, and the sign. */
static void each_spelling_passes(void **state)
{
    static const char *const texts[] = {
        "5 phần trăm", "5 Phần trăm", "5 PHẦN TRĂM", "5 pHần trăm",
        "5 PhẦn trăm", "5 phẦn TRĂM", "tăng 5%", "5 %", "5 điểm %",
        "từ 10 - 15 phần trăm", "15,5\xc2\xa0%", "5 điểm phần trăm",
    };
    for (int words = 0; words <= 1; words++)
        for (int ranges = 0; ranges <= 1; ranges++) {
            pcre2_code *code = compile(ranges, words);
            for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
                check_text(code, words, texts[i]);
            pcre2_code_free(code);
        }
    /* and the words are found: the prefilter is not just always true */
    assert_true(percentage_block_may_match("5 PHẦN TRĂM", 14, true));
    assert_false(percentage_block_may_match("5 PHẦN TRĂM", 14, false));
    assert_false(percentage_block_may_match("5 lần, cần 3 phút",
                                            strlen("5 lần, cần 3 phút"), true));
    assert_false(percentage_block_may_match("\xE1\xBA\xA7", 3, true));
    assert_true(percentage_block_may_match("x%", 2, false));
}

/* Texts of random pieces: numbers, signs, the words in either case, the
 * bytes of "ầ" and "Ầ" cut short, and other words with "ầ". */
static void random_texts_agree_with_the_pattern(void **state)
{
    static const char *const pieces[] = {
        "5", "21,1", "1.000", " ", "\xc2\xa0", "%", "phần", "PHẦN", "Phần",
        "trăm", "TRĂM", "điểm", "-", "đến", "lần", "cần", "ph", "P",
        "h", "H", "\xE1\xBA", "\xA7", "\xA6", "\xE1", "ầ", "Ầ", ",", "x",
    };
    enum { N_PIECES = sizeof pieces / sizeof *pieces, N_TEXTS = 20000 };
    pcre2_code *codes[2][2] = {{compile(false, false), compile(true, false)},
                               {compile(false, true), compile(true, true)}};
    unsigned seed = 12345;
    size_t skipped = 0;
    for (int t = 0; t < N_TEXTS; t++) {
        char text[256] = "";
        int n = 1 + (int)(seed % 9);
        for (int k = 0; k < n; k++) {
            seed = seed * 1103515245u + 12345u;
            strcat(text, pieces[(seed >> 16) % N_PIECES]);
        }
        for (int words = 0; words <= 1; words++)
            for (int ranges = 0; ranges <= 1; ranges++)
                check_text(codes[words][ranges], words, text);
        skipped += !percentage_block_may_match(text, strlen(text), true);
    }
    assert_true(skipped > 0); /* the prefilter did skip some */
    for (int i = 0; i < 4; i++)
        pcre2_code_free(codes[i / 2][i % 2]);
}

/* Through the plugin: a block whose only percentage is in upper-case
 * words, beside blocks the prefilter skips, still gives its fact. */
static void skipped_blocks_do_not_hide_facts(void **state)
{
    static const percentage_case cases[] = {
        {"không có số\nTĂNG 7 PHẦN TRĂM\n3 lần", 1, {{"7", "7 PHẦN TRĂM"}}},
        {"5 lần\n12,5 Phần trăm", 1, {{"12.5", "12,5 Phần trăm"}}},
        {"cần 5\n6%", 1, {{"6", "6%"}}},
    };
    check_cases(cases, sizeof cases / sizeof *cases, NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(each_spelling_passes),
        cmocka_unit_test(random_texts_agree_with_the_pattern),
        cmocka_unit_test(skipped_blocks_do_not_hide_facts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
