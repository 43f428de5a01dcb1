/* Unit tests for inventory: the lab inventory loads fully resolved; every
 * class of mistake is reported as line:column with the documented message;
 * all of them in one run; typos get a suggestion; show's output is golden and
 * reloads to itself; the `drctl inventory` command exits 0 / 2 as documented.
 *
 * Set DRCTL_UPDATE_GOLDEN=1 to rewrite the golden files after an intended
 * change of the output (and review the diff). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd_inventory.h"
#include "inventory.h"
#include "json.h"
#include "testdir.h"

/* ---- helpers -------------------------------------------------------- */

/* A fixed environment, so that results do not depend on the caller's. */
static const char *test_getenv(const char *name, void *ctx)
{
    (void)ctx;
    static const char *const env[][2] = {
        {"DRCTL_LAB_DIR", "/lab"}, {"HOME", "/home/op"},  {"EMPTY", ""},
        {"SSH_PORT", "2200"},      {"LATIN1", "caf\xe9"},
    };
    for (size_t i = 0; i < sizeof env / sizeof env[0]; i++)
        if (!strcmp(env[i][0], name))
            return env[i][1];
    return NULL;
}

static const inventory_options test_opts = {test_getenv, NULL};

static char *data_path(const char *name)
{
    dr_buf b = DR_BUF_INIT;
    dr_buf_printf(&b, "%s/inventory/%s", testdata_dir(), name);
    return dr_buf_steal(&b, NULL);
}

static inventory_t *load_ok(const char *yaml)
{
    inventory_t *inv = NULL;
    inventory_errors errs;
    inventory_errors_init(&errs);
    dr_err err = {0};
    int rc = inventory_load_buffer("t.yaml", yaml, strlen(yaml), &test_opts, &inv, &errs, &err);
    if (rc != DR_OK) {
        dr_buf b = DR_BUF_INIT;
        inventory_errors_format(&errs, &b);
        fprintf(stderr, "unexpected errors:\n%s", b.data ? b.data : err.msg);
        dr_buf_free(&b);
    }
    assert_int_equal(rc, DR_OK);
    assert_non_null(inv);
    inventory_errors_free(&errs);
    return inv;
}

/* Loads yaml, which must be invalid, and checks that its errors are exactly
 * the expected ones, in order: each expected string is "LINE:COL: text"
 * where text must occur in the message at that position.  NULL ends the
 * list. */
static void expect_errors(const char *yaml, ...)
{
    inventory_t *inv = NULL;
    inventory_errors errs;
    inventory_errors_init(&errs);
    dr_err err = {0};
    int rc = inventory_load_buffer("t.yaml", yaml, strlen(yaml), &test_opts, &inv, &errs, &err);
    dr_buf all = DR_BUF_INIT;
    inventory_errors_format(&errs, &all);
    if (rc != DR_EINVAL)
        fprintf(stderr, "expected the inventory to be invalid; rc=%d\n", rc);
    assert_int_equal(rc, DR_EINVAL);
    assert_null(inv);
    assert_int_equal(err.code, DR_EINVAL);
    va_list ap;
    va_start(ap, yaml);
    size_t i = 0;
    for (const char *want; (want = va_arg(ap, const char *)) != NULL; i++) {
        unsigned line, col;
        int off = 0;
        assert_int_equal(sscanf(want, "%u:%u: %n", &line, &col, &off), 2);
        if (i >= errs.count || errs.items[i].line != line || errs.items[i].column != col ||
            !strstr(errs.items[i].message, want + off)) {
            fprintf(stderr, "error #%zu: wanted '%s'\ngot:\n%s", i + 1, want,
                    all.data ? all.data : "(none)\n");
            fail();
        }
    }
    va_end(ap);
    if (i != errs.count) {
        fprintf(stderr, "wanted %zu errors, got:\n%s", i, all.data);
        fail();
    }
    /* the summary in err starts with the first error */
    assert_non_null(strstr(err.msg, "t.yaml:"));
    dr_buf_free(&all);
    inventory_errors_free(&errs);
}

/* A small valid inventory; tests append to or edit copies of it. */
#define HEAD                                                                                       \
    "cluster: c1\n"                                                                                \
    "keeper: {kind: zookeeper}\n"                                                                  \
    "ssh: {identity: /k/id, known_hosts: /k/kh}\n"
#define SITES                                                                                      \
    "sites:\n"                                                                                     \
    "  a:\n"                                                                                       \
    "    role: primary\n"                                                                          \
    "    keepers:\n"                                                                               \
    "      - {id: 1, name: z1, host: h1, role: participant}\n"                                     \
    "    clickhouse:\n"                                                                            \
    "      - {name: c1, host: h3, shard: 0, replica: r1}\n"                                        \
    "  b:\n"                                                                                       \
    "    role: standby\n"                                                                          \
    "    keepers:\n"                                                                               \
    "      - {id: 2, name: z2, host: h2, role: observer}\n"                                        \
    "    clickhouse:\n"                                                                            \
    "      - {name: c2, host: h4, shard: 0, replica: r2}\n"

static char *slurp(const char *path)
{
    dr_buf b = DR_BUF_INIT;
    dr_err err = {0};
    if (dr_read_file(path, &b, &err) != DR_OK) {
        dr_buf_free(&b);
        return NULL;
    }
    return dr_buf_steal(&b, NULL);
}

/* Compares text with the golden file (or rewrites it on request). */
static void check_golden(const char *name, const char *text)
{
    char *path = data_path(name);
    const char *update = getenv("DRCTL_UPDATE_GOLDEN");
    if (update && *update == '1') {
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fputs(text, f);
        fclose(f);
    }
    char *want = slurp(path);
    if (!want)
        fprintf(stderr, "golden file %s missing (DRCTL_UPDATE_GOLDEN=1 writes it)\n", path);
    assert_non_null(want);
    if (strcmp(want, text))
        fprintf(stderr, "output differs from %s:\n%s", path, text);
    assert_string_equal(want, text);
    free(want);
    free(path);
}

/* ---- a valid inventory --------------------------------------------- */

