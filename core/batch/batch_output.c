/* The batch's output: a stream (standard output), one combined file
 * committed whole at the end, or an output folder where every document's
 * file is committed before its journal line and the failure report is
 * written at the end.  What goes into the bytes is the output format's
 * business; where they go, and in which order they become durable, is
 * this file's. */
#include "batch_output.h"
#include "batch_files.h"
#include "batch_journal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef enum output_mode { OUT_STREAM, OUT_COMBINED, OUT_FOLDER } output_mode;

struct fp_batch_output {
    const fp_batch_options *o;
    const fp_output_format *format;
    output_mode mode;
    int several;
    fp_batch_stats *stats;
    FILE *out;                /* stream or combined file */
    fp_atomic_file combined;
    fp_journal *journal;      /* folder */
    char *head, *file_tail;   /* around each document of a folder */
    size_t head_len, file_tail_len;
    size_t written;           /* documents written in this run */
    FILE *report_fp;          /* failure rows (folder), memstream */
    char *report;
    size_t report_len;
    const fp_output_index *index; /* folder: the format's index, or NULL */
    void *index_state;
    fp_atomic_file index_file;    /* written as the run goes, committed at the end */
};

/* Called right after an output operation failed, errno still its own:
 * a full device gets its own exit status (the run can be resumed once
 * there is room).  Returns -1. */
static int output_failed(fp_batch_output *out)
{
    if (fp_errno_is_device_full(errno))
        out->stats->output_full = 1;
    return -1;
}

static const char *destination_name(const fp_batch_output *out)
{
    return out->mode == OUT_STREAM ? "standard output" : out->o->output;
}

/* Writes bytes to the stream or combined file. */
static int put(fp_batch_output *out, const char *bytes, size_t len, fp_error *err)
{
    if (fwrite(bytes, 1, len, out->out) == len)
        return 0;
    int why = errno;
    fp_error_set(err, "%s: cannot write: %s", destination_name(out), strerror(why));
    errno = why;
    return output_failed(out);
}

/* The bytes a format hook wrote into m (opened by the caller), or NULL
 * when it failed. */
static char *hook_bytes(fp_out_memory *m, int rc, size_t *len, fp_error *err)
{
    if (fp_out_memory_close(m, rc, err) != 0)
        return NULL;
    *len = m->len;
    return m->data;
}

/* <relative><extension>: a document's file in the folder, malloc'ed. */
static char *folder_file_name(const fp_batch_output *out, const fp_batch_doc *d)
{
    size_t n = strlen(d->relative) + strlen(out->format->extension) + 1;
    char *name = malloc(n);
    if (name)
        snprintf(name, n, "%s%s", d->relative, out->format->extension);
    return name;
}

/* DIR/<relative><extension>, malloc'ed. */
static char *folder_file_path(const fp_batch_output *out, const fp_batch_doc *d)
{
    char *name = folder_file_name(out, d);
    char *path = name ? fp_path_join(out->o->output, name) : NULL;
    free(name);
    return path;
}

static int is_folder_output(const char *output)
{
    struct stat st;
    size_t n = strlen(output);
    return (n > 0 && output[n - 1] == '/') || (stat(output, &st) == 0 && S_ISDIR(st.st_mode));
}

/* Writes what an index hook wrote into m (opened by the caller) to the
 * index file. */
static int put_index(fp_batch_output *out, fp_out_memory *m, int rc, fp_error *err)
{
    size_t len;
    char *bytes = hook_bytes(m, rc, &len, err);
    if (!bytes)
        return -1;
    int written = fwrite(bytes, 1, len, out->index_file.fp) == len;
    int why = errno;
    free(bytes);
    if (written)
        return 0;
    fp_error_set(err, "%s: cannot write: %s", out->index_file.final_path, strerror(why));
    errno = why;
    return output_failed(out);
}

/* The format's index of the folder, begun under a temporary name (after
 * the sweep of stale temporaries, which would take it). */
static int open_index(fp_batch_output *out, fp_error *err)
{
    char *path = fp_path_join(out->o->output, out->format->index->name);
    if (!path)
        return fp_error_set(err, "out of memory");
    int rc = fp_atomic_open(&out->index_file, path, err);
    free(path);
    if (rc != 0) {
        memset(&out->index_file, 0, sizeof out->index_file);
        return output_failed(out);
    }
    fp_out_memory m;
    if (fp_out_memory_open(&m, err) != 0)
        return -1;
    out->index_state = out->format->index->open(m.fp, err);
    out->index = out->format->index;
    return put_index(out, &m, out->index_state ? 0 : -1, err);
}

