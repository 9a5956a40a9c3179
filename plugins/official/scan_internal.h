/*
 * scan_internal — what the parts of the scanner share: the scanner's
 * state, its word tests (scan_words.c), the title reader
 * (scan_titles.c), the name reader (scan_names.c) and the reader of what
 * follows a name (scan_context.c).  Not part of the plugin's interface.
 */
#ifndef OFFICIAL_SCAN_INTERNAL_H
#define OFFICIAL_SCAN_INTERNAL_H

#include "scan.h"

#include <stdbool.h>
#include <stddef.h>

enum {
    NAME_MAX_WORDS = 4,   /* Vietnamese names: surname, middles, given */
    RUN_LOOKAHEAD = 6,    /* capitalized words looked at for one run */
    TITLE_MAX_TOKENS = 24 /* a title longer than this is a runaway */
};

/* A title found in the block, waiting for the name it belongs to. */
typedef struct title_span {
    size_t first, end; /* tokens [first, end) */
    bool claimed;
} title_span;

/* What the sentences of the block say, read once before the scan. */
typedef struct sentence_facts {
    bool story;      /* a private-story cue */
    bool identity;   /* residence, birth or family of a citizen */
    size_t list_cue; /* first token of a list word, SIZE_MAX when none */
} sentence_facts;

typedef struct scanner {
    const official_lexicons *lex;
    const token_list *tokens;
    const char *text;
    size_t block_start;
    bool chrome;
    mention_list *out;
    title_span *titles;
    size_t n_titles;
    size_t *sentence_of;        /* per token: its sentence */
    sentence_facts *sentences;
    role_bits *roles;           /* per token: its word's roles, 0 for marks */
    /* per token: the words from it on joined by white space, up to
     * UCHAR_MAX, 0 for a mark — the longest phrase that may start
     * there */
    unsigned char *joined;
    unsigned char *context_kind; /* per token: the context word starting */
    unsigned char *context_len;  /* there (official-context-words.txt) */
    unsigned char *head_len;     /* per token: head_length() */
    /* per token: whether its word is a Vietnamese syllable, asked again
     * and again of the same words by the name readers: 0 until asked,
     * then SYLLABLE_YES or SYLLABLE_NO.  Filled in by const readers: the
     * memo changes no answer. */
    unsigned char *syllable;
    /* Names joined after a plural honorific ("các ông A và B, Phó Chủ
     * tịch"): whether the sentence has one, the first mention waiting for
     * the shared title (SIZE_MAX: none), and where the next name of the
     * run is expected, at its honorific or, without one, at the name. */
    bool plural;
    size_t shared_from, shared_next, shared_next_alt;
} scanner;

/* How a name is written (scan_names.c). */
typedef enum name_form {
    FORM_FULL,  /* "Nguyễn Văn Hùng": a listed surname, capitalized */
    FORM_LOWER, /* "trần văn nhật": a full name in small letters */
    FORM_WEAK,  /* "Kanni Wignaraja", "Pơloong Đinh": no listed surname */
    FORM_GIVEN  /* "Tâm", "Ngọ": one word */
} name_form;

typedef struct name_span {
    size_t first, n;
    name_form form;
    size_t baptismal; /* words of a baptismal name it starts with */
} name_span;

typedef struct token_span {
    size_t first, end;
} token_span;

/* What follows a name (scan_context.c). */
typedef struct right_context {
    token_span titles[MENTION_MAX_TITLES];
    size_t n_titles;
    bool predicate; /* "... là Chủ tịch xã": a post, maybe unreported */
    bool identity;  /* "(sinh năm 1968)", ", 70 tuổi," */
    size_t next;    /* token after everything read */
} right_context;

/* ------------------------------------------------------------------ */
/* Words (scan_words.c).                                              */

/* The small tests asked at every token are inline. */
static inline const token *tok(const scanner *sc, size_t i)
{
    return &sc->tokens->tokens[i];
}

static inline size_t n_tokens(const scanner *sc)
{
    return sc->tokens->count;
}

