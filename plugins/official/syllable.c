/*
 * syllable.c — see syllable.h.  The letters are Vietnamese orthography, a
 * property of the script like the case pairs of text.h, not a lexicon.
 */
#include "syllable.h"

#include "text.h"

#include <stddef.h>
#include <string.h>

enum { SYLLABLE_MAX_LETTERS = 8 }; /* "nghiêng": the longest */

static bool is_vowel(uint32_t c)
{
    if (c < 0x80)
        return c != 0 && strchr("aeiouy", (int)c) != NULL;
    switch (c) {
    case 0xE0: case 0xE1: case 0xE2: case 0xE3: /* à á â ã */
    case 0xE8: case 0xE9: case 0xEA:            /* è é ê */
    case 0xEC: case 0xED:                       /* ì í */
    case 0xF2: case 0xF3: case 0xF4: case 0xF5: /* ò ó ô õ */
    case 0xF9: case 0xFA: case 0xFD:            /* ù ú ý */
    case 0x103: case 0x129: case 0x169:         /* ă ĩ ũ */
    case 0x1A1: case 0x1B0:                     /* ơ ư */
        return true;
    default:
        return c >= 0x1EA0 && c <= 0x1EF9; /* ạ ... ỹ: toned vowels */
    }
}

static bool is_u(uint32_t c)
{
    return c == 'u' || c == 0xF9 || c == 0xFA || c == 0x169 ||
           c == 0x1EE5 || c == 0x1EE7;
}

/* Consonant letters as one byte each, đ as 'D'; 0 for anything else. */
static char consonant(uint32_t c)
{
    if (c == 0x111)
        return 'D';
    if (c < 0x80 && c != 0 && strchr("bcdghklmnpqrstvx", (int)c) != NULL)
        return (char)c;
    return 0;
}

/* Asked of thousands of words: the first letters are compared before
 * the strings, which settles most entries without a call. */
static bool listed(const char *s, const char *const *list)
{
    for (; *list != NULL; list++)
        if ((*list)[0] == s[0] && strcmp(s, *list) == 0)
            return true;
    return false;
}

static const char *const onsets[] = {
    "", "b", "c", "ch", "d", "D", "g", "gh", "gi", "h", "k", "kh", "l",
    "m", "n", "ng", "ngh", "nh", "p", "ph", "q", "r", "s", "t", "th", "tr",
    "v", "x", NULL};
static const char *const codas[] = {"", "c", "ch", "m", "n", "ng", "nh",
                                    "p", "t", NULL};

bool syllable_is_vietnamese(const char *folded)
{
    size_t len = strlen(folded), pos = 0;
    char onset[SYLLABLE_MAX_LETTERS + 1] = "";
    char coda[SYLLABLE_MAX_LETTERS + 1] = "";
    size_t n_onset = 0, n_vowels = 0, n_coda = 0;
    bool q_onset = false;
    while (pos < len) {
        uint32_t c = text_decode(folded, len, &pos);
        char letter = consonant(c);
        if (letter != 0) {
            if (n_vowels == 0) {
                if (n_onset == SYLLABLE_MAX_LETTERS)
                    return false;
                onset[n_onset++] = letter;
                onset[n_onset] = '\0';
            } else {
                if (n_coda == SYLLABLE_MAX_LETTERS)
                    return false;
                coda[n_coda++] = letter;
                coda[n_coda] = '\0';
            }
            continue;
        }
        /* not a letter of Vietnamese, or a vowel after the coda */
        if (!is_vowel(c) || n_coda > 0)
            return false;
        /* "qu": the u belongs to the onset */
        if (n_vowels == 0 && !q_onset && strcmp(onset, "q") == 0) {
            if (!is_u(c))
                return false;
            q_onset = true;
            continue;
        }
        if (++n_vowels > 3)
            return false;
    }
    if (strcmp(onset, "q") == 0 && !q_onset)
        return false;
    return n_vowels > 0 && listed(onset, onsets) && listed(coda, codas);
}
