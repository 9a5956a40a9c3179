/*
 * fp_next_ascii_digit (<factpipe/utf8.h>) tests eight bytes at once to
 * skip the words between numbers; a wrong test would skip a number
 * silently.  It must find what the plain byte loop finds, on random bytes
 * of every value (the bytes next to '0' and '9' and their high-bit twins,
 * UTF-8 lead and continuation bytes, bytes whose subtraction borrows) at
 * every start and length.
 */
#include <factpipe/utf8.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

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
                size_t got = fp_next_ascii_digit(text, from, len);
                if (got != want)
                    fail_msg("round %d, bytes %zu-%zu: digit at %zu, "
                             "fp_next_ascii_digit says %zu", round, from,
                             len, want, got);
            }
    }
}

/* A digit at each place of an eight-byte word, after a stretch of every
 * other byte value: none is missed, none is invented. */
static void each_place_of_a_word(void **state)
{
    (void)state;
    for (unsigned other = 0; other < 256; other++) {
        if (other >= '0' && other <= '9')
            continue;
        char text[24];
        for (size_t at = 0; at <= sizeof text; at++) {
            for (size_t i = 0; i < sizeof text; i++)
                text[i] = (char)other;
            if (at < sizeof text)
                text[at] = (char)('0' + at % 10);
            assert_int_equal(fp_next_ascii_digit(text, 0, sizeof text), at);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(agrees_with_the_byte_loop),
        cmocka_unit_test(each_place_of_a_word),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
