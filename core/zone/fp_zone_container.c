/* Finding an HTML page's article from its block structure.
 *
 * Pages differ in markup but not in shape.  The article is where
 * paragraphs of prose (sentences, few links) stand side by side under one
 * parent; menus, link lists and footers are mostly links; teaser lists
 * spread short summaries over many small boxes.  So, as readability does:
 * each prose line scores its block's parent fully and the ancestors above
 * with less and less weight, an element's score is discounted by its share
 * of link text, and the best element is the article's container.  Its
 * siblings that read as more of the same (another block of prose, a lead
 * paragraph kept apart) join it.
 *
 * Page furniture is dropped first, by markup that says what an element is
 * for (nav, aside, footer; class or id words such as menu, sidebar,
 * related, share; hidden elements), as trafilatura does.  The words and
 * tags are data (config/zones.conf).  A furniture element that holds most
 * of the page's prose may be the page's wrapper, whatever its name
 * ("<form>" around a whole ASP.NET page, "has-sidebar" on the main
 * column): see zone_find_article_region. */
#include "fp_zone_container.h"
#include "fp_zone_meta.h"

#include <stdlib.h>
#include <string.h>

/* A line counts as prose when at least 70% of it is not link text and it
 * has a sentence's length and punctuation. */
enum { PROSE_MIN_BYTES = 40 };
#define PROSE_MIN_TEXT_SHARE 0.7
/* A furniture element holding this share of the page's prose may wrap
 * the page... */
#define WRAPPER_PROSE_SHARE 0.5
/* ... when the article found inside it is this many times larger than the
 * one found without it. */
#define WRAPPED_ARTICLE_GAIN 2
/* How many ancestors a prose line scores, and its weight at each. */
enum { SCORE_LEVELS = 5 };
#define ARTICLE_CUE_BOOST 1.25
/* Less prose than this in the region: no article container. */
enum { MIN_ARTICLE_PROSE = 150 };
/* A sibling joins the container when its score reaches this share of the
 * container's (readability's rule). */
#define SIBLING_SCORE_SHARE 0.2
/* A sibling paragraph joins when it is this long with few links, or
 * shorter with none and ends a sentence. */
enum { SIBLING_PARAGRAPH_BYTES = 80 };
#define SIBLING_LINK_SHARE 0.25

static bool valid_element(const fp_text *t, int32_t e)
{
    return e >= 0 && (size_t)e < t->n_elements;
}

/* The parent, or -1 when the chain is broken (a parent is always opened,
 * hence stored, before its children). */
static int32_t parent_of(const fp_text *t, int32_t e)
{
    int32_t parent = t->elements[e].parent;
    return parent >= 0 && parent < e ? parent : -1;
}

/* Prose by its shape alone: long enough, mostly not links, with sentence
 * punctuation. */
static uint32_t prose_shape_bytes(const fp_text *t, size_t i)
{
    const fp_line *line = &t->lines[i];
    zone_span text = zone_line_span(t, i);
    size_t link = line->link_bytes < text.len ? line->link_bytes : text.len;
    size_t own = text.len - link;
    if (own < PROSE_MIN_BYTES || own < PROSE_MIN_TEXT_SHARE * text.len ||
        !zone_has_sentence_punct(text))
        return 0;
    return (uint32_t)own;
}

/* Paragraph blocks score their parent: the container is the element that
 * holds the paragraphs, not one of them. */
static bool is_paragraph_tag(const char *tag)
{
    static const char *const tags[] = {
        "p",  "li", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6",
        "pre", "blockquote", "figcaption", "caption", "address", "summary",
        "legend", "option", "th",
    };
    for (size_t i = 0; i < sizeof tags / sizeof *tags; i++)
        if (strcmp(tag, tags[i]) == 0)
            return true;
    return false;
}

#define SECTION(s) (1u << (s))

/* The element cue sections classify asks about an element's words and
 * about its tag. */
#define WORD_SECTIONS                                                          \
    (SECTION(ZS_ARTICLE_CLASS) | SECTION(ZS_CHROME_CLASS) |                    \
     SECTION(ZS_CAPTION_CLASS))
#define TAG_SECTIONS                                                           \
    (SECTION(ZS_CHROME_TAG) | SECTION(ZS_ARTICLE_TAG) | SECTION(ZS_CAPTION_TAG))

