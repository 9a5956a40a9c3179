/*
 * What the docref plugin reports, table-driven against the fake host: the
 * examples of the issue and docs/GUIDELINE.md first, then lists, dates, plenum
 * names, and what must not be a reference.
 */
#include "docref_match.h"
#include "fake_host.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

const fp_plugin_desc *fp_plugin_docref_get_desc(void);

#define LEXICON FP_TEST_SOURCE_DIR "/config/lexicons/docref-types.txt"
#define N_CASES(cases) (sizeof(cases) / sizeof *(cases))

enum { MAX_FACTS = 4 };

typedef struct expected_fact {
    const char *value, *surface, *type, *date; /* date NULL: none */
} expected_fact;

typedef struct docref_case {
    const char *text;
    size_t n_facts;
    expected_fact facts[MAX_FACTS];
} docref_case;

static const char *default_settings[] = {"types=" LEXICON, NULL};

static const char *attr(const fp_fake_fact *fact, const char *name)
{
    for (size_t i = 0; i < fact->n_attrs; i++)
        if (strcmp(fact->attrs[i].name, name) == 0)
            return fact->attrs[i].value;
    return NULL;
}

/* Creates the plugin with settings, extracts from text; returns extract's
 * result.  The caller frees host. */
static int run_docref(fp_fake_host *host, const char *const *settings,
                      const char *text)
{
    fp_fake_host_init(host);
    fp_fake_plugin plugin;
    if (fp_fake_plugin_create(&plugin, fp_plugin_docref_get_desc(), host,
                              settings) != FP_OK)
        fail_msg("create failed: %s", host->last_error);
    fp_fake_doc *doc = fp_fake_doc_new(text);
    assert_non_null(doc);
    int rc = fp_fake_plugin_extract(&plugin, host, doc);
    fp_fake_doc_free(doc);
    fp_fake_plugin_destroy(&plugin);
    return rc;
}

static void check_fact(const char *text, size_t i, const fp_fake_fact *got,
                       const expected_fact *want)
{
    const char *type = attr(got, "type");
    const char *date = attr(got, "date");
    if (strcmp(got->value, want->value) != 0 ||
        strcmp(got->surface, want->surface) != 0)
        fail_msg("\"%s\": fact %zu is '%s' over \"%s\", expected '%s' over "
                 "\"%s\"", text, i, got->value, got->surface, want->value,
                 want->surface);
    if (type == NULL || strcmp(type, want->type) != 0)
        fail_msg("\"%s\": fact %zu has type '%s', expected '%s'", text, i,
                 type ? type : "(none)", want->type);
    if ((want->date == NULL) != (date == NULL) ||
        (date != NULL && strcmp(date, want->date) != 0))
        fail_msg("\"%s\": fact %zu has date '%s', expected '%s'", text, i,
                 date ? date : "(none)", want->date ? want->date : "(none)");
    if (got->kind != NULL)
        fail_msg("\"%s\": the kind should be left to the descriptor", text);
}

static void check_cases(const docref_case *cases, size_t n)
{
    for (size_t c = 0; c < n; c++) {
        fp_fake_host host;
        if (run_docref(&host, default_settings, cases[c].text) != FP_OK)
            fail_msg("\"%s\": extract failed: %s", cases[c].text,
                     host.last_error);
        if (host.n_rejected != 0)
            fail_msg("\"%s\": the host refused a fact: %s", cases[c].text,
                     host.last_rejection);
        if (host.n_facts != cases[c].n_facts)
            fail_msg("\"%s\": %zu facts, expected %zu%s%s", cases[c].text,
                     host.n_facts, cases[c].n_facts,
                     host.n_facts ? "; first: " : "",
                     host.n_facts ? host.facts[0].value : "");
        for (size_t i = 0; i < host.n_facts; i++)
            check_fact(cases[c].text, i, &host.facts[i], &cases[c].facts[i]);
        fp_fake_host_free(&host);
    }
}

