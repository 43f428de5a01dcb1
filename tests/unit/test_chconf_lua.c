/* Unit tests for the dr.chconf binding: Lua snippets over the golden files of
 * tests/data/chconf/ (the binding must give the same bytes as the C API),
 * tables from reads, secrets kept out of them, new files rendered when the
 * text is nil, misuse raising, and bad XML coming back as nil + "file:line". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "chconf_lua.h"
#include "lua_testlib.h"

/* same(text, file): text is byte-equal to the golden file. */
static const char EXTRA[] = "function same(got, want_file)\n"
                            "  local want = load(want_file)\n"
                            "  if got ~= want then\n"
                            "    error(want_file .. ' differs:\\n' .. got, 2)\n"
                            "  end\n"
                            "end\n";

static int setup(void **state)
{
    *state = lt_state("dr.chconf", luaopen_dr_chconf, "chconf", "chconf", EXTRA);
    return *state ? 0 : -1;
}

static void test_reads(void **state)
{
    lua_State *L = *state;
    lt_run(L,
           "local zk = load('zookeeper.xml')\n"
           "assert(chconf.root(zk, 'zookeeper.xml') == 'clickhouse')\n"
           "local nodes = assert(chconf.zookeeper_nodes(zk, 'zookeeper.xml'))\n"
           "assert(#nodes == 3 and nodes[1].host == 'zk1.chi.example' and nodes[3].port == 2181)\n"
           "local t = assert(chconf.zookeeper(zk, 'zookeeper.xml'))\n"
           "assert(t.found and t.line == 5 and t.incl == nil and #t.nodes == 3)\n"
           "assert(t.nodes[2].index == '2' and t.nodes[2].line > t.nodes[1].line)\n"
           "assert(t.settings.session_timeout_ms == '30000' and t.settings.root == '/clickhouse')\n"
           "local rs = assert(chconf.remote_servers(load('remote_servers.xml'), 'rs.xml'))\n"
           "assert(rs.found and #rs.names == 2 and rs.names[1] == 'cluster1')\n"
           "local all = rs.clusters.all\n"
           "assert(all.name == 'all' and all.line == 21 and #all.shards == 1)\n"
           "local sh = all.shards[1]\n"
           "assert(sh.internal_replication == 'true' and #sh.replicas == 4)\n"
           "assert(sh.replicas[4].host == 'ch2.dal.example' and sh.replicas[4].port == 9000)\n"
           "local m = assert(chconf.macros(load('macros.xml'), 'macros.xml'))\n"
           "assert(m.cluster == 'cluster1' and m.shard == '0' and m.replica == 'chi-prod-01')\n"
           "local none = assert(chconf.macros(zk, 'zookeeper.xml'))\n"
           "assert(next(none) == nil)\n"
           "local deb = load('debian-config.xml')\n"
           "local inc = assert(chconf.includes(deb, 'config.xml'))\n"
           "assert(inc.include_from == nil and #inc >= 3)\n"
           "local by = {}\n"
           "for _, i in ipairs(inc) do by[i.element] = i end\n"
           "assert(by.zookeeper.name == 'zookeeper-servers' and by.zookeeper.optional)\n"
           "assert(by.zookeeper.line == 203)\n"
           "local sec = assert(chconf.remote_servers(deb, 'config.xml')).clusters\n"
           "      .test_shard_localhost_secure.shards[1].replicas[1]\n"
           "assert(sec.port == 9440 and sec.extra.secure == '1')\n"
           "local mk = load('metrika.xml')\n"
           "local sub = assert(chconf.zookeeper_nodes(mk, 'metrika.xml',\n"
           "                   {section = 'zookeeper-servers'}))\n"
           "assert(#sub == 3 and sub[3].host == 'zk3.chi.example')\n");
}

