/* The supervisor side of the pool: pre-forked workers
 * (docs/RELIABILITY.md, Isolation: fork per document would cost more than
 * many documents take), one
 * document in flight per worker, a time budget per document (SIGTERM,
 * then SIGKILL 400 ms later), a fresh worker after a crash, a timeout or
 * every 1000 documents.  Deciding what a crash means for the document
 * (retry alone, quarantine) is the caller's. */
#define _GNU_SOURCE /* pipe2 */
#include "batch_pool.h"
#include "batch_files.h"
#include "../common/fp_sanitizer.h"
#include "batch_protocol.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define RECYCLE_AFTER 1000
#define KILL_GRACE_SECONDS 0.4
#define WORKER_ADDRESS_SPACE (4ULL << 30)


typedef struct worker {
    pid_t pid;
    int task_fd, result_fd;
    const fp_batch_doc *doc; /* in flight, or NULL when idle */
    double deadline, kill_at;
    int term_sent;
    size_t documents;
    unsigned char *buf; /* result bytes read so far */
    size_t len, cap;
} worker;

struct fp_pool {
    fp_engine *e;
    const fp_output_format *format;
    worker *workers;
    unsigned n;
    double timeout;
};

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* In the child, right after fork: die with the supervisor, keep stdout
 * (the output stream) out of plugins' reach, bound the address space. */
static void become_worker(fp_pool *p, worker *self, pid_t supervisor, int task_fd,
                          int result_fd)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != supervisor)
        _exit(1); /* the supervisor died before the line above */
    for (unsigned i = 0; i < p->n; i++) {
        worker *other = &p->workers[i];
        if (other != self && other->pid > 0) {
            close(other->task_fd);
            close(other->result_fd);
        }
    }
    int devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (devnull >= 0) {
        dup2(devnull, STDOUT_FILENO);
        close(devnull);
    }
    signal(SIGPIPE, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
#ifndef FP_UNDER_ASAN /* ASan reserves terabytes of shadow memory */
    struct rlimit as = {WORKER_ADDRESS_SPACE, WORKER_ADDRESS_SPACE};
    setrlimit(RLIMIT_AS, &as);
#endif
    fp_worker_loop(p->e, p->format, task_fd, result_fd, p->timeout);
    _exit(0); /* never exit(): atexit handlers and stdio belong to the parent */
}

enum { RESULT_PIPE_BYTES = 1 << 20 };

static int spawn(fp_pool *p, worker *w, fp_error *err)
{
    int task[2], result[2];
    if (pipe2(task, O_CLOEXEC) != 0)
        return fp_error_set(err, "cannot start a worker: pipe: %s", strerror(errno));
    if (pipe2(result, O_CLOEXEC) != 0) {
        close(task[0]);
        close(task[1]);
        return fp_error_set(err, "cannot start a worker: pipe: %s", strerror(errno));
    }
    /* A rendered document is tens of kilobytes: a pipe that holds it whole
     * saves the worker and the supervisor a context switch per 64 KiB.
     * Failing to enlarge it only costs speed. */
    (void)fcntl(result[1], F_SETPIPE_SZ, RESULT_PIPE_BYTES);
    fflush(NULL); /* or the child's copy of pending stdio output leaks */
    pid_t supervisor = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        close(task[0]);
        close(task[1]);
        close(result[0]);
        close(result[1]);
        return fp_error_set(err, "cannot start a worker: fork: %s", strerror(errno));
    }
    if (pid == 0) {
        close(task[1]);
        close(result[0]);
        become_worker(p, w, supervisor, task[0], result[1]);
    }
    close(task[0]);
    close(result[1]);
    fcntl(result[0], F_SETFL, fcntl(result[0], F_GETFL) | O_NONBLOCK);
    w->pid = pid;
    w->task_fd = task[1];
    w->result_fd = result[0];
    w->doc = NULL;
    w->term_sent = 0;
    w->documents = 0;
    w->len = 0;
    return 0;
}

/* Closes the pipes and reaps the process; returns its wait status. */
static int retire(worker *w, int kill_first)
{
    int status = 0;
    close(w->task_fd);
    close(w->result_fd);
    if (kill_first)
        kill(w->pid, SIGKILL);
    while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
        ;
    w->pid = 0;
    return status;
}

