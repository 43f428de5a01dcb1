/* Lab tests for ch against the lab's real ClickHouse 18.16 servers ch1..ch4:
 * all four asked at once; a wrong password refused with a clear error that
 * does not carry it; ch3 made to fall behind (SYSTEM STOP FETCHES) and seen
 * behind, SYNC REPLICA with a short deadline giving "not caught up", then
 * caught up after START FETCHES + SYNC REPLICA; a running INSERT seen in
 * system.processes; a heartbeat written on ch1 and its lag read on ch3.
 * Fetches on ch3 are started again in the teardown, even when a test fails. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "ch.h"
#include "ch_lua.h"

#define NCH 4
static char host[NCH + 1][64]; /* host[1..4] = ch1..ch4 */
static char pwfile[1024];
static ch_client client;

static void backoff(int *delay_ms)
{
    struct timespec ts = {*delay_ms / 1000, (long)(*delay_ms % 1000) * 1000000L};
    nanosleep(&ts, NULL); /* between polls, always bounded by a deadline */
    *delay_ms = *delay_ms < 800 ? *delay_ms * 2 : 1000;
}

/* Runs a statement on ch<n>; fails the test on error. */
static void exec_on(int n, const char *sql)
{
    ch_request r;
    dr_err err = {0};
    ch_req_exec(&r, host[n], 0, sql, 15000);
    if (ch_run_one(&client, &r, &err) != DR_OK)
        fail_msg("ch%d: %s: %s", n, sql, err.msg);
    ch_request_free(&r);
}

static uint64_t count_on(int n, const char *table)
{
    char sql[200];
    snprintf(sql, sizeof sql, "SELECT count() AS n FROM %s", table);
    ch_request r;
    char *owned = NULL;
    dr_err err = {0};
    ch_req_select(&r, host[n], 0, sql, 10000, &owned);
    if (ch_run_one(&client, &r, &err) != DR_OK)
        fail_msg("ch%d: count: %s", n, err.msg);
    ch_table t;
    assert_int_equal(ch_parse_tsv("count", r.body.data, r.body.len, &t, &err), DR_OK);
    assert_int_equal(t.nrows, 1);
    uint64_t v = strtoull(ch_table_cell(&t, 0, 0), NULL, 10);
    ch_table_free(&t);
    ch_request_free(&r);
    free(owned);
    return v;
}

/* The events row of ch<n>'s system.replicas (copied into *out). */
static int events_replica(int n, ch_replica *out, dr_err *err)
{
    ch_replicas reps;
    int rc = ch_replicas_get(&client, host[n], 0, 5000, &reps, err);
    if (rc != DR_OK)
        return rc;
    rc = DR_ENOTFOUND;
    for (size_t i = 0; i < reps.n; i++)
        if (!strcmp(reps.items[i].database, "default") && !strcmp(reps.items[i].table, "events")) {
            *out = reps.items[i];
            out->database = out->table = out->replica_name = NULL;
            rc = DR_OK;
        }
    ch_replicas_free(&reps);
    return rc;
}

static void start_fetches(void)
{
    ch_request r;
    dr_err err = {0};
    ch_req_exec(&r, host[3], 0, "SYSTEM START FETCHES default.events", 10000);
    if (ch_run_one(&client, &r, &err) != DR_OK)
        fprintf(stderr, "labtest_ch: teardown: START FETCHES on ch3: %s\n", err.msg);
    ch_request_free(&r);
}

