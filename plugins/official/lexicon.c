/*
 * lexicon.c — see lexicon.h.
 */
#include "lexicon.h"

#include "text.h"

#include <factpipe/lexicon.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

uint64_t lexicon_hash(const char *s)
{
    uint64_t phrase = 0, word = LEXICON_HASH_START;
    for (bool first = true;; s++) {
        if (*s != ' ' && *s != '\0') {
            word = lexicon_hash_byte(word, (unsigned char)*s);
            continue;
        }
        phrase = first ? word : lexicon_hash_join(phrase, word);
        if (*s == '\0')
            return phrase;
        first = false;
        word = LEXICON_HASH_START;
    }
}

/* The tag of a hash: bits the slot's place does not use, so a tag that
 * matches almost always means the key itself; the lowest set so that no
 * tag is 0. */
static inline uint32_t tag_of(uint64_t hash)
{
    return (uint32_t)(hash >> 32) | 1u;
}

/* The slot of key, whose hash is hash: where it is, or the free slot
 * where it would go.  A key is compared only when its slot's tag is the
 * hash's. */
static size_t probe(const lexicon *lex, uint64_t hash, const char *key)
{
    size_t mask = lex->capacity - 1;
    uint32_t tag = tag_of(hash);
    size_t i = (size_t)hash & mask;
    while (lex->slots[i].tag != 0 &&
           !(lex->slots[i].tag == tag &&
             strcmp(lex->keys + lex->slots[i].key, key) == 0))
        i = (i + 1) & mask;
    return i;
}

static bool grow_slots(lexicon *lex)
{
    size_t capacity = lex->capacity ? lex->capacity * 2 : 64;
    lexicon_slot *slots = calloc(capacity, sizeof *slots);
    int64_t *values = malloc(capacity * sizeof *values);
    if (slots == NULL || values == NULL) {
        free(slots);
        free(values);
        return false;
    }
    /* Keys are distinct: each goes to the first free slot of its hash
     * (hashed again: the slots keep only part of it). */
    for (size_t k = 0; k < lex->capacity; k++) {
        if (lex->slots[k].tag == 0)
            continue;
        uint64_t hash = lexicon_hash(lex->keys + lex->slots[k].key);
        size_t slot = (size_t)hash & (capacity - 1);
        while (slots[slot].tag != 0)
            slot = (slot + 1) & (capacity - 1);
        slots[slot] = lex->slots[k];
        values[slot] = lex->values[k];
    }
    free(lex->slots);
    free(lex->values);
    lex->slots = slots;
    lex->values = values;
    lex->capacity = capacity;
    return true;
}

/* Makes room for one more key of len bytes, the slots at most three
 * quarters taken, so that a probe ends soon. */
static bool reserve_entry(lexicon *lex, size_t len)
{
    if ((lex->count + 1) * 4 > lex->capacity * 3 && !grow_slots(lex))
        return false;
    if (lex->keys_len + len + 1 > lex->keys_capacity) {
        size_t capacity = lex->keys_capacity ? lex->keys_capacity : 1024;
        while (capacity < lex->keys_len + len + 1)
            capacity *= 2;
        if (capacity > UINT32_MAX)
            return false;
        char *keys = realloc(lex->keys, capacity);
        if (keys == NULL)
            return false;
        lex->keys = keys;
        lex->keys_capacity = capacity;
    }
    return true;
}

/* The slot of key[0, len), added with value 0 when new; *added says
 * which.  SIZE_MAX when out of memory. */
static size_t slot_for(lexicon *lex, const char *key, size_t len,
                       bool *added)
{
    if (!reserve_entry(lex, len))
        return SIZE_MAX;
    uint64_t hash = lexicon_hash(key);
    size_t slot = probe(lex, hash, key);
    *added = lex->slots[slot].tag == 0;
    if (*added) {
        lex->slots[slot].tag = tag_of(hash);
        lex->slots[slot].key = (uint32_t)lex->keys_len;
        lex->values[slot] = 0;
        memcpy(lex->keys + lex->keys_len, key, len + 1);
        lex->keys_len += len + 1;
        lex->count++;
    }
    return slot;
}

/* Adds a folded key; a repeated entry keeps its first value. */
static bool add_entry(lexicon *lex, const char *key, int value)
{
    bool added;
    size_t slot = slot_for(lex, key, strlen(key), &added);
    if (slot == SIZE_MAX)
        return false;
    if (!added)
        return true;
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
    if (lex->slots[slot].tag == 0)
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
    bool added;
    size_t slot = slot_for(lex, key, len, &added);
    if (slot == SIZE_MAX)
        return false;
    lex->max_words = 1;
    lex->values[slot] = (int64_t)((uint64_t)lex->values[slot] | bits);
    return true;
}

uint64_t lexicon_bits_hashed(const lexicon *lex, const char *folded,
                             uint64_t hash)
{
    if (lex->capacity == 0)
        return 0;
    size_t slot = probe(lex, hash, folded);
    return lex->slots[slot].tag ? (uint64_t)lex->values[slot] : 0;
}

bool lexicon_find_by(const lexicon *lex, uint64_t hash,
                     bool (*is_key)(const char *key, const void *arg),
                     const void *arg, int *value)
{
    if (lex->capacity == 0)
        return false;
    size_t mask = lex->capacity - 1;
    uint32_t tag = tag_of(hash);
    for (size_t i = (size_t)hash & mask; lex->slots[i].tag != 0;
         i = (i + 1) & mask) {
        if (lex->slots[i].tag == tag &&
            is_key(lex->keys + lex->slots[i].key, arg)) {
            if (value != NULL)
                *value = (int)lex->values[i];
            return true;
        }
    }
    return false;
}

void lexicon_free(lexicon *lex)
{
    free(lex->slots);
    free(lex->values);
    free(lex->keys);
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
    lex->valued = kinds != NULL;
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
