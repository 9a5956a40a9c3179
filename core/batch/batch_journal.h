/* The journal of an output folder (batch_journal.c): which documents are
 * done, for --resume. */
#ifndef FP_BATCH_JOURNAL_H
#define FP_BATCH_JOURNAL_H

#include "../common/fp_error.h"
#include "batch_doc.h"

typedef struct fp_journal fp_journal;

/* Opens DIR/factpipe-journal.tsv.  resume: read its entries (lines whose
 * CRC fails, such as a torn last line, are ignored and cut off); else
 * start it empty.  config: what identifies the pipeline and plugins. */
fp_journal *fp_journal_open(const char *dir, int resume, const char *config, fp_error *err);
/* Whether a document is recorded as finished: 1 with its outcome and
 * reason (or NULL), else 0. */
int fp_journal_find(const fp_journal *j, const char *source, const char *identity,
                    fp_doc_outcome *outcome, const char **reason);
/* Appends one line and fsyncs it; call after the output is in place.  On
 * failure the journal is cut back to its last whole line and errno says
 * why. */
int fp_journal_append(fp_journal *j, const char *source, const char *identity,
                      fp_doc_outcome outcome, const char *reason, fp_error *err);
void fp_journal_close(fp_journal *j);

#endif
