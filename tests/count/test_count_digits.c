/*
 * Two fast paths of the count plugin, each against the slow one it
 * replaces.  count_format_decimal() writes a count's value as
 * snprintf("%llu") did.  The count plugin skips the words between
 * numbers with fp_next_ascii_digit (eight bytes at once; compared with
 * the byte loop in tests/sdk/test_next_digit.c): here a block whose
 * number sits at every offset of a word still gives its count.
 */
#include "count_fixture.h"
#include "count_number.h"
#include "count_text.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

/* Through the plugin: a count whose number starts at each offset of an
 * eight-byte word after a long stretch of text is found. */
static void counts_at_every_offset(void **state)
{
    (void)state;
    for (size_t pad = 0; pad < 16; pad++) {
        char text[128];
        snprintf(text, sizeof text, "Trong đợt này%.*s có 25 hộ gia đình",
                 (int)pad, "................");
        fp_fake_host host;
        if (run_count(&host, NULL, text) != FP_OK)
            fail_msg("extract failed: %s", host.last_error);
        assert_int_equal(host.n_facts, 1);
        assert_string_equal(host.facts[0].value, "25");
        fp_fake_host_free(&host);
    }
}

/* A unit longer than emit_count()'s buffer on the stack is copied to the
 * heap, whole. */
static void long_unit_is_whole(void **state)
{
    (void)state;
    static const char *const extra[] = {"max-unit-words=12", NULL};
    const char *unit = "ngườiiiiii khácccccc nữaaaaaaa kiaaaaaaa "
                       "xaaaaaaaaa gầnnnnnnn nọoooooo đóoooooo "
                       "nàyyyyyyy ấyyyyyyyy đâyyyyyyy kìaaaaaa";
    char text[512];
    snprintf(text, sizeof text, "có 25 %s.", unit);
    fp_fake_host host;
    if (run_count(&host, extra, text) != FP_OK)
        fail_msg("extract failed: %s", host.last_error);
    assert_int_equal(host.n_facts, 1);
    assert_true(strlen(unit) > 128);
    assert_string_equal(host.facts[0].attrs[0].value, unit);
    fp_fake_host_free(&host);
}

static void check_decimal(uint64_t value)
{
    char want[32], got[COUNT_DECIMAL_BYTES];
    snprintf(want, sizeof want, "%llu", (unsigned long long)value);
    count_format_decimal(value, got);
    if (strcmp(want, got) != 0)
        fail_msg("%s written as \"%s\"", want, got);
}

static void decimal_agrees_with_snprintf(void **state)
{
    (void)state;
    check_decimal(0);
    check_decimal(UINT64_MAX);
    for (uint64_t power = 1; power <= UINT64_MAX / 10; power *= 10) {
        check_decimal(power - 1);
        check_decimal(power);
        check_decimal(power + 1);
    }
    uint64_t x = 88172645463325252u;
    for (int i = 0; i < 100000; i++) {
        x ^= x << 13; /* xorshift: values of every length */
        x ^= x >> 7;
        x ^= x << 17;
        check_decimal(x >> (x % 64));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(counts_at_every_offset),
        cmocka_unit_test(decimal_agrees_with_snprintf),
        cmocka_unit_test(long_unit_is_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