static inline bool has_shape(const scanner *sc, size_t i, token_shape shape)
{
    return i < n_tokens(sc) && tok(sc, i)->shape == shape;
}

/* A word starting with a capital: a name word or an abbreviation. */
static inline bool is_capitalized(const scanner *sc, size_t i)
{
    return has_shape(sc, i, SHAPE_TITLE) || has_shape(sc, i, SHAPE_UPPER);
}

/* A word that can be a syllable of a name: capital, then small letters. */
static inline bool is_name_word(const scanner *sc, size_t i)
{
    return has_shape(sc, i, SHAPE_TITLE);
}

/* Fills the per-token tables (roles, joined, context_kind and
 * context_len, head_len; scan.c) in one pass from the block's end: what
 * each fills at token i reads only its own and later tokens' (a phrase
 * starting at i, the context words after a head's prefix), so going
 * backwards each token's entries are made while the rows after it are
 * fresh in cache: its word's roles (one look-up, by the hash the
 * tokenizer made; the scan tests bits after it), its context word, its
 * head. */
void read_tokens(scanner *sc);

/* Whether some entry of lex starts with the word at token i. */
static inline bool starts_entry(const scanner *sc, const lexicon *lex,
                                size_t i)
{
    return i < n_tokens(sc) && (sc->roles[i] & role_first(lex->id)) != 0;
}


/* The longest entry of lex that starts at token i; its length in tokens,
 * 0 when none.  Its value goes to *value when value is not NULL. */
size_t match_at_most(const scanner *sc, const lexicon *lex, size_t i,
                     size_t max_words, int *value);

/* match_at_most() with no bound but the lexicon's longest entry. */
static inline size_t match_at(const scanner *sc, const lexicon *lex,
                              size_t i, int *value)
{
    return starts_entry(sc, lex, i)
               ? match_at_most(sc, lex, i, lex->max_words, value)
               : 0;
}

/* The length of the shortest entry of lex that ends right before token
 * i (joined to it by white space), 0 when none. */
size_t match_length_before(const scanner *sc, const lexicon *lex,
                           size_t i);

/* Whether an entry of lex ends right before token i (and is joined to it
 * by white space). */
bool match_before(const scanner *sc, const lexicon *lex, size_t i);

/* The context word at i (official-context-words.txt): its length, 0 when
 * none or when its kind is not kind. */
static inline size_t context_at(const scanner *sc, size_t i,
                                context_kind kind)
{
    return i < n_tokens(sc) && sc->context_kind[i] == (unsigned char)kind
               ? sc->context_len[i]
               : 0;
}

/* The length of a word joining two parts of an organisation's name at
 * i ("và", "của": official-context-words.txt kinds joins and
 * possessive), 0 when none. */
static inline size_t joins_at(const scanner *sc, size_t i)
{
    return context_at(sc, i, CONTEXT_JOINS) +
           context_at(sc, i, CONTEXT_POSSESSIVE);
}

/* Whether the folded phrase of tokens [i, i + n) is listed in lex. */
bool phrase_listed(const scanner *sc, const lexicon *lex, size_t i,
                   size_t n);

bool is_surname(const scanner *sc, size_t i);

/* syllable_is_vietnamese() of the word at token i, remembered. */
bool is_vietnamese_syllable(const scanner *sc, size_t i);

bool is_plausible_syllable(const scanner *sc, size_t i);

/* Capitalized name words from i on, each after white space, up to max. */
size_t name_run(const scanner *sc, size_t i, size_t max);

/* name_run() in tokens, where a name word may carry a syllable in small
 * letters after a hyphen, without spaces ("Kim Dong-yeon": 4 tokens,
 * 2 words), or a capitalized one when either is no Vietnamese syllable
 * ("Jean-Pierre Dubois", not "Hà Nội-Hải Phòng"); at most max words. */
size_t joined_name_run(const scanner *sc, size_t i, size_t max);

