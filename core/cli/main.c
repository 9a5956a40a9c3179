/* factpipe — extract facts from Vietnamese bulletin pages into XML. */
#include "input/fp_input.h"
#include "run/fp_batch.h"
#include "run/fp_engine.h"
#include "pipeline/fp_pipeline.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    EXIT_ALL_OK = 0,
    EXIT_SOME_FAILED = 1,
    EXIT_USAGE = 2,
    EXIT_OUTPUT = 3
};

static const char usage_text[] =
    "Usage: factpipe [OPTIONS] INPUT...\n"
    "Extract facts (percentages, counts, dates, officials, ...) from scraped\n"
    "bulletin pages and write them as XML (schema: schema/factpipe.rng).\n"
    "\n"
    "INPUT is a file (HTML or plain text, any of UTF-8, UTF-16 with BOM or\n"
    "windows-1258) or a folder, read recursively in sorted order for\n"
    "*.html *.htm *.xhtml *.shtml *.txt *.text files.\n"
    "\n"
    "Options:\n"
    "  -o, --output PATH       an existing folder, or a path ending in '/',\n"
    "                          gets one XML file per document (PATH/NAME.xml,\n"
    "                          mirroring the input folders); any other PATH\n"
    "                          gets one combined XML file.  Default: combined\n"
    "                          XML on standard output.\n"
    "  -c, --pipeline FILE     pipeline file: plugins, priorities, options,\n"
    "                          zoning rules (default: %s/default.pipeline)\n"
    "      --plugin-dir DIR    look for plugins (NAME.so) in DIR first; may\n"
    "                          be repeated.  Then FACTPIPE_PLUGIN_PATH\n"
    "                          (':'-separated), the build tree when run from\n"
    "                          it, and %s\n"
    "      --list-plugins      list the pipeline's plugins with their version,\n"
    "                          kind, priority and options, then exit\n"
    "      --keep-chrome       keep facts found in page chrome (menus, link\n"
    "                          lists, counters, footers) with zone=\"chrome\"\n"
    "                          instead of dropping them\n"
    "      --include-text      write each document's extracted text in <text>,\n"
    "                          so that fact offsets (start/end, in characters)\n"
    "                          can be checked\n"
    "      --max-input-size N  refuse input files over N bytes (default %u);\n"
    "                          a refused file fails that document only\n"
    "  -v, --verbose           also print debug messages of the plugins\n"
    "      --version           print the version and the plugin ABI version\n"
    "  -h, --help              print this help\n"
    "\n"
    "Exit status: 0 all documents succeeded; 1 some documents failed (their\n"
    "<document> holds an <error>, the others are written); 2 usage or\n"
    "pipeline error (nothing processed); 3 the output could not be written.\n";

typedef struct cli {
    const char *output;
    const char *pipeline;
    const char **plugin_dirs;
    size_t n_plugin_dirs;
    int list_plugins;
    int verbose;
    fp_engine_config engine;
} cli;

