#include "fp_html_strings.h"

#include "../common/fp_grow.h"

#include <stdlib.h>
#include <string.h>

int fp_title_text_append(fp_title_text *title, const xmlChar *chunk,
                         size_t len)
{
    if (fp_grow((void **)&title->text, &title->cap, title->len + len + 2, 1,
                128) < 0)
        return -1;
    for (size_t k = 0; k < len;) {
        size_t skip = fp_space_length(chunk, k, len);
        if (skip) {
            title->pending_space = title->len > 0;
            k += skip;
            continue;
        }
        skip = fp_invisible_length(chunk, k, len);
        if (skip) {
            k += skip;
            continue;
        }
        if (title->pending_space)
            title->text[title->len++] = ' ';
        title->pending_space = 0;
        title->text[title->len++] = (char)chunk[k++];
    }
    return 0;
}

char *fp_title_text_take(fp_title_text *title)
{
    char *text = title->text;
    if (title->len == 0) {
        free(text);
        text = NULL;
    } else {
        text[title->len] = '\0';
    }
    memset(title, 0, sizeof *title);
    return text;
}

/* Append s to out lower-cased with white space collapsed.  A capital
 * after a small letter starts a new part ("articleBody" → "article-body"),
 * as a '-' would: zoning cues match whole parts. */
static void append_cue(char *out, size_t *len, const xmlChar *s)
{
    int pending_space = *len > 0;
    unsigned char previous = ' ';
    for (; *s; s++) {
        unsigned char c = *s;
        if (fp_is_ascii_space(c)) {
            pending_space = *len > 0;
            previous = ' ';
            continue;
        }
        if (pending_space)
            out[(*len)++] = ' ';
        pending_space = 0;
        bool capital = c >= 'A' && c <= 'Z';
        if (capital && previous >= 'a' && previous <= 'z')
            out[(*len)++] = '-';
        out[(*len)++] = (char)(capital ? c + ('a' - 'A') : c);
        previous = c;
    }
}

/* Room append_cue may need for s: a '-' per character at most. */
static size_t cue_room(const xmlChar *s)
{
    return s ? 2 * strlen((const char *)s) + 1 : 0;
}

/* Does the ASCII string s contain word, ignoring case and white space
 * ("display: none" holds "display:none")? */
static bool contains_squeezed(const xmlChar *s, const char *word)
{
    for (; s && *s; s++) {
        const xmlChar *p = s;
        const char *w = word;
        while (*w && *p) {
            if (fp_is_ascii_space(*p)) {
                p++;
                continue;
            }
            unsigned char c = *p >= 'A' && *p <= 'Z' ? *p + ('a' - 'A') : *p;
            if (c != (unsigned char)*w)
                break;
            p++;
            w++;
        }
        if (!*w)
            return true;
    }
    return false;
}

/* Attribute names are lower case (libxml2's HTML parser folds them). */
static bool is_hidden(const char *name, const xmlChar *value)
{
    switch (name[0]) {
    case 'h':
        return strcmp(name, "hidden") == 0;
    case 'a':
        return value && strcmp(name, "aria-hidden") == 0 &&
               xmlStrcasecmp(value, BAD_CAST "true") == 0;
    case 's':
        /* Most styles say neither "none" nor "hidden": look closer only
         * when one of the words is there. */
        return value && strcmp(name, "style") == 0 &&
               ((xmlStrcasestr(value, BAD_CAST "none") &&
                 contains_squeezed(value, "display:none")) ||
                (xmlStrcasestr(value, BAD_CAST "hidden") &&
                 contains_squeezed(value, "visibility:hidden")));
    default:
        return false;
    }
}

/* The attributes whose words say what an element is for, in the order
 * they are joined; -1 for any other. */
static int cue_attribute(const char *name)
{
    switch (name[0]) {
    case 'i':
        return strcmp(name, "id") == 0         ? 0
               : strcmp(name, "itemprop") == 0 ? 3
                                                : -1;
    case 'c':
        return strcmp(name, "class") == 0 ? 1 : -1;
    case 'r':
        return strcmp(name, "role") == 0 ? 2 : -1;
    default:
        return -1;
    }
}

char *fp_html_element_cues(const xmlChar **attributes, bool *hidden,
                           int *out_of_memory)
{
    enum { N_CUE_NAMES = 4 };
    /* libxml2 has already dropped repeated attribute names. */
    const xmlChar *values[N_CUE_NAMES] = {NULL};
    *hidden = false;
    for (size_t i = 0; attributes && attributes[i]; i += 2) {
        const char *name = (const char *)attributes[i];
        int k = cue_attribute(name);
        if (k >= 0)
            values[k] = attributes[i + 1];
        else if (is_hidden(name, attributes[i + 1]))
            *hidden = true;
    }
    size_t size = 1;
    for (size_t k = 0; k < N_CUE_NAMES; k++)
        size += cue_room(values[k]);
    if (size == 1)
        return NULL;
    char *cues = malloc(size);
    if (!cues) {
        *out_of_memory = 1;
        return NULL;
    }
    size_t len = 0;
    for (size_t k = 0; k < N_CUE_NAMES; k++)
        if (values[k])
            append_cue(cues, &len, values[k]);
    if (len == 0) {
        free(cues);
        return NULL;
    }
    cues[len] = '\0';
    return cues;
}
