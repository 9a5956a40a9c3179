/* Building an engine from a pipeline file: plugins found along the plugin
 * path, checked, configured and created; zoning rules loaded. */
#include "engine_impl.h"

#include "../input/fp_input.h"
#include "../html/fp_html.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void engine_debug(fp_engine *e, const char *what, const char *detail)
{
    if (!e->log)
        return;
    char line[768];
    snprintf(line, sizeof line, "%s %s", what, detail);
    e->log(e->log_user, FP_LOG_DEBUG, line);
}

/* Search order: the pipeline's plugin-dir lines, --plugin-dir,
 * FACTPIPE_PLUGIN_PATH, then factpipe's own plugin folder (the first found
 * of fp_default_plugin_places). */
static int build_plugin_path(fp_engine *e, const fp_engine_config *cfg, fp_error *err)
{
    for (size_t i = 0; i < e->pipeline->n_plugin_dirs; i++)
        if (fp_plugin_path_add(&e->path, e->pipeline->plugin_dirs[i], "pipeline plugin-dir",
                               err) != 0)
            return -1;
    for (size_t i = 0; i < cfg->n_plugin_dirs; i++)
        if (fp_plugin_path_add(&e->path, cfg->plugin_dirs[i], "--plugin-dir", err) != 0)
            return -1;
    return fp_plugin_path_add_defaults(&e->path, err);
}

/* Load, check and create one plugin; section is NULL for plugins that
 * "plugins = all" brought in. */
static int add_plugin(fp_engine *e, const char *name, const fp_pipeline_plugin *section,
                      fp_error *err)
{
    for (size_t i = 0; i < e->n_plugins; i++)
        if (strcmp(e->plugins[i].handle.desc->name, name) == 0)
            return fp_error_set(err, "plugin '%s' is loaded twice (%s); a pipeline runs each "
                                "plugin once: remove the duplicate",
                                name, e->plugins[i].handle.path);

    char *file = fp_plugin_path_find(&e->path, name, err);
    if (!file) {
        if (section)
            fp_error_prefix(err, "%s:%d: ", section->file->path, section->line);
        return -1;
    }
    fp_engine_plugin_slot *grown = realloc(e->plugins, (e->n_plugins + 1) * sizeof *grown);
    if (!grown) {
        free(file);
        return fp_error_set(err, "out of memory");
    }
    e->plugins = grown;
    fp_engine_plugin_slot *slot = &e->plugins[e->n_plugins];
    memset(slot, 0, sizeof *slot);
    int rc = fp_plugin_open(file, &slot->handle, err);
    free(file);
    if (rc != 0)
        return -1;
    e->n_plugins++; /* from here on fp_engine_free cleans the slot up */

    const fp_plugin_desc *d = slot->handle.desc;
    char data_dirs[FP_PLUGIN_DATA_DIRS][4096];
    size_t n_data_dirs = fp_plugin_data_dirs(slot->handle.path, d->name, data_dirs);
    const char *dirs[FP_PLUGIN_DATA_DIRS];
    for (size_t i = 0; i < n_data_dirs; i++)
        dirs[i] = data_dirs[i];
    if (fp_pipeline_resolve_plugin_options(e->pipeline, section, d, dirs, n_data_dirs,
                                           &slot->values, err) != 0)
        return -1;
    slot->section = section;
    slot->priority = section ? section->priority : e->pipeline->default_priority;

    engine_debug(e, "loaded plugin", slot->handle.path);
    return 0;
}

int fp_engine_start(fp_engine *e, void (*starting)(void *user, size_t plugin), void *user,
                    fp_error *err)
{
    for (size_t i = 0; i < e->n_plugins; i++) {
        fp_engine_plugin_slot *slot = &e->plugins[i];
        if (slot->state)
            continue;
        const fp_plugin_desc *d = slot->handle.desc;
        fp_config config = {sizeof config, slot->values, d->n_options, d->name};
        fp_host_call call;
        fp_host_call_init(&call, d->name, d->kind, e->log, e->log_user);
        if (starting)
            starting(user, i);
        if (d->create(&config, &call.host, &slot->state) != FP_OK) {
            slot->state = NULL;
            return fp_error_set(err, "plugin '%s' (%s) failed to start: %s", d->name,
                                slot->handle.path,
                                call.error[0] ? call.error : "no reason given");
        }
        slot->started = 1;
    }
    e->started = 1;
    return 0;
}

static int load_plugins(fp_engine *e, fp_error *err)
{
    const fp_pipeline *p = e->pipeline;
    for (size_t i = 0; i < p->n_plugins; i++)
        if (add_plugin(e, p->plugins[i].name, &p->plugins[i], err) != 0)
            return -1;
    if (!p->load_all)
        return 0;
    char **names = NULL;
    size_t n = 0;
    if (fp_plugin_path_list(&e->path, &names, &n, err) != 0)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        if (rc == 0 && !fp_pipeline_find_plugin(p, names[i]))
            rc = add_plugin(e, names[i], NULL, err);
        free(names[i]);
    }
    free(names);
    return rc;
}

/* A pipeline that runs no plugin finds nothing: legal (an empty pipeline
 * to look at the text alone), but almost always a mistake, so it is said. */
static void warn_if_no_plugin(const fp_engine *e)
{
    if (e->n_plugins || !e->log)
        return;
    const fp_pipeline *p = e->pipeline;
    char message[1024];
    if (p->load_all)
        snprintf(message, sizeof message, "%s: this pipeline runs no plugin, so no fact will "
                 "be found: plugins = all found none in the plugin folders "
                 "(factpipe --list-plugins shows them)", p->path);
    else
        snprintf(message, sizeof message, "%s: this pipeline runs no plugin, so no fact will "
                 "be found: it has no [plugin NAME] section%s; add one, or set plugins = all "
                 "in [pipeline]", p->path, p->plugins_at.file ? " and says plugins = listed"
                                                              : "");
    e->log(e->log_user, FP_LOG_WARNING, message);
}

