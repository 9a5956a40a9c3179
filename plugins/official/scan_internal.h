/*
 * scan_internal — what the parts of the scanner share: the scanner's
 * state and its word tests (scan_words.c) and title reader
 * (scan_titles.c).  Not part of the plugin's interface.
 */
#ifndef OFFICIAL_SCAN_INTERNAL_H
#define OFFICIAL_SCAN_INTERNAL_H

#include "scan.h"

#include <stdbool.h>
#include <stddef.h>

enum {
    NAME_MAX_WORDS = 4,   /* Vietnamese names: surname, middles, given */
    RUN_LOOKAHEAD = 6,    /* capitalized words looked at for one run */
    TITLE_MAX_TOKENS = 24 /* a title longer than this is a runaway */
};

/* A title found in the block, waiting for the name it belongs to. */
typedef struct title_span {
    size_t first, end; /* tokens [first, end) */
    bool claimed;
} title_span;

typedef struct scanner {
    const official_lexicons *lex;
    const token_list *tokens;
    const char *text;
    size_t block_start;
    bool chrome;
    mention_list *out;
    title_span *titles;
    size_t n_titles;
} scanner;

const token *tok(const scanner *sc, size_t i);

size_t n_tokens(const scanner *sc);

bool has_shape(const scanner *sc, size_t i, token_shape shape);

bool folded_is(const scanner *sc, size_t i, const char *word);

/* The longest entry of lex that starts at token i; its length in tokens,
 * 0 when none.  Its value goes to *value when value is not NULL. */
size_t match_at_most(const scanner *sc, const lexicon *lex, size_t i,
                     size_t max_words, int *value);


/* match_at_most() with no bound but the lexicon's longest entry. */
size_t match_at(const scanner *sc, const lexicon *lex, size_t i,
                int *value);

/* Whether an entry of lex ends right before token i (and is joined to it
 * by white space). */
bool match_before(const scanner *sc, const lexicon *lex, size_t i);

/* A word that can be a syllable of a name: capital, then small letters. */
bool is_name_word(const scanner *sc, size_t i);

bool is_surname(const scanner *sc, size_t i);

bool is_plausible_syllable(const scanner *sc, size_t i);

/* Capitalized name words from i on, each after white space, up to max. */
size_t name_run(const scanner *sc, size_t i, size_t max);

/* A title head at i.  Before a name it must be capitalized; after a name
 * and a comma ("ông Trần Minh, chủ tịch UBND phường") any case will do. */
size_t head_at(const scanner *sc, size_t i, bool any_case);

/* A surname followed by at least one more name word. */
bool name_starts_at(const scanner *sc, size_t i);

/* Every syllable after the surname is a known name syllable. */
bool is_plausible_name(const scanner *sc, size_t i, size_t n);

/* A surname and known name syllables after it, up to the run's end. */
bool starts_plausible_name(const scanner *sc, size_t i);

bool is_sentence_mark(const scanner *sc, size_t i);

/* Whether token i starts a sentence, a quotation or a parenthesis. */
bool opens_sentence(const scanner *sc, size_t i);

/* The end (exclusive token index) of the title whose head of head_len
 * tokens starts at first: the head, then its organisation phrase. */
size_t title_end(const scanner *sc, size_t first, size_t head_len,
                 bool person_expected);

#endif /* OFFICIAL_SCAN_INTERNAL_H */
