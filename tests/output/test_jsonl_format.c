/* --format jsonl: the members of one document's line, exactly; children
 * grouped by name; failed documents; --include-text; the refusals. */
#include "output/fp_output_format.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static const fp_attr count_attrs[] = {{"unit", "hộ \"nghèo\""}};
static const fp_attr docref_attrs[] = {{"type", "Quyết định"}, {"date", "2018-10-05"}};
static const fp_attr official_children[] = {
    {"title", "Thành ủy viên"}, {"note", "x"}, {"title", "Bí thư Quận ủy"}};
static const fp_out_fact facts[] = {
    {"count", "12", 3, 9, 40, 48, "12 hộ", "count", "1.0.0", NULL, count_attrs, 1, NULL, 0},
    {"official", "Lê Thị Mỹ Hạnh", 10, 24, 50, 70, "Lê Thị Mỹ Hạnh", "official", "1.2.0",
     "chrome", NULL, 0, official_children, 3},
    {"docref", "217-QĐ/TW", 30, 39, 80, 89, "QĐ 217\n", "docref", "1.0.0", NULL,
     docref_attrs, 2, NULL, 0},
};

static char *render(const fp_out_doc *doc, int *rc)
{
    fp_error err = {{0}};
    fp_out_memory m;
    assert_int_equal(fp_out_memory_open(&m, &err), 0);
    *rc = fp_output_render(&fp_output_format_jsonl, m.fp, doc, &err);
    if (fp_out_memory_close(&m, *rc, &err) != 0)
        return strdup(err.message);
    return m.data;
}

static void assert_renders(const fp_out_doc *doc, const char *want)
{
    int rc;
    char *got = render(doc, &rc);
    assert_int_equal(rc, 0);
    assert_string_equal(got, want);
    free(got);
}

static void document_with_facts(void **state)
{
    (void)state;
    fp_out_doc doc = {.source = "dir/a.html", .format = "html", .encoding = "utf-8",
                      .title = "Tiêu đề", .date = "2018-10-09", .url = "http://x/1",
                      .record_date = "2024-03-01T08:15:00Z", .partial = 1,
                      .facts = facts, .n_facts = 3};
    assert_renders(&doc,
        "{\"source\":\"dir/a.html\",\"format\":\"html\",\"encoding\":\"utf-8\","
        "\"meta\":{\"title\":\"Tiêu đề\",\"date\":\"2018-10-09\",\"byline\":null,"
        "\"url\":\"http://x/1\",\"record-date\":\"2024-03-01T08:15:00Z\"},"
        "\"partial\":true,\"error\":null,\"facts\":["
        "{\"kind\":\"count\",\"value\":\"12\",\"start\":3,\"end\":9,\"src-start\":40,"
        "\"src-end\":48,\"text\":\"12 hộ\",\"plugin\":\"count\",\"plugin-version\":\"1.0.0\","
        "\"zone\":null,\"unit\":\"hộ \\\"nghèo\\\"\"},"
        "{\"kind\":\"official\",\"value\":\"Lê Thị Mỹ Hạnh\",\"start\":10,\"end\":24,"
        "\"src-start\":50,\"src-end\":70,\"text\":\"Lê Thị Mỹ Hạnh\",\"plugin\":\"official\","
        "\"plugin-version\":\"1.2.0\",\"zone\":\"chrome\","
        "\"title\":[\"Thành ủy viên\",\"Bí thư Quận ủy\"],\"note\":[\"x\"]},"
        "{\"kind\":\"docref\",\"value\":\"217-QĐ/TW\",\"start\":30,\"end\":39,"
        "\"src-start\":80,\"src-end\":89,\"text\":\"QĐ 217\\n\",\"plugin\":\"docref\","
        "\"plugin-version\":\"1.0.0\",\"zone\":null,\"type\":\"Quyết định\","
        "\"date\":\"2018-10-05\"}]}\n");
}

static void document_without_anything(void **state)
{
    (void)state;
    /* An empty encoding says nothing, as in the XML. */
    fp_out_doc doc = {.source = "b.txt", .format = "text", .encoding = ""};
    assert_renders(&doc,
        "{\"source\":\"b.txt\",\"format\":\"text\",\"encoding\":null,"
        "\"meta\":{\"title\":null,\"date\":null,\"byline\":null,\"url\":null,"
        "\"record-date\":null},\"partial\":false,\"error\":null,\"facts\":[]}\n");
}

