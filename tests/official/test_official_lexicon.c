/*
 * The official plugin's look-ups against the slow path they stand for.
 *
 * The scanner never builds most phrases it asks about: it joins the
 * hashes the tokenizer made (lexicon_hash_join), answers one word from
 * its roles (word_roles), stops at a word that stands after the first in
 * no entry (role_inner) or ends the run of joined words (joined), and
 * compares a phrase with a key word by word where the words are
 * (lexicon_find_by); it fills its per-token tables in one pass from the
 * block's end (read_tokens).  Each test here runs those fast
 * paths over texts made of the project's own lexicons — every entry,
 * run together, so that phrases also straddle entries and most are in no
 * lexicon — and compares every answer with lexicon_find() of the phrase
 * written out, a string look-up that shares none of those shortcuts.
 */
#include "official_fixture.h"

#include "lexicon.h"
#include "scan_internal.h"
#include "tokens.h"

#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* The plugin created with the project's lexicons. */
typedef struct loaded {
    fp_fake_host host;
    fp_fake_plugin plugin;
} loaded;

static int load_plugin(void **state)
{
    loaded *l = calloc(1, sizeof *l);
    assert_non_null(l);
    fp_fake_host_init(&l->host);
    assert_int_equal(fp_fake_plugin_create(&l->plugin,
                                           fp_plugin_official_get_desc(),
                                           &l->host, official_settings(NULL)),
                     FP_OK);
    *state = l;
    return 0;
}

static int unload_plugin(void **state)
{
    loaded *l = *state;
    fp_fake_plugin_destroy(&l->plugin);
    fp_fake_host_free(&l->host);
    free(l);
    return 0;
}

static const official_lexicons *lexicons_of(void **state)
{
    return ((loaded *)*state)->plugin.state;
}

/* The lexicons of the instance, in the order of their ids. */
static const lexicon *const *every_lexicon(const official_lexicons *lex,
                                           size_t *n)
{
    static const lexicon *all[16];
    const lexicon *list[] = {
        &lex->title_heads,   &lex->title_stops,     &lex->org_ends,
        &lex->org_starts,    &lex->honorifics,      &lex->context_words,
        &lex->surnames,      &lex->name_syllables,  &lex->place_words,
        &lex->admin_units,   &lex->countries,       &lex->historical_figures,
        &lex->private_cues,  &lex->provinces,       &lex->foreign_surnames,
        &lex->christian_names};
    memcpy(all, list, sizeof list);
    *n = sizeof list / sizeof *list;
    return all;
}

/* Every entry of lex (every step-th), in slot order, joined by
 * separator; some words
 * with their first ASCII letter made a capital, so the tokenizer's
 * folding is in the path too.  Caller frees. */
static char *entries_text(const lexicon *lex, const char *separator,
                          size_t step)
{
    size_t size = 1, sep = strlen(separator);
    for (size_t s = 0; s < lex->capacity; s++)
        if (lexicon_entry_at(lex, s) != NULL)
            size += strlen(lexicon_entry_at(lex, s)) + sep;
    char *text = malloc(size), *at = text;
    assert_non_null(text);
    size_t k = 0;
    for (size_t s = 0; s < lex->capacity; s++) {
        const char *entry = lexicon_entry_at(lex, s);
        if (entry == NULL || k++ % step != 0)
            continue;
        size_t len = strlen(entry);
        memcpy(at, entry, len);
        if (k % 3 == 1 && at[0] >= 'a' && at[0] <= 'z')
            at[0] = (char)(at[0] - 'a' + 'A');
        at += len;
        memcpy(at, separator, sep);
        at += sep;
    }
    *at = '\0';
    return text;
}

/* The tokens of text with the scanner's tables of them, as scan_block()
 * makes them (read_tokens()). */
typedef struct tokenized {
    token_list tokens;
    role_bits *roles;
    unsigned char *joined, *context_kind, *context_len, *head_len;
    scanner sc;
} tokenized;

static void *table(size_t count, size_t size)
{
    void *items = calloc(count + 1, size);
    assert_non_null(items);
    return items;
}

static void tokenize(tokenized *t, const official_lexicons *lex,
                     const char *text)
{
    memset(t, 0, sizeof *t);
    assert_true(tokens_split(&t->tokens, text, strlen(text)));
    size_t n = t->tokens.count;
    t->sc.lex = lex;
    t->sc.tokens = &t->tokens;
    t->sc.text = text;
    t->sc.roles = t->roles = table(n, sizeof *t->roles);
    t->sc.joined = t->joined = table(n, 1);
    t->sc.context_kind = t->context_kind = table(n, 1);
    t->sc.context_len = t->context_len = table(n, 1);
    t->sc.head_len = t->head_len = table(n, 1);
    read_tokens(&t->sc);
}

