/*
 * docref_types.c — load the document-type lexicon and turn it into a regex
 * alternation.  See docref_types.h.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* getline, strdup */
#endif

#include "docref_types.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>

/* Enough for the type's own words; longer lines are surely not types. */
enum { MAX_TYPE_BYTES = 120 };

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Trims line in place and returns its first non-space byte. */
static char *trim(char *line)
{
    while (is_space(*line))
        line++;
    size_t len = strlen(line);
    while (len > 0 && is_space(line[len - 1]))
        line[--len] = '\0';
    return line;
}

static bool is_valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p != 0) {
        size_t extra = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1
                                   : (*p & 0xF0) == 0xE0  ? 2
                                   : (*p & 0xF8) == 0xF0  ? 3
                                                          : 4;
        if (extra == 4)
            return false;
        for (size_t i = 1; i <= extra; i++)
            if ((p[i] & 0xC0) != 0x80)
                return false;
        p += extra + 1;
    }
    return true;
}

/* Why a lexicon line cannot be a type, or NULL when it can. */
static const char *type_problem(const char *type)
{
    if (strlen(type) > MAX_TYPE_BYTES)
        return "is longer than 120 bytes";
    if (!is_valid_utf8(type))
        return "is not valid UTF-8";
    if (strchr(type, '\\') != NULL)
        return "holds a backslash";
    return NULL;
}

static int add_type(docref_types *types, const char *type, const char *path,
                    size_t line_no, const fp_host *host)
{
    if (types->n == DOCREF_MAX_TYPES)
        return fp_errorf(host, "%s:%zu: more than %d document types; "
                         "shorten the lexicon", path, line_no,
                         DOCREF_MAX_TYPES);
    char *copy = strdup(type);
    if (copy == NULL)
        return fp_errorf(host, "%s:%zu: out of memory", path, line_no);
    types->names[types->n++] = copy;
    return FP_OK;
}

static int by_length_descending(const void *a, const void *b)
{
    size_t la = strlen(*(char *const *)a), lb = strlen(*(char *const *)b);
    return la < lb ? 1 : la > lb ? -1 : 0;
}

static int read_types(docref_types *types, FILE *file, const char *path,
                      const fp_host *host)
{
    char *line = NULL;
    size_t capacity = 0;
    size_t line_no = 0;
    int rc = FP_OK;
    while (rc == FP_OK && getline(&line, &capacity, file) != -1) {
        line_no++;
        char *type = trim(line);
        if (type[0] == '\0' || type[0] == '#')
            continue;
        const char *problem = type_problem(type);
        if (problem != NULL)
            rc = fp_errorf(host, "%s:%zu: '%.40s' cannot be a document type: it "
                           "%s; expected one type per line, in UTF-8",
                           path, line_no, type, problem);
        else
            rc = add_type(types, type, path, line_no, host);
    }
    free(line);
    if (rc == FP_OK && ferror(file))
        rc = fp_errorf(host, "%s: read error: %s", path, strerror(errno));
    return rc;
}

int docref_types_load(docref_types *types, const char *path,
                      const fp_host *host)
{
    memset(types, 0, sizeof *types);
    types->names = calloc(DOCREF_MAX_TYPES, sizeof *types->names);
    if (types->names == NULL)
        return fp_errorf(host, "out of memory");
    /* The host checked the path (a regular file under its size cap), but
     * a plugin may be given another host: check again, before opening,
     * so that a FIFO cannot block the open and /dev/zero cannot be read
     * for ever. */
    struct stat st;
    if (stat(path, &st) != 0)
        return fp_errorf(host, "cannot open the document-type lexicon %s: "
                         "%s", path, strerror(errno));
    if (!S_ISREG(st.st_mode) || st.st_size > DOCREF_MAX_LEXICON_BYTES)
        return fp_errorf(host, "the document-type lexicon %s is %s; expected a "
                         "regular file of at most %d bytes", path,
                         S_ISREG(st.st_mode) ? "too large" : "not a regular file",
                         DOCREF_MAX_LEXICON_BYTES);
    FILE *file = fopen(path, "r");
    if (file == NULL)
        return fp_errorf(host, "cannot open the document-type lexicon %s: "
                         "%s", path, strerror(errno));
    int rc = read_types(types, file, path, host);
    fclose(file);
    if (rc == FP_OK && types->n == 0)
        rc = fp_errorf(host, "%s: no document types in the lexicon; "
                       "expected one per line (e.g. Quyết định)", path);
    if (rc == FP_OK)
        qsort(types->names, types->n, sizeof *types->names,
              by_length_descending);
    return rc;
}

void docref_types_free(docref_types *types)
{
    for (size_t i = 0; types->names != NULL && i < types->n; i++)
        free(types->names[i]);
    free(types->names);
    types->names = NULL;
    types->n = 0;
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
    const char *p = type + strcspn(type, " \t");
    while (*p != '\0') {
        p += strspn(p, " \t");
        if (*p != '\0')
            runs++;
        p += strcspn(p, " \t");
    }
    return runs;
}

char *docref_types_alternation(const docref_types *types)
{
    /* Each type: "(?i:\Q" … "\E)" with every space turned into
     * "\E\h++\Q" (8 bytes for 1), plus "|" and "()". */
    size_t size = 1;
    for (size_t i = 0; i < types->n; i++)
        size += 8 * strlen(types->names[i]) + 16;
    char *out = malloc(size);
    if (out == NULL)
        return NULL;
    size_t len = 0;
    out[0] = '\0';
    for (size_t i = 0; i < types->n; i++) {
        append(out, &len, i == 0 ? "((?i:\\Q" : "|((?i:\\Q", i == 0 ? 7 : 8);
        const char *p = types->names[i];
        while (*p != '\0') {
            size_t word = strcspn(p, " \t");
            append(out, &len, p, word);
            p += word;
            if (*p != '\0') {
                append(out, &len, "\\E\\h++\\Q", 8);
                p += strspn(p, " \t");
            }
        }
        append(out, &len, "\\E))", 4);
    }
    return out;
}
