/* The XML writer: every output is parsed back and validated against
 * schema/factpipe.rng. */
#include "xml_test_support.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <libxml/parser.h>

#define FFFD "\xEF\xBF\xBD"

/* Writes docs, checks the bytes are well-formed and schema-valid, and
 * returns the parsed tree. */
static xmlDocPtr write_and_parse(const fp_out_doc *docs, size_t n_docs)
{
    size_t len = 0;
    char *xml = write_output(docs, n_docs, &len);
    xmlDocPtr doc = parse_output(xml, len);
    if (schema_error_count(doc) != 0)
        fail_msg("output is not schema-valid:\n%s", xml);
    free(xml);
    return doc;
}

static xmlNodePtr nth_document(xmlDocPtr doc, int n)
{
    return child_element(xmlDocGetRootElement(doc), "document", n);
}

static const fp_attr count_attrs[] = {{"unit", "đảng viên"}};
static const fp_attr official_titles[] = {
    {"title", "Thành ủy viên"},
    {"title", "Bí thư Quận ủy"},
};

static const fp_out_fact full_facts[] = {
    {.kind = "count", .value = "203", .start = 21, .end = 34,
     .src_start = 4690, .src_end = 4706, .text = "203 đảng viên",
     .plugin = "count", .plugin_version = "1.0.0",
     .attrs = count_attrs, .n_attrs = 1},
    {.kind = "official", .value = "Lê Thị Mỹ Hạnh", .start = 58, .end = 72,
     .src_start = 4735, .src_end = 4755, .text = "Lê Thị Mỹ Hạnh",
     .plugin = "official", .plugin_version = "2.3.1",
     .children = official_titles, .n_children = 2},
    {.kind = "percentage", .value = "56.6", .start = 200, .end = 206,
     .src_start = 9001, .src_end = 9007, .text = "56.6 %",
     .plugin = "percentage", .plugin_version = "1.0.0", .zone = "chrome"},
};

static const fp_out_doc full_doc = {
    .source = "samples/quận-ủy.html",
    .format = "html",
    .encoding = "windows-1258",
    .title = "Hội nghị sơ kết công tác xây dựng Đảng",
    .date = "2018-10-09",
    .byline = "Thu Lan",
    .text = "Đảng bộ quận kết nạp 203 đảng viên.\nĐồng chí Lê Thị Mỹ Hạnh",
    .partial = 1,
    .facts = full_facts,
    .n_facts = 3,
};

static void test_full_document_round_trips(void **state)
{
    (void)state;
    xmlDocPtr doc = write_and_parse(&full_doc, 1);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    assert_string_equal((const char *)root->name, "factpipe");
    assert_non_null(root->ns);
    assert_string_equal((const char *)root->ns->href, FP_XML_NAMESPACE);
    assert_attr(root, "version", FP_XML_FORMAT_VERSION);

    xmlNodePtr document = nth_document(doc, 0);
    assert_attr(document, "source", "samples/quận-ủy.html");
    assert_attr(document, "format", "html");
    assert_attr(document, "encoding", "windows-1258");
    assert_attr(document, "partial", "true");
    assert_null(nth_document(doc, 1));

    xmlNodePtr meta = child_element(document, "meta", 0);
    assert_content(child_element(meta, "title", 0),
                   "Hội nghị sơ kết công tác xây dựng Đảng");
    assert_content(child_element(meta, "date", 0), "2018-10-09");
    assert_content(child_element(meta, "byline", 0), "Thu Lan");
    assert_content(child_element(document, "text", 0), full_doc.text);
    assert_null(child_element(document, "error", 0));

    xmlNodePtr count = child_element(document, "fact", 0);
    assert_attr(count, "kind", "count");
    assert_attr(count, "value", "203");
    assert_attr(count, "start", "21");
    assert_attr(count, "end", "34");
    assert_attr(count, "src-start", "4690");
    assert_attr(count, "src-end", "4706");
    assert_attr(count, "text", "203 đảng viên");
    assert_attr(count, "plugin", "count");
    assert_attr(count, "plugin-version", "1.0.0");
    assert_attr(count, "unit", "đảng viên");
    assert_attr(count, "zone", NULL);

    xmlNodePtr official = child_element(document, "fact", 1);
    assert_attr(official, "value", "Lê Thị Mỹ Hạnh");
    assert_attr(official, "plugin-version", "2.3.1");
    assert_content(child_element(official, "title", 0), "Thành ủy viên");
    assert_content(child_element(official, "title", 1), "Bí thư Quận ủy");
    assert_null(child_element(official, "title", 2));

    xmlNodePtr chrome = child_element(document, "fact", 2);
    assert_attr(chrome, "kind", "percentage");
    assert_attr(chrome, "zone", "chrome");
    assert_null(child_element(document, "fact", 3));
    xmlFreeDoc(doc);
}

