/* Unit tests for the dr.ssh binding without an SSH server: misuse raises,
 * the effect gate sees every mutating call (and a rehearsal connects to
 * nothing), probes are never gated, and failures come back as nil, msg, code. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <lauxlib.h>
#include <lua.h>
#include <string.h>

#include "lua_testlib.h"
#include "ssh_lua.h"

static int setup(void **state)
{
    *state = lt_fixture_new(
        "dr.ssh", luaopen_dr_ssh, "ssh", "ssh",
        "KH = DATA .. '/ssh/known_hosts'\n"
        "DEAD = '127.0.0.1:' .. CLOSED\n"
        "P = assert(ssh.pool{known_hosts = KH, identity = '/nonexistent/key', user = 'u',\n"
        "                    connect_timeout = 2})\n");
    return *state ? 0 : -1;
}

/* Runs code, which must raise an error containing want. */
static void run_raises(lt_fixture *f, const char *code, const char *want)
{
    int rc = luaL_dostring(f->L, code);
    assert_int_not_equal(rc, LUA_OK);
    const char *msg = lua_tostring(f->L, -1);
    if (!msg || !strstr(msg, want))
        fail_msg("error '%s' lacks '%s'", msg ? msg : "(none)", want);
    lua_pop(f->L, 1);
}

static void test_misuse_raises(void **state)
{
    lt_fixture *f = *state;
    run_raises(f, "ssh.pool()", "table expected");
    run_raises(f, "ssh.pool{identity='/k'}", "known_hosts");
    run_raises(f, "ssh.pool{known_hosts=KH, identity='/k', port='x'}", "port");
    run_raises(f, "ssh.pool{known_hosts=KH, identity='/k', exec_timeout=-1}", "exec_timeout");
    run_raises(f, "P:exec('h')", "bad argument #2 to 'exec'");
    run_raises(f, "P:exec_many('h', 'true')", "bad argument #1 to 'exec_many'");
    run_raises(f, "P:exec_many({'a', 3, {}}, 'true')", "array of host names");
    run_raises(f, "P:write_file('h', '/x')", "bad argument #3 to 'write_file'");
    run_raises(f, "P:write_file('h', '/x', 'c', {mode = 99999})", "mode");
    run_raises(f, "P.exec(42, 'h', 'true')", "dr.ssh.pool expected");
    run_raises(f,
               "local q = ssh.pool{known_hosts=KH, identity='/k'}; q:close(); q:close();"
               "q:exec('h', 'true')",
               "closed ssh pool");
}

static void test_rehearsal_exec_is_gated_and_connects_nowhere(void **state)
{
    lt_fixture *f = *state;
    lt_run(f->L, "local r = assert(P:exec(DEAD, 'systemctl stop zookeeper'))\n"
                 "assert(r.simulated == true and r.status == 0 and r.stdout == '' and r.ok)\n");
    assert_int_equal(f->rec.calls, 1);
    assert_int_equal(f->rec.done_calls, 0);
    assert_int_equal(f->rec.kind, DR_EFFECT_EXEC);
    assert_string_equal(f->rec.summary, "systemctl stop zookeeper");
    assert_non_null(strstr(f->rec.host, "127.0.0.1:"));
}

static void test_probe_is_never_gated(void **state)
{
    lt_fixture *f = *state;
    /* It really tries (and fails: nobody listens), even in a rehearsal. */
    lt_run(f->L, "local r, err, code = P:probe(DEAD, 'cat /etc/hostname')\n"
                 "assert(r == nil, 'probe should have failed')\n"
                 "assert(err:find('Connection refused'), err)\n"
                 "assert(code == 'i/o error', code)\n");
    assert_int_equal(f->rec.calls, 0);
}

static void test_real_exec_failure_is_nil_msg_code(void **state)
{
    lt_fixture *f = *state;
    f->rec.decision = DR_EFFECT_PERFORM;
    lt_run(f->L, "local r, err, code = P:exec(DEAD, 'true')\n"
                 "assert(r == nil and err:find('connect to u@127.0.0.1:') and code == 'i/o error',"
                 "       tostring(err))\n");
    assert_int_equal(f->rec.calls, 1);
    assert_int_equal(f->rec.done_calls, 1);
}

static void test_exec_many_per_host_decisions(void **state)
{
    lt_fixture *f = *state;
    f->rec.refuse_host = "10.9.9.9";
    lt_run(
        f->L,
        "local rs = P:exec_many({DEAD, '10.9.9.9', 'other'}, 'reboot')\n"
        "assert(#rs == 3)\n"
        "assert(rs[1].simulated and rs[1].ok and rs[1].status == 0)\n"
        "assert(not rs[2].ok and rs[2].error:find('journal refused') and rs[2].code == 'refused')\n"
        "assert(rs[3].simulated and rs[3].host == 'other')\n");
    assert_int_equal(f->rec.calls, 3);
}

static void test_write_reads_before_gating(void **state)
{
    lt_fixture *f = *state;
    /* The current content is read first (for the checkpoint); when that is
     * impossible the write stops before the gate is even asked. */
    lt_run(f->L, "local r, err, code = P:write_file(DEAD, '/etc/zoo.cfg', 'x')\n"
                 "assert(r == nil and err:find('Connection refused') and code == 'i/o error')\n"
                 "local r2, err2 = P:read_file(DEAD, 'relative')\n"
                 "assert(r2 == nil and err2:find('absolute'))\n");
    assert_int_equal(f->rec.calls, 0);
}

static void test_close_variants(void **state)
{
    lt_fixture *f = *state;
    lt_run(f->L, "do local q <close> = ssh.pool{known_hosts=KH, identity='/k'} end\n"
                 "local q = ssh.pool{known_hosts=KH, identity='/k'}\n"
                 "assert(tostring(q):find('open')); q:close(); assert(tostring(q):find('closed'))\n"
                 "local bad, err, code = ssh.pool{known_hosts=KH}\n"
                 "assert(bad == nil and err:find('key file') and code == 'invalid')\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_misuse_raises, setup, lt_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_rehearsal_exec_is_gated_and_connects_nowhere, setup,
                                        lt_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_probe_is_never_gated, setup, lt_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_real_exec_failure_is_nil_msg_code, setup,
                                        lt_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_exec_many_per_host_decisions, setup,
                                        lt_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_write_reads_before_gating, setup, lt_fixture_teardown),
        cmocka_unit_test_setup_teardown(test_close_variants, setup, lt_fixture_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
