/* The checking host: see check_host.h.  Every reason names the fact by its
 * emission number, so a plugin author can find it. */
#include "check_host.h"

#include <factpipe/fact_check.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static void add_problem(fp_check_host *h, const char *message)
{
    if (h->n_problems < FP_CHECK_MAX_PROBLEMS)
        snprintf(h->problems[h->n_problems], FP_CHECK_MESSAGE, "%s", message);
    h->n_problems++;
}

void fp_check_host_problem(fp_check_host *h, const char *fmt, ...)
{
    char message[FP_CHECK_MESSAGE];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    add_problem(h, message);
}

/* The shared rules, then check-plugin's own: a plugin emits the kind it
 * declares (the one --list-plugins shows).  Returns the number of
 * problems found in f. */
static size_t check_fact(fp_check_host *h, const fp_fact *f, size_t no)
{
    char why[FP_CHECK_MESSAGE - 32];
    if (!h->doc) {
        fp_check_host_problem(h, "fact %zu: emit() called during create()", no);
        return 1;
    }
    if (fp_check_fact(f, h->doc->text, h->doc->text_len, why, sizeof why) != 0) {
        fp_check_host_problem(h, "fact %zu: %s", no, why);
        return 1;
    }
    if (f->kind && strcmp(f->kind, h->desc->kind) != 0) {
        fp_check_host_problem(h, "fact %zu: kind '%s' is not the declared kind '%s'", no,
                              f->kind, h->desc->kind);
        return 1;
    }
    return 0;
}

static int check_emit(void *ctx, const fp_fact *f)
{
    fp_check_host *h = ctx;
    size_t no = ++h->n_emits;
    if (check_fact(h, f, no) != 0)
        return FP_ERROR;
    h->core_said[0] = '\0';
    if (h->core.host.emit(h->core.host.ctx, f) != FP_OK) {
        fp_check_host_problem(h, "fact %zu: the core refused it: %s", no,
                              h->core_said[0] ? h->core_said : "no reason");
        return FP_ERROR;
    }
    return FP_OK;
}

static void check_log(void *ctx, fp_log_level level, const char *message)
{
    (void)ctx, (void)level, (void)message; /* plugins may log freely */
}

static void check_error(void *ctx, const char *message)
{
    fp_check_host *h = ctx;
    snprintf(h->error, sizeof h->error, "%s", message ? message : "");
}

/* The core's emit logs why it refuses a fact; keep the line. */
static void core_log(void *user, int level, const char *message)
{
    fp_check_host *h = user;
    (void)level;
    snprintf(h->core_said, sizeof h->core_said, "%s", message);
}

/* Each run has its own analysis of its document: as in the core, made at
 * the first request. */
static const fp_analysis *check_analysis(void *ctx)
{
    fp_check_host *h = ctx;
    char why[300];
    const fp_analysis *a = fp_analysis_slot_get(&h->analysis, why, sizeof why);
    if (!a) {
        check_error(h, why);
        fp_check_host_problem(h, "host->analysis(): %s", why);
    }
    return a;
}

void fp_check_host_init(fp_check_host *h, const fp_plugin_desc *desc,
                        const fp_document *doc)
{
    memset(h, 0, sizeof *h);
    h->host = (fp_host){sizeof h->host, FP_ABI_MAJOR, FP_ABI_MINOR, h,
                        check_emit, check_log, check_error, check_analysis};
    h->desc = desc;
    h->doc = doc;
    fp_analysis_slot_init(&h->analysis, doc);
    fp_host_call_init(&h->core, desc->name, desc->kind, core_log, h);
    if (doc) {
        h->core.text = doc->text;
        h->core.text_len = doc->text_len;
        h->core.facts = &h->facts;
    }
}

void fp_check_host_free(fp_check_host *h)
{
    fp_fact_list_free(&h->facts);
    fp_analysis_slot_free(&h->analysis);
}
