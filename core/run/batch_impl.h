/* The batch runner's insides: the feed of documents (files, folders,
 * archives), the worker pool, the journal, atomic output files and the
 * progress line.  batch.c ties them together. */
#ifndef FP_BATCH_IMPL_H
#define FP_BATCH_IMPL_H

#include "fp_batch.h"

#include <stdint.h>
#include <stdio.h>

/* One document on its way to a worker. */
typedef struct fp_batch_doc {
    size_t seq;           /* position in input order */
    char *source;         /* written in source="" */
    char *relative;       /* output name under -o DIR, without ".xml" */
    char *path;           /* file the worker reads; NULL when bytes is set */
    unsigned char *bytes; /* archive member, NUL-terminated; or NULL */
    size_t len;
    char *name_hint;      /* tells HTML from text by its extension */
    char *url;            /* WARC target URI, or NULL */
    char *record_date;    /* WARC date, or NULL */
    char *identity;       /* what the input was: size, mtime, member */
    char *error;          /* failed before reaching a worker (archive) */
    uint64_t input_bytes; /* for MB/s */
} fp_batch_doc;

void fp_batch_doc_free(fp_batch_doc *d);

/* ---- inputs (batch_inputs.c) ------------------------------------------ */

typedef struct fp_batch_feed fp_batch_feed;

/* Expands files, folders and --files-from into the list of files and
 * archives to read; archives are opened one at a time as the feed reaches
 * them.  NULL with a message when a folder cannot be listed. */
fp_batch_feed *fp_batch_feed_new(const fp_batch_options *o, const char *const *inputs,
                                 size_t n_inputs, fp_error *err);
/* The next document of this shard: 1 (d filled), 0 none left, -1 error. */
int fp_batch_feed_next(fp_batch_feed *f, fp_batch_doc *d, fp_error *err);
/* Documents known in advance (plain files), and whether archives add an
 * unknown number to them. */
size_t fp_batch_feed_known_total(const fp_batch_feed *f, int *more_unknown);
void fp_batch_feed_free(fp_batch_feed *f);

/* Whether name is picked up by --include/--exclude (or, without
 * --include, by the page and archive name rules).  rel: path relative to
 * the input root. */
int fp_batch_name_wanted(const fp_batch_options *o, const char *rel, int is_folder);
int fp_batch_is_archive_name(const char *name);
int fp_batch_in_shard(const fp_batch_options *o, const char *source);

/* ---- archives (batch_archive.c, batch_warc.c) -------------------------- */

typedef struct fp_archive fp_archive;

/* Opens a tar/zip (any libarchive filter) or WARC[.gz] archive for
 * streaming.  On failure returns NULL with the reason in err. */
fp_archive *fp_archive_open(const char *path, const char *relative, const fp_batch_options *o,
                            fp_error *err);
/* The next member that is a page: 1 with d filled (its error set when the
 * archive broke there: truncated, over a cap), 0 at the end. */
int fp_archive_next(fp_archive *a, fp_batch_doc *d);
void fp_archive_close(fp_archive *a);

/* Parses a WARC record header block (up to the blank line).  Fills type,
 * uri and date (malloc'ed, NULL when absent) and content length.  0 ok,
 * -1 not a WARC header. */
int fp_warc_parse_header(const char *block, size_t len, char **type, char **uri, char **date,
                         uint64_t *content_length);
/* Moves the body of an HTTP response (status line, headers, body) to the
 * front of bytes, dechunking a chunked body, and updates *len; says
 * whether the content type is a page (HTML, XHTML, plain text or none)
 * and whether the body is gzip-encoded.  0 ok, -1 not an HTTP response. */
long fp_http_body(unsigned char *bytes, size_t *len, int *is_page, int *gzipped);

/* ---- the worker pool (batch_pool.c, batch_worker.c) -------------------- */

enum fp_pool_status {
    FP_POOL_OK = 0,
    FP_POOL_FAILED = 1,  /* the engine failed the document: XML has <error> */
    FP_POOL_CRASHED = 2, /* the worker died or ran over time: no XML */
};

typedef struct fp_pool_result {
    size_t seq;
    int status;
    char *reason; /* failure or crash reason, malloc'ed, or NULL */
    char *xml;    /* the <document> element as the writer indents it */
    size_t xml_len;
} fp_pool_result;

typedef struct fp_pool fp_pool;

