/* Where a document's facts are, for the review page (review_facts.c):
 * each fact's bytes in the extracted text, the facts of each line in one
 * sweep, and the count of each kind. */
#ifndef FP_REVIEW_FACTS_H
#define FP_REVIEW_FACTS_H

#include "fp_out_doc.h"
#include "review_marks.h"

#include <stddef.h>

/* A fact's bytes in the extracted text; located is 0 when its character
 * offsets do not fit the text. */
typedef struct fp_review_place {
    size_t start, end;
    int located;
} fp_review_place;

typedef struct fp_review_kind {
    const char *kind;
    size_t n;
} fp_review_kind;

/* A located fact in the order of where it starts. */
typedef struct fp_review_fact_start {
    size_t start, fact;
} fp_review_fact_start;

typedef struct fp_review_facts {
    const fp_out_doc *doc;
    fp_review_place *places;  /* one per fact */
    fp_review_kind *kinds;    /* in the order they first occur */
    size_t n_kinds, kinds_cap;
    /* The sweep over the lines: located facts by start, the next one to
     * reach, and those reached that may still reach the current line. */
    fp_review_fact_start *by_start;
    size_t n_located, next;
    size_t *active, n_active;
} fp_review_facts;

/* Locates doc's facts and counts their kinds: 0, or -1 when out of
 * memory (free in either case). */
int fp_review_facts_init(fp_review_facts *f, const fp_out_doc *doc);
void fp_review_facts_free(fp_review_facts *f);

/* The facts in a line, or empty ones where it stands, into spans (NULL:
 * only pass the line).  Lines must come in text order, each once: the
 * facts are swept once for the whole text. */
size_t fp_review_facts_of_line(fp_review_facts *f, const fp_out_line *line,
                               fp_review_span *spans);

/* "KIND N;KIND N" (what the folder index reads back), malloc'ed, or NULL
 * when out of memory. */
char *fp_review_facts_per_kind(const fp_review_facts *f);

#endif
