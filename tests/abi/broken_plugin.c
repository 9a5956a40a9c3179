/* One source, many deliberately broken plugins: each BROKEN_* define
 * breaks the descriptor in one way the loader must refuse. */
#include <factpipe/plugin.h>

#include <stdlib.h>

#if defined(__GNUC__)
#define MAYBE_UNUSED __attribute__((unused))
#else
#define MAYBE_UNUSED
#endif

#ifndef PLUGIN_NAME
#error "PLUGIN_NAME must be defined"
#endif

MAYBE_UNUSED static int create(const fp_config *config, const fp_host *host, void **state)
{
    (void)config;
    (void)host;
    *state = malloc(1);
    return *state ? FP_OK : FP_ERROR;
}

MAYBE_UNUSED static int extract(void *state, const fp_document *doc, const fp_host *host)
{
    (void)state;
    (void)doc;
    (void)host;
    return FP_OK;
}

MAYBE_UNUSED static void destroy(void *state)
{
    free(state);
}

#ifdef BROKEN_UNDEFINED_SYMBOL
/* Resolved at dlopen time under RTLD_NOW: the load itself must fail. */
extern int fp_symbol_that_does_not_exist(void);
int fp_use_missing_symbol(void);
int fp_use_missing_symbol(void)
{
    return fp_symbol_that_does_not_exist();
}
#endif

#define CAT2(a, b, c) a##b##c
#define CAT(a, b, c) CAT2(a, b, c)
#define STR2(x) #x
#define STR(x) STR2(x)

#ifndef BROKEN_NO_ENTRY
FP_PLUGIN_EXPORT const fp_plugin_desc *CAT(fp_plugin_, PLUGIN_NAME, _get_desc)(void);
FP_PLUGIN_EXPORT const fp_plugin_desc *CAT(fp_plugin_, PLUGIN_NAME, _get_desc)(void)
{
    static const fp_plugin_desc desc = {
#if defined(BROKEN_MAJOR)
        FP_ABI_MAJOR + 1, 0, sizeof(fp_plugin_desc),
#elif defined(BROKEN_MINOR)
        FP_ABI_MAJOR, FP_ABI_MINOR + 1, sizeof(fp_plugin_desc),
#elif defined(BROKEN_SHORT)
        FP_ABI_MAJOR, FP_ABI_MINOR, 16,
#else
        FP_ABI_MAJOR, FP_ABI_MINOR, sizeof(fp_plugin_desc),
#endif
#ifdef BROKEN_WRONG_NAME
        "someone_else",
#else
        STR(PLUGIN_NAME),
#endif
#ifdef BROKEN_KIND
        "0.0.1", "Test Fact", "a plugin for loader tests", NULL, 0, create,
#else
        "0.0.1", "testfact", "a plugin for loader tests", NULL, 0, create,
#endif
#ifdef BROKEN_NULL_CALLBACK
        NULL,
#else
        extract,
#endif
        destroy};
    return &desc;
}
#endif
