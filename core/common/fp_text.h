/* The text/offset model shared by every stage after decoding.
 *
 *   input bytes --decode--> fp_decoded (NFC UTF-8 + map to input bytes)
 *               --html/plaintext--> fp_text (extracted text + map + lines
 *                                            + block elements)
 *               --zone--> lines[i].zone set, fp_meta filled
 *
 * Every byte of an extracted text knows the byte offset in the original
 * input file it came from (src[]), so a fact can point at its origin in
 * the HTML, through entity decoding, encoding conversion and NFC. */
#ifndef FP_TEXT_H
#define FP_TEXT_H

#include <factpipe/plugin.h>
#include <stddef.h>
#include <stdint.h>

typedef enum fp_format {
    FP_FORMAT_AUTO = 0, /* decide from the bytes (markup sniffing) */
    FP_FORMAT_HTML = 1,
    FP_FORMAT_TEXT = 2
} fp_format;

/* Output of the decoding stage. */
typedef struct fp_decoded {
    char *utf8;           /* NFC UTF-8, NUL-terminated, owned */
    size_t len;           /* bytes without the NUL */
    uint32_t *src;        /* len + 1 entries: input byte offset of each
                             byte; src[len] == input size */
    const char *encoding; /* detected source encoding (static string) */
    const char *encoding_from; /* what decided it: "bom", "meta", "utf-8
                                  check", "fallback" (static string) */
    size_t replacements;  /* undecodable sequences replaced by U+FFFD */
} fp_decoded;

/* A block-level element of an HTML page (div, td, p, ul, li, h1…). */
typedef struct fp_element {
    int32_t parent;       /* index into fp_text.elements, -1 at the top */
    char tag[12];         /* lower-case tag name */
    char *cues;           /* lower-case "id class role itemprop"
                             attributes, or NULL */
    uint32_t start, end;  /* byte range of the text it covers */
    uint32_t link_bytes;  /* bytes of that text inside <a> */
    uint32_t depth;       /* block ancestors; <body> is at depth 0 */
    uint8_t hidden;       /* not shown: hidden, aria-hidden="true",
                             display:none or visibility:hidden */
    uint8_t holds;        /* FP_ELEMENT_* bits: what stands right in it
                             (not in a child block) besides text */
    uint32_t picture_at;  /* where in the text its first picture stands
                             (the text's length then); UINT32_MAX: none */
} fp_element;

/* fp_element.holds: a picture (<img>, <picture>, <video>; not an icon
 * or a tracking pixel, which say they are under 48 pixels wide or high),
 * a link (<a href>, with or without text). */
#define FP_ELEMENT_PICTURE 1u
#define FP_ELEMENT_LINK 2u

/* A line: the text between two breaks.  Lines are in text order, do not
 * overlap, and never contain '\n'.  They become the plugins' blocks. */
typedef struct fp_line {
    uint32_t start, end;  /* byte range in fp_text.text */
    int32_t element;      /* innermost block element, -1 for plain text */
    uint32_t link_bytes;  /* bytes of this line inside <a> */
    uint8_t heading;      /* 1..6 inside <hN>, else 0 */
    fp_zone_kind zone;    /* set by zoning; FP_ZONE_BODY until then */
    uint8_t caption;      /* set by zoning: a BODY line that captions a
                             picture (article for facts, not running
                             text) */
} fp_line;

/* What a page says about itself in its markup rather than its text (the
 * article's date in <meta>, JSON-LD, <time>, microdata; its canonical
 * URL), gathered by the HTML stage as it streams and read by zoning's
 * article-date finder.  Strings are owned, NUL-terminated, trimmed and
 * cut at FP_MARKUP_MAX_VALUE bytes. */
typedef enum fp_markup_kind {
    FP_MARKUP_META = 1,   /* <meta KEYATTR=key content=value>: one item per
                             key attribute (name, property, itemprop,
                             http-equiv) */
    FP_MARKUP_ELEMENT = 2 /* <time>, <abbr title>, or an element with a
                             datetime attribute or a date itemprop */
} fp_markup_kind;

typedef struct fp_markup_item {
    fp_markup_kind kind;
    int pubdate;          /* the element or meta carries pubdate="…" */
    char tag[8];          /* element name, cut ("time", "abbr", "span"…) */
    char *key;            /* lower-case: the meta's key, an element's
                             itemprop; NULL */
    char *value;          /* the meta's content; an element's datetime,
                             content or (abbr) title attribute; NULL */
    char *cues;           /* an element's "id class", lower-case; NULL */
    int32_t element;      /* innermost block element around it, -1 */
    uint32_t text_start, text_end; /* an element's text in fp_text.text */
} fp_markup_item;

/* Bounds on what one page may store (documented in docs/PUBDATE.md): the
 * first items in document order are kept, the rest ignored. */
#define FP_MARKUP_MAX_ITEMS 512
#define FP_MARKUP_MAX_VALUE 512
#define FP_MARKUP_MAX_JSONLD (256u * 1024u)

typedef struct fp_markup {
    fp_markup_item *items;
    size_t n_items;
    char *canonical;      /* <link rel="canonical" href>, NULL */
    char *og_url;         /* <meta property="og:url" content>, NULL */
    char *lang;           /* <html lang>, lower-case, NULL */
    char *jsonld;         /* the <script type="application/ld+json"> texts,
                             each ended by '\n', at most
                             FP_MARKUP_MAX_JSONLD bytes; NULL */
    size_t jsonld_len;
} fp_markup;

/* Zero bytes every extracted text carries after its NUL: PCRE2's JIT and
 * other vectorized readers load whole aligned words past the end of the
 * subject, which valgrind would otherwise report as uninitialised reads. */
#define FP_TEXT_PADDING 64

typedef struct fp_text {
    fp_format format;
    char *text;           /* UTF-8, NUL-terminated; lines joined by '\n' */
    size_t len;
    uint32_t *src;        /* len + 1 entries: input byte offsets */
    fp_line *lines;
    size_t n_lines;
    fp_element *elements; /* empty for plain text */
    size_t n_elements;
    char *html_title;     /* text of <title>, or NULL */
    fp_markup markup;     /* empty for plain text */
    int partial;          /* the parser stopped early: text may be missing */
} fp_text;

/* Document metadata found by zoning (owned strings, NULL when unknown). */
typedef struct fp_meta {
    char *title;
    char *date;           /* ISO 8601 */
    char *byline;
} fp_meta;

/* The index of the line holding byte pos of t's text: the first line
 * ending after pos (lines are sorted), t->n_lines when none does. */
size_t fp_text_line_at(const fp_text *t, size_t pos);

void fp_decoded_free(fp_decoded *d);
void fp_text_free(fp_text *t);
void fp_markup_free(fp_markup *m);
void fp_meta_free(fp_meta *m);

#endif
