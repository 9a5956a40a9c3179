/*
 * scan_context.c — what follows a name: titles and organisations set off
 * by commas, dashes and brackets, posts stated as predicates, ages and
 * years of birth, other names of the same person in brackets; and where
 * a list puts its items.  See scan_internal.h.
 */
#include "scan_internal.h"

#include <string.h>

/* Segments read after one name at most: titles, and the appositions
 * between them.  A bound keeps the scan linear on runaway input. */
enum { CONTEXT_MAX_SEGMENTS = MENTION_MAX_TITLES + 6 };

/* Who the person is as a citizen, at k: an age or a year of birth ("70
 * tuổi", "sinh năm 1968", "SN 1975", "1968" alone in brackets), a home,
 * a family tie or a trade ("ngụ ấp Phú Hòa", "nông dân xã B").  The token
 * after it, or 0. */
static size_t identity_at(const scanner *sc, size_t k, bool bracketed)
{
    /* "ngụ ấp Phú Hòa", "nông dân xã Tân Phú", "vợ ông Ba": up to the
     * next mark */
    int kind = 0;
    size_t cue = match_at(sc, &sc->lex->private_cues, k, &kind);
    if (cue > 0 && has_shape(sc, k, SHAPE_LOWER) &&
        (kind == PRIVATE_IDENTITY || kind == PRIVATE_ROLE)) {
        size_t end = k + cue;
        while (end < n_tokens(sc) && end - k < TITLE_MAX_TOKENS &&
               tokens_is_word(sc->tokens, end))
            end++;
        return end;
    }
    if (has_shape(sc, k, SHAPE_NUMBER)) {
        size_t age = context_at(sc, k + 1, CONTEXT_AGE);
        if (age > 0)
            return k + 1 + age;
        if (bracketed && tokens_is_mark(sc->tokens, k + 1, ')'))
            return k + 1;
        return 0;
    }
    size_t birth = context_at(sc, k, CONTEXT_BIRTH);
    if (birth == 0 || !has_shape(sc, k + birth, SHAPE_NUMBER))
        return 0;
    /* "sinh ngày 12/3/1968", "sinh năm 1968" */
    size_t end = k + birth + 1;
    while ((tokens_is_mark(sc->tokens, end, '/') ||
            tokens_is_mark(sc->tokens, end, '-') ||
            tokens_is_mark(sc->tokens, end, '.')) &&
           has_shape(sc, end + 1, SHAPE_NUMBER) &&
           !tok(sc, end + 1)->space_before)
        end += 2;
    return end;
}

/* Another name of the person in brackets: "(tức Thích Minh Đức)", "(Tư
 * Sang)", also with the person's year of birth or age after it ("(Trần
 * Văn Hiếu, sinh năm 1958)", which sets rc->identity): the closing
 * bracket's token, or 0. */
static size_t alias_at(const scanner *sc, size_t k, right_context *rc)
{
    size_t j = k + context_at(sc, k, CONTEXT_ALIAS);
    size_t run = name_run(sc, j, NAME_MAX_WORDS + 1);
    if (run == 0 || run > NAME_MAX_WORDS)
        return 0;
    size_t end = j + run;
    size_t identity = tokens_is_mark(sc->tokens, end, ',')
                          ? identity_at(sc, end + 1, true)
                          : 0;
    if (identity > 0)
        end = identity;
    if (!tokens_is_mark(sc->tokens, end, ')'))
        return 0;
    rc->identity |= identity > 0;
    return end;
}

/* A title at k that is this person's: not one that ends where the next
 * name starts ("ông A, Chủ tịch UBND xã, Bí thư Đảng ủy xã Nguyễn Văn
 * B"): its end, or 0. */
static size_t title_at(const scanner *sc, size_t k)
{
    size_t head = head_at(sc, k, true);
    if (head == 0)
        return 0;
    size_t end = title_end(sc, k, head, false);
    return name_starts_at(sc, end) || holder_starts_at(sc, k + head, end)
               ? 0
               : end;
}

/* A role held for a session, set off after the name ("chủ tọa phiên
 * tòa"): its end, or 0. */
static size_t role_at(const scanner *sc, size_t k)
{
    size_t role = context_at(sc, k, CONTEXT_ROLE);
    if (role == 0)
        return 0;
    size_t end = title_end(sc, k, role, false);
    return name_starts_at(sc, end) ? 0 : end;
}

