/*
 * scan.c — see scan.h.  The scanner walks the tokens of a block once,
 * left to right, after one pass that notes what each sentence says (a
 * private story, a list of candidates or members).  At each word it asks,
 * in this order: does a place or institution word come before it (then
 * the capitalized run is a place), is it an honorific, does a title start
 * here, does a name start here.  A title swallows its organisation phrase
 * (title_end) and stops where a name begins, so the name after it is
 * found next; titles are kept until a name claims them.  At a name, the
 * capacity is read around it: the titles before it, its honorific, what
 * follows it (scan_context.c) and its sentence.
 */
#include "scan_internal.h"

#include <limits.h>
#include <stddef.h>
#include <stdint.h>
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
    if (m->n_titles == MENTION_MAX_TITLES || end <= first)
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

/* Where the title before the one starting at first would end: at the
 * comma or the "kiêm" that joins them, or right there after a rank
 * ("Thiếu tướng Phó Giám đốc ..."); SIZE_MAX when none does. */
static size_t chained_title_end(const scanner *sc, size_t first)
{
    if (first > 0 && tokens_is_mark(sc->tokens, first - 1, ','))
        return first - 1;
    if (first > 0 && rank_ends_at(sc, first > 3 ? first - 3 : 0, first))
        return first;
    for (size_t n = 1; n <= 3 && n <= first; n++)
        if (context_at(sc, first - n, CONTEXT_CHAIN) == n)
            return first - n;
    return SIZE_MAX;
}

/* Claims the titles written before a name: the one ending at anchor and
 * those chained to it by commas or "kiêm" ("Ủy viên Ban Thường vụ Quận
 * ủy, Phó Chủ tịch Thường trực UBND quận Đoàn Thị Lệ Hằng"), in text
 * order. */
static bool claim_titles_before(scanner *sc, mention *m, size_t anchor)
{
    title_span *chain[MENTION_MAX_TITLES];
    size_t n = 0;
    title_span *t = title_ending_at(sc, anchor);
    while (t != NULL && n < MENTION_MAX_TITLES) {
        chain[n++] = t;
        size_t before = chained_title_end(sc, t->first);
        if (before == SIZE_MAX)
            break;
        t = title_ending_at(sc, before);
    }
    for (size_t k = n; k > 0; k--) {
        chain[k - 1]->claimed = true;
        if (!add_title(sc, m, chain[k - 1]->first, chain[k - 1]->end))
            return false;
    }
    return true;
}

/* Whether the clause of a name ends right after it (at token i): a mark,
 * the block's end or a verb ("Giám đốc Sở Y tế, Nguyễn Văn A, cho
 * biết"). */
static bool closes_clause(const scanner *sc, size_t i)
{
    return i >= n_tokens(sc) || has_shape(sc, i, SHAPE_MARK) ||
           match_at(sc, &sc->lex->title_stops, i, NULL) > 0;
}

/* Where the titles before the name at i end: at the name, at its
 * honorific, also after a comma or a dash ("Chủ tịch UBND quận, đồng chí
 * Nguyễn Văn A", "thứ trưởng phụ trách xây dựng - ông Phạm Văn B"), or
 * at a comma before it when the title opens the clause and the name
 * closes it ("Giám đốc Sở Y tế tỉnh Nghệ An, Nguyễn Văn A, cho biết").
 * SIZE_MAX when no title stands before it. */
