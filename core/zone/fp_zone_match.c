/* Line and element tests built on the loaded cues. */
#include "fp_pubdate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int zone_matcher_init(zone_matcher *m, const fp_zone_rules *rules,
                      fp_error *err)
{
    m->rules = rules;
    /* Enough pairs for every capture group of the built-in patterns and
     * of all date forms in one pattern (18). */
    m->match = pcre2_match_data_create(20, NULL);
    if (!m->match)
        return fp_error_set(err, "zoning: out of memory");
    return 0;
}

void zone_matcher_free(zone_matcher *m)
{
    pcre2_match_data_free(m->match);
    m->match = NULL;
}

static bool run_pattern(zone_matcher *m, const pcre2_code *re, zone_span line,
                        size_t offset)
{
    if (!re)
        return false;
    /* Errors (match limit hit) count as no match: zoning must not fail a
     * document because one line is pathological. */
    return pcre2_match(re, (PCRE2_SPTR)line.s, line.len, offset, 0, m->match,
                       m->rules->match_context) > 0;
}

/* Can a cue of an anchored section start this line?  Skips the leading
 * ASCII separators and looks at the next byte; false only when that is an
 * ASCII character no cue begins with (or there is none), which PCRE2 would
 * refuse too.  Anything unusual (a non-ASCII character, a control byte) is
 * left to PCRE2. */
static bool cue_may_start(const fp_zone_rules *rules, zone_section section,
                          zone_span line)
{
    if (!rules->cue_start_screened[section])
        return true;
    for (size_t i = 0; i < line.len; i++) {
        unsigned char c = (unsigned char)line.s[i];
        if (zone_ascii_filler(c))
            continue;
        if (c >= 0x80 || c < 0x20 || c == 0x7F)
            return true;
        return rules->cue_may_start_with[section][c];
    }
    return false; /* separators only: no cue to match */
}

bool zone_line_matches(zone_matcher *m, zone_section section, zone_span line,
                       size_t *match_end)
{
    if (!cue_may_start(m->rules, section, line) ||
        !run_pattern(m, m->rules->section_pattern[section], line, 0))
        return false;
    if (match_end)
        *match_end = pcre2_get_ovector_pointer(m->match)[1];
    return true;
}

bool zone_pattern_matches(zone_matcher *m, zone_pattern pattern,
                          zone_span line)
{
    return run_pattern(m, m->rules->pattern[pattern], line, 0);
}

static bool is_part_separator(char c)
{
    return c == '-' || c == '_';
}

/* Words are split at spaces and tabs, and into parts at '-' and '_'. */
static bool is_word_gap(char c)
{
    return c == ' ' || c == '\t';
}

/* The sections (of those wanted) of the cues in [from, to) that start at
 * s and end where a part of its word ends. */
static unsigned cues_ending_part_at(const fp_zone_rules *rules,
                                    unsigned wanted, const char *s,
                                    size_t from, size_t to)
{
    unsigned found = 0;
    for (size_t i = from; i < to; i++) {
        unsigned sections = rules->element_cue_sections[i] & wanted;
        if (!sections)
            continue;
        const char *cue = rules->element_cues[i];
        size_t cue_len = rules->element_cue_len[i];
        /* Most candidates differ in their third byte.  No cue holds a NUL,
         * so the comparison stops at the string's end. */
        size_t k = 0;
        while (k < cue_len && s[k] == cue[k])
            k++;
        if (k == cue_len && (s[k] == '\0' || is_word_gap(s[k]) ||
                             is_part_separator(s[k])))
            found |= sections;
    }
    return found;
}

/* The sections (of those wanted) with a cue starting at s (where a part
 * of a word starts) and ending where a part ends: only the cues starting
 * with the same two bytes, or the one-byte cue of that byte, can. */
static unsigned cues_starting_at(const fp_zone_rules *rules, unsigned wanted,
                                 const char *s)
{
    int a = zone_cue_byte_class((unsigned char)s[0]);
    if (a < 0)
        return 0;
    int b = zone_cue_byte_class((unsigned char)s[1]); /* -1 at the NUL */
    unsigned found = cues_ending_part_at(rules, wanted, s,
                                         rules->element_cue_from[a][0],
                                         rules->element_cue_to[a][0]);
    if (b > 0)
        found |= cues_ending_part_at(rules, wanted, s,
                                     rules->element_cue_from[a][b],
                                     rules->element_cue_to[a][b]);
    return found;
}

