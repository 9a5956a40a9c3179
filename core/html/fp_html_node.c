#include "fp_html_node.h"

#include "../common/fp_grow.h"

#include <stdlib.h>
#include <string.h>

char *fp_html_title_text(const xmlNode *title, int *out_of_memory)
{
    char *text = NULL;
    size_t len = 0, cap = 0;
    int pending_space = 0;
    const xmlNode *node = title->children;
    while (node && node != title) {
        if (node->type == XML_TEXT_NODE && node->content) {
            const unsigned char *s = node->content;
            size_t n = strlen((const char *)s);
            if (fp_grow((void **)&text, &cap, len + n + 2, 1, 128) < 0) {
                *out_of_memory = 1;
                free(text);
                return NULL;
            }
            for (size_t k = 0; k < n;) {
                size_t skip = fp_space_length(s, k, n);
                if (skip) {
                    pending_space = len > 0;
                    k += skip;
                    continue;
                }
                skip = fp_invisible_length(s, k, n);
                if (skip) {
                    k += skip;
                    continue;
                }
                if (pending_space)
                    text[len++] = ' ';
                pending_space = 0;
                text[len++] = (char)s[k++];
            }
        }
        if (node->type == XML_ELEMENT_NODE && node->children) {
            node = node->children;
            continue;
        }
        while (node != title && !node->next)
            node = node->parent;
        if (node == title)
            break;
        node = node->next;
    }
    if (len == 0) {
        free(text);
        return NULL;
    }
    text[len] = '\0';
    return text;
}

static const xmlChar *attribute_text(const xmlAttr *attr)
{
    const xmlNode *value = attr->children;
    if (value && value->type == XML_TEXT_NODE)
        return value->content;
    return NULL;
}

/* Append s to out lower-cased with white space collapsed. */
static void append_cue(char *out, size_t *len, const xmlChar *s)
{
    int pending_space = *len > 0;
    for (; *s; s++) {
        if (fp_is_ascii_space(*s)) {
            pending_space = *len > 0;
            continue;
        }
        if (pending_space)
            out[(*len)++] = ' ';
        pending_space = 0;
        unsigned char c = *s;
        out[(*len)++] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
}

char *fp_html_element_cues(const xmlNode *node, int *out_of_memory)
{
    const xmlChar *id = NULL, *class_names = NULL;
    for (const xmlAttr *attr = node->properties; attr; attr = attr->next) {
        if (!attr->name)
            continue;
        if (!id && strcmp((const char *)attr->name, "id") == 0)
            id = attribute_text(attr);
        else if (!class_names &&
                 strcmp((const char *)attr->name, "class") == 0)
            class_names = attribute_text(attr);
        if (id && class_names)
            break;
    }
    size_t size = (id ? strlen((const char *)id) : 0) +
                  (class_names ? strlen((const char *)class_names) : 0) + 2;
    if (size == 2)
        return NULL;
    char *cues = malloc(size);
    if (!cues) {
        *out_of_memory = 1;
        return NULL;
    }
    size_t len = 0;
    if (id)
        append_cue(cues, &len, id);
    if (class_names)
        append_cue(cues, &len, class_names);
    if (len == 0) {
        free(cues);
        return NULL;
    }
    cues[len] = '\0';
    return cues;
}