static size_t titles_anchor(scanner *sc, const name_span *name,
                            size_t honorific_first)
{
    size_t i = name->first;
    if (title_ending_at(sc, i) != NULL)
        return i;
    if (honorific_first != SIZE_MAX) {
        size_t anchor = honorific_first;
        if (anchor > 0 && (tokens_is_mark(sc->tokens, anchor - 1, ',') ||
                           tokens_is_mark(sc->tokens, anchor - 1, '-')))
            anchor--;
        return title_ending_at(sc, anchor) != NULL ? anchor : SIZE_MAX;
    }
    if (i == 0 || !tokens_is_mark(sc->tokens, i - 1, ','))
        return SIZE_MAX;
    const title_span *t = title_ending_at(sc, i - 1);
    if (t == NULL || !opens_clause(sc, t->first) ||
        !closes_clause(sc, i + name->n))
        return SIZE_MAX;
    return i - 1;
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

static mention *add_mention(scanner *sc, const name_span *name,
                            honorific_kind honorific)
{
    mention *m = new_mention(sc);
    if (m == NULL)
        return NULL;
    size_t first = name->first, last = name->first + name->n - 1;
    m->start = sc->block_start + tok(sc, first)->start;
    m->end = sc->block_start + tok(sc, last)->end;
    m->name = tokens_text(sc, first, last + 1);
    m->baptismal = name->baptismal;
    m->given_only = name->form == FORM_GIVEN;
    m->surnamed = name->form == FORM_FULL || name->form == FORM_LOWER;
    m->honorific = honorific;
    m->chrome = sc->chrome;
    if (m->name == NULL) {
        sc->out->count--;
        return NULL;
    }
    return m;
}

/* Whether what was found around a name makes it a person's name: a full
 * name always is; a name in small letters, without a listed surname or
 * of one word only with a cue or a capacity around it. */
static bool confirmed(const name_span *name, honorific_kind honorific,
                      bool titled_before, bool listed,
                      const right_context *rc)
{
    bool posted = titled_before || rc->n_titles > 0 || rc->predicate;
    switch (name->form) {
    case FORM_FULL:
        return true;
    case FORM_LOWER:
        return honorific != HONORIFIC_NONE || posted || listed;
    case FORM_WEAK:
        /* a list of Vietnamese names has surnames: "Kiềm Tây Nam, Quý
         * Châu" in one is a list of places */
        return honorific != HONORIFIC_NONE || titled_before ||
               (rc->identity && posted);
    case FORM_GIVEN:
        /* bare, only a predicate says it is a name: "được biết Hùng mới
         * được đề bạt làm phó phòng", not "cùng Tổ đại biểu HĐND" */
        return honorific != HONORIFIC_NONE || titled_before ||
               rc->predicate;
    }
    return false;
}

/* Names joined by commas or "và" after a plural honorific ("các ông A
 * và B, Phó Chủ tịch UBND tỉnh") share the title after the last: the
 * mentions of the run wait for it.  Returns false when out of memory. */
static bool share_titles(scanner *sc, size_t item, const right_context *rc,
                         size_t after_name)
{
    size_t index = sc->out->count - 1; /* the mention just added */
    bool in_run = sc->shared_from != SIZE_MAX && item == sc->shared_next;
    if (!in_run)
        sc->shared_from = SIZE_MAX;
    if (rc->n_titles > 0) {
        for (size_t w = in_run ? sc->shared_from : index; w < index; w++)
            for (size_t k = 0; k < rc->n_titles; k++)
                if (!add_title(sc, &sc->out->items[w], rc->titles[k].first,
                               rc->titles[k].end))
                    return false;
        sc->shared_from = SIZE_MAX;
        return true;
    }
    size_t k = after_name;
    if (tokens_is_mark(sc->tokens, k, ','))
        k++;
    k += context_at(sc, k, CONTEXT_JOINS);
    if (!sc->plural || k == after_name || rc->next != after_name ||
        rc->identity) {
        sc->shared_from = SIZE_MAX;
        return true;
    }
    if (sc->shared_from == SIZE_MAX)
        sc->shared_from = index;
    int kind = 0;
    size_t honorific = match_at(sc, &sc->lex->honorifics, k, &kind);
    sc->shared_next = k;
    sc->shared_next_alt = kind > 0 ? k + honorific : SIZE_MAX;
    return true;
}

/* Records the name at name->first with what is around it; returns the
 * token to go on from: after the name and what follows it, or after its
 * first word when it is no name after all.  *ok is false when out of
 * memory. */
static size_t take_name(scanner *sc, const name_span *name,
                        honorific_kind honorific, size_t honorific_first,
                        bool *ok)
{
    size_t i = name->first;
    size_t anchor = titles_anchor(sc, name, honorific_first);
    size_t item = honorific_first != SIZE_MAX ? honorific_first : i;
    bool initial = cut_to_initial(sc, name);
    size_t after_name = i + name->n + (initial ? 1 : 0);
    bool possessed = item > 0 && context_at(sc, item - 1,
                                            CONTEXT_POSSESSIVE) == 1;
    right_context rc;
    read_right_context(sc, after_name, possessed, &rc);
    const sentence_facts *facts = &sc->sentences[sc->sentence_of[i]];
    bool listed = facts->list_cue <= item && at_list_item(sc, item);
    if (!confirmed(name, honorific, anchor != SIZE_MAX, listed, &rc))
        return i + 1;
    mention *m = add_mention(sc, name, honorific);
    *ok = m != NULL &&
          (anchor == SIZE_MAX || claim_titles_before(sc, m, anchor));
    for (size_t k = 0; *ok && k < rc.n_titles; k++)
        *ok = add_title(sc, m, rc.titles[k].first, rc.titles[k].end);
    if (m != NULL) {
        m->titled_after = rc.n_titles > 0;
        m->predicate = rc.predicate;
        m->identity = rc.identity || facts->identity || initial ||
                      role_before(sc, item);
        m->story = facts->story;
        m->listed = listed;
    }
    if (*ok && m != NULL) {
        size_t at = item == sc->shared_next_alt ? sc->shared_next : item;
        *ok = share_titles(sc, at, &rc, after_name);
    }
    return rc.next;
}

/* ------------------------------------------------------------------------ */
/* Places and honorifics.                                                   */

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

/* The honorific at i, its length and kind; 0 when none.  Inside a
 * sentence, "Ông" with a capital is a surname ("đường Bạch Đằng, Ông Ích
 * Khiêm"); "Bà Rịa" is a place.  Inline: asked at every word, most of
 * which start no honorific, settled by the first test. */
static inline size_t honorific_at(const scanner *sc, size_t i, int *kind)
{
    size_t n = match_at(sc, &sc->lex->honorifics, i, kind);
    /* "Đức Giám mục": reverence, before a religious rank only */
    if (n > 0 && *kind == HONORIFIC_REVERENCE) {
        if (context_at(sc, i + n, CONTEXT_RANK) == 0)
            return 0;
        *kind = HONORIFIC_NEEDS_TITLE;
    }
    if (n == 0 || *kind == HONORIFIC_NOT || has_shape(sc, i, SHAPE_LOWER))
        return n;
    if ((!opens_sentence(sc, i) && is_surname(sc, i)) ||
        listed_place_at(sc, i) >= 2 || after_place_word(sc, i))
        return 0;
    return n;
}

/* The end of a chain of honorifics at i ("PGS.TS", "Bác sĩ - thạc sĩ",
 * "TS. Nguyễn ..."), with the strongest kind in *kind. */
static size_t honorific_chain_end(const scanner *sc, size_t i, size_t n,
                                  int *kind)
{
    size_t j = i + n;
    for (int links = 0; links < 4; links++) {
        bool joined = tokens_is_mark(sc->tokens, j, '.') ||
                      tokens_is_mark(sc->tokens, j, '-') ||
                      tokens_is_mark(sc->tokens, j, '/');
        size_t next = joined ? j + 1 : j;
        int next_kind = 0;
        size_t len = honorific_at(sc, next, &next_kind);
        if (len == 0 || next_kind == HONORIFIC_NOT) {
            /* "TS. Nguyễn Văn A": the abbreviation's dot */
            if (tokens_is_mark(sc->tokens, j, '.') && is_name_word(sc, j + 1))
                j++;
            return j;
        }
        if (next_kind > *kind)
            *kind = next_kind;
        j = next + len;
    }
    return j;
}

/* Whether the person an honorific announces may start at j: a name, in
 * capitals or small letters, or a title before it. */
static bool person_may_start(const scanner *sc, size_t j)
{
    if (j >= n_tokens(sc) || !tokens_is_word(sc->tokens, j))
        return false;
    if (!tok(sc, j)->space_before &&
        !tokens_is_mark(sc->tokens, j - 1, '.'))
        return false;
    name_span name;
    return is_name_word(sc, j) || head_at(sc, j, true) > 0 ||
           name_at(sc, j, true, &name);
}

/* ------------------------------------------------------------------------ */
/* Sentences.                                                               */

/* Notes for each sentence whether it tells a private story or gives a
 * citizen's identity, and where a list of candidates or members opens in
 * it: at the colon after a list word, or at the "là" or "gồm" shortly
 * after it ("Danh sách ứng cử viên đại biểu HĐND tỉnh gồm:", "liên danh
 * là"). */
enum { LIST_INTRODUCER_DISTANCE = 12 };

static void read_sentences(scanner *sc, bool list_carried)
{
    size_t s = 0, cue = SIZE_MAX; /* where the last list word ends */
    sc->sentences[0] = (sentence_facts){false, false,
                                        list_carried ? 0 : SIZE_MAX};
    for (size_t i = 0; i < n_tokens(sc); i++) {
        sc->sentence_of[i] = s;
        sentence_facts *facts = &sc->sentences[s];
        if (is_sentence_mark(sc, i)) {
            sc->sentences[++s] = (sentence_facts){false, false, SIZE_MAX};
            cue = SIZE_MAX;
            continue;
        }
        if (cue != SIZE_MAX && i >= cue && facts->list_cue == SIZE_MAX &&
            (tokens_is_mark(sc->tokens, i, ':') ||
             (i - cue <= LIST_INTRODUCER_DISTANCE &&
              (context_at(sc, i, CONTEXT_ITEM) > 0 ||
               context_at(sc, i, CONTEXT_PREDICATE) > 0))))
            facts->list_cue = i;
        if (!tokens_is_word(sc->tokens, i))
            continue;
        int kind = 0;
        if (match_at(sc, &sc->lex->private_cues, i, &kind) > 0) {
            facts->story |= kind == PRIVATE_STORY;
            facts->identity |= kind == PRIVATE_IDENTITY;
        }
        size_t list_word = context_at(sc, i, CONTEXT_LIST) +
                           context_at(sc, i, CONTEXT_MANDATE);
        if (list_word > 0)
            cue = i + list_word;
    }
}

/* Whether the block goes on with a list its predecessor opened: it starts
 * with an item's number or bullet, an honorific or a name. */
static bool continues_list(const scanner *sc)
{
    int kind = 0;
    name_span name;
    return (has_shape(sc, 0, SHAPE_NUMBER) &&
            (tokens_is_mark(sc->tokens, 1, '.') ||
             tokens_is_mark(sc->tokens, 1, ')'))) ||
           tokens_is_mark(sc->tokens, 0, '-') ||
           tokens_is_mark(sc->tokens, 0, '#') ||
           honorific_at(sc, 0, &kind) > 0 || name_at(sc, 0, false, &name);
}

/* Whether the block ends by opening a list for the blocks after it:
 * "Danh sách ứng cử viên gồm:". */
static bool opens_list(const scanner *sc)
{
    size_t last = n_tokens(sc) - 1;
    const sentence_facts *facts = &sc->sentences[sc->sentence_of[last]];
    return tokens_is_mark(sc->tokens, last, ':') && facts->list_cue == last;
}

/* ------------------------------------------------------------------------ */
/* The scan.                                                                */

/* The next count items of size bytes from *at, aligned for any type. */
static void *carve(char **at, size_t count, size_t size)
{
    enum { ALIGN = _Alignof(max_align_t) };
    void *items = *at;
    *at += (count * size + ALIGN - 1) / ALIGN * ALIGN;
    return items;
}

/* Bytes of the tables for n tokens, as carve() lays them out. */
static size_t tables_size(size_t n)
{
    enum { ALIGN = _Alignof(max_align_t) };
    const size_t sizes[] = {
        n * sizeof(title_span), n * sizeof(size_t),
        (n + 1) * sizeof(sentence_facts), n * sizeof(role_bits),
        n, n, n, n, n};
    size_t total = 0;
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++)
        total += (sizes[k] + ALIGN - 1) / ALIGN * ALIGN;
    return total;
}

