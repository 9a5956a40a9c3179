/*
 * text — the little Unicode the official extractor needs: decoding UTF-8,
 * telling letters, capitals and digits apart in Vietnamese text, and case
 * folding for lexicon look-ups.
 *
 * Vietnamese in NFC uses Latin-1, Latin Extended-A/B (Đ, Ơ, Ư) and Latin
 * Extended Additional (Ạ … Ỹ); in those blocks a capital and its small
 * letter are neighbours, so folding is arithmetic, not a table.  Letters of
 * other scripts count as small letters: they never start a name.
 */
#ifndef OFFICIAL_TEXT_H
#define OFFICIAL_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What an invalid or truncated UTF-8 sequence decodes as. */
enum { TEXT_REPLACEMENT = 0xFFFD };

/* Decodes the code point at s[*pos] (s has len bytes) and advances *pos.
 * An invalid or truncated sequence decodes as U+FFFD and advances one
 * byte, so a scan always moves on. */
static inline uint32_t text_decode(const char *s, size_t len, size_t *pos)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = *pos;
    unsigned char b = u[i];
    if (b < 0x80) {
        *pos = i + 1;
        return b;
    }
    size_t extra;
    uint32_t c;
    if (b >= 0xC2 && b <= 0xDF) {
        extra = 1;
        c = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
        extra = 2;
        c = b & 0x0F;
    } else if (b >= 0xF0 && b <= 0xF4) {
        extra = 3;
        c = b & 0x07;
    } else {
        *pos = i + 1;
        return TEXT_REPLACEMENT;
    }
    if (i + extra >= len) { /* truncated at the end of the subject */
        *pos = i + 1;
        return TEXT_REPLACEMENT;
    }
    for (size_t k = 1; k <= extra; k++) {
        if ((u[i + k] & 0xC0) != 0x80) {
            *pos = i + 1;
            return TEXT_REPLACEMENT;
        }
        c = (c << 6) | (u[i + k] & 0x3F);
    }
    /* Overlong forms and surrogates are not characters of the text. */
    if ((extra == 2 && c < 0x800) || (extra == 3 && c < 0x10000) ||
        (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) {
        *pos = i + 1;
        return TEXT_REPLACEMENT;
    }
    *pos = i + extra + 1;
    return c;
}

static inline bool text_is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

/* An apostrophe inside a name ("H'Hen", "H’Hen"). */
static inline bool text_is_apostrophe(uint32_t c)
{
    return c == '\'' || c == 0x2019;
}

static inline bool text_is_letter(uint32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (c < 0xC0 || c == 0xD7 || c == 0xF7)
        return false; /* NBSP, Latin-1 punctuation and signs */
    if (c >= 0x2000 && c <= 0x2BFF)
        return false; /* punctuation, symbols, arrows, dingbats */
    if (c >= 0x3000 && c <= 0x303F)
        return false; /* CJK punctuation */
    return c != TEXT_REPLACEMENT && c != 0xFEFF;
}

static inline bool text_is_upper(uint32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z';
    if (c >= 0xC0 && c <= 0xDE)
        return c != 0xD7;
    if (c >= 0x100 && c <= 0x17F)
        return c % 2 == 0;
    if (c == 0x1A0 || c == 0x1AF)
        return true; /* Ơ, Ư */
    if (c >= 0x1E00 && c <= 0x1EFF)
        return c % 2 == 0;
    return false;
}

/* The small letter of c, or c.  U+2019 folds to '\'' so either apostrophe
 * matches a lexicon entry. */
static inline uint32_t text_fold_char(uint32_t c)
{
    if (c == 0x2019)
        return '\'';
    if (!text_is_upper(c))
        return c;
    if (c < 0x80 || (c >= 0xC0 && c <= 0xDE))
        return c + 0x20;
    return c + 1; /* Latin Extended-A, Ơ/Ư and Extended Additional pairs */
}

/* Appends the UTF-8 of c to out[*n] if it fits in cap bytes (keeping one
 * for a NUL); returns false when it does not. */
bool text_put_char(char *out, size_t cap, size_t *n, uint32_t c);

/* Folds s[0, len) into out (cap bytes, NUL-terminated), with every run of
 * white space made one space and no space at either end.  Returns false
 * when out is too small. */
bool text_fold(const char *s, size_t len, char *out, size_t cap);

#endif /* OFFICIAL_TEXT_H */
