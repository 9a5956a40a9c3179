/*
 * Shared by the percentage tests: run the plugin on a text and compare
 * what it emitted with what docs/GUIDELINE.md says it should.
 */
#ifndef PERCENTAGE_FIXTURE_H
#define PERCENTAGE_FIXTURE_H

#include "fake_host.h"

#include <stddef.h>

/* The plugin's entry point, compiled into the test. */
const fp_plugin_desc *fp_plugin_percentage_get_desc(void);

enum { MAX_EXPECTED_FACTS = 8 };

/* One text and the facts it must give, in order: value and the surface
 * text its span covers. */
typedef struct percentage_case {
    const char *text;
    size_t n_facts;
    struct {
        const char *value;
        const char *surface;
    } facts[MAX_EXPECTED_FACTS];
} percentage_case;

/* Creates the plugin with settings (NULL: defaults) on a fresh host,
 * extracts from text, and returns extract()'s result.  The caller frees
 * *host with fp_fake_host_free(). */
int run_percentage(fp_fake_host *host, const char *const *settings,
                   const char *text);

/* Runs each case with settings and fails, naming the case, on the first
 * difference in fact count, value, surface or kind, or on any fact the
 * host refused. */
void check_cases(const percentage_case *cases, size_t n_cases,
                 const char *const *settings);

#endif /* PERCENTAGE_FIXTURE_H */
