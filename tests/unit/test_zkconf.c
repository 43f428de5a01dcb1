/* Unit tests for zkconf: round trips of real (ZooKeeper-rewritten) and
 * operator files, errors with file:line:col, membership operations, the
 * writer, against golden files in tests/data/zkconf. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zkconf.h"
#include "testdata.h"

#define REAL "/work/wt/zkconf/build/lab/zkreal" /* paths inside the captured files */

static zkconf *load(const char *rel, zkconf_kind kind)
{
    dr_buf b = DR_BUF_INIT;
    testdata_read("zkconf", rel, &b);
    zkconf *c = NULL;
    dr_err err = {0};
    if (zkconf_parse(rel, b.data, b.len, kind, &c, &err) != 0)
        fail_msg("%s", err.msg);
    dr_buf_free(&b);
    return c;
}

static zkconf_kind kind_of(const char *rel)
{
    return strstr(rel, ".dynamic") ? ZKCONF_DYNAMIC : ZKCONF_STATIC;
}

static const char *inputs[] = {
    "real38/zk1/before/zoo.cfg",
    "real38/zk1/before/zoo.cfg.dynamic",
    "real38/zk1/after/zoo.cfg",
    "real38/zk1/after/zoo.cfg.dynamic",
    "real38/zk1/after/zoo.cfg.dynamic.100000000",
    "real38/zk2/before/zoo.cfg",
    "real38/zk2/before/zoo.cfg.dynamic",
    "real38/zk2/after/zoo.cfg",
    "real38/zk2/after/zoo.cfg.dynamic.100000000",
    "real38/zk4/before/zoo.cfg",
    "real38/zk4/after/zoo.cfg",
    "real38/zk4/after/zoo.cfg.bak",
    "real38/zk4/after/zoo.cfg.dynamic.100000000",
    "operator/zoo.cfg",
    "operator/zoo.cfg.dynamic",
};

static void test_round_trip_is_byte_equal(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        dr_buf in = DR_BUF_INIT, out = DR_BUF_INIT;
        testdata_read("zkconf", inputs[i], &in);
        zkconf *c = load(inputs[i], kind_of(inputs[i]));
        zkconf_render(c, &out);
        if (in.len != out.len || memcmp(in.data, out.data, in.len) != 0)
            fail_msg("%s: round trip differs", inputs[i]);
        zkconf_free(c);
        dr_buf_free(&in);
        dr_buf_free(&out);
    }
    /* Edge cases: empty, no final newline, CRLF, blank last line. */
    const char *texts[] = {"", "\n", "a=1", "a=1\r\nb=2\r\n", "# c\n\n", "  x = y  \n\n\n"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        zkconf *c = NULL;
        dr_buf out = DR_BUF_INIT;
        assert_int_equal(zkconf_parse("t", texts[i], strlen(texts[i]), ZKCONF_STATIC, &c, NULL), 0);
        zkconf_render(c, &out);
        assert_string_equal(out.data, texts[i]);
        zkconf_free(c);
        dr_buf_free(&out);
    }
}

