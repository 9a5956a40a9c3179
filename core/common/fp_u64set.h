/* A set of non-zero 64-bit values (hashes), open addressing: 16 bytes a
 * member at most, for sets of a million names. */
#ifndef FP_U64SET_H
#define FP_U64SET_H

#include <stddef.h>
#include <stdint.h>

typedef struct fp_u64set {
    uint64_t *slots; /* 0: empty */
    size_t size, used;
} fp_u64set;

/* Adds v (0 is taken as 1): 1 added, 0 there already, -1 out of memory. */
int fp_u64set_add(fp_u64set *s, uint64_t v);
int fp_u64set_has(const fp_u64set *s, uint64_t v);
void fp_u64set_free(fp_u64set *s);

#endif
