/*
 * docref_types — the document-type lexicon of the docref plugin, and the
 * PCRE2 alternation built from it.
 */
#ifndef DOCREF_TYPES_H
#define DOCREF_TYPES_H

#include <factpipe/plugin.h>

#include <stddef.h>

/* The types as written in the lexicon, longest first (so that the regex
 * alternation prefers "Thông tư liên tịch" to "Thông tư"). */
typedef struct docref_types {
    char **names;
    size_t n;
} docref_types;

/* Reads one type per line from path ('#' comments, blank lines skipped,
 * surrounding space trimmed).  Fails, saying file:line and why, on an
 * unreadable file, an empty lexicon, a line that is not UTF-8 or that holds
 * a backslash, or more than DOCREF_MAX_TYPES types. */
/* A lexicon of types is a few kilobytes; more is not a lexicon. */
enum { DOCREF_MAX_LEXICON_BYTES = 1 << 20 };
enum { DOCREF_MAX_TYPES = 200 };
int docref_types_load(docref_types *types, const char *path,
                      const fp_host *host);

/* Frees the names; accepts a zeroed or half-loaded lexicon. */
void docref_types_free(docref_types *types);

/* A malloc'ed PCRE2 fragment "(type1)|(type2)|…": one capturing group per
 * type in lexicon order, words quoted and joined by \h++, caseless.  NULL
 * when out of memory. */
char *docref_types_alternation(const docref_types *types);

/* How many runs of spaces and tabs separate the words of type (as the
 * alternation joins them with \h++): 1 for "Quyết định". */
size_t docref_type_space_runs(const char *type);

#endif /* DOCREF_TYPES_H */
