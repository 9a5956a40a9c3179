#include "fp_batch.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* One input document: where to read it, how to name it, where its own
 * XML goes in folder output mode. */
typedef struct input_doc {
    char *path;     /* to open */
    char *source;   /* the name written in source="" */
    char *relative; /* relative to its input root, for -o DIR */
} input_doc;

typedef struct input_list {
    input_doc *items;
    size_t n, cap;
} input_list;

/* Files a folder walk picks up; files named on the command line are
 * always processed, whatever their name. */
static int is_page_name(const char *name)
{
    static const char *const exts[] = {".html", ".htm", ".xhtml", ".shtml", ".txt", ".text"};
    const char *dot = strrchr(name, '.');
    if (!dot)
        return 0;
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++)
        if (strcasecmp(dot, exts[i]) == 0)
            return 1;
    return 0;
}

static char *join(const char *a, const char *b)
{
    size_t la = strlen(a);
    int slash = la > 0 && a[la - 1] != '/';
    size_t n = la + (size_t)slash + strlen(b) + 1;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s%s%s", a, slash ? "/" : "", b);
    return p;
}

static int add_input(input_list *l, char *path, char *source, char *relative)
{
    if (!path || !source || !relative)
        goto oom;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        input_doc *grown = realloc(l->items, cap * sizeof *grown);
        if (!grown)
            goto oom;
        l->items = grown;
        l->cap = cap;
    }
    l->items[l->n++] = (input_doc){path, source, relative};
    return 0;
oom:
    free(path);
    free(source);
    free(relative);
    return -1;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Walk dir (as given: root_given + rel) in sorted order, iteratively deep
 * through a stack of pending folders. */
static int walk_folder(input_list *l, const char *root, fp_error *err)
{
    char **stack = malloc(sizeof *stack);
    size_t depth = 0, cap = 1;
    if (!stack || !(stack[depth++] = strdup("")))
        return free(stack), fp_error_set(err, "out of memory");
    int rc = 0;
    while (depth > 0 && rc == 0) {
        char *rel = stack[--depth];
        char *dirpath = rel[0] ? join(root, rel) : strdup(root);
        DIR *d = dirpath ? opendir(dirpath) : NULL;
        if (!d) {
            rc = fp_error_set(err, "%s: cannot read folder: %s", dirpath ? dirpath : root,
                              strerror(errno));
            free(dirpath);
            free(rel);
            break;
        }
        char **names = NULL;
        size_t n = 0;
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.')
                continue;
            char **grown = realloc(names, (n + 1) * sizeof *grown);
            if (!grown || !(grown[n] = strdup(e->d_name))) {
                names = grown ? grown : names;
                rc = fp_error_set(err, "out of memory");
                break;
            }
            names = grown;
            n++;
        }
        closedir(d);
        if (n)
            qsort(names, n, sizeof *names, compare_names);
        /* Files first, in order; sub-folders pushed in reverse so they pop
         * in order after them. */
        size_t first_sub = depth;
        for (size_t i = 0; i < n && rc == 0; i++) {
            char *child_rel = rel[0] ? join(rel, names[i]) : strdup(names[i]);
            char *child_path = child_rel ? join(root, child_rel) : NULL;
            struct stat st;
            if (!child_path || stat(child_path, &st) != 0) {
                free(child_rel);
                free(child_path);
                continue; /* vanished or dangling link: nothing to read */
            }
            if (S_ISDIR(st.st_mode)) {
                free(child_path);
                if (depth == cap) {
                    char **grown = realloc(stack, (cap *= 2) * sizeof *grown);
                    if (!grown) {
                        free(child_rel);
                        rc = fp_error_set(err, "out of memory");
                        break;
                    }
                    stack = grown;
                }
                stack[depth++] = child_rel;
            } else if (is_page_name(names[i])) {
                char *source = strdup(child_path);
                if (add_input(l, child_path, source, child_rel) != 0)
                    rc = fp_error_set(err, "out of memory");
            } else {
                free(child_rel);
                free(child_path);
            }
        }
        for (size_t a = first_sub, b = depth; a + 1 < b; a++, b--) {
            char *t = stack[a];
            stack[a] = stack[b - 1];
            stack[b - 1] = t;
        }
        for (size_t i = 0; i < n; i++)
            free(names[i]);
        free(names);
        free(dirpath);
        free(rel);
    }
    while (depth > 0)
        free(stack[--depth]);
    free(stack);
    return rc;
}

static int expand_inputs(const char *const *inputs, size_t n, input_list *l, fp_error *err)
{
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (stat(inputs[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            if (walk_folder(l, inputs[i], err) != 0)
                return -1;
            continue;
        }
        /* A file, or something that is not there: the engine reports it as
         * a failed document, so the batch names it in its output. */
        const char *base = strrchr(inputs[i], '/');
        base = base && base[1] ? base + 1 : inputs[i];
        if (add_input(l, strdup(inputs[i]), strdup(inputs[i]), strdup(base)) != 0)
            return fp_error_set(err, "out of memory");
    }
    return 0;
}

static void free_inputs(input_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->items[i].path);
        free(l->items[i].source);
        free(l->items[i].relative);
    }
    free(l->items);
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
            fp_error_set(err, "%s: cannot create folder: %s", copy, strerror(errno));
            free(copy);
            return -1;
        }
        *p = '/';
    }
    free(copy);
    return 0;
}

