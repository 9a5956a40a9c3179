/* The supervisor side of the pool: pre-forked workers
 * (docs/RELIABILITY.md, Isolation: fork per document would cost more than
 * many documents take), up to four documents handed to each worker (the
 * one it works on and the next ones, waiting in its task pipe, so that it
 * never idles while the supervisor takes a result and answers, and the
 * supervisor may nap rather than be woken by each result), a time
 * budget per document (SIGTERM,
 * then SIGKILL 400 ms later, to the worker's whole process group), a
 * fresh worker after a crash or a timeout, and after every 1000
 * documents.  A successor starts when a document comes for it — for a
 * recycled worker, as soon as its predecessor took its last one, so its
 * plugins start while the predecessor finishes (a slot beside each worker
 * holds it) — and not at all when the run ends there.
 * Workers create the plugin instances themselves (the supervisor never
 * runs create()); the pool starts only once every worker said its plugins
 * are ready, and a plugin that cannot start stops the run with its
 * reason.  Deciding what a crash means for the document (retry alone,
 * quarantine) is the caller's. */
#define _GNU_SOURCE /* pipe2, F_SETPIPE_SZ */
#include "batch_pool.h"
#include "batch_child.h"
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
/* Documents handed to one worker at a time.  Two hide the round trip to
 * the supervisor; four also let the supervisor nap for two documents'
 * time (all_queues_full).  More would only hold documents back from other
 * workers and from a crashed worker's successor. */
#define QUEUE_DEPTH 4
#define KILL_GRACE_SECONDS 0.4
/* The supervisor's nap while every queue is full (see all_queues_full):
 * what QUEUE_DEPTH - 2 documents take, so that a worker never runs dry;
 * at most 1 ms, and none under 0.2 ms (tiny documents: a wake-up per
 * result costs less than workers idle through an oversleep). */
#define NAP_MAX_SECONDS 0.001
#define NAP_MIN_SECONDS 0.0002
#define WORKER_ADDRESS_SPACE (4ULL << 30)
#define START_BUDGET_MIN 30.0 /* seconds */
/* Without a pidfd, how often a worker's death is looked for. */
#define WAITID_POLL_MS 100

typedef struct worker {
    fp_child child;
    int task_fd, result_fd;
    /* Handed to it, in order: queue[0] is the one it works on (its
     * deadline is that one's), the others wait in its task pipe. */
    const fp_batch_doc *queue[QUEUE_DEPTH];
    unsigned queued;
    /* A result came after its stop was ordered: the death to come is not
     * the fault of the document after it, which runs again. */
    int spared;
    int starting;            /* its plugins are not all created yet */
    long start_plugin;       /* the one being created; -1 none yet */
    double deadline, kill_at;
    int term_sent;
    size_t documents;
    unsigned char *buf; /* bytes read from the worker, not yet handled */
    size_t len, cap;
} worker;

struct fp_pool {
    fp_engine *e;
    const fp_output_format *format;
    worker *workers;
    unsigned n;     /* workers that take documents: -j */
    unsigned slots; /* 2 n: a retiring worker and its successor side by side */
    double timeout;
    int plugin_failed; /* a worker could not start its plugins */
    double document_seconds; /* a document's time in a busy worker, averaged */
    int no_nap;              /* fp_pool_nap_when_full(p, 0) */
};

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* In the child, right after fork: die with the supervisor, keep stdout
 * (the output stream) out of plugins' reach, bound the address space,
 * then start the plugins and work. */
