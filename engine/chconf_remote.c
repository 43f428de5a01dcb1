/* chconf_remote: the remote_servers section of a ClickHouse config (see
 * include/chconf.h): read, add a replica, remove hosts, create a cluster,
 * render a whole file. */
#include "chconf.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "chconf_int.h"

static void gen_replica(dr_buf *b, const chconf_fmt *f, const chconf_replica_spec *r)
{
    char *ci = xmlsplice_cat(f->indent, f->unit);
    dr_buf_puts(b, "<replica>");
    chconf__child_sep(b, f, ci);
    xmlsplice_put_leaf(b, "host", r->host);
    chconf__child_sep(b, f, ci);
    dr_buf_printf(b, "<port>%d</port>", r->port);
    for (size_t i = 0; i < r->n_extra; i++) {
        chconf__child_sep(b, f, ci);
        xmlsplice_put_leaf(b, r->extra[i].name, r->extra[i].value);
    }
    chconf__close_el(b, f, "replica");
    free(ci);
}

static void gen_shard(dr_buf *b, const chconf_fmt *f, const char *internal_replication,
                      const chconf_replica_spec *replicas, size_t n)
{
    char *ci = xmlsplice_cat(f->indent, f->unit);
    chconf_fmt cf = {f->nl, ci, f->unit, f->multi};
    dr_buf_puts(b, "<shard>");
    if (internal_replication) {
        chconf__child_sep(b, f, ci);
        xmlsplice_put_leaf(b, "internal_replication", internal_replication);
    }
    for (size_t i = 0; i < n; i++) {
        chconf__child_sep(b, f, ci);
        gen_replica(b, &cf, &replicas[i]);
    }
    chconf__close_el(b, f, "shard");
    free(ci);
}

static void gen_cluster(dr_buf *b, const chconf_fmt *f, const chconf_cluster_spec *c)
{
    char *ci = xmlsplice_cat(f->indent, f->unit);
    chconf_fmt cf = {f->nl, ci, f->unit, f->multi};
    const char *ir = c->internal_replication ? c->internal_replication : "true";
    dr_buf_printf(b, "<%s>", c->name);
    for (size_t i = 0; i < c->n_shards; i++) {
        chconf__child_sep(b, f, ci);
        gen_shard(b, &cf, ir, c->shards[i].replicas, c->shards[i].n_replicas);
    }
    chconf__close_el(b, f, c->name);
    free(ci);
}

static int check_replica(const char *file, const chconf_replica_spec *r, dr_err *err)
{
    if (!r)
        return dr_err_set(err, DR_EINVAL, "%s: no replica given", file);
    chconf_endpoint e = {r->host, r->port};
    int rc = chconf__check_endpoint(file, "replica", &e, 0, err);
    if (rc)
        return rc;
    for (size_t i = 0; i < r->n_extra; i++)
        if (r->extra[i].name &&
            (!strcmp(r->extra[i].name, "host") || !strcmp(r->extra[i].name, "port")))
            return dr_err_set(err, DR_EINVAL,
                              "%s: replica %s: extra child <%s>: host and port "
                              "are given apart",
                              file, r->host, r->extra[i].name);
    return chconf__check_pairs(file, "replica child", r->extra, r->n_extra, err);
}

static int check_cluster(const char *file, const chconf_cluster_spec *c, dr_err *err)
{
    if (!c || !chconf__valid_name(c->name))
        return dr_err_set(err, DR_EINVAL, "%s: cluster name '%s': expected an XML element name",
                          file, c && c->name ? c->name : "(null)");
    if (c->internal_replication && !chconf__valid_value(c->internal_replication))
        return dr_err_set(err, DR_EINVAL, "%s: cluster %s: bad internal_replication value", file,
                          c->name);
    if (c->n_shards == 0 || !c->shards)
        return dr_err_set(err, DR_EINVAL, "%s: cluster %s: expected at least one shard", file,
                          c->name);
    for (size_t s = 0; s < c->n_shards; s++) {
        if (c->shards[s].n_replicas == 0 || !c->shards[s].replicas)
            return dr_err_set(err, DR_EINVAL,
                              "%s: cluster %s shard %zu: expected at least one replica", file,
                              c->name, s + 1);
        for (size_t r = 0; r < c->shards[s].n_replicas; r++) {
            int rc = check_replica(file, &c->shards[s].replicas[r], err);
            if (rc)
                return rc;
        }
    }
    return DR_OK;
}

