/* The file the running code was loaded from (fp_self_path.h). */
#define _GNU_SOURCE /* dladdr1, RTLD_DL_LINKMAP */
#include "fp_self_path.h"

#include <dlfcn.h>
#include <limits.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char anchor; /* an address inside whatever file holds this code */

static int copy_out(char *path, size_t size, const char *from)
{
    size_t len = strlen(from);
    if (len >= size)
        return -1;
    memcpy(path, from, len + 1);
    return 0;
}

int fp_self_path(char *path, size_t size, fp_self_kind *kind)
{
    Dl_info info;
    struct link_map *map = NULL;
    /* The main program's link map has an empty name; a shared library's
     * is the path the dynamic loader opened it by. */
    if (dladdr1(&anchor, &info, (void **)&map, RTLD_DL_LINKMAP) && map && map->l_name &&
        map->l_name[0]) {
        char *real = realpath(map->l_name, NULL);
        int rc = real ? copy_out(path, size, real) : -1;
        free(real);
        *kind = FP_SELF_LIBRARY;
        return rc;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return -1;
    exe[n] = '\0';
    *kind = FP_SELF_PROGRAM;
    return copy_out(path, size, exe);
}

int fp_path_join_folded(char *out, size_t size, const char *dir, const char *relative)
{
    if (copy_out(out, size, dir) != 0)
        return -1;
    size_t len = strlen(out);
    while (len > 1 && out[len - 1] == '/')
        out[--len] = '\0';
    for (const char *part = relative; *part;) {
        size_t n = strcspn(part, "/");
        if (n == 2 && part[0] == '.' && part[1] == '.') {
            char *slash = strrchr(out, '/');
            len = slash && slash != out ? (size_t)(slash - out) : 1;
            out[len] = '\0';
        } else if (n && !(n == 1 && part[0] == '.')) {
            if (len + (out[len - 1] != '/') + n >= size)
                return -1;
            if (out[len - 1] != '/')
                out[len++] = '/';
            memcpy(out + len, part, n);
            out[len += n] = '\0';
        }
        part += n;
        while (*part == '/')
            part++;
    }
    return 0;
}
