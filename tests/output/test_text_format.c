/* --format text: the article lines of the model (lead and body, as zoning
 * marked them) joined by one blank line; the headers of a combined output
 * of several documents; nothing for a failed document. */
#include "output/fp_out_article.h"
#include "output/fp_output_format.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* Title, dateline, lead, two body lines, a chrome line, a byline. */
static const char page[] = "Tiêu đề\nHà Nội, 5/10\nMở đầu 12 hộ.\nThân bài.\n\nMenu\nThu Lan";
static const fp_out_line page_lines[] = {
    {0, 11, FP_ZONE_TITLE, 0, "title"},
    {12, 27, FP_ZONE_DATELINE, 0, "dateline"},
    {28, 48, FP_ZONE_LEAD, 1, "lead"},
    {49, 60, FP_ZONE_BODY, 1, "body"},
    {61, 61, FP_ZONE_CHROME, 0, "chrome"},
    {62, 66, FP_ZONE_CHROME, 0, "chrome"},
    {67, 74, FP_ZONE_BYLINE, 0, "byline"},
};

static fp_out_doc page_doc(void)
{
    fp_out_doc d = {.source = "a.html", .format = "html", .title = "Tiêu đề",
                    .extracted = page, .extracted_len = sizeof page - 1,
                    .lines = page_lines, .n_lines = 7};
    return d;
}

typedef int (*hook_run)(FILE *out, const void *arg, fp_error *err);

/* What run wrote (malloc'ed, NUL-terminated); fails the test when it fails. */
static char *hook_text(hook_run run, const void *arg)
{
    fp_error err = {{0}};
    fp_out_memory m;
    assert_int_equal(fp_out_memory_open(&m, &err), 0);
    int rc = run(m.fp, arg, &err);
    assert_int_equal(fp_out_memory_close(&m, rc, &err), 0);
    return m.data;
}

static int run_render(FILE *out, const void *doc, fp_error *err)
{
    return fp_output_render(&fp_output_format_text, out, doc, err);
}

static int run_between(FILE *out, const void *at, fp_error *err)
{
    return fp_output_format_text.between(out, at, err);
}

static int run_head(FILE *out, const void *arg, fp_error *err)
{
    (void)arg;
    return fp_output_format_text.head(out, err);
}

static void check_line_offsets_match_the_page(void)
{
    /* The fixture's offsets are the page's lines: guard against typos. */
    for (size_t i = 0; i + 1 < 7; i++)
        assert_int_equal(page[page_lines[i].end], '\n');
}

static void article_is_lead_and_body_lines(void **state)
{
    (void)state;
    check_line_offsets_match_the_page();
    fp_out_doc d = page_doc();
    char *text = hook_text(run_render, &d);
    assert_string_equal(text, "Mở đầu 12 hộ.\n\nThân bài.\n");
    free(text);
    for (size_t i = 0; i < d.n_lines; i++)
        assert_int_equal(fp_out_line_is_article(&d, i), i == 2 || i == 3);
    assert_false(fp_out_line_is_article(&d, 7));
}

static void the_article_flag_decides_not_the_zone_name(void **state)
{
    (void)state;
    /* A body line zoning left out of the article (a caption, say) is not
     * article text: the formats follow the flag zoning set. */
    fp_out_line lines[7];
    memcpy(lines, page_lines, sizeof lines);
    lines[3].article = 0;
    fp_out_doc d = page_doc();
    d.lines = lines;
    char *text = hook_text(run_render, &d);
    assert_string_equal(text, "Mở đầu 12 hộ.\n");
    free(text);
}

static void no_article_writes_nothing(void **state)
{
    (void)state;
    fp_out_line lines[7];
    memcpy(lines, page_lines, sizeof lines);
    lines[2].article = lines[3].article = 0;
    fp_out_doc d = page_doc();
    d.lines = lines;
    char *text = hook_text(run_render, &d);
    assert_string_equal(text, "");
    free(text);
    fp_out_doc empty = {.source = "e.txt", .format = "text", .extracted = ""};
    text = hook_text(run_render, &empty);
    assert_string_equal(text, "");
    free(text);
}

static void cleaned_as_the_other_formats(void **state)
{
    (void)state;
    /* Control characters and invalid UTF-8 become U+FFFD, as in the XML,
     * JSON and HTML of the same document. */
    static const char dirty[] = "a\x01" "b\xff" "c\td";
    static const fp_out_line line[] = {{0, sizeof dirty - 1, FP_ZONE_BODY, 1, "body"}};
    fp_out_doc d = {.source = "d.txt", .format = "text", .extracted = dirty,
                    .extracted_len = sizeof dirty - 1, .lines = line, .n_lines = 1};
    char *text = hook_text(run_render, &d);
    assert_string_equal(text, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\td\n");
    free(text);
}

static void failed_document_writes_nothing(void **state)
{
    (void)state;
    fp_out_doc failed = {.source = "b.txt", .error = "b.txt: cannot read: No such file"};
    char *text = hook_text(run_render, &failed);
    assert_string_equal(text, "");
    free(text);
}

static void headers_only_when_several(void **state)
{
    (void)state;
    fp_output_position alone = {0, "a.html", 0};
    char *text = hook_text(run_between, &alone);
    assert_string_equal(text, "");
    free(text);
    fp_output_position first = {0, "dir/a.html", 1};
    text = hook_text(run_between, &first);
    assert_string_equal(text, "==> dir/a.html <==\n");
    free(text);
    fp_output_position second = {1, "b.txt", 1};
    text = hook_text(run_between, &second);
    assert_string_equal(text, "\n==> b.txt <==\n");
    free(text);
}

static void header_stays_one_line_of_utf8(void **state)
{
    (void)state;
    /* A source name with a line break and a stray byte cannot forge a
     * header line or break the UTF-8 of the stream. */
    fp_output_position odd = {0, "a\n==> x <==\r\xff.html", 1};
    char *text = hook_text(run_between, &odd);
    assert_string_equal(text, "==> a\xEF\xBF\xBD==> x <==\xEF\xBF\xBD\xEF\xBF\xBD.html <==\n");
    free(text);
}

static void found_in_the_table(void **state)
{
    (void)state;
    fp_error err = {{0}};
    assert_ptr_equal(fp_output_format_find("text", &err), &fp_output_format_text);
    assert_string_equal(fp_output_format_text.extension, ".txt");
    char *head = hook_text(run_head, NULL);
    assert_string_equal(head, "");
    free(head);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(article_is_lead_and_body_lines),
        cmocka_unit_test(the_article_flag_decides_not_the_zone_name),
        cmocka_unit_test(no_article_writes_nothing),
        cmocka_unit_test(cleaned_as_the_other_formats),
        cmocka_unit_test(failed_document_writes_nothing),
        cmocka_unit_test(headers_only_when_several),
        cmocka_unit_test(header_stays_one_line_of_utf8),
        cmocka_unit_test(found_in_the_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