static void test_lab_inventory_resolved(void **state)
{
    (void)state;
    char *path = data_path("lab.yaml");
    inventory_t *inv = NULL;
    inventory_errors errs;
    inventory_errors_init(&errs);
    dr_err err = {0};
    assert_int_equal(inventory_load_file(path, &test_opts, &inv, &errs, &err), DR_OK);
    assert_int_equal(errs.count, 0);

    assert_string_equal(inv->cluster, "cluster1");
    assert_string_equal(inv->umbrella_cluster, "all");
    assert_int_equal(inv->keeper_kind, INVENTORY_ZOOKEEPER);
    assert_string_equal(inv->super_digest.file, "/lab/secrets/zk_super");
    assert_null(inv->super_digest.env);
    assert_string_equal(inv->ssh.user, "root");
    assert_int_equal(inv->ssh.port, 2222);
    assert_string_equal(inv->ssh.identity, "/lab/keys/id_ed25519");
    assert_int_equal(inv->ssh.connect_timeout, 5);
    assert_string_equal(inv->clickhouse_auth.password.file, "/lab/secrets/ch_password");

    assert_int_equal(inv->n_sites, 2);
    assert_ptr_equal(inv->primary, inventory_site_by_name(inv, "chicago"));
    assert_ptr_equal(inv->standby, inventory_site_by_name(inv, "dallas"));
    assert_ptr_equal(inventory_other_site(inv, inv->primary), inv->standby);
    assert_null(inventory_site_by_name(inv, "paris"));
    assert_int_equal(inv->primary->n_keepers, 3);
    assert_int_equal(inv->standby->n_keepers, 3);
    assert_int_equal(inv->standby->n_clickhouse, 2);

    /* ${DRCTL_LAB_NET:-127.0.0} falls back; {name} is replaced per node */
    inventory_keeper *zk4 = inventory_keeper_by_id(inv, 4);
    assert_non_null(zk4);
    assert_ptr_equal(zk4, inventory_keeper_by_name(inv, "zk4"));
    assert_ptr_equal(zk4->site, inv->standby);
    assert_string_equal(zk4->host, "127.0.0.14");
    assert_int_equal(zk4->role, INVENTORY_OBSERVER);
    assert_int_equal(zk4->client_port, 2181);
    assert_int_equal(zk4->quorum_port, 2888);
    assert_int_equal(zk4->election_port, 3888);
    assert_int_equal(zk4->raft_port, 0);
    assert_string_equal(zk4->config, "/lab/hosts/zk4/conf/zoo.cfg");
    assert_string_equal(zk4->data_dir, "/lab/hosts/zk4/data");
    assert_null(zk4->data_log_dir);
    assert_string_equal(zk4->start, "/lab/hosts/zk4/bin/start");
    /* no restart given: stop && start, never the built-in systemctl */
    assert_string_equal(zk4->restart, "/lab/hosts/zk4/bin/stop && /lab/hosts/zk4/bin/start");
    assert_string_equal(zk4->ssh_user, "root");
    assert_int_equal(zk4->ssh_port, 2222);
    assert_string_equal(zk4->pos.file, path);
    assert_int_equal(zk4->pos.line, 50);
    assert_int_equal(zk4->pos.column, 9);
    assert_null(inventory_keeper_by_id(inv, 7));
    assert_null(inventory_keeper_by_name(inv, "ch1"));

    inventory_clickhouse *ch3 = inventory_clickhouse_by_name(inv, "ch3");
    assert_non_null(ch3);
    assert_ptr_equal(ch3->site, inv->standby);
    assert_string_equal(ch3->host, "127.0.0.23");
    assert_string_equal(ch3->shard, "0");
    assert_int_equal(ch3->shard_index, 0);
    assert_string_equal(ch3->replica, "dal-01");
    assert_int_equal(ch3->http_port, 8123);
    assert_int_equal(ch3->tcp_port, 9000);
    assert_int_equal(ch3->interserver_port, 9009);
    assert_string_equal(ch3->macros_xml, "/lab/hosts/ch3/config.d/macros.xml");
    assert_string_equal(ch3->restart, "/lab/hosts/ch3/bin/restart");
    assert_int_equal(ch3->pos.line, 54);
    assert_int_equal(inv->n_shards, 1);
    assert_string_equal(inv->shards[0], "0");
    assert_null(inventory_clickhouse_by_name(inv, "zk1"));

    inventory_free(inv);
    inventory_errors_free(&errs);
    free(path);
}

static void test_builtin_defaults(void **state)
{
    (void)state;
    inventory_t *inv = load_ok("cluster: c1\nkeeper: {kind: zookeeper}\n" SITES);
    /* ssh from HOME, ports and systemd commands built in */
    assert_string_equal(inv->ssh.identity, "/home/op/.ssh/id_ed25519");
    assert_string_equal(inv->ssh.known_hosts, "/home/op/.ssh/known_hosts");
    assert_int_equal(inv->ssh.port, 22);
    assert_int_equal(inv->ssh.connect_timeout, 10);
    assert_int_equal(inv->ssh.parallel, 64);
    assert_string_equal(inv->clickhouse_auth.user, "default");
    assert_null(inv->clickhouse_auth.password.file);
    assert_null(inv->umbrella_cluster);
    inventory_keeper *z1 = inventory_keeper_by_name(inv, "z1");
    assert_string_equal(z1->config, "/etc/zookeeper/conf/zoo.cfg");
    assert_string_equal(z1->data_dir, "/var/lib/zookeeper");
    assert_string_equal(z1->restart, "systemctl restart zookeeper");
    assert_int_equal(z1->ssh_port, 22);
    inventory_clickhouse *c1 = inventory_clickhouse_by_name(inv, "c1");
    assert_string_equal(c1->zookeeper_xml, "/etc/clickhouse-server/config.d/zookeeper.xml");
    assert_string_equal(c1->restart, "systemctl restart clickhouse-server");
    inventory_free(inv);
}

/* ssh.agent: off unless asked for; a word that is not a boolean is named. */
static void test_ssh_agent(void **state)
{
    (void)state;
    inventory_t *inv = load_ok("cluster: c1\nkeeper: {kind: zookeeper}\n" SITES);
    assert_int_equal(inv->ssh.agent, 0);
    inventory_free(inv);
    inv = load_ok("cluster: c1\nkeeper: {kind: zookeeper}\nssh: {agent: true}\n" SITES);
    assert_int_equal(inv->ssh.agent, 1);
    dr_buf shown = DR_BUF_INIT;
    assert_int_equal(inventory_write_yaml(inv, &shown, NULL), DR_OK);
    assert_non_null(strstr(shown.data, "  agent: "));
    dr_buf_free(&shown);
    inventory_free(inv);
    inv = load_ok("cluster: c1\nkeeper: {kind: zookeeper}\nssh: {agent: no}\n" SITES);
    assert_int_equal(inv->ssh.agent, 0);
    inventory_free(inv);
    expect_errors("cluster: c1\nkeeper: {kind: zookeeper}\nssh: {agent: maybe}\n" SITES,
                  "3:14: expected ssh.agent: true or false, found 'maybe'", NULL);
}

static void test_keeper_kind_defaults(void **state)
{
    (void)state;
    inventory_t *inv =
        load_ok("cluster: c1\n"
                "keeper: {kind: clickhouse-keeper, super_digest_env: ZK_DIGEST}\n"
                "ssh: {identity: ~/.ssh/dr, known_hosts: /k/kh, port: '${SSH_PORT}'}\n"
                "clickhouse_auth: {user: dr, password_env: CH_PASS}\n"
                "defaults:\n"
                "  keeper:\n"
                "    log_storage_path: /data/{site}/{id}/log\n"
                "  clickhouse:\n"
                "    macros_xml: /etc/ch/{shard}-{replica}.xml\n" SITES);
    assert_int_equal(inv->keeper_kind, INVENTORY_CLICKHOUSE_KEEPER);
    assert_string_equal(inv->super_digest.env, "ZK_DIGEST");
    assert_string_equal(inv->ssh.identity, "/home/op/.ssh/dr");
    assert_int_equal(inv->ssh.port, 2200);
    assert_string_equal(inv->clickhouse_auth.user, "dr");
    assert_string_equal(inv->clickhouse_auth.password.env, "CH_PASS");
    inventory_keeper *z2 = inventory_keeper_by_id(inv, 2);
    assert_int_equal(z2->client_port, 9181);
    assert_int_equal(z2->raft_port, 9234);
    assert_int_equal(z2->quorum_port, 0);
    assert_null(z2->data_dir);
    assert_string_equal(z2->config, "/etc/clickhouse-keeper/keeper_config.xml");
    assert_string_equal(z2->log_storage_path, "/data/b/2/log");
    assert_string_equal(z2->snapshot_storage_path, "/var/lib/clickhouse/coordination/snapshots");
    assert_string_equal(z2->start, "systemctl start clickhouse-keeper");
    assert_int_equal(z2->ssh_port, 2200);
    assert_string_equal(inventory_clickhouse_by_name(inv, "c2")->macros_xml, "/etc/ch/0-r2.xml");
    inventory_free(inv);
}

