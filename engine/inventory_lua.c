/* inventory_lua: Lua binding of inventory ("dr.inventory"); see
 * include/inventory_lua.h for the tables it builds. */
#include "inventory_lua.h"

#include <lauxlib.h>
#include <lua.h>
#include <stdio.h>
#include <string.h>

static void set_str(lua_State *L, const char *k, const char *v)
{
    if (!v)
        return; /* absent stays nil */
    lua_pushstring(L, v);
    lua_setfield(L, -2, k);
}

static void set_int(lua_State *L, const char *k, lua_Integer v)
{
    if (!v)
        return; /* 0 = not used by this kind: nil */
    lua_pushinteger(L, v);
    lua_setfield(L, -2, k);
}

static void set_secret(lua_State *L, const char *k, const inventory_secret *s)
{
    if (!s->file && !s->env)
        return;
    lua_createtable(L, 0, 1);
    set_str(L, "file", s->file);
    set_str(L, "env", s->env);
    lua_setfield(L, -2, k);
}

static void set_where(lua_State *L, const inventory_pos *p)
{
    lua_pushfstring(L, "%s:%d:%d", p->file, (int)p->line, (int)p->column);
    lua_setfield(L, -2, "where");
}

static void set_commands(lua_State *L, const char *start, const char *stop, const char *restart,
                         const char *status)
{
    set_str(L, "start", start);
    set_str(L, "stop", stop);
    set_str(L, "restart", restart);
    set_str(L, "status", status);
}

/* Pushes one keeper; also files it in nodes (index nodes_idx) and
 * keeper_by_id (index ids_idx). */
static void push_keeper(lua_State *L, const inventory_keeper *k, int nodes_idx, int ids_idx)
{
    lua_createtable(L, 0, 24);
    set_str(L, "type", "keeper");
    set_str(L, "site", k->site->name);
    set_int(L, "id", k->id);
    set_str(L, "name", k->name);
    set_str(L, "host", k->host);
    set_str(L, "role", inventory_keeper_role_name(k->role));
    set_int(L, "client_port", k->client_port);
    set_int(L, "quorum_port", k->quorum_port);
    set_int(L, "election_port", k->election_port);
    set_int(L, "raft_port", k->raft_port);
    set_str(L, "config", k->config);
    set_str(L, "data_dir", k->data_dir);
    set_str(L, "data_log_dir", k->data_log_dir);
    set_str(L, "log_storage_path", k->log_storage_path);
    set_str(L, "snapshot_storage_path", k->snapshot_storage_path);
    set_commands(L, k->start, k->stop, k->restart, k->status);
    set_str(L, "ssh_user", k->ssh_user);
    set_int(L, "ssh_port", k->ssh_port);
    set_where(L, &k->pos);
    lua_pushvalue(L, -1);
    lua_setfield(L, nodes_idx, k->name);
    lua_pushvalue(L, -1);
    lua_rawseti(L, ids_idx, k->id);
}

static void push_clickhouse(lua_State *L, const inventory_clickhouse *c, int nodes_idx)
{
    lua_createtable(L, 0, 22);
    set_str(L, "type", "clickhouse");
    set_str(L, "site", c->site->name);
    set_str(L, "name", c->name);
    set_str(L, "host", c->host);
    set_str(L, "shard", c->shard);
    set_int(L, "shard_index", (lua_Integer)c->shard_index + 1);
    set_str(L, "replica", c->replica);
    set_int(L, "http_port", c->http_port);
    set_int(L, "tcp_port", c->tcp_port);
    set_int(L, "interserver_port", c->interserver_port);
    set_str(L, "config", c->config);
    set_str(L, "zookeeper_xml", c->zookeeper_xml);
    set_str(L, "remote_servers_xml", c->remote_servers_xml);
    set_str(L, "macros_xml", c->macros_xml);
    set_commands(L, c->start, c->stop, c->restart, c->status);
    set_str(L, "ssh_user", c->ssh_user);
    set_int(L, "ssh_port", c->ssh_port);
    set_where(L, &c->pos);
    lua_pushvalue(L, -1);
    lua_setfield(L, nodes_idx, c->name);
}

