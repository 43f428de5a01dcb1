/* engine: the Lua sandbox, runbook loading, the effect hooks (run mode,
 * journal, checkpoints), and the run / rehearsal / resume drivers. */
#include "engine_int.h"

#include <errno.h>
#include <math.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "json.h"
#include "engine_mods.h"
#include "inventory_lua.h"
#include "luabind.h"
#include "luaser.h"
#include "sha256.h"
#include "term.h"

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
    if (e->o.quiet || !e->o.progress)
        return;
    dr_buf b = DR_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    dr_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    dr_redact(&b);
    e->o.progress(b.data ? b.data : "", e->o.ud);
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
    /* Runbooks: --runbooks DIR first, so that a site's own copy of
     * failover.lua is the one that runs when the operator names its
     * directory; then the installed directory and the source tree.  The
     * library (lua/): installed, source tree, then --runbooks DIR, so that
     * a runbook directory cannot shadow dr.* by accident. */
    const int user_first = !strcmp(sub, "runbooks");
    if (user_first && e->o.runbook_dir && dir_exists(e->o.runbook_dir))
        dr_buf_append(out, e->o.runbook_dir, strlen(e->o.runbook_dir) + 1);
    const char *dirs[3] = {DRCTL_INSTALL_DATADIR, DRCTL_SOURCE_DIR, NULL};
    for (int i = 0; i < 2; i++) {
        dr_buf d = DR_BUF_INIT;
        dr_buf_printf(&d, "%s/%s", dirs[i], sub);
        if (dir_exists(d.data))
            dr_buf_append(out, d.data, d.len + 1);
        dr_buf_free(&d);
    }
    if (!user_first && e->o.runbook_dir && dir_exists(e->o.runbook_dir))
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
    "assert",   "error",    "ipairs",       "next",         "pairs",    "pcall",
    "xpcall",   "rawequal", "rawget",       "rawlen",       "select",   "tonumber",
    "tostring", "type",     "setmetatable", "getmetatable", "_VERSION", "string",
    "table",    "math",     "utf8",         "coroutine",    NULL};

/* The sandbox's __index: its globals (upvalue 1), or an error naming what
 * is missing. */
static int sandbox_index(lua_State *L)
{
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL)
        return 1;
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

/* ------------------------------------------------ read-only shared tables
 *
 * What every chunk of a run shares (the globals, string, table, math, the dr
 * modules) reaches runbooks as an empty proxy whose metatable reads through
 * to the real table and refuses writes, so that no runbook can change
 * string.format or dr.step for the chunks that run after it. */
#define ENGINE_READONLY_SET "dr.readonly" /* proxy -> true (weak keys) */

static int ro_newindex(lua_State *L)
{
    const char *k = lua_tostring(L, 2);
    return luaL_error(L, "%s is read-only to runbooks (cannot set '%s'): use a local copy",
                      lua_tostring(L, lua_upvalueindex(1)), k ? k : "?");
}

static int ro_pairs(lua_State *L)
{
    lua_getglobal(L, "next");
    lua_getmetatable(L, 1);
    lua_getfield(L, -1, "__index");
    lua_remove(L, -2);
    lua_pushnil(L);
    return 3;
}

static int ro_len(lua_State *L)
{
    lua_getmetatable(L, 1);
    lua_getfield(L, -1, "__index");
    lua_pushinteger(L, (lua_Integer)lua_rawlen(L, -1));
    return 1;
}

/* Records the proxy at the top of the stack as read-only to runbooks
 * (rawset refuses it); the stack is left as it was. */
static void mark_readonly(lua_State *L)
{
    lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_READONLY_SET);
    lua_pushvalue(L, -2);
    lua_pushboolean(L, 1);
    lua_rawset(L, -3);
    lua_pop(L, 1);
}

/* Replaces the table at the top of the stack by its read-only proxy. */
static void push_readonly(lua_State *L, const char *what)
{
    if (!lua_istable(L, -1))
        return;
    int real = lua_gettop(L);
    lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_READONLY_SET);
    lua_pushvalue(L, real);
    int already = lua_rawget(L, -2) != LUA_TNIL;
    lua_pop(L, 2);
    if (already)
        return;
    lua_newtable(L);
    lua_createtable(L, 0, 5);
    lua_pushvalue(L, real);
    lua_setfield(L, -2, "__index");
    lua_pushstring(L, what);
    lua_pushcclosure(L, ro_newindex, 1);
    lua_setfield(L, -2, "__newindex");
    lua_pushcfunction(L, ro_pairs);
    lua_setfield(L, -2, "__pairs");
    lua_pushcfunction(L, ro_len);
    lua_setfield(L, -2, "__len");
    lua_pushliteral(L, "read-only");
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    mark_readonly(L);
    lua_remove(L, real);
}

/* rawset for runbooks: not on the shared read-only proxies. */
static int sandbox_rawset(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_READONLY_SET);
    lua_pushvalue(L, 1);
    if (lua_rawget(L, -2) != LUA_TNIL)
        return luaL_error(L, "rawset: this table is shared and read-only to runbooks");
    lua_settop(L, 3);
    lua_rawset(L, 1);
    lua_settop(L, 1);
    return 1;
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
        push_readonly(L, name);
        lua_pushvalue(L, -1);
        lua_setfield(L, loaded, name);
        return 1;
    }
    lua_settop(L, loaded);
    for (const struct engine_module *m = engine_modules; m->name; m++) {
        if (strcmp(m->name, name) != 0)
            continue;
        luaL_requiref(L, name, m->open, 0);
        push_readonly(L, name);
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
        luaL_where(L, 1); /* the runbook line of the require */
        lua_pushfstring(L, "module '%s' not found in %s", name,
                        dirs.data ? dirs.data : "(no lua directory)");
        lua_concat(L, 2);
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
    push_readonly(L, name);
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

    lua_newtable(L); /* the set of read-only proxies, weak keys */
    lua_createtable(L, 0, 1);
    lua_pushliteral(L, "k");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
    lua_setfield(L, LUA_REGISTRYINDEX, ENGINE_READONLY_SET);

    lua_newtable(L); /* the sandbox's globals, behind the environment below */
    int g = lua_gettop(L);
    for (int i = 0; SAFE_GLOBALS[i]; i++) {
        lua_getglobal(L, SAFE_GLOBALS[i]);
        push_readonly(L, SAFE_GLOBALS[i]);
        lua_setfield(L, g, SAFE_GLOBALS[i]);
    }
    lua_pushcfunction(L, sandbox_load);
    lua_setfield(L, g, "load");
    lua_pushcfunction(L, sandbox_require);
    lua_setfield(L, g, "require");
    lua_pushcfunction(L, sandbox_print);
    lua_setfield(L, g, "print");
    lua_pushcfunction(L, sandbox_rawset);
    lua_setfield(L, g, "rawset");
    lua_newtable(L); /* the environment every chunk gets: empty, read-only */
    lua_newtable(L);
    lua_pushvalue(L, g);
    lua_pushcclosure(L, sandbox_index, 1);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, sandbox_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushliteral(L, "sandbox");
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    mark_readonly(L);
    lua_setfield(L, LUA_REGISTRYINDEX, ENGINE_SANDBOX);
    lua_pop(L, 1); /* g: reachable through the environment's __index */

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

/* ---------------------------------------------------------- stop points
 *
 * A run stops cleanly, never in the middle of an effect: SIGINT and SIGTERM
 * only set a flag, read at the safe points (a step about to begin, the pause
 * between the polls of a wait, Lua code outside any step); a second signal
 * kills as usual.  Deadlines, one for the whole run and one per step, are
 * read at the same points and by an instruction-count hook, so that a
 * runbook looping for ever fails with its line instead of hanging. */

static volatile sig_atomic_t stop_signal;

static void on_stop_signal(int sig)
{
    stop_signal = sig;
}

int engine_stop_signal(void)
{
    return stop_signal;
}

struct saved_signals {
    struct sigaction intr, term;
};

static void catch_stop_signals(struct saved_signals *old)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART | SA_RESETHAND; /* a second signal: the default */
    stop_signal = 0;
    sigaction(SIGINT, &sa, &old->intr);
    sigaction(SIGTERM, &sa, &old->term);
}

