/* Error reporting for the core: every function that can fail returns an
 * int (0 ok, -1 failed) or NULL, and fills an fp_error the caller owns.
 * No global error state, no exit(). */
#ifndef FP_ERROR_H
#define FP_ERROR_H

#include <stdarg.h>

typedef struct fp_error {
    char message[1024];
} fp_error;

#if defined(__GNUC__)
#define FP_FORMAT(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define FP_FORMAT(fmt, args)
#endif

/* Set err's message (err may be NULL).  Always returns -1 so callers can
 * write `return fp_error_set(err, ...);`. */
int fp_error_set(fp_error *err, const char *fmt, ...) FP_FORMAT(2, 3);

/* Prepend context ("file.html: ") to an existing message. */
int fp_error_prefix(fp_error *err, const char *fmt, ...) FP_FORMAT(2, 3);

#endif
