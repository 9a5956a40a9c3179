/* One document's section of a review page (review_page.h). */
#include "review_page.h"
#include "fp_out_article.h"
#include "review_marks.h"
#include "review_style.h"

#include "../common/fp_grow.h"

#include <stdlib.h>
#include <string.h>

/* Scripts, plugins, frames, fonts, images and connections from anywhere
 * are refused; only the page's own inline style applies. */
static const char content_security_policy[] =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'";

void fp_review_page_head(fp_review_out *w, const char *title)
{
    fp_review_doctype(w);
    fp_review_start(w, "html");
    fp_review_attr(w, "lang", "en");
    fp_review_start(w, "head");
    fp_review_start(w, "meta");
    fp_review_attr(w, "charset", "utf-8");
    fp_review_end_void(w);
    fp_review_start(w, "meta");
    fp_review_attr(w, "http-equiv", "Content-Security-Policy");
    fp_review_attr(w, "content", content_security_policy);
    fp_review_end_void(w);
    fp_review_start(w, "meta");
    fp_review_attr(w, "name", "referrer");
    fp_review_attr(w, "content", "no-referrer");
    fp_review_end_void(w);
    fp_review_start(w, "meta");
    fp_review_attr(w, "name", "viewport");
    fp_review_attr(w, "content", "width=device-width, initial-scale=1");
    fp_review_end_void(w);
    fp_review_element(w, "title", title);
    fp_review_start(w, "style");
    fp_review_stylesheet(w, fp_review_css);
    fp_review_end(w);
    fp_review_end(w); /* head */
    fp_review_newline(w);
    fp_review_start(w, "body");
    fp_review_start(w, "main");
    fp_review_newline(w);
}

/* ---- where the facts are ---------------------------------------------- */

/* A fact's bytes in the extracted text; located is 0 when its character
 * offsets do not fit the text. */
typedef struct fact_place {
    size_t start, end;
    int located;
} fact_place;

typedef struct kind_count {
    const char *kind;
    size_t n;
} kind_count;

/* A located fact in the order of where it starts. */
typedef struct fact_start {
    size_t start, fact;
} fact_start;

typedef struct page {
    fp_review_out *w;
    const fp_out_doc *doc;
    fact_place *places;
    kind_count *kinds; /* in the order they first occur */
    size_t n_kinds, kinds_cap;
    /* The sweep over the lines: located facts by start, the next one to
     * reach, and those reached that may still reach the current line. */
    fact_start *by_start;
    size_t n_located, next;
    size_t *active, n_active;
} page;

/* Character offset -> byte offset, walking forward from a cursor (facts
 * come in text order, so the walk over the text is done about once). */
typedef struct char_cursor {
    const char *text;
    size_t len, byte, chars;
} char_cursor;

static int byte_of_char(char_cursor *c, size_t chars, size_t *byte)
{
    if (chars < c->chars) { /* out of order: start again */
        c->byte = 0;
        c->chars = 0;
    }
    while (c->chars < chars && c->byte < c->len) {
        c->byte++;
        while (c->byte < c->len && ((unsigned char)c->text[c->byte] & 0xC0) == 0x80)
            c->byte++;
        c->chars++;
    }
    *byte = c->byte;
    return c->chars == chars;
}

static int by_start(const void *a, const void *b)
{
    const fact_start *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->fact < y->fact ? -1 : x->fact > y->fact;
}

static int locate_facts(page *p)
{
    const fp_out_doc *doc = p->doc;
    size_t n = doc->n_facts ? doc->n_facts : 1;
    p->places = calloc(n, sizeof *p->places);
    p->by_start = malloc(n * sizeof *p->by_start);
    p->active = malloc(n * sizeof *p->active);
    if (!p->places || !p->by_start || !p->active)
        return -1;
    char_cursor c = {doc->extracted ? doc->extracted : "", doc->extracted ? doc->extracted_len : 0,
                     0, 0};
    for (size_t i = 0; i < doc->n_facts; i++) {
        const fp_out_fact *f = &doc->facts[i];
        fact_place *place = &p->places[i];
        if (f->end < f->start || !byte_of_char(&c, f->start, &place->start))
            continue;
        char_cursor end = c;
        if (!byte_of_char(&end, f->end, &place->end))
            continue;
        place->located = 1;
        p->by_start[p->n_located++] = (fact_start){place->start, i};
    }
    qsort(p->by_start, p->n_located, sizeof *p->by_start, by_start);
    return 0;
}

