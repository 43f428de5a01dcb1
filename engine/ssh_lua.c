/* ssh_lua: Lua binding of the ssh pool, "dr.ssh.pool" userdata.
 *
 * Results are tables: exec gives {host, ok, status (or signal, the name of
 * the signal that killed the command), stdout, stderr, duration (seconds),
 * simulated}; a failure to run at all (connect, auth,
 * host key, timeout) is `nil, "what: why", code`.  exec_many gives one such
 * table per host, in the order of hosts, with ok=false, error and code for
 * the hosts that failed: one host failing never hides the others. */
#include "ssh_lua.h"

#include <lauxlib.h>
#include <lua.h>
#include <stdlib.h>
#include <string.h>

#include "effect.h"
#include "luabind.h"
#include "sha256.h"
#include "async.h"
#include "ssh.h"

#define POOL_MT "dr.ssh.pool"

typedef struct lpool {
    ssh_pool *pool; /* NULL once closed */
} lpool;

static lpool *check_pool(lua_State *L, int idx)
{
    lpool *lp = luaL_checkudata(L, idx, POOL_MT);
    if (!lp->pool)
        luaL_error(L, "attempt to use a closed ssh pool");
    return lp;
}

static int fail(lua_State *L, const dr_err *err)
{
    lua_pushnil(L);
    lua_pushstring(L, err->msg);
    lua_pushstring(L, dr_strerror(err->code));
    return 3;
}

/* Optional string field of the table at idx (NULL when absent). */
static lua_Number opt_field_number(lua_State *L, int idx, const char *name, lua_Number def)
{
    lua_getfield(L, idx, name);
    lua_Number v = def;
    if (!lua_isnil(L, -1)) {
        if (!lua_isnumber(L, -1))
            luaL_error(L, "bad field '%s' (number expected, got %s)", name, luaL_typename(L, -1));
        v = lua_tonumber(L, -1);
    }
    lua_pop(L, 1);
    return v;
}

static int opt_field_bool(lua_State *L, int idx, const char *name)
{
    lua_getfield(L, idx, name);
    int v = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return v;
}

/* Seconds (a Lua number) to milliseconds; 0 keeps the default. */
static int seconds_ms(lua_State *L, lua_Number s, const char *name)
{
    if (s < 0 || s > 86400)
        luaL_error(L, "bad field '%s' (seconds between 0 and 86400 expected)", name);
    return (int)(s * 1000.0 + 0.5);
}

/* The become field of the table at idx: nil/false/"none" (no), true/"sudo". */
static int opt_become(lua_State *L, int idx)
{
    lua_getfield(L, idx, "become");
    int v = 0;
    if (lua_type(L, -1) == LUA_TSTRING) {
        const char *s = lua_tostring(L, -1);
        if (strcmp(s, "sudo") == 0)
            v = 1;
        else if (strcmp(s, "none") != 0)
            luaL_error(L, "bad field 'become' (\"sudo\" or \"none\" expected, got \"%s\")", s);
    } else if (!lua_isnil(L, -1)) {
        if (!lua_isboolean(L, -1))
            luaL_error(L, "bad field 'become' (string expected, got %s)", luaL_typename(L, -1));
        v = lua_toboolean(L, -1);
    }
    lua_pop(L, 1);
    return v;
}

/* ssh.pool{...} -> pool | nil, err, code */
static int l_pool(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    ssh_config cfg = {0};
    cfg.known_hosts = luabind_opt_field_str(L, 1, "known_hosts");
    cfg.identity = luabind_opt_field_str(L, 1, "identity");
    cfg.user = luabind_opt_field_str(L, 1, "user");
    cfg.passphrase_file = luabind_opt_field_str(L, 1, "passphrase_file");
    cfg.passphrase_env = luabind_opt_field_str(L, 1, "passphrase_env");
    cfg.use_agent = opt_field_bool(L, 1, "agent");
    cfg.files_over_exec = opt_field_bool(L, 1, "files_over_exec");
    cfg.hostkey_policy = opt_field_bool(L, 1, "tofu") ? SSH_HOSTKEY_TOFU : SSH_HOSTKEY_STRICT;
    cfg.become_sudo = opt_become(L, 1);
    cfg.jump = luabind_opt_field_str(L, 1, "jump");
    lua_Number port = opt_field_number(L, 1, "port", 0);
    if (port < 0 || port > 65535 || port != (int)port)
        luaL_error(L, "bad field 'port' (1-65535 expected)");
    cfg.port = (int)port;
    cfg.connect_timeout_ms =
        seconds_ms(L, opt_field_number(L, 1, "connect_timeout", 0), "connect_timeout");
    cfg.exec_timeout_ms = seconds_ms(L, opt_field_number(L, 1, "exec_timeout", 0), "exec_timeout");
    lua_Number par = opt_field_number(L, 1, "parallel", 0);
    if (par < 0 || par > 1024)
        luaL_error(L, "bad field 'parallel' (0-1024 expected)");
    cfg.max_parallel = (int)par;
    if (!cfg.known_hosts)
        return luaL_argerror(L, 1, "field 'known_hosts' required (host keys are always checked)");

    /* Closed userdata first, so that a failure below leaves nothing to leak. */
    lpool *lp = lua_newuserdatauv(L, sizeof *lp, 0);
    lp->pool = NULL;
    luaL_setmetatable(L, POOL_MT);
    dr_err err = {0};
    if (ssh_pool_new(&cfg, &lp->pool, &err) != DR_OK)
        return fail(L, &err);
    return 1;
}

static int l_close(lua_State *L)
{
    lpool *lp = luaL_checkudata(L, 1, POOL_MT);
    ssh_pool_free(lp->pool);
    lp->pool = NULL;
    return 0;
}

static int l_tostring(lua_State *L)
{
    lpool *lp = luaL_checkudata(L, 1, POOL_MT);
    lua_pushfstring(L, "dr.ssh.pool (%s)", lp->pool ? "open" : "closed");
    return 1;
}

