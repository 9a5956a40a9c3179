/* Archives read as streams (batch_archive.c) and the WARC and HTTP
 * framing of their records (batch_warc.c). */
#ifndef FP_BATCH_ARCHIVE_H
#define FP_BATCH_ARCHIVE_H

#include "../common/fp_error.h"
#include "batch_doc.h"
#include "fp_batch.h"

#include <stddef.h>
#include <stdint.h>

typedef struct fp_archive fp_archive;

/* Opens a tar/zip (any libarchive filter) or WARC[.gz] archive for
 * streaming.  On failure returns NULL with the reason in err. */
fp_archive *fp_archive_open(const char *path, const char *relative, const fp_batch_options *o,
                            fp_error *err);
/* The next member that is a page: 1 with d filled (its error set when the
 * archive broke there: truncated, over a cap, a malformed record), 0 at
 * the end, where the members or records not read as documents are
 * reported on stderr, counted by kind. */
int fp_archive_next(fp_archive *a, fp_batch_doc *d);
void fp_archive_close(fp_archive *a);

/* A WARC record's header block (up to the blank line). */
typedef struct fp_warc_header {
    char *type, *uri, *date, *content_type; /* malloc'ed, NULL when absent */
    uint64_t content_length;
} fp_warc_header;

/* Parses a header block (lines end in CRLF or LF).  0 ok, -1 not a WARC
 * header (no "WARC/" line or no valid Content-Length). */
int fp_warc_parse_header(const char *block, size_t len, fp_warc_header *h);
void fp_warc_header_free(fp_warc_header *h);

/* Moves the body of an HTTP response (status line, headers, body) to the
 * front of bytes, dechunking a chunked body, and updates *len; says
 * whether the content type is a page (HTML, XHTML, plain text or none)
 * and whether the body is gzip-encoded.  0 ok; -1 not an HTTP response or
 * a malformed chunked body, with why saying which and where. */
int fp_http_body(unsigned char *bytes, size_t *len, int *is_page, int *gzipped, char *why,
                 size_t why_size);

#endif
