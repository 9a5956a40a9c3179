/*
 * date_lexicon.c — loading and matching word lists; see date_lexicon.h.
 */
#include "date_lexicon.h"

#include <factpipe/lexicon.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void lexicon_free(date_lexicon *lexicon)
{
    if (lexicon == NULL)
        return;
    for (size_t i = 0; i < lexicon->n_entries; i++)
        free(lexicon->entries[i].phrase);
    free(lexicon->entries);
    free(lexicon->slots);
    *lexicon = (date_lexicon){0};
}

static int compare_words(const char *a, size_t a_len, const char *b,
                         size_t b_len)
{
    int rc = memcmp(a, b, a_len < b_len ? a_len : b_len);
    if (rc != 0)
        return rc;
    return (a_len > b_len) - (a_len < b_len);
}

static int compare_entries(const void *a, const void *b)
{
    const lexicon_entry *x = a, *y = b;
    for (size_t i = 0; i < x->n_words && i < y->n_words; i++) {
        int rc = compare_words(x->words[i], x->word_len[i], y->words[i],
                               y->word_len[i]);
        if (rc != 0)
            return rc;
    }
    return (x->n_words > y->n_words) - (x->n_words < y->n_words);
}

/* Folds phrase and splits it into words in entry.  Returns 0, or -1 with
 * the reason in why. */
static int split_phrase(const char *phrase, lexicon_entry *entry, char *why,
                        size_t why_size)
{
    size_t len = strlen(phrase);
    entry->phrase = malloc(len + 1);
    if (entry->phrase == NULL) {
        snprintf(why, why_size, "out of memory");
        return -1;
    }
    date_fold_text(phrase, len, entry->phrase);
    entry->phrase[len] = '\0';
    for (char *p = entry->phrase; *p != '\0';) {
        if (*p == ' ' || *p == '\t') {
            *p++ = '\0';
            continue;
        }
        if (entry->n_words == LEXICON_MAX_WORDS) {
            snprintf(why, why_size, "\"%s\" has more than %d words",
                     phrase, LEXICON_MAX_WORDS);
            return -1;
        }
        char *word = p;
        while (*p != '\0' && *p != ' ' && *p != '\t')
            p++;
        entry->words[entry->n_words] = word;
        entry->word_len[entry->n_words++] = (size_t)(p - word);
    }
    return 0;
}

static int append_entry(date_lexicon *lexicon, size_t *capacity,
                        const lexicon_entry *entry)
{
    if (lexicon->n_entries == *capacity) {
        size_t size = *capacity ? *capacity * 2 : 64;
        lexicon_entry *bigger =
            realloc(lexicon->entries, size * sizeof *bigger);
        if (bigger == NULL)
            return -1;
        lexicon->entries = bigger;
        *capacity = size;
    }
    lexicon->entries[lexicon->n_entries++] = *entry;
    return 0;
}

/* The lexicon being built from the reader's entries. */
typedef struct lexicon_builder {
    date_lexicon *lexicon;
    size_t capacity;
    lexicon_value_parser parse;
} lexicon_builder;

/* The reader's check callback: one entry of the file, in file order,
 * split into words and its value read by the file's parser. */
static int add_read_entry(void *user, fp_lexicon_entry *read, char *why,
                          size_t why_size)
{
    lexicon_builder *b = user;
    lexicon_entry entry = {.line = read->line};
    if (split_phrase(read->written, &entry, why, why_size) != 0 ||
        b->parse(read->value, &entry, why, why_size) != 0) {
        free(entry.phrase);
        return -1;
    }
    if (append_entry(b->lexicon, &b->capacity, &entry) != 0) {
        free(entry.phrase);
        snprintf(why, why_size, "out of memory");
        return -1;
    }
    return 0;
}

static bool same_word(const char *a, size_t a_len, const char *b,
                      size_t b_len)
{
    return a_len == b_len && memcmp(a, b, a_len) == 0;
}

/* The slot of the first word word[len) (hash its date_hash()): the one
 * that holds it, or the empty one where it would go. */
