/* The output model (core/output/fp_out_doc.h) built from fuzzed bytes, for
 * the harnesses of the output formats (XML, JSON Lines, HTML review).
 *
 * Input: a flags byte, then fields separated by NUL bytes in the order of
 * fuzz_field; missing fields are NULL.  Two facts share the kind, plugin
 * and names; the second one (flag SECOND_FACT) starts where the bytes of
 * F_SPAN say, so facts may overlap, nest or fall outside the text.  The
 * text's lines are its '\n'-separated parts, their zones and article
 * flags taken in turn from the bytes of F_ZONES. */
#ifndef FUZZ_OUT_DOC_H
#define FUZZ_OUT_DOC_H

#include "output/fp_out_doc.h"

#include <stddef.h>
#include <stdint.h>

enum fuzz_field {
    F_SOURCE, F_FORMAT, F_ENCODING, F_TITLE, F_DATE, F_BYLINE, F_TEXT,
    F_ERROR, F_KIND, F_VALUE, F_SURFACE, F_PLUGIN, F_PLUGIN_VERSION,
    F_ATTR_NAME, F_ATTR_VALUE, F_CHILD_NAME, F_CHILD_VALUE, F_ZONES, F_SPAN,
    F_URL, N_FUZZ_FIELDS
};

enum fuzz_flag {
    HAS_ERROR = 1, PARTIAL = 2, HAS_FACT = 4, CHROME = 8, HAS_ATTR = 16,
    HAS_CHILD = 32, HAS_TEXT = 64, SECOND_FACT = 128
};

typedef struct fuzz_out_doc {
    fp_out_doc doc;
    char *copy;
    const char *fields[N_FUZZ_FIELDS];
    fp_attr attr, children[2];
    fp_out_fact facts[2];
    fp_out_line *lines;
} fuzz_out_doc;

/* 0 with d->doc filled (free with fuzz_out_doc_free), -1 for an input
 * too short to hold a document. */
int fuzz_out_doc_parse(const uint8_t *data, size_t size, fuzz_out_doc *d);
void fuzz_out_doc_free(fuzz_out_doc *d);

#endif
