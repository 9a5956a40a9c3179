/*
 * count_lexicon.c — loading and matching word lists; see count_lexicon.h.
 */
#include "count_lexicon.h"

#include <factpipe/lexicon.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Long enough for COUNT_PHRASE_MAX_WORDS words of COUNT_WORD_BYTES. */
enum { PHRASE_BYTES = COUNT_PHRASE_MAX_WORDS * COUNT_WORD_BYTES };

void count_lexicon_free(count_lexicon *lex)
{
    for (size_t i = 0; i < lex->n_entries; i++)
        free(lex->entries[i].phrase);
    free(lex->entries);
    free(lex->slots);
    memset(lex, 0, sizeof *lex);
}

/* The key of a phrase from the hashes of its words, in order.  Equal
 * phrases have equal keys; a look-up compares the words themselves. */
static uint64_t key_step(uint64_t key, uint64_t word_hash)
{
    return (key ^ word_hash) * UINT64_C(0x9E3779B97F4A7C15) +
           UINT64_C(0x632BE59BD9B4E019);
}

static void set_bit(uint64_t *bits, uint64_t word_hash)
{
    size_t bit = (size_t)(word_hash ^ (word_hash >> 32)) % COUNT_EDGE_BITS;
    bits[bit / 64] |= (uint64_t)1 << (bit % 64);
}

static bool has_bit(const uint64_t *bits, uint64_t word_hash)
{
    size_t bit = (size_t)(word_hash ^ (word_hash >> 32)) % COUNT_EDGE_BITS;
    return (bits[bit / 64] >> (bit % 64)) & 1;
}

/* Keys every entry, marks the words entries start and end with, and
 * fills the table of entries by key.  Returns FP_ERROR when out of
 * memory. */
static int index_entries(count_lexicon *lex)
{
    size_t n_slots = 16;
    while (n_slots < 2 * lex->n_entries)
        n_slots *= 2;
    lex->slots = malloc(n_slots * sizeof *lex->slots);
    if (lex->slots == NULL)
        return FP_ERROR;
    lex->slot_mask = n_slots - 1;
    for (size_t i = 0; i < n_slots; i++)
        lex->slots[i] = -1;
    for (size_t i = 0; i < lex->n_entries; i++) {
        count_entry *entry = &lex->entries[i];
        uint64_t key = 0, word_hash = 0;
        for (const char *word = entry->phrase;;) {
            size_t len = strcspn(word, " ");
            word_hash = count_hash_bytes(COUNT_HASH_START, word, len);
            if (word == entry->phrase)
                set_bit(lex->first_bits, word_hash);
            key = key_step(key, word_hash);
            if (word[len] == '\0')
                break;
            word += len + 1;
        }
        set_bit(lex->last_bits, word_hash);
        entry->key = key;
        size_t slot = (size_t)(key ^ (key >> 29)) & lex->slot_mask;
        while (lex->slots[slot] >= 0)
            slot = (slot + 1) & lex->slot_mask;
        lex->slots[slot] = (int32_t)i;
    }
    return FP_OK;
}

static int compare_entries(const void *a, const void *b)
{
    return strcmp(((const count_entry *)a)->phrase,
                  ((const count_entry *)b)->phrase);
}

/* NFC-normalizes and folds an entry, joining its words with one space.
 * Returns NULL and sets *why when the entry is unusable. */
static char *normalize_entry(const char *text, size_t *n_words,
                             const char **why)
{
    utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)text);
    if (nfc == NULL) {
        *why = "not valid UTF-8";
        return NULL;
    }
    char folded[PHRASE_BYTES];
    size_t len = 0, words = 0;
    *why = NULL;
    char *rest = NULL;
    for (char *word = strtok_r((char *)nfc, " \t", &rest); word != NULL;
         word = strtok_r(NULL, " \t", &rest)) {
        char one[COUNT_WORD_BYTES];
        if (!count_fold(word, strlen(word), one, sizeof one)) {
            *why = "a word longer than 47 bytes";
            break;
        }
        if (++words > COUNT_PHRASE_MAX_WORDS) {
            *why = "more than 6 words";
            break;
        }
        size_t one_len = strlen(one);
        if (len + one_len + 2 > sizeof folded) {
            *why = "entry too long";
            break;
        }
        if (len > 0)
            folded[len++] = ' ';
        memcpy(folded + len, one, one_len);
        len += one_len;
    }
    free(nfc);
    if (*why != NULL)
        return NULL;
    folded[len] = '\0';
    *n_words = words;
    char *copy = malloc(len + 1);
    if (copy == NULL) {
        *why = "out of memory";
        return NULL;
    }
    memcpy(copy, folded, len + 1);
    return copy;
}

