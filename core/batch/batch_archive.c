/* Archives read as streams with libarchive, nothing extracted to disk:
 * tar (any compression libarchive knows), zip, and WARC[.gz] (libarchive
 * decompresses; batch_warc.c reads the records).  Every member is capped
 * at --max-input-size, and the archive as a whole at an expansion ratio,
 * so a zip bomb costs a failed document, not the machine. */
#define _GNU_SOURCE /* memmem */
#include "batch_archive.h"
#include "batch_select.h"
#include "../input/fp_input.h"

#include <archive.h>
#include <archive_entry.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* Expansion is judged only past this many bytes out, where a ratio says
 * something. */
#define RATIO_FLOOR (1u << 20)
#define WARC_HEADER_MAX (64u * 1024u)

struct fp_archive {
    struct archive *a;
    char *path, *relative, *identity;
    const fp_batch_options *o;
    size_t max_bytes;
    double max_ratio;
    uint64_t bytes_out;
    int is_warc, done;
    size_t records;
    /* WARC: decompressed bytes read ahead */
    unsigned char *buf;
    size_t buf_len, buf_pos, buf_cap;
};

static int is_warc_name(const char *path)
{
    size_t n = strlen(path);
    return (n > 5 && strcasecmp(path + n - 5, ".warc") == 0) ||
           (n > 8 && strcasecmp(path + n - 8, ".warc.gz") == 0);
}

fp_archive *fp_archive_open(const char *path, const char *relative, const fp_batch_options *o,
                            fp_error *err)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
        fp_error_set(err, "%s: cannot read the archive: not a regular file", path);
        return NULL;
    }
    fp_archive *r = calloc(1, sizeof *r);
    char identity[96];
    snprintf(identity, sizeof identity, "size=%lld,mtime=%lld.%09ld", (long long)st.st_size,
             (long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec);
    if (!r || !(r->path = strdup(path)) || !(r->relative = strdup(relative)) ||
        !(r->identity = strdup(identity)) || !(r->a = archive_read_new())) {
        fp_archive_close(r);
        fp_error_set(err, "out of memory");
        return NULL;
    }
    r->o = o;
    r->max_bytes = o->max_input_bytes ? o->max_input_bytes : FP_DEFAULT_MAX_INPUT_BYTES;
    r->max_ratio = o->max_ratio > 0 ? o->max_ratio : FP_BATCH_DEFAULT_MAX_RATIO;
    r->is_warc = is_warc_name(path);
    archive_read_support_filter_all(r->a);
    if (r->is_warc) {
        archive_read_support_format_raw(r->a);
    } else {
        archive_read_support_format_tar(r->a);
        archive_read_support_format_zip(r->a);
    }
    struct archive_entry *entry;
    if (archive_read_open_filename(r->a, path, 64 * 1024) != ARCHIVE_OK ||
        (r->is_warc && archive_read_next_header(r->a, &entry) != ARCHIVE_OK)) {
        fp_error_set(err, "%s: cannot read the archive: %s", path, archive_error_string(r->a));
        fp_archive_close(r);
        return NULL;
    }
    return r;
}

void fp_archive_close(fp_archive *r)
{
    if (!r)
        return;
    if (r->a)
        archive_read_free(r->a);
    free(r->path);
    free(r->relative);
    free(r->identity);
    free(r->buf);
    free(r);
}

/* A member name made safe as a path under the output folder: no leading
 * '/', no "." or ".." components, no empty ones. */
static char *safe_relative(const char *archive_rel, const char *name)
{
    size_t n = strlen(archive_rel) + strlen(name) + 2;
    char *out = malloc(n);
    if (!out)
        return NULL;
    size_t k = (size_t)snprintf(out, n, "%s", archive_rel);
    for (const char *c = name; *c;) {
        while (*c == '/')
            c++;
        const char *end = strchr(c, '/');
        size_t len = end ? (size_t)(end - c) : strlen(c);
        if (len == 0)
            break;
        if (!(len == 1 && c[0] == '.')) {
            out[k++] = '/';
            if (len == 2 && c[0] == '.' && c[1] == '.') {
                out[k++] = '_';
                out[k++] = '_';
            } else {
                memcpy(out + k, c, len);
                k += len;
            }
        }
        c += len;
    }
    out[k] = '\0';
    return out;
}

/* A failed document for where the archive stopped ("SOURCE: what"); the
 * archive ends there unless the caller says otherwise. */
static int archive_failure(fp_archive *r, fp_batch_doc *d, const char *member, const char *fmt,
                           ...) FP_FORMAT(4, 5);