void inventory_lua_push(lua_State *L, const inventory_t *inv)
{
    luaL_checkstack(L, 12, "building the inventory table");
    lua_createtable(L, 0, 16);
    int top = lua_gettop(L);
    set_str(L, "file", inv->file);
    set_str(L, "cluster", inv->cluster);
    set_str(L, "umbrella_cluster", inv->umbrella_cluster);
    set_str(L, "keeper_kind", inventory_keeper_kind_name(inv->keeper_kind));
    set_secret(L, "super_digest", &inv->super_digest);

    lua_createtable(L, 0, 6);
    set_str(L, "user", inv->ssh.user);
    set_int(L, "port", inv->ssh.port);
    set_str(L, "identity", inv->ssh.identity);
    set_str(L, "known_hosts", inv->ssh.known_hosts);
    set_secret(L, "passphrase", &inv->ssh.passphrase);
    set_int(L, "connect_timeout", inv->ssh.connect_timeout);
    lua_setfield(L, top, "ssh");

    lua_createtable(L, 0, 2);
    set_str(L, "user", inv->clickhouse_auth.user);
    set_secret(L, "password", &inv->clickhouse_auth.password);
    lua_setfield(L, top, "clickhouse_auth");

    lua_createtable(L, (int)inv->n_shards, 0);
    for (size_t i = 0; i < inv->n_shards; i++) {
        lua_pushstring(L, inv->shards[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, top, "shards");

    lua_newtable(L); /* nodes */
    int nodes = lua_gettop(L);
    lua_newtable(L); /* keeper_by_id */
    int ids = lua_gettop(L);
    lua_createtable(L, 0, 2); /* sites */
    int sites = lua_gettop(L);
    for (size_t s = 0; s < inv->n_sites; s++) {
        const inventory_site *site = &inv->sites[s];
        lua_createtable(L, 0, 4);
        set_str(L, "name", site->name);
        set_str(L, "role", inventory_site_role_name(site->role));
        lua_createtable(L, (int)site->n_keepers, 0);
        for (size_t i = 0; i < site->n_keepers; i++) {
            push_keeper(L, &site->keepers[i], nodes, ids);
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        }
        lua_setfield(L, -2, "keepers");
        lua_createtable(L, (int)site->n_clickhouse, 0);
        for (size_t i = 0; i < site->n_clickhouse; i++) {
            push_clickhouse(L, &site->clickhouse[i], nodes);
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        }
        lua_setfield(L, -2, "clickhouse");
        if (site == inv->primary) {
            lua_pushvalue(L, -1);
            lua_setfield(L, top, "primary");
        } else if (site == inv->standby) {
            lua_pushvalue(L, -1);
            lua_setfield(L, top, "standby");
        }
        lua_setfield(L, sites, site->name);
    }
    lua_setfield(L, top, "sites");
    lua_setfield(L, top, "keeper_by_id");
    lua_setfield(L, top, "nodes");
}

/* The expected-failure return: nil, err, code, {errors...}. */
static int fail(lua_State *L, int rc, const dr_err *err, const inventory_errors *errs)
{
    lua_pushnil(L);
    lua_pushstring(L, err->msg);
    lua_pushstring(L, dr_strerror(rc));
    lua_createtable(L, (int)errs->count, 0);
    for (size_t i = 0; i < errs->count; i++) {
        const inventory_error *e = &errs->items[i];
        lua_pushfstring(L, "%s:%d:%d: %s", errs->file ? errs->file : "-", (int)e->line,
                        (int)e->column, e->message);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 4;
}

typedef struct outcome {
    int rc;
    inventory_t *inv;
    inventory_errors *errs;
    const dr_err *err;
} outcome;

static int build_results(lua_State *L)
{
    const outcome *o = lua_touserdata(L, 1);
    lua_settop(L, 0);
    if (o->rc == DR_OK) {
        inventory_lua_push(L, o->inv);
        return 1;
    }
    return fail(L, o->rc, o->err, o->errs);
}

/* Shared by load and parse.  The tables are built under lua_pcall so that a
 * memory error cannot skip the release of the C inventory: build, free, and
 * only then re-raise. */
static int finish(lua_State *L, int rc, inventory_t *inv, inventory_errors *errs, const dr_err *err)
{
    outcome o = {rc, inv, errs, err};
    int base = lua_gettop(L);
    lua_pushcfunction(L, build_results);
    lua_pushlightuserdata(L, &o);
    int status = lua_pcall(L, 1, LUA_MULTRET, 0);
    inventory_free(inv);
    inventory_errors_free(errs);
    if (status != LUA_OK)
        return lua_error(L);
    return lua_gettop(L) - base;
}

static int l_load(lua_State *L)
{
    const char *path = luaL_checkstring(L, 1);
    inventory_t *inv = NULL;
    inventory_errors errs;
    inventory_errors_init(&errs);
    dr_err err = {0};
    int rc = inventory_load_file(path, NULL, &inv, &errs, &err);
    return finish(L, rc, inv, &errs, &err);
}

static int l_parse(lua_State *L)
{
    size_t len;
    const char *text = luaL_checklstring(L, 1, &len);
    const char *name = luaL_optstring(L, 2, "-");
    inventory_t *inv = NULL;
    inventory_errors errs;
    inventory_errors_init(&errs);
    dr_err err = {0};
    int rc = inventory_load_buffer(name, text, len, NULL, &inv, &errs, &err);
    return finish(L, rc, inv, &errs, &err);
}

static const luaL_Reg inventory_functions[] = {
    {"load", l_load},
    {"parse", l_parse},
    {NULL, NULL},
};

int luaopen_dr_inventory(lua_State *L)
{
    luaL_newlib(L, inventory_functions);
    return 1;
}
