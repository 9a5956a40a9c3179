#include "pubdate_test_util.h"
#include "../zone/zone_test_util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

fp_zone_rules *pd_test_rules(void)
{
    fp_error err = {{0}};
    fp_zone_rules *rules =
        fp_zone_rules_load(FP_TEST_SOURCE_DIR "/config/zones.conf", &err);
    if (!rules)
        fail_msg("loading zones.conf: %s", err.message);
    return rules;
}

void pd_test_page(const fp_zone_rules *rules, const char *page, int html,
                  const char *source, pd_outcome *out)
{
    memset(out, 0, sizeof *out);
    fp_text t;
    zone_test_make_text(page, strlen(page), html, &t);
    fp_meta meta;
    fp_error err = {{0}};
    if (fp_zone_document_from(rules, &t, source, &meta, &err) != 0)
        fail_msg("zoning: %s", err.message);
    out->date = meta.date ? strdup(meta.date) : NULL;
    zone_matcher m;
    assert_int_equal(zone_matcher_init(&m, rules, &err), 0);
    pubdate_find(&m, &t, source, 20991231, &out->result);
    zone_matcher_free(&m);
    fp_meta_free(&meta);
    fp_text_free(&t);
}

void pd_outcome_free(pd_outcome *out)
{
    free(out->date);
    out->date = NULL;
}

static void list_candidates(const pd_outcome *out, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < out->result.n_candidates && used < size; i++) {
        const pubdate_candidate *c = &out->result.candidates[i];
        int n = snprintf(buf + used, size - used, " [%s %04d-%02d-%02d %d]",
                         pubdate_evidence_name(c->evidence), c->when.year,
                         c->when.month, c->when.day, c->score);
        if (n < 0)
            break;
        used += (size_t)n;
    }
}

void pd_expect(const fp_zone_rules *rules, const char *page, int html,
               const char *source, const char *expected,
               pubdate_evidence evidence)
{
    pd_outcome out;
    pd_test_page(rules, page, html, source, &out);
    char candidates[2048];
    list_candidates(&out, candidates, sizeof candidates);
    if (!expected) {
        if (out.date)
            fail_msg("expected no date, got %s; candidates:%s", out.date,
                     candidates);
    } else if (!out.date || strcmp(out.date, expected) != 0) {
        fail_msg("expected %s, got %s; candidates:%s", expected,
                 out.date ? out.date : "none", candidates);
    } else if (out.result.evidence != evidence) {
        fail_msg("%s won by %s evidence, expected %s; candidates:%s",
                 expected, pubdate_evidence_name(out.result.evidence),
                 pubdate_evidence_name(evidence), candidates);
    }
    pd_outcome_free(&out);
}

char *pd_test_html(const char *head, const char *middle)
{
    static const char tmpl[] =
        "<!DOCTYPE html><html lang=\"%s\"><head><meta charset=\"utf-8\">"
        "<title>Council approves the new harbour plan | Example Times"
        "</title>%s</head><body>"
        "<ul class=\"menu\"><li><a href=\"/\">Home</a></li>"
        "<li><a href=\"/news\">News</a></li></ul>"
        "<div class=\"article\"><h1>Council approves the new harbour plan</h1>"
        "%s"
        "<p>The city council approved the new harbour plan on Tuesday, "
        "after a debate that lasted most of the evening and drew a large "
        "crowd of residents to the town hall.</p>"
        "<p>Work on the first quay is to start next spring, the mayor said, "
        "and the whole plan should be finished within six years, at a cost "
        "the council put at forty million.</p></div>"
        "<div class=\"footer\"><p>Example Times, 1 Harbour Road</p></div>"
        "</body></html>";
    const char *lang = "en";
    size_t size = sizeof tmpl + strlen(head) + strlen(middle) + 16;
    char *page = malloc(size);
    assert_non_null(page);
    snprintf(page, size, tmpl, lang, head, middle);
    return page;
}