/* The element's cue from its words and, when they say nothing, its tag;
 * *caption: it holds a picture's caption.  The page's memos of words and
 * tags answer for the elements alike. */
static zone_cue classify(const fp_zone_rules *rules, zone_cue_memo *word_memo,
                         zone_cue_memo *tag_memo, const fp_element *el,
                         bool *caption, bool *tag_chrome)
{
    unsigned words = zone_cue_memo_sections(word_memo, el->cues);
    unsigned tag = zone_cue_memo_sections(tag_memo, el->tag);
    *caption = ((words & SECTION(ZS_CAPTION_CLASS)) ||
                (tag & SECTION(ZS_CAPTION_TAG))) &&
               zone_rule_on(rules, ZR_CAPTIONS);
    bool article = words & SECTION(ZS_ARTICLE_CLASS);
    *tag_chrome = !article && (tag & SECTION(ZS_CHROME_TAG)) &&
                  zone_rule_on(rules, ZR_TAG_FURNITURE);
    bool chrome = (words & SECTION(ZS_CHROME_CLASS)) &&
                  zone_rule_on(rules, ZR_CLASS_FURNITURE);
    /* "content-left" says both: no evidence either way. */
    if (article != chrome)
        return article ? ZONE_CUE_ARTICLE : ZONE_CUE_CHROME;
    if (article)
        return ZONE_CUE_NONE;
    if ((tag & SECTION(ZS_CHROME_TAG)) &&
        zone_rule_on(rules, ZR_TAG_FURNITURE))
        return ZONE_CUE_CHROME;
    if (tag & SECTION(ZS_ARTICLE_TAG))
        return ZONE_CUE_ARTICLE;
    return ZONE_CUE_NONE;
}

/* The page's footer, its navigation and the content aside from the
 * article (HTML landmarks) never wrap the article, however much prose
 * they hold: a short notice above a long footer is the page's article,
 * its footer is not. */
static bool is_landmark(const fp_element *el)
{
    return strcmp(el->tag, "footer") == 0 || strcmp(el->tag, "nav") == 0 ||
           strcmp(el->tag, "aside") == 0;
}

