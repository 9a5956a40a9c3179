/* factpipe — extract facts from Vietnamese bulletin pages into XML. */
#include "check/fp_check.h"
#include "common/fp_escape.h"
#include "new_plugin/fp_new_plugin.h"
#include "html/fp_html.h"
#include "input/fp_input.h"
#include "batch/fp_batch.h"
#include "engine/fp_engine.h"
#include "pipeline/fp_pipeline.h"
#include "fp_version.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    EXIT_ALL_OK = 0,
    EXIT_SOME_FAILED = 1,
    EXIT_USAGE = 2,
    EXIT_OUTPUT = 3,
    EXIT_OUTPUT_FULL = 4
};

static const char usage_text[] =
    "Usage: factpipe [OPTIONS] INPUT...    (INPUT '-': standard input)\n"
    "       factpipe check-plugin [OPTIONS] PLUGIN...  (see its --help)\n"
    "       factpipe new-plugin [OPTIONS] NAME  (see its --help)\n"
    "Extract facts (percentages, counts, dates, officials, ...) from scraped\n"
    "bulletin pages and write them as XML, as JSON Lines, as HTML review pages,\n"
    "or write the articles' text (--format).  The XML schema:\n"
    "  %s\n"
    "\n"
    "INPUT is a file (HTML or plain text, any of UTF-8, UTF-16 with BOM or\n"
    "windows-1258) or a folder, read recursively in sorted order for\n"
    "*.html *.htm *.xhtml *.shtml *.txt *.text files, each of them also\n"
    "compressed with gzip (page.html.gz is read as the page it holds, in\n"
    "folders, lists and archives alike).  INPUT '-' is one document read\n"
    "from standard input, HTML or text as its bytes tell.\n"
    "\n"
    "Options:\n"
    "  -o, --output PATH       an existing folder, or a path ending in '/',\n"
    "                          gets one file per document (PATH/NAME.EXT,\n"
    "                          EXT below, mirroring the inputs' paths under\n"
    "                          the deepest folder holding them all; odd bytes,\n"
    "                          '%%' and leading dots %%XX-encoded); any other\n"
    "                          PATH gets one combined file (a device or FIFO\n"
    "                          written through; an input is never overwritten).\n"
    "                          Default: combined output on standard output.\n"
    "  -f, --format NAME       output format (default xml), with the EXT of\n"
    "                          its per-document files:\n"
    "%s"
    "                          html with -o DIR/ also writes DIR/index.html\n"
    "                          (every document, its facts per kind, totals).\n"
    "                          In text, each of several documents starts\n"
    "                          with a line '==> SOURCE <=='; a failed one\n"
    "                          has no text (stderr and the exit status say\n"
    "                          why, and DIR/factpipe-report.tsv with -o DIR/)\n"
    "  -c, --pipeline FILE     pipeline file: plugins, priorities, options,\n"
    "                          zoning rules (default: default.pipeline in\n"
    "                          %s)\n"
    "      --plugin-dir DIR    look for plugins (NAME.so) in DIR, after the\n"
    "                          pipeline file's plugin-dir lines; may be\n"
    "                          repeated.  Then FACTPIPE_PLUGIN_PATH\n"
    "                          (':'-separated), then factpipe's own plugin\n"
    "                          folder: the one next to this program, else\n"
    "                          the build tree's when run from it, else the\n"
    "                          configured one (here: %s)\n"
    "      --list-plugins      list the pipeline's plugins with their version,\n"
    "                          kind, priority and options, and each folder\n"
    "                          searched for plugins and data (found or not),\n"
    "                          then exit\n"
    "      --keep-chrome       keep facts found in page chrome (menus, link\n"
    "                          lists, counters, footers) with zone=\"chrome\"\n"
    "                          instead of dropping them\n"
    "      --include-text      write each document's extracted text in <text>,\n"
    "                          so that fact offsets (start/end, in characters)\n"
    "                          can be checked, and after it each zone as\n"
    "                          <zone kind=\"body\" start=\"..\" end=\"..\"/>: a run\n"
    "                          of lines that zoning made title, dateline,\n"
    "                          lead, body, caption, byline or chrome\n"
    "      --max-input-size N  refuse input files over N bytes (default %u);\n"
    "                          a refused file fails that document only\n"
    "      --stdin-name NAME   the source name of the document on standard\n"
    "                          input ('-'); its extension (.html, .txt, ...)\n"
    "                          sets its format (default: '-', sniffed)\n"
    "      --max-nesting N     cut an HTML page nested deeper than N elements\n"
    "                          and mark it partial=\"true\" (default %u)\n"
    "\n"
    "Batches:\n"
    "  INPUT may also be an archive read in memory, never extracted: .tar\n"
    "  (.gz .bz2 .xz .zst), .zip, .warc, .warc.gz (response records of HTML\n"
    "  or plain text; the record's URI is the source and goes to <meta><url>).\n"
    "  -j, --jobs N            worker processes (default: the usable cores);\n"
    "                          the output is the same for any N\n"
    "      --timeout SECONDS   time budget per document (default %g); a\n"
    "                          document over it, or one that crashes its\n"
    "                          worker, is retried once alone, then quarantined\n"
    "      --include GLOB      in folders and archives take only names matching\n"
    "                          GLOB (a GLOB with '/' matches the path under the\n"
    "                          input); may be repeated\n"
    "      --exclude GLOB      skip matching files and folders; may be repeated\n"
    "      --files-from FILE   read more INPUTs from FILE, one per line ('-':\n"
    "                          standard input)\n"
    "  -0, --null              --files-from names end in NUL bytes, not\n"
    "                          newlines (find -print0)\n"
    "      --follow            in folders, also walk links to folders (a link\n"
    "                          back to a folder above it, a loop, is skipped);\n"
    "                          by default only links to files are read\n"
    "      --resume            with -o DIR/: skip the documents DIR's journal\n"
    "                          (factpipe-journal.tsv) lists as done with the\n"
    "                          same inputs, pipeline, plugins, lexicons, zoning\n"
    "                          rules, format and output options\n"
    "      --retry-failed      with --resume: also redo the documents the\n"
    "                          journal lists as failed or quarantined\n"
    "      --shard K/N         process only slice K of N (by a hash of each\n"
    "                          document's source name); default, in a Slurm\n"
    "                          job array: from SLURM_ARRAY_TASK_ID, _MIN,\n"
    "                          _STEP and _COUNT (said on standard error)\n"
    "      --max-ratio N       stop reading an archive, or a .gz page, that\n"
    "                          expands over N times its size (default %g;\n"
    "                          zip bombs)\n"
    "      --progress          progress line and summary on stderr even when\n"
    "                          it is not a terminal\n"
    "  With -o DIR/ failures are listed in DIR/factpipe-report.tsv.\n"
    "  -v, --verbose           also print debug messages of the plugins, and the\n"
    "                          summary with the time of each stage and plugin\n"
    "      --version           print the version and the plugin ABI version\n"
    "  -h, --help              print this help\n"
    "\n"
    "Files: an installed factpipe finds its plugins and data next to itself\n"
    "(<bin>/../lib/factpipe/plugins, <bin>/../share/factpipe), wherever the\n"
    "install was moved; --list-plugins shows each folder searched.\n"
    "\n"
    "Limits (README, Limits): a page whose attributes libxml2 would compare\n"
    "more than 10^8 times for duplicates fails; a plugin's regular expression\n"
    "that runs past its match-limit (pipeline option of percentage, count and\n"
    "docref; default 100000 steps) fails its document.  Configuration files\n"
    "(pipeline, zoning rules, lexicons) must be regular files of at most\n"
    "16 MiB.  Plugins load only when they and every folder above them are\n"
    "owned by you or root and writable by no one else (sticky folders such as\n"
    "/tmp excepted); they start in the worker processes.\n"
    "\n"
    "Exit status: 0 all documents succeeded; 1 some documents failed (named on\n"
    "stderr and in the output: an <error>, an \"error\", an error section; the\n"
    "others are written); 2 usage or pipeline error, or a plugin that cannot\n"
    "start (nothing processed); 3 the batch stopped on an error that is no\n"
    "document's: the output could not be written, or a --files-from list could\n"
    "not be read (the message says which); 4 the output device is full (the\n"
    "batch stopped cleanly: no partial file; with -o DIR/ make room and run\n"
    "again with --resume to complete it).\n";

