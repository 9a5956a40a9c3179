/* Pipeline files: which plugins run, in which order and priority, with
 * which options and lexicons.  INI syntax read with inih; the format is
 * documented in docs/factpipe-pipeline.5 (and in config/default.pipeline).
 * Every error names file:line and what was expected.
 *
 * Drop-ins.  A pipeline file that says "drop-ins = yes" (the default
 * pipeline does) is merged with the files NAME.pipeline of the drop-in
 * folders (factpipe's data folder's pipeline.d/, then the user's
 * ${XDG_CONFIG_HOME:-~/.config}/factpipe/pipeline.d/), read in sorted
 * order of their names; a user's file replaces the installed file of the
 * same name.  Their [plugin NAME] sections join the main file's: a plugin
 * package installs its section, with its priority and options, without
 * editing anyone's file.  A setting made by two files is an error naming
 * both.
 *
 * Limits of the syntax: lines hold at most 199 bytes (inih's line buffer);
 * "#" and ";" start a comment at the start of a line, and " ;" also after a
 * value; leading whitespace is ignored, so there are no continuation
 * lines.  Section names, keys and values are case-sensitive. */
#ifndef FP_PIPELINE_H
#define FP_PIPELINE_H

#include "../common/fp_error.h"

#include <factpipe/plugin.h>

/* A file the pipeline was read from: the main file, or a drop-in. */
typedef struct fp_pipeline_file {
    char *path;  /* as given (the main file) or as found (a drop-in) */
    char *dir;   /* absolute folder of the file, for its relative paths */
    int drop_in;
} fp_pipeline_file;

/* Where a setting was made: file and line; file NULL when no file set it. */
typedef struct fp_pipeline_origin {
    const fp_pipeline_file *file;
    int line;
} fp_pipeline_origin;

typedef struct fp_pipeline_option {
    char *key;
    char *value;
    int line;
    const fp_pipeline_file *file; /* the file of that line */
} fp_pipeline_option;

typedef struct fp_pipeline_plugin {
    char *name;       /* plugin name, from [plugin NAME] */
    int priority;     /* higher wins overlaps; default 0 */
    int line;         /* line of the (first) section header */
    const fp_pipeline_file *file; /* the file of that line */
    fp_pipeline_origin priority_at; /* where priority was set, if it was */
    fp_pipeline_option *options;
    size_t n_options;
    /* The latest file with a section of this plugin, and its line: one
     * file gives each plugin one section. */
    fp_pipeline_origin latest_section;
} fp_pipeline_plugin;

typedef struct fp_pipeline {
    char *path;       /* the main file, as given */
    char *dir;        /* absolute folder of the main file */
    fp_pipeline_file **files; /* every file read: the main file first, then
                                 the drop-ins in the order read */
    size_t n_files;
    char **plugin_dirs; /* absolute, from plugin-dir = … lines */
    size_t n_plugin_dirs;
    int load_all;     /* plugins = all: also every other installed plugin */
    int default_priority; /* for plugins loaded by plugins = all */
    char *zones;      /* absolute path of the zoning rules file, or NULL */
    int drop_ins;     /* drop-ins = yes: the drop-in folders were read */
    /* Where the [pipeline] settings were made (file NULL: not set). */
    fp_pipeline_origin plugins_at, default_priority_at, zones_at, drop_ins_at;
    char *defaults_dir; /* factpipe's data folder: where relative paths not
                           found next to their file, and relative PATH
                           defaults of plugins, resolve; NULL: none */
    fp_pipeline_plugin *plugins; /* in file order */
    size_t n_plugins;
} fp_pipeline;

/* How to read a pipeline file beyond its own text. */
typedef struct fp_pipeline_load_options {
    /* factpipe's data folder (NULL: none): relative paths a file gives
     * that are not found next to it are looked up there. */
    const char *data_dir;
    /* The drop-in folders read when the file says "drop-ins = yes", in
     * order of precedence, lowest first: a file of a later folder
     * replaces the one of the same name in an earlier folder.  Folders
     * that do not exist are skipped. */
    const char *const *drop_in_dirs;
    size_t n_drop_in_dirs;
} fp_pipeline_load_options;

/* Parse a pipeline file, and its drop-ins when it asks for them and
 * options name their folders.  Returns a pipeline the caller frees with
 * fp_pipeline_free(), or NULL and fills err on failure.  options may be
 * NULL: no data folder, no drop-ins (fp_pipeline_load). */
fp_pipeline *fp_pipeline_load_with(const char *path, const fp_pipeline_load_options *options,
                                   fp_error *err);
fp_pipeline *fp_pipeline_load(const char *path, fp_error *err);
/* Accepts NULL. */
void fp_pipeline_free(fp_pipeline *p);

/* The [plugin NAME] section of p, or NULL when there is none (p may be
 * NULL).  The result points into p. */
const fp_pipeline_plugin *fp_pipeline_find_plugin(const fp_pipeline *p,
                                                  const char *name);

/* The keys a [pipeline] section takes, and the number of them: for
 * messages ("did you mean") and for the test that keeps the manual page
 * (docs/factpipe-pipeline.5) in step with the parser. */
extern const char *const fp_pipeline_keys[];
extern const size_t fp_pipeline_n_keys;
/* The key every [plugin NAME] section takes besides the plugin's
 * options. */
#define FP_PIPELINE_PRIORITY_KEY "priority"

/* Check a plugin section's options against the plugin's option table and
 * resolve them (defaults applied, integers and booleans parsed, paths made
 * absolute and checked readable).  pp may be NULL (all defaults: a plugin
 * loaded by "plugins = all"); p may be NULL too when there is no pipeline
 * file, and relative paths then resolve against the current folder.  pp,
 * when given, must be a section of p.
 *
 * A relative path set in a file is looked up next to that file, then in
 * the plugin's own data folders (plugin_data_dirs, in order), then in
 * factpipe's data folder (p->defaults_dir); a relative default of the
 * plugin's in its data folders, then in factpipe's data folder.  The
 * error for a path found nowhere lists every place tried.
 *
 * *values gets desc->n_options entries (NULL when there are none), each
 * .string a malloc'ed copy of the final value or NULL; free with
 * fp_option_values_free(values, desc->n_options).  Errors read
 * "FILE:LINE: plugin 'NAME' has no option 'X' (its options: a, b)" and
 * alike. */
int fp_pipeline_resolve_plugin_options(const fp_pipeline *p, const fp_pipeline_plugin *pp,
                                       const fp_plugin_desc *desc,
                                       const char *const *plugin_data_dirs,
                                       size_t n_plugin_data_dirs, fp_option_value **values,
                                       fp_error *err);
/* The same without plugin data folders. */
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
