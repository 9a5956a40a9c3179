/*
 * The fake host is the yardstick of every plugin test: it must accept what
 * the core accepts and refuse what the core refuses, so it is tested too,
 * with a probe plugin that emits whatever fact the test hands it.
 */
#include "fact_cases.h"
#include "fake_host.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

/* ---- The probe plugin ---------------------------------------------------- */

enum { PROBE_FLAG, PROBE_COUNT, PROBE_LABEL, PROBE_N_OPTIONS };

static const fp_option probe_options[PROBE_N_OPTIONS] = {
    [PROBE_FLAG] = {.name = "flag", .type = FP_OPT_BOOL,
                    .default_value = "true", .description = "a switch"},
    [PROBE_COUNT] = {.name = "count", .type = FP_OPT_INT,
                     .default_value = "3", .min = 1, .max = 9,
                     .description = "a bounded number"},
    [PROBE_LABEL] = {.name = "label", .type = FP_OPT_STRING,
                     .default_value = NULL, .description = "required"},
};

static fp_option_value probe_seen_values[PROBE_N_OPTIONS];
static const fp_fact *probe_fact_to_emit;
static int probe_emit_rc;

static int probe_create(const fp_config *config, const fp_host *host,
                        void **state)
{
    memcpy(probe_seen_values, config->values,
           config->n_values * sizeof *config->values);
    fp_logf(host, FP_LOG_INFO, "probe has %zu options", config->n_values);
    *state = NULL;
    return FP_OK;
}

static int probe_extract(void *state, const fp_document *doc,
                         const fp_host *host)
{
    probe_emit_rc = fp_emit(host, probe_fact_to_emit);
    if (probe_emit_rc != FP_OK)
        return fp_errorf(host, "probe fact refused");
    return FP_OK;
}

static void probe_destroy(void *state) {}

FP_PLUGIN_DEFINE(probe, "0.1.0", "probe", "emits what the test says",
                 probe_options, probe_create, probe_extract,
                 probe_destroy)

/* ---- Documents ----------------------------------------------------------- */

static void doc_has_one_block_per_nonempty_line(void **state)
{
    fp_fake_doc *doc = fp_fake_doc_new("ab\n\nđc\n");
    assert_non_null(doc);
    assert_int_equal(doc->doc.text_len, strlen("ab\n\nđc\n"));
    assert_int_equal(doc->doc.n_blocks, 2);
    assert_int_equal(doc->doc.blocks[0].start, 0);
    assert_int_equal(doc->doc.blocks[0].end, 2);
    assert_int_equal(doc->doc.blocks[1].start, 4);
    assert_int_equal(doc->doc.blocks[1].end, 4 + strlen("đc"));
    assert_int_equal(doc->doc.blocks[1].zone, FP_ZONE_BODY);

    assert_int_equal(fp_fake_doc_set_line_zone(doc, 2, FP_ZONE_CHROME), FP_OK);
    assert_int_equal(doc->doc.blocks[1].zone, FP_ZONE_CHROME);
    assert_int_equal(doc->doc.blocks[0].zone, FP_ZONE_BODY);
    assert_int_equal(fp_fake_doc_set_line_zone(doc, 1, FP_ZONE_CHROME),
                     FP_ERROR);
    assert_int_equal(fp_fake_doc_set_line_zone(doc, 9, FP_ZONE_CHROME),
                     FP_ERROR);

    assert_null(doc->doc.meta->date);
    assert_int_equal(fp_fake_doc_set_meta(doc, "Tiêu đề", "2018-10-09", NULL),
                     FP_OK);
    assert_string_equal(doc->doc.meta->date, "2018-10-09");
    assert_string_equal(doc->doc.meta->title, "Tiêu đề");
    assert_null(doc->doc.meta->byline);
    fp_fake_doc_free(doc);
}

/* ---- Options ------------------------------------------------------------- */

