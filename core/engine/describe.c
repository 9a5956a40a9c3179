/* What --list-plugins says about a loaded pipeline: the files it was read
 * from (the main file and its drop-ins), and for each plugin where its
 * priority and each option came from, so that a user sees which file to
 * edit. */
#include "engine_impl.h"

#include <string.h>

static void print_origin(FILE *out, fp_pipeline_origin at)
{
    fprintf(out, "%s:%d", at.file->path, at.line);
}

void fp_engine_describe_files(const fp_engine *e, FILE *out)
{
    const fp_pipeline *p = e->pipeline;
    if (!p->drop_ins) {
        fprintf(out, "drop-ins: none read (the pipeline file does not say drop-ins = yes)\n");
        return;
    }
    char dirs[FP_DROP_IN_DIRS][4096];
    size_t n = fp_default_drop_in_dirs(dirs);
    fprintf(out, "drop-in folders (");
    print_origin(out, p->drop_ins_at);
    fprintf(out, ": drop-ins = yes; NAME.pipeline files, a per-user one replacing the "
            "installed one of the same name):\n");
    for (size_t i = 0; i < n; i++)
        fprintf(out, "  %s  (%s)\n", dirs[i], i == 0 ? "installed" : "per-user");
    for (size_t i = 1; i < p->n_files; i++)
        fprintf(out, "drop-in: %s\n", p->files[i]->path);
}

static const fp_pipeline_option *setting_of(const fp_pipeline_plugin *section,
                                            const char *name)
{
    for (size_t i = 0; section && i < section->n_options; i++)
        if (strcmp(section->options[i].key, name) == 0)
            return &section->options[i];
    return NULL;
}

static void describe_priority(const fp_engine *e, const fp_engine_plugin_slot *slot, FILE *out)
{
    const fp_pipeline *p = e->pipeline;
    const fp_pipeline_plugin *section = slot->section;
    fprintf(out, "  priority %d: ", slot->priority);
    if (section && section->priority_at.file) {
        print_origin(out, section->priority_at);
    } else if (section) {
        fprintf(out, "not set in its section (");
        print_origin(out, (fp_pipeline_origin){section->file, section->line});
        fprintf(out, "), so 0");
    } else if (p->default_priority_at.file) {
        fprintf(out, "default-priority, ");
        print_origin(out, p->default_priority_at);
    } else {
        fprintf(out, "no section and no default-priority, so 0");
    }
    fputc('\n', out);
}

void fp_engine_describe_plugin(const fp_engine *e, size_t i, FILE *out)
{
    if (i >= e->n_plugins)
        return;
    const fp_engine_plugin_slot *slot = &e->plugins[i];
    const fp_plugin_desc *d = slot->handle.desc;
    describe_priority(e, slot, out);
    for (size_t k = 0; k < d->n_options; k++) {
        const fp_option *o = &d->options[k];
        fprintf(out, "    %-16s %-6s default %-8s %s\n", o->name, fp_option_type_name(o->type),
                o->default_value ? o->default_value : "(none)",
                o->description ? o->description : "");
        const fp_pipeline_option *setting = setting_of(slot->section, o->name);
        const char *value = slot->values ? slot->values[k].string : NULL;
        if (!setting && o->type != FP_OPT_PATH)
            continue;
        fprintf(out, "%21s= %s  (", "", value ? value : "(none)");
        if (setting)
            print_origin(out, (fp_pipeline_origin){setting->file, setting->line});
        else
            fprintf(out, "the default");
        fprintf(out, ")\n");
    }
}
