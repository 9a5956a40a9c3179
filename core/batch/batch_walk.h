/* Walking one input folder (batch_walk.c): its files in name order, then
 * its sub-folders in name order, each the same way, filtered by the name
 * rules.  Only the folders on the current path are held in memory — their
 * sorted names — never the list of every file, so a folder tree of
 * millions of pages costs what its largest folders do. */
#ifndef FP_BATCH_WALK_H
#define FP_BATCH_WALK_H

#include "../common/fp_error.h"
#include "fp_batch.h"

#include <stddef.h>

typedef struct fp_walk fp_walk;

/* Starts at the folder root (named on the command line: followed even
 * through a link).  quiet: say nothing about loops (a second walk of the
 * same tree).  NULL with err set when out of memory. */
fp_walk *fp_walk_new(const fp_batch_options *o, const char *root, int quiet, fp_error *err);
/* The next file the name rules take: 1 with *path (root/rel) and *rel,
 * malloc'ed; 0 when the walk is over; -1 when a folder cannot be read
 * (err names it). */
int fp_walk_next(fp_walk *w, char **path, char **rel, fp_error *err);
/* Links to folders that were not followed (without --follow), and the
 * first of them (valid until fp_walk_free). */
size_t fp_walk_unfollowed(const fp_walk *w, const char **first);
/* Hidden names (starting with '.') the walk left out, and the first of
 * them as a path (valid until fp_walk_free). */
size_t fp_walk_hidden(const fp_walk *w, const char **first);
void fp_walk_free(fp_walk *w);

#endif
