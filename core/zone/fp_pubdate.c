#define _GNU_SOURCE /* memmem */
/* The article's date: candidates from the URL, the markup and the text,
 * scored by what they are and where they stand, then one day chosen. */
#include "fp_pubdate.h"
#include "fp_zone_meta.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

const char *pubdate_evidence_name(pubdate_evidence evidence)
{
    static const char *const names[PD_EV_COUNT] = {
        "url", "meta", "json-ld", "microdata", "time", "dateline", "lead"};
    return evidence < PD_EV_COUNT ? names[evidence] : "?";
}

void pubdate_add(pubdate_finder *f, const pubdate_stamp *when,
                 pubdate_evidence evidence, pubdate_role role, int score,
                 size_t line)
{
    pubdate_result *out = f->out;
    if (role == PD_ROLE_REFUSED || score <= 0 ||
        !pubdate_valid_day(when->year, when->month, when->day) ||
        pubdate_day_number(when) > f->latest)
        return;
    /* Pages older than the web are an archive's dates, not a post's. */
    if (when->year < 1990)
        return;
    size_t slot = out->n_candidates;
    if (slot == PD_MAX_CANDIDATES) {
        /* Full: the new one replaces the weakest, if it is weaker. */
        size_t weakest = 0;
        for (size_t i = 1; i < slot; i++)
            if (out->candidates[i].score < out->candidates[weakest].score)
                weakest = i;
        if (out->candidates[weakest].score >= score)
            return;
        slot = weakest;
    } else {
        out->n_candidates++;
    }
    out->candidates[slot] =
        (pubdate_candidate){*when, evidence, role, score, line};
}

int pubdate_distance_penalty(const pubdate_finder *f, size_t line)
{
    size_t d = line >= f->anchor ? line - f->anchor : 2 * (f->anchor - line);
    return d > PD_MAX_DISTANCE_PENALTY ? PD_MAX_DISTANCE_PENALTY : (int)d;
}

bool pubdate_element_cued(const pubdate_finder *f, int32_t e,
                          zone_section section, int levels)
{
    const fp_text *t = f->t;
    for (int up = 0; up <= levels && e >= 0 && (size_t)e < t->n_elements;
         up++) {
        if (zone_cues_match(f->m->rules, section, t->elements[e].cues))
            return true;
        e = t->elements[e].parent;
    }
    return false;
}

/* ---- the URL --------------------------------------------------------- */

static bool is_http_url(const char *s)
{
    return s && (strncmp(s, "http://", 7) == 0 ||
                 strncmp(s, "https://", 8) == 0);
}

static void url_evidence(pubdate_finder *f, const char *source_url)
{
    /* The record's own URL, else the one the page names as its own. */
    const char *urls[3] = {is_http_url(source_url) ? source_url : NULL,
                           f->t->markup.canonical, f->t->markup.og_url};
    for (int i = 0; i < 3; i++) {
        pubdate_stamp when;
        if (urls[i] && pubdate_read_url(urls[i], &when)) {
            pubdate_add(f, &when, PD_EV_URL, PD_ROLE_PUBLISHED, PD_SCORE_URL,
                        SIZE_MAX);
            return;
        }
    }
}

/* ---- markup ---------------------------------------------------------- */

/* The score of a markup date by what its key says. */
static int role_score(pubdate_role role, int published)
{
    return role == PD_ROLE_PUBLISHED ? published
           : role == PD_ROLE_UPDATED ? PD_SCORE_UPDATED
           : role == PD_ROLE_NEUTRAL ? PD_SCORE_META_NEUTRAL
                                     : 0;
}

static void meta_evidence(pubdate_finder *f, const fp_markup_item *item)
{
    if (!item->key || !item->value)
        return;
    pubdate_role role =
        pubdate_key_role(f->m->rules->pubdate, item->key, strlen(item->key));
    if (item->pubdate)
        role = PD_ROLE_PUBLISHED;
    pubdate_stamp when;
    if (role != PD_ROLE_REFUSED && pubdate_read_value(f->m, item->value, &when))
        pubdate_add(f, &when, PD_EV_META, role,
                    role_score(role, PD_SCORE_META), SIZE_MAX);
}

/* The role an element's own classes give it ("entry-date published",
 * "updated"); neutral when they say both. */
static pubdate_role class_role(const pubdate_finder *f, const char *cues)
{
    bool published = zone_cues_match(f->m->rules, ZS_DATE_PUBLISHED_CLASS, cues);
    bool updated = zone_cues_match(f->m->rules, ZS_DATE_UPDATED_CLASS, cues);
    if (published == updated)
        return PD_ROLE_NEUTRAL;
    return published ? PD_ROLE_PUBLISHED : PD_ROLE_UPDATED;
}

/* Longest element text read for a date (a <time> holds a date, not an
 * article). */
enum { PD_MAX_ELEMENT_TEXT = 200 };

