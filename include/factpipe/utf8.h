/*
 * factpipe — strict UTF-8, header-only: the one decoder the core, the
 * plugin checks and the SDK's fake host share (a plugin may use it too).
 *
 * Strict means what Unicode (chapter 3, table 3-7) calls well-formed: no
 * overlong forms, no surrogates (U+D800..U+DFFF), nothing past U+10FFFF.
 * Also here: what separates words (fp_utf8_is_space) and case folding
 * (fp_utf8_fold), which the shared text analysis and the lexicon reader
 * share so that lexicon phrases and document words compare alike, and a
 * fast search for the next ASCII digit (fp_next_ascii_digit).
 */
#ifndef FACTPIPE_UTF8_H
#define FACTPIPE_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

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

/* Whether cp separates words: Unicode's White_Space characters (the
 * ASCII ones, NEL, no-break spaces, the spaces of U+2000..U+200A, line
 * and paragraph separators, U+3000) and the two invisible ones pages use
 * as separators, ZERO WIDTH SPACE and ZERO WIDTH NO-BREAK SPACE (BOM).
 * The shared text analysis and the lexicon reader (<factpipe/lexicon.h>)
 * both split on exactly these, so a lexicon phrase and the words of a
 * document break at the same places. */
static inline int fp_utf8_is_space(uint32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= '\t' && cp <= '\r');
    return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
           cp == 0xFEFF;
}

/* The small letter of cp, or cp itself.  Covers the scripts of the pages
 * factpipe reads: Latin (every Vietnamese letter: Latin-1, Extended-A,
 * the regular pairs of Extended-B with Ơ and Ư, Extended Additional),
 * Greek, Cyrillic and fullwidth Latin; elsewhere cp is returned as it is.
 * Where it maps, it agrees with Unicode's simple lower-case mapping
 * (tests/sdk checks it against utf8proc), and the result is never longer
 * in UTF-8 than cp. */
static inline uint32_t fp_utf8_lower(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z' ? cp + 0x20 : cp;
    if (cp < 0x100)
        return cp >= 0xC0 && cp <= 0xDE && cp != 0xD7 ? cp + 0x20 : cp;
    if (cp < 0x180) { /* Latin Extended-A: pairs, odd or even first */
        if (cp == 0x130)
            return 'i';
        if (cp == 0x178)
            return 0xFF;
        if (cp <= 0x12F || (cp >= 0x132 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177))
            return cp | 1u;
        if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
            return cp + (cp & 1u);
        return cp;
    }
    if (cp < 0x250) { /* Latin Extended-B: Ơ, Ư and the regular pairs */
        if (cp == 0x1A0 || cp == 0x1AF)
            return cp + 1;
        if (cp >= 0x1CD && cp <= 0x1DC)
            return cp + (cp & 1u);
        if ((cp >= 0x1DE && cp <= 0x1EF) || (cp >= 0x1F8 && cp <= 0x21F) ||
            (cp >= 0x222 && cp <= 0x233) || (cp >= 0x246 && cp <= 0x24F))
            return cp | 1u;
        return cp;
    }
    if (cp >= 0x386 && cp <= 0x3AB) { /* Greek */
        if (cp == 0x386)
            return 0x3AC;
        if (cp >= 0x388 && cp <= 0x38A)
            return cp + 37;
        if (cp == 0x38C)
            return 0x3CC;
        if (cp == 0x38E || cp == 0x38F)
            return cp + 63;
        return cp >= 0x391 && cp != 0x3A2 ? cp + 0x20 : cp;
    }
    if (cp >= 0x400 && cp <= 0x52F) { /* Cyrillic */
        if (cp <= 0x40F)
            return cp + 0x50;
        if (cp <= 0x42F)
            return cp + 0x20;
        if (cp == 0x4C0)
            return 0x4CF;
        if (cp >= 0x4C1 && cp <= 0x4CE)
            return cp + (cp & 1u);
        if ((cp >= 0x460 && cp <= 0x481) || (cp >= 0x48A && cp <= 0x4BF) || cp >= 0x4D0)
            return cp | 1u;
        return cp;
    }
    if (cp >= 0x1E00 && cp <= 0x1EFF) { /* Latin Extended Additional: Ạ ạ … Ỹ ỹ */
        if (cp == 0x1E9E)
            return 0xDF;
        return cp <= 0x1E95 || cp >= 0x1EA0 ? cp | 1u : cp;
    }
    if (cp >= 0xFF21 && cp <= 0xFF3A)
        return cp + 0x20;
    return cp;
}

/* What a character is compared by in case-insensitive matching: its
 * small letter, with the apostrophes of names ("H’Hen", U+2019 and
 * U+02BC) written as ASCII '\''. */
static inline uint32_t fp_utf8_fold_char(uint32_t cp)
{
    if (cp == 0x2019 || cp == 0x02BC)
        return '\'';
    return fp_utf8_lower(cp);
}

/* Writes the UTF-8 of cp (a scalar value) to out; returns its length. */
static inline size_t fp_utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Case-folds the len bytes at s (fp_utf8_fold_char per character) into
 * out, which needs len + 1 bytes at the most (folding never lengthens)
 * and may be s itself; NUL-terminates it and returns its length.  An
 * ill-formed sequence is copied as it is. */
static inline size_t fp_utf8_fold(const char *s, size_t len, char *out)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, n = 0;
    while (i < len) {
        if (p[i] < 0x80) {
            out[n++] = (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 0x20 : p[i]);
            i++;
            continue;
        }
        uint32_t cp;
        size_t bad;
        size_t k = fp_utf8_decode(p + i, len - i, &cp, &bad);
        if (k == 0) {
            for (size_t b = 0; b < bad; b++)
                out[n++] = (char)p[i + b];
            i += bad;
            continue;
        }
        uint32_t folded = fp_utf8_fold_char(cp);
        if (folded == cp) {
            for (size_t b = 0; b < k; b++)
                out[n++] = (char)p[i + b];
        } else {
            n += fp_utf8_encode(folded, out + n);
        }
        i += k;
    }
    out[n] = '\0';
    return n;
}

/* The first ASCII digit of text[from..len), or len: eight bytes at a
 * time, for extractors whose facts start at a number and skip the words
 * between.  XOR with '0' in each byte makes a digit a byte below 10 (and
 * leaves any byte from 0x80 at 0x80 or above); a byte below 10 is one
 * whose subtraction of 10 borrows (sets its top bit) while its own top bit
 * is clear.  A borrow runs on into the next byte only from a byte that was
 * below 10 itself, so "some byte is a digit" is exact; the byte loop then
 * finds which. */
static inline size_t fp_next_ascii_digit(const char *text, size_t from, size_t len)
{
    const uint64_t ones = UINT64_C(0x0101010101010101);
    size_t i = from;
    for (; i + 8 <= len; i += 8) {
        uint64_t word;
        memcpy(&word, text + i, sizeof word);
        uint64_t x = word ^ (ones * '0');
        if (((x - ones * 10) & ~x & ones * 0x80) != 0)
            break;
    }
    for (; i < len; i++)
        if (text[i] >= '0' && text[i] <= '9')
            return i;
    return len;
}

#endif /* FACTPIPE_UTF8_H */
