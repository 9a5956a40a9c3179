/* fp_html_to_text: what text comes out of which markup, and where each
 * byte of it came from. */
#include "html_test_util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

typedef struct text_case {
    const char *html;
    const char *text;
} text_case;

static const text_case text_cases[] = {
    /* Inline elements join without added spaces. */
    {"<p><b>4.526</b> hồ sơ</p>", "4.526 hồ sơ"},
    {"<p>21,<span>1</span>%</p>", "21,1%"},
    {"<p>Tỷ lệ <strong><em>95</em></strong><font>%</font></p>",
     "Tỷ lệ 95%"},
    {"<b>a</b> <i>b</i>", "a b"},
    {"<p>x<unknowntag>y</unknowntag>z</p>", "xyz"},
    /* Blocks are lines. */
    {"<p>a</p><p>b</p>", "a\nb"},
    {"<div>a<p>b</p>c</div>", "a\nb\nc"},
    {"<ul><li>một</li><li>hai</li></ul>", "một\nhai"},
    {"<table><tr><td>1</td><td>2</td></tr><tr><th>3</th></tr></table>",
     "1\n2\n3"},
    {"<h1>Tiêu đề</h1>nội dung", "Tiêu đề\nnội dung"},
    {"a<br>b<br/><br>c<hr>d", "a\nb\nc\nd"},
    {"<pre>dòng 1\n  dòng 2</pre>", "dòng 1\ndòng 2"},
    /* White space collapses; lines are trimmed; blank lines vanish. */
    {"<p>  a \t\n\r\n  b  </p>", "a b"},
    {"<p>a&nbsp;&nbsp; b\xC2\xA0" "c</p>", "a b c"},
    {"<p>4.5\xE2\x80\x8B" "26</p>", "4.526"},
    {"<p> </p><p></p><div>\n</div><p>x</p>", "x"},
    /* Entities are decoded. */
    {"<p>a &amp; b&#7853;c &#x1EA0; &lt;d&gt;</p>", "a & bậc Ạ <d>"},
    /* Scripts, styles, comments, templates and head text are dropped. */
    {"<script>var n = 21;</script><style>p { x: 1 }</style>"
     "<p>x<!-- 99% -->y</p><noscript>bật JS</noscript>"
     "<template><p>t</p></template>",
     "xy"},
    {"<html><head><title>Tiêu đề</title><meta name=x></head>"
     "<body>thân</body></html>",
     "thân"},
    /* Not HTML at all, and a lone text. */
    {"chỉ là văn bản, không có thẻ", "chỉ là văn bản, không có thẻ"},
    {"5 < 6 && 7 > 3", "5 < 6 && 7 > 3"},
};

static void test_text_cases(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof text_cases / sizeof text_cases[0]; i++) {
        fp_decoded in = test_decoded_str(text_cases[i].html);
        fp_text t = test_html(&in);
        if (strcmp(t.text, text_cases[i].text) != 0)
            fail_msg("case %zu: %s\n  got      \"%s\"\n  expected \"%s\"", i,
                     text_cases[i].html, t.text, text_cases[i].text);
        assert_int_equal(t.partial, 0);
        assert_int_equal(t.format, FP_FORMAT_HTML);
        assert_text_consistent(&in, &t);
        fp_text_free(&t);
        fp_decoded_free(&in);
    }
}

/* Offset of needle in the input (the test input must contain it). */
static uint32_t input_offset(const fp_decoded *in, const char *needle)
{
    const char *at = strstr(in->utf8, needle);
    assert_non_null(at);
    return (uint32_t)(at - in->utf8);
}

static size_t text_offset(const fp_text *t, const char *needle)
{
    const char *at = strstr(t->text, needle);
    assert_non_null(at);
    return (size_t)(at - t->text);
}

static void test_offsets_point_at_entity_start(void **state)
{
    (void)state;
    fp_decoded in =
        test_decoded_str("<p>a &amp; b&nbsp;c&#7853;d &lt;e</p>");
    fp_text t = test_html(&in);
    assert_string_equal(t.text, "a & b cậd <e");

    assert_int_equal(t.src[text_offset(&t, "&")], input_offset(&in, "&amp;"));
    /* The NBSP became the space between b and c. */
    assert_int_equal(t.src[text_offset(&t, " c")],
                     input_offset(&in, "&nbsp;"));
    size_t a_hat = text_offset(&t, "ậ");
    for (size_t k = 0; k < strlen("ậ"); k++)
        assert_int_equal(t.src[a_hat + k], input_offset(&in, "&#7853;"));
    assert_int_equal(t.src[text_offset(&t, "<")], input_offset(&in, "&lt;"));
    /* Plain bytes around the references map to themselves. */
    assert_int_equal(t.src[text_offset(&t, "d")], input_offset(&in, "d "));
    assert_int_equal(t.src[text_offset(&t, "e")], input_offset(&in, "e<"));
    assert_int_equal(t.src[t.len], in.len);
    fp_text_free(&t);
    fp_decoded_free(&in);
}

