/* WARC files: the records (batch_archive.c hands over the decompressed
 * stream), their header blocks, and the HTTP responses inside.
 * libarchive's own WARC reader drops the host from WARC-Target-URI and the
 * record type, both of which factpipe reports, so the few header lines are
 * read here.  Response records that are pages become documents; the
 * others are counted by kind (fp_archive_skip); a response whose HTTP is
 * malformed — a status line missing, a chunk size that is no hex number
 * or runs past the record — fails as a document, named by its URI. */
#define _GNU_SOURCE /* memmem */
#include "batch_archive_impl.h"
#include "batch_select.h"
#include "../input/fp_input.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- header blocks ------------------------------------------------------- */

/* The value of "Name:" in a block of CRLF- (or LF-) separated header
 * lines, trimmed; malloc'ed, or NULL when absent. */
static char *header_value(const char *block, size_t len, const char *name)
{
    size_t name_len = strlen(name);
    const char *end = block + len;
    for (const char *line = block; line < end;) {
        const char *eol = memchr(line, '\n', (size_t)(end - line));
        if (!eol)
            eol = end;
        if ((size_t)(eol - line) > name_len && line[name_len] == ':' &&
            strncasecmp(line, name, name_len) == 0) {
            const char *v = line + name_len + 1;
            const char *v_end = eol;
            while (v < v_end && (*v == ' ' || *v == '\t'))
                v++;
            while (v_end > v && isspace((unsigned char)v_end[-1]))
                v_end--;
            return strndup(v, (size_t)(v_end - v));
        }
        line = eol + 1;
    }
    return NULL;
}

void fp_warc_header_free(fp_warc_header *h)
{
    free(h->type);
    free(h->uri);
    free(h->date);
    free(h->content_type);
    memset(h, 0, sizeof *h);
}

int fp_warc_parse_header(const char *block, size_t len, fp_warc_header *h)
{
    memset(h, 0, sizeof *h);
    if (len < 8 || strncmp(block, "WARC/", 5) != 0)
        return -1;
    char *length = header_value(block, len, "Content-Length");
    size_t digits = length ? strspn(length, "0123456789") : 0;
    int bad_length = !length || digits == 0 || digits > 18 || length[digits];
    h->content_length = bad_length ? 0 : strtoull(length, NULL, 10);
    free(length);
    if (bad_length)
        return -1;
    h->type = header_value(block, len, "WARC-Type");
    h->uri = header_value(block, len, "WARC-Target-URI");
    h->date = header_value(block, len, "WARC-Date");
    h->content_type = header_value(block, len, "Content-Type");
    /* Some writers put the URI in angle brackets (WARC 1.0 grammar). */
    if (h->uri && h->uri[0] == '<') {
        size_t n = strlen(h->uri);
        memmove(h->uri, h->uri + 1, n);
        if (n > 1 && h->uri[n - 2] == '>')
            h->uri[n - 2] = '\0';
    }
    return 0;
}

/* Where the first blank line ends (CRLF CRLF, LF LF, or a mix), or 0. */
static size_t blank_line_end(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        if (p[i] != '\n')
            continue;
        if (p[i + 1] == '\n')
            return i + 2;
        if (p[i + 1] == '\r' && i + 2 < n && p[i + 2] == '\n')
            return i + 3;
    }
    return 0;
}

/* ---- HTTP responses ------------------------------------------------------- */

