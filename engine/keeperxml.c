/* keeperxml: read and patch ClickHouse Keeper's <keeper_server> XML through
 * xmlsplice, byte-preserving; membership operations. The order of the
 * quorum-loss recovery is the runbooks' (Lua, lua/dr/coord/keeper_order.lua). */
#include "keeperxml.h"

#include <ctype.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "idlist.h"
#include "xmlsplice.h"

/* The document is its text: every change is a set of splices applied to it,
 * after which the text is loaded again (Keeper configs are small). */
struct keeperxml {
    char *name;
    char *text; /* the document as it is now, NUL-terminated */
    size_t len;
    xmlsplice_doc d;   /* text, loaded */
    xmlNodePtr keeper; /* <keeper_server> in d */
};

/* ---- small helpers ---------------------------------------------------- */

static int name_is(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST name) == 0;
}

static xmlNodePtr child(xmlNodePtr parent, const char *name)
{
    return parent ? xmlsplice_child(parent, name) : NULL;
}

/* The trimmed text of an element, malloc'd (never NULL; "" for NULL). */
static char *text_of(const keeperxml *k, xmlNodePtr n)
{
    return n ? xmlsplice_text(&k->d, n) : dr_strdup("");
}

static long line_of(const keeperxml *k, xmlNodePtr n)
{
    return xmlsplice_line(&k->d, n);
}

/* Parses a whole decimal number in [min, max]; 0 on success. */
static int parse_long(const char *s, long min, long max, long *out)
{
    if (!*s)
        return -1;
    char *end;
    long v = strtol(s, &end, 10);
    if (*end || v < min || v > max)
        return -1;
    *out = v;
    return 0;
}

static int parse_bool(const char *s, int *out)
{
    if (strcasecmp(s, "true") == 0 || strcmp(s, "1") == 0)
        *out = 1;
    else if (strcasecmp(s, "false") == 0 || strcmp(s, "0") == 0)
        *out = 0;
    else
        return -1;
    return 0;
}

/* ---- edits ------------------------------------------------------------- */

/* The last element child of p that is not in skip[0, n_skip), or NULL. */
static xmlNodePtr last_child_but(xmlNodePtr p, xmlNodePtr *skip, size_t n_skip)
{
    xmlNodePtr last = NULL;
    for (xmlNodePtr c = p->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        size_t i = 0;
        while (i < n_skip && skip[i] != c)
            i++;
        if (i == n_skip)
            last = c;
    }
    return last;
}

/* Where new children of p go: after its last element child not in skip,
 * indented like it, else as p's last child. */
static void place_in(keeperxml *k, xmlNodePtr p, xmlNodePtr *skip, size_t n_skip,
                     xmlsplice_place *pl)
{
    xmlNodePtr last = last_child_but(p, skip, n_skip);
    if (last)
        xmlsplice_place_after(&k->d, last, pl);
    else
        xmlsplice_place_end(&k->d, p, pl);
}

/* Records: parent/<name> set to value, added when absent (after the other
 * children; several added to one parent land in the order asked); no edit
 * when it already holds that value. */
static void set_child_text(keeperxml *k, xmlNodePtr parent, const char *name, const char *value)
{
    xmlNodePtr c = child(parent, name);
    if (c) {
        char *cur = text_of(k, c);
        int same = strcmp(cur, value) == 0;
        free(cur);
        if (!same)
            xmlsplice_set_text(&k->d, c, value);
        return;
    }
    xmlsplice_place pl;
    place_in(k, parent, NULL, 0, &pl);
    dr_buf b = DR_BUF_INIT;
    xmlsplice_put_leaf(&b, name, value);
    xmlsplice_place_put(&k->d, &pl, b.data);
    dr_buf_free(&b);
    xmlsplice_place_free(&pl);
}

/* Loads k->text into k->d; the structure was checked by keeperxml_parse. */
static int load_doc(keeperxml *k, dr_err *err)
{
    int rc = xmlsplice_load(&k->d, k->name, k->text, k->len, NULL, err);
    if (rc)
        return rc;
    k->keeper = child(k->d.root, "keeper_server");
    if (!k->keeper) {
        xmlsplice_free(&k->d);
        return dr_err_set(err, DR_EPARSE, "%s: <keeper_server> is gone (a drctl bug)", k->name);
    }
    return DR_OK;
}

