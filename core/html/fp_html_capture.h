/* Internal to the html stage: parse HTML with libxml2 and remember, for
 * every byte of every text node, where it came from in the decoded input.
 *
 * libxml2's tree has no byte offsets, so the SAX `characters` callback is
 * wrapped: it notes the parser position, lets libxml2 append the chunk to
 * its text node, and records a piece {node offset, length, origin}.  Each
 * text node's _private holds its record number (+1) so the tree walk finds
 * the pieces again. */
#ifndef FP_HTML_CAPTURE_H
#define FP_HTML_CAPTURE_H

#include "../common/fp_text.h"

#include <libxml/HTMLparser.h>
#include <stddef.h>
#include <stdint.h>

#define FP_PIECE_VERBATIM UINT32_MAX /* fp_text_piece.map: no own map */
#define FP_NO_PIECE UINT32_MAX

/* One characters() chunk inside one text node. */
typedef struct fp_text_piece {
    uint32_t node_offset; /* where the chunk starts in the node content */
    uint32_t len;
    uint32_t decoded_start; /* verbatim chunks: decoded offset of byte 0 */
    uint32_t map;  /* FP_PIECE_VERBATIM, or first index into positions[] */
    uint32_t next; /* next piece of the same node, or FP_NO_PIECE */
} fp_text_piece;

typedef struct fp_text_node_record {
    uint32_t first_piece, last_piece;
    uint32_t length; /* content bytes of the node (NULs included) */
} fp_text_node_record;

typedef struct fp_html_capture {
    const fp_decoded *in;
    fp_text_piece *pieces;
    size_t n_pieces, pieces_cap;
    fp_text_node_record *records;
    size_t n_records, records_cap;
    uint32_t *positions; /* decoded offsets of non-verbatim chunks' bytes */
    size_t n_positions, positions_cap;
    uint32_t previous_end; /* decoded offset after the previous chunk */
    int out_of_memory;
    charactersSAXFunc libxml_characters;
} fp_html_capture;

/* Parse in->utf8 into a tree (free with xmlFreeDoc), filling cap.
 * *partial is set when the parser stopped early.  Returns NULL when memory
 * ran out or when libxml2 produced no document (*no_document set then). */
xmlDocPtr fp_html_capture_parse(fp_html_capture *cap, const fp_decoded *in,
                                int *partial, int *no_document);

void fp_html_capture_release(fp_html_capture *cap);

/* The record of a text node, or NULL when no chunk was seen for it. */
static inline const fp_text_node_record *
fp_html_capture_record(const fp_html_capture *cap, const xmlNode *text)
{
    uintptr_t id = (uintptr_t)text->_private;
    if (id == 0 || id > cap->n_records)
        return NULL;
    return &cap->records[id - 1];
}

#endif