static void tokenized_free(tokenized *t)
{
    tokens_free(&t->tokens);
    free(t->roles);
    free(t->joined);
    free(t->context_kind);
    free(t->context_len);
    free(t->head_len);
}

/* The slow path: the folded words [i, i + n) written out with single
 * spaces and looked up as a string; false when a token between is no
 * word or follows without white space. */
static bool slow_listed(const tokenized *t, const lexicon *lex, size_t i,
                        size_t n, int *value)
{
    char phrase[4 * LEXICON_MAX_ENTRY];
    size_t used = 0;
    if (n == 0 || i + n > t->tokens.count)
        return false;
    for (size_t k = i; k < i + n; k++) {
        if (!tokens_is_word(&t->tokens, k) ||
            (k > i && !t->tokens.tokens[k].space_before))
            return false;
        size_t len = t->tokens.tokens[k].fold_len;
        if (used + len + 2 > sizeof phrase)
            return false;
        if (k > i)
            phrase[used++] = ' ';
        memcpy(phrase + used, tokens_folded(&t->tokens, k), len);
        used += len;
    }
    phrase[used] = '\0';
    return lexicon_find(lex, phrase, value);
}

/* The longest entry at i by the slow path. */
static size_t slow_match(const tokenized *t, const lexicon *lex, size_t i,
                         int *value)
{
    for (size_t n = lex->max_words; n > 0; n--)
        if (slow_listed(t, lex, i, n, value))
            return n;
    return 0;
}

/* Every lexicon's text, with entries run together by spaces and, in a
 * second text, set apart by commas; of the thousands of units, a sample
 * (the test also runs under valgrind). */
static void for_every_text(const official_lexicons *lex,
                           void (*check)(const tokenized *t,
                                         const lexicon *lex, size_t *found))
{
    size_t n_lexicons, found = 0;
    const lexicon *const *all = every_lexicon(lex, &n_lexicons);
    const char *separators[] = {" ", ", "};
    for (size_t s = 0; s < 2; s++)
        for (size_t l = 0; l < n_lexicons; l++) {
            size_t step = all[l]->count > 1000 ? all[l]->count / 500 : 1;
            char *text = entries_text(all[l], separators[s], step);
            tokenized t;
            tokenize(&t, lex, text);
            for (size_t k = 0; k < n_lexicons; k++)
                check(&t, all[k], &found);
            tokenized_free(&t);
            free(text);
        }
    /* The texts are the lexicons' own entries: most must be found, or
     * the comparison says nothing. */
    assert_true(found > 2000);
}

static void check_match(const tokenized *t, const lexicon *lex,
                        size_t *found)
{
    for (size_t i = 0; i < t->tokens.count; i++) {
        int fast_value = -100, slow_value = -100;
        size_t fast = match_at(&t->sc, lex, i, &fast_value);
        size_t slow = slow_match(t, lex, i, &slow_value);
        if (fast != slow || (fast > 0 && fast_value != slow_value))
            fail_msg("lexicon %u at token %zu (\"%s\"): fast %zu (%d), "
                     "slow %zu (%d)", lex->id, i,
                     tokens_is_word(&t->tokens, i)
                         ? tokens_folded(&t->tokens, i)
                         : "",
                     fast, fast_value, slow, slow_value);
        *found += fast > 0;
    }
}

/* match_at() — roles, joined hashes, keys compared word by word — gives
 * the longest entry and its value as looking up each written-out phrase
 * does. */
static void longest_match_as_slow_path(void **state)
{
    for_every_text(lexicons_of(state), check_match);
}

static void check_listed(const tokenized *t, const lexicon *lex,
                         size_t *found)
{
    for (size_t i = 0; i < t->tokens.count; i++)
        for (size_t n = 1; n <= lex->max_words + 1; n++) {
            bool fast = phrase_listed(&t->sc, lex, i, n);
            bool slow = slow_listed(t, lex, i, n, NULL);
            if (fast != slow)
                fail_msg("lexicon %u, tokens %zu+%zu: fast %d, slow %d",
                         lex->id, i, n, fast, slow);
            *found += fast;
        }
}

/* phrase_listed() of every phrase up to one word longer than the longest
 * entry, as the slow path. */
static void listed_phrases_as_slow_path(void **state)
{
    for_every_text(lexicons_of(state), check_listed);
}

/* The words from token i on that follow one another after white space:
 * joined[] counted one token at a time. */
