/* The output folder of -o DIR/ (batch_outdir.c).  Everything factpipe
 * creates or opens inside it — sub-folders, document files, temporaries,
 * the journal (which is also the lock), the report — is reached from a
 * descriptor of DIR, one component at a time, never through a symbolic
 * link (openat2 with RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS where the
 * kernel has it, else an openat walk with O_NOFOLLOW), so nothing placed
 * in the folder can send a write outside it.  DIR itself is the user's
 * path and is taken as they give it.
 *
 * Temporaries live in DIR/.factpipe-tmp/ as "PID.SEQ" and are renamed
 * into their folders when complete: a name no document can take (output
 * names never begin with '.'), of a bounded length, in a folder that only
 * factpipe writes. */
#ifndef FP_BATCH_OUTDIR_H
#define FP_BATCH_OUTDIR_H

#include "../common/fp_error.h"

#include <stddef.h>

#define FP_OUTDIR_TMP_NAME ".factpipe-tmp"

typedef struct fp_outdir fp_outdir;

/* Creates DIR (and its parents) when missing and opens it.  NULL with
 * err set. */
fp_outdir *fp_outdir_open(const char *path, fp_error *err);
/* Closes every descriptor and removes the temporaries folder when it is
 * empty.  Accepts NULL. */
void fp_outdir_close(fp_outdir *d);
const char *fp_outdir_path(const fp_outdir *d);
int fp_outdir_root_fd(const fp_outdir *d);

/* A descriptor of the folder rel (its first rel_len bytes; "" is DIR)
 * beneath DIR, made with its parents when create is set.  The descriptor
 * is cached and stays the outdir's: use it (or dup it) before the next
 * call.  -1 with errno and err set: ENOENT (missing, !create), ELOOP (a
 * symbolic link in the way), ENOTDIR (a file in the way), or the error
 * of mkdir/open. */
int fp_outdir_folder(fp_outdir *d, const char *rel, size_t rel_len, int create, fp_error *err);

/* Opens (creating it with mode 0666 when flags hold O_CREAT) the regular
 * file name directly in DIR: not through a link, not a file with other
 * hard links.  -1 with err set. */
int fp_outdir_open_file(fp_outdir *d, const char *name, int flags, fp_error *err);

/* Whether the output file rel (a path under DIR) is a regular file
 * there, reached without links.  1, 0, or -1 (out of descriptors). */
int fp_outdir_has_file(fp_outdir *d, const char *rel);

/* A new temporary in DIR/.factpipe-tmp/, opened for writing; its name
 * ("PID.SEQ") in name.  The descriptor, or -1 with errno and err set. */
int fp_outdir_temporary(fp_outdir *d, char name[48], fp_error *err);
/* The temporaries folder's descriptor (after the first temporary or a
 * sweep), or -1. */
int fp_outdir_tmp_fd(const fp_outdir *d);

/* Removes what killed runs left in DIR/.factpipe-tmp/ ("PID.SEQ" regular
 * files; nothing else).  Call with the folder's lock held.  Returns how
 * many. */
size_t fp_outdir_sweep(fp_outdir *d);
/* Removes the temporaries earlier factpipe versions left next to their
 * files (".NAME<ext>.tmp.PID", PID no longer running), only in the folders
 * for which wrote_here(rel) says a factpipe run wrote there (its journal
 * lists files in them).  Returns how many. */
size_t fp_outdir_sweep_legacy(fp_outdir *d, const char *ext,
                              int (*wrote_here)(void *user, const char *rel), void *user);

#endif
