/* The article's date in its URL: the record's own (a WARC target URI) or
 * the page's canonical / og:url link; never a file name. */
#include "pubdate_test_util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int setup(void **state)
{
    *state = pd_test_rules();
    return 0;
}

static int teardown(void **state)
{
    fp_zone_rules_free(*state);
    return 0;
}

static void expect_url(const char *url, const char *expected)
{
    pubdate_stamp when;
    bool found = pubdate_read_url(url, &when);
    char got[16] = "none";
    if (found)
        snprintf(got, sizeof got, "%04d-%02d-%02d", when.year, when.month,
                 when.day);
    if (strcmp(got, expected ? expected : "none") != 0)
        fail_msg("%s: got %s, expected %s", url, got,
                 expected ? expected : "none");
}

static void url_forms(void **state)
{
    (void)state;
    expect_url("http://fouryears.eu/2019/10/21/interning-of-small-integers/",
               "2019-10-21");
    expect_url("https://example.org/blog/2012/12/24", "2012-12-24");
    expect_url("https://example.org/2012/1/4/post.html", "2012-01-04");
    expect_url("https://www.thelocal.se/20200428/meet-the-swede/",
               "2020-04-28");
    expect_url("https://journal.example.org/posts/2019-12-22-firefox/",
               "2019-12-22");
    expect_url("/2016/04/02/minions/", "2016-04-02");
    /* Not whole segments: "3-fragen" is a slug that starts with 3. */
    expect_url("http://blog.example.de/2023/10/3-fragen-an-tina/", NULL);
    expect_url("https://example.org/2023/10/", NULL);
    expect_url("https://example.org/news/76785", NULL);
    expect_url("https://example.org/item/20201340/", NULL); /* month 13 */
    expect_url("https://example.org/2019/02/30/x/", NULL);  /* no 30 Feb */
    /* The host and the query are not the path. */
    expect_url("https://2019-10-21.example.org/x", NULL);
    expect_url("https://example.org/search?from=2019-10-21", NULL);
    expect_url("https://example.org/id/120191021999/", NULL);
    expect_url("", NULL);
}

static const char plain_page[] =
    "Council approves the new harbour plan\n"
    "The city council approved the new harbour plan on Tuesday, after a "
    "debate that lasted most of the evening.\n";

static void record_url_is_evidence(void **state)
{
    pd_expect(*state, plain_page, 0,
              "https://news.example.org/2019/10/21/harbour-plan/",
              "2019-10-21", PD_EV_URL);
    /* A file's name is no URL, whatever it looks like. */
    pd_expect(*state, plain_page, 0, "/data/2019/10/21/harbour.txt", NULL,
              PD_EV_URL);
    pd_expect(*state, plain_page, 0, "archive.tar!2019/10/21/harbour.txt",
              NULL, PD_EV_URL);
}

static void canonical_and_og_url(void **state)
{
    char *page = pd_test_html(
        "<link rel=\"canonical\" href=\"https://example.org/2016/04/02/plan/\">",
        "");
    pd_expect(*state, page, 1, "/tmp/any-name.html", "2016-04-02", PD_EV_URL);
    free(page);
    page = pd_test_html(
        "<meta property=\"og:url\" content=\"https://example.org/2016/04/03/p\">",
        "");
    pd_expect(*state, page, 1, NULL, "2016-04-03", PD_EV_URL);
    free(page);
    /* The record's URL comes first. */
    page = pd_test_html(
        "<link rel=\"canonical\" href=\"https://example.org/2016/04/02/plan/\">",
        "");
    pd_expect(*state, page, 1, "https://example.org/2016/04/05/plan/",
              "2016-04-05", PD_EV_URL);
    free(page);
}

static void url_day_wins_over_a_utc_stamp_a_day_off(void **state)
{
    /* 23:11 UTC on New Year's Eve was already 1 January where the blog
     * is, as its URL says: the stamp counts for that day. */
    char *page = pd_test_html(
        "<link rel=\"canonical\" href=\"https://example.org/2019/01/01/new/\">"
        "<meta property=\"article:published_time\" "
        "content=\"2018-12-31T23:11:59+00:00\">",
        "");
    pd_expect(*state, page, 1, NULL, "2019-01-01", PD_EV_META);
    free(page);
    /* A stamp with its own zone is local already: it wins. */
    page = pd_test_html(
        "<link rel=\"canonical\" href=\"https://example.org/2020/02/18/x/\">"
        "<meta property=\"article:published_time\" "
        "content=\"2020-02-19T18:37:32+01:00\">"
        "<meta name=\"DC.date.issued\" content=\"2020-02-19\">",
        "");
    pd_expect(*state, page, 1, NULL, "2020-02-19", PD_EV_META);
    free(page);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(url_forms),
        cmocka_unit_test(record_url_is_evidence),
        cmocka_unit_test(canonical_and_og_url),
        cmocka_unit_test(url_day_wins_over_a_utc_stamp_a_day_off),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
