/*
 * word_roles — for each word of the lexicons, what it is in them: the
 * first word of an entry, the last word, a whole one-word entry, or any
 * word after an entry's first, as bits per lexicon.  A scan looks each word of the text up once here and
 * then tests bits, instead of hashing the word again for every lexicon
 * it might start an entry of; most words are in none.  The words and
 * their bits are kept in a lexicon used as a map.
 */
#ifndef OFFICIAL_WORD_ROLES_H
#define OFFICIAL_WORD_ROLES_H

#include "lexicon.h"

#include <stdbool.h>
#include <stdint.h>

typedef uint64_t role_bits;

enum { WORD_ROLES_MAX_LEXICONS = 16 }; /* four bits each in 64 */

static inline role_bits role_first(unsigned lexicon_id)
{
    return (role_bits)1 << (4 * lexicon_id);
}

static inline role_bits role_last(unsigned lexicon_id)
{
    return (role_bits)1 << (4 * lexicon_id + 1);
}

static inline role_bits role_word(unsigned lexicon_id)
{
    return (role_bits)1 << (4 * lexicon_id + 2);
}

/* A word that stands after the first in some entry (its last word
 * included): a phrase whose later words do not all have it is in no
 * entry, so a matcher stops reading at the first that lacks it. */
static inline role_bits role_inner(unsigned lexicon_id)
{
    return (role_bits)1 << (4 * lexicon_id + 3);
}

typedef struct word_roles {
    lexicon words; /* each word with its role bits as value */
} word_roles;

/* Adds the words of lex (whose id is below WORD_ROLES_MAX_LEXICONS).
 * Returns false when out of memory. */
bool word_roles_add(word_roles *roles, const lexicon *lex);

/* The roles of a folded word whose lexicon_hash() is hash; 0 when it is
 * in no lexicon. */
static inline role_bits word_roles_of(const word_roles *roles,
                                      const char *word, uint64_t hash)
{
    return lexicon_bits_hashed(&roles->words, word, hash);
}

static inline void word_roles_free(word_roles *roles)
{
    lexicon_free(&roles->words);
}

#endif /* OFFICIAL_WORD_ROLES_H */
