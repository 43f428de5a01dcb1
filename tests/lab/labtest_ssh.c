/* Lab tests for ssh against the lab's real sshds (one per lab host, port
 * 2222): exec results, host key refusals, timeouts, atomic writes (mode and
 * owner kept, a cut-off write leaves the old file), fan-out to all ten
 * hosts, the RSA refusal, and the Lua binding end to end.  The lab hosts are
 * loopback addresses, so files written "remotely" are checked locally. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "effect.h"
#include "ssh.h"
#include "ssh_lua.h"

static const int LAB_HOSTS[] = {11, 12, 13, 14, 15, 16, 21, 22, 23, 24};
#define NHOSTS 10

static char lab_dir[512], lab_net[64], key[600], known[600], user[64], tmpdir[64];
static char hosts[NHOSTS][160];

static void host_name(char *out, size_t n, int last)
{
    snprintf(out, n, "%s@%s.%d:2222", user, lab_net, last);
}

static int setup(void **state)
{
    (void)state;
    const char *d = getenv("DRCTL_LAB_DIR"), *net = getenv("DRCTL_LAB_NET");
    if (!d) {
        fprintf(stderr, "labtest_ssh: DRCTL_LAB_DIR is not set (run me through 'lab exec')\n");
        return -1;
    }
    snprintf(lab_dir, sizeof lab_dir, "%s", d);
    snprintf(lab_net, sizeof lab_net, "%s", net ? net : "127.0.0");
    snprintf(key, sizeof key, "%s/keys/id_ed25519", lab_dir);
    snprintf(known, sizeof known, "%s/keys/known_hosts", lab_dir);
    const char *u = getenv("DRCTL_LAB_SSH_USER");
    struct passwd *pw = getpwuid(getuid());
    snprintf(user, sizeof user, "%s", u ? u : pw ? pw->pw_name : "root");
    for (int i = 0; i < NHOSTS; i++)
        host_name(hosts[i], sizeof hosts[i], LAB_HOSTS[i]);
    snprintf(tmpdir, sizeof tmpdir, "/tmp/drctl-labssh-XXXXXX");
    if (!mkdtemp(tmpdir))
        return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static ssh_pool *pool_files(const char *known_hosts, const char *identity,
                            ssh_hostkey_policy policy, int files_over_exec)
{
    ssh_config cfg = {.known_hosts = known_hosts,
                      .identity = identity,
                      .hostkey_policy = policy,
                      .connect_timeout_ms = 10000,
                      .exec_timeout_ms = 20000,
                      .files_over_exec = files_over_exec};
    ssh_pool *p = NULL;
    dr_err e = {0};
    assert_int_equal(ssh_pool_new(&cfg, &p, &e), DR_OK);
    return p;
}

static ssh_pool *pool_with(const char *known_hosts, const char *identity, ssh_hostkey_policy policy)
{
    return pool_files(known_hosts, identity, policy, 0);
}

/* File tests run twice: files over SFTP where the server offers it (else
 * over exec), and forced over exec.  *state says which. */
static int FILES_AUTO = 0, FILES_EXEC = 1;

static const char *files_mode(int over_exec, int via_exec)
{
    if (over_exec)
        return "forced exec";
    return via_exec ? "auto: the server has no SFTP, went over exec" : "auto: SFTP";
}

static void sh(const char *fmt, ...)
{
    char cmd[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    if (system(cmd) != 0)
        fail_msg("command failed: %s", cmd);
}

/* The fingerprint OpenSSH computes for the first key in a known_hosts file. */
static void ssh_keygen_fingerprint(const char *file, char *out, size_t n)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "ssh-keygen -lf %s | head -1 | cut -d' ' -f2", file);
    FILE *f = popen(cmd, "r");
    assert_non_null(f);
    assert_non_null(fgets(out, (int)n, f));
    out[strcspn(out, "\n")] = '\0';
    pclose(f);
    assert_true(strncmp(out, "SHA256:", 7) == 0);
}

static void test_exec_status_stderr_signal_and_reuse(void **state)
{
    (void)state;
    ssh_pool *p = pool_with(known, key, SSH_HOSTKEY_STRICT);
    ssh_result r;
    assert_int_equal(ssh_exec(p, hosts[0], "echo out; echo err >&2; exit 3", 0, &r), DR_OK);
    assert_int_equal(r.exit_status, 3);
    assert_null(r.exit_signal);
    assert_string_equal(r.out.data, "out\n");
    assert_string_equal(r.errout.data, "err\n");
    ssh_result_free(&r);
    int fd = ssh_pool_socket(p, hosts[0]);
    assert_true(fd >= 0);
    /* Killed by a signal: no exit status, the signal's name. */
    assert_int_equal(ssh_exec(p, hosts[0], "kill -TERM $$", 0, &r), DR_OK);
    assert_int_equal(r.exit_status, -1);
    assert_non_null(r.exit_signal);
    assert_string_equal(r.exit_signal, "TERM");
    ssh_result_free(&r);
    /* stdin is at EOF, and large output arrives whole. */
    assert_int_equal(ssh_exec(p, hosts[0], "cat; head -c 300000 /dev/zero | tr '\\0' x", 0, &r),
                     DR_OK);
    assert_int_equal(r.exit_status, 0);
    assert_int_equal(r.out.len, 300000);
    ssh_result_free(&r);
    /* The same session served all three. */
    assert_int_equal(ssh_pool_socket(p, hosts[0]), fd);
    ssh_pool_free(p);
}

