/*
 * count_text — the words around a number in one block of NFC UTF-8 text.
 *
 * The count rules look at a few words on either side of a number: what
 * follows says what is counted (or that the number is a duration, a sum of
 * money, a measure), what precedes says whether the number is a name or an
 * ordinal ("số 12", "lần thứ 3").  A word here is a run of letters, marks
 * and digits that starts with a letter ("đảng", "m2", "Đoàn"); a number is
 * a run that starts with a digit.  Words of one phrase are separated by
 * horizontal space only: punctuation ends the phrase, so "08 tập thể, 08
 * cá nhân" never reads as one noun phrase.
 */
#ifndef COUNT_TEXT_H
#define COUNT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Long enough for any Vietnamese word folded to lower case; a longer
 * token is kept but has an empty folded form, so no lexicon matches it. */
enum { COUNT_WORD_BYTES = 48 };

typedef struct count_word {
    size_t start, end;  /* byte offsets in the block */
    bool is_number;     /* starts with a digit */
    bool capitalized;   /* starts with an upper-case letter */
    bool acronym;       /* two or more letters, all upper case ("VN") */
    bool joined;        /* read forwards: a hyphen or a slash follows with
                           no space, as in a code ("QĐ-UBND", "CT/TW") */
    char folded[COUNT_WORD_BYTES]; /* lower-cased; "" when too long */
    size_t folded_len;  /* strlen(folded) */
    uint64_t hash;      /* count_hash_bytes() of folded: lexicon look-ups
                           hash each word once, not once per try */
} count_word;

/* FNV-1a of len bytes at text, continuing from hash (COUNT_HASH_START to
 * begin). */
#define COUNT_HASH_START UINT64_C(1469598103934665603)
static inline uint64_t count_hash_bytes(uint64_t hash, const char *text,
                                        size_t len)
{
    for (size_t i = 0; i < len; i++)
        hash = (hash ^ (unsigned char)text[i]) * UINT64_C(1099511628211);
    return hash;
}

/* Reads up to max words or numbers from byte offset pos of block (len
 * bytes), nearest first, each separated from the one before (and the first
 * from pos) by horizontal space only.  Returns how many it read. */
size_t count_words_after(const char *block, size_t len, size_t pos,
                         count_word *words, size_t max);

/* The words after a number read as the rules ask for them: most numbers
 * are decided by their first word or two, and reading a word classifies,
 * folds and hashes each of its characters.  The words read are those
 * count_words_after() reads, in the same places. */
typedef struct count_following {
    const char *block;
    size_t len;
    size_t pos;        /* where the first word is looked for */
    count_word *words; /* max of them */
    size_t max;
    size_t n;          /* words read so far */
    bool ended;        /* no word follows words[n - 1] (or pos) */
} count_following;

/* Starts reading the words after pos of block into words (max of them);
 * none is read yet. */
void count_following_start(count_following *after, const char *block,
                           size_t len, size_t pos, count_word *words,
                           size_t max);

/* Reads words until want of them are read, or none follows, or max are:
 * returns how many are read (want or more when there are). */
size_t count_following_read(count_following *after, size_t want);

/* Where the word or number starting at pos ends; pos when none starts.
 * A number takes its dots and commas ("1.250", "2,5") so that the next
 * token after it is a word. */
size_t count_token_end(const char *block, size_t len, size_t pos);

/* Fills word (joined false) from the word or number [start, end) of
 * block.  count_words_after() reads a word and describes it in one pass
 * over its characters; this is the description by itself, which
 * count_words_before() uses and the tests compare that pass with. */
void count_describe_word(const char *block, size_t start, size_t end,
                         count_word *word);

/* The same backwards: words ending before pos, nearest first. */
size_t count_words_before(const char *block, size_t pos, count_word *words,
                          size_t max);

/* The offset of the first byte before pos that is not horizontal space,
 * plus one (pos itself when none is skipped). */
size_t count_skip_space_back(const char *block, size_t pos);

/* Decodes the code point that ends at pos (pos > 0) and stores where it
 * starts in *start.  Returns -1 for a malformed sequence. */
int count_codepoint_before(const char *block, size_t pos, size_t *start);

/* Whether text (len bytes) starts with an upper- or title-case letter. */
bool count_starts_capitalized(const char *text, size_t len);

/* Lower-cases UTF-8 text of len bytes into out (out_size bytes, NUL
 * included).  Returns false when the result does not fit or the text is
 * not valid UTF-8. */
bool count_fold(const char *text, size_t len, char *out, size_t out_size);

#endif /* COUNT_TEXT_H */
