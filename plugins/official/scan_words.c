/*
 * scan_words.c — the scanner's tests on words: shapes, lexicon look-ups,
 * surnames and names.  See scan_internal.h.
 */
#include "scan_internal.h"

#include <string.h>

const token *tok(const scanner *sc, size_t i)
{
    return &sc->tokens->tokens[i];
}

size_t n_tokens(const scanner *sc)
{
    return sc->tokens->count;
}

bool has_shape(const scanner *sc, size_t i, token_shape shape)
{
    return i < n_tokens(sc) && tok(sc, i)->shape == shape;
}

bool folded_is(const scanner *sc, size_t i, const char *word)
{
    return tokens_is_word(sc->tokens, i) &&
           strcmp(tokens_folded(sc->tokens, i), word) == 0;
}

/* The longest entry of lex that starts at token i; its length in tokens,
 * 0 when none.  Its value goes to *value when value is not NULL. */
size_t match_at_most(const scanner *sc, const lexicon *lex, size_t i,
                     size_t max_words, int *value)
{
    char phrase[LEXICON_MAX_ENTRY];
    if (!tokens_is_word(sc->tokens, i) ||
        !lexicon_has_first_word(lex, tokens_folded(sc->tokens, i)))
        return 0;
    for (size_t n = max_words; n > 0; n--)
        if (tokens_phrase(sc->tokens, i, n, phrase, sizeof phrase) &&
            lexicon_find(lex, phrase, value))
            return n;
    return 0;
}

size_t match_at(const scanner *sc, const lexicon *lex, size_t i,
                int *value)
{
    return match_at_most(sc, lex, i, lex->max_words, value);
}

/* Whether an entry of lex ends right before token i (and is joined to it
 * by white space). */
bool match_before(const scanner *sc, const lexicon *lex, size_t i)
{
    char phrase[LEXICON_MAX_ENTRY];
    if (i == 0 || !tok(sc, i)->space_before ||
        !tokens_is_word(sc->tokens, i - 1) ||
        !lexicon_has_last_word(lex, tokens_folded(sc->tokens, i - 1)))
        return false;
    for (size_t n = 1; n <= lex->max_words && n <= i; n++)
        if (tokens_phrase(sc->tokens, i - n, n, phrase, sizeof phrase) &&
            lexicon_find(lex, phrase, NULL))
            return true;
    return false;
}

/* A word that can be a syllable of a name: capital, then small letters. */
bool is_name_word(const scanner *sc, size_t i)
{
    return has_shape(sc, i, SHAPE_TITLE);
}

bool is_surname(const scanner *sc, size_t i)
{
    if (!is_name_word(sc, i))
        return false;
    const char *word = tokens_folded(sc->tokens, i);
    if (lexicon_find(&sc->lex->surnames, word, NULL))
        return true;
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
    return lexicon_find(&sc->lex->name_syllables,
                        tokens_folded(sc->tokens, i), NULL);
}

/* Capitalized name words from i on, each after white space, up to max. */
size_t name_run(const scanner *sc, size_t i, size_t max)
{
    size_t n = 0;
    while (n < max && is_name_word(sc, i + n) &&
           (n == 0 || tok(sc, i + n)->space_before))
        n++;
    return n;
}

/* A title head at i.  Before a name it must be capitalized; after a name
 * and a comma ("ông Trần Minh, chủ tịch UBND phường") any case will do. */
size_t head_at(const scanner *sc, size_t i, bool any_case)
{
    if (!tokens_is_word(sc->tokens, i))
        return 0;
    if (!any_case && !has_shape(sc, i, SHAPE_TITLE) &&
        !has_shape(sc, i, SHAPE_UPPER))
        return 0;
    return match_at(sc, &sc->lex->title_heads, i, NULL);
}

/* A surname followed by at least one more name word. */
bool name_starts_at(const scanner *sc, size_t i)
{
    return is_surname(sc, i) && name_run(sc, i, 2) == 2 &&
           head_at(sc, i, false) == 0;
}

/* Every syllable after the surname is a known name syllable. */
bool is_plausible_name(const scanner *sc, size_t i, size_t n)
{
    for (size_t k = 1; k < n; k++)
        if (!is_plausible_syllable(sc, i + k))
            return false;
    return true;
}

/* A surname and known name syllables after it, up to the run's end. */
bool starts_plausible_name(const scanner *sc, size_t i)
{
    size_t run = name_run(sc, i, NAME_MAX_WORDS + 1);
    return run <= NAME_MAX_WORDS && name_starts_at(sc, i) &&
           is_plausible_name(sc, i, run);
}

bool is_sentence_mark(const scanner *sc, size_t i)
{
    return tokens_is_mark(sc->tokens, i, '.') ||
           tokens_is_mark(sc->tokens, i, '!') ||
           tokens_is_mark(sc->tokens, i, '?');
}

/* Whether token i starts a sentence, a quotation or a parenthesis. */
bool opens_sentence(const scanner *sc, size_t i)
{
    if (i == 0)
        return true;
    const token *before = tok(sc, i - 1);
    return before->shape == SHAPE_MARK &&
           strchr(".!?:;\"(", before->mark) != NULL;
}

