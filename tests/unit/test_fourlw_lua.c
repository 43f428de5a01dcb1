/* Unit tests for the dr.fourlw binding: parsed tables from captured answers,
 * "not serving" as a result and the whitelist as an error, misuse raising,
 * the parallel probe against loopback listeners, and rcvr (the one word that
 * changes a server) going through the effect gate. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fourlw_lua.h"
#include "lua_testlib.h"

static int setup(void **state)
{
    *state = lt_fixture_new("dr.fourlw", luaopen_dr_fourlw, "fourlw", "fourlw", NULL);
    return *state ? 0 : -1;
}

static void test_parse_tables(void **state)
{
    lt_fixture *f = *state;
    lt_run(f->L, "local t = assert(fourlw.parse('srvr', load('zk38-leader-after-writes.srvr')))\n"
                 "assert(t.serving == true and t.mode == 'leader' and t.flavor == 'zookeeper')\n"
                 "assert(t.zxid == 0x10000009f and t.epoch == 1 and t.counter == 0x9f)\n"
                 "assert(t.node_count == 5 and t.latency.max == 147 and t.received == 109)\n"
                 "local m = assert(fourlw.parse('mntr', load('zk38-leader.mntr')))\n"
                 "assert(m.mode == 'leader' and m.learners == 3 and m.synced_followers == 2)\n"
                 "assert(m.synced_observers == 1 and m.values.zk_quorum_size == 3)\n"
                 "assert(m.values.zk_peer_state == 'leading - broadcast')\n"
                 "local k = assert(fourlw.parse('mntr', load('keeper-leader.mntr')))\n"
                 "assert(k.flavor == 'clickhouse-keeper' and k.learners == 0)\n"
                 "local c = assert(fourlw.parse('conf', load('zk38-observer.conf')))\n"
                 "assert(c.server_id == 4 and #c.members == 4 and c.version == 0x100000000)\n"
                 "assert(c.members[4].role == 'observer' and c.members[4].client_port == 2181)\n"
                 "assert(c.values.clientPort == '2181')\n"
                 "assert(fourlw.parse('isro', 'ro\\n') == 'ro')\n"
                 "assert(fourlw.parse('ruok', 'imok') == true)\n"
                 "local l = assert(fourlw.parse('lgif', load('keeper.lgif')))\n"
                 "assert(l.last_log_idx == 101)\n");
}

static void test_not_serving_and_whitelist(void **state)
{
    lt_fixture *f = *state;
    lt_run(
        f->L,
        "local t = assert(fourlw.parse('srvr', load('zk38-notserving.srvr')))\n"
        "assert(t.serving == false and t.mode == 'not-serving')\n"
        "assert(fourlw.parse('isro', load('zk38-notserving.isro')) == 'not-serving')\n"
        "local v, err, code = fourlw.parse('mntr', load('zk38-whitelist.mntr'))\n"
        "assert(v == nil and code == 'refused', tostring(err))\n"
        "assert(err:find('4lw.commands.whitelist', 1, true))\n"
        "v, err, code = fourlw.parse('srvr', 'garbage')\n"
        "assert(v == nil and code == 'parse error' and err:find('srvr:1:1: expected', 1, true))\n");
}

static void test_misuse_raises(void **state)
{
    lt_fixture *f = *state;
    lt_run(f->L, "raises(function() fourlw.srvr() end, 'bad argument #1')\n"
                 "raises(function() fourlw.srvr('h', 70000) end, 'port between 1 and 65535')\n"
                 "raises(function() fourlw.srvr('h', 2181, -1) end, 'timeout in seconds')\n"
                 "raises(function() fourlw.probe('x', 'srvr') end, 'table expected')\n"
                 "raises(function() fourlw.probe({}, 'rcvr') end, 'invalid option')\n"
                 "raises(function() fourlw.probe({42}, 'srvr') end, 'bad target #1')\n"
                 "raises(function() fourlw.probe({'h:0'}, 'srvr') end, 'bad target #1')\n"
                 "raises(function() fourlw.parse('zzzz', '') end, 'invalid option')\n");
}

static void test_refused(void **state)
{
    lt_fixture *f = *state;
    lt_run(f->L, "local v, err, code = fourlw.srvr('127.0.0.1', CLOSED, 1)\n"
                 "assert(v == nil and code == 'refused')\n"
                 "assert(err == '127.0.0.1:' .. CLOSED .. ': connect: Connection refused', err)\n");
    assert_int_equal(f->rec.calls, 0); /* reads are never gated */
}

