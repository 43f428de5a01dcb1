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
 *           macros_xml, start, stop, restart, status, stop_timeout (absent: no
 *           limit), kill, ssh_user, ssh_port,
 *           kind = "clickhouse"
 *   inv.nodes[name]  every node by name;  inv.keepers_by_id[id]
 *   inv.ssh = {user, port, identity, known_hosts, connect_timeout, parallel, become,
 *             jump}
 *   node.become ("sudo"|"none"), node.jump (its site's jump host or nil);
 *   clickhouse: https (boolean), ca_file, cert_file, key_file
 *   inv.retention = {runs, days} (0: no limit)
 *
 * The tables are a copy: a runbook changing them changes nothing else. */
#include "inventory_lua.h"

#include <lauxlib.h>
#include <lua.h>
#include <string.h>

#include "luabind.h"

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

/* Like luabind_set_int, but 0 means "not given" and sets nothing. */
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
    luabind_set_str(L, "kind", "keeper");
    set_i(L, "id", k->id);
    luabind_set_str(L, "name", k->name);
    luabind_set_str(L, "host", k->host);
    luabind_set_str(L, "role", inventory_keeper_role_name(k->role));
    luabind_set_str(L, "site", k->site->name);
    set_i(L, "client_port", k->client_port);
    set_i(L, "quorum_port", k->quorum_port);
    set_i(L, "election_port", k->election_port);
    set_i(L, "raft_port", k->raft_port);
    luabind_set_str(L, "config", k->config);
    luabind_set_str(L, "data_dir", k->data_dir);
    luabind_set_str(L, "data_log_dir", k->data_log_dir);
    luabind_set_str(L, "log_storage_path", k->log_storage_path);
    luabind_set_str(L, "snapshot_storage_path", k->snapshot_storage_path);
    luabind_set_str(L, "start", k->start);
    luabind_set_str(L, "stop", k->stop);
    luabind_set_str(L, "restart", k->restart);
    luabind_set_str(L, "status", k->status);
    luabind_set_str(L, "disable", k->disable);
    luabind_set_str(L, "enable", k->enable);
    luabind_set_str(L, "ssh_user", k->ssh_user);
    set_i(L, "ssh_port", k->ssh_port);
    luabind_set_str(L, "become", k->become);
    luabind_set_str(L, "jump", k->site->jump);
}

static void push_clickhouse(lua_State *L, const inventory_clickhouse *c)
{
    lua_newtable(L);
    luabind_set_str(L, "kind", "clickhouse");
    luabind_set_str(L, "name", c->name);
    luabind_set_str(L, "host", c->host);
    luabind_set_str(L, "site", c->site->name);
    luabind_set_str(L, "shard", c->shard);
    set_i(L, "shard_num", (lua_Integer)c->shard_index + 1); /* as system.clusters numbers it */
    luabind_set_str(L, "replica", c->replica);
    set_i(L, "http_port", c->http_port);
    set_i(L, "tcp_port", c->tcp_port);
    set_i(L, "interserver_port", c->interserver_port);
    luabind_set_str(L, "config", c->config);
    luabind_set_str(L, "zookeeper_xml", c->zookeeper_xml);
    luabind_set_str(L, "remote_servers_xml", c->remote_servers_xml);
    luabind_set_str(L, "macros_xml", c->macros_xml);
    luabind_set_str(L, "start", c->start);
    luabind_set_str(L, "stop", c->stop);
    luabind_set_str(L, "restart", c->restart);
    luabind_set_str(L, "status", c->status);
    luabind_set_str(L, "disable", c->disable);
    luabind_set_str(L, "enable", c->enable);
    if (c->stop_timeout)
        set_i(L, "stop_timeout", c->stop_timeout);
    luabind_set_str(L, "kill", c->kill);
    luabind_set_str(L, "ssh_user", c->ssh_user);
    set_i(L, "ssh_port", c->ssh_port);
    luabind_set_str(L, "become", c->become);
    luabind_set_str(L, "jump", c->site->jump);
    lua_pushboolean(L, c->https && strcmp(c->https, "true") == 0);
    lua_setfield(L, -2, "https");
    luabind_set_str(L, "ca_file", c->ca_file);
    luabind_set_str(L, "cert_file", c->cert_file);
    luabind_set_str(L, "key_file", c->key_file);
}

int luaopen_dr_inventory(lua_State *L)
{
    const inventory_t *inv = inventory_lua_get(L);
    if (!inv)
        return luaL_error(L, "dr.inventory: no inventory loaded: give -i FILE or set "
                             "DRCTL_INVENTORY");
    lua_newtable(L);
    int t = lua_gettop(L);
    luabind_set_str(L, "file", inv->file);
    luabind_set_str(L, "cluster", inv->cluster);
    luabind_set_str(L, "umbrella_cluster", inv->umbrella_cluster);
    luabind_set_str(L, "keeper_kind", inventory_keeper_kind_name(inv->keeper_kind));
    lua_newtable(L);
    luabind_set_str(L, "user", inv->ssh.user);
    set_i(L, "port", inv->ssh.port);
    luabind_set_str(L, "identity", inv->ssh.identity);
    luabind_set_str(L, "known_hosts", inv->ssh.known_hosts);
    set_i(L, "connect_timeout", inv->ssh.connect_timeout);
    set_i(L, "parallel", inv->ssh.parallel);
    lua_pushboolean(L, inv->ssh.agent);
    lua_setfield(L, -2, "agent");
    luabind_set_str(L, "passphrase_file", inv->ssh.passphrase.file);
    luabind_set_str(L, "passphrase_env", inv->ssh.passphrase.env);
    luabind_set_str(L, "become", inv->ssh.become);
    luabind_set_str(L, "jump", inv->ssh.jump);
    lua_setfield(L, t, "ssh");
    lua_newtable(L);
    set_i(L, "runs", inv->retention.runs);
    set_i(L, "days", inv->retention.days);
    lua_setfield(L, t, "retention");
    lua_newtable(L);
    luabind_set_str(L, "file", inv->super_digest.file);
    luabind_set_str(L, "env", inv->super_digest.env);
    lua_setfield(L, t, "super_digest");
    lua_newtable(L);
    luabind_set_str(L, "user", inv->clickhouse_auth.user);
    luabind_set_str(L, "password_file", inv->clickhouse_auth.password.file);
    luabind_set_str(L, "password_env", inv->clickhouse_auth.password.env);
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
        luabind_set_str(L, "name", s->name);
        luabind_set_str(L, "role", inventory_site_role_name(s->role));
        luabind_set_str(L, "fence", s->fence);
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
