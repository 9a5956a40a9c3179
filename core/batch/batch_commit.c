/* Group commit (batch_commit.h): a committer thread, and a few sync
 * threads that fsync a group's files at the same time — one thread
 * fsyncing 256 new files one after another pays 256 journal commits and
 * device cache flushes (about 1 s on a virtual disk); eight at once let the
 * file system share them (about 0.05 s). */
#include "batch_commit.h"
#include "batch_files.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#define SYNC_THREADS 8

typedef struct pending {
    int fd;
    char tmp[48];
    size_t folder; /* in the group's folders */
    char *name, *rel;
    char *line;
    size_t line_len;
} pending;

typedef struct group_folder {
    int fd;        /* dup'ed */
    char *rel;     /* the folder under DIR */
    int touched;   /* holds a file that reached its rename */
} group_folder;

typedef struct group {
    pending *files;
    size_t n;
    group_folder *folders;
    size_t n_folders;
    struct timespec opened; /* when its first file came */
} group;

/* fsync or fdatasync of n descriptors by the sync threads and the
 * caller together; errs[i] gets 0 or the errno of fds[i]. */
typedef struct sync_pool {
    pthread_t threads[SYNC_THREADS];
    size_t n_threads;
    pthread_mutex_t mu;
    pthread_cond_t work, done;
    const int *fds;
    int *errs;
    int data_only;
    size_t n, next, finished;
    int stop;
} sync_pool;

struct fp_committer {
    fp_outdir *dir;
    fp_journal *journal;
    size_t max_files;
    pthread_t thread;
    int thread_started;
    pthread_mutex_t mu;
    pthread_cond_t wake;    /* the committer: a group is ready, flush, stop */
    pthread_cond_t changed; /* the supervisor: room, or a group done */
    group open, spare;
    int committing, flush, stop;
    int failed, failed_errno;
    fp_error failure;
    sync_pool pool;
    int pool_started;
};

/* ---- sync threads ---------------------------------------------------------- */

static void sync_some(sync_pool *p)
{
    /* called and returns with p->mu held */
    while (p->next < p->n) {
        size_t i = p->next++;
        pthread_mutex_unlock(&p->mu);
        int rc = p->data_only ? fdatasync(p->fds[i]) : fsync(p->fds[i]);
        int why = rc == 0 ? 0 : errno;
        pthread_mutex_lock(&p->mu);
        p->errs[i] = why;
        if (++p->finished == p->n)
            pthread_cond_broadcast(&p->done);
    }
}

