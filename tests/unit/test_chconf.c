/* Unit tests for chconf: reading and patching ClickHouse config files against
 * golden files in tests/data/chconf/ (inputs as an operator writes them, and
 * the expected output of each patch), idempotency of every patch, and clear
 * errors on bad input.
 *
 * DRCTL_UPDATE_GOLDEN=1 rewrites the expected files from the current output
 * (review the diff before committing them). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chconf.h"
#include "testdir.h"
#include "util.h"

static char *data_path(const char *name)
{
    dr_buf b = DR_BUF_INIT;
    dr_buf_printf(&b, "%s/chconf/%s", testdata_dir(), name);
    size_t n;
    return dr_buf_steal(&b, &n);
}

static void load(const char *name, dr_buf *out)
{
    char *p = data_path(name);
    dr_err e = {0};
    dr_buf_init(out);
    if (dr_read_file(p, out, &e) != DR_OK)
        fail_msg("%s", e.msg);
    free(p);
}

static int count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* A patch under test: applied to `in`, then again to its own output. */
typedef int (*patch_fn)(const chconf_in *in, chconf_out *out, dr_err *err);

/* Compares text with the golden file `expected` (or rewrites it). */
static void check_golden(const char *expected, const char *text, size_t len)
{
    char *p = data_path(expected);
    if (getenv("DRCTL_UPDATE_GOLDEN")) {
        FILE *f = fopen(p, "wb");
        assert_non_null(f);
        assert_int_equal(fwrite(text, 1, len, f), len);
        fclose(f);
    }
    dr_buf want = DR_BUF_INIT;
    dr_err e = {0};
    if (dr_read_file(p, &want, &e) != DR_OK)
        fail_msg("%s", e.msg);
    if (want.len != len || memcmp(want.data, text, len) != 0) {
        fprintf(stderr, "---- %s: expected\n%s---- got\n%.*s----\n", expected, want.data, (int)len,
                text);
        fail_msg("%s differs from the patch output", expected);
    }
    dr_buf_free(&want);
    free(p);
}

/* Runs fn on the input file, checks the golden output, then runs fn on that
 * output and checks nothing changes, byte for byte. */
static void golden(const char *input, const char *section, patch_fn fn, const char *expected)
{
    dr_buf src;
    load(input, &src);
    chconf_in in = {input, src.data, src.len, section};
    chconf_out out = {0};
    dr_err e = {0};
    if (fn(&in, &out, &e) != DR_OK)
        fail_msg("%s: %s", input, e.msg);
    assert_true(out.changed);
    assert_true(out.notes[0] != '\0');
    check_golden(expected, out.text, out.len);

    chconf_in again = {input, out.text, out.len, section};
    chconf_out out2 = {0};
    if (fn(&again, &out2, &e) != DR_OK)
        fail_msg("%s (second run): %s", input, e.msg);
    assert_false(out2.changed);
    assert_string_equal(out2.notes, "");
    assert_int_equal(out2.len, out.len);
    assert_memory_equal(out2.text, out.text, out.len);
    chconf_out_free(&out);
    chconf_out_free(&out2);
    dr_buf_free(&src);
}

/* Runs fn and expects it to fail with code and a message containing want. */
static void refused(const char *input, const char *section, patch_fn fn, int code, const char *want)
{
    dr_buf src;
    load(input, &src);
    chconf_in in = {input, src.data, src.len, section};
    chconf_out out = {0};
    dr_err e = {0};
    int rc = fn(&in, &out, &e);
    if (rc != code || !strstr(e.msg, want))
        fail_msg("%s: expected %s containing \"%s\", got %d \"%s\"", input, dr_strerror(code), want,
                 rc, e.msg);
    assert_null(out.text);
    dr_buf_free(&src);
}

/* ---- the patches ---------------------------------------------------------- */

static const chconf_endpoint dallas_zk[] = {
    {"zk4.dal.example", 2181}, {"zk5.dal.example", 2181}, {"zk6.dal.example", 2181}};

static int zk_to_dallas(const chconf_in *in, chconf_out *out, dr_err *err)
{
    return chconf_zk_set_nodes(in, dallas_zk, 3, 0, out, err);
}

static int zk_to_dallas_inline(const chconf_in *in, chconf_out *out, dr_err *err)
{
    return chconf_zk_set_nodes(in, dallas_zk, 3, CHCONF_INLINE, out, err);
}

static int zk_add_fourth(const chconf_in *in, chconf_out *out, dr_err *err)
{
    const chconf_endpoint n[] = {{"zk1.chi.example", 2181},
                                 {"zk2.chi.example", 2181},
                                 {"zk3.chi.example", 2181},
                                 {"zk4.dal.example", 2181}};
    return chconf_zk_set_nodes(in, n, 4, 0, out, err);
}

static int zk_drop_first(const chconf_in *in, chconf_out *out, dr_err *err)
{
    const chconf_endpoint n[] = {{"zk2.chi.example", 2181}, {"zk3.chi.example", 2181}};
    return chconf_zk_set_nodes(in, n, 2, 0, out, err);
}

static const chconf_endpoint dallas_ch[] = {{"ch1.dal.example", 9000}, {"ch2.dal.example", 0}};

static int drop_dallas(const chconf_in *in, chconf_out *out, dr_err *err)
{
    return chconf_remote_remove_hosts(in, "all", dallas_ch, 2, 0, out, err);
}

static int drop_dallas_shards(const chconf_in *in, chconf_out *out, dr_err *err)
{
    return chconf_remote_remove_hosts(in, "all", dallas_ch, 2, CHCONF_DROP_EMPTY_SHARDS, out, err);
}

static const chconf_replica_spec ch3 = {"ch3.chi.example", 9000, NULL, 0};