/* Per-call timeout in ms from an optional options table at idx (0: default). */
static int opt_timeout(lua_State *L, int idx)
{
    if (lua_isnoneornil(L, idx))
        return 0;
    luaL_checktype(L, idx, LUA_TTABLE);
    return seconds_ms(L, opt_field_number(L, idx, "timeout", 0), "timeout");
}

static void push_result(lua_State *L, const char *host, const ssh_result *r, int simulated)
{
    lua_createtable(L, 0, 9);
    lua_pushstring(L, host);
    lua_setfield(L, -2, "host");
    lua_pushboolean(L, r->rc == DR_OK);
    lua_setfield(L, -2, "ok");
    if (r->rc != DR_OK) {
        lua_pushstring(L, r->err.msg);
        lua_setfield(L, -2, "error");
        lua_pushstring(L, dr_strerror(r->rc));
        lua_setfield(L, -2, "code");
    } else {
        if (r->exit_signal) { /* killed: a signal name and no status */
            lua_pushstring(L, r->exit_signal);
            lua_setfield(L, -2, "signal");
        } else {
            lua_pushinteger(L, r->exit_status);
            lua_setfield(L, -2, "status");
        }
        lua_pushlstring(L, r->out.data ? r->out.data : "", r->out.len);
        lua_setfield(L, -2, "stdout");
        lua_pushlstring(L, r->errout.data ? r->errout.data : "", r->errout.len);
        lua_setfield(L, -2, "stderr");
    }
    lua_pushnumber(L, (lua_Number)r->duration_ms / 1000.0);
    lua_setfield(L, -2, "duration");
    lua_pushboolean(L, simulated);
    lua_setfield(L, -2, "simulated");
}

static void exec_done(lua_State *L, const dr_effect *e, const ssh_result *r)
{
    char detail[64];
    if (r->rc != DR_OK)
        dr_effect_done(L, e, r->rc, r->err.msg);
    else {
        if (r->exit_signal)
            snprintf(detail, sizeof detail, "killed by signal %s", r->exit_signal);
        else
            snprintf(detail, sizeof detail, "exit %d", r->exit_status);
        dr_effect_done(L, e, DR_OK, detail);
    }
}

/* Pushes what exec returns for r (ran on host) and frees r. */
static int exec_outcome(lua_State *L, ssh_result *r)
{
    int n;
    if (r->rc != DR_OK) {
        n = fail(L, &r->err);
    } else {
        push_result(L, r->host, r, 0);
        n = 1;
    }
    ssh_result_free(r);
    return n;
}

/* Resumed by the step group scheduler: the request (below what the yield
 * handed out) holds the result. */
static int exec_k(lua_State *L, int status, lua_KContext gated)
{
    (void)status;
    dr_async_req *rq = dr_async_check(L, -1);
    if (!rq)
        return luaL_error(L, "ssh exec: resumed without its request");
    dr_effect e = {.kind = DR_EFFECT_EXEC, .module = "ssh", .host = rq->host, .summary = rq->cmd};
    if (gated)
        exec_done(L, &e, &rq->res);
    ssh_result r = rq->res;
    memset(&rq->res, 0, sizeof rq->res);
    return exec_outcome(L, &r);
}

/* exec and probe: gated says whether the command changes something.  In a
 * member of a step group the command is handed to the group's scheduler,
 * which runs it while the other members go on. */
static int do_exec(lua_State *L, int gated)
{
    lpool *lp = check_pool(L, 1);
    const char *host = luaL_checkstring(L, 2);
    const char *cmd = luaL_checkstring(L, 3);
    int timeout = opt_timeout(L, 4);
    dr_effect e = {.kind = DR_EFFECT_EXEC, .module = "ssh", .host = host, .summary = cmd};
    ssh_result r = {0};
    if (gated) {
        dr_err err = {0};
        int d = dr_effect_gate(L, &e, &err);
        if (d < 0)
            return fail(L, &err);
        if (d == DR_EFFECT_SIMULATE) {
            r.rc = DR_OK;
            push_result(L, host, &r, 1);
            return 1;
        }
    }
    if (dr_async_member(L)) {
        dr_async_req *rq = dr_async_push(L, DR_ASYNC_EXEC);
        rq->pool = lp->pool;
        rq->host = dr_strdup(host);
        rq->cmd = dr_strdup(cmd);
        rq->timeout_ms = timeout;
        lua_pushvalue(L, -1);
        return lua_yieldk(L, 1, gated, exec_k);
    }
    ssh_exec(lp->pool, host, cmd, timeout, &r);
    if (gated)
        exec_done(L, &e, &r);
    return exec_outcome(L, &r);
}

static int l_exec(lua_State *L)
{
    return do_exec(L, 1);
}

/* Not gated: for commands that change nothing (cat, zkServer status, ...),
 * which must run in rehearsals too.  Never use it for anything else. */
static int l_probe(lua_State *L)
{
    return do_exec(L, 0);
}