static void restore_stop_signals(const struct saved_signals *old)
{
    sigaction(SIGINT, &old->intr, NULL);
    sigaction(SIGTERM, &old->term, NULL);
}

/* "file:line: " of the innermost Lua function running (or ""). */
static void push_lua_where(lua_State *L)
{
    lua_Debug ar;
    for (int level = 0; lua_getstack(L, level, &ar); level++) {
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            lua_pushfstring(L, "%s:%d: ", ar.short_src, ar.currentline);
            return;
        }
    }
    lua_pushliteral(L, "");
}

void engine_check_stop(struct engine *e, lua_State *L, int safe_in_step)
{
    int64_t now = dr_now_ms();
    if (e->run_deadline_ms && now > e->run_deadline_ms) {
        push_lua_where(L);
        lua_pushfstring(L,
                        "%s: the run passed its deadline (run_deadline = %d s in the runbook): "
                        "stopped; a loop that never ends?",
                        e->runbook_name.data ? e->runbook_name.data : "runbook",
                        (int)(e->run_deadline_s));
        lua_concat(L, 2);
        lua_error(L);
    }
    if (e->cur_step) {
        lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_DEADLINES);
        lua_rawgeti(L, -1, e->cur_step);
        int64_t d = lua_isinteger(L, -1) ? (int64_t)lua_tointeger(L, -1) : 0;
        lua_pop(L, 2);
        if (d && now > d) {
            push_lua_where(L);
            lua_pushfstring(L,
                            "step %d passed its deadline (the step's deadline, or step_deadline "
                            "= %d s in the runbook): stopped",
                            e->cur_step, (int)(e->step_timeout_ms / 1000));
            lua_concat(L, 2);
            lua_error(L);
        }
    }
    if (stop_signal && e->o.mode == ENGINE_REAL && (safe_in_step || !e->cur_step)) {
        e->interrupted = stop_signal;
        luaL_error(L,
                   "interrupted by %s: stopped at a safe point, between steps; drctl resume %s "
                   "continues",
                   stop_signal == SIGINT ? "SIGINT" : "SIGTERM", e->run_id);
    }
}

static void count_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    struct engine *e = engine_from_lua(L);
    if (e)
        engine_check_stop(e, L, 0);
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
    case DR_EFFECT_REMOVE_FILE:
        return "remove_file";
    case DR_EFFECT_HTTP:
        return "http";
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

void engine_state_write_failed(struct engine *e, lua_State *L, dr_err *err, int acted)
{
    /* where the run stands: the steps finished, from the plan */
    int top = lua_gettop(L);
    lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_PLAN);
    int done = 0;
    const char *last = NULL;
    for (lua_Integer i = 1; lua_istable(L, -1) && i <= (lua_Integer)lua_rawlen(L, -1); i++) {
        lua_rawgeti(L, -1, i);
        lua_getfield(L, -1, "status");
        const char *st = lua_tostring(L, -1);
        if (st && (!strcmp(st, "ok") || !strcmp(st, "skipped"))) {
            done++;
            lua_getfield(L, -2, "name");
            last = lua_tostring(L, -1); /* kept alive by the plan entry */
            lua_pop(L, 1);
        }
        lua_pop(L, 2);
    }
    dr_buf msg = DR_BUF_INIT;
    dr_buf_printf(&msg, "the state directory %s cannot be written (%s)", e->state_dir.data,
                  err->msg);
    if (acted)
        dr_buf_printf(&msg, ", after step %d acted: it is not journaled as finished", e->cur_step);
    else
        dr_buf_printf(&msg,
                      ", so step %d made no change (its journal record and checkpoint come "
                      "first)",
                      e->cur_step);
    dr_buf_printf(&msg,
                  ". The sites are as the %d finished step(s) of run %s left them%s%s%s%s, and "
                  "may be half-switched (see drctl runs %s). Free space there, then drctl "
                  "resume %s continues from step %d%s",
                  done, e->run_id, last ? " (the last: '" : "", last ? last : "", last ? "')" : "",
                  acted ? " and the act of the next" : "", e->run_id, e->run_id, e->cur_step,
                  acted ? ", which re-checks it" : "");
    dr_err_set(err, err->code, "%s", msg.data);
    dr_buf_free(&msg);
    lua_settop(L, top);
}

/* Pushes data as a Lua string, the one already kept when the same content
 * was pushed before (long strings only: short ones Lua interns itself): a
 * file with the same content on many hosts (remote_servers.xml on every
 * node of a cluster) is kept once, not once per host. */
