#include "fp_html_sax.h"

#include "../common/fp_grow.h"

#include "fp_html_markup.h"
#include "fp_html_source.h"
#include "fp_html_strings.h"
#include "fp_html_tags.h"
#include "fp_text_builder.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Recover from anything, never touch the network, stay silent, trust the
 * decoding stage over <meta charset> (docs/RELIABILITY.md, HTML parsing).
 * No NOBLANKS: the white space between two inline elements is a real
 * space ("<b>4</b> <i>hồ sơ</i>").
 * No HUGE: the depth limit is raised on its own by fp_html_init. */
#define FP_HTML_PARSE_OPTIONS                                               \
    (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |       \
     HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT)

/* The share of a page's bytes its text is expected to need at most,
 * as a divisor: room for the text is reserved up front. */
#define FP_HTML_TEXT_SHARE 4

/* One open element: what leaving it must undo. */
typedef struct open_element {
    fp_tag_kind kind;
    int ignored;           /* its content is not body text */
    int captures_title;    /* the <title> whose text becomes html_title */
    int32_t element;       /* FP_TAG_BLOCK: its index in elements */
    int32_t outer_element; /* the builder's element before entering */
    uint8_t outer_heading;
    uint8_t preformatted;
    uint64_t link_total_at_entry;
    size_t pending_index; /* FP_TAG_BLOCK: its slot in html_sax.pending */
    int32_t markup_item;  /* the fp_markup item it opened, or -1 */
    int jsonld_script;    /* a JSON-LD <script> */
} open_element;

/* A block element whose text has not started yet.  Its start is the start
 * of the next line — if that line opens before it closes, or before its
 * nearest element with text closes.  Resolving lazily keeps every range
 * inside its parent's even for elements without text. */
typedef struct pending_element {
    uint32_t element;
    int closed;
} pending_element;

typedef struct html_sax {
    htmlParserCtxtPtr ctxt;
    fp_html_source source;
    fp_text_builder tb;
    fp_element *elements;
    size_t n_elements, elements_cap;
    open_element *open;
    size_t depth, open_cap;
    pending_element *pending;
    size_t n_pending, pending_cap;
    size_t pending_line; /* the line that will resolve them */
    size_t ignored_depth; /* > 0 inside script, style, title, br… */
    int in_head;
    int in_pre;
    fp_title_text title_text; /* the <title> being read */
    int title_open;
    char *title;
    fp_markup_builder markup;
    int too_deep;      /* stopped at libxml2's depth limit: partial */
    int out_of_memory; /* stopped: no result */
} html_sax;

static void stop_out_of_memory(html_sax *w)
{
    w->out_of_memory = 1;
    xmlStopParser(w->ctxt);
}

/* Text has started: every pending element starts with the line. */
static void resolve_pending(html_sax *w)
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
static void settle_pending(html_sax *w, size_t from, uint32_t at)
{
    for (size_t i = from; i < w->n_pending; i++) {
        fp_element *element = &w->elements[w->pending[i].element];
        element->start = at;
        element->end = at;
    }
    w->n_pending = from;
}

/* ---- text ------------------------------------------------------------ */

/* Can byte c start white space or an invisible character?  Bytes that
 * cannot are copied in runs. */
