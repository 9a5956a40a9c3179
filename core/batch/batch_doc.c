/* A batch document's lifetime and outcome names. */
#include "batch_doc.h"

#include <stdlib.h>
#include <string.h>

static const char *const outcome_names[] = {"ok", "failed", "quarantined"};

const char *fp_doc_outcome_name(fp_doc_outcome outcome)
{
    return outcome_names[outcome];
}

fp_doc_outcome fp_doc_outcome_from_name(const char *name)
{
    if (strcmp(name, "ok") == 0)
        return FP_DOC_OK;
    return strcmp(name, "quarantined") == 0 ? FP_DOC_QUARANTINED : FP_DOC_FAILED;
}

void fp_batch_doc_free(fp_batch_doc *d)
{
    free(d->source);
    free(d->relative);
    free(d->path);
    free(d->bytes);
    free(d->name_hint);
    free(d->url);
    free(d->record_date);
    free(d->identity);
    free(d->error);
    memset(d, 0, sizeof *d);
}
