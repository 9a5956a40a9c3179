/* The journal of an output folder (docs/RELIABILITY.md, Durability): one
 * line per finished document, appended and fsynced after its output file
 * is durable, so a run killed at any moment can be resumed without losing
 * or redoing work.
 *
 *   CRC32 \t KEY \t STATUS \t IDENTITY \t SOURCE \t REASON \t OUTPUT \n
 *
 * CRC32 (8 hex digits, zlib) covers everything after its tab; the fields
 * are escaped as fp_escape.h says.  A line whose CRC does not match (a
 * torn last line after kill -9) is not an entry.  KEY is the resume key
 * (a digest of everything that changes the output); OUTPUT the document's
 * file under the folder.
 *
 * Memory for --resume stays small with a million lines: the journal is
 * read in pieces, and an entry is a 128-bit hash of its source and
 * identity, its status and, for a failure, its reason. */
#define _GNU_SOURCE /* memrchr */
#include "batch_journal.h"
#include "../common/fp_escape.h"
#include "../common/fp_grow.h"
#include "../common/fp_hash.h"
#include "../common/fp_u64set.h"
#include "batch_files.h"
#include "fp_batch.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/falloc.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

typedef struct entry {
    fp_hash128 key;
    uint32_t reason; /* index into reasons + 1; 0: none */
    uint8_t status;  /* fp_doc_outcome */
} entry;

struct fp_journal {
    int fd;
    char *path;
    char *key;        /* escaped */
    entry *entries;
    size_t n_entries, cap_entries;
    uint32_t *index;  /* open addressing: entry number + 1, 0 empty */
    size_t index_size;
    char **reasons;
    size_t n_reasons, cap_reasons;
    fp_u64set folders; /* hashes of the folders of loaded outputs */
    off_t reserved_to;  /* the end of the lines handed out so far */
    off_t allocated_to; /* room set aside up to here */
    int cannot_reserve;
};

static fp_hash128 entry_key(const char *source, size_t source_len, const char *identity,
                            size_t identity_len)
{
    fp_hash128_state s;
    fp_hash128_init(&s, 0x6a6f75726e616cULL);
    fp_hash128_update(&s, source, source_len);
    fp_hash128_update(&s, "\t", 1);
    fp_hash128_update(&s, identity, identity_len);
    return fp_hash128_final(&s);
}

static size_t index_of(const fp_journal *j, fp_hash128 key)
{
    size_t i = (size_t)key.h1 & (j->index_size - 1);
    while (j->index[i]) {
        const entry *e = &j->entries[j->index[i] - 1];
        if (e->key.h1 == key.h1 && e->key.h2 == key.h2)
            break;
        i = (i + 1) & (j->index_size - 1);
    }
    return i;
}

static int grow_index(fp_journal *j)
{
    size_t size = j->index_size ? j->index_size * 2 : 1024;
    uint32_t *index = calloc(size, sizeof *index);
    if (!index)
        return -1;
    free(j->index);
    j->index = index;
    j->index_size = size;
    for (size_t e = 0; e < j->n_entries; e++)
        j->index[index_of(j, j->entries[e].key)] = (uint32_t)(e + 1);
    return 0;
}

/* Later lines win: a document redone after a failure.  Takes reason. */
static int remember(fp_journal *j, fp_hash128 key, fp_doc_outcome status, char *reason)
{
    if ((j->n_entries + 1) * 4 > j->index_size * 3 && grow_index(j) != 0)
        return -1;
    if (reason && fp_grow((void **)&j->reasons, &j->cap_reasons, j->n_reasons + 1,
                          sizeof *j->reasons, 64) != 0)
        return -1;
    size_t i = index_of(j, key);
    entry *e;
    if (j->index[i]) {
        e = &j->entries[j->index[i] - 1];
    } else {
        if (j->n_entries >= UINT32_MAX - 1 ||
            fp_grow((void **)&j->entries, &j->cap_entries, j->n_entries + 1, sizeof *e,
                    1024) != 0)
            return -1;
        e = &j->entries[j->n_entries++];
        j->index[i] = (uint32_t)j->n_entries;
        e->key = key;
        e->reason = 0;
    }
    if (e->reason) {
        free(j->reasons[e->reason - 1]); /* its slot stays, empty */
        j->reasons[e->reason - 1] = NULL;
        e->reason = 0;
    }
    if (reason) {
        j->reasons[j->n_reasons++] = reason;
        e->reason = (uint32_t)j->n_reasons;
    }
    e->status = (uint8_t)status;
    return 0;
}

static uint64_t folder_hash(const char *rel, size_t len)
{
    return fp_fnv64(FP_FNV64_INIT, rel, len);
}

static int remember_folder(fp_journal *j, const char *output, size_t len)
{
    const char *slash = memrchr(output, '/', len);
    size_t folder_len = slash ? (size_t)(slash - output) : 0;
    return fp_u64set_add(&j->folders, folder_hash(output, folder_len)) < 0 ? -1 : 0;
}

