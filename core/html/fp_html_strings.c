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

char *fp_html_element_cues(const xmlChar **attributes, int *out_of_memory)
{
    const xmlChar *id = NULL, *class_names = NULL;
    /* The first id and class with a value; libxml2 has already dropped
     * repeated attribute names. */
    for (size_t i = 0; attributes && attributes[i]; i += 2) {
        const char *name = (const char *)attributes[i];
        if (!id && name[0] == 'i' && name[1] == 'd' && !name[2])
            id = attributes[i + 1];
        else if (!class_names && name[0] == 'c' && strcmp(name, "class") == 0)
            class_names = attributes[i + 1];
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
