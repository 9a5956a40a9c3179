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

/* An ASCII byte of a word, as most of Vietnamese text's bytes are: a
 * letter or a digit.  The apostrophe is not one: it takes the look-ahead
 * of the general path. */
static bool is_ascii_word_byte(unsigned char b)
{
    return (unsigned)(b - 'a') < 26u || (unsigned)(b - 'A') < 26u ||
           (unsigned)(b - '0') < 10u;
}

/* Reads the word starting at *pos into t: appends its folded form to
 * list->folded (room reserved by the caller), hashes it and classifies
 * its shape. */
static void scan_word(token_list *list, token *t, const char *text,
                      size_t len, size_t *pos)
{
    size_t letters = 0, uppers = 0;
    bool first_upper = false, first_digit = false;
    /* Locals, not list's fields: the stores into folded may alias them. */
    char *folded = list->folded;
    size_t start = list->folded_len, n = start, p = *pos;
    for (size_t index = 0; p < len; index++) {
        size_t at = p;
        unsigned char b = (unsigned char)text[at];
        if (b < 0x80 && b != '\'') {
            /* ASCII: what text_decode() and the tests below would say,
             * without them */
            if (!is_ascii_word_byte(b))
                break;
            bool upper = (unsigned)(b - 'A') < 26u;
            bool letter = upper || (unsigned)(b - 'a') < 26u;
            if (index == 0) {
                first_upper = upper;
                first_digit = !letter;
            }
            letters += letter;
            uppers += upper;
            folded[n++] = (char)(upper ? b + 0x20 : b);
            p = at + 1;
            continue;
        }
        uint32_t c = text_decode(text, len, &p);
        if (text_is_apostrophe(c) && index > 0 && p < len) {
            size_t after = p;
            uint32_t next = text_decode(text, len, &after);
            if (text_is_letter(next)) {
                folded[n++] = '\''; /* "H'Hen": inside the word */
                continue;
            }
        }
        bool letter = text_is_letter(c);
        if (!letter && !text_is_digit(c)) {
            p = at;
            break;
        }
        bool upper = letter && text_is_upper(c);
        if (index == 0) {
            first_upper = upper;
            first_digit = !letter;
        }
        letters += letter;
        uppers += upper;
        if (c < 0x80) {
            folded[n++] = (char)(upper ? c + 0x20 : c);
        } else if (!upper) {
            /* Already folded: a letter decoded from valid UTF-8, so its
             * bytes are its encoding — copy them, no re-encoding. */
            for (size_t k = at; k < p; k++)
                folded[n++] = text[k];
        } else {
            text_put_char(folded, list->folded_capacity, &n,
                          text_fold_char(c));
        }
    }
    folded[n] = '\0';
    *pos = p;
    uint64_t hash = LEXICON_HASH_START;
    for (size_t k = start; k < n; k++)
        hash = lexicon_hash_byte(hash, (unsigned char)folded[k]);
    t->hash = hash;
    t->fold_len = n - start;
    list->folded_len = n + 1;
    if (first_digit)
        t->shape = SHAPE_NUMBER;
    else if (!first_upper)
        t->shape = SHAPE_LOWER;
    else if (letters >= 2 && uppers == letters)
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
        uint32_t c = text_decode(text, len, &pos);
        if (is_space(c)) {
            space = true;
            continue;
        }
        if (!reserve_token(list))
            return false;
        token *t = &list->tokens[list->count];
        *t = (token){.start = start, .space_before = space};
        space = false;
        if (text_is_letter(c) || text_is_digit(c)) {
            pos = start;
            t->fold_start = list->folded_len;
            scan_word(list, t, text, len, &pos);
            t->mark = 0;
        } else {
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