static const fp_out_fact percent_fact = {
    .kind = "percentage", .value = "5", .start = 0, .end = 2,
    .src_start = 7, .src_end = 9, .text = "5%",
    .plugin = "percentage", .plugin_version = "1.0.0",
};

static const fp_out_doc small_doc = {
    .source = "a.txt", .format = "text", .facts = &percent_fact, .n_facts = 1,
};

/* The exact bytes: indentation, attribute order, no partial or encoding
 * attribute when not set.  Writing twice gives the same bytes. */
static void test_output_layout_is_exact_and_deterministic(void **state)
{
    (void)state;
    static const char expected[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<factpipe xmlns=\"urn:factpipe:1\" version=\"0.2.0\">\n"
        "  <document source=\"a.txt\" format=\"text\">\n"
        "    <meta/>\n"
        "    <fact kind=\"percentage\" value=\"5\" start=\"0\" end=\"2\" "
        "src-start=\"7\" src-end=\"9\" text=\"5%\" plugin=\"percentage\" "
        "plugin-version=\"1.0.0\"/>\n"
        "  </document>\n"
        "</factpipe>\n";
    size_t len = 0, again_len = 0;
    char *xml = write_output(&small_doc, 1, &len);
    char *again = write_output(&small_doc, 1, &again_len);
    assert_string_equal(xml, expected);
    assert_int_equal(len, strlen(expected));
    assert_int_equal(again_len, len);
    assert_memory_equal(again, xml, len);
    free(xml);
    free(again);
}

/* Each call hands the FILE whole tags: after begin, the root start tag is
 * closed; after a document, the document is complete.  A crash between
 * calls thus leaves output that only lacks its end. */
static void test_each_call_writes_whole_tags(void **state)
{
    (void)state;
    char *bytes = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&bytes, &len);
    assert_non_null(out);
    fp_error err = {{0}};
    fp_xml_out *w = fp_xml_out_new(out, &err);
    assert_non_null(w);
    assert_int_equal(fp_xml_out_begin(w, &err), 0);
    assert_int_equal(fflush(out), 0);
    assert_string_equal(bytes, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<factpipe xmlns=\"urn:factpipe:1\" "
                               "version=\"0.2.0\">\n");
    assert_int_equal(fp_xml_out_document(w, &small_doc, &err), 0);
    assert_int_equal(fflush(out), 0);
    assert_true(len > 14);
    assert_string_equal(bytes + len - 14, "  </document>\n");
    fp_xml_out_free(w);
    fclose(out);
    free(bytes);
}

static void test_empty_output_is_valid(void **state)
{
    (void)state;
    xmlDocPtr doc = write_and_parse(NULL, 0);
    assert_null(nth_document(doc, 0));
    xmlFreeDoc(doc);
}

/* Markup characters and the whitespace a parser would normalize in
 * attributes (\t \n \r) come back exactly as given. */
#define TRICKY "<a> & \"b\" 'c' ]]> x\ty\nz\r\nw"

static const fp_attr tricky_attrs[] = {{"unit", TRICKY}};
static const fp_attr tricky_children[] = {{"note", TRICKY}};
static const fp_out_fact tricky_fact = {
    .kind = "count", .value = TRICKY, .start = 1, .end = 2,
    .src_start = 3, .src_end = 4, .text = TRICKY,
    .plugin = "count", .plugin_version = "1.0.0",
    .attrs = tricky_attrs, .n_attrs = 1,
    .children = tricky_children, .n_children = 1,
};
static const fp_out_doc tricky_doc = {
    .source = "dir/<a&b>\".html", .format = "html", .title = TRICKY,
    .byline = TRICKY, .text = TRICKY, .facts = &tricky_fact, .n_facts = 1,
};

