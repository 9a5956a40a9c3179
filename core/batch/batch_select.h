/* Which names a batch takes: the page and archive name rules, --include
 * and --exclude, and the shard of this run. */
#ifndef FP_BATCH_SELECT_H
#define FP_BATCH_SELECT_H

#include "../common/fp_error.h"
#include "fp_batch.h"

/* Whether name is picked up by --include/--exclude (or, without
 * --include, by the page and archive name rules).  rel: path relative to
 * the input root. */
int fp_batch_name_wanted(const fp_batch_options *o, const char *rel, int is_folder);
int fp_batch_is_archive_name(const char *name);
/* Whether this run's shard takes the document named source. */
int fp_batch_in_shard(const fp_batch_options *o, const char *source);

#endif
