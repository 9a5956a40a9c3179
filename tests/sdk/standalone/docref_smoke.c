/* Runs the docref plugin against the installed fake host: what a plugin
 * author's test looks like with only the SDK.  argv[1]: the lexicon.
 * Then the installed SDK helpers: the lexicon reader matched against the
 * shared analysis the fake host's sources compute. */
#include "fake_host.h"

#include <factpipe/lexicon.h>

#include <stdio.h>
#include <string.h>

/* "quyết định" found at the words of the sample text, through the
 * installed lexicon.h and fp_analysis.c. */
static int helpers_work(const fp_fake_doc *doc, fp_fake_host *host)
{
    fp_lexicon lex;
    fp_lexicon_options opt = {.flags = FP_LEXICON_FOLD};
    static const char words[] = "# document types\nQuyết định\n";
    if (fp_lexicon_parse(&lex, "types", words, sizeof words - 1, &opt,
                         fp_fake_host_table(host)) != FP_OK)
        return 0;
    fp_text_analysis a;
    char why[256];
    int ok = fp_text_analysis_build(&a, &doc->doc, why, sizeof why) == 0 &&
             fp_lexicon_match(&lex, &a.view, 1, NULL) == 2;
    fp_text_analysis_free(&a);
    fp_lexicon_free(&lex);
    return ok;
}

const fp_plugin_desc *fp_plugin_docref_get_desc(void);

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: docref_smoke LEXICON\n");
        return 2;
    }
    char setting[4096];
    snprintf(setting, sizeof setting, "types=%s", argv[1]);
    const char *settings[] = {setting, NULL};
    fp_fake_host host;
    fp_fake_host_init(&host);
    fp_fake_plugin plugin;
    if (fp_fake_plugin_create(&plugin, fp_plugin_docref_get_desc(), &host,
                              settings) != FP_OK) {
        fprintf(stderr, "create failed: %s\n", host.last_error);
        return 1;
    }
    fp_fake_doc *doc = fp_fake_doc_new("theo Quyết định số 217-QĐ/TW ngày 5/3/2019");
    int rc = doc ? fp_fake_plugin_extract(&plugin, &host, doc) : FP_ERROR;
    int ok = rc == FP_OK && host.n_facts == 1 &&
             strcmp(host.facts[0].value, "217-QĐ/TW") == 0 &&
             host.facts[0].n_attrs == 2 &&
             strcmp(host.facts[0].attrs[1].value, "2019-03-05") == 0 &&
             helpers_work(doc, &host);
    printf("%s: %zu facts%s%s\n", ok ? "ok" : "FAILED", host.n_facts,
           host.n_facts ? ", first " : "",
           host.n_facts ? host.facts[0].value : "");
    fp_fake_doc_free(doc);
    fp_fake_plugin_destroy(&plugin);
    fp_fake_host_free(&host);
    return ok ? 0 : 1;
}