static int hex_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (unsigned char)tolower(c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Chunked transfer coding (RFC 9112 7.1) decoded in place: chunk-size is
 * hex digits only, then optional extensions, then the line end.  -1 when
 * malformed, with why. */
static int dechunk(unsigned char *body, size_t *len, char *why, size_t why_size)
{
    size_t in = 0, out = 0, n = *len;
    for (;;) {
        uint64_t size = 0;
        size_t digits = 0;
        int v;
        while (in + digits < n && (v = hex_value(body[in + digits])) >= 0) {
            if (++digits > 16)
                return snprintf(why, why_size, "malformed chunked encoding: a chunk size "
                                "of more than 16 hex digits at body byte %zu", in), -1;
            size = size * 16 + (uint64_t)v;
        }
        const unsigned char *eol = memchr(body + in, '\n', n - in);
        if (digits == 0 || !eol) {
            size_t shown = eol ? (size_t)(eol - (body + in)) : n - in;
            shown = shown > 20 ? 20 : shown;
            while (shown > 0 && body[in + shown - 1] == '\r')
                shown--;
            char line[64];
            size_t k = 0;
            for (size_t i = 0; i < shown; i++)
                k += (size_t)snprintf(line + k, sizeof line - k, "%c",
                                      isprint(body[in + i]) ? body[in + i] : '?');
            return snprintf(why, why_size, "malformed chunked encoding: '%s' at body byte "
                            "%zu is not a chunk size (hex digits)%s", line, in,
                            eol ? "" : " ending its line"), -1;
        }
        unsigned char after = body[in + digits];
        if (after != ';' && after != '\r' && after != '\n' && after != ' ' && after != '\t')
            return snprintf(why, why_size, "malformed chunked encoding: the chunk size at "
                            "body byte %zu is followed by '%c'", in,
                            isprint(after) ? after : '?'), -1;
        in = (size_t)(eol - body) + 1;
        if (size == 0)
            break; /* trailer fields, if any, are not read */
        if (size > n - in)
            return snprintf(why, why_size, "malformed chunked encoding: a chunk of %llu "
                            "bytes at body byte %zu runs past the end of the record (%zu "
                            "bytes left)", (unsigned long long)size, in, n - in), -1;
        memmove(body + out, body + in, (size_t)size);
        out += (size_t)size;
        in += (size_t)size;
        if (in < n && body[in] == '\r')
            in++;
        if (in < n && body[in] == '\n')
            in++;
    }
    body[out] = '\0';
    *len = out;
    return 0;
}

int fp_http_body(unsigned char *bytes, size_t *len, int *is_page, int *gzipped, char *why,
                 size_t why_size)
{
    *is_page = 0;
    *gzipped = 0;
    if (*len < 12 || memcmp(bytes, "HTTP/", 5) != 0)
        return snprintf(why, why_size, "the response record does not hold an HTTP response "
                        "(no 'HTTP/' status line)"), -1;
    size_t body_at = blank_line_end(bytes, *len);
    if (body_at == 0)
        return snprintf(why, why_size, "the HTTP response has no blank line after its "
                        "headers"), -1;
    const char *text = (const char *)bytes;
    char *type = header_value(text, body_at, "Content-Type");
    char *transfer = header_value(text, body_at, "Transfer-Encoding");
    char *encoding = header_value(text, body_at, "Content-Encoding");
    *is_page = !type || strncasecmp(type, "text/html", 9) == 0 ||
               strncasecmp(type, "application/xhtml+xml", 21) == 0 ||
               strncasecmp(type, "text/plain", 10) == 0;
    *gzipped = encoding && (strcasecmp(encoding, "gzip") == 0 ||
                            strcasecmp(encoding, "x-gzip") == 0);
    int chunked = transfer && strcasecmp(transfer, "chunked") == 0;
    free(type);
    free(transfer);
    free(encoding);
    /* the body moves to the front so the buffer stays one allocation */
    size_t body_len = *len - body_at;
    memmove(bytes, bytes + body_at, body_len);
    bytes[body_len] = '\0';
    *len = body_len;
    if (chunked && *is_page && dechunk(bytes, len, why, why_size) != 0)
        return -1;
    return 0;
}

/* ---- the record stream ------------------------------------------------------ */

/* Read-ahead: at least want bytes buffered after buf_pos (fewer only at
 * the end of the stream).  -1 on a read error, -2 over ratio. */
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
        if (fp_archive_over_ratio(r))
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
    la_ssize_t got = rest ? fp_archive_read_data(r, dst ? dst + from_buf : NULL, (size_t)rest)
                          : 0;
    if (got == -2)
        return -2;
    return got < 0 || (uint64_t)got != rest ? -1 : 0;
}

static int stream_failure(fp_archive *r, fp_batch_doc *d, int why)
{
    if (why == -2)
        return fp_archive_ratio_failure(r, d, NULL);
    return fp_archive_failure(r, d, NULL, "WARC file broken or truncated: %s",
                              archive_error_string(r->a) ? archive_error_string(r->a)
                                                         : "unexpected end of data");
}

/* Buffers the next record's header block, which ends at its first blank
 * line (CRLF CRLF, or LF LF from writers that use bare LF): 1 found
 * (*header_len set), 0 end of file, -1 with d a failure document. */
