/* Checking a [plugin NAME] section against the plugin's option table and
 * turning its text into the values the plugin's create() receives. */
#include "fp_pipeline.h"
#include "fp_pipeline_path.h"

#include "../common/fp_suggest.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* One option being resolved, and where its text came from, so that every
 * message can point at the line to fix. */
typedef struct option_source {
    const fp_pipeline *pipeline;      /* may be NULL */
    const fp_pipeline_plugin *section; /* may be NULL */
    const fp_plugin_desc *desc;
    const fp_option *option;
    const char *text;   /* the value from the file, or the default */
    int from_default;
    int line;           /* of the key, else of the section, else 0 */
    const fp_pipeline_file *file; /* of that line; NULL: the main file */
    const char *const *data_dirs; /* the plugin's own data folders */
    size_t n_data_dirs;
} option_source;

const char *fp_option_type_name(fp_option_type type)
{
    switch (type) {
    case FP_OPT_BOOL:
        return "bool";
    case FP_OPT_INT:
        return "int";
    case FP_OPT_STRING:
        return "string";
    case FP_OPT_PATH:
        return "path";
    }
    return "unknown";
}

/* "FILE:LINE: ", "FILE: " or "" (no pipeline file at all); file NULL
 * stands for the main file. */
static void format_location(const fp_pipeline *p, const fp_pipeline_file *file, int line,
                            char *buffer, size_t size)
{
    const char *path = file ? file->path : p ? p->path : NULL;
    if (!path)
        buffer[0] = '\0';
    else if (line > 0)
        snprintf(buffer, size, "%s:%d: ", path, line);
    else
        snprintf(buffer, size, "%s: ", path);
}

static int fail_unknown_option(const fp_pipeline *p,
                               const fp_pipeline_plugin *pp,
                               const fp_plugin_desc *desc,
                               const fp_pipeline_option *unknown,
                               fp_error *err)
{
    char known[512] = "it takes no options";
    size_t used = 0;
    for (size_t i = 0; i < desc->n_options && used < sizeof known; i++) {
        int n = snprintf(known + used, sizeof known - used, "%s%s",
                         i == 0 ? "its options: " : ", ",
                         desc->options[i].name);
        if (n < 0)
            break;
        used += (size_t)n;
    }
    char where[512];
    format_location(p, unknown->file, unknown->line, where, sizeof where);
    char message[sizeof err->message];
    snprintf(message, sizeof message, "%splugin '%s' has no option '%s' (%s)", where,
             pp->name, unknown->key, known);
    const char *names[64];
    size_t n = 0;
    names[n++] = FP_PIPELINE_PRIORITY_KEY;
    for (size_t i = 0; i < desc->n_options && n < 64; i++)
        names[n++] = desc->options[i].name;
    fp_suggest_append(message, sizeof message, unknown->key, names, n, "'", "'");
    return fp_error_set(err, "%s", message);
}

static const fp_option *find_option(const fp_plugin_desc *desc,
                                    const char *name)
{
    for (size_t i = 0; i < desc->n_options; i++)
        if (strcmp(desc->options[i].name, name) == 0)
            return &desc->options[i];
    return NULL;
}

static const fp_pipeline_option *find_setting(const fp_pipeline_plugin *pp,
                                              const char *name)
{
    if (!pp)
        return NULL;
    for (size_t i = 0; i < pp->n_options; i++)
        if (strcmp(pp->options[i].key, name) == 0)
            return &pp->options[i];
    return NULL;
}

/* A text that does not parse: the user's mistake when it comes from the
 * file, the plugin author's when it is the plugin's own default. */
static int fail_bad_value(const option_source *src, const char *expected,
                          fp_error *err)
{
    if (src->from_default)
        return fp_error_set(err,
                            "plugin '%s' option '%s' has an invalid default "
                            "'%s'; it must be %s",
                            src->desc->name, src->option->name, src->text,
                            expected);
    char where[512];
    format_location(src->pipeline, src->file, src->line, where, sizeof where);
    return fp_error_set(err, "%soption '%s' of plugin '%s' must be %s, not '%s'",
                        where, src->option->name, src->desc->name, expected,
                        src->text);
}

