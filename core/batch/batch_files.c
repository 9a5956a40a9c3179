/* A combined output that is never seen half-written: a temporary name in
 * the same folder ("factpipe-tmp" and a hash of the final name, so its
 * length is bounded and no one else's file can match it), fsync, rename,
 * fsync of the folder (docs/RELIABILITY.md, Durability); devices and FIFOs written
 * through; sweeping the temporaries a killed run of ours left; whole reads
 * and writes on descriptors. */
#include "batch_files.h"
#include "../common/fp_hash.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define TMP_PREFIX ".factpipe-tmp."

char *fp_path_join(const char *a, const char *b)
{
    size_t la = strlen(a);
    int slash = la > 0 && a[la - 1] != '/';
    size_t n = la + (size_t)slash + strlen(b) + 1;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s%s%s", a, slash ? "/" : "", b);
    return p;
}

static int make_parents(const char *path, fp_error *err)
{
    char *copy = strdup(path);
    if (!copy)
        return fp_error_set(err, "out of memory");
    for (char *p = copy + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(copy, 0777) != 0 && errno != EEXIST) {
            int why = errno;
            fp_error_set(err, "%s: cannot create folder: %s", copy, strerror(why));
            free(copy);
            errno = why;
            return -1;
        }
        *p = '/';
    }
    free(copy);
    return 0;
}

int fp_make_folder(const char *dir, fp_error *err)
{
    if (make_parents(dir, err) != 0)
        return -1;
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return fp_error_set(err, "%s: cannot create folder: %s", dir, strerror(errno));
    return 0;
}

char *fp_resolve_output_path(const char *path, fp_error *err)
{
    char *p = strdup(path);
    for (int hops = 0; p; hops++) {
        struct stat st;
        if (lstat(p, &st) != 0 || !S_ISLNK(st.st_mode))
            return p;
        char target[PATH_MAX];
        ssize_t n = hops < 40 ? readlink(p, target, sizeof target - 1) : -1;
        if (n < 0) {
            fp_error_set(err, "%s: cannot follow the symbolic link%s", path,
                         hops < 40 ? "" : " (more than 40 links: a loop?)");
            free(p);
            return NULL;
        }
        target[n] = '\0';
        char *slash = strrchr(p, '/');
        char *next;
        if (target[0] == '/' || !slash) {
            next = strdup(target);
        } else {
            slash[1] = '\0';
            next = fp_path_join(p, target);
        }
        free(p);
        p = next;
    }
    fp_error_set(err, "out of memory");
    return NULL;
}

/* The folder part of path ("." when none) and its last component. */
static int split(const char *path, char **dir, const char **base)
{
    const char *slash = strrchr(path, '/');
    *dir = slash ? strndup(path, (size_t)(slash - path) + 1) : strdup(".");
    *base = slash ? slash + 1 : path;
    return *dir ? 0 : -1;
}

static void temporary_name(char out[64], const char *base, long pid)
{
    fp_hash128 h = fp_hash128_of(base, strlen(base));
    snprintf(out, 64, TMP_PREFIX "%ld.%016llx", pid, (unsigned long long)h.h1);
}

/* Removes the temporaries of base in dir_fd left by runs of ours that
 * no longer run: ".factpipe-tmp.PID.HASH" with HASH the one of base. */
