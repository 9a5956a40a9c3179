/*
 * The NeMo-text-processing date cases (data/nemo_dates.txt): each written
 * form must give exactly the ISO values listed with it.  The file is
 * read at run time from the source tree, so a case can be added without
 * touching this code.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* getline, strtok_r */
#endif

#include "date_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#define CASES FP_TEST_SOURCE_DIR "/tests/date/data/nemo_dates.txt"

/* Checks one "WRITTEN~SPOKEN~EXPECTED" line; line_number for messages. */
static void check_line(char *line, unsigned line_number)
{
    char *first = strchr(line, '~');
    char *second = first ? strchr(first + 1, '~') : NULL;
    if (second == NULL)
        fail_msg("%s:%u: expected WRITTEN~SPOKEN~EXPECTED", CASES,
                 line_number);
    *first = '\0';
    const char *written = line;
    char *expected = second + 1;
    expected[strcspn(expected, "\r\n")] = '\0';

    const char *relative[] = {"relative=true", NULL};
    fp_fake_host host;
    if (run_date(&host, relative, written, "2025-05-19") != FP_OK)
        fail_msg("%s:%u: extract failed: %s", CASES, line_number,
                 host.last_error);
    size_t n_expected = 0;
    char *saved;
    for (char *value = strtok_r(expected, " ", &saved);
         value != NULL && strcmp(value, "-") != 0;
         value = strtok_r(NULL, " ", &saved)) {
        if (n_expected >= host.n_facts)
            fail_msg("%s:%u: \"%s\": %s missing", CASES, line_number,
                     written, value);
        if (strcmp(host.facts[n_expected].value, value) != 0)
            fail_msg("%s:%u: \"%s\": got %s, expected %s", CASES,
                     line_number, written, host.facts[n_expected].value,
                     value);
        n_expected++;
    }
    if (host.n_facts != n_expected)
        fail_msg("%s:%u: \"%s\": %zu facts, expected %zu (first extra: %s)",
                 CASES, line_number, written, host.n_facts, n_expected,
                 host.facts[n_expected].value);
    fp_fake_host_free(&host);
}

static void nemo_cases(void **state)
{
    FILE *file = fopen(CASES, "r");
    if (file == NULL)
        fail_msg("cannot open %s", CASES);
    char *line = NULL;
    size_t size = 0;
    unsigned line_number = 0, n_cases = 0;
    while (getline(&line, &size, file) != -1) {
        line_number++;
        if (line[0] == '#' || line[0] == '\n')
            continue;
        check_line(line, line_number);
        n_cases++;
    }
    free(line);
    fclose(file);
    assert_true(n_cases >= 240); /* the file was read, not skipped */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(nemo_cases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
