/* The feed of documents: INPUTs, then the --files-from list, expanded as
 * the batch goes — folders walked (batch_walk.c), archives opened one at
 * a time, the list read line by line, standard input read whole — and
 * only the documents of this run's shard handed on.  Nothing is listed in
 * advance, so the supervisor's memory does not grow with the number of
 * documents; a first walk over the same inputs only counts them, for the
 * progress line (and says what it skipped: links, loops) and finds the
 * folder that holds every input, under which the documents are named
 * (batch_relative.h).  With -o, a list on standard input is read whole
 * first, into an anonymous temporary file (memory stays flat), so that
 * its names count for that folder and for the check that -o FILE is not
 * an input. */
#include "batch_inputs.h"
#include "batch_archive.h"
#include "batch_files.h"
#include "batch_relative.h"
#include "batch_select.h"
#include "batch_walk.h"
#include "../common/fp_escape.h"
#include "../common/fp_hash.h"
#include "../input/fp_input.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The INPUT that names standard input. */
#define STDIN_INPUT "-"

/* A list of names to read (--files-from), one at a time. */
typedef struct name_list {
    FILE *in;
    int is_stdin;
    const char *name; /* for messages */
    int separator;    /* '\n', or '\0' with --null */
    int borrowed;     /* in is the feed's spool: not closed here */
    char *line;
    size_t cap;
} name_list;

struct fp_batch_feed {
    const fp_batch_options *o;
    const char *const *inputs;
    size_t n_inputs, next_input;
    name_list list;      /* --files-from, read as the feed reaches it */
    int list_open, list_done;
    int counted_list;    /* the count pass read the list (a file, not stdin) */
    fp_walk *walk;       /* the folder being walked, or NULL */
    int walk_counted;    /* the count pass walked it (and warned) */
    fp_archive *archive; /* the archive being read, or NULL */
    char *walk_relative; /* the walked folder's relative name */
    size_t seq;
    size_t known_total;
    int more_unknown;
    FILE *spool;         /* the list from standard input, read whole (-o) */
    fp_input_base base;  /* the folder that holds every input */
};

/* ---- the --files-from list ------------------------------------------------- */

static int list_open(name_list *l, fp_batch_feed *f, fp_error *err)
{
    const fp_batch_options *o = f->o;
    memset(l, 0, sizeof *l);
    l->name = o->files_from;
    l->is_stdin = strcmp(o->files_from, "-") == 0;
    l->separator = o->files_from_null ? '\0' : '\n';
    l->borrowed = l->is_stdin && f->spool;
    if (l->borrowed)
        rewind(f->spool);
    l->in = l->borrowed ? f->spool : l->is_stdin ? stdin : fopen(o->files_from, "r");
    if (!l->in)
        return fp_error_set(err, "%s: cannot read the list of inputs: %s", o->files_from,
                            strerror(errno));
    return 0;
}

static void list_close(name_list *l)
{
    if (l->in && !l->is_stdin && !l->borrowed)
        fclose(l->in);
    free(l->line);
    memset(l, 0, sizeof *l);
}

/* The next name of the list: 1 (l->line), 0 at its end, -1 on error.
 * One name per line, or per NUL-terminated name with --null (what find
 * -print0 writes: names may hold newlines). */
static int list_next(name_list *l, fp_error *err)
{
    for (;;) {
        ssize_t len = getdelim(&l->line, &l->cap, l->separator, l->in);
        if (len < 0) {
            if (ferror(l->in))
                return fp_error_set(err, "%s: cannot read the list of inputs: %s", l->name,
                                    strerror(errno));
            return 0;
        }
        if (len > 0 && l->line[len - 1] == (char)l->separator)
            l->line[--len] = '\0';
        while (l->separator == '\n' && len > 0 && l->line[len - 1] == '\r')
            l->line[--len] = '\0';
        if (len > 0 && strlen(l->line) != (size_t)len)
            return fp_error_set(err, "%s: a name in the list of inputs holds a NUL byte; "
                                "a list from find -print0 needs --null (-0)", l->name);
        if (len > 0)
            return 1;
    }
}

/* ---- counting, for the progress line ----------------------------------------- */

/* Says, after a folder's walk, what it left out: links to folders it did
 * not follow, hidden names it did not read.  Nothing is left out
 * silently. */