static void test_changed_host_key_refused(void **state)
{
    (void)state;
    /* A known_hosts copy where host .11's key is replaced by another one. */
    char copy[256], other[256], real_line[256];
    snprintf(copy, sizeof copy, "%s/kh_changed", tmpdir);
    snprintf(other, sizeof other, "%s/otherkey", tmpdir);
    snprintf(real_line, sizeof real_line, "%s/real_line", tmpdir);
    sh("ssh-keygen -q -t ed25519 -N '' -f %s", other);
    sh("grep -F '[%s.11]:2222 ' %s > %s", lab_net, known, real_line);
    sh("grep -vF '[%s.11]:2222 ' %s > %s", lab_net, known, copy);
    sh("echo \"[%s.11]:2222 $(cut -d' ' -f1,2 %s.pub)\" >> %s", lab_net, other, copy);
    char fp[128];
    ssh_keygen_fingerprint(real_line, fp, sizeof fp);

    ssh_pool *p = pool_with(copy, key, SSH_HOSTKEY_STRICT);
    ssh_result r;
    assert_int_equal(ssh_exec(p, hosts[0], "touch /tmp/must-not-run", 0, &r), DR_EREFUSED);
    assert_non_null(strstr(r.err.msg, "CHANGED"));
    assert_non_null(strstr(r.err.msg, fp));
    assert_non_null(strstr(r.err.msg, copy));
    ssh_result_free(&r);
    ssh_pool_free(p);
    /* TOFU does not accept a changed key either. */
    p = pool_with(copy, key, SSH_HOSTKEY_TOFU);
    assert_int_equal(ssh_exec(p, hosts[0], "true", 0, &r), DR_EREFUSED);
    ssh_result_free(&r);
    ssh_pool_free(p);
}

static void test_unknown_host_refused_tofu_records(void **state)
{
    (void)state;
    char copy[256];
    snprintf(copy, sizeof copy, "%s/kh_unknown", tmpdir);
    sh("grep -vF '[%s.12]:2222 ' %s > %s", lab_net, known, copy);
    ssh_pool *p = pool_with(copy, key, SSH_HOSTKEY_STRICT);
    ssh_result r;
    assert_int_equal(ssh_exec(p, hosts[1], "true", 0, &r), DR_EREFUSED);
    assert_non_null(strstr(r.err.msg, "unknown"));
    assert_non_null(strstr(r.err.msg, "SHA256:"));
    assert_non_null(strstr(r.err.msg, copy));
    ssh_result_free(&r);
    ssh_pool_free(p);
    /* First contact with TOFU: accepted and recorded; strict is happy after. */
    p = pool_with(copy, key, SSH_HOSTKEY_TOFU);
    assert_int_equal(ssh_exec(p, hosts[1], "true", 0, &r), DR_OK);
    ssh_result_free(&r);
    ssh_pool_free(p);
    p = pool_with(copy, key, SSH_HOSTKEY_STRICT);
    assert_int_equal(ssh_exec(p, hosts[1], "true", 0, &r), DR_OK);
    ssh_result_free(&r);
    ssh_pool_free(p);
}

static void test_hashed_known_hosts(void **state)
{
    (void)state;
    char copy[256];
    snprintf(copy, sizeof copy, "%s/kh_hashed", tmpdir);
    sh("cp %s %s && ssh-keygen -q -H -f %s >/dev/null 2>&1 && ! grep -qF '%s.' %s", known, copy,
       copy, lab_net, copy);
    ssh_pool *p = pool_with(copy, key, SSH_HOSTKEY_STRICT);
    ssh_result r;
    assert_int_equal(ssh_exec(p, hosts[2], "true", 0, &r), DR_OK);
    assert_int_equal(r.exit_status, 0);
    ssh_result_free(&r);
    ssh_pool_free(p);
}

static void test_exec_timeout(void **state)
{
    (void)state;
    ssh_pool *p = pool_with(known, key, SSH_HOSTKEY_STRICT);
    ssh_result r;
    int64_t t0 = dr_now_ms();
    assert_int_equal(ssh_exec(p, hosts[3], "sleep 10", 1000, &r), DR_ETIMEOUT);
    int64_t took = dr_now_ms() - t0;
    char want[256];
    snprintf(want, sizeof want,
             "exec on %s: timed out after 1.0 s (the command still running): sleep 10", hosts[3]);
    assert_string_equal(r.err.msg, want);
    assert_true(took >= 1000 && took < 4000);
    ssh_result_free(&r);
    /* The pool recovers: a new session for the next command. */
    assert_int_equal(ssh_exec(p, hosts[3], "echo again", 0, &r), DR_OK);
    assert_string_equal(r.out.data, "again\n");
    ssh_result_free(&r);
    ssh_pool_free(p);
}