/* Lists a document in the folder's index, when the format keeps one. */
static int index_document(fp_batch_output *out, const fp_batch_doc *d, fp_doc_outcome outcome,
                          const char *reason, const char *tally, fp_error *err)
{
    if (!out->index)
        return 0;
    char *file = folder_file_name(out, d), *path = folder_file_path(out, d);
    int rc = -1;
    fp_out_memory m;
    if (!path || !file) {
        fp_error_set(err, "out of memory");
    } else if (fp_out_memory_open(&m, err) == 0) {
        fp_output_entry entry = {d->source, file, path, fp_doc_outcome_name(outcome),
                                 outcome == FP_DOC_OK ? NULL : reason, tally};
        rc = put_index(out, &m, out->index->add(out->index_state, m.fp, &entry, err), err);
    }
    free(file);
    free(path);
    return rc;
}

static int close_index(fp_batch_output *out, fp_error *err)
{
    fp_out_memory m;
    if (fp_out_memory_open(&m, err) != 0 ||
        put_index(out, &m, out->index->close(out->index_state, m.fp, err), err) != 0)
        return -1;
    int rc = fp_atomic_commit(&out->index_file, err);
    memset(&out->index_file, 0, sizeof out->index_file); /* closed and freed either way */
    return rc == 0 ? 0 : output_failed(out);
}

static int open_folder(fp_batch_output *out, const fp_engine *e, fp_error *err)
{
    fp_out_memory m;
    if (fp_out_memory_open(&m, err) != 0 ||
        !(out->head = hook_bytes(&m, out->format->head(m.fp, err), &out->head_len, err)))
        return -1;
    if (fp_out_memory_open(&m, err) != 0 ||
        !(out->file_tail = hook_bytes(&m, out->format->tail(m.fp, 1, err), &out->file_tail_len,
                                      err)))
        return -1;
    char *config = fp_engine_identity(e);
    if (!config)
        return fp_error_set(err, "out of memory");
    out->journal = fp_journal_open(out->o->output, out->o->resume, config, err);
    free(config);
    if (!out->journal)
        return -1;
    fp_sweep_temporaries(out->o->output);
    out->report_fp = open_memstream(&out->report, &out->report_len);
    if (!out->report_fp)
        return fp_error_set(err, "out of memory");
    return out->format->index ? open_index(out, err) : 0;
}

static int open_stream(fp_batch_output *out, fp_error *err)
{
    if (out->o->resume)
        return fp_error_set(err, "--resume needs an output folder (-o DIR/): a combined "
                            "output is rewritten whole by every run");
    if (out->mode == OUT_COMBINED) {
        fp_sweep_stale_siblings(out->o->output);
        if (fp_atomic_open(&out->combined, out->o->output, err) != 0)
            return output_failed(out);
        out->out = out->combined.fp;
    } else {
        out->out = stdout;
    }
    fp_out_memory m;
    size_t len;
    char *head = fp_out_memory_open(&m, err) == 0
                     ? hook_bytes(&m, out->format->head(m.fp, err), &len, err)
                     : NULL;
    if (!head)
        return -1;
    int rc = put(out, head, len, err);
    free(head);
    return rc;
}

fp_batch_output *fp_batch_output_open(const fp_batch_options *o, const fp_output_format *format,
                                      const fp_engine *e, int several, fp_batch_stats *stats,
                                      fp_error *err)
{
    fp_batch_output *out = calloc(1, sizeof *out);
    if (!out) {
        fp_error_set(err, "out of memory");
        return NULL;
    }
    out->o = o;
    out->format = format;
    out->several = several;
    out->stats = stats;
    out->mode = !o->output ? OUT_STREAM : is_folder_output(o->output) ? OUT_FOLDER : OUT_COMBINED;
    int rc = out->mode == OUT_FOLDER ? open_folder(out, e, err) : open_stream(out, err);
    if (rc != 0) {
        if (out->mode == OUT_COMBINED && out->combined.fp)
            fp_atomic_abandon(&out->combined);
        fp_batch_output_free(out);
        return NULL;
    }
    return out;
}

int fp_batch_output_done_before(fp_batch_output *out, const fp_batch_doc *d,
                                fp_doc_outcome *outcome, char **reason, fp_error *err)
{
    const char *recorded = NULL;
    *reason = NULL;
    if (!out->journal ||
        !fp_journal_find(out->journal, d->source, d->identity, outcome, &recorded))
        return 0;
    /* The journal is trusted only while the file is there. */
    char *path = folder_file_path(out, d);
    if (!path)
        return fp_error_set(err, "out of memory");
    int there = access(path, F_OK) == 0;
    free(path);
    if (there && recorded && !(*reason = strdup(recorded)))
        return fp_error_set(err, "out of memory");
    return there;
}

/* Writes the n pieces as the new file at path (taken over), whole or not
 * at all. */
static int write_file(fp_batch_output *out, char *path, const char *const *piece,
                      const size_t *len, size_t n, fp_error *err)
{
    if (!path)
        return fp_error_set(err, "out of memory");
    fp_atomic_file f;
    int rc = fp_atomic_open(&f, path, err);
    free(path);
    if (rc != 0)
        return output_failed(out);
    for (size_t i = 0; i < n; i++) {
        if (fwrite(piece[i], 1, len[i], f.fp) != len[i]) {
            int why = errno;
            fp_error_set(err, "%s: cannot write: %s", f.final_path, strerror(why));
            fp_atomic_abandon(&f);
            errno = why;
            return output_failed(out);
        }
    }
    return fp_atomic_commit(&f, err) == 0 ? 0 : output_failed(out);
}

