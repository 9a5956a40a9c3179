/* The XML writer (core/output): one <document> built from fuzzed strings.
 * Whatever the strings, the output must parse back with libxml2 and be
 * valid against schema/factpipe.rng — the writer refuses a document the
 * schema would reject and replaces characters XML forbids.
 *
 * Input: see fuzz_out_doc.h. */
#include "fuzz_out_doc.h"
#include "fuzz_target.h"

#include "output/fp_xml.h"

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <string.h>

static xmlRelaxNGPtr schema(void)
{
    static xmlRelaxNGPtr rng;
    if (!rng) {
        xmlRelaxNGParserCtxtPtr parser =
            xmlRelaxNGNewParserCtxt(FP_FUZZ_SOURCE_DIR "/schema/factpipe.rng");
        rng = parser ? xmlRelaxNGParse(parser) : NULL;
        xmlRelaxNGFreeParserCtxt(parser);
        if (!rng) {
            fprintf(stderr, "fuzz_xml_writer: cannot load the schema\n");
            abort();
        }
    }
    return rng;
}

static void silent(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

/* The output must be well-formed and schema-valid. */
static void check_output(const char *xml, size_t len)
{
    xmlDocPtr doc = xmlReadMemory(xml, (int)len, "out.xml", NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR |
                                      XML_PARSE_NOWARNING);
    if (!doc) {
        fprintf(stderr, "not well-formed XML:\n%.*s\n", (int)len, xml);
        abort();
    }
    xmlRelaxNGValidCtxtPtr valid = xmlRelaxNGNewValidCtxt(schema());
    xmlRelaxNGSetValidErrors(valid, silent, silent, NULL);
    int rc = valid ? xmlRelaxNGValidateDoc(valid, doc) : -1;
    xmlRelaxNGFreeValidCtxt(valid);
    xmlFreeDoc(doc);
    if (rc != 0) {
        fprintf(stderr, "not valid against factpipe.rng:\n%.*s\n", (int)len,
                xml);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_out_doc d;
    if (fuzz_out_doc_parse(data, size, &d) != 0)
        return 0;
    schema();
    char *xml = NULL;
    size_t xml_len = 0;
    FILE *out = open_memstream(&xml, &xml_len);
    if (!out) {
        fuzz_out_doc_free(&d);
        return 0;
    }
    fp_error err = {{0}};
    fp_xml_out *w = fp_xml_out_new(out, &err);
    fuzz_check(w, "a writer on a memory stream");
    fuzz_check(fp_xml_out_begin(w, &err) == 0, "begin on a memory stream");
    if (fp_xml_out_document(w, &d.doc, &err) != 0)
        fuzz_check(err.message[0], "a refused document says why");
    fuzz_check(fp_xml_out_end(w, &err) == 0,
               "the writer stays usable after a refused document");
    fp_xml_out_free(w);
    fclose(out);
    check_output(xml, xml_len);
    free(xml);
    fuzz_out_doc_free(&d);
    return 0;
}