static void test_atomic_write_keeps_mode_and_owner(void **state)
{
    int over_exec = **(int **)state;
    ssh_pool *p = pool_files(known, key, SSH_HOSTKEY_STRICT, over_exec);
    char path[256];
    snprintf(path, sizeof path, "%s/zoo%d.cfg", tmpdir, over_exec);
    sh("printf 'tickTime=500\\n' > %s && chmod 0640 %s", path, path);
    int chowned = getuid() == 0;
    if (chowned)
        sh("chown 1:1 %s", path);
    struct stat before;
    assert_int_equal(stat(path, &before), 0);

    ssh_write_result w;
    dr_err e = {0};
    const char *content = "tickTime=500\ninitLimit=10\n";
    assert_int_equal(ssh_write_file(p, hosts[4], path, content, strlen(content), NULL, &w, &e),
                     DR_OK);
    print_message("files: %s\n", files_mode(over_exec, w.via_exec));
    if (over_exec)
        assert_true(w.via_exec);
    assert_true(w.existed);
    assert_string_equal(w.previous.data, "tickTime=500\n");
    char hex[SHA256_HEX_LEN + 1];
    sha256_hex("tickTime=500\n", 13, hex);
    assert_string_equal(w.previous_sha256, hex);
    sha256_hex(content, strlen(content), hex);
    assert_string_equal(w.sha256, hex);
    ssh_write_result_free(&w);

    struct stat after;
    assert_int_equal(stat(path, &after), 0);
    assert_int_equal(after.st_mode & 07777, 0640);
    assert_int_equal(after.st_uid, before.st_uid);
    assert_int_equal(after.st_gid, before.st_gid);
    assert_int_not_equal(after.st_ino, before.st_ino); /* replaced, not rewritten in place */
    dr_buf b = DR_BUF_INIT;
    assert_int_equal(dr_read_file(path, &b, &e), DR_OK);
    assert_string_equal(b.data, content);
    dr_buf_reset(&b);
    assert_int_equal(ssh_read_file(p, hosts[4], path, &b, &e), DR_OK);
    assert_string_equal(b.data, content);
    dr_buf_free(&b);

    /* Compare-and-swap: a stale expectation changes nothing. */
    ssh_write_opts opts = {.expect_sha256 = "00"};
    assert_int_equal(ssh_write_file(p, hosts[4], path, "x", 1, &opts, &w, &e), DR_ECONFLICT);
    ssh_write_result_free(&w);
    assert_int_equal(dr_read_file(path, &b, &e), DR_OK);
    assert_string_equal(b.data, content);
    dr_buf_free(&b);

    /* A new file: absent before, the requested mode. */
    char fresh[256];
    snprintf(fresh, sizeof fresh, "%s/new%d.xml", tmpdir, over_exec);
    opts = (ssh_write_opts){.mode = 0600, .expect_sha256 = ""};
    assert_int_equal(ssh_write_file(p, hosts[4], fresh, "<a/>", 4, &opts, &w, &e), DR_OK);
    assert_false(w.existed);
    assert_string_equal(w.previous_sha256, "");
    ssh_write_result_free(&w);
    assert_int_equal(stat(fresh, &after), 0);
    assert_int_equal(after.st_mode & 07777, 0600);
    assert_int_equal(ssh_read_file(p, hosts[4], "/nonexistent/drctl", &b, &e), DR_ENOTFOUND);
    dr_buf_free(&b);
    /* Symbolic links and directories are refused, and left alone. */
    char link[256];
    snprintf(link, sizeof link, "%s/link%d.cfg", tmpdir, over_exec);
    sh("ln -s %s %s", path, link);
    assert_int_equal(ssh_write_file(p, hosts[4], link, "x", 1, NULL, &w, &e), DR_EREFUSED);
    assert_non_null(strstr(e.msg, "symbolic link"));
    ssh_write_result_free(&w);
    assert_int_equal(ssh_write_file(p, hosts[4], tmpdir, "x", 1, NULL, &w, &e), DR_EREFUSED);
    ssh_write_result_free(&w);
    /* An empty file is a file. */
    assert_int_equal(ssh_write_file(p, hosts[4], fresh, "", 0, NULL, &w, &e), DR_OK);
    assert_string_equal(w.previous.data, "<a/>");
    ssh_write_result_free(&w);
    assert_int_equal(stat(fresh, &after), 0);
    assert_int_equal(after.st_size, 0);
    /* No temporary files left behind. */
    sh("test $(ls -A %s | grep -c drctl) -eq 0", tmpdir);
    ssh_pool_free(p);
}

/* A caller that read the file already (expect_sha256) gets no second read
 * (res->previous stays empty); the host compares the content before the
 * rename, so a file changed since that read is left as it is.  The same
 * replacement as one command with input (ssh_write_command), run beside
 * others through ssh_async as step group members do. */
