/* keeperxml: read and patch ClickHouse Keeper's <keeper_server> XML with
 * libxml2, keeping the document's other content; membership operations.
 * The order of the quorum-loss recovery is the runbooks' (Lua,
 * lua/dr/coord/keeper_order.lua). */
#include "keeperxml.h"

#include <ctype.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>

#include "idlist.h"

struct keeperxml {
    char *name;
    xmlDocPtr doc;
    xmlNodePtr keeper; /* <keeper_server> */
    char *decl;        /* the input's XML declaration, verbatim, or NULL */
};

/* ---- small helpers ---------------------------------------------------- */

static int is_blank(const xmlChar *s)
{
    for (; s && *s; s++)
        if (!isspace(*s))
            return 0;
    return 1;
}

static int name_is(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST name) == 0;
}

static xmlNodePtr child(xmlNodePtr parent, const char *name)
{
    for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next)
        if (name_is(c, name))
            return c;
    return NULL;
}

/* The trimmed text of an element, malloc'd (never NULL). */
static char *text_of(xmlNodePtr n)
{
    xmlChar *c = n ? xmlNodeGetContent(n) : NULL;
    const char *s = c ? (const char *)c : "";
    while (isspace((unsigned char)*s))
        s++;
    size_t len = strlen(s);
    while (len > 0 && isspace((unsigned char)s[len - 1]))
        len--;
    char *r = dr_strndup(s, len);
    xmlFree(c);
    return r;
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

/* ---- layout: indentation of inserted elements ------------------------- */

/* The whitespace text node right before n, if any. */
static xmlNodePtr ws_before(xmlNodePtr n)
{
    return n && n->prev && n->prev->type == XML_TEXT_NODE && is_blank(n->prev->content) ? n->prev
                                                                                        : NULL;
}

/* n's indentation: what follows the last newline of the whitespace before
 * it ("" when none). */
static const char *indent_of(xmlNodePtr n)
{
    xmlNodePtr ws = ws_before(n);
    if (!ws)
        return "";
    const char *s = (const char *)ws->content, *nl = strrchr(s, '\n');
    return nl ? nl + 1 : s;
}

/* One level of indentation as the document uses it: the indentation of the
 * root's first child element (the root itself sits at column 0). */
static const char *indent_unit(xmlNodePtr root)
{
    for (xmlNodePtr c = root->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) {
            const char *u = indent_of(c);
            return *u ? u : "    ";
        }
    return "    ";
}

/* Appends element e to parent, indented like its element siblings (or one
 * level deeper than parent when it has none). */
static void append_indented(xmlNodePtr root, xmlNodePtr parent, xmlNodePtr e)
{
    xmlNodePtr last = NULL;
    for (xmlNodePtr c = parent->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            last = c;
    if (last) {
        xmlNodePtr ws = ws_before(last);
        xmlAddNextSibling(last, e);
        if (ws)
            xmlAddPrevSibling(e, xmlNewText(ws->content));
        return;
    }
    /* No element children: replace whitespace-only content by
     * "\n<indent+unit><e>\n<indent>". */
    int only_ws = 1;
    for (xmlNodePtr c = parent->children; c; c = c->next)
        if (!(c->type == XML_TEXT_NODE && is_blank(c->content)))
            only_ws = 0;
    if (!only_ws) {
        xmlAddChild(parent, e);
        return;
    }
    while (parent->children) {
        xmlNodePtr c = parent->children;
        xmlUnlinkNode(c);
        xmlFreeNode(c);
    }
    const char *ind = indent_of(parent), *unit = indent_unit(root);
    dr_buf b = DR_BUF_INIT;
    dr_buf_printf(&b, "\n%s%s", ind, unit);
    xmlAddChild(parent, xmlNewText(BAD_CAST b.data));
    xmlAddChild(parent, e);
    dr_buf_reset(&b);
    dr_buf_printf(&b, "\n%s", ind);
    xmlAddChild(parent, xmlNewText(BAD_CAST b.data));
    dr_buf_free(&b);
}

/* Removes e and the whitespace that indented it. */
static void remove_indented(xmlNodePtr e)
{
    xmlNodePtr ws = ws_before(e);
    if (ws) {
        xmlUnlinkNode(ws);
        xmlFreeNode(ws);
    }
    xmlUnlinkNode(e);
    xmlFreeNode(e);
}

/* Sets parent/<name> to value, adding it when absent; no change (not even
 * of layout) when it already holds that value. */
static void set_child_text(xmlNodePtr root, xmlNodePtr parent, const char *name, const char *value)
{
    xmlNodePtr c = child(parent, name);
    if (c) {
        char *cur = text_of(c);
        int same = strcmp(cur, value) == 0;
        free(cur);
        if (same)
            return;
        while (c->children) {
            xmlNodePtr k = c->children;
            xmlUnlinkNode(k);
            xmlFreeNode(k);
        }
        xmlNodeAddContent(c, BAD_CAST value);
        return;
    }
    c = xmlNewDocNode(parent->doc, NULL, BAD_CAST name, NULL);
    xmlNodeAddContent(c, BAD_CAST value);
    append_indented(root, parent, c);
}

/* ---- parsing ---------------------------------------------------------- */

typedef struct xml_errors {
    int seen;
    int line, col;
    char msg[512];
} xml_errors;

/* Keeps libxml2's first error instead of letting it print to stderr. */
static void capture_error(void *ctx, xmlErrorPtr e)
{
    xml_errors *x = ctx;
    if (x->seen || !e || e->level < XML_ERR_ERROR)
        return;
    x->seen = 1;
    x->line = e->line;
    x->col = e->int2;
    snprintf(x->msg, sizeof x->msg, "%s", e->message ? e->message : "malformed");
    size_t n = strlen(x->msg);
    while (n > 0 && isspace((unsigned char)x->msg[n - 1]))
        x->msg[--n] = '\0';
}

void keeperxml_free(keeperxml *k)
{
    if (!k)
        return;
    if (k->doc)
        xmlFreeDoc(k->doc);
    free(k->name);
    free(k->decl);
    free(k);
}

static int check_server(const keeperxml *k, xmlNodePtr s, dr_err *err)
{
    long line = xmlGetLineNo(s);
    static const char *needed[] = {"id", "hostname", "port"};
    for (size_t i = 0; i < 3; i++)
        if (!child(s, needed[i]))
            return dr_err_set(err, DR_EPARSE,
                              "%s:%ld: expected <%s> in <server> of <raft_configuration>", k->name,
                              line, needed[i]);
    char *t = text_of(child(s, "id"));
    long v;
    int bad = parse_long(t, 1, LONG_MAX, &v);
    free(t);
    if (bad)
        return dr_err_set(err, DR_EPARSE, "%s:%ld: expected <id> to be a positive number", k->name,
                          xmlGetLineNo(child(s, "id")));
    t = text_of(child(s, "hostname"));
    bad = !*t;
    free(t);
    if (bad)
        return dr_err_set(err, DR_EPARSE, "%s:%ld: expected a host name in <hostname>", k->name,
                          xmlGetLineNo(child(s, "hostname")));
    t = text_of(child(s, "port"));
    bad = parse_long(t, 1, 65535, &v);
    free(t);
    if (bad)
        return dr_err_set(err, DR_EPARSE, "%s:%ld: expected <port> to be a port (1-65535)", k->name,
                          xmlGetLineNo(child(s, "port")));
    static const char *bools[] = {"can_become_leader", "start_as_follower"};
    for (size_t i = 0; i < 2; i++) {
        xmlNodePtr b = child(s, bools[i]);
        if (!b)
            continue;
        t = text_of(b);
        int x;
        bad = parse_bool(t, &x);
        free(t);
        if (bad)
            return dr_err_set(err, DR_EPARSE, "%s:%ld: expected <%s> to be true or false", k->name,
                              xmlGetLineNo(b), bools[i]);
    }
    if (child(s, "priority")) {
        t = text_of(child(s, "priority"));
        bad = parse_long(t, 0, INT_MAX, &v);
        free(t);
        if (bad)
            return dr_err_set(err, DR_EPARSE,
                              "%s:%ld: expected <priority> to be a number (0 = never leader)",
                              k->name, xmlGetLineNo(child(s, "priority")));
    }
    return 0;
}

int keeperxml_parse(const char *name, const char *text, size_t len, keeperxml **out, dr_err *err)
{
    *out = NULL;
    keeperxml *k = dr_calloc(1, sizeof *k);
    k->name = dr_strdup(name ? name : "keeper.xml");
    if (len > INT_MAX) {
        keeperxml_free(k);
        return dr_err_set(err, DR_EPARSE, "%s: too large for an XML config", name);
    }
    xml_errors x = {0};
    xmlStructuredErrorFunc old_fn = xmlStructuredError;
    void *old_ctx = xmlStructuredErrorContext;
    xmlSetStructuredErrorFunc(&x, capture_error);
    /* No network, no entity expansion, no DTD loading: a config file must
     * not reach out of itself. */
    k->doc = xmlReadMemory(text, (int)len, k->name, NULL,
                           XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOWARNING);
    xmlSetStructuredErrorFunc(old_ctx, old_fn);
    if (!k->doc || x.seen) {
        if (x.seen)
            dr_err_set(err, DR_EPARSE, "%s:%d:%d: expected well-formed XML: %s", k->name, x.line,
                       x.col, x.msg);
        else if (len == 0)
            dr_err_set(err, DR_EPARSE, "%s:1:1: expected an XML document, the file is empty",
                       k->name);
        else
            dr_err_set(err, DR_EPARSE, "%s:1:1: expected well-formed XML", k->name);
        keeperxml_free(k);
        return DR_EPARSE;
    }
    xmlNodePtr root = xmlDocGetRootElement(k->doc);
    if (!root || (!name_is(root, "clickhouse") && !name_is(root, "yandex"))) {
        dr_err_set(err, DR_EPARSE,
                   "%s:%ld: expected root element <clickhouse> or <yandex>, not <%s>", k->name,
                   root ? xmlGetLineNo(root) : 1L, root ? (const char *)root->name : "");
        keeperxml_free(k);
        return DR_EPARSE;
    }
    k->keeper = child(root, "keeper_server");
    if (!k->keeper) {
        dr_err_set(err, DR_EPARSE, "%s:%ld: expected <keeper_server> in <%s>", k->name,
                   xmlGetLineNo(root), (const char *)root->name);
        keeperxml_free(k);
        return DR_EPARSE;
    }
    xmlNodePtr sid = child(k->keeper, "server_id");
    if (sid) {
        char *t = text_of(sid);
        long v;
        int bad = parse_long(t, 1, LONG_MAX, &v);
        free(t);
        if (bad) {
            dr_err_set(err, DR_EPARSE, "%s:%ld: expected <server_id> to be a positive number",
                       k->name, xmlGetLineNo(sid));
            keeperxml_free(k);
            return DR_EPARSE;
        }
    }
    xmlNodePtr raft = child(k->keeper, "raft_configuration");
    for (xmlNodePtr s = raft ? raft->children : NULL; s; s = s->next) {
        if (!name_is(s, "server"))
            continue;
        int r = check_server(k, s, err);
        if (r) {
            keeperxml_free(k);
            return r;
        }
        long id = -1, other = -1;
        char *t = text_of(child(s, "id"));
        parse_long(t, 1, LONG_MAX, &id);
        free(t);
        for (xmlNodePtr o = raft->children; o != s; o = o->next) {
            if (!name_is(o, "server"))
                continue;
            t = text_of(child(o, "id"));
            parse_long(t, 1, LONG_MAX, &other);
            free(t);
            if (other == id) {
                dr_err_set(err, DR_EPARSE,
                           "%s:%ld: expected each server id once, %ld is already in "
                           "<raft_configuration>",
                           k->name, xmlGetLineNo(s), id);
                keeperxml_free(k);
                return DR_EPARSE;
            }
        }
    }
    /* Keep the declaration as written (libxml2 would rewrite it). */
    const char *p = text;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    /* "<?xml" + white space: a declaration; "<?xmlfoo" is a processing
     * instruction, which libxml2 keeps as a node and writes itself. */
    if ((size_t)(p - text) + 6 <= len && memcmp(p, "<?xml", 5) == 0 && p[5] &&
        strchr(" \t\r\n", p[5])) {
        /* text need not end in a NUL: search within len only */
        const char *end = NULL;
        for (const char *q = p; !end && q + 1 < text + len; q++)
            if (q[0] == '?' && q[1] == '>')
                end = q;
        if (end)
            k->decl = dr_strndup(p, (size_t)(end + 2 - p));
    }
    *out = k;
    return 0;
}

void keeperxml_render(const keeperxml *k, dr_buf *out)
{
    if (k->decl) {
        dr_buf_puts(out, k->decl);
        dr_buf_putc(out, '\n');
    }
    xmlBufferPtr buf = xmlBufferCreate();
    xmlSaveCtxtPtr save = xmlSaveToBuffer(buf, "UTF-8", XML_SAVE_NO_DECL | XML_SAVE_AS_XML);
    xmlSaveDoc(save, k->doc);
    xmlSaveClose(save);
    dr_buf_append(out, xmlBufferContent(buf), (size_t)xmlBufferLength(buf));
    xmlBufferFree(buf);
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
        t = text_of(child(k->keeper, "server_id"));
        if (parse_long(t, 1, LONG_MAX, &v) == 0)
            out->server_id = v;
        free(t);
    }
    if (child(k->keeper, "tcp_port")) {
        t = text_of(child(k->keeper, "tcp_port"));
        if (parse_long(t, 1, 65535, &v) == 0)
            out->tcp_port = (int)v;
        free(t);
    }
    if (child(k->keeper, "log_storage_path"))
        out->log_storage_path = text_of(child(k->keeper, "log_storage_path"));
    if (child(k->keeper, "snapshot_storage_path"))
        out->snapshot_storage_path = text_of(child(k->keeper, "snapshot_storage_path"));
}

void keeperxml_info_clear(keeperxml_info *info)
{
    free(info->log_storage_path);
    free(info->snapshot_storage_path);
    memset(info, 0, sizeof *info);
}

void keeperxml_set(keeperxml *k, const char *key, const char *value)
{
    set_child_text(xmlDocGetRootElement(k->doc), k->keeper, key, value);
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

static void read_server(xmlNodePtr s, keeperxml_server *out)
{
    memset(out, 0, sizeof *out);
    char *t;
    long v;
    t = text_of(child(s, "id"));
    out->id = parse_long(t, 1, LONG_MAX, &v) == 0 ? v : 0;
    free(t);
    out->hostname = text_of(child(s, "hostname"));
    t = text_of(child(s, "port"));
    out->port = parse_long(t, 1, 65535, &v) == 0 ? (int)v : 0;
    free(t);
    int b = 1;
    if (child(s, "can_become_leader")) {
        t = text_of(child(s, "can_become_leader"));
        parse_bool(t, &b);
        free(t);
    }
    out->role = b ? KEEPERXML_PARTICIPANT : KEEPERXML_LEARNER;
    out->priority = -1;
    if (child(s, "priority")) {
        t = text_of(child(s, "priority"));
        if (parse_long(t, 0, INT_MAX, &v) == 0)
            out->priority = (int)v;
        free(t);
    }
    out->start_as_follower = -1;
    if (child(s, "start_as_follower")) {
        t = text_of(child(s, "start_as_follower"));
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
        read_server(s, &ks);
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

static void write_server(xmlNodePtr root, xmlNodePtr s, const keeperxml_server *want)
{
    char num[32];
    snprintf(num, sizeof num, "%ld", want->id);
    set_child_text(root, s, "id", num);
    set_child_text(root, s, "hostname", want->hostname);
    snprintf(num, sizeof num, "%d", want->port);
    set_child_text(root, s, "port", num);
    if (want->role == KEEPERXML_LEARNER)
        set_child_text(root, s, "can_become_leader", "false");
    else if (child(s, "can_become_leader"))
        set_child_text(root, s, "can_become_leader", "true");
    int prio = want->priority;
    if (want->role == KEEPERXML_LEARNER)
        prio = 0;
    if (prio >= 0) {
        snprintf(num, sizeof num, "%d", prio);
        set_child_text(root, s, "priority", num);
    }
    if (want->start_as_follower >= 0)
        set_child_text(root, s, "start_as_follower", want->start_as_follower ? "true" : "false");
}

int keeperxml_members_put(keeperxml *k, const keeperxml_members *m, int has_state, dr_buf *advice,
                          dr_err *err)
{
    if (advice)
        dr_buf_reset(advice);
    xmlNodePtr root = xmlDocGetRootElement(k->doc);
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
    keeperxml_members_free(&cur);

    xmlNodePtr raft = child(k->keeper, "raft_configuration");
    if (!raft && m->n > 0) {
        raft = xmlNewDocNode(k->doc, NULL, BAD_CAST "raft_configuration", NULL);
        append_indented(root, k->keeper, raft);
    }
    if (!raft)
        return 0;
    for (xmlNodePtr s = raft->children, next; s; s = next) {
        next = s->next;
        if (!name_is(s, "server"))
            continue;
        keeperxml_server have;
        read_server(s, &have);
        const keeperxml_server *want = keeperxml_members_find(m, have.id);
        if (!want)
            remove_indented(s);
        else if (server_differs(&have, want))
            write_server(root, s, want);
        server_clear(&have);
    }
    for (size_t i = 0; i < m->n; i++) {
        int present = 0;
        for (xmlNodePtr s = raft->children; s && !present; s = s->next) {
            if (!name_is(s, "server"))
                continue;
            char *t = text_of(child(s, "id"));
            long v;
            present = parse_long(t, 1, LONG_MAX, &v) == 0 && v == m->v[i].id;
            free(t);
        }
        if (present)
            continue;
        xmlNodePtr s = xmlNewDocNode(k->doc, NULL, BAD_CAST "server", NULL);
        append_indented(root, raft, s);
        write_server(root, s, &m->v[i]);
    }
    return 0;
}
