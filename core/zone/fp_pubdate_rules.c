/* The article-date finder's rules: its sections of config/zones.conf turned
 * into lookups (markup keys, JSON-LD types) and patterns (the cues before
 * a date, the date forms with the month names and date words). */
#include "fp_pubdate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct word_set {
    char **words; /* sorted by cmp_keys */
    size_t n;
} word_set;

struct pubdate_rules {
    word_set keys[3];  /* [date-key-published], [date-key-updated],
                          [date-key] */
    word_set types[2]; /* [date-article-type], [date-refused-type] */
    word_set month_first; /* [date-month-first] */
    pcre2_code *cue[3]; /* published, updated, refused: anywhere in a line */
    pubdate_dates dates;
    pubdate_dates digit_led;  /* dates without PD_FORM_MONTH_DAY */
    pubdate_dates month_day;  /* PD_FORM_MONTH_DAY alone */
    /* Bytes that may stand between the day and the year of a month-first
     * date (pubdate_month_day_may_match); screenable false when the
     * ordinal words hold a digit and the screen cannot tell. */
    bool day_year_gap[256];
    bool screenable;
    pubdate_months months;
};

/* A cue anywhere in a line, as a whole word. */
static const char cue_template[] =
    "(?<![\\p{L}\\p{N}])(?:%s)(?![\\p{L}\\p{N}])";

/* Markup keys are compared with ASCII case folded and the separators
 * ':', '.', '_' and '-' taken as one ("DC.date.created" =
 * "dc:date.created" = "dc_date_created"). */
static int key_char(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 'a';
    if (c == ':' || c == '_' || c == '-')
        return '.';
    return (unsigned char)c;
}

/* Compare key[0..len) with the NUL-terminated word. */
static int key_compare(const char *key, size_t len, const char *word)
{
    for (size_t i = 0; i < len; i++) {
        if (!word[i])
            return 1;
        int d = key_char(key[i]) - key_char(word[i]);
        if (d)
            return d;
    }
    return word[len] ? -1 : 0;
}

static int cmp_keys(const void *a, const void *b)
{
    const char *x = *(char *const *)a;
    return key_compare(x, strlen(x), *(char *const *)b);
}

static void word_set_free(word_set *set)
{
    for (size_t i = 0; i < set->n; i++)
        free(set->words[i]);
    free(set->words);
    memset(set, 0, sizeof *set);
}

static bool is_key_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == ':' || c == '.' || c == '_' ||
           c == '-';
}

/* Copy a key or type section into a sorted set; entries are ASCII words. */
static int build_word_set(word_set *set, const cue_list *list,
                          zone_section section, const char *path,
                          fp_error *err)
{
    set->words = calloc(list->n ? list->n : 1, sizeof *set->words);
    if (!set->words)
        return fp_error_set(err, "%s: out of memory", path);
    for (size_t i = 0; i < list->n; i++) {
        const char *word = list->items[i];
        for (const char *c = word; *c; c++)
            if (!is_key_char(*c))
                return fp_error_set(err,
                                    "%s:%zu: entry '%s' in [%s] may hold "
                                    "only ASCII letters, digits, ':', '.', "
                                    "'_' and '-'",
                                    path, list->line_no[i], word,
                                    zone_section_name(section));
        set->words[set->n] = strdup(word);
        if (!set->words[set->n])
            return fp_error_set(err, "%s: out of memory", path);
        set->n++;
    }
    qsort(set->words, set->n, sizeof *set->words, cmp_keys);
    return 0;
}

static bool word_set_has(const word_set *set, const char *word, size_t len)
{
    size_t lo = 0, hi = set->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = key_compare(word, len, set->words[mid]);
        if (c == 0)
            return true;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return false;
}

/* A growing string for building patterns. */
typedef struct text_buf {
    char *s;
    size_t len, cap;
    bool failed;
} text_buf;

