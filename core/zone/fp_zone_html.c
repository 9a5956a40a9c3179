/* Zoning an HTML page: find the article container with a readability-style
 * score over block elements, then zone line by line around it.
 *
 * Portals differ in markup but not in shape: the article is the one place
 * with long runs of sentences that are not links; menus, sidebars and "Các
 * tin khác" lists are mostly links; counters and widgets are short.  Class
 * and id cues from the rules only nudge the score, so a portal with unusual
 * class names still zones by shape. */
#include "fp_zone_internal.h"
#include "fp_zone_meta.h"
#include "fp_zone_passes.h"

#include <stdlib.h>
#include <string.h>

/* A line counts as prose when at least 70% of it is not link text, it has
 * a sentence's length and punctuation. */
enum { PROSE_MIN_BYTES = 40 };
#define PROSE_MIN_TEXT_SHARE 0.7
/* Prose under an element cued as chrome (marquees, event calendars in a
 * sidebar) still counts a little, in case a portal names its main column
 * "right". */
#define CHROME_CUE_WEIGHT 0.3
#define ARTICLE_CUE_BOOST 1.3
#define CHROME_CUE_PENALTY 0.3
/* Less prose than this in the best element: no article container. */
enum { MIN_ARTICLE_WEIGHT = 150 };
/* How far before the container the headline may stand, and how far into it. */
enum { TITLE_LOOKBACK_LINES = 25, TITLE_LOOKAHEAD_LINES = 4 };
enum { TITLE_MIN_BYTES = 12, TITLE_MAX_BYTES = 600 };
/* Lines after the container that may still be the byline or date line. */
enum { TAIL_MAX_LINES = 6 };
enum { BARE_DATE_MAX_BYTES = 80 };

typedef enum cue_kind { CUE_NONE = 0, CUE_ARTICLE = 1, CUE_CHROME = -1 } cue_kind;

typedef struct html_zoner {
    zone_matcher *m;
    fp_text *t;
    cue_kind *own_cue;     /* per element: its own id/class cue */
    cue_kind *nearest_cue; /* per element: own cue, else the nearest
                              ancestor's */
    double *weight;        /* per element: prose bytes below it */
    int32_t container;
    size_t first, last;    /* container lines [first, last] */
} html_zoner;

static cue_kind classify_cues(const fp_zone_rules *rules, const char *cues)
{
    bool article = zone_cues_match(rules, ZS_ARTICLE_CLASS, cues);
    bool chrome = zone_cues_match(rules, ZS_CHROME_CLASS, cues);
    /* "content-left" says both: no evidence either way. */
    if (article == chrome)
        return CUE_NONE;
    return article ? CUE_ARTICLE : CUE_CHROME;
}

static bool valid_element(const fp_text *t, int32_t e)
{
    return e >= 0 && (size_t)e < t->n_elements;
}

static cue_kind nearest_cue_of(html_zoner *z, int32_t e)
{
    /* Walk up; depth is bounded by the parser's depth limit and the walk by
     * n_elements in case of a malformed parent chain. */
    for (size_t steps = 0; valid_element(z->t, e) && steps < z->t->n_elements;
         steps++) {
        if (z->own_cue[e] != CUE_NONE)
            return z->own_cue[e];
        e = z->t->elements[e].parent;
    }
    return CUE_NONE;
}

static double line_prose_bytes(html_zoner *z, size_t i)
{
    const fp_line *line = &z->t->lines[i];
    zone_span text = zone_line_span(z->t, i);
    size_t link = line->link_bytes < text.len ? line->link_bytes : text.len;
    size_t own = text.len - link;
    if (own < PROSE_MIN_BYTES || own < PROSE_MIN_TEXT_SHARE * text.len ||
        !zone_has_sentence_punct(text) || zone_is_chrome_line(z->m, text))
        return 0;
    return (double)own;
}

static void add_line_weights(html_zoner *z)
{
    for (size_t i = 0; i < z->t->n_lines; i++) {
        int32_t e = z->t->lines[i].element;
        if (!valid_element(z->t, e))
            continue;
        double w = line_prose_bytes(z, i);
        if (w == 0)
            continue;
        if (z->nearest_cue[e] == CUE_CHROME)
            w *= CHROME_CUE_WEIGHT;
        for (size_t steps = 0;
             valid_element(z->t, e) && steps < z->t->n_elements; steps++) {
            z->weight[e] += w;
            e = z->t->elements[e].parent;
        }
    }
}

/* Prose weight discounted by the share of link text: a page's <body> holds
 * all the prose but also every menu; the article's column holds the prose
 * and few links. */
static double element_score(const html_zoner *z, int32_t e)
{
    const fp_element *el = &z->t->elements[e];
    double bytes = el->end > el->start ? (double)(el->end - el->start) : 1.0;
    double link_share = el->link_bytes / bytes;
    if (link_share > 1)
        link_share = 1;
    double score = z->weight[e] * (1 - link_share) * (1 - link_share);
    if (z->own_cue[e] == CUE_ARTICLE)
        score *= ARTICLE_CUE_BOOST;
    else if (z->own_cue[e] == CUE_CHROME)
        score *= CHROME_CUE_PENALTY;
    return score;
}

