/*
 * lexicon — a set of folded phrases loaded from a UTF-8 list file.
 *
 * Every lexicon file of the official extractor is read by
 * <factpipe/lexicon.h> (docs/PLUGINS.md, "Lexicon files"): one entry per
 * line, '#' comments and blank lines; entries are one or more words,
 * compared after text_fold() (small letters, single spaces).  A lexicon
 * with kinds reads "words: kind" lines and keeps the kind's value with the
 * entry.
 * Look-ups are by the folded phrase; the set is read-only after loading,
 * so threads may share it.
 */
#ifndef OFFICIAL_LEXICON_H
#define OFFICIAL_LEXICON_H

#include <factpipe/lexicon.h>
#include <factpipe/plugin.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { LEXICON_MAX_ENTRY = 256 }; /* bytes of a folded entry, with NUL */

/* A kind a "words: kind" line may name (name as written after the
 * colon), and its value. */
typedef fp_lexicon_kind lexicon_kind;

/* A look-up reads the slot its hash lands on and walks on while slots
 * are taken.  Slots are small (a tag and the key's offset, eight bytes),
 * their values apart, so that even the table of a large lexicon stays
 * in cache: most phrases looked up are in no lexicon, and their probe
 * ends at a free slot or on tags that differ, without reading a key or
 * a value. */
typedef struct lexicon_slot {
    uint32_t tag; /* high bits of its key's hash, never 0; 0: free */
    uint32_t key; /* offset of its key in keys */
} lexicon_slot;

typedef struct lexicon {
    lexicon_slot *slots; /* open addressing by the hash's low bits */
    int64_t *values;     /* per slot */
    size_t capacity;     /* slots, a power of two */
    size_t count;        /* entries */
    char *keys;          /* every key, NUL-terminated, one after another */
    size_t keys_len, keys_capacity;
    size_t max_words;    /* words in the longest entry */
    bool valued;         /* read with kinds: values other than 1 */
    unsigned id;         /* the lexicon's place among its owner's, for
                            word_roles (set by the owner after loading) */
} lexicon;

/* Loads path into lex (zeroed first).  kinds NULL: a plain list, every
 * value 1.  On error says "path:line: why" through the host and returns
 * FP_ERROR with nothing left to free. */
int lexicon_load(lexicon *lex, const char *path, const lexicon_kind *kinds,
                 size_t n_kinds, const fp_host *host);

/* Whether the folded phrase is listed; its value goes to *value if that
 * is not NULL. */
bool lexicon_find(const lexicon *lex, const char *folded, int *value);

/* lexicon_find() of a phrase whose lexicon_hash() is known: a scan hashes
 * each word once and looks it up in several lexicons. */
bool lexicon_find_hashed(const lexicon *lex, const char *folded,
                         uint64_t hash, int *value);

/* Used as a map from words to bits (word_roles.h): ORs bits into the
 * value of the word word[0, len), adding it if new.  Returns false when
 * out of memory. */
bool lexicon_merge_bits(lexicon *lex, const char *word, size_t len,
                        uint64_t bits);

/* The bits of a folded word (whose lexicon_hash() is hash) merged in
 * with lexicon_merge_bits(), 0 when it is not there. */
uint64_t lexicon_bits_hashed(const lexicon *lex, const char *folded,
                             uint64_t hash);

/* Whether a key filed under hash is one is_key() accepts, asked of each
 * key whose slot's tag is the hash's (so seldom any but the key looked
 * for): a phrase of tokens is compared with its words where they are,
 * not copied into one string first.  Its value goes to *value if that
 * is not NULL. */
bool lexicon_find_by(const lexicon *lex, uint64_t hash,
                     bool (*is_key)(const char *key, const void *arg),
                     const void *arg, int *value);

/* The key in slot (0 <= slot < capacity), or NULL when the slot is
 * free: to walk the entries. */
static inline const char *lexicon_entry_at(const lexicon *lex, size_t slot)
{
    return lex->slots[slot].tag ? lex->keys + lex->slots[slot].key : NULL;
}

/* The hash lexicons file their phrases under.  A word's is FNV-1a of
 * its bytes, computed a byte at a time (from LEXICON_HASH_START, one
 * lexicon_hash_byte() per byte), so that a tokenizer hashes a word while
 * it folds it; a phrase's joins its words' hashes (lexicon_hash_join()),
 * so that the hash of a phrase of tokens goes on from its first words'
 * without reading a byte again.  A phrase's words are split at single
 * spaces, as text_fold() leaves them. */
uint64_t lexicon_hash(const char *s);

#define LEXICON_HASH_START 1469598103934665603ULL

static inline uint64_t lexicon_hash_byte(uint64_t hash, unsigned char c)
{
    return (hash ^ c) * 1099511628211ULL;
}

/* The hash of a phrase whose hash is phrase with a word whose hash is
 * word after it.  The shift brings the phrase's high bits down before
 * the multiplication spreads them up again: a slot is chosen by the low
 * bits, and its tag is the high ones. */
static inline uint64_t lexicon_hash_join(uint64_t phrase, uint64_t word)
{
    phrase ^= phrase >> 31;
    return (phrase * 0x9E3779B97F4A7C15ULL) ^ word;
}

/* Frees the entries; lex may be zeroed or half-loaded. */
void lexicon_free(lexicon *lex);

#endif /* OFFICIAL_LEXICON_H */
