/*
 * count_rules.c — deciding whether a number is a count; see count_rules.h.
 */
#include "count_rules.h"

/* Words read on each side: enough for the longest lexicon entry and the
 * longest unit after a multiplier. */
enum { WORDS_BEFORE = COUNT_PHRASE_MAX_WORDS, WORDS_AFTER = 12 };

static bool is_dash(int cp)
{
    return cp == '-' || cp == 0x2013 /* en dash */ || cp == 0x2014 /* em */;
}

static bool is_digit_byte(char c)
{
    return c >= '0' && c <= '9';
}

/* How many words of after there are from first on, reading until need of
 * them are (when there are): what a rule that looks at no more than need
 * words from first passes on as their number. */
static size_t words_from(count_following *after, size_t first, size_t need)
{
    size_t n = count_following_read(after, first + need);
    return n > first ? n - first : 0;
}

/* count_lexicon_match_forward() on the words of after from first on,
 * reading the words an entry needs only when one may start at first. */
static size_t match_after(const count_lexicon *lex, count_following *after,
                          size_t first, const count_entry **entry)
{
    if (words_from(after, first, 1) == 0 ||
        !count_lexicon_may_start(lex, &after->words[first]))
        return 0;
    return count_lexicon_match_forward(lex, after->words + first,
                                       words_from(after, first,
                                                  lex->max_words),
                                       entry);
}

/* The dash right before pos (spaces skipped), or -1; its start in *at. */
static int dash_before(const char *block, size_t pos, size_t *at)
{
    size_t end = count_skip_space_back(block, pos);
    int cp = end > 0 ? count_codepoint_before(block, end, at) : -1;
    return is_dash(cp) ? cp : -1;
}

/* Whether a number ends right before pos, spaces skipped. */
static bool number_ends_before(const char *block, size_t pos)
{
    size_t end = count_skip_space_back(block, pos);
    return end > 0 && is_digit_byte(block[end - 1]);
}

static bool below(const count_number *a, const count_number *b)
{
    double x = (double)a->integer, y = (double)b->integer;
    double scale = 1;
    for (unsigned i = 0; i < a->fraction_digits; i++)
        scale *= 10;
    x += (double)a->fraction / scale;
    scale = 1;
    for (unsigned i = 0; i < b->fraction_digits; i++)
        scale *= 10;
    y += (double)b->fraction / scale;
    return x < y;
}

/* A dash before the number.  Returns false when it makes the number no
 * count: a minus sign ("-1"), a dash that joins it to a word ("COVID-19",
 * "F-16"), to a year or a larger number ("2016 - 2021", "10 - 2018",
 * "17 - 3 – 2004"), to a number that is no plain one ("05-10-2018",
 * "5/10 - 20"), or to a decimal without multiplier ("0,5-1 lần": a
 * ratio).  A smaller plain number before the dash makes a range: *context
 * is then where the lower number starts, for the words before it to be
 * read; otherwise the number's own start. */
static bool read_dash_before(const char *block,
                             const count_candidate *number,
                             const count_candidate *previous,
                             bool multiplied, size_t *context)
{
    *context = number->start;
    size_t dash_start;
    if (dash_before(block, number->start, &dash_start) < 0)
        return true;
    if (!number_ends_before(block, dash_start))
        /* A sentence's dash ("… - 30 hộ dân") is set off by a space; one
         * glued to the number is a sign ("-1") or joins a code
         * ("COVID-19"). */
        return count_skip_space_back(block, number->start) != number->start;
    size_t lower_end = count_skip_space_back(block, dash_start);
    if (previous == NULL || previous->end != lower_end)
        return false;
    const count_number *lower = &previous->number;
    size_t ignored;
    /* "0,5-1 lần" is a ratio, "1,5-2 triệu người" a count. */
    if (lower->fraction_digits > 0 && !multiplied)
        return false;
    if (lower->year_like || number->number.year_like ||
        !below(lower, &number->number) ||
        (dash_before(block, previous->start, &ignored) >= 0 &&
         number_ends_before(block, ignored)))
        return false;
    *context = previous->start;
    return true;
}

