/* The XML format: schema/factpipe.rng's vocabulary, written by the one
 * libxml2 writer of fp_xml_writer.c.  Each hook runs a fresh writer, so
 * the bytes of a head, a document and a tail written apart are the bytes
 * one writer would have written for the whole output. */
#include "fp_output_format.h"
#include "fp_xml.h"

#include <stdlib.h>
#include <string.h>

static int xml_head(FILE *out, fp_error *err)
{
    fp_xml_out *w = fp_xml_out_new(out, err);
    int rc = w ? fp_xml_out_begin(w, err) : -1;
    fp_xml_out_free(w);
    return rc;
}

/* The closing is the same after any number of documents: the head ends
 * the root's start tag with a newline, so an empty root is not "<x/>". */
static int xml_tail(FILE *out, size_t n_documents, fp_error *err)
{
    (void)n_documents;
    fp_xml_out *w = fp_xml_out_new(out, err);
    int rc = w ? fp_xml_out_begin_fragment(w, err) : -1;
    if (rc == 0)
        rc = fp_xml_out_end(w, err);
    fp_xml_out_free(w);
    return rc;
}

static int xml_render(FILE *out, const fp_out_doc *doc, fp_error *err)
{
    fp_xml_out *w = fp_xml_out_new(out, err);
    int rc = w ? fp_xml_out_begin_fragment(w, err) : -1;
    if (rc == 0)
        rc = fp_xml_out_document(w, doc, err);
    fp_xml_out_free(w);
    return rc;
}

const fp_output_format fp_output_format_xml = {
    .name = "xml",
    .extension = ".xml",
    .summary = "<factpipe> XML (schema/factpipe.rng)",
    .failures = "their <error> elements",
    .head = xml_head,
    .between = NULL,
    .tail = xml_tail,
    .render = xml_render,
};
