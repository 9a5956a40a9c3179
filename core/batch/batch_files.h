/* A combined output file that appears whole or not at all, folders made
 * with their parents, and whole reads and writes on descriptors
 * (batch_files.c). */
#ifndef FP_BATCH_FILES_H
#define FP_BATCH_FILES_H

#include "../common/fp_error.h"

#include <stddef.h>
#include <stdio.h>
#include <sys/uio.h>

/* -o FILE: written under ".factpipe-tmp.PID.HASH" next to its final name,
 * synced, renamed into place, and its folder synced (docs/RELIABILITY.md,
 * Durability).
 * A symbolic link is followed to the file it names (which is replaced,
 * the link kept); a device, FIFO or socket is written through, with no
 * temporary and no rename. */
typedef struct fp_atomic_file {
    FILE *fp;
    char *final_path; /* the file written, links resolved */
    int dir_fd;       /* its folder; -1 when written through */
    char *name;       /* its name in that folder */
    char tmp[64];     /* the temporary's name in that folder */
} fp_atomic_file;

/* The file path names once symbolic links are followed (it may not
 * exist).  malloc'ed, NULL with err set (a link loop, out of memory). */
char *fp_resolve_output_path(const char *path, fp_error *err);
/* On failure these leave the temporary removed and errno saying why, so
 * the caller can tell a full device (fp_errno_is_device_full) from others. */
int fp_atomic_open(fp_atomic_file *f, const char *path, fp_error *err);
int fp_atomic_commit(fp_atomic_file *f, fp_error *err);
/* Drops the temporary; keeps errno as the caller's failure left it. */
void fp_atomic_abandon(fp_atomic_file *f);
/* ENOSPC or EDQUOT: the batch stops and sets fp_batch_stats.output_full. */
int fp_errno_is_device_full(int e);
char *fp_path_join(const char *a, const char *b);
/* mkdir -p: dir and every missing folder above it (others may be creating
 * the same ones at once: an array of runs into out/shard-K/). */
int fp_make_folder(const char *dir, fp_error *err);

/* Whole reads and writes (EINTR retried): 0 ok, -1 error or EOF. */
int fp_fd_write_all(int fd, const void *buf, size_t len);
/* The n pieces of iov (which it changes) in as few writes as it takes. */
int fp_fd_writev_all(int fd, struct iovec *iov, int n);
int fp_fd_read_all(int fd, void *buf, size_t len);
/* The n pieces of iov (which it changes) filled in as few reads as it
 * takes: 0 ok, -1 error or EOF. */
int fp_fd_readv_all(int fd, struct iovec *iov, int n);

#endif