static void replica_free(chconf_replica *r)
{
    free(r->host);
    for (size_t i = 0; i < r->n_extra; i++) {
        free(r->extra[i].name);
        chconf__wipe(r->extra[i].value);
        free(r->extra[i].value);
    }
    free(r->extra);
}

void chconf_remote_free(chconf_remote *r)
{
    if (!r)
        return;
    for (size_t c = 0; c < r->n_clusters; c++) {
        chconf_cluster *cl = &r->clusters[c];
        for (size_t s = 0; s < cl->n_shards; s++) {
            chconf_shard *sh = &cl->shards[s];
            for (size_t i = 0; i < sh->n_replicas; i++)
                replica_free(&sh->replicas[i]);
            free(sh->replicas);
            free(sh->internal_replication);
            free(sh->weight);
        }
        free(cl->shards);
        free(cl->name);
    }
    free(r->clusters);
    free(r->incl);
    memset(r, 0, sizeof *r);
}

static int is_shard(const xmlNode *n)
{
    return xmlsplice_is(n, "shard") || xmlsplice_is(n, "node");
}

static int read_replica(xmlsplice_doc *d, xmlNode *n, chconf_replica *r, dr_err *err)
{
    memset(r, 0, sizeof *r);
    int rc = chconf__read_host_port(d, n, 0, &r->host, &r->port, err);
    if (rc)
        return rc;
    r->line = xmlsplice_line(d, n);
    size_t cap = 0;
    for (xmlNode *c = n->children; c; c = c->next) {
        if (!xmlsplice_is(c, NULL) || xmlsplice_is(c, "host") || xmlsplice_is(c, "port"))
            continue;
        if (r->n_extra == cap) {
            cap = cap ? 2 * cap : 4;
            r->extra = dr_realloc(r->extra, cap * sizeof *r->extra);
        }
        r->extra[r->n_extra].name = dr_strdup(xmlsplice_name(c));
        r->extra[r->n_extra].value = xmlsplice_text(d, c);
        r->n_extra++;
    }
    return DR_OK;
}

static int read_shard(xmlsplice_doc *d, xmlNode *n, chconf_shard *s, dr_err *err)
{
    memset(s, 0, sizeof *s);
    s->line = xmlsplice_line(d, n);
    if (xmlsplice_is(n, "node")) {
        s->shorthand = 1;
        s->replicas = dr_calloc(1, sizeof *s->replicas);
        s->n_replicas = 1;
        return read_replica(d, n, &s->replicas[0], err);
    }
    size_t cap = 0;
    for (xmlNode *c = n->children; c; c = c->next) {
        if (xmlsplice_is(c, "internal_replication") && !s->internal_replication)
            s->internal_replication = xmlsplice_text(d, c);
        else if (xmlsplice_is(c, "weight") && !s->weight)
            s->weight = xmlsplice_text(d, c);
        else if (xmlsplice_is(c, "replica")) {
            if (s->n_replicas == cap) {
                cap = cap ? 2 * cap : 4;
                s->replicas = dr_realloc(s->replicas, cap * sizeof *s->replicas);
            }
            int rc = read_replica(d, c, &s->replicas[s->n_replicas], err);
            if (rc)
                return rc;
            s->n_replicas++;
        }
    }
    return DR_OK;
}

static int read_cluster(xmlsplice_doc *d, xmlNode *n, chconf_cluster *c, dr_err *err)
{
    memset(c, 0, sizeof *c);
    c->name = dr_strdup(xmlsplice_name(n));
    c->line = xmlsplice_line(d, n);
    size_t cap = 0;
    for (xmlNode *s = n->children; s; s = s->next) {
        if (!is_shard(s))
            continue;
        if (c->n_shards == cap) {
            cap = cap ? 2 * cap : 4;
            c->shards = dr_realloc(c->shards, cap * sizeof *c->shards);
        }
        int rc = read_shard(d, s, &c->shards[c->n_shards++], err);
        if (rc)
            return rc;
    }
    return DR_OK;
}

typedef struct named_child {
    xmlNode *n;
    size_t i; /* rank among the element children */
} named_child;

static int named_child_cmp(const void *a, const void *b)
{
    const named_child *x = a, *y = b;
    int c = strcmp(xmlsplice_name(x->n), xmlsplice_name(y->n));
    return c ? c : x->i < y->i ? -1 : x->i > y->i;
}