static int add_entry(count_lexicon *lex, size_t *capacity,
                     count_entry entry)
{
    if (lex->n_entries == *capacity) {
        size_t grown_capacity = *capacity ? 2 * *capacity : 64;
        count_entry *grown =
            realloc(lex->entries, grown_capacity * sizeof *grown);
        if (grown == NULL)
            return FP_ERROR;
        lex->entries = grown;
        *capacity = grown_capacity;
    }
    lex->entries[lex->n_entries++] = entry;
    return FP_OK;
}

/* Sorts and drops repeated entries (the later line of a repeat wins, so a
 * file may list a word once as it reads best). */
static void sort_and_dedupe(count_lexicon *lex)
{
    if (lex->n_entries == 0)
        return;
    qsort(lex->entries, lex->n_entries, sizeof *lex->entries,
          compare_entries);
    size_t kept = 1;
    for (size_t i = 1; i < lex->n_entries; i++) {
        if (strcmp(lex->entries[i].phrase, lex->entries[kept - 1].phrase) ==
            0) {
            free(lex->entries[kept - 1].phrase);
            lex->entries[kept - 1] = lex->entries[i];
        } else {
            lex->entries[kept++] = lex->entries[i];
        }
    }
    lex->n_entries = kept;
}

/* The value of a valued entry ("triệu: 1000000"): a whole number from 1
 * to COUNT_VALUE_MAX. */
static int parse_value(const char *text, uint64_t *value)
{
    uint64_t v = 0;
    for (const char *p = text; *p != '\0'; p++) {
        if (*p < '0' || *p > '9' || v > COUNT_VALUE_MAX / 10)
            return FP_ERROR;
        v = v * 10 + (uint64_t)(*p - '0');
    }
    if (v == 0 || v > COUNT_VALUE_MAX)
        return FP_ERROR;
    *value = v;
    return FP_OK;
}

/* The lexicon being built from the reader's entries. */
typedef struct lexicon_builder {
    count_lexicon *lex;
    size_t capacity;
    unsigned flags;
} lexicon_builder;

/* The reader's check callback: one entry of the file, in file order,
 * with count's own features ('!', capitals, values) read off it. */
static int add_read_entry(void *user, fp_lexicon_entry *read, char *why,
                          size_t why_size)
{
    lexicon_builder *b = user;
    const char *entry = read->written;
    bool exception = entry[0] == '!';
    if (exception && !(b->flags & COUNT_LEXICON_EXCEPTIONS))
        return snprintf(why, why_size, "'!' exceptions are not allowed in "
                        "this lexicon; remove the '!'"), -1;
    if (exception) {
        entry += entry[1] == ' ' ? 2 : 1;
        if (entry[0] == '\0')
            return snprintf(why, why_size, "'!' without an entry after it"),
                   -1;
    }
    uint64_t value = 0;
    if ((b->flags & COUNT_LEXICON_VALUED) &&
        parse_value(read->value, &value) != FP_OK)
        return snprintf(why, why_size, "expected words and then their value, "
                        "a whole number from 1 to %llu (\"triệu: "
                        "1000000\")", (unsigned long long)COUNT_VALUE_MAX), -1;
    const char *problem = NULL;
    size_t n_words = 0;
    char *phrase = normalize_entry(entry, &n_words, &problem);
    if (phrase == NULL)
        return snprintf(why, why_size, "cannot use entry \"%s\": %s", entry,
                        problem), -1;
    bool capital_only = (b->flags & COUNT_LEXICON_CASED) &&
                        count_starts_capitalized(entry, strlen(entry));
    count_entry added = {.phrase = phrase, .exception = exception,
                         .capital_only = capital_only, .value = value};
    if (add_entry(b->lex, &b->capacity, added) != FP_OK) {
        free(phrase);
        return snprintf(why, why_size, "out of memory"), -1;
    }
    if (n_words > b->lex->max_words)
        b->lex->max_words = n_words;
    return 0;
}

