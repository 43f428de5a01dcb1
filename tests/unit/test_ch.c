/* Unit tests for ch: the parsers on answers captured from ClickHouse 18.16
 * (tests/data/ch/), both error syntaxes, the SQL helpers, and, against a
 * one-shot HTTP listener on 127.0.0.1, that the password travels in a
 * header only and never shows in an error message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "ch.h"
#include "ch_lua.h"
#include "effect.h"
#include "testdir.h"

static void load(const char *name, dr_buf *out)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/ch/%s", testdata_dir(), name);
    dr_err err = {0};
    if (dr_read_file(path, out, &err) != DR_OK)
        fail_msg("%s", err.msg);
}

static void check_error_file(const char *file, int want_code, const char *want_msg)
{
    dr_buf b = DR_BUF_INIT;
    load(file, &b);
    int code = -1;
    char msg[256];
    assert_int_equal(ch_parse_error(b.data, b.len, NULL, &code, msg, sizeof msg), DR_OK);
    assert_int_equal(code, want_code);
    assert_string_equal(msg, want_msg);
    dr_buf_free(&b);
}

static void test_error_18_16(void **state)
{
    (void)state;
    check_error_file("err_60_unknown_table_18.txt", 60, "Table default.nosuch doesn't exist.");
    check_error_file("err_193_wrong_password_18.txt", 193, "Wrong password for user default");
    check_error_file("err_192_unknown_user_18.txt", 192, "Unknown user nobody");
    check_error_file("err_242_readonly_18.txt", 242, "Table is in readonly mode");
    check_error_file("err_164_readonly_setting_18.txt", 164,
                     "Cannot insert into table in readonly mode");
    dr_buf b = DR_BUF_INIT;
    load("err_62_syntax_18.txt", &b);
    int code;
    char small[16];
    assert_int_equal(ch_parse_error(b.data, b.len, NULL, &code, small, sizeof small), DR_OK);
    assert_int_equal(code, 62);
    assert_string_equal(small, "Syntax error: f"); /* truncated, terminated */
    dr_buf_free(&b);
    assert_int_equal(ch_code_to_dr(193), DR_EAUTH);
    assert_int_equal(ch_code_to_dr(192), DR_EAUTH);
    assert_int_equal(ch_code_to_dr(516), DR_EAUTH);
    assert_int_equal(ch_code_to_dr(159), DR_ETIMEOUT);
    assert_int_equal(ch_code_to_dr(60), DR_ENOTFOUND);
    assert_int_equal(ch_code_to_dr(242), DR_EREFUSED);
    assert_int_equal(ch_code_to_dr(1000), DR_EIO);
}

static void test_error_new_format_and_header(void **state)
{
    (void)state;
    check_error_file("err_159_new_format.txt", 159,
                     "SYNC REPLICA default.events: command timed out. See the 'receive_timeout' "
                     "setting. (TIMEOUT_EXCEEDED)");
    check_error_file("err_516_new_format.txt", 516,
                     "default: Authentication failed: password is incorrect, or there is no user "
                     "with such name. (AUTHENTICATION_FAILED)");
    int code;
    char msg[128];
    /* the header wins over the body, and alone is enough */
    const char *body = "Code: 60, e.displayText() = DB::Exception: x, e.what() = DB::Exception\n";
    assert_int_equal(ch_parse_error(body, strlen(body), " 159\r", &code, msg, sizeof msg), DR_OK);
    assert_int_equal(code, 159);
    assert_string_equal(msg, "x");
    assert_int_equal(ch_parse_error("", 0, "242", &code, msg, sizeof msg), DR_OK);
    assert_int_equal(code, 242);
    /* rows first, then the exception of a query that failed midway */
    const char *partial = "1\n2\n3\nCode: 395, e.displayText() = DB::Exception: Value passed to "
                          "'throwIf' function is non zero, e.what() = DB::Exception\n";
    assert_int_equal(ch_parse_error(partial, strlen(partial), NULL, &code, msg, sizeof msg), DR_OK);
    assert_int_equal(code, 395);
    assert_string_equal(msg, "Value passed to 'throwIf' function is non zero");
    /* a stack trace on later lines is not part of the message */
    const char *trace = "Code: 81. DB::Exception: Database nope doesn't exist. (UNKNOWN_DATABASE)\n"
                        "0. DB::Exception::Exception() @ 0x1\n";
    assert_int_equal(ch_parse_error(trace, strlen(trace), NULL, &code, msg, sizeof msg), DR_OK);
    assert_int_equal(code, 81);
    assert_string_equal(msg, "Database nope doesn't exist. (UNKNOWN_DATABASE)");
    /* no code at all */
    const char *none[] = {"Ok.",
                          "",
                          "Code: ",
                          "Code: x, y",
                          "data Code: 12, not at line start",
                          "Code: 1234567890123, too long"};
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        assert_int_equal(ch_parse_error(none[i], strlen(none[i]), NULL, &code, msg, sizeof msg),
                         DR_ENOTFOUND);
        assert_int_equal(code, 0);
    }
    assert_int_equal(ch_parse_error(NULL, 5, "abc", &code, NULL, 0), DR_ENOTFOUND);
}

