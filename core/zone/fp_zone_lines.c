/* Furniture of a page scraped to text, told by the shape of its lines
 * rather than by their words: a menu or a breadcrumb is a row of short
 * names between separators ("Thời sự | Chính trị | Kinh tế", "Trang chủ »
 * Kinh tế » Nông nghiệp"), whatever the names are; a date line is a date
 * with little else ("Hà Nội, ngày 07 tháng 10 năm 2024", "10:25 |
 * 17/11/2023"). */
#define _GNU_SOURCE /* memmem */
#include "fp_pubdate.h"

#include <factpipe/utf8.h>
#include <string.h>

/* A menu item is a name of a few words ("Ngoại hạng Anh", "Bình luận
 * (12)"), not a phrase of a sentence. */
enum { MENU_ITEM_MAX_CHARS = 40 };
/* Items a row needs: with ' | ' several ("Chia sẻ | Lưu" may be two
 * words of a caption), with a breadcrumb's arrows two ("Pháp luật > Hồ
 * sơ vụ án"). */
enum { MENU_MIN_ITEMS = 3, BREADCRUMB_MIN_ITEMS = 2 };

static const char *const menu_separators[] = {" | "};
static const char *const breadcrumb_separators[] = {
    " > ", " \xC2\xBB ", " \xE2\x80\xBA ", /* " > ", " » ", " › " */
};
_Static_assert(sizeof breadcrumb_separators / sizeof *breadcrumb_separators <=
                       ZONE_MAX_SEPARATORS &&
                   sizeof menu_separators / sizeof *menu_separators <=
                       ZONE_MAX_SEPARATORS,
               "a row's separators fit a zone_separators");

zone_separators zone_separators_of(const char *const *items, size_t n)
{
    zone_separators set = {items, n < ZONE_MAX_SEPARATORS ? n
                                                          : ZONE_MAX_SEPARATORS,
                           {0}, {0}};
    for (size_t k = 0; k < set.n; k++)
        set.len[k] = strlen(items[k]);
    return set;
}

/* Each separator's next place is searched for (memmem) only once the
 * split has passed it, so splitting a line reads it once per separator,
 * not once per byte and separator: a scraped text page may be one line
 * of megabytes. */
size_t zone_next_separator(zone_separators *set, zone_span line, size_t from,
                           size_t *sep_len)
{
    size_t best = line.len;
    *sep_len = 0;
    for (size_t k = 0; k < set->n; k++) {
        if (set->len[k] == 0)
            continue;
        if (from == 0 || set->next[k] < from) {
            const char *at = from < line.len
                                 ? memmem(line.s + from, line.len - from,
                                          set->items[k], set->len[k])
                                 : NULL;
            set->next[k] = at ? (size_t)(at - line.s) : line.len;
        }
        if (set->next[k] < best) {
            best = set->next[k];
            *sep_len = set->len[k];
        }
    }
    return best;
}

static bool starts_with_capital(zone_span item)
{
    uint32_t cp = 0;
    size_t bad = 1;
    if (item.len == 0 ||
        fp_utf8_decode((const unsigned char *)item.s, item.len, &cp, &bad) ==
            0)
        return false;
    return fp_utf8_lower(cp) != cp;
}

size_t zone_count_chars(zone_span s)
{
    size_t n = 0;
    for (size_t i = 0; i < s.len; i++)
        n += ((unsigned char)s.s[i] & 0xC0) != 0x80;
    return n;
}

static bool has_digit(zone_span s)
{
    for (size_t i = 0; i < s.len; i++)
        if (s.s[i] >= '0' && s.s[i] <= '9')
            return true;
    return false;
}

/* Punctuation that joins the clauses of a sentence: ", " "; " ". ", or
 * a stop at the end.  ':' names a section ("Tin nóng: Bão số 4"); a dot
 * inside a word ("V.League") is no stop. */
static bool has_clause_punct(zone_span s)
{
    for (size_t i = 0; i < s.len; i++) {
        char c = s.s[i];
        bool last = i + 1 == s.len;
        if ((c == ',' || c == ';' || c == '.') && (last || s.s[i + 1] == ' '))
            return true;
        if (c == '!' || c == '?')
            return true;
    }
    return false;
}

/* Split line at the separators; calls item(m, part) for each item and
 * returns how many there are, or 0 as soon as item refuses one. */
typedef bool item_test(zone_matcher *m, zone_span item, bool *digit);

