/* Unit tests for keeperxml: reading Keeper's XML, patching the Raft
 * membership in place (golden files, idempotence), refusing role flips on
 * nodes with data, and errors with file:line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "keeperxml.h"
#include "testdata.h"

static keeperxml *load_text(const char *name, const char *text, size_t len)
{
    keeperxml *k = NULL;
    dr_err err = {0};
    if (keeperxml_parse(name, text, len, &k, &err))
        fail_msg("%s", err.msg);
    return k;
}

static keeperxml *load(const char *rel)
{
    dr_buf b = DR_BUF_INIT;
    testdata_read("keeperxml", rel, &b);
    keeperxml *k = load_text(rel, b.data, b.len);
    dr_buf_free(&b);
    return k;
}

static keeperxml_server ks(long id, const char *host, keeperxml_role role)
{
    keeperxml_server s = {.id = id,
                          .hostname = (char *)host,
                          .port = 9234,
                          .role = role,
                          .priority = -1,
                          .start_as_follower = -1};
    return s;
}

static void test_reads_settings_and_members(void **state)
{
    (void)state;
    keeperxml *k = load("keeper4.xml");
    keeperxml_info info;
    keeperxml_info_get(k, &info);
    assert_int_equal(info.server_id, 4);
    assert_int_equal(info.tcp_port, 9181);
    assert_string_equal(info.log_storage_path, "/var/lib/clickhouse/coordination/log");
    assert_string_equal(info.snapshot_storage_path, "/var/lib/clickhouse/coordination/snapshots");
    keeperxml_info_clear(&info);
    keeperxml_members m = {0};
    keeperxml_members_get(k, &m);
    assert_int_equal(m.n, 4);
    assert_string_equal(m.v[0].hostname, "zk1.chi.example");
    assert_int_equal(m.v[0].port, 9234);
    assert_int_equal(m.v[0].role, KEEPERXML_PARTICIPANT);
    assert_int_equal(m.v[0].priority, -1);
    assert_int_equal(m.v[2].priority, 3);
    assert_int_equal(m.v[3].role, KEEPERXML_LEARNER);
    assert_int_equal(m.v[3].priority, 0);
    dr_err err = {0};
    assert_int_equal(keeperxml_members_validate(&m, &err), 0);
    keeperxml_members_free(&m);
    keeperxml_free(k);

    k = load("yandex1.xml");
    keeperxml_info_get(k, &info);
    assert_int_equal(info.server_id, 1);
    assert_int_equal(info.tcp_port, 2181);
    keeperxml_info_clear(&info);
    keeperxml_members_get(k, &m);
    assert_int_equal(m.n, 1);
    assert_string_equal(m.v[0].hostname, "k1");
    assert_int_equal(m.v[0].port, 9444);
    keeperxml_members_free(&m);
    keeperxml_free(k);
}

/* Unmodified documents come back byte-equal, whatever forms they use
 * (single-quoted attributes, <x/>, the declaration), and rendering is a
 * fixed point. */
static void test_render_keeps_the_document(void **state)
{
    (void)state;
    const char *files[] = {"keeper4.xml", "yandex1.xml"};
    for (size_t i = 0; i < 2; i++) {
        dr_buf in = DR_BUF_INIT, out = DR_BUF_INIT, again = DR_BUF_INIT;
        testdata_read("keeperxml", files[i], &in);
        keeperxml *k = load_text(files[i], in.data, in.len);
        keeperxml_render(k, &out);
        keeperxml *k2 = load_text(files[i], out.data, out.len);
        keeperxml_render(k2, &again);
        assert_string_equal(again.data, out.data);
        assert_int_equal(out.len, in.len);
        assert_memory_equal(out.data, in.data, in.len);
        keeperxml_free(k);
        keeperxml_free(k2);
        dr_buf_free(&in);
        dr_buf_free(&out);
        dr_buf_free(&again);
    }
}

/* Failover to dallas, written into the learner's file (no data yet): the
 * chicago servers go, 4 becomes a participant, 5 and 6 arrive, comments and
 * other settings stay.  Patching the result again changes no byte. */
