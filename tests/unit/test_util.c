/* Unit tests for util: buffers, errors, secrets. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static void test_buf_grows_and_terminates(void **state)
{
    (void)state;
    dr_buf b = DR_BUF_INIT;
    for (int i = 0; i < 1000; i++)
        dr_buf_printf(&b, "%d,", i);
    assert_int_equal(b.len, strlen(b.data));
    assert_true(strncmp(b.data, "0,1,2,", 6) == 0);
    assert_true(strstr(b.data, ",999,") != NULL);
    size_t n;
    char *s = dr_buf_steal(&b, &n);
    assert_null(b.data);
    assert_int_equal(n, strlen(s));
    free(s);
    s = dr_buf_steal(&b, &n);
    assert_string_equal(s, "");
    free(s);
}

/* dr_buf_printf formats into the spare room when it fits: text that just
 * fits, and text one byte too long, both come out whole and terminated. */
static void test_buf_printf_at_capacity(void **state)
{
    (void)state;
    for (size_t extra = 0; extra < 4; extra++) {
        dr_buf b = DR_BUF_INIT;
        dr_buf_puts(&b, "x");
        size_t room = b.cap - b.len; /* bytes left, terminator included */
        char *want = malloc(room + extra + 1);
        memset(want, 'a', room + extra);
        want[room + extra - 2] = '\0'; /* room - 2 + extra chars */
        dr_buf_printf(&b, "%s!", want);
        assert_int_equal(b.len, 1 + room - 2 + extra + 1);
        assert_int_equal(strlen(b.data), b.len);
        assert_int_equal(b.data[0], 'x');
        assert_int_equal(b.data[b.len - 1], '!');
        assert_int_equal(b.data[b.len - 2], 'a');
        free(want);
        dr_buf_free(&b);
    }
}

static void test_err_wrap(void **state)
{
    (void)state;
    dr_err e = {0};
    assert_int_equal(dr_err_set(&e, DR_EIO, "read %s: %s", "/x", "boom"), DR_EIO);
    dr_err_wrap(&e, "host %s", "zk1");
    assert_string_equal(e.msg, "host zk1: read /x: boom");
    assert_int_equal(e.code, DR_EIO);
    assert_string_equal(dr_strerror(DR_ETIMEOUT), "timeout");
}

static void test_secret_file_mode_checked(void **state)
{
    (void)state;
    char path[] = "/tmp/drctl-secret-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "s3cret  \nignored\n", 17), 17);
    close(fd);
    char *s = NULL;
    dr_err e = {0};
    chmod(path, 0600);
    assert_int_equal(dr_secret_load(path, NULL, &s, &e), DR_OK);
    assert_string_equal(s, "s3cret");
    dr_secret_free(s);
    chmod(path, 0644);
    assert_int_equal(dr_secret_load(path, NULL, &s, &e), DR_EREFUSED);
    assert_non_null(strstr(e.msg, "chmod 600"));
    unlink(path);
    assert_int_equal(dr_secret_load(NULL, "DRCTL_TEST_UNSET_VAR", &s, &e), DR_ENOTFOUND);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_buf_grows_and_terminates),
        cmocka_unit_test(test_buf_printf_at_capacity),
        cmocka_unit_test(test_err_wrap),
        cmocka_unit_test(test_secret_file_mode_checked),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
