/*
 * The percentage plugin starts each regex search where a byte search says
 * a match can start (percentage_pattern.h), skipping the text before it
 * and blocks without a sign.  A wrong start would drop facts silently, so
 * the fast path is compared here with the slow one, a search from the
 * end of each match: on many texts built from the pieces a percentage is
 * made of, and on each case spelling, they must find the same matches.
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

/* The matches of code in text as count, each start and end in spans:
 * from the start of the text after each match (the slow path), or from
 * where percentage_search_start() says (the fast path). */
enum { MAX_SPANS = 64 };

static size_t all_matches(const pcre2_code *code, const char *text,
                          bool fast, bool words, size_t spans[][2])
{
    pcre2_match_data *data = pcre2_match_data_create_from_pattern(code, NULL);
    assert_non_null(data);
    const PCRE2_SIZE *ovector = pcre2_get_ovector_pointer(data);
    size_t len = strlen(text), n = 0;
    percentage_signs signs;
    percentage_signs_init(&signs, words);
    for (size_t offset = 0; n < MAX_SPANS;) {
        if (fast)
            offset = percentage_search_start(&signs, text, len, offset);
        if (offset >= len)
            break;
        int rc = pcre2_match(code, (PCRE2_SPTR)text, len, offset, 0, data,
                             NULL);
        assert_true(rc > 0 || rc == PCRE2_ERROR_NOMATCH);
        if (rc < 0)
            break;
        spans[n][0] = ovector[0];
        spans[n++][1] = ovector[1];
        offset = ovector[1];
    }
    pcre2_match_data_free(data);
    return n;
}

/* Fails when the fast path finds other matches than the slow one. */
static void check_text(const pcre2_code *code, bool words, const char *text)
{
    size_t slow[MAX_SPANS][2], fast[MAX_SPANS][2];
    size_t n_slow = all_matches(code, text, false, words, slow);
    size_t n_fast = all_matches(code, text, true, words, fast);
    if (n_slow != n_fast)
        fail_msg("\"%s\" (words=%d): %zu matches, %zu from the search "
                 "starts", text, words, n_slow, n_fast);
    for (size_t i = 0; i < n_slow; i++)
        if (slow[i][0] != fast[i][0] || slow[i][1] != fast[i][1])
            fail_msg("\"%s\" (words=%d): match %zu at %zu-%zu, from the "
                     "search starts at %zu-%zu", text, words, i, slow[i][0],
                     slow[i][1], fast[i][0], fast[i][1]);
}

static size_t first_start(const char *text, bool words)
{
    percentage_signs signs;
    percentage_signs_init(&signs, words);
    return percentage_search_start(&signs, text, strlen(text), 0);
}

/* Every case spelling of the words, and the sign. */
static void each_spelling_passes(void **state)
{
    static const char *const texts[] = {
        "5 phần trăm", "5 Phần trăm", "5 PHẦN TRĂM", "5 pHần trăm",
        "5 PhẦn trăm", "5 phẦn TRĂM", "tăng 5%", "5 %", "5 điểm %",
        "từ 10 - 15 phần trăm", "15,5\xc2\xa0%", "5 điểm phần trăm",
        "từ 10 ĐẾN 15%", "10 tới 15 %", "1.000.000 – 2.000.000 %",
        "tăng 5 lần, đạt 7%, và 8 phần trăm; 9%", "x 5 MINT 6%",
    };
    for (int words = 0; words <= 1; words++)
        for (int ranges = 0; ranges <= 1; ranges++) {
            pcre2_code *code = compile(ranges, words);
            for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
                check_text(code, words, texts[i]);
            pcre2_code_free(code);
        }
    /* and the search does skip: it is not the slow path again */
    assert_int_equal(first_start("tăng 5 lần so sánh 7%", true),
                     strlen("tăng 5 lần so sánh"));
    assert_int_equal(first_start("ab 5 PHẦN TRĂM", true), strlen("ab"));
    assert_int_equal(first_start("ab 5 PHẦN TRĂM", false),
                     strlen("ab 5 PHẦN TRĂM"));
    assert_int_equal(first_start("5 lần, cần 3 phút", true),
                     strlen("5 lần, cần 3 phút"));
    assert_int_equal(first_start("\xE1\xBA\xA7", true), 3);
}

/* Texts of random pieces: numbers, signs, the words in either case, the
 * bytes of "ầ" and "Ầ" cut short, dashes, and letters that may or may
 * not stand before a sign. */
static void random_texts_agree_with_the_pattern(void **state)
{
    static const char *const pieces[] = {
        "5", "21,1", "1.000", " ", "\xc2\xa0", "%", "phần", "PHẦN", "Phần",
        "trăm", "TRĂM", "điểm", "ĐIỂM", "-", "–", "đến", "Tới", "lần",
        "cần", "ph", "P", "h", "H", "\xE1\xBA", "\xA7", "\xA6", "\xE1", "ầ",
        "Ầ", ",", ".", "x", "i", "M", "n", "T", "(", "\t", "a",
    };
    enum { N_PIECES = sizeof pieces / sizeof *pieces, N_TEXTS = 20000 };
    pcre2_code *codes[2][2] = {{compile(false, false), compile(true, false)},
                               {compile(false, true), compile(true, true)}};
    unsigned seed = 12345;
    for (int t = 0; t < N_TEXTS; t++) {
        char text[256] = "";
        seed = seed * 1103515245u + 12345u;
        int n = 1 + (int)((seed >> 16) % 14);
        for (int k = 0; k < n; k++) {
            seed = seed * 1103515245u + 12345u;
            strcat(text, pieces[(seed >> 16) % N_PIECES]);
        }
        for (int words = 0; words <= 1; words++)
            for (int ranges = 0; ranges <= 1; ranges++)
                check_text(codes[words][ranges], words, text);
    }
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
