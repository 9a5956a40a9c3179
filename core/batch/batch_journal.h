/* The journal of an output folder (batch_journal.c): which documents are
 * done, for --resume. */
#ifndef FP_BATCH_JOURNAL_H
#define FP_BATCH_JOURNAL_H

#include "../common/fp_error.h"
#include "batch_doc.h"
#include "batch_outdir.h"

typedef struct fp_journal fp_journal;

/* Opens DIR/factpipe-journal.tsv beneath the output folder (never through
 * a link) and locks it: the lock says that this run writes the folder.
 * resume: read its entries (lines whose CRC fails, such as a torn last
 * line, are ignored and cut off); else start it empty.  key: what
 * identifies the output (the resume key); lines with another key are
 * not entries. */
fp_journal *fp_journal_open(fp_outdir *dir, int resume, const char *key, fp_error *err);
/* Whether a document is recorded as finished: 1 with its outcome and
 * reason (or NULL), else 0. */
int fp_journal_find(const fp_journal *j, const char *source, const char *identity,
                    fp_doc_outcome *outcome, const char **reason);
/* Whether a loaded entry's output file lies in the folder rel (relative
 * to DIR, "" for DIR itself). */
int fp_journal_wrote_in(const fp_journal *j, const char *rel);
/* One journal line (with its newline) for a document whose file output
 * (relative to DIR) is in place; malloc'ed, NULL when out of memory. */
char *fp_journal_line(const fp_journal *j, const char *source, const char *identity,
                      fp_doc_outcome outcome, const char *reason, const char *output,
                      size_t *len);
/* Sets aside room on the device for len more bytes of lines (where the
 * file system can), so that a full device stops the run before a
 * document whose line would not fit is written, not after.  0, or -1
 * with errno and err set. */
int fp_journal_reserve(fp_journal *j, size_t len, fp_error *err);
/* Appends whole lines in one write and fsyncs the journal once; call
 * after their files are durable.  On failure the journal is cut back to
 * its last whole line and errno says why.  Safe to call from another
 * thread than the one that opened and reads the journal. */
int fp_journal_append(fp_journal *j, const char *lines, size_t len, fp_error *err);
void fp_journal_close(fp_journal *j);

#endif