static void report_left_out(const fp_walk *w, const char *root)
{
    const char *first;
    size_t n = fp_walk_unfollowed(w, &first);
    char *where = fp_escape_field(root);
    if (n) {
        char *link = fp_escape_field(first ? first : "?");
        fprintf(stderr, "factpipe: warning: %s: %zu link%s to folders not followed (the "
                "first: %s); --follow reads them\n", where ? where : "?", n,
                n == 1 ? "" : "s", link ? link : "?");
        free(link);
    }
    if ((n = fp_walk_hidden(w, &first)) != 0) {
        char *name = fp_escape_field(first ? first : "?");
        fprintf(stderr, "factpipe: warning: %s: %zu hidden name%s (starting with '.') not "
                "read (the first: %s); name a hidden page on the command line or in "
                "--files-from to read it\n", where ? where : "?", n, n == 1 ? "" : "s",
                name ? name : "?");
        free(name);
    }
    free(where);
}

/* What a pass over the inputs does with each file (a page, an archive,
 * or a name that is not there): 0 go on, 1 stop there, -1 error. */
typedef int (*file_visit)(fp_batch_feed *f, const char *path, void *user);

static int count_file(fp_batch_feed *f, const char *path, void *user)
{
    (void)user;
    if (fp_batch_is_archive_name(path))
        f->more_unknown = 1;
    else
        f->known_total += (size_t)fp_batch_in_shard(f->o, path);
    return 0;
}

/* One INPUT: its files, a folder walked.  counting: the first pass (it
 * notes the input's folder and warns about links). */
static int visit_input(fp_batch_feed *f, const char *input, int from_list, int counting,
                       file_visit visit, void *user, fp_error *err)
{
    struct stat st;
    if (strcmp(input, STDIN_INPUT) == 0 && !from_list) {
        f->known_total += (size_t)counting;
        return 0;
    }
    int folder = stat(input, &st) == 0 && S_ISDIR(st.st_mode);
    if (counting && fp_input_base_note(&f->base, input, folder) != 0)
        return fp_error_set(err, "out of memory");
    if (!folder)
        return visit(f, input, user);
    fp_walk *w = fp_walk_new(f->o, input, !counting, err);
    if (!w)
        return -1;
    char *path, *rel;
    int rc;
    while ((rc = fp_walk_next(w, &path, &rel, err)) == 1) {
        rc = visit(f, path, user);
        free(path);
        free(rel);
        if (rc != 0)
            break;
    }
    if (rc == 0 && counting)
        report_left_out(w, input);
    fp_walk_free(w);
    return rc;
}

/* Every INPUT, then the list (unless it is standard input, not spooled). */
static int visit_inputs(fp_batch_feed *f, int counting, file_visit visit, void *user,
                        fp_error *err)
{
    for (size_t i = 0; i < f->n_inputs; i++) {
        int rc = visit_input(f, f->inputs[i], 0, counting, visit, user, err);
        if (rc != 0)
            return rc;
    }
    if (!f->o->files_from || (strcmp(f->o->files_from, "-") == 0 && !f->spool))
        return 0;
    name_list l;
    if (list_open(&l, f, err) != 0)
        return -1;
    int rc;
    while ((rc = list_next(&l, err)) == 1 &&
           (rc = visit_input(f, l.line, 1, counting, visit, user, err)) == 0)
        ;
    list_close(&l);
    f->counted_list |= counting;
    return rc;
}

/* The list on standard input, read whole into an anonymous file. */
static int spool_list(fp_batch_feed *f, fp_error *err)
{
    if (!(f->spool = tmpfile()))
        return fp_error_set(err, "cannot keep the list of inputs from standard input in a "
                            "temporary file: %s", strerror(errno));
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, stdin)) > 0)
        if (fwrite(buf, 1, n, f->spool) != n)
            return fp_error_set(err, "cannot keep the list of inputs from standard input in "
                                "a temporary file: %s", strerror(errno));
    if (ferror(stdin))
        return fp_error_set(err, "-: cannot read the list of inputs: %s", strerror(errno));
    if (fflush(f->spool) != 0)
        return fp_error_set(err, "cannot keep the list of inputs from standard input in a "
                            "temporary file: %s", strerror(errno));
    return 0;
}

/* Walks everything once without keeping it: the documents known in
 * advance, the folder that holds every input, and the errors that are
 * better said before anything runs (a folder that cannot be read, a list
 * that needs --null). */