static int setup(void **state)
{
    (void)state;
    const char *net = getenv("DRCTL_LAB_NET");
    const char *dir = getenv("DRCTL_LAB_DIR");
    if (!dir) {
        fprintf(stderr, "labtest_ch: DRCTL_LAB_DIR is not set (run me through 'lab exec')\n");
        return -1;
    }
    for (int i = 1; i <= NCH; i++)
        snprintf(host[i], sizeof host[i], "%s.%d", net ? net : "127.0.0", 20 + i);
    snprintf(pwfile, sizeof pwfile, "%s/secrets/ch_password", dir);
    dr_err err = {0};
    if (ch_client_init(&client, "default", pwfile, NULL, &err) != DR_OK) {
        fprintf(stderr, "labtest_ch: %s\n", err.msg);
        return -1;
    }
    /* the fixture started the servers: wait until every replica is writable */
    int64_t deadline = dr_now_ms() + 90000;
    for (int i = 1; i <= NCH; i++) {
        int delay = 50;
        for (;;) {
            ch_replica r;
            int rc = events_replica(i, &r, &err);
            if (rc == DR_OK && !r.is_readonly && !r.is_session_expired)
                break;
            if (dr_now_ms() > deadline) {
                fprintf(stderr, "labtest_ch: ch%d not ready: %s\n", i,
                        rc ? err.msg : "events is read-only");
                return -1;
            }
            backoff(&delay);
        }
    }
    start_fetches(); /* a previous run cut short must not leave ch3 stopped */
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    start_fetches();
    ch_client_free(&client);
    return 0;
}

static int restore_fetches(void **state)
{
    (void)state;
    start_fetches();
    return 0;
}

static void test_all_four_at_once(void **state)
{
    (void)state;
    ch_request r[NCH];
    char *owned[NCH];
    for (int i = 0; i < NCH; i++)
        ch_req_select(&r[i], host[i + 1], 0,
                      "SELECT version() AS v, (SELECT any(substitution) FROM system.macros WHERE "
                      "macro = 'replica') AS replica, sleep(1) AS s",
                      10000, &owned[i]);
    dr_err err = {0};
    int64_t t0 = dr_now_ms();
    assert_int_equal(ch_run(&client, r, NCH, 20000, &err), 0);
    int64_t took = dr_now_ms() - t0;
    const char *replicas[NCH] = {"chi-01", "chi-02", "dal-01", "dal-02"};
    int64_t sum = 0;
    for (int i = 0; i < NCH; i++) {
        assert_int_equal(r[i].http_status, 200);
        assert_true(r[i].elapsed_ms >= 1000);
        sum += (int64_t)r[i].elapsed_ms;
        ch_table t;
        assert_int_equal(ch_parse_tsv("v", r[i].body.data, r[i].body.len, &t, &err), DR_OK);
        assert_string_equal(ch_table_cell(&t, 0, 0), "18.16.1");
        assert_string_equal(ch_table_cell(&t, 0, 1), replicas[i]);
        ch_table_free(&t);
        ch_request_free(&r[i]);
        free(owned[i]);
    }
    /* each server sleeps 1 s: one after the other, the call would last at
     * least the sum of the requests (4 s or more); together, far less */
    printf("labtest_ch: 4 servers, 1 s each, answered together in %" PRId64
           " ms (requests add up to %" PRId64 " ms)\n",
           took, sum);
    assert_true(took + 1000 <= sum);
}

static void test_wrong_password(void **state)
{
    (void)state;
    const char *wrong = "not-the-password-4711";
    setenv("DRCTL_LABTEST_CH_WRONG", wrong, 1);
    ch_client bad;
    dr_err err = {0};
    assert_int_equal(ch_client_init(&bad, "default", NULL, "DRCTL_LABTEST_CH_WRONG", &err), DR_OK);
    unsetenv("DRCTL_LABTEST_CH_WRONG");
    ch_replicas reps;
    assert_int_equal(ch_replicas_get(&bad, host[1], 0, 5000, &reps, &err), DR_EAUTH);
    printf("labtest_ch: wrong password: %s\n", err.msg);
    assert_non_null(strstr(err.msg, host[1]));
    assert_true(strstr(err.msg, "code 193") || strstr(err.msg, "code 516") ||
                strstr(err.msg, "code 192"));
    assert_non_null(strstr(err.msg, "Wrong password"));
    assert_null(strstr(err.msg, wrong));
    assert_null(strstr(err.msg, client.password));
    ch_client_free(&bad);
}

