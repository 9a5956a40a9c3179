/* Internals of the input stage, shared by its source files and its tests.
 * Not part of any other stage's interface.
 *
 * Decoding runs in three steps, each carrying a map from every output byte
 * back to the input byte where its character started:
 *   charset.c  decide the encoding (BOM, <meta> prescan, UTF-8 statistics)
 *   convert.c  convert to UTF-8 (UTF-8 repair, UTF-16, byte tables via iconv)
 *   nfc.c      normalize to NFC, keeping the map */
#ifndef FP_INPUT_INTERNAL_H
#define FP_INPUT_INTERNAL_H

#include "../common/fp_error.h"

#include <factpipe/utf8.h>

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* Character sets (charset.c)                                               */

typedef enum fp_charset_kind {
    FP_CHARSET_UTF8,
    FP_CHARSET_UTF16LE,
    FP_CHARSET_UTF16BE,
    FP_CHARSET_SINGLE_BYTE /* one byte, one character: a table built by iconv */
} fp_charset_kind;

typedef struct fp_charset {
    const char *name;       /* reported in fp_decoded.encoding */
    const char *iconv_name; /* glibc iconv name (single-byte sets only) */
    fp_charset_kind kind;
} fp_charset;

extern const fp_charset fp_charset_utf8;
extern const fp_charset fp_charset_utf16le;
extern const fp_charset fp_charset_utf16be;
extern const fp_charset fp_charset_windows1252;
extern const fp_charset fp_charset_windows1258;

/* The charset a label names (case-insensitive, surrounding whitespace
 * ignored), as a <meta> declaration means it: iso-8859-1, latin1 and
 * us-ascii are windows-1252 and utf-16 is utf-8 (WHATWG Encoding).  NULL for
 * a label we do not know. */
const fp_charset *fp_charset_from_label(const char *label, size_t len);

/* The BOM at the start of bytes: its charset and length, or NULL/0. */
const fp_charset *fp_charset_from_bom(const unsigned char *bytes, size_t len,
                                      size_t *bom_len);

/* The first known charset declared by <meta charset> or <meta http-equiv=
 * "Content-Type" content="...; charset=..."> in the first 4 KiB, or NULL. */
const fp_charset *fp_meta_charset(const unsigned char *bytes, size_t len);

#define FP_PRESCAN_BYTES 4096u

/* Number of ASCII bytes at the start of s[0..len).  Pages are mostly ASCII
 * markup, so the run is tested eight bytes at a time (one word, one mask);
 * memcpy keeps the unaligned load well-defined and compiles to a plain
 * load.  In Vietnamese text the run is short (a letter with a diacritic
 * every few bytes), so the word that holds the run's end says where it
 * ends too: on a little-endian machine its lowest high bit is the first
 * non-ASCII byte.  A byte-by-byte search there mispredicts a branch at
 * almost every letter. */
static inline size_t fp_ascii_prefix(const unsigned char *s, size_t len)
{
    const uint64_t high_bits = UINT64_C(0x8080808080808080);
    size_t i = 0;
    while (len - i >= 8) {
        uint64_t word;
        memcpy(&word, s + i, sizeof word);
        uint64_t high = word & high_bits;
#if defined(__GNUC__) && defined(__BYTE_ORDER__) &&                          \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        if (high)
            return i + (size_t)__builtin_ctzll(high) / 8;
#else
        if (high)
            break;
#endif
        i += 8;
    }
    while (i < len && s[i] < 0x80)
        i++;
    return i;
}

/* 1 when code point cp is known to be NFC on its own, to have canonical
 * combining class 0 and never to combine with a preceding character, so
 * the NFC check can skip it without asking utf8proc: everything below the
 * combining diacritics (ASCII, Latin-1, Latin Extended-A/B: the Vietnamese
 * letters ă đ ơ ư…), the precomposed Vietnamese letters with tone marks
 * and the common punctuation (dashes, quotes, bullet, ellipsis).  Checked
 * against utf8proc for every code point in tests/input. */
static inline int fp_nfc_is_inert(int32_t cp)
{
    return cp < 0x300 || (cp >= 0x1EA0 && cp <= 0x1EF9) ||
           (cp >= 0x2010 && cp <= 0x2027);
}

typedef struct fp_utf8_stats {
    size_t multibyte;   /* well-formed sequences of 2 to 4 bytes */
    size_t not_inert;   /* of those, the ones fp_nfc_is_inert does not
                           vouch for: 0 means well-formed bytes are NFC
                           as they stand */
    size_t invalid;     /* ill-formed subparts, a truncated tail excluded */
    int truncated_tail; /* the bytes end inside a sequence that was
                           well-formed so far (a cut-off download) */
} fp_utf8_stats;

void fp_utf8_scan(const unsigned char *bytes, size_t len, fp_utf8_stats *stats);

