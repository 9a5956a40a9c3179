/* Archives read as streams with libarchive, nothing extracted to disk:
 * tar (any compression libarchive knows), zip, and WARC[.gz] (libarchive
 * decompresses; batch_warc.c reads the records).  Every member is capped
 * at --max-input-size, and the archive as a whole at an expansion ratio,
 * so a zip bomb costs a failed document, not the machine.  Nothing is
 * dropped silently: a member or record that is not read as a document is
 * counted by kind and the archive's end says so on stderr; tar hard links
 * are read from the member they link to. */
#include "batch_archive_impl.h"
#include "batch_select.h"
#include "../input/fp_input.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static int is_warc_name(const char *path)
{
    size_t n = strlen(path);
    return (n > 5 && strcasecmp(path + n - 5, ".warc") == 0) ||
           (n > 8 && strcasecmp(path + n - 8, ".warc.gz") == 0);
}

/* A new libarchive reader on the file: 0, or -1 with err set. */
static int open_reader(fp_archive *r, fp_error *err)
{
    if (r->a)
        archive_read_free(r->a);
    r->bytes_out = 0;
    if (!(r->a = archive_read_new()))
        return fp_error_set(err, "out of memory");
    archive_read_support_filter_all(r->a);
    if (r->is_warc) {
        archive_read_support_format_raw(r->a);
    } else {
        archive_read_support_format_tar(r->a);
        archive_read_support_format_zip(r->a);
    }
    struct archive_entry *entry;
    if (archive_read_open_filename(r->a, r->path, 64 * 1024) != ARCHIVE_OK ||
        (r->is_warc && archive_read_next_header(r->a, &entry) != ARCHIVE_OK))
        return fp_error_set(err, "%s: cannot read the archive: %s", r->path,
                            archive_error_string(r->a));
    return 0;
}

fp_archive *fp_archive_open(const char *path, const char *relative, const fp_batch_options *o,
                            fp_error *err)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
        fp_error_set(err, "%s: cannot read the archive: not a regular file", path);
        return NULL;
    }
    fp_archive *r = calloc(1, sizeof *r);
    char identity[96];
    snprintf(identity, sizeof identity, "size=%lld,mtime=%lld.%09ld", (long long)st.st_size,
             (long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec);
    if (!r || !(r->path = strdup(path)) || !(r->relative = strdup(relative)) ||
        !(r->identity = strdup(identity))) {
        fp_archive_close(r);
        fp_error_set(err, "out of memory");
        return NULL;
    }
    r->o = o;
    r->max_bytes = o->max_input_bytes ? o->max_input_bytes : FP_DEFAULT_MAX_INPUT_BYTES;
    r->max_ratio = o->max_ratio > 0 ? o->max_ratio : FP_BATCH_DEFAULT_MAX_RATIO;
    r->is_warc = is_warc_name(path);
    if (open_reader(r, err) != 0) {
        fp_archive_close(r);
        return NULL;
    }
    return r;
}

void fp_archive_close(fp_archive *r)
{
    if (!r)
        return;
    if (r->a)
        archive_read_free(r->a);
    for (size_t i = 0; i < r->n_links; i++) {
        free(r->links[i].name);
        free(r->links[i].target);
    }
    free(r->links);
    free(r->link_bytes);
    free(r->path);
    free(r->relative);
    free(r->identity);
    free(r->buf);
    free(r);
}

void fp_archive_skip(fp_archive *r, const char *kind)
{
    fp_archive_skips *s = &r->skips;
    size_t k = 0;
    while (k < s->n_kinds && strcmp(s->kind[k], kind) != 0)
        k++;
    if (k == s->n_kinds) {
        if (k == FP_ARCHIVE_SKIP_KINDS)
            k--; /* the last kind takes the rest; there are fewer in practice */
        else
            s->kind[s->n_kinds++] = kind;
    }
    s->n[k]++;
}

