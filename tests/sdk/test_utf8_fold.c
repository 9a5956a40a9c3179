/* <factpipe/utf8.h>'s word separators and case folding, which the shared
 * analysis and the lexicon reader share, against Unicode as utf8proc
 * knows it, over every code point. */
#include <factpipe/utf8.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include <cmocka.h>

static size_t utf8_length(uint32_t cp)
{
    char out[4];
    return fp_utf8_encode(cp, out);
}

/* The blocks fp_utf8_lower covers completely. */
static int covered(uint32_t cp)
{
    return cp < 0x180 || (cp >= 0x386 && cp <= 0x3AB) || (cp >= 0x400 && cp <= 0x52F) ||
           (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
           cp == 0x1A0 || cp == 0x1AF;
}

static void lower_agrees_with_unicode(void **state)
{
    (void)state;
    size_t mapped = 0;
    for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        uint32_t ours = fp_utf8_lower(cp);
        uint32_t theirs = (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
        if (ours != cp && ours != theirs)
            fail_msg("U+%04X: lower U+%04X, Unicode says U+%04X", cp, ours, theirs);
        if (covered(cp) && theirs != cp && ours != theirs)
            fail_msg("U+%04X: not lowered (Unicode: U+%04X)", cp, theirs);
        if (utf8_length(ours) > utf8_length(cp))
            fail_msg("U+%04X: lowering lengthens it", cp);
        mapped += ours != cp;
    }
    assert_true(mapped > 500); /* not the identity */
}

/* Every capital of the Vietnamese alphabet, with every tone. */
static void vietnamese_capitals(void **state)
{
    (void)state;
    static const char upper[] =
        "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬBCDĐEÈÉẺẼẸÊỀẾỂỄỆGHIÌÍỈĨỊKLMNOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"
        "PQRSTUÙÚỦŨỤƯỪỨỬỮỰVXYỲÝỶỸỴ";
    static const char lower[] =
        "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợ"
        "pqrstuùúủũụưừứửữựvxyỳýỷỹỵ";
    char folded[sizeof upper];
    size_t n = fp_utf8_fold(upper, strlen(upper), folded);
    assert_string_equal(folded, lower);
    assert_int_equal(n, strlen(lower));
    char again[sizeof lower];
    fp_utf8_fold(lower, strlen(lower), again);
    assert_string_equal(again, lower);
    /* in place, apostrophes, ill-formed bytes kept */
    char s[] = "H’HEN Nʼ \xFF""ĐÀ";
    fp_utf8_fold(s, strlen(s), s);
    assert_string_equal(s, "h'hen n' \xFF""đà");
}

static void separators(void **state)
{
    (void)state;
    for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        int zs = utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_ZS;
        int expected = zs || (cp >= 9 && cp <= 13) || cp == 0x85 || cp == 0x2028 ||
                       cp == 0x2029 || cp == 0x200B || cp == 0xFEFF;
        if (fp_utf8_is_space(cp) != expected)
            fail_msg("U+%04X: is_space %d, expected %d", cp, fp_utf8_is_space(cp), expected);
    }
}

static void encode_round_trips(void **state)
{
    (void)state;
    for (uint32_t cp = 0; cp <= 0x10FFFF; cp += cp < 0x3000 ? 1 : 97) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        char out[4];
        size_t n = fp_utf8_encode(cp, out), bad;
        uint32_t back;
        assert_int_equal(fp_utf8_decode((const unsigned char *)out, n, &back, &bad), n);
        assert_int_equal(back, cp);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lower_agrees_with_unicode),
        cmocka_unit_test(vietnamese_capitals),
        cmocka_unit_test(separators),
        cmocka_unit_test(encode_round_trips),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