static first_word_slot *first_word_slot_of(const date_lexicon *lexicon,
                                           const char *word, size_t len,
                                           uint32_t hash)
{
    for (size_t k = hash & lexicon->slot_mask;;
         k = (k + 1) & lexicon->slot_mask) {
        first_word_slot *slot = &lexicon->slots[k];
        if (slot->n_entries == 0)
            return slot;
        const lexicon_entry *e = &lexicon->entries[slot->first];
        if (slot->hash == hash &&
            same_word(e->words[0], e->word_len[0], word, len))
            return slot;
    }
}

/* Fills lexicon->slots from its sorted entries.  Returns 0, or -1 when
 * out of memory. */
static int index_first_words(date_lexicon *lexicon)
{
    size_t size = 64;
    while (size < 8 * lexicon->n_entries)
        size *= 2;
    lexicon->slots = calloc(size, sizeof *lexicon->slots);
    if (lexicon->slots == NULL)
        return -1;
    lexicon->slot_mask = size - 1;
    for (size_t i = 0; i < lexicon->n_entries;) {
        const lexicon_entry *e = &lexicon->entries[i];
        size_t run = 1;
        while (i + run < lexicon->n_entries &&
               same_word(lexicon->entries[i + run].words[0],
                         lexicon->entries[i + run].word_len[0], e->words[0],
                         e->word_len[0]))
            run++;
        uint32_t hash = date_hash(e->words[0], e->word_len[0]);
        first_word_slot *slot =
            first_word_slot_of(lexicon, e->words[0], e->word_len[0], hash);
        *slot = (first_word_slot){.hash = hash, .n_entries = (uint32_t)run,
                                  .first = i};
        i += run;
    }
    return 0;
}

int lexicon_load(date_lexicon *lexicon, const char *path,
                 lexicon_value_parser parse, const fp_host *host)
{
    *lexicon = (date_lexicon){0};
    lexicon_builder builder = {lexicon, 0, parse};
    fp_lexicon_options options = {.flags = FP_LEXICON_VALUES | FP_LEXICON_FOLD,
                                  .check = add_read_entry, .user = &builder};
    fp_lexicon read;
    int rc = fp_lexicon_load(&read, path, &options, host);
    fp_lexicon_free(&read);
    if (rc == FP_OK) {
        qsort(lexicon->entries, lexicon->n_entries, sizeof *lexicon->entries,
              compare_entries);
        for (size_t i = 1; i < lexicon->n_entries && rc == FP_OK; i++) {
            const lexicon_entry *a = &lexicon->entries[i - 1];
            const lexicon_entry *b = &lexicon->entries[i];
            if (compare_entries(a, b) == 0)
                rc = fp_errorf(host, "%s:%u: the phrase of line %u is "
                               "listed again; keep one of the two", path,
                               a->line > b->line ? a->line : b->line,
                               a->line < b->line ? a->line : b->line);
        }
    }
    if (rc == FP_OK && index_first_words(lexicon) != 0)
        rc = fp_errorf(host, "%s: out of memory indexing its %zu phrases",
                       path, lexicon->n_entries);
    if (rc != FP_OK)
        lexicon_free(lexicon);
    return rc;
}

static bool word_matches(const char *folded, const date_token *token,
                         const char *word, size_t word_len)
{
    return token->type != TOKEN_PUNCT &&
           token->end - token->start == word_len &&
           memcmp(folded + token->start, word, word_len) == 0;
}

const lexicon_entry *lexicon_match_slot(const date_lexicon *lexicon,
                                        const char *folded,
                                        const date_token *tokens, size_t n,
                                        size_t i)
{
    const date_token *t = &tokens[i];
    const first_word_slot *slot = first_word_slot_of(
        lexicon, folded + t->start, t->end - t->start, t->hash);
    const lexicon_entry *best = NULL;
    for (size_t k = slot->first; k < slot->first + slot->n_entries; k++) {
        const lexicon_entry *e = &lexicon->entries[k];
        size_t w = 1;
        while (w < e->n_words && i + w < n && tokens[i + w].space_before &&
               word_matches(folded, &tokens[i + w], e->words[w],
                            e->word_len[w]))
            w++;
        if (w == e->n_words && (best == NULL || e->n_words > best->n_words))
            best = e;
    }
    return best;
}
