/* Internal to the html stage: reading text out of libxml2 nodes — the
 * white space rules shared by body text, titles and cues, and the two
 * things read from single elements (title text, id/class cues). */
#ifndef FP_HTML_NODE_H
#define FP_HTML_NODE_H

#include <libxml/tree.h>
#include <stddef.h>

static inline int fp_is_ascii_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

/* Bytes [k, k+n) of content that are white space (n > 0), or 0.  NBSP is
 * white space here: Vietnamese portals pad with it everywhere. */
static inline size_t fp_space_length(const unsigned char *s, size_t k, size_t len)
{
    if (fp_is_ascii_space(s[k]))
        return 1;
    if (s[k] == 0xC2 && k + 1 < len && s[k + 1] == 0xA0)
        return 2;
    return 0;
}

/* Zero-width characters (U+200B ZWSP, U+FEFF BOM/ZWNBSP) split numbers
 * like "4.5\u200B26" for no visible reason: drop them. */
static inline size_t fp_invisible_length(const unsigned char *s, size_t k, size_t len)
{
    if (k + 2 < len &&
        ((s[k] == 0xE2 && s[k + 1] == 0x80 && s[k + 2] == 0x8B) ||
         (s[k] == 0xEF && s[k + 1] == 0xBB && s[k + 2] == 0xBF)))
        return 3;
    return 0;
}

/* The text of a <title> element with white space collapsed and trimmed;
 * NULL when empty, or when memory ran out (*out_of_memory set then).
 * Owned by the caller. */
char *fp_html_title_text(const xmlNode *title, int *out_of_memory);

/* "id class" of an element, lower-cased, white space collapsed — what
 * zoning matches "menu", "footer" … in.  NULL when the element has
 * neither, or when memory ran out (*out_of_memory set then). */
char *fp_html_element_cues(const xmlNode *element, int *out_of_memory);

#endif