/* Applies the edits recorded on k->d and loads the result in place of the
 * document.  On error the document stays as it was. */
static int commit(keeperxml *k, dr_err *err)
{
    xmlsplice_result r;
    int rc = xmlsplice_apply(&k->d, &r, err);
    xmlsplice_free(&k->d);
    if (rc == DR_OK && r.changed) {
        free(k->text);
        k->text = r.text;
        k->len = r.len;
        r.text = NULL;
    }
    free(r.text);
    free(r.notes);
    dr_err lerr = {0};
    int lrc = load_doc(k, rc ? &lerr : err);
    return rc ? rc : lrc;
}

/* ---- parsing ---------------------------------------------------------- */

void keeperxml_free(keeperxml *k)
{
    if (!k)
        return;
    xmlsplice_free(&k->d);
    free(k->name);
    free(k->text);
    free(k);
}

static int check_server(const keeperxml *k, xmlNodePtr s, dr_err *err)
{
    long line = line_of(k, s);
    static const char *needed[] = {"id", "hostname", "port"};
    for (size_t i = 0; i < 3; i++)
        if (!child(s, needed[i]))
            return dr_err_set(err, DR_EPARSE,
                              "%s:%ld: expected <%s> in <server> of <raft_configuration>", k->name,
                              line, needed[i]);
    char *t = text_of(k, child(s, "id"));
    long v;
    int bad = parse_long(t, 1, LONG_MAX, &v);
    free(t);
    if (bad)
        return dr_err_set(err, DR_EPARSE, "%s:%ld: expected <id> to be a positive number", k->name,
                          line_of(k, child(s, "id")));
    t = text_of(k, child(s, "hostname"));
    bad = !*t;
    free(t);
    if (bad)
        return dr_err_set(err, DR_EPARSE, "%s:%ld: expected a host name in <hostname>", k->name,
                          line_of(k, child(s, "hostname")));
    t = text_of(k, child(s, "port"));
    bad = parse_long(t, 1, 65535, &v);
    free(t);
    if (bad)
        return dr_err_set(err, DR_EPARSE, "%s:%ld: expected <port> to be a port (1-65535)", k->name,
                          line_of(k, child(s, "port")));
    static const char *bools[] = {"can_become_leader", "start_as_follower"};
    for (size_t i = 0; i < 2; i++) {
        xmlNodePtr b = child(s, bools[i]);
        if (!b)
            continue;
        t = text_of(k, b);
        int x;
        bad = parse_bool(t, &x);
        free(t);
        if (bad)
            return dr_err_set(err, DR_EPARSE, "%s:%ld: expected <%s> to be true or false", k->name,
                              line_of(k, b), bools[i]);
    }
    if (child(s, "priority")) {
        t = text_of(k, child(s, "priority"));
        bad = parse_long(t, 0, INT_MAX, &v);
        free(t);
        if (bad)
            return dr_err_set(err, DR_EPARSE,
                              "%s:%ld: expected <priority> to be a number (0 = never leader)",
                              k->name, line_of(k, child(s, "priority")));
    }
    return 0;
}

/* The structure keeperxml needs: root, <keeper_server>, a numeric
 * <server_id>, each <server> whole and its id once. */
static int check_structure(keeperxml *k, dr_err *err)
{
    xmlNodePtr root = k->d.root;
    if (!root || (!name_is(root, "clickhouse") && !name_is(root, "yandex")))
        return dr_err_set(
            err, DR_EPARSE, "%s:%ld: expected root element <clickhouse> or <yandex>, not <%s>",
            k->name, root ? line_of(k, root) : 1L, root ? (const char *)root->name : "");
    k->keeper = child(root, "keeper_server");
    if (!k->keeper)
        return dr_err_set(err, DR_EPARSE, "%s:%ld: expected <keeper_server> in <%s>", k->name,
                          line_of(k, root), (const char *)root->name);
    xmlNodePtr sid = child(k->keeper, "server_id");
    if (sid) {
        char *t = text_of(k, sid);
        long v;
        int bad = parse_long(t, 1, LONG_MAX, &v);
        free(t);
        if (bad)
            return dr_err_set(err, DR_EPARSE,
                              "%s:%ld: expected <server_id> to be a positive number", k->name,
                              line_of(k, sid));
    }
    xmlNodePtr raft = child(k->keeper, "raft_configuration");
    for (xmlNodePtr s = raft ? raft->children : NULL; s; s = s->next) {
        if (!name_is(s, "server"))
            continue;
        int r = check_server(k, s, err);
        if (r)
            return r;
        long id = -1, other = -1;
        char *t = text_of(k, child(s, "id"));
        parse_long(t, 1, LONG_MAX, &id);
        free(t);
        for (xmlNodePtr o = raft->children; o != s; o = o->next) {
            if (!name_is(o, "server"))
                continue;
            t = text_of(k, child(o, "id"));
            parse_long(t, 1, LONG_MAX, &other);
            free(t);
            if (other == id)
                return dr_err_set(err, DR_EPARSE,
                                  "%s:%ld: expected each server id once, %ld is already in "
                                  "<raft_configuration>",
                                  k->name, line_of(k, s), id);
        }
    }
    return 0;
}