static void test_write_after_callers_read(void **state)
{
    int over_exec = **(int **)state;
    ssh_pool *p = pool_files(known, key, SSH_HOSTKEY_STRICT, over_exec);
    char path[256];
    snprintf(path, sizeof path, "%s/known%d.xml", tmpdir, over_exec);
    sh("printf 'v1\\n' > %s && chmod 0640 %s", path, path);
    struct stat before, after;
    assert_int_equal(stat(path, &before), 0);
    char v1[SHA256_HEX_LEN + 1];
    sha256_hex("v1\n", 3, v1);

    ssh_write_result w;
    dr_err e = {0};
    ssh_write_opts opts = {.expect_sha256 = v1};
    assert_int_equal(ssh_write_file(p, hosts[4], path, "v2\n", 3, &opts, &w, &e), DR_OK);
    assert_true(w.existed);
    assert_int_equal(w.previous.len, 0); /* not read again */
    assert_string_equal(w.previous_sha256, v1);
    assert_int_equal(w.mode, 0640);
    ssh_write_result_free(&w);
    assert_int_equal(stat(path, &after), 0);
    assert_int_equal(after.st_mode & 07777, 0640);
    assert_int_equal(after.st_uid, before.st_uid);
    dr_buf b = DR_BUF_INIT;
    assert_int_equal(dr_read_file(path, &b, &e), DR_OK);
    assert_string_equal(b.data, "v2\n");

    /* v1 is no longer there: refused on the host, the file unchanged */
    assert_int_equal(ssh_write_file(p, hosts[4], path, "v3\n", 3, &opts, &w, &e), DR_ECONFLICT);
    print_message("conflict: %s\n", e.msg);
    ssh_write_result_free(&w);
    opts.expect_sha256 = ""; /* "it was absent", but it is there */
    assert_int_equal(ssh_write_file(p, hosts[4], path, "v3\n", 3, &opts, &w, &e), DR_ECONFLICT);
    ssh_write_result_free(&w);
    dr_buf_reset(&b);
    assert_int_equal(dr_read_file(path, &b, &e), DR_OK);
    assert_string_equal(b.data, "v2\n");

    /* one command with input, beside a second one on another host */
    char v2[SHA256_HEX_LEN + 1], fresh[256];
    sha256_hex("v2\n", 3, v2);
    snprintf(fresh, sizeof fresh, "%s/fresh%d.xml", tmpdir, over_exec);
    dr_buf c1 = DR_BUF_INIT, c2 = DR_BUF_INIT;
    assert_int_equal(ssh_write_command(&c1, hosts[4], path, "v4\n", 3, v2, 0, &e), DR_OK);
    assert_int_equal(ssh_write_command(&c2, hosts[5], fresh, "new\n", 4, "", 0600, &e), DR_OK);
    assert_int_equal(ssh_write_command(&c2, hosts[5], "relative", "x", 1, "", 0, &e), DR_EINVAL);
    assert_int_equal(ssh_write_command(&c2, hosts[5], fresh, "x", 1, "zz';rm", 0, &e), DR_EINVAL);
    ssh_async *a = ssh_async_new(p);
    int id1 = ssh_async_start_input(a, hosts[4], c1.data, "v4\n", 3, 0, &e);
    int id2 = ssh_async_start_input(a, hosts[5], c2.data, "new\n", 4, 0, &e);
    assert_true(id1 >= 0 && id2 >= 0);
    int64_t deadline = dr_now_ms() + 20000;
    int taken = 0;
    while (taken < 2 && dr_now_ms() < deadline) {
        ssh_async_run(a, deadline);
        ssh_result r;
        int id;
        while ((id = ssh_async_take(a, &r)) >= 0) {
            ssh_write_result o = {0};
            int rc = ssh_write_outcome(&r, id == id1 ? path : fresh, id == id1 ? v2 : "", &o, &e);
            assert_int_equal(rc, DR_OK);
            assert_int_equal(o.existed, id == id1);
            assert_int_equal(o.mode, id == id1 ? 0640 : 0600);
            ssh_result_free(&r);
            taken++;
        }
    }
    assert_int_equal(taken, 2);
    ssh_async_free(a);
    dr_buf_reset(&b);
    assert_int_equal(dr_read_file(path, &b, &e), DR_OK);
    assert_string_equal(b.data, "v4\n");
    dr_buf_reset(&b);
    assert_int_equal(dr_read_file(fresh, &b, &e), DR_OK);
    assert_string_equal(b.data, "new\n");
    assert_int_equal(stat(fresh, &after), 0);
    assert_int_equal(after.st_mode & 07777, 0600);
    /* a conflict over the command: exit 76, DR_ECONFLICT, nothing changed */
    dr_buf_reset(&c1);
    assert_int_equal(ssh_write_command(&c1, hosts[4], path, "v5\n", 3, v1, 0, &e), DR_OK);
    ssh_result r = {0};
    /* the input goes with the command: the plain exec has none, the command
     * refuses before reading it */
    ssh_exec(p, hosts[4], c1.data, 0, &r);
    ssh_write_result o = {0};
    assert_int_equal(ssh_write_outcome(&r, path, v1, &o, &e), DR_ECONFLICT);
    assert_non_null(strstr(e.msg, "changed since it was read"));
    ssh_result_free(&r);
    dr_buf_reset(&b);
    assert_int_equal(dr_read_file(path, &b, &e), DR_OK);
    assert_string_equal(b.data, "v4\n");
    sh("test $(ls -A %s | grep -c drctl) -eq 0", tmpdir);
    dr_buf_free(&b);
    dr_buf_free(&c1);
    dr_buf_free(&c2);
    ssh_pool_free(p);
}

typedef struct cutter {
    ssh_pool *p;
    const char *host;
    int cut;
} cutter;

/* Cuts the connection once a quarter of the content is out. */
static void cut_midway(void *ud, size_t sent, size_t total)
{
    cutter *c = ud;
    if (!c->cut && sent >= total / 4) {
        int fd = ssh_pool_socket(c->p, c->host);
        assert_true(fd >= 0);
        shutdown(fd, SHUT_RDWR);
        c->cut = 1;
    }
}

