/*
 * fake_host.c — the host table: emit() checks and records facts, log() and
 * error() record the last message.  See fake_host.h.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* strdup */
#endif

#include "fake_host.h"

#include <factpipe/fact_check.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void copy_message(char *dest, const char *message)
{
    snprintf(dest, FP_FAKE_MESSAGE_MAX, "%s",
             message != NULL ? message : "(null)");
}

static int reject(fp_fake_host *fake, const char *why)
{
    fake->n_rejected++;
    copy_message(fake->last_rejection, why);
    return FP_ERROR;
}

static void free_attrs(fp_fake_attr *attrs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(attrs[i].name);
        free(attrs[i].value);
    }
    free(attrs);
}

static void free_fact(fp_fake_fact *fact)
{
    free(fact->kind);
    free(fact->value);
    free(fact->surface);
    free_attrs(fact->attrs, fact->n_attrs);
    free_attrs(fact->children, fact->n_children);
}

static bool copy_attrs(const fp_attr *from, size_t n, fp_fake_attr **to)
{
    *to = NULL;
    if (n == 0)
        return true;
    *to = calloc(n, sizeof **to);
    if (*to == NULL)
        return false;
    for (size_t i = 0; i < n; i++) {
        (*to)[i].name = strdup(from[i].name);
        (*to)[i].value = strdup(from[i].value);
        if ((*to)[i].name == NULL || (*to)[i].value == NULL)
            return false;
    }
    return true;
}

/* Deep-copies fact into copy; on failure copy holds what was made. */
static bool copy_fact(const fp_document *doc, const fp_fact *fact,
                      fp_fake_fact *copy)
{
    size_t span_len = fact->end - fact->start;
    copy->start = fact->start;
    copy->end = fact->end;
    copy->kind = fact->kind != NULL ? strdup(fact->kind) : NULL;
    copy->value = strdup(fact->value);
    copy->surface = malloc(span_len + 1);
    if ((fact->kind != NULL && copy->kind == NULL) || copy->value == NULL ||
        copy->surface == NULL)
        return false;
    memcpy(copy->surface, doc->text + fact->start, span_len);
    copy->surface[span_len] = '\0';
    copy->n_attrs = fact->n_attrs;
    copy->n_children = fact->n_children;
    return copy_attrs(fact->attrs, fact->n_attrs, &copy->attrs) &&
           copy_attrs(fact->children, fact->n_children, &copy->children);
}

static int fake_emit(void *ctx, const fp_fact *fact)
{
    fp_fake_host *fake = ctx;
    char why[FP_FAKE_MESSAGE_MAX];
    if (fake->doc == NULL)
        return reject(fake, "emit called outside extract");
    /* The core's own rules (fact_check.h ships with this file). */
    if (fp_check_fact(fact, fake->doc->text, fake->doc->text_len, why, sizeof why) != 0)
        return reject(fake, why);

    if (fake->n_facts == fake->facts_capacity) {
        size_t capacity = fake->facts_capacity ? 2 * fake->facts_capacity : 16;
        fp_fake_fact *grown =
            realloc(fake->facts, capacity * sizeof *fake->facts);
        if (grown == NULL)
            return reject(fake, "out of memory");
        fake->facts = grown;
        fake->facts_capacity = capacity;
    }
    fp_fake_fact *copy = &fake->facts[fake->n_facts];
    memset(copy, 0, sizeof *copy);
    if (!copy_fact(fake->doc, fact, copy)) {
        free_fact(copy);
        return reject(fake, "out of memory");
    }
    fake->n_facts++;
    return FP_OK;
}

static void fake_log(void *ctx, fp_log_level level, const char *message)
{
    fp_fake_host *fake = ctx;
    fake->n_logs++;
    fake->last_log_level = level;
    copy_message(fake->last_log, message);
}

static void fake_error(void *ctx, const char *message)
{
    fp_fake_host *fake = ctx;
    fake->n_errors++;
    copy_message(fake->last_error, message);
}

/* The document's analysis, as the core makes it (fp_analysis.c). */
static const fp_analysis *fake_analysis(void *ctx)
{
    fp_fake_host *fake = ctx;
    char why[FP_FAKE_MESSAGE_MAX];
    const fp_analysis *a = fp_analysis_slot_get(&fake->analysis, why, sizeof why);
    if (a == NULL)
        fake_error(fake, why);
    return a;
}

void fp_fake_host_init(fp_fake_host *fake)
{
    memset(fake, 0, sizeof *fake);
    fake->host.struct_size = (uint32_t)sizeof fake->host;
    fake->host.abi_major = FP_ABI_MAJOR;
    fake->host.abi_minor = FP_ABI_MINOR;
    fake->host.ctx = fake;
    fake->host.emit = fake_emit;
    fake->host.log = fake_log;
    fake->host.error = fake_error;
    fake->host.analysis = fake_analysis;
    fp_analysis_slot_init(&fake->analysis, NULL);
}

const fp_host *fp_fake_host_table(const fp_fake_host *fake)
{
    return &fake->host;
}

void fp_fake_host_reset(fp_fake_host *fake)
{
    for (size_t i = 0; i < fake->n_facts; i++)
        free_fact(&fake->facts[i]);
    fake->n_facts = 0;
    fake->n_rejected = 0;
    fake->n_logs = 0;
    fake->n_errors = 0;
    fake->last_rejection[0] = '\0';
    fake->last_log[0] = '\0';
    fake->last_error[0] = '\0';
}

void fp_fake_host_free(fp_fake_host *fake)
{
    if (fake == NULL)
        return;
    fp_fake_host_reset(fake);
    fp_analysis_slot_free(&fake->analysis);
    free(fake->facts);
    fake->facts = NULL;
    fake->facts_capacity = 0;
}
