/* Where factpipe looks for its own files: the path of the running code,
 * lexical folding of <dir>/<relative>, and the order of the candidate
 * folders for a program in the build tree (core/engine/locations.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "engine/fp_engine.h"
#include "engine/fp_self_path.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

static void fold(const char *dir, const char *relative, const char *want)
{
    char out[64];
    assert_int_equal(fp_path_join_folded(out, sizeof out, dir, relative), 0);
    assert_string_equal(out, want);
}

static void test_join_folds_dots(void **state)
{
    (void)state;
    fold("/p/bin", "../share/factpipe", "/p/share/factpipe");
    fold("/p/bin", "../lib/x86_64-linux-gnu/factpipe/plugins",
         "/p/lib/x86_64-linux-gnu/factpipe/plugins");
    fold("/p/lib", "factpipe/plugins", "/p/lib/factpipe/plugins");
    fold("/p/lib/x86_64-linux-gnu", "../../share/factpipe", "/p/share/factpipe");
    fold("/p/bin/", "./.././share//factpipe/", "/p/share/factpipe");
    fold("/bin", "../share/factpipe", "/share/factpipe");
    fold("/", "../../share", "/share");
    fold("/p/bin", "", "/p/bin");
}

static void test_join_refuses_overflow(void **state)
{
    (void)state;
    char out[16];
    assert_int_equal(fp_path_join_folded(out, sizeof out, "/p/bin", "../share/factpipe"), -1);
    assert_int_equal(fp_path_join_folded(out, 4, "/long/dir", ""), -1);
}

static void test_self_is_this_program(void **state)
{
    (void)state;
    char path[PATH_MAX];
    fp_self_kind kind = FP_SELF_LIBRARY;
    assert_int_equal(fp_self_path(path, sizeof path, &kind), 0);
    assert_int_equal(kind, FP_SELF_PROGRAM);
    char *real = realpath("/proc/self/exe", NULL);
    assert_non_null(real);
    assert_string_equal(path, real);
    free(real);
    assert_int_equal(fp_self_path(path, 2, &kind), -1);
}

/* This test runs from the build tree: nothing installed next to it, so
 * the build tree is used, and the configured folder comes last. */
static void test_build_tree_after_next_to_program(void **state)
{
    (void)state;
    size_t n;
    const fp_default_place *data = fp_default_data_places(&n);
    assert_int_equal(n, 3);
    assert_string_equal(data[0].origin, "next to the program");
    assert_false(data[0].found);
    assert_string_equal(data[1].origin, "build tree");
    assert_true(data[1].found);
    assert_string_equal(data[1].path, FP_TEST_SOURCE_DIR "/config");
    assert_string_equal(data[2].origin, "configured install folder");
    assert_string_equal(fp_default_config_dir(), FP_TEST_SOURCE_DIR "/config");
    assert_string_equal(fp_default_schema_path(), FP_TEST_SOURCE_DIR "/schema/factpipe.rng");

    const fp_default_place *plugins = fp_default_plugin_places(&n);
    assert_int_equal(n, 3);
    assert_string_equal(plugins[1].path, FP_TEST_BINARY_DIR "/plugins");
    assert_true(plugins[1].found);

    fp_plugin_path path = {0};
    fp_error err = {{0}};
    assert_int_equal(fp_plugin_path_add_defaults(&path, &err), 0);
    assert_int_equal(path.n, 1); /* the first found only */
    assert_string_equal(path.dirs[0], FP_TEST_BINARY_DIR "/plugins");
    assert_false(path.asked[path.n_asked - 2].found); /* next to the program */
    fp_plugin_path_free(&path);
}

int main(void)
{
    unsetenv("FACTPIPE_PLUGIN_PATH");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_join_folds_dots),
        cmocka_unit_test(test_join_refuses_overflow),
        cmocka_unit_test(test_self_is_this_program),
        cmocka_unit_test(test_build_tree_after_next_to_program),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