static void test_catch_up_view(void **state)
{
    (void)state;
    dr_err err = {0};
    exec_on(3, "SYSTEM STOP FETCHES default.events");
    /* distinct rows (identical blocks would be deduplicated) */
    char sql[300];
    int64_t base = dr_wall_ms() * 100;
    for (int i = 0; i < 3; i++) {
        snprintf(sql, sizeof sql,
                 "INSERT INTO default.events VALUES (today(), %" PRId64
                 ", 'chicago', 'labtest-%d')",
                 base + i, i);
        exec_on(1, sql);
    }
    /* ch3 sees the entries in its queue but cannot fetch them */
    ch_replica r = {0};
    int64_t deadline = dr_now_ms() + 30000;
    int delay = 50;
    for (;;) {
        assert_int_equal(events_replica(3, &r, &err), DR_OK);
        if (r.inserts_in_queue > 0 || r.absolute_delay > 0)
            break;
        if (dr_now_ms() > deadline)
            fail_msg("ch3 never showed the inserts in its queue");
        backoff(&delay);
    }
    const char *why = NULL;
    assert_false(ch_replica_caught_up(&r, &why));
    printf("labtest_ch: ch3 behind: queue_size=%" PRIu64 " inserts_in_queue=%" PRIu64
           " log_pointer=%" PRIu64 " log_max_index=%" PRIu64 " absolute_delay=%" PRIu64 " (%s)\n",
           r.queue_size, r.inserts_in_queue, r.log_pointer, r.log_max_index, r.absolute_delay, why);
    uint64_t n1 = count_on(1, "default.events"), n3 = count_on(3, "default.events");
    assert_true(n3 < n1);
    /* the server's own verdict, reported next to system.replicas */
    ch_replicas_status st;
    assert_int_equal(ch_replicas_status_get(&client, host[3], 0, 1, 5000, &st, &err), DR_OK);
    printf("labtest_ch: ch3 /replicas_status?verbose=1 while behind: HTTP %ld, \"%s\"\n",
           st.http_status, st.body);
    int seen = 0;
    for (size_t i = 0; i < st.n; i++)
        if (!strcmp(st.entries[i].table, "default.events"))
            seen = 1;
    assert_true(seen);
    ch_replicas_status_free(&st);

    /* the catch-up view of all four at once: the others catch up (the
     * writes are seconds old), ch3 stays behind */
    ch_catchup v[NCH];
    deadline = dr_now_ms() + 30000;
    delay = 50;
    for (;;) {
        for (int i = 0; i < NCH; i++)
            v[i] = (ch_catchup){.host = host[i + 1]};
        assert_int_equal(ch_catchup_many(&client, v, NCH, 5000, &err), 0);
        int others = v[0].caught_up && v[1].caught_up && v[3].caught_up;
        if (others || dr_now_ms() > deadline)
            break;
        for (int i = 0; i < NCH; i++)
            ch_catchup_free(&v[i]);
        backoff(&delay);
    }
    for (int i = 0; i < NCH; i++) {
        assert_int_equal(v[i].status_rc, DR_OK);
        assert_true(v[i].replicas.n >= 2);
        const char *w = NULL;
        for (size_t k = 0; k < v[i].replicas.n && !w; k++)
            ch_replica_caught_up(&v[i].replicas.items[k], &w);
        printf("labtest_ch: catch-up view ch%d: system.replicas %s%s%s, /replicas_status HTTP %ld "
               "\"%.60s\"\n",
               i + 1, v[i].caught_up ? "caught up" : "behind", w ? ": " : "", w ? w : "",
               v[i].status.http_status, v[i].status.body);
    }
    assert_true(v[0].caught_up && v[1].caught_up && v[3].caught_up);
    assert_false(v[2].caught_up);
    for (int i = 0; i < NCH; i++)
        ch_catchup_free(&v[i]);

    /* SYNC REPLICA cannot succeed while fetches are stopped */
    int64_t t0 = dr_now_ms();
    assert_int_equal(ch_sync_replica(&client, host[3], 0, "default.events", 2000, &err),
                     DR_ETIMEOUT);
    int64_t took = dr_now_ms() - t0;
    printf("labtest_ch: %s (after %" PRId64 " ms)\n", err.msg, took);
    assert_non_null(strstr(err.msg, "not caught up within 2 s"));
    assert_true(took >= 1900 && took < 6000);

    /* start fetches: SYNC REPLICA returns, and ch3 is caught up */
    exec_on(3, "SYSTEM START FETCHES default.events");
    t0 = dr_now_ms();
    if (ch_sync_replica(&client, host[3], 0, "default.events", 60000, &err) != DR_OK)
        fail_msg("%s", err.msg);
    printf("labtest_ch: SYNC REPLICA after START FETCHES: %" PRId64 " ms\n", dr_now_ms() - t0);
    deadline = dr_now_ms() + 30000;
    delay = 50;
    for (;;) {
        assert_int_equal(events_replica(3, &r, &err), DR_OK);
        if (ch_replica_caught_up(&r, &why))
            break;
        if (dr_now_ms() > deadline)
            fail_msg("ch3 not caught up after SYNC REPLICA: %s", why);
        backoff(&delay);
    }
    assert_int_equal(count_on(3, "default.events"), count_on(1, "default.events"));
}

