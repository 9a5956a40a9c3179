/*
 * One plugin source, built once per flaw (FLAW_<name>, PLUGIN_NAME): each
 * build breaks one rule of the plugin contract that check-plugin must
 * catch.  FLAW_none is the control: a plugin that does everything right.
 */
#include <factpipe/plugin.h>

#include <stdlib.h>
#include <string.h>

/* FP_PLUGIN_DEFINE_NO_OPTIONS pastes its NAME argument; this expands
 * PLUGIN_NAME first. */
#define DEFINE_PLUGIN(NAME, ...) FP_PLUGIN_DEFINE_NO_OPTIONS(NAME, __VA_ARGS__)

static int flawed_create(const fp_config *config, const fp_host *host,
                         void **state)
{
#if defined(FLAW_early_analysis)
    /* The shared analysis is of a document: there is none in create(). */
    (void)fp_document_analysis(host);
#endif
    *state = calloc(1, sizeof(int));
    return *state ? FP_OK : fp_errorf(host, "out of memory");
}

static void flawed_destroy(void *state)
{
    free(state);
}

/* Emits one fact over the first "Chỉ thị" of the text, if any, with the
 * flaw under test. */
static int flawed_extract(void *state, const fp_document *doc,
                          const fp_host *host)
{
    const char *at = strstr(doc->text, "Chỉ thị");
    if (at == NULL)
        return FP_OK;
    fp_fact fact = {sizeof fact, NULL, (size_t)(at - doc->text),
                    (size_t)(at - doc->text) + strlen("Chỉ thị"), "x",
                    NULL, 0, NULL, 0};
#if defined(FLAW_span)
    fact.end = fact.start + 3; /* inside the "ỉ" of "Chỉ" */
#elif defined(FLAW_value)
    fact.value = "";
#elif defined(FLAW_kind)
    fact.kind = "something-else";
#elif defined(FLAW_racy)
    /* Instance state written during extract: the facts depend on how many
     * calls came before, so concurrent runs disagree with the single one. */
    int *calls = state;
    if (++*calls % 2 == 0)
        return FP_OK;
#elif defined(FLAW_crash)
    abort();
#elif defined(FLAW_loop)
    for (volatile unsigned spin = 0;; spin++)
        ;
#elif defined(FLAW_exits)
    exit(7); /* takes the host process down */
#elif defined(FLAW_silent)
    return FP_ERROR; /* without fp_errorf */
#endif
    fp_emit(host, &fact);
    return FP_OK;
}

DEFINE_PLUGIN(PLUGIN_NAME, "0.0.1", "flawed", "a plugin with one flaw",
              flawed_create, flawed_extract, flawed_destroy)