static void test_replicas_caught_up_and_behind(void **state)
{
    (void)state;
    dr_buf b = DR_BUF_INIT;
    dr_err err = {0};
    ch_replicas r;
    const char *why;

    load("replicas_ok.tsv", &b);
    assert_int_equal(ch_parse_replicas("ok", b.data, b.len, &r, &err), DR_OK);
    assert_int_equal(r.n, 2);
    assert_string_equal(r.items[0].database, "default");
    assert_string_equal(r.items[0].table, "events");
    assert_string_equal(r.items[0].replica_name, "ch3");
    assert_int_equal(r.items[0].log_pointer, 3);
    assert_int_equal(r.items[0].log_max_index, 2);
    assert_int_equal(r.items[0].total_replicas, 2);
    for (size_t i = 0; i < r.n; i++) {
        assert_int_equal(ch_replica_log_lag(&r.items[i]), 0);
        assert_true(ch_replica_caught_up(&r.items[i], &why));
        assert_null(why);
    }
    ch_replicas_free(&r);

    dr_buf_reset(&b);
    load("replicas_behind.tsv", &b);
    assert_int_equal(ch_parse_replicas("behind", b.data, b.len, &r, &err), DR_OK);
    assert_int_equal(r.items[0].queue_size, 4);
    assert_int_equal(r.items[0].inserts_in_queue, 3);
    assert_int_equal(r.items[0].absolute_delay, 3);
    assert_false(ch_replica_caught_up(&r.items[0], &why));
    assert_string_equal(why, "inserts waiting in the replication queue");
    assert_true(ch_replica_caught_up(&r.items[1], NULL));
    ch_replicas_free(&r);

    dr_buf_reset(&b);
    load("replicas_readonly.tsv", &b);
    assert_int_equal(ch_parse_replicas("ro", b.data, b.len, &r, &err), DR_OK);
    assert_true(r.items[0].is_readonly);
    assert_true(r.items[0].is_session_expired);
    assert_int_equal(r.items[0].active_replicas, 0);
    assert_false(ch_replica_caught_up(&r.items[0], &why));
    assert_string_equal(why, "read-only");
    ch_replicas_free(&r);
    dr_buf_free(&b);

    /* log not pulled yet */
    ch_replica x = {.log_pointer = 5, .log_max_index = 7};
    assert_int_equal(ch_replica_log_lag(&x), 3);
    assert_false(ch_replica_caught_up(&x, &why));
    x.log_pointer = 8;
    assert_true(ch_replica_caught_up(&x, NULL));
    x.absolute_delay = 1;
    assert_false(ch_replica_caught_up(&x, NULL));
}

static void test_replicas_bad_input(void **state)
{
    (void)state;
    dr_err err = {0};
    ch_replicas r;
    const char *hdr = "database\ttable\treplica_name\tis_readonly\tis_session_expired\tqueue_size\t"
                      "inserts_in_queue\tlog_pointer\tlog_max_index\tabsolute_delay\t"
                      "active_replicas\ttotal_replicas\n";
    char buf[1024];
    snprintf(buf, sizeof buf, "%sdefault\tevents\tch3\t0\t0\t0\t0\t3\t2\t0\t2\n", hdr);
    assert_int_equal(ch_parse_replicas("ch x", buf, strlen(buf), &r, &err), DR_EPARSE);
    assert_string_equal(err.msg, "ch x:2:35: expected 12 tab-separated fields, found 11");
    snprintf(buf, sizeof buf, "%sdefault\tevents\tch3\t0\t0\t-1\t0\t3\t2\t0\t2\t2\n", hdr);
    assert_int_equal(ch_parse_replicas("ch x", buf, strlen(buf), &r, &err), DR_EPARSE);
    assert_string_equal(err.msg,
                        "ch x:2:24: column queue_size: expected an unsigned integer, found '-1'");
    snprintf(buf, sizeof buf, "%sdefault\tevents\tch3\t2\t0\t1\t0\t3\t2\t0\t2\t2\n", hdr);
    assert_int_equal(ch_parse_replicas("ch x", buf, strlen(buf), &r, &err), DR_EPARSE);
    assert_non_null(strstr(err.msg, "is_readonly: expected 0 or 1"));
    snprintf(buf, sizeof buf,
             "%sdefault\tevents\tch3\t0\t0\t99999999999999999999\t0\t3\t2\t0\t2\t2\n", hdr);
    assert_int_equal(ch_parse_replicas("ch x", buf, strlen(buf), &r, &err), DR_EPARSE);
    const char *missing = "database\ttable\n";
    assert_int_equal(ch_parse_replicas("ch x", missing, strlen(missing), &r, &err), DR_EPARSE);
    assert_string_equal(err.msg, "ch x:1:1: expected a column 'replica_name' in the header");
    assert_int_equal(ch_parse_replicas("ch x", "", 0, &r, &err), DR_EPARSE);
    assert_string_equal(err.msg, "ch x:1:1: expected a header line of column names");
    assert_int_equal(ch_parse_replicas("ch x", "a\0b\n", 4, &r, &err), DR_EPARSE);
    assert_string_equal(err.msg, "ch x:1:2: unexpected NUL byte");
    /* header only: no replicated tables is a valid, empty answer */
    assert_int_equal(ch_parse_replicas("ch x", hdr, strlen(hdr), &r, &err), DR_OK);
    assert_int_equal(r.n, 0);
    ch_replicas_free(&r);
}

static void test_tsv_unescape(void **state)
{
    (void)state;
    ch_table t;
    dr_err err = {0};
    const char *s = "a\tb\nx\\ty\\\\z\\'q\\n\tlast\\N\n";
    assert_int_equal(ch_parse_tsv("t", s, strlen(s), &t, &err), DR_OK);
    assert_int_equal(t.ncols, 2);
    assert_int_equal(t.nrows, 1);
    assert_string_equal(ch_table_cell(&t, 0, 0), "x\ty\\z'q\n");
    assert_string_equal(ch_table_cell(&t, 0, 1), "last");
    assert_int_equal(ch_table_col(&t, "b"), 1);
    assert_int_equal(ch_table_col(&t, "c"), -1);
    assert_null(ch_table_cell(&t, 1, 0));
    ch_table_free(&t);
}

