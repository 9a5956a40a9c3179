/* check-plugin's checks, run in this process: load, describe, create, run
 * on the sample text once and from two threads, on an empty document and
 * on a long block, compare, verdict.  See fp_check.h. */
#include "check_host.h"
#include "check_doc.h"
#include "fp_check.h"

#include "../pipeline/fp_pipeline.h"
#include "../plugin/fp_loader.h"
#include "../engine/fp_engine.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* What one run of extract() gave. */
typedef struct run_result {
    fp_check_host host;
    int rc;
    double ms;
} run_result;

typedef struct instance {
    const fp_plugin_desc *desc;
    void *state;
} instance;

typedef struct thread_job {
    const instance *plugin;
    const check_doc *doc;
    run_result *result;
} thread_job;

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static void run_extract(const instance *p, const check_doc *doc,
                        run_result *r)
{
    fp_check_host_init(&r->host, p->desc, &doc->doc);
    double start = now_ms();
    r->rc = p->desc->extract(p->state, &doc->doc, &r->host.host);
    r->ms = now_ms() - start;
}

static void *thread_main(void *arg)
{
    thread_job *job = arg;
    run_extract(job->plugin, job->doc, job->result);
    return NULL;
}

static void print_descriptor(FILE *out, const fp_plugin_handle *h)
{
    const fp_plugin_desc *d = h->desc;
    fprintf(out, "plugin:  %s %s (ABI %u.%u), kind %s\n  %s\n  %s\n",
            d->name, d->version, d->abi_major, d->abi_minor, d->kind,
            d->description ? d->description : "(no description)", h->path);
    fprintf(out, "options:%s\n", d->n_options ? "" : " none");
    for (size_t k = 0; k < d->n_options; k++) {
        const fp_option *o = &d->options[k];
        fprintf(out, "  %-16s %-6s default %-8s %s\n", o->name,
                fp_option_type_name(o->type),
                o->default_value ? o->default_value : "(none)",
                o->description ? o->description : "");
    }
}

static void print_fact(FILE *out, const check_doc *doc, const fp_fact_rec *f)
{
    fprintf(out, "    %s \"%s\" bytes %zu..%zu \"%.*s\"", f->kind, f->value,
            f->start, f->end, (int)(f->end - f->start),
            doc->doc.text + f->start);
    for (size_t i = 0; i < f->n_attrs; i++)
        fprintf(out, " %s=\"%s\"", f->attrs[i].name, f->attrs[i].value);
    for (size_t i = 0; i < f->n_children; i++)
        fprintf(out, " <%s>%s", f->children[i].name, f->children[i].value);
    fputc('\n', out);
}

static int same_attrs(const fp_attr *a, const fp_attr *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(a[i].name, b[i].name) || strcmp(a[i].value, b[i].value))
            return 0;
    return 1;
}

/* 0 when both lists hold the same facts in the same order, else the
 * 1-based number of the first that differs. */
static size_t first_difference(const fp_fact_list *a, const fp_fact_list *b)
{
    size_t n = a->n < b->n ? a->n : b->n;
    for (size_t i = 0; i < n; i++) {
        const fp_fact_rec *x = &a->items[i], *y = &b->items[i];
        if (x->start != y->start || x->end != y->end ||
            strcmp(x->kind, y->kind) || strcmp(x->value, y->value) ||
            x->n_attrs != y->n_attrs || x->n_children != y->n_children ||
            !same_attrs(x->attrs, y->attrs, x->n_attrs) ||
            !same_attrs(x->children, y->children, x->n_children))
            return i + 1;
    }
    return a->n == b->n ? 0 : n + 1;
}

/* Moves the problems of a run into the verdict, labelled with what ran. */
static void collect(fp_check_host *verdict, const run_result *r,
                    const char *what)
{
    size_t kept = r->host.n_problems < FP_CHECK_MAX_PROBLEMS
                      ? r->host.n_problems : FP_CHECK_MAX_PROBLEMS;
    for (size_t i = 0; i < kept; i++)
        fp_check_host_problem(verdict, "%s: %s", what, r->host.problems[i]);
    if (r->host.n_problems > kept)
        fp_check_host_problem(verdict, "%s: %zu more problems", what,
                              r->host.n_problems - kept);
    if (r->rc != FP_OK && !r->host.error[0])
        fp_check_host_problem(verdict, "%s: extract() returned FP_ERROR "
                              "without saying why (call fp_errorf first)",
                              what);
}