typedef struct cli {
    const char *output;
    const fp_output_format *format;
    const char *pipeline;
    const char **plugin_dirs;
    size_t n_plugin_dirs;
    int list_plugins;
    int verbose;
    fp_engine_config engine;
    fp_batch_options batch;
    const char *shard;
    const char **globs[2]; /* --include, --exclude */
    size_t n_globs[2];
} cli;

static void print_log(void *user, int level, const char *message)
{
    const cli *c = user;
    if (level == FP_LOG_DEBUG && !c->verbose)
        return;
    /* escaped (common/fp_escape.h): a name with a newline or a terminal
     * control byte in it cannot forge or hide lines */
    char *escaped = fp_escape_needed(message) ? fp_escape_field(message) : NULL;
    fprintf(stderr, "factpipe: %s%s\n", level == FP_LOG_WARNING ? "warning: " : "",
            escaped ? escaped : message);
    free(escaped);
}

static int parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *end || v == 0 || v > 1024ULL * 1024 * 1024 || s[0] == '-')
        return -1;
    *out = (size_t)v;
    return 0;
}

/* Long options without a short form. */
enum { OPT_PLUGIN_DIR = 256, OPT_LIST, OPT_KEEP_CHROME, OPT_TEXT, OPT_MAX, OPT_VERSION,
       OPT_TIMEOUT, OPT_INCLUDE, OPT_EXCLUDE, OPT_FILES_FROM, OPT_RESUME, OPT_SHARD,
       OPT_MAX_RATIO, OPT_PROGRESS, OPT_MAX_NESTING, OPT_FOLLOW, OPT_STDIN_NAME,
       OPT_RETRY_FAILED };
