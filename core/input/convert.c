/* Conversion to UTF-8 with a map from every output byte to the input
 * offset where its character started. */
#include "input_internal.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

static const char replacement_utf8[3] = {(char)0xEF, (char)0xBF, (char)0xBD};

int fp_mtext_reserve(fp_mtext *t, size_t more, fp_error *err)
{
    if (t->cap - t->len >= more && t->text)
        return 0;
    size_t need = t->len + more;
    size_t cap = t->cap ? t->cap : 64;
    while (cap < need)
        cap = cap / 2 <= SIZE_MAX / 4 ? cap * 2 : need;
    char *text = realloc(t->text, cap + 1);
    if (!text)
        return fp_error_set(err, "out of memory decoding %zu bytes of text",
                            cap);
    t->text = text;
    uint32_t *src = realloc(t->src, (cap + 1) * sizeof *src);
    if (!src)
        return fp_error_set(err, "out of memory decoding %zu bytes of text",
                            cap);
    t->src = src;
    t->cap = cap;
    return 0;
}

/* src[i] = from + i for n entries: the map of a run copied byte for byte.
 * The fill goes in blocks of eight, a fixed trip count that the compiler
 * turns into vector stores even at -O2. */
static void fill_offsets_in_order(uint32_t *src, uint32_t from, size_t n)
{
    size_t i = 0;
    for (; n - i >= 8; i += 8)
        for (size_t j = 0; j < 8; j++)
            src[i + j] = from + (uint32_t)(i + j);
    for (; i < n; i++)
        src[i] = from + (uint32_t)i;
}

int fp_mtext_append(fp_mtext *t, const char *bytes, size_t n, uint32_t from,
                    int identity, fp_error *err)
{
    if (fp_mtext_reserve(t, n, err) != 0)
        return -1;
    memcpy(t->text + t->len, bytes, n);
    /* Two plain loops rather than one with a test inside. */
    uint32_t *src = t->src + t->len;
    if (identity) {
        fill_offsets_in_order(src, from, n);
    } else {
        for (size_t i = 0; i < n; i++)
            src[i] = from;
    }
    t->len += n;
    return 0;
}

void fp_mtext_free(fp_mtext *t)
{
    free(t->text);
    free(t->src);
    memset(t, 0, sizeof *t);
}

static int append_replacement(fp_mtext *t, size_t from, fp_error *err)
{
    t->replacements++;
    return fp_mtext_append(t, replacement_utf8, 3, (uint32_t)from, 0, err);
}

int fp_convert_utf8(const unsigned char *bytes, size_t len, size_t start,
                    fp_mtext *out, fp_error *err)
{
    /* Valid input is one run: one reservation, one copy. */
    if (fp_mtext_reserve(out, len - start, err) != 0)
        return -1;
    size_t run_start = start, i = start;
    while (i < len) {
        i += fp_ascii_prefix(bytes + i, len - i);
        if (i == len)
            break;
        size_t bad = 0;
        uint32_t cp;
        size_t n = fp_utf8_decode(bytes + i, len - i, &cp, &bad);
        if (n > 0) {
            i += n;
            continue;
        }
        if (fp_mtext_append(out, (const char *)bytes + run_start,
                            i - run_start, (uint32_t)run_start, 1, err) != 0 ||
            append_replacement(out, i, err) != 0)
            return -1;
        i += bad;
        run_start = i;
    }
    return fp_mtext_append(out, (const char *)bytes + run_start,
                           len - run_start, (uint32_t)run_start, 1, err);
}

int fp_convert_utf8_valid(const unsigned char *bytes, size_t len,
                          size_t start, fp_mtext *out, fp_error *err)
{
    return fp_mtext_append(out, (const char *)bytes + start, len - start,
                           (uint32_t)start, 1, err);
}

