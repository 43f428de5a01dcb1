/* cmd_run: drctl plan | run | resume | runs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cmd_inventory.h"
#include "engine.h"

/* Options common to the engine commands; whatever is not one of them is a
 * runbook parameter and is left in rest[] in order. */
struct run_args {
    engine_opts o;
    const char *target; /* runbook or run id */
    char **rest;
    int nrest;
};

static int want_value(int argc, char **argv, int *i, const char **out)
{
    if (*i + 1 >= argc) {
        fprintf(stderr, "drctl %s: %s needs a value\n", argv[0], argv[*i]);
        return -1;
    }
    *out = argv[++*i];
    return 0;
}

static int parse_run_args(int argc, char **argv, struct run_args *a, int need_target)
{
    memset(a, 0, sizeof *a);

    a->rest = calloc((size_t)argc + 1, sizeof *a->rest);
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        const char *v = NULL;
        if (!strcmp(s, "-i") || !strcmp(s, "--inventory")) {
            if (want_value(argc, argv, &i, &v))
                return -1;
            a->o.inventory_path = v;
        } else if (!strcmp(s, "--state-dir")) {
            if (want_value(argc, argv, &i, &v))
                return -1;
            a->o.state_dir = v;
        } else if (!strcmp(s, "--runbooks")) {
            if (want_value(argc, argv, &i, &v))
                return -1;
            a->o.runbook_dir = v;
        } else if (!strcmp(s, "--reason")) {
            if (want_value(argc, argv, &i, &v))
                return -1;
            a->o.reason = v;
        } else if (!strcmp(s, "--cooldown")) {
            if (want_value(argc, argv, &i, &v))
                return -1;
            a->o.cooldown_s = atoi(v);
            if (a->o.cooldown_s <= 0) {
                fprintf(stderr, "drctl %s: --cooldown: expected seconds > 0\n", argv[0]);
                return -1;
            }
        } else if (!strcmp(s, "--quiet") || !strcmp(s, "-q")) {
            a->o.quiet = 1;
        } else if (!strcmp(s, "--json")) {
            a->o.json = 1;
        } else if (!strcmp(s, "--yes") || !strcmp(s, "-y")) {
            a->o.yes = 1;
        } else if (!strcmp(s, "--force")) {
            a->o.force = 1;
        } else if (!a->target && s[0] != '-') {
            a->target = s;
        } else {
            a->rest[a->nrest++] = argv[i];
        }
    }
    a->o.inventory_path = cmd_inventory_path(a->o.inventory_path);
    if (a->o.force && (!a->o.reason || !*a->o.reason)) {
        fprintf(stderr, "drctl %s: --force needs --reason \"why\" (it is journaled)\n", argv[0]);
        return -1;
    }
    if (need_target && !a->target) {
        fprintf(stderr, "drctl %s: which %s? (see drctl help)\n", argv[0],
                strcmp(argv[0], "resume") && strcmp(argv[0], "rollback") ? "runbook" : "run");
        return -1;
    }
    return 0;
}

static int with_engine(struct run_args *a, int (*fn)(engine *, struct run_args *))
{
    engine *e = NULL;
    dr_err err = {0};
    if (engine_open(&e, &a->o, &err) != DR_OK) {
        fprintf(stderr, "drctl: %s\n", err.msg);
        free(a->rest);
        return DR_EXIT_FAIL;
    }
    int code = fn(e, a);
    engine_close(e);
    free(a->rest);
    return code;
}

static int do_run(engine *e, struct run_args *a)
{
    return engine_run(e, a->target, a->nrest, a->rest);
}

static int do_resume(engine *e, struct run_args *a)
{
    if (a->nrest) {
        fprintf(stderr, "drctl resume: unexpected argument '%s'\n", a->rest[0]);
        return DR_EXIT_USAGE;
    }
    return engine_resume(e, a->target);
}

static int do_runs(engine *e, struct run_args *a)
{
    return engine_show_runs(e, a->target);
}

int cmd_plan(int argc, char **argv)
{
    struct run_args a;
    if (parse_run_args(argc, argv, &a, 1))
        return free(a.rest), DR_EXIT_USAGE;
    a.o.mode = ENGINE_REHEARSAL;
    return with_engine(&a, do_run);
}

int cmd_run(int argc, char **argv)
{
    struct run_args a;
    if (parse_run_args(argc, argv, &a, 1))
        return free(a.rest), DR_EXIT_USAGE;
    a.o.mode = ENGINE_REAL;
    return with_engine(&a, do_run);
}

int cmd_resume(int argc, char **argv)
{
    struct run_args a;
    if (parse_run_args(argc, argv, &a, 1))
        return free(a.rest), DR_EXIT_USAGE;
    a.o.mode = ENGINE_REAL;
    return with_engine(&a, do_resume);
}

static int do_rollback(engine *e, struct run_args *a)
{
    return engine_rollback(e, a->target);
}

int cmd_rollback(int argc, char **argv)
{
    struct run_args a;
    if (parse_run_args(argc, argv, &a, 1))
        return free(a.rest), DR_EXIT_USAGE;
    a.o.mode = ENGINE_REAL;
    a.o.yes = 1;
    return with_engine(&a, do_rollback);
}

/* Built-in read-only views (lua/dr/<name>.lua) run in ENGINE_READONLY. */
static int do_builtin(engine *e, struct run_args *a)
{
    dr_buf dirs = DR_BUF_INIT, path = DR_BUF_INIT;
    engine_search_path(e, "lua", &dirs);
    int code = DR_EXIT_FAIL;
    for (size_t off = 0; dirs.data && off < dirs.len; off += strlen(dirs.data + off) + 1) {
        dr_buf_reset(&path);
        dr_buf_printf(&path, "%s/dr/%s.lua", dirs.data + off, a->target);
        if (access(path.data, R_OK) == 0) {
            code = engine_run(e, path.data, a->nrest, a->rest);
            break;
        }
    }
    if (code == DR_EXIT_FAIL && !path.len)
        fprintf(stderr, "drctl: lua/dr/%s.lua not found\n", a->target);
    dr_buf_free(&dirs);
    dr_buf_free(&path);
    return code;
}

int cmd_status(int argc, char **argv)
{
    struct run_args a;
    if (parse_run_args(argc, argv, &a, 0))
        return free(a.rest), DR_EXIT_USAGE;
    if (a.target) {
        fprintf(stderr, "drctl status: unexpected argument '%s'\n", a.target);
        free(a.rest);
        return DR_EXIT_USAGE;
    }
    if (!a.o.inventory_path) {
        fprintf(stderr, "drctl status: no inventory: give -i FILE or set DRCTL_INVENTORY\n");
        free(a.rest);
        return DR_EXIT_USAGE;
    }
    a.target = "status";
    a.o.mode = ENGINE_READONLY;
    return with_engine(&a, do_builtin);
}

int cmd_runs(int argc, char **argv)
{
    struct run_args a;
    if (parse_run_args(argc, argv, &a, 0))
        return free(a.rest), DR_EXIT_USAGE;
    return with_engine(&a, do_runs);
}
