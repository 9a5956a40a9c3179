/* A folder walk as a stack of open folders: each frame holds one folder's
 * entry names, sorted, in one block of memory, and where the walk is in
 * them (files first, then sub-folders).  Links to folders are not
 * followed unless --follow, and then a link back to a folder on the path
 * from the root (a loop, told by device and inode) is skipped: "s -> ."
 * would otherwise give every document again at each level, for ever. */
#include "batch_walk.h"
#include "../common/fp_escape.h"
#include "batch_files.h"
#include "batch_select.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_DEPTH 256

typedef enum entry_kind { ENTRY_UNKNOWN, ENTRY_NONE, ENTRY_FILE, ENTRY_FOLDER } entry_kind;

typedef struct frame {
    char *rel;              /* the folder, relative to the root ("" for it) */
    char *names;            /* its entries' names, NUL-separated */
    size_t *at;             /* where each name starts in names, sorted */
    unsigned char *kind;    /* entry_kind of each, once known */
    size_t n, next;
    int pass;               /* 0: files, 1: sub-folders */
    dev_t dev;
    ino_t ino;
} frame;

struct fp_walk {
    const fp_batch_options *o;
    char *root;
    int quiet;
    frame *stack;
    size_t depth, cap;
    size_t unfollowed;
    char *first_unfollowed;
    size_t hidden;        /* names starting with '.' left out */
    char *first_hidden;
};

static const char *sort_base; /* qsort has no user pointer */
static int by_name(const void *a, const void *b)
{
    return strcmp(sort_base + *(const size_t *)a, sort_base + *(const size_t *)b);
}

static void frame_free(frame *f)
{
    free(f->rel);
    free(f->names);
    free(f->at);
    free(f->kind);
}

/* Keeps dirpath/name as the first hidden name when it sorts before the
 * one kept from the same folder (readdir's order is the file system's, the
 * message's should not be).  1 when it is kept. */
static int name_first_hidden(fp_walk *w, const char *dirpath, const char *name)
{
    const char *kept = w->first_hidden ? strrchr(w->first_hidden, '/') : NULL;
    if (kept && strcmp(kept + 1, name) <= 0)
        return 1;
    char *path = fp_path_join(dirpath, name);
    if (!path)
        return 0;
    free(w->first_hidden);
    w->first_hidden = path;
    return 1;
}

/* Reads the folder's names into f, sorted; the hidden ones (".git",
 * ".DS_Store", an editor's ".page.html.swp") are left out and counted in
 * w, so that the batch can say so. */
static int list_folder(fp_walk *w, const char *dirpath, frame *f, fp_error *err)
{
    DIR *d = opendir(dirpath);
    if (!d)
        return fp_error_set(err, "%s: cannot read folder: %s", dirpath, strerror(errno));
    size_t used = 0, cap = 0, n_cap = 0;
    struct dirent *e;
    int rc = 0, first_hidden_here = 0;
    while (rc == 0 && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') {
            if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0 &&
                (w->hidden++ == 0 || first_hidden_here))
                first_hidden_here |= name_first_hidden(w, dirpath, e->d_name);
            continue;
        }
        size_t len = strlen(e->d_name) + 1;
        if (used + len > cap) {
            size_t grown = cap ? cap * 2 : 4096;
            while (grown < used + len)
                grown *= 2;
            char *p = realloc(f->names, grown);
            if (!p) {
                rc = fp_error_set(err, "out of memory listing %s", dirpath);
                break;
            }
            f->names = p;
            cap = grown;
        }
        if (f->n == n_cap) {
            n_cap = n_cap ? n_cap * 2 : 64;
            size_t *p = realloc(f->at, n_cap * sizeof *p);
            if (!p) {
                rc = fp_error_set(err, "out of memory listing %s", dirpath);
                break;
            }
            f->at = p;
        }
        memcpy(f->names + used, e->d_name, len);
        f->at[f->n++] = used;
        used += len;
    }
    closedir(d);
    if (rc == 0 && f->n && !(f->kind = calloc(f->n, 1)))
        rc = fp_error_set(err, "out of memory listing %s", dirpath);
    if (rc == 0 && f->n) {
        sort_base = f->names;
        qsort(f->at, f->n, sizeof *f->at, by_name);
    }
    return rc;
}

static int in_path(const fp_walk *w, const struct stat *st)
{
    for (size_t i = 0; i < w->depth; i++)
        if (w->stack[i].dev == st->st_dev && w->stack[i].ino == st->st_ino)
            return 1;
    return 0;
}

/* Links to files are read (a dangling one fails as a document, named);
 * links to folders only with --follow. */
