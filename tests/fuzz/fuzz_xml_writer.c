/* The XML writer (core/output): one <document> built from fuzzed strings.
 * Whatever the strings, the output must parse back with libxml2 and be
 * valid against schema/factpipe.rng — the writer refuses a document the
 * schema would reject and replaces characters XML forbids.
 *
 * Input: a flags byte, then fields separated by NUL bytes in the order of
 * `field` below; missing fields are NULL. */
#include "fuzz_target.h"

#include "output/fp_xml.h"

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <string.h>

enum field {
    F_SOURCE, F_FORMAT, F_ENCODING, F_TITLE, F_DATE, F_BYLINE, F_TEXT,
    F_ERROR, F_KIND, F_VALUE, F_SURFACE, F_PLUGIN, F_PLUGIN_VERSION,
    F_ATTR_NAME, F_ATTR_VALUE, F_CHILD_NAME, F_CHILD_VALUE, N_FIELDS
};

enum flag {
    HAS_ERROR = 1, PARTIAL = 2, HAS_FACT = 4, CHROME = 8, HAS_ATTR = 16,
    HAS_CHILD = 32, HAS_TEXT = 64
};

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
    if (size == 0)
        return 0;
    schema();
    unsigned flags = data[0];
    /* Fields are NUL-separated; copy so that each one ends in a NUL. */
    char *copy = malloc(size);
    if (!copy)
        return 0;
    memcpy(copy, data + 1, size - 1);
    copy[size - 1] = '\0';
    const char *fields[N_FIELDS] = {0};
    size_t n = 0;
    for (char *at = copy; n < N_FIELDS && at <= copy + size - 1;
         at += strlen(at) + 1)
        fields[n++] = at;

    fp_attr attr = {fields[F_ATTR_NAME], fields[F_ATTR_VALUE]};
    fp_attr child = {fields[F_CHILD_NAME], fields[F_CHILD_VALUE]};
    size_t surface_len = fields[F_SURFACE] ? strlen(fields[F_SURFACE]) : 0;
    fp_out_fact fact = {
        .kind = fields[F_KIND],
        .value = fields[F_VALUE],
        .start = size % 7,
        .end = size % 7 + surface_len,
        .src_start = size,
        .src_end = size + surface_len * 3,
        .text = fields[F_SURFACE],
        .plugin = fields[F_PLUGIN],
        .plugin_version = fields[F_PLUGIN_VERSION],
        .zone = (flags & CHROME) ? "chrome" : NULL,
        .attrs = (flags & HAS_ATTR) ? &attr : NULL,
        .n_attrs = (flags & HAS_ATTR) ? 1 : 0,
        .children = (flags & HAS_CHILD) ? &child : NULL,
        .n_children = (flags & HAS_CHILD) ? 1 : 0,
    };
    fp_out_doc doc = {
        .source = fields[F_SOURCE],
        .format = fields[F_FORMAT],
        .encoding = fields[F_ENCODING],
        .title = fields[F_TITLE],
        .date = fields[F_DATE],
        .byline = fields[F_BYLINE],
        .text = (flags & HAS_TEXT) ? fields[F_TEXT] : NULL,
        .error = (flags & HAS_ERROR) ? fields[F_ERROR] : NULL,
        .partial = (flags & PARTIAL) != 0,
        .facts = (flags & HAS_FACT) ? &fact : NULL,
        .n_facts = (flags & HAS_FACT) ? 1 : 0,
    };

    char *xml = NULL;
    size_t xml_len = 0;
    FILE *out = open_memstream(&xml, &xml_len);
    if (!out) {
        free(copy);
        return 0;
    }
    fp_error err = {{0}};
    fp_xml_out *w = fp_xml_out_new(out, &err);
    fuzz_check(w, "a writer on a memory stream");
    fuzz_check(fp_xml_out_begin(w, &err) == 0, "begin on a memory stream");
    if (fp_xml_out_document(w, &doc, &err) != 0)
        fuzz_check(err.message[0], "a refused document says why");
    fuzz_check(fp_xml_out_end(w, &err) == 0,
               "the writer stays usable after a refused document");
    fp_xml_out_free(w);
    fclose(out);
    check_output(xml, xml_len);
    free(xml);
    free(copy);
    return 0;
}
