/* engine: the Lua sandbox, runbook loading, the effect hooks (run mode,
 * journal, checkpoints), and the run / rehearsal / resume drivers. */
#include "engine_int.h"

#include <errno.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "cli.h"
#include "json.h"
#include "engine_mods.h"
#include "inventory_lua.h"
#include "luaser.h"
#include "sha256.h"

/* ---------------------------------------------------------------- helpers */

struct engine *engine_from_lua(lua_State *L)
{
    lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_KEY);
    struct engine *e = lua_touserdata(L, -1);
    lua_pop(L, 1);
    return e;
}

lua_State *engine_lua(engine *e)
{
    return e->L;
}

void engine_say(struct engine *e, const char *fmt, ...)
{
    if (e->o.quiet)
        return;
    dr_buf b = DR_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    dr_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    dr_redact(&b);
    fputs(b.data ? b.data : "", stderr);
    fflush(stderr);
    dr_buf_free(&b);
}

static int file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int dir_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

void engine_search_path(const engine *e, const char *sub, dr_buf *out)
{
    /* installed directory, then the source tree, then --runbooks DIR */
    const char *dirs[3] = {DRCTL_INSTALL_DATADIR, DRCTL_SOURCE_DIR, NULL};
    for (int i = 0; i < 2; i++) {
        dr_buf d = DR_BUF_INIT;
        dr_buf_printf(&d, "%s/%s", dirs[i], sub);
        if (dir_exists(d.data))
            dr_buf_append(out, d.data, d.len + 1);
        dr_buf_free(&d);
    }
    if (e->o.runbook_dir && dir_exists(e->o.runbook_dir))
        dr_buf_append(out, e->o.runbook_dir, strlen(e->o.runbook_dir) + 1);
}

/* Finds name.lua (dots as slashes) or name/init.lua under sub/ of each
 * search directory; --runbooks DIR is searched as it is for both. */
static int find_in_path(const engine *e, const char *sub, const char *name, dr_buf *found)
{
    dr_buf dirs = DR_BUF_INIT;
    engine_search_path(e, sub, &dirs);
    char *rel = dr_strdup(name);
    for (char *p = rel; *p; p++)
        if (*p == '.')
            *p = '/';
    int ok = 0;
    for (size_t off = 0; dirs.data && off < dirs.len && !ok; off += strlen(dirs.data + off) + 1) {
        const char *d = dirs.data + off;
        const char *patterns[] = {"%s/%s.lua", "%s/%s/init.lua"};
        for (int i = 0; i < 2 && !ok; i++) {
            dr_buf_reset(found);
            dr_buf_printf(found, patterns[i], d, rel);
            ok = file_exists(found->data);
        }
    }
    free(rel);
    dr_buf_free(&dirs);
    return ok;
}

/* ---------------------------------------------------------------- sandbox */

static const char *const SAFE_GLOBALS[] = {
    "assert",   "error",    "ipairs", "next",         "pairs",        "pcall",
    "xpcall",   "rawequal", "rawget", "rawlen",       "rawset",       "select",
    "tonumber", "tostring", "type",   "setmetatable", "getmetatable", "_VERSION",
    "string",   "table",    "math",   "utf8",         "coroutine",    NULL};

static int sandbox_index(lua_State *L)
{
    const char *k = lua_tostring(L, 2);
    if (!k)
        return luaL_error(L, "sandbox: undefined global");
    static const char *const denied[] = {"os",     "io",       "debug",          "package",
                                         "dofile", "loadfile", "collectgarbage", "loadstring",
                                         "_G",     NULL};
    for (int i = 0; denied[i]; i++)
        if (!strcmp(k, denied[i]))
            return luaL_error(L,
                              "sandbox: '%s' is not available to runbooks (every side effect "
                              "goes through the dr primitives)",
                              k);
    return luaL_error(L, "undefined global '%s'", k);
}

static int sandbox_newindex(lua_State *L)
{
    const char *k = lua_tostring(L, 2);
    return luaL_error(L, "runbooks cannot set globals ('%s'): use local", k ? k : "?");
}

/* load() for runbooks: text chunks only, in the sandbox unless an env is
 * given. */
static int sandbox_load(lua_State *L)
{
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    const char *name = luaL_optstring(L, 2, "=(load)");
    const char *mode = luaL_optstring(L, 3, "t");
    if (strcmp(mode, "t") != 0)
        return luaL_error(L, "sandbox: load accepts text chunks only (mode 't'), not '%s'", mode);
    if (luaL_loadbufferx(L, s, n, name, "t") != LUA_OK) {
        luaL_pushfail(L);
        lua_insert(L, -2);
        return 2;
    }
    if (lua_gettop(L) >= 5 && !lua_isnone(L, 4)) {
        lua_pushvalue(L, 4);
    } else {
        lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_SANDBOX);
    }
    lua_setupvalue(L, -2, 1);
    return 1;
}

/* require() for runbooks: the built-in C modules, then lua/ in the search
 * path; text chunks only; each module runs in the sandbox. */
static int sandbox_require(lua_State *L)
{
    const char *name = luaL_checkstring(L, 1);
    lua_getfield(L, LUA_REGISTRYINDEX, "dr.loaded");
    lua_getfield(L, -1, name);
    if (!lua_isnil(L, -1))
        return 1;
    lua_pop(L, 1);
    int loaded = lua_gettop(L);
    lua_getfield(L, LUA_REGISTRYINDEX, "dr.preload");
    if (lua_getfield(L, -1, name) == LUA_TFUNCTION) {
        luaL_requiref(L, name, lua_tocfunction(L, -1), 0);
        lua_pushvalue(L, -1);
        lua_setfield(L, loaded, name);
        return 1;
    }
    lua_settop(L, loaded);
    for (const struct engine_module *m = engine_modules; m->name; m++) {
        if (strcmp(m->name, name) != 0)
            continue;
        luaL_requiref(L, name, m->open, 0);
        lua_pushvalue(L, -1);
        lua_setfield(L, loaded, name);
        return 1;
    }
    struct engine *e = engine_from_lua(L);
    dr_buf path = DR_BUF_INIT;
    if (!find_in_path(e, "lua", name, &path)) {
        dr_buf dirs = DR_BUF_INIT;
        engine_search_path(e, "lua", &dirs);
        for (size_t i = 0; dirs.data && i + 1 < dirs.len; i++)
            if (!dirs.data[i])
                dirs.data[i] = ':';
        lua_pushfstring(L, "module '%s' not found in %s", name,
                        dirs.data ? dirs.data : "(no lua directory)");
        dr_buf_free(&dirs);
        dr_buf_free(&path);
        return lua_error(L);
    }
    if (luaL_loadfilex(L, path.data, "t") != LUA_OK) {
        dr_buf_free(&path);
        return lua_error(L);
    }
    lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_SANDBOX);
    lua_setupvalue(L, -2, 1);
    lua_pushstring(L, name);
    lua_pushstring(L, path.data);
    dr_buf_free(&path);
    lua_call(L, 2, 1);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_pushboolean(L, 1);
    }
    lua_pushvalue(L, -1);
    lua_setfield(L, loaded, name);
    return 1;
}

static int sandbox_print(lua_State *L)
{
    struct engine *e = engine_from_lua(L);
    dr_buf b = DR_BUF_INIT;
    int n = lua_gettop(L);
    for (int i = 1; i <= n; i++) {
        size_t len;
        const char *s = luaL_tolstring(L, i, &len);
        if (i > 1)
            dr_buf_putc(&b, '\t');
        dr_buf_append(&b, s, len);
        lua_pop(L, 1);
    }
    engine_say(e, "%s\n", b.data ? b.data : "");
    dr_buf_free(&b);
    return 0;
}

static void build_sandbox(lua_State *L)
{
    luaL_openlibs(L);
    /* No binary chunks anywhere: string.dump is gone from the state, and the
     * string metatable cannot be reached for changes. */
    lua_getglobal(L, "string");
    lua_pushnil(L);
    lua_setfield(L, -2, "dump");
    lua_pop(L, 1);
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushliteral(L, "string");
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 2);

    lua_newtable(L); /* the sandbox's globals */
    for (int i = 0; SAFE_GLOBALS[i]; i++) {
        lua_getglobal(L, SAFE_GLOBALS[i]);
        lua_setfield(L, -2, SAFE_GLOBALS[i]);
    }
    lua_pushcfunction(L, sandbox_load);
    lua_setfield(L, -2, "load");
    lua_pushcfunction(L, sandbox_require);
    lua_setfield(L, -2, "require");
    lua_pushcfunction(L, sandbox_print);
    lua_setfield(L, -2, "print");
    lua_newtable(L);
    lua_pushcfunction(L, sandbox_index);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, sandbox_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushliteral(L, "sandbox");
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_setfield(L, LUA_REGISTRYINDEX, ENGINE_SANDBOX);

    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, "dr.loaded");
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, "dr.preload");
    const char *tables[] = {ENGINE_PLAN, ENGINE_WRITTEN, ENGINE_METRICS, NULL};
    for (int i = 0; tables[i]; i++) {
        lua_newtable(L);
        lua_setfield(L, LUA_REGISTRYINDEX, tables[i]);
    }
}

