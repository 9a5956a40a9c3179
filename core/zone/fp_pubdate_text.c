/* The article's date in its text: the date line by the headline
 * ("Thứ hai, 24/12/2012 10:30 (GMT+7)", "Published on March 3, 2019",
 * "3. März 2019"), the date lines zoning found elsewhere ("Cập nhật ngày:
 * 09-10-2018" under the article), and the dateline that opens a lead
 * ("BERLIN, 20.01.2022 – …").  Dates in prose are events, not the
 * article's date, and are never taken. */
#include "fp_pubdate.h"
#include "fp_zone_meta.h"

#include <string.h>

/* Lines longer than this are prose: only a zoned date line may be longer
 * (up to PD_MAX_LINE_BYTES). */
enum { PD_SHORT_LINE_BYTES = 160 };
/* A date line is mostly its date: at most this many bytes of letters
 * besides ("Thứ năm", "Donnerstag", "GMT"). */
enum { PD_BARE_LETTER_BYTES = 24 };
/* A link-dominated line (a permalink around the date), or any short line
 * zoned chrome, counts only this close to the headline. */
enum { PD_LINKED_REACH = 4 };
/* The lead's dateline: the date starts within this many bytes and a dash
 * follows it within PD_LEAD_DASH_REACH. */
enum { PD_LEAD_DATE_REACH = 64, PD_LEAD_DASH_REACH = 20 };
/* An agency's tag in parentheses is at most this long: "(Chinhphu.vn)";
 * a date starting within the reach is read up to this many bytes. */
enum { PD_AGENCY_TAG_BYTES = 40, PD_LEAD_TAIL_BYTES = 64 };

static bool is_letter_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Few letters outside the date: the line is a date line. */
static bool is_bare(zone_span line, const pubdate_match *d)
{
    size_t letters = 0;
    for (size_t i = 0; i < line.len; i++)
        if ((i < d->start || i >= d->end) &&
            is_letter_byte((unsigned char)line.s[i]))
            letters++;
    return letters <= PD_BARE_LETTER_BYTES;
}

/* A sentence outside the date: ". " inside the line or a final stop. */
static bool is_prose(zone_span line, const pubdate_match *d)
{
    for (size_t i = 0; i < line.len; i++) {
        if (i >= d->start && i < d->end)
            continue;
        char c = line.s[i];
        bool last = i + 1 == line.len;
        if ((c == '.' || c == '!' || c == '?') &&
            (last || line.s[i + 1] == ' '))
            return true;
    }
    return false;
}

/* near: by the headline, where chrome-zoned lines are still the
 * article's header (date, author, category links). */
static int line_score(zone_matcher *m, zone_span line, const fp_line *l,
                      const pubdate_match *d, pubdate_role role,
                      bool date_class, bool near)
{
    if (role == PD_ROLE_PUBLISHED)
        return PD_SCORE_TEXT_PUBLISHED + (date_class ? 2 : 0);
    /* Zoning's own date line of the article: "Cập nhật ngày: …" under a
     * portal's article is its only date. */
    if (l->zone == FP_ZONE_DATELINE)
        return role == PD_ROLE_UPDATED ? PD_SCORE_ZONED_UPDATED
                                       : PD_SCORE_TEXT_DATELINE;
    if (role == PD_ROLE_UPDATED)
        return PD_SCORE_TEXT_UPDATED;
    if (is_bare(line, d) || zone_line_matches(m, ZS_DATELINE, line, NULL))
        return PD_SCORE_TEXT_DATELINE + (date_class ? 2 : 0);
    if (date_class)
        return PD_SCORE_TEXT_CLASS;
    /* Short lines of page furniture ("By Anna | March 3, 2019 | 5
     * comments"), but not the teasers of a list of other news. */
    if ((l->zone != FP_ZONE_CHROME || near) && !is_prose(line, d))
        return PD_SCORE_TEXT_SHORT;
    return 0;
}

static void line_evidence(pubdate_finder *f, size_t i)
{
    const fp_text *t = f->t;
    const fp_line *l = &t->lines[i];
    zone_span line = zone_trim(zone_line_span(t, i));
    /* Most lines hold no date: look at the element cues only for those
     * that do. */
    pubdate_match d;
    size_t longest = l->zone == FP_ZONE_DATELINE ? PD_MAX_LINE_BYTES
                                                 : PD_SHORT_LINE_BYTES;
    if (line.len == 0 || line.len > longest ||
        !pubdate_find_in_text(f->m, line, 0, f->find_flags, &d) ||
        pubdate_element_cued(f, l->element, ZS_DATE_REFUSED_CLASS,
                             PD_REFUSED_CLASS_LEVELS))
        return;
    bool date_class = pubdate_element_cued(f, l->element, ZS_DATE_CLASS,
                                           PD_DATE_CLASS_LEVELS);
    size_t distance = i >= f->anchor ? i - f->anchor : f->anchor - i;
    if (l->link_bytes * 2 > line.len && distance > PD_LINKED_REACH &&
        !date_class && l->zone != FP_ZONE_DATELINE)
        return;
    /* A zoned date line stands where the page puts it (above or under
     * the article): its distance hardly matters. */
    int penalty = pubdate_distance_penalty(f, i);
    if (l->zone == FP_ZONE_DATELINE && penalty > PD_ZONED_MAX_PENALTY)
        penalty = PD_ZONED_MAX_PENALTY;
    for (int k = 0; k < PD_MAX_DATES_PER_LINE; k++) {
        if (k > 0 && !pubdate_find_in_text(f->m, line, d.end, f->find_flags, &d))
            break;
        pubdate_role role = pubdate_cue_role(f->m, line, d.start);
        if (role == PD_ROLE_REFUSED)
            continue;
        int score = line_score(f->m, line, l, &d, role, date_class,
                               distance <= PD_LINKED_REACH);
        if (score > 0)
            pubdate_add(f, &d.when, PD_EV_DATELINE, role, score - penalty,
                        i);
    }
}

