/* Unit tests for the dr.zkconf binding: files round-trip byte for byte, the
 * membership operations of the lab topology as Lua tables (same strings as
 * the C tests), the writer's golden files, parse errors as nil + "name:line:
 * col", the config object's life cycle, and misuse raising. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "zkconf_lua.h"
#include "lua_testlib.h"

/* Helpers and the lab's memberships, as tables. */
static const char EXTRA[] =
    "function lines(m)\n"
    "  local t = {}\n"
    "  for _, s in ipairs(m) do\n"
    "    t[#t + 1] = 'server.' .. s.id .. '=' .. zkconf.server_line(s)\n"
    "  end\n"
    "  return table.concat(t, '\\n')\n"
    "end\n"
    "function srv(id, host, role)\n"
    "  return {id = id, host = host, role = role, client_port = 2181}\n"
    "end\n"
    "CHI = {srv(1, '127.0.0.11'), srv(2, '127.0.0.12'), srv(3, '127.0.0.13')}\n"
    "DAL = {srv(4, '127.0.0.14', 'observer')}\n"
    "DAL_ALL = {srv(6, '127.0.0.16', 'observer'),\n"
    "           srv(4, '127.0.0.14', 'observer'),\n"
    "           srv(5, '127.0.0.15', 'observer')}\n";

static int setup(void **state)
{
    *state = lt_state("dr.zkconf", luaopen_dr_zkconf, "zkconf", "zkconf", EXTRA);
    return *state ? 0 : -1;
}

static void test_files(void **state)
{
    lua_State *L = *state;
    lt_run(L,
           "for _, f in ipairs({'operator/zoo.cfg', 'real38/zk4/after/zoo.cfg',\n"
           "                    'real38/zk1/before/zoo.cfg'}) do\n"
           "  local text = load(f)\n"
           "  local c = assert(zkconf.parse(text, f))\n"
           "  assert(c:render() == text, f)\n"
           "end\n"
           "local c = assert(zkconf.parse(load('operator/zoo.cfg'), 'zoo.cfg'))\n"
           "assert(tostring(c) == 'dr.zkconf.config (static)')\n"
           "assert(c:get('clientPortAddress') == '10.1.0.14' and c:get('tickTime') == '2000')\n"
           "assert(c:get('nope') == nil)\n"
           "local m = c:members()\n"
           "assert(#m == 4 and m[4].id == 4 and m[4].role == 'observer' and m[1].role ==\n"
           "       'participant' and m[1].host == 'zk1.chi.example' and m[1].quorum_port == 2888)\n"
           "assert(m[1].client_port == nil and m[1].client_host == nil)\n"
           "c:set('tickTime', '3000')\n"
           "assert(c:unset('peerType') == 1 and c:unset('peerType') == 0)\n"
           "c:set('newKey', 'v')\n"
           "local out = c:render()\n"
           "assert(out:find('tickTime = 3000\\n', 1, true), out)\n"
           "assert(not out:find('peerType', 1, true) and out:find('\\nnewKey=v\\n', 1, true))\n"
           "assert(out:find('# this node is the dallas observer', 1, true))\n"
           "local d = assert(zkconf.parse(load('operator/zoo.cfg.dynamic'), 'dyn', 'dynamic'))\n"
           "assert(#d:members() == 4 and d:members()[4].client_port == 2181)\n"
           "assert(d:version() == nil)\n"
           "local z = assert(zkconf.parse('server.1=a:1:2\\nversion=100000000\\n', 'conf', "
           "'znode'))\n"
           "assert(z:version() == 0x100000000)\n"
           "assert(zkconf.versioned_name('/x/zoo.cfg.dynamic.100000000') == 0x100000000)\n"
           "assert(zkconf.versioned_name('/x/zoo.cfg.dynamic') == nil)\n"
           "assert(zkconf.is_dynamic_key('server.3') and not zkconf.is_dynamic_key('tickTime'))\n");
}

/* The lab topology through the three procedures: the same strings as the C
 * module's own test. */
