/*
 * word_roles.c — see word_roles.h.
 */
#include "word_roles.h"

#include <string.h>

bool word_roles_add(word_roles *roles, const lexicon *lex)
{
    lexicon *words = &roles->words;
    for (size_t slot = 0; slot < lex->capacity; slot++) {
        const char *entry = lexicon_entry_at(lex, slot);
        if (entry == NULL)
            continue;
        const char *first_space = strchr(entry, ' ');
        const char *last_space = strrchr(entry, ' ');
        size_t first_len = first_space ? (size_t)(first_space - entry)
                                       : strlen(entry);
        const char *last = last_space ? last_space + 1 : entry;
        role_bits first_bits = role_first(lex->id);
        if (first_space == NULL)
            first_bits |= role_word(lex->id);
        if (!lexicon_merge_bits(words, entry, first_len, first_bits) ||
            !lexicon_merge_bits(words, last, strlen(last), role_last(lex->id)))
            return false;
        for (const char *word = first_space; word != NULL;) {
            word++;
            const char *space = strchr(word, ' ');
            size_t len = space ? (size_t)(space - word) : strlen(word);
            if (!lexicon_merge_bits(words, word, len, role_inner(lex->id)))
                return false;
            word = space;
        }
    }
    return true;
}