/* FP_PLUGIN_DEFINE counts the table itself. */
static void descriptor_counts_the_option_table(void **state)
{
    const fp_plugin_desc *desc = fp_plugin_probe_get_desc();
    assert_int_equal(desc->n_options, PROBE_N_OPTIONS);
    assert_ptr_equal(desc->options, probe_options);
    assert_string_equal(desc->name, "probe");
}

static void options_take_defaults_and_settings(void **state)
{
    fp_fake_host host;
    fp_fake_host_init(&host);
    fp_fake_plugin plugin;
    const char *settings[] = {"label=bản tin", NULL};
    assert_int_equal(fp_fake_plugin_create(&plugin, fp_plugin_probe_get_desc(),
                                           &host, settings),
                     FP_OK);
    assert_int_equal(probe_seen_values[PROBE_FLAG].integer, 1);
    assert_int_equal(probe_seen_values[PROBE_COUNT].integer, 3);
    assert_string_equal(probe_seen_values[PROBE_LABEL].string, "bản tin");
    assert_string_equal(host.last_log, "probe has 3 options");
    fp_fake_plugin_destroy(&plugin);

    const char *overrides[] = {"label=x", "flag=off", "count=9", NULL};
    assert_int_equal(fp_fake_plugin_create(&plugin, fp_plugin_probe_get_desc(),
                                           &host, overrides),
                     FP_OK);
    assert_int_equal(probe_seen_values[PROBE_FLAG].integer, 0);
    assert_int_equal(probe_seen_values[PROBE_COUNT].integer, 9);
    fp_fake_plugin_destroy(&plugin);
    fp_fake_plugin_destroy(&plugin); /* twice is harmless */
    fp_fake_host_free(&host);
}

