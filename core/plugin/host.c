/* The host table plugins call back into.  emit() is the single gate every
 * fact passes: whatever a plugin hands over is checked (by the rules of
 * <factpipe/fact_check.h>, which check-plugin and the fake host share)
 * and copied here. */
#include "fp_host_impl.h"

#include <factpipe/fact_check.h>
#include <stdio.h>
#include <string.h>

static void host_log(void *ctx, fp_log_level level, const char *message)
{
    fp_host_call *call = ctx;
    if (!call->log)
        return;
    char line[768];
    snprintf(line, sizeof line, "[%s] %s", call->instance, message ? message : "");
    call->log(call->log_user, (int)level, line);
}

static void host_error(void *ctx, const char *message)
{
    fp_host_call *call = ctx;
    snprintf(call->error, sizeof call->error, "%s", message ? message : "unspecified error");
}

static int refuse(fp_host_call *call, const char *why)
{
    call->rejected++;
    if (call->rejected <= 3) /* a broken plugin must not flood the log */
        host_log(call, FP_LOG_WARNING, why);
    return FP_ERROR;
}

static int host_emit(void *ctx, const fp_fact *f)
{
    fp_host_call *call = ctx;
    char why[256], line[320];
    if (!call->facts)
        return refuse(call, "emit() called outside extract(); fact ignored");
    if (fp_check_fact(f, call->text, call->text_len, why, sizeof why) != 0) {
        snprintf(line, sizeof line, "emit(): %s; fact ignored", why);
        return refuse(call, line);
    }
    const char *kind = f->kind ? f->kind : call->kind;
    if (fp_fact_list_add(call->facts, kind, f, call->plugin, call->priority) != 0)
        return refuse(call, "emit(): out of memory; fact lost");
    return FP_OK;
}

/* The document's analysis, shared by its plugins (fp_analysis_slot). */
static const fp_analysis *host_analysis(void *ctx)
{
    fp_host_call *call = ctx;
    char why[300];
    const fp_analysis *a = NULL;
    if (!call->analysis)
        snprintf(why, sizeof why, "the text analysis is there only during extract()");
    else
        a = fp_analysis_slot_get(call->analysis, why, sizeof why);
    if (!a)
        host_error(call, why);
    return a;
}

void fp_host_call_init(fp_host_call *call, const char *instance, const char *kind,
                       fp_log_fn log, void *log_user)
{
    memset(call, 0, sizeof *call);
    call->host = (fp_host){sizeof call->host, FP_ABI_MAJOR, FP_ABI_MINOR, call,
                           host_emit, host_log, host_error, host_analysis};
    call->instance = instance;
    call->kind = kind;
    call->log = log;
    call->log_user = log_user;
}
