/* Unit tests for zk: what needs no ZooKeeper server: argument checks, the
 * mapping of library codes to errors, marker and lock-holder records, and
 * the connect deadline against a loopback port where nothing listens. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#define THREADED 1
#include <zookeeper.h>

#include "zk.h"

static void test_error_mapping(void **state)
{
    (void)state;
    dr_err e = {0};
    assert_int_equal(zk_error(ZOK, ZK_OP_READ, "x", &e), DR_OK);
    assert_int_equal(e.code, 0);

    assert_int_equal(zk_error(ZNOAUTH, ZK_OP_RECONFIG, "zk h:1: reconfig", &e), DR_EAUTH);
    assert_string_equal(e.msg, "zk h:1: reconfig: no permission: reconfig needs the super user "
                               "digest (keeper.super_digest_file) (ZNOAUTH)");
    assert_int_equal(zk_error(ZNEWCONFIGNOQUORUM, ZK_OP_RECONFIG, "r", &e), DR_EREFUSED);
    assert_true(strncmp(e.msg, "r: no quorum for the new config: ", 33) == 0);
    assert_non_null(strstr(e.msg, "(ZNEWCONFIGNOQUORUM)"));
    assert_int_equal(zk_error(ZRECONFIGINPROGRESS, ZK_OP_RECONFIG, "r", &e), DR_ECONFLICT);
    assert_string_equal(e.msg, "r: another reconfiguration is in progress: retry when it is "
                               "finished (ZRECONFIGINPROGRESS)");
    assert_int_equal(zk_error(ZRECONFIGDISABLED, ZK_OP_RECONFIG, "r", &e), DR_EREFUSED);
    assert_true(strncmp(e.msg, "r: reconfigEnabled=false on the server", 38) == 0);
    assert_int_equal(zk_error(ZBADVERSION, ZK_OP_RECONFIG, NULL, &e), DR_ECONFLICT);
    assert_string_equal(e.msg, "the configuration changed since the version given was read "
                               "(ZBADVERSION)");

    assert_int_equal(zk_error(ZNOAUTH, ZK_OP_WRITE, "w", &e), DR_EAUTH);
    assert_null(strstr(e.msg, "super"));
    assert_int_equal(zk_error(ZNONODE, ZK_OP_READ, "get /a", &e), DR_ENOTFOUND);
    assert_string_equal(e.msg, "get /a: no such znode (ZNONODE)");
    assert_int_equal(zk_error(ZNODEEXISTS, ZK_OP_WRITE, "c", &e), DR_ECONFLICT);
    assert_int_equal(zk_error(ZBADVERSION, ZK_OP_WRITE, "s", &e), DR_ECONFLICT);
    assert_int_equal(zk_error(ZNOTEMPTY, ZK_OP_WRITE, "d", &e), DR_ECONFLICT);
    assert_int_equal(zk_error(ZOPERATIONTIMEOUT, ZK_OP_READ, "t", &e), DR_ETIMEOUT);
    assert_int_equal(zk_error(ZCONNECTIONLOSS, ZK_OP_READ, "t", &e), DR_EIO);
    assert_int_equal(zk_error(ZSESSIONEXPIRED, ZK_OP_READ, "t", &e), DR_EIO);
    assert_int_equal(zk_error(ZAUTHFAILED, ZK_OP_READ, "t", &e), DR_EAUTH);
    assert_int_equal(zk_error(ZBADARGUMENTS, ZK_OP_RECONFIG, "t", &e), DR_EINVAL);
    assert_int_equal(zk_error(ZNOCHILDRENFOREPHEMERALS, ZK_OP_WRITE, "t", &e), DR_EINVAL);
    assert_int_equal(zk_error(-4242, ZK_OP_READ, "t", &e), DR_EIO);
    assert_non_null(strstr(e.msg, "(code -4242)"));
}

static void test_path_check(void **state)
{
    (void)state;
    dr_err e = {0};
    assert_int_equal(zk_path_check("/", &e), DR_OK);
    assert_int_equal(zk_path_check("/drctl/lock", &e), DR_OK);
    const char *bad[] = {NULL, "", "drctl", "/drctl/", "//x", "/a//b", "/a/./b", "/a/..", "/a\nb"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(zk_path_check(bad[i], &e), DR_EINVAL);
        assert_true(strncmp(e.msg, "znode path", 10) == 0);
    }
}

static void test_marker_record(void **state)
{
    (void)state;
    dr_buf b = DR_BUF_INIT;
    dr_err e = {0};
    assert_int_equal(zk_marker_format("run-20261121-1", 1763700000123, &b, &e), DR_OK);
    assert_string_equal(b.data, "run=run-20261121-1 time=1763700000123");
    zk_marker m;
    assert_int_equal(zk_marker_parse(b.data, b.len, &m, &e), DR_OK);
    assert_string_equal(m.run_id, "run-20261121-1");
    assert_true(m.time_ms == 1763700000123);
    zk_marker_free(&m);
    dr_buf_free(&b);
    assert_int_equal(zk_marker_format("has space", 1, &b, &e), DR_EINVAL);
    assert_int_equal(zk_marker_format("", 1, &b, &e), DR_EINVAL);
    assert_int_equal(zk_marker_format(NULL, 1, &b, &e), DR_EINVAL);
    assert_int_equal(zk_marker_format("a=b", 1, &b, &e), DR_EINVAL);
    dr_buf_free(&b);
    const char *bad[] = {"",
                         "run=x",
                         "time=5",
                         "run=x time=5x",
                         "run= time=1",
                         "run=x time=99999999999999999999",
                         "garbage"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(zk_marker_parse(bad[i], strlen(bad[i]), &m, &e), DR_EPARSE);
        assert_string_equal(e.msg, "zk marker: expected 'run=<id> time=<ms>'");
        zk_marker_free(&m);
    }
    /* order does not matter, unknown fields are ignored */
    assert_int_equal(zk_marker_parse("time=7 extra=1 run=r", 20, &m, &e), DR_OK);
    assert_string_equal(m.run_id, "r");
    zk_marker_free(&m);
}

