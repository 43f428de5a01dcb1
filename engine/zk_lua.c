/* zk_lua: Lua binding of zk, "dr.zk.session" userdata.  Reads run in every
 * run mode; writes, lock and reconfig go through dr_effect_gate.  See
 * include/zk_lua.h for the methods. */
#include "zk_lua.h"

#include <lauxlib.h>
#include <lua.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "effect.h"
#include "luabind.h"
#include "zk.h"

#define SESSION_MT "dr.zk.session"

typedef struct lsession {
    zk_session *s; /* NULL once closed */
} lsession;

static zk_session *check_session(lua_State *L, int idx)
{
    lsession *ls = luaL_checkudata(L, idx, SESSION_MT);
    if (!ls->s)
        luaL_error(L, "attempt to use a closed zk session");
    return ls->s;
}

static void push_stat(lua_State *L, const zk_stat *st)
{
    lua_createtable(L, 0, 7);
    luabind_set_int(L, "version", st->version);
    luabind_set_int(L, "cversion", st->cversion);
    luabind_set_int(L, "czxid", st->czxid);
    luabind_set_int(L, "mzxid", st->mzxid);
    luabind_set_int(L, "ephemeral_owner", st->ephemeral_owner);
    luabind_set_int(L, "data_length", st->data_length);
    luabind_set_int(L, "num_children", st->num_children);
}

