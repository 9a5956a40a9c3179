/* Zoning an HTML page around its article region (fp_zone_container.c):
 * the headline above it, the date line, a lead kept apart and the byline
 * between, the body lines inside it, the author and date line right after
 * it.  Everything else is chrome. */
#define _GNU_SOURCE /* memmem */
#include "fp_zone_container.h"
#include "fp_zone_meta.h"
#include "fp_zone_passes.h"

#include <stdlib.h>
#include <string.h>

/* How far before the container the headline may stand, and how far into it. */
enum { TITLE_LOOKBACK_LINES = 25, TITLE_LOOKAHEAD_LINES = 4 };
enum { TITLE_MIN_BYTES = 12, TITLE_MAX_BYTES = 600 };
/* Lines after the container that may still be the byline or date line. */
enum { TAIL_MAX_LINES = 6 };
enum { BARE_DATE_MAX_BYTES = 80 };
/* A body line shorter than this that is not prose is kept only between
 * two paragraphs (jusText's "short" blocks, 70 characters). */
enum { SHORT_LINE_BYTES = 70 };
/* The text beside a line's links that makes it a sentence of its own. */
enum { LINKED_SENTENCE_MIN_BYTES = 60 };

typedef zone_html_page html_zoner;

static bool valid_element(const fp_text *t, int32_t e)
{
    return e >= 0 && (size_t)e < t->n_elements;
}

static bool has_title_cue(html_zoner *z, int32_t e)
{
    /* The headline's own element or its wrapper ("tieu-de > h1"). */
    for (int up = 0; up < 3 && valid_element(z->t, e); up++) {
        if (zone_cue_memo_sections(&z->title_cues, z->t->elements[e].cues))
            return true;
        e = z->t->elements[e].parent;
    }
    return false;
}

static bool html_title_contains(const fp_text *t, zone_span text)
{
    if (!t->html_title || text.len < TITLE_MIN_BYTES)
        return false;
    return memmem(t->html_title, strlen(t->html_title), text.s, text.len) !=
           NULL;
}

/* The line's score as the page's headline; a score not above floor loses
 * anyway and is returned before the costlier tests. */
static double title_score(html_zoner *z, size_t i, double floor)
{
    const fp_line *line = &z->t->lines[i];
    zone_span text = zone_trim(zone_line_span(z->t, i));
    if (text.len < TITLE_MIN_BYTES || text.len > TITLE_MAX_BYTES)
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
    if (zone_line_in_furniture(z, i) && !zone_line_in_article_head(z, i) &&
        i < z->first)
        score -= 3;
    size_t distance = i < z->first ? z->first - i : i - z->first;
    score -= 0.05 * (double)distance;
    if (score <= floor)
        return score;
    return zone_is_chrome_line(z->m, text) || zone_is_end_of_article(z->m, text)
               ? 0
               : score;
}

static size_t find_title(html_zoner *z)
{
    size_t from = z->first > TITLE_LOOKBACK_LINES
                      ? z->first - TITLE_LOOKBACK_LINES
                      : 0;
    /* Into the container only above its first paragraph: a heading
     * after it is the article's own (a section) or a teaser's. */
    size_t end = z->first;
    while (end <= z->last && end <= z->first + TITLE_LOOKAHEAD_LINES &&
           !(z->in_region[end] && z->prose[end] > 0 &&
             !z->t->lines[end].heading))
        end++;
    size_t best_line = SIZE_MAX;
    double best = 1.9; /* a heading or cue, not distance alone */
    for (size_t i = from; i < end; i++) {
        double score = title_score(z, i, best);
        if (score > best) {
            best = score;
            best_line = i;
        }
    }
    return best_line;
}

static bool is_prose_line(html_zoner *z, size_t i)
{
    return z->prose[i] > 0 && !zone_line_in_furniture(z, i);
}

/* The article's date itself is chosen later, from every source
 * (fp_pubdate.c); zoning only marks the line. */
static void set_dateline(html_zoner *z, size_t i)
{
    z->t->lines[i].zone = zone_dateline_zone(z->m, zone_line_span(z->t, i));
}

/* Is the line mostly links: a related link, a list of them?  Not when
 * the text around the link is a sentence of its own: a digest item whose
 * linked headline a summary follows ("<a>WeWork's founder can still name
 * directors.</a> He can influence the company through its board.") is
 * the article's. */
static bool is_link_line(html_zoner *z, size_t i)
{
    zone_span text = zone_line_span(z->t, i);
    size_t link = z->t->lines[i].link_bytes;
    if (link * 2 <= text.len || !zone_rule_on(z->m->rules, ZR_LINK_LINES))
        return false;
    size_t own = link < text.len ? text.len - link : 0;
    return !(own >= LINKED_SENTENCE_MIN_BYTES && zone_ends_sentence(text) &&
             zone_rule_on(z->m->rules, ZR_LINKED_SENTENCES));
}

/* Is the line in the container furniture by what it says or by its
 * links? */