int keeperxml_parse(const char *name, const char *text, size_t len, keeperxml **out, dr_err *err)
{
    *out = NULL;
    keeperxml *k = dr_calloc(1, sizeof *k);
    k->name = dr_strdup(name ? name : "keeper.xml");
    int rc = DR_OK;
    if (len > INT_MAX)
        rc = dr_err_set(err, DR_EPARSE, "%s: too large for an XML config", k->name);
    else if (len == 0)
        rc = dr_err_set(err, DR_EPARSE, "%s:1:1: expected an XML document, the file is empty",
                        k->name);
    if (rc) {
        keeperxml_free(k);
        return rc;
    }
    k->text = dr_malloc(len + 1);
    memcpy(k->text, text, len);
    k->text[len] = '\0';
    k->len = len;
    if ((rc = xmlsplice_load(&k->d, k->name, k->text, k->len, NULL, err)) != DR_OK ||
        (rc = check_structure(k, err)) != DR_OK) {
        keeperxml_free(k);
        return DR_EPARSE;
    }
    *out = k;
    return 0;
}

void keeperxml_render(const keeperxml *k, dr_buf *out)
{
    dr_buf_append(out, k->text, k->len);
}

/* ---- scalar settings -------------------------------------------------- */

void keeperxml_info_get(const keeperxml *k, keeperxml_info *out)
{
    memset(out, 0, sizeof *out);
    out->server_id = -1;
    out->tcp_port = -1;
    char *t;
    long v;
    if (child(k->keeper, "server_id")) {
        t = text_of(k, child(k->keeper, "server_id"));
        if (parse_long(t, 1, LONG_MAX, &v) == 0)
            out->server_id = v;
        free(t);
    }
    if (child(k->keeper, "tcp_port")) {
        t = text_of(k, child(k->keeper, "tcp_port"));
        if (parse_long(t, 1, 65535, &v) == 0)
            out->tcp_port = (int)v;
        free(t);
    }
    if (child(k->keeper, "log_storage_path"))
        out->log_storage_path = text_of(k, child(k->keeper, "log_storage_path"));
    if (child(k->keeper, "snapshot_storage_path"))
        out->snapshot_storage_path = text_of(k, child(k->keeper, "snapshot_storage_path"));
}

void keeperxml_info_clear(keeperxml_info *info)
{
    free(info->log_storage_path);
    free(info->snapshot_storage_path);
    memset(info, 0, sizeof *info);
}

int keeperxml_set(keeperxml *k, const char *key, const char *value, dr_err *err)
{
    set_child_text(k, k->keeper, key, value);
    return commit(k, err);
}

/* ---- memberships -------------------------------------------------------- */

static void server_clear(keeperxml_server *s)
{
    free(s->hostname);
    memset(s, 0, sizeof *s);
}

static void copy_server(void *dst, const void *src)
{
    keeperxml_server *d = dst;
    const keeperxml_server *s = src;
    *d = *s;
    d->hostname = s->hostname ? dr_strdup(s->hostname) : NULL;
}

static void clear_server(void *s)
{
    server_clear(s);
}

static const idlist_type SERVERS = {sizeof(keeperxml_server), copy_server, clear_server};
_Static_assert(offsetof(keeperxml_server, id) == 0, "idlist reads the id first");

void keeperxml_members_free(keeperxml_members *m)
{
    idlist_free(&SERVERS, m->v, m->n);
    m->v = NULL;
    m->n = 0;
}

keeperxml_server *keeperxml_members_find(const keeperxml_members *m, long id)
{
    return idlist_find(&SERVERS, m->v, m->n, id);
}