int fp_journal_wrote_in(const fp_journal *j, const char *rel)
{
    return fp_u64set_has(&j->folders, folder_hash(rel, strlen(rel)));
}

/* One line without its newline; ignored unless its CRC and key match.
 * -1 only when out of memory. */
static int load_line(fp_journal *j, const char *line, size_t len)
{
    const char *fields[7];
    size_t lens[7], n = 0;
    const char *start = line, *end = line + len;
    for (const char *c = line; c <= end && n < 7; c++) {
        if (c == end || *c == '\t') {
            fields[n] = start;
            lens[n++] = (size_t)(c - start);
            start = c + 1;
        }
    }
    if (n != 7 || lens[0] != 8 || fields[6] + lens[6] != end)
        return 0;
    char crc_text[9];
    memcpy(crc_text, fields[0], 8);
    crc_text[8] = '\0';
    unsigned long crc = crc32(0L, (const Bytef *)fields[1], (uInt)(end - fields[1]));
    if (strtoul(crc_text, NULL, 16) != crc || lens[1] != strlen(j->key) ||
        memcmp(fields[1], j->key, lens[1]) != 0)
        return 0;
    char status_name[16];
    snprintf(status_name, sizeof status_name, "%.*s", (int)lens[2], fields[2]);
    fp_doc_outcome status = fp_doc_outcome_from_name(status_name);
    char *reason = NULL;
    if (status != FP_DOC_OK && lens[5] && !(reason = fp_unescape_field(fields[5], lens[5])))
        return -1;
    if (remember(j, entry_key(fields[4], lens[4], fields[3], lens[3]), status, reason) != 0) {
        free(reason);
        return -1;
    }
    return lens[6] ? remember_folder(j, fields[6], lens[6]) : 0;
}

/* Reads the entries a piece at a time and cuts off a torn last line, so
 * that appending starts on a line of its own. */
static int load(fp_journal *j, fp_error *err)
{
    size_t cap = 1 << 16, have = 0;
    char *buf = malloc(cap);
    off_t complete = 0, read_at = 0;
    int rc = buf ? 0 : fp_error_set(err, "%s: out of memory reading the journal", j->path);
    while (rc == 0) {
        if (have == cap) { /* one line longer than the buffer */
            char *grown = realloc(buf, cap * 2);
            if (!grown) {
                rc = fp_error_set(err, "%s: out of memory reading the journal", j->path);
                break;
            }
            buf = grown;
            cap *= 2;
        }
        ssize_t n = pread(j->fd, buf + have, cap - have, read_at);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            rc = fp_error_set(err, "%s: cannot read the journal: %s", j->path, strerror(errno));
            break;
        }
        if (n == 0)
            break;
        read_at += n;
        have += (size_t)n;
        size_t at = 0;
        for (char *nl; rc == 0 && (nl = memchr(buf + at, '\n', have - at)) != NULL;) {
            if (load_line(j, buf + at, (size_t)(nl - (buf + at))) != 0)
                rc = fp_error_set(err, "%s: out of memory reading the journal", j->path);
            at = (size_t)(nl - buf) + 1;
        }
        complete += (off_t)at;
        memmove(buf, buf + at, have - at);
        have -= at;
    }
    free(buf);
    if (rc == 0 && complete < read_at &&
        (ftruncate(j->fd, complete) != 0 || fsync(j->fd) != 0))
        rc = fp_error_set(err, "%s: cannot cut off a torn last line: %s", j->path,
                          strerror(errno));
    return rc;
}

fp_journal *fp_journal_open(fp_outdir *dir, int resume, const char *key, fp_error *err)
{
    fp_journal *j = calloc(1, sizeof *j);
    if (j)
        j->fd = -1;
    if (!j || !(j->path = fp_path_join(fp_outdir_path(dir), FP_BATCH_JOURNAL_NAME)) ||
        !(j->key = fp_escape_field(key))) {
        fp_error_set(err, "out of memory");
        fp_journal_close(j);
        return NULL;
    }
    j->fd = fp_outdir_open_file(dir, FP_BATCH_JOURNAL_NAME, O_RDWR | O_CREAT | O_APPEND, err);
    if (j->fd < 0) {
        fp_error_prefix(err, "the journal: ");
        fp_journal_close(j);
        return NULL;
    }
    /* Two runs writing one folder would each redo the other's work and
     * interleave their journal lines; the lock dies with its process. */
    if (flock(j->fd, LOCK_EX | LOCK_NB) != 0) {
        fp_error_set(err, "%s: another factpipe run is writing this folder (its journal is "
                     "locked); wait for it or choose another -o folder", fp_outdir_path(dir));
        fp_journal_close(j);
        return NULL;
    }
    if (!resume && ftruncate(j->fd, 0) != 0) {
        fp_error_set(err, "%s: cannot start the journal: %s", j->path, strerror(errno));
        fp_journal_close(j);
        return NULL;
    }
    if ((resume && load(j, err) != 0) || (!j->index && grow_index(j) != 0)) {
        if (!j->index)
            fp_error_set(err, "out of memory");
        fp_journal_close(j);
        return NULL;
    }
    return j;
}

