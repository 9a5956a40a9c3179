/* The shared text analysis (core/analysis, ABI 1.1): table-driven from
 * the guideline's number rules and from real bulletin Vietnamese, with
 * odd spacing, other scripts, ill-formed bytes, and blocks built to be
 * slow.  Each case renders the words as "CLASS text" (N number with
 * "=value", C capitalized, L lower-case, P punctuation), "+" before a
 * word glued to the one before and " " otherwise, and sentences as
 * " | " between them. */
#include "analysis/fp_analysis.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <factpipe/utf8.h>
#include <utf8proc.h>

/* A document of one block per line of text, as the core makes them. */
typedef struct test_doc {
    fp_document doc;
    fp_block blocks[32];
} test_doc;

static void make_doc(test_doc *d, const char *text)
{
    size_t n = 0, start = 0, len = strlen(text);
    for (size_t i = 0; i <= len; i++) {
        if (i < len && text[i] != '\n')
            continue;
        if (i > start && n < 32)
            d->blocks[n++] = (fp_block){start, i, FP_ZONE_BODY};
        start = i + 1;
    }
    d->doc = (fp_document){sizeof d->doc, "test.txt", text, len, d->blocks, n, NULL};
}

/* The analysis of text rendered as described at the top. */
static char *render(const char *text)
{
    test_doc d;
    make_doc(&d, text);
    fp_text_analysis a;
    char why[256];
    assert_int_equal(fp_text_analysis_build(&a, &d.doc, why, sizeof why), 0);
    size_t size = 64 + 8 * strlen(text);
    char *out = calloc(1, size);
    size_t n = 0;
    uint32_t sentence = 0;
    for (size_t i = 0; i < a.view.n_words; i++) {
        const fp_word *w = fp_analysis_word(&a.view, i);
        if (i > 0 && w->sentence != sentence)
            n += (size_t)snprintf(out + n, size - n, " |");
        sentence = w->sentence;
        n += (size_t)snprintf(out + n, size - n, "%s%c %.*s", i == 0 ? "" :
                              (w->flags & FP_WORD_GLUED) ? "+" : " ",
                              "?NCLP"[w->word_class], (int)(w->end - w->start),
                              text + w->start);
        if (w->value)
            n += (size_t)snprintf(out + n, size - n, "=%s", w->value);
    }
    fp_text_analysis_free(&a);
    return out;
}

typedef struct render_case {
    const char *text;
    const char *expected;
} render_case;

static void check_cases(const render_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char *got = render(cases[i].text);
        if (strcmp(got, cases[i].expected) != 0)
            fail_msg("text \"%s\"\n  expected %s\n  got      %s", cases[i].text,
                     cases[i].expected, got);
        free(got);
    }
}

/* docs/GUIDELINE.md, Numbers, and what real pages write. */
static void numbers_follow_the_guideline(void **state)
{
    (void)state;
    static const render_case cases[] = {
        {"21,1", "N 21,1=21.1"},
        {"1.250", "N 1.250=1250"},
        {"18.165.267", "N 18.165.267=18165267"},
        {"03", "N 03=3"},
        {"56.6", "N 56.6=56.6"},
        {"1.5 triệu", "N 1.5=1.5 L triệu"},
        {"2019.123", "N 2019.123=2019123"},
        {"1.2345", "N 1.2345=1.2345"},
        {"1.250,5", "N 1.250,5=1250.5"},
        {"0,50", "N 0,50=0.5"},
        {"0", "N 0=0"},
        {"000", "N 000=0"},
        {"100%", "N 100=100+P %"},
        {"25 000 người", "N 25 000=25000 L người"},
        {"25\xC2\xA0""000", "N 25\xC2\xA0""000=25000"},
        {"3\xE2\x80\xAF""500\xE2\x80\xAF""000", "N 3\xE2\x80\xAF""500\xE2\x80\xAF""000=3500000"},
        {"1 250.300", "N 1 250.300=1250300"},
        /* a space groups only after a first group of one to three digits */
        {"năm 2019 100 hộ", "L năm N 2019=2019 N 100=100 L hộ"},
        {"12 34", "N 12=12 N 34=34"},
        {"1 2345", "N 1=1 N 2345=2345"},
        /* chains the rules cannot read as one number: their digit runs */
        {"15.3.2019", "N 15=15+P .+N 3=3+P .+N 2019=2019"},
        {"1,250,300", "N 1=1+P ,+N 250=250+P ,+N 300=300"},
        {"192.168.1.1", "N 192=192+P .+N 168=168+P .+N 1=1+P .+N 1=1"},
        {"09/10/2018", "N 09=9+P /+N 10=10+P /+N 2018=2018"},
        {"8:30", "N 8=8+P :+N 30=30"},
        /* signs, ranges, what is glued */
        {"-5%", "P -+N 5=5+P %"},
        {"từ 10 - 15%", "L từ N 10=10 P - N 15=15+P %"},
        {"10–15", "N 10=10+P –+N 15=15"},
        {"2019.", "N 2019=2019+P ."},
        {"2,", "N 2=2+P ,"},
        {"8h30", "N 8=8+L h+N 30=30"},
        {"3G", "N 3=3+C G"},
        {"1.250đ", "N 1.250=1250+L đ"},
        {"217-QĐ/TW", "N 217=217+P -+C QĐ+P /+C TW"},
    };
    check_cases(cases, sizeof cases / sizeof *cases);
}