static int count_inputs(fp_batch_feed *f, fp_error *err)
{
    int stdin_inputs = 0;
    for (size_t i = 0; i < f->n_inputs; i++) {
        stdin_inputs += strcmp(f->inputs[i], STDIN_INPUT) == 0;
        if (stdin_inputs > 1)
            return fp_error_set(err, "'-' (standard input) is given twice; it holds one "
                                "document");
    }
    if (f->o->files_from && strcmp(f->o->files_from, "-") == 0) {
        if (stdin_inputs)
            return fp_error_set(err, "standard input cannot hold both a document ('-') and "
                                "the list of --files-from -; give the list in a file");
        if (!f->o->output)
            f->more_unknown = 1; /* read once, as the batch goes */
        else if (spool_list(f, err) != 0)
            return -1;
    }
    return visit_inputs(f, 1, count_file, NULL, err) < 0 ? -1 : 0;
}

typedef struct file_wanted {
    dev_t dev;
    ino_t ino;
    char *found;
} file_wanted;

static int same_file(fp_batch_feed *f, const char *path, void *user)
{
    (void)f;
    file_wanted *w = user;
    struct stat st;
    if (stat(path, &st) != 0 || st.st_dev != w->dev || st.st_ino != w->ino)
        return 0;
    return (w->found = strdup(path)) ? 1 : -1;
}

int fp_batch_feed_find_file(fp_batch_feed *f, dev_t dev, ino_t ino, char **found,
                            fp_error *err)
{
    struct stat st;
    for (size_t i = 0; i < f->n_inputs; i++) {
        if (strcmp(f->inputs[i], STDIN_INPUT) == 0 && fstat(0, &st) == 0 &&
            st.st_dev == dev && st.st_ino == ino)
            return (*found = strdup("standard input")) ? 1 : fp_error_set(err, "out of memory");
    }
    file_wanted w = {dev, ino, NULL};
    int rc = visit_inputs(f, 0, same_file, &w, err);
    if (rc < 0 && !w.found && !err->message[0])
        fp_error_set(err, "out of memory");
    *found = w.found;
    return rc;
}

/* ---- documents -------------------------------------------------------------- */

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

static const char *base_name(const char *path)
{
    const char *base = strrchr(path, '/');
    return base && base[1] ? base + 1 : path;
}

/* The document on standard input, read whole here in the supervisor
 * (workers never read fd 0); its identity for --resume is its size and a
 * hash of its bytes.  Too large: a failed document. */
static int read_stdin(fp_batch_feed *f, fp_batch_doc *d, fp_error *err)
{
    const char *name = f->o->stdin_name;
    size_t max = f->o->max_input_bytes ? f->o->max_input_bytes : FP_DEFAULT_MAX_INPUT_BYTES;
    fp_error why = {{0}};
    unsigned char *bytes = NULL;
    size_t len = 0;
    d->source = strdup(name ? name : STDIN_INPUT);
    d->relative = strdup(name ? base_name(name) : "stdin");
    if (fp_read_stream(0, "standard input", max, &bytes, &len, &why) != 0) {
        d->error = strdup(why.message);
        d->identity = strdup("stdin");
    } else {
        uint64_t h = fp_fnv64(FP_FNV64_INIT, bytes, len);
        char identity[96];
        snprintf(identity, sizeof identity, "stdin;size=%zu;fnv=%016llx", len,
                 (unsigned long long)h);
        d->identity = strdup(identity);
        d->bytes = bytes;
        d->len = len;
        d->input_bytes = len;
        if (name && !(d->name_hint = strdup(name)))
            return fp_error_set(err, "out of memory");
    }
    if (!d->source || !d->relative || !d->identity || (!d->error && !d->bytes))
        return fp_error_set(err, "out of memory");
    return 1;
}

/* A file found (taken over: path, and rel, its name under -o DIR): an
 * archive is opened — or fails as one document named after it — and a
 * page becomes a document.  1 with d filled, 0 nothing yet, -1 error. */
static int take_file(fp_batch_feed *f, char *path, char *rel, fp_batch_doc *d, fp_error *err)
{
    int rc = 1;
    if (!path || !rel) {
        rc = fp_error_set(err, "out of memory");
    } else if (fp_batch_is_archive_name(path)) {
        fp_error why = {{0}};
        if ((f->archive = fp_archive_open(path, rel, f->o, &why)) != NULL) {
            rc = 0;
        } else {
            d->source = path;
            d->relative = rel;
            d->error = strdup(why.message);
            d->identity = identity_of(path);
            if (!d->error || !d->identity)
                return fp_error_set(err, "out of memory");
            return 1;
        }
    } else if (fp_batch_in_shard(f->o, path)) {
        struct stat st;
        d->path = path;
        d->source = strdup(path);
        d->relative = rel;
        d->name_hint = strdup(path);
        d->identity = identity_of(path);
        d->input_bytes = stat(path, &st) == 0 ? (uint64_t)st.st_size : 0;
        if (!d->source || !d->name_hint || !d->identity)
            return fp_error_set(err, "out of memory");
        return 1;
    } else {
        rc = 0;
    }
    free(path);
    free(rel);
    return rc;
}

