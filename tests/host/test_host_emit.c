/* The host's emit(): the one gate every plugin fact passes.  It copies what
 * it is given and refuses malformed facts without crashing. */
#include "fact_cases.h"
#include "plugin/fp_host_impl.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

static const char text[] = "chiếm 21,1% tổng số";

static void setup_call(fp_host_call *call, fp_fact_list *facts)
{
    memset(facts, 0, sizeof *facts);
    fp_host_call_init(call, "percentage", "percentage", NULL, NULL);
    call->text = text;
    call->text_len = strlen(text);
    call->facts = facts;
    call->plugin = 2;
    call->priority = 20;
}

static void test_emit_copies_the_fact(void **state)
{
    (void)state;
    fp_host_call call;
    fp_fact_list facts;
    setup_call(&call, &facts);
    char value[8] = "21.1";
    char unit[16] = "phần";
    fp_attr attrs[] = {{"unit", unit}};
    fp_fact f = {sizeof f, NULL, 7, 13, value, attrs, 1, NULL, 0};
    assert_int_equal(fp_emit(&call.host, &f), FP_OK);
    strcpy(value, "XXXX"); /* the plugin's buffers may change right after */
    strcpy(unit, "YYYY");
    assert_int_equal(facts.n, 1);
    assert_string_equal(facts.items[0].value, "21.1");
    assert_string_equal(facts.items[0].kind, "percentage");
    assert_string_equal(facts.items[0].attrs[0].value, "phần");
    assert_int_equal(facts.items[0].plugin, 2);
    assert_int_equal(facts.items[0].priority, 20);
    fp_fact_list_free(&facts);
}

/* The core's log line for the last refusal. */
static void keep_line(void *user, int level, const char *message)
{
    (void)level;
    snprintf(user, 512, "%s", message);
}

/* The shared table (tests/support/fact_cases.c): the core's verdict and
 * the reason it logs. */
static void test_emit_follows_the_fact_cases(void **state)
{
    (void)state;
    for (size_t i = 0; i < n_fact_cases; i++) {
        const fact_case *c = &fact_cases[i];
        char said[512] = "";
        fp_fact_list facts;
        memset(&facts, 0, sizeof facts);
        fp_host_call call;
        fp_host_call_init(&call, "percentage", "percentage", keep_line, said);
        call.text = fact_case_text;
        call.text_len = strlen(fact_case_text);
        call.facts = &facts;
        int rc = fp_emit(&call.host, c->fact);
        if (!c->refusal) {
            if (rc != FP_OK || facts.n != 1)
                fail_msg("%s: refused: %s", c->name, said);
        } else if (rc != FP_ERROR || facts.n != 0 || call.rejected != 1 ||
                   !strstr(said, c->refusal) || !strstr(said, "fact ignored")) {
            fail_msg("%s: rc %d, logged \"%s\", expected a refusal naming \"%s\"", c->name,
                     rc, said, c->refusal);
        }
        fp_fact_list_free(&facts);
    }
}

/* A kind the plugin names itself is written as given; the declared kind
 * fills in for NULL. */
static void test_emit_keeps_the_kind(void **state)
{
    (void)state;
    fp_host_call call;
    fp_fact_list facts;
    setup_call(&call, &facts);
    fp_fact declared = {sizeof declared, NULL, 7, 13, "21.1", NULL, 0, NULL, 0};
    fp_fact other = {sizeof other, "ratio", 7, 13, "21.1", NULL, 0, NULL, 0};
    assert_int_equal(fp_emit(&call.host, &declared), FP_OK);
    assert_int_equal(fp_emit(&call.host, &other), FP_OK);
    assert_int_equal(facts.n, 2);
    assert_string_equal(facts.items[0].kind, "percentage");
    assert_string_equal(facts.items[1].kind, "ratio");
    fp_fact_list_free(&facts);
}

static void test_emit_outside_extract_is_refused(void **state)
{
    (void)state;
    fp_host_call call;
    fp_host_call_init(&call, "p", "k", NULL, NULL);
    fp_fact f = {sizeof f, NULL, 0, 1, "1", NULL, 0, NULL, 0};
    assert_int_equal(fp_emit(&call.host, &f), FP_ERROR);
}

static void test_error_keeps_last_message(void **state)
{
    (void)state;
    fp_host_call call;
    fp_host_call_init(&call, "p", "k", NULL, NULL);
    assert_int_equal(fp_errorf(&call.host, "first %d", 1), FP_ERROR);
    fp_errorf(&call.host, "regex limit hit in block %d", 7);
    assert_string_equal(call.error, "regex limit hit in block 7");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_emit_copies_the_fact),
        cmocka_unit_test(test_emit_follows_the_fact_cases),
        cmocka_unit_test(test_emit_keeps_the_kind),
        cmocka_unit_test(test_emit_outside_extract_is_refused),
        cmocka_unit_test(test_error_keeps_last_message),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
