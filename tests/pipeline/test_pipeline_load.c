/* fp_pipeline_load(): the fields of a valid file, and the exact
 * "FILE:LINE: what; expected" message of each kind of mistake. */
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

static int setup_scratch(void **state)
{
    scratch *s = malloc(sizeof *s);
    if (!s || scratch_create(s) != 0) {
        free(s);
        return -1;
    }
    *state = s;
    return 0;
}

static int teardown_scratch(void **state)
{
    scratch *s = *state;
    scratch_remove(s);
    free(s);
    return 0;
}

static void assert_path_in(const scratch *s, const char *name,
                           const char *actual)
{
    char *expected = scratch_path(s, name);
    assert_non_null(expected);
    assert_non_null(actual);
    assert_string_equal(actual, expected);
    free(expected);
}

static void test_valid_file_fills_every_field(void **state)
{
    scratch *s = *state;
    assert_non_null(scratch_folder(s, "extra"));
    assert_non_null(scratch_folder(s, "more"));
    assert_non_null(scratch_file(s, "zones.conf", "# rules\n"));
    const char *path = scratch_pipeline(s,
        "# A test pipeline.\n"                      /* 1 */
        "[pipeline]\n"                              /* 2 */
        "plugins = all\n"                           /* 3 */
        "default-priority = -5\n"                   /* 4 */
        "plugin-dir = extra\n"                      /* 5 */
        "plugin-dir = ./more/ ; a second folder\n"  /* 6 */
        "zones = zones.conf\n"                      /* 7 */
        "\n"                                        /* 8 */
        "[plugin percentage] # wins over dates\n"     /* 9 */
        "priority = 20\n"                           /* 10 */
        "    lexicon = words.txt\n"                 /* 11 */
        "strict: yes\n"                             /* 12 */
        "; no keys in the next section\n"          /* 13 */
        "[ plugin  date_2 ]\n");                    /* 14 */
    assert_non_null(path);

    fp_error err = {{0}};
    fp_pipeline *p = fp_pipeline_load(path, &err);
    if (!p)
        fail_msg("%s", err.message);

    assert_string_equal(p->path, path);
    assert_string_equal(p->dir, s->dir);
    assert_int_equal(p->load_all, 1);
    assert_int_equal(p->default_priority, -5);
    assert_int_equal(p->n_plugin_dirs, 2);
    assert_path_in(s, "extra", p->plugin_dirs[0]);
    assert_path_in(s, "more", p->plugin_dirs[1]);
    assert_path_in(s, "zones.conf", p->zones);

    assert_int_equal(p->n_plugins, 2);
    const fp_pipeline_plugin *percentage = &p->plugins[0];
    assert_string_equal(percentage->name, "percentage");
    assert_int_equal(percentage->priority, 20);
    assert_int_equal(percentage->line, 9);
    assert_int_equal(percentage->n_options, 2);
    assert_string_equal(percentage->options[0].key, "lexicon");
    assert_string_equal(percentage->options[0].value, "words.txt");
    assert_int_equal(percentage->options[0].line, 11);
    assert_string_equal(percentage->options[1].key, "strict");
    assert_string_equal(percentage->options[1].value, "yes");
    assert_int_equal(percentage->options[1].line, 12);

    const fp_pipeline_plugin *date = &p->plugins[1];
    assert_string_equal(date->name, "date_2");
    assert_int_equal(date->priority, 0);
    assert_int_equal(date->line, 14);
    assert_int_equal(date->n_options, 0);

    assert_ptr_equal(fp_pipeline_find_plugin(p, "date_2"), date);
    assert_null(fp_pipeline_find_plugin(p, "date"));
    assert_null(fp_pipeline_find_plugin(NULL, "date"));
    fp_pipeline_free(p);
}

