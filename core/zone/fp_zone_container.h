/* Zoning an HTML page from its block structure: the facts about each
 * element and line the container search (fp_zone_container.c) works out
 * and the line zoning around the container (fp_zone_html.c) reads. */
#ifndef FP_ZONE_CONTAINER_H
#define FP_ZONE_CONTAINER_H

#include "fp_zone_internal.h"

typedef enum zone_cue {
    ZONE_CUE_CHROME = -1,
    ZONE_CUE_NONE = 0,
    ZONE_CUE_ARTICLE = 1
} zone_cue;

typedef struct zone_html_page {
    zone_matcher *m;
    fp_text *t;
    void *block;          /* the arrays below, allocated together */
    int8_t *cue;          /* per element: its own cue (class words, tag) */
    uint8_t *furniture;   /* per element: it or an ancestor is page
                             furniture (chrome cue or tag, hidden) */
    uint32_t *prose;      /* per line: prose bytes, 0 when not prose */
    uint8_t *caption;     /* per element: it or an ancestor holds a
                             picture's caption */
    uint8_t *in_article;  /* per element: it or an ancestor is cued as
                             the article's (an <article>, a "content") */
    uint8_t *article_head; /* per element: in a <header> inside the
                              article */
    uint8_t *wrapper;     /* per element: chrome by its markup but holding
                             most of the page's prose */
    bool any_wrapper;
    uint8_t *tag_chrome;  /* per element: its tag alone says furniture */
    uint8_t *holds;       /* per element: FP_ELEMENT_* bits of it and its
                             descendants */
    uint32_t *picture_at; /* per element: where the first picture in it or
                             its descendants stands, UINT32_MAX: none */
    bool any_picture;
    uint32_t *lines_in;   /* per element: lines in it and its descendants */
    uint32_t *prose_in;   /* per element: of them, prose lines (the final
                             prose) */
    uint8_t *teaser_list; /* per element: a list of teasers (see
                             zone_find_teaser_lists) */
    uint8_t *picture_caption; /* per line: boxed with a picture, as a
                                 caption is (zone_find_picture_captions) */
    bool any_teaser_list;
    bool markup_only;     /* no furniture by class words: the fallback
                             when they leave no article */
    uint32_t *n_children; /* per element: child blocks */
    uint32_t *n_content_children; /* per element: child blocks that are
                                     not furniture */
    uint8_t *has_own_lines; /* per element: lines right in it */
    uint64_t *prose_before; /* per line + 1: prose bytes of the lines
                               before it */

    zone_cue_memo title_cues; /* [title-class] of the elements' cues,
                                 asked of the lines around the container */
    uint8_t *chrome_line; /* per line: zone_is_chrome_line of its text,
                             asked once (zone_line_is_chrome_line) */
    uint8_t *in_region;   /* per line: inside the article region */
    int32_t container;    /* the element chosen as the article's */
    size_t first, last;   /* the region's first and last line */
} zone_html_page;

/* Set up the per-element and per-line facts; -1 when memory runs out. */
int zone_html_page_init(zone_html_page *p, zone_matcher *m, fp_text *t,
                        fp_error *err);
void zone_html_page_free(zone_html_page *p);

/* Choose the article's container and the region around it (its sibling
 * paragraphs); true when one stands out. */
bool zone_find_article_region(zone_html_page *p);

/* Mark the teaser lists of the page (fp_zone_shapes.c): p->teaser_list,
 * p->any_teaser_list.  Needs the final prose and p->holds. */
void zone_find_teaser_lists(zone_html_page *p);

/* Mark the lines that caption a picture by their shape alone
 * (fp_zone_shapes.c): p->picture_caption. */
void zone_find_picture_captions(zone_html_page *p);

/* Is line i page furniture by its elements (a chrome-cued box, a nav, a
 * hidden element)? */
bool zone_line_in_furniture(const zone_html_page *p, size_t i);

/* zone_is_chrome_line of line i's text, remembered: the container
 * search, the container's lines and its tail ask it of the same lines. */
bool zone_line_is_chrome_line(zone_html_page *p, size_t i);

/* Is line i in the article's own <header> (headline, date line)? */
bool zone_line_in_article_head(const zone_html_page *p, size_t i);

/* Does line i caption a picture by its markup (figure, figcaption, a
 * caption class)?  zone_html_page.picture_caption says it by shape. */
bool zone_line_in_caption(const zone_html_page *p, size_t i);

#endif