static void test_node_overrides(void **state)
{
    (void)state;
    inventory_t *inv = load_ok(HEAD "defaults:\n"
                                    "  zookeeper: {client_port: 2182, data_dir: '/zk/{name}'}\n"
                                    "sites:\n"
                                    "  a:\n"
                                    "    role: primary\n"
                                    "    keepers:\n"
                                    "      - id: 1\n"
                                    "        host: h1\n"
                                    "        role: participant\n"
                                    "        client_port: 2190\n"
                                    "        ssh_user: zk\n"
                                    "        ssh_port: 2022\n"
                                    "        data_log_dir: /fast/{id}\n"
                                    "        start: run {{literal} ${HOME} $${X} {host}\n"
                                    "        stop: halt {name}\n"
                                    "        status: probe\n"
                                    "    clickhouse:\n"
                                    "      - {name: c1, host: h3, shard: '01', replica: r1}\n"
                                    "  b:\n"
                                    "    role: standby\n"
                                    "    clickhouse:\n"
                                    "      - {name: c2, host: h4, shard: '01', replica: r2,"
                                    " tcp_port: 9440}\n");
    inventory_keeper *k = inventory_keeper_by_id(inv, 1);
    assert_string_equal(k->name, "h1"); /* no name: the host */
    assert_int_equal(k->client_port, 2190);
    assert_string_equal(k->data_dir, "/zk/h1");
    assert_string_equal(k->data_log_dir, "/fast/1");
    assert_string_equal(k->ssh_user, "zk");
    assert_int_equal(k->ssh_port, 2022);
    assert_string_equal(k->start, "run {literal} /home/op ${X} h1");
    /* the node names a command: no systemctl built-ins for it */
    /* the node names its commands: restart is stop && start, no systemctl */
    assert_string_equal(k->stop, "halt h1");
    assert_string_equal(k->restart, "halt h1 && run {literal} /home/op ${X} h1");
    assert_string_equal(k->status, "probe");
    inventory_clickhouse *c2 = inventory_clickhouse_by_name(inv, "c2");
    assert_int_equal(c2->tcp_port, 9440);
    assert_int_equal(c2->http_port, 8123);
    assert_string_equal(c2->shard, "01");
    inventory_free(inv);
}

/* Real-site keys: become (ssh section, node), jump (ssh, site), https and
 * TLS files (clickhouse defaults, node), notify webhooks, retention. */
static void test_real_site_keys(void **state)
{
    (void)state;
    inventory_t *inv =
        load_ok("cluster: c1\n"
                "keeper: {kind: zookeeper}\n"
                "ssh: {identity: /k/id, known_hosts: /k/kh, become: sudo, "
                "jump: 'bastion:2200'}\n"
                "notify:\n"
                "  - {url: 'https://hooks.example/x', events: [start, end]}\n"
                "  - {url: 'http://10.0.0.1:8080/y', timeout: 9}\n"
                "retention: {runs: 3, days: 14}\n"
                "defaults:\n"
                "  clickhouse: {https: true, ca_file: /etc/ca.pem}\n"
                "sites:\n"
                "  a:\n"
                "    role: primary\n"
                "    jump: ~\n"
                "    keepers:\n"
                "      - {id: 1, name: z1, host: h1, role: participant, become: none}\n"
                "    clickhouse:\n"
                "      - {name: c1, host: h3, shard: 0, replica: r1, https: false}\n"
                "  b:\n"
                "    role: standby\n"
                "    keepers:\n"
                "      - {id: 2, name: z2, host: h2, role: observer}\n"
                "    clickhouse:\n"
                "      - {name: c2, host: h4, shard: 0, replica: r2, cert_file: "
                "/c.pem, key_file: /c.key}\n");
    assert_string_equal(inv->ssh.become, "sudo");
    assert_string_equal(inv->ssh.jump, "bastion:2200");
    assert_null(inventory_site_by_name(inv, "a")->jump);
    assert_string_equal(inventory_site_by_name(inv, "b")->jump, "bastion:2200");
    assert_string_equal(inventory_keeper_by_id(inv, 1)->become, "none");
    assert_string_equal(inventory_keeper_by_id(inv, 2)->become, "sudo");
    inventory_clickhouse *c1 = inventory_clickhouse_by_name(inv, "c1");
    inventory_clickhouse *c2 = inventory_clickhouse_by_name(inv, "c2");
    assert_string_equal(c1->https, "false");
    assert_string_equal(c2->https, "true");
    assert_string_equal(c2->ca_file, "/etc/ca.pem");
    assert_string_equal(c2->cert_file, "/c.pem");
    assert_string_equal(c2->key_file, "/c.key");
    assert_int_equal(inv->n_notify, 2);
    assert_string_equal(inv->notify[0].url, "https://hooks.example/x");
    assert_int_equal(inv->notify[0].events, INVENTORY_NOTIFY_START | INVENTORY_NOTIFY_END);
    assert_int_equal(inv->notify[0].timeout, 5);
    assert_int_equal(inv->notify[1].events, INVENTORY_NOTIFY_ALL);
    assert_int_equal(inv->notify[1].timeout, 9);
    assert_int_equal(inv->retention.runs, 3);
    assert_int_equal(inv->retention.days, 14);
    /* the resolved view is itself a valid inventory with the same values */
    dr_buf yaml = DR_BUF_INIT;
    assert_int_equal(inventory_write_yaml(inv, &yaml, NULL), DR_OK);
    inventory_t *again = load_ok(yaml.data);
    assert_string_equal(again->ssh.become, "sudo");
    assert_null(inventory_site_by_name(again, "a")->jump);
    assert_string_equal(inventory_site_by_name(again, "b")->jump, "bastion:2200");
    assert_int_equal(again->n_notify, 2);
    assert_int_equal(again->notify[0].events, INVENTORY_NOTIFY_START | INVENTORY_NOTIFY_END);
    assert_int_equal(again->retention.days, 14);
    inventory_free(again);
    dr_buf_free(&yaml);
    inventory_free(inv);
}

static void test_real_site_keys_bad(void **state)
{
    (void)state;
    expect_errors("cluster: c1\nkeeper: {kind: zookeeper}\n"
                  "ssh: {identity: /k/id, known_hosts: /k/kh, become: maybe, jump: 'a b'}\n" SITES,
                  "3:52: expected 'sudo' or 'none', found 'maybe'",
                  "3:65: expected a jump host (host or host:port), found 'a b'", NULL);
    expect_errors(HEAD "notify:\n  - {url: 'ftp://x/y', events: [start, bogus]}\n" SITES,
                  "5:11: expected a URL (http:// or https://), found 'ftp://x/y'",
                  "5:40: expected an event (start, step_failed, refused, end), found 'bogus'",
                  NULL);
    expect_errors(HEAD "retention: {runs: 0}\n" SITES,
                  "4:19: expected a number of runs (1..100000)", NULL);
    expect_errors(HEAD "defaults:\n  clickhouse: {https: yes, become: root}\n" SITES,
                  "5:23: expected true or false, found 'yes'",
                  "5:36: expected 'sudo' or 'none', found 'root'", NULL);
}

/* The inventories shipped in sites/: the operators' example, and the lab's
 * once it is there (it is the lab helper's file; this test says whether it
 * still follows the format). */
