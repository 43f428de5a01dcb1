/* Lab tests for fourlw against the lab's real ZooKeeper servers: the roles
 * of zk1..zk4 (one leader, two followers, one observer) seen through srvr,
 * mntr and conf, asked in parallel, and zk5 (a spare, not running) refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "fourlw.h"
#include "fourlw_lua.h"

#define NZK 5
static char lab_net[64];
static char hosts[NZK][80];

/* Waits (polling with backoff) until zk1..zk4 serve and one of them leads;
 * the lab fixture has started them, but an election may still be on. */
static int wait_ensemble(int timeout_ms)
{
    int64_t deadline = dr_now_ms() + timeout_ms;
    int delay = 50;
    for (;;) {
        fourlw_probe p[4];
        for (int i = 0; i < 4; i++)
            p[i] = (fourlw_probe){.host = hosts[i], .port = 2181};
        fourlw_query_many(p, 4, "srvr", 2000);
        int serving = 0;
        for (int i = 0; i < 4; i++) {
            fourlw_srvr s;
            if (p[i].rc == DR_OK &&
                fourlw_parse_srvr(hosts[i], p[i].answer.data, p[i].answer.len, &s, NULL) == 0 &&
                s.serving)
                serving++;
            if (p[i].rc == DR_OK)
                fourlw_srvr_free(&s);
            fourlw_probe_free(&p[i]);
        }
        if (serving == 4)
            return 0;
        if (dr_now_ms() + delay > deadline)
            return -1;
        struct timespec ts = {0, (long)delay * 1000000L};
        nanosleep(&ts, NULL); /* backoff between polls, bounded by the deadline */
        delay = delay < 800 ? delay * 2 : 800;
    }
}

static int setup(void **state)
{
    (void)state;
    const char *net = getenv("DRCTL_LAB_NET");
    snprintf(lab_net, sizeof lab_net, "%s", net ? net : "127.0.0");
    for (int i = 0; i < NZK; i++)
        snprintf(hosts[i], sizeof hosts[i], "%s.%d", lab_net, 11 + i);
    if (wait_ensemble(60000)) {
        fprintf(stderr, "labtest_fourlw: zk1..zk4 on %s.11-14 are not all serving\n", lab_net);
        return -1;
    }
    return 0;
}

static void test_roles_in_parallel(void **state)
{
    (void)state;
    fourlw_probe p[NZK];
    for (int i = 0; i < NZK; i++)
        p[i] = (fourlw_probe){.host = hosts[i], .port = 2181};
    int failed = fourlw_query_many(p, NZK, "srvr", 3000);
    assert_int_equal(failed, 1);
    int leaders = 0, followers = 0;
    uint32_t epoch = 0;
    for (int i = 0; i < 4; i++) {
        assert_int_equal(p[i].rc, DR_OK);
        fourlw_srvr s;
        dr_err e = {0};
        if (fourlw_parse_srvr(hosts[i], p[i].answer.data, p[i].answer.len, &s, &e))
            fail_msg("%s", e.msg);
        assert_true(s.serving);
        assert_int_equal(s.flavor, FOURLW_FLAVOR_ZOOKEEPER);
        if (i < 3) {
            assert_true(s.mode == FOURLW_MODE_LEADER || s.mode == FOURLW_MODE_FOLLOWER);
            if (s.mode == FOURLW_MODE_LEADER) {
                leaders++;
                epoch = s.zxid.epoch;
            } else {
                followers++;
            }
        } else {
            assert_int_equal(s.mode, FOURLW_MODE_OBSERVER);
        }
        assert_true(s.node_count >= 4);
        fourlw_srvr_free(&s);
    }
    assert_int_equal(leaders, 1);
    assert_int_equal(followers, 2);
    assert_true(epoch >= 1);
    /* zk5 is a spare that is not running */
    assert_int_equal(p[4].rc, DR_EREFUSED);
    char want[128];
    snprintf(want, sizeof want, "%s:2181: connect: Connection refused", hosts[4]);
    assert_string_equal(p[4].err.msg, want);
    for (int i = 0; i < NZK; i++) {
        print_message("  %s srvr: rc=%d in %lld ms\n", hosts[i], p[i].rc,
                      (long long)p[i].elapsed_ms);
        fourlw_probe_free(&p[i]);
    }
}

