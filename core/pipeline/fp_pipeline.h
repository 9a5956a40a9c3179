/* Pipeline files: which plugins run, in which order and priority, with
 * which options and lexicons.  INI syntax read with inih; see
 * config/default.pipeline for the format.  Every error names file:line and
 * what was expected.
 *
 * Limits of the syntax: lines hold at most 199 bytes (inih's line buffer);
 * "#" and ";" start a comment at the start of a line, and " ;" also after a
 * value; leading whitespace is ignored, so there are no continuation
 * lines. */
#ifndef FP_PIPELINE_H
#define FP_PIPELINE_H

#include "../common/fp_error.h"

#include <factpipe/plugin.h>

typedef struct fp_pipeline_option {
    char *key;
    char *value;
    int line;
} fp_pipeline_option;

typedef struct fp_pipeline_plugin {
    char *name;       /* plugin name, from [plugin NAME] */
    int priority;     /* higher wins overlaps; default 0 */
    int line;         /* line of the section header */
    fp_pipeline_option *options;
    size_t n_options;
} fp_pipeline_plugin;

typedef struct fp_pipeline {
    char *path;       /* as given */
    char *dir;        /* absolute folder of the file, for relative paths */
    char **plugin_dirs; /* absolute, from plugin-dir = … lines */
    size_t n_plugin_dirs;
    int load_all;     /* plugins = all: also every other installed plugin */
    int default_priority; /* for plugins loaded by plugins = all */
    char *zones;      /* absolute path of the zoning rules file, or NULL */
    char *defaults_dir; /* where relative PATH defaults of plugins (their
                           shipped lexicons) resolve: factpipe's data folder,
                           set by the program; NULL: the file's folder */
    fp_pipeline_plugin *plugins; /* in file order */
    size_t n_plugins;
} fp_pipeline;

/* Parse a pipeline file.  Returns a pipeline the caller frees with
 * fp_pipeline_free(), or NULL and fills err on failure. */
fp_pipeline *fp_pipeline_load(const char *path, fp_error *err);
/* Accepts NULL. */
void fp_pipeline_free(fp_pipeline *p);

/* The [plugin NAME] section of p, or NULL when there is none (p may be
 * NULL).  The result points into p. */
const fp_pipeline_plugin *fp_pipeline_find_plugin(const fp_pipeline *p,
                                                  const char *name);

/* Check a plugin section's options against the plugin's option table and
 * resolve them (defaults applied, integers and booleans parsed, paths made
 * absolute and checked readable).  pp may be NULL (all defaults: a plugin
 * loaded by "plugins = all"); p may be NULL too when there is no pipeline
 * file, and relative default paths then resolve against the current
 * folder.  pp, when given, must be a section of p.
 * *values gets desc->n_options entries (NULL when there are none), each
 * .string a malloc'ed copy of the final value or NULL; free with
 * fp_option_values_free(values, desc->n_options).  Errors read
 * "FILE:LINE: plugin 'NAME' has no option 'X' (its options: a, b)" and
 * alike. */
int fp_pipeline_resolve_options(const fp_pipeline *p,
                                const fp_pipeline_plugin *pp,
                                const fp_plugin_desc *desc,
                                fp_option_value **values, fp_error *err);
/* Frees the strings and the array; accepts NULL. */
void fp_option_values_free(fp_option_value *values, size_t n);

/* "bool", "int", "string" or "path"; "unknown" for any other value.  For
 * messages and --list-plugins. */
const char *fp_option_type_name(fp_option_type type);

#endif
