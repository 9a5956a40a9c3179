/* The HTML review format (core/output format_html.c and review_*.c).
 *
 * The input as a document (fuzz_out_doc.h: any strings, facts that
 * overlap, nest or fall outside the text, lines in any zones) through
 * --format html, head + document + tail as the supervisor assembles a
 * page: refused exactly when the XML writer refuses the document, else a
 * page that parses back as well-formed XML, holds one <section>, no
 * element or attribute that could run script, and highlights only facts
 * that exist.  The same strings as rows of a folder index (source, file,
 * reason, tally): well-formed, no script either. */
#include "fuzz_out_doc.h"
#include "fuzz_target.h"

#include "output/fp_output_format.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

typedef int (*hook)(FILE *out, const void *arg, fp_error *err);

static int head(FILE *out, const void *arg, fp_error *err)
{
    (void)arg;
    return fp_output_format_html.head(out, err);
}

static int body(FILE *out, const void *doc, fp_error *err)
{
    return fp_output_render(&fp_output_format_html, out, doc, err);
}

static int tail(FILE *out, const void *arg, fp_error *err)
{
    (void)arg;
    return fp_output_format_html.tail(out, 1, err);
}

static int xml_body(FILE *out, const void *doc, fp_error *err)
{
    return fp_output_render(&fp_output_format_xml, out, doc, err);
}

/* Appends what run writes to out; returns its status. */
static int append(FILE *out, hook run, const void *arg)
{
    fp_error err = {{0}};
    fp_out_memory m;
    fuzz_check(fp_out_memory_open(&m, &err) == 0, "a memory stream");
    int rc = run(m.fp, arg, &err);
    if (rc != 0)
        fuzz_check(err.message[0], "a refusal says why");
    if (fp_out_memory_close(&m, rc, &err) == 0) {
        fwrite(m.data, 1, m.len, out);
        free(m.data);
    }
    return rc;
}

static void check_tree(xmlNodePtr n, size_t n_facts, int *sections)
{
    static const char *const forbidden[] = {"script", "iframe", "object", "embed", "base",
                                            "form", "img", "link", "svg", "frame"};
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        for (size_t i = 0; i < sizeof forbidden / sizeof *forbidden; i++)
            fuzz_check(strcmp((const char *)n->name, forbidden[i]) != 0,
                       "no element that loads or runs anything");
        for (xmlAttrPtr a = n->properties; a; a = a->next)
            fuzz_check(strncmp((const char *)a->name, "on", 2) != 0, "no event attribute");
        if (strcmp((const char *)n->name, "section") == 0)
            (*sections)++;
        if (strcmp((const char *)n->name, "a") == 0) {
            xmlChar *href = xmlGetProp(n, (const xmlChar *)"href");
            fuzz_check(!href || strncmp((const char *)href, "http://", 7) == 0 ||
                           strncmp((const char *)href, "https://", 8) == 0 ||
                           !strchr((const char *)href, ':'),
                       "links are web addresses or relative paths");
            xmlFree(href);
        }
        if (strcmp((const char *)n->name, "mark") == 0) {
            xmlChar *id = xmlGetProp(n, (const xmlChar *)"data-fact");
            long fact = id ? strtol((const char *)id, NULL, 10) : 0;
            fuzz_check(fact >= 1 && (size_t)fact <= n_facts, "a highlight is one of the facts");
            xmlFree(id);
        }
        check_tree(n->children, n_facts, sections);
    }
}

static void check_page(const char *page, size_t len, size_t n_facts, int want_sections)
{
    xmlDocPtr doc = xmlReadMemory(page, (int)len, "page.html", NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                      XML_PARSE_HUGE);
    if (!doc) {
        fprintf(stderr, "the page does not parse back:\n%.*s\n", (int)len, page);
        abort();
    }
    int sections = 0;
    check_tree(xmlDocGetRootElement(doc), n_facts, &sections);
    fuzz_check(want_sections < 0 || sections == want_sections, "one section per document");
    xmlFreeDoc(doc);
}

static void document_page(const fuzz_out_doc *d)
{
    char *page = NULL, *xml = NULL;
    size_t len = 0, xml_len = 0;
    FILE *out = open_memstream(&page, &len);
    FILE *xml_out = open_memstream(&xml, &xml_len);
    fuzz_check(out && xml_out, "memory streams");
    append(out, head, NULL);
    int rc = append(out, body, &d->doc);
    append(out, tail, NULL);
    int xml_rc = append(xml_out, xml_body, &d->doc);
    fclose(out);
    fclose(xml_out);
    fuzz_check((rc == 0) == (xml_rc == 0), "html refuses what the XML writer refuses");
    check_page(page, len, d->doc.n_facts, rc == 0 ? 1 : 0);
    free(page);
    free(xml);
}

static void index_rows(const fuzz_out_doc *d)
{
    const char *const *f = d->fields;
    fp_output_entry rows[3] = {
        {f[F_SOURCE] ? f[F_SOURCE] : "", f[F_TITLE] ? f[F_TITLE] : "", "/nonexistent/page",
         "ok", NULL, f[F_VALUE]},
        {f[F_BYLINE] ? f[F_BYLINE] : "", f[F_TEXT] ? f[F_TEXT] : "", "/nonexistent/page",
         "failed", f[F_ERROR] ? f[F_ERROR] : "", ""},
        {f[F_KIND] ? f[F_KIND] : "", f[F_SURFACE] ? f[F_SURFACE] : "", "/nonexistent/page",
         "ok", NULL, NULL},
    };
    const fp_output_index *index = fp_output_format_html.index;
    char *page = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&page, &len);
    fuzz_check(out != NULL, "a memory stream");
    fp_error err = {{0}};
    void *state = index->open(out, &err);
    fuzz_check(state != NULL, "an index opens");
    for (size_t i = 0; i < 3; i++)
        fuzz_check(index->add(state, out, &rows[i], &err) == 0, "any row can be listed");
    fuzz_check(index->close(state, out, &err) == 0, "an index closes");
    index->free(state);
    fclose(out);
    check_page(page, len, 0, -1);
    free(page);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_out_doc d;
    if (fuzz_out_doc_parse(data, size, &d) != 0)
        return 0;
    document_page(&d);
    index_rows(&d);
    fuzz_out_doc_free(&d);
    return 0;
}
