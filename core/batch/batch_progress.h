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
/* The summary's table of where the time went: stage i is called name (a
 * string that outlives p); plugin stages are listed as such. */
void fp_progress_name_stage(fp_progress *p, size_t i, const char *name, int is_plugin);
/* Adds a document's nanoseconds per stage (from its worker). */
void fp_progress_stage_times(fp_progress *p, const uint64_t *ns, size_t n);
/* Adds the supervisor's time writing a document where it goes. */
void fp_progress_output_time(fp_progress *p, uint64_t ns);
void fp_progress_tick(fp_progress *p);
void fp_progress_finish(fp_progress *p);
void fp_progress_free(fp_progress *p);

#endif