/* The files ZooKeeper 3.8 rewrote on its first start read as they are. */
static void test_reads_zookeeper_rewritten_files(void **state)
{
    (void)state;
    zkconf *st = load("real38/zk4/after/zoo.cfg", ZKCONF_STATIC);
    assert_string_equal(zkconf_get(st, "dynamicConfigFile"), REAL "/zk4/zoo.cfg.dynamic.100000000");
    assert_null(zkconf_get(st, "clientPort"));
    assert_null(zkconf_get(st, "peerType"));
    assert_string_equal(zkconf_get(st, "tickTime"), "500");
    uint64_t v = 0;
    assert_true(zkconf_versioned_name(zkconf_get(st, "dynamicConfigFile"), &v));
    assert_true(v == 0x100000000ull);
    assert_false(zkconf_versioned_name(REAL "/zk4/zoo.cfg", NULL));
    assert_false(zkconf_versioned_name("/etc/zookeeper/conf/zoo.cfg.dynamic", NULL));
    zkconf_free(st);

    zkconf *dy = load("real38/zk4/after/zoo.cfg.dynamic.100000000", ZKCONF_DYNAMIC);
    zkconf_members m = {0};
    zkconf_members_get(dy, &m);
    assert_int_equal(m.n, 4);
    assert_int_equal(zkconf_members_count(&m, ZKCONF_PARTICIPANT), 3);
    const zkconf_server *s4 = zkconf_members_find(&m, 4);
    assert_non_null(s4);
    assert_int_equal(s4->role, ZKCONF_OBSERVER);
    assert_string_equal(s4->host, "127.0.5.14");
    assert_int_equal(s4->quorum_port, 2888);
    assert_int_equal(s4->election_port, 3888);
    assert_string_equal(s4->client_host, "127.0.5.14");
    assert_int_equal(s4->client_port, 2181);
    assert_int_equal(zkconf_members_validate(&m, NULL), 0);
    zkconf_members_free(&m);
    zkconf_free(dy);

    /* The `conf` four-letter word's membership part, as /zookeeper/config. */
    dr_buf b = DR_BUF_INIT;
    testdata_read("zkconf", "real38/zk4/conf-4lw.txt", &b);
    const char *mem = strstr(b.data, "membership: \n");
    assert_non_null(mem);
    mem += strlen("membership: \n");
    zkconf *zn = NULL;
    dr_err err = {0};
    if (zkconf_parse("conf", mem, strlen(mem), ZKCONF_ZNODE, &zn, &err))
        fail_msg("%s", err.msg);
    assert_true(zkconf_version(zn) == 0x100000000LL);
    zkconf_members_get(zn, &m);
    assert_int_equal(m.n, 4);
    zkconf_members_free(&m);
    zkconf_free(zn);
    dr_buf_free(&b);
}

static void expect_error(zkconf_kind kind, const char *text, const char *want)
{
    zkconf *c = NULL;
    dr_err err = {0};
    int r = zkconf_parse("zoo.cfg.dynamic", text, strlen(text), kind, &c, &err);
    if (r == 0)
        fail_msg("parsed, expected error: %s", want);
    assert_null(c);
    assert_int_equal(r, DR_EPARSE);
    assert_int_equal(err.code, DR_EPARSE);
    if (strncmp(err.msg, want, strlen(want)) != 0)
        fail_msg("error\n  got:  %s\n  want: %s...", err.msg, want);
}

