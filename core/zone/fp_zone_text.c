/* Zoning a page that has only lines (a page scraped to text, or an HTML page
 * without a clear article container).  The article runs from the first line
 * to the first end-of-article heading ("Các tin khác"); inside it, tool
 * links, counters, widgets, menus and the lists under a related-articles
 * heading ("Bài viết cùng chủ đề") are still chrome. */
#include "fp_zone_internal.h"
#include "fp_zone_meta.h"
#include "fp_zone_passes.h"

/* Before the body starts, a short line holding a date (and nothing much
 * else) is the article's date line even without a dateline cue.  (Which
 * date is the article's is decided later, from every source:
 * fp_pubdate.c.) */
enum { ZONE_BARE_DATE_MAX_BYTES = 80 };

/* A paragraph of the body: long, with a full stop. */
enum { ZONE_SENTENCE_MIN_BYTES = 60 };

static bool is_body_sentence(zone_span line)
{
    line = zone_trim(line);
    if (line.len < ZONE_SENTENCE_MIN_BYTES)
        return false;
    if (line.s[line.len - 1] == '.')
        return true;
    for (size_t i = 0; i + 1 < line.len; i++)
        if (line.s[i] == '.' && line.s[i + 1] == ' ')
            return true;
    return false;
}

/* Furniture by its words or by its shape (a menu, a breadcrumb). */
static bool is_furniture(zone_matcher *m, zone_span text)
{
    return zone_is_chrome_line(m, text) || zone_is_menu_line(m, text);
}

/* Could the line be part of the article after a headline: not blank,
 * not furniture, not a date line or a byline? */
static bool may_follow_title(zone_matcher *m, zone_span text)
{
    char iso[11];
    return !zone_is_blank(text) && !is_furniture(m, text) &&
           !zone_is_end_of_article(m, text) &&
           !zone_is_dateline(m, text, iso) && !zone_is_byline_cue(m, text);
}

/* Could the line be the headline?  Headlines do not end with a full stop
 * (a short first paragraph does), nor are they furniture, a date line
 * ("Hà Nội, ngày 07 tháng 10 năm 2024") or a byline. */
static bool may_be_title(zone_matcher *m, zone_span text)
{
    char iso[11];
    zone_span trimmed = zone_trim(text);
    return trimmed.len > 0 && trimmed.s[trimmed.len - 1] != '.' &&
           !is_furniture(m, text) && !zone_is_end_of_article(m, text) &&
           !zone_is_dateline(m, text, iso) &&
           !zone_is_date_shaped(m, text) && !zone_is_byline_cue(m, text);
}

/* The headline stands in the head of the page: the lines above the first
 * paragraph, and above a line that opens the body by announcing what
 * follows ("…tăng 1.500 đồng/kg so với hôm qua:").  Of the lines there
 * that may be a headline, it is the last one (menu items one a line and
 * a section's name come above it), unless a line above is far longer:
 * the short lines of a head are names — the agency that wrote it
 * ("Công an tỉnh Bình Định"), a list's items — and a headline says
 * something.  A headline heads something: a text whose only line would
 * be its headline (one sentence, one paragraph) has none.  Returns
 * n_lines for no headline. */
enum { HEADLINE_LONGER_NUM = 3, HEADLINE_LONGER_DEN = 2 };

static size_t find_title(zone_matcher *m, const fp_text *t)
{
    size_t head_end = t->n_lines;
    for (size_t i = 0; i < t->n_lines; i++) {
        zone_span text = zone_line_span(t, i);
        zone_span trimmed = zone_trim(text);
        if (is_body_sentence(text) ||
            (trimmed.len > 0 && trimmed.s[trimmed.len - 1] == ':' &&
             !is_furniture(m, text))) {
            head_end = i;
            break;
        }
    }
    size_t title = t->n_lines, title_chars = 0;
    for (size_t i = head_end; i-- > 0;) {
        zone_span text = zone_line_span(t, i);
        size_t chars = zone_count_chars(zone_trim(text));
        if ((title == t->n_lines ||
             chars * HEADLINE_LONGER_DEN > title_chars * HEADLINE_LONGER_NUM) &&
            may_be_title(m, text)) {
            title = i;
            title_chars = chars;
        }
    }
    for (size_t i = 0; title == t->n_lines && i < head_end; i++) {
        zone_span text = zone_line_span(t, i);
        if (!zone_is_blank(text) && !is_furniture(m, text))
            title = i;
    }
    for (size_t i = title + 1; i < t->n_lines; i++)
        if (may_follow_title(m, zone_line_span(t, i)))
            return title;
    return t->n_lines;
}

enum { ZONE_HEADING_MAX_BYTES = 80 };

static bool is_heading_in_capitals(zone_matcher *m, zone_span line)
{
    line = zone_trim(line);
    return line.len > 0 && line.len <= ZONE_HEADING_MAX_BYTES &&
           !is_furniture(m, line) &&
           zone_pattern_matches(m, ZP_CAPITALS, line);
}

int zone_plain_text(zone_matcher *m, fp_text *t, fp_meta *meta,
                    fp_error *err)
{
    size_t title = find_title(m, t);
    /* Without a headline nothing is taken for a menu above it. */
    size_t start = title < t->n_lines ? title : 0;
    /* A document's heading in capitals right above its headline
     * ("THÔNG BÁO" / "Về việc ...") heads it too. */
    while (title < t->n_lines && start > 0 &&
           is_heading_in_capitals(m, zone_line_span(t, start - 1)))
        start--;
    bool body_seen = false, ended = false, dated = false, listed = false;
    for (size_t i = 0; i < t->n_lines; i++) {
        fp_line *line = &t->lines[i];
        zone_span text = zone_line_span(t, i);
        char iso[11];
        if (zone_is_blank(text)) {
            line->zone = ended || listed || i < start ? FP_ZONE_CHROME
                                                      : FP_ZONE_BODY;
            continue;
        }
        /* Under a heading of related articles or tags, its list: the
         * lines that keep a list's shape.  The article goes on after it
         * (such a box may stand between paragraphs). */
        bool below_title = title == t->n_lines || i > title;
        listed = listed && zone_is_list_item(text);
        if (!ended && !listed && below_title &&
            zone_is_related_heading(m, text))
            listed = true;
        if (ended || listed || i < start) {
            line->zone = FP_ZONE_CHROME;
        } else if (i < title && title < t->n_lines) {
            line->zone = FP_ZONE_TITLE; /* the heading in capitals */
        } else if (i == title) {
            line->zone = FP_ZONE_TITLE;
            if (zone_meta_set(&meta->title, text, err) < 0)
                return -1;
        } else if (zone_is_end_of_article(m, text)) {
            ended = true;
            line->zone = FP_ZONE_CHROME;
        } else if (zone_is_dateline(m, text, iso)) {
            line->zone = zone_dateline_zone(m, text);
            dated = true;
        } else if (is_furniture(m, text)) {
            line->zone = FP_ZONE_CHROME;
        } else if (zone_is_byline_cue(m, text)) {
            line->zone = FP_ZONE_BYLINE;
            if (!meta->byline && zone_meta_set_byline(m, meta, text, err) < 0)
                return -1;
        } else if (!body_seen && !dated &&
                   zone_trim(text).len <= ZONE_BARE_DATE_MAX_BYTES &&
                   zone_find_date(m, text, iso)) {
            line->zone = zone_dateline_zone(m, text);
            dated = true;
        } else {
            line->zone = FP_ZONE_BODY;
            body_seen = true;
        }
    }
    zone_mark_lead(t);
    return zone_find_trailing_byline(m, t, meta, err);
}
