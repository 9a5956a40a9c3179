/* Internal to the html stage: HTML -> fp_text in one pass over libxml2's
 * SAX events, without building a tree.
 *
 * The handlers keep their own element stack (libxml2 reports an end for
 * every element it closes implicitly, so starts and ends always pair),
 * feed text straight into a text builder with each byte's input offset
 * (fp_html_source.h), and open and close an fp_element for every block
 * element. */
#ifndef FP_HTML_SAX_H
#define FP_HTML_SAX_H

#include "../common/fp_error.h"
#include "../common/fp_text.h"

/* Parse in (no NUL bytes: see fp_html_to_text) and fill out.  Returns 0, or -1
 * with err set when memory ran out. */
int fp_html_sax_extract(const fp_decoded *in, fp_text *out, fp_error *err);

#endif
