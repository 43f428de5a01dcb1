/* Unit tests for json: escaping (control bytes, quotes, invalid UTF-8) and
 * the writer's commas, nesting, pretty printing and misuse detection. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "json.h"

static void check_escape(const char *in, size_t len, const char *want)
{
    dr_buf b = DR_BUF_INIT;
    json_escape(&b, in, len);
    assert_non_null(b.data);
    assert_string_equal(b.data, want);
    dr_buf_free(&b);
}

static void test_escape(void **state)
{
    (void)state;
    check_escape("plain", 5, "plain");
    check_escape("", 0, "");
    check_escape("a\"b\\c", 5, "a\\\"b\\\\c");
    check_escape("l1\nl2\r\t", 7, "l1\\nl2\\r\\t");
    check_escape("\x01\x1f\x7f", 3, "\\u0001\\u001F\x7f"); /* jansson: DEL is not escaped */
    check_escape("nul\0in", 6, "nul\\u0000in");
    /* valid UTF-8 passes through: é (2 bytes), € (3), 😀 (4) */
    check_escape("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", 9, "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
    /* invalid: lone continuation, overlong '/', surrogate, truncated, > U+10FFFF */
    check_escape("\x80", 1, "\xef\xbf\xbd");
    check_escape("\xc0\xaf", 2, "\xef\xbf\xbd\xef\xbf\xbd");
    check_escape("\xed\xa0\x80", 3, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
    check_escape("x\xe2\x82", 3, "x\xef\xbf\xbd\xef\xbf\xbd");
    check_escape("\xf4\x90\x80\x80", 4, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
}

static void test_writer_compact(void **state)
{
    (void)state;
    dr_buf b = DR_BUF_INIT;
    json_writer w;
    json_writer_init(&w, &b, JSON_COMPACT);
    json_begin_object(&w);
    json_key(&w, "name");
    json_put_string(&w, "zk\"1");
    json_key(&w, "id");
    json_int(&w, -42);
    json_key(&w, "ok");
    json_bool(&w, true);
    json_key(&w, "none");
    json_put_string(&w, NULL);
    json_key(&w, "list");
    json_begin_array(&w);
    json_int(&w, 1);
    json_begin_object(&w);
    json_end_object(&w);
    json_begin_array(&w);
    json_end_array(&w);
    json_bool(&w, false);
    json_end_array(&w);
    json_key(&w, "bin");
    json_put_string_n(&w, "a\0b", 3);
    json_end_object(&w);
    assert_int_equal(json_writer_finish(&w), DR_OK);
    assert_string_equal(b.data, "{\"name\":\"zk\\\"1\",\"id\":-42,\"ok\":true,\"none\":null,"
                                "\"list\":[1,{},[],false],\"bin\":\"a\\u0000b\"}");
    dr_buf_free(&b);
}

static void test_writer_pretty(void **state)
{
    (void)state;
    dr_buf b = DR_BUF_INIT;
    json_writer w;
    json_writer_init(&w, &b, JSON_PRETTY);
    json_begin_object(&w);
    json_key(&w, "a");
    json_begin_array(&w);
    json_int(&w, 1);
    json_int(&w, 2);
    json_end_array(&w);
    json_key(&w, "b");
    json_begin_object(&w);
    json_end_object(&w);
    json_end_object(&w);
    assert_int_equal(json_writer_finish(&w), DR_OK);
    assert_string_equal(b.data, "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {}\n}\n");
    dr_buf_free(&b);
}

static void test_writer_scalar_top_level(void **state)
{
    (void)state;
    dr_buf b = DR_BUF_INIT;
    json_writer w;
    json_writer_init(&w, &b, JSON_COMPACT);
    json_put_string(&w, "x");
    assert_int_equal(json_writer_finish(&w), DR_OK);
    assert_string_equal(b.data, "\"x\"");
    dr_buf_free(&b);
}

/* Each misuse is remembered and reported by finish. */
static void test_writer_misuse(void **state)
{
    (void)state;
    dr_buf b = DR_BUF_INIT;
    json_writer w;

    json_writer_init(&w, &b, 0); /* value without a key in an object */
    json_begin_object(&w);
    json_int(&w, 1);
    json_end_object(&w);
    assert_int_equal(json_writer_finish(&w), DR_EINVAL);

    json_writer_init(&w, &b, 0); /* key inside an array */
    json_begin_array(&w);
    json_key(&w, "k");
    json_end_array(&w);
    assert_int_equal(json_writer_finish(&w), DR_EINVAL);

    json_writer_init(&w, &b, 0); /* unbalanced */
    json_begin_array(&w);
    json_end_object(&w);
    assert_int_equal(json_writer_finish(&w), DR_EINVAL);

    json_writer_init(&w, &b, 0); /* left open */
    json_begin_object(&w);
    assert_int_equal(json_writer_finish(&w), DR_EINVAL);

    json_writer_init(&w, &b, 0); /* key without its value */
    json_begin_object(&w);
    json_key(&w, "k");
    json_end_object(&w);
    assert_int_equal(json_writer_finish(&w), DR_EINVAL);

    json_writer_init(&w, &b, 0); /* two top-level values */
    json_int(&w, 1);
    json_int(&w, 2);
    assert_int_equal(json_writer_finish(&w), DR_EINVAL);

    json_writer_init(&w, &b, 0); /* nothing written */
    assert_int_equal(json_writer_finish(&w), DR_EINVAL);
    dr_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape),        cmocka_unit_test(test_writer_compact),
        cmocka_unit_test(test_writer_pretty), cmocka_unit_test(test_writer_scalar_top_level),
        cmocka_unit_test(test_writer_misuse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
