/* A plugin as an ABI 1.0 author wrote it, compiled against the frozen
 * 1.0 header (abi-1.0/factpipe/plugin.h): a fact per run of digits, value
 * the digits, with an attribute that names the ABI it was built for.
 * tests/abi loads it in today's core, which must run it unchanged. */
#include <factpipe/plugin.h>

#include <stdlib.h>
#include <string.h>

#if FP_ABI_MAJOR != 1 || FP_ABI_MINOR != 0
#error "plugin_abi_1_0.c must be built against the frozen ABI 1.0 header"
#endif

static int create(const fp_config *config, const fp_host *host, void **state)
{
    (void)config;
    (void)host;
    *state = NULL;
    return FP_OK;
}

static int extract(void *state, const fp_document *doc, const fp_host *host)
{
    (void)state;
    if (fp_document_check_blocks(doc, host) != FP_OK)
        return FP_ERROR;
    /* The host table a 1.1 core hands over is longer: a 1.0 plugin reads
     * only the fields it knows. */
    if (host->struct_size < sizeof(fp_host))
        return fp_errorf(host, "host table of %u bytes, shorter than ABI 1.0's",
                         (unsigned)host->struct_size);
    for (size_t b = 0; b < doc->n_blocks; b++) {
        for (size_t i = doc->blocks[b].start; i < doc->blocks[b].end;) {
            if (doc->text[i] < '0' || doc->text[i] > '9') {
                i++;
                continue;
            }
            size_t end = i;
            while (end < doc->blocks[b].end && doc->text[end] >= '0' && doc->text[end] <= '9')
                end++;
            char value[32];
            size_t len = end - i < sizeof value - 1 ? end - i : sizeof value - 1;
            memcpy(value, doc->text + i, len);
            value[len] = '\0';
            fp_attr abi = {"abi", "1.0"};
            fp_fact fact = {sizeof fact, NULL, i, end, value, &abi, 1, NULL, 0};
            if (fp_emit(host, &fact) != FP_OK)
                return fp_errorf(host, "the host refused a fact");
            i = end;
        }
    }
    return FP_OK;
}

static void destroy(void *state)
{
    free(state);
}

FP_PLUGIN_DEFINE_NO_OPTIONS(oldabi, "1.0.0", "digits", "Runs of digits (built for ABI 1.0)",
                            create, extract, destroy)
