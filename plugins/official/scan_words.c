/*
 * scan_words.c — the scanner's tests on words: shapes, lexicon look-ups,
 * surnames, names, heads and sentence marks.  See scan_internal.h.
 */
#include "scan_internal.h"

#include "syllable.h"

#include <string.h>

/* The folded words [first, first + n) of the scanner's tokens. */
typedef struct token_phrase {
    const scanner *sc;
    size_t first, n;
} token_phrase;

/* Whether key is the phrase's words joined by single spaces: a
 * lexicon_find_by() test. */
static bool key_is_phrase(const char *key, const void *arg)
{
    const token_phrase *phrase = arg;
    const token_list *tokens = phrase->sc->tokens;
    for (size_t k = phrase->first; k < phrase->first + phrase->n; k++) {
        if (k > phrase->first && *key++ != ' ')
            return false;
        size_t len = tokens->tokens[k].fold_len;
        /* strncmp: stops at the end of a shorter key */
        if (strncmp(key, tokens_folded(tokens, k), len) != 0)
            return false;
        key += len;
    }
    return *key == '\0';
}

/* Whether the phrase of tokens [i, i + n), whose lexicon_hash() is
 * hash, is listed in lex; its value to *value if that is not NULL. */
static bool phrase_found(const scanner *sc, const lexicon *lex, size_t i,
                         size_t n, uint64_t hash, int *value)
{
    token_phrase phrase = {sc, i, n};
    return lexicon_find_by(lex, hash, key_is_phrase, &phrase, value);
}

/* Whether the word at token i is a whole entry of lex, its value to
 * *value when value is not NULL.  word_roles has the answer (role_word),
 * so the lexicon's own table, large and seldom in cache, is read only
 * for the value of a lexicon with kinds. */
static bool one_word_entry(const scanner *sc, const lexicon *lex, size_t i,
                           int *value)
{
    if (!(sc->roles[i] & role_word(lex->id)))
        return false;
    if (value == NULL)
        return true;
    if (!lex->valued) {
        *value = 1;
        return true;
    }
    return lexicon_find_hashed(lex, tokens_folded(sc->tokens, i),
                               tok(sc, i)->hash, value);
}

size_t match_at_most(const scanner *sc, const lexicon *lex, size_t i,
                     size_t max_words, int *value)
{
    if (!starts_entry(sc, lex, i))
        return 0;
    /* Only a phrase of joined words, each after the first standing
     * after the first in some entry, and whose last word ends an entry
     * may be one: the longest such reach decides how much of the phrase
     * to build. */
    role_bits last = role_last(lex->id), inner = role_inner(lex->id);
    size_t words = sc->joined[i] < max_words ? sc->joined[i] : max_words;
    size_t reach = sc->roles[i] & last ? 1 : 0;
    for (size_t n = 2; n <= words; n++) {
        role_bits roles = sc->roles[i + n - 1];
        if (!(roles & inner))
            break;
        if (roles & last)
            reach = n;
    }
    if (reach == 0)
        return 0;
    /* Most entries met are one word: the token's own roles tell. */
    if (reach == 1)
        return one_word_entry(sc, lex, i, value) ? 1 : 0;
    /* Each phrase's hash, joined on word by word from the first word's;
     * a phrase is compared with the keys filed under its hash only when
     * its last word ends an entry, and one word by its roles. */
    uint64_t hashes[LEXICON_MAX_ENTRY / 2];
    uint64_t hash = tok(sc, i)->hash;
    size_t n = 0;
    while (n < reach && n < sizeof hashes / sizeof *hashes) {
        if (n > 0)
            hash = lexicon_hash_join(hash, tok(sc, i + n)->hash);
        hashes[n++] = hash;
    }
    for (; n > 1; n--)
        if ((sc->roles[i + n - 1] & last) &&
            phrase_found(sc, lex, i, n, hashes[n - 1], value))
            return n;
    return one_word_entry(sc, lex, i, value) ? 1 : 0;
}

