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

/* fp_utf8_scan of the len bytes at page counts as reference_scan does. */
static void scan_agrees_with_the_reference(const unsigned char *page,
                                           size_t len, int round)
{
    fp_utf8_stats fast, slow;
    fp_utf8_scan(page, len, &fast);
    reference_scan(page, len, &slow);
    if (fast.multibyte != slow.multibyte || fast.invalid != slow.invalid ||
        fast.not_inert != slow.not_inert ||
        fast.truncated_tail != slow.truncated_tail)
        fail_msg("round %d (%zu bytes): multibyte %zu/%zu invalid %zu/%zu "
                 "not_inert %zu/%zu truncated %d/%d",
                 round, len, fast.multibyte, slow.multibyte, fast.invalid,
                 slow.invalid, fast.not_inert, slow.not_inert,
                 fast.truncated_tail, slow.truncated_tail);
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
    /* the edges of the two- and three-byte fast path */
    "\xC2\x80",         /* U+0080: smallest two-byte */
    "\xCB\xBF",         /* U+02FF: last inert two-byte */
    "\xCC\x80",         /* U+0300: first combining mark */
    "\xDF\xBF",         /* U+07FF: largest two-byte */
    "\xE0\xA0\x80",     /* U+0800: E0 needs A0..BF second */
    "\xE0\x9F\xBF",     /* overlong three-byte */
    "\xE1\xBA\x9F",     /* U+1E9F: just before the Vietnamese block */
    "\xE1\xBA\xA0",     /* U+1EA0: its first letter */
    "\xE1\xBB\xB9",     /* U+1EF9: its last letter */
    "\xE1\xBB\xBA",     /* U+1EFA: just after */
    "\xE2\x80\x8F",     /* U+200F: before the inert punctuation */
    "\xE2\x80\xA8",     /* U+2028: after it */
    "\xED\x9F\xBF",     /* U+D7FF: last before the surrogates */
    "\xEE\x80\x80",     /* U+E000: private use */
    "\xEF\xBB\xBF",     /* U+FEFF */
    "\xEF\xBF\xBF",     /* U+FFFF */
    "\xE1\x41",         /* lead, then ASCII */
    "\xE1\xBB\xC0",     /* third byte not a continuation */
    "\xC3\xC3\xA0",     /* a lead where a continuation should be */
    "\xF4\x90\x80\x80", /* past U+10FFFF */
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
        scan_agrees_with_the_reference(page, cut, round);
    }
}

/* Pages of arbitrary bytes, mostly high ones: every way a sequence can be
 * cut or broken, at every position relative to the eight-byte words. */
static void test_scan_of_random_bytes_agrees_with_the_reference(void **state)
{
    (void)state;
    uint32_t seed = 4242;
    unsigned char page[512];
    for (int round = 0; round < 20000; round++) {
        size_t len = next_random(&seed) % sizeof page;
        for (size_t k = 0; k < len; k++) {
            uint32_t r = next_random(&seed);
            /* a third ASCII, a third continuation bytes, a third leads */
            page[k] = (unsigned char)(r % 3 == 0   ? 'a' + r % 26
                                      : r % 3 == 1 ? 0x80 + (r >> 4) % 64
                                                   : 0xC0 + (r >> 4) % 64);
        }
        scan_agrees_with_the_reference(page, len, round);
    }
}

/* The fast path reads the two- and three-byte forms whose second byte may
 * be any continuation byte, and it must read them as fp_utf8_decode does:
 * every lead, every second byte, a choice of third bytes, every length
 * available.  It must also take every well-formed sequence of those forms,
 * or Vietnamese text would go the slow way unnoticed. */
