#include "fp_merge.h"

#include <stdlib.h>
#include <string.h>

static int by_position(const void *a, const void *b)
{
    const fp_fact_rec *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    if (x->plugin != y->plugin)
        return x->plugin < y->plugin ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void fp_merge_facts(fp_fact_list *list)
{
    fp_fact_rec *v = list->items;
    size_t n = list->n;
    if (n == 0)
        return;
    qsort(v, n, sizeof *v, by_position);

    /* Sorted by start: the facts after v[i] that overlap it are exactly
     * those that start before v[i] ends. */
    for (size_t i = 0; i < n; i++) {
        for (size_t j = i + 1; j < n && v[j].start < v[i].end; j++) {
            if (v[i].plugin == v[j].plugin || v[i].priority == v[j].priority)
                continue;
            if (v[i].priority < v[j].priority)
                v[i].dropped = 1;
            else
                v[j].dropped = 1;
        }
    }
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        if (v[i].dropped) {
            fp_fact_list tmp = {&v[i], 1, 1};
            fp_fact_list_clear(&tmp);
            continue;
        }
        v[kept++] = v[i];
    }
    list->n = kept;
}
