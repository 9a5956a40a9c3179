#include "fp_html_capture.h"

#include "../common/fp_grow.h"

#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>
#include <stdlib.h>
#include <string.h>

/* R2: recover from anything, never touch the network, stay silent, trust
 * the decoding stage over <meta charset>.  No NOBLANKS: the white space
 * between two inline elements is a real space ("<b>4</b> <i>hồ sơ</i>").
 * No HUGE: the depth limit is raised on its own by fp_html_init. */
#define FP_HTML_PARSE_OPTIONS                                               \
    (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |       \
     HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT)

/* The longest character or entity reference looked back for when a chunk
 * is not a copy of its source ("&#x00000000001EA0;" is legal). */
#define FP_LONGEST_REFERENCE 64

/* libxml2 refuses to grow one text node past 10 MB without XML_PARSE_HUGE
 * ("huge text node") and stops the parse there.  Text nodes are started
 * afresh well before that; adjacent text nodes read as one text anyway. */
#define FP_TEXT_NODE_SPLIT (1u << 20)

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

/* Bytes of the chunk's last UTF-8 character. */
static size_t last_character_length(const xmlChar *chunk, size_t len)
{
    size_t k = len;
    while (k > 0 && len - k < 4 && (chunk[k - 1] & 0xC0) == 0x80)
        k--;
    return k > 0 ? len - k + 1 : len;
}

/* Where the chunk's source ends: at the cursor, or one character past it
 * when the cursor still sits on the chunk's last character. */
static size_t chunk_end(const fp_decoded *in, size_t cursor,
                        const xmlChar *chunk, size_t len)
{
    size_t last = last_character_length(chunk, len);
    if (cursor >= len &&
        memcmp(in->utf8 + cursor - len, chunk, len) == 0)
        return cursor;
    if (cursor + last <= in->len &&
        memcmp(in->utf8 + cursor, chunk + len - last, last) == 0)
        return cursor + last;
    return cursor;
}

static int record_piece(fp_html_capture *cap, xmlNodePtr text,
                        int existed_before, const xmlChar *chunk,
                        size_t len, size_t end)
{
    if (fp_grow((void **)&cap->pieces, &cap->pieces_cap,
                cap->n_pieces + 1, sizeof *cap->pieces, 256) < 0)
        return -1;
    fp_text_node_record *record =
        (fp_text_node_record *)fp_html_capture_record(cap, text);
    uint32_t node_offset;
    if (record) {
        node_offset = record->length;
    } else {
        if (fp_grow((void **)&cap->records, &cap->records_cap,
                    cap->n_records + 1, sizeof *cap->records, 256) < 0)
            return -1;
        record = &cap->records[cap->n_records++];
        text->_private = (void *)(uintptr_t)cap->n_records;
        record->first_piece = FP_NO_PIECE;
        record->length = 0;
        node_offset = 0;
        if (existed_before && text->content) {
            /* A text node we did not see being made: its earlier bytes
             * stay unmapped and fall back to the nearest known offset. */
            size_t content_len = strlen((const char *)text->content);
            node_offset = (uint32_t)(content_len > len ? content_len - len
                                                        : 0);
        }
    }

    uint32_t index = (uint32_t)cap->n_pieces++;
    fp_text_piece *piece = &cap->pieces[index];
    piece->node_offset = node_offset;
    piece->len = (uint32_t)len;
    piece->next = FP_NO_PIECE;
    const unsigned char *source = (const unsigned char *)cap->in->utf8;
    end = chunk_end(cap->in, end, chunk, len);
    if (end >= len && memcmp(source + end - len, chunk, len) == 0) {
        piece->decoded_start = (uint32_t)(end - len);
        piece->map = FP_PIECE_VERBATIM;
    } else if (end + len <= cap->in->len &&
               memcmp(source + end, chunk, len) == 0) {
        /* Text handed over before being consumed: the '<' of "5 < 6". */
        piece->decoded_start = (uint32_t)end;
        piece->map = FP_PIECE_VERBATIM;
    } else {
        if (fp_grow((void **)&cap->positions, &cap->positions_cap,
                    cap->n_positions + len, sizeof *cap->positions, 256) < 0)
            return -1;
        piece->decoded_start = 0;
        piece->map = (uint32_t)cap->n_positions;
        size_t lower = cap->previous_end < end ? cap->previous_end : 0;
        map_rewritten_chunk(source, lower, end, chunk, len,
                            cap->positions + cap->n_positions);
        cap->n_positions += len;
    }

    if (record->first_piece == FP_NO_PIECE)
        record->first_piece = index;
    else
        cap->pieces[record->last_piece].next = index;
    record->last_piece = index;
    record->length = node_offset + (uint32_t)len;
    cap->previous_end = (uint32_t)end;
    return 0;
}

