// KansliCrypto: the project's own hashing, message authentication and randomness.
//
// What it is for
// - `SHA256`: streaming SHA-256 (FIPS 180-4). Whole blocks go to the x86 SHA extensions when the
//   CPU has them (C target `CKansliSHA`), otherwise to a portable, fully unrolled Swift block
//   function. `SHA256.Backend` chooses; `KANSLI_SHA256_PORTABLE=1` forces the portable path.
// - `SHA512` (FIPS 180-4, portable Swift) and `Ed25519` (RFC 8032: `PrivateKey.sign`,
//   `PublicKey.isValidSignature`, strict cofactorless verification; signing constant-time),
//   `Ed25519PEM` for keys as RFC 8410 PEM (SubjectPublicKeyInfo / PKCS #8), read strictly.
// - `HMACSHA256` (RFC 2104) with the key's padded states precomputed, and `HKDF` (RFC 5869).
// - `ConstantTime.equals` for comparing MACs and tokens, `SecureRandom.bytes` (getrandom(2)),
//   `Hex` for digests in logs, tests and configuration.
//
// What it must not do
// - Know about frames, sockets, sessions or storage: callers (KansliTransport, KansliService)
//   decide what is hashed or authenticated and how keys are kept.
// - Depend on any package or on Foundation: Glibc (or Darwin) and CKansliSHA only.
// - Keep a C pointer after a call returns, or hand one out.
//
// Not provided: secret erasure. Swift arrays may be copied or moved by the runtime, so this module
// does not promise that key bytes are wiped from memory.
