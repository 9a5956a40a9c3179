/* Page furniture told by its shape rather than its name.
 *
 * Teaser lists: "more stories", "most read", "you may also like" boxes
 * name themselves in any language or not at all, and often sit inside the
 * article's own container.  Their shape gives them away: several alike
 * boxes in a row (same tag, same class), each a teaser — a link (its
 * headline, or a picture that links) with at most one paragraph of
 * summary.  An article's paragraphs are not links, and boxes that each
 * hold one paragraph of it (some sites wrap every paragraph) hold no
 * picture and few links.
 *
 * Captions: a picture and a line or two of text in one small box is a
 * figure and its caption, whether the box says so or not.  The picture
 * stands in a block of its own or beside the text's block, and the line
 * follows it: a picture in the middle of a paragraph makes no caption,
 * nor does one beside a column of text (the text comes first) or a
 * second line (an article's lead beside its photo, a recipe's step). */
#include "fp_zone_container.h"

#include <stdlib.h>
#include <string.h>

/* A list needs this many teasers in a row, making up this share of the
 * boxes with text in it. */
enum { TEASER_LIST_MIN_ITEMS = 3 };
#define TEASER_LIST_SHARE 0.75
/* A teaser without a picture is mostly its link. */
#define TEASER_LINK_SHARE 0.5
/* A caption box holds one line of at most this many bytes. */
enum { CAPTION_MAX_BYTES = 500 };

static int32_t parent_of(const fp_text *t, int32_t e)
{
    int32_t parent = t->elements[e].parent;
    return parent >= 0 && parent < e ? parent : -1;
}

static bool is_teaser(const zone_html_page *p, int32_t e)
{
    const fp_element *el = &p->t->elements[e];
    uint32_t bytes = el->end - el->start;
    if (!(p->holds[e] & FP_ELEMENT_LINK) || p->prose_in[e] > 1)
        return false;
    return (p->holds[e] & FP_ELEMENT_PICTURE) ||
           el->link_bytes >= TEASER_LINK_SHARE * bytes;
}

/* The length of an element's first cue word, digits left out of the
 * comparison by alike() ("post-7816" and "post-7908" are alike). */
static size_t first_word_len(const char *cues)
{
    size_t n = 0;
    while (cues[n] && cues[n] != ' ')
        n++;
    return n;
}

static bool same_word_but_digits(const char *a, size_t la, const char *b,
                                 size_t lb)
{
    size_t i = 0, j = 0;
    for (;;) {
        while (i < la && a[i] >= '0' && a[i] <= '9')
            i++;
        while (j < lb && b[j] >= '0' && b[j] <= '9')
            j++;
        if (i == la || j == lb)
            return i == la && j == lb;
        if (a[i++] != b[j++])
            return false;
    }
}

/* Two boxes made by the same template: same tag, same first class or id
 * word but for its digits. */
static bool alike(const fp_element *a, const fp_element *b)
{
    if (strcmp(a->tag, b->tag) != 0)
        return false;
    if (!a->cues || !b->cues)
        return !a->cues && !b->cues;
    return same_word_but_digits(a->cues, first_word_len(a->cues), b->cues,
                                first_word_len(b->cues));
}

/* Per parent: its children with text, its longest run of alike teasers,
 * the run going on, and its last child with text. */
typedef struct list_count {
    uint32_t children, best_run, run;
    int32_t last;
} list_count;

void zone_find_teaser_lists(zone_html_page *p)
{
    const fp_text *t = p->t;
    if (!zone_rule_on(p->m->rules, ZR_TEASER_LISTS) || t->n_elements == 0)
        return;
    list_count *count = calloc(t->n_elements, sizeof *count);
    if (!count)
        return; /* no teaser list found is no failure */
    for (size_t i = 0; i < t->n_elements; i++)
        count[i].last = -1;
    for (size_t i = 0; i < t->n_elements; i++) {
        int32_t e = (int32_t)i;
        int32_t parent = parent_of(t, e);
        const fp_element *el = &t->elements[e];
        /* Lists in furniture already (menus) need no second look; table
         * rows are records, not teasers. */
        if (parent < 0 || el->end <= el->start || p->furniture[parent] ||
            strcmp(el->tag, "tr") == 0)
            continue;
        list_count *c = &count[parent];
        c->children++;
        if (!is_teaser(p, e))
            c->run = 0;
        else if (c->run > 0 && alike(&t->elements[c->last], el))
            c->run++;
        else
            c->run = 1;
        if (c->run > c->best_run)
            c->best_run = c->run;
        c->last = e;
    }
    /* A list holds nothing but its teasers' prose: a box holding the
     * article's paragraphs beside a few teasers is no list. */
    for (size_t i = 0; i < t->n_elements; i++) {
        const list_count *c = &count[i];
        if (c->best_run < TEASER_LIST_MIN_ITEMS ||
            c->best_run < TEASER_LIST_SHARE * c->children ||
            p->prose_in[i] > c->best_run)
            continue;
        p->teaser_list[i] = 1;
        p->any_teaser_list = true;
    }
    free(count);
}

/* A box holding a picture and, after it, line i alone.  A quotation with
 * a picture (a screenshot of what is quoted) quotes: its text is no
 * caption. */
static bool is_figure(const zone_html_page *p, int32_t f, size_t i)
{
    const fp_element *el = &p->t->elements[f];
    if (!(p->holds[f] & FP_ELEMENT_PICTURE) ||
        p->picture_at[f] > p->t->lines[i].start ||
        el->end - el->start > CAPTION_MAX_BYTES ||
        strcmp(el->tag, "blockquote") == 0)
        return false;
    return p->lines_in[f] == 1; /* line i, which f holds */
}

void zone_find_picture_captions(zone_html_page *p)
{
    const fp_text *t = p->t;
    if (!zone_rule_on(p->m->rules, ZR_PICTURE_CAPTIONS) || !p->any_picture)
        return;
    for (size_t i = 0; i < t->n_lines; i++) {
        int32_t e = t->lines[i].element;
        if (e < 0 || (size_t)e >= t->n_elements || t->lines[i].heading ||
            p->furniture[e] || (t->elements[e].holds & FP_ELEMENT_PICTURE))
            continue;
        int32_t parent = parent_of(t, e);
        p->picture_caption[i] =
            is_figure(p, e, i) || (parent >= 0 && is_figure(p, parent, i));
    }
}
