/*
 * docref_compile.c — the three patterns of a docref instance.
 * See docref_match.h.
 */
#include "docref_match.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Not inside a word or a number. */
#define WORD_START "(?<![\\p{L}\\p{N}])"
#define WORD_END "(?![\\p{L}\\p{N}])"

/* A number with its code: 217-QĐ/TW, 112/KH-UBND, 146/2017/TT-BTC,
 * 08-CTr/QU (each part of the code starts with a capital or a digit).  Or a
 * bare number that is not the start of a decimal, a code or a word. */
#define NUMBER(PREFIX)                                                     \
    "(?:(?<" PREFIX "coded>[0-9]++(?:[-/][\\p{Lu}0-9][\\p{L}0-9]*+)++)"    \
    WORD_END                                                               \
    "|(?<" PREFIX "bare>[0-9]++)(?![\\p{L}\\p{N}]|[-/.,][0-9]|[-/]\\p{Lu}))"

/* "Kế hoạch 5 năm" is a five-year plan, not plan number 5; "Nghị quyết 43
 * năm 2019" is number 43.  Only a bare number without "số" is in doubt. */
#define NOT_A_DURATION                                                     \
    "(?(<so>)|(?(<bare>)(?!\\h++(?i:năm|tháng|tuần|quý|ngày|lần|lượt|giờ)"  \
    "(?!\\h*+[0-9]))))"

/* "Trung ương 4", "Hội nghị Trung ương 8 khóa XI", "TW 4 (khoá XII)". */
#define TERM "(?i:khóa|khoá)\\h++[IVXLC]++" WORD_END
#define PLENUM                                                             \
    "(?<name>(?:(?i:hội\\h++nghị)\\h++)?(?:(?i:trung\\h++ương)|TW)\\h++"    \
    "[0-9]++" WORD_END                                                     \
    "(?:\\h*+\\(\\h*+" TERM "\\h*+\\)|\\h*+,?\\h*+" TERM ")?)"

/* docref_match.c searches for a reference only shortly before a digit:
 * between the end of the type and the first digit of the number a match
 * holds at most this many runs of \h — "\h số \h : \h" before a number,
 * "\h hội \h nghị \h trung \h ương \h" before a plenum's number.  Keep it
 * in step with the reference pattern below. */
enum { SPACE_RUNS_AFTER_TYPE = 5 };

/* The words of the reference pattern after which its number (or a
 * plenum's) may come, spaces and ':' between: "số", and the plenum's
 * "ương" and "TW" (PLENUM).  Keep it in step with the pattern above. */
static const char *const WORDS_BEFORE_NUMBER[] = {"số", "ương", "TW"};

#define CONTINUATION                                                       \
    "(?:\\h*+[,;]\\h*+(?:(?i:và)\\h++)?|\\h++(?i:và)\\h++)"                \
    "(?:(?i:số)\\h*+)?" NUMBER("next_")

#define DATE                                                               \
    "\\h*+,?\\h*+(?i:ngày)\\h++"                                           \
    "(?:(?<day>[0-9]{1,2})[/.-](?<month>[0-9]{1,2})[/.-]"                  \
    "(?<year>[0-9]{4})"                                                    \
    "|(?<wday>[0-9]{1,2})\\h++(?i:tháng)\\h++(?<wmonth>[0-9]{1,2})\\h++"   \
    "(?i:năm)\\h++(?<wyear>[0-9]{4}))(?![0-9])"

static unsigned char ascii_lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
}

/* Adds the last word of phrase (after its last space; trailing spaces,
 * tabs and ':' left out, as docref_match.c skips them in the text) to the
 * words a number may follow, and notes the ASCII byte it ends with in
 * either case (a longer character needs no note: bytes of one always
 * pass the first test).  A phrase of nothing else could leave any byte
 * before a number: then every run of digits is searched. */
static void note_word_before_number(docref_matcher *m, const char *phrase)
{
    size_t len = strlen(phrase);
    while (len > 0 && (phrase[len - 1] == ' ' || phrase[len - 1] == '\t' ||
                       phrase[len - 1] == ':'))
        len--;
    if (len == 0) {
        m->every_digit_run = true;
        return;
    }
    size_t start = len;
    while (start > 0 && phrase[start - 1] != ' ' && phrase[start - 1] != '\t')
        start--;
    unsigned char last = (unsigned char)phrase[len - 1];
    struct docref_word word = {phrase + start, len - start,
                               last >= 0x80 ? 0x80 : ascii_lower(last)};
    bool listed = false; /* "định" ends three types */
    for (size_t i = 0; i < m->n_words_before_number && !listed; i++)
        listed = m->words_before_number[i].len == word.len &&
                 memcmp(m->words_before_number[i].text, word.text,
                        word.len) == 0;
    if (!listed)
        m->words_before_number[m->n_words_before_number++] = word;
    if (last >= 0x80)
        return;
    m->may_end_before_number[last] = true;
    if ((last >= 'a' && last <= 'z') || (last >= 'A' && last <= 'Z'))
        m->may_end_before_number[last ^ 0x20] = true; /* the other case */
}

