/* The batch supervisor: takes documents from the feed, hands them to the
 * worker pool, and writes the results in input order — whatever order the
 * workers finish in — so the output is the same for any number of workers.
 * A document whose worker crashes or runs over time is retried once alone
 * (no other document in flight), then quarantined.  With -o DIR every
 * document's file is committed before its journal line, and the failure
 * report is written at the end. */
#define _GNU_SOURCE /* sched_getaffinity: the cores this process may use */
#include "batch_impl.h"
#include "engine_impl.h"

#include <errno.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum slot_state { SLOT_EMPTY, SLOT_RUNNING, SLOT_RETRY, SLOT_DONE };
enum output_mode { OUT_STREAM, OUT_COMBINED, OUT_FOLDER };

typedef struct slot {
    fp_batch_doc doc;
    int state;
    int attempts;   /* crashes so far */
    int skipped;    /* done in an earlier run (--resume) */
    const char *status; /* "ok", "failed", "quarantined" */
    char *reason;
    char *xml;
    size_t xml_len;
} slot;

typedef struct batch {
    fp_engine *e;
    const fp_batch_options *o;
    fp_batch_feed *feed;
    fp_pool *pool;
    fp_journal *journal;
    fp_progress *progress;
    int mode;
    FILE *out; /* stream or combined file */
    fp_atomic_file combined;
    char *prefix, *suffix, *empty_suffix; /* the writer's own bytes */
    size_t prefix_len, suffix_len, empty_suffix_len;
    slot *ring;
    size_t window, fed, emitted;
    int feed_done;
    size_t retry_waiting; /* slots in SLOT_RETRY */
    int retry_running;
    char *report;   /* failure rows, memstream */
    size_t report_len;
    FILE *report_fp;
    fp_batch_stats *stats;
    fp_error *err;
    int fatal;
} batch;

/* What the writer puts before the first document and after the last,
 * so per-document files and the combined stream match a serial writer's. */
static int prepare_writer_bytes(batch *b)
{
    fp_out_doc dummy = {0};
    dummy.source = "x";
    dummy.error = "x";
    b->suffix = fp_batch_writer_bytes(&dummy, 1, &b->prefix, &b->prefix_len, &b->suffix_len);
    b->empty_suffix = fp_batch_writer_bytes(NULL, 1, NULL, NULL, &b->empty_suffix_len);
    if (!b->suffix || !b->empty_suffix)
        return fp_error_set(b->err, "cannot prepare the XML writer (out of memory?)");
    return 0;
}

/* ---- results ------------------------------------------------------------ */

static void slot_clear(slot *s)
{
    fp_batch_doc_free(&s->doc);
    free(s->reason);
    free(s->xml);
    memset(s, 0, sizeof *s);
}

static void finish_slot(slot *s, const char *status, char *reason, char *xml, size_t xml_len)
{
    s->state = SLOT_DONE;
    s->status = status;
    free(s->reason);
    s->reason = reason;
    s->xml = xml;
    s->xml_len = xml_len;
    if (!s->xml) /* the worker sent none, or this never reached one */
        s->xml = fp_batch_error_document(s->doc.source, reason ? reason : "failed", &s->xml_len);
}

static void on_result(void *user, fp_pool_result *r)
{
    batch *b = user;
    slot *s = &b->ring[r->seq % b->window];
    if (s->state != SLOT_RUNNING || s->doc.seq != r->seq) {
        free(r->reason);
        free(r->xml);
        return;
    }
    if (r->status != FP_POOL_CRASHED) {
        if (s->attempts)
            b->retry_running = 0;
        finish_slot(s, r->status == FP_POOL_OK ? "ok" : "failed", r->reason, r->xml,
                    r->xml_len);
        return;
    }
    b->stats->crashed++;
    if (s->attempts++ == 0) {
        fprintf(stderr, "factpipe: warning: %s: %s; retrying it alone\n", s->doc.source,
                r->reason ? r->reason : "worker lost");
        s->state = SLOT_RETRY;
        s->reason = r->reason;
        b->retry_waiting++;
        return;
    }
    b->retry_running = 0;
    char *why = malloc(1024);
    const char *first = s->reason ? s->reason : "worker lost";
    const char *second = r->reason ? r->reason : "worker lost";
    if (why && strcmp(first, second) == 0)
        snprintf(why, 1024, "quarantined: %s, also when retried alone", first);
    else if (why)
        snprintf(why, 1024, "quarantined: %s; when retried alone: %s", first, second);
    fprintf(stderr, "factpipe: warning: %s: %s\n", s->doc.source, why ? why : "quarantined");
    free(r->reason);
    finish_slot(s, "quarantined", why, NULL, 0);
}

