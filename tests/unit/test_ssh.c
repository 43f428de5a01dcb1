/* Unit tests for ssh, for what needs no SSH server: host specs, fingerprints,
 * known_hosts checks (plain, [host]:port, hashed, TOFU), key file types,
 * argument checks, and connect failures and deadlines against local sockets
 * that refuse or never answer. */
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
#include <unistd.h>

#include "ssh.h"
#include "testdir.h"

/* Host key blobs: ssh-ed25519 with key bytes 0..31 (A) and 100..131 (B).
 * Fingerprints as printed by `ssh-keygen -lf`. */
static uint8_t KEY_A[51], KEY_B[51];
static const char FP_A[] = "SHA256:ZkAslGjFiUHdGf/WUL8rQvkib4PTvQatUV0OUQSncCA";
static const char FP_B[] = "SHA256:xWtjdf85Hf9YydYmgfjDz0hCpTg6OA8XgYzL29I8Qko";

static void make_blob(uint8_t *b, uint8_t first)
{
    static const char type[] = "ssh-ed25519";
    memcpy(b, "\0\0\0\x0b", 4);
    memcpy(b + 4, type, 11);
    memcpy(b + 15, "\0\0\0\x20", 4);
    for (int i = 0; i < 32; i++)
        b[19 + i] = (uint8_t)(first + i);
}

static char known_hosts[4096];

static int setup(void **state)
{
    (void)state;
    make_blob(KEY_A, 0);
    make_blob(KEY_B, 100);
    snprintf(known_hosts, sizeof known_hosts, "%s/ssh/known_hosts", testdata_dir());
    return 0;
}

static void test_fingerprint_as_openssh(void **state)
{
    (void)state;
    char fp[SSH_FINGERPRINT_LEN];
    ssh_fingerprint(KEY_A, sizeof KEY_A, fp);
    assert_string_equal(fp, FP_A);
    ssh_fingerprint(KEY_B, sizeof KEY_B, fp);
    assert_string_equal(fp, FP_B);
}

static void test_parse_host(void **state)
{
    (void)state;
    char *u, *h;
    int port;
    dr_err e = {0};
    assert_int_equal(ssh_parse_host("admin@db1:2222", "root", 22, &u, &h, &port, &e), DR_OK);
    assert_string_equal(u, "admin");
    assert_string_equal(h, "db1");
    assert_int_equal(port, 2222);
    free(u), free(h);
    assert_int_equal(ssh_parse_host("db1", "root", 0, &u, &h, &port, &e), DR_OK);
    assert_string_equal(u, "root");
    assert_string_equal(h, "db1");
    assert_int_equal(port, 22);
    free(u), free(h);
    assert_int_equal(ssh_parse_host("[::1]:2200", "root", 22, &u, &h, &port, &e), DR_OK);
    assert_string_equal(h, "::1");
    assert_int_equal(port, 2200);
    free(u), free(h);
    assert_int_equal(ssh_parse_host("fe80::1", "root", 2222, &u, &h, &port, &e), DR_OK);
    assert_string_equal(h, "fe80::1");
    assert_int_equal(port, 2222);
    free(u), free(h);

    const char *bad[] = {"",     "@h",    "h:0", "h:65536", "h:2x",
                         "[::1", "[]:22", "a b", "h:",      "[::1]x"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        dr_err_clear(&e);
        assert_int_equal(ssh_parse_host(bad[i], "root", 22, &u, &h, &port, &e), DR_EINVAL);
        assert_null(u);
        assert_null(h);
        assert_true(strlen(e.msg) > 0);
    }
}

static void test_known_host_plain_and_port(void **state)
{
    (void)state;
    dr_err e = {0};
    assert_int_equal(ssh_hostkey_verify(known_hosts, "10.1.1.1", 2222, KEY_A, sizeof KEY_A,
                                        SSH_HOSTKEY_STRICT, &e),
                     DR_OK);
    assert_int_equal(ssh_hostkey_verify(known_hosts, "10.1.1.2", 22, KEY_A, sizeof KEY_A,
                                        SSH_HOSTKEY_STRICT, &e),
                     DR_OK);
    /* One line naming two hosts. */
    assert_int_equal(
        ssh_hostkey_verify(known_hosts, "beta", 22, KEY_A, sizeof KEY_A, SSH_HOSTKEY_STRICT, &e),
        DR_OK);
}