static int add_ch3_shard1(const chconf_in *in, chconf_out *out, dr_err *err)
{
    return chconf_remote_add_replica(in, "cluster1", 1, &ch3, 0, out, err);
}

static int add_ch3_new_shard(const chconf_in *in, chconf_out *out, dr_err *err)
{
    return chconf_remote_add_replica(in, "all", CHCONF_NEW_SHARD, &ch3, 0, out, err);
}

static int add_to_missing_cluster(const chconf_in *in, chconf_out *out, dr_err *err)
{
    const chconf_pair extra[] = {{"user", "drctl"}, {"secure", "0"}};
    const chconf_replica_spec r = {"ch1.dal.example", 9000, extra, 2};
    return chconf_remote_add_replica(in, "dallas_only", 1, &r, 0, out, err);
}

static const chconf_replica_spec chi_reps[] = {{"ch1.chi.example", 9000, NULL, 0},
                                               {"ch2.chi.example", 9000, NULL, 0}};
static const chconf_replica_spec dal_reps[] = {{"ch1.dal.example", 9000, NULL, 0},
                                               {"ch2.dal.example", 9000, NULL, 0}};
static const chconf_shard_spec chi_shard = {chi_reps, 2};
static const chconf_cluster_spec cluster1_chi = {"cluster1", NULL, &chi_shard, 1};
static const chconf_shard_spec all_shards[] = {{chi_reps, 2}, {dal_reps, 2}};
static const chconf_cluster_spec all_two = {"all", "true", all_shards, 2};

static int create_cluster1_inline(const chconf_in *in, chconf_out *out, dr_err *err)
{
    return chconf_remote_create_cluster(in, &cluster1_chi, CHCONF_INLINE, out, err);
}

static int create_all_two(const chconf_in *in, chconf_out *out, dr_err *err)
{
    return chconf_remote_create_cluster(in, &all_two, 0, out, err);
}

static int replica_force(const chconf_in *in, chconf_out *out, dr_err *err)
{
    const chconf_pair m[] = {{"replica", "dal-prod-01"}};
    return chconf_macros_set(in, m, 1, CHCONF_FORCE, out, err);
}

static int replica_no_force(const chconf_in *in, chconf_out *out, dr_err *err)
{
    const chconf_pair m[] = {{"cluster", "cluster1"}, {"replica", "x"}};
    return chconf_macros_set(in, m, 2, 0, out, err);
}

static int macros_add(const chconf_in *in, chconf_out *out, dr_err *err)
{
    const chconf_pair m[] = {
        {"cluster", "cluster1"}, {"layer", "site-a&b"}, {"shard", "0"}, {"site", "chicago"}};
    return chconf_macros_set(in, m, 4, 0, out, err);
}

static int macros_new_node(const chconf_in *in, chconf_out *out, dr_err *err)
{
    const chconf_pair m[] = {{"cluster", "cluster1"}, {"shard", "0"}, {"replica", "dal-prod-02"}};
    return chconf_macros_set(in, m, 3, 0, out, err);
}

/* ---- golden tests ------------------------------------------------------------- */

static void test_zookeeper_failover(void **state)
{
    (void)state;
    golden("zookeeper.xml", NULL, zk_to_dallas, "zookeeper.to-dallas.xml");
    golden("zookeeper.xml", NULL, zk_add_fourth, "zookeeper.add-node.xml");
    golden("zookeeper.xml", NULL, zk_drop_first, "zookeeper.drop-first.xml");
}

static void test_zookeeper_debian_stock(void **state)
{
    (void)state;
    refused("debian-config.xml", NULL, zk_to_dallas, DR_EREFUSED,
            "debian-config.xml:203: <zookeeper> takes its content from the substitution "
            "'zookeeper-servers'");
    golden("debian-config.xml", NULL, zk_to_dallas_inline, "debian-config.zookeeper-inline.xml");
    golden("debian-config.xml", NULL, create_cluster1_inline, "debian-config.cluster1-inline.xml");
}

static void test_include_file(void **state)
{
    (void)state;
    dr_buf src;
    load("debian-config.xml", &src);
    chconf_in in = {"config.xml", src.data, src.len, NULL};
    chconf_includes inc;
    dr_err e = {0};
    assert_int_equal(chconf_includes_read(&in, &inc, &e), DR_OK);
    assert_null(inc.include_from);
    assert_string_equal(chconf_includes_find(&inc, "zookeeper"), "zookeeper-servers");
    assert_string_equal(chconf_includes_find(&inc, "remote_servers"), "clickhouse_remote_servers");
    assert_string_equal(chconf_includes_find(&inc, "macros"), "macros");
    assert_null(chconf_includes_find(&inc, "logger"));
    for (size_t i = 0; i < inc.n; i++)
        if (!strcmp(inc.v[i].element, "zookeeper")) {
            assert_int_equal(inc.v[i].line, 203);
            assert_true(inc.v[i].optional);
        }
    chconf_includes_free(&inc);
    dr_buf_free(&src);

    /* The substitution file is patched by the incl name. */
    golden("metrika.xml", "zookeeper-servers", zk_to_dallas, "metrika.zookeeper-servers.xml");
    golden("metrika.xml", "clickhouse_remote_servers", add_ch3_shard1,
           "metrika.remote-servers.xml");
    golden("metrika.xml", NULL, replica_force, "metrika.macros.xml");

    load("metrika.xml", &src);
    chconf_in sub = {"metrika.xml", src.data, src.len, "zookeeper-servers"};
    chconf_zk zk;
    assert_int_equal(chconf_zk_read(&sub, &zk, &e), DR_OK);
    assert_true(zk.found);
    assert_int_equal(zk.n_nodes, 3);
    assert_string_equal(zk.nodes[2].host, "zk3.chi.example");
    chconf_zk_free(&zk);
    dr_buf_free(&src);
}

