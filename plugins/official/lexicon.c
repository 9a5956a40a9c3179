/*
 * lexicon.c — see lexicon.h.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* strdup */
#endif

#include "lexicon.h"

#include "text.h"

#include <factpipe/lexicon.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

uint64_t lexicon_hash(const char *s)
{
    uint64_t h = LEXICON_HASH_START;
    for (; *s != '\0'; s++)
        h = lexicon_hash_byte(h, (unsigned char)*s);
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

/* The lexicon being built from the reader's entries. */
typedef struct lexicon_builder {
    lexicon *lex;
    bool kinds;
} lexicon_builder;

/* The reader's check callback: one entry of the file, in file order,
 * folded and added (a phrase folded alike to an earlier one keeps the
 * earlier one's kind). */
static int add_read_entry(void *user, fp_lexicon_entry *read, char *why,
                          size_t why_size)
{
    lexicon_builder *b = user;
    char folded[LEXICON_MAX_ENTRY];
    if (!text_fold(read->written, strlen(read->written), folded,
                   sizeof folded))
        return snprintf(why, why_size, "entry longer than %d bytes",
                        LEXICON_MAX_ENTRY - 1), -1;
    if (!add_entry(b->lex, folded, b->kinds ? read->kind : 1))
        return snprintf(why, why_size, "out of memory"), -1;
    return 0;
}

int lexicon_load(lexicon *lex, const char *path, const lexicon_kind *kinds,
                 size_t n_kinds, const fp_host *host)
{
    memset(lex, 0, sizeof *lex);
    lexicon_builder builder = {lex, kinds != NULL};
    fp_lexicon_options options = {.flags = kinds ? FP_LEXICON_VALUES : 0,
                                  .kinds = kinds, .n_kinds = n_kinds,
                                  .check = add_read_entry, .user = &builder};
    fp_lexicon read;
    int rc = fp_lexicon_load(&read, path, &options, host);
    fp_lexicon_free(&read);
    if (rc != FP_OK)
        lexicon_free(lex);
    return rc;
}
