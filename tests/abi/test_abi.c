/* The loader refuses every kind of broken plugin with one line that names
 * the plugin, its path, what is wrong and what to do. */
#include "plugin/fp_host_impl.h"
#include "plugin/fp_loader.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

static char *plugin_path(const char *name)
{
    static char path[1024];
    snprintf(path, sizeof path, "%s/%s.so", FP_ABI_PLUGIN_DIR, name);
    return path;
}

static void assert_contains(const char *haystack, const char *needle)
{
    if (!strstr(haystack, needle))
        fail_msg("expected \"%s\" in message: %s", needle, haystack);
}

static void assert_refused(const char *name, const char *const *needles, size_t n)
{
    fp_plugin_handle h;
    fp_error err = {{0}};
    assert_int_equal(fp_plugin_open(plugin_path(name), &h, &err), -1);
    assert_null(h.dl);
    assert_null(strchr(err.message, '\n'));
    assert_contains(err.message, name);
    assert_contains(err.message, FP_ABI_PLUGIN_DIR);
    for (size_t i = 0; i < n; i++)
        assert_contains(err.message, needles[i]);
}

static void test_good_plugin_loads(void **state)
{
    (void)state;
    fp_plugin_handle h;
    fp_error err = {{0}};
    assert_int_equal(fp_plugin_open(plugin_path("good"), &h, &err), 0);
    assert_non_null(h.desc);
    assert_string_equal(h.desc->name, "good");
    assert_string_equal(h.desc->kind, "testfact");
    assert_true(h.path[0] == '/');
    fp_plugin_close(&h);
}

static void test_other_major_refused(void **state)
{
    (void)state;
    char theirs[32], ours[32];
    snprintf(theirs, sizeof theirs, "ABI %d.0", FP_ABI_MAJOR + 1);
    snprintf(ours, sizeof ours, "ABI %d.%d", FP_ABI_MAJOR, FP_ABI_MINOR);
    const char *needles[] = {theirs, ours, "rebuild"};
    assert_refused("major", needles, 3);
}

static void test_newer_minor_refused(void **state)
{
    (void)state;
    char theirs[32], ours[32];
    snprintf(theirs, sizeof theirs, "ABI %d.%d", FP_ABI_MAJOR, FP_ABI_MINOR + 1);
    snprintf(ours, sizeof ours, "ABI %d.%d", FP_ABI_MAJOR, FP_ABI_MINOR);
    const char *needles[] = {theirs, ours, "upgrade factpipe"};
    assert_refused("minor", needles, 3);
}

static void test_short_struct_refused(void **state)
{
    (void)state;
    const char *needles[] = {"16 bytes", "FP_PLUGIN_DEFINE"};
    assert_refused("shortdesc", needles, 2);
}

static void test_missing_entry_refused(void **state)
{
    (void)state;
    const char *needles[] = {"no entry point fp_plugin_noentry_get_desc()"};
    assert_refused("noentry", needles, 1);
}

static void test_null_callback_refused(void **state)
{
    (void)state;
    const char *needles[] = {"NULL extract callback"};
    assert_refused("nullcb", needles, 1);
}

static void test_wrong_name_refused(void **state)
{
    (void)state;
    const char *needles[] = {"calls itself 'someone_else'"};
    assert_refused("wrongname", needles, 1);
}

/* Every fact carries the kind as is: the schema's [a-z][a-z0-9-]*. */
static void test_bad_kind_refused(void **state)
{
    (void)state;
    const char *needles[] = {"fact kind name \"Test Fact\"", "written as is"};
    assert_refused("wrongkind", needles, 2);
}

static void test_undefined_symbol_refused(void **state)
{
    (void)state;
    const char *needles[] = {"cannot be loaded", "fp_symbol_that_does_not_exist"};
    assert_refused("undefsym", needles, 2);
}

static void test_group_writable_file_refused(void **state)
{
    (void)state;
    char dir[] = "/tmp/fp-abi-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char copy[256];
    snprintf(copy, sizeof copy, "%s/good.so", dir);
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "cp '%s' '%s'", plugin_path("good"), copy);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(chmod(copy, 0666), 0);

    fp_plugin_handle h;
    fp_error err = {{0}};
    assert_int_equal(fp_plugin_open(copy, &h, &err), -1);
    assert_contains(err.message, "writable by group or others");
    assert_contains(err.message, "chmod go-w");
    unlink(copy);
    rmdir(dir);
}

static void test_bad_file_name_refused(void **state)
{
    (void)state;
    fp_plugin_handle h;
    fp_error err = {{0}};
    assert_int_equal(fp_plugin_open("/tmp/Not-A-Plugin.so", &h, &err), -1);
    assert_contains(err.message, "not a plugin file name");
}