static void test_secrets_hidden(void **state)
{
    lua_State *L = *state;
    /* identity and password are secrets: only their presence is shown. */
    lt_run(L, "local t = assert(chconf.zookeeper(load('zookeeper.xml'), 'zookeeper.xml'))\n"
              "assert(t.has_identity == true and t.settings.identity == nil)\n"
              "local text = [[<yandex><remote_servers><c><shard><replica>\n"
              "<host>h1</host><port>9000</port><user>u</user><password>s3cret</password>\n"
              "</replica></shard></c></remote_servers></yandex>]]\n"
              "local r = assert(chconf.remote_servers(text, 'rs.xml')).clusters.c.shards[1]\n"
              "  .replicas[1]\n"
              "assert(r.password_set == true and r.extra.password == nil and r.extra.user == 'u')\n"
              "local function walk(v)\n"
              "  if type(v) == 'table' then for k, x in pairs(v) do walk(k); walk(x) end\n"
              "  else assert(v ~= 's3cret' and v ~= 'user:password') end\n"
              "end\n"
              "walk(r)\n"
              "walk(t)\n");
}

static void test_incl_sections(void **state)
{
    lua_State *L = *state;
    lt_run(L,
           "local deb = load('debian-config.xml')\n"
           "local v, err, code = chconf.zookeeper_nodes(deb, 'config.xml')\n"
           "assert(v == nil and code == 'not found', err)\n"
           "assert(err:find(\"config.xml:203: <zookeeper> takes its content from the \"\n"
           "                .. \"substitution 'zookeeper-servers'\", 1, true), err)\n"
           "local t = assert(chconf.zookeeper(deb, 'config.xml'))\n"
           "assert(t.incl == 'zookeeper-servers' and #t.nodes == 0)\n"
           "v, err, code = chconf.set_zookeeper_nodes(deb, 'config.xml', {'zk4.dal.example'})\n"
           "assert(v == nil and code == 'refused' and err:find('config.xml:203:', 1, true), err)\n"
           "local new = assert(chconf.set_zookeeper_nodes(deb, 'debian-config.xml',\n"
           "  {'zk4.dal.example', 'zk5.dal.example:2181', {host = 'zk6.dal.example'}},\n"
           "  {inline = true}))\n"
           "same(new, 'debian-config.zookeeper-inline.xml')\n");
}

/* The patches give the bytes of the C API's golden files, and applying them
 * again changes nothing. */
static void test_patches_golden(void **state)
{
    lua_State *L = *state;
    lt_run(
        L,
        "local function twice(fn, input, golden, ...)\n"
        "  local text, changed, notes = fn(load(input), input, ...)\n"
        "  assert(text, changed)\n"
        "  assert(changed == true and notes ~= '', input .. ': expected a change')\n"
        "  same(text, golden)\n"
        "  local again, changed2, notes2 = fn(text, input, ...)\n"
        "  assert(again == text and changed2 == false and notes2 == '', golden)\n"
        "  return notes\n"
        "end\n"
        "local dallas = {'zk4.dal.example:2181', 'zk5.dal.example', 'zk6.dal.example:2181'}\n"
        "local notes = twice(chconf.set_zookeeper_nodes, 'zookeeper.xml',\n"
        "                    'zookeeper.to-dallas.xml', dallas)\n"
        "assert(notes:find('zookeeper.xml: ', 1, true) == 1, notes)\n"
        "twice(chconf.set_zookeeper_nodes, 'metrika.xml', 'metrika.zookeeper-servers.xml',\n"
        "      dallas, {section = 'zookeeper-servers'})\n"
        "local dal = {'ch1.dal.example:9000', 'ch2.dal.example'}\n"
        "twice(chconf.remove_hosts, 'remote_servers.xml', 'remote_servers.drop-dallas.xml',\n"
        "      'all', dal)\n"
        "twice(chconf.remove_hosts, 'remote_servers_per_host.xml',\n"
        "      'remote_servers_per_host.drop-dallas.xml', 'all', dal,\n"
        "      {drop_empty_shards = true})\n"
        "twice(chconf.add_replica, 'remote_servers.xml', 'remote_servers.add-replica.xml',\n"
        "      'cluster1', 1, 'ch3.chi.example:9000')\n"
        "twice(chconf.add_replica, 'remote_servers.xml', 'remote_servers.new-shard.xml',\n"
        "      'all', 'new', {host = 'ch3.chi.example'})\n"
        "twice(chconf.add_replica, 'remote_servers.xml', 'remote_servers.new-cluster.xml',\n"
        "      'dallas_only', 1, {host = 'ch1.dal.example', port = 9000,\n"
        "                         extra = {user = 'drctl', secure = 0}})\n"
        "twice(chconf.create_cluster, 'zookeeper.xml', 'zookeeper.remote-servers-created.xml',\n"
        "      {name = 'all', internal_replication = true,\n"
        "       shards = {{'ch1.chi.example:9000', 'ch2.chi.example:9000'},\n"
        "                 {'ch1.dal.example', {host = 'ch2.dal.example', port = 9000}}}})\n"
        "twice(chconf.create_cluster, 'debian-config.xml', 'debian-config.cluster1-inline.xml',\n"
        "      {name = 'cluster1', shards = {{'ch1.chi.example', 'ch2.chi.example'}}},\n"
        "      {inline = true})\n"
        "twice(chconf.set_macros, 'macros.xml', 'macros.force-replica.xml',\n"
        "      {replica = 'dal-prod-01'}, {force = true})\n"
        "twice(chconf.set_macros, 'zookeeper.xml', 'zookeeper.macros-created.xml',\n"
        "      {cluster = 'cluster1', shard = 0, replica = 'dal-prod-02'})\n");
}

