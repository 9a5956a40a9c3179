/* schema/factpipe.rng itself: it accepts the vocabulary and rejects what
 * falls outside it, so a schema that accepted anything would fail here. */
#include "xml_test_support.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/parser.h>

#define ROOT_START "<factpipe xmlns=\"urn:factpipe:1\" version=\"0.2.0\">"
#define DOC_START "<document source=\"a.html\" format=\"html\">"
#define FACT_CORE "kind=\"count\" value=\"3\" start=\"0\" end=\"2\" " \
                  "src-start=\"10\" src-end=\"12\" text=\"03\" " \
                  "plugin=\"count\" plugin-version=\"1.0.0\""
/* One document holding meta and body, wrapped in the root. */
#define IN_DOCUMENT(body) \
    ROOT_START DOC_START "<meta/>" body "</document></factpipe>"

static int errors_in(const char *xml)
{
    xmlDocPtr doc = parse_output(xml, strlen(xml));
    int errors = schema_error_count(doc);
    xmlFreeDoc(doc);
    return errors;
}

static void assert_valid(const char *xml)
{
    if (errors_in(xml) != 0)
        fail_msg("schema rejects valid XML:\n%s", xml);
}

static void assert_invalid(const char *xml)
{
    if (errors_in(xml) == 0)
        fail_msg("schema accepts invalid XML:\n%s", xml);
}

static void test_example_file_is_valid(void **state)
{
    (void)state;
    xmlDocPtr doc = xmlReadFile(FP_TEST_SOURCE_DIR
                                "/tests/output/data/example.xml", NULL,
                                XML_PARSE_NONET);
    assert_non_null(doc);
    assert_int_equal(schema_error_count(doc), 0);
    xmlFreeDoc(doc);
}

static void test_vocabulary_is_accepted(void **state)
{
    (void)state;
    assert_valid(ROOT_START "</factpipe>");
    assert_valid(IN_DOCUMENT("<fact " FACT_CORE "/>"));
    /* Extension attributes and children, every zone name, empty text. */
    assert_valid(IN_DOCUMENT(
        "<fact " FACT_CORE " zone=\"chrome\" unit=\"Đoàn giám sát\" "
        "any-new-thing=\"x\"><title>Chủ tịch</title><note/></fact>"));
    static const char *const zones[] = {"title", "dateline", "lead", "body",
                                        "byline"};
    for (size_t i = 0; i < sizeof zones / sizeof *zones; i++) {
        char xml[1024];
        snprintf(xml, sizeof xml,
                 IN_DOCUMENT("<fact " FACT_CORE " zone=\"%s\"/>"), zones[i]);
        assert_valid(xml);
    }
    /* A kind the schema has never heard of. */
    assert_valid(IN_DOCUMENT("<fact kind=\"phone-number\" value=\"x\" "
                             "start=\"0\" end=\"1\" src-start=\"0\" "
                             "src-end=\"1\" text=\"\" plugin=\"p\" "
                             "plugin-version=\"1\"/>"));
    assert_valid(ROOT_START
                 "<document source=\"a\" format=\"text\" encoding=\"utf-8\" "
                 "partial=\"true\"><meta><title>T</title><date>2018-10"
                 "</date><byline>B</byline></meta><text>t</text></document>"
                 "<document source=\"b\"><error>why</error></document>"
                 "</factpipe>");
}

static void test_fact_core_attributes_are_required_and_typed(void **state)
{
    (void)state;
    /* Each core attribute missing in turn. */
    static const char *const core_names[] = {
        "kind", "value", "start", "end", "src-start", "src-end",
        "text", "plugin", "plugin-version",
    };
    for (size_t i = 0; i < sizeof core_names / sizeof *core_names; i++) {
        char xml[1024];
        snprintf(xml, sizeof xml, IN_DOCUMENT("<fact %s/>"), FACT_CORE);
        /* Rename the attribute to an allowed extension name (kind ->
         * Qind, src-end -> Qrc-end), so only its absence is wrong. */
        char needle[40];
        snprintf(needle, sizeof needle, " %s=", core_names[i]);
        char *at = strstr(xml, needle);
        assert_non_null(at);
        at[1] = 'Q';
        assert_invalid(xml);
    }
    assert_invalid(IN_DOCUMENT(
        "<fact kind=\"count\" start=\"0\" end=\"2\" src-start=\"10\" "
        "src-end=\"12\" text=\"03\" plugin=\"count\" "
        "plugin-version=\"1.0.0\"/>"));
    assert_invalid(IN_DOCUMENT(
        "<fact kind=\"count\" value=\"3\" start=\"-1\" end=\"2\" "
        "src-start=\"10\" src-end=\"12\" text=\"03\" plugin=\"count\" "
        "plugin-version=\"1.0.0\"/>"));
    assert_invalid(IN_DOCUMENT(
        "<fact kind=\"count\" value=\"3\" start=\"0\" end=\"two\" "
        "src-start=\"10\" src-end=\"12\" text=\"03\" plugin=\"count\" "
        "plugin-version=\"1.0.0\"/>"));
    assert_invalid(IN_DOCUMENT(
        "<fact kind=\"count\" value=\"\" start=\"0\" end=\"2\" "
        "src-start=\"10\" src-end=\"12\" text=\"03\" plugin=\"count\" "
        "plugin-version=\"1.0.0\"/>"));
    assert_invalid(IN_DOCUMENT(
        "<fact kind=\"Count\" value=\"3\" start=\"0\" end=\"2\" "
        "src-start=\"10\" src-end=\"12\" text=\"03\" plugin=\"count\" "
        "plugin-version=\"1.0.0\"/>"));
}