static bool alloc_scratch(scanner *sc, scan_scratch *scratch)
{
    size_t n = n_tokens(sc);
    size_t need = tables_size(n);
    if (need > scratch->tables_size) {
        free(scratch->tables);
        scratch->tables = malloc(need);
        scratch->tables_size = scratch->tables ? need : 0;
        if (scratch->tables == NULL)
            return false;
    }
    char *at = scratch->tables;
    sc->titles = carve(&at, n, sizeof *sc->titles);
    sc->sentence_of = carve(&at, n, sizeof *sc->sentence_of);
    sc->sentences = carve(&at, n + 1, sizeof *sc->sentences);
    sc->roles = carve(&at, n, sizeof *sc->roles);
    sc->joined = carve(&at, n, sizeof *sc->joined);
    sc->context_kind = carve(&at, n, sizeof *sc->context_kind);
    sc->context_len = carve(&at, n, sizeof *sc->context_len);
    sc->head_len = carve(&at, n, sizeof *sc->head_len);
    sc->syllable = carve(&at, n, sizeof *sc->syllable);
    memset(sc->syllable, 0, n * sizeof *sc->syllable);
    return true;
}

/* Fills roles[i] and joined[i], the latter from joined[i + 1]: called
 * for each token from the block's last backwards, once per block. */
