/* The worker pool (batch_pool.c: the supervisor's side; batch_worker.c:
 * the worker's): pre-forked processes that run documents through the
 * engine and render them in the run's output format. */
#ifndef FP_BATCH_POOL_H
#define FP_BATCH_POOL_H

#include "../engine/fp_engine.h"
#include "../output/fp_output_format.h"
#include "batch_doc.h"

typedef enum fp_pool_status {
    FP_POOL_OK = 0,
    FP_POOL_FAILED = 1,  /* the engine failed the document: rendered as such */
    FP_POOL_CRASHED = 2, /* the worker died or ran over time: nothing rendered */
} fp_pool_status;

typedef struct fp_pool_result {
    size_t seq;
    fp_pool_status status;
    char *reason;   /* failure or crash reason, malloc'ed, or NULL */
    char *bytes;    /* the document rendered by the format, malloc'ed */
    size_t len;
    char *tally;    /* its facts per kind: "KIND COUNT\n" lines, or NULL */
    uint64_t *stage_ns; /* its time per stage (fp_engine_stage_ns), or NULL */
    size_t n_stages;
} fp_pool_result;

void fp_pool_result_free(fp_pool_result *r);

typedef struct fp_pool fp_pool;

/* Starts jobs workers and waits until each has created its plugin
 * instances.  NULL with err set when a worker cannot be started, or when a
 * plugin cannot start (*plugin_failed set; err names the plugin and why:
 * its error, or how it crashed or exited in create()). */
fp_pool *fp_pool_new(fp_engine *e, const fp_output_format *format, unsigned jobs,
                     double timeout_seconds, int *plugin_failed, fp_error *err);
/* Places for a document: each started worker takes up to four (the one
 * it works on and the next ones), and a successor due to start (for a worker that
 * took its thousandth) one.  Busy: workers that hold a document, are
 * starting, or are due to be replaced. */
unsigned fp_pool_idle(const fp_pool *p);
unsigned fp_pool_busy(const fp_pool *p);
/* After fp_pool_wait failed: whether a new worker's plugins could not
 * start (the run stops as for a pipeline error). */
int fp_pool_plugin_failed(const fp_pool *p);
/* Whether the supervisor may nap while every worker's queue is full
 * (default: yes).  Worth it when the supervisor has little to do per
 * result; not when it writes each document's file itself. */
void fp_pool_nap_when_full(fp_pool *p, int allowed);
/* Hands d (kept by the caller until its result) to an idle worker. */
int fp_pool_submit(fp_pool *p, const fp_batch_doc *d, fp_error *err);
/* Waits up to timeout_ms for results; calls on_result for each (the
 * callback owns the result's strings).  A worker that ends — also when a
 * process it forked keeps its pipe open — has its whole process group
 * killed, and its document comes back FP_POOL_CRASHED.  Returns how many
 * arrived, or -1 when a worker cannot be started (err says why). */
int fp_pool_wait(fp_pool *p, int timeout_ms,
                 void (*on_result)(void *user, fp_pool_result *r), void *user, fp_error *err);
void fp_pool_free(fp_pool *p);

/* The worker side: creates the plugin instances (saying so on result_fd,
 * see fp_start_header), then reads tasks from task_fd and writes results
 * to result_fd; returns when the task pipe closes or the plugins could not
 * start. */
void fp_worker_main(fp_engine *e, const fp_output_format *format, int task_fd, int result_fd,
                    double timeout_seconds);

#endif