static void push_shared(lua_State *L, const char *data, size_t len)
{
    luabind_push_shared(L, data, len, 1);
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
    int saves = ef->kind == DR_EFFECT_WRITE_FILE || ef->kind == DR_EFFECT_ZK_WRITE ||
                ef->kind == DR_EFFECT_REMOVE_FILE;
    if (saves) {
        int rc = journal_checkpoint(e->j, seq, ef->before, ef->before_len, &cp, err);
        if (rc) {
            dr_buf_free(&cp);
            engine_state_write_failed(e, L, err, 0);
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
    if (saves) {
        lua_pushboolean(L, ef->before != NULL);
        lua_setfield(L, -2, "existed");
        if (cp.len)
            set_str(L, "checkpoint", cp.data);
        if (ef->after) {
            lua_pushinteger(L, (lua_Integer)ef->after_len);
            lua_setfield(L, -2, "after_len");
            /* what the file holds once this effect took place: a resume
             * recognises the step's own write by it */
            char hex[SHA256_HEX_LEN + 1];
            sha256_hex(ef->after, ef->after_len, hex);
            set_str(L, "after_sha256", hex);
        }
    }
    lua_pushinteger(L, dr_wall_ms());
    lua_setfield(L, -2, "time");
    dr_buf_free(&cp);
    int rc = engine_journal_top(e, L, err);
    lua_settop(L, top);
    if (rc) {
        engine_state_write_failed(e, L, err, 0);
        return rc;
    }
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
    engine_crash_point(e, "effect", (int)seq, NULL);
}

void engine_crash_point(struct engine *e, const char *what, int n, const char *phase)
{
    const char *at = getenv("DRCTL_CRASH_AT");
    if (!at || !*at || e->o.mode != ENGINE_REAL || e->resuming || !e->j)
        return;
    char here[96];
    if (phase)
        snprintf(here, sizeof here, "%s:%d:%s", what, n, phase);
    else
        snprintf(here, sizeof here, "%s:%d", what, n);
    if (strcmp(at, here) != 0)
        return;
    if (e->o.progress) {
        dr_buf m = DR_BUF_INIT;
        dr_buf_printf(&m, "drctl: DRCTL_CRASH_AT=%s: killing myself (test hook)\n", here);
        e->o.progress(m.data, e->o.ud);
        dr_buf_free(&m);
    }
    fflush(NULL);
    raise(SIGKILL);
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
    lua_newtable(e->L);
    lua_setfield(e->L, LUA_REGISTRYINDEX, ENGINE_DEADLINES);
    lua_sethook(e->L, count_hook, LUA_MASKCOUNT, 1000);
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
    free(e);
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
    e->run_deadline_s = 60; /* defining a runbook takes no time */
    e->run_deadline_ms = dr_now_ms() + 60 * 1000;
    int lrc = lua_pcall(L, 0, 1, h);
    e->run_deadline_ms = 0;
    if (lrc != LUA_OK) {
        const char *m = lua_tostring(L, -1);
        const char *tb = m && !e->o.debug ? strstr(m, "\nstack traceback:") : NULL;
        dr_err_set(err, DR_EINVAL, "%.*s", tb ? (int)(tb - m) : (int)strlen(m ? m : "error"),
                   m ? m : "error");
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
        /* kind = "site": a site of the inventory, checked before anything
         * is journaled, so that a typo is bad usage, not a failed run */
        lua_getfield(L, -1, "kind");
        const char *kind = lua_tostring(L, -1);
        if (kind && !strcmp(kind, "site") && e->inv) {
            int found = 0;
            dr_buf names = DR_BUF_INIT;
            for (size_t k = 0; k < e->inv->n_sites; k++) {
                found |= !strcmp(e->inv->sites[k].name, val);
                dr_buf_printf(&names, "%s%s", k ? ", " : "", e->inv->sites[k].name);
            }
            if (!found) {
                dr_err_set(err, DR_EINVAL, "%s: --%s %s: no such site in %s (expected one of: %s)",
                           e->runbook_name.data, key.data, val, e->inv->file,
                           names.data ? names.data : "none");
                dr_buf_free(&names);
                dr_buf_free(&key);
                lua_settop(L, params - 1);
                return DR_EINVAL;
            }
            dr_buf_free(&names);
        }
        lua_pop(L, 2);
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
    dr_buf prompt = DR_BUF_INIT;
    dr_buf_printf(&prompt,
                  "This is a real %s: it changes hosts. Type '%s' to go on: ", e->runbook_name.data,
                  want);
    char line[256];
    if (!e->o.ask || e->o.ask(prompt.data, line, sizeof line, e->o.ud) < 0)
        rc = dr_err_set(err, DR_EREFUSED,
                        "%s: a real run must be confirmed: type the site name on a terminal, "
                        "or pass --yes",
                        e->runbook_name.data);
    else if (strcmp(line, want) != 0)
        rc = dr_err_set(err, DR_EREFUSED, "%s: not confirmed (expected '%s'); nothing changed",
                        e->runbook_name.data, want);
    dr_buf_free(&prompt);
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

/* Registry key of the metatable that marks a table as a JSON array even
 * when it is empty (an empty Lua table is otherwise written as {}). */
#define ENGINE_JSON_ARRAY "dr.json.array"

/* Pushes a new empty table that engine_json_value writes as []. */
static void push_json_array(lua_State *L)
{
    lua_newtable(L);
    if (lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_JSON_ARRAY) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_setfield(L, LUA_REGISTRYINDEX, ENGINE_JSON_ARRAY);
    }
    lua_setmetatable(L, -2);
}

/* The last few long strings converted, by address: the plan's diff
 * templates and shared contents are one Lua string each for hundreds of
 * effects, and become one JSON string each instead of a copy per effect.
 * Only while every string seen stays alive (the plan holds them). */
#define JSON_SHARED_MIN 256
#define JSON_SHARED_N 8
typedef struct json_shared {
    const char *s[JSON_SHARED_N];
    size_t len[JSON_SHARED_N];
    json_t *v[JSON_SHARED_N];
    int next;
} json_shared;

static json_t *lua_json(lua_State *L, int idx, int depth, json_shared *sh);

static json_t *lua_json_string(const char *s, size_t n, json_shared *sh)
{
    if (!sh || n < JSON_SHARED_MIN)
        return json_text(s, n);
    for (int i = 0; i < JSON_SHARED_N; i++)
        if (sh->v[i] && sh->s[i] == s && sh->len[i] == n)
            return json_incref(sh->v[i]);
    json_t *v = json_text(s, n);
    int i = sh->next;
    json_decref(sh->v[i]);
    sh->s[i] = s, sh->len[i] = n, sh->v[i] = json_incref(v);
    sh->next = (i + 1) % JSON_SHARED_N;
    return v;
}

static void json_shared_free(json_shared *sh)
{
    for (int i = 0; i < JSON_SHARED_N; i++)
        json_decref(sh->v[i]);
}

/* A Lua value as JSON: sequences as arrays, other tables as objects (keys
 * in the order lua_next gives them), other types as null. */
json_t *engine_lua_json(lua_State *L, int idx, int depth)
{
    return lua_json(L, idx, depth, NULL);
}

static json_t *lua_json(lua_State *L, int idx, int depth, json_shared *sh)
{
    idx = lua_absindex(L, idx);
    switch (lua_type(L, idx)) {
    case LUA_TBOOLEAN:
        return json_boolean(lua_toboolean(L, idx));
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx))
            return json_integer((json_int_t)lua_tointeger(L, idx));
        return json_num(lua_tonumber(L, idx));
    case LUA_TSTRING: {
        size_t n;
        const char *s = lua_tolstring(L, idx, &n);
        return lua_json_string(s, n, sh);
    }
    case LUA_TTABLE: {
        if (depth > 32)
            return json_null();
        size_t n = lua_rawlen(L, idx);
        int array = n > 0;
        if (!array && lua_getmetatable(L, idx)) { /* an empty list marked as one */
            lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_JSON_ARRAY);
            array = lua_rawequal(L, -1, -2);
            lua_pop(L, 2);
        }
        if (array) {
            json_t *a = json_array();
            for (size_t i = 1; i <= n; i++) {
                lua_rawgeti(L, idx, (lua_Integer)i);
                json_array_append_new(a, lua_json(L, -1, depth + 1, sh));
                lua_pop(L, 1);
            }
            return a;
        }
        json_t *o = json_object();
        lua_pushnil(L);
        while (lua_next(L, idx)) {
            if (lua_type(L, -2) == LUA_TSTRING)
                json_set(o, lua_tostring(L, -2), lua_json(L, -1, depth + 1, sh));
            lua_pop(L, 1);
        }
        return o;
    }
    default:
        return json_null();
    }
}

void engine_json_value(lua_State *L, int idx, dr_buf *b, int depth)
{
    json_t *v = engine_lua_json(L, idx, depth);
    json_dump_buf(v, JSON_COMPACT, b);
    json_decref(v);
}

static const char *opt_field(lua_State *L, int idx, const char *k)
{
    lua_getfield(L, idx, k);
    const char *s = lua_tostring(L, -1);
    lua_pop(L, 1); /* the string stays alive: it is referenced by the table */
    return s;
}

