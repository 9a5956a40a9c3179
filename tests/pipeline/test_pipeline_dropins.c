/* Drop-in pipeline files (pipeline.d/NAME.pipeline): merged into a
 * pipeline that says "drop-ins = yes", in sorted order, a user's file
 * replacing the installed one of the same name; a setting made twice is
 * an error naming both places; every setting remembers its file and line;
 * relative paths resolve next to the file that gives them, then in the
 * plugin's data folders, then in factpipe's data folder. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "pipeline/fp_pipeline.h"
#include "pipeline_test_files.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* data/ holds factpipe's data folder with its pipeline.d/, user/ the
 * per-user one. */
typedef struct fixture {
    scratch s;
    char *data, *installed, *user;
    const char *dirs[2];
    fp_pipeline_load_options options;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f || scratch_create(&f->s) != 0) {
        free(f);
        return -1;
    }
    if (!scratch_folder(&f->s, "data") || !scratch_folder(&f->s, "data/pipeline.d") ||
        !scratch_folder(&f->s, "user") || !scratch_folder(&f->s, "user/pipeline.d") ||
        !scratch_file(&f->s, "data/zones.conf", "# rules\n")) {
        scratch_remove(&f->s);
        free(f);
        return -1;
    }
    f->data = scratch_path(&f->s, "data");
    f->installed = scratch_path(&f->s, "data/pipeline.d");
    f->user = scratch_path(&f->s, "user/pipeline.d");
    f->dirs[0] = f->installed;
    f->dirs[1] = f->user;
    f->options = (fp_pipeline_load_options){f->data, f->dirs, 2};
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    scratch_remove(&f->s);
    free(f->data);
    free(f->installed);
    free(f->user);
    free(f);
    return 0;
}

static const char main_text[] =
    "[pipeline]\n"          /* 1 */
    "plugins = listed\n"    /* 2 */
    "drop-ins = yes\n"      /* 3 */
    "zones = zones.conf\n"  /* 4 */
    "\n"                    /* 5 */
    "[plugin count]\n"      /* 6 */
    "priority = 10\n";      /* 7 */

static fp_pipeline *load_main(fixture *f, const char *text, fp_error *err)
{
    const char *path = scratch_file(&f->s, "data/default.pipeline", text);
    assert_non_null(path);
    return fp_pipeline_load_with(path, &f->options, err);
}

static fp_pipeline *load_ok(fixture *f, const char *text)
{
    fp_error err = {{0}};
    fp_pipeline *p = load_main(f, text, &err);
    if (!p)
        fail_msg("%s", err.message);
    return p;
}

static const char *file_name(const fp_pipeline_file *file)
{
    assert_non_null(file);
    return strrchr(file->path, '/') + 1;
}

static const fp_pipeline_option *option_of(const fp_pipeline_plugin *pp, const char *key)
{
    for (size_t i = 0; i < pp->n_options; i++)
        if (strcmp(pp->options[i].key, key) == 0)
            return &pp->options[i];
    return NULL;
}

static void test_sections_merge_in_sorted_order(void **state)
{
    fixture *f = *state;
    assert_non_null(scratch_file(&f->s, "data/pipeline.d/money.pipeline",
                                 "# the money plugin's package\n"
                                 "[plugin money]\n"
                                 "priority = 15\n"
                                 "units = units.txt\n"));
    assert_non_null(scratch_file(&f->s, "data/pipeline.d/count.pipeline",
                                 "[plugin count]\nopen-nouns = false\n"));
    /* Not drop-ins: hidden, another suffix, a backup. */
    assert_non_null(scratch_file(&f->s, "data/pipeline.d/.hidden.pipeline", "bad\n"));
    assert_non_null(scratch_file(&f->s, "data/pipeline.d/README", "bad\n"));
    assert_non_null(scratch_file(&f->s, "data/pipeline.d/money.pipeline~", "bad\n"));
    fp_pipeline *p = load_ok(f, main_text);

    assert_int_equal(p->drop_ins, 1);
    assert_int_equal(p->drop_ins_at.line, 3);
    assert_int_equal(p->n_files, 3);
    assert_string_equal(file_name(p->files[0]), "default.pipeline");
    assert_string_equal(file_name(p->files[1]), "count.pipeline");
    assert_string_equal(file_name(p->files[2]), "money.pipeline");
    assert_false(p->files[0]->drop_in);
    assert_true(p->files[1]->drop_in && p->files[2]->drop_in);
    assert_string_equal(p->files[2]->dir, f->installed);

    assert_int_equal(p->n_plugins, 2);
    const fp_pipeline_plugin *count = &p->plugins[0], *money = &p->plugins[1];
    assert_string_equal(count->name, "count");
    assert_int_equal(count->priority, 10);
    assert_ptr_equal(count->priority_at.file, p->files[0]);
    assert_int_equal(count->priority_at.line, 7);
    const fp_pipeline_option *open = option_of(count, "open-nouns");
    assert_non_null(open);
    assert_string_equal(open->value, "false");
    assert_ptr_equal(open->file, p->files[1]);
    assert_int_equal(open->line, 2);

    assert_string_equal(money->name, "money");
    assert_int_equal(money->priority, 15);
    assert_ptr_equal(money->file, p->files[2]);
    assert_int_equal(money->line, 2);
    assert_int_equal(money->priority_at.line, 3);
    assert_int_equal(option_of(money, "units")->line, 4);
    fp_pipeline_free(p);
}

