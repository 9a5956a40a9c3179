/*
 * scan_identity.c — who a named person is as a citizen, read from the
 * words before the name and from the way it is written: a role set off
 * before it ("chồng bà, ông X", "Chủ cửa hàng là bà Y") and a name cut to
 * its initial ("Nguyễn Văn T.").  See scan_internal.h.
 */
#include "scan_internal.h"

#include <stdint.h>

/* The whole phrase before the comma or "là" is the role ("Tiểu thương
 * chợ Đông Ba, bà A", "Chủ cửa hàng là bà B"), or the phrase ends with a
 * family tie and its possessor ("chồng bà, ông C", "vợ anh, chị D"). */
bool role_before(const scanner *sc, size_t item)
{
    enum { PHRASE_MAX_WORDS = 8, POSSESSOR_MAX_WORDS = 2 };
    size_t end = SIZE_MAX;
    if (item > 0 && tokens_is_mark(sc->tokens, item - 1, ','))
        end = item - 1;
    for (size_t n = 1; n <= 2 && end == SIZE_MAX && n <= item; n++)
        if (context_at(sc, item - n, CONTEXT_PREDICATE) == n)
            end = item - n;
    if (end == SIZE_MAX)
        return false;
    size_t start = end;
    while (start > 0 && tokens_is_word(sc->tokens, start - 1) &&
           end - start < PHRASE_MAX_WORDS)
        start--;
    for (size_t w = start; w < end; w++) {
        int kind = 0;
        size_t cue = match_at(sc, &sc->lex->private_cues, w, &kind);
        if (cue == 0 || w + cue > end ||
            (kind != PRIVATE_IDENTITY && kind != PRIVATE_ROLE))
            continue;
        if (w == start)
            return true;
        /* "chồng bà", "con trai ông", "mẹ của anh" */
        size_t k = w + cue;
        if (k == end || end - k > POSSESSOR_MAX_WORDS)
            continue;
        while (k < end && (match_at(sc, &sc->lex->honorifics, k, NULL) == 1 ||
                           context_at(sc, k, CONTEXT_POSSESSIVE) == 1))
            k++;
        if (k == end)
            return true;
    }
    return false;
}

bool cut_to_initial(const scanner *sc, const name_span *name)
{
    size_t last = name->first + name->n - 1;
    const token *t = tok(sc, last);
    size_t letters = 0; /* code points: bytes that start one */
    for (size_t b = t->start; b < t->end; b++)
        letters += ((unsigned char)sc->text[b] & 0xC0) != 0x80;
    return name->n >= 2 && letters == 1 && has_shape(sc, last, SHAPE_TITLE) &&
           tokens_is_mark(sc->tokens, last + 1, '.') &&
           !tok(sc, last + 1)->space_before;
}
