/*
 * lexicon.c — see lexicon.h.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* getline, strdup */
#endif

#include "lexicon.h"

#include "text.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* FNV-1a */
static const uint64_t FNV_OFFSET_BASIS = 1469598103934665603ULL;
static const uint64_t FNV_PRIME = 1099511628211ULL;

static uint64_t hash_step(uint64_t h, unsigned char c)
{
    return (h ^ c) * FNV_PRIME;
}

uint64_t lexicon_hash(const char *s)
{
    uint64_t h = FNV_OFFSET_BASIS;
    for (; *s != '\0'; s++)
        h = hash_step(h, (unsigned char)*s);
    return h;
}

/* The slot of key, whose hash is hash: where it is, or the free slot
 * where it would go.  Most look-ups are of words in no lexicon: the
 * stored hashes settle them without comparing strings. */
static size_t probe(const lexicon *lex, uint64_t hash, const char *key)
{
    size_t mask = lex->capacity - 1;
    size_t i = (size_t)hash & mask;
    while (lex->keys[i] != NULL &&
           !(lex->hashes[i] == hash && strcmp(lex->keys[i], key) == 0))
        i = (i + 1) & mask;
    return i;
}

static bool grow(lexicon *lex)
{
    size_t capacity = lex->capacity ? lex->capacity * 2 : 64;
    char **keys = calloc(capacity, sizeof *keys);
    int64_t *values = calloc(capacity, sizeof *values);
    uint64_t *hashes = calloc(capacity, sizeof *hashes);
    if (keys == NULL || values == NULL || hashes == NULL) {
        free(keys);
        free(values);
        free(hashes);
        return false;
    }
    /* Keys are distinct: each goes to the first free slot of its hash. */
    for (size_t i = 0; i < lex->capacity; i++) {
        if (lex->keys[i] == NULL)
            continue;
        size_t slot = (size_t)lex->hashes[i] & (capacity - 1);
        while (keys[slot] != NULL)
            slot = (slot + 1) & (capacity - 1);
        keys[slot] = lex->keys[i];
        values[slot] = lex->values[i];
        hashes[slot] = lex->hashes[i];
    }
    free(lex->keys);
    free(lex->values);
    free(lex->hashes);
    lex->keys = keys;
    lex->values = values;
    lex->hashes = hashes;
    lex->capacity = capacity;
    return true;
}

/* Adds a folded key; a repeated entry keeps its first value. */
static bool add_entry(lexicon *lex, const char *key, int value)
{
    if ((lex->used + 1) * 2 > lex->capacity && !grow(lex))
        return false;
    uint64_t hash = lexicon_hash(key);
    size_t slot = probe(lex, hash, key);
    if (lex->keys[slot] != NULL)
        return true;
    lex->keys[slot] = strdup(key);
    if (lex->keys[slot] == NULL)
        return false;
    lex->hashes[slot] = hash;
    lex->used++;
    lex->count++;
    lex->values[slot] = value;
    size_t words = 1;
    for (const char *p = key; *p != '\0'; p++)
        words += *p == ' ';
    if (words > lex->max_words)
        lex->max_words = words;
    return true;
}

bool lexicon_find(const lexicon *lex, const char *folded, int *value)
{
    return lexicon_find_hashed(lex, folded, lexicon_hash(folded), value);
}

bool lexicon_find_hashed(const lexicon *lex, const char *folded,
                         uint64_t hash, int *value)
{
    if (lex->capacity == 0)
        return false;
    size_t slot = probe(lex, hash, folded);
    if (lex->keys[slot] == NULL)
        return false;
    if (value != NULL)
        *value = (int)lex->values[slot];
    return true;
}

bool lexicon_merge_bits(lexicon *lex, const char *word, size_t len,
                        uint64_t bits)
{
    char key[LEXICON_MAX_ENTRY];
    if (len >= sizeof key)
        return true; /* longer than any entry it could stand for */
    memcpy(key, word, len);
    key[len] = '\0';
    if ((lex->used + 1) * 2 > lex->capacity && !grow(lex))
        return false;
    uint64_t hash = lexicon_hash(key);
    size_t slot = probe(lex, hash, key);
    if (lex->keys[slot] == NULL) {
        lex->keys[slot] = strdup(key);
        if (lex->keys[slot] == NULL)
            return false;
        lex->hashes[slot] = hash;
        lex->used++;
        lex->count++;
        lex->max_words = 1;
    }
    lex->values[slot] = (int64_t)((uint64_t)lex->values[slot] | bits);
    return true;
}

uint64_t lexicon_bits(const lexicon *lex, const char *folded)
{
    return lexicon_bits_hashed(lex, folded, lexicon_hash(folded));
}

uint64_t lexicon_bits_hashed(const lexicon *lex, const char *folded,
                             uint64_t hash)
{
    if (lex->capacity == 0)
        return 0;
    size_t slot = probe(lex, hash, folded);
    return lex->keys[slot] ? (uint64_t)lex->values[slot] : 0;
}

