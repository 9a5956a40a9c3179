/* The progress line and the closing summary on stderr
 * (batch_progress.c). */
#ifndef FP_BATCH_PROGRESS_H
#define FP_BATCH_PROGRESS_H

#include <stddef.h>
#include <stdint.h>

typedef struct fp_progress fp_progress;

fp_progress *fp_progress_new(int show_progress, int show_summary, size_t known_total,
                             int more_unknown);
/* tally: the document's facts per kind, "KIND COUNT\n" lines (see
 * fp_pool_result), or NULL. */
void fp_progress_document(fp_progress *p, uint64_t input_bytes, int failed, const char *tally);
void fp_progress_skipped(fp_progress *p);
void fp_progress_tick(fp_progress *p);
void fp_progress_finish(fp_progress *p);
void fp_progress_free(fp_progress *p);

#endif
