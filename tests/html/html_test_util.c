#include "html_test_util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

fp_decoded test_decoded(const char *bytes, size_t len)
{
    fp_decoded d;
    memset(&d, 0, sizeof d);
    d.utf8 = malloc(len + 1);
    d.src = malloc((len + 1) * sizeof *d.src);
    assert_non_null(d.utf8);
    assert_non_null(d.src);
    if (len)
        memcpy(d.utf8, bytes, len);
    d.utf8[len] = '\0';
    d.len = len;
    for (size_t i = 0; i <= len; i++)
        d.src[i] = (uint32_t)i;
    d.encoding = "UTF-8";
    d.encoding_from = "utf-8 check";
    return d;
}

fp_decoded test_decoded_str(const char *text)
{
    return test_decoded(text, strlen(text));
}

fp_decoded test_decoded_file(const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/html/data/%s", FP_TEST_SOURCE_DIR,
             name);
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    size_t cap = 1 << 16, len = 0, n;
    char *bytes = malloc(cap);
    assert_non_null(bytes);
    while ((n = fread(bytes + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap) {
            bytes = realloc(bytes, cap *= 2);
            assert_non_null(bytes);
        }
    }
    fclose(f);
    fp_decoded d = test_decoded(bytes, len);
    free(bytes);
    return d;
}

fp_text test_html(const fp_decoded *in)
{
    fp_text t;
    fp_error err = {{0}};
    int rc = fp_html_to_text(in, &t, &err);
    if (rc != 0)
        fail_msg("fp_html_to_text failed: %s", err.message);
    return t;
}

static int is_space_byte(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

static void assert_source_byte(const fp_decoded *in, const fp_text *t,
                               size_t i)
{
    uint32_t s = t->src[i];
    if (s >= in->len)
        fail_msg("text byte %zu maps to %u, outside the input (%zu)", i, s,
                 in->len);
    unsigned char c = (unsigned char)t->text[i];
    unsigned char origin = (unsigned char)in->utf8[s];
    if (origin == c || origin == '&')
        return;
    if (c == ' ' && (is_space_byte(origin) || origin == 0xC2 ||
                     origin == '\0'))
        return; /* collapsed white space, NBSP, or a NUL libxml2 blanked */
    fail_msg("text byte %zu (0x%02x) maps to input byte %u (0x%02x)", i, c,
             s, origin);
}

void assert_text_consistent(const fp_decoded *in, const fp_text *t)
{
    assert_non_null(t->text);
    assert_non_null(t->src);
    assert_int_equal(t->text[t->len], '\0');
    assert_int_equal(t->src[t->len], in->src[in->len]);

    size_t covered = 0;
    for (size_t l = 0; l < t->n_lines; l++) {
        const fp_line *line = &t->lines[l];
        assert_true(line->start < line->end); /* no blank lines */
        assert_true(line->end <= t->len);
        if (l == 0)
            assert_int_equal(line->start, 0);
        else
            assert_int_equal(line->start, t->lines[l - 1].end + 1);
        if (l > 0)
            assert_int_equal(t->text[line->start - 1], '\n');
        assert_null(memchr(t->text + line->start, '\n',
                           line->end - line->start));
        assert_true(line->link_bytes <= line->end - line->start);
        assert_int_equal(line->zone, FP_ZONE_BODY);
        assert_true(line->heading <= 6);
        if (line->element >= 0) {
            assert_true((size_t)line->element < t->n_elements);
            const fp_element *e = &t->elements[line->element];
            assert_true(e->start <= line->start && line->end <= e->end);
        }
        covered += line->end - line->start;
    }
    /* Lines plus one '\n' between each pair make up the whole text. */
    assert_int_equal(covered + (t->n_lines ? t->n_lines - 1 : 0), t->len);

    for (size_t e = 0; e < t->n_elements; e++) {
        const fp_element *el = &t->elements[e];
        assert_true(el->start <= el->end && el->end <= t->len);
        assert_true(el->link_bytes <= el->end - el->start);
        assert_true(el->tag[0] != '\0');
        if (el->parent >= 0) {
            assert_true((size_t)el->parent < e);
            const fp_element *p = &t->elements[el->parent];
            assert_int_equal(el->depth, p->depth + 1);
            assert_true(p->start <= el->start && el->end <= p->end);
        } else {
            assert_int_equal(el->depth, 0);
        }
    }

    for (size_t i = 0; i < t->len; i++)
        if (t->text[i] != '\n')
            assert_source_byte(in, t, i);
}

int text_contains(const fp_text *t, const char *needle)
{
    return strstr(t->text, needle) != NULL;
}
