/*
 * scan_titles.c — reading a title: its head, then its organisation phrase
 * up to a comma, a verb, a name or the sentence end, with the names of
 * administrative units and institutions read from the gazetteer, and the
 * names a title's phrase swallows.  See scan_internal.h.
 */
#include "scan_internal.h"


#include <stdint.h>
#include <string.h>

/* Where a name starts inside the capitalized run [j, j + run) that names
 * a place or an institution ("Bệnh viện Bạch Mai Nguyễn Quốc Anh"); run
 * when none does.  A listed place or historical figure is a whole part;
 * else the person's name is taken to be the last three, then two words
 * (most Vietnamese names have three). */
static size_t place_name_length(const scanner *sc, size_t j, size_t run)
{
    if (run < 3)
        return run;
    for (size_t p = run - 2; p > 0; p--)
        if (name_starts_at(sc, j + p) &&
            (phrase_listed(sc, &sc->lex->admin_units, j, p) ||
             phrase_listed(sc, &sc->lex->historical_figures, j, p)))
            return p;
    if (run < 4)
        return run;
    for (size_t rest = 3; rest >= 2; rest--)
        if (name_starts_at(sc, j + run - rest))
            return run - rest;
    return run;
}

size_t listed_place_length(const scanner *sc, size_t i)
{
    size_t run = 0;
    while (run < RUN_LOOKAHEAD && is_capitalized(sc, i + run) &&
           (run == 0 || tok(sc, i + run)->space_before))
        run++;
    for (size_t n = run; n > 0; n--)
        if ((n == run || name_starts_at(sc, i + n)) &&
            (phrase_listed(sc, &sc->lex->admin_units, i, n) ||
             phrase_listed(sc, &sc->lex->countries, i, n)))
            return n;
    return 0;
}

bool rank_ends_at(const scanner *sc, size_t first, size_t end)
{
    for (size_t k = first; k < end; k++)
        if (context_at(sc, k, CONTEXT_RANK) == end - k)
            return true;
    return false;
}

size_t country_at(const scanner *sc, size_t i)
{
    if (!is_capitalized(sc, i))
        return 0;
    size_t n = match_at(sc, &sc->lex->countries, i, NULL);
    /* "Ban Pháp chế", "Anh ngữ": a word in small letters that goes on
     * with it makes another word of it. */
    size_t after = i + n;
    if (n > 0 && has_shape(sc, after, SHAPE_LOWER) &&
        tok(sc, after)->space_before &&
        match_at(sc, &sc->lex->title_stops, after, NULL) == 0 &&
        joins_at(sc, after) == 0)
        return 0;
    return n;
}

/* Tokens taken by the name of a unit after an administrative word at j
 * ("phường Giảng Võ", "quận 3"), 0 when none.  A listed unit name wins;
 * an unlisted run after a unit word is a place unless it reads as a
 * person's name, and a long run is split where a name starts
 * ("phường Phan Văn Nam Nguyễn Văn Hùng").  The unit's name may stick to
 * an abbreviation's dot ("TP.HCM"). */
static size_t place_after(const scanner *sc, size_t j, int kind,
                          bool person_expected)
{
    if (has_shape(sc, j, SHAPE_NUMBER) && kind == ORG_END_UNIT)
        return 1;
    bool after_dot = j > 0 && tokens_is_mark(sc->tokens, j - 1, '.');
    size_t run = 0;
    while (run < RUN_LOOKAHEAD && is_capitalized(sc, j + run) &&
           (tok(sc, j + run)->space_before || (run == 0 && after_dot)))
        run++;
    if (run == 0)
        return 0;
    bool whole_run_is_unit = phrase_listed(sc, &sc->lex->admin_units, j, run);
    /* "Đồng chí Chỉ huy trưởng ... quận Cao Đức": an honorific before the
     * title promises a person, so a name wins over a listed unit.  An
     * unlisted run that starts with a surname is a name ("chủ tịch xã Bùi
     * Văn Luyến"): units named after people are listed. */
    bool reads_as_name =
        starts_plausible_name(sc, j) ||
        (!whole_run_is_unit && run <= NAME_MAX_WORDS && name_starts_at(sc, j));
    if (whole_run_is_unit && !(person_expected && reads_as_name))
        return run;
    size_t longest = run < sc->lex->admin_units.max_words
                         ? run
                         : sc->lex->admin_units.max_words;
    /* "quận Ninh Kiều Trần Vinh": a listed unit, then a name. */
    for (size_t n = longest; n > 0; n--)
        if (n < run && name_starts_at(sc, j + n) &&
            phrase_listed(sc, &sc->lex->admin_units, j, n))
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
        if (phrase_listed(sc, &sc->lex->admin_units, j, n))
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
    return is_capitalized(sc, i) && head_at(sc, i, false) == 0 &&
           !name_starts_at(sc, i);
}

