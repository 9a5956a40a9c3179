/* Zoning entry point and the metadata helpers both zoners share. */
#include "fp_zone_internal.h"
#include "fp_zone_meta.h"
#include "fp_zone_passes.h"
#include "fp_pubdate.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

zone_span zone_line_span(const fp_text *t, size_t i)
{
    zone_span line = {t->text + t->lines[i].start,
                      t->lines[i].end - t->lines[i].start};
    return line;
}

int zone_meta_set(char **field, zone_span value, fp_error *err)
{
    static const char ellipsis[] = "\xE2\x80\xA6"; /* U+2026 */
    value = zone_trim(value);
    free(*field);
    *field = NULL;
    if (value.len == 0)
        return 0;
    /* A page that is one huge line makes that line its title: cut it, at
     * a character boundary, so the output stays readable by XML tools
     * (libxml2 refuses text nodes over 10 MB without XML_PARSE_HUGE). */
    int cut = value.len > FP_ZONE_META_MAX_BYTES;
    if (cut) {
        value.len = FP_ZONE_META_MAX_BYTES;
        while (value.len > 0 && (value.s[value.len] & 0xC0) == 0x80)
            value.len--;
    }
    *field = malloc(value.len + sizeof ellipsis);
    if (!*field)
        return fp_error_set(err, "zoning: out of memory");
    memcpy(*field, value.s, value.len);
    (*field)[value.len] = '\0';
    if (cut)
        memcpy(*field + value.len, ellipsis, sizeof ellipsis);
    return 0;
}

int zone_meta_set_byline(zone_matcher *m, fp_meta *meta, zone_span line,
                         fp_error *err)
{
    line = zone_trim(line);
    size_t cue_end;
    if (zone_line_matches(m, ZS_BYLINE, line, &cue_end)) {
        /* "Tin, ảnh: Thu Lan" → "Thu Lan"; a bare "PV" stays "PV". */
        zone_span rest = {line.s + cue_end, line.len - cue_end};
        while (rest.len && (rest.s[0] == ':' || rest.s[0] == '-' ||
                            rest.s[0] == ' '))
            rest.s++, rest.len--;
        if (zone_trim(rest).len > 0)
            line = rest;
    }
    /* Drop the brackets portals put around an author: "(Thu Lan)". */
    line = zone_trim(line);
    if (line.len >= 2 && line.s[0] == '(' && line.s[line.len - 1] == ')') {
        line.s++;
        line.len -= 2;
    }
    return zone_meta_set(&meta->byline, line, err);
}

int zone_find_trailing_byline(zone_matcher *m, fp_text *t, fp_meta *meta,
                              fp_error *err)
{
    if (meta->byline)
        return 0;
    /* Walk back from the end of the article over the date line: the author
     * is the last article line when it is only a name ("Thu Lan"). */
    for (size_t i = t->n_lines; i-- > 0;) {
        fp_line *line = &t->lines[i];
        zone_span text = zone_line_span(t, i);
        if (line->zone == FP_ZONE_CHROME || line->zone == FP_ZONE_DATELINE ||
            zone_is_blank(text))
            continue;
        if (line->zone == FP_ZONE_BYLINE)
            return zone_meta_set_byline(m, meta, text, err);
        if (line->zone != FP_ZONE_BODY || !zone_is_person_name(m, text))
            return 0;
        line->zone = FP_ZONE_BYLINE;
        return zone_meta_set_byline(m, meta, text, err);
    }
    return 0;
}

/* A first paragraph is a real sentence, not a caption or a one-word cell. */
enum { ZONE_LEAD_MIN_BYTES = 60 };

void zone_mark_lead(fp_text *t)
{
    for (size_t i = 0; i < t->n_lines; i++) {
        fp_line *line = &t->lines[i];
        if (line->zone != FP_ZONE_BODY || line->caption)
            continue;
        zone_span text = zone_trim(zone_line_span(t, i));
        if (text.len >= ZONE_LEAD_MIN_BYTES && zone_has_sentence_punct(text) &&
            line->link_bytes * 2 < text.len) {
            line->zone = FP_ZONE_LEAD;
            return;
        }
    }
}

/* Separators portals put between their name and the page's title. */
static size_t separator_len(const char *s, size_t left)
{
    static const char *const separators[] = {" - ", " | ", " – ", " — ",
                                             " :: ", " » "};
    for (size_t i = 0; i < sizeof separators / sizeof *separators; i++) {
        size_t n = strlen(separators[i]);
        if (n <= left && memcmp(s, separators[i], n) == 0)
            return n;
    }
    return 0;
}

static bool names_portal(zone_matcher *m, const char *s, size_t len)
{
    zone_span part = {s, len};
    return zone_line_matches(m, ZS_PORTAL_NAME, part, NULL);
}

