/*
 * scan — find the mentions of people in one block of text.
 *
 * Person first: a mention is a personal name (a surname from the list and
 * one to three more syllables, in capitals or, with a cue, in small
 * letters; a foreign or ethnic-minority name after a title; a given name
 * after an honorific or a title head), and the capacity it is named in is
 * read from the words around it: an honorific ("đồng chí", "ông", "PGS"),
 * titles before it ("Phó Chủ tịch UBND quận Nguyễn Văn Hùng", also
 * "Giám đốc Sở Y tế, Nguyễn Văn A, ...") or after it set off by a comma,
 * a dash or a parenthesis, an organisation after it ("ông A, Sở Y tế"), a
 * predicate ("... là Chủ tịch xã"), a list of candidates, delegates or
 * members, and whether its sentence tells a private story.  Names inside
 * place and institution names ("đường Nguyễn Văn Linh", "tại Hà Nội"),
 * addresses ("số 12 Lê Duẩn") and brackets naming the same person again
 * ("(tức Thích Minh Đức)") are no mentions.
 */
#ifndef OFFICIAL_SCAN_H
#define OFFICIAL_SCAN_H

#include "lexicon.h"
#include "tokens.h"
#include "word_roles.h"

#include <stdbool.h>
#include <stddef.h>

/* How much an honorific says, weakest first (official-honorifics.txt);
 * HONORIFIC_NOT marks words that only start like one ("đàn ông"), and
 * HONORIFIC_REVERENCE one that is an honorific only before a religious
 * rank ("Đức Giám mục"), where it needs a title. */
typedef enum honorific_kind {
    HONORIFIC_REVERENCE = -2,
    HONORIFIC_NOT = -1,
    HONORIFIC_NONE = 0,
    HONORIFIC_NEEDS_TITLE = 1,
    HONORIFIC_UNLESS_PRIVATE = 2,
    HONORIFIC_ALWAYS = 3
} honorific_kind;

/* What closes an organisation phrase (official-org-ends.txt). */
typedef enum org_end_kind {
    ORG_END_UNIT = 1, /* "phường": a unit's name may follow */
    ORG_END_BODY = 2, /* "Quận ủy": complete; a listed place may follow */
    ORG_INSIDE = 3    /* "Xã hội": inside a name, though it starts with a
                         unit word */
} org_end_kind;

/* What a word around a name says (official-context-words.txt). */
typedef enum context_kind {
    CONTEXT_PREFIX = 1,
    CONTEXT_FORMER,
    CONTEXT_ADVERB,
    CONTEXT_PREDICATE,
    CONTEXT_LIST,
    CONTEXT_ITEM,
    CONTEXT_ALIAS,
    CONTEXT_BIRTH,
    CONTEXT_AGE,
    CONTEXT_JOINS,
    CONTEXT_MANDATE,
    CONTEXT_RANK,
    CONTEXT_CHAIN,
    CONTEXT_ROLE,
    CONTEXT_FIELD,
    CONTEXT_POSSESSIVE,
    CONTEXT_PLURAL,
    CONTEXT_SUFFIX,
    CONTEXT_PARTICLE
} context_kind;

/* How a foreign surname's name goes on (official-foreign-surnames.txt). */
typedef enum foreign_kind {
    FOREIGN_CHINESE = 1,  /* in Sino-Vietnamese syllables: "Tập Cận Bình" */
    FOREIGN_ROMANIZED = 2 /* romanized: "Kim Jong-un", "Yoon Suk Yeol" */
} foreign_kind;

/* What a private-story cue says (official-private-cues.txt). */
typedef enum private_kind {
    PRIVATE_STORY = 1,
    PRIVATE_IDENTITY = 2,
    PRIVATE_ROLE = 3
} private_kind;

typedef struct official_lexicons {
    lexicon title_heads;
    lexicon title_stops;
    lexicon org_ends;
    lexicon org_starts;
    lexicon honorifics;
    lexicon context_words;
    lexicon surnames;
    lexicon name_syllables;
    lexicon place_words;
    lexicon admin_units;
    lexicon countries;
    lexicon historical_figures;
    lexicon private_cues;
    lexicon provinces;        /* provinces and cities */
    lexicon foreign_surnames; /* Chinese and Korean, after a cue */
    lexicon christian_names;  /* baptismal names before a name */
    word_roles roles; /* of every word of the lexicons above */
} official_lexicons;

enum { MENTION_MAX_TITLES = 8 };

typedef struct mention {
    size_t start, end;  /* the name's bytes in the document */
    char *name;         /* as written, words joined by single spaces */
    size_t baptismal;   /* words of a baptismal name it starts with */
    bool given_only;    /* "ông Tâm", "bộ trưởng Ngọ" */
    bool surnamed;      /* starts with a listed surname */
    honorific_kind honorific;
    bool story;         /* its sentence tells a private story */
    bool identity;      /* residence, birth, age or family given */
    bool listed;        /* an item of a list of candidates or members */
    bool predicate;     /* a post stated as a predicate */
    bool titled_after;  /* a title follows it after a comma or dash */
    bool chrome;        /* found in page chrome */
    size_t n_titles;
    char *titles[MENTION_MAX_TITLES];
} mention;

typedef struct mention_list {
    mention *items;
    size_t count, capacity;
} mention_list;

/* What one block hands the next: a list opened by "... gồm:" at the end
 * of a paragraph goes on in the paragraphs that follow. */
typedef struct scan_carry {
    bool list_open;
} scan_carry;

/* Scratch space reused from block to block of a document, so a block
 * costs no allocation once the largest has been seen: the block's tokens
 * and the scanner's tables of them.  Zeroed before the first block. */
typedef struct scan_scratch {
    token_list tokens;
    void *tables;
    size_t tables_size;
} scan_scratch;

/* Appends the mentions of the block text[0, len), which starts at byte
 * block_start of the document, to out.  carry is what the previous block
 * of the document left (zeroed for the first).  Returns false when out of
 * memory. */
bool scan_block(const official_lexicons *lex, const char *text, size_t len,
                size_t block_start, bool chrome, scan_scratch *scratch,
                scan_carry *carry, mention_list *out);

void scan_scratch_free(scan_scratch *scratch);

void mention_list_free(mention_list *list);

#endif /* OFFICIAL_SCAN_H */