enum { OPT_NULL = '0' };

/* The formats of --help, one "  NAME  SUMMARY" line each. */
static void format_lines(char *out, size_t size)
{
    out[0] = '\0';
    const fp_output_format *f;
    for (size_t i = 0, used = 0; (f = fp_output_format_at(i)) != NULL && used < size; i++) {
        snprintf(out + used, size - used, "%26s%-6s %-6s %s\n", "", f->name, f->extension,
                 f->summary);
        used += strlen(out + used);
    }
}

static int parse_number(const char *s, double min, double max, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !(v >= min && v <= max))
        return -1;
    *out = v;
    return 0;
}

static int add_glob(cli *c, int which, const char *glob)
{
    const char **grown = realloc(c->globs[which], (c->n_globs[which] + 1) * sizeof *grown);
    if (!grown) {
        fprintf(stderr, "factpipe: out of memory\n");
        return -1;
    }
    c->globs[which] = grown;
    grown[c->n_globs[which]++] = glob;
    return 0;
}

/* The batch options (-j, --timeout, --include, ...): 0 ok, -1 usage error
 * (already reported). */
static int parse_batch_option(int opt, const char *arg, cli *c)
{
    fp_batch_options *b = &c->batch;
    double v;
    switch (opt) {
    case 'j':
        if (parse_number(arg, 1, 1024, &v) != 0 || v != (unsigned)v) {
            fprintf(stderr, "factpipe: --jobs takes a whole number from 1 to 1024, not "
                    "'%s'\n", arg);
            return -1;
        }
        b->jobs = (unsigned)v;
        return 0;
    case OPT_TIMEOUT:
        if (parse_number(arg, 0.01, 86400, &b->timeout_seconds) != 0) {
            fprintf(stderr, "factpipe: --timeout takes seconds from 0.01 to 86400, not "
                    "'%s'\n", arg);
            return -1;
        }
        return 0;
    case OPT_INCLUDE: return add_glob(c, 0, arg);
    case OPT_EXCLUDE: return add_glob(c, 1, arg);
    case OPT_FILES_FROM: b->files_from = arg; return 0;
    case OPT_FOLLOW: b->follow_links = 1; return 0;
    case OPT_NULL: b->files_from_null = 1; return 0;
    case OPT_STDIN_NAME:
        if (!*arg) {
            fprintf(stderr, "factpipe: --stdin-name takes a name, not ''\n");
            return -1;
        }
        b->stdin_name = arg;
        return 0;
    case OPT_RESUME: b->resume = 1; return 0;
    case OPT_RETRY_FAILED: b->retry_failed = 1; return 0;
    case OPT_SHARD: c->shard = arg; return 0;
    case OPT_MAX_RATIO:
        if (parse_number(arg, 1, 1e9, &b->max_ratio) != 0) {
            fprintf(stderr, "factpipe: --max-ratio takes a number from 1 up, not '%s'\n", arg);
            return -1;
        }
        c->engine.max_ratio = b->max_ratio; /* gzip pages too */
        return 0;
    case OPT_PROGRESS: b->progress = b->summary = 1; return 0;
    default: return -1;
    }
}

