/* Unit tests for the dr.chconf Lua binding: Lua chunks drive it on the golden
 * inputs of tests/data/chconf and check results, failures (nil, msg, code)
 * and misuse (raised "bad argument" errors). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "chconf_lua.h"
#include "util.h"

static lua_State *new_state(void)
{
    lua_State *L = luaL_newstate();
    assert_non_null(L);
    luaL_openlibs(L);
    luaL_requiref(L, "dr.chconf", luaopen_dr_chconf, 0);
    lua_setglobal(L, "chconf");
    const char *dir = getenv("DRCTL_TESTDATA");
    dr_buf p = DR_BUF_INIT;
    dr_buf_printf(&p, "%s/chconf/", dir ? dir : "tests/data");
    lua_pushstring(L, p.data);
    lua_setglobal(L, "DATA");
    dr_buf_free(&p);
    return L;
}

/* Runs a chunk; fails the test with Lua's message when it raises. */
static void run(lua_State *L, const char *chunk)
{
    if (luaL_dostring(L, chunk) != LUA_OK)
        fail_msg("%s", lua_tostring(L, -1));
}

static const char *prelude = "function slurp(name)\n"
                             "  local f = assert(io.open(DATA .. name, 'rb'))\n"
                             "  local s = f:read('a') f:close() return s\n"
                             "end\n";

static void test_lua_zookeeper(void **state)
{
    (void)state;
    lua_State *L = new_state();
    run(L, prelude);
    run(L, "local t = slurp('zookeeper.xml')\n"
           "local zk = assert(chconf.zk_read(t, {file = 'zookeeper.xml'}))\n"
           "assert(zk.found and #zk.nodes == 3 and zk.nodes[2].host == 'zk2.chi.example')\n"
           "assert(zk.nodes[1].port == 2181 and zk.nodes[1].index == '1')\n"
           "assert(zk.settings.session_timeout_ms == '30000')\n"
           "local r = assert(chconf.zk_set_nodes(t, {{host = 'zk4.dal.example', port = 2181},\n"
           "  'zk5.dal.example', {host = 'zk6.dal.example'}}, {file = 'zookeeper.xml'}))\n"
           "assert(r.changed and r.text == slurp('zookeeper.to-dallas.xml'), r.text)\n"
           "assert(r.notes:find('node 1: zk1.chi.example:2181 %-> zk4.dal.example:2181'))\n"
           "local again = assert(chconf.zk_set_nodes(r.text, {'zk4.dal.example',\n"
           "  'zk5.dal.example', 'zk6.dal.example'}))\n"
           "assert(not again.changed and again.text == r.text and again.notes == '')\n"
           "assert(chconf.root(t) == 'clickhouse')\n");
    /* The incl= refusal is an expected failure: nil, message, code. */
    run(L, "local t = slurp('debian-config.xml')\n"
           "local inc = assert(chconf.includes(t))\n"
           "assert(inc.elements.zookeeper.name == 'zookeeper-servers')\n"
           "assert(inc.elements.zookeeper.optional and inc.elements.zookeeper.line == 203)\n"
           "local r, msg, code = chconf.zk_set_nodes(t, {'zk4'}, {file = 'config.xml'})\n"
           "assert(r == nil and code == 'refused', code)\n"
           "assert(msg:find('^config.xml:203: <zookeeper> takes its content'), msg)\n"
           "r = assert(chconf.zk_set_nodes(t, {'zk4.dal.example', 'zk5.dal.example',\n"
           "  'zk6.dal.example'}, {inline = true}))\n"
           "assert(r.text == slurp('debian-config.zookeeper-inline.xml'))\n"
           "local m = assert(chconf.zk_set_nodes(slurp('metrika.xml'), {'zk4.dal.example',\n"
           "  'zk5.dal.example', 'zk6.dal.example'}, {section = 'zookeeper-servers'}))\n"
           "assert(m.text == slurp('metrika.zookeeper-servers.xml'))\n");
    lua_close(L);
}

