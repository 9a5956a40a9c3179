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

static inline uint32_t tag_of(uint64_t hash)
{
    return (uint32_t)(hash >> 32);
}

/* The slot of key, whose hash is hash: where it is, or the free slot
 * where it would go.  A key is compared only when its slot's tag is the
 * hash's: with a tag from bits the slot's place does not use, that is
 * almost always the key itself. */
static size_t probe(const lexicon *lex, uint64_t hash, const char *key)
{
    size_t mask = lex->capacity - 1;
    uint32_t tag = tag_of(hash);
    const lexicon_slot *slots = lex->slots;
    size_t i = (size_t)hash & mask;
    while (slots[i].key != 0 &&
           !(slots[i].tag == tag && strcmp(lex->keys + slots[i].key, key) == 0))
        i = (i + 1) & mask;
    return i;
}

static bool grow_slots(lexicon *lex)
{
    size_t capacity = lex->capacity ? lex->capacity * 2 : 64;
    lexicon_slot *slots = calloc(capacity, sizeof *slots);
    if (slots == NULL)
        return false;
    /* Keys are distinct: each goes to the first free slot of its hash
     * (hashed again: the slots keep only its high half). */
    for (size_t k = 0; k < lex->capacity; k++) {
        if (lex->slots[k].key == 0)
            continue;
        uint64_t hash = lexicon_hash(lex->keys + lex->slots[k].key);
        size_t slot = (size_t)hash & (capacity - 1);
        while (slots[slot].key != 0)
            slot = (slot + 1) & (capacity - 1);
        slots[slot] = lex->slots[k];
    }
    free(lex->slots);
    lex->slots = slots;
    lex->capacity = capacity;
    return true;
}

/* Makes room for one more key of len bytes, the slots at most half
 * taken, so that a probe ends soon. */
static bool reserve_entry(lexicon *lex, size_t len)
{
    if ((lex->count + 1) * 2 > lex->capacity && !grow_slots(lex))
        return false;
    size_t keys_len = lex->keys_len ? lex->keys_len : 1; /* offset 0: free */
    if (keys_len + len + 1 > lex->keys_capacity) {
        size_t capacity = lex->keys_capacity ? lex->keys_capacity : 1024;
        while (capacity < keys_len + len + 1)
            capacity *= 2;
        if (capacity > UINT32_MAX)
            return false;
        char *keys = realloc(lex->keys, capacity);
        if (keys == NULL)
            return false;
        lex->keys = keys;
        lex->keys_capacity = capacity;
    }
    lex->keys_len = keys_len;
    return true;
}

/* The slot of key[0, len), added with value 0 when new; *added says
 * which.  NULL when out of memory. */
static lexicon_slot *slot_for(lexicon *lex, const char *key, size_t len,
                              bool *added)
{
    if (!reserve_entry(lex, len))
        return NULL;
    uint64_t hash = lexicon_hash(key);
    lexicon_slot *slot = &lex->slots[probe(lex, hash, key)];
    *added = slot->key == 0;
    if (*added) {
        *slot = (lexicon_slot){tag_of(hash), (uint32_t)lex->keys_len, 0};
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
    lexicon_slot *slot = slot_for(lex, key, strlen(key), &added);
    if (slot == NULL)
        return false;
    if (!added)
        return true;
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
    const lexicon_slot *slot = &lex->slots[probe(lex, hash, folded)];
    if (slot->key == 0)
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
    bool added;
    lexicon_slot *slot = slot_for(lex, key, len, &added);
    if (slot == NULL)
        return false;
    lex->max_words = 1;
    slot->value = (int64_t)((uint64_t)slot->value | bits);
    return true;
}

uint64_t lexicon_bits_hashed(const lexicon *lex, const char *folded,
                             uint64_t hash)
{
    if (lex->capacity == 0)
        return 0;
    const lexicon_slot *slot = &lex->slots[probe(lex, hash, folded)];
    return slot->key ? (uint64_t)slot->value : 0;
}

bool lexicon_holds_hash(const lexicon *lex, uint64_t hash)
{
    if (lex->capacity == 0)
        return false;
    size_t mask = lex->capacity - 1;
    uint32_t tag = tag_of(hash);
    for (size_t i = (size_t)hash & mask; lex->slots[i].key != 0;
         i = (i + 1) & mask)
        if (lex->slots[i].tag == tag)
            return true;
    return false;
}

void lexicon_free(lexicon *lex)
{
    free(lex->slots);
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
