/* HTML → text with offsets, and plain text → lines. */
#ifndef FP_HTML_H
#define FP_HTML_H

#include "../common/fp_error.h"
#include "../common/fp_text.h"

/* Call once per process before any parsing (raises libxml2's depth limit,
 * initializes the parser).  Not thread-safe; idempotent. */
void fp_html_init(void);

/* Nesting depth past which a page is cut and marked partial: libxml2's own
 * limit (256 in 2.9.14; docs/RELIABILITY.md, HTML parsing) is raised to
 * this by default. */
#define FP_HTML_DEFAULT_MAX_DEPTH 4096

/* Set the depth limit for every later parse in this process (it is
 * libxml2's global xmlParserMaxDepth).  Call after fp_html_init, before
 * starting threads or worker processes. */
void fp_html_set_max_depth(unsigned depth);

/* Parse decoded HTML with libxml2's HTML parser (recover, no network, no
 * error output) from memory and extract its text: block elements become
 * line breaks, inline elements join without added spaces, white space
 * collapses, entities are decoded, script/style/comments are dropped.
 * Every text byte maps to an input byte through in->src.
 * Fills out (free with fp_text_free). */
int fp_html_to_text(const fp_decoded *in, fp_text *out, fp_error *err);

/* Plain text: the decoded text itself, one line per input line (a lone
 * '\r' ends a line too); leading and trailing white space is trimmed,
 * runs of spaces, tabs and NUL bytes collapse to one space, blank lines
 * are dropped. */
int fp_plaintext_to_text(const fp_decoded *in, fp_text *out, fp_error *err);

#endif