static void issue_examples(void **state)
{
    static const docref_case cases[] = {
        {"theo Quyết định số 217-QĐ/TW của Bộ Chính trị", 1,
         {{"217-QĐ/TW", "Quyết định số 217-QĐ/TW", "Quyết định", NULL}}},
        {"Kế hoạch số 112/KH-UBND ngày 15/01/2019 của UBND quận", 1,
         {{"112/KH-UBND", "Kế hoạch số 112/KH-UBND", "Kế hoạch",
           "2019-01-15"}}},
        {"thực hiện Đề án 02-ĐA/QU", 1,
         {{"02-ĐA/QU", "Đề án 02-ĐA/QU", "Đề án", NULL}}},
        {"Chỉ thị 05-CT/TW về học tập", 1,
         {{"05-CT/TW", "Chỉ thị 05-CT/TW", "Chỉ thị", NULL}}},
        {"Nghị quyết Trung ương 4 (khóa XI) và (khóa XII)", 1,
         {{"Nghị quyết Trung ương 4 (khóa XI)",
           "Nghị quyết Trung ương 4 (khóa XI)", "Nghị quyết", NULL}}},
        {"Thông tư 146/2017/TT-BTC", 1,
         {{"146/2017/TT-BTC", "Thông tư 146/2017/TT-BTC", "Thông tư", NULL}}},
        {"Quyết định 217, 218-QĐ/TW", 2,
         {{"217-QĐ/TW", "Quyết định 217", "Quyết định", NULL},
          {"218-QĐ/TW", "218-QĐ/TW", "Quyết định", NULL}}},
    };
    check_cases(cases, N_CASES(cases));
}

static void lists_dates_and_names(void **state)
{
    static const docref_case cases[] = {
        {"Quyết định số 217-QĐ/TW và 218-QĐ/TW ngày 12/12/2013", 2,
         {{"217-QĐ/TW", "Quyết định số 217-QĐ/TW", "Quyết định", NULL},
          {"218-QĐ/TW", "218-QĐ/TW", "Quyết định", "2013-12-12"}}},
        {"Thông tư 145, 146/2017/TT-BTC", 2,
         {{"145/2017/TT-BTC", "Thông tư 145", "Thông tư", NULL},
          {"146/2017/TT-BTC", "146/2017/TT-BTC", "Thông tư", NULL}}},
        {"Quyết định số 217-QĐ/TW, 20 đảng viên", 1,
         {{"217-QĐ/TW", "Quyết định số 217-QĐ/TW", "Quyết định", NULL}}},
        {"Kế hoạch số 45 ngày 5 tháng 3 năm 2019", 1,
         {{"45", "Kế hoạch số 45", "Kế hoạch", "2019-03-05"}}},
        {"Kế hoạch 45/KH-UBND, ngày 31/02/2019", 1, /* no 31 February */
         {{"45/KH-UBND", "Kế hoạch 45/KH-UBND", "Kế hoạch", NULL}}},
        {"Thông tư liên tịch 01/2017/TTLT-BNV", 1,
         {{"01/2017/TTLT-BNV", "Thông tư liên tịch 01/2017/TTLT-BNV",
           "Thông tư liên tịch", NULL}}},
        {"QUYẾT ĐỊNH SỐ 35/QĐ-UBND", 1,
         {{"35/QĐ-UBND", "QUYẾT ĐỊNH SỐ 35/QĐ-UBND", "Quyết định", NULL}}},
        {"theo quyết định số 12/QĐ-UBND", 1,
         {{"12/QĐ-UBND", "quyết định số 12/QĐ-UBND", "Quyết định", NULL}}},
        {"Nghị quyết 43 năm 2019", 1,
         {{"43", "Nghị quyết 43", "Nghị quyết", NULL}}},
        {"Nghị quyết Hội nghị Trung ương 8, khóa XI", 1,
         {{"Nghị quyết Hội nghị Trung ương 8, khóa XI",
           "Nghị quyết Hội nghị Trung ương 8, khóa XI", "Nghị quyết",
           NULL}}},
        {"Nghị quyết Trung\u00a0ương 6", 1,
         {{"Nghị quyết Trung\u00a0ương 6", "Nghị quyết Trung\u00a0ương 6",
           "Nghị quyết", NULL}}},
        {"Chỉ thị số: 05-CT/TW", 1,
         {{"05-CT/TW", "Chỉ thị số: 05-CT/TW", "Chỉ thị", NULL}}},
        {"Quyết định số 217-QĐ/TW.\nKế hoạch 9/KH-QU", 2,
         {{"217-QĐ/TW", "Quyết định số 217-QĐ/TW", "Quyết định", NULL},
          {"9/KH-QU", "Kế hoạch 9/KH-QU", "Kế hoạch", NULL}}},
    };
    check_cases(cases, N_CASES(cases));
}

static void not_references(void **state)
{
    static const docref_case cases[] = {
        {"Kế hoạch 5 năm của quận", 0, {{0}}},
        {"báo cáo 3 lần trong năm", 0, {{0}}},
        {"ra quyết định 15 đảng viên", 0, {{0}}},
        {"Luật Đất đai năm 2013", 0, {{0}}},
        {"thực hiện các nghị quyết của Đảng", 0, {{0}}},
        {"Quyết định số", 0, {{0}}},
        {"Quyết định 2,5 tỷ đồng", 0, {{0}}},
        {"Quyết định 217abc", 0, {{0}}},
        {"KếHoạch 5/KH", 0, {{0}}},
        {"", 0, {{0}}},
    };
    check_cases(cases, N_CASES(cases));
}

