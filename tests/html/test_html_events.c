/* fp_html_to_text built from the parser's events: elements libxml2 closes
 * implicitly still pair up, prefixed names go by their local part, and
 * what is not body text (title, script, noscript, head) stays out. */
#include "html_test_util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* Index of the n-th element (0-based) with this tag; fails when absent. */
static size_t nth_element(const fp_text *t, const char *tag, size_t n)
{
    for (size_t i = 0; i < t->n_elements; i++)
        if (strcmp(t->elements[i].tag, tag) == 0 && n-- == 0)
            return i;
    fail_msg("no element <%s> number %zu", tag, n);
    return 0;
}

/* The text an element covers, as a string the test frees. */
static char *element_text(const fp_text *t, size_t index)
{
    const fp_element *e = &t->elements[index];
    char *s = malloc(e->end - e->start + 1);
    assert_non_null(s);
    memcpy(s, t->text + e->start, e->end - e->start);
    s[e->end - e->start] = '\0';
    return s;
}

static void assert_element_text(const fp_text *t, size_t index,
                                const char *expected)
{
    char *s = element_text(t, index);
    assert_string_equal(s, expected);
    free(s);
}

/* <p> closed by the next <p> or by a block start: siblings, not nested. */
static void test_unclosed_paragraphs(void **state)
{
    (void)state;
    fp_decoded in = test_decoded_str(
        "<body><p>một<p>hai<div>ba<p>bốn</div>năm");
    fp_text t = test_html(&in);
    assert_string_equal(t.text, "một\nhai\nba\nbốn\nnăm");
    assert_text_consistent(&in, &t);
    size_t body = nth_element(&t, "body", 0);
    size_t first = nth_element(&t, "p", 0), second = nth_element(&t, "p", 1);
    assert_int_equal(t.elements[first].parent, (int32_t)body);
    assert_int_equal(t.elements[second].parent, (int32_t)body);
    assert_element_text(&t, first, "một");
    assert_element_text(&t, second, "hai");
    size_t div = nth_element(&t, "div", 0), inner = nth_element(&t, "p", 2);
    assert_int_equal(t.elements[inner].parent, (int32_t)div);
    assert_element_text(&t, div, "ba\nbốn");
    fp_text_free(&t);
    fp_decoded_free(&in);
}

static void test_unclosed_list_items(void **state)
{
    (void)state;
    fp_decoded in = test_decoded_str(
        "<ul><li>một<li>hai<ul><li>trong</ul><li>ba</ul>sau");
    fp_text t = test_html(&in);
    assert_string_equal(t.text, "một\nhai\ntrong\nba\nsau");
    assert_text_consistent(&in, &t);
    size_t outer = nth_element(&t, "ul", 0), inner = nth_element(&t, "ul", 1);
    size_t one = nth_element(&t, "li", 0), two = nth_element(&t, "li", 1);
    size_t nested = nth_element(&t, "li", 2), three = nth_element(&t, "li", 3);
    assert_int_equal(t.elements[one].parent, (int32_t)outer);
    assert_int_equal(t.elements[two].parent, (int32_t)outer);
    assert_int_equal(t.elements[three].parent, (int32_t)outer);
    assert_int_equal(t.elements[inner].parent, (int32_t)two);
    assert_int_equal(t.elements[nested].parent, (int32_t)inner);
    assert_element_text(&t, two, "hai\ntrong");
    assert_element_text(&t, three, "ba");
    assert_element_text(&t, outer, "một\nhai\ntrong\nba");
    fp_text_free(&t);
    fp_decoded_free(&in);
}

static void test_unclosed_table_cells(void **state)
{
    (void)state;
    fp_decoded in = test_decoded_str(
        "<table><tr><td>a<td>b<tr><td>c</table>sau");
    fp_text t = test_html(&in);
    assert_string_equal(t.text, "a\nb\nc\nsau");
    assert_text_consistent(&in, &t);
    size_t row1 = nth_element(&t, "tr", 0), row2 = nth_element(&t, "tr", 1);
    size_t a = nth_element(&t, "td", 0), b = nth_element(&t, "td", 1);
    size_t c = nth_element(&t, "td", 2);
    assert_int_equal(t.elements[a].parent, (int32_t)row1);
    assert_int_equal(t.elements[b].parent, (int32_t)row1);
    assert_int_equal(t.elements[c].parent, (int32_t)row2);
    assert_element_text(&t, row1, "a\nb");
    assert_element_text(&t, c, "c");
    /* The table ends before "sau", which belongs to <body>. */
    size_t table = nth_element(&t, "table", 0);
    assert_element_text(&t, table, "a\nb\nc");
    fp_text_free(&t);
    fp_decoded_free(&in);
}

/* Word's <o:p> is a paragraph; <st1:place> an (unknown) inline element. */
static void test_prefixed_names(void **state)
{
    (void)state;
    fp_decoded in = test_decoded_str(
        "<body><div>a<o:p>b</o:p>c <st1:place>Đà Nẵng</st1:place> d</div>");
    fp_text t = test_html(&in);
    assert_string_equal(t.text, "a\nb\nc Đà Nẵng d");
    assert_text_consistent(&in, &t);
    size_t p = nth_element(&t, "p", 0);
    assert_element_text(&t, p, "b");
    fp_text_free(&t);
    fp_decoded_free(&in);
}

/* Only body text becomes text; elements inside skipped ones are not
 * elements either. */
static void test_not_body_text(void **state)
{
    (void)state;
    fp_decoded in = test_decoded_str(
        "<head><title> </title><title>  Bản  tin <b>số</b> 5 </title>"
        "<style>p{}</style></head><body>"
        "<script>var s = '<div>không</div>';</script>"
        "<noscript><div id=\"ns\">không</div></noscript>"
        "<template><p>không</p></template>"
        "<p>có<br>dòng</p>");
    fp_text t = test_html(&in);
    assert_string_equal(t.text, "có\ndòng");
    assert_string_equal(t.html_title, "Bản tin số 5");
    assert_text_consistent(&in, &t);
    for (size_t i = 0; i < t.n_elements; i++)
        assert_null(t.elements[i].cues);
    assert_int_equal(t.n_elements, 2); /* body, p */
    fp_text_free(&t);
    fp_decoded_free(&in);
}

/* Elements the parser never closed (end of input) end with the text. */
static void test_open_at_end(void **state)
{
    (void)state;
    fp_decoded in = test_decoded_str(
        "<div id=\"a\"><div class=\"b\"><p>x<a href=\"#\">liên kết");
    fp_text t = test_html(&in);
    assert_string_equal(t.text, "xliên kết");
    assert_text_consistent(&in, &t);
    for (size_t i = 0; i < t.n_elements; i++)
        assert_int_equal(t.elements[i].end, t.len);
    size_t p = nth_element(&t, "p", 0);
    assert_int_equal(t.elements[p].link_bytes, strlen("liên kết"));
    fp_text_free(&t);
    fp_decoded_free(&in);
}

int main(void)
{
    fp_html_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unclosed_paragraphs),
        cmocka_unit_test(test_unclosed_list_items),
        cmocka_unit_test(test_unclosed_table_cells),
        cmocka_unit_test(test_prefixed_names),
        cmocka_unit_test(test_not_body_text),
        cmocka_unit_test(test_open_at_end),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
