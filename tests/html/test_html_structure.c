/* fp_html_to_text: block elements and lines, as zoning reads them. */
#include "html_test_util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

static const char menu_page[] =
    "<html><body>"
    "<div id=\"menu\" class=\"left\"><a href=\"/\">Trang chủ</a> | "
    "<a href=\"/tin\">Tin tức</a></div>"
    "<div id=\"Content\" class=\"  Main   Body \">"
    "<h2>Tiêu đề bài</h2>"
    "<p>Nội dung, <a href=\"#\">xem thêm</a></p>"
    "<div class=\"empty\"></div>"
    "</div>"
    "</body></html>";

static const fp_line *line_with(const fp_text *t, const char *text)
{
    for (size_t i = 0; i < t->n_lines; i++) {
        const fp_line *line = &t->lines[i];
        if (line->end - line->start == strlen(text) &&
            memcmp(t->text + line->start, text, strlen(text)) == 0)
            return line;
    }
    fail_msg("no line \"%s\"", text);
    return NULL;
}

static const fp_element *element_with_cues(const fp_text *t,
                                            const char *cues)
{
    for (size_t i = 0; i < t->n_elements; i++)
        if (t->elements[i].cues && strcmp(t->elements[i].cues, cues) == 0)
            return &t->elements[i];
    fail_msg("no element with cues \"%s\"", cues);
    return NULL;
}

static void test_lines_and_links(void **state)
{
    (void)state;
    fp_decoded in = test_decoded_str(menu_page);
    fp_text t = test_html(&in);
    assert_string_equal(t.text, "Trang chủ | Tin tức\nTiêu đề bài\n"
                                "Nội dung, xem thêm");
    assert_int_equal(t.n_lines, 3);
    assert_text_consistent(&in, &t);

    const fp_line *menu = line_with(&t, "Trang chủ | Tin tức");
    assert_int_equal(menu->link_bytes,
                     strlen("Trang chủ") + strlen("Tin tức"));
    assert_int_equal(menu->heading, 0);
    assert_int_equal(menu->zone, FP_ZONE_BODY);
    assert_string_equal(t.elements[menu->element].tag, "div");
    assert_string_equal(t.elements[menu->element].cues, "menu left");

    const fp_line *heading = line_with(&t, "Tiêu đề bài");
    assert_int_equal(heading->heading, 2);
    assert_int_equal(heading->link_bytes, 0);
    assert_string_equal(t.elements[heading->element].tag, "h2");

    const fp_line *body = line_with(&t, "Nội dung, xem thêm");
    assert_int_equal(body->link_bytes, strlen("xem thêm"));
    assert_int_equal(body->heading, 0);
    assert_string_equal(t.elements[body->element].tag, "p");
    fp_text_free(&t);
    fp_decoded_free(&in);
}

static void test_elements(void **state)
{
    (void)state;
    fp_decoded in = test_decoded_str(menu_page);
    fp_text t = test_html(&in);

    /* body, div#menu, div#content, h2, p, div.empty */
    assert_int_equal(t.n_elements, 6);
    assert_string_equal(t.elements[0].tag, "body");
    assert_int_equal(t.elements[0].parent, -1);
    assert_int_equal(t.elements[0].start, 0);
    assert_int_equal(t.elements[0].end, t.len);

    const fp_element *menu = element_with_cues(&t, "menu left");
    assert_int_equal(menu->parent, 0);
    assert_int_equal(menu->depth, 1);
    assert_int_equal(menu->start, 0);
    assert_int_equal(menu->end, strlen("Trang chủ | Tin tức"));
    assert_int_equal(menu->link_bytes,
                     strlen("Trang chủ") + strlen("Tin tức"));

    /* Cues are lower-cased, white space collapsed. */
    const fp_element *content = element_with_cues(&t, "content main body");
    assert_int_equal(content->depth, 1);
    assert_int_equal(content->start, strlen("Trang chủ | Tin tức\n"));
    assert_int_equal(content->end, t.len);
    assert_int_equal(content->link_bytes, strlen("xem thêm"));

    /* An element without text is an empty range inside its parent. */
    const fp_element *empty = element_with_cues(&t, "empty");
    assert_int_equal(empty->start, empty->end);
    assert_int_equal(empty->depth, 2);
    assert_int_equal(t.elements[empty->parent].start, content->start);

    /* Elements without id or class have no cues. */
    assert_null(t.elements[0].cues);
    assert_text_consistent(&in, &t);
    fp_text_free(&t);
    fp_decoded_free(&in);
}

/* Empty blocks before, between and after text keep ranges that nest. */
static void test_empty_elements_nest(void **state)
{
    (void)state;
    static const char *const pages[] = {
        "<p>a</p><div><span></span><p></p>b</div>",
        "<div>x<p></p></div>y",
        "<div><div><p></p></div></div><p>z</p><div><p></p></div>",
        "<table><tr><td></td><td>1</td></tr></table><ul><li></li></ul>",
    };
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        fp_decoded in = test_decoded_str(pages[i]);
        fp_text t = test_html(&in);
        assert_text_consistent(&in, &t);
        fp_text_free(&t);
        fp_decoded_free(&in);
    }
}

