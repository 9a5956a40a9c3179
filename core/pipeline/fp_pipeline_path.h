/* Path helpers of the pipeline stage: relative paths in a pipeline file
 * mean "relative to that file's folder", never to the current folder, so
 * that a pipeline keeps working wherever factpipe is started from; those
 * not found there are looked up in further folders (the plugin's data,
 * factpipe's data), so that a copy of the default pipeline still finds
 * what the original named. */
#ifndef FP_PIPELINE_PATH_H
#define FP_PIPELINE_PATH_H

#include <stddef.h>

/* base_dir joined with path (path itself when it is absolute), as a
 * malloc'ed string; base_dir NULL means the current folder.  The result is
 * canonical (realpath) when the path exists, and otherwise still absolute
 * so that error messages show where factpipe looked.  NULL when out of
 * memory or when the current folder cannot be found. */
char *fp_pipeline_path_resolve(const char *base_dir, const char *path);

/* The absolute folder holding the file at path, malloc'ed; NULL with errno
 * set when the file cannot be resolved. */
char *fp_pipeline_path_folder_of(const char *path);

/* A folder to look a relative path up in, and what it is for messages
 * ("next to the pipeline file"). */
typedef struct fp_path_place {
    const char *dir;   /* NULL: the current folder */
    const char *label;
} fp_path_place;

enum { FP_PATH_MAX_PLACES = 6 };

/* The result of looking path up. */
typedef struct fp_path_lookup {
    char *found;       /* malloc'ed absolute path of the readable file, or
                          NULL */
    char *tried;       /* malloc'ed absolute path of the place that decided
                          (the file that exists but cannot be read, or the
                          first place when none has it), or NULL */
    const char *why;   /* why found is NULL: strerror() text, or why the
                          file cannot be a configuration file (a folder, a
                          device, a FIFO, over the size cap; in why_text) */
    char why_text[160];
    int in_none;       /* the file is in none of the places */
    char places[1024]; /* "A (label), B (label)": every place tried */
} fp_path_lookup;

/* Looks path up: an absolute path as it is, a relative one in each place
 * in turn.  The first place where it exists decides: a readable file is
 * found, anything else (unreadable, a folder, a device or FIFO, over
 * FP_CONFIG_MAX_BYTES) is the error.  Returns 0
 * when found, -1 otherwise (lookup says why; out of memory: why is
 * "out of memory").  Free with fp_path_lookup_free. */
int fp_path_lookup_file(const char *path, const fp_path_place *places, size_t n,
                        fp_path_lookup *lookup);
void fp_path_lookup_free(fp_path_lookup *lookup);

/* The files NAME.pipeline of the drop-in folders dirs (lowest precedence
 * first: a later folder's file replaces an earlier one of the same name),
 * sorted by name.  Missing folders are skipped; hidden files and other
 * names are not drop-ins.  *paths is a malloc'ed array of malloc'ed
 * strings.  0, or -1 with why (a folder that cannot be read) in why. */
int fp_pipeline_list_drop_ins(const char *const *dirs, size_t n_dirs, char ***paths,
                              size_t *n_paths, char *why, size_t why_size);

#endif
