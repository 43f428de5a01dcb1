/* zkconf: parse, patch and render zoo.cfg and ZooKeeper dynamic config files,
 * and the membership operations of the DR procedures. */
#include "zkconf.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "idlist.h"

enum line_type {
    LINE_OTHER,  /* blank or comment: kept as is */
    LINE_KEY,    /* key=value */
    LINE_SERVER, /* server.N=... (a key line whose value is parsed) */
};

typedef struct zline {
    char *raw; /* the line without its '\n' */
    enum line_type type;
    size_t vpos; /* offset in raw where the value starts */
    char *key;   /* owned, for LINE_KEY and LINE_SERVER */
    char *value; /* owned, trimmed */
    zkconf_server srv;
} zline;

struct zkconf {
    char *name;
    zkconf_kind kind;
    zline *lines;
    size_t n, cap;
    int final_newline; /* the text ended with '\n' */
    int64_t version;   /* ZKCONF_ZNODE: version=, else -1 */
};

/* ---- small helpers ---------------------------------------------------- */

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\f' || c == '\r';
}

static char *trimmed_dup(const char *s, size_t n)
{
    while (n > 0 && is_space(*s)) {
        s++;
        n--;
    }
    while (n > 0 && is_space(s[n - 1]))
        n--;
    return dr_strndup(s, n);
}

/* Parses a decimal port 1-65535 from s[0..n); -1 when it is not one. */
static int parse_port(const char *s, size_t n)
{
    if (n == 0 || n > 5)
        return -1;
    long v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v >= 1 && v <= 65535 ? (int)v : -1;
}

/* "server.<digits>" -> id, else -1. */
static long server_key_id(const char *key)
{
    if (strncmp(key, "server.", 7) != 0)
        return -1;
    const char *p = key + 7;
    if (!*p)
        return -1;
    long v = 0;
    for (; *p; p++) {
        if (!isdigit((unsigned char)*p) || v > 1000000000L)
            return -1;
        v = v * 10 + (*p - '0');
    }
    return v;
}

int zkconf_key_is_dynamic(const char *key)
{
    return strncmp(key, "server.", 7) == 0 || strncmp(key, "group.", 6) == 0 ||
           strncmp(key, "weight.", 7) == 0;
}

/* ---- server lines ------------------------------------------------------- */

void zkconf_server_clear(zkconf_server *s)
{
    free(s->host);
    free(s->client_host);
    memset(s, 0, sizeof *s);
}

void zkconf_server_copy(zkconf_server *dst, const zkconf_server *src)
{
    *dst = *src;
    dst->host = src->host ? dr_strdup(src->host) : NULL;
    dst->client_host = src->client_host ? dr_strdup(src->client_host) : NULL;
}

static int server_equal(const zkconf_server *a, const zkconf_server *b)
{
    if (a->id != b->id || a->quorum_port != b->quorum_port ||
        a->election_port != b->election_port || a->role != b->role ||
        a->client_port != b->client_port)
        return 0;
    if (!a->host || !b->host || strcmp(a->host, b->host) != 0)
        return a->host == b->host;
    if (!a->client_host || !b->client_host)
        return a->client_host == b->client_host;
    return strcmp(a->client_host, b->client_host) == 0;
}

/* Reads a host at *p: "[v6addr]" or text up to ':' / ';' / end.  Returns its
 * length (0 when empty or malformed) and sets *start. */
static size_t scan_host(const char **p, const char **start)
{
    const char *s = *p;
    if (*s == '[') {
        const char *close = strchr(s, ']');
        if (!close || close == s + 1)
            return 0;
        *start = s + 1;
        *p = close + 1;
        return (size_t)(close - s - 1);
    }
    const char *e = s;
    while (*e && *e != ':' && *e != ';' && *e != '|' && !is_space(*e))
        e++;
    *start = s;
    *p = e;
    return (size_t)(e - s);
}

static size_t scan_digits(const char **p)
{
    const char *e = *p;
    while (isdigit((unsigned char)*e))
        e++;
    size_t n = (size_t)(e - *p);
    *p = e;
    return n;
}

#define SERVER_FORM                                                                                \
    "HOST:QUORUM_PORT:ELECTION_PORT[:participant|observer][;[CLIENT_HOST:]CLIENT_PORT]"

