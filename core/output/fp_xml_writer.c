/* The factpipe XML writer.  One libxml2 text writer lives as long as the
 * output, so its indentation follows the real nesting; it writes into an
 * xmlBuffer that is handed to the FILE with one fwrite per call and then
 * emptied.  A document is checked in full before its first byte is
 * written (fp_xml_check.c), so the only failures left mid-document are
 * libxml2's own (out of memory); after one of those the writer's element
 * stack no longer matches the output, and the writer refuses further use. */
#include "fp_xml.h"
#include "fp_xml_check.h"

#include <errno.h>
#include <libxml/xmlwriter.h>
#include <stdlib.h>
#include <string.h>

struct fp_xml_out {
    FILE *out;
    xmlBufferPtr buffer;
    xmlTextWriterPtr writer;
    int begun, ended;
    int broken; /* a libxml2 or write failure left the output unusable */
};

static const xmlChar *xml_str(const char *s)
{
    return (const xmlChar *)s;
}

static int writer_failed(fp_xml_out *w, fp_error *err, const char *what)
{
    w->broken = 1;
    return fp_error_set(err, "XML writer failed %s (out of memory?)", what);
}

fp_xml_out *fp_xml_out_new(FILE *out, fp_error *err)
{
    if (!out) {
        fp_error_set(err, "no output stream given");
        return NULL;
    }
    fp_xml_out *w = calloc(1, sizeof *w);
    if (!w) {
        fp_error_set(err, "out of memory");
        return NULL;
    }
    w->out = out;
    w->buffer = xmlBufferCreate();
    /* libxml2 2.9 grows an xmlBuffer by what is asked (plus 10 bytes) by
     * default: a document of a few megabytes was reallocated once per
     * attribute, quadratic in its facts (tests/scaling). */
    if (w->buffer)
        xmlBufferSetAllocationScheme(w->buffer, XML_BUFFER_ALLOC_DOUBLEIT);
    if (w->buffer)
        w->writer = xmlNewTextWriterMemory(w->buffer, 0);
    if (!w->writer || xmlTextWriterSetIndent(w->writer, 1) < 0 ||
        xmlTextWriterSetIndentString(w->writer, xml_str("  ")) < 0) {
        fp_xml_out_free(w);
        fp_error_set(err, "cannot create the XML writer (out of memory?)");
        return NULL;
    }
    return w;
}

void fp_xml_out_free(fp_xml_out *w)
{
    if (!w)
        return;
    /* Freeing the writer flushes whatever it holds into the buffer, which
     * is freed unwritten: output ends with the last successful call. */
    if (w->writer)
        xmlFreeTextWriter(w->writer);
    if (w->buffer)
        xmlBufferFree(w->buffer);
    free(w);
}

/* Moves everything written since the last call to the FILE (or drops it,
 * for a fragment's preamble). */
static int flush_to_file(fp_xml_out *w, int discard, fp_error *err)
{
    if (xmlTextWriterFlush(w->writer) < 0)
        return writer_failed(w, err, "flushing");
    size_t len = (size_t)xmlBufferLength(w->buffer);
    if (len > 0 && !discard && fwrite(xmlBufferContent(w->buffer), 1, len, w->out) != len) {
        w->broken = 1; /* part of the chunk may have reached the file */
        return fp_error_set(err, "cannot write the XML output: %s",
                            strerror(errno));
    }
    xmlBufferEmpty(w->buffer);
    return 0;
}

static int check_usable(fp_xml_out *w, int need_begun, fp_error *err)
{
    if (!w)
        return fp_error_set(err, "no XML writer given");
    if (w->broken)
        return fp_error_set(err, "the XML output is unusable after an "
                            "earlier write failure");
    if (w->ended)
        return fp_error_set(err, "the XML output is already closed");
    if (w->begun != need_begun)
        return fp_error_set(err, need_begun ? "the XML output was not begun"
                                            : "the XML output was already "
                                              "begun");
    return 0;
}