static void failed_document(void **state)
{
    (void)state;
    fp_out_doc doc = {.source = "c.html", .error = "c.html: cannot read:\tgone"};
    const char *want =
        "{\"source\":\"c.html\",\"format\":null,\"encoding\":null,"
        "\"meta\":{\"title\":null,\"date\":null,\"byline\":null,\"url\":null,"
        "\"record-date\":null},\"partial\":false,\"error\":\"c.html: cannot read:\\tgone\","
        "\"facts\":[]}\n";
    assert_renders(&doc, want);
    /* What the supervisor renders for a document no worker finished. */
    fp_error err = {{0}};
    fp_out_memory m;
    assert_int_equal(fp_out_memory_open(&m, &err), 0);
    int rc = fp_output_render_error(&fp_output_format_jsonl, m.fp, doc.source, doc.error, &err);
    assert_int_equal(fp_out_memory_close(&m, rc, &err), 0);
    assert_string_equal(m.data, want);
    free(m.data);
}

static void text_and_zones_when_asked(void **state)
{
    (void)state;
    static const fp_out_zone zones[] = {{"title", 0, 3}, {"body", 4, 9}};
    fp_out_doc doc = {.source = "d.txt", .format = "text", .text = "Tên\nCó\u2028 12",
                      .zones = zones, .n_zones = 2};
    assert_renders(&doc,
        "{\"source\":\"d.txt\",\"format\":\"text\",\"encoding\":null,"
        "\"meta\":{\"title\":null,\"date\":null,\"byline\":null,\"url\":null,"
        "\"record-date\":null},\"partial\":false,\"error\":null,"
        "\"text\":\"Tên\\nCó\\u2028 12\",\"zones\":[{\"kind\":\"title\",\"start\":0,\"end\":3},"
        "{\"kind\":\"body\",\"start\":4,\"end\":9}],\"facts\":[]}\n");
}

static void one_line_however_long(void **state)
{
    (void)state;
    size_t n = 1 << 20;
    char *text = malloc(n + 1);
    assert_non_null(text);
    for (size_t i = 0; i < n; i++)
        text[i] = i % 80 == 79 ? '\n' : 'a';
    text[n] = '\0';
    static const fp_out_zone zones[] = {{"body", 0, 1}};
    fp_out_doc doc = {.source = "big.txt", .format = "text", .text = text,
                      .zones = zones, .n_zones = 1};
    int rc;
    char *got = render(&doc, &rc);
    assert_int_equal(rc, 0);
    assert_ptr_equal(strchr(got, '\n'), got + strlen(got) - 1);
    free(got);
    free(text);
}

static void refused_whole(void **state)
{
    (void)state;
    /* What the XML writer refuses, and a child named like a member of its
     * fact (JSON has one value per name): -1, nothing kept. */
    static const fp_attr clash_core[] = {{"text", "x"}};
    static const fp_attr clash_attr[] = {{"unit", "x"}};
    fp_out_fact bad[] = {
        {"count", "1", 0, 1, 0, 1, "1", "count", "1.0.0", NULL, NULL, 0, clash_core, 1},
        {"count", "1", 0, 1, 0, 1, "1", "count", "1.0.0", NULL, count_attrs, 1, clash_attr, 1},
        {"Count", "1", 0, 1, 0, 1, "1", "count", "1.0.0", NULL, NULL, 0, NULL, 0},
        {"count", "", 0, 1, 0, 1, "1", "count", "1.0.0", NULL, NULL, 0, NULL, 0},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        fp_out_doc doc = {.source = "e.html", .format = "html", .facts = &bad[i], .n_facts = 1};
        int rc;
        char *got = render(&doc, &rc);
        assert_int_equal(rc, -1);
        assert_non_null(strstr(got, "e.html"));
        if (i < 2)
            assert_non_null(strstr(got, "a name its fact already uses"));
        free(got);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(document_with_facts),
        cmocka_unit_test(document_without_anything),
        cmocka_unit_test(failed_document),
        cmocka_unit_test(text_and_zones_when_asked),
        cmocka_unit_test(one_line_however_long),
        cmocka_unit_test(refused_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