int zkconf_server_parse(const char *name, int line, int col, long id, const char *value,
                        zkconf_server *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    out->id = id;
    const char *p = value, *hs;
    const char *what;
#define AT(ptr) (col + (int)((ptr)-value))
    if (strchr(value, '|'))
        return dr_err_set(err, DR_EPARSE,
                          "%s:%d:%d: server.%ld: one address expected, multiple addresses "
                          "('|') are not supported",
                          name, line, AT(strchr(value, '|')), id);
    size_t hn = scan_host(&p, &hs);
    if (hn == 0) {
        what = "a host";
        goto bad;
    }
    out->host = dr_strndup(hs, hn);
    if (*p != ':') {
        what = "':' and the quorum port after the host";
        goto bad;
    }
    p++;
    const char *q = p;
    size_t qn = scan_digits(&p);
    if ((out->quorum_port = parse_port(q, qn)) < 0) {
        p = q;
        what = "a quorum port (1-65535)";
        goto bad;
    }
    if (*p != ':') {
        what = "':' and the election port after the quorum port";
        goto bad;
    }
    p++;
    q = p;
    size_t en = scan_digits(&p);
    if ((out->election_port = parse_port(q, en)) < 0) {
        p = q;
        what = "an election port (1-65535)";
        goto bad;
    }
    out->role = ZKCONF_PARTICIPANT;
    if (*p == ':') {
        p++;
        q = p;
        while (*p && *p != ';' && !is_space(*p))
            p++;
        size_t rn = (size_t)(p - q);
        if (rn == 11 && strncasecmp(q, "participant", 11) == 0) {
            out->role = ZKCONF_PARTICIPANT;
        } else if (rn == 8 && strncasecmp(q, "observer", 8) == 0) {
            out->role = ZKCONF_OBSERVER;
        } else {
            p = q;
            what = "role 'participant' or 'observer'";
            goto bad;
        }
    }
    while (is_space(*p))
        p++;
    if (*p == ';') {
        p++;
        while (is_space(*p))
            p++;
        const char *cs = p;
        size_t dn = scan_digits(&p);
        if (dn > 0 && (*p == '\0' || is_space(*p))) {
            if ((out->client_port = parse_port(cs, dn)) < 0) {
                p = cs;
                what = "a client port (1-65535)";
                goto bad;
            }
        } else {
            p = cs;
            size_t cn = scan_host(&p, &hs);
            if (cn == 0 || *p != ':') {
                p = cs;
                what = "CLIENT_PORT or CLIENT_HOST:CLIENT_PORT after ';'";
                goto bad;
            }
            out->client_host = dr_strndup(hs, cn);
            p++;
            q = p;
            size_t pn = scan_digits(&p);
            if ((out->client_port = parse_port(q, pn)) < 0) {
                p = q;
                what = "a client port (1-65535)";
                goto bad;
            }
        }
    }
    while (is_space(*p))
        p++;
    if (*p) {
        what = "the end of the server line";
        goto bad;
    }
    return 0;
bad:
    zkconf_server_clear(out);
    return dr_err_set(err, DR_EPARSE, "%s:%d:%d: server.%ld: expected %s (form " SERVER_FORM ")",
                      name, line, AT(p), id, what);
#undef AT
}

static void put_host(dr_buf *out, const char *h)
{
    if (strchr(h, ':'))
        dr_buf_printf(out, "[%s]", h);
    else
        dr_buf_puts(out, h);
}

void zkconf_server_format(const zkconf_server *s, dr_buf *out)
{
    put_host(out, s->host ? s->host : "");
    dr_buf_printf(out, ":%d:%d:%s", s->quorum_port, s->election_port,
                  s->role == ZKCONF_OBSERVER ? "observer" : "participant");
    if (s->client_port > 0) {
        dr_buf_putc(out, ';');
        if (s->client_host) {
            put_host(out, s->client_host);
            dr_buf_putc(out, ':');
        }
        dr_buf_printf(out, "%d", s->client_port);
    }
}

/* ---- files -------------------------------------------------------------- */

static void line_clear(zline *l)
{
    free(l->raw);
    free(l->key);
    free(l->value);
    zkconf_server_clear(&l->srv);
    memset(l, 0, sizeof *l);
}

void zkconf_free(zkconf *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++)
        line_clear(&c->lines[i]);
    free(c->lines);
    free(c->name);
    free(c);
}

/* Makes room and returns a zeroed line at index at (shifting the rest). */
static zline *insert_line(zkconf *c, size_t at)
{
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 16;
        c->lines = dr_realloc(c->lines, c->cap * sizeof *c->lines);
    }
    memmove(&c->lines[at + 1], &c->lines[at], (c->n - at) * sizeof *c->lines);
    c->n++;
    memset(&c->lines[at], 0, sizeof *c->lines);
    if (at == c->n - 1)
        c->final_newline = 1; /* a line we add at the end gets a newline */
    return &c->lines[at];
}

static void delete_line(zkconf *c, size_t at)
{
    line_clear(&c->lines[at]);
    memmove(&c->lines[at], &c->lines[at + 1], (c->n - at - 1) * sizeof *c->lines);
    c->n--;
}