static void become_worker(fp_pool *p, worker *self, pid_t supervisor, int task_fd,
                          int result_fd)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != supervisor)
        _exit(1); /* the supervisor died before the line above */
    for (unsigned i = 0; i < p->slots; i++) {
        worker *other = &p->workers[i];
        if (other != self && other->child.pid > 0) {
            close(other->task_fd);
            close(other->result_fd);
            if (other->child.pidfd >= 0)
                close(other->child.pidfd);
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
    fp_worker_main(p->e, p->format, task_fd, result_fd, p->timeout);
    _exit(0); /* never exit(): atexit handlers and stdio belong to the parent */
}

enum { RESULT_PIPE_BYTES = 1 << 20 };

/* Creating the plugins may load models and lexicons: it gets the budget
 * of a document, and never less than the default one. */
static double start_budget(const fp_pool *p)
{
    return p->timeout > START_BUDGET_MIN ? p->timeout : START_BUDGET_MIN;
}

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
    int forked = fp_child_fork(&w->child, err);
    if (forked < 0) {
        close(task[0]);
        close(task[1]);
        close(result[0]);
        close(result[1]);
        return -1;
    }
    if (forked == 0) {
        close(task[1]);
        close(result[0]);
        become_worker(p, w, supervisor, task[0], result[1]);
    }
    close(task[0]);
    close(result[1]);
    fcntl(result[0], F_SETFL, fcntl(result[0], F_GETFL) | O_NONBLOCK);
    w->task_fd = task[1];
    w->result_fd = result[0];
    w->queued = 0;
    w->spared = 0;
    w->starting = 1;
    w->start_plugin = -1;
    w->deadline = now_seconds() + start_budget(p);
    w->term_sent = 0;
    w->documents = 0;
    w->len = 0;
    return 0;
}

/* Closes the pipes, kills what is left of the worker's process group and
 * reaps the worker; returns its wait status. */
static int retire(worker *w, int kill_first)
{
    close(w->task_fd);
    close(w->result_fd);
    w->task_fd = w->result_fd = -1;
    return fp_child_reap(&w->child, kill_first);
}

/* No process: never started, or retired after its thousand documents. */
static int vacant(const worker *w)
{
    return w->child.pid <= 0;
}

/* Took its thousand documents: finishes them, then leaves. */
static int retiring(const worker *w)
{
    return !vacant(w) && w->documents >= RECYCLE_AFTER;
}

/* Started, with room in its queue, and not retiring. */
static int takes_work(const worker *w)
{
    return !vacant(w) && w->queued < QUEUE_DEPTH && !w->starting && !retiring(w);
}

/* Workers that are or will be taking documents (starting ones too). */
static unsigned accepting(const fp_pool *p)
{
    unsigned n = 0;
    for (unsigned i = 0; i < p->slots; i++)
        n += !vacant(&p->workers[i]) && !retiring(&p->workers[i]);
    return n;
}

/* A slot for a successor, when fewer than n workers take documents. */
static worker *open_slot(fp_pool *p)
{
    if (accepting(p) >= p->n)
        return NULL;
    for (unsigned i = 0; i < p->slots; i++)
        if (vacant(&p->workers[i]))
            return &p->workers[i];
    return NULL;
}

/* Has a document or is starting: something to wait for. */
static int is_working(const worker *w)
{
    return w->queued > 0 || w->starting;
}

void fp_pool_free(fp_pool *p)
{
    if (!p)
        return;
    for (unsigned i = 0; i < p->slots; i++) {
        worker *w = &p->workers[i];
        if (w->child.pid > 0)
            retire(w, is_working(w));
        free(w->buf);
    }
    free(p->workers);
    free(p);
}

unsigned fp_pool_idle(const fp_pool *p)
{
    unsigned places = 0;
    for (unsigned i = 0; i < p->slots; i++)
        if (takes_work(&p->workers[i]))
            places += QUEUE_DEPTH - p->workers[i].queued;
    /* A successor not started yet takes a document (and starts with it). */
    unsigned live = accepting(p);
    if (live < p->n)
        places += p->n - live;
    return places;
}

unsigned fp_pool_busy(const fp_pool *p)
{
    unsigned busy = 0;
    for (unsigned i = 0; i < p->slots; i++) {
        const worker *w = &p->workers[i];
        busy += is_working(w) || retiring(w);
    }
    return busy;
}

/* The time budget runs for the document at the front of the queue. */
static void start_clock(const fp_pool *p, worker *w)
{
    w->deadline = now_seconds() + p->timeout;
    w->term_sent = 0;
    w->spared = 0;
}

int fp_pool_plugin_failed(const fp_pool *p)
{
    return p->plugin_failed;
}