/* Append the chunk as a new text node after parent's last child, where
 * libxml2 would have merged it into that (big) text node. */
static int start_new_text_node(htmlParserCtxtPtr ctxt, xmlNodePtr parent,
                               const xmlChar *chunk, int len)
{
    xmlNodePtr text = xmlNewDocTextLen(ctxt->myDoc, chunk, len);
    if (!text)
        return -1;
    /* Linked by hand: xmlAddChild would merge it straight back. */
    text->parent = parent;
    text->prev = parent->last;
    parent->last->next = text;
    parent->last = text;
    /* libxml2's bookkeeping of the node it appends to: length and
     * allocated size of its content (xmlStrndup allocated len + 1). */
    ctxt->nodelen = len;
    ctxt->nodemem = len + 1;
    return 0;
}

static int is_big_text_node(const fp_html_capture *cap, const xmlNode *node,
                            int len)
{
    if (!node || node->type != XML_TEXT_NODE)
        return 0;
    const fp_text_node_record *record = fp_html_capture_record(cap, node);
    return record && (size_t)record->length + (size_t)len > FP_TEXT_NODE_SPLIT;
}

static void capture_characters(void *user_data, const xmlChar *chunk,
                               int len)
{
    htmlParserCtxtPtr ctxt = user_data;
    fp_html_capture *cap = ctxt->_private;
    xmlNodePtr parent = ctxt->node;
    xmlNodePtr last_before = parent ? parent->last : NULL;
    size_t end = parser_position(ctxt, cap->in->len);

    if (!cap->out_of_memory && is_big_text_node(cap, last_before, len)) {
        if (start_new_text_node(ctxt, parent, chunk, len) < 0) {
            cap->out_of_memory = 1;
            xmlStopParser(ctxt);
            return;
        }
    } else {
        cap->libxml_characters(user_data, chunk, len);
    }

    if (cap->out_of_memory || len <= 0 || !parent)
        return;
    xmlNodePtr text = parent->last; /* where libxml2 put (or merged) it */
    if (!text || text->type != XML_TEXT_NODE)
        return;
    if (record_piece(cap, text, text == last_before, chunk, (size_t)len,
                     end) < 0) {
        cap->out_of_memory = 1;
        xmlStopParser(ctxt);
        return;
    }
}

xmlDocPtr fp_html_capture_parse(fp_html_capture *cap, const fp_decoded *in,
                                int *partial, int *no_document)
{
    memset(cap, 0, sizeof *cap);
    cap->in = in;
    *partial = 0;
    *no_document = 0;

    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (!ctxt) {
        cap->out_of_memory = 1;
        return NULL;
    }
    /* htmlCtxtReadMemory resets the context but keeps its SAX table and
     * _private, so the wrapper set here survives into the parse. */
    cap->libxml_characters = ctxt->sax->characters;
    ctxt->sax->characters = capture_characters;
    ctxt->_private = cap;

    xmlDocPtr doc = htmlCtxtReadMemory(ctxt, in->utf8, (int)in->len, NULL,
                                       "UTF-8", FP_HTML_PARSE_OPTIONS);
    /* INTERNAL_ERROR is what a halted parse (depth limit) leaves. */
    if (ctxt->errNo == XML_ERR_INTERNAL_ERROR ||
        ctxt->errNo == XML_ERR_NO_MEMORY)
        *partial = 1;
    htmlFreeParserCtxt(ctxt);

    if (cap->out_of_memory) {
        xmlFreeDoc(doc);
        return NULL;
    }
    if (!doc)
        *no_document = 1;
    return doc;
}

void fp_html_capture_release(fp_html_capture *cap)
{
    free(cap->pieces);
    free(cap->records);
    free(cap->positions);
    memset(cap, 0, sizeof *cap);
}