static char *write_lexicon(const char *content)
{
    char *path = strdup("/tmp/docref-lexicon-XXXXXX");
    assert_non_null(path);
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *file = fdopen(fd, "w");
    assert_non_null(file);
    fputs(content, file);
    fclose(file);
    return path;
}

/* Runs docref with a lexicon file holding lexicon on text; returns
 * extract's result.  The caller frees host. */
static int run_with_lexicon(fp_fake_host *host, const char *lexicon,
                            const char *text)
{
    char *path = write_lexicon(lexicon);
    char setting[128];
    snprintf(setting, sizeof setting, "types=%s", path);
    const char *settings[] = {setting, NULL};
    int rc = run_docref(host, settings, text);
    unlink(path);
    free(path);
    return rc;
}

static void lexicon_option(void **state)
{
    fp_fake_host host;
    assert_int_equal(run_with_lexicon(&host,
                                      "# test lexicon\n  Công văn  # a "
                                      "letter\n\nTờ   trình\n",
                                      "Công văn số 7/UBND và Quyết định "
                                      "số 1/QĐ, Tờ trình 3/TTr"),
                     FP_OK);
    assert_int_equal(host.n_facts, 2);
    assert_string_equal(host.facts[0].value, "7/UBND");
    assert_string_equal(attr(&host.facts[0], "type"), "Công văn");
    assert_string_equal(host.facts[1].value, "3/TTr");
    assert_string_equal(attr(&host.facts[1], "type"), "Tờ trình");
    fp_fake_host_free(&host);
}

/* Types sharing a first letter, written in either case and listed in no
 * particular order: the pattern tests each first letter once for its
 * group of types (docref_types.c), and still finds the longest type and
 * names the one that matched. */
static void types_sharing_first_letters(void **state)
{
    (void)state;
    fp_fake_host host;
    assert_int_equal(run_with_lexicon(&host,
                                      "Thông tư\nquy chế\nThông tư liên "
                                      "tịch\nQuyết định\nđề án\nĐiều lệ\n"
                                      "Tờ trình\n",
                                      "Thông tư liên tịch số 5/TTLT. thông "
                                      "tư 6/TT. Quy chế số 7/QC. quyết định "
                                      "số 8/QĐ. Đề án 9/ĐA. điều lệ số "
                                      "10/ĐL. tờ trình 11/TTr."),
                     FP_OK);
    static const char *const want[][2] = {
        {"5/TTLT", "Thông tư liên tịch"}, {"6/TT", "Thông tư"},
        {"7/QC", "quy chế"},              {"8/QĐ", "Quyết định"},
        {"9/ĐA", "đề án"},                {"10/ĐL", "Điều lệ"},
        {"11/TTr", "Tờ trình"}};
    assert_int_equal(host.n_facts, N_CASES(want));
    for (size_t i = 0; i < N_CASES(want); i++) {
        assert_string_equal(host.facts[i].value, want[i][0]);
        assert_string_equal(attr(&host.facts[i], "type"), want[i][1]);
    }
    fp_fake_host_free(&host);
}

/* Creating the plugin with a lexicon holding content fails with an error
 * that names the file and holds error_part. */
static void expect_lexicon_error(const char *content, const char *error_part)
{
    char *path = write_lexicon(content);
    char setting[128];
    snprintf(setting, sizeof setting, "types=%s", path);
    const char *settings[] = {setting, NULL};
    fp_fake_host host;
    fp_fake_host_init(&host);
    fp_fake_plugin plugin;
    assert_int_equal(fp_fake_plugin_create(&plugin,
                                           fp_plugin_docref_get_desc(),
                                           &host, settings),
                     FP_ERROR);
    if (strstr(host.last_error, error_part) == NULL ||
        strstr(host.last_error, path) == NULL)
        fail_msg("error '%s' does not name the file and '%s'",
                 host.last_error, error_part);
    fp_fake_host_free(&host);
    unlink(path);
    free(path);
}

