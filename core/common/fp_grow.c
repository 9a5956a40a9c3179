#include "fp_grow.h"

#include <stdint.h>
#include <stdlib.h>

int fp_grow(void **array, size_t *cap, size_t need, size_t item_size, size_t min_cap)
{
    if (need <= *cap)
        return 0;
    size_t new_cap = *cap ? *cap : (min_cap ? min_cap : 16);
    while (new_cap < need) {
        if (new_cap > SIZE_MAX / 2)
            return -1;
        new_cap *= 2;
    }
    if (new_cap > SIZE_MAX / item_size)
        return -1;
    void *grown = realloc(*array, new_cap * item_size);
    if (!grown)
        return -1;
    *array = grown;
    *cap = new_cap;
    return 0;
}