static int append_code_point(fp_mtext *t, uint32_t cp, size_t from,
                             fp_error *err)
{
    char buf[4];
    size_t n;
    if (cp < 0x80) {
        buf[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        buf[0] = (char)(0xC0 | (cp >> 6));
        buf[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        buf[0] = (char)(0xE0 | (cp >> 12));
        buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        buf[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        buf[0] = (char)(0xF0 | (cp >> 18));
        buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        buf[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return fp_mtext_append(t, buf, n, (uint32_t)from, 0, err);
}

/* UTF-16 is decoded here rather than by iconv: the map needs the input
 * offset of every code unit, and a per-unit iconv call would cost more than
 * the decoding itself. */
int fp_convert_utf16(const unsigned char *bytes, size_t len, size_t start,
                     int big_endian, fp_mtext *out, fp_error *err)
{
    if (fp_mtext_reserve(out, (len - start) / 2 * 3 + 3, err) != 0)
        return -1;
    size_t i = start;
    while (i + 1 < len) {
        uint32_t unit = big_endian ? (uint32_t)(bytes[i] << 8 | bytes[i + 1])
                                   : (uint32_t)(bytes[i + 1] << 8 | bytes[i]);
        int rc;
        if (unit >= 0xD800 && unit <= 0xDBFF && i + 3 < len) {
            uint32_t low = big_endian
                               ? (uint32_t)(bytes[i + 2] << 8 | bytes[i + 3])
                               : (uint32_t)(bytes[i + 3] << 8 | bytes[i + 2]);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                uint32_t cp =
                    0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                if (append_code_point(out, cp, i, err) != 0)
                    return -1;
                i += 4;
                continue;
            }
        }
        if (unit >= 0xD800 && unit <= 0xDFFF)
            rc = append_replacement(out, i, err); /* lone surrogate */
        else
            rc = append_code_point(out, unit, i, err);
        if (rc != 0)
            return -1;
        i += 2;
    }
    if (i < len && append_replacement(out, i, err) != 0) /* odd last byte */
        return -1;
    return 0;
}

int fp_byte_table_build(const fp_charset *charset, fp_byte_table *table,
                        fp_error *err)
{
    memset(table, 0, sizeof *table);
    iconv_t cd = iconv_open("UTF-8", charset->iconv_name);
    if (cd == (iconv_t)-1)
        return fp_error_set(err,
                            "cannot decode %s: the system's iconv does not "
                            "support %s (%s)",
                            charset->name, charset->iconv_name,
                            strerror(errno));
    for (unsigned b = 0; b < 256; b++) {
        char in_byte = (char)b;
        char *in = &in_byte, *outp = (char *)table->utf8[b];
        size_t in_left = 1, out_left = sizeof table->utf8[b];
        iconv(cd, NULL, NULL, NULL, NULL); /* back to the initial state */
        if (iconv(cd, &in, &in_left, &outp, &out_left) == (size_t)-1 ||
            iconv(cd, NULL, NULL, &outp, &out_left) == (size_t)-1)
            continue; /* no character: stays len 0, decodes to U+FFFD */
        table->len[b] = (unsigned char)(sizeof table->utf8[b] - out_left);
    }
    iconv_close(cd);
    table->ascii_unchanged = 1;
    for (unsigned b = 0; b < 0x80; b++)
        if (table->len[b] != 1 || table->utf8[b][0] != b)
            table->ascii_unchanged = 0;
    if (charset == &fp_charset_windows1252) {
        /* WHATWG: the five bytes windows-1252 leaves undefined are the C1
         * controls of the same value, as in ISO-8859-1. */
        for (unsigned b = 0x80; b < 0xA0; b++) {
            if (table->len[b] == 0) {
                table->utf8[b][0] = (unsigned char)(0xC0 | (b >> 6));
                table->utf8[b][1] = (unsigned char)(0x80 | (b & 0x3F));
                table->len[b] = 2;
            }
        }
    }
    return 0;
}

/* Bytes at the start of bytes[0..len) that the table leaves as they are:
 * the ASCII run when ASCII decodes to itself, else none. */
static size_t unchanged_prefix(const fp_byte_table *table,
                               const unsigned char *bytes, size_t len)
{
    return table->ascii_unchanged ? fp_ascii_prefix(bytes, len) : 0;
}

int fp_byte_table_covers(const fp_byte_table *table,
                         const unsigned char *bytes, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        i += unchanged_prefix(table, bytes + i, len - i);
        if (i < len && table->len[bytes[i]] == 0)
            return 0;
    }
    return 1;
}

int fp_convert_bytes(const unsigned char *bytes, size_t len, size_t start,
                     const fp_byte_table *table, fp_mtext *out,
                     fp_error *err)
{
    /* Size the output exactly first, so that the copy below is a tight
     * loop with no reallocation and no per-character call.  Runs of bytes
     * that decode to themselves (the ASCII markup of a page) are counted
     * and copied whole. */
    size_t out_len = 0;
    for (size_t i = start; i < len; i++) {
        size_t run = unchanged_prefix(table, bytes + i, len - i);
        out_len += run;
        i += run;
        if (i == len)
            break;
        unsigned char n = table->len[bytes[i]];
        out_len += n ? n : sizeof replacement_utf8;
    }
    /* Eight bytes of slack: each table entry is copied whole (a fixed-size
     * copy is one move) and the bytes past its length are overwritten by
     * the next character or left beyond the end. */
    size_t slack = sizeof table->utf8[0];
    if (fp_mtext_reserve(out, out_len + slack, err) != 0)
        return -1;
    char *text = out->text + out->len;
    uint32_t *src = out->src + out->len;
    size_t k = 0;
    for (size_t i = start; i < len; i++) {
        size_t run = unchanged_prefix(table, bytes + i, len - i);
        memcpy(text + k, bytes + i, run);
        fill_offsets_in_order(src + k, (uint32_t)i, run);
        k += run;
        i += run;
        if (i == len)
            break;
        unsigned char b = bytes[i];
        size_t n = table->len[b];
        if (n) {
            memcpy(text + k, table->utf8[b], sizeof table->utf8[b]);
        } else {
            memcpy(text + k, replacement_utf8, sizeof replacement_utf8);
            n = sizeof replacement_utf8;
            out->replacements++;
        }
        for (size_t j = 0; j < n; j++)
            src[k + j] = (uint32_t)i;
        k += n;
    }
    out->len += k;
    return 0;
}
