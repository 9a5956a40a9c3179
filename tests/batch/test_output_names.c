/* Output names under -o DIR (core/batch/batch_names.h), the escaping of
 * the journal, report and messages (core/common/fp_escape.h), and the
 * hashes and sets behind them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "batch/batch_names.h"
#include "common/fp_escape.h"
#include "common/fp_hash.h"
#include "common/fp_u64set.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void expect_name(const char *relative, const char *want)
{
    fp_error err = {{0}};
    char *got = fp_output_relative_path(relative, ".xml", NULL, &err);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

static void test_kept_as_they_are(void **state)
{
    (void)state;
    expect_name("a/b/index.html", "a/b/index.html.xml");
    expect_name("Tỷ lệ/ệ.html", "Tỷ lệ/ệ.html.xml");
    expect_name("a b/c~d:e.txt", "a b/c~d:e.txt.xml");
}

static void test_encoded(void **state)
{
    (void)state;
    expect_name("../x.html", "%2E./x.html.xml");
    expect_name("__/x.html", "__/x.html.xml");
    expect_name("a/.hidden/.x.html", "a/%2Ehidden/%2Ex.html.xml");
    expect_name("100%.html", "100%25.html.xml");
    expect_name("tab\there.html", "tab%09here.html.xml");
    expect_name("new\nline\x7f.html", "new%0Aline%7F.html.xml");
    expect_name("bad\xff\xc3(.html", "bad%FF%C3(.html.xml");
    expect_name("x.html.xml/y.html", "x.html%2Exml/y.html.xml");
    expect_name("factpipe-journal.tsv/a.html", "%66actpipe-journal.tsv/a.html.xml");
    expect_name("a/factpipe-journal.tsv/a.html", "a/factpipe-journal.tsv/a.html.xml");
    fp_error err = {{0}};
    char *index = fp_output_relative_path("index", ".html", "index.html", &err);
    assert_string_equal(index, "%69ndex.html"); /* never the HTML format's index */
    free(index);
}

static void test_dropped_parts(void **state)
{
    (void)state;
    expect_name("/a//./b/./c.html/", "a/b/c.html.xml");
    fp_error err = {{0}};
    assert_null(fp_output_relative_path("/./", ".xml", NULL, &err));
    assert_non_null(strstr(err.message, "no file name"));
}

static void test_long_names_bounded(void **state)
{
    (void)state;
    char a[600], b[600];
    memset(a, 'L', 500);
    strcpy(a + 500, ".html");
    strcpy(b, a);
    b[10] = 'M'; /* the same first bytes up to the cut but for one */
    char c[600];
    strcpy(c, a);
    c[480] = 'M'; /* differs after the cut only */
    fp_error err = {{0}};
    char *na = fp_output_relative_path(a, ".xml", NULL, &err);
    char *nb = fp_output_relative_path(b, ".xml", NULL, &err);
    char *nc = fp_output_relative_path(c, ".xml", NULL, &err);
    assert_non_null(na);
    assert_non_null(nb);
    assert_non_null(nc);
    assert_true(strlen(na) <= FP_NAME_MAX_BYTES);
    assert_non_null(strstr(na, "%~"));
    assert_true(strlen(na) > 4 && strcmp(na + strlen(na) - 4, ".xml") == 0);
    assert_string_not_equal(na, nb);
    assert_string_not_equal(na, nc);
    free(na);
    free(nb);
    free(nc);
    /* a long folder, and a cut that must not split a %XX escape or a
     * multi-byte character */
    char d[900] = "";
    for (int i = 0; i < 100; i++)
        strcat(d, i % 2 ? "\t" : "ệ");
    strcat(d, "/x.html");
    char *nd = fp_output_relative_path(d, ".xml", NULL, &err);
    assert_non_null(nd);
    const char *slash = strchr(nd, '/');
    assert_non_null(slash);
    assert_true(slash - nd <= FP_NAME_MAX_BYTES);
    const char *mark = strstr(nd, "%~");
    assert_non_null(mark);
    assert_true(mark - nd >= 3);
    assert_true(mark[-1] != '%' && mark[-2] != '%'); /* no cut escape */
    assert_true(((unsigned char)mark[-1] & 0xc0) != 0xc0); /* no cut lead byte */
    free(nd);
}

/* The relative name with its empty and "." parts dropped: what must map
 * one to one. */
static void normalize(const char *in, char *out)
{
    size_t k = 0;
    for (const char *c = in; *c;) {
        const char *end = strchr(c, '/');
        size_t len = end ? (size_t)(end - c) : strlen(c);
        if (len && !(len == 1 && c[0] == '.')) {
            if (k)
                out[k++] = '/';
            memcpy(out + k, c, len);
            k += len;
        }
        c += len + (end ? 1 : 0);
    }
    out[k] = '\0';
}

typedef struct pair {
    char *normal, *output;
} pair;

