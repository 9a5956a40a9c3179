/*
 * NeMo Vietnamese text-normalization cases (data/, Apache-2.0, see
 * data/NOTICE.txt) as count tests: the written integers of the cardinal
 * cases are counts when a noun follows, with their thousands grouped by
 * dots or spaces; the written decimals are counts only with a word
 * multiplier ("1,5 triệu người"); the written dates, times, money sums,
 * measures, ordinals, ranges and phone numbers are not, even with a
 * counted noun after them.
 */
#include "count_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

enum { LINE_BYTES = 1024 };

/* A NeMo file and which side of "a~b" is the written form. */
typedef struct nemo_file {
    const char *name;
    bool written_on_left; /* text normalization: written ~ spoken */
} nemo_file;

static FILE *open_data(const char *name)
{
    char path[LINE_BYTES];
    snprintf(path, sizeof path, "%s/tests/count/data/%s", FP_TEST_SOURCE_DIR,
             name);
    FILE *file = fopen(path, "r");
    if (file == NULL)
        fail_msg("cannot open %s", path);
    return file;
}

/* Splits "a~b\n" in place and returns the written side, or NULL. */
static char *written_side(char *line, bool written_on_left)
{
    line[strcspn(line, "\r\n")] = '\0';
    char *tilde = strchr(line, '~');
    if (tilde == NULL)
        return NULL;
    *tilde = '\0';
    return written_on_left ? line : tilde + 1;
}

static bool is_plain_integer(const char *s)
{
    if (*s == '\0')
        return false;
    for (; *s != '\0'; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

/* "1234567" -> "1.234.567" with separator ".", as Vietnamese text groups
 * thousands; "1 234 567" with " ", "1. 234. 567" with ". ". */
static void group_thousands(const char *digits, const char *separator,
                            char *out)
{
    size_t len = strlen(digits), n = 0;
    for (size_t i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            for (const char *c = separator; *c != '\0'; c++)
                out[n++] = *c;
        out[n++] = digits[i];
    }
    out[n] = '\0';
}

/* text must give exactly `value` (NULL: nothing) with unit "người". */
static void expect_count(const char *text, const char *value)
{
    fp_fake_host host;
    assert_int_equal(run_count(&host, NULL, text), FP_OK);
    size_t expected = value != NULL ? 1 : 0;
    if (host.n_facts != expected)
        fail_msg("\"%s\": %zu counts, expected %zu", text, host.n_facts,
                 expected);
    if (value != NULL) {
        if (strcmp(host.facts[0].value, value) != 0)
            fail_msg("\"%s\": value %s, expected %s", text,
                     host.facts[0].value, value);
        assert_string_equal(host.facts[0].attrs[0].value, "người");
    }
    fp_fake_host_free(&host);
}

static void cardinals_followed_by_a_noun_are_counts(void **state)
{
    FILE *file = open_data("tn_cardinal.txt");
    char line[LINE_BYTES];
    size_t checked = 0;
    while (fgets(line, sizeof line, file) != NULL) {
        char *written = written_side(line, true);
        if (written == NULL)
            continue;
        char text[LINE_BYTES * 2];
        bool counted = is_plain_integer(written) && strlen(written) <= 10;
        /* Values carry no leading zeros; the cases have none but "0". */
        snprintf(text, sizeof text, "có %s người", written);
        expect_count(text, counted ? written : NULL);
        static const char *const separators[] = {".", " ", "\xC2\xA0",
                                                 ". "};
        for (size_t i = 0; is_plain_integer(written) &&
                           i < sizeof separators / sizeof *separators;
             i++) {
            char grouped[LINE_BYTES * 2];
            group_thousands(written, separators[i], grouped);
            snprintf(text, sizeof text, "có %s người", grouped);
            expect_count(text, counted ? written : NULL);
        }
        checked++;
    }
    fclose(file);
    assert_true(checked > 100);
}

/* The value of each written decimal with a word multiplier in
 * tn_decimal.txt, as its spoken side reads it ("một phẩy năm triệu"). */
static const struct {
    const char *written;
    const char *value; /* NULL: no count (negative, or too large) */
} multiplied_decimals[] = {
    {"0,2 triệu", "200000"},  {"18 vạn", "180000"},
    {"-99,95 tỷ", NULL},      {"1,5 triệu", "1500000"},
    {"3,14 tỷ", "3140000000"}, {"10,01 vạn", "100100"},
    {"1 tỉ", "1000000000"},
};

static bool has_multiplier_word(const char *written)
{
    static const char *const words[] = {" triệu", " vạn", " tỷ", " tỉ",
                                        " nghìn", " ngàn"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strstr(written, words[i]) != NULL)
            return true;
    return false;
}

static void decimals_count_only_with_a_multiplier(void **state)
{
    FILE *file = open_data("tn_decimal.txt");
    char line[LINE_BYTES];
    size_t checked = 0, multiplied = 0;
    while (fgets(line, sizeof line, file) != NULL) {
        char *written = written_side(line, true);
        if (written == NULL)
            continue;
        char text[LINE_BYTES * 2];
        snprintf(text, sizeof text, "có %s người", written);
        const char *value = NULL;
        if (has_multiplier_word(written)) {
            size_t i = 0, n = sizeof multiplied_decimals /
                              sizeof *multiplied_decimals;
            while (i < n &&
                   strcmp(multiplied_decimals[i].written, written) != 0)
                i++;
            if (i == n)
                fail_msg("tn_decimal.txt: \"%s\" is not in the table of "
                         "multiplied decimals", written);
            value = multiplied_decimals[i].value;
            multiplied++;
        }
        /* Without a multiplier a decimal ("1,01", "123,000") or a glued
         * abbreviation ("1tr2", "10k") is no count. */
        expect_count(text, value);
        checked++;
    }
    fclose(file);
    assert_true(checked > 20);
    assert_int_equal(multiplied, sizeof multiplied_decimals /
                                     sizeof *multiplied_decimals);
}

static void written_non_counts_stay_out(void **state)
{
    static const nemo_file files[] = {
        {"tn_measure.txt", true},   {"tn_money.txt", true},
        {"tn_time.txt", true},      {"tn_date.txt", true},
        {"tn_ordinal.txt", true},   {"tn_range.txt", true},
        {"itn_measure.txt", false}, {"itn_telephone.txt", false},
        {"itn_money.txt", false},   {"itn_time.txt", false},
        {"itn_date.txt", false},
    };
    size_t checked = 0;
    for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
        FILE *file = open_data(files[f].name);
        char line[LINE_BYTES];
        while (fgets(line, sizeof line, file) != NULL) {
            char *written = written_side(line, files[f].written_on_left);
            /* A phone number read out digit by digit is written as a
             * plain integer ("123456789"), which in text reads as a
             * cardinal: only the forms with separators apply. */
            if (written == NULL || is_plain_integer(written))
                continue;
            char text[LINE_BYTES * 2];
            snprintf(text, sizeof text, "%s người dân", written);
            fp_fake_host host;
            assert_int_equal(run_count(&host, NULL, text), FP_OK);
            if (host.n_facts != 0)
                fail_msg("%s: \"%s\" gave count %s \"%s\"", files[f].name,
                         text, host.facts[0].value, host.facts[0].surface);
            fp_fake_host_free(&host);
            checked++;
        }
        fclose(file);
    }
    assert_true(checked > 400);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cardinals_followed_by_a_noun_are_counts),
        cmocka_unit_test(decimals_count_only_with_a_multiplier),
        cmocka_unit_test(written_non_counts_stay_out),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