/* An organisation as the person's capacity ("ông Bùi Hồng Việt, Hạt Kiểm
 * lâm huyện Cát Hải"): its end, or 0.  It must have a proper name, a
 * capitalized word or an abbreviation, which "trường hợp" has not. */
static size_t organisation_at(const scanner *sc, size_t k)
{
    size_t start = match_at(sc, &sc->lex->org_starts, k, NULL);
    if (start == 0 || name_starts_at(sc, k))
        return 0;
    size_t end = title_end(sc, k, start, false);
    if (name_starts_at(sc, end))
        return 0;
    for (size_t j = k + 1; j < end; j++)
        if (is_capitalized(sc, j))
            return end;
    return 0;
}

/* A post stated as a predicate at k: "là Chủ tịch UBND xã", "hiện là phó
 * tổng giám đốc", "mới được đề bạt làm phó phòng", "nguyên là hiệu
 * trưởng", or a mandate ("trúng cử").  Its end, or 0; the post goes to
 * *post, and *held says whether the person holds it now (and it is to be
 * reported). */
static size_t predicate_at(const scanner *sc, size_t k, token_span *post,
                           bool *held)
{
    size_t j = k;
    *held = true;
    for (int adverbs = 0; adverbs < 3; adverbs++) {
        size_t n = context_at(sc, j, CONTEXT_ADVERB);
        size_t former = context_at(sc, j, CONTEXT_FORMER);
        if (n == 0 && former == 0)
            break;
        *held &= former == 0;
        j += n + former;
    }
    /* "trúng cử với 85% số phiếu", "được giới thiệu ứng cử": a mandate
     * or a candidacy, no post to report */
    size_t mandate = context_at(sc, j, CONTEXT_MANDATE);
    if (mandate > 0) {
        *post = (token_span){j, j};
        *held = false;
        return j + mandate;
    }
    size_t verb = context_at(sc, j, CONTEXT_PREDICATE);
    if (verb == 0)
        return 0;
    j += verb;
    size_t head = head_at(sc, j, true);
    if (head == 0)
        return 0;
    size_t end = title_end(sc, j, head, false);
    if (name_starts_at(sc, end))
        return 0;
    *post = (token_span){j, end};
    return end;
}

/* Work in an organisation, no post ("giáo viên Trường THCS Lý Tự Trọng",
 * "kỹ sư Công ty Điện lực"): its end, or 0.  It makes no one an official
 * but is read past, to what follows it. */
static size_t employment_at(const scanner *sc, size_t k)
{
    for (size_t m = 1; m <= 3; m++) {
        size_t w = k + m - 1;
        if (!has_shape(sc, w, SHAPE_LOWER) ||
            (m > 1 && !tok(sc, w)->space_before) ||
            match_at(sc, &sc->lex->title_stops, w, NULL) > 0 ||
            sc->context_len[w] > 0)
            return 0;
        size_t end = organisation_at(sc, k + m);
        if (end > 0 && tok(sc, k + m)->space_before)
            return end;
    }
    return 0;
}

static void add_post(right_context *rc, size_t first, size_t end)
{
    if (rc->n_titles < MENTION_MAX_TITLES)
        rc->titles[rc->n_titles++] = (token_span){first, end};
}

/* Reads one segment at k; direct: nothing separates it from the name, so
 * only a title or a predicate may stand there.  Returns its end, or 0. */
static size_t read_segment(const scanner *sc, size_t k, bool direct,
                           bool bracketed, right_context *rc)
{
    size_t end;
    if (!direct && (end = identity_at(sc, k, bracketed)) > 0) {
        rc->identity = true;
        return end;
    }
    if (bracketed && (end = alias_at(sc, k, rc)) > 0)
        return end;
    if ((end = title_at(sc, k)) > 0) {
        add_post(rc, k, end);
        return end;
    }
    token_span post;
    bool held;
    if ((end = predicate_at(sc, k, &post, &held)) > 0) {
        rc->predicate = true;
        if (held && post.end > post.first)
            add_post(rc, post.first, post.end);
        return end;
    }
    if (!direct && ((end = organisation_at(sc, k)) > 0 ||
                    (end = role_at(sc, k)) > 0)) {
        add_post(rc, k, end);
        return end;
    }
    if (!direct && (end = employment_at(sc, k)) > 0)
        return end;
    return 0;
}

