/* inventory_lua: the loaded inventory as plain Lua tables.
 *
 *   inv.cluster, inv.umbrella_cluster, inv.keeper_kind ("zookeeper" | ...)
 *   inv.primary, inv.standby          site tables (also in inv.sites[name])
 *   site.name, site.role, site.keepers[i], site.clickhouse[i]
 *   keeper: id, name, host, role, site (name), client_port, quorum_port,
 *           election_port, raft_port, config, data_dir, data_log_dir,
 *           log_storage_path, snapshot_storage_path, start, stop, restart,
 *           status, ssh_user, ssh_port, kind = "keeper"
 *   clickhouse: name, host, site, shard, replica, http_port, tcp_port,
 *           interserver_port, config, zookeeper_xml, remote_servers_xml,
 *           macros_xml, start, stop, restart, status, ssh_user, ssh_port,
 *           kind = "clickhouse"
 *   inv.nodes[name]  every node by name;  inv.keepers_by_id[id]
 *   inv.ssh = {user, port, identity, known_hosts, connect_timeout}
 *
 * The tables are a copy: a runbook changing them changes nothing else. */
#include "inventory_lua.h"

#include <lauxlib.h>
#include <lua.h>

static const char INV_KEY[] = "dr.inventory.ptr";

void inventory_lua_set(lua_State *L, const inventory_t *inv)
{
    lua_pushlightuserdata(L, (void *)inv);
    lua_setfield(L, LUA_REGISTRYINDEX, INV_KEY);
}

const inventory_t *inventory_lua_get(lua_State *L)
{
    lua_getfield(L, LUA_REGISTRYINDEX, INV_KEY);
    const inventory_t *inv = lua_touserdata(L, -1);
    lua_pop(L, 1);
    return inv;
}

static void set_s(lua_State *L, const char *k, const char *v)
{
    if (v) {
        lua_pushstring(L, v);
        lua_setfield(L, -2, k);
    }
}

static void set_i(lua_State *L, const char *k, lua_Integer v)
{
    if (v) {
        lua_pushinteger(L, v);
        lua_setfield(L, -2, k);
    }
}

static void push_keeper(lua_State *L, const inventory_keeper *k)
{
    lua_newtable(L);
    set_s(L, "kind", "keeper");
    set_i(L, "id", k->id);
    set_s(L, "name", k->name);
    set_s(L, "host", k->host);
    set_s(L, "role", inventory_keeper_role_name(k->role));
    set_s(L, "site", k->site->name);
    set_i(L, "client_port", k->client_port);
    set_i(L, "quorum_port", k->quorum_port);
    set_i(L, "election_port", k->election_port);
    set_i(L, "raft_port", k->raft_port);
    set_s(L, "config", k->config);
    set_s(L, "data_dir", k->data_dir);
    set_s(L, "data_log_dir", k->data_log_dir);
    set_s(L, "log_storage_path", k->log_storage_path);
    set_s(L, "snapshot_storage_path", k->snapshot_storage_path);
    set_s(L, "start", k->start);
    set_s(L, "stop", k->stop);
    set_s(L, "restart", k->restart);
    set_s(L, "status", k->status);
    set_s(L, "ssh_user", k->ssh_user);
    set_i(L, "ssh_port", k->ssh_port);
}

static void push_clickhouse(lua_State *L, const inventory_clickhouse *c)
{
    lua_newtable(L);
    set_s(L, "kind", "clickhouse");
    set_s(L, "name", c->name);
    set_s(L, "host", c->host);
    set_s(L, "site", c->site->name);
    set_s(L, "shard", c->shard);
    set_i(L, "shard_num", (lua_Integer)c->shard_index + 1); /* as system.clusters numbers it */
    set_s(L, "replica", c->replica);
    set_i(L, "http_port", c->http_port);
    set_i(L, "tcp_port", c->tcp_port);
    set_i(L, "interserver_port", c->interserver_port);
    set_s(L, "config", c->config);
    set_s(L, "zookeeper_xml", c->zookeeper_xml);
    set_s(L, "remote_servers_xml", c->remote_servers_xml);
    set_s(L, "macros_xml", c->macros_xml);
    set_s(L, "start", c->start);
    set_s(L, "stop", c->stop);
    set_s(L, "restart", c->restart);
    set_s(L, "status", c->status);
    set_s(L, "ssh_user", c->ssh_user);
    set_i(L, "ssh_port", c->ssh_port);
}

