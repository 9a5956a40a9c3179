/* A strict JSON checker for the harnesses (no JSON library needed): is a
 * byte string exactly one JSON value (RFC 8259), with every string valid
 * UTF-8 and free of raw U+2028/U+2029 (which factpipe promises to escape)? */
#ifndef JSON_CHECK_H
#define JSON_CHECK_H

#include <stddef.h>

/* NULL when s[0..len) is one JSON value with no whitespace around it (and
 * none between tokens when compact is set), else what is wrong. */
const char *json_check(const char *s, size_t len, int compact);

#endif
