/* NFC with a map: fp_nfc_normalize against utf8proc's own NFC. */
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

/* The fast check's premise, for every code point it skips: combining class
 * 0, NFC by itself, and never the second half of a composition with any
 * starter up to U+2FFF or a Hangul syllable/jamo. */
static void test_inert_code_points_really_are(void **state)
{
    (void)state;
    size_t inert = 0;
    for (int32_t cp = 0; cp < 0x30000; cp++) {
        if (!fp_nfc_is_inert(cp))
            continue;
        inert++;
        assert_int_equal(utf8proc_get_property(cp)->combining_class, 0);
        utf8proc_int32_t one[4] = {cp};
        assert_int_equal(utf8proc_normalize_utf32(one, 1, UTF8PROC_COMPOSE), 1);
        utf8proc_int32_t decomposed[8];
        int boundclass = UTF8PROC_BOUNDCLASS_START;
        utf8proc_ssize_t n = utf8proc_decompose_char(
            cp, decomposed, 8, UTF8PROC_STABLE | UTF8PROC_COMPOSE, &boundclass);
        assert_true(n >= 1 && n <= 8);
        assert_int_equal(utf8proc_normalize_utf32(decomposed, n, UTF8PROC_COMPOSE), 1);
        assert_int_equal(decomposed[0], cp);
    }
    assert_true(inert > 800);
    /* not a second half: composition pairs are listed by their first
     * halves' decompositions, so look at every canonical decomposition */
    for (int32_t cp = 0; cp < 0x30000; cp++) {
        const utf8proc_property_t *p = utf8proc_get_property(cp);
        if (p->decomp_type != 0 || p->decomp_seqindex == UINT16_MAX)
            continue;
        utf8proc_int32_t parts[8];
        int boundclass = UTF8PROC_BOUNDCLASS_START;
        utf8proc_ssize_t n = utf8proc_decompose_char(
            cp, parts, 8, UTF8PROC_STABLE | UTF8PROC_COMPOSE, &boundclass);
        for (utf8proc_ssize_t i = 1; i < n; i++)
            if (fp_nfc_is_inert(parts[i]))
                fail_msg("U+%04X decomposes with inert U+%04X second", (unsigned)cp,
                         (unsigned)parts[i]);
    }
}

static fp_mtext identity_text(const char *utf8, size_t len, uint32_t shift)
{
    fp_mtext t = {0};
    fp_error err = {{0}};
    assert_int_equal(fp_mtext_append(&t, utf8, len, shift, 1, &err), 0);
    return t;
}

static void check_against_utf8proc(const char *input, size_t len)
{
    fp_mtext t = identity_text(input, len, 7);
    fp_error err = {{0}};
    int changed = -1;
    assert_int_equal(fp_nfc_normalize(&t, &changed, &err), 0);
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)input,
                                      (utf8proc_ssize_t)len, &nfc,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    assert_true(n >= 0);
    assert_int_equal(t.len, (size_t)n);
    assert_memory_equal(t.text, nfc, t.len);
    assert_int_equal(changed, (size_t)n != len || memcmp(nfc, input, len) != 0);
    for (size_t i = 0; i < t.len; i++) {
        assert_true(t.src[i] >= 7 && t.src[i] < 7 + len);
        if (i > 0)
            assert_true(t.src[i - 1] <= t.src[i]);
        if (((unsigned char)t.text[i] & 0xC0) == 0x80) {
            /* same character: its offset, or the byte it was copied from */
            assert_true(t.src[i] == t.src[i - 1] ||
                        (t.src[i] == t.src[i - 1] + 1 &&
                         input[t.src[i] - 7] == t.text[i]));
        } else {
            /* every output character starts at the start of a source one */
            assert_true(((unsigned char)input[t.src[i] - 7] & 0xC0) != 0x80);
        }
    }
    free(nfc);
    fp_mtext_free(&t);
}

/* A string of 1 to max_chars code points drawn from alphabet[0..n) by a
 * fixed generator (seed advances), UTF-8 in buf (4 * max_chars bytes). */
static size_t random_text(char *buf, unsigned *seed, const int32_t *alphabet,
                          size_t n, int max_chars)
{
    size_t len = 0;
    int n_chars = 1 + (int)((*seed >> 16) % (unsigned)max_chars);
    for (int i = 0; i < n_chars; i++) {
        *seed = *seed * 1103515245u + 12345u;
        int32_t cp = alphabet[(*seed >> 16) % n];
        len += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)buf + len);
    }
    return len;
}

/* Random mixes of letters, precomposed letters, marks in any order,
 * singletons, exclusions and Hangul jamo, compared with utf8proc. */
