/* The journal of an output folder (docs/RELIABILITY.md, Durability): one
 * line per finished document, appended and fsynced after its output file
 * is in place, so a run killed at any moment can be resumed without losing
 * or redoing work.
 *
 *   CRC32 \t CONFIG \t STATUS \t IDENTITY \t SOURCE \t REASON \n
 *
 * CRC32 (8 hex digits, zlib) covers everything after its tab; tabs,
 * newlines and backslashes in the fields are escaped.  A line whose CRC
 * does not match (a torn last line after kill -9) is not an entry. */
#include "batch_journal.h"
#include "batch_files.h"
#include "fp_batch.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

typedef struct entry {
    char *key; /* escaped source \t identity */
    char *status, *reason;
} entry;

struct fp_journal {
    int fd;
    char *path;
    char *config; /* escaped */
    entry *table; /* open addressing, power-of-two size */
    size_t size, used;
};

static char *escape(const char *s)
{
    char *out = malloc(strlen(s) * 2 + 1), *o = out;
    if (!out)
        return NULL;
    for (; *s; s++) {
        if (*s == '\t' || *s == '\n' || *s == '\\' || *s == '\r') {
            *o++ = '\\';
            *o++ = *s == '\t' ? 't' : *s == '\n' ? 'n' : *s == '\r' ? 'r' : '\\';
        } else {
            *o++ = *s;
        }
    }
    *o = '\0';
    return out;
}

static char *unescape(const char *s, size_t len)
{
    char *out = malloc(len + 1), *o = out;
    if (!out)
        return NULL;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\\' && i + 1 < len) {
            char c = s[++i];
            *o++ = c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
        } else {
            *o++ = s[i];
        }
    }
    *o = '\0';
    return out;
}

static uint64_t hash_key(const char *key)
{
    uint64_t h = 1469598103934665603ULL;
    for (const unsigned char *c = (const unsigned char *)key; *c; c++)
        h = (h ^ *c) * 1099511628211ULL;
    return h;
}

static entry *slot_for(const fp_journal *j, const char *key)
{
    size_t i = (size_t)hash_key(key) & (j->size - 1);
    while (j->table[i].key && strcmp(j->table[i].key, key) != 0)
        i = (i + 1) & (j->size - 1);
    return &j->table[i];
}

static int grow(fp_journal *j)
{
    fp_journal bigger = *j;
    bigger.size = j->size ? j->size * 2 : 1024;
    bigger.table = calloc(bigger.size, sizeof *bigger.table);
    if (!bigger.table)
        return -1;
    for (size_t i = 0; i < j->size; i++)
        if (j->table[i].key)
            *slot_for(&bigger, j->table[i].key) = j->table[i];
    free(j->table);
    j->table = bigger.table;
    j->size = bigger.size;
    return 0;
}

/* Later lines win: a document redone after a config change. */
static int remember(fp_journal *j, char *key, char *status, char *reason)
{
    if ((j->used + 1) * 2 > j->size && grow(j) != 0)
        return -1;
    entry *e = slot_for(j, key);
    if (e->key) {
        free(e->key);
        free(e->status);
        free(e->reason);
    } else {
        j->used++;
    }
    *e = (entry){key, status, reason};
    return 0;
}

/* One line without its newline; ignored unless its CRC and config match. */
static void load_line(fp_journal *j, const char *line, size_t len)
{
    const char *fields[6];
    size_t lens[6], n = 0;
    const char *start = line, *end = line + len;
    for (const char *c = line; c <= end && n < 6; c++) {
        if (c == end || *c == '\t') {
            fields[n] = start;
            lens[n++] = (size_t)(c - start);
            start = c + 1;
        }
    }
    if (n != 6 || lens[0] != 8)
        return;
    char crc_text[9];
    memcpy(crc_text, fields[0], 8);
    crc_text[8] = '\0';
    unsigned long crc = crc32(0L, (const Bytef *)fields[1], (uInt)(end - fields[1]));
    if (strtoul(crc_text, NULL, 16) != crc || lens[1] != strlen(j->config) ||
        memcmp(fields[1], j->config, lens[1]) != 0)
        return;
    char *key = malloc(lens[4] + lens[3] + 2);
    char *status = strndup(fields[2], lens[2]);
    char *reason = unescape(fields[5], lens[5]);
    if (key) {
        memcpy(key, fields[4], lens[4]);
        key[lens[4]] = '\t';
        memcpy(key + lens[4] + 1, fields[3], lens[3]);
        key[lens[4] + 1 + lens[3]] = '\0';
    }
    if (!key || !status || !reason || remember(j, key, status, reason) != 0) {
        free(key);
        free(status);
        free(reason);
    }
}

/* Reads the entries and cuts off a torn last line, so that appending
 * starts on a line of its own. */
