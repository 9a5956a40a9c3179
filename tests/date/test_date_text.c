/*
 * The date tokenizer folds the letters Vietnamese words are mostly made of
 * ("đ", "ă", "ơ", "à", "ệ") from their bytes, without decoding them
 * (date_fold_long_letter); a wrong byte there would hide a word from the
 * lexicons, or fold a sign into a letter.  It must answer as the general
 * path (decode, classify, fold the code point) does for every character
 * of two and three bytes and for every malformed sequence, and the words
 * date_tokenize() folds and hashes out of random text must be those the
 * general path reads.  It also marks document numbers ("112/KH-UBND")
 * only in blocks where a '/' or a dash is glued to a number: the marks
 * must be those of a search of every block.
 */
#include "date_text.h"

#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* Both paths on the bytes of sequence (len of them available). */
static void check_one_letter(const unsigned char *sequence, size_t len)
{
    char fast[4] = {0}, general[4] = {0};
    size_t fast_len = date_fold_long_letter(sequence, len, fast);
    size_t general_len = date_fold_long_letter_general(sequence, len,
                                                       general);
    if (fast_len != general_len || memcmp(fast, general, general_len) != 0)
        fail_msg("bytes %02X %02X %02X (%zu available): fast path says "
                 "%zu bytes %02X %02X %02X, general path %zu bytes %02X "
                 "%02X %02X", sequence[0], len > 1 ? sequence[1] : 0,
                 len > 2 ? sequence[2] : 0, len, fast_len,
                 (unsigned char)fast[0], (unsigned char)fast[1],
                 (unsigned char)fast[2], general_len,
                 (unsigned char)general[0], (unsigned char)general[1],
                 (unsigned char)general[2]);
}

/* Every lead byte of a longer character (and every stray byte) with every
 * second byte, cut short or not; E1, the lead the fast path reads three
 * bytes of, with every third byte too; the other three-byte leads with
 * the third bytes at the edges of a continuation. */
static void long_letters_fold_as_the_general_path_does(void **state)
{
    (void)state;
    static const unsigned char edges[] = {0x00, 0x7F, 0x80, 0x81, 0xBE,
                                          0xBF, 0xC0, 0xFF};
    for (unsigned lead = 0x80; lead <= 0xFF; lead++)
        for (unsigned second = 0; second <= 0xFF; second++) {
            unsigned char sequence[4] = {(unsigned char)lead,
                                         (unsigned char)second, 0x80, 0x80};
            check_one_letter(sequence, 1);
            check_one_letter(sequence, 2);
            if (lead == 0xE1) {
                for (unsigned third = 0; third <= 0xFF; third++) {
                    sequence[2] = (unsigned char)third;
                    check_one_letter(sequence, 3);
                    check_one_letter(sequence, 4);
                }
                continue;
            }
            for (size_t e = 0; e < sizeof edges; e++) {
                sequence[2] = edges[e];
                check_one_letter(sequence, 3);
                check_one_letter(sequence, 4);
            }
        }
}

/* The letters the fast path reads really are folded: "Đ" to "đ", "Ệ" to
 * "ệ", "Ơ" to "ơ", "À" to "à"; signs are not letters. */
static void common_capitals_fold_to_their_small_letters(void **state)
{
    (void)state;
    static const struct {
        const char *capital, *small;
    } pairs[] = {{"Đ", "đ"}, {"Ệ", "ệ"}, {"Ơ", "ơ"}, {"Ư", "ư"},
                 {"À", "à"}, {"Ă", "ă"}, {"Ĩ", "ĩ"}, {"Ũ", "ũ"},
                 {"Ỹ", "ỹ"}, {"đ", "đ"}, {"ờ", "ờ"}, {"Þ", "þ"}};
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        char out[4] = {0};
        size_t len = strlen(pairs[i].capital);
        assert_int_equal(date_fold_long_letter(
                             (const unsigned char *)pairs[i].capital, len,
                             out),
                         len);
        assert_memory_equal(out, pairs[i].small, len);
    }
    char out[4];
    assert_int_equal(date_fold_long_letter((const unsigned char *)"×", 2,
                                           out), 0);
    assert_int_equal(date_fold_long_letter((const unsigned char *)"÷", 2,
                                           out), 0);
    assert_int_equal(date_fold_long_letter((const unsigned char *)"–", 3,
                                           out), 0);
}

/* Where the word starting at text[i] ends, read by the general path. */
static size_t general_word_end(const char *text, size_t i, size_t end)
{
    char scratch[4];
    while (i < end) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x80) {
            if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
                break;
            i++;
            continue;
        }
        size_t len = date_fold_long_letter_general(
            (const unsigned char *)text + i, end - i, scratch);
        if (len == 0)
            break;
        i += len;
    }
    return i;
}

/* Every ASCII byte between two letters: a letter joins them into one
 * word, folded as date_fold_text folds it; any other byte ends the word. */