static void test_remote_servers(void **state)
{
    (void)state;
    golden("remote_servers.xml", NULL, drop_dallas, "remote_servers.drop-dallas.xml");
    golden("remote_servers.xml", NULL, add_ch3_shard1, "remote_servers.add-replica.xml");
    golden("remote_servers.xml", NULL, add_ch3_new_shard, "remote_servers.new-shard.xml");
    golden("remote_servers.xml", NULL, add_to_missing_cluster, "remote_servers.new-cluster.xml");
    refused("remote_servers_per_host.xml", NULL, drop_dallas, DR_EREFUSED,
            "remote_servers_per_host.xml:15: removing these hosts leaves shard 3 of cluster "
            "'all' without a replica");
    golden("remote_servers_per_host.xml", NULL, drop_dallas_shards,
           "remote_servers_per_host.drop-dallas.xml");
    golden("remote_servers_per_host.xml", NULL, add_ch3_new_shard,
           "remote_servers_per_host.new-shard.xml");
    golden("zookeeper.xml", NULL, create_all_two, "zookeeper.remote-servers-created.xml");
}

static void test_remote_conflicts(void **state)
{
    (void)state;
    /* ch1.chi is in shard 1 of cluster1: adding it again is a no-op... */
    dr_buf src;
    load("remote_servers.xml", &src);
    chconf_in in = {"remote_servers.xml", src.data, src.len, NULL};
    chconf_out out = {0};
    dr_err e = {0};
    const chconf_replica_spec ch1 = {"CH1.chi.example", 9000, NULL, 0};
    assert_int_equal(chconf_remote_add_replica(&in, "cluster1", 1, &ch1, 0, &out, &e), DR_OK);
    assert_false(out.changed);
    assert_memory_equal(out.text, src.data, src.len);
    chconf_out_free(&out);
    /* ... and in another shard a conflict. */
    assert_int_equal(
        chconf_remote_add_replica(&in, "cluster1", CHCONF_NEW_SHARD, &ch1, 0, &out, &e),
        DR_ECONFLICT);
    assert_non_null(strstr(e.msg, "remote_servers.xml:10: CH1.chi.example:9000 is already a "
                                  "replica of shard 1 of cluster 'cluster1'"));
    assert_int_equal(chconf_remote_add_replica(&in, "cluster1", 3, &ch3, 0, &out, &e),
                     DR_ENOTFOUND);
    assert_non_null(strstr(e.msg, "cluster 'cluster1' has 1 shard(s): no shard 3"));
    const chconf_endpoint x[] = {{"ch1.dal.example", 0}};
    assert_int_equal(chconf_remote_remove_hosts(&in, "nope", x, 1, 0, &out, &e), DR_ENOTFOUND);
    assert_string_equal(e.msg,
                        "remote_servers.xml: no cluster 'nope' in <remote_servers> (clusters: "
                        "cluster1, all)");
    /* Removing every host of a cluster is never done. */
    const chconf_endpoint chi[] = {{"ch1.chi.example", 0}, {"ch2.chi.example", 0}};
    assert_int_equal(
        chconf_remote_remove_hosts(&in, "cluster1", chi, 2, CHCONF_DROP_EMPTY_SHARDS, &out, &e),
        DR_EREFUSED);
    assert_non_null(strstr(e.msg, "leaves cluster 'cluster1' without any shard"));
    /* Port matters when given. */
    const chconf_endpoint wrong_port[] = {{"ch1.dal.example", 9440}};
    assert_int_equal(chconf_remote_remove_hosts(&in, "all", wrong_port, 1, 0, &out, &e), DR_OK);
    assert_false(out.changed);
    chconf_out_free(&out);
    /* An existing cluster that differs is not silently rewritten. */
    assert_int_equal(chconf_remote_create_cluster(&in, &all_two, 0, &out, &e), DR_ECONFLICT);
    assert_non_null(strstr(e.msg, "remote_servers.xml:21: cluster 'all' exists"));
    assert_int_equal(chconf_remote_create_cluster(&in, &cluster1_chi, 0, &out, &e), DR_OK);
    assert_false(out.changed);
    chconf_out_free(&out);
    dr_buf_free(&src);
}

