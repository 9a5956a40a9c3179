/* The batch supervisor: takes documents from the feed, hands them to the
 * worker pool, and writes the results in input order — whatever order the
 * workers finish in — so the output is the same for any number of workers.
 * A document whose worker crashes or runs over time is retried once alone
 * (no other document in flight), then quarantined.  Where the results go
 * is batch_output.c's business. */
#define _GNU_SOURCE /* sched_getaffinity: the cores this process may use */
#include "../common/fp_escape.h"
#include "batch_inputs.h"
#include "batch_output.h"
#include "batch_pool.h"
#include "batch_progress.h"

#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef enum slot_state {
    SLOT_EMPTY,
    SLOT_RUNNING, /* with a worker */
    SLOT_RETRY,   /* crashed once: waits to run again alone */
    SLOT_DONE     /* waits for the documents before it to be written */
} slot_state;

typedef struct slot {
    fp_batch_doc doc;
    slot_state state;
    int attempts;   /* crashes so far */
    int skipped;    /* done in an earlier run (--resume) */
    fp_doc_outcome outcome;
    char *reason;
    char *bytes;    /* the document as the output format renders it */
    size_t len;
    char *tally;    /* its facts per kind, for the summary */
} slot;

typedef struct batch {
    const fp_batch_options *o;
    const fp_output_format *format;
    fp_batch_feed *feed;
    fp_pool *pool;
    fp_batch_output *output;
    fp_progress *progress;
    slot *ring;
    size_t window, fed, emitted;
    int feed_done;
    size_t retry_waiting; /* slots in SLOT_RETRY */
    int retry_running;
    fp_batch_stats *stats;
    fp_error *err;
} batch;

/* ---- results ------------------------------------------------------------ */

static void slot_clear(slot *s)
{
    fp_batch_doc_free(&s->doc);
    free(s->reason);
    free(s->bytes);
    free(s->tally);
    memset(s, 0, sizeof *s);
}

/* Takes reason and bytes (NULL: the supervisor renders the error
 * document). */
static void finish_slot(batch *b, slot *s, fp_doc_outcome outcome, char *reason, char *bytes,
                        size_t len)
{
    s->state = SLOT_DONE;
    s->outcome = outcome;
    free(s->reason);
    s->reason = reason;
    s->bytes = bytes;
    s->len = len;
    if (s->bytes)
        return;
    /* The worker sent none, or this never reached one. */
    fp_error err = {{0}};
    fp_out_memory m;
    if (fp_out_memory_open(&m, &err) == 0 &&
        fp_out_memory_close(&m, fp_output_render_error(b->format, m.fp, s->doc.source,
                                                        reason ? reason : "failed", &err),
                            &err) == 0) {
        s->bytes = m.data;
        s->len = m.len;
    }
}

/* A warning on stderr, escaped (fp_escape.h) so that a newline or a
 * control byte in a member name cannot forge lines: "SOURCE: MESSAGE",
 * or MESSAGE alone when source is NULL. */
static void warn(const char *source, const char *message)
{
    char *name = source ? fp_escape_field(source) : NULL, *what = fp_escape_field(message);
    fprintf(stderr, "factpipe: warning: %s%s%s\n", name ? name : "", name ? ": " : "",
            what ? what : "");
    free(name);
    free(what);
}

static char *quarantine_reason(const char *first, const char *second)
{
    char *why = malloc(1024);
    first = first ? first : "worker lost";
    second = second ? second : "worker lost";
    if (why && strcmp(first, second) == 0)
        snprintf(why, 1024, "quarantined: %s, also when retried alone", first);
    else if (why)
        snprintf(why, 1024, "quarantined: %s; when retried alone: %s", first, second);
    return why;
}

static void on_result(void *user, fp_pool_result *r)
{
    batch *b = user;
    slot *s = &b->ring[r->seq % b->window];
    if (s->state != SLOT_RUNNING || s->doc.seq != r->seq) {
        fp_pool_result_free(r);
        return;
    }
    if (r->status != FP_POOL_CRASHED) {
        if (s->attempts)
            b->retry_running = 0;
        fp_progress_stage_times(b->progress, r->stage_ns, r->n_stages);
        free(r->stage_ns);
        s->tally = r->tally;
        finish_slot(b, s, r->status == FP_POOL_OK ? FP_DOC_OK : FP_DOC_FAILED, r->reason,
                    r->bytes, r->len);
        return;
    }
    b->stats->crashed++;
    if (s->attempts++ == 0) {
        char message[1200];
        snprintf(message, sizeof message, "%s; retrying it alone",
                 r->reason ? r->reason : "worker lost");
        warn(s->doc.source, message);
        s->state = SLOT_RETRY;
        s->reason = r->reason;
        b->retry_waiting++;
        return;
    }
    b->retry_running = 0;
    char *why = quarantine_reason(s->reason, r->reason);
    warn(s->doc.source, why ? why : "quarantined");
    fp_pool_result_free(r);
    finish_slot(b, s, FP_DOC_QUARANTINED, why, NULL, 0);
}

/* ---- writing in input order --------------------------------------------- */

/* A document whose output could not be written (its name is taken, or
 * something is in the way): it fails alone. */