unsigned zone_cue_sections(const fp_zone_rules *rules, const char *cues,
                           unsigned wanted)
{
    unsigned found = 0;
    if (!cues)
        return 0;
    wanted &= (1u << ZS_N_CLASS_SECTIONS) - 1;
    /* A cue is a run of whole parts: try it only where a part starts (the
     * string's first byte, or one right after a gap, '-' or '_'). */
    const char *p = cues;
    while (*p && found != wanted) {
        if (!is_word_gap(*p))
            found |= cues_starting_at(rules, wanted & ~found, p);
        p += strcspn(p, " \t-_"); /* to the part's end */
        if (*p)
            p++;
    }
    return found;
}

bool zone_cues_match(const fp_zone_rules *rules, zone_section section,
                     const char *cues)
{
    return section < ZS_N_CLASS_SECTIONS &&
           zone_cue_sections(rules, cues, 1u << section) != 0;
}

void zone_cue_memo_init(zone_cue_memo *memo, const fp_zone_rules *rules,
                        unsigned wanted)
{
    memset(memo, 0, sizeof *memo);
    memo->rules = rules;
    memo->wanted = wanted;
}

unsigned zone_cue_memo_sections(zone_cue_memo *memo, const char *cues)
{
    if (!cues)
        return 0;
    /* The strings are short: a multiplicative hash in one pass, without
     * their length first, costs a fraction of looking them up. */
    size_t hash = 0;
    for (const char *c = cues; *c; c++)
        hash = hash * 31 + (unsigned char)*c;
    size_t slot = hash & (ZONE_CUE_MEMO_SLOTS - 1);
    if (!memo->key[slot] || strcmp(memo->key[slot], cues) != 0) {
        memo->key[slot] = cues;
        memo->sections[slot] =
            zone_cue_sections(memo->rules, cues, memo->wanted);
    }
    return memo->sections[slot];
}

bool zone_find_date(zone_matcher *m, zone_span line, char iso[11])
{
    pubdate_match found;
    if (!pubdate_find_in_text(m, line, 0, 0, &found))
        return false;
    snprintf(iso, 11, "%04d-%02d-%02d", found.when.year, found.when.month,
             found.when.day);
    return true;
}

/* White space that scraped pages put on otherwise empty lines. */
static size_t space_len(const char *s, size_t left)
{
    unsigned char c = (unsigned char)s[0];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v')
        return 1;
    if (left >= 2 && c == 0xC2 && (unsigned char)s[1] == 0xA0)
        return 2; /* NBSP */
    if (left >= 3 && c == 0xE2 && (unsigned char)s[1] == 0x80 &&
        ((unsigned char)s[2] == 0x8B || (unsigned char)s[2] == 0xAF ||
         ((unsigned char)s[2] >= 0x80 && (unsigned char)s[2] <= 0x8A)))
        return 3; /* zero-width and typographic spaces */
    if (left >= 3 && c == 0xEF && (unsigned char)s[1] == 0xBB &&
        (unsigned char)s[2] == 0xBF)
        return 3; /* BOM */
    if (left >= 3 && c == 0xE3 && (unsigned char)s[1] == 0x80 &&
        (unsigned char)s[2] == 0x80)
        return 3; /* ideographic space */
    return 0;
}

zone_span zone_trim(zone_span line)
{
    size_t n;
    while (line.len && (n = space_len(line.s, line.len)) > 0) {
        line.s += n;
        line.len -= n;
    }
    for (;;) {
        /* Every space ends in an ASCII space or in a byte of a multi-byte
         * character: a line ending in any other ASCII byte has no space
         * left to cut. */
        unsigned char last =
            line.len ? (unsigned char)line.s[line.len - 1] : 0;
        if (last < 0x80 && space_len((const char *)&last, 1) == 0)
            break;
        size_t cut = 0;
        for (size_t k = 1; k <= 3 && k <= line.len; k++)
            if (space_len(line.s + line.len - k, k) == k)
                cut = k;
        if (!cut)
            break;
        line.len -= cut;
    }
    return line;
}

