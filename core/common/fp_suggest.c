#include "fp_suggest.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_NAME = 64 };

static int same_letter(char a, char b)
{
    return tolower((unsigned char)a) == tolower((unsigned char)b);
}

/* Optimal string alignment distance over three rows of the table. */
size_t fp_edit_distance(const char *a, const char *b, size_t limit)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > MAX_NAME || lb > MAX_NAME)
        return limit + 1;
    if ((la > lb ? la - lb : lb - la) > limit)
        return limit + 1;
    size_t rows[3][MAX_NAME + 1];
    size_t *before = rows[0], *above = rows[1], *row = rows[2];
    for (size_t j = 0; j <= lb; j++)
        above[j] = j;
    for (size_t i = 1; i <= la; i++) {
        row[0] = i;
        size_t best = row[0];
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = same_letter(a[i - 1], b[j - 1]) ? 0 : 1;
            size_t d = above[j - 1] + cost;
            if (above[j] + 1 < d)
                d = above[j] + 1;
            if (row[j - 1] + 1 < d)
                d = row[j - 1] + 1;
            if (i > 1 && j > 1 && same_letter(a[i - 1], b[j - 2]) &&
                same_letter(a[i - 2], b[j - 1]) && before[j - 2] + 1 < d)
                d = before[j - 2] + 1;
            row[j] = d;
            if (d < best)
                best = d;
        }
        if (best > limit)
            return limit + 1;
        size_t *oldest = before;
        before = above;
        above = row;
        row = oldest;
    }
    return above[lb] > limit ? limit + 1 : above[lb];
}

const char *fp_suggest(const char *word, const char *const *candidates, size_t n)
{
    size_t len = strlen(word);
    if (len == 0)
        return NULL;
    size_t limit = len <= 4 ? 1 : len <= 8 ? 2 : 3;
    if (limit >= len)
        limit = len - 1;
    const char *best = NULL;
    size_t best_distance = limit + 1;
    for (size_t i = 0; i < n; i++) {
        if (!candidates[i] || strcmp(candidates[i], word) == 0)
            continue;
        size_t d = fp_edit_distance(word, candidates[i], limit);
        if (d < best_distance) {
            best = candidates[i];
            best_distance = d;
        }
    }
    return best;
}

int fp_suggest_append(char *message, size_t size, const char *word,
                      const char *const *candidates, size_t n, const char *open,
                      const char *close)
{
    const char *guess = fp_suggest(word, candidates, n);
    if (!guess)
        return 0;
    size_t used = strlen(message);
    if (used + 1 < size)
        snprintf(message + used, size - used, "; did you mean %s%s%s?", open, guess, close);
    return 1;
}