/* Classifies one line (raw, already stored in l) and checks it against the
 * file kind.  lineno is 1-based. */
static int parse_line(zkconf *c, zline *l, int lineno, dr_err *err)
{
    const char *raw = l->raw, *p = raw;
    while (is_space(*p))
        p++;
    if (*p == '\0' || *p == '#' || *p == '!') {
        l->type = LINE_OTHER;
        return 0;
    }
    const char *eq = strchr(p, '=');
    int col = (int)(p - raw) + 1;
    if (!eq)
        return dr_err_set(err, DR_EPARSE, "%s:%d:%d: expected key=value, a comment or a blank line",
                          c->name, lineno, col);
    l->key = trimmed_dup(p, (size_t)(eq - p));
    if (!l->key[0])
        return dr_err_set(err, DR_EPARSE, "%s:%d:%d: expected a key before '='", c->name, lineno,
                          (int)(eq - raw) + 1);
    for (const char *k = l->key; *k; k++)
        if (is_space(*k) || *k == ':')
            return dr_err_set(err, DR_EPARSE, "%s:%d:%d: expected a key without '%c' before '='",
                              c->name, lineno, col + (int)(k - l->key), *k);
    const char *v = eq + 1;
    while (is_space(*v))
        v++;
    l->vpos = (size_t)(v - raw);
    l->value = trimmed_dup(v, strlen(v));
    size_t vl = strlen(l->value);
    if (vl > 0 && l->value[vl - 1] == '\\')
        return dr_err_set(err, DR_EPARSE,
                          "%s:%d:%d: expected the value on one line (a '\\' continuation is not "
                          "supported)",
                          c->name, lineno, (int)(l->vpos + vl));
    l->type = LINE_KEY;

    int vcol = (int)l->vpos + 1;
    if (c->kind != ZKCONF_STATIC) {
        if (strcmp(l->key, "version") == 0) {
            if (c->kind == ZKCONF_DYNAMIC)
                return dr_err_set(err, DR_EPARSE,
                                  "%s:%d:%d: expected no version= line in a dynamic config file "
                                  "(ZooKeeper takes the version from the file name and refuses "
                                  "the file)",
                                  c->name, lineno, col);
            char *end;
            errno = 0;
            unsigned long long ver = strtoull(l->value, &end, 16);
            if (c->version >= 0 || !l->value[0] || *end || errno || ver > INT64_MAX)
                return dr_err_set(err, DR_EPARSE, "%s:%d:%d: expected one version=<hex number>",
                                  c->name, lineno, vcol);
            c->version = (int64_t)ver;
            return 0;
        }
        if (!zkconf_key_is_dynamic(l->key))
            return dr_err_set(err, DR_EPARSE,
                              "%s:%d:%d: expected server.N, group.N or weight.N in a dynamic "
                              "config file ('%s' belongs in zoo.cfg)",
                              c->name, lineno, col, l->key);
    }
    if (strncmp(l->key, "server.", 7) == 0) {
        long id = server_key_id(l->key);
        if (id <= 0)
            return dr_err_set(err, DR_EPARSE,
                              "%s:%d:%d: expected server.<id> with a positive number as id",
                              c->name, lineno, col);
        for (zline *o = c->lines; o < l; o++)
            if (o->type == LINE_SERVER && o->srv.id == id)
                return dr_err_set(err, DR_EPARSE,
                                  "%s:%d:%d: expected each server id once, server.%ld is "
                                  "already defined above",
                                  c->name, lineno, col, id);
        int r = zkconf_server_parse(c->name, lineno, vcol, id, l->value, &l->srv, err);
        if (r)
            return r;
        l->type = LINE_SERVER;
    }
    return 0;
}

int zkconf_parse(const char *name, const char *text, size_t len, zkconf_kind kind, zkconf **out,
                 dr_err *err)
{
    *out = NULL;
    zkconf *c = dr_calloc(1, sizeof *c);
    c->name = dr_strdup(name ? name : "zoo.cfg");
    c->kind = kind;
    c->version = -1;
    c->final_newline = 1;
    if (memchr(text, '\0', len)) {
        size_t at = (size_t)((const char *)memchr(text, '\0', len) - text);
        int lineno = 1;
        for (size_t i = 0; i < at; i++)
            lineno += text[i] == '\n';
        dr_err_set(err, DR_EPARSE, "%s:%d: expected text, found a NUL byte", c->name, lineno);
        zkconf_free(c);
        return DR_EPARSE;
    }
    size_t start = 0;
    int lineno = 0;
    while (start < len) {
        const char *nl = memchr(text + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - text) : len;
        zline *l = insert_line(c, c->n);
        l->raw = dr_strndup(text + start, end - start);
        lineno++;
        int r = parse_line(c, l, lineno, err);
        if (r) {
            zkconf_free(c);
            return r;
        }
        c->final_newline = nl != NULL;
        start = end + 1;
    }
    *out = c;
    return 0;
}