/* An aside between dashes after a name, before the person's title:
 * "bà A – người có 2 nhiệm kỳ gắn bó với phong trào – Bí thư Đảng ủy
 * phường": the closing dash, or 0.  Only words and commas stand inside,
 * and a title follows the closing dash. */
static size_t aside_end(const scanner *sc, size_t j)
{
    enum { ASIDE_MAX_TOKENS = 24 };
    for (size_t k = j + 1; k < n_tokens(sc) && k - j <= ASIDE_MAX_TOKENS;
         k++) {
        if (tokens_is_mark(sc->tokens, k, '-'))
            return k > j + 1 && title_at(sc, k + 1) > 0 ? k : 0;
        if (!tokens_is_word(sc->tokens, k) &&
            !tokens_is_mark(sc->tokens, k, ','))
            return 0;
    }
    return 0;
}

/* Whether the title that ends at token end is closed there: by a mark,
 * the block's end or a word that joins it to more ("ông A, Phó Chủ tịch
 * UBND huyện và lãnh đạo các phòng"). */
static bool title_closed_at(const scanner *sc, size_t end)
{
    return end >= n_tokens(sc) || has_shape(sc, end, SHAPE_MARK) ||
           context_at(sc, end, CONTEXT_JOINS) > 0;
}

void read_right_context(const scanner *sc, size_t i, bool possessed,
                        right_context *rc)
{
    memset(rc, 0, sizeof *rc);
    size_t j = i;
    bool bracketed = false;
    for (int segments = 0; segments < CONTEXT_MAX_SEGMENTS; segments++) {
        if (bracketed && tokens_is_mark(sc->tokens, j, ')')) {
            bracketed = false;
            j++;
            continue;
        }
        bool opens = !bracketed && tokens_is_mark(sc->tokens, j, '(');
        bool separated = opens || tokens_is_mark(sc->tokens, j, ',') ||
                         tokens_is_mark(sc->tokens, j, '-') ||
                         (bracketed && tokens_is_mark(sc->tokens, j, ';'));
        /* "Bí thư Huyện ủy kiêm Chủ tịch UBND huyện" */
        size_t chain = j > i ? context_at(sc, j, CONTEXT_CHAIN) : 0;
        bool direct = j == i && tokens_is_word(sc->tokens, j) &&
                      tok(sc, j)->space_before;
        if (!separated && !direct && chain == 0)
            break;
        size_t k = separated ? j + 1 : j + chain;
        size_t titles_before = rc->n_titles;
        size_t end = read_segment(sc, k, direct, bracketed || opens, rc);
        if (end == 0 && tokens_is_mark(sc->tokens, j, '-') &&
            (end = aside_end(sc, j)) > 0) {
            j = end; /* the closing dash separates the title */
            continue;
        }
        if (end == 0)
            break;
        /* "Về kiến nghị của ông Tư, Chủ tịch UBND xã giao ...": after a
         * possessor, a title that runs on into its verb is the subject
         * of the next clause. */
        if (possessed && j == i && tokens_is_mark(sc->tokens, j, ',') &&
            rc->n_titles > titles_before && !title_closed_at(sc, end)) {
            rc->n_titles = titles_before;
            break;
        }
        bracketed |= opens;
        j = end;
    }
    /* A bracket read but left open ends where reading stopped. */
    rc->next = j;
}

bool at_list_item(const scanner *sc, size_t first)
{
    if (first == 0)
        return true;
    size_t before = first - 1;
    if (tok(sc, before)->shape == SHAPE_MARK) {
        char mark = tok(sc, before)->mark;
        /* "1. Ông ...", "2) Bà ..." */
        if ((mark == '.' || mark == ')') && before > 0 &&
            has_shape(sc, before - 1, SHAPE_NUMBER))
            return true;
        return strchr(":;,(-#", mark) != NULL;
    }
    /* "gồm ông A", "là ông A", "và bà B" */
    for (size_t n = 1; n <= 2 && n <= first; n++) {
        size_t k = first - n;
        size_t len;
        if (((len = context_at(sc, k, CONTEXT_ITEM)) > 0 ||
             (len = context_at(sc, k, CONTEXT_PREDICATE)) > 0 ||
             (len = joins_at(sc, k)) > 0) &&
            k + len == first)
            return true;
    }
    return false;
}
