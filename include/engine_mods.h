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

/* A plan keeps one text per distinct change: the diff made by engine_diff
 * with ENGINE_DIFF_PATH as its path, shared by every host that makes it,
 * whatever the file's path there.  engine_diff_header appends the two
 * header lines of such a template as they read for path (the marker
 * replaced, leading '/' dropped as engine_diff does) and returns how many
 * bytes of tmpl they took: the rest is the same for every path and is used
 * as is.  A diff without the marker comes out unchanged. */
#define ENGINE_DIFF_PATH "\001"
size_t engine_diff_header(const char *tmpl, size_t len, const char *path, dr_buf *out);

#endif
