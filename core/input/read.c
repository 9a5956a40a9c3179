/* Reading an input file: regular files only, size-capped
 * (docs/RELIABILITY.md, Inputs).  The file is opened non-blocking so that
 * a FIFO swapped in after the stat() cannot hang the open, and fstat()
 * decides before a single byte is read. */
#include "fp_input.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *file_type_refusal(mode_t mode)
{
    if (S_ISDIR(mode))
        return "is a directory, not a file";
    if (S_ISFIFO(mode))
        return "is a named pipe (FIFO), not a regular file";
    if (S_ISCHR(mode))
        return "is a character device, not a regular file";
    if (S_ISBLK(mode))
        return "is a block device, not a regular file";
    if (S_ISSOCK(mode))
        return "is a socket, not a regular file";
    return "is not a regular file";
}

static int too_big(const char *path, unsigned long long size, size_t max_bytes,
                   fp_error *err)
{
    return fp_error_set(err,
                        "%s: %llu bytes, over the limit of %zu bytes; raise "
                        "it with --max-input-size",
                        path, size, max_bytes);
}

/* Read until EOF into *buffer (capacity *cap, grown as needed), refusing
 * more than max_bytes: the file may have grown since fstat(). */
static int read_all(int fd, const char *path, size_t max_bytes,
                    unsigned char **buffer, size_t *cap, size_t *len,
                    fp_error *err)
{
    *len = 0;
    for (;;) {
        if (*len == *cap) {
            if (*cap > max_bytes)
                return too_big(path, (unsigned long long)*len, max_bytes, err);
            /* one byte past the limit is enough to notice a file over it */
            size_t grown =
                *cap < max_bytes / 2 ? *cap * 2 + 4096 : max_bytes + 1;
            unsigned char *p = realloc(*buffer, grown + 1);
            if (!p)
                return fp_error_set(err, "%s: out of memory reading %zu bytes",
                                    path, grown);
            *buffer = p;
            *cap = grown;
        }
        ssize_t n = read(fd, *buffer + *len, *cap - *len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return fp_error_set(err, "%s: read failed: %s", path,
                                strerror(errno));
        }
        if (n == 0)
            break;
        *len += (size_t)n;
    }
    if (*len > max_bytes)
        return too_big(path, (unsigned long long)*len, max_bytes, err);
    return 0;
}

int fp_read_file(const char *path, size_t max_bytes, unsigned char **bytes,
                 size_t *len, fp_error *err)
{
    *bytes = NULL;
    *len = 0;
    /* stat() first so that devices are never opened (opening some has side
     * effects); fstat() after open() rules out a swap in between. */
    struct stat st;
    if (stat(path, &st) != 0)
        return fp_error_set(err, "%s: cannot open: %s", path, strerror(errno));
    if (!S_ISREG(st.st_mode))
        return fp_error_set(err, "%s: %s", path, file_type_refusal(st.st_mode));
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return fp_error_set(err, "%s: cannot open: %s", path, strerror(errno));
    if (fstat(fd, &st) != 0) {
        int saved = errno;
        close(fd);
        return fp_error_set(err, "%s: cannot stat: %s", path, strerror(saved));
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return fp_error_set(err, "%s: %s", path, file_type_refusal(st.st_mode));
    }
    if ((unsigned long long)st.st_size > max_bytes) {
        close(fd);
        return too_big(path, (unsigned long long)st.st_size, max_bytes, err);
    }
    /* Room for the size fstat() reported, the NUL, and one byte more so a
     * file that grew is noticed without a second allocation. */
    size_t cap = (size_t)st.st_size + 1;
    unsigned char *buffer = malloc(cap + 1);
    if (!buffer) {
        close(fd);
        return fp_error_set(err, "%s: out of memory reading %zu bytes", path,
                            cap);
    }
    size_t got = 0;
    int rc = read_all(fd, path, max_bytes, &buffer, &cap, &got, err);
    close(fd);
    if (rc != 0) {
        free(buffer);
        return -1;
    }
    buffer[got] = '\0';
    *bytes = buffer;
    *len = got;
    return 0;
}

int fp_read_stream(int fd, const char *name, size_t max_bytes, unsigned char **bytes,
                   size_t *len, fp_error *err)
{
    *bytes = NULL;
    *len = 0;
    size_t cap = 65536 < max_bytes ? 65536 : max_bytes + 1;
    unsigned char *buffer = malloc(cap + 1);
    if (!buffer)
        return fp_error_set(err, "%s: out of memory", name);
    size_t got = 0;
    if (read_all(fd, name, max_bytes, &buffer, &cap, &got, err) != 0) {
        free(buffer);
        return -1;
    }
    buffer[got] = '\0';
    *bytes = buffer;
    *len = got;
    return 0;
}