static int parse_bool(const option_source *src, long long *out, fp_error *err)
{
    static const char *const truths[] = {"true", "yes", "on", "1"};
    static const char *const falsehoods[] = {"false", "no", "off", "0"};
    for (size_t i = 0; i < sizeof truths / sizeof truths[0]; i++) {
        if (strcasecmp(src->text, truths[i]) == 0) {
            *out = 1;
            return 0;
        }
        if (strcasecmp(src->text, falsehoods[i]) == 0) {
            *out = 0;
            return 0;
        }
    }
    return fail_bad_value(src, "true or false", err);
}

static int parse_int(const option_source *src, long long *out, fp_error *err)
{
    const fp_option *o = src->option;
    int bounded = !(o->min == 0 && o->max == 0);
    char expected[96];
    if (bounded)
        snprintf(expected, sizeof expected, "an integer from %lld to %lld",
                 o->min, o->max);
    else
        snprintf(expected, sizeof expected, "an integer");

    const char *text = src->text;
    const char *digits = (text[0] == '-' || text[0] == '+') ? text + 1 : text;
    /* strtoll() would also skip leading blanks; accept digits only. */
    if (!isdigit((unsigned char)digits[0]))
        return fail_bad_value(src, expected, err);
    char *end;
    errno = 0;
    long long number = strtoll(text, &end, 10);
    if (errno != 0 || *end != '\0')
        return fail_bad_value(src, expected, err);
    if (bounded && (number < o->min || number > o->max))
        return fail_bad_value(src, expected, err);
    *out = number;
    return 0;
}

/* The folders a relative path of src is looked up in, in order: next to
 * the file that set it, the plugin's own data folders, factpipe's data
 * folder; a default skips the first.  Without any of them, the pipeline
 * file's folder (or, without a pipeline, the current folder). */
static size_t path_places(const option_source *src, fp_path_place *places)
{
    size_t n = 0;
    const fp_pipeline *p = src->pipeline;
    if (!src->from_default && p)
        places[n++] = (fp_path_place){src->file ? src->file->dir : p->dir,
                                      "next to the pipeline file"};
    for (size_t i = 0; i < src->n_data_dirs && n < FP_PATH_MAX_PLACES - 1; i++)
        places[n++] = (fp_path_place){src->data_dirs[i], "in the plugin's data folder"};
    if (p && p->defaults_dir)
        places[n++] = (fp_path_place){p->defaults_dir, "in factpipe's data folder"};
    if (n == 0)
        places[n++] = (fp_path_place){p ? p->dir : NULL,
                                      p ? "next to the pipeline file" : "the current folder"};
    return n;
}

/* Makes a PATH option absolute, looking it up where path_places says,
 * and checks that it can be read now, rather than when the plugin opens
 * it without knowing which line of which file named it. */
static int resolve_path(const option_source *src, char **resolved,
                        fp_error *err)
{
    char where[512];
    format_location(src->pipeline, src->file, src->line, where, sizeof where);
    if (src->text[0] == '\0')
        return fp_error_set(err,
                            "%soption '%s' of plugin '%s' needs a file path, "
                            "not an empty value",
                            where, src->option->name, src->desc->name);

    fp_path_place places[FP_PATH_MAX_PLACES];
    size_t n = path_places(src, places);
    fp_path_lookup found;
    if (fp_path_lookup_file(src->text, places, n, &found) == 0) {
        *resolved = found.found;
        found.found = NULL;
        fp_path_lookup_free(&found);
        return 0;
    }
    const char *name = src->desc->name;
    if (found.in_none && n > 1 && src->from_default)
        fp_error_set(err, "%splugin '%s' option '%s': its default '%s' is not found: looked "
                     "at %s; install the plugin's data (factpipe_add_plugin(%s ... DATA "
                     "FILE...) puts it in the plugin's data folder) or set the option in a "
                     "[plugin %s] section", where, name, src->option->name, src->text,
                     found.places, name, name);
    else if (found.in_none && n > 1)
        fp_error_set(err, "%soption '%s' of plugin '%s': '%s' is not found: looked at %s; "
                     "give a path relative to the pipeline file's folder or an absolute "
                     "one", where, src->option->name, name, src->text, found.places);
    else
        fp_error_set(err,
                     "%soption '%s' of plugin '%s' names '%s', which cannot "
                     "be read: %s%s",
                     where, src->option->name, name,
                     found.tried ? found.tried : src->text, found.why,
                     src->from_default ? " (this is the plugin's default; "
                                         "set the option to another file)"
                                       : "");
    fp_path_lookup_free(&found);
    return -1;
}

