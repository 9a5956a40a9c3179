/* Where a factpipe binary finds its plugins and configuration without
 * being told: in its build tree when it runs from there, else where it
 * was installed. */
#include "fp_engine.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int fp_running_from_build_tree(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return 0;
    exe[n] = '\0';
    char *build = realpath(FP_BUILD_DIR, NULL);
    if (!build)
        return 0;
    size_t len = strlen(build);
    int inside = strncmp(exe, build, len) == 0 && exe[len] == '/';
    free(build);
    return inside;
}

const char *fp_default_config_dir(void)
{
    return fp_running_from_build_tree() ? FP_SOURCE_DIR "/config" : FP_INSTALL_DATA_DIR;
}
