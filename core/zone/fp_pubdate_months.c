/* Month names ([date-month]): a table to read a matched name's number,
 * and the pattern that finds them — a trie (zone_trie_alternation), so
 * that at a position where no month name starts the pattern fails on the
 * first character instead of trying every name. */
#include "fp_pubdate.h"

#include <stdlib.h>
#include <string.h>

/* Longest month name accepted (bytes). */
enum { PD_MONTH_NAME_MAX = 64 };

static bool is_space_at(const char *s, size_t left, size_t *n)
{
    unsigned char c = (unsigned char)s[0];
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
        *n = 1;
        return true;
    }
    if (left >= 2 && c == 0xC2 && (unsigned char)s[1] == 0xA0) {
        *n = 2; /* NBSP */
        return true;
    }
    return false;
}

size_t pubdate_fold(const char *s, size_t len, char *out, size_t size)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n + 2 < size;) {
        size_t space;
        if (is_space_at(s + i, len - i, &space)) {
            if (n > 0 && out[n - 1] != ' ')
                out[n++] = ' ';
            i += space;
            continue;
        }
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') {
            out[n++] = (char)(c + ('a' - 'A'));
            i++;
        } else if (c == 0xC3 && i + 1 < len &&
                   (unsigned char)s[i + 1] >= 0x80 &&
                   (unsigned char)s[i + 1] <= 0x9E &&
                   (unsigned char)s[i + 1] != 0x97) {
            /* U+00C0-U+00DE (but ×): À…Þ to à…þ */
            out[n++] = (char)c;
            out[n++] = (char)((unsigned char)s[i + 1] + 0x20);
            i += 2;
        } else {
            out[n++] = (char)c;
            i++;
        }
    }
    while (n > 0 && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
    return n;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(((const pubdate_month *)a)->name,
                  ((const pubdate_month *)b)->name);
}

int pubdate_months_build(pubdate_months *months, const cue_list *list,
                         const char *path, fp_error *err)
{
    memset(months, 0, sizeof *months);
    months->items = calloc(list->n ? list->n : 1, sizeof *months->items);
    if (!months->items)
        return fp_error_set(err, "%s: out of memory", path);
    for (size_t i = 0; i < list->n; i++) {
        const char *entry = list->items[i];
        const char *eq = strrchr(entry, '=');
        char *end = NULL;
        long number = eq ? strtol(eq + 1, &end, 10) : 0;
        while (end && *end == ' ')
            end++;
        char folded[PD_MONTH_NAME_MAX + 1];
        size_t name_len = eq ? pubdate_fold(entry, (size_t)(eq - entry),
                                            folded, sizeof folded)
                             : 0;
        if (number < 1 || number > 12 || !end || *end != '\0' ||
            name_len == 0 || (size_t)(eq - entry) > PD_MONTH_NAME_MAX)
            return fp_error_set(err,
                                "%s:%zu: entry '%s' in [date-month]: expected "
                                "'NAME = NUMBER' with a name of at most %d "
                                "bytes and a month number 1-12 "
                                "(\"January = 1\")",
                                path, list->line_no[i], entry,
                                PD_MONTH_NAME_MAX);
        char *name = strdup(folded);
        if (!name)
            return fp_error_set(err, "%s: out of memory", path);
        months->items[months->n++] = (pubdate_month){name, (int)number};
    }
    qsort(months->items, months->n, sizeof *months->items, cmp_names);
    for (size_t i = 1; i < months->n; i++)
        if (strcmp(months->items[i - 1].name, months->items[i].name) == 0 &&
            months->items[i - 1].number != months->items[i].number)
            return fp_error_set(err,
                                "%s: [date-month] gives '%s' two numbers (%d "
                                "and %d)",
                                path, months->items[i].name,
                                months->items[i - 1].number,
                                months->items[i].number);
    return 0;
}

void pubdate_months_free(pubdate_months *months)
{
    for (size_t i = 0; i < months->n; i++)
        free(months->items[i].name);
    free(months->items);
    memset(months, 0, sizeof *months);
}

int pubdate_month_number(const pubdate_months *months, const char *word,
                         size_t len)
{
    char folded[PD_MONTH_NAME_MAX + 1];
    if (len > PD_MONTH_NAME_MAX * 2)
        return -1;
    pubdate_fold(word, len, folded, sizeof folded);
    /* "Jan." was matched with its dot. */
    size_t n = strlen(folded);
    if (n > 0 && folded[n - 1] == '.')
        folded[n - 1] = '\0';
    pubdate_month key = {folded, 0};
    const pubdate_month *found = bsearch(&key, months->items, months->n,
                                         sizeof *months->items, cmp_names);
    return found ? found->number : -1;
}

char *pubdate_months_trie(const pubdate_months *months)
{
    const char **names = malloc((months->n ? months->n : 1) * sizeof *names);
    if (!names)
        return NULL;
    for (size_t i = 0; i < months->n; i++)
        names[i] = months->items[i].name; /* sorted, by cmp_names */
    char *trie = zone_trie_alternation(names, months->n);
    free(names);
    return trie;
}