static size_t slow_joined(const tokenized *t, size_t i)
{
    size_t n = 0;
    while (i + n < t->tokens.count && tokens_is_word(&t->tokens, i + n) &&
           (n == 0 || t->tokens.tokens[i + n].space_before))
        n++;
    return n < UCHAR_MAX ? n : UCHAR_MAX;
}

static void check_tables(const tokenized *t, const lexicon *lex,
                         size_t *found)
{
    const scanner *sc = &t->sc;
    const official_lexicons *lexicons = sc->lex;
    if (lex != &lexicons->title_heads)
        return; /* the tables are the text's: checked once */
    for (size_t i = 0; i < t->tokens.count; i++) {
        bool word = tokens_is_word(&t->tokens, i);
        role_bits roles = word ? word_roles_of(&lexicons->roles,
                                               tokens_folded(&t->tokens, i),
                                               t->tokens.tokens[i].hash)
                               : 0;
        int kind = 0;
        size_t context = match_at(sc, &lexicons->context_words, i, &kind);
        /* head_length() with every table complete and without the
         * skip of words that start no head */
        size_t head = head_length(sc, i);
        if (t->roles[i] != roles || t->joined[i] != slow_joined(t, i) ||
            t->context_len[i] != context ||
            t->context_kind[i] != (context > 0 ? kind : 0) ||
            t->head_len[i] != head)
            fail_msg("token %zu (\"%s\"): roles %d, joined %u/%zu, "
                     "context %u/%zu, head %u/%zu", i,
                     word ? tokens_folded(&t->tokens, i) : "",
                     t->roles[i] == roles, t->joined[i], slow_joined(t, i),
                     t->context_len[i], context, t->head_len[i], head);
        *found += (head > 0) + (context > 0) + (roles != 0);
    }
}

/* The tables read_tokens() fills from the block's end, each token's from
 * the tables of the tokens after it, are what each reader gives when
 * asked with every table complete. */
static void tables_as_slow_path(void **state)
{
    for_every_text(lexicons_of(state), check_tables);
}

/* A run of words longer than joined[] counts (UCHAR_MAX) is matched as
 * any other: the longest entry is far shorter. */
static void long_runs_as_slow_path(void **state)
{
    const official_lexicons *lex = lexicons_of(state);
    const char *phrase = "Phó Chủ tịch Ủy ban nhân dân ";
    size_t repeat = 60, len = strlen(phrase);
    char *text = malloc(repeat * len + 1);
    assert_non_null(text);
    for (size_t k = 0; k < repeat; k++)
        memcpy(text + k * len, phrase, len);
    text[repeat * len] = '\0';
    tokenized t;
    tokenize(&t, lex, text);
    assert_true(t.tokens.count > UCHAR_MAX);
    assert_int_equal(t.joined[0], UCHAR_MAX);
    size_t found = 0;
    check_match(&t, &lex->title_heads, &found);
    check_match(&t, &lex->admin_units, &found);
    check_tables(&t, &lex->title_heads, &found);
    assert_true(found >= repeat);
    tokenized_free(&t);
    free(text);
}

/* A phrase's hash joins its words' (lexicon_hash_join of each word's
 * lexicon_hash), which the scanner relies on to hash phrases from the
 * tokens' hashes; and every entry is found under its own key. */
static void phrase_hash_joins_word_hashes(void **state)
{
    size_t n_lexicons;
    const lexicon *const *all = every_lexicon(lexicons_of(state),
                                              &n_lexicons);
    for (size_t l = 0; l < n_lexicons; l++)
        for (size_t s = 0; s < all[l]->capacity; s++) {
            const char *entry = lexicon_entry_at(all[l], s);
            if (entry == NULL)
                continue;
            char word[LEXICON_MAX_ENTRY];
            uint64_t joined = 0;
            const char *start = entry;
            for (const char *p = entry;; p++) {
                if (*p != ' ' && *p != '\0')
                    continue;
                memcpy(word, start, (size_t)(p - start));
                word[p - start] = '\0';
                joined = start == entry
                             ? lexicon_hash(word)
                             : lexicon_hash_join(joined, lexicon_hash(word));
                if (*p == '\0')
                    break;
                start = p + 1;
            }
            assert_true(joined == lexicon_hash(entry));
            assert_true(lexicon_find(all[l], entry, NULL));
        }
    assert_false(lexicon_find(&lexicons_of(state)->admin_units,
                              "no such ward anywhere", NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(phrase_hash_joins_word_hashes),
        cmocka_unit_test(longest_match_as_slow_path),
        cmocka_unit_test(listed_phrases_as_slow_path),
        cmocka_unit_test(tables_as_slow_path),
        cmocka_unit_test(long_runs_as_slow_path),
    };
    return cmocka_run_group_tests(tests, load_plugin, unload_plugin);
}
