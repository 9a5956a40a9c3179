/* fp_xml_sanitize: make any byte string safe for libxml2's text writer,
 * which copies invalid UTF-8 and control characters into its output as
 * they are (RELIABILITY.md M6), producing XML no parser accepts. */
#include "fp_xml.h"

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

/* Decodes the well-formed UTF-8 sequence at s (at most avail bytes) into
 * *cp and returns its length, or returns 0 and sets *bad_len to the length
 * of the ill-formed prefix to replace by one U+FFFD: the "maximal subpart"
 * of Unicode's recommended practice (Unicode 15, section 3.9), which is
 * also what the WHATWG Encoding Standard's UTF-8 decoder does.
 * The ranges of the second byte exclude overlong forms (E0, F0), the
 * surrogates (ED) and code points above U+10FFFF (F4). */
static size_t decode_utf8(const unsigned char *s, size_t avail, uint32_t *cp,
                          size_t *bad_len)
{
    unsigned char lead = s[0];
    size_t need;
    unsigned char second_min = 0x80, second_max = 0xBF;

    if (lead < 0x80) {
        *cp = lead;
        return 1;
    }
    if (lead >= 0xC2 && lead <= 0xDF) {
        need = 1;
        *cp = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        need = 2;
        *cp = lead & 0x0F;
        if (lead == 0xE0)
            second_min = 0xA0;
        else if (lead == 0xED)
            second_max = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        need = 3;
        *cp = lead & 0x07;
        if (lead == 0xF0)
            second_min = 0x90;
        else if (lead == 0xF4)
            second_max = 0x8F;
    } else {
        /* A stray continuation byte, C0/C1 (always overlong) or F5..FF. */
        *bad_len = 1;
        return 0;
    }

    for (size_t i = 1; i <= need; i++) {
        unsigned char lo = i == 1 ? second_min : 0x80;
        unsigned char hi = i == 1 ? second_max : 0xBF;
        if (i >= avail || s[i] < lo || s[i] > hi) {
            *bad_len = i;
            return 0;
        }
        *cp = (*cp << 6) | (s[i] & 0x3F);
    }
    return need + 1;
}

size_t fp_xml_sanitize_next(const char *s, size_t avail, uint32_t *cp)
{
    size_t bad_len = 0;
    size_t seq_len = decode_utf8((const unsigned char *)s, avail, cp, &bad_len);
    if (seq_len > 0 && is_xml_char(*cp))
        return seq_len;
    *cp = 0xFFFD;
    return seq_len > 0 ? seq_len : bad_len;
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
    size_t out_len = sanitize_into((const unsigned char *)s, len, NULL);
    char *out = malloc(out_len + 1);
    if (!out)
        return NULL;
    sanitize_into((const unsigned char *)s, len, out);
    out[out_len] = '\0';
    return out;
}
