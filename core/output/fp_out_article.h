/* The article of a processed document as the formats that show it (text,
 * HTML) read it from the output model: which lines are the article, and
 * its text.  Zoning decides what is article (fp_zone_line_is_article);
 * this is the one place the formats ask, so the article text of --format
 * text and the article of the HTML review page are the same text. */
#ifndef FP_OUT_ARTICLE_H
#define FP_OUT_ARTICLE_H

#include "fp_out_doc.h"

#include <stdio.h>

/* What separates two article lines in the article text: one blank line. */
#define FP_OUT_ARTICLE_SEPARATOR "\n\n"

/* Whether line i of doc is part of the article. */
int fp_out_line_is_article(const fp_out_doc *doc, size_t i);

/* The article text: the article lines in text order, one blank line
 * between two of them, then a newline; nothing for a document without
 * article text.  Characters XML forbids (control characters) are U+FFFD,
 * as in every other format, so the article reads the same in all of them.
 * 0, or -1 when out could not take it. */
int fp_out_article_write(FILE *out, const fp_out_doc *doc);

#endif
