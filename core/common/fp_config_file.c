/* Configuration files: regular, readable, under FP_CONFIG_MAX_BYTES. */
#include "fp_config_file.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* /dev/null reads as an empty file: "-c /dev/null" is the usual way to
 * say "no configuration" (the bash completion lists plugins so). */
static int is_dev_null(const struct stat *st)
{
    struct stat null;
    return S_ISCHR(st->st_mode) && stat("/dev/null", &null) == 0 && S_ISCHR(null.st_mode) &&
           st->st_rdev == null.st_rdev;
}

/* Why st cannot be a configuration file, or NULL when it can. */
static const char *stat_refusal(const struct stat *st, char *why, size_t why_size)
{
    if (is_dev_null(st))
        return NULL;
    if (S_ISDIR(st->st_mode))
        return "it is a folder; expected a file";
    if (S_ISFIFO(st->st_mode))
        return "it is a named pipe (FIFO), not a regular file";
    if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
        return "it is a device, not a regular file";
    if (!S_ISREG(st->st_mode))
        return "it is not a regular file";
    if ((unsigned long long)st->st_size > FP_CONFIG_MAX_BYTES) {
        snprintf(why, why_size, "it is %llu bytes, over the limit of %u bytes (16 MiB) for "
                 "configuration files", (unsigned long long)st->st_size,
                 (unsigned)FP_CONFIG_MAX_BYTES);
        return why;
    }
    return NULL;
}

const char *fp_config_refusal(const char *path, char *why, size_t why_size)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return strerror(errno);
    const char *refused = stat_refusal(&st, why, why_size);
    if (refused)
        return refused;
    return access(path, R_OK) != 0 ? strerror(errno) : NULL;
}

FILE *fp_config_open(const char *path, const char *what, fp_error *err)
{
    char why[160];
    struct stat st;
    const char *refused = stat(path, &st) != 0 ? strerror(errno)
                                               : stat_refusal(&st, why, sizeof why);
    int fd = -1;
    if (!refused && (fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) < 0)
        refused = strerror(errno);
    if (!refused)
        refused = fstat(fd, &st) != 0 ? strerror(errno) : stat_refusal(&st, why, sizeof why);
    FILE *f = NULL;
    if (!refused) {
        /* A regular file reads the same without O_NONBLOCK; clearing it
         * keeps stdio from ever seeing EAGAIN. */
        fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
        if (!(f = fdopen(fd, "r")))
            refused = strerror(errno);
    }
    if (!refused)
        return f;
    fp_error_set(err, "%s: cannot open %s: %s", path, what, refused);
    if (fd >= 0)
        close(fd);
    return NULL;
}