static void test_cut_off_write_leaves_old_file(void **state)
{
    int over_exec = **(int **)state;
    ssh_pool *p = pool_files(known, key, SSH_HOSTKEY_STRICT, over_exec);
    char path[256];
    snprintf(path, sizeof path, "%s/big%d.cfg", tmpdir, over_exec);
    sh("printf 'old content\\n' > %s && chmod 0644 %s", path, path);
    size_t len = 16 << 20;
    char *big = malloc(len);
    assert_non_null(big);
    for (size_t i = 0; i < len; i++)
        big[i] = (char)('a' + i % 26);
    cutter c = {p, hosts[5], 0};
    ssh_write_opts opts = {.progress = cut_midway, .progress_ud = &c};
    ssh_write_result w;
    dr_err e = {0};
    assert_int_not_equal(ssh_write_file(p, hosts[5], path, big, len, &opts, &w, &e), DR_OK);
    assert_true(c.cut);
    print_message("files: %s: %s\n", files_mode(over_exec, w.via_exec), e.msg);
    assert_non_null(strstr(e.msg, "the old file is unchanged"));
    ssh_write_result_free(&w);
    dr_buf b = DR_BUF_INIT;
    assert_int_equal(dr_read_file(path, &b, &e), DR_OK);
    if (strcmp(b.data, "old content\n") != 0)
        fail_msg("the old file was replaced by a cut-off write: %zu bytes, starting %.20s", b.len,
                 b.data);
    dr_buf_free(&b);
    /* The pool reconnects; the whole write then goes through. */
    assert_int_equal(ssh_write_file(p, hosts[5], path, big, len, NULL, &w, &e), DR_OK);
    assert_string_equal(w.previous.data, "old content\n");
    ssh_write_result_free(&w);
    assert_int_equal(dr_read_file(path, &b, &e), DR_OK);
    assert_int_equal(b.len, len);
    assert_memory_equal(b.data, big, len);
    dr_buf_free(&b);
    free(big);
    /* The cut-off attempt's temporary file may remain; remove it. */
    sh("rm -f %s/.big%d.cfg.drctl-*", tmpdir, over_exec);
    ssh_pool_free(p);
}

static void test_fan_out_to_all_lab_hosts(void **state)
{
    (void)state;
    ssh_pool *p = pool_with(known, key, SSH_HOSTKEY_STRICT);
    const char *h[NHOSTS + 1];
    for (int i = 0; i < NHOSTS; i++)
        h[i] = hosts[i];
    char dead[160];
    snprintf(dead, sizeof dead, "%s@%s.99:2222", user, lab_net); /* nobody there */
    h[NHOSTS] = dead;
    ssh_result r[NHOSTS + 1];
    int64_t t0 = dr_now_ms();
    size_t failed = ssh_exec_many(p, h, NHOSTS + 1, "echo $SSH_CONNECTION; sleep 0.3", 0, r);
    int64_t took = dr_now_ms() - t0, sum = 0;
    assert_int_equal(failed, 1);
    for (int i = 0; i < NHOSTS; i++) {
        assert_int_equal(r[i].rc, DR_OK);
        assert_int_equal(r[i].exit_status, 0);
        char want[96];
        snprintf(want, sizeof want, " %s.%d 2222", lab_net, LAB_HOSTS[i]);
        assert_non_null(strstr(r[i].out.data, want)); /* each answer from its own host */
        sum += r[i].duration_ms;
        ssh_result_free(&r[i]);
    }
    assert_int_not_equal(r[NHOSTS].rc, DR_OK);
    ssh_result_free(&r[NHOSTS]);
    /* Parallel: ten hosts sleeping 0.3 s each take far less than their sum. */
    print_message("fan-out to %d hosts: %lld ms, sum of hosts %lld ms\n", NHOSTS, (long long)took,
                  (long long)sum);
    assert_true(took * 2 < sum);
    ssh_pool_free(p);
}

/* The pool's primitives for phases that touch every host: one command per
 * host, reads of many files at once (absent and unreadable ones told
 * apart), TCP_NODELAY on the sessions, and known_hosts read once per pool
 * (a key added to the file after the first connection is not seen by that
 * pool, whose sessions were checked against what it read). */