static void test_defaults_and_bom(void **state)
{
    scratch *s = *state;
    /* A UTF-8 byte order mark, as some editors write, must not hide the
     * first section header. */
    assert_non_null(scratch_folder(s, "rules"));
    assert_non_null(scratch_file(s, "rules/zones.conf", "# rules\n"));
    const char *path = scratch_pipeline(s,
        "\xEF\xBB\xBF[pipeline]\r\n"
        "zones = rules/zones.conf\r\n");
    assert_non_null(path);
    fp_error err = {{0}};
    fp_pipeline *p = fp_pipeline_load(path, &err);
    if (!p)
        fail_msg("%s", err.message);
    assert_int_equal(p->load_all, 0);
    assert_int_equal(p->default_priority, 0);
    assert_int_equal(p->n_plugin_dirs, 0);
    assert_int_equal(p->n_plugins, 0);
    assert_int_equal(p->drop_ins, 0);
    assert_path_in(s, "rules/zones.conf", p->zones);
    assert_int_equal(p->zones_at.line, 2);
    assert_ptr_equal(p->zones_at.file, p->files[0]);
    assert_null(p->plugins_at.file);
    fp_pipeline_free(p);

    path = scratch_pipeline(s, "");
    assert_non_null(path);
    p = fp_pipeline_load(path, &err);
    if (!p)
        fail_msg("%s", err.message);
    assert_null(p->zones);
    assert_int_equal(p->n_plugins, 0);
    assert_int_equal(p->n_files, 1);
    fp_pipeline_free(p);
}

/* A copy of the default pipeline, made anywhere, still finds the files
 * the original names: a relative path that is not next to the file is
 * looked up in factpipe's data folder; one that is in neither is an
 * error naming the line, both places and the fix. */
static void test_relative_paths_fall_back_to_the_data_folder(void **state)
{
    scratch *s = *state;
    assert_non_null(scratch_folder(s, "data"));
    assert_non_null(scratch_file(s, "data/zones.conf", "# rules\n"));
    assert_non_null(scratch_folder(s, "copy"));
    const char *path = scratch_file(s, "copy/my.pipeline", "[pipeline]\nzones = zones.conf\n");
    assert_non_null(path);
    char *data = scratch_path(s, "data");
    fp_pipeline_load_options options = {.data_dir = data};
    fp_error err = {{0}};
    fp_pipeline *p = fp_pipeline_load_with(path, &options, &err);
    if (!p)
        fail_msg("%s", err.message);
    assert_path_in(s, "data/zones.conf", p->zones);
    assert_string_equal(p->defaults_dir, data);
    fp_pipeline_free(p);

    /* Next to the file wins over the data folder. */
    assert_non_null(scratch_file(s, "copy/zones.conf", "# mine\n"));
    p = fp_pipeline_load_with(path, &options, &err);
    if (!p)
        fail_msg("%s", err.message);
    assert_path_in(s, "copy/zones.conf", p->zones);
    fp_pipeline_free(p);

    path = scratch_file(s, "copy/other.pipeline", "[pipeline]\n\nzones = nowhere.conf\n");
    assert_non_null(path);
    assert_null(fp_pipeline_load_with(path, &options, &err));
    char expected[1024];
    snprintf(expected, sizeof expected,
             "%s:3: zones 'nowhere.conf' is not found: looked at %s/copy/nowhere.conf (next "
             "to this file), %s/nowhere.conf (in factpipe's data folder); give a path "
             "relative to this file's folder or an absolute one", path, s->dir, data);
    assert_string_equal(err.message, expected);

    /* Without a data folder: next to the file only. */
    assert_null(fp_pipeline_load(path, &err));
    assert_non_null(strstr(err.message, ":3: zones 'nowhere.conf' is not found: looked at "));
    assert_null(strstr(err.message, "data folder"));
    free(data);
}

typedef struct error_case {
    const char *what;
    const char *text;
    int line;                 /* the message must start "PATH:LINE: " */
    const char *expected[3];  /* and contain each of these */
} error_case;

