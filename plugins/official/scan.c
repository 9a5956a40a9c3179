/*
 * scan.c — see scan.h.  The scanner walks the tokens of a block once,
 * left to right.  At each word it asks, in this order: does a place or
 * institution word come before it (then the capitalized run is a place),
 * is it an honorific, does a title start here, does a name start here.
 * A title swallows its organisation phrase (title_end) and stops where a
 * name begins, so the name after it is found next; titles are kept until
 * the next name claims them, and a name claims the titles that follow it
 * after a comma or a dash itself.
 */
#include "scan_internal.h"

#include <stdlib.h>
#include <string.h>

/* Titles never overlap, so the n_tokens slots of sc->titles suffice. */
static void remember_title(scanner *sc, size_t first, size_t end)
{
    sc->titles[sc->n_titles++] = (title_span){first, end, false};
}

/* The text of tokens [first, end) with single spaces where the text had
 * any, as a new string. */
static char *tokens_text(const scanner *sc, size_t first, size_t end)
{
    size_t cap = tok(sc, end - 1)->end - tok(sc, first)->start + 1;
    char *out = malloc(cap);
    if (out == NULL)
        return NULL;
    size_t n = 0;
    for (size_t i = first; i < end; i++) {
        const token *t = tok(sc, i);
        if (i > first && t->space_before)
            out[n++] = ' ';
        memcpy(out + n, sc->text + t->start, t->end - t->start);
        n += t->end - t->start;
    }
    out[n] = '\0';
    return out;
}

static bool add_title(const scanner *sc, mention *m, size_t first,
                      size_t end)
{
    if (m->n_titles == MENTION_MAX_TITLES)
        return true; /* more titles than any real person carries */
    char *title = tokens_text(sc, first, end);
    if (title == NULL)
        return false;
    m->titles[m->n_titles++] = title;
    return true;
}

/* The unclaimed title ending right at token end, or NULL. */
static title_span *title_ending_at(scanner *sc, size_t end)
{
    for (size_t k = sc->n_titles; k > 0; k--) {
        title_span *t = &sc->titles[k - 1];
        if (t->end == end && !t->claimed)
            return t;
        if (t->end < end)
            break;
    }
    return NULL;
}

/* Claims the titles written before a name: the one ending at anchor and
 * those chained to it by commas ("Ủy viên Ban Thường vụ Quận ủy, Phó
 * Chủ tịch Thường trực UBND quận Đoàn Thị Lệ Hằng"), in text order. */
static bool claim_titles_before(scanner *sc, mention *m, size_t anchor)
{
    title_span *chain[MENTION_MAX_TITLES];
    size_t n = 0;
    title_span *t = title_ending_at(sc, anchor);
    while (t != NULL && n < MENTION_MAX_TITLES) {
        chain[n++] = t;
        if (t->first == 0 || !tokens_is_mark(sc->tokens, t->first - 1, ','))
            break;
        t = title_ending_at(sc, t->first - 1);
    }
    for (size_t k = n; k > 0; k--) {
        chain[k - 1]->claimed = true;
        if (!add_title(sc, m, chain[k - 1]->first, chain[k - 1]->end))
            return false;
    }
    return true;
}

/* Reads the titles after a name ending at token i: ", Thành ủy viên, Bí
 * thư Quận ủy", " - Trưởng phòng Nội vụ", " (Chủ tịch UBND phường)".
 * Returns the token after the last of them, or i. */
static size_t claim_titles_after(scanner *sc, mention *m, size_t i, bool *ok)
{
    size_t j = i;
    bool open_parenthesis = false;
    *ok = true;
    for (;;) {
        bool separator = tokens_is_mark(sc->tokens, j, ',') ||
                         (j == i && (tokens_is_mark(sc->tokens, j, '-') ||
                                     tokens_is_mark(sc->tokens, j, '(')));
        size_t head = separator ? head_at(sc, j + 1, true) : 0;
        if (head == 0)
            break;
        open_parenthesis |= tokens_is_mark(sc->tokens, j, '(');
        size_t end = title_end(sc, j + 1, head, false);
        if (!add_title(sc, m, j + 1, end)) {
            *ok = false;
            return j;
        }
        m->titled_after = true;
        j = end;
    }
    if (open_parenthesis && tokens_is_mark(sc->tokens, j, ')'))
        j++;
    return j;
}