static int add_plugin_dir(cli *c, const char *dir)
{
    const char **grown = realloc(c->plugin_dirs, (c->n_plugin_dirs + 1) * sizeof *grown);
    if (!grown) {
        fprintf(stderr, "factpipe: out of memory\n");
        return -1;
    }
    c->plugin_dirs = grown;
    c->plugin_dirs[c->n_plugin_dirs++] = dir;
    return 0;
}

/* The options of what each document becomes (pipeline, plugins, format,
 * chrome, text, limits): 0 ok, -1 usage error (already reported). */
static int parse_document_option(int opt, const char *arg, cli *c)
{
    fp_error err = {{0}};
    double depth;
    switch (opt) {
    case 'f':
        if (!(c->format = fp_output_format_find(arg, &err))) {
            fprintf(stderr, "factpipe: --format: %s\n", err.message);
            return -1;
        }
        return 0;
    case 'c': c->pipeline = arg; return 0;
    case OPT_PLUGIN_DIR: return add_plugin_dir(c, arg);
    case OPT_KEEP_CHROME: c->engine.keep_chrome = 1; return 0;
    case OPT_TEXT: c->engine.include_text = 1; return 0;
    case OPT_MAX:
        if (parse_size(arg, &c->engine.max_input_bytes) != 0) {
            fprintf(stderr, "factpipe: --max-input-size takes a number of bytes from 1 to "
                    "1073741824, not '%s'\n", arg);
            return -1;
        }
        return 0;
    case OPT_MAX_NESTING:
        if (parse_number(arg, 16, 1000000, &depth) != 0 || depth != (unsigned)depth) {
            fprintf(stderr, "factpipe: --max-nesting takes a whole number of elements from "
                    "16 to 1000000, not '%s'\n", arg);
            return -1;
        }
        c->engine.max_nesting = (unsigned)depth;
        return 0;
    default: return parse_batch_option(opt, arg, c);
    }
}

/* The plugin folder factpipe falls back on: the first found, else the
 * last one it would try. */
static const char *own_plugin_dir(void)
{
    size_t n;
    const fp_default_place *places = fp_default_plugin_places(&n);
    for (size_t i = 0; i < n; i++)
        if (places[i].found)
            return places[i].path;
    return places[n - 1].path;
}

static void print_usage(void)
{
    char formats[1024];
    format_lines(formats, sizeof formats);
    printf(usage_text, fp_default_schema_path(), formats, fp_default_config_dir(),
           own_plugin_dir(),
           (unsigned)FP_DEFAULT_MAX_INPUT_BYTES, (unsigned)FP_HTML_DEFAULT_MAX_DEPTH,
           FP_BATCH_DEFAULT_TIMEOUT, FP_BATCH_DEFAULT_MAX_RATIO);
}


