/* The journal/report/message escaping (fp_escape.h). */
#include "fp_escape.h"

#include <stdlib.h>
#include <string.h>

static int is_special(unsigned char c)
{
    return c < 0x20 || c == 0x7f || c == '\\';
}

int fp_escape_needed(const char *s)
{
    for (; s && *s; s++)
        if (is_special((unsigned char)*s))
            return 1;
    return 0;
}

char *fp_escape_field(const char *s)
{
    if (!s)
        s = "";
    char *out = malloc(strlen(s) * 4 + 1), *o = out;
    if (!out)
        return NULL;
    static const char hex[] = "0123456789abcdef";
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (!is_special(c)) {
            *o++ = (char)c;
            continue;
        }
        *o++ = '\\';
        switch (c) {
        case '\t': *o++ = 't'; break;
        case '\n': *o++ = 'n'; break;
        case '\r': *o++ = 'r'; break;
        case '\\': *o++ = '\\'; break;
        default:
            *o++ = 'x';
            *o++ = hex[c >> 4];
            *o++ = hex[c & 15];
        }
    }
    *o = '\0';
    return out;
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

char *fp_unescape_field(const char *s, size_t len)
{
    char *out = malloc(len + 1), *o = out;
    if (!out)
        return NULL;
    for (size_t i = 0; i < len; i++) {
        if (s[i] != '\\' || i + 1 == len) {
            *o++ = s[i];
            continue;
        }
        char c = s[++i];
        if (c == 'x' && i + 2 < len && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
            *o++ = (char)(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
            i += 2;
        } else {
            *o++ = c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
        }
    }
    *o = '\0';
    return out;
}