/* Every string reaches libxml2 through fp_xml_sanitize: the text writer
 * itself copies invalid UTF-8 and control characters through.  Most need
 * no cleaning and go as they are, without a copy. */
static int write_attr(fp_xml_out *w, const char *name, const char *value,
                      fp_error *err)
{
    size_t len = strlen(value);
    char *clean = NULL;
    if (fp_xml_clean_prefix(value, len) != len &&
        !(clean = fp_xml_sanitize(value, len)))
        return writer_failed(w, err, "copying an attribute value");
    int rc = xmlTextWriterWriteAttribute(w->writer, xml_str(name),
                                         xml_str(clean ? clean : value));
    free(clean);
    if (rc < 0)
        return writer_failed(w, err, "writing an attribute");
    return 0;
}

/* A byte offset in decimal: the text of a plain number needs no check. */
static int write_offset_attr(fp_xml_out *w, const char *name, size_t offset,
                             fp_error *err)
{
    char digits[32], *p = digits + sizeof digits;
    *--p = '\0';
    do {
        *--p = (char)('0' + offset % 10);
        offset /= 10;
    } while (offset > 0);
    if (xmlTextWriterWriteAttribute(w->writer, xml_str(name), xml_str(p)) < 0)
        return writer_failed(w, err, "writing an attribute");
    return 0;
}

static int write_text_element(fp_xml_out *w, const char *name,
                              const char *text, fp_error *err)
{
    size_t len = strlen(text);
    char *clean = NULL;
    if (fp_xml_clean_prefix(text, len) != len &&
        !(clean = fp_xml_sanitize(text, len)))
        return writer_failed(w, err, "copying element text");
    int rc = xmlTextWriterWriteElement(w->writer, xml_str(name),
                                       xml_str(clean ? clean : text));
    free(clean);
    if (rc < 0)
        return writer_failed(w, err, "writing an element");
    return 0;
}

static int start_element(fp_xml_out *w, const char *name, fp_error *err)
{
    if (xmlTextWriterStartElement(w->writer, xml_str(name)) < 0)
        return writer_failed(w, err, "starting an element");
    return 0;
}

static int end_element(fp_xml_out *w, fp_error *err)
{
    if (xmlTextWriterEndElement(w->writer) < 0)
        return writer_failed(w, err, "ending an element");
    return 0;
}

static int begin(fp_xml_out *w, int discard, fp_error *err)
{
    if (check_usable(w, 0, err) < 0)
        return -1;
    if (xmlTextWriterStartDocument(w->writer, NULL, "UTF-8", NULL) < 0)
        return writer_failed(w, err, "starting the document");
    if (start_element(w, "factpipe", err) < 0 ||
        write_attr(w, "xmlns", FP_XML_NAMESPACE, err) < 0 ||
        write_attr(w, "version", FP_XML_FORMAT_VERSION, err) < 0)
        return -1;
    /* The writer closes a start tag only when content follows; a newline
     * closes it now, so this call's output is the complete start tag. */
    if (xmlTextWriterWriteRaw(w->writer, xml_str("\n")) < 0)
        return writer_failed(w, err, "ending the root start tag");
    if (flush_to_file(w, discard, err) < 0)
        return -1;
    w->begun = 1;
    return 0;
}

int fp_xml_out_begin(fp_xml_out *w, fp_error *err)
{
    return begin(w, 0, err);
}

int fp_xml_out_begin_fragment(fp_xml_out *w, fp_error *err)
{
    return begin(w, 1, err);
}

