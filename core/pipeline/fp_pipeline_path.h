/* Path helpers of the pipeline stage: relative paths in a pipeline file
 * mean "relative to that file's folder", never to the current folder, so
 * that a pipeline keeps working wherever factpipe is started from. */
#ifndef FP_PIPELINE_PATH_H
#define FP_PIPELINE_PATH_H

/* base_dir joined with path (path itself when it is absolute), as a
 * malloc'ed string; base_dir NULL means the current folder.  The result is
 * canonical (realpath) when the path exists, and otherwise still absolute
 * so that error messages show where factpipe looked.  NULL when out of
 * memory or when the current folder cannot be found. */
char *fp_pipeline_path_resolve(const char *base_dir, const char *path);

/* The absolute folder holding the file at path, malloc'ed; NULL with errno
 * set when the file cannot be resolved. */
char *fp_pipeline_path_folder_of(const char *path);

#endif