static void test_exec_each_read_many_nodelay(void **state)
{
    (void)state;
    char files[3][300];
    for (int i = 0; i < 3; i++) {
        snprintf(files[i], sizeof files[i], "%s/many-%d", tmpdir, i);
        sh("printf 'content %d\\n' > %s", i, files[i]);
    }
    char absent[300];
    snprintf(absent, sizeof absent, "%s/none", tmpdir);
    ssh_pool *p = pool_with(known, key, SSH_HOSTKEY_STRICT);
    const char *h[4] = {hosts[0], hosts[1], hosts[2], hosts[3]};
    const char *cmds[4] = {"echo a", "echo b; exit 3", "echo c >&2", "echo d"};
    ssh_result r[4];
    assert_int_equal(ssh_exec_each(p, h, cmds, 4, 0, r), 0);
    assert_string_equal(r[0].out.data, "a\n");
    assert_int_equal(r[1].exit_status, 3);
    assert_string_equal(r[2].errout.data, "c\n");
    assert_string_equal(r[3].out.data, "d\n");
    for (int i = 0; i < 4; i++)
        ssh_result_free(&r[i]);

    const char *paths[4] = {files[0], files[1], absent, tmpdir};
    dr_buf out[4] = {DR_BUF_INIT, DR_BUF_INIT, DR_BUF_INIT, DR_BUF_INIT};
    dr_err errs[4];
    assert_int_equal(ssh_read_many(p, h, paths, 4, 0, out, errs), 2);
    assert_int_equal(errs[0].code, DR_OK);
    assert_string_equal(out[0].data, "content 0\n");
    assert_string_equal(out[1].data, "content 1\n");
    assert_int_equal(errs[2].code, DR_ENOTFOUND);
    assert_non_null(strstr(errs[2].msg, absent));
    assert_int_equal(errs[3].code, DR_EIO); /* a directory: cat fails */
    for (int i = 0; i < 4; i++)
        dr_buf_free(&out[i]);

    int fd = ssh_pool_socket(p, hosts[0]);
    assert_true(fd >= 0);
    int nodelay = 0;
    socklen_t len = sizeof nodelay;
    assert_int_equal(getsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &nodelay, &len), 0);
    assert_int_not_equal(nodelay, 0);
    /* back-to-back commands on the open session: no delayed-ACK stall */
    int64_t t0 = dr_now_ms();
    for (int i = 0; i < 20; i++) {
        ssh_result one;
        assert_int_equal(ssh_exec(p, hosts[0], "true", 0, &one), DR_OK);
        ssh_result_free(&one);
    }
    print_message("20 back-to-back commands on one session: %lld ms\n",
                  (long long)(dr_now_ms() - t0));
    ssh_pool_free(p);

    /* known_hosts once per pool: a pool that read a file with only .11
     * refuses .12 even after .12's key is added to the file */
    char kh[300];
    snprintf(kh, sizeof kh, "%s/kh_once", tmpdir);
    sh("grep -F '[%s.11]:2222 ' %s > %s", lab_net, known, kh);
    p = pool_with(kh, key, SSH_HOSTKEY_STRICT);
    ssh_result one;
    assert_int_equal(ssh_exec(p, hosts[0], "true", 0, &one), DR_OK);
    ssh_result_free(&one);
    sh("grep -F '[%s.12]:2222 ' %s >> %s", lab_net, known, kh);
    assert_int_equal(ssh_exec(p, hosts[1], "true", 0, &one), DR_EREFUSED);
    ssh_result_free(&one);
    ssh_pool_free(p);
    p = pool_with(kh, key, SSH_HOSTKEY_STRICT); /* a new pool reads it again */
    assert_int_equal(ssh_exec(p, hosts[1], "true", 0, &one), DR_OK);
    ssh_result_free(&one);
    ssh_pool_free(p);
}

/* The lab's authorized_keys, or NULL (then the test is skipped). */
static const char *authorized_keys(char *buf, size_t n)
{
    const char *ak = getenv("DRCTL_LAB_AUTHORIZED_KEYS");
    if (ak)
        snprintf(buf, n, "%s", ak);
    else
        snprintf(buf, n, "%s/keys/authorized_keys", lab_dir);
    if (access(buf, W_OK) != 0) {
        print_message("no writable authorized_keys at %s: skipped\n", buf);
        return NULL;
    }
    return buf;
}

static void test_agent_auth(void **state)
{
    (void)state;
    char sock[256];
    snprintf(sock, sizeof sock, "%s/agent.sock", tmpdir);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        if (!freopen("/dev/null", "w", stdout))
            _exit(126);
        execlp("ssh-agent", "ssh-agent", "-D", "-a", sock, (char *)NULL);
        _exit(127);
    }
    /* Wait for the agent's socket, with a deadline. */
    int64_t deadline = dr_now_ms() + 5000;
    for (int ms = 5; access(sock, F_OK) != 0 && dr_now_ms() < deadline; ms *= 2)
        usleep((useconds_t)(ms < 200 ? ms : 200) * 1000);
    assert_int_equal(access(sock, F_OK), 0);
    sh("SSH_AUTH_SOCK=%s ssh-add -q %s", sock, key);
    const char *old = getenv("SSH_AUTH_SOCK");
    char *saved = old ? strdup(old) : NULL;
    setenv("SSH_AUTH_SOCK", sock, 1);
    ssh_config cfg = {.known_hosts = known, .use_agent = 1, .exec_timeout_ms = 20000};
    ssh_pool *p = NULL;
    dr_err e = {0};
    assert_int_equal(ssh_pool_new(&cfg, &p, &e), DR_OK);
    ssh_result r;
    int rc = ssh_exec(p, hosts[7], "echo via-agent", 0, &r);
    char msg[DR_ERR_MAX];
    snprintf(msg, sizeof msg, "%s", r.err.msg);
    int ok = rc == DR_OK && r.out.data && strcmp(r.out.data, "via-agent\n") == 0;
    ssh_result_free(&r);
    ssh_pool_free(p);
    if (saved)
        setenv("SSH_AUTH_SOCK", saved, 1);
    else
        unsetenv("SSH_AUTH_SOCK");
    free(saved);
    kill(pid, SIGTERM);
    waitpid(pid, NULL, 0);
    if (!ok)
        fail_msg("agent auth failed: %s", msg);
}