void keeperxml_members_add(keeperxml_members *m, const keeperxml_server *s)
{
    m->v = idlist_add(&SERVERS, m->v, &m->n, s);
}

void keeperxml_members_copy(keeperxml_members *dst, const keeperxml_members *src)
{
    keeperxml_members_free(dst);
    for (size_t i = 0; i < src->n; i++)
        keeperxml_members_add(dst, &src->v[i]);
}

static void read_server(const keeperxml *k, xmlNodePtr s, keeperxml_server *out)
{
    memset(out, 0, sizeof *out);
    char *t;
    long v;
    t = text_of(k, child(s, "id"));
    out->id = parse_long(t, 1, LONG_MAX, &v) == 0 ? v : 0;
    free(t);
    out->hostname = text_of(k, child(s, "hostname"));
    t = text_of(k, child(s, "port"));
    out->port = parse_long(t, 1, 65535, &v) == 0 ? (int)v : 0;
    free(t);
    int b = 1;
    if (child(s, "can_become_leader")) {
        t = text_of(k, child(s, "can_become_leader"));
        parse_bool(t, &b);
        free(t);
    }
    out->role = b ? KEEPERXML_PARTICIPANT : KEEPERXML_LEARNER;
    out->priority = -1;
    if (child(s, "priority")) {
        t = text_of(k, child(s, "priority"));
        if (parse_long(t, 0, INT_MAX, &v) == 0)
            out->priority = (int)v;
        free(t);
    }
    out->start_as_follower = -1;
    if (child(s, "start_as_follower")) {
        t = text_of(k, child(s, "start_as_follower"));
        if (parse_bool(t, &b) == 0)
            out->start_as_follower = b;
        free(t);
    }
}

void keeperxml_members_get(const keeperxml *k, keeperxml_members *out)
{
    keeperxml_members_free(out);
    xmlNodePtr raft = child(k->keeper, "raft_configuration");
    for (xmlNodePtr s = raft ? raft->children : NULL; s; s = s->next) {
        if (!name_is(s, "server"))
            continue;
        keeperxml_server ks;
        read_server(k, s, &ks);
        keeperxml_members_add(out, &ks);
        server_clear(&ks);
    }
}

static size_t count_role(const keeperxml_members *m, keeperxml_role role)
{
    size_t n = 0;
    for (size_t i = 0; i < m->n; i++)
        n += m->v[i].role == role;
    return n;
}

int keeperxml_members_validate(const keeperxml_members *m, dr_err *err)
{
    if (m->n == 0)
        return dr_err_set(err, DR_EINVAL, "raft membership: no servers");
    for (size_t i = 0; i < m->n; i++) {
        const keeperxml_server *s = &m->v[i];
        if (s->id <= 0)
            return dr_err_set(err, DR_EINVAL, "raft membership: server id %ld is not positive",
                              s->id);
        if (!s->hostname || !s->hostname[0])
            return dr_err_set(err, DR_EINVAL, "raft membership: server %ld has no hostname", s->id);
        if (s->port < 1 || s->port > 65535)
            return dr_err_set(err, DR_EINVAL, "raft membership: server %ld: port must be 1-65535",
                              s->id);
        for (size_t j = 0; j < i; j++) {
            if (m->v[j].id == s->id)
                return dr_err_set(err, DR_EINVAL, "raft membership: server id %ld appears twice",
                                  s->id);
            if (strcmp(m->v[j].hostname, s->hostname) == 0 && m->v[j].port == s->port)
                return dr_err_set(err, DR_EINVAL,
                                  "raft membership: servers %ld and %ld both use %s:%d", m->v[j].id,
                                  s->id, s->hostname, s->port);
        }
    }
    size_t np = count_role(m, KEEPERXML_PARTICIPANT);
    if (np % 2 == 0) {
        dr_buf ids = DR_BUF_INIT;
        for (size_t i = 0; i < m->n; i++)
            if (m->v[i].role == KEEPERXML_PARTICIPANT)
                dr_buf_printf(&ids, "%s%ld", ids.len ? "," : "", m->v[i].id);
        dr_err_set(err, DR_EINVAL,
                   "raft membership: %zu participants (%s): an odd number of voting servers is "
                   "needed",
                   np, np ? ids.data : "none");
        dr_buf_free(&ids);
        return DR_EINVAL;
    }
    return 0;
}

