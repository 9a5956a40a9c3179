/* fp_read_file: regular files only, size cap, messages a user can act on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "input/fp_input.h"

typedef struct fixture {
    char dir[64];
    char path[128];
} fixture;

static int make_dir(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    strcpy(f->dir, "/tmp/fp_test_read_XXXXXX");
    if (!mkdtemp(f->dir)) {
        free(f);
        return -1;
    }
    *state = f;
    return 0;
}

static int remove_dir(void **state)
{
    fixture *f = *state;
    const char *names[] = {"page.html", "empty.txt", "fifo", "big.txt", "sub"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(f->path, sizeof f->path, "%s/%s", f->dir, names[i]);
        if (unlink(f->path) != 0)
            rmdir(f->path);
    }
    rmdir(f->dir);
    free(f);
    return 0;
}

static const char *in_dir(fixture *f, const char *name)
{
    snprintf(f->path, sizeof f->path, "%s/%s", f->dir, name);
    return f->path;
}

static void write_file(const char *path, const void *bytes, size_t len)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(bytes, 1, len, fp), len);
    assert_int_equal(fclose(fp), 0);
}

static void test_read_regular_file(void **state)
{
    fixture *f = *state;
    const char content[] = "<p>Qu\xE1\xBA\xADn\0 1</p>";
    write_file(in_dir(f, "page.html"), content, sizeof content - 1);
    unsigned char *bytes = NULL;
    size_t len = 0;
    fp_error err = {{0}};
    assert_int_equal(fp_read_file(f->path, FP_DEFAULT_MAX_INPUT_BYTES, &bytes,
                                  &len, &err),
                     0);
    assert_int_equal(len, sizeof content - 1);
    assert_memory_equal(bytes, content, len);
    assert_int_equal(bytes[len], '\0');
    free(bytes);
}

static void test_read_empty_file(void **state)
{
    fixture *f = *state;
    write_file(in_dir(f, "empty.txt"), "", 0);
    unsigned char *bytes = NULL;
    size_t len = 99;
    fp_error err = {{0}};
    assert_int_equal(fp_read_file(f->path, 10, &bytes, &len, &err), 0);
    assert_int_equal(len, 0);
    assert_non_null(bytes);
    assert_int_equal(bytes[0], '\0');
    free(bytes);
}

static void expect_refusal(const char *path, size_t max_bytes,
                           const char *expected_words)
{
    unsigned char *bytes = (unsigned char *)"untouched";
    size_t len = 7;
    fp_error err = {{0}};
    assert_int_equal(fp_read_file(path, max_bytes, &bytes, &len, &err), -1);
    assert_null(bytes);
    assert_int_equal(len, 0);
    print_message("message: %s\n", err.message);
    assert_non_null(strstr(err.message, path));
    assert_non_null(strstr(err.message, expected_words));
}

static void test_read_refuses_directory(void **state)
{
    fixture *f = *state;
    assert_int_equal(mkdir(in_dir(f, "sub"), 0700), 0);
    expect_refusal(f->path, 100, "is a directory, not a file");
}

static void test_read_refuses_fifo_without_hanging(void **state)
{
    fixture *f = *state;
    assert_int_equal(mkfifo(in_dir(f, "fifo"), 0600), 0);
    alarm(10); /* a hang fails the test instead of stalling the suite */
    expect_refusal(f->path, 100, "named pipe (FIFO)");
    alarm(0);
}

static void test_read_refuses_device(void **state)
{
    (void)state;
    expect_refusal("/dev/null", 100, "character device");
}

static void test_read_refuses_file_over_the_limit(void **state)
{
    fixture *f = *state;
    char content[100];
    memset(content, 'x', sizeof content);
    write_file(in_dir(f, "big.txt"), content, sizeof content);
    expect_refusal(f->path, 99, "100 bytes, over the limit of 99 bytes");
    unsigned char *bytes = NULL;
    size_t len = 0;
    fp_error err = {{0}};
    assert_int_equal(fp_read_file(f->path, 100, &bytes, &len, &err), 0);
    assert_int_equal(len, 100);
    free(bytes);
}

static void test_read_missing_file(void **state)
{
    fixture *f = *state;
    expect_refusal(in_dir(f, "no-such-page.html"), 100,
                   "cannot open: No such file or directory");
}

/* A saved windows-1258 page, read and decoded as the pipeline does. */
static void test_read_and_decode_windows1258_fixture(void **state)
{
    (void)state;
    const char *dir = FP_TEST_SOURCE_DIR "/tests/input/data/";
    char path[512];
    unsigned char *page = NULL, *expected = NULL;
    size_t page_len = 0, expected_len = 0;
    fp_error err = {{0}};
    snprintf(path, sizeof path, "%scp1258_meta.html", dir);
    assert_int_equal(fp_read_file(path, FP_DEFAULT_MAX_INPUT_BYTES, &page,
                                  &page_len, &err),
                     0);
    snprintf(path, sizeof path, "%scp1258_meta.expected.utf8", dir);
    assert_int_equal(fp_read_file(path, FP_DEFAULT_MAX_INPUT_BYTES, &expected,
                                  &expected_len, &err),
                     0);
    assert_int_equal(fp_sniff_format(page, page_len), FP_FORMAT_HTML);
    fp_decoded d;
    assert_int_equal(fp_decode(page, page_len, FP_FORMAT_AUTO, &d, &err), 0);
    assert_string_equal(d.encoding, "windows-1258");
    assert_string_equal(d.encoding_from, "meta");
    assert_int_equal(d.replacements, 0);
    assert_int_equal(d.len, expected_len);
    assert_memory_equal(d.utf8, expected, expected_len);
    assert_int_equal(d.src[d.len], page_len);
    /* "Quận" starts where the windows-1258 "Qu" + 0xE2 + 0xF2 + "n" does */
    const char *quan = strstr(d.utf8, "Qu\xE1\xBA\xADn");
    assert_non_null(quan);
    size_t at = (size_t)(quan - d.utf8);
    assert_memory_equal(page + d.src[at], "Qu\xE2\xF2n", 5);
    assert_int_equal(d.src[at + 2], d.src[at] + 2); /* ậ at 0xE2 */
    assert_int_equal(d.src[at + 5], d.src[at] + 4); /* n after the mark */
    fp_decoded_free(&d);
    free(page);
    free(expected);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_read_regular_file, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_read_empty_file, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_read_refuses_directory, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_read_refuses_fifo_without_hanging, make_dir, remove_dir),
        cmocka_unit_test(test_read_refuses_device),
        cmocka_unit_test_setup_teardown(test_read_refuses_file_over_the_limit, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_read_missing_file, make_dir, remove_dir),
        cmocka_unit_test(test_read_and_decode_windows1258_fixture),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