static int l_exec_many(lua_State *L)
{
    lpool *lp = check_pool(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    const char *cmd = luaL_checkstring(L, 3);
    int timeout = opt_timeout(L, 4);
    lua_Integer n = luaL_len(L, 2);
    for (lua_Integer i = 1; i <= n; i++) {
        if (lua_geti(L, 2, i) != LUA_TSTRING)
            return luaL_argerror(L, 2, "array of host names expected");
        lua_pop(L, 1);
    }
    /* Host strings stay alive in the argument table while we use them. */
    size_t count = (size_t)n;
    const char **hosts = calloc(count ? count : 1, sizeof *hosts);
    const char **run = calloc(count ? count : 1, sizeof *run);
    size_t *run_idx = calloc(count ? count : 1, sizeof *run_idx);
    int *decision = calloc(count ? count : 1, sizeof *decision);
    dr_err *gate_err = calloc(count ? count : 1, sizeof *gate_err);
    ssh_result *res = calloc(count ? count : 1, sizeof *res);
    if (!hosts || !run || !run_idx || !decision || !gate_err || !res) {
        free(hosts), free(run), free(run_idx), free(decision), free(gate_err), free(res);
        return luaL_error(L, "out of memory");
    }
    size_t nrun = 0;
    for (size_t i = 0; i < count; i++) {
        lua_geti(L, 2, (lua_Integer)i + 1);
        hosts[i] = lua_tostring(L, -1);
        lua_pop(L, 1);
        dr_effect e = {.kind = DR_EFFECT_EXEC, .module = "ssh", .host = hosts[i], .summary = cmd};
        decision[i] = dr_effect_gate(L, &e, &gate_err[i]);
        if (decision[i] == DR_EFFECT_PERFORM) {
            run_idx[nrun] = i;
            run[nrun++] = hosts[i];
        }
    }
    ssh_result *ran = calloc(nrun ? nrun : 1, sizeof *ran);
    if (ran)
        ssh_exec_many(lp->pool, run, nrun, cmd, timeout, ran);
    for (size_t k = 0; ran && k < nrun; k++) {
        dr_effect e = {.kind = DR_EFFECT_EXEC, .module = "ssh", .host = run[k], .summary = cmd};
        exec_done(L, &e, &ran[k]);
        res[run_idx[k]] = ran[k];
    }
    lua_createtable(L, (int)count, 0);
    for (size_t i = 0; i < count; i++) {
        if (decision[i] == DR_EFFECT_PERFORM) {
            push_result(L, res[i].host ? res[i].host : hosts[i], &res[i], 0);
            ssh_result_free(&res[i]);
        } else if (decision[i] == DR_EFFECT_SIMULATE) {
            ssh_result sim = {0};
            push_result(L, hosts[i], &sim, 1);
        } else {
            ssh_result refused = {.rc = decision[i], .err = gate_err[i]};
            push_result(L, hosts[i], &refused, 0);
        }
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    free(ran);
    free(hosts), free(run), free(run_idx), free(decision), free(gate_err), free(res);
    return 1;
}

/* The file as the run sees it: in a rehearsal, what an earlier step of the
 * plan "wrote" there, else the file on the host. */
static int read_current(lua_State *L, lpool *lp, const char *host, const char *path, dr_buf *out,
                        dr_err *err)
{
    const char *w;
    size_t wl;
    if (dr_effect_written(L, host, path, &w, &wl)) {
        dr_buf_append(out, w, wl);
        return DR_OK;
    }
    return ssh_read_file(lp->pool, host, path, out, err);
}

/* Resumed by the step group scheduler once the read command ended: the
 * request on top of the stack holds its result; path is argument 3. */
static int read_k(lua_State *L, int status, lua_KContext ctx)
{
    (void)status;
    (void)ctx;
    dr_async_req *rq = dr_async_check(L, -1);
    if (!rq)
        return luaL_error(L, "ssh read_file: resumed without its request");
    dr_buf b = DR_BUF_INIT;
    dr_err err = {0};
    int rc = ssh_read_outcome(&rq->res, lua_tostring(L, 3), &b, &err);
    /* Now, not when the request is collected: the collector does not see
     * this memory, and a group of hundreds of members would keep every
     * member's file until the collector next ran. */
    ssh_result_free(&rq->res);
    if (rc != DR_OK) {
        dr_buf_free(&b);
        return fail(L, &err);
    }
    /* the same file on hundreds of hosts: one string object (see
     * luabind_push_shared), not kept beyond the last few */
    luabind_push_shared(L, b.data ? b.data : "", b.len, 0);
    dr_buf_free(&b);
    return 1;
}

/* In a step group, the read of path on host runs as a command beside the
 * other members' work instead of blocking them all: yields the request to
 * the group's scheduler, which resumes k once it ended. */
static int yield_read(lua_State *L, lpool *lp, const char *host, const char *path, lua_KFunction k)
{
    dr_buf cmd = DR_BUF_INIT;
    ssh_read_command(&cmd, path);
    dr_async_req *rq = dr_async_push(L, DR_ASYNC_EXEC);
    rq->pool = lp->pool;
    rq->host = dr_strdup(host);
    rq->cmd = dr_buf_steal(&cmd, NULL);
    lua_pushvalue(L, -1);
    return lua_yieldk(L, 1, 0, k);
}

static int l_read_file(lua_State *L)
{
    lpool *lp = check_pool(L, 1);
    const char *host = luaL_checkstring(L, 2);
    const char *path = luaL_checkstring(L, 3);
    lua_settop(L, 3);
    const char *w;
    size_t wl;
    if (dr_async_member(L) && !dr_effect_written(L, host, path, &w, &wl))
        return yield_read(L, lp, host, path, read_k);
    dr_buf b = DR_BUF_INIT;
    dr_err err = {0};
    if (read_current(L, lp, host, path, &b, &err) != DR_OK) {
        dr_buf_free(&b);
        return fail(L, &err);
    }
    /* the same file on hundreds of hosts: one string object (see
     * luabind_push_shared), not kept beyond the last few */
    luabind_push_shared(L, b.data ? b.data : "", b.len, 0);
    dr_buf_free(&b);
    return 1;
}

/* The result of write_file: w as read and hashed before the write (the
 * one read of the file), with done's mode and owner when it was written. */
static void push_write(lua_State *L, const ssh_write_result *w, const ssh_write_result *done,
                       int simulated)
{
    lua_createtable(L, 0, 8);
    lua_pushboolean(L, w->existed);
    lua_setfield(L, -2, "existed");
    if (w->existed) {
        /* the same file on hundreds of hosts: no copy per host */
        luabind_push_shared(L, w->previous.data ? w->previous.data : "", w->previous.len, 0);
        lua_setfield(L, -2, "previous");
        lua_pushstring(L, w->previous_sha256);
        lua_setfield(L, -2, "previous_sha256");
    }
    lua_pushstring(L, w->sha256);
    lua_setfield(L, -2, "sha256");
    if (done) {
        lua_pushinteger(L, done->mode);
        lua_setfield(L, -2, "mode");
        lua_pushinteger(L, done->uid);
        lua_setfield(L, -2, "uid");
        lua_pushinteger(L, done->gid);
        lua_setfield(L, -2, "gid");
    }
    lua_pushboolean(L, simulated);
    lua_setfield(L, -2, "simulated");
}

/* The options of write_file (argument 5). */
static void write_opts(lua_State *L, ssh_write_opts *opts)
{
    memset(opts, 0, sizeof *opts);
    if (!lua_isnoneornil(L, 5)) {
        luaL_checktype(L, 5, LUA_TTABLE);
        lua_Number mode = opt_field_number(L, 5, "mode", 0);
        if (mode < 0 || mode > 07777 || mode != (int)mode)
            luaL_error(L, "bad field 'mode' (a mode 0-07777 expected)");
        opts->mode = (int)mode;
        opts->expect_sha256 = luabind_opt_field_str(L, 5, "expect_sha256");
    }
}

/* write_file's option previous=: the content the caller read (false: the
 * file was absent), so that the file is not read again.  Returns 1 and
 * sets *data (NULL when absent) and *len when it is given. */
static int write_opt_previous(lua_State *L, const char **data, size_t *len)
{
    if (lua_isnoneornil(L, 5))
        return 0;
    int ty = lua_getfield(L, 5, "previous");
    int given = 1;
    *data = NULL;
    *len = 0;
    if (ty == LUA_TSTRING)
        *data = lua_tolstring(L, -1, len); /* alive in the options table */
    else if (ty == LUA_TNIL)
        given = 0;
    else if (ty != LUA_TBOOLEAN || lua_toboolean(L, -1))
        luaL_error(L, "bad field 'previous' (the content read, or false when absent, expected)");
    lua_pop(L, 1);
    return given;
}

/* Resumed by the step group scheduler once the write command ended: above
 * the 5 arguments, the hash it compared with (6), the previous content or
 * nil (7), and the request on top. */
static int write_done_k(lua_State *L, int status, lua_KContext ctx)
{
    (void)status;
    (void)ctx;
    dr_async_req *rq = dr_async_check(L, -1);
    if (!rq)
        return luaL_error(L, "ssh write_file: resumed without its request");
    const char *host = lua_tostring(L, 2);
    const char *path = lua_tostring(L, 3);
    size_t len;
    const char *content = lua_tolstring(L, 4, &len);
    const char *expect = lua_tostring(L, 6);
    ssh_write_result w = {0}, done = {0};
    dr_err err = {0};
    int rc = ssh_write_outcome(&rq->res, path, expect, &done, &err);
    ssh_result_free(&rq->res); /* as in read_k */
    dr_effect e = {.kind = DR_EFFECT_WRITE_FILE, .module = "ssh", .host = host, .path = path};
    sha256_hex(content, len, w.sha256);
    dr_effect_done(L, &e, rc, rc == DR_OK ? w.sha256 : err.msg);
    if (rc != DR_OK)
        return fail(L, &err);
    w.existed = done.existed;
    memcpy(w.previous_sha256, done.previous_sha256, sizeof w.previous_sha256);
    push_write(L, &w, &done, 0);
    if (w.existed) { /* the content read before the write */
        lua_pushvalue(L, 7);
        lua_setfield(L, -2, "previous");
    }
    return 1;
}

#define SHA_RECENT_MIN 4096 /* shorter contents are hashed each time */
#define SHA_RECENT 4
#define SHA_RECENT_KEY "dr.ssh.recent_sha256"

/* sha256_hex of data, from the hashes of the last few long contents when
 * one of them has the same bytes (compared, not hashed: a fleet writes the
 * same remote_servers.xml over the same old one on hundreds of hosts).  The
 * registry keeps each of them as a string with its hash, slots 1..N, the
 * next one to replace in slot 0. */
static void recent_sha256_hex(lua_State *L, const char *data, size_t len,
                              char hex[SHA256_HEX_LEN + 1])
{
    if (len < SHA_RECENT_MIN) {
        sha256_hex(data, len, hex);
        return;
    }
    if (lua_getfield(L, LUA_REGISTRYINDEX, SHA_RECENT_KEY) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_setfield(L, LUA_REGISTRYINDEX, SHA_RECENT_KEY);
    }
    int ring = lua_gettop(L);
    for (int i = 1; i <= SHA_RECENT; i++) {
        if (lua_rawgeti(L, ring, 2 * i - 1) == LUA_TSTRING) {
            size_t n;
            const char *s = lua_tolstring(L, -1, &n);
            if (n == len && (s == data || !memcmp(s, data, len))) {
                lua_rawgeti(L, ring, 2 * i);
                snprintf(hex, SHA256_HEX_LEN + 1, "%s", lua_tostring(L, -1));
                lua_settop(L, ring - 1);
                return;
            }
        }
        lua_pop(L, 1);
    }
    sha256_hex(data, len, hex);
    lua_rawgeti(L, ring, 0);
    lua_Integer slot = lua_isinteger(L, -1) ? lua_tointeger(L, -1) : 1;
    lua_pop(L, 1);
    luabind_push_shared(L, data, len, 0);
    lua_rawseti(L, ring, 2 * slot - 1);
    lua_pushstring(L, hex);
    lua_rawseti(L, ring, 2 * slot);
    lua_pushinteger(L, slot % SHA_RECENT + 1);
    lua_rawseti(L, ring, 0);
    lua_settop(L, ring - 1);
}

/* The rest of write_file once what is there has been read (rc: DR_OK,
 * DR_ENOTFOUND or the read's failure, in err); w->previous holds it and is
 * freed here. */
static int write_with_previous(lua_State *L, int rc, ssh_write_result *w, dr_err *err)
{
    lpool *lp = check_pool(L, 1);
    const char *host = lua_tostring(L, 2);
    const char *path = lua_tostring(L, 3);
    size_t len;
    const char *content = lua_tolstring(L, 4, &len);
    ssh_write_opts opts;
    write_opts(L, &opts);
    if (rc != DR_OK && rc != DR_ENOTFOUND) {
        dr_buf_free(&w->previous);
        return fail(L, err);
    }
    w->existed = rc == DR_OK;
    if (w->existed)
        recent_sha256_hex(L, w->previous.data ? w->previous.data : "", w->previous.len,
                          w->previous_sha256);
    recent_sha256_hex(L, content, len, w->sha256);
    if (opts.expect_sha256 && strcmp(opts.expect_sha256, w->previous_sha256) != 0) {
        dr_err_set(err, DR_ECONFLICT,
                   "write %s:%s: the file is not what the caller expected (now %s, expected %s)",
                   host, path, w->existed ? w->previous_sha256 : "absent",
                   *opts.expect_sha256 ? opts.expect_sha256 : "absent");
        dr_buf_free(&w->previous);
        return fail(L, err);
    }
    char summary[512];
    snprintf(summary, sizeof summary, "write %s (%zu bytes)", path, len);
    dr_effect e = {.kind = DR_EFFECT_WRITE_FILE,
                   .module = "ssh",
                   .host = host,
                   .summary = summary,
                   .path = path,
                   .before = w->existed ? w->previous.data : NULL,
                   .before_len = w->existed ? w->previous.len : 0,
                   .after = content,
                   .after_len = len};
    int d = dr_effect_gate(L, &e, err);
    if (d < 0) {
        dr_buf_free(&w->previous);
        return fail(L, err);
    }
    if (d == DR_EFFECT_SIMULATE) {
        push_write(L, w, NULL, 1);
        dr_buf_free(&w->previous);
        return 1;
    }
    char expect[SHA256_HEX_LEN + 1];
    memcpy(expect, w->previous_sha256, sizeof expect);
    opts.expect_sha256 = expect; /* compare-and-swap on what the gate was shown */
    if (dr_async_member(L)) {
        /* In a step group the replacement is one command beside the other
         * members' work; the content stays alive as argument 4. */
        dr_buf cmd = DR_BUF_INIT;
        rc = ssh_write_command(&cmd, host, path, content, len, expect, opts.mode, err);
        if (rc != DR_OK) {
            dr_effect_done(L, &e, rc, err->msg);
            dr_buf_free(&cmd);
            dr_buf_free(&w->previous);
            return fail(L, err);
        }
        lua_settop(L, 5);
        lua_pushstring(L, expect);
        if (w->existed)
            luabind_push_shared(L, w->previous.data ? w->previous.data : "", w->previous.len, 0);
        else
            lua_pushnil(L);
        dr_buf_free(&w->previous);
        dr_async_req *rq = dr_async_push(L, DR_ASYNC_EXEC);
        rq->pool = lp->pool;
        rq->host = dr_strdup(host);
        rq->cmd = dr_buf_steal(&cmd, NULL);
        rq->in = content;
        rq->in_len = len;
        lua_pushvalue(L, -1);
        return lua_yieldk(L, 1, 0, write_done_k);
    }
    ssh_write_result done = {0};
    rc = ssh_write_file(lp->pool, host, path, content, len, &opts, &done, err);
    dr_effect_done(L, &e, rc, rc == DR_OK ? done.sha256 : err->msg);
    int n;
    if (rc != DR_OK) {
        n = fail(L, err);
    } else {
        push_write(L, w, &done, 0);
        n = 1;
    }
    dr_buf_free(&w->previous);
    ssh_write_result_free(&done);
    return n;
}

/* pool:remove_file(host, path) -> {existed=bool, simulated=bool}: removes a
 * file through the effect gate, which checkpoints its content first, so
 * that a rollback puts it back.  A file already absent is no effect. */
static int l_remove_file(lua_State *L)
{
    lpool *lp = check_pool(L, 1);
    const char *host = luaL_checkstring(L, 2);
    const char *path = luaL_checkstring(L, 3);
    dr_buf prev = DR_BUF_INIT;
    dr_err err = {0};
    int rc = read_current(L, lp, host, path, &prev, &err);
    if (rc != DR_OK && rc != DR_ENOTFOUND) {
        dr_buf_free(&prev);
        return fail(L, &err);
    }
    lua_createtable(L, 0, 2);
    lua_pushboolean(L, rc == DR_OK);
    lua_setfield(L, -2, "existed");
    if (rc == DR_ENOTFOUND) {
        dr_buf_free(&prev);
        return 1;
    }
    dr_buf summary = DR_BUF_INIT, cmd = DR_BUF_INIT;
    dr_buf_printf(&summary, "remove %s (%zu bytes)", path, prev.len);
    dr_buf_puts(&cmd, "rm -f -- '");
    for (const char *c = path; *c; c++) {
        if (*c == '\'')
            dr_buf_puts(&cmd, "'\\''");
        else
            dr_buf_putc(&cmd, *c);
    }
    dr_buf_putc(&cmd, '\'');
    dr_effect e = {.kind = DR_EFFECT_REMOVE_FILE,
                   .module = "ssh",
                   .host = host,
                   .summary = summary.data,
                   .path = path,
                   .before = prev.data ? prev.data : "",
                   .before_len = prev.len};
    int d = dr_effect_gate(L, &e, &err);
    int n = 1;
    if (d < 0) {
        n = fail(L, &err);
    } else if (d == DR_EFFECT_SIMULATE) {
        lua_pushboolean(L, 1);
        lua_setfield(L, -2, "simulated");
    } else {
        ssh_result r = {0};
        ssh_exec(lp->pool, host, cmd.data, 0, &r);
        if (r.rc == DR_OK && (r.exit_signal || r.exit_status != 0)) {
            dr_err_set(&r.err, DR_EIO, "remove %s:%s: %.*s", host, path, (int)r.errout.len,
                       r.errout.data ? r.errout.data : "");
            r.rc = DR_EIO;
        }
        dr_effect_done(L, &e, r.rc, r.rc == DR_OK ? "removed" : r.err.msg);
        if (r.rc != DR_OK)
            n = fail(L, &r.err);
        ssh_result_free(&r);
    }
    dr_buf_free(&prev);
    dr_buf_free(&summary);
    dr_buf_free(&cmd);
    return n;
}

/* Resumed by the step group scheduler once the read of the old content
 * ended (the request is on top of the stack, above the 5 arguments). */
static int write_k(lua_State *L, int status, lua_KContext ctx)
{
    (void)status;
    (void)ctx;
    dr_async_req *rq = dr_async_check(L, -1);
    if (!rq)
        return luaL_error(L, "ssh write_file: resumed without its request");
    ssh_write_result w = {0};
    dr_err err = {0};
    int rc = ssh_read_outcome(&rq->res, lua_tostring(L, 3), &w.previous, &err);
    ssh_result_free(&rq->res); /* as in read_k */
    lua_settop(L, 5);
    return write_with_previous(L, rc, &w, &err);
}

/* pool:write_file(host, path, content [, {mode=, expect_sha256=, previous=}])
 * previous: the content the caller read just before (false: absent), which
 * spares a second read; the write still only goes ahead, on the host, if
 * the file holds it then. */
static int l_write_file(lua_State *L)
{
    lpool *lp = check_pool(L, 1);
    const char *host = luaL_checkstring(L, 2);
    const char *path = luaL_checkstring(L, 3);
    luaL_checkstring(L, 4);
    ssh_write_opts opts;
    write_opts(L, &opts);
    lua_settop(L, 5);

    /* Read what is there first: the engine checkpoints and diffs it, and the
     * write below only goes ahead if the content is still the same.  In a
     * step group the read runs beside the other members' work. */
    ssh_write_result w = {0};
    dr_err err = {0};
    const char *prev;
    size_t prev_len;
    if (write_opt_previous(L, &prev, &prev_len)) {
        /* the caller read it: that read is the one */
        if (prev)
            dr_buf_append(&w.previous, prev, prev_len);
        return write_with_previous(L, prev ? DR_OK : DR_ENOTFOUND, &w, &err);
    }
    const char *wr;
    size_t wl;
    if (dr_async_member(L) && !dr_effect_written(L, host, path, &wr, &wl))
        return yield_read(L, lp, host, path, write_k);
    int rc = read_current(L, lp, host, path, &w.previous, &err);
    return write_with_previous(L, rc, &w, &err);
}

/* Host strings of the array at idx, checked (they stay alive in the table
 * while it is on the stack).  *n gets the count. */
static const char **check_hosts(lua_State *L, int idx, size_t *n)
{
    luaL_checktype(L, idx, LUA_TTABLE);
    lua_Integer len = luaL_len(L, idx);
    for (lua_Integer i = 1; i <= len; i++) {
        if (lua_geti(L, idx, i) != LUA_TSTRING)
            luaL_argerror(L, idx, "array of host names expected");
        lua_pop(L, 1);
    }
    *n = (size_t)len;
    const char **hosts = lua_newuserdatauv(L, (*n ? *n : 1) * sizeof *hosts, 0);
    for (size_t i = 0; i < *n; i++) {
        lua_geti(L, idx, (lua_Integer)i + 1);
        hosts[i] = lua_tostring(L, -1);
        lua_pop(L, 1);
    }
    return hosts;
}

/* One string per host from the value at idx: the same string for every
 * host, or an array as long as the host list. */
static const char **check_per_host(lua_State *L, int idx, size_t n, const char *what)
{
    const char **v = lua_newuserdatauv(L, (n ? n : 1) * sizeof *v, 0);
    if (lua_type(L, idx) == LUA_TSTRING) {
        for (size_t i = 0; i < n; i++)
            v[i] = lua_tostring(L, idx);
        return v;
    }
    if (!lua_istable(L, idx) || (size_t)luaL_len(L, idx) != n)
        luaL_argerror(L, idx, what);
    for (size_t i = 0; i < n; i++) {
        if (lua_geti(L, idx, (lua_Integer)i + 1) != LUA_TSTRING)
            luaL_argerror(L, idx, what);
        v[i] = lua_tostring(L, -1);
        lua_pop(L, 1);
    }
    return v;
}

/* pool:probe_many(hosts, cmd | cmds [, {timeout=}]) -> results
 * Read-only commands on many hosts at once (not gated: they run in
 * rehearsals too), one result table per host as exec_many gives: a host
 * that does not answer costs one connect timeout, however many there are. */
static int l_probe_many(lua_State *L)
{
    lpool *lp = check_pool(L, 1);
    size_t n;
    const char **hosts = check_hosts(L, 2, &n);
    const char **cmds = check_per_host(L, 3, n, "a command, or one per host, expected");
    int timeout = opt_timeout(L, 4);
    ssh_result *res = dr_calloc(n ? n : 1, sizeof *res);
    ssh_exec_each(lp->pool, hosts, cmds, n, timeout, res);
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        push_result(L, res[i].host ? res[i].host : hosts[i], &res[i], 0);
        ssh_result_free(&res[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    free(res);
    return 1;
}

/* pool:read_many(hosts, path | paths [, {timeout=}]) -> results
 * Reads a file on many hosts at once: one table per host, {ok=true,
 * data=...}, {ok=false, code="not found"} when absent, or {ok=false,
 * error=, code=}.  In a rehearsal a file an earlier step "wrote" reads as
 * written, as read_file does. */
static int l_read_many(lua_State *L)
{
    lpool *lp = check_pool(L, 1);
    size_t n;
    const char **hosts = check_hosts(L, 2, &n);
    const char **paths = check_per_host(L, 3, n, "a path, or one per host, expected");
    int timeout = opt_timeout(L, 4);
    dr_buf *out = dr_calloc(n ? n : 1, sizeof *out);
    dr_err *errs = dr_calloc(n ? n : 1, sizeof *errs);
    const char **rh = dr_calloc(n ? n : 1, sizeof *rh), **rp = dr_calloc(n ? n : 1, sizeof *rp);
    size_t *ri = dr_calloc(n ? n : 1, sizeof *ri), nr = 0;
    for (size_t i = 0; i < n; i++) {
        const char *w;
        size_t wl;
        if (dr_effect_written(L, hosts[i], paths[i], &w, &wl)) {
            dr_buf_append(&out[i], w, wl);
            continue;
        }
        rh[nr] = hosts[i];
        rp[nr] = paths[i];
        ri[nr++] = i;
    }
    dr_buf *rout = dr_calloc(nr ? nr : 1, sizeof *rout);
    dr_err *rerr = dr_calloc(nr ? nr : 1, sizeof *rerr);
    ssh_read_many(lp->pool, rh, rp, nr, timeout, rout, rerr);
    for (size_t k = 0; k < nr; k++) {
        out[ri[k]] = rout[k];
        errs[ri[k]] = rerr[k];
    }
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        lua_createtable(L, 0, 4);
        lua_pushstring(L, hosts[i]);
        lua_setfield(L, -2, "host");
        lua_pushboolean(L, errs[i].code == DR_OK);
        lua_setfield(L, -2, "ok");
        if (errs[i].code == DR_OK) {
            luabind_push_shared(L, out[i].data ? out[i].data : "", out[i].len, 0);
            lua_setfield(L, -2, "data");
        } else {
            lua_pushstring(L, errs[i].msg);
            lua_setfield(L, -2, "error");
            lua_pushstring(L, dr_strerror(errs[i].code));
            lua_setfield(L, -2, "code");
        }
        lua_rawseti(L, -2, (lua_Integer)i + 1);
        dr_buf_free(&out[i]);
    }
    free(rout), free(rerr), free(rh), free(rp), free(ri), free(out), free(errs);
    return 1;
}

/* Pushes read_files_many's table for one host from the result r of its
 * command (na files asked of the np; the others were written earlier in
 * this rehearsal and read as written). */
static void files_result(lua_State *L, const char *host, const ssh_result *r,
                         const char *const *paths, size_t np, const char *const *asked, size_t na,
                         const char *token)
{
    lua_createtable(L, 0, 3);
    lua_pushstring(L, host);
    lua_setfield(L, -2, "host");
    dr_buf *out = dr_calloc(na ? na : 1, sizeof *out);
    int *present = dr_calloc(na ? na : 1, sizeof *present);
    dr_err err = {0};
    int ok = r->rc;
    if (ok == DR_OK && na)
        ok = ssh_read_files_outcome(r, asked, na, token, out, present, &err);
    else if (ok != DR_OK)
        err = r->err;
    lua_pushboolean(L, ok == DR_OK);
    lua_setfield(L, -2, "ok");
    if (ok == DR_OK) {
        lua_createtable(L, 0, (int)np);
        for (size_t a = 0, j = 0; j < np; j++) {
            const char *w;
            size_t wl;
            if (a < na && asked[a] == paths[j]) {
                if (present[a])
                    luabind_push_shared(L, out[a].data ? out[a].data : "", out[a].len, 0);
                else
                    lua_pushboolean(L, 0);
                a++;
            } else if (dr_effect_written(L, host, paths[j], &w, &wl)) {
                lua_pushlstring(L, w, wl);
            } else {
                lua_pushboolean(L, 0);
            }
            lua_setfield(L, -2, paths[j]);
        }
        lua_setfield(L, -2, "files");
    } else {
        lua_pushstring(L, err.msg);
        lua_setfield(L, -2, "error");
        lua_pushstring(L, dr_strerror(ok));
        lua_setfield(L, -2, "code");
    }
    for (size_t a = 0; a < na; a++)
        dr_buf_free(&out[a]);
    free(out), free(present);
}

/* pool:read_files_many(hosts, {{path, ...}, ...} [, {timeout=}]) -> results
 * Several files of each host in one command per host, all hosts at once
 * (the files a phase will read on hundreds of nodes, in one round trip
 * instead of one per file): one table per host, {ok=true, files={[path] =
 * content, or false when absent}} or {ok=false, error=, code=}.  In a
 * rehearsal a file an earlier step "wrote" reads as written. */
static int l_read_files_many(lua_State *L)
{
    lpool *lp = check_pool(L, 1);
    lua_settop(L, 4);
    size_t n;
    const char **hosts = check_hosts(L, 2, &n);
    luaL_checktype(L, 3, LUA_TTABLE);
    if ((size_t)luaL_len(L, 3) != n)
        luaL_argerror(L, 3, "one list of paths per host expected");
    int timeout = opt_timeout(L, 4);
    char token[SSH_READ_TOKEN_LEN + 1];
    ssh_read_files_token(token);
    /* every host's paths, and which of them go to the host (not written in
     * this rehearsal): the lists' strings stay alive in argument 3 */
    size_t *np = dr_calloc(n ? n : 1, sizeof *np);
    const char ***paths = dr_calloc(n ? n : 1, sizeof *paths);
    const char ***asked = dr_calloc(n ? n : 1, sizeof *asked);
    size_t *na = dr_calloc(n ? n : 1, sizeof *na);
    dr_buf *cmds = dr_calloc(n ? n : 1, sizeof *cmds);
    const char **rh = dr_calloc(n ? n : 1, sizeof *rh), **rc = dr_calloc(n ? n : 1, sizeof *rc);
    size_t *ri = dr_calloc(n ? n : 1, sizeof *ri), nr = 0;
    int *ids = dr_calloc(n ? n : 1, sizeof *ids);
    for (size_t i = 0; i < n; i++)
        ids[i] = -1; /* not started: never matches a taken id */
    for (size_t i = 0; i < n; i++) {
        if (lua_geti(L, 3, (lua_Integer)i + 1) != LUA_TTABLE) {
            lua_pop(L, 1);
            continue; /* checked below, once everything is freed */
        }
        np[i] = (size_t)luaL_len(L, -1);
        paths[i] = dr_calloc(np[i] ? np[i] : 1, sizeof **paths);
        asked[i] = dr_calloc(np[i] ? np[i] : 1, sizeof **asked);
        for (size_t k = 0; k < np[i]; k++) {
            /* a string stays alive in the list; anything else is refused
             * below (a number converted here would die with the pop) */
            paths[i][k] =
                lua_geti(L, -1, (lua_Integer)k + 1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
            lua_pop(L, 1);
            const char *w;
            size_t wl;
            if (paths[i][k] && !dr_effect_written(L, hosts[i], paths[i][k], &w, &wl))
                asked[i][na[i]++] = paths[i][k];
        }
        lua_pop(L, 1);
        if (na[i]) {
            ssh_read_files_command(&cmds[i], asked[i], na[i], token);
            rh[nr] = hosts[i];
            rc[nr] = cmds[i].data;
            ri[nr++] = i;
        }
    }
    int bad = 0;
    for (size_t i = 0; i < n && !bad; i++)
        bad = !paths[i];
    for (size_t i = 0; i < n && !bad; i++)
        for (size_t k = 0; k < np[i] && !bad; k++)
            bad = !paths[i][k];
    /* Each answer is split into shared strings as its command ends, not
     * once all have: hundreds of copies of an O(N) file would all be held
     * at once otherwise. */
    lua_createtable(L, (int)n, 0);
    int results = lua_gettop(L);
    ssh_async *a = bad ? NULL : ssh_async_new(lp->pool);
    for (size_t k = 0; k < nr && a; k++) {
        dr_err err = {0};
        int id = ssh_async_start(a, rh[k], rc[k], timeout, &err);
        if (id < 0) {
            ssh_result r = {.rc = err.code ? err.code : DR_EIO, .err = err};
            files_result(L, hosts[ri[k]], &r, paths[ri[k]], np[ri[k]], asked[ri[k]], na[ri[k]],
                         token);
            lua_rawseti(L, results, (lua_Integer)ri[k] + 1);
        } else {
            ids[k] = id;
        }
    }
    while (a && ssh_async_pending(a)) {
        ssh_async_run(a, dr_now_ms() + 1000);
        ssh_result r;
        int id;
        while ((id = ssh_async_take(a, &r)) >= 0) {
            size_t k = 0;
            while (k < nr && ids[k] != id)
                k++;
            if (k < nr) {
                files_result(L, hosts[ri[k]], &r, paths[ri[k]], np[ri[k]], asked[ri[k]], na[ri[k]],
                             token);
                lua_rawseti(L, results, (lua_Integer)ri[k] + 1);
            }
            ssh_result_free(&r);
        }
    }
    ssh_async_free(a);
    /* hosts whose every file was written earlier in this rehearsal */
    for (size_t i = 0; i < n && !bad; i++) {
        if (na[i])
            continue;
        ssh_result r = {.rc = DR_OK};
        files_result(L, hosts[i], &r, paths[i], np[i], asked[i], 0, token);
        lua_rawseti(L, results, (lua_Integer)i + 1);
    }
    for (size_t i = 0; i < n; i++) {
        free(paths[i]), free(asked[i]);
        dr_buf_free(&cmds[i]);
    }
    free(np), free(paths), free(asked), free(na), free(cmds), free(rh), free(rc), free(ri),
        free(ids);
    if (bad)
        return luaL_argerror(L, 3, "one list of paths (strings) per host expected");
    return 1;
}

/* pool:host_options(host, {become = "sudo"|"none", jump = "host:port"|nil})
 * -> true | nil, err, code */
static int l_host_options(lua_State *L)
{
    lpool *lp = check_pool(L, 1);
    const char *host = luaL_checkstring(L, 2);
    luaL_checktype(L, 3, LUA_TTABLE);
    int become = opt_become(L, 3);
    const char *jump = luabind_opt_field_str(L, 3, "jump");
    dr_err err = {0};
    if (ssh_pool_host_options(lp->pool, host, become, jump, &err) != DR_OK)
        return fail(L, &err);
    lua_pushboolean(L, 1);
    return 1;
}

static const luaL_Reg ssh_functions[] = {
    {"pool", l_pool},
    {NULL, NULL},
};

static const luaL_Reg pool_methods[] = {
    {"exec", l_exec},
    {"probe", l_probe},
    {"exec_many", l_exec_many},
    {"probe_many", l_probe_many},
    {"read_file", l_read_file},
    {"read_many", l_read_many},
    {"read_files_many", l_read_files_many},
    {"write_file", l_write_file},
    {"remove_file", l_remove_file},
    {"host_options", l_host_options},
    {"close", l_close},
    {NULL, NULL},
};

static const luaL_Reg pool_metamethods[] = {
    {"__gc", l_close}, {"__close", l_close}, {"__tostring", l_tostring},
    {"__index", NULL}, /* set to the method table below */
    {NULL, NULL},
};

int luaopen_dr_ssh(lua_State *L)
{
    luaL_newlib(L, ssh_functions);
    luabind_createmeta(L, POOL_MT, pool_metamethods, pool_methods);
    return 1;
}