static void test_known_host_hashed(void **state)
{
    (void)state;
    dr_err e = {0};
    assert_int_equal(ssh_hostkey_verify(known_hosts, "10.1.1.3", 2222, KEY_A, sizeof KEY_A,
                                        SSH_HOSTKEY_STRICT, &e),
                     DR_OK);
    assert_int_equal(ssh_hostkey_verify(known_hosts, "10.1.1.3", 2222, KEY_B, sizeof KEY_B,
                                        SSH_HOSTKEY_STRICT, &e),
                     DR_EREFUSED);
    assert_non_null(strstr(e.msg, "CHANGED"));
    assert_non_null(strstr(e.msg, FP_B));
    assert_non_null(strstr(e.msg, "known_hosts:6 "));
}

static void test_changed_key_refused_with_fingerprint_and_line(void **state)
{
    (void)state;
    dr_err e = {0};
    assert_int_equal(ssh_hostkey_verify(known_hosts, "10.1.1.1", 2222, KEY_B, sizeof KEY_B,
                                        SSH_HOSTKEY_STRICT, &e),
                     DR_EREFUSED);
    assert_non_null(strstr(e.msg, "[10.1.1.1]:2222"));
    assert_non_null(strstr(e.msg, FP_B));
    assert_non_null(strstr(e.msg, known_hosts));
    assert_non_null(strstr(e.msg, "known_hosts:3 "));
    /* TOFU never accepts a changed key. */
    assert_int_equal(ssh_hostkey_verify(known_hosts, "10.1.1.1", 2222, KEY_B, sizeof KEY_B,
                                        SSH_HOSTKEY_TOFU, &e),
                     DR_EREFUSED);
}

static void test_unknown_host_refused(void **state)
{
    (void)state;
    dr_err e = {0};
    assert_int_equal(ssh_hostkey_verify(known_hosts, "10.1.1.9", 22, KEY_A, sizeof KEY_A,
                                        SSH_HOSTKEY_STRICT, &e),
                     DR_EREFUSED);
    assert_non_null(strstr(e.msg, "unknown"));
    assert_non_null(strstr(e.msg, FP_A));
    assert_non_null(strstr(e.msg, known_hosts));
    /* The unreadable lines 2 and 4 are reported, not fatal. */
    assert_non_null(strstr(e.msg, "2 lines of it could not be read, the first at line 2"));
    /* A key entry for port 2222 does not vouch for another port... of another host. */
    assert_int_equal(ssh_hostkey_verify("/nonexistent/known_hosts", "10.1.1.1", 2222, KEY_A,
                                        sizeof KEY_A, SSH_HOSTKEY_STRICT, &e),
                     DR_EREFUSED);
    assert_non_null(strstr(e.msg, "missing file"));
    /* Garbage instead of a key blob. */
    assert_int_equal(ssh_hostkey_verify(known_hosts, "10.1.1.1", 2222, "\0\0\0\x7fxx", 6,
                                        SSH_HOSTKEY_STRICT, &e),
                     DR_EPARSE);
}

