/* The core's side of the host table: one fp_host_call per plugin call,
 * collecting what the plugin emits into a fact list after checking it,
 * and handing out the document's shared text analysis. */
#ifndef FP_HOST_IMPL_H
#define FP_HOST_IMPL_H

#include "../analysis/fp_analysis.h"
#include "../common/fp_facts.h"

#include <factpipe/plugin.h>

/* Where plugin log lines go (set by the program; the library never
 * prints).  level is an fp_log_level. */
typedef void (*fp_log_fn)(void *user, int level, const char *message);

typedef struct fp_host_call {
    fp_host host;               /* handed to the plugin; host.ctx = this */
    const char *instance;       /* plugin name, for messages */
    const char *kind;           /* the plugin's declared kind */
    const char *text;           /* document text (NULL during create) */
    size_t text_len;
    fp_fact_list *facts;        /* where emitted facts go (NULL in create) */
    fp_analysis_slot *analysis; /* the document's shared analysis, made on
                                   the first request of any of its plugins
                                   (NULL in create) */
    int plugin;                 /* index of the plugin in the engine */
    int priority;
    fp_log_fn log;
    void *log_user;
    char error[512];            /* last message given with host->error */
    size_t rejected;            /* facts refused by emit */
} fp_host_call;

void fp_host_call_init(fp_host_call *call, const char *instance, const char *kind,
                       fp_log_fn log, void *log_user);

#endif