static void note_word(scanner *sc, size_t i)
{
    const token *t = tok(sc, i);
    if (t->shape == SHAPE_MARK) {
        sc->roles[i] = 0;
        sc->joined[i] = 0;
        return;
    }
    sc->roles[i] = word_roles_of(&sc->lex->roles,
                                 tokens_folded(sc->tokens, i), t->hash);
    size_t joined = 1;
    if (i + 1 < n_tokens(sc) && tok(sc, i + 1)->space_before)
        joined += sc->joined[i + 1]; /* 0 when it is a mark */
    sc->joined[i] = (unsigned char)(joined < UCHAR_MAX ? joined : UCHAR_MAX);
}

/* The context word at token i, asked for often and by kind. */
static void note_context_word(scanner *sc, size_t i)
{
    int kind = 0;
    size_t len = match_at(sc, &sc->lex->context_words, i, &kind);
    if (len > UCHAR_MAX) /* no real phrase is that long */
        len = 0;
    sc->context_kind[i] = (unsigned char)(len > 0 ? kind : 0);
    sc->context_len[i] = (unsigned char)len;
}

/* The head at token i, asked for at every word by several readers.  A
 * head starts with a title head or a context word (a rank, a prefix:
 * may_head has their roles) or is a word with a suffix after it: any
 * other word has none, without asking. */
