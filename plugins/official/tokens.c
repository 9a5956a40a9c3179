/*
 * tokens.c — see tokens.h.
 */
#include "tokens.h"

#include "lexicon.h"
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static bool is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 ||
           (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x3000 ||
           c == 0xFEFF;
}

static char mark_of(uint32_t c)
{
    switch (c) {
    case ',': case ';': case ':': case '.': case '!': case '?': case '(':
    case ')': case '/': case '&':
        return (char)c;
    case '[':
        return '(';
    case ']':
        return ')';
    case '"': case '\'': case 0x201C: case 0x201D: case 0x2018: case 0x2019:
    case 0xAB: case 0xBB:
        return '"';
    case '-': case 0x2010: case 0x2011: case 0x2012: case 0x2013:
    case 0x2014: case 0x2212:
        return '-';
    default:
        return '#';
    }
}

static bool reserve_token(token_list *list)
{
    if (list->count < list->capacity)
        return true;
    size_t capacity = list->capacity ? list->capacity * 2 : 256;
    token *tokens = realloc(list->tokens, capacity * sizeof *tokens);
    if (tokens == NULL)
        return false;
    list->tokens = tokens;
    list->capacity = capacity;
    return true;
}

/* Makes room in list->folded for need bytes. */
static bool reserve_folded(token_list *list, size_t need)
{
    if (need <= list->folded_capacity)
        return true;
    size_t capacity = list->folded_capacity ? list->folded_capacity : 1024;
    while (capacity < need)
        capacity *= 2;
    char *folded = realloc(list->folded, capacity);
    if (folded == NULL)
        return false;
    list->folded = folded;
    list->folded_capacity = capacity;
    return true;
}

/* The word being read: its folded bytes, hashed as they are written
 * (lexicon_hash()), and its letters counted for its shape.  A local of
 * scan_word(), not list's fields: the stores into folded may alias
 * them. */
typedef struct word_reader {
    char *folded;
    size_t n, capacity;
    uint64_t hash;
    size_t letters, uppers;
} word_reader;

static inline void put_folded(word_reader *w, unsigned char b)
{
    w->folded[w->n++] = (char)b;
    w->hash = lexicon_hash_byte(w->hash, b);
}

/* The letters Vietnamese is written with beyond ASCII, read straight from
 * their bytes: the two-byte ones of Latin-1 and Latin Extended-A/B (lead
 * bytes C3-C6: "â", "đ", "ơ", "ư") and the three-byte ones of Latin
 * Extended Additional (E1 B8-BB: "ạ" ... "ỹ"), which are most of the
 * text's other bytes.  A capital and its small letter differ in the last
 * byte only (text.h), so folding adds to it.  Appends the folded letter
 * and returns its bytes in the text; 0 for any other character, left to
 * text_decode() and the tests of text.h, which say the same of these. */
static inline size_t read_vietnamese_letter(word_reader *w,
                                            const unsigned char *u,
                                            size_t len, size_t p)
{
    unsigned char lead = u[p];
    bool upper;
    if (lead >= 0xC3 && lead <= 0xC6) {
        if (p + 1 >= len || (u[p + 1] & 0xC0) != 0x80)
            return 0;
        unsigned char last = u[p + 1];
        unsigned char fold; /* what folding adds to last */
        if (lead == 0xC3) { /* U+00C0-U+00FF: À-Þ fold to à-þ */
            if (last == 0x97 || last == 0xB7)
                return 0; /* × and ÷ */
            upper = last <= 0x9E;
            fold = 0x20;
        } else if (lead == 0xC6) { /* U+0180-U+01BF: Ơ and Ư */
            upper = last == 0xA0 || last == 0xAF;
            fold = 1;
        } else { /* U+0100-U+017F: capitals at even code points */
            upper = last % 2 == 0;
            fold = 1;
        }
        put_folded(w, lead);
        put_folded(w, upper ? (unsigned char)(last + fold) : last);
        w->letters++;
        w->uppers += upper;
        return 2;
    }
    if (lead == 0xE1 && p + 2 < len && u[p + 1] >= 0xB8 &&
        u[p + 1] <= 0xBB && (u[p + 2] & 0xC0) == 0x80) {
        /* U+1E00-U+1EFF: capitals at even code points */
        unsigned char last = u[p + 2];
        upper = last % 2 == 0;
        put_folded(w, lead);
        put_folded(w, u[p + 1]);
        put_folded(w, upper ? (unsigned char)(last + 1) : last);
        w->letters++;
        w->uppers += upper;
        return 3;
    }
    return 0;
}

/* Reads the character of a word at *pos into w and advances *pos;
 * false, leaving *pos, when the word ends there.  inside: a character
 * came before it in the word (an apostrophe may not start one). */
