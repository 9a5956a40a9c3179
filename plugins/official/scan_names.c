/*
 * scan_names.c — where a personal name starts and how long it is.  See
 * scan_internal.h.
 */
#include "scan_internal.h"

#include "syllable.h"

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

/* Whether a name may start at i given the word before it: not inside a
 * longer capitalized run ("Giảng Võ Trần ..." is a place, then a name,
 * which a title read first separates), unless that word is a capitalized
 * sentence opener ("Theo Nguyễn Văn A"). */
static bool free_to_start(const scanner *sc, size_t i, bool cued)
{
    if (cued || i == 0 || !tok(sc, i)->space_before ||
        !is_name_word(sc, i - 1))
        return true;
    bool opens = i == 1 || tok(sc, i - 2)->shape == SHAPE_MARK;
    return opens && !is_surname(sc, i - 1);
}

/* A full name in small letters ("Bác sĩ trần văn nhật", "nguyễn văn hòa
 * và ..."): a listed surname and known name syllables, none of them a
 * title word or a verb. */
static size_t lower_name_length(const scanner *sc, size_t i, bool cued)
{
    if (!has_shape(sc, i, SHAPE_LOWER) ||
        !(sc->roles[i] & role_word(sc->lex->surnames.id)))
        return 0;
    size_t n = 1;
    while (n < NAME_MAX_WORDS && has_shape(sc, i + n, SHAPE_LOWER) &&
           tok(sc, i + n)->space_before && is_plausible_syllable(sc, i + n) &&
           match_at(sc, &sc->lex->title_stops, i + n, NULL) == 0 &&
           head_at(sc, i + n, true) == 0)
        n++;
    if (n < 2 || phrase_listed(sc, &sc->lex->admin_units, i, n))
        return 0;
    if (cued)
        return n;
    /* Surnames are common words in small letters ("lại", "từ", "cao"):
     * without a cue, a full three-word name that ends at a mark. */
    size_t after = i + n;
    if (n < 3 || (after < n_tokens(sc) && !has_shape(sc, after, SHAPE_MARK) &&
                  joins_at(sc, after) == 0))
        return 0;
    return n;
}

/* A single word that names a person when a post follows it ("được biết
 * Hùng mới được đề bạt làm phó phòng"): inside a sentence after a word in
 * small letters, a known name syllable that starts nothing else. */
static bool bare_given_name(const scanner *sc, size_t i)
{
    return i > 0 && has_shape(sc, i - 1, SHAPE_LOWER) &&
           tok(sc, i)->space_before && name_run(sc, i, 2) == 1 &&
           is_plausible_syllable(sc, i) && !is_surname(sc, i) &&
           may_be_given_name(sc, i);
}

bool name_at_word(const scanner *sc, size_t i, bool cued, name_span *name)
{
    /* Most words are no name word: only a name in small letters may
     * start at one. */
    if (!is_name_word(sc, i)) {
        size_t lower = lower_name_length(sc, i, cued);
        if (lower > 0)
            *name = (name_span){i, lower, FORM_LOWER, 0};
        return lower > 0;
    }
    if (name_starts_at(sc, i) && free_to_start(sc, i, cued)) {
        *name = (name_span){i, name_length(sc, i), FORM_FULL, 0};
        return true;
    }
    /* "Giuse Nguyễn Năng": the baptismal name is the name's first part. */
    size_t baptismal = baptismal_name_at(sc, i);
    if (baptismal > 0 && free_to_start(sc, i, cued)) {
        *name = (name_span){i, baptismal + name_length(sc, i + baptismal),
                            FORM_FULL, baptismal};
        return true;
    }
    /* "ông Tập Cận Bình", "Tổng thống Yoon Suk Yeol": a foreign surname
     * where a person is expected. */
    size_t foreign = cued ? foreign_name_at(sc, i) : 0;
    if (foreign > 0) {
        *name = (name_span){i, foreign, FORM_FULL, 0};
        return true;
    }
    size_t run = joined_name_run(sc, i, RUN_LOOKAHEAD);
    if (run == 1 && (cued || bare_given_name(sc, i))) {
        *name = (name_span){i, 1, FORM_GIVEN, 0};
        return true;
    }
    /* "bà Kanni Wignaraja", "ông Sáu Vô", "ông Kim Dong-yeon"; bare:
     * "Jơrum Xia, 22 tuổi, là bí thư chi đoàn", for the caller to
     * confirm. */
    if (run >= 2 && run <= NAME_MAX_WORDS && free_to_start(sc, i, cued) &&
        (cued || listed_place_at(sc, i) == 0)) {
        *name = (name_span){i, run, FORM_WEAK, 0};
        return true;
    }
    return false;
}
