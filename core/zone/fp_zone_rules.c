/* Loading config/zones.conf: parse sections of cues, compile every line-cue
 * section into one PCRE2 alternation so a line is tested once per section. */
#include "fp_zone_internal.h"
#include "../common/fp_config_file.h"

#include <errno.h>
#include <factpipe/utf8.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const section_names[ZS_COUNT] = {
    "chrome-class",
    "article-class",
    "title-class",
    "chrome-tag",
    "article-tag",
    "caption-class",
    "caption-tag",
    "date-class",
    "date-published-class",
    "date-updated-class",
    "date-refused-class",
    "chrome-line",
    "chrome-prefix",
    "counter",
    "end-of-article",
    "related-heading",
    "dateline",
    "byline",
    "portal-name",
    "date-published",
    "date-updated",
    "date-refused",
    "date-key-published",
    "date-key-updated",
    "date-key",
    "date-article-type",
    "date-refused-type",
    "date-month",
    "date-ordinal",
    "date-connector",
    "date-month-first",
    "rules-off",
};

static const char *const rule_names[ZR_COUNT] = {
    [ZR_CLASS_FURNITURE] = "class-furniture",
    [ZR_TAG_FURNITURE] = "tag-furniture",
    [ZR_HIDDEN_FURNITURE] = "hidden-furniture",
    [ZR_WRAPPERS] = "wrappers",
    [ZR_LINK_DISCOUNT] = "link-discount",
    [ZR_ARTICLE_BOOST] = "article-boost",
    [ZR_LONE_CHILD] = "lone-child",
    [ZR_ANCESTOR_CLIMB] = "ancestor-climb",
    [ZR_SIBLINGS] = "siblings",
    [ZR_SHORT_EDGES] = "short-edges",
    [ZR_CAPTIONS] = "captions",
    [ZR_ARTICLE_HEADER] = "article-header",
    [ZR_LINK_LINES] = "link-lines",
    [ZR_LEAD_OUTSIDE] = "lead-outside",
    [ZR_TEASER_LISTS] = "teaser-lists",
    [ZR_MARKUP_FALLBACK] = "markup-fallback",
    [ZR_PICTURE_CAPTIONS] = "picture-captions",
    [ZR_CONTAINER_HEAD] = "container-head",
    [ZR_REPEATED_LEAD] = "repeated-lead",
    [ZR_FALLBACK_FURNITURE] = "fallback-furniture",
    [ZR_LINKED_SENTENCES] = "linked-sentences",
};

const char *zone_rule_name(zone_rule rule)
{
    return rule < ZR_COUNT ? rule_names[rule] : "?";
}

const char *zone_section_name(zone_section section)
{
    return section < ZS_COUNT ? section_names[section] : "?";
}

/* Separators and decoration that may surround a cue on its line. */
#define ZONE_FILLER "[\\s\\p{P}\\p{S}]*"
/* A cue ends where a word ends: "In" must not match "Inox". */
#define ZONE_WORD_END "(?![\\p{L}\\p{N}])"

/* How each line section turns its alternation into a whole pattern. */
static const char *const section_templates[ZS_COUNT] = {
    /* A tool link may carry its count: "Bình luận (12)". */
    [ZS_CHROME_LINE] = "^" ZONE_FILLER "(?:(?:%s)" ZONE_WORD_END
                       "(?:\\s*\\([0-9]+\\))?" ZONE_FILLER ")+$",
    [ZS_CHROME_PREFIX] = "^" ZONE_FILLER "(?:%s)" ZONE_WORD_END,
    [ZS_COUNTER] = "^" ZONE_FILLER "(?:%s)\\s*:?\\s*[0-9][0-9.,\\s]*$",
    [ZS_END_OF_ARTICLE] = "^" ZONE_FILLER "(?:%s)" ZONE_FILLER "$",
    [ZS_RELATED_HEADING] = "^" ZONE_FILLER "(?:%s)" ZONE_FILLER "$",
    [ZS_DATELINE] = "^" ZONE_FILLER "(?:%s)" ZONE_WORD_END,
    [ZS_BYLINE] = "^" ZONE_FILLER "(?:%s)" ZONE_WORD_END,
    [ZS_PORTAL_NAME] = "(?:%s)" ZONE_WORD_END,
};