/* The diff of before -> after (the strings at bi and ai, before possibly
 * nil) as a template made with ENGINE_DIFF_PATH as the path (see
 * engine_diff_header), from cache (a table at ci: before -> after -> the
 * template) when the same change was diffed already: the same new
 * remote_servers.xml on hundreds of nodes is diffed once and kept once.
 * Pushes the template. */
static void cached_diff(lua_State *L, int ci, int bi, int ai)
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
        engine_diff(ENGINE_DIFF_PATH, before, blen, after, alen, &t);
        lua_pushvalue(L, ai);
        lua_pushlstring(L, t.data ? t.data : "", t.len);
        lua_rawset(L, per_before);
        dr_buf_free(&t);
        lua_pushvalue(L, ai);
        lua_rawget(L, per_before);
    }
    lua_replace(L, bk);
    lua_settop(L, bk);
}

/* Adds to every write effect of the plan that has content a "diff" field,
 * the template of its change shared by every effect making the same one
 * (one text per distinct change, not one per host: the renderers put the
 * path in with engine_diff_header), and "diff_sha256", the hash of the diff
 * as it reads for the effect's path. */
static void plan_add_diffs(engine *e)
{
    lua_State *L = e->L;
    lua_newtable(L); /* the diff cache */
    int cache = lua_gettop(L);
    lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_PLAN);
    int plan = lua_gettop(L);
    size_t ns = lua_rawlen(L, plan);
    dr_buf head = DR_BUF_INIT;
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
                cached_diff(L, cache, ai + 1, ai);
                size_t tl;
                const char *t = lua_tolstring(L, -1, &tl);
                /* a short handle, so that tests and tools can compare the
                 * diffs of a plan with those of the real run */
                dr_buf_reset(&head);
                size_t at = engine_diff_header(t, tl, path ? path : "?", &head);
                sha256_ctx c;
                uint8_t dg[SHA256_DIGEST_LEN];
                char hex[SHA256_HEX_LEN + 1];
                sha256_init(&c);
                sha256_update(&c, head.data ? head.data : "", head.len);
                sha256_update(&c, t + at, tl - at);
                sha256_final(&c, dg);
                sha256_to_hex(dg, hex);
                lua_setfield(L, ef, "diff");
                lua_pushstring(L, hex);
                lua_setfield(L, ef, "diff_sha256");
            }
            lua_settop(L, ef - 1);
        }
        lua_settop(L, plan);
    }
    dr_buf_free(&head);
    lua_pop(L, 2); /* the plan and the cache */
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

/* The error as the operator reads it: lines without the Lua stack
 * traceback (kept with debug), and a refusal as "refused: why" and
 * "to unblock: how" on lines of their own. */
static void brief_error(const char *error, int debug, dr_buf *out)
{
    dr_buf_reset(out);
    size_t n = strlen(error);
    const char *tb = strstr(error, "\nstack traceback:");
    if (tb && !debug)
        n = (size_t)(tb - error);
    dr_buf text = DR_BUF_INIT;
    dr_buf_append(&text, error, n);
    const char *unblock = strstr(text.data, "; to unblock: ");
    const char *refused = strstr(text.data, "refused: ");
    if (unblock && refused && refused < unblock) {
        /* why and how first; where (step, runbook line) after */
        dr_buf_printf(out, "%.*s\n", (int)(unblock - refused), refused);
        dr_buf_printf(out, "to unblock: %s", unblock + strlen("; to unblock: "));
        size_t wn = (size_t)(refused - text.data);
        while (wn > 0 && (text.data[wn - 1] == ' ' || text.data[wn - 1] == ':'))
            wn--;
        if (wn)
            dr_buf_printf(out, "\n(where: %.*s)", (int)wn, text.data);
    } else {
        dr_buf_puts(out, text.data);
    }
    dr_buf_free(&text);
}

void engine_result_free(engine_result *r)
{
    if (!r)
        return;
    free(r->error);
    free(r->raw_error);
    free(r->runbook);
    json_decref(r->steps);
    json_decref(r->metrics);
    memset(r, 0, sizeof *r);
}

/* Starts a result: zeroed, the mode and runbook of this engine. */
static void result_init(engine *e, engine_result *res)
{
    memset(res, 0, sizeof *res);
    res->mode = e->o.mode;
}

