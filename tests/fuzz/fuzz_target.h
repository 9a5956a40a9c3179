/* What every harness in tests/fuzz defines: libFuzzer's entry point.  The
 * same harness is linked with libFuzzer (FP_FUZZ=ON, clang) and with
 * replay_main.c, which runs saved inputs through it in the normal build.
 *
 * A harness finds a bug by crashing: the sanitizers abort on memory and
 * undefined-behaviour errors, and fuzz_check() aborts when an invariant
 * the stage promises does not hold. */
#ifndef FUZZ_TARGET_H
#define FUZZ_TARGET_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define fuzz_check(condition, what)                                        \
    do {                                                                   \
        if (!(condition)) {                                                \
            fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__,     \
                    __LINE__, what);                                       \
            abort();                                                       \
        }                                                                  \
    } while (0)

#endif