/* The sections whose template starts "^" ZONE_FILLER "(?:cues": a match
 * begins with a cue right after the line's leading separators. */
static const bool section_anchored[ZS_COUNT] = {
    [ZS_CHROME_LINE] = true, [ZS_CHROME_PREFIX] = true, [ZS_COUNTER] = true,
    [ZS_END_OF_ARTICLE] = true, [ZS_RELATED_HEADING] = true,
    [ZS_DATELINE] = true, [ZS_BYLINE] = true,
};

/* A person's name: capitalized words. */
#define ZONE_NAME "\\p{Lu}\\p{L}*(?:\\s+\\p{Lu}\\p{L}*){1,4}"

static const char *const builtin_patterns[ZP_COUNT] = {
    /* 2-5 capitalized words ("Thu Lan"), several authors joined by , & /,
     * then maybe their office after a dash ("Minh Châu - VP Quận ủy") and a
     * short note in parentheses ("(Ban Tuyên giáo)"). */
    [ZP_PERSON_NAME] =
        "^\\s*" ZONE_NAME "(?:\\s*[,&/]\\s*" ZONE_NAME ")*"
        "(?:\\s*[-–]\\s*\\p{Lu}[^.!?;:]{0,60})?"
        "\\s*(?:\\([^()]{1,40}\\))?\\s*$",
    [ZP_CAPITALS] = "^\\P{Ll}*\\p{Lu}\\P{Ll}*$",
};

/* Bounds on a single match: our lines are short, so a pattern that needs
 * more than this is misbehaving and should fail rather than stall. */
enum { ZONE_MATCH_LIMIT = 200000, ZONE_DEPTH_LIMIT = 10000 };

static int cue_list_add(cue_list *list, const char *cue, size_t len,
                        size_t line_no)
{
    if (list->n == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 16;
        char **items = realloc(list->items, cap * sizeof *items);
        if (!items)
            return -1;
        list->items = items;
        size_t *lines = realloc(list->line_no, cap * sizeof *lines);
        if (!lines)
            return -1;
        list->line_no = lines;
        list->cap = cap;
    }
    list->line_no[list->n] = line_no;
    char *copy = malloc(len + 1);
    if (!copy)
        return -1;
    memcpy(copy, cue, len);
    copy[len] = '\0';
    list->items[list->n++] = copy;
    return 0;
}

/* Append copies of from's cues to to. */
static int add_copies(cue_list *to, const cue_list *from)
{
    for (size_t i = 0; i < from->n; i++)
        if (cue_list_add(to, from->items[i], strlen(from->items[i]),
                         from->line_no[i]) < 0)
            return -1;
    return 0;
}

static void cue_list_free(cue_list *list)
{
    for (size_t i = 0; i < list->n; i++)
        free(list->items[i]);
    free(list->items);
    free(list->line_no);
    memset(list, 0, sizeof *list);
}

static bool is_class_cue_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
}

static int section_by_name(const char *name, size_t len)
{
    for (int s = 0; s < ZS_COUNT; s++)
        if (strlen(section_names[s]) == len &&
            memcmp(section_names[s], name, len) == 0)
            return s;
    return -1;
}

static void list_section_names(char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (int s = 0; s < ZS_COUNT && used < size; s++) {
        int n = snprintf(out + used, size - used, "%s%s", s ? ", " : "",
                         section_names[s]);
        if (n < 0)
            break;
        used += (size_t)n;
    }
}