static void test_replicas_status(void **state)
{
    (void)state;
    ch_replicas_status s;
    dr_err err = {0};
    assert_int_equal(ch_parse_replicas_status(200, "Ok.\n", 4, &s, &err), DR_OK);
    assert_true(s.ok);
    assert_int_equal(s.n, 0);
    assert_string_equal(s.body, "Ok.");
    ch_replicas_status_free(&s);

    dr_buf b = DR_BUF_INIT;
    load("replicas_status_verbose_18.txt", &b);
    assert_int_equal(ch_parse_replicas_status(200, b.data, b.len, &s, &err), DR_OK);
    assert_int_equal(s.n, 2);
    assert_string_equal(s.entries[0].table, "default.events");
    assert_string_equal(s.entries[1].table, "default.heartbeat");
    assert_int_equal(s.entries[0].absolute_delay, 0);
    ch_replicas_status_free(&s);
    dr_buf_free(&b);

    const char *delayed = "default.events:\tAbsolute delay: 601. Relative delay: 600.\n";
    assert_int_equal(ch_parse_replicas_status(500, delayed, strlen(delayed), &s, &err), DR_OK);
    assert_false(s.ok);
    assert_int_equal(s.n, 1);
    assert_int_equal(s.entries[0].absolute_delay, 601);
    assert_int_equal(s.entries[0].relative_delay, 600);
    ch_replicas_status_free(&s);

    load("err_242_readonly_18.txt", &b);
    assert_int_equal(ch_parse_replicas_status(500, b.data, b.len, &s, &err), DR_OK);
    assert_false(s.ok);
    assert_int_equal(s.ch_code, 242);
    ch_replicas_status_free(&s);
    dr_buf_free(&b);

    const char *bad = "default.events:\tAbsolute delay: 1. Relative delay: 0.\nnonsense\n";
    assert_int_equal(ch_parse_replicas_status(200, bad, strlen(bad), &s, &err), DR_EPARSE);
    assert_non_null(strstr(err.msg, "replicas_status:2:1: expected"));
    const char *bad2 = "t:\tAbsolute delay: x.";
    assert_int_equal(ch_parse_replicas_status(200, bad2, strlen(bad2), &s, &err), DR_EPARSE);
    assert_non_null(strstr(err.msg, "replicas_status:1:4: expected"));
}

static void test_processes(void **state)
{
    (void)state;
    dr_buf b = DR_BUF_INIT;
    load("processes.tsv", &b);
    ch_processes p;
    dr_err err = {0};
    assert_int_equal(ch_parse_processes("p", b.data, b.len, &p, &err), DR_OK);
    assert_int_equal(p.n, 1);
    assert_string_equal(p.items[0].query_id, "slow-insert-1");
    assert_string_equal(p.items[0].user, "default");
    assert_true(p.items[0].elapsed > 1.0 && p.items[0].elapsed < 1.1);
    assert_non_null(strstr(p.items[0].query, "'chicago'")); /* \' unescaped */
    ch_processes_free(&p);
    dr_buf_free(&b);

    /* SELECTs are dropped; a long INSERT is cut on a UTF-8 boundary */
    dr_buf t = DR_BUF_INIT;
    dr_buf_puts(&t, "query_id\tuser\telapsed\tquery\n");
    dr_buf_puts(&t, "a\tdefault\t0.5\tSELECT 1\n");
    dr_buf_puts(&t, "b\tdefault\t2\t /* c */ -- x\\n insert into t values ");
    for (int i = 0; i < 100; i++)
        dr_buf_puts(&t, "\xc3\xa9"); /* é, 2 bytes */
    dr_buf_puts(&t, "\n");
    assert_int_equal(ch_parse_processes("p", t.data, t.len, &p, &err), DR_OK);
    assert_int_equal(p.n, 1);
    assert_string_equal(p.items[0].query_id, "b");
    size_t ql = strlen(p.items[0].query);
    assert_true(ql <= CH_QUERY_TRIM + 3);
    assert_string_equal(p.items[0].query + ql - 3, "...");
    assert_true(((unsigned char)p.items[0].query[ql - 4] & 0xC0) != 0xC0); /* no split char */
    ch_processes_free(&p);
    dr_buf_reset(&t);
    dr_buf_puts(&t, "query_id\tuser\telapsed\tquery\nb\tdefault\tsoon\tINSERT\n");
    assert_int_equal(ch_parse_processes("p", t.data, t.len, &p, &err), DR_EPARSE);
    assert_string_equal(err.msg, "p:2:11: column elapsed: expected seconds, found 'soon'");
    dr_buf_free(&t);
}

static void test_lags(void **state)
{
    (void)state;
    dr_buf b = DR_BUF_INIT;
    load("heartbeat_lag.tsv", &b);
    ch_lags l;
    dr_err err = {0};
    assert_int_equal(ch_parse_lags("hb", b.data, b.len, &l, &err), DR_OK);
    assert_int_equal(l.n, 1);
    assert_string_equal(l.items[0].site, "chicago");
    assert_int_equal(l.items[0].lag_s, 1);
    ch_lags_free(&l);
    dr_buf_free(&b);
    const char *neg = "site_id\tlag\ndallas\t-2\n";
    assert_int_equal(ch_parse_lags("hb", neg, strlen(neg), &l, &err), DR_OK);
    assert_int_equal(l.items[0].lag_s, -2); /* clock skew shows, it is not hidden */
    ch_lags_free(&l);
    const char *bad = "site_id\tlag\ndallas\t 2\n";
    assert_int_equal(ch_parse_lags("hb", bad, strlen(bad), &l, &err), DR_EPARSE);
}

