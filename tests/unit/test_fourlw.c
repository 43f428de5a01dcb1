/* Unit tests for fourlw: the parsers on answers captured from real
 * ZooKeeper 3.8 servers (tests/data/fourlw/, see its README), the Keeper
 * examples of its documentation, edge cases, and the socket code against
 * small loopback listeners made here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fourlw.h"
#include "testdir.h"

static char *load(const char *name, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/fourlw/%s", testdata_dir(), name);
    dr_buf b = DR_BUF_INIT;
    dr_err e = {0};
    if (dr_read_file(path, &b, &e) != DR_OK)
        fail_msg("%s", e.msg);
    return dr_buf_steal(&b, len);
}

#define S(lit) lit, sizeof(lit) - 1

static void test_srvr_roles(void **state)
{
    (void)state;
    static const struct {
        const char *file;
        fourlw_mode mode;
        uint64_t zxid;
    } cases[] = {
        {"zk38-leader.srvr", FOURLW_MODE_LEADER, 0x100000000ull},
        {"zk38-follower.srvr", FOURLW_MODE_FOLLOWER, 0},
        {"zk38-observer.srvr", FOURLW_MODE_OBSERVER, 0},
        {"zk38-leader.stat", FOURLW_MODE_LEADER, 0x100000000ull},
        {"zk38-follower.stat", FOURLW_MODE_FOLLOWER, 0},
        {"zk38-observer.stat", FOURLW_MODE_OBSERVER, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n;
        char *t = load(cases[i].file, &n);
        fourlw_srvr s;
        dr_err e = {0};
        int rc = fourlw_parse_srvr(cases[i].file, t, n, &s, &e);
        if (rc)
            fail_msg("%s: %s", cases[i].file, e.msg);
        assert_true(s.serving);
        assert_int_equal(s.flavor, FOURLW_FLAVOR_ZOOKEEPER);
        assert_int_equal(s.mode, cases[i].mode);
        assert_true(s.has_zxid);
        assert_true(s.zxid.value == cases[i].zxid);
        assert_int_equal(s.node_count, 5);
        assert_int_equal(s.outstanding, 0);
        assert_true(strncmp(s.version, "3.8.0", 5) == 0);
        fourlw_srvr_free(&s);
        free(t);
    }
}

static void test_srvr_leader_fields(void **state)
{
    (void)state;
    size_t n;
    char *t = load("zk38-leader.srvr", &n);
    fourlw_srvr s;
    assert_int_equal(fourlw_parse_srvr("x", t, n, &s, NULL), DR_OK);
    assert_int_equal(s.zxid.epoch, 1);
    assert_int_equal(s.zxid.counter, 0);
    assert_int_equal(s.received, 2);
    assert_int_equal(s.sent, 1);
    assert_int_equal(s.connections, 1);
    assert_true(s.latency_avg == 0.0);
    assert_string_equal(fourlw_mode_name(s.mode), "leader");
    fourlw_srvr_free(&s);
    free(t);
}

static void test_srvr_after_writes(void **state)
{
    (void)state;
    size_t n;
    char *t = load("zk38-leader-after-writes.srvr", &n);
    fourlw_srvr s;
    assert_int_equal(fourlw_parse_srvr("x", t, n, &s, NULL), DR_OK);
    assert_int_equal(s.zxid.epoch, 1);
    assert_int_equal(s.zxid.counter, 0x9f);
    assert_true(s.latency_avg > 9.06 && s.latency_avg < 9.07);
    assert_true(s.latency_max == 147.0);
    assert_int_equal(s.received, 109);
    fourlw_srvr_free(&s);
    free(t);
}

static void test_read_only_mode(void **state)
{
    (void)state;
    const char *files[] = {"zk38-readonly.srvr", "zk38-readonly.stat"};
    for (int i = 0; i < 2; i++) {
        size_t n;
        char *t = load(files[i], &n);
        fourlw_srvr s;
        dr_err e = {0};
        if (fourlw_parse_srvr(files[i], t, n, &s, &e))
            fail_msg("%s", e.msg);
        assert_true(s.serving);
        assert_int_equal(s.mode, FOURLW_MODE_READ_ONLY);
        assert_string_equal(fourlw_mode_name(s.mode), "read-only");
        fourlw_srvr_free(&s);
        free(t);
    }
    size_t n;
    char *t = load("zk38-readonly.mntr", &n);
    fourlw_mntr m;
    assert_int_equal(fourlw_parse_mntr("ro", t, n, &m, NULL), DR_OK);
    assert_int_equal(m.mode, FOURLW_MODE_READ_ONLY);
    fourlw_mntr_free(&m);
    free(t);
    t = load("zk38-readonly.isro", &n);
    fourlw_isro ro;
    assert_int_equal(fourlw_parse_isro("ro", t, n, &ro, NULL), DR_OK);
    assert_int_equal(ro, FOURLW_ISRO_RO);
    free(t);
}

static void test_not_serving(void **state)
{
    (void)state;
    const char *words[] = {"srvr", "stat", "mntr", "conf"};
    for (size_t i = 0; i < 4; i++) {
        char name[64];
        snprintf(name, sizeof name, "zk38-notserving.%s", words[i]);
        size_t n;
        char *t = load(name, &n);
        dr_err e = {0};
        if (i < 2) {
            fourlw_srvr s;
            assert_int_equal(fourlw_parse_srvr(name, t, n, &s, &e), DR_OK);
            assert_false(s.serving);
            assert_int_equal(s.mode, FOURLW_MODE_NOT_SERVING);
            fourlw_srvr_free(&s);
        } else if (i == 2) {
            fourlw_mntr m;
            assert_int_equal(fourlw_parse_mntr(name, t, n, &m, &e), DR_OK);
            assert_false(m.serving);
            assert_int_equal(m.mode, FOURLW_MODE_NOT_SERVING);
            assert_int_equal(m.kv.n, 0);
            fourlw_mntr_free(&m);
        } else {
            fourlw_conf c;
            assert_int_equal(fourlw_parse_conf(name, t, n, &c, &e), DR_OK);
            assert_false(c.serving);
            fourlw_conf_free(&c);
        }
        free(t);
    }
    size_t n;
    char *t = load("zk38-notserving.isro", &n);
    fourlw_isro ro = FOURLW_ISRO_RW;
    assert_int_equal(fourlw_parse_isro("isro", t, n, &ro, NULL), DR_OK);
    assert_int_equal(ro, FOURLW_ISRO_NOT_SERVING);
    free(t);
    t = load("zk38-notserving.ruok", &n);
    assert_int_equal(fourlw_parse_ruok("ruok", t, n, NULL), DR_OK);
    free(t);
    assert_string_equal(fourlw_mode_name(FOURLW_MODE_NOT_SERVING), "not-serving");
}

static void test_whitelist_refusal(void **state)
{
    (void)state;
    const char *words[] = {"mntr", "conf", "stat", "isro"};
    for (size_t i = 0; i < 4; i++) {
        char name[64];
        snprintf(name, sizeof name, "zk38-whitelist.%s", words[i]);
        size_t n;
        char *t = load(name, &n);
        dr_err e = {0};
        int rc;
        if (i == 0) {
            fourlw_mntr m;
            rc = fourlw_parse_mntr("zk5:2181 mntr", t, n, &m, &e);
            fourlw_mntr_free(&m);
        } else if (i == 1) {
            fourlw_conf c;
            rc = fourlw_parse_conf("zk5:2181 conf", t, n, &c, &e);
            fourlw_conf_free(&c);
        } else if (i == 2) {
            fourlw_srvr s;
            rc = fourlw_parse_srvr("zk5:2181 stat", t, n, &s, &e);
            fourlw_srvr_free(&s);
        } else {
            fourlw_isro ro;
            rc = fourlw_parse_isro("zk5:2181 isro", t, n, &ro, &e);
        }
        assert_int_equal(rc, DR_EREFUSED);
        assert_int_equal(e.code, DR_EREFUSED);
        assert_non_null(strstr(e.msg, "4lw.commands.whitelist"));
        char quoted[16];
        snprintf(quoted, sizeof quoted, "'%s'", words[i]);
        assert_non_null(strstr(e.msg, quoted));
        assert_non_null(strstr(e.msg, "zk5:2181"));
        free(t);
    }
}

static void test_mntr_zk38(void **state)
{
    (void)state;
    size_t n;
    char *t = load("zk38-leader.mntr", &n);
    fourlw_mntr m;
    dr_err e = {0};
    if (fourlw_parse_mntr("leader.mntr", t, n, &m, &e))
        fail_msg("%s", e.msg);
    assert_true(m.serving);
    assert_int_equal(m.flavor, FOURLW_FLAVOR_ZOOKEEPER);
    assert_int_equal(m.mode, FOURLW_MODE_LEADER);
    int64_t v = 0;
    assert_int_equal(fourlw_mntr_learners(&m, &v), DR_OK);
    assert_int_equal(v, 3);
    assert_int_equal(fourlw_mntr_get_int(&m, "zk_synced_followers", &v), DR_OK);
    assert_int_equal(v, 2);
    assert_int_equal(fourlw_mntr_get_int(&m, "zk_synced_observers", &v), DR_OK);
    assert_int_equal(v, 1);
    assert_int_equal(fourlw_mntr_get_int(&m, "zk_quorum_size", &v), DR_OK);
    assert_int_equal(v, 3);
    double d = -1;
    assert_int_equal(fourlw_mntr_get_double(&m, "zk_avg_latency", &d), DR_OK);
    assert_true(d == 0.0);
    assert_int_equal(fourlw_mntr_get_int(&m, "zk_avg_latency", &v), DR_EPARSE);
    assert_int_equal(fourlw_mntr_get_int(&m, "zk_version", &v), DR_EPARSE);
    assert_int_equal(fourlw_mntr_get_int(&m, "zk_nope", &v), DR_ENOTFOUND);
    assert_string_equal(fourlw_mntr_get(&m, "zk_peer_state"), "leading - broadcast");
    assert_true(m.kv.n > 100);
    fourlw_mntr_free(&m);
    free(t);

    t = load("zk38-follower.mntr", &n);
    assert_int_equal(fourlw_parse_mntr("f", t, n, &m, NULL), DR_OK);
    assert_int_equal(m.mode, FOURLW_MODE_FOLLOWER);
    assert_int_equal(fourlw_mntr_learners(&m, &v), DR_ENOTFOUND);
    fourlw_mntr_free(&m);
    free(t);
    t = load("zk38-observer.mntr", &n);
    assert_int_equal(fourlw_parse_mntr("o", t, n, &m, NULL), DR_OK);
    assert_int_equal(m.mode, FOURLW_MODE_OBSERVER);
    fourlw_mntr_free(&m);
    free(t);
}

static void test_mntr_zk35_and_keeper(void **state)
{
    (void)state;
    size_t n;
    char *t = load("zk35-leader.mntr", &n);
    fourlw_mntr m;
    int64_t v = 0;
    assert_int_equal(fourlw_parse_mntr("zk35", t, n, &m, NULL), DR_OK);
    assert_int_equal(m.flavor, FOURLW_FLAVOR_ZOOKEEPER);
    assert_int_equal(fourlw_mntr_learners(&m, &v), DR_OK);
    assert_int_equal(v, 3);
    assert_int_equal(fourlw_mntr_get_int(&m, "zk_synced_followers", &v), DR_OK);
    assert_int_equal(v, 2);
    fourlw_mntr_free(&m);
    free(t);

    t = load("keeper-leader.mntr", &n);
    assert_int_equal(fourlw_parse_mntr("keeper", t, n, &m, NULL), DR_OK);
    assert_int_equal(m.flavor, FOURLW_FLAVOR_KEEPER);
    assert_int_equal(m.mode, FOURLW_MODE_LEADER);
    assert_int_equal(fourlw_mntr_learners(&m, &v), DR_OK);
    assert_int_equal(v, 0);
    assert_int_equal(fourlw_mntr_get_int(&m, "zk_znode_count", &v), DR_OK);
    assert_int_equal(v, 4);
    assert_string_equal(fourlw_mntr_get(&m, "zk_version"),
                        "v21.11.1.1-prestable-7a4a0b0edef0ad6e0aa662cd3b90c3f4acf796e7");
    fourlw_mntr_free(&m);
    free(t);
}

static void test_keeper_srvr_stat(void **state)
{
    (void)state;
    const char *files[] = {"keeper-leader.srvr", "keeper-leader.stat"};
    for (int i = 0; i < 2; i++) {
        size_t n;
        char *t = load(files[i], &n);
        fourlw_srvr s;
        dr_err e = {0};
        if (fourlw_parse_srvr(files[i], t, n, &s, &e))
            fail_msg("%s", e.msg);
        assert_int_equal(s.flavor, FOURLW_FLAVOR_KEEPER);
        assert_int_equal(s.mode, FOURLW_MODE_LEADER);
        assert_true(s.zxid.value == (i == 0 ? 34u : 36u));
        assert_int_equal(s.sent, i == 0 ? 2 : 4);
        assert_int_equal(s.node_count, 4);
        assert_string_equal(s.version,
                            "v21.11.1.1-prestable-7a4a0b0edef0ad6e0aa662cd3b90c3f4acf796e7");
        fourlw_srvr_free(&s);
        free(t);
    }
}

static void test_conf_zk38(void **state)
{
    (void)state;
    size_t n;
    char *t = load("zk38-leader.conf", &n);
    fourlw_conf c;
    dr_err e = {0};
    if (fourlw_parse_conf("leader.conf", t, n, &c, &e))
        fail_msg("%s", e.msg);
    assert_true(c.serving);
    assert_int_equal(c.flavor, FOURLW_FLAVOR_ZOOKEEPER);
    assert_int_equal(c.server_id, 3);
    assert_string_equal(fourlw_kv_get(&c.kv, "clientPort"), "2181");
    assert_string_equal(fourlw_kv_get(&c.kv, "peerType"), "0");
    assert_int_equal(c.membership.n, 4);
    assert_true(c.membership.has_version);
    assert_true(c.membership.version == 0x100000000ull);
    const fourlw_member *m4 = fourlw_membership_find(&c.membership, 4);
    assert_non_null(m4);
    assert_string_equal(m4->host, "127.0.3.14");
    assert_int_equal(m4->quorum_port, 2888);
    assert_int_equal(m4->election_port, 3888);
    assert_int_equal(m4->role, FOURLW_ROLE_OBSERVER);
    assert_string_equal(m4->client_host, "127.0.3.14");
    assert_int_equal(m4->client_port, 2181);
    assert_int_equal(fourlw_membership_find(&c.membership, 1)->role, FOURLW_ROLE_PARTICIPANT);
    assert_null(fourlw_membership_find(&c.membership, 5));
    fourlw_conf_free(&c);
    free(t);

    t = load("zk38-observer.conf", &n);
    assert_int_equal(fourlw_parse_conf("o", t, n, &c, NULL), DR_OK);
    assert_int_equal(c.server_id, 4);
    assert_string_equal(fourlw_kv_get(&c.kv, "peerType"), "1");
    fourlw_conf_free(&c);
    free(t);
}

static void test_conf_keeper(void **state)
{
    (void)state;
    size_t n;
    char *t = load("keeper.conf", &n);
    fourlw_conf c;
    dr_err e = {0};
    if (fourlw_parse_conf("keeper.conf", t, n, &c, &e))
        fail_msg("%s", e.msg);
    assert_int_equal(c.flavor, FOURLW_FLAVOR_KEEPER);
    assert_int_equal(c.server_id, 1);
    assert_string_equal(fourlw_kv_get(&c.kv, "tcp_port"), "2181");
    assert_string_equal(fourlw_kv_get(&c.kv, "log_storage_path"), "./coordination/logs");
    assert_int_equal(c.membership.n, 0);
    fourlw_conf_free(&c);
    free(t);
}

static void test_keeper_lgif_rcvr_isro(void **state)
{
    (void)state;
    size_t n;
    char *t = load("keeper.lgif", &n);
    fourlw_lgif l;
    assert_int_equal(fourlw_parse_lgif("lgif", t, n, &l, NULL), DR_OK);
    assert_int_equal(l.last_log_idx, 101);
    assert_int_equal(l.last_committed_log_idx, 100);
    assert_int_equal(l.last_snapshot_idx, 50);
    assert_int_equal(l.first_log_term, 1);
    fourlw_lgif_free(&l);
    free(t);
    dr_err e = {0};
    assert_int_equal(fourlw_parse_lgif("lgif", S("first_log_idx x\n"), &l, &e), DR_EPARSE);
    fourlw_lgif_free(&l);
    assert_int_equal(fourlw_parse_lgif("lgif", S("some_other 1\n"), &l, &e), DR_EPARSE);
    fourlw_lgif_free(&l);

    t = load("keeper.rcvr", &n);
    assert_int_equal(fourlw_parse_rcvr("rcvr", t, n, NULL), DR_OK);
    free(t);
    assert_int_equal(fourlw_parse_rcvr("rcvr", S("no\n"), &e), DR_EPARSE);
    assert_non_null(strstr(e.msg, "'no'"));

    fourlw_isro ro;
    t = load("keeper-learner.isro", &n);
    assert_int_equal(fourlw_parse_isro("isro", t, n, &ro, NULL), DR_OK);
    assert_int_equal(ro, FOURLW_ISRO_RO);
    free(t);
    t = load("zk38-leader.isro", &n);
    assert_int_equal(fourlw_parse_isro("isro", t, n, &ro, NULL), DR_OK);
    assert_int_equal(ro, FOURLW_ISRO_RW);
    free(t);
    t = load("zk38-observer.ruok", &n);
    assert_int_equal(fourlw_parse_ruok("ruok", t, n, NULL), DR_OK);
    free(t);
}

static void test_edge_cases(void **state)
{
    (void)state;
    fourlw_srvr s;
    fourlw_mntr m;
    fourlw_conf c;
    fourlw_isro ro;
    dr_err e = {0};

    /* empty */
    assert_int_equal(fourlw_parse_srvr("h:1 srvr", "", 0, &s, &e), DR_EPARSE);
    assert_string_equal(e.msg, "h:1 srvr:1:1: expected an answer, got nothing (the server closed "
                               "the connection without a word)");
    fourlw_srvr_free(&s);
    assert_int_equal(fourlw_parse_srvr("h", NULL, 5, &s, &e), DR_EPARSE);
    fourlw_srvr_free(&s);
    assert_int_equal(fourlw_parse_mntr("h", S(" \n\n"), &m, &e), DR_EPARSE);
    fourlw_mntr_free(&m);
    assert_int_equal(fourlw_parse_conf("h", S(""), &c, &e), DR_EPARSE);
    fourlw_conf_free(&c);
    assert_int_equal(fourlw_parse_ruok("h", S(""), &e), DR_EPARSE);

    /* garbage */
    assert_int_equal(fourlw_parse_srvr("h", S("HTTP/1.1 400 Bad Request\r\n\r\n"), &s, &e),
                     DR_EPARSE);
    assert_string_equal(e.msg, "h:1:1: expected 'Zookeeper version:' or 'ClickHouse Keeper "
                               "version:'");
    fourlw_srvr_free(&s);
    assert_int_equal(fourlw_parse_mntr("h", S("zk_version 3\n<html>\n"), &m, &e), DR_EPARSE);
    assert_string_equal(e.msg, "h:2:1: expected 'zk_NAME<tab>VALUE'");
    fourlw_mntr_free(&m);
    assert_int_equal(fourlw_parse_conf("h", S("clientPort=1\nwhat\n"), &c, &e), DR_EPARSE);
    assert_string_equal(e.msg, "h:2:1: expected key=value");
    fourlw_conf_free(&c);
    assert_int_equal(fourlw_parse_isro("h", S("maybe\n"), &ro, &e), DR_EPARSE);
    assert_string_equal(e.msg, "h:1:1: expected 'rw', 'ro' or 'null' as the answer to isro, got "
                               "'maybe'");
    assert_int_equal(fourlw_parse_ruok("h", S("\x01\xff"), &e), DR_EPARSE);
    assert_non_null(strstr(e.msg, "\\x01\\xff"));

    /* truncated: the captured leader srvr cut before its Mode line */
    size_t n;
    char *t = load("zk38-leader.srvr", &n);
    const char *mode = strstr(t, "Mode:");
    assert_non_null(mode);
    assert_int_equal(fourlw_parse_srvr("cut", t, (size_t)(mode - t), &s, &e), DR_EPARSE);
    assert_string_equal(
        e.msg, "cut:8:1: expected a 'Mode:' line before the end of the answer (truncated?)");
    fourlw_srvr_free(&s);
    /* cut in the middle of "Zxid: 0x1000" still parses up to there, then misses Mode */
    const char *zx = strstr(t, "Zxid:");
    assert_int_equal(fourlw_parse_srvr("cut", t, (size_t)(zx - t) + 9, &s, &e), DR_EPARSE);
    fourlw_srvr_free(&s);
    free(t);
    /* mntr cut after its first line has no zk_server_state */
    t = load("zk38-leader.mntr", &n);
    const char *nl = strchr(t, '\n');
    assert_int_equal(fourlw_parse_mntr("cut", t, (size_t)(nl - t) + 1, &m, &e), DR_EPARSE);
    assert_string_equal(e.msg, "cut:2:1: expected a zk_server_state line (answer truncated?)");
    fourlw_mntr_free(&m);
    free(t);

    /* bad values */
    assert_int_equal(
        fourlw_parse_srvr("h", S("Zookeeper version: 3.8\nZxid: 0xZZ\nMode: leader\n"), &s, &e),
        DR_EPARSE);
    assert_string_equal(e.msg, "h:2:7: expected a zxid (0x<hex> or decimal)");
    fourlw_srvr_free(&s);
    assert_int_equal(fourlw_parse_srvr("h", S("Zookeeper version: 3.8\nMode: emperor\n"), &s, &e),
                     DR_EPARSE);
    assert_string_equal(
        e.msg, "h:2:7: expected a mode (leader, follower, observer, standalone, read-only)");
    fourlw_srvr_free(&s);
    assert_int_equal(fourlw_parse_srvr("h", S("Zookeeper version: 3.8\nMode: read-only\n"), &s, &e),
                     DR_OK);
    assert_int_equal(s.mode, FOURLW_MODE_READ_ONLY);
    assert_false(s.has_zxid);
    assert_int_equal(s.node_count, -1);
    fourlw_srvr_free(&s);
    assert_int_equal(fourlw_parse_mntr("h", S("zk_version 3\nzk_server_state weird\n"), &m, &e),
                     DR_EPARSE);
    fourlw_mntr_free(&m);
}