/* The first element child of p (in file order) whose name an earlier one
 * already has, in *dup, and that earlier one in *orig; NULLs when the names
 * are unique.  Sorted, not compared pairwise: a remote_servers section may
 * hold thousands of clusters. */
static void first_repeat(xmlNode *p, xmlNode **dup, xmlNode **orig)
{
    size_t n = 0, cap = 0;
    named_child *v = NULL;
    *dup = *orig = NULL;
    for (xmlNode *c = p->children; c; c = c->next) {
        if (!xmlsplice_is(c, NULL))
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 16;
            v = dr_realloc(v, cap * sizeof *v);
        }
        v[n].n = c;
        v[n].i = n;
        n++;
    }
    if (n > 1)
        qsort(v, n, sizeof *v, named_child_cmp);
    size_t best = SIZE_MAX;
    for (size_t k = 1, first = 0; k < n; k++) {
        if (strcmp(xmlsplice_name(v[k].n), xmlsplice_name(v[first].n))) {
            first = k;
            continue;
        }
        if (k == first + 1 && v[k].i < best) { /* the second of its name */
            best = v[k].i;
            *dup = v[k].n;
            *orig = v[first].n;
        }
    }
    free(v);
}

int chconf_remote_read(const chconf_in *in, chconf_remote *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    xmlsplice_doc d;
    xmlNode *sec;
    int rc = chconf__read_section(in, "remote_servers", &d, &sec, &out->found, &out->incl,
                                  &out->line, err);
    if (rc)
        return rc;
    if (!sec)
        goto done;
    size_t cap = 0;
    xmlNode *dup, *orig;
    first_repeat(sec, &dup, &orig);
    for (xmlNode *c = sec->children; c; c = c->next) {
        if (!xmlsplice_is(c, NULL))
            continue;
        if (c == dup) {
            rc = xmlsplice_fail(&d, c, DR_EPARSE, err,
                                "a second cluster <%s> (the first is at line %d): expected one",
                                xmlsplice_name(c), xmlsplice_line(&d, orig));
            goto done;
        }
        if (out->n_clusters == cap) {
            cap = cap ? 2 * cap : 4;
            out->clusters = dr_realloc(out->clusters, cap * sizeof *out->clusters);
        }
        rc = read_cluster(&d, c, &out->clusters[out->n_clusters++], err);
        if (rc)
            goto done;
    }
done:
    if (rc)
        chconf_remote_free(out);
    xmlsplice_free(&d);
    return rc;
}

const chconf_cluster *chconf_remote_find(const chconf_remote *r, const char *cluster)
{
    for (size_t i = 0; r && cluster && i < r->n_clusters; i++)
        if (!strcmp(r->clusters[i].name, cluster))
            return &r->clusters[i];
    return NULL;
}

/* The shards of cluster element c, in file order. */
static size_t shard_nodes(xmlNode *c, xmlNode ***out)
{
    size_t n = 0, cap = 0;
    *out = NULL;
    for (xmlNode *s = c->children; s; s = s->next) {
        if (!is_shard(s))
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 4;
            *out = dr_realloc(*out, cap * sizeof **out);
        }
        (*out)[n++] = s;
    }
    return n;
}

/* The replica elements of shard s (the shard itself for a <node>). */
static size_t replica_nodes(xmlNode *s, xmlNode ***out)
{
    size_t n = 0, cap = 0;
    *out = NULL;
    if (xmlsplice_is(s, "node")) {
        *out = dr_malloc(sizeof **out);
        (*out)[0] = s;
        return 1;
    }
    for (xmlNode *r = s->children; r; r = r->next) {
        if (!xmlsplice_is(r, "replica"))
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 4;
            *out = dr_realloc(*out, cap * sizeof **out);
        }
        (*out)[n++] = r;
    }
    return n;
}

static int find_cluster(xmlsplice_doc *d, xmlNode *sec, const char *cluster, xmlNode **out,
                        dr_err *err)
{
    *out = NULL;
    return sec ? xmlsplice_unique_child(d, sec, cluster, out, err) : DR_OK;
}

