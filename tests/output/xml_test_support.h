/* Helpers shared by the output tests: run the writer into memory, parse
 * what it wrote back with libxml2, and validate it against the schema. */
#ifndef XML_TEST_SUPPORT_H
#define XML_TEST_SUPPORT_H

#include "output/fp_xml.h"

#include <libxml/tree.h>
#include <stddef.h>

/* Writes docs as one complete output (begin, documents, end) and returns
 * the malloc'ed bytes; *len gets their length.  Fails the test when any
 * writer call fails. */
char *write_output(const fp_out_doc *docs, size_t n_docs, size_t *len);

/* Parses XML bytes strictly (no recovery); fails the test when they are
 * not well-formed.  Free with xmlFreeDoc. */
xmlDocPtr parse_output(const char *xml, size_t len);

/* Number of RELAX NG errors against schema/factpipe.rng (0: valid). */
int schema_error_count(xmlDocPtr doc);

/* The n-th (0-based) child element named name, or NULL. */
xmlNodePtr child_element(xmlNodePtr parent, const char *name, int n);

/* Fails the test unless node has attribute name (no namespace) equal to
 * expected, or, with expected NULL, has no such attribute. */
void assert_attr(xmlNodePtr node, const char *name, const char *expected);

/* Fails the test unless node's text content equals expected. */
void assert_content(xmlNodePtr node, const char *expected);

#endif
