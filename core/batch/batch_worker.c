/* The worker side of the pool: a pre-forked process that takes one
 * document at a time from its task pipe, runs it through the engine, and
 * sends the document back rendered in the run's output format.  It never writes output files: a
 * plugin that crashes here takes only this process down
 * (docs/RELIABILITY.md, Isolation). */
#include "batch_pool.h"
#include "batch_files.h"
#include "batch_protocol.h"
#include "../common/fp_grow.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <unistd.h>

/* A CPU-time backstop in case the supervisor cannot stop a runaway
 * document: the soft limit sits a little past the document's budget. */
static void limit_cpu_for_next_document(double timeout_seconds)
{
    struct rusage used;
    struct rlimit lim;
    if (getrusage(RUSAGE_SELF, &used) != 0 || getrlimit(RLIMIT_CPU, &lim) != 0)
        return;
    rlim_t want = (rlim_t)used.ru_utime.tv_sec + (rlim_t)used.ru_stime.tv_sec +
                  (rlim_t)timeout_seconds + 5;
    if (lim.rlim_max != RLIM_INFINITY && want > lim.rlim_max)
        want = lim.rlim_max;
    lim.rlim_cur = want;
    setrlimit(RLIMIT_CPU, &lim);
}

typedef struct task {
    fp_task_header h;
    char *source, *hint, *url, *date;
    unsigned char *payload; /* NUL-terminated */
} task;

static void task_free(task *t)
{
    free(t->source);
    free(t->hint);
    free(t->url);
    free(t->date);
    free(t->payload);
}

/* 0 a task, -1 the pipe closed (or broke): time to go. */
static int read_task(int fd, task *t)
{
    memset(t, 0, sizeof *t);
    if (fp_fd_read_all(fd, &t->h, sizeof t->h) != 0 || t->h.magic != FP_TASK_MAGIC)
        return -1;
    /* The parts, each NUL-terminated, read together: the supervisor
     * wrote them in one piece. */
    char **parts[] = {&t->source, &t->hint, &t->url, &t->date, (char **)&t->payload};
    const uint64_t lens[] = {t->h.source_len, t->h.hint_len, t->h.url_len,
                             t->h.date_len, t->h.payload_len};
    enum { N_PARTS = sizeof lens / sizeof *lens };
    struct iovec iov[N_PARTS];
    for (int i = 0; i < N_PARTS; i++) {
        *parts[i] = malloc((size_t)lens[i] + 1);
        if (!*parts[i]) {
            task_free(t);
            return -1;
        }
        (*parts[i])[lens[i]] = '\0';
        iov[i] = (struct iovec){*parts[i], (size_t)lens[i]};
    }
    if (fp_fd_readv_all(fd, iov, N_PARTS) != 0) {
        task_free(t);
        return -1;
    }
    return 0;
}

static int send_result(int fd, const task *t, fp_pool_status status, const char *reason,
                       const fp_out_memory *rendered, const fp_out_memory *tally,
                       const fp_engine *e)
{
    size_t n_stages = fp_engine_stage_count(e);
    fp_result_header h = {FP_RESULT_MAGIC, (uint32_t)status, t->h.seq,
                          reason ? strlen(reason) : 0, rendered->len, tally->len, n_stages};
    /* One write for the whole result: one wake-up of the supervisor. */
    struct iovec iov[] = {{&h, sizeof h},
                          {(void *)reason, (size_t)h.reason_len},
                          {rendered->data, rendered->len},
                          {tally->data, tally->len},
                          {(void *)fp_engine_stage_ns(e), n_stages * sizeof(uint64_t)}};
    return fp_fd_writev_all(fd, iov, (int)(sizeof iov / sizeof *iov)) != 0 ? -1 : 0;
}

/* Where the engine's model of a document goes in a worker. */
typedef struct worker_sink {
    const fp_output_format *format;
    fp_out_memory rendered;
    fp_out_memory tally;
} worker_sink;

/* "KIND COUNT" lines, kinds in the order they first occur (a document
 * has facts of a few kinds, so a list of them is enough). */
