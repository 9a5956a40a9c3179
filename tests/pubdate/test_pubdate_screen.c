/* The month-first screen of the date finder (pubdate_month_day_may_match):
 * a window it says cannot hold a month-first date is searched without
 * that form.  A wrong screen would lose dates such as "March 3, 2019",
 * so it is checked against the month-first pattern itself, and the
 * screened finder against the unscreened one, on written and random
 * lines. */
#include "pubdate_test_util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int setup(void **state)
{
    *state = pd_test_rules();
    return *state ? 0 : -1;
}

static int teardown(void **state)
{
    fp_zone_rules_free(*state);
    return 0;
}

static const pubdate_rules *date_rules(zone_matcher *m)
{
    return m->rules->pubdate;
}

/* Does the month-first form alone match anywhere in s[from, to)? */
static bool month_day_matches(zone_matcher *m, zone_span s, size_t from,
                              size_t to)
{
    const pubdate_dates *month_day = pubdate_month_day_pattern(date_rules(m));
    return pcre2_match(month_day->re, (PCRE2_SPTR)s.s, to, from, 0, m->match,
                       NULL) > 0;
}

/* The screen may say yes where the pattern says no, never the other way;
 * and the screened finder finds what the unscreened one does. */
static void check_line(zone_matcher *m, const char *text)
{
    zone_span s = {text, strlen(text)};
    for (size_t from = 0; from <= s.len; from++) {
        if (from < s.len && ((unsigned char)text[from] & 0xC0) == 0x80)
            continue;
        if (month_day_matches(m, s, from, s.len) &&
            !pubdate_month_day_may_match(date_rules(m), s, from, s.len))
            fail_msg("\"%s\" from %zu: a month-first date the screen "
                     "skips",
                     text, from);
    }
    for (unsigned flags = 0; flags < 4; flags++) {
        pubdate_match a, b;
        memset(&a, 0, sizeof a);
        memset(&b, 0, sizeof b);
        bool fa = pubdate_find_in_text(m, s, 0, flags, &a);
        bool fb = pubdate_find_in_text_unscreened(m, s, 0, flags, &b);
        if (fa != fb || (fa && (a.start != b.start || a.end != b.end ||
                                pubdate_day_number(&a.when) !=
                                    pubdate_day_number(&b.when))))
            fail_msg("\"%s\" (flags %u): screened %d [%zu,%zu), "
                     "unscreened %d [%zu,%zu)",
                     text, flags, fa, a.start, a.end, fb, b.start, b.end);
    }
}

static void the_pattern_tells_month_first_dates(void **state)
{
    zone_matcher m;
    assert_int_equal(zone_matcher_init(&m, *state, NULL), 0);
    /* The shipped config has month names: both patterns exist. */
    assert_non_null(pubdate_month_day_pattern(date_rules(&m))->re);
    assert_non_null(pubdate_digit_led_pattern(date_rules(&m))->re);
    zone_span march = {"Published on March 3, 2019",
                       strlen("Published on March 3, 2019")};
    assert_true(month_day_matches(&m, march, 0, march.len));
    assert_true(pubdate_month_day_may_match(date_rules(&m), march, 0,
                                            march.len));
    zone_span numeric = {"Thứ hai, 24/12/2012 10:30",
                         strlen("Thứ hai, 24/12/2012 10:30")};
    assert_false(pubdate_month_day_may_match(date_rules(&m), numeric, 0,
                                             numeric.len));
    zone_span vietnamese = {"ngày 24 tháng 12 năm 2012",
                            strlen("ngày 24 tháng 12 năm 2012")};
    assert_false(pubdate_month_day_may_match(date_rules(&m), vietnamese, 0,
                                             vietnamese.len));
    zone_matcher_free(&m);
}

static void written_lines(void **state)
{
    static const char *const lines[] = {
        "Published on March 3, 2019",
        "Dec. 24th 2012 | 5 comments",
        "December 24th, 2012",
        "Posted: Jan 5 2020 at 10:00",
        "MÄRZ 3. 2019",
        "März 3, 2019 – Berlin",
        "septembre 3\xC2\xA0" "2019",   /* an NBSP before the year */
        "Oct\t7 ,2021",
        "Oct 7\xC5\xBF" "t 2021",       /* the long s, caselessly an s */
        "Nov 31, 2019 and Nov 30, 2019",
        "tháng 12 24, 2012",
        "Thứ hai, 24/12/2012 10:30 (GMT+7)",
        "ngày 24 tháng 12 năm 2012",
        "Cập nhật ngày: 09-10-2018",
        "24.12.12 und 3. März 2019",
        "2012-12-24T10:00",
        "Sáng ngày 04/10, năm 2021 có 12 nội dung 2020",
        "May 2019 and 12 2019",
        "1 2 3 4 5 12345 2019 May",
    };
    zone_matcher m;
    assert_int_equal(zone_matcher_init(&m, *state, NULL), 0);
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
        check_line(&m, lines[i]);
    zone_matcher_free(&m);
}

/* Lines made of date-like pieces in random order. */
static void random_lines(void **state)
{
    static const char *const pieces[] = {
        "March", "Mar.", "mar", "Dec", "DECEMBER", "Mai", "tháng", "ngày",
        "năm", "of", "de", "st", "th", "ND", "er", "\xC5\xBF", " ", "  ",
        "\xC2\xA0", "\t", ",", ".", "/", "-", "|", "(", "1", "3", "12", "24",
        "31", "2019", "2012", "19", "123", "20190", "a", "x", "é",
    };
    enum { N_PIECES = sizeof pieces / sizeof *pieces, N_LINES = 3000 };
    zone_matcher m;
    assert_int_equal(zone_matcher_init(&m, *state, NULL), 0);
    unsigned seed = 12345;
    char line[256];
    for (int n = 0; n < N_LINES; n++) {
        size_t len = 0;
        seed = seed * 1103515245u + 12345u;
        int count = 2 + (int)((seed >> 16) % 12);
        for (int k = 0; k < count; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *piece = pieces[(seed >> 16) % N_PIECES];
            size_t plen = strlen(piece);
            if (len + plen >= sizeof line)
                break;
            memcpy(line + len, piece, plen);
            len += plen;
        }
        line[len] = '\0';
        check_line(&m, line);
    }
    zone_matcher_free(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_pattern_tells_month_first_dates),
        cmocka_unit_test(written_lines),
        cmocka_unit_test(random_lines),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