size_t zone_escape_cue(char *buf, const char *cue)
{
    size_t n = 0;
    for (const char *p = cue; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == ' ') {
            while (p[1] == ' ')
                p++;
            if (buf)
                memcpy(buf + n, "\\s+", 3);
            n += 3;
        } else if (c < 0x80 && !((c >= 'a' && c <= 'z') ||
                                  (c >= 'A' && c <= 'Z') ||
                                  (c >= '0' && c <= '9'))) {
            if (buf) {
                buf[n] = '\\';
                buf[n + 1] = (char)c;
            }
            n += 2;
        } else {
            if (buf)
                buf[n] = (char)c;
            n++;
        }
    }
    return n;
}

static int cmp_longest_first(const void *a, const void *b)
{
    size_t la = strlen(*(char *const *)a), lb = strlen(*(char *const *)b);
    return la < lb ? 1 : la > lb ? -1 : 0;
}

pcre2_code *zone_compile_pattern(const char *source, const char *what,
                                   const char *path, fp_error *err)
{
    int code;
    PCRE2_SIZE offset;
    pcre2_code *re = pcre2_compile(
        (PCRE2_SPTR)source, PCRE2_ZERO_TERMINATED,
        PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_MATCH_INVALID_UTF,
        &code, &offset, NULL);
    if (!re) {
        PCRE2_UCHAR message[256];
        pcre2_get_error_message(code, message, sizeof message);
        fp_error_set(err, "%s: cannot compile %s at offset %zu: %s", path,
                     what, (size_t)offset, (const char *)message);
        return NULL;
    }
    /* JIT is an optimisation only; matching works without it. */
    (void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
    return re;
}

/* Which ASCII bytes the cues of an anchored section begin with (see
 * cue_start_screened in fp_zone_internal.h). */
static void screen_cue_starts(fp_zone_rules *rules, zone_section section,
                              const cue_list *cues)
{
    if (!section_anchored[section])
        return;
    bool *may_start = rules->cue_may_start_with[section];
    for (size_t i = 0; i < cues->n; i++) {
        const unsigned char *cue = (const unsigned char *)cues->items[i];
        unsigned char c = cue[0];
        if (c >= 0x80) {
            /* Other non-ASCII starts match only non-ASCII text, which is
             * always left to PCRE2; these two match ASCII letters. */
            if ((c == 0xC5 && cue[1] == 0xBF) ||
                (c == 0xE2 && cue[1] == 0x84 && cue[2] == 0xAA))
                return;
        } else if (zone_ascii_filler(c)) {
            return; /* the filler could match part of the cue */
        } else if (c >= 'a' && c <= 'z') {
            may_start[c] = may_start[c - 'a' + 'A'] = true;
        } else if (c >= 'A' && c <= 'Z') {
            may_start[c] = may_start[c - 'A' + 'a'] = true;
        } else {
            may_start[c] = true;
        }
    }
    rules->cue_start_screened[section] = true;
}

typedef struct element_cue {
    char *word;
    unsigned section_bit;
} element_cue;

static int cmp_element_cues(const void *a, const void *b)
{
    return strcmp(((const element_cue *)a)->word,
                  ((const element_cue *)b)->word);
}

/* Merge the element sections' cues into one list sorted by word, a word
 * named in several sections listed once with all of them, and note where
 * the cues of each first two bytes stand (see element_cues in
 * fp_zone_internal.h).
 * Takes the strings of lists[0 .. ZS_N_CLASS_SECTIONS). */
static int index_element_cues(fp_zone_rules *rules, cue_list *lists)
{
    size_t n = 0;
    for (int s = 0; s < ZS_N_CLASS_SECTIONS; s++)
        n += lists[s].n;
    element_cue *all = calloc(n ? n : 1, sizeof *all);
    rules->element_cues = calloc(n ? n : 1, sizeof *rules->element_cues);
    rules->element_cue_sections =
        calloc(n ? n : 1, sizeof *rules->element_cue_sections);
    rules->element_cue_len = calloc(n ? n : 1, sizeof *rules->element_cue_len);
    if (!all || !rules->element_cues || !rules->element_cue_sections ||
        !rules->element_cue_len) {
        free(all);
        return -1;
    }
    size_t k = 0;
    for (int s = 0; s < ZS_N_CLASS_SECTIONS; s++) {
        for (size_t i = 0; i < lists[s].n; i++)
            all[k++] = (element_cue){lists[s].items[i], 1u << s};
        free(lists[s].items);
        free(lists[s].line_no);
        memset(&lists[s], 0, sizeof lists[s]);
    }
    if (n > 0)
        qsort(all, n, sizeof *all, cmp_element_cues);
    size_t unique = 0;
    for (size_t i = 0; i < n; i++) {
        if (unique > 0 &&
            strcmp(rules->element_cues[unique - 1], all[i].word) == 0) {
            rules->element_cue_sections[unique - 1] |= all[i].section_bit;
            free(all[i].word);
            continue;
        }
        rules->element_cues[unique] = all[i].word;
        rules->element_cue_sections[unique] = all[i].section_bit;
        rules->element_cue_len[unique] = strlen(all[i].word);
        unique++;
    }
    free(all);
    rules->n_element_cues = unique;
    /* Sorted, the cues sharing their first two bytes stand together. */
    for (size_t i = 0; i < unique; i++) {
        const unsigned char *cue = (const unsigned char *)rules->element_cues[i];
        int a = zone_cue_byte_class(cue[0]);
        int b = cue[1] ? zone_cue_byte_class(cue[1]) : 0;
        if (a < 0 || b < 0)
            continue; /* an empty cue or a byte the loader refuses */
        if (rules->element_cue_to[a][b] == 0)
            rules->element_cue_from[a][b] = (uint32_t)i;
        rules->element_cue_to[a][b] = (uint32_t)i + 1;
    }
    return 0;
}

/* [rules-off]: the rules named there, as bits of rules->rules_off. */
static int read_rules_off(fp_zone_rules *rules, const cue_list *names,
                          const char *path, fp_error *err)
{
    for (size_t i = 0; i < names->n; i++) {
        int found = -1;
        for (int r = 0; r < ZR_COUNT && found < 0; r++)
            if (strcmp(names->items[i], rule_names[r]) == 0)
                found = r;
        if (found < 0) {
            char expected[512];
            size_t used = 0;
            expected[0] = '\0';
            for (int r = 0; r < ZR_COUNT && used < sizeof expected; r++) {
                int n = snprintf(expected + used, sizeof expected - used,
                                 "%s%s", r ? ", " : "", rule_names[r]);
                if (n < 0)
                    break;
                used += (size_t)n;
            }
            return fp_error_set(err,
                                "%s:%zu: unknown rule '%s' in [rules-off] "
                                "(expected one of %s)",
                                path, names->line_no[i], names->items[i],
                                expected);
        }
        rules->rules_off |= 1u << found;
    }
    return 0;
}

static const char counter_inside_template[] =
    "(?<![\\p{L}\\p{N}])(?:%s)\\s*:\\s*[0-9]";

/* The sections whose patterns are only asked whether a line matches
 * (zone_line_matches without match_end): their cues may be a trie.  Where
 * the match ends counts (a byline's cue must end a word; a date cue's end
 * tells how near the date it stands), the longest cue at a place must win
 * and the cues stay one longest-first alternation. */
static const bool only_asked_whether_lines_match[ZS_COUNT] = {
    [ZS_CHROME_LINE] = true,     [ZS_CHROME_PREFIX] = true,
    [ZS_COUNTER] = true,         [ZS_END_OF_ARTICLE] = true,
    [ZS_RELATED_HEADING] = true, [ZS_DATELINE] = true,
    [ZS_PORTAL_NAME] = true,
};

/* The cues one after the other, longest first, so "In bài viết" wins
 * over "In". */
static char *longest_first_alternation(cue_list *cues)
{
    qsort(cues->items, cues->n, sizeof *cues->items, cmp_longest_first);
    size_t alternation_len = 0;
    for (size_t i = 0; i < cues->n; i++)
        alternation_len += zone_escape_cue(NULL, cues->items[i]) + 1;
    char *alternation = malloc(alternation_len + 1);
    if (!alternation)
        return NULL;
    size_t n = 0;
    for (size_t i = 0; i < cues->n; i++) {
        if (i)
            alternation[n++] = '|';
        n += zone_escape_cue(alternation + n, cues->items[i]);
    }
    alternation[n] = '\0';
    return alternation;
}

static int cmp_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The cues as a trie: the same text matches, but a line is compared with
 * the few cues sharing its first characters, not with every cue in turn
 * (a hundred for [chrome-line]). */
static char *trie_alternation(cue_list *cues)
{
    qsort(cues->items, cues->n, sizeof *cues->items, cmp_strings);
    return zone_trie_alternation((const char *const *)cues->items, cues->n);
}

pcre2_code *zone_compile_section(const char *tmpl, zone_section section,
                                 cue_list *cues, const char *path,
                                 fp_error *err)
{
    char *alternation = only_asked_whether_lines_match[section]
                            ? trie_alternation(cues)
                            : longest_first_alternation(cues);
    if (!alternation) {
        fp_error_set(err, "%s: out of memory", path);
        return NULL;
    }
    size_t n = strlen(alternation);
    size_t source_len = strlen(tmpl) + n + 1;
    char *source = malloc(source_len);
    if (!source) {
        free(alternation);
        fp_error_set(err, "%s: out of memory", path);
        return NULL;
    }
    /* The template is one of ours and holds exactly one %s. */
    const char *slot = strstr(tmpl, "%s");
    size_t head = (size_t)(slot - tmpl);
    memcpy(source, tmpl, head);
    memcpy(source + head, alternation, n);
    strcpy(source + head + n, slot + 2);
    free(alternation);

    char what[64];
    snprintf(what, sizeof what, "the cues of [%s]", section_names[section]);
    pcre2_code *re = zone_compile_pattern(source, what, path, err);
    free(source);
    return re;
}

/* Parse the file into per-section cue lists. */
static int read_cues(FILE *f, const char *path, cue_list lists[ZS_COUNT],
                     fp_error *err)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    size_t line_no = 0;
    int section = -1;
    int rc = 0;
    while ((got = getline(&line, &cap, f)) >= 0) {
        line_no++;
        size_t len = (size_t)got;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r' ||
                       line[len - 1] == ' ' || line[len - 1] == '\t'))
            len--;
        size_t start = 0;
        while (start < len && (line[start] == ' ' || line[start] == '\t'))
            start++;
        const char *text = line + start;
        len -= start;
        if (len == 0 || text[0] == '#')
            continue;
        if (!fp_utf8_valid(text, len)) {
            rc = fp_error_set(err, "%s:%zu: invalid UTF-8", path, line_no);
            break;
        }
        if (text[0] == '[') {
            char expected[1024];
            list_section_names(expected, sizeof expected);
            if (text[len - 1] != ']') {
                rc = fp_error_set(err,
                                  "%s:%zu: section header needs a closing "
                                  "']' (expected one of %s)",
                                  path, line_no, expected);
                break;
            }
            section = section_by_name(text + 1, len - 2);
            if (section < 0) {
                rc = fp_error_set(err,
                                  "%s:%zu: unknown section '%.*s' "
                                  "(expected one of %s)",
                                  path, line_no, (int)(len - 2), text + 1,
                                  expected);
                break;
            }
            continue;
        }
        if (section < 0) {
            rc = fp_error_set(err,
                              "%s:%zu: cue '%.*s' before any section header "
                              "(start with one like [chrome-line])",
                              path, line_no, (int)len, text);
            break;
        }
        if (section < ZS_N_CLASS_SECTIONS) {
            for (size_t i = 0; i < len; i++) {
                if (!is_class_cue_char(text[i])) {
                    rc = fp_error_set(err,
                                      "%s:%zu: element cue '%.*s' in [%s] may "
                                      "hold only a-z, 0-9, '-' and '_'",
                                      path, line_no, (int)len, text,
                                      section_names[section]);
                    break;
                }
            }
            if (rc)
                break;
        }
        if (cue_list_add(&lists[section], text, len, line_no) < 0) {
            rc = fp_error_set(err, "%s:%zu: out of memory", path, line_no);
            break;
        }
    }
    if (rc == 0 && ferror(f))
        rc = fp_error_set(err, "%s: read error: %s", path, strerror(errno));
    free(line);
    return rc;
}