static bool element_date(pubdate_finder *f, const fp_markup_item *item,
                         pubdate_stamp *when)
{
    if (item->value && pubdate_read_value(f->m, item->value, when))
        return true;
    const fp_text *t = f->t;
    if (item->text_end <= item->text_start || item->text_end > t->len ||
        item->text_end - item->text_start > PD_MAX_ELEMENT_TEXT)
        return false;
    zone_span text = {t->text + item->text_start,
                      item->text_end - item->text_start};
    pubdate_match found;
    if (!pubdate_find_in_text(f->m, text, 0, f->find_flags, &found))
        return false;
    *when = found.when;
    return true;
}

static void element_evidence(pubdate_finder *f, const fp_markup_item *item)
{
    if (zone_cues_match(f->m->rules, ZS_DATE_REFUSED_CLASS, item->cues) ||
        pubdate_element_cued(f, item->element, ZS_DATE_REFUSED_CLASS,
                             PD_REFUSED_CLASS_LEVELS))
        return;
    pubdate_role role = PD_ROLE_NEUTRAL;
    if (item->key) {
        /* Microdata: the property says it all; other date properties
         * (an event's startDate) are not the article's. */
        role = pubdate_key_role(f->m->rules->pubdate, item->key,
                                strlen(item->key));
        if (role == PD_ROLE_REFUSED)
            return;
    } else if (item->pubdate) {
        role = PD_ROLE_PUBLISHED;
    } else {
        role = class_role(f, item->cues);
    }
    pubdate_stamp when;
    if (!element_date(f, item, &when))
        return;
    size_t line = fp_text_line_at(f->t, item->text_start);
    if (item->key) {
        pubdate_add(f, &when, PD_EV_MICRODATA, role,
                    role_score(role, PD_SCORE_MICRODATA), line);
        return;
    }
    int score = role_score(role, PD_SCORE_TIME_PUBLISHED);
    if (role == PD_ROLE_NEUTRAL) {
        /* A bare <time>: the one by the headline is the article's; those
         * further away date teasers and comments. */
        bool near = line < f->t->n_lines &&
                    line + PD_WINDOW_BEFORE_TITLE >= f->anchor &&
                    line <= f->anchor + PD_WINDOW_AFTER_TITLE;
        score = near ? PD_SCORE_TIME_NEAR - pubdate_distance_penalty(f, line)
                     : PD_SCORE_TIME_FAR;
    }
    pubdate_add(f, &when, PD_EV_TIME, role, score, line);
}

static void json_date(void *user, const char *key, size_t key_len,
                      const char *value, size_t value_len, int type_rank)
{
    pubdate_finder *f = user;
    if (type_rank < 0 || value_len == 0 || value_len >= 64)
        return;
    char copy[64];
    memcpy(copy, value, value_len);
    copy[value_len] = '\0';
    pubdate_role role = pubdate_key_role(f->m->rules->pubdate, key, key_len);
    pubdate_stamp when;
    if (role != PD_ROLE_REFUSED && pubdate_read_value(f->m, copy, &when))
        pubdate_add(f, &when, PD_EV_JSONLD, role,
                    role_score(role, type_rank > 0 ? PD_SCORE_JSONLD_ARTICLE
                                                   : PD_SCORE_JSONLD_OTHER),
                    SIZE_MAX);
}

static void markup_evidence(pubdate_finder *f)
{
    const fp_markup *mk = &f->t->markup;
    for (size_t i = 0; i < mk->n_items; i++) {
        if (mk->items[i].kind == FP_MARKUP_META)
            meta_evidence(f, &mk->items[i]);
        else
            element_evidence(f, &mk->items[i]);
    }
    pubdate_scan_jsonld(f->m->rules->pubdate, mk->jsonld, mk->jsonld_len,
                        json_date, f);
}

/* ---- the choice ------------------------------------------------------ */

/* Is c a UTC time whose local date may be the day before or after, and w
 * a local reading of the same moment: the same minutes and seconds past
 * the hour in another zone, or the URL the site dated in its own zone? */
static bool local_witness(const pubdate_candidate *c,
                          const pubdate_candidate *w)
{
    if (c->when.tz != PD_TZ_UTC || c->when.hour < 0 ||
        w->when.tz == PD_TZ_UTC || w->role == PD_ROLE_UPDATED ||
        c->role == PD_ROLE_UPDATED)
        return false;
    int a = pubdate_day_number(&c->when), b = pubdate_day_number(&w->when);
    if (a == b)
        return false;
    /* One day apart (month and year ends included). */
    pubdate_stamp next = c->when, prev = c->when;
    next.day++;
    if (!pubdate_valid_day(next.year, next.month, next.day)) {
        next.day = 1;
        if (++next.month > 12)
            next.month = 1, next.year++;
    }
    prev.day--;
    if (prev.day < 1) {
        if (--prev.month < 1)
            prev.month = 12, prev.year--;
        prev.day = 31;
        while (prev.day > 28 &&
               !pubdate_valid_day(prev.year, prev.month, prev.day))
            prev.day--;
    }
    if (b != pubdate_day_number(&next) && b != pubdate_day_number(&prev))
        return false;
    if (w->when.hour < 0)
        return w->evidence == PD_EV_URL;
    return w->when.minute == c->when.minute &&
           w->when.second == c->when.second;
}