/* Writes d to w's task pipe and queues it. */
static void send_task(const fp_pool *p, worker *w, const fp_batch_doc *d)
{
    const char *payload = d->path ? d->path : (const char *)d->bytes;
    size_t payload_len = d->path ? strlen(d->path) : d->len;
    const char *hint = d->name_hint ? d->name_hint : "";
    const char *url = d->url ? d->url : "", *date = d->record_date ? d->record_date : "";
    fp_task_header h = {FP_TASK_MAGIC, d->path != NULL, d->seq,
                        (uint32_t)strlen(d->source), (uint32_t)strlen(hint),
                        (uint32_t)strlen(url), (uint32_t)strlen(date), payload_len};
    w->queue[w->queued++] = d;
    w->documents++;
    if (w->queued == 1 && !w->starting)
        start_clock(p, w);
    /* A worker that died meanwhile shows up on its pidfd (or as EOF).
     * One write for the whole task: one wake-up of the worker, not six. */
    struct iovec iov[] = {{&h, sizeof h},
                          {(void *)d->source, h.source_len},
                          {(void *)hint, h.hint_len},
                          {(void *)url, h.url_len},
                          {(void *)date, h.date_len},
                          {(void *)payload, payload_len}};
    (void)fp_fd_writev_all(w->task_fd, iov, (int)(sizeof iov / sizeof *iov));
}

void fp_pool_nap_when_full(fp_pool *p, int allowed)
{
    p->no_nap = !allowed;
}

int fp_pool_submit(fp_pool *p, const fp_batch_doc *d, fp_error *err)
{
    /* The least loaded worker: with several, each gets a document before
     * any gets a second. */
    worker *w = NULL;
    for (unsigned i = 0; i < p->slots; i++)
        if (takes_work(&p->workers[i]) && (!w || p->workers[i].queued < w->queued))
            w = &p->workers[i];
    /* A successor to start counts as a worker with nothing queued; the
     * document waits in its task pipe while its plugins start. */
    if (!w || w->queued > 0) {
        worker *successor = open_slot(p);
        if (successor) {
            if (spawn(p, successor, err) != 0)
                return -1;
            w = successor;
        }
    }
    if (!w)
        return fp_error_set(err, "no idle worker");
    send_task(p, w, d);
    return 0;
}

static const char *plugin_label(const fp_pool *p, long i, char *buf, size_t size)
{
    const fp_plugin_handle *h = i >= 0 ? fp_engine_plugin(p->e, (size_t)i) : NULL;
    if (h)
        snprintf(buf, size, "plugin '%s' (%s)", h->desc->name, h->path);
    else
        snprintf(buf, size, "a worker, before any plugin,");
    return buf;
}