static void test_a_users_file_replaces_the_installed_one(void **state)
{
    fixture *f = *state;
    assert_non_null(scratch_file(&f->s, "data/pipeline.d/money.pipeline",
                                 "[plugin money]\npriority = 15\n"));
    assert_non_null(scratch_file(&f->s, "user/pipeline.d/money.pipeline",
                                 "\n[plugin money]\npriority = 5\n"));
    assert_non_null(scratch_file(&f->s, "user/pipeline.d/alpha.pipeline",
                                 "[plugin alpha]\n"));
    fp_pipeline *p = load_ok(f, main_text);
    assert_int_equal(p->n_files, 3);
    assert_string_equal(file_name(p->files[1]), "alpha.pipeline");
    assert_string_equal(p->files[2]->dir, f->user);
    const fp_pipeline_plugin *money = fp_pipeline_find_plugin(p, "money");
    assert_int_equal(money->priority, 5);
    assert_int_equal(money->priority_at.line, 3);
    fp_pipeline_free(p);

    /* An empty file of the same name masks the installed one. */
    assert_non_null(scratch_file(&f->s, "user/pipeline.d/money.pipeline", ""));
    p = load_ok(f, main_text);
    assert_null(fp_pipeline_find_plugin(p, "money"));
    assert_non_null(fp_pipeline_find_plugin(p, "alpha"));
    fp_pipeline_free(p);
}

static void test_without_the_key_no_drop_in_is_read(void **state)
{
    fixture *f = *state;
    assert_non_null(scratch_file(&f->s, "data/pipeline.d/money.pipeline", "[plugin money]\n"));
    fp_pipeline *p = load_ok(f, "[pipeline]\nplugins = listed\n");
    assert_int_equal(p->n_files, 1);
    assert_int_equal(p->n_plugins, 0);
    fp_pipeline_free(p);
    p = load_ok(f, "[pipeline]\ndrop-ins = no\n");
    assert_int_equal(p->n_files, 1);
    fp_pipeline_free(p);
    /* No folder to read (fp_pipeline_load): the key alone reads nothing. */
    fp_error err = {{0}};
    const char *path = scratch_file(&f->s, "data/other.pipeline", "[pipeline]\ndrop-ins = yes\n");
    assert_non_null(path);
    p = fp_pipeline_load(path, &err);
    assert_non_null(p);
    assert_int_equal(p->n_files, 1);
    fp_pipeline_free(p);
}

static void test_missing_drop_in_folders_are_skipped(void **state)
{
    fixture *f = *state;
    const char *dirs[] = {"/nonexistent/factpipe/pipeline.d", f->user};
    f->options.drop_in_dirs = dirs;
    assert_non_null(scratch_file(&f->s, "user/pipeline.d/money.pipeline", "[plugin money]\n"));
    fp_pipeline *p = load_ok(f, main_text);
    assert_non_null(fp_pipeline_find_plugin(p, "money"));
    fp_pipeline_free(p);
}

