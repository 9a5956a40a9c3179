/* "Did you mean …?": the known name closest to a mistyped one, for the
 * messages about an unknown plugin, option, key, section or value.  Names
 * are compared by edit distance (insertions, deletions, substitutions and
 * swaps of two neighbours each cost one), ignoring case, so that `mony`
 * suggests `money`, `priorty` suggests `priority` and `Plugins` suggests
 * `plugins` (keys are case-sensitive). */
#ifndef FP_SUGGEST_H
#define FP_SUGGEST_H

#include <stddef.h>

/* The edit distance between a and b, ASCII case ignored; stops counting at
 * limit + 1 (anything further is as bad).  Bytes, not characters: every
 * name factpipe suggests is ASCII. */
size_t fp_edit_distance(const char *a, const char *b, size_t limit);

/* The candidate closest to word, or NULL when none is close enough to be
 * what was meant: at most 1 edit for a word of up to 4 characters, 2 up
 * to 8, 3 beyond, and fewer edits than the word has characters.  The
 * first of equally close candidates wins; word itself is never offered
 * unless its case differs. */
const char *fp_suggest(const char *word, const char *const *candidates, size_t n);

/* Appends "; did you mean 'X'?" (with the quote marks given, e.g. "'"
 * or "[plugin " "]") to the NUL-terminated message of size bytes when a
 * candidate is close to word.  Returns whether it did. */
int fp_suggest_append(char *message, size_t size, const char *word,
                      const char *const *candidates, size_t n, const char *open,
                      const char *close);

#endif
