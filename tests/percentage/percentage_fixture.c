#include "percentage_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

int run_percentage(fp_fake_host *host, const char *const *settings,
                   const char *text)
{
    fp_fake_host_init(host);
    fp_fake_plugin plugin;
    if (fp_fake_plugin_create(&plugin, fp_plugin_percentage_get_desc(), host,
                              settings) != FP_OK)
        fail_msg("create failed: %s", host->last_error);
    fp_fake_doc *doc = fp_fake_doc_new(text);
    assert_non_null(doc);
    int rc = fp_fake_plugin_extract(&plugin, host, doc);
    fp_fake_doc_free(doc);
    fp_fake_plugin_destroy(&plugin);
    return rc;
}

static void check_case(const percentage_case *c, const char *const *settings)
{
    fp_fake_host host;
    int rc = run_percentage(&host, settings, c->text);
    if (rc != FP_OK)
        fail_msg("\"%s\": extract failed: %s", c->text, host.last_error);
    if (host.n_rejected != 0)
        fail_msg("\"%s\": host refused a fact: %s", c->text,
                 host.last_rejection);
    if (host.n_facts != c->n_facts)
        fail_msg("\"%s\": %zu facts, expected %zu%s%s", c->text,
                 host.n_facts, c->n_facts, host.n_facts ? "; first: " : "",
                 host.n_facts ? host.facts[0].value : "");
    for (size_t i = 0; i < c->n_facts; i++) {
        const fp_fake_fact *got = &host.facts[i];
        if (strcmp(got->value, c->facts[i].value) != 0 ||
            strcmp(got->surface, c->facts[i].surface) != 0)
            fail_msg("\"%s\": fact %zu is %s \"%s\", expected %s \"%s\"",
                     c->text, i, got->value, got->surface,
                     c->facts[i].value, c->facts[i].surface);
        if (got->kind != NULL)
            fail_msg("\"%s\": kind should be left to the descriptor",
                     c->text);
    }
    fp_fake_host_free(&host);
}

void check_cases(const percentage_case *cases, size_t n_cases,
                 const char *const *settings)
{
    for (size_t i = 0; i < n_cases; i++)
        check_case(&cases[i], settings);
}