static void test_shipped_inventories(void **state)
{
    (void)state;
    const char *files[] = {DRCTL_SOURCE_DIR "/sites/example.yaml",
                           DRCTL_SOURCE_DIR "/sites/lab.yaml"};
    for (size_t i = 0; i < 2; i++) {
        FILE *f = fopen(files[i], "r");
        if (!f && i == 1)
            continue; /* no lab inventory in this tree yet */
        assert_non_null(f);
        fclose(f);
        inventory_t *inv = NULL;
        inventory_errors errs;
        inventory_errors_init(&errs);
        dr_err err = {0};
        int rc = inventory_load_file(files[i], &test_opts, &inv, &errs, &err);
        if (rc != DR_OK)
            fprintf(stderr, "%s\n", err.msg);
        assert_int_equal(rc, DR_OK);
        assert_non_null(inv->primary);
        assert_non_null(inv->standby);
        inventory_free(inv);
        inventory_errors_free(&errs);
    }
    /* the example's shape, as its comments promise */
    inventory_t *inv = NULL;
    dr_err err = {0};
    assert_int_equal(inventory_load_file(files[0], &test_opts, &inv, NULL, &err), DR_OK);
    assert_string_equal(inv->primary->name, "chicago");
    assert_int_equal(inv->primary->n_keepers, 3);
    assert_int_equal(inv->standby->n_keepers, 3);
    assert_int_equal(inv->primary->n_clickhouse, 2);
    assert_int_equal(inv->standby->n_clickhouse, 2);
    assert_int_equal(inventory_keeper_by_id(inv, 6)->ssh_port, 2222);
    assert_string_equal(inventory_keeper_by_id(inv, 6)->data_dir, "/data/zookeeper");
    assert_string_equal(inventory_keeper_by_id(inv, 5)->data_log_dir, "/srv/zk-txlog/zk2-dal");
    assert_string_equal(inv->ssh.passphrase.env, "DRCTL_SSH_PASSPHRASE");
    assert_string_equal(inv->ssh.become, "sudo");
    assert_string_equal(inv->standby->jump, "bastion.dal.example.net:22");
    assert_null(inv->primary->jump);
    assert_int_equal(inv->n_notify, 1);
    assert_int_equal(inv->retention.runs, 5);
    inventory_free(inv);
}

/* inv->shards lists shards in first-seen order; each node knows its rank. */
static void test_shard_order(void **state)
{
    (void)state;
    inventory_t *inv = load_ok(HEAD "sites:\n"
                                    "  a:\n"
                                    "    role: primary\n"
                                    "    keepers: [{id: 1, host: h1, role: participant}]\n"
                                    "    clickhouse:\n"
                                    "      - {name: c1, host: h3, shard: s2, replica: r1}\n"
                                    "      - {name: c2, host: h4, shard: s1, replica: r1}\n"
                                    "      - {name: c3, host: h5, shard: s2, replica: r2}\n"
                                    "  b:\n"
                                    "    role: standby\n"
                                    "    clickhouse:\n"
                                    "      - {name: c4, host: h6, shard: s1, replica: r2}\n"
                                    "      - {name: c5, host: h7, shard: s2, replica: r3}\n");
    assert_int_equal(inv->n_shards, 2);
    assert_string_equal(inv->shards[0], "s2");
    assert_string_equal(inv->shards[1], "s1");
    assert_int_equal(inventory_clickhouse_by_name(inv, "c1")->shard_index, 0);
    assert_int_equal(inventory_clickhouse_by_name(inv, "c2")->shard_index, 1);
    assert_int_equal(inventory_clickhouse_by_name(inv, "c4")->shard_index, 1);
    assert_int_equal(inventory_clickhouse_by_name(inv, "c5")->shard_index, 0);
    inventory_free(inv);
}

/* ---- every class of error ------------------------------------------ */

static void test_yaml_syntax_error(void **state)
{
    (void)state;
    expect_errors("cluster: c1\nsites: [a, b\nkeeper: x\n",
                  "3:7: YAML syntax error: did not find expected ',' or ']'", NULL);
    expect_errors("cluster: c1\n  bad: indent\n", "2:6: YAML syntax error", NULL);
    expect_errors("", "1:1: the inventory is empty", NULL);
    expect_errors(HEAD SITES "---\ncluster: c2\n", "18:1: expected one YAML document", NULL);
}

static void test_unknown_key_suggestion(void **state)
{
    (void)state;
    expect_errors(HEAD "sites:\n"
                       "  a:\n"
                       "    role: primary\n"
                       "    keepers:\n"
                       "      - {id: 1, name: z1, host: h1, role: participant, clientport: 1}\n"
                       "    clickhouse:\n"
                       "      - {name: c1, host: h3, shard: 0, replca: r1}\n"
                       "  b:\n"
                       "    role: standby\n"
                       "    clickhouse:\n"
                       "      - {name: c2, host: h4, shard: 0, replica: r2}\n",
                  "8:56: unknown key 'clientport' in a keeper (did you mean 'client_port'?)",
                  "10:9: clickhouse node: missing key 'replica'",
                  "10:40: unknown key 'replca' in a clickhouse node (did you mean 'replica'?)",
                  NULL);
    expect_errors(
        "clustr: c1\nkeeper: {kind: zookeeper}\nfrobnicate: 1\n" SITES,
        "1:1: unknown key 'clustr' in the inventory (did you mean 'cluster'?)",
        "1:1: missing key 'cluster'",
        "3:1: unknown key 'frobnicate' in the inventory (expected one of: cluster, "
        "umbrella_cluster, keeper, ssh, clickhouse_auth, defaults, sites, notify, retention)",
        NULL);
}

static void test_wrong_types(void **state)
{
    (void)state;
    expect_errors("cluster: [c1]\n"
                  "keeper: zookeeper\n"
                  "ssh: {identity: /k/id, known_hosts: /k/kh, port: twenty-two,"
                  " connect_timeout: 0}\n"
                  "sites:\n"
                  "  a:\n"
                  "    role: primary\n"
                  "    keepers: {id: 1}\n"
                  "    clickhouse:\n"
                  "      - {name: c1, host: h3, shard: 0, replica: r1, http_port: {x: 1}}\n"
                  "      - just a string\n"
                  "  b:\n"
                  "    role: standby\n"
                  "    clickhouse:\n"
                  "      - {name: c2, host: h4, shard: 0, replica: [r2]}\n",
                  "1:10: expected a cluster name, found a list",
                  "2:9: expected the keeper section (a mapping of keys), found a scalar",
                  "3:50: expected a port number (1..65535), found 'twenty-two'",
                  "3:79: expected a timeout in seconds (1..3600), found '0'",
                  "5:3: site 'a' (primary) has 0 voting participants",
                  "7:14: expected a list of keepers, found a mapping",
                  "9:64: expected a port number (1..65535), found a mapping",
                  "10:9: expected a clickhouse node (a mapping of keys), found a scalar",
                  "14:49: expected a replica name, found a list", NULL);
}

static void test_ports_in_range(void **state)
{
    (void)state;
    expect_errors(HEAD "defaults:\n"
                       "  zookeeper: {client_port: 0}\n"
                       "  clickhouse: {http_port: 65536, tcp_port: -1}\n" SITES,
                  "5:28: expected a port number (1..65535), found '0'",
                  "6:27: expected a port number (1..65535), found '65536'",
                  "6:44: expected a port number (1..65535), found '-1'", NULL);
}

/* ssh.parallel: how many sessions the pool sets up or uses at once */
static void test_ssh_parallel(void **state)
{
    (void)state;
    inventory_t *inv = load_ok("cluster: c1\nkeeper: {kind: zookeeper}\n"
                               "ssh: {identity: /k/id, known_hosts: /k/kh, parallel: 200}\n" SITES);
    assert_int_equal(inv->ssh.parallel, 200);
    inventory_free(inv);
    expect_errors("cluster: c1\nkeeper: {kind: zookeeper}\n"
                  "ssh: {identity: /k/id, known_hosts: /k/kh, parallel: 0}\n" SITES,
                  "3:54: expected a number of sessions at once (1..1024), found '0'", NULL);
}

