/* Output formats (--format NAME): how one processed document is written,
 * and what surrounds the documents of a run.  One table: xml (the
 * default), jsonl, html, text.  Adding a format is adding one entry (a
 * file of its own here in core/output/, and its line in
 * fp_output_format.c): the batch runner, the workers, the CLI and --help
 * take it from the table.
 *
 * Who calls what:
 *   - a worker renders each document it finished with render(), a
 *     processed one or one the engine failed (doc->error set);
 *   - the supervisor renders the error document of one no worker
 *     finished (crash, timeout, unreadable archive member) with
 *     fp_output_render_error(), and writes, around the workers' bytes:
 *       combined output (stdout or -o FILE):
 *           head, then for each document between(i) + its bytes, then
 *           tail(number of documents written);
 *       one file per document (-o DIR/): DIR/<relative><extension>
 *           holding head + the document's bytes + tail(1), and the
 *           format's index of the folder if it has one (below).
 * Every hook writes to a memory stream the caller owns (so no hook sees a
 * full disk) and returns 0, or -1 with err set: out of memory, or, for
 * render, a document the format cannot write (the document then fails:
 * the supervisor writes fp_output_render_error's document with the
 * reason).  The bytes of one document must not depend on any other
 * document: workers render in parallel and the supervisor writes in input
 * order.  The model (fp_out_doc.h) carries the article text and every
 * line's zone for formats that show the article. */
#ifndef FP_OUTPUT_FORMAT_H
#define FP_OUTPUT_FORMAT_H

#include "../common/fp_error.h"
#include "fp_out_doc.h"

#include <stdio.h>

/* Where a document stands in a combined output. */
typedef struct fp_output_position {
    size_t index;       /* 0 for the first document written */
    const char *source; /* its source name */
    int several;        /* the run has, or may have, more than one
                           document (several inputs, a folder of more than
                           one page, or an archive) */
} fp_output_position;

/* One document of an output folder, as the folder's index lists it. */
typedef struct fp_output_entry {
    const char *source;  /* its source name */
    const char *file;    /* its file, relative to the folder */
    const char *path;    /* the same file, as a path to open */
    const char *status;  /* "ok", "failed" or "quarantined" */
    const char *reason;  /* why it did not succeed, or NULL */
    const char *tally;   /* its facts per kind, "KIND COUNT\n" lines; NULL
                            when an earlier run wrote its file (--resume):
                            the format reads what it needs from there */
} fp_output_entry;

/* A summary file of an output folder (the HTML format's DIR/index.html),
 * listing every document the folder holds for the run's inputs, those an
 * earlier run finished (--resume) included, in input order.  The
 * supervisor of a per-document run writes it under a temporary name as
 * the run goes: open() once (the file's head; returns the index's state,
 * or NULL with err set), add() once per document, close() at the end (the
 * totals and the closing), then commits it (fsync, rename) only when the
 * run ended well; free() in any case.  Each call writes to a memory
 * stream, as the other hooks. */
typedef struct fp_output_index {
    const char *name; /* in the folder: "index.html" */
    void *(*open)(FILE *out, fp_error *err);
    int (*add)(void *state, FILE *out, const fp_output_entry *entry, fp_error *err);
    int (*close)(void *state, FILE *out, fp_error *err);
    void (*free)(void *state);
} fp_output_index;

typedef struct fp_output_format {
    const char *name;      /* as --format takes it: "xml" */
    const char *extension; /* of the per-document files: ".xml" */
    const char *summary;   /* one line for --help */
    const char *failures;  /* where a reader finds why documents failed,
                              after "see ": "their <error> elements" */
    int (*head)(FILE *out, fp_error *err);
    /* NULL: nothing between documents. */
    int (*between)(FILE *out, const fp_output_position *at, fp_error *err);
    int (*tail)(FILE *out, size_t n_documents, fp_error *err);
    /* One document; a failed one has doc->error set and only its source,
     * format and encoding besides. */
    int (*render)(FILE *out, const fp_out_doc *doc, fp_error *err);
    /* NULL: the format writes no index of an output folder. */
    const fp_output_index *index;
} fp_output_format;

/* The format named name, or NULL with a message listing the formats. */
const fp_output_format *fp_output_format_find(const char *name, fp_error *err);
/* The format used when none is asked for (XML). */
const fp_output_format *fp_output_format_default(void);
/* The i-th format of the table, or NULL past its end (for --help). */
const fp_output_format *fp_output_format_at(size_t i);

/* Renders doc into out with the format's render(). */
int fp_output_render(const fp_output_format *f, FILE *out, const fp_out_doc *doc,
                     fp_error *err);
/* Renders the document of source that failed for reason. */
int fp_output_render_error(const fp_output_format *f, FILE *out, const char *source,
                           const char *reason, fp_error *err);
/* Head and tail hooks for formats with nothing around their documents. */
int fp_output_no_head(FILE *out, fp_error *err);
int fp_output_no_tail(FILE *out, size_t n_documents, fp_error *err);
/* A memory stream for the hooks: open, let hooks write to m->fp, close
 * with what they returned.  Open: 0, or -1 with err set.  Close: when rc
 * is 0 and the stream holds all that was written, 0 with the bytes in
 * m->data (malloc'ed, NUL-terminated, the caller's to free) and m->len;
 * else -1 with nothing kept (err set by the hook, or here when memory ran
 * out). */
typedef struct fp_out_memory {
    FILE *fp;
    char *data;
    size_t len;
} fp_out_memory;

int fp_out_memory_open(fp_out_memory *m, fp_error *err);
int fp_out_memory_close(fp_out_memory *m, int rc, fp_error *err);

/* The formats' hooks, one file each (format_NAME.c). */
extern const fp_output_format fp_output_format_xml;
extern const fp_output_format fp_output_format_text;
extern const fp_output_format fp_output_format_jsonl;
extern const fp_output_format fp_output_format_html;

#endif
