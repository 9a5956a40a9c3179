/* An ABI 1.1 plugin that reads the shared text analysis: a fact per
 * number word, value the number as the analysis read it, attributes the
 * sentence it is in and how many words that sentence has.  It asks twice
 * and fails when the two answers differ (the analysis is made once per
 * document). */
#include <factpipe/plugin.h>

#include <stdio.h>
#include <stdlib.h>

static int create(const fp_config *config, const fp_host *host, void **state)
{
    (void)config;
    (void)host;
    *state = NULL;
    return FP_OK;
}

static int extract(void *state, const fp_document *doc, const fp_host *host)
{
    (void)state;
    (void)doc;
    const fp_analysis *a = fp_document_analysis(host);
    if (!a)
        return FP_ERROR;
    if (fp_document_analysis(host) != a)
        return fp_errorf(host, "the analysis was made twice for one document");
    for (size_t i = 0; i < a->n_words; i++) {
        const fp_word *w = fp_analysis_word(a, i);
        if (w->word_class != FP_WORD_NUMBER)
            continue;
        const fp_sentence *s = fp_analysis_sentence(a, w->sentence);
        char sentence[32], words[32];
        snprintf(sentence, sizeof sentence, "%u", (unsigned)w->sentence);
        snprintf(words, sizeof words, "%zu", s->n_words);
        fp_attr attrs[] = {{"sentence", sentence}, {"sentence-words", words}};
        fp_fact fact = {sizeof fact, NULL, w->start, w->end, w->value, attrs, 2, NULL, 0};
        if (fp_emit(host, &fact) != FP_OK)
            return fp_errorf(host, "the host refused a fact");
    }
    return FP_OK;
}

static void destroy(void *state)
{
    free(state);
}

FP_PLUGIN_DEFINE_NO_OPTIONS(analysisuse, "1.1.0", "number",
                            "Numbers as the shared analysis reads them (ABI 1.1)", create,
                            extract, destroy)
