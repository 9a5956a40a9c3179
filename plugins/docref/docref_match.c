/*
 * docref_match.c — find the references in one block and emit them.
 * See docref.c for the rules and docref_match.h for the patterns.
 */
#include "docref_match.h"

#include <factpipe/utf8.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "Quyết định 1, 2, … 16-QĐ/TW": more numbers than this after one type
 * are left to the next match. */
enum { MAX_LIST = 16 };

/* Search windows closer than this are merged (see find_reference), into
 * one of at most WINDOW_MERGE_BYTES: each search looks at most that far
 * ahead of the reference it finds, so a block dense with references
 * costs linear time, not the whole rest of the block per reference. */
enum { WINDOW_GAP_BYTES = 32, WINDOW_MERGE_BYTES = 512 };

/* One document number of a list, as byte offsets into the block. */
typedef struct listed_number {
    size_t ref_start;        /* the fact's start: the type for the first */
    size_t start, end;       /* the number itself */
    bool bare;               /* no code: "217" */
} listed_number;

/* The block being matched, for error messages and emits. */
typedef struct block_view {
    const fp_document *doc;
    size_t index;
    const char *text;
    size_t len, offset; /* bytes, and where the block starts in the text */
} block_view;

static bool is_set(const PCRE2_SIZE *ovector, uint32_t group)
{
    return group != 0 && ovector[2 * group] != PCRE2_UNSET;
}

/* pcre2_match under context (the instance's limits, or a copy with an
 * offset limit); returns 1 match, 0 no match, FP_ERROR (reported) on any
 * matcher error, never "no match" (<factpipe/regex.h>). */
static int match_in(const pcre2_code *code, const block_view *b, size_t from,
                    pcre2_match_data *match_data,
                    pcre2_match_context *context, const fp_host *host)
{
    int rc = pcre2_match(code, (PCRE2_SPTR)b->text, b->len, from, 0,
                         match_data, context);
    if (rc == PCRE2_ERROR_NOMATCH)
        return 0;
    if (rc < 0)
        return fp_regex_match_error(host, rc, b->doc, b->index);
    return 1;
}

/* match_in() with the instance's limits. */
static int match(const docref_matcher *m, const pcre2_code *code,
                 const block_view *b, size_t from,
                 pcre2_match_data *match_data, const fp_host *host)
{
    return match_in(code, b, from, match_data, m->limits, host);
}

/* The number a match captured in groups g. */
static listed_number number_at(const PCRE2_SIZE *ovector,
                               docref_number_groups g)
{
    uint32_t which = is_set(ovector, g.coded) ? g.coded : g.bare;
    listed_number n = {ovector[2 * which], ovector[2 * which],
                       ovector[2 * which + 1], which == g.bare};
    return n;
}

/* Appends the numbers listed after the first: ", 218-QĐ/TW và 219". */
static int read_list(const docref_matcher *m, const block_view *b,
                     pcre2_match_data *match_data, listed_number *list,
                     size_t *n, const fp_host *host)
{
    const PCRE2_SIZE *ovector = pcre2_get_ovector_pointer(match_data);
    while (*n < MAX_LIST) {
        int rc = match(m, m->continuation, b, list[*n - 1].end,
                       match_data, host);
        if (rc != 1)
            return rc;
        list[(*n)++] = number_at(ovector, m->next);
    }
    return 0;
}