static const error_case error_cases[] = {
    {"unknown section", "[pipeline]\nplugins = all\n[plugins foo]\n", 3,
     {"unknown section [plugins foo]", "expected [pipeline] or [plugin NAME]"}},
    {"unknown pipeline key", "[pipeline]\n# comment\nplugin = all\n", 3,
     {"unknown key 'plugin' in [pipeline]",
      "plugins, default-priority, plugin-dir, zones"}},
    {"bad plugins value", "[pipeline]\nplugins = some\n", 2,
     {"plugins must be 'all' or 'listed', not 'some'"}},
    {"comment after value with #", "[pipeline]\nplugins = all # x\n", 2,
     {"not 'all # x'"}},
    {"priority not a number", "[plugin percentage]\npriority = high\n", 2,
     {"priority must be an integer from -1000 to 1000, not 'high'"}},
    {"priority too high", "[plugin percentage]\npriority = 1001\n", 2,
     {"from -1000 to 1000, not '1001'"}},
    {"priority with junk", "[plugin percentage]\npriority = 20x\n", 2,
     {"not '20x'"}},
    {"priority empty", "[plugin percentage]\npriority =\n", 2,
     {"priority must be an integer", "not ''"}},
    {"bad default-priority", "[pipeline]\n\ndefault-priority = -1001\n", 3,
     {"default-priority must be an integer from -1000 to 1000, not '-1001'"}},
    {"duplicate plugin section",
     "[plugin percentage]\npriority = 1\n\n[plugin percentage]\n", 4,
     {"plugin 'percentage' is already configured at line 1"}},
    {"duplicate pipeline section", "[pipeline]\n[pipeline]\n", 2,
     {"section [pipeline] is already given at line 1"}},
    {"duplicate pipeline key", "[pipeline]\nplugins = all\nplugins = listed\n", 3,
     {"'plugins' is already set at line 2 in [pipeline]"}},
    {"duplicate drop-ins", "[pipeline]\ndrop-ins = yes\ndrop-ins = no\n", 3,
     {"'drop-ins' is already set at line 2 in [pipeline]"}},
    {"bad drop-ins", "[pipeline]\ndrop-ins = sometimes\n", 2,
     {"drop-ins must be 'yes' or 'no', not 'sometimes'"}},
    {"unknown key close to one", "[pipeline]\nplugin = all\n", 2,
     {"unknown key 'plugin' in [pipeline]", "did you mean 'plugins'?"}},
    {"key in the wrong case", "[pipeline]\nZones = zones.conf\n", 2,
     {"keys are case-sensitive", "did you mean 'zones'?"}},
    {"misspelt key", "[pipeline]\ndefault-priorty = 3\n", 2,
     {"did you mean 'default-priority'?"}},
    {"unknown key far from any", "[pipeline]\ncolour = red\n", 2,
     {"unknown key 'colour'", "drop-ins (keys are case-sensitive)"}},
    {"misspelt plugins value", "[pipeline]\nplugins = lsited\n", 2,
     {"not 'lsited'; did you mean 'listed'?"}},
    {"section close to [plugin NAME]", "[plugins money]\n", 1,
     {"unknown section [plugins money]", "did you mean [plugin money]?"}},
    {"section in the wrong case", "[Plugin money]\n", 1,
     {"did you mean [plugin money]?"}},
    {"pipeline section misspelt", "[pipline]\n", 1,
     {"did you mean [pipeline]?"}},
    {"duplicate option", "[plugin date]\nformat = a\n\nformat = b\n", 4,
     {"'format' is already set at line 2 in [plugin date]"}},
    {"duplicate priority", "[plugin date]\npriority = 1\npriority = 2\n", 3,
     {"'priority' is already set at line 2 in [plugin date]"}},
    {"key before any section", "\nplugins = all\n[pipeline]\n", 2,
     {"'plugins' comes before any section",
      "put it under [pipeline] or [plugin NAME]"}},
    {"bad plugin name", "[pipeline]\n[plugin Percent-age]\n", 2,
     {"'Percent-age' is not a valid plugin name", "lower-case letter"}},
    {"plugin name starting with a digit", "[plugin 2date]\n", 1,
     {"'2date' is not a valid plugin name"}},
    {"plugin without a name", "[plugin]\n", 1,
     {"section [plugin] needs a plugin name", "[plugin NAME]"}},
    {"line without '='", "[pipeline]\nplugins all\n", 2,
     {"expected 'key = value', a [section] or a comment, not 'plugins all'"}},
    {"last line without '=' nor newline", "[pipeline]\nplugins = all\nzones", 3,
     {"not 'zones'"}},
    {"first of two errors", "[pipeline]\nbogus\nplugins = x\n", 2,
     {"not 'bogus'"}},
    {"'=' without a key", "[pipeline]\n = all\n", 2,
     {"a key is missing before '='"}},
    {"unclosed section header", "[pipeline\n", 1,
     {"section header has no closing ']'"}},
    {"text after section header", "[pipeline] plugins = all\n", 1,
     {"unexpected 'plugins = all' after the section header"}},
    {"missing plugin-dir", "[pipeline]\nplugin-dir = nowhere\n", 2,
     {"plugin-dir 'nowhere' is not a folder", "/nowhere: No such file",
      "give a folder relative to this file's folder or an absolute one"}},
    {"missing zones", "[pipeline]\nzones = nowhere.conf\n", 2,
     {"zones 'nowhere.conf' is not found: looked at ", "/nowhere.conf (next to this file)"}},
    {"zones that is a folder", "[pipeline]\nzones = .\n", 2,
     {"zones '.' (", "cannot be read: it is a folder; expected a file"}},
    {"plugin-dir that is a file", "[pipeline]\nplugin-dir = a-file\n", 2,
     {"plugin-dir 'a-file' is not a folder", "/a-file: not a folder"}},
    {"empty zones", "[pipeline]\nzones =\n", 2,
     {"zones needs a path; expected zones = PATH"}},
    {"line too long",
     "[pipeline]\nzones = "
     "0123456789012345678901234567890123456789012345678901234567890123456789"
     "0123456789012345678901234567890123456789012345678901234567890123456789"
     "0123456789012345678901234567890123456789012345678901234567890123456789"
     "\n", 2, {"line is 218 bytes long; lines may hold at most 199"}},
};