/* Ends a call that stopped before the runbook's main: status and error. */
static engine_status result_fail(engine_result *res, engine_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static engine_status result_fail(engine_result *res, engine_status status, const char *fmt, ...)
{
    dr_buf b = DR_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    dr_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    free(res->error);
    res->error = dr_buf_steal(&b, NULL);
    res->status = status;
    return status;
}

/* The plan as the result's steps: each step copied as JSON, its effects'
 * before and after dropped (they may be large; the diff says what
 * changes), its empty lists kept as lists. */
static json_t *plan_steps_json(lua_State *L)
{
    lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_PLAN);
    int plan = lua_gettop(L);
    size_t ns = lua_istable(L, plan) ? lua_rawlen(L, plan) : 0;
    json_t *steps = json_array();
    json_shared sh = {0};
    for (size_t i = 1; i <= ns; i++) {
        lua_rawgeti(L, plan, (lua_Integer)i);
        lua_getfield(L, -1, "effects");
        size_t ne = lua_istable(L, -1) ? lua_rawlen(L, -1) : 0;
        for (size_t k = 1; k <= ne; k++) {
            lua_rawgeti(L, -1, (lua_Integer)k);
            lua_pushnil(L);
            lua_setfield(L, -2, "before");
            lua_pushnil(L);
            lua_setfield(L, -2, "after");
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
        json_t *st = lua_json(L, -1, 0, &sh);
        const char *lists[] = {"effects", "notes"};
        for (int k = 0; k < 2; k++) {
            json_t *v = json_object_get(st, lists[k]);
            if (json_is_object(v) && json_object_size(v) == 0)
                json_object_set_new(st, lists[k], json_array());
        }
        json_array_append_new(steps, st);
        lua_pop(L, 1);
    }
    json_shared_free(&sh);
    lua_pop(L, 1);
    return steps;
}

/* Runs main(params) of the runbook table at rb, journals the outcome and
 * fills res with it. */
static engine_status execute(engine *e, int rb, int params, engine_result *res)
{
    lua_State *L = e->L;
    e->t0_ms = dr_now_ms();
    /* deadlines: runbook settings, else 6 h for the run, 30 min a step */
    lua_getfield(L, rb, "run_deadline");
    e->run_deadline_s = lua_isnumber(L, -1) ? (int)lua_tonumber(L, -1) : 6 * 3600;
    lua_getfield(L, rb, "step_deadline");
    e->step_timeout_ms =
        (int64_t)(lua_isnumber(L, -1) ? lua_tonumber(L, -1) * 1000 : 1800 * 1000.0);
    lua_pop(L, 2);
    e->run_deadline_ms = e->run_deadline_s > 0 ? e->t0_ms + (int64_t)e->run_deadline_s * 1000 : 0;
    struct saved_signals sigs;
    if (e->o.mode == ENGINE_REAL)
        catch_stop_signals(&sigs);
    lua_pushcfunction(L, msgh);
    int h = lua_gettop(L);
    lua_getfield(L, rb, "main");
    lua_pushvalue(L, params);
    lua_pushvalue(L, params);
    lua_setfield(L, LUA_REGISTRYINDEX, "dr.params");
    int rc = lua_pcall(L, 1, 0, h);
    e->run_deadline_ms = 0;
    if (e->o.mode == ENGINE_REAL)
        restore_stop_signals(&sigs);
    const char *error = NULL;
    dr_buf msg = DR_BUF_INIT, brief = DR_BUF_INIT;
    if (rc != LUA_OK) {
        const char *m = lua_tostring(L, -1);
        dr_buf_puts(&msg, m ? m : "error");
        dr_redact(&msg);
        error = msg.data;
        brief_error(error, e->o.debug, &brief);
    }
    const char *status = rc == LUA_OK     ? "ok"
                         : e->refused     ? "refused"
                         : e->interrupted ? "interrupted"
                                          : "failed";
    if (e->o.mode == ENGINE_REHEARSAL) {
        plan_add_diffs(e);
    } else if (e->o.mode == ENGINE_REAL) {
        journal_run_record(e, "end", 0, status, error);
        if (e->refused)
            engine_notify(e, "refused", status, NULL, error);
        engine_notify(e, "end", status, NULL, error);
        if (rc == LUA_OK) {
            lua_getfield(L, rb, "switches_site");
            int sw = lua_toboolean(L, -1);
            lua_pop(L, 1);
            dr_err err = {0};
            if (sw && journal_record_switch(e->state_dir.data, e->run_id, &err))
                engine_say(e, "drctl: warning: %s\n", err.msg);
        }
        if (e->o.json)
            plan_add_diffs(e);
    }
    res->outcome = status;
    res->status = rc == LUA_OK ? ENGINE_OK : e->refused ? ENGINE_REFUSED : ENGINE_FAILED;
    res->error = error ? dr_buf_steal(&brief, NULL) : NULL;
    res->raw_error = error ? dr_buf_steal(&msg, NULL) : NULL;
    snprintf(res->run_id, sizeof res->run_id, "%s", e->run_id);
    if (!res->runbook)
        res->runbook = dr_strdup(e->runbook_name.data ? e->runbook_name.data : "");
    res->effects = e->effect_seq;
    res->steps = plan_steps_json(L);
    lua_getfield(L, LUA_REGISTRYINDEX, ENGINE_METRICS);
    res->metrics = lua_istable(L, -1) ? engine_lua_json(L, -1, 0) : json_object();
    lua_pop(L, 1);
    res->duration_ms = dr_now_ms() - e->t0_ms;
    dr_buf_free(&msg);
    dr_buf_free(&brief);
    lua_settop(L, h - 1);
    return res->status;
}

engine_status engine_run(engine *e, const char *runbook, int argc, char **argv, engine_result *res)
{
    lua_State *L = e->L;
    dr_err err = {0};
    int top = lua_gettop(L);
    result_init(e, res);
    if (load_runbook(e, runbook, &err) != DR_OK)
        return result_fail(res, ENGINE_INVALID, "%s", err.msg);
    res->runbook = dr_strdup(e->runbook_name.data);
    int rb = lua_gettop(L);
    if (parse_params(e, rb, argc, argv, &err) != DR_OK) {
        lua_settop(L, top);
        return result_fail(res, ENGINE_INVALID, "%s", err.msg);
    }
    int params = lua_gettop(L);
    engine_status st;
    if (e->o.mode != ENGINE_REAL) {
        st = execute(e, rb, params, res);
        lua_settop(L, top);
        return st;
    }
    if (confirm(e, rb, params, &err) || check_cooldown(e, rb, &err)) {
        engine_notify(e, "refused", "refused", NULL, err.msg);
        lua_settop(L, top);
        return result_fail(res, ENGINE_REFUSED, "%s", err.msg);
    }
    journal_new_run_id(e->run_id, sizeof e->run_id);
    if (journal_lock(e->state_dir.data, e->run_id, e->runbook_name.data, &e->lock_fd, &err) ||
        journal_create(e->state_dir.data, e->run_id, &e->j, &err)) {
        lua_settop(L, top);
        return result_fail(res, err.code == DR_EREFUSED ? ENGINE_REFUSED : ENGINE_FAILED, "%s",
                           err.msg);
    }
    engine_say(e, "drctl: run %s: %s (journal %s)\n", e->run_id, e->runbook_name.data,
               journal_dir(e->j));
    journal_run_record(e, "run", params, NULL, NULL);
    engine_notify(e, "start", NULL, NULL, NULL);
    st = execute(e, rb, params, res);
    lua_settop(L, top);
    return st;
}

/* Reads a run's journal records into a Lua list (pushed).  A corrupt
 * journal (journal_scan) or a record that does not parse pushes the list of
 * the records before it and returns DR_EPARSE, the byte offset in err;
 * other errors push nothing.  A torn last record (a crash) is left out. */
int engine_load_journal(engine *e, const char *run_id, dr_err *err)
{
    lua_State *L = e->L;
    journal_scan s;
    int rc = journal_scan_run(e->state_dir.data, run_id, &s, err);
    if (rc) {
        journal_scan_free(&s);
        return rc;
    }
    lua_newtable(L);
    int list = lua_gettop(L);
    for (size_t i = 0; i < s.n; i++) {
        char name[64];
        snprintf(name, sizeof name, "=journal:%zu", i + 1);
        dr_err perr = {0};
        if (luaser_load(L, s.text.data + s.off[i], s.len[i], name, &perr) != DR_OK) {
            s.corrupt = 1;
            s.corrupt_at = s.at[i];
            /* the parser's message, cut to fit: the offset says where */
            int room = (int)sizeof s.corrupt_why - 40;
            snprintf(s.corrupt_why, sizeof s.corrupt_why, "a record that does not parse (%.*s)",
                     room, perr.msg);
            break;
        }
        lua_rawseti(L, list, (lua_Integer)lua_rawlen(L, list) + 1);
    }
    if (s.corrupt) {
        dr_err_set(err, DR_EPARSE,
                   "run %s: its journal %s/runs/%s/journal.lua is corrupt at byte %zu: %s "
                   "(%zu records before it are intact)",
                   run_id, e->state_dir.data, run_id, s.corrupt_at, s.corrupt_why,
                   (size_t)lua_rawlen(L, list));
        rc = DR_EPARSE;
    }
    journal_scan_free(&s);
    return rc;
}

/* Resuming: notes, in the step's state (resume[step].own), the content
 * hash a journaled write of the step leaves behind, so that a precondition
 * moved by the step's own write is told apart from one moved by someone
 * else (dr_lua.c, after_resume_verify). */
static void resume_note_own_write(lua_State *L, int resume, int rec)
{
    int top = lua_gettop(L);
    lua_getfield(L, rec, "step");
    lua_Integer sn = lua_tointeger(L, -1);
    if (lua_getfield(L, rec, "after_sha256") != LUA_TSTRING || sn <= 0) {
        lua_settop(L, top);
        return;
    }
    int sha = lua_gettop(L);
    if (lua_rawgeti(L, resume, sn) == LUA_TNIL) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_rawseti(L, resume, sn);
    }
    if (lua_getfield(L, -1, "own") != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_setfield(L, -3, "own");
    }
    lua_pushvalue(L, sha);
    lua_pushboolean(L, 1);
    lua_rawset(L, -3);
    lua_settop(L, top);
}

