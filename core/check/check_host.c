/* The checking host: see check_host.h.  Every reason names the fact by its
 * emission number and span, so a plugin author can find it. */
#include "check_host.h"

#include "../output/fp_xml.h"

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

/* Strict UTF-8 (no overlongs, surrogates, or code points past U+10FFFF)
 * over n bytes; 1 when valid. */
static int utf8_valid(const unsigned char *p, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = p[i];
        size_t extra;
        unsigned cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            extra = 1, cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2, cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3, cp = c & 0x07;
        } else {
            return 0;
        }
        if (i + extra >= n) /* truncated at the end */
            return 0;
        for (size_t k = 1; k <= extra; k++) {
            if ((p[i + k] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if ((extra == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
            return 0;
        i += extra + 1;
    }
    return 1;
}

static int is_continuation(const char *text, size_t at)
{
    return ((unsigned char)text[at] & 0xC0) == 0x80;
}

static void check_attrs(fp_check_host *h, const char *what, size_t fact_no,
                        const fp_attr *a, size_t n, int children)
{
    if (n && !a) {
        fp_check_host_problem(h, "fact %zu: %zu %s but a NULL list", fact_no,
                              n, what);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        fp_error err = {{0}};
        int bad = children ? fp_xml_check_child_name(a[i].name, &err)
                           : fp_xml_check_attr_name(a[i].name, &err);
        if (bad)
            fp_check_host_problem(h, "fact %zu: %s name: %s", fact_no, what,
                                  err.message);
        else if (!a[i].value ||
                 !utf8_valid((const unsigned char *)a[i].value,
                             strlen(a[i].value)))
            fp_check_host_problem(h, "fact %zu: %s '%s' has a NULL or "
                                  "invalid UTF-8 value", fact_no, what,
                                  a[i].name);
    }
}

/* Returns the number of problems found in f. */
static size_t check_fact(fp_check_host *h, const fp_fact *f, size_t no)
{
    size_t before = h->n_problems;
    const fp_document *doc = h->doc;
    if (!doc) {
        fp_check_host_problem(h, "fact %zu: emit() called during create()",
                              no);
        return 1;
    }
    if (!f) {
        fp_check_host_problem(h, "fact %zu: emit() got NULL", no);
        return 1;
    }
    if (f->struct_size < offsetof(fp_fact, n_children) + sizeof f->n_children)
        fp_check_host_problem(h, "fact %zu: struct_size %u is smaller than "
                              "an ABI 1.0 fp_fact", no, f->struct_size);
    if (f->start >= f->end || f->end > doc->text_len) {
        fp_check_host_problem(h, "fact %zu: span %zu..%zu is not a "
                              "non-empty range inside the %zu-byte text", no,
                              f->start, f->end, doc->text_len);
    } else if (is_continuation(doc->text, f->start) ||
               is_continuation(doc->text, f->end)) {
        fp_check_host_problem(h, "fact %zu: span %zu..%zu cuts a UTF-8 "
                              "character (offsets are bytes; end at a "
                              "character boundary)", no, f->start, f->end);
    }
    if (!f->value || !*f->value)
        fp_check_host_problem(h, "fact %zu (bytes %zu..%zu): empty or NULL "
                              "value", no, f->start, f->end);
    else if (!utf8_valid((const unsigned char *)f->value, strlen(f->value)))
        fp_check_host_problem(h, "fact %zu (bytes %zu..%zu): value is not "
                              "valid UTF-8", no, f->start, f->end);
    if (f->kind && strcmp(f->kind, h->desc->kind) != 0)
        fp_check_host_problem(h, "fact %zu: kind '%s' is not the declared "
                              "kind '%s'", no, f->kind, h->desc->kind);
    check_attrs(h, "attribute", no, f->attrs, f->n_attrs, 0);
    check_attrs(h, "child", no, f->children, f->n_children, 1);
    return h->n_problems - before;
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

void fp_check_host_init(fp_check_host *h, const fp_plugin_desc *desc,
                        const fp_document *doc)
{
    memset(h, 0, sizeof *h);
    h->host.struct_size = sizeof h->host;
    h->host.abi_major = FP_ABI_MAJOR;
    h->host.abi_minor = FP_ABI_MINOR;
    h->host.ctx = h;
    h->host.emit = check_emit;
    h->host.log = check_log;
    h->host.error = check_error;
    h->desc = desc;
    h->doc = doc;
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
}
