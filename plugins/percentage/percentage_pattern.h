/*
 * percentage_pattern — the percentage plugin's pattern, and which blocks
 * it need not search.
 *
 * Every match of the pattern ends in "%" or, when the words option is on,
 * in the words "phần trăm" in any case.  Most blocks hold neither, and a
 * byte search proves it for less than a regex search that fails: such a
 * block is skipped, with the same facts (none) as a search would give.
 */
#ifndef PERCENTAGE_PATTERN_H
#define PERCENTAGE_PATTERN_H

#include <stdbool.h>
#include <stddef.h>

/* The pattern for the options ranges and words (PCRE2 syntax, compiled
 * with <factpipe/regex.h>'s options): a number with "%" (or "phần trăm"),
 * the lower end of a range before it; named groups value_int, value_frac,
 * from_int, from_frac. */
const char *percentage_pattern(bool ranges, bool words);

/* False only when no match of the pattern (words: whether "phần trăm"
 * is accepted) can lie in the len bytes at block: they hold no "%" and,
 * with words, no "phầ" in any case.  True may still find nothing. */
bool percentage_block_may_match(const char *block, size_t len, bool words);

#endif /* PERCENTAGE_PATTERN_H */