static const fp_word *only_word(fp_text_analysis *a, const char *text, test_doc *d)
{
    char why[256];
    make_doc(d, text);
    assert_int_equal(fp_text_analysis_build(a, &d->doc, why, sizeof why), 0);
    assert_int_equal(a->view.n_words, 1);
    return fp_analysis_word(&a->view, 0);
}

static void number_fields(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        uint64_t integer, fraction;
        unsigned int_digits, fraction_digits, flags;
    } cases[] = {
        {"03", 3, 0, 2, 0, FP_NUMBER_LEADING_ZERO},
        {"0236", 236, 0, 4, 0, FP_NUMBER_LEADING_ZERO},
        {"0", 0, 0, 1, 0, 0},
        {"0,5", 0, 5, 1, 1, FP_NUMBER_DECIMAL},
        {"2,50", 2, 50, 1, 2, FP_NUMBER_DECIMAL},
        {"1.250", 1250, 0, 4, 0, FP_NUMBER_GROUPED},
        {"25 000,75", 25000, 75, 5, 2, FP_NUMBER_GROUPED | FP_NUMBER_DECIMAL},
        {"18446744073709551615", UINT64_MAX, 0, 20, 0, 0},
        {"18446744073709551616", UINT64_MAX, 0, 20, 0, FP_NUMBER_HUGE},
        {"1,12345678901234567890", 1, 1234567890123456789ULL, 1, 19, FP_NUMBER_DECIMAL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        fp_text_analysis a;
        test_doc d;
        const fp_word *w = only_word(&a, cases[i].text, &d);
        if (w->integer != cases[i].integer || w->fraction != cases[i].fraction ||
            w->int_digits != cases[i].int_digits ||
            w->fraction_digits != cases[i].fraction_digits || w->flags != cases[i].flags)
            fail_msg("\"%s\": integer %llu fraction %llu (%u digits) int_digits %u flags %#x",
                     cases[i].text, (unsigned long long)w->integer,
                     (unsigned long long)w->fraction, w->fraction_digits, w->int_digits,
                     w->flags);
        assert_string_equal(w->folded, cases[i].text);
        fp_text_analysis_free(&a);
    }
    fp_text_analysis a;
    test_doc d;
    const fp_word *w = only_word(&a, "18446744073709551616", &d);
    assert_string_equal(w->value, "18446744073709551616"); /* exact though huge */
    fp_text_analysis_free(&a);
}

/* Real bulletin sentences (the check-plugin sample, corpus/seed style). */
static void vietnamese_words(void **state)
{
    (void)state;
    static const render_case cases[] = {
        {"Đồng chí Lê Thị Mỹ Hạnh, Thành ủy viên, Bí thư Quận ủy chủ trì",
         "C Đồng L chí C Lê C Thị C Mỹ C Hạnh+P , C Thành L ủy L viên+P , C Bí L thư "
         "C Quận L ủy L chủ L trì"},
        {"kết nạp 532 quần chúng ưu tú, 203 đảng viên, chiếm 21,1%;",
         "L kết L nạp N 532=532 L quần L chúng L ưu L tú+P , N 203=203 L đảng L viên+P , "
         "L chiếm N 21,1=21.1+P %+P ;"},
        {"Quyết định số 217-QĐ/TW và Kế hoạch số 112/KH-UBND",
         "C Quyết L định L số N 217=217+P -+C QĐ+P /+C TW L và C Kế L hoạch L số "
         "N 112=112+P /+C KH+P -+C UBND"},
        {"Nghị quyết Trung ương 4 (khóa XI)",
         "C Nghị L quyết C Trung L ương N 4=4 P (+L khóa C XI+P )"},
        {"H'Hen H’Hen Êban Y Ngông Niê Kdăm",
         "C H'Hen C H’Hen C Êban C Y C Ngông C Niê C Kdăm"},
        {"đội U23 có 2 m2 đất, F0", "L đội C U23 L có N 2=2 L m2 L đất+P , C F0"},
        {"'tiếng' \"Việt\" (TP)", "P '+L tiếng+P ' P \"+C Việt+P \" P (+C TP+P )"},
    };
    check_cases(cases, sizeof cases / sizeof *cases);
}