int keeperxml_members_check_hosts(const keeperxml_members *a, const keeperxml_members *b,
                                  dr_err *err)
{
    for (size_t i = 0; i < b->n; i++) {
        const keeperxml_server *o = keeperxml_members_find(a, b->v[i].id);
        if (o && o->hostname && b->v[i].hostname && strcmp(o->hostname, b->v[i].hostname) != 0)
            return dr_err_set(err, DR_ECONFLICT,
                              "raft membership: server %ld is %s in one config and %s in the "
                              "other: an id must stay mapped to its host",
                              o->id, o->hostname, b->v[i].hostname);
    }
    return 0;
}

static void make_role(keeperxml_server *s, keeperxml_role role)
{
    s->role = role;
    if (role == KEEPERXML_LEARNER)
        s->priority = 0;
    else if (s->priority == 0)
        s->priority = 1;
}

static void add_with_role(keeperxml_members *m, const keeperxml_server *s, keeperxml_role role)
{
    keeperxml_server c = *s;
    make_role(&c, role);
    keeperxml_members_add(m, &c);
}

int keeperxml_after_failover(const keeperxml_members *cur, const keeperxml_members *site,
                             keeperxml_members *out, dr_err *err)
{
    keeperxml_members_free(out);
    if (keeperxml_members_check_hosts(cur, site, err))
        return dr_err_wrap(err, "after failover");
    for (size_t i = 0; i < site->n; i++)
        add_with_role(out, &site->v[i], KEEPERXML_PARTICIPANT);
    return keeperxml_members_validate(out, err) ? dr_err_wrap(err, "after failover") : 0;
}

int keeperxml_after_recovery(const keeperxml_members *cur, const keeperxml_members *other_site,
                             keeperxml_members *out, dr_err *err)
{
    keeperxml_members_free(out);
    if (keeperxml_members_check_hosts(cur, other_site, err))
        return dr_err_wrap(err, "after recovery");
    keeperxml_members_copy(out, cur);
    for (size_t i = 0; i < other_site->n; i++) {
        const keeperxml_server *have = keeperxml_members_find(cur, other_site->v[i].id);
        if (have && have->role == KEEPERXML_PARTICIPANT) {
            keeperxml_members_free(out);
            return dr_err_set(err, DR_ECONFLICT,
                              "after recovery: server %ld (%s) is a participant of the current "
                              "cluster; the returning site joins as learners only",
                              have->id, have->hostname);
        }
        add_with_role(out, &other_site->v[i], KEEPERXML_LEARNER);
    }
    return keeperxml_members_validate(out, err) ? dr_err_wrap(err, "after recovery") : 0;
}

int keeperxml_after_failback(const keeperxml_members *primary, const keeperxml_members *standby,
                             keeperxml_members *out, dr_err *err)
{
    keeperxml_members_free(out);
    if (keeperxml_members_check_hosts(primary, standby, err))
        return dr_err_wrap(err, "after failback");
    for (size_t i = 0; i < standby->n; i++)
        if (keeperxml_members_find(primary, standby->v[i].id))
            return dr_err_set(err, DR_ECONFLICT,
                              "after failback: server %ld is listed in both sites",
                              standby->v[i].id);
    for (size_t i = 0; i < primary->n; i++)
        add_with_role(out, &primary->v[i], KEEPERXML_PARTICIPANT);
    for (size_t i = 0; i < standby->n; i++)
        add_with_role(out, &standby->v[i], KEEPERXML_LEARNER);
    return keeperxml_members_validate(out, err) ? dr_err_wrap(err, "after failback") : 0;
}

static int set_role(keeperxml_members *m, long id, keeperxml_role role, dr_err *err)
{
    keeperxml_server *s = keeperxml_members_find(m, id);
    if (!s)
        return dr_err_set(err, DR_ENOTFOUND, "raft membership: no server %ld", id);
    make_role(s, role);
    return 0;
}

int keeperxml_promote(keeperxml_members *m, long id, dr_err *err)
{
    return set_role(m, id, KEEPERXML_PARTICIPANT, err);
}

int keeperxml_demote(keeperxml_members *m, long id, dr_err *err)
{
    return set_role(m, id, KEEPERXML_LEARNER, err);
}

/* ---- patching <raft_configuration> -------------------------------------- */