static void test_failover_patch_golden_and_idempotent(void **state)
{
    (void)state;
    keeperxml *k = load("keeper4.xml");
    keeperxml_members cur = {0}, site = {0}, next = {0};
    keeperxml_members_get(k, &cur);
    keeperxml_server s4 = *keeperxml_members_find(&cur, 4);
    keeperxml_server s5 = ks(5, "zk2.dal.example", KEEPERXML_LEARNER);
    keeperxml_server s6 = ks(6, "zk3.dal.example", KEEPERXML_LEARNER);
    keeperxml_members_add(&site, &s4);
    keeperxml_members_add(&site, &s5);
    keeperxml_members_add(&site, &s6);
    dr_err err = {0};
    assert_int_equal(keeperxml_after_failover(&cur, &site, &next, &err), 0);
    assert_int_equal(keeperxml_members_find(&next, 4)->role, KEEPERXML_PARTICIPANT);
    assert_int_equal(keeperxml_members_find(&next, 4)->priority, 1);
    assert_int_equal(keeperxml_members_put(k, &next, 0, NULL, &err), 0);
    dr_buf out = DR_BUF_INIT, again = DR_BUF_INIT;
    keeperxml_render(k, &out);
    testdata_golden("keeperxml", "expected/keeper4-failover.xml", out.data, out.len);
    /* same patch, same document */
    assert_int_equal(keeperxml_members_put(k, &next, 0, NULL, &err), 0);
    keeperxml_render(k, &again);
    assert_string_equal(again.data, out.data);
    /* same patch on the output, parsed anew */
    keeperxml *k2 = load_text("out", out.data, out.len);
    assert_int_equal(keeperxml_members_put(k2, &next, 0, NULL, &err), 0);
    dr_buf_reset(&again);
    keeperxml_render(k2, &again);
    assert_string_equal(again.data, out.data);
    keeperxml_members m2 = {0};
    keeperxml_members_get(k2, &m2);
    assert_int_equal(m2.n, 3);
    assert_int_equal(m2.v[0].id, 4);
    assert_int_equal(m2.v[0].role, KEEPERXML_PARTICIPANT);
    assert_int_equal(m2.v[1].role, KEEPERXML_PARTICIPANT);
    assert_int_equal(keeperxml_members_validate(&m2, &err), 0);
    keeperxml_members_free(&m2);
    keeperxml_free(k2);

    /* Recovery: chicago back as learners, into the tab-indented file. */
    keeperxml_members chi = {0}, rec = {0};
    keeperxml_server c1 = ks(1, "zk1.chi.example", KEEPERXML_PARTICIPANT);
    keeperxml_members_add(&chi, &c1);
    assert_int_equal(keeperxml_after_recovery(&next, &chi, &rec, &err), 0);
    keeperxml *y = load("yandex1.xml");
    /* yandex1's server 1 is k1: the id->host check would refuse mixing;
     * patch a fresh membership in instead */
    assert_int_equal(keeperxml_set(y, "server_id", "4", &err), 0);
    assert_int_equal(keeperxml_set(y, "four_letter_word_white_list", "srvr,mntr,rcvr", &err), 0);
    assert_int_equal(keeperxml_members_put(y, &rec, 0, NULL, &err), 0);
    dr_buf_reset(&out);
    keeperxml_render(y, &out);
    testdata_golden("keeperxml", "expected/yandex1-recovery.xml", out.data, out.len);
    keeperxml *y2 = load_text("y", out.data, out.len);
    assert_int_equal(keeperxml_members_put(y2, &rec, 0, NULL, &err), 0);
    assert_int_equal(keeperxml_set(y2, "server_id", "4", &err), 0);
    dr_buf_reset(&again);
    keeperxml_render(y2, &again);
    assert_string_equal(again.data, out.data);
    keeperxml_free(y);
    keeperxml_free(y2);

    keeperxml_members_free(&cur);
    keeperxml_members_free(&site);
    keeperxml_members_free(&next);
    keeperxml_members_free(&chi);
    keeperxml_members_free(&rec);
    keeperxml_free(k);
    dr_buf_free(&out);
    dr_buf_free(&again);
}

/* A patch changes the servers it must and no other byte: CR LF endings, the
 * declaration, single-quoted attributes, <x/>, comments between servers,
 * CDATA and references elsewhere, and the missing final newline all stay;
 * the new server is indented like its neighbours, with CR LF. */