static bool is_chrome_in_container(html_zoner *z, size_t i)
{
    return zone_line_is_chrome_line(z, i) ||
           is_link_line(z, i);
}

/* Does the container's running text repeat line i word for word?  A
 * summary printed above the article and again as its first paragraph is
 * the article's once.  (Repeated as a photo's caption, it stays the
 * lead: captions are no running text.) */
static bool repeated_in_container(html_zoner *z, size_t i, size_t from)
{
    zone_span line = zone_trim(zone_line_span(z->t, i));
    for (size_t k = from; k <= z->last; k++) {
        if (k == i || !z->in_region[k] || zone_line_in_caption(z, k) ||
            z->picture_caption[k])
            continue;
        zone_span other = zone_trim(zone_line_span(z->t, k));
        if (other.len == line.len && memcmp(other.s, line.s, line.len) == 0)
            return true;
    }
    return false;
}

/* Lines between the headline and the container's first paragraph: the
 * date line, a lead paragraph kept outside the body's element ("sapo"),
 * furniture, and the container's own first lines (a list, a short
 * sentence), which are body as the container's other lines are: the
 * short-line rule decides them with the rest (drop_short_edges). */
static int zone_between(html_zoner *z, size_t from, size_t to, fp_meta *meta,
                        fp_error *err)
{
    bool dedupe = zone_rule_on(z->m->rules, ZR_REPEATED_LEAD);
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
        } else if (is_prose_line(z, i) &&
                   zone_rule_on(z->m->rules, ZR_LEAD_OUTSIDE)) {
            if (!(dedupe && !z->in_region[i] && repeated_in_container(z, i, to)))
                z->t->lines[i].zone = FP_ZONE_BODY;
        } else if (z->in_region[i] && !zone_is_blank(text) &&
                   zone_rule_on(z->m->rules, ZR_CONTAINER_HEAD) &&
                   !zone_is_end_of_article(z->m, text) &&
                   !is_chrome_in_container(z, i) &&
                   !zone_find_date(z->m, text, iso)) {
            /* A date above the first paragraph that is no date line is
             * the article's furniture ("am Dienstag, 07.11.2023 - 10:30
             * (Jetzt kommentieren)"). */
            z->t->lines[i].zone = FP_ZONE_BODY;
        }
    }
    return 0;
}

/* Is the line an item of a list or a cell of a table?  Those are kept
 * whatever their length: a list of names, a table of figures. */
static bool is_list_or_cell(const html_zoner *z, size_t i)
{
    int32_t e = z->t->lines[i].element;
    if (!valid_element(z->t, e))
        return false;
    const char *tag = z->t->elements[e].tag;
    return strcmp(tag, "li") == 0 || strcmp(tag, "td") == 0 ||
           strcmp(tag, "th") == 0 || strcmp(tag, "dd") == 0 ||
           strcmp(tag, "dt") == 0;
}

/* A figure with what it counts ("Tổng kinh phí: 120 triệu đồng"): a
 * short line of content, not furniture. */
static bool has_words_and_number(zone_span line)
{
    bool digit = false, letters = false;
    for (size_t i = 0; i < line.len; i++) {
        unsigned char c = (unsigned char)line.s[i];
        if (c >= '0' && c <= '9')
            digit = true;
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
            letters = true;
    }
    return digit && letters;
}

/* How a line of the container reads, for the short-line rule below. */
typedef enum line_class {
    LINE_BAD,
    LINE_SHORT,
    LINE_GOOD,
    LINE_DROPPED /* a short line the rule below takes out */
} line_class;

static line_class body_line_class(const html_zoner *z, size_t i)
{
    const fp_line *line = &z->t->lines[i];
    if (line->zone != FP_ZONE_BODY)
        return LINE_BAD;
    return z->prose[i] > 0 || line->end - line->start >= SHORT_LINE_BYTES ||
                   is_list_or_cell(z, i) ||
                   zone_ends_sentence(zone_line_span(z->t, i)) ||
                   has_words_and_number(zone_line_span(z->t, i))
               ? LINE_GOOD
               : LINE_SHORT;
}

/* Short lines (a heading, a one-line caption, "Advertisement", a share
 * count) are the article's only between two paragraphs of it, as jusText
 * decides them: at the container's edges or next to chrome they are
 * furniture.  Every line is decided before any changes (a dropped line
 * must not count as chrome next to the short lines after it): the
 * nearest non-short class before each line is carried forward, the one
 * after it backward; the container's edges count as bad. */
