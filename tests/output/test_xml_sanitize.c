/* fp_xml_sanitize: what may reach the XML writer. */
#include "output/fp_xml.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#define FFFD "\xEF\xBF\xBD"

/* Sanitizes len bytes of input and compares with expected; the clean
 * prefix is exactly what sanitizing leaves unchanged: all of the input
 * when it comes out as it went in, else up to the first change. */
static void check_sanitized_len(const char *input, size_t len,
                                const char *expected)
{
    char *out = fp_xml_sanitize(input, len);
    assert_non_null(out);
    assert_string_equal(out, expected);
    free(out);
    size_t same = 0;
    while (same < len && input[same] == expected[same])
        same++;
    int unchanged = same == len && expected[len] == '\0';
    size_t clean = fp_xml_clean_prefix(input, len);
    if (unchanged)
        assert_int_equal(clean, len);
    else /* a replaced sequence may start with bytes that happen to match */
        assert_true(clean <= same && clean < len && expected[clean] == '\xEF');
}

static void check_sanitized(const char *input, const char *expected)
{
    check_sanitized_len(input, strlen(input), expected);
}

static void test_valid_text_is_copied_unchanged(void **state)
{
    (void)state;
    check_sanitized("", "");
    check_sanitized("plain ASCII <&>\"'", "plain ASCII <&>\"'");
    check_sanitized("Bí thư Quận ủy chiếm 21,1%", "Bí thư Quận ủy chiếm 21,1%");
    /* Four-byte characters and the edges of the allowed ranges. */
    check_sanitized("\xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF \xEE\x80\x80 \xED\x9F\xBF",
                    "\xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF \xEE\x80\x80 \xED\x9F\xBF");
    /* U+FFFD itself and U+FFFD's neighbour U+FFFC stay. */
    check_sanitized(FFFD "\xEF\xBF\xBC", FFFD "\xEF\xBF\xBC");
}

static void test_tab_newline_return_and_c1_are_kept(void **state)
{
    (void)state;
    check_sanitized("a\tb\nc\rd", "a\tb\nc\rd");
    /* C1 controls (U+0085) are XML 1.0 Chars. */
    check_sanitized("x\xC2\x85y", "x\xC2\x85y");
}

static void test_c0_controls_are_replaced(void **state)
{
    (void)state;
    check_sanitized("a\x01" "b\x0B" "c\x1F" "d\x0C" "e",
                    "a" FFFD "b" FFFD "c" FFFD "d" FFFD "e");
}

static void test_embedded_nul_is_replaced(void **state)
{
    (void)state;
    check_sanitized_len("ab\0cd", 5, "ab" FFFD "cd");
    check_sanitized_len("\0", 1, FFFD);
}

static void test_invalid_bytes_are_replaced(void **state)
{
    (void)state;
    check_sanitized("a\xFF" "b", "a" FFFD "b");
    check_sanitized("\xFE\xF5\xC0\xC1", FFFD FFFD FFFD FFFD);
    /* A stray continuation byte. */
    check_sanitized("a\x80" "b", "a" FFFD "b");
}

static void test_truncated_sequences_become_one_replacement(void **state)
{
    (void)state;
    /* "ạ" is E1 BA A1; cut after two bytes, then more text follows. */
    check_sanitized("a\xE1\xBA" "b", "a" FFFD "b");
    /* Cut at the very end of the input. */
    check_sanitized("a\xE1\xBA", "a" FFFD);
    check_sanitized("a\xF0\x9F\x98", "a" FFFD);
    /* The explicit length cuts a valid character: the cut part is bad. */
    check_sanitized_len("\xE1\xBA\xA1", 2, FFFD);
    /* A lead byte cut short by the next lead byte: one replacement, and
     * the character that follows is kept whole. */
    check_sanitized("\xE1\xE1\xBA\xA1", FFFD "\xE1\xBA\xA1");
}

static void test_overlong_forms_are_replaced(void **state)
{
    (void)state;
    /* '/' as C0 AF and E0 80 AF: each byte is its own bad sequence. */
    check_sanitized("\xC0\xAF", FFFD FFFD);
    check_sanitized("\xE0\x80\xAF", FFFD FFFD FFFD);
    check_sanitized("\xF0\x80\x80\xAF", FFFD FFFD FFFD FFFD);
}

static void test_surrogates_and_beyond_unicode_are_replaced(void **state)
{
    (void)state;
    /* U+D800 and U+DFFF encoded directly (CESU-style). */
    check_sanitized("\xED\xA0\x80", FFFD FFFD FFFD);
    check_sanitized("\xED\xBF\xBF", FFFD FFFD FFFD);
    /* U+110000. */
    check_sanitized("\xF4\x90\x80\x80", FFFD FFFD FFFD FFFD);
}

static void test_xml_noncharacters_are_replaced(void **state)
{
    (void)state;
    check_sanitized("a\xEF\xBF\xBE" "b\xEF\xBF\xBF" "c", "a" FFFD "b" FFFD "c");
}

static void test_null_input_with_zero_length_gives_empty(void **state)
{
    (void)state;
    check_sanitized_len(NULL, 0, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_text_is_copied_unchanged),
        cmocka_unit_test(test_tab_newline_return_and_c1_are_kept),
        cmocka_unit_test(test_c0_controls_are_replaced),
        cmocka_unit_test(test_embedded_nul_is_replaced),
        cmocka_unit_test(test_invalid_bytes_are_replaced),
        cmocka_unit_test(test_truncated_sequences_become_one_replacement),
        cmocka_unit_test(test_overlong_forms_are_replaced),
        cmocka_unit_test(test_surrogates_and_beyond_unicode_are_replaced),
        cmocka_unit_test(test_xml_noncharacters_are_replaced),
        cmocka_unit_test(test_null_input_with_zero_length_gives_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
