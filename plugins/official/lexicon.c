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
    const lexicon_entry_slot *slots = lex->slots;
    while (slots[i].key != NULL &&
           !(slots[i].hash == hash && strcmp(slots[i].key, key) == 0))
        i = (i + 1) & mask;
    return i;
}

static bool grow(lexicon *lex)
{
    size_t capacity = lex->capacity ? lex->capacity * 2 : 64;
    lexicon_entry_slot *slots = calloc(capacity, sizeof *slots);
    if (slots == NULL)
        return false;
    /* Keys are distinct: each goes to the first free slot of its hash. */
    for (size_t i = 0; i < lex->capacity; i++) {
        if (lex->slots[i].key == NULL)
            continue;
        size_t slot = (size_t)lex->slots[i].hash & (capacity - 1);
        while (slots[slot].key != NULL)
            slot = (slot + 1) & (capacity - 1);
        slots[slot] = lex->slots[i];
    }
    free(lex->slots);
    lex->slots = slots;
    lex->capacity = capacity;
    return true;
}

/* Adds a folded key; a repeated entry keeps its first value. */
static bool add_entry(lexicon *lex, const char *key, int value)
{
    if ((lex->used + 1) * 2 > lex->capacity && !grow(lex))
        return false;
    uint64_t hash = lexicon_hash(key);
    lexicon_entry_slot *slot = &lex->slots[probe(lex, hash, key)];
    if (slot->key != NULL)
        return true;
    slot->key = strdup(key);
    if (slot->key == NULL)
        return false;
    slot->hash = hash;
    lex->used++;
    lex->count++;
    slot->value = value;
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
    const lexicon_entry_slot *slot = &lex->slots[probe(lex, hash, folded)];
    if (slot->key == NULL)
        return false;
    if (value != NULL)
        *value = (int)slot->value;
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
    lexicon_entry_slot *slot = &lex->slots[probe(lex, hash, key)];
    if (slot->key == NULL) {
        slot->key = strdup(key);
        if (slot->key == NULL)
            return false;
        slot->hash = hash;
        lex->used++;
        lex->count++;
        lex->max_words = 1;
    }
    slot->value = (int64_t)((uint64_t)slot->value | bits);
    return true;
}

uint64_t lexicon_bits_hashed(const lexicon *lex, const char *folded,
                             uint64_t hash)
{
    if (lex->capacity == 0)
        return 0;
    const lexicon_entry_slot *slot = &lex->slots[probe(lex, hash, folded)];
    return slot->key ? (uint64_t)slot->value : 0;
}

bool lexicon_holds_hash(const lexicon *lex, uint64_t hash)
{
    if (lex->capacity == 0)
        return false;
    size_t mask = lex->capacity - 1;
    for (size_t i = (size_t)hash & mask; lex->slots[i].key != NULL;
         i = (i + 1) & mask)
        if (lex->slots[i].hash == hash)
            return true;
    return false;
}

const char *lexicon_entry_at(const lexicon *lex, size_t slot)
{
    return lex->slots[slot].key;
}

void lexicon_free(lexicon *lex)
{
    for (size_t i = 0; i < lex->capacity; i++)
        free(lex->slots[i].key);
    free(lex->slots);
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
