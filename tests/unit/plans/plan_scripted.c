/* plan_scripted: `drctl plan RUNBOOK ... --json` against scripted hosts.
 *
 *     plan_scripted RUNBOOK -i INVENTORY --state-dir DIR [--PARAM VALUE...]
 *
 * The engine, its effect gate, the runbooks and lua/dr run as drctl runs
 * them; only dr.ssh, dr.zk, dr.ch and dr.fourlw are replaced by
 * tests/unit/plans/scripted.lua, which answers from the file $DRCTL_SCRIPT
 * (DRCTL_SCRIPT_MODE=replay, the default) or records the real modules'
 * answers into it (DRCTL_SCRIPT_MODE=record, in the lab).  The plan's JSON
 * is printed on stdout, as `drctl plan --json` prints it; the exit code is
 * engine_run's.
 *
 * The substitution goes through engine_preload, which the engine consults
 * before its built-in modules: nothing in the engine knows about it. */
#include <lauxlib.h>
#include <lua.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ch_lua.h"
#include "effect.h"
#include "cmd_common.h"
#include "engine.h"
#include "fourlw_lua.h"
#include "sha256.h"
#include "ssh_lua.h"
#include "zk_lua.h"

#ifndef PLAN_SCRIPTED_LUA
#define PLAN_SCRIPTED_LUA DRCTL_SOURCE_DIR "/tests/unit/plans/scripted.lua"
#endif

static const char FACTORY_KEY[] = "drtest.scripted";

static const struct {
    const char *name;
    dr_effect_kind kind;
} KINDS[] = {
    {"exec", DR_EFFECT_EXEC},         {"write_file", DR_EFFECT_WRITE_FILE},
    {"zk_write", DR_EFFECT_ZK_WRITE}, {"zk_reconfig", DR_EFFECT_ZK_RECONFIG},
    {"ch_write", DR_EFFECT_CH_WRITE}, {"remove_file", DR_EFFECT_REMOVE_FILE},
    {"http", DR_EFFECT_HTTP},
};

/* gate(kind, module, host, summary, path?, before?, after?)
 *   -> "perform" | "simulate" | nil, err: the engine's gate, as a binding
 * calls it. */
static int l_gate(lua_State *L)
{
    const char *kind = luaL_checkstring(L, 1);
    dr_effect e = {0};
    size_t i = 0;
    while (i < sizeof KINDS / sizeof KINDS[0] && strcmp(KINDS[i].name, kind) != 0)
        i++;
    if (i == sizeof KINDS / sizeof KINDS[0])
        return luaL_argerror(L, 1, "unknown effect kind");
    e.kind = KINDS[i].kind;
    e.module = luaL_checkstring(L, 2);
    e.host = luaL_checkstring(L, 3);
    e.summary = luaL_checkstring(L, 4);
    e.path = luaL_optstring(L, 5, NULL);
    e.before = luaL_optlstring(L, 6, NULL, &e.before_len);
    e.after = luaL_optlstring(L, 7, NULL, &e.after_len);
    dr_err err = {0};
    int d = dr_effect_gate(L, &e, &err);
    if (d < 0) {
        lua_pushnil(L);
        lua_pushstring(L, err.msg);
        return 2;
    }
    lua_pushstring(L, d == DR_EFFECT_SIMULATE ? "simulate" : "perform");
    return 1;
}

/* written(host, path) -> content | nil: what this rehearsal wrote there. */
static int l_written(lua_State *L)
{
    const char *host = luaL_checkstring(L, 1);
    const char *path = luaL_checkstring(L, 2);
    const char *data;
    size_t len;
    if (!dr_effect_written(L, host, path, &data, &len))
        return 0;
    lua_pushlstring(L, data, len);
    return 1;
}

static int l_sha256(lua_State *L)
{
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    char hex[SHA256_HEX_LEN + 1];
    sha256_hex(s, len, hex);
    lua_pushstring(L, hex);
    return 1;
}

static const luaL_Reg api_funcs[] = {
    {"gate", l_gate},
    {"written", l_written},
    {"sha256", l_sha256},
    {NULL, NULL},
};

