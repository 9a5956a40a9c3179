/* Configuration files (pipeline files, zoning rules, the lexicons plugins
 * read): regular files under a size cap.  /dev/zero, a FIFO or a sparse
 * file of a gigabyte named as one would otherwise be read until memory
 * runs out (or block for ever). */
#ifndef FP_CONFIG_FILE_H
#define FP_CONFIG_FILE_H

#include "fp_error.h"

#include <stddef.h>
#include <stdio.h>

/* The cap, named in the messages.  The shipped lexicons are a few
 * kilobytes; the largest real ones are well under a megabyte. */
#define FP_CONFIG_MAX_BYTES (16u * 1024u * 1024u)

/* Why path cannot be read as a configuration file ("No such file or
 * directory", "it is a folder; expected a file", "it is 1073741824 bytes,
 * over the limit ..."), written to why; NULL when it is a readable
 * regular file of at most FP_CONFIG_MAX_BYTES, or /dev/null (an empty
 * file).  Nothing is opened. */
const char *fp_config_refusal(const char *path, char *why, size_t why_size);
/* Opens a configuration file for reading after the same checks (never
 * blocking on a FIFO swapped in meanwhile).  NULL with "PATH: cannot open
 * WHAT: REASON" (what: "pipeline file", ...). */
FILE *fp_config_open(const char *path, const char *what, fp_error *err);

#endif
