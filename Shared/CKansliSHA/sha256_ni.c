// SHA-256 block function on the x86 SHA extensions (SHA-NI), with run-time CPU detection.
//
// The whole file compiles on every architecture; only x86/x86-64 get the real code. The
// intrinsics functions carry `target("sha,ssse3,sse4.1")` so the rest of the program is still
// built for the baseline CPU, and the caller must check `kansli_sha256_ni_available()` first.
//
// Register layout (Intel, "Intel SHA Extensions", 2013): SHA256RNDS2 works on the state split as
// ABEF and CDGH; each call does two rounds with W+K in the low 64 bits of its third operand.
// SHA256MSG1/MSG2 compute the message schedule four words at a time.
#include "CKansliSHA.h"

#if defined(__x86_64__) || defined(__i386__)

#include <cpuid.h>
#include <immintrin.h>

/// FIPS 180-4 §4.2.2: the first 32 bits of the fractional parts of the cube roots of the first
/// 64 primes. Aligned so each group of four loads with one aligned 128-bit load.
static const uint32_t kansli_sha256_k[64] __attribute__((aligned(16))) = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static int kansli_sha256_ni_detect(void) {
    unsigned int eax = 0, ebx = 0, ecx = 0, edx = 0;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) {
        return 0;
    }
    const int has_ssse3 = (ecx >> 9) & 1;
    const int has_sse41 = (ecx >> 19) & 1;
    if (__get_cpuid_max(0, 0) < 7) {
        return 0;
    }
    __cpuid_count(7, 0, eax, ebx, ecx, edx);
    const int has_sha = (ebx >> 29) & 1;  // CPUID.(EAX=07H, ECX=0):EBX.SHA[bit 29]
    return has_ssse3 && has_sse41 && has_sha;
}

int kansli_sha256_ni_available(void) {
    // -1 = not yet probed. Racing threads all compute the same answer, so a relaxed atomic
    // is enough; it only saves repeating CPUID.
    static int cached = -1;
    int value = __atomic_load_n(&cached, __ATOMIC_RELAXED);
    if (value < 0) {
        value = kansli_sha256_ni_detect();
        __atomic_store_n(&cached, value, __ATOMIC_RELAXED);
    }
    return value;
}

