/* The batch's output: a stream (standard output), one combined file
 * committed whole at the end (or written through, for a device or FIFO),
 * or an output folder whose files are made durable in groups before their
 * journal lines (batch_commit.c), with the failure report written at the
 * end.  What goes into the bytes is the output format's business; where
 * they go, under which name, and in which order they become durable, is
 * this file's. */
#include "batch_output.h"
#include "../common/fp_escape.h"
#include "../common/fp_hash.h"
#include "../common/fp_u64set.h"
#include "batch_commit.h"
#include "batch_files.h"
#include "batch_journal.h"
#include "batch_names.h"
#include "batch_outdir.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

typedef enum output_mode { OUT_STREAM, OUT_COMBINED, OUT_FOLDER } output_mode;

/* A file at the top of an output folder (the report, the format's index):
 * written under a temporary in the temporaries folder and committed
 * alone — fdatasync, rename, fsync of the folder. */
typedef struct top_file {
    int fd; /* -1: none open */
    char tmp[48];
} top_file;

struct fp_batch_output {
    const fp_batch_options *o;
    const fp_output_format *format;
    output_mode mode;
    int several;
    fp_batch_stats *stats;
    FILE *out;                /* stream or combined file */
    fp_atomic_file combined;
    fp_outdir *dir;           /* folder */
    fp_journal *journal;
    fp_committer *committer;
    fp_u64set claimed;         /* hashes of the output names given out: a
                                  second document with a name fails */
    char *head, *file_tail;   /* around each document of a folder */
    size_t head_len, file_tail_len;
    size_t written;           /* documents written in this run */
    FILE *report_fp;          /* failure rows (folder), memstream */
    char *report;
    size_t report_len;
    const fp_output_index *index; /* folder: the format's index, or NULL */
    void *index_state;
    top_file index_file;      /* written as the run goes, committed at the end */
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

/* ---- output names ------------------------------------------------------------ */

/* The format's index file at the top of the folder, or NULL: no document
 * takes its name. */
static const char *index_name(const fp_batch_output *out)
{
    return out->format->index ? out->format->index->name : NULL;
}

static uint64_t name_hash(const char *rel)
{
    return fp_hash128_of(rel, strlen(rel)).h1;
}

/* The document's file under the folder (batch_names.h), claimed for it.
 * malloc'ed; NULL with *failed set (1: this document cannot have a file,
 * -1: out of memory) and err set. */
static char *claim_output_name(fp_batch_output *out, const fp_batch_doc *d, int *failed,
                               fp_error *err)
{
    char *rel = fp_output_relative_path(d->relative, out->format->extension, index_name(out),
                                        err);
    if (!rel) {
        *failed = 1;
        return NULL;
    }
    int free_name = fp_u64set_add(&out->claimed, name_hash(rel));
    if (free_name == 1)
        return rel;
    if (free_name < 0) {
        *failed = -1;
        fp_error_set(err, "out of memory");
    } else {
        *failed = 1;
        fp_error_set(err, "%s/%s: an earlier document of this run has the same output file "
                     "(a duplicate name in an archive, or an input given twice); this one is "
                     "not written", fp_outdir_path(out->dir), rel);
    }
    free(rel);
    return NULL;
}

/* ---- files at the top of the folder ---------------------------------------------- */

static int top_open(fp_batch_output *out, top_file *f, fp_error *err)
{
    f->fd = fp_outdir_temporary(out->dir, f->tmp, err);
    return f->fd >= 0 ? 0 : output_failed(out);
}

static int top_write(fp_batch_output *out, top_file *f, const char *name, struct iovec *iov,
                     int n, fp_error *err)
{
    if (fp_fd_writev_all(f->fd, iov, n) == 0)
        return 0;
    int why = errno;
    fp_error_set(err, "%s/%s: cannot write: %s", fp_outdir_path(out->dir), name, strerror(why));
    errno = why;
    return output_failed(out);
}

static void top_abandon(fp_batch_output *out, top_file *f)
{
    if (f->fd < 0)
        return;
    int why = errno;
    close(f->fd);
    f->fd = -1;
    unlinkat(fp_outdir_tmp_fd(out->dir), f->tmp, 0);
    errno = why;
}

static int top_commit(fp_batch_output *out, top_file *f, const char *name, fp_error *err)
{
    int root = fp_outdir_root_fd(out->dir), why = 0;
    const char *what = "write";
    if (fdatasync(f->fd) != 0)
        why = errno;
    if (close(f->fd) != 0 && !why)
        why = errno;
    f->fd = -1;
    if (!why && renameat(fp_outdir_tmp_fd(out->dir), f->tmp, root, name) != 0)
        why = errno, what = "rename into place";
    if (!why && fsync(root) != 0)
        why = errno, what = "sync its folder";
    if (!why)
        return 0;
    unlinkat(fp_outdir_tmp_fd(out->dir), f->tmp, 0);
    fp_error_set(err, "%s/%s: cannot %s: %s", fp_outdir_path(out->dir), name, what,
                 strerror(why));
    errno = why;
    return output_failed(out);
}

/* ---- the format's index of the folder ---------------------------------------------- */

/* Writes what an index hook wrote into m (opened by the caller) to the
 * index file. */
static int put_index(fp_batch_output *out, fp_out_memory *m, int rc, fp_error *err)
{
    size_t len;
    char *bytes = hook_bytes(m, rc, &len, err);
    if (!bytes)
        return -1;
    struct iovec iov = {bytes, len};
    rc = top_write(out, &out->index_file, out->index->name, &iov, 1, err);
    free(bytes);
    return rc;
}

/* The format's index, begun under a temporary (after the sweep). */
static int open_index(fp_batch_output *out, fp_error *err)
{
    fp_out_memory m;
    if (top_open(out, &out->index_file, err) != 0 || fp_out_memory_open(&m, err) != 0)
        return -1;
    out->index = out->format->index;
    out->index_state = out->index->open(m.fp, err);
    return put_index(out, &m, out->index_state ? 0 : -1, err);
}

/* Lists the document whose file is rel in the index, when the format
 * keeps one.  tally NULL: an earlier run wrote the file, which the index
 * may read: it gets the file opened beneath the folder without following
 * links, as /proc/self/fd/N. */
static int index_document(fp_batch_output *out, const fp_batch_doc *d, const char *rel,
                          fp_doc_outcome outcome, const char *reason, const char *tally,
                          fp_error *err)
{
    if (!out->index)
        return 0;
    char path[64] = "";
    char *full = NULL;
    int fd = -1;
    if (!tally) {
        const char *slash = strrchr(rel, '/');
        fp_error ignored;
        int folder = fp_outdir_folder(out->dir, rel, slash ? (size_t)(slash - rel) : 0, 0,
                                      &ignored);
        fd = folder >= 0 ? openat(folder, slash ? slash + 1 : rel,
                                  O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
                         : -1;
        if (fd >= 0)
            snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    } else if (!(full = fp_path_join(fp_outdir_path(out->dir), rel))) {
        return fp_error_set(err, "out of memory");
    }
    fp_out_memory m;
    int rc = fp_out_memory_open(&m, err);
    if (rc == 0) {
        fp_output_entry entry = {d->source, rel, full ? full : path,
                                 fp_doc_outcome_name(outcome),
                                 outcome == FP_DOC_OK ? NULL : reason, tally};
        rc = put_index(out, &m, out->index->add(out->index_state, m.fp, &entry, err), err);
    }
    if (fd >= 0)
        close(fd);
    free(full);
    return rc;
}

static int close_index(fp_batch_output *out, fp_error *err)
{
    fp_out_memory m;
    if (fp_out_memory_open(&m, err) != 0 ||
        put_index(out, &m, out->index->close(out->index_state, m.fp, err), err) != 0)
        return -1;
    return top_commit(out, &out->index_file, out->index->name, err);
}

/* ---- opening ------------------------------------------------------------------- */

static int is_folder_output(const char *output)
{
    struct stat st;
    size_t n = strlen(output);
    return (n > 0 && output[n - 1] == '/') || (stat(output, &st) == 0 && S_ISDIR(st.st_mode));
}

/* The resume key: a digest of everything that changes a document's
 * output — the engine's identity (pipeline, plugins, their files and
 * options) and the output format. */
static char *resume_key(const fp_engine *e, const fp_output_format *format)
{
    char *identity = fp_engine_identity(e);
    if (!identity)
        return NULL;
    fp_hash128_state s;
    fp_hash128_init(&s, 0);
    fp_hash128_update(&s, identity, strlen(identity));
    fp_hash128_update(&s, ";format=", 8);
    fp_hash128_update(&s, format->name, strlen(format->name));
    free(identity);
    char hex[33], *key = malloc(40);
    fp_hash128_hex(fp_hash128_final(&s), hex);
    if (key)
        snprintf(key, 40, "key=%s", hex);
    return key;
}

static int wrote_here(void *user, const char *rel)
{
    return fp_journal_wrote_in(user, rel);
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
    if (!(out->dir = fp_outdir_open(out->o->output, err)))
        return -1;
    char *key = resume_key(e, out->format);
    if (!key)
        return fp_error_set(err, "out of memory");
    out->journal = fp_journal_open(out->dir, out->o->resume, key, err);
    free(key);
    if (!out->journal)
        return -1;
    /* the journal's lock is held: what is in the temporaries folder was
     * left by a run that is over */
    fp_outdir_sweep(out->dir);
    if (out->o->resume)
        fp_outdir_sweep_legacy(out->dir, out->format->extension, wrote_here, out->journal);
    if (!(out->committer = fp_committer_new(out->dir, out->journal, 0, err)))
        return -1;
    out->report_fp = open_memstream(&out->report, &out->report_len);
    if (!out->report_fp)
        return fp_error_set(err, "out of memory");
    return out->format->index ? open_index(out, err) : 0;
}

/* -o FILE that is one of the inputs (or the --files-from list): refused
 * before a byte is read or written. */
static int refuse_input_as_output(fp_batch_output *out, fp_batch_feed *feed,
                                  fp_error *err)
{
    char *target = fp_resolve_output_path(out->o->output, err);
    if (!target)
        return -1;
    struct stat st, list;
    char *input = NULL;
    int rc = 0;
    if (stat(target, &st) == 0) {
        rc = fp_batch_feed_find_file(feed, st.st_dev, st.st_ino, &input, err);
        if (rc == 0 && out->o->files_from && stat(out->o->files_from, &list) == 0 &&
            list.st_dev == st.st_dev && list.st_ino == st.st_ino &&
            !(input = strdup(out->o->files_from)))
            rc = fp_error_set(err, "out of memory");
    }
    if (input) {
        out->stats->refused = 1;
        rc = fp_error_set(err, "-o %s is also an input (%s): refusing to write over what is "
                          "being read; choose another output", out->o->output, input);
    }
    free(input);
    free(target);
    return rc < 0 ? -1 : 0;
}

static int open_stream(fp_batch_output *out, fp_batch_feed *feed, fp_error *err)
{
    if (out->o->resume)
        return fp_error_set(err, "--resume needs an output folder (-o DIR/): a combined "
                            "output is rewritten whole by every run");
    if (out->mode == OUT_COMBINED) {
        if (refuse_input_as_output(out, feed, err) != 0)
            return -1;
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
                                      const fp_engine *e, fp_batch_feed *feed,
                                      int several, fp_batch_stats *stats, fp_error *err)
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
    out->index_file.fd = -1;
    out->mode = !o->output ? OUT_STREAM : is_folder_output(o->output) ? OUT_FOLDER : OUT_COMBINED;
    int rc = out->mode == OUT_FOLDER ? open_folder(out, e, err) : open_stream(out, feed, err);
    if (rc != 0) {
        if (out->mode == OUT_COMBINED && out->combined.fp)
            fp_atomic_abandon(&out->combined);
        fp_batch_output_free(out);
        return NULL;
    }
    return out;
}

/* ---- documents ------------------------------------------------------------------ */

int fp_batch_output_done_before(fp_batch_output *out, const fp_batch_doc *d,
                                fp_doc_outcome *outcome, char **reason, fp_error *err)
{
    const char *recorded = NULL;
    *reason = NULL;
    if (!out->journal || !out->o->resume ||
        !fp_journal_find(out->journal, d->source, d->identity, outcome, &recorded) ||
        (out->o->retry_failed && *outcome != FP_DOC_OK))
        return 0;
    /* The journal is trusted only while the file is there. */
    fp_error ignored;
    char *rel = fp_output_relative_path(d->relative, out->format->extension, index_name(out),
                                        &ignored);
    int there = rel ? fp_outdir_has_file(out->dir, rel) : 0;
    free(rel);
    if (there < 0)
        return fp_error_set(err, "%s: out of file descriptors", fp_outdir_path(out->dir));
    if (there && recorded && !(*reason = strdup(recorded)))
        return fp_error_set(err, "out of memory");
    return there;
}

int fp_batch_output_skipped(fp_batch_output *out, const fp_batch_doc *d, fp_doc_outcome outcome,
                            const char *reason, fp_error *err)
{
    if (out->mode != OUT_FOLDER)
        return 0;
    int failed = 0;
    char *rel = claim_output_name(out, d, &failed, err);
    if (!rel)
        return failed;
    int rc = index_document(out, d, rel, outcome, reason, NULL, err);
    free(rel);
    return rc;
}

/* Errors that concern one document's name or place, not the output as a
 * whole: that document fails, the batch goes on. */
static int concerns_one_document(int e)
{
    return e == ELOOP || e == ENOTDIR || e == EISDIR || e == EEXIST || e == ENAMETOOLONG ||
           e == EACCES || e == EPERM || e == EINVAL || e == EXDEV;
}

static int write_folder_file(fp_batch_output *out, const fp_batch_doc *d, fp_doc_outcome outcome,
                             const char *reason, const char *tally, const char *bytes,
                             size_t len, fp_error *err)
{
    int failed = 0;
    char *rel = claim_output_name(out, d, &failed, err);
    if (!rel)
        return failed;
    const char *slash = strrchr(rel, '/');
    const char *name = slash ? slash + 1 : rel;
    int rc = 0;
    int folder = fp_outdir_folder(out->dir, rel, slash ? (size_t)(slash - rel) : 0, 1, err);
    struct stat st;
    if (folder < 0) {
        rc = concerns_one_document(errno) ? 1 : output_failed(out);
    } else if (fstatat(folder, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode)) {
        rc = 1;
        fp_error_set(err, "%s/%s: cannot write this file: a folder of that name is in the way",
                     fp_outdir_path(out->dir), rel);
    }
    /* its journal line first: a device too full for the line stops the
     * run before the file is written */
    size_t line_len = 0;
    char *line = rc == 0 ? fp_journal_line(out->journal, d->source, d->identity, outcome, reason,
                                           rel, &line_len)
                         : NULL;
    if (rc == 0 && !line) {
        errno = ENOMEM;
        rc = fp_error_set(err, "out of memory");
    }
    if (rc == 0 && fp_journal_reserve(out->journal, line_len, err) != 0)
        rc = output_failed(out);
    char tmp[48];
    int fd = rc == 0 ? fp_outdir_temporary(out->dir, tmp, err) : -1;
    if (rc == 0 && fd < 0)
        rc = output_failed(out);
    struct iovec iov[3] = {{out->head, out->head_len},
                           {(void *)bytes, len},
                           {out->file_tail, out->file_tail_len}};
    if (rc == 0 && fp_fd_writev_all(fd, iov, 3) != 0) {
        int why = errno;
        fp_error_set(err, "%s/%s: cannot write: %s", fp_outdir_path(out->dir), rel,
                     strerror(why));
        close(fd);
        unlinkat(fp_outdir_tmp_fd(out->dir), tmp, 0);
        errno = why;
        rc = output_failed(out);
    }
    if (rc == 0) {
        if (fp_committer_add(out->committer, fd, tmp, folder, name, rel, line, err) != 0)
            rc = output_failed(out);
        line = NULL; /* the committer's, or freed */
    }
    if (rc == 0)
        rc = index_document(out, d, rel, outcome, reason, tally ? tally : "", err);
    free(line);
    free(rel);
    return rc;
}

int fp_batch_output_document(fp_batch_output *out, const fp_batch_doc *d,
                             fp_doc_outcome outcome, const char *reason, const char *tally,
                             const char *bytes, size_t len, fp_error *err)
{
    if (out->mode == OUT_FOLDER)
        return write_folder_file(out, d, outcome, reason, tally, bytes, len, err);
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

int fp_batch_output_is_folder(const fp_batch_output *out)
{
    return out->mode == OUT_FOLDER;
}

void fp_batch_output_report(fp_batch_output *out, const fp_batch_doc *d,
                            fp_doc_outcome outcome, const char *reason)
{
    if (!out->report_fp)
        return;
    char *source = fp_escape_field(d->source), *why = fp_escape_field(reason);
    if (source && why)
        fprintf(out->report_fp, "%s\t%s\t%s\n", source, fp_doc_outcome_name(outcome), why);
    free(source);
    free(why);
}

/* ---- the end -------------------------------------------------------------------- */

static int write_report(fp_batch_output *out, fp_error *err)
{
    if (fflush(out->report_fp) != 0)
        return fp_error_set(err, "out of memory");
    static const char header[] = "source\tstatus\treason\n";
    struct iovec iov[2] = {{(void *)header, sizeof header - 1}, {out->report, out->report_len}};
    top_file f;
    if (top_open(out, &f, err) != 0)
        return -1;
    if (top_write(out, &f, FP_BATCH_REPORT_NAME, iov, 2, err) != 0) {
        top_abandon(out, &f);
        return -1;
    }
    return top_commit(out, &f, FP_BATCH_REPORT_NAME, err);
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
        /* what is written is committed even when the run stops early */
        fp_error flush_err = {{0}};
        if (fp_committer_flush(out->committer, &flush_err) != 0) {
            output_failed(out);
            if (ok)
                *err = flush_err;
            return -1;
        }
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
    if (out->dir)
        top_abandon(out, &out->index_file); /* not committed: the run failed */
    if (out->index && out->index_state)
        out->index->free(out->index_state);
    fp_committer_free(out->committer);
    fp_journal_close(out->journal);
    fp_outdir_close(out->dir);
    if (out->report_fp)
        fclose(out->report_fp);
    free(out->report);
    free(out->head);
    free(out->file_tail);
    fp_u64set_free(&out->claimed);
    free(out);
}
