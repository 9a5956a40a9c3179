/* WARC record headers and the HTTP responses inside them.  libarchive
 * decompresses the file (gzip members included), but its own WARC reader
 * drops the host from WARC-Target-URI and the record type, both of which
 * factpipe reports, so the few header lines are read here. */
#include "batch_archive.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

int fp_warc_parse_header(const char *block, size_t len, char **type, char **uri, char **date,
                         uint64_t *content_length)
{
    *type = *uri = *date = NULL;
    *content_length = 0;
    if (len < 8 || strncmp(block, "WARC/", 5) != 0)
        return -1;
    char *length = header_value(block, len, "Content-Length");
    char *end = NULL;
    unsigned long long v = length ? strtoull(length, &end, 10) : 0;
    int bad_length = !length || end == length || *end || length[0] == '-';
    free(length);
    if (bad_length)
        return -1;
    *content_length = v;
    *type = header_value(block, len, "WARC-Type");
    *uri = header_value(block, len, "WARC-Target-URI");
    *date = header_value(block, len, "WARC-Date");
    /* Some writers put the URI in angle brackets (WARC 1.0 grammar). */
    if (*uri && (*uri)[0] == '<') {
        size_t n = strlen(*uri);
        memmove(*uri, *uri + 1, n);
        if (n > 1 && (*uri)[n - 2] == '>')
            (*uri)[n - 2] = '\0';
    }
    return 0;
}

/* Chunked transfer coding (RFC 9112 7.1) decoded in place; -1 when
 * malformed. */
static int dechunk(unsigned char *body, size_t *len)
{
    size_t in = 0, out = 0, n = *len;
    for (;;) {
        char *end;
        unsigned long size = strtoul((const char *)body + in, &end, 16);
        if (end == (char *)body + in)
            return -1;
        const unsigned char *eol = memchr(body + in, '\n', n - in);
        if (!eol)
            return -1;
        in = (size_t)(eol - body) + 1;
        if (size == 0)
            break;
        if (size > n - in)
            return -1;
        memmove(body + out, body + in, size);
        out += size;
        in += size;
        if (in < n && body[in] == '\r')
            in++;
        if (in < n && body[in] == '\n')
            in++;
    }
    body[out] = '\0';
    *len = out;
    return 0;
}

long fp_http_body(unsigned char *bytes, size_t *len, int *is_page, int *gzipped)
{
    *is_page = 0;
    *gzipped = 0;
    if (*len < 12 || memcmp(bytes, "HTTP/", 5) != 0)
        return -1;
    const char *text = (const char *)bytes;
    const char *blank = NULL;
    for (size_t i = 0; i + 1 < *len; i++) {
        if (bytes[i] == '\n' && (bytes[i + 1] == '\n' ||
                                 (bytes[i + 1] == '\r' && i + 2 < *len && bytes[i + 2] == '\n'))) {
            blank = text + i + 1;
            break;
        }
    }
    if (!blank)
        return -1;
    size_t header_len = (size_t)(blank - text);
    size_t body_at = header_len + (*blank == '\r' ? 2 : 1);
    char *type = header_value(text, header_len, "Content-Type");
    char *transfer = header_value(text, header_len, "Transfer-Encoding");
    char *encoding = header_value(text, header_len, "Content-Encoding");
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
    if (chunked && dechunk(bytes, len) != 0)
        return -1;
    return 0;
}