static void test_tofu_appends_then_strict_accepts(void **state)
{
    (void)state;
    char path[] = "/tmp/drctl-kh-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "# no newline at end", 19), 19);
    close(fd);
    dr_err e = {0};
    assert_int_equal(
        ssh_hostkey_verify(path, "10.1.1.9", 2200, KEY_A, sizeof KEY_A, SSH_HOSTKEY_STRICT, &e),
        DR_EREFUSED);
    assert_int_equal(
        ssh_hostkey_verify(path, "10.1.1.9", 2200, KEY_A, sizeof KEY_A, SSH_HOSTKEY_TOFU, &e),
        DR_OK);
    dr_buf b = DR_BUF_INIT;
    assert_int_equal(dr_read_file(path, &b, &e), DR_OK);
    assert_non_null(strstr(b.data, "# no newline at end\n[10.1.1.9]:2200 ssh-ed25519 "
                                   "AAAAC3NzaC1lZDI1NTE5AAAAIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhs"
                                   "cHR4f"));
    dr_buf_free(&b);
    assert_int_equal(
        ssh_hostkey_verify(path, "10.1.1.9", 2200, KEY_A, sizeof KEY_A, SSH_HOSTKEY_STRICT, &e),
        DR_OK);
    assert_int_equal(
        ssh_hostkey_verify(path, "10.1.1.9", 2200, KEY_B, sizeof KEY_B, SSH_HOSTKEY_TOFU, &e),
        DR_EREFUSED);
    assert_non_null(strstr(e.msg, "CHANGED"));
    unlink(path);
}

static void test_known_host_types(void **state)
{
    (void)state;
    dr_buf b = DR_BUF_INIT;
    dr_err e = {0};
    assert_int_equal(ssh_known_host_types(known_hosts, "10.1.1.1", 2222, &b, &e), DR_OK);
    assert_string_equal(b.data, "ssh-ed25519");
    dr_buf_reset(&b);
    assert_int_equal(ssh_known_host_types(known_hosts, "10.1.1.3", 2222, &b, &e), DR_OK);
    assert_string_equal(b.data, "ssh-ed25519"); /* hashed */
    dr_buf_reset(&b);
    assert_int_equal(ssh_known_host_types(known_hosts, "10.1.1.4", 22, &b, &e), DR_OK);
    assert_string_equal(b.data, "ecdsa-sha2-nistp256");
    dr_buf_reset(&b);
    assert_int_equal(ssh_known_host_types(known_hosts, "10.1.1.9", 22, &b, &e), DR_OK);
    assert_int_equal(b.len, 0);
    dr_buf_free(&b);
}