/* Message handler: the error with a traceback of the runbook frames. */
static int msgh(lua_State *L)
{
    const char *msg = lua_tostring(L, 1);
    if (!msg) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
            return 1;
        msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    }
    luaL_traceback(L, L, msg, 1);
    return 1;
}

/* ---------------------------------------------------------------- effects */

static const char *effect_kind_name(dr_effect_kind k)
{
    switch (k) {
    case DR_EFFECT_EXEC:
        return "exec";
    case DR_EFFECT_WRITE_FILE:
        return "write_file";
    case DR_EFFECT_ZK_WRITE:
        return "zk_write";
    case DR_EFFECT_ZK_RECONFIG:
        return "zk_reconfig";
    case DR_EFFECT_CH_WRITE:
        return "ch_write";
    }
    return "effect";
}

static void set_str(lua_State *L, const char *k, const char *v)
{
    if (v) {
        lua_pushstring(L, v);
        lua_setfield(L, -2, k);
    }
}

/* Pushes the plan entry of the current step (creating nothing). */
static void push_current_plan_step(lua_State *L, struct engine *e)
{
    lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_PLAN);
    lua_rawgeti(L, -1, e->cur_step);
    lua_remove(L, -2);
}

static void written_key(lua_State *L, const char *host, const char *path)
{
    lua_pushfstring(L, "%s\n%s", host ? host : "", path ? path : "");
}

/* Registry table of the long contents the plan holds, content -> the same
 * string: a file with the same content on many hosts (remote_servers.xml on
 * every node of a cluster) is kept once, not once per host. */
#define ENGINE_SHARED "dr.shared_strings"

/* Pushes data as a Lua string, the one already kept when the same content
 * was pushed before (long strings only: short ones Lua interns itself). */
static void push_shared(lua_State *L, const char *data, size_t len)
{
    lua_pushlstring(L, data, len);
    if (len < 256)
        return;
    if (lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_SHARED) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_setfield(L, LUA_REGISTRYINDEX, ENGINE_SHARED);
    }
    lua_pushvalue(L, -2);
    if (lua_rawget(L, -2) == LUA_TSTRING) {
        lua_replace(L, -3); /* the kept one instead of the new copy */
        lua_pop(L, 1);
        return;
    }
    lua_pop(L, 1);
    lua_pushvalue(L, -2);
    lua_pushvalue(L, -3);
    lua_rawset(L, -3);
    lua_pop(L, 1);
}

static int effect_gate(void *ud, lua_State *L, const dr_effect *ef, dr_err *err)
{
    struct engine *e = ud;
    if (!e->cur_step)
        return dr_err_set(
            err, DR_EREFUSED, "mutating call outside a step: %s on %s (wrap it in dr.step)",
            ef->summary ? ef->summary : effect_kind_name(ef->kind), ef->host ? ef->host : "?");
    if (e->o.mode == ENGINE_READONLY)
        return dr_err_set(err, DR_EREFUSED, "%s is read-only and may not change %s: %s",
                          e->runbook_name.data ? e->runbook_name.data : "this command",
                          ef->host ? ef->host : "?",
                          ef->summary ? ef->summary : effect_kind_name(ef->kind));
    int top = lua_gettop(L);
    int seq = ++e->effect_seq;
    lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_LASTSEQ);
    lua_pushinteger(L, seq);
    lua_rawseti(L, -2, e->cur_step);
    lua_settop(L, top);

    /* The plan keeps every effect, in both modes, with the content before
     * and after a write, so that the diff shown and the diff applied come
     * from the same place. */
    push_current_plan_step(L, e);
    lua_getfield(L, -1, "effects");
    lua_newtable(L);
    lua_pushinteger(L, seq);
    lua_setfield(L, -2, "seq");
    set_str(L, "kind", effect_kind_name(ef->kind));
    set_str(L, "module", ef->module);
    set_str(L, "host", ef->host);
    set_str(L, "summary", ef->summary);
    set_str(L, "path", ef->path);
    if (ef->before) {
        push_shared(L, ef->before, ef->before_len);
        lua_setfield(L, -2, "before");
    }
    if (ef->after) {
        push_shared(L, ef->after, ef->after_len);
        lua_setfield(L, -2, "after");
    }
    lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    lua_settop(L, top);

    if (e->o.mode == ENGINE_REHEARSAL) {
        if (ef->kind == DR_EFFECT_WRITE_FILE && ef->after) {
            lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_WRITTEN);
            written_key(L, ef->host, ef->path);
            push_shared(L, ef->after, ef->after_len);
            lua_settable(L, -3);
            lua_settop(L, top);
        }
        return DR_EFFECT_SIMULATE;
    }

    /* Real run: checkpoint what is replaced, then journal the effect, both
     * on disk before the effect happens. */
    dr_buf cp = DR_BUF_INIT;
    if (ef->kind == DR_EFFECT_WRITE_FILE || ef->kind == DR_EFFECT_ZK_WRITE) {
        int rc = journal_checkpoint(e->j, seq, ef->before, ef->before_len, &cp, err);
        if (rc) {
            dr_buf_free(&cp);
            return rc;
        }
    }
    lua_newtable(L);
    set_str(L, "t", "effect");
    lua_pushinteger(L, e->cur_step);
    lua_setfield(L, -2, "step");
    lua_pushinteger(L, seq);
    lua_setfield(L, -2, "seq");
    set_str(L, "kind", effect_kind_name(ef->kind));
    set_str(L, "module", ef->module);
    set_str(L, "host", ef->host);
    set_str(L, "summary", ef->summary);
    set_str(L, "path", ef->path);
    if (ef->kind == DR_EFFECT_WRITE_FILE || ef->kind == DR_EFFECT_ZK_WRITE) {
        lua_pushboolean(L, ef->before != NULL);
        lua_setfield(L, -2, "existed");
        if (cp.len)
            set_str(L, "checkpoint", cp.data);
        if (ef->after) {
            lua_pushinteger(L, (lua_Integer)ef->after_len);
            lua_setfield(L, -2, "after_len");
        }
    }
    lua_pushinteger(L, dr_wall_ms());
    lua_setfield(L, -2, "time");
    dr_buf_free(&cp);
    int rc = engine_journal_top(e, L, err);
    lua_settop(L, top);
    if (rc)
        return rc;
    if (!e->first_effect_wall_ms)
        e->first_effect_wall_ms = dr_wall_ms();
    return DR_EFFECT_PERFORM;
}

static void effect_done(void *ud, lua_State *L, const dr_effect *ef, int rc, const char *detail)
{
    struct engine *e = ud;
    (void)ef;
    if (e->o.mode != ENGINE_REAL || !e->j)
        return;
    int top = lua_gettop(L);
    /* the step's own last effect: members of a group interleave theirs */
    lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_LASTSEQ);
    lua_rawgeti(L, -1, e->cur_step);
    lua_Integer seq = lua_isinteger(L, -1) ? lua_tointeger(L, -1) : e->effect_seq;
    lua_settop(L, top);
    lua_newtable(L);
    set_str(L, "t", "effect_done");
    lua_pushinteger(L, e->cur_step);
    lua_setfield(L, -2, "step");
    lua_pushinteger(L, seq);
    lua_setfield(L, -2, "seq");
    lua_pushinteger(L, rc);
    lua_setfield(L, -2, "rc");
    set_str(L, "detail", detail);
    dr_err err = {0};
    if (engine_journal_top(e, L, &err))
        engine_say(e, "drctl: warning: %s\n", err.msg);
    lua_settop(L, top);
}

int engine_journal_top(struct engine *e, lua_State *L, dr_err *err)
{
    if (!e->j) {
        lua_pop(L, 1);
        return DR_OK;
    }
    dr_buf b = DR_BUF_INIT;
    int rc = luaser_dump(L, -1, &b, err);
    lua_pop(L, 1);
    if (rc == DR_OK)
        rc = journal_append(e->j, b.data, b.len, err);
    dr_buf_free(&b);
    return rc;
}