void zkconf_render(const zkconf *c, dr_buf *out)
{
    for (size_t i = 0; i < c->n; i++) {
        dr_buf_puts(out, c->lines[i].raw);
        if (i + 1 < c->n || c->final_newline)
            dr_buf_putc(out, '\n');
    }
    if (c->n == 0)
        dr_buf_append(out, "", 0);
}

static zline *find_last(const zkconf *c, const char *key)
{
    for (size_t i = c->n; i-- > 0;)
        if (c->lines[i].type != LINE_OTHER && strcmp(c->lines[i].key, key) == 0)
            return &c->lines[i];
    return NULL;
}

const char *zkconf_get(const zkconf *c, const char *key)
{
    zline *l = find_last(c, key);
    return l ? l->value : NULL;
}

int64_t zkconf_version(const zkconf *c)
{
    return c->version;
}

/* Rewrites l's value in place, keeping everything before it ("key = ")
 * and a trailing '\r'. */
static void replace_value(zline *l, const char *value)
{
    size_t rl = strlen(l->raw);
    int cr = rl > 0 && l->raw[rl - 1] == '\r';
    dr_buf b = DR_BUF_INIT;
    dr_buf_append(&b, l->raw, l->vpos);
    dr_buf_puts(&b, value);
    if (cr)
        dr_buf_putc(&b, '\r');
    free(l->raw);
    l->raw = dr_buf_steal(&b, NULL);
    free(l->value);
    l->value = dr_strdup(value);
}

static zline *new_key_line(zkconf *c, size_t at, const char *key, const char *value)
{
    zline *l = insert_line(c, at);
    l->type = LINE_KEY;
    l->key = dr_strdup(key);
    l->value = dr_strdup(value);
    dr_buf b = DR_BUF_INIT;
    dr_buf_printf(&b, "%s=%s", key, value);
    l->raw = dr_buf_steal(&b, NULL);
    l->vpos = strlen(key) + 1;
    return l;
}

void zkconf_set(zkconf *c, const char *key, const char *value)
{
    zline *l = find_last(c, key);
    if (l) {
        if (strcmp(l->value, value) != 0)
            replace_value(l, value);
        return;
    }
    size_t at = c->n;
    for (size_t i = c->n; i-- > 0;)
        if (c->lines[i].type != LINE_OTHER) {
            at = i + 1;
            break;
        }
    new_key_line(c, at, key, value);
}

size_t zkconf_unset(zkconf *c, const char *key)
{
    size_t removed = 0;
    for (size_t i = c->n; i-- > 0;)
        if (c->lines[i].type != LINE_OTHER && strcmp(c->lines[i].key, key) == 0) {
            delete_line(c, i);
            removed++;
        }
    return removed;
}

/* ---- memberships ---------------------------------------------------------- */

static void copy_server(void *dst, const void *src)
{
    zkconf_server_copy(dst, src);
}

static void clear_server(void *s)
{
    zkconf_server_clear(s);
}

static const idlist_type SERVERS = {sizeof(zkconf_server), copy_server, clear_server};
_Static_assert(offsetof(zkconf_server, id) == 0, "idlist reads the id first");

void zkconf_members_free(zkconf_members *m)
{
    idlist_free(&SERVERS, m->v, m->n);
    m->v = NULL;
    m->n = 0;
}

zkconf_server *zkconf_members_find(const zkconf_members *m, long id)
{
    return idlist_find(&SERVERS, m->v, m->n, id);
}

void zkconf_members_add(zkconf_members *m, const zkconf_server *s)
{
    m->v = idlist_add(&SERVERS, m->v, &m->n, s);
}

void zkconf_members_copy(zkconf_members *dst, const zkconf_members *src)
{
    zkconf_members_free(dst);
    for (size_t i = 0; i < src->n; i++)
        zkconf_members_add(dst, &src->v[i]);
}

size_t zkconf_members_count(const zkconf_members *m, zkconf_role role)
{
    size_t n = 0;
    for (size_t i = 0; i < m->n; i++)
        n += m->v[i].role == role;
    return n;
}

void zkconf_members_get(const zkconf *c, zkconf_members *out)
{
    zkconf_members_free(out);
    for (size_t i = 0; i < c->n; i++)
        if (c->lines[i].type == LINE_SERVER)
            zkconf_members_add(out, &c->lines[i].srv);
}

/* A host as a server line can carry it: a name or IPv4 address
 * ([A-Za-z0-9._-]), or an IPv6 address (hex digits, ':' and '.', written in
 * brackets).  Anything else (spaces, ';', ',', '=', '|', ...) would change
 * the meaning of the line or of a reconfig list. */