static void bad_lexicons_fail_create(void **state)
{
    static const struct {
        const char *content;
        const char *error_part;
    } cases[] = {
        {"# only a comment\n\n", ": no entries"},
        {"Quyết định\nback\\slash\n", ":2: 'back\\slash' cannot be a "
                                      "document type: it holds a backslash"},
        {"Quyết định\n\xff\xfe\n", ":2: not valid UTF-8"},
        {"Quyết định\nQuyết định quyết định quyết định quyết định quyết "
         "định quyết định quyết định quyết định quyết định\n",
         ":2: 'Quyết định quyết định quyết ' cannot be a document "
         "type: it is longer than 120 bytes"},
    };
    for (size_t i = 0; i < N_CASES(cases); i++)
        expect_lexicon_error(cases[i].content, cases[i].error_part);
    /* More types than the reference pattern has groups for. */
    char many[16 * 256] = "";
    for (int i = 0; i <= 200; i++)
        snprintf(many + strlen(many), sizeof many - strlen(many), "Loại %d\n", i);
    expect_lexicon_error(many, "201 document types, more than 200");

    const char *missing[] = {"types=/nonexistent/docref.txt", NULL};
    fp_fake_host host;
    fp_fake_host_init(&host);
    fp_fake_plugin plugin;
    assert_int_equal(fp_fake_plugin_create(&plugin,
                                           fp_plugin_docref_get_desc(),
                                           &host, missing),
                     FP_ERROR);
    assert_non_null(strstr(host.last_error, "/nonexistent/docref.txt"));
    fp_fake_host_free(&host);
}

/* The plugin searches only shortly before each run of digits: references
 * at the widest its windows allow, with the most space runs between type
 * and number, glued forms, and a reference after a long stretch of prose
 * and of other digits are all found. */
static void search_window_edges(void **state)
{
    (void)state;
    static const docref_case cases[] = {
        {"Thông\ttư   liên  tịch   số  :   146/2017/TT-BTC", 1,
         {{"146/2017/TT-BTC", "Thông\ttư   liên  tịch   số  :   146/2017/TT-BTC",
           "Thông tư liên tịch", NULL}}},
        {"Nghị  quyết   Hội  nghị   Trung  ương   8   khóa XI", 1,
         {{"Nghị  quyết   Hội  nghị   Trung  ương   8   khóa XI",
           "Nghị  quyết   Hội  nghị   Trung  ương   8   khóa XI",
           "Nghị quyết", NULL}}},
        {"Quyết định số217-QĐ/TW và Chỉ thị:05-CT/TW", 2,
         {{"217-QĐ/TW", "Quyết định số217-QĐ/TW", "Quyết định", NULL},
          {"05-CT/TW", "Chỉ thị:05-CT/TW", "Chỉ thị", NULL}}},
        {"năm 2019 có 12 đợt, 3 lần và 45 người tham gia trong các phong "
         "trào thi đua của quận, phường và các tổ dân phố trên địa bàn, "
         "theo Kế hoạch 112/KH-UBND", 1,
         {{"112/KH-UBND", "Kế hoạch 112/KH-UBND", "Kế hoạch", NULL}}},
        {"12/08/2020 Công văn 1054/UBND-QLĐT 15/01/2019 Luật 25", 2,
         {{"1054/UBND-QLĐT", "Công văn 1054/UBND-QLĐT", "Công văn", NULL},
          {"25", "Luật 25", "Luật", NULL}}},
        {"Quyết định của Ủy ban nhân dân quận ngày 5", 0, {{0}}},
    };
    check_cases(cases, N_CASES(cases));
}

/* A 60 KB block of list-like digits stays within the match limits: no
 * error, no fact (there is no type word). */
static void long_blocks_stay_within_limits(void **state)
{
    size_t n = 60000;
    char *text = malloc(n + 64);
    assert_non_null(text);
    strcpy(text, "Quyết định ");
    size_t len = strlen(text);
    while (len < n) {
        memcpy(text + len, "1, ", 3);
        len += 3;
    }
    text[len] = '\0';
    fp_fake_host host;
    int rc = run_docref(&host, default_settings, text);
    if (rc != FP_OK)
        fail_msg("extract failed: %s", host.last_error);
    assert_int_equal(host.n_rejected, 0);
    /* The first 16 numbers form one list (MAX_LIST), all bare: only the
     * first stays; the matcher then moves on through the rest. */
    assert_true(host.n_facts >= 1);
    assert_string_equal(host.facts[0].surface, "Quyết định 1");
    fp_fake_host_free(&host);
    free(text);
}

/* The contents of the lexicon file at path; free() it. */
static char *read_file(const char *path)
{
    FILE *file = fopen(path, "rb");
    assert_non_null(file);
    char *content = calloc(1, 65536);
    assert_non_null(content);
    size_t n = fread(content, 1, 65535, file);
    assert_true(n > 0 && n < 65535);
    fclose(file);
    return content;
}