static int write_folder_file(fp_batch_output *out, const fp_batch_doc *d, fp_doc_outcome outcome,
                             const char *reason, const char *bytes, size_t len, fp_error *err)
{
    const char *piece[] = {out->head, bytes, out->file_tail};
    size_t piece_len[] = {out->head_len, len, out->file_tail_len};
    char *path = folder_file_path(out, d);
    if (path && out->index_file.final_path && strcmp(path, out->index_file.final_path) == 0) {
        fp_error_set(err, "%s: the file of %s would replace the folder's index; rename that "
                     "input or write to another folder", path, d->source);
        free(path);
        return -1;
    }
    if (write_file(out, path, piece, piece_len, 3, err) != 0)
        return -1;
    if (fp_journal_append(out->journal, d->source, d->identity, outcome, reason, err) != 0)
        return output_failed(out);
    return 0;
}

int fp_batch_output_document(fp_batch_output *out, const fp_batch_doc *d,
                             fp_doc_outcome outcome, const char *reason, const char *tally,
                             const char *bytes, size_t len, fp_error *err)
{
    if (out->mode == OUT_FOLDER)
        return write_folder_file(out, d, outcome, reason, bytes, len, err) == 0
                   ? index_document(out, d, outcome, reason, tally ? tally : "", err)
                   : -1;
    if (out->format->between) {
        fp_output_position at = {out->written, d->source, out->several};
        fp_out_memory m;
        size_t n;
        char *between = fp_out_memory_open(&m, err) == 0
                            ? hook_bytes(&m, out->format->between(m.fp, &at, err), &n, err)
                            : NULL;
        int rc = between ? put(out, between, n, err) : -1;
        free(between);
        if (rc != 0)
            return -1;
    }
    if (put(out, bytes, len, err) != 0)
        return -1;
    out->written++;
    return 0;
}

int fp_batch_output_done_earlier(fp_batch_output *out, const fp_batch_doc *d,
                                 fp_doc_outcome outcome, const char *reason, fp_error *err)
{
    return index_document(out, d, outcome, reason, NULL, err);
}

void fp_batch_output_report(fp_batch_output *out, const fp_batch_doc *d,
                            fp_doc_outcome outcome, const char *reason)
{
    if (!out->report_fp)
        return;
    fputs(d->source, out->report_fp);
    fprintf(out->report_fp, "\t%s\t", fp_doc_outcome_name(outcome));
    for (const char *c = reason ? reason : ""; *c; c++)
        fputc(*c == '\t' || *c == '\n' ? ' ' : *c, out->report_fp);
    fputc('\n', out->report_fp);
}

static int write_report(fp_batch_output *out, fp_error *err)
{
    static const char header[] = "source\tstatus\treason\n";
    if (fflush(out->report_fp) != 0)
        return fp_error_set(err, "out of memory");
    const char *piece[] = {header, out->report};
    size_t piece_len[] = {sizeof header - 1, out->report_len};
    return write_file(out, fp_path_join(out->o->output, FP_BATCH_REPORT_NAME), piece, piece_len,
                      2, err);
}

static int write_tail(fp_batch_output *out, fp_error *err)
{
    fp_out_memory m;
    size_t len;
    char *tail = fp_out_memory_open(&m, err) == 0
                     ? hook_bytes(&m, out->format->tail(m.fp, out->written, err), &len, err)
                     : NULL;
    if (!tail)
        return -1;
    int rc = put(out, tail, len, err);
    free(tail);
    if (rc == 0 && (fflush(out->out) != 0 || ferror(out->out))) {
        int why = errno;
        fp_error_set(err, "%s: cannot write: %s", destination_name(out), strerror(why));
        errno = why;
        rc = output_failed(out);
    }
    return rc;
}

int fp_batch_output_close(fp_batch_output *out, int ok, fp_error *err)
{
    if (out->mode == OUT_FOLDER) {
        if (!ok || write_report(out, err) != 0)
            return -1;
        return out->index ? close_index(out, err) : 0;
    }
    if (ok && write_tail(out, err) != 0)
        ok = 0;
    if (out->mode == OUT_COMBINED) {
        if (!ok) {
            fp_atomic_abandon(&out->combined);
            return -1;
        }
        return fp_atomic_commit(&out->combined, err) == 0 ? 0 : output_failed(out);
    }
    return ok ? 0 : -1;
}

void fp_batch_output_free(fp_batch_output *out)
{
    if (!out)
        return;
    if (out->index_file.fp)
        fp_atomic_abandon(&out->index_file); /* not committed: the run failed */
    if (out->index && out->index_state)
        out->index->free(out->index_state);
    fp_journal_close(out->journal);
    if (out->report_fp)
        fclose(out->report_fp);
    free(out->report);
    free(out->head);
    free(out->file_tail);
    free(out);
}
