/* <factpipe/lexicon.h>: the one lexicon format (comments, values, UTF-8,
 * NFC, duplicates), its errors with FILE:LINE, hostile files (devices,
 * FIFOs, sparse giants, read errors, the size cap), and matching the words
 * of the shared analysis forwards and backwards. */
#include "fake_host.h"

#include <factpipe/lexicon.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

/* Loads text as the lexicon "lex.txt"; returns FP_OK or FP_ERROR, the
 * message in host->last_error. */
static int parse(fp_fake_host *host, fp_lexicon *lex, const char *text,
                 const fp_lexicon_options *opt)
{
    fp_fake_host_init(host);
    return fp_lexicon_parse(lex, "lex.txt", text, strlen(text), opt,
                            fp_fake_host_table(host));
}

static void assert_contains(const char *haystack, const char *needle)
{
    if (!strstr(haystack, needle))
        fail_msg("expected \"%s\" in \"%s\"", needle, haystack);
}

static void expect_error(const char *text, const fp_lexicon_options *opt,
                         const char *message)
{
    fp_fake_host host;
    fp_lexicon lex;
    if (parse(&host, &lex, text, opt) != FP_ERROR)
        fail_msg("accepted \"%s\", expected the error \"%s\"", text, message);
    assert_contains(host.last_error, message);
    assert_null(lex.entries); /* nothing left to free */
    fp_fake_host_free(&host);
}

static const fp_lexicon_entry *find(const fp_lexicon *lex, const char *key)
{
    return fp_lexicon_find(lex, key, strlen(key));
}

static void the_format(void **state)
{
    (void)state;
    fp_fake_host host;
    fp_lexicon lex;
    static const char text[] =
        "\xEF\xBB\xBF# a comment line\n"
        "người\r\n"
        "\n"
        "   \t\n"
        "  hộ   gia\tđình  # a comment after white space\n"
        "C#\n"
        "số #1\n"
        "đô\xC2\xA0la\n"
        "  # an indented comment\n"
        "Quyết định";
    assert_int_equal(parse(&host, &lex, text, NULL), FP_OK);
    assert_int_equal(lex.n_entries, 6);
    assert_string_equal(lex.entries[0].key, "người");
    assert_int_equal(lex.entries[0].line, 2);
    assert_string_equal(lex.entries[1].key, "hộ gia đình");
    assert_int_equal(lex.entries[1].n_words, 3);
    assert_string_equal(lex.entries[2].key, "C#");
    assert_string_equal(lex.entries[3].key, "số");
    assert_string_equal(lex.entries[4].key, "đô la");
    assert_string_equal(lex.entries[5].key, "Quyết định");
    assert_int_equal(lex.entries[5].line, 10);
    assert_true(lex.entries[5].capitalized);
    assert_false(lex.entries[0].capitalized);
    assert_null(lex.entries[0].value);
    /* without FP_LEXICON_FOLD case counts */
    assert_non_null(find(&lex, "Quyết định"));
    assert_null(find(&lex, "quyết định"));
    assert_null(find(&lex, "hộ gia")); /* a prefix is not an entry */
    assert_int_equal(lex.max_words, 3);
    fp_lexicon_free(&lex);
    fp_fake_host_free(&host);
}

static void folding(void **state)
{
    (void)state;
    fp_fake_host host;
    fp_lexicon lex;
    fp_lexicon_options opt = {.flags = FP_LEXICON_FOLD};
    assert_int_equal(parse(&host, &lex, "Quyết Định\nUBND\nH’Hen\nĐỒNG\n", &opt), FP_OK);
    assert_non_null(find(&lex, "quyết định"));
    assert_string_equal(find(&lex, "quyết định")->written, "Quyết Định");
    assert_non_null(find(&lex, "ubnd"));
    assert_non_null(find(&lex, "h'hen"));
    assert_non_null(find(&lex, "đồng"));
    char key[64];
    size_t n = fp_lexicon_key(&lex, "  QUYẾT\xC2\xA0 ĐỊNH ", strlen("  QUYẾT\xC2\xA0 ĐỊNH "), key);
    assert_string_equal(key, "quyết định");
    assert_int_equal(n, strlen("quyết định"));
    fp_lexicon_free(&lex);
    fp_fake_host_free(&host);
}

