/* The review format's HTML writer (review_writer.h). */
#include "review_writer.h"
#include "fp_xml.h"

#include <errno.h>
#include <libxml/xmlwriter.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct fp_review_out {
    FILE *out;
    xmlBufferPtr buffer;
    xmlTextWriterPtr writer;
    const char *failure; /* the first thing that failed, or NULL */
    int write_errno;
};

static const xmlChar *x(const char *s)
{
    return (const xmlChar *)s;
}

static void failed(fp_review_out *w, int rc, const char *what)
{
    if (rc < 0 && !w->failure)
        w->failure = what;
}

fp_review_out *fp_review_open(FILE *out, const char *const *open_elements, fp_error *err)
{
    fp_review_out *w = calloc(1, sizeof *w);
    if (w) {
        w->out = out;
        w->buffer = xmlBufferCreate();
        if (w->buffer)
            xmlBufferSetAllocationScheme(w->buffer, XML_BUFFER_ALLOC_DOUBLEIT);
        w->writer = w->buffer ? xmlNewTextWriterMemory(w->buffer, 0) : NULL;
    }
    /* A document declared UTF-8 keeps non-ASCII characters in attribute
     * values as they are; its declaration, and the start tags of the
     * elements an earlier call opened, are dropped from the buffer. */
    int ok = w && w->writer && xmlTextWriterStartDocument(w->writer, NULL, "UTF-8", NULL) >= 0;
    for (size_t i = 0; ok && open_elements && open_elements[i]; i++)
        ok = xmlTextWriterStartElement(w->writer, x(open_elements[i])) >= 0;
    /* Content that closes the last start tag, so that the buffer holds it
     * whole, then empty it. */
    if (ok && open_elements && open_elements[0])
        ok = xmlTextWriterWriteString(w->writer, x("")) >= 0;
    ok = ok && xmlTextWriterFlush(w->writer) >= 0;
    if (!ok) {
        if (w) {
            if (w->writer)
                xmlFreeTextWriter(w->writer);
            if (w->buffer)
                xmlBufferFree(w->buffer);
            free(w);
        }
        fp_error_set(err, "cannot create the HTML writer (out of memory?)");
        return NULL;
    }
    xmlBufferEmpty(w->buffer);
    return w;
}

/* Moves what the writer holds to the FILE.  What reached the FILE of a
 * call that fails is dropped with it (the hooks' memory streams). */
static void move_out(fp_review_out *w)
{
    failed(w, xmlTextWriterFlush(w->writer), "flushing the HTML writer");
    size_t len = (size_t)xmlBufferLength(w->buffer);
    if (!w->failure && len > 0 && fwrite(xmlBufferContent(w->buffer), 1, len, w->out) != len) {
        w->failure = "cannot write the HTML output";
        w->write_errno = errno;
    }
    xmlBufferEmpty(w->buffer);
}

int fp_review_close(fp_review_out *w, fp_error *err)
{
    move_out(w);
    /* Freeing the writer would close the elements left open into the
     * buffer, which is dropped unwritten. */
    xmlFreeTextWriter(w->writer);
    xmlBufferFree(w->buffer);
    const char *failure = w->failure;
    int write_errno = w->write_errno;
    free(w);
    if (!failure)
        return 0;
    if (write_errno)
        return fp_error_set(err, "%s: %s", failure, strerror(write_errno));
    return fp_error_set(err, "HTML writer: %s (out of memory?)", failure);
}

void fp_review_doctype(fp_review_out *w)
{
    failed(w, xmlTextWriterWriteDTD(w->writer, x("html"), NULL, NULL, NULL), "the doctype");
    fp_review_newline(w);
}

void fp_review_start(fp_review_out *w, const char *element)
{
    failed(w, xmlTextWriterStartElement(w->writer, x(element)), "starting an element");
}

void fp_review_attr(fp_review_out *w, const char *name, const char *value)
{
    char *clean = fp_xml_sanitize(value, strlen(value));
    if (!clean) {
        failed(w, -1, "copying an attribute");
        return;
    }
    failed(w, xmlTextWriterWriteAttribute(w->writer, x(name), x(clean)), "an attribute");
    free(clean);
}

static char *vformat(const char *format, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, format, ap);
    char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (s)
        vsnprintf(s, (size_t)n + 1, format, again);
    va_end(again);
    return s;
}

void fp_review_attr_printf(fp_review_out *w, const char *name, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    char *value = vformat(format, ap);
    va_end(ap);
    if (value)
        fp_review_attr(w, name, value);
    else
        failed(w, -1, "formatting an attribute");
    free(value);
}

void fp_review_text(fp_review_out *w, const char *text, size_t len)
{
    if (len == 0)
        return;
    char *clean = fp_xml_sanitize(text, len);
    if (!clean) {
        failed(w, -1, "copying text");
        return;
    }
    failed(w, xmlTextWriterWriteString(w->writer, x(clean)), "text");
    free(clean);
}

void fp_review_text_printf(fp_review_out *w, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    char *text = vformat(format, ap);
    va_end(ap);
    if (text)
        fp_review_text(w, text, strlen(text));
    else
        failed(w, -1, "formatting text");
    free(text);
}

void fp_review_end(fp_review_out *w)
{
    failed(w, xmlTextWriterFullEndElement(w->writer), "ending an element");
}

void fp_review_end_void(fp_review_out *w)
{
    failed(w, xmlTextWriterEndElement(w->writer), "ending an element");
}

void fp_review_element(fp_review_out *w, const char *element, const char *text)
{
    fp_review_start(w, element);
    fp_review_text(w, text, strlen(text));
    fp_review_end(w);
}

/* Past this many bytes the buffer goes to the FILE at the next line
 * break: a page of a 9 MB document is not kept twice. */
#define MOVE_OUT_BYTES (64 * 1024)

void fp_review_newline(fp_review_out *w)
{
    failed(w, xmlTextWriterWriteRaw(w->writer, x("\n")), "a line break");
    if (xmlBufferLength(w->buffer) > MOVE_OUT_BYTES)
        move_out(w);
}

void fp_review_stylesheet(fp_review_out *w, const char *css)
{
    failed(w, xmlTextWriterWriteRaw(w->writer, x(css)), "the stylesheet");
}
