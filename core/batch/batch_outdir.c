/* The output folder: every path beneath it resolved from its descriptor
 * without following links (batch_outdir.h). */
#define _GNU_SOURCE /* O_PATH-free openat2 flags, fdopendir */
#include "batch_outdir.h"
#include "batch_files.h"
#include "batch_names.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define CACHE_SIZE 64

typedef struct cached_folder {
    char *rel;
    int fd;
} cached_folder;

struct fp_outdir {
    char *path;
    int root;
    int tmp;           /* DIR/.factpipe-tmp, or -1 */
    unsigned long seq; /* of temporaries */
    long pid;          /* in their names */
    int no_openat2;    /* the kernel (or a seccomp filter) refused it */
    cached_folder cache[CACHE_SIZE];
    size_t n_cached, last_hit;
};

fp_outdir *fp_outdir_open(const char *path, fp_error *err)
{
    fp_outdir *d = calloc(1, sizeof *d);
    if (!d || !(d->path = strdup(path))) {
        free(d);
        fp_error_set(err, "out of memory");
        return NULL;
    }
    /* "out/" and "out" name it alike in messages: "out/NAME" */
    for (size_t n = strlen(d->path); n > 1 && d->path[n - 1] == '/'; n--)
        d->path[n - 1] = '\0';
    d->root = d->tmp = -1;
    if (fp_make_folder(path, err) != 0) {
        fp_outdir_close(d);
        return NULL;
    }
    d->root = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (d->root < 0) {
        fp_error_set(err, "%s: cannot open the output folder: %s", path, strerror(errno));
        fp_outdir_close(d);
        return NULL;
    }
    return d;
}

static void clear_cache(fp_outdir *d)
{
    for (size_t i = 0; i < d->n_cached; i++) {
        close(d->cache[i].fd);
        free(d->cache[i].rel);
    }
    d->n_cached = d->last_hit = 0;
}

void fp_outdir_close(fp_outdir *d)
{
    if (!d)
        return;
    clear_cache(d);
    if (d->tmp >= 0) {
        close(d->tmp);
        (void)unlinkat(d->root, FP_OUTDIR_TMP_NAME, AT_REMOVEDIR); /* only when empty */
    }
    if (d->root >= 0)
        close(d->root);
    free(d->path);
    free(d);
}

const char *fp_outdir_path(const fp_outdir *d)
{
    return d->path;
}

int fp_outdir_root_fd(const fp_outdir *d)
{
    return d->root;
}

/* The message for a folder that could not be reached; errno kept. */
static int folder_error(const fp_outdir *d, const char *rel, size_t len, int why, fp_error *err)
{
    const char *sep = strcmp(d->path, "/") == 0 ? "" : "/";
    if (why == ELOOP)
        fp_error_set(err, "%s%s%.*s: a symbolic link is in the way; factpipe does not follow "
                     "links inside its output folder (remove it, or choose another -o "
                     "folder)", d->path, sep, (int)len, rel);
    else if (why == ENOTDIR || why == EEXIST)
        fp_error_set(err, "%s%s%.*s: cannot make this folder: something that is not a folder "
                     "has its name", d->path, sep, (int)len, rel);
    else
        fp_error_set(err, "%s%s%.*s: cannot make or open this folder: %s", d->path, sep,
                     (int)len, rel, strerror(why));
    errno = why;
    return -1;
}

/* openat2 beneath DIR with no link anywhere: the fast way to a folder
 * that exists.  -1 with errno; ENOSYS-like refusals switch it off. */
static int open_beneath(fp_outdir *d, const char *rel)
{
    if (d->no_openat2) {
        errno = ENOSYS;
        return -1;
    }
    struct open_how how;
    memset(&how, 0, sizeof how);
    how.flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC;
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
    long fd = syscall(SYS_openat2, d->root, rel, &how, sizeof how);
    if (fd < 0 && (errno == ENOSYS || errno == EPERM || errno == E2BIG || errno == EINVAL))
        d->no_openat2 = 1;
    return (int)fd;
}

