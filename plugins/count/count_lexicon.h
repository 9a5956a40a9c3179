/*
 * count_lexicon — word lists of the count plugin, loaded from files.
 *
 * File format: the one of <factpipe/lexicon.h> (docs/PLUGINS.md, "Lexicon
 * files"; documented again at the top of every lexicon file): UTF-8, one
 * entry per line; an entry is one or more words separated by spaces
 * ("hộ gia đình"); '#' starts a comment; blank lines are ignored.
 * Entries are compared case-insensitively after NFC normalization.  Two
 * features only some lexicons allow (the others refuse the '!'; or ignore
 * case in entries):
 *   - a leading '!' marks an entry as an exception to shorter entries
 *     ("!tổng số" beside "số");
 *   - an entry written with a capital first letter matches only text with
 *     a capitalized first word ("Quận" matches "Quận 3", not "cấp quận");
 *   - an entry is followed by a colon and a whole number, its value
 *     ("triệu: 1000000").
 *
 * Lookups find the longest entry that matches a run of words, so "đồng
 * chí" (a counted noun) wins over "đồng" (money) and "cây số" (distance)
 * over "cây" (trees).
 */
#ifndef COUNT_LEXICON_H
#define COUNT_LEXICON_H

#include "count_number.h"
#include "count_text.h"

#include <factpipe/plugin.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Longest entry, in words; longer ones are refused with their line. */
enum { COUNT_PHRASE_MAX_WORDS = 6 };

/* Bits of the filter of the words entries start and end with. */
enum { COUNT_EDGE_BITS = 4096 };

typedef struct count_entry {
    char *phrase;      /* folded words joined by single spaces */
    bool exception;    /* written with a leading '!' */
    bool capital_only; /* written with a capital (cased lexicons only) */
    uint64_t value;    /* the number after the words (valued lexicons) */
    uint64_t key;      /* the hash of its words (see count_lexicon.c) */
} count_entry;

/* Features of a lexicon file, or-ed together; see the top of this file. */
enum {
    COUNT_LEXICON_PLAIN = 0,
    COUNT_LEXICON_EXCEPTIONS = 1, /* '!' entries allowed */
    COUNT_LEXICON_CASED = 2,      /* capitalized entries match capitals */
    COUNT_LEXICON_VALUED = 4      /* every entry ends with its value */
};

typedef struct count_lexicon {
    count_entry *entries; /* sorted by phrase, no duplicates */
    size_t n_entries;
    size_t max_words;     /* words in the longest entry */
    /* An open-addressed table of the entries by key: slots[i] is an
     * index into entries or -1; slot_mask + 1 slots, a power of two. */
    int32_t *slots;
    size_t slot_mask;
    /* A bit per hash of each word entries start (end) with: a word whose
     * bit is clear starts (ends) no entry, and is not looked up. */
    uint64_t first_bits[COUNT_EDGE_BITS / 64], last_bits[COUNT_EDGE_BITS / 64];
} count_lexicon;

/* Loads path into lex with the features in flags (COUNT_LEXICON_*).  On
 * failure reports file:line with fp_errorf and leaves lex empty. */
int count_lexicon_load(count_lexicon *lex, const char *path, unsigned flags,
                       const fp_host *host);

void count_lexicon_free(count_lexicon *lex);

/* The longest entry equal to words[0..k) read forwards; its length k in
 * words, or 0.  *entry (if not NULL) receives it. */
size_t count_lexicon_match_forward(const count_lexicon *lex,
                                   const count_word *words, size_t n_words,
                                   const count_entry **entry);

/* Whether an entry may start with word (false: none does), as
 * count_lexicon_match_forward() asks first: the words after it need not
 * be read when none does. */
bool count_lexicon_may_start(const count_lexicon *lex, const count_word *word);

/* The longest entry equal to the k words before a number, given nearest
 * first (words[k-1] .. words[0] in text order); its length, or 0. */
size_t count_lexicon_match_backward(const count_lexicon *lex,
                                    const count_word *words, size_t n_words,
                                    const count_entry **entry);

#endif /* COUNT_LEXICON_H */