static void test_bad_inputs_say_where_and_what(void **state)
{
    (void)state;
    expect_error(ZKCONF_STATIC, "tickTime=500\njust words\n",
                 "zoo.cfg.dynamic:2:1: expected key=value, a comment or a blank line");
    expect_error(ZKCONF_STATIC, "  =5\n", "zoo.cfg.dynamic:1:3: expected a key before '='");
    expect_error(ZKCONF_DYNAMIC, "server.1=h1:2888:3888:participant;2181\nversion=100000000\n",
                 "zoo.cfg.dynamic:2:1: expected no version= line in a dynamic config file");
    expect_error(ZKCONF_DYNAMIC, "tickTime=500\n",
                 "zoo.cfg.dynamic:1:1: expected server.N, group.N or weight.N in a dynamic "
                 "config file ('tickTime' belongs in zoo.cfg)");
    expect_error(ZKCONF_STATIC, "server.x=h:1:2\n",
                 "zoo.cfg.dynamic:1:1: expected server.<id> with a positive number as id");
    expect_error(ZKCONF_STATIC, "server.1=h1\n",
                 "zoo.cfg.dynamic:1:12: server.1: expected ':' and the quorum port after the "
                 "host");
    expect_error(ZKCONF_STATIC, "server.1=h1:2888:99999\n",
                 "zoo.cfg.dynamic:1:18: server.1: expected an election port (1-65535)");
    expect_error(ZKCONF_STATIC, "server.1 = h1:2888:3888:leader\n",
                 "zoo.cfg.dynamic:1:25: server.1: expected role 'participant' or 'observer'");
    expect_error(ZKCONF_STATIC, "server.1=h1:2888:3888;\n",
                 "zoo.cfg.dynamic:1:23: server.1: expected CLIENT_PORT or "
                 "CLIENT_HOST:CLIENT_PORT after ';'");
    expect_error(ZKCONF_STATIC, "server.1=h1:2888:3888:observer;h:0\n",
                 "zoo.cfg.dynamic:1:34: server.1: expected a client port");
    expect_error(ZKCONF_STATIC, "server.1=h1:2888:3888 junk\n",
                 "zoo.cfg.dynamic:1:23: server.1: expected the end of the server line");
    expect_error(ZKCONF_STATIC, "server.1=a:1:2|b:1:2\n",
                 "zoo.cfg.dynamic:1:15: server.1: one address expected");
    expect_error(ZKCONF_STATIC, "server.1=a:1:2\nserver.1=b:1:2\n",
                 "zoo.cfg.dynamic:2:1: expected each server id once");
    expect_error(ZKCONF_STATIC, "dataDir=/a\\\n  /b\n",
                 "zoo.cfg.dynamic:1:11: expected the value on one line");
    expect_error(ZKCONF_ZNODE, "server.1=a:1:2\nversion=xyz\n",
                 "zoo.cfg.dynamic:2:9: expected one version=<hex number>");
    zkconf *c = NULL;
    dr_err err = {0};
    assert_int_equal(zkconf_parse("f", "a=1\n\0b", 6, ZKCONF_STATIC, &c, &err), DR_EPARSE);
    assert_string_equal(err.msg, "f:2: expected text, found a NUL byte");
    /* IPv6 and a client host parse; they format back with brackets. */
    zkconf_server s;
    assert_int_equal(
        zkconf_server_parse("f", 1, 1, 7, "[fd00::7]:2888:3888:OBSERVER;[::]:2181", &s, &err), 0);
    assert_string_equal(s.host, "fd00::7");
    assert_string_equal(s.client_host, "::");
    assert_int_equal(s.role, ZKCONF_OBSERVER);
    dr_buf b = DR_BUF_INIT;
    zkconf_server_format(&s, &b);
    assert_string_equal(b.data, "[fd00::7]:2888:3888:observer;[::]:2181");
    dr_buf_free(&b);
    zkconf_server_clear(&s);
}

static zkconf_server srv(long id, const char *host, zkconf_role role)
{
    zkconf_server s = {.id = id,
                       .host = (char *)host,
                       .quorum_port = 2888,
                       .election_port = 3888,
                       .role = role,
                       .client_port = 2181};
    return s;
}

static void members_of(zkconf_members *m, const zkconf_server *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        zkconf_members_add(m, &v[i]);
}

static void format_members(const zkconf_members *m, dr_buf *out)
{
    dr_buf_reset(out);
    for (size_t i = 0; i < m->n; i++) {
        dr_buf_printf(out, "server.%ld=", m->v[i].id);
        zkconf_server_format(&m->v[i], out);
        dr_buf_putc(out, '\n');
    }
}

