/*
 * factpipe — the embedding API of libfactpipe.
 *
 * A program that wants factpipe's facts without running the CLI links
 * libfactpipe (pkg-config factpipe, or CMake factpipe::factpipe):
 *
 *     factpipe_config config = {.struct_size = sizeof config}; // defaults
 *     char why[512];
 *     factpipe *fp = factpipe_new(&config, why, sizeof why);
 *     if (!fp) { fprintf(stderr, "%s\n", why); return 2; }
 *     factpipe_write_begin(stdout);
 *     factpipe_process_file(fp, "page.html", NULL, stdout, why, sizeof why);
 *     factpipe_write_end(stdout);
 *     factpipe_free(fp);
 *
 * An engine holds a loaded pipeline: its plugins (created once), their
 * options and the zoning rules.  Each process call reads one document,
 * runs every stage and writes one <document> element (schema
 * factpipe.rng, namespace urn:factpipe:1) to the FILE it is given.
 *
 * Threads: one engine may be used by one thread at a time; create one
 * engine per thread to work in parallel.  Nothing here prints, exits or
 * keeps global error state: every failure is returned with a message in
 * the caller's buffer.
 */
#ifndef FACTPIPE_FACTPIPE_H
#define FACTPIPE_FACTPIPE_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define FACTPIPE_API __attribute__((visibility("default")))
#else
#define FACTPIPE_API
#endif

typedef struct factpipe factpipe; /* opaque */

/* Zero-initialise, set struct_size = sizeof(factpipe_config), then set
 * what differs from the defaults.  Fields may be appended in later
 * versions; struct_size tells the library which ones the caller knows. */
typedef struct factpipe_config {
    size_t struct_size;
    const char *pipeline_path;      /* NULL: the installed default pipeline */
    const char *const *plugin_dirs; /* searched for NAME.so before the
                                       installed plugin folder */
    size_t n_plugin_dirs;
    int keep_chrome;                /* keep facts found in page chrome,
                                       marked zone="chrome" */
    int include_text;               /* write each document's <text> */
    size_t max_input_bytes;         /* 0: 16 MiB */
} factpipe_config;

/* The library's version, "MAJOR.MINOR.PATCH". */
FACTPIPE_API const char *factpipe_version(void);

/* Loads the pipeline and creates its plugins.  Returns NULL on failure
 * with a message in why (naming the pipeline file and line, or the plugin
 * and what to do); why may be NULL.  Free with factpipe_free(). */
FACTPIPE_API factpipe *factpipe_new(const factpipe_config *config, char *why,
                                    size_t why_size);

/* Accepts NULL. */
FACTPIPE_API void factpipe_free(factpipe *fp);

/* Processes the file at path and writes its <document> to out.  source is
 * the document's name in the XML (NULL: path).  Returns 0 when the
 * document succeeded, 1 when it failed — the <document> written then
 * holds an <error>, and why says the same — and -1 when writing to out
 * failed (why says why). */
FACTPIPE_API int factpipe_process_file(factpipe *fp, const char *path,
                                       const char *source, FILE *out,
                                       char *why, size_t why_size);

/* The same for a document in memory: len bytes (copied; the caller keeps
 * them).  source names it in the XML; a name ending in .html/.htm/.txt
 * decides HTML or text, otherwise the bytes are sniffed. */
FACTPIPE_API int factpipe_process_bytes(factpipe *fp, const void *bytes,
                                        size_t len, const char *source,
                                        FILE *out, char *why,
                                        size_t why_size);

/* The XML declaration and the opening <factpipe> element, and its closing
 * tag: write them around the documents to get one complete, schema-valid
 * file.  Return 0, or -1 when writing failed. */
FACTPIPE_API int factpipe_write_begin(FILE *out);
FACTPIPE_API int factpipe_write_end(FILE *out);

#ifdef __cplusplus
}
#endif

#endif /* FACTPIPE_FACTPIPE_H */
