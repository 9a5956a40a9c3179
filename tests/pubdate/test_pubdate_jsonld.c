/* JSON-LD: the one-pass scanner (objects, @type, nesting, malformed text,
 * bounds) and JSON-LD as evidence on a page. */
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

/* What the scanner reported, as "key=value/rank;" in order. */
typedef struct reported {
    char text[4096];
    size_t n;
} reported;

static void collect(void *user, const char *key, size_t key_len,
                    const char *value, size_t value_len, int type_rank)
{
    reported *r = user;
    size_t used = strlen(r->text);
    snprintf(r->text + used, sizeof r->text - used, "%.*s=%.*s/%d;",
             (int)key_len, key, (int)value_len, value, type_rank);
    r->n++;
}

static void scan(void **state, const char *json, const char *expected)
{
    const fp_zone_rules *rules = *state;
    reported r = {{0}, 0};
    pubdate_scan_jsonld(rules->pubdate, json, strlen(json), collect, &r);
    if (strcmp(r.text, expected) != 0)
        fail_msg("scanning %s: got \"%s\", expected \"%s\"", json, r.text,
                 expected);
}

static void types_decide_rank(void **state)
{
    scan(state,
         "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
         "\"datePublished\":\"2019-10-21T08:00:00Z\","
         "\"dateModified\":\"2019-10-22\"}",
         "datePublished=2019-10-21T08:00:00Z/1;dateModified=2019-10-22/1;");
    /* @type after the dates, as an array, as a URL. */
    scan(state,
         "{\"datePublished\":\"2019-10-21\",\"@type\":[\"WebPage\","
         "\"BlogPosting\"]}",
         "datePublished=2019-10-21/1;");
    scan(state,
         "{\"@type\":\"http://schema.org/Article\",\"dateCreated\":\"2019\"}",
         "dateCreated=2019/1;");
    scan(state, "{\"@type\":\"WebPage\",\"datePublished\":\"2019-10-21\"}",
         "datePublished=2019-10-21/0;");
    scan(state, "{\"@type\":\"Comment\",\"datePublished\":\"2019-10-21\"}",
         "datePublished=2019-10-21/-1;");
}

static void nested_objects_keep_their_own_dates(void **state)
{
    /* @graph: each object reports when it closes, with its own type; the
     * author (a Person) and its dates do not lend the article theirs. */
    scan(state,
         "{\"@graph\":[{\"@type\":\"WebPage\",\"datePublished\":\"2019-01-02\""
         ",\"breadcrumb\":{\"@id\":\"#b\"}},{\"@type\":\"Article\","
         "\"author\":{\"@type\":\"Person\",\"name\":\"A \\\"B\\\" C\"},"
         "\"datePublished\":\"2019-01-03\",\"video\":{\"@type\":"
         "\"VideoObject\",\"uploadDate\":\"2018\",\"dateCreated\":"
         "\"2018-05-05\"}}]}",
         "datePublished=2019-01-02/0;dateCreated=2018-05-05/0;"
         "datePublished=2019-01-03/1;");
    /* Two scripts one after the other. */
    scan(state,
         "{\"@type\":\"Article\",\"datePublished\":\"2019-01-03\"}\n"
         "[{\"@type\":\"Comment\",\"dateCreated\":\"2019-01-09\"}]\n",
         "datePublished=2019-01-03/1;dateCreated=2019-01-09/-1;");
}

static void malformed_json_only_loses_dates(void **state)
{
    scan(state, "}}]] {\"datePublished\":\"2019-01-03\"}",
         "datePublished=2019-01-03/0;");
    scan(state, "{\"@type\":\"Article\",\"datePublished\":\"2019-01-03\"", "");
    scan(state, "{\"datePublished\":\"2019-01-03", "");
    scan(state, "\"datePublished\":\"2019-01-03\"", "");
    scan(state, "{\"key\\\"\":\"x\",\"datePublished\":\"2019-01-03\"}",
         "datePublished=2019-01-03/0;");
    scan(state, "", "");
}

static void nesting_and_dates_are_bounded(void **state)
{
    /* Deeper than PD_JSON_MAX_DEPTH: read, not reported; what follows at
     * a tracked depth still is. */
    size_t depth = PD_JSON_MAX_DEPTH + 8;
    char *json = malloc(depth * 40 + 200);
    assert_non_null(json);
    char *at = json + sprintf(json, "[");
    for (size_t i = 0; i < depth; i++)
        at += sprintf(at, "{\"datePublished\":\"2019-01-01\",\"a\":");
    at += sprintf(at, "1");
    for (size_t i = 0; i < depth; i++)
        at += sprintf(at, "}");
    sprintf(at, ",{\"datePublished\":\"2019-02-02\"}]");
    const fp_zone_rules *rules = *state;
    reported r = {{0}, 0};
    pubdate_scan_jsonld(rules->pubdate, json, strlen(json), collect, &r);
    assert_int_equal(r.n, PD_JSON_MAX_DEPTH - 1 + 1);
    assert_non_null(strstr(r.text, "2019-02-02"));
    free(json);

    /* At most PD_JSON_MAX_DATES wait in one object. */
    json = malloc((PD_JSON_MAX_DATES + 10) * 40 + 100);
    assert_non_null(json);
    at = json + sprintf(json, "{");
    for (int i = 0; i < PD_JSON_MAX_DATES + 10; i++)
        at += sprintf(at, "\"dateCreated\":\"2019-01-%02d\",", i % 28 + 1);
    sprintf(at, "\"x\":1}");
    r.text[0] = '\0';
    r.n = 0;
    pubdate_scan_jsonld(rules->pubdate, json, strlen(json), collect, &r);
    assert_int_equal(r.n, PD_JSON_MAX_DATES);
    free(json);
}

static void jsonld_on_a_page(void **state)
{
    char *page = pd_test_html(
        "<script type=\"application/ld+json\">{\"@context\":"
        "\"https://schema.org\",\"@graph\":[{\"@type\":\"WebPage\","
        "\"datePublished\":\"2019-10-15T16:59:59.000Z\"},{\"@type\":"
        "\"NewsArticle\",\"datePublished\":\"2019-10-19T03:00:00+02:00\","
        "\"dateModified\":\"2019-10-21\"}]}</script>",
        "");
    pd_expect(*state, page, 1, NULL, "2019-10-19", PD_EV_JSONLD);
    free(page);
    /* Other script types are not read. */
    page = pd_test_html("<script type=\"application/json\">{\"@type\":"
                        "\"Article\",\"datePublished\":\"2019-10-19\"}"
                        "</script>",
                        "");
    pd_expect(*state, page, 1, NULL, NULL, PD_EV_JSONLD);
    free(page);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(types_decide_rank),
        cmocka_unit_test(nested_objects_keep_their_own_dates),
        cmocka_unit_test(malformed_json_only_loses_dates),
        cmocka_unit_test(nesting_and_dates_are_bounded),
        cmocka_unit_test(jsonld_on_a_page),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
