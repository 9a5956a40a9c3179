/*
 * count_rules — is this number a count, and what does it count?
 *
 * A number is a count when the words after it begin a noun phrase: a
 * counted noun or classifier from the nouns lexicon ("đảng viên", "lượt",
 * "vị"), or — with open nouns — any word that is not a unit of time, age,
 * money or measure, not a function word or verb and not capitalized (a
 * capitalized unlisted word starts a name: "12 Lê Duẩn").  It is not a count
 * when the words before it make it a name, an ordinal, a date part or a
 * document number ("số 12", "lần thứ 3", "năm 2020", "Đề án 02"), when a
 * number that reads as a year follows a word of time ("đến 2020"), when it is
 * one group of a longer digit string (phone numbers) or follows an
 * acronym ("VN 123", "QL 14"), or when it ends a span of years.  The unit runs from the first word after the number to
 * the end of its noun phrase: the lexicon noun, then lower-case modifiers
 * up to a function word, a number, a capitalized word, punctuation or the
 * word limit.
 */
#ifndef COUNT_RULES_H
#define COUNT_RULES_H

#include "count_lexicon.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct count_rules {
    count_lexicon nouns;          /* counted nouns and classifiers */
    count_lexicon excluded_units; /* time, age, money, measure units */
    count_lexicon stopwords;      /* function words and verbs */
    count_lexicon names_before;   /* words that make the number a name */
    count_lexicon year_before;    /* words that make a year-like number a
                                     year ("đến 2020") */
    bool open_nouns;       /* any other word after a number is a noun */
    size_t max_unit_words; /* longest unit, in words (syllables) */
} count_rules;

/* Decides on the number [number_start, number_end) of block (len bytes);
 * year_like: the number reads as a year (4 digits, 1900–2099, no dots).
 * Returns true for a count and sets the unit's byte span. */
bool count_rules_apply(const count_rules *rules, const char *block,
                       size_t len, size_t number_start, size_t number_end,
                       bool year_like, size_t *unit_start, size_t *unit_end);

#endif /* COUNT_RULES_H */