/* Returns -1 to continue, else an exit status. */
static int parse_args(int argc, char **argv, cli *c)
{
    static const struct option longs[] = {
        {"output", required_argument, NULL, 'o'},
        {"format", required_argument, NULL, 'f'},
        {"pipeline", required_argument, NULL, 'c'},
        {"plugin-dir", required_argument, NULL, OPT_PLUGIN_DIR},
        {"list-plugins", no_argument, NULL, OPT_LIST},
        {"keep-chrome", no_argument, NULL, OPT_KEEP_CHROME},
        {"include-text", no_argument, NULL, OPT_TEXT},
        {"max-input-size", required_argument, NULL, OPT_MAX},
        {"max-nesting", required_argument, NULL, OPT_MAX_NESTING},
        {"verbose", no_argument, NULL, 'v'},
        {"jobs", required_argument, NULL, 'j'},
        {"timeout", required_argument, NULL, OPT_TIMEOUT},
        {"include", required_argument, NULL, OPT_INCLUDE},
        {"exclude", required_argument, NULL, OPT_EXCLUDE},
        {"files-from", required_argument, NULL, OPT_FILES_FROM},
        {"follow", no_argument, NULL, OPT_FOLLOW},
        {"null", no_argument, NULL, OPT_NULL},
        {"stdin-name", required_argument, NULL, OPT_STDIN_NAME},
        {"resume", no_argument, NULL, OPT_RESUME},
        {"retry-failed", no_argument, NULL, OPT_RETRY_FAILED},
        {"shard", required_argument, NULL, OPT_SHARD},
        {"max-ratio", required_argument, NULL, OPT_MAX_RATIO},
        {"progress", no_argument, NULL, OPT_PROGRESS},
        {"version", no_argument, NULL, OPT_VERSION},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    int opt;
    while ((opt = getopt_long(argc, argv, "o:f:c:j:0vh", longs, NULL)) != -1) {
        switch (opt) {
        case 'o': c->output = optarg; break;
        case 'v': c->verbose = 1; break;
        case OPT_LIST: c->list_plugins = 1; break;
        case OPT_VERSION:
            printf("factpipe %s (plugin ABI %d.%d)\n", FP_VERSION, FP_ABI_MAJOR, FP_ABI_MINOR);
            return EXIT_ALL_OK;
        case 'h':
            print_usage();
            return EXIT_ALL_OK;
        case '?':
            fprintf(stderr, "Try 'factpipe --help' for more information.\n");
            return EXIT_USAGE;
        default:
            if (parse_document_option(opt, optarg, c) != 0)
                return EXIT_USAGE;
        }
    }
    if (!c->list_plugins && optind >= argc && !c->batch.files_from) {
        fprintf(stderr, "factpipe: no INPUT given\nTry 'factpipe --help' for more "
                "information.\n");
        return EXIT_USAGE;
    }
    return -1;
}

static void print_searched(const char *path, const char *origin, int found)
{
    printf("  %-9s %s  (%s)\n", found ? "found" : "not found", path,
           origin ? origin : "given");
}

/* Where the default data and the plugins were looked for, in order, up
 * to the folder used. */
static void list_folders(const fp_engine *e)
{
    size_t n;
    const fp_default_place *data = fp_default_data_places(&n);
    printf("data folders searched (default pipeline, zoning rules, lexicons):\n");
    for (size_t i = 0; i < n; i++) {
        print_searched(data[i].path, data[i].origin, data[i].found);
        if (data[i].found)
            break;
    }
    const fp_plugin_path *path = fp_engine_plugin_path(e);
    printf("plugin folders searched:\n");
    for (size_t i = 0; i < path->n_asked; i++)
        print_searched(path->asked[i].dir, path->asked[i].origin, path->asked[i].found);
}

static void list_plugins(const fp_engine *e)
{
    printf("pipeline: %s\n", fp_engine_pipeline_path(e));
    fp_engine_describe_files(e, stdout);
    printf("schema: %s\n", fp_default_schema_path());
    list_folders(e);
    for (size_t i = 0; i < fp_engine_plugin_count(e); i++) {
        const fp_plugin_handle *h = fp_engine_plugin(e, i);
        const fp_plugin_desc *d = h->desc;
        printf("\n%s %s  kind=%s  priority=%d  ABI %u.%u\n  %s\n  %s\n", d->name, d->version,
               d->kind, fp_engine_plugin_priority(e, i), d->abi_major, d->abi_minor,
               d->description ? d->description : "", h->path);
        fp_engine_describe_plugin(e, i, stdout);
    }
}

/* -2: a usage error (bad --shard or Slurm variables, --resume without an
 * output folder); else what fp_batch_run returns. */
static int run_batch(cli *c, fp_engine *e, char **argv, int argc, fp_batch_stats *stats,
                     fp_error *err)
{
    fp_batch_options *b = &c->batch;
    b->output = c->output;
    b->format = c->format;
    b->include = c->globs[0];
    b->n_include = c->n_globs[0];
    b->exclude = c->globs[1];
    b->n_exclude = c->n_globs[1];
    b->max_input_bytes = c->engine.max_input_bytes;
    b->summary |= c->verbose;
    char shard_note[512];
    if (fp_batch_parse_shard(c->shard, b, shard_note, sizeof shard_note, err) != 0)
        return -2;
    if (shard_note[0])
        fprintf(stderr, "factpipe: %s\n", shard_note);
    if (b->resume && !c->output) {
        fp_error_set(err, "--resume needs an output folder (-o DIR/)");
        return -2;
    }
    if (b->retry_failed && !b->resume) {
        fp_error_set(err, "--retry-failed goes with --resume (it redoes the failures an "
                     "output folder's journal lists)");
        return -2;
    }
    return fp_batch_run(e, b, (const char *const *)argv + optind, (size_t)(argc - optind), stats,
                        err);
}

int main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "check-plugin") == 0)
        return fp_check_main(argc - 1, argv + 1);
    if (argc >= 2 && strcmp(argv[1], "new-plugin") == 0)
        return fp_new_plugin_main(argc - 1, argv + 1);
    cli c;
    memset(&c, 0, sizeof c);
    c.engine.max_ratio = FP_BATCH_DEFAULT_MAX_RATIO;
    int status = parse_args(argc, argv, &c);
    if (status >= 0) {
        free(c.plugin_dirs);
        free(c.globs[0]);
        free(c.globs[1]);
        return status;
    }
    c.engine.pipeline_path = c.pipeline;
    c.engine.plugin_dirs = c.plugin_dirs;
    c.engine.n_plugin_dirs = c.n_plugin_dirs;
    c.engine.log = print_log;
    c.engine.log_user = &c;

    fp_error err = {{0}};
    fp_engine *e = fp_engine_new(&c.engine, &err);
    if (!e) {
        fprintf(stderr, "factpipe: %s\n", err.message);
        free(c.plugin_dirs);
        free(c.globs[0]);
        free(c.globs[1]);
        return EXIT_USAGE;
    }
    if (c.list_plugins) {
        list_plugins(e);
        status = EXIT_ALL_OK;
    } else {
        fp_batch_stats stats;
        int rc = run_batch(&c, e, argv, argc, &stats, &err);
        if (rc == -2 || (rc < 0 && (stats.refused || stats.plugin_failed))) {
            fprintf(stderr, "factpipe: %s\n", err.message);
            status = EXIT_USAGE;
        } else if (rc < 0 && stats.output_full) {
            fprintf(stderr, "factpipe: %s\nfactpipe: the output device is full: stopped "
                    "with no partial file left; make room (or copy the output folder to a "
                    "larger disk) and run again (with -o DIR/, --resume completes the "
                    "run)\n", err.message);
            status = EXIT_OUTPUT_FULL;
        } else if (rc < 0) {
            fprintf(stderr, "factpipe: %s\n", err.message);
            status = EXIT_OUTPUT;
        } else {
            if (stats.failed)
                fprintf(stderr, "factpipe: %zu of %zu documents failed (see %s%s)\n",
                        stats.failed, stats.documents + stats.skipped,
                        (c.format ? c.format : fp_output_format_default())->failures,
                        c.batch.output ? " or the folder's " FP_BATCH_REPORT_NAME : "");
            status = rc ? EXIT_SOME_FAILED : EXIT_ALL_OK;
        }
    }
    fp_engine_free(e);
    free(c.plugin_dirs);
    free(c.globs[0]);
    free(c.globs[1]);
    return status;
}