const char *lexicon_entry_at(const lexicon *lex, size_t slot)
{
    return lex->keys[slot];
}

void lexicon_free(lexicon *lex)
{
    for (size_t i = 0; i < lex->capacity; i++)
        free(lex->keys[i]);
    free(lex->keys);
    free(lex->values);
    free(lex->hashes);
    memset(lex, 0, sizeof *lex);
}

static bool valid_utf8(const char *s, size_t len)
{
    for (size_t pos = 0; pos < len;) {
        size_t before = pos;
        uint32_t c = text_decode(s, len, &pos);
        if (c == 0xFFFD && !(pos - before == 3 &&
                             memcmp(s + before, "\xEF\xBF\xBD", 3) == 0))
            return false;
    }
    return true;
}

/* Splits "words: kind" at its last colon and finds the kind's value. */
static int parse_kind(char *line, const lexicon_kind *kinds, size_t n_kinds,
                      int *value, const char *path, size_t line_no,
                      const fp_host *host)
{
    char *colon = strrchr(line, ':');
    char names[200] = "";
    for (size_t i = 0; i < n_kinds; i++) {
        size_t used = strlen(names);
        snprintf(names + used, sizeof names - used, "%s%s", i ? ", " : "",
                 kinds[i].name);
    }
    if (colon == NULL)
        return fp_errorf(host, "%s:%zu: expected \"words: kind\" with kind "
                         "one of %s", path, line_no, names);
    *colon = '\0';
    char *kind = colon + 1;
    while (*kind == ' ' || *kind == '\t')
        kind++;
    size_t kind_len = strlen(kind);
    while (kind_len > 0 && (kind[kind_len - 1] == ' ' ||
                            kind[kind_len - 1] == '\t'))
        kind[--kind_len] = '\0';
    for (size_t i = 0; i < n_kinds; i++)
        if (strcmp(kind, kinds[i].name) == 0) {
            *value = kinds[i].value;
            return FP_OK;
        }
    return fp_errorf(host, "%s:%zu: unknown kind \"%s\" (kinds: %s)", path,
                     line_no, kind, names);
}

static int load_line(lexicon *lex, char *line, size_t len,
                     const lexicon_kind *kinds, size_t n_kinds,
                     const char *path, size_t line_no, const fp_host *host)
{
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        line[--len] = '\0';
    size_t start = 0;
    while (start < len && (line[start] == ' ' || line[start] == '\t'))
        start++;
    if (start == len || line[start] == '#')
        return FP_OK;
    if (!valid_utf8(line, len))
        return fp_errorf(host, "%s:%zu: not valid UTF-8; save the file as "
                         "UTF-8", path, line_no);
    int value = 1;
    if (kinds != NULL && parse_kind(line + start, kinds, n_kinds, &value,
                                    path, line_no, host) != FP_OK)
        return FP_ERROR;
    char folded[LEXICON_MAX_ENTRY];
    if (!text_fold(line + start, strlen(line + start), folded, sizeof folded))
        return fp_errorf(host, "%s:%zu: entry longer than %d bytes", path,
                         line_no, LEXICON_MAX_ENTRY - 1);
    if (folded[0] == '\0')
        return fp_errorf(host, "%s:%zu: empty entry before the kind", path,
                         line_no);
    if (!add_entry(lex, folded, value))
        return fp_errorf(host, "%s:%zu: out of memory", path, line_no);
    return FP_OK;
}

int lexicon_load(lexicon *lex, const char *path, const lexicon_kind *kinds,
                 size_t n_kinds, const fp_host *host)
{
    memset(lex, 0, sizeof *lex);
    FILE *file = fopen(path, "r");
    if (file == NULL)
        return fp_errorf(host, "cannot open lexicon %s: %s", path,
                         strerror(errno));
    char *line = NULL;
    size_t line_cap = 0, line_no = 0;
    ssize_t len;
    int rc = FP_OK;
    while (rc == FP_OK && (len = getline(&line, &line_cap, file)) >= 0) {
        line_no++;
        if (memchr(line, '\0', (size_t)len) != NULL)
            rc = fp_errorf(host, "%s:%zu: contains a NUL byte; is it a "
                           "text file?", path, line_no);
        else
            rc = load_line(lex, line, (size_t)len, kinds, n_kinds, path,
                           line_no, host);
    }
    if (rc == FP_OK && ferror(file))
        rc = fp_errorf(host, "cannot read lexicon %s: %s", path,
                       strerror(errno));
    if (rc == FP_OK && lex->count == 0)
        rc = fp_errorf(host, "lexicon %s has no entries (one per line, '#' "
                       "starts a comment)", path);
    free(line);
    fclose(file);
    if (rc != FP_OK)
        lexicon_free(lex);
    return rc;
}
