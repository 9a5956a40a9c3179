/* The shortcuts zoning takes before asking PCRE2 or comparing every cue:
 * the line-start screen and the first-byte index of element cues must give
 * exactly the answers of the full tests they skip. */
#include "zone_test_util.h"
#include "zone/fp_zone_container.h"
#include "zone/fp_zone_meta.h"
#include "zone/fp_zone_internal.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The cues of config/zones.conf, whatever their section. */
typedef struct cue_words {
    char **items;
    size_t n;
} cue_words;

static cue_words read_all_cues(void)
{
    FILE *f = fopen(FP_TEST_SOURCE_DIR "/config/zones.conf", "r");
    assert_non_null(f);
    cue_words words = {0};
    size_t cap = 0;
    char line[512];
    while (fgets(line, sizeof line, f)) {
        size_t len = strcspn(line, "\r\n");
        line[len] = '\0';
        if (len == 0 || line[0] == '#' || line[0] == '[')
            continue;
        if (words.n == cap) {
            cap = cap ? cap * 2 : 64;
            words.items = realloc(words.items, cap * sizeof *words.items);
            assert_non_null(words.items);
        }
        words.items[words.n] = strdup(line);
        assert_non_null(words.items[words.n]);
        words.n++;
    }
    fclose(f);
    assert_true(words.n > 50);
    return words;
}

static void free_cues(cue_words *words)
{
    for (size_t i = 0; i < words->n; i++)
        free(words->items[i]);
    free(words->items);
}

/* What the section's pattern alone says, without the screen. */
static bool pcre2_says(const fp_zone_rules *rules, zone_section section,
                       const char *line, pcre2_match_data *md)
{
    const pcre2_code *re = rules->section_pattern[section];
    return re && pcre2_match(re, (PCRE2_SPTR)line, strlen(line), 0, 0, md,
                             rules->match_context) > 0;
}

static void change_ascii_case(char *s, int how)
{
    for (size_t i = 0; s[i]; i++) {
        char c = s[i];
        if (how == 1 && c >= 'a' && c <= 'z')
            s[i] = (char)(c - 'a' + 'A');
        else if (how == 2 && c >= 'A' && c <= 'Z')
            s[i] = (char)(c - 'A' + 'a');
    }
}

/* Every cue of every section, behind separators ASCII and not, in three
 * casings, followed by what makes a dateline, a counter or prose: each
 * line-cue section must answer as its pattern does. */
static void screen_agrees_with_the_patterns(void **state)
{
    (void)state;
    static const char *const prefixes[] = {
        "",     " ",          "\t",     "- ",    "(",     "\xE2\x80\xA2 ",
        "\xC2\xA0", "\xC2\xA9 ", "\x01", "a",    "1",     "\xC2\xAB",
        "|",    "*** ",       "\xE2\x80\x8B", ">> ", "x ",
    };
    static const char *const suffixes[] = {
        "", " 5/10/2018", ": 123", " b\xC3\xA0i vi\xE1\xBA\xBFt", "x", " |",
    };
    fp_zone_rules *rules = zone_test_load_rules();
    zone_matcher m;
    fp_error err = {{0}};
    assert_int_equal(zone_matcher_init(&m, rules, &err), 0);
    pcre2_match_data *md = pcre2_match_data_create(8, NULL);
    assert_non_null(md);
    cue_words words = read_all_cues();
    size_t screened_sections = 0, matches = 0, lines = 0;
    for (int s = ZS_N_CLASS_SECTIONS; s < ZS_COUNT; s++)
        screened_sections += rules->cue_start_screened[s];
    char line[1024];
    for (size_t w = 0; w < words.n; w++) {
        for (size_t p = 0; p < sizeof prefixes / sizeof *prefixes; p++) {
            for (size_t x = 0; x < sizeof suffixes / sizeof *suffixes; x++) {
                for (int how = 0; how < 3; how++) {
                    snprintf(line, sizeof line, "%s%s%s", prefixes[p],
                             words.items[w], suffixes[x]);
                    change_ascii_case(line, how);
                    zone_span span = {line, strlen(line)};
                    lines++;
                    for (int s = ZS_N_CLASS_SECTIONS; s < ZS_COUNT; s++) {
                        bool expected = pcre2_says(rules, s, line, md);
                        bool got = zone_line_matches(&m, s, span, NULL);
                        if (got != expected)
                            fail_msg("section %d, line \"%s\": %d, pattern "
                                     "says %d",
                                     s, line, got, expected);
                        matches += got;
                    }
                }
            }
        }
    }
    /* the test means something only if sections are screened and lines
     * both match and do not */
    assert_true(screened_sections >= 5);
    assert_true(matches > 1000 && matches < lines * 4);
    free_cues(&words);
    pcre2_match_data_free(md);
    zone_matcher_free(&m);
    fp_zone_rules_free(rules);
}