static entry_kind classify(fp_walk *w, const char *path, struct stat *st)
{
    if (lstat(path, st) != 0)
        return ENTRY_NONE; /* vanished meanwhile */
    if (!S_ISLNK(st->st_mode))
        return S_ISDIR(st->st_mode) ? ENTRY_FOLDER : ENTRY_FILE;
    if (stat(path, st) != 0 || !S_ISDIR(st->st_mode))
        return ENTRY_FILE;
    if (!w->o->follow_links) {
        if (w->unfollowed++ == 0)
            w->first_unfollowed = strdup(path);
        return ENTRY_NONE;
    }
    if (in_path(w, st)) {
        if (!w->quiet) {
            char *where = fp_escape_field(path);
            fprintf(stderr, "factpipe: warning: %s: a link to a folder that holds it (a "
                    "loop); not followed\n", where ? where : "?");
            free(where);
        }
        return ENTRY_NONE;
    }
    return ENTRY_FOLDER;
}

/* Opens the folder rel (st: what it is) on top of the stack. */
static int push(fp_walk *w, const char *rel, const struct stat *st, fp_error *err)
{
    if (w->depth == MAX_DEPTH)
        return fp_error_set(err, "%s/%s: folders nested over %d deep", w->root, rel,
                            MAX_DEPTH);
    if (w->depth == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 16;
        frame *grown = realloc(w->stack, cap * sizeof *grown);
        if (!grown)
            return fp_error_set(err, "out of memory");
        w->stack = grown;
        w->cap = cap;
    }
    frame *f = &w->stack[w->depth];
    memset(f, 0, sizeof *f);
    f->dev = st->st_dev;
    f->ino = st->st_ino;
    char *dirpath = rel[0] ? fp_path_join(w->root, rel) : strdup(w->root);
    int rc = !(f->rel = strdup(rel)) || !dirpath ? fp_error_set(err, "out of memory")
                                                 : list_folder(w, dirpath, f, err);
    free(dirpath);
    if (rc != 0) {
        frame_free(f);
        return -1;
    }
    w->depth++;
    return 0;
}

fp_walk *fp_walk_new(const fp_batch_options *o, const char *root, int quiet, fp_error *err)
{
    fp_walk *w = calloc(1, sizeof *w);
    struct stat st;
    if (!w || !(w->root = strdup(root))) {
        free(w);
        fp_error_set(err, "out of memory");
        return NULL;
    }
    w->o = o;
    w->quiet = quiet;
    int rc = stat(root, &st) != 0
                 ? fp_error_set(err, "%s: cannot read folder: %s", root, strerror(errno))
                 : push(w, "", &st, err);
    if (rc != 0) {
        fp_walk_free(w);
        return NULL;
    }
    return w;
}

int fp_walk_next(fp_walk *w, char **path, char **rel, fp_error *err)
{
    *path = *rel = NULL;
    while (w->depth > 0) {
        frame *f = &w->stack[w->depth - 1];
        if (f->next == f->n) {
            if (f->pass == 0) {
                f->pass = 1;
                f->next = 0;
                continue;
            }
            frame_free(f);
            w->depth--;
            continue;
        }
        size_t i = f->next++;
        const char *name = f->names + f->at[i];
        if (f->pass == 1 && f->kind[i] != ENTRY_FOLDER)
            continue;
        char *child_rel = f->rel[0] ? fp_path_join(f->rel, name) : strdup(name);
        char *child_path = child_rel ? fp_path_join(w->root, child_rel) : NULL;
        if (!child_rel || !child_path) {
            free(child_rel);
            return fp_error_set(err, "out of memory");
        }
        struct stat st;
        if (f->pass == 0) {
            f->kind[i] = (unsigned char)classify(w, child_path, &st);
            if (f->kind[i] == ENTRY_FILE && fp_batch_name_wanted(w->o, child_rel, 0)) {
                *path = child_path;
                *rel = child_rel;
                return 1;
            }
        } else if (fp_batch_name_wanted(w->o, child_rel, 1) && stat(child_path, &st) == 0 &&
                   S_ISDIR(st.st_mode) && !in_path(w, &st)) {
            if (push(w, child_rel, &st, err) != 0) {
                free(child_rel);
                free(child_path);
                return -1;
            }
        }
        free(child_rel);
        free(child_path);
    }
    return 0;
}

size_t fp_walk_unfollowed(const fp_walk *w, const char **first)
{
    *first = w->first_unfollowed;
    return w->unfollowed;
}

size_t fp_walk_hidden(const fp_walk *w, const char **first)
{
    *first = w->first_hidden;
    return w->hidden;
}

void fp_walk_free(fp_walk *w)
{
    if (!w)
        return;
    for (size_t i = 0; i < w->depth; i++)
        frame_free(&w->stack[i]);
    free(w->stack);
    free(w->root);
    free(w->first_unfollowed);
    free(w->first_hidden);
    free(w);
}
