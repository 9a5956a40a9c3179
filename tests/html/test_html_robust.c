/* fp_html_to_text on hostile and degenerate input: deep nesting, huge
 * attribute lists, huge lines, NUL bytes, empty and non-HTML input. */
#include "html_test_util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* "<p>before</p>" + depth x "<div>" + "deep" + depth x "</div>" +
 * "<p>after</p>" */
static fp_decoded nested_divs(size_t depth)
{
    static const char head[] = "<p>before</p>", tail[] = "<p>after</p>";
    size_t len = strlen(head) + depth * 11 + 4 + strlen(tail);
    char *html = malloc(len + 1);
    assert_non_null(html);
    char *at = html;
    at += sprintf(at, "%s", head);
    for (size_t i = 0; i < depth; i++)
        at += sprintf(at, "<div>");
    at += sprintf(at, "deep");
    for (size_t i = 0; i < depth; i++)
        at += sprintf(at, "</div>");
    at += sprintf(at, "%s", tail);
    fp_decoded in = test_decoded(html, (size_t)(at - html));
    free(html);
    return in;
}

/* libxml2 2.9.14 drops everything past 256 levels unless fp_html_init
 * raised the limit. */
static void test_deep_nesting_keeps_text(void **state)
{
    (void)state;
    fp_decoded in = nested_divs(4000);
    fp_text t = test_html(&in);
    assert_string_equal(t.text, "before\ndeep\nafter");
    assert_int_equal(t.partial, 0);
    assert_int_equal(t.n_lines, 3);
    assert_text_consistent(&in, &t);
    fp_text_free(&t);
    fp_decoded_free(&in);
}

/* Past the raised limit (4096, docs/RELIABILITY.md) the parser still stops:
 * the loss is not silent, the page is flagged partial. */
static void test_nesting_past_limit_is_partial(void **state)
{
    (void)state;
    fp_decoded in = nested_divs(5000);
    fp_text t = test_html(&in);
    assert_string_equal(t.text, "before");
    assert_int_equal(t.partial, 1);
    assert_text_consistent(&in, &t);
    fp_text_free(&t);
    fp_decoded_free(&in);
}

static void test_100k_nesting_does_not_crash(void **state)
{
    (void)state;
    fp_decoded in = nested_divs(100000);
    fp_text t = test_html(&in);
    assert_true(text_contains(&t, "before"));
    /* The parser stops at the depth limit and says so. */
    assert_int_equal(t.partial, 1);
    assert_text_consistent(&in, &t);
    fp_text_free(&t);
    fp_decoded_free(&in);
}

/* Many attributes on one element.  libxml2 2.9.14 itself checks them for
 * duplicates in quadratic time (200 000 take it ~100 s), so this stays at
 * a size that shows our side is linear without waiting on that. */
static void test_many_attributes(void **state)
{
    (void)state;
    size_t n = 10000;
    char *html = malloc(n * 16 + 64);
    assert_non_null(html);
    char *at = html + sprintf(html, "<div");
    for (size_t i = 0; i < n; i++)
        at += sprintf(at, " a%zu=1", i);
    at += sprintf(at, " class=\"Cuối\">nội dung</div>");
    fp_decoded in = test_decoded(html, (size_t)(at - html));
    free(html);
    fp_text t = test_html(&in);
    assert_string_equal(t.text, "nội dung");
    assert_text_consistent(&in, &t);
    fp_text_free(&t);
    fp_decoded_free(&in);
}

static void test_20mb_single_line(void **state)
{
    (void)state;
    size_t words = 20u * 1000 * 1000 / 8;
    char *html = malloc(words * 8 + 16);
    assert_non_null(html);
    char *at = html + sprintf(html, "<p>");
    for (size_t i = 0; i < words; i++) {
        memcpy(at, "21,1%   ", 8);
        at += 8;
    }
    at += sprintf(at, "</p>");
    fp_decoded in = test_decoded(html, (size_t)(at - html));
    free(html);
    fp_text t = test_html(&in);
    assert_int_equal(t.n_lines, 1);
    assert_int_equal(t.len, words * 6 - 1); /* "21,1% " x words, trimmed */
    assert_int_equal(t.partial, 0);
    /* Spot checks of the map: the last word starts where it was written. */
    assert_int_equal(t.src[t.len - 5], in.len - strlen("21,1%   </p>"));
    assert_int_equal(in.utf8[t.src[t.len / 2]], t.text[t.len / 2]);
    assert_text_consistent(&in, &t);
    fp_text_free(&t);
    fp_decoded_free(&in);
}

