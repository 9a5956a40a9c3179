/* The table of output formats and what every caller of a format needs
 * (lookup, dispatch of failed documents, a memory stream for the hooks). */
#include "fp_output_format.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const fp_output_format *const formats[] = {
    &fp_output_format_xml,
    &fp_output_format_jsonl,
    &fp_output_format_html,
    &fp_output_format_text,
};

#define N_FORMATS (sizeof formats / sizeof *formats)

const fp_output_format *fp_output_format_at(size_t i)
{
    return i < N_FORMATS ? formats[i] : NULL;
}

const fp_output_format *fp_output_format_default(void)
{
    return formats[0];
}

const fp_output_format *fp_output_format_find(const char *name, fp_error *err)
{
    char known[256] = "";
    for (size_t i = 0; i < N_FORMATS; i++) {
        if (strcmp(formats[i]->name, name) == 0)
            return formats[i];
        size_t used = strlen(known);
        snprintf(known + used, sizeof known - used, "%s%s", i ? ", " : "", formats[i]->name);
    }
    fp_error_set(err, "unknown output format '%s': the formats are %s", name, known);
    return NULL;
}

int fp_output_render(const fp_output_format *f, FILE *out, const fp_out_doc *doc,
                     fp_error *err)
{
    return f->render(out, doc, err);
}

int fp_output_render_error(const fp_output_format *f, FILE *out, const char *source,
                           const char *reason, fp_error *err)
{
    fp_out_doc doc = {0};
    doc.source = source;
    doc.error = reason;
    return f->render(out, &doc, err);
}

int fp_output_no_head(FILE *out, fp_error *err)
{
    (void)out;
    (void)err;
    return 0;
}

int fp_output_no_tail(FILE *out, size_t n_documents, fp_error *err)
{
    (void)out;
    (void)n_documents;
    (void)err;
    return 0;
}

int fp_out_memory_open(fp_out_memory *m, fp_error *err)
{
    memset(m, 0, sizeof *m);
    m->fp = open_memstream(&m->data, &m->len);
    if (!m->fp)
        return fp_error_set(err, "cannot buffer the output: %s", strerror(errno));
    return 0;
}

int fp_out_memory_close(fp_out_memory *m, int rc, fp_error *err)
{
    int whole = m->fp && !ferror(m->fp);
    if (m->fp && fclose(m->fp) != 0)
        whole = 0;
    m->fp = NULL;
    if (rc == 0 && whole)
        return 0;
    free(m->data);
    m->data = NULL;
    m->len = 0;
    if (rc == 0)
        fp_error_set(err, "cannot buffer the output (out of memory?)");
    return -1;
}
