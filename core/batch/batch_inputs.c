/* The feed of documents: INPUTs and --files-from expanded into files
 * (folders walked recursively in sorted order, filtered by --include and
 * --exclude), archives opened one at a time as the feed reaches them, and
 * only the documents of this run's shard handed on. */
#include "batch_inputs.h"
#include "batch_archive.h"
#include "batch_files.h"
#include "batch_select.h"
#include "../input/fp_input.h"

#include <dirent.h>
#include <stdio.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

typedef struct input_item {
    char *path;     /* to open ("-": standard input) */
    char *relative; /* relative to its input root, for -o DIR */
    int is_archive;
} input_item;

/* The INPUT that names standard input. */
#define STDIN_INPUT "-"

struct fp_batch_feed {
    const fp_batch_options *o;
    input_item *items;
    size_t n, cap, next;
    size_t n_archives;
    fp_archive *archive; /* the archive being read, or NULL */
    size_t seq;
    int has_stdin;           /* "-" is one of the inputs */
    size_t unfollowed;       /* links to folders not followed */
    char *first_unfollowed;  /* the first of them, for the message */
};

static int add_item(fp_batch_feed *f, char *path, char *relative, fp_error *err)
{
    if (!path || !relative)
        goto oom;
    if (f->n == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 64;
        input_item *grown = realloc(f->items, cap * sizeof *grown);
        if (!grown)
            goto oom;
        f->items = grown;
        f->cap = cap;
    }
    int archive = strcmp(path, STDIN_INPUT) != 0 && fp_batch_is_archive_name(path);
    f->items[f->n++] = (input_item){path, relative, archive};
    f->n_archives += (size_t)archive;
    return 0;
oom:
    free(path);
    free(relative);
    return fp_error_set(err, "out of memory");
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads one folder's names, sorted. */
static int list_folder(const char *dirpath, char ***names_out, size_t *n_out, fp_error *err)
{
    DIR *d = opendir(dirpath);
    if (!d)
        return fp_error_set(err, "%s: cannot read folder: %s", dirpath, strerror(errno));
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char **grown = realloc(names, (n + 1) * sizeof *grown);
        if (!grown) {
            rc = fp_error_set(err, "out of memory");
            break;
        }
        names = grown;
        if (!(names[n] = strdup(e->d_name))) {
            rc = fp_error_set(err, "out of memory");
            break;
        }
        n++;
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, compare_names);
    *names_out = names;
    *n_out = n;
    return rc;
}

/* The folders from an input root down to the one being walked, by
 * device and inode: with --follow, a link back to one of them is a loop. */
typedef struct folder_chain {
    dev_t dev;
    ino_t ino;
    const struct folder_chain *parent;
} folder_chain;

static int in_chain(const folder_chain *c, const struct stat *st)
{
    for (; c; c = c->parent)
        if (c->dev == st->st_dev && c->ino == st->st_ino)
            return 1;
    return 0;
}

/* What a folder entry is for the walk. */
typedef enum entry_kind { ENTRY_NONE, ENTRY_FILE, ENTRY_FOLDER } entry_kind;

/* Like find and rsync, links to folders are not followed unless asked
 * (--follow): a link "s -> ." would otherwise read every document again
 * at each level, and two of them for ever.  Links to files are read. */
static entry_kind classify(fp_batch_feed *f, const char *path, const folder_chain *chain,
                           struct stat *st)
{
    if (lstat(path, st) != 0)
        return ENTRY_NONE; /* vanished meanwhile */
    if (!S_ISLNK(st->st_mode))
        return S_ISDIR(st->st_mode) ? ENTRY_FOLDER : ENTRY_FILE;
    if (stat(path, st) != 0)
        return ENTRY_FILE; /* dangling: fails as a document, named */
    if (!S_ISDIR(st->st_mode))
        return ENTRY_FILE;
    if (!f->o->follow_links) {
        if (f->unfollowed++ == 0)
            f->first_unfollowed = strdup(path);
        return ENTRY_NONE;
    }
    if (in_chain(chain, st)) {
        fprintf(stderr, "factpipe: warning: %s: a link to a folder that holds it (a loop); "
                "not followed\n", path);
        return ENTRY_NONE;
    }
    return ENTRY_FOLDER;
}

/* A folder's files in name order, then its sub-folders in name order,
 * each the same way (the order the serial runner always had). */