static int days_in_month(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

static int group_int(const block_view *b, const PCRE2_SIZE *ovector,
                     uint32_t group)
{
    int value = 0;
    for (size_t i = ovector[2 * group]; i < ovector[2 * group + 1]; i++)
        value = value * 10 + (b->text[i] - '0');
    return value;
}

/* "ngày 15/01/2019" right after `from`, as ISO 8601 in iso[11]; "" when
 * there is none or it is not a calendar date. */
static int read_date(const docref_matcher *m, const block_view *b,
                     size_t from, pcre2_match_data *match_data, char *iso,
                     const fp_host *host)
{
    iso[0] = '\0';
    int rc = match(m, m->date, b, from, match_data, host);
    if (rc != 1)
        return rc;
    const PCRE2_SIZE *ovector = pcre2_get_ovector_pointer(match_data);
    bool digits = is_set(ovector, m->day);
    int day = group_int(b, ovector, digits ? m->day : m->day_words);
    int month = group_int(b, ovector, digits ? m->month : m->month_words);
    int year = group_int(b, ovector, digits ? m->year : m->year_words);
    if (month >= 1 && month <= 12 && day >= 1 &&
        day <= days_in_month(year, month) && year >= 1900 && year <= 2099)
        snprintf(iso, 11, "%04u-%02u-%02u", (unsigned)year % 10000u,
                 (unsigned)month % 100u, (unsigned)day % 100u);
    return 0;
}

/* Where the code of a numbered reference starts: "-QĐ/TW" of 217-QĐ/TW. */
static size_t code_start(const block_view *b, const listed_number *n)
{
    size_t i = n->start;
    while (i < n->end && b->text[i] >= '0' && b->text[i] <= '9')
        i++;
    return i;
}

static int emit_reference(const block_view *b, size_t start, size_t end,
                          const char *value, const char *type,
                          const char *date, const fp_host *host)
{
    fp_attr attrs[2] = {{"type", type}, {"date", date}};
    fp_fact fact = {
        .struct_size = (uint32_t)sizeof fact,
        .kind = NULL,
        .start = b->offset + start,
        .end = b->offset + end,
        .value = value,
        .attrs = attrs,
        .n_attrs = date[0] != '\0' ? 2 : 1,
    };
    if (fp_emit(host, &fact) != FP_OK)
        return fp_errorf(host, "the host refused reference '%s' at bytes "
                         "%zu-%zu", value, fact.start, fact.end);
    return FP_OK;
}

/* Emits list[0..n): a bare number takes the code of the next numbered
 * reference in the list; the date goes to the last one. */
static int emit_list(const block_view *b, const listed_number *list, size_t n,
                     const char *type, const char *date, const fp_host *host)
{
    for (size_t i = 0; i < n; i++) {
        const listed_number *num = &list[i];
        const char *code = "";
        size_t code_len = 0;
        for (size_t k = i; num->bare && k < n; k++) {
            if (!list[k].bare) {
                size_t from = code_start(b, &list[k]);
                code = b->text + from;
                code_len = list[k].end - from;
                break;
            }
        }
        size_t num_len = num->end - num->start;
        char *value = malloc(num_len + code_len + 1);
        if (value == NULL)
            return fp_errorf(host, "out of memory");
        memcpy(value, b->text + num->start, num_len);
        memcpy(value + num_len, code, code_len);
        value[num_len + code_len] = '\0';
        int rc = emit_reference(b, num->ref_start, num->end, value, type,
                                i + 1 == n ? date : "", host);
        free(value);
        if (rc != FP_OK)
            return FP_ERROR;
    }
    return FP_OK;
}

/* The lexicon entry whose group matched. */
static size_t matched_type(const docref_matcher *m, const PCRE2_SIZE *ovector)
{
    for (size_t i = 0; i < m->types.n; i++)
        if (is_set(ovector, (uint32_t)(i + 1)))
            return i;
    return 0;
}

/* A lower-case "quyết định 5" is prose; only the lexicon's capitalisation
 * (or upper case) cites a document by a bare number. */
static bool capitalised(const block_view *b, size_t at, const char *type)
{
    size_t first = 1;
    while (((unsigned char)type[first] & 0xC0) == 0x80)
        first++;
    return strncmp(b->text + at, type, first) == 0;
}

/* One reference match at ovector; *next gets where to go on matching. */
static int handle_match(const docref_matcher *m, const block_view *b,
                        pcre2_match_data *match_data, size_t *next,
                        const fp_host *host)
{
    const PCRE2_SIZE *ovector = pcre2_get_ovector_pointer(match_data);
    size_t ref_start = ovector[0], ref_end = ovector[1];
    const char *type = m->types.names[matched_type(m, ovector)];
    *next = ref_end;
    char date[11];
    if (is_set(ovector, m->name_group)) {
        size_t len = ref_end - ref_start;
        char *value = malloc(len + 1);
        if (value == NULL)
            return fp_errorf(host, "out of memory");
        memcpy(value, b->text + ref_start, len);
        value[len] = '\0';
        int rc = read_date(m, b, ref_end, match_data, date, host);
        if (rc == 0)
            rc = emit_reference(b, ref_start, ref_end, value, type, date,
                                host);
        free(value);
        return rc;
    }
    listed_number list[MAX_LIST];
    list[0] = number_at(ovector, m->first);
    list[0].ref_start = ref_start;
    if (list[0].bare && !is_set(ovector, m->so_group) &&
        !capitalised(b, ref_start, type))
        return FP_OK;
    size_t n = 1;
    if (read_list(m, b, match_data, list, &n, host) != 0)
        return FP_ERROR;
    /* "Quyết định 217, 20 đảng viên": a trailing bare number is not part
     * of the list. */
    while (n > 1 && list[n - 1].bare)
        n--;
    *next = list[n - 1].end;
    if (read_date(m, b, list[n - 1].end, match_data, date, host) != 0)
        return FP_ERROR;
    return emit_list(b, list, n, type, date, host);
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Where a reference whose first digit is at `digit` can start at the
 * earliest: after the previous digit (types, "số" and plenum words hold
 * none) and after the last max_runs runs of spaces before it, but not
 * before floor (the caller needs to know no more).  Only spaces and tabs
 * are counted, a subset of \h, so the window is never too short. */
static size_t window_start(const block_view *b, size_t digit, size_t max_runs, size_t floor)
{
    size_t i = digit, runs = 0;
    while (i > floor && !is_digit(b->text[i - 1])) {
        if (b->text[i - 1] != ' ' && b->text[i - 1] != '\t') {
            i--;
            continue;
        }
        if (++runs > max_runs)
            break;
        while (i > floor && (b->text[i - 1] == ' ' || b->text[i - 1] == '\t'))
            i--;
    }
    return i;
}

/* Where the character that ends at end (> 0) starts: after at most three
 * continuation bytes. */
static size_t char_start_before(const char *text, size_t end)
{
    size_t i = end - 1;
    while (i > 0 && end - i < 4 && ((unsigned char)text[i] & 0xC0) == 0x80)
        i--;
    return i;
}

/* Whether the character c (len bytes) is one of PCRE2's \h longer than a
 * byte: U+00A0, U+1680, U+180E, U+2000-U+200A, U+202F, U+205F, U+3000. */
static bool is_long_horizontal_space(const unsigned char *c, size_t len)
{
    if (len == 2)
        return c[0] == 0xC2 && c[1] == 0xA0;
    if (len != 3)
        return false;
    unsigned code = (unsigned)(c[0] & 0x0F) << 12 |
                    (unsigned)(c[1] & 0x3F) << 6 | (c[2] & 0x3F);
    return code == 0x1680 || code == 0x180E ||
           (code >= 0x2000 && code <= 0x200A) || code == 0x202F ||
           code == 0x205F || code == 0x3000;
}

/* Whether the Kelvin sign (E2 84 AA) or the long s (C5 BF), whose case
 * partners k and s are ASCII, is the character w (len bytes). */
static bool has_ascii_case_partner(const unsigned char *w, size_t len)
{
    return (len == 3 && w[0] == 0xE2 && w[1] == 0x84 && w[2] == 0xAA) ||
           (len == 2 && w[0] == 0xC5 && w[1] == 0xBF);
}

/* Whether the text's character t may be the listed word's character w
 * (len bytes) as the pattern reads it, caselessly: an ASCII character is
 * itself in either case; a longer one may be any longer one (a superset:
 * the regex decides), and only the Kelvin sign and the long s have ASCII
 * partners — as k and s have longer ones. */
static bool char_may_match(const unsigned char *t, const unsigned char *w,
                           size_t len)
{
    if (t[0] >= 0x80)
        return w[0] >= 0x80 || (w[0] | 0x20) == 'k' || (w[0] | 0x20) == 's';
    if (w[0] >= 0x80)
        return has_ascii_case_partner(w, len);
    unsigned char lower = w[0] | 0x20;
    return t[0] == w[0] ||
           (lower >= 'a' && lower <= 'z' && (t[0] | 0x20) == lower);
}

/* Whether text[0, end) may end with word as the pattern reads it,
 * caselessly (char_may_match(), character by character from the end):
 * never false when the pattern would match. */
static bool may_end_with(const char *text, size_t end,
                         const struct docref_word *word)
{
    for (size_t k = word->len; k > 0;) {
        if (end == 0)
            return false;
        size_t t_start = char_start_before(text, end);
        size_t w_start = char_start_before(word->text, k);
        if (!char_may_match((const unsigned char *)text + t_start,
                            (const unsigned char *)word->text + w_start,
                            k - w_start))
            return false;
        end = t_start;
        k = w_start;
    }
    return true;
}

static unsigned char ascii_lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
}

/* The quick test of may_end_with() on the last characters alone, by
 * their keys (struct docref_word's last): the same ASCII character in
 * either case, or two longer ones, or a longer one and k or s (the
 * Kelvin sign and the long s are their case partners). */
static bool last_chars_may_match(unsigned char text_key, unsigned char word_key)
{
    if (text_key == word_key)
        return true;
    if (text_key == 0x80)
        return word_key == 'k' || word_key == 's';
    return word_key == 0x80 && (text_key == 'k' || text_key == 's');
}

/* Whether the run of digits starting at `digit` may be a reference's
 * number: what stands before it, spaces, tabs and ':' skipped, may end
 * with a word a number follows in the pattern (m->words_before_number)
 * — not "ngày 15", "năm 2019", "15/3" nor "1.250".  A space of more than
 * one byte there is let through (a number after it may still be one). */
static bool may_start_number(const docref_matcher *m, const block_view *b,
                             size_t digit)
{
    if (m->every_digit_run)
        return true;
    size_t i = digit;
    while (i > 0 && (b->text[i - 1] == ' ' || b->text[i - 1] == '\t' ||
                     b->text[i - 1] == ':'))
        i--;
    if (i == 0)
        return false; /* no type before it in the block */
    unsigned char before = (unsigned char)b->text[i - 1];
    if (before < 0x80 && !m->may_end_before_number[before])
        return false; /* the quick answer for most numbers */
    size_t last = char_start_before(b->text, i);
    if (is_long_horizontal_space((const unsigned char *)b->text + last,
                                 i - last))
        return true;
    unsigned char key = before >= 0x80 ? 0x80 : ascii_lower(before);
    for (size_t k = 0; k < m->n_words_before_number; k++) {
        const struct docref_word *word = &m->words_before_number[k];
        if (last_chars_may_match(key, word->last) &&
            may_end_with(b->text, i, word))
            return true;
    }
    return false;
}

/* The first digit at or after from that starts a run of digits (a digit
 * right after another can never be a reference's first) that may be a
 * reference's number, or len. */
static size_t next_digit_run(const docref_matcher *m, const block_view *b,
                             size_t from)
{
    for (size_t i = fp_next_ascii_digit(b->text, from, b->len); i < b->len;
         i = fp_next_ascii_digit(b->text, i, b->len)) {
        if ((i == 0 || !is_digit(b->text[i - 1])) &&
            may_start_number(m, b, i))
            return i;
        while (i < b->len && is_digit(b->text[i]))
            i++; /* the rest of its run */
    }
    return b->len;
}

/* Searches for the next reference starting at or after from.  Every
 * reference holds a digit, shortly after its start when the lexicon's
 * types hold none: so only the windows before runs of digits are searched,
 * each with an offset limit at its end, and the first match found is the
 * one a search of the whole block would find.  Returns 1 (match in
 * call->match_data), 0 (none) or FP_ERROR. */
static int find_reference(const docref_matcher *m, docref_call *call,
                          const block_view *b, size_t from,
                          const fp_host *host)
{
    if (m->window_space_runs == 0) {
        pcre2_set_offset_limit(call->window, PCRE2_UNSET);
        return match_in(m->reference, b, from, call->match_data,
                        call->window, host);
    }
    size_t digit = next_digit_run(m, b, from + 1);
    /* The start of digit's window when the merging below worked it out
     * already: it stopped short of its floor, so a lower one (from) gives
     * the same start.  SIZE_MAX: not known. */
    size_t known_start = SIZE_MAX;
    while (digit < b->len) {
        size_t start = known_start != SIZE_MAX
                           ? known_start
                           : window_start(b, digit, m->window_space_runs,
                                          from);
        known_start = SIZE_MAX;
        /* Windows a few bytes apart ("15/01/2019") are searched as one:
         * searching the gap costs less than another call. */
        size_t end = digit, next = next_digit_run(m, b, digit + 1);
        while (next < b->len && next - start <= WINDOW_MERGE_BYTES) {
            size_t next_start =
                window_start(b, next, m->window_space_runs, end);
            if (next_start > end + WINDOW_GAP_BYTES) {
                known_start = next_start;
                break;
            }
            end = next;
            next = next_digit_run(m, b, next + 1);
        }
        if (start < end) {
            pcre2_set_offset_limit(call->window, end - 1);
            int rc = match_in(m->reference, b, start, call->match_data,
                              call->window, host);
            if (rc != 0)
                return rc;
        }
        digit = next;
    }
    return 0;
}

int docref_extract_block(const docref_matcher *m, docref_call *call,
                         const fp_document *doc, size_t block_index,
                         const fp_host *host)
{
    const fp_block *span = &doc->blocks[block_index];
    block_view b = {doc, block_index, doc->text + span->start,
                    span->end - span->start, span->start};
    /* Every match holds a type word and a digit, so each one moves the
     * start forward. */
    for (size_t offset = 0; offset < b.len;) {
        int rc = find_reference(m, call, &b, offset, host);
        if (rc != 1)
            return rc == 0 ? FP_OK : FP_ERROR;
        if (handle_match(m, &b, call->match_data, &offset, host) != FP_OK)
            return FP_ERROR;
    }
    return FP_OK;
}