static fp_zone_rules *load_text(const char *text)
{
    char *path = zone_test_temp_file(text);
    fp_error err = {{0}};
    fp_zone_rules *rules = fp_zone_rules_load(path, &err);
    if (!rules)
        fail_msg("%s", err.message);
    unlink(path);
    free(path);
    return rules;
}

static bool line_matches(fp_zone_rules *rules, zone_section section,
                         const char *line)
{
    zone_matcher m;
    fp_error err = {{0}};
    assert_int_equal(zone_matcher_init(&m, rules, &err), 0);
    bool matched =
        zone_line_matches(&m, section, (zone_span){line, strlen(line)}, NULL);
    zone_matcher_free(&m);
    return matched;
}

/* Cues the screen cannot vouch for turn it off for their section: one that
 * starts with a separator (the filler may eat part of it) and one that
 * starts with KELVIN SIGN, which matches 'k' whatever the case. */
static void unusual_cue_starts_turn_the_screen_off(void **state)
{
    (void)state;
    fp_zone_rules *rules =
        load_text("[chrome-prefix]\n-- In\n[byline]\n\xE2\x84\xAATV\n"
                  "[counter]\nL\xC6\xB0\xE1\xBB\xA3t xem\n");
    assert_false(rules->cue_start_screened[ZS_CHROME_PREFIX]);
    assert_false(rules->cue_start_screened[ZS_BYLINE]);
    assert_true(rules->cue_start_screened[ZS_COUNTER]);
    assert_false(rules->cue_start_screened[ZS_PORTAL_NAME]);
    assert_true(line_matches(rules, ZS_CHROME_PREFIX, "-- In"));
    assert_true(line_matches(rules, ZS_CHROME_PREFIX, " --- In"));
    assert_true(line_matches(rules, ZS_BYLINE, "ktv: Thu Lan"));
    assert_true(line_matches(rules, ZS_COUNTER, "  l\xC6\xB0\xE1\xBB\xA3t xem: 5"));
    assert_false(line_matches(rules, ZS_COUNTER, "  xem: 5"));
    assert_false(line_matches(rules, ZS_COUNTER, " -- "));
    fp_zone_rules_free(rules);
}

/* The cue test before the index: every position of the token, every cue. */
static bool reference_cues_match(const char *const *cues, size_t n_cues,
                                 const char *token)
{
    size_t token_len = strlen(token);
    for (size_t c = 0; c < n_cues; c++) {
        size_t cue_len = strlen(cues[c]);
        for (size_t at = 0; cue_len && at + cue_len <= token_len; at++) {
            bool starts = at == 0 || token[at - 1] == '-' ||
                          token[at - 1] == '_';
            size_t after = at + cue_len;
            bool ends = after == token_len || token[after] == '-' ||
                        token[after] == '_';
            if (starts && ends && memcmp(token + at, cues[c], cue_len) == 0)
                return true;
        }
    }
    return false;
}

/* Tokens glued from cue parts and near misses, against the reference. */
static void element_cue_index_agrees_with_every_position(void **state)
{
    (void)state;
    static const char *const cues[] = {"menu", "tin-khac", "left", "_x",
                                       "9box", "a",        "nav",  "left-zone"};
    static const char *const parts[] = {"menu", "tin",  "khac", "left", "x",
                                        "9box", "a",    "nav",  "leftover",
                                        "zone", "amenu", "",    "_",    "-"};
    fp_zone_rules *rules = load_text("[chrome-class]\nmenu\ntin-khac\nleft\n"
                                     "_x\n9box\na\nnav\nleft-zone\n");
    uint32_t seed = 99;
    size_t hits = 0;
    char token[128];
    for (int round = 0; round < 20000; round++) {
        token[0] = '\0';
        size_t n_parts = 1 + (seed >> 4) % 4;
        for (size_t k = 0; k < n_parts; k++) {
            seed = seed * 1664525u + 1013904223u;
            if (k)
                strcat(token, (seed >> 20) % 2 ? "-" : "_");
            strcat(token, parts[(seed >> 8) % (sizeof parts / sizeof *parts)]);
        }
        bool expected = reference_cues_match(cues, sizeof cues / sizeof *cues,
                                             token);
        char attribute[160];
        snprintf(attribute, sizeof attribute, " other %s\t", token);
        bool got = zone_cues_match(rules, ZS_CHROME_CLASS, attribute);
        if (got != expected)
            fail_msg("token \"%s\": %d, expected %d", token, got, expected);
        hits += got;
    }
    assert_true(hits > 1000 && hits < 19000);
    fp_zone_rules_free(rules);
}