/* Puts a new cluster last in the section, creating the section if needed. */
static void add_cluster(xmlsplice_doc *d, const char *section, xmlNode *sec,
                        const chconf_cluster_spec *c)
{
    dr_buf b = DR_BUF_INIT;
    if (!sec) {
        char *si = xmlsplice_child_indent(d, d->root), *ci = xmlsplice_cat(si, d->unit);
        chconf_fmt f = {d->nl, ci, d->unit, 1};
        dr_buf_puts(&b, ci);
        gen_cluster(&b, &f, c);
        chconf__add_section(d, section, b.data);
        free(si);
        free(ci);
    } else {
        xmlsplice_place p;
        xmlNode *last = NULL;
        for (xmlNode *x = sec->children; x; x = x->next)
            if (xmlsplice_is(x, NULL))
                last = x;
        if (last)
            xmlsplice_place_after(d, last, &p);
        else
            xmlsplice_place_end(d, sec, &p);
        char *unit;
        chconf_fmt f;
        chconf__fmt_for(d, last, p.indent, p.own_line, &f, &unit);
        if (!last || !f.multi) {
            f.multi = p.own_line;
            free(unit);
            unit = dr_strdup(d->unit);
            f.unit = unit;
        }
        gen_cluster(&b, &f, c);
        xmlsplice_place_put(d, &p, b.data);
        free(unit);
        xmlsplice_place_free(&p);
    }
    xmlsplice_note(d, "<%s>: created cluster '%s' with %zu shard(s)", section, c->name,
                   c->n_shards);
    dr_buf_free(&b);
}

static int endpoint_matches(xmlsplice_doc *d, xmlNode *r, const char *host, int port, int *match,
                            dr_err *err)
{
    char *h;
    int p;
    int rc = chconf__read_host_port(d, r, 0, &h, &p, err);
    if (rc)
        return rc;
    *match = !strcasecmp(h, host) && (port == 0 || p == port);
    free(h);
    return DR_OK;
}

