/* Internal to the html stage: builds an fp_text line by line.
 *
 * Callers feed content bytes and white space, each with its input offset,
 * and say where line breaks fall.  The builder collapses white space, trims
 * lines, drops blank lines and joins lines with '\n'.  Breaks and spaces are
 * emitted lazily — only when content follows — so nothing has to be undone
 * at the end of a line or of the text. */
#ifndef FP_TEXT_BUILDER_H
#define FP_TEXT_BUILDER_H

#include "../common/fp_text.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct fp_text_builder {
    char *text;
    uint32_t *src;
    size_t len, cap; /* cap excludes the room kept for the final NUL */

    fp_line *lines;
    size_t n_lines, lines_cap;

    int line_open;         /* the current line has content */
    int break_pending;     /* a '\n' goes before the next content */
    int space_pending;     /* a collapsed space goes before the next content */
    uint32_t space_src;    /* input offset of the first white space byte */
    int space_in_link;     /* that white space was inside <a> */

    /* Context stamped on a line when it opens; the caller keeps it current
     * (every change of context coincides with a line break). */
    int32_t element;
    uint8_t heading;
    int in_link;           /* > 0 inside <a> */

    uint64_t link_total;   /* bytes emitted inside <a> so far */
    uint64_t line_link_start;
} fp_text_builder;

void fp_text_builder_init(fp_text_builder *tb);
void fp_text_builder_release(fp_text_builder *tb);

/* Make room for `bytes` more content bytes plus the '\n' and space that may
 * precede them.  Returns 0, or -1 when memory runs out. */
int fp_text_builder_reserve(fp_text_builder *tb, size_t bytes);

/* Opens a line (and emits the pending '\n'); -1 on allocation failure. */
int fp_text_builder_open_line(fp_text_builder *tb, uint32_t src);

/* End the current line, if any. */
void fp_text_builder_break(fp_text_builder *tb);

/* Move the finished text into out (format, text, src with its final entry
 * end_src, lines).  Returns 0, or -1 when memory runs out. */
int fp_text_builder_finish(fp_text_builder *tb, uint32_t end_src,
                           fp_text *out);

/* A white space byte (or sequence) at input offset src. */
static inline void fp_text_builder_space(fp_text_builder *tb, uint32_t src)
{
    if (tb->line_open && !tb->space_pending) {
        tb->space_pending = 1;
        tb->space_src = src;
        tb->space_in_link = tb->in_link > 0;
    }
}

/* A content byte.  The caller has reserved room for it. */
static inline int fp_text_builder_byte(fp_text_builder *tb, char c,
                                       uint32_t src)
{
    if (!tb->line_open) {
        if (fp_text_builder_open_line(tb, src) < 0)
            return -1;
    } else if (tb->space_pending) {
        tb->text[tb->len] = ' ';
        tb->src[tb->len++] = tb->space_src;
        tb->space_pending = 0;
        if (tb->space_in_link)
            tb->link_total++;
    }
    tb->text[tb->len] = c;
    tb->src[tb->len++] = src;
    if (tb->in_link)
        tb->link_total++;
    return 0;
}

/* n > 0 content bytes with their input offsets, in one go.  The caller
 * has reserved room for them. */
static inline int fp_text_builder_bytes(fp_text_builder *tb,
                                        const char *bytes,
                                        const uint32_t *src, size_t n)
{
    if (fp_text_builder_byte(tb, bytes[0], src[0]) < 0)
        return -1;
    /* The line is open and no space is pending now: the rest is a copy. */
    memcpy(tb->text + tb->len, bytes + 1, n - 1);
    memcpy(tb->src + tb->len, src + 1, (n - 1) * sizeof *src);
    tb->len += n - 1;
    if (tb->in_link)
        tb->link_total += n - 1;
    return 0;
}

#endif
