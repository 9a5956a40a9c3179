/*
 * fake_host.c — the host table: emit() checks and records facts, log() and
 * error() record the last message.  See fake_host.h.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* strdup */
#endif

#include "fake_host.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The core writes these itself; a plugin may not use them (plugin.h). */
static const char *const reserved_names[] = {
    "kind", "value", "start", "end", "text", "plugin", "zone",
    "src-start", "src-end"};

/* Strict UTF-8: no overlong forms, no surrogates, nothing past U+10FFFF. */
static bool is_valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p != 0) {
        unsigned char c = *p;
        size_t n;
        uint32_t cp;
        if (c < 0x80) {
            p++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        for (size_t i = 1; i <= n; i++) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        bool overlong = (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000);
        bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
        if (overlong || surrogate || cp > 0x10FFFF)
            return false;
        p += n + 1;
    }
    return true;
}

static bool is_continuation_byte(char c)
{
    return ((unsigned char)c & 0xC0) == 0x80;
}

/* [a-z][a-z0-9-]* and not one of the core's own names. */
static bool is_allowed_name(const char *name)
{
    if (name == NULL || name[0] < 'a' || name[0] > 'z')
        return false;
    for (const char *p = name; *p != '\0'; p++) {
        bool ok = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
                  *p == '-';
        if (!ok)
            return false;
    }
    for (size_t i = 0; i < sizeof reserved_names / sizeof *reserved_names;
         i++)
        if (strcmp(name, reserved_names[i]) == 0)
            return false;
    return true;
}

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

/* Checks a list of attributes or children; returns NULL or the reason. */
static const char *attr_list_problem(const fp_attr *list, size_t n)
{
    if (n > 0 && list == NULL)
        return "attribute count without attributes";
    for (size_t i = 0; i < n; i++) {
        if (!is_allowed_name(list[i].name))
            return "attribute name malformed or reserved";
        if (list[i].value == NULL || !is_valid_utf8(list[i].value))
            return "attribute value missing or not valid UTF-8";
    }
    return NULL;
}

/* Returns NULL when the core would accept the fact, else the reason. */
static const char *fact_problem(const fp_document *doc, const fp_fact *fact)
{
    if (doc == NULL)
        return "emit called outside extract";
    if (fact == NULL)
        return "NULL fact";
    if (fact->struct_size < sizeof(fp_fact))
        return "fact struct_size smaller than this ABI's fp_fact";
    if (fact->start >= fact->end)
        return "span start not before span end";
    if (fact->end > doc->text_len)
        return "span ends past the text";
    if (is_continuation_byte(doc->text[fact->start]) ||
        (fact->end < doc->text_len && is_continuation_byte(doc->text[fact->end])))
        return "span cuts a UTF-8 character";
    if (fact->value == NULL || fact->value[0] == '\0')
        return "empty value";
    if (!is_valid_utf8(fact->value))
        return "value is not valid UTF-8";
    if (fact->kind != NULL &&
        (fact->kind[0] == '\0' || !is_valid_utf8(fact->kind)))
        return "kind empty or not valid UTF-8";
    const char *problem = attr_list_problem(fact->attrs, fact->n_attrs);
    if (problem != NULL)
        return problem;
    return attr_list_problem(fact->children, fact->n_children);
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
    const char *problem = fact_problem(fake->doc, fact);
    if (problem != NULL)
        return reject(fake, problem);

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
    free(fake->facts);
    fake->facts = NULL;
    fake->facts_capacity = 0;
}