/* At the end of an archive: what was not read as a document, on stderr. */
static void report_skips(fp_archive *r)
{
    const fp_archive_skips *s = &r->skips;
    if (r->reported || s->n_kinds == 0)
        return;
    r->reported = 1;
    size_t total = 0;
    for (size_t k = 0; k < s->n_kinds; k++)
        total += s->n[k];
    fprintf(stderr, "factpipe: %s: %zu document%s read; %zu %s not read as documents:",
            r->path, r->documents, r->documents == 1 ? "" : "s", total,
            r->is_warc ? (total == 1 ? "record" : "records")
                       : (total == 1 ? "member" : "members"));
    for (size_t k = 0; k < s->n_kinds; k++)
        fprintf(stderr, "%s %zu %s", k ? "," : "", s->n[k], s->kind[k]);
    fprintf(stderr, "\n");
}

char *fp_archive_safe_relative(const char *archive_rel, const char *name)
{
    size_t n = strlen(archive_rel) + strlen(name) + 2;
    char *out = malloc(n);
    if (!out)
        return NULL;
    size_t k = (size_t)snprintf(out, n, "%s", archive_rel);
    for (const char *c = name; *c;) {
        while (*c == '/')
            c++;
        const char *end = strchr(c, '/');
        size_t len = end ? (size_t)(end - c) : strlen(c);
        if (len == 0)
            break;
        if (!(len == 1 && c[0] == '.')) {
            out[k++] = '/';
            if (len == 2 && c[0] == '.' && c[1] == '.') {
                out[k++] = '_';
                out[k++] = '_';
            } else {
                memcpy(out + k, c, len);
                k += len;
            }
        }
        c += len;
    }
    out[k] = '\0';
    return out;
}

int fp_archive_failure(fp_archive *r, fp_batch_doc *d, const char *member, const char *fmt, ...)
{
    char source[4096], what[1024], why[5200];
    if (member)
        snprintf(source, sizeof source, "%s!%s", r->path, member);
    else
        snprintf(source, sizeof source, "%s", r->path);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    snprintf(why, sizeof why, "%s: %s", source, what);
    d->source = strdup(source);
    d->relative = member ? fp_archive_safe_relative(r->relative, member) : strdup(r->relative);
    d->error = strdup(why);
    d->identity = strdup(r->identity);
    r->done = 1;
    return 1;
}

int fp_archive_over_ratio(fp_archive *r)
{
    la_int64_t read = archive_filter_bytes(r->a, -1);
    return r->bytes_out > FP_ARCHIVE_RATIO_FLOOR && read > 0 &&
           (double)r->bytes_out > r->max_ratio * (double)read;
}

int fp_archive_ratio_failure(fp_archive *r, fp_batch_doc *d, const char *member)
{
    return fp_archive_failure(r, d, member, "the archive expands over %.0f times its size "
                              "(a zip bomb?); raise the cap with --max-ratio", r->max_ratio);
}

la_ssize_t fp_archive_read_data(fp_archive *r, unsigned char *dst, size_t want)
{
    unsigned char scratch[16384];
    size_t got = 0;
    while (got < want) {
        size_t chunk = want - got;
        unsigned char *into = dst ? dst + got : scratch;
        if (!dst && chunk > sizeof scratch)
            chunk = sizeof scratch;
        la_ssize_t n = archive_read_data(r->a, into, chunk);
        if (n < 0)
            return -1;
        if (n == 0)
            break;
        got += (size_t)n;
        r->bytes_out += (uint64_t)n;
        if (fp_archive_over_ratio(r))
            return -2;
    }
    return (la_ssize_t)got;
}

/* The current member's bytes, at most the size cap: 1 with *bytes
 * (NUL-terminated) and *len, or 1 with d a failed document (the member
 * over the cap, the archive broken or over its ratio). */
