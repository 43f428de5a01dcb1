/* luaser: Lua values to Lua literal text and back, for the journal.
 *
 * A journal record is one Lua table constructor on one line, so that the
 * engine can read its own journal with the Lua it already embeds: nil,
 * booleans, numbers (integers and floats, exactly), strings (any bytes) and
 * tables of these (no cycles, no functions or userdata) round-trip.  Loading
 * runs the text as a text-mode chunk with an empty environment and an
 * instruction budget, so a corrupt or hostile journal cannot do anything but
 * fail to load. */
#ifndef DR_LUASER_H
#define DR_LUASER_H

#include "util.h"

struct lua_State;

/* Appends the value at idx as a Lua literal to out.  Returns DR_EINVAL (err
 * names the offending type or the cycle) for values that cannot be
 * serialized. */
int luaser_dump(struct lua_State *L, int idx, dr_buf *out, dr_err *err);

/* Evaluates one literal (as written by luaser_dump) and pushes the value.
 * On failure pushes nothing and returns DR_EPARSE. */
int luaser_load(struct lua_State *L, const char *text, size_t len, const char *name, dr_err *err);

/* Deep equality of two serializable values (tables compared by content). */
int luaser_equal(struct lua_State *L, int a, int b);

#endif