typedef struct conflict_case {
    const char *what;
    const char *drop_in;       /* data/pipeline.d/b.pipeline */
    const char *other;         /* data/pipeline.d/a.pipeline, or NULL */
    int line;                  /* in b.pipeline */
    const char *expected[2];
} conflict_case;

static const conflict_case conflicts[] = {
    {"priority set by the main file", "[plugin count]\n\npriority = 30\n", NULL, 3,
     {"'priority' in [plugin count] is already set at ", "default.pipeline:7; a setting may "
      "be made in one file only"}},
    {"option set by two drop-ins", "[plugin money]\nunits = b.txt\n",
     "[plugin money]\nunits = a.txt\n", 2,
     {"'units' in [plugin money] is already set at ", "a.pipeline:2"}},
    {"priority set by two drop-ins", "[plugin money]\npriority = 1\n",
     "[plugin money]\npriority = 2\n", 2, {"a.pipeline:2"}},
    {"pipeline key set by the main file", "[pipeline]\nzones = other.conf\n", NULL, 2,
     {"'zones' in [pipeline] is already set at ", "default.pipeline:4"}},
    {"drop-ins in a drop-in", "[pipeline]\ndrop-ins = no\n", NULL, 2,
     {"drop-ins is read from the main pipeline file only"}},
    {"two sections in one drop-in", "[plugin money]\n[plugin money]\n", NULL, 2,
     {"plugin 'money' is already configured at line 1"}},
    {"a bad value", "[plugin money]\npriority = high\n", NULL, 2,
     {"priority must be an integer from -1000 to 1000, not 'high'"}},
    {"an unknown key", "[pipeline]\nplugin = all\n", NULL, 2, {"did you mean 'plugins'?"}},
};

static void test_conflicts_name_both_places(void **state)
{
    fixture *f = *state;
    for (size_t i = 0; i < sizeof conflicts / sizeof conflicts[0]; i++) {
        const conflict_case *c = &conflicts[i];
        const char *other = c->other
                                ? scratch_file(&f->s, "data/pipeline.d/a.pipeline", c->other)
                                : NULL;
        const char *b = scratch_file(&f->s, "data/pipeline.d/b.pipeline", c->drop_in);
        assert_non_null(b);
        fp_error err = {{0}};
        fp_pipeline *p = load_main(f, main_text, &err);
        if (p)
            fail_msg("case '%s': loaded without an error", c->what);
        char prefix[600];
        snprintf(prefix, sizeof prefix, "%s:%d: ", b, c->line);
        if (strncmp(err.message, prefix, strlen(prefix)) != 0)
            fail_msg("case '%s': expected '%s' first in '%s'", c->what, prefix, err.message);
        for (size_t k = 0; k < 2 && c->expected[k]; k++)
            if (!strstr(err.message, c->expected[k]))
                fail_msg("case '%s': expected '%s' in '%s'", c->what, c->expected[k],
                         err.message);
        scratch_forget(&f->s, b);
        if (other)
            scratch_forget(&f->s, other);
    }
}

/* Each path resolves against the folder of the file that gave it, then
 * the plugin's data folders, then factpipe's data folder. */