static void test_zxid(void **state)
{
    (void)state;
    fourlw_zxid z;
    assert_int_equal(fourlw_zxid_parse(S("0x200000003"), &z), DR_OK);
    assert_int_equal(z.epoch, 2);
    assert_int_equal(z.counter, 3);
    assert_int_equal(fourlw_zxid_parse(S("0x100000034"), &z), DR_OK);
    assert_int_equal(z.counter, 0x34);
    assert_int_equal(fourlw_zxid_parse(S("34"), &z), DR_OK);
    assert_true(z.value == 34);
    assert_int_equal(fourlw_zxid_parse(S("0xffffffffffffffff"), &z), DR_OK);
    assert_int_equal(fourlw_zxid_parse(S("0x10000000000000000"), &z), DR_EPARSE);
    assert_int_equal(fourlw_zxid_parse(S("99999999999999999999"), &z), DR_EPARSE);
    assert_int_equal(fourlw_zxid_parse(S("0x"), &z), DR_EPARSE);
    assert_int_equal(fourlw_zxid_parse(S(""), &z), DR_EPARSE);
    assert_int_equal(fourlw_zxid_parse(S("-1"), &z), DR_EPARSE);
}

static void test_membership(void **state)
{
    (void)state;
    const char cfg[] = "server.1=127.0.0.11:2888:3888:participant;127.0.0.11:2181\n"
                       "server.2=zk2.example:2888:3888;2181\n"
                       "server.3=[::1]:2888:3888:observer;[::1]:2181\n"
                       "server.4=10.0.0.4:2888:3888\n"
                       "version=10000000a\n";
    fourlw_membership m;
    dr_err e = {0};
    if (fourlw_parse_membership("/zookeeper/config", S(cfg), &m, &e))
        fail_msg("%s", e.msg);
    assert_int_equal(m.n, 4);
    assert_true(m.version == 0x10000000aull);
    assert_string_equal(m.members[1].host, "zk2.example");
    assert_null(m.members[1].client_host);
    assert_int_equal(m.members[1].client_port, 2181);
    assert_string_equal(m.members[2].host, "::1");
    assert_string_equal(m.members[2].client_host, "::1");
    assert_int_equal(m.members[2].role, FOURLW_ROLE_OBSERVER);
    assert_int_equal(m.members[3].client_port, 0);
    dr_buf b = DR_BUF_INIT;
    for (size_t i = 0; i < m.n; i++) {
        fourlw_member_format(&m.members[i], &b);
        dr_buf_putc(&b, '\n');
    }
    assert_string_equal(b.data, "server.1=127.0.0.11:2888:3888:participant;127.0.0.11:2181\n"
                                "server.2=zk2.example:2888:3888:participant;2181\n"
                                "server.3=[::1]:2888:3888:observer;[::1]:2181\n"
                                "server.4=10.0.0.4:2888:3888:participant\n");
    dr_buf_free(&b);
    fourlw_membership_free(&m);

    static const struct {
        const char *line;
        const char *msg;
    } bad[] = {
        {"server.x=h:1:2", "cfg:7:8: expected a server id (a number) followed by '='"},
        {"server.1=h:1", "cfg:7:12: expected a quorum port (1-65535) followed by ':'"},
        {"server.1=h:1:70000", "cfg:7:14: expected an election port (1-65535)"},
        {"server.1=h:1:2:voter", "cfg:7:16: expected 'participant' or 'observer'"},
        {"server.1=h:1:2;", "cfg:7:16: expected a client port after ';'"},
        {"server.1=h:1:2;h:0", "cfg:7:18: expected a client port (1-65535)"},
        {"server.1=:1:2", "cfg:7:10: expected a server address"},
        {"server.1=[::1:1:2", "cfg:7:10: expected a server address"},
        {"server.1=h;2181", "cfg:7:11: expected ':<quorum port>'"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        fourlw_member mem;
        assert_int_equal(fourlw_parse_member("cfg", 7, bad[i].line, strlen(bad[i].line), &mem, &e),
                         DR_EPARSE);
        if (strcmp(e.msg, bad[i].msg) != 0)
            fail_msg("%s: got '%s', want '%s'", bad[i].line, e.msg, bad[i].msg);
        fourlw_member_free(&mem);
    }
    assert_int_equal(fourlw_parse_membership("c", S("server.1=a:1:2\nserver.1=b:1:2\n"), &m, &e),
                     DR_EPARSE);
    assert_string_equal(e.msg, "c:2:8: expected each server id once");
    assert_int_equal(fourlw_parse_membership("c", S("version=xyz\n"), &m, &e), DR_EPARSE);
    assert_string_equal(e.msg, "c:1:9: expected a hex config version");
    assert_int_equal(fourlw_parse_membership("c", S(""), &m, &e), DR_OK);
    assert_int_equal(m.n, 0);
    assert_false(m.has_version);
    fourlw_membership_free(&m);
}

/* ---- I/O against loopback listeners ---- */

static int listen_any(int *port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    assert_true(fd >= 0);
    struct sockaddr_in a = {.sin_family = AF_INET};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
    assert_int_equal(listen(fd, 8), 0);
    socklen_t l = sizeof a;
    assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &l), 0);
    *port = ntohs(a.sin_port);
    return fd;
}

