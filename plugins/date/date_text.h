/*
 * date_text — the date plugin's view of a block: Vietnamese text folded to
 * lower case, and cut into number, word and punctuation tokens.
 *
 * Dates are a grammar of small pieces ("ngày", "15", "/", "3", "tháng",
 * "năm", "2019"), so the plugin reads tokens rather than characters: the
 * grammar (date_grammar.c) asks "is token i a number of two digits glued to
 * a '/'?" and "does a lexicon phrase start at token i?".
 */
#ifndef DATE_TEXT_H
#define DATE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum date_token_type {
    TOKEN_NUMBER, /* a run of ASCII digits */
    TOKEN_WORD,   /* a run of letters (a Vietnamese syllable, "QĐ", "h") */
    TOKEN_PUNCT   /* one punctuation character */
} date_token_type;

/* Every dash a writer may type between two numbers reads as '-'. */
enum { PUNCT_DASH = '-', PUNCT_OTHER = 0 };

typedef struct date_token {
    date_token_type type;
    size_t start, end;  /* byte offsets into the document text */
    bool space_before;  /* whitespace separates it from the token before */
    bool in_identifier; /* part of "112/KH-UBND" or "146/2017/TT-BTC" */
    uint32_t punct;     /* TOKEN_PUNCT: the ASCII character, PUNCT_DASH,
                           or PUNCT_OTHER for anything else */
    int number;         /* TOKEN_NUMBER: its value, -1 past 9 digits */
    int n_digits;       /* TOKEN_NUMBER: digits as written ("05" is 2) */
    /* Set by the grammar before it reads the block: the phrases of its
     * word, relative and weekday lexicons that start here, or NULL; and
     * whether the sentence spoke of the lunar calendar before here. */
    const struct lexicon_entry *grammar_word, *relative, *weekday;
    bool after_lunar_word;
} date_token;

/* Writes to out (len bytes, no NUL added) the lower-case form of the
 * UTF-8 text in; Vietnamese letters keep their byte length when folded,
 * so offsets into out are offsets into in.  Bytes that are not valid
 * UTF-8 are copied unchanged. */
void date_fold_text(const char *in, size_t len, char *out);

/* Cuts text[start, end) into tokens, written to *tokens (which grows;
 * *capacity tracks its size), and writes the lower-case form of each word
 * token, and the digits of each number, at the same offsets of folded
 * (the bytes between tokens are left as they were).  Returns the number
 * of tokens, or (size_t)-1 when out of memory. */
size_t date_tokenize(const char *text, size_t start, size_t end,
                     char *folded, date_token **tokens, size_t *capacity);

#endif /* DATE_TEXT_H */