bool zone_is_blank(zone_span line)
{
    return zone_trim(line).len == 0;
}

bool zone_is_digit_counter(zone_span line)
{
    line = zone_trim(line);
    size_t groups = 0;
    bool in_group = false;
    for (size_t i = 0; i < line.len; i++) {
        char c = line.s[i];
        if (c >= '0' && c <= '9') {
            if (!in_group)
                groups++;
            in_group = true;
        } else if (c == ' ' || c == '\t') {
            in_group = false;
        } else {
            return false;
        }
    }
    /* "1 8 1 6 5 2 6 7": a counter drawn digit by digit.  A lone number
     * ("2018", a table cell) is not. */
    return groups >= 3;
}

bool zone_is_percent_widget(zone_span line)
{
    size_t percents = 0, glued = 0;
    if (line.len == 0)
        return false;
    /* memchr: most lines have no '%' at all and are passed over at once. */
    const char *end = line.s + line.len;
    for (const char *at = line.s;
         (at = memchr(at, '%', (size_t)(end - at))) != NULL; at++) {
        size_t i = (size_t)(at - line.s);
        percents++;
        if (i + 1 < line.len) {
            unsigned char next = (unsigned char)line.s[i + 1];
            /* A statistics widget scraped to text runs its figures and
             * labels together: "56.6 %37.2 %Sớm". Prose puts a space or
             * punctuation after a percentage. */
            if ((next >= '0' && next <= '9') || next >= 0x80 ||
                (next >= 'A' && next <= 'Z') || (next >= 'a' && next <= 'z'))
                glued++;
        }
    }
    return percents >= 3 && glued >= 2;
}

/* Sentence punctuation of scripts that do not use ASCII's: the
 * ideographic comma and full stop, the full-width forms of , . ! ? : ;,
 * the Arabic comma and question mark, the Devanagari danda. */
static const char *const wide_sentence_punct[] = {
    "\xE3\x80\x81", "\xE3\x80\x82", "\xEF\xBC\x8C", "\xEF\xBC\x8E",
    "\xEF\xBC\x81", "\xEF\xBC\x9F", "\xEF\xBC\x9A", "\xEF\xBC\x9B",
    "\xD8\x8C",      "\xD8\x9F",      "\xE0\xA5\xA4",
};

/* Per byte: 1 for ASCII sentence punctuation, 2 for the lead bytes of the
 * wide forms above, 0 for the rest. */
static const unsigned char punct_class[256] = {
    [','] = 1, ['.'] = 1, [';'] = 1, ['!'] = 1, ['?'] = 1, [':'] = 1,
    [0xD8] = 2, [0xE0] = 2, [0xE3] = 2, [0xEF] = 2,
};

bool zone_has_sentence_punct(zone_span line)
{
    /* Most lines asked hold a comma or a full stop: memchr finds one far
     * faster than the byte-by-byte look at every kind below. */
    if (memchr(line.s, ',', line.len) || memchr(line.s, '.', line.len))
        return true;
    const unsigned char *s = (const unsigned char *)line.s;
    for (size_t i = 0; i < line.len; i++) {
        unsigned char c = punct_class[s[i]];
        if (c == 1)
            return true;
        if (c == 0)
            continue;
        size_t n_wide = sizeof wide_sentence_punct / sizeof *wide_sentence_punct;
        for (size_t k = 0; k < n_wide; k++) {
            size_t n = strlen(wide_sentence_punct[k]);
            if (i + n <= line.len &&
                memcmp(s + i, wide_sentence_punct[k], n) == 0)
                return true;
        }
    }
    return false;
}

