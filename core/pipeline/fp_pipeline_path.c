#include "fp_pipeline_path.h"
#include "../common/fp_config_file.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

void fp_path_lookup_free(fp_path_lookup *lookup)
{
    free(lookup->found);
    free(lookup->tried);
    lookup->found = lookup->tried = NULL;
}

static void add_place_text(fp_path_lookup *lookup, const char *where, const char *label)
{
    size_t used = strlen(lookup->places);
    if (used + 1 < sizeof lookup->places)
        snprintf(lookup->places + used, sizeof lookup->places - used, "%s%s (%s)",
                 used ? ", " : "", where, label);
}

int fp_path_lookup_file(const char *path, const fp_path_place *places, size_t n,
                        fp_path_lookup *lookup)
{
    memset(lookup, 0, sizeof *lookup);
    static const fp_path_place here = {NULL, "the current folder"};
    static const fp_path_place absolute = {NULL, "as given"};
    if (path[0] == '/' || n == 0) {
        places = path[0] == '/' ? &absolute : &here;
        n = 1;
    }
    for (size_t i = 0; i < n; i++) {
        char *candidate = fp_pipeline_path_resolve(places[i].dir, path);
        if (!candidate) {
            lookup->why = "out of memory";
            return -1;
        }
        add_place_text(lookup, candidate, places[i].label);
        struct stat st;
        if (stat(candidate, &st) != 0 && (errno == ENOENT || errno == ENOTDIR)) {
            if (!lookup->tried)
                lookup->tried = candidate;
            else
                free(candidate);
            continue;
        }
        free(lookup->tried);
        lookup->tried = candidate;
        /* Checked before any reader opens it: no plugin's reader or
         * inih meets a device, a FIFO or a file of a gigabyte. */
        lookup->why = fp_config_refusal(candidate, lookup->why_text, sizeof lookup->why_text);
        if (lookup->why)
            return -1;
        lookup->found = candidate;
        lookup->tried = NULL;
        return 0;
    }
    lookup->why = strerror(ENOENT);
    lookup->in_none = 1;
    return -1;
}

static int compare_names(const void *a, const void *b)
{
    const char *x = strrchr(*(char *const *)a, '/'), *y = strrchr(*(char *const *)b, '/');
    return strcmp(x, y);
}

static int is_drop_in_name(const char *name)
{
    static const char suffix[] = ".pipeline";
    size_t len = strlen(name), n = sizeof suffix - 1;
    return name[0] != '.' && len > n && strcmp(name + len - n, suffix) == 0;
}

static void free_list(char **paths, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(paths[i]);
    free(paths);
}

/* Adds dir/name to the list, replacing an entry of the same name. */
static int add_drop_in(char ***paths, size_t *n, const char *dir, const char *name)
{
    size_t len = strlen(dir) + 1 + strlen(name) + 1;
    char *path = malloc(len);
    if (!path)
        return -1;
    snprintf(path, len, "%s/%s", dir, name);
    for (size_t i = 0; i < *n; i++) {
        if (strcmp(strrchr((*paths)[i], '/') + 1, name) == 0) {
            free((*paths)[i]);
            (*paths)[i] = path;
            return 0;
        }
    }
    char **grown = realloc(*paths, (*n + 1) * sizeof *grown);
    if (!grown) {
        free(path);
        return -1;
    }
    *paths = grown;
    grown[(*n)++] = path;
    return 0;
}

int fp_pipeline_list_drop_ins(const char *const *dirs, size_t n_dirs, char ***paths_out,
                              size_t *n_out, char *why, size_t why_size)
{
    char **paths = NULL;
    size_t n = 0;
    *paths_out = NULL;
    *n_out = 0;
    for (size_t d = 0; d < n_dirs; d++) {
        DIR *folder = opendir(dirs[d]);
        if (!folder && errno == ENOENT)
            continue;
        if (!folder) {
            snprintf(why, why_size, "cannot read the drop-in folder %s: %s", dirs[d],
                     strerror(errno));
            free_list(paths, n);
            return -1;
        }
        struct dirent *entry;
        int failed = 0;
        while (!failed && (entry = readdir(folder)) != NULL)
            if (is_drop_in_name(entry->d_name))
                failed = add_drop_in(&paths, &n, dirs[d], entry->d_name) != 0;
        closedir(folder);
        if (failed) {
            snprintf(why, why_size, "out of memory listing %s", dirs[d]);
            free_list(paths, n);
            return -1;
        }
    }
    if (n)
        qsort(paths, n, sizeof *paths, compare_names);
    *paths_out = paths;
    *n_out = n;
    return 0;
}