static void test_passphrase_from_file_and_env(void **state)
{
    (void)state;
    char akbuf[600];
    const char *ak = authorized_keys(akbuf, sizeof akbuf);
    if (!ak)
        skip();
    char enc[256], pass[256];
    snprintf(enc, sizeof enc, "%s/id_enc", tmpdir);
    snprintf(pass, sizeof pass, "%s/passphrase", tmpdir);
    sh("ssh-keygen -q -t ed25519 -N 'correct horse' -C drctl-labtest-enc -f %s", enc);
    sh("printf 'correct horse\\n' > %s && chmod 600 %s", pass, pass);
    sh("cp -p %s %s/authorized_keys.saved2 && cat %s.pub >> %s", ak, tmpdir, enc, ak);
    ssh_config cfg = {.known_hosts = known, .identity = enc, .passphrase_file = pass};
    ssh_pool *p = NULL;
    dr_err e = {0};
    ssh_result r;
    int rc_file, rc_env, rc_wrong;
    char wrong_msg[DR_ERR_MAX];
    assert_int_equal(ssh_pool_new(&cfg, &p, &e), DR_OK);
    rc_file = ssh_exec(p, hosts[8], "true", 0, &r);
    ssh_result_free(&r);
    ssh_pool_free(p);
    setenv("DRCTL_TEST_PASSPHRASE", "correct horse", 1);
    cfg = (ssh_config){
        .known_hosts = known, .identity = enc, .passphrase_env = "DRCTL_TEST_PASSPHRASE"};
    assert_int_equal(ssh_pool_new(&cfg, &p, &e), DR_OK);
    rc_env = ssh_exec(p, hosts[8], "true", 0, &r);
    ssh_result_free(&r);
    ssh_pool_free(p);
    setenv("DRCTL_TEST_PASSPHRASE", "wrong", 1);
    assert_int_equal(ssh_pool_new(&cfg, &p, &e), DR_OK);
    rc_wrong = ssh_exec(p, hosts[8], "true", 0, &r);
    snprintf(wrong_msg, sizeof wrong_msg, "%s", r.err.msg);
    ssh_result_free(&r);
    ssh_pool_free(p);
    unsetenv("DRCTL_TEST_PASSPHRASE");
    sh("cp -p %s/authorized_keys.saved2 %s", tmpdir, ak);
    assert_int_equal(rc_file, DR_OK);
    assert_int_equal(rc_env, DR_OK);
    assert_int_equal(rc_wrong, DR_EAUTH);
    print_message("%s\n", wrong_msg);
    assert_non_null(strstr(wrong_msg, "passphrase"));
    assert_null(strstr(wrong_msg, "wrong\n")); /* the secret itself is never echoed */
}

static void test_rsa_key_refused_with_explanation(void **state)
{
    (void)state;
    char akpath[600];
    if (!authorized_keys(akpath, sizeof akpath))
        skip();
    char rsa[256];
    snprintf(rsa, sizeof rsa, "%s/id_rsa", tmpdir);
    sh("ssh-keygen -q -t rsa -b 2048 -N '' -C drctl-labtest-rsa -f %s", rsa);
    sh("cp -p %s %s/authorized_keys.saved && cat %s.pub >> %s", akpath, tmpdir, rsa, akpath);
    /* The key is authorized: OpenSSH's client, which signs with rsa-sha2-512,
     * gets in with it.  So a refusal below is about libssh2's signature. */
    char cmd[2048];
    snprintf(cmd, sizeof cmd,
             "ssh -q -p 2222 -i %s -o IdentitiesOnly=yes -o BatchMode=yes "
             "-o UserKnownHostsFile=%s -o StrictHostKeyChecking=yes %s@%s.%d true",
             rsa, known, user, lab_net, LAB_HOSTS[6]);
    int openssh_rc = system(cmd);
    ssh_pool *p = pool_with(known, rsa, SSH_HOSTKEY_STRICT);
    ssh_result r;
    int rc = ssh_exec(p, hosts[6], "true", 0, &r);
    char msg[DR_ERR_MAX];
    snprintf(msg, sizeof msg, "%s", r.err.msg);
    ssh_result_free(&r);
    ssh_pool_free(p);
    sh("cp -p %s/authorized_keys.saved %s", tmpdir, akpath);
    print_message("%s\n", msg);
    assert_int_equal(openssh_rc, 0);
    assert_int_equal(rc, DR_EAUTH);
    assert_non_null(strstr(msg, "SHA-1"));
    assert_non_null(strstr(msg, "ed25519"));
    assert_non_null(strstr(msg, rsa));
}

/* --- the Lua binding on a real host --- */

static int gate_decision;
static int gate_calls;
static int lua_gate(void *ud, lua_State *L, const dr_effect *e, dr_err *err)
{
    (void)L, (void)ud, (void)e, (void)err;
    gate_calls++;
    return gate_decision;
}

