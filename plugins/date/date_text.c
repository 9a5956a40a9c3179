/*
 * date_text.c — folding and tokenizing; see date_text.h.
 */
#include "date_text.h"

#include <stdlib.h>
#include <string.h>

/* Decodes the UTF-8 character at p (avail bytes left).  Returns its
 * length; a byte that does not start a valid character is one "character"
 * of length 1 with code point 0xFFFD. */
static size_t decode_utf8(const unsigned char *p, size_t avail, uint32_t *cp)
{
    if (p[0] < 0x80) {
        *cp = p[0];
        return 1;
    }
    size_t len = p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC2 ? 2 : 0;
    if (len == 0 || len > avail || p[0] > 0xF4)
        goto invalid;
    uint32_t value = p[0] & (0x7F >> len);
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            goto invalid;
        value = (value << 6) | (p[i] & 0x3F);
    }
    static const uint32_t shortest[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (value < shortest[len] || value > 0x10FFFF ||
        (value >= 0xD800 && value <= 0xDFFF))
        goto invalid;
    *cp = value;
    return len;
invalid:
    *cp = 0xFFFD;
    return 1;
}

/* Lower case of the upper-case letters Vietnamese uses (and their
 * neighbours in the same Unicode blocks).  Each pair lies in one UTF-8
 * length class, so folding never changes a byte length. */
static inline uint32_t fold_code_point(uint32_t cp)
{
    /* Latin Extended Additional, where most Vietnamese letters with two
     * marks are, first: Ạ ạ ... Ỹ ỹ */
    if (cp >= 0x1E00)
        return cp <= 0x1EFF && cp % 2 == 0 ? cp + 1 : cp;
    if (cp < 0x100) {
        if ((cp >= 'A' && cp <= 'Z') ||
            (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7))
            return cp + 0x20;
        return cp;
    }
    /* Latin Extended-A pairs: Ă ă, Đ đ, Ĩ ĩ, Ũ ũ, ... */
    if (((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177)) &&
        cp % 2 == 0)
        return cp + 1;
    if (cp >= 0x139 && cp <= 0x148 && cp % 2 == 1)
        return cp + 1;
    if (cp == 0x1A0 || cp == 0x1AF) /* Ơ, Ư */
        return cp + 1;
    return cp;
}

static size_t encode_utf8(uint32_t cp, char *out)
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
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
}

void date_fold_text(const char *in, size_t len, char *out)
{
    const unsigned char *p = (const unsigned char *)in;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = decode_utf8(p + i, len - i, &cp);
        uint32_t folded = cp == 0xFFFD ? cp : fold_code_point(cp);
        if (folded != cp)
            encode_utf8(folded, out + i); /* same length as the original */
        else
            memcpy(out + i, in + i, n);
        i += n;
    }
}

typedef enum char_class {
    CHAR_SPACE,
    CHAR_DIGIT,
    CHAR_LETTER,
    CHAR_DASH,
    CHAR_PUNCT
} char_class;

/* The small letter of each ASCII letter, 0 for every other byte: one
 * look-up per byte of a word. */
#define LETTER_PAIR(capital) [capital] = (capital) + 0x20, \
                             [(capital) + 0x20] = (capital) + 0x20
static const unsigned char small_letter_of[256] = {
    LETTER_PAIR('A'), LETTER_PAIR('B'), LETTER_PAIR('C'), LETTER_PAIR('D'),
    LETTER_PAIR('E'), LETTER_PAIR('F'), LETTER_PAIR('G'), LETTER_PAIR('H'),
    LETTER_PAIR('I'), LETTER_PAIR('J'), LETTER_PAIR('K'), LETTER_PAIR('L'),
    LETTER_PAIR('M'), LETTER_PAIR('N'), LETTER_PAIR('O'), LETTER_PAIR('P'),
    LETTER_PAIR('Q'), LETTER_PAIR('R'), LETTER_PAIR('S'), LETTER_PAIR('T'),
    LETTER_PAIR('U'), LETTER_PAIR('V'), LETTER_PAIR('W'), LETTER_PAIR('X'),
    LETTER_PAIR('Y'), LETTER_PAIR('Z'),
};
#undef LETTER_PAIR

