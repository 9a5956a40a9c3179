/*
 * The count rules read the words after a number as they look at them
 * (count_following), not all twelve at once (count_words_after): most
 * numbers are decided by their first word or two.  Read in any steps, the
 * words must be those count_words_after() reads in one go, field by field,
 * and there must be as many of them; on random text of the pieces that
 * end or join words (spaces of every kind, punctuation, dashes, numbers
 * with dots and commas, capitals, malformed bytes); and each word, read
 * and described in one pass, must be what count_token_end() and
 * count_describe_word() make of it.  Through the plugin,
 * a count whose unit runs to the last word the rules may read keeps all
 * of it, and one the multipliers scale still reads its noun.
 */
#include "count_fixture.h"
#include "count_text.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

enum { MAX_WORDS = 12 };

static void assert_same_word(const count_word *want, const count_word *got,
                             int round, size_t k, const char *how_want,
                             const char *how_got)
{
    if (want->start != got->start || want->end != got->end ||
        want->is_number != got->is_number ||
        want->capitalized != got->capitalized ||
        want->acronym != got->acronym || want->joined != got->joined ||
        want->folded_len != got->folded_len || want->hash != got->hash ||
        strcmp(want->folded, got->folded) != 0)
        fail_msg("round %d, word %zu: %s [%zu, %zu) \"%s\", %s [%zu, %zu) "
                 "\"%s\"", round, k, how_want, want->start, want->end,
                 want->folded, how_got, got->start, got->end, got->folded);
}

static size_t random_text(char *buf, size_t size, unsigned *seed)
{
    static const char *const pieces[] = {
        " ", " ", " ", " ", "\t", "\xC2\xA0", "\xE2\x80\x89", "hộ", "gia",
        "đình", "Đoàn", "VN", "QĐ", "m²", "người", "triệu", "nghìn", "lần",
        "năm", "12", "1.250", "2,5", "3.", "-", "/", ",", ".", "(", "–",
        "\xC3", "\xFF", "a", "Z",
    };
    size_t n_pieces = sizeof pieces / sizeof *pieces, len = 0;
    for (;;) {
        *seed = *seed * 1103515245u + 12345u;
        const char *piece = pieces[(*seed >> 16) % n_pieces];
        size_t piece_len = strlen(piece);
        if (len + piece_len + 1 > size)
            break;
        memcpy(buf + len, piece, piece_len);
        len += piece_len;
        if ((*seed >> 8) % 8 < 6 && len + 2 < size) /* mostly phrases */
            buf[len++] = ' ';
    }
    buf[len] = '\0';
    return len;
}

static void reading_in_steps_reads_the_same_words(void **state)
{
    (void)state;
    enum { SIZE = 160, ROUNDS = 4000 };
    char text[SIZE];
    unsigned seed = 3;
    size_t read_all = 0;
    for (int round = 0; round < ROUNDS; round++) {
        size_t len = random_text(text, SIZE, &seed);
        for (size_t pos = 0; pos < len; pos += 1 + (size_t)round % 5) {
            count_word at_once[MAX_WORDS], in_steps[MAX_WORDS];
            size_t n = count_words_after(text, len, pos, at_once, MAX_WORDS);
            count_following after;
            count_following_start(&after, text, len, pos, in_steps,
                                  MAX_WORDS);
            /* steps of 0 to 3 words, asked again and past the end */
            size_t want = 0, got = 0;
            while (want <= MAX_WORDS + 2) {
                seed = seed * 1103515245u + 12345u;
                want += (seed >> 16) % 4;
                got = count_following_read(&after, want);
                size_t expected = want < n ? want : n;
                if (got < expected || got > n)
                    fail_msg("round %d, from %zu: asked for %zu words, read "
                             "%zu; there are %zu", round, pos, want, got, n);
                if (want == 0)
                    want = 1;
            }
            assert_int_equal(got, n);
            read_all += n == MAX_WORDS;
            for (size_t k = 0; k < n; k++)
                assert_same_word(&at_once[k], &in_steps[k], round, k,
                                 "read at once", "read in steps");
        }
    }
    assert_true(read_all > 0); /* the limit was reached too */
}

/* count_words_after() reads a word and describes it in one pass: each
 * word must end where count_token_end() ends it and be described as
 * count_describe_word() describes its bytes, on the random texts. */
static void one_pass_reads_as_end_and_description_do(void **state)
{
    (void)state;
    enum { SIZE = 160, ROUNDS = 4000 };
    char text[SIZE];
    unsigned seed = 5;
    size_t words_seen = 0;
    for (int round = 0; round < ROUNDS; round++) {
        size_t len = random_text(text, SIZE, &seed);
        for (size_t pos = 0; pos < len; pos++) {
            count_word words[MAX_WORDS];
            size_t n = count_words_after(text, len, pos, words, MAX_WORDS);
            for (size_t k = 0; k < n; k++, words_seen++) {
                size_t end = count_token_end(text, len, words[k].start);
                if (end != words[k].end)
                    fail_msg("round %d: word at %zu ends at %zu, "
                             "count_token_end says %zu", round,
                             words[k].start, words[k].end, end);
                count_word described;
                count_describe_word(text, words[k].start, end, &described);
                described.joined = words[k].joined;
                assert_same_word(&described, &words[k], round, k,
                                 "described", "read in one pass");
            }
        }
    }
    assert_true(words_seen > 100000);
}

/* A unit of the longest length the rules read, after a multiplier, and
 * counts whose next words end the phrase early: read whole, as when the
 * words were read at once. */
static void long_units_are_read_whole(void **state)
{
    (void)state;
    static const count_case cases[] = {
        {"Có 3 triệu hộ gia đình nghèo vùng sâu xa được hỗ trợ.", 1,
         {{"3000000", "hộ gia đình nghèo vùng sâu",
           "3 triệu hộ gia đình nghèo vùng sâu"}}},
        {"Huyện có 25 hộ gia đình, 3 xã.", 2,
         {{"25", "hộ gia đình", "25 hộ gia đình"}, {"3", "xã", "3 xã"}}},
        {"Đã cấp 1,2 triệu lượt khám bệnh", 1,
         {{"1200000", "lượt khám bệnh", "1,2 triệu lượt khám bệnh"}}},
        {"Có 3 triệu 500 nghìn người dân", 1,
         {{"3500000", "người dân", "3 triệu 500 nghìn người dân"}}},
    };
    check_count_cases(cases, sizeof cases / sizeof *cases, NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reading_in_steps_reads_the_same_words),
        cmocka_unit_test(one_pass_reads_as_end_and_description_do),
        cmocka_unit_test(long_units_are_read_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
