/* Where the running factpipe code was loaded from, so that an installed
 * factpipe finds its plugins and data next to itself wherever its prefix
 * was moved (cmake --install --prefix, DESTDIR, an unpacked package). */
#ifndef FP_SELF_PATH_H
#define FP_SELF_PATH_H

#include <stddef.h>

typedef enum fp_self_kind {
    FP_SELF_PROGRAM, /* linked into the executable (the factpipe CLI) */
    FP_SELF_LIBRARY  /* inside a shared library (libfactpipe) */
} fp_self_kind;

/* The absolute, symlink-free path of the file this code runs from: the
 * executable (/proc/self/exe) or, when the code is part of a shared
 * library, that library (dladdr).  Returns 0, or -1 when the path cannot
 * be known (no /proc, a deleted file) or does not fit in size bytes. */
int fp_self_path(char *path, size_t size, fp_self_kind *kind);

/* dir + "/" + relative with "." and ".." folded away lexically (dir is
 * absolute and symlink-free, so ".." is its parent).  Returns 0, or -1
 * when the result does not fit in size bytes. */
int fp_path_join_folded(char *out, size_t size, const char *dir, const char *relative);

#endif