/* A foreign name where a person is expected, at i: a surname of
 * official-foreign-surnames.txt and one to three more name words, not
 * the start of an organisation, a title or a listed place; after a
 * romanized surname, a syllable that is no Vietnamese one or a hyphen
 * ("Kim Jong-un", not "Kim Oanh").  Its length in tokens, 0 when
 * none. */
size_t foreign_name_at(const scanner *sc, size_t i);

/* A title head at i with its prefixes ("nguyên Phó Giám đốc"): its
 * length in tokens, 0 when none.  head_length() reads it from the
 * lexicons; head_at() asks the scanner's copy, any_case false asking for
 * a capital. */
size_t head_length(const scanner *sc, size_t i);
static inline size_t head_at(const scanner *sc, size_t i, bool any_case)
{
    if (i >= n_tokens(sc) || (!any_case && !is_capitalized(sc, i)))
        return 0;
    return sc->head_len[i];
}

/* A surname followed by at least one more name word. */
bool name_starts_at(const scanner *sc, size_t i);

/* A baptismal name of official-christian-names.txt at i followed by a
 * full name ("Giuse Nguyễn Năng"): its length in tokens, 0 when none.
 * Asked at every word: the inline test spares the call for most. */
size_t baptismal_name_length(const scanner *sc, size_t i);
static inline size_t baptismal_name_at(const scanner *sc, size_t i)
{
    return starts_entry(sc, &sc->lex->christian_names, i)
               ? baptismal_name_length(sc, i)
               : 0;
}

/* Every syllable after the surname is a known name syllable. */
bool is_plausible_name(const scanner *sc, size_t i, size_t n);

/* A surname and known name syllables after it, up to the run's end. */
bool starts_plausible_name(const scanner *sc, size_t i);

/* A '.' inside an abbreviation ("TP.HCM", "TP .HCM", "PGS.TS"), not the
 * end of a sentence. */
bool is_abbreviation_dot(const scanner *sc, size_t i);

/* Whether the '.' at token i ends a sentence: it is no abbreviation's
 * and no item number's dot. */
bool is_sentence_dot(const scanner *sc, size_t i);

/* Whether token i ends a sentence: '!', '?' or a sentence's dot.  Asked
 * at every token, so inline: most are words, settled by their shape. */
static inline bool is_sentence_mark(const scanner *sc, size_t i)
{
    if (i >= n_tokens(sc) || tok(sc, i)->shape != SHAPE_MARK)
        return false;
    char mark = tok(sc, i)->mark;
    return mark == '!' || mark == '?' ||
           (mark == '.' && is_sentence_dot(sc, i));
}

/* Whether token i starts a sentence, a quotation or a parenthesis. */
bool opens_sentence(const scanner *sc, size_t i);

/* Whether token i starts a clause: the block's or a sentence's start, or
 * right after a comma, a colon, a dash, a quote or a bracket. */
bool opens_clause(const scanner *sc, size_t i);

/* ------------------------------------------------------------------ */
/* Titles (scan_titles.c).                                            */

/* The end (exclusive token index) of the title whose head of head_len
 * tokens starts at first: the head, then its organisation phrase. */
size_t title_end(const scanner *sc, size_t first, size_t head_len,
                 bool person_expected);

/* Whether the capitalized run at j, inside the title whose phrase after
 * the head starts at phrase, is the name of the title's holder, which
 * ends the title: a foreign name right after the head or a country
 * ("Ngoại trưởng Tần Cương", "Chủ tịch Trung Quốc Tập Cận Bình"), or any
 * run of two to four name words after a country, up to a word in small
 * letters, a number or a mark ("Ngoại trưởng Mỹ Antony Blinken nhân ...",
 * "Tổng thống Nga Vladimir Putin ngày 14/6"). */
bool holder_starts_at(const scanner *sc, size_t phrase, size_t j);

/* Whether the title [first, end), its head head_len tokens long, ends in
 * a name the organisation phrase swallowed: a given name right after the
 * head ("bộ trưởng Ngọ"), or a foreign or ethnic-minority name ("Đại sứ
 * Hoa Kỳ Daniel Kritenbrink", "chủ tịch Pơloong Đinh").  The name goes
 * to *name. */