static void test_markup_and_whitespace_round_trip(void **state)
{
    (void)state;
    xmlDocPtr doc = write_and_parse(&tricky_doc, 1);
    xmlNodePtr document = nth_document(doc, 0);
    assert_attr(document, "source", "dir/<a&b>\".html");
    xmlNodePtr meta = child_element(document, "meta", 0);
    assert_content(child_element(meta, "title", 0), TRICKY);
    assert_content(child_element(meta, "byline", 0), TRICKY);
    assert_content(child_element(document, "text", 0), TRICKY);
    xmlNodePtr fact = child_element(document, "fact", 0);
    assert_attr(fact, "value", TRICKY);
    assert_attr(fact, "text", TRICKY);
    assert_attr(fact, "unit", TRICKY);
    assert_content(child_element(fact, "note", 0), TRICKY);
    xmlFreeDoc(doc);
}

/* Bytes XML cannot carry, in every place the writer puts text. */
#define BAD "a\x01" "b\x0B" "c\x1F" "d\xFF" "e\xEF\xBF\xBE" "f\xE1\xBA"
#define BAD_CLEAN "a" FFFD "b" FFFD "c" FFFD "d" FFFD "e" FFFD "f" FFFD

static const fp_attr bad_attrs[] = {{"unit", BAD}};
static const fp_attr bad_children[] = {{"title", BAD}};
static const fp_out_fact bad_fact = {
    .kind = "official", .value = BAD, .start = 0, .end = 1,
    .src_start = 0, .src_end = 1, .text = BAD,
    .plugin = BAD, .plugin_version = BAD,
    .attrs = bad_attrs, .n_attrs = 1,
    .children = bad_children, .n_children = 1,
};
static const fp_out_doc bad_doc = {
    .source = "bad" BAD ".txt", .format = "text", .encoding = BAD,
    .title = BAD, .byline = BAD, .text = BAD,
    .facts = &bad_fact, .n_facts = 1,
};
static const fp_out_doc bad_failed_doc = {
    .source = "failed" BAD, .error = BAD,
};

static void test_bad_bytes_are_replaced_everywhere(void **state)
{
    (void)state;
    const fp_out_doc docs[] = {bad_doc, bad_failed_doc};
    xmlDocPtr doc = write_and_parse(docs, 2);
    xmlNodePtr document = nth_document(doc, 0);
    assert_attr(document, "source", "bad" BAD_CLEAN ".txt");
    assert_attr(document, "encoding", BAD_CLEAN);
    xmlNodePtr meta = child_element(document, "meta", 0);
    assert_content(child_element(meta, "title", 0), BAD_CLEAN);
    assert_content(child_element(meta, "byline", 0), BAD_CLEAN);
    assert_content(child_element(document, "text", 0), BAD_CLEAN);
    xmlNodePtr fact = child_element(document, "fact", 0);
    assert_attr(fact, "value", BAD_CLEAN);
    assert_attr(fact, "text", BAD_CLEAN);
    assert_attr(fact, "plugin", BAD_CLEAN);
    assert_attr(fact, "plugin-version", BAD_CLEAN);
    assert_attr(fact, "unit", BAD_CLEAN);
    assert_content(child_element(fact, "title", 0), BAD_CLEAN);
    xmlNodePtr failed = nth_document(doc, 1);
    assert_attr(failed, "source", "failed" BAD_CLEAN);
    assert_content(child_element(failed, "error", 0), BAD_CLEAN);
    xmlFreeDoc(doc);
}

/* xmllint is what users check files with (docs/RELIABILITY.md: it rejected
 * the raw writer's output); run it on the output with bad bytes. */
static void test_xmllint_accepts_output_with_bad_bytes(void **state)
{
    (void)state;
    const fp_out_doc docs[] = {bad_doc, tricky_doc, bad_failed_doc};
    size_t len = 0;
    char *xml = write_output(docs, 3, &len);
    char path[] = "/tmp/fp_test_xml_writer_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, xml, len), (ssize_t)len);
    assert_int_equal(close(fd), 0);
    free(xml);

    char command[1024];
    snprintf(command, sizeof command,
             "'%s' --noout --relaxng '%s/schema/factpipe.rng' '%s'", XMLLINT,
             FP_TEST_SOURCE_DIR, path);
    int status = system(command);
    unlink(path);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
}