/* ---------------------------------------------------------------- life */

int engine_open(engine **out, const engine_opts *opts, dr_err *err)
{
    *out = NULL;
    struct engine *e = dr_calloc(1, sizeof *e);
    e->o = *opts;
    if (!e->o.cooldown_s)
        e->o.cooldown_s = 1800;
    e->lock_fd = -1;
    e->L = luaL_newstate();
    if (!e->L) {
        free(e);
        return dr_err_set(err, DR_ENOMEM, "lua: cannot create a state");
    }
    /* A fleet-sized group leaves a file's old text per host behind as
     * garbage at once: collect as soon as the heap has grown by a fifth, not
     * doubled (the default), which keeps the peak near what is alive. */
    lua_gc(e->L, LUA_GCINC, 120, 0, 0);
    build_sandbox(e->L);
    lua_pushlightuserdata(e->L, e);
    lua_setfield(e->L, LUA_REGISTRYINDEX, ENGINE_KEY);
    lua_newtable(e->L);
    lua_setfield(e->L, LUA_REGISTRYINDEX, ENGINE_LASTSEQ);
    e->hooks.gate = effect_gate;
    e->hooks.done = effect_done;
    e->hooks.ud = e;
    dr_effect_install(e->L, &e->hooks);
    int rc = journal_state_dir(opts->state_dir, &e->state_dir, err);
    if (rc) {
        engine_close(e);
        return rc;
    }
    if (opts->inventory_path) {
        inventory_errors errs;
        inventory_errors_init(&errs);
        rc = inventory_load_file(opts->inventory_path, NULL, &e->inv, &errs, err);
        if (rc) {
            if (errs.count) {
                dr_buf all = DR_BUF_INIT;
                inventory_errors_format(&errs, &all);
                dr_err_set(err, rc, "invalid inventory:\n%s", all.data);
                dr_buf_free(&all);
            }
            inventory_errors_free(&errs);
            engine_close(e);
            return rc;
        }
        inventory_errors_free(&errs);
        inventory_lua_set(e->L, e->inv);
    }
    *out = e;
    return DR_OK;
}

void engine_close(engine *e)
{
    if (!e)
        return;
    if (e->L)
        lua_close(e->L);
    journal_close(e->j);
    journal_unlock(e->lock_fd);
    inventory_free(e->inv);
    dr_buf_free(&e->state_dir);
    dr_buf_free(&e->runbook_path);
    dr_buf_free(&e->runbook_name);
    dr_buf_free(&e->last_error);
    free(e);
}

const char *engine_last_error(const engine *e)
{
    return e->last_error.data ? e->last_error.data : "";
}

/* ---------------------------------------------------------------- runbook */

/* Loads the runbook and leaves its definition table on the stack. */
static int load_runbook(engine *e, const char *name, dr_err *err)
{
    lua_State *L = e->L;
    dr_buf_reset(&e->runbook_path);
    if (strchr(name, '/') || (strlen(name) > 4 && !strcmp(name + strlen(name) - 4, ".lua"))) {
        if (!file_exists(name))
            return dr_err_set(err, DR_ENOTFOUND, "runbook %s: no such file", name);
        dr_buf_puts(&e->runbook_path, name);
    } else if (!find_in_path(e, "runbooks", name, &e->runbook_path)) {
        dr_buf dirs = DR_BUF_INIT;
        engine_search_path(e, "runbooks", &dirs);
        for (size_t i = 0; dirs.data && i + 1 < dirs.len; i++)
            if (!dirs.data[i])
                dirs.data[i] = ':';
        dr_err_set(err, DR_ENOTFOUND, "runbook '%s' not found in %s (or give --runbooks DIR)", name,
                   dirs.data ? dirs.data : "(no runbook directory)");
        dr_buf_free(&dirs);
        return DR_ENOTFOUND;
    }
    const char *base = strrchr(e->runbook_path.data, '/');
    base = base ? base + 1 : e->runbook_path.data;
    dr_buf_reset(&e->runbook_name);
    dr_buf_append(&e->runbook_name, base, strlen(base) - (strstr(base, ".lua") ? 4 : 0));

    lua_pushcfunction(L, msgh);
    int h = lua_gettop(L);
    if (luaL_loadfilex(L, e->runbook_path.data, "t") != LUA_OK) {
        dr_err_set(err, DR_EINVAL, "%s", lua_tostring(L, -1));
        lua_settop(L, h - 1);
        return DR_EINVAL;
    }
    lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_SANDBOX);
    lua_setupvalue(L, -2, 1);
    if (lua_pcall(L, 0, 1, h) != LUA_OK) {
        dr_err_set(err, DR_EINVAL, "%s", lua_tostring(L, -1));
        lua_settop(L, h - 1);
        return DR_EINVAL;
    }
    lua_remove(L, h);
    if (!lua_istable(L, -1) || lua_getfield(L, -1, "main") != LUA_TFUNCTION) {
        lua_settop(L, h - 1);
        return dr_err_set(err, DR_EINVAL,
                          "%s: a runbook must return dr.runbook{ ..., main = function(p) end }",
                          e->runbook_path.data);
    }
    lua_pop(L, 1);
    return DR_OK;
}

/* Parses --name value / --name=value into a params table checked against
 * the runbook's params spec (the runbook table is at index rb).  Pushes the
 * params table. */
static int parse_params(engine *e, int rb, int argc, char **argv, dr_err *err)
{
    lua_State *L = e->L;
    lua_newtable(L);
    int params = lua_gettop(L);
    lua_getfield(L, rb, "params");
    int spec = lua_gettop(L);
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strncmp(a, "--", 2) != 0 || !a[2]) {
            lua_settop(L, params - 1);
            return dr_err_set(err, DR_EINVAL,
                              "%s: unexpected argument '%s' (expected --name value)",
                              e->runbook_name.data, a);
        }
        a += 2;
        const char *eq = strchr(a, '=');
        dr_buf key = DR_BUF_INIT;
        const char *val;
        if (eq) {
            dr_buf_append(&key, a, (size_t)(eq - a));
            val = eq + 1;
        } else {
            dr_buf_puts(&key, a);
            val = (i + 1 < argc && strncmp(argv[i + 1], "--", 2) != 0) ? argv[++i] : "true";
        }
        for (char *p = key.data; *p; p++)
            if (*p == '-')
                *p = '_';
        if (!lua_istable(L, spec) || lua_getfield(L, spec, key.data) == LUA_TNIL) {
            dr_err_set(err, DR_EINVAL, "%s: unknown parameter --%s (see drctl plan %s --help)",
                       e->runbook_name.data, a, e->runbook_name.data);
            dr_buf_free(&key);
            lua_settop(L, params - 1);
            return DR_EINVAL;
        }
        lua_pop(L, 1);
        lua_pushstring(L, val);
        lua_setfield(L, params, key.data);
        dr_buf_free(&key);
    }
    if (lua_istable(L, spec)) {
        lua_pushnil(L);
        while (lua_next(L, spec)) {
            if (lua_istable(L, -1) && lua_type(L, -2) == LUA_TSTRING) {
                const char *k = lua_tostring(L, -2);
                lua_getfield(L, -1, "required");
                int required = lua_toboolean(L, -1);
                lua_getfield(L, -2, "default");
                lua_getfield(L, params, k);
                if (lua_isnil(L, -1) && !lua_isnil(L, -2)) {
                    lua_pushvalue(L, -2);
                    lua_setfield(L, params, k);
                } else if (lua_isnil(L, -1) && required) {
                    dr_err_set(err, DR_EINVAL, "%s: parameter --%s is required",
                               e->runbook_name.data, k);
                    lua_settop(L, params - 1);
                    return DR_EINVAL;
                }
                lua_pop(L, 3);
            }
            lua_pop(L, 1);
        }
    }
    lua_settop(L, params);
    return DR_OK;
}

static int is_tty_in(void)
{
    return isatty(0);
}

/* A real run of a runbook with `confirm = "param"` asks the operator to
 * type that parameter's value (the target site) unless --yes. */
