/* Internal to the html stage: where each byte of a libxml2 characters()
 * chunk came from in the decoded input.
 *
 * libxml2's SAX events carry no byte offsets.  When characters() runs, the
 * parser cursor sits just after the chunk's source, so most chunks are
 * found verbatim right before it.  Chunks that are not a copy of their
 * source (entity and character references, CR LF turned into LF, NUL into
 * space, dropped control bytes) are paired with it byte by byte, walking
 * backwards; what came from a reference points at its '&'. */
#ifndef FP_HTML_SOURCE_H
#define FP_HTML_SOURCE_H

#include "../common/fp_text.h"

#include <libxml/HTMLparser.h>
#include <stddef.h>
#include <stdint.h>

typedef struct fp_html_source {
    const fp_decoded *in;
    uint32_t previous_end; /* decoded offset after the previous chunk */
    uint32_t *positions;   /* one rewritten chunk's decoded offsets */
    size_t positions_cap;
} fp_html_source;

/* Where one chunk's bytes come from: decoded offsets start + k (a verbatim
 * copy, positions NULL) or positions[k]. */
typedef struct fp_chunk_origin {
    const uint32_t *positions;
    uint32_t start;
} fp_chunk_origin;

void fp_html_source_init(fp_html_source *s, const fp_decoded *in);
void fp_html_source_release(fp_html_source *s);

/* Locate the chunk characters() was just given.  origin stays valid until
 * the next call.  Returns 0, or -1 when memory ran out. */
int fp_html_source_locate(fp_html_source *s, htmlParserCtxtPtr ctxt,
                          const xmlChar *chunk, size_t len,
                          fp_chunk_origin *origin);

/* A chunk whose bytes are not wanted (inside <noscript>, <head>…): only
 * note where it ended, which bounds the search for the next one. */
void fp_html_source_pass(fp_html_source *s, htmlParserCtxtPtr ctxt,
                         const xmlChar *chunk, size_t len);

/* Input offset of byte k of a located chunk. */
static inline uint32_t fp_chunk_source(const fp_html_source *s,
                                       const fp_chunk_origin *origin,
                                       size_t k)
{
    size_t decoded = origin->positions ? origin->positions[k]
                                       : origin->start + k;
    return s->in->src[decoded];
}

#endif
