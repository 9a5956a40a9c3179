/* docs/factpipe-pipeline.5 documents exactly the keys the parser knows:
 * each key of a section is an item `.BI "KEY = " ...` under that
 * section's heading, and every such item is a key of the parser — so a
 * key added to fp_pipeline_load.c without its manual entry, or an entry
 * left for a key that is gone, fails here.  The values the parser takes
 * for plugins and drop-ins are named too. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "pipeline/fp_pipeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *read_man_page(void)
{
    FILE *f = fopen(FP_TEST_SOURCE_DIR "/docs/factpipe-pipeline.5", "rb");
    assert_non_null(f);
    char *text = malloc(1 << 20);
    assert_non_null(text);
    size_t n = fread(text, 1, (1 << 20) - 1, f);
    text[n] = '\0';
    fclose(f);
    return text;
}

/* The keys documented under the heading `.SH "<section>"`, up to the next
 * .SH, one per line of keys (a list of at most 16). */
static size_t keys_under(const char *page, const char *heading, char keys[16][64])
{
    char wanted[128];
    snprintf(wanted, sizeof wanted, "\n.SH \"%s\"\n", heading);
    const char *at = strstr(page, wanted);
    if (!at)
        fail_msg("no heading %s in the manual page", wanted);
    at += strlen(wanted);
    const char *end = strstr(at, "\n.SH ");
    size_t n = 0;
    for (const char *line = at; line && line < end; line = strchr(line, '\n')) {
        line += *line == '\n';
        static const char item[] = ".BI \"";
        if (strncmp(line, item, sizeof item - 1) != 0)
            continue;
        const char *key = line + sizeof item - 1, *stop = strstr(key, " = ");
        assert_non_null(stop);
        assert_true(n < 16 && (size_t)(stop - key) < 64);
        size_t len = 0;
        for (const char *c = key; c < stop; c++)
            if (!(c[0] == '\\' && c[1] == '-')) /* roff's \- is a '-' */
                keys[n][len++] = *c;
        keys[n][len] = '\0';
        n++;
    }
    return n;
}

static int listed(char keys[16][64], size_t n, const char *key)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(keys[i], key) == 0)
            return 1;
    return 0;
}

static void test_pipeline_keys_are_documented(void **state)
{
    (void)state;
    char *page = read_man_page();
    char keys[16][64];
    size_t n = keys_under(page, "THE [pipeline] SECTION", keys);
    for (size_t i = 0; i < fp_pipeline_n_keys; i++)
        if (!listed(keys, n, fp_pipeline_keys[i]))
            fail_msg("the parser's [pipeline] key '%s' is not documented in "
                     "docs/factpipe-pipeline.5", fp_pipeline_keys[i]);
    for (size_t i = 0; i < n; i++) {
        int known = 0;
        for (size_t k = 0; k < fp_pipeline_n_keys; k++)
            known |= strcmp(keys[i], fp_pipeline_keys[k]) == 0;
        if (!known)
            fail_msg("docs/factpipe-pipeline.5 documents [pipeline] key '%s', which the "
                     "parser does not know", keys[i]);
    }
    free(page);
}

static void test_plugin_section_keys_are_documented(void **state)
{
    (void)state;
    char *page = read_man_page();
    char keys[16][64];
    size_t n = keys_under(page, "THE [plugin NAME] SECTION", keys);
    assert_int_equal(n, 1);
    assert_string_equal(keys[0], FP_PIPELINE_PRIORITY_KEY);
    free(page);
}

/* The values the parser takes, and the limits it checks, as the page
 * writes them. */
static void test_values_are_documented(void **state)
{
    (void)state;
    char *page = read_man_page();
    static const char *const phrases[] = {
        ".BI \"plugins = \" \"all\\fR|\\fPlisted\"",
        ".BI \"drop-ins = \" \"yes\\fR|\\fPno\"",
        "from \\-1000 to 1000",
        "at most 199\nbytes",
        "pipeline.d/",
        "case-sensitive",
    };
    for (size_t i = 0; i < sizeof phrases / sizeof phrases[0]; i++)
        if (!strstr(page, phrases[i]))
            fail_msg("docs/factpipe-pipeline.5 does not say: %s", phrases[i]);
    free(page);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pipeline_keys_are_documented),
        cmocka_unit_test(test_plugin_section_keys_are_documented),
        cmocka_unit_test(test_values_are_documented),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