static void describe_death(const worker *w, int status, char *buf, size_t size)
{
    if (w->term_sent)
        snprintf(buf, size, "over the time budget (worker stopped)");
    else if (WIFSIGNALED(status))
        snprintf(buf, size, "worker killed by signal %d (%s)", WTERMSIG(status),
                 strsignal(WTERMSIG(status)));
    else
        snprintf(buf, size, "worker exited with status %d mid-document",
                 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

static char *death_reason(const worker *w, int status)
{
    char buf[256];
    describe_death(w, status, buf, sizeof buf);
    return strdup(buf);
}

/* A worker that could not start its plugins: the run stops (exit 2). */
static int start_failed(fp_pool *p, const worker *w, int status, const char *reason,
                        fp_error *err)
{
    char who[1200], how[256];
    p->plugin_failed = 1;
    if (reason)
        return fp_error_set(err, "%s", reason);
    plugin_label(p, w->start_plugin, who, sizeof who);
    if (w->term_sent)
        return fp_error_set(err, "%s did not start within %g s (the time budget of a "
                            "document, --timeout, and at least %g s)", who, start_budget(p),
                            START_BUDGET_MIN);
    if (WIFSIGNALED(status))
        snprintf(how, sizeof how, "was killed by signal %d (%s)", WTERMSIG(status),
                 strsignal(WTERMSIG(status)));
    else
        snprintf(how, sizeof how, "ended its process with status %d",
                 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    return fp_error_set(err, "%s failed to start: it %s while creating its instance "
                        "(create() must return FP_OK or an error, never exit or crash)",
                        who, how);
}

void fp_pool_result_free(fp_pool_result *r)
{
    free(r->reason);
    free(r->bytes);
    free(r->tally);
    free(r->stage_ns);
}

/* One start message at the front of w->buf: its size, 0 when incomplete,
 * -1 when it says the plugins failed to start (err set). */
static long take_start(fp_pool *p, worker *w, fp_error *err)
{
    fp_start_header h;
    if (w->len < sizeof h)
        return 0;
    memcpy(&h, w->buf, sizeof h);
    size_t need = sizeof h + (size_t)h.reason_len;
    if (w->len < need)
        return 0;
    if (h.state == FP_START_PLUGIN) {
        w->start_plugin = (long)h.plugin;
    } else if (h.state == FP_START_READY) {
        w->starting = 0;
        if (w->queued > 0) /* documents of a crashed predecessor */
            start_clock(p, w);
    } else {
        char *reason = strndup((const char *)w->buf + sizeof h, (size_t)h.reason_len);
        start_failed(p, w, 0, reason ? reason : "a plugin failed to start", err);
        free(reason);
        return -1;
    }
    return (long)need;
}

/* How long the document at the front took: its clock started when it
 * came to the front (start_clock).  Averaged over the recent ones. */
static void time_document(fp_pool *p, const worker *w)
{
    if (w->term_sent || w->starting)
        return;
    double took = now_seconds() - (w->deadline - p->timeout);
    p->document_seconds = p->document_seconds > 0
                              ? 0.9 * p->document_seconds + 0.1 * took
                              : took;
}

/* One result at the front of w->buf, handed on: its size, 0 incomplete. */
static long take_result(fp_pool *p, worker *w,
                        void (*on_result)(void *, fp_pool_result *), void *user)
{
    fp_result_header h;
    if (w->len < sizeof h)
        return 0;
    memcpy(&h, w->buf, sizeof h);
    size_t need = sizeof h + (size_t)h.reason_len + (size_t)h.bytes_len + (size_t)h.tally_len +
                  (size_t)h.n_stages * sizeof(uint64_t);
    if (w->len < need)
        return 0;
    fp_pool_result r = {h.seq, (fp_pool_status)h.status, NULL, NULL, 0, NULL, NULL, 0};
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
    at += h.tally_len;
    if (h.n_stages && (r.stage_ns = malloc((size_t)h.n_stages * sizeof(uint64_t))) != NULL) {
        memcpy(r.stage_ns, at, (size_t)h.n_stages * sizeof(uint64_t));
        r.n_stages = (size_t)h.n_stages;
    }
    if (w->queued > 0) {
        time_document(p, w);
        w->queued--;
        memmove(w->queue, w->queue + 1, w->queued * sizeof *w->queue);
        if (w->term_sent)
            w->spared = 1;
        else if (w->queued > 0)
            start_clock(p, w);
    }
    if (on_result)
        on_result(user, &r);
    else
        fp_pool_result_free(&r);
    return (long)need;
}

/* Handles every whole message read so far: how many results were handed
 * on, or -1 (a plugin failed to start; a worker spoke nonsense). */
static int take_messages(fp_pool *p, worker *w, void (*on_result)(void *, fp_pool_result *),
                         void *user, fp_error *err)
{
    int handed = 0;
    size_t used = 0;
    for (;;) {
        uint32_t magic;
        if (w->len - used < sizeof magic)
            break;
        memcpy(&magic, w->buf + used, sizeof magic);
        long took;
        unsigned char *saved_buf = w->buf;
        size_t saved_len = w->len;
        w->buf += used; /* the take_ functions read from the front */
        w->len -= used;
        if (magic == FP_START_MAGIC)
            took = take_start(p, w, err);
        else if (magic == FP_RESULT_MAGIC)
            took = take_result(p, w, on_result, user);
        else
            took = -2;
        w->buf = saved_buf;
        w->len = saved_len;
        if (took == -2)
            return fp_error_set(err, "internal error: a worker sent a message of unknown "
                                "kind");
        if (took < 0)
            return -1;
        if (took == 0)
            break;
        handed += magic == FP_RESULT_MAGIC;
        used += (size_t)took;
    }
    memmove(w->buf, w->buf + used, w->len - used);
    w->len -= used;
    return handed;
}

/* Reads what the worker has sent: 0 more may come, 1 end of file (or a
 * broken pipe), -1 out of memory. */
static int read_available(worker *w, fp_error *err)
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
            return 0;
        return 1;
    }
}

/* The worker is gone (or going: its pipe closed, its process ended):
 * what it sent is handled, its group killed and reaped, the document it
 * worked on reported as crashed, and a new worker takes its place and
 * the documents that waited behind that one. */
static int worker_gone(fp_pool *p, worker *w, void (*on_result)(void *, fp_pool_result *),
                       void *user, fp_error *err)
{
    if (read_available(w, err) < 0)
        return -1;
    int handed = take_messages(p, w, on_result, user, err);
    if (handed < 0)
        return -1;
    /* The one it worked on, unless the stop was for one that finished. */
    const fp_batch_doc *lost = w->queued > 0 && !w->spared ? w->queue[0] : NULL;
    const fp_batch_doc *waiting[QUEUE_DEPTH];
    unsigned n_waiting = 0;
    for (unsigned i = lost ? 1 : 0; i < w->queued; i++)
        waiting[n_waiting++] = w->queue[i];
    int starting = w->starting, term_sent = w->term_sent, was_retiring = retiring(w);
    int status = retire(w, 1);
    w->term_sent = term_sent;
    if (starting)
        return start_failed(p, w, status, NULL, err);
    w->queued = 0;
    if (lost) {
        fp_pool_result r = {lost->seq, FP_POOL_CRASHED, death_reason(w, status), NULL, 0, NULL,
                            NULL, 0};
        if (on_result)
            on_result(user, &r);
        else
            fp_pool_result_free(&r);
        handed++;
    }
    w->len = 0;
    /* Like any successor, this one starts when a document comes for it
     * (fp_pool_submit); now, if some waited behind the lost one. */
    if (n_waiting == 0)
        return handed;
    if (spawn(p, w, err) != 0)
        return -1;
    /* They never started: the successor runs them once its plugins are up
     * (the task pipe holds them meanwhile). */
    for (unsigned i = 0; i < n_waiting; i++)
        send_task(p, w, waiting[i]);
    /* A retiring worker's own successor may run already: this one only
     * takes over what waited, and retires in turn. */
    if (was_retiring)
        w->documents = RECYCLE_AFTER;
    return handed;
}

static void enforce_deadlines(fp_pool *p, double now)
{
    for (unsigned i = 0; i < p->slots; i++) {
        worker *w = &p->workers[i];
        if (!is_working(w))
            continue;
        if (!w->term_sent && now >= w->deadline) {
            fp_child_signal(&w->child, SIGTERM);
            w->term_sent = 1;
            w->kill_at = now + KILL_GRACE_SECONDS;
        } else if (w->term_sent && now >= w->kill_at) {
            fp_child_signal(&w->child, SIGKILL);
        }
    }
}

/* One round: waits up to timeout_ms for any worker to send or end. */
static int pump(fp_pool *p, int timeout_ms, void (*on_result)(void *, fp_pool_result *),
                void *user, fp_error *err)
{
    struct pollfd fds[2 * p->slots];
    double now = now_seconds();
    for (unsigned i = 0; i < p->slots; i++) {
        const worker *w = &p->workers[i];
        /* poll() skips the negative descriptors of a vacant slot. */
        fds[2 * i] = (struct pollfd){w->result_fd, POLLIN, 0};
        fds[2 * i + 1] = (struct pollfd){w->child.pidfd, POLLIN, 0};
        if (vacant(w))
            continue;
        if (w->child.pidfd < 0 && timeout_ms > WAITID_POLL_MS)
            timeout_ms = WAITID_POLL_MS;
        if (is_working(w)) {
            double next = w->term_sent ? w->kill_at : w->deadline;
            int ms = (int)((next - now) * 1000) + 1;
            if (ms < timeout_ms)
                timeout_ms = ms < 0 ? 0 : ms;
        }
    }
    int ready = poll(fds, 2 * p->slots, timeout_ms);
    if (ready < 0 && errno != EINTR)
        return fp_error_set(err, "waiting for workers: %s", strerror(errno));
    int handed = 0;
    for (unsigned i = 0; i < p->slots; i++) {
        worker *w = &p->workers[i];
        int got = 0, gone = 0;
        if (vacant(w))
            continue;
        if (ready > 0 && fds[2 * i].revents) {
            gone = read_available(w, err);
            if (gone < 0)
                return -1;
            if (!gone && (got = take_messages(p, w, on_result, user, err)) < 0)
                return -1;
        }
        /* Its pipe may stay open after it died: a process it forked holds it. */
        if (!gone && ((ready > 0 && fds[2 * i + 1].revents) ||
                      (w->child.pidfd < 0 && fp_child_ended(&w->child))))
            gone = 1;
        if (gone && (got = worker_gone(p, w, on_result, user, err)) < 0)
            return -1;
        handed += got;
    }
    enforce_deadlines(p, now_seconds());
    return handed;
}

/* Every worker that takes documents holds as many as it can (and there is
 * one).  Then a result is not urgent: the supervisor naps instead of
 * waiting in poll(), so a worker that writes its result finds nobody to
 * wake (a wake-up across cores cost a worker ~2.5 % of its time) and the
 * supervisor takes the results that came meanwhile in one round. */
static int all_queues_full(const fp_pool *p)
{
    int any = 0;
    for (unsigned i = 0; i < p->slots; i++) {
        const worker *w = &p->workers[i];
        if (vacant(w) || retiring(w))
            continue;
        if (w->starting || w->queued < QUEUE_DEPTH)
            return 0;
        any = 1;
    }
    return any;
}

int fp_pool_wait(fp_pool *p, int timeout_ms, void (*on_result)(void *, fp_pool_result *),
                 void *user, fp_error *err)
{
    /* Workers that did a thousand documents (this bounds what a slow leak
     * can take) leave once idle; fp_pool_submit starts their successors. */
    for (unsigned i = 0; i < p->slots; i++) {
        worker *w = &p->workers[i];
        if (retiring(w) && !is_working(w))
            retire(w, 0);
    }
    if (fp_pool_busy(p) == 0)
        return 0; /* nothing to wait for: the caller has documents to hand out */
    double nap = p->document_seconds * (QUEUE_DEPTH - 2);
    if (nap > NAP_MAX_SECONDS)
        nap = NAP_MAX_SECONDS;
    if (!p->no_nap && nap >= NAP_MIN_SECONDS && all_queues_full(p)) {
        struct timespec ts = {0, (long)(nap * 1e9)};
        nanosleep(&ts, NULL);
    }
    return pump(p, timeout_ms, on_result, user, err);
}

static int starting_workers(const fp_pool *p)
{
    int n = 0;
    for (unsigned i = 0; i < p->slots; i++)
        n += p->workers[i].starting;
    return n;
}

fp_pool *fp_pool_new(fp_engine *e, const fp_output_format *format, unsigned jobs,
                     double timeout_seconds, int *plugin_failed, fp_error *err)
{
    *plugin_failed = 0;
    fp_pool *p = calloc(1, sizeof *p);
    if (!p || !(p->workers = calloc(2 * (size_t)jobs, sizeof *p->workers))) {
        free(p);
        fp_error_set(err, "out of memory");
        return NULL;
    }
    p->e = e;
    p->format = format;
    p->n = jobs;
    p->slots = 2 * jobs;
    for (unsigned i = 0; i < p->slots; i++)
        p->workers[i].task_fd = p->workers[i].result_fd = p->workers[i].child.pidfd = -1;
    p->timeout = timeout_seconds;
    signal(SIGPIPE, SIG_IGN); /* a dead worker's pipe gives EPIPE instead */
    for (unsigned i = 0; i < jobs; i++) {
        if (spawn(p, &p->workers[i], err) != 0) {
            fp_pool_free(p);
            return NULL;
        }
    }
    /* Nothing is read, nothing written, until every plugin has started. */
    while (starting_workers(p) > 0) {
        if (pump(p, 250, NULL, NULL, err) < 0) {
            *plugin_failed = p->plugin_failed;
            fp_pool_free(p);
            return NULL;
        }
    }
    return p;
}