static void test_key_file_types(void **state)
{
    (void)state;
    if (system("command -v ssh-keygen >/dev/null 2>&1") != 0)
        skip();
    char dir[] = "/tmp/drctl-keys-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char cmd[512], path[300];
    snprintf(cmd, sizeof cmd,
             "ssh-keygen -q -t ed25519 -N 'pass phrase' -f %s/ed && "
             "ssh-keygen -q -t rsa -b 2048 -N '' -f %s/rsa && "
             "ssh-keygen -q -t rsa -b 2048 -N '' -m PEM -f %s/rsapem",
             dir, dir, dir);
    assert_int_equal(system(cmd), 0);
    char *type = NULL;
    dr_err e = {0};
    snprintf(path, sizeof path, "%s/ed", dir);
    assert_int_equal(ssh_key_file_type(path, &type, &e), DR_OK);
    assert_string_equal(type, "ssh-ed25519");
    free(type);
    snprintf(path, sizeof path, "%s/rsa", dir);
    assert_int_equal(ssh_key_file_type(path, &type, &e), DR_OK);
    assert_string_equal(type, "ssh-rsa");
    free(type);
    snprintf(path, sizeof path, "%s/rsapem", dir);
    assert_int_equal(ssh_key_file_type(path, &type, &e), DR_OK);
    assert_string_equal(type, "ssh-rsa");
    free(type);
    assert_int_equal(ssh_key_file_type(known_hosts, &type, &e), DR_EPARSE);
    assert_null(type);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

/* Several files in one answer: 'F' content token, or 'A' token. */
static void test_read_files_framing(void **state)
{
    (void)state;
    const char *paths[3] = {"/etc/a.xml", "/etc/none", "/etc/empty"};
    dr_buf cmd = DR_BUF_INIT;
    ssh_read_files_command(&cmd, paths, 3, "TOK");
    assert_non_null(strstr(cmd.data, "p='/etc/a.xml'; if [ -e \"$p\" ]; then printf F; cat -- "));
    assert_non_null(strstr(cmd.data, "else printf A; fi; printf %s TOK; p='/etc/none'"));
    dr_buf_free(&cmd);
    char tok[SSH_READ_TOKEN_LEN + 1], tok2[SSH_READ_TOKEN_LEN + 1];
    ssh_read_files_token(tok);
    ssh_read_files_token(tok2);
    assert_int_equal(strlen(tok), SSH_READ_TOKEN_LEN);
    assert_int_equal(strspn(tok, "0123456789abcdef"), SSH_READ_TOKEN_LEN);
    assert_string_not_equal(tok, tok2);

    struct {
        const char *answer;
        int rc;
        const char *a;
        int present[3];
    } cases[] = {
        /* contents may hold F, A and pieces of the token */
        {"F<x>FATO\nTOKATOKFTOK", DR_OK, "<x>FATO\n", {1, 0, 1}},
        {"FTOKATOKFTOK", DR_OK, "", {1, 0, 1}},
        {"F<x>TOKATOK", DR_EPARSE, NULL, {0}},         /* a file short */
        {"F<x>TOKAxTOKFTOK", DR_EPARSE, NULL, {0}},    /* absent, yet content */
        {"F<x>TOKATOKFTOKjunk", DR_EPARSE, NULL, {0}}, /* bytes after the last */
        {"X<x>TOKATOKFTOK", DR_EPARSE, NULL, {0}},
        {"", DR_EPARSE, NULL, {0}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ssh_result r = {.rc = DR_OK, .host = "h1"};
        r.out.data = (char *)cases[i].answer;
        r.out.len = strlen(cases[i].answer);
        dr_buf out[3] = {DR_BUF_INIT, DR_BUF_INIT, DR_BUF_INIT};
        int present[3] = {-1, -1, -1};
        dr_err err = {0};
        assert_int_equal(ssh_read_files_outcome(&r, paths, 3, "TOK", out, present, &err),
                         cases[i].rc);
        if (cases[i].rc == DR_OK) {
            assert_memory_equal(out[0].data, cases[i].a, strlen(cases[i].a));
            assert_int_equal(out[0].len, strlen(cases[i].a));
            assert_int_equal(out[1].len, 0);
            assert_int_equal(out[2].len, 0);
            for (int k = 0; k < 3; k++)
                assert_int_equal(present[k], cases[i].present[k]);
        } else {
            assert_non_null(strstr(err.msg, "h1"));
            assert_true(strstr(err.msg, "not framed as asked") ||
                        strstr(err.msg, "after the last"));
        }
        for (int k = 0; k < 3; k++)
            dr_buf_free(&out[k]);
    }
    /* cat failed (a directory): the command's exit and message */
    ssh_result r = {.rc = DR_OK, .host = "h1", .exit_status = 1};
    r.errout.data = "cat: /etc/a.xml: Is a directory\n";
    r.errout.len = strlen(r.errout.data);
    dr_buf out[3] = {DR_BUF_INIT, DR_BUF_INIT, DR_BUF_INIT};
    int present[3];
    dr_err err = {0};
    assert_int_equal(ssh_read_files_outcome(&r, paths, 3, "TOK", out, present, &err), DR_EIO);
    assert_non_null(strstr(err.msg, "Is a directory"));
}

static void test_shell_quote(void **state)
{
    (void)state;
    dr_buf b = DR_BUF_INIT;
    ssh_shell_quote(&b, "it's $HOME");
    assert_string_equal(b.data, "'it'\\''s $HOME'");
    dr_buf_free(&b);
}

/* become: the whole command is one argument of sh -c under sudo -n, so a
 * compound command runs entirely as root and quotes survive. */
static void test_become_command(void **state)
{
    (void)state;
    dr_buf b = DR_BUF_INIT;
    ssh_become_command(&b, "if [ -d 'a b' ]; then mv -- 'a b' c; fi");
    assert_string_equal(b.data, "sudo -n -- /bin/sh -c 'if [ -d '\\''a b'\\'' ]; then mv -- '\\''a "
                                "b'\\'' c; fi'");
    dr_buf_free(&b);
}

/* Per-host options: a bad jump host spec is refused naming the host. */
static void test_host_options(void **state)
{
    (void)state;
    ssh_config cfg = {.known_hosts = "/nonexistent/kh",
                      .identity = "/nonexistent/id",
                      .become_sudo = 1,
                      .jump = "bastion:2200"};
    ssh_pool *p = NULL;
    dr_err err = {0};
    assert_int_equal(ssh_pool_new(&cfg, &p, &err), DR_OK);
    assert_int_equal(ssh_pool_host_options(p, "root@h1:22", 0, NULL, &err), DR_OK);
    assert_int_equal(ssh_pool_host_options(p, "root@h2:22", 1, "jump:0", &err), DR_EINVAL);
    assert_non_null(strstr(err.msg, "jump host of root@h2:22"));
    ssh_pool_free(p);
}

static void test_pool_argument_checks(void **state)
{
    (void)state;
    ssh_pool *p = NULL;
    dr_err e = {0};
    ssh_config cfg = {.identity = "/k"};
    assert_int_equal(ssh_pool_new(&cfg, &p, &e), DR_EINVAL);
    assert_non_null(strstr(e.msg, "known_hosts"));
    assert_null(p);
    cfg = (ssh_config){.known_hosts = known_hosts};
    assert_int_equal(ssh_pool_new(&cfg, &p, &e), DR_EINVAL);
    cfg = (ssh_config){.known_hosts = known_hosts, .identity = "/k", .exec_timeout_ms = -1};
    assert_int_equal(ssh_pool_new(&cfg, &p, &e), DR_EINVAL);
    cfg = (ssh_config){.known_hosts = known_hosts, .identity = "/k", .hostkey_policy = 7};
    assert_int_equal(ssh_pool_new(&cfg, &p, &e), DR_EINVAL);

    cfg = (ssh_config){.known_hosts = known_hosts, .identity = "/k"};
    assert_int_equal(ssh_pool_new(&cfg, &p, &e), DR_OK);
    ssh_write_result w;
    assert_int_equal(ssh_write_file(p, "h", "relative/path", "x", 1, NULL, &w, &e), DR_EINVAL);
    assert_non_null(strstr(e.msg, "absolute"));
    ssh_write_result_free(&w);
    dr_buf b = DR_BUF_INIT;
    assert_int_equal(ssh_read_file(p, "h:99999", "/etc/hosts", &b, &e), DR_EINVAL);
    dr_buf_free(&b);
    ssh_result r;
    assert_int_equal(ssh_exec(p, "bad host", "true", 0, &r), DR_EINVAL);
    assert_int_equal(r.exit_status, -1);
    ssh_result_free(&r);
    assert_int_equal(ssh_pool_socket(p, "h"), -1);
    ssh_pool_free(p);
}

/* A TCP listener that accepts connections into its backlog and never says a
 * word: the SSH handshake must time out. */
static int silent_listener(int *port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr *)&a, sizeof a) != 0 || listen(fd, 16) != 0)
        return -1;
    socklen_t len = sizeof a;
    getsockname(fd, (struct sockaddr *)&a, &len);
    *port = ntohs(a.sin_port);
    return fd;
}