static void output_refused(batch *b, slot *s)
{
    warn(s->doc.source, b->err->message);
    b->stats->failed++;
    fp_batch_output_report(b->output, &s->doc, FP_DOC_FAILED, b->err->message);
    b->err->message[0] = '\0';
}

static int emit(batch *b, slot *s)
{
    int failed = s->outcome != FP_DOC_OK;
    if (failed) {
        b->stats->failed++;
        fp_batch_output_report(b->output, &s->doc, s->outcome, s->reason);
    }
    if (s->skipped) {
        b->stats->skipped++;
        fp_progress_skipped(b->progress);
        int rc = fp_batch_output_skipped(b->output, &s->doc, s->outcome, s->reason, b->err);
        if (rc == 1 && !failed)
            output_refused(b, s);
        return rc < 0 ? -1 : 0;
    }
    b->stats->documents++;
    uint64_t t = fp_stage_clock();
    int rc = s->bytes ? fp_batch_output_document(b->output, &s->doc, s->outcome, s->reason,
                                                 s->tally, s->bytes, s->len, b->err)
                      : fp_error_set(b->err, "out of memory rendering %s", s->doc.source);
    fp_progress_output_time(b->progress, fp_stage_clock() - t);
    if (rc == 1 && !failed)
        output_refused(b, s);
    fp_progress_document(b->progress, s->doc.input_bytes, failed || rc == 1, s->tally);
    return rc < 0 ? -1 : 0;
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
    int done = fp_batch_output_done_before(b->output, &s->doc, &s->outcome, &s->reason, b->err);
    if (done < 0)
        return -1;
    if (done) {
        s->state = SLOT_DONE;
        s->skipped = 1;
        return 1;
    }
    if (s->doc.error) {
        warn(NULL, s->doc.error);
        finish_slot(b, s, FP_DOC_FAILED, strdup(s->doc.error), NULL, 0);
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
        if (fp_pool_wait(b->pool, 250, on_result, b, b->err) < 0) {
            b->stats->plugin_failed = fp_pool_plugin_failed(b->pool);
            return -1;
        }
        fp_progress_tick(b->progress);
    }
}

/* ---- set-up and the end ---------------------------------------------------- */

static unsigned usable_cores(void)
{
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
        return (unsigned)CPU_COUNT(&set);
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1;
}

static void batch_free(batch *b)
{
    for (size_t i = 0; b->ring && i < b->window; i++)
        slot_clear(&b->ring[i]);
    free(b->ring);
    fp_pool_free(b->pool);
    fp_batch_feed_free(b->feed);
    fp_batch_output_free(b->output);
    fp_progress_free(b->progress);
}

int fp_batch_run(fp_engine *e, const fp_batch_options *o, const char *const *inputs,
                 size_t n_inputs, fp_batch_stats *stats, fp_error *err)
{
    memset(stats, 0, sizeof *stats);
    batch b;
    memset(&b, 0, sizeof b);
    b.o = o;
    b.format = o->format ? o->format : fp_output_format_default();
    b.stats = stats;
    b.err = err;
    unsigned jobs = o->jobs ? o->jobs : usable_cores();
    double timeout = o->timeout_seconds > 0 ? o->timeout_seconds : FP_BATCH_DEFAULT_TIMEOUT;
    /* Results wait here for the ones before them; the window bounds how
     * far a slow document lets the others run ahead. */
    b.window = (size_t)jobs * 8 + 16;
    int rc = 0;
    if (!(b.ring = calloc(b.window, sizeof *b.ring)))
        rc = fp_error_set(err, "out of memory");
    if (rc == 0 && !(b.feed = fp_batch_feed_new(o, inputs, n_inputs, err)))
        rc = -1;
    /* The plugins start (in the workers) before any output is opened: a
     * plugin that cannot start leaves nothing behind. */
    if (rc == 0 &&
        !(b.pool = fp_pool_new(e, b.format, jobs, timeout, &stats->plugin_failed, err)))
        rc = -1;
    int more_unknown = 0;
    size_t total = rc == 0 ? fp_batch_feed_known_total(b.feed, &more_unknown) : 0;
    if (rc == 0 &&
        !(b.output = fp_batch_output_open(o, b.format, e, b.feed, total > 1 || more_unknown,
                                          stats, err)))
        rc = -1;
    /* Writing each document's file keeps the supervisor busy enough that a
     * nap costs more than the wake-ups it saves (bench/run.sh --durable). */
    if (rc == 0)
        fp_pool_nap_when_full(b.pool, !fp_batch_output_is_folder(b.output));
    if (rc == 0) {
        b.progress = fp_progress_new(o->progress, o->summary, total, more_unknown);
        for (size_t i = 0; i < fp_engine_stage_count(e); i++)
            fp_progress_name_stage(b.progress, i, fp_engine_stage_name(e, i),
                                   i >= FP_STAGE_PLUGIN);
        rc = run_loop(&b);
        fp_progress_finish(b.progress);
    }
    if (b.output)
        rc = fp_batch_output_close(b.output, rc == 0, err) != 0 ? -1 : rc;
    batch_free(&b);
    if (rc != 0)
        return -1;
    return stats->failed ? 1 : 0;
}
