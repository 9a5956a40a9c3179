/*
 * count_rules — is this number a count, of how many, and of what?
 *
 * A number is a count when the words after it begin a noun phrase: a
 * counted noun or classifier from the nouns lexicon ("đảng viên", "lượt",
 * "vị"), or — with open nouns — any word that is not a unit of time, a
 * currency or a measure, not a function word, verb or pronoun, not the
 * start of a name written in lower case ("88 nguyễn văn linh") and not
 * capitalized (a capitalized unlisted word starts a name: "12 Lê Duẩn";
 * an abbreviation in capitals is a noun: "12 DN", "136 HCV").  The longer
 * reading wins where a noun starts like a unit, a function word or a
 * number word: "85 đồng phạm", "14 bị cáo", "3 triệu chứng".
 * A word multiplier between the number and the noun scales the value
 * ("3 triệu người" is 3000000, "1,2 triệu lượt" 1200000) when the noun is
 * a listed one (a sum of money often leaves its currency out: "50 triệu
 * giao cho"); without a multiplier a decimal is no count.
 *
 * It is not a count when it is the factor of a comparison ("tăng 4 lần",
 * "bằng 3 lần giá đất", "cao hơn gần 2 lần": a comparison, maybe function
 * words, the number, a noun of times; "3 lần kiểm tra" counts
 * occurrences), when the words before it make it a name, an ordinal,
 * a date part or a document number ("số 12", "lần thứ 3", "năm 2020", "Đề
 * án 02", "sáng 14", "trạm 20"), when it ends a proper name or follows an
 * acronym and no listed noun follows ("Sea Games 22", "VN 123", "QL 14";
 * but "xã Hòa Bắc 30 hộ", "UBND 12 xã"), when a number that reads as a
 * year follows a word of time ("đến 2020"), when it is one group of a
 * longer digit string or a phone number ("0236 3812 345", "(0236) 3 812
 * 345"), or when a dash joins it to the number before in a date, a span
 * of years or a code ("17 - 3 – 2004", "2016 - 2021", "COVID-19").  A dash
 * between a smaller number and it is a range ("40 - 60 chiếc", "1.500-2.000
 * mục từ"): it counts the upper number, read with the words before the
 * lower one.
 *
 * The unit runs from the first word after the number (and its multiplier)
 * to the end of its noun phrase: the lexicon noun, then lower-case
 * modifiers up to a function word, a number, a capitalized word,
 * punctuation or the word limit.  The guideline: docs/GUIDELINE.md,
 * "count".
 */
#ifndef COUNT_RULES_H
#define COUNT_RULES_H

#include "count_lexicon.h"
#include "count_number.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct count_rules {
    count_lexicon nouns;        /* counted nouns and classifiers */
    count_lexicon time_units;   /* durations, ages, times of day, lunar
                                   days: "5 năm", "28 tết" */
    count_lexicon currencies;   /* money of any country: "50 đôla" */
    count_lexicon measures;     /* measures, sea and land ones too */
    count_lexicon multipliers;  /* number words and their values */
    count_lexicon stopwords;    /* function words, verbs, pronouns */
    count_lexicon names_before; /* words that make the number a name */
    count_lexicon names_after;  /* words that start a name after a house
                                   number, written in lower case */
    count_lexicon year_before;  /* words that make a year-like number a
                                   year ("đến 2020") */
    count_lexicon factors;      /* nouns of times: "lần" */
    count_lexicon comparisons;  /* words of comparison before a number of
                                   times: "tăng", "bằng", "cao hơn" */
    bool open_nouns;       /* any other word after a number is a noun */
    size_t max_unit_words; /* longest unit, in words (syllables) */
    size_t words_before;   /* words read before a number: as many as the
                              rules and the lexicons read backwards use
                              (count_rules_prepare) */
} count_rules;

/* A number the pattern found in a block: its bytes and how it reads. */
typedef struct count_candidate {
    size_t start, end;
    count_number number;
} count_candidate;

/* What a count reads as: byte offsets in the block. */
typedef struct count_reading {
    uint64_t value;
    size_t start;                /* the number, or a range's lower end */
    size_t unit_start, unit_end; /* the counted noun phrase */
} count_reading;

/* Sets what the rules work out from their lexicons once loaded (and
 * before count_rules_apply): words_before. */
void count_rules_prepare(count_rules *rules);

/* Decides on the number `candidate` of block (len bytes); `previous` is
 * the number the pattern found before it in the block, or NULL.  Returns
 * true for a count and fills *reading. */
bool count_rules_apply(const count_rules *rules, const char *block,
                       size_t len, const count_candidate *candidate,
                       const count_candidate *previous,
                       count_reading *reading);

/* For a number written "2. 954", whose groups a dot and a space join:
 * whether the words before it show the dot ending a sentence instead
 * ("đạt chuẩn mức độ 2. 954 trẻ em …": a level, then a new sentence) —
 * a name, an ordinal, a unit or a date before the first group.  "25. 000
 * hộ dân", "trên 10. 000 người" read as one number. */
bool count_rules_dot_ends_sentence(const count_rules *rules,
                                   const char *block, size_t number_start);

#endif /* COUNT_RULES_H */
