/* fp_plaintext_to_text: pages that were scraped to text already. */
#include "html_test_util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static fp_text plaintext(const fp_decoded *in)
{
    fp_text t;
    fp_error err = {{0}};
    if (fp_plaintext_to_text(in, &t, &err) != 0)
        fail_msg("fp_plaintext_to_text failed: %s", err.message);
    return t;
}

typedef struct text_case {
    const char *input;
    const char *text;
    size_t n_lines;
} text_case;

static const text_case text_cases[] = {
    {"một\nhai", "một\nhai", 2},
    {"  a \t b  \r\n\r\n\xC2\xA0" "c\xC2\xA0\rd\n\n\n", "a b\nc\nd", 3},
    /* NBSP inside a line is kept as written; only the ends are trimmed. */
    {"21\xC2\xA0%", "21\xC2\xA0%", 1},
    {"\r\n\r\n", "", 0},
    {"", "", 0},
    {"x", "x", 1},
};

static void test_text_cases(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof text_cases / sizeof text_cases[0]; i++) {
        fp_decoded in = test_decoded_str(text_cases[i].input);
        fp_text t = plaintext(&in);
        if (strcmp(t.text, text_cases[i].text) != 0)
            fail_msg("case %zu: got \"%s\", expected \"%s\"", i, t.text,
                     text_cases[i].text);
        assert_int_equal(t.n_lines, text_cases[i].n_lines);
        assert_int_equal(t.n_elements, 0);
        assert_null(t.elements);
        assert_null(t.html_title);
        assert_int_equal(t.format, FP_FORMAT_TEXT);
        for (size_t l = 0; l < t.n_lines; l++)
            assert_int_equal(t.lines[l].element, -1);
        assert_text_consistent(&in, &t);
        fp_text_free(&t);
        fp_decoded_free(&in);
    }
}

/* A NUL is white space: kept, it cut the text short for every reader
 * taking it as a C string (the <text> output ended at it). */
static void test_nul_is_white_space(void **state)
{
    (void)state;
    static const char input[] = "T\0\0u \0v\0\n\0w\0";
    fp_decoded in = test_decoded(input, sizeof input - 1);
    fp_text t = plaintext(&in);
    assert_int_equal(t.len, strlen("T u v\nw"));
    assert_string_equal(t.text, "T u v\nw");
    assert_int_equal(t.n_lines, 2);
    assert_int_equal(t.src[t.lines[1].start], 10); /* the "w" */
    assert_text_consistent(&in, &t);
    fp_text_free(&t);
    fp_decoded_free(&in);
}

static void test_offsets(void **state)
{
    (void)state;
    fp_decoded in = test_decoded_str("  Tăng\t\t21,1%\r\n\r\n  đạt  95%");
    fp_text t = plaintext(&in);
    assert_string_equal(t.text, "Tăng 21,1%\nđạt 95%");
    assert_int_equal(t.src[0], 2);                     /* T */
    assert_int_equal(t.src[strlen("Tăng")], 2 + strlen("Tăng")); /* tab */
    assert_int_equal(t.src[strlen("Tăng ")], strstr(in.utf8, "21") - in.utf8);
    assert_int_equal(t.src[strlen("Tăng 21,1%\n")],
                     strstr(in.utf8, "đạt") - in.utf8);
    assert_int_equal(t.src[t.len], in.len);
    fp_text_free(&t);
    fp_decoded_free(&in);
}

static const char seed_first_line[] =
    "Sơ kết 05 năm thực hiện Đề án 02, 03-ĐA/QU của Quận ủy và sơ kết 5 "
    "năm thực hiện Quyết định số 217-QĐ/TW, 218-QĐ/TW của Bộ Chính trị "
    "(Khóa XI)";

static void assert_seed_page(const fp_decoded *in, const fp_text *t)
{
    assert_int_equal(t->n_lines, 15);
    assert_int_equal(t->lines[0].end - t->lines[0].start,
                     strlen(seed_first_line));
    assert_memory_equal(t->text, seed_first_line, strlen(seed_first_line));
    const fp_line *last = &t->lines[t->n_lines - 1];
    assert_int_equal(last->end, t->len);
    assert_memory_equal(t->text + last->start, "Tổng cộng: 18165267",
                        strlen("Tổng cộng: 18165267"));
    assert_null(strchr(t->text, '\r'));
    assert_non_null(strstr(t->text, "(chiếm 21,1%)"));
    assert_text_consistent(in, t);
}

static void test_seed_page(void **state)
{
    (void)state;
    fp_decoded in = test_decoded_file("thanhkhe-2018-10-09.txt");
    fp_text t = plaintext(&in);
    assert_seed_page(&in, &t);
    fp_text_free(&t);
    fp_decoded_free(&in);
}

/* The same page with CR LF line ends gives the same text, mapped to the
 * longer input. */
static void test_seed_page_crlf(void **state)
{
    (void)state;
    fp_decoded lf = test_decoded_file("thanhkhe-2018-10-09.txt");
    char *crlf = malloc(2 * lf.len + 1);
    assert_non_null(crlf);
    size_t len = 0;
    for (size_t i = 0; i < lf.len; i++) {
        if (lf.utf8[i] == '\n')
            crlf[len++] = '\r';
        crlf[len++] = lf.utf8[i];
    }
    fp_decoded in = test_decoded(crlf, len);
    free(crlf);

    fp_text from_lf = plaintext(&lf);
    fp_text t = plaintext(&in);
    assert_seed_page(&in, &t);
    assert_int_equal(t.len, from_lf.len);
    assert_memory_equal(t.text, from_lf.text, t.len);
    assert_true(t.src[t.len - 1] > from_lf.src[t.len - 1]);
    fp_text_free(&t);
    fp_text_free(&from_lf);
    fp_decoded_free(&in);
    fp_decoded_free(&lf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_cases),
        cmocka_unit_test(test_offsets),
        cmocka_unit_test(test_nul_is_white_space),
        cmocka_unit_test(test_seed_page),
        cmocka_unit_test(test_seed_page_crlf),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
