/* gzip-compressed pages (page.html.gz; a WARC body sent with
 * Content-Encoding: gzip) inflated in memory with zlib, capped in size and
 * in expansion ratio so that a gzip bomb costs one failed document. */
#include "fp_input.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* Below this many bytes out the ratio is not judged: a small page
 * compresses well and says nothing about bombs. */
#define RATIO_FLOOR (1u << 20)

int fp_is_gzip(const unsigned char *bytes, size_t len)
{
    return len >= 3 && bytes[0] == 0x1f && bytes[1] == 0x8b && bytes[2] == 8;
}

int fp_gunzip(const unsigned char *in, size_t len, size_t max_bytes, double max_ratio,
              unsigned char **out, size_t *out_len, fp_error *err)
{
    *out = NULL;
    *out_len = 0;
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 15 + 16) != Z_OK) /* 16: a gzip header, not zlib's */
        return fp_error_set(err, "gzip: cannot start zlib: out of memory");
    size_t cap = len * 4 + 4096 < max_bytes ? len * 4 + 4096 : max_bytes + 1;
    unsigned char *buf = malloc(cap + 1);
    int rc = buf ? 0 : fp_error_set(err, "gzip: out of memory");
    size_t got = 0;
    z.next_in = (unsigned char *)in;
    z.avail_in = (uInt)(len < UINT32_MAX ? len : UINT32_MAX);
    while (rc == 0) {
        if (got == cap) {
            if (cap > max_bytes) {
                rc = fp_error_set(err, "gzip: the page inflates to over the limit of %zu "
                                  "bytes; raise it with --max-input-size", max_bytes);
                break;
            }
            size_t grown = cap < max_bytes / 2 ? cap * 2 : max_bytes + 1;
            unsigned char *p = realloc(buf, grown + 1);
            if (!p) {
                rc = fp_error_set(err, "gzip: out of memory inflating %zu bytes", grown);
                break;
            }
            buf = p;
            cap = grown;
        }
        z.next_out = buf + got;
        z.avail_out = (uInt)(cap - got < UINT32_MAX ? cap - got : UINT32_MAX);
        int zr = inflate(&z, Z_NO_FLUSH);
        got = (size_t)(z.next_out - buf);
        if (got > RATIO_FLOOR && max_ratio > 0 && (double)got > max_ratio * (double)len) {
            rc = fp_error_set(err, "gzip: the page expands over %.0f times its size (a gzip "
                              "bomb?); raise the cap with --max-ratio", max_ratio);
            break;
        }
        if (zr == Z_STREAM_END) {
            /* gzip files may hold several members, one after another */
            size_t used = (size_t)(z.next_in - in);
            if (used >= len || !fp_is_gzip(in + used, len - used))
                break;
            inflateReset(&z);
            continue;
        }
        if (zr == Z_BUF_ERROR && z.avail_out > 0) {
            rc = fp_error_set(err, "gzip: the data ends early (truncated after %zu bytes "
                              "out)", got);
            break;
        }
        if (zr != Z_OK && zr != Z_BUF_ERROR) {
            rc = fp_error_set(err, "gzip: broken data: %s", z.msg ? z.msg : zError(zr));
            break;
        }
    }
    inflateEnd(&z);
    if (rc != 0 || got > max_bytes) {
        if (rc == 0)
            rc = fp_error_set(err, "gzip: the page inflates to over the limit of %zu bytes; "
                              "raise it with --max-input-size", max_bytes);
        free(buf);
        return rc;
    }
    buf[got] = '\0';
    *out = buf;
    *out_len = got;
    return 0;
}
