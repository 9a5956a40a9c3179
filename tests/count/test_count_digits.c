/*
 * Two fast paths of the count plugin, each against the slow one it
 * replaces.  count_format_decimal() writes a count's value as
 * snprintf("%llu") did.  count_next_digit() tests eight bytes at once (count_text.c) to skip the
 * words between numbers.  A wrong test would skip a number silently, so
 * it is compared here with the plain byte loop, on random bytes of every
 * value (letters, digits, the bytes next to '0' and '9', UTF-8 lead and
 * continuation bytes) at every start and length, and with the count
 * plugin on a block whose numbers sit at every offset of a word.
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

static size_t plain_next_digit(const char *text, size_t from, size_t len)
{
    for (size_t i = from; i < len; i++)
        if (text[i] >= '0' && text[i] <= '9')
            return i;
    return len;
}

static void agrees_with_the_byte_loop(void **state)
{
    (void)state;
    enum { SIZE = 40, ROUNDS = 20000 };
    /* Bytes around the digits and at the edges of the byte values, so
     * that borrows across bytes are tried too. */
    static const unsigned char interesting[] = {
        '0', '9', '/', ':', 0x00, 0x0A, 0x30 ^ 0x80, 0x39 ^ 0x80, 0x80,
        0x89, 0x8A, 0xB0, 0xB9, 0xC3, 0xE1, 0xFF, ' ', 'a', 'Z', 0x3A,
        0x2F, 0x10,
    };
    unsigned seed = 7;
    char text[SIZE];
    for (int round = 0; round < ROUNDS; round++) {
        /* few digits: most rounds have long stretches without one */
        for (size_t i = 0; i < SIZE; i++) {
            seed = seed * 1103515245u + 12345u;
            unsigned pick = (seed >> 16) % 64;
            text[i] = (char)(pick < sizeof interesting
                                 ? interesting[pick]
                                 : (unsigned char)(seed >> 8));
        }
        for (size_t len = 0; len <= SIZE; len += 1 + round % 3)
            for (size_t from = 0; from <= len; from++) {
                size_t want = plain_next_digit(text, from, len);
                size_t got = count_next_digit(text, from, len);
                if (got != want)
                    fail_msg("round %d, bytes %zu-%zu: digit at %zu, "
                             "count_next_digit says %zu", round, from, len,
                             want, got);
            }
    }
}

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
        cmocka_unit_test(agrees_with_the_byte_loop),
        cmocka_unit_test(counts_at_every_offset),
        cmocka_unit_test(decimal_agrees_with_snprintf),
        cmocka_unit_test(long_unit_is_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