/* ---- writing in input order --------------------------------------------- */

/* DIR/<relative>.xml, malloc'ed. */
static char *folder_file_path(const batch *b, const fp_batch_doc *d)
{
    size_t n = strlen(d->relative) + 5;
    char *name = malloc(n);
    char *path = name ? (snprintf(name, n, "%s.xml", d->relative), fp_path_join(b->o->output, name))
                      : NULL;
    free(name);
    return path;
}

/* Called right after an output operation failed, errno still its own:
 * a full device gets its own exit status (the run can be resumed once
 * there is room).  Returns -1. */
static int output_failed(batch *b)
{
    if (fp_errno_is_device_full(errno))
        b->stats->output_full = 1;
    return -1;
}

static int write_folder_file(batch *b, const slot *s)
{
    char *path = folder_file_path(b, &s->doc);
    if (!path)
        return fp_error_set(b->err, "out of memory");
    fp_atomic_file f;
    int rc = fp_atomic_open(&f, path, b->err);
    free(path);
    if (rc != 0)
        return output_failed(b);
    if (fwrite(b->prefix, 1, b->prefix_len, f.fp) != b->prefix_len ||
        fwrite(s->xml, 1, s->xml_len, f.fp) != s->xml_len ||
        fwrite(b->suffix, 1, b->suffix_len, f.fp) != b->suffix_len) {
        int why = errno;
        fp_error_set(b->err, "%s: cannot write: %s", f.final_path, strerror(why));
        fp_atomic_abandon(&f);
        errno = why;
        return output_failed(b);
    }
    if (fp_atomic_commit(&f, b->err) != 0 ||
        fp_journal_append(b->journal, s->doc.source, s->doc.identity, s->status, s->reason,
                          b->err) != 0)
        return output_failed(b);
    return 0;
}

static void report_row(batch *b, const slot *s)
{
    if (!b->report_fp)
        return;
    fputs(s->doc.source, b->report_fp);
    fprintf(b->report_fp, "\t%s\t", s->status);
    for (const char *c = s->reason ? s->reason : ""; *c; c++)
        fputc(*c == '\t' || *c == '\n' ? ' ' : *c, b->report_fp);
    fputc('\n', b->report_fp);
}

static int emit(batch *b, slot *s)
{
    int failed = strcmp(s->status, "ok") != 0;
    if (failed) {
        b->stats->failed++;
        report_row(b, s);
    }
    if (s->skipped) {
        b->stats->skipped++;
        fp_progress_skipped(b->progress);
        return 0;
    }
    b->stats->documents++;
    fp_progress_document(b->progress, s->doc.input_bytes, failed, s->xml, s->xml_len);
    if (b->mode == OUT_FOLDER)
        return write_folder_file(b, s);
    if (fwrite(s->xml, 1, s->xml_len, b->out) != s->xml_len) {
        int why = errno;
        fp_error_set(b->err, "cannot write the XML output: %s", strerror(why));
        errno = why;
        return output_failed(b);
    }
    return 0;
}

static int emit_ready(batch *b)
{
    while (b->emitted < b->fed) {
        slot *s = &b->ring[b->emitted % b->window];
        if (s->state != SLOT_DONE)
            break;
        int rc = emit(b, s);
        slot_clear(s);
        b->emitted++;
        if (rc != 0)
            return -1;
    }
    return 0;
}

/* ---- dispatching --------------------------------------------------------- */

static int dispatch_retry(batch *b)
{
    if (fp_pool_busy(b->pool) > 0)
        return 0; /* "alone": wait until nothing else runs */
    slot *s = NULL;
    for (size_t i = b->emitted; i < b->fed && !s; i++)
        if (b->ring[i % b->window].state == SLOT_RETRY)
            s = &b->ring[i % b->window];
    if (!s)
        return fp_error_set(b->err, "internal error: a retry was announced but none waits");
    b->retry_waiting--;
    b->retry_running = 1;
    s->state = SLOT_RUNNING;
    return fp_pool_submit(b->pool, &s->doc, b->err);
}