static void test_remote_read(void **state)
{
    (void)state;
    dr_buf src;
    load("remote_servers.xml", &src);
    chconf_in in = {"remote_servers.xml", src.data, src.len, NULL};
    chconf_remote r;
    dr_err e = {0};
    assert_int_equal(chconf_remote_read(&in, &r, &e), DR_OK);
    assert_true(r.found);
    assert_null(r.incl);
    assert_int_equal(r.n_clusters, 2);
    const chconf_cluster *all = chconf_remote_find(&r, "all");
    assert_non_null(all);
    assert_int_equal(all->line, 21);
    assert_int_equal(all->n_shards, 1);
    assert_string_equal(all->shards[0].internal_replication, "true");
    assert_int_equal(all->shards[0].n_replicas, 4);
    assert_string_equal(all->shards[0].replicas[3].host, "ch2.dal.example");
    assert_int_equal(all->shards[0].replicas[3].port, 9000);
    assert_null(chconf_remote_find(&r, "cluster2"));
    chconf_remote_free(&r);
    dr_buf_free(&src);

    load("debian-config.xml", &src);
    chconf_in deb = {"config.xml", src.data, src.len, NULL};
    assert_int_equal(chconf_remote_read(&deb, &r, &e), DR_OK);
    assert_string_equal(r.incl, "clickhouse_remote_servers");
    assert_int_equal(r.n_clusters, 3);
    const chconf_cluster *two = chconf_remote_find(&r, "test_cluster_two_shards_localhost");
    assert_int_equal(two->n_shards, 2);
    const chconf_cluster *sec = chconf_remote_find(&r, "test_shard_localhost_secure");
    assert_int_equal(sec->shards[0].replicas[0].port, 9440);
    assert_int_equal(sec->shards[0].replicas[0].n_extra, 1);
    assert_string_equal(sec->shards[0].replicas[0].extra[0].name, "secure");
    assert_string_equal(sec->shards[0].replicas[0].extra[0].value, "1");
    chconf_remote_free(&r);
    dr_buf_free(&src);

    /* A cluster given twice: the first repeat in file order is named, with
     * the line of its first occurrence (y repeats before x does). */
    static const char dup[] = "<yandex><remote_servers>\n"
                              "<x><node><host>a</host></node></x>\n"
                              "<y><node><host>b</host></node></y>\n"
                              "<z><node><host>c</host></node></z>\n"
                              "<y><node><host>d</host></node></y>\n"
                              "<x><node><host>e</host></node></x>\n"
                              "</remote_servers></yandex>\n";
    chconf_in din = {"dup.xml", dup, sizeof dup - 1, NULL};
    assert_int_equal(chconf_remote_read(&din, &r, &e), DR_EPARSE);
    assert_string_equal(e.msg, "dup.xml:5: a second cluster <y> (the first is at line 3): "
                               "expected one");
}

static void test_zookeeper_read(void **state)
{
    (void)state;
    dr_buf src;
    load("zookeeper.xml", &src);
    chconf_in in = {"zookeeper.xml", src.data, src.len, NULL};
    chconf_zk zk;
    dr_err e = {0};
    assert_int_equal(chconf_zk_read(&in, &zk, &e), DR_OK);
    assert_true(zk.found);
    assert_int_equal(zk.line, 5);
    assert_int_equal(zk.n_nodes, 3);
    assert_string_equal(zk.nodes[0].host, "zk1.chi.example");
    assert_int_equal(zk.nodes[0].port, 2181);
    assert_string_equal(zk.nodes[1].index, "2");
    assert_int_equal(zk.nodes[2].line, 14);
    assert_int_equal(zk.n_settings, 4);
    assert_string_equal(zk.settings[0].name, "session_timeout_ms");
    assert_string_equal(zk.settings[0].value, "30000");
    assert_string_equal(zk.settings[3].name, "identity");
    chconf_zk_free(&zk);
    char *root = NULL;
    assert_int_equal(chconf_root(&in, &root, &e), DR_OK);
    assert_string_equal(root, "clickhouse");
    free(root);
    dr_buf_free(&src);

    /* A section that is absent is reported as such, not as an error. */
    load("macros.xml", &src);
    chconf_in m = {"macros.xml", src.data, src.len, NULL};
    assert_int_equal(chconf_zk_read(&m, &zk, &e), DR_OK);
    assert_false(zk.found);
    assert_int_equal(zk.n_nodes, 0);
    chconf_zk_free(&zk);
    golden("macros.xml", NULL, zk_to_dallas, "macros.zookeeper-created.xml");
    dr_buf_free(&src);
}

static void test_macros(void **state)
{
    (void)state;
    dr_buf src;
    load("macros.xml", &src);
    chconf_in in = {"macros.xml", src.data, src.len, NULL};
    chconf_macros m;
    dr_err e = {0};
    assert_int_equal(chconf_macros_read(&in, &m, &e), DR_OK);
    assert_int_equal(m.n, 3);
    assert_string_equal(chconf_macros_get(&m, "cluster"), "cluster1");
    assert_string_equal(chconf_macros_get(&m, "shard"), "0");
    assert_string_equal(chconf_macros_get(&m, "replica"), "chi-prod-01");
    assert_null(chconf_macros_get(&m, "layer"));
    chconf_macros_free(&m);
    dr_buf_free(&src);

    refused("macros.xml", NULL, replica_no_force, DR_EREFUSED,
            "macros.xml:8: replica is 'chi-prod-01'; changing it to 'x' breaks the replicated "
            "tables of this node (their ZooKeeper path/replica name); use force to do it anyway");
    golden("macros.xml", NULL, replica_force, "macros.force-replica.xml");
    golden("macros.xml", NULL, macros_add, "macros.add.xml");
    /* A fresh node (replacing a failed one) gets its macros in a new file. */
    golden("zookeeper.xml", NULL, macros_new_node, "zookeeper.macros-created.xml");
}

/* CRLF files get CRLF lines; tabs are kept as the indentation unit. */
static void test_line_endings_and_tabs(void **state)
{
    (void)state;
    const char *crlf = "<clickhouse>\r\n\t<macros>\r\n\t\t<shard>01</shard>\r\n"
                       "\t\t<replica>a</replica>\r\n\t</macros>\r\n</clickhouse>\r\n";
    chconf_in in = {"crlf.xml", crlf, strlen(crlf), NULL};
    chconf_out out = {0};
    dr_err e = {0};
    const chconf_pair m[] = {{"cluster", "c1"}};
    assert_int_equal(chconf_macros_set(&in, m, 1, 0, &out, &e), DR_OK);
    assert_string_equal(out.text, "<clickhouse>\r\n\t<macros>\r\n\t\t<shard>01</shard>\r\n"
                                  "\t\t<replica>a</replica>\r\n\t\t<cluster>c1</cluster>\r\n"
                                  "\t</macros>\r\n</clickhouse>\r\n");
    chconf_out_free(&out);
    const chconf_endpoint z[] = {{"zk4", 2181}};
    assert_int_equal(chconf_zk_set_nodes(&in, z, 1, 0, &out, &e), DR_OK);
    assert_string_equal(out.text, "<clickhouse>\r\n\t<macros>\r\n\t\t<shard>01</shard>\r\n"
                                  "\t\t<replica>a</replica>\r\n\t</macros>\r\n"
                                  "\t<zookeeper>\r\n\t\t<node index=\"1\">\r\n"
                                  "\t\t\t<host>zk4</host>\r\n\t\t\t<port>2181</port>\r\n"
                                  "\t\t</node>\r\n\t</zookeeper>\r\n</clickhouse>\r\n");
    chconf_in again = {"crlf.xml", out.text, out.len, NULL};
    chconf_out out2 = {0};
    assert_int_equal(chconf_zk_set_nodes(&again, z, 1, 0, &out2, &e), DR_OK);
    assert_false(out2.changed);
    chconf_out_free(&out);
    chconf_out_free(&out2);
}