static void test_duplicate_ids_and_hosts(void **state)
{
    (void)state;
    expect_errors(HEAD "sites:\n"
                       "  a:\n"
                       "    role: primary\n"
                       "    keepers:\n"
                       "      - {id: 1, name: z1, host: h1, role: participant}\n"
                       "      - {id: 1, name: z2, host: h2, role: participant}\n"
                       "      - {id: 3, name: z3, host: h1, role: participant}\n"
                       "    clickhouse:\n"
                       "      - {name: c1, host: h3, shard: 0, replica: r1}\n"
                       "  b:\n"
                       "    role: standby\n"
                       "    keepers:\n"
                       "      - {id: 3, name: z4, host: h1, role: observer, client_port: 2281,"
                       " quorum_port: 2898, election_port: 3898}\n"
                       "    clickhouse:\n"
                       "      - {name: c2, host: h4, shard: 0, replica: r2, tcp_port: 8123}\n",
                  "9:9: server id 1 is already mapped to host h1 (line 8): an id must always name "
                  "the same host",
                  "10:9: client_port of keeper z3: port 2181 on host h1 is also the client_port "
                  "of keeper z1 (line 8)",
                  "10:9: quorum_port of keeper z3: port 2888",
                  "10:9: election_port of keeper z3: port 3888",
                  "16:9: server id 3 is given twice (also at line 10)",
                  "18:9: tcp_port of clickhouse node c2: port 8123 on host h4 is also the "
                  "http_port of clickhouse node c2",
                  NULL);
}

static void test_duplicate_names(void **state)
{
    (void)state;
    expect_errors(HEAD "sites:\n"
                       "  a:\n"
                       "    role: primary\n"
                       "    keepers:\n"
                       "      - {id: 1, name: n1, host: h1, role: participant}\n"
                       "    clickhouse:\n"
                       "      - {name: n1, host: h3, shard: 0, replica: r1}\n"
                       "      - {host: h5, shard: 0, replica: r3}\n"
                       "  b:\n"
                       "    role: standby\n"
                       "    keepers:\n"
                       "      - {id: 2, host: h5, role: observer}\n"
                       "    clickhouse:\n"
                       "      - {name: c2, host: h4, shard: 0, replica: r2}\n"
                       "  a:\n"
                       "    role: standby\n",
                  "10:9: node name 'n1' is already used by the keeper n1 at line 8: node names "
                  "must be unique",
                  "15:9: node name 'h5' is already used by the clickhouse node h5 at line 11: "
                  "give each node its own 'name'",
                  "18:3: duplicate site 'a' (first given at line 5)", NULL);
}

static void test_shards_on_both_sites(void **state)
{
    (void)state;
    expect_errors(HEAD "sites:\n"
                       "  a:\n"
                       "    role: primary\n"
                       "    keepers:\n"
                       "      - {id: 1, name: z1, host: h1, role: participant}\n"
                       "    clickhouse:\n"
                       "      - {name: c1, host: h3, shard: 0, replica: r1}\n"
                       "      - {name: c3, host: h5, shard: 1, replica: r1}\n"
                       "  b:\n"
                       "    role: standby\n"
                       "    clickhouse:\n"
                       "      - {name: c2, host: h4, shard: 0, replica: r1}\n"
                       "      - {name: c4, host: h6, shard: 2, replica: r4}\n",
                  "11:9: shard '1' has no replica on site 'b': every shard needs replicas on both "
                  "sites",
                  "15:9: replica 'r1' of shard '0' is also the clickhouse node c1 (line 10): "
                  "replica names must be unique within a shard",
                  "16:9: shard '2' has no replica on site 'a'", NULL);
}

static void test_site_roles(void **state)
{
    (void)state;
    const char *k = "    keepers: [{id: 1, host: h1, role: participant}]\n";
    /* two primaries */
    dr_buf b = DR_BUF_INIT;
    dr_buf_printf(&b, HEAD "sites:\n  a:\n    role: primary\n%s  b:\n    role: primary\n", k);
    expect_errors(b.data, "8:3: site 'b' is a second primary ('a' is primary at line 5)", NULL);
    /* no primary, one role invalid: the invalid role is the only message */
    dr_buf_reset(&b);
    dr_buf_printf(&b, HEAD "sites:\n  a:\n    role: standby\n%s  b:\n    role: master\n", k);
    expect_errors(b.data, "9:11: expected a site role (primary or standby), found 'master'", NULL);
    dr_buf_reset(&b);
    dr_buf_printf(&b, HEAD "sites:\n  a:\n    role: standby\n%s  b:\n    role: standby\n", k);
    expect_errors(b.data, "4:1: no site has role: primary", NULL);
    /* three sites, and one */
    dr_buf_reset(&b);
    dr_buf_printf(&b,
                  HEAD "sites:\n  a:\n    role: primary\n%s  b:\n    role: standby\n"
                       "  c:\n    role: standby\n",
                  k);
    expect_errors(b.data, "4:1: expected exactly two sites (one primary, one standby), found 3",
                  NULL);
    dr_buf_reset(&b);
    dr_buf_printf(&b, HEAD "sites:\n  a:\n    role: primary\n%s", k);
    expect_errors(b.data, "4:1: expected exactly two sites", NULL);
    dr_buf_free(&b);
    expect_errors(HEAD, "1:1: missing key 'sites'", NULL);
}

static void test_odd_participants(void **state)
{
    (void)state;
    expect_errors(HEAD "sites:\n"
                       "  chicago:\n"
                       "    role: primary\n"
                       "    keepers:\n"
                       "      - {id: 1, host: h1, role: participant}\n"
                       "      - {id: 2, host: h2, role: participant}\n"
                       "      - {id: 3, host: h3, role: observer}\n"
                       "  dallas:\n"
                       "    role: standby\n"
                       "    keepers:\n"
                       "      - {id: 4, host: h4, role: participant}\n",
                  "5:3: site 'chicago' (primary) has 2 voting participants: a quorum needs an "
                  "odd number (1, 3, 5, ...)",
                  NULL);
}

static void test_keeper_kind_and_roles(void **state)
{
    (void)state;
    expect_errors("cluster: c1\nkeeper: {kind: etcd}\n" SITES,
                  "2:16: expected a keeper kind (zookeeper or clickhouse-keeper), found 'etcd'",
                  NULL);
    expect_errors("cluster: c1\nkeeper: {}\n" SITES, "2:9: keeper: missing key 'kind'", NULL);
    expect_errors(HEAD "defaults:\n"
                       "  zookeeper: {raft_port: 9234, log_storage_path: /x}\n" SITES,
                  "5:15: 'raft_port' is a clickhouse-keeper setting, but keeper.kind is zookeeper",
                  "5:32: 'log_storage_path' is a clickhouse-keeper setting", NULL);
    expect_errors("cluster: c1\nkeeper: {kind: clickhouse-keeper}\n"
                  "defaults:\n  zookeeper: {client_port: 2181}\n" SITES,
                  "4:14: defaults.zookeeper given but keeper.kind is clickhouse-keeper", NULL);
    expect_errors(HEAD "sites:\n"
                       "  a:\n"
                       "    role: primary\n"
                       "    keepers:\n"
                       "      - {id: 1, host: h1, role: leader}\n"
                       "      - {id: 300, host: h2, role: participant}\n"
                       "      - {host: h3}\n",
                  "4:1: expected exactly two sites",
                  "8:33: expected a role (participant, observer or spare), found 'leader'",
                  "9:14: expected a server id (1..255), found '300'",
                  "10:9: keeper: missing key 'id'", "10:9: keeper: missing key 'role'", NULL);
}

