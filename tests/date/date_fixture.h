/*
 * Shared by the date tests: run the plugin on a text, with or without an
 * article date, and compare what it emitted with what the guideline
 * (docs/GUIDELINE.md, "date") says.
 */
#ifndef DATE_FIXTURE_H
#define DATE_FIXTURE_H

#include "fake_host.h"

#include <stddef.h>

/* The plugin's entry point, compiled into the test. */
const fp_plugin_desc *fp_plugin_date_get_desc(void);

enum { MAX_EXPECTED_DATES = 6, MAX_SETTINGS = 12 };

/* One text, the article's date (NULL: none), and the facts it must give
 * in order: value and the surface text its span covers. */
typedef struct date_case {
    const char *text;
    const char *article;
    size_t n_facts;
    struct {
        const char *value;
        const char *surface;
    } facts[MAX_EXPECTED_DATES];
} date_case;

/* The plugin's lexicon options pointing into config/lexicons of the
 * source tree, followed by extra (NULL-terminated, may be NULL), written
 * into settings (MAX_SETTINGS entries, NULL-terminated).  The strings
 * live in a static buffer until the next call. */
void date_settings(const char **settings, const char *const *extra);

/* Creates the plugin with the lexicon settings plus extra on a fresh
 * host, extracts from text with the given article date, and returns
 * extract()'s result.  The caller frees *host with fp_fake_host_free(). */
int run_date(fp_fake_host *host, const char *const *extra, const char *text,
             const char *article);

/* Runs each case and fails, naming it, on the first difference in fact
 * count, value or surface, or on a fact the host refused. */
void check_date_cases(const date_case *cases, size_t n_cases,
                      const char *const *extra);

#endif /* DATE_FIXTURE_H */