static void test_lock_record(void **state)
{
    (void)state;
    dr_buf b = DR_BUF_INIT;
    dr_err e = {0};
    assert_int_equal(zk_lock_holder_format("ops1", 4242, "r1", 1000, &b, &e), DR_OK);
    assert_string_equal(b.data, "host=ops1 pid=4242 run=r1 time=1000");
    zk_lock_holder h;
    assert_int_equal(zk_lock_holder_parse(b.data, b.len, &h, &e), DR_OK);
    assert_string_equal(h.host, "ops1");
    assert_int_equal(h.pid, 4242);
    assert_string_equal(h.run_id, "r1");
    assert_int_equal(h.time_ms, 1000);
    zk_lock_holder_free(&h);
    dr_buf_free(&b);
    assert_int_equal(zk_lock_holder_format("bad host", 1, "r", 1, &b, &e), DR_EINVAL);
    assert_int_equal(zk_lock_holder_format("h", 1, "r\n", 1, &b, &e), DR_EINVAL);
    dr_buf_free(&b);
    assert_int_equal(zk_lock_holder_parse("host=h run=r time=1", 19, &h, &e), DR_EPARSE);
}

static int closed_port(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
    socklen_t l = sizeof a;
    getsockname(fd, (struct sockaddr *)&a, &l);
    close(fd);
    return ntohs(a.sin_port);
}