static void test_failed_document_holds_only_error(void **state)
{
    (void)state;
    const fp_out_doc docs[] = {
        {.source = "broken.html", .error = "cannot read broken.html: EIO",
         /* Given by mistake: a failed document has no meta or facts. */
         .title = "ignored", .facts = &percent_fact, .n_facts = 1},
        {.source = "late.html", .format = "html", .encoding = "utf-8",
         .error = "plugin official failed"},
    };
    xmlDocPtr doc = write_and_parse(docs, 2);
    xmlNodePtr early = nth_document(doc, 0);
    assert_attr(early, "source", "broken.html");
    assert_attr(early, "format", NULL);
    assert_content(child_element(early, "error", 0),
                   "cannot read broken.html: EIO");
    assert_null(child_element(early, "meta", 0));
    assert_null(child_element(early, "fact", 0));
    xmlNodePtr late = nth_document(doc, 1);
    assert_attr(late, "format", "html");
    assert_attr(late, "encoding", "utf-8");
    assert_content(child_element(late, "error", 0), "plugin official failed");
    xmlFreeDoc(doc);
}

/* Writes good, then doc (which must be refused with a message containing
 * reason), then good again; the output must equal good twice: a refused
 * document leaves no trace and the writer stays usable. */
static void check_refused(const fp_out_doc *doc, const char *reason)
{
    char *bytes = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&bytes, &len);
    assert_non_null(out);
    fp_error err = {{0}};
    fp_xml_out *w = fp_xml_out_new(out, &err);
    assert_non_null(w);
    assert_int_equal(fp_xml_out_begin(w, &err), 0);
    assert_int_equal(fp_xml_out_document(w, &small_doc, &err), 0);
    err.message[0] = '\0';
    assert_int_equal(fp_xml_out_document(w, doc, &err), -1);
    if (!strstr(err.message, reason))
        fail_msg("message \"%s\" does not mention \"%s\"", err.message,
                 reason);
    assert_int_equal(fp_xml_out_document(w, &small_doc, &err), 0);
    assert_int_equal(fp_xml_out_end(w, &err), 0);
    fp_xml_out_free(w);
    assert_int_equal(fclose(out), 0);

    const fp_out_doc twice[] = {small_doc, small_doc};
    size_t expected_len = 0;
    char *expected = write_output(twice, 2, &expected_len);
    assert_string_equal(bytes, expected);
    free(expected);
    free(bytes);
}

/* small_doc with one kind-specific attribute or child. */
static void check_attr_refused(const char *name, const char *value,
                               const char *reason)
{
    fp_attr attr = {name, value};
    fp_out_fact fact = percent_fact;
    fact.attrs = &attr;
    fact.n_attrs = 1;
    fp_out_doc doc = small_doc;
    doc.facts = &fact;
    check_refused(&doc, reason);
}

static void check_child_refused(const char *name, const char *reason)
{
    fp_attr child = {name, "text"};
    fp_out_fact fact = percent_fact;
    fact.children = &child;
    fact.n_children = 1;
    fp_out_doc doc = small_doc;
    doc.facts = &fact;
    check_refused(&doc, reason);
}

static void test_invalid_plugin_names_are_refused(void **state)
{
    (void)state;
    check_attr_refused("Unit", "x", "\"Unit\"");
    check_attr_refused("1unit", "x", "\"1unit\"");
    check_attr_refused("", "x", "empty");
    check_attr_refused(NULL, "x", "empty");
    check_attr_refused("a b", "x", "\"a b\"");
    check_attr_refused("foo:bar", "x", "\"foo:bar\"");
    check_attr_refused("ünit", "x", "not start");
    check_attr_refused("xmlns", "urn:x", "\"xmlns\"");
    check_attr_refused("xml-lang", "vi", "\"xml-lang\"");
    check_attr_refused("unit", NULL, "no value");
    check_child_refused("Title", "\"Title\"");
    check_child_refused("bad name", "\"bad name\"");
    check_child_refused("xmlthing", "\"xmlthing\"");
}

static void test_reserved_attribute_names_are_refused(void **state)
{
    (void)state;
    static const char *const reserved[] = {
        "kind", "value", "start", "end", "src-start", "src-end",
        "text", "plugin", "plugin-version", "zone",
    };
    for (size_t i = 0; i < sizeof reserved / sizeof *reserved; i++)
        check_attr_refused(reserved[i], "x", "reserved");
}

static void test_duplicate_attribute_is_refused(void **state)
{
    (void)state;
    const fp_attr attrs[] = {{"unit", "a"}, {"note", "b"}, {"unit", "c"}};
    fp_out_fact fact = percent_fact;
    fact.attrs = attrs;
    fact.n_attrs = 3;
    fp_out_doc doc = small_doc;
    doc.facts = &fact;
    check_refused(&doc, "twice");
}