/* Inline and unnumbered styles are followed; empty sections are opened. */
static void test_styles(void **state)
{
    (void)state;
    const char *flat = "<yandex><zookeeper><node><host>a</host></node>"
                       "<node><host>b</host><port>2182</port></node></zookeeper></yandex>";
    chconf_in in = {"flat.xml", flat, strlen(flat), NULL};
    chconf_out out = {0};
    dr_err e = {0};
    const chconf_endpoint z[] = {{"b", 2182}, {"c", 2181}, {"a", 2181}};
    assert_int_equal(chconf_zk_set_nodes(&in, z, 3, 0, &out, &e), DR_OK);
    assert_string_equal(out.text, "<yandex><zookeeper><node><host>b</host><port>2182</port></node>"
                                  "<node><host>c</host><port>2181</port></node>"
                                  "<node><host>a</host></node></zookeeper></yandex>");
    chconf_out_free(&out);

    const char *empty = "<clickhouse>\n  <zookeeper optional=\"true\"></zookeeper>\n"
                        "  <macros/>\n</clickhouse>\n";
    chconf_in in2 = {"empty.xml", empty, strlen(empty), NULL};
    assert_int_equal(chconf_zk_set_nodes(&in2, z, 1, 0, &out, &e), DR_OK);
    assert_string_equal(out.text, "<clickhouse>\n  <zookeeper optional=\"true\">\n"
                                  "    <node index=\"1\">\n      <host>b</host>\n"
                                  "      <port>2182</port>\n    </node>\n  </zookeeper>\n"
                                  "  <macros/>\n</clickhouse>\n");
    chconf_out_free(&out);
    const chconf_pair m[] = {{"replica", "r1"}};
    assert_int_equal(chconf_macros_set(&in2, m, 1, 0, &out, &e), DR_OK);
    assert_string_equal(out.text, "<clickhouse>\n  <zookeeper optional=\"true\"></zookeeper>\n"
                                  "  <macros>\n    <replica>r1</replica>\n  </macros>\n"
                                  "</clickhouse>\n");
    chconf_out_free(&out);

    /* Index numbering is made consistent even when the hosts are right. */
    const char *gaps = "<yandex>\n<zookeeper>\n<node index=\"3\"><host>a</host></node>\n"
                       "<node><host>b</host></node>\n</zookeeper>\n</yandex>\n";
    chconf_in in3 = {"gaps.xml", gaps, strlen(gaps), NULL};
    const chconf_endpoint ab[] = {{"a", 2181}, {"b", 2181}};
    assert_int_equal(chconf_zk_set_nodes(&in3, ab, 2, 0, &out, &e), DR_OK);
    assert_true(out.changed);
    assert_string_equal(out.text, "<yandex>\n<zookeeper>\n<node index=\"1\"><host>a</host></node>\n"
                                  "<node index=\"2\"><host>b</host></node>\n</zookeeper>\n"
                                  "</yandex>\n");
    chconf_out_free(&out);
}

/* Markup the span scanner must step over: a BOM, tags inside comments, CDATA,
 * a processing instruction, '>' inside an attribute value, single quotes. */
static void test_tricky_markup(void **state)
{
    (void)state;
    const char *src = "\xEF\xBB\xBF<?xml version='1.0' encoding='utf-8'?>\n"
                      "<?drctl keep?>\n"
                      "<yandex>\n"
                      "    <!-- <zookeeper><node><host>old</host></node></zookeeper> -->\n"
                      "    <zookeeper note='a>b \"q\"'>\n"
                      "        <node index='1' note=\"x>y\">\n"
                      "            <host><![CDATA[zk1]]></host>\n"
                      "            <!-- <port>1</port> -->\n"
                      "            <port>2181</port>\n"
                      "        </node>\n"
                      "    </zookeeper>\n"
                      "</yandex>\n";
    chconf_in in = {"tricky.xml", src, strlen(src), NULL};
    chconf_zk zk;
    dr_err e = {0};
    assert_int_equal(chconf_zk_read(&in, &zk, &e), DR_OK);
    assert_int_equal(zk.n_nodes, 1);
    assert_string_equal(zk.nodes[0].host, "zk1");
    assert_int_equal(zk.nodes[0].line, 6);
    chconf_zk_free(&zk);
    chconf_out out = {0};
    const chconf_endpoint z[] = {{"zk1", 2181}, {"zk2", 2181}};
    assert_int_equal(chconf_zk_set_nodes(&in, z, 2, 0, &out, &e), DR_OK);
    const char *want = "\xEF\xBB\xBF<?xml version='1.0' encoding='utf-8'?>\n"
                       "<?drctl keep?>\n"
                       "<yandex>\n"
                       "    <!-- <zookeeper><node><host>old</host></node></zookeeper> -->\n"
                       "    <zookeeper note='a>b \"q\"'>\n"
                       "        <node index='1' note=\"x>y\">\n"
                       "            <host><![CDATA[zk1]]></host>\n"
                       "            <!-- <port>1</port> -->\n"
                       "            <port>2181</port>\n"
                       "        </node>\n"
                       "        <node index=\"2\">\n"
                       "            <host>zk2</host>\n"
                       "            <port>2181</port>\n"
                       "        </node>\n"
                       "    </zookeeper>\n"
                       "</yandex>\n";
    assert_string_equal(out.text, want);
    chconf_out_free(&out);
    /* Renumbering touches only the attribute value, in its own quotes. */
    const chconf_endpoint z2[] = {{"zk0", 2181}, {"zk1", 2181}};
    assert_int_equal(chconf_zk_set_nodes(&in, z2, 2, 0, &out, &e), DR_OK);
    assert_non_null(strstr(out.text, "<node index='2' note=\"x>y\">\n"
                                     "            <host><![CDATA[zk1]]></host>"));
    assert_non_null(strstr(out.text, "<node index=\"1\">\n            <host>zk0</host>"));
    chconf_out_free(&out);
}