engine_status engine_resume(engine *e, const char *run_id, engine_result *res)
{
    lua_State *L = e->L;
    dr_err err = {0};
    int top = lua_gettop(L);
    result_init(e, res);
    int lrc = engine_load_journal(e, run_id, &err);
    if (lrc == DR_EPARSE) {
        /* what follows the damage is unknown: resuming could redo steps
         * that finished, on live hosts */
        lua_settop(L, top);
        return result_fail(res, ENGINE_REFUSED,
                           "refused: %s\nto unblock: read the journal (drctl runs %s), "
                           "finish the run by hand, or roll it back from an intact copy",
                           err.msg, run_id);
    }
    if (lrc)
        return result_fail(res, ENGINE_INVALID, "%s", err.msg);
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
            resume_note_own_write(L, resume, r);
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
        lua_settop(L, top);
        return result_fail(res, ENGINE_INVALID, "run %s: its journal has no run record", run_id);
    }
    if (ended && end_status && !strcmp(end_status, "ok")) {
        lua_settop(L, top);
        return result_fail(res, ENGINE_INVALID, "run %s already finished (ok); nothing to resume",
                           run_id);
    }
    const char *path = opt_field(L, run_rec, "path");
    const char *rbdir = opt_field(L, run_rec, "runbooks");
    if (rbdir && !e->o.runbook_dir)
        e->o.runbook_dir = rbdir; /* lives as long as the journal list on the stack */
    lua_pushvalue(L, resume);
    lua_setfield(L, LUA_REGISTRYINDEX, ENGINE_RESUME);
    e->resuming = 1;
    if (!path || load_runbook(e, path, &err) != DR_OK) {
        lua_settop(L, top);
        return result_fail(res, ENGINE_FAILED, "resume %s: %s", run_id,
                           path ? err.msg : "no runbook path");
    }
    int rb = lua_gettop(L);
    lua_getfield(L, run_rec, "params");
    if (!lua_istable(L, -1)) {
        lua_pop(L, 1);
        lua_newtable(L);
    }
    int params = lua_gettop(L);
    snprintf(e->run_id, sizeof e->run_id, "%s", run_id);
    size_t torn = 0;
    if (journal_lock(e->state_dir.data, e->run_id, "resume", &e->lock_fd, &err) ||
        journal_reopen(e->state_dir.data, e->run_id, &e->j, &torn, &err)) {
        lua_settop(L, top);
        return result_fail(res, err.code == DR_EREFUSED ? ENGINE_REFUSED : ENGINE_FAILED, "%s",
                           err.msg);
    }
    if (torn)
        engine_say(e,
                   "drctl: run %s: cut off a record of %zu bytes that the interruption left "
                   "unfinished at the end of its journal\n",
                   e->run_id, torn);
    engine_say(e, "drctl: resuming run %s: %s\n", e->run_id, e->runbook_name.data);
    lua_newtable(L);
    set_str(L, "t", "resume");
    lua_pushinteger(L, dr_wall_ms());
    lua_setfield(L, -2, "time");
    engine_journal_top(e, L, &err);
    engine_status st = execute(e, rb, params, res);
    lua_settop(L, top);
    return st;
}

static void set_time(lua_State *L, int t, const char *k, int64_t ms)
{
    char when[JSON_TIME_LEN];
    json_time_iso(when, sizeof when, ms);
    lua_pushstring(L, when);
    lua_setfield(L, t, k);
}

/* Copies field k of table from into table to (when it is there). */
static void copy_field(lua_State *L, int from, int to, const char *k)
{
    lua_getfield(L, from, k);
    lua_setfield(L, to, k);
}

/* Pushes the structured view of a run (schema drctl.run-journal/1) built
 * from its journal records (the list at index list): the run, its steps
 * in order with their effects, status and duration, its end. */
static void push_run_view(lua_State *L, int list, const char *run_id)
{
    lua_newtable(L);
    int v = lua_gettop(L);
    set_str(L, "schema", "drctl.run-journal/1");
    set_str(L, "run", run_id);
    set_str(L, "status", "stopped"); /* until an end record says otherwise */
    push_json_array(L);
    int steps = lua_gettop(L);
    lua_newtable(L);
    int by_n = lua_gettop(L);
    int64_t t0 = 0, resumes = 0;
    size_t n = lua_rawlen(L, list);
    for (size_t i = 1; i <= n; i++) {
        lua_rawgeti(L, list, (lua_Integer)i);
        int r = lua_gettop(L);
        const char *t = opt_field(L, r, "t");
        lua_getfield(L, r, "time");
        int64_t tm = lua_tointeger(L, -1);
        lua_getfield(L, r, t && !strcmp(t, "effect") ? "step" : "n");
        lua_Integer sn = lua_tointeger(L, -1);
        lua_pop(L, 2);
        int st = 0;
        if (t && sn > 0 &&
            (!strcmp(t, "step") || !strcmp(t, "check") || !strcmp(t, "effect") ||
             !strcmp(t, "step_end"))) {
            if (lua_rawgeti(L, by_n, sn) != LUA_TTABLE) {
                lua_pop(L, 1);
                lua_newtable(L);
                lua_pushinteger(L, sn);
                lua_setfield(L, -2, "n");
                push_json_array(L);
                lua_setfield(L, -2, "effects");
                lua_pushvalue(L, -1);
                lua_rawseti(L, by_n, sn);
                lua_pushvalue(L, -1);
                lua_rawseti(L, steps, (lua_Integer)lua_rawlen(L, steps) + 1);
            }
            st = lua_gettop(L);
        }
        if (!t) {
        } else if (!strcmp(t, "run")) {
            t0 = tm;
            copy_field(L, r, v, "runbook");
            copy_field(L, r, v, "user");
            copy_field(L, r, v, "inventory");
            copy_field(L, r, v, "params");
            copy_field(L, r, v, "force_reason");
            set_time(L, v, "started", tm);
        } else if (!strcmp(t, "step") && st) {
            copy_field(L, r, st, "name");
            copy_field(L, r, st, "host");
            set_time(L, st, "started", tm);
            lua_pushinteger(L, tm);
            lua_setfield(L, st, "t0"); /* dropped below */
        } else if (!strcmp(t, "effect") && st) {
            lua_getfield(L, st, "effects");
            lua_newtable(L);
            int ef = lua_gettop(L);
            copy_field(L, r, ef, "kind");
            copy_field(L, r, ef, "host");
            copy_field(L, r, ef, "summary");
            copy_field(L, r, ef, "path");
            copy_field(L, r, ef, "checkpoint");
            lua_rawseti(L, ef - 1, (lua_Integer)lua_rawlen(L, ef - 1) + 1);
            lua_pop(L, 1);
        } else if (!strcmp(t, "step_end") && st) {
            copy_field(L, r, st, "status");
            copy_field(L, r, st, "why");
            lua_getfield(L, st, "t0");
            if (lua_isinteger(L, -1)) {
                lua_pushnumber(L, (lua_Number)(tm - lua_tointeger(L, -1)) / 1000.0);
                lua_setfield(L, st, "duration_seconds");
            }
            lua_pop(L, 1);
        } else if (!strcmp(t, "resume")) {
            resumes++;
        } else if (!strcmp(t, "end")) {
            copy_field(L, r, v, "status");
            copy_field(L, r, v, "error");
            copy_field(L, r, v, "metrics");
            set_time(L, v, "ended", tm);
            if (t0) {
                lua_pushnumber(L, (lua_Number)(tm - t0) / 1000.0);
                lua_setfield(L, v, "duration_seconds");
            }
        }
        lua_settop(L, by_n);
    }
    size_t ns = lua_rawlen(L, steps);
    for (size_t i = 1; i <= ns; i++) {
        lua_rawgeti(L, steps, (lua_Integer)i);
        lua_pushnil(L);
        lua_setfield(L, -2, "t0");
        lua_getfield(L, -1, "status");
        if (lua_isnil(L, -1)) {
            lua_pushstring(L, "unfinished");
            lua_setfield(L, -3, "status");
        }
        lua_pop(L, 2);
    }
    lua_pushinteger(L, resumes);
    lua_setfield(L, v, "resumes");
    lua_pop(L, 1); /* by_n */
    lua_setfield(L, v, "steps");
}