static int archive_failure(fp_archive *r, fp_batch_doc *d, const char *member, const char *fmt,
                           ...)
{
    char source[4096], what[1024], why[5200];
    if (member)
        snprintf(source, sizeof source, "%s!%s", r->path, member);
    else
        snprintf(source, sizeof source, "%s", r->path);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    snprintf(why, sizeof why, "%s: %s", source, what);
    d->source = strdup(source);
    d->relative = member ? safe_relative(r->relative, member) : strdup(r->relative);
    d->error = strdup(why);
    d->identity = strdup(r->identity);
    r->done = 1;
    return 1;
}

static int over_ratio(fp_archive *r)
{
    la_int64_t read = archive_filter_bytes(r->a, -1);
    return r->bytes_out > RATIO_FLOOR && read > 0 &&
           (double)r->bytes_out > r->max_ratio * (double)read;
}

/* Reads want bytes of the current entry into dst (NULL: discard). */
static la_ssize_t read_data(fp_archive *r, unsigned char *dst, size_t want)
{
    unsigned char scratch[16384];
    size_t got = 0;
    while (got < want) {
        size_t chunk = want - got;
        unsigned char *into = dst ? dst + got : scratch;
        if (!dst && chunk > sizeof scratch)
            chunk = sizeof scratch;
        la_ssize_t n = archive_read_data(r->a, into, chunk);
        if (n < 0)
            return -1;
        if (n == 0)
            break;
        got += (size_t)n;
        r->bytes_out += (uint64_t)n;
        if (over_ratio(r))
            return -2;
    }
    return (la_ssize_t)got;
}

static char *ratio_message(fp_archive *r)
{
    char *m = malloc(128);
    if (m)
        snprintf(m, 128, "%.0f", r->max_ratio);
    return m;
}

/* tar / zip: the next regular-file member the name rules want. */
static int next_member(fp_archive *r, fp_batch_doc *d)
{
    for (;;) {
        struct archive_entry *entry;
        int rc = archive_read_next_header(r->a, &entry);
        if (rc == ARCHIVE_EOF)
            return 0;
        if (rc < ARCHIVE_WARN)
            return archive_failure(r, d, NULL, "archive broken or truncated: %s",
                                   archive_error_string(r->a));
        if (archive_entry_filetype(entry) != AE_IFREG)
            continue;
        const char *name = archive_entry_pathname(entry);
        char *rel = name ? safe_relative("", name) : NULL;
        int wanted = rel && rel[0] && fp_batch_name_wanted(r->o, rel + 1, 0);
        free(rel);
        if (!wanted)
            continue;
        char source[4096];
        snprintf(source, sizeof source, "%s!%s", r->path, name);
        if (!fp_batch_in_shard(r->o, source))
            continue; /* not ours: next_header skips its data */
        la_int64_t size = archive_entry_size_is_set(entry) ? archive_entry_size(entry) : -1;
        char limit[32];
        snprintf(limit, sizeof limit, "%zu", r->max_bytes);
        if (size > (la_int64_t)r->max_bytes) {
            archive_failure(r, d, name, "over the limit of %s bytes; raise it with "
                                        "--max-input-size", limit);
            r->done = 0; /* the archive itself is fine: go on after it */
            return 1;
        }
        size_t cap = size >= 0 ? (size_t)size : r->max_bytes;
        unsigned char *bytes = malloc(cap + 2);
        if (!bytes)
            return archive_failure(r, d, name, "out of memory (%s bytes)", limit);
        la_ssize_t n = read_data(r, bytes, size >= 0 ? cap : cap + 1);
        if (n < 0 || (size < 0 && (size_t)n > cap)) {
            free(bytes);
            if (n == -2) {
                char *ratio = ratio_message(r);
                archive_failure(r, d, name, "the archive expands over %s times its size "
                                "(a zip bomb?); raise the cap with --max-ratio",
                                ratio ? ratio : "the allowed");
                free(ratio);
                return 1;
            }
            if (n >= 0) {
                archive_failure(r, d, name, "over the limit of %s bytes; raise it with "
                                            "--max-input-size", limit);
                r->done = 0;
                return 1;
            }
            return archive_failure(r, d, name, "archive broken or truncated: %s",
                                   archive_error_string(r->a));
        }
        bytes[n] = '\0';
        char identity[160];
        snprintf(identity, sizeof identity, "%s;member-size=%lld", r->identity, (long long)n);
        d->bytes = bytes;
        d->len = (size_t)n;
        d->input_bytes = (uint64_t)n;
        d->source = strdup(source);
        d->relative = safe_relative(r->relative, name);
        d->name_hint = strdup(name);
        d->identity = strdup(identity);
        return 1;
    }
}

/* WARC read-ahead: at least want bytes buffered after buf_pos (fewer
 * only at the end of the stream).  -1 on a read error, -2 over ratio. */
