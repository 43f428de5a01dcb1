/* inventory_rules: the checks of a loaded inventory that span nodes (unique
 * names, ids and host:port pairs, every shard on both sites, one primary, an
 * odd quorum), run once the nodes are read; each problem is recorded and the
 * checks go on. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "inventory.h"
#include "inventory_int.h"

/* ---- rules across nodes --------------------------------------------- */

typedef struct ent {
    const char *a, *b; /* sort keys */
    long n;
    const char *what; /* "client_port of zk1" and the like */
    const inventory_pos *pos;
    size_t seq; /* document order */
    size_t site;
    inventory_clickhouse *ch; /* check_shards: the node the entry is for */
} ent;

static int pos_cmp(const ent *x, const ent *y)
{
    if (x->pos->line != y->pos->line)
        return x->pos->line < y->pos->line ? -1 : 1;
    if (x->pos->column != y->pos->column)
        return x->pos->column < y->pos->column ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int cmp_a_then_pos(const void *p, const void *q)
{
    const ent *x = p, *y = q;
    int c = strcmp(x->a, y->a);
    return c ? c : pos_cmp(x, y);
}

static int cmp_host_port(const void *p, const void *q)
{
    const ent *x = p, *y = q;
    int c = strcasecmp(x->a, y->a);
    if (c)
        return c;
    if (x->n != y->n)
        return x->n < y->n ? -1 : 1;
    return pos_cmp(x, y);
}

static int cmp_id(const void *p, const void *q)
{
    const ent *x = p, *y = q;
    if (x->n != y->n)
        return x->n < y->n ? -1 : 1;
    return pos_cmp(x, y);
}

static int cmp_shard_replica(const void *p, const void *q)
{
    const ent *x = p, *y = q;
    int c = strcmp(x->a, y->a);
    if (c)
        return c;
    c = strcmp(x->b, y->b);
    return c ? c : pos_cmp(x, y);
}

static int cmp_seq(const void *p, const void *q)
{
    const ent *x = p, *y = q;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int cmp_shard_seq(const void *p, const void *q)
{
    const ent *x = p, *y = q;
    int c = strcmp(x->a, y->a);
    if (c)
        return c;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void check_names(loader *L, ent *e, size_t n)
{
    qsort(e, n, sizeof *e, cmp_a_then_pos);
    for (size_t i = 1; i < n; i++)
        if (!strcmp(e[i].a, e[i - 1].a))
            inventory__error_pos(
                L, e[i].pos, "node name '%s' is already used by the %s at line %u: %s", e[i].a,
                e[i - 1].what, e[i - 1].pos->line,
                e[i].b ? "give each node its own 'name'" : "node names must be unique");
}

static void check_ports(loader *L, ent *e, size_t n)
{
    qsort(e, n, sizeof *e, cmp_host_port);
    for (size_t i = 1; i < n; i++)
        if (!strcasecmp(e[i].a, e[i - 1].a) && e[i].n == e[i - 1].n)
            inventory__error_pos(L, e[i].pos, "%s: port %ld on host %s is also the %s (line %u)",
                                 e[i].what, e[i].n, e[i].a, e[i - 1].what, e[i - 1].pos->line);
}

static void check_ids(loader *L, ent *e, size_t n)
{
    qsort(e, n, sizeof *e, cmp_id);
    for (size_t i = 1; i < n; i++) {
        if (e[i].n != e[i - 1].n)
            continue;
        if (!strcasecmp(e[i].a, e[i - 1].a))
            inventory__error_pos(L, e[i].pos, "server id %ld is given twice (also at line %u)",
                                 e[i].n, e[i - 1].pos->line);
        else
            inventory__error_pos(
                L, e[i].pos,
                "server id %ld is already mapped to host %s (line %u): an id must always "
                "name the same host",
                e[i].n, e[i - 1].a, e[i - 1].pos->line);
    }
}

/* Shards: each needs replicas on both sites; replica names are unique within
 * a shard (they share the shard's table paths); and inv->shards lists them in
 * the order they first appear. */
static void check_shards(loader *L, ent *e, size_t n)
{
    inventory_t *inv = L->inv;
    qsort(e, n, sizeof *e, cmp_shard_replica);
    for (size_t i = 1; i < n; i++)
        if (*e[i].b && !strcmp(e[i].a, e[i - 1].a) && !strcmp(e[i].b, e[i - 1].b))
            inventory__error_pos(
                L, e[i].pos,
                "replica '%s' of shard '%s' is also the %s (line %u): replica names must be "
                "unique within a shard",
                e[i].b, e[i].a, e[i - 1].what, e[i - 1].pos->line);
    qsort(e, n, sizeof *e, cmp_shard_seq);
    /* groups of one shard; e[g].seq is the group's first appearance */
    ent *groups = dr_calloc(n ? n : 1, sizeof *groups);
    size_t ng = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        size_t *per_site = dr_calloc(inv->n_sites ? inv->n_sites : 1, sizeof *per_site);
        while (j < n && !strcmp(e[j].a, e[i].a)) {
            if (e[j].site < inv->n_sites)
                per_site[e[j].site]++;
            j++;
        }
        if (inv->n_sites == 2)
            for (size_t s = 0; s < 2; s++)
                if (!per_site[s])
                    inventory__error_pos(
                        L, e[i].pos,
                        "shard '%s' has no replica on site '%s': every shard needs "
                        "replicas on both sites",
                        e[i].a, inv->sites[s].name);
        free(per_site);
        for (size_t k = i; k < j; k++)
            e[k].n = (long)ng; /* the entry's group, in shard-name order */
        groups[ng] = e[i];
        groups[ng].n = (long)ng;
        ng++;
        i = j;
    }
    qsort(groups, ng, sizeof *groups, cmp_seq); /* first-appearance order */
    size_t *rank = dr_calloc(ng ? ng : 1, sizeof *rank);
    inv->shards = inventory__arena_alloc(L->a, (ng ? ng : 1) * sizeof *inv->shards);
    inv->n_shards = ng;
    for (size_t i = 0; i < ng; i++) {
        inv->shards[i] = groups[i].a;
        rank[groups[i].n] = i;
    }
    for (size_t k = 0; k < n; k++)
        e[k].ch->shard_index = rank[e[k].n];
    free(rank);
    free(groups);
}

static void check_sites(loader *L)
{
    inventory_t *inv = L->inv;
    if (L->site_entries != 2)
        inventory__error_at(L, L->sites_mark,
                            "expected exactly two sites (one primary, one standby), found %zu",
                            L->site_entries);
    for (size_t i = 0; i < inv->n_sites; i++) {
        inventory_site *s = &inv->sites[i];
        if (s->role == INVENTORY_PRIMARY) {
            if (inv->primary)
                inventory__error_pos(
                    L, &s->pos,
                    "site '%s' is a second primary ('%s' is primary at line %u): exactly "
                    "one site is primary",
                    s->name, inv->primary->name, inv->primary->pos.line);
            else
                inv->primary = s;
        } else if (s->role == INVENTORY_STANDBY && !inv->standby) {
            inv->standby = s;
        }
    }
    bool roles_valid = true;
    for (size_t i = 0; i < inv->n_sites; i++)
        roles_valid &=
            inv->sites[i].role == INVENTORY_PRIMARY || inv->sites[i].role == INVENTORY_STANDBY;
    if (inv->n_sites >= 1 && !inv->primary && roles_valid)
        inventory__error_at(L, L->sites_mark,
                            "no site has role: primary (exactly one site is primary)");
    if (inv->primary) {
        size_t voters = 0;
        for (size_t i = 0; i < inv->primary->n_keepers; i++)
            voters += inv->primary->keepers[i].role == INVENTORY_PARTICIPANT;
        if (voters % 2 == 0)
            inventory__error_pos(
                L, &inv->primary->pos,
                "site '%s' (primary) has %zu voting participants: a quorum needs an odd "
                "number (1, 3, 5, ...)",
                inv->primary->name, voters);
    }
    if (inv->cluster && inv->umbrella_cluster && !strcmp(inv->cluster, inv->umbrella_cluster))
        inventory__error_at(
            L, L->sites_mark,
            "umbrella_cluster '%s' is the same as cluster: the umbrella cluster spans both "
            "sites and needs a name of its own",
            inv->cluster);
}

void inventory__check_across(loader *L)
{
    inventory_t *inv = L->inv;
    size_t nk = 0, nc = 0;
    for (size_t s = 0; s < inv->n_sites; s++)
        nk += inv->sites[s].n_keepers, nc += inv->sites[s].n_clickhouse;
    ent *names = dr_calloc(nk + nc + 1, sizeof *names);
    ent *ports = dr_calloc(4 * nk + 3 * nc + 1, sizeof *ports);
    ent *ids = dr_calloc(nk + 1, sizeof *ids);
    ent *shards = dr_calloc(nc + 1, sizeof *shards);
    size_t nn = 0, np = 0, ni = 0, ns = 0, seq = 0;
    for (size_t s = 0; s < inv->n_sites; s++) {
        inventory_site *site = &inv->sites[s];
        for (size_t i = 0; i < site->n_keepers; i++) {
            inventory_keeper *k = &site->keepers[i];
            if (!k->name || !k->host)
                continue;
            const char *what = inventory__fmt(L, "keeper %s", k->name, NULL);
            names[nn++] =
                (ent){k->name, k->name == k->host ? "" : NULL, 0, what, &k->pos, seq++, s, NULL};
            if (k->id)
                ids[ni++] = (ent){k->host, NULL, k->id, what, &k->pos, seq++, s, NULL};
            const struct {
                const char *key;
                int port;
            } kp[] = {{"client_port", k->client_port},
                      {"quorum_port", k->quorum_port},
                      {"election_port", k->election_port},
                      {"raft_port", k->raft_port}};
            for (size_t j = 0; j < 4; j++)
                if (kp[j].port)
                    ports[np++] =
                        (ent){k->host,    NULL,
                              kp[j].port, inventory__fmt(L, "%s of keeper %s", kp[j].key, k->name),
                              &k->pos,    seq++,
                              s,          NULL};
        }
        for (size_t i = 0; i < site->n_clickhouse; i++) {
            inventory_clickhouse *c = &site->clickhouse[i];
            if (!c->name || !c->host)
                continue;
            const char *what = inventory__fmt(L, "clickhouse node %s", c->name, NULL);
            names[nn++] =
                (ent){c->name, c->name == c->host ? "" : NULL, 0, what, &c->pos, seq++, s, NULL};
            if (c->shard) /* a missing replica is reported already: keep the shard */
                shards[ns++] =
                    (ent){c->shard, c->replica ? c->replica : "", 0, what, &c->pos, seq++, s, c};
            const struct {
                const char *key;
                int port;
            } cp[] = {{"http_port", c->http_port},
                      {"tcp_port", c->tcp_port},
                      {"interserver_port", c->interserver_port}};
            for (size_t j = 0; j < 3; j++)
                if (cp[j].port)
                    ports[np++] =
                        (ent){c->host,
                              NULL,
                              cp[j].port,
                              inventory__fmt(L, "%s of clickhouse node %s", cp[j].key, c->name),
                              &c->pos,
                              seq++,
                              s,
                              NULL};
        }
    }
    check_names(L, names, nn);
    check_ports(L, ports, np);
    check_ids(L, ids, ni);
    check_shards(L, shards, ns);
    check_sites(L);
    free(names);
    free(ports);
    free(ids);
    free(shards);
}
