/* libfactpipe's public API (include/factpipe/factpipe.h): a thin layer over
 * the engine (core/run/fp_engine.h).  Only the functions marked
 * FACTPIPE_API are exported from the shared library; everything of the
 * core stages it links stays hidden (see core/CMakeLists.txt). */
#include <factpipe/factpipe.h>

#include "../input/fp_input.h"
#include "../output/fp_xml.h"
#include "../run/fp_engine.h"

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
    if (!fp->engine) {
        say(why, why_size, err.message);
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

/* The writer only writes a <document> inside <factpipe>; so it writes into
 * memory, and the bytes after the root's start tag go to out. */
typedef struct document_buffer {
    char *data;
    size_t size;
    FILE *memory;
    fp_xml_out *writer;
    long document_start;
} document_buffer;

static int buffer_open(document_buffer *b, fp_error *err)
{
    memset(b, 0, sizeof *b);
    b->memory = open_memstream(&b->data, &b->size);
    if (!b->memory)
        return fp_error_set(err, "cannot buffer the XML: %s", strerror(errno));
    b->writer = fp_xml_out_new(b->memory, err);
    if (!b->writer || fp_xml_out_begin(b->writer, err) != 0)
        return -1;
    fflush(b->memory);
    b->document_start = ftell(b->memory);
    return 0;
}

static int buffer_copy_to(document_buffer *b, FILE *out, fp_error *err)
{
    if (fflush(b->memory) != 0)
        return fp_error_set(err, "cannot buffer the XML: %s", strerror(errno));
    size_t n = b->size - (size_t)b->document_start;
    if (fwrite(b->data + b->document_start, 1, n, out) != n || fflush(out) != 0)
        return fp_error_set(err, "cannot write the XML output: %s",
                            strerror(errno));
    return 0;
}

static void buffer_close(document_buffer *b)
{
    fp_xml_out_free(b->writer);
    if (b->memory)
        fclose(b->memory);
    free(b->data);
}

/* Runs one document (from path, or from bytes when path is NULL). */
static int process(factpipe *fp, const char *path, const unsigned char *bytes,
                   size_t len, const char *source, FILE *out, char *why,
                   size_t why_size)
{
    char reason[1024] = "";
    fp_error err = {{0}};
    document_buffer b;
    int rc = buffer_open(&b, &err);
    if (rc == 0 && path)
        rc = fp_engine_process_file(fp->engine, path, source, b.writer,
                                    reason, sizeof reason, &err);
    else if (rc == 0)
        rc = fp_engine_process_bytes(fp->engine, bytes, len, source, source,
                                     NULL, b.writer, reason, sizeof reason,
                                     &err);
    if (rc >= 0 && buffer_copy_to(&b, out, &err) != 0)
        rc = -1;
    buffer_close(&b);
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
    fp_xml_out *w = fp_xml_out_new(out, &err);
    int rc = w ? fp_xml_out_begin(w, &err) : -1;
    fp_xml_out_free(w);
    return rc;
}

FACTPIPE_API int factpipe_write_end(FILE *out)
{
    if (fputs("</factpipe>\n", out) == EOF || fflush(out) != 0)
        return -1;
    return 0;
}