/* The element sections share one index: a word named in several of
 * them is found for each, in one pass over the attribute. */
static void one_index_for_every_element_section(void **state)
{
    (void)state;
    fp_zone_rules *rules = load_text("[chrome-class]\nheader\nmenu\n"
                                     "[chrome-tag]\nheader\nnav\n"
                                     "[caption-class]\ncaption\nmenu\n"
                                     "[article-tag]\narticle\n");
    unsigned all = (1u << ZS_N_CLASS_SECTIONS) - 1;
    unsigned chrome = 1u << ZS_CHROME_CLASS, tag = 1u << ZS_CHROME_TAG,
             caption = 1u << ZS_CAPTION_CLASS;
    assert_int_equal(zone_cue_sections(rules, "site-header", all),
                     chrome | tag);
    assert_int_equal(zone_cue_sections(rules, "x main-menu", all),
                     chrome | caption);
    assert_int_equal(zone_cue_sections(rules, "site-header main-menu", all),
                     chrome | tag | caption);
    assert_int_equal(zone_cue_sections(rules, "nav", all), tag);
    assert_int_equal(zone_cue_sections(rules, "article", all),
                     1u << ZS_ARTICLE_TAG);
    /* Only the sections asked about. */
    assert_int_equal(zone_cue_sections(rules, "site-header main-menu", caption),
                     caption);
    assert_int_equal(zone_cue_sections(rules, "headers menus", all), 0);
    assert_int_equal(zone_cue_sections(rules, NULL, all), 0);
    assert_true(zone_cues_match(rules, ZS_CAPTION_CLASS, "menu"));
    assert_false(zone_cues_match(rules, ZS_ARTICLE_CLASS, "menu"));
    fp_zone_rules_free(rules);
}

/* The element cues of config/zones.conf with the section of each (a word
 * named in two sections is listed twice). */
typedef struct section_cue {
    char *word;
    unsigned section_bit;
} section_cue;

static size_t read_element_cues(section_cue *out, size_t cap)
{
    FILE *f = fopen(FP_TEST_SOURCE_DIR "/config/zones.conf", "r");
    assert_non_null(f);
    char line[512];
    int section = -1;
    size_t n = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '[') {
            section = -1;
            for (int s = 0; s < ZS_N_CLASS_SECTIONS; s++) {
                const char *name = zone_section_name((zone_section)s);
                if (strncmp(line + 1, name, strlen(name)) == 0 &&
                    line[1 + strlen(name)] == ']')
                    section = s;
            }
        } else if (section >= 0 && line[0] && line[0] != '#') {
            assert_true(n < cap);
            out[n].word = strdup(line);
            assert_non_null(out[n].word);
            out[n++].section_bit = 1u << section;
        }
    }
    fclose(f);
    return n;
}

/* zone_cue_sections as its contract says, cue by cue: a cue is a run of
 * whole '-'/'_' parts of a word of the string (words split at ' ' and
 * '\t'). */
static unsigned reference_cue_sections(const section_cue *cues, size_t n,
                                       const char *string, unsigned wanted)
{
    unsigned found = 0;
    size_t len = strlen(string);
    for (size_t c = 0; c < n; c++) {
        size_t cue_len = strlen(cues[c].word);
        for (size_t at = 0; at + cue_len <= len; at++) {
            bool starts = at == 0 || strchr(" \t-_", string[at - 1]);
            char after = string[at + cue_len];
            bool ends = after == '\0' || strchr(" \t-_", after);
            if (starts && ends &&
                memcmp(string + at, cues[c].word, cue_len) == 0)
                found |= cues[c].section_bit;
        }
    }
    return found & wanted;
}

