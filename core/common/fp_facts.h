/* Facts as the core holds them between the plugins and the writer: owned
 * copies of what plugins emitted, with byte spans in the extracted text. */
#ifndef FP_FACTS_H
#define FP_FACTS_H

#include <factpipe/plugin.h>
#include <stddef.h>

typedef struct fp_fact_rec {
    char *kind;
    char *value;
    size_t start, end;   /* byte span in the extracted text */
    fp_attr *attrs;      /* owned names and values */
    size_t n_attrs;
    fp_attr *children;
    size_t n_children;
    int plugin;          /* index of the plugin in the engine */
    int priority;        /* the plugin's priority in the pipeline */
    size_t seq;          /* emission order, for a stable merge */
    int dropped;         /* set by merge when a stronger fact overlaps */
} fp_fact_rec;

typedef struct fp_fact_list {
    fp_fact_rec *items;
    size_t n, cap;
} fp_fact_list;

/* Append a deep copy of f.  Returns -1 on allocation failure. */
int fp_fact_list_add(fp_fact_list *list, const char *kind, const fp_fact *f,
                     int plugin, int priority);
void fp_fact_list_clear(fp_fact_list *list);  /* frees the facts, keeps memory */
void fp_fact_list_free(fp_fact_list *list);

#endif
