#include "fp_html_tags.h"

#include <stdlib.h>
#include <string.h>

typedef struct tag_entry {
    const char *name;
    fp_tag_info info;
} tag_entry;

#define BLOCK {FP_TAG_BLOCK, 0, 0}
#define HEADING(n) {FP_TAG_BLOCK, n, 0}

/* Sorted by name for bsearch.  body counts as a block so that text placed
 * directly in it still belongs to an element. */
static const tag_entry tag_table[] = {
    {"a", {FP_TAG_LINK, 0, 0}},
    {"address", BLOCK},
    {"article", BLOCK},
    {"aside", BLOCK},
    {"blockquote", BLOCK},
    {"body", BLOCK},
    {"br", {FP_TAG_BREAK, 0, 0}},
    {"caption", BLOCK},
    {"center", BLOCK},
    {"dd", BLOCK},
    {"details", BLOCK},
    {"dialog", BLOCK},
    {"dir", BLOCK},
    {"div", BLOCK},
    {"dl", BLOCK},
    {"dt", BLOCK},
    {"fieldset", BLOCK},
    {"figcaption", BLOCK},
    {"figure", BLOCK},
    {"footer", BLOCK},
    {"form", BLOCK},
    {"frame", BLOCK},
    {"frameset", BLOCK},
    {"h1", HEADING(1)},
    {"h2", HEADING(2)},
    {"h3", HEADING(3)},
    {"h4", HEADING(4)},
    {"h5", HEADING(5)},
    {"h6", HEADING(6)},
    {"head", {FP_TAG_HEAD, 0, 0}},
    {"header", BLOCK},
    {"hr", {FP_TAG_BREAK, 0, 0}},
    {"iframe", BLOCK},
    {"legend", BLOCK},
    {"li", BLOCK},
    {"main", BLOCK},
    {"marquee", BLOCK},
    {"menu", BLOCK},
    {"nav", BLOCK},
    {"noscript", {FP_TAG_SKIP, 0, 0}},
    {"ol", BLOCK},
    {"optgroup", BLOCK},
    {"option", BLOCK},
    {"p", BLOCK},
    {"pre", {FP_TAG_BLOCK, 0, 1}},
    {"script", {FP_TAG_SKIP, 0, 0}},
    {"section", BLOCK},
    {"select", BLOCK},
    {"style", {FP_TAG_SKIP, 0, 0}},
    {"summary", BLOCK},
    {"table", BLOCK},
    {"tbody", BLOCK},
    {"td", BLOCK},
    {"template", {FP_TAG_SKIP, 0, 0}},
    {"textarea", BLOCK},
    {"tfoot", BLOCK},
    {"th", BLOCK},
    {"thead", BLOCK},
    {"title", {FP_TAG_TITLE, 0, 0}},
    {"tr", BLOCK},
    {"ul", BLOCK},
};

static int compare_tag(const void *key, const void *entry)
{
    return strcmp(key, ((const tag_entry *)entry)->name);
}

fp_tag_info fp_html_tag_info(const char *name)
{
    static const fp_tag_info inline_tag = {FP_TAG_INLINE, 0, 0};
    const tag_entry *found =
        bsearch(name, tag_table, sizeof tag_table / sizeof tag_table[0],
                sizeof tag_table[0], compare_tag);
    return found ? found->info : inline_tag;
}
