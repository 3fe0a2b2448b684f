// CKansliSHA: the few things KansliCrypto needs from C.
//
// - A SHA-256 block function that uses the x86 SHA extensions (SHA-NI), with run-time CPU
//   detection. On other architectures it builds too and reports "not available".
// - A getrandom(2) wrapper, because Swift's Glibc module does not import <sys/random.h>.
//
// Only KansliCrypto calls these; no pointer handed in here is kept after a call returns.
#ifndef CKANSLISHA_H
#define CKANSLISHA_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Returns 1 when this CPU can run `kansli_sha256_ni_compress` (SHA, SSSE3 and SSE4.1 present),
/// 0 otherwise (always 0 on non-x86 builds). Cheap after the first call.
int kansli_sha256_ni_available(void);

/// Runs the SHA-256 compression function (FIPS 180-4 §6.2.2) over `block_count` consecutive
/// 64-byte blocks at `data` (any alignment), updating `state` (H0…H7, native-endian words).
/// Precondition: `kansli_sha256_ni_available()` returned 1; otherwise the process traps.
void kansli_sha256_ni_compress(uint32_t state[8], const void *data, size_t block_count);

/// Fills up to `count` bytes at `buffer` from the kernel's CSPRNG with getrandom(2) (flags 0).
/// Returns the number of bytes written, or -1 with `errno` set (EINTR, ENOSYS, …), exactly like
/// getrandom(2). Where getrandom(2) does not exist it returns -1 with errno = ENOSYS.
long kansli_getrandom(void *buffer, size_t count);

#ifdef __cplusplus
}
#endif

#endif