static void test_sql_helpers(void **state)
{
    (void)state;
    dr_buf b = DR_BUF_INIT;
    ch_sql_quote(&b, "it's a \\ test");
    assert_string_equal(b.data, "'it\\'s a \\\\ test'");
    dr_buf_free(&b);
    dr_err err = {0};
    assert_int_equal(ch_check_table_name("default.events", &err), DR_OK);
    assert_int_equal(ch_check_table_name("_t1", &err), DR_OK);
    const char *bad[] = {"", "1x", "a.b.c", "a;drop", "a.", ".a", "a b", "a.`b`"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(ch_check_table_name(bad[i], &err), DR_EINVAL);
    assert_true(ch_sql_is_read_only("  select 1"));
    assert_true(ch_sql_is_read_only("/* hi */ WITH 1 AS x SELECT x"));
    assert_true(ch_sql_is_read_only("-- c\nSHOW TABLES"));
    assert_false(ch_sql_is_read_only("SELECTX"));
    assert_false(ch_sql_is_read_only("INSERT INTO t SELECT 1"));
    assert_false(ch_sql_is_read_only("SYSTEM STOP FETCHES"));
    assert_true(ch_sql_is_insert("\n insert into t values"));
    assert_false(ch_sql_is_insert("INSERTS"));
}

/* ---- a one-shot HTTP listener: records the request, answers a fixed reply */

typedef struct listener {
    int fd, port;
    const char *reply;
    char request[8192];
    size_t request_len;
} listener;

static void *serve_once(void *arg)
{
    listener *l = arg;
    int c = accept(l->fd, NULL, NULL);
    if (c < 0)
        return NULL;
    /* read until the end of headers plus the announced body */
    for (;;) {
        ssize_t n = read(c, l->request + l->request_len, sizeof l->request - 1 - l->request_len);
        if (n <= 0)
            break;
        l->request_len += (size_t)n;
        l->request[l->request_len] = '\0';
        char *he = strstr(l->request, "\r\n\r\n");
        if (he) {
            char *cl = strstr(l->request, "Content-Length:");
            size_t want = cl ? (size_t)atol(cl + 15) : 0;
            if (l->request_len >= (size_t)(he + 4 - l->request) + want)
                break;
        }
    }
    if (write(c, l->reply, strlen(l->reply)) < 0)
        perror("write");
    close(c);
    return NULL;
}

static void listen_local(listener *l)
{
    l->fd = socket(AF_INET, SOCK_STREAM, 0);
    assert_true(l->fd >= 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = 0};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(bind(l->fd, (struct sockaddr *)&a, sizeof a), 0);
    assert_int_equal(listen(l->fd, 1), 0);
    socklen_t al = sizeof a;
    getsockname(l->fd, (struct sockaddr *)&a, &al);
    l->port = ntohs(a.sin_port);
}

static void test_password_in_header_only_and_scrubbed(void **state)
{
    (void)state;
    const char *secret = "Sup3r-s3cret-pw";
    setenv("DRCTL_TEST_CH_PASSWORD", secret, 1);
    ch_client c;
    dr_err err = {0};
    assert_int_equal(ch_client_init(&c, "default", NULL, "DRCTL_TEST_CH_PASSWORD", &err), DR_OK);
    unsetenv("DRCTL_TEST_CH_PASSWORD");

    /* A server whose error text echoes the password (as a proxy or a future
     * server might): the message must still not carry it. */
    static const char reply[] =
        "HTTP/1.1 401 Unauthorized\r\nContent-Type: text/plain\r\nConnection: close\r\n"
        "\r\n"
        "Code: 193, e.displayText() = DB::Exception: Wrong password Sup3r-s3cret-pw, e.what() = "
        "DB::Exception\n";
    listener l = {.reply = reply};
    listen_local(&l);
    pthread_t th;
    assert_int_equal(pthread_create(&th, NULL, serve_once, &l), 0);
    ch_request r;
    ch_req_exec(&r, "127.0.0.1", l.port, "SELECT 1", 5000);
    r.query_id = "q 1";
    assert_int_equal(ch_run(&c, &r, 1, 10000, &err), 1);
    pthread_join(th, NULL);
    close(l.fd);
    assert_int_equal(r.http_status, 401);
    assert_int_equal(r.ch_code, 193);
    assert_int_equal(r.rc, DR_EAUTH);
    assert_null(strstr(r.err.msg, secret));
    assert_non_null(strstr(r.err.msg, "code 193: Wrong password ***"));
    assert_non_null(strstr(r.err.msg, "127.0.0.1:"));
    /* the request: password in X-ClickHouse-Key, not in the request line */
    char *line_end = strstr(l.request, "\r\n");
    assert_non_null(line_end);
    *line_end = '\0';
    assert_null(strstr(l.request, secret));
    assert_non_null(strstr(l.request, "POST /?query_id=q%201 HTTP/1.1"));
    *line_end = '\r';
    char want[128];
    snprintf(want, sizeof want, "X-ClickHouse-Key: %s\r\n", secret);
    assert_non_null(strstr(l.request, want));
    assert_non_null(strstr(l.request, "X-ClickHouse-User: default\r\n"));
    assert_non_null(strstr(l.request, "\r\n\r\nSELECT 1"));
    ch_request_free(&r);
    ch_client_free(&c);
}

static void test_unreachable_and_deadline(void **state)
{
    (void)state;
    ch_client c;
    dr_err err = {0};
    assert_int_equal(ch_client_init(&c, NULL, NULL, NULL, &err), DR_OK);
    assert_string_equal(c.user, "default");
    /* a listener that never answers: the batch deadline cuts it */
    listener l = {0};
    listen_local(&l);
    ch_request r[3];
    ch_req_exec(&r[0], "127.0.0.1", l.port, "SELECT 1", 0);
    ch_req_exec(&r[1], "127.0.0.1", 1, "SELECT 1", 0); /* refused */
    ch_req_exec(&r[2], "bad/host", 0, "SELECT 1", 0);
    int64_t t0 = dr_now_ms();
    assert_int_equal(ch_run(&c, r, 3, 300, &err), 3);
    int64_t took = dr_now_ms() - t0;
    assert_true(took >= 250 && took < 3000);
    assert_int_equal(r[0].rc, DR_ETIMEOUT);
    assert_non_null(strstr(r[0].err.msg, "ch 127.0.0.1:"));
    assert_int_equal(r[1].rc, DR_EIO);
    assert_non_null(strstr(r[1].err.msg, "ch 127.0.0.1:1: "));
    assert_int_equal(r[2].rc, DR_EINVAL);
    for (int i = 0; i < 3; i++)
        ch_request_free(&r[i]);
    /* per-request timeout */
    ch_req_exec(&r[0], "127.0.0.1", l.port, "SELECT 1", 200);
    assert_int_equal(ch_run_one(&c, &r[0], &err), DR_ETIMEOUT);
    ch_request_free(&r[0]);
    close(l.fd);
    assert_int_equal(ch_sync_replica(&c, "127.0.0.1", 1, "x;y", 1000, &err), DR_EINVAL);
    ch_client_free(&c);
}

/* ---- a server that holds every SYSTEM SYNC REPLICA and answers KILL QUERY */

typedef struct holder {
    int fd, port;
    int want_kills; /* returns once this many KILL QUERY came (or after 10 s) */
    int syncs, kills;
    char kill_sql[4][256];
    char sync_line[4][256];
} holder;

static void *hold_syncs(void *arg)
{
    holder *h = arg;
    int fds[16], nfd = 0;
    char buf[16][4096];
    size_t len[16] = {0};
    int64_t end = dr_now_ms() + 10000;
    while (h->kills < h->want_kills && dr_now_ms() < end) {
        struct pollfd p[17];
        p[0] = (struct pollfd){.fd = h->fd, .events = POLLIN};
        for (int i = 0; i < nfd; i++)
            p[i + 1] = (struct pollfd){.fd = fds[i], .events = POLLIN};
        if (poll(p, (nfds_t)nfd + 1, 100) <= 0)
            continue;
        if ((p[0].revents & POLLIN) && nfd < 16) {
            int c = accept(h->fd, NULL, NULL);
            if (c >= 0) {
                len[nfd] = 0;
                fds[nfd++] = c;
            }
        }
        for (int i = 0; i < nfd; i++) {
            if (!(p[i + 1].revents & POLLIN) || fds[i] < 0)
                continue;
            ssize_t n = read(fds[i], buf[i] + len[i], sizeof buf[i] - 1 - len[i]);
            if (n <= 0) {
                close(fds[i]);
                fds[i] = -1;
                continue;
            }
            len[i] += (size_t)n;
            buf[i][len[i]] = '\0';
            char *he = strstr(buf[i], "\r\n\r\n");
            char *cl = strstr(buf[i], "Content-Length:");
            if (!he || len[i] < (size_t)(he + 4 - buf[i]) + (cl ? (size_t)atol(cl + 15) : 0))
                continue;
            if (strstr(he, "KILL QUERY")) {
                if (h->kills < 4)
                    snprintf(h->kill_sql[h->kills], sizeof h->kill_sql[0], "%s", he + 4);
                h->kills++;
                static const char ok[] =
                    "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
                if (write(fds[i], ok, sizeof ok - 1) < 0)
                    perror("write");
                close(fds[i]);
                fds[i] = -1;
            } else if (strstr(he, "SYSTEM SYNC REPLICA")) {
                if (h->syncs < 4) /* the request line: its query_id */
                    snprintf(h->sync_line[h->syncs], sizeof h->sync_line[0], "%.*s",
                             (int)(strstr(buf[i], "\r\n") - buf[i]), buf[i]);
                h->syncs++; /* held: never answered */
            }
        }
    }
    for (int i = 0; i < nfd; i++)
        if (fds[i] >= 0)
            close(fds[i]);
    return NULL;
}

/* Three replicas that never catch up: the waits run at once, all give up
 * at the one deadline with the "not caught up" message, and each is killed
 * by its own query id; a refused one fails alone. */
static void test_sync_replicas_deadline_and_kill(void **state)
{
    (void)state;
    ch_client c;
    dr_err err = {0};
    assert_int_equal(ch_client_init(&c, NULL, NULL, NULL, &err), DR_OK);
    holder h = {.want_kills = 3};
    listener l = {0};
    listen_local(&l);
    assert_int_equal(listen(l.fd, 16), 0); /* every wait connects at once */
    h.fd = l.fd;
    h.port = l.port;
    pthread_t th;
    assert_int_equal(pthread_create(&th, NULL, hold_syncs, &h), 0);
    ch_sync_item it[4] = {
        {.host = "127.0.0.1", .port = h.port, .table = "default.events"},
        {.host = "127.0.0.1", .port = h.port, .table = "db2.t"},
        {.host = "127.0.0.1", .port = h.port, .table = "db3.t"},
        {.host = "127.0.0.1", .port = 1, .table = "default.events"}, /* refused */
    };
    int64_t t0 = dr_now_ms();
    assert_int_equal(ch_sync_replicas(&c, it, 4, 1000, &err), 4);
    int64_t took = dr_now_ms() - t0;
    pthread_join(th, NULL);
    close(l.fd);
    /* together: one deadline (one after the other: three), plus the kills */
    assert_true(took >= 950 && took < 2900);
    assert_int_equal(h.syncs, 3);
    assert_int_equal(h.kills, 3);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(it[i].rc, DR_ETIMEOUT);
        assert_non_null(strstr(it[i].err.msg, "not caught up within 1 s"));
        assert_non_null(strstr(it[i].err.msg, it[i].table));
        assert_non_null(strstr(h.sync_line[i], "query_id=drctl-sync-"));
        assert_non_null(strstr(h.sync_line[i], "receive_timeout=1"));
    }
    /* each kill names the query id of one of the waits, and they differ */
    for (int k = 0; k < 3; k++) {
        const char *q = strstr(h.kill_sql[k], "drctl-sync-");
        assert_non_null(q);
        assert_non_null(strstr(h.kill_sql[k], "ASYNC"));
        char id[96];
        snprintf(id, sizeof id, "%.*s", (int)strcspn(q, "'"), q);
        assert_true(strstr(h.sync_line[0], id) || strstr(h.sync_line[1], id) ||
                    strstr(h.sync_line[2], id));
    }
    assert_string_not_equal(h.kill_sql[0], h.kill_sql[1]);
    assert_string_not_equal(h.kill_sql[1], h.kill_sql[2]);
    assert_string_not_equal(h.kill_sql[0], h.kill_sql[2]);
    assert_int_equal(it[3].rc, DR_EIO);
    assert_non_null(strstr(it[3].err.msg, "SYNC REPLICA default.events: ch 127.0.0.1:1: "));
    /* a bad name anywhere: nothing is sent, the whole call refused */
    it[1].table = "x;y";
    assert_int_equal(ch_sync_replicas(&c, it, 2, 1000, &err), DR_EINVAL);
    assert_non_null(strstr(err.msg, "table name 'x;y'"));
    assert_int_equal(ch_sync_replicas(&c, it, 1, 0, &err), DR_EINVAL);
    assert_non_null(strstr(err.msg, "deadline > 0"));
    ch_client_free(&c);
}