/* One entry of engine_list_runs from the journal records of run id (the
 * list on top of L; lrc: how it loaded, lerr: why not in full). */
static json_t *run_entry(lua_State *L, const char *id, int lrc, const dr_err *lerr)
{
    int list = lua_gettop(L);
    size_t n = lua_rawlen(L, list);
    const char *rbname = "?", *status = "stopped";
    int64_t t0 = 0, t1 = 0;
    json_t *params = NULL;
    for (size_t k = 1; k <= n; k++) {
        lua_rawgeti(L, list, (lua_Integer)k);
        const char *t = opt_field(L, -1, "t");
        lua_getfield(L, -1, "time");
        int64_t tm = lua_tointeger(L, -1);
        lua_pop(L, 1);
        if (t && !strcmp(t, "run")) {
            rbname = opt_field(L, -1, "runbook");
            if (!rbname)
                rbname = "?";
            t0 = tm;
            lua_getfield(L, -1, "params");
            if (lua_istable(L, -1)) {
                json_decref(params);
                params = engine_lua_json(L, -1, 0);
            }
            lua_pop(L, 1);
        } else if (t && !strcmp(t, "end")) {
            status = opt_field(L, -1, "status");
            if (!status)
                status = "?";
            t1 = tm;
        }
        lua_pop(L, 1);
    }
    json_t *o = json_object();
    json_set(o, "run", json_cstr(id));
    json_set(o, "runbook", json_cstr(rbname));
    json_set(o, "status", json_cstr(lrc == DR_EPARSE ? "corrupt" : status));
    if (lrc == DR_EPARSE)
        json_set(o, "error", json_cstr(lerr->msg));
    json_set(o, "started_ms", json_integer(t0));
    json_set(o, "ended_ms", json_integer(t1));
    json_set(o, "params", json_is_object(params) ? params : json_object());
    if (params && !json_is_object(params))
        json_decref(params);
    return o;
}

int engine_list_runs(engine *e, json_t **runs, dr_err *err)
{
    lua_State *L = e->L;
    int top = lua_gettop(L);
    dr_buf ids = DR_BUF_INIT;
    size_t count = 0;
    *runs = NULL;
    if (journal_list_runs(e->state_dir.data, &ids, &count, err))
        return err->code;
    json_t *list = json_array();
    size_t off = 0;
    for (size_t i = 0; i < count; i++, off += strlen(ids.data + off) + 1) {
        const char *id = ids.data + off;
        dr_err lerr = {0};
        int lrc = engine_load_journal(e, id, &lerr);
        if (lrc && lrc != DR_EPARSE) {
            /* listed all the same: a run that cannot be read is still a run */
            json_t *o = json_object();
            json_set(o, "run", json_cstr(id));
            json_set(o, "status", json_cstr("unreadable"));
            json_set(o, "error", json_cstr(lerr.msg));
            json_array_append_new(list, o);
        } else {
            json_array_append_new(list, run_entry(L, id, lrc, &lerr));
        }
        lua_settop(L, top);
    }
    dr_buf_free(&ids);
    *runs = list;
    return DR_OK;
}

int engine_run_journal(engine *e, const char *run_id, json_t **records, json_t **view, dr_err *err)
{
    lua_State *L = e->L;
    int top = lua_gettop(L);
    *records = NULL;
    *view = NULL;
    int lrc = engine_load_journal(e, run_id, err);
    if (lrc && lrc != DR_EPARSE)
        return lrc;
    int list = lua_gettop(L);
    *records = engine_lua_json(L, list, 0);
    if (!json_is_array(*records)) { /* no record at all: an empty list */
        json_decref(*records);
        *records = json_array();
    }
    if (lrc == DR_OK) {
        push_run_view(L, list, run_id);
        *view = engine_lua_json(L, -1, 0);
    }
    lua_settop(L, top);
    return lrc;
}

/* ---------------------------------------------------------------- help */

/* One "--name VALUE  help (required | default X)" line per entry of the
 * runbook's params table at index spec, sorted by name. */
static void help_params(lua_State *L, int spec, dr_buf *out)
{
    size_t n = 0, cap = 0;
    char **names = NULL;
    lua_pushnil(L);
    while (lua_next(L, spec)) {
        if (lua_type(L, -2) == LUA_TSTRING) {
            if (n == cap)
                names = dr_realloc(names, (cap = cap ? cap * 2 : 8) * sizeof *names);
            names[n++] = dr_strdup(lua_tostring(L, -2));
        }
        lua_pop(L, 1);
    }
    for (size_t i = 1; i < n; i++) /* a handful of names: insertion sort */
        for (size_t k = i; k > 0 && strcmp(names[k - 1], names[k]) > 0; k--) {
            char *t = names[k];
            names[k] = names[k - 1];
            names[k - 1] = t;
        }
    if (!n)
        dr_buf_puts(out, "  (no parameters)\n");
    for (size_t i = 0; i < n; i++) {
        lua_getfield(L, spec, names[i]);
        int p = lua_gettop(L);
        dr_buf flag = DR_BUF_INIT;
        dr_buf_printf(&flag, "--%s VALUE", names[i]);
        for (char *c = flag.data + 2; *c && *c != ' '; c++)
            if (*c == '_')
                *c = '-';
        const char *help = lua_istable(L, p) ? opt_field(L, p, "help") : NULL;
        dr_buf_printf(out, "  %-24s %s", flag.data, help ? help : "");
        if (lua_istable(L, p)) {
            lua_getfield(L, p, "required");
            lua_getfield(L, p, "default");
            if (lua_toboolean(L, -2))
                dr_buf_puts(out, " (required)");
            else if (!lua_isnil(L, -1))
                dr_buf_printf(out, " (default %s)", luaL_tolstring(L, -1, NULL));
        }
        dr_buf_putc(out, '\n');
        dr_buf_free(&flag);
        free(names[i]);
        lua_settop(L, p - 1);
    }
    free(names);
}

/* Help reads a runbook without an inventory, but runbooks and the library
 * require dr.inventory when loaded: give them a stand-in whose every field
 * is another empty stand-in, since only their definition table is read. */
static void help_inventory_stub(lua_State *L)
{
    static const char stub[] = "local mt = {}\n"
                               "mt.__index = function(t, k) local v = setmetatable({}, mt)\n"
                               "  rawset(t, k, v) return v end\n"
                               "return setmetatable({}, mt)\n";
    lua_getfield(L, LUA_REGISTRYINDEX, "dr.loaded");
    if (luaL_loadstring(L, stub) == LUA_OK && lua_pcall(L, 0, 1, 0) == LUA_OK)
        lua_setfield(L, -2, "dr.inventory");
    lua_settop(L, lua_gettop(L) - 1);
}