typedef struct day_total {
    int day;
    int best;              /* the best score for the day */
    size_t best_candidate; /* the first candidate with that score */
    unsigned seconds;      /* the kinds of evidence seconding it */
} day_total;

/* Does c second the day it counts for?  Publication or neutral, and
 * worth something on its own.  Each kind of evidence seconds once: a page
 * repeating its JSON-LD is one source, not five. */
static bool seconds_a_day(const pubdate_candidate *c)
{
    return c->role != PD_ROLE_UPDATED && c->score >= PD_MIN_SECONDING_SCORE;
}

static void choose(pubdate_finder *f)
{
    pubdate_result *out = f->out;
    day_total days[PD_MAX_CANDIDATES];
    size_t n_days = 0;
    for (size_t i = 0; i < out->n_candidates; i++) {
        const pubdate_candidate *c = &out->candidates[i];
        int day = pubdate_day_number(&c->when);
        /* A UTC stamp counts for the local day another source shows. */
        for (size_t k = 0; k < out->n_candidates; k++) {
            if (local_witness(c, &out->candidates[k])) {
                day = pubdate_day_number(&out->candidates[k].when);
                break;
            }
        }
        size_t d = 0;
        while (d < n_days && days[d].day != day)
            d++;
        if (d == n_days)
            days[n_days++] = (day_total){day, -1, i, 0};
        if (seconds_a_day(c))
            days[d].seconds |= 1u << c->evidence;
        if (c->score > days[d].best) {
            days[d].best = c->score;
            days[d].best_candidate = i;
        }
    }
    if (n_days == 0)
        return;
    /* The best total wins; a tie goes to the better single piece of
     * evidence, then to the one stated first. */
    int best_total = -1;
    size_t winner = 0;
    for (size_t d = 0; d < n_days; d++) {
        int kinds = __builtin_popcount(days[d].seconds);
        int bonus = kinds > 1 ? PD_CONSENSUS_BONUS * (kinds - 1) : 0;
        if (bonus > PD_MAX_CONSENSUS_BONUS)
            bonus = PD_MAX_CONSENSUS_BONUS;
        int total = days[d].best + bonus;
        const day_total *w = &days[winner];
        if (total > best_total ||
            (total == best_total &&
             (days[d].best > w->best ||
              (days[d].best == w->best &&
               days[d].best_candidate < w->best_candidate)))) {
            best_total = total;
            winner = d;
        }
    }
    int day = days[winner].day;
    out->found = true;
    snprintf(out->iso, sizeof out->iso, "%04d-%02d-%02d", day / 10000,
             day / 100 % 100, day % 100);
    out->evidence = out->candidates[days[winner].best_candidate].evidence;
}

/* Is the line's text part of the page's <title> ("Headline | Site")? */
static bool in_html_title(const fp_text *t, size_t i)
{
    zone_span line = zone_trim(zone_line_span(t, i));
    if (!t->html_title || line.len < PD_MIN_HEADLINE_BYTES)
        return false;
    return memmem(t->html_title, strlen(t->html_title), line.s, line.len) !=
           NULL;
}

size_t pubdate_anchor(const fp_text *t)
{
    /* The site's name is in <title> too, and often a heading: the
     * headline is the longest heading <title> repeats. */
    size_t first_h1 = SIZE_MAX, best = SIZE_MAX, best_len = 0, headings = 0;
    for (size_t i = 0; i < t->n_lines && headings < PD_MAX_HEADINGS; i++) {
        if (t->lines[i].heading < 1 || t->lines[i].heading > 3)
            continue;
        headings++;
        size_t len = t->lines[i].end - t->lines[i].start;
        if (len > best_len && in_html_title(t, i)) {
            best = i;
            best_len = len;
        }
        if (first_h1 == SIZE_MAX && t->lines[i].heading == 1)
            first_h1 = i;
    }
    if (best != SIZE_MAX)
        return best;
    for (size_t i = 0; i < t->n_lines; i++)
        if (t->lines[i].zone == FP_ZONE_TITLE)
            return i;
    if (first_h1 != SIZE_MAX)
        return first_h1;
    for (size_t i = 0; i < t->n_lines; i++)
        if (t->lines[i].zone == FP_ZONE_LEAD ||
            t->lines[i].zone == FP_ZONE_BODY)
            return i;
    return 0;
}

void pubdate_find(zone_matcher *m, const fp_text *t, const char *source_url,
                  int latest, pubdate_result *out)
{
    memset(out, 0, sizeof *out);
    if (!m->rules->pubdate)
        return;
    unsigned flags = PD_FIND_SHORT_YEAR;
    if (pubdate_month_first(m->rules->pubdate, t->markup.lang))
        flags |= PD_FIND_MONTH_FIRST;
    pubdate_finder f = {m, t, latest, flags, pubdate_anchor(t), out};
    url_evidence(&f, source_url);
    markup_evidence(&f);
    pubdate_text_evidence(&f);
    choose(&f);
}