static void test_secret_file(void **state)
{
    (void)state;
    char path[] = "/tmp/drctl-ch-secret-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "pw\n", 3), 3);
    close(fd);
    chmod(path, 0644);
    ch_client c;
    dr_err err = {0};
    assert_int_equal(ch_client_init(&c, "u", path, NULL, &err), DR_EREFUSED);
    assert_non_null(strstr(err.msg, "clickhouse password: secret file"));
    chmod(path, 0600);
    assert_int_equal(ch_client_init(&c, "u", path, NULL, &err), DR_OK);
    assert_string_equal(c.password, "pw");
    ch_client_free(&c);
    unlink(path);
}

/* ---- the Lua binding: misuse raises, the gate decides on writes */

static int gate_calls;
static char gate_summary[256];

static int simulate_gate(void *ud, lua_State *L, const dr_effect *e, dr_err *err)
{
    (void)L, (void)ud, (void)err;
    gate_calls++;
    snprintf(gate_summary, sizeof gate_summary, "%s %s %s", e->module, e->host, e->summary);
    return e->kind == DR_EFFECT_CH_WRITE ? DR_EFFECT_SIMULATE : DR_EFFECT_PERFORM;
}

/* SHOW CREATE TABLE as 18.16 printed it on the lab (macros unexpanded). */
static void test_replicated_ddl_18_16(void **state)
{
    (void)state;
    dr_buf b = DR_BUF_INIT;
    load("show_create_events_18.sql", &b);
    ch_replicated_ddl d;
    dr_err err = {0};
    assert_int_equal(ch_parse_replicated_ddl("events", b.data, &d, &err), DR_OK);
    assert_string_equal(d.engine, "ReplicatedMergeTree");
    assert_string_equal(d.zookeeper_path, "/clickhouse/{cluster}/tables/{shard}/events");
    assert_string_equal(d.replica, "{replica}");
    dr_buf out = DR_BUF_INIT;
    ch_replicated_ddl_rewrite(b.data, &d, NULL, 0, &out);
    dr_buf_putc(&out, '\0');
    assert_string_equal(out.data, b.data);
    dr_buf_reset(&out);
    ch_replicated_ddl_rewrite(b.data, &d, NULL, 1, &out);
    dr_buf_putc(&out, '\0');
    assert_string_equal(out.data, "ATTACH TABLE default.events ( d Date,  x UInt64,  site String,  "
                                  "payload String) ENGINE = ReplicatedMergeTree('/clickhouse/"
                                  "{cluster}/tables/{shard}/events', '{replica}', d, x, 8192)");
    ch_replicated_ddl_free(&d);
    dr_buf_free(&out);
    dr_buf_reset(&b);
    load("show_create_heartbeat_18.sql", &b);
    assert_int_equal(ch_parse_replicated_ddl("heartbeat", b.data, &d, &err), DR_OK);
    assert_string_equal(d.engine, "ReplicatedReplacingMergeTree");
    assert_string_equal(d.replica, "{replica}");
    ch_replicated_ddl_free(&d);
    dr_buf_free(&b);
}

