/* check-plugin's host: the shared table of fact cases gets the core's
 * verdicts here too, each refusal a problem naming the fact and the
 * reason; and check-plugin's own rule on top, that a plugin emits the
 * kind it declares. */
#include "check/check_host.h"
#include "fact_cases.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

static int no_create(const fp_config *config, const fp_host *host, void **state)
{
    (void)config, (void)host;
    *state = NULL;
    return FP_OK;
}

static int no_extract(void *state, const fp_document *doc, const fp_host *host)
{
    (void)state, (void)doc, (void)host;
    return FP_OK;
}

static void no_destroy(void *state)
{
    (void)state;
}

static const fp_plugin_desc desc = {
    .struct_size = sizeof desc, .abi_major = FP_ABI_MAJOR, .abi_minor = FP_ABI_MINOR,
    .name = "probe", .version = "1.0.0", .kind = "percentage", .description = "test",
    .create = no_create, .extract = no_extract, .destroy = no_destroy,
};

static fp_document case_document(void)
{
    fp_document doc = {sizeof doc, "case.txt", fact_case_text, strlen(fact_case_text),
                       NULL, 0, NULL};
    return doc;
}

static void test_check_host_follows_the_fact_cases(void **state)
{
    (void)state;
    fp_document doc = case_document();
    for (size_t i = 0; i < n_fact_cases; i++) {
        const fact_case *c = &fact_cases[i];
        fp_check_host h;
        fp_check_host_init(&h, &desc, &doc);
        int rc = fp_emit(&h.host, c->fact);
        const char *said = h.n_problems ? h.problems[0] : "";
        if (!c->refusal) {
            if (rc != FP_OK || h.n_problems != 0 || h.facts.n != 1)
                fail_msg("%s: refused: %s", c->name, said);
        } else if (rc != FP_ERROR || h.n_problems != 1 || h.facts.n != 0 ||
                   strncmp(said, "fact 1: ", 8) != 0 || !strstr(said, c->refusal)) {
            fail_msg("%s: rc %d, problem \"%s\", expected one naming \"%s\"", c->name, rc,
                     said, c->refusal);
        }
        fp_check_host_free(&h);
    }
}

static void test_check_host_wants_the_declared_kind(void **state)
{
    (void)state;
    fp_document doc = case_document();
    fp_check_host h;
    fp_check_host_init(&h, &desc, &doc);
    fp_fact other = {sizeof other, "ratio", 8, 13, "21.1", NULL, 0, NULL, 0};
    assert_int_equal(fp_emit(&h.host, &other), FP_ERROR);
    assert_int_equal(h.n_problems, 1);
    assert_string_equal(h.problems[0],
                        "fact 1: kind 'ratio' is not the declared kind 'percentage'");
    fp_check_host_free(&h);
}

static void test_emit_during_create_is_a_problem(void **state)
{
    (void)state;
    fp_check_host h;
    fp_check_host_init(&h, &desc, NULL);
    fp_fact f = {sizeof f, NULL, 0, 1, "1", NULL, 0, NULL, 0};
    assert_int_equal(fp_emit(&h.host, &f), FP_ERROR);
    assert_string_equal(h.problems[0], "fact 1: emit() called during create()");
    fp_check_host_free(&h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_check_host_follows_the_fact_cases),
        cmocka_unit_test(test_check_host_wants_the_declared_kind),
        cmocka_unit_test(test_emit_during_create_is_a_problem),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