/* The facts in a line, or empty ones where it stands, into spans (lines
 * come in text order: one sweep over the facts for the whole text). */
static size_t facts_of_line(page *p, const fp_out_line *line, fp_review_span *spans)
{
    while (p->next < p->n_located && p->by_start[p->next].start <= line->end)
        p->active[p->n_active++] = p->by_start[p->next++].fact;
    size_t n = 0, kept = 0;
    for (size_t k = 0; k < p->n_active; k++) {
        size_t i = p->active[k];
        const fact_place *place = &p->places[i];
        int in_line = place->start < place->end
                          ? place->start < line->end && place->end > line->start
                          : place->start >= line->start;
        if (in_line && spans)
            spans[n++] = (fp_review_span){place->start, place->end, i};
        if (place->end > line->end) /* goes on into the next lines */
            p->active[kept++] = i;
    }
    p->n_active = kept;
    return n;
}

static int count_kinds(page *p)
{
    for (size_t i = 0; i < p->doc->n_facts; i++) {
        const char *kind = p->doc->facts[i].kind;
        size_t k = 0;
        while (k < p->n_kinds && strcmp(p->kinds[k].kind, kind) != 0)
            k++;
        if (k == p->n_kinds) {
            if (fp_grow((void **)&p->kinds, &p->kinds_cap, p->n_kinds + 1, sizeof *p->kinds, 8))
                return -1;
            p->kinds[p->n_kinds++] = (kind_count){kind, 0};
        }
        p->kinds[k].n++;
    }
    return 0;
}

/* "KIND N;KIND N": what the folder index reads back. */
static char *facts_attribute(const page *p)
{
    size_t size = 1;
    for (size_t k = 0; k < p->n_kinds; k++)
        size += strlen(p->kinds[k].kind) + 24;
    char *s = malloc(size), *at = s;
    if (!s)
        return NULL;
    *s = '\0';
    for (size_t k = 0; k < p->n_kinds; k++)
        at += snprintf(at, size - (size_t)(at - s), "%s%s %zu", k ? ";" : "", p->kinds[k].kind,
                       p->kinds[k].n);
    return s;
}

/* ---- the parts of the section ----------------------------------------- */

static void colour_attribute(fp_review_out *w, const char *kind)
{
    char colour[40];
    fp_review_kind_colour(kind, colour, sizeof colour);
    fp_review_attr_printf(w, "style", "--fc:%s", colour);
}

static void meta_row(fp_review_out *w, const char *name, const char *value)
{
    if (!value || !*value)
        return;
    fp_review_element(w, "dt", name);
    fp_review_element(w, "dd", value);
}

/* A link only for web addresses: a javascript: or data: URL from a
 * hostile archive stays text. */
static int is_web_address(const char *url)
{
    return strncmp(url, "http://", 7) == 0 || strncmp(url, "https://", 8) == 0;
}