static int write_fact(fp_xml_out *w, const fp_out_fact *fact, fp_error *err)
{
    if (start_element(w, "fact", err) < 0 ||
        write_attr(w, "kind", fact->kind, err) < 0 ||
        write_attr(w, "value", fact->value, err) < 0 ||
        write_offset_attr(w, "start", fact->start, err) < 0 ||
        write_offset_attr(w, "end", fact->end, err) < 0 ||
        write_offset_attr(w, "src-start", fact->src_start, err) < 0 ||
        write_offset_attr(w, "src-end", fact->src_end, err) < 0 ||
        write_attr(w, "text", fact->text, err) < 0 ||
        write_attr(w, "plugin", fact->plugin, err) < 0 ||
        write_attr(w, "plugin-version", fact->plugin_version, err) < 0)
        return -1;
    if (fact->zone && write_attr(w, "zone", fact->zone, err) < 0)
        return -1;
    for (size_t i = 0; i < fact->n_attrs; i++) {
        if (write_attr(w, fact->attrs[i].name, fact->attrs[i].value, err) < 0)
            return -1;
    }
    for (size_t i = 0; i < fact->n_children; i++) {
        if (write_text_element(w, fact->children[i].name,
                               fact->children[i].value, err) < 0)
            return -1;
    }
    return end_element(w, err);
}

static int write_zone(fp_xml_out *w, const fp_out_zone *zone, fp_error *err)
{
    if (start_element(w, "zone", err) < 0 ||
        write_attr(w, "kind", zone->kind, err) < 0 ||
        write_offset_attr(w, "start", zone->start, err) < 0 ||
        write_offset_attr(w, "end", zone->end, err) < 0)
        return -1;
    return end_element(w, err);
}

static int write_meta(fp_xml_out *w, const fp_out_doc *doc, fp_error *err)
{
    if (start_element(w, "meta", err) < 0)
        return -1;
    if (doc->title && write_text_element(w, "title", doc->title, err) < 0)
        return -1;
    if (doc->date && write_text_element(w, "date", doc->date, err) < 0)
        return -1;
    if (doc->byline && write_text_element(w, "byline", doc->byline, err) < 0)
        return -1;
    if (doc->url && write_text_element(w, "url", doc->url, err) < 0)
        return -1;
    if (doc->record_date &&
        write_text_element(w, "record-date", doc->record_date, err) < 0)
        return -1;
    return end_element(w, err);
}

static int write_document(fp_xml_out *w, const fp_out_doc *doc, fp_error *err)
{
    if (start_element(w, "document", err) < 0 ||
        write_attr(w, "source", doc->source, err) < 0)
        return -1;
    if (doc->format && write_attr(w, "format", doc->format, err) < 0)
        return -1;
    /* An empty encoding says nothing; the schema wants it absent then. */
    if (doc->encoding && *doc->encoding &&
        write_attr(w, "encoding", doc->encoding, err) < 0)
        return -1;

    if (doc->error) {
        if (write_text_element(w, "error", doc->error, err) < 0)
            return -1;
        return end_element(w, err);
    }

    if (doc->partial && write_attr(w, "partial", "true", err) < 0)
        return -1;
    if (write_meta(w, doc, err) < 0)
        return -1;
    if (doc->text && write_text_element(w, "text", doc->text, err) < 0)
        return -1;
    for (size_t i = 0; i < doc->n_zones; i++) {
        if (write_zone(w, &doc->zones[i], err) < 0)
            return -1;
    }
    for (size_t i = 0; i < doc->n_facts; i++) {
        if (write_fact(w, &doc->facts[i], err) < 0)
            return -1;
    }
    return end_element(w, err);
}

int fp_xml_out_document(fp_xml_out *w, const fp_out_doc *doc, fp_error *err)
{
    if (check_usable(w, 1, err) < 0 || fp_xml_check_doc(doc, err) < 0)
        return -1;
    if (write_document(w, doc, err) < 0) {
        fp_error_prefix(err, "%s: ", doc->source);
        return -1;
    }
    return flush_to_file(w, 0, err);
}

int fp_xml_out_end(fp_xml_out *w, fp_error *err)
{
    if (check_usable(w, 1, err) < 0)
        return -1;
    /* Closes <factpipe> and ends the last line. */
    if (xmlTextWriterEndDocument(w->writer) < 0)
        return writer_failed(w, err, "ending the document");
    if (flush_to_file(w, 0, err) < 0)
        return -1;
    w->ended = 1;
    if (fflush(w->out) != 0 || ferror(w->out))
        return fp_error_set(err, "cannot write the XML output: %s",
                            strerror(errno));
    return 0;
}
