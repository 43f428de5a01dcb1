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
static const char *opt_field_string(lua_State *L, int idx, const char *name)
{
    lua_getfield(L, idx, name);
    const char *s = NULL;
    if (!lua_isnil(L, -1)) {
        if (lua_type(L, -1) != LUA_TSTRING)
            luaL_error(L, "bad field '%s' (string expected, got %s)", name, luaL_typename(L, -1));
        s = lua_tostring(L, -1);
    }
    lua_pop(L, 1); /* the string stays alive in the table */
    return s;
}

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
    cfg.known_hosts = opt_field_string(L, 1, "known_hosts");
    cfg.identity = opt_field_string(L, 1, "identity");
    cfg.user = opt_field_string(L, 1, "user");
    cfg.passphrase_file = opt_field_string(L, 1, "passphrase_file");
    cfg.passphrase_env = opt_field_string(L, 1, "passphrase_env");
    cfg.use_agent = opt_field_bool(L, 1, "agent");
    cfg.files_over_exec = opt_field_bool(L, 1, "files_over_exec");
    cfg.hostkey_policy = opt_field_bool(L, 1, "tofu") ? SSH_HOSTKEY_TOFU : SSH_HOSTKEY_STRICT;
    cfg.become_sudo = opt_become(L, 1);
    cfg.jump = opt_field_string(L, 1, "jump");
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

static int l_read_file(lua_State *L)
{
    lpool *lp = check_pool(L, 1);
    const char *host = luaL_checkstring(L, 2);
    const char *path = luaL_checkstring(L, 3);
    dr_buf b = DR_BUF_INIT;
    dr_err err = {0};
    if (read_current(L, lp, host, path, &b, &err) != DR_OK) {
        dr_buf_free(&b);
        return fail(L, &err);
    }
    lua_pushlstring(L, b.data ? b.data : "", b.len);
    dr_buf_free(&b);
    return 1;
}

static void push_write(lua_State *L, const ssh_write_result *w, int simulated)
{
    lua_createtable(L, 0, 8);
    lua_pushboolean(L, w->existed);
    lua_setfield(L, -2, "existed");
    if (w->existed) {
        lua_pushlstring(L, w->previous.data ? w->previous.data : "", w->previous.len);
        lua_setfield(L, -2, "previous");
        lua_pushstring(L, w->previous_sha256);
        lua_setfield(L, -2, "previous_sha256");
    }
    lua_pushstring(L, w->sha256);
    lua_setfield(L, -2, "sha256");
    if (!simulated) {
        lua_pushinteger(L, w->mode);
        lua_setfield(L, -2, "mode");
        lua_pushinteger(L, w->uid);
        lua_setfield(L, -2, "uid");
        lua_pushinteger(L, w->gid);
        lua_setfield(L, -2, "gid");
    }
    lua_pushboolean(L, simulated);
    lua_setfield(L, -2, "simulated");
}

/* pool:write_file(host, path, content [, {mode=, expect_sha256=}]) */
static int l_write_file(lua_State *L)
{
    lpool *lp = check_pool(L, 1);
    const char *host = luaL_checkstring(L, 2);
    const char *path = luaL_checkstring(L, 3);
    size_t len;
    const char *content = luaL_checklstring(L, 4, &len);
    ssh_write_opts opts = {0};
    if (!lua_isnoneornil(L, 5)) {
        luaL_checktype(L, 5, LUA_TTABLE);
        lua_Number mode = opt_field_number(L, 5, "mode", 0);
        if (mode < 0 || mode > 07777 || mode != (int)mode)
            luaL_error(L, "bad field 'mode' (a mode 0-07777 expected)");
        opts.mode = (int)mode;
        opts.expect_sha256 = opt_field_string(L, 5, "expect_sha256");
    }

    /* Read what is there first: the engine checkpoints and diffs it, and the
     * write below only goes ahead if the content is still the same. */
    ssh_write_result w = {0};
    dr_err err = {0};
    int rc = read_current(L, lp, host, path, &w.previous, &err);
    if (rc != DR_OK && rc != DR_ENOTFOUND) {
        dr_buf_free(&w.previous);
        return fail(L, &err);
    }
    w.existed = rc == DR_OK;
    if (w.existed)
        sha256_hex(w.previous.data, w.previous.len, w.previous_sha256);
    sha256_hex(content, len, w.sha256);
    if (opts.expect_sha256 && strcmp(opts.expect_sha256, w.previous_sha256) != 0) {
        dr_err_set(&err, DR_ECONFLICT,
                   "write %s:%s: the file is not what the caller expected (now %s, expected %s)",
                   host, path, w.existed ? w.previous_sha256 : "absent",
                   *opts.expect_sha256 ? opts.expect_sha256 : "absent");
        dr_buf_free(&w.previous);
        return fail(L, &err);
    }
    char summary[512];
    snprintf(summary, sizeof summary, "write %s (%zu bytes)", path, len);
    dr_effect e = {.kind = DR_EFFECT_WRITE_FILE,
                   .module = "ssh",
                   .host = host,
                   .summary = summary,
                   .path = path,
                   .before = w.existed ? w.previous.data : NULL,
                   .before_len = w.existed ? w.previous.len : 0,
                   .after = content,
                   .after_len = len};
    int d = dr_effect_gate(L, &e, &err);
    if (d < 0) {
        dr_buf_free(&w.previous);
        return fail(L, &err);
    }
    if (d == DR_EFFECT_SIMULATE) {
        push_write(L, &w, 1);
        dr_buf_free(&w.previous);
        return 1;
    }
    char expect[SHA256_HEX_LEN + 1];
    memcpy(expect, w.previous_sha256, sizeof expect);
    opts.expect_sha256 = expect; /* compare-and-swap on what the gate was shown */
    dr_buf_free(&w.previous);
    ssh_write_result done = {0};
    rc = ssh_write_file(lp->pool, host, path, content, len, &opts, &done, &err);
    dr_effect_done(L, &e, rc, rc == DR_OK ? done.sha256 : err.msg);
    int n;
    if (rc != DR_OK) {
        n = fail(L, &err);
    } else {
        push_write(L, &done, 0);
        n = 1;
    }
    ssh_write_result_free(&done);
    return n;
}

/* pool:host_options(host, {become = "sudo"|"none", jump = "host:port"|nil})
 * -> true | nil, err, code */
static int l_host_options(lua_State *L)
{
    lpool *lp = check_pool(L, 1);
    const char *host = luaL_checkstring(L, 2);
    luaL_checktype(L, 3, LUA_TTABLE);
    int become = opt_become(L, 3);
    const char *jump = opt_field_string(L, 3, "jump");
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
    {"read_file", l_read_file},
    {"write_file", l_write_file},
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
