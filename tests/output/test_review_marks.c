/* Overlapping highlights come out properly nested: every open has its
 * close, a span crossing another's end is split, text is written once, in
 * order, whole. */
#include "output/review_marks.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

typedef struct trace {
    const char *text;
    char out[512];
} trace;

static void on_text(void *user, size_t from, size_t to)
{
    trace *t = user;
    size_t n = strlen(t->out);
    snprintf(t->out + n, sizeof t->out - n, "%.*s", (int)(to - from), t->text + from);
}

static void on_open(void *user, size_t fact, int continued)
{
    trace *t = user;
    size_t n = strlen(t->out);
    snprintf(t->out + n, sizeof t->out - n, "[%zu%s", fact, continued ? "+" : "");
}

static void on_close(void *user)
{
    trace *t = user;
    size_t n = strlen(t->out);
    snprintf(t->out + n, sizeof t->out - n, "]");
}

static const fp_review_marks_sink sink = {on_text, on_open, on_close};

static void assert_marks(const char *text, fp_review_span *spans, size_t n, const char *want)
{
    trace t = {text, ""};
    assert_int_equal(fp_review_marks(spans, n, 0, strlen(text), &sink, &t), 0);
    assert_string_equal(t.out, want);
}

static void apart_and_touching(void **state)
{
    (void)state;
    fp_review_span s[] = {{6, 8, 1}, {0, 3, 0}, {3, 5, 2}};
    assert_marks("abcdefghij", s, 3, "[0abc][2de]f[1gh]ij");
    assert_marks("abc", NULL, 0, "abc");
}

static void nested(void **state)
{
    (void)state;
    fp_review_span s[] = {{2, 4, 1}, {0, 8, 0}, {2, 8, 2}};
    assert_marks("abcdefghij", s, 3, "[0ab[2[1cd]efgh]]ij");
}

static void crossing_is_split(void **state)
{
    (void)state;
    /* 0 covers abcde, 1 covers defgh: 1 is cut at e's end and goes on. */
    fp_review_span s[] = {{0, 5, 0}, {3, 8, 1}};
    assert_marks("abcdefghij", s, 2, "[0abc[1de]][1+fgh]ij");
    /* Three in a staircase. */
    fp_review_span t[] = {{0, 4, 0}, {2, 6, 1}, {3, 8, 2}};
    assert_marks("abcdefghij", t, 3, "[0ab[1c[2d]]][1+[2+ef]][2+gh]ij");
}

static void same_span_twice_and_empty(void **state)
{
    (void)state;
    fp_review_span s[] = {{1, 3, 1}, {1, 3, 0}, {5, 5, 2}};
    assert_marks("abcdefg", s, 3, "a[0[1bc]]de[2]fg");
}

static void a_window_of_the_text(void **state)
{
    (void)state;
    /* Offsets are into the whole text; only [from, to) is written. */
    fp_review_span s[] = {{12, 14, 0}};
    trace t = {"line one\nline two", ""};
    assert_int_equal(fp_review_marks(s, 1, 9, 17, &sink, &t), 0);
    assert_string_equal(t.out, "lin[0e ]two");
}

static void out_of_range_is_clamped(void **state)
{
    (void)state;
    fp_review_span s[] = {{7, 3, 0}, {2, 99, 1}, {0, 1, 2}};
    trace t = {"0123456789", ""};
    assert_int_equal(fp_review_marks(s, 3, 1, 6, &sink, &t), 0);
    assert_string_equal(t.out, "[2]1[12345][0]");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(apart_and_touching),
        cmocka_unit_test(nested),
        cmocka_unit_test(crossing_is_split),
        cmocka_unit_test(same_span_twice_and_empty),
        cmocka_unit_test(a_window_of_the_text),
        cmocka_unit_test(out_of_range_is_clamped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
