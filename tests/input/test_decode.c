/* fp_decode: encoding decision, conversion, NFC and the offset map. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <iconv.h>
#include <utf8proc.h>

#include "input/fp_input.h"
#include "input/input_internal.h"

/* Properties every decoding must have, whatever the input. */
static void check_invariants(const unsigned char *input, size_t input_len,
                             const fp_decoded *d)
{
    assert_non_null(d->utf8);
    assert_non_null(d->src);
    assert_int_equal(d->utf8[d->len], '\0');
    assert_int_equal(d->src[d->len], input_len);
    for (size_t i = 0; i < d->len; i++) {
        assert_true(d->src[i] < input_len);
        if (i > 0)
            assert_true(d->src[i - 1] <= d->src[i]);
        /* A continuation byte carries its character's offset, or, when
         * the character was copied unchanged from UTF-8 input, the offset
         * of the input byte it is a copy of. */
        if (((unsigned char)d->utf8[i] & 0xC0) == 0x80)
            assert_true(d->src[i] == d->src[i - 1] ||
                        (d->src[i] == d->src[i - 1] + 1 &&
                         input[d->src[i]] == (unsigned char)d->utf8[i]));
    }
    /* the text is valid UTF-8 and NFC */
    fp_utf8_stats stats;
    fp_utf8_scan((const unsigned char *)d->utf8, d->len, &stats);
    assert_int_equal(stats.invalid, 0);
    assert_false(stats.truncated_tail);
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t n =
        utf8proc_map((const utf8proc_uint8_t *)d->utf8, (utf8proc_ssize_t)d->len,
                     &nfc, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    assert_true(n >= 0);
    assert_int_equal((size_t)n, d->len);
    assert_memory_equal(nfc, d->utf8, d->len);
    free(nfc);
}

typedef struct decode_case {
    const char *name;
    const char *input;
    size_t input_len; /* 0: strlen(input) */
    fp_format format;
    const char *expected; /* NFC UTF-8 */
    size_t expected_len;  /* 0: strlen(expected) */
    const char *encoding;
    const char *encoding_from;
    size_t replacements;
    /* offset of each output character, in order; -1 ends the list */
    int char_src[24];
} decode_case;

#define NFC_BI_THU "B\xC3\xAD th\xC6\xB0 Qu\xE1\xBA\xADn \xE1\xBB\xA7y"
#define END -1

static const decode_case decode_cases[] = {
    {"ascii", "Ty le 21,1%", 0, FP_FORMAT_TEXT, "Ty le 21,1%", 0, "utf-8",
     "utf-8 check", 0, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, END}},
    {"utf-8 nfc vietnamese is the identity", NFC_BI_THU, 0, FP_FORMAT_TEXT,
     NFC_BI_THU, 0, "utf-8", "utf-8 check", 0,
     {0, 1, 3, 4, 5, 6, 8, 9, 10, 11, 14, 15, 16, 19, END}},
    {"utf-8 bom shifts the map by 3", "\xEF\xBB\xBFQu\xE1\xBA\xADn", 0,
     FP_FORMAT_TEXT, "Qu\xE1\xBA\xADn", 0, "utf-8", "bom", 0,
     {3, 4, 5, 8, END}},
    {"nfd vietnamese composes to its first source byte",
     "Nguye\xCC\x82\xCC\x83n The\xCC\x82\xCC\x81", 0, FP_FORMAT_TEXT,
     "Nguy\xE1\xBB\x85n Th\xE1\xBA\xBF", 0, "utf-8", "utf-8 check", 0,
     {0, 1, 2, 3, 4, 9, 10, 11, 12, 13, END}},
    {"marks out of canonical order", "Qua\xCC\x82\xCC\xA3n", 0,
     FP_FORMAT_TEXT, "Qu\xE1\xBA\xADn", 0, "utf-8", "utf-8 check", 0,
     {0, 1, 2, 7, END}},
    {"precomposed letter plus a tone mark", "Qu\xC3\xA2\xCC\xA3n", 0,
     FP_FORMAT_TEXT, "Qu\xE1\xBA\xADn", 0, "utf-8", "utf-8 check", 0,
     {0, 1, 2, 6, END}},
    {"windows-1258 with separate tone marks",
     "B\xED th\xFD Qu\xE2\xF2n u\xD2y", 0, FP_FORMAT_TEXT, NFC_BI_THU, 0,
     "windows-1258", "fallback", 0,
     {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 15, END}},
    {"windows-1258 undefined byte becomes U+FFFD", "Qu\xE2\xF2n \x8A", 0,
     FP_FORMAT_TEXT, "Qu\xE1\xBA\xADn \xEF\xBF\xBD", 0, "windows-1258",
     "fallback", 1, {0, 1, 2, 4, 5, 6, END}},
    {"utf-16le with bom", "\xFF\xFEQ\0u\0\xAD\x1En\0", 10, FP_FORMAT_TEXT,
     "Qu\xE1\xBA\xADn", 0, "utf-16le", "bom", 0, {2, 4, 6, 8, END}},
    {"utf-16be with bom", "\xFE\xFF\0Q\0u\x1E\xAD\0n", 10, FP_FORMAT_TEXT,
     "Qu\xE1\xBA\xADn", 0, "utf-16be", "bom", 0, {2, 4, 6, 8, END}},
    {"utf-16le surrogate pair, lone surrogate, odd byte",
     "\xFF\xFE\x3D\xD8\x00\xDEx\0\x00\xDCy\0z", 13, FP_FORMAT_TEXT,
     "\xF0\x9F\x98\x80x\xEF\xBF\xBDy\xEF\xBF\xBD", 0, "utf-16le", "bom", 2,
     {2, 6, 8, 10, 12, END}},
    {"utf-16le nfd composes", "\xFF\xFE" "e\0\x02\x03\x01\x03", 8,
     FP_FORMAT_TEXT, "\xE1\xBA\xBF", 0, "utf-16le", "bom", 0, {2, END}},
    {"meta windows-1258 on valid utf-8 is utf-8",
     "<html><head><meta charset=\"windows-1258\"></head><body><p>"
     "Qu\xE1\xBA\xADn</p></body></html>",
     0, FP_FORMAT_HTML,
     "<html><head><meta charset=\"windows-1258\"></head><body><p>"
     "Qu\xE1\xBA\xADn</p></body></html>",
     0, "utf-8", "utf-8 check", 0, {END}},
    {"meta windows-1258 that is true",
     "<meta http-equiv=\"Content-Type\" content=\"text/html; "
     "charset=windows-1258\"><p>Qu\xE2\xF2n</p>",
     0, FP_FORMAT_HTML,
     "<meta http-equiv=\"Content-Type\" content=\"text/html; "
     "charset=windows-1258\"><p>Qu\xE1\xBA\xADn</p>",
     0, "windows-1258", "meta", 0, {END}},
    {"meta utf-8 with a stray 0xFF", "<meta charset=utf-8><p>Qu\xE1\xBA\xADn \xFF "
     "\xE1\xBB\xA7y</p>", 0, FP_FORMAT_HTML,
     "<meta charset=utf-8><p>Qu\xE1\xBA\xADn \xEF\xBF\xBD \xE1\xBB\xA7y</p>",
     0, "utf-8", "meta", 1, {END}},
    {"meta utf-8 on an ascii page with a stray 0xFF",
     "<meta charset='UTF8'>a\xFF", 0, FP_FORMAT_HTML,
     "<meta charset='UTF8'>a\xEF\xBF\xBD", 0, "utf-8", "meta", 1, {END}},
    {"meta utf-8 on a windows-1258 page is not believed",
     "<meta charset=utf-8><p>B\xED th\xFD Qu\xE2\xF2n u\xD2y</p>", 0,
     FP_FORMAT_HTML, "<meta charset=utf-8><p>" NFC_BI_THU "</p>", 0,
     "windows-1258", "fallback", 0, {END}},
    {"meta latin1 is windows-1252", "<meta charset=latin1>\x93" "caf\xE9\x94",
     0, FP_FORMAT_HTML,
     "<meta charset=latin1>\xE2\x80\x9C" "caf\xC3\xA9\xE2\x80\x9D", 0,
     "windows-1252", "meta", 0, {END}},
    {"unknown meta charset falls through", "<meta charset=klingon>Qu\xE1\xBA\xADn",
     0, FP_FORMAT_HTML, "<meta charset=klingon>Qu\xE1\xBA\xADn", 0, "utf-8",
     "utf-8 check", 0, {END}},
    {"meta is ignored in plain text", "<meta charset=latin1> Qu\xE2\xF2n",
     0, FP_FORMAT_TEXT, "<meta charset=latin1> Qu\xE1\xBA\xADn", 0,
     "windows-1258", "fallback", 0, {END}},
    {"a lone lead byte at eof is a truncated character", "abc \xE2", 0,
     FP_FORMAT_TEXT, "abc \xEF\xBF\xBD", 0, "utf-8", "utf-8 check", 1,
     {0, 1, 2, 3, 4, END}},
    {"truncated multibyte at eof", "Qu\xE1\xBA\xADn\xE1\xBA", 0,
     FP_FORMAT_TEXT, "Qu\xE1\xBA\xADn\xEF\xBF\xBD", 0, "utf-8", "utf-8 check",
     1, {0, 1, 2, 5, 6, END}},
    {"nul bytes are kept", "a\0b Qu\xE1\xBA\xADn\0", 11, FP_FORMAT_TEXT,
     "a\0b Qu\xE1\xBA\xADn\0", 11, "utf-8", "utf-8 check", 0,
     {0, 1, 2, 3, 4, 5, 6, 9, 10, END}},
    {"c0 controls are kept", "a\x01\x1F\tb", 0, FP_FORMAT_TEXT,
     "a\x01\x1F\tb", 0, "utf-8", "utf-8 check", 0, {0, 1, 2, 3, 4, END}},
    {"mostly utf-8 with one stray byte stays utf-8",
     NFC_BI_THU " " NFC_BI_THU " " NFC_BI_THU " \x80", 0, FP_FORMAT_TEXT,
     NFC_BI_THU " " NFC_BI_THU " " NFC_BI_THU " \xEF\xBF\xBD", 0, "utf-8",
     "utf-8 check", 1, {END}},
    {"empty input", "", 0, FP_FORMAT_AUTO, "", 0, "utf-8", "utf-8 check", 0,
     {END}},
    {"bom only", "\xEF\xBB\xBF", 0, FP_FORMAT_AUTO, "", 0, "utf-8", "bom", 0,
     {END}},
};

