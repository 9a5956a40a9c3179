/* Output files that are never seen half-written: a temporary name in the
 * same folder, fsync, rename, fsync of the folder (docs/RELIABILITY.md,
 * Durability), and
 * sweeping the temporaries a killed run left behind; whole reads and
 * writes on descriptors. */
#include "batch_files.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

int fp_atomic_open(fp_atomic_file *f, const char *path, fp_error *err)
{
    memset(f, 0, sizeof *f);
    if (make_parents(path, err) != 0)
        return -1;
    size_t n = strlen(path) + 32;
    f->final_path = strdup(path);
    f->tmp_path = malloc(n);
    if (!f->final_path || !f->tmp_path) {
        free(f->final_path);
        free(f->tmp_path);
        return fp_error_set(err, "out of memory");
    }
    const char *slash = strrchr(path, '/');
    int dir_len = slash ? (int)(slash - path + 1) : 0;
    snprintf(f->tmp_path, n, "%.*s.%s.tmp.%ld", dir_len, path, path + dir_len, (long)getpid());
    f->fp = fopen(f->tmp_path, "wbx");
    if (!f->fp && errno == EEXIST && unlink(f->tmp_path) == 0)
        f->fp = fopen(f->tmp_path, "wbx");
    if (!f->fp) {
        int why = errno;
        fp_error_set(err, "%s: cannot write: %s", path, strerror(why));
        free(f->final_path);
        free(f->tmp_path);
        errno = why;
        return -1;
    }
    return 0;
}

/* A rename is durable only once the folder holding it is synced. */
static int sync_parent_folder(const char *path, fp_error *err)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? strndup(path, (size_t)(slash - path) + 1) : strdup(".");
    if (!dir)
        return fp_error_set(err, "out of memory");
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    int why = 0;
    if (fd < 0 || fsync(fd) != 0) {
        why = errno;
        fp_error_set(err, "%s: cannot sync folder: %s", dir, strerror(why));
    }
    if (fd >= 0)
        close(fd);
    free(dir);
    errno = why;
    return why ? -1 : 0;
}

/* A failed fsync or close is not retried (docs/RELIABILITY.md,
 * Durability): the temporary
 * goes, the caller stops.  errno is the first failure's. */
int fp_atomic_commit(fp_atomic_file *f, fp_error *err)
{
    int why = 0;
    if (fflush(f->fp) != 0 || fsync(fileno(f->fp)) != 0) {
        why = errno;
        fp_error_set(err, "%s: cannot write: %s", f->final_path, strerror(why));
    }
    if (fclose(f->fp) != 0 && why == 0) {
        why = errno;
        fp_error_set(err, "%s: cannot write: %s", f->final_path, strerror(why));
    }
    if (why == 0 && rename(f->tmp_path, f->final_path) != 0) {
        why = errno;
        fp_error_set(err, "%s: cannot rename into place: %s", f->final_path, strerror(why));
    }
    if (why == 0 && sync_parent_folder(f->final_path, err) != 0)
        why = errno;
    if (why != 0)
        unlink(f->tmp_path);
    free(f->final_path);
    free(f->tmp_path);
    errno = why;
    return why ? -1 : 0;
}

void fp_atomic_abandon(fp_atomic_file *f)
{
    int why = errno; /* the caller's failure, not fclose's */
    fclose(f->fp);
    unlink(f->tmp_path);
    free(f->final_path);
    free(f->tmp_path);
    errno = why;
}

int fp_errno_is_device_full(int e)
{
    return e == ENOSPC || e == EDQUOT;
}

/* ".NAME.tmp.DIGITS": the shape fp_atomic_open gives temporaries. */
static int is_temporary_name(const char *name, long *pid)
{
    if (name[0] != '.')
        return 0;
    const char *tag = strstr(name, ".tmp.");
    if (!tag || tag == name)
        return 0;
    const char *digits = tag + 5;
    const char *last;
    while ((last = strstr(digits, ".tmp.")) != NULL)
        digits = last + 5;
    char *end;
    long v = strtol(digits, &end, 10);
    if (end == digits || *end)
        return 0;
    *pid = v;
    return 1;
}

size_t fp_sweep_temporaries(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    size_t removed = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char *path = fp_path_join(dir, e->d_name);
        struct stat st;
        long pid;
        if (!path || lstat(path, &st) != 0) {
            free(path);
            continue;
        }
        if (S_ISDIR(st.st_mode))
            removed += fp_sweep_temporaries(path);
        else if (S_ISREG(st.st_mode) && is_temporary_name(e->d_name, &pid) &&
                 unlink(path) == 0)
            removed++;
        free(path);
    }
    closedir(d);
    return removed;
}

void fp_sweep_stale_siblings(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? strndup(path, (size_t)(slash - path) + 1) : strdup(".");
    const char *base = slash ? slash + 1 : path;
    DIR *d = dir ? opendir(dir) : NULL;
    if (!d) {
        free(dir);
        return;
    }
    size_t base_len = strlen(base);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        long pid;
        /* ".BASE.tmp.PID" of a process that no longer runs */
        if (strncmp(e->d_name + 1, base, base_len) != 0 ||
            strncmp(e->d_name + 1 + base_len, ".tmp.", 5) != 0 ||
            !is_temporary_name(e->d_name, &pid))
            continue;
        if (pid > 0 && kill((pid_t)pid, 0) != 0 && errno == ESRCH) {
            char *victim = fp_path_join(dir, e->d_name);
            if (victim)
                unlink(victim);
            free(victim);
        }
    }
    closedir(d);
    free(dir);
}

/* write(2) with read(2)'s type; it only reads buf. */
static ssize_t write_some(int fd, void *buf, size_t len)
{
    return write(fd, buf, len);
}

/* Moves len bytes with io, retrying after EINTR and short transfers. */
static int transfer_all(int fd, char *p, size_t len, ssize_t (*io)(int, void *, size_t))
{
    while (len > 0) {
        ssize_t n = io(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

int fp_fd_write_all(int fd, const void *buf, size_t len)
{
    return transfer_all(fd, (char *)buf, len, write_some);
}

int fp_fd_read_all(int fd, void *buf, size_t len)
{
    return transfer_all(fd, buf, len, read);
}
