/* Relative names of the inputs under their common folder
 * (batch_relative.h). */
#include "batch_relative.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* input's anchor (batch_relative.h), malloc'ed, or NULL. */
static char *anchor_of(fp_input_base *b, const char *path)
{
    if (path[0] != '/' && !b->cwd && !(b->cwd = getcwd(NULL, 0)) &&
        !(b->cwd = strdup("/cwd-unknown")))
        return NULL;
    const char *parts[2] = {path[0] == '/' ? "" : b->cwd, path};
    char *out = malloc(strlen(parts[0]) + strlen(path) + 2);
    size_t k = 0;
    for (int p = 0; out && p < 2; p++) {
        for (const char *c = parts[p]; *c;) {
            const char *end = strchr(c, '/');
            size_t len = end ? (size_t)(end - c) : strlen(c);
            if (len && !(len == 1 && c[0] == '.')) {
                if (k)
                    out[k++] = '/';
                memcpy(out + k, c, len);
                k += len;
            }
            c += len + (end ? 1 : 0);
        }
    }
    if (out)
        out[k] = '\0';
    return out;
}

int fp_input_base_note(fp_input_base *b, const char *input, int is_folder)
{
    char *anchor = anchor_of(b, input);
    if (!anchor)
        return -1;
    const char *slash = strrchr(anchor, '/');
    size_t len = is_folder ? strlen(anchor) : slash ? (size_t)(slash - anchor) : 0;
    if (!b->has_base) {
        b->has_base = 1;
        b->base = strndup(anchor, len);
        free(anchor);
        return b->base ? 0 : -1;
    }
    size_t common = 0, i = 0;
    for (; b->base[i] && i < len && b->base[i] == anchor[i]; i++)
        if (b->base[i] == '/')
            common = i;
    if ((!b->base[i] || b->base[i] == '/') && (i == len || anchor[i] == '/'))
        common = i; /* one is a whole-part prefix of the other */
    b->base[common] = '\0';
    free(anchor);
    return 0;
}

char *fp_input_base_relative(fp_input_base *b, const char *input)
{
    char *anchor = anchor_of(b, input);
    size_t n = b->base ? strlen(b->base) : 0;
    if (!anchor || n == 0)
        return anchor;
    if (strncmp(anchor, b->base, n) == 0 && (anchor[n] == '/' || anchor[n] == '\0'))
        memmove(anchor, anchor + n + (anchor[n] == '/'), strlen(anchor + n) + 1);
    return anchor;
}

void fp_input_base_free(fp_input_base *b)
{
    free(b->cwd);
    free(b->base);
    memset(b, 0, sizeof *b);
}