int chconf_remote_add_replica(const chconf_in *in, const char *cluster, int shard_num,
                              const chconf_replica_spec *replica, unsigned flags, chconf_out *out,
                              dr_err *err)
{
    memset(out, 0, sizeof *out);
    const char *file = in && in->file ? in->file : "config";
    int rc;
    if (!chconf__valid_name(cluster))
        return dr_err_set(err, DR_EINVAL, "%s: cluster name '%s': expected an XML element name",
                          file, cluster ? cluster : "(null)");
    if (shard_num < 0)
        return dr_err_set(err, DR_EINVAL, "%s: shard %d: expected 1.. or CHCONF_NEW_SHARD", file,
                          shard_num);
    if ((rc = check_replica(file, replica, err)))
        return rc;
    xmlsplice_doc d;
    const char *name;
    xmlNode *sec, *c, **shards = NULL, **reps = NULL;
    size_t ns = 0, nr = 0;
    if ((rc = chconf__open(in, "remote_servers", &d, &name, err)))
        return rc;
    if ((rc = chconf__find_section(&d, name, &sec, err)) ||
        (rc = chconf__check_incl(&d, sec, flags, err)) ||
        (rc = find_cluster(&d, sec, cluster, &c, err)))
        goto done;
    if (!c) {
        if (shard_num > 1) {
            rc = dr_err_set(err, DR_ENOTFOUND,
                            "%s: no cluster '%s' in <%s>, so it has no shard %d: expected shard 1 "
                            "or a new shard to create it",
                            d.file, cluster, name, shard_num);
            goto done;
        }
        chconf_shard_spec s = {replica, 1};
        chconf_cluster_spec cs = {cluster, NULL, &s, 1};
        add_cluster(&d, name, sec, &cs);
        xmlsplice_note(&d, "<%s>: cluster '%s' shard 1: added replica %s:%d", name, cluster,
                       replica->host, replica->port);
        rc = chconf__apply(&d, out, err);
        goto done;
    }
    ns = shard_nodes(c, &shards);
    for (size_t s = 0; s < ns; s++) {
        free(reps);
        nr = replica_nodes(shards[s], &reps);
        for (size_t r = 0; r < nr; r++) {
            int m;
            if ((rc = endpoint_matches(&d, reps[r], replica->host, replica->port, &m, err)))
                goto done;
            if (!m)
                continue;
            /* Already there: in the shard asked for, or, for a new shard,
             * alone in a shard of its own (what a first call would make). */
            if ((int)s + 1 == shard_num || (shard_num == CHCONF_NEW_SHARD && nr == 1)) {
                rc = chconf__apply(&d, out, err);
                goto done;
            }
            rc = xmlsplice_fail(
                &d, reps[r], DR_ECONFLICT, err,
                "%s:%d is already a replica of shard %zu of cluster '%s': a host serves "
                "one shard of a cluster",
                replica->host, replica->port, s + 1, cluster);
            goto done;
        }
    }
    if (shard_num == CHCONF_NEW_SHARD || (size_t)shard_num == ns + 1) {
        xmlNode *t = ns ? shards[ns - 1] : NULL;
        char *ir = NULL;
        if (t && xmlsplice_is(t, "shard")) {
            xmlNode *irn = xmlsplice_child(t, "internal_replication");
            ir = irn ? xmlsplice_text(&d, irn) : NULL;
        } else if (!t) {
            ir = dr_strdup("true");
        }
        xmlsplice_place p;
        if (t)
            xmlsplice_place_after(&d, t, &p);
        else
            xmlsplice_place_end(&d, c, &p);
        char *unit;
        chconf_fmt f;
        chconf__fmt_for(&d, t && xmlsplice_is(t, "shard") ? t : NULL, p.indent, p.own_line, &f,
                        &unit);
        dr_buf b = DR_BUF_INIT;
        gen_shard(&b, &f, ir, replica, 1);
        xmlsplice_place_put(&d, &p, b.data);
        dr_buf_free(&b);
        free(unit);
        free(ir);
        xmlsplice_place_free(&p);
        xmlsplice_note(&d, "<%s>: cluster '%s': new shard %zu with replica %s:%d", name, cluster,
                       ns + 1, replica->host, replica->port);
    } else if ((size_t)shard_num > ns) {
        rc = xmlsplice_fail(
            &d, c, DR_ENOTFOUND, err,
            "cluster '%s' has %zu shard(s): no shard %d (expected 1..%zu, or a new shard)", cluster,
            ns, shard_num, ns);
        goto done;
    } else {
        xmlNode *s = shards[shard_num - 1];
        if (xmlsplice_is(s, "node")) {
            rc = xmlsplice_fail(&d, s, DR_EREFUSED, err,
                                "shard %d of cluster '%s' is written as a <node> (one replica, no "
                                "<shard>): rewrite it as a <shard> to add replicas",
                                shard_num, cluster);
            goto done;
        }
        free(reps);
        nr = replica_nodes(s, &reps);
        xmlNode *t = nr ? reps[nr - 1] : NULL;
        xmlsplice_place p;
        if (t)
            xmlsplice_place_after(&d, t, &p);
        else
            xmlsplice_place_end(&d, s, &p);
        char *unit;
        chconf_fmt f;
        chconf__fmt_for(&d, t, p.indent, p.own_line, &f, &unit);
        dr_buf b = DR_BUF_INIT;
        gen_replica(&b, &f, replica);
        xmlsplice_place_put(&d, &p, b.data);
        dr_buf_free(&b);
        free(unit);
        xmlsplice_place_free(&p);
        xmlsplice_note(&d, "<%s>: cluster '%s' shard %d: added replica %s:%d", name, cluster,
                       shard_num, replica->host, replica->port);
    }
    rc = chconf__apply(&d, out, err);
done:
    free(shards);
    free(reps);
    xmlsplice_free(&d);
    return rc;
}

/* The hosts to remove, sorted by name (case-insensitive) so that each replica
 * is looked up in O(log n): a failover removes hundreds of hosts from a
 * cluster of a thousand replicas. */
typedef struct host_set {
    const chconf_endpoint **v;
    size_t n;
} host_set;

static int endpoint_host_cmp(const void *a, const void *b)
{
    const chconf_endpoint *x = *(const chconf_endpoint *const *)a,
                          *y = *(const chconf_endpoint *const *)b;
    return strcasecmp(x->host, y->host);
}

static void host_set_init(host_set *s, const chconf_endpoint *hosts, size_t n)
{
    s->v = dr_malloc(n * sizeof *s->v);
    s->n = n;
    for (size_t i = 0; i < n; i++)
        s->v[i] = &hosts[i];
    qsort(s->v, n, sizeof *s->v, endpoint_host_cmp);
}

/* Whether host:port is listed (an entry with port 0 matches any port). */
static int host_set_has(const host_set *s, const char *host, int port)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) { /* the first entry not below host */
        size_t mid = lo + (hi - lo) / 2;
        if (strcasecmp(s->v[mid]->host, host) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < s->n && !strcasecmp(s->v[lo]->host, host); lo++)
        if (s->v[lo]->port == 0 || s->v[lo]->port == port)
            return 1;
    return 0;
}