/* "(0236) 3 812 345": a parenthesized area code before the number. */
static bool after_area_code(const char *block, size_t pos)
{
    size_t end = count_skip_space_back(block, pos);
    if (end == 0 || block[end - 1] != ')')
        return false;
    size_t i = end - 1, digits = 0;
    while (i > 0 && end - i < 12 &&
           (is_digit_byte(block[i - 1]) || block[i - 1] == ' ' ||
            block[i - 1] == '.' || block[i - 1] == '+')) {
        digits += is_digit_byte(block[i - 1]);
        i--;
    }
    return i > 0 && block[i - 1] == '(' && digits >= 2 &&
           (block[i] == '0' || block[i] == '+');
}

/* How many words of after from first the multipliers take ("triệu",
 * "nghìn tỷ"), their product in *multiplier (0 when it is too large a
 * count).  A number word that begins a longer counted noun is that noun's
 * first syllable, not a multiplier ("3 triệu chứng", "2 tỷ phú"). */
static size_t multiplier_words(const count_rules *rules,
                               count_following *after, size_t first,
                               uint64_t *multiplier)
{
    size_t taken = 0;
    *multiplier = 1;
    while (words_from(after, first + taken, 1) > 0) {
        const count_entry *entry = NULL;
        size_t k = match_after(&rules->multipliers, after, first + taken,
                               &entry);
        if (k == 0 ||
            match_after(&rules->nouns, after, first + taken, NULL) > k)
            break;
        taken += k;
        if (*multiplier > COUNT_VALUE_MAX / entry->value) {
            *multiplier = 0;
            break;
        }
        *multiplier *= entry->value;
    }
    return taken;
}

/* The value of the number and the multipliers after it, compounds
 * included ("3 triệu 500 nghìn" is 3500000); *used: the words they take.
 * Returns false when it is no whole count: a decimal without multiplier
 * ("2,5 người"), a fraction of a unit, or too large. */
static bool scaled_value(const count_rules *rules, const char *block,
                         const count_number *number, count_following *after,
                         uint64_t *value, size_t *used)
{
    const count_word *words = after->words;
    uint64_t multiplier;
    size_t taken = multiplier_words(rules, after, 0, &multiplier);
    if (!count_number_scale(number, multiplier, value))
        return false;
    if (taken == 0) {
        *used = 0;
        return number->fraction_digits == 0;
    }
    while (words_from(after, taken, 2) >= 2 && words[taken].is_number) {
        count_number part;
        uint64_t smaller, part_value;
        size_t k = multiplier_words(rules, after, taken + 1, &smaller);
        if (k == 0 || smaller == 0 || smaller >= multiplier ||
            !count_number_parse(block + words[taken].start,
                                words[taken].end - words[taken].start,
                                &part) ||
            part.fraction_digits != 0 ||
            !count_number_scale(&part, smaller, &part_value) ||
            part_value >= multiplier || part_value > COUNT_VALUE_MAX - *value)
            break;
        *value += part_value;
        multiplier = smaller;
        taken += 1 + k;
    }
    *used = taken;
    return true;
}

/* Function words that may stand between a comparison and its factor
 * ("tăng lên gần 5 lần"). */
enum { COMPARISON_MAX_GAP = 2 };

/* Whether a noun of times after the number (phrase) makes it the factor
 * of a comparison: a word of comparison stands before it (from context),
 * or before function words before it ("tăng 4 lần", "tăng gần 6 lần",
 * "cao hơn 2 lần"); not in "tăng cường 4 lần tuần tra". */
static bool is_factor(const count_rules *rules, const char *block,
                      size_t context, count_following *after,
                      size_t phrase)
{
    if (match_after(&rules->factors, after, phrase, NULL) == 0)
        return false;
    count_word before[WORDS_BEFORE];
    size_t n = count_words_before(block, context, before,
                                  rules->words_before);
    for (size_t gap = 0; gap <= COMPARISON_MAX_GAP && gap < n; gap++) {
        if (count_lexicon_match_backward(&rules->comparisons, before + gap,
                                         n - gap, NULL) > 0)
            return true;
        if (count_lexicon_match_forward(&rules->stopwords, before + gap, 1,
                                        NULL) == 0)
            return false;
    }
    return false;
}

/* Whether the words before the number (from context) make it a name, an
 * ordinal, a date part or a document number, or a year-like number a
 * year.  listed: a listed counted noun follows the number. */
