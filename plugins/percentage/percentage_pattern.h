/*
 * percentage_pattern — the percentage plugin's pattern, and which blocks
 * it need not search.
 *
 * Every match of the pattern ends in "%" or, when the words option is on,
 * in the words "phần trăm" in any case, and holds little else before it.
 * Most blocks hold no such sign, and most text of the others is far from
 * one: a byte search finds where a match can start for less than a regex
 * search over the text in between, and the first match found from there
 * is the one a search from the start would find.
 */
#ifndef PERCENTAGE_PATTERN_H
#define PERCENTAGE_PATTERN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The pattern for the options ranges and words (PCRE2 syntax, compiled
 * with <factpipe/regex.h>'s options): a number with "%" (or "phần trăm"),
 * the lower end of a range before it; named groups value_int, value_frac,
 * from_int, from_frac. */
const char *percentage_pattern(bool ranges, bool words);

/* What percentage_search_start() found in one block so far, so that
 * each byte of it is searched once for each kind of sign. */
typedef struct percentage_signs {
    bool words;
    /* where the next "%", "p" and "P" were found; SIZE_MAX: not yet
     * searched */
    size_t percent, lower_p, upper_p;
} percentage_signs;

/* Starts reading a new block; words as for percentage_pattern(). */
void percentage_signs_init(percentage_signs *signs, bool words);

/* Where a search of the block (len bytes) from `from` may start instead,
 * and find the same first match: every match ends in "%" or (with words)
 * "phần trăm" in any case, and between its start and that sign holds only
 * digits, separators, spaces, dashes and the words "điểm", "đến" and
 * "tới"; so no match starts before the run of such bytes that ends at the
 * first sign after from.  Returns len when no sign follows: nothing more
 * to find.  Calls for one block go with ascending from. */
size_t percentage_search_start(percentage_signs *signs, const char *block,
                               size_t len, size_t from);

#endif /* PERCENTAGE_PATTERN_H */
