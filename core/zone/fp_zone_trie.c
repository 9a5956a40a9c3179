/* A list of cues as one PCRE2 alternation written as a trie
 * ("j(?:an(?:uary|uar|)|…)|…"): where no cue starts, the pattern fails on
 * the first character instead of trying every cue in turn, and where one
 * does it tries only the cues sharing what was read.  The words of the
 * alternation and of the trie are the same strings, so the patterns match
 * the same text. */
#include "fp_zone_internal.h"
#include "../common/fp_grow.h"

#include <stdlib.h>
#include <string.h>

/* One unit of a cue as zone_escape_cue writes it: a UTF-8 character, or a
 * run of spaces (one "\s+"); its length in bytes. */
static size_t unit_len(const char *s)
{
    unsigned char c = (unsigned char)*s;
    if (c == ' ') {
        size_t n = 1;
        while (s[n] == ' ')
            n++;
        return n;
    }
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    for (size_t k = 1; k < n; k++)
        if (!s[k])
            return k;
    return n;
}

typedef struct trie_buf {
    char *s;
    size_t len, cap;
} trie_buf;

static int append(trie_buf *b, const char *s, size_t n)
{
    if (fp_grow((void **)&b->s, &b->cap, b->len + n + 1, 1, 256) < 0)
        return -1;
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
    return 0;
}

/* One unit as a pattern literal. */
static int append_unit(trie_buf *b, const char *unit, size_t n)
{
    char one[8], escaped[16];
    if (unit[0] == ' ')
        n = 1; /* the run is one "\s+" */
    memcpy(one, unit, n);
    one[n] = '\0';
    size_t e = zone_escape_cue(escaped, one);
    return append(b, escaped, e);
}

/* The end of the run of words from i (before hi) whose unit at depth is
 * word i's, n bytes long. */
static size_t same_unit_end(const char *const *words, size_t i, size_t hi,
                            size_t depth, size_t n)
{
    size_t j = i + 1;
    while (j < hi && unit_len(words[j] + depth) == n &&
           strncmp(words[j] + depth, words[i] + depth, n) == 0)
        j++;
    return j;
}

/* The trie of words[lo, hi), which share their first depth bytes. */
static int trie(trie_buf *b, const char *const *words, size_t lo, size_t hi,
                size_t depth)
{
    size_t branches = 0;
    bool terminal = false;
    for (size_t i = lo; i < hi;) {
        if (!words[i][depth]) {
            terminal = true;
            i++;
            continue;
        }
        i = same_unit_end(words, i, hi, depth, unit_len(words[i] + depth));
        branches++;
    }
    bool group = branches > 1 || (branches == 1 && terminal);
    if (group && append(b, "(?:", 3) < 0)
        return -1;
    size_t written = 0;
    for (size_t i = lo; i < hi;) {
        if (!words[i][depth]) {
            i++;
            continue;
        }
        size_t n = unit_len(words[i] + depth);
        size_t j = same_unit_end(words, i, hi, depth, n);
        if ((written++ && append(b, "|", 1) < 0) ||
            append_unit(b, words[i] + depth, n) < 0 ||
            trie(b, words, i, j, depth + n) < 0)
            return -1;
        i = j;
    }
    /* The shorter word last: "jan(?:uary|)" tries "january" first. */
    if (group && append(b, terminal ? "|)" : ")", terminal ? 2 : 1) < 0)
        return -1;
    return 0;
}

char *zone_trie_alternation(const char *const *words, size_t n)
{
    trie_buf b = {0};
    if (append(&b, "", 0) < 0 || trie(&b, words, 0, n, 0) < 0) {
        free(b.s);
        return NULL;
    }
    return b.s;
}