/* A string of words glued from cue parts, whole cues and near misses. */
static void random_cue_string(uint32_t *seed, const section_cue *cues,
                              size_t n_cues, char *out, size_t size)
{
    static const char *const bits[] = {"x", "ab", "li", "tin", "tieu",
                                       "9",  "",   "-",  "_",   "Menu"};
    static const char *const glue[] = {"-", "_", " ", "\t", "  ", ""};
    out[0] = '\0';
    size_t n_pieces = 1 + (*seed >> 7) % 5;
    for (size_t k = 0; k < n_pieces; k++) {
        *seed = *seed * 1664525u + 1013904223u;
        const char *piece;
        if ((*seed >> 12) % 3)
            piece = cues[(*seed >> 16) % n_cues].word;
        else
            piece = bits[(*seed >> 16) % (sizeof bits / sizeof *bits)];
        char cut[64];
        snprintf(cut, sizeof cut, "%s", piece);
        if ((*seed >> 24) % 5 == 0 && strlen(cut) > 1)
            cut[strlen(cut) - 1] = '\0'; /* a near miss */
        if (k)
            strncat(out, glue[(*seed >> 27) % (sizeof glue / sizeof *glue)],
                    size - strlen(out) - 1);
        strncat(out, cut, size - strlen(out) - 1);
    }
}

/* The two-byte index of the shipped cues against the contract, for all
 * sections and for each alone. */
static void shipped_cue_index_agrees_with_the_contract(void **state)
{
    (void)state;
    static section_cue cues[1024];
    size_t n = read_element_cues(cues, sizeof cues / sizeof *cues);
    assert_true(n > 100);
    fp_zone_rules *rules = zone_test_load_rules();
    uint32_t seed = 7;
    size_t hits = 0;
    char string[256];
    for (int round = 0; round < 20000; round++) {
        random_cue_string(&seed, cues, n, string, sizeof string);
        unsigned wanted = round % 2 ? (1u << ZS_N_CLASS_SECTIONS) - 1
                                    : 1u << (round / 2 % ZS_N_CLASS_SECTIONS);
        unsigned expected = reference_cue_sections(cues, n, string, wanted);
        unsigned got = zone_cue_sections(rules, string, wanted);
        if (got != expected)
            fail_msg("\"%s\" (sections %#x): %#x, expected %#x", string,
                     wanted, got, expected);
        hits += got != 0;
    }
    assert_true(hits > 2000 && hits < 18000);
    for (size_t i = 0; i < n; i++)
        free(cues[i].word);
    fp_zone_rules_free(rules);
}

/* The memo answers as zone_cue_sections does, whatever the order: more
 * distinct strings than it has slots (so slots are shared and retaken),
 * equal strings at different addresses, NULL.  A memo keyed by its slot
 * alone, or one keeping a string's answer for another, fails here. */
static void cue_memo_agrees_with_the_lookup(void **state)
{
    (void)state;
    static section_cue cues[1024];
    size_t n = read_element_cues(cues, sizeof cues / sizeof *cues);
    fp_zone_rules *rules = zone_test_load_rules();
    enum { POOL = 4 * ZONE_CUE_MEMO_SLOTS };
    static char pool[2][POOL][64];
    uint32_t seed = 11;
    for (size_t i = 0; i < POOL; i++) {
        random_cue_string(&seed, cues, n, pool[0][i], sizeof pool[0][i]);
        memcpy(pool[1][i], pool[0][i], sizeof pool[0][i]);
    }
    static const unsigned wanted_sets[] = {
        (1u << ZS_CHROME_CLASS) | (1u << ZS_ARTICLE_CLASS) |
            (1u << ZS_CAPTION_CLASS),
        (1u << ZS_CHROME_TAG) | (1u << ZS_ARTICLE_TAG) |
            (1u << ZS_CAPTION_TAG),
        1u << ZS_TITLE_CLASS,
    };
    for (size_t w = 0; w < sizeof wanted_sets / sizeof *wanted_sets; w++) {
        zone_cue_memo memo;
        zone_cue_memo_init(&memo, rules, wanted_sets[w]);
        size_t distinct_answers = 0;
        unsigned last = 0;
        for (int round = 0; round < 20000; round++) {
            seed = seed * 1664525u + 1013904223u;
            /* Mostly a few strings, as a page repeats its classes. */
            size_t i = (seed >> 8) % ((seed >> 20) % 4 ? 16 : POOL);
            const char *string =
                (seed >> 30) == 0 ? NULL : pool[(seed >> 29) & 1][i];
            unsigned expected = zone_cue_sections(rules, string, wanted_sets[w]);
            unsigned got = zone_cue_memo_sections(&memo, string);
            if (got != expected)
                fail_msg("\"%s\": %#x, expected %#x", string ? string : "(null)",
                         got, expected);
            distinct_answers += got != last;
            last = got;
        }
        assert_true(distinct_answers > 100);
    }
    for (size_t i = 0; i < n; i++)
        free(cues[i].word);
    fp_zone_rules_free(rules);
}

