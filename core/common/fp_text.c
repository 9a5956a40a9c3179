#include "fp_text.h"

#include <stdlib.h>
#include <string.h>

void fp_decoded_free(fp_decoded *d)
{
    if (!d)
        return;
    free(d->utf8);
    free(d->src);
    memset(d, 0, sizeof *d);
}

void fp_markup_free(fp_markup *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->n_items; i++) {
        free(m->items[i].key);
        free(m->items[i].value);
        free(m->items[i].cues);
    }
    free(m->items);
    free(m->canonical);
    free(m->og_url);
    free(m->lang);
    free(m->jsonld);
    memset(m, 0, sizeof *m);
}

size_t fp_text_line_at(const fp_text *t, size_t pos)
{
    size_t lo = 0, hi = t->n_lines;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->lines[mid].end <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void fp_text_free(fp_text *t)
{
    if (!t)
        return;
    free(t->text);
    free(t->src);
    free(t->lines);
    for (size_t i = 0; i < t->n_elements; i++)
        free(t->elements[i].cues);
    free(t->elements);
    free(t->html_title);
    fp_markup_free(&t->markup);
    memset(t, 0, sizeof *t);
}

void fp_meta_free(fp_meta *m)
{
    if (!m)
        return;
    free(m->title);
    free(m->date);
    free(m->byline);
    memset(m, 0, sizeof *m);
}