static int load_zone_rules(fp_engine *e, fp_error *err)
{
    char fallback[4096];
    const char *path = e->pipeline->zones;
    if (!path) {
        snprintf(fallback, sizeof fallback, "%s/zones.conf", fp_default_config_dir());
        path = fallback;
    }
    e->zones = fp_zone_rules_load(path, err);
    return e->zones ? 0 : -1;
}

fp_engine *fp_engine_new(const fp_engine_config *cfg, fp_error *err)
{
    fp_engine *e = calloc(1, sizeof *e);
    if (!e) {
        fp_error_set(err, "out of memory");
        return NULL;
    }
    e->max_input_bytes = cfg->max_input_bytes ? cfg->max_input_bytes
                                              : FP_DEFAULT_MAX_INPUT_BYTES;
    e->max_ratio = cfg->max_ratio > 0 ? cfg->max_ratio : FP_DEFAULT_MAX_RATIO;
    e->keep_chrome = cfg->keep_chrome;
    e->include_text = cfg->include_text;
    e->log = cfg->log;
    e->log_user = cfg->log_user;
    fp_html_init();
    fp_html_set_max_depth(cfg->max_nesting);

    char default_path[4096];
    const char *pipeline_path = cfg->pipeline_path;
    if (!pipeline_path) {
        snprintf(default_path, sizeof default_path, "%s/default.pipeline",
                 fp_default_config_dir());
        pipeline_path = default_path;
    }
    e->pipeline = fp_pipeline_load_installed(pipeline_path, err);
    if (!e->pipeline || build_plugin_path(e, cfg, err) != 0 || load_plugins(e, err) != 0 ||
        load_zone_rules(e, err) != 0) {
        fp_engine_free(e);
        return NULL;
    }
    warn_if_no_plugin(e);
    e->n_stages = FP_STAGE_PLUGIN + e->n_plugins;
    if (!(e->stage_ns = calloc(e->n_stages, sizeof *e->stage_ns))) {
        fp_error_set(err, "out of memory");
        fp_engine_free(e);
        return NULL;
    }
    return e;
}

void fp_engine_free(fp_engine *e)
{
    if (!e)
        return;
    for (size_t i = e->n_plugins; i-- > 0;) {
        fp_engine_plugin_slot *slot = &e->plugins[i];
        if (slot->started)
            slot->handle.desc->destroy(slot->state);
        fp_option_values_free(slot->values, slot->handle.desc->n_options);
        fp_plugin_close(&slot->handle);
    }
    free(e->plugins);
    free(e->stage_ns);
    fp_plugin_path_free(&e->path);
    fp_zone_rules_free(e->zones);
    fp_pipeline_free(e->pipeline);
    free(e);
}

uint64_t fp_stage_clock(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

size_t fp_engine_stage_count(const fp_engine *e)
{
    return e->n_stages;
}

const char *fp_engine_stage_name(const fp_engine *e, size_t stage)
{
    static const char *const names[FP_STAGE_PLUGIN] = {"read",     "decode", "html/text",
                                                       "zone",     "analysis", "merge",
                                                       "write"};
    if (stage < FP_STAGE_PLUGIN)
        return names[stage];
    const fp_plugin_handle *h = fp_engine_plugin(e, stage - FP_STAGE_PLUGIN);
    return h ? h->desc->name : "?";
}

const uint64_t *fp_engine_stage_ns(const fp_engine *e)
{
    return e->stage_ns;
}

const fp_plugin_path *fp_engine_plugin_path(const fp_engine *e)
{
    return &e->path;
}

const char *fp_engine_pipeline_path(const fp_engine *e)
{
    return e->pipeline->path;
}

size_t fp_engine_plugin_count(const fp_engine *e)
{
    return e->n_plugins;
}

const fp_plugin_handle *fp_engine_plugin(const fp_engine *e, size_t i)
{
    return i < e->n_plugins ? &e->plugins[i].handle : NULL;
}

int fp_engine_plugin_priority(const fp_engine *e, size_t i)
{
    return i < e->n_plugins ? e->plugins[i].priority : 0;
}

char *fp_engine_identity(const fp_engine *e)
{
    /* Every file the pipeline was read from, drop-ins too, with its name:
     * adding, removing or editing a drop-in changes the output. */
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < e->pipeline->n_files; i++) {
        const fp_pipeline_file *file = e->pipeline->files[i];
        for (const char *c = i ? file->path : ""; *c; c++)
            h = (h ^ (unsigned char)*c) * 1099511628211ULL;
        FILE *f = fopen(file->path, "rb");
        int c;
        while (f && (c = fgetc(f)) != EOF)
            h = (h ^ (unsigned char)c) * 1099511628211ULL;
        if (f)
            fclose(f);
    }
    char *out = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&out, &len);
    if (!mem)
        return NULL;
    fprintf(mem, "pipeline=%016llx;", (unsigned long long)h);
    for (size_t i = 0; i < fp_engine_plugin_count(e); i++) {
        const fp_plugin_desc *d = fp_engine_plugin(e, i)->desc;
        fprintf(mem, "%s@%s/%d,", d->name, d->version, fp_engine_plugin_priority(e, i));
    }
    fprintf(mem, ";chrome=%d;text=%d;max=%zu", e->keep_chrome, e->include_text,
            e->max_input_bytes);
    fclose(mem);
    return out;
}
