/*
 * scan_titles.c — reading a title: its head, then its organisation phrase
 * up to a comma, a verb, a name or the sentence end, with the names of
 * administrative units read from the gazetteer.  See scan_internal.h.
 */
#include "scan_internal.h"

/* Tokens taken by the name of a unit after an administrative word at j
 * ("phường Giảng Võ", "quận 3"), 0 when none.  A listed unit name wins;
 * an unlisted run after a unit word is a place unless it reads as a
 * person's name, and a long run is split where a name starts
 * ("phường Phan Văn Nam Nguyễn Văn Hùng"). */
static size_t place_after(const scanner *sc, size_t j, int kind,
                          bool person_expected)
{
    if (has_shape(sc, j, SHAPE_NUMBER) && kind == ORG_END_UNIT)
        return 1;
    size_t run = 0;
    while (run < RUN_LOOKAHEAD &&
           (has_shape(sc, j + run, SHAPE_TITLE) ||
            has_shape(sc, j + run, SHAPE_UPPER)) &&
           tok(sc, j + run)->space_before)
        run++;
    if (run == 0)
        return 0;
    char phrase[LEXICON_MAX_ENTRY];
    bool whole_run_is_unit =
        run <= sc->lex->admin_units.max_words &&
        tokens_phrase(sc->tokens, j, run, phrase, sizeof phrase) &&
        lexicon_find(&sc->lex->admin_units, phrase, NULL);
    /* "Đồng chí Chỉ huy trưởng ... quận Cao Đức": an honorific before the
     * title promises a person, so a name wins over a listed unit. */
    bool reads_as_name = starts_plausible_name(sc, j);
    if (whole_run_is_unit && !(person_expected && reads_as_name))
        return run;
    size_t longest = run < sc->lex->admin_units.max_words
                         ? run
                         : sc->lex->admin_units.max_words;
    /* "quận Ninh Kiều Trần Vinh": a listed unit, then a name. */
    for (size_t n = longest; n > 0; n--)
        if (n < run && name_starts_at(sc, j + n) &&
            tokens_phrase(sc->tokens, j, n, phrase, sizeof phrase) &&
            lexicon_find(&sc->lex->admin_units, phrase, NULL))
            return n;
    /* "quận Phan Công Khánh": a name, though "Phan" is also a ward. */
    if (reads_as_name)
        return 0;
    /* "phường Phan Văn Nam Nguyễn Văn Hùng": an unlisted unit named after
     * a person, then the person; split where the last name starts. */
    if (kind == ORG_END_UNIT && run > NAME_MAX_WORDS)
        for (size_t p = 1; p + 2 <= run; p++)
            if (run - p <= NAME_MAX_WORDS && name_starts_at(sc, j + p))
                return p;
    for (size_t n = longest; n > 0; n--) {
        /* A listed name leaving one stray capitalized word is more likely
         * a surname read as a unit: "quận Lê Hùng". */
        if (run - n == 1)
            continue;
        if (tokens_phrase(sc->tokens, j, n, phrase, sizeof phrase) &&
            lexicon_find(&sc->lex->admin_units, phrase, NULL))
            return n;
    }
    if (kind != ORG_END_UNIT)
        return 0;
    return run;
}

/* A capitalized word, abbreviation or number that may join an
 * organisation phrase after a dash or "và". */
static bool continues_organisation(const scanner *sc, size_t i)
{
    return (has_shape(sc, i, SHAPE_TITLE) || has_shape(sc, i, SHAPE_UPPER)) &&
           head_at(sc, i, false) == 0 && !name_starts_at(sc, i);
}

/* The end (exclusive token index) of the title whose head of head_len
 * tokens starts at first: the head, then its organisation phrase. */
size_t title_end(const scanner *sc, size_t first, size_t head_len,
                 bool person_expected)
{
    size_t j = first + head_len;
    bool closed = false;
    while (j < n_tokens(sc) && j - first < TITLE_MAX_TOKENS) {
        const token *t = tok(sc, j);
        if (t->shape == SHAPE_MARK) {
            /* "Sở Lao động - Thương binh và Xã hội": a dash inside. */
            if (t->mark == '-' && continues_organisation(sc, j + 1)) {
                j++;
                closed = false;
                continue;
            }
            break;
        }
        if (!t->space_before)
            break;
        /* A verb after a title is in small letters; "Ủy ban Kiểm tra" is
         * a name, though "kiểm tra" is a verb. */
        if (t->shape == SHAPE_LOWER &&
            match_at(sc, &sc->lex->title_stops, j, NULL) > 0)
            break;
        if (folded_is(sc, j, "và")) {
            if (!continues_organisation(sc, j + 1))
                break;
            j++;
            continue;
        }
        int kind = 0;
        size_t end_len = match_at(sc, &sc->lex->org_ends, j, &kind);
        /* "UBND huyện Đoàn Quang Nhật" is not "Huyện Đoàn", the youth
         * union: a closing phrase whose last word starts a name is cut,
         * unless a name follows it whole ("Quận Đoàn Phan Đình Quang"). */
        if (end_len > 1 && starts_plausible_name(sc, j + end_len - 1) &&
            !name_starts_at(sc, j + end_len))
            end_len = match_at_most(sc, &sc->lex->org_ends, j, end_len - 1,
                                    &kind);
        if (end_len > 0 && kind == ORG_INSIDE) {
            j += end_len; /* "Kinh tế - Xã hội": not the unit "xã" */
            closed = false;
            continue;
        }
        if (end_len > 0) {
            j += end_len;
            j += place_after(sc, j, kind, person_expected);
            closed = true;
            continue;
        }
        if (t->shape == SHAPE_LOWER) {
            if (closed)
                break;
            j++;
            continue;
        }
        if (name_starts_at(sc, j))
            break;
        j++;
        closed = false;
    }
    while (j > first + head_len &&
           (tok(sc, j - 1)->shape == SHAPE_MARK || folded_is(sc, j - 1, "và")))
        j--;
    return j;
}