size_t match_length_before(const scanner *sc, const lexicon *lex,
                           size_t i)
{
    if (i == 0 || i >= n_tokens(sc) || !tok(sc, i)->space_before ||
        !(sc->roles[i - 1] & role_last(lex->id)))
        return 0;
    for (size_t n = 1; n <= lex->max_words && n <= i; n++)
        if (phrase_listed(sc, lex, i - n, n))
            return n;
    return 0;
}

bool match_before(const scanner *sc, const lexicon *lex, size_t i)
{
    return match_length_before(sc, lex, i) > 0;
}

bool phrase_listed(const scanner *sc, const lexicon *lex, size_t i,
                   size_t n)
{
    if (n == 1 && tokens_is_word(sc->tokens, i))
        return one_word_entry(sc, lex, i, NULL);
    /* A listed phrase starts with a word that starts an entry and ends
     * with one that ends an entry: most phrases asked about are not
     * built. */
    if (n == 0 || n > lex->max_words || i + n > n_tokens(sc) ||
        !(sc->roles[i] & role_first(lex->id)) ||
        !(sc->roles[i + n - 1] & role_last(lex->id)))
        return false;
    /* The words between must be words, each after white space, and
     * each stand after the first in some entry. */
    if (sc->joined[i] < n)
        return false;
    uint64_t hash = tok(sc, i)->hash;
    for (size_t k = i + 1; k < i + n; k++) {
        if (!(sc->roles[k] & role_inner(lex->id)))
            return false;
        hash = lexicon_hash_join(hash, tok(sc, k)->hash);
    }
    return phrase_found(sc, lex, i, n, hash, NULL);
}

enum { SYLLABLE_UNKNOWN = 0, SYLLABLE_YES, SYLLABLE_NO };

bool is_vietnamese_syllable(const scanner *sc, size_t i)
{
    if (sc->syllable[i] == SYLLABLE_UNKNOWN)
        sc->syllable[i] =
            syllable_is_vietnamese(tokens_folded(sc->tokens, i))
                ? SYLLABLE_YES
                : SYLLABLE_NO;
    return sc->syllable[i] == SYLLABLE_YES;
}

bool is_surname(const scanner *sc, size_t i)
{
    if (!is_name_word(sc, i))
        return false;
    if (sc->roles[i] & role_word(sc->lex->surnames.id))
        return true;
    const char *word = tokens_folded(sc->tokens, i);
    /* "H'Hen": the entry "h'" is a prefix. */
    const char *apostrophe = strchr(word, '\'');
    char prefix[16];
    size_t len = apostrophe ? (size_t)(apostrophe - word) + 1 : 0;
    if (len == 0 || len >= sizeof prefix)
        return false;
    memcpy(prefix, word, len);
    prefix[len] = '\0';
    return lexicon_find(&sc->lex->surnames, prefix, NULL);
}

bool is_plausible_syllable(const scanner *sc, size_t i)
{
    return i < n_tokens(sc) &&
           (sc->roles[i] & role_word(sc->lex->name_syllables.id)) != 0;
}

size_t name_run(const scanner *sc, size_t i, size_t max)
{
    size_t n = 0;
    while (n < max && is_name_word(sc, i + n) &&
           (n == 0 || tok(sc, i + n)->space_before))
        n++;
    return n;
}

/* "-yeon" of "Dong-yeon", "-Pierre" of "Jean-Pierre": a hyphen and a
 * syllable glued to the name word before token i, in small letters, or
 * capitalized when one of the two is no Vietnamese syllable ("Hà
 * Nội-Hải Phòng" names two places); 2 tokens, or 0. */
static size_t hyphenated_syllable(const scanner *sc, size_t i)
{
    if (!tokens_is_mark(sc->tokens, i, '-') || tok(sc, i)->space_before ||
        i + 1 >= n_tokens(sc) || tok(sc, i + 1)->space_before)
        return 0;
    if (has_shape(sc, i + 1, SHAPE_LOWER))
        return 2;
    return is_name_word(sc, i + 1) && (!is_vietnamese_syllable(sc, i - 1) ||
                                       !is_vietnamese_syllable(sc, i + 1))
               ? 2
               : 0;
}