/* libxml2 never writes to stderr, whatever the input. */
static void test_libxml2_silent(void **state)
{
    (void)state;
    char path[] = "/tmp/drctl-chconf-stderr-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    fflush(stderr);
    int saved = dup(2);
    assert_true(saved >= 0);
    assert_int_equal(dup2(fd, 2), 2);
    const char *bad[] = {"<yandex><a></b></yandex>",
                         "<yandex>&nope;</yandex>",
                         "<!DOCTYPE y [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><y>&e;</y>",
                         "<yandex attr=\"1\" attr=\"2\"/>",
                         "<?xml version=\"9.9\"?><yandex/>",
                         "\x80\x81<yandex/>"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        chconf_in in = {"bad.xml", bad[i], strlen(bad[i]), NULL};
        chconf_macros m;
        dr_err e = {0};
        if (chconf_macros_read(&in, &m, &e) == DR_OK)
            chconf_macros_free(&m);
    }
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    off_t size = lseek(fd, 0, SEEK_END);
    close(fd);
    unlink(path);
    assert_int_equal(size, 0);
}

/* ---- rendering ----------------------------------------------------------------- */

static void test_render(void **state)
{
    (void)state;
    dr_buf b = DR_BUF_INIT;
    dr_err e = {0};
    chconf_out out = {0};
    const chconf_pair settings[] = {{"session_timeout_ms", "30000"}, {"root", "/clickhouse"}};
    assert_int_equal(chconf_render_zookeeper("clickhouse", NULL, dallas_zk, 3, settings, 2,
                                             CHCONF_REPLACE, &b, &e),
                     DR_OK);
    check_golden("render.zookeeper.xml", b.data, b.len);
    chconf_in in = {"zookeeper.xml", b.data, b.len, NULL};
    assert_int_equal(chconf_zk_set_nodes(&in, dallas_zk, 3, 0, &out, &e), DR_OK);
    assert_false(out.changed);
    chconf_out_free(&out);
    chconf_zk zk;
    assert_int_equal(chconf_zk_read(&in, &zk, &e), DR_OK);
    assert_int_equal(zk.n_nodes, 3);
    assert_int_equal(zk.n_settings, 2);
    chconf_zk_free(&zk);

    dr_buf_reset(&b);
    const chconf_cluster_spec clusters[] = {cluster1_chi, all_two};
    assert_int_equal(chconf_render_remote_servers("yandex", NULL, clusters, 2, 0, &b, &e), DR_OK);
    check_golden("render.remote_servers.xml", b.data, b.len);
    chconf_in rin = {"remote_servers.xml", b.data, b.len, NULL};
    assert_int_equal(chconf_remote_create_cluster(&rin, &all_two, 0, &out, &e), DR_OK);
    assert_false(out.changed);
    chconf_out_free(&out);
    assert_int_equal(chconf_remote_add_replica(&rin, "all", 2, &dal_reps[1], 0, &out, &e), DR_OK);
    assert_false(out.changed);
    chconf_out_free(&out);

    dr_buf_reset(&b);
    const chconf_pair m[] = {{"cluster", "cluster1"}, {"shard", "0"}, {"replica", "chi-prod-01"}};
    assert_int_equal(chconf_render_macros("yandex", NULL, m, 3, 0, &b, &e), DR_OK);
    check_golden("render.macros.xml", b.data, b.len);
    chconf_in min = {"macros.xml", b.data, b.len, NULL};
    assert_int_equal(chconf_macros_set(&min, m, 3, 0, &out, &e), DR_OK);
    assert_false(out.changed);
    chconf_out_free(&out);

    assert_int_equal(chconf_render_macros("config", NULL, m, 3, 0, &b, &e), DR_EINVAL);
    assert_non_null(strstr(e.msg, "expected clickhouse or yandex"));
    dr_buf_free(&b);
}

/* ---- bad input ------------------------------------------------------------------ */

static void expect_error(const char *text, int code, const char *want)
{
    chconf_in in = {"bad.xml", text, strlen(text), NULL};
    chconf_macros m;
    chconf_out out = {0};
    dr_err e = {0};
    int rc = chconf_macros_read(&in, &m, &e);
    if (rc != code || !strstr(e.msg, want))
        fail_msg("expected %d \"%s\", got %d \"%s\"", code, want, rc, e.msg);
    const chconf_pair p[] = {{"replica", "r"}};
    rc = chconf_macros_set(&in, p, 1, 0, &out, &e);
    if (rc != code || !strstr(e.msg, want))
        fail_msg("set: expected %d \"%s\", got %d \"%s\"", code, want, rc, e.msg);
    assert_null(out.text);
}