/* A table created with literal names: the replica literal is replaced,
 * escapes survive, and strings or comments that look like an ENGINE clause
 * do not fool the scanner. */
static void test_replicated_ddl_literals(void **state)
{
    (void)state;
    const char *sql = "/* c */ create table db.`t``x` (s String DEFAULT 'ENGINE = X(\\'a\\')', "
                      "n Nested(a UInt8)) -- ENGINE = Log\n"
                      "ENGINE=ReplicatedCollapsingMergeTree('/ch/0/it''s', 'dal-01',d,(x),8192,s)";
    ch_replicated_ddl d;
    dr_err err = {0};
    assert_int_equal(ch_parse_replicated_ddl("t", sql, &d, &err), DR_OK);
    assert_string_equal(d.engine, "ReplicatedCollapsingMergeTree");
    assert_string_equal(d.zookeeper_path, "/ch/0/it's");
    assert_string_equal(d.replica, "dal-01");
    dr_buf out = DR_BUF_INIT;
    ch_replicated_ddl_rewrite(sql, &d, "chi-01'x", 1, &out);
    dr_buf_putc(&out, '\0');
    assert_non_null(strstr(out.data, "/* c */ ATTACH table db."));
    assert_non_null(strstr(out.data, "'/ch/0/it''s', 'chi-01\\'x',d,(x)"));
    ch_replicated_ddl free_me = d;
    ch_replicated_ddl_free(&free_me);
    /* the rewritten statement parses to the new name */
    assert_int_equal(ch_parse_replicated_ddl("t", out.data, &d, &err), DR_OK);
    assert_string_equal(d.replica, "chi-01'x");
    ch_replicated_ddl_free(&d);
    dr_buf_free(&out);
}