static int read_member(fp_archive *r, struct archive_entry *entry, const char *name,
                       fp_batch_doc *d, unsigned char **bytes, size_t *len)
{
    *bytes = NULL;
    la_int64_t size = archive_entry_size_is_set(entry) ? archive_entry_size(entry) : -1;
    if (size > (la_int64_t)r->max_bytes) {
        fp_archive_failure(r, d, name, "over the limit of %zu bytes; raise it with "
                           "--max-input-size", r->max_bytes);
        r->done = 0; /* the archive itself is fine: go on after it */
        return 1;
    }
    size_t cap = size >= 0 ? (size_t)size : r->max_bytes;
    unsigned char *buf = malloc(cap + 2);
    if (!buf)
        return fp_archive_failure(r, d, name, "out of memory (%zu bytes)", cap);
    la_ssize_t n = fp_archive_read_data(r, buf, size >= 0 ? cap : cap + 1);
    if (n >= 0 && (size < 0 ? (size_t)n <= cap : (size_t)n == cap)) {
        buf[n] = '\0';
        *bytes = buf;
        *len = (size_t)n;
        return 1;
    }
    free(buf);
    if (n == -2)
        return fp_archive_ratio_failure(r, d, name);
    if (n > 0 && size < 0) {
        fp_archive_failure(r, d, name, "over the limit of %zu bytes; raise it with "
                           "--max-input-size", r->max_bytes);
        r->done = 0;
        return 1;
    }
    return fp_archive_failure(r, d, name, "archive broken or truncated: %s",
                              archive_error_string(r->a) ? archive_error_string(r->a)
                                                         : "the member ends early");
}

/* d as the document name holds (its bytes taken over). */
static int member_document(fp_archive *r, fp_batch_doc *d, const char *name,
                           unsigned char *bytes, size_t len)
{
    char source[4096], identity[160];
    snprintf(source, sizeof source, "%s!%s", r->path, name);
    snprintf(identity, sizeof identity, "%s;member-size=%zu", r->identity, len);
    d->bytes = bytes;
    d->len = len;
    d->input_bytes = len;
    d->source = strdup(source);
    d->relative = fp_archive_safe_relative(r->relative, name);
    d->name_hint = strdup(name);
    d->identity = strdup(identity);
    r->documents++;
    return 1;
}

/* Whether the name rules and the shard take the member name. */
static int member_wanted(fp_archive *r, const char *name)
{
    char *rel = fp_archive_safe_relative("", name);
    int wanted = rel && rel[0] && fp_batch_name_wanted(r->o, rel + 1, 0);
    free(rel);
    if (!wanted)
        return 0;
    char source[4096];
    snprintf(source, sizeof source, "%s!%s", r->path, name);
    return fp_batch_in_shard(r->o, source);
}

static int remember_link(fp_archive *r, const char *name, const char *target)
{
    if (r->n_links == r->cap_links) {
        size_t cap = r->cap_links ? r->cap_links * 2 : 16;
        fp_hardlink *grown = realloc(r->links, cap * sizeof *grown);
        if (!grown)
            return -1;
        r->links = grown;
        r->cap_links = cap;
    }
    fp_hardlink *l = &r->links[r->n_links];
    l->name = strdup(name);
    l->target = strdup(target);
    l->served = 0;
    if (!l->name || !l->target) {
        free(l->name);
        free(l->target);
        return -1;
    }
    r->n_links++;
    return 0;
}

static const char *entry_kind(mode_t type)
{
    switch (type) {
    case AE_IFLNK: return "symbolic links";
    case AE_IFCHR: case AE_IFBLK: return "devices";
    case AE_IFIFO: return "FIFOs";
    case AE_IFSOCK: return "sockets";
    default: return "members of unknown type";
    }
}

/* tar / zip, first pass: the next regular-file member the name rules
 * want; hard links without data are kept for the second pass. */
static int next_member(fp_archive *r, fp_batch_doc *d)
{
    for (;;) {
        struct archive_entry *entry;
        int rc = archive_read_next_header(r->a, &entry);
        if (rc == ARCHIVE_EOF)
            return 0;
        if (rc < ARCHIVE_WARN)
            return fp_archive_failure(r, d, NULL, "archive broken or truncated: %s",
                                      archive_error_string(r->a));
        const char *name = archive_entry_pathname(entry);
        const char *target = archive_entry_hardlink(entry);
        mode_t type = archive_entry_filetype(entry);
        if (!name) {
            fp_archive_skip(r, "members without a name");
            continue;
        }
        if (type == AE_IFDIR)
            continue; /* folders are structure, not documents */
        if (type != AE_IFREG && !target) {
            fp_archive_skip(r, entry_kind(type));
            continue;
        }
        if (!member_wanted(r, name)) {
            fp_archive_skip(r, "not pages by name (--include takes them)");
            continue;
        }
        int has_data = !archive_entry_size_is_set(entry) || archive_entry_size(entry) > 0;
        if (target && !has_data) {
            if (remember_link(r, name, target) != 0)
                return fp_archive_failure(r, d, name, "out of memory");
            continue;
        }
        unsigned char *bytes;
        size_t len;
        read_member(r, entry, name, d, &bytes, &len);
        if (!bytes)
            return 1; /* d is the failure */
        return member_document(r, d, name, bytes, len);
    }
}

