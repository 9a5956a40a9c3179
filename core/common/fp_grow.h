/* Growing arrays geometrically: the one helper every stage uses. */
#ifndef FP_GROW_H
#define FP_GROW_H

#include <stddef.h>

/* Make *array hold at least need items of item_size bytes, doubling its
 * capacity (from min_cap when empty).  Returns -1, leaving *array and
 * *cap untouched, when memory runs out or the size would overflow. */
int fp_grow(void **array, size_t *cap, size_t need, size_t item_size, size_t min_cap);

#endif
