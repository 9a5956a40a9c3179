/*
 * docref — references to legal and Party documents.
 *
 *   Quyết định số 217-QĐ/TW              value 217-QĐ/TW, type Quyết định
 *   Kế hoạch số 112/KH-UBND ngày 15/01/2019   … 112/KH-UBND, date 2019-01-15
 *   Thông tư 146/2017/TT-BTC             value 146/2017/TT-BTC
 *   Quyết định 217, 218-QĐ/TW            two facts: 217-QĐ/TW and 218-QĐ/TW
 *   Nghị quyết Trung ương 4 (khóa XI)    value: the name as written
 *
 * A reference is a document type from the lexicon (option `types`), then
 * either a number — optionally after "số" — or, for Party resolutions, the
 * name of the plenum ("Trung ương 4", "Hội nghị Trung ương 8 khóa XI").
 * The fact's span is the type and the number (or name); a following
 * "ngày 15/01/2019" becomes the `date` attribute but stays outside the
 * span, because docs/GUIDELINE.md counts it as a date fact of its own.
 *
 * A bare number ("Quyết định 217") counts when "số" precedes it or the
 * type is capitalised as in the lexicon, and not when a duration follows
 * ("Kế hoạch 5 năm").  In a list "217, 218-QĐ/TW" the bare numbers take
 * the code of the numbered reference after them.
 *
 * Regex use is <factpipe/regex.h>'s, the lexicon <factpipe/lexicon.h>'s.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include "docref_match.h"
#include "docref_types.h"

#include <factpipe/plugin.h>

#include <stdlib.h>
#include <string.h>

enum { OPTION_TYPES, OPTION_MATCH_LIMIT, OPTION_HEAP_LIMIT, N_OPTIONS };

static const fp_option docref_options[N_OPTIONS] = {
    [OPTION_TYPES] = {
        .name = "types",
        .type = FP_OPT_PATH,
        .default_value = "lexicons/docref-types.txt",
        .description = "document types, one per line (Quyết định, "
                       "Kế hoạch, …)"},
    [OPTION_MATCH_LIMIT] = FP_REGEX_MATCH_LIMIT_OPTION,
    [OPTION_HEAP_LIMIT] = FP_REGEX_HEAP_LIMIT_OPTION,
};

static void docref_destroy(void *state)
{
    docref_matcher *matcher = state;
    if (matcher == NULL)
        return;
    docref_matcher_free(matcher);
    free(matcher);
}

static int docref_create(const fp_config *config, const fp_host *host,
                         void **state)
{
    *state = NULL;
    if (config->struct_size < sizeof(fp_config) ||
        config->n_values != N_OPTIONS ||
        config->values[OPTION_TYPES].string == NULL)
        return fp_errorf(host, "expected the option 'types' (a lexicon "
                         "path), got %zu option values", config->n_values);

    docref_matcher *matcher = calloc(1, sizeof *matcher);
    if (matcher == NULL)
        return fp_errorf(host, "out of memory");
    docref_types types;
    int rc = docref_types_load(&types, config->values[OPTION_TYPES].string,
                               host);
    if (rc == FP_OK)
        rc = docref_matcher_build(matcher, &types, config, OPTION_MATCH_LIMIT,
                                  OPTION_HEAP_LIMIT, host);
    else
        docref_types_free(&types);
    if (rc != FP_OK) {
        docref_destroy(matcher);
        return FP_ERROR;
    }
    *state = matcher;
    return FP_OK;
}

static int docref_extract(void *state, const fp_document *doc,
                          const fp_host *host)
{
    const docref_matcher *matcher = state;
    if (fp_document_check_blocks(doc, host) != FP_OK)
        return FP_ERROR;
    /* Match data and the window's offset limit are written by every
     * search: they belong to this call, not to the instance other threads
     * share. */
    docref_call call = {
        pcre2_match_data_create(DOCREF_OVECTOR_PAIRS, NULL),
        pcre2_match_context_copy(matcher->limits)};
    int rc = FP_OK;
    if (call.match_data == NULL || call.window == NULL)
        rc = fp_errorf(host, "out of memory creating match data");
    for (size_t i = 0; i < doc->n_blocks && rc == FP_OK; i++)
        rc = docref_extract_block(matcher, &call, doc, i, host);
    pcre2_match_context_free(call.window);
    pcre2_match_data_free(call.match_data);
    return rc;
}

FP_PLUGIN_DEFINE(docref, "1.0.0", "docref",
                 "References to legal and Party documents: Quyết định số "
                 "217-QĐ/TW, Nghị quyết Trung ương 4 (khóa XI)",
                 docref_options, docref_create, docref_extract,
                 docref_destroy)
