/* What zoning decided, read back from the lines: the zones as runs (the
 * standoff --include-text writes) and the article's text (what --format
 * text writes). */
#include "fp_zone.h"

#include <stdlib.h>
#include <string.h>

const char *fp_zone_kind_name(fp_zone_kind kind)
{
    switch (kind) {
    case FP_ZONE_TITLE:
        return "title";
    case FP_ZONE_DATELINE:
        return "dateline";
    case FP_ZONE_LEAD:
        return "lead";
    case FP_ZONE_BODY:
        return "body";
    case FP_ZONE_BYLINE:
        return "byline";
    case FP_ZONE_CHROME:
        return "chrome";
    }
    return "chrome";
}

static const char *zone_name(fp_zone_kind kind, bool caption)
{
    return caption ? "caption" : fp_zone_kind_name(kind);
}

const char *fp_zone_run_name(const fp_zone_run *run)
{
    return zone_name(run->kind, run->caption);
}

const char *fp_zone_line_name(const fp_line *line)
{
    return zone_name(line->zone, line->caption);
}

static bool same_run(const fp_line *a, const fp_line *b)
{
    return a->zone == b->zone && a->caption == b->caption;
}

/* Characters (UTF-8 lead bytes) in text[from, to). */
static size_t count_chars(const char *text, size_t from, size_t to)
{
    size_t n = 0;
    for (size_t i = from; i < to; i++)
        n += ((unsigned char)text[i] & 0xC0) != 0x80;
    return n;
}

int fp_zone_runs(const fp_text *t, fp_zone_run **runs, size_t *n_runs,
                 fp_error *err)
{
    *runs = NULL;
    *n_runs = 0;
    if (t->n_lines == 0)
        return 0;
    size_t n = 1;
    for (size_t i = 1; i < t->n_lines; i++)
        n += !same_run(&t->lines[i], &t->lines[i - 1]);
    fp_zone_run *out = malloc(n * sizeof *out);
    if (!out)
        return fp_error_set(err, "zoning: out of memory listing %zu zones", n);
    /* One pass over the text: chars is the character offset of byte `at`. */
    size_t at = 0, chars = 0, k = 0;
    for (size_t i = 0; i < t->n_lines; i++) {
        const fp_line *line = &t->lines[i];
        chars += count_chars(t->text, at, line->start);
        at = line->start;
        if (i == 0 || !same_run(line, &t->lines[i - 1])) {
            out[k].kind = line->zone;
            out[k].caption = line->caption;
            out[k].start = chars;
            k++;
        }
        chars += count_chars(t->text, at, line->end);
        at = line->end;
        out[k - 1].end = chars;
    }
    *runs = out;
    *n_runs = k;
    return 0;
}

bool fp_zone_line_is_article(const fp_line *line)
{
    return (line->zone == FP_ZONE_LEAD || line->zone == FP_ZONE_BODY) &&
           !line->caption;
}

int fp_zone_article_text(const fp_text *t, char **out, size_t *len,
                         fp_error *err)
{
    static const char separator[] = "\n\n";
    size_t need = 1;
    for (size_t i = 0; i < t->n_lines; i++)
        if (fp_zone_line_is_article(&t->lines[i]))
            need += t->lines[i].end - t->lines[i].start + strlen(separator);
    char *text = malloc(need);
    if (!text)
        return fp_error_set(err, "zoning: out of memory writing the article "
                                 "text (%zu bytes)", need);
    size_t n = 0;
    for (size_t i = 0; i < t->n_lines; i++) {
        const fp_line *line = &t->lines[i];
        if (!fp_zone_line_is_article(line))
            continue;
        if (n > 0) {
            memcpy(text + n, separator, strlen(separator));
            n += strlen(separator);
        }
        memcpy(text + n, t->text + line->start, line->end - line->start);
        n += line->end - line->start;
    }
    text[n] = '\0';
    *out = text;
    *len = n;
    return 0;
}
