/*
 * syllable — whether a word is one syllable of Vietnamese orthography.
 *
 * A Vietnamese syllable is an onset (b, ch, ngh, qu, ...), one to three
 * vowels and a coda of c, ch, m, n, ng, nh, p or t.  Names of other
 * languages rarely fit ("Daniel", "Kritenbrink", "Pơloong", "James"):
 * after a title, such words are a person's name rather than the name of
 * an organisation or a place written in Vietnamese.
 */
#ifndef OFFICIAL_SYLLABLE_H
#define OFFICIAL_SYLLABLE_H

#include <stdbool.h>

/* folded: a word folded to small letters (tokens_folded()). */
bool syllable_is_vietnamese(const char *folded);

#endif /* OFFICIAL_SYLLABLE_H */