static void options_refuse_bad_settings(void **state)
{
    static const struct {
        const char *settings[3];
        const char *error;
    } cases[] = {
        {{NULL}, "option 'label' is required"},
        {{"label=x", "count=10", NULL}, "option 'count': bad value '10'"},
        {{"label=x", "count=3x", NULL}, "option 'count': bad value '3x'"},
        {{"label=x", "flag=maybe", NULL}, "option 'flag': bad value 'maybe'"},
        {{"label=x", "colour=red", NULL},
         "plugin 'probe' has no option 'colour'"},
        {{"label", NULL}, "setting 'label' is not name=value"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        fp_fake_host host;
        fp_fake_host_init(&host);
        fp_fake_plugin plugin;
        assert_int_equal(fp_fake_plugin_create(&plugin,
                                               fp_plugin_probe_get_desc(),
                                               &host, cases[i].settings),
                         FP_ERROR);
        assert_string_equal(host.last_error, cases[i].error);
        fp_fake_plugin_destroy(&plugin);
        fp_fake_host_free(&host);
    }
}

static void descriptor_of_another_abi_is_refused(void **state)
{
    fp_plugin_desc newer = *fp_plugin_probe_get_desc();
    newer.abi_major = FP_ABI_MAJOR + 1;
    fp_fake_host host;
    fp_fake_host_init(&host);
    fp_fake_plugin plugin;
    const char *settings[] = {"label=x", NULL};
    assert_int_equal(fp_fake_plugin_create(&plugin, &newer, &host, settings),
                     FP_ERROR);
    assert_non_null(strstr(host.last_error, "ABI major"));
    fp_fake_host_free(&host);
}

/* As the core's loader: a kind the schema would refuse, a descriptor
 * shorter than ABI 1.0's. */
static void descriptor_the_loader_refuses_is_refused(void **state)
{
    fp_plugin_desc bad_kind = *fp_plugin_probe_get_desc();
    bad_kind.kind = "Probe Kind";
    fp_plugin_desc short_desc = *fp_plugin_probe_get_desc();
    short_desc.struct_size = offsetof(fp_plugin_desc, destroy);
    const char *settings[] = {"label=x", NULL};
    fp_fake_host host;
    fp_fake_plugin plugin;
    fp_fake_host_init(&host);
    assert_int_equal(fp_fake_plugin_create(&plugin, &bad_kind, &host, settings), FP_ERROR);
    assert_non_null(strstr(host.last_error, "kind is not a name"));
    assert_int_equal(fp_fake_plugin_create(&plugin, &short_desc, &host, settings), FP_ERROR);
    assert_non_null(strstr(host.last_error, "smaller than an ABI 1.0"));
    fp_fake_host_free(&host);
}

/* ---- emit() -------------------------------------------------------------- */

static const char probe_text[] = "Đạt 21,1%\nnăm 2020";

/* Runs the probe on text emitting fact; returns the emit result. */
static int emit_into(fp_fake_host *host, const char *text, const fp_fact *fact)
{
    fp_fake_doc *doc = fp_fake_doc_new(text);
    fp_fake_plugin plugin;
    const char *settings[] = {"label=x", NULL};
    assert_non_null(doc);
    assert_int_equal(fp_fake_plugin_create(&plugin, fp_plugin_probe_get_desc(),
                                           host, settings),
                     FP_OK);
    probe_fact_to_emit = fact;
    fp_fake_plugin_extract(&plugin, host, doc);
    fp_fake_plugin_destroy(&plugin);
    fp_fake_doc_free(doc);
    return probe_emit_rc;
}

static int emit_through_probe(fp_fake_host *host, const fp_fact *fact)
{
    return emit_into(host, probe_text, fact);
}

static void emit_copies_fact_and_surface(void **state)
{
    char value[8] = "21.1";
    const fp_attr attrs[] = {{"unit", "đảng viên"}};
    const fp_attr children[] = {{"title", "Bí thư"}, {"title", "Chủ tịch"}};
    fp_fact fact = {.struct_size = sizeof fact, .start = strlen("Đạt "),
                    .end = strlen("Đạt 21,1%"), .value = value,
                    .attrs = attrs, .n_attrs = 1,
                    .children = children, .n_children = 2};
    fp_fake_host host;
    fp_fake_host_init(&host);
    assert_int_equal(emit_through_probe(&host, &fact), FP_OK);
    value[0] = 'X'; /* the host must have copied it */

    assert_int_equal(host.n_facts, 1);
    assert_int_equal(host.n_rejected, 0);
    const fp_fake_fact *got = &host.facts[0];
    assert_null(got->kind);
    assert_string_equal(got->value, "21.1");
    assert_string_equal(got->surface, "21,1%");
    assert_int_equal(got->n_attrs, 1);
    assert_string_equal(got->attrs[0].value, "đảng viên");
    assert_int_equal(got->n_children, 2);
    assert_string_equal(got->children[1].value, "Chủ tịch");

    fp_fake_host_reset(&host);
    assert_int_equal(host.n_facts, 0);
    fp_fake_host_free(&host);
}

/* The shared table (fact_cases.c): the core's verdicts, the core's
 * reasons. */
static void emit_follows_the_fact_cases(void **state)
{
    for (size_t i = 0; i < n_fact_cases; i++) {
        const fact_case *c = &fact_cases[i];
        fp_fake_host host;
        fp_fake_host_init(&host);
        int rc = emit_into(&host, fact_case_text, c->fact);
        if (!c->refusal) {
            if (rc != FP_OK || host.n_facts != 1)
                fail_msg("%s: refused: %s", c->name, host.last_rejection);
        } else if (rc != FP_ERROR || host.n_facts != 0 || host.n_rejected != 1 ||
                   !strstr(host.last_rejection, c->refusal) ||
                   strcmp(host.last_error, "probe fact refused") != 0) {
            fail_msg("%s: rc %d, rejection \"%s\", expected one naming \"%s\"", c->name,
                     rc, host.last_rejection, c->refusal);
        }
        fp_fake_host_free(&host);
    }
}

static void emit_outside_extract_is_refused(void **state)
{
    fp_fake_host host;
    fp_fake_host_init(&host);
    fp_fact fact = {.struct_size = sizeof fact, .start = 0, .end = 1,
                    .value = "1"};
    assert_int_equal(fp_emit(fp_fake_host_table(&host), &fact), FP_ERROR);
    assert_string_equal(host.last_rejection, "emit called outside extract");
    fp_fake_host_free(&host);
}

/* ---- The shared analysis ------------------------------------------------ */

/* A plugin that asks for the analysis in create() when told to, and in
 * extract() emits every number word with its value. */
static int numbers_ask_in_create;
static const fp_analysis *numbers_seen;

static int numbers_create(const fp_config *config, const fp_host *host,
                          void **state)
{
    *state = NULL;
    if (numbers_ask_in_create && fp_document_analysis(host) == NULL)
        return FP_ERROR;
    return FP_OK;
}

static int numbers_extract(void *state, const fp_document *doc,
                           const fp_host *host)
{
    const fp_analysis *a = fp_document_analysis(host);
    if (a == NULL || fp_document_analysis(host) != a)
        return FP_ERROR;
    numbers_seen = a;
    for (size_t i = 0; i < a->n_words; i++) {
        const fp_word *w = fp_analysis_word(a, i);
        fp_fact f = {sizeof f, NULL, w->start, w->end, w->value, NULL, 0,
                     NULL, 0};
        if (w->word_class == FP_WORD_NUMBER && fp_emit(host, &f) != FP_OK)
            return FP_ERROR;
    }
    return FP_OK;
}

FP_PLUGIN_DEFINE_NO_OPTIONS(numbers, "0.1.0", "number", "numbers",
                            numbers_create, numbers_extract, probe_destroy)

/* The fake host makes the analysis with the core's own code, once per
 * extract, and frees it when the call returns. */
static void analysis_during_extract(void **state)
{
    fp_fake_host host;
    fp_fake_host_init(&host);
    assert_int_equal(host.host.abi_minor, FP_ABI_MINOR);
    assert_true(FP_HOST_HAS(&host.host, analysis));
    fp_fake_plugin plugin;
    numbers_ask_in_create = 0;
    assert_int_equal(fp_fake_plugin_create(&plugin, fp_plugin_numbers_get_desc(),
                                           &host, NULL),
                     FP_OK);
    fp_fake_doc *doc = fp_fake_doc_new("Có 1.250 hộ.\nchiếm 21,1% và 03 đoàn");
    assert_int_equal(fp_fake_plugin_extract(&plugin, &host, doc), FP_OK);
    assert_int_equal(host.n_facts, 3);
    assert_string_equal(host.facts[0].value, "1250");
    assert_string_equal(host.facts[0].surface, "1.250");
    assert_string_equal(host.facts[1].value, "21.1");
    assert_string_equal(host.facts[2].value, "3");
    assert_int_equal(host.analysis.requests, 2);
    assert_int_equal(host.analysis.state, 0); /* freed with the call */
    assert_non_null(numbers_seen);
    fp_fake_plugin_destroy(&plugin);

    /* During create() there is no document to analyse. */
    numbers_ask_in_create = 1;
    assert_int_equal(fp_fake_plugin_create(&plugin, fp_plugin_numbers_get_desc(),
                                           &host, NULL),
                     FP_ERROR);
    assert_non_null(strstr(host.last_error, "only during extract()"));
    fp_fake_doc_free(doc);
    fp_fake_host_free(&host);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(doc_has_one_block_per_nonempty_line),
        cmocka_unit_test(descriptor_counts_the_option_table),
        cmocka_unit_test(options_take_defaults_and_settings),
        cmocka_unit_test(options_refuse_bad_settings),
        cmocka_unit_test(descriptor_of_another_abi_is_refused),
        cmocka_unit_test(descriptor_the_loader_refuses_is_refused),
        cmocka_unit_test(emit_copies_fact_and_surface),
        cmocka_unit_test(emit_follows_the_fact_cases),
        cmocka_unit_test(emit_outside_extract_is_refused),
        cmocka_unit_test(analysis_during_extract),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