static void write_header(fp_review_out *w, const fp_out_doc *doc)
{
    fp_review_start(w, "header");
    fp_review_element(w, "h1", doc->title && *doc->title ? doc->title : doc->source);
    fp_review_start(w, "dl");
    fp_review_attr(w, "class", "meta");
    meta_row(w, "source", doc->source);
    meta_row(w, "date", doc->date);
    meta_row(w, "byline", doc->byline);
    if (doc->url && *doc->url) {
        fp_review_element(w, "dt", "url");
        fp_review_start(w, "dd");
        if (is_web_address(doc->url)) {
            fp_review_start(w, "a");
            fp_review_attr(w, "href", doc->url);
            fp_review_attr(w, "rel", "noopener noreferrer");
            fp_review_text(w, doc->url, strlen(doc->url));
            fp_review_end(w);
        } else {
            fp_review_text(w, doc->url, strlen(doc->url));
        }
        fp_review_end(w);
    }
    meta_row(w, "fetched", doc->record_date);
    if (doc->format) {
        fp_review_element(w, "dt", "read as");
        fp_review_start(w, "dd");
        fp_review_text_printf(w, "%s%s%s", doc->format, doc->encoding && *doc->encoding ? ", " : "",
                              doc->encoding ? doc->encoding : "");
        fp_review_end(w);
    }
    fp_review_end(w); /* dl */
    if (doc->partial) {
        fp_review_start(w, "p");
        fp_review_attr(w, "class", "notice");
        fp_review_text_printf(w, "The HTML parser stopped early: text (and facts) may be "
                                 "missing from the end of this page.");
        fp_review_end(w);
    }
    fp_review_end(w); /* header */
    fp_review_newline(w);
}

static void write_legend(fp_review_out *w, const page *p)
{
    fp_review_start(w, "ul");
    fp_review_attr(w, "class", "legend");
    if (p->n_kinds == 0)
        fp_review_element(w, "li", "no facts");
    for (size_t k = 0; k < p->n_kinds; k++) {
        fp_review_start(w, "li");
        fp_review_attr(w, "class", "chip");
        colour_attribute(w, p->kinds[k].kind);
        fp_review_text_printf(w, "%s %zu", p->kinds[k].kind, p->kinds[k].n);
        fp_review_end(w);
    }
    fp_review_end(w);
    fp_review_newline(w);
}

/* What a highlight shows on hover: the fact's data, one item a line. */
static char *fact_tooltip(const fp_out_fact *f)
{
    char *s = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&s, &len);
    if (!out)
        return NULL;
    fprintf(out, "%s: %s", f->kind, f->value);
    for (size_t i = 0; i < f->n_attrs; i++)
        fprintf(out, "\n%s: %s", f->attrs[i].name, f->attrs[i].value);
    for (size_t i = 0; i < f->n_children; i++)
        fprintf(out, "\n%s: %s", f->children[i].name, f->children[i].value);
    if (f->zone)
        fprintf(out, "\nzone: %s", f->zone);
    fprintf(out, "\nplugin: %s %s", f->plugin, f->plugin_version);
    if (fclose(out) != 0) {
        free(s);
        return NULL;
    }
    return s;
}

typedef struct line_writer {
    page *p;
    int failed;
} line_writer;

static void mark_text(void *user, size_t from, size_t to)
{
    line_writer *lw = user;
    fp_review_text(lw->p->w, lw->p->doc->extracted + from, to - from);
}

static void mark_open(void *user, size_t fact, int continued)
{
    line_writer *lw = user;
    fp_review_out *w = lw->p->w;
    const fp_out_fact *f = &lw->p->doc->facts[fact];
    fp_review_start(w, "mark");
    fp_review_attr(w, "class", continued ? "fact cont" : "fact");
    fp_review_attr(w, "data-kind", f->kind);
    fp_review_attr_printf(w, "data-fact", "%zu", fact + 1);
    colour_attribute(w, f->kind);
    char *tip = fact_tooltip(f);
    if (tip)
        fp_review_attr(w, "title", tip);
    else
        lw->failed = 1;
    free(tip);
    fp_review_attr(w, "tabindex", "0");
}

static void mark_close(void *user)
{
    line_writer *lw = user;
    fp_review_end(lw->p->w);
}

