/* The strict JSON checker (json_check.h): recursive descent over RFC 8259,
 * written apart from the writer so that the two cannot share a mistake. */
#include "json_check.h"

#include <string.h>

typedef struct reader {
    const unsigned char *s;
    size_t len, at;
    int compact;
    const char *why;
} reader;

enum { MAX_DEPTH = 256 };

static int bad(reader *r, const char *why)
{
    if (!r->why)
        r->why = why;
    return -1;
}

static void skip_space(reader *r)
{
    if (r->compact)
        return;
    while (r->at < r->len && strchr(" \t\r\n", r->s[r->at]) && r->s[r->at])
        r->at++;
}

static int literal(reader *r, const char *word)
{
    size_t n = strlen(word);
    if (r->len - r->at < n || memcmp(r->s + r->at, word, n) != 0)
        return bad(r, "not a JSON value");
    r->at += n;
    return 0;
}

static int digits(reader *r)
{
    size_t from = r->at;
    while (r->at < r->len && r->s[r->at] >= '0' && r->s[r->at] <= '9')
        r->at++;
    return r->at > from ? 0 : bad(r, "a number without digits");
}

static int number(reader *r)
{
    if (r->s[r->at] == '-')
        r->at++;
    if (r->at < r->len && r->s[r->at] == '0')
        r->at++;
    else if (digits(r) != 0)
        return -1;
    if (r->at < r->len && r->s[r->at] == '.') {
        r->at++;
        if (digits(r) != 0)
            return -1;
    }
    if (r->at < r->len && (r->s[r->at] == 'e' || r->s[r->at] == 'E')) {
        r->at++;
        if (r->at < r->len && (r->s[r->at] == '+' || r->s[r->at] == '-'))
            r->at++;
        if (digits(r) != 0)
            return -1;
    }
    return 0;
}

/* A well-formed UTF-8 sequence (Unicode table 3-7) at r->at; returns its
 * code point or -1. */
static long utf8_char(reader *r)
{
    const unsigned char *p = r->s + r->at;
    size_t avail = r->len - r->at;
    unsigned char c = p[0];
    size_t n;
    unsigned char lo = 0x80, hi = 0xBF;
    long cp;
    if (c < 0x80) {
        r->at++;
        return c;
    } else if (c >= 0xC2 && c <= 0xDF) {
        n = 1, cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 2, cp = c & 0x0F;
        lo = c == 0xE0 ? 0xA0 : 0x80;
        hi = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 3, cp = c & 0x07;
        lo = c == 0xF0 ? 0x90 : 0x80;
        hi = c == 0xF4 ? 0x8F : 0xBF;
    } else {
        return bad(r, "invalid UTF-8 in a string");
    }
    for (size_t i = 1; i <= n; i++) {
        if (i >= avail || p[i] < (i == 1 ? lo : 0x80) || p[i] > (i == 1 ? hi : 0xBF))
            return bad(r, "invalid UTF-8 in a string");
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    r->at += n + 1;
    return cp;
}

static int is_hex(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int string(reader *r)
{
    r->at++; /* the opening quote */
    for (;;) {
        if (r->at >= r->len)
            return bad(r, "an unterminated string");
        unsigned char c = r->s[r->at];
        if (c == '"') {
            r->at++;
            return 0;
        }
        if (c < 0x20)
            return bad(r, "a raw control character in a string");
        if (c == '\\') {
            if (r->at + 1 >= r->len)
                return bad(r, "an unterminated escape");
            unsigned char e = r->s[r->at + 1];
            if (e == 'u') {
                if (r->len - r->at < 6 || !is_hex(r->s[r->at + 2]) || !is_hex(r->s[r->at + 3]) ||
                    !is_hex(r->s[r->at + 4]) || !is_hex(r->s[r->at + 5]))
                    return bad(r, "a bad \\u escape");
                r->at += 6;
            } else if (strchr("\"\\/bfnrt", e) && e) {
                r->at += 2;
            } else {
                return bad(r, "a bad escape");
            }
            continue;
        }
        long cp = utf8_char(r);
        if (cp < 0)
            return -1;
        if (cp == 0x2028 || cp == 0x2029)
            return bad(r, "a raw U+2028 or U+2029 in a string");
    }
}

static int value(reader *r, int depth);

static int members(reader *r, int depth, int is_object)
{
    r->at++; /* { or [ */
    skip_space(r);
    char close = is_object ? '}' : ']';
    if (r->at < r->len && r->s[r->at] == (unsigned char)close) {
        r->at++;
        return 0;
    }
    for (;;) {
        if (is_object) {
            if (r->at >= r->len || r->s[r->at] != '"')
                return bad(r, "an object member without a name");
            if (string(r) != 0)
                return -1;
            skip_space(r);
            if (r->at >= r->len || r->s[r->at] != ':')
                return bad(r, "a member name without ':'");
            r->at++;
            skip_space(r);
        }
        if (value(r, depth + 1) != 0)
            return -1;
        skip_space(r);
        if (r->at < r->len && r->s[r->at] == ',') {
            r->at++;
            skip_space(r);
            continue;
        }
        if (r->at < r->len && r->s[r->at] == (unsigned char)close) {
            r->at++;
            return 0;
        }
        return bad(r, "a container not closed, or a missing ','");
    }
}

static int value(reader *r, int depth)
{
    if (depth > MAX_DEPTH)
        return bad(r, "nested too deep");
    if (r->at >= r->len)
        return bad(r, "a value is missing");
    switch (r->s[r->at]) {
    case '{': return members(r, depth, 1);
    case '[': return members(r, depth, 0);
    case '"': return string(r);
    case 't': return literal(r, "true");
    case 'f': return literal(r, "false");
    case 'n': return literal(r, "null");
    default:
        if (r->s[r->at] == '-' || (r->s[r->at] >= '0' && r->s[r->at] <= '9'))
            return number(r);
        return bad(r, "not a JSON value");
    }
}

const char *json_check(const char *s, size_t len, int compact)
{
    reader r = {(const unsigned char *)s, len, 0, compact, NULL};
    skip_space(&r);
    if (value(&r, 0) != 0)
        return r.why;
    skip_space(&r);
    return r.at == len ? NULL : "more after the JSON value";
}
