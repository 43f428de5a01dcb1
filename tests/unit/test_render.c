/* Unit tests for render: the CLI's views of an engine_result built by hand
 * (no engine, no Lua): the plan text with a folded step group, drctl.run/1,
 * the summary, the runs table and drctl.runs/1, and the exit codes the CLI
 * maps the engine's status to. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "cli.h"
#include "cmd_common.h"
#include "json.h"
#include "render.h"

static json_t *effect(const char *kind, const char *host, const char *summary, const char *diff)
{
    json_t *e = json_object();
    json_set(e, "kind", json_cstr(kind));
    json_set(e, "host", json_cstr(host));
    json_set(e, "summary", json_cstr(summary));
    if (diff)
        json_set(e, "diff", json_cstr(diff));
    return e;
}

/* An empty, successful rehearsal of runbook rb. */
static void rehearsal(engine_result *r, const char *rb)
{
    memset(r, 0, sizeof *r);
    r->status = ENGINE_OK;
    r->outcome = "ok";
    r->mode = ENGINE_REHEARSAL;
    r->runbook = strdup(rb);
    r->steps = json_array();
}

/* A rehearsal of "restart": a fence step, then a group of three members on
 * ch1..ch3 that restart their own host (the same change, each with its own
 * name), then a config write on ch1 whose diff is shown. */
static void sample(engine_result *r)
{
    rehearsal(r, "restart");
    r->duration_ms = 1500;
    json_t *st = json_object();
    json_set(st, "name", json_cstr("fence chicago"));
    json_set(st, "status", json_cstr("planned"));
    json_set(st, "ms", json_integer(250));
    json_set(st, "wall_start_ms", json_integer(1700000000000));
    json_t *notes = json_array();
    json_array_append_new(notes, json_cstr("nothing listens there"));
    json_set(st, "notes", notes);
    json_set(st, "effects", json_array());
    json_array_append_new(r->steps, st);
    const char *hosts[] = {"ch1", "ch2", "ch3"};
    for (int i = 0; i < 3; i++) {
        st = json_object();
        char name[32], cmd[64];
        snprintf(name, sizeof name, "restart %s", hosts[i]);
        snprintf(cmd, sizeof cmd, "systemctl restart clickhouse # %s", hosts[i]);
        json_set(st, "name", json_cstr(name));
        json_set(st, "host", json_cstr(hosts[i]));
        json_set(st, "group", json_cstr("restart the nodes"));
        json_set(st, "group_first", json_boolean(i == 0));
        json_set(st, "group_size", json_integer(3));
        json_set(st, "notes", json_array());
        json_t *effs = json_array();
        json_array_append_new(effs, effect("exec", hosts[i], cmd, NULL));
        json_set(st, "effects", effs);
        json_array_append_new(r->steps, st);
    }
    st = json_object();
    json_set(st, "name", json_cstr("write config"));
    json_set(st, "host", json_cstr("ch1"));
    json_t *effs = json_array();
    json_t *w = effect("write_file", "ch1", "/etc/x.xml", "--- a\n+++ b\n-old\n+new\n");
    json_set(w, "path", json_cstr("/etc/x.xml"));
    json_set(w, "diff_sha256", json_cstr("abc"));
    json_array_append_new(effs, w);
    json_set(st, "effects", effs);
    json_array_append_new(r->steps, st);
    r->metrics = json_object();
    json_set(r->metrics, "rto_seconds", json_real(1.5));
}

static void test_plan_text(void **state)
{
    (void)state;
    engine_result r;
    sample(&r);
    dr_buf b = DR_BUF_INIT;
    render_plan_text(&r, 0, &b);
    assert_string_equal(b.data, "Rehearsal of restart: 5 steps, nothing was changed.\n"
                                "\n 1. fence chicago\n"
                                "    # nothing listens there\n"
                                "\n 2-4. at the same time: restart the nodes\n"
                                "\n 2.   restart ch1\n"
                                "    ch1$ systemctl restart clickhouse # ch1\n"
                                "    = the same (each with its own name) on 2 more (--full shows "
                                "each): ch2, ch3\n"
                                "\n 5. write config  [ch1]\n"
                                "    ch1: /etc/x.xml\n"
                                "      --- a\n      +++ b\n      -old\n      +new\n");
    dr_buf_reset(&b);
    render_plan_text(&r, 1, &b); /* --full: every member */
    assert_non_null(strstr(b.data, "\n 4.   restart ch3\n    ch3$ systemctl restart"));
    assert_null(strstr(b.data, "= the same"));
    dr_buf_free(&b);
    engine_result_free(&r);
}