/* One line as a <p>, its facts highlighted. */
static int write_line(page *p, const fp_out_line *line, fp_review_span *spans)
{
    size_t n = facts_of_line(p, line, spans);
    static const fp_review_marks_sink sink = {mark_text, mark_open, mark_close};
    line_writer lw = {p, 0};
    fp_review_start(p->w, "p");
    int rc = fp_review_marks(spans, n, line->start, line->end, &sink, &lw);
    fp_review_end(p->w);
    fp_review_newline(p->w);
    return rc == 0 && !lw.failed ? 0 : -1;
}

static const char *zone_class(fp_zone_kind zone)
{
    switch (zone) {
    case FP_ZONE_TITLE: return "title";
    case FP_ZONE_DATELINE: return "dateline";
    case FP_ZONE_LEAD: return "lead";
    case FP_ZONE_BODY: return "body";
    case FP_ZONE_BYLINE: return "byline";
    case FP_ZONE_CHROME: return "chrome";
    }
    return "chrome";
}

/* The text, one <div class="zone"> per run of lines of one zone (and the
 * same side of the article's edge); chrome only when it was kept. */
static int write_text(page *p)
{
    const fp_out_doc *doc = p->doc;
    fp_review_out *w = p->w;
    fp_review_span *spans = malloc((doc->n_facts ? doc->n_facts : 1) * sizeof *spans);
    if (!spans)
        return -1;
    int rc = 0;
    fp_review_start(w, "div");
    fp_review_attr(w, "class", "text");
    fp_review_newline(w);
    for (size_t i = 0; i < doc->n_lines && rc == 0;) {
        const fp_out_line *first = &doc->lines[i];
        int article = fp_out_line_is_article(doc, i);
        size_t end = i + 1;
        while (end < doc->n_lines && doc->lines[end].zone == first->zone &&
               fp_out_line_is_article(doc, end) == article)
            end++;
        const char *zone = zone_class(first->zone);
        if (first->zone == FP_ZONE_CHROME && !doc->chrome_kept) {
            for (size_t k = i; k < end; k++)
                facts_of_line(p, &doc->lines[k], NULL); /* passed, not shown */
            fp_review_start(w, "p");
            fp_review_attr(w, "class", "omitted");
            fp_review_text_printf(w, "%zu line%s of page chrome set aside (--keep-chrome "
                                     "shows %s)", end - i, end - i == 1 ? "" : "s",
                                  end - i == 1 ? "it" : "them");
            fp_review_end(w);
            fp_review_newline(w);
            i = end;
            continue;
        }
        fp_review_start(w, "div");
        fp_review_attr_printf(w, "class", "zone z-%s%s", zone, article ? " article" : "");
        fp_review_attr(w, "data-zone", zone);
        fp_review_newline(w);
        for (; i < end && rc == 0; i++)
            rc = write_line(p, &doc->lines[i], spans);
        fp_review_end(w);
        fp_review_newline(w);
    }
    if (doc->n_lines == 0)
        fp_review_element(w, "p", "(no text)");
    fp_review_end(w);
    fp_review_newline(w);
    free(spans);
    return rc;
}

static void cell(fp_review_out *w, const char *cls, const char *text)
{
    fp_review_start(w, "td");
    if (cls)
        fp_review_attr(w, "class", cls);
    fp_review_text(w, text, strlen(text));
    fp_review_end(w);
}

