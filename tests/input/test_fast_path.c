/* The fast path of decoding: the word-at-a-time ASCII skip, the UTF-8 scan
 * with its NFC quick check, the copy of clean UTF-8 and the single-byte
 * conversion, each against a plain byte-by-byte reference. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <utf8proc.h>

#include "input/fp_input.h"
#include "input/input_internal.h"

/* A small deterministic generator, so a failure can be replayed. */
static uint32_t next_random(uint32_t *state)
{
    *state = *state * 1664525u + 1013904223u;
    return *state >> 8;
}

/* Every length up to five words, every position of the first non-ASCII
 * byte (or none), every alignment of the buffer: the word loop and the
 * byte tail must agree on where the ASCII run ends. */
static void test_ascii_prefix_every_length_position_and_alignment(void **state)
{
    (void)state;
    unsigned char buffer[64];
    for (size_t align = 0; align < 8; align++) {
        for (size_t len = 0; len <= 40; len++) {
            for (size_t stop = 0; stop <= len; stop++) {
                unsigned char *s = buffer + align;
                memset(s, 'a', len);
                if (stop < len)
                    s[stop] = 0x80 | (unsigned char)(stop & 0x7F);
                size_t got = fp_ascii_prefix(s, len);
                if (got != stop)
                    fail_msg("len %zu, non-ASCII at %zu, align %zu: got %zu",
                             len, stop, align, got);
            }
        }
    }
}

/* fp_utf8_scan as it was before the fast path: one byte at a time. */
static void reference_scan(const unsigned char *bytes, size_t len,
                           fp_utf8_stats *stats)
{
    memset(stats, 0, sizeof *stats);
    size_t i = 0;
    while (i < len) {
        if (bytes[i] < 0x80) {
            i++;
            continue;
        }
        size_t bad = 0;
        uint32_t decoded;
        size_t n = fp_utf8_decode(bytes + i, len - i, &decoded, &bad);
        if (n > 0) {
            utf8proc_int32_t cp;
            assert_int_equal(utf8proc_iterate(bytes + i,
                                              (utf8proc_ssize_t)n, &cp),
                             (utf8proc_ssize_t)n);
            assert_int_equal(cp, (utf8proc_int32_t)decoded);
            stats->multibyte++;
            if (!fp_nfc_is_inert(cp))
                stats->not_inert++;
            i += n;
        } else if (i + bad == len && bytes[i] >= 0xC2 && bytes[i] < 0xF5) {
            stats->truncated_tail = 1;
            i += bad;
        } else {
            stats->invalid++;
            i += bad;
        }
    }
}

/* Pieces pages are made of, well-formed and not, inert and not. */
static const char *const pieces[] = {
    "\xE1\xBB\xA7",     /* U+1EE7 precomposed Vietnamese: inert */
    "\xC6\xB0",         /* U+01B0 ư: inert */
    "\xE2\x80\x9C",     /* U+201C quote: inert */
    "\xCC\x82",         /* U+0302 combining circumflex: not inert */
    "\xE2\x82\xAC",     /* U+20AC euro: not in the inert ranges */
    "\xF0\x9F\x98\x80", /* U+1F600: four bytes */
    "\xFF",             /* never UTF-8 */
    "\xC0\xAF",         /* overlong */
    "\xE1\xBA",         /* cut short */
    "\x80",             /* stray continuation byte */
    "\xED\xA0\x80",     /* surrogate */
};

static size_t random_page(uint32_t *seed, unsigned char *out, size_t cap)
{
    size_t len = 0;
    while (len + 32 < cap && next_random(seed) % 64 != 0) {
        size_t ascii = next_random(seed) % 20;
        for (size_t k = 0; k < ascii; k++)
            out[len++] = (unsigned char)(' ' + next_random(seed) % 95);
        const char *piece =
            pieces[next_random(seed) % (sizeof pieces / sizeof *pieces)];
        memcpy(out + len, piece, strlen(piece));
        len += strlen(piece);
    }
    return len;
}

static void test_scan_agrees_with_the_bytewise_reference(void **state)
{
    (void)state;
    uint32_t seed = 12345;
    unsigned char page[2048];
    for (int round = 0; round < 3000; round++) {
        size_t len = random_page(&seed, page, sizeof page);
        /* cut anywhere, so that sequences also end at the very end */
        size_t cut = len ? next_random(&seed) % (len + 1) : 0;
        fp_utf8_stats fast, slow;
        fp_utf8_scan(page, cut, &fast);
        reference_scan(page, cut, &slow);
        if (fast.multibyte != slow.multibyte || fast.invalid != slow.invalid ||
            fast.not_inert != slow.not_inert ||
            fast.truncated_tail != slow.truncated_tail)
            fail_msg("round %d (%zu bytes): multibyte %zu/%zu invalid %zu/%zu "
                     "not_inert %zu/%zu truncated %d/%d",
                     round, cut, fast.multibyte, slow.multibyte, fast.invalid,
                     slow.invalid, fast.not_inert, slow.not_inert,
                     fast.truncated_tail, slow.truncated_tail);
    }
}

/* A combining mark after a long ASCII run, at every offset modulo the word
 * size: the quick check must notice it and NFC must compose it, with the
 * composed letter mapped to its base letter and the rest shifted. */