static void test_env_expansion(void **state)
{
    (void)state;
    /* unset: reported once, at the first use, with the column of ${ */
    expect_errors("cluster: c-${NOPE}\nkeeper: {kind: zookeeper}\n"
                  "ssh: {identity: \"/k/${NOPE}\", known_hosts: '/k/${EMPTY}', user: '${B@D}'}\n"
                  "umbrella_cluster: x${UNCLOSED\n" SITES,
                  "1:12: environment variable NOPE is not set (write ${NOPE:-default}",
                  "3:48: environment variable EMPTY is empty",
                  "3:68: expected an environment variable name in '${B@D}'",
                  "4:20: expected '}' to close '${'", NULL);
    inventory_t *inv = load_ok("cluster: ${NOPE:-fallback}\n"
                               "umbrella_cluster: ${EMPTY:-all}\n"
                               "keeper: {kind: zookeeper}\n"
                               "ssh: {identity: '${HOME}/id', known_hosts: '/k/$${HOME}'}\n" SITES);
    assert_string_equal(inv->cluster, "fallback");
    assert_string_equal(inv->umbrella_cluster, "all");
    assert_string_equal(inv->ssh.identity, "/home/op/id");
    assert_string_equal(inv->ssh.known_hosts, "/k/${HOME}");
    inventory_free(inv);
}

static void test_secrets_never_inline(void **state)
{
    (void)state;
    expect_errors(HEAD "clickhouse_auth: {user: default, password: hunter2}\n" SITES,
                  "4:34: 'password' would put a secret in the inventory: use password_file (path "
                  "of a 0600 file) or password_env (name of an environment variable)",
                  NULL);
    expect_errors("cluster: c1\nkeeper: {kind: zookeeper, super_digest: 'super:x'}\n"
                  "ssh: {identity: /k/id, known_hosts: /k/kh, passphrase: x,"
                  " passphrase_file: /a, passphrase_env: B}\n" SITES,
                  "2:27: 'super_digest' would put a secret in the inventory: use "
                  "super_digest_file",
                  "3:44: 'passphrase' would put a secret in the inventory: use passphrase_file",
                  "3:96: give either passphrase_file or passphrase_env, not both", NULL);
    expect_errors(HEAD "clickhouse_auth: {password_file: secrets/ch, password_env: 'A-B'}\n" SITES,
                  "4:60: give either password_file or password_env, not both", NULL);
    /* a secret pasted where its file or variable belongs is not repeated */
    expect_errors(HEAD "clickhouse_auth: {password_file: hunter2}\n" SITES,
                  "4:34: expected the absolute path (or ~/...) of the file holding the secret",
                  NULL);
    expect_errors(HEAD "clickhouse_auth: {password_env: 'hunter 2'}\n" SITES,
                  "4:33: expected the name of the environment variable holding the secret "
                  "(letters, digits, _)",
                  NULL);
}

static void test_placeholders_and_paths(void **state)
{
    (void)state;
    expect_errors(HEAD "defaults:\n"
                       "  zookeeper: {config: '/zk/{nmae}/zoo.cfg', data_dir: var/zk}\n"
                       "  clickhouse: {macros_xml: '/ch/{id}.xml'}\n" SITES,
                  "5:23: unknown placeholder {nmae} for a keeper (did you mean {name}?)",
                  "5:55: expected an absolute path, found 'var/zk'",
                  "6:28: unknown placeholder {id} for a clickhouse node (expected one of: {name} "
                  "{host} {shard} {replica} {site})",
                  NULL);
}

static void test_commands_come_as_a_set(void **state)
{
    (void)state;
    expect_errors(HEAD "defaults:\n"
                       "  clickhouse: {start: /bin/ch-start, stop: /bin/ch-stop}\n" SITES,
                  "12:9: clickhouse node c1 has no 'status' command: once the inventory names a "
                  "command for clickhouse nodes, give start, stop and status",
                  NULL);
}

/* stop_timeout: none unless given (defaults or per node, 1..3600 s), kill
 * built in with the built-in command set; a stop_timeout without any kill
 * command (custom commands, no kill) is an error naming the node. */
static void test_stop_timeout_and_kill(void **state)
{
    (void)state;
    inventory_t *inv = load_ok(HEAD SITES);
    inventory_clickhouse *c1 = inventory_clickhouse_by_name(inv, "c1");
    assert_int_equal(c1->stop_timeout, 0);
    assert_string_equal(c1->kill, "systemctl kill --signal=SIGKILL clickhouse-server");
    inventory_free(inv);

    inv = load_ok(HEAD "defaults:\n"
                       "  clickhouse: {stop_timeout: 5}\n"
                       "sites:\n"
                       "  a:\n"
                       "    role: primary\n"
                       "    keepers:\n"
                       "      - {id: 1, name: z1, host: h1, role: participant}\n"
                       "    clickhouse:\n"
                       "      - {name: c1, host: h3, shard: 0, replica: r1, stop_timeout: 30}\n"
                       "  b:\n"
                       "    role: standby\n"
                       "    keepers:\n"
                       "      - {id: 2, name: z2, host: h2, role: observer}\n"
                       "    clickhouse:\n"
                       "      - {name: c2, host: h4, shard: 0, replica: r2}\n");
    assert_int_equal(inventory_clickhouse_by_name(inv, "c1")->stop_timeout, 30);
    assert_int_equal(inventory_clickhouse_by_name(inv, "c2")->stop_timeout, 5);
    assert_string_equal(inventory_clickhouse_by_name(inv, "c2")->kill,
                        "systemctl kill --signal=SIGKILL clickhouse-server");
    inventory_free(inv);

    inv = load_ok(HEAD "defaults:\n"
                       "  clickhouse: {start: /s, stop: /t, status: /u, kill: '/k {name}',"
                       " stop_timeout: 2}\n" SITES);
    assert_string_equal(inventory_clickhouse_by_name(inv, "c2")->kill, "/k c2");
    assert_int_equal(inventory_clickhouse_by_name(inv, "c2")->stop_timeout, 2);
    inventory_free(inv);

    expect_errors(HEAD "defaults:\n"
                       "  clickhouse: {stop_timeout: 0}\n" SITES,
                  "5:30: expected a number of seconds (1..3600), found '0'", NULL);
    expect_errors(HEAD "defaults:\n"
                       "  clickhouse: {stop_timeout: 5s}\n" SITES,
                  "5:30: expected a number of seconds (1..3600), found '5s'", NULL);
    expect_errors(HEAD "defaults:\n"
                       "  clickhouse: {start: /s, stop: /t, status: /u, stop_timeout: 9}\n" SITES,
                  "12:9: clickhouse node c1 has a stop_timeout but no 'kill' command",
                  "18:9: clickhouse node c2 has a stop_timeout but no 'kill' command", NULL);
}

/* disable/enable: built in with the built-in command set, optional (never
 * reported missing) with a custom one; a site's fence command is kept as
 * written; a fence that is not text is an error naming its line. */
