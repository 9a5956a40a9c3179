/* The engine: a loaded pipeline (plugins with their options and
 * priorities, zoning rules) that turns one input document into the model
 * an output format writes (core/output/fp_out_doc.h). */
#ifndef FP_ENGINE_H
#define FP_ENGINE_H

#include "../common/fp_error.h"
#include "../output/fp_out_doc.h"
#include "../plugin/fp_host_impl.h"
#include "../plugin/fp_loader.h"

#include <stddef.h>
#include <stdio.h>

typedef struct fp_engine_config {
    const char *pipeline_path;        /* NULL: the default pipeline */
    const char *const *plugin_dirs;   /* --plugin-dir, searched first after
                                         the pipeline's own plugin-dir */
    size_t n_plugin_dirs;
    size_t max_input_bytes;           /* 0: FP_DEFAULT_MAX_INPUT_BYTES */
    unsigned max_nesting;             /* 0: FP_HTML_DEFAULT_MAX_DEPTH */
    double max_ratio;                 /* a gzip page may inflate to this
                                         many times its size; 0:
                                         FP_DEFAULT_MAX_RATIO */
    int keep_chrome;                  /* keep chrome facts, zone="chrome" */
    int include_text;                 /* write the extracted text */
    fp_log_fn log;                    /* plugin and engine messages */
    void *log_user;
} fp_engine_config;

typedef struct fp_engine fp_engine;

/* Load the pipeline, its plugins (refusing incompatible ones), their
 * options and the zoning rules.  No plugin code but the descriptors has
 * run yet: what --list-plugins and the batch supervisor need.  On failure
 * returns NULL with a message that names the file and line or the plugin. */
fp_engine *fp_engine_new(const fp_engine_config *cfg, fp_error *err);
/* Create every plugin instance (plugin create()), in run order, calling
 * starting(user, i) before plugin i's.  Documents can be processed only
 * after it succeeded.  The batch runs it in each worker process, never in
 * the supervisor: a plugin that prints, exits or crashes while starting
 * takes only a worker down.  -1 with "plugin 'NAME' (PATH) failed to
 * start: REASON". */
int fp_engine_start(fp_engine *e, void (*starting)(void *user, size_t plugin), void *user,
                    fp_error *err);
void fp_engine_free(fp_engine *e);

/* The pipeline file in use (absolute) and the loaded plugins, for
 * --list-plugins and messages. */
const char *fp_engine_pipeline_path(const fp_engine *e);
size_t fp_engine_plugin_count(const fp_engine *e);
const fp_plugin_handle *fp_engine_plugin(const fp_engine *e, size_t i);
int fp_engine_plugin_priority(const fp_engine *e, size_t i);
/* For --list-plugins: the drop-in folders and files the pipeline was read
 * from; and, for plugin i, its priority and options with the file:line
 * that set each (or that it is the default) and the value in use. */
void fp_engine_describe_files(const fp_engine *e, FILE *out);
void fp_engine_describe_plugin(const fp_engine *e, size_t i, FILE *out);
/* The plugin folders searched, and every folder asked for (asked[]). */
const fp_plugin_path *fp_engine_plugin_path(const fp_engine *e);
/* What identifies the output this engine writes, for a journal line to
 * count as done: the pipeline file's bytes, the plugins with their
 * versions and priorities, and the engine options that change the
 * output.  malloc'ed; NULL when out of memory. */
char *fp_engine_identity(const fp_engine *e);

/* One document to process: a file to read, or bytes already in memory
 * (an archive member: len bytes followed by one readable NUL byte, which
 * stay the caller's). */
typedef struct fp_engine_input {
    const char *source;         /* its name in the output */
    const char *path;           /* the file to read, or NULL: */
    const unsigned char *bytes; /* the document's bytes */
    size_t len;
    const char *name_hint;      /* a file name whose extension tells HTML
                                   from text (NULL: path; no extension:
                                   the bytes are sniffed) */
    const char *url;            /* what an archive record says beyond the */
    const char *record_date;    /* bytes (a WARC record's target URI and
                                   ISO 8601 date), or NULL: go to meta */
} fp_engine_input;

/* Receives the model of each document the engine finished, processed or
 * failed (doc->error set), and writes it somewhere: 0, or -1 with err set
 * (stop the batch). */
typedef int (*fp_engine_sink)(void *user, const fp_out_doc *doc, fp_error *err);