static inline int may_start_space_or_invisible(unsigned char c)
{
    /* A table: this is asked of every byte of the page's text. */
    static const unsigned char starts[256] = {
        [' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, ['\f'] = 1, ['\v'] = 1,
        [0xC2] = 1, [0xE2] = 1, [0xEF] = 1};
    return starts[c];
}

/* Where the run of bytes that can be copied as they stand ends, from a
 * byte at k that cannot start white space.  A single ' ' between two such
 * bytes belongs to the run: collapsing white space would write that very
 * space, mapped to that very byte, so a sentence is copied in one piece
 * rather than word by word. */
static size_t verbatim_run_end(const xmlChar *chunk, size_t k, size_t len)
{
    for (;;) {
        while (k < len && !may_start_space_or_invisible(chunk[k]))
            k++;
        if (k + 1 < len && chunk[k] == ' ' &&
            !may_start_space_or_invisible(chunk[k + 1])) {
            k += 2;
            continue;
        }
        return k;
    }
}

static int emit_chunk(html_sax *w, const xmlChar *chunk, size_t len,
                      const fp_chunk_origin *origin)
{
    if (fp_text_builder_reserve(&w->tb, len) < 0)
        return -1;
    for (size_t k = 0; k < len;) {
        if (!origin->positions && !may_start_space_or_invisible(chunk[k])) {
            size_t run = verbatim_run_end(chunk, k + 1, len);
            if (fp_text_builder_bytes(
                    &w->tb, (const char *)chunk + k,
                    w->source.in->src + origin->start + k, run - k) < 0)
                return -1;
            k = run;
            continue;
        }
        size_t n = fp_space_length(chunk, k, len);
        if (n) {
            if (w->in_pre && chunk[k] == '\n')
                fp_text_builder_break(&w->tb);
            else
                fp_text_builder_space(&w->tb,
                                      fp_chunk_source(&w->source, origin, k));
            k += n;
            continue;
        }
        n = fp_invisible_length(chunk, k, len);
        if (n) {
            k += n;
            continue;
        }
        if (fp_text_builder_byte(&w->tb, (char)chunk[k],
                                 fp_chunk_source(&w->source, origin, k)) < 0)
            return -1;
        k++;
    }
    resolve_pending(w);
    return 0;
}

static void on_characters(void *user_data, const xmlChar *chunk, int len)
{
    htmlParserCtxtPtr ctxt = user_data;
    html_sax *w = ctxt->_private;
    /* Text outside any element has nowhere to go: libxml2's own tree
     * builder drops it too (white space after </html>). */
    if (w->out_of_memory || len <= 0 || w->depth == 0)
        return;
    size_t n = (size_t)len;
    if (w->title_open) {
        fp_html_source_pass(&w->source, ctxt, chunk, n);
        if (fp_title_text_append(&w->title_text, chunk, n) < 0)
            stop_out_of_memory(w);
        return;
    }
    if (w->ignored_depth > 0 || w->in_head) {
        fp_html_source_pass(&w->source, ctxt, chunk, n);
        return;
    }
    fp_chunk_origin origin;
    if (fp_html_source_locate(&w->source, ctxt, chunk, n, &origin) < 0 ||
        emit_chunk(w, chunk, n, &origin) < 0)
        stop_out_of_memory(w);
}

/* Script and style content: never text, but JSON-LD is page metadata. */
static void on_cdata(void *user_data, const xmlChar *chunk, int len)
{
    htmlParserCtxtPtr ctxt = user_data;
    html_sax *w = ctxt->_private;
    if (!w->out_of_memory && len > 0 && w->markup.in_jsonld &&
        fp_markup_script_text(&w->markup, chunk, (size_t)len) < 0)
        stop_out_of_memory(w);
}

/* ---- elements -------------------------------------------------------- */

static int open_block(html_sax *w, const xmlChar *name,
                      const xmlChar **attributes, open_element *frame)
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
    /* Tag names are short: copy what fits, the rest of tag is zero. */
    size_t tag_len = strnlen((const char *)name, sizeof element->tag - 1);
    memcpy(element->tag, name, tag_len);
    bool hidden;
    element->cues = fp_html_element_cues(attributes, &hidden,
                                         &w->out_of_memory);
    element->hidden = hidden;
    if (w->out_of_memory)
        return -1;
    element->picture_at = UINT32_MAX;
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

static void close_block(html_sax *w, const open_element *frame)
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

static bool has_attribute(const xmlChar **attributes, const char *name)
{
    for (size_t i = 0; attributes && attributes[i]; i += 2)
        if (strcmp((const char *)attributes[i], name) == 0)
            return true;
    return false;
}

/* Pictures under this many pixels wide or high are icons (a rating
 * star, a share button) or tracking pixels. */
enum { ICON_MAX_PIXELS = 47 };

static bool is_icon(const xmlChar **attributes)
{
    for (size_t i = 0; attributes && attributes[i]; i += 2) {
        const char *name = (const char *)attributes[i];
        const char *value = (const char *)attributes[i + 1];
        if (value && (strcmp(name, "width") == 0 ||
                      strcmp(name, "height") == 0)) {
            char *end;
            long pixels = strtol(value, &end, 10);
            if (end != value && pixels <= ICON_MAX_PIXELS)
                return true;
        }
    }
    return false;
}

/* What entering an element does to the text; frame is already pushed. */
static int enter_element(html_sax *w, const xmlChar *name,
                         const xmlChar **attributes, open_element *frame)
{
    fp_markup_place at = {w->tb.element, (uint32_t)w->tb.len};
    if (fp_markup_element_start(&w->markup, (const char *)name, attributes,
                                at, &frame->markup_item,
                                &frame->jsonld_script) < 0)
        return -1;
    fp_tag_info info = fp_html_tag_info((const char *)name);
    frame->kind = info.kind;
    switch (info.kind) {
    case FP_TAG_BREAK:
        fp_text_builder_break(&w->tb);
        frame->ignored = 1;
        w->ignored_depth++;
        return 0;
    case FP_TAG_TITLE:
        /* The first <title> with text is the page's title; its
         * descendants' text is all title text. */
        if (!w->title && !w->title_open) {
            w->title_open = 1;
            frame->captures_title = 1;
        }
        frame->ignored = 1;
        w->ignored_depth++;
        return 0;
    case FP_TAG_SKIP:
        frame->ignored = 1;
        w->ignored_depth++;
        return 0;
    default:
        break;
    }
    frame->outer_element = w->tb.element;
    frame->outer_heading = w->tb.heading;
    frame->preformatted = info.preformatted;
    frame->link_total_at_entry = w->tb.link_total;
    if (info.kind == FP_TAG_BLOCK) {
        if (open_block(w, name, attributes, frame) < 0)
            return -1;
        if (info.heading)
            w->tb.heading = info.heading;
        if (info.preformatted)
            w->in_pre++;
    } else if (info.kind == FP_TAG_LINK) {
        w->tb.in_link++;
        if (w->tb.element >= 0 && has_attribute(attributes, "href"))
            w->elements[w->tb.element].holds |= FP_ELEMENT_LINK;
    } else if (info.kind == FP_TAG_PICTURE) {
        fp_element *box = w->tb.element >= 0 ? &w->elements[w->tb.element]
                                              : NULL;
        if (box && !is_icon(attributes) && !(box->holds & FP_ELEMENT_PICTURE)) {
            box->holds |= FP_ELEMENT_PICTURE;
            box->picture_at = (uint32_t)w->tb.len;
        }
    } else if (info.kind == FP_TAG_HEAD) {
        w->in_head++;
    }
    return 0;
}

static void on_start_element(void *user_data, const xmlChar *name,
                             const xmlChar **attributes)
{
    htmlParserCtxtPtr ctxt = user_data;
    html_sax *w = ctxt->_private;
    if (w->out_of_memory)
        return;
    /* libxml2 stops its own tree at this depth (nodePush); page text past
     * it is lost either way, and the page is marked partial. */
    if (w->depth > (size_t)xmlParserMaxDepth) {
        w->too_deep = 1;
        xmlStopParser(ctxt);
        return;
    }
    if (fp_grow((void **)&w->open, &w->open_cap, w->depth + 1,
                sizeof *w->open, 64) < 0) {
        stop_out_of_memory(w);
        return;
    }
    open_element *frame = &w->open[w->depth++];
    memset(frame, 0, sizeof *frame);
    frame->element = -1;
    frame->markup_item = -1;
    if (w->ignored_depth > 0) {
        frame->kind = FP_TAG_SKIP;
        frame->ignored = 1;
        w->ignored_depth++;
        return;
    }
    if (enter_element(w, fp_html_local_name(name), attributes, frame) < 0)
        stop_out_of_memory(w);
}

static void leave_element(html_sax *w)
{
    const open_element *frame = &w->open[--w->depth];
    if (frame->markup_item >= 0)
        fp_markup_element_end(&w->markup, frame->markup_item, w->tb.text,
                              (uint32_t)w->tb.len);
    if (frame->jsonld_script)
        fp_markup_script_end(&w->markup);
    if (frame->ignored) {
        w->ignored_depth--;
        if (frame->captures_title) {
            w->title = fp_title_text_take(&w->title_text);
            w->title_open = 0;
        }
    } else if (frame->kind == FP_TAG_BLOCK) {
        close_block(w, frame);
    } else if (frame->kind == FP_TAG_LINK) {
        w->tb.in_link--;
    } else if (frame->kind == FP_TAG_HEAD) {
        w->in_head--;
    }
}

static void on_end_element(void *user_data, const xmlChar *name)
{
    (void)name; /* ends pair with starts in order, whatever their names */
    htmlParserCtxtPtr ctxt = user_data;
    html_sax *w = ctxt->_private;
    if (!w->out_of_memory && w->depth > 0)
        leave_element(w);
}

/* ---- the parse ------------------------------------------------------- */

/* Only what text extraction needs: no tree, no document, no DTD. */
static void set_handlers(htmlSAXHandler *sax)
{
    memset(sax, 0, sizeof *sax);
    sax->startElement = on_start_element;
    sax->endElement = on_end_element;
    sax->characters = on_characters;
    sax->cdataBlock = on_cdata;
}

static void release(html_sax *w)
{
    for (size_t i = 0; i < w->n_elements; i++)
        free(w->elements[i].cues);
    free(w->elements);
    free(w->pending);
    free(w->open);
    free(w->title);
    free(w->title_text.text);
    fp_markup_builder_release(&w->markup);
    fp_html_source_release(&w->source);
    fp_text_builder_release(&w->tb);
}

/* Run the parser over in with w's handlers; sets *partial. */
static int parse(html_sax *w, const fp_decoded *in, int *partial)
{
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (!ctxt)
        return -1;
    /* htmlCtxtReadMemory resets the context but keeps its SAX table and
     * _private.  Parsing through it keeps libxml2's input set-up and
     * options exactly as for a tree. */
    set_handlers(ctxt->sax);
    ctxt->_private = w;
    w->ctxt = ctxt;
    xmlDocPtr doc = htmlCtxtReadMemory(ctxt, in->utf8, (int)in->len, NULL,
                                       "UTF-8", FP_HTML_PARSE_OPTIONS);
    xmlFreeDoc(doc); /* NULL: no startDocument handler, no tree */
    /* INTERNAL_ERROR and NO_MEMORY are what a halted parse leaves. */
    *partial = w->too_deep || ctxt->errNo == XML_ERR_INTERNAL_ERROR ||
               ctxt->errNo == XML_ERR_NO_MEMORY;
    htmlFreeParserCtxt(ctxt);
    w->ctxt = NULL;
    return w->out_of_memory ? -1 : 0;
}

int fp_html_sax_extract(const fp_decoded *in, fp_text *out, fp_error *err)
{
    html_sax w;
    memset(&w, 0, sizeof w);
    fp_html_source_init(&w.source, in);
    fp_text_builder_init(&w.tb);
    /* Room for the text at once rather than by doubling from 4 KiB, each
     * doubling a copy of the text and its map: a page's text is a fraction
     * of its HTML (a fifth on generated bulletins, less on portal pages),
     * and the builder still grows if a page has more. */
    if (fp_text_builder_reserve(&w.tb, in->len / FP_HTML_TEXT_SHARE) < 0)
        return fp_error_set(err, "out of memory extracting HTML text "
                                 "(%zu bytes of input)",
                            in->len);

    int partial = 0;
    int failed = in->len > 0 && parse(&w, in, &partial) < 0;
    /* Elements still open when the parse ended close at the end. */
    while (!failed && w.depth > 0)
        leave_element(&w);
    if (!failed)
        failed = fp_text_builder_finish(&w.tb, in->src[in->len], out) < 0;
    if (failed) {
        release(&w);
        memset(out, 0, sizeof *out);
        return fp_error_set(err, "out of memory extracting HTML text "
                                 "(%zu bytes of input)",
                            in->len);
    }
    /* Elements still waiting for text when the page ended. */
    settle_pending(&w, 0, (uint32_t)out->len);
    out->format = FP_FORMAT_HTML;
    out->elements = w.elements;
    out->n_elements = w.n_elements;
    out->html_title = w.title;
    fp_markup_builder_take(&w.markup, &out->markup);
    out->partial = partial;
    w.elements = NULL;
    w.n_elements = 0;
    w.title = NULL;
    release(&w);
    return 0;
}