static void test_patch_keeps_every_other_byte(void **state)
{
    (void)state;
    const char *in = "<?xml version='1.0' encoding='UTF-8'?>\r\n"
                     "<clickhouse>\r\n"
                     "  <logger level='x'/>\r\n"
                     "  <keeper_server>\r\n"
                     "    <server_id>1</server_id>\r\n"
                     "    <raft_configuration>\r\n"
                     "      <server><id>1</id><hostname>a</hostname><port>9234</port></server>\r\n"
                     "      <!-- two -->\r\n"
                     "      <server>\r\n"
                     "        <id>2</id>\r\n"
                     "        <hostname>b</hostname>\r\n"
                     "        <port>9234</port>\r\n"
                     "      </server>\r\n"
                     "      <server>\r\n"
                     "        <id>3</id>\r\n"
                     "        <hostname>c</hostname>\r\n"
                     "        <port >9234</port>\r\n"
                     "      </server>\r\n"
                     "    </raft_configuration>\r\n"
                     "    <note><![CDATA[a<b]]>&amp;</note>\r\n"
                     "  </keeper_server>\r\n"
                     "</clickhouse>";
    const char *want =
        "<?xml version='1.0' encoding='UTF-8'?>\r\n"
        "<clickhouse>\r\n"
        "  <logger level='x'/>\r\n"
        "  <keeper_server>\r\n"
        "    <server_id>1</server_id>\r\n"
        "    <raft_configuration>\r\n"
        "      <server><id>1</id><hostname>a</hostname><port>9234</port></server>\r\n"
        "      <!-- two -->\r\n"
        "      <server>\r\n"
        "        <id>3</id>\r\n"
        "        <hostname>c&amp;d</hostname>\r\n"
        "        <port >9234</port>\r\n"
        "      </server>\r\n"
        "      <server>\r\n"
        "        <id>5</id>\r\n"
        "        <hostname>e</hostname>\r\n"
        "        <port>9234</port>\r\n"
        "        <can_become_leader>false</can_become_leader>\r\n"
        "        <priority>0</priority>\r\n"
        "      </server>\r\n"
        "    </raft_configuration>\r\n"
        "    <note><![CDATA[a<b]]>&amp;</note>\r\n"
        "  </keeper_server>\r\n"
        "</clickhouse>";
    keeperxml *k = load_text("crlf.xml", in, strlen(in));
    keeperxml_members m = {0};
    keeperxml_server s1 = ks(1, "a", KEEPERXML_PARTICIPANT);
    keeperxml_server s3 = ks(3, "c&d", KEEPERXML_PARTICIPANT);
    keeperxml_server s5 = ks(5, "e", KEEPERXML_LEARNER);
    keeperxml_members_add(&m, &s1);
    keeperxml_members_add(&m, &s3);
    keeperxml_members_add(&m, &s5);
    dr_err err = {0};
    assert_int_equal(keeperxml_members_put(k, &m, 0, NULL, &err), 0);
    dr_buf out = DR_BUF_INIT;
    keeperxml_render(k, &out);
    assert_string_equal(out.data, want);
    keeperxml_members got = {0};
    keeperxml_members_get(k, &got);
    assert_int_equal(got.n, 3);
    assert_string_equal(keeperxml_members_find(&got, 3)->hostname, "c&d");
    assert_int_equal(keeperxml_members_find(&got, 5)->role, KEEPERXML_LEARNER);
    /* a setting added to <keeper_server> goes after its last child */
    assert_int_equal(keeperxml_set(k, "tcp_port", "9181", &err), 0);
    dr_buf_reset(&out);
    keeperxml_render(k, &out);
    assert_non_null(
        strstr(out.data, "&amp;</note>\r\n    <tcp_port>9181</tcp_port>\r\n  </keeper_"));
    keeperxml_members_free(&m);
    keeperxml_members_free(&got);
    dr_buf_free(&out);
    keeperxml_free(k);
}

/* A node with Keeper data: a role flip in the XML would do nothing, so it
 * is refused with the supported routes, and the document is untouched. */
static void test_role_flip_with_state_is_refused(void **state)
{
    (void)state;
    keeperxml *k = load("keeper4.xml");
    dr_buf before = DR_BUF_INIT, after = DR_BUF_INIT, advice = DR_BUF_INIT;
    keeperxml_render(k, &before);
    keeperxml_members m = {0};
    keeperxml_members_get(k, &m);
    dr_err err = {0};
    assert_int_equal(keeperxml_promote(&m, 4, &err), 0);
    assert_int_equal(keeperxml_demote(&m, 3, &err), 0);
    assert_int_equal(keeperxml_members_find(&m, 3)->priority, 0);
    assert_int_equal(keeperxml_members_put(k, &m, 1, &advice, &err), DR_EREFUSED);
    assert_string_equal(err.msg,
                        "keeper4.xml: server 3: a role change (participant -> learner) cannot "
                        "take effect by editing the XML of a node that has Keeper data; remove "
                        "and re-add it under a new id, or use the quorum-loss recovery");
    assert_non_null(strstr(advice.data, "under a NEW id"));
    assert_non_null(strstr(advice.data, "back up its /var/lib/clickhouse/coordination/log and "
                                        "/var/lib/clickhouse/coordination/snapshots"));
    assert_non_null(strstr(advice.data, "send 'rcvr' to the chosen node"));
    assert_non_null(strstr(advice.data, "zk_server_state=follower"));
    keeperxml_render(k, &after);
    assert_string_equal(after.data, before.data);
    /* Without data (a node never started) the same change is written. */
    assert_int_equal(keeperxml_members_put(k, &m, 0, NULL, &err), 0);
    keeperxml_members m2 = {0};
    keeperxml_members_get(k, &m2);
    assert_int_equal(keeperxml_members_find(&m2, 3)->role, KEEPERXML_LEARNER);
    assert_int_equal(keeperxml_members_find(&m2, 4)->role, KEEPERXML_PARTICIPANT);
    assert_int_equal(keeperxml_members_find(&m2, 4)->priority, 1);
    keeperxml_members_free(&m);
    keeperxml_members_free(&m2);
    keeperxml_free(k);
    dr_buf_free(&before);
    dr_buf_free(&after);
    dr_buf_free(&advice);
}