/* The lab topology: chicago 1-3 participants, dallas 4 observer, 5-6 spares. */
static void test_membership_operations(void **state)
{
    (void)state;
    const zkconf_server chicago[] = {srv(1, "127.0.0.11", ZKCONF_PARTICIPANT),
                                     srv(2, "127.0.0.12", ZKCONF_PARTICIPANT),
                                     srv(3, "127.0.0.13", ZKCONF_PARTICIPANT)};
    const zkconf_server dallas_running[] = {srv(4, "127.0.0.14", ZKCONF_OBSERVER)};
    const zkconf_server dallas_all[] = {srv(4, "127.0.0.14", ZKCONF_OBSERVER),
                                        srv(5, "127.0.0.15", ZKCONF_OBSERVER),
                                        srv(6, "127.0.0.16", ZKCONF_OBSERVER)};
    zkconf_members chi = {0}, dal = {0}, dal_all = {0}, initial = {0}, after = {0}, recovered = {0},
                   back = {0};
    members_of(&chi, chicago, 3);
    members_of(&dal, dallas_running, 1);
    members_of(&dal_all, dallas_all, 3);
    dr_err err = {0};
    dr_buf b = DR_BUF_INIT, joining = DR_BUF_INIT, leaving = DR_BUF_INIT;

    assert_int_equal(zkconf_after_failback(&chi, &dal, &initial, &err), 0);
    format_members(&initial, &b);
    assert_string_equal(b.data, "server.1=127.0.0.11:2888:3888:participant;2181\n"
                                "server.2=127.0.0.12:2888:3888:participant;2181\n"
                                "server.3=127.0.0.13:2888:3888:participant;2181\n"
                                "server.4=127.0.0.14:2888:3888:observer;2181\n");

    assert_int_equal(zkconf_after_failover(&initial, &dal_all, &after, &err), 0);
    format_members(&after, &b);
    assert_string_equal(b.data, "server.4=127.0.0.14:2888:3888:participant;2181\n"
                                "server.5=127.0.0.15:2888:3888:participant;2181\n"
                                "server.6=127.0.0.16:2888:3888:participant;2181\n");

    zkconf_reconfig_args(&initial, &after, &joining, &leaving);
    assert_string_equal(joining.data, "server.4=127.0.0.14:2888:3888:participant;2181,"
                                      "server.5=127.0.0.15:2888:3888:participant;2181,"
                                      "server.6=127.0.0.16:2888:3888:participant;2181");
    assert_string_equal(leaving.data, "1,2,3");

    assert_int_equal(zkconf_after_recovery(&after, &chi, &recovered, &err), 0);
    format_members(&recovered, &b);
    assert_string_equal(b.data, "server.1=127.0.0.11:2888:3888:observer;2181\n"
                                "server.2=127.0.0.12:2888:3888:observer;2181\n"
                                "server.3=127.0.0.13:2888:3888:observer;2181\n"
                                "server.4=127.0.0.14:2888:3888:participant;2181\n"
                                "server.5=127.0.0.15:2888:3888:participant;2181\n"
                                "server.6=127.0.0.16:2888:3888:participant;2181\n");
    zkconf_reconfig_args(&after, &recovered, &joining, &leaving);
    assert_string_equal(joining.data, "server.1=127.0.0.11:2888:3888:observer;2181,"
                                      "server.2=127.0.0.12:2888:3888:observer;2181,"
                                      "server.3=127.0.0.13:2888:3888:observer;2181");
    assert_string_equal(leaving.data, "");

    /* Failback: back to the initial topology, and nothing to reconfig from
     * initial to itself. */
    assert_int_equal(zkconf_after_failback(&chi, &dal, &back, &err), 0);
    zkconf_reconfig_args(&initial, &back, &joining, &leaving);
    assert_string_equal(joining.data, "");
    assert_string_equal(leaving.data, "");

    /* Promote one observer: 4 participants is refused by validation, and the
     * joining string of the online change names only that server. */
    zkconf_members tmp = {0};
    zkconf_members_copy(&tmp, &initial);
    assert_int_equal(zkconf_promote(&tmp, 4, &err), 0);
    assert_int_equal(zkconf_members_validate(&tmp, &err), DR_EINVAL);
    assert_string_equal(err.msg, "membership: 4 participants (1,2,3,4): an odd number is needed "
                                 "(an even ensemble survives no more failures than one server "
                                 "less, and splits evenly)");
    zkconf_reconfig_args(&initial, &tmp, &joining, &leaving);
    assert_string_equal(joining.data, "server.4=127.0.0.14:2888:3888:participant;2181");
    assert_int_equal(zkconf_demote(&tmp, 3, &err), 0);
    assert_int_equal(zkconf_members_validate(&tmp, &err), 0);
    assert_int_equal(zkconf_promote(&tmp, 9, &err), DR_ENOTFOUND);
    assert_string_equal(err.msg, "membership: no server.9");

    /* Failover onto two servers only: even, refused with the reason. */
    zkconf_members two = {0};
    members_of(&two, dallas_all, 2);
    assert_int_equal(zkconf_after_failover(&initial, &two, &tmp, &err), DR_EINVAL);
    assert_string_equal(err.msg, "after failover: membership: 2 participants (4,5): an odd "
                                 "number is needed (an even ensemble survives no more failures "
                                 "than one server less, and splits evenly)");
    /* An id moved to another host is refused. */
    zkconf_server moved = srv(4, "127.0.0.99", ZKCONF_OBSERVER);
    zkconf_members_add(&two, &moved);
    assert_int_equal(zkconf_after_failover(&initial, &two, &tmp, &err), DR_ECONFLICT);
    assert_string_equal(err.msg, "after failover: membership: server.4 is 127.0.0.14 in one "
                                 "config and 127.0.0.99 in the other: an id must stay mapped to "
                                 "its host");
    /* Same host:port twice, no servers. */
    zkconf_server dup = srv(7, "127.0.0.11", ZKCONF_OBSERVER);
    zkconf_members_copy(&tmp, &initial);
    zkconf_members_add(&tmp, &dup);
    assert_int_equal(zkconf_members_validate(&tmp, &err), DR_EINVAL);
    assert_string_equal(err.msg, "membership: server.1 and server.7 both use 127.0.0.11:2888");
    zkconf_members_free(&tmp);
    assert_int_equal(zkconf_members_validate(&tmp, &err), DR_EINVAL);
    /* Recovery cannot turn a current participant into an observer. */
    assert_int_equal(zkconf_after_recovery(&after, &dal, &tmp, &err), DR_ECONFLICT);

    zkconf_members *all[] = {&chi, &dal, &dal_all, &initial, &after, &recovered, &back, &two, &tmp};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        zkconf_members_free(all[i]);
    dr_buf_free(&b);
    dr_buf_free(&joining);
    dr_buf_free(&leaving);
}

