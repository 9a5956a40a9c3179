#include "fp_html_source.h"

#include "../common/fp_grow.h"

#include <libxml/parserInternals.h>
#include <stdlib.h>
#include <string.h>

/* The longest character or entity reference looked back for when a chunk
 * is not a copy of its source ("&#x00000000001EA0;" is legal). */
#define FP_LONGEST_REFERENCE 64

void fp_html_source_init(fp_html_source *s, const fp_decoded *in)
{
    memset(s, 0, sizeof *s);
    s->in = in;
}

void fp_html_source_release(fp_html_source *s)
{
    free(s->positions);
    memset(s, 0, sizeof *s);
}

/* Decoded offset the parser has reached.  When characters() runs the
 * cursor sits just after the chunk's source — except when htmlParseCharData
 * flushes its full ~1000-byte buffer: it does so before stepping over the
 * chunk's last character (see chunk_end).  Cheaper than xmlByteConsumed(),
 * which re-encodes. */
static size_t parser_position(htmlParserCtxtPtr ctxt, size_t input_len)
{
    const xmlParserInput *input = ctxt->input;
    if (!input || !input->cur || !input->base)
        return input_len;
    size_t pos = (size_t)input->consumed + (size_t)(input->cur - input->base);
    return pos < input_len ? pos : input_len;
}

/* Bytes of the chunk's last UTF-8 character. */
static size_t last_character_length(const xmlChar *chunk, size_t len)
{
    size_t k = len;
    while (k > 0 && len - k < 4 && (chunk[k - 1] & 0xC0) == 0x80)
        k--;
    return k > 0 ? len - k + 1 : len;
}

/* Does the decoded input hold the chunk at offset at? */
static int copied_at(const fp_decoded *in, size_t at, const xmlChar *chunk,
                     size_t len)
{
    return at + len <= in->len && memcmp(in->utf8 + at, chunk, len) == 0;
}

/* Where the chunk's source ends, given the cursor: at the cursor, or one
 * character past it when the cursor still sits on the chunk's last
 * character.  *verbatim is set when the chunk was found right before the
 * cursor. */
static size_t chunk_end(const fp_decoded *in, size_t cursor,
                        const xmlChar *chunk, size_t len, int *verbatim)
{
    *verbatim = cursor >= len && copied_at(in, cursor - len, chunk, len);
    if (*verbatim)
        return cursor;
    size_t last = last_character_length(chunk, len);
    if (copied_at(in, cursor, chunk + len - last, last))
        return cursor + last;
    return cursor;
}

/* Map a chunk that is not a byte-for-byte copy of the source before
 * `end`.  Walk backwards pairing chunk and source bytes through libxml2's
 * rewrites (CR LF -> LF, lone CR, NUL -> space, dropped control bytes);
 * whatever is left came from a reference and points at its '&'. */
static void map_rewritten_chunk(const unsigned char *source, size_t lower,
                                size_t end, const xmlChar *chunk,
                                size_t len, uint32_t *positions)
{
    size_t i = len, j = end;
    while (i > 0 && j > lower) {
        unsigned char c = chunk[i - 1], b = source[j - 1];
        if (b == c || (b == 0 && c == ' ') || (b == '\r' && c == '\n')) {
            positions[--i] = (uint32_t)(j - 1);
            j--;
        } else if (b < 0x20 && b != '\t' && b != '\n') {
            j--; /* a byte libxml2 dropped */
        } else {
            break;
        }
    }
    if (i == 0)
        return;
    size_t anchor = j > 0 ? j - 1 : 0;
    size_t floor = j > FP_LONGEST_REFERENCE ? j - FP_LONGEST_REFERENCE : 0;
    if (floor < lower)
        floor = lower;
    for (size_t k = j; k > floor; k--) {
        if (source[k - 1] == '&') {
            anchor = k - 1;
            break;
        }
    }
    while (i > 0)
        positions[--i] = (uint32_t)anchor;
}

int fp_html_source_locate(fp_html_source *s, htmlParserCtxtPtr ctxt,
                          const xmlChar *chunk, size_t len,
                          fp_chunk_origin *origin)
{
    const fp_decoded *in = s->in;
    int verbatim;
    size_t end = chunk_end(in, parser_position(ctxt, in->len), chunk, len,
                           &verbatim);
    size_t lower = s->previous_end < end ? s->previous_end : 0;
    s->previous_end = (uint32_t)end;
    origin->positions = NULL;
    if (verbatim || (end >= len && copied_at(in, end - len, chunk, len))) {
        origin->start = (uint32_t)(end - len);
        return 0;
    }
    if (copied_at(in, end, chunk, len)) {
        /* Text handed over before being consumed: the '<' of "5 < 6". */
        origin->start = (uint32_t)end;
        return 0;
    }
    if (fp_grow((void **)&s->positions, &s->positions_cap, len,
                sizeof *s->positions, 256) < 0)
        return -1;
    map_rewritten_chunk((const unsigned char *)in->utf8, lower, end, chunk,
                        len, s->positions);
    origin->positions = s->positions;
    origin->start = 0;
    return 0;
}

void fp_html_source_pass(fp_html_source *s, htmlParserCtxtPtr ctxt,
                         const xmlChar *chunk, size_t len)
{
    int verbatim;
    s->previous_end = (uint32_t)chunk_end(
        s->in, parser_position(ctxt, s->in->len), chunk, len, &verbatim);
}