/* The entries of one section of config/zones.conf, in file order. */
static size_t read_section_entries(zone_section section, char **out,
                                   size_t cap)
{
    FILE *f = fopen(FP_TEST_SOURCE_DIR "/config/zones.conf", "r");
    assert_non_null(f);
    char line[512], header[64];
    snprintf(header, sizeof header, "[%s]", zone_section_name(section));
    bool in_section = false;
    size_t n = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '[')
            in_section = strcmp(line, header) == 0;
        else if (in_section && line[0] && line[0] != '#') {
            assert_true(n < cap);
            out[n] = strdup(line);
            assert_non_null(out[n++]);
        }
    }
    fclose(f);
    return n;
}

static int cmp_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* tmpl with the alternation in its "%s", compiled as zoning compiles. */
static pcre2_code *compile_around(const char *tmpl, const char *alternation)
{
    size_t size = strlen(tmpl) + strlen(alternation) + 1;
    char *source = malloc(size);
    assert_non_null(source);
    const char *slot = strstr(tmpl, "%s");
    snprintf(source, size, "%.*s%s%s", (int)(slot - tmpl), tmpl, alternation,
             slot + 2);
    fp_error err = {{0}};
    pcre2_code *re = zone_compile_pattern(source, "a test pattern", "test", &err);
    if (!re)
        fail_msg("%s", err.message);
    free(source);
    return re;
}

/* A trie of cues matches what the cues one after the other match: every
 * cue of the sections compiled as tries, and the month names, in three
 * casings, cut short, run on, doubled, glued to words and numbers, and
 * the test pages' lines, through the shapes of the sections' templates. */
