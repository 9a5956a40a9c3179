/* Highlights that may overlap, written as properly nested elements
 * (review_marks.c).  A span that crosses the end of one it started inside
 * is closed there and continued right after — split, never mis-nested —
 * so the markup stays well-formed whatever the facts' offsets. */
#ifndef FP_REVIEW_MARKS_H
#define FP_REVIEW_MARKS_H

#include <stddef.h>

/* One fact's part of a line: bytes [start, end) of the text (start == end:
 * an empty highlight at start). */
typedef struct fp_review_span {
    size_t start, end;
    size_t fact; /* which fact: passed back to open() */
} fp_review_span;

typedef struct fp_review_marks_sink {
    void (*text)(void *user, size_t from, size_t to); /* text bytes [from, to) */
    void (*open)(void *user, size_t fact, int continued);
    void (*close)(void *user);
} fp_review_marks_sink;

/* Writes bytes [from, to) through sink with the spans (each inside
 * [from, to)) opened and closed around their text: spans starting at the
 * same place nest the longer outside, and every open() has its close().
 * Sorts spans.  0, or -1 when out of memory (nothing written). */
int fp_review_marks(fp_review_span *spans, size_t n, size_t from, size_t to,
                    const fp_review_marks_sink *sink, void *user);

#endif
