/*
 * docref_types.c — load the document-type lexicon and turn it into a regex
 * alternation.  See docref_types.h.
 */
#include "docref_types.h"

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
    return FP_OK;
}

void docref_types_free(docref_types *types)
{
    free(types->names);
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
        for (const char *p = types->names[i]; *p != '\0'; p++) {
            if (*p == ' ')
                append(out, &len, "\\E\\h++\\Q", 8);
            else
                append(out, &len, p, 1);
        }
        append(out, &len, "\\E))", 4);
    }
    return out;
}
