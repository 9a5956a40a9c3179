/* The host's emit(): the one gate every plugin fact passes.  It copies what
 * it is given and refuses malformed facts without crashing. */
#include "plugin/fp_host_impl.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
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

static void test_emit_refuses_malformed_facts(void **state)
{
    (void)state;
    fp_host_call call;
    fp_fact_list facts;
    setup_call(&call, &facts);
    size_t len = strlen(text);
    fp_attr reserved[] = {{"value", "x"}};
    fp_attr bad_name[] = {{"Unit", "x"}};
    fp_attr bad_utf8[] = {{"unit", "\xC3("}};
    const fp_fact bad[] = {
        {sizeof(fp_fact), NULL, 5, 5, "1", NULL, 0, NULL, 0},           /* empty span */
        {sizeof(fp_fact), NULL, 5, len + 1, "1", NULL, 0, NULL, 0},     /* past the end */
        {sizeof(fp_fact), NULL, 0, 3, "", NULL, 0, NULL, 0},            /* empty value */
        {sizeof(fp_fact), NULL, 0, 3, NULL, NULL, 0, NULL, 0},          /* no value */
        {sizeof(fp_fact), NULL, 0, 3, "\xFF", NULL, 0, NULL, 0},        /* not UTF-8 */
        {sizeof(fp_fact), "Bad Kind", 0, 3, "1", NULL, 0, NULL, 0},     /* kind name */
        {sizeof(fp_fact), NULL, 0, 3, "1", reserved, 1, NULL, 0},       /* reserved */
        {sizeof(fp_fact), NULL, 0, 3, "1", bad_name, 1, NULL, 0},       /* upper case */
        {sizeof(fp_fact), NULL, 0, 3, "1", NULL, 0, bad_utf8, 1},       /* child value */
        {sizeof(fp_fact), NULL, 0, 3, "1", NULL, 2, NULL, 0},           /* count, no array */
        {8, NULL, 0, 3, "1", NULL, 0, NULL, 0},                         /* truncated struct */
        {sizeof(fp_fact), NULL, 0, 4, "1", NULL, 0, NULL, 0},           /* ends inside "ế" */
        {sizeof(fp_fact), NULL, 4, 6, "1", NULL, 0, NULL, 0},           /* starts inside it */
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_int_equal(fp_emit(&call.host, &bad[i]), FP_ERROR);
    assert_int_equal(fp_emit(&call.host, NULL), FP_ERROR);
    assert_int_equal(facts.n, 0);
    assert_int_equal(call.rejected, sizeof bad / sizeof *bad + 1);
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
        cmocka_unit_test(test_emit_refuses_malformed_facts),
        cmocka_unit_test(test_emit_outside_extract_is_refused),
        cmocka_unit_test(test_error_keeps_last_message),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