static void role_flip_advice(dr_buf *b, const keeperxml_server *before,
                             const keeperxml_server *after, const keeperxml_info *info)
{
    const char *from = before->role == KEEPERXML_LEARNER ? "learner" : "participant";
    const char *to = after->role == KEEPERXML_LEARNER ? "learner" : "participant";
    const char *log = info->log_storage_path ? info->log_storage_path : "log_storage_path";
    const char *snap =
        info->snapshot_storage_path ? info->snapshot_storage_path : "snapshot_storage_path";
    dr_buf_printf(
        b,
        "Server %ld (%s) would change from %s to %s, but this node already has Keeper data: the "
        "cluster configuration stored in its log and snapshots wins over the XML, so editing "
        "the file would change nothing.\n"
        "Supported routes:\n"
        "1. With a quorum: remove server %ld from the cluster, then add the host back as a %s "
        "under a NEW id (never reuse an id for a different role or host).\n"
        "2. Quorum lost: recover from one node: fence the failed nodes so that they cannot "
        "rejoin; pick the most up-to-date node; back up its %s and %s; rewrite the config on "
        "every node of the new cluster; send 'rcvr' to the chosen node (or start it once with "
        "--force-recovery, never left in a start script); start the other nodes one at a "
        "time, each only when mntr shows zk_server_state=follower on the one before.\n",
        before->id, before->hostname, from, to, before->id, to, log, snap);
}

static int server_differs(const keeperxml_server *a, const keeperxml_server *b)
{
    return strcmp(a->hostname, b->hostname) != 0 || a->port != b->port || a->role != b->role ||
           (b->priority >= 0 && a->priority != b->priority) ||
           (b->start_as_follower >= 0 && a->start_as_follower != b->start_as_follower);
}

/* The children a server is written with, in order; name NULL for one that
 * is not written.  has_leader: the server has <can_become_leader> now. */
typedef struct server_fields {
    const char *name[6];
    char value[6][32];
} server_fields;

static void fields_of(const keeperxml_server *want, int has_leader, server_fields *f)
{
    memset(f, 0, sizeof *f);
    f->name[0] = "id";
    snprintf(f->value[0], sizeof f->value[0], "%ld", want->id);
    f->name[1] = "hostname"; /* the value is want->hostname: see put_fields */
    f->name[2] = "port";
    snprintf(f->value[2], sizeof f->value[2], "%d", want->port);
    if (want->role == KEEPERXML_LEARNER || has_leader) {
        f->name[3] = "can_become_leader";
        snprintf(f->value[3], sizeof f->value[3], "%s",
                 want->role == KEEPERXML_LEARNER ? "false" : "true");
    }
    int prio = want->role == KEEPERXML_LEARNER ? 0 : want->priority;
    if (prio >= 0) {
        f->name[4] = "priority";
        snprintf(f->value[4], sizeof f->value[4], "%d", prio);
    }
    if (want->start_as_follower >= 0) {
        f->name[5] = "start_as_follower";
        snprintf(f->value[5], sizeof f->value[5], "%s", want->start_as_follower ? "true" : "false");
    }
}

static const char *field_value(const server_fields *f, const keeperxml_server *want, size_t i)
{
    return i == 1 ? want->hostname : f->value[i];
}

/* Records the edits that make existing <server> s say want: only the
 * children that differ change, missing ones are added after the others. */
static void write_server(keeperxml *k, xmlNodePtr s, const keeperxml_server *want)
{
    server_fields f;
    fields_of(want, child(s, "can_become_leader") != NULL, &f);
    for (size_t i = 0; i < 6; i++)
        if (f.name[i])
            set_child_text(k, s, f.name[i], field_value(&f, want, i));
}

/* Appends a new <server> for want: its children on lines of their own
 * (indent + unit) when multi, else all on one line. */
static void gen_server(const keeperxml *k, dr_buf *b, const keeperxml_server *want,
                       const char *indent, int multi)
{
    server_fields f;
    fields_of(want, 0, &f);
    dr_buf_puts(b, "<server>");
    for (size_t i = 0; i < 6; i++) {
        if (!f.name[i])
            continue;
        if (multi)
            dr_buf_printf(b, "%s%s%s", k->d.nl, indent, k->d.unit);
        xmlsplice_put_leaf(b, f.name[i], field_value(&f, want, i));
    }
    if (multi)
        dr_buf_printf(b, "%s%s", k->d.nl, indent);
    dr_buf_puts(b, "</server>");
}

