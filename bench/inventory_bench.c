/* inventory_bench: loads and validates an inventory file several times and
 * prints the time per load and the process's peak RSS (getrusage).
 *
 *   inventory_bench FILE [ROUNDS]      (bench/inventory_bench.sh makes FILE)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "chconf.h"
#include "inventory.h"
#include "zkconf.h"

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static void die(const char *what, const dr_err *err)
{
    fprintf(stderr, "inventory_bench: %s: %s\n", what, err->msg);
    exit(1);
}

static void server_lines(dr_buf *b, const inventory_site *s, const char *role)
{
    for (size_t i = 0; i < s->n_keepers; i++) {
        const inventory_keeper *k = &s->keepers[i];
        if (k->role == INVENTORY_SPARE && strcmp(role, "participant"))
            continue;
        dr_buf_printf(
            b, "server.%d=%s:%d:%d:%s;%s:%d\n", k->id, k->host, k->quorum_port, k->election_port,
            strcmp(role, "home") ? role
                                 : (k->role == INVENTORY_OBSERVER ? "observer" : "participant"),
            k->host, k->client_port);
    }
}

/* Renders every file the failover to the standby writes, node by node, as
 * the runbook does: each standby keeper's zoo.cfg and dynamic file, each
 * standby ClickHouse node's <zookeeper> list and its remote_servers with the
 * dead site dropped from the umbrella cluster. */
static void render_failover(const inventory_t *inv)
{
    dr_err err = {0};
    const inventory_site *pri = inv->primary, *sb = inv->standby;
    double t0 = now_ms();
    /* the files as they are before the failover */
    dr_buf zoo = DR_BUF_INIT, newdyn = DR_BUF_INIT, zkxml = DR_BUF_INIT, rs = DR_BUF_INIT;
    dr_buf_puts(&zoo, "tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=/var/lib/zookeeper\n"
                      "reconfigEnabled=true\n");
    server_lines(&zoo, pri, "participant");
    for (size_t i = 0; i < sb->n_keepers; i++)
        if (sb->keepers[i].role == INVENTORY_OBSERVER)
            dr_buf_printf(&zoo, "server.%d=%s:%d:%d:observer;%s:%d\n", sb->keepers[i].id,
                          sb->keepers[i].host, sb->keepers[i].quorum_port,
                          sb->keepers[i].election_port, sb->keepers[i].host,
                          sb->keepers[i].client_port);
    server_lines(&newdyn, sb, "participant");
    chconf_endpoint *ens = calloc(pri->n_keepers + sb->n_keepers, sizeof *ens);
    size_t ne = 0;
    for (size_t i = 0; i < pri->n_keepers; i++)
        ens[ne].host = pri->keepers[i].host, ens[ne++].port = pri->keepers[i].client_port;
    if (chconf_render_zookeeper("yandex", NULL, ens, ne, NULL, 0, 0, &zkxml, &err))
        die("render zookeeper.xml", &err);
    /* umbrella cluster: every node, by shard */
    chconf_shard_spec *shards = calloc(inv->n_shards, sizeof *shards);
    chconf_replica_spec *reps = calloc(2 * (pri->n_clickhouse + sb->n_clickhouse), sizeof *reps);
    size_t nr = 0;
    for (size_t sh = 0; sh < inv->n_shards; sh++) {
        shards[sh].replicas = &reps[nr];
        for (size_t si = 0; si < inv->n_sites; si++)
            for (size_t i = 0; i < inv->sites[si].n_clickhouse; i++)
                if (inv->sites[si].clickhouse[i].shard_index == sh) {
                    reps[nr].host = inv->sites[si].clickhouse[i].host;
                    reps[nr++].port = inv->sites[si].clickhouse[i].tcp_port;
                    shards[sh].n_replicas++;
                }
    }
    chconf_cluster_spec cl = {inv->umbrella_cluster ? inv->umbrella_cluster : "all", NULL, shards,
                              inv->n_shards};
    if (chconf_render_remote_servers("yandex", NULL, &cl, 1, 0, &rs, &err))
        die("render remote_servers.xml", &err);
    double t1 = now_ms();

    zkconf *dyn = NULL;
    if (zkconf_parse("dynamic", newdyn.data, newdyn.len, ZKCONF_DYNAMIC, &dyn, &err))
        die("parse dynamic", &err);
    zkconf_members m = {0};
    zkconf_members_get(dyn, &m);
    /* per file kind: time, files, bytes; printed apart so that a regression
     * in one of them shows */
    enum { K_ZOO, K_ZKXML, K_RS, N_KINDS };
    static const char *kind_name[N_KINDS] = {"zoo.cfg + dynamic", "zookeeper.xml",
                                             "remote_servers.xml"};
    double kms[N_KINDS] = {0};
    size_t kfiles[N_KINDS] = {0}, kbytes[N_KINDS] = {0};
    for (size_t i = 0; i < sb->n_keepers; i++) {
        double k0 = now_ms();
        zkconf *c = NULL;
        if (zkconf_parse("zoo.cfg", zoo.data, zoo.len, ZKCONF_STATIC, &c, &err))
            die("parse zoo.cfg", &err);
        zkconf_write w = {0};
        if (zkconf_write_plan(c, &m, sb->keepers[i].id, "/etc/zookeeper/conf/zoo.cfg.dynamic", NULL,
                              0, &w, &err))
            die("zoo.cfg write plan", &err);
        kfiles[K_ZOO] += 2, kbytes[K_ZOO] += w.static_len + w.dynamic_len;
        zkconf_write_free(&w);
        zkconf_free(c);
        kms[K_ZOO] += now_ms() - k0;
    }
    chconf_endpoint *newens = calloc(sb->n_keepers, sizeof *newens);
    for (size_t i = 0; i < sb->n_keepers; i++)
        newens[i].host = sb->keepers[i].host, newens[i].port = sb->keepers[i].client_port;
    chconf_endpoint *deadhosts = calloc(pri->n_clickhouse, sizeof *deadhosts);
    for (size_t i = 0; i < pri->n_clickhouse; i++)
        deadhosts[i].host = pri->clickhouse[i].host,
        deadhosts[i].port = pri->clickhouse[i].tcp_port;
    for (size_t i = 0; i < sb->n_clickhouse; i++) {
        double k0 = now_ms();
        chconf_in zin = {"zookeeper.xml", zkxml.data, zkxml.len, NULL};
        chconf_out o = {0};
        if (chconf_zk_set_nodes(&zin, newens, sb->n_keepers, 0, &o, &err))
            die("zookeeper.xml", &err);
        kfiles[K_ZKXML]++, kbytes[K_ZKXML] += o.len;
        chconf_out_free(&o);
        double k1 = now_ms();
        chconf_in rin = {"remote_servers.xml", rs.data, rs.len, NULL};
        if (chconf_remote_remove_hosts(&rin, cl.name, deadhosts, pri->n_clickhouse, 0, &o, &err))
            die("remote_servers.xml", &err);
        kfiles[K_RS]++, kbytes[K_RS] += o.len;
        chconf_out_free(&o);
        double k2 = now_ms();
        kms[K_ZKXML] += k1 - k0, kms[K_RS] += k2 - k1;
    }
    double t2 = now_ms();
    size_t files = 0, bytes = 0;
    for (int k = 0; k < N_KINDS; k++)
        files += kfiles[k], bytes += kbytes[k];
    printf("failover render: %zu files, %zu bytes for %zu keepers and %zu ClickHouse nodes: "
           "%.0f ms (inputs %.0f ms; remote_servers.xml %zu bytes)\n",
           files, bytes, sb->n_keepers, sb->n_clickhouse, t2 - t1, t1 - t0, rs.len);
    for (int k = 0; k < N_KINDS; k++)
        printf("  %-20s %5zu files %10zu bytes %9.1f ms  %8.3f ms/file\n", kind_name[k], kfiles[k],
               kbytes[k], kms[k], kfiles[k] ? kms[k] / (double)kfiles[k] : 0.0);
    zkconf_members_free(&m);
    zkconf_free(dyn);
    free(ens), free(newens), free(deadhosts), free(shards), free(reps);
    dr_buf_free(&zoo), dr_buf_free(&newdyn), dr_buf_free(&zkxml), dr_buf_free(&rs);
}

