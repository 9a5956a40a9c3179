/* The host table plugins call back into.  emit() is the single gate every
 * fact passes: whatever a plugin hands over is checked and copied here. */
#include "fp_host_impl.h"

#include "../output/fp_xml.h"

#include <stdio.h>
#include <string.h>

/* Fact kinds follow the same spelling as attribute names. */
static int is_lower_name(const char *name)
{
    if (!name || !(*name >= 'a' && *name <= 'z'))
        return 0;
    for (const char *p = name; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
            return 0;
    return 1;
}

/* Strict UTF-8: no overlongs, surrogates or code points past U+10FFFF. */
static int utf8_valid(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned c = *p;
        size_t n;
        unsigned cp;
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
            return 0;
        }
        for (size_t i = 1; i <= n; i++) {
            if ((p[i] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
            return 0;
        p += n + 1;
    }
    return 1;
}

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

/* The writer's own name checks, so that whatever emit accepts can be
 * written as schema-valid XML. */
static int attrs_ok(const fp_attr *a, size_t n, int (*name_ok)(const char *, fp_error *))
{
    if (n && !a)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (name_ok(a[i].name, NULL) != 0 || !a[i].value || !utf8_valid(a[i].value))
            return 0;
    return 1;
}

static int host_emit(void *ctx, const fp_fact *f)
{
    fp_host_call *call = ctx;
    char why[256];
    if (!call->facts)
        return refuse(call, "emit() called outside extract(); fact ignored");
    if (!f || f->struct_size < offsetof(fp_fact, n_children) + sizeof f->n_children)
        return refuse(call, "emit() got a NULL or truncated fp_fact; fact ignored");
    if (f->start >= f->end || f->end > call->text_len) {
        snprintf(why, sizeof why, "emit(): span %zu..%zu is not inside the text (%zu bytes); "
                 "fact ignored", f->start, f->end, call->text_len);
        return refuse(call, why);
    }
    if (((unsigned char)call->text[f->start] & 0xC0) == 0x80 ||
        (f->end < call->text_len && ((unsigned char)call->text[f->end] & 0xC0) == 0x80)) {
        snprintf(why, sizeof why, "emit(): span %zu..%zu cuts a UTF-8 character in two; "
                 "fact ignored", f->start, f->end);
        return refuse(call, why);
    }
    if (!f->value || !*f->value || !utf8_valid(f->value))
        return refuse(call, "emit(): value is empty or not valid UTF-8; fact ignored");
    const char *kind = f->kind ? f->kind : call->kind;
    if (!is_lower_name(kind))
        return refuse(call, "emit(): kind is not a name in [a-z][a-z0-9-]*; fact ignored");
    if (!attrs_ok(f->attrs, f->n_attrs, fp_xml_check_attr_name) ||
        !attrs_ok(f->children, f->n_children, fp_xml_check_child_name))
        return refuse(call, "emit(): an attribute or child has a reserved or invalid name "
                      "(use [a-z][a-z0-9-]*) or a value that is not UTF-8; fact ignored");
    if (fp_fact_list_add(call->facts, kind, f, call->plugin, call->priority) != 0)
        return refuse(call, "emit(): out of memory; fact lost");
    return FP_OK;
}

void fp_host_call_init(fp_host_call *call, const char *instance, const char *kind,
                       fp_log_fn log, void *log_user)
{
    memset(call, 0, sizeof *call);
    call->host.struct_size = sizeof call->host;
    call->host.abi_major = FP_ABI_MAJOR;
    call->host.abi_minor = FP_ABI_MINOR;
    call->host.ctx = call;
    call->host.emit = host_emit;
    call->host.log = host_log;
    call->host.error = host_error;
    call->instance = instance;
    call->kind = kind;
    call->log = log;
    call->log_user = log_user;
}