static void values_and_kinds(void **state)
{
    (void)state;
    static const fp_lexicon_kind kinds[] = {{"prefix", 1}, {"former", 2}, {"time", 3}};
    fp_lexicon_options opt = {.flags = FP_LEXICON_VALUES | FP_LEXICON_FOLD,
                              .kinds = kinds, .n_kinds = 3};
    fp_fake_host host;
    fp_lexicon lex;
    assert_int_equal(parse(&host, &lex,
                           "phó: prefix\n"
                           "Nguyên :former   # trailing comment\n"
                           "10:30: time\n"
                           "quyền:prefix\n", &opt), FP_OK);
    assert_int_equal(lex.n_entries, 4);
    assert_int_equal(find(&lex, "phó")->kind, 1);
    assert_string_equal(find(&lex, "phó")->value, "prefix");
    assert_int_equal(find(&lex, "nguyên")->kind, 2);
    assert_int_equal(find(&lex, "10:30")->kind, 3); /* the last ':' splits */
    assert_int_equal(find(&lex, "quyền")->kind, 1);
    fp_lexicon_free(&lex);
    fp_fake_host_free(&host);

    expect_error("phó: prefix\nbà: always\n", &opt,
                 "lex.txt:2: unknown value \"always\" (one of: prefix, former, time)");
    expect_error("phó prefix\n", &opt,
                 "lex.txt:1: expected \"PHRASE: VALUE\" (VALUE: one of prefix, former, time)");
    expect_error(": prefix\n", &opt, "lex.txt:1: expected \"PHRASE: VALUE\"");
    expect_error("phó:   \n", &opt, "lex.txt:1: expected \"PHRASE: VALUE\"");
    expect_error("\t\xC2\xA0\t: prefix\n", &opt, "lex.txt:1: expected \"PHRASE: VALUE\"");
    expect_error("phó: \xC2\xA0\n", &opt, "lex.txt:1: expected \"PHRASE: VALUE\"");
    /* any value when there is no kinds table */
    fp_lexicon_options any = {.flags = FP_LEXICON_VALUES};
    assert_int_equal(parse(&host, &lex, "ngày:\tday   often-lunar \xC2\xA0\n", &any), FP_OK);
    assert_string_equal(find(&lex, "ngày")->value, "day often-lunar");
    fp_lexicon_free(&lex);
    fp_fake_host_free(&host);
}

/* A buffer that is not NUL-terminated (a file read as it is): messages
 * quote the line, never past it (found by fuzz_lexicon). */
static void unterminated_buffer(void **state)
{
    (void)state;
    static const char text[] = {'p', 'h', 'o', ' ', 'x'};
    char *copy = malloc(sizeof text);
    memcpy(copy, text, sizeof text);
    fp_lexicon_options opt = {.flags = FP_LEXICON_VALUES};
    fp_fake_host host;
    fp_fake_host_init(&host);
    fp_lexicon lex;
    assert_int_equal(fp_lexicon_parse(&lex, "lex.txt", copy, sizeof text, &opt,
                                      fp_fake_host_table(&host)), FP_ERROR);
    assert_contains(host.last_error, "got \"pho x\"");
    free(copy);
    fp_fake_host_free(&host);
}