static void test_lua_binding_real_and_rehearsal(void **state)
{
    (void)state;
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    luaL_requiref(L, "dr.ssh", luaopen_dr_ssh, 0);
    lua_setglobal(L, "ssh");
    dr_effect_hooks hooks = {.gate = lua_gate};
    dr_effect_install(L, &hooks);
    char path[256], code[2048];
    snprintf(path, sizeof path, "%s/lua.cfg", tmpdir);
    sh("printf 'v1\\n' > %s", path);
    snprintf(code, sizeof code,
             "P = assert(ssh.pool{known_hosts='%s', identity='%s', user='%s', port=2222})\n"
             "H, PATH, HOSTS = '%s.%d', '%s', {'%s.11', '%s.12', '%s.13'}\n"
             "DIR = '%s'\n",
             known, key, user, lab_net, 13, path, lab_net, lab_net, lab_net, tmpdir);
    if (luaL_dostring(L, code) != LUA_OK)
        fail_msg("%s", lua_tostring(L, -1));

    /* Rehearsal: nothing changes, but the answers look like success. */
    gate_decision = DR_EFFECT_SIMULATE;
    if (luaL_dostring(L, "local w = assert(P:write_file(H, PATH, 'v2\\n'))\n"
                         "assert(w.simulated and w.existed and w.previous == 'v1\\n')\n"
                         "local r = assert(P:exec(H, 'echo x > ' .. PATH))\n"
                         "assert(r.simulated and r.status == 0)\n"
                         "local pr = assert(P:probe(H, 'cat ' .. PATH))\n"
                         "assert(pr.stdout == 'v1\\n' and not pr.simulated)\n") != LUA_OK)
        fail_msg("%s", lua_tostring(L, -1));
    assert_int_equal(gate_calls, 2);
    dr_buf b = DR_BUF_INIT;
    dr_err e = {0};
    assert_int_equal(dr_read_file(path, &b, &e), DR_OK);
    assert_string_equal(b.data, "v1\n");
    dr_buf_free(&b);

    /* Several files per host in one command: present, absent, and a
     * directory (cat fails: that host's error); a file written in this
     * rehearsal reads as written. */
    if (luaL_dostring(L, "local fs = P:read_files_many({H, HOSTS[1], HOSTS[2]},\n"
                         "    {{PATH, PATH .. '.none', PATH}, {DIR}, {PATH .. '.none'}})\n"
                         "assert(fs[1].ok and fs[1].files[PATH] == 'v1\\n', fs[1].error)\n"
                         "assert(fs[1].files[PATH .. '.none'] == false)\n"
                         "assert(not fs[2].ok and fs[2].error:find('Is a directory'), fs[2].error)\n"
                         "assert(fs[3].ok and fs[3].files[PATH .. '.none'] == false)\n"
                         "debug.getregistry()['dr.written'] = {[H .. '\\n' .. PATH] = 'w\\n'}\n"
                         "fs = P:read_files_many({H}, {{PATH, PATH .. '.none'}})\n"
                         "assert(fs[1].ok and fs[1].files[PATH] == 'w\\n')\n"
                         "assert(fs[1].files[PATH .. '.none'] == false)\n"
                         "debug.getregistry()['dr.written'] = nil\n"
                         "assert(not pcall(P.read_files_many, P, {H}, {'x'}))\n"
                         "assert(not pcall(P.read_files_many, P, {H}, {{PATH}, {PATH}}))\n"
                         "assert(not pcall(P.read_files_many, P, {H}, {{PATH, 1}}))\n") !=
        LUA_OK)
        fail_msg("%s", lua_tostring(L, -1));

    /* Real run. */
    gate_decision = DR_EFFECT_PERFORM;
    if (luaL_dostring(L, "local w = assert(P:write_file(H, PATH, 'v2\\n'))\n"
                         "assert(not w.simulated and w.previous == 'v1\\n' and #w.sha256 == 64)\n"
                         "assert(P:read_file(H, PATH) == 'v2\\n')\n"
                         /* previous=: the caller's read is the one; the host
                          * refuses when the file is no longer that */
                         "w = assert(P:write_file(H, PATH, 'v3\\n', {previous = 'v2\\n'}))\n"
                         "assert(w.previous == 'v2\\n' and w.existed)\n"
                         "local no, why, c = P:write_file(H, PATH, 'v4\\n', {previous = 'v2\\n'})\n"
                         "assert(no == nil and c == 'conflict', why)\n"
                         "no, why, c = P:write_file(H, PATH, 'v4\\n', {previous = false})\n"
                         "assert(no == nil and c == 'conflict', why)\n"
                         "assert(P:read_file(H, PATH) == 'v3\\n')\n"
                         "assert(not pcall(P.write_file, P, H, PATH, 'x', {previous = 1}))\n"
                         "local rs = P:exec_many(HOSTS, 'exit 4')\n"
                         "for i = 1, 3 do assert(rs[i].ok and rs[i].status == 4, i) end\n"
                         "local k = assert(P:exec(H, 'kill -KILL $$'))\n"
                         "assert(k.signal == 'KILL' and k.status == nil)\n"
                         "local r, err, code = P:exec(H, 'sleep 5', {timeout = 0.5})\n"
                         "assert(r == nil and code == 'timeout' and err:find('timed out'))\n"
                         "P:close()\n") != LUA_OK)
        fail_msg("%s", lua_tostring(L, -1));
    assert_int_equal(dr_read_file(path, &b, &e), DR_OK);
    assert_string_equal(b.data, "v3\n");
    dr_buf_free(&b);
    lua_close(L);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exec_status_stderr_signal_and_reuse),
        cmocka_unit_test(test_changed_host_key_refused),
        cmocka_unit_test(test_unknown_host_refused_tofu_records),
        cmocka_unit_test(test_hashed_known_hosts),
        cmocka_unit_test(test_exec_timeout),
        cmocka_unit_test_prestate(test_atomic_write_keeps_mode_and_owner, &FILES_AUTO),
        cmocka_unit_test_prestate(test_atomic_write_keeps_mode_and_owner, &FILES_EXEC),
        cmocka_unit_test_prestate(test_write_after_callers_read, &FILES_AUTO),
        cmocka_unit_test_prestate(test_write_after_callers_read, &FILES_EXEC),
        cmocka_unit_test_prestate(test_cut_off_write_leaves_old_file, &FILES_AUTO),
        cmocka_unit_test_prestate(test_cut_off_write_leaves_old_file, &FILES_EXEC),
        cmocka_unit_test(test_fan_out_to_all_lab_hosts),
        cmocka_unit_test(test_exec_each_read_many_nodelay),
        cmocka_unit_test(test_agent_auth),
        cmocka_unit_test(test_passphrase_from_file_and_env),
        cmocka_unit_test(test_rsa_key_refused_with_explanation),
        cmocka_unit_test(test_lua_binding_real_and_rehearsal),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