/* A child that answers one connection: reads the 4-letter word, writes
 * "<word> answered\n" and closes. */
static pid_t serve_once(int lfd)
{
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        int c = accept(lfd, NULL, NULL);
        char w[5] = {0};
        size_t got = 0;
        while (c >= 0 && got < 4) {
            ssize_t r = read(c, w + got, 4 - got);
            if (r <= 0)
                break;
            got += (size_t)r;
        }
        char out[64];
        int n = snprintf(out, sizeof out, "%s answered\n", w);
        if (c >= 0 && write(c, out, (size_t)n) != n)
            _exit(1);
        _exit(0);
    }
    return pid;
}

static void test_query_many(void **state)
{
    (void)state;
    int p1, p2, p3, p4;
    int l1 = listen_any(&p1), l2 = listen_any(&p2), l3 = listen_any(&p3);
    int l4 = listen_any(&p4);
    close(l4); /* nobody there: refused */
    pid_t c1 = serve_once(l1), c2 = serve_once(l2);
    /* l3 listens but nobody ever accepts or answers: a timeout */
    fourlw_probe pr[4] = {
        {.host = "127.0.0.1", .port = p1},
        {.host = "127.0.0.1", .port = p2},
        {.host = "127.0.0.1", .port = p3},
        {.host = "127.0.0.1", .port = p4},
    };
    int64_t t0 = dr_now_ms();
    int failed = fourlw_query_many(pr, 4, "srvr", 400);
    int64_t took = dr_now_ms() - t0;
    assert_int_equal(failed, 2);
    assert_int_equal(pr[0].rc, DR_OK);
    assert_string_equal(pr[0].answer.data, "srvr answered\n");
    assert_int_equal(pr[1].rc, DR_OK);
    assert_int_equal(pr[2].rc, DR_ETIMEOUT);
    char want[128];
    snprintf(want, sizeof want, "127.0.0.1:%d: no answer within 400 ms (read the answer)", p3);
    assert_string_equal(pr[2].err.msg, want);
    assert_int_equal(pr[3].rc, DR_EREFUSED);
    snprintf(want, sizeof want, "127.0.0.1:%d: connect: Connection refused", p4);
    assert_string_equal(pr[3].err.msg, want);
    assert_true(took >= 380 && took < 2000);
    for (int i = 0; i < 4; i++)
        fourlw_probe_free(&pr[i]);
    waitpid(c1, NULL, 0);
    waitpid(c2, NULL, 0);
    close(l1);
    close(l2);
    close(l3);

    /* the one-server form */
    int p5, l5 = listen_any(&p5);
    pid_t c5 = serve_once(l5);
    dr_buf b = DR_BUF_INIT;
    dr_err e = {0};
    assert_int_equal(fourlw_query("127.0.0.1", p5, "ruok", 2000, &b, &e), DR_OK);
    assert_string_equal(b.data, "ruok answered\n");
    dr_buf_free(&b);
    waitpid(c5, NULL, 0);
    close(l5);
    assert_int_equal(fourlw_query("127.0.0.1", p4, "RUOK", 100, &b, &e), DR_EINVAL);
    assert_int_equal(fourlw_query("127.0.0.1", p4, "ruok!", 100, &b, &e), DR_EINVAL);
    assert_int_equal(fourlw_query("127.0.0.1", 0, "ruok", 100, &b, &e), DR_EINVAL);
    assert_int_equal(fourlw_query("no-such-host.invalid", 2181, "ruok", 100, &b, &e), DR_ENOTFOUND);
    assert_non_null(strstr(e.msg, "no-such-host.invalid:2181: resolve: "));
    fourlw_srvr s;
    assert_int_equal(fourlw_get_srvr("127.0.0.1", p4, 500, &s, &e), DR_EREFUSED);
    fourlw_srvr_free(&s);
    dr_buf_free(&b);
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_srvr_roles),        cmocka_unit_test(test_srvr_leader_fields),
        cmocka_unit_test(test_srvr_after_writes), cmocka_unit_test(test_read_only_mode),
        cmocka_unit_test(test_not_serving),       cmocka_unit_test(test_whitelist_refusal),
        cmocka_unit_test(test_mntr_zk38),         cmocka_unit_test(test_mntr_zk35_and_keeper),
        cmocka_unit_test(test_keeper_srvr_stat),  cmocka_unit_test(test_conf_zk38),
        cmocka_unit_test(test_conf_keeper),       cmocka_unit_test(test_keeper_lgif_rcvr_isro),
        cmocka_unit_test(test_edge_cases),        cmocka_unit_test(test_zxid),
        cmocka_unit_test(test_membership),        cmocka_unit_test(test_query_many),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
