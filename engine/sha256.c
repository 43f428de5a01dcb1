/* sha256: SHA-256 through libcrypto's EVP interface, which picks the
 * fastest implementation for the CPU (SHA extensions, AVX2); the engine
 * hashes every file it reads and writes, hundreds of them in a fleet-sized
 * rehearsal. */
#include "sha256.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>

/* libcrypto fails only when out of memory here: like dr_calloc, stop. */
static void sha256_die(const char *what)
{
    fprintf(stderr, "drctl: sha256: %s failed (out of memory?)\n", what);
    abort();
}

void sha256_init(sha256_ctx *c)
{
    EVP_MD_CTX *m = EVP_MD_CTX_new();
    if (!m || EVP_DigestInit_ex(m, EVP_sha256(), NULL) != 1)
        sha256_die("EVP_DigestInit_ex");
    c->md = m;
}

void sha256_update(sha256_ctx *c, const void *p, size_t n)
{
    if (n && EVP_DigestUpdate(c->md, p, n) != 1)
        sha256_die("EVP_DigestUpdate");
}

void sha256_final(sha256_ctx *c, uint8_t out[SHA256_DIGEST_LEN])
{
    unsigned len = 0;
    if (EVP_DigestFinal_ex(c->md, out, &len) != 1 || len != SHA256_DIGEST_LEN)
        sha256_die("EVP_DigestFinal_ex");
    EVP_MD_CTX_free(c->md);
    c->md = NULL;
}

void sha256(const void *p, size_t n, uint8_t out[SHA256_DIGEST_LEN])
{
    static const uint8_t none;
    unsigned len = 0;
    if (EVP_Digest(n ? p : &none, n, out, &len, EVP_sha256(), NULL) != 1 ||
        len != SHA256_DIGEST_LEN)
        sha256_die("EVP_Digest");
}

void sha256_to_hex(const uint8_t digest[SHA256_DIGEST_LEN], char hex[SHA256_HEX_LEN + 1])
{
    static const char digits[] = "0123456789abcdef";
    for (int i = 0; i < SHA256_DIGEST_LEN; i++) {
        hex[2 * i] = digits[digest[i] >> 4];
        hex[2 * i + 1] = digits[digest[i] & 15];
    }
    hex[SHA256_HEX_LEN] = '\0';
}

void sha256_hex(const void *p, size_t n, char hex[SHA256_HEX_LEN + 1])
{
    uint8_t d[SHA256_DIGEST_LEN];
    sha256(p, n, d);
    sha256_to_hex(d, hex);
}