static void test_decode_cases(void **state)
{
    (void)state;
    for (size_t c = 0; c < sizeof decode_cases / sizeof decode_cases[0]; c++) {
        const decode_case *t = &decode_cases[c];
        size_t input_len = t->input_len ? t->input_len : strlen(t->input);
        size_t expected_len = t->expected_len ? t->expected_len
                                              : strlen(t->expected);
        fp_decoded d;
        fp_error err = {{0}};
        print_message("case: %s\n", t->name);
        assert_int_equal(fp_decode((const unsigned char *)t->input, input_len,
                                   t->format, &d, &err),
                         0);
        check_invariants((const unsigned char *)t->input, input_len, &d);
        assert_int_equal(d.len, expected_len);
        assert_memory_equal(d.utf8, t->expected, expected_len);
        assert_string_equal(d.encoding, t->encoding);
        assert_string_equal(d.encoding_from, t->encoding_from);
        assert_int_equal(d.replacements, t->replacements);
        size_t k = 0;
        for (size_t i = 0; t->char_src[0] != END && i < d.len; i++) {
            if (((unsigned char)d.utf8[i] & 0xC0) == 0x80)
                continue;
            assert_int_not_equal(t->char_src[k], END);
            assert_int_equal(d.src[i], t->char_src[k]);
            k++;
        }
        if (t->char_src[0] != END)
            assert_int_equal(t->char_src[k], END);
        fp_decoded_free(&d);
    }
}