/* ------------------------------------------------------------------------ */
/* Mentions.                                                                */

static mention *new_mention(scanner *sc)
{
    mention_list *list = sc->out;
    if (list->count == list->capacity) {
        size_t capacity = list->capacity ? list->capacity * 2 : 16;
        mention *items = realloc(list->items, capacity * sizeof *items);
        if (items == NULL)
            return NULL;
        list->items = items;
        list->capacity = capacity;
    }
    mention *m = &list->items[list->count++];
    memset(m, 0, sizeof *m);
    return m;
}

/* Whether the sentence around token i has a private-story cue. */
static bool in_private_context(const scanner *sc, size_t i)
{
    size_t first = i, end = i;
    while (first > 0 && !is_sentence_mark(sc, first - 1))
        first--;
    while (end < n_tokens(sc) && !is_sentence_mark(sc, end))
        end++;
    for (size_t k = first; k < end; k++)
        if (tokens_is_word(sc->tokens, k) &&
            match_at(sc, &sc->lex->private_cues, k, NULL) > 0)
            return true;
    return false;
}

static mention *add_mention(scanner *sc, size_t first, size_t n,
                            honorific_kind honorific)
{
    mention *m = new_mention(sc);
    if (m == NULL)
        return NULL;
    m->start = sc->block_start + tok(sc, first)->start;
    m->end = sc->block_start + tok(sc, first + n - 1)->end;
    m->name = tokens_text(sc, first, first + n);
    m->given_only = n == 1;
    m->honorific = honorific;
    m->chrome = sc->chrome;
    m->private_context =
        honorific != HONORIFIC_NONE && in_private_context(sc, first);
    if (m->name == NULL) {
        sc->out->count--;
        return NULL;
    }
    return m;
}

/* Words of the name starting at i: the whole capitalized run when it is
 * short enough, else the surname and the known name syllables after it
 * ("Nguyễn Văn Hùng Hội ..." stops before "Hội"). */
static size_t name_length(const scanner *sc, size_t i)
{
    size_t run = name_run(sc, i, RUN_LOOKAHEAD);
    if (run <= NAME_MAX_WORDS)
        return run;
    size_t n = 1;
    while (n < NAME_MAX_WORDS && is_plausible_syllable(sc, i + n))
        n++;
    return n < 2 ? 2 : n;
}

/* Records the name of n words at i with its titles; returns the token
 * after the name and the titles that follow it, or 0 when out of memory
 * (i is never 0 then: a name is at least one token long). */
static size_t take_name(scanner *sc, size_t i, size_t n,
                        honorific_kind honorific, size_t honorific_first)
{
    mention *m = add_mention(sc, i, n, honorific);
    if (m == NULL)
        return 0;
    size_t anchor = i;
    if (title_ending_at(sc, i) == NULL && honorific_first != SIZE_MAX) {
        /* "Chủ tịch UBND quận, đồng chí Nguyễn Văn A" */
        anchor = honorific_first;
        if (anchor > 0 && tokens_is_mark(sc->tokens, anchor - 1, ','))
            anchor--;
    }
    if (!claim_titles_before(sc, m, anchor))
        return 0;
    bool ok;
    size_t next = claim_titles_after(sc, m, i + n, &ok);
    return ok ? next : 0;
}

/* Whether a name may start at i given the word before it: not inside a
 * longer capitalized run ("Giảng Võ Trần ..." is a place, then a name,
 * which a title read first separates), unless that word is a capitalized
 * sentence opener ("Theo Nguyễn Văn A"). */
static bool free_to_start(const scanner *sc, size_t i, size_t introduced_at)
{
    if (i == introduced_at || i == 0 || !tok(sc, i)->space_before ||
        !is_name_word(sc, i - 1))
        return true;
    bool opens_sentence = i == 1 || tok(sc, i - 2)->shape == SHAPE_MARK;
    return opens_sentence && !is_surname(sc, i - 1);
}

/* Skips the capitalized run at i that a place word introduced. */
static size_t skip_place(const scanner *sc, size_t i)
{
    while (i < n_tokens(sc) && tokens_is_word(sc->tokens, i) &&
           !has_shape(sc, i, SHAPE_LOWER))
        i++;
    return i;
}

