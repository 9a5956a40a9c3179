/* Internal to the html stage: a cheap, linear pre-scan that refuses pages
 * libxml2 would take minutes to parse.
 *
 * libxml2 2.9.14's HTML parser compares every attribute of a start tag
 * with every earlier attribute of the same tag (htmlParseStartTag's
 * duplicate check), so one element with 200 000 attributes takes it about
 * 100 s — and so do a few thousand elements with a thousand attributes
 * each.  The scan counts attribute names per start tag the way that parser
 * reads them and adds up the pairs it would compare. */
#ifndef FP_HTML_GUARD_H
#define FP_HTML_GUARD_H

#include <stddef.h>
#include <stdint.h>

/* Pairs of attributes libxml2 may compare on one page before the page is
 * refused: about 0.3 s of its duplicate checking (measured ~3 ns a pair).
 * One element may have up to 14 142 attributes; real pages have a few per
 * element, a few hundred thousand pairs in all. */
#define FP_HTML_MAX_ATTRIBUTE_PAIRS 100000000ull

typedef struct fp_attribute_load {
    uint64_t pairs;        /* sum over start tags of n * (n - 1) / 2 */
    size_t most;           /* the largest n seen on one start tag */
    size_t most_offset;    /* byte offset of that tag's '<' */
} fp_attribute_load;

/* Scan html (len bytes, any content) and fill load.  Linear in len. */
void fp_html_attribute_load(const char *html, size_t len,
                            fp_attribute_load *load);

#endif