static int valid_host(const char *h)
{
    if (!h || !*h)
        return 0;
    int colon = strchr(h, ':') != NULL;
    for (const char *p = h; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (colon ? !(isxdigit(c) || c == ':' || c == '.')
                  : !(isalnum(c) || c == '.' || c == '-' || c == '_'))
            return 0;
    }
    return 1;
}

static void id_list(const zkconf_members *m, int role, dr_buf *out)
{
    for (size_t i = 0; i < m->n; i++)
        if (role < 0 || (int)m->v[i].role == role)
            dr_buf_printf(out, "%s%ld", out->len ? "," : "", m->v[i].id);
}

int zkconf_members_validate(const zkconf_members *m, dr_err *err)
{
    if (m->n == 0)
        return dr_err_set(err, DR_EINVAL, "membership: no servers");
    for (size_t i = 0; i < m->n; i++) {
        const zkconf_server *s = &m->v[i];
        if (s->id <= 0)
            return dr_err_set(err, DR_EINVAL, "membership: server id %ld: ids must be positive",
                              s->id);
        if (!s->host || !s->host[0])
            return dr_err_set(err, DR_EINVAL, "membership: server.%ld has no host", s->id);
        if (!valid_host(s->host) || (s->client_host && !valid_host(s->client_host)))
            return dr_err_set(err, DR_EINVAL,
                              "membership: server.%ld: '%s' is not a host name or address", s->id,
                              valid_host(s->host) ? s->client_host : s->host);
        if (s->quorum_port < 1 || s->quorum_port > 65535 || s->election_port < 1 ||
            s->election_port > 65535 || s->client_port < 0 || s->client_port > 65535)
            return dr_err_set(err, DR_EINVAL, "membership: server.%ld: ports must be 1-65535",
                              s->id);
        if (s->quorum_port == s->election_port)
            return dr_err_set(err, DR_EINVAL,
                              "membership: server.%ld: quorum and election ports are both %d",
                              s->id, s->quorum_port);
        for (size_t j = 0; j < i; j++) {
            const zkconf_server *o = &m->v[j];
            if (o->id == s->id)
                return dr_err_set(err, DR_EINVAL, "membership: server id %ld appears twice", s->id);
            if (strcmp(o->host, s->host) == 0 && o->quorum_port == s->quorum_port)
                return dr_err_set(err, DR_EINVAL,
                                  "membership: server.%ld and server.%ld both use %s:%d", o->id,
                                  s->id, s->host, s->quorum_port);
        }
    }
    size_t np = zkconf_members_count(m, ZKCONF_PARTICIPANT);
    if (np % 2 == 0) {
        dr_buf ids = DR_BUF_INIT;
        id_list(m, ZKCONF_PARTICIPANT, &ids);
        dr_err_set(err, DR_EINVAL,
                   "membership: %zu participants (%s): an odd number is needed (an even "
                   "ensemble survives no more failures than one server less, and %s)",
                   np, np ? ids.data : "none",
                   np ? "splits evenly" : "without participants there is no quorum");
        dr_buf_free(&ids);
        return DR_EINVAL;
    }
    return 0;
}

int zkconf_members_check_hosts(const zkconf_members *a, const zkconf_members *b, dr_err *err)
{
    for (size_t i = 0; i < b->n; i++) {
        const zkconf_server *o = zkconf_members_find(a, b->v[i].id);
        if (o && o->host && b->v[i].host && strcmp(o->host, b->v[i].host) != 0)
            return dr_err_set(err, DR_ECONFLICT,
                              "membership: server.%ld is %s in one config and %s in the other: "
                              "an id must stay mapped to its host",
                              o->id, o->host, b->v[i].host);
    }
    return 0;
}

int zkconf_after_failover(const zkconf_members *cur, const zkconf_members *site,
                          zkconf_members *out, dr_err *err)
{
    zkconf_members_free(out);
    int r = zkconf_members_check_hosts(cur, site, err);
    if (r)
        return dr_err_wrap(err, "after failover");
    for (size_t i = 0; i < site->n; i++) {
        zkconf_server s = site->v[i];
        s.role = ZKCONF_PARTICIPANT;
        zkconf_members_add(out, &s);
    }
    r = zkconf_members_validate(out, err);
    return r ? dr_err_wrap(err, "after failover") : 0;
}

