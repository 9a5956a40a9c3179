/*
 * count_rules.c — deciding whether a number is a count; see count_rules.h.
 */
#include "count_rules.h"

/* Words read on each side: enough for the longest lexicon entry and the
 * longest unit. */
enum { WORDS_BEFORE = COUNT_PHRASE_MAX_WORDS, WORDS_AFTER = 12 };

/* "2016 - 2021 …": the later year of a span.  Also "10 - 2018": a year
 * beside another number is never a count. */
static bool ends_a_year_span(const char *block, size_t number_start,
                             bool year_like)
{
    size_t before = count_skip_space_back(block, number_start);
    size_t dash_start;
    int cp = before > 0 ? count_codepoint_before(block, before, &dash_start)
                        : -1;
    if (cp != '-' && cp != 0x2013 /* en dash */ && cp != 0x2014 /* em */)
        return false;
    count_word previous;
    if (count_words_before(block, dash_start, &previous, 1) == 0 ||
        !previous.is_number)
        return false;
    size_t digits = 0;
    for (size_t i = previous.start; i < previous.end; i++)
        digits += block[i] >= '0' && block[i] <= '9';
    bool previous_is_year = digits == 4 && previous.end - previous.start == 4 &&
                            (block[previous.start] == '1' ||
                             block[previous.start] == '2');
    return year_like || previous_is_year;
}

/* Whether the words before the number make it a name, an ordinal, a date
 * part or a document number, or make a year-like number a year. */
static bool named_by_words_before(const count_rules *rules, const char *block,
                                  size_t number_start, bool year_like)
{
    count_word before[WORDS_BEFORE];
    size_t n = count_words_before(block, number_start, before, WORDS_BEFORE);
    /* A digit group ("0236 3812 345") or a code ("VN 123", "QL 14"). */
    if (n > 0 && (before[0].is_number || before[0].acronym))
        return true;
    if (year_like && count_lexicon_match_backward(&rules->year_before, before,
                                                  n, NULL) > 0)
        return true;
    const count_entry *entry = NULL;
    size_t k = count_lexicon_match_backward(&rules->names_before, before, n,
                                            &entry);
    return k > 0 && !entry->exception;
}

/* How many words of words[0..n) the counted noun takes: 0 when the first
 * word does not start a counted noun phrase. */
static size_t head_noun_words(const count_rules *rules,
                              const count_word *words, size_t n,
                              bool year_like)
{
    if (n == 0 || words[0].is_number)
        return 0;
    size_t noun = count_lexicon_match_forward(&rules->nouns, words, n, NULL);
    size_t unit = count_lexicon_match_forward(&rules->excluded_units, words,
                                              n, NULL);
    size_t stop = count_lexicon_match_forward(&rules->stopwords, words, n,
                                              NULL);
    /* The longer reading wins: "đồng chí" is people, "đồng" money. */
    if (noun > 0 && noun > unit && noun >= stop)
        return noun;
    if (unit > 0 || stop > 0)
        return 0;
    /* An unlisted word.  A year followed by a word nobody counts is a date
     * the date words around it did not announce ("Đến 2020 phấn đấu").  A
     * capitalized one starts a name ("tại 12 Lê Duẩn", "Km 15 Quốc lộ"):
     * counted nouns are common nouns, and the few that head a body's name
     * ("03 Đoàn giám sát") are listed. */
    if (!rules->open_nouns || year_like || words[0].capitalized ||
        words[0].folded[0] == '\0')
        return 0;
    return 1;
}

/* Where the noun phrase that starts with `head` words ends: lower-case
 * modifiers follow until a function word, a date or measure, a number, a
 * capitalized word (an organization name after the noun) or the word
 * limit. */
static size_t unit_words(const count_rules *rules, const count_word *words,
                         size_t n, size_t head)
{
    size_t taken = head;
    while (taken < n && taken < rules->max_unit_words) {
        const count_word *next = &words[taken];
        if (next->is_number || next->capitalized || next->folded[0] == '\0')
            break;
        size_t rest = n - taken;
        if (count_lexicon_match_forward(&rules->stopwords, next, rest,
                                        NULL) > 0)
            break;
        /* A unit word followed by a number starts a date or a measure
         * ("200 hộ năm 2019"); alone it is usually the last syllable of
         * a compound ("15 hợp đồng", "cộng đồng"). */
        size_t unit = count_lexicon_match_forward(&rules->excluded_units,
                                                  next, rest, NULL);
        if (unit > 0 && unit < rest && next[unit].is_number)
            break;
        taken++;
    }
    return taken;
}

bool count_rules_apply(const count_rules *rules, const char *block,
                       size_t len, size_t number_start, size_t number_end,
                       bool year_like, size_t *unit_start, size_t *unit_end)
{
    count_word after[WORDS_AFTER];
    size_t n = count_words_after(block, len, number_end, after, WORDS_AFTER);
    size_t head = head_noun_words(rules, after, n, year_like);
    if (head == 0)
        return false;
    if (named_by_words_before(rules, block, number_start, year_like) ||
        ends_a_year_span(block, number_start, year_like))
        return false;
    size_t taken = unit_words(rules, after, n, head);
    *unit_start = after[0].start;
    *unit_end = after[taken - 1].end;
    return true;
}