/* One component at a time with O_NOFOLLOW, making what is missing. */
static int walk(fp_outdir *d, const char *rel, size_t len, int create, fp_error *err)
{
    int cur = d->root;
    char name[FP_NAME_MAX_BYTES + 1];
    for (size_t at = 0; at < len;) {
        const char *slash = memchr(rel + at, '/', len - at);
        size_t end = slash ? (size_t)(slash - rel) : len;
        size_t n = end - at;
        if (n == 0 || n > FP_NAME_MAX_BYTES) {
            if (cur != d->root)
                close(cur);
            return folder_error(d, rel, end, n ? ENAMETOOLONG : EINVAL, err);
        }
        memcpy(name, rel + at, n);
        name[n] = '\0';
        int next = openat(cur, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        struct stat st;
        if (next < 0 && errno == ENOTDIR && fstatat(cur, name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
            S_ISLNK(st.st_mode))
            errno = ELOOP; /* O_DIRECTORY reports a link as "not a folder" */
        if (next < 0 && errno == ENOENT && create) {
            if (mkdirat(cur, name, 0777) != 0 && errno != EEXIST) {
                int why = errno;
                if (cur != d->root)
                    close(cur);
                return folder_error(d, rel, end, why, err);
            }
            next = openat(cur, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        }
        int why = errno;
        if (cur != d->root)
            close(cur);
        if (next < 0)
            return folder_error(d, rel, end, why, err);
        cur = next;
        at = end + 1;
    }
    return cur == d->root ? dup(d->root) : cur;
}

int fp_outdir_folder(fp_outdir *d, const char *rel, size_t rel_len, int create, fp_error *err)
{
    if (rel_len == 0)
        return d->root;
    cached_folder *hit = NULL;
    if (d->last_hit < d->n_cached && strlen(d->cache[d->last_hit].rel) == rel_len &&
        memcmp(d->cache[d->last_hit].rel, rel, rel_len) == 0)
        hit = &d->cache[d->last_hit];
    for (size_t i = 0; !hit && i < d->n_cached; i++)
        if (strlen(d->cache[i].rel) == rel_len && memcmp(d->cache[i].rel, rel, rel_len) == 0) {
            hit = &d->cache[i];
            d->last_hit = i;
        }
    if (hit)
        return hit->fd;
    char *key = strndup(rel, rel_len);
    if (!key) {
        fp_error_set(err, "out of memory");
        errno = ENOMEM;
        return -1;
    }
    int fd = open_beneath(d, key);
    if (fd < 0)
        fd = walk(d, key, rel_len, create, err);
    if (fd < 0) {
        int why = errno;
        free(key);
        errno = why;
        return -1;
    }
    if (d->n_cached == CACHE_SIZE)
        clear_cache(d);
    d->cache[d->n_cached] = (cached_folder){key, fd};
    d->last_hit = d->n_cached++;
    return fd;
}

int fp_outdir_open_file(fp_outdir *d, const char *name, int flags, fp_error *err)
{
    int fd = openat(d->root, name, flags | O_NOFOLLOW | O_CLOEXEC, 0666);
    struct stat st;
    if (fd < 0) {
        int why = errno;
        if (why == ELOOP)
            fp_error_set(err, "%s/%s is a symbolic link; factpipe does not follow links "
                         "inside its output folder: remove it", d->path, name);
        else
            fp_error_set(err, "%s/%s: cannot open: %s", d->path, name, strerror(why));
        errno = why;
        return -1;
    }
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_nlink > 1) {
        fp_error_set(err, "%s/%s is not a regular file of its own (a folder, a device, or a "
                     "hard link to another file): remove it", d->path, name);
        close(fd);
        errno = EEXIST;
        return -1;
    }
    return fd;
}

int fp_outdir_has_file(fp_outdir *d, const char *rel)
{
    const char *slash = strrchr(rel, '/');
    size_t dir_len = slash ? (size_t)(slash - rel) : 0;
    fp_error ignored;
    int fd = fp_outdir_folder(d, rel, dir_len, 0, &ignored);
    if (fd < 0)
        return errno == EMFILE || errno == ENFILE || errno == ENOMEM ? -1 : 0;
    struct stat st;
    return fstatat(fd, slash ? slash + 1 : rel, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
           S_ISREG(st.st_mode);
}

static int open_tmp_folder(fp_outdir *d, int create, fp_error *err)
{
    if (d->tmp >= 0)
        return 0;
    if (create && mkdirat(d->root, FP_OUTDIR_TMP_NAME, 0777) != 0 && errno != EEXIST)
        return folder_error(d, FP_OUTDIR_TMP_NAME, strlen(FP_OUTDIR_TMP_NAME), errno, err);
    d->tmp = openat(d->root, FP_OUTDIR_TMP_NAME, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (d->tmp < 0)
        return folder_error(d, FP_OUTDIR_TMP_NAME, strlen(FP_OUTDIR_TMP_NAME), errno, err);
    return 0;
}

int fp_outdir_tmp_fd(const fp_outdir *d)
{
    return d->tmp;
}

int fp_outdir_temporary(fp_outdir *d, char name[48], fp_error *err)
{
    if (open_tmp_folder(d, 1, err) != 0)
        return -1;
    if (!d->pid)
        d->pid = (long)getpid();
    for (;;) {
        snprintf(name, 48, "%ld.%lu", d->pid, ++d->seq);
        int fd = openat(d->tmp, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (fd >= 0 || errno != EEXIST) {
            if (fd < 0) {
                int why = errno;
                fp_error_set(err, "%s/%s/%s: cannot create a temporary file: %s", d->path,
                             FP_OUTDIR_TMP_NAME, name, strerror(why));
                errno = why;
            }
            return fd;
        }
    }
}

/* "DIGITS.DIGITS": the shape of fp_outdir_temporary's names. */
static int is_own_temporary(const char *name)
{
    size_t a = strspn(name, "0123456789");
    return a > 0 && name[a] == '.' && name[a + 1] && strspn(name + a + 1, "0123456789") ==
                                                        strlen(name + a + 1);
}

/* The entries of the folder fd (dup'ed, so fd stays open); NULL if it
 * cannot be listed. */
static DIR *list(int fd)
{
    int copy = dup(fd);
    DIR *dir = copy >= 0 ? fdopendir(copy) : NULL;
    if (copy >= 0 && !dir)
        close(copy);
    return dir;
}

size_t fp_outdir_sweep(fp_outdir *d)
{
    fp_error ignored;
    if (open_tmp_folder(d, 0, &ignored) != 0)
        return 0;
    DIR *dir = list(d->tmp);
    size_t removed = 0;
    struct dirent *e;
    while (dir && (e = readdir(dir)) != NULL) {
        struct stat st;
        if (is_own_temporary(e->d_name) &&
            fstatat(d->tmp, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
            unlinkat(d->tmp, e->d_name, 0) == 0)
            removed++;
    }
    if (dir)
        closedir(dir);
    return removed;
}

/* ".NAME<ext>.tmp.PID" of a process no longer running: what factpipe
 * before 0.3 named the temporary of NAME<ext>. */
static int is_legacy_temporary(const char *name, const char *ext)
{
    if (name[0] != '.')
        return 0;
    const char *tag = strrchr(name, '.');
    size_t ext_len = strlen(ext);
    if (!tag || tag - name < 5 || strncmp(tag - 4, ".tmp", 4) != 0)
        return 0;
    const char *pid_text = tag + 1;
    size_t base_end = (size_t)(tag - 4 - name); /* the end of ".NAME<ext>" */
    if (!*pid_text || strspn(pid_text, "0123456789") != strlen(pid_text) ||
        base_end < ext_len + 2 || strncmp(name + base_end - ext_len, ext, ext_len) != 0)
        return 0;
    long pid = strtol(pid_text, NULL, 10);
    return pid > 0 && kill((pid_t)pid, 0) != 0 && errno == ESRCH;
}

static size_t sweep_legacy_in(int fd, char *rel, size_t rel_len, size_t rel_cap, int depth,
                              const char *ext, int (*wrote_here)(void *, const char *),
                              void *user)
{
    DIR *dir = list(fd);
    if (!dir)
        return 0;
    int ours = wrote_here(user, rel);
    size_t removed = 0;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        const char *n = e->d_name;
        if (strcmp(n, ".") == 0 || strcmp(n, "..") == 0 ||
            (rel_len == 0 && strcmp(n, FP_OUTDIR_TMP_NAME) == 0))
            continue;
        /* the entry's type from readdir where the file system gives it:
         * a million files need no million stats */
        int is_dir = e->d_type == DT_DIR, is_reg = e->d_type == DT_REG;
        struct stat st;
        if (e->d_type == DT_UNKNOWN && fstatat(fd, n, &st, AT_SYMLINK_NOFOLLOW) == 0) {
            is_dir = S_ISDIR(st.st_mode);
            is_reg = S_ISREG(st.st_mode);
        }
        if (is_reg && ours && is_legacy_temporary(n, ext) && unlinkat(fd, n, 0) == 0) {
            removed++;
        } else if (is_dir && depth < 256 && rel_len + strlen(n) + 2 < rel_cap) {
            int sub = openat(fd, n, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (sub < 0)
                continue;
            size_t len = (size_t)snprintf(rel + rel_len, rel_cap - rel_len, "%s%s",
                                          rel_len ? "/" : "", n);
            removed += sweep_legacy_in(sub, rel, rel_len + len, rel_cap, depth + 1, ext,
                                       wrote_here, user);
            rel[rel_len] = '\0';
            close(sub);
        }
    }
    closedir(dir);
    return removed;
}

size_t fp_outdir_sweep_legacy(fp_outdir *d, const char *ext,
                              int (*wrote_here)(void *user, const char *rel), void *user)
{
    char rel[8192] = "";
    return sweep_legacy_in(d->root, rel, 0, sizeof rel, 0, ext, wrote_here, user);
}
