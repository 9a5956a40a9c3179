/* The review page of one document (review_page.c): a <section> with the
 * document's meta, its facts per kind, its text zone by zone with every
 * fact highlighted where it stands, and the table of its facts. */
#ifndef FP_REVIEW_PAGE_H
#define FP_REVIEW_PAGE_H

#include "fp_out_doc.h"
#include "review_writer.h"

/* The head of a review page up to the opening of <main>, which stays open
 * (the elements FP_REVIEW_PAGE_OPEN names). */
void fp_review_page_head(fp_review_out *w, const char *title);
#define FP_REVIEW_PAGE_OPEN "html", "body", "main"
/* Closes what fp_review_page_head opened. */
void fp_review_page_end(fp_review_out *w);

/* <section class="doc" data-facts="KIND N;..." data-status="ok"
 * data-source="..."> for a processed document; data-facts comes first, as
 * the folder index reads it back from pages of earlier runs.  0, or -1
 * when out of memory. */
int fp_review_page_document(fp_review_out *w, const fp_out_doc *doc);
/* The section of a document that failed. */
void fp_review_page_failed(fp_review_out *w, const char *source, const char *reason);

#endif