static int write_tally(FILE *out, const fp_out_doc *doc)
{
    typedef struct kind_count {
        const char *kind;
        size_t n;
    } kind_count;
    kind_count *kinds = NULL;
    size_t n_kinds = 0, cap = 0;
    for (size_t i = 0; i < doc->n_facts; i++) {
        size_t k = 0;
        while (k < n_kinds && strcmp(kinds[k].kind, doc->facts[i].kind) != 0)
            k++;
        if (k == n_kinds) {
            if (fp_grow((void **)&kinds, &cap, n_kinds + 1, sizeof *kinds, 8) != 0) {
                free(kinds);
                return -1;
            }
            kinds[n_kinds++] = (kind_count){doc->facts[i].kind, 0};
        }
        kinds[k].n++;
    }
    int rc = 0;
    for (size_t k = 0; k < n_kinds && rc == 0; k++)
        rc = fprintf(out, "%s %zu\n", kinds[k].kind, kinds[k].n) < 0 ? -1 : 0;
    free(kinds);
    return rc;
}

static int render(void *user, const fp_out_doc *doc, fp_error *err)
{
    worker_sink *sink = user;
    if (fp_output_render(sink->format, sink->rendered.fp, doc, err) != 0)
        return -1;
    if (write_tally(sink->tally.fp, doc) != 0)
        return fp_error_set(err, "out of memory");
    return 0;
}

static int run_task(fp_engine *e, const fp_output_format *format, const task *t, int result_fd)
{
    fp_error err = {{0}};
    char why[1024] = "";
    worker_sink sink = {format, {0}, {0}};
    int rc = -1;
    if (fp_out_memory_open(&sink.rendered, &err) == 0 &&
        fp_out_memory_open(&sink.tally, &err) == 0) {
        fp_engine_input in = {0};
        in.source = t->source;
        if (t->h.payload_is_path) {
            in.path = (const char *)t->payload;
        } else {
            in.bytes = t->payload;
            in.len = (size_t)t->h.payload_len;
            in.name_hint = t->hint[0] ? t->hint : NULL;
            in.url = t->url[0] ? t->url : NULL;
            in.record_date = t->date[0] ? t->date : NULL;
        }
        rc = fp_engine_process(e, &in, render, &sink, why, sizeof why, &err);
    }
    int whole = fp_out_memory_close(&sink.rendered, rc < 0 ? -1 : 0, &err) == 0;
    whole &= fp_out_memory_close(&sink.tally, rc < 0 ? -1 : 0, &err) == 0;
    int sent;
    fp_out_memory none = {0};
    if (rc < 0 || !whole) /* nothing rendered: the supervisor writes the error document */
        sent = send_result(result_fd, t, FP_POOL_FAILED,
                           err.message[0] ? err.message : "out of memory", &none, &none, e);
    else
        sent = send_result(result_fd, t, rc == 0 ? FP_POOL_OK : FP_POOL_FAILED,
                           rc ? why : NULL, &sink.rendered, &sink.tally, e);
    free(sink.rendered.data);
    free(sink.tally.data);
    return sent;
}

static int send_start(int fd, fp_start_state state, size_t plugin, const char *reason)
{
    fp_start_header h = {FP_START_MAGIC, (uint32_t)state, plugin, reason ? strlen(reason) : 0};
    if (fp_fd_write_all(fd, &h, sizeof h) != 0 ||
        (h.reason_len && fp_fd_write_all(fd, reason, (size_t)h.reason_len) != 0))
        return -1;
    return 0;
}

static void announce_plugin(void *user, size_t plugin)
{
    (void)send_start(*(const int *)user, FP_START_PLUGIN, plugin, NULL);
}

void fp_worker_main(fp_engine *e, const fp_output_format *format, int task_fd, int result_fd,
                    double timeout_seconds)
{
    fp_error err = {{0}};
    limit_cpu_for_next_document(timeout_seconds);
    if (fp_engine_start(e, announce_plugin, &result_fd, &err) != 0) {
        (void)send_start(result_fd, FP_START_FAILED, 0, err.message);
        return;
    }
    if (send_start(result_fd, FP_START_READY, 0, NULL) != 0)
        return;
    task t;
    while (read_task(task_fd, &t) == 0) {
        limit_cpu_for_next_document(timeout_seconds);
        int sent = run_task(e, format, &t, result_fd);
        task_free(&t);
        if (sent != 0)
            return;
    }
}