static void duplicates(void **state)
{
    (void)state;
    fp_lexicon_options fold = {.flags = FP_LEXICON_FOLD};
    fp_fake_host host;
    fp_lexicon lex;
    /* the same phrase twice: one entry; written with a capital only once */
    assert_int_equal(parse(&host, &lex, "Trưởng Đoàn\nngười\nTrưởng đoàn\ntrưởng đoàn\n",
                           &fold), FP_OK);
    assert_int_equal(lex.n_entries, 2);
    assert_int_equal(find(&lex, "trưởng đoàn")->line, 1);
    assert_false(find(&lex, "trưởng đoàn")->capitalized);
    assert_string_equal(lex.entries[1].key, "người");
    fp_lexicon_free(&lex);
    fp_fake_host_free(&host);
    assert_int_equal(parse(&host, &lex, "UBND\nUBND\n", &fold), FP_OK);
    assert_true(lex.entries[0].capitalized);
    fp_lexicon_free(&lex);
    fp_fake_host_free(&host);
    /* with two values: an error naming both lines */
    fp_lexicon_options values = {.flags = FP_LEXICON_VALUES | FP_LEXICON_FOLD};
    expect_error("ngày: day\nx: y\nNgày: month\n", &values,
                 "lex.txt:3: \"Ngày\" is already listed on line 1 with the value \"day\"");
}

static int refuse_zero(void *user, fp_lexicon_entry *entry, char *why, size_t why_size)
{
    (void)user;
    char *end;
    long long v = strtoll(entry->value, &end, 10);
    if (*end || v <= 0)
        return snprintf(why, why_size, "\"%s\" is not a positive whole number",
                        entry->value), -1;
    entry->data = v;
    return 0;
}

static void check_callback(void **state)
{
    (void)state;
    fp_lexicon_options opt = {.flags = FP_LEXICON_VALUES, .check = refuse_zero};
    fp_fake_host host;
    fp_lexicon lex;
    assert_int_equal(parse(&host, &lex, "nghìn: 1000\ntriệu: 1000000\n", &opt), FP_OK);
    assert_int_equal(find(&lex, "triệu")->data, 1000000);
    fp_lexicon_free(&lex);
    fp_fake_host_free(&host);
    expect_error("nghìn: 1000\n\ntỷ: lots\n", &opt,
                 "lex.txt:3: \"lots\" is not a positive whole number");
}

/* Lines a user's editor or a web copy brings in. */
static void bad_lines(void **state)
{
    (void)state;
    expect_error("người\nh\xE1\xBB\n", NULL, "lex.txt:2: not valid UTF-8 (byte 2 of the line)");
    expect_error("người\n\xC0\xAF\n", NULL, "lex.txt:2: not valid UTF-8");
    expect_error("ng\xE1\xBB\x9D""i\nViê\xCC\xA3t\n", NULL,
                 "lex.txt:2: not NFC: a letter followed by the combining mark U+0323");
    expect_error("Vie\xCC\x82t\n", NULL, "lex.txt:1: not NFC");
    expect_error("a\x01""b\n", NULL, "lex.txt:1: U+0001 is a control character");
    expect_error("hộ\xE2\x80\x8B""gia\n", NULL, "lex.txt:1: U+200B is an invisible format");
    expect_error("Việt\xC2\xAD""Nam\n", NULL, "lex.txt:1: U+00AD is an invisible format");
    static const char nul[] = "người\nhộ\0gia\n";
    fp_fake_host host;
    fp_lexicon lex;
    fp_fake_host_init(&host);
    assert_int_equal(fp_lexicon_parse(&lex, "lex.txt", nul, sizeof nul - 1, NULL,
                                      fp_fake_host_table(&host)), FP_ERROR);
    assert_contains(host.last_error, "lex.txt:2: holds a NUL byte");
    fp_fake_host_free(&host);
    char long_line[400];
    memset(long_line, 'a', 300);
    strcpy(long_line + 300, "\n");
    expect_error(long_line, NULL, "lex.txt:1: the phrase is longer than 255 bytes");
    expect_error("# only comments\n\n  \n", NULL, "lex.txt: no entries; every line is blank");
    fp_lexicon_options empty_ok = {.flags = FP_LEXICON_ALLOW_EMPTY};
    assert_int_equal(parse(&host, &lex, "# nothing\n", &empty_ok), FP_OK);
    assert_int_equal(lex.n_entries, 0);
    assert_null(find(&lex, "x"));
    fp_lexicon_free(&lex);
    fp_fake_host_free(&host);
}

static int load(fp_fake_host *host, fp_lexicon *lex, const char *path, size_t max_bytes)
{
    fp_fake_host_init(host);
    fp_lexicon_options opt = {.max_bytes = max_bytes};
    return fp_lexicon_load(lex, path, &opt, fp_fake_host_table(host));
}

