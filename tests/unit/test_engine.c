/* Unit tests for the engine: sandbox, rehearsal, journal, resume after
 * SIGKILL at every point, precondition refusal, rollback, lock, cooldown.
 * Files on the local machine stand in for a host (engine_testfiles.h); the
 * same paths through the effect gate are used by the real primitives. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "engine.h"
#include "cmd_common.h"
#include "engine_testfiles.h"
#include "journal.h"

#define RUNBOOKS DRCTL_SOURCE_DIR "/tests/runbooks"

struct fixture {
    char dir[64];   /* the "host" files: a mkdtemp name under /tmp */
    char state[96]; /* the engine's state directory, dir/state */
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/drctl-test-engine-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    snprintf(f->state, sizeof f->state, "%s/state", f->dir);
    char files[300];
    snprintf(files, sizeof files, "%s/files", f->dir);
    mkdir(files, 0700);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    assert_int_equal(system(cmd), 0);
    free(f);
    return 0;
}

static void put(const struct fixture *f, const char *name, const char *data, size_t len)
{
    char path[512];
    snprintf(path, sizeof path, "%s/files/%s", f->dir, name);
    assert_int_equal(tf_write_raw(path, data, len), 0);
}

static char *get(const struct fixture *f, const char *name, size_t *len)
{
    char path[512];
    snprintf(path, sizeof path, "%s/files/%s", f->dir, name);
    dr_buf b = DR_BUF_INIT;
    if (tf_read_raw(path, &b) != DR_OK) {
        dr_buf_free(&b);
        return NULL;
    }
    return dr_buf_steal(&b, len);
}

