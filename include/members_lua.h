/* members_lua: the Lua side of a keeper membership, shared by the bindings
 * of zkconf (ZooKeeper) and keeperxml (ClickHouse Keeper).  Both see a
 * membership as an array of server tables and offer the same pure
 * operations on it; this unit does their Lua work once: reading and checking
 * membership arguments, pushing results, and the functions validate,
 * check_hosts, after_failover, after_recovery, after_failback, promote and
 * demote.  A binding describes its server type and its C model's operations
 * in a members_lua_kind.
 *
 * A membership given from Lua is read into scratch memory owned by Lua (a
 * userdata left on the stack) with strings borrowed from Lua (anchored in a
 * table for the call), sorted by id: the C models take it const, so no C
 * memory is held while an argument is still being checked, and a raised
 * error leaks nothing. */
#ifndef DR_MEMBERS_LUA_H
#define DR_MEMBERS_LUA_H

#include <lua.h>
#include <stddef.h>

#include "util.h"

/* A membership as both C models lay it out ({server *v; size_t n}), its
 * server type left to the members_lua_kind. */
typedef struct members_lua_list {
    void *v;
    size_t n;
} members_lua_list;

/* Which transition members_lua_kind.after computes. */
typedef enum members_lua_after {
    MEMBERS_LUA_AFTER_FAILOVER,
    MEMBERS_LUA_AFTER_RECOVERY,
    MEMBERS_LUA_AFTER_FAILBACK,
} members_lua_after;

typedef struct members_lua_kind {
    size_t server_size;       /* sizeof one server, whose first member is `long id` */
    const char *twice_prefix; /* error for an id given twice: prefix + id + " given twice" */
    /* Reads the server table on top of the stack (element i of argument arg;
     * i 0: a lone server) into s, strings borrowed and anchored in the table
     * at index anchors, and pops it.  Raises on misuse. */
    void (*to_server)(lua_State *L, int arg, lua_Integer i, int anchors, void *s);
    void (*push_server)(lua_State *L, const void *s); /* pushes s as a table */
    /* The C model's operations (see zkconf.h): lists of its own servers;
     * outputs are the model's to own, released with free. */
    void (*free)(members_lua_list *m);
    void (*copy)(members_lua_list *dst, const members_lua_list *src);
    int (*validate)(const members_lua_list *m, dr_err *err);
    int (*check_hosts)(const members_lua_list *a, const members_lua_list *b, dr_err *err);
    int (*after)(members_lua_after which, const members_lua_list *a, const members_lua_list *b,
                 members_lua_list *out, dr_err *err);
    /* participant 1: promote, 0: demote. */
    int (*set_role)(int participant, members_lua_list *m, long id, dr_err *err);
} members_lua_kind;

/* Adds validate, check_hosts, after_failover, after_recovery, after_failback,
 * promote and demote of kind k (which must outlive L) to the table on top. */
void members_lua_register(lua_State *L, const members_lua_kind *k);

/* Pushes a new anchor table and returns its index. */
int members_lua_new_anchors(lua_State *L);
/* The membership array at stack index idx (argument arg, for messages),
 * sorted by id, in Lua-owned scratch left on the stack, strings anchored in
 * the table at anchors.  Pass it const only: its strings are Lua's.  Raises
 * on misuse. */
members_lua_list members_lua_check(lua_State *L, const members_lua_kind *k, int idx, int arg,
                                   int anchors);
/* DR_EINVAL when an id appears twice in the sorted m: the data's fault, not
 * the script's (an inventory can say it), so an expected failure. */
int members_lua_check_unique(const members_lua_kind *k, const members_lua_list *m, dr_err *err);
/* Pushes m as an array of server tables. */
void members_lua_push(lua_State *L, const members_lua_kind *k, const members_lua_list *m);

/* ---- reading a server table (for members_lua_kind.to_server) ---------------- */

/* Raises "bad argument #arg (server #i: why)" ("server: why" when i is 0). */
int members_lua_server_error(lua_State *L, int arg, lua_Integer i, const char *why);
/* The server table on top must be a table whose keys are all in fields
 * (NULL-terminated); raises otherwise. */
void members_lua_check_fields(lua_State *L, int arg, lua_Integer i, const char *const *fields);

#define MEMBERS_LUA_REQUIRED LUA_MININTEGER /* an int field's default: no default */

/* The integer field k of the server table on top, within [lo, hi] when
 * given; def when nil (def may lie outside [lo, hi] to mean "not given"),
 * an error when nil and def is MEMBERS_LUA_REQUIRED. */
lua_Integer members_lua_int_field(lua_State *L, int arg, lua_Integer i, const char *k,
                                  lua_Integer def, lua_Integer lo, lua_Integer hi);
/* The non-empty string field k of the server table on top (NULL when nil and
 * not required), kept alive in the anchor table for the call. */
const char *members_lua_str_field(lua_State *L, int arg, lua_Integer i, const char *k, int required,
                                  int anchors);

#endif