static int fill(fp_archive *r, size_t want)
{
    if (r->buf_len - r->buf_pos >= want)
        return 0;
    if (r->buf_pos > 0) {
        memmove(r->buf, r->buf + r->buf_pos, r->buf_len - r->buf_pos);
        r->buf_len -= r->buf_pos;
        r->buf_pos = 0;
    }
    if (want + 1 > r->buf_cap) {
        unsigned char *grown = realloc(r->buf, want + 1);
        if (!grown)
            return -1;
        r->buf = grown;
        r->buf_cap = want + 1;
    }
    while (r->buf_len < want) {
        la_ssize_t n = archive_read_data(r->a, r->buf + r->buf_len, r->buf_cap - 1 - r->buf_len);
        if (n < 0)
            return -1;
        if (n == 0)
            break;
        r->buf_len += (size_t)n;
        r->bytes_out += (uint64_t)n;
        if (over_ratio(r))
            return -2;
    }
    return 0;
}

/* Takes n bytes of the stream (buffered first) into dst (NULL: drop). */
static int take(fp_archive *r, unsigned char *dst, uint64_t n)
{
    size_t buffered = r->buf_len - r->buf_pos;
    size_t from_buf = n < buffered ? (size_t)n : buffered;
    if (dst)
        memcpy(dst, r->buf + r->buf_pos, from_buf);
    r->buf_pos += from_buf;
    uint64_t rest = n - from_buf;
    la_ssize_t got = rest ? read_data(r, dst ? dst + from_buf : NULL, (size_t)rest) : 0;
    if (got == -2)
        return -2;
    return got < 0 || (uint64_t)got != rest ? -1 : 0;
}

/* A gzip Content-Encoding undone with libarchive's gzip filter. */
static unsigned char *gunzip_body(const unsigned char *in, size_t len, size_t max,
                                  size_t *out_len)
{
    struct archive *a = archive_read_new();
    struct archive_entry *entry;
    unsigned char *out = malloc(max + 2);
    size_t got = 0;
    int ok = a && out && archive_read_support_filter_gzip(a) >= ARCHIVE_WARN &&
             archive_read_support_format_raw(a) == ARCHIVE_OK &&
             archive_read_open_memory(a, in, len) == ARCHIVE_OK &&
             archive_read_next_header(a, &entry) == ARCHIVE_OK;
    while (ok && got <= max) {
        la_ssize_t n = archive_read_data(a, out + got, max + 1 - got);
        if (n <= 0) {
            ok = n == 0;
            break;
        }
        got += (size_t)n;
    }
    if (a)
        archive_read_free(a);
    if (!ok || got > max) {
        free(out);
        return NULL;
    }
    out[got] = '\0';
    *out_len = got;
    return out;
}

static int warc_stream_failure(fp_archive *r, fp_batch_doc *d, int why)
{
    if (why == -2) {
        char *ratio = ratio_message(r);
        archive_failure(r, d, NULL, "the archive expands over %s times its size (a zip "
                        "bomb?); raise the cap with --max-ratio", ratio ? ratio : "the allowed");
        free(ratio);
        return 1;
    }
    return archive_failure(r, d, NULL, "WARC file broken or truncated: %s",
                           archive_error_string(r->a) ? archive_error_string(r->a)
                                                      : "unexpected end of data");
}

/* Buffers the next record's header block; 1 found (*header_len set),
 * 0 end of file, or a failure document (returns 1 with d filled). */
static int read_warc_header(fp_archive *r, fp_batch_doc *d, size_t *header_len)
{
    for (;;) { /* records are separated by CRLF CRLF */
        int f = fill(r, 1);
        if (f)
            return warc_stream_failure(r, d, f), -1;
        if (r->buf_len == r->buf_pos)
            return 0;
        unsigned char c = r->buf[r->buf_pos];
        if (c != '\r' && c != '\n')
            break;
        r->buf_pos++;
    }
    for (size_t want = 512;; want *= 2) {
        int f = fill(r, want);
        if (f)
            return warc_stream_failure(r, d, f), -1;
        size_t avail = r->buf_len - r->buf_pos;
        const unsigned char *end = memmem(r->buf + r->buf_pos, avail, "\r\n\r\n", 4);
        if (end) {
            *header_len = (size_t)(end - (r->buf + r->buf_pos)) + 4;
            return 1;
        }
        if (avail < want || want >= WARC_HEADER_MAX)
            return archive_failure(r, d, NULL, "WARC record header %s", avail < want
                                   ? "cut off by the end of the file" : "over 64 KiB"), -1;
    }
}

