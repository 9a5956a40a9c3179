/* DIR/index.html for --format html -o DIR/ (review_index.h).  The rows
 * are written as the run goes (a run of a million pages keeps no list in
 * memory); the totals come last in the file and first on screen (CSS
 * order).  A document an earlier run finished (--resume) has no tally
 * from this run: its counts are read back from the data-facts attribute
 * its page starts its section with. */
#include "review_index.h"
#include "review_page.h"
#include "review_style.h"
#include "review_writer.h"

#include "../common/fp_grow.h"

#include <stdlib.h>
#include <string.h>

typedef struct kind_total {
    char *kind;
    size_t facts, documents;
} kind_total;

typedef struct index_state {
    size_t documents, ok, failed, unknown, facts;
    kind_total *kinds; /* in the order they first occur */
    size_t n_kinds, cap;
} index_state;

static const char *const rows_open[] = {FP_REVIEW_PAGE_OPEN, "div", "table", "tbody", NULL};

/* ---- facts per kind: "KIND N" items ----------------------------------- */

typedef struct kind_count {
    char kind[64];
    size_t n;
} kind_count;

/* Parses "KIND N" items separated by sep ('\n' in a tally, ';' in a
 * page's data-facts); 0, or -1 when the text is not such a list.  At most
 * max items; *n gets how many. */
static int parse_counts(const char *s, char sep, kind_count *out, size_t max, size_t *n)
{
    *n = 0;
    while (*s) {
        size_t kind_len = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-");
        if (kind_len == 0 || kind_len >= sizeof out->kind || s[kind_len] != ' ' || *n == max)
            return -1;
        char *end;
        unsigned long long count = strtoull(s + kind_len + 1, &end, 10);
        if (end == s + kind_len + 1 || (*end && *end != sep))
            return -1;
        memcpy(out[*n].kind, s, kind_len);
        out[*n].kind[kind_len] = '\0';
        out[(*n)++].n = (size_t)count;
        s = *end ? end + 1 : end;
    }
    return 0;
}

/* The data-facts of the section an earlier run's page holds, malloc'ed,
 * or NULL when the page cannot be read or holds none. */
static char *read_back_facts(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *head = malloc(FP_REVIEW_INDEX_READ_BYTES + 1);
    size_t n = head ? fread(head, 1, FP_REVIEW_INDEX_READ_BYTES, f) : 0;
    fclose(f);
    if (!head)
        return NULL;
    head[n] = '\0';
    /* The writer escapes '"' in every attribute value, so this start tag
     * cannot be forged by a document's own text. */
    static const char marker[] = "<section class=\"doc\" data-facts=\"";
    char *at = strstr(head, marker), *value = NULL;
    if (at) {
        at += sizeof marker - 1;
        char *end = strchr(at, '"');
        if (end)
            value = strndup(at, (size_t)(end - at));
    }
    free(head);
    return value;
}

/* ---- the page ----------------------------------------------------------- */

/* A path relative to the index as a URL path: every byte but unreserved
 * ones and '/' percent-encoded, so that no file name is read as a scheme
 * ("javascript:"), a query or a fragment. */
static char *href_of(const char *file)
{
    static const char hex[] = "0123456789ABCDEF";
    char *out = malloc(strlen(file) * 3 + 1), *o = out;
    if (!out)
        return NULL;
    for (const unsigned char *c = (const unsigned char *)file; *c; c++) {
        if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
            strchr("-._~/", *c)) {
            *o++ = (char)*c;
        } else {
            *o++ = '%';
            *o++ = hex[*c >> 4];
            *o++ = hex[*c & 15];
        }
    }
    *o = '\0';
    return out;
}

/* "KIND N" in the kind's colour, or "KIND N in M documents" (m > 0). */
static void chip(fp_review_out *w, const char *kind, size_t n, size_t m)
{
    fp_review_start(w, "span");
    fp_review_attr(w, "class", "chip");
    fp_review_kind_style(w, kind);
    fp_review_text_printf(w, "%s %zu", kind, n);
    if (m)
        fp_review_text_printf(w, " in %zu document%s", m, m == 1 ? "" : "s");
    fp_review_end(w);
    fp_review_text(w, " ", 1);
}

static void *index_open(FILE *out, fp_error *err)
{
    index_state *s = calloc(1, sizeof *s);
    if (!s) {
        fp_error_set(err, "out of memory");
        return NULL;
    }
    fp_review_out *w = fp_review_open(out, NULL, err);
    if (!w) {
        free(s);
        return NULL;
    }
    fp_review_page_head(w, "factpipe review: index");
    fp_review_start(w, "h1");
    fp_review_attr(w, "class", "index-title");
    fp_review_text_printf(w, "factpipe review");
    fp_review_end(w);
    fp_review_newline(w);
    fp_review_start(w, "div");
    fp_review_attr(w, "class", "table-wrap");
    fp_review_start(w, "table");
    fp_review_attr(w, "class", "documents");
    fp_review_start(w, "thead");
    fp_review_start(w, "tr");
    fp_review_element(w, "th", "#");
    fp_review_element(w, "th", "document");
    fp_review_element(w, "th", "status");
    fp_review_element(w, "th", "facts per kind");
    fp_review_end(w);
    fp_review_end(w);
    fp_review_newline(w);
    fp_review_start(w, "tbody");
    fp_review_newline(w);
    if (fp_review_close(w, err) != 0) {
        free(s);
        return NULL;
    }
    return s;
}

