/* Must not compile: FP_PLUGIN_DEFINE counts the option table, so it takes
 * the array, and a pointer (whose sizeof says nothing of the table) is
 * refused.  tests/abi/CMakeLists.txt compiles this expecting failure, and
 * the same file with -DGIVE_ARRAY expecting success (so the failure is
 * the pointer's, not a typo's). */
#include <factpipe/plugin.h>

static const fp_option table[] = {
    {"flag", FP_OPT_BOOL, "true", 0, 0, "a switch"},
};
#ifdef GIVE_ARRAY
#define OPTIONS table
#else
static const fp_option *const pointer = table;
#define OPTIONS pointer
#endif

static int create(const fp_config *config, const fp_host *host, void **state);
static int create(const fp_config *config, const fp_host *host, void **state)
{
    (void)config, (void)host;
    *state = NULL;
    return FP_OK;
}

static int extract(void *state, const fp_document *doc, const fp_host *host);
static int extract(void *state, const fp_document *doc, const fp_host *host)
{
    (void)state, (void)doc, (void)host;
    return FP_OK;
}

static void destroy(void *state);
static void destroy(void *state)
{
    (void)state;
}

FP_PLUGIN_DEFINE(pointer_test, "0.0.1", "test", "options given by pointer", OPTIONS, create,
                 extract, destroy)
