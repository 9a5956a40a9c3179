/* fp_pipeline_resolve_options(): a [plugin fake] section checked against
 * the option table of a fake plugin descriptor. */
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
#include <unistd.h>

enum { OPT_STRICT, OPT_MAX_DIGITS, OPT_UNIT, OPT_LEXICON, OPT_RULES,
       N_FAKE_OPTIONS };

static const fp_option fake_options[N_FAKE_OPTIONS] = {
    {"strict", FP_OPT_BOOL, "false", 0, 0, "refuse doubtful matches"},
    {"max-digits", FP_OPT_INT, "12", 1, 30, "longest number to read"},
    {"unit", FP_OPT_STRING, "%", 0, 0, "unit written in facts"},
    {"lexicon", FP_OPT_PATH, "lexicon.txt", 0, 0, "word list"},
    {"rules", FP_OPT_PATH, NULL, 0, 0, "rule file to apply"},
};

static fp_plugin_desc fake_desc(const fp_option *options, size_t n)
{
    fp_plugin_desc desc = {
        .abi_major = FP_ABI_MAJOR,
        .abi_minor = FP_ABI_MINOR,
        .struct_size = (uint32_t)sizeof(fp_plugin_desc),
        .name = "fake",
        .version = "1.0.0",
        .kind = "fake",
        .description = "a plugin that exists only in this test",
        .options = options,
        .n_options = n,
    };
    return desc;
}