static void drop_short_edges(html_zoner *z, size_t from)
{
    if (from > z->last)
        return;
    size_t n = z->last - from + 1;
    uint8_t *before = malloc(n);
    if (!before)
        return; /* keeping a few short lines is no failure */
    line_class seen = LINE_BAD;
    for (size_t k = 0; k < n; k++) {
        before[k] = (uint8_t)seen;
        line_class c = body_line_class(z, from + k);
        if (c != LINE_SHORT)
            seen = c;
    }
    seen = LINE_BAD;
    for (size_t k = n; k-- > 0;) {
        size_t i = from + k;
        line_class c = body_line_class(z, i);
        if (c != LINE_SHORT) {
            seen = c;
            continue;
        }
        /* Dropped lines change zone only after the pass, so that they
         * keep counting as short for the lines before. */
        if (before[k] != LINE_GOOD || seen != LINE_GOOD)
            before[k] = LINE_DROPPED;
    }
    for (size_t k = 0; k < n; k++)
        if (before[k] == LINE_DROPPED)
            z->t->lines[from + k].zone = FP_ZONE_CHROME;
    free(before);
}

static int zone_container(html_zoner *z, size_t from, fp_meta *meta,
                          fp_error *err)
{
    bool ended = false;
    for (size_t i = from; i <= z->last; i++) {
        fp_line *line = &z->t->lines[i];
        zone_span text = zone_line_span(z->t, i);
        char iso[11];
        if (ended || !z->in_region[i] || zone_is_blank(text))
            continue; /* stays chrome */
        if (zone_is_end_of_article(z->m, text)) {
            ended = true;
        } else if (zone_is_dateline(z->m, text, iso)) {
            set_dateline(z, i);
        } else if (is_chrome_in_container(z, i)) {
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
        } else if (!zone_line_is_chrome_line(z, i)) {
            return 0;
        }
    }
    return 0;
}

/* Captions by markup, and by shape (a short text boxed with a picture)
 * as long as running text remains: the one paragraph of a short notice
 * set beside its photo is the notice. */
static void mark_captions(html_zoner *z)
{
    bool running_text = false;
    for (size_t i = 0; i < z->t->n_lines && !running_text; i++)
        running_text = z->t->lines[i].zone == FP_ZONE_BODY &&
                       z->prose[i] > 0 && !zone_line_in_caption(z, i) &&
                       !z->picture_caption[i];
    for (size_t i = 0; i < z->t->n_lines; i++)
        z->t->lines[i].caption =
            z->t->lines[i].zone == FP_ZONE_BODY &&
            (zone_line_in_caption(z, i) ||
             (running_text && z->picture_caption[i]));
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
        /* Lines of the container above its headline (breadcrumbs, a
         * category name) are furniture; between the headline and the
         * first paragraph stand the date line, the byline, a lead. */
        body_from = title + 1;
        while (body_from <= z->last &&
               !(z->in_region[body_from] && z->prose[body_from] > 0 &&
                 !z->t->lines[body_from].heading))
            body_from++;
        if (zone_between(z, title + 1, body_from, meta, err) < 0)
            return -1;
    }
    if (zone_container(z, body_from, meta, err) < 0 ||
        zone_tail(z, meta, err) < 0)
        return -1;
    if (title != SIZE_MAX && title >= z->first)
        z->t->lines[title].zone = FP_ZONE_TITLE;
    /* The author's name closing the article is its byline before it can
     * pass for a short line at the container's edge. */
    if (zone_find_trailing_byline(z->m, z->t, meta, err) < 0)
        return -1;
    if (zone_rule_on(z->m->rules, ZR_SHORT_EDGES))
        drop_short_edges(z, title != SIZE_MAX &&
                                    zone_rule_on(z->m->rules, ZR_CONTAINER_HEAD)
                                ? title + 1
                                : body_from);
    mark_captions(z);
    zone_mark_lead(z->t);
    return 0;
}

int zone_html(zone_matcher *m, fp_text *t, fp_meta *meta, fp_error *err)
{
    html_zoner z;
    if (zone_html_page_init(&z, m, t, err) < 0)
        return -1;
    int rc = 0;
    bool found = zone_find_article_region(&z);
    if (found)
        rc = zone_around_container(&z, meta, err) < 0 ? -1 : 1;
    zone_html_page_free(&z);
    return rc;
}

int zone_html_furniture_out(zone_matcher *m, fp_text *t, fp_error *err)
{
    if (!zone_rule_on(m->rules, ZR_FALLBACK_FURNITURE))
        return 0;
    html_zoner z;
    if (zone_html_page_init(&z, m, t, err) < 0)
        return -1;
    bool prose_left = false;
    for (size_t i = 0; i < t->n_lines && !prose_left; i++)
        prose_left = fp_zone_line_is_article(&t->lines[i]) && z.prose[i] > 0 &&
                     !zone_line_in_furniture(&z, i);
    bool lead = false;
    for (size_t i = 0; prose_left && i < t->n_lines; i++) {
        if (zone_line_in_furniture(&z, i)) {
            t->lines[i].zone = FP_ZONE_CHROME;
            t->lines[i].caption = 0;
        }
        lead |= t->lines[i].zone == FP_ZONE_LEAD;
    }
    zone_html_page_free(&z);
    if (prose_left && !lead)
        zone_mark_lead(t);
    return 0;
}