static int by_target(const void *a, const void *b)
{
    const fp_hardlink *x = a, *y = b;
    return strcmp(x->target, y->target);
}

/* The first of the links to target in r->links (sorted), or n_links. */
static size_t first_link_to(const fp_archive *r, const char *target)
{
    size_t lo = 0, hi = r->n_links;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(r->links[mid].target, target) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < r->n_links && strcmp(r->links[lo].target, target) == 0 ? lo : r->n_links;
}

/* The next link of the target being served, as a document of its own. */
static int serve_link(fp_archive *r, fp_batch_doc *d)
{
    fp_hardlink *l = &r->links[r->link_next++];
    l->served = 1;
    unsigned char *copy = malloc(r->link_len + 1);
    if (!copy)
        return fp_archive_failure(r, d, l->name, "out of memory");
    memcpy(copy, r->link_bytes, r->link_len + 1);
    return member_document(r, d, l->name, copy, r->link_len);
}

/* Second pass, over the archive again: each target a hard link names is
 * read once and handed out under every link's name.  Links whose target
 * the archive does not hold fail, named. */
static int next_link(fp_archive *r, fp_batch_doc *d)
{
    if (r->link_next < r->link_end)
        return serve_link(r, d);
    free(r->link_bytes);
    r->link_bytes = NULL;
    for (;;) {
        struct archive_entry *entry;
        int rc = archive_read_next_header(r->a, &entry);
        if (rc == ARCHIVE_EOF)
            break;
        if (rc < ARCHIVE_WARN)
            return fp_archive_failure(r, d, NULL, "archive broken or truncated on the "
                                      "second pass (for hard links): %s",
                                      archive_error_string(r->a));
        const char *name = archive_entry_pathname(entry);
        int has_data = !archive_entry_size_is_set(entry) || archive_entry_size(entry) > 0;
        size_t first = name && has_data ? first_link_to(r, name) : r->n_links;
        if (first == r->n_links || r->links[first].served)
            continue; /* no link to it, or a duplicate member served already */
        size_t end = first;
        while (end < r->n_links && strcmp(r->links[end].target, name) == 0)
            end++;
        unsigned char *bytes;
        size_t len;
        read_member(r, entry, r->links[first].name, d, &bytes, &len);
        if (!bytes)
            return 1; /* d is the failure */
        r->link_bytes = bytes;
        r->link_len = len;
        r->link_next = first;
        r->link_end = end;
        return serve_link(r, d);
    }
    /* What is left links to nothing the archive holds. */
    for (size_t i = 0; i < r->n_links; i++) {
        fp_hardlink *l = &r->links[i];
        if (l->served)
            continue;
        l->served = 1;
        fp_archive_failure(r, d, l->name, "a hard link to '%s', whose data the archive "
                           "does not hold (or could not be read)", l->target);
        r->done = 0;
        return 1;
    }
    return 0;
}

int fp_archive_next(fp_archive *r, fp_batch_doc *d)
{
    memset(d, 0, sizeof *d);
    if (r->done) {
        report_skips(r);
        return 0;
    }
    int got;
    if (r->is_warc) {
        got = fp_warc_next(r, d);
    } else if (!r->second_pass) {
        got = next_member(r, d);
        if (got == 0 && r->n_links > 0) {
            fp_error err = {{0}};
            qsort(r->links, r->n_links, sizeof *r->links, by_target);
            r->second_pass = 1;
            if (open_reader(r, &err) != 0)
                got = fp_archive_failure(r, d, NULL, "%s", err.message);
            else
                got = next_link(r, d);
        }
    } else {
        got = next_link(r, d);
    }
    if (got == 1 && (!d->source || !d->relative || !d->identity)) {
        fp_batch_doc_free(d);
        got = 0; /* out of memory: the archive ends here */
    }
    if (got == 0) {
        r->done = 1;
        report_skips(r);
    }
    return got;
}