int engine_runbook_help(engine *e, const char *runbook, dr_buf *out, dr_err *err)
{
    lua_State *L = e->L;
    int top = lua_gettop(L);
    if (!e->inv)
        help_inventory_stub(L);
    top = lua_gettop(L);
    if (runbook) {
        int rc = load_runbook(e, runbook, err);
        if (rc)
            return rc;
        int rb = lua_gettop(L);
        const char *desc = opt_field(L, rb, "description");
        dr_buf_printf(out, "runbook %s: %s\n  %s\n\nparameters:\n", e->runbook_name.data,
                      desc ? desc : "(no description)", e->runbook_path.data);
        lua_getfield(L, rb, "params");
        if (lua_istable(L, -1))
            help_params(L, lua_gettop(L), out);
        else
            dr_buf_puts(out, "  (no parameters)\n");
        lua_pop(L, 1);
        lua_getfield(L, rb, "confirm");
        if (lua_type(L, -1) == LUA_TSTRING)
            dr_buf_printf(out, "\na real run asks you to type the value of --%s (or give --yes)\n",
                          lua_tostring(L, -1));
        lua_pop(L, 1);
        lua_getfield(L, rb, "cooldown");
        if (lua_toboolean(L, -1))
            dr_buf_puts(out,
                        "it switches sites: the cooldown applies (--force --reason to override)\n");
        lua_settop(L, top);
        return DR_OK;
    }
    /* every runbook found, with its description */
    dr_buf dirs = DR_BUF_INIT;
    engine_search_path(e, "runbooks", &dirs);
    dr_buf_puts(out, "runbooks:\n");
    for (size_t off = 0; dirs.data && off < dirs.len; off += strlen(dirs.data + off) + 1) {
        const char *d = dirs.data + off;
        DIR *dir = opendir(d);
        struct dirent *de;
        while (dir && (de = readdir(dir))) {
            size_t len = strlen(de->d_name);
            if (len < 5 || strcmp(de->d_name + len - 4, ".lua") || de->d_name[0] == '.')
                continue;
            dr_buf path = DR_BUF_INIT;
            dr_buf_printf(&path, "%s/%s", d, de->d_name);
            dr_err ignored = {0};
            if (load_runbook(e, path.data, &ignored) == DR_OK) {
                const char *desc = opt_field(L, -1, "description");
                dr_buf_printf(out, "  %-14s %s\n", e->runbook_name.data, desc ? desc : "");
            }
            lua_settop(L, top);
            dr_buf_free(&path);
        }
        if (dir)
            closedir(dir);
    }
    dr_buf_free(&dirs);
    return DR_OK;
}

void engine_preload(engine *e, const char *name, int (*open)(lua_State *L))
{
    lua_getfield(e->L, LUA_REGISTRYINDEX, "dr.preload");
    lua_pushcfunction(e->L, open);
    lua_setfield(e->L, -2, name);
    lua_pop(e->L, 1);
}

/* The rollback runs of run_id: sets *done to the id of one that finished
 * (ok), *open_run to one that did not.  Rollback runs name their target in
 * their run record's params. */
static void find_rollbacks(engine *e, const char *run_id, dr_buf *done, dr_buf *open_run)
{
    lua_State *L = e->L;
    int top = lua_gettop(L);
    dr_buf ids = DR_BUF_INIT;
    size_t count = 0;
    dr_err err = {0};
    if (journal_list_runs(e->state_dir.data, &ids, &count, &err) != DR_OK)
        count = 0;
    size_t off = 0;
    for (size_t i = 0; i < count; i++, off += strlen(ids.data + off) + 1) {
        const char *id = ids.data + off;
        if (!strcmp(id, run_id))
            continue;
        int rc = engine_load_journal(e, id, &err);
        if (rc != DR_OK && rc != DR_EPARSE)
            continue;
        int list = lua_gettop(L);
        int is_rb = 0, ok = 0;
        size_t n = lua_rawlen(L, list);
        for (size_t k = 1; k <= n; k++) {
            lua_rawgeti(L, list, (lua_Integer)k);
            int r = lua_gettop(L);
            const char *t = opt_field(L, r, "t");
            if (t && !strcmp(t, "run")) {
                const char *rb = opt_field(L, r, "runbook");
                lua_getfield(L, r, "params");
                const char *target = lua_istable(L, -1) ? opt_field(L, -1, "run") : NULL;
                is_rb = rb && !strcmp(rb, "rollback") && target && !strcmp(target, run_id);
            } else if (t && !strcmp(t, "end")) {
                const char *st = opt_field(L, r, "status");
                ok = st && !strcmp(st, "ok");
            }
            lua_settop(L, list);
        }
        if (is_rb) {
            dr_buf *into = ok ? done : open_run;
            dr_buf_reset(into);
            dr_buf_puts(into, id);
        }
        lua_settop(L, top);
    }
    dr_buf_free(&ids);
}

engine_status engine_rollback(engine *e, const char *run_id, engine_result *res)
{
    lua_State *L = e->L;
    int top = lua_gettop(L);
    dr_err err = {0};
    result_init(e, res);
    /* what is rolled back must exist and read in full before a rollback
     * run is journaled */
    int lrc = engine_load_journal(e, run_id, &err);
    lua_settop(L, top);
    if (lrc == DR_EPARSE) {
        return result_fail(res, ENGINE_REFUSED,
                           "refused: %s\nto unblock: a rollback from a damaged journal "
                           "would restore only the changes before the damage; restore the "
                           "files by hand from %s/runs/%s/checkpoints",
                           err.msg, e->state_dir.data, run_id);
    }
    if (lrc)
        return result_fail(res, err.code == DR_EIO ? ENGINE_FAILED : ENGINE_INVALID, "rollback: %s",
                           err.msg);
    dr_buf done = DR_BUF_INIT, unfinished = DR_BUF_INIT;
    find_rollbacks(e, run_id, &done, &unfinished);
    if (done.len || (unfinished.len && !e->o.force)) {
        if (done.len)
            result_fail(res, ENGINE_REFUSED,
                        "refused: run %s was already rolled back by run %s\n"
                        "to unblock: nothing to do; to undo that rollback, drctl rollback %s",
                        run_id, done.data, done.data);
        else
            result_fail(res, ENGINE_REFUSED,
                        "refused: rollback run %s of run %s did not finish\n"
                        "to unblock: drctl resume %s (or drctl rollback %s --force --reason "
                        "\"...\" to start over)",
                        unfinished.data, run_id, unfinished.data, run_id);
        dr_buf_free(&done);
        dr_buf_free(&unfinished);
        return res->status;
    }
    dr_buf_free(&done);
    dr_buf_free(&unfinished);
    dr_buf path = DR_BUF_INIT;
    if (!find_in_path(e, "lua", "dr.rollback", &path)) {
        dr_buf_free(&path);
        return result_fail(res, ENGINE_FAILED, "rollback: lua/dr/rollback.lua not found");
    }
    char *argv[] = {"--run", (char *)run_id};
    engine_status st = engine_run(e, path.data, 2, argv, res);
    dr_buf_free(&path);
    return st;
}