/* "của ủy ban ...", "của Lâm Đồng", "và Xã hội": what may follow a word
 * that joins two parts of an organisation's name. */
static bool joins_organisation(const scanner *sc, size_t i)
{
    return continues_organisation(sc, i) ||
           match_at(sc, &sc->lex->org_starts, i, NULL) > 0 ||
           listed_place_at(sc, i) > 0;
}

/* A province or city at capitalized token i (official-provinces.txt):
 * its length, 0 when none. */
static size_t province_at(const scanner *sc, size_t i)
{
    return is_capitalized(sc, i)
               ? match_at(sc, &sc->lex->provinces, i, NULL)
               : 0;
}

/* Whether a country ends right before token j, at phrase or after it. */
static bool country_ends_before(const scanner *sc, size_t phrase, size_t j)
{
    for (size_t n = 1; n <= sc->lex->countries.max_words && n <= j - phrase;
         n++)
        if (country_at(sc, j - n) == n)
            return true;
    return false;
}

/* Whether a person found earlier in the document bears the name written
 * in tokens [first, end). */
static bool named_before(const scanner *sc, size_t first, size_t end)
{
    for (size_t m = 0; m < sc->out->count; m++) {
        const char *name = sc->out->items[m].name;
        size_t i = first;
        for (; i < end; i++) {
            const token *t = tok(sc, i);
            size_t len = t->end - t->start;
            if (i > first && t->space_before && *name++ != ' ')
                break;
            if (strncmp(name, sc->text + t->start, len) != 0)
                break;
            name += len;
        }
        if (i == end && *name == '\0')
            return true;
    }
    return false;
}

bool holder_starts_at(const scanner *sc, size_t phrase, size_t j)
{
    bool after_country = j > phrase && country_ends_before(sc, phrase, j);
    if (j != phrase && !after_country)
        return false;
    if (foreign_name_at(sc, j) > 0)
        return true;
    if (match_at(sc, &sc->lex->org_starts, j, NULL) > 0 ||
        head_at(sc, j, false) > 0 || listed_place_at(sc, j) > 0 ||
        country_at(sc, j) > 0)
        return false;
    size_t run = joined_name_run(sc, j, NAME_MAX_WORDS + 1);
    if (run < 2 || run > NAME_MAX_WORDS)
        return false;
    if (is_capitalized(sc, j + run))
        return false;
    if (after_country)
        return true;
    /* Right after the head, a name whose first word is no Vietnamese
     * syllable: one written with a middle initial or a particle, before
     * the verb ("Thứ trưởng Catherine M. Lawson đánh giá"), or one the
     * document has given already ("Đại sứ Lars Henrik Jensen" after "ông
     * Lars Henrik Jensen, Đại sứ Đan Mạch").  Else a company may come
     * first: "Tổng giám đốc Apple Tim Cook" (title_tail_name()). */
    if (is_vietnamese_syllable(sc, j))
        return false;
    return (name_run(sc, j, run) < run && has_shape(sc, j + run, SHAPE_LOWER)) ||
           named_before(sc, j, j + run);
}

/* Whether a place ends right before token j, at phrase or after it: a
 * country, or a unit's name of two words or more ("Hạ Long"). */
static bool place_ends_before(const scanner *sc, size_t phrase, size_t j)
{
    if (country_ends_before(sc, phrase, j))
        return true;
    for (size_t n = 2; n <= sc->lex->admin_units.max_words && n <= j - phrase;
         n++)
        if (phrase_listed(sc, &sc->lex->admin_units, j - n, n))
            return true;
    return false;
}

/* Where the name word that ends right before token end starts: at end - 1,
 * or at end - 3 for a word with a hyphenated syllable ("Duck-soo");
 * SIZE_MAX when no name word ends there. */
static size_t name_word_before(const scanner *sc, size_t end)
{
    if (end >= 3 && has_shape(sc, end - 1, SHAPE_LOWER) &&
        joined_name_run(sc, end - 3, 1) == 3)
        return end - 3;
    return end >= 1 && is_name_word(sc, end - 1) ? end - 1 : SIZE_MAX;
}

