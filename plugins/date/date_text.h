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
    size_t start, end;  /* byte offsets into the document text */
    /* Set by the grammar before it reads the block (NULL and false from
     * date_tokenize()): the phrases of its word, relative and weekday
     * lexicons that start here, or NULL; and whether the sentence spoke
     * of the lunar calendar before here. */
    const struct lexicon_entry *grammar_word, *relative, *weekday;
    date_token_type type;
    uint32_t punct;     /* TOKEN_PUNCT: the ASCII character, PUNCT_DASH,
                           or PUNCT_OTHER for anything else */
    int number;         /* TOKEN_NUMBER: its value, -1 past 9 digits */
    int n_digits;       /* TOKEN_NUMBER: digits as written ("05" is 2) */
    uint32_t hash;      /* TOKEN_WORD, TOKEN_NUMBER: date_hash() of its
                           folded bytes, for the lexicons' look-ups */
    bool space_before;  /* whitespace separates it from the token before */
    bool in_identifier; /* part of "112/KH-UBND" or "146/2017/TT-BTC" */
    bool after_lunar_word;
} date_token;

/* FNV-1a over bytes: tokens and lexicon words are hashed alike, so that
 * a word is looked up with the hash its tokenizing computed. */
#define DATE_HASH_SEED 2166136261u

static inline uint32_t date_hash_byte(uint32_t hash, unsigned char byte)
{
    return (hash ^ byte) * 16777619u;
}

static inline uint32_t date_hash(const char *bytes, size_t len)
{
    uint32_t hash = DATE_HASH_SEED;
    for (size_t i = 0; i < len; i++)
        hash = date_hash_byte(hash, (unsigned char)bytes[i]);
    return hash;
}

/* A set of words by their hashes, as bits: a word whose bit is clear is
 * not in it (one whose bit is set may be). */
enum { WORD_SET_BITS = 4096 };

typedef struct date_word_set {
    uint64_t bits[WORD_SET_BITS / 64];
} date_word_set;

static inline void word_set_add(date_word_set *set, uint32_t hash)
{
    uint32_t bit = hash % WORD_SET_BITS;
    set->bits[bit / 64] |= UINT64_C(1) << (bit % 64);
}

static inline bool word_set_may_hold(const date_word_set *set, uint32_t hash)
{
    uint32_t bit = hash % WORD_SET_BITS;
    return (set->bits[bit / 64] >> (bit % 64)) & 1;
}

/* Writes to out (len bytes, no NUL added) the lower-case form of the
 * UTF-8 text in; Vietnamese letters keep their byte length when folded,
 * so offsets into out are offsets into in.  Bytes that are not valid
 * UTF-8 are copied unchanged. */
void date_fold_text(const char *in, size_t len, char *out);

/* The letter of two to four bytes at p (avail bytes left, p[0] >= 0x80):
 * writes its lower case (of the same length) to out and returns its
 * length, or returns 0 when p holds no letter (punctuation, a space, a
 * byte that starts no valid character).  The words of a text are folded
 * with it; the Vietnamese letters of Latin-1 and of Latin Extended
 * Additional are answered from their bytes, without decoding. */
size_t date_fold_long_letter(const unsigned char *p, size_t avail, char *out);

/* The same answer by decoding the code point in full: what
 * date_fold_long_letter() is tested against. */
size_t date_fold_long_letter_general(const unsigned char *p, size_t avail,
                                     char *out);

/* Sets in_identifier on the tokens of every run written without spaces
 * in which a number starts a code ("112/KH-UBND", "146/2017/TT-BTC").
 * date_tokenize() does it for a block where a '/' or a dash is glued to a
 * number, the only blocks that have such runs. */
void date_mark_identifiers(date_token *tokens, size_t n);

/* Cuts text[start, end) into tokens, written to *tokens (which grows;
 * *capacity tracks its size); copies text[start, end) to the same offsets
 * of folded with each word lower-cased, and hashes each word and number
 * as it goes.  Returns the number of tokens, or (size_t)-1 when out of
 * memory. */
size_t date_tokenize(const char *text, size_t start, size_t end,
                     char *folded, date_token **tokens, size_t *capacity);

#endif /* DATE_TEXT_H */