/* Patching the operator's dynamic file: unchanged lines keep their bytes
 * (and the comments stay), and doing it twice changes nothing more. */
static void test_members_put_patches_in_place(void **state)
{
    (void)state;
    zkconf *c = load("operator/zoo.cfg.dynamic", ZKCONF_DYNAMIC);
    zkconf_members cur = {0}, next = {0}, site = {0};
    zkconf_members_get(c, &cur);
    zkconf_server s5 = srv(5, "zk2.dal.example", ZKCONF_OBSERVER);
    zkconf_server s6 = srv(6, "zk3.dal.example", ZKCONF_OBSERVER);
    zkconf_members_add(&site, zkconf_members_find(&cur, 4));
    zkconf_members_add(&site, &s5);
    zkconf_members_add(&site, &s6);
    dr_err err = {0};
    assert_int_equal(zkconf_after_failover(&cur, &site, &next, &err), 0);
    assert_int_equal(zkconf_members_put(c, &next, &err), 0);
    dr_buf out = DR_BUF_INIT, again = DR_BUF_INIT;
    zkconf_render(c, &out);
    testdata_golden("zkconf", "expected/operator-failover.dynamic", out.data, out.len);
    assert_int_equal(zkconf_members_put(c, &next, &err), 0);
    zkconf_render(c, &again);
    assert_string_equal(again.data, out.data);
    zkconf_free(c);

    /* weight.N goes with its server; group.N is refused. */
    const char *w = "server.1=a:1:2\nserver.2=b:1:2\nweight.2=1\nserver.3=c:1:2\n";
    assert_int_equal(zkconf_parse("w", w, strlen(w), ZKCONF_DYNAMIC, &c, &err), 0);
    zkconf_members m = {0};
    zkconf_members_get(c, &m);
    zkconf_server one = m.v[0];
    zkconf_members one_only = {&one, 1};
    assert_int_equal(zkconf_members_put(c, &one_only, &err), 0);
    dr_buf_reset(&out);
    zkconf_render(c, &out);
    assert_string_equal(out.data, "server.1=a:1:2\n");
    zkconf_free(c);
    const char *g = "server.1=a:1:2\ngroup.1=1\n";
    assert_int_equal(zkconf_parse("g", g, strlen(g), ZKCONF_DYNAMIC, &c, &err), 0);
    assert_int_equal(zkconf_members_put(c, &one_only, &err), DR_EREFUSED);
    assert_string_equal(err.msg, "g:2: group.N lines (hierarchical quorums) are not supported: "
                                 "change this membership by hand");
    zkconf_free(c);
    zkconf_members_free(&m);
    zkconf_members_free(&cur);
    zkconf_members_free(&next);
    zkconf_members_free(&site);
    dr_buf_free(&out);
    dr_buf_free(&again);
}