static int listen_any(int *port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
    assert_int_equal(listen(fd, 4), 0);
    socklen_t l = sizeof a;
    getsockname(fd, (struct sockaddr *)&a, &l);
    *port = ntohs(a.sin_port);
    return fd;
}

static pid_t serve_once(int lfd, const char *answer)
{
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        int c = accept(lfd, NULL, NULL);
        char w[4];
        size_t got = 0;
        while (c >= 0 && got < 4) {
            ssize_t r = read(c, w + got, 4 - got);
            if (r <= 0)
                break;
            got += (size_t)r;
        }
        size_t n = strlen(answer);
        if (c >= 0 && write(c, answer, n) != (ssize_t)n)
            _exit(1);
        _exit(0);
    }
    return pid;
}

static void test_probe(void **state)
{
    lt_fixture *f = *state;
    int p1, p2;
    int l1 = listen_any(&p1), l2 = listen_any(&p2);
    pid_t c1 = serve_once(l1, "Zookeeper version: 3.8.0\nZxid: 0x5\nMode: follower\n");
    pid_t c2 = serve_once(l2, "This ZooKeeper instance is not currently serving requests\n");
    char code[1024];
    snprintf(code, sizeof code,
             "local r = fourlw.probe({'127.0.0.1:%d', {host='127.0.0.1', port=%d}, "
             "'127.0.0.1:' .. CLOSED}, 'srvr', 2)\n"
             "assert(#r == 3)\n"
             "assert(r[1].ok and r[1].result.mode == 'follower' and r[1].result.zxid == 5)\n"
             "assert(r[1].host == '127.0.0.1' and r[1].port == %d and r[1].elapsed >= 0)\n"
             "assert(r[2].ok and r[2].result.serving == false)\n"
             "assert(not r[3].ok and r[3].code == 'refused' and r[3].error:find('refused'))\n",
             p1, p2, p1);
    lt_run(f->L, code);
    waitpid(c1, NULL, 0);
    waitpid(c2, NULL, 0);
    close(l1);
    close(l2);
}

static void test_rcvr_is_gated(void **state)
{
    lt_fixture *f = *state;
    /* rehearsal: recorded, not sent (the port is closed, so a send would fail) */
    lt_run(f->L, "assert(fourlw.rcvr('127.0.0.1', CLOSED) == true)");
    assert_int_equal(f->rec.calls, 1);
    assert_int_equal(f->rec.kind, DR_EFFECT_ZK_RECONFIG);
    assert_int_equal(f->rec.done_calls, 0);
    assert_non_null(strstr(f->rec.summary, "rcvr"));
    /* the engine refuses: nothing sent, the refusal comes back */
    f->rec.decision = DR_EREFUSED;
    lt_run(f->L, "local v, err, code = fourlw.rcvr('127.0.0.1', CLOSED)\n"
                 "assert(v == nil and code == 'refused' and err:find('journal refused'))");
    assert_int_equal(f->rec.done_calls, 0);
    /* performed: it is sent, and its failure reported to the engine */
    f->rec.decision = DR_EFFECT_PERFORM;
    lt_run(f->L, "local v, err, code = fourlw.rcvr('127.0.0.1', CLOSED)\n"
                 "assert(v == nil and code == 'refused')");
    assert_int_equal(f->rec.done_calls, 1);
    assert_int_equal(f->rec.last_rc, DR_EREFUSED);
    int p;
    int l = listen_any(&p);
    pid_t c = serve_once(l, "ok");
    char code[256];
    snprintf(code, sizeof code, "assert(fourlw.rcvr('127.0.0.1', %d) == true)", p);
    lt_run(f->L, code);
    assert_int_equal(f->rec.done_calls, 2);
    assert_int_equal(f->rec.last_rc, DR_OK);
    waitpid(c, NULL, 0);
    close(l);
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_parse_tables, setup, lt_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_not_serving_and_whitelist, setup, lt_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_misuse_raises, setup, lt_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_refused, setup, lt_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_probe, setup, lt_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_rcvr_is_gated, setup, lt_fixture_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
