/* engine_mods: the table of built-in Lua modules and the engine's diff. */
#include "engine_mods.h"

#include <string.h>

#include "engine_int.h"
#include "ch_lua.h"
#include "chconf_lua.h"
#include "diff.h"
#include "diff_lua.h"
#include "drill_lua.h"
#include "keeperxml_lua.h"
#include "zkconf_lua.h"
#include "fourlw_lua.h"
#include "http_lua.h"
#include "inventory_lua.h"
#include "ssh_lua.h"
#include "zk_lua.h"

const struct engine_module engine_modules[] = {
    {"dr", luaopen_dr},
    {"dr.inventory", luaopen_dr_inventory},
    {"dr.ssh", luaopen_dr_ssh},
    {"dr.zk", luaopen_dr_zk},
    {"dr.fourlw", luaopen_dr_fourlw},
    {"dr.chconf", luaopen_dr_chconf},
    {"dr.zkconf", luaopen_dr_zkconf},
    {"dr.keeperxml", luaopen_dr_keeperxml},
    {"dr.diff", luaopen_dr_diff},
    {"dr.ch", luaopen_dr_ch},
    {"dr.drill", luaopen_dr_drill},
    {"dr.http", luaopen_dr_http},
    {NULL, NULL},
};

void engine_diff(const char *path, const char *before, size_t before_len, const char *after,
                 size_t after_len, dr_buf *out)
{
    while (path && *path == '/')
        path++; /* "a/etc/x", not "a//etc/x" */
    /* An absent file diffs as an empty one. */
    diff_unified(path, before ? before : "", before ? before_len : 0, after ? after : "",
                 after ? after_len : 0, out, NULL);
}

size_t engine_diff_header(const char *tmpl, size_t len, const char *path, dr_buf *out)
{
    while (path && *path == '/')
        path++; /* as engine_diff does */
    size_t at = 0;
    for (int line = 0; line < 2 && at < len; line++) {
        const char *nl = memchr(tmpl + at, '\n', len - at);
        size_t n = nl ? (size_t)(nl - (tmpl + at)) : len - at;
        for (size_t k = at; k < at + n; k++) {
            if (tmpl[k] == ENGINE_DIFF_PATH[0])
                dr_buf_puts(out, path ? path : "?");
            else
                dr_buf_putc(out, tmpl[k]);
        }
        at += n;
        if (at < len)
            dr_buf_putc(out, tmpl[at++]);
    }
    return at;
}
