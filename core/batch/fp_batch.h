/* Batch running: expand the inputs (files, folders walked recursively in
 * sorted order, lists of paths, tar/zip/WARC archives read in memory),
 * run every document through the engine in pre-forked worker processes,
 * and write the documents in input order, in the chosen output format,
 * to stdout, one combined file, or one file per document in an output
 * folder. */
#ifndef FP_BATCH_H
#define FP_BATCH_H

#include "../engine/fp_engine.h"
#include "../input/fp_input.h"
#include "../output/fp_output_format.h"

#include <stdint.h>

#define FP_BATCH_DEFAULT_TIMEOUT 30.0 /* seconds per document */
#define FP_BATCH_DEFAULT_MAX_RATIO FP_DEFAULT_MAX_RATIO /* archives, .gz pages */
/* Name of the journal and of the failure report in an output folder. */
#define FP_BATCH_JOURNAL_NAME "factpipe-journal.tsv"
#define FP_BATCH_REPORT_NAME "factpipe-report.tsv"

typedef struct fp_batch_options {
    /* NULL: stdout; an existing folder or a path ending in '/': one file
     * per document (<output>/<path relative to its input><extension>),
     * plus the journal and the failure report; any other path: one
     * combined file. */
    const char *output;
    const fp_output_format *format; /* NULL: the default (XML) */
    unsigned jobs;            /* worker processes; 0: the usable cores */
    double timeout_seconds;   /* per document; 0: the default */
    int resume;               /* skip documents the folder's journal has */
    const char *const *include; /* globs; a pattern without '/' matches */
    size_t n_include;           /* the base name, with '/' the path */
    const char *const *exclude; /* relative to the input root */
    size_t n_exclude;
    const char *files_from;   /* read more INPUTs from this file ("-": stdin) */
    int files_from_null;      /* its names end in NUL bytes, not newlines */
    const char *stdin_name;   /* the source of INPUT "-" (one document read
                                 from standard input; its extension tells
                                 the format); NULL: "-", format sniffed */
    int follow_links;         /* walk links to folders met in folders (loops
                                 found by device and inode are skipped);
                                 0: only links to files are read */
    unsigned shard_index;     /* 1..shard_count */
    unsigned shard_count;     /* 0: no sharding */
    int progress;             /* 1: progress line even when stderr is no tty */
    int summary;              /* 1: summary even when stderr is no tty */
    size_t max_input_bytes;   /* per document and archive member; 0: default */
    double max_ratio;         /* archive bytes out / bytes read; 0: default */
} fp_batch_options;

typedef struct fp_batch_stats {
    size_t documents; /* processed in this run, including failed ones */
    size_t failed;    /* failed (any reason), including quarantined */
    size_t skipped;   /* already done according to the journal (--resume) */
    size_t crashed;   /* worker crashes and timeouts, retries included */
    int output_full;  /* the run stopped because the output device is full */
    int plugin_failed; /* stopped because a plugin could not start in a
                          worker (the message names it and says why) */
} fp_batch_stats;

/* Parse "K/N" (whole numbers, 1 <= K <= N) into the options, or take the
 * Slurm job array variables (SLURM_ARRAY_TASK_ID, _MIN, _STEP, _COUNT)
 * when spec is NULL and they are set; then note says which shard of how
 * many runs, from which variables (else it is empty).  0 ok (nothing set
 * is ok), -1 with a message. */
int fp_batch_parse_shard(const char *spec, fp_batch_options *o, char *note, size_t note_size,
                         fp_error *err);

/* Per-document failures (unreadable, undecodable, too large, plugin
 * error, worker crash or timeout) are written as error documents
 * (<document><error> in XML),
 * counted, listed in the report, and the batch goes on.
 * Returns 0 when every document succeeded, 1 when some failed, -1 when
 * the output could not be written, the inputs could not be listed or a
 * plugin could not start (stats->plugin_failed; err says why).  A full output device (ENOSPC, EDQUOT) stops the run at
 * the first document that does not fit, with stats->output_full set: no
 * partial or temporary file is left, the journal lists exactly the
 * documents whose files are in place, and --resume completes the run once
 * there is room. */
int fp_batch_run(fp_engine *e, const fp_batch_options *o, const char *const *inputs,
                 size_t n_inputs, fp_batch_stats *stats, fp_error *err);

#endif