static void host_set_free(host_set *s)
{
    free(s->v);
    s->v = NULL;
}

static void cluster_names(xmlsplice_doc *d, xmlNode *sec, dr_buf *b)
{
    for (xmlNode *c = sec ? sec->children : NULL; c; c = c->next)
        if (xmlsplice_is(c, NULL))
            dr_buf_printf(b, "%s%s", b->len ? ", " : "", xmlsplice_name(c));
    (void)d;
    if (!b->len)
        dr_buf_puts(b, "none");
}

int chconf_remote_remove_hosts(const chconf_in *in, const char *cluster,
                               const chconf_endpoint *hosts, size_t n_hosts, unsigned flags,
                               chconf_out *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    const char *file = in && in->file ? in->file : "config";
    int rc;
    if (!chconf__valid_name(cluster))
        return dr_err_set(err, DR_EINVAL, "%s: cluster name '%s': expected an XML element name",
                          file, cluster ? cluster : "(null)");
    if (!hosts || n_hosts == 0)
        return dr_err_set(err, DR_EINVAL, "%s: no host to remove given", file);
    for (size_t i = 0; i < n_hosts; i++)
        if ((rc = chconf__check_endpoint(file, "replica", &hosts[i], 1, err)))
            return rc;
    /* Each replica's host and port are read once, in the first pass, and
     * kept for the second: both passes are linear in the cluster's size. */
    typedef struct rm_replica {
        xmlNode *n;
        char *host;
        int port;
        int gone;
    } rm_replica;
    xmlsplice_doc d;
    const char *name;
    xmlNode *sec, *c, **shards = NULL, **reps = NULL;
    size_t ns = 0, nr = 0, nrm = 0, caprm = 0;
    size_t *first = NULL; /* per shard: index of its first replica in rm */
    rm_replica *rm = NULL;
    int *drop = NULL; /* per shard: 0 keep, 1 some replicas go, 2 the whole shard goes */
    host_set set;
    host_set_init(&set, hosts, n_hosts);
    if ((rc = chconf__open(in, "remote_servers", &d, &name, err))) {
        host_set_free(&set);
        return rc;
    }
    if ((rc = chconf__find_section(&d, name, &sec, err)) ||
        (rc = chconf__check_incl(&d, sec, flags, err)) ||
        (rc = find_cluster(&d, sec, cluster, &c, err)))
        goto done;
    if (!c) {
        dr_buf names = DR_BUF_INIT;
        cluster_names(&d, sec, &names);
        rc = dr_err_set(err, DR_ENOTFOUND, "%s: no cluster '%s' in <%s> (clusters: %s)", d.file,
                        cluster, name, names.data);
        dr_buf_free(&names);
        goto done;
    }
    ns = shard_nodes(c, &shards);
    drop = dr_calloc(ns ? ns : 1, sizeof *drop);
    first = dr_calloc(ns + 1, sizeof *first);
    size_t kept_shards = 0;
    for (size_t s = 0; s < ns; s++) {
        free(reps);
        nr = replica_nodes(shards[s], &reps);
        first[s] = nrm;
        size_t gone = 0;
        for (size_t r = 0; r < nr; r++) {
            if (nrm == caprm) {
                caprm = caprm ? 2 * caprm : 64;
                rm = dr_realloc(rm, caprm * sizeof *rm);
            }
            rm_replica *x = &rm[nrm];
            x->n = reps[r];
            if ((rc = chconf__read_host_port(&d, reps[r], 0, &x->host, &x->port, err)))
                goto done;
            nrm++;
            x->gone = host_set_has(&set, x->host, x->port);
            gone += (size_t)x->gone;
        }
        drop[s] = gone == 0 ? 0 : gone < nr ? 1 : 2;
        if (drop[s] == 2 && !(flags & CHCONF_DROP_EMPTY_SHARDS)) {
            rc = xmlsplice_fail(&d, shards[s], DR_EREFUSED, err,
                                "removing these hosts leaves shard %zu of cluster '%s' without a "
                                "replica: drop the empty shard (shards after it are renumbered) or "
                                "keep a replica in it",
                                s + 1, cluster);
            goto done;
        }
        kept_shards += drop[s] != 2;
    }
    first[ns] = nrm;
    if (ns > 0 && kept_shards == 0) {
        rc = xmlsplice_fail(
            &d, c, DR_EREFUSED, err,
            "removing these hosts leaves cluster '%s' without any shard: expected at "
            "least one host of the cluster to stay",
            cluster);
        goto done;
    }
    for (size_t s = 0; s < ns; s++) {
        if (drop[s] == 0)
            continue;
        for (size_t r = first[s]; r < first[s + 1]; r++) {
            if (!rm[r].gone)
                continue;
            if (drop[s] == 1)
                xmlsplice_delete(&d, rm[r].n);
            xmlsplice_note(&d, "<%s>: cluster '%s' shard %zu: removed replica %s:%d", name, cluster,
                           s + 1, rm[r].host, rm[r].port);
        }
        if (drop[s] == 2) {
            xmlsplice_delete(&d, shards[s]);
            xmlsplice_note(&d, "<%s>: cluster '%s': removed shard %zu, left without replicas", name,
                           cluster, s + 1);
        }
    }
    rc = chconf__apply(&d, out, err);
done:
    for (size_t i = 0; i < nrm; i++)
        free(rm[i].host);
    free(rm);
    free(first);
    free(drop);
    free(shards);
    free(reps);
    host_set_free(&set);
    xmlsplice_free(&d);
    return rc;
}