static void expect_error(const char *text, const char *want)
{
    /* libxml2 must not print: capture fd 2 around the parse. */
    char path[] = "/tmp/drctl-kx-stderr-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    fflush(stderr);
    int saved = dup(2);
    dup2(fd, 2);
    keeperxml *k = NULL;
    dr_err err = {0};
    int r = keeperxml_parse("keeper.xml", text, strlen(text), &k, &err);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    struct stat sb;
    fstat(fd, &sb);
    close(fd);
    unlink(path);
    assert_int_equal(sb.st_size, 0);
    assert_int_equal(r, DR_EPARSE);
    assert_null(k);
    if (strcmp(err.msg, want) != 0)
        fail_msg("error\n  got:  %s\n  want: %s", err.msg, want);
}

static void test_bad_inputs_say_where_and_what(void **state)
{
    (void)state;
    expect_error("<clickhouse>\n  <keeper_server>\n    <server_id>1</server_id>\n"
                 "    <tcp_port>9181</port>\n",
                 "keeper.xml:4:26: malformed XML: Opening and ending tag mismatch: "
                 "tcp_port line 4 and port");
    expect_error("", "keeper.xml:1:1: expected an XML document, the file is empty");
    expect_error("<clickhouse><a></clickhouse>",
                 "keeper.xml:1:29: malformed XML: Opening and ending tag mismatch: a "
                 "line 1 and clickhouse");
    expect_error("<config/>\n", "keeper.xml:1: expected root element <clickhouse> or <yandex>, "
                                "not <config>");
    expect_error("<clickhouse>\n<zookeeper/>\n</clickhouse>\n",
                 "keeper.xml:1: expected <keeper_server> in <clickhouse>");
    expect_error("<yandex><keeper_server>\n<server_id>one</server_id></keeper_server></yandex>",
                 "keeper.xml:2: expected <server_id> to be a positive number");
    expect_error("<yandex><keeper_server><raft_configuration>\n"
                 "<server><id>1</id><hostname>a</hostname></server>\n"
                 "</raft_configuration></keeper_server></yandex>",
                 "keeper.xml:2: expected <port> in <server> of <raft_configuration>");
    expect_error("<yandex><keeper_server><raft_configuration>\n"
                 "<server><id>1</id><hostname>a</hostname><port>9234</port>\n"
                 "<can_become_leader>maybe</can_become_leader></server>\n"
                 "</raft_configuration></keeper_server></yandex>",
                 "keeper.xml:3: expected <can_become_leader> to be true or false");
    expect_error("<yandex><keeper_server><raft_configuration>\n"
                 "<server><id>1</id><hostname>a</hostname><port>9234</port></server>\n"
                 "<server><id>1</id><hostname>b</hostname><port>9234</port></server>\n"
                 "</raft_configuration></keeper_server></yandex>",
                 "keeper.xml:3: expected each server id once, 1 is already in "
                 "<raft_configuration>");
    expect_error("<yandex><keeper_server><raft_configuration>\n"
                 "<server><id>4</id><hostname>a</hostname><port>9234</port></server>\n"
                 "<server><id>04</id><hostname>b</hostname><port>9234</port></server>\n"
                 "</raft_configuration></keeper_server></yandex>",
                 "keeper.xml:3: expected each server id once, 4 is already in "
                 "<raft_configuration>");
    /* An external entity is neither fetched nor expanded: a DOCTYPE, which
     * a Keeper config has no use for, is refused before any entity. */
    expect_error("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
                 "<clickhouse><keeper_server><log_storage_path>&e;</log_storage_path>"
                 "</keeper_server></clickhouse>",
                 "keeper.xml:1: DOCTYPE declaration: not accepted in a ClickHouse config "
                 "(expected no DTD and no entities)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reads_settings_and_members),
        cmocka_unit_test(test_render_keeps_the_document),
        cmocka_unit_test(test_failover_patch_golden_and_idempotent),
        cmocka_unit_test(test_patch_keeps_every_other_byte),
        cmocka_unit_test(test_role_flip_with_state_is_refused),
        cmocka_unit_test(test_bad_inputs_say_where_and_what),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
