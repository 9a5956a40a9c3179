/* An extractor that only takes time, for the Slurm test: it sleeps
 * FACTPIPE_TEST_DELAY_MS milliseconds per document (0 when unset) and
 * finds nothing, so an array task is still working when the test cancels
 * it, and the output is the same as without it.  Built outside
 * <build>/plugins: only a run given its folder loads it. */
#include <factpipe/plugin.h>

#include <errno.h>
#include <stdlib.h>
#include <time.h>

static long delay_ms;

static int slow_create(const fp_config *config, const fp_host *host, void **state)
{
    const char *text = getenv("FACTPIPE_TEST_DELAY_MS");
    delay_ms = text ? strtol(text, NULL, 10) : 0;
    if (delay_ms < 0 || delay_ms > 10000)
        return fp_errorf(host, "FACTPIPE_TEST_DELAY_MS must be 0 to 10000, not '%s'", text);
    *state = NULL;
    return FP_OK;
}

static int slow_extract(void *state, const fp_document *doc, const fp_host *host)
{
    struct timespec pause = {delay_ms / 1000, (delay_ms % 1000) * 1000000L};
    while (nanosleep(&pause, &pause) != 0 && errno == EINTR)
        ;
    return FP_OK;
}

static void slow_destroy(void *state)
{
}

FP_PLUGIN_DEFINE_NO_OPTIONS(slow, "0.0.1", "slow", "Sleeps FACTPIPE_TEST_DELAY_MS per document",
                            slow_create, slow_extract, slow_destroy)