static bool find_container(html_zoner *z)
{
    double best = 0;
    z->container = -1;
    for (size_t e = 0; e < z->t->n_elements; e++) {
        double score = element_score(z, (int32_t)e);
        /* Ties go to the later (deeper, in document order) element: the
         * smallest one holding the same text. */
        if (score > 0 && score >= best) {
            best = score;
            z->container = (int32_t)e;
        }
    }
    if (z->container < 0 || z->weight[z->container] < MIN_ARTICLE_WEIGHT)
        return false;
    const fp_element *el = &z->t->elements[z->container];
    bool any = false;
    for (size_t i = 0; i < z->t->n_lines; i++) {
        const fp_line *line = &z->t->lines[i];
        if (line->start >= el->start && line->end <= el->end) {
            if (!any)
                z->first = i;
            z->last = i;
            any = true;
        }
    }
    return any;
}

/* Does an element between the line and the container say chrome (a share
 * box, a "tin-khac" list nested in the article)?  The nearest cue wins. */
static bool nested_in_chrome(html_zoner *z, size_t i)
{
    int32_t e = z->t->lines[i].element;
    for (size_t steps = 0; valid_element(z->t, e) && e != z->container &&
                           steps < z->t->n_elements;
         steps++) {
        if (z->own_cue[e] != CUE_NONE)
            return z->own_cue[e] == CUE_CHROME;
        e = z->t->elements[e].parent;
    }
    return false;
}

static bool has_title_cue(html_zoner *z, int32_t e)
{
    /* The headline's own element or its wrapper ("tieu-de > h1"). */
    for (int up = 0; up < 3 && valid_element(z->t, e); up++) {
        if (zone_cues_match(z->m->rules, ZS_TITLE_CLASS,
                            z->t->elements[e].cues))
            return true;
        e = z->t->elements[e].parent;
    }
    return false;
}

static bool html_title_contains(const fp_text *t, zone_span text)
{
    if (!t->html_title || text.len < TITLE_MIN_BYTES)
        return false;
    size_t n = strlen(t->html_title);
    for (size_t at = 0; at + text.len <= n; at++)
        if (memcmp(t->html_title + at, text.s, text.len) == 0)
            return true;
    return false;
}

static double title_score(html_zoner *z, size_t i)
{
    const fp_line *line = &z->t->lines[i];
    zone_span text = zone_trim(zone_line_span(z->t, i));
    if (text.len < TITLE_MIN_BYTES || text.len > TITLE_MAX_BYTES ||
        zone_is_chrome_line(z->m, text) || zone_is_end_of_article(z->m, text))
        return 0;
    /* A headline may link to itself; anything else mostly linked is a
     * menu or a list of other news. */
    if (!line->heading && line->link_bytes * 2 > text.len)
        return 0;
    double score = 0;
    if (line->heading >= 1 && line->heading <= 3)
        score += 3;
    else if (line->heading)
        score += 1;
    if (has_title_cue(z, line->element))
        score += 2;
    if (html_title_contains(z->t, text))
        score += 4;
    if (valid_element(z->t, line->element) &&
        z->nearest_cue[line->element] == CUE_CHROME && i < z->first)
        score -= 3;
    size_t distance = i < z->first ? z->first - i : i - z->first;
    return score - 0.05 * (double)distance;
}

static size_t find_title(html_zoner *z)
{
    size_t from = z->first > TITLE_LOOKBACK_LINES
                      ? z->first - TITLE_LOOKBACK_LINES
                      : 0;
    size_t to = z->first + TITLE_LOOKAHEAD_LINES;
    if (to > z->last)
        to = z->last;
    size_t best_line = SIZE_MAX;
    double best = 1.9; /* a heading or cue, not distance alone */
    for (size_t i = from; i <= to; i++) {
        double score = title_score(z, i);
        if (score > best) {
            best = score;
            best_line = i;
        }
    }
    return best_line;
}

static bool is_prose_line(html_zoner *z, size_t i)
{
    int32_t e = z->t->lines[i].element;
    return line_prose_bytes(z, i) > 0 &&
           !(valid_element(z->t, e) && z->nearest_cue[e] == CUE_CHROME);
}

/* The article's date itself is chosen later, from every source
 * (fp_pubdate.c); zoning only marks the line. */
static void set_dateline(html_zoner *z, size_t i)
{
    z->t->lines[i].zone = zone_dateline_zone(z->m, zone_line_span(z->t, i));
}

/* Lines between the headline and the container: the date line, a lead
 * paragraph kept outside the body's element ("sapo"), or furniture. */