int zone_title_from_html_title(zone_matcher *m, const char *html_title,
                               fp_meta *meta, fp_error *err)
{
    if (!html_title)
        return 0;
    zone_span title = zone_trim((zone_span){html_title, strlen(html_title)});
    /* Strip "CỔNG THÔNG TIN ĐIỆN TỬ … - " in front: the first separator
     * whose left side names the portal. */
    for (size_t i = 0; i < title.len; i++) {
        size_t n = separator_len(title.s + i, title.len - i);
        if (n && names_portal(m, title.s, i)) {
            title.s += i + n;
            title.len -= i + n;
            break;
        }
    }
    /* And " | Cổng thông tin điện tử quận …" behind: the last separator
     * whose right side names the portal. */
    for (size_t i = title.len; i-- > 0;) {
        size_t n = separator_len(title.s + i, title.len - i);
        if (n && names_portal(m, title.s + i + n, title.len - i - n)) {
            title.len = i;
            break;
        }
    }
    return zone_meta_set(&meta->title, title, err);
}

static bool has_article_text(const fp_text *t)
{
    for (size_t i = 0; i < t->n_lines; i++)
        if ((t->lines[i].zone == FP_ZONE_BODY ||
             t->lines[i].zone == FP_ZONE_LEAD) &&
            !t->lines[i].caption)
            return true;
    return false;
}

/* A page that has text never has an empty article.  When zoning found
 * only a headline, a date line, a byline or a caption (a notice of one
 * line, a page that is a heading and a date), those lines are the
 * article; when it found only chrome, so are the lines that are chrome by
 * their place alone.  Lines that are furniture by what they say (tool
 * links, counters, widgets, "Các tin khác") or mostly links stay chrome,
 * as the guideline wants (docs/GUIDELINE.md, Article and chrome): a page
 * of nothing else has no article. */
static void ensure_article(zone_matcher *m, fp_text *t)
{
    if (has_article_text(t))
        return;
    bool any = false;
    for (size_t i = 0; i < t->n_lines; i++) {
        fp_line *line = &t->lines[i];
        if (line->zone != FP_ZONE_CHROME) {
            line->zone = FP_ZONE_BODY;
            line->caption = 0;
            any = true;
        }
    }
    for (size_t i = 0; !any && i < t->n_lines; i++) {
        fp_line *line = &t->lines[i];
        zone_span text = zone_line_span(t, i);
        if (zone_is_blank(text) || line->link_bytes * 2 > text.len ||
            zone_is_chrome_line(m, text) || zone_is_end_of_article(m, text))
            continue;
        line->zone = FP_ZONE_BODY;
    }
    zone_mark_lead(t);
}

/* Tomorrow (UTC) as YYYYMMDD: the latest day a page can carry, wherever
 * its writer lives. */
static int latest_acceptable_day(void)
{
    time_t tomorrow = time(NULL) + 24 * 60 * 60;
    struct tm parts;
    if (!gmtime_r(&tomorrow, &parts))
        return 99991231;
    return (parts.tm_year + 1900) * 10000 + (parts.tm_mon + 1) * 100 +
           parts.tm_mday;
}

static int set_article_date(zone_matcher *m, const fp_text *t,
                            const char *source, fp_meta *meta, fp_error *err)
{
    pubdate_result found;
    pubdate_find(m, t, source, latest_acceptable_day(), &found);
    if (!found.found)
        return 0;
    return zone_meta_set(&meta->date, (zone_span){found.iso, 10}, err);
}

int fp_zone_document(const fp_zone_rules *rules, fp_text *t, fp_meta *meta,
                     fp_error *err)
{
    return fp_zone_document_from(rules, t, NULL, meta, err);
}

int fp_zone_document_from(const fp_zone_rules *rules, fp_text *t,
                          const char *source, fp_meta *meta, fp_error *err)
{
    if (!rules || !t || !meta)
        return fp_error_set(err, "zoning: missing rules, text or metadata");
    memset(meta, 0, sizeof *meta);
    zone_matcher m;
    if (zone_matcher_init(&m, rules, err) < 0)
        return -1;
    for (size_t i = 0; i < t->n_lines; i++) {
        t->lines[i].zone = FP_ZONE_BODY;
        t->lines[i].caption = 0;
    }

    int rc = 0;
    int found = 0;
    if (t->n_elements > 0)
        found = zone_html(&m, t, meta, err);
    if (found < 0) {
        rc = -1;
    } else if (found == 0) {
        fp_meta_free(meta);
        for (size_t i = 0; i < t->n_lines; i++) {
            t->lines[i].zone = FP_ZONE_BODY;
            t->lines[i].caption = 0;
        }
        rc = zone_plain_text(&m, t, meta, err);
        if (rc == 0 && t->n_elements > 0)
            rc = zone_html_furniture_out(&m, t, err);
        /* An HTML page whose article could not be found: its <title> is a
         * better guess at the headline than its first line of text. */
        if (rc == 0 && t->html_title) {
            free(meta->title);
            meta->title = NULL;
        }
    }
    if (rc == 0 && !meta->title)
        rc = zone_title_from_html_title(&m, t->html_title, meta, err);
    if (rc == 0) {
        ensure_article(&m, t);
        rc = set_article_date(&m, t, source, meta, err);
    }
    zone_matcher_free(&m);
    if (rc < 0)
        fp_meta_free(meta);
    return rc;
}
