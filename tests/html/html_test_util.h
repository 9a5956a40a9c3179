/* Helpers shared by the html stage tests. */
#ifndef HTML_TEST_UTIL_H
#define HTML_TEST_UTIL_H

#include "html/fp_html.h"

#include <stddef.h>

/* A decoded input with the identity map (src[i] == i), as if the input
 * stage had found UTF-8 that needed no change.  Copies bytes. */
fp_decoded test_decoded(const char *bytes, size_t len);
fp_decoded test_decoded_str(const char *text);

/* The contents of tests/html/data/NAME (fails the test when unreadable). */
fp_decoded test_decoded_file(const char *name);

/* fp_html_to_text that must succeed. */
fp_text test_html(const fp_decoded *in);

/* Check everything fp_text promises, whatever the input:
 *  - text is NUL-terminated and src has len+1 entries ending at in->len;
 *  - lines are in order, never contain '\n', are separated by exactly one
 *    '\n' and cover all of the text;
 *  - elements nest inside their parents and inside the text, lines lie in
 *    their element;
 *  - every text byte points into the input at the byte it came from: the
 *    same byte, or (for a collapsed space) a white space byte, or the '&'
 *    of the reference that produced it. */
void assert_text_consistent(const fp_decoded *in, const fp_text *t);

/* Does the text contain needle? */
int text_contains(const fp_text *t, const char *needle);

#endif
