/* Unit tests for the dr.zk binding without a ZooKeeper server: misuse
 * raises, a failed connect is nil, "what: why", code, and a closed session
 * refuses to be used.  Gated writes are tested in tests/lab/labtest_zk.c
 * against the real ensemble. */
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

#include "zk_lua.h"

static int closed_port(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    bind(fd, (struct sockaddr *)&a, sizeof a);
    getsockname(fd, (struct sockaddr *)&a, &len);
    close(fd);
    return ntohs(a.sin_port);
}

static void run(lua_State *L, const char *code)
{
    if (luaL_dostring(L, code) != LUA_OK)
        fail_msg("lua: %s", lua_tostring(L, -1));
}

static void test_connect_and_misuse(void **state)
{
    (void)state;
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    luaL_requiref(L, "dr.zk", luaopen_dr_zk, 0);
    lua_setglobal(L, "zk");
    lua_pushinteger(L, closed_port());
    lua_setglobal(L, "CLOSED");
    run(L, "function raises(fn, pattern)\n"
           "  local ok, err = pcall(fn)\n"
           "  assert(not ok, 'expected an error')\n"
           "  assert(tostring(err):find(pattern, 1, true), tostring(err))\n"
           "end\n"
           "raises(function() zk.connect() end, 'bad argument #1')\n"
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