/* Reserved attribute names are fine as child names: <title> of an
 * official, say, or <value>. */
static void test_reserved_names_are_allowed_as_children(void **state)
{
    (void)state;
    const fp_attr children[] = {{"value", "v"}, {"text", "t"}};
    fp_out_fact fact = percent_fact;
    fact.children = children;
    fact.n_children = 2;
    fp_out_doc doc = small_doc;
    doc.facts = &fact;
    xmlDocPtr parsed = write_and_parse(&doc, 1);
    xmlNodePtr written = child_element(nth_document(parsed, 0), "fact", 0);
    assert_content(child_element(written, "value", 0), "v");
    assert_content(child_element(written, "text", 0), "t");
    xmlFreeDoc(parsed);
}

static void test_schema_invalid_documents_are_refused(void **state)
{
    (void)state;
    fp_out_fact fact = percent_fact;
    fp_out_doc doc = small_doc;
    doc.facts = &fact;

    fact.value = "";
    check_refused(&doc, "empty value");
    fact.value = NULL;
    check_refused(&doc, "empty value");
    fact = percent_fact;
    fact.kind = "Percentage";
    check_refused(&doc, "\"Percentage\"");
    fact.kind = NULL;
    check_refused(&doc, "kind name is empty");
    fact = percent_fact;
    fact.zone = "sidebar";
    check_refused(&doc, "\"sidebar\"");
    fact = percent_fact;
    fact.text = NULL;
    check_refused(&doc, "surface text");
    fact = percent_fact;
    fact.plugin_version = "";
    check_refused(&doc, "plugin version");
    fact = percent_fact;
    fact.n_attrs = 2; /* attrs stays NULL */
    check_refused(&doc, "announced");

    doc = small_doc;
    doc.date = "09/10/2018";
    check_refused(&doc, "\"09/10/2018\"");
    doc = small_doc;
    doc.format = "pdf";
    check_refused(&doc, "\"pdf\"");
    doc.format = NULL;
    check_refused(&doc, "no format");
    doc = small_doc;
    doc.source = NULL;
    check_refused(&doc, "no source");
    doc.source = "";
    check_refused(&doc, "no source");
    doc = small_doc;
    doc.facts = NULL;
    check_refused(&doc, "announced");
}

static const fp_out_zone small_zones[] = {
    {"chrome", 0, 4}, {"title", 5, 13}, {"body", 14, 19},
};

static void test_zones_are_written_after_the_text(void **state)
{
    (void)state;
    fp_out_doc doc = small_doc;
    doc.text = "Menu\nHeadline\nBody.";
    doc.zones = small_zones;
    doc.n_zones = 3;
    xmlDocPtr xml = write_and_parse(&doc, 1);
    xmlNodePtr document = nth_document(xml, 0);
    xmlNodePtr text = child_element(document, "text", 0);
    assert_non_null(text);
    xmlNodePtr zone = xmlNextElementSibling(text);
    for (size_t i = 0; i < 3; i++, zone = xmlNextElementSibling(zone)) {
        assert_non_null(zone);
        assert_string_equal((const char *)zone->name, "zone");
        assert_attr(zone, "kind", small_zones[i].kind);
        char digits[32];
        snprintf(digits, sizeof digits, "%zu", small_zones[i].start);
        assert_attr(zone, "start", digits);
        snprintf(digits, sizeof digits, "%zu", small_zones[i].end);
        assert_attr(zone, "end", digits);
    }
    assert_string_equal((const char *)zone->name, "fact");
    xmlFreeDoc(xml);
}

static void test_bad_zones_are_refused(void **state)
{
    (void)state;
    fp_out_zone zones[3];
    memcpy(zones, small_zones, sizeof zones);
    fp_out_doc doc = small_doc;
    doc.text = "Menu\nHeadline\nBody.";
    doc.zones = zones;
    doc.n_zones = 3;
    zones[1].kind = "sidebar";
    check_refused(&doc, "\"sidebar\"");
    zones[1].kind = NULL;
    check_refused(&doc, "(null)");
    memcpy(zones, small_zones, sizeof zones);
    zones[2].start = 12; /* overlaps the title */
    check_refused(&doc, "overlaps");
    zones[2].start = 19;
    zones[2].end = 14;
    check_refused(&doc, "ends before it starts");
    memcpy(zones, small_zones, sizeof zones);
    doc.text = NULL;
    check_refused(&doc, "without the text");
    doc.text = "t";
    doc.zones = NULL;
    check_refused(&doc, "without a list");
}

