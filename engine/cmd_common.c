/* cmd_common: the options and the engine of drctl's engine commands (see
 * include/cmd_common.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "cmd_common.h"
#include "cmd_inventory.h"
#include "engine.h"
#include "render.h"
#include "term.h"

/* The engine's progress lines: on stderr as they come. */
static void say_stderr(const char *text, void *ud)
{
    (void)ud;
    fputs(text, stderr);
    fflush(stderr);
}

/* A runbook's confirmation: the prompt on stderr, the answer from a
 * terminal on stdin; -1 when stdin is not a terminal. */
static int ask_terminal(const char *prompt, char *answer, size_t n, void *ud)
{
    (void)ud;
    if (!isatty(0))
        return -1;
    fputs(prompt, stderr);
    fflush(stderr);
    if (!fgets(answer, (int)n, stdin))
        answer[0] = '\0';
    answer[strcspn(answer, "\r\n")] = '\0';
    return 0;
}

static int want_value(int argc, char **argv, int *i, const char **out)
{
    if (*i + 1 >= argc) {
        fprintf(stderr, "drctl %s: %s needs a value\n", argv[0], argv[*i]);
        return -1;
    }
    *out = argv[++*i];
    return 0;
}

int cmd_parse_run_args(int argc, char **argv, struct run_args *a, int need_target)
{
    memset(a, 0, sizeof *a);
    a->o.progress = say_stderr;
    a->o.ask = ask_terminal;

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
        } else if (!strcmp(s, "--full")) {
            a->o.plan_full = 1; /* plan: every member of a group, even identical ones */
        } else if (!strcmp(s, "--yes") || !strcmp(s, "-y")) {
            a->o.yes = 1;
        } else if (!strcmp(s, "--force")) {
            a->o.force = 1;
        } else if (!strcmp(s, "--debug")) {
            a->o.debug = 1;
        } else if (!a->target && s[0] != '-') {
            a->target = s;
        } else {
            a->rest[a->nrest++] = argv[i];
        }
    }
    a->o.inventory_path = cmd_inventory_path(a->o.inventory_path);
    if (a->o.runbook_dir) {
        struct stat st;
        if (stat(a->o.runbook_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
            fprintf(stderr, "drctl %s: --runbooks %s: %s (expected a directory of runbooks)\n",
                    argv[0], a->o.runbook_dir,
                    stat(a->o.runbook_dir, &st) != 0 ? "no such directory" : "not a directory");
            return -1;
        }
    }
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

int cmd_with_engine(struct run_args *a, int (*fn)(engine *, struct run_args *))
{
    engine *e = NULL;
    dr_err err = {0};
    if (engine_open(&e, &a->o, &err) != DR_OK) {
        fprintf(stderr, "drctl: %s\n", err.msg);
        free(a->rest);
        /* an inventory that is missing or invalid is bad input: nothing ran */
        return err.code == DR_EIO || err.code == DR_ENOMEM ? DR_EXIT_FAIL : DR_EXIT_USAGE;
    }
    int code = fn(e, a);
    engine_close(e);
    free(a->rest);
    return code;
}

int cmd_exit_code(engine_status s)
{
    switch (s) {
    case ENGINE_OK:
        return DR_EXIT_OK;
    case ENGINE_REFUSED:
        return DR_EXIT_REFUSED;
    case ENGINE_INVALID:
        return DR_EXIT_USAGE;
    case ENGINE_FAILED:
    default:
        return DR_EXIT_FAIL;
    }
}

void cmd_error_lines(const char *error, dr_buf *out)
{
    for (const char *p = error; p && *p;) {
        size_t n = strcspn(p, "\n");
        /* a Lua stack traceback (--debug) continues the line above it */
        if (*p != '\t' && strncmp(p, "stack traceback:", 16) != 0)
            dr_buf_puts(out, "drctl: ");
        dr_buf_append(out, p, n);
        dr_buf_putc(out, '\n');
        p += n + (p[n] ? 1 : 0);
    }
}

/* Writes b (redacted) to f, coloured when f is a terminal that takes it. */
static void put_text(dr_buf *b, FILE *f, int color)
{
    dr_redact(b);
    if (color && term_color(f)) {
        dr_buf c = DR_BUF_INIT;
        term_colorize(b->data ? b->data : "", b->len, &c);
        fputs(c.data ? c.data : "", f);
        dr_buf_free(&c);
    } else {
        fputs(b->data ? b->data : "", f);
    }
}

int cmd_show_result(const engine_opts *o, const engine_result *r)
{
    dr_buf b = DR_BUF_INIT;
    if (r->outcome && r->mode == ENGINE_REHEARSAL) {
        if (o->json)
            render_run_json(r, &b);
        else
            render_plan_text(r, o->plan_full, &b);
        put_text(&b, stdout, !o->json);
    } else if (r->outcome && r->mode == ENGINE_REAL) {
        if (o->json) {
            render_run_json(r, &b);
            put_text(&b, stdout, 0);
        }
        if (!o->quiet) {
            dr_buf_reset(&b);
            render_summary(r, &b);
            put_text(&b, stderr, 0);
            fflush(stderr);
        }
    } /* a read-only view printed its own result */
    if (r->error) {
        /* the error to the operator; a runbook's traceback is in the
         * journal (and here with --debug) */
        dr_buf_reset(&b);
        cmd_error_lines(r->error, &b);
        if (r->outcome && r->mode == ENGINE_REAL && r->run_id[0] && r->effects == 0)
            dr_buf_printf(&b, "drctl: run %s stopped before changing anything\n", r->run_id);
        else if (r->outcome && r->mode == ENGINE_REAL && r->run_id[0])
            dr_buf_printf(&b,
                          "drctl: run %s stopped; see drctl runs %s, then drctl resume %s or "
                          "drctl rollback %s\n",
                          r->run_id, r->run_id, r->run_id, r->run_id);
        fputs(b.data, stderr);
    }
    dr_buf_free(&b);
    return cmd_exit_code(r->status);
}

int cmd_do_run(engine *e, struct run_args *a)
{
    engine_result r;
    engine_run(e, a->target, a->nrest, a->rest, &r);
    int code = cmd_show_result(&a->o, &r);
    engine_result_free(&r);
    return code;
}

/* Built-in read-only views (lua/dr/<name>.lua) run in ENGINE_READONLY. */
int cmd_builtin(engine *e, struct run_args *a)
{
    dr_buf dirs = DR_BUF_INIT, path = DR_BUF_INIT;
    engine_search_path(e, "lua", &dirs);
    int code = DR_EXIT_FAIL;
    for (size_t off = 0; dirs.data && off < dirs.len; off += strlen(dirs.data + off) + 1) {
        dr_buf_reset(&path);
        dr_buf_printf(&path, "%s/dr/%s.lua", dirs.data + off, a->target);
        if (access(path.data, R_OK) == 0) {
            engine_result r;
            engine_run(e, path.data, a->nrest, a->rest, &r);
            code = cmd_show_result(&a->o, &r);
            engine_result_free(&r);
            break;
        }
    }
    if (code == DR_EXIT_FAIL && !path.len)
        fprintf(stderr, "drctl: lua/dr/%s.lua not found\n", a->target);
    dr_buf_free(&dirs);
    dr_buf_free(&path);
    return code;
}