static int feed_one(batch *b)
{
    slot *s = &b->ring[b->fed % b->window];
    int got = fp_batch_feed_next(b->feed, &s->doc, b->err);
    if (got <= 0) {
        b->feed_done = 1;
        return got;
    }
    b->fed++;
    const char *reason = NULL;
    const char *done = b->journal
                           ? fp_journal_find(b->journal, s->doc.source, s->doc.identity, &reason)
                           : NULL;
    if (done) { /* the journal is trusted only while the file is there */
        char *path = folder_file_path(b, &s->doc);
        if (!path)
            return fp_error_set(b->err, "out of memory");
        if (access(path, F_OK) != 0)
            done = NULL;
        free(path);
    }
    if (done) {
        s->state = SLOT_DONE;
        s->skipped = 1;
        s->status = strcmp(done, "ok") == 0 ? "ok"
                    : strcmp(done, "quarantined") == 0 ? "quarantined" : "failed";
        s->reason = reason ? strdup(reason) : NULL;
        return 1;
    }
    if (s->doc.error) {
        fprintf(stderr, "factpipe: warning: %s\n", s->doc.error);
        finish_slot(s, "failed", strdup(s->doc.error), NULL, 0);
        return 1;
    }
    s->state = SLOT_RUNNING;
    return fp_pool_submit(b->pool, &s->doc, b->err) == 0 ? 1 : -1;
}

static int dispatch(batch *b)
{
    for (;;) {
        if (b->retry_waiting)
            return dispatch_retry(b);
        if (b->retry_running || b->feed_done || fp_pool_idle(b->pool) == 0 ||
            b->fed - b->emitted >= b->window)
            return 0;
        int got = feed_one(b);
        if (got < 0)
            return -1;
    }
}

static int run_loop(batch *b)
{
    for (;;) {
        if (dispatch(b) != 0 || emit_ready(b) != 0)
            return -1;
        if (b->feed_done && b->emitted == b->fed)
            return 0;
        if (fp_pool_busy(b->pool) == 0)
            continue; /* only skipped or failed-early documents: no one to wait for */
        if (fp_pool_wait(b->pool, 250, on_result, b, b->err) < 0)
            return -1;
        fp_progress_tick(b->progress);
    }
}

/* ---- set-up and the end ---------------------------------------------------- */

/* What must match for a journal line to count as done: the pipeline
 * file's bytes, the plugins with their versions and priorities, and the
 * engine options that change the output. */