static void test_connect_failures_are_per_host_and_parallel(void **state)
{
    (void)state;
    int port;
    int lfd = silent_listener(&port);
    assert_true(lfd >= 0);
    /* A port nobody listens on: bind one, note it, close it. */
    int closed_port;
    int tmp = silent_listener(&closed_port);
    close(tmp);

    ssh_pool *p = NULL;
    dr_err e = {0};
    ssh_config cfg = {.known_hosts = known_hosts,
                      .identity = "/nonexistent/key",
                      .user = "nobody",
                      .connect_timeout_ms = 1000};
    assert_int_equal(ssh_pool_new(&cfg, &p, &e), DR_OK);
    char silent[3][64], refused[64];
    for (int i = 0; i < 3; i++)
        snprintf(silent[i], sizeof silent[i], "u%d@127.0.0.1:%d", i, port);
    snprintf(refused, sizeof refused, "127.0.0.1:%d", closed_port);
    const char *hosts[] = {silent[0], refused, silent[1], silent[2]};
    ssh_result r[4];
    int64_t t0 = dr_now_ms();
    size_t failed = ssh_exec_many(p, hosts, 4, "true", 1000, r);
    int64_t took = dr_now_ms() - t0;
    assert_int_equal(failed, 4);
    int64_t sum = 0;
    for (int i = 0; i < 4; i++) {
        sum += r[i].duration_ms;
        if (i == 1) {
            assert_int_equal(r[i].rc, DR_EIO);
            assert_non_null(strstr(r[i].err.msg, "Connection refused"));
            assert_non_null(strstr(r[i].err.msg, refused));
        } else {
            assert_int_equal(r[i].rc, DR_ETIMEOUT);
            assert_non_null(strstr(r[i].err.msg, "timed out after 1.0 s (SSH handshake)"));
            assert_true(r[i].duration_ms >= 1000);
        }
        ssh_result_free(&r[i]);
    }
    /* Three 1 s timeouts in parallel, not one after the other: one after
     * the other, the whole call would last at least the sum of the hosts'
     * durations (3 s and more); overlapping, about 1 s.  The margin, 1 s,
     * is wide enough for a loaded machine, where every duration stretches
     * alike (0.4 s timeouts and a 0.3 s margin failed under load). */
    if (took + 1000 > sum)
        fprintf(stderr, "fan-out took %lld ms, the hosts' durations add up to %lld ms\n",
                (long long)took, (long long)sum);
    assert_true(took + 1000 <= sum);
    ssh_pool_free(p);
    close(lfd);
}