static void cue_tries_match_what_the_cues_match(void **state)
{
    (void)state;
    static const zone_section sections[] = {
        ZS_CHROME_LINE, ZS_CHROME_PREFIX,    ZS_COUNTER, ZS_END_OF_ARTICLE,
        ZS_RELATED_HEADING, ZS_DATELINE, ZS_PORTAL_NAME, ZS_DATE_MONTH};
    static const char *const templates[] = {
        "^[\\s\\p{P}\\p{S}]*(?:(?:%s)(?![\\p{L}\\p{N}])[\\s\\p{P}\\p{S}]*)+$",
        "^[\\s\\p{P}\\p{S}]*(?:%s)(?![\\p{L}\\p{N}])",
        "(?<![\\p{L}\\p{N}])(?:%s)\\s*:?\\s*[0-9]",
        "(?:%s)",
    };
    static const char *const tails[] = {"", ":", " abc", "x", ": 12",
                                        " (3) | In"};
    static const char *const heads[] = {"", "» ", "Theo "};
    pcre2_match_data *md = pcre2_match_data_create(4, NULL);
    assert_non_null(md);
    size_t compared = 0, matched = 0;
    for (size_t s = 0; s < sizeof sections / sizeof *sections; s++) {
        static char *cues[512];
        size_t n = read_section_entries(sections[s], cues, 512);
        assert_true(n > 0);
        for (size_t i = 0; i < n && sections[s] == ZS_DATE_MONTH; i++) {
            /* "name = number": the name */
            size_t len = strcspn(cues[i], "=");
            while (len > 0 && cues[i][len - 1] == ' ')
                len--;
            cues[i][len] = '\0';
        }
        /* One after the other, as zoning wrote them before the tries. */
        size_t flat_len = 1;
        for (size_t i = 0; i < n; i++)
            flat_len += zone_escape_cue(NULL, cues[i]) + 1;
        char *flat = malloc(flat_len);
        assert_non_null(flat);
        size_t used = 0;
        for (size_t i = 0; i < n; i++) {
            if (i)
                flat[used++] = '|';
            used += zone_escape_cue(flat + used, cues[i]);
        }
        flat[used] = '\0';
        qsort(cues, n, sizeof *cues, cmp_strings);
        char *trie = zone_trie_alternation((const char *const *)cues, n);
        assert_non_null(trie);
        for (size_t t = 0; t < sizeof templates / sizeof *templates; t++) {
            pcre2_code *want = compile_around(templates[t], flat);
            pcre2_code *got = compile_around(templates[t], trie);
            char line[512];
            for (size_t i = 0; i < n; i++) {
                const char *cue = cues[i];
                const char *other = cues[(i * 7 + 3) % n];
                for (size_t h = 0; h < sizeof heads / sizeof *heads; h++)
                    for (size_t k = 0; k < sizeof tails / sizeof *tails; k++)
                        for (int shape = 0; shape < 4; shape++) {
                            if (shape == 0)
                                snprintf(line, sizeof line, "%s%s%s", heads[h],
                                         cue, tails[k]);
                            else if (shape == 1) /* cut short */
                                snprintf(line, sizeof line, "%s%.*s%s",
                                         heads[h], (int)(strlen(cue) * 2 / 3),
                                         cue, tails[k]);
                            else if (shape == 2) /* two cues */
                                snprintf(line, sizeof line, "%s%s%s%s",
                                         heads[h], cue, tails[k], other);
                            else /* glued */
                                snprintf(line, sizeof line, "%s%s%s%s",
                                         heads[h], cue, other, tails[k]);
                            /* every other one in capitals */
                            change_ascii_case(line, (int)(i % 2));
                            int a = pcre2_match(want, (PCRE2_SPTR)line,
                                                strlen(line), 0, 0, md, NULL);
                            int b = pcre2_match(got, (PCRE2_SPTR)line,
                                                strlen(line), 0, 0, md, NULL);
                            if ((a > 0) != (b > 0))
                                fail_msg("[%s] \"%s\" through \"%s\": %d, "
                                         "expected %d",
                                         zone_section_name(sections[s]), line,
                                         templates[t], b > 0, a > 0);
                            compared++;
                            matched += a > 0;
                        }
            }
            pcre2_code_free(want);
            pcre2_code_free(got);
        }
        free(flat);
        free(trie);
        for (size_t i = 0; i < n; i++)
            free(cues[i]);
    }
    pcre2_match_data_free(md);
    assert_true(matched > compared / 10 && matched < compared * 9 / 10);
}

/* Sentence punctuation as the contract lists it, looked for at every
 * byte. */
static bool reference_sentence_punct(const char *s, size_t len)
{
    static const char *const marks[] = {
        ",", ".", ";", "!", "?", ":", "\xE3\x80\x81", "\xE3\x80\x82",
        "\xEF\xBC\x8C", "\xEF\xBC\x8E", "\xEF\xBC\x81", "\xEF\xBC\x9F",
        "\xEF\xBC\x9A", "\xEF\xBC\x9B", "\xD8\x8C", "\xD8\x9F",
        "\xE0\xA5\xA4"};
    for (size_t i = 0; i < len; i++)
        for (size_t k = 0; k < sizeof marks / sizeof *marks; k++)
            if (strlen(marks[k]) <= len - i &&
                memcmp(s + i, marks[k], strlen(marks[k])) == 0)
                return true;
    return false;
}

/* zone_has_sentence_punct looks for a comma or a stop first: the answer
 * is the one the look at every byte gives, on lines of letters, wide and
 * ASCII marks, their lead bytes without the rest, cut at any length. */
