/* The text format (--format text): each document's article text only —
 * its lead and body lines in text order, one blank line between two of
 * them (fp_out_article.h) — for readers and for scoring the article/chrome
 * split.  No title, dateline, byline or chrome.
 *
 * A combined output of more than one document starts each one with a line
 * "==> SOURCE <==" (after a blank line from the second on), as head(1)
 * does.  A failed document has no article text: its bytes are empty (an
 * empty DIR/NAME.txt, so that the folder has a file for every input and
 * --resume treats it like any finished document); the reason is on
 * stderr, in DIR/factpipe-report.tsv, and in the exit status.  Error text
 * never goes into the article text, where a reader would take it for the
 * document's words. */
#include "fp_output_format.h"
#include "fp_out_article.h"
#include "fp_xml.h"

#include <stdlib.h>
#include <string.h>

/* The source on one line of valid UTF-8: a name holding a line break
 * would otherwise forge a header line. */
static int write_source_line(FILE *out, const char *source, fp_error *err)
{
    char *clean = fp_xml_sanitize(source, strlen(source));
    if (!clean)
        return fp_error_set(err, "out of memory");
    int rc = 0;
    for (const char *c = clean; *c && rc == 0; c++) {
        if (*c == '\n' || *c == '\r')
            rc = fputs("\xEF\xBF\xBD", out) < 0 ? -1 : 0; /* U+FFFD */
        else
            rc = fputc(*c, out) == EOF ? -1 : 0;
    }
    free(clean);
    return rc == 0 ? 0 : fp_error_set(err, "out of memory");
}

static int text_between(FILE *out, const fp_output_position *at, fp_error *err)
{
    if (!at->several)
        return 0;
    if (fputs(at->index ? "\n==> " : "==> ", out) < 0 || write_source_line(out, at->source, err) ||
        fputs(" <==\n", out) < 0)
        return fp_error_set(err, "out of memory");
    return 0;
}

static int text_render(FILE *out, const fp_out_doc *doc, fp_error *err)
{
    if (doc->error)
        return 0; /* no article text: see the top of this file */
    if (fp_out_article_write(out, doc) != 0)
        return fp_error_set(err, "%s: out of memory writing the article text", doc->source);
    return 0;
}

const fp_output_format fp_output_format_text = {
    .name = "text",
    .extension = ".txt",
    .summary = "article text only: lead and body blocks",
    .failures = "the warnings above",
    .head = fp_output_no_head,
    .between = text_between,
    .tail = fp_output_no_tail,
    .render = text_render,
};