/* A folder of its own under /tmp holding one link; removed afterwards. */
static void link_in_fresh_folder(char *dir, const char *target, const char *link_name,
                                 char *link_path, size_t size)
{
    assert_non_null(mkdtemp(dir));
    snprintf(link_path, size, "%s/%s", dir, link_name);
    assert_int_equal(symlink(target, link_path), 0);
}

static void test_symlink_out_of_folder_refused(void **state)
{
    (void)state;
    char dir[] = "/tmp/fp-abi-XXXXXX", link[256];
    link_in_fresh_folder(dir, plugin_path("good"), "good.so", link, sizeof link);

    fp_plugin_handle h;
    fp_error err = {{0}};
    assert_int_equal(fp_plugin_open(link, &h, &err), -1);
    assert_null(h.dl);
    assert_null(strchr(err.message, '\n'));
    assert_contains(err.message, "outside its plugin folder");
    assert_contains(err.message, FP_ABI_PLUGIN_DIR "/good.so"); /* where it leads */
    assert_contains(err.message, dir);
    unlink(link);
    rmdir(dir);
}

static void test_symlink_within_folder_accepted(void **state)
{
    (void)state;
    char dir[] = "/tmp/fp-abi-XXXXXX", link[256], versioned[256], cmd[1024];
    link_in_fresh_folder(dir, "good-1.0.so", "good.so", link, sizeof link);
    snprintf(versioned, sizeof versioned, "%s/good-1.0.so", dir);
    snprintf(cmd, sizeof cmd, "cp '%s' '%s'", plugin_path("good"), versioned);
    assert_int_equal(system(cmd), 0);

    fp_plugin_handle h;
    fp_error err = {{0}};
    assert_int_equal(fp_plugin_open(link, &h, &err), 0);
    assert_string_equal(h.desc->name, "good");
    assert_non_null(strstr(h.path, "/good-1.0.so"));
    fp_plugin_close(&h);
    unlink(link);
    unlink(versioned);
    rmdir(dir);
}

static void test_name_leaving_folder_refused(void **state)
{
    (void)state;
    fp_plugin_path pp = {0};
    fp_error err = {{0}};
    assert_int_equal(fp_plugin_path_add(&pp, FP_ABI_PLUGIN_DIR "/..", NULL, &err), 0);
    const char *names[] = {"../plugins/good", "plugins/good", "..", "Good"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        assert_null(fp_plugin_path_find(&pp, names[i], &err));
        assert_null(strchr(err.message, '\n'));
        assert_contains(err.message, "is not a plugin name");
        assert_contains(err.message, names[i]);
    }
    fp_plugin_path_free(&pp);
}

static void test_search_path_finds_and_lists(void **state)
{
    (void)state;
    fp_plugin_path pp = {0};
    fp_error err = {{0}};
    assert_int_equal(fp_plugin_path_add(&pp, "/nonexistent/folder", "--plugin-dir", &err), 0);
    assert_int_equal(pp.n, 0);
    assert_int_equal(fp_plugin_path_add_list(&pp, FP_ABI_PLUGIN_DIR ":" FP_ABI_PLUGIN_DIR,
                                             "FACTPIPE_PLUGIN_PATH", &err),
                     0);
    assert_int_equal(pp.n, 1); /* duplicates collapse */
    /* every folder asked for is remembered, found or not, with its origin */
    assert_int_equal(pp.n_asked, 3);
    assert_string_equal(pp.asked[0].dir, "/nonexistent/folder");
    assert_string_equal(pp.asked[0].origin, "--plugin-dir");
    assert_false(pp.asked[0].found);
    assert_true(pp.asked[1].found);
    assert_string_equal(pp.asked[1].origin, "FACTPIPE_PLUGIN_PATH");

    char *found = fp_plugin_path_find(&pp, "good", &err);
    assert_non_null(found);
    assert_string_equal(found, plugin_path("good"));
    free(found);
    assert_null(fp_plugin_path_find(&pp, "absent", &err));
    assert_contains(err.message, "no plugin named 'absent'");
    assert_contains(err.message, "--plugin-dir");
    assert_contains(err.message, "missing folders: /nonexistent/folder");

    char **names;
    size_t n;
    assert_int_equal(fp_plugin_path_list(&pp, &names, &n, &err), 0);
    assert_int_equal(n, 11); /* the broken ones, good, oldabi, analysisuse */
    assert_string_equal(names[0], "analysisuse"); /* sorted */
    assert_string_equal(names[1], "good");
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    fp_plugin_path_free(&pp);
}