static char *config_identity(const fp_engine *e)
{
    uint64_t h = 1469598103934665603ULL;
    FILE *f = fopen(fp_engine_pipeline_path(e), "rb");
    int c;
    while (f && (c = fgetc(f)) != EOF)
        h = (h ^ (unsigned char)c) * 1099511628211ULL;
    if (f)
        fclose(f);
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

static unsigned usable_cores(void)
{
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
        return (unsigned)CPU_COUNT(&set);
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1;
}

static int is_folder_output(const char *output)
{
    struct stat st;
    size_t n = strlen(output);
    return (n > 0 && output[n - 1] == '/') || (stat(output, &st) == 0 && S_ISDIR(st.st_mode));
}

static int open_output(batch *b)
{
    const char *output = b->o->output;
    if (b->o->resume && b->mode != OUT_FOLDER)
        return fp_error_set(b->err, "--resume needs an output folder (-o DIR/): a combined "
                            "output is rewritten whole by every run");
    if (b->mode == OUT_FOLDER) {
        char *config = config_identity(b->e);
        if (!config)
            return fp_error_set(b->err, "out of memory");
        b->journal = fp_journal_open(output, b->o->resume, config, b->err);
        free(config);
        if (!b->journal)
            return -1;
        fp_sweep_temporaries(output);
        b->report_fp = open_memstream(&b->report, &b->report_len);
        return b->report_fp ? 0 : fp_error_set(b->err, "out of memory");
    }
    if (b->mode == OUT_COMBINED) {
        fp_sweep_stale_siblings(output);
        if (fp_atomic_open(&b->combined, output, b->err) != 0)
            return output_failed(b);
        b->out = b->combined.fp;
    } else {
        b->out = stdout;
    }
    if (fwrite(b->prefix, 1, b->prefix_len, b->out) != b->prefix_len) {
        int why = errno;
        fp_error_set(b->err, "cannot write the XML output: %s", strerror(why));
        errno = why;
        return output_failed(b);
    }
    return 0;
}

static int write_report(batch *b)
{
    if (fflush(b->report_fp) != 0)
        return fp_error_set(b->err, "out of memory");
    char *path = fp_path_join(b->o->output, FP_BATCH_REPORT_NAME);
    fp_atomic_file f;
    if (!path)
        return fp_error_set(b->err, "out of memory");
    int rc = fp_atomic_open(&f, path, b->err);
    free(path);
    if (rc != 0)
        return output_failed(b);
    if (fputs("source\tstatus\treason\n", f.fp) < 0 ||
        fwrite(b->report, 1, b->report_len, f.fp) != b->report_len) {
        int why = errno;
        fp_error_set(b->err, "%s: cannot write: %s", f.final_path, strerror(why));
        fp_atomic_abandon(&f);
        errno = why;
        return output_failed(b);
    }
    return fp_atomic_commit(&f, b->err) == 0 ? 0 : output_failed(b);
}

static int close_output(batch *b, int ok)
{
    if (b->mode == OUT_FOLDER)
        return ok ? write_report(b) : -1;
    const char *suffix = b->stats->documents ? b->suffix : b->empty_suffix;
    size_t suffix_len = b->stats->documents ? b->suffix_len : b->empty_suffix_len;
    if (ok && (fwrite(suffix, 1, suffix_len, b->out) != suffix_len || fflush(b->out) != 0 ||
               ferror(b->out))) {
        int why = errno;
        fp_error_set(b->err, "cannot write the XML output: %s", strerror(why));
        errno = why;
        output_failed(b);
        ok = 0;
    }
    if (b->mode == OUT_COMBINED) {
        if (!ok) {
            fp_atomic_abandon(&b->combined);
            return -1;
        }
        return fp_atomic_commit(&b->combined, b->err) == 0 ? 0 : output_failed(b);
    }
    return ok ? 0 : -1;
}

static void batch_free(batch *b)
{
    for (size_t i = 0; b->ring && i < b->window; i++)
        slot_clear(&b->ring[i]);
    free(b->ring);
    fp_pool_free(b->pool);
    fp_batch_feed_free(b->feed);
    fp_journal_close(b->journal);
    fp_progress_free(b->progress);
    if (b->report_fp)
        fclose(b->report_fp);
    free(b->report);
    free(b->prefix);
    free(b->suffix);
    free(b->empty_suffix);
}

int fp_batch_run(fp_engine *e, const fp_batch_options *o, const char *const *inputs,
                 size_t n_inputs, fp_batch_stats *stats, fp_error *err)
{
    memset(stats, 0, sizeof *stats);
    batch b;
    memset(&b, 0, sizeof b);
    b.e = e;
    b.o = o;
    b.stats = stats;
    b.err = err;
    b.mode = !o->output ? OUT_STREAM : is_folder_output(o->output) ? OUT_FOLDER : OUT_COMBINED;
    unsigned jobs = o->jobs ? o->jobs : usable_cores();
    double timeout = o->timeout_seconds > 0 ? o->timeout_seconds : FP_BATCH_DEFAULT_TIMEOUT;
    /* Results wait here for the ones before them; the window bounds how
     * far a slow document lets the others run ahead. */
    b.window = (size_t)jobs * 8 + 16;
    int rc = 0;
    if (!(b.ring = calloc(b.window, sizeof *b.ring)))
        rc = fp_error_set(err, "out of memory");
    if (rc == 0)
        rc = prepare_writer_bytes(&b);
    if (rc == 0 && !(b.feed = fp_batch_feed_new(o, inputs, n_inputs, err)))
        rc = -1;
    if (rc == 0)
        rc = open_output(&b);
    if (rc == 0) {
        int more_unknown;
        size_t total = fp_batch_feed_known_total(b.feed, &more_unknown);
        b.progress = fp_progress_new(o->progress, o->summary, total, more_unknown);
        b.pool = fp_pool_new(e, jobs, timeout, err);
        rc = b.pool ? run_loop(&b) : -1;
        fp_progress_finish(b.progress);
    }
    if (b.journal || b.out)
        rc = close_output(&b, rc == 0) != 0 ? -1 : rc;
    batch_free(&b);
    if (rc != 0)
        return -1;
    return stats->failed ? 1 : 0;
}

int fp_batch_parse_shard(const char *spec, fp_batch_options *o, fp_error *err)
{
    if (!spec) {
        const char *id = getenv("SLURM_ARRAY_TASK_ID");
        const char *count = getenv("SLURM_ARRAY_TASK_COUNT");
        const char *min = getenv("SLURM_ARRAY_TASK_MIN");
        if (!id || !count)
            return 0;
        long k = strtol(id, NULL, 10) - (min ? strtol(min, NULL, 10) : 0);
        long n = strtol(count, NULL, 10);
        if (n < 1 || k < 0 || k >= n)
            return fp_error_set(err, "SLURM_ARRAY_TASK_ID=%s (minimum %s) does not fit "
                                "SLURM_ARRAY_TASK_COUNT=%s: use a contiguous --array range",
                                id, min ? min : "0", count);
        o->shard_index = (unsigned)k + 1;
        o->shard_count = (unsigned)n;
        return 0;
    }
    unsigned k, n;
    char tail;
    if (sscanf(spec, "%u/%u%c", &k, &n, &tail) != 2 || n < 1 || k < 1 || k > n)
        return fp_error_set(err, "--shard takes K/N with 1 <= K <= N (e.g. 2/8), not '%s'",
                            spec);
    o->shard_index = k;
    o->shard_count = n;
    return 0;
}