static void test_refusals(void **state)
{
    lua_State *L = *state;
    lt_run(
        L,
        "local m = load('macros.xml')\n"
        "local v, err, code = chconf.set_macros(m, 'macros.xml', {replica = 'x'})\n"
        "assert(v == nil and code == 'refused' and err:find('macros.xml:', 1, true) == 1, err)\n"
        "v, err, code = chconf.remove_hosts(load('remote_servers_per_host.xml'),\n"
        "  'remote_servers_per_host.xml', 'all', {'ch1.dal.example:9000', 'ch2.dal.example'})\n"
        "assert(v == nil and code == 'refused')\n"
        "assert(err:find(\"remote_servers_per_host.xml:15: removing these hosts leaves shard 3\",\n"
        "                1, true), err)\n"
        "local rs = load('remote_servers.xml')\n"
        "v, err, code = chconf.add_replica(rs, 'remote_servers.xml', 'cluster1', 'new',\n"
        "                                  'CH1.chi.example:9000')\n"
        "assert(v == nil and code == 'conflict' and err:find('remote_servers.xml:10:', 1, true))\n"
        "v, err, code = chconf.remove_hosts(rs, 'remote_servers.xml', 'nope', {'x'})\n"
        "assert(v == nil and code == 'not found' and err:find(\"no cluster 'nope'\", 1, true))\n"
        "v, err, code = chconf.remove_hosts(nil, 'missing.xml', 'all', {'x'})\n"
        "assert(v == nil and code == 'not found' and err:find('missing.xml: ', 1, true) == 1)\n"
        "v, err, code = chconf.create_cluster(rs, 'remote_servers.xml',\n"
        "  {name = 'all', shards = {{'a'}}})\n"
        "assert(v == nil and code == 'conflict', err)\n"
        "-- a port given as 0 in remove_hosts means any port; elsewhere it is misuse\n"
        "local t, changed = chconf.remove_hosts(rs, 'rs.xml', 'all', {{host = 'ch1.dal.example',\n"
        "                                                             port = 0}})\n"
        "assert(t and changed)\n"
        "v, err, code = chconf.remove_hosts(rs, 'rs.xml', 'all', {'ch1.dal.example:9440'})\n"
        "assert(v == rs and err == false and code == '')\n");
}

