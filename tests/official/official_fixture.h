/*
 * Shared by the official tests: run the plugin with the project's
 * lexicons on a text and compare what it emitted with the guideline
 * (docs/GUIDELINE.md, "official").
 */
#ifndef OFFICIAL_FIXTURE_H
#define OFFICIAL_FIXTURE_H

#include "fake_host.h"

#include <stddef.h>

/* The plugin's entry point, compiled into the test. */
const fp_plugin_desc *fp_plugin_official_get_desc(void);

enum { MAX_EXPECTED_OFFICIALS = 6, MAX_EXPECTED_TITLES = 4 };

/* An official the plugin must report: its name (value and surface of the
 * span) and titles in order; NULL ends the list of titles. */
typedef struct expected_official {
    const char *name;
    const char *titles[MAX_EXPECTED_TITLES];
} expected_official;

/* One text (lines become blocks) and the officials it must give, in
 * order of first mention. */
typedef struct official_case {
    const char *text;
    size_t n_officials;
    expected_official officials[MAX_EXPECTED_OFFICIALS];
} official_case;

/* "name=/abs/path" settings for every lexicon option, from the source
 * tree's config/lexicons/, NULL-terminated; override replaces the one
 * with the same name (NULL: none). */
const char *const *official_settings(const char *override);

/* Creates the plugin with settings (NULL: official_settings(NULL)) on a
 * fresh host and extracts from doc.  Returns extract()'s result; the
 * caller frees *host with fp_fake_host_free(). */
int run_official_doc(fp_fake_host *host, const char *const *settings,
                     const fp_fake_doc *doc);

/* Runs each case and fails, naming the case, on the first difference in
 * number, name, span or titles, or on a fact the host refused. */
void check_official_cases(const official_case *cases, size_t n_cases);

#endif /* OFFICIAL_FIXTURE_H */
