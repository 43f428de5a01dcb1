/* sha256: SHA-256 (FIPS 180-4) in one shot or incrementally, with lowercase
 * hex output, computed by libcrypto.  The engine uses it to fingerprint file
 * checkpoints, and ssh uses it for host key fingerprints. */
#ifndef DR_SHA256_H
#define DR_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_DIGEST_LEN 32
#define SHA256_HEX_LEN 64 /* characters, without the terminating NUL */

typedef struct sha256_ctx {
    void *md; /* libcrypto's digest context, from sha256_init to sha256_final */
} sha256_ctx;

/* Every sha256_init must be followed by sha256_final, which frees what
 * init allocated. */
void sha256_init(sha256_ctx *c);
/* Adds n bytes at p (p may be NULL when n is 0). */
void sha256_update(sha256_ctx *c, const void *p, size_t n);
/* Writes the 32-byte digest to out; c must be initialised again before reuse. */
void sha256_final(sha256_ctx *c, uint8_t out[SHA256_DIGEST_LEN]);

/* One shot: digest of n bytes at p. */
void sha256(const void *p, size_t n, uint8_t out[SHA256_DIGEST_LEN]);
/* Lowercase hex of a digest into hex (SHA256_HEX_LEN + 1 bytes, NUL-terminated). */
void sha256_to_hex(const uint8_t digest[SHA256_DIGEST_LEN], char hex[SHA256_HEX_LEN + 1]);
/* One shot straight to hex. */
void sha256_hex(const void *p, size_t n, char hex[SHA256_HEX_LEN + 1]);

#endif
