/* Unit tests of http: URL checks, argument checks, and the retry count
 * against a loopback port where nothing listens (no server needed). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "http.h"

static void test_check_url(void **state)
{
    (void)state;
    dr_err err = {0};
    assert_int_equal(http_check_url("http://h/x", &err), DR_OK);
    assert_int_equal(http_check_url("https://h:8443/x?y=1", &err), DR_OK);
    assert_int_equal(http_check_url("ftp://h/x", &err), DR_EINVAL);
    assert_non_null(strstr(err.msg, "http:// or https://"));
    assert_int_equal(http_check_url("https://user:secret@h/x", &err), DR_EINVAL);
    assert_non_null(strstr(err.msg, "credentials in the URL"));
    assert_null(strstr(err.msg, "secret")); /* never echoed */
    assert_int_equal(http_check_url("http:///x", &err), DR_EINVAL);
    assert_int_equal(http_check_url("http://h/a b", &err), DR_EINVAL);
    assert_int_equal(http_check_url(NULL, &err), DR_EINVAL);
}

static void test_bad_arguments(void **state)
{
    (void)state;
    http_response res;
    dr_err err = {0};
    http_request rq = {.url = "http://127.0.5.99:1/", .method = "FETCH"};
    assert_int_equal(http_send(&rq, &res, &err), DR_EINVAL);
    assert_non_null(strstr(err.msg, "unknown method"));
    http_response_free(&res);
    const char *bad[] = {"NoColon", NULL};
    http_request rq2 = {.url = "http://127.0.5.99:1/", .headers = bad};
    assert_int_equal(http_send(&rq2, &res, &err), DR_EINVAL);
    assert_non_null(strstr(err.msg, "bad header"));
    http_response_free(&res);
    http_request rq3 = {.url = "http://127.0.5.99:1/", .retries = 99};
    assert_int_equal(http_send(&rq3, &res, &err), DR_EINVAL);
    http_response_free(&res);
}

/* A refused connection is retried: 1 + retries attempts, then an error
 * naming method, URL and the count. */
static void test_retries_then_error(void **state)
{
    (void)state;
    http_response res;
    dr_err err = {0};
    http_request rq = {.url = "http://127.0.5.99:1/hook",
                       .body = "{}",
                       .body_len = 2,
                       .retries = 2,
                       .timeout_ms = 2000};
    assert_int_equal(http_send(&rq, &res, &err), DR_EIO);
    assert_int_equal(res.attempts, 3);
    assert_int_equal(res.status, 0);
    assert_non_null(strstr(err.msg, "POST http://127.0.5.99:1/hook"));
    assert_non_null(strstr(err.msg, "after 3 attempts"));
    http_response_free(&res);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_check_url),
        cmocka_unit_test(test_bad_arguments),
        cmocka_unit_test(test_retries_then_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