static void test_paths_resolve_where_they_were_written(void **state)
{
    fixture *f = *state;
    static const fp_option options[] = {
        {"units", FP_OPT_PATH, "units.txt", 0, 0, "units"},
        {"words", FP_OPT_PATH, "words.txt", 0, 0, "words"},
        {"extra", FP_OPT_PATH, "extra.txt", 0, 0, "extra"},
    };
    fp_plugin_desc desc = {FP_ABI_MAJOR, FP_ABI_MINOR, sizeof desc, "money", "1.0.0",
                           "money", "test", options, 3, NULL, NULL, NULL};
    assert_non_null(scratch_folder(&f->s, "plugin-data"));
    assert_non_null(scratch_folder(&f->s, "installed-data"));
    assert_non_null(scratch_file(&f->s, "user/pipeline.d/mine.txt", "x\n"));
    assert_non_null(scratch_file(&f->s, "plugin-data/units.txt", "x\n"));
    assert_non_null(scratch_file(&f->s, "installed-data/words.txt", "x\n"));
    assert_non_null(scratch_file(&f->s, "plugin-data/words.txt", "x\n"));
    assert_non_null(scratch_file(&f->s, "data/extra.txt", "x\n"));
    assert_non_null(scratch_file(&f->s, "user/pipeline.d/money.pipeline",
                                 "[plugin money]\nwords = mine.txt\n"));
    fp_pipeline *p = load_ok(f, main_text);
    char *plugin_data = scratch_path(&f->s, "plugin-data");
    char *installed_data = scratch_path(&f->s, "installed-data");
    const char *data_dirs[] = {plugin_data, installed_data};
    fp_option_value *values = NULL;
    fp_error err = {{0}};
    if (fp_pipeline_resolve_plugin_options(p, fp_pipeline_find_plugin(p, "money"), &desc,
                                           data_dirs, 2, &values, &err) != 0)
        fail_msg("%s", err.message);
    char *expected = scratch_path(&f->s, "plugin-data/units.txt");
    assert_string_equal(values[0].string, expected); /* default: plugin data first */
    free(expected);
    expected = scratch_path(&f->s, "user/pipeline.d/mine.txt");
    assert_string_equal(values[1].string, expected); /* next to the drop-in */
    free(expected);
    expected = scratch_path(&f->s, "data/extra.txt");
    assert_string_equal(values[2].string, expected); /* factpipe's data folder */
    free(expected);
    fp_option_values_free(values, 3);

    /* A default found nowhere: every place and the fix. */
    static const fp_option missing[] = {{"rules", FP_OPT_PATH, "rules.txt", 0, 0, "rules"}};
    desc.options = missing;
    desc.n_options = 1;
    assert_int_equal(fp_pipeline_resolve_plugin_options(p, NULL, &desc, data_dirs, 2,
                                                        &values, &err), -1);
    assert_non_null(strstr(err.message, "plugin 'money' option 'rules': its default "
                                        "'rules.txt' is not found: looked at "));
    assert_non_null(strstr(err.message, "plugin-data/rules.txt (in the plugin's data folder), "));
    assert_non_null(strstr(err.message, "data/rules.txt (in factpipe's data folder); install "
                                        "the plugin's data (factpipe_add_plugin(money ... "
                                        "DATA FILE...)"));
    free(plugin_data);
    free(installed_data);
    fp_pipeline_free(p);
}

/* An unknown option set by a drop-in is reported at the drop-in's line,
 * with the closest option name. */
static void test_unknown_option_in_a_drop_in(void **state)
{
    fixture *f = *state;
    static const fp_option options[] = {{"units", FP_OPT_STRING, "x", 0, 0, "units"}};
    fp_plugin_desc desc = {FP_ABI_MAJOR, FP_ABI_MINOR, sizeof desc, "money", "1.0.0",
                           "money", "test", options, 1, NULL, NULL, NULL};
    const char *drop_in = scratch_file(&f->s, "user/pipeline.d/money.pipeline",
                                       "[plugin money]\n\nunit = x\n");
    assert_non_null(drop_in);
    fp_pipeline *p = load_ok(f, main_text);
    fp_option_value *values = NULL;
    fp_error err = {{0}};
    assert_int_equal(fp_pipeline_resolve_plugin_options(p, fp_pipeline_find_plugin(p, "money"),
                                                        &desc, NULL, 0, &values, &err), -1);
    char expected[800];
    snprintf(expected, sizeof expected, "%s:3: plugin 'money' has no option 'unit' (its "
             "options: units); did you mean 'units'?", drop_in);
    assert_string_equal(err.message, expected);
    fp_pipeline_free(p);

    scratch_file(&f->s, "user/pipeline.d/money.pipeline", "[plugin money]\npriorty = 1\n");
    p = load_ok(f, main_text);
    assert_int_equal(fp_pipeline_resolve_plugin_options(p, fp_pipeline_find_plugin(p, "money"),
                                                        &desc, NULL, 0, &values, &err), -1);
    assert_non_null(strstr(err.message, "has no option 'priorty' (its options: units); did "
                                        "you mean 'priority'?"));
    fp_pipeline_free(p);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_sections_merge_in_sorted_order),
        T(test_a_users_file_replaces_the_installed_one),
        T(test_without_the_key_no_drop_in_is_read),
        T(test_missing_drop_in_folders_are_skipped),
        T(test_conflicts_name_both_places),
        T(test_paths_resolve_where_they_were_written),
        T(test_unknown_option_in_a_drop_in),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