static int confirm(engine *e, int rb, int params, dr_err *err)
{
    lua_State *L = e->L;
    if (lua_getfield(L, rb, "confirm") != LUA_TSTRING) {
        lua_pop(L, 1);
        return DR_OK;
    }
    const char *pname = lua_tostring(L, -1);
    lua_getfield(L, params, pname);
    const char *want = lua_tostring(L, -1);
    int rc = DR_OK;
    if (e->o.yes || !want) {
        lua_pop(L, 2);
        return DR_OK;
    }
    if (!is_tty_in()) {
        rc = dr_err_set(err, DR_EREFUSED,
                        "%s: a real run must be confirmed: type the site name on a terminal, "
                        "or pass --yes",
                        e->runbook_name.data);
    } else {
        fprintf(stderr,
                "This is a real %s: it changes hosts. Type '%s' to go on: ", e->runbook_name.data,
                want);
        fflush(stderr);
        char line[256];
        if (!fgets(line, sizeof line, stdin) || (line[strcspn(line, "\r\n")] = '\0', 0) ||
            strcmp(line, want) != 0)
            rc = dr_err_set(err, DR_EREFUSED, "%s: not confirmed (expected '%s'); nothing changed",
                            e->runbook_name.data, want);
    }
    lua_pop(L, 2);
    return rc;
}

static int check_cooldown(engine *e, int rb, dr_err *err)
{
    lua_State *L = e->L;
    lua_getfield(L, rb, "cooldown");
    int applies = lua_toboolean(L, -1);
    lua_pop(L, 1);
    if (!applies)
        return DR_OK;
    int64_t when = 0;
    dr_buf last = DR_BUF_INIT;
    int rc = journal_last_switch(e->state_dir.data, &when, &last, err);
    if (rc == DR_OK && when) {
        int64_t age_s = (dr_wall_ms() - when) / 1000;
        if (age_s < e->o.cooldown_s) {
            if (!e->o.force || !e->o.reason || !*e->o.reason)
                rc = dr_err_set(err, DR_EREFUSED,
                                "%s: the last site switch (run %s) finished %lld s ago, within the "
                                "cooldown of %d s; to run another now, pass --force --reason "
                                "\"why\" (the reason is journaled)",
                                e->runbook_name.data, last.data ? last.data : "?", (long long)age_s,
                                e->o.cooldown_s);
        }
    }
    dr_buf_free(&last);
    return rc;
}

/* ---------------------------------------------------------------- output */

static void json_str(dr_buf *b, const char *s, size_t n)
{
    dr_buf_putc(b, '"');
    json_escape(b, s, n);
    dr_buf_putc(b, '"');
}

/* A Lua value as JSON: sequences as arrays, other tables as objects. */
void engine_json_value(lua_State *L, int idx, dr_buf *b, int depth)
{
    idx = lua_absindex(L, idx);
    switch (lua_type(L, idx)) {
    case LUA_TBOOLEAN:
        dr_buf_puts(b, lua_toboolean(L, idx) ? "true" : "false");
        break;
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx))
            dr_buf_printf(b, "%lld", (long long)lua_tointeger(L, idx));
        else
            dr_buf_printf(b, "%.14g", lua_tonumber(L, idx));
        break;
    case LUA_TSTRING: {
        size_t n;
        const char *s = lua_tolstring(L, idx, &n);
        json_str(b, s, n);
        break;
    }
    case LUA_TTABLE: {
        if (depth > 32) {
            dr_buf_puts(b, "null");
            break;
        }
        size_t n = lua_rawlen(L, idx);
        if (n > 0) {
            dr_buf_putc(b, '[');
            for (size_t i = 1; i <= n; i++) {
                if (i > 1)
                    dr_buf_putc(b, ',');
                lua_rawgeti(L, idx, (lua_Integer)i);
                engine_json_value(L, -1, b, depth + 1);
                lua_pop(L, 1);
            }
            dr_buf_putc(b, ']');
            break;
        }
        dr_buf_putc(b, '{');
        int first = 1;
        lua_pushnil(L);
        while (lua_next(L, idx)) {
            if (lua_type(L, -2) == LUA_TSTRING) {
                if (!first)
                    dr_buf_putc(b, ',');
                first = 0;
                size_t kn;
                const char *k = lua_tolstring(L, -2, &kn);
                json_str(b, k, kn);
                dr_buf_putc(b, ':');
                engine_json_value(L, -1, b, depth + 1);
            }
            lua_pop(L, 1);
        }
        dr_buf_putc(b, '}');
        break;
    }
    default:
        dr_buf_puts(b, "null");
    }
}

static const char *opt_field(lua_State *L, int idx, const char *k)
{
    lua_getfield(L, idx, k);
    const char *s = lua_tostring(L, -1);
    lua_pop(L, 1); /* the string stays alive: it is referenced by the table */
    return s;
}

/* The diff of before -> after (the strings at bi and ai, before possibly
 * nil) for path, from cache (a table at ci: before -> after -> the diff made
 * with \001 as the path) when the same change was diffed already: the same
 * new remote_servers.xml on hundreds of nodes is diffed once.  Appends it
 * to d with path in its two header lines. */
static void cached_diff(lua_State *L, int ci, int bi, int ai, const char *path, dr_buf *d)
{
    size_t alen, blen = 0;
    const char *after = lua_tolstring(L, ai, &alen);
    const char *before = lua_tolstring(L, bi, &blen);
    if (lua_isnil(L, bi))
        lua_pushliteral(L, "\001absent");
    else
        lua_pushvalue(L, bi);
    int bk = lua_gettop(L);
    lua_pushvalue(L, bk);
    if (lua_rawget(L, ci) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, bk);
        lua_pushvalue(L, -2);
        lua_rawset(L, ci);
    }
    int per_before = lua_gettop(L);
    lua_pushvalue(L, ai);
    if (lua_rawget(L, per_before) != LUA_TSTRING) {
        lua_pop(L, 1);
        dr_buf t = DR_BUF_INIT;
        engine_diff("\001", before, blen, after, alen, &t);
        lua_pushvalue(L, ai);
        lua_pushlstring(L, t.data ? t.data : "", t.len);
        lua_rawset(L, per_before);
        dr_buf_free(&t);
        lua_pushvalue(L, ai);
        lua_rawget(L, per_before);
    }
    size_t tl;
    const char *t = lua_tolstring(L, -1, &tl);
    while (path && *path == '/')
        path++; /* as engine_diff does */
    /* the path only in the two header lines; the content is copied as is */
    size_t at = 0;
    for (int line = 0; line < 2 && at < tl; line++) {
        size_t n = strcspn(t + at, "\n");
        for (size_t k = at; k < at + n; k++) {
            if (t[k] == '\001')
                dr_buf_puts(d, path ? path : "?");
            else
                dr_buf_putc(d, t[k]);
        }
        at += n;
        if (at < tl)
            dr_buf_putc(d, t[at++]);
    }
    dr_buf_append(d, t + at, tl - at);
    lua_settop(L, bk - 1);
}

/* Adds a "diff" field to every write effect of the plan that has content. */
static void plan_add_diffs(engine *e)
{
    lua_State *L = e->L;
    lua_newtable(L); /* the diff cache */
    int cache = lua_gettop(L);
    lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_PLAN);
    int plan = lua_gettop(L);
    size_t ns = lua_rawlen(L, plan);
    for (size_t i = 1; i <= ns; i++) {
        lua_rawgeti(L, plan, (lua_Integer)i);
        lua_getfield(L, -1, "effects");
        int effects = lua_gettop(L);
        size_t ne = lua_rawlen(L, effects);
        for (size_t k = 1; k <= ne; k++) {
            lua_rawgeti(L, effects, (lua_Integer)k);
            int ef = lua_gettop(L);
            lua_getfield(L, ef, "after");
            if (lua_isstring(L, -1)) {
                int ai = lua_gettop(L);
                lua_getfield(L, ef, "before");
                const char *path = opt_field(L, ef, "path");
                dr_buf d = DR_BUF_INIT;
                cached_diff(L, cache, ai + 1, ai, path ? path : "?", &d);
                push_shared(L, d.data ? d.data : "", d.len);
                lua_setfield(L, ef, "diff");
                /* a short handle, so that tests and tools can compare the
                 * diffs of a plan with those of the real run */
                char hex[SHA256_HEX_LEN + 1];
                sha256_hex(d.data ? d.data : "", d.len, hex);
                lua_pushstring(L, hex);
                lua_setfield(L, ef, "diff_sha256");
                dr_buf_free(&d);
                lua_pop(L, 1);
            }
            lua_settop(L, ef - 1);
        }
        lua_settop(L, plan);
    }
    lua_pop(L, 2); /* the plan and the cache */
}

/* Appends s to sig with every occurrence of name replaced by \001, so that
 * the same change on two hosts whose paths or commands hold their own name
 * compares equal.  Returns 1 when a replacement was made. */
