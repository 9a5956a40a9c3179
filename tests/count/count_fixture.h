/*
 * Shared by the count tests: run the plugin with the repository's
 * lexicons on a text and compare what it emitted with what docs/GUIDELINE.md says.
 */
#ifndef COUNT_FIXTURE_H
#define COUNT_FIXTURE_H

#include "fake_host.h"

#include <stddef.h>

/* The plugin's entry point, compiled into the test. */
const fp_plugin_desc *fp_plugin_count_get_desc(void);

enum { MAX_EXPECTED_COUNTS = 8, MAX_FIXTURE_SETTINGS = 16 };

/* One text and the counts it must give, in order: value, unit and the
 * surface text its span covers (number through unit). */
typedef struct count_case {
    const char *text;
    size_t n_facts;
    struct {
        const char *value;
        const char *unit;
        const char *surface;
    } facts[MAX_EXPECTED_COUNTS];
} count_case;

/* "name=/abs/path" settings for every lexicon option, pointing into the
 * source tree's config/lexicons/, followed by extra (NULL-terminated, may
 * be NULL), which override them.  Strings live until the next call. */
const char *const *count_settings(const char *const *extra);

/* The absolute path of a lexicon file of the source tree; static buffer. */
const char *count_lexicon_path(const char *file);

/* Creates the plugin with count_settings(extra) on a fresh host, extracts
 * from text, and returns extract()'s result.  The caller frees *host with
 * fp_fake_host_free(). */
int run_count(fp_fake_host *host, const char *const *extra, const char *text);

/* Runs each case and fails, naming the case, on the first difference in
 * fact count, value, unit, surface or kind, or on a fact the host refused. */
void check_count_cases(const count_case *cases, size_t n_cases,
                       const char *const *extra);

#endif /* COUNT_FIXTURE_H */
