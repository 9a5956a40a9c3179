/* Helpers shared by the article-date tests: a page (HTML or text) through
 * the html stage and zoning, and what the finder made of it. */
#ifndef PUBDATE_TEST_UTIL_H
#define PUBDATE_TEST_UTIL_H

#include "html/fp_html.h"
#include "zone/fp_pubdate.h"

/* config/zones.conf as shipped; fails the test if it does not load. */
fp_zone_rules *pd_test_rules(void);

/* The outcome for one page: meta->date as zoning set it (NULL: none), and
 * the finder's result (the winner's evidence, every candidate). */
typedef struct pd_outcome {
    char *date;
    pubdate_result result;
} pd_outcome;

/* Zone page (HTML when html, else plain text) named source (a URL or
 * NULL) and find its date; dates after 2099-12-31 would be refused. */
void pd_test_page(const fp_zone_rules *rules, const char *page, int html,
                  const char *source, pd_outcome *out);
void pd_outcome_free(pd_outcome *out);

/* The page's date must be expected (NULL: none), won by evidence
 * (ignored when expected is NULL); fails with the candidates listed. */
void pd_expect(const fp_zone_rules *rules, const char *page, int html,
               const char *source, const char *expected,
               pubdate_evidence evidence);

/* An HTML page: <head> extras, then a body with a menu, the headline
 * (an <h1> that <title> repeats), the given middle, and two paragraphs. */
char *pd_test_html(const char *head, const char *middle);

#endif
