/*
 * tokens.c — see tokens.h.
 */
#include "tokens.h"

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

/* Makes room in list->folded for a word of len bytes: a byte that is not
 * UTF-8 folds to U+FFFD, three bytes, and the NUL needs one more. */
static bool reserve_folded(token_list *list, size_t len)
{
    size_t need = list->folded_len + 3 * len + 8;
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

/* Reads the word starting at *pos, appends its folded form to
 * list->folded (room reserved by the caller) and classifies its shape. */
static token_shape scan_word(token_list *list, const char *text, size_t len,
                             size_t *pos)
{
    size_t letters = 0, uppers = 0;
    bool first_upper = false, first_digit = false;
    size_t n = list->folded_len;
    for (size_t index = 0; *pos < len; index++) {
        size_t at = *pos;
        uint32_t c = text_decode(text, len, pos);
        if (text_is_apostrophe(c) && index > 0 && *pos < len) {
            size_t after = *pos;
            uint32_t next = text_decode(text, len, &after);
            if (text_is_letter(next)) {
                list->folded[n++] = '\''; /* "H'Hen": inside the word */
                continue;
            }
        }
        bool letter = text_is_letter(c);
        if (!letter && !text_is_digit(c)) {
            *pos = at;
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
            list->folded[n++] = (char)(upper ? c + 0x20 : c);
        } else if (!upper) {
            /* Already folded: a letter decoded from valid UTF-8, so its
             * bytes are its encoding — copy them, no re-encoding. */
            memcpy(list->folded + n, text + at, *pos - at);
            n += *pos - at;
        } else {
            text_put_char(list->folded, list->folded_capacity, &n,
                          text_fold_char(c));
        }
    }
    list->folded[n] = '\0';
    list->folded_len = n + 1;
    if (first_digit)
        return SHAPE_NUMBER;
    if (!first_upper)
        return SHAPE_LOWER;
    if (letters >= 2 && uppers == letters)
        return SHAPE_UPPER;
    /* "H'Hen" has two capitals, both at syllable starts: still a name. */
    return SHAPE_TITLE;
}

bool tokens_split(token_list *list, const char *text, size_t len)
{
    list->count = 0;
    list->folded_len = 0;
    bool space = false;
    for (size_t pos = 0; pos < len;) {
        size_t start = pos;
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
            if (!reserve_folded(list, len - start))
                return false;
            t = &list->tokens[list->count];
            t->fold_start = list->folded_len;
            t->shape = scan_word(list, text, len, &pos);
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

bool tokens_phrase(const token_list *list, size_t first, size_t n, char *out,
                   size_t cap)
{
    size_t used = 0;
    if (first + n > list->count || cap == 0)
        return false;
    for (size_t i = first; i < first + n; i++) {
        if (!tokens_is_word(list, i) ||
            (i > first && !list->tokens[i].space_before))
            return false;
        const char *word = tokens_folded(list, i);
        size_t len = strlen(word);
        if (used + len + (i > first) + 1 > cap)
            return false;
        if (i > first)
            out[used++] = ' ';
        memcpy(out + used, word, len);
        used += len;
    }
    out[used] = '\0';
    return true;
}

void tokens_free(token_list *list)
{
    free(list->tokens);
    free(list->folded);
    memset(list, 0, sizeof *list);
}
