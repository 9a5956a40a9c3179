/* The feed of documents (batch_inputs.c): INPUTs and --files-from
 * expanded into files and archives, in input order, this shard only. */
#ifndef FP_BATCH_INPUTS_H
#define FP_BATCH_INPUTS_H

#include "../common/fp_error.h"
#include "batch_doc.h"
#include "fp_batch.h"

#include <sys/types.h>

typedef struct fp_batch_feed fp_batch_feed;

/* Expands files, folders and --files-from into the list of files and
 * archives to read; archives are opened one at a time as the feed reaches
 * them.  NULL with a message when a folder cannot be listed. */
fp_batch_feed *fp_batch_feed_new(const fp_batch_options *o, const char *const *inputs,
                                 size_t n_inputs, fp_error *err);
/* The next document of this shard: 1 (d filled), 0 none left, -1 error. */
int fp_batch_feed_next(fp_batch_feed *f, fp_batch_doc *d, fp_error *err);
/* Whether an input (a file or an archive, the files of a folder, the
 * document on standard input) is the file dev/ino: 1 with *found its
 * name (malloc'ed), 0 not, -1 with err set. */
int fp_batch_feed_find_file(fp_batch_feed *f, dev_t dev, ino_t ino, char **found,
                            fp_error *err);
/* Documents known in advance (plain files), and whether archives add an
 * unknown number to them. */
size_t fp_batch_feed_known_total(const fp_batch_feed *f, int *more_unknown);
void fp_batch_feed_free(fp_batch_feed *f);

#endif
