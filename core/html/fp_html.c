/* HTML -> fp_text: parse with offset capture (fp_html_capture.c), then walk
 * the tree once, iteratively, feeding a text builder. */
#include "fp_html.h"

#include "../common/fp_grow.h"

#include "fp_html_capture.h"
#include "fp_html_guard.h"
#include "fp_html_node.h"
#include "fp_html_tags.h"
#include "fp_text_builder.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* libxml2 2.9.14 halts at 256 levels and silently drops the rest of the
 * page (RELIABILITY M4); real pages nest deeper than that. */
#define FP_HTML_MAX_DEPTH 4096

void fp_html_init(void)
{
    static int initialized;
    if (initialized)
        return;
    initialized = 1;
    xmlInitParser();
    if (xmlParserMaxDepth < FP_HTML_MAX_DEPTH)
        xmlParserMaxDepth = FP_HTML_MAX_DEPTH;
}

/* What leaving an element must undo. */
typedef struct walk_frame {
    fp_tag_kind kind;
    int32_t element;       /* FP_TAG_BLOCK: its index in elements */
    int32_t outer_element; /* the builder's element before entering */
    uint8_t outer_heading;
    uint8_t preformatted;
    uint64_t link_total_at_entry;
    size_t pending_index; /* FP_TAG_BLOCK: its slot in html_walk.pending */
} walk_frame;

/* A block element whose text has not started yet.  Its start is the start
 * of the next line — if that line opens before it closes, or before its
 * nearest element with text closes.  Resolving lazily keeps every range
 * inside its parent's even for elements without text. */
typedef struct pending_element {
    uint32_t element;
    int closed;
} pending_element;

typedef struct html_walk {
    const fp_decoded *in;
    const fp_html_capture *cap;
    fp_text_builder tb;
    fp_element *elements;
    size_t n_elements, elements_cap;
    walk_frame *frames;
    size_t depth, frames_cap;
    pending_element *pending;
    size_t n_pending, pending_cap;
    size_t pending_line; /* the line that will resolve them */
    int in_head;
    int in_pre;
    uint32_t last_src; /* offset given to bytes no chunk accounts for */
    char *title;
    int out_of_memory;
} html_walk;

/* Text has started: every pending element starts with the line. */
static void resolve_pending(html_walk *w)
{
    if (w->n_pending == 0 || w->tb.n_lines <= w->pending_line)
        return;
    uint32_t start = w->tb.lines[w->pending_line].start;
    for (size_t i = 0; i < w->n_pending; i++) {
        fp_element *element = &w->elements[w->pending[i].element];
        element->start = start;
        if (w->pending[i].closed)
            element->end = start;
    }
    w->n_pending = 0;
}

/* Settle pending entries [from, n_pending) as empty ranges at `at`. */
static void settle_pending(html_walk *w, size_t from, uint32_t at)
{
    for (size_t i = from; i < w->n_pending; i++) {
        fp_element *element = &w->elements[w->pending[i].element];
        element->start = at;
        element->end = at;
    }
    w->n_pending = from;
}

/* ---- text nodes ------------------------------------------------------ */

typedef struct piece_cursor {
    uint32_t piece;
} piece_cursor;

/* Input offset of byte k of a text node; k only grows between calls. */
static inline uint32_t source_of(html_walk *w, piece_cursor *cursor,
                                 size_t k)
{
    const fp_html_capture *cap = w->cap;
    while (cursor->piece != FP_NO_PIECE) {
        const fp_text_piece *p = &cap->pieces[cursor->piece];
        if (k < p->node_offset)
            return w->last_src;
        if (k < (size_t)p->node_offset + p->len) {
            size_t within = k - p->node_offset;
            size_t decoded = p->map == FP_PIECE_VERBATIM
                                 ? p->decoded_start + within
                                 : cap->positions[p->map + within];
            w->last_src = w->in->src[decoded];
            return w->last_src;
        }
        cursor->piece = p->next;
    }
    return w->last_src;
}

