/* The look of the review pages (review_style.c): one stylesheet, inline in
 * every page, and a colour per fact kind. */
#ifndef FP_REVIEW_STYLE_H
#define FP_REVIEW_STYLE_H

#include "review_writer.h"

#include <stddef.h>

/* The stylesheet: screen, phone and print; no '<' or '&' in it. */
extern const char fp_review_css[];

/* The colour of a fact kind as CSS ("#ffd166", "hsl(212 70% 82%)") into
 * out: a fixed one for the kinds factpipe ships, else one derived from a
 * hash of the kind's name, so that every kind keeps its colour from page
 * to page and run to run. */
void fp_review_kind_colour(const char *kind, char *out, size_t size);

/* style="--fc:COLOUR" on the element being started: what highlights and
 * chips of a kind take their colour from. */
void fp_review_kind_style(fp_review_out *w, const char *kind);

#endif