typedef struct slow_insert {
    ch_request r;
    int rc;
} slow_insert;

static void *run_slow_insert(void *arg)
{
    slow_insert *s = arg;
    s->rc = ch_run_one(&client, &s->r, NULL);
    return NULL;
}

static void test_running_insert_seen(void **state)
{
    (void)state;
    char qid[64], sql[300];
    snprintf(qid, sizeof qid, "labtest-ch-insert-%d", (int)getpid());
    snprintf(sql, sizeof sql,
             "INSERT INTO default.events SELECT today(), %" PRId64
             " + number, 'chicago', toString(sleep(2)) FROM system.numbers LIMIT 1",
             dr_wall_ms() * 100 + 50);
    slow_insert s;
    ch_req_exec(&s.r, host[1], 0, sql, 20000);
    s.r.query_id = qid;
    pthread_t th;
    assert_int_equal(pthread_create(&th, NULL, run_slow_insert, &s), 0);
    int found = 0, delay = 20;
    int64_t deadline = dr_now_ms() + 1800;
    dr_err err = {0};
    while (!found && dr_now_ms() < deadline) {
        ch_processes p;
        assert_int_equal(ch_processes_get(&client, host[1], 0, 5000, &p, &err), DR_OK);
        for (size_t i = 0; i < p.n; i++)
            if (!strcmp(p.items[i].query_id, qid)) {
                found = 1;
                printf("labtest_ch: running INSERT on ch1: %s, %s, %.2f s: %s\n",
                       p.items[i].query_id, p.items[i].user, p.items[i].elapsed, p.items[i].query);
                assert_string_equal(p.items[i].user, "default");
                assert_non_null(strstr(p.items[i].query, "INSERT INTO default.events"));
            }
        ch_processes_free(&p);
        if (!found)
            backoff(&delay);
    }
    pthread_join(th, NULL);
    assert_int_equal(s.rc, DR_OK);
    ch_request_free(&s.r);
    assert_true(found);
    /* and once it is done it is gone */
    ch_processes p;
    assert_int_equal(ch_processes_get(&client, host[1], 0, 5000, &p, &err), DR_OK);
    for (size_t i = 0; i < p.n; i++)
        assert_string_not_equal(p.items[i].query_id, qid);
    ch_processes_free(&p);
}

