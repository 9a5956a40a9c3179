/* Plugin loading: dlopen(RTLD_NOW | RTLD_LOCAL) of absolute paths from
 * known plugin folders, and the checks that refuse incompatible plugins
 * before any of their callbacks runs. */
#ifndef FP_LOADER_H
#define FP_LOADER_H

#include "../common/fp_error.h"

#include <factpipe/plugin.h>

typedef struct fp_plugin_handle {
    void *dl;                   /* dlopen handle */
    const fp_plugin_desc *desc; /* checked descriptor */
    char *path;                 /* absolute path */
} fp_plugin_handle;

/* A folder that was asked for, whether or not it exists. */
typedef struct fp_plugin_folder {
    char *dir;          /* absolute when found, else as given */
    const char *origin; /* why it was searched ("--plugin-dir", ...); static */
    int found;
} fp_plugin_folder;

/* An ordered list of folders to look for NAME.so in, and every folder
 * asked for (what --list-plugins reports). */
typedef struct fp_plugin_path {
    char **dirs;
    size_t n;
    fp_plugin_folder *asked;
    size_t n_asked;
} fp_plugin_path;

/* Append a folder (made absolute; duplicates and missing folders are
 * skipped, but remembered in asked with origin, a static string or NULL).
 * Returns -1 only on allocation failure. */
int fp_plugin_path_add(fp_plugin_path *pp, const char *dir, const char *origin,
                       fp_error *err);
/* Append each folder of a ':'-separated list. */
int fp_plugin_path_add_list(fp_plugin_path *pp, const char *list,
                            const char *origin, fp_error *err);
void fp_plugin_path_free(fp_plugin_path *pp);

/* Find NAME.so along the path: a malloc'ed absolute path, or NULL with an
 * error listing where it looked. */
char *fp_plugin_path_find(const fp_plugin_path *pp, const char *name,
                          fp_error *err);

/* Names of every plugin (NAME.so) along the path, first folder wins, sorted
 * by name.  *names is a malloc'ed array of malloc'ed strings. */
int fp_plugin_path_list(const fp_plugin_path *pp, char ***names, size_t *n,
                        fp_error *err);

/* Load and check one plugin file: its permissions, then its entry
 * fp_plugin_NAME_get_desc (NAME from the file name NAME.so) and the
 * descriptor it returns (ABI version, size, name, kind, callbacks,
 * option table), before any plugin callback runs.  0, or -1 with one line
 * naming the plugin, its path, what is wrong and what to do. */
int fp_plugin_open(const char *path, fp_plugin_handle *out, fp_error *err);
void fp_plugin_close(fp_plugin_handle *h);

/* What fp_plugin_open checks before dlopen, when the constructors would
 * already run: the file at abs (absolute, no links) is a regular file
 * owned by root or the user and writable by no one else, and so is every
 * folder from its own up to "/" (a folder others may write passes only
 * with the sticky bit and a trusted owner).  0, or -1 with a message that
 * says what to change. */
int fp_plugin_check_owner_and_modes(const char *abs, const char *name, fp_error *err);

#endif
