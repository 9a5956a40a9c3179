#include "date_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#define LEXICONS FP_TEST_SOURCE_DIR "/config/lexicons/"

void date_settings(const char **settings, const char *const *extra)
{
    static const char *const lexicons[] = {
        "words=" LEXICONS "date-words.txt",
        "months=" LEXICONS "date-months.txt",
        "weekdays=" LEXICONS "date-weekdays.txt",
        "relative-words=" LEXICONS "date-relative.txt",
    };
    size_t n = 0;
    for (size_t i = 0; i < sizeof lexicons / sizeof *lexicons; i++)
        settings[n++] = lexicons[i];
    for (size_t i = 0; extra != NULL && extra[i] != NULL; i++) {
        if (n + 1 >= MAX_SETTINGS)
            fail_msg("too many settings for the fixture");
        settings[n++] = extra[i];
    }
    settings[n] = NULL;
}

int run_date(fp_fake_host *host, const char *const *extra, const char *text,
             const char *article)
{
    const char *settings[MAX_SETTINGS];
    date_settings(settings, extra);
    fp_fake_host_init(host);
    fp_fake_plugin plugin;
    if (fp_fake_plugin_create(&plugin, fp_plugin_date_get_desc(), host,
                              settings) != FP_OK)
        fail_msg("create failed: %s", host->last_error);
    fp_fake_doc *doc = fp_fake_doc_new(text);
    assert_non_null(doc);
    if (article != NULL)
        assert_int_equal(fp_fake_doc_set_meta(doc, NULL, article, NULL),
                         FP_OK);
    int rc = fp_fake_plugin_extract(&plugin, host, doc);
    fp_fake_doc_free(doc);
    fp_fake_plugin_destroy(&plugin);
    return rc;
}

/* All values emitted, for a readable failure message. */
static void list_values(const fp_fake_host *host, char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < host->n_facts && used < size; i++)
        used += (size_t)snprintf(out + used, size - used, " %s \"%s\";",
                                 host->facts[i].value,
                                 host->facts[i].surface);
}

static void check_case(const date_case *c, const char *const *extra)
{
    fp_fake_host host;
    int rc = run_date(&host, extra, c->text, c->article);
    if (rc != FP_OK)
        fail_msg("\"%s\": extract failed: %s", c->text, host.last_error);
    if (host.n_rejected != 0)
        fail_msg("\"%s\": host refused a fact: %s", c->text,
                 host.last_rejection);
    char got[1024];
    list_values(&host, got, sizeof got);
    if (host.n_facts != c->n_facts)
        fail_msg("\"%s\" (article %s): %zu facts, expected %zu; got:%s",
                 c->text, c->article ? c->article : "none", host.n_facts,
                 c->n_facts, got);
    for (size_t i = 0; i < c->n_facts; i++) {
        const fp_fake_fact *f = &host.facts[i];
        if (strcmp(f->value, c->facts[i].value) != 0 ||
            strcmp(f->surface, c->facts[i].surface) != 0)
            fail_msg("\"%s\" (article %s): fact %zu is %s \"%s\", expected "
                     "%s \"%s\"", c->text, c->article ? c->article : "none",
                     i, f->value, f->surface, c->facts[i].value,
                     c->facts[i].surface);
        if (f->kind != NULL)
            fail_msg("\"%s\": kind should be left to the descriptor",
                     c->text);
    }
    fp_fake_host_free(&host);
}

void check_date_cases(const date_case *cases, size_t n_cases,
                      const char *const *extra)
{
    for (size_t i = 0; i < n_cases; i++)
        check_case(&cases[i], extra);
}
