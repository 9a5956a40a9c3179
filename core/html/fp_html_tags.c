#include "fp_html_tags.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct tag_entry {
    const char *name;
    fp_tag_info info;
} tag_entry;

#define BLOCK {FP_TAG_BLOCK, 0, 0}
#define HEADING(n) {FP_TAG_BLOCK, n, 0}

/* Sorted by name (the lookup's index relies on it).  body counts as a
 * block so that text placed directly in it still belongs to an element. */
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
    {"img", {FP_TAG_PICTURE, 0, 0}},
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
    {"picture", {FP_TAG_PICTURE, 0, 0}},
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
    {"video", {FP_TAG_PICTURE, 0, 0}},
};

enum { N_TAGS = sizeof tag_table / sizeof tag_table[0] };

/* Where the names starting with each letter begin in tag_table, with their
 * lengths: a lookup compares only the few names that share the first
 * letter and the length (this runs once per element of every page). */
static unsigned char first_index[27];
static unsigned char name_length[N_TAGS];

static void build_index(void)
{
    size_t k = 0;
    for (int letter = 0; letter < 26; letter++) {
        first_index[letter] = (unsigned char)k;
        while (k < N_TAGS && tag_table[k].name[0] == 'a' + letter)
            k++;
    }
    first_index[26] = (unsigned char)k;
    for (size_t i = 0; i < N_TAGS; i++)
        name_length[i] = (unsigned char)strlen(tag_table[i].name);
}

fp_tag_info fp_html_tag_info(const char *name)
{
    static const fp_tag_info inline_tag = {FP_TAG_INLINE, 0, 0};
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, build_index);
    unsigned char first = (unsigned char)name[0];
    if (first < 'a' || first > 'z')
        return inline_tag;
    size_t len = strnlen(name, 12);
    for (size_t i = first_index[first - 'a']; i < first_index[first - 'a' + 1];
         i++)
        if (name_length[i] == len && memcmp(tag_table[i].name, name, len) == 0)
            return tag_table[i].info;
    return inline_tag;
}