/* The small letter of the ASCII letter c, or 0 when c is no letter (nor
 * ASCII). */
static inline unsigned char ascii_letter_lower(unsigned char c)
{
    return small_letter_of[c];
}

/* ASCII, most of the text, tested letters first; the same classes as
 * classify(). */
static inline char_class classify_ascii(unsigned char c)
{
    if (ascii_letter_lower(c) != 0)
        return CHAR_LETTER;
    if (c == ' ' || (c >= '\t' && c <= '\r'))
        return CHAR_SPACE;
    if (c >= '0' && c <= '9')
        return CHAR_DIGIT;
    return c == '-' ? CHAR_DASH : CHAR_PUNCT;
}

static inline char_class classify(uint32_t cp)
{
    if (cp < 0x80)
        return classify_ascii((unsigned char)cp);
    /* Where the Vietnamese letters lie, answered at once: all letters
     * but the signs × ÷ and the Ogham space; the rest as below. */
    if (cp >= 0xC0 && cp < 0x2000)
        return cp == 0xD7 || cp == 0xF7 ? CHAR_PUNCT
               : cp == 0x1680           ? CHAR_SPACE
                                        : CHAR_LETTER;
    if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE58 ||
        cp == 0xFE63 || cp == 0xFF0D)
        return CHAR_DASH;
    if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) ||
        cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF)
        return CHAR_SPACE;
    if (cp < 0xC0 || cp == 0xFFFD ||
        (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
        (cp >= 0xFF00 && cp <= 0xFFEF))
        return CHAR_PUNCT;
    return CHAR_LETTER; /* Vietnamese letters, combining marks, scripts */
}

static bool is_joiner(const date_token *t)
{
    return t->type == TOKEN_PUNCT &&
           (t->punct == '/' || t->punct == PUNCT_DASH || t->punct == '.');
}

/* Token k continues the run of tokens written without spaces that the
 * one before it is in: glued to it, and a word, a number or a joiner. */
static bool joins_previous(const date_token *tokens, size_t k)
{
    return !tokens[k].space_before &&
           (tokens[k].type != TOKEN_PUNCT || is_joiner(&tokens[k]));
}

/* Number i is followed by '/' or '-' and a code word, all glued: "112/KH",
 * "217-QĐ", "2017/TT". */
static bool starts_code(const date_token *tokens, size_t n, size_t i)
{
    return i + 2 < n && tokens[i].type == TOKEN_NUMBER &&
           tokens[i + 1].type == TOKEN_PUNCT && tokens[i + 1].punct != '.' &&
           joins_previous(tokens, i + 1) &&
           tokens[i + 2].type == TOKEN_WORD && joins_previous(tokens, i + 2);
}

/* A run of tokens written without spaces, such as "112/KH-UBND",
 * "217-QĐ/TW" or "146/2017/TT-BTC", is a document number when a number in
 * it starts a code: no date lives inside it.  ("quý III/2018" has the
 * word first: a quarter, not a number.) */
static void mark_identifiers(date_token *tokens, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!starts_code(tokens, n, i))
            continue;
        size_t first = i, last = i + 3;
        while (first > 0 && joins_previous(tokens, first))
            first--;
        while (last < n && joins_previous(tokens, last))
            last++;
        for (size_t k = first; k < last; k++)
            tokens[k].in_identifier = true;
        i = last - 1;
    }
}

void date_mark_identifiers(date_token *tokens, size_t n)
{
    mark_identifiers(tokens, n);
}