int zkconf_after_recovery(const zkconf_members *cur, const zkconf_members *other_site,
                          zkconf_members *out, dr_err *err)
{
    zkconf_members_free(out);
    int r = zkconf_members_check_hosts(cur, other_site, err);
    if (r)
        return dr_err_wrap(err, "after recovery");
    zkconf_members_copy(out, cur);
    for (size_t i = 0; i < other_site->n; i++) {
        zkconf_server s = other_site->v[i];
        const zkconf_server *have = zkconf_members_find(cur, s.id);
        if (have && have->role == ZKCONF_PARTICIPANT) {
            zkconf_members_free(out);
            return dr_err_set(err, DR_ECONFLICT,
                              "after recovery: server.%ld (%s) is a participant of the current "
                              "ensemble; the returning site joins as observers only",
                              s.id, s.host);
        }
        s.role = ZKCONF_OBSERVER;
        zkconf_members_add(out, &s);
    }
    r = zkconf_members_validate(out, err);
    return r ? dr_err_wrap(err, "after recovery") : 0;
}

int zkconf_after_failback(const zkconf_members *primary, const zkconf_members *standby,
                          zkconf_members *out, dr_err *err)
{
    zkconf_members_free(out);
    int r = zkconf_members_check_hosts(primary, standby, err);
    if (r)
        return dr_err_wrap(err, "after failback");
    for (size_t i = 0; i < standby->n; i++) {
        if (zkconf_members_find(primary, standby->v[i].id))
            return dr_err_set(err, DR_ECONFLICT,
                              "after failback: server.%ld is listed in both sites",
                              standby->v[i].id);
    }
    for (size_t i = 0; i < primary->n; i++) {
        zkconf_server s = primary->v[i];
        s.role = ZKCONF_PARTICIPANT;
        zkconf_members_add(out, &s);
    }
    for (size_t i = 0; i < standby->n; i++) {
        zkconf_server s = standby->v[i];
        s.role = ZKCONF_OBSERVER;
        zkconf_members_add(out, &s);
    }
    r = zkconf_members_validate(out, err);
    return r ? dr_err_wrap(err, "after failback") : 0;
}

static int set_role(zkconf_members *m, long id, zkconf_role role, dr_err *err)
{
    zkconf_server *s = zkconf_members_find(m, id);
    if (!s)
        return dr_err_set(err, DR_ENOTFOUND, "membership: no server.%ld", id);
    s->role = role;
    return 0;
}

int zkconf_promote(zkconf_members *m, long id, dr_err *err)
{
    return set_role(m, id, ZKCONF_PARTICIPANT, err);
}

int zkconf_demote(zkconf_members *m, long id, dr_err *err)
{
    return set_role(m, id, ZKCONF_OBSERVER, err);
}

void zkconf_reconfig_args(const zkconf_members *from, const zkconf_members *to, dr_buf *joining,
                          dr_buf *leaving)
{
    dr_buf_reset(joining);
    dr_buf_reset(leaving);
    dr_buf_append(joining, "", 0);
    dr_buf_append(leaving, "", 0);
    for (size_t i = 0; i < to->n; i++) {
        const zkconf_server *old = zkconf_members_find(from, to->v[i].id);
        if (old && server_equal(old, &to->v[i]))
            continue;
        dr_buf_printf(joining, "%sserver.%ld=", joining->len ? "," : "", to->v[i].id);
        zkconf_server_format(&to->v[i], joining);
    }
    for (size_t i = 0; i < from->n; i++)
        if (!zkconf_members_find(to, from->v[i].id))
            dr_buf_printf(leaving, "%s%ld", leaving->len ? "," : "", from->v[i].id);
}

/* ---- patching a file's membership --------------------------------------- */

static void set_server_line(zline *l, const zkconf_server *s)
{
    dr_buf v = DR_BUF_INIT;
    zkconf_server_format(s, &v);
    replace_value(l, v.data);
    dr_buf_free(&v);
    zkconf_server_clear(&l->srv);
    zkconf_server_copy(&l->srv, s);
}