static void test_bad_input(void **state)
{
    (void)state;
    expect_error("<yandex>\n  <macros>\n    <shard>1</replica>\n  </macros>\n</yandex>\n",
                 DR_EPARSE, "bad.xml:3:");
    expect_error("<yandex>\n  <macros>\n    <shard>1</replica>\n  </macros>\n</yandex>\n",
                 DR_EPARSE, "malformed XML: Opening and ending tag mismatch: shard");
    expect_error("", DR_EPARSE, "bad.xml:1: empty file: expected a <clickhouse> or <yandex>");
    expect_error("  \n", DR_EPARSE, "bad.xml:1: empty file");
    expect_error("<!-- only a comment -->\n", DR_EPARSE, "bad.xml:2: no root element");
    expect_error("<?xml version=\"1.0\"?>\n<config>\n  <macros/>\n</config>\n", DR_EPARSE,
                 "bad.xml:2: root element is <config>: expected <clickhouse> or <yandex>");
    expect_error("<yandex><macros>", DR_EPARSE, "bad.xml:1:");
    expect_error("<yandex/>trailing", DR_EPARSE, "Extra content at the end of the document");
    expect_error("<yandex>\n<macros/>\n<macros/>\n</yandex>", DR_EPARSE,
                 "bad.xml:3: a second <macros> (the first is at line 2): expected one");
    expect_error("<yandex><macros><replica>1</replica><replica>2</replica></macros></yandex>",
                 DR_EPARSE, "a second <replica> in <macros>");
    expect_error("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><yandex/>", DR_EPARSE,
                 "bad.xml:1: encoding \"ISO-8859-1\": expected UTF-8");
    /* No DTD, so no entity can be declared, external or not. */
    expect_error("<?xml version=\"1.0\"?>\n<!DOCTYPE yandex [\n"
                 "  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n"
                 "<yandex><macros><replica>&xxe;</replica></macros></yandex>\n",
                 DR_EPARSE, "bad.xml:2: DOCTYPE declaration: not accepted");
    expect_error("<!DOCTYPE yandex SYSTEM \"http://127.0.0.1:1/x.dtd\"><yandex/>", DR_EPARSE,
                 "DOCTYPE declaration");
    expect_error("<yandex><macros><replica>&undefined;</replica></macros></yandex>", DR_EPARSE,
                 "Entity 'undefined' not defined");
    const char nul[] = "<yandex>\n<macros/>\0</yandex>";
    chconf_in in = {"nul.xml", nul, sizeof nul - 1, NULL};
    chconf_macros m;
    dr_err e = {0};
    assert_int_equal(chconf_macros_read(&in, &m, &e), DR_EPARSE);
    assert_string_equal(e.msg, "nul.xml:2: NUL byte: expected UTF-8 text");

    /* Bad values in the file itself. */
    const char *port = "<yandex><zookeeper>\n<node><host>a</host><port>21x81</port></node>"
                       "</zookeeper></yandex>";
    chconf_in pin = {"zk.xml", port, strlen(port), NULL};
    chconf_zk zk;
    assert_int_equal(chconf_zk_read(&pin, &zk, &e), DR_EPARSE);
    assert_string_equal(e.msg, "zk.xml:2: <port> is '21x81': expected a port number 1..65535");
    const char *nohost = "<yandex><zookeeper><node><port>2181</port></node></zookeeper></yandex>";
    chconf_in hin = {"zk.xml", nohost, strlen(nohost), NULL};
    assert_int_equal(chconf_zk_read(&hin, &zk, &e), DR_EPARSE);
    assert_string_equal(e.msg, "zk.xml:1: <node> without <host>: expected a host");

    /* Bad arguments. */
    chconf_out out = {0};
    const chconf_endpoint bad_host[] = {{"zk1;rm -rf", 2181}};
    assert_int_equal(chconf_zk_set_nodes(&pin, bad_host, 1, 0, &out, &e), DR_EINVAL);
    const chconf_endpoint bad_port[] = {{"zk1", 70000}};
    assert_int_equal(chconf_zk_set_nodes(&pin, bad_port, 1, 0, &out, &e), DR_EINVAL);
    const chconf_pair bad_macro[] = {{"replica", " spaced "}};
    assert_int_equal(chconf_macros_set(&pin, bad_macro, 1, 0, &out, &e), DR_EINVAL);
    const chconf_pair bad_name[] = {{"1x", "v"}};
    assert_int_equal(chconf_macros_set(&pin, bad_name, 1, 0, &out, &e), DR_EINVAL);
    assert_null(out.text);
}

/* A large generated file: no quadratic surprise, and the edit lands. */
static void test_large_file(void **state)
{
    (void)state;
    dr_buf b = DR_BUF_INIT;
    dr_buf_puts(&b, "<yandex>\n    <remote_servers>\n");
    for (int c = 0; c < 300; c++) {
        dr_buf_printf(&b, "        <c%d>\n", c);
        for (int s = 0; s < 4; s++)
            dr_buf_printf(&b,
                          "            <shard><replica><host>h%d-%d</host><port>9000</port>"
                          "</replica></shard>\n",
                          c, s);
        dr_buf_printf(&b, "        </c%d>\n", c);
    }
    dr_buf_puts(&b, "    </remote_servers>\n</yandex>\n");
    chconf_in in = {"big.xml", b.data, b.len, NULL};
    chconf_out out = {0};
    dr_err e = {0};
    const chconf_replica_spec r = {"new", 9000, NULL, 0};
    assert_int_equal(chconf_remote_add_replica(&in, "c299", 2, &r, 0, &out, &e), DR_OK);
    assert_true(out.changed);
    assert_int_equal(count(out.text, "<host>new</host>"), 1);
    assert_non_null(strstr(out.text, "<host>h299-1</host><port>9000</port></replica>"
                                     "<replica><host>new</host><port>9000</port></replica>"));
    chconf_out_free(&out);
    dr_buf_free(&b);
}