/* The first line starting at or after byte offset pos. */
static size_t line_at(const fp_text *t, uint32_t pos)
{
    size_t lo = 0, hi = t->n_lines;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->lines[mid].start < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Lines [*from, *to) of element e. */
static void element_lines(const fp_text *t, int32_t e, size_t *from,
                          size_t *to)
{
    *from = line_at(t, t->elements[e].start);
    *to = line_at(t, t->elements[e].end);
    if (*to < *from)
        *to = *from;
}

/* Furniture by markup: an element whose cue or tag says chrome, a teaser
 * list, or a hidden element, and everything inside it.  With
 * wrappers_trusted, a chrome element holding most of the page's prose is
 * not furniture.  With p->markup_only, class words make no furniture. */
static void mark_furniture(zone_html_page *p, bool wrappers_trusted)
{
    const fp_text *t = p->t;
    memset(p->n_content_children, 0,
           t->n_elements * sizeof *p->n_content_children);
    for (size_t i = 0; i < t->n_elements; i++) {
        int32_t e = (int32_t)i;
        int32_t parent = parent_of(t, e);
        if (parent >= 0 && p->furniture[parent])
            p->furniture[e] = 1;
        else if (t->elements[e].hidden &&
                 zone_rule_on(p->m->rules, ZR_HIDDEN_FURNITURE))
            p->furniture[e] = 1;
        else if (p->markup_only)
            p->furniture[e] = (p->tag_chrome[e] && !p->wrapper[e]) ||
                              p->teaser_list[e];
        else
            p->furniture[e] = (p->cue[e] == ZONE_CUE_CHROME &&
                               !(wrappers_trusted && p->wrapper[e])) ||
                              p->teaser_list[e];
        if (parent >= 0 && !p->furniture[e])
            p->n_content_children[parent]++;
    }
}

/* The page's arrays, named once for sizing and placing: per element, and
 * per line (prose_before, per line + 1, is apart). */
#define PAGE_ELEMENT_ARRAYS(X)                                                 \
    X(cue) X(furniture) X(wrapper) X(caption) X(in_article) X(article_head)    \
    X(n_children) X(n_content_children) X(has_own_lines) X(lines_in)           \
    X(prose_in) X(tag_chrome) X(holds) X(picture_at) X(teaser_list)
#define PAGE_LINE_ARRAYS(X)                                                    \
    X(prose) X(in_region) X(picture_caption) X(chrome_line)

/* Bytes from the start of the page's block where an array of n items of
 * size bytes goes, after *used bytes: aligned for any of its items. */
static size_t place_array(size_t *used, size_t n, size_t size)
{
    size_t align = sizeof(uint64_t);
    size_t at = (*used + align - 1) / align * align;
    *used = at + n * size;
    return at;
}

/* All the page's arrays in one zeroed block (one allocation, not twenty,
 * for each page). */
static int alloc_page_arrays(zone_html_page *p, size_t n_el, size_t n_lines)
{
    size_t used = 0;
#define PLACE_PER_ELEMENT(f)                                                   \
    size_t f##_at = place_array(&used, n_el, sizeof *p->f);
#define PLACE_PER_LINE(f)                                                      \
    size_t f##_at = place_array(&used, n_lines, sizeof *p->f);
    PAGE_ELEMENT_ARRAYS(PLACE_PER_ELEMENT)
    PAGE_LINE_ARRAYS(PLACE_PER_LINE)
    size_t prose_before_at =
        place_array(&used, n_lines + 1, sizeof *p->prose_before);
    char *block = calloc(1, used);
    if (!block)
        return -1;
    p->block = block;
#define SET_ARRAY(f) p->f = (void *)(block + f##_at);
    PAGE_ELEMENT_ARRAYS(SET_ARRAY)
    PAGE_LINE_ARRAYS(SET_ARRAY)
    SET_ARRAY(prose_before)
#undef PLACE_PER_ELEMENT
#undef PLACE_PER_LINE
#undef SET_ARRAY
    return 0;
}

int zone_html_page_init(zone_html_page *p, zone_matcher *m, fp_text *t,
                        fp_error *err)
{
    memset(p, 0, sizeof *p);
    p->m = m;
    p->t = t;
    p->container = -1;
    if (alloc_page_arrays(p, t->n_elements ? t->n_elements : 1,
                          t->n_lines ? t->n_lines : 1) < 0)
        return fp_error_set(err, "zoning: out of memory");
    for (size_t i = 0; i < t->n_lines; i++) {
        if (valid_element(t, t->lines[i].element))
            p->has_own_lines[t->lines[i].element] = 1;
        p->prose[i] = prose_shape_bytes(t, i);
        p->prose_before[i + 1] = p->prose_before[i] + p->prose[i];
    }
    double page_prose = (double)p->prose_before[t->n_lines];
    zone_cue_memo_init(&p->title_cues, m->rules, SECTION(ZS_TITLE_CLASS));
    zone_cue_memo word_memo, tag_memo;
    zone_cue_memo_init(&word_memo, m->rules, WORD_SECTIONS);
    zone_cue_memo_init(&tag_memo, m->rules, TAG_SECTIONS);
    for (size_t i = 0; i < t->n_elements; i++) {
        int32_t e = (int32_t)i;
        bool caption, tag_chrome;
        p->cue[e] = (int8_t)classify(m->rules, &word_memo, &tag_memo,
                                     &t->elements[e], &caption, &tag_chrome);
        p->tag_chrome[e] = tag_chrome;
        int32_t parent = parent_of(t, e);
        p->in_article[e] = p->cue[e] == ZONE_CUE_ARTICLE ||
                           (parent >= 0 && p->in_article[parent]);
        /* A <header> heads its nearest section (HTML): inside an article
         * it holds the article's headline, date line and byline.  Its
         * other lines (a kicker, a standfirst, share tools) stay out of
         * the body. */
        p->article_head[e] =
            (parent >= 0 && p->article_head[parent]) ||
            (parent >= 0 && p->in_article[parent] &&
             strcmp(t->elements[e].tag, "header") == 0 &&
             zone_rule_on(m->rules, ZR_ARTICLE_HEADER));
        if (parent >= 0)
            p->n_children[parent]++;
        p->picture_at[e] = UINT32_MAX; /* see the descendants' pass below */
        if (p->cue[e] != ZONE_CUE_CHROME && !caption) {
            p->caption[e] = parent >= 0 && p->caption[parent];
            continue;
        }
        size_t from, to;
        element_lines(t, e, &from, &to);
        double prose = (double)(p->prose_before[to] - p->prose_before[from]);
        bool wrapper =
            page_prose > 0 && prose >= WRAPPER_PROSE_SHARE * page_prose;
        /* A caption is small: an element holding most of the page's
         * prose is not one, whatever its name. */
        p->caption[e] =
            (parent >= 0 && p->caption[parent]) || (caption && !wrapper);
        if (p->cue[e] == ZONE_CUE_CHROME && !is_landmark(&t->elements[e])) {
            p->wrapper[e] = wrapper;
            p->any_wrapper |= wrapper;
        }
    }
    /* Lines in furniture however wrappers are taken never count as prose:
     * the chrome-line cues (regular expressions) are asked only about the
     * others.  The shape alone sized the wrappers above. */
    mark_furniture(p, true);
    for (size_t i = 0; i < t->n_lines; i++) {
        if (p->prose[i] && !zone_line_in_furniture(p, i) &&
            zone_line_is_chrome_line(p, i))
            p->prose[i] = 0;
        int32_t e = t->lines[i].element;
        if (valid_element(t, e)) {
            p->lines_in[e]++;
            p->prose_in[e] += p->prose[i] > 0;
        }
    }
    /* What each element holds, its descendants included (they follow it
     * in the array). */
    for (size_t i = t->n_elements; i-- > 0;) {
        const fp_element *el = &t->elements[i];
        p->holds[i] |= el->holds;
        if ((el->holds & FP_ELEMENT_PICTURE) && el->picture_at < p->picture_at[i])
            p->picture_at[i] = el->picture_at;
        p->any_picture |= (el->holds & FP_ELEMENT_PICTURE) != 0;
        int32_t parent = parent_of(t, (int32_t)i);
        if (parent < 0)
            continue;
        p->holds[parent] |= p->holds[i];
        if (p->picture_at[i] < p->picture_at[parent])
            p->picture_at[parent] = p->picture_at[i];
        p->lines_in[parent] += p->lines_in[i];
        p->prose_in[parent] += p->prose_in[i];
    }
    zone_find_teaser_lists(p);
    zone_find_picture_captions(p);
    mark_furniture(p, false);
    return 0;
}

void zone_html_page_free(zone_html_page *p)
{
    free(p->block);
    memset(p, 0, sizeof *p);
}

bool zone_line_in_furniture(const zone_html_page *p, size_t i)
{
    int32_t e = p->t->lines[i].element;
    return valid_element(p->t, e) && p->furniture[e];
}

/* chrome_line: 0 not asked yet, else 1 + the answer. */
bool zone_line_is_chrome_line(zone_html_page *p, size_t i)
{
    if (p->chrome_line[i] == 0)
        p->chrome_line[i] =
            1 + zone_is_chrome_line(p->m, zone_line_span(p->t, i));
    return p->chrome_line[i] == 2;
}

bool zone_line_in_article_head(const zone_html_page *p, size_t i)
{
    int32_t e = p->t->lines[i].element;
    return valid_element(p->t, e) && p->article_head[e];
}

bool zone_line_in_caption(const zone_html_page *p, size_t i)
{
    int32_t e = p->t->lines[i].element;
    return valid_element(p->t, e) && p->caption[e];
}

/* Content scores: each prose line outside furniture adds its bytes to the
 * element holding its paragraph, half to the next ancestor, then a third,
 * a sixth... of it to the ones above (readability's decay). */
static void score_elements(const zone_html_page *p, double *score)
{
    const fp_text *t = p->t;
    for (size_t i = 0; i < t->n_lines; i++) {
        int32_t e = t->lines[i].element;
        if (p->prose[i] == 0 || !valid_element(t, e) || p->furniture[e])
            continue;
        if (is_paragraph_tag(t->elements[e].tag) && parent_of(t, e) >= 0)
            e = parent_of(t, e);
        for (int level = 0; level < SCORE_LEVELS && e >= 0; level++) {
            double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
            score[e] += p->prose[i] / divider;
            e = parent_of(t, e);
        }
    }
}

static double link_share(const fp_element *el)
{
    double bytes = el->end > el->start ? (double)(el->end - el->start) : 1.0;
    double share = el->link_bytes / bytes;
    return share > 1 ? 1 : share;
}

/* The score an element competes with: discounted by its link text. */
static double final_score(const zone_html_page *p, const double *score,
                          int32_t e)
{
    const fp_zone_rules *rules = p->m->rules;
    double s = score[e];
    if (zone_rule_on(rules, ZR_LINK_DISCOUNT))
        s *= 1 - link_share(&p->t->elements[e]);
    if (p->cue[e] == ZONE_CUE_ARTICLE && zone_rule_on(rules, ZR_ARTICLE_BOOST))
        s *= ARTICLE_CUE_BOOST;
    return s;
}

static int32_t best_candidate(const zone_html_page *p, const double *score)
{
    int32_t best = -1;
    double best_score = 0;
    for (size_t i = 0; i < p->t->n_elements; i++) {
        int32_t e = (int32_t)i;
        if (p->furniture[e] || score[e] <= 0)
            continue;
        double s = final_score(p, score, e);
        /* Ties go to the later (deeper) element: the smallest one holding
         * the same text. */
        if (s >= best_score) {
            best_score = s;
            best = e;
        }
    }
    if (best < 0)
        return -1;
    /* A container alone in its parent (but for furniture: an ad, an empty
     * aside) stands for the parent: the rest of the article may be in the
     * parent's siblings (paragraphs split over several boxes). */
    const fp_zone_rules *rules = p->m->rules;
    for (int32_t up = parent_of(p->t, best);
         zone_rule_on(rules, ZR_LONE_CHILD) && up >= 0 &&
         parent_of(p->t, up) >= 0 &&
         p->n_content_children[up] == 1 &&
         !p->has_own_lines[up] && !p->furniture[up];
         up = parent_of(p->t, up))
        best = up;
    /* An ancestor scoring higher than the candidate's own score holds more
     * of the article (paragraphs split over several boxes): climb while
     * ancestors keep a third of it (readability). */
    double last = score[best], threshold = last / 3;
    for (int32_t up = parent_of(p->t, best);
         zone_rule_on(rules, ZR_ANCESTOR_CLIMB) && up >= 0;
         up = parent_of(p->t, up)) {
        if (score[up] < threshold)
            break;
        if (score[up] > last) {
            best = up;
            break;
        }
        last = score[up];
    }
    return best;
}

/* A block of running text: a <p>, or a block holding no other block (a
 * <div> used as a paragraph, a lead kept apart).  Headings and list items
 * are not. */
static bool is_text_block(const zone_html_page *p, int32_t e)
{
    const char *tag = p->t->elements[e].tag;
    if (strcmp(tag, "p") == 0)
        return true;
    return p->n_children[e] == 0 && !is_paragraph_tag(tag) &&
           strcmp(tag, "td") != 0 && strcmp(tag, "tr") != 0;
}

/* A sibling paragraph (lines [from, to)) worth keeping with the article. */
static bool is_sibling_paragraph(const zone_html_page *p, size_t from,
                                 size_t to)
{
    size_t bytes = 0, links = 0;
    for (size_t i = from; i < to; i++) {
        bytes += p->t->lines[i].end - p->t->lines[i].start;
        links += p->t->lines[i].link_bytes;
    }
    if (bytes == 0)
        return false;
    if (bytes >= SIBLING_PARAGRAPH_BYTES)
        return (double)links < SIBLING_LINK_SHARE * (double)bytes;
    return links == 0 && zone_ends_sentence(zone_line_span(p->t, to - 1));
}

static void mark_region(zone_html_page *p, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        p->in_region[i] = !zone_line_in_furniture(p, i);
}

/* The container's siblings that read as more of the article. */
static void join_siblings(zone_html_page *p, const double *score,
                          int32_t container)
{
    const fp_text *t = p->t;
    int32_t parent = parent_of(t, container);
    if (parent < 0)
        return;
    double top = final_score(p, score, container);
    double threshold = SIBLING_SCORE_SHARE * top;
    const char *cues = t->elements[container].cues;
    size_t from, to;
    element_lines(t, parent, &from, &to);
    /* Lines right in the parent, between its child blocks, are paragraphs
     * of their own. */
    for (size_t i = from; i < to; i++)
        if (t->lines[i].element == parent && !p->furniture[parent] &&
            is_sibling_paragraph(p, i, i + 1))
            mark_region(p, i, i + 1);
    /* The parent's descendants follow it in document order, up to the
     * first element no deeper than the parent. */
    for (size_t k = (size_t)parent + 1; k < t->n_elements; k++) {
        int32_t e = (int32_t)k;
        const fp_element *el = &t->elements[e];
        if (el->depth <= t->elements[parent].depth)
            break;
        if (el->parent != parent || e == container || p->furniture[e])
            continue;
        double s = final_score(p, score, e);
        if (cues && el->cues && strcmp(cues, el->cues) == 0)
            s += threshold; /* the same class as the container */
        size_t e_from, e_to;
        element_lines(t, e, &e_from, &e_to);
        if ((s > 0 && s >= threshold) ||
            (is_text_block(p, e) && is_sibling_paragraph(p, e_from, e_to)))
            mark_region(p, e_from, e_to);
    }
}

/* The region around the best container under the current furniture;
 * returns its prose bytes (0: none). */
static uint64_t find_region(zone_html_page *p, double *score)
{
    const fp_text *t = p->t;
    memset(score, 0, (t->n_elements ? t->n_elements : 1) * sizeof *score);
    memset(p->in_region, 0,
           (t->n_lines ? t->n_lines : 1) * sizeof *p->in_region);
    score_elements(p, score);
    int32_t container = best_candidate(p, score);
    p->container = container;
    if (container < 0)
        return 0;
    size_t from, to;
    element_lines(t, container, &from, &to);
    mark_region(p, from, to);
    if (zone_rule_on(p->m->rules, ZR_SIBLINGS))
        join_siblings(p, score, container);
    uint64_t prose = 0;
    for (size_t i = 0; i < t->n_lines; i++)
        if (p->in_region[i])
            prose += p->prose[i];
    return prose;
}

bool zone_find_article_region(zone_html_page *p)
{
    const fp_text *t = p->t;
    double *score = calloc(t->n_elements ? t->n_elements : 1, sizeof *score);
    if (!score)
        return false; /* the caller zones the page as plain text */
    /* Trust furniture markup first.  A chrome element holding most of the
     * page's prose may be the page's wrapper (a <form> around an ASP.NET
     * page) or a big footer beside a short article.  It is taken as a
     * wrapper when nothing reads as an article without it, or when the
     * article found inside it is much larger than the one found without
     * it and sits in a box not named chrome itself (the footer's text is
     * in a "footer-text" box, the footer itself). */
    uint64_t prose = find_region(p, score);
    if (p->any_wrapper && zone_rule_on(p->m->rules, ZR_WRAPPERS)) {
        mark_furniture(p, true);
        uint64_t wrapped = find_region(p, score);
        bool take = wrapped > 0 &&
                    (prose < MIN_ARTICLE_PROSE ||
                     (wrapped >= WRAPPED_ARTICLE_GAIN * prose &&
                      p->cue[p->container] != ZONE_CUE_CHROME));
        if (take) {
            prose = wrapped;
        } else {
            mark_furniture(p, false);
            prose = find_region(p, score);
        }
    }
    /* Class words are guesses from names: when they leave no article
     * ("print" in the class of a recipe's steps, every post of a forum
     * thread in a "comment" box), only tags, hidden elements and shapes
     * say what is furniture. */
    if ((p->container < 0 || prose < MIN_ARTICLE_PROSE) &&
        zone_rule_on(p->m->rules, ZR_MARKUP_FALLBACK)) {
        p->markup_only = true;
        mark_furniture(p, false);
        prose = find_region(p, score);
    }
    free(score);
    if (p->container < 0 || prose < MIN_ARTICLE_PROSE)
        return false;
    bool any = false;
    for (size_t i = 0; i < t->n_lines; i++) {
        if (!p->in_region[i])
            continue;
        if (!any)
            p->first = i;
        p->last = i;
        any = true;
    }
    return any;
}
