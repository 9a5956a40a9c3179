/* One document's section of a review page (review_page.h). */
#include "review_page.h"
#include "fp_out_article.h"
#include "review_facts.h"
#include "review_marks.h"
#include "review_style.h"
#include "review_table.h"

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

void fp_review_page_end(fp_review_out *w)
{
    fp_review_end(w); /* main */
    fp_review_end(w); /* body */
    fp_review_end(w); /* html */
    fp_review_newline(w);
}

typedef struct page {
    fp_review_out *w;
    const fp_out_doc *doc;
    fp_review_facts facts;
} page;

/* ---- the parts of the section ----------------------------------------- */

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
    if (p->facts.n_kinds == 0)
        fp_review_element(w, "li", "no facts");
    for (size_t k = 0; k < p->facts.n_kinds; k++) {
        fp_review_start(w, "li");
        fp_review_attr(w, "class", "chip");
        fp_review_kind_style(w, p->facts.kinds[k].kind);
        fp_review_text_printf(w, "%s %zu", p->facts.kinds[k].kind, p->facts.kinds[k].n);
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
    fp_review_kind_style(w, f->kind);
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
    size_t n = fp_review_facts_of_line(&p->facts, line, spans);
    static const fp_review_marks_sink sink = {mark_text, mark_open, mark_close};
    line_writer lw = {p, 0};
    fp_review_start(p->w, "p");
    int rc = fp_review_marks(spans, n, line->start, line->end, &sink, &lw);
    fp_review_end(p->w);
    fp_review_newline(p->w);
    return rc == 0 && !lw.failed ? 0 : -1;
}

/* Two lines of one zone, and on the same side of the article's edge. */
static int same_zone(const fp_out_doc *doc, size_t a, size_t b)
{
    const fp_out_line *x = &doc->lines[a], *y = &doc->lines[b];
    return x->zone == y->zone && fp_out_line_is_article(doc, a) == fp_out_line_is_article(doc, b) &&
           (x->name == y->name || (x->name && y->name && strcmp(x->name, y->name) == 0));
}

/* A zone's name as a class and label: [a-z] only, whatever the model says. */
static const char *zone_label(const fp_out_line *line)
{
    const char *name = line->name;
    if (!name || !*name)
        return "zone";
    for (const char *c = name; *c; c++)
        if (*c < 'a' || *c > 'z')
            return "zone";
    return name;
}

/* The text, one <div class="zone"> per run of lines of one zone (and the
 * same side of the article's edge: a caption is a body line that is not
 * running text); chrome only when it was kept. */
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
        while (end < doc->n_lines && same_zone(doc, i, end))
            end++;
        const char *zone = zone_label(first);
        if (first->zone == FP_ZONE_CHROME && !doc->chrome_kept) {
            for (size_t k = i; k < end; k++)
                fp_review_facts_of_line(&p->facts, &doc->lines[k], NULL); /* passed, not shown */
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

int fp_review_page_document(fp_review_out *w, const fp_out_doc *doc)
{
    page p = {.w = w, .doc = doc};
    int rc = -1;
    char *per_kind = NULL;
    if (fp_review_facts_init(&p.facts, doc) == 0 && (per_kind = fp_review_facts_per_kind(&p.facts))) {
        fp_review_start(w, "section");
        fp_review_attr(w, "class", "doc");
        fp_review_attr(w, "data-facts", per_kind);
        fp_review_attr(w, "data-status", "ok");
        fp_review_attr(w, "data-source", doc->source);
        fp_review_newline(w);
        write_header(w, doc);
        write_legend(w, &p);
        rc = write_text(&p);
        fp_review_fact_table(w, &p.facts);
        fp_review_end(w); /* section */
        fp_review_newline(w);
    }
    free(per_kind);
    fp_review_facts_free(&p.facts);
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