static bool is_dash_at(zone_span s, size_t i)
{
    const unsigned char *p = (const unsigned char *)s.s + i;
    size_t left = s.len - i;
    return p[0] == '-' ||
           (left >= 3 && p[0] == 0xE2 && p[1] == 0x80 &&
            (p[2] == 0x93 || p[2] == 0x94)); /* – — */
}

/* The end of a news agency's tag opening a lead, "(Dân trí) - ", "(TTXVN)
 * – ": just after its dash; 0 when the line does not open with one. */
static size_t agency_tag_end(zone_span line)
{
    if (line.len == 0 || line.s[0] != '(')
        return 0;
    const char *close = memchr(line.s, ')', line.len < PD_AGENCY_TAG_BYTES
                                                ? line.len
                                                : PD_AGENCY_TAG_BYTES);
    if (!close)
        return 0;
    size_t i = (size_t)(close - line.s) + 1;
    while (i < line.len && line.s[i] == ' ')
        i++;
    if (i >= line.len || !is_dash_at(line, i))
        return 0;
    i += line.s[i] == '-' ? 1 : 3;
    while (i < line.len && line.s[i] == ' ')
        i++;
    return i;
}

/* The lead's own dateline, at the start of the first paragraph: a place,
 * the date, a dash ("BERLIN, 20.01.2022 – …", "Hà Nội, 24/12/2012 - …"),
 * or an agency's tag and the date ("(Chinhphu.vn) - Ngày 24/12/2012, …"). */
static void lead_evidence(pubdate_finder *f)
{
    const fp_text *t = f->t;
    size_t lead = t->n_lines;
    for (size_t i = f->anchor; i < t->n_lines && lead == t->n_lines; i++)
        if (t->lines[i].zone == FP_ZONE_LEAD)
            lead = i;
    if (lead == t->n_lines)
        return;
    zone_span line = zone_trim(zone_line_span(t, lead));
    size_t from = agency_tag_end(line);
    /* Only the opening of the paragraph matters (it may be megabytes). */
    size_t opening = from + PD_LEAD_DATE_REACH + PD_LEAD_TAIL_BYTES;
    if (line.len > opening)
        line.len = opening;
    pubdate_match d;
    if (!pubdate_find_in_text(f->m, line, from, f->find_flags, &d) ||
        d.start > from + PD_LEAD_DATE_REACH)
        return;
    for (size_t i = from; i < d.start; i++)
        if (line.s[i] == '.' || line.s[i] == '!' || line.s[i] == '?')
            return;
    bool dated = from > 0;
    size_t reach = d.end + PD_LEAD_DASH_REACH;
    if (reach > line.len)
        reach = line.len;
    for (size_t i = d.end; i < reach && !dated; i++)
        dated = is_dash_at(line, i);
    if (!dated)
        return;
    pubdate_role role = pubdate_cue_role(f->m, line, d.start);
    pubdate_add(f, &d.when, PD_EV_LEAD, role,
                PD_SCORE_LEAD - pubdate_distance_penalty(f, lead), lead);
}

void pubdate_text_evidence(pubdate_finder *f)
{
    const fp_text *t = f->t;
    if (t->n_lines == 0)
        return;
    size_t from = f->anchor > PD_WINDOW_BEFORE_TITLE
                      ? f->anchor - PD_WINDOW_BEFORE_TITLE
                      : 0;
    size_t to = f->anchor + PD_WINDOW_AFTER_TITLE + 1;
    if (to > t->n_lines)
        to = t->n_lines;
    /* Past "Các tin khác" / "Related" come other articles' dates. */
    for (size_t i = f->anchor; i < to; i++) {
        if (zone_is_end_of_article(f->m, zone_line_span(t, i))) {
            to = i;
            break;
        }
    }
    for (size_t i = from; i < to; i++)
        line_evidence(f, i);
    /* Date lines zoning found further away: under the article. */
    size_t seen = 0;
    for (size_t i = 0; i < t->n_lines && seen < PD_MAX_FAR_DATELINES; i++) {
        if ((i < from || i >= to) && t->lines[i].zone == FP_ZONE_DATELINE) {
            line_evidence(f, i);
            seen++;
        }
    }
    lead_evidence(f);
}