static void test_replicated_ddl_refusals(void **state)
{
    (void)state;
    ch_replicated_ddl d;
    dr_err err = {0};
    /* not replicated, or arguments that are not literals: not found */
    assert_int_equal(ch_parse_replicated_ddl("t",
                                             "CREATE TABLE t (x UInt8) ENGINE = MergeTree "
                                             "ORDER BY x",
                                             &d, &err),
                     DR_ENOTFOUND);
    assert_non_null(
        strstr(err.msg, "t:1:35: expected a Replicated*MergeTree engine, got 'MergeTree'"));
    assert_int_equal(ch_parse_replicated_ddl("t",
                                             "CREATE TABLE t (x UInt8) ENGINE = "
                                             "ReplicatedMergeTree ORDER BY x",
                                             &d, &err),
                     DR_ENOTFOUND);
    assert_int_equal(ch_parse_replicated_ddl("t",
                                             "CREATE TABLE t (x UInt8) ENGINE = "
                                             "ReplicatedMergeTree('/p', concat('a', 'b'))",
                                             &d, &err),
                     DR_ENOTFOUND);
    assert_non_null(strstr(err.msg, "replica name as a string literal"));
    /* other shapes: parse errors with a position */
    assert_int_equal(ch_parse_replicated_ddl("v", "CREATE VIEW v AS SELECT 1", &d, &err),
                     DR_EPARSE);
    assert_non_null(strstr(err.msg, "v:1:8: expected TABLE after CREATE, got 'VIEW'"));
    assert_int_equal(ch_parse_replicated_ddl("t", "CREATE TABLE t (s String DEFAULT 'x", &d, &err),
                     DR_EPARSE);
    assert_non_null(strstr(err.msg, "unterminated"));
    assert_int_equal(ch_parse_replicated_ddl("t", "CREATE TABLE t (x UInt8) /* ENGINE", &d, &err),
                     DR_EPARSE);
    assert_int_equal(ch_parse_replicated_ddl("t", "\nCREATE TABLE t (x UInt8)", &d, &err),
                     DR_EPARSE);
    assert_non_null(strstr(err.msg, "t:2:25: expected ENGINE = ..., got the end"));
    assert_int_equal(ch_parse_replicated_ddl("t",
                                             "CREATE TABLE t ENGINE = ReplicatedMergeTree("
                                             "'/p', 'r' x",
                                             &d, &err),
                     DR_EPARSE);
    assert_int_equal(ch_parse_replicated_ddl("t", "", &d, &err), DR_EPARSE);
    assert_int_equal(ch_parse_replicated_ddl("t", NULL, &d, &err), DR_EINVAL);
}

static void run_lua(lua_State *L, const char *chunk)
{
    if (luaL_dostring(L, chunk) != LUA_OK)
        fail_msg("lua: %s", lua_tostring(L, -1));
}