static int emit_text_node(html_walk *w, const xmlNode *node)
{
    const unsigned char *content = node->content;
    if (!content || w->in_head)
        return 0;
    size_t len = strlen((const char *)content);
    if (fp_text_builder_reserve(&w->tb, len) < 0)
        return -1;
    const fp_text_node_record *record = fp_html_capture_record(w->cap, node);
    piece_cursor cursor = {record ? record->first_piece : FP_NO_PIECE};

    for (size_t k = 0; k < len;) {
        size_t n = fp_space_length(content, k, len);
        if (n) {
            if (w->in_pre && content[k] == '\n')
                fp_text_builder_break(&w->tb);
            else
                fp_text_builder_space(&w->tb, source_of(w, &cursor, k));
            k += n;
            continue;
        }
        n = fp_invisible_length(content, k, len);
        if (n) {
            k += n;
            continue;
        }
        if (fp_text_builder_byte(&w->tb, (char)content[k],
                                 source_of(w, &cursor, k)) < 0)
            return -1;
        k++;
    }
    resolve_pending(w);
    return 0;
}

static int open_block(html_walk *w, const xmlNode *node, walk_frame *frame)
{
    if (fp_grow((void **)&w->elements, &w->elements_cap, w->n_elements + 1,
                sizeof *w->elements, 64) < 0 ||
        fp_grow((void **)&w->pending, &w->pending_cap, w->n_pending + 1,
                sizeof *w->pending, 64) < 0)
        return -1;
    fp_text_builder_break(&w->tb);
    int32_t parent = w->tb.element;
    fp_element *element = &w->elements[w->n_elements];
    memset(element, 0, sizeof *element);
    element->parent = parent;
    strncpy(element->tag, (const char *)node->name, sizeof element->tag - 1);
    element->cues = fp_html_element_cues(node, &w->out_of_memory);
    if (w->out_of_memory)
        return -1;
    element->start = UINT32_MAX; /* see pending_element */
    element->end = UINT32_MAX;
    element->depth = parent >= 0 ? w->elements[parent].depth + 1 : 0;

    if (w->n_pending == 0)
        w->pending_line = w->tb.n_lines;
    frame->pending_index = w->n_pending;
    w->pending[w->n_pending].element = (uint32_t)w->n_elements;
    w->pending[w->n_pending++].closed = 0;

    frame->element = (int32_t)w->n_elements++;
    w->tb.element = frame->element;
    return 0;
}

static void close_block(html_walk *w, const walk_frame *frame)
{
    fp_text_builder_break(&w->tb);
    fp_element *element = &w->elements[frame->element];
    element->end = (uint32_t)w->tb.len;
    if (element->start == UINT32_MAX) {
        /* No text came.  With a parent whose text has started, settle it
         * (and its empty descendants) where the parent's text stands;
         * otherwise it waits for the parent's fate. */
        int32_t parent = element->parent;
        if (parent < 0 || w->elements[parent].start != UINT32_MAX)
            settle_pending(w, frame->pending_index, (uint32_t)w->tb.len);
        else
            w->pending[frame->pending_index].closed = 1;
    }
    element->link_bytes =
        (uint32_t)(w->tb.link_total - frame->link_total_at_entry);
    w->tb.element = frame->outer_element;
    w->tb.heading = frame->outer_heading;
    if (frame->preformatted)
        w->in_pre--;
}

/* Returns 1 when the walk goes into node's children (a frame was pushed),
 * 0 when node is done, -1 when memory ran out. */
static int enter_element(html_walk *w, const xmlNode *node)
{
    fp_tag_info info = fp_html_tag_info((const char *)node->name);
    switch (info.kind) {
    case FP_TAG_SKIP:
        return 0;
    case FP_TAG_BREAK:
        fp_text_builder_break(&w->tb);
        return 0;
    case FP_TAG_TITLE:
        if (!w->title)
            w->title = fp_html_title_text(node, &w->out_of_memory);
        return w->out_of_memory ? -1 : 0;
    default:
        break;
    }
    if (fp_grow((void **)&w->frames, &w->frames_cap, w->depth + 1,
                sizeof *w->frames, 64) < 0)
        return -1;
    walk_frame *frame = &w->frames[w->depth];
    frame->kind = info.kind;
    frame->element = -1;
    frame->outer_element = w->tb.element;
    frame->outer_heading = w->tb.heading;
    frame->preformatted = info.preformatted;
    frame->link_total_at_entry = w->tb.link_total;
    if (info.kind == FP_TAG_BLOCK) {
        if (open_block(w, node, frame) < 0)
            return -1;
        if (info.heading)
            w->tb.heading = info.heading;
        if (info.preformatted)
            w->in_pre++;
    } else if (info.kind == FP_TAG_LINK) {
        w->tb.in_link++;
    } else if (info.kind == FP_TAG_HEAD) {
        w->in_head++;
    }
    w->depth++;
    return 1;
}