/* Where the foreign name of two words that ends right before token end
 * starts, inside a title whose phrase starts at phrase; SIZE_MAX when
 * none does.  One of its syllables is no Vietnamese one; it is no listed
 * place nor the end of one ("Ủy ban Châu Âu Ursula von der Leyen", "Hạ
 * Long Group"), and not the name of an organisation whose word comes before
 * it or starts it ("Công ty Samsung Electronics"); a place word in small
 * letters before it names a place ("Bí thư Chi bộ thôn Voòng Cơlâu":
 * "Nhật Bản" ends in the capitalized "Bản"), unless it is the head's own
 * ("trưởng thôn Cơlâu Bhưới"). */
static size_t foreign_pair_before(const scanner *sc, size_t phrase,
                                  size_t end)
{
    size_t second = name_word_before(sc, end);
    size_t pair = second == SIZE_MAX ? SIZE_MAX : name_word_before(sc, second);
    if (pair == SIZE_MAX || pair < phrase || !tok(sc, pair)->space_before ||
        !tok(sc, second)->space_before)
        return SIZE_MAX;
    bool foreign = false;
    for (size_t k = pair; k < end; k++)
        foreign |= tokens_is_word(sc->tokens, k) &&
                   !is_vietnamese_syllable(sc, k);
    bool organisation_or_place =
        listed_place_at(sc, pair) > 0 ||
        place_ends_before(sc, phrase, pair + 1) ||
        place_ends_before(sc, phrase, second + 1) ||
        match_at(sc, &sc->lex->org_starts, pair, NULL) > 0 ||
        match_at(sc, &sc->lex->org_starts, second, NULL) > 0 ||
        match_before(sc, &sc->lex->org_starts, pair) ||
        (pair > phrase && match_before(sc, &sc->lex->place_words, pair) &&
         !is_capitalized(sc, pair - 1));
    return foreign && !organisation_or_place ? pair : SIZE_MAX;
}

/* A field in small letters that goes on after the dash at j, inside a
 * title whose phrase is open: "công chức địa chính - xây dựng xã", "Trưởng
 * phòng tài chính - kế hoạch huyện".  One to three words, none of them an
 * honorific, a head, a verb or any word around a name ("- ông A", "- người
 * từng ..."), then a mark, the end, or an organisation's closing word. */
static bool field_after_dash(const scanner *sc, size_t j)
{
    enum { FIELD_MAX_WORDS = 3 };
    if (!has_shape(sc, j - 1, SHAPE_LOWER))
        return false;
    for (size_t n = 1; n <= FIELD_MAX_WORDS; n++) {
        size_t k = j + n;
        if (!has_shape(sc, k, SHAPE_LOWER) || !tok(sc, k)->space_before ||
            sc->context_len[k] > 0 || head_at(sc, k, true) > 0 ||
            match_at(sc, &sc->lex->honorifics, k, NULL) > 0 ||
            match_at(sc, &sc->lex->title_stops, k, NULL) > 0 ||
            match_at(sc, &sc->lex->private_cues, k, NULL) > 0)
            return false;
        size_t after = k + 1;
        if (after >= n_tokens(sc) || has_shape(sc, after, SHAPE_MARK) ||
            match_at(sc, &sc->lex->org_ends, after, NULL) > 0)
            return true;
    }
    return false;
}

/* A place word at lower-case token j that seats a state's representative
 * where it stands: after a country, "tại" and a country or a place goes
 * on with the title ("Đại sứ Việt Nam tại Hàn Quốc", "Tổng Lãnh sự Pháp
 * tại TP.HCM"), where elsewhere it ends it ("Chủ tịch UBND tỉnh tại Hà
 * Nội").  The length of the place word, 0 when none. */
static size_t seat_word_at(const scanner *sc, size_t phrase, size_t j)
{
    size_t word = match_at(sc, &sc->lex->place_words, j, NULL);
    if (word == 0 || j == phrase || !country_ends_before(sc, phrase, j))
        return 0;
    size_t place = j + word;
    int kind = 0;
    return country_at(sc, place) > 0 || listed_place_at(sc, place) > 0 ||
                   (match_at(sc, &sc->lex->org_ends, place, &kind) > 0 &&
                    kind == ORG_END_UNIT)
               ? word
               : 0;
}