static void test_fencing_commands(void **state)
{
    (void)state;
    inventory_t *inv = load_ok(HEAD SITES);
    inventory_keeper *z1 = inventory_keeper_by_name(inv, "z1");
    inventory_clickhouse *c1 = inventory_clickhouse_by_name(inv, "c1");
    assert_string_equal(z1->disable, "systemctl disable --now zookeeper");
    assert_string_equal(z1->enable, "systemctl enable zookeeper");
    assert_string_equal(c1->disable, "systemctl disable --now clickhouse-server");
    assert_null(inv->sites[0].fence);
    inventory_free(inv);

    inv = load_ok(HEAD "defaults:\n"
                       "  clickhouse: {start: /s, stop: /t, status: /u, disable: '/d {name}'}\n"
                       "  zookeeper: {start: /s, stop: /t, status: /u}\n"
                       "sites:\n"
                       "  a:\n"
                       "    role: primary\n"
                       "    fence: ipmitool -H bmc-a chassis power off\n"
                       "    keepers:\n"
                       "      - {id: 1, name: z1, host: h1, role: participant}\n"
                       "    clickhouse:\n"
                       "      - {name: c1, host: h3, shard: 0, replica: r1}\n"
                       "  b:\n"
                       "    role: standby\n"
                       "    keepers:\n"
                       "      - {id: 2, name: z2, host: h2, role: observer}\n"
                       "    clickhouse:\n"
                       "      - {name: c2, host: h4, shard: 0, replica: r2}\n");
    z1 = inventory_keeper_by_name(inv, "z1");
    c1 = inventory_clickhouse_by_name(inv, "c1");
    assert_null(z1->disable);
    assert_null(z1->enable);
    assert_string_equal(c1->disable, "/d c1");
    assert_null(c1->enable);
    assert_string_equal(inv->sites[0].fence, "ipmitool -H bmc-a chassis power off");
    assert_null(inv->sites[1].fence);
    inventory_free(inv);

    expect_errors(HEAD "sites:\n"
                       "  a:\n"
                       "    role: primary\n"
                       "    fence: [not, text]\n"
                       "    keepers:\n"
                       "      - {id: 1, name: z1, host: h1, role: participant}\n"
                       "  b:\n"
                       "    role: standby\n"
                       "    keepers:\n"
                       "      - {id: 2, name: z2, host: h2, role: observer}\n",
                  "7:12: expected a shell command run locally to fence the site", NULL);
}

static void test_duplicate_keys_and_misc(void **state)
{
    (void)state;
    expect_errors(HEAD "cluster: c2\n" SITES "sites: {}\n",
                  "4:1: duplicate key 'cluster' in the inventory (first given at line 1)",
                  "18:1: duplicate key 'sites' in the inventory (first given at line 5)", NULL);
    expect_errors(HEAD "umbrella_cluster: c1\n" SITES,
                  "5:1: umbrella_cluster 'c1' is the same as cluster", NULL);
    /* a host that cannot serve as a name needs one */
    expect_errors(HEAD "sites:\n"
                       "  a:\n"
                       "    role: primary\n"
                       "    keepers: [{id: 1, host: 'fe80::1', role: participant}]\n"
                       "  b: {role: standby}\n",
                  "7:15: missing key 'name': the host 'fe80::1' is not usable as a node name",
                  NULL);
    expect_errors(HEAD "umbrella_cluster: ''\n" SITES,
                  "4:19: expected a cluster name, found an empty value", NULL);
    expect_errors("- a\n- b\n", "1:1: expected the inventory (a mapping of keys), found a list",
                  NULL);
    expect_errors(HEAD "sites:\n"
                       "  'a b':\n"
                       "    role: primary\n",
                  "4:1: expected exactly two sites (one primary, one standby), found 1",
                  "5:3: expected a site name (letters, digits, '.', '_', '-'), found 'a b'", NULL);
}

/* Several unrelated mistakes: all of them, sorted by position. */
static void test_all_errors_at_once(void **state)
{
    (void)state;
    expect_errors("cluster: c1\n"
                  "keeper: {kind: zookeeper}\n"
                  "ssh: {identity: /k/id, known_hosts: /k/kh, prot: 22}\n"
                  "sites:\n"
                  "  a:\n"
                  "    role: primary\n"
                  "    keepers:\n"
                  "      - {id: 1, host: h1, role: participant}\n"
                  "      - {id: 2, host: h2, role: participant, client_port: 99999}\n"
                  "    clickhouse:\n"
                  "      - {name: c1, host: h3, shard: 0, replica: r1}\n"
                  "  b:\n"
                  "    role: standby\n"
                  "    clickhouse:\n"
                  "      - {name: c2, host: h4, shard: 0, replica: r2, macros_xml: x.xml}\n",
                  "3:44: unknown key 'prot' in the ssh section (did you mean 'port'?)",
                  "5:3: site 'a' (primary) has 2 voting participants",
                  "9:59: expected a port number (1..65535), found '99999'",
                  "15:65: expected an absolute path, found 'x.xml'", NULL);
}

static void test_show_golden_and_roundtrip(void **state)
{
    (void)state;
    char *path = data_path("lab.yaml");
    inventory_t *inv = NULL;
    dr_err err = {0};
    assert_int_equal(inventory_load_file(path, &test_opts, &inv, NULL, &err), DR_OK);
    dr_buf yaml = DR_BUF_INIT, json = DR_BUF_INIT;
    assert_int_equal(inventory_write_yaml(inv, &yaml, NULL), DR_OK);
    check_golden("lab.show.yaml", yaml.data);
    json_writer w;
    json_writer_init(&w, &json, JSON_PRETTY);
    inventory_write_json(inv, &w);
    assert_int_equal(json_writer_finish(&w), DR_OK);
    /* the file name is the caller's path: make it stable for the golden */
    char *at = strstr(json.data, path);
    assert_non_null(at);
    dr_buf stable = DR_BUF_INIT;
    dr_buf_append(&stable, json.data, (size_t)(at - json.data));
    dr_buf_puts(&stable, "lab.yaml");
    dr_buf_puts(&stable, at + strlen(path));
    check_golden("lab.show.json", stable.data);

    /* what show prints is itself an inventory that resolves to the same */
    inventory_t *again = NULL;
    assert_int_equal(
        inventory_load_buffer("shown", yaml.data, yaml.len, &test_opts, &again, NULL, &err), DR_OK);
    dr_buf yaml2 = DR_BUF_INIT;
    assert_int_equal(inventory_write_yaml(again, &yaml2, NULL), DR_OK);
    assert_string_equal(yaml.data, yaml2.data);
    inventory_free(again);

    dr_buf_free(&yaml);
    dr_buf_free(&yaml2);
    dr_buf_free(&json);
    dr_buf_free(&stable);
    inventory_free(inv);
    free(path);
}

/* A value that is not UTF-8 (from the environment) cannot be shown as
 * YAML: an error naming the problem, not a file that would not load. */
static void test_show_refuses_non_utf8(void **state)
{
    (void)state;
    inventory_t *inv = load_ok(HEAD "defaults:\n"
                                    "  zookeeper:\n"
                                    "    data_dir: '/d/${LATIN1}'\n" SITES);
    assert_string_equal(inventory_keeper_by_id(inv, 1)->data_dir, "/d/caf\xe9");
    dr_buf y = DR_BUF_INIT;
    dr_err err = {0};
    assert_int_equal(inventory_write_yaml(inv, &y, &err), DR_EINVAL);
    assert_non_null(strstr(err.msg, "inventory show: YAML emitter: "));
    dr_buf_free(&y);
    inventory_free(inv);
}