static void test_bad_xml(void **state)
{
    lua_State *L = *state;
    lt_run(
        L,
        "local bad = '<yandex>\\n  <macros>\\n    <shard>1</shard>\\n  </macro>\\n</yandex>\\n'\n"
        "for _, f in ipairs({'root', 'includes', 'zookeeper', 'zookeeper_nodes',\n"
        "                    'remote_servers', 'macros'}) do\n"
        "  local v, err, code = chconf[f](bad, 'conf.d/m.xml')\n"
        "  assert(v == nil and code == 'parse error', f)\n"
        "  assert(err:find('^conf%.d/m%.xml:4:'), err)\n"
        "end\n"
        "local v, err, code = chconf.set_macros(bad, 'conf.d/m.xml', {shard = 1})\n"
        "assert(v == nil and code == 'parse error' and err:find('^conf%.d/m%.xml:4:'), err)\n"
        "v, err, code = chconf.root('<?xml version=\"1.0\"?>\\n<server/>', 'x.xml')\n"
        "assert(v == nil and err:find('^x%.xml:'), err)\n"
        "v, err, code = chconf.macros('', 'empty.xml')\n"
        "assert(v == nil and err:find('empty.xml', 1, true), err)\n"
        "v, err, code = chconf.macros('<yandex>\\0</yandex>', 'nul.xml')\n"
        "assert(v == nil and code == 'parse error' and err:find('nul.xml:1:', 1, true), err)\n"
        "v, err, code = chconf.set_zookeeper_nodes(load('zookeeper.xml'), 'z.xml',\n"
        "                                          {'bad host!'})\n"
        "assert(v == nil and code == 'invalid' and err:find('bad host!', 1, true), err)\n"
        "v, err, code = chconf.set_macros(load('macros.xml'), 'm.xml', {['bad name'] = 1})\n"
        "assert(v == nil and code == 'invalid', err)\n");
}

static void test_new_files(void **state)
{
    lua_State *L = *state;
    lt_run(L,
           "local t, changed, notes = chconf.set_zookeeper_nodes(nil, 'zookeeper.xml',\n"
           "  {'zk4.dal.example', 'zk5.dal.example', 'zk6.dal.example'},\n"
           "  {root = 'clickhouse', replace = true,\n"
           "   settings = {session_timeout_ms = 30000, root = '/clickhouse'}})\n"
           "assert(changed == true and notes:find('zookeeper.xml: new file', 1, true) == 1)\n"
           "-- settings come out by name (a Lua map has no order); the rest as the C golden\n"
           "local want = load('render.zookeeper.xml'):gsub(\n"
           "  '(        <session_timeout_ms>30000</session_timeout_ms>\\n)(        "
           "<root>/clickhouse</root>\\n)',\n"
           "  '%2%1')\n"
           "assert(t == want, t)\n"
           "-- the rendered file patched with the same content changes nothing\n"
           "local _, ch2 = chconf.set_zookeeper_nodes(t, 'zookeeper.xml',\n"
           "  {'zk4.dal.example', 'zk5.dal.example', 'zk6.dal.example'})\n"
           "assert(ch2 == false)\n"
           "local m = assert(chconf.set_macros(nil, 'macros.xml',\n"
           "  {replica = 'chi-prod-01', shard = 0, cluster = 'cluster1'}, {root = 'yandex'}))\n"
           "same(m, 'render.macros.xml')\n"
           "local c, s, r = m:find('<cluster>', 1, true), m:find('<shard>', 1, true),\n"
           "                m:find('<replica>', 1, true)\n"
           "assert(c < s and s < r, 'cluster, shard, replica in that order')\n"
           "local back = assert(chconf.macros(m, 'macros.xml'))\n"
           "assert(back.shard == '0' and back.replica == 'chi-prod-01')\n"
           "local rs = assert(chconf.add_replica(nil, 'rs.xml', 'all', 1, 'ch1.dal.example',\n"
           "                                     {root = 'yandex'}))\n"
           "local all = chconf.remote_servers(rs, 'rs.xml').clusters.all\n"
           "assert(#all.shards == 1 and all.shards[1].replicas[1].port == 9000)\n"
           "assert(all.shards[1].internal_replication == 'true')\n"
           "local v, err, code = chconf.add_replica(nil, 'rs.xml', 'all', 2, 'h',\n"
           "                                        {root = 'yandex'})\n"
           "assert(v == nil and code == 'not found', err)\n"
           "local cc = assert(chconf.create_cluster(nil, 'rs.xml',\n"
           "  {name = 'c', shards = {{'a:9000'}, {'b:9000'}}}, {root = 'clickhouse'}))\n"
           "assert(#chconf.remote_servers(cc, 'rs.xml').clusters.c.shards == 2)\n"
           "v, err, code = chconf.set_zookeeper_nodes(nil, 'z.xml', {'zk1'},\n"
           "  {root = 'yandex', settings = {node = 'x'}})\n"
           "assert(v == nil and code == 'invalid' and err:find('z.xml: ', 1, true) == 1, err)\n");
}

