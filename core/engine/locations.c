/* Where a factpipe binary finds its plugins and configuration without
 * being told: next to itself (the program's <bin>/../share/factpipe,
 * libfactpipe's <lib>/../share/factpipe, wherever the install was moved),
 * else in its build tree when it runs from there, and only when neither is
 * there where it was configured to be installed. */
#include "fp_engine.h"
#include "../pipeline/fp_pipeline.h"
#include "fp_self_path.h"

#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { MAX_PLACES = 3 };

typedef struct places {
    char paths[MAX_PLACES][PATH_MAX];
    fp_default_place list[MAX_PLACES];
    size_t n;
} places;

static struct {
    places data, plugins;
    char schema[PATH_MAX];
} known;
static pthread_once_t known_once = PTHREAD_ONCE_INIT;

static int is_inside(const char *path, const char *dir)
{
    char *real = realpath(dir, NULL);
    if (!real)
        return 0;
    size_t len = strlen(real);
    int inside = strncmp(path, real, len) == 0 && path[len] == '/';
    free(real);
    return inside;
}

static int is_folder(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int has_default_pipeline(const char *dir)
{
    char file[PATH_MAX + 32];
    snprintf(file, sizeof file, "%s/default.pipeline", dir);
    struct stat st;
    return stat(file, &st) == 0 && S_ISREG(st.st_mode);
}

static void add_place(places *p, const char *path, const char *origin, int (*found)(const char *))
{
    if (p->n == MAX_PLACES || strlen(path) >= PATH_MAX)
        return;
    strcpy(p->paths[p->n], path);
    p->list[p->n] = (fp_default_place){p->paths[p->n], origin, found(path)};
    p->n++;
}

/* The first place found, else the last one tried (whose absence the
 * error about a missing file then names). */
static const char *first_found(const places *p)
{
    for (size_t i = 0; i < p->n; i++)
        if (p->list[i].found)
            return p->list[i].path;
    return p->list[p->n - 1].path;
}

/* Candidates in search order: next to this code (an install, wherever
 * it was put — even inside the build folder, as a DESTDIR stage may be),
 * the build tree when this code runs from it, the configured install
 * folder. */
static void find_places(void)
{
    char self[PATH_MAX];
    fp_self_kind kind = FP_SELF_PROGRAM;
    int have_self = fp_self_path(self, sizeof self, &kind) == 0;
    if (have_self) {
        char dir[PATH_MAX];
        strcpy(dir, self);
        *strrchr(dir, '/') = '\0';
        if (dir[0] == '\0')
            strcpy(dir, "/");
        int library = kind == FP_SELF_LIBRARY;
        const char *origin = library ? "next to libfactpipe" : "next to the program";
        const char *to_data = library ? FP_LIBRARY_TO_DATA_DIR : FP_PROGRAM_TO_DATA_DIR;
        const char *to_plugins = library ? FP_LIBRARY_TO_PLUGIN_DIR : FP_PROGRAM_TO_PLUGIN_DIR;
        char path[PATH_MAX];
        if (to_data[0] && fp_path_join_folded(path, sizeof path, dir, to_data) == 0)
            add_place(&known.data, path, origin, has_default_pipeline);
        if (to_plugins[0] && fp_path_join_folded(path, sizeof path, dir, to_plugins) == 0)
            add_place(&known.plugins, path, origin, is_folder);
    }
    if (have_self && is_inside(self, FP_BUILD_DIR)) {
        add_place(&known.data, FP_SOURCE_DIR "/config", "build tree", has_default_pipeline);
        add_place(&known.plugins, FP_BUILD_PLUGIN_DIR, "build tree", is_folder);
    }
    add_place(&known.data, FP_INSTALL_DATA_DIR, "configured install folder",
              has_default_pipeline);
    add_place(&known.plugins, FP_INSTALL_PLUGIN_DIR, "configured install folder", is_folder);

    const char *data = first_found(&known.data);
    if (strcmp(data, FP_SOURCE_DIR "/config") == 0) /* the source tree's layout */
        snprintf(known.schema, sizeof known.schema, "%s", FP_SOURCE_DIR "/schema/factpipe.rng");
    else
        snprintf(known.schema, sizeof known.schema, "%s/schema/factpipe.rng", data);
}

static void ensure_known(void)
{
    pthread_once(&known_once, find_places);
}

const fp_default_place *fp_default_data_places(size_t *n)
{
    ensure_known();
    *n = known.data.n;
    return known.data.list;
}

const fp_default_place *fp_default_plugin_places(size_t *n)
{
    ensure_known();
    *n = known.plugins.n;
    return known.plugins.list;
}

const char *fp_default_config_dir(void)
{
    ensure_known();
    return first_found(&known.data);
}

const char *fp_default_schema_path(void)
{
    ensure_known();
    return known.schema;
}

int fp_plugin_path_add_defaults(fp_plugin_path *pp, fp_error *err)
{
    if (fp_plugin_path_add_list(pp, getenv("FACTPIPE_PLUGIN_PATH"), "FACTPIPE_PLUGIN_PATH",
                                err) != 0)
        return -1;
    size_t n;
    const fp_default_place *own = fp_default_plugin_places(&n);
    for (size_t i = 0; i < n; i++) {
        if (fp_plugin_path_add(pp, own[i].path, own[i].origin, err) != 0)
            return -1;
        if (pp->asked[pp->n_asked - 1].found)
            break;
    }
    return 0;
}

size_t fp_default_drop_in_dirs(char dirs[FP_DROP_IN_DIRS][4096])
{
    size_t n = 0;
    snprintf(dirs[n++], 4096, "%s/pipeline.d", fp_default_config_dir());
    const char *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    if (xdg && xdg[0] == '/')
        snprintf(dirs[n++], 4096, "%s/factpipe/pipeline.d", xdg);
    else if (home && home[0] == '/')
        snprintf(dirs[n++], 4096, "%s/.config/factpipe/pipeline.d", home);
    return n;
}

struct fp_pipeline *fp_pipeline_load_installed(const char *path, fp_error *err)
{
    char drop_in_dirs[FP_DROP_IN_DIRS][4096];
    const char *dirs[FP_DROP_IN_DIRS];
    fp_pipeline_load_options options = {fp_default_config_dir(), dirs,
                                        fp_default_drop_in_dirs(drop_in_dirs)};
    for (size_t i = 0; i < options.n_drop_in_dirs; i++)
        dirs[i] = drop_in_dirs[i];
    return fp_pipeline_load_with(path, &options, err);
}

size_t fp_plugin_data_dirs(const char *plugin_file, const char *name,
                           char dirs[FP_PLUGIN_DATA_DIRS][4096])
{
    size_t n = 0;
    const char *slash = strrchr(plugin_file, '/');
    if (slash) {
        int dir_len = (int)(slash - plugin_file);
        if (snprintf(dirs[n], 4096, "%.*s/%s", dir_len, plugin_file, name) < 4096)
            n++;
    }
    if (snprintf(dirs[n], 4096, "%s/plugins/%s", fp_default_config_dir(), name) < 4096)
        n++;
    return n;
}
