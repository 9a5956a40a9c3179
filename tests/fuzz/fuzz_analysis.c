/* The shared text analysis (core/analysis) on fuzzed text: any bytes, NUL
 * bytes made spaces (the core's text has none), one block per line, as
 * the fake host builds documents (ill-formed UTF-8 included: the fake
 * host lets a test hand one over).
 *
 * Checked beyond the sanitizers: words in text order, inside their block,
 * on character boundaries when the text is UTF-8; a word glued to the one
 * before it has no white space between them; folded forms non-empty UTF-8;
 * numbers start with a digit and carry a value in the guideline's form
 * whose integer part is the integer field; sentences partition the words
 * in order, one block each; the block map agrees with the words. */
#include "fuzz_target.h"

#include "analysis/fp_analysis.h"

#include <factpipe/utf8.h>

#include <string.h>

/* "0" or digits without a leading zero, then optionally "." and digits
 * not ending in 0. */
static int guideline_value(const char *v)
{
    size_t i = 0;
    if (v[0] == '0')
        i = 1;
    else
        while (v[i] >= '0' && v[i] <= '9')
            i++;
    if (i == 0)
        return 0;
    if (v[i] == '\0')
        return 1;
    if (v[i] != '.' || v[i + 1] == '\0')
        return 0;
    size_t j = i + 1;
    while (v[j] >= '0' && v[j] <= '9')
        j++;
    return v[j] == '\0' && v[j - 1] != '0';
}

static void check_words(const fp_document *doc, const fp_analysis *a, int valid)
{
    for (size_t b = 0; b < doc->n_blocks; b++) {
        fuzz_check(a->block_words[b] <= a->block_words[b + 1], "block map in order");
        for (size_t i = a->block_words[b]; i < a->block_words[b + 1]; i++)
            fuzz_check(fp_analysis_word(a, i)->block == b, "word in its block's range");
    }
    fuzz_check(a->block_words[doc->n_blocks] == a->n_words, "block map covers the words");
    for (size_t i = 0; i < a->n_words; i++) {
        const fp_word *w = fp_analysis_word(a, i);
        const fp_block *blk = &doc->blocks[w->block];
        fuzz_check(w->start < w->end && w->start >= blk->start && w->end <= blk->end,
                   "word inside its block");
        const fp_word *prev = i ? fp_analysis_word(a, i - 1) : NULL;
        int first = !prev || prev->block != w->block;
        fuzz_check(!prev || prev->end <= w->start, "words in order, not overlapping");
        fuzz_check(!(first && (w->flags & FP_WORD_GLUED)), "a block's first word not glued");
        if (!first && (w->flags & FP_WORD_GLUED))
            for (size_t k = prev->end; k < w->start; k++)
                fuzz_check(doc->text[k] != ' ' && doc->text[k] != '\t',
                           "no white space before a glued word");
        if (!first && !(w->flags & FP_WORD_GLUED))
            fuzz_check(prev->end < w->start, "something between words not glued");
        if (valid)
            fuzz_check(((unsigned char)doc->text[w->start] & 0xC0) != 0x80 &&
                       (w->end == doc->text_len ||
                        ((unsigned char)doc->text[w->end] & 0xC0) != 0x80),
                       "word on character boundaries");
        fuzz_check(w->folded && w->folded[0] && fp_utf8_valid(w->folded, strlen(w->folded)),
                   "folded form non-empty UTF-8");
        uint32_t first_char;
        size_t bad;
        if (fp_utf8_decode((const unsigned char *)doc->text + w->start,
                           doc->text_len - w->start, &first_char, &bad) == 0)
            first_char = 0xFFFD;
        fuzz_check(w->first_char == first_char, "first_char is the word's first character");
        int digit = doc->text[w->start] >= '0' && doc->text[w->start] <= '9';
        fuzz_check((w->word_class == FP_WORD_NUMBER) == digit, "numbers start with a digit");
        fuzz_check(w->word_class >= FP_WORD_NUMBER && w->word_class <= FP_WORD_PUNCT,
                   "a known class");
        if (w->word_class != FP_WORD_NUMBER) {
            fuzz_check(w->value == NULL, "a value for numbers only");
            continue;
        }
        fuzz_check(w->value && guideline_value(w->value), "number value in the guideline's form");
        if (!(w->flags & FP_NUMBER_HUGE)) {
            char integer[32];
            snprintf(integer, sizeof integer, "%llu", (unsigned long long)w->integer);
            size_t n = strlen(integer);
            fuzz_check(strncmp(w->value, integer, n) == 0 &&
                       (w->value[n] == '\0' || w->value[n] == '.'),
                       "integer field is the value's integer part");
        }
        fuzz_check(!strchr(w->folded, ',') || (w->flags & FP_NUMBER_DECIMAL),
                   "a comma in a number is its decimal point");
        fuzz_check(!(w->flags & FP_NUMBER_DECIMAL) || strchr(w->value, '.') ||
                   w->fraction == 0, "a decimal part that is not zero is in the value");
    }
}

static void check_sentences(const fp_analysis *a)
{
    size_t next = 0;
    for (size_t s = 0; s < a->n_sentences; s++) {
        const fp_sentence *sent = fp_analysis_sentence(a, s);
        fuzz_check(sent->first_word == next && sent->n_words > 0, "sentences partition words");
        for (size_t i = sent->first_word; i < sent->first_word + sent->n_words; i++) {
            const fp_word *w = fp_analysis_word(a, i);
            fuzz_check(w->sentence == s && w->block == sent->block, "word in its sentence");
        }
        fuzz_check(sent->start == fp_analysis_word(a, sent->first_word)->start &&
                   sent->end == fp_analysis_word(a, next + sent->n_words - 1)->end,
                   "sentence span from its first to its last word");
        next += sent->n_words;
    }
    fuzz_check(next == a->n_words, "every word in a sentence");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    fp_block *blocks = malloc((size + 1) * sizeof *blocks);
    if (!text || !blocks) {
        free(text);
        free(blocks);
        return 0;
    }
    for (size_t i = 0; i < size; i++)
        text[i] = data[i] ? (char)data[i] : ' ';
    text[size] = '\0';
    size_t n = 0, start = 0;
    for (size_t i = 0; i <= size; i++) {
        if (i < size && text[i] != '\n')
            continue;
        if (i > start)
            blocks[n++] = (fp_block){start, i, FP_ZONE_BODY};
        start = i + 1;
    }
    fp_document doc = {sizeof doc, "fuzz.txt", text, size, blocks, n, NULL};
    fp_text_analysis a;
    char why[256];
    fuzz_check(fp_text_analysis_build(&a, &doc, why, sizeof why) == 0, "analysis made");
    check_words(&doc, &a.view, fp_utf8_valid(text, size));
    check_sentences(&a.view);
    fp_text_analysis_free(&a);
    free(blocks);
    free(text);
    return 0;
}
