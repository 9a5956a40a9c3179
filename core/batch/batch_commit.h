/* Group commit of an output folder's files (batch_commit.c).
 *
 * The supervisor writes each document to a temporary and hands it over;
 * a committer thread makes the documents durable in groups: a group closes
 * when the committer is free and its first file has waited 10 ms, or at
 * 256 files — so a trickle commits each document within milliseconds, and
 * a flood fills groups as large as the time of one commit lets them grow:
 *
 *   1. fdatasync of every temporary of the group (by a few threads at
 *      once, so the file system joins their journal commits and flushes),
 *   2. rename of each into place, in input order,
 *   3. one fsync per folder the group touched,
 *   4. the group's journal lines appended in one write, one fsync.
 *
 * So for every file: its fsync < its rename < its folder's fsync < the
 * journal fsync that lists it, and the journal lists only durable files.
 * When a step fails, the group is cut at the first file that failed: the
 * files before it are committed, the rest (and every later group) are
 * removed, and the failure (with errno: ENOSPC says the device is full)
 * comes back from the next call. */
#ifndef FP_BATCH_COMMIT_H
#define FP_BATCH_COMMIT_H

#include "../common/fp_error.h"
#include "batch_journal.h"
#include "batch_outdir.h"

#include <stddef.h>

#define FP_COMMIT_GROUP_FILES 256
#define FP_COMMIT_GATHER_MS 10

typedef struct fp_committer fp_committer;

/* Starts the committer thread for files whose temporaries are in dir's
 * temporaries folder.  max_files: the group size (0: the default, less
 * when descriptors are short).  NULL with err set. */
fp_committer *fp_committer_new(fp_outdir *dir, fp_journal *journal, size_t max_files,
                               fp_error *err);
/* Hands over a written temporary (fd, in the temporaries folder as tmp)
 * to be renamed to name in the folder folder_fd (dup'ed here; rel is the
 * file's path under DIR, for messages) and then listed by line (taken;
 * NULL: no journal line).  Waits while two groups are pending.  0, or -1
 * with err and errno of an earlier failure: the file is dropped. */
int fp_committer_add(fp_committer *c, int fd, const char *tmp, int folder_fd, const char *name,
                     const char *rel, char *line, fp_error *err);
/* Commits everything handed over and waits for it.  0, or -1 with err
 * and errno set. */
int fp_committer_flush(fp_committer *c, fp_error *err);
/* Stops the thread; what was not committed is removed.  Accepts NULL. */
void fp_committer_free(fp_committer *c);

#endif
