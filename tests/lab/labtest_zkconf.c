/* Lab test for zkconf against the lab's real ZooKeeper 3.8: does the server
 * accept what zkconf writes, and run with the membership written?
 *
 * A whole failover on the shared lab, then its undoing:
 *  1. zk1..zk4 serve (1-3 participants, 4 observer); chicago (zk1-3) and
 *     the observer are stopped, and zk4-6's conf and data are saved;
 *  2. zkconf plans zk4, zk5, zk6's files from what is on disk (zk4's zoo.cfg
 *     as ZooKeeper rewrote it) for the after-failover membership 4,5,6 all
 *     participants; the files are written and stale dynamic files removed;
 *  3. zk4 (the data holder) starts first, then zk5 and zk6: srvr must show
 *     one leader and two followers, `conf` the membership written, and the
 *     epoch must have moved past the old one with no zxid lost;
 *  4. zk4-6 stop, their saved files come back, zk1..zk4 start again and
 *     serve in their first roles (the lab is as the fixture made it).
 * Every process is started and stopped through `tests/lab/lab`, by pid. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fourlw.h"
#include "zkconf.h"

static char lab_dir[512], lab_net[64], save_dir[700];
static int restore_needed; /* the lab is not in its first topology */
static char host[7][80];

static void run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void run(const char *fmt, ...)
{
    dr_buf cmd = DR_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    dr_buf_vprintf(&cmd, fmt, ap);
    va_end(ap);
    int rc = system(cmd.data);
    if (rc != 0)
        fail_msg("command failed (%d): %s", rc, cmd.data);
    dr_buf_free(&cmd);
}

static void lab(const char *action, int zk)
{
    run("'%s/tests/lab/lab' %s zk%d >/dev/null", DRCTL_SOURCE_DIR, action, zk);
}

static void host_path(dr_buf *b, int zk, const char *rel)
{
    dr_buf_reset(b);
    dr_buf_printf(b, "%s/hosts/zk%d/%s", lab_dir, zk, rel);
}

static void write_atomic(const char *path, const char *text, size_t len)
{
    dr_buf tmp = DR_BUF_INIT;
    dr_buf_printf(&tmp, "%s.tmp", path);
    FILE *f = fopen(tmp.data, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    assert_int_equal(fflush(f), 0);
    assert_int_equal(fclose(f), 0);
    assert_int_equal(rename(tmp.data, path), 0);
    dr_buf_free(&tmp);
}

static void sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

/* Polls srvr on servers ids[] (backoff, deadline) until each one serves;
 * fills modes[] and zxids[].  Returns 0, or -1 at the deadline. */
static int wait_serving(const int *ids, int n, fourlw_mode *modes, uint64_t *zxids, int timeout_ms)
{
    int64_t deadline = dr_now_ms() + timeout_ms;
    int delay = 100;
    for (;;) {
        int ok = 0;
        for (int i = 0; i < n; i++) {
            fourlw_srvr s;
            modes[i] = FOURLW_MODE_UNKNOWN;
            if (fourlw_get_srvr(host[ids[i]], 2181, 2000, &s, NULL) == 0) {
                if (s.serving) {
                    ok++;
                    modes[i] = s.mode;
                    zxids[i] = s.has_zxid ? s.zxid.value : 0;
                }
                fourlw_srvr_free(&s);
            }
        }
        if (ok == n)
            return 0;
        if (dr_now_ms() + delay > deadline)
            return -1;
        sleep_ms(delay);
        delay = delay < 1000 ? delay * 2 : 1000;
    }
}

/* ClickHouse lost its ZooKeeper session while the ensemble was down; it
 * reconnects by itself.  Waits (backoff, deadline) until `lab status` shows
 * no read-only or expired replica, so that the next lab test finds the lab
 * as the fixture made it. */
static int wait_clickhouse_writable(int timeout_ms)
{
    int64_t deadline = dr_now_ms() + timeout_ms;
    int delay = 200;
    dr_buf cmd = DR_BUF_INIT;
    dr_buf_printf(&cmd, "'%s/tests/lab/lab' status 2>&1", DRCTL_SOURCE_DIR);
    for (;;) {
        FILE *f = popen(cmd.data, "r");
        int bad = f == NULL, chs = 0;
        char line[1024];
        while (f && fgets(line, sizeof line, f)) {
            if (strncmp(line, "ch", 2) != 0)
                continue;
            chs++;
            if (strstr(line, "ro=1") || strstr(line, "exp=1") || !strstr(line, "running"))
                bad = 1;
        }
        if (f)
            pclose(f);
        if (!bad && chs > 0) {
            dr_buf_free(&cmd);
            return 0;
        }
        if (dr_now_ms() + delay > deadline) {
            dr_buf_free(&cmd);
            return -1;
        }
        sleep_ms(delay);
        delay = delay < 2000 ? delay * 2 : 2000;
    }
}

static int count_mode(const fourlw_mode *modes, int n, fourlw_mode m)
{
    int k = 0;
    for (int i = 0; i < n; i++)
        k += modes[i] == m;
    return k;
}

static zkconf *load(const char *path, zkconf_kind kind)
{
    dr_buf b = DR_BUF_INIT;
    dr_err err = {0};
    if (dr_read_file(path, &b, &err))
        fail_msg("%s", err.msg);
    zkconf *c = NULL;
    if (zkconf_parse(path, b.data ? b.data : "", b.len, kind, &c, &err))
        fail_msg("%s", err.msg);
    dr_buf_free(&b);
    return c;
}

/* Writes zk's files for membership m with zkconf's writer. */
static void write_node(int zk, const zkconf_members *m)
{
    dr_buf p = DR_BUF_INIT, dyn = DR_BUF_INIT;
    host_path(&p, zk, "conf/zoo.cfg");
    zkconf *st = load(p.data, ZKCONF_STATIC);
    host_path(&dyn, zk, "conf/zoo.cfg.dynamic");
    dr_buf dir = DR_BUF_INIT;
    host_path(&dir, zk, "conf");
    DIR *d = opendir(dir.data);
    assert_non_null(d);
    char *names[64];
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d)) && n < 64;)
        if (e->d_name[0] != '.')
            names[n++] = dr_strdup(e->d_name);
    closedir(d);
    zkconf_write w;
    dr_err err = {0};
    if (zkconf_write_plan(st, m, zk, dyn.data, (const char *const *)names, n, &w, &err))
        fail_msg("%s", err.msg);
    write_atomic(w.dynamic_path, w.dynamic_text, w.dynamic_len);
    write_atomic(p.data, w.static_text, w.static_len);
    for (size_t i = 0; i < w.n_remove; i++)
        assert_int_equal(remove(w.remove[i]), 0);
    print_message("zk%d: wrote %s (%zu stale dynamic files removed)\n", zk, w.dynamic_path,
                  w.n_remove);
    zkconf_write_free(&w);
    zkconf_free(st);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    dr_buf_free(&p);
    dr_buf_free(&dyn);
    dr_buf_free(&dir);
}

