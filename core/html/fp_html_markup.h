/* Internal to the html stage: gathering what a page says about itself in
 * its markup (fp_markup: date metadata, JSON-LD, <time>, microdata, the
 * canonical URL) from the SAX events, as the text is extracted.
 *
 * Nothing is interpreted here — which key means "published", which date
 * wins — that is zoning's article-date finder's job, from config/.  The
 * HTML stage only keeps, within fixed bounds, the few things that can
 * carry a date: per element it looks at the tag name and, for other
 * elements, scans the attribute names once. */
#ifndef FP_HTML_MARKUP_H
#define FP_HTML_MARKUP_H

#include "../common/fp_text.h"

#include <libxml/xmlstring.h>
#include <stddef.h>
#include <stdint.h>

typedef struct fp_markup_builder {
    fp_markup markup;
    size_t items_cap;
    size_t jsonld_cap;
    int in_jsonld;        /* inside <script type="application/ld+json"> */
    size_t script_start;  /* where that script's text starts in jsonld */
    int jsonld_full;      /* FP_MARKUP_MAX_JSONLD reached */
} fp_markup_builder;

/* Where an element sits when it starts: the innermost block element and
 * the current length of the text. */
typedef struct fp_markup_place {
    int32_t element;
    uint32_t text_pos;
} fp_markup_place;

void fp_markup_builder_init(fp_markup_builder *b);
void fp_markup_builder_release(fp_markup_builder *b);

/* An element starts (name: lower-case local name).  *item is the index of
 * the item it opened (its text range is set when it ends) or -1.
 * *script_jsonld is 1 for a JSON-LD <script> (call fp_markup_script_end
 * when it ends).  Returns 0, or -1 when
 * memory ran out. */
int fp_markup_element_start(fp_markup_builder *b, const char *name,
                            const xmlChar **attributes, fp_markup_place at,
                            int32_t *item, int *script_jsonld);

/* The element that opened item ends with the text (so far) text, at
 * text_pos. */
void fp_markup_element_end(fp_markup_builder *b, int32_t item,
                           const char *text, uint32_t text_pos);

/* Text of a <script> (libxml2's cdataBlock): kept inside a JSON-LD one.
 * Returns 0, or -1 when memory ran out. */
int fp_markup_script_text(fp_markup_builder *b, const xmlChar *chunk,
                          size_t len);
/* A JSON-LD <script> ends. */
void fp_markup_script_end(fp_markup_builder *b);

/* Move the gathered markup into out (emptying the builder). */
void fp_markup_builder_take(fp_markup_builder *b, fp_markup *out);

#endif