static void test_nfc_matches_utf8proc(void **state)
{
    (void)state;
    static const int32_t alphabet[] = {
        'a', 'e', 'o', 'u', 'A', ' ', '.', 0x00E2, 0x00EA, 0x01A1, 0x01B0,
        0x1EAD, 0x1EBF, 0x0300, 0x0301, 0x0302, 0x0303, 0x0309, 0x0323,
        0x0306, 0x031B, 0x0344, 0x0340, 0x212B, 0x2126, 0x0958, 0x1100,
        0x1161, 0x11A8, 0xAC00, 0x0B47, 0x0B3E, 0x05B0, 0x0591, 0x1E0B,
        0x0307, 0x0F73, 0x0F71, 0x0F72, 0x201C,
    };
    unsigned seed = 12345;
    for (int round = 0; round < 3000; round++) {
        char buf[128];
        size_t len = random_text(buf, &seed, alphabet,
                                 sizeof alphabet / sizeof alphabet[0], 12);
        check_against_utf8proc(buf, len);
    }
}

static void test_nfc_map_points_at_first_source_character(void **state)
{
    (void)state;
    /* "Thế" as T h e U+0302 U+0301, then "ử" as u U+031B U+0309 */
    const char *nfd = "The\xCC\x82\xCC\x81 u\xCC\x9B\xCC\x89!";
    fp_mtext t = identity_text(nfd, strlen(nfd), 100);
    fp_error err = {{0}};
    int changed = 0;
    assert_int_equal(fp_nfc_normalize(&t, &changed, &err), 0);
    assert_int_equal(changed, 1);
    const char *expected = "Th\xE1\xBA\xBF \xE1\xBB\xAD!";
    assert_int_equal(t.len, strlen(expected));
    assert_memory_equal(t.text, expected, t.len);
    const uint32_t expected_src[] = {100, 101, 102, 102, 102, 107,
                                     108, 108, 108, 113};
    assert_memory_equal(t.src, expected_src, sizeof expected_src);
    fp_mtext_free(&t);

    /* a mark that cannot compose keeps its own offset */
    const char *partial = "x\xCC\x82q\xCC\xA3\xCC\x81"; /* q + 0323 + 0301 */
    t = identity_text(partial, strlen(partial), 0);
    assert_int_equal(fp_nfc_normalize(&t, &changed, &err), 0);
    assert_int_equal(changed, 0); /* already in canonical order, nothing composes */
    fp_mtext_free(&t);
    const char *reordered = "q\xCC\x81\xCC\xA3"; /* 0301 before 0323: reorder */
    t = identity_text(reordered, strlen(reordered), 0);
    assert_int_equal(fp_nfc_normalize(&t, &changed, &err), 0);
    assert_int_equal(changed, 1);
    assert_memory_equal(t.text, "q\xCC\xA3\xCC\x81", 5);
    const uint32_t reordered_src[] = {0, 1, 1, 1, 1}; /* run start */
    assert_memory_equal(t.src, reordered_src, sizeof reordered_src);
    fp_mtext_free(&t);
}

/* Normalizes `input` with the shortcut for letters and marks and without
 * it; the text, the map and `changed` must be the same.  Returns the
 * number of chunks the shortcut rewrote. */
static size_t check_shortcut_matches_general(const char *input, size_t len)
{
    fp_mtext with = identity_text(input, len, 3);
    fp_mtext without = identity_text(input, len, 3);
    fp_error err = {{0}};
    int changed_with = -1, changed_without = -1;
    fp_nfc_counts counts_with, counts_without;
    assert_int_equal(fp_nfc_normalize_counted(&with, &changed_with, 1,
                                              &counts_with, &err), 0);
    assert_int_equal(fp_nfc_normalize_counted(&without, &changed_without, 0,
                                              &counts_without, &err), 0);
    assert_int_equal(counts_without.shortcut_chunks, 0);
    assert_int_equal(changed_with, changed_without);
    assert_int_equal(with.len, without.len);
    assert_memory_equal(with.text, without.text, with.len);
    assert_memory_equal(with.src, without.src, with.len * sizeof *with.src);
    assert_int_equal(with.replacements, without.replacements);
    fp_mtext_free(&with);
    fp_mtext_free(&without);
    return counts_with.shortcut_chunks;
}

static size_t shortcut_chunks_of(const char *utf8)
{
    return check_shortcut_matches_general(utf8, strlen(utf8));
}

