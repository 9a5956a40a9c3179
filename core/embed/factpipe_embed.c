/* libfactpipe's public API (include/factpipe/factpipe.h): a thin layer over
 * the engine (core/engine/fp_engine.h).  Only the functions marked
 * FACTPIPE_API are exported from the shared library; everything of the
 * core stages it links stays hidden (see core/CMakeLists.txt). */
#include <factpipe/factpipe.h>

#include "../input/fp_input.h"
#include "../engine/fp_engine.h"
#include "../output/fp_output_format.h"
#include "fp_version.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct factpipe {
    fp_engine *engine;
};

static int say(char *why, size_t why_size, const char *message)
{
    if (why && why_size)
        snprintf(why, why_size, "%s", message);
    return -1;
}

FACTPIPE_API const char *factpipe_version(void)
{
    return FP_VERSION;
}

FACTPIPE_API factpipe *factpipe_new(const factpipe_config *config, char *why,
                                    size_t why_size)
{
    if (!config || config->struct_size < sizeof(factpipe_config)) {
        say(why, why_size, "factpipe_new: config.struct_size must be "
            "sizeof(factpipe_config); zero the struct and set it");
        return NULL;
    }
    fp_engine_config cfg = {0};
    cfg.pipeline_path = config->pipeline_path;
    cfg.plugin_dirs = config->plugin_dirs;
    cfg.n_plugin_dirs = config->n_plugin_dirs;
    cfg.max_input_bytes = config->max_input_bytes;
    cfg.keep_chrome = config->keep_chrome;
    cfg.include_text = config->include_text;

    factpipe *fp = calloc(1, sizeof *fp);
    if (!fp) {
        say(why, why_size, "out of memory");
        return NULL;
    }
    fp_error err = {{0}};
    fp->engine = fp_engine_new(&cfg, &err);
    if (!fp->engine || fp_engine_start(fp->engine, NULL, NULL, &err) != 0) {
        say(why, why_size, err.message);
        fp_engine_free(fp->engine);
        free(fp);
        return NULL;
    }
    return fp;
}

FACTPIPE_API void factpipe_free(factpipe *fp)
{
    if (!fp)
        return;
    fp_engine_free(fp->engine);
    free(fp);
}

/* The document goes to memory first, so out gets all of it or nothing. */
static int render_xml(void *user, const fp_out_doc *doc, fp_error *err)
{
    return fp_output_render(&fp_output_format_xml, user, doc, err);
}

/* Runs one document (from path, or from bytes when path is NULL). */
static int process(factpipe *fp, const char *path, const unsigned char *bytes,
                   size_t len, const char *source, FILE *out, char *why,
                   size_t why_size)
{
    char reason[1024] = "";
    fp_error err = {{0}};
    fp_engine_input in = {0};
    in.source = source;
    in.path = path;
    in.bytes = bytes;
    in.len = len;
    in.name_hint = path ? NULL : source;
    fp_out_memory document;
    int rc = fp_out_memory_open(&document, &err);
    if (rc == 0) {
        rc = fp_engine_process(fp->engine, &in, render_xml, document.fp, reason,
                               sizeof reason, &err);
        if (fp_out_memory_close(&document, rc < 0 ? -1 : 0, &err) != 0)
            rc = -1;
    }
    if (rc >= 0 && (fwrite(document.data, 1, document.len, out) != document.len ||
                    fflush(out) != 0))
        rc = fp_error_set(&err, "cannot write the XML output: %s", strerror(errno));
    free(document.data);
    if (rc < 0)
        return say(why, why_size, err.message);
    if (rc > 0)
        say(why, why_size, reason);
    return rc;
}

FACTPIPE_API int factpipe_process_file(factpipe *fp, const char *path,
                                       const char *source, FILE *out,
                                       char *why, size_t why_size)
{
    if (!fp || !path || !out)
        return say(why, why_size, "factpipe_process_file: engine, path and "
                   "output are required");
    return process(fp, path, NULL, 0, source ? source : path, out, why,
                   why_size);
}

FACTPIPE_API int factpipe_process_bytes(factpipe *fp, const void *bytes,
                                        size_t len, const char *source,
                                        FILE *out, char *why, size_t why_size)
{
    if (!fp || (!bytes && len) || !source || !out)
        return say(why, why_size, "factpipe_process_bytes: engine, bytes, "
                   "source name and output are required");
    /* The engine reads one NUL past the end. */
    unsigned char *copy = malloc(len + 1);
    if (!copy)
        return say(why, why_size, "out of memory");
    if (len)
        memcpy(copy, bytes, len);
    copy[len] = '\0';
    int rc = process(fp, NULL, copy, len, source, out, why, why_size);
    free(copy);
    return rc;
}

FACTPIPE_API int factpipe_write_begin(FILE *out)
{
    fp_error err = {{0}};
    return fp_output_format_xml.head(out, &err) == 0 && fflush(out) == 0 ? 0 : -1;
}

FACTPIPE_API int factpipe_write_end(FILE *out)
{
    fp_error err = {{0}};
    return fp_output_format_xml.tail(out, 1, &err) == 0 && fflush(out) == 0 ? 0 : -1;
}