__attribute__((target("sha,ssse3,sse4.1")))
void kansli_sha256_ni_compress(uint32_t state[8], const void *input, size_t block_count) {
    const uint8_t *data = (const uint8_t *)input;
    // Turns each little-endian 32-bit lane into the big-endian message word.
    const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i state0, state1, msg, tmp, msg0, msg1, msg2, msg3, abef_save, cdgh_save;

    // Load H0…H7 and rearrange into ABEF / CDGH.
    tmp = _mm_loadu_si128((const __m128i *)&state[0]);     // DCBA
    state1 = _mm_loadu_si128((const __m128i *)&state[4]);  // HGFE
    tmp = _mm_shuffle_epi32(tmp, 0xB1);                     // CDAB
    state1 = _mm_shuffle_epi32(state1, 0x1B);               // EFGH
    state0 = _mm_alignr_epi8(tmp, state1, 8);               // ABEF
    state1 = _mm_blend_epi16(state1, tmp, 0xF0);            // CDGH

    while (block_count > 0) {
        abef_save = state0;
        cdgh_save = state1;

        /* Rounds 0-3 */
        msg0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 0)), byte_swap);
        msg = _mm_add_epi32(msg0, _mm_load_si128((const __m128i *)&kansli_sha256_k[0]));
        state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
        msg = _mm_shuffle_epi32(msg, 0x0E);
        state0 = _mm_sha256rnds2_epu32(state0, state1, msg);

        /* Rounds 4-7 */
        msg1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16)), byte_swap);
        msg = _mm_add_epi32(msg1, _mm_load_si128((const __m128i *)&kansli_sha256_k[4]));
        state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
        msg = _mm_shuffle_epi32(msg, 0x0E);
        state0 = _mm_sha256rnds2_epu32(state0, state1, msg);
        msg0 = _mm_sha256msg1_epu32(msg0, msg1);

        /* Rounds 8-11 */
        msg2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 32)), byte_swap);
        msg = _mm_add_epi32(msg2, _mm_load_si128((const __m128i *)&kansli_sha256_k[8]));
        state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
        msg = _mm_shuffle_epi32(msg, 0x0E);
        state0 = _mm_sha256rnds2_epu32(state0, state1, msg);
        msg1 = _mm_sha256msg1_epu32(msg1, msg2);

        /* Rounds 12-15 */
        msg3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 48)), byte_swap);
        msg = _mm_add_epi32(msg3, _mm_load_si128((const __m128i *)&kansli_sha256_k[12]));
        state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
        tmp = _mm_alignr_epi8(msg3, msg2, 4);
        msg0 = _mm_sha256msg2_epu32(_mm_add_epi32(msg0, tmp), msg3);
        msg = _mm_shuffle_epi32(msg, 0x0E);
        state0 = _mm_sha256rnds2_epu32(state0, state1, msg);
        msg2 = _mm_sha256msg1_epu32(msg2, msg3);

        /* Rounds 16-19 */
        msg = _mm_add_epi32(msg0, _mm_load_si128((const __m128i *)&kansli_sha256_k[16]));
        state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
        tmp = _mm_alignr_epi8(msg0, msg3, 4);
        msg1 = _mm_sha256msg2_epu32(_mm_add_epi32(msg1, tmp), msg0);
        msg = _mm_shuffle_epi32(msg, 0x0E);
        state0 = _mm_sha256rnds2_epu32(state0, state1, msg);
        msg3 = _mm_sha256msg1_epu32(msg3, msg0);

        /* Rounds 20-23 */
        msg = _mm_add_epi32(msg1, _mm_load_si128((const __m128i *)&kansli_sha256_k[20]));
        state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
        tmp = _mm_alignr_epi8(msg1, msg0, 4);
        msg2 = _mm_sha256msg2_epu32(_mm_add_epi32(msg2, tmp), msg1);
        msg = _mm_shuffle_epi32(msg, 0x0E);
        state0 = _mm_sha256rnds2_epu32(state0, state1, msg);
        msg0 = _mm_sha256msg1_epu32(msg0, msg1);

        /* Rounds 24-27 */
        msg = _mm_add_epi32(msg2, _mm_load_si128((const __m128i *)&kansli_sha256_k[24]));
        state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
        tmp = _mm_alignr_epi8(msg2, msg1, 4);
        msg3 = _mm_sha256msg2_epu32(_mm_add_epi32(msg3, tmp), msg2);
        msg = _mm_shuffle_epi32(msg, 0x0E);
        state0 = _mm_sha256rnds2_epu32(state0, state1, msg);
        msg1 = _mm_sha256msg1_epu32(msg1, msg2);

        /* Rounds 28-31 */
        msg = _mm_add_epi32(msg3, _mm_load_si128((const __m128i *)&kansli_sha256_k[28]));
        state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
        tmp = _mm_alignr_epi8(msg3, msg2, 4);
        msg0 = _mm_sha256msg2_epu32(_mm_add_epi32(msg0, tmp), msg3);
        msg = _mm_shuffle_epi32(msg, 0x0E);
        state0 = _mm_sha256rnds2_epu32(state0, state1, msg);
        msg2 = _mm_sha256msg1_epu32(msg2, msg3);

        /* Rounds 32-35 */
        msg = _mm_add_epi32(msg0, _mm_load_si128((const __m128i *)&kansli_sha256_k[32]));
        state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
        tmp = _mm_alignr_epi8(msg0, msg3, 4);
        msg1 = _mm_sha256msg2_epu32(_mm_add_epi32(msg1, tmp), msg0);
        msg = _mm_shuffle_epi32(msg, 0x0E);
        state0 = _mm_sha256rnds2_epu32(state0, state1, msg);
        msg3 = _mm_sha256msg1_epu32(msg3, msg0);

        /* Rounds 36-39 */
        msg = _mm_add_epi32(msg1, _mm_load_si128((const __m128i *)&kansli_sha256_k[36]));
        state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
        tmp = _mm_alignr_epi8(msg1, msg0, 4);
        msg2 = _mm_sha256msg2_epu32(_mm_add_epi32(msg2, tmp), msg1);
        msg = _mm_shuffle_epi32(msg, 0x0E);
        state0 = _mm_sha256rnds2_epu32(state0, state1, msg);
        msg0 = _mm_sha256msg1_epu32(msg0, msg1);

        /* Rounds 40-43 */
        msg = _mm_add_epi32(msg2, _mm_load_si128((const __m128i *)&kansli_sha256_k[40]));
        state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
        tmp = _mm_alignr_epi8(msg2, msg1, 4);
        msg3 = _mm_sha256msg2_epu32(_mm_add_epi32(msg3, tmp), msg2);
        msg = _mm_shuffle_epi32(msg, 0x0E);
        state0 = _mm_sha256rnds2_epu32(state0, state1, msg);
        msg1 = _mm_sha256msg1_epu32(msg1, msg2);

        /* Rounds 44-47 */
        msg = _mm_add_epi32(msg3, _mm_load_si128((const __m128i *)&kansli_sha256_k[44]));
        state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
        tmp = _mm_alignr_epi8(msg3, msg2, 4);
        msg0 = _mm_sha256msg2_epu32(_mm_add_epi32(msg0, tmp), msg3);
        msg = _mm_shuffle_epi32(msg, 0x0E);
        state0 = _mm_sha256rnds2_epu32(state0, state1, msg);
        msg2 = _mm_sha256msg1_epu32(msg2, msg3);

        /* Rounds 48-51 */
        msg = _mm_add_epi32(msg0, _mm_load_si128((const __m128i *)&kansli_sha256_k[48]));
        state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
        tmp = _mm_alignr_epi8(msg0, msg3, 4);
        msg1 = _mm_sha256msg2_epu32(_mm_add_epi32(msg1, tmp), msg0);
        msg = _mm_shuffle_epi32(msg, 0x0E);
        state0 = _mm_sha256rnds2_epu32(state0, state1, msg);
        msg3 = _mm_sha256msg1_epu32(msg3, msg0);

        /* Rounds 52-55 */
        msg = _mm_add_epi32(msg1, _mm_load_si128((const __m128i *)&kansli_sha256_k[52]));
        state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
        tmp = _mm_alignr_epi8(msg1, msg0, 4);
        msg2 = _mm_sha256msg2_epu32(_mm_add_epi32(msg2, tmp), msg1);
        msg = _mm_shuffle_epi32(msg, 0x0E);
        state0 = _mm_sha256rnds2_epu32(state0, state1, msg);

        /* Rounds 56-59 */
        msg = _mm_add_epi32(msg2, _mm_load_si128((const __m128i *)&kansli_sha256_k[56]));
        state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
        tmp = _mm_alignr_epi8(msg2, msg1, 4);
        msg3 = _mm_sha256msg2_epu32(_mm_add_epi32(msg3, tmp), msg2);
        msg = _mm_shuffle_epi32(msg, 0x0E);
        state0 = _mm_sha256rnds2_epu32(state0, state1, msg);

        /* Rounds 60-63 */
        msg = _mm_add_epi32(msg3, _mm_load_si128((const __m128i *)&kansli_sha256_k[60]));
        state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
        msg = _mm_shuffle_epi32(msg, 0x0E);
        state0 = _mm_sha256rnds2_epu32(state0, state1, msg);
        state0 = _mm_add_epi32(state0, abef_save);
        state1 = _mm_add_epi32(state1, cdgh_save);
        data += 64;
        block_count -= 1;
    }

    // Back from ABEF / CDGH to H0…H7.
    tmp = _mm_shuffle_epi32(state0, 0x1B);        // FEBA
    state1 = _mm_shuffle_epi32(state1, 0xB1);     // DCHG
    state0 = _mm_blend_epi16(tmp, state1, 0xF0);  // DCBA
    state1 = _mm_alignr_epi8(state1, tmp, 8);     // ABEF
    _mm_storeu_si128((__m128i *)&state[0], state0);
    _mm_storeu_si128((__m128i *)&state[4], state1);
}

#else  // not x86

int kansli_sha256_ni_available(void) {
    return 0;
}

void kansli_sha256_ni_compress(uint32_t state[8], const void *input, size_t block_count) {
    (void)state;
    (void)input;
    (void)block_count;
    __builtin_trap();  // Callers must check kansli_sha256_ni_available() first.
}

#endif