static void test_open_arguments(void **state)
{
    (void)state;
    zk_session *s = (zk_session *)0x1;
    dr_err e = {0};
    assert_int_equal(zk_open(NULL, NULL, &s, &e), DR_EINVAL);
    assert_null(s);
    assert_int_equal(zk_open("", NULL, &s, &e), DR_EINVAL);
    assert_int_equal(zk_open("h:1, h:2", NULL, &s, &e), DR_EINVAL);
    assert_non_null(strstr(e.msg, "without spaces"));
    assert_int_equal(zk_open("h:1/chroot", NULL, &s, &e), DR_EINVAL);

    /* secrets: missing file, readable by others, no "user:" part */
    zk_options o = {.connect_timeout_ms = 300, .secret_file = "/nonexistent/zk_super"};
    assert_int_equal(zk_open("127.0.0.1:2181", &o, &s, &e), DR_EAUTH);
    assert_non_null(strstr(e.msg, "digest credentials"));
    assert_non_null(strstr(e.msg, "/nonexistent/zk_super"));
    char path[] = "/tmp/drctl-zk-secret-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "nocolonhunter2\n", 15), 15);
    close(fd);
    chmod(path, 0644);
    o.secret_file = path;
    assert_int_equal(zk_open("127.0.0.1:2181", &o, &s, &e), DR_EAUTH);
    assert_non_null(strstr(e.msg, "chmod 600"));
    chmod(path, 0600);
    assert_int_equal(zk_open("127.0.0.1:2181", &o, &s, &e), DR_EAUTH);
    assert_non_null(strstr(e.msg, "expected 'user:password'"));
    assert_null(strstr(e.msg, "hunter2"));
    unlink(path);

    /* calls on a NULL session are refused, not crashed */
    dr_buf b = DR_BUF_INIT;
    assert_int_equal(zk_get(NULL, "/x", &b, NULL, &e), DR_EINVAL);
    assert_int_equal(zk_reconfig(NULL, NULL, NULL, -1, NULL, &e), DR_EINVAL);
    assert_string_equal(e.msg, "zk reconfig: expected servers joining or leaving");
    assert_int_equal(zk_reconfig(NULL, "server.5=h:1", NULL, -1, NULL, &e), DR_EPARSE);
    assert_string_equal(e.msg, "reconfig joining server 1:1:12: expected a quorum port (1-65535) "
                               "followed by ':'");
    assert_int_equal(zk_reconfig(NULL, "server.5=h:1:2;3,server.6=h:1:2:boss", NULL, -1, NULL, &e),
                     DR_EPARSE);
    assert_true(strncmp(e.msg, "reconfig joining server 2:1:16: expected 'participant'", 54) == 0);
    assert_int_equal(zk_reconfig(NULL, NULL, "5\n", -1, NULL, &e), DR_EINVAL);
    assert_int_equal(zk_reconfig(NULL, NULL, "5", -1, NULL, &e), DR_EINVAL);
    assert_string_equal(e.msg, "zk: the session is closed");
    zk_close(NULL);
}

static void test_connect_deadline(void **state)
{
    (void)state;
    int port = closed_port();
    char servers[64];
    snprintf(servers, sizeof servers, "127.0.0.1:%d", port);
    zk_options o = {.connect_timeout_ms = 700};
    zk_session *s = NULL;
    dr_err e = {0};
    /* stderr goes to a file during the connect: the library must not write there */
    char errpath[] = "/tmp/drctl-zk-stderr-XXXXXX";
    int errfd = mkstemp(errpath);
    assert_true(errfd >= 0);
    fflush(stderr);
    int saved = dup(2);
    dup2(errfd, 2);
    int64_t t0 = dr_now_ms();
    int rc = zk_open(servers, &o, &s, &e);
    int64_t took = dr_now_ms() - t0;
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    struct stat st;
    assert_int_equal(fstat(errfd, &st), 0);
    close(errfd);
    unlink(errpath);
    assert_int_equal(st.st_size, 0);
    assert_int_equal(rc, DR_ETIMEOUT);
    assert_null(s);
    assert_true(took >= 690 && took < 3000);
    char want[128];
    snprintf(want, sizeof want, "zk %s: no session within 700 ms (state: ", servers);
    assert_true(strncmp(e.msg, want, strlen(want)) == 0);
    /* the library's complaint is surfaced, not printed on stderr */
    assert_non_null(strstr(e.msg, "Connection refused"));
    assert_non_null(strstr(zk_library_log(NULL), "Connection refused"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_error_mapping),  cmocka_unit_test(test_path_check),
        cmocka_unit_test(test_marker_record),  cmocka_unit_test(test_lock_record),
        cmocka_unit_test(test_open_arguments), cmocka_unit_test(test_connect_deadline),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
