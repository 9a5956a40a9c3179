/* Merge: text order, priority decides overlaps between plugins, equal
 * priorities and same-plugin facts never displace each other. */
#include "merge/fp_merge.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

typedef struct spec {
    const char *value;
    size_t start, end;
    int plugin, priority;
} spec;

static void build(fp_fact_list *list, const spec *s, size_t n)
{
    memset(list, 0, sizeof *list);
    for (size_t i = 0; i < n; i++) {
        fp_fact f = {sizeof f, NULL, s[i].start, s[i].end, s[i].value, NULL, 0, NULL, 0};
        assert_int_equal(fp_fact_list_add(list, "k", &f, s[i].plugin, s[i].priority), 0);
    }
}

static void assert_values(const fp_fact_list *list, const char *const *expected, size_t n)
{
    assert_int_equal(list->n, n);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(list->items[i].value, expected[i]);
}

/* The kept facts, in order, each with its span, plugin and priority. */
static void assert_facts(const fp_fact_list *list, const spec *expected, size_t n)
{
    assert_int_equal(list->n, n);
    for (size_t i = 0; i < n; i++) {
        const fp_fact_rec *got = &list->items[i];
        assert_string_equal(got->value, expected[i].value);
        assert_int_equal(got->start, expected[i].start);
        assert_int_equal(got->end, expected[i].end);
        assert_int_equal(got->plugin, expected[i].plugin);
        assert_int_equal(got->priority, expected[i].priority);
    }
}

static void test_sorted_by_position(void **state)
{
    (void)state;
    const spec in[] = {{"c", 20, 25, 0, 0}, {"a", 0, 3, 1, 0}, {"b", 5, 9, 0, 0}};
    fp_fact_list l;
    build(&l, in, 3);
    fp_merge_facts(&l);
    const char *want[] = {"a", "b", "c"};
    assert_values(&l, want, 3);
    fp_fact_list_free(&l);
}

static void test_higher_priority_wins_overlap(void **state)
{
    (void)state;
    /* "ngày 05/10/2018": a date (priority 20) and a count "05" (10). */
    const spec in[] = {{"5", 5, 7, 1, 10}, {"2018-10-05", 0, 15, 0, 20}, {"7", 30, 31, 1, 10}};
    fp_fact_list l;
    build(&l, in, 3);
    fp_merge_facts(&l);
    const char *want[] = {"2018-10-05", "7"};
    assert_values(&l, want, 2);
    fp_fact_list_free(&l);
}

static void test_lower_priority_first_in_text_still_loses(void **state)
{
    (void)state;
    const spec in[] = {{"count", 0, 10, 1, 10}, {"pct", 8, 12, 0, 20}};
    fp_fact_list l;
    build(&l, in, 2);
    fp_merge_facts(&l);
    const char *want[] = {"pct"};
    assert_values(&l, want, 1);
    fp_fact_list_free(&l);
}

/* x and z overlap within one plugin, y overlaps both from another plugin
 * of the same priority: nothing is dropped, and all three come out in text
 * order whatever order they were emitted in. */
static void test_equal_priority_and_same_plugin_keep_both(void **state)
{
    (void)state;
    const spec in[] = {{"z", 3, 9, 0, 5}, {"y", 2, 4, 1, 5}, {"x", 0, 10, 0, 5}};
    fp_fact_list l;
    build(&l, in, 3);
    fp_merge_facts(&l);
    const spec want[] = {{"x", 0, 10, 0, 5}, {"y", 2, 4, 1, 5}, {"z", 3, 9, 0, 5}};
    assert_facts(&l, want, 3);
    fp_fact_list_free(&l);
}

/* "10 - 15%": a span ending where the next starts does not overlap it, so
 * the low-priority fact after a high-priority one survives, in its place. */
static void test_adjacent_spans_do_not_overlap(void **state)
{
    (void)state;
    const spec in[] = {{"15", 2, 5, 1, 0}, {"10", 0, 2, 0, 20}};
    fp_fact_list l;
    build(&l, in, 2);
    fp_merge_facts(&l);
    const spec want[] = {{"10", 0, 2, 0, 20}, {"15", 2, 5, 1, 0}};
    assert_facts(&l, want, 2);
    fp_fact_list_free(&l);
}

static void test_deterministic_for_identical_spans(void **state)
{
    (void)state;
    const spec in[] = {{"second", 0, 4, 1, 0}, {"first", 0, 4, 0, 0}, {"first-b", 0, 4, 0, 0}};
    fp_fact_list l;
    build(&l, in, 3);
    fp_merge_facts(&l);
    const char *want[] = {"first", "first-b", "second"};
    assert_values(&l, want, 3);
    fp_fact_list_free(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sorted_by_position),
        cmocka_unit_test(test_higher_priority_wins_overlap),
        cmocka_unit_test(test_lower_priority_first_in_text_still_loses),
        cmocka_unit_test(test_equal_priority_and_same_plugin_keep_both),
        cmocka_unit_test(test_adjacent_spans_do_not_overlap),
        cmocka_unit_test(test_deterministic_for_identical_spans),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