bool zone_ends_sentence(zone_span line)
{
    line = zone_trim(line);
    /* Closing quotes and brackets may follow the stop. */
    while (line.len > 0 && (line.s[line.len - 1] == '"' ||
                            line.s[line.len - 1] == ')' ||
                            line.s[line.len - 1] == '\''))
        line.len--;
    if (line.len >= 3 && memcmp(line.s + line.len - 3, "\xE2\x80\x9D", 3) == 0)
        line.len -= 3; /* ” */
    if (line.len == 0)
        return false;
    char c = line.s[line.len - 1];
    if (c == '.' || c == '!' || c == '?')
        return true;
    /* 。！？ and the full-width stop. */
    static const char *const wide_stops[] = {"\xE3\x80\x82", "\xEF\xBC\x81",
                                             "\xEF\xBC\x9F", "\xEF\xBC\x8E"};
    for (size_t k = 0; k < sizeof wide_stops / sizeof *wide_stops; k++)
        if (line.len >= 3 &&
            memcmp(line.s + line.len - 3, wide_stops[k], 3) == 0)
            return true;
    return false;
}

bool zone_is_chrome_line(zone_matcher *m, zone_span line)
{
    return zone_line_matches(m, ZS_CHROME_LINE, line, NULL) ||
           zone_line_matches(m, ZS_CHROME_PREFIX, line, NULL) ||
           zone_line_matches(m, ZS_COUNTER, line, NULL) ||
           zone_is_digit_counter(line) || zone_is_percent_widget(line);
}

bool zone_is_end_of_article(zone_matcher *m, zone_span line)
{
    return zone_line_matches(m, ZS_END_OF_ARTICLE, line, NULL);
}

bool zone_is_related_heading(zone_matcher *m, zone_span line)
{
    return zone_line_matches(m, ZS_RELATED_HEADING, line, NULL);
}

/* Date lines are short: a long line starting "Thứ Hai, ..." is prose. */
enum { ZONE_DATELINE_MAX_BYTES = 200, ZONE_BYLINE_MAX_BYTES = 120 };

bool zone_is_dateline(zone_matcher *m, zone_span line, char iso[11])
{
    line = zone_trim(line);
    /* Digits first: most lines hold no date, and the cues are many. */
    return line.len <= ZONE_DATELINE_MAX_BYTES && pubdate_may_hold_date(line) &&
           zone_line_matches(m, ZS_DATELINE, line, NULL) &&
           zone_find_date(m, line, iso);
}

fp_zone_kind zone_dateline_zone(zone_matcher *m, zone_span line)
{
    return run_pattern(m, m->rules->counter_inside, line, 0)
               ? FP_ZONE_CHROME
               : FP_ZONE_DATELINE;
}

/* A question or an exclamation, maybe quoted: what someone says. */
static bool ends_as_speech(zone_span line)
{
    while (line.len > 0 && (line.s[line.len - 1] == '"' ||
                            line.s[line.len - 1] == '\''))
        line.len--;
    if (line.len >= 3 && memcmp(line.s + line.len - 3, "\xE2\x80\x9D", 3) == 0)
        line.len -= 3; /* ” */
    return line.len > 0 &&
           (line.s[line.len - 1] == '?' || line.s[line.len - 1] == '!');
}

bool zone_is_byline_cue(zone_matcher *m, zone_span line)
{
    line = zone_trim(line);
    size_t end;
    /* An interview's "PV: Thưa ông, …?" is the reporter's question, not
     * the reporter's name: an author line asks and exclaims nothing. */
    if (line.len > ZONE_BYLINE_MAX_BYTES || ends_as_speech(line) ||
        !zone_line_matches(m, ZS_BYLINE, line, &end))
        return false;
    /* A cue that is a word ("By", "PV") names an author, not a word in
     * small letters or a number after it: "By Thu Lan", not "By then,
     * ..." or "By 2030, ...". */
    unsigned char last = (unsigned char)line.s[end - 1];
    if (!((last | 0x20) >= 'a' && (last | 0x20) <= 'z'))
        return true;
    while (end < line.len && line.s[end] == ' ')
        end++;
    unsigned char next = end < line.len ? (unsigned char)line.s[end] : ' ';
    return !((next >= 'a' && next <= 'z') || (next >= '0' && next <= '9'));
}

bool zone_is_person_name(zone_matcher *m, zone_span line)
{
    line = zone_trim(line);
    return line.len > 0 && line.len <= ZONE_BYLINE_MAX_BYTES &&
           zone_pattern_matches(m, ZP_PERSON_NAME, line);
}
