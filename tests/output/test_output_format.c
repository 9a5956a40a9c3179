/* The output-format table: lookup by name, and the XML entry's promise
 * that head, documents rendered apart and tail are byte for byte what one
 * writer writes for the whole output (the batch runner relies on it). */
#include "output/fp_output_format.h"
#include "xml_test_support.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static const fp_attr unit[] = {{"unit", "hộ"}};
static const fp_out_fact facts[] = {
    {"count", "12", 3, 5, 40, 42, "12", "count", "1.0.0", NULL, unit, 1, NULL, 0},
};
static const fp_out_doc docs[] = {
    {.source = "a.html", .format = "html", .encoding = "utf-8", .title = "Tiêu đề",
     .facts = facts, .n_facts = 1},
    {.source = "b.txt", .error = "b.txt: cannot read: No such file or directory"},
    {.source = "c.txt", .format = "text", .text = "Có 12 hộ."},
};

/* What a hook writes into memory; fails the test when it fails. */
static char *hook_output(int (*run)(const fp_output_format *, FILE *, const void *),
                         const void *arg, size_t *len)
{
    fp_error err = {{0}};
    fp_out_memory m;
    assert_int_equal(fp_out_memory_open(&m, &err), 0);
    int rc = run(&fp_output_format_xml, m.fp, arg);
    assert_int_equal(fp_out_memory_close(&m, rc, &err), 0);
    *len = m.len;
    return m.data;
}

static int run_head(const fp_output_format *f, FILE *out, const void *arg)
{
    fp_error err = {{0}};
    (void)arg;
    return f->head(out, &err);
}

static int run_tail(const fp_output_format *f, FILE *out, const void *arg)
{
    fp_error err = {{0}};
    return f->tail(out, *(const size_t *)arg, &err);
}

static int run_document(const fp_output_format *f, FILE *out, const void *arg)
{
    fp_error err = {{0}};
    return fp_output_render(f, out, arg, &err);
}

/* head + each document + tail(n), as the supervisor assembles them. */
static char *assemble(const fp_out_doc *d, size_t n, size_t *len)
{
    char *all = NULL;
    size_t size = 0, piece_len;
    FILE *out = open_memstream(&all, &size);
    assert_non_null(out);
    char *piece = hook_output(run_head, NULL, &piece_len);
    fwrite(piece, 1, piece_len, out);
    free(piece);
    for (size_t i = 0; i < n; i++) {
        piece = hook_output(run_document, &d[i], &piece_len);
        fwrite(piece, 1, piece_len, out);
        free(piece);
    }
    piece = hook_output(run_tail, &n, &piece_len);
    fwrite(piece, 1, piece_len, out);
    free(piece);
    fclose(out);
    *len = size;
    return all;
}

static void assert_same_as_one_writer(const fp_out_doc *d, size_t n)
{
    size_t want_len, got_len;
    char *want = write_output(d, n, &want_len);
    char *got = assemble(d, n, &got_len);
    assert_int_equal(got_len, want_len);
    assert_memory_equal(got, want, want_len);
    free(want);
    free(got);
}

static void test_xml_pieces_match_one_writer(void **state)
{
    (void)state;
    assert_same_as_one_writer(docs, 3);
    assert_same_as_one_writer(docs, 1);
    assert_same_as_one_writer(&docs[1], 1); /* an error document alone */
}

static void test_xml_empty_output_matches_one_writer(void **state)
{
    (void)state;
    assert_same_as_one_writer(docs, 0);
}

static void test_render_error_is_the_error_document(void **state)
{
    (void)state;
    fp_error err = {{0}};
    fp_out_memory a, b;
    assert_int_equal(fp_out_memory_open(&a, &err), 0);
    assert_int_equal(fp_out_memory_open(&b, &err), 0);
    int rc = fp_output_render_error(&fp_output_format_xml, a.fp, docs[1].source, docs[1].error,
                                    &err);
    assert_int_equal(fp_out_memory_close(&a, rc, &err), 0);
    rc = fp_output_render(&fp_output_format_xml, b.fp, &docs[1], &err);
    assert_int_equal(fp_out_memory_close(&b, rc, &err), 0);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.data, b.data, a.len);
    assert_non_null(strstr(a.data, "<error>b.txt: cannot read"));
    free(a.data);
    free(b.data);
}

static void test_find(void **state)
{
    (void)state;
    fp_error err = {{0}};
    assert_ptr_equal(fp_output_format_find("xml", &err), &fp_output_format_xml);
    assert_ptr_equal(fp_output_format_default(), &fp_output_format_xml);
    assert_ptr_equal(fp_output_format_at(0), &fp_output_format_xml);
    assert_string_equal(fp_output_format_xml.extension, ".xml");
    /* Every entry is complete, found by its name, and named in the
     * message for a name that is not there. */
    char names[256] = "";
    size_t n = 0;
    const fp_output_format *f;
    for (; (f = fp_output_format_at(n)) != NULL; n++) {
        assert_ptr_equal(fp_output_format_find(f->name, &err), f);
        assert_true(f->extension[0] == '.' && f->summary[0] && f->failures[0]);
        assert_true(f->head && f->tail && f->render);
        size_t used = strlen(names);
        snprintf(names + used, sizeof names - used, "%s%s", n ? ", " : "", f->name);
    }
    assert_true(n >= 2);
    assert_null(fp_output_format_find("XML ", &err));
    char want[300];
    snprintf(want, sizeof want, "unknown output format 'XML ': the formats are %s", names);
    assert_string_equal(err.message, want);
}

static void test_failed_hook_keeps_nothing(void **state)
{
    (void)state;
    fp_error err = {{0}};
    fp_out_memory m;
    assert_int_equal(fp_out_memory_open(&m, &err), 0);
    fputs("half a document", m.fp);
    assert_int_equal(fp_out_memory_close(&m, -1, &err), -1);
    assert_null(m.data);
    assert_int_equal(m.len, 0);
    /* A document the schema would refuse fails its render whole. */
    fp_out_doc bad = {.source = "x", .format = "pdf"};
    assert_int_equal(fp_out_memory_open(&m, &err), 0);
    int rc = fp_output_render(&fp_output_format_xml, m.fp, &bad, &err);
    assert_int_equal(rc, -1);
    assert_int_equal(fp_out_memory_close(&m, rc, &err), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_xml_pieces_match_one_writer),
        cmocka_unit_test(test_xml_empty_output_matches_one_writer),
        cmocka_unit_test(test_render_error_is_the_error_document),
        cmocka_unit_test(test_find),
        cmocka_unit_test(test_failed_hook_keeps_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
