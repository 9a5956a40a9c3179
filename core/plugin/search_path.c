/* The ordered list of folders plugins are looked up in. */
#include "fp_loader.h"

#include "../common/fp_suggest.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int remember_asked(fp_plugin_path *pp, const char *dir, const char *origin, int found,
                          fp_error *err)
{
    char *copy = strdup(dir);
    fp_plugin_folder *grown = copy ? realloc(pp->asked, (pp->n_asked + 1) * sizeof *grown) : NULL;
    if (!grown) {
        free(copy);
        return fp_error_set(err, "out of memory");
    }
    pp->asked = grown;
    pp->asked[pp->n_asked++] = (fp_plugin_folder){copy, origin, found};
    return 0;
}

int fp_plugin_path_add(fp_plugin_path *pp, const char *dir, const char *origin, fp_error *err)
{
    char *abs = realpath(dir, NULL);
    struct stat st;
    if (!abs || stat(abs, &st) != 0 || !S_ISDIR(st.st_mode)) {
        free(abs);
        /* a folder that is not there holds no plugins */
        return remember_asked(pp, dir, origin, 0, err);
    }
    if (remember_asked(pp, abs, origin, 1, err) != 0) {
        free(abs);
        return -1;
    }
    for (size_t i = 0; i < pp->n; i++) {
        if (strcmp(pp->dirs[i], abs) == 0) {
            free(abs);
            return 0;
        }
    }
    char **grown = realloc(pp->dirs, (pp->n + 1) * sizeof *grown);
    if (!grown) {
        free(abs);
        return fp_error_set(err, "out of memory");
    }
    pp->dirs = grown;
    pp->dirs[pp->n++] = abs;
    return 0;
}

int fp_plugin_path_add_list(fp_plugin_path *pp, const char *list, const char *origin,
                            fp_error *err)
{
    if (!list)
        return 0;
    char *copy = strdup(list);
    if (!copy)
        return fp_error_set(err, "out of memory");
    int rc = 0;
    char *save = NULL;
    for (char *dir = strtok_r(copy, ":", &save); dir && rc == 0;
         dir = strtok_r(NULL, ":", &save))
        rc = fp_plugin_path_add(pp, dir, origin, err);
    free(copy);
    return rc;
}

void fp_plugin_path_free(fp_plugin_path *pp)
{
    if (!pp)
        return;
    for (size_t i = 0; i < pp->n; i++)
        free(pp->dirs[i]);
    free(pp->dirs);
    for (size_t i = 0; i < pp->n_asked; i++)
        free(pp->asked[i].dir);
    free(pp->asked);
    memset(pp, 0, sizeof *pp);
}

static char *join_path(const char *dir, const char *name, const char *suffix)
{
    size_t n = strlen(dir) + 1 + strlen(name) + strlen(suffix) + 1;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s%s", dir, name, suffix);
    return p;
}

/* [a-z][a-z0-9_]*: no '/' and no "..", so NAME.so stays in its folder. */
static int is_plugin_name(const char *s)
{
    if (!(*s >= 'a' && *s <= 'z'))
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return 0;
    return 1;
}

/* "; did you mean 'money'?" after err when a plugin along the path has a
 * name close to name. */
static void suggest_plugin(const fp_plugin_path *pp, const char *name, fp_error *err)
{
    char **names = NULL;
    size_t n = 0;
    fp_error ignored;
    if (!err || fp_plugin_path_list(pp, &names, &n, &ignored) != 0)
        return;
    fp_suggest_append(err->message, sizeof err->message, name, (const char *const *)names, n,
                      "'", "'");
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

char *fp_plugin_path_find(const fp_plugin_path *pp, const char *name, fp_error *err)
{
    if (!is_plugin_name(name)) {
        fp_error_set(err, "'%s' is not a plugin name: plugin names are [a-z][a-z0-9_]* and "
                     "are looked up only inside the plugin folders (no '/' or '..'); put the "
                     "plugin in a folder and add it with --plugin-dir", name);
        return NULL;
    }
    for (size_t i = 0; i < pp->n; i++) {
        char *path = join_path(pp->dirs[i], name, ".so");
        if (!path) {
            fp_error_set(err, "out of memory");
            return NULL;
        }
        struct stat st;
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
            return path;
        free(path);
    }
    char where[768] = "", missing[768] = "";
    size_t used = 0, used_missing = 0;
    for (size_t i = 0; i < pp->n && used < sizeof where; i++)
        used += (size_t)snprintf(where + used, sizeof where - used, "%s%s", i ? ", " : "",
                                 pp->dirs[i]);
    for (size_t i = 0; i < pp->n_asked && used_missing < sizeof missing; i++)
        if (!pp->asked[i].found)
            used_missing += (size_t)snprintf(missing + used_missing,
                                             sizeof missing - used_missing, "%s%s",
                                             used_missing ? ", " : "; missing folders: ",
                                             pp->asked[i].dir);
    fp_error_set(err, "no plugin named '%s' (looked for %s.so in %s%s); add its folder with "
                 "--plugin-dir, FACTPIPE_PLUGIN_PATH or plugin-dir in the pipeline file",
                 name, name, pp->n ? where : "no plugin folder at all", missing);
    suggest_plugin(pp, name, err);
    return NULL;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_name(char **names, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0)
            return 1;
    return 0;
}

int fp_plugin_path_list(const fp_plugin_path *pp, char ***names_out, size_t *n_out,
                        fp_error *err)
{
    char **names = NULL;
    size_t n = 0;
    for (size_t i = 0; i < pp->n; i++) {
        DIR *d = opendir(pp->dirs[i]);
        if (!d)
            continue;
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            size_t len = strlen(e->d_name);
            if (len <= 3 || strcmp(e->d_name + len - 3, ".so") != 0)
                continue;
            char *name = strndup(e->d_name, len - 3);
            char **grown = name ? realloc(names, (n + 1) * sizeof *grown) : NULL;
            if (!grown) {
                free(name);
                closedir(d);
                for (size_t k = 0; k < n; k++)
                    free(names[k]);
                free(names);
                return fp_error_set(err, "out of memory");
            }
            names = grown;
            if (has_name(names, n, name))
                free(name);
            else
                names[n++] = name;
        }
        closedir(d);
    }
    if (n)
        qsort(names, n, sizeof *names, compare_names);
    *names_out = names;
    *n_out = n;
    return 0;
}
