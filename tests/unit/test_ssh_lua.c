/* Unit tests for the dr.ssh binding without an SSH server: misuse raises,
 * the effect gate sees every mutating call (and a rehearsal connects to
 * nothing), probes are never gated, and failures come back as nil, msg, code. */
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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "effect.h"
#include "ssh_lua.h"

typedef struct recorder {
    int calls, done_calls;
    dr_effect_kind kind;
    char host[128], summary[256];
    const char *refuse_host; /* the gate refuses this host */
    int decision;
} recorder;

static int gate(void *ud, const dr_effect *e, dr_err *err)
{
    recorder *r = ud;
    r->calls++;
    r->kind = e->kind;
    snprintf(r->host, sizeof r->host, "%s", e->host);
    snprintf(r->summary, sizeof r->summary, "%s", e->summary);
    if (r->refuse_host && strcmp(e->host, r->refuse_host) == 0)
        return dr_err_set(err, DR_EREFUSED, "journal full for %s", e->host);
    return r->decision;
}

static void done(void *ud, const dr_effect *e, int rc, const char *detail)
{
    (void)e, (void)rc, (void)detail;
    ((recorder *)ud)->done_calls++;
}

typedef struct fixture {
    lua_State *L;
    recorder rec;
    dr_effect_hooks hooks;
    int closed_port;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->L = luaL_newstate();
    luaL_openlibs(f->L);
    luaL_requiref(f->L, "dr.ssh", luaopen_dr_ssh, 0);
    lua_setglobal(f->L, "ssh");
    f->rec.decision = DR_EFFECT_SIMULATE;
    f->hooks = (dr_effect_hooks){.gate = gate, .done = done, .ud = &f->rec};
    dr_effect_install(f->L, &f->hooks);
    /* A local port with nobody listening: bind, note, close. */
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    bind(fd, (struct sockaddr *)&a, sizeof a);
    getsockname(fd, (struct sockaddr *)&a, &len);
    f->closed_port = ntohs(a.sin_port);
    close(fd);
    char code[512];
    const char *data = getenv("DRCTL_TESTDATA");
    snprintf(code, sizeof code,
             "KH = '%s/ssh/known_hosts'\n"
             "DEAD = '127.0.0.1:%d'\n"
             "P = assert(ssh.pool{known_hosts = KH, identity = '/nonexistent/key', user = 'u',\n"
             "                    connect_timeout = 2})\n",
             data ? data : "tests/data", f->closed_port);
    if (luaL_dostring(f->L, code) != LUA_OK) {
        fprintf(stderr, "%s\n", lua_tostring(f->L, -1));
        return -1;
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    lua_close(f->L);
    free(f);
    return 0;
}

/* Runs code, which must succeed (assert inside it). */
static void run_ok(fixture *f, const char *code)
{
    if (luaL_dostring(f->L, code) != LUA_OK)
        fail_msg("%s", lua_tostring(f->L, -1));
}

/* Runs code, which must raise an error containing want. */
static void run_raises(fixture *f, const char *code, const char *want)
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
    fixture *f = *state;
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
    fixture *f = *state;
    run_ok(f, "local r = assert(P:exec(DEAD, 'systemctl stop zookeeper'))\n"
              "assert(r.simulated == true and r.status == 0 and r.stdout == '' and r.ok)\n");
    assert_int_equal(f->rec.calls, 1);
    assert_int_equal(f->rec.done_calls, 0);
    assert_int_equal(f->rec.kind, DR_EFFECT_EXEC);
    assert_string_equal(f->rec.summary, "systemctl stop zookeeper");
    assert_non_null(strstr(f->rec.host, "127.0.0.1:"));
}

static void test_probe_is_never_gated(void **state)
{
    fixture *f = *state;
    /* It really tries (and fails: nobody listens), even in a rehearsal. */
    run_ok(f, "local r, err, code = P:probe(DEAD, 'cat /etc/hostname')\n"
              "assert(r == nil, 'probe should have failed')\n"
              "assert(err:find('Connection refused'), err)\n"
              "assert(code == 'i/o error', code)\n");
    assert_int_equal(f->rec.calls, 0);
}

static void test_real_exec_failure_is_nil_msg_code(void **state)
{
    fixture *f = *state;
    f->rec.decision = DR_EFFECT_PERFORM;
    run_ok(f, "local r, err, code = P:exec(DEAD, 'true')\n"
              "assert(r == nil and err:find('connect to u@127.0.0.1:') and code == 'i/o error',"
              "       tostring(err))\n");
    assert_int_equal(f->rec.calls, 1);
    assert_int_equal(f->rec.done_calls, 1);
}

static void test_exec_many_per_host_decisions(void **state)
{
    fixture *f = *state;
    f->rec.refuse_host = "10.9.9.9";
    run_ok(f,
           "local rs = P:exec_many({DEAD, '10.9.9.9', 'other'}, 'reboot')\n"
           "assert(#rs == 3)\n"
           "assert(rs[1].simulated and rs[1].ok and rs[1].status == 0)\n"
           "assert(not rs[2].ok and rs[2].error:find('journal full') and rs[2].code == 'refused')\n"
           "assert(rs[3].simulated and rs[3].host == 'other')\n");
    assert_int_equal(f->rec.calls, 3);
}

static void test_write_reads_before_gating(void **state)
{
    fixture *f = *state;
    /* The current content is read first (for the checkpoint); when that is
     * impossible the write stops before the gate is even asked. */
    run_ok(f, "local r, err, code = P:write_file(DEAD, '/etc/zoo.cfg', 'x')\n"
              "assert(r == nil and err:find('Connection refused') and code == 'i/o error')\n"
              "local r2, err2 = P:read_file(DEAD, 'relative')\n"
              "assert(r2 == nil and err2:find('absolute'))\n");
    assert_int_equal(f->rec.calls, 0);
}

static void test_close_variants(void **state)
{
    fixture *f = *state;
    run_ok(f, "do local q <close> = ssh.pool{known_hosts=KH, identity='/k'} end\n"
              "local q = ssh.pool{known_hosts=KH, identity='/k'}\n"
              "assert(tostring(q):find('open')); q:close(); assert(tostring(q):find('closed'))\n"
              "local bad, err, code = ssh.pool{known_hosts=KH}\n"
              "assert(bad == nil and err:find('key file') and code == 'invalid')\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_misuse_raises, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rehearsal_exec_is_gated_and_connects_nowhere, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_probe_is_never_gated, setup, teardown),
        cmocka_unit_test_setup_teardown(test_real_exec_failure_is_nil_msg_code, setup, teardown),
        cmocka_unit_test_setup_teardown(test_exec_many_per_host_decisions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_write_reads_before_gating, setup, teardown),
        cmocka_unit_test_setup_teardown(test_close_variants, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