static int cmp_ms(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE [ROUNDS]\n", argv[0]);
        return 2;
    }
    int rounds = argc > 2 ? atoi(argv[2]) : 10;
    if (rounds < 1)
        rounds = 1;
    double *ms = calloc((size_t)rounds, sizeof *ms);
    size_t keepers = 0, nodes = 0, shards = 0;
    for (int r = 0; r < rounds; r++) {
        inventory_t *inv = NULL;
        inventory_errors errs;
        inventory_errors_init(&errs);
        dr_err err = {0};
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        int rc = inventory_load_file(argv[1], NULL, &inv, &errs, &err);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        if (rc != DR_OK) {
            fprintf(stderr, "%s\n", err.msg);
            return 1;
        }
        ms[r] = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
        keepers = nodes = 0;
        for (size_t s = 0; s < inv->n_sites; s++)
            keepers += inv->sites[s].n_keepers, nodes += inv->sites[s].n_clickhouse;
        shards = inv->n_shards;
        inventory_free(inv);
        inventory_errors_free(&errs);
    }
    qsort(ms, (size_t)rounds, sizeof *ms, cmp_ms);
    {
        inventory_t *inv = NULL;
        dr_err err = {0};
        if (inventory_load_file(argv[1], NULL, &inv, NULL, &err) != DR_OK)
            die("load", &err);
        render_failover(inv);
        inventory_free(inv);
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("inventory_bench: %s: %zu keepers, %zu clickhouse nodes, %zu shards\n", argv[1], keepers,
           nodes, shards);
    printf("load+validate: min %.2f ms, median %.2f ms, max %.2f ms over %d rounds\n", ms[0],
           ms[rounds / 2], ms[rounds - 1], rounds);
    printf("peak RSS: %ld KiB\n", ru.ru_maxrss);
    free(ms);
    return 0;
}
