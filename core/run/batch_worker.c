/* The worker side of the pool: a pre-forked process that takes one
 * document at a time from its task pipe, runs it through the engine, and
 * sends the <document> element back.  It never writes output files: a
 * plugin that crashes here takes only this process down (RELIABILITY R13). */
#include "batch_impl.h"
#include "batch_protocol.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <unistd.h>

int fp_fd_write_all(int fd, const void *buf, size_t len)
{
    const char *p = buf;
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

int fp_fd_read_all(int fd, void *buf, size_t len)
{
    char *p = buf;
    while (len > 0) {
        ssize_t n = read(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

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

static char *read_string(int fd, uint64_t len)
{
    char *s = malloc((size_t)len + 1);
    if (s && fp_fd_read_all(fd, s, (size_t)len) != 0) {
        free(s);
        return NULL;
    }
    if (s)
        s[len] = '\0';
    return s;
}

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
    t->source = read_string(fd, t->h.source_len);
    t->hint = t->source ? read_string(fd, t->h.hint_len) : NULL;
    t->url = t->hint ? read_string(fd, t->h.url_len) : NULL;
    t->date = t->url ? read_string(fd, t->h.date_len) : NULL;
    t->payload = t->date ? (unsigned char *)read_string(fd, t->h.payload_len) : NULL;
    if (!t->payload) {
        task_free(t);
        return -1;
    }
    return 0;
}

static int send_result(int fd, const task *t, int status, const char *reason, const char *xml,
                       size_t xml_len)
{
    fp_result_header h = {FP_RESULT_MAGIC, (uint32_t)status, t->h.seq,
                          reason ? strlen(reason) : 0, xml_len};
    if (fp_fd_write_all(fd, &h, sizeof h) != 0 ||
        (h.reason_len && fp_fd_write_all(fd, reason, (size_t)h.reason_len) != 0) ||
        (xml_len && fp_fd_write_all(fd, xml, xml_len) != 0))
        return -1;
    return 0;
}

/* Runs one document with a fresh writer on a memory stream; the bytes
 * after the writer's preamble are exactly this <document>. */
static int run_task(fp_engine *e, const task *t, int result_fd)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *mem = open_memstream(&buf, &size);
    fp_error err = {{0}};
    char why[1024] = "";
    fp_xml_out *w = mem ? fp_xml_out_new(mem, &err) : NULL;
    int rc = -1;
    size_t mark = 0;
    if (w && fp_xml_out_begin(w, &err) == 0 && fflush(mem) == 0) {
        mark = size;
        fp_engine_record record = {t->url[0] ? t->url : NULL, t->date[0] ? t->date : NULL};
        if (t->h.payload_is_path)
            rc = fp_engine_process_file(e, (const char *)t->payload, t->source, w, why,
                                        sizeof why, &err);
        else
            rc = fp_engine_process_bytes(e, t->payload, (size_t)t->h.payload_len, t->source,
                                         t->hint[0] ? t->hint : NULL,
                                         record.url || record.record_date ? &record : NULL, w,
                                         why, sizeof why, &err);
    }
    if (mem && fflush(mem) != 0)
        rc = -1;
    int sent;
    if (rc < 0) /* no XML: the supervisor writes the error document */
        sent = send_result(result_fd, t, FP_POOL_FAILED,
                           err.message[0] ? err.message : "out of memory", NULL, 0);
    else
        sent = send_result(result_fd, t, rc == 0 ? FP_POOL_OK : FP_POOL_FAILED,
                           rc ? why : NULL, buf + mark, size - mark);
    fp_xml_out_free(w);
    if (mem)
        fclose(mem);
    free(buf);
    return sent;
}

void fp_worker_loop(fp_engine *e, int task_fd, int result_fd, double timeout_seconds)
{
    task t;
    while (read_task(task_fd, &t) == 0) {
        limit_cpu_for_next_document(timeout_seconds);
        int sent = run_task(e, &t, result_fd);
        task_free(&t);
        if (sent != 0)
            return;
    }
}