static void test_lua_remote_servers(void **state)
{
    (void)state;
    lua_State *L = new_state();
    run(L, prelude);
    run(L, "local t = slurp('remote_servers.xml')\n"
           "local rs = assert(chconf.remote_read(t))\n"
           "assert(rs.order[1] == 'cluster1' and rs.order[2] == 'all')\n"
           "local all = rs.clusters.all\n"
           "assert(#all.shards == 1 and #all.shards[1].replicas == 4)\n"
           "assert(all.shards[1].internal_replication == 'true')\n"
           "assert(all.shards[1].replicas[3].host == 'ch1.dal.example')\n"
           "local r = assert(chconf.remote_remove_hosts(t, 'all',\n"
           "  {{host = 'ch1.dal.example', port = 9000}, 'ch2.dal.example'}))\n"
           "assert(r.changed and r.text == slurp('remote_servers.drop-dallas.xml'))\n"
           "r = assert(chconf.remote_add_replica(t, 'cluster1', 1, {host = 'ch3.chi.example'}))\n"
           "assert(r.text == slurp('remote_servers.add-replica.xml'))\n"
           "r = assert(chconf.remote_add_replica(t, 'all', chconf.NEW_SHARD,\n"
           "  {host = 'ch3.chi.example', port = 9000}))\n"
           "assert(r.text == slurp('remote_servers.new-shard.xml'))\n"
           "r = assert(chconf.remote_add_replica(t, 'dallas_only', 1, {host = 'ch1.dal.example',\n"
           "  port = 9000, extra = {{'user', 'drctl'}, {name = 'secure', value = 0}}}))\n"
           "assert(r.text == slurp('remote_servers.new-cluster.xml'), r.text)\n"
           "local p = slurp('remote_servers_per_host.xml')\n"
           "local x, msg, code = chconf.remote_remove_hosts(p, 'all', {'ch1.dal.example',\n"
           "  'ch2.dal.example'})\n"
           "assert(x == nil and code == 'refused' and msg:find('shard 3'), msg)\n"
           "r = assert(chconf.remote_remove_hosts(p, 'all', {'ch1.dal.example',\n"
           "  'ch2.dal.example'}, {drop_empty_shards = true}))\n"
           "assert(r.text == slurp('remote_servers_per_host.drop-dallas.xml'))\n"
           "local chi = {{host = 'ch1.chi.example'}, {host = 'ch2.chi.example'}}\n"
           "local dal = {{host = 'ch1.dal.example'}, {host = 'ch2.dal.example'}}\n"
           "local all2 = {name = 'all', internal_replication = 'true', shards = {chi, dal}}\n"
           "r = assert(chconf.remote_create_cluster(slurp('zookeeper.xml'), all2))\n"
           "assert(r.text == slurp('zookeeper.remote-servers-created.xml'))\n"
           "local c1 = {name = 'cluster1', shards = {chi}}\n"
           "local f = assert(chconf.render_remote_servers('yandex', {c1, all2}))\n"
           "assert(f == slurp('render.remote_servers.xml'))\n");
    lua_close(L);
}

