/*
 * docref_match — the compiled patterns of a docref instance and the
 * matching of one block.  See docref.c for what counts as a reference.
 */
#ifndef DOCREF_MATCH_H
#define DOCREF_MATCH_H

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif

#include "docref_types.h"

#include <pcre2.h>

#include <factpipe/plugin.h>
#include <factpipe/regex.h>

#include <stdint.h>

/* One group per document type plus the named groups of each pattern. */
enum { DOCREF_OVECTOR_PAIRS = DOCREF_MAX_TYPES + 16 };

/* Group numbers of one number: written with its code (217-QĐ/TW) or bare
 * (217). */
typedef struct docref_number_groups {
    uint32_t coded, bare;
} docref_number_groups;

typedef struct docref_matcher {
    docref_types types;          /* group i + 1 of `reference` is type i */
    pcre2_code *reference;       /* type, then a number or a plenum name */
    pcre2_code *continuation;    /* ", 218-QĐ/TW" after a number (anchored) */
    pcre2_code *date;            /* " ngày 15/01/2019" after it (anchored) */
    pcre2_match_context *limits; /* read-only once built: shared by threads */
    /* Runs of spaces a reference holds before its first digit, at most
     * (the longest type's, then "số" or a plenum's words); 0 when a type
     * holds a digit itself, and every block is searched whole. */
    size_t window_space_runs;
    /* The words a reference's number (or a plenum's) may follow, spaces,
     * tabs and ':' between: the last word of each type, "số", and the
     * plenum's "ương" and "TW"; and the ASCII bytes they may end with, in
     * either case.  A run of digits after anything else cannot start a
     * reference, and gets no search window (docref_match.c).  When a type
     * is nothing but spaces and colons, every_digit_run turns this off. */
    struct docref_word {
        const char *text;
        size_t len;
        unsigned char last; /* its last byte in lower case when ASCII,
                               0x80 for a longer character */
    } words_before_number[DOCREF_MAX_TYPES + 3];
    size_t n_words_before_number;
    bool may_end_before_number[128];
    bool every_digit_run;
    uint32_t so_group, name_group;
    docref_number_groups first, next;
    uint32_t day, month, year, day_words, month_words, year_words;
} docref_matcher;

/* Compiles the patterns for types, which the matcher takes over (also on
 * failure), under the match and heap limits of config's options
 * match_option and heap_option.  On failure the caller frees with
 * docref_matcher_free(). */
int docref_matcher_build(docref_matcher *matcher, docref_types *types,
                         const fp_config *config, size_t match_option,
                         size_t heap_option, const fp_host *host);

/* Frees what the matcher holds (not the matcher itself). */
void docref_matcher_free(docref_matcher *matcher);

/* The mutable things one extract() call matches with: never shared. */
typedef struct docref_call {
    pcre2_match_data *match_data;
    pcre2_match_context *window; /* the limits plus a per-search offset
                                    limit (the end of a search window) */
} docref_call;

/* Finds and emits the references in block block_index of doc. */
int docref_extract_block(const docref_matcher *matcher, docref_call *call,
                         const fp_document *doc, size_t block_index,
                         const fp_host *host);

#endif /* DOCREF_MATCH_H */