static bool named_by_words_before(const count_rules *rules, const char *block,
                                  size_t context, bool year_like, bool listed)
{
    count_word before[WORDS_BEFORE];
    size_t n = count_words_before(block, context, before,
                                  rules->words_before);
    /* A digit group ("0236 3812 345"), or a code ("VN 123 hạ cánh", "QL
     * 14 đoạn qua") unless a counted noun follows ("UBND 12 xã"). */
    if (n > 0 && (before[0].is_number || (before[0].acronym && !listed)))
        return true;
    /* The tail of a compound number: "3 triệu 500 nghìn". */
    if (n > 1 && before[1].is_number &&
        count_lexicon_match_forward(&rules->multipliers, before, 1, NULL) > 0)
        return true;
    /* The end of a proper name ("Sea Games 22", "tàu Hoàng Đạt 35 cập
     * cảng"): a capitalized word inside a phrase, unless a counted noun
     * follows ("xã Hòa Bắc 30 hộ"). */
    if (n > 1 && before[0].capitalized && !listed)
        return true;
    if (year_like && count_lexicon_match_backward(&rules->year_before, before,
                                                  n, NULL) > 0)
        return true;
    const count_entry *entry = NULL;
    size_t k = count_lexicon_match_backward(&rules->names_before, before, n,
                                            &entry);
    return k > 0 && !entry->exception;
}

/* The longest unit of time, currency or measure starting at words[0]. */
static size_t excluded_unit_words(const count_rules *rules,
                                  const count_word *words, size_t n)
{
    const count_lexicon *classes[] = {&rules->time_units, &rules->currencies,
                                      &rules->measures};
    size_t longest = 0;
    for (size_t i = 0; i < sizeof classes / sizeof *classes; i++) {
        size_t k = count_lexicon_match_forward(classes[i], words, n, NULL);
        if (k > longest)
            longest = k;
    }
    return longest;
}

/* excluded_unit_words() of the words of after from first on. */
static size_t excluded_unit_words_after(const count_rules *rules,
                                        count_following *after, size_t first)
{
    const count_lexicon *classes[] = {&rules->time_units, &rules->currencies,
                                      &rules->measures};
    size_t longest = 0;
    for (size_t i = 0; i < sizeof classes / sizeof *classes; i++) {
        size_t k = match_after(classes[i], after, first, NULL);
        if (k > longest)
            longest = k;
    }
    return longest;
}

/* An abbreviation that can head a counted noun phrase: two to five
 * capital letters and nothing else ("HCV", "DN", "HTX", "ĐBQH"), not the
 * first part of a code ("QĐ-UBND", "CT/TW").  Units of money and measure
 * written in capitals ("USD", "MW") are excluded before this is asked. */
static bool is_counted_abbreviation(const count_word *word)
{
    if (!word->acronym || word->joined)
        return false;
    size_t letters = 0;
    for (const unsigned char *p = (const unsigned char *)word->folded;
         *p != '\0'; p++) {
        if (*p >= '0' && *p <= '9')
            return false;
        letters += (*p & 0xC0) != 0x80; /* not a continuation byte */
    }
    return letters >= 2 && letters <= 5;
}

/* How many words of after from phrase on the counted noun takes: 0 when
 * the first word does not start a counted noun phrase.  *listed: it is a
 * listed noun. */
static size_t head_noun_words(const count_rules *rules,
                              count_following *after, size_t phrase,
                              bool year_like, bool *listed)
{
    *listed = false;
    const count_word *words = after->words + phrase;
    if (words_from(after, phrase, 1) == 0 || words[0].is_number)
        return 0;
    size_t noun = match_after(&rules->nouns, after, phrase, NULL);
    size_t unit = excluded_unit_words_after(rules, after, phrase);
    size_t stop = match_after(&rules->stopwords, after, phrase, NULL);
    size_t name = match_after(&rules->names_after, after, phrase, NULL);
    /* The longer reading wins: "đồng chí" is people, "đồng" money. */
    if (noun > 0 && noun > unit && noun >= stop && noun > name) {
        *listed = true;
        return noun;
    }
    if (unit > 0 || stop > 0 || name > 0)
        return 0;
    /* An unlisted word.  A year followed by a word nobody counts is a date
     * the date words around it did not announce ("Đến 2020 phấn đấu").  A
     * capitalized one starts a name ("tại 12 Lê Duẩn", "Km 15 Quốc lộ"):
     * counted nouns are common nouns, and the few that head a body's name
     * ("03 Đoàn giám sát") are listed.  An abbreviation in capitals is a
     * common noun shortened ("136 HCV", "12 DN", "30 CSGT"), not a name. */
    if (!rules->open_nouns || year_like || words[0].folded[0] == '\0')
        return 0;
    if (words[0].capitalized && !is_counted_abbreviation(&words[0]))
        return 0;
    return 1;
}