/* The well-formed sequence at s (avail >= 1 bytes) when it is one of the
 * two- and three-byte forms whose second byte may be any continuation
 * byte (leads C2..DF, E1..EC, EE, EF): its length, with its code point in
 * *cp.  Every letter of Vietnamese text and its common punctuation are
 * such; they are checked here without fp_utf8_decode's general range
 * tests.  0 for anything else (ASCII, E0, ED, four bytes, ill-formed),
 * which fp_utf8_decode then reads. */
static inline size_t fp_utf8_common_sequence(const unsigned char *s,
                                             size_t avail, uint32_t *cp)
{
    unsigned char lead = s[0];
    if (lead >= 0xC2 && lead <= 0xDF) {
        if (avail < 2 || (s[1] & 0xC0) != 0x80)
            return 0;
        *cp = (uint32_t)(lead & 0x1F) << 6 | (s[1] & 0x3Fu);
        return 2;
    }
    if (lead >= 0xE1 && lead <= 0xEF && lead != 0xED) {
        if (avail < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        *cp = (uint32_t)(lead & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 |
              (s[2] & 0x3Fu);
        return 3;
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Text with a map to input offsets (convert.c)                             */

typedef struct fp_mtext {
    char *text;         /* UTF-8; cap + 1 bytes allocated */
    uint32_t *src;      /* input offset of each byte; cap + 1 entries */
    size_t len, cap;
    size_t replacements; /* U+FFFD written for undecodable input */
} fp_mtext;

/* Make room for `more` further bytes (plus the terminator slot). */
int fp_mtext_reserve(fp_mtext *t, size_t more, fp_error *err);
/* Append n bytes that all belong to characters starting at input offset
 * `from` (one character, or a run copied byte for byte when `identity`). */
int fp_mtext_append(fp_mtext *t, const char *bytes, size_t n, uint32_t from,
                    int identity, fp_error *err);
void fp_mtext_free(fp_mtext *t);

/* Decode bytes[start..len) as UTF-8; ill-formed subparts become U+FFFD.
 * Valid input is copied in one piece with an identity map. */
int fp_convert_utf8(const unsigned char *bytes, size_t len, size_t start,
                    fp_mtext *out, fp_error *err);

/* The common case of the above: bytes[start..len) that fp_utf8_scan found
 * well-formed (no invalid subpart, no truncated tail), copied in one piece
 * with an identity map and no second validation. */
int fp_convert_utf8_valid(const unsigned char *bytes, size_t len,
                          size_t start, fp_mtext *out, fp_error *err);

/* Decode bytes[start..len) as UTF-16; lone surrogates and an odd last byte
 * become U+FFFD. */
int fp_convert_utf16(const unsigned char *bytes, size_t len, size_t start,
                     int big_endian, fp_mtext *out, fp_error *err);

/* What each byte of a single-byte charset decodes to, asked of iconv one
 * byte at a time (with a flush, because glibc's CP1258 and TCVN converters
 * hold a base letter back to combine it with a following tone mark). */
typedef struct fp_byte_table {
    unsigned char utf8[256][8];
    unsigned char len[256]; /* 0: no character; decodes to U+FFFD */
    int ascii_unchanged;    /* every byte below 0x80 decodes to itself (not
                               so in VISCII and TCVN, whose control bytes
                               are letters): ASCII runs are copied whole */
} fp_byte_table;

int fp_byte_table_build(const fp_charset *charset, fp_byte_table *table,
                        fp_error *err);
/* 1 when every byte has a character in the table. */
int fp_byte_table_covers(const fp_byte_table *table,
                         const unsigned char *bytes, size_t len);
int fp_convert_bytes(const unsigned char *bytes, size_t len, size_t start,
                     const fp_byte_table *table, fp_mtext *out,
                     fp_error *err);

/* ------------------------------------------------------------------------ */
/* NFC (nfc.c)                                                              */

/* Normalize t (valid UTF-8) to NFC in place.  A composed character maps to
 * the input offset of its first source character; everything else keeps
 * its own offset, but for marks moved by canonical reordering, which map
 * to the start of their run so that offsets never decrease.  Text that
 * already is NFC is left untouched.  Sets *changed to 1 when the text had
 * to be rewritten (changed may be NULL). */
int fp_nfc_normalize(fp_mtext *t, int *changed, fp_error *err);

/* Chunks rewritten by each path of fp_nfc_normalize. */
typedef struct fp_nfc_counts {
    size_t shortcut_chunks; /* letters each followed by composing marks */
    size_t general_chunks;  /* the Unicode algorithm with tags */
} fp_nfc_counts;

/* fp_nfc_normalize, with the shortcut for letters and marks on or off
 * (shortcut 0: the general algorithm for every chunk), counting the chunks
 * each path rewrote (counts may be NULL): the tests compare the paths. */
int fp_nfc_normalize_counted(fp_mtext *t, int *changed, int shortcut,
                             fp_nfc_counts *counts, fp_error *err);


#endif
