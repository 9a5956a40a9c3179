/*
 * fake_plugin.c — check a descriptor, resolve its options from defaults
 * and "name=value" settings, and run create/extract/destroy.
 * See fake_host.h.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* strdup, strcasecmp */
#endif

#include "fake_host.h"

#include <errno.h>
#include <factpipe/fact_check.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *descriptor_problem(const fp_plugin_desc *desc)
{
    if (desc == NULL)
        return "no descriptor";
    if (desc->abi_major != FP_ABI_MAJOR)
        return "plugin built against another ABI major";
    if (desc->abi_minor > FP_ABI_MINOR)
        return "plugin built against a newer ABI minor";
    /* As the core's loader: what ABI 1.0 has, up to destroy. */
    if (desc->struct_size < offsetof(fp_plugin_desc, destroy) + sizeof desc->destroy)
        return "descriptor struct_size smaller than an ABI 1.0 descriptor";
    if (desc->name == NULL || desc->version == NULL || desc->kind == NULL)
        return "descriptor without name, version or kind";
    char why[160];
    if (fp_check_fact_name(FP_NAME_KIND, desc->kind, why, sizeof why) != 0)
        return "descriptor's kind is not a name in [a-z][a-z0-9-]*";
    if (desc->create == NULL || desc->extract == NULL ||
        desc->destroy == NULL)
        return "descriptor without create, extract or destroy";
    if (desc->n_options > 0 && desc->options == NULL)
        return "descriptor counts options it does not list";
    return NULL;
}

static bool parse_bool(const char *text, long long *out)
{
    static const char *const truths[] = {"true", "yes", "on", "1"};
    static const char *const falsehoods[] = {"false", "no", "off", "0"};
    for (size_t i = 0; i < 4; i++) {
        if (strcasecmp(text, truths[i]) == 0) {
            *out = 1;
            return true;
        }
        if (strcasecmp(text, falsehoods[i]) == 0) {
            *out = 0;
            return true;
        }
    }
    return false;
}

