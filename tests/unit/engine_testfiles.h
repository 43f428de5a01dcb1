/* A Lua module for the engine's unit tests: files on the local machine
 * treated as if they were on a host called "local", written through the
 * effect gate exactly as the ssh binding writes remote files. */
#ifndef ENGINE_TESTFILES_H
#define ENGINE_TESTFILES_H

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lua.h>

#include "effect.h"
#include "util.h"

static int tf_read_raw(const char *path, dr_buf *out)
{
    dr_err err = {0};
    return dr_read_file(path, out, &err);
}

static int tf_write_raw(const char *path, const char *data, size_t len)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    if (!f)
        return -1;
    fwrite(data, 1, len, f);
    fclose(f);
    return rename(tmp, path);
}

/* testfiles.read(path) -> content | nil (rehearsal overlay honoured) */
static int tf_read(lua_State *L)
{
    const char *path = luaL_checkstring(L, 1);
    const char *w;
    size_t wl;
    if (dr_effect_written(L, "local", path, &w, &wl)) {
        lua_pushlstring(L, w, wl);
        return 1;
    }
    dr_buf b = DR_BUF_INIT;
    if (tf_read_raw(path, &b) != DR_OK) {
        dr_buf_free(&b);
        lua_pushnil(L);
        return 1;
    }
    lua_pushlstring(L, b.data, b.len);
    dr_buf_free(&b);
    return 1;
}

/* testfiles.write(path, content) -> true | nil, err */
static int tf_write(lua_State *L)
{
    const char *path = luaL_checkstring(L, 1);
    size_t len;
    const char *data = luaL_checklstring(L, 2, &len);
    dr_buf before = DR_BUF_INIT;
    int existed = tf_read_raw(path, &before) == DR_OK;
    dr_effect e = {DR_EFFECT_WRITE_FILE,         "testfiles", "local", NULL, path,
                   existed ? before.data : NULL, before.len,  data,    len};
    char summary[4200];
    snprintf(summary, sizeof summary, "write %s", path);
    e.summary = summary;
    dr_err err = {0};
    int d = dr_effect_gate(L, &e, &err);
    dr_buf_free(&before);
    if (d < 0) {
        lua_pushnil(L);
        lua_pushstring(L, err.msg);
        return 2;
    }
    if (d == DR_EFFECT_PERFORM) {
        int rc = tf_write_raw(path, data, len);
        dr_effect_done(L, &e, rc ? DR_EIO : DR_OK, NULL);
    }
    lua_pushboolean(L, 1);
    return 1;
}

/* testfiles.restore{host=, path=, content=|nil} -> true */
static int tf_restore(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_getfield(L, 1, "path");
    lua_getfield(L, 1, "content");
    lua_remove(L, 1);
    const char *path = luaL_checkstring(L, 1);
    if (lua_isnil(L, 2)) {
        dr_effect e = {
            DR_EFFECT_WRITE_FILE, "testfiles", "local", "remove", path, NULL, 0, NULL, 0};
        dr_err err = {0};
        if (dr_effect_gate(L, &e, &err) == DR_EFFECT_PERFORM)
            unlink(path);
        lua_pushboolean(L, 1);
        return 1;
    }
    return tf_write(L);
}

/* testfiles.crash_if(marker_path): SIGKILL this process when the marker
 * file exists (removing it first), as a disaster would. */
static int tf_crash_if(lua_State *L)
{
    const char *marker = luaL_checkstring(L, 1);
    if (access(marker, F_OK) == 0) {
        unlink(marker);
        raise(SIGKILL);
    }
    return 0;
}

/* testfiles.term_if(marker_path): SIGTERM to this process when the marker
 * exists (removing it first), as an operator's kill would. */
static int tf_term_if(lua_State *L)
{
    const char *marker = luaL_checkstring(L, 1);
    if (access(marker, F_OK) == 0) {
        unlink(marker);
        raise(SIGTERM);
    }
    return 0;
}

static int luaopen_dr_testfiles(lua_State *L)
{
    static const luaL_Reg f[] = {{"read", tf_read},         {"term_if", tf_term_if},
                                 {"write", tf_write},       {"restore", tf_restore},
                                 {"crash_if", tf_crash_if}, {NULL, NULL}};
    luaL_newlib(L, f);
    return 1;
}

#endif