static void sweep_stale_siblings(int dir_fd, const char *base)
{
    char mine[64];
    temporary_name(mine, base, 0);
    const char *hash = strrchr(mine, '.');
    int copy = dup(dir_fd);
    DIR *d = copy >= 0 ? fdopendir(copy) : NULL;
    if (!d) {
        if (copy >= 0)
            close(copy);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        const char *n = e->d_name;
        size_t prefix = strlen(TMP_PREFIX);
        if (strncmp(n, TMP_PREFIX, prefix) != 0)
            continue;
        char *end;
        long pid = strtol(n + prefix, &end, 10);
        struct stat st;
        if (end == n + prefix || strcmp(end, hash) != 0 || pid <= 0 ||
            kill((pid_t)pid, 0) == 0 || errno != ESRCH ||
            fstatat(dir_fd, n, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
            continue;
        (void)unlinkat(dir_fd, n, 0);
    }
    closedir(d);
}

static int open_through(fp_atomic_file *f, fp_error *err)
{
    int fd = open(f->final_path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
    f->fp = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (!f->fp) {
        int why = errno;
        if (fd >= 0)
            close(fd);
        fp_error_set(err, "%s: cannot write: %s", f->final_path, strerror(why));
        errno = why;
        return -1;
    }
    return 0;
}

static void atomic_free(fp_atomic_file *f)
{
    if (f->dir_fd >= 0)
        close(f->dir_fd);
    free(f->final_path);
    free(f->name);
    f->final_path = f->name = NULL;
    f->dir_fd = -1;
}

int fp_atomic_open(fp_atomic_file *f, const char *path, fp_error *err)
{
    memset(f, 0, sizeof *f);
    f->dir_fd = -1;
    if (!(f->final_path = fp_resolve_output_path(path, err)))
        return -1;
    struct stat st;
    if (stat(f->final_path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        if (open_through(f, err) == 0)
            return 0;
        int why = errno;
        atomic_free(f);
        errno = why;
        return -1;
    }
    char *dir;
    const char *base;
    if (split(f->final_path, &dir, &base) != 0 || !(f->name = strdup(base))) {
        atomic_free(f);
        return fp_error_set(err, "out of memory");
    }
    int rc = make_parents(f->final_path, err);
    if (rc == 0 && (f->dir_fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
        int why = errno;
        rc = fp_error_set(err, "%s: cannot open its folder: %s", f->final_path, strerror(why));
        errno = why;
    }
    free(dir);
    if (rc != 0) {
        int why = errno;
        atomic_free(f);
        errno = why;
        return -1;
    }
    sweep_stale_siblings(f->dir_fd, f->name);
    temporary_name(f->tmp, f->name, (long)getpid());
    int fd = openat(f->dir_fd, f->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0 && errno == EEXIST && unlinkat(f->dir_fd, f->tmp, 0) == 0)
        fd = openat(f->dir_fd, f->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                    0666);
    f->fp = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (!f->fp) {
        int why = errno;
        if (fd >= 0) {
            close(fd);
            unlinkat(f->dir_fd, f->tmp, 0);
        }
        fp_error_set(err, "%s: cannot write: %s", f->final_path, strerror(why));
        atomic_free(f);
        errno = why;
        return -1;
    }
    return 0;
}

/* A failed fsync or close is not retried (docs/RELIABILITY.md,
 * Durability): the temporary goes, the caller stops.  errno is the first failure's. */
int fp_atomic_commit(fp_atomic_file *f, fp_error *err)
{
    int why = 0, through = f->dir_fd < 0;
    if (fflush(f->fp) != 0 || (!through && fsync(fileno(f->fp)) != 0)) {
        why = errno;
        fp_error_set(err, "%s: cannot write: %s", f->final_path, strerror(why));
    }
    if (fclose(f->fp) != 0 && why == 0) {
        why = errno;
        fp_error_set(err, "%s: cannot write: %s", f->final_path, strerror(why));
    }
    if (!through && why == 0 && renameat(f->dir_fd, f->tmp, f->dir_fd, f->name) != 0) {
        why = errno;
        fp_error_set(err, "%s: cannot rename into place: %s", f->final_path, strerror(why));
    }
    /* a rename is durable only once the folder holding it is synced */
    if (!through && why == 0 && fsync(f->dir_fd) != 0) {
        why = errno;
        fp_error_set(err, "%s: cannot sync its folder: %s", f->final_path, strerror(why));
    }
    if (!through && why != 0)
        unlinkat(f->dir_fd, f->tmp, 0);
    atomic_free(f);
    errno = why;
    return why ? -1 : 0;
}

void fp_atomic_abandon(fp_atomic_file *f)
{
    int why = errno; /* the caller's failure, not fclose's */
    fclose(f->fp);
    if (f->dir_fd >= 0)
        unlinkat(f->dir_fd, f->tmp, 0);
    atomic_free(f);
    errno = why;
}

int fp_errno_is_device_full(int e)
{
    return e == ENOSPC || e == EDQUOT;
}

/* Moves the n pieces of iov with io (readv or writev), retrying after
 * EINTR and short transfers; empty pieces need no call. */
static int transfer_all(int fd, struct iovec *iov, int n,
                        ssize_t (*io)(int, const struct iovec *, int))
{
    for (;;) {
        while (n > 0 && iov->iov_len == 0) {
            iov++;
            n--;
        }
        if (n == 0)
            return 0;
        ssize_t done = io(fd, iov, n);
        if (done < 0 && errno == EINTR)
            continue;
        if (done <= 0)
            return -1;
        while (n > 0 && (size_t)done >= iov->iov_len) {
            done -= (ssize_t)iov->iov_len;
            iov++;
            n--;
        }
        if (n > 0) {
            iov->iov_base = (char *)iov->iov_base + done;
            iov->iov_len -= (size_t)done;
        }
    }
}

int fp_fd_writev_all(int fd, struct iovec *iov, int n)
{
    return transfer_all(fd, iov, n, writev);
}

int fp_fd_write_all(int fd, const void *buf, size_t len)
{
    struct iovec one = {(void *)buf, len};
    return transfer_all(fd, &one, 1, writev);
}

int fp_fd_read_all(int fd, void *buf, size_t len)
{
    struct iovec one = {buf, len};
    return transfer_all(fd, &one, 1, readv);
}

int fp_fd_readv_all(int fd, struct iovec *iov, int n)
{
    return transfer_all(fd, iov, n, readv);
}
