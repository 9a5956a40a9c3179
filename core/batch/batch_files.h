/* Files in the output that appear whole or not at all (batch_files.c). */
#ifndef FP_BATCH_FILES_H
#define FP_BATCH_FILES_H

#include "../common/fp_error.h"

#include <stddef.h>
#include <stdio.h>

/* A file written under ".NAME.tmp.PID" next to its final name, synced,
 * renamed into place, and its folder synced (docs/RELIABILITY.md,
 * Durability). */
typedef struct fp_atomic_file {
    FILE *fp;
    char *final_path;
    char *tmp_path;
} fp_atomic_file;

/* On failure these leave the temporary removed and errno saying why, so
 * the caller can tell a full device (fp_errno_is_device_full) from others. */
int fp_atomic_open(fp_atomic_file *f, const char *path, fp_error *err);
int fp_atomic_commit(fp_atomic_file *f, fp_error *err);
/* Drops the temporary; keeps errno as the caller's failure left it. */
void fp_atomic_abandon(fp_atomic_file *f);
/* ENOSPC or EDQUOT: the batch stops and sets fp_batch_stats.output_full. */
int fp_errno_is_device_full(int e);
/* Removes ".*.tmp.*" files under dir (recursively) left by killed runs. */
size_t fp_sweep_temporaries(const char *dir);
/* Removes the temporaries of path left by processes no longer running. */
void fp_sweep_stale_siblings(const char *path);
char *fp_path_join(const char *a, const char *b);
/* mkdir -p: dir and every missing folder above it (others may be creating
 * the same ones at once: an array of runs into out/shard-K/). */
int fp_make_folder(const char *dir, fp_error *err);

/* Whole reads and writes (EINTR retried): 0 ok, -1 error or EOF. */
int fp_fd_write_all(int fd, const void *buf, size_t len);
int fp_fd_read_all(int fd, void *buf, size_t len);

#endif