static bool parse_int(const char *text, const fp_option *option,
                      long long *out)
{
    char *end;
    errno = 0;
    long long n = strtoll(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0')
        return false;
    bool bounded = option->min != 0 || option->max != 0;
    if (bounded && (n < option->min || n > option->max))
        return false;
    *out = n;
    return true;
}

/* Fills value from text (NULL: no value) per the option's type. */
static int resolve_option(fp_fake_plugin *plugin, size_t index,
                          const char *text, const fp_host *host)
{
    const fp_option *option = &plugin->desc->options[index];
    fp_option_value *value = &plugin->values[index];
    if (text == NULL) {
        if (option->type == FP_OPT_STRING || option->type == FP_OPT_PATH)
            return fp_errorf(host, "option '%s' is required", option->name);
        return FP_OK; /* BOOL false, INT 0 */
    }
    plugin->strings[index] = strdup(text);
    if (plugin->strings[index] == NULL)
        return fp_errorf(host, "out of memory");
    value->string = plugin->strings[index];
    bool ok = true;
    if (option->type == FP_OPT_BOOL)
        ok = parse_bool(text, &value->integer);
    else if (option->type == FP_OPT_INT)
        ok = parse_int(text, option, &value->integer);
    if (!ok)
        return fp_errorf(host, "option '%s': bad value '%s'", option->name,
                         text);
    return FP_OK;
}

/* The text for option index: the last setting naming it, else the
 * descriptor's default. */
static const char *option_text(const fp_plugin_desc *desc, size_t index,
                               const char *const *settings)
{
    const char *name = desc->options[index].name;
    size_t name_len = strlen(name);
    const char *text = desc->options[index].default_value;
    for (size_t i = 0; settings != NULL && settings[i] != NULL; i++)
        if (strncmp(settings[i], name, name_len) == 0 &&
            settings[i][name_len] == '=')
            text = settings[i] + name_len + 1;
    return text;
}

/* Whether "name=value" names one of desc's options. */
static bool names_an_option(const fp_plugin_desc *desc, const char *setting,
                            size_t name_len)
{
    for (size_t i = 0; i < desc->n_options; i++) {
        const char *name = desc->options[i].name;
        if (strlen(name) == name_len && strncmp(setting, name, name_len) == 0)
            return true;
    }
    return false;
}

static int resolve_options(fp_fake_plugin *plugin,
                           const char *const *settings, const fp_host *host)
{
    const fp_plugin_desc *desc = plugin->desc;
    for (size_t i = 0; settings != NULL && settings[i] != NULL; i++) {
        const char *equals = strchr(settings[i], '=');
        if (equals == NULL)
            return fp_errorf(host, "setting '%s' is not name=value",
                             settings[i]);
        int name_len = (int)(equals - settings[i]);
        if (!names_an_option(desc, settings[i], (size_t)name_len))
            return fp_errorf(host, "plugin '%s' has no option '%.*s'",
                             desc->name, name_len, settings[i]);
    }
    if (desc->n_options == 0)
        return FP_OK;
    plugin->values = calloc(desc->n_options, sizeof *plugin->values);
    plugin->strings = calloc(desc->n_options, sizeof *plugin->strings);
    if (plugin->values == NULL || plugin->strings == NULL)
        return fp_errorf(host, "out of memory");
    for (size_t i = 0; i < desc->n_options; i++)
        if (resolve_option(plugin, i, option_text(desc, i, settings), host) !=
            FP_OK)
            return FP_ERROR;
    return FP_OK;
}

static void free_options(fp_fake_plugin *plugin)
{
    for (size_t i = 0; plugin->strings != NULL && i < plugin->desc->n_options;
         i++)
        free(plugin->strings[i]);
    free(plugin->strings);
    free(plugin->values);
    plugin->strings = NULL;
    plugin->values = NULL;
}

int fp_fake_plugin_create(fp_fake_plugin *plugin, const fp_plugin_desc *desc,
                          fp_fake_host *fake, const char *const *settings)
{
    const fp_host *host = fp_fake_host_table(fake);
    memset(plugin, 0, sizeof *plugin);
    const char *problem = descriptor_problem(desc);
    if (problem != NULL)
        return fp_errorf(host, "refusing plugin: %s", problem);
    plugin->desc = desc;
    if (resolve_options(plugin, settings, host) != FP_OK) {
        free_options(plugin);
        plugin->desc = NULL;
        return FP_ERROR;
    }
    fp_config config = {
        .struct_size = (uint32_t)sizeof config,
        .values = plugin->values,
        .n_values = desc->n_options,
        .instance = desc->name,
    };
    if (desc->create(&config, host, &plugin->state) != FP_OK) {
        /* A failed create() frees what it made, as the core expects;
         * valgrind shows a plugin that does not. */
        plugin->state = NULL;
        free_options(plugin);
        plugin->desc = NULL;
        return FP_ERROR;
    }
    return FP_OK;
}

int fp_fake_plugin_extract(const fp_fake_plugin *plugin, fp_fake_host *fake,
                           const fp_fake_doc *doc)
{
    fake->doc = &doc->doc;
    fp_analysis_slot_free(&fake->analysis);
    fp_analysis_slot_init(&fake->analysis, &doc->doc);
    int rc = plugin->desc->extract(plugin->state, &doc->doc,
                                   fp_fake_host_table(fake));
    /* Gone with the call, as in the core: a plugin that keeps a pointer
     * into it shows under valgrind and ASan. */
    fp_analysis_slot_free(&fake->analysis);
    fake->analysis.doc = NULL;
    fake->doc = NULL;
    return rc;
}

void fp_fake_plugin_destroy(fp_fake_plugin *plugin)
{
    if (plugin->desc == NULL)
        return;
    plugin->desc->destroy(plugin->state);
    plugin->state = NULL;
    free_options(plugin);
    plugin->desc = NULL;
}