/* Encode UTF-8 text as windows-1258 with glibc, which writes a letter
 * without a precomposed byte as base letter + tone mark. */
static size_t to_cp1258(const char *utf8, char *out, size_t out_size)
{
    iconv_t cd = iconv_open("WINDOWS-1258", "UTF-8");
    assert_true(cd != (iconv_t)-1);
    char *in = (char *)utf8, *o = out;
    size_t in_left = strlen(utf8), out_left = out_size;
    assert_true(iconv(cd, &in, &in_left, &o, &out_left) != (size_t)-1);
    assert_true(iconv(cd, NULL, NULL, &o, &out_left) != (size_t)-1);
    iconv_close(cd);
    return out_size - out_left;
}

/* A windows-1258 page built with iconv gives the same text as the UTF-8. */
static void test_decode_cp1258_all_vietnamese_letters(void **state)
{
    (void)state;
    const char *letters =
        "a\xC3\xA0\xE1\xBA\xA3\xC3\xA3\xC3\xA1\xE1\xBA\xA1 "
        "\xC4\x83\xE1\xBA\xB1\xE1\xBA\xB3\xE1\xBA\xB5\xE1\xBA\xAF\xE1\xBA\xB7 "
        "\xC3\xA2\xE1\xBA\xA7\xE1\xBA\xA9\xE1\xBA\xAB\xE1\xBA\xA5\xE1\xBA\xAD "
        "\xC4\x91\xC4\x90 \xC6\xA1\xE1\xBB\x9D\xE1\xBB\x9F\xE1\xBB\xA1\xE1\xBB"
        "\x9B\xE1\xBB\xA3 \xC6\xB0\xE1\xBB\xAB\xE1\xBB\xAD\xE1\xBB\xAF\xE1\xBB"
        "\xA9\xE1\xBB\xB1 \xE1\xBB\xB3\xE1\xBB\xB7\xE1\xBB\xB9\xC3\xBD\xE1\xBB"
        "\xB5";
    char cp1258[256];
    size_t cp1258_len = to_cp1258(letters, cp1258, sizeof cp1258);
    fp_decoded d;
    fp_error err = {{0}};
    assert_int_equal(fp_decode((const unsigned char *)cp1258, cp1258_len,
                               FP_FORMAT_TEXT, &d, &err),
                     0);
    check_invariants((const unsigned char *)cp1258, cp1258_len, &d);
    assert_string_equal(d.encoding, "windows-1258");
    assert_int_equal(d.len, strlen(letters));
    assert_memory_equal(d.utf8, letters, d.len);
    assert_int_equal(d.replacements, 0);
    fp_decoded_free(&d);
}