int zkconf_members_put(zkconf *c, const zkconf_members *m, dr_err *err)
{
    for (size_t i = 0; i < c->n; i++)
        if (c->lines[i].type != LINE_OTHER && strncmp(c->lines[i].key, "group.", 6) == 0)
            return dr_err_set(err, DR_EREFUSED,
                              "%s:%zu: group.N lines (hierarchical quorums) are not supported: "
                              "change this membership by hand",
                              c->name, i + 1);
    /* Drop the lines of servers that leave, then their weights (a weight
     * without a server line was there before us: left alone). */
    zkconf_members gone = {0};
    for (size_t i = c->n; i-- > 0;) {
        zline *l = &c->lines[i];
        if (l->type == LINE_SERVER && !zkconf_members_find(m, l->srv.id)) {
            zkconf_members_add(&gone, &l->srv);
            delete_line(c, i);
        }
    }
    for (size_t i = c->n; i-- > 0;) {
        zline *l = &c->lines[i];
        if (l->type == LINE_KEY && strncmp(l->key, "weight.", 7) == 0) {
            char *end;
            long id = strtol(l->key + 7, &end, 10);
            if (!*end && zkconf_members_find(&gone, id))
                delete_line(c, i);
        }
    }
    zkconf_members_free(&gone);
    /* Rewrite changed servers in place; remember where the last one is. */
    size_t after = SIZE_MAX;
    for (size_t i = 0; i < c->n; i++) {
        zline *l = &c->lines[i];
        if (l->type != LINE_SERVER)
            continue;
        const zkconf_server *s = zkconf_members_find(m, l->srv.id);
        if (!server_equal(&l->srv, s))
            set_server_line(l, s);
        after = i + 1;
    }
    if (after == SIZE_MAX) {
        after = c->n;
        for (size_t i = c->n; i-- > 0;)
            if (c->lines[i].type != LINE_OTHER) {
                after = i + 1;
                break;
            }
    }
    /* New servers, in id order, after the last server line. */
    for (size_t k = 0; k < m->n; k++) {
        const zkconf_server *s = &m->v[k];
        int have = 0;
        for (size_t i = 0; i < c->n && !have; i++)
            have = c->lines[i].type == LINE_SERVER && c->lines[i].srv.id == s->id;
        if (have)
            continue;
        char key[32];
        snprintf(key, sizeof key, "server.%ld", s->id);
        zline *l = new_key_line(c, after++, key, "");
        l->type = LINE_SERVER;
        set_server_line(l, s);
    }
    return 0;
}

/* ---- the writer ----------------------------------------------------------- */

void zkconf_write_free(zkconf_write *w)
{
    free(w->static_text);
    free(w->dynamic_path);
    free(w->dynamic_text);
    for (size_t i = 0; i < w->n_remove; i++)
        free(w->remove[i]);
    free(w->remove);
    memset(w, 0, sizeof *w);
}

int zkconf_versioned_name(const char *path, uint64_t *version)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    if (!dot || dot == base || !dot[1] || strlen(dot + 1) > 16)
        return 0;
    uint64_t v = 0;
    for (const char *p = dot + 1; *p; p++) {
        if (!isxdigit((unsigned char)*p))
            return 0;
        v = v * 16 + (uint64_t)(isdigit((unsigned char)*p) ? *p - '0' : tolower(*p) - 'a' + 10);
    }
    if (version)
        *version = v;
    return 1;
}

static void add_remove(zkconf_write *w, const char *path)
{
    for (size_t i = 0; i < w->n_remove; i++)
        if (strcmp(w->remove[i], path) == 0)
            return;
    w->remove = dr_realloc(w->remove, (w->n_remove + 1) * sizeof *w->remove);
    w->remove[w->n_remove++] = dr_strdup(path);
}

/* 1 when entry is "<base>.<hex>" or "<base>.next". */
static int stale_of(const char *entry, const char *base)
{
    size_t bl = strlen(base);
    if (strncmp(entry, base, bl) != 0 || entry[bl] != '.')
        return 0;
    const char *suffix = entry + bl + 1;
    if (strcmp(suffix, "next") == 0)
        return 1;
    if (!*suffix || strlen(suffix) > 16)
        return 0;
    for (const char *p = suffix; *p; p++)
        if (!isxdigit((unsigned char)*p))
            return 0;
    return 1;
}

/* Copies path's base name, minus a ".<hex>" version suffix. */
static char *unversioned_base(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    if (zkconf_versioned_name(base, NULL))
        n = (size_t)(strrchr(base, '.') - base);
    return dr_strndup(base, n);
}

