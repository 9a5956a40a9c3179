/* fp_xml_sanitize: make any byte string safe for libxml2's text writer,
 * which copies invalid UTF-8 and control characters into its output as
 * they are, producing XML no parser accepts
 * (docs/RELIABILITY.md, Output text). */
#include "fp_xml.h"

#include <factpipe/utf8.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char replacement_utf8[] = "\xEF\xBF\xBD"; /* U+FFFD */
#define REPLACEMENT_LEN 3

/* XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
 * [#x10000-#x10FFFF].  Surrogates never get here: the decoder refuses
 * them as ill-formed UTF-8. */
static int is_xml_char(uint32_t cp)
{
    if (cp < 0x20)
        return cp == 0x9 || cp == 0xA || cp == 0xD;
    return cp != 0xFFFE && cp != 0xFFFF;
}

size_t fp_xml_sanitize_next(const char *s, size_t avail, uint32_t *cp)
{
    size_t bad_len = 0;
    size_t seq_len = fp_utf8_decode((const unsigned char *)s, avail, cp, &bad_len);
    if (seq_len > 0 && is_xml_char(*cp))
        return seq_len;
    *cp = 0xFFFD;
    return seq_len > 0 ? seq_len : bad_len;
}

size_t fp_xml_clean_prefix(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        if (p[i] >= 0x20 && p[i] < 0x80) { /* most of every string */
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = fp_xml_sanitize_next(s + i, len - i, &cp);
        /* U+FFFD written as such stays; as a replacement it is a change. */
        if (cp == 0xFFFD && !(n == REPLACEMENT_LEN &&
                              memcmp(p + i, replacement_utf8, REPLACEMENT_LEN) == 0))
            return i;
        i += n;
    }
    return len;
}

/* Walks s once; writes the sanitized bytes to out when out is non-NULL.
 * Returns the number of bytes the sanitized string takes. */
static size_t sanitize_into(const unsigned char *s, size_t len, char *out)
{
    size_t in = 0, written = 0;
    while (in < len) {
        uint32_t cp;
        size_t seq_len = fp_xml_sanitize_next((const char *)s + in, len - in, &cp);
        /* U+FFFD: a replacement, or the character itself (same bytes). */
        const void *bytes = cp == 0xFFFD ? (const void *)replacement_utf8 : s + in;
        size_t n = cp == 0xFFFD ? REPLACEMENT_LEN : seq_len;
        if (out)
            memcpy(out + written, bytes, n);
        written += n;
        in += seq_len;
    }
    return written;
}

char *fp_xml_sanitize(const char *s, size_t len)
{
    if (!s)
        len = 0;
    /* Sizing first keeps the copy exact: an 8 MiB text is not given a
     * 24 MiB worst-case buffer.  Every replaced byte grows to at most
     * three, so the size cannot wrap for any len below SIZE_MAX / 3. */
    if (len > (SIZE_MAX - 1) / REPLACEMENT_LEN)
        return NULL;
    if (fp_xml_clean_prefix(s, len) == len) { /* the usual case: one pass */
        char *copy = malloc(len + 1);
        if (copy && len > 0) /* s may be NULL when len is 0 */
            memcpy(copy, s, len);
        if (copy)
            copy[len] = '\0';
        return copy;
    }
    size_t out_len = sanitize_into((const unsigned char *)s, len, NULL);
    char *out = malloc(out_len + 1);
    if (!out)
        return NULL;
    sanitize_into((const unsigned char *)s, len, out);
    out[out_len] = '\0';
    return out;
}