/* Where the noun phrase that starts with `head` words ends: lower-case
 * modifiers follow until a function word, a date or measure, a number, a
 * capitalized word (an organization name after the noun) or the word
 * limit. */
static size_t unit_words(const count_rules *rules, count_following *after,
                         size_t phrase, size_t head)
{
    size_t taken = head;
    while (taken < rules->max_unit_words &&
           words_from(after, phrase + taken, 1) > 0) {
        size_t at = phrase + taken;
        const count_word *next = &after->words[at];
        if (next->is_number || next->capitalized || next->folded[0] == '\0')
            break;
        if (match_after(&rules->stopwords, after, at, NULL) > 0)
            break;
        /* A unit word followed by a number starts a date or a measure
         * ("200 hộ năm 2019"); alone it is usually the last syllable of
         * a compound ("15 hợp đồng", "cộng đồng"). */
        size_t unit = excluded_unit_words_after(rules, after, at);
        if (unit > 0 && words_from(after, at, unit + 1) > unit &&
            next[unit].is_number)
            break;
        taken++;
    }
    return taken;
}

bool count_rules_dot_ends_sentence(const count_rules *rules,
                                   const char *block, size_t number_start)
{
    count_word before[WORDS_BEFORE];
    size_t n = count_words_before(block, number_start, before,
                                  rules->words_before);
    if (n == 0)
        return false;
    const count_entry *entry = NULL;
    size_t named = count_lexicon_match_backward(&rules->names_before, before,
                                                n, &entry);
    return before[0].is_number || before[0].acronym ||
           (n > 1 && before[0].capitalized) ||
           excluded_unit_words(rules, before, 1) > 0 ||
           (named > 0 && !entry->exception);
}

bool count_rules_apply(const count_rules *rules, const char *block,
                       size_t len, const count_candidate *candidate,
                       const count_candidate *previous,
                       count_reading *reading)
{
    /* The words after the number are read as the rules look at them:
     * most numbers are followed by punctuation or another number, or
     * decided by a word or two. */
    count_word words[WORDS_AFTER];
    count_following after;
    count_following_start(&after, block, len, candidate->end, words,
                          WORDS_AFTER);
    if (count_following_read(&after, 1) == 0 || words[0].is_number)
        return false;
    uint64_t value;
    size_t used;
    if (!scaled_value(rules, block, &candidate->number, &after, &value,
                      &used))
        return false;
    const count_word *phrase = words + used;
    bool year_like = candidate->number.year_like && used == 0;
    bool listed;
    size_t head = head_noun_words(rules, &after, used, year_like, &listed);
    /* "hơn 50 triệu giao cho …": after a multiplier the currency is
     * often left out, so only a listed noun makes the sum a count. */
    if (used > 0 && !listed)
        return false;
    size_t context;
    if (head == 0 ||
        !read_dash_before(block, candidate, previous, used > 0, &context) ||
        named_by_words_before(rules, block, context, year_like, listed) ||
        after_area_code(block, context) ||
        is_factor(rules, block, context, &after, used))
        return false;
    /* An abbreviation is a whole noun phrase shortened ("HTX" is "hợp tác
     * xã"): what follows it is more often the verb ("20 ĐBQH chất vấn"). */
    size_t taken = !listed && phrase[0].acronym
                       ? head
                       : unit_words(rules, &after, used, head);
    reading->value = value;
    reading->start = context;
    reading->unit_start = phrase[0].start;
    reading->unit_end = phrase[taken - 1].end;
    return true;
}

void count_rules_prepare(count_rules *rules)
{
    /* Two words for the rules' own looks (a digit group, an acronym, the
     * end of a name), the longest entry read backwards, and a comparison
     * up to COMPARISON_MAX_GAP function words away from the number. */
    size_t need = 2;
    if (rules->names_before.max_words > need)
        need = rules->names_before.max_words;
    if (rules->year_before.max_words > need)
        need = rules->year_before.max_words;
    if (COMPARISON_MAX_GAP + rules->comparisons.max_words > need)
        need = COMPARISON_MAX_GAP + rules->comparisons.max_words;
    rules->words_before = need < WORDS_BEFORE ? need : WORDS_BEFORE;
}