static void leave_element(html_walk *w)
{
    const walk_frame *frame = &w->frames[--w->depth];
    if (frame->kind == FP_TAG_BLOCK)
        close_block(w, frame);
    else if (frame->kind == FP_TAG_LINK)
        w->tb.in_link--;
    else if (frame->kind == FP_TAG_HEAD)
        w->in_head--;
}

/* Depth-first over the whole tree with sibling/parent links and an
 * explicit frame stack: no recursion, however deep the page (R4). */
static int walk_document(html_walk *w, xmlDocPtr doc)
{
    xmlNodePtr node = doc->children;
    while (node) {
        int descend = 0;
        if (node->type == XML_ELEMENT_NODE) {
            descend = enter_element(w, node);
            if (descend < 0)
                return -1;
            if (descend && !node->children) {
                leave_element(w);
                descend = 0;
            }
        } else if (node->type == XML_TEXT_NODE) {
            if (emit_text_node(w, node) < 0)
                return -1;
        }
        if (descend) {
            node = node->children;
            continue;
        }
        while (!node->next) {
            node = node->parent;
            if (!node || node == (xmlNodePtr)doc)
                return 0;
            leave_element(w);
        }
        node = node->next;
    }
    return 0;
}

/* Parse in and walk its tree into out. */
static int extract_text(const fp_decoded *in, fp_text *out, fp_error *err)
{
    html_walk w;
    memset(&w, 0, sizeof w);
    w.in = in;
    fp_text_builder_init(&w.tb);
    fp_html_capture cap;
    memset(&cap, 0, sizeof cap);
    w.cap = &cap;

    int partial = 0, no_document = 0, failed = 0;
    xmlDocPtr doc = NULL;
    if (in->len > 0) {
        doc = fp_html_capture_parse(&cap, in, &partial, &no_document);
        failed = !doc && !no_document;
    }
    if (doc && !failed)
        failed = walk_document(&w, doc) < 0;
    xmlFreeDoc(doc);
    fp_html_capture_release(&cap);
    free(w.frames);
    if (!failed)
        failed = fp_text_builder_finish(&w.tb, in->src[in->len], out) < 0;
    if (failed) {
        for (size_t i = 0; i < w.n_elements; i++)
            free(w.elements[i].cues);
        free(w.elements);
        free(w.pending);
        free(w.title);
        fp_text_builder_release(&w.tb);
        memset(out, 0, sizeof *out);
        return fp_error_set(err, "out of memory extracting HTML text "
                                 "(%zu bytes of input)",
                            in->len);
    }
    /* Elements still waiting for text when the page ended. */
    settle_pending(&w, 0, (uint32_t)out->len);
    free(w.pending);
    out->format = FP_FORMAT_HTML;
    out->elements = w.elements;
    out->n_elements = w.n_elements;
    out->html_title = w.title;
    out->partial = partial;
    return 0;
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
        return extract_text(in, out, err);
    fp_decoded without_nul = *in;
    without_nul.utf8 = malloc(in->len + 1);
    if (!without_nul.utf8)
        return fp_error_set(err, "out of memory copying %zu bytes of HTML",
                            in->len);
    for (size_t i = 0; i < in->len; i++)
        without_nul.utf8[i] = in->utf8[i] ? in->utf8[i] : ' ';
    without_nul.utf8[in->len] = '\0';
    int rc = extract_text(&without_nul, out, err);
    free(without_nul.utf8);
    return rc;
}

