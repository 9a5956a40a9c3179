/* The index of a folder of review pages, DIR/index.html (review_index.c):
 * every document with its status, a link to its page and its facts per
 * kind, and the batch totals. */
#ifndef FP_REVIEW_INDEX_H
#define FP_REVIEW_INDEX_H

#include "fp_output_format.h"

extern const fp_output_index fp_review_index;

/* How much of an earlier run's page is read to find its facts per kind:
 * its section starts after the head (about 4 KB, most of it the stylesheet). */
#define FP_REVIEW_INDEX_READ_BYTES (64 * 1024)

#endif