int count_lexicon_load(count_lexicon *lex, const char *path, unsigned flags,
                       const fp_host *host)
{
    memset(lex, 0, sizeof *lex);
    lexicon_builder builder = {lex, 0, flags};
    fp_lexicon_options options = {
        .flags = (flags & COUNT_LEXICON_VALUED) ? FP_LEXICON_VALUES : 0,
        .check = add_read_entry, .user = &builder};
    fp_lexicon read;
    int rc = fp_lexicon_load(&read, path, &options, host);
    fp_lexicon_free(&read);
    if (rc != FP_OK) {
        count_lexicon_free(lex);
        return FP_ERROR;
    }
    sort_and_dedupe(lex);
    if (index_entries(lex) != FP_OK) {
        count_lexicon_free(lex);
        return fp_errorf(host, "%s: out of memory", path);
    }
    return FP_OK;
}

/* Whether entry's phrase is the words ordered[0..k) joined by spaces. */
static bool phrase_is(const char *phrase, const count_word *const *ordered,
                      size_t k)
{
    for (size_t i = 0; i < k; i++) {
        size_t n = ordered[i]->folded_len;
        if (memcmp(phrase, ordered[i]->folded, n) != 0 ||
            phrase[n] != (i + 1 < k ? ' ' : '\0'))
            return false;
        phrase += n + 1;
    }
    return true;
}

/* The entry equal to the words ordered[0..k), or NULL; none when a word
 * was too long to be folded. */
static const count_entry *find(const count_lexicon *lex,
                               const count_word *const *ordered, size_t k)
{
    uint64_t key = 0;
    for (size_t i = 0; i < k; i++) {
        if (ordered[i]->folded_len == 0)
            return NULL;
        key = key_step(key, ordered[i]->hash);
    }
    for (size_t slot = (size_t)(key ^ (key >> 29)) & lex->slot_mask;
         lex->slots[slot] >= 0; slot = (slot + 1) & lex->slot_mask) {
        const count_entry *entry = &lex->entries[lex->slots[slot]];
        if (entry->key == key && phrase_is(entry->phrase, ordered, k))
            return entry;
    }
    return NULL;
}

static size_t match_longest(const count_lexicon *lex, const count_word *words,
                            size_t n_words, bool backward,
                            const count_entry **entry)
{
    /* Every entry read forwards starts with words[0]; read backwards it
     * ends with words[0] (the word nearest the number). */
    if (n_words == 0 || lex->n_entries == 0 ||
        !has_bit(backward ? lex->last_bits : lex->first_bits, words[0].hash))
        return 0;
    size_t limit = n_words < lex->max_words ? n_words : lex->max_words;
    for (size_t k = limit; k > 0; k--) {
        const count_word *ordered[COUNT_PHRASE_MAX_WORDS];
        bool words_only = true;
        for (size_t i = 0; i < k; i++) {
            ordered[i] = backward ? &words[k - 1 - i] : &words[i];
            words_only = words_only && !ordered[i]->is_number;
        }
        const count_entry *found = words_only ? find(lex, ordered, k) : NULL;
        if (found != NULL && (!found->capital_only || ordered[0]->capitalized)) {
            if (entry != NULL)
                *entry = found;
            return k;
        }
    }
    return 0;
}

bool count_lexicon_may_start(const count_lexicon *lex, const count_word *word)
{
    return lex->n_entries > 0 && has_bit(lex->first_bits, word->hash);
}

size_t count_lexicon_match_forward(const count_lexicon *lex,
                                   const count_word *words, size_t n_words,
                                   const count_entry **entry)
{
    return match_longest(lex, words, n_words, false, entry);
}

size_t count_lexicon_match_backward(const count_lexicon *lex,
                                    const count_word *words, size_t n_words,
                                    const count_entry **entry)
{
    return match_longest(lex, words, n_words, true, entry);
}
