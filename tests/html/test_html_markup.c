/* What the html stage gathers of a page's markup for the article date
 * (fp_markup): date-bearing <meta>, the canonical URL, <html lang>,
 * JSON-LD scripts whole, and <time>/<abbr>/microdata elements with their
 * text — within fixed bounds. */
#include "html_test_util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static fp_text parse(const char *html)
{
    fp_decoded in = test_decoded_str(html);
    fp_text t = test_html(&in);
    assert_text_consistent(&in, &t);
    fp_decoded_free(&in);
    return t;
}

static const fp_markup_item *find_item(const fp_text *t, const char *key)
{
    for (size_t i = 0; i < t->markup.n_items; i++)
        if (t->markup.items[i].key && strcmp(t->markup.items[i].key, key) == 0)
            return &t->markup.items[i];
    return NULL;
}

static void head_metadata(void **state)
{
    (void)state;
    fp_text t = parse(
        "<html lang=\"en-US\"><head><title>T</title>"
        "<meta property=\"article:published_time\" "
        "content=\" 2019-10-21T08:00:00+02:00 \">"
        "<meta name=\"Description\" content=\"no digits here\">"
        "<meta name=\"keywords\" content=\"plan 2019\">"
        "<meta content=\"2023-11-02\" itemprop=\"datePublished\" "
        "name=\"pubdate\">"
        "<meta property=\"og:url\" content=\"https://e.org/a\">"
        "<link rel=\"Canonical\" href=\"https://e.org/2019/10/21/a\">"
        "<link rel=\"canonical\" href=\"https://e.org/second\">"
        "</head><body><p>Text.</p></body></html>");
    assert_string_equal(t.markup.lang, "en-us");
    assert_string_equal(t.markup.canonical, "https://e.org/2019/10/21/a");
    assert_string_equal(t.markup.og_url, "https://e.org/a");
    const fp_markup_item *item = find_item(&t, "article:published_time");
    assert_non_null(item);
    assert_int_equal(item->kind, FP_MARKUP_META);
    assert_string_equal(item->value, "2019-10-21T08:00:00+02:00");
    /* One item per key attribute; keys lower-cased. */
    assert_non_null(find_item(&t, "pubdate"));
    item = find_item(&t, "datepublished");
    assert_non_null(item);
    assert_string_equal(item->value, "2023-11-02");
    /* A content without a digit holds no date. */
    assert_null(find_item(&t, "description"));
    assert_non_null(find_item(&t, "keywords"));
    fp_text_free(&t);
}

static void jsonld_scripts_whole(void **state)
{
    (void)state;
    fp_text t = parse(
        "<html><head><script type=\"application/ld+json\">{\"a\":\"<b>\"}"
        "</script><script>var x = \"2019-10-21\";</script>"
        "<script type=\"application/json\">{\"c\":1}</script></head><body>"
        "<p>Text.</p><script type=\"application/LD+JSON\">[1]</script>"
        "</body></html>");
    assert_string_equal(t.markup.jsonld, "{\"a\":\"<b>\"}\n[1]\n");
    assert_int_equal(t.markup.jsonld_len, strlen(t.markup.jsonld));
    /* Scripts are never text. */
    assert_false(text_contains(&t, "2019"));
    fp_text_free(&t);
}

static void jsonld_is_bounded(void **state)
{
    (void)state;
    /* A first script that fits, then one that would pass the bound: the
     * second is dropped whole, never cut. */
    size_t big = FP_MARKUP_MAX_JSONLD;
    char *html = malloc(big + 400);
    assert_non_null(html);
    char *at = html + sprintf(html, "<html><head><script type=\"application/"
                                    "ld+json\">{\"first\":1}</script>"
                                    "<script type=\"application/ld+json\">"
                                    "{\"x\":\"");
    memset(at, 'a', big);
    at += big;
    sprintf(at, "\"}</script></head><body><p>Text.</p></body></html>");
    fp_text t = parse(html);
    assert_string_equal(t.markup.jsonld, "{\"first\":1}\n");
    fp_text_free(&t);
    free(html);
}

static void time_abbr_and_microdata_elements(void **state)
{
    (void)state;
    fp_text t = parse(
        "<html><body><h1>Headline</h1>"
        "<p>Posted <time class=\"Entry-Date published\" "
        "datetime=\"2019-06-28T11:32:59+02:00\" pubdate>June 28</time> by A"
        "</p><p><abbr title=\"2008-03-23\">Mar 23</abbr> <abbr "
        "title=\"World Health Organization\">WHO</abbr></p>"
        "<div itemprop=\"datePublished\">May 19, 2020</div>"
        "<span itemprop=\"author\">Anna</span>"
        "<span itemprop=\"dateModified\" content=\"2020-05-20\"></span>"
        "<time>21.10.2019</time></body></html>");
    assert_int_equal(t.markup.n_items, 5);
    const fp_markup_item *time = &t.markup.items[0];
    assert_int_equal(time->kind, FP_MARKUP_ELEMENT);
    assert_string_equal(time->tag, "time");
    assert_true(time->pubdate);
    assert_string_equal(time->value, "2019-06-28T11:32:59+02:00");
    assert_string_equal(time->cues, "entry-date published");
    assert_memory_equal(t.text + time->text_start, "June 28", 7);
    assert_int_equal(time->text_end - time->text_start, 7);
    assert_true(time->element >= 0);
    assert_string_equal(t.elements[time->element].tag, "p");
    assert_string_equal(t.markup.items[1].value, "2008-03-23");
    const fp_markup_item *div = &t.markup.items[2];
    assert_string_equal(div->key, "datepublished");
    assert_null(div->value);
    assert_memory_equal(t.text + div->text_start, "May 19, 2020", 12);
    assert_string_equal(t.markup.items[3].key, "datemodified");
    assert_string_equal(t.markup.items[3].value, "2020-05-20");
    assert_null(t.markup.items[4].value);
    fp_text_free(&t);
}

static void items_are_bounded(void **state)
{
    (void)state;
    size_t n = FP_MARKUP_MAX_ITEMS + 100;
    char *html = malloc(n * 40 + 100);
    assert_non_null(html);
    char *at = html + sprintf(html, "<html><body>");
    for (size_t i = 0; i < n; i++)
        at += sprintf(at, "<time>%zu</time>", i);
    sprintf(at, "</body></html>");
    fp_text t = parse(html);
    assert_int_equal(t.markup.n_items, FP_MARKUP_MAX_ITEMS);
    fp_text_free(&t);
    free(html);

    /* A value is cut at FP_MARKUP_MAX_VALUE bytes, on a character. */
    size_t long_len = FP_MARKUP_MAX_VALUE + 50;
    html = malloc(long_len * 2 + 200);
    assert_non_null(html);
    at = html + sprintf(html, "<html><head><meta name=\"date\" content=\"1");
    for (size_t i = 0; i < long_len; i++)
        at += sprintf(at, "é");
    sprintf(at, "\"></head><body><p>x</p></body></html>");
    t = parse(html);
    assert_int_equal(t.markup.n_items, 1);
    size_t len = strlen(t.markup.items[0].value);
    assert_true(len <= FP_MARKUP_MAX_VALUE && len >= FP_MARKUP_MAX_VALUE - 1);
    assert_true(((unsigned char)t.markup.items[0].value[len - 1] & 0xC0) ==
                0x80);
    fp_text_free(&t);
    free(html);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(head_metadata),
        cmocka_unit_test(jsonld_scripts_whole),
        cmocka_unit_test(jsonld_is_bounded),
        cmocka_unit_test(time_abbr_and_microdata_elements),
        cmocka_unit_test(items_are_bounded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