static inline bool read_word_char(word_reader *w, const char *text,
                                  size_t len, size_t *pos, bool inside)
{
    const unsigned char *u = (const unsigned char *)text;
    size_t at = *pos;
    if (at >= len)
        return false;
    unsigned char b = u[at];
    if (b < 0x80 && b != '\'') {
        /* ASCII, as most of the text's bytes are: what text_decode() and
         * the tests below would say, without them */
        bool upper = (unsigned)(b - 'A') < 26u;
        bool letter = upper || (unsigned)(b - 'a') < 26u;
        if (!letter && (unsigned)(b - '0') >= 10u)
            return false;
        w->letters += letter;
        w->uppers += upper;
        put_folded(w, upper ? (unsigned char)(b + 0x20) : b);
        *pos = at + 1;
        return true;
    }
    size_t bytes = read_vietnamese_letter(w, u, len, at);
    if (bytes > 0) {
        *pos = at + bytes;
        return true;
    }
    size_t p = at;
    uint32_t c = text_decode(text, len, &p);
    if (text_is_apostrophe(c) && inside && p < len) {
        size_t after = p;
        if (text_is_letter(text_decode(text, len, &after))) {
            put_folded(w, '\''); /* "H'Hen": inside the word */
            *pos = p;
            return true;
        }
    }
    bool letter = text_is_letter(c);
    if (!letter && !text_is_digit(c))
        return false;
    bool upper = letter && text_is_upper(c);
    w->letters += letter;
    w->uppers += upper;
    if (c < 0x80) {
        put_folded(w, (unsigned char)(upper ? c + 0x20 : c));
    } else if (!upper) {
        /* Already folded: a letter decoded from valid UTF-8, so its bytes
         * are its encoding — copy them, no re-encoding. */
        for (size_t k = at; k < p; k++)
            put_folded(w, u[k]);
    } else {
        /* A copy of w->n: w's address taken, its fields could no longer
         * stay in registers. */
        size_t n = w->n;
        text_put_char(w->folded, w->capacity, &n, text_fold_char(c));
        while (w->n < n)
            w->hash = lexicon_hash_byte(w->hash,
                                        (unsigned char)w->folded[w->n++]);
    }
    *pos = p;
    return true;
}

/* Reads the word starting at *pos into t: appends its folded form to
 * list->folded (room reserved by the caller), hashes it and classifies
 * its shape. */
static void scan_word(token_list *list, token *t, const char *text,
                      size_t len, size_t *pos)
{
    word_reader w = {list->folded, list->folded_len, list->folded_capacity,
                     LEXICON_HASH_START, 0, 0};
    size_t start = w.n;
    read_word_char(&w, text, len, pos, false); /* a letter or a digit */
    bool first_upper = w.uppers == 1, first_digit = w.letters == 0;
    while (read_word_char(&w, text, len, pos, true))
        ;
    w.folded[w.n] = '\0';
    t->hash = w.hash;
    t->fold_len = w.n - start;
    list->folded_len = w.n + 1;
    if (first_digit)
        t->shape = SHAPE_NUMBER;
    else if (!first_upper)
        t->shape = SHAPE_LOWER;
    else if (w.letters >= 2 && w.uppers == w.letters)
        t->shape = SHAPE_UPPER;
    else /* "H'Hen" has two capitals, both at syllable starts: a name. */
        t->shape = SHAPE_TITLE;
}

bool tokens_split(token_list *list, const char *text, size_t len)
{
    list->count = 0;
    list->folded_len = 0;
    /* Room for every word's folded form at once, generously: at most
     * three bytes per byte of the text, and a NUL after each word. */
    if (!reserve_folded(list, 4 * len + 8))
        return false;
    bool space = false;
    for (size_t pos = 0; pos < len;) {
        size_t start = pos;
        if (text[pos] == ' ') { /* the commonest separator, undecoded */
            space = true;
            pos++;
            continue;
        }
        /* An ASCII letter or digit starts a word without decoding. */
        unsigned char b = (unsigned char)text[pos];
        bool word = (unsigned)((b | 0x20) - 'a') < 26u ||
                    (unsigned)(b - '0') < 10u;
        uint32_t c = 0;
        if (!word) {
            c = text_decode(text, len, &pos);
            if (is_space(c)) {
                space = true;
                continue;
            }
            word = text_is_letter(c) || text_is_digit(c);
        }
        if (!reserve_token(list))
            return false;
        /* Each field set once, by the branch that knows it: no clearing
         * first, at every token. */
        token *t = &list->tokens[list->count];
        t->start = start;
        t->space_before = space;
        space = false;
        if (word) {
            pos = start;
            t->fold_start = list->folded_len;
            scan_word(list, t, text, len, &pos);
            t->mark = 0;
        } else {
            t->fold_start = t->fold_len = 0;
            t->hash = 0;
            t->shape = SHAPE_MARK;
            t->mark = mark_of(c);
        }
        t->end = pos;
        list->count++;
    }
    return true;
}

void tokens_free(token_list *list)
{
    free(list->tokens);
    free(list->folded);
    memset(list, 0, sizeof *list);
}