static void check_plan(const char *static_rel, long self, const zkconf_members *m,
                       const char *dyn_path, const char *const *entries, size_t n_entries,
                       const char *golden_prefix, const char *const *want_remove, size_t n_want)
{
    zkconf *st = load(static_rel, ZKCONF_STATIC);
    zkconf_write w;
    dr_err err = {0};
    if (zkconf_write_plan(st, m, self, dyn_path, entries, n_entries, &w, &err))
        fail_msg("%s", err.msg);
    char rel[256];
    snprintf(rel, sizeof rel, "%s.zoo.cfg", golden_prefix);
    testdata_golden("zkconf", rel, w.static_text, w.static_len);
    snprintf(rel, sizeof rel, "%s.zoo.cfg.dynamic", golden_prefix);
    testdata_golden("zkconf", rel, w.dynamic_text, w.dynamic_len);
    assert_string_equal(w.dynamic_path, dyn_path);
    assert_int_equal(w.n_remove, n_want);
    for (size_t i = 0; i < n_want; i++)
        assert_string_equal(w.remove[i], want_remove[i]);
    /* What we write parses back, with the membership we asked for. */
    zkconf *again = NULL, *dy = NULL;
    assert_int_equal(zkconf_parse("s", w.static_text, w.static_len, ZKCONF_STATIC, &again, &err),
                     0);
    assert_string_equal(zkconf_get(again, "dynamicConfigFile"), dyn_path);
    assert_null(zkconf_get(again, "clientPort"));
    assert_int_equal(zkconf_parse("d", w.dynamic_text, w.dynamic_len, ZKCONF_DYNAMIC, &dy, &err),
                     0);
    zkconf_members got = {0};
    zkconf_members_get(dy, &got);
    assert_int_equal(got.n, m->n);
    zkconf_members_free(&got);
    zkconf_free(again);
    zkconf_free(dy);
    zkconf_write_free(&w);
    zkconf_free(st);
}

