/* Nesting overlapping highlights (review_marks.h). */
#include "review_marks.h"

#include <stdlib.h>

static int by_start_then_longest(const void *a, const void *b)
{
    const fp_review_span *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;
    return x->fact < y->fact ? -1 : x->fact > y->fact;
}

static int ascending(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* Closes the open spans ending at b; those opened inside one of them
 * that go on past b are closed with it and opened again. */
static void close_ending(const fp_review_span *spans, size_t *stack, size_t *depth, size_t b,
                         const fp_review_marks_sink *sink, void *user)
{
    size_t lowest = *depth;
    for (size_t k = 0; k < *depth; k++) {
        if (spans[stack[k]].end == b) {
            lowest = k;
            break;
        }
    }
    if (lowest == *depth)
        return;
    for (size_t k = *depth; k > lowest; k--)
        sink->close(user);
    size_t kept = lowest;
    for (size_t k = lowest; k < *depth; k++) {
        if (spans[stack[k]].end != b) {
            sink->open(user, spans[stack[k]].fact, 1);
            stack[kept++] = stack[k];
        }
    }
    *depth = kept;
}

int fp_review_marks(fp_review_span *spans, size_t n, size_t from, size_t to,
                    const fp_review_marks_sink *sink, void *user)
{
    size_t *stack = malloc((n ? n : 1) * sizeof *stack);
    size_t *bounds = malloc((2 * n + 1) * sizeof *bounds);
    if (!stack || !bounds) {
        free(stack);
        free(bounds);
        return -1;
    }
    /* Kept inside [from, to] and not reversed, whatever the caller gave:
     * a span that ended before it started would never be closed. */
    for (size_t i = 0; i < n; i++) {
        spans[i].start = spans[i].start < from ? from : spans[i].start > to ? to : spans[i].start;
        spans[i].end = spans[i].end < spans[i].start ? spans[i].start
                       : spans[i].end > to           ? to
                                                     : spans[i].end;
    }
    if (n > 0)
        qsort(spans, n, sizeof *spans, by_start_then_longest);
    size_t n_bounds = 0;
    for (size_t i = 0; i < n; i++) {
        bounds[n_bounds++] = spans[i].start;
        bounds[n_bounds++] = spans[i].end;
    }
    bounds[n_bounds++] = to;
    qsort(bounds, n_bounds, sizeof *bounds, ascending);

    size_t at = from, next = 0, depth = 0;
    for (size_t i = 0; i < n_bounds; i++) {
        size_t b = bounds[i];
        if (i > 0 && b == bounds[i - 1])
            continue;
        if (b > at)
            sink->text(user, at, b);
        at = b;
        close_ending(spans, stack, &depth, b, sink, user);
        for (; next < n && spans[next].start == b; next++) {
            sink->open(user, spans[next].fact, 0);
            if (spans[next].end == b)
                sink->close(user); /* empty: shown where it stands */
            else
                stack[depth++] = next;
        }
    }
    free(stack);
    free(bounds);
    return 0;
}