static void test_mntr_and_conf(void **state)
{
    (void)state;
    int leader = -1;
    for (int i = 0; i < 4; i++) {
        fourlw_mntr m;
        dr_err e = {0};
        if (fourlw_get_mntr(hosts[i], 2181, 3000, &m, &e))
            fail_msg("%s", e.msg);
        assert_true(m.serving);
        if (m.mode == FOURLW_MODE_LEADER) {
            leader = i;
            int64_t v;
            assert_int_equal(fourlw_mntr_learners(&m, &v), DR_OK);
            assert_int_equal(v, 3);
            assert_int_equal(fourlw_mntr_get_int(&m, "zk_synced_followers", &v), DR_OK);
            assert_int_equal(v, 2);
            assert_int_equal(fourlw_mntr_get_int(&m, "zk_synced_observers", &v), DR_OK);
            assert_int_equal(v, 1);
        }
        if (i == 3)
            assert_int_equal(m.mode, FOURLW_MODE_OBSERVER);
        fourlw_mntr_free(&m);

        fourlw_conf c;
        if (fourlw_get_conf(hosts[i], 2181, 3000, &c, &e))
            fail_msg("%s", e.msg);
        assert_int_equal(c.server_id, i + 1);
        assert_int_equal(c.membership.n, 4);
        assert_true(c.membership.has_version);
        const fourlw_member *me = fourlw_membership_find(&c.membership, i + 1);
        assert_non_null(me);
        assert_string_equal(me->host, hosts[i]);
        assert_int_equal(me->role, i == 3 ? FOURLW_ROLE_OBSERVER : FOURLW_ROLE_PARTICIPANT);
        assert_null(fourlw_membership_find(&c.membership, 5));
        fourlw_conf_free(&c);

        assert_int_equal(fourlw_get_ruok(hosts[i], 2181, 3000, &e), DR_OK);
        fourlw_isro ro;
        assert_int_equal(fourlw_get_isro(hosts[i], 2181, 3000, &ro, &e), DR_OK);
        assert_int_equal(ro, FOURLW_ISRO_RW);
    }
    assert_true(leader >= 0 && leader < 3);
    dr_err e = {0};
    fourlw_srvr s;
    assert_int_equal(fourlw_get_srvr(hosts[4], 2181, 2000, &s, &e), DR_EREFUSED);
    fourlw_srvr_free(&s);
}

/* The Lua binding's parallel probe, as a status command would use it. */
static void test_lua_probe(void **state)
{
    (void)state;
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    luaL_requiref(L, "dr.fourlw", luaopen_dr_fourlw, 0);
    lua_setglobal(L, "fourlw");
    char code[2048];
    snprintf(code, sizeof code,
             "local t = {}\n"
             "for i = 11, 15 do t[#t + 1] = '%s.' .. i .. ':2181' end\n"
             "local r = fourlw.probe(t, 'mntr', 3)\n"
             "local modes = {}\n"
             "for i = 1, 4 do\n"
             "  assert(r[i].ok, r[i].error)\n"
             "  modes[r[i].result.mode] = (modes[r[i].result.mode] or 0) + 1\n"
             "  if r[i].result.mode == 'leader' then\n"
             "    assert(r[i].result.learners == 3 and r[i].result.synced_observers == 1)\n"
             "  end\n"
             "end\n"
             "assert(modes.leader == 1 and modes.follower == 2 and modes.observer == 1)\n"
             "assert(r[4].result.mode == 'observer')\n"
             "assert(not r[5].ok and r[5].code == 'refused', r[5].error)\n"
             "local c = assert(fourlw.conf('%s.14'))\n"
             "assert(c.server_id == 4 and #c.members == 4)\n"
             "assert(fourlw.isro('%s.11') == 'rw' and fourlw.ruok('%s.12') == true)\n",
             lab_net, lab_net, lab_net, lab_net);
    if (luaL_dostring(L, code) != LUA_OK)
        fail_msg("lua: %s", lua_tostring(L, -1));
    lua_close(L);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_roles_in_parallel),
        cmocka_unit_test(test_mntr_and_conf),
        cmocka_unit_test(test_lua_probe),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