static void word_flags_and_folding(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        const char *folded;
        unsigned flags;
        int word_class;
    } cases[] = {
        {"UBND", "ubnd", FP_WORD_ALL_CAPS, FP_WORD_CAPITALIZED},
        {"ĐT", "đt", FP_WORD_ALL_CAPS, FP_WORD_CAPITALIZED},
        {"ThS", "ths", 0, FP_WORD_CAPITALIZED},
        {"U15", "u15", FP_WORD_HAS_DIGIT, FP_WORD_CAPITALIZED},
        {"ĐỒNG", "đồng", FP_WORD_ALL_CAPS, FP_WORD_CAPITALIZED},
        {"Ứng", "ứng", 0, FP_WORD_CAPITALIZED},
        {"H’Hen", "h'hen", 0, FP_WORD_CAPITALIZED},
        {"ơn", "ơn", 0, FP_WORD_LOWER},
        {"ΑΘΗΝΑ", "αθηνα", FP_WORD_ALL_CAPS, FP_WORD_CAPITALIZED},
        {"МОСКВА", "москва", FP_WORD_ALL_CAPS, FP_WORD_CAPITALIZED},
        {"北京", "北京", 0, FP_WORD_LOWER},
        {"５０", "５０", FP_WORD_HAS_DIGIT, FP_WORD_LOWER},
        {"m²", "m²", FP_WORD_HAS_DIGIT, FP_WORD_LOWER},
        /* NFC is the input stage's work; an NFD leftover stays one word */
        {"Vie\xCC\xA3\xCC\x82t", "vie\xCC\xA3\xCC\x82t", 0, FP_WORD_CAPITALIZED},
        /* a soft hyphen or joiner inside a word: kept in its span, not in
         * its folded form */
        {"Việt\xC2\xAD""Nam", "việtnam", 0, FP_WORD_CAPITALIZED},
        {"’", "'", 0, FP_WORD_PUNCT},
        {"–", "–", 0, FP_WORD_PUNCT},
        {"\xE2\x80\xA6", "\xE2\x80\xA6", 0, FP_WORD_PUNCT},
        {"😀", "😀", 0, FP_WORD_PUNCT},
        {"\xFF", "\xEF\xBF\xBD", 0, FP_WORD_PUNCT},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        fp_text_analysis a;
        test_doc d;
        const fp_word *w = only_word(&a, cases[i].text, &d);
        uint32_t first;
        size_t bad;
        if (!fp_utf8_decode((const unsigned char *)cases[i].text, strlen(cases[i].text), &first,
                            &bad))
            first = 0xFFFD;
        assert_int_equal(w->first_char, first);
        if (strcmp(w->folded, cases[i].folded) != 0 || w->flags != cases[i].flags ||
            w->word_class != cases[i].word_class || w->start != 0 ||
            w->end != strlen(cases[i].text))
            fail_msg("\"%s\": folded \"%s\" flags %#x class %d span %zu-%zu", cases[i].text,
                     w->folded, w->flags, w->word_class, w->start, w->end);
        fp_text_analysis_free(&a);
    }
}

/* The Vietnamese letter blocks are classified without utf8proc: each
 * code point there must come out as Unicode says (a letter; capital when
 * Lu or Lt), alone and inside a word. */
static void vietnamese_blocks_agree_with_unicode(void **state)
{
    (void)state;
    for (uint32_t cp = 0xA0; cp <= 0x1EFF; cp++) {
        if (cp == 0x250)
            cp = 0x1E00;
        utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
        int letter = c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
        int capital = c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
        if (!letter)
            continue;
        char text[16] = "x";
        size_t n = 1 + fp_utf8_encode(cp, text + 1);
        text[n] = '\0';
        for (int alone = 0; alone < 2; alone++) {
            fp_text_analysis a;
            test_doc d;
            const fp_word *w = only_word(&a, alone ? text + 1 : text, &d);
            if (alone && w->word_class != (capital ? FP_WORD_CAPITALIZED : FP_WORD_LOWER))
                fail_msg("U+%04X alone: class %d", cp, w->word_class);
            if (!alone && ((w->flags & FP_WORD_ALL_CAPS) != 0 ||
                           w->word_class != FP_WORD_LOWER))
                fail_msg("U+%04X after x: class %d flags %#x", cp, w->word_class, w->flags);
            fp_text_analysis_free(&a);
        }
    }
}