/* ---- a failover on a large umbrella cluster ------------------------------------ */

enum { BIG_NODES = 4000 }; /* per site: 8000 replicas, 2000 shards */

/* Chicago node i, dead: written with port 9440 when i % 7 == 3, given to
 * remove_hosts with port 0 (any) when i % 3 == 0, else 9000, and in capitals
 * when i % 5 == 0.  So a few stay: those on 9440 asked on 9000. */
static int chi_port(int i)
{
    return i % 7 == 3 ? 9440 : 9000;
}

static int chi_stays(int i)
{
    return i % 7 == 3 && i % 3 != 0;
}

static void big_replica(dr_buf *b, int flat, const char *site, int i, int port)
{
    if (flat)
        dr_buf_printf(b, "<replica><host>ch%04d.%s.example</host><port>%d</port></replica>", i,
                      site, port);
    else
        dr_buf_printf(b,
                      "                <replica>\n"
                      "                    <host>ch%04d.%s.example</host>\n"
                      "                    <port>%d</port>\n"
                      "                </replica>\n",
                      i, site, port);
}

/* The umbrella cluster's file, written by hand here (not by chconf): with
 * the dead Chicago replicas or without them, indented or on one line. */
static void big_file(dr_buf *b, int flat, int with_dead)
{
    const char *nl = flat ? "" : "\n";
    dr_buf_printf(b, "<clickhouse>%s%s<remote_servers>%s%s<umbrella>%s", nl, flat ? "" : "    ", nl,
                  flat ? "" : "        ", nl);
    for (int s = 0; s < BIG_NODES / 2; s++) {
        dr_buf_printf(b, "%s<shard>%s%s<internal_replication>true</internal_replication>%s",
                      flat ? "" : "            ", nl, flat ? "" : "                ", nl);
        for (int i = 2 * s; i < 2 * s + 2; i++)
            if (with_dead || chi_stays(i))
                big_replica(b, flat, "chi", i, chi_port(i));
        for (int i = 2 * s; i < 2 * s + 2; i++)
            big_replica(b, flat, "dal", i, 9000);
        dr_buf_printf(b, "%s</shard>%s", flat ? "" : "            ", nl);
    }
    dr_buf_printf(b, "%s</umbrella>%s%s</remote_servers>%s</clickhouse>%s", flat ? "" : "        ",
                  nl, flat ? "" : "    ", nl, nl);
}

/* Dropping a dead site from a cluster of 8000 replicas: the result is the
 * file written without them, byte for byte, indented and on one line.
 * Not timed (benchmarks do that: bench/inventory_bench.sh), but sized so
 * that work per element over the whole file or the whole host list (the
 * quadratic costs this module had) turns this test from a fraction of a
 * second into minutes. */
static void test_large_failover(void **state)
{
    (void)state;
    chconf_endpoint *dead = calloc(BIG_NODES, sizeof *dead);
    char(*names)[32] = calloc(BIG_NODES, sizeof *names);
    size_t removed = 0;
    for (int i = 0; i < BIG_NODES; i++) {
        snprintf(names[i], sizeof names[i],
                 i % 5 == 0 ? "CH%04d.CHI.example" : "ch%04d.chi.example", i);
        dead[i].host = names[i];
        dead[i].port = i % 3 == 0 ? 0 : 9000;
        removed += !chi_stays(i);
    }
    for (int flat = 0; flat <= 1; flat++) {
        dr_buf in = DR_BUF_INIT, want = DR_BUF_INIT;
        big_file(&in, flat, 1);
        big_file(&want, flat, 0);
        chconf_in ci = {"big.xml", in.data, in.len, NULL};
        chconf_out out = {0}, again = {0};
        dr_err e = {0};
        if (chconf_remote_remove_hosts(&ci, "umbrella", dead, BIG_NODES, 0, &out, &e) != DR_OK)
            fail_msg("%s", e.msg);
        assert_true(out.changed);
        assert_int_equal(out.len, want.len);
        assert_memory_equal(out.text, want.data, want.len);
        assert_int_equal(count(out.notes, "\n"), (int)removed);
        assert_non_null(strstr(out.notes, "big.xml: <remote_servers>: cluster 'umbrella' shard 1: "
                                          "removed replica ch0000.chi.example:9000\n"));
        chconf_in ci2 = {"big.xml", out.text, out.len, NULL};
        if (chconf_remote_remove_hosts(&ci2, "umbrella", dead, BIG_NODES, 0, &again, &e) != DR_OK)
            fail_msg("%s", e.msg);
        assert_false(again.changed);
        chconf_out_free(&out);
        chconf_out_free(&again);
        dr_buf_free(&in);
        dr_buf_free(&want);
    }
    free(names);
    free(dead);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_zookeeper_failover),
        cmocka_unit_test(test_zookeeper_debian_stock),
        cmocka_unit_test(test_include_file),
        cmocka_unit_test(test_remote_servers),
        cmocka_unit_test(test_remote_conflicts),
        cmocka_unit_test(test_remote_read),
        cmocka_unit_test(test_zookeeper_read),
        cmocka_unit_test(test_macros),
        cmocka_unit_test(test_line_endings_and_tabs),
        cmocka_unit_test(test_styles),
        cmocka_unit_test(test_tricky_markup),
        cmocka_unit_test(test_libxml2_silent),
        cmocka_unit_test(test_render),
        cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_large_file),
        cmocka_unit_test(test_large_failover),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