static void test_membership_operations(void **state)
{
    lua_State *L = *state;
    lt_run(L, "local initial = assert(zkconf.after_failback(CHI, DAL))\n"
              "assert(lines(initial) == 'server.1=127.0.0.11:2888:3888:participant;2181\\n'\n"
              "  .. 'server.2=127.0.0.12:2888:3888:participant;2181\\n'\n"
              "  .. 'server.3=127.0.0.13:2888:3888:participant;2181\\n'\n"
              "  .. 'server.4=127.0.0.14:2888:3888:observer;2181', lines(initial))\n"
              "assert(zkconf.validate(initial) == true)\n"
              "local after = assert(zkconf.after_failover(initial, DAL_ALL))\n"
              "assert(#after == 3 and after[1].id == 4 and after[3].id == 6)\n"
              "for _, s in ipairs(after) do assert(s.role == 'participant') end\n"
              "local j, l = zkconf.reconfig_args(initial, after)\n"
              "assert(j == 'server.4=127.0.0.14:2888:3888:participant;2181,'\n"
              "  .. 'server.5=127.0.0.15:2888:3888:participant;2181,'\n"
              "  .. 'server.6=127.0.0.16:2888:3888:participant;2181', j)\n"
              "assert(l == '1,2,3', l)\n"
              "local rec = assert(zkconf.after_recovery(after, CHI))\n"
              "assert(#rec == 6 and rec[1].role == 'observer' and rec[6].role == 'participant')\n"
              "j, l = zkconf.reconfig_args(after, rec)\n"
              "assert(j == 'server.1=127.0.0.11:2888:3888:observer;2181,'\n"
              "  .. 'server.2=127.0.0.12:2888:3888:observer;2181,'\n"
              "  .. 'server.3=127.0.0.13:2888:3888:observer;2181' and l == '', j)\n"
              "local back = assert(zkconf.after_failback(CHI, DAL))\n"
              "j, l = zkconf.reconfig_args(initial, back)\n"
              "assert(j == '' and l == '')\n"
              "-- promote gives a new table and leaves its input alone\n"
              "local p = assert(zkconf.promote(initial, 4))\n"
              "assert(p[4].role == 'participant' and initial[4].role == 'observer')\n"
              "local v, err, code = zkconf.validate(p)\n"
              "assert(v == nil and code == 'invalid' and err:find('4 participants (1,2,3,4)', 1, "
              "true))\n"
              "assert(zkconf.reconfig_args(initial, p) == "
              "'server.4=127.0.0.14:2888:3888:participant;2181')\n"
              "local q = assert(zkconf.demote(p, 3))\n"
              "assert(zkconf.validate(q))\n"
              "v, err, code = zkconf.promote(initial, 9)\n"
              "assert(v == nil and code == 'not found' and err == 'membership: no server.9', err)\n"
              "v, err, code = zkconf.after_failover(initial, {DAL_ALL[1], DAL_ALL[2]})\n"
              "assert(v == nil and code == 'invalid' and err:find('after failover: membership: 2 "
              "participants', 1, true), err)\n"
              "v, err, code = zkconf.after_failover(initial, {srv(4, '127.0.0.99', 'observer')})\n"
              "assert(v == nil and code == 'conflict' and err:find('server.4 is 127.0.0.14', 1, "
              "true))\n"
              "v, err, code = zkconf.check_hosts(initial, {srv(1, 'elsewhere')})\n"
              "assert(v == nil and code == 'conflict')\n"
              "assert(zkconf.check_hosts(initial, DAL_ALL) == true)\n"
              "v, err, code = zkconf.validate({srv(1, 'a'), srv(1, 'b'), srv(2, 'c')})\n"
              "assert(v == nil and code == 'invalid' and err == 'membership: server.1 given "
              "twice', err)\n"
              "v, err, code = zkconf.validate({})\n"
              "assert(v == nil and code == 'invalid')\n");
}

