/*
 * docref_types.c — load the document-type lexicon and turn it into a regex
 * alternation.  See docref_types.h.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include "docref_types.h"

#include <pcre2.h>

#include <factpipe/regex.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The lexicon's check: what docref needs of a type beyond the format. */
static int check_type(void *user, fp_lexicon_entry *entry, char *why,
                      size_t why_size)
{
    (void)user;
    const char *problem = NULL;
    if (strlen(entry->written) > DOCREF_MAX_TYPE_BYTES)
        problem = "is longer than 120 bytes";
    else if (strchr(entry->written, '\\') != NULL)
        problem = "holds a backslash";
    if (problem == NULL)
        return 0;
    int quoted = 0; /* at most 40 bytes, not cutting a character */
    while (entry->written[quoted] != '\0' && quoted < 40)
        quoted++;
    while (quoted > 0 && ((unsigned char)entry->written[quoted] & 0xC0) == 0x80)
        quoted--;
    snprintf(why, why_size, "'%.*s' cannot be a document type: it %s; "
             "expected one type per line", quoted, entry->written, problem);
    return -1;
}

/* Bytes of the first character of text. */
static size_t first_char_bytes(const char *text)
{
    size_t n = 1;
    while (((unsigned char)text[n] & 0xC0) == 0x80)
        n++;
    return n;
}

/* A pattern matching the first character of type as the reference
 * pattern's caseless (?i:) matches it ("Q" and "q", "Đ" and "đ"): which
 * letters are one is PCRE2's to say.  NULL when out of memory. */
static pcre2_code *first_letter_pattern(const char *type)
{
    char pattern[32];
    snprintf(pattern, sizeof pattern, "(?i:\\Q%.*s\\E)",
             (int)first_char_bytes(type), type);
    int error_code;
    PCRE2_SIZE error_offset;
    return pcre2_compile(
        (PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
        FP_REGEX_COMPILE_OPTIONS | PCRE2_ANCHORED | PCRE2_ENDANCHORED,
        &error_code, &error_offset, NULL);
}

/* Orders the types (longest first) into groups of the same first letter,
 * each group where its first type was and keeping the order within it,
 * and marks where each group starts.  The alternation then tests a
 * group's first letter once instead of once per type: at any position
 * only one group can match (letters that match caselessly are in one
 * group), and within it the longest type is still tried first, so the
 * matches are the same.  Returns FP_ERROR when out of memory. */
static int group_by_first_letter(docref_types *types)
{
    size_t n = types->n, size = n > 0 ? n : 1;
    const char **grouped = malloc(size * sizeof *grouped);
    types->starts_group = calloc(size, sizeof *types->starts_group);
    bool *placed = calloc(size, sizeof *placed);
    pcre2_match_data *match_data = pcre2_match_data_create(1, NULL);
    int rc = grouped != NULL && types->starts_group != NULL &&
                     placed != NULL && match_data != NULL
                 ? FP_OK
                 : FP_ERROR;
    size_t k = 0;
    for (size_t i = 0; i < n && rc == FP_OK; i++) {
        if (placed[i])
            continue;
        types->starts_group[k] = true;
        grouped[k++] = types->names[i];
        pcre2_code *letter = first_letter_pattern(types->names[i]);
        if (letter == NULL)
            rc = FP_ERROR;
        for (size_t j = i + 1; j < n && rc == FP_OK; j++) {
            const char *other = types->names[j];
            if (!placed[j] &&
                pcre2_match(letter, (PCRE2_SPTR)other,
                            first_char_bytes(other), 0, 0, match_data,
                            NULL) >= 0) {
                placed[j] = true;
                grouped[k++] = other;
            }
        }
        pcre2_code_free(letter);
    }
    if (rc == FP_OK)
        memcpy(types->names, grouped, n * sizeof *grouped);
    pcre2_match_data_free(match_data);
    free(placed);
    free(grouped);
    return rc;
}

int docref_types_load(docref_types *types, const char *path,
                      const fp_host *host)
{
    memset(types, 0, sizeof *types);
    fp_lexicon_options options = {.check = check_type,
                                  .max_bytes = DOCREF_MAX_LEXICON_BYTES};
    if (fp_lexicon_load(&types->lexicon, path, &options, host) != FP_OK)
        return FP_ERROR;
    size_t n = types->lexicon.n_entries;
    if (n > DOCREF_MAX_TYPES) {
        docref_types_free(types);
        return fp_errorf(host, "%s: %zu document types, more than %d; "
                         "shorten the lexicon", path, n, DOCREF_MAX_TYPES);
    }
    types->names = malloc(n * sizeof *types->names);
    if (types->names == NULL) {
        docref_types_free(types);
        return fp_errorf(host, "%s: out of memory", path);
    }
    /* Longest first; an insertion sort keeps lexicon order among equals. */
    for (size_t i = 0; i < n; i++) {
        const char *name = types->lexicon.entries[i].written;
        size_t k = i, len = strlen(name);
        while (k > 0 && strlen(types->names[k - 1]) < len) {
            types->names[k] = types->names[k - 1];
            k--;
        }
        types->names[k] = name;
    }
    types->n = n;
    if (group_by_first_letter(types) != FP_OK) {
        docref_types_free(types);
        return fp_errorf(host, "%s: out of memory", path);
    }
    return FP_OK;
}

void docref_types_free(docref_types *types)
{
    free(types->names);
    free(types->starts_group);
    fp_lexicon_free(&types->lexicon);
    memset(types, 0, sizeof *types);
}

/* Appends src to out at *len; out has room (see the size computed by the
 * caller). */
static void append(char *out, size_t *len, const char *src, size_t n)
{
    memcpy(out + *len, src, n);
    *len += n;
    out[*len] = '\0';
}

size_t docref_type_space_runs(const char *type)
{
    size_t runs = 0;
    for (const char *p = type; *p != '\0'; p++)
        runs += *p == ' ';
    return runs;
}

/* Appends text[0..n) quoted, its spaces as \h++ between quoted parts. */
static void append_quoted(char *out, size_t *len, const char *text, size_t n)
{
    append(out, len, "\\Q", 2);
    for (size_t i = 0; i < n; i++) {
        if (text[i] == ' ')
            append(out, len, "\\E\\h++\\Q", 8);
        else
            append(out, len, text + i, 1);
    }
    append(out, len, "\\E", 2);
}

char *docref_types_alternation(const docref_types *types)
{
    /* Each group: "(?i:\Q" first "\E)(?:" ... ")" and "|"; each type
     * "(?i:\Q" … "\E)()" with every space turned into "\E\h++\Q" (8
     * bytes for 1), plus "|". */
    size_t size = 1;
    for (size_t i = 0; i < types->n; i++)
        size += 8 * strlen(types->names[i]) + 40;
    char *out = malloc(size);
    if (out == NULL)
        return NULL;
    size_t len = 0;
    out[0] = '\0';
    for (size_t i = 0; i < types->n; i++) {
        const char *name = types->names[i];
        size_t first = first_char_bytes(name);
        if (types->starts_group[i]) {
            if (i > 0)
                append(out, &len, ")|", 2);
            append(out, &len, "(?i:", 4);
            append_quoted(out, &len, name, first);
            append(out, &len, ")(?:", 4);
        } else {
            append(out, &len, "|", 1);
        }
        append(out, &len, "(?i:", 4);
        append_quoted(out, &len, name + first, strlen(name + first));
        append(out, &len, ")()", 3);
    }
    if (types->n > 0)
        append(out, &len, ")", 1);
    return out;
}
