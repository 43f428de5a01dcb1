/* engine_mods: the C modules a runbook can require, and the diff the
 * engine shows for every file a run writes. */
#ifndef DR_ENGINE_MODS_H
#define DR_ENGINE_MODS_H

#include <stddef.h>

#include "util.h"

struct lua_State;

struct engine_module {
    const char *name;
    int (*open)(struct lua_State *L);
};

/* Terminated by a {NULL, NULL} entry. */
extern const struct engine_module engine_modules[];

/* Unified diff of a file's content before (NULL: absent) and after, with
 * PATH in the headers, appended to out; nothing when they are equal. */
void engine_diff(const char *path, const char *before, size_t before_len, const char *after,
                 size_t after_len, dr_buf *out);

#endif
