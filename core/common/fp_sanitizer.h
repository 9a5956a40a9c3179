/* FP_UNDER_ASAN is 1 in AddressSanitizer builds (gcc or clang): such a
 * process reserves terabytes of shadow memory, so address-space limits
 * (RLIMIT_AS) must not be set there. */
#ifndef FP_SANITIZER_H
#define FP_SANITIZER_H

#if defined(__SANITIZE_ADDRESS__)
#define FP_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FP_UNDER_ASAN 1
#endif
#endif

#endif
