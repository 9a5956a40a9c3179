#include "fp_facts.h"

#include <stdlib.h>
#include <string.h>

static void free_attrs(fp_attr *a, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free((char *)a[i].name);
        free((char *)a[i].value);
    }
    free(a);
}

static int copy_attrs(const fp_attr *src, size_t n, fp_attr **out)
{
    *out = NULL;
    if (n == 0)
        return 0;
    fp_attr *a = calloc(n, sizeof *a);
    if (!a)
        return -1;
    for (size_t i = 0; i < n; i++) {
        a[i].name = strdup(src[i].name);
        a[i].value = strdup(src[i].value ? src[i].value : "");
        if (!a[i].name || !a[i].value) {
            free_attrs(a, i + 1);
            return -1;
        }
    }
    *out = a;
    return 0;
}

static void free_fact(fp_fact_rec *r)
{
    free(r->kind);
    free(r->value);
    free_attrs(r->attrs, r->n_attrs);
    free_attrs(r->children, r->n_children);
}

int fp_fact_list_add(fp_fact_list *list, const char *kind, const fp_fact *f, int plugin,
                     int priority)
{
    if (list->n == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 32;
        fp_fact_rec *grown = realloc(list->items, cap * sizeof *grown);
        if (!grown)
            return -1;
        list->items = grown;
        list->cap = cap;
    }
    fp_fact_rec r = {0};
    r.kind = strdup(kind);
    r.value = strdup(f->value);
    r.start = f->start;
    r.end = f->end;
    r.plugin = plugin;
    r.priority = priority;
    r.seq = list->n;
    r.n_attrs = f->n_attrs;
    r.n_children = f->n_children;
    if (!r.kind || !r.value || copy_attrs(f->attrs, f->n_attrs, &r.attrs) != 0 ||
        copy_attrs(f->children, f->n_children, &r.children) != 0) {
        r.n_attrs = r.attrs ? r.n_attrs : 0;
        r.n_children = 0;
        free_fact(&r);
        return -1;
    }
    list->items[list->n++] = r;
    return 0;
}

void fp_fact_list_clear(fp_fact_list *list)
{
    for (size_t i = 0; i < list->n; i++)
        free_fact(&list->items[i]);
    list->n = 0;
}

void fp_fact_list_free(fp_fact_list *list)
{
    fp_fact_list_clear(list);
    free(list->items);
    memset(list, 0, sizeof *list);
}