static void note_words_before_numbers(docref_matcher *m)
{
    memset(m->may_end_before_number, 0, sizeof m->may_end_before_number);
    m->n_words_before_number = 0;
    m->every_digit_run = false;
    for (size_t i = 0; i < m->types.n; i++)
        note_word_before_number(m, m->types.names[i]);
    for (size_t i = 0; i < sizeof WORDS_BEFORE_NUMBER /
                               sizeof *WORDS_BEFORE_NUMBER; i++)
        note_word_before_number(m, WORDS_BEFORE_NUMBER[i]);
}

static uint32_t group(const pcre2_code *code, const char *name)
{
    int number = pcre2_substring_number_from_name(code, (PCRE2_SPTR)name);
    return number > 0 ? (uint32_t)number : 0;
}

static char *reference_pattern(const docref_types *types)
{
    char *alternation = docref_types_alternation(types);
    if (alternation == NULL)
        return NULL;
    static const char head[] = WORD_START "(?:";
    static const char tail[] =
        ")" WORD_END "(?:\\h*+(?<so>(?i:số))?\\h*+(?::\\h*+)?" NUMBER("")
        NOT_A_DURATION "|\\h++" PLENUM ")";
    size_t size = sizeof head + strlen(alternation) + sizeof tail;
    char *pattern = malloc(size);
    if (pattern != NULL)
        snprintf(pattern, size, "%s%s%s", head, alternation, tail);
    free(alternation);
    return pattern;
}

static int compile_all(docref_matcher *m, const fp_host *host)
{
    char *pattern = reference_pattern(&m->types);
    if (pattern == NULL)
        return fp_errorf(host, "out of memory");
    /* The offset limit lets a search stop at the end of its window. */
    m->reference = fp_regex_compile(pattern, PCRE2_USE_OFFSET_LIMIT,
                                    "document-type reference", host);
    free(pattern);
    if (m->reference == NULL)
        return FP_ERROR;
    /* Both follow a match, so they are anchored — at compile time: JIT
     * code runs only the anchoring it was compiled for, and a match-time
     * PCRE2_ANCHORED would fall back to the interpreter, which checks the
     * UTF-8 of the rest of the block on every call. */
    m->continuation = fp_regex_compile(CONTINUATION, PCRE2_ANCHORED,
                                       "continuation", host);
    if (m->continuation == NULL)
        return FP_ERROR;
    m->date = fp_regex_compile(DATE, PCRE2_ANCHORED, "date", host);
    if (m->date == NULL)
        return FP_ERROR;
    return FP_OK;
}

int docref_matcher_build(docref_matcher *m, docref_types *types,
                         const fp_config *config, size_t match_option,
                         size_t heap_option, const fp_host *host)
{
    m->types = *types;
    memset(types, 0, sizeof *types);
    if (compile_all(m, host) != FP_OK)
        return FP_ERROR;
    m->limits = fp_regex_limits_new(config, match_option, heap_option, host);
    if (m->limits == NULL)
        return FP_ERROR;

    m->window_space_runs = 0;
    for (size_t i = 0; i < m->types.n; i++) {
        const char *type = m->types.names[i];
        if (strpbrk(type, "0123456789") != NULL) {
            m->window_space_runs = 0; /* a type's own digits: no windows */
            break;
        }
        size_t runs = docref_type_space_runs(type) + SPACE_RUNS_AFTER_TYPE;
        if (runs > m->window_space_runs)
            m->window_space_runs = runs;
    }

    note_words_before_numbers(m);

    m->so_group = group(m->reference, "so");
    m->name_group = group(m->reference, "name");
    m->first.coded = group(m->reference, "coded");
    m->first.bare = group(m->reference, "bare");
    m->next.coded = group(m->continuation, "next_coded");
    m->next.bare = group(m->continuation, "next_bare");
    m->day = group(m->date, "day");
    m->month = group(m->date, "month");
    m->year = group(m->date, "year");
    m->day_words = group(m->date, "wday");
    m->month_words = group(m->date, "wmonth");
    m->year_words = group(m->date, "wyear");
    return FP_OK;
}

void docref_matcher_free(docref_matcher *m)
{
    pcre2_match_context_free(m->limits);
    pcre2_code_free(m->date);
    pcre2_code_free(m->continuation);
    pcre2_code_free(m->reference);
    docref_types_free(&m->types);
    memset(m, 0, sizeof *m);
}