static int sig_put(dr_buf *sig, const char *s, const char *name)
{
    size_t nl = name ? strlen(name) : 0;
    int replaced = 0;
    if (!s)
        s = "";
    for (const char *p; nl >= 2 && (p = strstr(s, name)); s = p + nl) {
        dr_buf_append(sig, s, (size_t)(p - s));
        dr_buf_putc(sig, '\001');
        replaced = 1;
    }
    dr_buf_puts(sig, s);
    dr_buf_putc(sig, '\037');
    return replaced;
}

/* What a plan step shows, as a hash: its notes and effects (kind, summary,
 * diff) with its host's name taken out.  *named says whether the name
 * occurred in them. */
static void step_signature(lua_State *L, int st, char hex[SHA256_HEX_LEN + 1], int *named)
{
    const char *host = opt_field(L, st, "host");
    dr_buf sig = DR_BUF_INIT;
    *named = 0;
    lua_getfield(L, st, "notes");
    size_t nn = lua_istable(L, -1) ? lua_rawlen(L, -1) : 0;
    for (size_t k = 1; k <= nn; k++) {
        lua_rawgeti(L, -1, (lua_Integer)k);
        *named |= sig_put(&sig, lua_tostring(L, -1), host);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    lua_getfield(L, st, "effects");
    size_t ne = lua_istable(L, -1) ? lua_rawlen(L, -1) : 0;
    for (size_t k = 1; k <= ne; k++) {
        lua_rawgeti(L, -1, (lua_Integer)k);
        int ef = lua_gettop(L);
        sig_put(&sig, opt_field(L, ef, "kind"), NULL);
        *named |= sig_put(&sig, opt_field(L, ef, "summary"), host);
        *named |= sig_put(&sig, opt_field(L, ef, "diff"), host);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    sha256_hex(sig.data ? sig.data : "", sig.len, hex);
    dr_buf_free(&sig);
}

/* Splits a host name into text, a number and more text ("ch0012-dal": "ch",
 * 12 of 4 digits, "-dal"); 0 when it holds no number. */
static int name_number(const char *s, size_t *pre, long *num, size_t *digits)
{
    const char *d = s + strcspn(s, "0123456789");
    if (!*d)
        return 0;
    *pre = (size_t)(d - s);
    *digits = strspn(d, "0123456789");
    if (*digits > 9)
        return 0;
    *num = strtol(d, NULL, 10);
    return 1;
}

/* Appends the names of list (a Lua array at idx), runs of consecutive
 * numbers shown as first..last: "ch5..ch600, zk1". */
static void put_name_ranges(lua_State *L, int idx, dr_buf *b)
{
    size_t n = lua_rawlen(L, idx);
    for (size_t i = 1; i <= n;) {
        lua_rawgeti(L, idx, (lua_Integer)i);
        const char *first = lua_tostring(L, -1);
        size_t pre, dg;
        long num;
        size_t j = i;
        if (first && name_number(first, &pre, &num, &dg)) {
            const char *rest = first + pre + dg;
            while (j < n) {
                lua_rawgeti(L, idx, (lua_Integer)j + 1);
                const char *nx = lua_tostring(L, -1);
                size_t p2, d2;
                long n2;
                int next = nx && name_number(nx, &p2, &n2, &d2) && p2 == pre && d2 == dg &&
                           !strncmp(nx, first, pre) && !strcmp(nx + p2 + d2, rest) &&
                           n2 == num + (long)(j - i) + 1;
                lua_pop(L, 1);
                if (!next)
                    break;
                j++;
            }
        }
        dr_buf_printf(b, "%s%s", i > 1 ? ", " : "", first ? first : "?");
        if (j > i) {
            lua_rawgeti(L, idx, (lua_Integer)j);
            dr_buf_printf(b, "%s%s", j > i + 1 ? ".." : ", ", lua_tostring(L, -1));
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
        i = j + 1;
    }
}

/* For the members of each step group: which ones show the same change as
 * an earlier member (folded under it unless --full).  Builds, in the Lua
 * table at the top of the stack, step number -> first member with the same
 * signature (absent: shown), and first member -> {names of the others,
 * named = the names differ inside the change}. */
static void plan_fold_groups(engine *e, int plan)
{
    lua_State *L = e->L;
    lua_newtable(L);
    int fold = lua_gettop(L);
    if (e->o.plan_full)
        return;
    size_t ns = lua_rawlen(L, plan);
    for (size_t i = 1; i <= ns;) {
        lua_rawgeti(L, plan, (lua_Integer)i);
        int st = lua_gettop(L);
        lua_getfield(L, st, "group_first");
        lua_getfield(L, st, "group_size");
        size_t gn = lua_toboolean(L, -2) ? (size_t)lua_tointeger(L, -1) : 1;
        lua_settop(L, fold);
        if (gn < 2) {
            i++;
            continue;
        }
        lua_newtable(L); /* signature -> first member */
        int seen = lua_gettop(L);
        for (size_t m = i; m < i + gn && m <= ns; m++) {
            lua_rawgeti(L, plan, (lua_Integer)m);
            int ms = lua_gettop(L);
            char hex[SHA256_HEX_LEN + 1];
            int named;
            step_signature(L, ms, hex, &named);
            if (lua_getfield(L, seen, hex) == LUA_TNUMBER) {
                lua_Integer first = lua_tointeger(L, -1);
                lua_pushinteger(L, first);
                lua_rawseti(L, fold, (lua_Integer)m);
                /* the first member's record: the other names */
                lua_rawgeti(L, fold, -first);
                if (!lua_istable(L, -1)) {
                    lua_pop(L, 1);
                    lua_newtable(L);
                    lua_pushvalue(L, -1);
                    lua_rawseti(L, fold, -first);
                }
                lua_getfield(L, ms, "host");
                lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
                if (named) {
                    lua_pushboolean(L, 1);
                    lua_setfield(L, -2, "named");
                }
            } else {
                lua_pushinteger(L, (lua_Integer)m);
                lua_setfield(L, seen, hex);
            }
            lua_settop(L, seen);
        }
        lua_settop(L, fold);
        i += gn;
    }
}

static void print_plan_text(engine *e, FILE *f)
{
    lua_State *L = e->L;
    lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_PLAN);
    int plan = lua_gettop(L);
    size_t ns = lua_rawlen(L, plan);
    dr_buf b = DR_BUF_INIT;
    dr_buf_printf(&b, "Rehearsal of %s: %zu steps, nothing was changed.\n", e->runbook_name.data,
                  ns);
    plan_fold_groups(e, plan);
    int fold = lua_gettop(L);
    for (size_t i = 1; i <= ns; i++) {
        lua_rawgeti(L, plan, (lua_Integer)i);
        int st = lua_gettop(L);
        if (lua_rawgeti(L, fold, (lua_Integer)i) == LUA_TNUMBER) {
            lua_settop(L, fold); /* shown with the first member like it */
            continue;
        }
        lua_pop(L, 1);
        const char *name = opt_field(L, st, "name");
        const char *host = opt_field(L, st, "host");
        const char *group = opt_field(L, st, "group");
        lua_getfield(L, st, "group_first");
        if (group && lua_toboolean(L, -1)) {
            lua_getfield(L, st, "group_size");
            lua_Integer gn = lua_tointeger(L, -1);
            dr_buf_printf(&b, "\n%2zu-%zu. at the same time: %s\n", i, i + (size_t)gn - 1, group);
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
        dr_buf_printf(&b, "\n%2zu. %s%s%s%s%s\n", i, group ? "  " : "", name ? name : "?",
                      host ? "  [" : "", host ? host : "", host ? "]" : "");
        lua_getfield(L, st, "notes");
        size_t nn = lua_istable(L, -1) ? lua_rawlen(L, -1) : 0;
        for (size_t k = 1; k <= nn; k++) {
            lua_rawgeti(L, -1, (lua_Integer)k);
            dr_buf_printf(&b, "    # %s\n", lua_tostring(L, -1));
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
        lua_getfield(L, st, "effects");
        size_t ne = lua_rawlen(L, -1);
        for (size_t k = 1; k <= ne; k++) {
            lua_rawgeti(L, -1, (lua_Integer)k);
            int ef = lua_gettop(L);
            const char *kind = opt_field(L, ef, "kind");
            const char *eh = opt_field(L, ef, "host");
            const char *summary = opt_field(L, ef, "summary");
            const char *diff = opt_field(L, ef, "diff");
            if (kind && !strcmp(kind, "exec"))
                dr_buf_printf(&b, "    %s$ %s\n", eh ? eh : "", summary ? summary : "");
            else
                dr_buf_printf(&b, "    %s: %s\n", eh ? eh : "", summary ? summary : kind);
            if (diff && *diff) {
                for (const char *p = diff; *p;) {
                    size_t n = strcspn(p, "\n");
                    dr_buf_puts(&b, "      ");
                    dr_buf_append(&b, p, n);
                    dr_buf_putc(&b, '\n');
                    p += n + (p[n] ? 1 : 0);
                }
            } else if (kind && !strcmp(kind, "write_file") && diff) {
                dr_buf_puts(&b, "      (content unchanged)\n");
            }
            lua_settop(L, ef - 1);
        }
        if (lua_rawgeti(L, fold, -(lua_Integer)i) == LUA_TTABLE) {
            int others = lua_gettop(L);
            lua_getfield(L, others, "named");
            dr_buf_printf(&b, "    = the same %son %zu more (--full shows each): ",
                          lua_toboolean(L, -1) ? "(each with its own name) " : "",
                          (size_t)lua_rawlen(L, others));
            put_name_ranges(L, others, &b);
            dr_buf_putc(&b, '\n');
        }
        lua_settop(L, fold);
    }
    lua_pop(L, 2);
    dr_redact(&b);
    fputs(b.data, f);
    dr_buf_free(&b);
}

/* The plan or the run summary as JSON on stdout (before/after dropped:
 * they may be large; the diff says what changes). */
static void print_json(engine *e, const char *status, const char *error)
{
    lua_State *L = e->L;
    lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_PLAN);
    int plan = lua_gettop(L);
    size_t ns = lua_rawlen(L, plan);
    for (size_t i = 1; i <= ns; i++) {
        lua_rawgeti(L, plan, (lua_Integer)i);
        lua_getfield(L, -1, "effects");
        size_t ne = lua_rawlen(L, -1);
        for (size_t k = 1; k <= ne; k++) {
            lua_rawgeti(L, -1, (lua_Integer)k);
            lua_pushnil(L);
            lua_setfield(L, -2, "before");
            lua_pushnil(L);
            lua_setfield(L, -2, "after");
            lua_pop(L, 1);
        }
        lua_pop(L, 2);
    }
    dr_buf b = DR_BUF_INIT;
    dr_buf_puts(&b, "{\"schema\":\"drctl.run/1\",\"runbook\":");
    json_str(&b, e->runbook_name.data, e->runbook_name.len);
    dr_buf_printf(&b, ",\"mode\":\"%s\",\"status\":\"%s\"",
                  e->o.mode == ENGINE_REAL ? "real" : "rehearsal", status);
    if (e->run_id[0]) {
        dr_buf_puts(&b, ",\"run\":");
        json_str(&b, e->run_id, strlen(e->run_id));
    }
    if (error) {
        dr_buf_puts(&b, ",\"error\":");
        json_str(&b, error, strlen(error));
    }
    dr_buf_printf(&b, ",\"duration_ms\":%lld", (long long)(dr_now_ms() - e->t0_ms));
    dr_buf_puts(&b, ",\"metrics\":");
    lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_METRICS);
    lua_pushnil(L);
    if (lua_next(L, -2)) {
        lua_pop(L, 2);
        engine_json_value(L, -1, &b, 0);
    } else {
        dr_buf_puts(&b, "{}");
    }
    lua_pop(L, 1);
    /* every file write in order, "host path diff-sha256": what a plan and
     * the real run can be compared by */
    dr_buf_puts(&b, ",\"files\":[");
    int nf = 0;
    for (size_t i = 1; i <= ns; i++) {
        lua_rawgeti(L, plan, (lua_Integer)i);
        lua_getfield(L, -1, "effects");
        size_t ne = lua_rawlen(L, -1);
        for (size_t k = 1; k <= ne; k++) {
            lua_rawgeti(L, -1, (lua_Integer)k);
            int ef = lua_gettop(L);
            const char *kind = opt_field(L, ef, "kind");
            const char *d = opt_field(L, ef, "diff_sha256");
            if (kind && !strcmp(kind, "write_file") && d) {
                dr_buf one = DR_BUF_INIT;
                const char *h = opt_field(L, ef, "host");
                const char *pth = opt_field(L, ef, "path");
                dr_buf_printf(&one, "%s %s %s", h ? h : "?", pth ? pth : "?", d);
                if (nf++)
                    dr_buf_putc(&b, ',');
                json_str(&b, one.data, one.len);
                dr_buf_free(&one);
            }
            lua_pop(L, 1);
        }
        lua_pop(L, 2);
    }
    dr_buf_puts(&b, "]");
    dr_buf_puts(&b, ",\"steps\":");
    if (ns)
        engine_json_value(L, plan, &b, 0);
    else
        dr_buf_puts(&b, "[]");
    dr_buf_puts(&b, "}\n");
    lua_pop(L, 1);
    dr_redact(&b);
    fputs(b.data, stdout);
    dr_buf_free(&b);
}

static void print_summary(engine *e, const char *status)
{
    if (e->o.quiet)
        return;
    lua_State *L = e->L;
    lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_PLAN);
    int plan = lua_gettop(L);
    size_t ns = lua_rawlen(L, plan);
    engine_say(e, "\n%s %s: %s\n", e->runbook_name.data, e->run_id, status);
    for (size_t i = 1; i <= ns; i++) {
        lua_rawgeti(L, plan, (lua_Integer)i);
        int st = lua_gettop(L);
        const char *name = opt_field(L, st, "name");
        const char *s = opt_field(L, st, "status");
        lua_getfield(L, st, "ms");
        lua_Integer ms = lua_tointeger(L, -1);
        lua_pop(L, 1);
        engine_say(e, "  %3zu  %-8s %8.1f s  %s\n", i, s ? s : "?", (double)ms / 1000.0,
                   name ? name : "?");
        lua_settop(L, plan);
    }
    lua_pop(L, 1);
    lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_METRICS);
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        if (lua_type(L, -2) == LUA_TSTRING) {
            const char *k = lua_tostring(L, -2);
            const char *v = luaL_tolstring(L, -1, NULL);
            engine_say(e, "  %s = %s\n", k, v);
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    engine_say(e, "  total %.1f s\n", (double)(dr_now_ms() - e->t0_ms) / 1000.0);
}

/* ---------------------------------------------------------------- drivers */

static void journal_run_record(engine *e, const char *t, int params_idx, const char *status,
                               const char *error)
{
    lua_State *L = e->L;
    lua_newtable(L);
    set_str(L, "t", t);
    if (!strcmp(t, "run")) {
        set_str(L, "runbook", e->runbook_name.data);
        set_str(L, "path", e->runbook_path.data);
        struct passwd *pw = getpwuid(getuid());
        set_str(L, "user", getenv("USER") ? getenv("USER") : pw ? pw->pw_name : NULL);
        lua_pushinteger(L, (lua_Integer)getpid());
        lua_setfield(L, -2, "pid");
        if (e->o.inventory_path)
            set_str(L, "inventory", e->o.inventory_path);
        if (e->o.runbook_dir)
            set_str(L, "runbooks", e->o.runbook_dir);
        if (e->o.force && e->o.reason)
            set_str(L, "force_reason", e->o.reason);
        if (params_idx) {
            lua_pushvalue(L, params_idx);
            lua_setfield(L, -2, "params");
        }
    }
    set_str(L, "status", status);
    set_str(L, "error", error);
    lua_pushinteger(L, dr_wall_ms());
    lua_setfield(L, -2, "time");
    if (!strcmp(t, "end")) {
        lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_METRICS);
        lua_setfield(L, -2, "metrics");
    }
    dr_err err = {0};
    if (engine_journal_top(e, L, &err))
        engine_say(e, "drctl: warning: %s\n", err.msg);
}