/* Tabs, no-break and ideographic spaces, zero-width space and BOM
 * separate words; control characters too; a bidi mark or joiner between
 * words leaves them glued. */
static void odd_spacing(void **state)
{
    (void)state;
    static const render_case cases[] = {
        {"  21,1\t%   tổng  ", "N 21,1=21.1 P % L tổng"},
        {"21,1\xC2\xA0%", "N 21,1=21.1 P %"},
        {"a\xE3\x80\x80""b\xE2\x80\x8B""c\xEF\xBB\xBF""d", "L a L b L c L d"},
        {"a\x01""b\x7F""c", "L a L b L c"},
        {"21,1\xE2\x80\x8E%", "N 21,1=21.1+P %"},
        {"a\xE2\x80\x8D", "L a"},
        {"\xE2\x80\x8D""a", "L a"},
    };
    check_cases(cases, sizeof cases / sizeof *cases);
}

static void sentences(void **state)
{
    (void)state;
    static const render_case cases[] = {
        {"Hội nghị kết thúc. Ông A phát biểu.",
         "C Hội L nghị L kết L thúc+P . | C Ông C A L phát L biểu+P ."},
        /* abbreviations: a capitalized word without a vowel */
        {"TP. Hồ Chí Minh có 5 quận.", "C TP+P . C Hồ C Chí C Minh L có N 5=5 L quận+P ."},
        {"ThS. Nguyễn Văn A chủ trì.", "C ThS+P . C Nguyễn C Văn C A L chủ L trì+P ."},
        {"PGS.TS. Trần B", "C PGS+P .+C TS+P . C Trần C B"},
        /* a number, a vowel, a digit in the word: a stop */
        {"Năm 2019. Trong đó", "C Năm N 2019=2019+P . | C Trong L đó"},
        {"Điều 1. Phạm vi", "C Điều N 1=1+P . | C Phạm L vi"},
        {"đội U23. Trong trận", "L đội C U23+P . | C Trong L trận"},
        {"anh Nguyễn Văn A. Chị B", "L anh C Nguyễn C Văn C A+P . | C Chị C B"},
        /* a small letter after the mark goes on */
        {"v.v. và các", "L v+P .+L v+P . L và L các"},
        {"ông A. nói", "L ông C A+P . L nói"},
        {"chờ đợi… Sau đó", "L chờ L đợi+P … | C Sau L đó"},
        {"Tốt! \"Vâng.\" Ông nói?! Được",
         "C Tốt+P ! | P \"+C Vâng+P .+P \" | C Ông L nói+P ?+P ! | C Được"},
        /* glued after the dot: no boundary */
        {"TP.HCM và 1.2 tỷ", "C TP+P .+C HCM L và N 1.2=1.2 L tỷ"},
        /* a block ends its sentence; sentences never cross blocks */
        {"Dòng một\nDòng hai. Ba", "C Dòng L một | C Dòng L hai+P . | C Ba"},
        {"- Một ý. - Ý khác", "P - C Một L ý+P . | P - C Ý L khác"},
    };
    check_cases(cases, sizeof cases / sizeof *cases);
}

/* Word and sentence indexes, spans and the block map are consistent. */
static void structure(void **state)
{
    (void)state;
    const char *text = "Dòng một, 1.250 hộ. Câu hai\n\n   \nDòng ba";
    test_doc d;
    make_doc(&d, text);
    fp_text_analysis a;
    char why[256];
    assert_int_equal(fp_text_analysis_build(&a, &d.doc, why, sizeof why), 0);
    assert_int_equal(a.view.struct_size, sizeof(fp_analysis));
    assert_int_equal(a.view.word_size, sizeof(fp_word));
    assert_int_equal(a.view.sentence_size, sizeof(fp_sentence));
    assert_ptr_equal(a.view.text, text);
    assert_int_equal(a.view.n_blocks, 3); /* a line of spaces is a block too */
    assert_int_equal(a.view.block_words[0], 0);
    assert_int_equal(a.view.block_words[1], 8);
    assert_int_equal(a.view.block_words[2], 8);
    assert_int_equal(a.view.block_words[3], 10);
    assert_int_equal(a.view.n_sentences, 3);
    const fp_sentence *s = fp_analysis_sentence(&a.view, 1);
    assert_int_equal(s->first_word, 6);
    assert_int_equal(s->n_words, 2);
    assert_int_equal(s->block, 0);
    assert_memory_equal(text + s->start, "Câu hai", s->end - s->start);
    for (size_t i = 0; i < a.view.n_words; i++) {
        const fp_word *w = fp_analysis_word(&a.view, i);
        const fp_sentence *in = fp_analysis_sentence(&a.view, w->sentence);
        assert_true(i >= in->first_word && i < in->first_word + in->n_words);
        assert_true(w->start < w->end);
        assert_true(i == 0 || fp_analysis_word(&a.view, i - 1)->end <= w->start);
    }
    fp_text_analysis_free(&a);
}

