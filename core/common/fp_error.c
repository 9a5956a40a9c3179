#include "fp_error.h"

#include <stdio.h>
#include <string.h>

static int vset(fp_error *err, const char *fmt, va_list ap)
{
    if (err)
        vsnprintf(err->message, sizeof err->message, fmt, ap);
    return -1;
}

int fp_error_set(fp_error *err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vset(err, fmt, ap);
    va_end(ap);
    return -1;
}

int fp_error_prefix(fp_error *err, const char *fmt, ...)
{
    if (!err)
        return -1;
    char prefix[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(prefix, sizeof prefix, fmt, ap);
    va_end(ap);
    if (n <= 0)
        return -1;
    size_t plen = strlen(prefix);
    size_t cap = sizeof err->message - 1;
    size_t old = strnlen(err->message, cap);
    if (plen > cap)
        plen = cap;
    if (old > cap - plen)
        old = cap - plen;
    memmove(err->message + plen, err->message, old);
    memcpy(err->message, prefix, plen);
    err->message[plen + old] = '\0';
    return -1;
}