/* The plan keeps one diff per distinct change, with ENGINE_DIFF_PATH ("\001")
 * where the path goes in its two header lines (a body line holding the
 * byte stays as it is): the text and --json show each host's own path, and
 * two hosts making the same change under paths holding their names fold
 * into one, "each with its own name". */
static void template_sample(engine_result *r)
{
    rehearsal(r, "failover");
    json_t *diff = json_cstr("--- a/\001\n+++ b/\001\n@@ -1 +1 @@\n-x\001\n+y\n");
    const char *hosts[] = {"ch1", "ch2"};
    for (int i = 0; i < 2; i++) {
        json_t *st = json_object();
        char path[64];
        snprintf(path, sizeof path, "/srv/%s/remote_servers.xml", hosts[i]);
        json_set(st, "name", json_cstr("drop chicago"));
        json_set(st, "host", json_cstr(hosts[i]));
        json_set(st, "group", json_cstr("drop chicago from the umbrella cluster"));
        json_set(st, "group_first", json_boolean(i == 0));
        json_set(st, "group_size", json_integer(2));
        json_t *w = effect("write_file", hosts[i], "write remote_servers.xml", NULL);
        json_set(w, "path", json_cstr(path));
        json_set(w, "diff", json_incref(diff)); /* one string for both */
        json_t *effs = json_array();
        json_array_append_new(effs, w);
        json_set(st, "effects", effs);
        json_array_append_new(r->steps, st);
    }
    json_decref(diff);
    r->metrics = json_object();
}

static void test_plan_diff_template(void **state)
{
    (void)state;
    engine_result r;
    template_sample(&r);
    dr_buf b = DR_BUF_INIT;
    render_plan_text(&r, 0, &b);
    assert_string_equal(b.data,
                        "Rehearsal of failover: 2 steps, nothing was changed.\n"
                        "\n 1-2. at the same time: drop chicago from the umbrella cluster\n"
                        "\n 1.   drop chicago  [ch1]\n"
                        "    ch1: write remote_servers.xml\n"
                        "      --- a/srv/ch1/remote_servers.xml\n"
                        "      +++ b/srv/ch1/remote_servers.xml\n"
                        "      @@ -1 +1 @@\n      -x\001\n      +y\n"
                        "    = the same (each with its own name) on 1 more (--full shows each): "
                        "ch2\n");
    dr_buf_reset(&b);
    render_plan_text(&r, 1, &b);
    assert_non_null(strstr(b.data, "ch2: write remote_servers.xml\n"
                                   "      --- a/srv/ch2/remote_servers.xml\n"
                                   "      +++ b/srv/ch2/remote_servers.xml\n"));
    dr_buf_reset(&b);
    render_run_json(&r, &b);
    dr_err err = {0};
    json_t *d = json_parse(b.data, b.len, &err);
    assert_non_null(d);
    json_t *e1 = json_array_get(
        json_object_get(json_array_get(json_object_get(d, "steps"), 1), "effects"), 0);
    assert_string_equal(json_string_value(json_object_get(e1, "diff")),
                        "--- a/srv/ch2/remote_servers.xml\n+++ b/srv/ch2/remote_servers.xml\n"
                        "@@ -1 +1 @@\n-x\001\n+y\n");
    json_decref(d);
    /* the result itself is left as it was: one template */
    json_t *st0 = json_array_get(r.steps, 0);
    json_t *ef0 = json_array_get(json_object_get(st0, "effects"), 0);
    assert_string_equal(json_string_value(json_object_get(ef0, "diff")),
                        "--- a/\001\n+++ b/\001\n@@ -1 +1 @@\n-x\001\n+y\n");
    dr_buf_free(&b);
    engine_result_free(&r);
}

