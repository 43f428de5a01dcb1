/* Unit tests for the dr.keeperxml binding: reads as tables, the failover
 * patch giving the C module's golden file (and nothing more the second time),
 * a role flip on a node with data refused with advice and the document left
 * alone, bad XML as nil +
 * "name:line", the doc's life cycle, and misuse raising. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "keeperxml_lua.h"
#include "lua_testlib.h"

static int setup(void **state)
{
    *state = lt_state("dr.keeperxml", luaopen_dr_keeperxml, "keeperxml", "keeperxml", NULL);
    return *state ? 0 : -1;
}

static void test_reads(void **state)
{
    lua_State *L = *state;
    lt_run(L, "local text = load('keeper4.xml')\n"
              "local d = assert(keeperxml.parse(text, 'keeper4.xml'))\n"
              "assert(d:render() == text)\n"
              "local i = d:info()\n"
              "assert(i.server_id == 4 and i.tcp_port == 9181)\n"
              "assert(i.log_storage_path == '/var/lib/clickhouse/coordination/log')\n"
              "assert(i.snapshot_storage_path == '/var/lib/clickhouse/coordination/snapshots')\n"
              "local m = d:members()\n"
              "assert(#m == 4 and m[1].hostname == 'zk1.chi.example' and m[1].port == 9234)\n"
              "assert(m[1].role == 'participant' and m[1].priority == nil)\n"
              "assert(m[3].priority == 3 and m[4].role == 'learner' and m[4].priority == 0)\n"
              "assert(m[1].start_as_follower == nil)\n"
              "assert(keeperxml.validate(m) == true)\n"
              "local y = assert(keeperxml.parse(load('yandex1.xml'), 'yandex1.xml'))\n"
              "assert(y:info().tcp_port == 2181 and y:members()[1].port == 9444)\n"
              "assert(tostring(y) == 'dr.keeperxml.doc (open)')\n");
}

static void test_failover_patch(void **state)
{
    lua_State *L = *state;
    lt_run(L,
           "local d = assert(keeperxml.parse(load('keeper4.xml'), 'keeper4.xml'))\n"
           "local cur = d:members()\n"
           "local site = {cur[4], {id = 5, hostname = 'zk2.dal.example', role = 'learner'},\n"
           "              {id = 6, hostname = 'zk3.dal.example', role = 'observer'}}\n"
           "local next_m = assert(keeperxml.after_failover(cur, site))\n"
           "assert(#next_m == 3 and next_m[1].id == 4 and next_m[1].role == 'participant')\n"
           "assert(next_m[1].priority == 1)\n"
           "assert(d:set_members(next_m, {has_state = false}) == true)\n"
           "local out = d:render()\n"
           "assert(out == load('expected/keeper4-failover.xml'), out)\n"
           "assert(d:set_members(next_m, {has_state = false}) and d:render() == out)\n"
           "local d2 = assert(keeperxml.parse(out, 'out'))\n"
           "assert(d2:set_members(next_m, {has_state = false}) and d2:render() == out)\n"
           "-- recovery: chicago back as learners, into the tab-indented yandex file\n"
           "local rec = assert(keeperxml.after_recovery(next_m,\n"
           "  {{id = 1, hostname = 'zk1.chi.example'}}))\n"
           "assert(#rec == 4 and rec[1].role == 'learner' and rec[1].priority == 0)\n"
           "local y = assert(keeperxml.parse(load('yandex1.xml'), 'yandex1.xml'))\n"
           "assert(y:set('server_id', '4') == true)\n"
           "y:set('four_letter_word_white_list', 'srvr,mntr,rcvr')\n"
           "assert(y:set_members(rec, {has_state = false}))\n"
           "assert(y:render() == load('expected/yandex1-recovery.xml'), y:render())\n"
           "assert(y:info().server_id == 4)\n"
           "local back = assert(keeperxml.after_failback({{id = 1, hostname = 'a'},\n"
           "  {id = 2, hostname = 'b'}, {id = 3, hostname = 'c'}}, {{id = 4, hostname = 'd'}}))\n"
           "assert(#back == 4 and back[4].role == 'learner' and back[1].role == 'participant')\n");
}

static void test_role_flip_with_state(void **state)
{
    lua_State *L = *state;
    lt_run(L,
           "local d = assert(keeperxml.parse(load('keeper4.xml'), 'keeper4.xml'))\n"
           "local before = d:render()\n"
           "local m = assert(keeperxml.demote(assert(keeperxml.promote(d:members(), 4)), 3))\n"
           "assert(m[3].role == 'learner' and m[3].priority == 0 and m[4].role == 'participant')\n"
           "local v, err, code, advice = d:set_members(m, {has_state = true})\n"
           "assert(v == nil and code == 'refused')\n"
           "assert(err == 'keeper4.xml: server 3: a role change (participant -> learner) cannot '\n"
           "  .. 'take effect by editing the XML of a node that has Keeper data; remove and '\n"
           "  .. 're-add it under a new id, or use the quorum-loss recovery', err)\n"
           "assert(advice:find('under a NEW id', 1, true) and advice:find(\"send 'rcvr'\", 1, "
           "true), advice)\n"
           "assert(d:render() == before)\n"
           "assert(d:set_members(m, {has_state = false}))\n"
           "assert(d:members()[3].role == 'learner')\n"
           "v, err, code = keeperxml.promote(m, 9)\n"
           "assert(v == nil and code == 'not found', err)\n"
           "v, err, code = keeperxml.validate({{id = 1, hostname = 'a'}, {id = 2, hostname = "
           "'b'}})\n"
           "assert(v == nil and code == 'invalid', err)\n"
           "v, err, code = keeperxml.validate({{id = 2, hostname = 'a'}, {id = 2, hostname = "
           "'b'}, {id = 1, hostname = 'c'}})\n"
           "assert(v == nil and err == 'raft membership: server 2 given twice', err)\n"
           "v, err, code = keeperxml.check_hosts(m, {{id = 1, hostname = 'elsewhere'}})\n"
           "assert(v == nil and code == 'conflict', err)\n");
}

static void test_bad_xml(void **state)
{
    lua_State *L = *state;
    lt_run(
        L,
        "local v, err, code = keeperxml.parse('<clickhouse>\\n<keeper_server>\\n</clickhouse>',\n"
        "                                     'k.xml')\n"
        "assert(v == nil and code == 'parse error')\n"
        "assert(err:find('^k%.xml:%d+:%d+: malformed XML'), err)\n"
        "v, err, code = keeperxml.parse('<clickhouse>\\n  <keeper_server>\\n    "
        "<raft_configuration>\\n'\n"
        "  .. '      <server><hostname>h</hostname><port>1</port></server>\\n'\n"
        "  .. '    </raft_configuration>\\n  </keeper_server>\\n</clickhouse>\\n', 'k.xml')\n"
        "assert(v == nil and code == 'parse error' and err:find('^k%.xml:4: '), err)\n"
        "collectgarbage()\n");
}

static void test_life_cycle_and_misuse(void **state)
{
    lua_State *L = *state;
    lt_run(L,
           "local d = assert(keeperxml.parse(load('keeper4.xml'), 'k'))\n"
           "d:close(); d:close()\n"
           "assert(tostring(d) == 'dr.keeperxml.doc (closed)')\n"
           "raises(function() d:render() end, 'closed keeperxml doc')\n"
           "do local e <close> = assert(keeperxml.parse(load('keeper4.xml'), 'k')); d = e end\n"
           "raises(function() d:members() end, 'closed')\n"
           "d = assert(keeperxml.parse(load('keeper4.xml'), 'k'))\n"
           "local m = d:members()\n"
           "raises(function() d:set_members(m) end, 'bad argument #2')\n"
           "raises(function() d:set_members(m, {}) end, \"'has_state' (boolean) required\")\n"
           "raises(function() d:set_members(m, {has_state = false, force = true}) end,\n"
           "       \"unknown option 'force'\")\n"
           "raises(function() d:set('bad key', 'x') end, 'element name')\n"
           "raises(function() d:set('9x', 'x') end, 'element name')\n"
           "raises(function() d:set('k', 'a\\nb') end, 'control characters')\n"
           "raises(function() keeperxml.validate({{id = 1}}) end, \"field 'hostname'\")\n"
           "raises(function() keeperxml.validate({{hostname = 'a'}}) end, \"field 'id'\")\n"
           "raises(function() keeperxml.validate({{id = 1, hostname = 'a', port = 70000}}) end,\n"
           "       \"field 'port' must be between 1 and 65535\")\n"
           "raises(function() keeperxml.validate({{id = 1, hostname = 'a', role = 'boss'}}) end,\n"
           "       \"field 'role'\")\n"
           "raises(function() keeperxml.validate({{id = 1, hostname = 'a', host = 'b'}}) end,\n"
           "       \"unknown field 'host'\")\n"
           "raises(function() keeperxml.validate({{id = 1, hostname = 'a',\n"
           "                                       start_as_follower = 1}}) end, 'boolean')\n"
           "raises(function() keeperxml.parse() end, \"bad argument #1 to 'parse'\")\n"
           "raises(function() keeperxml.demote(m) end, 'bad argument #2')\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_reads, setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_failover_patch, setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_role_flip_with_state, setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_bad_xml, setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_life_cycle_and_misuse, setup, lt_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