fp_pool *fp_pool_new(fp_engine *e, const fp_output_format *format, unsigned jobs,
                     double timeout_seconds, fp_error *err)
{
    fp_pool *p = calloc(1, sizeof *p);
    if (!p || !(p->workers = calloc(jobs, sizeof *p->workers))) {
        free(p);
        fp_error_set(err, "out of memory");
        return NULL;
    }
    p->e = e;
    p->format = format;
    p->n = jobs;
    p->timeout = timeout_seconds;
    signal(SIGPIPE, SIG_IGN); /* a dead worker's pipe gives EPIPE instead */
    for (unsigned i = 0; i < jobs; i++) {
        if (spawn(p, &p->workers[i], err) != 0) {
            fp_pool_free(p);
            return NULL;
        }
    }
    return p;
}

void fp_pool_free(fp_pool *p)
{
    if (!p)
        return;
    for (unsigned i = 0; i < p->n; i++) {
        if (p->workers[i].pid > 0)
            retire(&p->workers[i], p->workers[i].doc != NULL);
        free(p->workers[i].buf);
    }
    free(p->workers);
    free(p);
}

unsigned fp_pool_idle(const fp_pool *p)
{
    unsigned idle = 0;
    for (unsigned i = 0; i < p->n; i++)
        idle += p->workers[i].doc == NULL;
    return idle;
}

unsigned fp_pool_busy(const fp_pool *p)
{
    return p->n - fp_pool_idle(p);
}

int fp_pool_submit(fp_pool *p, const fp_batch_doc *d, fp_error *err)
{
    worker *w = NULL;
    for (unsigned i = 0; i < p->n && !w; i++)
        if (!p->workers[i].doc)
            w = &p->workers[i];
    if (!w)
        return fp_error_set(err, "no idle worker");
    if (w->documents >= RECYCLE_AFTER) { /* bounds what a slow leak can take */
        retire(w, 0);
        if (spawn(p, w, err) != 0)
            return -1;
    }
    const char *payload = d->path ? d->path : (const char *)d->bytes;
    size_t payload_len = d->path ? strlen(d->path) : d->len;
    const char *hint = d->name_hint ? d->name_hint : "";
    const char *url = d->url ? d->url : "", *date = d->record_date ? d->record_date : "";
    fp_task_header h = {FP_TASK_MAGIC, d->path != NULL, d->seq,
                        (uint32_t)strlen(d->source), (uint32_t)strlen(hint),
                        (uint32_t)strlen(url), (uint32_t)strlen(date), payload_len};
    w->doc = d;
    w->documents++;
    w->deadline = now_seconds() + p->timeout;
    w->term_sent = 0;
    w->len = 0;
    /* A worker that died meanwhile shows up as EOF on its result pipe. */
    (void)(fp_fd_write_all(w->task_fd, &h, sizeof h) == 0 &&
           fp_fd_write_all(w->task_fd, d->source, h.source_len) == 0 &&
           fp_fd_write_all(w->task_fd, hint, h.hint_len) == 0 &&
           fp_fd_write_all(w->task_fd, url, h.url_len) == 0 &&
           fp_fd_write_all(w->task_fd, date, h.date_len) == 0 &&
           fp_fd_write_all(w->task_fd, payload, payload_len) == 0);
    return 0;
}

