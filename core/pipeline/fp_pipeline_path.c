#include "fp_pipeline_path.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *join(const char *dir, const char *path)
{
    size_t dir_len = strlen(dir);
    size_t path_len = strlen(path);
    char *joined = malloc(dir_len + 1 + path_len + 1);
    if (!joined)
        return NULL;
    memcpy(joined, dir, dir_len);
    /* "/" as the folder must not become "//name". */
    size_t at = dir_len;
    if (at == 0 || joined[at - 1] != '/')
        joined[at++] = '/';
    memcpy(joined + at, path, path_len + 1);
    return joined;
}

char *fp_pipeline_path_resolve(const char *base_dir, const char *path)
{
    char *absolute;
    if (path[0] == '/') {
        absolute = strdup(path);
    } else if (base_dir) {
        absolute = join(base_dir, path);
    } else {
        char *cwd = getcwd(NULL, 0);
        if (!cwd)
            return NULL;
        absolute = join(cwd, path);
        free(cwd);
    }
    if (!absolute)
        return NULL;

    char *canonical = realpath(absolute, NULL);
    if (canonical) {
        free(absolute);
        return canonical;
    }
    return absolute;
}

char *fp_pipeline_path_folder_of(const char *path)
{
    char *file = realpath(path, NULL);
    if (!file)
        return NULL;
    char *slash = strrchr(file, '/');
    /* realpath() always returns an absolute path, so a slash exists; the
     * file may sit directly under "/". */
    if (slash == file)
        slash[1] = '\0';
    else
        *slash = '\0';
    return file;
}
