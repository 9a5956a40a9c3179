/* The JSON writer: escaping, cleaning as the XML writer cleans, the shape
 * of what it writes, and refusal of misuse. */
#include "output/fp_json.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

typedef struct written {
    char *data;
    size_t len;
    FILE *fp;
    fp_json w;
} written;

static void start(written *o)
{
    memset(o, 0, sizeof *o);
    o->fp = open_memstream(&o->data, &o->len);
    assert_non_null(o->fp);
    fp_json_init(&o->w, o->fp);
}

/* Closes the stream; returns what fp_json_end said. */
static int finish(written *o, fp_error *err)
{
    int rc = fp_json_end(&o->w, err);
    fclose(o->fp);
    return rc;
}

/* The JSON text of one string value written from len bytes of s. */
static char *string_json(const char *s, size_t len)
{
    written o;
    fp_error err = {{0}};
    start(&o);
    fp_json_string_len(&o.w, s, len);
    assert_int_equal(finish(&o, &err), 0);
    return o.data;
}

static void assert_string_json(const char *s, size_t len, const char *want)
{
    char *got = string_json(s, len);
    assert_string_equal(got, want);
    free(got);
}

#define STR(lit, want) assert_string_json(lit, sizeof lit - 1, want)

static void escapes(void **state)
{
    (void)state;
    STR("", "\"\"");
    STR("plain ascii 21,1%", "\"plain ascii 21,1%\"");
    STR("a\"b\\c/d", "\"a\\\"b\\\\c/d\"");
    STR("tab\tnl\ncr\r", "\"tab\\tnl\\ncr\\r\"");
    STR("del\x7f", "\"del\\u007f\"");
    /* U+2028 and U+2029 end lines for JavaScript and some line readers. */
    STR("a\xE2\x80\xA8" "b\xE2\x80\xA9", "\"a\\u2028b\\u2029\"");
    /* Other non-ASCII text stays UTF-8. */
    STR("Tỷ lệ 21,1% — 𝄞", "\"Tỷ lệ 21,1% — 𝄞\"");
}

