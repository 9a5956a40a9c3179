/*
 * date_lexicon — word lists the date grammar reads from files under
 * config/lexicons/ (month names, weekdays, the words of date grammar,
 * relative expressions), so that the language lives in data, not in code.
 *
 * File format: the one of <factpipe/lexicon.h> (docs/PLUGINS.md, "Lexicon
 * files") with values: "PHRASE: VALUE" lines, '#' comments.  PHRASE is one
 * to four words, matched case-insensitively word by word; VALUE is read by
 * the file's own parser (a month number, a weekday number, a list of
 * roles, ...).  Errors name the file and line.
 */
#ifndef DATE_LEXICON_H
#define DATE_LEXICON_H

#include "date_text.h"

#include <factpipe/plugin.h>

enum { LEXICON_MAX_WORDS = 4 };

typedef struct lexicon_entry {
    char *phrase; /* folded words, NUL-separated; owns the strings below */
    const char *words[LEXICON_MAX_WORDS];
    size_t word_len[LEXICON_MAX_WORDS];
    size_t n_words;
    unsigned line;  /* where it was read, for messages */
    unsigned roles; /* meaning set by the file's value parser */
    int value;
    int offset;
} lexicon_entry;

/* The entries of one first word: entries[first, first + n_entries). */
typedef struct first_word_slot {
    uint32_t hash;      /* date_hash() of the word */
    uint32_t n_entries; /* 0: an empty slot */
    size_t first;
} first_word_slot;

typedef struct date_lexicon {
    lexicon_entry *entries; /* sorted by first word */
    size_t n_entries;
    /* An open-addressing table of the distinct first words (a power of
     * two of slots, at most an eighth full): a token is looked up by the
     * hash its tokenizing computed, and most words of a text, in no
     * lexicon, end at an empty slot. */
    first_word_slot *slots;
    size_t slot_mask;
} date_lexicon;

/* Reads VALUE (trimmed, NUL-terminated) into entry->roles/value/offset.
 * Returns 0, or -1 after writing why into why[why_size]. */
typedef int (*lexicon_value_parser)(const char *value, lexicon_entry *entry,
                                    char *why, size_t why_size);

/* Loads the file at path.  Returns FP_OK, or FP_ERROR after fp_errorf()
 * with "path:line: what is wrong"; *lexicon is then empty. */
int lexicon_load(date_lexicon *lexicon, const char *path,
                 lexicon_value_parser parse, const fp_host *host);

void lexicon_free(date_lexicon *lexicon);

/* lexicon_match() where the first word's slot is taken. */
const lexicon_entry *lexicon_match_slot(const date_lexicon *lexicon,
                                        const char *folded,
                                        const date_token *tokens, size_t n,
                                        size_t i);

/* The longest entry whose words are the words at tokens[i...] (folded
 * text in folded, words separated by spaces; tokens[i].hash that of its
 * first word), or NULL.  Inline, as it is asked of every word of a text
 * and most end at their empty slot. */
static inline const lexicon_entry *lexicon_match(const date_lexicon *lexicon,
                                                 const char *folded,
                                                 const date_token *tokens,
                                                 size_t n, size_t i)
{
    if (i >= n || tokens[i].type == TOKEN_PUNCT ||
        lexicon->slots[tokens[i].hash & lexicon->slot_mask].n_entries == 0)
        return NULL;
    return lexicon_match_slot(lexicon, folded, tokens, n, i);
}

#endif /* DATE_LEXICON_H */