static void *sync_thread(void *arg)
{
    sync_pool *p = arg;
    pthread_mutex_lock(&p->mu);
    while (!p->stop) {
        if (p->next < p->n)
            sync_some(p);
        else
            pthread_cond_wait(&p->work, &p->mu);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

static void sync_all(sync_pool *p, const int *fds, int *errs, size_t n, int data_only)
{
    pthread_mutex_lock(&p->mu);
    p->fds = fds;
    p->errs = errs;
    p->data_only = data_only;
    p->n = n;
    p->next = p->finished = 0;
    if (n > 1)
        pthread_cond_broadcast(&p->work);
    sync_some(p);
    while (p->finished < p->n)
        pthread_cond_wait(&p->done, &p->mu);
    p->n = p->next = p->finished = 0;
    pthread_mutex_unlock(&p->mu);
}

static int sync_pool_start(sync_pool *p)
{
    memset(p, 0, sizeof *p);
    if (pthread_mutex_init(&p->mu, NULL) != 0)
        return -1;
    pthread_cond_init(&p->work, NULL);
    pthread_cond_init(&p->done, NULL);
    for (; p->n_threads < SYNC_THREADS; p->n_threads++)
        if (pthread_create(&p->threads[p->n_threads], NULL, sync_thread, p) != 0)
            break;
    return 0; /* with fewer threads (or none) the caller syncs alone */
}

static void sync_pool_stop(sync_pool *p)
{
    pthread_mutex_lock(&p->mu);
    p->stop = 1;
    pthread_cond_broadcast(&p->work);
    pthread_mutex_unlock(&p->mu);
    for (size_t i = 0; i < p->n_threads; i++)
        pthread_join(p->threads[i], NULL);
    pthread_cond_destroy(&p->work);
    pthread_cond_destroy(&p->done);
    pthread_mutex_destroy(&p->mu);
}

/* ---- groups ---------------------------------------------------------------- */

static void release(group *g)
{
    for (size_t i = 0; i < g->n; i++) {
        if (g->files[i].fd >= 0)
            close(g->files[i].fd);
        free(g->files[i].name);
        free(g->files[i].rel);
        free(g->files[i].line);
    }
    for (size_t i = 0; i < g->n_folders; i++) {
        close(g->folders[i].fd);
        free(g->folders[i].rel);
    }
    g->n = g->n_folders = 0;
}

/* Removes the temporaries of files [from, n). */
static void drop_temporaries(fp_committer *c, group *g, size_t from)
{
    for (size_t i = from; i < g->n; i++)
        (void)unlinkat(fp_outdir_tmp_fd(c->dir), g->files[i].tmp, 0);
}

static void fail(fp_committer *c, int why, const fp_error *err)
{
    pthread_mutex_lock(&c->mu);
    if (!c->failed) {
        c->failed = 1;
        c->failed_errno = why;
        c->failure = *err;
    }
    pthread_mutex_unlock(&c->mu);
}

/* Steps 3 and 4 for files [0, ok), all renamed: their folders, then the
 * journal.  0, or -1 with *why and err set. */
static int make_listed(fp_committer *c, group *g, size_t ok, int *why, fp_error *err)
{
    int *fds = calloc(g->n_folders + 1, sizeof *fds);
    int *errs = calloc(g->n_folders + 1, sizeof *errs);
    size_t n = 0;
    int rc = 0;
    if (!fds || !errs) {
        *why = ENOMEM;
        rc = fp_error_set(err, "out of memory");
    }
    for (size_t i = 0; rc == 0 && i < g->n_folders; i++)
        if (g->folders[i].touched)
            fds[n++] = g->folders[i].fd;
    if (rc == 0)
        sync_all(&c->pool, fds, errs, n, 0);
    for (size_t i = 0, k = 0; rc == 0 && i < g->n_folders; i++) {
        if (!g->folders[i].touched)
            continue;
        if (errs[k++]) {
            *why = errs[k - 1];
            rc = fp_error_set(err, "%s/%s: cannot sync folder: %s", fp_outdir_path(c->dir),
                              g->folders[i].rel, strerror(*why));
        }
    }
    free(fds);
    free(errs);
    size_t len = 0;
    for (size_t i = 0; rc == 0 && i < ok; i++)
        len += g->files[i].line ? g->files[i].line_len : 0;
    char *lines = rc == 0 && len ? malloc(len) : NULL;
    if (rc == 0 && len && !lines) {
        *why = ENOMEM;
        rc = fp_error_set(err, "out of memory");
    }
    for (size_t i = 0, at = 0; lines && i < ok; i++) {
        if (!g->files[i].line)
            continue;
        memcpy(lines + at, g->files[i].line, g->files[i].line_len);
        at += g->files[i].line_len;
    }
    if (rc == 0 && len && fp_journal_append(c->journal, lines, len, err) != 0) {
        *why = errno;
        rc = -1;
    }
    free(lines);
    return rc;
}

static void commit(fp_committer *c, group *g)
{
    size_t ok = g->n, renamed = 0;
    int why = 0;
    fp_error err = {{0}};
    int *fds = calloc(g->n + 1, sizeof *fds), *errs = calloc(g->n + 1, sizeof *errs);
    if (!fds || !errs) {
        why = ENOMEM;
        ok = 0;
        fp_error_set(&err, "out of memory");
    } else {
        for (size_t i = 0; i < g->n; i++)
            fds[i] = g->files[i].fd;
        sync_all(&c->pool, fds, errs, g->n, 1);
        for (size_t i = 0; i < g->n && !why; i++)
            if (errs[i]) {
                why = errs[i];
                ok = i;
                fp_error_set(&err, "%s/%s: cannot write: %s", fp_outdir_path(c->dir),
                             g->files[i].rel, strerror(why));
            }
    }
    free(fds);
    free(errs);
    for (; renamed < ok; renamed++) {
        pending *f = &g->files[renamed];
        if (renameat(fp_outdir_tmp_fd(c->dir), f->tmp, g->folders[f->folder].fd, f->name) != 0) {
            why = errno;
            ok = renamed;
            fp_error_set(&err, "%s/%s: cannot rename into place: %s", fp_outdir_path(c->dir),
                         f->rel, strerror(why));
            break;
        }
        g->folders[f->folder].touched = 1;
    }
    if (renamed && make_listed(c, g, renamed, &why, &err) != 0) {
        /* in place but not durable, or not listed: the journal is the
         * truth, so they go (a later --resume writes them again) */
        for (size_t i = 0; i < renamed; i++)
            (void)unlinkat(g->folders[g->files[i].folder].fd, g->files[i].name, 0);
    }
    drop_temporaries(c, g, renamed);
    if (why)
        fail(c, why, &err);
    release(g);
}

static void abandon(fp_committer *c, group *g)
{
    drop_temporaries(c, g, 0);
    release(g);
}

/* ---- the committer thread -------------------------------------------------- */

/* A group closes when the committer is free to take it and it has
 * waited FP_COMMIT_GATHER_MS since its first file (or holds max_files, or
 * a flush or the end asks for it): what came while the group before it was
 * being committed, and at least a few milliseconds' worth.  A trickle
 * commits each document within milliseconds; a flood fills groups as
 * large as a commit's time lets them grow. */
static int group_ready(const fp_committer *c, struct timespec *wait_until)
{
    if (c->stop)
        return 1;
    if (c->open.n == 0)
        return 0;
    if (c->open.n >= c->max_files || c->flush)
        return 1;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    *wait_until = c->open.opened;
    wait_until->tv_nsec += (long)FP_COMMIT_GATHER_MS * 1000000L;
    wait_until->tv_sec += wait_until->tv_nsec / 1000000000L;
    wait_until->tv_nsec %= 1000000000L;
    return now.tv_sec > wait_until->tv_sec ||
           (now.tv_sec == wait_until->tv_sec && now.tv_nsec >= wait_until->tv_nsec);
}

static void *committer_thread(void *arg)
{
    fp_committer *c = arg;
    pthread_mutex_lock(&c->mu);
    for (;;) {
        struct timespec until = {0, 0};
        while (!group_ready(c, &until)) {
            if (c->open.n == 0)
                pthread_cond_wait(&c->wake, &c->mu);
            else
                pthread_cond_timedwait(&c->wake, &c->mu, &until);
        }
        if (c->open.n == 0)
            break; /* stop, nothing left */
        group g = c->open;
        c->open = c->spare;
        c->spare = (group){0};
        c->committing = 1;
        int drop = c->failed || c->stop;
        pthread_cond_broadcast(&c->changed);
        pthread_mutex_unlock(&c->mu);
        if (drop)
            abandon(c, &g);
        else
            commit(c, &g);
        pthread_mutex_lock(&c->mu);
        c->spare = g; /* its arrays, emptied */
        c->committing = 0;
        pthread_cond_broadcast(&c->changed);
    }
    pthread_mutex_unlock(&c->mu);
    return NULL;
}

/* Each file pending holds two descriptors at most (its temporary and a
 * share of its folder's), and two groups may be pending. */
static size_t group_size_for_descriptors(size_t wanted)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
        return 16;
    rlim_t need = (rlim_t)wanted * 4 + 256;
    if (rl.rlim_cur < need && (rl.rlim_max == RLIM_INFINITY || rl.rlim_max >= need)) {
        rl.rlim_cur = need;
        (void)setrlimit(RLIMIT_NOFILE, &rl);
        (void)getrlimit(RLIMIT_NOFILE, &rl);
    }
    if (rl.rlim_cur >= need)
        return wanted;
    size_t fit = rl.rlim_cur > 192 ? (size_t)(rl.rlim_cur - 128) / 4 : 16;
    return fit < wanted ? fit : wanted;
}

static int alloc_group(group *g, size_t max_files)
{
    g->files = calloc(max_files, sizeof *g->files);
    g->folders = calloc(max_files, sizeof *g->folders);
    return g->files && g->folders ? 0 : -1;
}

fp_committer *fp_committer_new(fp_outdir *dir, fp_journal *journal, size_t max_files,
                               fp_error *err)
{
    fp_committer *c = calloc(1, sizeof *c);
    if (!c) {
        fp_error_set(err, "out of memory");
        return NULL;
    }
    c->dir = dir;
    c->journal = journal;
    c->max_files = group_size_for_descriptors(max_files ? max_files : FP_COMMIT_GROUP_FILES);
    pthread_condattr_t monotonic;
    pthread_condattr_init(&monotonic);
    pthread_condattr_setclock(&monotonic, CLOCK_MONOTONIC);
    pthread_mutex_init(&c->mu, NULL);
    pthread_cond_init(&c->wake, &monotonic);
    pthread_cond_init(&c->changed, NULL);
    pthread_condattr_destroy(&monotonic);
    if (alloc_group(&c->open, c->max_files) != 0 || alloc_group(&c->spare, c->max_files) != 0 ||
        !(c->pool_started = sync_pool_start(&c->pool) == 0)) {
        fp_error_set(err, "out of memory");
        fp_committer_free(c);
        return NULL;
    }
    if (pthread_create(&c->thread, NULL, committer_thread, c) != 0) {
        fp_error_set(err, "cannot start the committer thread: %s", strerror(errno));
        fp_committer_free(c);
        return NULL;
    }
    c->thread_started = 1;
    return c;
}

static int failure(fp_committer *c, fp_error *err)
{
    *err = c->failure;
    errno = c->failed_errno;
    return -1;
}

static size_t folder_for(fp_committer *c, group *g, int folder_fd, const char *rel)
{
    const char *slash = strrchr(rel, '/');
    size_t len = slash ? (size_t)(slash - rel) : 0;
    for (size_t i = g->n_folders; i-- > 0;)
        if (strlen(g->folders[i].rel) == len && memcmp(g->folders[i].rel, rel, len) == 0)
            return i;
    int fd = fcntl(folder_fd, F_DUPFD_CLOEXEC, 0);
    char *copy = fd >= 0 ? strndup(rel, len) : NULL;
    if (!copy) {
        if (fd >= 0)
            close(fd);
        return (size_t)-1;
    }
    (void)c;
    g->folders[g->n_folders] = (group_folder){fd, copy, 0};
    return g->n_folders++;
}

int fp_committer_add(fp_committer *c, int fd, const char *tmp, int folder_fd, const char *name,
                     const char *rel, char *line, fp_error *err)
{
    pthread_mutex_lock(&c->mu);
    while (!c->failed && c->open.n >= c->max_files)
        pthread_cond_wait(&c->changed, &c->mu);
    int rc = 0;
    if (c->failed) {
        rc = failure(c, err);
    } else {
        group *g = &c->open;
        pending *p = &g->files[g->n];
        size_t folder = folder_for(c, g, folder_fd, rel);
        p->name = strdup(name);
        p->rel = strdup(rel);
        if (folder == (size_t)-1 || !p->name || !p->rel) {
            free(p->name);
            free(p->rel);
            p->name = p->rel = NULL;
            errno = folder == (size_t)-1 && errno == EMFILE ? EMFILE : ENOMEM;
            rc = fp_error_set(err, "%s/%s: out of memory or descriptors", fp_outdir_path(c->dir),
                              rel);
        } else {
            p->fd = fd;
            snprintf(p->tmp, sizeof p->tmp, "%s", tmp);
            p->folder = folder;
            p->line = line;
            p->line_len = line ? strlen(line) : 0;
            if (g->n++ == 0) {
                clock_gettime(CLOCK_MONOTONIC, &g->opened);
                pthread_cond_signal(&c->wake);
            } else if (g->n >= c->max_files) {
                pthread_cond_signal(&c->wake);
            }
            fd = -1;
            line = NULL;
        }
    }
    pthread_mutex_unlock(&c->mu);
    if (fd >= 0) { /* not taken */
        int why = errno;
        close(fd);
        (void)unlinkat(fp_outdir_tmp_fd(c->dir), tmp, 0);
        free(line);
        errno = why;
    }
    return rc;
}

int fp_committer_flush(fp_committer *c, fp_error *err)
{
    pthread_mutex_lock(&c->mu);
    c->flush = 1;
    pthread_cond_signal(&c->wake);
    while (c->open.n > 0 || c->committing)
        pthread_cond_wait(&c->changed, &c->mu);
    c->flush = 0;
    int rc = c->failed ? failure(c, err) : 0;
    pthread_mutex_unlock(&c->mu);
    return rc;
}

void fp_committer_free(fp_committer *c)
{
    if (!c)
        return;
    if (c->thread_started) {
        pthread_mutex_lock(&c->mu);
        c->stop = 1;
        pthread_cond_signal(&c->wake);
        pthread_mutex_unlock(&c->mu);
        pthread_join(c->thread, NULL);
    }
    abandon(c, &c->open);
    if (c->pool_started)
        sync_pool_stop(&c->pool);
    free(c->open.files);
    free(c->open.folders);
    free(c->spare.files);
    free(c->spare.folders);
    pthread_cond_destroy(&c->wake);
    pthread_cond_destroy(&c->changed);
    pthread_mutex_destroy(&c->mu);
    free(c);
}
