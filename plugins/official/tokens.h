/*
 * tokens — one block of text as words and punctuation marks.
 *
 * A word is a run of letters and digits (an apostrophe between letters
 * stays inside: "H'Hen"); every other visible character is a mark of its
 * own.  Each word keeps its folded form for lexicon look-ups and its
 * shape, which is what tells names and organisations apart: a Vietnamese
 * personal name capitalizes every syllable, an organisation only its
 * first ("Hội Cựu chiến binh"), an abbreviation all of them ("UBND").
 */
#ifndef OFFICIAL_TOKENS_H
#define OFFICIAL_TOKENS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum token_shape {
    SHAPE_MARK,    /* punctuation; see token.mark */
    SHAPE_TITLE,   /* "Nguyễn", "Y", "H'Hen": a capital, then small letters */
    SHAPE_UPPER,   /* "UBND", "THPT": two or more letters, all capitals */
    SHAPE_LOWER,   /* "phường", "iPhone" */
    SHAPE_NUMBER   /* starts with a digit: "3", "02-ĐA" is "02" then marks */
} token_shape;

typedef struct token {
    size_t start, end;     /* byte offsets in the block */
    size_t fold_start;     /* offset of the NUL-terminated folded form in
                              token_list.folded (words only) */
    size_t fold_len;       /* its bytes, without the NUL */
    uint64_t hash;         /* its lexicon_hash(), hashed while folding */
    token_shape shape;
    char mark;             /* marks: ',', ';', ':', '.', '!', '?', '(', ')',
                              '"' (any quote), '-' (any dash), '/', '&', or '#'
                              for anything else */
    bool space_before;     /* white space between it and the token before */
} token;

typedef struct token_list {
    token *tokens;
    size_t count, capacity;
    char *folded; /* folded words, each NUL-terminated */
    size_t folded_len, folded_capacity;
} token_list;

/* Splits text[0, len) into list (reusing its buffers).  Returns false when
 * out of memory. */
bool tokens_split(token_list *list, const char *text, size_t len);

/* The folded form of word i (its length is tokens[i].fold_len). */
static inline const char *tokens_folded(const token_list *list, size_t i)
{
    return list->folded + list->tokens[i].fold_start;
}

/* Whether token i exists and is a word, or a given mark: inline, as the
 * scanners ask at every token. */
static inline bool tokens_is_word(const token_list *list, size_t i)
{
    return i < list->count && list->tokens[i].shape != SHAPE_MARK;
}

static inline bool tokens_is_mark(const token_list *list, size_t i,
                                  char mark)
{
    return i < list->count && list->tokens[i].shape == SHAPE_MARK &&
           list->tokens[i].mark == mark;
}

void tokens_free(token_list *list);

#endif /* OFFICIAL_TOKENS_H */