/* A plugin built against ABI 1.0 and one reading the shared analysis of
 * ABI 1.1 run on one document through the core's host, as the engine
 * runs them: both give their facts, and the analysis is made once. */
static void run_with_core_host(const fp_plugin_handle *h, const fp_document *doc,
                               fp_analysis_slot *analysis, fp_fact_list *facts)
{
    void *instance = NULL;
    fp_host_call call;
    fp_host_call_init(&call, h->desc->name, h->desc->kind, NULL, NULL);
    fp_config config = {sizeof config, NULL, 0, h->desc->name};
    assert_int_equal(h->desc->create(&config, &call.host, &instance), FP_OK);
    call.text = doc->text;
    call.text_len = doc->text_len;
    call.facts = facts;
    call.analysis = analysis;
    if (h->desc->extract(instance, doc, &call.host) != FP_OK)
        fail_msg("%s: %s", h->desc->name, call.error);
    h->desc->destroy(instance);
}

static void test_abi_versions_side_by_side(void **state)
{
    (void)state;
    fp_plugin_handle old, current;
    fp_error err = {{0}};
    assert_int_equal(fp_plugin_open(plugin_path("oldabi"), &old, &err), 0);
    assert_int_equal(fp_plugin_open(plugin_path("analysisuse"), &current, &err), 0);
    assert_int_equal(old.desc->abi_minor, 0);
    assert_int_equal(current.desc->abi_minor, 1);

    static const char text[] = "Có 1.250 hộ, chiếm 21,1%. Năm 2019 có 03 đoàn.";
    fp_block block = {0, sizeof text - 1, FP_ZONE_BODY};
    fp_document doc = {sizeof doc, "abi.txt", text, sizeof text - 1, &block, 1, NULL};
    fp_analysis_slot analysis;
    fp_analysis_slot_init(&analysis, &doc);
    fp_fact_list old_facts = {0}, new_facts = {0};
    run_with_core_host(&current, &doc, &analysis, &new_facts);
    run_with_core_host(&old, &doc, &analysis, &old_facts);
    run_with_core_host(&current, &doc, &analysis, &new_facts); /* the same analysis */
    assert_int_equal(analysis.requests, 4);
    assert_int_equal(analysis.state, 1);

    static const char *const digit_runs[] = {"1", "250", "21", "1", "2019", "03"};
    assert_int_equal(old_facts.n, 6);
    for (size_t i = 0; i < 6; i++) {
        assert_string_equal(old_facts.items[i].value, digit_runs[i]);
        assert_string_equal(old_facts.items[i].kind, "digits");
    }
    static const char *const numbers[] = {"1250", "21.1", "2019", "3"};
    static const char *const sentences[] = {"0", "0", "1", "1"};
    assert_int_equal(new_facts.n, 8);
    for (size_t i = 0; i < 4; i++) {
        assert_string_equal(new_facts.items[i].value, numbers[i]);
        assert_string_equal(new_facts.items[i].attrs[0].value, sentences[i]);
        assert_string_equal(new_facts.items[i + 4].value, numbers[i]);
    }
    assert_string_equal(new_facts.items[0].attrs[1].value, "8"); /* words of sentence 0 */
    fp_fact_list_free(&old_facts);
    fp_fact_list_free(&new_facts);
    fp_analysis_slot_free(&analysis);

    /* During create() there is no document: the host says so. */
    fp_host_call call;
    fp_host_call_init(&call, "analysisuse", "number", NULL, NULL);
    assert_null(fp_document_analysis(&call.host));
    assert_non_null(strstr(call.error, "only during extract()"));
    fp_plugin_close(&old);
    fp_plugin_close(&current);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_plugin_loads),
        cmocka_unit_test(test_other_major_refused),
        cmocka_unit_test(test_newer_minor_refused),
        cmocka_unit_test(test_short_struct_refused),
        cmocka_unit_test(test_missing_entry_refused),
        cmocka_unit_test(test_null_callback_refused),
        cmocka_unit_test(test_wrong_name_refused),
        cmocka_unit_test(test_bad_kind_refused),
        cmocka_unit_test(test_undefined_symbol_refused),
        cmocka_unit_test(test_group_writable_file_refused),
        cmocka_unit_test(test_bad_file_name_refused),
        cmocka_unit_test(test_symlink_out_of_folder_refused),
        cmocka_unit_test(test_symlink_within_folder_accepted),
        cmocka_unit_test(test_name_leaving_folder_refused),
        cmocka_unit_test(test_search_path_finds_and_lists),
        cmocka_unit_test(test_abi_versions_side_by_side),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
