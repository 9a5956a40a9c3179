#include "xml_test_support.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>

char *write_output(const fp_out_doc *docs, size_t n_docs, size_t *len)
{
    char *bytes = NULL;
    FILE *out = open_memstream(&bytes, len);
    assert_non_null(out);
    fp_error err = {{0}};
    fp_xml_out *w = fp_xml_out_new(out, &err);
    assert_non_null(w);
    assert_int_equal(fp_xml_out_begin(w, &err), 0);
    for (size_t i = 0; i < n_docs; i++) {
        if (fp_xml_out_document(w, &docs[i], &err) != 0)
            fail_msg("document %zu: %s", i, err.message);
    }
    assert_int_equal(fp_xml_out_end(w, &err), 0);
    fp_xml_out_free(w);
    assert_int_equal(fclose(out), 0);
    return bytes;
}

xmlDocPtr parse_output(const char *xml, size_t len)
{
    xmlDocPtr doc = xmlReadMemory(xml, (int)len, "output.xml", NULL,
                                  XML_PARSE_NONET);
    if (!doc)
        fail_msg("not well-formed XML:\n%.*s", (int)len, xml);
    return doc;
}

static void count_schema_error(void *count, xmlErrorPtr error)
{
    (void)error;
    ++*(int *)count;
}

int schema_error_count(xmlDocPtr doc)
{
    xmlRelaxNGParserCtxtPtr parser =
        xmlRelaxNGNewParserCtxt(FP_TEST_SOURCE_DIR "/schema/factpipe.rng");
    assert_non_null(parser);
    xmlRelaxNGPtr schema = xmlRelaxNGParse(parser);
    xmlRelaxNGFreeParserCtxt(parser);
    assert_non_null(schema);
    xmlRelaxNGValidCtxtPtr validator = xmlRelaxNGNewValidCtxt(schema);
    assert_non_null(validator);
    int errors = 0;
    xmlRelaxNGSetValidStructuredErrors(validator, count_schema_error, &errors);
    int rc = xmlRelaxNGValidateDoc(validator, doc);
    xmlRelaxNGFreeValidCtxt(validator);
    xmlRelaxNGFree(schema);
    assert_true(rc >= 0); /* negative: libxml2 failed internally */
    /* rc > 0 with no reported error would hide an invalid document. */
    return rc == 0 ? errors : (errors > 0 ? errors : 1);
}

xmlNodePtr child_element(xmlNodePtr parent, const char *name, int n)
{
    for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE &&
            xmlStrcmp(c->name, (const xmlChar *)name) == 0 && n-- == 0)
            return c;
    }
    return NULL;
}

void assert_attr(xmlNodePtr node, const char *name, const char *expected)
{
    assert_non_null(node);
    xmlChar *value = xmlGetNoNsProp(node, (const xmlChar *)name);
    if (!expected) {
        if (value)
            fail_msg("unexpected %s=\"%s\"", name, (const char *)value);
        return;
    }
    if (!value)
        fail_msg("attribute %s missing", name);
    int same = xmlStrcmp(value, (const xmlChar *)expected) == 0;
    if (!same)
        fail_msg("%s=\"%s\", expected \"%s\"", name, (const char *)value,
                 expected);
    xmlFree(value);
}

void assert_content(xmlNodePtr node, const char *expected)
{
    assert_non_null(node);
    xmlChar *content = xmlNodeGetContent(node);
    assert_non_null(content);
    int same = xmlStrcmp(content, (const xmlChar *)expected) == 0;
    if (!same)
        fail_msg("<%s> holds \"%s\", expected \"%s\"", (const char *)node->name,
                 (const char *)content, expected);
    xmlFree(content);
}