size_t title_end(const scanner *sc, size_t first, size_t head_len,
                 bool person_expected)
{
    size_t j = first + head_len;
    /* A rank takes no organisation: a title after it is another one
     * ("Thiếu tướng Phó Giám đốc Công an tỉnh"). */
    bool rank = rank_ends_at(sc, first, j);
    bool closed = false, after_unit_abbreviation = false;
    size_t unit_read_at = SIZE_MAX; /* where place_after() left off */
    size_t joined_at = SIZE_MAX;    /* the word after a joining mark */
    while (j < n_tokens(sc) && j - first < TITLE_MAX_TOKENS) {
        const token *t = tok(sc, j);
        if (t->shape == SHAPE_MARK) {
            /* "Sở Lao động - Thương binh và Xã hội": a dash inside. */
            if ((t->mark == '-' && continues_organisation(sc, j + 1)) ||
                (t->mark == '-' && !closed && field_after_dash(sc, j)) ||
                (t->mark == '&' && tokens_is_word(sc->tokens, j + 1))) {
                joined_at = ++j; /* "Bộ GD-ĐT", "bộ NN & PTNT" */
                closed = false;
                continue;
            }
            /* "Trung tâm Phòng chống HIV/AIDS": a slash between two
             * capitalized words, without spaces */
            if (t->mark == '/' && !t->space_before &&
                is_capitalized(sc, j - 1) && is_capitalized(sc, j + 1) &&
                !tok(sc, j + 1)->space_before) {
                joined_at = ++j;
                continue;
            }
            /* "Han Duck-soo": a romanized given name goes on */
            if (t->mark == '-' && joined_name_run(sc, j - 1, 1) == 3) {
                j += 2;
                continue;
            }
            /* "TP.HCM", "TP .HCM", "TP. Hồ Chí Minh" */
            if (t->mark == '.' &&
                (is_abbreviation_dot(sc, j) ||
                 (after_unit_abbreviation && is_capitalized(sc, j + 1)))) {
                j++;
                if (after_unit_abbreviation) {
                    j += place_after(sc, j, ORG_END_UNIT, person_expected);
                    unit_read_at = j;
                    closed = true;
                }
                after_unit_abbreviation = false;
                continue;
            }
            break;
        }
        after_unit_abbreviation = false;
        if ((!t->space_before && j != joined_at) ||
            (rank && head_at(sc, j, true) > 0))
            break;
        size_t joins = joins_at(sc, j);
        if (joins > 0) {
            if (!joins_organisation(sc, j + joins))
                break;
            j += joins;
            closed = false;
            continue;
        }
        /* "Phó Chủ tịch UBND tỉnh phụ trách khối văn xã": the field in
         * charge goes on with the title. */
        size_t field = context_at(sc, j, CONTEXT_FIELD);
        if (field > 0) {
            j += field;
            closed = false;
            continue;
        }
        /* a country closes the phrase before its seat */
        size_t seat = closed && t->shape == SHAPE_LOWER
                          ? seat_word_at(sc, first + head_len, j)
                          : 0;
        if (seat > 0) {
            j += seat;
            closed = false;
            continue;
        }
        /* A verb after a title is in small letters; "Ủy ban Kiểm tra" is
         * a name, though "kiểm tra" is a verb. */
        if (t->shape == SHAPE_LOWER &&
            match_at(sc, &sc->lex->title_stops, j, NULL) > 0)
            break;
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
            after_unit_abbreviation = kind == ORG_END_UNIT &&
                                      end_len == 1 &&
                                      has_shape(sc, j, SHAPE_UPPER);
            j += end_len;
            j += place_after(sc, j, kind, person_expected);
            unit_read_at = j;
            closed = true;
            continue;
        }
        if (t->shape == SHAPE_LOWER) {
            /* "Tổng thống Vladimir Putin ngày 14/6": a foreign name ends
             * the title before any word in small letters, whatever it
             * is (title_tail_name() takes it). */
            if (closed ||
                foreign_pair_before(sc, first + head_len, j) != SIZE_MAX)
                break;
            j++;
            continue;
        }
        /* "Giám mục Giuse Nguyễn Năng": a baptismal name starts the
         * holder's name */
        if (holder_starts_at(sc, first + head_len, j) ||
            baptismal_name_at(sc, j) > 0)
            break;
        /* "Đại sứ Hàn Quốc", "Thủ tướng Nhật Bản Fumio Kishida" */
        size_t country = country_at(sc, j);
        if (country > 0) {
            j += country;
            closed = true;
            continue;
        }
        if (name_starts_at(sc, j)) {
            /* "Bệnh viện Bạch Mai", "Trường THPT Lê Quý Đôn": an
             * institution's name, then maybe the person's (after a unit
             * word, place_after() has told them apart already).  In a
             * title an institution is written with a capital: "môi
             * trường Mai Ái Trực" is no school. */
            size_t place_word =
                match_length_before(sc, &sc->lex->place_words, j);
            if (j != unit_read_at && place_word > 0 &&
                is_capitalized(sc, j - place_word)) {
                j += place_name_length(sc, j,
                                       name_run(sc, j, RUN_LOOKAHEAD));
                closed = true;
                continue;
            }
            /* "tân bí thư của Lâm Đồng Nguyễn Văn Đẳng" */
            size_t place = listed_place_at(sc, j);
            if (place > 0 && name_starts_at(sc, j + place)) {
                j += place;
                closed = true;
                continue;
            }
            /* "Giám đốc Bệnh viện Đa khoa Hà Tĩnh", "Giám đốc Công an
             * Đồng Nai", "Bí thư Hà Nội": a province or city that ends
             * the title is its place, though it starts with a surname. */
            size_t province = province_at(sc, j);
            if (province > 0 && !is_capitalized(sc, j + province)) {
                j += province;
                closed = true;
                continue;
            }
            break;
        }
        j++;
        closed = false;
    }
    while (j > first + head_len &&
           (tok(sc, j - 1)->shape == SHAPE_MARK ||
            joins_at(sc, j - 1) > 0))
        j--;
    return j;
}