fp_pool *fp_pool_new(fp_engine *e, unsigned jobs, double timeout_seconds, fp_error *err);
unsigned fp_pool_idle(const fp_pool *p);
unsigned fp_pool_busy(const fp_pool *p);
/* Hands d (kept by the caller until its result) to an idle worker. */
int fp_pool_submit(fp_pool *p, const fp_batch_doc *d, fp_error *err);
/* Waits up to timeout_ms for results; calls on_result for each (the
 * callback owns the result's strings).  Returns how many arrived, or -1
 * when a worker cannot be started (err says why). */
int fp_pool_wait(fp_pool *p, int timeout_ms,
                 void (*on_result)(void *user, fp_pool_result *r), void *user, fp_error *err);
size_t fp_pool_respawns(const fp_pool *p);
void fp_pool_free(fp_pool *p);

/* The worker side: reads tasks from task_fd, writes results to
 * result_fd, returns when the task pipe closes. */
void fp_worker_loop(fp_engine *e, int task_fd, int result_fd, double timeout_seconds);

/* Whole reads and writes on pipes (EINTR retried): 0 ok, -1 error or EOF. */
int fp_fd_write_all(int fd, const void *buf, size_t len);
int fp_fd_read_all(int fd, void *buf, size_t len);

/* ---- output files (batch_files.c) -------------------------------------- */

/* A file written under ".NAME.tmp.PID" next to its final name, synced,
 * renamed into place, and its folder synced (RELIABILITY R14). */
typedef struct fp_atomic_file {
    FILE *fp;
    char *final_path;
    char *tmp_path;
} fp_atomic_file;

/* On failure these leave the temporary removed and errno saying why, so
 * the caller can tell a full device (fp_errno_is_device_full) from others. */
int fp_atomic_open(fp_atomic_file *f, const char *path, fp_error *err);
int fp_atomic_commit(fp_atomic_file *f, fp_error *err);
/* Drops the temporary; keeps errno as the caller's failure left it. */
void fp_atomic_abandon(fp_atomic_file *f);
/* ENOSPC or EDQUOT: the batch stops and sets fp_batch_stats.output_full. */
int fp_errno_is_device_full(int e);
/* Removes ".*.tmp.*" files under dir (recursively) left by killed runs. */
size_t fp_sweep_temporaries(const char *dir);
/* Removes the temporaries of path left by processes no longer running. */
void fp_sweep_stale_siblings(const char *path);
char *fp_path_join(const char *a, const char *b);
/* mkdir -p: dir and every missing folder above it (others may be creating
 * the same ones at once: an array of runs into out/shard-K/). */
int fp_make_folder(const char *dir, fp_error *err);

/* ---- XML the supervisor writes (batch_xml.c) ---------------------------- */

/* Writes with a fresh writer into memory: the preamble, then doc (NULL:
 * none), then the closing when close is set.  Returns the bytes after the
 * preamble (malloc'ed; *len set), and the preamble itself in *preamble
 * when that is not NULL.  NULL when out of memory. */
char *fp_batch_writer_bytes(const fp_out_doc *doc, int close, char **preamble,
                            size_t *preamble_len, size_t *len);
/* <document source><error>reason</error></document>, malloc'ed. */
char *fp_batch_error_document(const char *source, const char *reason, size_t *len);

/* ---- the journal (batch_journal.c) -------------------------------------- */

typedef struct fp_journal fp_journal;

/* Opens DIR/factpipe-journal.tsv.  resume: read its entries (lines whose
 * CRC fails, such as a torn last line, are ignored and cut off); else
 * start it empty.  config: what identifies the pipeline and plugins. */
fp_journal *fp_journal_open(const char *dir, int resume, const char *config, fp_error *err);
/* The recorded status ("ok", "failed", "quarantined") and reason of a
 * finished document, or NULL. */
const char *fp_journal_find(const fp_journal *j, const char *source, const char *identity,
                            const char **reason);
size_t fp_journal_entries(const fp_journal *j);
/* Appends one line and fsyncs it; call after the output is in place.  On
 * failure the journal is cut back to its last whole line and errno says
 * why. */
int fp_journal_append(fp_journal *j, const char *source, const char *identity,
                      const char *status, const char *reason, fp_error *err);
void fp_journal_close(fp_journal *j);

/* ---- progress and summary (batch_progress.c) ---------------------------- */

typedef struct fp_progress fp_progress;

fp_progress *fp_progress_new(int show_progress, int show_summary, size_t known_total,
                             int more_unknown);
void fp_progress_document(fp_progress *p, uint64_t input_bytes, int failed, const char *xml,
                          size_t xml_len);
void fp_progress_skipped(fp_progress *p);
void fp_progress_tick(fp_progress *p);
void fp_progress_finish(fp_progress *p);
void fp_progress_free(fp_progress *p);

#endif
