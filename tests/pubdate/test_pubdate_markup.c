/* The article's date from markup: <meta> conventions, microdata, <time>
 * and <abbr>, and which of them wins when they disagree. */
#include "pubdate_test_util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdlib.h>

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

static void expect_html(void **state, const char *head, const char *middle,
                        const char *expected, pubdate_evidence evidence)
{
    char *page = pd_test_html(head, middle);
    pd_expect(*state, page, 1, NULL, expected, evidence);
    free(page);
}

static void meta_conventions(void **state)
{
    expect_html(state,
                "<meta property=\"article:published_time\" "
                "content=\"2019-10-21T08:00:00+02:00\">",
                "", "2019-10-21", PD_EV_META);
    expect_html(state,
                "<meta property=\"og:published_time\" content=\"2019-10-21\">",
                "", "2019-10-21", PD_EV_META);
    /* Dublin Core, any case, ':' or '.' as the separator. */
    expect_html(state,
                "<meta name=\"DC.Date.Issued\" content=\"2018-06-21\">", "",
                "2018-06-21", PD_EV_META);
    expect_html(state,
                "<meta name=\"dcterms:created\" content=\"2018-06-21\">", "",
                "2018-06-21", PD_EV_META);
    expect_html(state, "<meta name=\"pubdate\" content=\"20180621\">", "",
                "2018-06-21", PD_EV_META);
    expect_html(state,
                "<meta name=\"publishdate\" content=\"2023/11/02 20:59:53\">",
                "", "2023-11-02", PD_EV_META);
    /* Programs write 11/01/2023 month first. */
    expect_html(state, "<meta name=\"date\" content=\"11/01/2023 12:43:42\">",
                "", "2023-11-01", PD_EV_META);
    expect_html(state,
                "<meta itemprop=\"datePublished\" "
                "content=\"2023-11-02T19:20:45+07:00\" name=\"pubdate\">",
                "", "2023-11-02", PD_EV_META);
    /* A key that is no date's, even holding one, is not evidence. */
    expect_html(state,
                "<meta name=\"description\" content=\"Plan of 2019-10-21\">",
                "", NULL, PD_EV_META);
}

static void publication_beats_modification(void **state)
{
    expect_html(state,
                "<meta property=\"article:modified_time\" "
                "content=\"2020-09-11T08:27:49+00:00\">"
                "<meta property=\"article:published_time\" "
                "content=\"2020-04-12T15:45:01+00:00\">"
                "<meta property=\"og:updated_time\" "
                "content=\"2020-09-11T08:27:49+00:00\">",
                "", "2020-04-12", PD_EV_META);
    /* A modification date alone is still the page's date. */
    expect_html(state,
                "<meta property=\"og:updated_time\" "
                "content=\"2017-04-05T19:05:44Z\">",
                "", "2017-04-05", PD_EV_META);
    expect_html(state,
                "<meta http-equiv=\"last-modified\" "
                "content=\"Tue, 21 Oct 2019 10:00:00 GMT\">",
                "", "2019-10-21", PD_EV_META);
    /* A generic "date" yields to a stated publication. */
    expect_html(state,
                "<meta name=\"date\" content=\"2020-04-30\">"
                "<meta name=\"DC.date.issued\" content=\"2020-04-29\">",
                "", "2020-04-29", PD_EV_META);
}

static void microdata(void **state)
{
    expect_html(state, "",
                "<p class=\"byline\">By Anna Berg, <span "
                "itemprop=\"datePublished\" content=\"2019-12-11\">"
                "yesterday</span></p>",
                "2019-12-11", PD_EV_MICRODATA);
    /* The date in the element's text when it has no attribute. */
    expect_html(state, "",
                "<div itemprop=\"datePublished\">May 19, 2020</div>",
                "2020-05-19", PD_EV_MICRODATA);
    /* An event's startDate is not the article's date. */
    expect_html(state, "",
                "<span itemprop=\"startDate\" content=\"2031-01-01\">"
                "</span>",
                NULL, PD_EV_MICRODATA);
}

static void time_and_abbr(void **state)
{
    expect_html(state, "",
                "<p><time datetime=\"2011-07-11T15:10:31+00:00\" pubdate>"
                "July 11</time></p>",
                "2011-07-11", PD_EV_TIME);
    expect_html(state, "",
                "<p>Posted <time class=\"updated\" "
                "datetime=\"2020-01-14T09:14:33+01:00\">Jan 14</time> "
                "<time class=\"entry-date published\" "
                "datetime=\"2019-06-28T11:32:59+02:00\">June 28</time></p>",
                "2019-06-28", PD_EV_TIME);
    expect_html(state, "",
                "<p><abbr class=\"published\" "
                "title=\"2008-03-23T19:05:00+01:00\">23 Mar</abbr></p>",
                "2008-03-23", PD_EV_TIME);
    /* A bare <time> by the headline. */
    expect_html(state, "",
                "<p>By Anna Berg <time datetime=\"2019-10-21\">last Monday"
                "</time></p>",
                "2019-10-21", PD_EV_TIME);
}

static void comment_dates_are_refused(void **state)
{
    /* The only dates are those of comments (a "commentlist" of
     * "comment"s): no date is better than theirs. */
    char middle[] =
        "<ol class=\"commentlist\"><li class=\"comment\"><p>Great plan!</p>"
        "<time datetime=\"2020-02-15T15:29:00\" pubdate>Feb 15</time>"
        "<span itemprop=\"datePublished\" content=\"2020-02-15\"></span>"
        "</li></ol>";
    char *page = pd_test_html("", middle);
    pd_expect(*state, page, 1, NULL, NULL, PD_EV_TIME);
    free(page);
}

static void utc_stamp_takes_the_local_day(void **state)
{
    /* 06:35 UTC is 22:35 the evening before where the site is: the
     * site's own local stamp of the same moment says which day it was. */
    expect_html(state,
                "<meta name=\"sailthru.date\" content=\"2023-11-08 22:35:29\">"
                "<meta property=\"article:published_time\" "
                "content=\"2023-11-09T06:35:29+00:00\">",
                "", "2023-11-08", PD_EV_META);
    /* Without such a witness the UTC day stands. */
    expect_html(state,
                "<meta property=\"article:published_time\" "
                "content=\"2023-11-09T06:35:29+00:00\">",
                "", "2023-11-09", PD_EV_META);
}

static void future_and_ancient_dates_are_refused(void **state)
{
    expect_html(state,
                "<meta property=\"article:published_time\" "
                "content=\"2199-01-01\">",
                "", NULL, PD_EV_META);
    expect_html(state,
                "<meta property=\"article:published_time\" "
                "content=\"1970-01-01T00:00:00Z\">",
                "", NULL, PD_EV_META);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(meta_conventions),
        cmocka_unit_test(publication_beats_modification),
        cmocka_unit_test(microdata),
        cmocka_unit_test(time_and_abbr),
        cmocka_unit_test(comment_dates_are_refused),
        cmocka_unit_test(utc_stamp_takes_the_local_day),
        cmocka_unit_test(future_and_ancient_dates_are_refused),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