static void expect_file(const struct fixture *f, const char *name, const char *want)
{
    size_t n;
    char *got = get(f, name, &n);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

static int g_plan_full; /* --full for the next run_engine */

/* Runs a fresh engine on runbook with the given mode and extra args;
 * stdout/stderr of the run go to capture files when out/err are given. */
static int run_engine(const struct fixture *f, engine_mode mode, const char *what,
                      const char *target, int argc, char **argv, dr_buf *out, dr_buf *errout,
                      int yes, int force, const char *reason)
{
    engine_opts o = {0};
    o.mode = mode;
    o.state_dir = f->state;
    o.runbook_dir = RUNBOOKS;
    o.quiet = 1;
    o.yes = yes;
    o.force = force;
    o.reason = reason;
    o.plan_full = g_plan_full;
    engine *e = NULL;
    dr_err err = {0};
    assert_int_equal(engine_open(&e, &o, &err), DR_OK);
    engine_preload(e, "dr.testfiles", luaopen_dr_testfiles);
    char outp[300], errp[300];
    snprintf(outp, sizeof outp, "%s/stdout", f->dir);
    snprintf(errp, sizeof errp, "%s/stderr", f->dir);
    fflush(stdout);
    fflush(stderr);
    int so = dup(1), se = dup(2);
    int fo = open(outp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int fe = open(errp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(fo, 1);
    dup2(fe, 2);
    /* the engine returns a result; the CLI's own code shows it */
    int code;
    engine_result res = {0};
    if (!strcmp(what, "run"))
        engine_run(e, target, argc, argv, &res);
    else if (!strcmp(what, "resume"))
        engine_resume(e, target, &res);
    else if (strcmp(what, "runs"))
        engine_rollback(e, target, &res);
    if (!strcmp(what, "runs"))
        code = cmd_show_runs(e, target, 0);
    else
        code = cmd_show_result(&o, &res);
    engine_result_free(&res);
    fflush(stdout);
    fflush(stderr);
    dup2(so, 1);
    dup2(se, 2);
    close(so), close(se), close(fo), close(fe);
    engine_close(e);
    if (out) {
        dr_buf_reset(out);
        dr_read_file(outp, out, &err);
    }
    if (errout) {
        dr_buf_reset(errout);
        dr_read_file(errp, errout, &err);
    }
    return code;
}

static int run_three(const struct fixture *f, engine_mode mode, dr_buf *out, dr_buf *errb)
{
    char dir[300];
    snprintf(dir, sizeof dir, "%s/files", f->dir);
    char *argv[] = {"--dir", dir};
    return run_engine(f, mode, "run", "three_files", 2, argv, out, errb, 1, 0, NULL);
}

static void newest_run(const struct fixture *f, char *id, size_t n)
{
    dr_buf ids = DR_BUF_INIT;
    size_t count = 0;
    dr_err err = {0};
    assert_int_equal(journal_list_runs(f->state, &ids, &count, &err), DR_OK);
    assert_true(count > 0);
    const char *p = ids.data;
    for (size_t i = 1; i < count; i++)
        p += strlen(p) + 1;
    snprintf(id, n, "%s", p);
    dr_buf_free(&ids);
}

static void seed_old(const struct fixture *f)
{
    put(f, "f1", "old 1\n", 6);
    put(f, "f2", "old\0two", 7); /* binary, no trailing newline */
    put(f, "f3", "old 3\n", 6);
}

static void test_rehearsal_changes_nothing_and_shows_diffs(void **state)
{
    struct fixture *f = *state;
    seed_old(f);
    dr_buf out = DR_BUF_INIT;
    assert_int_equal(run_three(f, ENGINE_REHEARSAL, &out, NULL), DR_EXIT_OK);
    expect_file(f, "f1", "old 1\n");
    expect_file(f, "f3", "old 3\n");
    assert_non_null(strstr(out.data, "Rehearsal of three_files: 3 steps"));
    assert_non_null(strstr(out.data, "-old 1"));
    assert_non_null(strstr(out.data, "+file 1 v2"));
    assert_non_null(strstr(out.data, "+file 3 v2"));
    /* no run was journaled */
    dr_buf ids = DR_BUF_INIT;
    size_t count = 7;
    dr_err err = {0};
    journal_list_runs(f->state, &ids, &count, &err);
    assert_int_equal(count, 0);
    dr_buf_free(&ids);
    dr_buf_free(&out);
}

/* The same change on many members of a group is shown once, with the names
 * of the others; --full shows every member. */
static void test_plan_folds_identical_members(void **state)
{
    struct fixture *f = *state;
    char dir[300];
    snprintf(dir, sizeof dir, "%s/files", f->dir);
    char *argv[] = {"--dir", dir};
    dr_buf out = DR_BUF_INIT;
    assert_int_equal(
        run_engine(f, ENGINE_REHEARSAL, "run", "fold_group", 2, argv, &out, NULL, 1, 0, NULL),
        DR_EXIT_OK);
    assert_non_null(strstr(out.data, "write node1's file  [node1]"));
    assert_non_null(strstr(out.data, "= the same (each with its own name) on 2 more (--full shows "
                                     "each): node2, node3\n"));
    assert_null(strstr(out.data, "write node2's file"));
    assert_non_null(strstr(out.data, "write node4's file  [node4]"));
    assert_non_null(strstr(out.data, "+another change"));
    g_plan_full = 1;
    assert_int_equal(
        run_engine(f, ENGINE_REHEARSAL, "run", "fold_group", 2, argv, &out, NULL, 1, 0, NULL),
        DR_EXIT_OK);
    g_plan_full = 0;
    assert_null(strstr(out.data, "= the same"));
    assert_non_null(strstr(out.data, "write node2's file  [node2]"));
    assert_non_null(strstr(out.data, "write node3's file  [node3]"));
    dr_buf_free(&out);
}

static void test_run_then_rollback_restores_bytes(void **state)
{
    struct fixture *f = *state;
    seed_old(f);
    assert_int_equal(run_three(f, ENGINE_REAL, NULL, NULL), DR_EXIT_OK);
    expect_file(f, "f1", "file 1 v2\n");
    expect_file(f, "f2", "file 2 v2\n");
    char id[80];
    newest_run(f, id, sizeof id);
    dr_buf out = DR_BUF_INIT;
    assert_int_equal(run_engine(f, ENGINE_REAL, "rollback", id, 0, NULL, NULL, NULL, 1, 0, NULL),
                     DR_EXIT_OK);
    expect_file(f, "f1", "old 1\n");
    size_t n;
    char *f2 = get(f, "f2", &n);
    assert_int_equal(n, 7);
    assert_memory_equal(f2, "old\0two", 7);
    free(f2);
    dr_buf_free(&out);
}

static void test_rollback_removes_created_file(void **state)
{
    struct fixture *f = *state;
    put(f, "f1", "old 1\n", 6);
    put(f, "f3", "old 3\n", 6);
    assert_int_equal(run_three(f, ENGINE_REAL, NULL, NULL), DR_EXIT_OK);
    char id[80];
    newest_run(f, id, sizeof id);
    assert_int_equal(run_engine(f, ENGINE_REAL, "rollback", id, 0, NULL, NULL, NULL, 1, 0, NULL),
                     DR_EXIT_OK);
    size_t n;
    assert_null(get(f, "f2", &n));
    expect_file(f, "f3", "old 3\n");
}

/* SIGKILL inside each step, before and after its write, then resume: the
 * end state is the one of an uninterrupted run. */
static void test_sigkill_in_every_step_then_resume(void **state)
{
    struct fixture *f = *state;
    const char *where[] = {"before", "after"};
    for (int step = 1; step <= 3; step++) {
        for (int w = 0; w < 2; w++) {
            seed_old(f);
            char marker[400];
            snprintf(marker, sizeof marker, "%s/files/crash-%d-%s", f->dir, step, where[w]);
            put(f, strrchr(marker, '/') + 1, "", 0);
            pid_t pid = fork();
            assert_true(pid >= 0);
            if (pid == 0) {
                run_three(f, ENGINE_REAL, NULL, NULL);
                _exit(0);
            }
            int st;
            waitpid(pid, &st, 0);
            assert_true(WIFSIGNALED(st));
            assert_int_equal(WTERMSIG(st), SIGKILL);
            char id[80];
            newest_run(f, id, sizeof id);
            dr_buf errb = DR_BUF_INIT;
            int code = run_engine(f, ENGINE_REAL, "resume", id, 0, NULL, NULL, &errb, 1, 0, NULL);
            if (code != DR_EXIT_OK)
                fprintf(stderr, "resume after crash in step %d %s: %s\n", step, where[w],
                        errb.data);
            assert_int_equal(code, DR_EXIT_OK);
            dr_buf_free(&errb);
            expect_file(f, "f1", "file 1 v2\n");
            expect_file(f, "f2", "file 2 v2\n");
            expect_file(f, "f3", "file 3 v2\n");
            /* a finished run does not resume twice */
            assert_int_equal(
                run_engine(f, ENGINE_REAL, "resume", id, 0, NULL, NULL, NULL, 1, 0, NULL),
                DR_EXIT_USAGE);
        }
    }
}

static void test_resume_refuses_when_precondition_moved(void **state)
{
    struct fixture *f = *state;
    seed_old(f);
    put(f, "crash-2-before", "", 0);
    pid_t pid = fork();
    if (pid == 0) {
        run_three(f, ENGINE_REAL, NULL, NULL);
        _exit(0);
    }
    int st;
    waitpid(pid, &st, 0);
    assert_true(WIFSIGNALED(st));
    put(f, "f2", "edited by someone\n", 18);
    char id[80];
    newest_run(f, id, sizeof id);
    dr_buf errb = DR_BUF_INIT;
    assert_int_equal(run_engine(f, ENGINE_REAL, "resume", id, 0, NULL, NULL, &errb, 1, 0, NULL),
                     DR_EXIT_REFUSED);
    assert_non_null(strstr(errb.data, "precondition changed"));
    assert_non_null(strstr(errb.data, "write f2"));
    expect_file(f, "f2", "edited by someone\n");
    dr_buf_free(&errb);
}

/* Runs pair_files in a child killed by DRCTL_CRASH_AT=point; returns its run id. */
static void run_pair_killed_at(const struct fixture *f, const char *point, char *id, size_t n)
{
    char dir[300];
    snprintf(dir, sizeof dir, "%s/files", f->dir);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        setenv("DRCTL_CRASH_AT", point, 1);
        char *argv[] = {"--dir", dir};
        run_engine(f, ENGINE_REAL, "run", "pair_files", 2, argv, NULL, NULL, 1, 0, NULL);
        _exit(0);
    }
    int st;
    waitpid(pid, &st, 0);
    assert_true(WIFSIGNALED(st));
    assert_int_equal(WTERMSIG(st), SIGKILL);
    newest_run(f, id, n);
}

/* Killed after the step's second write (its observation, cfg's hash, moved
 * by that write): resume finishes the step instead of refusing; a hash
 * moved by someone else is still refused. */
static void test_resume_accepts_own_journaled_write(void **state)
{
    struct fixture *f = *state;
    const char *points[] = {"effect:1", "effect:2", "step:1:act"};
    for (size_t i = 0; i < sizeof points / sizeof *points; i++) {
        put(f, "cfg", "cfg old\n", 8);
        put(f, "dyn", "dyn old\n", 8);
        char id[80];
        run_pair_killed_at(f, points[i], id, sizeof id);
        dr_buf errb = DR_BUF_INIT;
        int code = run_engine(f, ENGINE_REAL, "resume", id, 0, NULL, NULL, &errb, 1, 0, NULL);
        if (code != DR_EXIT_OK)
            fprintf(stderr, "resume after a kill at %s: %s\n", points[i], errb.data);
        assert_int_equal(code, DR_EXIT_OK);
        dr_buf_free(&errb);
        expect_file(f, "dyn", "dyn v2\n");
        expect_file(f, "cfg", "cfg v2\n");
    }
    put(f, "cfg", "cfg old\n", 8);
    char id[80];
    run_pair_killed_at(f, "effect:2", id, sizeof id);
    put(f, "cfg", "cfg edited by someone\n", 22);
    dr_buf errb = DR_BUF_INIT;
    assert_int_equal(run_engine(f, ENGINE_REAL, "resume", id, 0, NULL, NULL, &errb, 1, 0, NULL),
                     DR_EXIT_REFUSED);
    assert_non_null(strstr(errb.data, "precondition changed"));
    expect_file(f, "cfg", "cfg edited by someone\n");
    dr_buf_free(&errb);
}

static int run_group(const struct fixture *f, const char *fail, const char *limit, const char *wait,
                     dr_buf *errb)
{
    char dir[300];
    snprintf(dir, sizeof dir, "%s/files", f->dir);
    char *argv[] = {"--dir",   dir,           "--fail", (char *)fail,
                    "--limit", (char *)limit, "--wait", (char *)wait};
    return run_engine(f, ENGINE_REAL, "run", "group_files", 8, argv, NULL, errb, 1, 0, NULL);
}

/* Each member waits for the others to start: the run ends only when the
 * members really overlap. */
static void test_group_members_overlap(void **state)
{
    struct fixture *f = *state;
    seed_old(f);
    dr_buf errb = DR_BUF_INIT;
    int code = run_group(f, "0", "0", "5", &errb);
    if (code != DR_EXIT_OK)
        fprintf(stderr, "group run: %s\n", errb.data);
    assert_int_equal(code, DR_EXIT_OK);
    expect_file(f, "f1", "file 1 v2\n");
    expect_file(f, "f2", "file 2 v2\n");
    expect_file(f, "f3", "file 3 v2\n");
    expect_file(f, "sum", "60\n");
    /* one member at a time: the first waits for the others in vain */
    seed_old(f);
    char sum[300];
    snprintf(sum, sizeof sum, "%s/files/sum", f->dir);
    unlink(sum);
    code = run_group(f, "0", "1", "0.3", &errb);
    assert_int_equal(code, DR_EXIT_FAIL);
    assert_non_null(strstr(errb.data, "group 'write the files': 1 of 3 steps failed"));
    assert_non_null(strstr(errb.data, "waiting for every member started"));
    expect_file(f, "f1", "old 1\n");
    assert_null(get(f, "sum", NULL));
    dr_buf_free(&errb);
}

/* A failing member lets the running ones finish; the group then fails with
 * every failure named, and the steps after it do not run. */
static void test_group_failure_lets_others_finish(void **state)
{
    struct fixture *f = *state;
    seed_old(f);
    dr_buf errb = DR_BUF_INIT;
    assert_int_equal(run_group(f, "2", "0", "5", &errb), DR_EXIT_FAIL);
    assert_non_null(strstr(errb.data, "1 of 3 steps failed"));
    assert_non_null(strstr(errb.data, "'write f2' failed"));
    assert_non_null(strstr(errb.data, "member 2 fails as asked"));
    expect_file(f, "f1", "file 1 v2\n");
    expect_file(f, "f3", "file 3 v2\n");
    assert_null(get(f, "sum", NULL));
    dr_buf_free(&errb);
}

/* SIGKILL inside each member in turn, then resume: the same end state as
 * an uninterrupted run. */
static void test_group_sigkill_then_resume(void **state)
{
    struct fixture *f = *state;
    const char *where[] = {"before", "after"};
    for (int m = 1; m <= 3; m++) {
        for (int w = 0; w < 2; w++) {
            seed_old(f);
            char marker[64];
            snprintf(marker, sizeof marker, "crash-%d-%s", m, where[w]);
            put(f, marker, "", 0);
            char sum[300];
            snprintf(sum, sizeof sum, "%s/files/sum", f->dir);
            unlink(sum);
            pid_t pid = fork();
            assert_true(pid >= 0);
            if (pid == 0) {
                run_group(f, "0", "0", "5", NULL);
                _exit(0);
            }
            int st;
            waitpid(pid, &st, 0);
            assert_true(WIFSIGNALED(st));
            assert_null(get(f, "sum", NULL));
            char id[80];
            newest_run(f, id, sizeof id);
            dr_buf errb = DR_BUF_INIT;
            int code = run_engine(f, ENGINE_REAL, "resume", id, 0, NULL, NULL, &errb, 1, 0, NULL);
            if (code != DR_EXIT_OK)
                fprintf(stderr, "resume after crash in member %d %s: %s\n", m, where[w], errb.data);
            assert_int_equal(code, DR_EXIT_OK);
            dr_buf_free(&errb);
            expect_file(f, "f1", "file 1 v2\n");
            expect_file(f, "f2", "file 2 v2\n");
            expect_file(f, "f3", "file 3 v2\n");
            size_t n;
            char *s = get(f, "sum", &n);
            assert_non_null(s);
            free(s);
        }
    }
}

/* A step marked redo_on_resume runs again on resume; the others do not. */
static void test_redo_on_resume(void **state)
{
    struct fixture *f = *state;
    char dir[300];
    snprintf(dir, sizeof dir, "%s/files", f->dir);
    put(f, "crash", "", 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        char *argv[] = {"--dir", dir};
        run_engine(f, ENGINE_REAL, "run", "redo_lock", 2, argv, NULL, NULL, 1, 0, NULL);
        _exit(0);
    }
    int st;
    waitpid(pid, &st, 0);
    assert_true(WIFSIGNALED(st));
    expect_file(f, "held", "held\n");
    char id[80];
    newest_run(f, id, sizeof id);
    assert_int_equal(run_engine(f, ENGINE_REAL, "resume", id, 0, NULL, NULL, NULL, 1, 0, NULL),
                     DR_EXIT_OK);
    expect_file(f, "held", "held\nheld\n");
    expect_file(f, "work", "done\n");
}

static void test_second_run_refused_by_lock(void **state)
{
    struct fixture *f = *state;
    seed_old(f);
    dr_err err = {0};
    int fd;
    mkdir(f->state, 0700);
    assert_int_equal(journal_lock(f->state, "20260101-000000-abcd", "failover", &fd, &err), DR_OK);
    /* flock is per open file: a child process sees the lock held */
    pid_t pid = fork();
    if (pid == 0) {
        dr_buf errb = DR_BUF_INIT;
        int code = run_three(f, ENGINE_REAL, NULL, &errb);
        int ok = code == DR_EXIT_REFUSED && strstr(errb.data, "20260101-000000-abcd") &&
                 strstr(errb.data, "since");
        _exit(ok ? 0 : 1);
    }
    int st;
    waitpid(pid, &st, 0);
    journal_unlock(fd);
    assert_true(WIFEXITED(st));
    assert_int_equal(WEXITSTATUS(st), 0);
    expect_file(f, "f1", "old 1\n");
}

static void test_sandbox_escapes_fail_with_position(void **state)
{
    struct fixture *f = *state;
    const char *hows[] = {"os", "io", "binary", "loadb", "debug", "global"};
    for (size_t i = 0; i < sizeof hows / sizeof hows[0]; i++) {
        char *argv[] = {"--how", (char *)hows[i]};
        dr_buf errb = DR_BUF_INIT;
        unlink("/tmp/drctl-escaped");
        int code = run_engine(f, ENGINE_REAL, "run", "escape", 2, argv, NULL, &errb, 1, 0, NULL);
        assert_int_equal(code, DR_EXIT_FAIL);
        assert_non_null(strstr(errb.data, "escape.lua:"));
        assert_int_equal(access("/tmp/drctl-escaped", F_OK), -1);
        dr_buf_free(&errb);
    }
}

static void test_mutation_outside_step_refused(void **state)
{
    struct fixture *f = *state;
    char dir[300];
    snprintf(dir, sizeof dir, "%s/files", f->dir);
    char *argv[] = {"--dir", dir};
    dr_buf errb = DR_BUF_INIT;
    assert_int_equal(
        run_engine(f, ENGINE_REAL, "run", "outside_step", 2, argv, NULL, &errb, 1, 0, NULL),
        DR_EXIT_FAIL);
    assert_non_null(strstr(errb.data, "outside a step"));
    size_t n;
    assert_null(get(f, "x", &n));
    dr_buf_free(&errb);
}

static void test_cooldown_and_forced_reason(void **state)
{
    struct fixture *f = *state;
    char *argv[] = {"--to", "dallas"};
    assert_int_equal(run_engine(f, ENGINE_REAL, "run", "switch", 2, argv, NULL, NULL, 1, 0, NULL),
                     DR_EXIT_OK);
    dr_buf errb = DR_BUF_INIT;
    assert_int_equal(run_engine(f, ENGINE_REAL, "run", "switch", 2, argv, NULL, &errb, 1, 0, NULL),
                     DR_EXIT_REFUSED);
    assert_non_null(strstr(errb.data, "cooldown"));
    assert_int_equal(
        run_engine(f, ENGINE_REAL, "run", "switch", 2, argv, NULL, &errb, 1, 1, "drill on staging"),
        DR_EXIT_OK);
    char id[80];
    newest_run(f, id, sizeof id);
    dr_buf j = DR_BUF_INIT;
    dr_err err = {0};
    assert_int_equal(journal_read(f->state, id, &j, &err), DR_OK);
    assert_non_null(strstr(j.data, "force_reason=\"drill on staging\""));
    dr_buf_free(&j);
    dr_buf_free(&errb);
}

static void test_confirmation_needed_without_yes(void **state)
{
    struct fixture *f = *state;
    char *argv[] = {"--to", "dallas"};
    int saved = dup(0);
    int devnull = open("/dev/null", O_RDONLY);
    dup2(devnull, 0);
    dr_buf errb = DR_BUF_INIT;
    int code = run_engine(f, ENGINE_REAL, "run", "switch", 2, argv, NULL, &errb, 0, 0, NULL);
    dup2(saved, 0);
    close(saved), close(devnull);
    assert_int_equal(code, DR_EXIT_REFUSED);
    assert_non_null(strstr(errb.data, "--yes"));
    dr_buf_free(&errb);
}

static void journal_path(const struct fixture *f, const char *id, char *path, size_t n)
{
    snprintf(path, n, "%s/runs/%s/journal.lua", f->state, id);
}

/* A crash cut the journal's last record short: resume cuts the torn tail
 * off, goes on, and the journal reads in full afterwards. */
static void test_resume_after_torn_record(void **state)
{
    struct fixture *f = *state;
    seed_old(f);
    put(f, "crash-2-after", "", 0);
    pid_t pid = fork();
    if (pid == 0) {
        run_three(f, ENGINE_REAL, NULL, NULL);
        _exit(0);
    }
    int st;
    waitpid(pid, &st, 0);
    char id[80], path[400];
    newest_run(f, id, sizeof id);
    journal_path(f, id, path, sizeof path);
    FILE *j = fopen(path, "a");
    fputs("@33:0badf00d:{t=\"step_end\",n=2,sta", j);
    fclose(j);
    dr_buf errb = DR_BUF_INIT;
    assert_int_equal(run_engine(f, ENGINE_REAL, "resume", id, 0, NULL, NULL, &errb, 1, 0, NULL),
                     DR_EXIT_OK);
    expect_file(f, "f3", "file 3 v2\n");
    journal_scan s;
    dr_err err = {0};
    assert_int_equal(journal_scan_run(f->state, id, &s, &err), DR_OK);
    assert_false(s.corrupt);
    assert_false(s.torn);
    journal_scan_free(&s);
    assert_int_equal(run_engine(f, ENGINE_REAL, "runs", id, 0, NULL, NULL, NULL, 1, 0, NULL),
                     DR_EXIT_OK);
    dr_buf_free(&errb);
}

/* NUL bytes inside a finished run's journal: resume refuses (exit 3) naming
 * the byte, changes nothing; runs lists the run as corrupt and exits 1. */
static void test_nul_holed_journal_refused(void **state)
{
    struct fixture *f = *state;
    seed_old(f);
    assert_int_equal(run_three(f, ENGINE_REAL, NULL, NULL), DR_EXIT_OK);
    char id[80], path[400];
    newest_run(f, id, sizeof id);
    journal_path(f, id, path, sizeof path);
    dr_buf text = DR_BUF_INIT;
    dr_err err = {0};
    assert_int_equal(dr_read_file(path, &text, &err), DR_OK);
    const char *hole = strstr(text.data, "write f2");
    assert_non_null(hole);
    long at = (long)(hole - text.data);
    int fd = open(path, O_WRONLY);
    char zeros[64] = {0};
    assert_int_equal(pwrite(fd, zeros, sizeof zeros, at), (ssize_t)sizeof zeros);
    close(fd);
    dr_buf_free(&text);
    put(f, "f2", "moved on\n", 9);
    dr_buf errb = DR_BUF_INIT;
    assert_int_equal(run_engine(f, ENGINE_REAL, "resume", id, 0, NULL, NULL, &errb, 1, 0, NULL),
                     DR_EXIT_REFUSED);
    char where[64];
    snprintf(where, sizeof where, "corrupt at byte %ld", at);
    assert_non_null(strstr(errb.data, where));
    assert_null(strstr(errb.data, "stack traceback"));
    expect_file(f, "f2", "moved on\n");
    dr_buf out = DR_BUF_INIT;
    assert_int_equal(run_engine(f, ENGINE_REAL, "runs", NULL, 0, NULL, &out, &errb, 1, 0, NULL),
                     DR_EXIT_FAIL);
    assert_non_null(strstr(out.data, id));
    assert_non_null(strstr(out.data, "CORRUPT"));
    /* a rollback from a damaged journal would restore only part of the run */
    assert_int_equal(run_engine(f, ENGINE_REAL, "rollback", id, 0, NULL, NULL, &errb, 1, 0, NULL),
                     DR_EXIT_REFUSED);
    expect_file(f, "f2", "moved on\n");
    dr_buf_free(&out);
    dr_buf_free(&errb);
}

/* A runbook that never ends is stopped by its deadline, with its line. */
static void test_endless_runbook_stopped_by_deadline(void **state)
{
    struct fixture *f = *state;
    const char *wheres[] = {"main", "step"};
    for (int i = 0; i < 2; i++) {
        char *argv[] = {"--where", (char *)wheres[i]};
        dr_buf errb = DR_BUF_INIT;
        int64_t t0 = dr_now_ms();
        int code = run_engine(f, ENGINE_REAL, "run", "loop", 2, argv, NULL, &errb, 1, 0, NULL);
        assert_int_equal(code, DR_EXIT_FAIL);
        assert_true(dr_now_ms() - t0 < 20000);
        assert_non_null(strstr(errb.data, "loop.lua:"));
        assert_non_null(strstr(errb.data, "deadline"));
        assert_null(strstr(errb.data, "stack traceback"));
        dr_buf_free(&errb);
    }
}

/* string, table and the dr modules are read-only to runbooks: no change
 * reaches a chunk loaded later. */
static void test_shared_tables_read_only(void **state)
{
    struct fixture *f = *state;
    const char *hows[] = {"format", "rawset", "dr", "global", "table"};
    for (size_t i = 0; i < sizeof hows / sizeof hows[0]; i++) {
        char *argv[] = {"--how", (char *)hows[i]};
        dr_buf errb = DR_BUF_INIT;
        int code = run_engine(f, ENGINE_REAL, "run", "tamper", 2, argv, NULL, &errb, 1, 0, NULL);
        if (code != DR_EXIT_OK)
            fprintf(stderr, "tamper %s: %s\n", hows[i], errb.data);
        assert_int_equal(code, DR_EXIT_OK);
        dr_buf_free(&errb);
    }
}

/* SIGTERM during a step: the step finishes, the run stops before the next
 * one, journals its end as interrupted; resume completes it. */
static void test_sigterm_stops_at_safe_point_then_resume(void **state)
{
    struct fixture *f = *state;
    seed_old(f);
    put(f, "term-1", "", 0);
    dr_buf errb = DR_BUF_INIT;
    assert_int_equal(run_three(f, ENGINE_REAL, NULL, &errb), DR_EXIT_FAIL);
    assert_non_null(strstr(errb.data, "interrupted by SIGTERM"));
    assert_non_null(strstr(errb.data, "resume"));
    expect_file(f, "f1", "file 1 v2\n");
    expect_file(f, "f2", "old\0two"); /* compared as a C string: "old" */
    char id[80];
    newest_run(f, id, sizeof id);
    dr_buf j = DR_BUF_INIT;
    dr_err err = {0};
    assert_int_equal(journal_read(f->state, id, &j, &err), DR_OK);
    assert_non_null(strstr(j.data, "t=\"end\""));
    assert_non_null(strstr(j.data, "status=\"interrupted\""));
    dr_buf_free(&j);
    assert_int_equal(run_engine(f, ENGINE_REAL, "resume", id, 0, NULL, NULL, &errb, 1, 0, NULL),
                     DR_EXIT_OK);
    expect_file(f, "f2", "file 2 v2\n");
    expect_file(f, "f3", "file 3 v2\n");
    dr_buf_free(&errb);
}

/* A run rolled back once is refused a second rollback (exit 3); an unknown
 * run is bad usage (exit 2) and journals no rollback run. */
static void test_rollback_twice_refused_and_unknown_run(void **state)
{
    struct fixture *f = *state;
    seed_old(f);
    assert_int_equal(run_three(f, ENGINE_REAL, NULL, NULL), DR_EXIT_OK);
    char id[80];
    newest_run(f, id, sizeof id);
    assert_int_equal(run_engine(f, ENGINE_REAL, "rollback", id, 0, NULL, NULL, NULL, 1, 0, NULL),
                     DR_EXIT_OK);
    expect_file(f, "f1", "old 1\n");
    put(f, "f1", "changed since\n", 14);
    dr_buf errb = DR_BUF_INIT;
    assert_int_equal(run_engine(f, ENGINE_REAL, "rollback", id, 0, NULL, NULL, &errb, 1, 0, NULL),
                     DR_EXIT_REFUSED);
    assert_non_null(strstr(errb.data, "already rolled back"));
    expect_file(f, "f1", "changed since\n");
    dr_buf ids = DR_BUF_INIT;
    size_t before = 0, after = 0;
    dr_err err = {0};
    journal_list_runs(f->state, &ids, &before, &err);
    dr_buf_reset(&ids);
    assert_int_equal(run_engine(f, ENGINE_REAL, "rollback", "20990101-000000-00000", 0, NULL, NULL,
                                &errb, 1, 0, NULL),
                     DR_EXIT_USAGE);
    assert_null(strstr(errb.data, "stack traceback"));
    journal_list_runs(f->state, &ids, &after, &err);
    assert_int_equal(before, after);
    dr_buf_free(&ids);
    dr_buf_free(&errb);
}

/* The state disk fills during a run (a file size limit stands in): the
 * run stops before the change whose checkpoint could not be saved, says
 * where the sites stand and that resume continues; resume then does. */
static void test_full_state_disk_says_resume(void **state)
{
    struct fixture *f = *state;
    seed_old(f);
    assert_int_equal(run_three(f, ENGINE_REAL, NULL, NULL), DR_EXIT_OK);
    char id[80], path[400];
    newest_run(f, id, sizeof id);
    journal_path(f, id, path, sizeof path);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    seed_old(f);
    pid_t pid = fork();
    if (pid == 0) {
        signal(SIGXFSZ, SIG_IGN);
        struct rlimit rl = {(rlim_t)st.st_size / 2, (rlim_t)st.st_size / 2};
        setrlimit(RLIMIT_FSIZE, &rl);
        _exit(run_three(f, ENGINE_REAL, NULL, NULL));
    }
    int status;
    waitpid(pid, &status, 0);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), DR_EXIT_FAIL);
    char errp[300];
    snprintf(errp, sizeof errp, "%s/stderr", f->dir);
    dr_buf errb = DR_BUF_INIT;
    dr_err err = {0};
    assert_int_equal(dr_read_file(errp, &errb, &err), DR_OK);
    assert_non_null(strstr(errb.data, "cannot be written"));
    assert_non_null(strstr(errb.data, "finished step"));
    assert_non_null(strstr(errb.data, "resume"));
    newest_run(f, id, sizeof id);
    assert_int_equal(run_engine(f, ENGINE_REAL, "resume", id, 0, NULL, NULL, &errb, 1, 0, NULL),
                     DR_EXIT_OK);
    expect_file(f, "f1", "file 1 v2\n");
    expect_file(f, "f3", "file 3 v2\n");
    dr_buf_free(&errb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_rehearsal_changes_nothing_and_shows_diffs, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_run_then_rollback_restores_bytes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rollback_removes_created_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sigkill_in_every_step_then_resume, setup, teardown),
        cmocka_unit_test_setup_teardown(test_resume_refuses_when_precondition_moved, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_resume_accepts_own_journaled_write, setup, teardown),
        cmocka_unit_test_setup_teardown(test_group_members_overlap, setup, teardown),
        cmocka_unit_test_setup_teardown(test_plan_folds_identical_members, setup, teardown),
        cmocka_unit_test_setup_teardown(test_group_failure_lets_others_finish, setup, teardown),
        cmocka_unit_test_setup_teardown(test_group_sigkill_then_resume, setup, teardown),
        cmocka_unit_test_setup_teardown(test_redo_on_resume, setup, teardown),
        cmocka_unit_test_setup_teardown(test_second_run_refused_by_lock, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sandbox_escapes_fail_with_position, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mutation_outside_step_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cooldown_and_forced_reason, setup, teardown),
        cmocka_unit_test_setup_teardown(test_confirmation_needed_without_yes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_resume_after_torn_record, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nul_holed_journal_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_endless_runbook_stopped_by_deadline, setup, teardown),
        cmocka_unit_test_setup_teardown(test_shared_tables_read_only, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sigterm_stops_at_safe_point_then_resume, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_rollback_twice_refused_and_unknown_run, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_full_state_disk_says_resume, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