static void test_parse_server(void **state)
{
    lua_State *L = *state;
    lt_run(L,
           "local s = assert(zkconf.parse_server(4, 'zk1.dal:2888:3888:observer;0.0.0.0:2181'))\n"
           "assert(s.id == 4 and s.host == 'zk1.dal' and s.role == 'observer')\n"
           "assert(s.client_host == '0.0.0.0' and s.client_port == 2181)\n"
           "assert(zkconf.server_line(s) == 'zk1.dal:2888:3888:observer;0.0.0.0:2181')\n"
           "local v6 = assert(zkconf.parse_server(2, '[::1]:2888:3888'))\n"
           "assert(v6.host == '::1' and v6.role == 'participant' and v6.client_port == nil)\n"
           "local v, err, code = zkconf.parse_server(1, 'h1:2888:99999')\n"
           "assert(v == nil and code == 'parse error')\n"
           "assert(err:find('server.1:1:', 1, true) == 1 and err:find('election port'), err)\n");
}

static void test_set_members_and_writer(void **state)
{
    lua_State *L = *state;
    lt_run(
        L,
        "local d = assert(zkconf.parse(load('operator/zoo.cfg.dynamic'), 'dyn', 'dynamic'))\n"
        "local cur = d:members()\n"
        "local site = {cur[4], {id = 5, host = 'zk2.dal.example', role = 'observer',\n"
        "                       client_port = 2181},\n"
        "              {id = 6, host = 'zk3.dal.example', role = 'observer', client_port = 2181}}\n"
        "local next_m = assert(zkconf.after_failover(cur, site))\n"
        "assert(d:set_members(next_m) == true)\n"
        "local want = load('expected/operator-failover.dynamic')\n"
        "assert(d:render() == want, d:render())\n"
        "assert(d:set_members(next_m) and d:render() == want)\n"
        "local g = assert(zkconf.parse('server.1=a:1:2\\ngroup.1=1\\n', 'g', 'dynamic'))\n"
        "local v, err, code = g:set_members({{id = 1, host = 'a', quorum_port = 1,\n"
        "                                     election_port = 2}})\n"
        "assert(v == nil and code == 'refused' and err:find('g:2: group.N', 1, true) == 1, err)\n"
        "-- the writer on the operator's legacy zoo.cfg\n"
        "local st = assert(zkconf.parse(load('operator/zoo.cfg'), 'zoo.cfg'))\n"
        "local m = {{id = 4, host = 'zk1.dal.example'}, {id = 5, host = 'zk2.dal.example'},\n"
        "           {id = 6, host = 'zk3.dal.example'}}\n"
        "local w = assert(st:write_plan(m, 4, '/etc/zookeeper/conf/zoo.cfg.dynamic'))\n"
        "assert(w.static == load('expected/operator-failover.zoo.cfg'), w.static)\n"
        "assert(w.dynamic == load('expected/operator-failover.zoo.cfg.dynamic'), w.dynamic)\n"
        "assert(w.dynamic_path == '/etc/zookeeper/conf/zoo.cfg.dynamic' and #w.remove == 0)\n"
        "-- stale versioned files in the directory are listed for removal\n"
        "w = assert(st:write_plan(m, 4, '/etc/zookeeper/conf/zoo.cfg.dynamic',\n"
        "  {'zoo.cfg', 'zoo.cfg.dynamic.100000000', 'zoo.cfg.dynamic', 'log4j.properties'}))\n"
        "assert(#w.remove == 1 and w.remove[1] ==\n"
        "       '/etc/zookeeper/conf/zoo.cfg.dynamic.100000000', w.remove[1])\n"
        "v, err, code = st:write_plan(m, 1, '/x/zoo.cfg.dynamic')\n"
        "assert(v == nil and code == 'invalid' and err:find('zoo.cfg: this node (server.1) is "
        "not in the membership', 1, true), err)\n"
        "v, err, code = st:write_plan(m, 4, '/x/zoo.cfg.dynamic.200000000')\n"
        "assert(v == nil and err:find('version suffix', 1, true), err)\n");
}

