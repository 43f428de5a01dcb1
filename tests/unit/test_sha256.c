/* Unit tests for sha256: the FIPS 180 example vectors, padding boundaries,
 * and incremental hashing in every split agreeing with one-shot hashing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "sha256.h"

static void check(const char *msg, const char *want)
{
    char hex[SHA256_HEX_LEN + 1];
    sha256_hex(msg, strlen(msg), hex);
    assert_string_equal(hex, want);
}

static void test_fips_examples(void **state)
{
    (void)state;
    /* FIPS 180-2 appendix B: one block, two blocks. */
    check("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    check("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    check("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    /* FIPS 180-4 example: 896-bit message. */
    check(
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrl"
        "mnopqrsmnopqrstnopqrstu",
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

static void test_million_a(void **state)
{
    (void)state;
    /* FIPS 180-2 appendix B.3, hashed in uneven chunks. */
    char chunk[997];
    memset(chunk, 'a', sizeof chunk);
    sha256_ctx c;
    sha256_init(&c);
    size_t left = 1000000;
    while (left) {
        size_t n = left < sizeof chunk ? left : sizeof chunk;
        sha256_update(&c, chunk, n);
        left -= n;
    }
    uint8_t d[SHA256_DIGEST_LEN];
    char hex[SHA256_HEX_LEN + 1];
    sha256_final(&c, d);
    sha256_to_hex(d, hex);
    assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

static void test_padding_boundaries(void **state)
{
    (void)state;
    /* 55 bytes fit length in one block, 56 need a second one, 64 is one full block. */
    struct {
        size_t n;
        const char *want;
    } v[] = {
        {55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
        {56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
        {63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"},
        {64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
    };
    char a[64];
    memset(a, 'a', sizeof a);
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        char hex[SHA256_HEX_LEN + 1];
        sha256_hex(a, v[i].n, hex);
        assert_string_equal(hex, v[i].want);
    }
}

static void test_incremental_matches_one_shot(void **state)
{
    (void)state;
    uint8_t msg[300];
    for (size_t i = 0; i < sizeof msg; i++)
        msg[i] = (uint8_t)(i * 7 + 3);
    for (size_t len = 0; len <= sizeof msg; len += 13) {
        uint8_t want[SHA256_DIGEST_LEN];
        sha256(msg, len, want);
        for (size_t split = 0; split <= len; split++) {
            sha256_ctx c;
            uint8_t got[SHA256_DIGEST_LEN];
            sha256_init(&c);
            sha256_update(&c, msg, split);
            sha256_update(&c, NULL, 0);
            sha256_update(&c, msg + split, len - split);
            sha256_final(&c, got);
            assert_memory_equal(got, want, sizeof want);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fips_examples),
        cmocka_unit_test(test_million_a),
        cmocka_unit_test(test_padding_boundaries),
        cmocka_unit_test(test_incremental_matches_one_shot),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