/* The facts of fast and slow, which ran on text, are the same. */
static void expect_same_facts(const char *text, const fp_fake_host *fast,
                              const fp_fake_host *slow)
{
    if (fast->n_facts != slow->n_facts)
        fail_msg("\"%s\": %zu facts through the windows, %zu searching the "
                 "whole block", text, fast->n_facts, slow->n_facts);
    for (size_t i = 0; i < fast->n_facts; i++) {
        const fp_fake_fact *a = &fast->facts[i], *b = &slow->facts[i];
        const char *date_a = attr(a, "date"), *date_b = attr(b, "date");
        if (strcmp(a->value, b->value) != 0 || a->start != b->start ||
            a->end != b->end || strcmp(attr(a, "type"), attr(b, "type")) != 0 ||
            (date_a == NULL) != (date_b == NULL) ||
            (date_a != NULL && strcmp(date_a, date_b) != 0))
            fail_msg("\"%s\": fact %zu is %s at %zu-%zu through the windows, "
                     "%s at %zu-%zu searching the whole block", text, i,
                     a->value, a->start, a->end, b->value, b->start, b->end);
    }
}

/* The windows before runs of digits, and the runs skipped for what stands
 * before them (docref_match.c), find what a search of the whole block
 * finds.  A type holding a digit turns the windows off: the same lexicon
 * with such a type (which never occurs in the texts) is the slow path.
 * The texts are random pieces of references and of the prose around them,
 * in every case, with the spaces, colons and punctuation between. */
static void windows_agree_with_whole_block_search(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "Quyết định", "QUYẾT ĐỊNH", "quyết định", "Thông tư liên tịch",
        "Nghị quyết", "Kế hoạch", "Chỉ thị", "Luật", "Văn bản", "Đề án",
        "số", "Số", "SỐ", ":", " ", "  ", "\t", "\xc2\xa0", "217", "15",
        "2019", "5", "-QĐ/TW", "/KH-UBND", "/2017/TT-BTC", "Trung ương",
        "TRUNG ƯƠNG", "TW", "Hội nghị", "khóa XI", "(", ")", ",", ".", "/",
        "-", "và", "ngày", "15/01/2019", "tháng", "năm", "xã", "người", "a",
        "Chương trình", "tờ trình", "Hiến pháp", "Điều lệ",
    };
    enum { N_PIECES = N_CASES(pieces), N_TEXTS = 3000 };
    char *lexicon = read_file(LEXICON);
    char *fast_path = write_lexicon(lexicon);
    char *with_digit = malloc(strlen(lexicon) + 32);
    assert_non_null(with_digit);
    sprintf(with_digit, "%s\nXx9 mẫu\n", lexicon);
    char *slow_path = write_lexicon(with_digit);
    char fast_setting[128], slow_setting[128];
    snprintf(fast_setting, sizeof fast_setting, "types=%s", fast_path);
    snprintf(slow_setting, sizeof slow_setting, "types=%s", slow_path);
    const char *fast_settings[] = {fast_setting, NULL};
    const char *slow_settings[] = {slow_setting, NULL};
    unsigned seed = 2024;
    size_t found = 0;
    for (int t = 0; t < N_TEXTS; t++) {
        char text[512] = "";
        seed = seed * 1103515245u + 12345u;
        int n = 1 + (int)((seed >> 16) % 16);
        for (int k = 0; k < n; k++) {
            seed = seed * 1103515245u + 12345u;
            if ((seed >> 16) % 3 != 0 && k > 0)
                strcat(text, " "); /* most pieces stand apart */
            seed = seed * 1103515245u + 12345u;
            strcat(text, pieces[(seed >> 16) % N_PIECES]);
        }
        fp_fake_host fast, slow;
        assert_int_equal(run_docref(&fast, fast_settings, text), FP_OK);
        assert_int_equal(run_docref(&slow, slow_settings, text), FP_OK);
        expect_same_facts(text, &fast, &slow);
        found += fast.n_facts;
        fp_fake_host_free(&fast);
        fp_fake_host_free(&slow);
    }
    if (found < 200) /* the texts do hold references */
        fail_msg("only %zu references in the texts", found);
    unlink(fast_path);
    unlink(slow_path);
    free(fast_path);
    free(slow_path);
    free(with_digit);
    free(lexicon);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(issue_examples),
        cmocka_unit_test(lists_dates_and_names),
        cmocka_unit_test(not_references),
        cmocka_unit_test(lexicon_option),
        cmocka_unit_test(types_sharing_first_letters),
        cmocka_unit_test(bad_lexicons_fail_create),
        cmocka_unit_test(search_window_edges),
        cmocka_unit_test(long_blocks_stay_within_limits),
        cmocka_unit_test(windows_agree_with_whole_block_search),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