fp_zone_rules *fp_zone_rules_load(const char *path, fp_error *err)
{
    FILE *f = fp_config_open(path, "zoning rules file", err);
    if (!f)
        return NULL;
    cue_list lists[ZS_COUNT];
    memset(lists, 0, sizeof lists);
    int rc = read_cues(f, path, lists, err);
    fclose(f);

    fp_zone_rules *rules = NULL;
    if (rc == 0) {
        rules = calloc(1, sizeof *rules);
        if (!rules)
            rc = fp_error_set(err, "%s: out of memory", path);
    }
    /* The article-date finder reads its sections first, while each entry
     * still has its line number. */
    if (rc == 0) {
        rules->pubdate = pubdate_rules_build(lists, path, err);
        if (!rules->pubdate)
            rc = -1;
    }
    /* A date line may also start with a publication or update cue. */
    if (rc == 0 && (add_copies(&lists[ZS_DATELINE], &lists[ZS_DATE_PUBLISHED]) < 0 ||
                    add_copies(&lists[ZS_DATELINE], &lists[ZS_DATE_UPDATED]) < 0))
        rc = fp_error_set(err, "%s: out of memory", path);
    if (rc == 0)
        rc = read_rules_off(rules, &lists[ZS_RULES_OFF], path, err);
    if (rc == 0 && index_element_cues(rules, lists) != 0)
        rc = fp_error_set(err, "%s: out of memory", path);
    for (int s = ZS_N_CLASS_SECTIONS; rc == 0 && s < ZS_COUNT; s++) {
        if (lists[s].n > 0 && section_templates[s]) {
            screen_cue_starts(rules, (zone_section)s, &lists[s]);
            rules->section_pattern[s] = zone_compile_section(
                section_templates[s], (zone_section)s, &lists[s], path, err);
            if (!rules->section_pattern[s])
                rc = -1;
        }
    }
    if (rc == 0 && lists[ZS_COUNTER].n > 0) {
        rules->counter_inside = zone_compile_section(
            counter_inside_template, ZS_COUNTER, &lists[ZS_COUNTER], path, err);
        if (!rules->counter_inside)
            rc = -1;
    }
    for (int p = 0; rc == 0 && p < ZP_COUNT; p++) {
        rules->pattern[p] =
            zone_compile_pattern(builtin_patterns[p], "a built-in pattern", path,
                            err);
        if (!rules->pattern[p])
            rc = -1;
    }
    if (rc == 0) {
        rules->match_context = pcre2_match_context_create(NULL);
        if (!rules->match_context) {
            rc = fp_error_set(err, "%s: out of memory", path);
        } else {
            pcre2_set_match_limit(rules->match_context, ZONE_MATCH_LIMIT);
            pcre2_set_depth_limit(rules->match_context, ZONE_DEPTH_LIMIT);
        }
    }
    for (int s = 0; s < ZS_COUNT; s++)
        cue_list_free(&lists[s]);
    if (rc != 0) {
        fp_zone_rules_free(rules);
        return NULL;
    }
    return rules;
}

void fp_zone_rules_free(fp_zone_rules *rules)
{
    if (!rules)
        return;
    for (size_t i = 0; i < rules->n_element_cues; i++)
        free(rules->element_cues[i]);
    free(rules->element_cues);
    free(rules->element_cue_len);
    free(rules->element_cue_sections);
    for (int s = 0; s < ZS_COUNT; s++)
        pcre2_code_free(rules->section_pattern[s]);
    pcre2_code_free(rules->counter_inside);
    for (int p = 0; p < ZP_COUNT; p++)
        pcre2_code_free(rules->pattern[p]);
    pcre2_match_context_free(rules->match_context);
    pubdate_rules_free(rules->pubdate);
    free(rules);
}
