/* The article of a document in the output model (fp_out_article.h). */
#include "fp_out_article.h"
#include "fp_xml.h"

#include <stdlib.h>
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
        char *clean = fp_xml_sanitize(doc->extracted + line->start, line->end - line->start);
        size_t len = clean ? strlen(clean) : 0;
        int written = clean && (!any || fputs(FP_OUT_ARTICLE_SEPARATOR, out) >= 0) &&
                      fwrite(clean, 1, len, out) == len;
        free(clean);
        if (!written)
            return -1;
        any = 1;
    }
    if (any && fputc('\n', out) == EOF)
        return -1;
    return 0;
}