/* The scratch folder holds the files PATH options point at. */
static int setup_scratch(void **state)
{
    scratch *s = malloc(sizeof *s);
    if (!s || scratch_create(s) != 0) {
        free(s);
        return -1;
    }
    if (!scratch_file(s, "lexicon.txt", "phần trăm\n") ||
        !scratch_file(s, "rules.txt", "rule\n") ||
        !scratch_folder(s, "sub") ||
        !scratch_file(s, "sub/other.txt", "other\n")) {
        scratch_remove(s);
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

static fp_pipeline *load_text(scratch *s, const char *text)
{
    const char *path = scratch_pipeline(s, text);
    assert_non_null(path);
    fp_error err = {{0}};
    fp_pipeline *p = fp_pipeline_load(path, &err);
    if (!p)
        fail_msg("%s", err.message);
    return p;
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

static void test_values_from_the_file(void **state)
{
    scratch *s = *state;
    fp_pipeline *p = load_text(s, "[plugin fake]\n"
                                  "strict = yes\n"
                                  "max-digits = 30\n"
                                  "unit = phần trăm\n"
                                  "lexicon = sub/../sub/other.txt\n"
                                  "rules = rules.txt\n");
    fp_plugin_desc desc = fake_desc(fake_options, N_FAKE_OPTIONS);
    fp_option_value *values = NULL;
    fp_error err = {{0}};
    if (fp_pipeline_resolve_options(p, &p->plugins[0], &desc, &values,
                                    &err) != 0)
        fail_msg("%s", err.message);

    assert_int_equal(values[OPT_STRICT].integer, 1);
    assert_string_equal(values[OPT_STRICT].string, "yes");
    assert_int_equal(values[OPT_MAX_DIGITS].integer, 30);
    assert_string_equal(values[OPT_MAX_DIGITS].string, "30");
    assert_string_equal(values[OPT_UNIT].string, "phần trăm");
    assert_path_in(s, "sub/other.txt", values[OPT_LEXICON].string);
    assert_path_in(s, "rules.txt", values[OPT_RULES].string);
    fp_option_values_free(values, desc.n_options);
    fp_pipeline_free(p);
}

static void test_defaults_fill_unset_options(void **state)
{
    scratch *s = *state;
    fp_pipeline *p = load_text(s, "[plugin fake]\nrules = rules.txt\n");
    fp_plugin_desc desc = fake_desc(fake_options, N_FAKE_OPTIONS);
    fp_option_value *values = NULL;
    fp_error err = {{0}};
    if (fp_pipeline_resolve_options(p, &p->plugins[0], &desc, &values,
                                    &err) != 0)
        fail_msg("%s", err.message);

    assert_int_equal(values[OPT_STRICT].integer, 0);
    assert_string_equal(values[OPT_STRICT].string, "false");
    assert_int_equal(values[OPT_MAX_DIGITS].integer, 12);
    assert_string_equal(values[OPT_UNIT].string, "%");
    /* The default path is relative to the pipeline file too. */
    assert_path_in(s, "lexicon.txt", values[OPT_LEXICON].string);
    fp_option_values_free(values, desc.n_options);
    fp_pipeline_free(p);
}

static void test_no_default_means_false_or_zero(void **state)
{
    (void)state;
    static const fp_option bare[] = {
        {"verbose", FP_OPT_BOOL, NULL, 0, 0, "say more"},
        {"limit", FP_OPT_INT, NULL, 0, 0, "how many"},
    };
    fp_plugin_desc desc = fake_desc(bare, 2);
    fp_option_value *values = NULL;
    fp_error err = {{0}};
    assert_int_equal(
        fp_pipeline_resolve_options(NULL, NULL, &desc, &values, &err), 0);
    assert_int_equal(values[0].integer, 0);
    assert_null(values[0].string);
    assert_int_equal(values[1].integer, 0);
    assert_null(values[1].string);
    fp_option_values_free(values, desc.n_options);
}

static void test_without_pipeline_file_paths_follow_current_folder(
    void **state)
{
    scratch *s = *state;
    static const fp_option optional_only[] = {
        {"lexicon", FP_OPT_PATH, "lexicon.txt", 0, 0, "word list"},
        {"unbounded", FP_OPT_INT, "-99999999999", 0, 0, "any integer"},
    };
    fp_plugin_desc desc = fake_desc(optional_only, 2);
    char *before = getcwd(NULL, 0);
    assert_non_null(before);
    assert_int_equal(chdir(s->dir), 0);

    fp_option_value *values = NULL;
    fp_error err = {{0}};
    int rc = fp_pipeline_resolve_options(NULL, NULL, &desc, &values, &err);
    assert_int_equal(chdir(before), 0);
    free(before);
    if (rc != 0)
        fail_msg("%s", err.message);
    assert_path_in(s, "lexicon.txt", values[0].string);
    assert_int_equal(values[1].integer, -99999999999LL);
    fp_option_values_free(values, desc.n_options);
}

static void test_type_names(void **state)
{
    (void)state;
    assert_string_equal(fp_option_type_name(FP_OPT_BOOL), "bool");
    assert_string_equal(fp_option_type_name(FP_OPT_INT), "int");
    assert_string_equal(fp_option_type_name(FP_OPT_STRING), "string");
    assert_string_equal(fp_option_type_name(FP_OPT_PATH), "path");
    assert_string_equal(fp_option_type_name((fp_option_type)99), "unknown");
}

typedef struct option_error_case {
    const char *what;
    const char *section; /* the text of the pipeline file */
    int line;            /* 0: the message names no line */
    const char *expected[3];
} option_error_case;

static const option_error_case option_error_cases[] = {
    {"unknown option", "[plugin fake]\nrules = rules.txt\n\ncolour = red\n",
     4,
     {"plugin 'fake' has no option 'colour' "
      "(its options: strict, max-digits, unit, lexicon, rules)"}},
    {"bad bool", "[plugin fake]\nrules = rules.txt\nstrict = maybe\n", 3,
     {"option 'strict' of plugin 'fake' must be true or false, not 'maybe'"}},
    {"int above range", "[plugin fake]\nmax-digits = 31\nrules = rules.txt\n",
     2,
     {"option 'max-digits' of plugin 'fake' must be an integer from 1 to 30, "
      "not '31'"}},
    {"int below range", "[plugin fake]\nmax-digits = 0\nrules = rules.txt\n",
     2, {"from 1 to 30, not '0'"}},
    {"int with trailing junk",
     "[plugin fake]\nmax-digits = 12abc\nrules = rules.txt\n", 2,
     {"must be an integer from 1 to 30, not '12abc'"}},
    {"int beyond long long",
     "[plugin fake]\nmax-digits = 99999999999999999999\nrules = rules.txt\n",
     2, {"not '99999999999999999999'"}},
    {"int empty", "[plugin fake]\nmax-digits =\nrules = rules.txt\n", 2,
     {"not ''"}},
    {"unreadable path", "[plugin fake]\nrules = missing.txt\n", 2,
     {"option 'rules' of plugin 'fake' names '", "/missing.txt', which cannot "
      "be read: No such file or directory"}},
    {"path that is a folder", "[plugin fake]\nrules = sub\n", 2,
     {"/sub', which cannot be read: it is a folder; expected a file"}},
    {"empty path", "[plugin fake]\nrules =\n", 2,
     {"option 'rules' of plugin 'fake' needs a file path"}},
    {"required option missing", "# fake\n[plugin fake]\nstrict = no\n", 2,
     {"plugin 'fake' needs option 'rules' (rule file to apply)"}},
};

static void test_each_option_mistake_names_its_line(void **state)
{
    scratch *s = *state;
    fp_plugin_desc desc = fake_desc(fake_options, N_FAKE_OPTIONS);
    for (size_t i = 0;
         i < sizeof option_error_cases / sizeof option_error_cases[0]; i++) {
        const option_error_case *c = &option_error_cases[i];
        fp_pipeline *p = load_text(s, c->section);
        assert_int_equal(p->n_plugins, 1);

        /* Any pointer: a failed call must leave NULL behind. */
        fp_option_value not_null;
        fp_option_value *values = &not_null;
        fp_error err = {{0}};
        if (fp_pipeline_resolve_options(p, &p->plugins[0], &desc, &values,
                                        &err) == 0)
            fail_msg("case '%s': resolved without an error", c->what);
        assert_null(values);

        char prefix[512];
        snprintf(prefix, sizeof prefix, "%s:%d: ", p->path, c->line);
        if (strncmp(err.message, prefix, strlen(prefix)) != 0)
            fail_msg("case '%s': expected a message starting '%s', got '%s'",
                     c->what, prefix, err.message);
        for (size_t j = 0; j < 3 && c->expected[j]; j++)
            if (!strstr(err.message, c->expected[j]))
                fail_msg("case '%s': expected '%s' in '%s'", c->what,
                         c->expected[j], err.message);
        fp_pipeline_free(p);
    }
}

static void test_plugin_without_options_refuses_any(void **state)
{
    scratch *s = *state;
    fp_pipeline *p = load_text(s, "[plugin fake]\npriority = 3\nfoo = 1\n");
    fp_plugin_desc desc = fake_desc(NULL, 0);
    fp_option_value *values = NULL;
    fp_error err = {{0}};
    assert_int_equal(fp_pipeline_resolve_options(p, &p->plugins[0], &desc,
                                                 &values, &err),
                     -1);
    char expected[600];
    snprintf(expected, sizeof expected,
             "%s:3: plugin 'fake' has no option 'foo' (it takes no options)",
             p->path);
    assert_string_equal(err.message, expected);
    fp_pipeline_free(p);

    /* "priority" is the pipeline's, not an option: nothing to refuse. */
    p = load_text(s, "[plugin fake]\npriority = 3\n");
    assert_int_equal(fp_pipeline_resolve_options(p, &p->plugins[0], &desc,
                                                 &values, &err),
                     0);
    assert_null(values);
    fp_pipeline_free(p);
}

static void test_required_option_of_plugin_without_section(void **state)
{
    scratch *s = *state;
    fp_pipeline *p = load_text(s, "[pipeline]\nplugins = all\n");
    fp_plugin_desc desc = fake_desc(fake_options, N_FAKE_OPTIONS);
    fp_option_value *values = NULL;
    fp_error err = {{0}};
    assert_int_equal(
        fp_pipeline_resolve_options(p, NULL, &desc, &values, &err), -1);
    char expected[600];
    snprintf(expected, sizeof expected,
             "%s: plugin 'fake' needs option 'rules' (rule file to apply); "
             "set it in a [plugin fake] section",
             p->path);
    assert_string_equal(err.message, expected);
    fp_pipeline_free(p);
}

static void test_invalid_defaults_blame_the_plugin(void **state)
{
    (void)state;
    static const fp_option bad_bool[] = {
        {"strict", FP_OPT_BOOL, "maybe", 0, 0, "refuse doubtful matches"},
    };
    static const fp_option bad_int[] = {
        {"max-digits", FP_OPT_INT, "40", 1, 30, "longest number to read"},
    };
    fp_option_value *values = NULL;
    fp_error err = {{0}};

    fp_plugin_desc desc = fake_desc(bad_bool, 1);
    assert_int_equal(
        fp_pipeline_resolve_options(NULL, NULL, &desc, &values, &err), -1);
    assert_string_equal(err.message,
                        "plugin 'fake' option 'strict' has an invalid "
                        "default 'maybe'; it must be true or false");

    desc = fake_desc(bad_int, 1);
    assert_int_equal(
        fp_pipeline_resolve_options(NULL, NULL, &desc, &values, &err), -1);
    assert_string_equal(err.message,
                        "plugin 'fake' option 'max-digits' has an invalid "
                        "default '40'; it must be an integer from 1 to 30");
    assert_null(values);
}

int main(void)
{
#define SCRATCH_TEST(f) \
    cmocka_unit_test_setup_teardown(f, setup_scratch, teardown_scratch)
    const struct CMUnitTest tests[] = {
        SCRATCH_TEST(test_values_from_the_file),
        SCRATCH_TEST(test_defaults_fill_unset_options),
        cmocka_unit_test(test_no_default_means_false_or_zero),
        SCRATCH_TEST(test_without_pipeline_file_paths_follow_current_folder),
        cmocka_unit_test(test_type_names),
        SCRATCH_TEST(test_each_option_mistake_names_its_line),
        SCRATCH_TEST(test_plugin_without_options_refuses_any),
        SCRATCH_TEST(test_required_option_of_plugin_without_section),
        cmocka_unit_test(test_invalid_defaults_blame_the_plugin),
    };
#undef SCRATCH_TEST
    return cmocka_run_group_tests(tests, NULL, NULL);
}
