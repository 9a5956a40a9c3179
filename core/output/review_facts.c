/* Where a document's facts are (review_facts.h). */
#include "review_facts.h"

#include "../common/fp_grow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    const fp_review_fact_start *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->fact < y->fact ? -1 : x->fact > y->fact;
}

static int locate(fp_review_facts *f)
{
    const fp_out_doc *doc = f->doc;
    size_t n = doc->n_facts ? doc->n_facts : 1;
    f->places = calloc(n, sizeof *f->places);
    f->by_start = malloc(n * sizeof *f->by_start);
    f->active = malloc(n * sizeof *f->active);
    if (!f->places || !f->by_start || !f->active)
        return -1;
    char_cursor c = {doc->extracted ? doc->extracted : "", doc->extracted ? doc->extracted_len : 0,
                     0, 0};
    for (size_t i = 0; i < doc->n_facts; i++) {
        const fp_out_fact *fact = &doc->facts[i];
        fp_review_place *place = &f->places[i];
        if (fact->end < fact->start || !byte_of_char(&c, fact->start, &place->start))
            continue;
        char_cursor end = c;
        if (!byte_of_char(&end, fact->end, &place->end))
            continue;
        place->located = 1;
        f->by_start[f->n_located++] = (fp_review_fact_start){place->start, i};
    }
    if (f->n_located > 0)
        qsort(f->by_start, f->n_located, sizeof *f->by_start, by_start);
    return 0;
}

static int count_kinds(fp_review_facts *f)
{
    for (size_t i = 0; i < f->doc->n_facts; i++) {
        const char *kind = f->doc->facts[i].kind;
        size_t k = 0;
        while (k < f->n_kinds && strcmp(f->kinds[k].kind, kind) != 0)
            k++;
        if (k == f->n_kinds) {
            if (fp_grow((void **)&f->kinds, &f->kinds_cap, f->n_kinds + 1, sizeof *f->kinds, 8))
                return -1;
            f->kinds[f->n_kinds++] = (fp_review_kind){kind, 0};
        }
        f->kinds[k].n++;
    }
    return 0;
}

int fp_review_facts_init(fp_review_facts *f, const fp_out_doc *doc)
{
    memset(f, 0, sizeof *f);
    f->doc = doc;
    return locate(f) == 0 && count_kinds(f) == 0 ? 0 : -1;
}

void fp_review_facts_free(fp_review_facts *f)
{
    free(f->places);
    free(f->kinds);
    free(f->by_start);
    free(f->active);
    memset(f, 0, sizeof *f);
}

size_t fp_review_facts_of_line(fp_review_facts *f, const fp_out_line *line,
                               fp_review_span *spans)
{
    while (f->next < f->n_located && f->by_start[f->next].start <= line->end)
        f->active[f->n_active++] = f->by_start[f->next++].fact;
    size_t n = 0, kept = 0;
    for (size_t k = 0; k < f->n_active; k++) {
        size_t i = f->active[k];
        const fp_review_place *place = &f->places[i];
        int in_line = place->start < place->end
                          ? place->start < line->end && place->end > line->start
                          : place->start >= line->start;
        if (in_line && spans)
            spans[n++] = (fp_review_span){place->start, place->end, i};
        if (place->end > line->end) /* goes on into the next lines */
            f->active[kept++] = i;
    }
    f->n_active = kept;
    return n;
}

char *fp_review_facts_per_kind(const fp_review_facts *f)
{
    size_t size = 1;
    for (size_t k = 0; k < f->n_kinds; k++)
        size += strlen(f->kinds[k].kind) + 24;
    char *s = malloc(size), *at = s;
    if (!s)
        return NULL;
    *s = '\0';
    for (size_t k = 0; k < f->n_kinds; k++)
        at += snprintf(at, size - (size_t)(at - s), "%s%s %zu", k ? ";" : "", f->kinds[k].kind,
                       f->kinds[k].n);
    return s;
}