static void test_common_sequence_agrees_with_the_decoder(void **state)
{
    (void)state;
    static const unsigned char thirds[] = {0x00, 0x41, 0x7F, 0x80, 0x9F,
                                           0xA0, 0xBF, 0xC0, 0xE1, 0xFF};
    size_t taken = 0;
    for (unsigned lead = 0; lead < 256; lead++) {
        for (unsigned second = 0; second < 256; second++) {
            for (size_t t = 0; t < sizeof thirds; t++) {
                for (size_t avail = 1; avail <= 3; avail++) {
                    const unsigned char s[3] = {(unsigned char)lead,
                                                (unsigned char)second,
                                                thirds[t]};
                    uint32_t fast_cp = 0, slow_cp = 0;
                    size_t bad = 0;
                    size_t fast = fp_utf8_common_sequence(s, avail, &fast_cp);
                    size_t slow = fp_utf8_decode(s, avail, &slow_cp, &bad);
                    int common_form = ((lead >= 0xC2 && lead <= 0xDF) ||
                                       (lead >= 0xE1 && lead <= 0xEF &&
                                        lead != 0xED));
                    if (fast != 0) {
                        taken++;
                        if (fast != slow || fast_cp != slow_cp)
                            fail_msg("%02X %02X %02X (%zu available): fast "
                                     "%zu U+%04X, decoder %zu U+%04X",
                                     lead, second, thirds[t], avail, fast,
                                     (unsigned)fast_cp, slow, (unsigned)slow_cp);
                    } else if (common_form && slow > 1) {
                        fail_msg("%02X %02X %02X (%zu available): well-formed "
                                 "but not taken by the fast path",
                                 lead, second, thirds[t], avail);
                    }
                }
            }
        }
    }
    assert_true(taken > 0);
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

/* fp_convert_bytes byte by byte: each byte its table entry, or U+FFFD. */
static void reference_convert_bytes(const unsigned char *bytes, size_t len,
                                    size_t start, const fp_byte_table *table,
                                    fp_mtext *out)
{
    fp_error err = {{0}};
    for (size_t i = start; i < len; i++) {
        size_t n = table->len[bytes[i]];
        const char *utf8 = (const char *)table->utf8[bytes[i]];
        if (n == 0) {
            utf8 = "\xEF\xBF\xBD";
            n = 3;
            out->replacements++;
        }
        assert_int_equal(fp_mtext_append(out, utf8, n, (uint32_t)i, 0, &err),
                         0);
    }
}

/* Random pages (ASCII runs of every length, any other byte between) in
 * each single-byte charset: the run copy must be the byte-by-byte
 * conversion, and the coverage check must agree with the table.  VISCII
 * and TCVN give letters to control bytes, so their ASCII is not copied
 * whole. */
static void test_single_byte_runs_agree_with_the_bytewise_reference(void **state)
{
    (void)state;
    static const struct {
        const char *label;
        int ascii_unchanged;
    } charsets[] = {{"windows-1258", 1},
                    {"windows-1252", 1},
                    {"viscii", 0},
                    {"tcvn", 0}};
    fp_byte_table *table = malloc(sizeof *table);
    assert_non_null(table);
    uint32_t seed = 99;
    unsigned char page[600];
    for (size_t c = 0; c < sizeof charsets / sizeof *charsets; c++) {
        const fp_charset *charset = fp_charset_from_label(
            charsets[c].label, strlen(charsets[c].label));
        assert_non_null(charset);
        fp_error err = {{0}};
        assert_int_equal(fp_byte_table_build(charset, table, &err), 0);
        assert_int_equal(table->ascii_unchanged, charsets[c].ascii_unchanged);
        for (int round = 0; round < 1500; round++) {
            size_t len = 0;
            while (len + 40 < sizeof page && next_random(&seed) % 32 != 0) {
                size_t run = next_random(&seed) % 20;
                for (size_t k = 0; k < run; k++)
                    page[len++] = (unsigned char)(next_random(&seed) % 0x80);
                page[len++] = (unsigned char)(0x80 + next_random(&seed) % 0x80);
            }
            size_t start = len ? next_random(&seed) % (len < 4 ? len : 4) : 0;
            fp_mtext fast = {0}, slow = {0};
            assert_int_equal(
                fp_convert_bytes(page, len, start, table, &fast, &err), 0);
            reference_convert_bytes(page, len, start, table, &slow);
            assert_int_equal(fast.len, slow.len);
            assert_memory_equal(fast.text, slow.text, fast.len);
            assert_memory_equal(fast.src, slow.src,
                                fast.len * sizeof *fast.src);
            assert_int_equal(fast.replacements, slow.replacements);
            int covered = 1;
            for (size_t k = 0; k < len; k++)
                if (table->len[page[k]] == 0)
                    covered = 0;
            assert_int_equal(fp_byte_table_covers(table, page, len), covered);
            fp_mtext_free(&fast);
            fp_mtext_free(&slow);
        }
    }
    free(table);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ascii_prefix_every_length_position_and_alignment),
        cmocka_unit_test(test_scan_agrees_with_the_bytewise_reference),
        cmocka_unit_test(test_scan_of_random_bytes_agrees_with_the_reference),
        cmocka_unit_test(test_common_sequence_agrees_with_the_decoder),
        cmocka_unit_test(test_non_nfc_after_a_long_ascii_run_is_composed),
        cmocka_unit_test(test_clean_copy_equals_the_validating_conversion),
        cmocka_unit_test(test_single_byte_conversion_every_byte),
        cmocka_unit_test(test_single_byte_runs_agree_with_the_bytewise_reference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
