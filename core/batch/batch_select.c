/* Which names a batch takes (see batch_select.h), and --shard. */
#include "batch_select.h"
#include "../common/fp_hash.h"

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

/* A page, or a page compressed with gzip (page.html.gz). */
static int is_page_name(const char *name)
{
    static const char *const exts[] = {".html", ".htm", ".xhtml", ".shtml", ".txt", ".text"};
    size_t n = strlen(name);
    char plain[4096];
    if (has_suffix(name, ".gz") && n - 3 < sizeof plain) {
        memcpy(plain, name, n - 3);
        plain[n - 3] = '\0';
        name = plain;
    }
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
    uint64_t h = fp_fnv64(FP_FNV64_INIT, source, strlen(source));
    return h % o->shard_count == o->shard_index - 1;
}


/* A whole number of at most 7 digits, nothing around it: 0, or -1. */
static int parse_count(const char *s, long *out)
{
    size_t n = s ? strlen(s) : 0;
    if (n == 0 || n > 7 || strspn(s, "0123456789") != n)
        return -1;
    *out = strtol(s, NULL, 10);
    return 0;
}

/* The shard of a Slurm job array task: SLURM_ARRAY_TASK_ID counted from
 * SLURM_ARRAY_TASK_MIN in steps of SLURM_ARRAY_TASK_STEP, out of
 * SLURM_ARRAY_TASK_COUNT. */
static int shard_from_slurm(fp_batch_options *o, char *note, size_t note_size, fp_error *err)
{
    const char *id = getenv("SLURM_ARRAY_TASK_ID");
    const char *count = getenv("SLURM_ARRAY_TASK_COUNT");
    const char *min = getenv("SLURM_ARRAY_TASK_MIN");
    const char *step = getenv("SLURM_ARRAY_TASK_STEP");
    if (!id || !count)
        return 0;
    long k, n, lo = 0, by = 1;
    if (parse_count(id, &k) != 0 || parse_count(count, &n) != 0 ||
        (min && parse_count(min, &lo) != 0) || (step && parse_count(step, &by) != 0) || by < 1)
        return fp_error_set(err, "the Slurm job array variables are not whole numbers "
                            "(SLURM_ARRAY_TASK_ID=%s, _MIN=%s, _STEP=%s, _COUNT=%s); give "
                            "--shard K/N instead", id, min ? min : "unset",
                            step ? step : "unset", count);
    if (n < 1 || k < lo || (k - lo) % by != 0 || (k - lo) / by >= n)
        return fp_error_set(err, "SLURM_ARRAY_TASK_ID=%s (minimum %s, step %s) does not fit "
                            "SLURM_ARRAY_TASK_COUNT=%s: use an --array range without gaps "
                            "(1-N or 1-N:S)", id, min ? min : "0", step ? step : "1", count);
    o->shard_index = (unsigned)((k - lo) / by) + 1;
    o->shard_count = (unsigned)n;
    snprintf(note, note_size, "shard %u of %u, from the Slurm job array: "
             "SLURM_ARRAY_TASK_ID=%s, SLURM_ARRAY_TASK_MIN=%s, SLURM_ARRAY_TASK_STEP=%s, "
             "SLURM_ARRAY_TASK_COUNT=%s (--shard K/N overrides them)",
             o->shard_index, o->shard_count, id, min ? min : "unset", step ? step : "unset",
             count);
    return 0;
}

int fp_batch_parse_shard(const char *spec, fp_batch_options *o, char *note, size_t note_size,
                         fp_error *err)
{
    note[0] = '\0';
    if (!spec)
        return shard_from_slurm(o, note, note_size, err);
    const char *slash = strchr(spec, '/');
    char k_text[16] = "";
    long k = 0, n = 0;
    if (slash && (size_t)(slash - spec) < sizeof k_text)
        memcpy(k_text, spec, (size_t)(slash - spec));
    if (!slash || parse_count(k_text, &k) != 0 || parse_count(slash + 1, &n) != 0 || k < 1 ||
        n < 1 || k > n)
        return fp_error_set(err, "--shard takes K/N, whole numbers with 1 <= K <= N <= "
                            "9999999 (e.g. 2/8), not '%s'", spec);
    o->shard_index = (unsigned)k;
    o->shard_count = (unsigned)n;
    return 0;
}