static void test_offsets_through_crlf_and_tags(void **state)
{
    (void)state;
    fp_decoded in = test_decoded_str(
        "<p>Tăng\r\n<b>21,<span>1</span>%</b>\r\nso với</p>");
    fp_text t = test_html(&in);
    assert_string_equal(t.text, "Tăng 21,1% so với");
    assert_int_equal(t.src[text_offset(&t, "21")], input_offset(&in, "21"));
    assert_int_equal(t.src[text_offset(&t, "1%")], input_offset(&in, "1<"));
    assert_int_equal(t.src[text_offset(&t, "%")], input_offset(&in, "%"));
    /* Collapsed white space maps to the first byte it replaced. */
    assert_int_equal(t.src[text_offset(&t, " 21")],
                     input_offset(&in, "\r\n<b>"));
    assert_int_equal(t.src[text_offset(&t, "so")], input_offset(&in, "so"));
    assert_text_consistent(&in, &t);
    fp_text_free(&t);
    fp_decoded_free(&in);
}

/* The offset map goes through the input map, not around it. */
static void test_offsets_use_input_map(void **state)
{
    (void)state;
    fp_decoded in = test_decoded_str("<p>ab</p>");
    for (size_t i = 0; i <= in.len; i++)
        in.src[i] = (uint32_t)(1000 + 2 * i);
    fp_text t = test_html(&in);
    assert_string_equal(t.text, "ab");
    assert_int_equal(t.src[0], 1000 + 2 * 3);
    assert_int_equal(t.src[1], 1000 + 2 * 4);
    assert_int_equal(t.src[2], in.src[in.len]);
    fp_text_free(&t);
    fp_decoded_free(&in);
}

static void test_title(void **state)
{
    (void)state;
    fp_decoded in = test_decoded_str(
        "<html><head><title>\n  Quận 3:  Hội nghị &amp; tổng kết\n"
        "</title></head><body><p>x</p></body></html>");
    fp_text t = test_html(&in);
    assert_non_null(t.html_title);
    assert_string_equal(t.html_title, "Quận 3: Hội nghị & tổng kết");
    assert_string_equal(t.text, "x");
    fp_text_free(&t);
    fp_decoded_free(&in);

    in = test_decoded_str("<p>không có tiêu đề</p>");
    t = test_html(&in);
    assert_null(t.html_title);
    fp_text_free(&t);
    fp_decoded_free(&in);
}

/* Text longer than libxml2's 1000-byte character buffer arrives in several
 * chunks, some flushed before the parser steps over their last character;
 * multi-byte letters sit on the chunk edges somewhere in here. */
static void test_long_text_node(void **state)
{
    (void)state;
    static const char word[] = "Tỷ lệ 21,1% đạt\r\n ";
    char html[40000];
    size_t len = (size_t)sprintf(html, "<p>");
    for (int i = 0; i < 1200; i++) {
        memcpy(html + len, word, strlen(word));
        len += strlen(word);
        if (i % 7 == 0)
            html[len++] = 'x'; /* shift the chunk edges */
    }
    len += (size_t)sprintf(html + len, "</p>");
    fp_decoded in = test_decoded(html, len);
    fp_text t = test_html(&in);
    assert_int_equal(t.n_lines, 1);
    assert_true(t.len > 20000);
    assert_text_consistent(&in, &t);
    fp_text_free(&t);
    fp_decoded_free(&in);
}

/* Generated bulletin pages: one with CRLF line ends, one written entirely
 * with numeric character references. */
static void test_generated_pages(void **state)
{
    (void)state;
    static const char *const pages[][3] = {
        {"bulletin-crlf.html", "Sáng ngày 3 tháng 2, Ủy ban nhân dân Quận 3",
         "Quận 3: Hội nghị tổng kết công tác thanh tra"},
        {"bulletin-ncr.html", "Vừa qua, Thanh tra thị xã tổ chức Hội nghị",
         "Điện Bàn: Hội nghị sơ kết"},
    };
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        fp_decoded in = test_decoded_file(pages[i][0]);
        fp_text t = test_html(&in);
        assert_int_equal(t.partial, 0);
        assert_true(t.n_lines > 50);
        assert_true(t.n_elements > 50);
        if (!text_contains(&t, pages[i][1]))
            fail_msg("%s: \"%s\" missing", pages[i][0], pages[i][1]);
        assert_non_null(t.html_title);
        assert_non_null(strstr(t.html_title, pages[i][2]));
        assert_null(strchr(t.text, '\r'));
        assert_text_consistent(&in, &t);
        fp_text_free(&t);
        fp_decoded_free(&in);
    }
}

/* The reference page: every letter of its text came through a reference,
 * so the offsets must land on the '&' of each. */
static void test_ncr_page_offsets(void **state)
{
    (void)state;
    fp_decoded in = test_decoded_file("bulletin-ncr.html");
    fp_text t = test_html(&in);
    size_t from_reference = 0;
    for (size_t i = 0; i < t.len; i++)
        if ((unsigned char)t.text[i] >= 0x80) {
            assert_int_equal(in.utf8[t.src[i]], '&');
            from_reference++;
        }
    assert_true(from_reference > 1000);
    fp_text_free(&t);
    fp_decoded_free(&in);
}