/* The part of a URI that names the page: host and path, as a file name. */
static void record_file_name(char *out, size_t size, size_t number, const char *uri)
{
    const char *at = uri ? strstr(uri, "://") : NULL;
    at = at ? at + 3 : uri ? uri : "";
    int k = snprintf(out, size, "%06zu-", number);
    for (; *at && (size_t)k + 6 < size && k < 100; at++)
        out[k++] = isalnum((unsigned char)*at) || *at == '.' || *at == '-' ? *at : '_';
    out[k] = '\0';
    if (!(k > 5 && strcasecmp(out + k - 5, ".html") == 0) &&
        !(k > 4 && strcasecmp(out + k - 4, ".htm") == 0))
        snprintf(out + k, size - (size_t)k, ".html");
}

static int warc_document(fp_archive *r, fp_batch_doc *d, unsigned char *bytes, size_t len,
                         const char *uri, const char *date)
{
    char fallback[4096], name[160], identity[160];
    snprintf(fallback, sizeof fallback, "%s!record-%zu", r->path, r->records);
    record_file_name(name, sizeof name, r->records, uri);
    snprintf(identity, sizeof identity, "%s;record=%zu", r->identity, r->records);
    d->source = strdup(uri && *uri ? uri : fallback);
    d->relative = safe_relative(r->relative, name);
    d->identity = strdup(identity);
    d->bytes = bytes;
    d->len = len;
    d->input_bytes = len;
    d->url = uri && *uri ? strdup(uri) : NULL;
    /* WARC-Date is ISO 8601 already; anything else is left out of <meta>. */
    int iso = date && strlen(date) >= 10 && isdigit((unsigned char)date[0]) && date[4] == '-' &&
              date[7] == '-' && strspn(date, "0123456789-T:.Z+") == strlen(date);
    d->record_date = iso ? strdup(date) : NULL;
    return 1;
}

static int next_warc_record(fp_archive *r, fp_batch_doc *d)
{
    for (;;) {
        size_t header_len;
        char limit[32];
        snprintf(limit, sizeof limit, "%zu", r->max_bytes);
        int found = read_warc_header(r, d, &header_len);
        if (found <= 0)
            return found < 0 ? 1 : 0;
        char *type, *uri, *date;
        uint64_t length;
        if (fp_warc_parse_header((const char *)r->buf + r->buf_pos, header_len, &type, &uri,
                                 &date, &length) != 0)
            return archive_failure(r, d, NULL, "no WARC record header where one was "
                                   "expected (%s)", "a 'WARC/' line, then Content-Length");
        r->buf_pos += header_len;
        r->records++;
        int wanted = type && strcmp(type, "response") == 0 && (!uri || fp_batch_in_shard(r->o, uri));
        /* HTTP headers come on top of the page itself */
        uint64_t cap = (uint64_t)r->max_bytes + WARC_HEADER_MAX;
        unsigned char *bytes = wanted && length <= cap ? malloc((size_t)length + 1) : NULL;
        int taken = take(r, bytes, length);
        int rc = -1;
        if (taken != 0) {
            free(bytes);
            rc = warc_stream_failure(r, d, taken);
        } else if (bytes) {
            size_t len = (size_t)length;
            int is_page, gzipped;
            bytes[len] = '\0';
            if (fp_http_body(bytes, &len, &is_page, &gzipped) == 0 && is_page) {
                if (gzipped) {
                    size_t plain_len = 0;
                    unsigned char *plain = gunzip_body(bytes, len, r->max_bytes, &plain_len);
                    free(bytes);
                    bytes = plain;
                    len = plain_len;
                }
                if (bytes) {
                    rc = warc_document(r, d, bytes, len, uri, date);
                } else {
                    rc = archive_failure(r, d, uri ? uri : "", "gzip body broken or over "
                                         "the limit of %s bytes (--max-input-size)", limit);
                    r->done = 0; /* the next record may be fine */
                }
            } else {
                free(bytes);
            }
        } else if (wanted) { /* a page over the cap */
            rc = archive_failure(r, d, uri ? uri : "", "record over the limit of %s "
                                 "bytes; raise it with --max-input-size", limit);
            r->done = 0;
        }
        free(type);
        free(uri);
        free(date);
        if (rc >= 0)
            return rc;
    }
}

int fp_archive_next(fp_archive *r, fp_batch_doc *d)
{
    memset(d, 0, sizeof *d);
    if (r->done)
        return 0;
    int got = r->is_warc ? next_warc_record(r, d) : next_member(r, d);
    if (got == 1 && (!d->source || !d->relative || !d->identity)) {
        fp_batch_doc_free(d);
        return 0; /* out of memory: the archive ends here */
    }
    if (got == 0)
        r->done = 1;
    return got;
}
