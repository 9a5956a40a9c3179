#include "count_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#define N_OF(array) (sizeof(array) / sizeof *(array))

/* Option name and the file of config/lexicons/ it reads by default. */
static const char *const lexicon_options[][2] = {
    {"nouns", "count-nouns.txt"},
    {"time-units", "count-time-units.txt"},
    {"currencies", "count-currencies.txt"},
    {"measures", "count-measures.txt"},
    {"multipliers", "count-multipliers.txt"},
    {"stopwords", "count-stopwords.txt"},
    {"names-before", "count-names-before.txt"},
    {"names-after", "count-names-after.txt"},
    {"year-before", "count-year-before.txt"},
    {"factors", "count-factors.txt"},
    {"comparisons", "count-comparisons.txt"},
};

const char *count_lexicon_path(const char *file)
{
    static char path[1024];
    snprintf(path, sizeof path, "%s/config/lexicons/%s", FP_TEST_SOURCE_DIR,
             file);
    return path;
}

const char *const *count_settings(const char *const *extra)
{
    static char storage[N_OF(lexicon_options)][1100];
    static const char *settings[MAX_FIXTURE_SETTINGS + 1];
    size_t n = 0;
    for (size_t i = 0; i < N_OF(lexicon_options); i++) {
        snprintf(storage[i], sizeof storage[i], "%s=%s",
                 lexicon_options[i][0],
                 count_lexicon_path(lexicon_options[i][1]));
        settings[n++] = storage[i];
    }
    for (size_t i = 0; extra != NULL && extra[i] != NULL; i++) {
        if (n == MAX_FIXTURE_SETTINGS)
            fail_msg("more than %d settings", MAX_FIXTURE_SETTINGS);
        settings[n++] = extra[i];
    }
    settings[n] = NULL;
    return settings;
}

int run_count(fp_fake_host *host, const char *const *extra, const char *text)
{
    fp_fake_host_init(host);
    fp_fake_plugin plugin;
    if (fp_fake_plugin_create(&plugin, fp_plugin_count_get_desc(), host,
                              count_settings(extra)) != FP_OK)
        fail_msg("create failed: %s", host->last_error);
    fp_fake_doc *doc = fp_fake_doc_new(text);
    assert_non_null(doc);
    int rc = fp_fake_plugin_extract(&plugin, host, doc);
    fp_fake_doc_free(doc);
    fp_fake_plugin_destroy(&plugin);
    return rc;
}

static const char *unit_of(const fp_fake_fact *fact)
{
    for (size_t i = 0; i < fact->n_attrs; i++)
        if (strcmp(fact->attrs[i].name, "unit") == 0)
            return fact->attrs[i].value;
    return NULL;
}

static void check_case(const count_case *c, const char *const *extra)
{
    fp_fake_host host;
    int rc = run_count(&host, extra, c->text);
    if (rc != FP_OK)
        fail_msg("\"%s\": extract failed: %s", c->text, host.last_error);
    if (host.n_rejected != 0)
        fail_msg("\"%s\": host refused a fact: %s", c->text,
                 host.last_rejection);
    if (host.n_facts != c->n_facts)
        fail_msg("\"%s\": %zu counts, expected %zu%s%s", c->text,
                 host.n_facts, c->n_facts, host.n_facts ? "; first: " : "",
                 host.n_facts ? host.facts[0].surface : "");
    for (size_t i = 0; i < c->n_facts; i++) {
        const fp_fake_fact *got = &host.facts[i];
        const char *unit = unit_of(got);
        if (strcmp(got->value, c->facts[i].value) != 0 || unit == NULL ||
            strcmp(unit, c->facts[i].unit) != 0 ||
            strcmp(got->surface, c->facts[i].surface) != 0)
            fail_msg("\"%s\": count %zu is %s unit \"%s\" over \"%s\", "
                     "expected %s unit \"%s\" over \"%s\"", c->text, i,
                     got->value, unit ? unit : "(none)", got->surface,
                     c->facts[i].value, c->facts[i].unit,
                     c->facts[i].surface);
        if (got->kind != NULL)
            fail_msg("\"%s\": kind should be left to the descriptor",
                     c->text);
    }
    fp_fake_host_free(&host);
}

void check_count_cases(const count_case *cases, size_t n_cases,
                       const char *const *extra)
{
    for (size_t i = 0; i < n_cases; i++)
        check_case(&cases[i], extra);
}