static int read_header(fp_archive *r, fp_batch_doc *d, size_t *header_len)
{
    for (;;) { /* records are separated by CRLF CRLF */
        int f = fill(r, 1);
        if (f)
            return stream_failure(r, d, f), -1;
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
            return stream_failure(r, d, f), -1;
        size_t avail = r->buf_len - r->buf_pos;
        size_t end = blank_line_end(r->buf + r->buf_pos, avail);
        if (end) {
            *header_len = end;
            return 1;
        }
        if (avail < want || want >= FP_WARC_HEADER_MAX)
            return fp_archive_failure(r, d, NULL, "WARC record header %s", avail < want
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

/* d named after the record (its URI, else archive!record-N). */
static void name_record(fp_archive *r, fp_batch_doc *d, const fp_warc_header *h)
{
    char fallback[4096], name[160], identity[160];
    snprintf(fallback, sizeof fallback, "%s!record-%zu", r->path, r->records);
    record_file_name(name, sizeof name, r->records, h->uri);
    snprintf(identity, sizeof identity, "%s;record=%zu", r->identity, r->records);
    d->source = strdup(h->uri && *h->uri ? h->uri : fallback);
    d->relative = fp_archive_safe_relative(r->relative, name);
    d->identity = strdup(identity);
}

static int record_document(fp_archive *r, fp_batch_doc *d, unsigned char *bytes, size_t len,
                           const fp_warc_header *h)
{
    name_record(r, d, h);
    d->bytes = bytes;
    d->len = len;
    d->input_bytes = len;
    d->url = h->uri && *h->uri ? strdup(h->uri) : NULL;
    /* WARC-Date is ISO 8601 already; anything else is left out of <meta>. */
    const char *date = h->date;
    int iso = date && strlen(date) >= 10 && isdigit((unsigned char)date[0]) && date[4] == '-' &&
              date[7] == '-' && strspn(date, "0123456789-T:.Z+") == strlen(date);
    d->record_date = iso ? strdup(date) : NULL;
    r->documents++;
    return 1;
}

/* A record that fails as a document of its own; the archive goes on. */
static int record_failure(fp_archive *r, fp_batch_doc *d, const fp_warc_header *h,
                          const char *why)
{
    name_record(r, d, h);
    char message[1200];
    snprintf(message, sizeof message, "%s: %s", d->source ? d->source : r->path, why);
    d->error = strdup(message);
    return 1;
}

/* Whether the record's block is an HTTP message (WARC Content-Type
 * application/http, or none given). */
static int holds_http(const fp_warc_header *h)
{
    return !h->content_type || strncasecmp(h->content_type, "application/http", 16) == 0;
}

/* A response record's bytes (taken over) as a document, a failure, or
 * counted out (0). */
static int response(fp_archive *r, fp_batch_doc *d, unsigned char *bytes, size_t len,
                    const fp_warc_header *h)
{
    char why[512];
    int is_page, gzipped;
    if (fp_http_body(bytes, &len, &is_page, &gzipped, why, sizeof why) != 0) {
        free(bytes);
        return record_failure(r, d, h, why);
    }
    if (!is_page) {
        free(bytes);
        fp_archive_skip(r, "responses that are not HTML or text");
        return 0;
    }
    if (gzipped) {
        fp_error err = {{0}};
        unsigned char *plain = NULL;
        size_t plain_len = 0;
        int rc = fp_gunzip(bytes, len, r->max_bytes, r->max_ratio, &plain, &plain_len, &err);
        free(bytes);
        if (rc != 0)
            return record_failure(r, d, h, err.message);
        bytes = plain;
        len = plain_len;
    }
    return record_document(r, d, bytes, len, h);
}

int fp_warc_next(fp_archive *r, fp_batch_doc *d)
{
    for (;;) {
        size_t header_len;
        int found = read_header(r, d, &header_len);
        if (found <= 0)
            return found < 0 ? 1 : 0;
        fp_warc_header h;
        if (fp_warc_parse_header((const char *)r->buf + r->buf_pos, header_len, &h) != 0)
            return fp_archive_failure(r, d, NULL, "no WARC record header where one was "
                                      "expected (a 'WARC/' line, then a Content-Length of "
                                      "digits), after %zu records", r->records);
        r->buf_pos += header_len;
        r->records++;
        int is_response = h.type && strcmp(h.type, "response") == 0;
        int wanted = is_response && holds_http(&h) &&
                     (!h.uri || fp_batch_in_shard(r->o, h.uri));
        /* HTTP headers come on top of the page itself */
        uint64_t cap = (uint64_t)r->max_bytes + FP_WARC_HEADER_MAX;
        unsigned char *bytes = wanted && h.content_length <= cap
                                   ? malloc((size_t)h.content_length + 1) : NULL;
        int taken = take(r, bytes, h.content_length);
        int rc = 0;
        if (taken != 0) {
            free(bytes);
            rc = stream_failure(r, d, taken);
        } else if (bytes) {
            bytes[h.content_length] = '\0';
            rc = response(r, d, bytes, (size_t)h.content_length, &h);
        } else if (wanted) {
            char why[160];
            snprintf(why, sizeof why, "record over the limit of %zu bytes; raise it with "
                     "--max-input-size", r->max_bytes);
            rc = record_failure(r, d, &h, why);
        } else if (!is_response) {
            fp_archive_skip(r, h.type && strcmp(h.type, "request") == 0 ? "request"
                               : h.type && strcmp(h.type, "warcinfo") == 0 ? "warcinfo"
                               : h.type && strcmp(h.type, "metadata") == 0 ? "metadata"
                               : "other types of records");
        } else if (!holds_http(&h)) {
            fp_archive_skip(r, "responses not in HTTP (dns:, ...)");
        } /* else: another shard's: not ours to count */
        fp_warc_header_free(&h);
        if (rc)
            return rc;
    }
}