/* A small deterministic generator, so a failure can be replayed. */
static uint32_t next_random(uint32_t *state)
{
    *state = *state * 1664525u + 1013904223u;
    return *state >> 8;
}

/* What one paragraph's text must be: white space runs (ASCII blanks and
 * NBSP) collapse into one space mapped to the run's first byte, the ends
 * are trimmed, zero-width characters vanish, every other byte is itself.
 * content starts at input offset base. */
static size_t collapse_reference(const char *content, size_t len, size_t base,
                                 char *text, uint32_t *src)
{
    size_t n = 0;
    int pending = 0;
    uint32_t pending_src = 0;
    for (size_t k = 0; k < len;) {
        const unsigned char *c = (const unsigned char *)content + k;
        size_t space = *c == ' ' || *c == '\t' || *c == '\n' ? 1
                       : k + 1 < len && c[0] == 0xC2 && c[1] == 0xA0 ? 2
                                                                      : 0;
        if (space) {
            if (n > 0 && !pending) {
                pending = 1;
                pending_src = (uint32_t)(base + k);
            }
            k += space;
            continue;
        }
        if (k + 2 < len && ((c[0] == 0xE2 && c[1] == 0x80 && c[2] == 0x8B) ||
                            (c[0] == 0xEF && c[1] == 0xBB && c[2] == 0xBF))) {
            k += 3;
            continue;
        }
        if (pending) {
            text[n] = ' ';
            src[n++] = pending_src;
            pending = 0;
        }
        text[n] = (char)*c;
        src[n++] = (uint32_t)(base + k);
        k++;
    }
    return n;
}

/* Random paragraphs of words and every kind of separator (single and
 * repeated spaces, tabs, newlines, NBSP, zero-width characters, and
 * letters whose first byte could start one), long enough to arrive in
 * several chunks, plain and inside a link: the text, its map and the
 * link bytes must be what collapsing byte by byte makes of them.  Text
 * copied in runs (a single space between words goes with its words) must
 * not change any of it. */
static void test_white_space_collapse_against_a_reference(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "T\xE1\xBB\xB7", "l\xE1\xBB\x87", "21,1%", "a", "\xC2\xA9",
        "\xE2\x80\x9Cx\xE2\x80\x9D", "\xEF\xBC\x85", ".", " ", " ", " ",
        "  ", "\t", "\n", " \n ", "\xC2\xA0", " \xC2\xA0", "\xE2\x80\x8B",
        " \xE2\x80\x8B ", "\xEF\xBB\xBF"};
    enum { CONTENT_MAX = 4000 };
    static char html[CONTENT_MAX + 64], content[CONTENT_MAX + 16],
        expected[CONTENT_MAX + 16];
    static uint32_t expected_src[CONTENT_MAX + 16];
    uint32_t seed = 2024;
    for (int round = 0; round < 400; round++) {
        size_t len = 0, limit = next_random(&seed) % CONTENT_MAX;
        while (len < limit) {
            const char *piece =
                pieces[next_random(&seed) % (sizeof pieces / sizeof *pieces)];
            memcpy(content + len, piece, strlen(piece));
            len += strlen(piece);
        }
        int in_link = round % 2;
        const char *open = in_link ? "<p><a href=\"x\">" : "<p>";
        size_t base = strlen(open);
        memcpy(html, open, base);
        memcpy(html + base, content, len);
        size_t html_len = base + len;
        html_len += (size_t)sprintf(html + html_len, "%s",
                                    in_link ? "</a></p>" : "</p>");

        size_t n = collapse_reference(content, len, base, expected,
                                      expected_src);
        fp_decoded in = test_decoded(html, html_len);
        fp_text t = test_html(&in);
        if (t.len != n || memcmp(t.text, expected, n) != 0)
            fail_msg("round %d: text differs (%zu bytes, expected %zu)",
                     round, t.len, n);
        for (size_t i = 0; i < n; i++)
            if (t.src[i] != expected_src[i])
                fail_msg("round %d: byte %zu maps to %u, expected %u", round,
                         i, (unsigned)t.src[i], (unsigned)expected_src[i]);
        if (n > 0) {
            assert_int_equal(t.n_lines, 1);
            assert_int_equal(t.lines[0].link_bytes, in_link ? n : 0);
        }
        assert_text_consistent(&in, &t);
        fp_text_free(&t);
        fp_decoded_free(&in);
    }
}

int main(void)
{
    fp_html_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_cases),
        cmocka_unit_test(test_offsets_point_at_entity_start),
        cmocka_unit_test(test_offsets_through_crlf_and_tags),
        cmocka_unit_test(test_offsets_use_input_map),
        cmocka_unit_test(test_title),
        cmocka_unit_test(test_long_text_node),
        cmocka_unit_test(test_generated_pages),
        cmocka_unit_test(test_ncr_page_offsets),
        cmocka_unit_test(test_white_space_collapse_against_a_reference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