/* Stops zk4-6, puts their saved conf and data back, starts zk1..zk4. */
static void restore_lab(void)
{
    for (int zk = 4; zk <= 6; zk++)
        lab("stop", zk);
    for (int zk = 4; zk <= 6; zk++)
        run("rm -rf '%s/hosts/zk%d/conf' '%s/hosts/zk%d/data' && cp -a '%s/zk%d-conf' "
            "'%s/hosts/zk%d/conf' && cp -a '%s/zk%d-data' '%s/hosts/zk%d/data'",
            lab_dir, zk, lab_dir, zk, save_dir, zk, lab_dir, zk, save_dir, zk, lab_dir, zk);
    for (int zk = 1; zk <= 4; zk++)
        lab("start", zk);
    restore_needed = 0;
}

static zkconf_server lab_server(int zk, zkconf_role role)
{
    zkconf_server s = {.id = zk,
                       .host = host[zk],
                       .quorum_port = 2888,
                       .election_port = 3888,
                       .role = role,
                       .client_host = host[zk],
                       .client_port = 2181};
    return s;
}

static void test_failover_written_by_zkconf_runs(void **state)
{
    (void)state;
    const int before_ids[] = {1, 2, 3, 4}, after_ids[] = {4, 5, 6};
    fourlw_mode modes[4];
    uint64_t zx[4];
    if (wait_serving(before_ids, 4, modes, zx, 120000))
        fail_msg("zk1..zk4 do not all serve");
    assert_int_equal(count_mode(modes, 3, FOURLW_MODE_LEADER), 1);
    assert_int_equal(modes[3], FOURLW_MODE_OBSERVER);
    uint64_t old_zxid = 0;
    for (int i = 0; i < 4; i++)
        old_zxid = zx[i] > old_zxid ? zx[i] : old_zxid;

    /* The current membership, from zk4's own files as ZooKeeper left them. */
    dr_buf p = DR_BUF_INIT;
    host_path(&p, 4, "conf/zoo.cfg");
    zkconf *st4 = load(p.data, ZKCONF_STATIC);
    const char *dynfile = zkconf_get(st4, "dynamicConfigFile");
    assert_non_null(dynfile);
    zkconf *dy4 = load(dynfile, ZKCONF_DYNAMIC);
    zkconf_members cur = {0}, site = {0}, next = {0};
    zkconf_members_get(dy4, &cur);
    assert_int_equal(cur.n, 4);
    zkconf_free(dy4);
    zkconf_free(st4);

    /* The dead site goes: stop chicago, then the observer (data holder). */
    for (int zk = 1; zk <= 4; zk++)
        lab("stop", zk);
    run("rm -rf '%s' && mkdir -p '%s'", save_dir, save_dir);
    restore_needed = 1;
    for (int zk = 4; zk <= 6; zk++)
        run("cp -a '%s/hosts/zk%d/conf' '%s/zk%d-conf' && cp -a '%s/hosts/zk%d/data' "
            "'%s/zk%d-data'",
            lab_dir, zk, save_dir, zk, lab_dir, zk, save_dir, zk);

    for (int zk = 4; zk <= 6; zk++) {
        zkconf_server s = lab_server(zk, ZKCONF_OBSERVER);
        zkconf_members_add(&site, &s);
    }
    dr_err err = {0};
    if (zkconf_after_failover(&cur, &site, &next, &err))
        fail_msg("%s", err.msg);
    for (int zk = 4; zk <= 6; zk++)
        write_node(zk, &next);

    /* The data holder first, then the spares. */
    int64_t t0 = dr_now_ms();
    for (int zk = 4; zk <= 6; zk++)
        lab("start", zk);
    fourlw_mode am[3];
    uint64_t az[3];
    if (wait_serving(after_ids, 3, am, az, 120000))
        fail_msg("zk4..zk6 do not all serve after the failover");
    print_message("new ensemble serving after %lld ms: zk4 %s, zk5 %s, zk6 %s\n",
                  (long long)(dr_now_ms() - t0), fourlw_mode_name(am[0]), fourlw_mode_name(am[1]),
                  fourlw_mode_name(am[2]));
    assert_int_equal(count_mode(am, 3, FOURLW_MODE_LEADER), 1);
    assert_int_equal(count_mode(am, 3, FOURLW_MODE_FOLLOWER), 2);
    uint64_t new_zxid = 0;
    for (int i = 0; i < 3; i++)
        new_zxid = az[i] > new_zxid ? az[i] : new_zxid;
    /* a new epoch, not an empty ensemble's */
    assert_true((new_zxid >> 32) > (old_zxid >> 32));

    /* What the server runs with is what we wrote (its `conf`). */
    dr_buf conf = DR_BUF_INIT;
    if (fourlw_query(host[4], 2181, "conf", 3000, &conf, &err))
        fail_msg("%s", err.msg);
    const char *mem = strstr(conf.data, "membership: \n");
    assert_non_null(mem);
    mem += strlen("membership: \n");
    zkconf *zn = NULL;
    if (zkconf_parse("zk4 conf", mem, strlen(mem), ZKCONF_ZNODE, &zn, &err))
        fail_msg("%s", err.msg);
    zkconf_members running = {0};
    zkconf_members_get(zn, &running);
    dr_buf j = DR_BUF_INIT, l = DR_BUF_INIT;
    zkconf_reconfig_args(&next, &running, &j, &l);
    if (j.len || l.len)
        fail_msg("running membership differs from the written one: joining '%s' leaving '%s'",
                 j.data, l.data);
    print_message("running config version %llx\n", (unsigned long long)zkconf_version(zn));
    zkconf_free(zn);

    /* Undo: stop the new ensemble, put every saved file back, restart the
     * lab's ensemble. */
    restore_lab();
    if (wait_serving(before_ids, 4, modes, zx, 120000))
        fail_msg("zk1..zk4 do not all serve after the restore");
    assert_int_equal(count_mode(modes, 3, FOURLW_MODE_LEADER), 1);
    assert_int_equal(count_mode(modes, 3, FOURLW_MODE_FOLLOWER), 2);
    assert_int_equal(modes[3], FOURLW_MODE_OBSERVER);
    run("rm -rf '%s'", save_dir);
    int64_t t1 = dr_now_ms();
    if (wait_clickhouse_writable(180000))
        fail_msg("ClickHouse replicas stay read-only after the ensemble came back");
    print_message("ClickHouse replicas writable again after %lld ms\n",
                  (long long)(dr_now_ms() - t1));

    zkconf_members_free(&cur);
    zkconf_members_free(&site);
    zkconf_members_free(&next);
    zkconf_members_free(&running);
    dr_buf_free(&p);
    dr_buf_free(&conf);
    dr_buf_free(&j);
    dr_buf_free(&l);
}

static int setup(void **state)
{
    (void)state;
    const char *d = getenv("DRCTL_LAB_DIR"), *net = getenv("DRCTL_LAB_NET");
    if (!d) {
        fprintf(stderr, "labtest_zkconf: DRCTL_LAB_DIR is not set (run me through 'lab exec')\n");
        return -1;
    }
    snprintf(lab_dir, sizeof lab_dir, "%s", d);
    snprintf(lab_net, sizeof lab_net, "%s", net ? net : "127.0.0");
    snprintf(save_dir, sizeof save_dir, "%s/labtest_zkconf", lab_dir);
    for (int i = 1; i <= 6; i++)
        snprintf(host[i], sizeof host[i], "%s.%d", lab_net, 10 + i);
    return 0;
}

/* A failed test must not leave the shared lab failed over. */
static int teardown(void **state)
{
    (void)state;
    if (restore_needed) {
        fprintf(stderr, "labtest_zkconf: restoring the lab's first topology\n");
        restore_lab();
    }
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_failover_written_by_zkconf_runs),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