static void test_heartbeat_across_sites(void **state)
{
    (void)state;
    char site[64];
    snprintf(site, sizeof site, "labtest-chicago-%d", (int)getpid());
    dr_err err = {0};
    assert_int_equal(ch_heartbeat_write(&client, host[1], 0, NULL, site, 5000, &err), DR_OK);
    int64_t deadline = dr_now_ms() + 30000;
    int delay = 50;
    int64_t lag = -1;
    while (lag < 0) {
        ch_lags l;
        assert_int_equal(ch_heartbeat_lag(&client, host[3], 0, NULL, "dallas", 5000, &l, &err),
                         DR_OK);
        for (size_t i = 0; i < l.n; i++) {
            assert_string_not_equal(l.items[i].site, "dallas");
            if (!strcmp(l.items[i].site, site))
                lag = l.items[i].lag_s;
        }
        ch_lags_free(&l);
        if (lag >= 0)
            break;
        if (dr_now_ms() > deadline)
            fail_msg("heartbeat of %s written on ch1 never reached ch3", site);
        backoff(&delay);
    }
    printf("labtest_ch: heartbeat written on ch1, read on ch3: %s lag %" PRId64 " s\n", site, lag);
    assert_true(lag >= 0 && lag <= 30);
    /* a bad table name is refused before anything is sent */
    assert_int_equal(ch_heartbeat_write(&client, host[1], 0, "x; DROP", site, 5000, &err),
                     DR_EINVAL);
}

/* The binding on the real servers: what a runbook sees. */
static void test_lua_binding_on_lab(void **state)
{
    (void)state;
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    luaL_requiref(L, "dr.ch", luaopen_dr_ch, 0);
    lua_setglobal(L, "ch");
    lua_pushstring(L, pwfile);
    lua_setglobal(L, "PWFILE");
    for (int i = 1; i <= NCH; i++) {
        lua_pushstring(L, host[i]);
        char name[8];
        snprintf(name, sizeof name, "CH%d", i);
        lua_setglobal(L, name);
    }
    const char *chunk =
        "local c <close> = assert(ch.client{password_file = PWFILE, timeout = 10})\n"
        "local all = c:query({CH1, CH2, CH3, CH4}, 'SELECT count() AS n FROM default.events')\n"
        "assert(#all == 4)\n"
        "for _, r in ipairs(all) do assert(r.ok and tonumber(r.rows[1].n) >= 1000, r.error) end\n"
        "local reps = assert(c:replicas(CH3 .. ':8123'))\n"
        "assert(#reps >= 2 and reps[1].total_replicas == 4, 'total_replicas')\n"
        "local v = assert(c:catch_up({CH1, CH3}))\n"
        "assert(v[2].replicas_status.status == 200 and v[2].replicas)\n"
        "assert(c:sync_replica(CH3, 'default.events', 30))\n"
        "local s = assert(c:sync_replicas({{CH1, 'default.events'}, {CH2, 'default.events'}, "
        "{CH3, 'default.events'}, {CH4, 'default.heartbeat'}}, 30))\n"
        "for i = 1, 4 do assert(s[i].ok, s[i].error) end\n"
        "s = assert(c:sync_replicas({{CH3, 'default.nosuch'}}, 30))\n"
        "assert(s[1].ok == false and s[1].code == 'not found', s[1].error)\n"
        "local p = assert(c:processes(CH1))\n"
        "assert(type(p) == 'table')\n"
        "assert(c:heartbeat_write(CH3, 'dallas'))\n"
        "local lag = assert(c:heartbeat_lag(CH3, 'dallas'))\n"
        "assert(lag.chicago ~= nil and lag.dallas == nil)\n"
        "local r = assert(c:execute(CH3, 'SYSTEM START FETCHES default.events'))\n"
        "assert(r.status == 200 and r.simulated == false)\n"
        "local rows, err, code = c:query(CH1, 'SELECT * FROM default.nosuch')\n"
        "assert(rows == nil and code == 'not found' and err:find('code 60'), err)\n";
    if (luaL_dostring(L, chunk) != LUA_OK)
        fail_msg("lua: %s", lua_tostring(L, -1));
    lua_close(L);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_all_four_at_once),
        cmocka_unit_test(test_wrong_password),
        cmocka_unit_test_teardown(test_catch_up_view, restore_fetches),
        cmocka_unit_test(test_running_insert_seen),
        cmocka_unit_test(test_heartbeat_across_sites),
        cmocka_unit_test(test_lua_binding_on_lab),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