static void print_log(void *user, int level, const char *message)
{
    const cli *c = user;
    if (level == FP_LOG_DEBUG && !c->verbose)
        return;
    fprintf(stderr, "factpipe: %s%s\n", level == FP_LOG_WARNING ? "warning: " : "", message);
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

/* Returns -1 to continue, else an exit status. */
static int parse_args(int argc, char **argv, cli *c)
{
    enum { OPT_PLUGIN_DIR = 256, OPT_LIST, OPT_KEEP_CHROME, OPT_TEXT, OPT_MAX, OPT_VERSION };
    static const struct option longs[] = {
        {"output", required_argument, NULL, 'o'},
        {"pipeline", required_argument, NULL, 'c'},
        {"plugin-dir", required_argument, NULL, OPT_PLUGIN_DIR},
        {"list-plugins", no_argument, NULL, OPT_LIST},
        {"keep-chrome", no_argument, NULL, OPT_KEEP_CHROME},
        {"include-text", no_argument, NULL, OPT_TEXT},
        {"max-input-size", required_argument, NULL, OPT_MAX},
        {"verbose", no_argument, NULL, 'v'},
        {"version", no_argument, NULL, OPT_VERSION},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    int opt;
    while ((opt = getopt_long(argc, argv, "o:c:vh", longs, NULL)) != -1) {
        switch (opt) {
        case 'o': c->output = optarg; break;
        case 'c': c->pipeline = optarg; break;
        case 'v': c->verbose = 1; break;
        case OPT_PLUGIN_DIR: {
            const char **grown = realloc(c->plugin_dirs, (c->n_plugin_dirs + 1) * sizeof *grown);
            if (!grown) {
                fprintf(stderr, "factpipe: out of memory\n");
                return EXIT_USAGE;
            }
            c->plugin_dirs = grown;
            c->plugin_dirs[c->n_plugin_dirs++] = optarg;
            break;
        }
        case OPT_LIST: c->list_plugins = 1; break;
        case OPT_KEEP_CHROME: c->engine.keep_chrome = 1; break;
        case OPT_TEXT: c->engine.include_text = 1; break;
        case OPT_MAX:
            if (parse_size(optarg, &c->engine.max_input_bytes) != 0) {
                fprintf(stderr, "factpipe: --max-input-size takes a number of bytes from 1 "
                        "to 1073741824, not '%s'\n", optarg);
                return EXIT_USAGE;
            }
            break;
        case OPT_VERSION:
            printf("factpipe %s (plugin ABI %d.%d)\n", FP_VERSION, FP_ABI_MAJOR, FP_ABI_MINOR);
            return EXIT_ALL_OK;
        case 'h':
            printf(usage_text, fp_default_config_dir(), FP_INSTALL_PLUGIN_DIR,
                   (unsigned)FP_DEFAULT_MAX_INPUT_BYTES);
            return EXIT_ALL_OK;
        default:
            fprintf(stderr, "Try 'factpipe --help' for more information.\n");
            return EXIT_USAGE;
        }
    }
    if (!c->list_plugins && optind >= argc) {
        fprintf(stderr, "factpipe: no INPUT given\nTry 'factpipe --help' for more "
                "information.\n");
        return EXIT_USAGE;
    }
    return -1;
}

static void list_plugins(const fp_engine *e)
{
    printf("pipeline: %s\n", fp_engine_pipeline_path(e));
    for (size_t i = 0; i < fp_engine_plugin_count(e); i++) {
        const fp_plugin_handle *h = fp_engine_plugin(e, i);
        const fp_plugin_desc *d = h->desc;
        printf("\n%s %s  kind=%s  priority=%d  ABI %u.%u\n  %s\n  %s\n", d->name, d->version,
               d->kind, fp_engine_plugin_priority(e, i), d->abi_major, d->abi_minor,
               d->description ? d->description : "", h->path);
        for (size_t k = 0; k < d->n_options; k++) {
            const fp_option *o = &d->options[k];
            printf("    %-16s %-6s default %-8s %s\n", o->name, fp_option_type_name(o->type),
                   o->default_value ? o->default_value : "(none)",
                   o->description ? o->description : "");
        }
    }
}

int main(int argc, char **argv)
{
    cli c;
    memset(&c, 0, sizeof c);
    int status = parse_args(argc, argv, &c);
    if (status >= 0) {
        free(c.plugin_dirs);
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
        return EXIT_USAGE;
    }
    if (c.list_plugins) {
        list_plugins(e);
        status = EXIT_ALL_OK;
    } else {
        fp_batch_stats stats;
        int rc = fp_batch_run(e, (const char *const *)argv + optind, (size_t)(argc - optind),
                              c.output, &stats, &err);
        if (rc < 0) {
            fprintf(stderr, "factpipe: %s\n", err.message);
            status = EXIT_OUTPUT;
        } else {
            if (stats.failed)
                fprintf(stderr, "factpipe: %zu of %zu documents failed (see their <error> "
                        "elements)\n", stats.failed, stats.documents);
            status = rc ? EXIT_SOME_FAILED : EXIT_ALL_OK;
        }
    }
    fp_engine_free(e);
    free(c.plugin_dirs);
    return status;
}
