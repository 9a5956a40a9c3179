/* The insides of an archive being read, shared by batch_archive.c (tar,
 * zip, the archive as a whole) and batch_warc.c (WARC records). */
#ifndef FP_BATCH_ARCHIVE_IMPL_H
#define FP_BATCH_ARCHIVE_IMPL_H

#include "batch_archive.h"

#include <archive.h>
#include <archive_entry.h>

/* Expansion is judged only past this many bytes out, where a ratio says
 * something. */
#define FP_ARCHIVE_RATIO_FLOOR (1u << 20)
#define FP_WARC_HEADER_MAX (64u * 1024u)
#define FP_ARCHIVE_SKIP_KINDS 8

/* A member or record that was not read as a document, by kind, so that
 * the end of the archive can say what was left out and why. */
typedef struct fp_archive_skips {
    const char *kind[FP_ARCHIVE_SKIP_KINDS]; /* static strings */
    size_t n[FP_ARCHIVE_SKIP_KINDS];
    size_t n_kinds;
} fp_archive_skips;

/* A tar hard link without data of its own: read from its target on a
 * second pass over the archive. */
typedef struct fp_hardlink {
    char *name;   /* the link, as the archive names it */
    char *target; /* the member it links to */
    int served;   /* handed out, or reported as linking to nothing */
} fp_hardlink;

struct fp_archive {
    struct archive *a;
    char *path, *relative, *identity;
    const fp_batch_options *o;
    size_t max_bytes;
    double max_ratio;
    uint64_t bytes_out;
    int is_warc, done, reported;
    size_t records, documents;
    fp_archive_skips skips;
    /* tar hard links: collected on the first pass, served on the second */
    fp_hardlink *links;
    size_t n_links, cap_links;
    int second_pass;
    unsigned char *link_bytes; /* the target being served, NUL-terminated */
    size_t link_len;
    size_t link_next, link_end; /* its links still to hand out: [next, end) */
    /* WARC: decompressed bytes read ahead */
    unsigned char *buf;
    size_t buf_len, buf_pos, buf_cap;
};

/* Counts a member or record left out, under kind (a static string). */
void fp_archive_skip(fp_archive *r, const char *kind);
/* Fills d as a failed document for where the archive stopped ("SOURCE:
 * what"), member NULL for the archive itself; the archive ends there
 * unless the caller clears r->done.  Returns 1. */
int fp_archive_failure(fp_archive *r, fp_batch_doc *d, const char *member, const char *fmt,
                       ...) FP_FORMAT(4, 5);
/* Reads want bytes of the current entry into dst (NULL: discard); the
 * count, -1 on a read error, -2 over the expansion ratio. */
la_ssize_t fp_archive_read_data(fp_archive *r, unsigned char *dst, size_t want);
int fp_archive_over_ratio(fp_archive *r);
/* A failed document for an archive that expands over --max-ratio. */
int fp_archive_ratio_failure(fp_archive *r, fp_batch_doc *d, const char *member);
/* A member name as a path under the output folder. */
char *fp_archive_safe_relative(const char *archive_rel, const char *name);

/* The next WARC response record that is a page (batch_warc.c). */
int fp_warc_next(fp_archive *r, fp_batch_doc *d);

#endif