static int load(fp_journal *j, fp_error *err)
{
    struct stat st;
    if (fstat(j->fd, &st) != 0)
        return fp_error_set(err, "%s: cannot read the journal: %s", j->path, strerror(errno));
    size_t size = (size_t)st.st_size;
    char *data = malloc(size + 1);
    if (!data)
        return fp_error_set(err, "%s: out of memory reading the journal", j->path);
    if (pread(j->fd, data, size, 0) != (ssize_t)size) {
        free(data);
        return fp_error_set(err, "%s: cannot read the journal: %s", j->path, strerror(errno));
    }
    size_t complete = 0;
    for (size_t at = 0; at < size;) {
        char *nl = memchr(data + at, '\n', size - at);
        if (!nl)
            break;
        load_line(j, data + at, (size_t)(nl - (data + at)));
        at = (size_t)(nl - data) + 1;
        complete = at;
    }
    free(data);
    if (complete < size && (ftruncate(j->fd, (off_t)complete) != 0 || fsync(j->fd) != 0))
        return fp_error_set(err, "%s: cannot cut off a torn last line: %s", j->path,
                            strerror(errno));
    return 0;
}

fp_journal *fp_journal_open(const char *dir, int resume, const char *config, fp_error *err)
{
    fp_journal *j = calloc(1, sizeof *j);
    if (!j || !(j->path = fp_path_join(dir, FP_BATCH_JOURNAL_NAME)) ||
        !(j->config = escape(config))) {
        fp_error_set(err, "out of memory");
        fp_journal_close(j);
        return NULL;
    }
    j->fd = -1;
    if (fp_make_folder(dir, err) != 0) {
        fp_journal_close(j);
        return NULL;
    }
    j->fd = open(j->path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0666);
    if (j->fd < 0) {
        fp_error_set(err, "%s: cannot open the journal: %s", j->path, strerror(errno));
        fp_journal_close(j);
        return NULL;
    }
    /* Two runs writing one folder would each redo the other's work and
     * interleave their journal lines; the lock dies with its process. */
    if (flock(j->fd, LOCK_EX | LOCK_NB) != 0) {
        fp_error_set(err, "%s: another factpipe run is writing this folder (its journal is "
                     "locked); wait for it or choose another -o folder", dir);
        fp_journal_close(j);
        return NULL;
    }
    if (!resume && ftruncate(j->fd, 0) != 0) {
        fp_error_set(err, "%s: cannot start the journal: %s", j->path, strerror(errno));
        fp_journal_close(j);
        return NULL;
    }
    if ((resume && load(j, err) != 0) || (!j->table && grow(j) != 0)) {
        if (!j->table)
            fp_error_set(err, "out of memory");
        fp_journal_close(j);
        return NULL;
    }
    return j;
}

int fp_journal_find(const fp_journal *j, const char *source, const char *identity,
                    fp_doc_outcome *outcome, const char **reason)
{
    char *escaped = escape(source);
    size_t n = escaped ? strlen(escaped) + strlen(identity) + 2 : 0;
    char *key = escaped ? malloc(n) : NULL;
    const entry *e = NULL;
    if (key) {
        snprintf(key, n, "%s\t%s", escaped, identity);
        e = slot_for(j, key);
    }
    free(escaped);
    free(key);
    if (!e || !e->key)
        return 0;
    *outcome = fp_doc_outcome_from_name(e->status);
    *reason = e->reason;
    return 1;
}

int fp_journal_append(fp_journal *j, const char *source, const char *identity,
                      fp_doc_outcome outcome, const char *reason, fp_error *err)
{
    const char *status = fp_doc_outcome_name(outcome);
    char *src = escape(source), *why = escape(reason ? reason : ""), *id = escape(identity);
    size_t n = (src && why && id) ? strlen(j->config) + strlen(status) + strlen(id) +
                                        strlen(src) + strlen(why) + 16
                                  : 0;
    char *line = n ? malloc(n) : NULL;
    int rc = 0, failure = 0;
    if (!line) {
        rc = fp_error_set(err, "out of memory");
    } else {
        int body = snprintf(line + 9, n - 9, "%s\t%s\t%s\t%s\t%s", j->config, status, id, src,
                            why);
        unsigned long crc = crc32(0L, (const Bytef *)line + 9, (uInt)body);
        char crc_text[10];
        snprintf(crc_text, sizeof crc_text, "%08lx\t", crc);
        memcpy(line, crc_text, 9);
        line[9 + body] = '\n';
        /* one write on an O_APPEND descriptor: a kill leaves a prefix of
         * the line at worst, which the CRC rejects */
        off_t end = lseek(j->fd, 0, SEEK_END);
        if (fp_fd_write_all(j->fd, line, (size_t)body + 10) != 0 || fsync(j->fd) != 0) {
            failure = errno;
            rc = fp_error_set(err, "%s: cannot append to the journal: %s", j->path,
                              strerror(failure));
            /* A full device may have taken part of the line: cut it off
             * now, so the journal holds whole lines only (shrinking a
             * file needs no space). */
            if (end >= 0 && ftruncate(j->fd, end) == 0)
                (void)fsync(j->fd);
        }
    }
    free(line);
    free(src);
    free(why);
    free(id);
    if (rc != 0 && failure != 0)
        errno = failure;
    return rc;
}

void fp_journal_close(fp_journal *j)
{
    if (!j)
        return;
    if (j->fd >= 0)
        close(j->fd);
    for (size_t i = 0; i < j->size; i++) {
        free(j->table[i].key);
        free(j->table[i].status);
        free(j->table[i].reason);
    }
    free(j->table);
    free(j->path);
    free(j->config);
    free(j);
}