static int walk_folder(fp_batch_feed *f, const char *root, const char *rel,
                       const folder_chain *chain, int depth, fp_error *err)
{
    if (depth > 256)
        return fp_error_set(err, "%s/%s: folders nested over 256 deep", root, rel);
    char *dirpath = rel[0] ? fp_path_join(root, rel) : strdup(root);
    char **names = NULL;
    size_t n = 0;
    int rc = dirpath ? list_folder(dirpath, &names, &n, err) : fp_error_set(err, "out of memory");
    folder_chain *folders = n ? calloc(n, sizeof *folders) : NULL;
    char *is_folder = n ? calloc(n, 1) : NULL;
    if (rc == 0 && n && (!is_folder || !folders))
        rc = fp_error_set(err, "out of memory");
    for (int pass = 0; pass < 2 && rc == 0; pass++) {
        for (size_t i = 0; i < n && rc == 0; i++) {
            char *child_rel = rel[0] ? fp_path_join(rel, names[i]) : strdup(names[i]);
            char *child_path = child_rel ? fp_path_join(root, child_rel) : NULL;
            struct stat st;
            entry_kind kind = ENTRY_NONE;
            if (!child_rel || !child_path)
                rc = fp_error_set(err, "out of memory");
            else if (pass == 0)
                kind = classify(f, child_path, chain, &st);
            if (kind == ENTRY_FOLDER) {
                is_folder[i] = 1;
                folders[i] = (folder_chain){st.st_dev, st.st_ino, chain};
            } else if (kind == ENTRY_FILE && fp_batch_name_wanted(f->o, child_rel, 0)) {
                rc = add_item(f, child_path, child_rel, err);
                child_path = child_rel = NULL;
            } else if (pass == 1 && is_folder[i] && fp_batch_name_wanted(f->o, child_rel, 1)) {
                rc = walk_folder(f, root, child_rel, &folders[i], depth + 1, err);
            }
            free(child_rel);
            free(child_path);
        }
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    free(is_folder);
    free(folders);
    free(dirpath);
    return rc;
}

/* "-": one document read from standard input, named by --stdin-name. */
static int add_stdin(fp_batch_feed *f, fp_error *err)
{
    if (f->has_stdin++)
        return fp_error_set(err, "'-' (standard input) is given twice; it holds one document");
    const char *name = f->o->stdin_name;
    const char *base = name ? strrchr(name, '/') : NULL;
    base = base && base[1] ? base + 1 : name ? name : "stdin";
    return add_item(f, strdup(STDIN_INPUT), strdup(base), err);
}

static int add_input(fp_batch_feed *f, const char *input, fp_error *err)
{
    if (strcmp(input, STDIN_INPUT) == 0)
        return add_stdin(f, err);
    struct stat st;
    if (stat(input, &st) == 0 && S_ISDIR(st.st_mode)) {
        /* A folder named on the command line is walked even through a
         * link (as find -H does). */
        folder_chain root = {st.st_dev, st.st_ino, NULL};
        return walk_folder(f, input, "", &root, 0, err);
    }
    /* A file, or something that is not there: the engine reports it as a
     * failed document, so the batch names it in its output. */
    const char *base = strrchr(input, '/');
    base = base && base[1] ? base + 1 : input;
    return add_item(f, strdup(input), strdup(base), err);
}

/* One INPUT per line, or per NUL-terminated name with --null (what
 * find -print0 writes: names may hold newlines). */
static int add_files_from(fp_batch_feed *f, const char *list, fp_error *err)
{
    int is_stdin = strcmp(list, "-") == 0;
    FILE *in = is_stdin ? stdin : fopen(list, "r");
    if (!in)
        return fp_error_set(err, "%s: cannot read the list of inputs: %s", list,
                            strerror(errno));
    int separator = f->o->files_from_null ? '\0' : '\n';
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int rc = 0;
    while (rc == 0 && (len = getdelim(&line, &cap, separator, in)) > 0) {
        if (len > 0 && line[len - 1] == (char)separator)
            line[--len] = '\0';
        while (separator == '\n' && len > 0 && line[len - 1] == '\r')
            line[--len] = '\0';
        if (len > 0 && strlen(line) != (size_t)len)
            rc = fp_error_set(err, "%s: a name in the list of inputs holds a NUL byte; "
                              "a list from find -print0 needs --null (-0)", list);
        else if (len > 0)
            rc = add_input(f, line, err);
    }
    if (rc == 0 && ferror(in))
        rc = fp_error_set(err, "%s: cannot read the list of inputs: %s", list,
                          strerror(errno));
    free(line);
    if (!is_stdin)
        fclose(in);
    return rc;
}

fp_batch_feed *fp_batch_feed_new(const fp_batch_options *o, const char *const *inputs,
                                 size_t n_inputs, fp_error *err)
{
    fp_batch_feed *f = calloc(1, sizeof *f);
    if (!f) {
        fp_error_set(err, "out of memory");
        return NULL;
    }
    f->o = o;
    int rc = 0;
    for (size_t i = 0; i < n_inputs && rc == 0; i++)
        rc = add_input(f, inputs[i], err);
    if (rc == 0 && o->files_from && f->has_stdin && strcmp(o->files_from, "-") == 0)
        rc = fp_error_set(err, "standard input cannot hold both a document ('-') and the "
                          "list of --files-from -; give the list in a file");
    if (rc == 0 && o->files_from)
        rc = add_files_from(f, o->files_from, err);
    if (rc == 0 && f->unfollowed)
        fprintf(stderr, "factpipe: warning: %zu link%s to folders not followed (the first: "
                "%s); --follow reads them\n", f->unfollowed, f->unfollowed == 1 ? "" : "s",
                f->first_unfollowed ? f->first_unfollowed : "?");
    if (rc != 0) {
        fp_batch_feed_free(f);
        return NULL;
    }
    return f;
}

size_t fp_batch_feed_known_total(const fp_batch_feed *f, int *more_unknown)
{
    *more_unknown = f->n_archives > 0;
    size_t in_shard = 0;
    for (size_t i = 0; i < f->n; i++)
        in_shard += !f->items[i].is_archive && fp_batch_in_shard(f->o, f->items[i].path);
    return in_shard;
}

static char *identity_of(const char *path)
{
    struct stat st;
    char buf[96];
    if (stat(path, &st) != 0)
        snprintf(buf, sizeof buf, "missing");
    else
        snprintf(buf, sizeof buf, "size=%lld,mtime=%lld.%09ld", (long long)st.st_size,
                 (long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec);
    return strdup(buf);
}

/* The next document from the current archive, or opens the next one. */
static int next_from_archive(fp_batch_feed *f, const input_item *it, fp_batch_doc *d,
                             fp_error *err)
{
    if (!f->archive) {
        fp_error why = {{0}};
        f->archive = fp_archive_open(it->path, it->relative, f->o, &why);
        if (!f->archive) {
            /* The archive fails as one document named after it. */
            d->source = strdup(it->path);
            d->relative = strdup(it->relative);
            d->error = strdup(why.message);
            d->identity = identity_of(it->path);
            f->next++;
            if (!d->source || !d->relative || !d->error || !d->identity)
                return fp_error_set(err, "out of memory");
            return 1;
        }
    }
    if (fp_archive_next(f->archive, d) == 1)
        return 1;
    fp_archive_close(f->archive);
    f->archive = NULL;
    f->next++;
    return 0;
}

/* The document on standard input, read whole here in the supervisor
 * (workers never read fd 0); its identity for --resume is its size and a
 * hash of its bytes.  Too large: a failed document. */
static int read_stdin(fp_batch_feed *f, const input_item *it, fp_batch_doc *d, fp_error *err)
{
    const char *name = f->o->stdin_name;
    size_t max = f->o->max_input_bytes ? f->o->max_input_bytes : FP_DEFAULT_MAX_INPUT_BYTES;
    fp_error why = {{0}};
    unsigned char *bytes = NULL;
    size_t len = 0;
    d->source = strdup(name ? name : STDIN_INPUT);
    d->relative = strdup(it->relative);
    if (fp_read_stream(0, "standard input", max, &bytes, &len, &why) != 0) {
        d->error = strdup(why.message);
        d->identity = strdup("stdin");
    } else {
        uint64_t h = 1469598103934665603ULL;
        for (size_t i = 0; i < len; i++)
            h = (h ^ bytes[i]) * 1099511628211ULL;
        char identity[96];
        snprintf(identity, sizeof identity, "stdin;size=%zu;fnv=%016llx", len,
                 (unsigned long long)h);
        d->identity = strdup(identity);
        d->bytes = bytes;
        d->len = len;
        d->input_bytes = len;
        d->name_hint = name ? strdup(name) : NULL;
        if (name && !d->name_hint)
            return fp_error_set(err, "out of memory");
    }
    if (!d->source || !d->relative || !d->identity || (d->error == NULL && !d->bytes))
        return fp_error_set(err, "out of memory");
    return 0;
}

int fp_batch_feed_next(fp_batch_feed *f, fp_batch_doc *d, fp_error *err)
{
    memset(d, 0, sizeof *d);
    while (f->next < f->n) {
        const input_item *it = &f->items[f->next];
        int got;
        if (it->is_archive) {
            got = next_from_archive(f, it, d, err);
            if (got < 0)
                return -1;
        } else if (strcmp(it->path, STDIN_INPUT) == 0) {
            f->next++;
            if (read_stdin(f, it, d, err) != 0)
                return -1;
            got = 1;
        } else {
            f->next++;
            if (!fp_batch_in_shard(f->o, it->path))
                continue;
            d->path = strdup(it->path);
            d->source = strdup(it->path);
            d->relative = strdup(it->relative);
            d->name_hint = strdup(it->path);
            d->identity = identity_of(it->path);
            if (!d->path || !d->source || !d->relative || !d->name_hint || !d->identity)
                return fp_error_set(err, "out of memory");
            struct stat st;
            d->input_bytes = stat(it->path, &st) == 0 ? (uint64_t)st.st_size : 0;
            got = 1;
        }
        if (got == 0)
            continue;
        if (!fp_batch_in_shard(f->o, d->source)) {
            fp_batch_doc_free(d);
            continue;
        }
        d->seq = f->seq++;
        return 1;
    }
    return 0;
}

void fp_batch_feed_free(fp_batch_feed *f)
{
    if (!f)
        return;
    fp_archive_close(f->archive);
    free(f->first_unfollowed);
    for (size_t i = 0; i < f->n; i++) {
        free(f->items[i].path);
        free(f->items[i].relative);
    }
    free(f->items);
    free(f);
}