/* Whether token i is a word that is no Vietnamese syllable. */
static bool foreign_word(const scanner *sc, size_t i)
{
    return tokens_is_word(sc->tokens, i) &&
           !is_vietnamese_syllable(sc, i);
}

/* What joins two words of a Western name whose first word is at first,
 * at token k, before the next name word: the dot of a middle initial
 * between words that are no Vietnamese syllables ("Catherine M. Lawson";
 * "Nguyễn Văn T." is a name cut to its initial), or particles in small
 * letters after a first word that is none ("Peter Van der Berg", "Ursula
 * von der Leyen"; official-context-words.txt, kind particle).  Its
 * length in tokens, 0 when none. */
static size_t western_link(const scanner *sc, size_t first, size_t k)
{
    enum { PARTICLES_MAX = 2 }; /* "von der" */
    size_t n = 0;
    bool initial = tokens_is_mark(sc->tokens, k, '.') &&
                   !tok(sc, k)->space_before && k > first + 1 &&
                   tok(sc, k - 1)->end - tok(sc, k - 1)->start == 1;
    if (initial)
        n = 1;
    else
        while (n < PARTICLES_MAX && has_shape(sc, k + n, SHAPE_LOWER) &&
               tok(sc, k + n)->space_before &&
               context_at(sc, k + n, CONTEXT_PARTICLE) == 1)
            n++;
    /* The first word's syllable test, which costs most, comes last:
     * most runs have neither a dot nor a particle. */
    size_t next = k + n;
    return n > 0 && is_name_word(sc, next) && tok(sc, next)->space_before &&
                   (!initial || foreign_word(sc, next)) &&
                   foreign_word(sc, first)
               ? n
               : 0;
}

size_t joined_name_run(const scanner *sc, size_t i, size_t max)
{
    size_t n = 0;
    for (size_t words = 0; words < max && is_name_word(sc, i + n) &&
                           (words == 0 || tok(sc, i + n)->space_before);
         words++) {
        n++;
        n += hyphenated_syllable(sc, i + n);
        if (words + 1 < max)
            n += western_link(sc, i, i + n);
    }
    return n;
}

size_t foreign_name_at(const scanner *sc, size_t i)
{
    int kind = 0;
    if (!is_name_word(sc, i) ||
        match_at(sc, &sc->lex->foreign_surnames, i, &kind) != 1 ||
        match_at(sc, &sc->lex->org_starts, i, NULL) > 0 ||
        head_at(sc, i, false) > 0)
        return 0;
    size_t run = joined_name_run(sc, i, NAME_MAX_WORDS + 1);
    if (run < 2 || run > NAME_MAX_WORDS || name_run(sc, i, 2) < 2)
        return 0;
    /* "Tiền Giang", "Hạ Long", "Bạc Liêu": places */
    for (size_t n = 2; n <= run; n++)
        if (phrase_listed(sc, &sc->lex->admin_units, i, n) ||
            phrase_listed(sc, &sc->lex->countries, i, n))
            return 0;
    if (kind == FOREIGN_CHINESE)
        return run;
    for (size_t k = i + 1; k < i + run; k++)
        if (!tokens_is_word(sc->tokens, k) ||
            !is_vietnamese_syllable(sc, k))
            return run;
    return 0;
}

/* An organisation word and a suffix that makes its head ("Hạt trưởng",
 * "Trạm trưởng"; the longer ones, "Chi cục trưởng", are listed heads):
 * 2 tokens, 0 when none. */
static size_t suffixed_head(const scanner *sc, size_t i)
{
    return context_at(sc, i + 1, CONTEXT_SUFFIX) == 1 &&
                   (sc->roles[i] & role_word(sc->lex->org_starts.id)) &&
                   has_shape(sc, i + 1, SHAPE_LOWER) &&
                   tok(sc, i + 1)->space_before
               ? 2
               : 0;
}

