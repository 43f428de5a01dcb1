/* Unit tests for the dr.inventory binding: the lab inventory as tables (with
 * the lookups runbooks use), every error as a list on an invalid file,
 * Keeper-only fields, the table an engine pushes itself, and misuse raising. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdlib.h>
#include <string.h>

#include "inventory_lua.h"

static int setup(void **state)
{
    setenv("DRCTL_LAB_DIR", "/lab", 1);
    unsetenv("DRCTL_LAB_NET");
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    luaL_requiref(L, "dr.inventory", luaopen_dr_inventory, 0);
    lua_setglobal(L, "inventory");
    lua_pushstring(L, getenv("DRCTL_TESTDATA"));
    lua_setglobal(L, "DATA");
    *state = L;
    return 0;
}

static int teardown(void **state)
{
    lua_close(*state);
    return 0;
}

static void run(lua_State *L, const char *code)
{
    if (luaL_dostring(L, code) != LUA_OK)
        fail_msg("lua: %s", lua_tostring(L, -1));
}

static void test_load_lab(void **state)
{
    run(*state,
        "local inv = assert(inventory.load(DATA .. '/inventory/lab.yaml'))\n"
        "assert(inv.cluster == 'cluster1' and inv.umbrella_cluster == 'all')\n"
        "assert(inv.keeper_kind == 'zookeeper')\n"
        "assert(inv.super_digest.file == '/lab/secrets/zk_super' and not inv.super_digest.env)\n"
        "assert(inv.ssh.port == 2222 and inv.ssh.user == 'root' and inv.ssh.passphrase == nil)\n"
        "assert(inv.clickhouse_auth.password.file == '/lab/secrets/ch_password')\n"
        "assert(inv.primary == inv.sites.chicago and inv.standby == inv.sites.dallas)\n"
        "assert(inv.primary.role == 'primary' and inv.standby.name == 'dallas')\n"
        "assert(#inv.primary.keepers == 3 and #inv.standby.clickhouse == 2)\n"
        "assert(#inv.shards == 1 and inv.shards[1] == '0')\n"
        "local zk4 = inv.keeper_by_id[4]\n"
        "assert(zk4 == inv.nodes.zk4 and zk4 == inv.standby.keepers[1])\n"
        "assert(zk4.type == 'keeper' and zk4.site == 'dallas' and zk4.role == 'observer')\n"
        "assert(zk4.host == '127.0.0.14' and zk4.client_port == 2181)\n"
        "assert(zk4.quorum_port == 2888 and zk4.election_port == 3888 and zk4.raft_port == nil)\n"
        "assert(zk4.config == '/lab/hosts/zk4/conf/zoo.cfg' and zk4.data_log_dir == nil)\n"
        "assert(zk4.restart == '/lab/hosts/zk4/bin/stop && /lab/hosts/zk4/bin/start')\n"
        "assert(zk4.where:match(':50:9$'), zk4.where)\n"
        "local ch3 = inv.nodes.ch3\n"
        "assert(ch3.type == 'clickhouse' and ch3.shard == '0' and ch3.shard_index == 1)\n"
        "assert(ch3.replica == 'dal-01' and ch3.tcp_port == 9000 and ch3.ssh_port == 2222)\n"
        "assert(ch3.macros_xml == '/lab/hosts/ch3/config.d/macros.xml')\n"
        "assert(inv.keeper_by_id[7] == nil and inv.nodes.nope == nil)\n"
        "-- a fresh copy each time: changing one changes nothing else\n"
        "zk4.host = 'x'\n"
        "local again = inventory.load(DATA .. '/inventory/lab.yaml')\n"
        "assert(again.nodes.zk4.host == '127.0.0.14')\n");
}

static void test_invalid_lists_every_error(void **state)
{
    run(*state, "local inv, err, code, errors = inventory.load(DATA .. '/inventory/bad.yaml')\n"
                "assert(inv == nil and code == 'invalid', code)\n"
                "assert(err:find('bad.yaml:10:9: clickhouse node: missing key', 1, true), err)\n"
                "assert(#errors == 4, #errors)\n"
                "assert(errors[2]:find(\"bad.yaml:10:40: unknown key 'replca'\", 1, true))\n"
                "assert(errors[4]:find('bad.yaml:15:64: expected a port number', 1, true))\n"
                "local inv2, err2, code2 = inventory.load('/nonexistent/inv.yaml')\n"
                "assert(inv2 == nil and code2 == 'not found' and err2:find('/nonexistent'))\n");
}

static void test_parse_keeper(void **state)
{
    run(*state, "local text = [[\n"
                "cluster: c1\n"
                "keeper: {kind: clickhouse-keeper, super_digest_env: D}\n"
                "ssh: {identity: /k/id, known_hosts: /k/kh}\n"
                "sites:\n"
                "  a:\n"
                "    role: primary\n"
                "    keepers: [{id: 1, host: h1, role: participant}]\n"
                "    clickhouse: [{name: c1, host: h3, shard: s, replica: r1}]\n"
                "  b:\n"
                "    role: standby\n"
                "    keepers: [{id: 2, host: h2, role: spare}]\n"
                "    clickhouse: [{name: c2, host: h4, shard: s, replica: r2}]\n"
                "]]\n"
                "local inv = assert(inventory.parse(text, 'mem.yaml'))\n"
                "local k = inv.keeper_by_id[2]\n"
                "assert(inv.keeper_kind == 'clickhouse-keeper' and inv.super_digest.env == 'D')\n"
                "assert(k.name == 'h2' and k.role == 'spare' and k.client_port == 9181)\n"
                "assert(k.raft_port == 9234 and k.quorum_port == nil and k.data_dir == nil)\n"
                "assert(k.snapshot_storage_path == '/var/lib/clickhouse/coordination/snapshots')\n"
                "assert(k.where == 'mem.yaml:11:15', k.where)\n"
                "local bad, err, code, errors = inventory.parse('cluster: [')\n"
                "assert(bad == nil and code == 'invalid' and #errors == 1)\n"
                "assert(errors[1]:find('^%-:2:1: YAML syntax error'), errors[1])\n");
}

static void test_misuse_raises(void **state)
{
    run(*state, "local ok, err = pcall(inventory.load)\n"
                "assert(not ok and err:find('bad argument #1 to', 1, true), err)\n"
                "ok, err = pcall(inventory.parse, {})\n"
                "assert(not ok and err:find('string expected', 1, true), err)\n");
}

/* The engine loads once in C and hands runbooks the same table. */
static void test_push_from_c(void **state)
{
    lua_State *L = *state;
    char path[4096];
    snprintf(path, sizeof path, "%s/inventory/lab.yaml", getenv("DRCTL_TESTDATA"));
    inventory_t *inv = NULL;
    dr_err err = {0};
    assert_int_equal(inventory_load_file(path, NULL, &inv, NULL, &err), DR_OK);
    inventory_lua_push(L, inv);
    inventory_free(inv); /* the table holds copies */
    lua_setglobal(L, "INV");
    run(L, "assert(INV.nodes.ch1.host == '127.0.0.21' and INV.primary.name == 'chicago')\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_load_lab, setup, teardown),
        cmocka_unit_test_setup_teardown(test_invalid_lists_every_error, setup, teardown),
        cmocka_unit_test_setup_teardown(test_parse_keeper, setup, teardown),
        cmocka_unit_test_setup_teardown(test_misuse_raises, setup, teardown),
        cmocka_unit_test_setup_teardown(test_push_from_c, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