static void test_lua_binding(void **state)
{
    (void)state;
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    luaL_requiref(L, "dr.ch", luaopen_dr_ch, 0);
    lua_setglobal(L, "ch");
    dr_effect_hooks hooks = {.gate = simulate_gate};
    dr_effect_install(L, &hooks);
    setenv("DRCTL_TEST_CH_PW2", "lua-secret-9", 1);
    run_lua(L,
            "c = assert(ch.client{password_env = 'DRCTL_TEST_CH_PW2', timeout = 2})\n"
            "assert(tostring(c):find('dr.ch.client'))\n"
            /* rehearsal: nothing is sent (port 1 would refuse) */
            "assert(c:heartbeat_write('127.0.0.1:1', 'dallas') == true)\n"
            "local r = assert(c:execute('127.0.0.1:1', 'SYSTEM STOP FETCHES default.events'))\n"
            "assert(r.simulated == true)\n"
            /* misuse raises */
            "local ok, e = pcall(c.query, c, '127.0.0.1:1', 'INSERT INTO t VALUES (1)')\n"
            "assert(not ok and e:find('read%-only statement expected'), e)\n"
            "ok, e = pcall(c.sync_replica, c, '127.0.0.1:1', 'a;b', 1)\n"
            "assert(not ok and e:find('db.table expected'), e)\n"
            "ok, e = pcall(c.sync_replicas, c, {}, 1)\n"
            "assert(not ok and e:find('1 to 1000'), e)\n"
            "ok, e = pcall(c.sync_replicas, c, {{'127.0.0.1:1', 'a;b'}}, 1)\n"
            "assert(not ok and e:find('db.table expected'), e)\n"
            "ok, e = pcall(c.sync_replicas, c, {{'127.0.0.1:1'}}, 1)\n"
            "assert(not ok and e:find('db.table expected'), e)\n"
            "ok, e = pcall(c.sync_replicas, c, {'127.0.0.1:1'}, 1)\n"
            "assert(not ok and e:find('items expected'), e)\n"
            "ok, e = pcall(c.sync_replicas, c, {{'h:99999', 'a.b'}}, 1)\n"
            "assert(not ok and e:find('port between'), e)\n"
            "ok, e = pcall(c.sync_replicas, c, {{'h', 'a.b'}}, -1)\n"
            "assert(not ok, e)\n"
            "local big = {}\n"
            "for i = 1, 1001 do big[i] = {'127.0.0.1:1', 'a.b'} end\n"
            "ok, e = pcall(c.sync_replicas, c, big, 1)\n"
            "assert(not ok and e:find('1 to 1000'), e)\n"
            "local s = assert(c:sync_replicas({{'127.0.0.1:1', 'default.events'}, "
            "{'127.0.0.1:1', 'db.t'}}, 1))\n"
            "assert(#s == 2 and s[1].ok == false and s[2].code == 'i/o error', s[2].error)\n"
            "assert(s[2].error:find('SYNC REPLICA db.t: ch 127.0.0.1:1'), s[2].error)\n"
            "ok, e = pcall(c.replicas, c, 'h:99999')\n"
            "assert(not ok and e:find('port between'), e)\n"
            /* an expected failure: nil, message, code; no password in it */
            "local rows, err, code = c:query('127.0.0.1:1', 'SELECT 1')\n"
            "assert(rows == nil and code == 'i/o error' and err:find('127.0.0.1:1'), err)\n"
            "assert(not err:find('lua%-secret'))\n"
            "local all = c:query({'127.0.0.1:1', '127.0.0.1:1'}, 'SELECT 1')\n"
            "assert(#all == 2 and all[2].ok == false and all[2].code == 'i/o error')\n"
            "local v = c:catch_up({'127.0.0.1:1'})\n"
            "assert(#v == 1 and v[1].ok == false and v[1].caught_up == false)\n"
            "assert(v[1].replicas_status_error:find('127.0.0.1:1'))\n"
            "c:close(); c:close()\n"
            "ok, e = pcall(c.replicas, c, '127.0.0.1')\n"
            "assert(not ok and e:find('closed'), e)\n"
            "local c2, err2, code2 = ch.client{password_env = 'DRCTL_NO_SUCH_VAR_X'}\n"
            "assert(c2 == nil and code2 == 'not found', err2)\n"
            /* DDL helpers: no I/O, no gate */
            "local sql = \"CREATE TABLE a.b (x UInt8) ENGINE = ReplicatedMergeTree('/p/{shard}', "
            "'dal-01', x, x, 8192)\"\n"
            "local d = assert(ch.replicated_ddl(sql))\n"
            "assert(d.zookeeper_path == '/p/{shard}' and d.replica == 'dal-01' and "
            "d.engine == 'ReplicatedMergeTree')\n"
            "local s2 = assert(ch.ddl_for_replica(sql, 'chi-01', true))\n"
            "assert(s2:find(\"^ATTACH TABLE a.b\") and s2:find(\"'chi%-01', x\"), s2)\n"
            "assert(ch.ddl_for_replica(sql, nil, false) == sql)\n"
            "local n, e3, c3 = ch.replicated_ddl('CREATE TABLE t (x UInt8) ENGINE = Log')\n"
            "assert(n == nil and c3 == 'not found' and e3:find('Replicated'), e3)\n");
    unsetenv("DRCTL_TEST_CH_PW2");
    assert_int_equal(gate_calls, 2);
    assert_string_equal(gate_summary, "ch 127.0.0.1:1 SYSTEM STOP FETCHES default.events");
    lua_close(L);
}

/* TLS settings per server: cert and key together, readable files, one
 * entry per host:port (set again: replaced). */
static void test_tls_settings(void **state)
{
    (void)state;
    ch_client c;
    dr_err err = {0};
    assert_int_equal(ch_client_init(&c, NULL, NULL, NULL, &err), DR_OK);
    assert_int_equal(ch_client_set_tls(&c, "h", 8443, NULL, "/etc/hostname", NULL, &err),
                     DR_EINVAL);
    assert_non_null(strstr(err.msg, "cert_file and key_file together"));
    assert_int_equal(ch_client_set_tls(&c, "h", 8443, "/nonexistent/ca.pem", NULL, NULL, &err),
                     DR_ENOTFOUND);
    assert_non_null(strstr(err.msg, "ch h:8443: tls: cannot read /nonexistent/ca.pem"));
    assert_int_equal(ch_client_set_tls(&c, "h", 0, NULL, NULL, NULL, &err), DR_EINVAL);
    assert_int_equal(ch_client_set_tls(&c, "h", 8443, NULL, NULL, NULL, &err), DR_OK);
    assert_int_equal(ch_client_set_tls(&c, "h", 8443, "/etc/hostname", NULL, NULL, &err), DR_OK);
    assert_int_equal(c.n_tls, 1);
    ch_client_free(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_error_18_16),
        cmocka_unit_test(test_tls_settings),
        cmocka_unit_test(test_error_new_format_and_header),
        cmocka_unit_test(test_replicas_caught_up_and_behind),
        cmocka_unit_test(test_replicas_bad_input),
        cmocka_unit_test(test_tsv_unescape),
        cmocka_unit_test(test_replicas_status),
        cmocka_unit_test(test_processes),
        cmocka_unit_test(test_lags),
        cmocka_unit_test(test_sql_helpers),
        cmocka_unit_test(test_replicated_ddl_18_16),
        cmocka_unit_test(test_replicated_ddl_literals),
        cmocka_unit_test(test_replicated_ddl_refusals),
        cmocka_unit_test(test_password_in_header_only_and_scrubbed),
        cmocka_unit_test(test_unreachable_and_deadline),
        cmocka_unit_test(test_sync_replicas_deadline_and_kill),
        cmocka_unit_test(test_secret_file),
        cmocka_unit_test(test_lua_binding),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