/* label: "" for the built-in sample, else " (NAME)" for the author's. */
static void check_threads(FILE *out, const instance *p, const check_doc *doc,
                          const run_result *single, fp_check_host *verdict,
                          const char *label)
{
    run_result results[2];
    thread_job jobs[2] = {{p, doc, &results[0]}, {p, doc, &results[1]}};
    pthread_t threads[2];
    int started[2] = {0, 0};
    for (int t = 0; t < 2; t++)
        started[t] = pthread_create(&threads[t], NULL, thread_main,
                                    &jobs[t]) == 0;
    for (int t = 0; t < 2; t++) {
        if (!started[t])
            run_extract(p, doc, &results[t]); /* still compare the facts */
        else
            pthread_join(threads[t], NULL);
    }
    int same = 1;
    for (int t = 0; t < 2; t++) {
        char what[600];
        snprintf(what, sizeof what, "thread %d%s", t + 1, label);
        collect(verdict, &results[t], what);
        size_t diff = first_difference(&single->host.facts,
                                       &results[t].host.facts);
        if (diff || results[t].rc != single->rc) {
            same = 0;
            fp_check_host_problem(verdict, "%s gave other results than the "
                                  "single run (%zu facts against %zu; first "
                                  "difference at fact %zu): is the instance "
                                  "written to during extract()?", what,
                                  results[t].host.facts.n,
                                  single->host.facts.n, diff);
        }
    }
    fprintf(out, "threads%s: two at once on one instance: %s (%.1f ms, "
            "%.1f ms)\n", label, same ? "same facts as the single run" : "DIFFERENT",
            results[0].ms, results[1].ms);
    fp_check_host_free(&results[0].host);
    fp_check_host_free(&results[1].host);
}

/* The author's sample (--sample): run once and from two threads, every
 * fact listed, and the number of facts checked: none at all means the
 * plugin's matching never ran, so the other checks proved little. */
static void check_author_sample(FILE *out, const instance *p, const fp_check_options *o,
                                fp_check_host *verdict)
{
    check_doc doc;
    fp_error err = {{0}};
    if (check_doc_file(&doc, o->sample_path, &err) != 0) {
        fp_check_host_problem(verdict, "--sample: %s", err.message);
        return;
    }
    run_result single;
    run_extract(p, &doc, &single);
    char what[600];
    snprintf(what, sizeof what, "sample %s", o->sample_path);
    collect(verdict, &single, what);
    size_t n = single.host.facts.n;
    fprintf(out, "sample %s: %zu lines, %zu bytes: %s, %zu fact%s in %.1f ms\n", o->sample_path,
            doc.doc.n_blocks, doc.doc.text_len, single.rc == FP_OK ? "ok" : single.host.error,
            n, n == 1 ? "" : "s", single.ms);
    for (size_t i = 0; i < n; i++)
        print_fact(out, &doc, &single.host.facts.items[i]);
    char label[600];
    snprintf(label, sizeof label, " (%s)", o->sample_path);
    check_threads(out, p, &doc, &single, verdict, label);
    if (o->expect_facts < 0 && n == 0)
        fp_check_host_problem(verdict, "%s: no fact found in your sample, so the plugin's "
                              "matching never ran and the checks prove little; put in the "
                              "sample what the plugin finds (or give --expect 0 if it must "
                              "find nothing there)", o->sample_path);
    else if (o->expect_facts >= 0 && n != (size_t)o->expect_facts)
        fp_check_host_problem(verdict, "%s: %zu fact%s found, --expect says %ld",
                              o->sample_path, n, n == 1 ? "" : "s", o->expect_facts);
    fp_check_host_free(&single.host);
    check_doc_free(&doc);
}

static void check_documents(FILE *out, const instance *p, const fp_check_options *o,
                            fp_check_host *verdict)
{
    int verbose = o->verbose;
    check_doc sample, empty, long_block;
    if (check_doc_sample(&sample) != 0 || check_doc_empty(&empty) != 0 ||
        check_doc_long(&long_block) != 0) {
        fp_check_host_problem(verdict, "out of memory building documents");
        check_doc_free(&sample), check_doc_free(&empty);
        check_doc_free(&long_block);
        return;
    }
    run_result single;
    run_extract(p, &sample, &single);
    collect(verdict, &single, "sample text");
    fprintf(out, "sample:  %zu lines, %zu bytes: %s, %zu facts (%zu emitted) "
            "in %.1f ms\n", sample.doc.n_blocks, sample.doc.text_len,
            single.rc == FP_OK ? "ok" : single.host.error,
            single.host.facts.n, single.host.n_emits, single.ms);
    for (size_t i = 0; verbose && i < single.host.facts.n; i++)
        print_fact(out, &sample, &single.host.facts.items[i]);
    const fp_analysis_slot *analysis = &single.host.analysis;
    if (analysis->state == 1)
        fprintf(out, "analysis: asked %zu time%s, made once: %zu words, %zu sentences\n",
                analysis->requests, analysis->requests == 1 ? "" : "s",
                analysis->analysis.view.n_words, analysis->analysis.view.n_sentences);
    check_threads(out, p, &sample, &single, verdict, "");

    run_result r;
    run_extract(p, &empty, &r);
    collect(verdict, &r, "empty document");
    fprintf(out, "empty:   %s\n", r.rc == FP_OK ? "ok" : r.host.error);
    fp_check_host_free(&r.host);

    run_extract(p, &long_block, &r);
    collect(verdict, &r, "long block");
    fprintf(out, "long:    one %zu-byte block: %s, %zu facts in %.1f ms\n",
            long_block.doc.text_len,
            r.rc == FP_OK ? "ok" : r.host.error, r.host.facts.n, r.ms);
    fp_check_host_free(&r.host);
    fp_check_host_free(&single.host);
    check_doc_free(&sample), check_doc_free(&empty);
    check_doc_free(&long_block);
    if (o->sample_path)
        check_author_sample(out, p, o, verdict);
}

