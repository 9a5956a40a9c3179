#include "fp_text_builder.h"

#include <stdlib.h>
#include <string.h>

void fp_text_builder_init(fp_text_builder *tb)
{
    memset(tb, 0, sizeof *tb);
    tb->element = -1;
}

void fp_text_builder_release(fp_text_builder *tb)
{
    free(tb->text);
    free(tb->src);
    free(tb->lines);
    fp_text_builder_init(tb);
}

int fp_text_builder_reserve(fp_text_builder *tb, size_t bytes)
{
    size_t need = tb->len + bytes + 2; /* + pending '\n' and space */
    if (need <= tb->cap)
        return 0;
    size_t cap = tb->cap ? tb->cap : 4096;
    while (cap < need)
        cap *= 2;
    /* One spare slot in both arrays: text's NUL and src's end entry; the
     * text also gets FP_TEXT_PADDING zero bytes after its NUL. */
    char *text = realloc(tb->text, cap + 1 + FP_TEXT_PADDING);
    if (!text)
        return -1;
    tb->text = text;
    uint32_t *src = realloc(tb->src, (cap + 1) * sizeof *src);
    if (!src)
        return -1;
    tb->src = src;
    tb->cap = cap;
    return 0;
}

int fp_text_builder_open_line(fp_text_builder *tb, uint32_t src)
{
    if (tb->n_lines == tb->lines_cap) {
        size_t cap = tb->lines_cap ? tb->lines_cap * 2 : 64;
        fp_line *lines = realloc(tb->lines, cap * sizeof *lines);
        if (!lines)
            return -1;
        tb->lines = lines;
        tb->lines_cap = cap;
    }
    if (tb->break_pending) {
        /* A line break has no source of its own; it points where the
         * line it introduces starts. */
        tb->text[tb->len] = '\n';
        tb->src[tb->len++] = src;
        tb->break_pending = 0;
    }
    fp_line *line = &tb->lines[tb->n_lines++];
    line->start = (uint32_t)tb->len;
    line->end = (uint32_t)tb->len;
    line->element = tb->element;
    line->link_bytes = 0;
    line->heading = tb->heading;
    line->zone = FP_ZONE_BODY;
    line->caption = 0;
    tb->line_open = 1;
    tb->space_pending = 0;
    tb->line_link_start = tb->link_total;
    return 0;
}

void fp_text_builder_break(fp_text_builder *tb)
{
    tb->space_pending = 0; /* trailing white space is trimmed */
    if (!tb->line_open)
        return;
    fp_line *line = &tb->lines[tb->n_lines - 1];
    line->end = (uint32_t)tb->len;
    line->link_bytes = (uint32_t)(tb->link_total - tb->line_link_start);
    tb->line_open = 0;
    tb->break_pending = 1;
}

int fp_text_builder_finish(fp_text_builder *tb, uint32_t end_src,
                           fp_text *out)
{
    fp_text_builder_break(tb);
    if (fp_text_builder_reserve(tb, 0) < 0)
        return -1;
    memset(tb->text + tb->len, 0, 1 + FP_TEXT_PADDING);
    tb->src[tb->len] = end_src;
    out->text = tb->text;
    out->src = tb->src;
    out->len = tb->len;
    out->lines = tb->lines;
    out->n_lines = tb->n_lines;
    tb->text = NULL;
    tb->src = NULL;
    tb->lines = NULL;
    fp_text_builder_release(tb);
    return 0;
}
