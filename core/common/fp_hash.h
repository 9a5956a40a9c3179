/* Hashes whose values are stable across machines, builds and runs, for
 * names and keys written to disk: FNV-1a (64 bits) where a short key is
 * hashed in place, MurmurHash3 x64/128 where a collision must be
 * negligible (output names, journal keys, content of files). */
#ifndef FP_HASH_H
#define FP_HASH_H

#include <stddef.h>
#include <stdint.h>

#define FP_FNV64_INIT 1469598103934665603ULL

/* FNV-1a over len bytes, continuing from h (FP_FNV64_INIT to start). */
uint64_t fp_fnv64(uint64_t h, const void *data, size_t len);

typedef struct fp_hash128 {
    uint64_t h1, h2;
} fp_hash128;

/* MurmurHash3 x64/128, fed in pieces of any size. */
typedef struct fp_hash128_state {
    uint64_t h1, h2;
    unsigned char tail[16];
    size_t tail_len;
    uint64_t total;
} fp_hash128_state;

void fp_hash128_init(fp_hash128_state *s, uint64_t seed);
void fp_hash128_update(fp_hash128_state *s, const void *data, size_t len);
fp_hash128 fp_hash128_final(fp_hash128_state *s);
/* The whole of one buffer. */
fp_hash128 fp_hash128_of(const void *data, size_t len);
/* 32 lower-case hex digits and a NUL. */
void fp_hash128_hex(fp_hash128 h, char out[33]);
/* The content of a file (read to its end, whatever its size).  0, or -1
 * with errno set. */
int fp_hash128_file(const char *path, fp_hash128 *out);

#endif