/* Runs main(params) of the runbook table at rb; prints and journals the
 * outcome.  Returns a DR_EXIT_* code. */
static int execute(engine *e, int rb, int params)
{
    lua_State *L = e->L;
    e->t0_ms = dr_now_ms();
    lua_pushcfunction(L, msgh);
    int h = lua_gettop(L);
    lua_getfield(L, rb, "main");
    lua_pushvalue(L, params);
    lua_pushvalue(L, params);
    lua_setfield(L, LUA_REGISTRYINDEX, "dr.params");
    int rc = lua_pcall(L, 1, 0, h);
    const char *error = NULL;
    dr_buf msg = DR_BUF_INIT;
    if (rc != LUA_OK) {
        const char *m = lua_tostring(L, -1);
        dr_buf_puts(&msg, m ? m : "error");
        dr_redact(&msg);
        error = msg.data;
    }
    const char *status = rc == LUA_OK ? "ok" : e->refused ? "refused" : "failed";
    dr_buf_reset(&e->last_error);
    dr_buf_puts(&e->last_error, error ? error : "");
    if (e->o.mode == ENGINE_READONLY) {
        /* the runbook printed its own result */
    } else if (e->o.mode == ENGINE_REHEARSAL) {
        plan_add_diffs(e);
        if (e->o.json)
            print_json(e, status, error);
        else
            print_plan_text(e, e->o.plan_out ? e->o.plan_out : stdout);
    } else {
        journal_run_record(e, "end", 0, status, error);
        if (rc == LUA_OK) {
            lua_getfield(L, rb, "switches_site");
            int sw = lua_toboolean(L, -1);
            lua_pop(L, 1);
            dr_err err = {0};
            if (sw && journal_record_switch(e->state_dir.data, e->run_id, &err))
                engine_say(e, "drctl: warning: %s\n", err.msg);
        }
        if (e->o.json) {
            plan_add_diffs(e);
            print_json(e, status, error);
        }
        print_summary(e, status);
    }
    if (error) {
        /* first line to the operator; the traceback is in the journal */
        fprintf(stderr, "drctl: %s\n", error);
        if (e->o.mode == ENGINE_REAL && e->run_id[0])
            fprintf(stderr,
                    "drctl: run %s stopped; see drctl runs %s, then drctl resume %s or "
                    "drctl rollback %s\n",
                    e->run_id, e->run_id, e->run_id, e->run_id);
    }
    dr_buf_free(&msg);
    lua_settop(L, h - 1);
    if (rc == LUA_OK)
        return DR_EXIT_OK;
    return e->refused ? DR_EXIT_REFUSED : DR_EXIT_FAIL;
}