static void test_run_json(void **state)
{
    (void)state;
    engine_result r;
    sample(&r);
    dr_buf b = DR_BUF_INIT;
    render_run_json(&r, &b);
    assert_int_equal(b.data[b.len - 1], '\n');
    assert_non_null(strstr(b.data, "{\"schema\":\"drctl.run/1\",\"runbook\":\"restart\","
                                   "\"mode\":\"rehearsal\",\"status\":\"ok\","
                                   "\"duration_seconds\":1.5,\"metrics\":{\"rto_seconds\":1.5},"
                                   "\"files\":[\"ch1 /etc/x.xml abc\"]"));
    dr_err err = {0};
    json_t *d = json_parse(b.data, b.len, &err);
    assert_non_null(d);
    json_t *s0 = json_array_get(json_object_get(d, "steps"), 0);
    assert_true(json_real_value(json_object_get(s0, "duration_seconds")) == 0.25);
    assert_string_equal(json_string_value(json_object_get(s0, "started")),
                        "2023-11-14T22:13:20.000Z");
    assert_null(json_object_get(s0, "ms"));
    assert_true(json_is_array(json_object_get(s0, "effects"))); /* empty, still a list */
    json_decref(d);
    /* the summary of a real run */
    r.mode = ENGINE_REAL;
    snprintf(r.run_id, sizeof r.run_id, "20260101-000000-abcd");
    dr_buf_reset(&b);
    render_summary(&r, &b);
    assert_non_null(strstr(b.data, "\nrestart 20260101-000000-abcd: ok\n"));
    assert_non_null(strstr(b.data, "    1  planned       0.2 s  fence chicago\n"));
    assert_non_null(strstr(b.data, "  rto_seconds = 1.5\n  total 1.5 s\n"));
    dr_buf_free(&b);
    engine_result_free(&r);
}

static void test_runs(void **state)
{
    (void)state;
    dr_err err = {0};
    const char *text =
        "[{\"run\":\"r1\",\"runbook\":\"failover\",\"status\":\"ok\",\"started_ms\":1000,"
        "\"ended_ms\":3500,\"params\":{\"to\":\"dallas\"}},"
        "{\"run\":\"r2\",\"runbook\":\"recover\",\"status\":\"corrupt\",\"error\":\"bad record\","
        "\"started_ms\":1000,\"ended_ms\":0,\"params\":{}},"
        "{\"run\":\"r3\",\"status\":\"unreadable\",\"error\":\"permission denied\"}]";
    json_t *runs = json_parse(text, strlen(text), &err);
    assert_non_null(runs);
    dr_buf b = DR_BUF_INIT;
    assert_int_equal(render_runs_table(runs, &b), 2);
    assert_non_null(strstr(b.data, "r1                      failover      ok              2.5s  "
                                   "--to dallas \n"));
    assert_non_null(strstr(b.data, "CORRUPT         0.0s  bad record\n"));
    assert_non_null(strstr(b.data, "r3                      ?             UNREADABLE          -  "
                                   "permission denied\n"));
    dr_buf_reset(&b);
    assert_int_equal(render_runs_json(runs, &b), 2);
    assert_non_null(strstr(b.data, "{\"schema\":\"drctl.runs/1\",\"runs\":[{\"run\":\"r1\","
                                   "\"runbook\":\"failover\",\"status\":\"ok\",\"started\":"
                                   "\"1970-01-01T00:00:01.000Z\",\"duration_seconds\":2.5,"
                                   "\"params\":{\"to\":\"dallas\"}}"));
    assert_non_null(strstr(b.data, "{\"run\":\"r3\",\"status\":\"unreadable\",\"error\":"
                                   "\"permission denied\"}]}\n"));
    dr_buf_free(&b);
    json_decref(runs);
}

static void test_exit_codes(void **state)
{
    (void)state;
    assert_int_equal(cmd_exit_code(ENGINE_OK), DR_EXIT_OK);
    assert_int_equal(cmd_exit_code(ENGINE_FAILED), DR_EXIT_FAIL);
    assert_int_equal(cmd_exit_code(ENGINE_INVALID), DR_EXIT_USAGE);
    assert_int_equal(cmd_exit_code(ENGINE_REFUSED), DR_EXIT_REFUSED);
    dr_buf b = DR_BUF_INIT;
    cmd_error_lines("refused: lock held\nto unblock: wait", &b);
    assert_string_equal(b.data, "drctl: refused: lock held\ndrctl: to unblock: wait\n");
    dr_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plan_text),  cmocka_unit_test(test_plan_diff_template),
        cmocka_unit_test(test_run_json),   cmocka_unit_test(test_runs),
        cmocka_unit_test(test_exit_codes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
