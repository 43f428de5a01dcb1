/* engine_mods: the table of built-in Lua modules and the engine's diff. */
#include "engine_mods.h"

#include <string.h>

#include "diff.h"
#include "engine_int.h"
#include "chconf_lua.h"
#include "fourlw_lua.h"
#include "inventory_lua.h"
#include "ssh_lua.h"
#include "zk_lua.h"

const struct engine_module engine_modules[] = {
    {"dr", luaopen_dr},       {"dr.inventory", luaopen_dr_inventory}, {"dr.ssh", luaopen_dr_ssh},
    {"dr.zk", luaopen_dr_zk}, {"dr.fourlw", luaopen_dr_fourlw},       {NULL, NULL},
};

void engine_diff(const char *path, const char *before, size_t before_len, const char *after,
                 size_t after_len, dr_buf *out)
{
    /* An absent file diffs as an empty one. */
    diff_unified(path, before ? before : "", before ? before_len : 0, after ? after : "",
                 after ? after_len : 0, out, NULL);
}