bool may_be_given_name(const scanner *sc, size_t i)
{
    int kind = 0;
    return is_name_word(sc, i) &&
           is_vietnamese_syllable(sc, i) &&
           match_at(sc, &sc->lex->org_starts, i, NULL) == 0 &&
           match_at(sc, &sc->lex->org_ends, i, &kind) == 0 &&
           match_at(sc, &sc->lex->place_words, i, NULL) == 0 &&
           head_at(sc, i, true) == 0 && listed_place_at(sc, i) == 0 &&
           match_at(sc, &sc->lex->honorifics, i, NULL) == 0;
}

bool title_tail_name(const scanner *sc, size_t first, size_t head_len,
                     size_t end, name_span *name)
{
    size_t phrase = first + head_len;
    /* The holder's name follows the title, outside it. */
    if (holder_starts_at(sc, phrase, end))
        return false;
    /* After a rank comes the name, whatever it is: "Đại tá Rah Lan
     * Chung", "Thượng úy Hùng". */
    size_t run = end - phrase;
    if (run >= 1 && run <= NAME_MAX_WORDS && tok(sc, phrase)->space_before &&
        name_run(sc, phrase, run) == run && rank_ends_at(sc, first, phrase)) {
        *name = (name_span){phrase, run,
                            run == 1 ? FORM_GIVEN : FORM_WEAK, 0};
        return true;
    }
    if (end == phrase + 1 && tok(sc, phrase)->space_before &&
        may_be_given_name(sc, phrase)) {
        *name = (name_span){phrase, 1, FORM_GIVEN, 0};
        return true;
    }
    /* "giám đốc sở y tế hà nội trần thị nhị hà": a full name in small
     * letters at the end of a title in small letters. */
    for (size_t len = NAME_MAX_WORDS; len >= 3; len--) {
        if (end < phrase + len)
            continue;
        size_t start = end - len;
        if (!has_shape(sc, start, SHAPE_LOWER) ||
            !(sc->roles[start] & role_word(sc->lex->surnames.id)))
            continue;
        bool plausible = true;
        for (size_t k = start + 1; k < end && plausible; k++)
            plausible = has_shape(sc, k, SHAPE_LOWER) &&
                        tok(sc, k)->space_before &&
                        is_plausible_syllable(sc, k);
        if (plausible) {
            *name = (name_span){start, len, FORM_LOWER, 0};
            return true;
        }
    }
    /* The last two capitalized words, a foreign name. */
    size_t pair = foreign_pair_before(sc, phrase, end);
    if (pair == SIZE_MAX)
        return false;
    *name = (name_span){pair, end - pair, FORM_WEAK, 0};
    return true;
}
