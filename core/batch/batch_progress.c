/* The progress line and the closing summary, both on stderr so that the output on
 * stdout stays clean.  The line redraws itself in place on a terminal; when
 * forced with --progress onto something else it prints a line every few
 * seconds instead. */
#include "batch_progress.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_KINDS 32
#define MAX_STAGES 64 /* the engine's stages and up to 58 plugins */
#define TTY_INTERVAL 0.25
#define LOG_INTERVAL 5.0

typedef struct kind_count {
    char name[48];
    size_t n;
} kind_count;

struct fp_progress {
    int show, summary, tty;
    size_t known_total;
    int more_unknown;
    size_t done, failed, skipped;
    uint64_t bytes;
    double started, last_drawn;
    kind_count kinds[MAX_KINDS];
    size_t n_kinds;
    size_t other_kinds; /* facts of kinds past MAX_KINDS */
    /* where the time went: the engine's stages in the workers */
    const char *stage_name[MAX_STAGES];
    unsigned char stage_is_plugin[MAX_STAGES];
    uint64_t stage_ns[MAX_STAGES];
    size_t n_stages, timed_documents;
    uint64_t output_ns; /* the supervisor, writing */
};

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

fp_progress *fp_progress_new(int show_progress, int show_summary, size_t known_total,
                             int more_unknown)
{
    fp_progress *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->tty = isatty(STDERR_FILENO);
    p->show = show_progress || p->tty;
    p->summary = show_summary || p->tty;
    p->known_total = known_total;
    p->more_unknown = more_unknown;
    p->started = p->last_drawn = now_seconds();
    return p;
}

/* Adds a document's tally ("KIND COUNT\n" lines) to the summary. */
static void count_kinds(fp_progress *p, const char *tally)
{
    for (const char *line = tally; *line;) {
        const char *space = strchr(line, ' ');
        if (!space)
            break;
        size_t n = (size_t)(space - line);
        size_t count = strtoul(space + 1, NULL, 10);
        size_t k = 0;
        while (k < p->n_kinds && !(strlen(p->kinds[k].name) == n &&
                                   memcmp(p->kinds[k].name, line, n) == 0))
            k++;
        if (k == p->n_kinds && k < MAX_KINDS && n < sizeof p->kinds[k].name) {
            memcpy(p->kinds[k].name, line, n);
            p->kinds[k].name[n] = '\0';
            p->n_kinds++;
        }
        if (k < p->n_kinds)
            p->kinds[k].n += count;
        else
            p->other_kinds += count;
        const char *next = strchr(space, '\n');
        line = next ? next + 1 : space + strlen(space);
    }
}

void fp_progress_document(fp_progress *p, uint64_t input_bytes, int failed, const char *tally)
{
    if (!p)
        return;
    p->done++;
    p->failed += (size_t)(failed != 0);
    p->bytes += input_bytes;
    if (p->summary && tally)
        count_kinds(p, tally);
}

void fp_progress_skipped(fp_progress *p)
{
    if (p)
        p->skipped++;
}

void fp_progress_name_stage(fp_progress *p, size_t i, const char *name, int is_plugin)
{
    if (!p || i >= MAX_STAGES)
        return;
    p->stage_name[i] = name;
    p->stage_is_plugin[i] = (unsigned char)(is_plugin != 0);
    if (i >= p->n_stages)
        p->n_stages = i + 1;
}

void fp_progress_stage_times(fp_progress *p, const uint64_t *ns, size_t n)
{
    if (!p || !ns)
        return;
    for (size_t i = 0; i < n && i < p->n_stages; i++)
        p->stage_ns[i] += ns[i];
    p->timed_documents++;
}

void fp_progress_output_time(fp_progress *p, uint64_t ns)
{
    if (p)
        p->output_ns += ns;
}

