/* The table of a document's facts on its review page (review_table.c). */
#ifndef FP_REVIEW_TABLE_H
#define FP_REVIEW_TABLE_H

#include "review_facts.h"
#include "review_writer.h"

/* A heading and one row per fact: kind, value, kind-specific data, text,
 * zone, offsets, plugin.  Nothing for a document without facts. */
void fp_review_fact_table(fp_review_out *w, const fp_review_facts *f);

#endif
