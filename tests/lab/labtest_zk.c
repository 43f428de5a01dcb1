/* Lab tests for zk against the lab's real ZooKeeper ensemble (zk1..zk3
 * participants, zk4 observer, zk5 a spare that is not running): znode
 * reads and writes, a marker written through zk1 and read through zk4, the
 * run lock, and an online reconfig that adds zk5 as an observer (started
 * here, its config built from /zookeeper/config), checks it, removes it and
 * stops it by its pid, so that the lab ends with the topology it had. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "effect.h"
#include "fourlw.h"
#include "zk.h"
#include "zk_lua.h"

static char lab_dir[512], lab_net[64], secret[600], ensemble[256], base[128];
static char host[6][80]; /* host[1..5] = zk1..zk5 */

static void backoff(int *delay_ms)
{
    struct timespec ts = {*delay_ms / 1000, (long)(*delay_ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
    *delay_ms = *delay_ms < 800 ? *delay_ms * 2 : 800;
}

/* Polls srvr on h until its mode is `want` (or, with want UNKNOWN, until it
 * refuses connections), within timeout_ms. */
static int wait_mode(const char *h, fourlw_mode want, int timeout_ms, dr_err *last)
{
    int64_t deadline = dr_now_ms() + timeout_ms;
    int delay = 50;
    for (;;) {
        fourlw_srvr s;
        int rc = fourlw_get_srvr(h, 2181, 2000, &s, last);
        bool ok = want == FOURLW_MODE_UNKNOWN ? rc == DR_EREFUSED : (rc == 0 && s.mode == want);
        fourlw_srvr_free(&s);
        if (ok)
            return 0;
        if (dr_now_ms() + delay > deadline)
            return -1;
        backoff(&delay);
    }
}

static zk_session *open_or_fail(const char *servers, bool super)
{
    zk_options o = {.connect_timeout_ms = 15000, .session_timeout_ms = 10000};
    if (super)
        o.secret_file = secret;
    zk_session *s = NULL;
    dr_err e = {0};
    if (zk_open(servers, &o, &s, &e))
        fail_msg("%s", e.msg);
    return s;
}

static int setup(void **state)
{
    (void)state;
    const char *d = getenv("DRCTL_LAB_DIR"), *net = getenv("DRCTL_LAB_NET");
    if (!d) {
        fprintf(stderr, "labtest_zk: DRCTL_LAB_DIR is not set (run me through 'lab exec')\n");
        return -1;
    }
    snprintf(lab_dir, sizeof lab_dir, "%s", d);
    snprintf(lab_net, sizeof lab_net, "%s", net ? net : "127.0.0");
    snprintf(secret, sizeof secret, "%s/secrets/zk_super", lab_dir);
    for (int i = 1; i <= 5; i++)
        snprintf(host[i], sizeof host[i], "%s.%d", lab_net, 10 + i);
    snprintf(ensemble, sizeof ensemble, "%s:2181,%s:2181,%s:2181", host[1], host[2], host[3]);
    snprintf(base, sizeof base, "/drctl-labtest-%d", (int)getpid());
    /* the lab fixture started the servers; an election may still be on */
    int64_t deadline = dr_now_ms() + 60000;
    for (int i = 1; i <= 4; i++) {
        int delay = 50;
        for (;;) {
            fourlw_srvr st;
            dr_err e = {0};
            int rc = fourlw_get_srvr(host[i], 2181, 2000, &st, &e);
            bool ok = rc == 0 &&
                      (i == 4 ? st.mode == FOURLW_MODE_OBSERVER
                              : (st.mode == FOURLW_MODE_LEADER || st.mode == FOURLW_MODE_FOLLOWER));
            fourlw_srvr_free(&st);
            if (ok)
                break;
            if (dr_now_ms() > deadline) {
                fprintf(stderr, "labtest_zk: %s is not serving in its role: %s\n", host[i],
                        rc ? e.msg : "wrong mode");
                return -1;
            }
            backoff(&delay);
        }
    }
    return 0;
}

static void test_crud(void **state)
{
    (void)state;
    zk_session *s = open_or_fail(ensemble, false);
    dr_err e = {0};
    char path[200], child[220];
    snprintf(path, sizeof path, "%s/crud", base);
    assert_int_equal(zk_create_parents(s, path, &e), DR_OK);
    assert_int_equal(zk_create(s, path, "one", 3, ZK_CREATE_PERSISTENT, NULL, &e), DR_OK);
    assert_int_equal(zk_create(s, path, "x", 1, ZK_CREATE_PERSISTENT, NULL, &e), DR_ECONFLICT);
    assert_non_null(strstr(e.msg, "the znode already exists (ZNODEEXISTS)"));
    dr_buf b = DR_BUF_INIT;
    zk_stat st;
    assert_int_equal(zk_get(s, path, &b, &st, &e), DR_OK);
    assert_string_equal(b.data, "one");
    assert_int_equal(st.version, 0);
    assert_int_equal(st.ephemeral_owner, 0);
    /* compare-and-set: the right version wins, a stale one is refused */
    zk_stat st2;
    assert_int_equal(zk_set(s, path, "two", 3, st.version, &st2, &e), DR_OK);
    assert_int_equal(st2.version, 1);
    assert_int_equal(zk_set(s, path, "three", 5, st.version, NULL, &e), DR_ECONFLICT);
    assert_non_null(strstr(e.msg, "version mismatch"));
    assert_non_null(strstr(e.msg, path));
    dr_buf_reset(&b);
    assert_int_equal(zk_get(s, path, &b, NULL, &e), DR_OK);
    assert_string_equal(b.data, "two");
    /* a large value comes back whole */
    size_t big = 300000;
    char *blob = malloc(big);
    for (size_t i = 0; i < big; i++)
        blob[i] = (char)('a' + i % 26);
    assert_int_equal(zk_set(s, path, blob, big, -1, NULL, &e), DR_OK);
    dr_buf_reset(&b);
    assert_int_equal(zk_get(s, path, &b, &st, &e), DR_OK);
    assert_int_equal(b.len, big);
    assert_memory_equal(b.data, blob, big);
    free(blob);
    /* children, ephemeral sequential */
    snprintf(child, sizeof child, "%s/e-", path);
    char *real = NULL;
    assert_int_equal(
        zk_create(s, child, "", 0, ZK_CREATE_EPHEMERAL | ZK_CREATE_SEQUENTIAL, &real, &e), DR_OK);
    assert_true(strncmp(real, child, strlen(child)) == 0);
    assert_int_equal(strlen(real), strlen(child) + 10);
    char **names;
    size_t n;
    assert_int_equal(zk_children(s, path, &names, &n, &e), DR_OK);
    assert_int_equal(n, 1);
    assert_string_equal(names[0], real + strlen(path) + 1);
    zk_strings_free(names, n);
    bool ex = false;
    assert_int_equal(zk_exists(s, real, &ex, &st, &e), DR_OK);
    assert_true(ex);
    assert_true(st.ephemeral_owner != 0);
    assert_int_equal(zk_delete(s, path, -1, &e), DR_ECONFLICT);
    assert_non_null(strstr(e.msg, "has children"));
    assert_int_equal(zk_delete(s, real, -1, &e), DR_OK);
    free(real);
    assert_int_equal(zk_exists(s, path, &ex, &st, &e), DR_OK);
    assert_true(ex);
    assert_int_equal(zk_delete(s, path, st.version + 1, &e), DR_ECONFLICT);
    assert_int_equal(zk_delete(s, path, st.version, &e), DR_OK);
    assert_int_equal(zk_exists(s, path, &ex, NULL, &e), DR_OK);
    assert_false(ex);
    assert_int_equal(zk_get(s, path, &b, NULL, &e), DR_ENOTFOUND);
    assert_int_equal(zk_delete(s, base, -1, &e), DR_OK);
    dr_buf_free(&b);
    zk_close(s);
}

static void test_marker_through_observer(void **state)
{
    (void)state;
    char zk1[100], zk4[100], path[200], run[64];
    snprintf(zk1, sizeof zk1, "%s:2181", host[1]);
    snprintf(zk4, sizeof zk4, "%s:2181", host[4]);
    snprintf(path, sizeof path, "%s/marker", base);
    snprintf(run, sizeof run, "labtest-%d-%lld", (int)getpid(), (long long)dr_wall_ms());
    zk_session *w = open_or_fail(zk1, false);
    zk_session *r = open_or_fail(zk4, false);
    dr_err e = {0};
    int64_t before = dr_wall_ms();
    assert_int_equal(zk_marker_write(w, path, run, &e), DR_OK);
    zk_marker m;
    if (zk_marker_read(r, path, &m, &e))
        fail_msg("%s", e.msg);
    assert_string_equal(m.run_id, run);
    assert_true(m.time_ms >= before && m.time_ms <= dr_wall_ms());
    assert_true(m.mzxid > 0);
    zk_marker_free(&m);
    /* overwritten by a second run, read again through the observer */
    assert_int_equal(zk_marker_write(w, path, "second-run", &e), DR_OK);
    assert_int_equal(zk_marker_read(r, path, &m, &e), DR_OK);
    assert_string_equal(m.run_id, "second-run");
    zk_marker_free(&m);
    assert_int_equal(zk_delete(w, path, -1, &e), DR_OK);
    assert_int_equal(zk_marker_read(r, path, &m, &e), DR_ENOTFOUND);
    assert_int_equal(zk_delete(w, base, -1, &e), DR_OK);
    zk_close(w);
    zk_close(r);
}

static void test_lock(void **state)
{
    (void)state;
    char path[200];
    snprintf(path, sizeof path, "%s/lock", base);
    zk_session *a = open_or_fail(ensemble, false);
    zk_session *b = open_or_fail(ensemble, false);
    dr_err e = {0};
    assert_int_equal(zk_lock_acquire(a, path, "run-a", NULL, &e), DR_OK);
    /* the same run in the same session: already held, fine */
    assert_int_equal(zk_lock_acquire(a, path, "run-a", NULL, &e), DR_OK);
    zk_lock_holder h;
    assert_int_equal(zk_lock_acquire(b, path, "run-b", &h, &e), DR_ECONFLICT);
    assert_string_equal(h.run_id, "run-a");
    assert_int_equal(h.pid, getpid());
    char want[300];
    snprintf(want, sizeof want, "lock %s is held by run run-a (host %s, pid %d) since ", path,
             h.host, (int)getpid());
    assert_non_null(strstr(e.msg, want));
    zk_lock_holder_free(&h);
    /* b cannot release a's lock */
    assert_int_equal(zk_lock_release(b, path, "run-b", &e), DR_ECONFLICT);
    assert_int_equal(zk_lock_release(a, path, "run-a", &e), DR_OK);
    assert_int_equal(zk_lock_holder_get(b, path, &h, &e), DR_ENOTFOUND);
    assert_int_equal(zk_lock_acquire(b, path, "run-b", NULL, &e), DR_OK);
    /* a session that dies lets its lock go (ephemeral znode) */
    zk_close(b);
    assert_int_equal(zk_lock_acquire(a, path, "run-a2", NULL, &e), DR_OK);
    assert_int_equal(zk_lock_release(a, path, "run-a2", &e), DR_OK);
    assert_int_equal(zk_lock_release(a, path, "run-a2", &e), DR_ENOTFOUND);
    /* the same run from another, still open session (a killed process now
     * resumed, before its session expired): taken over at once; another run
     * is still refused */
    zk_session *c = open_or_fail(ensemble, false);
    assert_int_equal(zk_lock_acquire(a, path, "run-c", NULL, &e), DR_OK);
    assert_int_equal(zk_lock_acquire(c, path, "run-c", NULL, &e), DR_OK);
    assert_int_equal(zk_lock_acquire(a, path, "run-d", NULL, &e), DR_ECONFLICT);
    /* c owns it now: closing a's session leaves it in place */
    zk_close(a);
    a = open_or_fail(ensemble, false);
    assert_int_equal(zk_lock_holder_get(a, path, &h, &e), DR_OK);
    assert_string_equal(h.run_id, "run-c");
    zk_lock_holder_free(&h);
    assert_int_equal(zk_lock_release(c, path, "run-c", &e), DR_OK);
    zk_close(c);
    assert_int_equal(zk_delete(a, base, -1, &e), DR_OK);
    zk_close(a);
}

static void test_config_and_reconfig_without_super(void **state)
{
    (void)state;
    zk_session *s = open_or_fail(ensemble, false);
    dr_err e = {0};
    zk_config c;
    if (zk_config_get(s, &c, &e))
        fail_msg("%s", e.msg);
    assert_int_equal(c.membership.n, 4);
    assert_true(c.membership.has_version);
    assert_int_equal(fourlw_membership_find(&c.membership, 4)->role, FOURLW_ROLE_OBSERVER);
    /* the same version as conf says on a server */
    fourlw_conf fc;
    assert_int_equal(fourlw_get_conf(host[1], 2181, 3000, &fc, &e), DR_OK);
    assert_true(fc.membership.version == c.membership.version);
    fourlw_conf_free(&fc);
    zk_config_free(&c);
    char line[300];
    snprintf(line, sizeof line, "server.5=%s:2888:3888:observer;%s:2181", host[5], host[5]);
    assert_int_equal(zk_reconfig(s, line, NULL, -1, NULL, &e), DR_EAUTH);
    assert_non_null(strstr(e.msg, "no permission: reconfig needs the super user digest "
                                  "(keeper.super_digest_file) (ZNOAUTH)"));
    zk_close(s);
}

/* ---- the Lua binding: gated writes, against the real ensemble ---- */

typedef struct recorder {
    int calls, done_calls;
    dr_effect_kind kind;
    char summary[300], before[300], after[300];
    int decision;
} recorder;

static int gate(void *ud, lua_State *L, const dr_effect *e, dr_err *err)
{
    (void)L, (void)err;
    recorder *r = ud;
    r->calls++;
    r->kind = e->kind;
    snprintf(r->summary, sizeof r->summary, "%s", e->summary);
    snprintf(r->before, sizeof r->before, "%.*s", (int)(e->before ? e->before_len : 0),
             e->before ? e->before : "");
    snprintf(r->after, sizeof r->after, "%.*s", (int)(e->after ? e->after_len : 0),
             e->after ? e->after : "");
    return r->decision;
}

static void done(void *ud, lua_State *L, const dr_effect *e, int rc, const char *detail)
{
    (void)L, (void)e, (void)rc, (void)detail;
    ((recorder *)ud)->done_calls++;
}

static void lua_run(lua_State *L, const char *code)
{
    if (luaL_dostring(L, code) != LUA_OK)
        fail_msg("lua: %s", lua_tostring(L, -1));
}

static void test_lua_binding_gated(void **state)
{
    (void)state;
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    luaL_requiref(L, "dr.zk", luaopen_dr_zk, 0);
    lua_setglobal(L, "zk");
    recorder rec = {.decision = DR_EFFECT_SIMULATE};
    dr_effect_hooks hooks = {.gate = gate, .done = done, .ud = &rec};
    dr_effect_install(L, &hooks);
    char code[2048];
    snprintf(code, sizeof code,
             "S = assert(zk.connect('%s', {timeout = 15, secret_file = '%s'}))\n"
             "BASE = '%s'\n"
             "ZK5 = 'server.5=%s:2888:3888:observer;%s:2181'\n",
             ensemble, secret, base, host[5], host[5]);
    lua_run(L, code);
    /* rehearsal: nothing is created */
    lua_run(L, "assert(S:create(BASE .. '/x', 'v1', {parents = true}) == BASE .. '/x')\n"
               "assert(S:exists(BASE) == false)\n");
    assert_int_equal(rec.calls, 1);
    assert_int_equal(rec.kind, DR_EFFECT_ZK_WRITE);
    assert_int_equal(rec.done_calls, 0);
    /* real run: created, then a rehearsed set leaves it alone */
    rec.decision = DR_EFFECT_PERFORM;
    lua_run(L, "assert(S:create(BASE .. '/x', 'v1', {parents = true}) == BASE .. '/x')\n");
    assert_int_equal(rec.done_calls, 1);
    rec.decision = DR_EFFECT_SIMULATE;
    lua_run(L, "local st = assert(S:set(BASE .. '/x', 'v2'))\n"
               "assert(st.version == 1)\n"
               "local data, st2 = S:get(BASE .. '/x')\n"
               "assert(data == 'v1' and st2.version == 0)\n");
    assert_string_equal(rec.before, "v1");
    assert_string_equal(rec.after, "v2");
    rec.decision = DR_EFFECT_PERFORM;
    lua_run(L, "local st = assert(S:set(BASE .. '/x', 'v2', 0))\n"
               "assert(st.version == 1 and S:get(BASE .. '/x') == 'v2')\n"
               "local v, err, code = S:set(BASE .. '/x', 'v3', 0)\n"
               "assert(v == nil and code == 'conflict', err)\n"
               "assert(S:children(BASE)[1] == 'x')\n"
               "assert(S:marker_write(BASE .. '/m', 'lua-run'))\n"
               "assert(S:marker_read(BASE .. '/m').run_id == 'lua-run')\n"
               "assert(S:lock(BASE .. '/lock', 'lua-run'))\n"
               "local h = assert(S:lock_holder(BASE .. '/lock'))\n"
               "assert(h.run_id == 'lua-run')\n");
    lua_run(L, "T = assert(zk.connect(S:config().members[1].client_host .. ':2181', "
               "{timeout = 15}))\n"
               "local v, err, code, holder = T:lock(BASE .. '/lock', 'other-run')\n"
               "assert(v == nil and code == 'conflict' and holder.run_id == 'lua-run', err)\n"
               "assert(err:find('held by run lua-run', 1, true), err)\n"
               "T:close()\n"
               "assert(S:unlock(BASE .. '/lock', 'lua-run'))\n"
               "assert(S:lock_holder(BASE .. '/lock') == false)\n");
    /* reconfig in a rehearsal: the predicted membership, the ensemble untouched */
    rec.decision = DR_EFFECT_SIMULATE;
    int before_calls = rec.calls;
    lua_run(L, "local c0 = S:config()\n"
               "local c = assert(S:reconfig{joining = ZK5})\n"
               "assert(c.simulated and #c.members == 5 and c.members[5].role == 'observer')\n"
               "assert(#S:config().members == 4)\n"
               "c = assert(S:reconfig{leaving = '4'})\n"
               "assert(#c.members == 3)\n"
               "local v, err, code = S:reconfig{leaving = '4', from_version = c0.version + 1}\n"
               "assert(v == nil and code == 'conflict', err)\n"
               "assert(not pcall(S.reconfig, S, {}))\n");
    assert_int_equal(rec.calls, before_calls + 3);
    assert_int_equal(rec.kind, DR_EFFECT_ZK_RECONFIG);
    assert_non_null(strstr(rec.before, "server.1="));
    assert_string_equal(rec.after, "leaving: 4\n");
    rec.decision = DR_EFFECT_PERFORM;
    lua_run(L, "assert(S:delete(BASE .. '/x'))\n"
               "assert(S:delete(BASE .. '/m'))\n"
               "assert(S:delete(BASE .. '/lock') == nil)\n"
               "assert(S:delete(BASE))\n"
               "S:close()\n"
               "assert(not pcall(S.get, S, '/'))\n");
    lua_close(L);
}

/* ---- zk5: the lab's spare, started and stopped through the lab's hostctl
 * (which starts the server with its pid recorded and stops it by that pid,
 * returning once the process is gone and its ports are closed).  Its conf/
 * and data/ are saved first and put back after, so the spare is left as
 * the lab prepared it. ---- */

static char zk5_host_dir[700], zk5_saved[700];
static bool zk5_started, zk5_saved_ok;

static int sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int sh(const char *fmt, ...)
{
    char cmd[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    int st = system(cmd);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static int write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fputs(text, f);
    return fclose(f);
}

static int hostctl(const char *action)
{
    return sh("'%s/bin/hostctl' %s '%s' server >>'%s/hostctl.log' 2>&1", lab_dir, action,
              zk5_host_dir, zk5_saved);
}

/* Saves zk5's conf and data, writes its dynamic file from cfg (the
 * ensemble's membership, which already has server 5), starts it and
 * returns its pid. */
static pid_t start_zk5(const zk_config *cfg)
{
    snprintf(zk5_host_dir, sizeof zk5_host_dir, "%s/hosts/zk5", lab_dir);
    snprintf(zk5_saved, sizeof zk5_saved, "%s/labtest_zk/zk5-saved", lab_dir);
    assert_int_equal(sh("rm -rf '%s' && mkdir -p '%s' && cp -a '%s/conf' '%s/data' '%s/'",
                        zk5_saved, zk5_saved, zk5_host_dir, zk5_host_dir, zk5_saved),
                     0);
    zk5_saved_ok = true;
    /* membership: the servers of /zookeeper/config; the version is the
     * file name's business, never a line in it */
    dr_buf dyn = DR_BUF_INIT;
    for (size_t i = 0; i < cfg->membership.n; i++) {
        fourlw_member_format(&cfg->membership.members[i], &dyn);
        dr_buf_putc(&dyn, '\n');
    }
    char p[900];
    snprintf(p, sizeof p, "%s/conf/zoo.cfg.dynamic", zk5_host_dir);
    assert_int_equal(write_text(p, dyn.data), 0);
    dr_buf_free(&dyn);
    zk5_started = true;
    if (hostctl("start") != 0)
        fail_msg("hostctl start zk5 failed: see %s/hostctl.log and %s/log/server.log", zk5_saved,
                 zk5_host_dir);
    snprintf(p, sizeof p, "%s/run/server.pid", zk5_host_dir);
    dr_buf pid = DR_BUF_INIT;
    dr_err e = {0};
    assert_int_equal(dr_read_file(p, &pid, &e), DR_OK);
    pid_t v = (pid_t)atoi(pid.data);
    dr_buf_free(&pid);
    return v;
}

/* Stops zk5 by its recorded pid and puts its saved files back. */
static void stop_zk5(void)
{
    if (zk5_started) {
        if (hostctl("stop") != 0)
            hostctl("kill");
        zk5_started = false;
    }
    if (zk5_saved_ok) {
        sh("rm -rf '%s/conf' '%s/data' && cp -a '%s/conf' '%s/data' '%s/'", zk5_host_dir,
           zk5_host_dir, zk5_saved, zk5_saved, zk5_host_dir);
        zk5_saved_ok = false;
    }
}

static int teardown_reconfig(void **state)
{
    (void)state;
    /* after a failure half-way: server 5 is never in the lab's initial
     * topology, so take it out again if it is there, and stop it */
    zk_options o = {.connect_timeout_ms = 15000, .secret_file = secret};
    zk_session *s = NULL;
    dr_err e = {0};
    if (zk_open(ensemble, &o, &s, &e) == 0) {
        zk_config c;
        if (zk_config_get(s, &c, &e) == 0 && fourlw_membership_find(&c.membership, 5))
            zk_reconfig(s, NULL, "5", -1, NULL, &e);
        zk_config_free(&c);
        zk_close(s);
    }
    stop_zk5();
    return 0;
}

static void test_reconfig_add_remove_observer(void **state)
{
    (void)state;
    zk_session *s = open_or_fail(ensemble, true);
    dr_err e = {0};
    zk_config before;
    if (zk_config_get(s, &before, &e))
        fail_msg("%s", e.msg);
    assert_int_equal(before.membership.n, 4);
    assert_null(fourlw_membership_find(&before.membership, 5));

    /* an observer does not count for the quorum: add it, then start it
     * with the new membership, so it never has a config the leader lacks */
    char line[300];
    snprintf(line, sizeof line, "server.5=%s:2888:3888:observer;%s:2181", host[5], host[5]);
    zk_config added;
    int64_t t0 = dr_now_ms();
    if (zk_reconfig(s, line, NULL, (int64_t)before.membership.version, &added, &e))
        fail_msg("%s", e.msg);
    print_message("  reconfig add: %lld ms\n", (long long)(dr_now_ms() - t0));
    assert_int_equal(added.membership.n, 5);
    const fourlw_member *m5 = fourlw_membership_find(&added.membership, 5);
    assert_non_null(m5);
    assert_int_equal(m5->role, FOURLW_ROLE_OBSERVER);
    assert_true(added.membership.version > before.membership.version);
    /* a change based on the old version is refused */
    assert_int_equal(zk_reconfig(s, NULL, "5", (int64_t)before.membership.version, NULL, &e),
                     DR_ECONFLICT);

    pid_t zk5_pid = start_zk5(&added);
    t0 = dr_now_ms();
    if (wait_mode(host[5], FOURLW_MODE_OBSERVER, 90000, &e))
        fail_msg("zk5 did not become an observer: %s (see %s/log/server.log)", e.msg, zk5_host_dir);
    print_message("  zk5 (pid %d) observer after %lld ms\n", (int)zk5_pid,
                  (long long)(dr_now_ms() - t0));
    /* membership in /zookeeper/config, read again after zk5 joined */
    zk_config now;
    assert_int_equal(zk_config_get(s, &now, &e), DR_OK);
    assert_int_equal(now.membership.n, 5);
    assert_true(now.membership.version == added.membership.version);
    assert_int_equal(fourlw_membership_find(&now.membership, 5)->role, FOURLW_ROLE_OBSERVER);
    zk_config_free(&now);
    /* membership seen through the new server itself */
    fourlw_conf c5;
    assert_int_equal(fourlw_get_conf(host[5], 2181, 3000, &c5, &e), DR_OK);
    assert_int_equal(c5.server_id, 5);
    assert_int_equal(c5.membership.n, 5);
    assert_int_equal(fourlw_membership_find(&c5.membership, 5)->role, FOURLW_ROLE_OBSERVER);
    fourlw_conf_free(&c5);
    /* data written through the ensemble is readable through zk5 */
    char zk5[100], path[200];
    snprintf(zk5, sizeof zk5, "%s:2181", host[5]);
    snprintf(path, sizeof path, "%s/marker5", base);
    assert_int_equal(zk_marker_write(s, path, "via-zk5", &e), DR_OK);
    zk_session *r = open_or_fail(zk5, false);
    zk_marker m;
    if (zk_marker_read(r, path, &m, &e))
        fail_msg("%s", e.msg);
    assert_string_equal(m.run_id, "via-zk5");
    zk_marker_free(&m);
    zk_close(r);
    assert_int_equal(zk_delete(s, path, -1, &e), DR_OK);
    assert_int_equal(zk_delete(s, base, -1, &e), DR_OK);

    /* remove it and stop it by its pid: the lab is back to its topology */
    zk_config removed;
    if (zk_reconfig(s, NULL, "5", -1, &removed, &e))
        fail_msg("%s", e.msg);
    assert_int_equal(removed.membership.n, 4);
    assert_null(fourlw_membership_find(&removed.membership, 5));
    for (size_t i = 0; i < 4; i++) {
        const fourlw_member *a = &before.membership.members[i];
        const fourlw_member *b = fourlw_membership_find(&removed.membership, a->id);
        assert_non_null(b);
        assert_string_equal(a->host, b->host);
        assert_int_equal(a->role, b->role);
    }
    stop_zk5();
    assert_int_equal(wait_mode(host[5], FOURLW_MODE_UNKNOWN, 10000, &e), 0);
    zk_config after;
    assert_int_equal(zk_config_get(s, &after, &e), DR_OK);
    assert_int_equal(after.membership.n, 4);
    assert_int_equal(wait_mode(host[4], FOURLW_MODE_OBSERVER, 10000, &e), 0);
    zk_config_free(&after);
    zk_config_free(&removed);
    zk_config_free(&added);
    zk_config_free(&before);
    zk_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_crud),
        cmocka_unit_test(test_marker_through_observer),
        cmocka_unit_test(test_lock),
        cmocka_unit_test(test_config_and_reconfig_without_super),
        cmocka_unit_test(test_lua_binding_gated),
        cmocka_unit_test_teardown(test_reconfig_add_remove_observer, teardown_reconfig),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