static int by_output(const void *a, const void *b)
{
    return strcmp(((const pair *)a)->output, ((const pair *)b)->output);
}

/* Random names over an alphabet of the troublesome bytes: distinct
 * names, distinct outputs; none names a file inside another's file, and
 * no component is over NAME_MAX. */
static void test_one_to_one(void **state)
{
    (void)state;
    static const char *const pieces[] = {"/", ".", "..", "%", "%2E", "%~", "a", "x.html",
                                         "\t", "\n", "\xff", "\xc3", "ệ", ".xml", "__",
                                         "factpipe-report.tsv", "LLLLLLLLLLLLLLLLLLLLLLLLLLLLLL"};
    enum { N = 20000 };
    pair *all = calloc(N, sizeof *all);
    assert_non_null(all);
    srand(7);
    size_t n = 0;
    for (int i = 0; i < N; i++) {
        char name[2048] = "";
        int parts = 1 + rand() % 12;
        for (int p = 0; p < parts; p++)
            strcat(name, pieces[rand() % (sizeof pieces / sizeof *pieces)]);
        if (rand() % 4 == 0)
            for (int p = 0; p < 10; p++)
                strcat(name, "LLLLLLLLLLLLLLLLLLLLLLLLLLLLLL");
        fp_error err = {{0}};
        char *out = fp_output_relative_path(name, ".xml", NULL, &err);
        if (!out)
            continue; /* nothing but '/' and '.' */
        for (const char *c = out; *c;) {
            const char *end = strchr(c, '/');
            size_t len = end ? (size_t)(end - c) : strlen(c);
            assert_true(len > 0 && len <= FP_NAME_MAX_BYTES);
            assert_true(c[0] != '.');
            c += len + (end ? 1 : 0);
        }
        all[n].normal = malloc(strlen(name) + 1);
        normalize(name, all[n].normal);
        all[n++].output = out;
    }
    qsort(all, n, sizeof *all, by_output);
    for (size_t i = 1; i < n; i++)
        if (strcmp(all[i - 1].output, all[i].output) == 0)
            assert_string_equal(all[i - 1].normal, all[i].normal);
    for (size_t i = 0; i < n; i++) {
        free(all[i].normal);
        free(all[i].output);
    }
    free(all);
}

static void test_escape_round_trip(void **state)
{
    (void)state;
    char *e = fp_escape_field("a\tok\tb\nc\rd\\e\x1b[2J\x7f");
    assert_string_equal(e, "a\\tok\\tb\\nc\\rd\\\\e\\x1b[2J\\x7f");
    free(e);
    srand(11);
    for (int i = 0; i < 5000; i++) {
        char s[64];
        size_t len = (size_t)(rand() % 63);
        for (size_t k = 0; k < len; k++)
            s[k] = (char)(1 + rand() % 255);
        s[len] = '\0';
        char *escaped = fp_escape_field(s);
        assert_null(strpbrk(escaped, "\t\n\r\x1b"));
        char *back = fp_unescape_field(escaped, strlen(escaped));
        assert_string_equal(back, s);
        free(escaped);
        free(back);
    }
    assert_false(fp_escape_needed("plain ệ name"));
    assert_true(fp_escape_needed("a\\b"));
}

static void test_hash_and_set(void **state)
{
    (void)state;
    const char *fox = "The quick brown fox jumps over the lazy dog";
    char hex[33];
    fp_hash128_hex(fp_hash128_of(fox, strlen(fox)), hex);
    assert_string_equal(hex, "e34bbc7bbc071b6c7a433ca9c49a9347"); /* MurmurHash3 x64/128 */
    fp_hash128_state s;
    fp_hash128_init(&s, 0);
    for (size_t i = 0; fox[i]; i++)
        fp_hash128_update(&s, fox + i, 1);
    fp_hash128_hex(fp_hash128_final(&s), hex);
    assert_string_equal(hex, "e34bbc7bbc071b6c7a433ca9c49a9347");

    fp_u64set set = {0};
    for (uint64_t v = 0; v < 5000; v++)
        assert_int_equal(fp_u64set_add(&set, v * 0x9e3779b97f4a7c15ULL + 1), 1);
    for (uint64_t v = 0; v < 5000; v++) {
        assert_true(fp_u64set_has(&set, v * 0x9e3779b97f4a7c15ULL + 1));
        assert_int_equal(fp_u64set_add(&set, v * 0x9e3779b97f4a7c15ULL + 1), 0);
    }
    assert_false(fp_u64set_has(&set, 2));
    fp_u64set_free(&set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kept_as_they_are),
        cmocka_unit_test(test_encoded),
        cmocka_unit_test(test_dropped_parts),
        cmocka_unit_test(test_long_names_bounded),
        cmocka_unit_test(test_one_to_one),
        cmocka_unit_test(test_escape_round_trip),
        cmocka_unit_test(test_hash_and_set),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