static void test_meta_date_forms_are_accepted(void **state)
{
    (void)state;
    const fp_out_doc docs[] = {
        {.source = "a", .format = "text", .date = "2018-10-09"},
        {.source = "b", .format = "text", .date = "2018-10"},
        {.source = "c", .format = "text", .date = "2018"},
    };
    xmlDocPtr doc = write_and_parse(docs, 3);
    xmlNodePtr meta = child_element(nth_document(doc, 1), "meta", 0);
    assert_content(child_element(meta, "date", 0), "2018-10");
    xmlFreeDoc(doc);
}

static void test_calls_out_of_order_are_refused(void **state)
{
    (void)state;
    char *bytes = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&bytes, &len);
    assert_non_null(out);
    fp_error err = {{0}};
    fp_xml_out *w = fp_xml_out_new(out, &err);
    assert_non_null(w);
    assert_int_equal(fp_xml_out_document(w, &small_doc, &err), -1);
    assert_int_equal(fp_xml_out_end(w, &err), -1);
    assert_int_equal(fp_xml_out_begin(w, &err), 0);
    assert_int_equal(fp_xml_out_begin(w, &err), -1);
    assert_int_equal(fp_xml_out_end(w, &err), 0);
    assert_int_equal(fp_xml_out_document(w, &small_doc, &err), -1);
    assert_non_null(strstr(err.message, "closed"));
    assert_int_equal(fp_xml_out_end(w, &err), -1);
    fp_xml_out_free(w);
    fclose(out);
    assert_null(strstr(bytes, "<document"));
    free(bytes);
    fp_xml_out_free(NULL);
    assert_null(fp_xml_out_new(NULL, &err));
}

/* /dev/full fails every write with ENOSPC. */
static void test_write_errors_are_reported(void **state)
{
    (void)state;
    FILE *out = fopen("/dev/full", "w");
    if (!out)
        skip();
    fp_error err = {{0}};
    fp_xml_out *w = fp_xml_out_new(out, &err);
    assert_non_null(w);
    /* Buffered: the failure shows when end flushes. */
    assert_int_equal(fp_xml_out_begin(w, &err), 0);
    assert_int_equal(fp_xml_out_document(w, &small_doc, &err), 0);
    assert_int_equal(fp_xml_out_end(w, &err), -1);
    assert_non_null(strstr(err.message, "cannot write"));
    fp_xml_out_free(w);
    fclose(out);

    /* Unbuffered: the first call fails, and the writer stays refused. */
    out = fopen("/dev/full", "w");
    assert_non_null(out);
    assert_int_equal(setvbuf(out, NULL, _IONBF, 0), 0);
    w = fp_xml_out_new(out, &err);
    assert_non_null(w);
    assert_int_equal(fp_xml_out_begin(w, &err), -1);
    assert_non_null(strstr(err.message, "cannot write"));
    assert_int_equal(fp_xml_out_document(w, &small_doc, &err), -1);
    assert_non_null(strstr(err.message, "unusable"));
    fp_xml_out_free(w);
    fclose(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_document_round_trips),
        cmocka_unit_test(test_output_layout_is_exact_and_deterministic),
        cmocka_unit_test(test_each_call_writes_whole_tags),
        cmocka_unit_test(test_empty_output_is_valid),
        cmocka_unit_test(test_markup_and_whitespace_round_trip),
        cmocka_unit_test(test_bad_bytes_are_replaced_everywhere),
        cmocka_unit_test(test_xmllint_accepts_output_with_bad_bytes),
        cmocka_unit_test(test_failed_document_holds_only_error),
        cmocka_unit_test(test_invalid_plugin_names_are_refused),
        cmocka_unit_test(test_reserved_attribute_names_are_refused),
        cmocka_unit_test(test_duplicate_attribute_is_refused),
        cmocka_unit_test(test_reserved_names_are_allowed_as_children),
        cmocka_unit_test(test_schema_invalid_documents_are_refused),
        cmocka_unit_test(test_meta_date_forms_are_accepted),
        cmocka_unit_test(test_zones_are_written_after_the_text),
        cmocka_unit_test(test_bad_zones_are_refused),
        cmocka_unit_test(test_calls_out_of_order_are_refused),
        cmocka_unit_test(test_write_errors_are_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
