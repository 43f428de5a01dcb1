/* Unit tests for the dr.zk binding without a ZooKeeper server: misuse
 * raises, a failed connect is nil, "what: why", code, and a closed session
 * refuses to be used.  Gated writes are tested in tests/lab/labtest_zk.c
 * against the real ensemble. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "lua_testlib.h"
#include "zk_lua.h"

static void test_connect_and_misuse(void **state)
{
    (void)state;
    lua_State *L = lt_state("dr.zk", luaopen_dr_zk, "zk", "zk", NULL);
    assert_non_null(L);
    lua_pushinteger(L, lt_closed_port());
    lua_setglobal(L, "CLOSED");
    lt_run(L, "raises(function() zk.connect() end, 'bad argument #1')\n"
              "raises(function() zk.connect('h:1', 5) end, 'table expected')\n"
              "raises(function() zk.connect('h:1', {timeout = -1}) end, \"bad field 'timeout'\")\n"
              "raises(function() zk.connect('h:1', {secret_file = 3}) end, 'string expected')\n"
              "local s, err, code = zk.connect('bad list', {timeout = 0.2})\n"
              "assert(s == nil and code == 'invalid', err)\n"
              "local t0 = os.clock()\n"
              "s, err, code = zk.connect('127.0.0.1:' .. CLOSED, {timeout = 0.5})\n"
              "assert(s == nil and code == 'timeout', err)\n"
              "assert(err:find('no session within 500 ms', 1, true), err)\n"
              "assert(err:find('Connection refused', 1, true), err)\n"
              "s, err, code = zk.connect('127.0.0.1:' .. CLOSED,\n"
              "                          {timeout = 0.2, secret_file = '/nonexistent/secret'})\n"
              "assert(s == nil and code == 'authentication', err)\n");
    lua_close(L);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_connect_and_misuse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