static void test_each_mistake_names_its_line(void **state)
{
    scratch *s = *state;
    assert_non_null(scratch_file(s, "a-file", "not a folder\n"));
    for (size_t i = 0; i < sizeof error_cases / sizeof error_cases[0]; i++) {
        const error_case *c = &error_cases[i];
        const char *path = scratch_pipeline(s, c->text);
        assert_non_null(path);

        fp_error err = {{0}};
        fp_pipeline *p = fp_pipeline_load(path, &err);
        if (p)
            fail_msg("case '%s': loaded without an error", c->what);

        char prefix[512];
        snprintf(prefix, sizeof prefix, "%s:%d: ", path, c->line);
        if (strncmp(err.message, prefix, strlen(prefix)) != 0)
            fail_msg("case '%s': expected a message starting '%s', got '%s'",
                     c->what, prefix, err.message);
        for (size_t j = 0; j < 3 && c->expected[j]; j++)
            if (!strstr(err.message, c->expected[j]))
                fail_msg("case '%s': expected '%s' in '%s'", c->what,
                         c->expected[j], err.message);
        scratch_forget(s, path);
    }
}

static void test_unreadable_file(void **state)
{
    scratch *s = *state;
    char *missing = scratch_path(s, "missing.pipeline");
    assert_non_null(missing);
    fp_error err = {{0}};
    assert_null(fp_pipeline_load(missing, &err));
    char expected[600];
    snprintf(expected, sizeof expected,
             "%s: cannot open pipeline file: No such file or directory",
             missing);
    assert_string_equal(err.message, expected);
    free(missing);

    /* A folder is refused before it is opened. */
    const char *folder = scratch_folder(s, "a-folder");
    assert_non_null(folder);
    assert_null(fp_pipeline_load(folder, &err));
    snprintf(expected, sizeof expected,
             "%s: cannot open pipeline file: it is a folder; expected a file", folder);
    assert_string_equal(err.message, expected);
}

static void test_shipped_default_pipeline_is_valid(void **state)
{
    (void)state;
    const char *path = FP_TEST_SOURCE_DIR "/config/default.pipeline";
    fp_error err = {{0}};
    fp_pipeline *p = fp_pipeline_load(path, &err);
    if (!p)
        fail_msg("%s", err.message);
    assert_int_equal(p->load_all, 1);
    assert_int_equal(p->default_priority, 0);
    assert_non_null(p->zones);
    const char *suffix = "/config/zones.conf";
    size_t len = strlen(p->zones);
    assert_true(p->zones[0] == '/');
    assert_true(len > strlen(suffix));
    assert_string_equal(p->zones + len - strlen(suffix), suffix);

    const fp_pipeline_plugin *percentage =
        fp_pipeline_find_plugin(p, "percentage");
    assert_non_null(percentage);
    assert_int_equal(percentage->priority, 20);
    fp_pipeline_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_valid_file_fills_every_field,
                                        setup_scratch, teardown_scratch),
        cmocka_unit_test_setup_teardown(test_defaults_and_bom,
                                        setup_scratch, teardown_scratch),
        cmocka_unit_test_setup_teardown(test_relative_paths_fall_back_to_the_data_folder,
                                        setup_scratch, teardown_scratch),
        cmocka_unit_test_setup_teardown(test_each_mistake_names_its_line,
                                        setup_scratch, teardown_scratch),
        cmocka_unit_test_setup_teardown(test_unreadable_file, setup_scratch,
                                        teardown_scratch),
        cmocka_unit_test(test_shipped_default_pipeline_is_valid),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