static void test_parallel_limit_is_respected(void **state)
{
    (void)state;
    int port;
    int lfd = silent_listener(&port);
    assert_true(lfd >= 0);
    ssh_pool *p = NULL;
    dr_err e = {0};
    ssh_config cfg = {.known_hosts = known_hosts,
                      .identity = "/nonexistent/key",
                      .connect_timeout_ms = 200,
                      .max_parallel = 1};
    assert_int_equal(ssh_pool_new(&cfg, &p, &e), DR_OK);
    char h[3][64];
    const char *hosts[3];
    for (int i = 0; i < 3; i++) {
        snprintf(h[i], sizeof h[i], "u%d@127.0.0.1:%d", i, port);
        hosts[i] = h[i];
    }
    ssh_result r[3];
    int64_t t0 = dr_now_ms();
    assert_int_equal(ssh_exec_many(p, hosts, 3, "true", 0, r), 3);
    int64_t took = dr_now_ms() - t0;
    for (int i = 0; i < 3; i++) {
        assert_int_equal(r[i].rc, DR_ETIMEOUT);
        ssh_result_free(&r[i]);
    }
    /* One at a time: three deadlines one after the other. */
    assert_true(took >= 600);
    ssh_pool_free(p);
    close(lfd);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fingerprint_as_openssh),
        cmocka_unit_test(test_parse_host),
        cmocka_unit_test(test_known_host_plain_and_port),
        cmocka_unit_test(test_known_host_hashed),
        cmocka_unit_test(test_changed_key_refused_with_fingerprint_and_line),
        cmocka_unit_test(test_unknown_host_refused),
        cmocka_unit_test(test_tofu_appends_then_strict_accepts),
        cmocka_unit_test(test_known_host_types),
        cmocka_unit_test(test_key_file_types),
        cmocka_unit_test(test_read_files_framing),
        cmocka_unit_test(test_shell_quote),
        cmocka_unit_test(test_become_command),
        cmocka_unit_test(test_host_options),
        cmocka_unit_test(test_pool_argument_checks),
        cmocka_unit_test(test_connect_failures_are_per_host_and_parallel),
        cmocka_unit_test(test_parallel_limit_is_respected),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