static void sentence_punct_agrees_with_every_byte(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "Hội nghị ", "abc ", ",", ".", "!", "?", ":", ";", "\xE3\x80\x82",
        "\xEF\xBC\x8C", "\xD8\x8C", "\xE0\xA5\xA4", "\xE3\x80", "\xEF",
        "\xD8", "\xE0\xA5", "Đ", "- ", "%", "(1)"};
    uint32_t seed = 5;
    size_t with = 0;
    char line[128];
    for (int round = 0; round < 20000; round++) {
        line[0] = '\0';
        size_t n = 1 + (seed >> 5) % 6;
        for (size_t k = 0; k < n; k++) {
            seed = seed * 1664525u + 1013904223u;
            size_t pick = (seed >> 8) % (sizeof pieces / sizeof *pieces);
            /* the marks are rare, as in headings and menus */
            if (pick >= 2 && pick < 12 && (seed >> 20) % 4)
                pick = 0;
            strncat(line, pieces[pick], sizeof line - strlen(line) - 1);
        }
        size_t len = strlen(line) - (seed >> 28) % 3; /* maybe cut short */
        if (len > strlen(line))
            len = 0;
        bool expected = reference_sentence_punct(line, len);
        bool got = zone_has_sentence_punct((zone_span){line, len});
        if (got != expected)
            fail_msg("\"%.*s\": %d, expected %d", (int)len, line, got,
                     expected);
        with += got;
    }
    assert_true(with > 2000 && with < 18000);
}

/* The white space zone_trim cuts, as its contract lists it. */
static size_t reference_space_at(const char *s, size_t left)
{
    static const char *const spaces[] = {
        " ", "\t", "\r", "\f", "\v", "\xC2\xA0", "\xE2\x80\x8B",
        "\xE2\x80\xAF", "\xEF\xBB\xBF", "\xE3\x80\x80", "\xE2\x80\x80",
        "\xE2\x80\x85", "\xE2\x80\x8A"};
    for (size_t k = 0; k < sizeof spaces / sizeof *spaces; k++)
        if (strlen(spaces[k]) <= left &&
            memcmp(s, spaces[k], strlen(spaces[k])) == 0)
            return strlen(spaces[k]);
    return 0;
}

/* zone_trim stops at once on a line ending in an ASCII byte that is not
 * a space: what it cuts is what cutting space after space from both ends
 * cuts. */
static void trim_agrees_with_cutting_space_by_space(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "a", ".", "Hội", " ", "\t", "\xC2\xA0", "\xE2\x80\x8B", "\xEF\xBB\xBF",
        "\xE3\x80\x80", "\xE2\x80\x85", "\xA0", "\x80", "\n", "\xE2\x80\x8C"};
    uint32_t seed = 3;
    size_t cut = 0;
    char line[128];
    for (int round = 0; round < 20000; round++) {
        line[0] = '\0';
        size_t n = (seed >> 5) % 7;
        for (size_t k = 0; k < n; k++) {
            seed = seed * 1664525u + 1013904223u;
            strcat(line, pieces[(seed >> 8) % (sizeof pieces / sizeof *pieces)]);
        }
        seed = seed * 1664525u + 1013904223u;
        zone_span want = {line, strlen(line)};
        size_t k;
        while (want.len && (k = reference_space_at(want.s, want.len)) > 0) {
            want.s += k;
            want.len -= k;
        }
        for (bool again = true; again;) {
            again = false;
            for (k = 3; k >= 1 && !again; k--)
                if (k <= want.len &&
                    reference_space_at(want.s + want.len - k, k) == k) {
                    want.len -= k;
                    again = true;
                }
        }
        zone_span got = zone_trim((zone_span){line, strlen(line)});
        if (got.s != want.s || got.len != want.len)
            fail_msg("\"%s\": [%zu, +%zu), expected [%zu, +%zu)", line,
                     (size_t)(got.s - line), got.len, (size_t)(want.s - line),
                     want.len);
        cut += want.len != strlen(line);
    }
    assert_true(cut > 2000 && cut < 18000);
}

/* The split as zoning first wrote it: at every byte, the first separator
 * of the list starting there. */
static size_t split_byte_by_byte(zone_span line, size_t from,
                                 const char *const *separators, size_t n,
                                 size_t *sep_len)
{
    for (size_t i = from; i < line.len; i++)
        for (size_t k = 0; k < n; k++) {
            size_t len = strlen(separators[k]);
            if (len <= line.len - i &&
                memcmp(line.s + i, separators[k], len) == 0) {
                *sep_len = len;
                return i;
            }
        }
    *sep_len = 0;
    return line.len;
}

/* zone_next_separator looks each separator up once per line (memmem) and
 * remembers where it is: over lines built of separators, their pieces
 * and words, it must split exactly where the byte-by-byte scan does. */
