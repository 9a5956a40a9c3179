/* fp_decode: decide the encoding, convert to UTF-8, normalize to NFC, and
 * keep a map from every output byte to the input byte it came from.
 *
 * Deciding.  A BOM is final.  A <meta> declaration (HTML only) is believed
 * only when the bytes agree with it, because pages lie: a page that says
 * windows-1258 but is valid UTF-8 with multi-byte characters is UTF-8 (real
 * windows-1258 Vietnamese almost never forms valid UTF-8 sequences), and a
 * page that says utf-8 is UTF-8 unless ill-formed sequences outnumber the
 * well-formed multi-byte ones (then it is a legacy page with a wrong
 * declaration).  Without a usable declaration, valid UTF-8 is UTF-8; so is
 * UTF-8 with a few stray bytes (at most one per ten multi-byte characters),
 * which come out as U+FFFD rather than turning the whole page into
 * mojibake.  Anything else is windows-1258, the usual legacy encoding of
 * Vietnamese pages. */
#include "fp_input.h"
#include "input_internal.h"

#include <stdint.h>
#include <string.h>

typedef struct encoding_choice {
    const fp_charset *charset;
    const char *decided_by; /* "bom", "meta", "utf-8 check", "fallback" */
    size_t bom_len;
    const fp_byte_table *table; /* charset's, when already looked up */
    int scanned;    /* stats describe all the bytes (no BOM was found) */
    fp_utf8_stats stats;
} encoding_choice;

/* UTF-8 input that the scan found well-formed: it can be copied as it is,
 * and it is NFC already when every character in it is inert. */
static int scanned_clean_utf8(const encoding_choice *choice)
{
    return choice->charset->kind == FP_CHARSET_UTF8 && choice->scanned &&
           choice->stats.invalid == 0 && !choice->stats.truncated_tail;
}

/* Ill-formed UTF-8 that is still best read as UTF-8 with U+FFFD. */
static int mostly_utf8(const fp_utf8_stats *stats)
{
    return stats->multibyte > 0 && stats->invalid * 10 <= stats->multibyte;
}

static int declared_utf8_holds(const fp_utf8_stats *stats)
{
    return stats->invalid <= 1 || stats->invalid <= stats->multibyte;
}

/* The byte table of a single-byte charset, built once per thread and
 * charset: building one asks iconv 768 times, more work than converting a
 * whole page.  Every single-byte charset has a slot (charset.c names four);
 * should a fifth appear, the last slot is rebuilt as needed.  NULL when the
 * table cannot be built (err says why). */
enum { CACHED_BYTE_TABLES = 4 };

static const fp_byte_table *byte_table_for(const fp_charset *charset,
                                           fp_error *err)
{
    static _Thread_local struct {
        const fp_charset *charset;
        fp_byte_table table;
    } cache[CACHED_BYTE_TABLES];
    size_t slot = 0;
    while (slot < CACHED_BYTE_TABLES - 1 && cache[slot].charset &&
           cache[slot].charset != charset)
        slot++;
    if (cache[slot].charset == charset)
        return &cache[slot].table;
    cache[slot].charset = NULL;
    if (fp_byte_table_build(charset, &cache[slot].table, err) != 0)
        return NULL;
    cache[slot].charset = charset;
    return &cache[slot].table;
}

static int choose_encoding(const unsigned char *bytes, size_t len, int is_html,
                           encoding_choice *choice, fp_error *err)
{
    memset(choice, 0, sizeof *choice);
    const fp_charset *bom = fp_charset_from_bom(bytes, len, &choice->bom_len);
    if (bom) {
        choice->charset = bom;
        choice->decided_by = "bom";
        return 0;
    }
    fp_utf8_stats stats;
    fp_utf8_scan(bytes, len, &stats);
    choice->scanned = 1;
    choice->stats = stats;
    const fp_charset *declared = is_html ? fp_meta_charset(bytes, len) : NULL;
    if (declared && declared->kind == FP_CHARSET_UTF8) {
        if (declared_utf8_holds(&stats)) {
            choice->charset = declared;
            choice->decided_by = "meta";
            return 0;
        }
    } else if (declared && !mostly_utf8(&stats)) {
        const fp_byte_table *table = byte_table_for(declared, err);
        if (!table)
            return -1;
        if (fp_byte_table_covers(table, bytes, len)) {
            choice->charset = declared;
            choice->decided_by = "meta";
            choice->table = table;
            return 0;
        }
    }
    if (stats.invalid == 0 || mostly_utf8(&stats)) {
        choice->charset = &fp_charset_utf8;
        choice->decided_by = "utf-8 check";
        return 0;
    }
    choice->charset = &fp_charset_windows1258;
    choice->decided_by = "fallback";
    return 0;
}

static int convert(const unsigned char *bytes, size_t len,
                   const encoding_choice *choice, fp_mtext *text,
                   fp_error *err)
{
    switch (choice->charset->kind) {
    case FP_CHARSET_UTF8:
        if (scanned_clean_utf8(choice))
            return fp_convert_utf8_valid(bytes, len, choice->bom_len, text,
                                         err);
        return fp_convert_utf8(bytes, len, choice->bom_len, text, err);
    case FP_CHARSET_UTF16LE:
    case FP_CHARSET_UTF16BE:
        return fp_convert_utf16(bytes, len, choice->bom_len,
                                choice->charset->kind == FP_CHARSET_UTF16BE,
                                text, err);
    case FP_CHARSET_SINGLE_BYTE: {
        const fp_byte_table *table =
            choice->table ? choice->table : byte_table_for(choice->charset, err);
        if (!table)
            return -1;
        return fp_convert_bytes(bytes, len, choice->bom_len, table, text, err);
    }
    }
    return fp_error_set(err, "internal error: unknown charset kind");
}

int fp_decode(const unsigned char *bytes, size_t len, fp_format format,
              fp_decoded *out, fp_error *err)
{
    memset(out, 0, sizeof *out);
    if (len >= UINT32_MAX)
        return fp_error_set(err,
                            "input of %zu bytes is too large to decode (the "
                            "offset map stops at 4 GiB)",
                            len);
    static const unsigned char empty[1] = {0};
    if (len == 0)
        bytes = empty;
    if (format == FP_FORMAT_AUTO)
        format = fp_sniff_format(bytes, len);

    encoding_choice choice;
    fp_mtext text = {0};
    if (choose_encoding(bytes, len, format == FP_FORMAT_HTML, &choice,
                        err) != 0 ||
        convert(bytes, len, &choice, &text, err) != 0 ||
        fp_mtext_reserve(&text, 0, err) != 0 ||
        (!(scanned_clean_utf8(&choice) && choice.stats.not_inert == 0) &&
         fp_nfc_normalize(&text, NULL, err) != 0)) {
        fp_mtext_free(&text);
        return -1;
    }
    text.text[text.len] = '\0';
    text.src[text.len] = (uint32_t)len;
    out->utf8 = text.text;
    out->len = text.len;
    out->src = text.src;
    out->encoding = choice.charset->name;
    out->encoding_from = choice.decided_by;
    out->replacements = text.replacements;
    return 0;
}