static void test_misuse_raises(void **state)
{
    lua_State *L = *state;
    lt_run(
        L,
        "local zk = load('zookeeper.xml')\n"
        "raises(function() chconf.root() end, \"bad argument #1 to 'root'\")\n"
        "raises(function() chconf.root(zk) end, \"bad argument #2 to 'root'\")\n"
        "raises(function() chconf.macros(zk, 'z', {forse = true}) end, \"unknown option "
        "'forse'\")\n"
        "raises(function() chconf.set_macros(zk, 'z', {a = 1}, {forse = true}) end,\n"
        "       \"unknown option 'forse'\")\n"
        "raises(function() chconf.set_macros(zk, 'z', {a = 1}, {force = 'yes'}) end,\n"
        "       \"option 'force': boolean expected\")\n"
        "raises(function() chconf.set_zookeeper_nodes(zk, 'z', {'a'}, {force = true}) end,\n"
        "       \"unknown option 'force'\")\n"
        "raises(function() chconf.set_zookeeper_nodes(nil, 'z', {'a'}) end,\n"
        "       \"option 'root'\")\n"
        "raises(function() chconf.set_zookeeper_nodes(nil, 'z', {'a'}, {root = 'html'}) end,\n"
        "       \"option 'root'\")\n"
        "raises(function() chconf.set_zookeeper_nodes(zk, 'z', {'a'}, {replace = true}) end,\n"
        "       'new file')\n"
        "raises(function() chconf.set_zookeeper_nodes(zk, 'z', {}) end, 'non-empty array')\n"
        "raises(function() chconf.set_zookeeper_nodes(zk, 'z', {'a', 42}) end, 'node #2')\n"
        "raises(function() chconf.set_zookeeper_nodes(zk, 'z', {'a:70000'}) end, 'node #1')\n"
        "raises(function() chconf.set_zookeeper_nodes(zk, 'z', {'a:0'}) end,\n"
        "       'port between 1 and 65535')\n"
        "raises(function() chconf.set_zookeeper_nodes(zk, 'z', {{host = 'a', port = 'x'}}) end,\n"
        "       'port must be an integer')\n"
        "raises(function() chconf.set_zookeeper_nodes(zk, 'z', {{port = 1}}) end,\n"
        "       \"field 'host'\")\n"
        "raises(function() chconf.set_zookeeper_nodes(zk, 'z', {'a:'}) end, 'host:port')\n"
        "raises(function() chconf.set_zookeeper_nodes(zk, 'z', {{host = 'a\\0b'}}) end,\n"
        "       \"field 'host' must be a non-empty string\")\n"
        "raises(function() chconf.add_replica(zk, 'z', 'c', 0, 'a') end, 'shard number')\n"
        "raises(function() chconf.add_replica(zk, 'z', 'c', 'last', 'a') end, 'shard number')\n"
        "raises(function() chconf.add_replica(zk, 'z', 'c', 1, {host = 'a', prot = 1}) end,\n"
        "       \"unknown field 'prot'\")\n"
        "raises(function() chconf.add_replica(zk, 'z', 'c', 1,\n"
        "                  {host = 'a', extra = {secure = true}}) end, 'string or number')\n"
        "raises(function() chconf.create_cluster(zk, 'z', {name = 'c'}) end, \"'shards'\")\n"
        "raises(function() chconf.create_cluster(zk, 'z', {name = 'c', shards = {{}}}) end,\n"
        "       'shard #1')\n"
        "raises(function() chconf.create_cluster(zk, 'z', {name = 'c', shard = {}}) end,\n"
        "       \"unknown field 'shard'\")\n"
        "raises(function() chconf.set_macros(zk, 'z', {}) end, 'at least one macro')\n"
        "raises(function() chconf.set_macros(zk, 'z', {'x'}) end, 'string keys')\n"
        "raises(function() chconf.set_macros(zk, 'z', {a = {}}) end, 'string or number')\n"
        "raises(function() chconf.remove_hosts(zk, 'z', 'all', 'h') end, 'table expected')\n"
        "raises(function() chconf.root(zk, 'a\\0b') end, 'NUL')\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_reads, setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_secrets_hidden, setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_incl_sections, setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_patches_golden, setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_refusals, setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_bad_xml, setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_new_files, setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_misuse_raises, setup, lt_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