static bool after_place_word(const scanner *sc, size_t i)
{
    if (match_before(sc, &sc->lex->place_words, i))
        return true;
    /* "số 12 Lê Duẩn", "170 Nguyễn Thị Minh Khai": an address. */
    return i > 0 && tok(sc, i)->space_before &&
           has_shape(sc, i - 1, SHAPE_NUMBER);
}

bool scan_block(const official_lexicons *lex, const char *text, size_t len,
                size_t block_start, bool chrome, token_list *tokens,
                mention_list *out)
{
    if (!tokens_split(tokens, text, len))
        return false;
    scanner sc = {lex, tokens, text, block_start, chrome, out, NULL, 0};
    if (tokens->count == 0)
        return true;
    sc.titles = malloc(tokens->count * sizeof *sc.titles);
    if (sc.titles == NULL)
        return false;

    /* The honorific waiting for its person: its kind, the token where the
     * person (or a title before the name) is expected, and where the
     * honorific itself starts.  A list ("các đồng chí: A, ...; B, ...")
     * lends its honorific to every name up to the sentence end. */
    honorific_kind pending = HONORIFIC_NONE, listed = HONORIFIC_NONE;
    size_t expected_at = SIZE_MAX, honorific_first = SIZE_MAX;
    bool ok = true;
    for (size_t i = 0; ok && i < tokens->count;) {
        const token *t = tok(&sc, i);
        if (t->shape == SHAPE_MARK) {
            if (is_sentence_mark(&sc, i))
                listed = HONORIFIC_NONE;
            i++;
            continue;
        }
        /* A title read up to here has split "UBND quận Lê Đăng Nam" into
         * its unit and the name already. */
        bool introduced = title_ending_at(&sc, i) != NULL;
        if (t->shape != SHAPE_LOWER && i != expected_at && !introduced &&
            after_place_word(&sc, i)) {
            i = skip_place(&sc, i);
            continue;
        }
        int kind = 0;
        size_t n = match_at(&sc, &lex->honorifics, i, &kind);
        /* Inside a sentence, "Ông" with a capital is a surname ("đường
         * Bạch Đằng, Ông Ích Khiêm"), not the honorific. */
        bool honorific_shape = t->shape == SHAPE_LOWER ||
                               opens_sentence(&sc, i);
        if (n > 0 && honorific_shape && !after_place_word(&sc, i)) {
            bool plural = i > 0 && folded_is(&sc, i - 1, "các");
            if (tokens_is_mark(tokens, i + n, ':') || plural)
                listed = (honorific_kind)kind;
            if (is_name_word(&sc, i + n) && tok(&sc, i + n)->space_before) {
                pending = (honorific_kind)kind;
                expected_at = i + n;
                honorific_first = i;
            }
            i += n;
            continue;
        }
        size_t head = head_at(&sc, i, false);
        if (head > 0) {
            size_t end = title_end(&sc, i, head, expected_at == i);
            remember_title(&sc, i, end);
            if (expected_at == i)
                expected_at = end; /* "Đồng chí Phó Bí thư ... Nguyễn A" */
            i = end;
            continue;
        }
        honorific_kind honorific = i == expected_at ? pending : listed;
        size_t first = i == expected_at ? honorific_first : SIZE_MAX;
        if (name_starts_at(&sc, i) &&
            free_to_start(&sc, i, introduced ? i : expected_at)) {
            size_t next = take_name(&sc, i, name_length(&sc, i), honorific,
                                    first);
            ok = next != 0;
            i = next;
        } else if (i == expected_at && is_name_word(&sc, i)) {
            /* "ông Tâm", or a name whose surname is not listed. */
            size_t run = name_run(&sc, i, RUN_LOOKAHEAD);
            size_t next = i + 1;
            if (run == 1)
                ok = add_mention(&sc, i, 1, honorific) != NULL;
            else if (run <= NAME_MAX_WORDS)
                ok = (next = take_name(&sc, i, run, honorific, first)) != 0;
            i = next;
        } else {
            i++;
        }
        if (i > expected_at)
            expected_at = SIZE_MAX;
    }
    free(sc.titles);
    return ok;
}

void mention_list_free(mention_list *list)
{
    for (size_t i = 0; i < list->count; i++) {
        free(list->items[i].name);
        for (size_t k = 0; k < list->items[i].n_titles; k++)
            free(list->items[i].titles[k]);
    }
    free(list->items);
    memset(list, 0, sizeof *list);
}
