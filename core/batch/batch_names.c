/* Output names under -o DIR: the encoding batch_names.h documents. */
#include "batch_names.h"
#include "../common/fp_hash.h"
#include "fp_batch.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct buf {
    char *p;
    size_t len, cap;
} buf;

static int put(buf *b, const char *s, size_t n)
{
    if (n > SIZE_MAX / 4 || b->len > SIZE_MAX / 4)
        return -1;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *grown = realloc(b->p, cap);
        if (!grown)
            return -1;
        b->p = grown;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
    return 0;
}

static int put_escaped(buf *b, unsigned char c)
{
    static const char hex[] = "0123456789ABCDEF";
    char e[3] = {'%', hex[c >> 4], hex[c & 15]};
    return put(b, e, 3);
}

/* Length of the valid UTF-8 sequence at s (at most n bytes), 0 if none:
 * no overlong forms, no surrogates, nothing past U+10FFFF. */
static size_t utf8_sequence(const unsigned char *s, size_t n)
{
    size_t len;
    unsigned min;
    if (s[0] >= 0xc2 && s[0] <= 0xdf)
        len = 2, min = 0x80;
    else if (s[0] >= 0xe0 && s[0] <= 0xef)
        len = 3, min = 0x800;
    else if (s[0] >= 0xf0 && s[0] <= 0xf4)
        len = 4, min = 0x10000;
    else
        return 0;
    if (len > n)
        return 0;
    unsigned cp = s[0] & (0x7f >> len);
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return len;
}

static int encode_bytes(buf *b, const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        size_t seq = c >= 0x80 ? utf8_sequence(s + i, n - i) : 0;
        int rc;
        if (seq) {
            if (put(b, (const char *)s + i, seq) != 0)
                return -1;
            i += seq;
            continue;
        }
        if (c < 0x20 || c == 0x7f || c >= 0x80 || c == '%' || (i == 0 && c == '.'))
            rc = put_escaped(b, c);
        else
            rc = put(b, (const char *)&c, 1);
        if (rc != 0)
            return -1;
        i++;
    }
    return 0;
}

/* Where a name over max bytes may be cut: not inside a %XX escape nor a
 * UTF-8 sequence. */
static size_t cut_point(const char *s, size_t max)
{
    size_t at = max;
    while (at > 0 && ((unsigned char)s[at] & 0xc0) == 0x80)
        at--;
    for (size_t back = 1; back <= 2 && back <= at; back++)
        if (s[at - back] == '%')
            return at - back;
    return at;
}

static int is_reserved_top(const char *name, const char *index)
{
    return strcmp(name, FP_BATCH_JOURNAL_NAME) == 0 || strcmp(name, FP_BATCH_REPORT_NAME) == 0 ||
           (index && strcmp(name, index) == 0);
}

/* b with its byte at `at` replaced by that byte's %XX escape. */
static int escape_at(buf *b, size_t at)
{
    if (at >= b->len)
        return 0;
    buf c = {0};
    int rc = put(&c, b->p, at) != 0 || put_escaped(&c, (unsigned char)b->p[at]) != 0 ||
                     put(&c, b->p + at + 1, b->len - at - 1) != 0
                 ? -1
                 : 0;
    free(b->p);
    *b = c;
    return rc;
}

/* One component, encoded, appended to out (with ext when it is the
 * document's file). */
static int encode_component(buf *out, const char *s, size_t n, int is_file, int is_top,
                            const char *ext, const char *index)
{
    buf b = {0};
    size_t ext_len = strlen(ext);
    int rc = encode_bytes(&b, (const unsigned char *)s, n);
    /* "a.xml" as a folder: its extension's first byte escaped */
    if (rc == 0 && !is_file && ext_len && b.len >= ext_len &&
        memcmp(b.p + b.len - ext_len, ext, ext_len) == 0)
        rc = escape_at(&b, b.len - ext_len);
    if (rc == 0 && is_file)
        rc = put(&b, ext, ext_len);
    if (rc == 0 && is_top && b.p && is_reserved_top(b.p, index))
        rc = escape_at(&b, 0);
    if (rc == 0 && b.len > FP_NAME_MAX_BYTES) {
        char hex[33];
        fp_hash128_hex(fp_hash128_of(b.p, b.len), hex);
        size_t keep = cut_point(b.p, FP_NAME_MAX_BYTES - 2 - 32 - (is_file ? ext_len : 0));
        rc = put(out, b.p, keep) != 0 || put(out, "%~", 2) != 0 || put(out, hex, 32) != 0 ||
                     (is_file && put(out, ext, ext_len) != 0)
                 ? -1
                 : 0;
    } else if (rc == 0) {
        rc = put(out, b.p, b.len);
    }
    free(b.p);
    return rc;
}

char *fp_output_relative_path(const char *relative, const char *ext, const char *index,
                              fp_error *err)
{
    /* the last component that is not dropped is the file */
    const char *last = NULL;
    for (const char *c = relative; *c;) {
        const char *end = strchr(c, '/');
        size_t len = end ? (size_t)(end - c) : strlen(c);
        if (len && !(len == 1 && c[0] == '.'))
            last = c;
        c += len + (end ? 1 : 0);
    }
    if (!last) {
        fp_error_set(err, "no file name is left in '%s' once its empty and '.' parts are "
                     "dropped", relative);
        return NULL;
    }
    buf out = {0};
    int rc = 0, top = 1;
    for (const char *c = relative; *c && rc == 0;) {
        const char *end = strchr(c, '/');
        size_t len = end ? (size_t)(end - c) : strlen(c);
        if (len && !(len == 1 && c[0] == '.')) {
            int is_file = c == last;
            rc = encode_component(&out, c, len, is_file, top, ext, index);
            if (rc == 0 && !is_file)
                rc = put(&out, "/", 1);
            top = 0;
        }
        c += len + (end ? 1 : 0);
    }
    if (rc != 0) {
        free(out.p);
        fp_error_set(err, "out of memory");
        return NULL;
    }
    return out.p;
}