size_t head_length(const scanner *sc, size_t i)
{
    if (!tokens_is_word(sc->tokens, i))
        return 0;
    /* "nguyên Phó Giám đốc": prefixes, then the head; the longest head
     * wins over a prefix that starts it ("Phó Chủ tịch" is listed). */
    size_t k = i;
    for (int prefixes = 0; prefixes < 3; prefixes++) {
        size_t head = match_at(sc, &sc->lex->title_heads, k, NULL);
        if (head == 0)
            head = context_at(sc, k, CONTEXT_RANK); /* a rank is a title */
        if (head == 0 && k + 1 < n_tokens(sc) &&
            sc->context_kind[k + 1] == CONTEXT_SUFFIX)
            head = suffixed_head(sc, k);
        if (head > 0)
            return k + head - i;
        size_t prefix = context_at(sc, k, CONTEXT_PREFIX);
        if (prefix == 0)
            prefix = context_at(sc, k, CONTEXT_FORMER);
        if (prefix == 0 || !tokens_is_word(sc->tokens, k + prefix) ||
            !tok(sc, k + prefix)->space_before)
            return 0;
        k += prefix;
    }
    return 0;
}

bool name_starts_at(const scanner *sc, size_t i)
{
    return is_surname(sc, i) && name_run(sc, i, 2) == 2 &&
           head_at(sc, i, false) == 0;
}

size_t baptismal_name_length(const scanner *sc, size_t i)
{
    if (!is_name_word(sc, i))
        return 0;
    size_t n = match_at(sc, &sc->lex->christian_names, i, NULL);
    return n > 0 && name_starts_at(sc, i + n) && tok(sc, i + n)->space_before
               ? n
               : 0;
}

bool is_plausible_name(const scanner *sc, size_t i, size_t n)
{
    for (size_t k = 1; k < n; k++)
        if (!is_plausible_syllable(sc, i + k))
            return false;
    return true;
}

bool starts_plausible_name(const scanner *sc, size_t i)
{
    size_t run = name_run(sc, i, NAME_MAX_WORDS + 1);
    return run <= NAME_MAX_WORDS && name_starts_at(sc, i) &&
           is_plausible_name(sc, i, run);
}

bool is_abbreviation_dot(const scanner *sc, size_t i)
{
    if (!tokens_is_mark(sc->tokens, i, '.') || i == 0 ||
        !is_capitalized(sc, i - 1) || !is_capitalized(sc, i + 1))
        return false;
    /* "TP.HCM", "PGS.TS": no space on either side; "TP .HCM": the dot
     * sticks to what follows; "TP. HCM": two abbreviations. */
    bool space_before = tok(sc, i)->space_before;
    bool space_after = tok(sc, i + 1)->space_before;
    if (!space_before && !space_after)
        return has_shape(sc, i - 1, SHAPE_UPPER) ||
               tok(sc, i - 1)->end - tok(sc, i - 1)->start <= 4;
    if (space_before != space_after)
        return has_shape(sc, i - 1, SHAPE_UPPER) &&
               (has_shape(sc, i + 1, SHAPE_UPPER) || !space_after);
    return false;
}

/* "1. Ông Nguyễn Văn A": the dot of an item's number. */
static bool is_item_number_dot(const scanner *sc, size_t i)
{
    return i > 0 && has_shape(sc, i - 1, SHAPE_NUMBER) &&
           opens_clause(sc, i - 1) && tokens_is_word(sc->tokens, i + 1);
}

bool is_sentence_dot(const scanner *sc, size_t i)
{
    return !is_abbreviation_dot(sc, i) && !is_item_number_dot(sc, i);
}

bool opens_sentence(const scanner *sc, size_t i)
{
    if (i == 0)
        return true;
    const token *before = tok(sc, i - 1);
    return before->shape == SHAPE_MARK &&
           strchr(".!?:;\"(", before->mark) != NULL;
}

bool opens_clause(const scanner *sc, size_t i)
{
    if (i == 0)
        return true;
    const token *before = tok(sc, i - 1);
    return before->shape == SHAPE_MARK &&
           strchr(".!?:;\"(,-", before->mark) != NULL;
}
