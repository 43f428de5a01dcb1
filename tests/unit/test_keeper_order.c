/* Unit test of the order of ClickHouse Keeper's quorum-loss recovery
 * (lua/dr/coord/keeper_order.lua, plain Lua): the runbooks' module loaded
 * from the source tree into a Lua state with dr.keeperxml, fed the
 * memberships keeperxml.after_failover gives, as dr.coord.keeper does; the
 * order of the steps, their sentences (the plan's step names), and the
 * refusals. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "keeperxml_lua.h"
#include "lua_testlib.h"

/* package.path: the source tree's lua/ (DRCTL_TESTDATA is its tests/data;
 * unset, the test runs from the source tree). */
#define ORDER_PATH                                                                                 \
    "local src = DATA:match('^(.*)/tests/data/?$') or '.'\n"                                       \
    "package.path = src .. '/lua/?.lua;' .. src .. '/lua/?/init.lua'\n"                            \
    "order = require 'dr.coord.keeper_order'\n"

static int setup(void **state)
{
    *state = lt_state("dr.keeperxml", luaopen_dr_keeperxml, "keeperxml", "keeperxml", ORDER_PATH);
    return *state ? 0 : -1;
}

static void test_order(void **state)
{
    lua_State *L = *state;
    lt_run(
        L,
        "local old = {{id = 1, hostname = 'zk1.chi'}, {id = 2, hostname = 'zk2.chi'},\n"
        "  {id = 3, hostname = 'zk3.chi'}, {id = 4, hostname = 'zk1.dal', role = 'learner'}}\n"
        "local new = assert(keeperxml.after_failover(old, {{id = 4, hostname = 'zk1.dal'},\n"
        "  {id = 5, hostname = 'zk2.dal'}, {id = 6, hostname = 'zk3.dal'}}))\n"
        "local steps = assert(order.steps{old = old, new = new, chosen = 4,\n"
        "  log_path = '/k/log', snapshot_path = '/k/snap'})\n"
        "local seq = {}\n"
        "for _, s in ipairs(steps) do\n"
        "  seq[#seq + 1] = s.step .. ':' .. s.server_id .. (s.expect and '=' .. s.expect or '')\n"
        "end\n"
        "assert(table.concat(seq, ' ') == 'fence:1 fence:2 fence:3 ensure_stopped:5 '\n"
        "  .. 'ensure_stopped:6 backup:4 rewrite_config:4 rewrite_config:5 rewrite_config:6 '\n"
        "  .. 'rcvr:4 start_wait:5=follower start_wait:6=follower verify_leader:4=leader',\n"
        "  table.concat(seq, ' '))\n"
        "local want = {\n"
        "  [1] = 'fence server 1 (zk1.chi): stop Keeper there if it is reachable and keep it '\n"
        "    .. 'from starting again with the old membership',\n"
        "  [4] = 'make sure Keeper on server 5 (zk2.dal) is stopped until its turn',\n"
        "  [6] = 'back up /k/log and /k/snap on server 4 (zk1.dal), the node whose data the '\n"
        "    .. 'cluster will keep',\n"
        "  [8] = 'write the new raft_configuration on server 5 (zk2.dal)',\n"
        "  [10] = \"send 'rcvr' to server 4 (zk1.dal) (or restart it once with \"\n"
        "    .. '--force-recovery); until a quorum forms it answers mntr with an error and '\n"
        "    .. 'refuses requests',\n"
        "  [12] = 'start Keeper on server 6 (zk3.dal) and wait until mntr shows '\n"
        "    .. 'zk_server_state=follower before the next one',\n"
        "  [13] = 'check that server 4 (zk1.dal) answers mntr with zk_server_state=leader',\n"
        "}\n"
        "for i, text in pairs(want) do assert(steps[i].text == text, steps[i].text) end\n"
        "assert(steps[6].hostname == 'zk1.dal' and steps[1].hostname == 'zk1.chi')\n"
        "-- the data holder chosen among the others: it goes first, learners wait\n"
        "-- for observer\n"
        "-- (servers listed out of id order, as a config file may: taken by id)\n"
        "local mixed = {{id = 7, hostname = 'zk4.dal', role = 'learner'},\n"
        "  {id = 5, hostname = 'zk2.dal'}, {id = 4, hostname = 'zk1.dal'},\n"
        "  {id = 6, hostname = 'zk3.dal'}}\n"
        "steps = assert(order.steps{old = mixed, new = mixed, chosen = 6, log_path = 'l',\n"
        "  snapshot_path = 's'})\n"
        "seq = {}\n"
        "for _, s in ipairs(steps) do\n"
        "  seq[#seq + 1] = s.step .. ':' .. s.server_id .. (s.expect and '=' .. s.expect or '')\n"
        "end\n"
        "assert(table.concat(seq, ' ') == 'ensure_stopped:4 ensure_stopped:5 ensure_stopped:7 '\n"
        "  .. 'backup:6 rewrite_config:6 rewrite_config:4 rewrite_config:5 rewrite_config:7 '\n"
        "  .. 'rcvr:6 start_wait:4=follower start_wait:5=follower start_wait:7=observer '\n"
        "  .. 'verify_leader:6=leader', table.concat(seq, ' '))\n");
}

static void test_refusals(void **state)
{
    lua_State *L = *state;
    lt_run(L,
           "local new = {{id = 4, hostname = 'a'}, {id = 5, hostname = 'b'},\n"
           "  {id = 6, hostname = 'c', role = 'learner'}}\n"
           "local v, err = order.steps{old = {}, new = new, chosen = 1, log_path = 'l',\n"
           "  snapshot_path = 's'}\n"
           "assert(v == nil and err == 'recovery plan: the chosen node 1 must be a participant '\n"
           "  .. 'of the new cluster', err)\n"
           "v, err = order.steps{old = {}, new = new, chosen = 6, log_path = 'l',\n"
           "  snapshot_path = 's'}\n"
           "assert(v == nil and err:find('chosen node 6 must be a participant', 1, true), err)\n"
           "v, err = order.steps{old = {}, new = new, chosen = 4, log_path = '',\n"
           "  snapshot_path = 's'}\n"
           "assert(v == nil and err == 'recovery plan: log_storage_path and '\n"
           "  .. 'snapshot_storage_path of the chosen node are needed for the backup', err)\n"
           "v, err = order.steps{old = {}, new = new, chosen = 4, log_path = 'l'}\n"
           "assert(v == nil and err:find('needed for the backup', 1, true), err)\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_order, setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_refusals, setup, lt_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