static void push_membership(lua_State *L, const fourlw_membership *m)
{
    lua_createtable(L, (int)m->n, 0);
    for (size_t i = 0; i < m->n; i++) {
        const fourlw_member *x = &m->members[i];
        lua_createtable(L, 0, 7);
        luabind_set_int(L, "id", x->id);
        luabind_set_str(L, "host", x->host);
        luabind_set_int(L, "quorum_port", x->quorum_port);
        luabind_set_int(L, "election_port", x->election_port);
        luabind_set_str(L, "role", fourlw_role_name(x->role));
        if (x->client_host)
            luabind_set_str(L, "client_host", x->client_host);
        if (x->client_port)
            luabind_set_int(L, "client_port", x->client_port);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
}

static void push_config(lua_State *L, const zk_config *c, int simulated)
{
    lua_createtable(L, 0, 4);
    push_membership(L, &c->membership);
    lua_setfield(L, -2, "members");
    if (c->membership.has_version)
        luabind_set_int(L, "version", (int64_t)c->membership.version);
    if (c->text)
        luabind_set_str(L, "text", c->text);
    lua_pushboolean(L, simulated);
    lua_setfield(L, -2, "simulated");
}

static int check_version(lua_State *L, int idx)
{
    lua_Integer v = luaL_optinteger(L, idx, -1);
    luaL_argcheck(L, v >= -1 && v <= 0x7fffffff, idx, "version -1 (any) or >= 0 expected");
    return (int)v;
}

/* ---- module functions ---- */

static int opt_seconds_ms(lua_State *L, int idx, const char *name)
{
    lua_getfield(L, idx, name);
    int ms = 0;
    if (!lua_isnil(L, -1)) {
        if (!lua_isnumber(L, -1))
            luaL_error(L, "bad field '%s' (number of seconds expected)", name);
        lua_Number s = lua_tonumber(L, -1);
        if (s <= 0 || s > 3600)
            luaL_error(L, "bad field '%s' (seconds in (0, 3600] expected)", name);
        ms = (int)(s * 1000.0);
    }
    lua_pop(L, 1);
    return ms;
}

static int l_connect(lua_State *L)
{
    const char *servers = luaL_checkstring(L, 1);
    zk_options o = {0};
    if (!lua_isnoneornil(L, 2)) {
        luaL_checktype(L, 2, LUA_TTABLE);
        o.connect_timeout_ms = opt_seconds_ms(L, 2, "timeout");
        o.session_timeout_ms = opt_seconds_ms(L, 2, "session_timeout");
        o.secret_file = luabind_opt_field_str(L, 2, "secret_file");
        o.secret_env = luabind_opt_field_str(L, 2, "secret_env");
    }
    /* created closed, then opened */
    lsession *ls = lua_newuserdatauv(L, sizeof *ls, 0);
    ls->s = NULL;
    luaL_setmetatable(L, SESSION_MT);
    dr_err err = {0};
    if (zk_open(servers, &o, &ls->s, &err))
        return luabind_fail(L, &err);
    return 1;
}

/* ---- read-only methods ---- */

static int l_get(lua_State *L)
{
    zk_session *s = check_session(L, 1);
    const char *path = luaL_checkstring(L, 2);
    dr_buf b = DR_BUF_INIT;
    zk_stat st;
    dr_err err = {0};
    int rc = zk_get(s, path, &b, &st, &err);
    if (rc) {
        dr_buf_free(&b);
        return luabind_fail(L, &err);
    }
    lua_pushlstring(L, b.data ? b.data : "", b.len);
    dr_buf_free(&b);
    push_stat(L, &st);
    return 2;
}

static int l_exists(lua_State *L)
{
    zk_session *s = check_session(L, 1);
    const char *path = luaL_checkstring(L, 2);
    bool ex;
    zk_stat st;
    dr_err err = {0};
    if (zk_exists(s, path, &ex, &st, &err))
        return luabind_fail(L, &err);
    lua_pushboolean(L, ex);
    if (ex)
        push_stat(L, &st);
    else
        lua_pushnil(L);
    return 2;
}

static int l_children(lua_State *L)
{
    zk_session *s = check_session(L, 1);
    const char *path = luaL_checkstring(L, 2);
    char **names;
    size_t n;
    dr_err err = {0};
    if (zk_children(s, path, &names, &n, &err))
        return luabind_fail(L, &err);
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        lua_pushstring(L, names[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    zk_strings_free(names, n);
    return 1;
}

static int l_sync(lua_State *L)
{
    zk_session *s = check_session(L, 1);
    const char *path = luaL_optstring(L, 2, "/");
    dr_err err = {0};
    if (zk_sync(s, path, &err))
        return luabind_fail(L, &err);
    lua_pushboolean(L, 1);
    return 1;
}

static int l_config(lua_State *L)
{
    zk_session *s = check_session(L, 1);
    zk_config c;
    dr_err err = {0};
    if (zk_config_get(s, &c, &err)) {
        zk_config_free(&c);
        return luabind_fail(L, &err);
    }
    push_config(L, &c, 0);
    zk_config_free(&c);
    return 1;
}

static int l_marker_read(lua_State *L)
{
    zk_session *s = check_session(L, 1);
    const char *path = luaL_checkstring(L, 2);
    zk_marker m;
    dr_err err = {0};
    if (zk_marker_read(s, path, &m, &err)) {
        zk_marker_free(&m);
        return luabind_fail(L, &err);
    }
    lua_createtable(L, 0, 3);
    luabind_set_str(L, "run_id", m.run_id);
    luabind_set_int(L, "time_ms", m.time_ms);
    luabind_set_int(L, "mzxid", m.mzxid);
    zk_marker_free(&m);
    return 1;
}

static void push_holder(lua_State *L, const zk_lock_holder *h)
{
    lua_createtable(L, 0, 4);
    luabind_set_str(L, "host", h->host);
    luabind_set_int(L, "pid", h->pid);
    luabind_set_str(L, "run_id", h->run_id);
    luabind_set_int(L, "time_ms", h->time_ms);
}

static int l_lock_holder(lua_State *L)
{
    zk_session *s = check_session(L, 1);
    const char *path = luaL_checkstring(L, 2);
    zk_lock_holder h;
    dr_err err = {0};
    int rc = zk_lock_holder_get(s, path, &h, &err);
    if (rc == DR_ENOTFOUND) {
        lua_pushboolean(L, 0);
        return 1;
    }
    if (rc)
        return luabind_fail(L, &err);
    push_holder(L, &h);
    zk_lock_holder_free(&h);
    return 1;
}

/* ---- gated methods ---- */

/* Reads path's current content for an effect's `before`: 0 with *exists
 * telling whether it is there, or an error other than "absent". */
static int current(zk_session *s, const char *path, dr_buf *b, zk_stat *st, bool *exists,
                   dr_err *err)
{
    *exists = false;
    int rc = zk_get(s, path, b, st, err);
    if (rc == DR_ENOTFOUND) {
        dr_err_clear(err);
        return DR_OK;
    }
    if (rc == DR_OK)
        *exists = true;
    return rc;
}

/* The effect of a write to path on s's ensemble; the caller adds what the
 * journal keeps of it (before/after). */
static dr_effect znode_write(zk_session *s, const char *path, const char *summary)
{
    return (dr_effect){.kind = DR_EFFECT_ZK_WRITE,
                       .module = "zk",
                       .host = zk_servers(s),
                       .summary = summary,
                       .path = path};
}

static int l_set(lua_State *L)
{
    zk_session *s = check_session(L, 1);
    const char *path = luaL_checkstring(L, 2);
    size_t len;
    const char *data = luaL_checklstring(L, 3, &len);
    int version = check_version(L, 4);
    dr_buf before = DR_BUF_INIT;
    zk_stat st = {0};
    bool exists;
    dr_err err = {0};
    int rc = current(s, path, &before, &st, &exists, &err);
    if (rc == DR_OK && !exists)
        rc = dr_err_set(&err, DR_ENOTFOUND, "zk %s: set %s: no such znode", zk_servers(s), path);
    if (rc == DR_OK && version >= 0 && st.version != version)
        rc = dr_err_set(&err, DR_ECONFLICT,
                        "zk %s: set %s: version mismatch: the znode is at version %d, not %d",
                        zk_servers(s), path, (int)st.version, version);
    if (rc) {
        dr_buf_free(&before);
        return luabind_fail(L, &err);
    }
    char summary[400];
    snprintf(summary, sizeof summary, "set %.300s (%zu bytes)", path, len);
    dr_effect e = znode_write(s, path, summary);
    e.before = before.data ? before.data : "";
    e.before_len = before.len;
    e.after = data;
    e.after_len = len;
    int d = dr_effect_gate(L, &e, &err);
    if (d == DR_EFFECT_SIMULATE) {
        st.version++;
        st.data_length = (int32_t)len;
        dr_buf_free(&before);
        push_stat(L, &st);
        return 1;
    }
    if (d < 0) {
        dr_buf_free(&before);
        return luabind_fail(L, &err);
    }
    /* the version checked above is the one the write depends on */
    rc = zk_set(s, path, data, len, version >= 0 ? version : st.version, &st, &err);
    dr_effect_done(L, &e, rc, rc ? err.msg : "set");
    dr_buf_free(&before);
    if (rc)
        return luabind_fail(L, &err);
    push_stat(L, &st);
    return 1;
}

static int l_create(lua_State *L)
{
    zk_session *s = check_session(L, 1);
    const char *path = luaL_checkstring(L, 2);
    size_t len = 0;
    const char *data = luaL_optlstring(L, 3, "", &len);
    int flags = 0, parents = 0;
    if (!lua_isnoneornil(L, 4)) {
        luaL_checktype(L, 4, LUA_TTABLE);
        static const struct {
            const char *name;
            int flag;
        } names[] = {{"ephemeral", ZK_CREATE_EPHEMERAL},
                     {"sequential", ZK_CREATE_SEQUENTIAL},
                     {"container", ZK_CREATE_CONTAINER}};
        for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
            lua_getfield(L, 4, names[i].name);
            if (lua_toboolean(L, -1))
                flags |= names[i].flag;
            lua_pop(L, 1);
        }
        lua_getfield(L, 4, "parents");
        parents = lua_toboolean(L, -1);
        lua_pop(L, 1);
    }
    char summary[400];
    snprintf(summary, sizeof summary, "create %.300s (%zu bytes%s%s%s)", path, len,
             flags & ZK_CREATE_EPHEMERAL ? ", ephemeral" : "",
             flags & ZK_CREATE_SEQUENTIAL ? ", sequential" : "",
             flags & ZK_CREATE_CONTAINER ? ", container" : "");
    dr_effect e = znode_write(s, path, summary);
    e.after = data;
    e.after_len = len;
    dr_err err = {0};
    if (zk_path_check(path, &err))
        return luabind_fail(L, &err);
    int d = dr_effect_gate(L, &e, &err);
    if (d < 0)
        return luabind_fail(L, &err);
    if (d == DR_EFFECT_SIMULATE) {
        lua_pushstring(L, path);
        return 1;
    }
    int rc = parents ? zk_create_parents(s, path, &err) : DR_OK;
    char *created = NULL;
    if (!rc)
        rc = zk_create(s, path, data, len, flags, &created, &err);
    dr_effect_done(L, &e, rc, rc ? err.msg : created);
    if (rc)
        return luabind_fail(L, &err);
    lua_pushstring(L, created);
    free(created);
    return 1;
}

static int l_delete(lua_State *L)
{
    zk_session *s = check_session(L, 1);
    const char *path = luaL_checkstring(L, 2);
    int version = check_version(L, 3);
    dr_buf before = DR_BUF_INIT;
    zk_stat st;
    bool exists;
    dr_err err = {0};
    int rc = current(s, path, &before, &st, &exists, &err);
    if (rc == DR_OK && !exists)
        rc = dr_err_set(&err, DR_ENOTFOUND, "zk %s: delete %s: no such znode", zk_servers(s), path);
    if (rc) {
        dr_buf_free(&before);
        return luabind_fail(L, &err);
    }
    char summary[400];
    snprintf(summary, sizeof summary, "delete %.300s", path);
    dr_effect e = znode_write(s, path, summary);
    e.before = before.data ? before.data : "";
    e.before_len = before.len;
    int d = dr_effect_gate(L, &e, &err);
    if (d == DR_EFFECT_PERFORM) {
        rc = zk_delete(s, path, version, &err);
        dr_effect_done(L, &e, rc, rc ? err.msg : "deleted");
    } else if (d < 0) {
        rc = d;
    }
    dr_buf_free(&before);
    if (rc)
        return luabind_fail(L, &err);
    lua_pushboolean(L, 1);
    return 1;
}

static int l_marker_write(lua_State *L)
{
    zk_session *s = check_session(L, 1);
    const char *path = luaL_checkstring(L, 2);
    const char *run = luaL_checkstring(L, 3);
    dr_buf after = DR_BUF_INIT, before = DR_BUF_INIT;
    dr_err err = {0};
    zk_stat st;
    bool exists = false;
    int rc = zk_marker_format(run, dr_wall_ms(), &after, &err);
    if (!rc)
        rc = current(s, path, &before, &st, &exists, &err);
    if (rc) {
        dr_buf_free(&after);
        dr_buf_free(&before);
        return luabind_fail(L, &err);
    }
    char summary[400];
    snprintf(summary, sizeof summary, "write marker %.300s", path);
    dr_effect e = znode_write(s, path, summary);
    e.before = exists ? (before.data ? before.data : "") : NULL;
    e.before_len = before.len;
    e.after = after.data;
    e.after_len = after.len;
    int d = dr_effect_gate(L, &e, &err);
    if (d == DR_EFFECT_PERFORM) {
        rc = zk_marker_write(s, path, run, &err);
        dr_effect_done(L, &e, rc, rc ? err.msg : "written");
    } else if (d < 0) {
        rc = d;
    }
    dr_buf_free(&after);
    dr_buf_free(&before);
    if (rc)
        return luabind_fail(L, &err);
    lua_pushboolean(L, 1);
    return 1;
}

static int lock_conflict(lua_State *L, const dr_err *err, const zk_lock_holder *h)
{
    luabind_fail(L, err);
    push_holder(L, h);
    return 4;
}

static int l_lock(lua_State *L)
{
    zk_session *s = check_session(L, 1);
    const char *path = luaL_checkstring(L, 2);
    const char *run = luaL_checkstring(L, 3);
    char summary[400];
    snprintf(summary, sizeof summary, "take the run lock %.300s for run %.60s", path, run);
    dr_effect e = znode_write(s, path, summary);
    dr_err err = {0};
    if (zk_path_check(path, &err))
        return luabind_fail(L, &err);
    int d = dr_effect_gate(L, &e, &err);
    if (d < 0)
        return luabind_fail(L, &err);
    zk_lock_holder h;
    if (d == DR_EFFECT_SIMULATE) {
        /* a rehearsal does not take the lock but still says who holds it */
        int rc = zk_lock_holder_get(s, path, &h, &err);
        if (rc == DR_ENOTFOUND) {
            lua_pushboolean(L, 1);
            return 1;
        }
        if (rc)
            return luabind_fail(L, &err);
        if (strcmp(h.run_id, run) == 0) {
            zk_lock_holder_free(&h);
            lua_pushboolean(L, 1);
            return 1;
        }
        dr_err_set(&err, DR_ECONFLICT, "zk %s: lock %s is held by run %s (host %s, pid %lld)",
                   zk_servers(s), path, h.run_id, h.host, (long long)h.pid);
        int n = lock_conflict(L, &err, &h);
        zk_lock_holder_free(&h);
        return n;
    }
    int rc = zk_lock_acquire(s, path, run, &h, &err);
    dr_effect_done(L, &e, rc, rc ? err.msg : "locked");
    if (rc == DR_ECONFLICT && h.run_id) {
        int n = lock_conflict(L, &err, &h);
        zk_lock_holder_free(&h);
        return n;
    }
    zk_lock_holder_free(&h);
    if (rc)
        return luabind_fail(L, &err);
    lua_pushboolean(L, 1);
    return 1;
}

static int l_unlock(lua_State *L)
{
    zk_session *s = check_session(L, 1);
    const char *path = luaL_checkstring(L, 2);
    const char *run = luaL_checkstring(L, 3);
    char summary[400];
    snprintf(summary, sizeof summary, "release the run lock %.300s of run %.60s", path, run);
    dr_effect e = znode_write(s, path, summary);
    dr_err err = {0};
    int d = dr_effect_gate(L, &e, &err);
    if (d < 0)
        return luabind_fail(L, &err);
    if (d == DR_EFFECT_PERFORM) {
        int rc = zk_lock_release(s, path, run, &err);
        dr_effect_done(L, &e, rc, rc ? err.msg : "unlocked");
        if (rc)
            return luabind_fail(L, &err);
    }
    lua_pushboolean(L, 1);
    return 1;
}

/* The membership a reconfig would give: members of cur minus leaving ids,
 * joining lines added (or replacing the same id).  For rehearsals. */
static int predict(const zk_config *cur, const char *joining, const char *leaving, zk_config *out,
                   dr_err *err)
{
    memset(out, 0, sizeof *out);
    fourlw_membership *m = &out->membership;
    m->has_version = cur->membership.has_version;
    m->version = cur->membership.version;
    for (size_t i = 0; i < cur->membership.n; i++) {
        const fourlw_member *x = &cur->membership.members[i];
        bool leaves = false;
        for (const char *c = leaving; c && *c;) {
            char *end;
            long long id = strtoll(c, &end, 10);
            if (end == c)
                return dr_err_set(err, DR_EINVAL, "zk reconfig: leaving '%.100s': expected ids",
                                  leaving);
            if (id == x->id)
                leaves = true;
            c = *end == ',' ? end + 1 : end;
            if (*end && *end != ',')
                return dr_err_set(err, DR_EINVAL, "zk reconfig: leaving '%.100s': expected ids",
                                  leaving);
        }
        if (leaves)
            continue;
        m->members = dr_realloc(m->members, (m->n + 1) * sizeof *m->members);
        fourlw_member *y = &m->members[m->n++];
        *y = *x;
        y->host = dr_strdup(x->host);
        y->client_host = x->client_host ? dr_strdup(x->client_host) : NULL;
    }
    for (const char *c = joining; c && *c;) {
        const char *e = strchr(c, ',');
        size_t l = e ? (size_t)(e - c) : strlen(c);
        fourlw_member j;
        int rc = fourlw_parse_member("reconfig joining", 1, c, l, &j, err);
        if (rc)
            return rc;
        size_t k = 0;
        while (k < m->n && m->members[k].id != j.id)
            k++;
        if (k == m->n) {
            m->members = dr_realloc(m->members, (m->n + 1) * sizeof *m->members);
            m->n++;
        } else {
            fourlw_member_free(&m->members[k]);
        }
        m->members[k] = j;
        c += l + (e ? 1 : 0);
    }
    return DR_OK;
}

static int l_reconfig(lua_State *L)
{
    zk_session *s = check_session(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    const char *joining = luabind_opt_field_str(L, 2, "joining");
    const char *leaving = luabind_opt_field_str(L, 2, "leaving");
    lua_getfield(L, 2, "from_version");
    lua_Integer from = -1;
    if (!lua_isnil(L, -1)) {
        if (!lua_isinteger(L, -1))
            return luaL_error(L, "bad field 'from_version' (integer expected)");
        from = lua_tointeger(L, -1);
    }
    lua_pop(L, 1);
    if (!joining && !leaving)
        return luaL_argerror(L, 2, "'joining' or 'leaving' expected");
    zk_config cur, res;
    memset(&res, 0, sizeof res);
    dr_err err = {0};
    int rc = zk_config_get(s, &cur, &err);
    if (rc) {
        zk_config_free(&cur);
        return luabind_fail(L, &err);
    }
    dr_buf change = DR_BUF_INIT;
    if (joining)
        dr_buf_printf(&change, "joining: %s\n", joining);
    if (leaving)
        dr_buf_printf(&change, "leaving: %s\n", leaving);
    char summary[600];
    snprintf(summary, sizeof summary, "reconfig%s%.250s%s%.100s", joining ? " joining " : "",
             joining ? joining : "", leaving ? " leaving " : "", leaving ? leaving : "");
    dr_effect e = {.kind = DR_EFFECT_ZK_RECONFIG,
                   .module = "zk",
                   .host = zk_servers(s),
                   .summary = summary,
                   .path = "/zookeeper/config",
                   .before = cur.text,
                   .before_len = cur.text ? strlen(cur.text) : 0,
                   .after = change.data,
                   .after_len = change.len};
    int d = dr_effect_gate(L, &e, &err);
    int simulated = 0;
    if (d < 0) {
        rc = d;
    } else if (d == DR_EFFECT_SIMULATE) {
        simulated = 1;
        rc = predict(&cur, joining, leaving, &res, &err);
        if (!rc && from >= 0 && cur.membership.has_version &&
            (uint64_t)from != cur.membership.version)
            rc = dr_err_set(&err, DR_ECONFLICT,
                            "zk %s: reconfig: the configuration is at version %llx, not %llx",
                            zk_servers(s), (unsigned long long)cur.membership.version,
                            (unsigned long long)from);
    } else {
        rc = zk_reconfig(s, joining, leaving, (int64_t)from, &res, &err);
        dr_effect_done(L, &e, rc, rc ? err.msg : "reconfigured");
    }
    zk_config_free(&cur);
    dr_buf_free(&change);
    if (rc) {
        zk_config_free(&res);
        return luabind_fail(L, &err);
    }
    push_config(L, &res, simulated);
    zk_config_free(&res);
    return 1;
}

static int l_close(lua_State *L)
{
    lsession *ls = luaL_checkudata(L, 1, SESSION_MT);
    if (ls->s) {
        zk_close(ls->s);
        ls->s = NULL;
    }
    return 0;
}

static int l_tostring(lua_State *L)
{
    lsession *ls = luaL_checkudata(L, 1, SESSION_MT);
    if (ls->s)
        lua_pushfstring(L, "zk session (%s)", zk_servers(ls->s));
    else
        lua_pushliteral(L, "zk session (closed)");
    return 1;
}

static const luaL_Reg session_methods[] = {
    {"get", l_get},
    {"exists", l_exists},
    {"children", l_children},
    {"sync", l_sync},
    {"config", l_config},
    {"marker_read", l_marker_read},
    {"lock_holder", l_lock_holder},
    {"set", l_set},
    {"create", l_create},
    {"delete", l_delete},
    {"marker_write", l_marker_write},
    {"lock", l_lock},
    {"unlock", l_unlock},
    {"reconfig", l_reconfig},
    {"close", l_close},
    {NULL, NULL},
};

static const luaL_Reg session_metamethods[] = {
    {"__gc", l_close}, {"__close", l_close}, {"__tostring", l_tostring},
    {"__index", NULL}, /* set to the method table below */
    {NULL, NULL},
};

static const luaL_Reg zk_functions[] = {
    {"connect", l_connect},
    {NULL, NULL},
};

int luaopen_dr_zk(lua_State *L)
{
    luaL_newlib(L, zk_functions);
    luabind_createmeta(L, SESSION_MT, session_metamethods, session_methods);
    return 1;
}