static void buf_add(text_buf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *grown = realloc(b->s, cap);
        if (!grown) {
            b->failed = true;
            return;
        }
        b->s = grown;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void buf_str(text_buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

static void buf_cue(text_buf *b, const char *cue)
{
    size_t n = zone_escape_cue(NULL, cue);
    char *escaped = malloc(n + 1);
    if (!escaped) {
        b->failed = true;
        return;
    }
    zone_escape_cue(escaped, cue);
    buf_add(b, escaped, n);
    free(escaped);
}

static int cmp_longest_first(const void *a, const void *b)
{
    size_t la = strlen(*(char *const *)a), lb = strlen(*(char *const *)b);
    return la < lb ? 1 : la > lb ? -1 : 0;
}

/* "(?:a|b|c)" of a list's words, longest first; "(?!)" when empty. */
static void buf_alternation(text_buf *b, char **words, size_t n)
{
    if (n == 0) {
        buf_str(b, "(?!)");
        return;
    }
    qsort(words, n, sizeof *words, cmp_longest_first);
    buf_str(b, "(?:");
    for (size_t i = 0; i < n; i++) {
        if (i)
            buf_str(b, "|");
        buf_cue(b, words[i]);
    }
    buf_str(b, ")");
}

/* The month names as one capture group (a trie, fp_pubdate_months.c). */
static void buf_months(text_buf *b, const pubdate_months *months)
{
    char *trie = pubdate_months_trie(months);
    if (!trie) {
        b->failed = true;
        return;
    }
    buf_str(b, "(");
    buf_str(b, trie);
    buf_str(b, ")(?![\\p{L}\\p{N}])\\.?");
    free(trie);
}

/* A word list as an optional group: "(?:(?:a|b)\s*)?" style pieces. */
static void buf_words(text_buf *b, const cue_list *list)
{
    char **copy = malloc((list->n ? list->n : 1) * sizeof *copy);
    if (!copy) {
        b->failed = true;
        return;
    }
    memcpy(copy, list->items, list->n * sizeof *copy);
    buf_alternation(b, copy, list->n);
    free(copy);
}

/* Numbers are ASCII digits: \d would take other scripts' digits too.
 * Back references are relative, so that a form keeps its meaning inside
 * the alternation of all forms. */
#define D12 "([0-9]{1,2})"
#define Y4 "([0-9]{4})(?![0-9])"

/* Groups of each form, in order (see read_groups in fp_pubdate_parse.c). */
static const int form_groups[PD_FORM_COUNT] = {
    [PD_FORM_NUMERIC] = 4,    /* day, separator, month, year */
    [PD_FORM_YMD] = 4,        /* year, separator, month, day */
    [PD_FORM_DAY_MONTH] = 3,  /* day, month name, year */
    [PD_FORM_MONTH_DAY] = 3,  /* month name, day, year */
    [PD_FORM_SHORT_YEAR] = 4, /* day, separator, month, two-digit year */
};

/* The source of one form, or NULL when config has no words for it. */
static char *form_source(const pubdate_rules *r, pubdate_form form,
                         cue_list lists[ZS_COUNT], const char *path,
                         fp_error *err, bool *failed)
{
    static const char numeric[] = "(?<![0-9])" D12 "\\s*([./\\-])\\s*" D12
                                  "\\s*\\g{-2}\\s*" Y4;
    static const char ymd[] =
        "(?<![0-9])([0-9]{4})([-/.])" D12 "\\g{-2}([0-9]{1,2})(?![0-9])";
    /* Not part of a longer number or version: "1.2.3.45" is not a date. */
    static const char short_year[] = "(?<![0-9.,/])" D12 "([./])" D12
                                     "\\g{-2}([0-9]{2})(?![0-9]|[.,/][0-9])";
    const cue_list *ordinal = &lists[ZS_DATE_ORDINAL];
    const cue_list *connector = &lists[ZS_DATE_CONNECTOR];
    text_buf b = {0};
    switch (form) {
    case PD_FORM_NUMERIC:
        buf_str(&b, numeric);
        break;
    case PD_FORM_YMD:
        buf_str(&b, ymd);
        break;
    case PD_FORM_SHORT_YEAR:
        buf_str(&b, short_year);
        break;
    case PD_FORM_DAY_MONTH:
        /* 24 December 2012, 24. Dezember 2012, 24th of December, 2012 */
        if (r->months.n == 0)
            return NULL;
        buf_str(&b, "(?=[0-9])(?<![\\p{L}\\p{N}])" D12 "(?:");
        buf_words(&b, ordinal);
        buf_str(&b, "(?![\\p{L}]))?\\.?\\s*(?:");
        buf_words(&b, connector);
        buf_str(&b, "\\s+)?");
        buf_months(&b, &r->months);
        buf_str(&b, ",?\\s*(?:");
        buf_words(&b, connector);
        buf_str(&b, "\\s+)?" Y4);
        break;
    default: /* PD_FORM_MONTH_DAY: December 24, 2012, Dec. 24th 2012 */
        if (r->months.n == 0)
            return NULL;
        buf_str(&b, "(?<![\\p{L}\\p{N}])");
        buf_months(&b, &r->months);
        buf_str(&b, "\\s*" D12 "(?:");
        buf_words(&b, ordinal);
        buf_str(&b, ")?(?![\\p{L}\\p{N}])\\.?,?\\s*" Y4);
        break;
    }
    if (b.failed) {
        free(b.s);
        fp_error_set(err, "%s: out of memory", path);
        *failed = true;
        return NULL;
    }
    return b.s;
}

/* The forms of wanted (bits 1 << form) in one alternation, so that a line
 * is scanned once for the earliest date; PD_FORM_SHORT_YEAR last, so that
 * a four-digit year wins where both read (and the reader skips it when not
 * asked for).  dates->re stays NULL when none of the forms has words. */
static int build_forms(pubdate_rules *r, cue_list lists[ZS_COUNT],
                       unsigned wanted, pubdate_dates *dates,
                       const char *path, fp_error *err)
{
    static const pubdate_form order[PD_FORM_COUNT] = {
        PD_FORM_NUMERIC, PD_FORM_YMD, PD_FORM_DAY_MONTH, PD_FORM_MONTH_DAY,
        PD_FORM_SHORT_YEAR};
    text_buf all = {0};
    int group = 1;
    bool failed = false;
    for (int k = 0; k < PD_FORM_COUNT; k++)
        dates->first_group[k] = 0;
    for (int k = 0; k < PD_FORM_COUNT && !failed; k++) {
        pubdate_form form = order[k];
        if (!(wanted & (1u << form)))
            continue;
        char *source = form_source(r, form, lists, path, err, &failed);
        if (!source)
            continue;
        buf_str(&all, all.len ? "|(?:" : "(?:");
        buf_str(&all, source);
        buf_str(&all, ")");
        free(source);
        dates->first_group[form] = group;
        group += form_groups[form];
    }
    if (failed) {
        free(all.s);
        return -1;
    }
    if (all.failed) {
        free(all.s);
        return fp_error_set(err, "%s: out of memory", path);
    }
    if (all.len == 0)
        return 0;
    dates->re = zone_compile_pattern(all.s, "the date forms built from "
                                            "[date-month], [date-ordinal] "
                                            "and [date-connector]",
                                     path, err);
    free(all.s);
    return dates->re ? 0 : -1;
}

/* What may stand between a month-first date's day and its year: the
 * ordinal words' bytes in either ASCII case, '.', ',', white space (ASCII
 * controls and every byte of a multi-byte character, which also covers
 * the caseless matches of ordinal letters outside ASCII, such as the
 * long s). */
static void build_day_year_gap(pubdate_rules *r, const cue_list *ordinals)
{
    bool *gap = r->day_year_gap;
    memset(gap, 0, sizeof r->day_year_gap);
    r->screenable = true;
    for (int c = 0; c <= ' '; c++)
        gap[c] = true;
    for (int c = 0x80; c < 256; c++)
        gap[c] = true;
    gap['.'] = gap[','] = true;
    for (size_t i = 0; i < ordinals->n; i++) {
        for (const unsigned char *c = (const unsigned char *)ordinals->items[i];
             *c; c++) {
            if (*c >= '0' && *c <= '9')
                r->screenable = false;
            gap[*c] = true;
            if (*c >= 'a' && *c <= 'z')
                gap[*c - 'a' + 'A'] = true;
            if (*c >= 'A' && *c <= 'Z')
                gap[*c - 'A' + 'a'] = true;
            /* A character outside ASCII may match an ASCII letter
             * caselessly (the Kelvin sign a k). */
            if (*c >= 0x80)
                for (int l = 'a'; l <= 'z'; l++)
                    gap[l] = gap[l - 'a' + 'A'] = true;
        }
    }
}

static int build_dates(pubdate_rules *r, cue_list lists[ZS_COUNT],
                       const char *path, fp_error *err)
{
    const unsigned all = (1u << PD_FORM_COUNT) - 1;
    const unsigned month_day = 1u << PD_FORM_MONTH_DAY;
    build_day_year_gap(r, &lists[ZS_DATE_ORDINAL]);
    if (build_forms(r, lists, all, &r->dates, path, err) < 0)
        return -1;
    if (r->dates.first_group[PD_FORM_MONTH_DAY] == 0)
        return 0; /* no month names: the one pattern is already digit-led */
    if (build_forms(r, lists, all & ~month_day, &r->digit_led, path, err) < 0 ||
        build_forms(r, lists, month_day, &r->month_day, path, err) < 0)
        return -1;
    return 0;
}

pubdate_rules *pubdate_rules_build(cue_list lists[ZS_COUNT], const char *path,
                                   fp_error *err)
{
    pubdate_rules *r = calloc(1, sizeof *r);
    if (!r) {
        fp_error_set(err, "%s: out of memory", path);
        return NULL;
    }
    static const zone_section key_sections[3] = {
        ZS_DATE_KEY_PUBLISHED, ZS_DATE_KEY_UPDATED, ZS_DATE_KEY};
    static const zone_section type_sections[2] = {ZS_DATE_ARTICLE_TYPE,
                                                  ZS_DATE_REFUSED_TYPE};
    static const zone_section cue_sections[3] = {
        ZS_DATE_PUBLISHED, ZS_DATE_UPDATED, ZS_DATE_REFUSED};
    int rc = 0;
    for (int k = 0; k < 3 && rc == 0; k++)
        rc = build_word_set(&r->keys[k], &lists[key_sections[k]],
                            key_sections[k], path, err);
    for (int k = 0; k < 2 && rc == 0; k++)
        rc = build_word_set(&r->types[k], &lists[type_sections[k]],
                            type_sections[k], path, err);
    if (rc == 0)
        rc = build_word_set(&r->month_first, &lists[ZS_DATE_MONTH_FIRST],
                            ZS_DATE_MONTH_FIRST, path, err);
    for (int k = 0; k < 3 && rc == 0; k++) {
        if (lists[cue_sections[k]].n == 0)
            continue;
        /* Compile a copy: the list's order (and line numbers) stay. */
        cue_list copy = lists[cue_sections[k]];
        copy.items = malloc(copy.n * sizeof *copy.items);
        if (!copy.items) {
            rc = fp_error_set(err, "%s: out of memory", path);
            break;
        }
        memcpy(copy.items, lists[cue_sections[k]].items,
               copy.n * sizeof *copy.items);
        r->cue[k] = zone_compile_section(cue_template, cue_sections[k], &copy,
                                         path, err);
        free(copy.items);
        if (!r->cue[k])
            rc = -1;
    }
    if (rc == 0)
        rc = pubdate_months_build(&r->months, &lists[ZS_DATE_MONTH], path,
                                  err);
    if (rc == 0)
        rc = build_dates(r, lists, path, err);
    if (rc != 0) {
        pubdate_rules_free(r);
        return NULL;
    }
    return r;
}

void pubdate_rules_free(pubdate_rules *r)
{
    if (!r)
        return;
    for (int k = 0; k < 3; k++)
        word_set_free(&r->keys[k]);
    for (int k = 0; k < 2; k++)
        word_set_free(&r->types[k]);
    word_set_free(&r->month_first);
    for (int k = 0; k < 3; k++)
        pcre2_code_free(r->cue[k]);
    pcre2_code_free(r->dates.re);
    pcre2_code_free(r->digit_led.re);
    pcre2_code_free(r->month_day.re);
    pubdate_months_free(&r->months);
    free(r);
}

const pubdate_months *pubdate_rules_months(const pubdate_rules *r)
{
    return &r->months;
}

const pubdate_dates *pubdate_dates_pattern(const pubdate_rules *r)
{
    return &r->dates;
}

const pubdate_dates *pubdate_digit_led_pattern(const pubdate_rules *r)
{
    return &r->digit_led;
}

const pubdate_dates *pubdate_month_day_pattern(const pubdate_rules *r)
{
    return &r->month_day;
}

static bool is_ascii_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

bool pubdate_month_day_may_match(const pubdate_rules *r, zone_span s,
                                 size_t from, size_t to)
{
    if (!r->month_day.re)
        return false;
    if (!r->screenable)
        return true;
    const unsigned char *p = (const unsigned char *)s.s;
    size_t i = from;
    while (i < to) {
        if (!is_ascii_digit(p[i])) {
            i++;
            continue;
        }
        /* A run of digits: a day when it has one or two (the pattern
         * takes whole runs: no digit before the day, none after). */
        size_t run = i;
        while (run < to && is_ascii_digit(p[run]))
            run++;
        bool day = run - i <= 2 && (i == 0 || !is_ascii_digit(p[i - 1]));
        i = run;
        if (!day)
            continue;
        size_t gap = run;
        while (gap < to && r->day_year_gap[p[gap]])
            gap++;
        size_t year = gap;
        while (year < to && is_ascii_digit(p[year]))
            year++;
        if (gap > run && year - gap == 4)
            return true;
    }
    return false;
}

pubdate_role pubdate_key_role(const pubdate_rules *r, const char *key,
                              size_t len)
{
    if (word_set_has(&r->keys[0], key, len))
        return PD_ROLE_PUBLISHED;
    if (word_set_has(&r->keys[1], key, len))
        return PD_ROLE_UPDATED;
    if (word_set_has(&r->keys[2], key, len))
        return PD_ROLE_NEUTRAL;
    return PD_ROLE_REFUSED;
}

bool pubdate_month_first(const pubdate_rules *r, const char *lang)
{
    return lang && word_set_has(&r->month_first, lang, strlen(lang));
}

int pubdate_type_rank(const pubdate_rules *r, const char *type, size_t len)
{
    /* "https://schema.org/NewsArticle" is the type NewsArticle. */
    for (size_t i = len; i-- > 0;) {
        if (type[i] == '/' || type[i] == '#' || type[i] == ':') {
            type += i + 1;
            len -= i + 1;
            break;
        }
    }
    if (word_set_has(&r->types[0], type, len))
        return 1;
    if (word_set_has(&r->types[1], type, len))
        return -1;
    return 0;
}

pubdate_role pubdate_cue_role(zone_matcher *m, zone_span line, size_t at)
{
    static const pubdate_role roles[3] = {
        PD_ROLE_PUBLISHED, PD_ROLE_UPDATED, PD_ROLE_REFUSED};
    const pubdate_rules *r = m->rules->pubdate;
    size_t from = at > PD_CUE_REACH * 2 ? at - PD_CUE_REACH * 2 : 0;
    /* Start the window at a character boundary. */
    while (from > 0 && from < at && ((unsigned char)line.s[from] & 0xC0) == 0x80)
        from++;
    size_t best_end = 0;
    pubdate_role best = PD_ROLE_NEUTRAL;
    for (int k = 0; k < 3; k++) {
        if (!r->cue[k])
            continue;
        size_t offset = from;
        /* The last cue of this kind before the date. */
        while (offset < at &&
               pcre2_match(r->cue[k], (PCRE2_SPTR)line.s, at, offset, 0,
                           m->match, m->rules->match_context) > 0) {
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->match);
            if (ov[1] + PD_CUE_REACH >= at && ov[1] > best_end) {
                best_end = ov[1];
                best = roles[k];
            }
            offset = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
        }
    }
    return best;
}