/* Appends new <server> elements for the members of m that s (the ids
 * present) lacks, separated as p says. */
static void gen_servers(const keeperxml *k, dr_buf *b, const keeperxml_members *m,
                        const keeperxml_members *present, const char *indent, int multi,
                        const xmlsplice_place *p)
{
    int first = 1;
    for (size_t i = 0; i < m->n; i++) {
        if (keeperxml_members_find(present, m->v[i].id))
            continue;
        if (!first)
            xmlsplice_place_sep(&k->d, p, b);
        first = 0;
        gen_server(k, b, &m->v[i], indent, multi);
    }
}

int keeperxml_members_put(keeperxml *k, const keeperxml_members *m, int has_state, dr_buf *advice,
                          dr_err *err)
{
    if (advice)
        dr_buf_reset(advice);
    keeperxml_members cur = {0};
    keeperxml_members_get(k, &cur);
    if (has_state) {
        for (size_t i = 0; i < m->n; i++) {
            const keeperxml_server *before = keeperxml_members_find(&cur, m->v[i].id);
            if (before && before->role != m->v[i].role) {
                if (advice) {
                    keeperxml_info info;
                    keeperxml_info_get(k, &info);
                    role_flip_advice(advice, before, &m->v[i], &info);
                    keeperxml_info_clear(&info);
                }
                dr_err_set(err, DR_EREFUSED,
                           "%s: server %ld: a role change (%s -> %s) cannot take effect by "
                           "editing the XML of a node that has Keeper data; remove and re-add "
                           "it under a new id, or use the quorum-loss recovery",
                           k->name, before->id,
                           before->role == KEEPERXML_LEARNER ? "learner" : "participant",
                           m->v[i].role == KEEPERXML_LEARNER ? "learner" : "participant");
                keeperxml_members_free(&cur);
                return DR_EREFUSED;
            }
        }
    }

    xmlNodePtr raft = child(k->keeper, "raft_configuration");
    if (!raft) {
        keeperxml_members_free(&cur);
        if (m->n == 0)
            return 0;
        /* a new <raft_configuration> holding every server */
        xmlsplice_place p;
        place_in(k, k->keeper, NULL, 0, &p);
        char *inner = xmlsplice_cat(p.indent, k->d.unit);
        dr_buf b = DR_BUF_INIT;
        xmlsplice_place ip = {.indent = inner, .own_line = p.own_line};
        dr_buf_puts(&b, "<raft_configuration>");
        if (p.own_line)
            dr_buf_printf(&b, "%s%s", k->d.nl, inner);
        keeperxml_members none = {0};
        gen_servers(k, &b, m, &none, inner, p.own_line, &ip);
        if (p.own_line)
            dr_buf_printf(&b, "%s%s", k->d.nl, p.indent);
        dr_buf_puts(&b, "</raft_configuration>");
        xmlsplice_place_put(&k->d, &p, b.data);
        dr_buf_free(&b);
        free(inner);
        xmlsplice_place_free(&p);
        return commit(k, err);
    }
    /* servers gone are removed, changed ones edited in place */
    xmlNodePtr *gone = NULL;
    size_t n_gone = 0;
    for (xmlNodePtr s = raft->children; s; s = s->next) {
        if (!name_is(s, "server"))
            continue;
        keeperxml_server have;
        read_server(k, s, &have);
        const keeperxml_server *want = keeperxml_members_find(m, have.id);
        if (!want) {
            xmlsplice_delete(&k->d, s);
            gone = dr_realloc(gone, (n_gone + 1) * sizeof *gone);
            gone[n_gone++] = s;
        } else if (server_differs(&have, want)) {
            write_server(k, s, want);
        }
        server_clear(&have);
    }
    /* new ones after the last element that stays */
    size_t n_new = 0;
    for (size_t i = 0; i < m->n; i++)
        n_new += keeperxml_members_find(&cur, m->v[i].id) == NULL;
    if (n_new > 0) {
        xmlsplice_place p;
        place_in(k, raft, gone, n_gone, &p);
        dr_buf b = DR_BUF_INIT;
        gen_servers(k, &b, m, &cur, p.indent, p.own_line, &p);
        xmlsplice_place_put(&k->d, &p, b.data);
        dr_buf_free(&b);
        xmlsplice_place_free(&p);
    }
    free(gone);
    keeperxml_members_free(&cur);
    return commit(k, err);
}