static void stage_row(const char *name, const char *what, uint64_t ns, uint64_t total,
                      size_t documents)
{
    double s = (double)ns / 1e9;
    fprintf(stderr, "factpipe:   %-22s %-9s %9.3f s %6.1f %% %9.1f us/doc\n", name, what, s,
            total ? 100.0 * (double)ns / (double)total : 0.0,
            documents ? s * 1e6 / (double)documents : 0.0);
}

/* The engine's stages in pipeline order (read, decode, HTML or text,
 * zone, each plugin, merge, write), summed over the workers, then the
 * supervisor's writing. */
static void print_stages(const fp_progress *p)
{
    if (p->n_stages == 0 || p->timed_documents == 0)
        return;
    uint64_t total = 0;
    for (size_t i = 0; i < p->n_stages; i++)
        total += p->stage_ns[i];
    fprintf(stderr, "factpipe: time per stage, summed over the workers (wall clock, %zu "
            "documents):\n", p->timed_documents);
    for (int part = 0; part < 3; part++) { /* stages before the plugins, plugins, after */
        for (size_t i = 0; i < p->n_stages; i++) {
            int plugin = p->stage_is_plugin[i];
            int before = !plugin && p->stage_name[i] &&
                         strcmp(p->stage_name[i], "merge") != 0 &&
                         strcmp(p->stage_name[i], "write") != 0;
            if ((part == 0 && before) || (part == 1 && plugin) ||
                (part == 2 && !plugin && !before))
                stage_row(p->stage_name[i] ? p->stage_name[i] : "?",
                          plugin ? "(plugin)" : "", p->stage_ns[i], total,
                          p->timed_documents);
        }
    }
    fprintf(stderr, "factpipe:   %-22s %-9s %9.3f s\n", "all stages", "",
            (double)total / 1e9);
    fprintf(stderr, "factpipe:   %-22s %-9s %9.3f s  (the supervisor writing the output)\n",
            "output", "", (double)p->output_ns / 1e9);
}

static void draw(fp_progress *p, double now, int final)
{
    double elapsed = now - p->started > 1e-6 ? now - p->started : 1e-6;
    double rate = (double)p->done / elapsed;
    char total[48] = "", eta[48] = "";
    if (!p->more_unknown) {
        snprintf(total, sizeof total, "/%zu", p->known_total - p->skipped);
        size_t left = p->known_total - p->skipped - p->done;
        if (rate > 0 && !final && p->known_total >= p->skipped + p->done)
            snprintf(eta, sizeof eta, ", ETA %.0f s", (double)left / rate);
    }
    fprintf(stderr, "%sfactpipe: %zu%s documents, %.0f docs/s, %.1f MB/s%s, %zu failed%s",
            p->tty ? "\r\033[K" : "", p->done, total, rate, (double)p->bytes / 1e6 / elapsed,
            eta, p->failed, p->tty && !final ? "" : "\n");
}

void fp_progress_tick(fp_progress *p)
{
    if (!p || !p->show)
        return;
    double now = now_seconds();
    if (now - p->last_drawn < (p->tty ? TTY_INTERVAL : LOG_INTERVAL))
        return;
    p->last_drawn = now;
    draw(p, now, 0);
}

void fp_progress_finish(fp_progress *p)
{
    if (!p)
        return;
    double now = now_seconds();
    if (p->show)
        draw(p, now, 1);
    if (!p->summary)
        return;
    fprintf(stderr, "factpipe: summary: %zu documents (%zu failed", p->done, p->failed);
    if (p->skipped)
        fprintf(stderr, ", %zu already done before --resume", p->skipped);
    fprintf(stderr, ") in %.2f s; facts:", now - p->started);
    for (size_t k = 0; k < p->n_kinds; k++)
        fprintf(stderr, " %s %zu%s", p->kinds[k].name, p->kinds[k].n,
                k + 1 < p->n_kinds ? "," : "");
    if (p->other_kinds)
        fprintf(stderr, ", other kinds %zu", p->other_kinds);
    fprintf(stderr, "%s\n", p->n_kinds || p->other_kinds ? "" : " none");
    print_stages(p);
}

void fp_progress_free(fp_progress *p)
{
    free(p);
}
