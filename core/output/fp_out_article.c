/* The article of a document in the output model (fp_out_article.h). */
#include "fp_out_article.h"

#include <string.h>

int fp_out_line_is_article(const fp_out_doc *doc, size_t i)
{
    return i < doc->n_lines && doc->lines[i].article;
}

int fp_out_article_write(FILE *out, const fp_out_doc *doc)
{
    int any = 0;
    for (size_t i = 0; i < doc->n_lines; i++) {
        if (!fp_out_line_is_article(doc, i))
            continue;
        const fp_out_line *line = &doc->lines[i];
        size_t len = line->end - line->start;
        if ((any && fputs(FP_OUT_ARTICLE_SEPARATOR, out) < 0) ||
            fwrite(doc->extracted + line->start, 1, len, out) != len)
            return -1;
        any = 1;
    }
    if (any && fputc('\n', out) == EOF)
        return -1;
    return 0;
}
