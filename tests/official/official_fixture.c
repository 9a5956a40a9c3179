#include "official_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

static const char *const lexicon_files[][2] = {
    {"title-heads", "official-title-heads.txt"},
    {"title-stops", "official-title-stops.txt"},
    {"org-ends", "official-org-ends.txt"},
    {"org-starts", "official-org-starts.txt"},
    {"honorifics", "official-honorifics.txt"},
    {"context-words", "official-context-words.txt"},
    {"surnames", "official-surnames.txt"},
    {"name-syllables", "official-name-syllables.txt"},
    {"place-words", "official-place-words.txt"},
    {"admin-units", "official-admin-units.txt"},
    {"countries", "official-countries.txt"},
    {"historical-figures", "official-historical-figures.txt"},
    {"private-cues", "official-private-cues.txt"},
    {"provinces", "official-provinces.txt"},
    {"foreign-surnames", "official-foreign-surnames.txt"},
    {"christian-names", "official-christian-names.txt"},
};
enum { N_LEXICONS = sizeof lexicon_files / sizeof lexicon_files[0] };

const char *const *official_settings(const char *override)
{
    static char storage[N_LEXICONS][512];
    static const char *settings[N_LEXICONS + 1];
    for (size_t i = 0; i < N_LEXICONS; i++) {
        size_t name_len = strlen(lexicon_files[i][0]);
        if (override != NULL &&
            strncmp(override, lexicon_files[i][0], name_len) == 0 &&
            override[name_len] == '=')
            snprintf(storage[i], sizeof storage[i], "%s", override);
        else
            snprintf(storage[i], sizeof storage[i],
                     "%s=%s/config/lexicons/%s", lexicon_files[i][0],
                     FP_TEST_SOURCE_DIR, lexicon_files[i][1]);
        settings[i] = storage[i];
    }
    settings[N_LEXICONS] = NULL;
    return settings;
}

int run_official_doc(fp_fake_host *host, const char *const *settings,
                     const fp_fake_doc *doc)
{
    fp_fake_host_init(host);
    fp_fake_plugin plugin;
    if (fp_fake_plugin_create(&plugin, fp_plugin_official_get_desc(), host,
                              settings ? settings : official_settings(NULL))
        != FP_OK)
        fail_msg("create failed: %s", host->last_error);
    int rc = fp_fake_plugin_extract(&plugin, host, doc);
    fp_fake_plugin_destroy(&plugin);
    return rc;
}

static void check_titles(const official_case *c, const fp_fake_fact *got,
                         const expected_official *want)
{
    size_t n_titles = 0;
    while (n_titles < MAX_EXPECTED_TITLES && want->titles[n_titles] != NULL)
        n_titles++;
    if (got->n_children != n_titles)
        fail_msg("\"%s\": %s has %zu titles (first: %s), expected %zu",
                 c->text, got->value, got->n_children,
                 got->n_children ? got->children[0].value : "none",
                 n_titles);
    for (size_t k = 0; k < n_titles; k++) {
        if (strcmp(got->children[k].name, "title") != 0 ||
            strcmp(got->children[k].value, want->titles[k]) != 0)
            fail_msg("\"%s\": %s title %zu is <%s>%s, expected %s", c->text,
                     got->value, k, got->children[k].name,
                     got->children[k].value, want->titles[k]);
    }
}

static void check_case(const official_case *c)
{
    fp_fake_doc *doc = fp_fake_doc_new(c->text);
    assert_non_null(doc);
    fp_fake_host host;
    int rc = run_official_doc(&host, NULL, doc);
    fp_fake_doc_free(doc);
    if (rc != FP_OK)
        fail_msg("\"%s\": extract failed: %s", c->text, host.last_error);
    if (host.n_rejected != 0)
        fail_msg("\"%s\": host refused a fact: %s", c->text,
                 host.last_rejection);
    if (host.n_facts != c->n_officials)
        fail_msg("\"%s\": %zu officials, expected %zu%s%s", c->text,
                 host.n_facts, c->n_officials,
                 host.n_facts ? "; first: " : "",
                 host.n_facts ? host.facts[0].value : "");
    for (size_t i = 0; i < c->n_officials; i++) {
        const fp_fake_fact *got = &host.facts[i];
        const expected_official *want = &c->officials[i];
        if (strcmp(got->value, want->name) != 0 ||
            strcmp(got->surface, want->name) != 0)
            fail_msg("\"%s\": official %zu is %s at \"%s\", expected %s",
                     c->text, i, got->value, got->surface, want->name);
        if (got->kind != NULL)
            fail_msg("\"%s\": kind should be left to the descriptor",
                     c->text);
        check_titles(c, got, want);
    }
    fp_fake_host_free(&host);
}

void check_official_cases(const official_case *cases, size_t n_cases)
{
    for (size_t i = 0; i < n_cases; i++)
        check_case(&cases[i]);
}