/* An INPUT (an argument, or a line of the list, where "-" is a file of
 * that name): 1 with d filled, 0 nothing yet (a folder or an archive
 * opened), -1 error. */
static int start_input(fp_batch_feed *f, const char *input, int from_list, fp_batch_doc *d,
                       fp_error *err)
{
    if (strcmp(input, STDIN_INPUT) == 0 && !from_list)
        return read_stdin(f, d, err);
    struct stat st;
    if (stat(input, &st) == 0 && S_ISDIR(st.st_mode)) {
        /* The count pass warned about this folder already, unless it came
         * from a list on standard input, which is read once. */
        int counted = !from_list || f->counted_list;
        free(f->walk_relative);
        if (!(f->walk_relative = fp_input_base_relative(&f->base, input)))
            return fp_error_set(err, "out of memory");
        f->walk = fp_walk_new(f->o, input, counted, err);
        f->walk_counted = counted;
        return f->walk ? 0 : -1;
    }
    /* A file, or something that is not there: the engine reports it as a
     * failed document, so the batch names it in its output. */
    return take_file(f, strdup(input), fp_input_base_relative(&f->base, input), d, err);
}

/* The next INPUT: an argument, then a line of the list.  1 (*input set,
 * valid until the next call), 0 none left, -1 error. */
static int next_input(fp_batch_feed *f, const char **input, fp_error *err)
{
    if (f->next_input < f->n_inputs) {
        *input = f->inputs[f->next_input++];
        return 1;
    }
    if (!f->o->files_from || f->list_done)
        return 0;
    if (!f->list_open) {
        if (list_open(&f->list, f, err) != 0)
            return -1;
        f->list_open = 1;
    }
    int rc = list_next(&f->list, err);
    if (rc == 1)
        *input = f->list.line;
    else
        f->list_done = 1;
    return rc;
}

/* The next document whatever its shard: 1, 0 at the end, -1 error. */
static int next_any(fp_batch_feed *f, fp_batch_doc *d, fp_error *err)
{
    for (;;) {
        memset(d, 0, sizeof *d);
        if (f->archive) {
            if (fp_archive_next(f->archive, d) == 1)
                return 1;
            fp_archive_close(f->archive);
            f->archive = NULL;
            continue;
        }
        if (f->walk) {
            char *path, *rel;
            int rc = fp_walk_next(f->walk, &path, &rel, err);
            if (rc < 0)
                return -1;
            if (rc == 0) {
                if (!f->walk_counted)
                    report_left_out(f->walk, "a folder of the list");
                fp_walk_free(f->walk);
                f->walk = NULL;
                continue;
            }
            char *relative = f->walk_relative[0] ? fp_path_join(f->walk_relative, rel)
                                                  : strdup(rel);
            free(rel);
            if ((rc = take_file(f, path, relative, d, err)) != 0)
                return rc;
            continue;
        }
        const char *input = NULL;
        int rc = next_input(f, &input, err);
        if (rc <= 0)
            return rc;
        if ((rc = start_input(f, input, f->list_open, d, err)) != 0)
            return rc;
    }
}

int fp_batch_feed_next(fp_batch_feed *f, fp_batch_doc *d, fp_error *err)
{
    for (;;) {
        int rc = next_any(f, d, err);
        if (rc <= 0)
            return rc;
        if (fp_batch_in_shard(f->o, d->source)) {
            d->seq = f->seq++;
            return 1;
        }
        fp_batch_doc_free(d);
    }
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
    f->inputs = inputs;
    f->n_inputs = n_inputs;
    if (count_inputs(f, err) != 0) {
        fp_batch_feed_free(f);
        return NULL;
    }
    return f;
}

size_t fp_batch_feed_known_total(const fp_batch_feed *f, int *more_unknown)
{
    *more_unknown = f->more_unknown;
    return f->known_total;
}

void fp_batch_feed_free(fp_batch_feed *f)
{
    if (!f)
        return;
    fp_archive_close(f->archive);
    fp_walk_free(f->walk);
    if (f->list_open)
        list_close(&f->list);
    if (f->spool)
        fclose(f->spool);
    free(f->walk_relative);
    fp_input_base_free(&f->base);
    free(f);
}
