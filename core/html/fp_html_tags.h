/* Internal to the html stage: what each HTML element means for text
 * extraction. */
#ifndef FP_HTML_TAGS_H
#define FP_HTML_TAGS_H

typedef enum fp_tag_kind {
    FP_TAG_INLINE = 0, /* joins its text to its neighbours' (also unknown) */
    FP_TAG_BLOCK,      /* a line break before and after; an fp_element */
    FP_TAG_BREAK,      /* br, hr: a line break, no text of its own */
    FP_TAG_LINK,       /* a: inline, its text counts as link text */
    FP_TAG_PICTURE,    /* img, picture, video: inline, no text */
    FP_TAG_SKIP,       /* script, style, noscript, template: no text */
    FP_TAG_HEAD,       /* head: no body text, but holds the title */
    FP_TAG_TITLE       /* title: stored apart, not body text */
} fp_tag_kind;

typedef struct fp_tag_info {
    fp_tag_kind kind;
    unsigned char heading; /* 1..6 for h1..h6 */
    unsigned char preformatted; /* pre: its newlines are line breaks */
} fp_tag_info;

/* Look up a lower-case tag name (libxml2's HTML parser lower-cases). */
fp_tag_info fp_html_tag_info(const char *name);

#endif