static int add_to_totals(index_state *s, const kind_count *counts, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t k = 0;
        while (k < s->n_kinds && strcmp(s->kinds[k].kind, counts[i].kind) != 0)
            k++;
        if (k == s->n_kinds) {
            char *kind = strdup(counts[i].kind);
            if (!kind || fp_grow((void **)&s->kinds, &s->cap, s->n_kinds + 1, sizeof *s->kinds,
                                 8) != 0) {
                free(kind);
                return -1;
            }
            s->kinds[s->n_kinds++] = (kind_total){kind, 0, 0};
        }
        s->kinds[k].facts += counts[i].n;
        s->kinds[k].documents++;
        s->facts += counts[i].n;
    }
    return 0;
}

enum { MAX_KINDS_PER_DOCUMENT = 256 };

static int index_add(void *state, FILE *out, const fp_output_entry *e, fp_error *err)
{
    index_state *s = state;
    kind_count *counts = malloc(MAX_KINDS_PER_DOCUMENT * sizeof *counts);
    char *read_back = NULL, *href = href_of(e->file);
    if (!counts || !href) {
        free(counts);
        free(href);
        return fp_error_set(err, "out of memory");
    }
    int ok = strcmp(e->status, "ok") == 0;
    const char *tally = e->tally;
    char sep = '\n';
    if (!tally && ok) {
        tally = read_back = read_back_facts(e->path);
        sep = ';';
    }
    size_t n = 0;
    int known = !ok || (tally && parse_counts(tally, sep, counts, MAX_KINDS_PER_DOCUMENT, &n) == 0);
    s->documents++;
    s->ok += ok;
    s->failed += !ok;
    s->unknown += !known;
    int rc = known && add_to_totals(s, counts, n) != 0 ? -1 : 0;

    fp_review_out *w = fp_review_open(out, rows_open, err);
    if (!w) {
        free(counts);
        free(read_back);
        free(href);
        return -1;
    }
    fp_review_start(w, "tr");
    fp_review_attr(w, "class", e->status);
    fp_review_start(w, "td");
    fp_review_attr(w, "class", "num");
    fp_review_text_printf(w, "%zu", s->documents);
    fp_review_end(w);
    fp_review_start(w, "td");
    fp_review_start(w, "a");
    fp_review_attr(w, "href", href);
    fp_review_text(w, e->source, strlen(e->source));
    fp_review_end(w);
    fp_review_end(w);
    fp_review_start(w, "td");
    fp_review_text_printf(w, "%s%s%s", e->status, e->reason ? ": " : "",
                          e->reason ? e->reason : "");
    fp_review_end(w);
    fp_review_start(w, "td");
    if (!known)
        fp_review_text_printf(w, "unknown (its page from an earlier run holds no counts)");
    for (size_t i = 0; known && i < n; i++)
        chip(w, counts[i].kind, counts[i].n, 0);
    fp_review_end(w);
    fp_review_end(w);
    fp_review_newline(w);
    free(counts);
    free(read_back);
    free(href);
    if (fp_review_close(w, err) != 0)
        return -1;
    return rc == 0 ? 0 : fp_error_set(err, "out of memory");
}

static int index_close(void *state, FILE *out, fp_error *err)
{
    index_state *s = state;
    fp_review_out *w = fp_review_open(out, rows_open, err);
    if (!w)
        return -1;
    fp_review_end(w); /* tbody */
    fp_review_end(w); /* table */
    fp_review_end(w); /* div */
    fp_review_newline(w);
    fp_review_start(w, "section");
    fp_review_attr(w, "class", "totals");
    fp_review_start(w, "p");
    fp_review_text_printf(w, "%zu document%s: %zu ok, %zu failed; %zu fact%s", s->documents,
                          s->documents == 1 ? "" : "s", s->ok, s->failed, s->facts,
                          s->facts == 1 ? "" : "s");
    if (s->unknown)
        fp_review_text_printf(w, " (and those of %zu earlier page%s whose counts could not be "
                                 "read)", s->unknown, s->unknown == 1 ? "" : "s");
    fp_review_end(w);
    fp_review_start(w, "p");
    fp_review_attr(w, "class", "legend");
    for (size_t k = 0; k < s->n_kinds; k++)
        chip(w, s->kinds[k].kind, s->kinds[k].facts, s->kinds[k].documents);
    fp_review_end(w);
    fp_review_end(w); /* section */
    fp_review_newline(w);
    fp_review_page_end(w);
    return fp_review_close(w, err);
}

static void index_free(void *state)
{
    index_state *s = state;
    if (!s)
        return;
    for (size_t k = 0; k < s->n_kinds; k++)
        free(s->kinds[k].kind);
    free(s->kinds);
    free(s);
}

const fp_output_index fp_review_index = {
    .name = "index.html",
    .open = index_open,
    .add = index_add,
    .close = index_close,
    .free = index_free,
};
