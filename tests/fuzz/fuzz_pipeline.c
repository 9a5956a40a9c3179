/* The pipeline-file parser (core/pipeline): fuzzed bytes as a pipeline
 * file, then every [plugin NAME] section's options checked against an
 * option table with one option of each type, as the engine does.
 *
 * fp_pipeline_load takes a path, so each input is written to one temporary
 * file (kept open for the whole run, rewritten in place). */
#include "fuzz_target.h"

#include "pipeline/fp_pipeline.h"

#include <string.h>
#include <unistd.h>

static const fp_option options[] = {
    {"flag", FP_OPT_BOOL, "false", 0, 0, "a boolean"},
    {"count", FP_OPT_INT, "3", -5, 1000, "a bounded integer"},
    {"any", FP_OPT_INT, NULL, 0, 0, "an unbounded integer"},
    {"word", FP_OPT_STRING, "x", 0, 0, "a string"},
    {"list", FP_OPT_PATH, NULL, 0, 0, "an optional file"},
};

static const fp_plugin_desc desc = {
    .struct_size = sizeof desc,
    .abi_major = FP_ABI_MAJOR,
    .abi_minor = FP_ABI_MINOR,
    .name = "fuzzed",
    .version = "1.0.0",
    .kind = "fuzzed",
    .options = options,
    .n_options = sizeof options / sizeof *options,
};

static char path[64];

static int pipeline_file(void)
{
    static int fd = -1;
    if (fd < 0) {
        snprintf(path, sizeof path, "/tmp/fp-fuzz-pipeline-XXXXXX");
        fd = mkstemp(path);
        if (fd < 0) {
            perror("fuzz_pipeline: mkstemp");
            abort();
        }
    }
    return fd;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int fd = pipeline_file();
    if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size) {
        perror("fuzz_pipeline: writing the temporary file");
        abort();
    }
    fp_error err = {{0}};
    fp_pipeline *p = fp_pipeline_load(path, &err);
    if (!p) {
        fuzz_check(err.message[0], "a refused file says why");
        return 0;
    }
    for (size_t i = 0; i < p->n_plugins; i++) {
        const fp_pipeline_plugin *pp = &p->plugins[i];
        fuzz_check(pp->name && pp->name[0], "a plugin section has a name");
        fuzz_check(fp_pipeline_find_plugin(p, pp->name) != NULL,
                   "a section is found by its name");
        fp_option_value *values = NULL;
        if (fp_pipeline_resolve_options(p, pp, &desc, &values, &err) == 0) {
            fuzz_check(values[1].integer >= -5 && values[1].integer <= 1000,
                       "an integer option is within its bounds");
            fuzz_check(values[0].integer == 0 || values[0].integer == 1,
                       "a boolean option is 0 or 1");
            fp_option_values_free(values, desc.n_options);
        } else {
            fuzz_check(err.message[0], "a refused option says why");
        }
    }
    fp_pipeline_free(p);
    return 0;
}