static void test_parse_errors(void **state)
{
    lua_State *L = *state;
    lt_run(L,
           "local v, err, code = zkconf.parse('tickTime=500\\njust words\\n', 'zoo.cfg')\n"
           "assert(v == nil and code == 'parse error')\n"
           "assert(err == 'zoo.cfg:2:1: expected key=value, a comment or a blank line', err)\n"
           "v, err = zkconf.parse('tickTime=500\\n', 'zoo.cfg.dynamic', 'dynamic')\n"
           "assert(v == nil and err:find('zoo.cfg.dynamic:1:1: expected server.N', 1, true), err)\n"
           "v, err = zkconf.parse('server.1=h1:2888:3888:leader\\n', 'z')\n"
           "assert(v == nil and err:find('z:1:23: server.1: expected role', 1, true), err)\n"
           "collectgarbage() -- the unopened objects of failed parses are collected safely\n");
}

static void test_life_cycle(void **state)
{
    lua_State *L = *state;
    lt_run(L, "local c = assert(zkconf.parse('tickTime=1\\n', 'z'))\n"
              "c:close(); c:close()\n"
              "assert(tostring(c) == 'dr.zkconf.config (closed)')\n"
              "raises(function() c:render() end, 'closed zkconf config')\n"
              "do\n"
              "  local d <close> = assert(zkconf.parse('tickTime=1\\n', 'z'))\n"
              "  c = d\n"
              "end\n"
              "raises(function() c:get('tickTime') end, 'closed')\n");
}

static void test_misuse_raises(void **state)
{
    lua_State *L = *state;
    lt_run(L,
           "raises(function() zkconf.parse() end, \"bad argument #1 to 'parse'\")\n"
           "raises(function() zkconf.parse('', 'z', 'json') end, 'invalid option')\n"
           "local c = assert(zkconf.parse('tickTime=1\\n', 'z'))\n"
           "raises(function() c:set('a b', 'x') end, 'key of letters')\n"
           "raises(function() c:set('a=b', 'x') end, 'key of letters')\n"
           "raises(function() c:set('k', 'x\\ny=z') end, 'one-line value')\n"
           "raises(function() c.get({}, 'k') end, 'dr.zkconf.config expected')\n"
           "local d = assert(zkconf.parse('server.1=a:1:2\\n', 'd', 'dynamic'))\n"
           "raises(function() d:set('tickTime', '1') end, 'does not belong in a dynamic file')\n"
           "raises(function() d:write_plan({}, 1, '/x') end, 'static zoo.cfg')\n"
           "raises(function() zkconf.validate('x') end, 'table expected')\n"
           "raises(function() zkconf.validate({42}) end, 'server #1: table expected')\n"
           "raises(function() zkconf.validate({{host = 'a'}}) end, \"field 'id' required\")\n"
           "raises(function() zkconf.validate({{id = 1}}) end, \"field 'host'\")\n"
           "raises(function() zkconf.validate({{id = 0, host = 'a'}}) end, \"field 'id' must\")\n"
           "raises(function() zkconf.validate({{id = 1, host = 'a', quorum_port = 0}}) end,\n"
           "       \"field 'quorum_port' must be between 1 and 65535\")\n"
           "raises(function() zkconf.validate({{id = 1, host = 'a', role = 'leader'}}) end,\n"
           "       \"role 'leader'\")\n"
           "raises(function() zkconf.validate({{id = 1, host = 'a', quorumport = 1}}) end,\n"
           "       \"unknown field 'quorumport'\")\n"
           "raises(function() zkconf.after_failover(CHI) end, \"bad argument #2\")\n"
           "raises(function() zkconf.promote(CHI, 'x') end, \"bad argument #2\")\n"
           "raises(function() zkconf.server_line({id = 1}) end, \"field 'host'\")\n"
           "raises(function() zkconf.parse_server(0, 'a:1:2') end, 'server id')\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_files, setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_membership_operations, setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_parse_server, setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_set_members_and_writer, setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_parse_errors, setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_life_cycle, setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_misuse_raises, setup, lt_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