static void test_line_elements_are_innermost_blocks(void **state)
{
    (void)state;
    fp_decoded in = test_decoded_str(
        "<table class=\"news\"><tr><td>Số hồ sơ</td><td><b>4.526</b></td>"
        "</tr></table><div>trước<p>giữa</p>sau</div>");
    fp_text t = test_html(&in);
    assert_string_equal(t.text, "Số hồ sơ\n4.526\ntrước\ngiữa\nsau");
    assert_int_equal(t.n_lines, 5);
    assert_string_equal(t.elements[t.lines[0].element].tag, "td");
    assert_string_equal(t.elements[t.lines[1].element].tag, "td");
    assert_string_equal(t.elements[t.lines[2].element].tag, "div");
    assert_string_equal(t.elements[t.lines[3].element].tag, "p");
    assert_string_equal(t.elements[t.lines[4].element].tag, "div");
    assert_int_equal(t.lines[2].element, t.lines[4].element);
    assert_text_consistent(&in, &t);
    fp_text_free(&t);
    fp_decoded_free(&in);
}

/* What zoning reads about an element besides id and class: role and
 * itemprop words, camelCase class names in parts, and whether it is
 * shown at all. */
static void test_cue_words_and_hidden(void **state)
{
    (void)state;
    fp_decoded in = test_decoded_str(
        "<html><body>"
        "<div class=\"StandardArticleBody_body\" itemprop=\"articleBody\" "
        "role=\"main\"><p>Nội dung.</p></div>"
        "<nav id=\"siteNav\" role=\"navigation\">Trang chủ</nav>"
        "<div hidden>Ẩn</div>"
        "<div aria-hidden=\"TRUE\">Ẩn 2</div>"
        "<div style=\"color: red; Display : None\">Ẩn 3</div>"
        "<div style=\"visibility:hidden\">Ẩn 4</div>"
        "<div style=\"display:block\" aria-hidden=\"false\">Hiện</div>"
        "</body></html>");
    fp_text t = test_html(&in);
    const fp_element *body =
        element_with_cues(&t, "standard-article-body_body main article-body");
    assert_false(body->hidden);
    const fp_element *nav = element_with_cues(&t, "site-nav navigation");
    assert_string_equal(nav->tag, "nav");
    assert_false(nav->hidden);
    static const char *const hidden[] = {"Ẩn", "Ẩn 2", "Ẩn 3", "Ẩn 4"};
    for (size_t i = 0; i < 4; i++)
        assert_true(t.elements[line_with(&t, hidden[i])->element].hidden);
    assert_false(t.elements[line_with(&t, "Hiện")->element].hidden);
    /* A hidden element without cue words has none. */
    assert_null(t.elements[line_with(&t, "Ẩn")->element].cues);
    fp_text_free(&t);
    fp_decoded_free(&in);
}

/* Pictures and links without text (a linked thumbnail, an empty anchor
 * over a teaser) are recorded on their innermost block, a picture with
 * where it stands: zoning tells teasers and captions by them. */
static void test_pictures_and_links_held(void **state)
{
    (void)state;
    fp_decoded in = test_decoded_str(
        "<html><body>"
        "<div><a href=\"/t1\"><picture><img src=\"a.jpg\"></picture></a>"
        "<p>Tóm tắt một.</p></div>"
        "<div><a href=\"/t2\"></a><p>Tóm tắt hai.</p></div>"
        "<div><a name=\"x\"></a><p>Đoạn văn <b>ba</b>.</p></div>"
        "<div><video src=\"v.mp4\"></video><p>Đoạn bốn.</p></div>"
        "<p><img src=\"star.gif\" width=\"15\" height=\"14\">"
        "<img src=\"pixel.gif\" height=\"1\">Năm sao.</p>"
        "</body></html>");
    fp_text t = test_html(&in);
    const fp_element *one = &t.elements[line_with(&t, "Tóm tắt một.")->element];
    const fp_element *box = &t.elements[one->parent];
    assert_int_equal(box->holds, FP_ELEMENT_LINK | FP_ELEMENT_PICTURE);
    assert_int_equal(one->holds, 0);
    const fp_element *two = &t.elements[line_with(&t, "Tóm tắt hai.")->element];
    assert_int_equal(t.elements[two->parent].holds, FP_ELEMENT_LINK);
    /* An anchor without href is no link; <b> holds nothing. */
    const fp_element *three = &t.elements[line_with(&t, "Đoạn văn ba.")->element];
    assert_int_equal(t.elements[three->parent].holds, 0);
    assert_int_equal(three->holds, 0);
    const fp_element *four = &t.elements[line_with(&t, "Đoạn bốn.")->element];
    assert_int_equal(t.elements[four->parent].holds, FP_ELEMENT_PICTURE);
    /* Where the picture stands: before the text that follows it. */
    assert_int_equal(box->picture_at, line_with(&t, "Tóm tắt một.")->start);
    assert_int_equal(three->picture_at, UINT32_MAX);
    /* Icons and tracking pixels are no pictures. */
    const fp_element *five = &t.elements[line_with(&t, "Năm sao.")->element];
    assert_int_equal(five->holds, 0);
    assert_int_equal(five->picture_at, UINT32_MAX);
    fp_text_free(&t);
    fp_decoded_free(&in);
}

int main(void)
{
    fp_html_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cue_words_and_hidden),
        cmocka_unit_test(test_pictures_and_links_held),
        cmocka_unit_test(test_lines_and_links),
        cmocka_unit_test(test_elements),
        cmocka_unit_test(test_empty_elements_nest),
        cmocka_unit_test(test_line_elements_are_innermost_blocks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
