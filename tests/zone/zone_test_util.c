#include "zone_test_util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

fp_zone_rules *zone_test_load_rules(void)
{
    fp_error err = {{0}};
    fp_zone_rules *rules =
        fp_zone_rules_load(FP_TEST_SOURCE_DIR "/config/zones.conf", &err);
    if (!rules)
        fail_msg("loading zones.conf: %s", err.message);
    return rules;
}

fp_zone_rules *zone_test_load_rules_off(const char *rule)
{
    size_t len;
    FILE *f = fopen(FP_TEST_SOURCE_DIR "/config/zones.conf", "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    rewind(f);
    const char *section = "\n[rules-off]\n";
    size_t extra = strlen(section) + strlen(rule) + 2;
    char *text = malloc((size_t)size + extra);
    assert_non_null(text);
    len = fread(text, 1, (size_t)size, f);
    fclose(f);
    snprintf(text + len, extra, "%s%s\n", section, rule);
    char *path = zone_test_temp_file(text);
    free(text);
    fp_error err = {{0}};
    fp_zone_rules *rules = fp_zone_rules_load(path, &err);
    unlink(path);
    free(path);
    if (!rules)
        fail_msg("loading zones.conf with [rules-off] %s: %s", rule,
                 err.message);
    return rules;
}

int zone_test_setup_rules(void **state)
{
    *state = zone_test_load_rules();
    return 0;
}

int zone_test_free_rules(void **state)
{
    fp_zone_rules_free(*state);
    return 0;
}

char *zone_test_read_data(const char *name, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/zone/data/%s", FP_TEST_SOURCE_DIR,
             name);
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    rewind(f);
    char *bytes = malloc((size_t)size + 1);
    assert_non_null(bytes);
    *len = fread(bytes, 1, (size_t)size, f);
    bytes[*len] = '\0';
    fclose(f);
    return bytes;
}

void zone_test_make_text(const char *bytes, size_t len, int html, fp_text *t)
{
    fp_decoded decoded = {0};
    decoded.utf8 = malloc(len + 1);
    decoded.src = malloc((len + 1) * sizeof *decoded.src);
    assert_non_null(decoded.utf8);
    assert_non_null(decoded.src);
    memcpy(decoded.utf8, bytes, len);
    decoded.utf8[len] = '\0';
    decoded.len = len;
    for (size_t i = 0; i <= len; i++)
        decoded.src[i] = (uint32_t)i;
    decoded.encoding = "UTF-8";
    decoded.encoding_from = "utf-8 check";

    fp_error err = {{0}};
    memset(t, 0, sizeof *t);
    int rc;
    if (html) {
        fp_html_init();
        rc = fp_html_to_text(&decoded, t, &err);
    } else {
        rc = fp_plaintext_to_text(&decoded, t, &err);
    }
    fp_decoded_free(&decoded);
    if (rc != 0)
        fail_msg("building the text: %s", err.message);
}

size_t zone_test_find_line(const fp_text *t, const char *needle)
{
    size_t needle_len = strlen(needle);
    for (size_t i = 0; i < t->n_lines; i++) {
        const char *s = t->text + t->lines[i].start;
        size_t len = t->lines[i].end - t->lines[i].start;
        for (size_t at = 0; at + needle_len <= len; at++)
            if (memcmp(s + at, needle, needle_len) == 0)
                return i;
    }
    return (size_t)-1;
}

fp_zone_kind zone_test_zone_of(const fp_text *t, const char *needle)
{
    size_t i = zone_test_find_line(t, needle);
    if (i == (size_t)-1)
        fail_msg("no line contains \"%s\"", needle);
    return t->lines[i].zone;
}

char *zone_test_temp_file(const char *text)
{
    char *path = strdup(FP_TEST_BINARY_DIR "/zone-rules-XXXXXX");
    assert_non_null(path);
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    size_t len = strlen(text);
    assert_int_equal(write(fd, text, len), (ssize_t)len);
    close(fd);
    return path;
}

void zone_test_zone_doc(const fp_zone_rules *rules, const char *doc, int html,
                        zone_test_doc *z)
{
    zone_test_make_text(doc, strlen(doc), html, &z->text);
    fp_error err = {{0}};
    if (fp_zone_document(rules, &z->text, &z->meta, &err) != 0)
        fail_msg("zoning: %s", err.message);
    size_t len;
    if (fp_zone_article_text(&z->text, &z->article, &len, &err) != 0)
        fail_msg("article text: %s", err.message);
}

void zone_test_release_doc(zone_test_doc *z)
{
    free(z->article);
    fp_meta_free(&z->meta);
    fp_text_free(&z->text);
}

void zone_test_zone_doc_without(const char *rule, const char *doc, int html,
                                zone_test_doc *z)
{
    fp_zone_rules *rules = zone_test_load_rules_off(rule);
    zone_test_zone_doc(rules, doc, html, z);
    fp_zone_rules_free(rules);
}

void zone_test_expect_in_article(const zone_test_doc *z, const char *needle)
{
    if (!strstr(z->article, needle))
        fail_msg("\"%s\" is not in the article:\n%s", needle, z->article);
}

void zone_test_expect_not_in_article(const zone_test_doc *z,
                                     const char *needle)
{
    if (strstr(z->article, needle))
        fail_msg("\"%s\" is in the article:\n%s", needle, z->article);
}
