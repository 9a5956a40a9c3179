/* A small streaming JSON writer (RFC 8259), for the JSON Lines format.
 * Compact: no whitespace between tokens, so a value never spans lines.
 * Strings are cleaned as the XML writer cleans its text (fp_xml_sanitize:
 * invalid UTF-8 and characters XML forbids become U+FFFD), so both
 * formats carry the same characters, and escaped: '"' '\\', the control
 * characters left (\t \n \r), DEL, and U+2028/U+2029 (line separators to
 * JavaScript and to some line readers).  Everything else is written as
 * UTF-8.
 *
 * Calls do not return errors: the first misuse (a key outside an object,
 * a value where a key is due, nesting past FP_JSON_MAX_DEPTH, closing what
 * is not open) or write failure is remembered and fp_json_end reports it. */
#ifndef FP_JSON_H
#define FP_JSON_H

#include "../common/fp_error.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define FP_JSON_MAX_DEPTH 16

typedef struct fp_json {
    FILE *out;
    const char *failure; /* the first thing that went wrong, or NULL */
    int write_errno;     /* errno of a failed write */
    unsigned depth;
    unsigned char is_object[FP_JSON_MAX_DEPTH]; /* per open container */
    unsigned char has_member[FP_JSON_MAX_DEPTH];
    unsigned char key_written; /* inside an object: a value is due */
    unsigned char done;        /* one whole value written at the top */
} fp_json;

/* A writer of one JSON value (an object, typically) into out. */
void fp_json_init(fp_json *w, FILE *out);

void fp_json_object_begin(fp_json *w);
void fp_json_object_end(fp_json *w);
void fp_json_array_begin(fp_json *w);
void fp_json_array_end(fp_json *w);
/* The name of the next member of the object being written. */
void fp_json_key(fp_json *w, const char *key);

/* A string value; NULL writes null. */
void fp_json_string(fp_json *w, const char *s);
void fp_json_string_len(fp_json *w, const char *s, size_t len);
void fp_json_uint(fp_json *w, uint64_t v);
void fp_json_bool(fp_json *w, int v);
void fp_json_null(fp_json *w);
/* A member of the object being written: its name, then its value. */
void fp_json_member_string(fp_json *w, const char *key, const char *s);
void fp_json_member_uint(fp_json *w, const char *key, uint64_t v);

/* 0 when one whole value was written with every container closed and
 * every write succeeded; else -1 with err saying what went wrong. */
int fp_json_end(fp_json *w, fp_error *err);

#endif