int fp_journal_find(const fp_journal *j, const char *source, const char *identity,
                    fp_doc_outcome *outcome, const char **reason)
{
    char *src = fp_escape_field(source), *id = fp_escape_field(identity);
    size_t i = src && id ? index_of(j, entry_key(src, strlen(src), id, strlen(id))) : 0;
    int found = src && id && j->index[i];
    free(src);
    free(id);
    if (!found)
        return 0;
    const entry *e = &j->entries[j->index[i] - 1];
    *outcome = (fp_doc_outcome)e->status;
    *reason = e->reason ? j->reasons[e->reason - 1] : NULL;
    return 1;
}

char *fp_journal_line(const fp_journal *j, const char *source, const char *identity,
                      fp_doc_outcome outcome, const char *reason, const char *output,
                      size_t *len)
{
    const char *status = fp_doc_outcome_name(outcome);
    char *src = fp_escape_field(source), *why = fp_escape_field(reason),
         *id = fp_escape_field(identity), *out = fp_escape_field(output);
    size_t n = (src && why && id && out) ? strlen(j->key) + strlen(status) + strlen(id) +
                                               strlen(src) + strlen(why) + strlen(out) + 16
                                         : 0;
    char *line = n ? malloc(n) : NULL;
    if (line) {
        int body = snprintf(line + 9, n - 9, "%s\t%s\t%s\t%s\t%s\t%s", j->key, status, id, src,
                            why, out);
        unsigned long crc = crc32(0L, (const Bytef *)line + 9, (uInt)body);
        char crc_text[10];
        snprintf(crc_text, sizeof crc_text, "%08lx\t", crc);
        memcpy(line, crc_text, 9);
        line[9 + body] = '\n';
        line[10 + body] = '\0';
        *len = (size_t)body + 10;
    }
    free(src);
    free(why);
    free(id);
    free(out);
    return line;
}

/* Room is set aside a block at a time: one fallocate for some twenty
 * lines, and no more taken from a nearly full device than one block. */
#define RESERVE_STEP ((off_t)4096)

int fp_journal_reserve(fp_journal *j, size_t len, fp_error *err)
{
    if (!j->reserved_to) {
        struct stat st;
        j->reserved_to = j->allocated_to = fstat(j->fd, &st) == 0 ? st.st_size : 0;
    }
    j->reserved_to += (off_t)len;
    if (j->cannot_reserve || j->reserved_to <= j->allocated_to)
        return 0;
    off_t step = (off_t)len > RESERVE_STEP ? (off_t)len : RESERVE_STEP;
    if (fallocate(j->fd, FALLOC_FL_KEEP_SIZE, j->allocated_to, step) == 0) {
        j->allocated_to += step;
        return 0;
    }
    int why = errno;
    if (why == EOPNOTSUPP || why == ENOSYS || why == EINVAL) {
        j->cannot_reserve = 1; /* appends will tell */
        return 0;
    }
    /* what is left may still hold this line */
    if (fallocate(j->fd, FALLOC_FL_KEEP_SIZE, j->allocated_to,
                  j->reserved_to - j->allocated_to) == 0) {
        j->allocated_to = j->reserved_to;
        return 0;
    }
    why = errno;
    j->reserved_to -= (off_t)len;
    fp_error_set(err, "%s: cannot make room for its next line: %s", j->path, strerror(why));
    errno = why;
    return -1;
}

int fp_journal_append(fp_journal *j, const char *lines, size_t len, fp_error *err)
{
    /* One write on an O_APPEND descriptor: a kill leaves a prefix of the
     * lines at worst, whose torn end the CRC rejects. */
    off_t end = lseek(j->fd, 0, SEEK_END);
    if (fp_fd_write_all(j->fd, lines, len) == 0 && fsync(j->fd) == 0)
        return 0;
    int failure = errno;
    fp_error_set(err, "%s: cannot append to the journal: %s", j->path, strerror(failure));
    /* A full device may have taken part of the lines: cut them off now,
     * so the journal holds whole lines only (shrinking needs no space). */
    if (end >= 0 && ftruncate(j->fd, end) == 0)
        (void)fsync(j->fd);
    errno = failure;
    return -1;
}

void fp_journal_close(fp_journal *j)
{
    if (!j)
        return;
    if (j->fd >= 0)
        close(j->fd);
    for (size_t i = 0; i < j->n_reasons; i++)
        free(j->reasons[i]);
    free(j->reasons);
    free(j->entries);
    free(j->index);
    fp_u64set_free(&j->folders);
    free(j->path);
    free(j->key);
    free(j);
}
