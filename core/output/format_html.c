/* The HTML review format (--format html): pages for people checking what
 * was extracted — each document's title, date and byline, its text zone by
 * zone with every fact highlighted in its kind's colour (hover or tap for
 * its data), chrome greyed and shown only when kept (--keep-chrome), and
 * the table of its facts; a failed document with its error.
 *
 * One page: the head (stylesheet inline, a Content-Security-Policy that
 * allows no script, viewport and print rules) opens <main>; each document
 * is a <section> in it (review_page.c); the tail closes the page.  With
 * -o DIR/ each document has its page, and the folder gets DIR/index.html
 * (review_index.c). */
#include "fp_output_format.h"
#include "fp_xml_check.h"
#include "review_index.h"
#include "review_page.h"
#include "review_writer.h"

static const char *const page_open[] = {FP_REVIEW_PAGE_OPEN, NULL};

static int html_head(FILE *out, fp_error *err)
{
    fp_review_out *w = fp_review_open(out, NULL, err);
    if (!w)
        return -1;
    fp_review_page_head(w, "factpipe review");
    return fp_review_close(w, err);
}

static int html_tail(FILE *out, size_t n_documents, fp_error *err)
{
    fp_review_out *w = fp_review_open(out, page_open, err);
    if (!w)
        return -1;
    if (n_documents == 0) {
        fp_review_start(w, "p");
        fp_review_attr(w, "class", "omitted");
        fp_review_text_printf(w, "No documents.");
        fp_review_end(w);
    }
    fp_review_page_end(w);
    return fp_review_close(w, err);
}

static int html_render(FILE *out, const fp_out_doc *doc, fp_error *err)
{
    /* What the XML writer refuses is refused here too. */
    if (fp_xml_check_doc(doc, err) != 0)
        return -1;
    fp_review_out *w = fp_review_open(out, page_open, err);
    if (!w)
        return -1;
    int rc = doc->error ? (fp_review_page_failed(w, doc->source, doc->error), 0)
                        : fp_review_page_document(w, doc);
    if (fp_review_close(w, err) != 0)
        return -1;
    return rc == 0 ? 0 : fp_error_set(err, "%s: out of memory writing the review page",
                                      doc->source);
}

const fp_output_format fp_output_format_html = {
    .name = "html",
    .extension = ".html",
    .summary = "review pages: the text with its facts highlighted",
    .failures = "their error sections in the review pages",
    .head = html_head,
    .between = NULL,
    .tail = html_tail,
    .render = html_render,
    .index = &fp_review_index,
};