int zkconf_write_plan(const zkconf *static_cfg, const zkconf_members *m, long self_id,
                      const char *dynamic_path, const char *const *dir_entries, size_t n_entries,
                      zkconf_write *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    if (!dynamic_path || dynamic_path[0] != '/')
        return dr_err_set(err, DR_EINVAL, "%s: the dynamic file needs an absolute path, not '%s'",
                          static_cfg->name, dynamic_path ? dynamic_path : "");
    if (zkconf_versioned_name(dynamic_path, NULL))
        return dr_err_set(err, DR_EINVAL,
                          "%s: '%s' ends in a version suffix: choose a name without one "
                          "(ZooKeeper gives versions)",
                          static_cfg->name, dynamic_path);
    int r = zkconf_members_validate(m, err);
    if (r)
        return dr_err_wrap(err, "%s", static_cfg->name);
    if (!zkconf_members_find(m, self_id))
        return dr_err_set(err, DR_EINVAL, "%s: this node (server.%ld) is not in the membership",
                          static_cfg->name, self_id);

    /* Work on a copy: render and parse back (the text is ours, it parses). */
    dr_buf text = DR_BUF_INIT;
    zkconf_render(static_cfg, &text);
    zkconf *st = NULL;
    r = zkconf_parse(static_cfg->name, text.data, text.len, ZKCONF_STATIC, &st, err);
    dr_buf_free(&text);
    if (r)
        return r;
    for (size_t i = 0; i < st->n; i++)
        if (st->lines[i].type != LINE_OTHER && strncmp(st->lines[i].key, "group.", 6) == 0) {
            r = dr_err_set(err, DR_EREFUSED,
                           "%s:%zu: group.N lines (hierarchical quorums) are not supported: "
                           "change this membership by hand",
                           st->name, i + 1);
            zkconf_free(st);
            return r;
        }

    /* Client ports move from zoo.cfg into the server lines. */
    zkconf_members mm = {0};
    zkconf_members_copy(&mm, m);
    const char *cp = zkconf_get(st, "clientPort");
    const char *cpa = zkconf_get(st, "clientPortAddress");
    if (cpa && cpa[0] && !valid_host(cpa)) {
        r = dr_err_set(err, DR_EINVAL,
                       "%s: clientPortAddress '%s' is not a host name or address: it cannot move "
                       "into a server line",
                       st->name, cpa);
        zkconf_members_free(&mm);
        zkconf_free(st);
        return r;
    }
    int port = cp ? parse_port(cp, strlen(cp)) : -1;
    if (cp && port < 0) {
        r = dr_err_set(err, DR_EINVAL, "%s: clientPort '%s' is not a port (1-65535)", st->name, cp);
        zkconf_members_free(&mm);
        zkconf_free(st);
        return r;
    }
    for (size_t i = 0; i < mm.n; i++) {
        zkconf_server *s = &mm.v[i];
        if (s->client_port == 0 && port > 0)
            s->client_port = port;
        if (s->id == self_id && !s->client_host && cpa && cpa[0] && s->client_port > 0)
            s->client_host = dr_strdup(cpa);
        if (s->client_port == 0) {
            r = dr_err_set(err, DR_EINVAL,
                           "%s: server.%ld has no client port and zoo.cfg has no clientPort to "
                           "give it: ZooKeeper would not serve clients",
                           st->name, s->id);
            zkconf_members_free(&mm);
            zkconf_free(st);
            return r;
        }
    }
    zkconf_unset(st, "clientPort");
    zkconf_unset(st, "clientPortAddress");
    for (size_t i = st->n; i-- > 0;)
        if (st->lines[i].type != LINE_OTHER && zkconf_key_is_dynamic(st->lines[i].key))
            delete_line(st, i);
    const zkconf_server *self = zkconf_members_find(&mm, self_id);
    const char *peer = zkconf_get(st, "peerType");
    if (self->role == ZKCONF_PARTICIPANT && peer && strcasecmp(peer, "observer") == 0)
        zkconf_unset(st, "peerType");
    char *old_dynamic =
        zkconf_get(st, "dynamicConfigFile") ? dr_strdup(zkconf_get(st, "dynamicConfigFile")) : NULL;
    zkconf_set(st, "dynamicConfigFile", dynamic_path);

    dr_buf b = DR_BUF_INIT;
    zkconf_render(st, &b);
    out->static_text = dr_buf_steal(&b, &out->static_len);
    out->dynamic_path = dr_strdup(dynamic_path);
    for (size_t i = 0; i < mm.n; i++) {
        dr_buf_printf(&b, "server.%ld=", mm.v[i].id);
        zkconf_server_format(&mm.v[i], &b);
        dr_buf_putc(&b, '\n');
    }
    out->dynamic_text = dr_buf_steal(&b, &out->dynamic_len);

    /* Stale dynamic files: versions of the old and the new name, the old
     * file itself; never the file we write. */
    const char *slash = strrchr(dynamic_path, '/');
    size_t dirlen = (size_t)(slash - dynamic_path);
    char *new_base = unversioned_base(dynamic_path);
    char *old_base = old_dynamic ? unversioned_base(old_dynamic) : NULL;
    for (size_t i = 0; i < n_entries; i++) {
        const char *e = dir_entries[i];
        if (!e || strchr(e, '/') || strcmp(e, new_base) == 0)
            continue;
        if (stale_of(e, new_base) || (old_base && stale_of(e, old_base))) {
            dr_buf_printf(&b, "%.*s/%s", (int)dirlen, dynamic_path, e);
            add_remove(out, b.data);
            dr_buf_reset(&b);
        }
    }
    if (old_dynamic && strcmp(old_dynamic, dynamic_path) != 0)
        add_remove(out, old_dynamic);
    dr_buf_free(&b);
    free(new_base);
    free(old_base);
    free(old_dynamic);
    zkconf_members_free(&mm);
    zkconf_free(st);
    return 0;
}