/* Strings that need quoting in show's output survive the round trip. */
static void test_show_quotes_what_it_must(void **state)
{
    (void)state;
    inventory_t *inv =
        load_ok(HEAD "defaults:\n"
                     "  zookeeper:\n"
                     "    start: 'sh -c \"exec zk: {name}\" # ${HOME} $${LIT} {{x}'\n"
                     "    stop: '- dash'\n"
                     "    status: 'yes'\n" SITES);
    dr_buf y = DR_BUF_INIT;
    assert_int_equal(inventory_write_yaml(inv, &y, NULL), DR_OK);
    inventory_t *again = load_ok(y.data);
    inventory_keeper *a = inventory_keeper_by_id(inv, 1), *b = inventory_keeper_by_id(again, 1);
    assert_string_equal(a->start, "sh -c \"exec zk: z1\" # /home/op ${LIT} {x}");
    assert_string_equal(b->start, a->start);
    assert_string_equal(b->stop, "- dash");
    assert_string_equal(b->status, "yes");
    assert_string_equal(b->restart, "- dash && "
                                    "sh -c \"exec zk: z1\" # /home/op ${LIT} {x}");
    dr_buf_free(&y);
    inventory_free(inv);
    inventory_free(again);
}

static void test_load_file_missing(void **state)
{
    (void)state;
    inventory_t *inv = (inventory_t *)1;
    inventory_errors errs;
    inventory_errors_init(&errs);
    dr_err err = {0};
    assert_int_equal(inventory_load_file("/nonexistent/inv.yaml", NULL, &inv, &errs, &err),
                     DR_ENOTFOUND);
    assert_null(inv);
    assert_non_null(strstr(err.msg, "/nonexistent/inv.yaml"));
    inventory_errors_free(&errs);
    inventory_free(NULL);
}

/* ---- the command ---------------------------------------------------- */

/* Runs `drctl inventory ARGS...` and captures its output. */
static int run_cmd(char **out, char **errtext, int argc, char **argv)
{
    size_t n1, n2;
    FILE *o = open_memstream(out, &n1), *e = open_memstream(errtext, &n2);
    assert_non_null(o);
    assert_non_null(e);
    int rc = cmd_inventory_run(argc, argv, o, e);
    fclose(o);
    fclose(e);
    return rc;
}

static void test_cmd_check_and_show(void **state)
{
    (void)state;
    char *lab = data_path("lab.yaml");
    char *bad = data_path("bad.yaml");
    setenv("DRCTL_LAB_DIR", "/lab", 1);
    unsetenv("DRCTL_LAB_NET");
    char *out, *err;

    char *a1[] = {"inventory", "check", "-i", lab};
    assert_int_equal(run_cmd(&out, &err, 4, a1), DR_EXIT_OK);
    assert_non_null(strstr(out, ": valid (primary chicago, standby dallas"));
    assert_string_equal(err, "");
    free(out), free(err);

    /* bad file: exit 2, every error as file:line:col on stderr */
    char *a2[] = {"inventory", "check", "--inventory", bad};
    assert_int_equal(run_cmd(&out, &err, 4, a2), DR_EXIT_USAGE);
    assert_string_equal(out, "");
    dr_buf want = DR_BUF_INIT;
    dr_buf_printf(&want, "%s:11:9: clickhouse node: missing key 'replica'", bad);
    assert_non_null(strstr(err, want.data));
    dr_buf_reset(&want);
    dr_buf_printf(&want, "%s:15:64: expected a port number (1..65535), found '0'", bad);
    assert_non_null(strstr(err, want.data));
    dr_buf_reset(&want);
    dr_buf_printf(&want,
                  "%s:10:40: unknown key 'replca' in a clickhouse node (did you mean "
                  "'replica'?)",
                  bad);
    assert_non_null(strstr(err, want.data));
    dr_buf_reset(&want);
    dr_buf_printf(&want, "%s: 4 errors\n", bad);
    assert_non_null(strstr(err, want.data));
    free(out), free(err);

    /* via $DRCTL_INVENTORY, show --json */
    setenv("DRCTL_INVENTORY", lab, 1);
    char *a3[] = {"inventory", "show", "--json"};
    assert_int_equal(run_cmd(&out, &err, 3, a3), DR_EXIT_OK);
    assert_non_null(strstr(out, "\"password\": {\n      \"file\": \"/lab/secrets/ch_password\""));
    assert_non_null(strstr(out, "\"host\": \"127.0.0.14\""));
    free(out), free(err);
    char *a4[] = {"inventory", "show"};
    assert_int_equal(run_cmd(&out, &err, 2, a4), DR_EXIT_OK);
    assert_non_null(strstr(out, "password_file: /lab/secrets/ch_password\n"));
    free(out), free(err);

    /* usage errors */
    char *a5[] = {"inventory", "frob"};
    assert_int_equal(run_cmd(&out, &err, 2, a5), DR_EXIT_USAGE);
    assert_non_null(strstr(err, "unknown action 'frob'"));
    free(out), free(err);
    char *a6[] = {"inventory", "check", "--json"};
    assert_int_equal(run_cmd(&out, &err, 3, a6), DR_EXIT_USAGE);
    free(out), free(err);
    char *a7[] = {"inventory", "check", "-i"};
    assert_int_equal(run_cmd(&out, &err, 3, a7), DR_EXIT_USAGE);
    free(out), free(err);
    char *a8[] = {"inventory", "check", "-i", "/nonexistent.yaml"};
    assert_int_equal(run_cmd(&out, &err, 4, a8), DR_EXIT_USAGE);
    assert_non_null(strstr(err, "/nonexistent.yaml"));
    free(out), free(err);

    /* nowhere to find one (unless this machine has a system inventory) */
    unsetenv("DRCTL_INVENTORY");
    assert_ptr_equal(cmd_inventory_path("/x.yaml"), (const char *)"/x.yaml");
    if (!cmd_inventory_path(NULL)) {
        char *a9[] = {"inventory", "check"};
        assert_int_equal(run_cmd(&out, &err, 2, a9), DR_EXIT_USAGE);
        assert_non_null(strstr(err, "no inventory: give -i FILE or set DRCTL_INVENTORY"));
        free(out), free(err);
    }
    dr_buf_free(&want);
    free(lab);
    free(bad);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lab_inventory_resolved),
        cmocka_unit_test(test_builtin_defaults),
        cmocka_unit_test(test_ssh_agent),
        cmocka_unit_test(test_keeper_kind_defaults),
        cmocka_unit_test(test_node_overrides),
        cmocka_unit_test(test_shipped_inventories),
        cmocka_unit_test(test_shard_order),
        cmocka_unit_test(test_yaml_syntax_error),
        cmocka_unit_test(test_unknown_key_suggestion),
        cmocka_unit_test(test_wrong_types),
        cmocka_unit_test(test_ports_in_range),
        cmocka_unit_test(test_ssh_parallel),
        cmocka_unit_test(test_duplicate_ids_and_hosts),
        cmocka_unit_test(test_duplicate_names),
        cmocka_unit_test(test_shards_on_both_sites),
        cmocka_unit_test(test_site_roles),
        cmocka_unit_test(test_odd_participants),
        cmocka_unit_test(test_keeper_kind_and_roles),
        cmocka_unit_test(test_env_expansion),
        cmocka_unit_test(test_secrets_never_inline),
        cmocka_unit_test(test_placeholders_and_paths),
        cmocka_unit_test(test_commands_come_as_a_set),
        cmocka_unit_test(test_fencing_commands),
        cmocka_unit_test(test_stop_timeout_and_kill),
        cmocka_unit_test(test_duplicate_keys_and_misc),
        cmocka_unit_test(test_all_errors_at_once),
        cmocka_unit_test(test_show_golden_and_roundtrip),
        cmocka_unit_test(test_show_quotes_what_it_must),
        cmocka_unit_test(test_show_refuses_non_utf8),
        cmocka_unit_test(test_load_file_missing),
        cmocka_unit_test(test_real_site_keys),
        cmocka_unit_test(test_real_site_keys_bad),
        cmocka_unit_test(test_cmd_check_and_show),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
