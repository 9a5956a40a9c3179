/* The JSON writer (fp_json.h). */
#include "fp_json.h"
#include "fp_xml.h"

#include <errno.h>
#include <string.h>

static void fail(fp_json *w, const char *what)
{
    if (!w->failure)
        w->failure = what;
}

static void put(fp_json *w, const char *bytes, size_t n)
{
    if (!w->failure && n > 0 && fwrite(bytes, 1, n, w->out) != n) {
        w->write_errno = errno;
        fail(w, "cannot write the JSON output");
    }
}

/* Before any value: the separator it needs, and whether it may come. */
static int value_begins(fp_json *w)
{
    if (w->failure)
        return 0;
    if (w->depth == 0) {
        if (w->done)
            fail(w, "a second JSON value at the top");
        return !w->failure;
    }
    unsigned top = w->depth - 1;
    if (w->is_object[top]) {
        if (!w->key_written)
            fail(w, "a JSON value where a member name is due");
        w->key_written = 0;
        return !w->failure;
    }
    if (w->has_member[top])
        put(w, ",", 1);
    w->has_member[top] = 1;
    return !w->failure;
}

static void value_ends(fp_json *w)
{
    if (w->depth == 0)
        w->done = 1;
}

/* Bytes that need no escape and no check: printable ASCII but '"' and
 * '\\'.  Runs of them are copied with one write. */
static int is_plain(unsigned char c)
{
    return c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
}

static void put_escaped(fp_json *w, uint32_t cp)
{
    char esc[8];
    switch (cp) {
    case '"': put(w, "\\\"", 2); return;
    case '\\': put(w, "\\\\", 2); return;
    case '\n': put(w, "\\n", 2); return;
    case '\r': put(w, "\\r", 2); return;
    case '\t': put(w, "\\t", 2); return;
    default:
        snprintf(esc, sizeof esc, "\\u%04x", (unsigned)cp);
        put(w, esc, 6);
    }
}

static void put_string(fp_json *w, const char *s, size_t len)
{
    put(w, "\"", 1);
    size_t i = 0;
    while (i < len && !w->failure) {
        size_t run = i;
        while (run < len && is_plain((unsigned char)s[run]))
            run++;
        put(w, s + i, run - i);
        i = run;
        if (i == len)
            break;
        uint32_t cp;
        size_t n = fp_xml_sanitize_next(s + i, len - i, &cp);
        if (cp < 0x20 || cp == '"' || cp == '\\' || cp == 0x7F || cp == 0x2028 ||
            cp == 0x2029)
            put_escaped(w, cp);
        else if (cp == 0xFFFD)
            put(w, "\xEF\xBF\xBD", 3); /* the replacement, or itself */
        else
            put(w, s + i, n);
        i += n;
    }
    put(w, "\"", 1);
}

static void open_container(fp_json *w, int is_object)
{
    if (!value_begins(w))
        return;
    if (w->depth == FP_JSON_MAX_DEPTH) {
        fail(w, "JSON nested too deep");
        return;
    }
    w->is_object[w->depth] = (unsigned char)is_object;
    w->has_member[w->depth] = 0;
    w->depth++;
    put(w, is_object ? "{" : "[", 1);
}

static void close_container(fp_json *w, int is_object)
{
    if (w->failure)
        return;
    if (w->depth == 0 || w->is_object[w->depth - 1] != is_object || w->key_written) {
        fail(w, is_object ? "closing a JSON object that is not open or lacks a value"
                          : "closing a JSON array that is not open");
        return;
    }
    w->depth--;
    put(w, is_object ? "}" : "]", 1);
    value_ends(w);
}

void fp_json_init(fp_json *w, FILE *out)
{
    memset(w, 0, sizeof *w);
    w->out = out;
}

void fp_json_object_begin(fp_json *w) { open_container(w, 1); }
void fp_json_object_end(fp_json *w) { close_container(w, 1); }
void fp_json_array_begin(fp_json *w) { open_container(w, 0); }
void fp_json_array_end(fp_json *w) { close_container(w, 0); }

void fp_json_key(fp_json *w, const char *key)
{
    if (w->failure)
        return;
    if (w->depth == 0 || !w->is_object[w->depth - 1] || w->key_written || !key) {
        fail(w, "a JSON member name outside an object or where a value is due");
        return;
    }
    unsigned top = w->depth - 1;
    if (w->has_member[top])
        put(w, ",", 1);
    w->has_member[top] = 1;
    put_string(w, key, strlen(key));
    put(w, ":", 1);
    w->key_written = 1;
}

void fp_json_string_len(fp_json *w, const char *s, size_t len)
{
    if (!value_begins(w))
        return;
    put_string(w, s, len);
    value_ends(w);
}

void fp_json_string(fp_json *w, const char *s)
{
    if (!s)
        fp_json_null(w);
    else
        fp_json_string_len(w, s, strlen(s));
}

void fp_json_uint(fp_json *w, uint64_t v)
{
    if (!value_begins(w))
        return;
    char digits[24];
    int n = snprintf(digits, sizeof digits, "%llu", (unsigned long long)v);
    put(w, digits, (size_t)n);
    value_ends(w);
}

void fp_json_bool(fp_json *w, int v)
{
    if (!value_begins(w))
        return;
    put(w, v ? "true" : "false", v ? 4 : 5);
    value_ends(w);
}

void fp_json_null(fp_json *w)
{
    if (!value_begins(w))
        return;
    put(w, "null", 4);
    value_ends(w);
}

void fp_json_member_string(fp_json *w, const char *key, const char *s)
{
    fp_json_key(w, key);
    fp_json_string(w, s);
}

void fp_json_member_uint(fp_json *w, const char *key, uint64_t v)
{
    fp_json_key(w, key);
    fp_json_uint(w, v);
}

int fp_json_end(fp_json *w, fp_error *err)
{
    if (!w->failure && (w->depth != 0 || !w->done))
        fail(w, "the JSON value is not complete");
    if (!w->failure)
        return 0;
    if (w->write_errno)
        return fp_error_set(err, "%s: %s", w->failure, strerror(w->write_errno));
    return fp_error_set(err, "JSON writer: %s", w->failure);
}