static void every_ascii_byte_inside_a_word(void **state)
{
    (void)state;
    date_token *tokens = NULL;
    size_t capacity = 0;
    for (unsigned c = 1; c < 0x80; c++) {
        char text[3] = {'x', (char)c, 'Y'}, folded[3], expected[3];
        size_t n = date_tokenize(text, 0, 3, folded, &tokens, &capacity);
        assert_true(n != (size_t)-1 && n >= 1);
        date_fold_text(text, 3, expected);
        bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (tokens[0].end != general_word_end(text, 0, 3) ||
            (tokens[0].end == 3) != letter)
            fail_msg("byte %02X: the first word ends at %zu", c,
                     tokens[0].end);
        if (letter && (n != 1 || memcmp(folded, expected, 3) != 0 ||
                       tokens[0].hash != date_hash(expected, 3)))
            fail_msg("byte %02X: not folded into one word", c);
    }
    free(tokens);
}

static size_t random_text(char *buf, size_t size, unsigned *seed)
{
    static const char *const pieces[] = {
        "Đ", "đ", "Ệ", "ệ", "Ơ", "ơ", "Ư", "ư", "À", "à", "Ă", "ă", "Ĩ",
        "ĩ", "Ũ", "ũ", "Ỹ", "ỹ", "×", "÷", "–", "\xC2\xA0", "Ŀ", "ŀ",
        "ĸ", "Ĺ", "ƀ", "Ḁ", "ḁ", "\xE1\x9A\x80", "\xE2\x80\x89", "ﬀ",
        "😀", "\xC3", "\xE1\xBB", "\xE1\xBB\x41", "\xC4\xC4", "\xFF",
        "\xC0\x80", " ", " ", " ", "a", "Z", "q", "1", "2019", "/", "-",
        ".", ",", "(", "\t", "\n", "tháng", "Ngày", "QĐ", "112", "/", "KH",
        "-", "–",
    };
    size_t n_pieces = sizeof pieces / sizeof *pieces, len = 0;
    for (;;) {
        *seed = *seed * 1103515245u + 12345u;
        const char *piece = pieces[(*seed >> 16) % n_pieces];
        size_t piece_len = strlen(piece);
        if (len + piece_len > size)
            return len;
        memcpy(buf + len, piece, piece_len);
        len += piece_len;
    }
}

/* On random text of the tricky pieces: what the tokenizer folds is the
 * general folding of the whole text (date_fold_text), each word ends
 * where the general path ends it, each word's hash is that of its folded
 * bytes, and the tokens of document numbers are those marked when every
 * block is searched for them. */
static void tokenizer_reads_random_text_as_the_general_path(void **state)
{
    (void)state;
    enum { SIZE = 120, ROUNDS = 3000 };
    char text[SIZE], folded[SIZE], expected[SIZE];
    date_token *tokens = NULL, marked[SIZE];
    size_t capacity = 0, identifiers = 0;
    unsigned seed = 11;
    for (int round = 0; round < ROUNDS; round++) {
        size_t len = random_text(text, SIZE, &seed);
        size_t start = (size_t)round % 3 < len ? (size_t)round % 3 : 0;
        size_t n = date_tokenize(text, start, len, folded, &tokens,
                                 &capacity);
        assert_true(n != (size_t)-1);
        date_fold_text(text + start, len - start, expected + start);
        if (memcmp(folded + start, expected + start, len - start) != 0)
            fail_msg("round %d: folded text differs from date_fold_text",
                     round);
        /* the runs of document numbers, marked in every block */
        for (size_t i = 0; i < n; i++) {
            marked[i] = tokens[i];
            marked[i].in_identifier = false;
        }
        date_mark_identifiers(marked, n);
        for (size_t i = 0; i < n; i++) {
            if (marked[i].in_identifier != tokens[i].in_identifier)
                fail_msg("round %d: token %zu at %zu: in an identifier "
                         "%d, marked in every block %d", round, i,
                         tokens[i].start, tokens[i].in_identifier,
                         marked[i].in_identifier);
            identifiers += tokens[i].in_identifier;
        }
        for (size_t i = 0; i < n; i++) {
            const date_token *t = &tokens[i];
            if (t->type != TOKEN_WORD)
                continue;
            if (t->end != general_word_end(text, t->start, len))
                fail_msg("round %d: word at %zu ends at %zu, the general "
                         "path ends it at %zu", round, t->start, t->end,
                         general_word_end(text, t->start, len));
            assert_int_equal(t->hash, date_hash(folded + t->start,
                                                t->end - t->start));
        }
    }
    free(tokens);
    assert_true(identifiers > 100); /* document numbers were there */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(long_letters_fold_as_the_general_path_does),
        cmocka_unit_test(common_capitals_fold_to_their_small_letters),
        cmocka_unit_test(every_ascii_byte_inside_a_word),
        cmocka_unit_test(tokenizer_reads_random_text_as_the_general_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
