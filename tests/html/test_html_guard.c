/* The attribute guard: pages whose attribute lists would keep libxml2's
 * quadratic duplicate check busy for minutes are refused quickly, with a
 * message that says where; ordinary pages are untouched. */
#include "html/fp_html_guard.h"
#include "html_test_util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static fp_attribute_load load_of(const char *html)
{
    fp_attribute_load load;
    fp_html_attribute_load(html, strlen(html), &load);
    return load;
}

/* Quoted values may hold blanks, '=' and '>'; end tags, comments and a
 * '<' before a non-letter open no attribute list. */
static void test_counts_like_the_parser(void **state)
{
    (void)state;
    fp_attribute_load load =
        load_of("<p>x</p><!-- <a b c> --> 5 < 6 "
                "<div id=\"a b > c\" class='x=y' hidden data-x = 1 />");
    /* <!-- <a b c> -->: "<a" is a start tag to a byte scanner too (2
     * attributes); the div has 4. */
    assert_int_equal(load.most, 4);
    assert_int_equal(load.pairs, 1 + 6);
    assert_int_equal(load.most_offset, strlen("<p>x</p><!-- <a b c> --> 5 < 6 "));
}

/* A script's or style's text is no markup to the parser: its "a<b c d"
 * opens no tag, up to the closing tag in any case. */
static void test_script_text_is_skipped(void **state)
{
    (void)state;
    fp_attribute_load load =
        load_of("<script>for(i=0;i<n a b c d;i++){}</script>"
                "<STYLE>p<q r s t{}</STYLE><p x y>t</p>"
                "<script type=\"x\">if(a<b c)</SCRIPT><i k>");
    assert_int_equal(load.most, 2);
    assert_int_equal(load.pairs, 1); /* <p x y> */
    /* An unclosed script runs to the end. */
    assert_int_equal(load_of("<script>a<b c d e").most, 0);
    /* "<scripts" is no script. */
    assert_int_equal(load_of("<scripts>a<b c d").most, 2);
}

static void test_unterminated_tag_and_quote(void **state)
{
    (void)state;
    assert_int_equal(load_of("<p a b c").most, 3);
    assert_int_equal(load_of("<p a=\"b c d").most, 1);
    assert_int_equal(load_of("<").most, 0);
    assert_int_equal(load_of("").pairs, 0);
}

/* " aN" x n inside <tag ...>, repeated `elements` times. */
static fp_decoded crowded_page(size_t elements, size_t n)
{
    size_t cap = 64 + elements * (n * 9 + 32);
    char *html = malloc(cap);
    assert_non_null(html);
    char *at = html + sprintf(html, "<html><body>");
    for (size_t e = 0; e < elements; e++) {
        at += sprintf(at, "<p");
        for (size_t i = 0; i < n; i++)
            at += sprintf(at, " a%zu", i);
        at += sprintf(at, ">Tỷ lệ 5%%</p>");
    }
    at += sprintf(at, "</body></html>");
    fp_decoded in = test_decoded(html, (size_t)(at - html));
    free(html);
    return in;
}

static void expect_refused(size_t elements, size_t n)
{
    fp_decoded in = crowded_page(elements, n);
    fp_text t;
    fp_error err = {{0}};
    assert_int_equal(fp_html_to_text(&in, &t, &err), -1);
    assert_non_null(strstr(err.message, "too many attributes"));
    assert_non_null(strstr(err.message, "start tag at byte 12"));
    char count[32];
    snprintf(count, sizeof count, "has %zu", n);
    assert_non_null(strstr(err.message, count));
    assert_null(t.text);
    fp_decoded_free(&in);
}

/* Took libxml2 ~100 s before the guard. */
static void test_200k_attributes_refused(void **state)
{
    (void)state;
    expect_refused(1, 200000);
}

/* No single element is extreme, the page is: 400 x 1000 attributes. */
static void test_many_crowded_elements_refused(void **state)
{
    (void)state;
    expect_refused(400, 1000);
}

/* Right under the limit the page is parsed as usual. */
static void test_under_the_limit_parses(void **state)
{
    (void)state;
    fp_decoded in = crowded_page(50, 1000); /* 24 975 000 pairs */
    fp_text t = test_html(&in);
    assert_true(text_contains(&t, "Tỷ lệ 5%"));
    assert_int_equal(t.n_lines, 50);
    assert_text_consistent(&in, &t);
    fp_text_free(&t);
    fp_decoded_free(&in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counts_like_the_parser),
        cmocka_unit_test(test_unterminated_tag_and_quote),
        cmocka_unit_test(test_script_text_is_skipped),
        cmocka_unit_test(test_200k_attributes_refused),
        cmocka_unit_test(test_many_crowded_elements_refused),
        cmocka_unit_test(test_under_the_limit_parses),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