/* Pushes the factory of scripted.lua, loading it once per state. */
static void push_factory(lua_State *L)
{
    if (lua_getfield(L, LUA_REGISTRYINDEX, FACTORY_KEY) == LUA_TFUNCTION)
        return;
    lua_pop(L, 1);
    if (luaL_loadfilex(L, PLAN_SCRIPTED_LUA, "t") != LUA_OK)
        lua_error(L);
    luaL_newlib(L, api_funcs);
    lua_call(L, 1, 1);
    if (!lua_isfunction(L, -1))
        luaL_error(L, "%s: a function expected", PLAN_SCRIPTED_LUA);
    lua_pushvalue(L, -1);
    lua_setfield(L, LUA_REGISTRYINDEX, FACTORY_KEY);
}

/* The scripted module NAME over the real one (opened by real_open). */
static int open_scripted(lua_State *L, const char *name, lua_CFunction real_open)
{
    push_factory(L);
    lua_pushstring(L, name);
    lua_pushcfunction(L, real_open);
    lua_pushstring(L, name);
    lua_call(L, 1, 1);
    lua_call(L, 2, 1);
    return 1;
}

static int open_ssh(lua_State *L)
{
    return open_scripted(L, "dr.ssh", luaopen_dr_ssh);
}

static int open_zk(lua_State *L)
{
    return open_scripted(L, "dr.zk", luaopen_dr_zk);
}

static int open_ch(lua_State *L)
{
    return open_scripted(L, "dr.ch", luaopen_dr_ch);
}

static int open_fourlw(lua_State *L)
{
    return open_scripted(L, "dr.fourlw", luaopen_dr_fourlw);
}

/* Ends a recording: the factory called without a module name saves it. */
static int finish(lua_State *L)
{
    if (lua_getfield(L, LUA_REGISTRYINDEX, FACTORY_KEY) != LUA_TFUNCTION)
        return 0;
    lua_call(L, 0, 0);
    return 0;
}

int main(int argc, char **argv)
{
    engine_opts o = {.mode = ENGINE_REHEARSAL, .json = 1, .quiet = 1};
    const char *runbook = NULL;
    char **rest = calloc((size_t)argc + 1, sizeof *rest);
    int nrest = 0;
    if (!rest)
        return 1;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-i") && i + 1 < argc)
            o.inventory_path = argv[++i];
        else if (!strcmp(argv[i], "--state-dir") && i + 1 < argc)
            o.state_dir = argv[++i];
        else if (!runbook && argv[i][0] != '-')
            runbook = argv[i];
        else
            rest[nrest++] = argv[i];
    }
    if (!runbook || !o.inventory_path || !o.state_dir) {
        fprintf(stderr, "usage: plan_scripted RUNBOOK -i INVENTORY --state-dir DIR "
                        "[--PARAM VALUE...]  (DRCTL_SCRIPT=ANSWERS [DRCTL_SCRIPT_MODE=record])\n");
        free(rest);
        return 2;
    }
    engine *e = NULL;
    dr_err err = {0};
    if (engine_open(&e, &o, &err) != DR_OK) {
        fprintf(stderr, "plan_scripted: %s\n", err.msg);
        free(rest);
        return 1;
    }
    engine_preload(e, "dr.ssh", open_ssh);
    engine_preload(e, "dr.zk", open_zk);
    engine_preload(e, "dr.ch", open_ch);
    engine_preload(e, "dr.fourlw", open_fourlw);
    engine_result res = {0};
    engine_run(e, runbook, nrest, rest, &res);
    int code = cmd_show_result(&o, &res); /* the CLI's rendering: drctl.run/1 */
    engine_result_free(&res);
    fflush(stdout);
    lua_State *L = engine_lua(e);
    lua_pushcfunction(L, finish);
    if (lua_pcall(L, 0, 0, 0) != LUA_OK) {
        fprintf(stderr, "plan_scripted: %s\n", lua_tostring(L, -1));
        code = code ? code : 1;
    }
    engine_close(e);
    free(rest);
    return code;
}
