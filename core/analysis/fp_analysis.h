/*
 * fp_analysis — the shared text analysis plugins ask for through the host
 * table (ABI 1.1, fp_analysis in <factpipe/plugin.h>): a document's words
 * with their class, numbers read by the guideline's rules, and sentence
 * boundaries.
 *
 * One source file, compiled twice: into the core (the engine's and
 * check-plugin's hosts) and into the SDK's fake host, which ships it as a
 * source next to fake_host.c.  So a plugin sees the very same words in
 * its unit tests as in a run, and the fake host still links nothing of
 * the core.  It needs only the public headers and utf8proc (for the
 * Unicode categories); case folding is <factpipe/utf8.h>'s, the one the
 * lexicon reader uses, so folded words find their lexicon entries.
 *
 * Time and memory are linear in the bytes of the document's blocks.
 */
#ifndef FP_ANALYSIS_H
#define FP_ANALYSIS_H

#include <factpipe/plugin.h>

#include <stddef.h>

/* An analysis and what it owns. */
typedef struct fp_text_analysis {
    fp_analysis view;    /* what plugins read */
    fp_word *words;
    fp_sentence *sentences;
    size_t *block_words;
    char *strings;       /* folded forms and number values */
} fp_text_analysis;

/* Analyses the blocks of doc into *out.  0, or -1 with one line in why
 * (out of memory, a block outside the text); *out is then empty. */
int fp_text_analysis_build(fp_text_analysis *out, const fp_document *doc, char *why,
                           size_t why_size);

/* Accepts a zeroed analysis. */
void fp_text_analysis_free(fp_text_analysis *a);

/* The analysis of one document, made at the first request and kept for
 * the later ones: what a host holds for the document it hands plugins.
 * Not locked: a host calls it from the thread extract() runs on, and the
 * core runs one document's plugins one after another (engine's
 * run_plugins); check-plugin's threads each have their own host. */
typedef struct fp_analysis_slot {
    const fp_document *doc; /* NULL: no document (during create()) */
    int state;              /* 0: not asked yet, 1: made, -1: failed */
    fp_text_analysis analysis;
    char why[256];          /* state -1: why */
    size_t requests;        /* how many times it was asked for */
    uint64_t build_ns;      /* how long making it took (the stage table) */
} fp_analysis_slot;

void fp_analysis_slot_init(fp_analysis_slot *slot, const fp_document *doc);

/* The document's analysis, made now if it was not; NULL with why when it
 * cannot be made or there is no document. */
const fp_analysis *fp_analysis_slot_get(fp_analysis_slot *slot, char *why, size_t why_size);

/* Frees the analysis; the slot may be initialized again.  Accepts a
 * zeroed slot. */
void fp_analysis_slot_free(fp_analysis_slot *slot);

#endif
