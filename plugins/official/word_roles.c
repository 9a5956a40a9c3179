/*
 * word_roles.c — see word_roles.h.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* strndup */
#endif

#include "word_roles.h"

#include <stdlib.h>
#include <string.h>

static size_t slot_of(const word_roles *roles, uint64_t hash,
                      const char *word, size_t len)
{
    size_t mask = roles->capacity - 1;
    size_t i = (size_t)hash & mask;
    while (roles->keys[i] != NULL &&
           !(roles->hashes[i] == hash &&
             strncmp(roles->keys[i], word, len) == 0 &&
             roles->keys[i][len] == '\0'))
        i = (i + 1) & mask;
    return i;
}

static bool grow(word_roles *roles)
{
    size_t capacity = roles->capacity ? roles->capacity * 2 : 1024;
    word_roles bigger = {
        .keys = calloc(capacity, sizeof *bigger.keys),
        .hashes = calloc(capacity, sizeof *bigger.hashes),
        .bits = calloc(capacity, sizeof *bigger.bits),
        .capacity = capacity,
        .used = roles->used,
    };
    if (bigger.keys == NULL || bigger.hashes == NULL || bigger.bits == NULL) {
        word_roles_free(&bigger);
        return false;
    }
    for (size_t i = 0; i < roles->capacity; i++) {
        if (roles->keys[i] == NULL)
            continue;
        size_t slot = (size_t)roles->hashes[i] & (capacity - 1);
        while (bigger.keys[slot] != NULL)
            slot = (slot + 1) & (capacity - 1);
        bigger.keys[slot] = roles->keys[i];
        bigger.hashes[slot] = roles->hashes[i];
        bigger.bits[slot] = roles->bits[i];
    }
    free(roles->keys);
    free(roles->hashes);
    free(roles->bits);
    *roles = bigger;
    return true;
}

/* Gives the word word[0, len) the role bits. */
static bool set_role(word_roles *roles, const char *word, size_t len,
                     role_bits bits)
{
    if ((roles->used + 1) * 2 > roles->capacity && !grow(roles))
        return false;
    char *key = strndup(word, len);
    if (key == NULL)
        return false;
    uint64_t hash = lexicon_hash(key);
    size_t slot = slot_of(roles, hash, key, len);
    if (roles->keys[slot] != NULL) {
        free(key);
    } else {
        roles->keys[slot] = key;
        roles->hashes[slot] = hash;
        roles->used++;
    }
    roles->bits[slot] |= bits;
    return true;
}

bool word_roles_add(word_roles *roles, const lexicon *lex)
{
    for (size_t slot = 0; slot < lex->capacity; slot++) {
        const char *entry = lexicon_entry_at(lex, slot);
        if (entry == NULL)
            continue;
        const char *first_space = strchr(entry, ' ');
        const char *last_space = strrchr(entry, ' ');
        size_t first_len = first_space ? (size_t)(first_space - entry)
                                       : strlen(entry);
        const char *last = last_space ? last_space + 1 : entry;
        if (!set_role(roles, entry, first_len, role_first(lex->id)) ||
            !set_role(roles, last, strlen(last), role_last(lex->id)))
            return false;
        if (first_space == NULL &&
            !set_role(roles, entry, first_len, role_word(lex->id)))
            return false;
    }
    return true;
}

role_bits word_roles_of(const word_roles *roles, const char *word)
{
    if (roles->capacity == 0)
        return 0;
    size_t slot = slot_of(roles, lexicon_hash(word), word, strlen(word));
    return roles->keys[slot] ? roles->bits[slot] : 0;
}

void word_roles_free(word_roles *roles)
{
    for (size_t i = 0; i < roles->capacity; i++)
        free(roles->keys[i]);
    free(roles->keys);
    free(roles->hashes);
    free(roles->bits);
    memset(roles, 0, sizeof *roles);
}
