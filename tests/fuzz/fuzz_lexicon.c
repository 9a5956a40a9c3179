/* <factpipe/lexicon.h> on fuzzed lexicon files: the first byte picks the
 * options (folding, values, empty allowed), the rest is the file.  Through
 * the fake host, whose error() receives the refusals.
 *
 * Checked beyond the sanitizers: a refusal says FILE:LINE or FILE and
 * leaves nothing behind; an accepted lexicon's every entry is found by
 * its key, keys are single-spaced valid UTF-8 no longer than the cap,
 * folded keys are their own folding, and each entry matches itself as
 * the words of a document (the analysis of its written phrase). */
#include "fuzz_target.h"

#include "fake_host.h"

#include <factpipe/lexicon.h>

#include <string.h>

static void check_entry(const fp_lexicon *lex, const fp_lexicon_entry *e)
{
    size_t len = strlen(e->key);
    fuzz_check(len > 0 && len <= FP_LEXICON_MAX_PHRASE, "key length within the cap");
    fuzz_check(fp_utf8_valid(e->key, len), "key is UTF-8");
    fuzz_check(e->key[0] != ' ' && e->key[len - 1] != ' ' && !strstr(e->key, "  "),
               "key single-spaced");
    fuzz_check(fp_lexicon_find(lex, e->key, len) == e, "entry found by its key");
    if (lex->flags & FP_LEXICON_FOLD) {
        char folded[FP_LEXICON_MAX_PHRASE + 1];
        fp_utf8_fold(e->key, len, folded);
        fuzz_check(strcmp(folded, e->key) == 0, "folded key is its own folding");
    }
    fuzz_check(!(lex->flags & FP_LEXICON_VALUES) || (e->value && e->value[0]),
               "a value in a VALUES lexicon");
    /* The written phrase as a document: the entry matches from its first
     * word, unless the analysis cuts its first or last word differently
     * from the text (a phrase that starts or ends inside a word). */
    fp_fake_doc *doc = fp_fake_doc_new(e->written);
    if (!doc || doc->doc.n_blocks != 1) {
        fp_fake_doc_free(doc);
        return;
    }
    fp_text_analysis a;
    char why[256];
    fuzz_check(fp_text_analysis_build(&a, &doc->doc, why, sizeof why) == 0, "analysis made");
    const fp_lexicon_entry *found = NULL;
    size_t n = fp_lexicon_match(lex, &a.view, 0, &found);
    fuzz_check(n <= a.view.n_words, "match within the words");
    if (n == a.view.n_words && n > 0)
        fuzz_check(found != NULL, "a match names its entry");
    fp_text_analysis_free(&a);
    fp_fake_doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    fp_lexicon_options opt = {.flags = data[0] & (FP_LEXICON_FOLD | FP_LEXICON_VALUES |
                                                  FP_LEXICON_ALLOW_EMPTY)};
    static const fp_lexicon_kind kinds[] = {{"prefix", 1}, {"day", 2}};
    if (data[0] & 0x8) {
        opt.kinds = kinds;
        opt.n_kinds = 2;
    }
    fp_fake_host host;
    fp_fake_host_init(&host);
    fp_lexicon lex;
    int rc = fp_lexicon_parse(&lex, "fuzz.txt", (const char *)data + 1, size - 1, &opt,
                              fp_fake_host_table(&host));
    if (rc != FP_OK) {
        fuzz_check(strncmp(host.last_error, "fuzz.txt", 8) == 0, "a refusal names the file");
        fuzz_check(lex.entries == NULL && lex.slots == NULL && lex.strings == NULL,
                   "a refusal leaves nothing behind");
    } else {
        for (size_t i = 0; i < lex.n_entries; i++)
            check_entry(&lex, &lex.entries[i]);
        fuzz_check(lex.n_entries > 0 || (opt.flags & FP_LEXICON_ALLOW_EMPTY),
                   "entries unless empty is allowed");
    }
    fp_lexicon_free(&lex);
    fp_fake_host_free(&host);
    return 0;
}