int chconf_remote_create_cluster(const chconf_in *in, const chconf_cluster_spec *cluster,
                                 unsigned flags, chconf_out *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    const char *file = in && in->file ? in->file : "config";
    int rc = check_cluster(file, cluster, err);
    if (rc)
        return rc;
    xmlsplice_doc d;
    const char *name;
    xmlNode *sec, *c, **shards = NULL, **reps = NULL;
    if ((rc = chconf__open(in, "remote_servers", &d, &name, err)))
        return rc;
    if ((rc = chconf__find_section(&d, name, &sec, err)) ||
        (rc = chconf__check_incl(&d, sec, flags, err)) ||
        (rc = find_cluster(&d, sec, cluster->name, &c, err)))
        goto done;
    if (!c) {
        add_cluster(&d, name, sec, cluster);
        rc = chconf__apply(&d, out, err);
        goto done;
    }
    size_t ns = shard_nodes(c, &shards);
    int same = ns == cluster->n_shards;
    for (size_t s = 0; same && s < ns; s++) {
        free(reps);
        size_t nr = replica_nodes(shards[s], &reps);
        same = nr == cluster->shards[s].n_replicas;
        for (size_t r = 0; same && r < nr; r++) {
            const chconf_replica_spec *want = &cluster->shards[s].replicas[r];
            if ((rc = endpoint_matches(&d, reps[r], want->host, want->port, &same, err)))
                goto done;
        }
    }
    if (!same) {
        rc = xmlsplice_fail(
            &d, c, DR_ECONFLICT, err,
            "cluster '%s' exists with other shards or replicas than asked: expected the "
            "same hosts in the same shards (add or remove replicas to change it)",
            cluster->name);
        goto done;
    }
    rc = chconf__apply(&d, out, err);
done:
    free(shards);
    free(reps);
    xmlsplice_free(&d);
    return rc;
}

int chconf_render_remote_servers(const char *root, const char *section,
                                 const chconf_cluster_spec *clusters, size_t n, unsigned flags,
                                 dr_buf *out, dr_err *err)
{
    const char *name;
    int rc;
    if (!clusters || n == 0)
        return dr_err_set(err, DR_EINVAL, "render: expected at least one cluster");
    for (size_t i = 0; i < n; i++) {
        if ((rc = check_cluster("render", &clusters[i], err)))
            return rc;
        for (size_t j = 0; j < i; j++)
            if (!strcmp(clusters[i].name, clusters[j].name))
                return dr_err_set(err, DR_EINVAL, "render: cluster %s given twice",
                                  clusters[i].name);
    }
    if ((rc = chconf__render_open(root, section, "remote_servers", flags, out, &name, err)))
        return rc;
    chconf_fmt f = {"\n", "        ", "    ", 1};
    for (size_t i = 0; i < n; i++) {
        dr_buf_puts(out, "        ");
        gen_cluster(out, &f, &clusters[i]);
        dr_buf_puts(out, "\n");
    }
    chconf__render_close(root, name, out);
    return DR_OK;
}