/* Byte tables are kept per thread and charset: pages in the four
 * single-byte charsets, one after another and twice over, must each decode
 * with their own charset's table, as a freshly built one converts them. */
static void test_decode_alternating_single_byte_charsets(void **state)
{
    (void)state;
    static const char *const labels[] = {"windows-1258", "viscii",
                                         "windows-1252", "tcvn"};
    fp_byte_table *fresh = malloc(sizeof *fresh);
    assert_non_null(fresh);
    for (int pass = 0; pass < 2; pass++) {
        for (size_t c = 0; c < sizeof labels / sizeof *labels; c++) {
            const fp_charset *charset =
                fp_charset_from_label(labels[c], strlen(labels[c]));
            assert_non_null(charset);
            fp_error err = {{0}};
            assert_int_equal(fp_byte_table_build(charset, fresh, &err), 0);
            /* every byte from 0x80 the charset has a character for: no
             * two of them make a UTF-8 sequence */
            unsigned char page[512];
            size_t len = (size_t)sprintf((char *)page,
                                         "<meta charset=\"%s\"><p>",
                                         labels[c]);
            size_t start = len;
            for (unsigned b = 0x80; b < 0x100; b++)
                if (fresh->len[b])
                    page[len++] = (unsigned char)b;
            fp_decoded d;
            assert_int_equal(
                fp_decode(page, len, FP_FORMAT_HTML, &d, &err), 0);
            assert_string_equal(d.encoding, charset->name);
            assert_string_equal(d.encoding_from, "meta");
            fp_mtext expected = {0};
            assert_int_equal(
                fp_convert_bytes(page, len, 0, fresh, &expected, &err), 0);
            assert_int_equal(fp_nfc_normalize(&expected, NULL, &err), 0);
            assert_int_equal(d.len, expected.len);
            assert_memory_equal(d.utf8, expected.text, d.len);
            assert_memory_equal(d.src, expected.src, d.len * sizeof *d.src);
            assert_true(d.len > start + 100);
            fp_mtext_free(&expected);
            fp_decoded_free(&d);
        }
    }
    free(fresh);
}