/* An output file written under a temporary name in the same folder and
 * renamed into place only once complete and synced. */
typedef struct atomic_file {
    FILE *fp;
    char *final_path;
    char *tmp_path;
} atomic_file;

static int atomic_open(atomic_file *f, const char *path, fp_error *err)
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
    snprintf(f->tmp_path, n, "%.*s.%s.tmp.%ld", dir_len, path, path + dir_len,
             (long)getpid());
    f->fp = fopen(f->tmp_path, "wbx");
    if (!f->fp && errno == EEXIST && unlink(f->tmp_path) == 0)
        f->fp = fopen(f->tmp_path, "wbx");
    if (!f->fp) {
        fp_error_set(err, "%s: cannot write: %s", path, strerror(errno));
        free(f->final_path);
        free(f->tmp_path);
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
    int rc = 0;
    if (fd < 0 || fsync(fd) != 0)
        rc = fp_error_set(err, "%s: cannot sync folder: %s", dir, strerror(errno));
    if (fd >= 0)
        close(fd);
    free(dir);
    return rc;
}

static int atomic_commit(atomic_file *f, fp_error *err)
{
    int rc = 0;
    if (fflush(f->fp) != 0 || fsync(fileno(f->fp)) != 0)
        rc = fp_error_set(err, "%s: cannot write: %s", f->final_path, strerror(errno));
    if (fclose(f->fp) != 0 && rc == 0)
        rc = fp_error_set(err, "%s: cannot write: %s", f->final_path, strerror(errno));
    if (rc == 0 && rename(f->tmp_path, f->final_path) != 0)
        rc = fp_error_set(err, "%s: cannot rename into place: %s", f->final_path,
                          strerror(errno));
    if (rc == 0)
        rc = sync_parent_folder(f->final_path, err);
    if (rc != 0)
        unlink(f->tmp_path);
    free(f->final_path);
    free(f->tmp_path);
    return rc;
}

static void atomic_abandon(atomic_file *f)
{
    fclose(f->fp);
    unlink(f->tmp_path);
    free(f->final_path);
    free(f->tmp_path);
}

/* Write the documents in [l] through writer w; counts into stats. */
static int write_documents(fp_engine *e, const input_list *l, size_t from, size_t to,
                           fp_xml_out *w, fp_batch_stats *stats, fp_error *err)
{
    for (size_t i = from; i < to; i++) {
        char why[1024];
        int rc = fp_engine_process_file(e, l->items[i].path, l->items[i].source, w, why,
                                        sizeof why, err);
        if (rc < 0)
            return -1;
        stats->documents++;
        if (rc > 0)
            stats->failed++;
    }
    return 0;
}

static int write_one_file(fp_engine *e, const input_list *l, size_t from, size_t to,
                          const char *path, fp_batch_stats *stats, fp_error *err)
{
    atomic_file f;
    if (atomic_open(&f, path, err) != 0)
        return -1;
    fp_xml_out *w = fp_xml_out_new(f.fp, err);
    int rc = w ? 0 : -1;
    if (rc == 0)
        rc = fp_xml_out_begin(w, err);
    if (rc == 0)
        rc = write_documents(e, l, from, to, w, stats, err);
    if (rc == 0)
        rc = fp_xml_out_end(w, err);
    fp_xml_out_free(w);
    if (rc != 0) {
        atomic_abandon(&f);
        return -1;
    }
    return atomic_commit(&f, err);
}

static int is_folder_output(const char *output)
{
    struct stat st;
    size_t n = strlen(output);
    return (n > 0 && output[n - 1] == '/') || (stat(output, &st) == 0 && S_ISDIR(st.st_mode));
}

int fp_batch_run(fp_engine *e, const char *const *inputs, size_t n_inputs, const char *output,
                 fp_batch_stats *stats, fp_error *err)
{
    memset(stats, 0, sizeof *stats);
    input_list l = {0};
    int rc = expand_inputs(inputs, n_inputs, &l, err);
    if (rc == 0 && !output) {
        fp_xml_out *w = fp_xml_out_new(stdout, err);
        rc = w ? fp_xml_out_begin(w, err) : -1;
        if (rc == 0)
            rc = write_documents(e, &l, 0, l.n, w, stats, err);
        if (rc == 0)
            rc = fp_xml_out_end(w, err);
        fp_xml_out_free(w);
    } else if (rc == 0 && is_folder_output(output)) {
        for (size_t i = 0; i < l.n && rc == 0; i++) {
            char *name = malloc(strlen(l.items[i].relative) + 5);
            char *path = name ? (sprintf(name, "%s.xml", l.items[i].relative), join(output, name))
                              : NULL;
            rc = path ? write_one_file(e, &l, i, i + 1, path, stats, err)
                      : fp_error_set(err, "out of memory");
            free(name);
            free(path);
        }
    } else if (rc == 0) {
        rc = write_one_file(e, &l, 0, l.n, output, stats, err);
    }
    free_inputs(&l);
    if (rc != 0)
        return -1;
    return stats->failed ? 1 : 0;
}
