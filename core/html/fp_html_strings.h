/* Internal to the html stage: reading text out of the parser's strings —
 * the white space rules shared by body text, titles and cues, and the two
 * things read apart from body text (the <title>, an element's cues). */
#ifndef FP_HTML_STRINGS_H
#define FP_HTML_STRINGS_H

#include <libxml/xmlstring.h>
#include <stdbool.h>
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

/* The name an element goes by: the part after the first ':' of a
 * prefixed name, as libxml2's xmlSplitQName gives it to tree nodes even in
 * HTML — so Word's <o:p> is a paragraph.  A name that starts or ends with
 * ':' stays whole. */
static inline const xmlChar *fp_html_local_name(const xmlChar *name)
{
    if (name[0] == ':')
        return name;
    const xmlChar *colon = xmlStrchr(name, ':');
    return colon && colon[1] ? colon + 1 : name;
}

/* The text of one <title> element, gathered chunk by chunk with white
 * space collapsed and trimmed. */
typedef struct fp_title_text {
    char *text;
    size_t len, cap;
    int pending_space;
} fp_title_text;

/* Append a chunk of the title's text.  Returns 0, or -1 when memory ran
 * out. */
int fp_title_text_append(fp_title_text *title, const xmlChar *chunk,
                         size_t len);

/* The finished text (owned by the caller), or NULL when it is empty;
 * title is empty again afterwards. */
char *fp_title_text_take(fp_title_text *title);

/* "id class role itemprop" of an element from its startElement attribute
 * array (name, value pairs, NULL-terminated; values may be NULL),
 * lower-cased, white space collapsed, a '-' where a capital follows a
 * small letter ("articleBody" → "article-body") — what zoning matches
 * "menu", "footer" … in.  *hidden: the element is not shown (the hidden
 * attribute, aria-hidden="true", a style with display:none or
 * visibility:hidden).  NULL when the element has none of the four, or
 * when memory ran out (*out_of_memory set then). */
char *fp_html_element_cues(const xmlChar **attributes, bool *hidden,
                           int *out_of_memory);

#endif
