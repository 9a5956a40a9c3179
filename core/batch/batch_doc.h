/* One document on its way through a batch, and what became of it. */
#ifndef FP_BATCH_DOC_H
#define FP_BATCH_DOC_H

#include <stddef.h>
#include <stdint.h>

/* What became of a document: the journal and the report write these as
 * "ok", "failed", "quarantined". */
typedef enum fp_doc_outcome {
    FP_DOC_OK,
    FP_DOC_FAILED,     /* unreadable, undecodable, too large, plugin error */
    FP_DOC_QUARANTINED /* crashed or ran over time twice, once alone */
} fp_doc_outcome;

const char *fp_doc_outcome_name(fp_doc_outcome outcome);
/* The outcome a journal line names; anything unknown counts as failed. */
fp_doc_outcome fp_doc_outcome_from_name(const char *name);

typedef struct fp_batch_doc {
    size_t seq;           /* position in input order */
    char *source;         /* written as the document's source */
    char *relative;       /* output name under -o DIR, without extension */
    char *path;           /* file the worker reads; NULL when bytes is set */
    unsigned char *bytes; /* archive member, NUL-terminated; or NULL */
    size_t len;
    char *name_hint;      /* tells HTML from text by its extension */
    char *url;            /* WARC target URI, or NULL */
    char *record_date;    /* WARC date, or NULL */
    char *identity;       /* what the input was: size, mtime, member */
    char *error;          /* failed before reaching a worker (archive) */
    uint64_t input_bytes; /* for MB/s */
} fp_batch_doc;

void fp_batch_doc_free(fp_batch_doc *d);

#endif