bool title_tail_name(const scanner *sc, size_t first, size_t head_len,
                     size_t end, name_span *name);

/* A word that may be a person's given name after a title head or before
 * a post: a capitalized Vietnamese syllable that starts no organisation,
 * place, unit, title or honorific. */
bool may_be_given_name(const scanner *sc, size_t i);

/* Whether a rank ends at token end, starting at first or after it
 * ("Đại tá", "nguyên Đại tá"). */
bool rank_ends_at(const scanner *sc, size_t first, size_t end);

/* The length of a listed country, region or international body starting
 * at capitalized token i ("Hàn Quốc"), 0 when none. */
size_t country_at(const scanner *sc, size_t i);

/* The length of a listed place (province, district, ward, country)
 * starting at capitalized token i and ending its capitalized run or
 * followed by a name ("Hà Nội", "Lâm Đồng Nguyễn Văn Đẳng"); 0 when
 * none.  Asked at every word: the inline test (a capitalized word that
 * starts an entry of either list) spares the call for most. */
size_t listed_place_length(const scanner *sc, size_t i);
static inline size_t listed_place_at(const scanner *sc, size_t i)
{
    return is_capitalized(sc, i) &&
                   (starts_entry(sc, &sc->lex->admin_units, i) ||
                    starts_entry(sc, &sc->lex->countries, i))
               ? listed_place_length(sc, i)
               : 0;
}

/* ------------------------------------------------------------------ */
/* Names (scan_names.c).                                              */

/* The name at i, if one starts there: cued when an honorific or a title
 * introduces it.  A full name is found without a cue, unless it is a
 * listed place; a name in small letters, without a listed surname or of
 * one word needs a cue, or the caller's check of what follows. */
bool name_at_word(const scanner *sc, size_t i, bool cued, name_span *name);

/* name_at_word(), asked at every word: most are in small letters and no
 * listed surname, where no name starts, which the inline test settles. */
static inline bool name_at(const scanner *sc, size_t i, bool cued,
                           name_span *name)
{
    return (is_name_word(sc, i) ||
            (has_shape(sc, i, SHAPE_LOWER) &&
             (sc->roles[i] & role_word(sc->lex->surnames.id)))) &&
           name_at_word(sc, i, cued, name);
}

/* ------------------------------------------------------------------ */
/* A citizen's identity (scan_identity.c).                            */

/* Whether a citizen's role stands right before the person whose name
 * (or honorific) starts at item, set off by a comma or joined by "là"
 * (official-private-cues.txt, kinds identity and role): "Tiểu thương
 * chợ Đông Ba, bà A", "Chủ cửa hàng là bà B", "chồng bà, ông C". */
bool role_before(const scanner *sc, size_t item);

/* Whether the name is cut to its initial, as news writes the names of
 * private people ("Nguyễn Văn T."); the initial's dot follows it. */
bool cut_to_initial(const scanner *sc, const name_span *name);

/* ------------------------------------------------------------------ */
/* After a name (scan_context.c).                                     */

/* Reads what follows the name ending before token i: titles after a
 * comma, a dash or a bracket, or with nothing between ("Nguyễn Phú Bình
 * chủ nhiệm ..."), organisations, predicates, ages, years of birth,
 * bracketed other names of the person and asides between dashes.
 * possessed: the name is a possessor ("kiến nghị của ông Tư"), whose
 * title after a comma must be closed by a mark or "và". */
void read_right_context(const scanner *sc, size_t i, bool possessed,
                        right_context *rc);

/* Whether the name (or its honorific) starting at token first stands
 * where a list puts its items: after a colon, a semicolon, a comma, a
 * bracket, a dash, "gồm", "là" or "và". */
bool at_list_item(const scanner *sc, size_t first);

#endif /* OFFICIAL_SCAN_INTERNAL_H */