/* Runs one document through every stage and hands its model to sink.
 * Returns 0 when the document succeeded, 1 when it failed — the model
 * then carries the error and *why says the reason — and -1 when the sink
 * failed.  Documents over the engine's max_input_bytes fail.  gzip data
 * (page.html.gz, or any input that starts like gzip) is read as the page
 * it compresses, capped by max_input_bytes and max_ratio; its format is
 * told by the name without ".gz". */
int fp_engine_process(fp_engine *e, const fp_engine_input *in, fp_engine_sink sink,
                      void *sink_user, char *why, size_t why_size, fp_error *err);

/* Where a document's time goes: the stages of fp_engine_process, then
 * one per plugin (FP_STAGE_PLUGIN + its index in run order).  READ is
 * reading the file (and inflating gzip), TEXT the HTML or text stage,
 * ANALYSIS the shared text analysis (made when a plugin first asks),
 * MERGE merging facts and building the output model, WRITE rendering it
 * in the output format (the sink). */
enum {
    FP_STAGE_READ,
    FP_STAGE_DECODE,
    FP_STAGE_TEXT,
    FP_STAGE_ZONE,
    FP_STAGE_ANALYSIS,
    FP_STAGE_MERGE,
    FP_STAGE_WRITE,
    FP_STAGE_PLUGIN
};
size_t fp_engine_stage_count(const fp_engine *e);
/* "read", "decode", "html/text", "zone", "analysis", "merge", "write",
 * then the plugins' names. */
const char *fp_engine_stage_name(const fp_engine *e, size_t stage);
/* Wall-clock nanoseconds per stage of the last fp_engine_process call
 * (fp_engine_stage_count entries). */
const uint64_t *fp_engine_stage_ns(const fp_engine *e);
/* The clock stage times are read from: CLOCK_MONOTONIC, nanoseconds. */
uint64_t fp_stage_clock(void);

/* A folder factpipe looks in for its own files when not told where. */
typedef struct fp_default_place {
    const char *path;   /* absolute */
    const char *origin; /* "build tree", "next to the program", ... */
    int found;          /* exists (a data folder: holds default.pipeline) */
} fp_default_place;

/* The candidates for the data folder (default pipeline, zoning rules,
 * lexicons, schema) and for the plugin folder, in search order: next to
 * the running program or libfactpipe (<bin>/../share/factpipe,
 * <bin>/../lib/factpipe/plugins, by the install's relative layout), the
 * build tree (only when this code runs from it), the configured install
 * folder.  The first found is used.  Static, computed once per process. */
const fp_default_place *fp_default_data_places(size_t *n);
const fp_default_place *fp_default_plugin_places(size_t *n);
/* The data folder in use: the first data place found, else the last one
 * tried.  A static string. */
const char *fp_default_config_dir(void);
/* The output schema: the source tree's schema/factpipe.rng from the build
 * tree, else schema/factpipe.rng in the data folder. */
const char *fp_default_schema_path(void);
/* The drop-in folders the default pipeline merges (pipeline.d/ in the data
 * folder, then ${XDG_CONFIG_HOME:-~/.config}/factpipe/pipeline.d/; an
 * XDG_CONFIG_HOME that is not absolute is ignored, as the XDG spec says),
 * lowest precedence first, into dirs; returns how many (the per-user one
 * is left out when neither variable gives a folder). */
enum { FP_DROP_IN_DIRS = 2 };
size_t fp_default_drop_in_dirs(char dirs[FP_DROP_IN_DIRS][4096]);
/* Loads the pipeline file at path as factpipe runs it: relative paths not
 * found next to it fall back to the data folder, and the default drop-in
 * folders are merged when it asks for them.  NULL with err set. */
struct fp_pipeline *fp_pipeline_load_installed(const char *path, fp_error *err);
/* The data folders of the plugin loaded from plugin_file, where its
 * relative PATH options are looked up first: NAME/ next to the file (a
 * build tree's <build>/plugins/NAME/, as factpipe_add_plugin copies the
 * plugin's DATA there), then <data folder>/plugins/NAME/ (where
 * factpipe_add_plugin installs it).  Returns how many were written. */
enum { FP_PLUGIN_DATA_DIRS = 2 };
size_t fp_plugin_data_dirs(const char *plugin_file, const char *name,
                           char dirs[FP_PLUGIN_DATA_DIRS][4096]);
/* Append what is searched for plugins after the folders a user names:
 * FACTPIPE_PLUGIN_PATH (':'-separated), then factpipe's own plugin folder
 * (the first of fp_default_plugin_places found).  -1 only when out of
 * memory. */
int fp_plugin_path_add_defaults(fp_plugin_path *pp, fp_error *err);

#endif
