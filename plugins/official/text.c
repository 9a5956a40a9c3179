/*
 * text.c — see text.h.
 */
#include "text.h"








bool text_put_char(char *out, size_t cap, size_t *n, uint32_t c)
{
    char buf[4];
    size_t k;
    if (c < 0x80) {
        buf[0] = (char)c;
        k = 1;
    } else if (c < 0x800) {
        buf[0] = (char)(0xC0 | (c >> 6));
        buf[1] = (char)(0x80 | (c & 0x3F));
        k = 2;
    } else if (c < 0x10000) {
        buf[0] = (char)(0xE0 | (c >> 12));
        buf[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        buf[2] = (char)(0x80 | (c & 0x3F));
        k = 3;
    } else {
        buf[0] = (char)(0xF0 | (c >> 18));
        buf[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        buf[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        buf[3] = (char)(0x80 | (c & 0x3F));
        k = 4;
    }
    if (*n + k + 1 > cap)
        return false;
    for (size_t i = 0; i < k; i++)
        out[(*n)++] = buf[i];
    out[*n] = '\0';
    return true;
}

static bool is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 ||
           (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x3000;
}

bool text_fold(const char *s, size_t len, char *out, size_t cap)
{
    size_t n = 0, pos = 0;
    bool pending_space = false;
    if (cap == 0)
        return false;
    out[0] = '\0';
    while (pos < len) {
        uint32_t c = text_decode(s, len, &pos);
        if (is_space(c)) {
            pending_space = n > 0;
            continue;
        }
        if (pending_space && !text_put_char(out, cap, &n, ' '))
            return false;
        pending_space = false;
        if (!text_put_char(out, cap, &n, text_fold_char(c)))
            return false;
    }
    return true;
}