/* Options from the pipeline's [plugin NAME] section, or the defaults,
 * with relative paths looked up as the engine does: the plugin's own data
 * folders (NAME/ next to the file checked, then the installed one), then
 * factpipe's data folder. */
static int resolve_options(const fp_check_options *o, const fp_plugin_handle *h,
                           fp_option_value **values, fp_error *err)
{
    const fp_plugin_desc *d = h->desc;
    fp_pipeline defaults = {0};
    fp_pipeline *p = &defaults;
    defaults.path = (char *)"(plugin defaults)";
    defaults.defaults_dir = (char *)fp_default_config_dir();
    if (o->pipeline_path) {
        if (!(p = fp_pipeline_load_installed(o->pipeline_path, err)))
            return -1;
    }
    char data_dirs[FP_PLUGIN_DATA_DIRS][4096];
    const char *dirs[FP_PLUGIN_DATA_DIRS];
    size_t n_dirs = fp_plugin_data_dirs(h->path, d->name, data_dirs);
    for (size_t i = 0; i < n_dirs; i++)
        dirs[i] = data_dirs[i];
    int rc = fp_pipeline_resolve_plugin_options(p, fp_pipeline_find_plugin(p, d->name), d,
                                                dirs, n_dirs, values, err);
    if (p != &defaults)
        fp_pipeline_free(p);
    return rc;
}

static int verdict_of(FILE *out, const fp_plugin_desc *d, fp_check_host *v)
{
    size_t kept = v->n_problems < FP_CHECK_MAX_PROBLEMS ? v->n_problems
                                                        : FP_CHECK_MAX_PROBLEMS;
    if (v->n_problems == 0) {
        fprintf(out, "PASS %s\n", d->name);
        return 0;
    }
    fprintf(out, "FAIL %s: %zu problem%s\n", d->name, v->n_problems,
            v->n_problems == 1 ? "" : "s");
    for (size_t i = 0; i < kept; i++)
        fprintf(out, "  - %s\n", v->problems[i]);
    return 1;
}

int fp_check_plugin(const char *path, const fp_check_options *o, FILE *out)
{
    fp_error err = {{0}};
    fp_plugin_handle handle;
    if (fp_plugin_open(path, &handle, &err) != 0) {
        fprintf(out, "FAIL %s: %s\n", path, err.message);
        return 1;
    }
    const fp_plugin_desc *d = handle.desc;
    print_descriptor(out, &handle);

    fp_option_value *values = NULL;
    fp_check_host verdict;
    fp_check_host_init(&verdict, d, NULL);
    if (resolve_options(o, &handle, &values, &err) != 0) {
        fp_check_host_problem(&verdict, "options: %s", err.message);
    } else {
        fp_config config = {sizeof config, values, d->n_options, d->name};
        instance plugin = {d, NULL};
        double start = now_ms();
        int rc = d->create(&config, &verdict.host, &plugin.state);
        fprintf(out, "create:  %s (%.1f ms)\n", rc == FP_OK ? "ok"
                : verdict.error[0] ? verdict.error : "failed", now_ms() - start);
        if (rc != FP_OK)
            fp_check_host_problem(&verdict, "create() failed: %s",
                                  verdict.error[0] ? verdict.error
                                                   : "no reason given");
        else
            check_documents(out, &plugin, o, &verdict);
        if (rc == FP_OK)
            d->destroy(plugin.state);
    }
    int status = verdict_of(out, d, &verdict);
    fp_check_host_free(&verdict);
    fp_option_values_free(values, d->n_options);
    fp_plugin_close(&handle);
    return status;
}
