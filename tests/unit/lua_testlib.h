/* lua_testlib: what the unit tests of the Lua bindings share: a Lua state
 * with one dr.<module> loaded and the Lua helpers load() and raises(), a
 * chunk runner that fails the test with Lua's message, a recorder of the
 * effect gate for the bindings that change things, and a loopback port
 * nobody listens on.  Header-only (static inline): include it after cmocka.h
 * in one tests/unit/test_*.c. */
#ifndef LUA_TESTLIB_H
#define LUA_TESTLIB_H

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "effect.h"
#include "testdir.h"

/* Lua helpers of every binding test:
 *   load(name)         the bytes of DATA/<datadir>/name
 *   raises(fn, text)   fn must raise an error containing text (plain find) */
#define LT_HELPERS                                                                                 \
    "function load(name)\n"                                                                        \
    "  local fh = assert(io.open(DATA .. '/' .. DATADIR .. '/' .. name, 'rb'))\n"                  \
    "  local t = fh:read('a'); fh:close(); return t\n"                                             \
    "end\n"                                                                                        \
    "function raises(fn, pattern)\n"                                                               \
    "  local ok, err = pcall(fn)\n"                                                                \
    "  assert(not ok, 'expected an error')\n"                                                      \
    "  assert(tostring(err):find(pattern, 1, true), tostring(err))\n"                              \
    "end\n"

/* A new state with the standard libraries, the module `name` ("dr.zkconf")
 * opened by open and set as global `global`, DATA = testdata_dir()
 * (testdir.h), DATADIR = datadir, the helpers above, then the
 * chunk extra (may be NULL).  NULL, after printing Lua's message, when a
 * chunk fails.  The caller closes it (lt_teardown). */
static inline lua_State *lt_state(const char *name, lua_CFunction open, const char *global,
                                  const char *datadir, const char *extra)
{
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    luaL_requiref(L, name, open, 0);
    lua_setglobal(L, global);
    lua_pushstring(L, testdata_dir());
    lua_setglobal(L, "DATA");
    lua_pushstring(L, datadir);
    lua_setglobal(L, "DATADIR");
    if (luaL_dostring(L, LT_HELPERS) != LUA_OK || (extra && luaL_dostring(L, extra) != LUA_OK)) {
        fprintf(stderr, "lua_testlib: %s\n", lua_tostring(L, -1));
        lua_close(L);
        return NULL;
    }
    return L;
}

/* cmocka teardown for a state made by lt_state. */
static inline int lt_teardown(void **state)
{
    lua_close(*state);
    return 0;
}

/* Runs code, which must succeed (the asserts inside it are the test). */
static inline void lt_run(lua_State *L, const char *code)
{
    if (luaL_dostring(L, code) != LUA_OK)
        fail_msg("lua: %s", lua_tostring(L, -1));
}

/* A loopback TCP port with nobody listening: bound, noted, closed. */
static inline int lt_closed_port(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    bind(fd, (struct sockaddr *)&a, sizeof a);
    getsockname(fd, (struct sockaddr *)&a, &len);
    close(fd);
    return ntohs(a.sin_port);
}

/* ---- the effect gate, recorded -------------------------------------------- */

/* What the engine's hooks saw, and what the gate answers. */
typedef struct lt_recorder {
    int calls, done_calls, last_rc;
    dr_effect_kind kind;
    char host[128], summary[256];
    int decision;            /* the gate's answer, or a negative code: refused */
    const char *refuse_host; /* this host is refused (DR_EREFUSED) whatever decision says */
} lt_recorder;

static inline int lt_gate(void *ud, lua_State *L, const dr_effect *e, dr_err *err)
{
    (void)L;
    lt_recorder *r = ud;
    r->calls++;
    r->kind = e->kind;
    snprintf(r->host, sizeof r->host, "%s", e->host);
    snprintf(r->summary, sizeof r->summary, "%s", e->summary);
    if (r->refuse_host && strcmp(e->host, r->refuse_host) == 0)
        return dr_err_set(err, DR_EREFUSED, "journal refused %s", e->host);
    if (r->decision < 0)
        return dr_err_set(err, r->decision, "journal refused %s", e->host);
    return r->decision;
}

static inline void lt_done(void *ud, lua_State *L, const dr_effect *e, int rc, const char *detail)
{
    (void)L, (void)e, (void)detail;
    ((lt_recorder *)ud)->done_calls++;
    ((lt_recorder *)ud)->last_rc = rc;
}

/* A state (see lt_state) whose effect gate records into rec, in rehearsal
 * (DR_EFFECT_SIMULATE) until a test says otherwise, with the global CLOSED
 * set to lt_closed_port(). */
typedef struct lt_fixture {
    lua_State *L;
    lt_recorder rec;
    dr_effect_hooks hooks;
} lt_fixture;

/* Allocates the fixture first, so that the hooks can point into it; NULL
 * when the state cannot be made.  Free with lt_fixture_teardown. */
static inline lt_fixture *lt_fixture_new(const char *name, lua_CFunction open, const char *global,
                                         const char *datadir, const char *extra)
{
    lt_fixture *f = calloc(1, sizeof *f);
    f->L = lt_state(name, open, global, datadir, NULL);
    f->rec.decision = DR_EFFECT_SIMULATE;
    f->hooks = (dr_effect_hooks){.gate = lt_gate, .done = lt_done, .ud = &f->rec};
    if (f->L) {
        dr_effect_install(f->L, &f->hooks);
        lua_pushinteger(f->L, lt_closed_port());
        lua_setglobal(f->L, "CLOSED");
        if (extra && luaL_dostring(f->L, extra) != LUA_OK) {
            fprintf(stderr, "lua_testlib: %s\n", lua_tostring(f->L, -1));
            lua_close(f->L);
            f->L = NULL;
        }
    }
    if (!f->L) {
        free(f);
        return NULL;
    }
    return f;
}

static inline int lt_fixture_teardown(void **state)
{
    lt_fixture *f = *state;
    lua_close(f->L);
    free(f);
    return 0;
}

#endif