static void note_head(scanner *sc, size_t i, role_bits may_head)
{
    if (!(sc->roles[i] & may_head) &&
        !(i + 1 < n_tokens(sc) &&
          sc->context_kind[i + 1] == CONTEXT_SUFFIX)) {
        sc->head_len[i] = 0;
        return;
    }
    size_t len = head_length(sc, i);
    sc->head_len[i] = (unsigned char)(len > UCHAR_MAX ? 0 : len);
}

void read_tokens(scanner *sc)
{
    role_bits may_head = role_first(sc->lex->title_heads.id) |
                         role_first(sc->lex->context_words.id);
    for (size_t i = n_tokens(sc); i > 0; i--) {
        note_word(sc, i - 1);
        note_context_word(sc, i - 1);
        note_head(sc, i - 1, may_head);
    }
}

void scan_scratch_free(scan_scratch *scratch)
{
    tokens_free(&scratch->tokens);
    free(scratch->tables);
    memset(scratch, 0, sizeof *scratch);
}

bool scan_block(const official_lexicons *lex, const char *text, size_t len,
                size_t block_start, bool chrome, scan_scratch *scratch,
                scan_carry *carry, mention_list *out)
{
    token_list *tokens = &scratch->tokens;
    if (!tokens_split(tokens, text, len))
        return false;
    scanner sc = {.lex = lex, .tokens = tokens, .text = text,
                  .block_start = block_start, .chrome = chrome, .out = out,
                  .shared_from = SIZE_MAX, .shared_next = SIZE_MAX,
                  .shared_next_alt = SIZE_MAX};
    if (tokens->count == 0)
        return true;
    if (!alloc_scratch(&sc, scratch))
        return false;
    read_tokens(&sc);
    carry->list_open = carry->list_open && continues_list(&sc);
    read_sentences(&sc, carry->list_open);

    /* The honorific waiting for its person: its kind, the token where the
     * person (or a title before the name) is expected, and where the
     * honorific itself starts.  A list ("các đồng chí: A, ...; B, ...")
     * lends its honorific to every name up to the sentence end.  A name
     * a title swallowed waits in `tail`. */
    honorific_kind pending = HONORIFIC_NONE, listed = HONORIFIC_NONE;
    size_t expected_at = SIZE_MAX, honorific_first = SIZE_MAX;
    name_span tail = {SIZE_MAX, 0, FORM_FULL, 0};
    bool ok = true;
    for (size_t i = 0; ok && i < tokens->count;) {
        const token *t = tok(&sc, i);
        if (t->shape == SHAPE_MARK) {
            if (is_sentence_mark(&sc, i)) {
                listed = HONORIFIC_NONE;
                sc.plural = false;
                sc.shared_from = SIZE_MAX;
            }
            i++;
            continue;
        }
        honorific_kind honorific = i == expected_at ? pending : listed;
        size_t first = i == expected_at ? honorific_first : SIZE_MAX;
        if (i == tail.first) {
            i = take_name(&sc, &tail, honorific, first, &ok);
            tail.first = SIZE_MAX;
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
        size_t n = honorific_at(&sc, i, &kind);
        if (n > 0 && kind == HONORIFIC_NOT) {
            i += n;
            continue;
        }
        if (n > 0) {
            size_t after = honorific_chain_end(&sc, i, n, &kind);
            bool plural = i > 0 && context_at(&sc, i - 1,
                                              CONTEXT_PLURAL) == 1;
            if (tokens_is_mark(tokens, after, ':') || plural)
                listed = (honorific_kind)kind;
            sc.plural |= plural;
            if (person_may_start(&sc, after)) {
                pending = (honorific_kind)kind;
                expected_at = after;
                honorific_first = i;
            }
            i = after;
            continue;
        }
        size_t head = head_at(&sc, i, true);
        if (head > 0) {
            size_t end = title_end(&sc, i, head, expected_at == i);
            if (title_tail_name(&sc, i, head, end, &tail))
                end = tail.first;
            remember_title(&sc, i, end);
            /* "Các Phó Chủ tịch UBND tỉnh: A, B": a list of them */
            if (tokens_is_mark(tokens, end, ':')) {
                sentence_facts *facts = &sc.sentences[sc.sentence_of[end]];
                if (facts->list_cue > end)
                    facts->list_cue = end;
            }
            if (expected_at == i)
                expected_at = tail.first != SIZE_MAX ? tail.first : end;
            i = end;
            continue;
        }
        bool cued = i == expected_at || introduced;
        size_t place = cued ? 0 : listed_place_at(&sc, i);
        name_span name;
        if (place > 0 && (name_starts_at(&sc, i) || country_at(&sc, i))) {
            i += place; /* "tại Hà Nội, ...", "Lâm Đồng Nguyễn Văn Đẳng" */
        } else if (name_at(&sc, i, cued, &name)) {
            i = take_name(&sc, &name, honorific, first, &ok);
        } else {
            i++;
        }
        if (i > expected_at)
            expected_at = SIZE_MAX;
    }
    /* A list goes on while its paragraphs do, or opens here. */
    carry->list_open = ok && (carry->list_open || opens_list(&sc));
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