static void test_fact_extensions_are_limited(void **state)
{
    (void)state;
    assert_invalid(IN_DOCUMENT("<fact " FACT_CORE " zone=\"sidebar\"/>"));
    /* Extension attributes live in no namespace. */
    assert_invalid(IN_DOCUMENT("<fact xmlns:o=\"urn:other\" " FACT_CORE
                               " o:unit=\"x\"/>"));
    /* Children carry text only. */
    assert_invalid(IN_DOCUMENT("<fact " FACT_CORE
                               "><title lang=\"vi\">x</title></fact>"));
    assert_invalid(IN_DOCUMENT("<fact " FACT_CORE
                               "><title><b>x</b></title></fact>"));
    assert_invalid(IN_DOCUMENT("<fact " FACT_CORE
                               "><o:title xmlns:o=\"urn:other\">x</o:title>"
                               "</fact>"));
}

static void test_document_structure_is_enforced(void **state)
{
    (void)state;
    /* No version, wrong namespace. */
    assert_invalid("<factpipe xmlns=\"urn:factpipe:1\"></factpipe>");
    assert_invalid("<factpipe version=\"0.2.0\"></factpipe>");
    /* A read document needs meta and format; order is meta, text, facts. */
    assert_invalid(ROOT_START DOC_START "</document></factpipe>");
    assert_invalid(ROOT_START "<document source=\"a\"><meta/></document>"
                              "</factpipe>");
    assert_invalid(ROOT_START DOC_START "<text>t</text><meta/></document>"
                              "</factpipe>");
    assert_invalid(IN_DOCUMENT("<fact " FACT_CORE "/><text>t</text>"));
    assert_invalid(ROOT_START "<document format=\"html\"><meta/></document>"
                              "</factpipe>");
    assert_invalid(ROOT_START "<document source=\"\" format=\"html\"><meta/>"
                              "</document></factpipe>");
    assert_invalid(ROOT_START "<document source=\"a\" format=\"pdf\"><meta/>"
                              "</document></factpipe>");
    assert_invalid(ROOT_START DOC_START "<meta><date>09/10/2018</date></meta>"
                              "</document></factpipe>");
    assert_invalid(ROOT_START "<document source=\"a\" format=\"html\" "
                              "partial=\"yes\"><meta/></document></factpipe>");
    /* A failed document holds its error and nothing else. */
    assert_invalid(ROOT_START "<document source=\"a\"><meta/><error>x</error>"
                              "</document></factpipe>");
    assert_invalid(ROOT_START "<document source=\"a\"><error>x</error><fact "
                              FACT_CORE "/></document></factpipe>");
}

static void test_zones_follow_the_text(void **state)
{
    (void)state;
    assert_valid(IN_DOCUMENT("<text>Menu\nHeadline\nBody.</text>"
                             "<zone kind=\"chrome\" start=\"0\" end=\"4\"/>"
                             "<zone kind=\"title\" start=\"5\" end=\"13\"/>"
                             "<zone kind=\"body\" start=\"14\" end=\"19\"/>"
                             "<fact " FACT_CORE "/>"));
    static const char *const kinds[] = {"title", "dateline", "lead", "body",
                                        "byline", "chrome"};
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
        char xml[1024];
        snprintf(xml, sizeof xml,
                 IN_DOCUMENT("<text>t</text><zone kind=\"%s\" start=\"0\" "
                             "end=\"1\"/>"),
                 kinds[i]);
        assert_valid(xml);
    }
    /* Zones are standoff on <text>: not without it, not after facts. */
    assert_invalid(IN_DOCUMENT("<zone kind=\"body\" start=\"0\" end=\"1\"/>"));
    assert_invalid(IN_DOCUMENT("<text>t</text><fact " FACT_CORE "/>"
                               "<zone kind=\"body\" start=\"0\" end=\"1\"/>"));
    assert_invalid(IN_DOCUMENT("<text>t</text><zone kind=\"sidebar\" "
                               "start=\"0\" end=\"1\"/>"));
    assert_invalid(IN_DOCUMENT("<text>t</text><zone kind=\"body\" "
                               "start=\"0\"/>"));
    assert_invalid(IN_DOCUMENT("<text>t</text><zone kind=\"body\" "
                               "start=\"-1\" end=\"1\"/>"));
    assert_invalid(IN_DOCUMENT("<text>t</text><zone kind=\"body\" "
                               "start=\"0\" end=\"1\">x</zone>"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_example_file_is_valid),
        cmocka_unit_test(test_vocabulary_is_accepted),
        cmocka_unit_test(test_fact_core_attributes_are_required_and_typed),
        cmocka_unit_test(test_fact_extensions_are_limited),
        cmocka_unit_test(test_document_structure_is_enforced),
        cmocka_unit_test(test_zones_follow_the_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
