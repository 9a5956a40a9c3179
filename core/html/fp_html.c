/* HTML -> fp_text: refuse what libxml2 would choke on, then extract the
 * text in one pass over the parser's SAX events (fp_html_sax.c). */
#include "fp_html.h"

#include "fp_html_guard.h"
#include "fp_html_sax.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

void fp_html_init(void)
{
    static int initialized;
    if (initialized)
        return;
    initialized = 1;
    xmlInitParser();
    /* libxml2 2.9.14 halts at 256 levels and silently drops the rest of
     * the page (docs/RELIABILITY.md, HTML parsing); real pages nest deeper
     * than that. */
    if (xmlParserMaxDepth < FP_HTML_DEFAULT_MAX_DEPTH)
        xmlParserMaxDepth = FP_HTML_DEFAULT_MAX_DEPTH;
}

void fp_html_set_max_depth(unsigned depth)
{
    if (depth > 0)
        xmlParserMaxDepth = depth;
}

int fp_html_to_text(const fp_decoded *in, fp_text *out, fp_error *err)
{
    memset(out, 0, sizeof *out);
    out->format = FP_FORMAT_HTML;
    if (!in || !in->src || (!in->utf8 && in->len > 0))
        return fp_error_set(err, "fp_html_to_text: no decoded input");
    if (in->len > INT_MAX)
        return fp_error_set(err,
                            "HTML input of %zu bytes is larger than the "
                            "parser accepts (%d bytes)",
                            in->len, INT_MAX);

    fp_attribute_load load;
    fp_html_attribute_load(in->utf8, in->len, &load);
    if (load.pairs > FP_HTML_MAX_ATTRIBUTE_PAIRS)
        return fp_error_set(err,
                            "too many attributes: the start tag at byte %u "
                            "has %zu, and libxml2 would compare %llu pairs "
                            "of the page's attributes for duplicates (the "
                            "limit is %llu, about 0.3 s); page refused",
                            (unsigned)in->src[load.most_offset], load.most,
                            (unsigned long long)load.pairs,
                            FP_HTML_MAX_ATTRIBUTE_PAIRS);

    /* libxml2 2.9.14 turns a NUL in text into a space, but a NUL inside a
     * tag, an attribute value, <script> or <title> ends the whole parse
     * without an error: the rest of the page would be lost in silence.
     * Parse a copy with every NUL a space; the map stays the same. */
    if (in->len == 0 || !memchr(in->utf8, '\0', in->len))
        return fp_html_sax_extract(in, out, err);
    fp_decoded without_nul = *in;
    without_nul.utf8 = malloc(in->len + 1);
    if (!without_nul.utf8)
        return fp_error_set(err, "out of memory copying %zu bytes of HTML",
                            in->len);
    for (size_t i = 0; i < in->len; i++)
        without_nul.utf8[i] = in->utf8[i] ? in->utf8[i] : ' ';
    without_nul.utf8[in->len] = '\0';
    int rc = fp_html_sax_extract(&without_nul, out, err);
    free(without_nul.utf8);
    return rc;
}