static size_t count_items(zone_matcher *m, zone_span line,
                          const char *const *separators, size_t n_separators,
                          item_test *test, size_t *with_digits)
{
    size_t items = 0, from = 0;
    *with_digits = 0;
    zone_separators set = zone_separators_of(separators, n_separators);
    for (;;) {
        size_t sep;
        size_t at = zone_next_separator(&set, line, from, &sep);
        zone_span item = zone_trim((zone_span){line.s + from, at - from});
        bool digit = false;
        if (!test(m, item, &digit))
            return 0;
        *with_digits += digit;
        items++;
        if (at == line.len)
            break;
        from = at + sep;
    }
    return items;
}

/* A menu item: a short name starting with a capital letter, no clause
 * of a sentence. */
static bool is_menu_item(zone_matcher *m, zone_span item, bool *digit)
{
    (void)m;
    *digit = has_digit(item);
    return starts_with_capital(item) &&
           zone_count_chars(item) <= MENU_ITEM_MAX_CHARS && !has_clause_punct(item);
}

/* An item that is furniture by what it says: "Bình luận (0)", "Đang
 * online: 12". */
static bool is_chrome_item(zone_matcher *m, zone_span item, bool *digit)
{
    *digit = false;
    return item.len > 0 && zone_is_chrome_line(m, item);
}

bool zone_is_menu_line(zone_matcher *m, zone_span line)
{
    line = zone_trim(line);
    size_t digits;
    size_t n_menu = sizeof menu_separators / sizeof *menu_separators;
    size_t n_crumb =
        sizeof breadcrumb_separators / sizeof *breadcrumb_separators;
    /* A row of a table written with bars has figures in most cells; a
     * menu has at most one with a number ("Bão số 4", "Bình luận (12)"). */
    size_t items = count_items(m, line, menu_separators, n_menu,
                               is_menu_item, &digits);
    if (items >= MENU_MIN_ITEMS && digits <= 1)
        return true;
    items = count_items(m, line, breadcrumb_separators, n_crumb, is_menu_item,
                        &digits);
    if (items >= BREADCRUMB_MIN_ITEMS && digits <= 1)
        return true;
    /* Any row whose every item is furniture by its words. */
    return count_items(m, line, menu_separators, n_menu, is_chrome_item,
                       &digits) >= 2;
}

/* A date line has a date and a few words around it: a place, a weekday,
 * a section's name. */
enum { DATE_LINE_MAX_BYTES = 80, DATE_LINE_MAX_WORDS = 4 };

static size_t count_words(zone_span s)
{
    size_t words = 0;
    bool in_word = false;
    for (size_t i = 0; i < s.len;) {
        uint32_t cp = 0;
        size_t bad = 1;
        size_t n =
            fp_utf8_decode((const unsigned char *)s.s + i, s.len - i, &cp, &bad);
        if (n == 0)
            n = bad;
        /* Letters: ASCII ones, and every letter of Vietnamese beyond. */
        bool letter = (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
        letter = letter || (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 &&
                            !fp_utf8_is_space(cp) && cp < 0x2000);
        if (letter && !in_word)
            words++;
        in_word = letter;
        i += n;
    }
    return words;
}

bool zone_is_date_shaped(zone_matcher *m, zone_span line)
{
    line = zone_trim(line);
    pubdate_match found;
    if (line.len > DATE_LINE_MAX_BYTES || !pubdate_may_hold_date(line) ||
        !pubdate_find_in_text(m, line, 0, 0, &found))
        return false;
    zone_span before = {line.s, found.start};
    zone_span after = {line.s + found.end, line.len - found.end};
    return count_words(before) + count_words(after) <= DATE_LINE_MAX_WORDS;
}

/* An item of a list of other articles is a headline: short, with no
 * full stop, maybe a bullet and the item's date ("- Đà Lạt đón 70.000
 * lượt khách (02/01/2025)"). */
enum { LIST_ITEM_MAX_CHARS = 160 };

static const char *const bullets[] = {
    "-", "+", "*", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\xA2", /* – — • */
    "\xC2\xBB", "\xC2\xB7", "\xE2\x96\xAA", "\xE2\x96\xBA",      /* » · ▪ ► */
};

static bool starts_with_bullet(zone_span line)
{
    for (size_t k = 0; k < sizeof bullets / sizeof *bullets; k++) {
        size_t n = strlen(bullets[k]);
        if (line.len > n && memcmp(line.s, bullets[k], n) == 0)
            return true;
    }
    size_t digits = 0;
    while (digits < line.len && line.s[digits] >= '0' && line.s[digits] <= '9')
        digits++;
    return digits > 0 && digits < line.len &&
           (line.s[digits] == '.' || line.s[digits] == ')');
}

bool zone_is_list_item(zone_span line)
{
    line = zone_trim(line);
    if (line.len == 0 || zone_count_chars(line) > LIST_ITEM_MAX_CHARS)
        return false;
    return starts_with_bullet(line) || !zone_ends_sentence(line);
}