int engine_run(engine *e, const char *runbook, int argc, char **argv)
{
    lua_State *L = e->L;
    dr_err err = {0};
    int top = lua_gettop(L);
    if (load_runbook(e, runbook, &err) != DR_OK) {
        fprintf(stderr, "drctl: %s\n", err.msg);
        dr_buf_reset(&e->last_error);
        dr_buf_puts(&e->last_error, err.msg);
        return DR_EXIT_USAGE;
    }
    int rb = lua_gettop(L);
    if (parse_params(e, rb, argc, argv, &err) != DR_OK) {
        fprintf(stderr, "drctl: %s\n", err.msg);
        dr_buf_reset(&e->last_error);
        dr_buf_puts(&e->last_error, err.msg);
        lua_settop(L, top);
        return DR_EXIT_USAGE;
    }
    int params = lua_gettop(L);
    int code;
    if (e->o.mode != ENGINE_REAL) {
        code = execute(e, rb, params);
        lua_settop(L, top);
        return code;
    }
    if (confirm(e, rb, params, &err) || check_cooldown(e, rb, &err)) {
        fprintf(stderr, "drctl: %s\n", err.msg);
        dr_buf_reset(&e->last_error);
        dr_buf_puts(&e->last_error, err.msg);
        lua_settop(L, top);
        return DR_EXIT_REFUSED;
    }
    journal_new_run_id(e->run_id, sizeof e->run_id);
    if (journal_lock(e->state_dir.data, e->run_id, e->runbook_name.data, &e->lock_fd, &err) ||
        journal_create(e->state_dir.data, e->run_id, &e->j, &err)) {
        fprintf(stderr, "drctl: %s\n", err.msg);
        dr_buf_reset(&e->last_error);
        dr_buf_puts(&e->last_error, err.msg);
        lua_settop(L, top);
        return err.code == DR_EREFUSED ? DR_EXIT_REFUSED : DR_EXIT_FAIL;
    }
    engine_say(e, "drctl: run %s: %s (journal %s)\n", e->run_id, e->runbook_name.data,
               journal_dir(e->j));
    journal_run_record(e, "run", params, NULL, NULL);
    code = execute(e, rb, params);
    lua_settop(L, top);
    return code;
}

/* Reads a run's journal records into a Lua list (pushed). */
int engine_load_journal(engine *e, const char *run_id, dr_err *err)
{
    lua_State *L = e->L;
    dr_buf text = DR_BUF_INIT;
    int rc = journal_read(e->state_dir.data, run_id, &text, err);
    if (rc) {
        dr_buf_free(&text);
        return rc;
    }
    lua_newtable(L);
    int list = lua_gettop(L);
    size_t lineno = 0;
    for (char *p = text.data; p && *p;) {
        char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        lineno++;
        /* a record cut off by a crash is the last line and has no newline */
        if (nl && n > 0) {
            char name[64];
            snprintf(name, sizeof name, "=journal:%zu", lineno);
            if (luaser_load(L, p, n, name, err) != DR_OK) {
                dr_buf_free(&text);
                lua_settop(L, list - 1);
                return dr_err_wrap(err, "run %s", run_id);
            }
            lua_rawseti(L, list, (lua_Integer)lua_rawlen(L, list) + 1);
        }
        p = nl ? nl + 1 : p + n;
    }
    dr_buf_free(&text);
    return DR_OK;
}

int engine_resume(engine *e, const char *run_id)
{
    lua_State *L = e->L;
    dr_err err = {0};
    int top = lua_gettop(L);
    if (engine_load_journal(e, run_id, &err)) {
        fprintf(stderr, "drctl: %s\n", err.msg);
        return DR_EXIT_USAGE;
    }
    int list = lua_gettop(L);
    size_t n = lua_rawlen(L, list);
    /* the run record, the step states and the effect count */
    lua_newtable(L);
    int resume = lua_gettop(L);
    int run_rec = 0, ended = 0;
    const char *end_status = NULL;
    for (size_t i = 1; i <= n; i++) {
        lua_rawgeti(L, list, (lua_Integer)i);
        int r = lua_gettop(L);
        const char *t = opt_field(L, r, "t");
        if (t && !strcmp(t, "run") && !run_rec) {
            run_rec = r;
            continue; /* keep it on the stack */
        }
        if (t && !strcmp(t, "end")) {
            ended = 1;
            end_status = opt_field(L, r, "status");
        }
        if (t && !strcmp(t, "effect")) {
            lua_getfield(L, r, "seq");
            int seq = (int)lua_tointeger(L, -1);
            lua_pop(L, 1);
            if (seq > e->effect_seq)
                e->effect_seq = seq;
        }
        if (t && (!strcmp(t, "step") || !strcmp(t, "check") || !strcmp(t, "step_end"))) {
            lua_getfield(L, r, "n");
            lua_Integer sn = lua_tointeger(L, -1);
            lua_pop(L, 1);
            if (lua_rawgeti(L, resume, sn) == LUA_TNIL) {
                lua_pop(L, 1);
                lua_newtable(L);
                lua_pushvalue(L, -1);
                lua_rawseti(L, resume, sn);
            }
            int st = lua_gettop(L);
            if (!strcmp(t, "step")) {
                lua_getfield(L, r, "name");
                lua_setfield(L, st, "name");
                lua_pushboolean(L, 1);
                lua_setfield(L, st, "started");
            } else if (!strcmp(t, "check")) {
                lua_getfield(L, r, "pre");
                lua_setfield(L, st, "pre");
                lua_pushboolean(L, 1);
                lua_setfield(L, st, "checked");
            } else {
                lua_getfield(L, r, "status");
                lua_setfield(L, st, "status");
                lua_getfield(L, r, "result");
                lua_setfield(L, st, "result");
            }
            lua_pop(L, 1);
        }
        lua_settop(L, r - 1);
    }
    if (!run_rec) {
        fprintf(stderr, "drctl: run %s: its journal has no run record\n", run_id);
        lua_settop(L, top);
        return DR_EXIT_USAGE;
    }
    if (ended && end_status && !strcmp(end_status, "ok")) {
        fprintf(stderr, "drctl: run %s already finished (ok); nothing to resume\n", run_id);
        lua_settop(L, top);
        return DR_EXIT_USAGE;
    }
    const char *path = opt_field(L, run_rec, "path");
    const char *rbdir = opt_field(L, run_rec, "runbooks");
    if (rbdir && !e->o.runbook_dir)
        e->o.runbook_dir = rbdir; /* lives as long as the journal list on the stack */
    lua_pushvalue(L, resume);
    lua_setfield(L, LUA_REGISTRYINDEX, ENGINE_RESUME);
    e->resuming = 1;
    if (!path || load_runbook(e, path, &err) != DR_OK) {
        fprintf(stderr, "drctl: resume %s: %s\n", run_id, path ? err.msg : "no runbook path");
        lua_settop(L, top);
        return DR_EXIT_FAIL;
    }
    int rb = lua_gettop(L);
    lua_getfield(L, run_rec, "params");
    if (!lua_istable(L, -1)) {
        lua_pop(L, 1);
        lua_newtable(L);
    }
    int params = lua_gettop(L);
    snprintf(e->run_id, sizeof e->run_id, "%s", run_id);
    if (journal_lock(e->state_dir.data, e->run_id, "resume", &e->lock_fd, &err) ||
        journal_reopen(e->state_dir.data, e->run_id, &e->j, &err)) {
        fprintf(stderr, "drctl: %s\n", err.msg);
        lua_settop(L, top);
        return err.code == DR_EREFUSED ? DR_EXIT_REFUSED : DR_EXIT_FAIL;
    }
    engine_say(e, "drctl: resuming run %s: %s\n", e->run_id, e->runbook_name.data);
    lua_newtable(L);
    set_str(L, "t", "resume");
    lua_pushinteger(L, dr_wall_ms());
    lua_setfield(L, -2, "time");
    engine_journal_top(e, L, &err);
    int code = execute(e, rb, params);
    lua_settop(L, top);
    return code;
}