/* Chunks chosen to sit on either side of the shortcut's conditions. */
static void test_shortcut_matches_general_path_on_tricky_chunks(void **state)
{
    (void)state;
    /* taken: a letter and marks that fold one by one into one letter */
    assert_int_equal(shortcut_chunks_of("The\xCC\x82\xCC\x81"), 1); /* e 0302 0301 */
    assert_int_equal(shortcut_chunks_of("ngu\xCC\x9Bo\xCC\x9B\xCC\x80i"), 2);
    assert_int_equal(shortcut_chunks_of("\xC6\xB0\xCC\x81"), 1); /* ư 0301 at the start */
    assert_int_equal(shortcut_chunks_of("vi\xC3\xAA\xCC\xA3t"), 1); /* ê 0323: ệ by reordering */
    assert_int_equal(shortcut_chunks_of("a\xCD\x80"), 1);  /* singleton U+0340 -> 0300 */
    assert_int_equal(shortcut_chunks_of("u\xCD\x84"), 1);  /* U+0344 = 0308 0301 */
    /* marks in non-canonical order: 0301 (230) before 031B (216) */
    shortcut_chunks_of("o\xCC\x81\xCC\x9B x");
    shortcut_chunks_of("a\xCC\x81\xCC\xA3 \xC3\xA2\xCC\x81\xCC\xA3");
    /* marks that do not compose, or only partly */
    assert_int_equal(shortcut_chunks_of("q\xCC\x81\xCC\xA3"), 0);
    assert_int_equal(shortcut_chunks_of("e\xCC\x82\xCC\x81\xCC\x81"), 0);
    assert_int_equal(shortcut_chunks_of("x\xCC\xA3\xCC\x82"), 0);
    /* several marks, and several letters with marks in one chunk */
    shortcut_chunks_of("e\xCC\xA3\xCC\x82\xCC\x81\xCC\x80");
    assert_int_equal(
        shortcut_chunks_of(" \xC3\xAA\xCC\x81\xC6\xA1\xCC\x80\xC3\xA2\xCC\xA3!"),
        1);
    /* an unchanged precomposed letter inside a rewritten chunk keeps all
     * its bytes on its first one, like the general path writes it */
    assert_int_equal(shortcut_chunks_of("x\xE1\xBA\xA1\xC3\xA2\xCC\x81"), 1);
    /* Hangul jamo and syllables: not inert, the general path */
    assert_int_equal(shortcut_chunks_of("a\xE1\x84\x80\xE1\x85\xA1"), 0);
    assert_int_equal(shortcut_chunks_of("\xEA\xB0\x80\xE1\x86\xA8"), 0);
    /* singletons and exclusions as letters */
    assert_int_equal(shortcut_chunks_of("\xE2\x84\xAB\xCC\x81"), 0); /* U+212B */
    shortcut_chunks_of("a\xE2\x84\xA6 \xE0\xA5\x98");                /* 2126, 0958 */
    /* a mark at the very start of the text, alone or before a letter */
    assert_int_equal(shortcut_chunks_of("\xCC\x81"), 0);
    assert_int_equal(shortcut_chunks_of("\xCC\x81" "e\xCC\x81"), 1);
    /* a mark after an inert non-letter that it does not compose with */
    assert_int_equal(shortcut_chunks_of("\xE2\x80\x9C\xCC\x81"), 0);
}

/* Random Vietnamese-like text, decomposed or in odd orders, compared
 * between the two paths; the shortcut must take most chunks. */
static void test_shortcut_matches_general_path_on_random_text(void **state)
{
    (void)state;
    static const int32_t alphabet[] = {
        'a', 'e', 'o', 'u', 'i', 'y', 'd', 'A', 'E', ' ', 0x00E2, 0x00EA,
        0x00F4, 0x0103, 0x01A1, 0x01B0, 0x0111, 0x1EA1, 0x1EC7, 0x0300,
        0x0301, 0x0303, 0x0309, 0x0323, 0x0302, 0x0306, 0x031B, 0x0300,
        0x0301, 0x0323, 0x0308, 0x0340, 0x0344, 0x212B, 0x1100, 0x1161,
        0x2013, 0x00E9, 0x0345, 0x1E0B,
    };
    unsigned seed = 2718;
    size_t shortcut_chunks = 0;
    for (int round = 0; round < 4000; round++) {
        char buf[128];
        size_t len = random_text(buf, &seed, alphabet,
                                 sizeof alphabet / sizeof alphabet[0], 14);
        shortcut_chunks += check_shortcut_matches_general(buf, len);
        check_against_utf8proc(buf, len);
    }
    assert_true(shortcut_chunks > 1000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_inert_code_points_really_are),
        cmocka_unit_test(test_nfc_matches_utf8proc),
        cmocka_unit_test(test_nfc_map_points_at_first_source_character),
        cmocka_unit_test(test_shortcut_matches_general_path_on_tricky_chunks),
        cmocka_unit_test(test_shortcut_matches_general_path_on_random_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