static void test_nul_bytes_do_not_truncate(void **state)
{
    (void)state;
    static const char html[] = "<p>a\0b\x01" "c</p><p>d\0</p><p>e</p>";
    fp_decoded in = test_decoded(html, sizeof html - 1);
    fp_text t = test_html(&in);
    assert_true(t.len >= strlen("ab\nd\ne"));
    assert_int_equal(t.n_lines, 3);
    /* The text after the NULs is all there, each line in place. */
    assert_int_equal(t.text[t.lines[1].start], 'd');
    assert_int_equal(t.text[t.lines[2].start], 'e');
    const char *e = memchr(html + 10, 'e', sizeof html - 11);
    assert_non_null(e);
    assert_int_equal(t.src[t.lines[2].start], (uint32_t)(e - html));
    assert_text_consistent(&in, &t);
    fp_text_free(&t);
    fp_decoded_free(&in);
}

/* libxml2 ends the whole parse, without an error, at a NUL inside a tag,
 * an attribute value, <script> or <title>; the html stage parses with
 * NULs as spaces so that the rest of the page survives. */
static void test_nul_in_markup_keeps_the_rest(void **state)
{
    (void)state;
#define NUL_CASE(literal) {literal, sizeof literal - 1}
    static const struct {
        const char *html;
        size_t len;
    } heads[] = {
        NUL_CASE("<p a=\"\0\">C</p>"), NUL_CASE("<p a=\0>C</p>"),
        NUL_CASE("<p \0>C</p>"),         NUL_CASE("<p\0>C</p>"),
        NUL_CASE("<script>\0</script><p>C</p>"),
        NUL_CASE("<title>\0</title><p>C</p>"),
    };
#undef NUL_CASE
    for (size_t i = 0; i < sizeof heads / sizeof *heads; i++) {
        char html[64];
        memcpy(html, heads[i].html, heads[i].len);
        memcpy(html + heads[i].len, "<p>after</p>", 12);
        fp_decoded in = test_decoded(html, heads[i].len + 12);
        fp_text t = test_html(&in);
        if (!text_contains(&t, "after"))
            fail_msg("case %zu: the text after the NUL is lost: \"%s\"", i,
                     t.text);
        assert_int_equal(t.partial, 0);
        assert_text_consistent(&in, &t);
        fp_text_free(&t);
        fp_decoded_free(&in);
    }
}

static void test_empty_and_blank_input(void **state)
{
    (void)state;
    static const char *const inputs[] = {"", "   \n\t ", "<html></html>",
                                         "<!-- only a comment -->",
                                         "<script>x()</script>"};
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        fp_decoded in = test_decoded_str(inputs[i]);
        fp_text t = test_html(&in);
        assert_int_equal(t.len, 0);
        assert_string_equal(t.text, "");
        assert_int_equal(t.n_lines, 0);
        assert_int_equal(t.src[0], in.len);
        assert_null(t.html_title);
        assert_text_consistent(&in, &t);
        fp_text_free(&t);
        fp_decoded_free(&in);
    }
}

/* Bytes that are not HTML (nor text): anything goes but a crash. */
static void test_binary_garbage(void **state)
{
    (void)state;
    char bytes[65536];
    uint32_t x = 12345;
    for (size_t i = 0; i < sizeof bytes; i++) {
        x = x * 1103515245u + 12345u;
        bytes[i] = (char)(x >> 16);
    }
    /* Sprinkle markup so the parser changes state often. */
    for (size_t i = 0; i + 6 < sizeof bytes; i += 97)
        memcpy(bytes + i, i % 2 ? "<p>&#" : "</b&a", 5);
    fp_decoded in = test_decoded(bytes, sizeof bytes);
    fp_text t = test_html(&in);
    assert_int_equal(t.text[t.len], '\0');
    for (size_t i = 0; i <= t.len; i++)
        assert_true(t.src[i] <= in.len);
    fp_text_free(&t);
    fp_decoded_free(&in);
}

static void test_bad_arguments(void **state)
{
    (void)state;
    fp_text t;
    fp_error err = {{0}};
    fp_decoded in;
    memset(&in, 0, sizeof in);
    assert_int_equal(fp_html_to_text(&in, &t, &err), -1);
    assert_true(err.message[0] != '\0');
    assert_null(t.text);
}

int main(void)
{
    fp_html_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_deep_nesting_keeps_text),
        cmocka_unit_test(test_nesting_past_limit_is_partial),
        cmocka_unit_test(test_100k_nesting_does_not_crash),
        cmocka_unit_test(test_many_attributes),
        cmocka_unit_test(test_20mb_single_line),
        cmocka_unit_test(test_nul_bytes_do_not_truncate),
        cmocka_unit_test(test_nul_in_markup_keeps_the_rest),
        cmocka_unit_test(test_empty_and_blank_input),
        cmocka_unit_test(test_binary_garbage),
        cmocka_unit_test(test_bad_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