static void expect_load_error(const char *path, size_t max_bytes, const char *message)
{
    fp_fake_host host;
    fp_lexicon lex;
    assert_int_equal(load(&host, &lex, path, max_bytes), FP_ERROR);
    assert_contains(host.last_error, path);
    assert_contains(host.last_error, message);
    fp_fake_host_free(&host);
}

/* Issue 10 item 14: devices, giants and read errors fail at once with a
 * clear message. */
static void hostile_files(void **state)
{
    (void)state;
    char dir[] = "/tmp/fp-lexicon-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];

    expect_load_error("/dev/zero", 0, "is a character device, not a regular file");
    expect_load_error(dir, 0, "is a folder, not a regular file");
    snprintf(path, sizeof path, "%s/fifo", dir);
    assert_int_equal(mkfifo(path, 0600), 0);
    expect_load_error(path, 0, "is a FIFO, not a regular file"); /* no writer: no hang */
    unlink(path);
    snprintf(path, sizeof path, "%s/missing.txt", dir);
    expect_load_error(path, 0, "cannot open lexicon");

    /* A 1 GB sparse file: refused by its size, nothing read. */
    snprintf(path, sizeof path, "%s/sparse.txt", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fclose(f);
    assert_int_equal(truncate(path, 1L << 30), 0);
    expect_load_error(path, 0, "is 1073741824 bytes, over the cap of 8388608 bytes");
    unlink(path);

    /* The cap a plugin sets. */
    snprintf(path, sizeof path, "%s/small.txt", dir);
    f = fopen(path, "w");
    assert_non_null(f);
    for (int i = 0; i < 20; i++)
        fprintf(f, "từ số %d\n", i);
    fclose(f);
    expect_load_error(path, 64, "over the cap of 64 bytes");
    fp_fake_host host;
    fp_lexicon lex;
    assert_int_equal(load(&host, &lex, path, 0), FP_OK);
    assert_int_equal(lex.n_entries, 20);
    fp_lexicon_free(&lex);
    fp_fake_host_free(&host);
    unlink(path);

    /* A read error is an error, not the end of the file: /proc/self/mem
     * is a regular file whose first page cannot be read. */
    expect_load_error("/proc/self/mem", 0, "cannot read lexicon /proc/self/mem after 0 bytes");
    rmdir(dir);
}

/* An analysis of text, one block per line, through the fake host. */
typedef struct analysed {
    fp_fake_doc *doc;
    fp_text_analysis analysis;
} analysed;

static const fp_analysis *analyse(analysed *an, const char *text)
{
    an->doc = fp_fake_doc_new(text);
    char why[256];
    assert_int_equal(fp_text_analysis_build(&an->analysis, &an->doc->doc, why, sizeof why), 0);
    return &an->analysis.view;
}

static void analysed_free(analysed *an)
{
    fp_text_analysis_free(&an->analysis);
    fp_fake_doc_free(an->doc);
}

/* The index of the word that starts at byte offset of the text's
 * first occurrence of s. */
static size_t word_at(const fp_analysis *a, const char *s)
{
    const char *p = strstr(a->text, s);
    assert_non_null(p);
    for (size_t i = 0; i < a->n_words; i++)
        if (fp_analysis_word(a, i)->start == (size_t)(p - a->text))
            return i;
    fail_msg("no word starts at \"%s\"", s);
    return 0;
}

static void matching_words(void **state)
{
    (void)state;
    fp_lexicon_options fold = {.flags = FP_LEXICON_FOLD};
    fp_fake_host host;
    fp_lexicon lex;
    assert_int_equal(parse(&host, &lex,
                           "người\nhộ\nhộ gia đình\ncán bộ, công chức\ncán bộ\n"
                           "tp. hồ chí minh\nn.t phong hải\nthứ 2\nđồng\nđồng chí\n"
                           "tổng số\nsố\n", &fold), FP_OK);
    analysed an;
    const fp_analysis *a = analyse(&an,
        "203 người. 1.250 hộ gia đình, 7 hộ; cán bộ, công chức và cán bộ trẻ\n"
        "TP. Hồ Chí Minh, N.T Phong Hải, thứ 2, 5 đồng, Đồng chí A\n"
        "tổng số 12 và số\n"
        "hộ\ngia đình");
    const fp_lexicon_entry *e = NULL;
    assert_int_equal(fp_lexicon_match(&lex, a, word_at(a, "người"), &e), 1);
    assert_string_equal(e->key, "người"); /* the glued "." is not in it */
    assert_int_equal(fp_lexicon_match(&lex, a, word_at(a, "hộ gia"), &e), 3);
    assert_int_equal(fp_lexicon_match(&lex, a, word_at(a, "hộ;"), &e), 1);
    assert_int_equal(fp_lexicon_match(&lex, a, word_at(a, "cán bộ, công"), &e), 5);
    assert_string_equal(e->key, "cán bộ, công chức");
    assert_int_equal(fp_lexicon_match(&lex, a, word_at(a, "cán bộ trẻ"), &e), 2);
    assert_int_equal(fp_lexicon_match(&lex, a, word_at(a, "TP."), &e), 5);
    assert_string_equal(e->written, "tp. hồ chí minh");
    assert_int_equal(fp_lexicon_match(&lex, a, word_at(a, "N.T"), &e), 5);
    assert_int_equal(fp_lexicon_match(&lex, a, word_at(a, "thứ 2"), &e), 2);
    assert_int_equal(fp_lexicon_match(&lex, a, word_at(a, "đồng,"), &e), 1);
    assert_int_equal(fp_lexicon_match(&lex, a, word_at(a, "Đồng chí"), &e), 2);
    assert_int_equal(fp_lexicon_match(&lex, a, word_at(a, "203"), &e), 0);
    /* a phrase never runs across blocks */
    assert_int_equal(fp_lexicon_match(&lex, a, word_at(a, "hộ\ngia"), &e), 1);
    /* backwards: the longest entry ending at a word */
    assert_int_equal(fp_lexicon_match_back(&lex, a, word_at(a, "số 12"), &e), 2);
    assert_string_equal(e->key, "tổng số");
    assert_int_equal(fp_lexicon_match_back(&lex, a, word_at(a, "số\n"), &e), 1);
    assert_int_equal(fp_lexicon_match_back(&lex, a, word_at(a, "chức"), &e), 5);
    assert_int_equal(fp_lexicon_match_back(&lex, a, word_at(a, "Minh"), &e), 5);
    assert_int_equal(fp_lexicon_match_back(&lex, a, word_at(a, "12"), &e), 0);
    assert_int_equal(fp_lexicon_match_back(&lex, a, word_at(a, "gia đình"), &e), 0);
    assert_int_equal(fp_lexicon_match_back(&lex, a, word_at(a, "đình,"), &e), 3);
    analysed_free(&an);
    fp_lexicon_free(&lex);
    fp_fake_host_free(&host);

    /* A lexicon that keeps case compares the text as written. */
    assert_int_equal(parse(&host, &lex, "Quyết định\n25 000\n", NULL), FP_OK);
    a = analyse(&an, "Quyết định và quyết định, 25\xC2\xA0""000");
    assert_int_equal(fp_lexicon_match(&lex, a, 0, &e), 2);
    assert_int_equal(fp_lexicon_match(&lex, a, word_at(a, "quyết"), &e), 0);
    assert_int_equal(fp_lexicon_match(&lex, a, word_at(a, "25"), &e), 1);
    analysed_free(&an);
    fp_lexicon_free(&lex);
    fp_fake_host_free(&host);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_format),
        cmocka_unit_test(folding),
        cmocka_unit_test(values_and_kinds),
        cmocka_unit_test(unterminated_buffer),
        cmocka_unit_test(duplicates),
        cmocka_unit_test(check_callback),
        cmocka_unit_test(bad_lines),
        cmocka_unit_test(hostile_files),
        cmocka_unit_test(matching_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