static void test_non_nfc_after_a_long_ascii_run_is_composed(void **state)
{
    (void)state;
    const char tail[] = " Thu\xE1\xBA\xADn.";
    for (size_t run = 1000; run < 1017; run++) {
        size_t len = run + 3 + sizeof tail - 1;
        unsigned char *input = malloc(len);
        assert_non_null(input);
        memset(input, 'x', run);
        input[run - 1] = 'e';
        memcpy(input + run, "\xCC\x82", 2); /* e + U+0302 = ê */
        input[run + 2] = '!';
        memcpy(input + run + 3, tail, sizeof tail - 1);

        fp_utf8_stats stats;
        fp_utf8_scan(input, len, &stats);
        assert_int_equal(stats.not_inert, 1);

        fp_decoded d;
        fp_error err = {{0}};
        assert_int_equal(fp_decode(input, len, FP_FORMAT_TEXT, &d, &err), 0);
        assert_int_equal(d.len, len - 1);
        assert_memory_equal(d.utf8, input, run - 1);
        assert_memory_equal(d.utf8 + run - 1, "\xC3\xAA!", 3);
        assert_memory_equal(d.utf8 + run + 2, tail, sizeof tail - 1);
        for (size_t i = 0; i < run - 1; i++)
            assert_int_equal(d.src[i], i);
        assert_int_equal(d.src[run - 1], run - 1); /* ê: at its 'e' */
        assert_int_equal(d.src[run], run - 1);
        for (size_t i = run + 1; i <= d.len; i++)
            assert_int_equal(d.src[i], i + 1);
        fp_decoded_free(&d);
        free(input);
    }
}

/* Clean UTF-8 is copied without a second validation: the copy must be
 * what the validating conversion makes of the same bytes. */
static void test_clean_copy_equals_the_validating_conversion(void **state)
{
    (void)state;
    uint32_t seed = 777;
    unsigned char page[2048];
    int compared = 0;
    for (int round = 0; round < 2000; round++) {
        size_t len = random_page(&seed, page, sizeof page);
        fp_utf8_stats stats;
        fp_utf8_scan(page, len, &stats);
        if (stats.invalid || stats.truncated_tail)
            continue;
        /* a start inside the leading ASCII, so it is a character boundary
         * (as after a BOM) */
        size_t start = next_random(&seed) % 3;
        if (start > fp_ascii_prefix(page, len))
            start = fp_ascii_prefix(page, len);
        fp_mtext slow = {0}, fast = {0};
        fp_error err = {{0}};
        assert_int_equal(fp_convert_utf8(page, len, start, &slow, &err), 0);
        assert_int_equal(fp_convert_utf8_valid(page, len, start, &fast, &err),
                         0);
        assert_int_equal(fast.len, slow.len);
        assert_memory_equal(fast.text, slow.text, fast.len);
        assert_memory_equal(fast.src, slow.src, fast.len * sizeof *fast.src);
        assert_int_equal(fast.replacements, 0);
        fp_mtext_free(&slow);
        fp_mtext_free(&fast);
        compared++;
    }
    /* pages with only the five well-formed pieces are common enough */
    assert_true(compared > 20);
}

/* Every byte of windows-1258 after a 5-byte prefix: each character is its
 * table entry (or U+FFFD, counted), mapped to its own input byte. */
static void test_single_byte_conversion_every_byte(void **state)
{
    (void)state;
    fp_byte_table *table = malloc(sizeof *table);
    assert_non_null(table);
    fp_error err = {{0}};
    assert_int_equal(fp_byte_table_build(&fp_charset_windows1258, table, &err),
                     0);
    unsigned char input[5 + 256];
    memset(input, 'p', 5);
    for (unsigned b = 0; b < 256; b++)
        input[5 + b] = (unsigned char)b;
    fp_mtext t = {0};
    assert_int_equal(
        fp_convert_bytes(input, sizeof input, 5, table, &t, &err), 0);
    size_t at = 0, undefined = 0;
    for (unsigned b = 0; b < 256; b++) {
        const char *expect = (const char *)table->utf8[b];
        size_t n = table->len[b];
        if (n == 0) {
            expect = "\xEF\xBF\xBD";
            n = 3;
            undefined++;
        }
        assert_true(at + n <= t.len);
        if (memcmp(t.text + at, expect, n) != 0)
            fail_msg("byte 0x%02X decoded wrongly", b);
        for (size_t k = 0; k < n; k++)
            assert_int_equal(t.src[at + k], 5 + b);
        at += n;
    }
    assert_int_equal(at, t.len);
    assert_int_equal(t.replacements, undefined);
    assert_true(undefined > 0); /* windows-1258 leaves some bytes undefined */
    fp_mtext_free(&t);
    free(table);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ascii_prefix_every_length_position_and_alignment),
        cmocka_unit_test(test_scan_agrees_with_the_bytewise_reference),
        cmocka_unit_test(test_non_nfc_after_a_long_ascii_run_is_composed),
        cmocka_unit_test(test_clean_copy_equals_the_validating_conversion),
        cmocka_unit_test(test_single_byte_conversion_every_byte),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