static int zone_between(html_zoner *z, size_t from, size_t to, fp_meta *meta,
                        fp_error *err)
{
    bool dated = false;
    for (size_t i = from; i < to; i++) {
        zone_span text = zone_line_span(z->t, i);
        char iso[11];
        if (zone_is_dateline(z->m, text, iso) ||
            (!dated && zone_trim(text).len <= BARE_DATE_MAX_BYTES &&
             z->t->lines[i].link_bytes == 0 && zone_find_date(z->m, text, iso))) {
            set_dateline(z, i);
            dated = true;
        } else if (zone_is_byline_cue(z->m, text)) {
            z->t->lines[i].zone = FP_ZONE_BYLINE;
            if (!meta->byline && zone_meta_set_byline(z->m, meta, text, err) < 0)
                return -1;
        } else if (is_prose_line(z, i)) {
            z->t->lines[i].zone = FP_ZONE_BODY;
        }
    }
    return 0;
}

static int zone_container(html_zoner *z, size_t from, fp_meta *meta,
                          fp_error *err)
{
    bool ended = false;
    for (size_t i = from; i <= z->last; i++) {
        fp_line *line = &z->t->lines[i];
        zone_span text = zone_line_span(z->t, i);
        char iso[11];
        if (ended || zone_is_blank(text))
            continue; /* stays chrome */
        if (zone_is_end_of_article(z->m, text)) {
            ended = true;
        } else if (zone_is_dateline(z->m, text, iso)) {
            set_dateline(z, i);
        } else if (nested_in_chrome(z, i) || zone_is_chrome_line(z->m, text) ||
                   line->link_bytes * 2 > text.len) {
            /* stays chrome */
        } else if (zone_is_byline_cue(z->m, text)) {
            line->zone = FP_ZONE_BYLINE;
            if (!meta->byline && zone_meta_set_byline(z->m, meta, text, err) < 0)
                return -1;
        } else {
            line->zone = FP_ZONE_BODY;
        }
    }
    return 0;
}

/* Right after the container: the author and the date line often sit in
 * their own element ("Thu Lan" / "Cập nhật ngày: 09-10-2018"). */
static int zone_tail(html_zoner *z, fp_meta *meta, fp_error *err)
{
    size_t seen = 0;
    for (size_t i = z->last + 1; i < z->t->n_lines && seen < TAIL_MAX_LINES;
         i++, seen++) {
        fp_line *line = &z->t->lines[i];
        zone_span text = zone_line_span(z->t, i);
        char iso[11];
        if (line->link_bytes * 2 > text.len)
            return 0;
        if (zone_is_dateline(z->m, text, iso)) {
            set_dateline(z, i);
        } else if (zone_is_byline_cue(z->m, text) ||
                   zone_is_person_name(z->m, text)) {
            line->zone = FP_ZONE_BYLINE;
            if (!meta->byline && zone_meta_set_byline(z->m, meta, text, err) < 0)
                return -1;
        } else if (!zone_is_chrome_line(z->m, text)) {
            return 0;
        }
    }
    return 0;
}

static int zone_around_container(html_zoner *z, fp_meta *meta, fp_error *err)
{
    for (size_t i = 0; i < z->t->n_lines; i++)
        z->t->lines[i].zone = FP_ZONE_CHROME;
    size_t title = find_title(z);
    size_t body_from = z->first;
    if (title != SIZE_MAX) {
        z->t->lines[title].zone = FP_ZONE_TITLE;
        if (zone_meta_set(&meta->title, zone_line_span(z->t, title), err) < 0)
            return -1;
        if (title < z->first) {
            if (zone_between(z, title + 1, z->first, meta, err) < 0)
                return -1;
        } else {
            /* Lines of the container above its headline (breadcrumbs, a
             * category name) are furniture. */
            body_from = title + 1;
        }
    }
    if (zone_container(z, body_from, meta, err) < 0 ||
        zone_tail(z, meta, err) < 0)
        return -1;
    if (title != SIZE_MAX && title >= z->first)
        z->t->lines[title].zone = FP_ZONE_TITLE;
    zone_mark_lead(z->t);
    return zone_find_trailing_byline(z->m, z->t, meta, err);
}

int zone_html(zone_matcher *m, fp_text *t, fp_meta *meta, fp_error *err)
{
    html_zoner z = {.m = m, .t = t, .container = -1};
    z.own_cue = calloc(t->n_elements, sizeof *z.own_cue);
    z.nearest_cue = calloc(t->n_elements, sizeof *z.nearest_cue);
    z.weight = calloc(t->n_elements, sizeof *z.weight);
    int rc = 0;
    if (!z.own_cue || !z.nearest_cue || !z.weight) {
        rc = fp_error_set(err, "zoning: out of memory");
    } else {
        for (size_t e = 0; e < t->n_elements; e++)
            z.own_cue[e] = classify_cues(m->rules, t->elements[e].cues);
        for (size_t e = 0; e < t->n_elements; e++)
            z.nearest_cue[e] = nearest_cue_of(&z, (int32_t)e);
        add_line_weights(&z);
        if (find_container(&z))
            rc = zone_around_container(&z, meta, err) < 0 ? -1 : 1;
    }
    free(z.own_cue);
    free(z.nearest_cue);
    free(z.weight);
    return rc;
}
