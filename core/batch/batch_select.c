/* Which names a batch takes (see batch_select.h), and --shard. */
#include "batch_select.h"

#include <fnmatch.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int has_suffix(const char *name, const char *suffix)
{
    size_t n = strlen(name), s = strlen(suffix);
    return n > s && strcasecmp(name + n - s, suffix) == 0;
}

int fp_batch_is_archive_name(const char *name)
{
    static const char *const suffixes[] = {".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2",
                                           ".tar.xz", ".txz", ".tar.zst", ".tzst", ".zip",
                                           ".warc", ".warc.gz"};
    for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++)
        if (has_suffix(name, suffixes[i]))
            return 1;
    return 0;
}

static int is_page_name(const char *name)
{
    static const char *const exts[] = {".html", ".htm", ".xhtml", ".shtml", ".txt", ".text"};
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++)
        if (has_suffix(name, exts[i]))
            return 1;
    return 0;
}

/* A pattern with a slash matches the whole relative path, one without it
 * the last component: "*.html" anywhere, "2019/x*" under 2019 only. */
static int glob_matches(const char *pattern, const char *rel)
{
    const char *base = strrchr(rel, '/');
    const char *subject = strchr(pattern, '/') ? rel : base ? base + 1 : rel;
    return fnmatch(pattern, subject, FNM_PERIOD) == 0;
}

int fp_batch_name_wanted(const fp_batch_options *o, const char *rel, int is_folder)
{
    for (size_t i = 0; i < o->n_exclude; i++)
        if (glob_matches(o->exclude[i], rel))
            return 0;
    if (is_folder)
        return 1;
    if (o->n_include == 0)
        return is_page_name(rel) || fp_batch_is_archive_name(rel);
    for (size_t i = 0; i < o->n_include; i++)
        if (glob_matches(o->include[i], rel))
            return 1;
    return 0;
}

/* FNV-1a: stable across machines and runs, so every shard of a job array
 * agrees on who takes which document. */
int fp_batch_in_shard(const fp_batch_options *o, const char *source)
{
    if (o->shard_count <= 1)
        return 1;
    uint64_t h = 1469598103934665603ULL;
    for (const unsigned char *c = (const unsigned char *)source; *c; c++)
        h = (h ^ *c) * 1099511628211ULL;
    return h % o->shard_count == o->shard_index - 1;
}


int fp_batch_parse_shard(const char *spec, fp_batch_options *o, fp_error *err)
{
    if (!spec) {
        const char *id = getenv("SLURM_ARRAY_TASK_ID");
        const char *count = getenv("SLURM_ARRAY_TASK_COUNT");
        const char *min = getenv("SLURM_ARRAY_TASK_MIN");
        if (!id || !count)
            return 0;
        long k = strtol(id, NULL, 10) - (min ? strtol(min, NULL, 10) : 0);
        long n = strtol(count, NULL, 10);
        if (n < 1 || k < 0 || k >= n)
            return fp_error_set(err, "SLURM_ARRAY_TASK_ID=%s (minimum %s) does not fit "
                                "SLURM_ARRAY_TASK_COUNT=%s: use a contiguous --array range",
                                id, min ? min : "0", count);
        o->shard_index = (unsigned)k + 1;
        o->shard_count = (unsigned)n;
        return 0;
    }
    unsigned k, n;
    char tail;
    if (sscanf(spec, "%u/%u%c", &k, &n, &tail) != 2 || n < 1 || k < 1 || k > n)
        return fp_error_set(err, "--shard takes K/N with 1 <= K <= N (e.g. 2/8), not '%s'",
                            spec);
    o->shard_index = k;
    o->shard_count = n;
    return 0;
}
