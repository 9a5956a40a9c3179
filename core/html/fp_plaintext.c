/* Plain text -> fp_text: one line per input line, trimmed, blank lines
 * dropped, runs of spaces, tabs and NUL bytes collapsed to one space. */
#include "fp_html.h"

#include "fp_text_builder.h"

#include <string.h>

static int is_nbsp(const unsigned char *s, size_t k, size_t end)
{
    return s[k] == 0xC2 && k + 1 < end && s[k + 1] == 0xA0;
}

/* Trim spaces, tabs, CR, form feeds and NBSP from both ends of [*start,
 * *end). */
static void trim_line(const unsigned char *s, size_t *start, size_t *end)
{
    size_t a = *start, b = *end;
    for (;;) {
        if (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r' ||
                      s[a] == '\f' || s[a] == '\v'))
            a++;
        else if (a < b && is_nbsp(s, a, b))
            a += 2;
        else
            break;
    }
    for (;;) {
        if (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' ||
                      s[b - 1] == '\r' || s[b - 1] == '\f' ||
                      s[b - 1] == '\v'))
            b--;
        else if (b >= a + 2 && s[b - 2] == 0xC2 && s[b - 1] == 0xA0)
            b -= 2;
        else
            break;
    }
    *start = a;
    *end = b;
}

int fp_plaintext_to_text(const fp_decoded *in, fp_text *out, fp_error *err)
{
    memset(out, 0, sizeof *out);
    out->format = FP_FORMAT_TEXT;
    if (!in || !in->src || (!in->utf8 && in->len > 0))
        return fp_error_set(err, "fp_plaintext_to_text: no decoded input");

    fp_text_builder tb;
    fp_text_builder_init(&tb);
    /* The text never grows: each kept byte stands for at least one input
     * byte, and each '\n' for the line end before it. */
    if (fp_text_builder_reserve(&tb, in->len) < 0)
        goto out_of_memory;

    const unsigned char *s = (const unsigned char *)in->utf8;
    size_t line_start = 0;
    while (line_start < in->len) {
        /* A line ends at LF, CR LF or a lone CR (old Mac files). */
        size_t line_end = line_start;
        while (line_end < in->len && s[line_end] != '\n' &&
               s[line_end] != '\r')
            line_end++;
        size_t next = line_end;
        if (next < in->len)
            next += (s[next] == '\r' && next + 1 < in->len &&
                     s[next + 1] == '\n')
                        ? 2
                        : 1;

        size_t a = line_start, b = line_end;
        trim_line(s, &a, &b);
        for (size_t k = a; k < b; k++) {
            /* A NUL reads as white space, as libxml2 reads it in HTML
             * text: kept, it would end the text for every reader that
             * takes it as a C string (the XML writer's <text>, plugins). */
            if (s[k] == ' ' || s[k] == '\t' || s[k] == '\0') {
                fp_text_builder_space(&tb, in->src[k]);
            } else if (fp_text_builder_byte(&tb, (char)s[k], in->src[k]) <
                       0) {
                goto out_of_memory;
            }
        }
        fp_text_builder_break(&tb);
        line_start = next;
    }
    if (fp_text_builder_finish(&tb, in->src[in->len], out) < 0)
        goto out_of_memory;
    out->format = FP_FORMAT_TEXT;
    return 0;

out_of_memory:
    fp_text_builder_release(&tb);
    memset(out, 0, sizeof *out);
    return fp_error_set(err, "out of memory converting %zu bytes of text",
                        in->len);
}