int engine_show_runs(engine *e, const char *run_id)
{
    lua_State *L = e->L;
    dr_err err = {0};
    int top = lua_gettop(L);
    if (!run_id) {
        dr_buf ids = DR_BUF_INIT;
        size_t count = 0;
        if (journal_list_runs(e->state_dir.data, &ids, &count, &err)) {
            fprintf(stderr, "drctl: %s\n", err.msg);
            return DR_EXIT_FAIL;
        }
        if (e->o.json)
            fputs("[", stdout);
        else
            printf("%-22s  %-12s  %-9s  %9s  %s\n", "RUN", "RUNBOOK", "STATUS", "DURATION",
                   "PARAMS");
        size_t off = 0;
        for (size_t i = 0; i < count; i++, off += strlen(ids.data + off) + 1) {
            const char *id = ids.data + off;
            if (engine_load_journal(e, id, &err))
                continue;
            int list = lua_gettop(L);
            size_t n = lua_rawlen(L, list);
            const char *rbname = "?", *status = "stopped";
            int64_t t0 = 0, t1 = 0;
            dr_buf params = DR_BUF_INIT;
            for (size_t k = 1; k <= n; k++) {
                lua_rawgeti(L, list, (lua_Integer)k);
                const char *t = opt_field(L, -1, "t");
                lua_getfield(L, -1, "time");
                int64_t tm = lua_tointeger(L, -1);
                lua_pop(L, 1);
                if (t && !strcmp(t, "run")) {
                    rbname = opt_field(L, -1, "runbook");
                    t0 = tm;
                    lua_getfield(L, -1, "params");
                    if (lua_istable(L, -1)) {
                        lua_pushnil(L);
                        while (lua_next(L, -2)) {
                            const char *k = lua_tostring(L, -2);
                            const char *v = luaL_tolstring(L, -1, NULL);
                            dr_buf_printf(&params, "--%s %s ", k ? k : "?", v);
                            lua_pop(L, 2);
                        }
                    }
                    lua_pop(L, 1);
                } else if (t && !strcmp(t, "end")) {
                    status = opt_field(L, -1, "status");
                    t1 = tm;
                }
                lua_pop(L, 1);
            }
            if (e->o.json) {
                dr_buf b = DR_BUF_INIT;
                if (i)
                    dr_buf_putc(&b, ',');
                dr_buf_puts(&b, "{\"run\":");
                json_str(&b, id, strlen(id));
                dr_buf_puts(&b, ",\"runbook\":");
                json_str(&b, rbname, strlen(rbname));
                dr_buf_puts(&b, ",\"status\":");
                json_str(&b, status, strlen(status));
                dr_buf_printf(&b, ",\"duration_ms\":%lld}", (long long)(t1 ? t1 - t0 : 0));
                fputs(b.data, stdout);
                dr_buf_free(&b);
            } else {
                printf("%-22s  %-12s  %-9s  %8.1fs  %s\n", id, rbname, status,
                       t1 ? (double)(t1 - t0) / 1000.0 : 0.0, params.data ? params.data : "");
            }
            dr_buf_free(&params);
            lua_settop(L, top);
        }
        if (e->o.json)
            fputs("]\n", stdout);
        dr_buf_free(&ids);
        return DR_EXIT_OK;
    }
    if (engine_load_journal(e, run_id, &err)) {
        fprintf(stderr, "drctl: %s\n", err.msg);
        return DR_EXIT_USAGE;
    }
    int list = lua_gettop(L);
    if (e->o.json) {
        dr_buf b = DR_BUF_INIT;
        engine_json_value(L, list, &b, 0);
        dr_buf_putc(&b, '\n');
        fputs(b.data, stdout);
        dr_buf_free(&b);
        lua_settop(L, top);
        return DR_EXIT_OK;
    }
    size_t n = lua_rawlen(L, list);
    int64_t step_t0[4096] = {0};
    for (size_t k = 1; k <= n; k++) {
        lua_rawgeti(L, list, (lua_Integer)k);
        int r = lua_gettop(L);
        const char *t = opt_field(L, r, "t");
        lua_getfield(L, r, "time");
        int64_t tm = lua_tointeger(L, -1);
        lua_getfield(L, r, "n");
        lua_Integer sn = lua_tointeger(L, -1);
        lua_pop(L, 2);
        if (!t) {
        } else if (!strcmp(t, "run")) {
            printf("run %s: %s (by %s)\n", run_id, opt_field(L, r, "runbook"),
                   opt_field(L, r, "user") ? opt_field(L, r, "user") : "?");
            if (opt_field(L, r, "force_reason"))
                printf("  forced: %s\n", opt_field(L, r, "force_reason"));
        } else if (!strcmp(t, "step")) {
            if (sn > 0 && sn < 4096)
                step_t0[sn] = tm;
            printf("  %3lld  %s%s%s\n", (long long)sn, opt_field(L, r, "name"),
                   opt_field(L, r, "host") ? "  on " : "",
                   opt_field(L, r, "host") ? opt_field(L, r, "host") : "");
        } else if (!strcmp(t, "effect")) {
            const char *cp = opt_field(L, r, "checkpoint");
            printf("         %s %s: %s%s%s%s\n", opt_field(L, r, "kind"),
                   opt_field(L, r, "host") ? opt_field(L, r, "host") : "",
                   opt_field(L, r, "summary") ? opt_field(L, r, "summary") : "",
                   cp ? "  (checkpoint " : "", cp ? cp : "", cp ? ")" : "");
        } else if (!strcmp(t, "step_end")) {
            double secs =
                (sn > 0 && sn < 4096 && step_t0[sn]) ? (double)(tm - step_t0[sn]) / 1e3 : 0.0;
            printf("       -> %s in %.1f s%s%s\n", opt_field(L, r, "status"), secs,
                   opt_field(L, r, "why") ? ": " : "",
                   opt_field(L, r, "why") ? opt_field(L, r, "why") : "");
        } else if (!strcmp(t, "resume")) {
            printf("  -- resumed\n");
        } else if (!strcmp(t, "end")) {
            printf("end: %s%s%s\n", opt_field(L, r, "status"), opt_field(L, r, "error") ? ": " : "",
                   opt_field(L, r, "error") ? opt_field(L, r, "error") : "");
        }
        lua_settop(L, list);
    }
    lua_settop(L, top);
    return DR_EXIT_OK;
}

void engine_preload(engine *e, const char *name, int (*open)(lua_State *L))
{
    lua_getfield(e->L, LUA_REGISTRYINDEX, "dr.preload");
    lua_pushcfunction(e->L, open);
    lua_setfield(e->L, -2, name);
    lua_pop(e->L, 1);
}

int engine_rollback(engine *e, const char *run_id)
{
    dr_buf path = DR_BUF_INIT;
    if (!find_in_path(e, "lua", "dr.rollback", &path)) {
        fprintf(stderr, "drctl: rollback: lua/dr/rollback.lua not found\n");
        dr_buf_free(&path);
        return DR_EXIT_FAIL;
    }
    char *argv[] = {"--run", (char *)run_id};
    int code = engine_run(e, path.data, 2, argv);
    dr_buf_free(&path);
    return code;
}
