/* fp_u64set.h: linear probing in a power-of-two table at most half full. */
#include "fp_u64set.h"

#include <stdlib.h>

static size_t find(const uint64_t *slots, size_t size, uint64_t v)
{
    size_t k = (size_t)(v ^ (v >> 29)) & (size - 1);
    while (slots[k] && slots[k] != v)
        k = (k + 1) & (size - 1);
    return k;
}

int fp_u64set_add(fp_u64set *s, uint64_t v)
{
    v = v ? v : 1;
    if ((s->used + 1) * 2 > s->size) {
        size_t size = s->size ? s->size * 2 : 1024;
        uint64_t *slots = calloc(size, sizeof *slots);
        if (!slots)
            return -1;
        for (size_t i = 0; i < s->size; i++)
            if (s->slots[i])
                slots[find(slots, size, s->slots[i])] = s->slots[i];
        free(s->slots);
        s->slots = slots;
        s->size = size;
    }
    size_t k = find(s->slots, s->size, v);
    if (s->slots[k])
        return 0;
    s->slots[k] = v;
    s->used++;
    return 1;
}

int fp_u64set_has(const fp_u64set *s, uint64_t v)
{
    v = v ? v : 1;
    return s->size && s->slots[find(s->slots, s->size, v)] == v;
}

void fp_u64set_free(fp_u64set *s)
{
    free(s->slots);
    s->slots = NULL;
    s->size = s->used = 0;
}