static void test_writer(void **state)
{
    (void)state;
    /* Failover on the dallas observer whose zoo.cfg ZooKeeper rewrote. */
    const zkconf_server site[] = {srv(4, "127.0.5.14", ZKCONF_PARTICIPANT),
                                  srv(5, "127.0.5.15", ZKCONF_PARTICIPANT),
                                  srv(6, "127.0.5.16", ZKCONF_PARTICIPANT)};
    zkconf_members m = {0};
    members_of(&m, site, 3);
    for (size_t i = 0; i < m.n; i++) {
        free(m.v[i].client_host);
        m.v[i].client_host = dr_strdup(m.v[i].host);
    }
    const char *entries[] = {"zoo.cfg",
                             "zoo.cfg.bak",
                             "zoo.cfg.dynamic.100000000",
                             "zoo.cfg.dynamic.next",
                             "zoo.cfg.dynamic",
                             "zoo.cfg.dynamic.x1",
                             "log4j.properties"};
    const char *want[] = {REAL "/zk4/zoo.cfg.dynamic.100000000", REAL "/zk4/zoo.cfg.dynamic.next"};
    check_plan("real38/zk4/after/zoo.cfg", 4, &m, REAL "/zk4/zoo.cfg.dynamic", entries, 7,
               "expected/zk4-failover", want, 2);

    /* The operator's legacy zoo.cfg (server lines inside, peerType=observer,
     * clientPort): comments stay, the rest moves or goes. */
    zkconf_members op = {0};
    const zkconf_server opsite[] = {srv(4, "zk1.dal.example", ZKCONF_PARTICIPANT),
                                    srv(5, "zk2.dal.example", ZKCONF_PARTICIPANT),
                                    srv(6, "zk3.dal.example", ZKCONF_PARTICIPANT)};
    members_of(&op, opsite, 3);
    for (size_t i = 0; i < op.n; i++)
        op.v[i].client_port = 0; /* filled from clientPort */
    check_plan("operator/zoo.cfg", 4, &op, "/etc/zookeeper/conf/zoo.cfg.dynamic", NULL, 0,
               "expected/operator-failover", NULL, 0);

    /* Refusals. */
    zkconf *st = load("real38/zk4/after/zoo.cfg", ZKCONF_STATIC);
    zkconf_write w;
    dr_err err = {0};
    assert_int_equal(
        zkconf_write_plan(st, &m, 4, "/x/zoo.cfg.dynamic.200000000", NULL, 0, &w, &err), DR_EINVAL);
    assert_non_null(strstr(err.msg, "ends in a version suffix"));
    assert_int_equal(zkconf_write_plan(st, &m, 1, "/x/zoo.cfg.dynamic", NULL, 0, &w, &err),
                     DR_EINVAL);
    assert_string_equal(err.msg, "real38/zk4/after/zoo.cfg: this node (server.1) is not in the "
                                 "membership");
    for (size_t i = 0; i < op.n; i++)
        op.v[i].client_port = 0;
    assert_int_equal(zkconf_write_plan(st, &op, 4, "/x/zoo.cfg.dynamic", NULL, 0, &w, &err),
                     DR_EINVAL);
    assert_string_equal(err.msg, "real38/zk4/after/zoo.cfg: server.4 has no client port and "
                                 "zoo.cfg has no clientPort to give it: ZooKeeper would not "
                                 "serve clients");
    zkconf_free(st);
    /* Values that cannot move into a server line are refused, not copied. */
    const char *bad[] = {"clientPort=2181\nclientPortAddress = 10.0.0.1 junk=1\n",
                         "clientPort=21x81\n"};
    const char *why[] = {"z: clientPortAddress '10.0.0.1 junk=1' is not a host name or address: "
                         "it cannot move into a server line",
                         "z: clientPort '21x81' is not a port (1-65535)"};
    for (int i = 0; i < 2; i++) {
        assert_int_equal(zkconf_parse("z", bad[i], strlen(bad[i]), ZKCONF_STATIC, &st, &err), 0);
        assert_int_equal(zkconf_write_plan(st, &op, 4, "/x/zoo.cfg.dynamic", NULL, 0, &w, &err),
                         DR_EINVAL);
        assert_string_equal(err.msg, why[i]);
        zkconf_free(st);
    }
    zkconf_server comma = srv(7, "a,b", ZKCONF_OBSERVER);
    zkconf_members_add(&op, &comma);
    assert_int_equal(zkconf_members_validate(&op, &err), DR_EINVAL);
    assert_string_equal(err.msg, "membership: server.7: 'a,b' is not a host name or address");
    zkconf_members_free(&m);
    zkconf_members_free(&op);
}

static void test_set_get_unset(void **state)
{
    (void)state;
    const char *t = "# c\na = 1\nb=2\n\n# tail\n";
    zkconf *c = NULL;
    assert_int_equal(zkconf_parse("t", t, strlen(t), ZKCONF_STATIC, &c, NULL), 0);
    zkconf_set(c, "a", "10");
    zkconf_set(c, "z", "26");
    assert_int_equal(zkconf_unset(c, "b"), 1);
    assert_int_equal(zkconf_unset(c, "nope"), 0);
    assert_string_equal(zkconf_get(c, "a"), "10");
    dr_buf out = DR_BUF_INIT;
    zkconf_render(c, &out);
    assert_string_equal(out.data, "# c\na = 10\nz=26\n\n# tail\n");
    zkconf_free(c);
    /* Appending to a file without a final newline. */
    assert_int_equal(zkconf_parse("t", "a=1", 3, ZKCONF_STATIC, &c, NULL), 0);
    zkconf_set(c, "b", "2");
    dr_buf_reset(&out);
    zkconf_render(c, &out);
    assert_string_equal(out.data, "a=1\nb=2\n");
    zkconf_free(c);
    dr_buf_free(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip_is_byte_equal),
        cmocka_unit_test(test_reads_zookeeper_rewritten_files),
        cmocka_unit_test(test_bad_inputs_say_where_and_what),
        cmocka_unit_test(test_membership_operations),
        cmocka_unit_test(test_members_put_patches_in_place),
        cmocka_unit_test(test_writer),
        cmocka_unit_test(test_set_get_unset),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