/* Ill-formed UTF-8, one U+FFFD per maximal subpart. */
static void test_convert_utf8_replacements(void **state)
{
    (void)state;
    static const struct {
        const char *input, *expected;
        size_t replacements;
    } cases[] = {
        {"\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD", 2},             /* overlong */
        {"\xE0\x80\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3},
        {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3}, /* surrogate */
        {"\xF4\x90\x80\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 4},
        {"\xE1\xBA" "a", "\xEF\xBF\xBD" "a", 1}, /* cut short */
        {"\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80", 0},
        {"\xF8\x88\x80\x80\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 5},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        fp_mtext t = {0};
        fp_error err = {{0}};
        size_t len = strlen(cases[c].input);
        assert_int_equal(fp_convert_utf8((const unsigned char *)cases[c].input,
                                         len, 0, &t, &err),
                         0);
        assert_int_equal(t.len, strlen(cases[c].expected));
        assert_memory_equal(t.text, cases[c].expected, t.len);
        assert_int_equal(t.replacements, cases[c].replacements);
        fp_mtext_free(&t);
    }
}

/* The common case must not pay for NFC or conversion: 2 MB of NFC UTF-8
 * comes out as a copy with an identity map and no rewrite. */
static void test_decode_large_nfc_utf8_takes_the_fast_path(void **state)
{
    (void)state;
    const char *sentence = "Ch\xE1\xBB\xA7 t\xE1\xBB\x8B" "ch UBND qu\xE1\xBA"
                           "\xADn Thanh Kh\xC3\xAA \xC4\x91\xC3\xA3 ph\xC3\xA1t"
                           " bi\xE1\xBB\x83u \xE2\x80\x9C" "21,1%\xE2\x80\x9D.\n";
    size_t sentence_len = strlen(sentence);
    size_t len = 0, cap = 2u * 1024u * 1024u;
    unsigned char *big = malloc(cap);
    assert_non_null(big);
    while (len + sentence_len <= cap) {
        memcpy(big + len, sentence, sentence_len);
        len += sentence_len;
    }
    fp_decoded d;
    fp_error err = {{0}};
    assert_int_equal(fp_decode(big, len, FP_FORMAT_AUTO, &d, &err), 0);
    assert_string_equal(d.encoding_from, "utf-8 check");
    assert_int_equal(d.len, len);
    assert_memory_equal(d.utf8, big, len);
    for (size_t i = 0; i <= len; i++)
        if (d.src[i] != i)
            fail_msg("map is not the identity at byte %zu", i);
    fp_decoded_free(&d);

    fp_mtext t = {0};
    int changed = -1;
    assert_int_equal(fp_convert_utf8(big, len, 0, &t, &err), 0);
    assert_int_equal(fp_nfc_normalize(&t, &changed, &err), 0);
    assert_int_equal(changed, 0);
    fp_mtext_free(&t);
    free(big);
}

static void test_charset_labels(void **state)
{
    (void)state;
    /* labels the prescan understands, as a <meta> means them */
    assert_ptr_equal(fp_charset_from_label(" CP1258 ", 8), &fp_charset_windows1258);
    assert_ptr_equal(fp_charset_from_label("utf8", 4), &fp_charset_utf8);
    assert_ptr_equal(fp_charset_from_label("UTF-16", 6), &fp_charset_utf8);
    assert_ptr_equal(fp_charset_from_label("iso-8859-1", 10), &fp_charset_windows1252);
    assert_ptr_equal(fp_charset_from_label("us-ascii", 8), &fp_charset_windows1252);
    assert_null(fp_charset_from_label("utf-9", 5));
    assert_null(fp_charset_from_label("", 0));
}

static void test_meta_prescan(void **state)
{
    (void)state;
    static const struct {
        const char *page;
        const fp_charset *expected;
    } cases[] = {
        {"<meta charset=\"windows-1258\">", &fp_charset_windows1258},
        {"<META CHARSET=CP1258 />", &fp_charset_windows1258},
        {"<meta http-equiv='content-type' content='text/html;charset=utf-8'>",
         &fp_charset_utf8},
        {"<meta content=\"text/html; charset = latin1\" http-equiv=Content-Type>",
         &fp_charset_windows1252},
        {"<!-- <meta charset=cp1258> --><meta charset=utf-8>", &fp_charset_utf8},
        {"<div title=\"<meta charset=cp1258>\"></div>", NULL},
        {"<meta content=\"charset=cp1258\">", NULL}, /* no http-equiv */
        {"<meta charset=klingon><meta charset=cp1258>", &fp_charset_windows1258},
        {"<metal charset=cp1258>", NULL},
        {"no markup at all", NULL},
        {"<meta charset=", NULL},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        print_message("page: %s\n", cases[c].page);
        assert_ptr_equal(fp_meta_charset((const unsigned char *)cases[c].page,
                                         strlen(cases[c].page)),
                         cases[c].expected);
    }
    /* only the first 4 KiB count */
    char page[5000];
    memset(page, ' ', sizeof page);
    memcpy(page + 4500, "<meta charset=cp1258>", 21);
    assert_null(fp_meta_charset((const unsigned char *)page, sizeof page));
}

/* Whatever the bytes, decoding succeeds and the invariants hold. */
static void test_decode_random_bytes_keep_the_invariants(void **state)
{
    (void)state;
    static const char *const prefixes[] = {
        "", "\xEF\xBB\xBF", "\xFF\xFE", "\xFE\xFF", "<meta charset=cp1258>",
        "<meta charset=utf-8>", "<meta charset=viscii>", "<meta charset=tcvn>",
    };
    unsigned seed = 4242;
    for (int round = 0; round < 4000; round++) {
        unsigned char buf[160];
        const char *prefix = prefixes[round % 8];
        size_t len = strlen(prefix);
        memcpy(buf, prefix, len);
        seed = seed * 1103515245u + 12345u;
        size_t extra = (seed >> 16) % 120;
        for (size_t i = 0; i < extra; i++) {
            seed = seed * 1103515245u + 12345u;
            unsigned r = seed >> 16;
            /* mostly text-like bytes, some UTF-8 pieces, some anything */
            static const unsigned char pieces[] = "a \xCC\xE1\xBA\xAD";
            if (r % 4 == 0)
                buf[len++] = (unsigned char)(0x80 + (r >> 2) % 0x80);
            else if (r % 4 == 1)
                buf[len++] = pieces[(r >> 2) % 6];
            else
                buf[len++] = (unsigned char)((r >> 2) & 0xFF);
        }
        fp_decoded d;
        fp_error err = {{0}};
        fp_format format = round % 3 == 0 ? FP_FORMAT_TEXT : FP_FORMAT_AUTO;
        assert_int_equal(fp_decode(buf, len, format, &d, &err), 0);
        check_invariants(buf, len, &d);
        fp_decoded_free(&d);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode_cases),
        cmocka_unit_test(test_decode_cp1258_all_vietnamese_letters),
        cmocka_unit_test(test_decode_alternating_single_byte_charsets),
        cmocka_unit_test(test_convert_utf8_replacements),
        cmocka_unit_test(test_decode_large_nfc_utf8_takes_the_fast_path),
        cmocka_unit_test(test_charset_labels),
        cmocka_unit_test(test_meta_prescan),
        cmocka_unit_test(test_decode_random_bytes_keep_the_invariants),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