static void write_fact_row(page *p, size_t i)
{
    fp_review_out *w = p->w;
    const fp_out_fact *f = &p->doc->facts[i];
    fp_review_start(w, "tr");
    fp_review_attr(w, "data-kind", f->kind);
    fp_review_start(w, "td");
    fp_review_attr(w, "class", "num");
    fp_review_text_printf(w, "%zu", i + 1);
    fp_review_end(w);
    fp_review_start(w, "td");
    fp_review_start(w, "span");
    fp_review_attr(w, "class", "chip");
    colour_attribute(w, f->kind);
    fp_review_text(w, f->kind, strlen(f->kind));
    fp_review_end(w);
    fp_review_end(w);
    cell(w, NULL, f->value);
    fp_review_start(w, "td");
    for (size_t a = 0; a < f->n_attrs; a++)
        fp_review_text_printf(w, "%s%s: %s", a ? "; " : "", f->attrs[a].name, f->attrs[a].value);
    for (size_t c = 0; c < f->n_children; c++)
        fp_review_text_printf(w, "%s%s: %s", c || f->n_attrs ? "; " : "", f->children[c].name,
                              f->children[c].value);
    fp_review_end(w);
    cell(w, NULL, f->text);
    cell(w, NULL, f->zone ? f->zone : p->places[i].located ? "" : "(not in the text)");
    fp_review_start(w, "td");
    fp_review_attr(w, "class", "num");
    fp_review_text_printf(w, "%zu–%zu", f->start, f->end);
    fp_review_end(w);
    fp_review_start(w, "td");
    fp_review_attr(w, "class", "num");
    fp_review_text_printf(w, "%zu–%zu", f->src_start, f->src_end);
    fp_review_end(w);
    fp_review_start(w, "td");
    fp_review_text_printf(w, "%s %s", f->plugin, f->plugin_version);
    fp_review_end(w);
    fp_review_end(w); /* tr */
    fp_review_newline(w);
}

static void write_fact_table(page *p)
{
    fp_review_out *w = p->w;
    if (p->doc->n_facts == 0)
        return;
    fp_review_start(w, "h2");
    fp_review_text_printf(w, "Facts (%zu)", p->doc->n_facts);
    fp_review_end(w);
    fp_review_start(w, "div");
    fp_review_attr(w, "class", "table-wrap");
    fp_review_start(w, "table");
    fp_review_attr(w, "class", "facts");
    fp_review_start(w, "thead");
    fp_review_start(w, "tr");
    static const char *const heads[] = {"#", "kind", "value", "details", "text", "zone",
                                        "characters", "bytes", "plugin"};
    for (size_t i = 0; i < sizeof heads / sizeof *heads; i++)
        fp_review_element(w, "th", heads[i]);
    fp_review_end(w);
    fp_review_end(w);
    fp_review_newline(w);
    fp_review_start(w, "tbody");
    for (size_t i = 0; i < p->doc->n_facts; i++)
        write_fact_row(p, i);
    fp_review_end(w);
    fp_review_end(w);
    fp_review_end(w);
    fp_review_newline(w);
}

int fp_review_page_document(fp_review_out *w, const fp_out_doc *doc)
{
    page p = {.w = w, .doc = doc};
    int rc = -1;
    char *facts = NULL;
    if (locate_facts(&p) == 0 && count_kinds(&p) == 0 && (facts = facts_attribute(&p))) {
        fp_review_start(w, "section");
        fp_review_attr(w, "class", "doc");
        fp_review_attr(w, "data-facts", facts);
        fp_review_attr(w, "data-status", "ok");
        fp_review_attr(w, "data-source", doc->source);
        fp_review_newline(w);
        write_header(w, doc);
        write_legend(w, &p);
        rc = write_text(&p);
        write_fact_table(&p);
        fp_review_end(w); /* section */
        fp_review_newline(w);
    }
    free(facts);
    free(p.places);
    free(p.kinds);
    free(p.by_start);
    free(p.active);
    return rc;
}

void fp_review_page_failed(fp_review_out *w, const char *source, const char *reason)
{
    fp_review_start(w, "section");
    fp_review_attr(w, "class", "doc failed");
    fp_review_attr(w, "data-facts", "");
    fp_review_attr(w, "data-status", "failed");
    fp_review_attr(w, "data-source", source);
    fp_review_newline(w);
    fp_review_start(w, "header");
    fp_review_element(w, "h1", source);
    fp_review_end(w);
    fp_review_start(w, "p");
    fp_review_attr(w, "class", "error");
    fp_review_text(w, reason, strlen(reason));
    fp_review_end(w);
    fp_review_end(w);
    fp_review_newline(w);
}
