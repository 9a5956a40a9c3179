/*
 * docref_types — the document-type lexicon of the docref plugin (read by
 * <factpipe/lexicon.h>), and the PCRE2 alternation built from it.
 */
#ifndef DOCREF_TYPES_H
#define DOCREF_TYPES_H

#include <factpipe/lexicon.h>
#include <factpipe/plugin.h>

#include <stdbool.h>
#include <stddef.h>

/* The types as written in the lexicon (white space made single spaces),
 * in groups of the same first letter (caselessly), longest first within a
 * group, lexicon order among equals (so that the regex alternation
 * prefers "Thông tư liên tịch" to "Thông tư"). */
typedef struct docref_types {
    fp_lexicon lexicon;
    const char **names; /* into lexicon's entries */
    bool *starts_group; /* names[i] is the first of its group */
    size_t n;
} docref_types;

/* Reads one type per line from path in the lexicon format of
 * docs/PLUGINS.md.  Fails, saying file:line and why, on an unreadable file,
 * a file that is not regular or is over DOCREF_MAX_LEXICON_BYTES (a FIFO
 * cannot block the open, /dev/zero is not read for ever), an empty
 * lexicon, a line that is not UTF-8, longer than
 * DOCREF_MAX_TYPE_BYTES or holding a backslash (the alternation quotes
 * types with \Q…\E), or more than DOCREF_MAX_TYPES types. */
enum { DOCREF_MAX_TYPES = 200, DOCREF_MAX_TYPE_BYTES = 120 };
/* A lexicon of types is a few kilobytes; more is not a lexicon. */
enum { DOCREF_MAX_LEXICON_BYTES = 1 << 20 };
int docref_types_load(docref_types *types, const char *path,
                      const fp_host *host);

/* Frees the lexicon; accepts a zeroed or failed one. */
void docref_types_free(docref_types *types);

/* A malloc'ed PCRE2 fragment, caseless, words quoted and joined by \h++:
 * for each group of names, its first letter and then the rest of each
 * type, each type followed by an empty capturing group, in the order of
 * names ("(?i:Q)(?:(?i:uyết\h++định)()|(?i:uy\h++định)())|…"): group
 * i + 1 is set when type i matched.  NULL when out of memory. */
char *docref_types_alternation(const docref_types *types);

/* How many runs of spaces separate the words of type (as the alternation
 * joins them with \h++): 1 for "Quyết định". */
size_t docref_type_space_runs(const char *type);

#endif /* DOCREF_TYPES_H */
