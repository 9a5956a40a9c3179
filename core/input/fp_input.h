/* Input stage: read a file's bytes ourselves (libxml2 never sees a path)
 * and decode them to NFC UTF-8 with a map back to the input bytes. */
#ifndef FP_INPUT_H
#define FP_INPUT_H

#include "../common/fp_error.h"
#include "../common/fp_text.h"

#include <stddef.h>

#define FP_DEFAULT_MAX_INPUT_BYTES (16u * 1024u * 1024u)
/* How many times its size compressed data (an archive, a .gz page) may
 * expand to: more is a bomb (--max-ratio). */
#define FP_DEFAULT_MAX_RATIO 200.0

/* Read a whole regular file (FIFOs, directories and devices are refused,
 * never opened for reading) of at most max_bytes.  *bytes is malloc'ed and
 * NUL-terminated (the NUL is not counted in *len); the caller frees it. */
int fp_read_file(const char *path, size_t max_bytes, unsigned char **bytes,
                 size_t *len, fp_error *err);

/* Read a stream (standard input: a pipe, a terminal, a file) to its end,
 * at most max_bytes, as fp_read_file does; name is for messages. */
int fp_read_stream(int fd, const char *name, size_t max_bytes, unsigned char **bytes,
                   size_t *len, fp_error *err);

/* Whether bytes start like gzip data (1f 8b 08). */
int fp_is_gzip(const unsigned char *bytes, size_t len);
/* Inflate gzip data (one member or several) into a malloc'ed,
 * NUL-terminated buffer of at most max_bytes, failing past max_ratio
 * times len (beyond the first MiB; 0: no ratio cap), on truncated or
 * broken data.  Messages start with "gzip: " and name the option that
 * raises a cap. */
int fp_gunzip(const unsigned char *in, size_t len, size_t max_bytes, double max_ratio,
              unsigned char **out, size_t *out_len, fp_error *err);

/* Guess whether bytes are an HTML page or plain text (markup sniffing on
 * the first kilobytes, after any BOM). */
fp_format fp_sniff_format(const unsigned char *bytes, size_t len);

/* Decide the encoding and convert to NFC UTF-8.
 * Order: BOM (UTF-8, UTF-16LE/BE) > <meta charset> / http-equiv (HTML only,
 * and only when the bytes are valid in it) > strict UTF-8 check > fallback
 * windows-1258.  Undecodable sequences become U+FFFD and are counted.
 * Fills out (free with fp_decoded_free). */
int fp_decode(const unsigned char *bytes, size_t len, fp_format format,
              fp_decoded *out, fp_error *err);

#endif