static void separator_split_agrees_with_a_byte_by_byte_scan(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        " | ", " > ", " \xC2\xBB ", " \xE2\x80\xBA ", " ", "|", ">",
        "\xC2\xBB", " |", "| ", "  ", "Tin", "Kinh t\xE1\xBA\xBF", "a",
    };
    static const char *const bar[] = {" | "};
    static const char *const crumbs[] = {" > ", " \xC2\xBB ",
                                         " \xE2\x80\xBA "};
    static const char *const overlapping[] = {" | ", "| |", " "};
    struct {
        const char *const *items;
        size_t n;
    } sets[] = {{bar, 1}, {crumbs, 3}, {overlapping, 3}};
    uint32_t seed = 12345;
    char buf[256];
    for (int round = 0; round < 20000; round++) {
        size_t len = 0;
        int n_pieces = (int)(seed % 12);
        for (int k = 0; k < n_pieces; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *piece =
                pieces[(seed >> 16) % (sizeof pieces / sizeof *pieces)];
            size_t piece_len = strlen(piece);
            if (len + piece_len >= sizeof buf)
                break;
            memcpy(buf + len, piece, piece_len);
            len += piece_len;
        }
        seed = seed * 1103515245u + 12345u;
        zone_span line = {buf, len};
        for (size_t s = 0; s < sizeof sets / sizeof *sets; s++) {
            zone_separators set = zone_separators_of(sets[s].items, sets[s].n);
            size_t from = 0;
            for (;;) {
                size_t want_len, got_len;
                size_t want = split_byte_by_byte(line, from, sets[s].items,
                                                 sets[s].n, &want_len);
                size_t got = zone_next_separator(&set, line, from, &got_len);
                assert_int_equal(got, want);
                assert_int_equal(got_len, want_len);
                if (got == line.len)
                    break;
                from = got + got_len;
            }
        }
    }
}

/* The page remembers zone_is_chrome_line of each line: asked in any order,
 * any number of times, it answers as the test itself does. */
static void remembered_chrome_lines_agree_with_the_test(void **state)
{
    (void)state;
    static const char page[] =
        "<html><body><div class=\"main\"><h1>Giao ban quý III</h1>"
        ZONE_TEST_P1 "<p>Lượt xem: 432</p>" ZONE_TEST_P2
        "<p>Chia sẻ bài viết</p><p>1 8 1 6 5 2 6 7</p>" ZONE_TEST_P3
        "<p>56.6 %37.2 %0.0 %Sớm</p>" ZONE_TEST_P4
        "<p>In bài viết | Gửi email</p></div></body></html>";
    fp_zone_rules *rules = zone_test_load_rules();
    fp_text t;
    zone_test_make_text(page, sizeof page - 1, 1, &t);
    fp_error err = {0};
    zone_matcher m;
    assert_int_equal(zone_matcher_init(&m, rules, &err), 0);
    zone_html_page p;
    assert_int_equal(zone_html_page_init(&p, &m, &t, &err), 0);
    size_t chrome = 0;
    for (int pass = 0; pass < 2; pass++)
        for (size_t k = 0; k < t.n_lines; k++) {
            size_t i = pass == 0 ? k : t.n_lines - 1 - k;
            bool want = zone_is_chrome_line(&m, zone_line_span(&t, i));
            assert_int_equal(zone_line_is_chrome_line(&p, i), want);
            chrome += want;
        }
    assert_true(chrome >= 2 * 4); /* the page's chrome lines were found */
    zone_html_page_free(&p);
    zone_matcher_free(&m);
    fp_text_free(&t);
    fp_zone_rules_free(rules);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(screen_agrees_with_the_patterns),
        cmocka_unit_test(unusual_cue_starts_turn_the_screen_off),
        cmocka_unit_test(element_cue_index_agrees_with_every_position),
        cmocka_unit_test(one_index_for_every_element_section),
        cmocka_unit_test(shipped_cue_index_agrees_with_the_contract),
        cmocka_unit_test(cue_memo_agrees_with_the_lookup),
        cmocka_unit_test(cue_tries_match_what_the_cues_match),
        cmocka_unit_test(sentence_punct_agrees_with_every_byte),
        cmocka_unit_test(trim_agrees_with_cutting_space_by_space),
        cmocka_unit_test(separator_split_agrees_with_a_byte_by_byte_scan),
        cmocka_unit_test(remembered_chrome_lines_agree_with_the_test),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