static char *death_reason(const worker *w, int status)
{
    char buf[256];
    if (w->term_sent)
        snprintf(buf, sizeof buf, "over the time budget (worker stopped)");
    else if (WIFSIGNALED(status))
        snprintf(buf, sizeof buf, "worker killed by signal %d (%s)", WTERMSIG(status),
                 strsignal(WTERMSIG(status)));
    else
        snprintf(buf, sizeof buf, "worker exited with status %d mid-document",
                 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    return strdup(buf);
}

void fp_pool_result_free(fp_pool_result *r)
{
    free(r->reason);
    free(r->bytes);
    free(r->tally);
}

/* A whole result in w->buf: hand it on.  1 handed, 0 incomplete. */
static int take_result(worker *w, void (*on_result)(void *, fp_pool_result *), void *user)
{
    fp_result_header h;
    if (w->len < sizeof h)
        return 0;
    memcpy(&h, w->buf, sizeof h);
    size_t need = sizeof h + (size_t)h.reason_len + (size_t)h.bytes_len + (size_t)h.tally_len;
    if (h.magic != FP_RESULT_MAGIC || w->len < need)
        return 0;
    fp_pool_result r = {h.seq, (fp_pool_status)h.status, NULL, NULL, 0, NULL};
    const char *at = (const char *)w->buf + sizeof h;
    if (h.reason_len)
        r.reason = strndup(at, (size_t)h.reason_len);
    at += h.reason_len;
    if (h.bytes_len && (r.bytes = malloc((size_t)h.bytes_len + 1)) != NULL) {
        memcpy(r.bytes, at, (size_t)h.bytes_len); /* a format may write NUL bytes */
        r.bytes[h.bytes_len] = '\0';
        r.len = (size_t)h.bytes_len;
    }
    at += h.bytes_len;
    if (h.tally_len)
        r.tally = strndup(at, (size_t)h.tally_len);
    w->doc = NULL;
    w->len = 0;
    on_result(user, &r);
    return 1;
}

/* Reads what the worker has sent; on EOF the worker is gone. */
static int drain(fp_pool *p, worker *w, void (*on_result)(void *, fp_pool_result *), void *user,
                 fp_error *err)
{
    for (;;) {
        if (w->cap - w->len < 65536) {
            size_t cap = w->cap ? w->cap * 2 : 131072;
            unsigned char *grown = realloc(w->buf, cap);
            if (!grown)
                return fp_error_set(err, "out of memory reading a worker's result");
            w->buf = grown;
            w->cap = cap;
        }
        ssize_t n = read(w->result_fd, w->buf + w->len, w->cap - w->len);
        if (n > 0) {
            w->len += (size_t)n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN)
            return take_result(w, on_result, user);
        break; /* EOF or error: the worker is gone */
    }
    int handed = take_result(w, on_result, user);
    const fp_batch_doc *lost = w->doc;
    int term_sent = w->term_sent;
    int status = retire(w, 1);
    w->term_sent = term_sent;
    if (lost) {
        fp_pool_result r = {lost->seq, FP_POOL_CRASHED, death_reason(w, status), NULL, 0, NULL};
        w->doc = NULL;
        on_result(user, &r);
        handed++;
    }
    if (spawn(p, w, err) != 0)
        return -1;
    return handed;
}

static void enforce_deadlines(fp_pool *p, double now)
{
    for (unsigned i = 0; i < p->n; i++) {
        worker *w = &p->workers[i];
        if (!w->doc)
            continue;
        if (!w->term_sent && now >= w->deadline) {
            kill(w->pid, SIGTERM);
            w->term_sent = 1;
            w->kill_at = now + KILL_GRACE_SECONDS;
        } else if (w->term_sent && now >= w->kill_at) {
            kill(w->pid, SIGKILL);
        }
    }
}

int fp_pool_wait(fp_pool *p, int timeout_ms, void (*on_result)(void *, fp_pool_result *),
                 void *user, fp_error *err)
{
    struct pollfd fds[p->n];
    double now = now_seconds();
    for (unsigned i = 0; i < p->n; i++) {
        const worker *w = &p->workers[i];
        fds[i] = (struct pollfd){w->result_fd, POLLIN, 0};
        if (w->doc) {
            double next = w->term_sent ? w->kill_at : w->deadline;
            int ms = (int)((next - now) * 1000) + 1;
            if (ms < timeout_ms)
                timeout_ms = ms < 0 ? 0 : ms;
        }
    }
    int ready = poll(fds, p->n, timeout_ms);
    if (ready < 0 && errno != EINTR)
        return fp_error_set(err, "waiting for workers: %s", strerror(errno));
    int handed = 0;
    for (unsigned i = 0; i < p->n && ready > 0; i++) {
        if (!fds[i].revents)
            continue;
        int got = drain(p, &p->workers[i], on_result, user, err);
        if (got < 0)
            return -1;
        handed += got;
    }
    enforce_deadlines(p, now_seconds());
    return handed;
}
