/* "Did you mean": edit distances and which candidate is close enough. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "common/fp_suggest.h"

#include <string.h>

static void test_distances(void **state)
{
    (void)state;
    assert_int_equal(fp_edit_distance("money", "money", 5), 0);
    assert_int_equal(fp_edit_distance("mony", "money", 5), 1);      /* insertion */
    assert_int_equal(fp_edit_distance("moneys", "money", 5), 1);    /* deletion */
    assert_int_equal(fp_edit_distance("mopey", "money", 5), 1);     /* substitution */
    assert_int_equal(fp_edit_distance("priorty", "priority", 5), 1);
    assert_int_equal(fp_edit_distance("pirority", "priority", 5), 1); /* swap */
    assert_int_equal(fp_edit_distance("Zones", "zones", 5), 0);     /* case */
    assert_int_equal(fp_edit_distance("", "abc", 5), 3);
    assert_int_equal(fp_edit_distance("abc", "", 5), 3);
    /* Beyond the limit every answer is limit + 1. */
    assert_int_equal(fp_edit_distance("percentage", "date", 2), 3);
    assert_int_equal(fp_edit_distance("abcdefgh", "hgfedcba", 3), 4);
}

static void test_suggestions(void **state)
{
    (void)state;
    static const char *const plugins[] = {"count", "date", "docref", "money", "official",
                                          "percentage"};
    size_t n = sizeof plugins / sizeof plugins[0];
    assert_string_equal(fp_suggest("mony", plugins, n), "money");
    assert_string_equal(fp_suggest("percentge", plugins, n), "percentage");
    assert_string_equal(fp_suggest("offical", plugins, n), "official");
    assert_string_equal(fp_suggest("Date", plugins, n), "date");
    assert_string_equal(fp_suggest("dat", plugins, n), "date");
    assert_null(fp_suggest("money", plugins, n));    /* itself: nothing to suggest */
    assert_null(fp_suggest("weather", plugins, n)); /* far from all */
    assert_null(fp_suggest("x", plugins, n));
    assert_null(fp_suggest("", plugins, n));
    /* Two edits are too many for a short word, fine for a longer one. */
    assert_null(fp_suggest("cnt", plugins, n));
    assert_string_equal(fp_suggest("ofical", plugins, n), "official");
    assert_null(fp_suggest("", NULL, 0));
}

static void test_append(void **state)
{
    (void)state;
    static const char *const keys[] = {"plugins", "zones"};
    char message[64] = "unknown key 'zone'";
    assert_true(fp_suggest_append(message, sizeof message, "zone", keys, 2, "'", "'"));
    assert_string_equal(message, "unknown key 'zone'; did you mean 'zones'?");
    assert_false(fp_suggest_append(message, sizeof message, "colour", keys, 2, "'", "'"));
    char small[24] = "unknown key 'zone'";
    fp_suggest_append(small, sizeof small, "zone", keys, 2, "'", "'");
    assert_int_equal(strlen(small), sizeof small - 1); /* cut, still terminated */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_distances),
        cmocka_unit_test(test_suggestions),
        cmocka_unit_test(test_append),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