static void cleaned_as_the_xml_writer_cleans(void **state)
{
    (void)state;
    /* Control characters XML forbids, NUL included, become U+FFFD. */
    STR("a\x01" "b\x00" "c\x1f", "\"a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD\"");
    /* Invalid UTF-8: a stray continuation byte, a truncated sequence, an
     * overlong form, a surrogate, past U+10FFFF, a lone lead at the end. */
    STR("\x80", "\"\xEF\xBF\xBD\"");
    STR("\xE1\xBB" "x", "\"\xEF\xBF\xBD" "x\"");
    STR("\xC0\xAF", "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");
    STR("\xED\xA0\x80", "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
    STR("\xF4\x90\x80\x80", "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
    STR("ok\xE1", "\"ok\xEF\xBF\xBD\"");
    /* U+FFFE and U+FFFF are not characters to XML either. */
    STR("\xEF\xBF\xBE\xEF\xBF\xBF", "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");
    /* A real U+FFFD stays itself. */
    STR("\xEF\xBF\xBD", "\"\xEF\xBF\xBD\"");
}

static void values_and_containers(void **state)
{
    (void)state;
    written o;
    fp_error err = {{0}};
    start(&o);
    fp_json_object_begin(&o.w);
    fp_json_key(&o.w, "n");
    fp_json_uint(&o.w, 18446744073709551615ULL);
    fp_json_key(&o.w, "zero");
    fp_json_uint(&o.w, 0);
    fp_json_key(&o.w, "t");
    fp_json_bool(&o.w, 1);
    fp_json_key(&o.w, "f");
    fp_json_bool(&o.w, 0);
    fp_json_key(&o.w, "none");
    fp_json_string(&o.w, NULL);
    fp_json_key(&o.w, "empty");
    fp_json_array_begin(&o.w);
    fp_json_array_end(&o.w);
    fp_json_key(&o.w, "list");
    fp_json_array_begin(&o.w);
    fp_json_string(&o.w, "a");
    fp_json_object_begin(&o.w);
    fp_json_object_end(&o.w);
    fp_json_null(&o.w);
    fp_json_array_end(&o.w);
    fp_json_key(&o.w, "k\"\n");
    fp_json_string(&o.w, "v");
    fp_json_object_end(&o.w);
    assert_int_equal(finish(&o, &err), 0);
    assert_string_equal(o.data, "{\"n\":18446744073709551615,\"zero\":0,\"t\":true,"
                                "\"f\":false,\"none\":null,\"empty\":[],"
                                "\"list\":[\"a\",{},null],\"k\\\"\\n\":\"v\"}");
    free(o.data);
}

typedef void (*misuse_fn)(fp_json *w);

static void key_at_top(fp_json *w) { fp_json_key(w, "k"); }
static void value_without_key(fp_json *w)
{
    fp_json_object_begin(w);
    fp_json_string(w, "v");
    fp_json_object_end(w);
}
static void key_in_array(fp_json *w)
{
    fp_json_array_begin(w);
    fp_json_key(w, "k");
    fp_json_array_end(w);
}
static void key_without_value(fp_json *w)
{
    fp_json_object_begin(w);
    fp_json_key(w, "k");
    fp_json_object_end(w);
}
static void two_keys(fp_json *w)
{
    fp_json_object_begin(w);
    fp_json_key(w, "a");
    fp_json_key(w, "b");
    fp_json_null(w);
    fp_json_object_end(w);
}
static void wrong_close(fp_json *w)
{
    fp_json_object_begin(w);
    fp_json_array_end(w);
}
static void left_open(fp_json *w) { fp_json_array_begin(w); }
static void nothing(fp_json *w) { (void)w; }
static void two_values(fp_json *w)
{
    fp_json_null(w);
    fp_json_null(w);
}
static void too_deep(fp_json *w)
{
    for (int i = 0; i <= FP_JSON_MAX_DEPTH; i++)
        fp_json_array_begin(w);
    for (int i = 0; i <= FP_JSON_MAX_DEPTH; i++)
        fp_json_array_end(w);
}
static void close_at_top(fp_json *w)
{
    fp_json_null(w);
    fp_json_array_end(w);
}

static void misuse_is_reported(void **state)
{
    (void)state;
    const misuse_fn cases[] = {key_at_top, value_without_key, key_in_array, key_without_value,
                               two_keys, wrong_close, left_open, nothing, two_values,
                               too_deep, close_at_top};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        written o;
        fp_error err = {{0}};
        start(&o);
        cases[i](&o.w);
        assert_int_equal(finish(&o, &err), -1);
        assert_non_null(strstr(err.message, "JSON"));
        free(o.data);
    }
}

static void deepest_allowed_nesting(void **state)
{
    (void)state;
    written o;
    fp_error err = {{0}};
    start(&o);
    for (int i = 0; i < FP_JSON_MAX_DEPTH; i++)
        fp_json_array_begin(&o.w);
    for (int i = 0; i < FP_JSON_MAX_DEPTH; i++)
        fp_json_array_end(&o.w);
    assert_int_equal(finish(&o, &err), 0);
    assert_int_equal(o.len, 2 * FP_JSON_MAX_DEPTH);
    free(o.data);
}

static void write_failure_is_reported(void **state)
{
    (void)state;
    /* A stream opened for reading refuses every write. */
    FILE *ro = fopen("/dev/null", "r");
    assert_non_null(ro);
    fp_json w;
    fp_error err = {{0}};
    fp_json_init(&w, ro);
    fp_json_string(&w, "x");
    assert_int_equal(fp_json_end(&w, &err), -1);
    assert_non_null(strstr(err.message, "cannot write the JSON output"));
    fclose(ro);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(escapes),
        cmocka_unit_test(cleaned_as_the_xml_writer_cleans),
        cmocka_unit_test(values_and_containers),
        cmocka_unit_test(misuse_is_reported),
        cmocka_unit_test(deepest_allowed_nesting),
        cmocka_unit_test(write_failure_is_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
