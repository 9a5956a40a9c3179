/* Where a batch's documents go (batch_output.c): standard output, one
 * combined file, or one file per document in an output folder with its
 * journal and failure report.  The bytes come from the run's output
 * format; the supervisor hands documents over in input order. */
#ifndef FP_BATCH_OUTPUT_H
#define FP_BATCH_OUTPUT_H

#include "../engine/fp_engine.h"
#include "../output/fp_output_format.h"
#include "batch_doc.h"
#include "batch_inputs.h"
#include "fp_batch.h"

typedef struct fp_batch_output fp_batch_output;

/* Opens the output o->output names (see fp_batch_options) and writes the
 * format's head to a combined output.  An output file that is one of the
 * feed's inputs is refused (stats->refused) before anything is read.
 * several goes to the format's between hook.  Every failure to write sets
 * stats->output_full when the device is full.  NULL with err set. */
fp_batch_output *fp_batch_output_open(const fp_batch_options *o, const fp_output_format *format,
                                      const fp_engine *e, fp_batch_feed *feed,
                                      int several, fp_batch_stats *stats, fp_error *err);
/* With --resume: whether d was finished by an earlier run (the journal
 * says so and its file is still there; with --retry-failed only when it
 * succeeded): 1 with its outcome and reason (malloc'ed, or NULL), 0 not,
 * -1 out of memory. */
int fp_batch_output_done_before(fp_batch_output *out, const fp_batch_doc *d,
                                fp_doc_outcome *outcome, char **reason, fp_error *err);
/* A document done before (in input order with the others): its output
 * name is taken for this run and it is listed in the format's index of
 * the folder, if it keeps one.  0; 1 when an earlier document of this run
 * has the same output name (err says so: the document failed); -1 with err
 * set: stop. */
int fp_batch_output_skipped(fp_batch_output *out, const fp_batch_doc *d, fp_doc_outcome outcome,
                            const char *reason, fp_error *err);
/* Writes a finished document (its rendered bytes); in an output folder,
 * hands its file to the group commit, which lists it in the journal once
 * it is durable, and lists it in the format's index (tally: its facts per
 * kind, "KIND COUNT\n" lines, or NULL).  0; 1 when this document's file
 * cannot be written (its name is taken, or a file, link or folder is in
 * the way: err says why; the document failed, the batch goes on); -1 with
 * err set: stop. */
int fp_batch_output_document(fp_batch_output *out, const fp_batch_doc *d,
                             fp_doc_outcome outcome, const char *reason, const char *tally,
                             const char *bytes, size_t len, fp_error *err);
/* Whether documents go to files of their own in an output folder (the
 * supervisor then writes each, with the group commit). */
int fp_batch_output_is_folder(const fp_batch_output *out);
/* Lists a document that did not succeed in the folder's failure report
 * (other outputs have none). */
void fp_batch_output_report(fp_batch_output *out, const fp_batch_doc *d,
                            fp_doc_outcome outcome, const char *reason);
/* Commits what is pending; ok: writes the format's tail (combined) or
 * the report and the format's index (folder) and commits; else abandons a
 * combined file and the index.  0, or -1 with err set. */
int fp_batch_output_close(fp_batch_output *out, int ok, fp_error *err);
void fp_batch_output_free(fp_batch_output *out);

#endif
