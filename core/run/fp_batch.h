/* Batch running: expand the inputs (files, folders walked recursively in
 * sorted order) and write their documents to stdout, one combined XML
 * file, or one XML file per document in an output folder. */
#ifndef FP_BATCH_H
#define FP_BATCH_H

#include "fp_engine.h"

typedef struct fp_batch_stats {
    size_t documents;
    size_t failed;
} fp_batch_stats;

/* output: NULL for stdout; an existing folder or a path ending in '/' for
 * one XML per document (<output>/<path relative to its input>.xml); any
 * other path for one combined file.  Files are written under a temporary
 * name and renamed into place when complete.  Per-document failures are
 * written as <document><error> and counted; the batch goes on.
 * Returns 0 when every document succeeded, 1 when some failed, -1 when
 * the output could not be written (err says why). */
int fp_batch_run(fp_engine *e, const char *const *inputs, size_t n_inputs,
                 const char *output, fp_batch_stats *stats, fp_error *err);

#endif