static void empty_and_refused(void **state)
{
    (void)state;
    fp_text_analysis a;
    char why[256];
    fp_document empty = {sizeof empty, "e", "", 0, NULL, 0, NULL};
    assert_int_equal(fp_text_analysis_build(&a, &empty, why, sizeof why), 0);
    assert_int_equal(a.view.n_words, 0);
    assert_int_equal(a.view.n_sentences, 0);
    assert_int_equal(a.view.block_words[0], 0);
    fp_text_analysis_free(&a);

    fp_block outside = {2, 40, FP_ZONE_BODY};
    fp_document bad = {sizeof bad, "bad.txt", "short", 5, &outside, 1, NULL};
    assert_int_equal(fp_text_analysis_build(&a, &bad, why, sizeof why), -1);
    assert_non_null(strstr(why, "bad.txt: block 0 (bytes 2-40) lies outside"));
    assert_null(a.words);
}

/* The slot makes the analysis once, at the first request. */
static void made_once_on_request(void **state)
{
    (void)state;
    test_doc d;
    make_doc(&d, "Ông A có 3 con.");
    fp_analysis_slot slot;
    fp_analysis_slot_init(&slot, &d.doc);
    assert_int_equal(slot.state, 0);
    char why[256];
    const fp_analysis *first = fp_analysis_slot_get(&slot, why, sizeof why);
    assert_non_null(first);
    const fp_analysis *again = fp_analysis_slot_get(&slot, why, sizeof why);
    assert_ptr_equal(first, again);
    assert_int_equal(slot.requests, 2);
    assert_int_equal(first->n_words, 6);
    fp_analysis_slot_free(&slot);

    fp_analysis_slot_init(&slot, NULL); /* during create() */
    assert_null(fp_analysis_slot_get(&slot, why, sizeof why));
    assert_non_null(strstr(why, "only during extract()"));
    fp_analysis_slot_free(&slot);
}

/* Blocks built against the number and word scanners: each is one block
 * of a megabyte or more, read in one pass (a quadratic scan would not
 * finish within the test's time). */
static void huge_hostile_blocks(void **state)
{
    (void)state;
    static const char *const units[] = {"1.", "1,1.", "1 000 ", "1.000.", "a'", "’a", ". ",
                                        "\xCC\x81", "\xE2\x80\x8D""a", "8h", "\xFF"};
    enum { BYTES = 1 << 20 };
    for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
        size_t len = strlen(units[u]), n = BYTES / len;
        char *text = malloc(n * len + 1);
        assert_non_null(text);
        for (size_t i = 0; i < n; i++)
            memcpy(text + i * len, units[u], len);
        text[n * len] = '\0';
        fp_block block = {0, n * len, FP_ZONE_BODY};
        fp_document doc = {sizeof doc, "huge", text, n * len, &block, 1, NULL};
        fp_text_analysis a;
        char why[256];
        assert_int_equal(fp_text_analysis_build(&a, &doc, why, sizeof why), 0);
        assert_true(a.view.n_words >= 1);
        assert_true(a.view.n_words <= n * len);
        const fp_word *last = fp_analysis_word(&a.view, a.view.n_words - 1);
        assert_true(last->end <= n * len);
        fp_text_analysis_free(&a);
        free(text);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(numbers_follow_the_guideline),
        cmocka_unit_test(number_fields),
        cmocka_unit_test(vietnamese_words),
        cmocka_unit_test(word_flags_and_folding),
        cmocka_unit_test(vietnamese_blocks_agree_with_unicode),
        cmocka_unit_test(odd_spacing),
        cmocka_unit_test(sentences),
        cmocka_unit_test(structure),
        cmocka_unit_test(empty_and_refused),
        cmocka_unit_test(made_once_on_request),
        cmocka_unit_test(huge_hostile_blocks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
