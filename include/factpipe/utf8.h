/*
 * factpipe — strict UTF-8, header-only: the one decoder the core, the
 * plugin checks and the SDK's fake host share (a plugin may use it too).
 *
 * Strict means what Unicode (chapter 3, table 3-7) calls well-formed: no
 * overlong forms, no surrogates (U+D800..U+DFFF), nothing past U+10FFFF.
 */
#ifndef FACTPIPE_UTF8_H
#define FACTPIPE_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* The well-formed sequence at s (avail >= 1 bytes): its length (1..4),
 * with its code point in *cp.  0 when it is ill-formed, with *bad the
 * length of its maximal subpart: the bytes one U+FFFD replaces (Unicode
 * "U+FFFD Substitution of Maximal Subparts", also the WHATWG decoder's
 * rule).  The ranges of the second byte exclude overlong forms (E0, F0),
 * surrogates (ED) and code points past U+10FFFF (F4). */
static inline size_t fp_utf8_decode(const unsigned char *s, size_t avail, uint32_t *cp,
                                    size_t *bad)
{
    unsigned char lead = s[0];
    unsigned char lo = 0x80, hi = 0xBF; /* allowed range of the 2nd byte */
    size_t need;
    uint32_t value;
    if (lead < 0x80) {
        *cp = lead;
        return 1;
    }
    if (lead < 0xC2) { /* a stray continuation byte, or C0/C1 (overlong) */
        *bad = 1;
        return 0;
    } else if (lead < 0xE0) {
        need = 2;
        value = lead & 0x1Fu;
    } else if (lead < 0xF0) {
        need = 3;
        value = lead & 0x0Fu;
        if (lead == 0xE0)
            lo = 0xA0;
        else if (lead == 0xED)
            hi = 0x9F;
    } else if (lead < 0xF5) {
        need = 4;
        value = lead & 0x07u;
        if (lead == 0xF0)
            lo = 0x90;
        else if (lead == 0xF4)
            hi = 0x8F;
    } else {
        *bad = 1;
        return 0;
    }
    size_t got = 1;
    if (avail > 1 && s[1] >= lo && s[1] <= hi) {
        value = (value << 6) | (s[1] & 0x3Fu);
        got = 2;
        while (got < need && got < avail && (s[got] & 0xC0) == 0x80) {
            value = (value << 6) | (s[got] & 0x3Fu);
            got++;
        }
    }
    if (got == need) {
        *cp = value;
        return need;
    }
    *bad = got;
    return 0;
}

/* Whether the len bytes at s are strict UTF-8 (NUL bytes are ASCII). */
static inline int fp_utf8_valid(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t bad;
        size_t n = fp_utf8_decode(p + i, len - i, &cp, &bad);
        if (n == 0)
            return 0;
        i += n;
    }
    return 1;
}

#endif /* FACTPIPE_UTF8_H */
