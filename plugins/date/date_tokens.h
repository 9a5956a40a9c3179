/*
 * date_tokens — the questions the date grammar asks about the tokens of a
 * block: "is token i a number of one or two digits?", "is it glued to the
 * '/' before it?", "does a grammar phrase with the role 'month' start
 * here?", "does the date that ends here end cleanly?".
 */
#ifndef DATE_TOKENS_H
#define DATE_TOKENS_H

#include "date_grammar.h"

/* One block being scanned, with what its dates are read against. */
typedef struct date_scanner {
    const date_grammar *grammar;
    const char *text;   /* the document text, as written */
    const char *folded; /* its words in lower case, at the same offsets */
    const date_token *tokens;
    size_t n;
    article_date article;
    int two_digit_reference; /* year two-digit years are read near */
} date_scanner;

/* The small questions below are asked many times at every number of a
 * text: they are inline. */

/* Token i, or NULL past the end. */
static inline const date_token *token_at(const date_scanner *s, size_t i)
{
    return i < s->n ? &s->tokens[i] : NULL;
}

/* Punctuation punct at i; glued: with no space before it. */
static inline bool is_punct(const date_scanner *s, size_t i, uint32_t punct)
{
    const date_token *t = token_at(s, i);
    return t != NULL && t->type == TOKEN_PUNCT && t->punct == punct;
}

static inline bool is_glued_punct(const date_scanner *s, size_t i,
                                  uint32_t punct)
{
    return is_punct(s, i, punct) && !s->tokens[i].space_before;
}

/* A number of min_digits to max_digits digits, not inside a document
 * number; glued: any number with no space before it. */
static inline bool is_number(const date_scanner *s, size_t i, int min_digits,
                             int max_digits)
{
    const date_token *t = token_at(s, i);
    return t != NULL && t->type == TOKEN_NUMBER && !t->in_identifier &&
           t->n_digits >= min_digits && t->n_digits <= max_digits;
}

static inline bool is_glued_number(const date_scanner *s, size_t i)
{
    return is_number(s, i, 1, 9) && !s->tokens[i].space_before;
}

/* '/', a dash or '.': what joins the numbers of "15/3/2019". */
static inline bool is_joiner(uint32_t punct)
{
    return punct == '/' || punct == PUNCT_DASH || punct == '.';
}

/* Number of words of the grammar phrase at token i if it has one of
 * roles, else 0. */
static inline size_t role_at(const date_scanner *s, size_t i, unsigned roles)
{
    const lexicon_entry *e = i < s->n ? s->tokens[i].grammar_word : NULL;
    return e != NULL && (e->roles & roles) ? e->n_words : 0;
}

/* The number at i starts a date only if it is not the tail of something
 * written without spaces: "A10", "1.250.300", "1/15/3", "2,15". */
bool free_before(const date_scanner *s, size_t i);

/* The date that ends with token last (written with separator sep, 0 for
 * none) ends there: no letter glued on ("15/3abc", "8h30"), no further
 * number joined on ("15/3/2019/5", "1.2.3").  A dash and a number may
 * follow when the date used another separator: "15/3-20/3". */
bool free_after(const date_scanner *s, size_t last, uint32_t sep);

/* A word no lexicon of the grammar knows, or knows only as a number word
 * or a unit of the time of day: what a number before it would count. */
bool is_plain_word(const date_scanner *s, size_t i);

#endif /* DATE_TOKENS_H */
