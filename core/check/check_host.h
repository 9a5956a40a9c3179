/* The host table check-plugin hands a plugin: emit() checks each fact,
 * names every problem it finds, and passes the fact on to the core's own
 * emit() so that the core's verdict is part of the check too. */
#ifndef FP_CHECK_HOST_H
#define FP_CHECK_HOST_H

#include "../common/fp_facts.h"
#include "../plugin/fp_host_impl.h"

#include <factpipe/plugin.h>
#include <stddef.h>

enum { FP_CHECK_MAX_PROBLEMS = 20, FP_CHECK_MESSAGE = 512 };

typedef struct fp_check_host {
    fp_host host;               /* handed to the plugin; host.ctx = this */
    const fp_plugin_desc *desc;
    const fp_document *doc;     /* NULL during create() */
    fp_fact_list facts;         /* what the core accepted */
    fp_host_call core;          /* the core's emit, collecting into facts */
    fp_analysis_slot analysis;  /* the document's, made when asked */
    size_t n_emits;
    size_t n_problems;          /* all of them; the first few are kept */
    char problems[FP_CHECK_MAX_PROBLEMS][FP_CHECK_MESSAGE];
    char error[FP_CHECK_MESSAGE]; /* last host->error() message */
    char core_said[FP_CHECK_MESSAGE]; /* last log line of the core's emit */
} fp_check_host;

/* A host for desc; doc NULL for create(), else the document extract()
 * gets.  Free with fp_check_host_free(). */
void fp_check_host_init(fp_check_host *h, const fp_plugin_desc *desc,
                        const fp_document *doc);
void fp_check_host_free(fp_check_host *h);

/* Records a problem found outside emit() (the caller's own checks). */
void fp_check_host_problem(fp_check_host *h, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