static bool grow(date_token **tokens, size_t *capacity, size_t needed)
{
    if (needed <= *capacity)
        return true;
    size_t size = *capacity ? *capacity * 2 : 256;
    while (size < needed)
        size *= 2;
    date_token *bigger = realloc(*tokens, size * sizeof **tokens);
    if (bigger == NULL)
        return false;
    *tokens = bigger;
    *capacity = size;
    return true;
}

/* The character at p (avail bytes left), as decode_utf8() reads it, with
 * the two- and three-byte forms every Vietnamese letter takes decoded in
 * line: they are most of the non-ASCII text.  (Two-byte leads from 0xC2
 * and three-byte ones of 0xE1, U+1000-U+1FFF, are never overlong nor
 * surrogates.) */
static inline size_t next_code_point(const unsigned char *p, size_t avail,
                                     uint32_t *cp)
{
    if (p[0] >= 0xC2 && p[0] <= 0xDF && avail >= 2 &&
        (p[1] & 0xC0) == 0x80) {
        *cp = (uint32_t)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
        return 2;
    }
    if (p[0] == 0xE1 && avail >= 3 && (p[1] & 0xC0) == 0x80 &&
        (p[2] & 0xC0) == 0x80) {
        *cp = 0x1000 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
        return 3;
    }
    return decode_utf8(p, avail, cp);
}

size_t date_fold_long_letter_general(const unsigned char *p, size_t avail,
                                     char *out)
{
    uint32_t cp;
    size_t len = next_code_point(p, avail, &cp);
    if (classify(cp) != CHAR_LETTER)
        return 0;
    uint32_t lower = fold_code_point(cp);
    if (lower != cp)
        encode_utf8(lower, out); /* same length as the original */
    else
        memcpy(out, p, len);
    return len;
}

/* The letters of two or three bytes Vietnamese words are mostly made of,
 * folded from their bytes without decoding: returns the letter's length
 * and the lower case of its last byte in *last (the bytes before it do
 * not change), or 0 for any other character (date_fold_long_letter_general
 * answers those).  Each range is one of fold_code_point()'s:
 *   E1 B8-BB xx  U+1E00-U+1EFF, "ạ" ... "ỹ": a capital is even, its small
 *                letter the next code point, so bit 0 of the last byte;
 *   C3 xx        U+00C0-U+00FF, "à" ... "ý": capitals up to U+00DE are
 *                0x20 below; the signs U+00D7, U+00F7 are no letters;
 *   C4 80-B7     U+0100-U+0137, "ă", "đ", "ĩ": even capitals, bit 0;
 *   C6 xx        U+0180-U+01BF: only "Ơ", "Ư" have a small letter here. */
static inline size_t fold_common_letter(const unsigned char *p, size_t avail,
                                        unsigned char *last)
{
    if (p[0] == 0xE1) {
        if (avail < 3 || p[1] < 0xB8 || p[1] > 0xBB || (p[2] & 0xC0) != 0x80)
            return 0;
        *last = p[2] | 1;
        return 3;
    }
    if (p[0] < 0xC3 || p[0] > 0xC6 || p[0] == 0xC5 || avail < 2 ||
        (p[1] & 0xC0) != 0x80)
        return 0;
    unsigned char b = p[1];
    if (p[0] == 0xC3) {
        if (b == 0x97 || b == 0xB7)
            return 0;
        *last = b < 0x9F ? b + 0x20 : b;
    } else if (p[0] == 0xC4) {
        if (b > 0xB7)
            return 0;
        *last = b | 1;
    } else {
        *last = b == 0xA0 ? 0xA1 : b == 0xAF ? 0xB0 : b;
    }
    return 2;
}

size_t date_fold_long_letter(const unsigned char *p, size_t avail, char *out)
{
    unsigned char last;
    size_t len = fold_common_letter(p, avail, &last);
    if (len == 0)
        return date_fold_long_letter_general(p, avail, out);
    memcpy(out, p, len - 1);
    out[len - 1] = (char)last;
    return len;
}

/* Lower-cases in folded (a copy of text) the word starting at text[i],
 * and returns where it ends; *hash is date_hash() of its folded bytes. */
