/*
 * scan — find the mentions of people in one block of text.
 *
 * A mention is a personal name (a capitalized run starting with a
 * surname) with what introduces it: an honorific ("đồng chí", "ông"),
 * titles before it ("Phó Chủ tịch UBND quận Nguyễn Văn Hùng") or after it
 * set off by a comma, a dash or a parenthesis ("ông Trần Minh, Chủ tịch
 * UBND phường"), and whether its sentence tells a private story.  An
 * honorific before a single capitalized word ("ông Tâm") is a mention by
 * given name, resolved later against the full names of the document.
 * Names inside place and institution names ("đường Nguyễn Văn Linh",
 * "phường Phan Văn Nam") and addresses ("số 12 Lê Duẩn") are no mentions.
 */
#ifndef OFFICIAL_SCAN_H
#define OFFICIAL_SCAN_H

#include "lexicon.h"
#include "tokens.h"

#include <stdbool.h>
#include <stddef.h>

/* How much an honorific says, weakest first (official-honorifics.txt). */
typedef enum honorific_kind {
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

typedef struct official_lexicons {
    lexicon title_heads;
    lexicon title_stops;
    lexicon org_ends;
    lexicon honorifics;
    lexicon surnames;
    lexicon name_syllables;
    lexicon place_words;
    lexicon admin_units;
    lexicon historical_figures;
    lexicon private_cues;
} official_lexicons;

enum { MENTION_MAX_TITLES = 8 };

typedef struct mention {
    size_t start, end;  /* the name's bytes in the document */
    char *name;         /* as written, words joined by single spaces */
    bool given_only;    /* "ông Tâm" */
    honorific_kind honorific;
    bool private_context; /* its sentence has a private-story cue */
    bool titled_after;  /* a title follows it after a comma or dash */
    bool chrome;        /* found in page chrome */
    size_t n_titles;
    char *titles[MENTION_MAX_TITLES];
} mention;

typedef struct mention_list {
    mention *items;
    size_t count, capacity;
} mention_list;

/* Appends the mentions of the block text[0, len), which starts at byte
 * block_start of the document, to out.  tokens is scratch space reused
 * between blocks.  Returns false when out of memory. */
bool scan_block(const official_lexicons *lex, const char *text, size_t len,
                size_t block_start, bool chrome, token_list *tokens,
                mention_list *out);

void mention_list_free(mention_list *list);

#endif /* OFFICIAL_SCAN_H */