static void test_lua_macros(void **state)
{
    (void)state;
    lua_State *L = new_state();
    run(L, prelude);
    run(L, "local t = slurp('macros.xml')\n"
           "local m = assert(chconf.macros_read(t))\n"
           "assert(m.values.replica == 'chi-prod-01' and m.values.shard == '0')\n"
           "assert(m.order[1] == 'cluster' and m.order[3] == 'replica')\n"
           "local r, msg, code = chconf.macros_set(t, {replica = 'x'})\n"
           "assert(r == nil and code == 'refused', code)\n"
           "assert(msg == \"macros.xml:8: replica is 'chi-prod-01'; changing it to 'x' breaks \"\n"
           "  .. 'the replicated tables of this node (their ZooKeeper path/replica name); '\n"
           "  .. 'use force to do it anyway', msg)\n"
           "r = assert(chconf.macros_set(t, {replica = 'dal-prod-01'}, {force = true}))\n"
           "assert(r.text == slurp('macros.force-replica.xml'))\n"
           /* a map is written in sorted order, pairs in the order given */
           "r = assert(chconf.macros_set(t, {site = 'chicago', layer = 'site-a&b', shard = 0}))\n"
           "assert(r.text == slurp('macros.add.xml'), r.text)\n"
           "r = assert(chconf.macros_set(slurp('zookeeper.xml'), {{'cluster', 'cluster1'},\n"
           "  {'shard', 0}, {'replica', 'dal-prod-02'}}))\n"
           "assert(r.text == slurp('zookeeper.macros-created.xml'))\n"
           "local f = assert(chconf.render_macros('yandex', {{'cluster', 'cluster1'},\n"
           "  {'shard', '0'}, {'replica', 'chi-prod-01'}}))\n"
           "assert(f == slurp('render.macros.xml'))\n"
           "f = assert(chconf.render_zookeeper('clickhouse', {'zk4.dal.example',\n"
           "  'zk5.dal.example', 'zk6.dal.example'}, {{'session_timeout_ms', 30000},\n"
           "  {'root', '/clickhouse'}}, {replace = true}))\n"
           "assert(f == slurp('render.zookeeper.xml'))\n"
           "local x, msg2, code2 = chconf.macros_read('<config/>', {file = 'm.xml'})\n"
           "assert(x == nil and code2 == 'parse error' and msg2:find('^m.xml:1: root element'))\n");
    lua_close(L);
}

static void expect_raise(lua_State *L, const char *chunk, const char *want)
{
    if (luaL_dostring(L, chunk) == LUA_OK)
        fail_msg("no error raised by: %s", chunk);
    const char *msg = lua_tostring(L, -1);
    if (!msg || !strstr(msg, want))
        fail_msg("expected an error with \"%s\", got \"%s\"", want, msg ? msg : "(null)");
    lua_pop(L, 1);
}

static void test_lua_misuse(void **state)
{
    (void)state;
    lua_State *L = new_state();
    expect_raise(L, "chconf.zk_read({}, {})", "bad argument #1 to 'zk_read'");
    expect_raise(L, "chconf.zk_read('<yandex/>', {file = 1})", "field 'file': string expected");
    expect_raise(L, "chconf.zk_set_nodes('<yandex/>', 'zk1')", "bad argument #2 to 'zk_set_nodes'");
    expect_raise(L, "chconf.zk_set_nodes('<yandex/>', {{host = 'a', port = 'x'}})",
                 "port: integer expected");
    expect_raise(L, "chconf.zk_set_nodes('<yandex/>', {{host = 'a', port = 99999}})",
                 "out of range");
    expect_raise(L, "chconf.macros_set('<yandex/>', {replica = {}})", "string expected");
    expect_raise(L, "chconf.remote_add_replica('<yandex/>', 'c', -1, {host = 'h'})",
                 "bad argument #3 to 'remote_add_replica'");
    expect_raise(L, "chconf.remote_create_cluster('<yandex/>', {name = 'c'})",
                 "cluster.shards: table expected");
    /* Many calls, errors raised halfway: nothing leaks (checked by ASan). */
    run(L, "for i = 1, 200 do\n"
           "  pcall(chconf.remote_create_cluster, '<yandex/>',\n"
           "        {name = 'c', shards = {{{host = 'h'}, {host = {}}}}})\n"
           "  local r = chconf.zk_set_nodes('<yandex/>', {'zk' .. i})\n"
           "  assert(r.changed)\n"
           "end\n"
           "collectgarbage()\n");
    lua_close(L);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lua_zookeeper),
        cmocka_unit_test(test_lua_remote_servers),
        cmocka_unit_test(test_lua_macros),
        cmocka_unit_test(test_lua_misuse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