static size_t fold_word(const char *text, size_t i, size_t end, char *folded,
                        uint32_t *hash)
{
    const unsigned char *p = (const unsigned char *)text;
    uint32_t h = DATE_HASH_SEED;
    while (i < end) {
        /* ASCII letters, most of a word, first: a byte of a longer
         * character is no ASCII letter */
        unsigned char lower = ascii_letter_lower(p[i]), last;
        if (lower != 0) {
            folded[i++] = (char)lower;
            h = date_hash_byte(h, lower);
            continue;
        }
        if (p[i] < 0x80)
            break;
        size_t len = fold_common_letter(p + i, end - i, &last);
        if (len > 0) {
            for (size_t k = 0; k + 1 < len; k++)
                h = date_hash_byte(h, p[i + k]);
            h = date_hash_byte(h, last);
            folded[i + len - 1] = (char)last;
        } else {
            len = date_fold_long_letter_general(p + i, end - i, folded + i);
            if (len == 0)
                break;
            for (size_t k = 0; k < len; k++)
                h = date_hash_byte(h, (unsigned char)folded[i + k]);
        }
        i += len;
    }
    *hash = h;
    return i;
}

size_t date_tokenize(const char *text, size_t start, size_t end,
                     char *folded, date_token **tokens, size_t *capacity)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t n = 0;
    /* The array in locals while it is filled: stores to the tokens could
     * otherwise be *tokens and *capacity, read again for each token. */
    date_token *filled = *tokens;
    size_t room = *capacity;
    bool space_before = true; /* a block start is a boundary */
    /* Document numbers are rare: their runs are marked only in a block
     * where a '/' or a dash is glued to a number, the start of any code
     * (starts_code()). */
    bool may_have_code = false;
    if (end > start) /* fold_word() changes only the capitals */
        memcpy(folded + start, text + start, end - start);
    for (size_t i = start; i < end;) {
        if (p[i] == ' ') { /* most of the white space, told at once */
            space_before = true;
            i++;
            continue;
        }
        uint32_t cp = p[i];
        size_t len = 1;
        if (cp >= 0x80)
            len = next_code_point(p + i, end - i, &cp);
        char_class cls = cp < 0x80 ? classify_ascii((unsigned char)cp)
                                   : classify(cp);
        if (cls == CHAR_SPACE) {
            space_before = true;
            i += len;
            continue;
        }
        if (!grow(&filled, &room, n + 1)) {
            *tokens = filled;
            *capacity = room;
            return (size_t)-1;
        }
        date_token *t = &filled[n++];
        *t = (date_token){.start = i, .space_before = space_before};
        space_before = false;
        if (cls == CHAR_DIGIT) {
            t->type = TOKEN_NUMBER;
            size_t j = i;
            long long value = 0;
            while (j < end && p[j] >= '0' && p[j] <= '9') {
                if (j - i < 9)
                    value = value * 10 + (p[j] - '0');
                j++;
            }
            t->hash = date_hash(text + i, j - i); /* "thứ 2" looks it up */
            t->n_digits = (int)(j - i);
            t->number = t->n_digits > 9 ? -1 : (int)value;
            i = j;
        } else if (cls == CHAR_LETTER) {
            t->type = TOKEN_WORD;
            i = fold_word(text, i, end, folded, &t->hash);
        } else {
            t->type = TOKEN_PUNCT;
            t->punct = cls == CHAR_DASH ? PUNCT_DASH
                       : cp < 0x80      ? cp
                                        : PUNCT_OTHER;
            if ((t->punct == '/' || t->punct == PUNCT_DASH) &&
                !t->space_before && n >= 2 &&
                filled[n - 2].type == TOKEN_NUMBER)
                may_have_code = true;
            i += len;
        }
        t->end = i;
    }
    *tokens = filled;
    *capacity = room;
    if (may_have_code)
        mark_identifiers(filled, n);
    return n;
}