int luaopen_dr_inventory(lua_State *L)
{
    const inventory_t *inv = inventory_lua_get(L);
    if (!inv)
        return luaL_error(L, "dr.inventory: no inventory loaded: give -i FILE or set "
                             "DRCTL_INVENTORY");
    lua_newtable(L);
    int t = lua_gettop(L);
    set_s(L, "file", inv->file);
    set_s(L, "cluster", inv->cluster);
    set_s(L, "umbrella_cluster", inv->umbrella_cluster);
    set_s(L, "keeper_kind", inventory_keeper_kind_name(inv->keeper_kind));
    lua_newtable(L);
    set_s(L, "user", inv->ssh.user);
    set_i(L, "port", inv->ssh.port);
    set_s(L, "identity", inv->ssh.identity);
    set_s(L, "known_hosts", inv->ssh.known_hosts);
    set_i(L, "connect_timeout", inv->ssh.connect_timeout);
    set_s(L, "passphrase_file", inv->ssh.passphrase.file);
    set_s(L, "passphrase_env", inv->ssh.passphrase.env);
    lua_setfield(L, t, "ssh");
    lua_newtable(L);
    set_s(L, "file", inv->super_digest.file);
    set_s(L, "env", inv->super_digest.env);
    lua_setfield(L, t, "super_digest");
    lua_newtable(L);
    set_s(L, "user", inv->clickhouse_auth.user);
    set_s(L, "password_file", inv->clickhouse_auth.password.file);
    set_s(L, "password_env", inv->clickhouse_auth.password.env);
    lua_setfield(L, t, "clickhouse_auth");
    lua_newtable(L);
    int sites = lua_gettop(L);
    lua_newtable(L);
    int nodes = lua_gettop(L);
    lua_newtable(L);
    int by_id = lua_gettop(L);
    for (size_t i = 0; i < inv->n_sites; i++) {
        const inventory_site *s = &inv->sites[i];
        lua_newtable(L);
        int st = lua_gettop(L);
        set_s(L, "name", s->name);
        set_s(L, "role", inventory_site_role_name(s->role));
        lua_newtable(L);
        for (size_t k = 0; k < s->n_keepers; k++) {
            push_keeper(L, &s->keepers[k]);
            lua_pushvalue(L, -1);
            lua_setfield(L, nodes, s->keepers[k].name);
            lua_pushvalue(L, -1);
            lua_rawseti(L, by_id, s->keepers[k].id);
            lua_rawseti(L, -2, (lua_Integer)k + 1);
        }
        lua_setfield(L, st, "keepers");
        lua_newtable(L);
        for (size_t k = 0; k < s->n_clickhouse; k++) {
            push_clickhouse(L, &s->clickhouse[k]);
            lua_pushvalue(L, -1);
            lua_setfield(L, nodes, s->clickhouse[k].name);
            lua_rawseti(L, -2, (lua_Integer)k + 1);
        }
        lua_setfield(L, st, "clickhouse");
        if (s == inv->primary) {
            lua_pushvalue(L, st);
            lua_setfield(L, t, "primary");
        }
        if (s == inv->standby) {
            lua_pushvalue(L, st);
            lua_setfield(L, t, "standby");
        }
        lua_setfield(L, sites, s->name);
    }
    lua_pushvalue(L, by_id);
    lua_setfield(L, t, "keepers_by_id");
    lua_pushvalue(L, nodes);
    lua_setfield(L, t, "nodes");
    lua_pushvalue(L, sites);
    lua_setfield(L, t, "sites");
    lua_settop(L, t);
    return 1;
}
