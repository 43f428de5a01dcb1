/* engine_mods: the table of built-in Lua modules and the engine's diff. */
#include "engine_mods.h"

#include <string.h>

#include "engine_int.h"
#include "ch_lua.h"
#include "chconf_lua.h"
#include "fourlw_lua.h"
#include "inventory_lua.h"
#include "ssh_lua.h"
#include "zk_lua.h"

const struct engine_module engine_modules[] = {
    {"dr", luaopen_dr},
    {"dr.inventory", luaopen_dr_inventory},
    {"dr.ssh", luaopen_dr_ssh},
    {"dr.zk", luaopen_dr_zk},
    {"dr.fourlw", luaopen_dr_fourlw},
    {"dr.ch", luaopen_dr_ch},
    {NULL, NULL},
};

void engine_diff(const char *path, const char *before, size_t before_len, const char *after,
                 size_t after_len, dr_buf *out)
{
    if (before && before_len == after_len && !memcmp(before, after, after_len))
        return;
    /* Placeholder until the diff module lands: whole-file replacement. */
    dr_buf_printf(out, "--- a%s\n+++ b%s\n", path, path);
    (void)before_len;
    const char *texts[2] = {before, after};
    size_t lens[2] = {before_len, after_len};
    const char marks[2] = {'-', '+'};
    for (int k = 0; k < 2; k++) {
        const char *p = texts[k];
        if (!p)
            continue;
        const char *end = p + lens[k];
        while (p < end) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
            dr_buf_putc(out, marks[k]);
            dr_buf_append(out, p, n);
            dr_buf_putc(out, '\n');
            p += n + (nl ? 1 : 0);
        }
    }
}