static int fail_required(const option_source *src, fp_error *err)
{
    char where[512];
    format_location(src->pipeline, src->file, src->line, where, sizeof where);
    const char *about = src->option->description ? src->option->description
                                                 : "no description";
    if (src->section)
        return fp_error_set(err, "%splugin '%s' needs option '%s' (%s)", where,
                            src->desc->name, src->option->name, about);
    return fp_error_set(err,
                        "%splugin '%s' needs option '%s' (%s); set it in a "
                        "[plugin %s] section",
                        where, src->desc->name, src->option->name, about,
                        src->desc->name);
}

static int resolve_one(const option_source *src, fp_option_value *value,
                       fp_error *err)
{
    const fp_option *o = src->option;
    if (!src->text) {
        if (o->type == FP_OPT_PATH || o->type == FP_OPT_STRING)
            return fail_required(src, err);
        /* A BOOL or INT without a default is 0 / false, with no text. */
        value->string = NULL;
        value->integer = 0;
        return 0;
    }

    char *text = NULL;
    switch (o->type) {
    case FP_OPT_BOOL:
        if (parse_bool(src, &value->integer, err) != 0)
            return -1;
        break;
    case FP_OPT_INT:
        if (parse_int(src, &value->integer, err) != 0)
            return -1;
        break;
    case FP_OPT_STRING:
        break;
    case FP_OPT_PATH:
        if (resolve_path(src, &text, err) != 0)
            return -1;
        break;
    default:
        return fp_error_set(err, "plugin '%s' option '%s' has an unknown "
                                 "type %d; expected bool, int, string or path",
                            src->desc->name, o->name, (int)o->type);
    }
    if (!text)
        text = strdup(src->text);
    if (!text)
        return fp_error_set(err, "out of memory resolving option '%s' of "
                                 "plugin '%s'",
                            o->name, src->desc->name);
    value->string = text;
    return 0;
}

int fp_pipeline_resolve_options(const fp_pipeline *p,
                                const fp_pipeline_plugin *pp,
                                const fp_plugin_desc *desc,
                                fp_option_value **values, fp_error *err)
{
    return fp_pipeline_resolve_plugin_options(p, pp, desc, NULL, 0, values, err);
}

int fp_pipeline_resolve_plugin_options(const fp_pipeline *p, const fp_pipeline_plugin *pp,
                                       const fp_plugin_desc *desc,
                                       const char *const *plugin_data_dirs,
                                       size_t n_plugin_data_dirs, fp_option_value **values,
                                       fp_error *err)
{
    *values = NULL;
    for (size_t i = 0; i < desc->n_options; i++)
        if (!desc->options || !desc->options[i].name)
            return fp_error_set(err, "plugin '%s' option %zu has no name; "
                                     "every option needs one",
                                desc->name, i + 1);
    if (pp) {
        for (size_t i = 0; i < pp->n_options; i++)
            if (!find_option(desc, pp->options[i].key))
                return fail_unknown_option(p, pp, desc, &pp->options[i], err);
    }
    if (desc->n_options == 0)
        return 0;

    fp_option_value *resolved = calloc(desc->n_options, sizeof *resolved);
    if (!resolved)
        return fp_error_set(err, "out of memory resolving options of "
                                 "plugin '%s'",
                            desc->name);
    for (size_t i = 0; i < desc->n_options; i++) {
        const fp_option *o = &desc->options[i];
        const fp_pipeline_option *setting = find_setting(pp, o->name);
        option_source src = {
            .pipeline = p,
            .section = pp,
            .desc = desc,
            .option = o,
            .text = setting ? setting->value : o->default_value,
            .from_default = setting == NULL,
            .line = setting ? setting->line : (pp ? pp->line : 0),
            .file = setting ? setting->file : (pp ? pp->file : NULL),
            .data_dirs = plugin_data_dirs,
            .n_data_dirs = n_plugin_data_dirs,
        };
        if (resolve_one(&src, &resolved[i], err) != 0) {
            fp_option_values_free(resolved, desc->n_options);
            return -1;
        }
    }
    *values = resolved;
    return 0;
}

void fp_option_values_free(fp_option_value *values, size_t n)
{
    if (!values)
        return;
    for (size_t i = 0; i < n; i++)
        free((char *)values[i].string);
    free(values);
}
