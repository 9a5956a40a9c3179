/* FNV-1a and MurmurHash3 x64/128 (Austin Appleby's public-domain
 * algorithm, written here as an incremental hasher). */
#include "fp_hash.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

uint64_t fp_fnv64(uint64_t h, const void *data, size_t len)
{
    const unsigned char *c = data;
    for (size_t i = 0; i < len; i++)
        h = (h ^ c[i]) * 1099511628211ULL;
    return h;
}

static const uint64_t C1 = 0x87c37b91114253d5ULL, C2 = 0x4cf5ad432745937fULL;

static uint64_t rotl(uint64_t x, int r)
{
    return (x << r) | (x >> (64 - r));
}

static uint64_t fmix(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ULL;
    k ^= k >> 33;
    return k;
}

static uint64_t load64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = (v << 8) | p[i]; /* little-endian on every machine */
    return v;
}

static uint64_t mix_k1(uint64_t k)
{
    return rotl(k * C1, 31) * C2;
}

static uint64_t mix_k2(uint64_t k)
{
    return rotl(k * C2, 33) * C1;
}

static void block(fp_hash128_state *s, const unsigned char *p)
{
    s->h1 ^= mix_k1(load64(p));
    s->h1 = (rotl(s->h1, 27) + s->h2) * 5 + 0x52dce729;
    s->h2 ^= mix_k2(load64(p + 8));
    s->h2 = (rotl(s->h2, 31) + s->h1) * 5 + 0x38495ab5;
}

void fp_hash128_init(fp_hash128_state *s, uint64_t seed)
{
    memset(s, 0, sizeof *s);
    s->h1 = s->h2 = seed;
}

void fp_hash128_update(fp_hash128_state *s, const void *data, size_t len)
{
    const unsigned char *p = data;
    s->total += len;
    if (s->tail_len) {
        size_t take = 16 - s->tail_len < len ? 16 - s->tail_len : len;
        memcpy(s->tail + s->tail_len, p, take);
        s->tail_len += take;
        p += take;
        len -= take;
        if (s->tail_len < 16)
            return;
        block(s, s->tail);
        s->tail_len = 0;
    }
    for (; len >= 16; p += 16, len -= 16)
        block(s, p);
    memcpy(s->tail, p, len);
    s->tail_len = len;
}

fp_hash128 fp_hash128_final(fp_hash128_state *s)
{
    uint64_t k1 = 0, k2 = 0;
    const unsigned char *t = s->tail;
    for (size_t i = s->tail_len; i-- > 8;)
        k2 = (k2 << 8) | t[i];
    for (size_t i = s->tail_len < 8 ? s->tail_len : 8; i-- > 0;)
        k1 = (k1 << 8) | t[i];
    if (s->tail_len > 8)
        s->h2 ^= mix_k2(k2);
    if (s->tail_len)
        s->h1 ^= mix_k1(k1);
    uint64_t h1 = s->h1 ^ s->total, h2 = s->h2 ^ s->total;
    h1 += h2;
    h2 += h1;
    h1 = fmix(h1);
    h2 = fmix(h2);
    h1 += h2;
    h2 += h1;
    return (fp_hash128){h1, h2};
}

fp_hash128 fp_hash128_of(const void *data, size_t len)
{
    fp_hash128_state s;
    fp_hash128_init(&s, 0);
    fp_hash128_update(&s, data, len);
    return fp_hash128_final(&s);
}

void fp_hash128_hex(fp_hash128 h, char out[33])
{
    snprintf(out, 33, "%016llx%016llx", (unsigned long long)h.h1, (unsigned long long)h.h2);
}

int fp_hash128_file(const char *path, fp_hash128 *out)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    fp_hash128_state s;
    fp_hash128_init(&s, 0);
    unsigned char buf[65536];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) != 0) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int why = errno;
            close(fd);
            errno = why;
            return -1;
        }
        fp_hash128_update(&s, buf, (size_t)n);
    }
    close(fd);
    *out = fp_hash128_final(&s);
    return 0;
}
