/* inventory: YAML inventory loader and resolver (see include/inventory.h
 * and sites/example.yaml for the format).
 *
 * libyaml builds the document tree (with positions); one pass walks it by
 * the schema, expanding ${ENV}, checking each key and value and resolving
 * every node against the defaults; a second pass checks the rules that span
 * nodes (inventory_rules.c: unique names, ids, host:port pairs, shards on
 * both sites, one primary, an odd quorum).  Every problem is recorded and
 * the walk goes on, so one run reports them all.  The writers are
 * inventory_yaml.c and inventory_json.c.
 *
 * Everything a loaded inventory points to lives in one arena freed by
 * inventory_free(). */
#include <ctype.h>
#include <stdalign.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "inventory.h"
#include "inventory_int.h"

/* ---- arena ---------------------------------------------------------- */

void *inventory__arena_alloc(arena *a, size_t n)
{
    const size_t align = alignof(max_align_t);
    n = (n + align - 1) / align * align;
    if (n == 0)
        n = align;
    chunk *c = a->head;
    if (!c || c->cap - c->used < n) {
        size_t cap = n > 16384 ? n : 16384;
        c = dr_malloc(sizeof *c + cap);
        c->cap = cap;
        c->used = 0;
        c->next = a->head;
        a->head = c;
    }
    void *p = c->data + c->used;
    c->used += n;
    memset(p, 0, n);
    return p;
}

static char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *p = inventory__arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static char *arena_strdup(arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

static void arena_free(arena *a)
{
    chunk *c = a->head;
    while (c) {
        chunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
}

/* The inventory_t handed out is the first member, so inventory_free can find
 * the arena that holds everything it points to. */
typedef struct owner {
    inventory_t inv;
    arena a;
} owner;

/* ---- errors --------------------------------------------------------- */

void inventory_errors_init(inventory_errors *errs)
{
    memset(errs, 0, sizeof *errs);
}

void inventory_errors_free(inventory_errors *errs)
{
    if (!errs)
        return;
    for (size_t i = 0; i < errs->count; i++)
        free(errs->items[i].message);
    free(errs->items);
    free(errs->file);
    inventory_errors_init(errs);
}

void inventory_errors_format(const inventory_errors *errs, dr_buf *out)
{
    for (size_t i = 0; i < errs->count; i++) {
        const inventory_error *e = &errs->items[i];
        if (e->line)
            dr_buf_printf(out, "%s:%u:%u: %s\n", errs->file ? errs->file : "-", e->line, e->column,
                          e->message);
        else
            dr_buf_printf(out, "%s: %s\n", errs->file ? errs->file : "-", e->message);
    }
}

/* ---- the loader ----------------------------------------------------- */

#define KF(k, t, kinds, member, zk, chk)                                                           \
    {                                                                                              \
        k, t, kinds, offsetof(inventory_keeper, member),                                           \
        {                                                                                          \
            zk, chk                                                                                \
        }                                                                                          \
    }
#define CF(k, t, member, def)                                                                      \
    {                                                                                              \
        k, t, 0, offsetof(inventory_clickhouse, member),                                           \
        {                                                                                          \
            def, NULL                                                                              \
        }                                                                                          \
    }

const field inventory__keeper_fields[] = {
    KF("client_port", FT_PORT, KIND_ZK | KIND_CHK, client_port, "2181", "9181"),
    KF("quorum_port", FT_PORT, KIND_ZK, quorum_port, "2888", NULL),
    KF("election_port", FT_PORT, KIND_ZK, election_port, "3888", NULL),
    KF("raft_port", FT_PORT, KIND_CHK, raft_port, NULL, "9234"),
    KF("config", FT_PATH, KIND_ZK | KIND_CHK, config, "/etc/zookeeper/conf/zoo.cfg",
       "/etc/clickhouse-keeper/keeper_config.xml"),
    KF("data_dir", FT_PATH, KIND_ZK, data_dir, "/var/lib/zookeeper", NULL),
    KF("data_log_dir", FT_PATH, KIND_ZK, data_log_dir, NULL, NULL),
    KF("log_storage_path", FT_PATH, KIND_CHK, log_storage_path, NULL,
       "/var/lib/clickhouse/coordination/log"),
    KF("snapshot_storage_path", FT_PATH, KIND_CHK, snapshot_storage_path, NULL,
       "/var/lib/clickhouse/coordination/snapshots"),
    KF("start", FT_CMD, KIND_ZK | KIND_CHK, start, "systemctl start zookeeper",
       "systemctl start clickhouse-keeper"),
    KF("stop", FT_CMD, KIND_ZK | KIND_CHK, stop, "systemctl stop zookeeper",
       "systemctl stop clickhouse-keeper"),
    KF("restart", FT_CMD, KIND_ZK | KIND_CHK, restart, "systemctl restart zookeeper",
       "systemctl restart clickhouse-keeper"),
    KF("status", FT_CMD, KIND_ZK | KIND_CHK, status, "systemctl is-active zookeeper",
       "systemctl is-active clickhouse-keeper"),
    KF("disable", FT_OPTCMD, KIND_ZK | KIND_CHK, disable, "systemctl disable --now zookeeper",
       "systemctl disable --now clickhouse-keeper"),
    KF("enable", FT_OPTCMD, KIND_ZK | KIND_CHK, enable, "systemctl enable zookeeper",
       "systemctl enable clickhouse-keeper"),
    KF("ssh_user", FT_USER, KIND_ZK | KIND_CHK, ssh_user, NULL, NULL),
    KF("ssh_port", FT_PORT, KIND_ZK | KIND_CHK, ssh_port, NULL, NULL),
    KF("become", FT_WORD, KIND_ZK | KIND_CHK, become, NULL, NULL),
};
#define N_KFIELDS (sizeof inventory__keeper_fields / sizeof inventory__keeper_fields[0])

const field inventory__ch_fields[] = {
    CF("http_port", FT_PORT, http_port, "8123"),
    CF("tcp_port", FT_PORT, tcp_port, "9000"),
    CF("interserver_port", FT_PORT, interserver_port, "9009"),
    CF("config", FT_PATH, config, "/etc/clickhouse-server/config.xml"),
    CF("zookeeper_xml", FT_PATH, zookeeper_xml, "/etc/clickhouse-server/config.d/zookeeper.xml"),
    CF("remote_servers_xml", FT_PATH, remote_servers_xml,
       "/etc/clickhouse-server/config.d/remote_servers.xml"),
    CF("macros_xml", FT_PATH, macros_xml, "/etc/clickhouse-server/config.d/macros.xml"),
    CF("start", FT_CMD, start, "systemctl start clickhouse-server"),
    CF("stop", FT_CMD, stop, "systemctl stop clickhouse-server"),
    CF("restart", FT_CMD, restart, "systemctl restart clickhouse-server"),
    CF("status", FT_CMD, status, "systemctl is-active clickhouse-server"),
    CF("disable", FT_OPTCMD, disable, "systemctl disable --now clickhouse-server"),
    CF("enable", FT_OPTCMD, enable, "systemctl enable clickhouse-server"),
    CF("stop_timeout", FT_SECONDS, stop_timeout, NULL),
    CF("kill", FT_OPTCMD, kill, "systemctl kill --signal=SIGKILL clickhouse-server"),
    CF("ssh_user", FT_USER, ssh_user, NULL),
    CF("ssh_port", FT_PORT, ssh_port, NULL),
    CF("become", FT_WORD, become, NULL),
    CF("https", FT_WORD, https, "false"),
    CF("ca_file", FT_PATH, ca_file, NULL),
    CF("cert_file", FT_PATH, cert_file, NULL),
    CF("key_file", FT_PATH, key_file, NULL),
};
#define N_CFIELDS (sizeof inventory__ch_fields / sizeof inventory__ch_fields[0])
const size_t inventory__n_keeper_fields = N_KFIELDS;
const size_t inventory__n_ch_fields = N_CFIELDS;
_Static_assert(N_KFIELDS <= MAX_FIELDS && N_CFIELDS <= MAX_FIELDS, "raise MAX_FIELDS");

static void verror_at(loader *L, unsigned line, unsigned column, const char *fmt, va_list ap)
{
    L->n_errors++;
    inventory_errors *e = L->errs;
    if (!e)
        return;
    if (e->count == e->cap) {
        e->cap = e->cap ? e->cap * 2 : 16;
        e->items = dr_realloc(e->items, e->cap * sizeof *e->items);
    }
    dr_buf b = DR_BUF_INIT;
    dr_buf_vprintf(&b, fmt, ap);
    e->items[e->count].line = line;
    e->items[e->count].column = column;
    e->items[e->count].message = dr_buf_steal(&b, NULL);
    e->count++;
}

void inventory__error_at(loader *L, yaml_mark_t m, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror_at(L, (unsigned)m.line + 1, (unsigned)m.column + 1, fmt, ap);
    va_end(ap);
}

void inventory__error_pos(loader *L, const inventory_pos *p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror_at(L, p->line, p->column, fmt, ap);
    va_end(ap);
}

static inventory_pos pos_of(loader *L, yaml_mark_t m)
{
    inventory_pos p = {L->file, (unsigned)m.line + 1, (unsigned)m.column + 1};
    return p;
}

static yaml_node_t *node_at(loader *L, int index)
{
    return yaml_document_get_node(&L->doc, index);
}

static const char *kind_of(const yaml_node_t *n)
{
    switch (n->type) {
    case YAML_MAPPING_NODE:
        return "a mapping";
    case YAML_SEQUENCE_NODE:
        return "a list";
    case YAML_SCALAR_NODE:
        return n->data.scalar.length ? "a scalar" : "nothing";
    default:
        return "nothing";
    }
}

/* A short, printable rendering of text from the file for a message: control
 * characters escaped, long text cut. */
static const char *printable(loader *L, const char *s, size_t n)
{
    dr_buf b = DR_BUF_INIT;
    for (size_t i = 0; i < n && i < 64; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7f || c == '\'')
            dr_buf_printf(&b, "\\x%02x", c);
        else
            dr_buf_putc(&b, (char)c);
    }
    if (n > 64)
        dr_buf_puts(&b, "...");
    char *t = arena_strdup(L->a, b.data ? b.data : "");
    dr_buf_free(&b);
    return t;
}

static bool is_null_scalar(const yaml_node_t *n)
{
    if (n->type != YAML_SCALAR_NODE || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
        return false;
    const char *v = (const char *)n->data.scalar.value;
    return !strcmp(v, "") || !strcmp(v, "~") || !strcmp(v, "null") || !strcmp(v, "Null") ||
           !strcmp(v, "NULL");
}

static bool env_name_ok(const char *s, size_t n)
{
    if (n == 0 || !(isalpha((unsigned char)s[0]) || s[0] == '_'))
        return false;
    for (size_t i = 1; i < n; i++)
        if (!(isalnum((unsigned char)s[i]) || s[i] == '_'))
            return false;
    return true;
}

static const char *get_env(loader *L, const char *name)
{
    if (L->opts && L->opts->getenv)
        return L->opts->getenv(name, L->opts->getenv_ctx);
    return getenv(name);
}

/* The position of byte off of a scalar's value, when it can be known: exact
 * for one-line plain and quoted scalars without escapes, else the start. */
static yaml_mark_t mark_in_scalar(const yaml_node_t *n, size_t off)
{
    yaml_mark_t m = n->start_mark;
    if (n->start_mark.line != n->end_mark.line)
        return m;
    switch (n->data.scalar.style) {
    case YAML_PLAIN_SCALAR_STYLE:
        m.column += off;
        break;
    case YAML_SINGLE_QUOTED_SCALAR_STYLE:
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
        if (n->end_mark.column - n->start_mark.column == n->data.scalar.length + 2)
            m.column += off + 1;
        break;
    default:
        break;
    }
    return m;
}

/* True the first time name is seen (it is then remembered in seen, a list
 * of NUL-terminated names). */
static bool first_report(dr_buf *seen, const char *name)
{
    for (size_t k = 0; k < seen->len; k += strlen(seen->data + k) + 1)
        if (!strcmp(seen->data + k, name))
            return false;
    dr_buf_append(seen, name, strlen(name) + 1);
    return true;
}

/* The scalar's text with ${NAME} and ${NAME:-default} replaced (and $${ for
 * a literal ${), in the arena; NULL after reporting a problem.  what says
 * what was expected, for "expected WHAT, found a list". */
static const char *scalar_text(loader *L, const yaml_node_t *n, const char *what)
{
    if (n->type != YAML_SCALAR_NODE || is_null_scalar(n)) {
        inventory__error_at(L, n->start_mark, "expected %s, found %s", what, kind_of(n));
        return NULL;
    }
    const char *v = (const char *)n->data.scalar.value;
    size_t len = n->data.scalar.length;
    if (memchr(v, '\0', len)) {
        inventory__error_at(L, n->start_mark, "expected %s, found text with a NUL character", what);
        return NULL;
    }
    if (len == 0) {
        inventory__error_at(L, n->start_mark, "expected %s, found an empty value", what);
        return NULL;
    }
    if (!strstr(v, "${"))
        return arena_strndup(L->a, v, len);
    dr_buf b = DR_BUF_INIT;
    bool ok = true;
    size_t i = 0;
    while (i < len) {
        if (v[i] == '$' && i + 2 < len && v[i + 1] == '$' && v[i + 2] == '{') {
            dr_buf_puts(&b, "${");
            i += 3;
            continue;
        }
        if (!(v[i] == '$' && i + 1 < len && v[i + 1] == '{')) {
            dr_buf_putc(&b, v[i++]);
            continue;
        }
        const char *body = v + i + 2;
        const char *close = memchr(body, '}', len - (i + 2));
        if (!close) {
            inventory__error_at(L, mark_in_scalar(n, i),
                                "expected '}' to close '${' (write $${ for a literal ${)");
            ok = false;
            break;
        }
        size_t blen = (size_t)(close - body);
        const char *sep = NULL;
        for (size_t k = 0; k + 1 < blen; k++)
            if (body[k] == ':' && body[k + 1] == '-') {
                sep = body + k;
                break;
            }
        size_t nlen = sep ? (size_t)(sep - body) : blen;
        if (!env_name_ok(body, nlen)) {
            inventory__error_at(
                L, mark_in_scalar(n, i + 2),
                "expected an environment variable name in '${%s}' (letters, digits, _)",
                printable(L, body, blen));
            ok = false;
        } else {
            char *name = dr_strndup(body, nlen);
            const char *val = get_env(L, name);
            if (val && *val) {
                dr_buf_puts(&b, val);
            } else if (sep) {
                dr_buf_append(&b, sep + 2, blen - nlen - 2);
            } else {
                /* once per variable: the first use says it all */
                if (first_report(&L->unset_vars, name))
                    inventory__error_at(
                        L, mark_in_scalar(n, i),
                        "environment variable %s is %s (write ${%s:-default} to give a "
                        "default; reported at its first use only)",
                        name, val ? "empty" : "not set", name);
                ok = false;
            }
            free(name);
        }
        i += 2 + blen + 1;
    }
    const char *out = NULL;
    if (ok)
        out = arena_strndup(L->a, b.data ? b.data : "", b.len);
    dr_buf_free(&b);
    if (ok && !*out) {
        inventory__error_at(L, n->start_mark, "expected %s, found an empty value", what);
        return NULL;
    }
    return out;
}

static bool parse_int(const char *s, long lo, long hi, long *out)
{
    if (!*s)
        return false;
    long v = 0;
    for (const char *p = s; *p; p++) {
        if (!isdigit((unsigned char)*p))
            return false;
        v = v * 10 + (*p - '0');
        if (v > hi)
            return false;
    }
    if (v < lo)
        return false;
    *out = v;
    return true;
}

static bool scalar_int(loader *L, const yaml_node_t *n, long lo, long hi, const char *what,
                       long *out)
{
    const char *s = scalar_text(L, n, what);
    if (!s)
        return false;
    if (!parse_int(s, lo, hi, out)) {
        inventory__error_at(L, n->start_mark, "expected %s, found '%s'", what,
                            printable(L, s, strlen(s)));
        return false;
    }
    return true;
}

/* true/false (YAML 1.1's yes/no and on/off too: operators write them). */
static bool scalar_bool(loader *L, const yaml_node_t *n, const char *what, int *out)
{
    const char *s = scalar_text(L, n, what);
    if (!s)
        return false;
    static const char *const yes[] = {"true", "True", "TRUE", "yes", "Yes", "on", "On"};
    static const char *const no[] = {"false", "False", "FALSE", "no", "No", "off", "Off"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (!strcmp(s, yes[i]))
            return *out = 1, true;
        if (!strcmp(s, no[i]))
            return *out = 0, true;
    }
    inventory__error_at(L, n->start_mark, "expected %s, found '%s'", what,
                        printable(L, s, strlen(s)));
    return false;
}

static bool scalar_port(loader *L, const yaml_node_t *n, int *out)
{
    long v;
    if (!scalar_int(L, n, 1, 65535, "a port number (1..65535)", &v))
        return false;
    *out = (int)v;
    return true;
}

/* Names of sites and nodes end up in paths ({name}) and in messages: keep
 * them to letters, digits, '.', '_' and '-'. */
static const char *scalar_name(loader *L, const yaml_node_t *n, const char *what)
{
    const char *s = scalar_text(L, n, what);
    if (!s)
        return NULL;
    for (const char *p = s; *p; p++)
        if (!(isalnum((unsigned char)*p) || *p == '.' || *p == '_' || *p == '-')) {
            inventory__error_at(L, n->start_mark,
                                "expected %s (letters, digits, '.', '_', '-'), found '%s'", what,
                                printable(L, s, strlen(s)));
            return NULL;
        }
    if (s[0] == '-' || s[0] == '.') {
        inventory__error_at(L, n->start_mark, "expected %s not starting with '%c', found '%s'",
                            what, s[0], printable(L, s, strlen(s)));
        return NULL;
    }
    return s;
}

static bool name_ok(const char *s)
{
    for (const char *p = s; *p; p++)
        if (!(isalnum((unsigned char)*p) || *p == '.' || *p == '_' || *p == '-'))
            return false;
    return *s && s[0] != '-' && s[0] != '.';
}

/* A node without a name is called by its host, when the host makes a
 * usable name (an IPv6 address does not). */
static const char *default_name(loader *L, const yaml_node_t *n, const char *host)
{
    if (!host)
        return NULL;
    if (name_ok(host))
        return host;
    inventory__error_at(L, n->start_mark,
                        "missing key 'name': the host '%s' is not usable as a node name",
                        printable(L, host, strlen(host)));
    return NULL;
}

static const char *scalar_host(loader *L, const yaml_node_t *n)
{
    const char *s = scalar_text(L, n, "a host name or address");
    if (!s)
        return NULL;
    for (const char *p = s; *p; p++)
        if (!(isalnum((unsigned char)*p) || strchr(".-_:%[]", *p))) {
            inventory__error_at(L, n->start_mark, "expected a host name or address, found '%s'",
                                printable(L, s, strlen(s)));
            return NULL;
        }
    return s;
}

/* A path on this machine (keys, secrets): absolute, or ~/ for $HOME.  For a
 * secret's path the value is not repeated in a message: an operator may have
 * pasted the secret itself there. */
static const char *scalar_local_path(loader *L, const yaml_node_t *n, bool secret)
{
    const char *s = scalar_text(L, n, "a local file path");
    if (!s)
        return NULL;
    if (s[0] == '~' && s[1] == '/') {
        const char *home = get_env(L, "HOME");
        if (!home || home[0] != '/') {
            inventory__error_at(L, n->start_mark,
                                "expected an absolute path: HOME is not set to expand ~/");
            return NULL;
        }
        size_t hl = strlen(home), sl = strlen(s);
        char *p = inventory__arena_alloc(L->a, hl + sl);
        memcpy(p, home, hl);
        memcpy(p + hl, s + 1, sl); /* includes the terminator */
        return p;
    }
    if (s[0] != '/') {
        if (secret)
            inventory__error_at(
                L, n->start_mark,
                "expected the absolute path (or ~/...) of the file holding the secret");
        else
            inventory__error_at(L, n->start_mark, "expected an absolute path or ~/..., found '%s'",
                                printable(L, s, strlen(s)));
        return NULL;
    }
    return s;
}

/* ---- keys ----------------------------------------------------------- */

/* Edit distance with adjacent transpositions counted as one edit (optimal
 * string alignment), so "nmae" is one edit from "name". */
static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), w = lb + 1;
    size_t *d = dr_malloc((la + 1) * w * sizeof *d);
    for (size_t i = 0; i <= la; i++)
        d[i * w] = i;
    for (size_t j = 0; j <= lb; j++)
        d[j] = j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            size_t best = d[(i - 1) * w + j - 1] + (a[i - 1] != b[j - 1]);
            if (d[(i - 1) * w + j] + 1 < best)
                best = d[(i - 1) * w + j] + 1;
            if (d[i * w + j - 1] + 1 < best)
                best = d[i * w + j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[(i - 2) * w + j - 2] + 1 < best)
                best = d[(i - 2) * w + j - 2] + 1;
            d[i * w + j] = best;
        }
    size_t r = d[la * w + lb];
    free(d);
    return r;
}

/* The known key closest to key, if it is close enough to be a typo. */
static const char *closest_key(const char *key, const char *const *known, size_t n)
{
    size_t klen = strlen(key);
    if (klen > 64)
        return NULL;
    const char *best = NULL;
    size_t best_d = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        size_t d = edit_distance(key, known[i]);
        if (d < best_d)
            best_d = d, best = known[i];
    }
    size_t limit = klen < 6 ? 1 : klen < 12 ? 2 : 3;
    return best_d <= limit ? best : NULL;
}

static bool has_key(const char *const *known, size_t n, const char *key)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(known[i], key))
            return true;
    return false;
}

static void unknown_key(loader *L, const yaml_node_t *k, const char *key, const char *where,
                        const char *const *known, size_t n)
{
    /* A secret written inline: say where it should go instead. */
    static const char *const secrets[] = {"password", "passphrase", "super_digest",
                                          "secret",   "digest",     "token"};
    for (size_t i = 0; i < sizeof secrets / sizeof secrets[0]; i++) {
        if (strcmp(key, secrets[i]))
            continue;
        char fk[32], ek[32];
        snprintf(fk, sizeof fk, "%s_file", key);
        snprintf(ek, sizeof ek, "%s_env", key);
        if (has_key(known, n, fk))
            inventory__error_at(
                L, k->start_mark,
                "'%s' would put a secret in the inventory: use %s (path of a 0600 file) or "
                "%s (name of an environment variable)",
                key, fk, ek);
        else
            inventory__error_at(L, k->start_mark,
                                "'%s' would put a secret in the inventory, and %s takes none", key,
                                where);
        return;
    }
    const char *near = closest_key(key, known, n);
    if (near) {
        inventory__error_at(L, k->start_mark, "unknown key '%s' in %s (did you mean '%s'?)",
                            printable(L, key, strlen(key)), where, near);
        return;
    }
    dr_buf b = DR_BUF_INIT;
    for (size_t i = 0; i < n; i++)
        dr_buf_printf(&b, "%s%s", i ? ", " : "", known[i]);
    inventory__error_at(L, k->start_mark, "unknown key '%s' in %s (expected one of: %s)",
                        printable(L, key, strlen(key)), where, b.data ? b.data : "");
    dr_buf_free(&b);
}

/* Walks a mapping's keys: each key must be a plain string, known and not
 * repeated.  vals[i] receives the value node of known[i] (or NULL).  Returns
 * false (after reporting) when n is not a mapping. */
#define MAX_KEYS 32

static bool take_keys_k(loader *L, yaml_node_t *n, const char *where, const char *const *known,
                        size_t nknown, yaml_node_t **vals, yaml_node_t **keys)
{
    yaml_node_t *keybuf[MAX_KEYS];
    if (!keys)
        keys = keybuf;
    for (size_t i = 0; i < nknown; i++)
        vals[i] = keys[i] = NULL;
    if (n->type != YAML_MAPPING_NODE) {
        inventory__error_at(L, n->start_mark, "expected %s (a mapping of keys), found %s", where,
                            kind_of(n));
        return false;
    }
    for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
        yaml_node_t *k = node_at(L, p->key), *v = node_at(L, p->value);
        if (!k || !v)
            continue;
        if (k->type != YAML_SCALAR_NODE) {
            inventory__error_at(L, k->start_mark, "expected a key name in %s, found %s", where,
                                kind_of(k));
            continue;
        }
        const char *key = (const char *)k->data.scalar.value;
        if (memchr(key, '\0', k->data.scalar.length)) {
            inventory__error_at(L, k->start_mark,
                                "expected a key name in %s, found a NUL character", where);
            continue;
        }
        size_t i = 0;
        while (i < nknown && strcmp(known[i], key))
            i++;
        if (i == nknown) {
            unknown_key(L, k, key, where, known, nknown);
            continue;
        }
        if (vals[i]) {
            inventory__error_at(L, k->start_mark,
                                "duplicate key '%s' in %s (first given at line %zu)", key, where,
                                keys[i]->start_mark.line + 1);
            continue;
        }
        vals[i] = v;
        keys[i] = k;
    }
    return true;
}

static bool take_keys(loader *L, yaml_node_t *n, const char *where, const char *const *known,
                      size_t nknown, yaml_node_t **vals)
{
    return take_keys_k(L, n, where, known, nknown, vals, NULL);
}

const char *inventory__fmt(loader *L, const char *f, const char *a, const char *b)
{
    dr_buf buf = DR_BUF_INIT;
    dr_buf_printf(&buf, f, a, b);
    const char *s = arena_strdup(L->a, buf.data);
    dr_buf_free(&buf);
    return s;
}

/* ---- placeholders ---------------------------------------------------- */

/* {name} etc. in per-node paths and commands.  A '{' right after '$' is
 * left alone (shell ${VAR}), and {{ is a literal '{'. */
typedef struct ph {
    const char *name, *host, *id, *site, *shard, *replica;
} ph;

static bool ph_ident(const char *s, size_t *len)
{
    size_t n = 0;
    while (islower((unsigned char)s[n]) || s[n] == '_')
        n++;
    if (n == 0 || s[n] != '}')
        return false;
    *len = n;
    return true;
}

/* Reports unknown placeholders in s (written at mark); allowed lists the
 * ones this kind of node has. */
static bool check_placeholders(loader *L, const char *s, yaml_mark_t mark,
                               const char *const *allowed, size_t nallowed, const char *nodekind)
{
    bool ok = true;
    for (size_t i = 0; s[i]; i++) {
        if (s[i] != '{')
            continue;
        if (s[i + 1] == '{') {
            i++;
            continue;
        }
        size_t n;
        if ((i > 0 && s[i - 1] == '$') || !ph_ident(s + i + 1, &n))
            continue;
        char *id = dr_strndup(s + i + 1, n);
        if (!has_key(allowed, nallowed, id)) {
            dr_buf b = DR_BUF_INIT;
            for (size_t k = 0; k < nallowed; k++)
                dr_buf_printf(&b, " {%s}", allowed[k]);
            const char *near = closest_key(id, allowed, nallowed);
            if (near)
                inventory__error_at(L, mark,
                                    "unknown placeholder {%s} for a %s (did you mean {%s}?)", id,
                                    nodekind, near);
            else
                inventory__error_at(L, mark,
                                    "unknown placeholder {%s} for a %s (expected one of:%s)", id,
                                    nodekind, b.data);
            dr_buf_free(&b);
            ok = false;
        }
        free(id);
        i += n + 1;
    }
    return ok;
}

static const char *expand_placeholders(loader *L, const char *s, const ph *v)
{
    if (!strchr(s, '{'))
        return s;
    dr_buf b = DR_BUF_INIT;
    for (size_t i = 0; s[i]; i++) {
        size_t n;
        if (s[i] == '{' && s[i + 1] == '{') {
            dr_buf_putc(&b, '{');
            i++;
        } else if (s[i] == '{' && !(i > 0 && s[i - 1] == '$') && ph_ident(s + i + 1, &n)) {
            const char *id = s + i + 1, *rep = NULL;
            if (n == 4 && !strncmp(id, "name", 4))
                rep = v->name;
            else if (n == 4 && !strncmp(id, "host", 4))
                rep = v->host;
            else if (n == 2 && !strncmp(id, "id", 2))
                rep = v->id;
            else if (n == 4 && !strncmp(id, "site", 4))
                rep = v->site;
            else if (n == 5 && !strncmp(id, "shard", 5))
                rep = v->shard;
            else if (n == 7 && !strncmp(id, "replica", 7))
                rep = v->replica;
            if (rep)
                dr_buf_puts(&b, rep);
            else
                dr_buf_append(&b, s + i, n + 2);
            i += n + 1;
        } else {
            dr_buf_putc(&b, s[i]);
        }
    }
    const char *out = arena_strdup(L->a, b.data ? b.data : "");
    dr_buf_free(&b);
    return out;
}

static const char *const keeper_placeholders[] = {"name", "host", "id", "site"};
static const char *const ch_placeholders[] = {"name", "host", "shard", "replica", "site"};

/* ---- per-node settings ---------------------------------------------- */

static bool field_applies(const loader *L, const field *f, bool keeper)
{
    if (!keeper || !L->kind_known)
        return true;
    unsigned k = L->inv->keeper_kind == INVENTORY_ZOOKEEPER ? KIND_ZK : KIND_CHK;
    return (f->kinds & k) != 0;
}

/* The words an FT_WORD field takes: [0] says what is expected, then the
 * words, then NULL. */
static const char *const *word_choices(const char *key)
{
    static const char *const become[] = {"'sudo' or 'none'", "sudo", "none", NULL};
    static const char *const boolean[] = {"true or false", "true", "false", NULL};
    return strcmp(key, "become") == 0 ? become : boolean;
}

/* Reads one field value node into r (validated as far as it can be before
 * placeholders are replaced). */
static void read_field(loader *L, const field *f, yaml_node_t *v, raw *r, bool keeper,
                       const yaml_node_t *keynode)
{
    if (!field_applies(L, f, keeper)) {
        const char *kind = inventory_keeper_kind_name(L->inv->keeper_kind);
        const char *other = L->inv->keeper_kind == INVENTORY_ZOOKEEPER
                                ? inventory_keeper_kind_name(INVENTORY_CLICKHOUSE_KEEPER)
                                : inventory_keeper_kind_name(INVENTORY_ZOOKEEPER);
        inventory__error_at(L, keynode->start_mark, "'%s' is a %s setting, but keeper.kind is %s",
                            f->key, other, kind);
        return;
    }
    const char *nodekind = keeper ? "keeper" : "clickhouse node";
    const char *const *allowed = keeper ? keeper_placeholders : ch_placeholders;
    size_t nallowed = keeper ? sizeof keeper_placeholders / sizeof keeper_placeholders[0]
                             : sizeof ch_placeholders / sizeof ch_placeholders[0];
    switch (f->type) {
    case FT_PORT:
        if (scalar_port(L, v, &r->num))
            r->s = "", r->mark = v->start_mark;
        return;
    case FT_SECONDS: {
        long secs;
        if (scalar_int(L, v, 1, 3600, "a number of seconds (1..3600)", &secs))
            r->num = (int)secs, r->s = "", r->mark = v->start_mark;
        return;
    }
    case FT_USER: {
        const char *s = scalar_name(L, v, "a user name");
        if (s)
            r->s = s, r->mark = v->start_mark;
        return;
    }
    case FT_WORD: {
        const char *const *w = word_choices(f->key);
        const char *s = scalar_text(L, v, w[0]);
        if (!s)
            return;
        for (size_t i = 1; w[i]; i++)
            if (!strcmp(s, w[i])) {
                r->s = w[i], r->mark = v->start_mark;
                return;
            }
        inventory__error_at(L, v->start_mark, "expected %s, found '%s'", w[0],
                            printable(L, s, strlen(s)));
        return;
    }
    case FT_PATH: {
        const char *s = scalar_text(L, v, "an absolute path");
        if (!s)
            return;
        if (s[0] != '/') {
            inventory__error_at(L, v->start_mark, "expected an absolute path, found '%s'",
                                printable(L, s, strlen(s)));
            return;
        }
        if (check_placeholders(L, s, v->start_mark, allowed, nallowed, nodekind))
            r->s = s, r->mark = v->start_mark;
        return;
    }
    case FT_CMD:
    case FT_OPTCMD: {
        const char *s = scalar_text(L, v, "a shell command");
        if (s && check_placeholders(L, s, v->start_mark, allowed, nallowed, nodekind))
            r->s = s, r->mark = v->start_mark;
        return;
    }
    }
}

/* Parses a defaults section (defaults.zookeeper/keeper or .clickhouse). */
static void parse_defaults_section(loader *L, yaml_node_t *n, bool keeper, raw *out)
{
    const field *fields = keeper ? inventory__keeper_fields : inventory__ch_fields;
    size_t nf = keeper ? N_KFIELDS : N_CFIELDS;
    const char *known[MAX_FIELDS];
    for (size_t i = 0; i < nf; i++)
        known[i] = fields[i].key;
    const char *where = keeper ? "the keeper defaults" : "the clickhouse defaults";
    yaml_node_t *vals[MAX_FIELDS], *keys[MAX_FIELDS];
    if (!take_keys_k(L, n, where, known, nf, vals, keys))
        return;
    for (size_t i = 0; i < nf; i++)
        if (vals[i])
            read_field(L, &fields[i], vals[i], &out[i], keeper, keys[i]);
}

/* Fills each field of a node struct: its own value, else the defaults
 * section's, else the built-in one, with placeholders replaced. */
static void resolve_fields(loader *L, void *node, const inventory_pos *pos, const field *fields,
                           size_t nf, const raw *own, const raw *defs, bool keeper, const ph *v)
{
    int kidx = L->inv->keeper_kind == INVENTORY_ZOOKEEPER ? 0 : 1;
    /* The built-in commands (systemctl) come as a set: once the inventory
     * names any command for a node, none of them is used, so that a lab or
     * a custom install never gets a systemctl call it did not ask for. */
    bool custom_cmds = false;
    for (size_t i = 0; i < nf; i++)
        custom_cmds |= fields[i].type == FT_CMD && (own[i].s || defs[i].s);
    const char *cmd_start = NULL, *cmd_stop = NULL;
    size_t restart_i = nf;
    for (size_t i = 0; i < nf; i++) {
        const field *f = &fields[i];
        if (keeper && !(f->kinds & (kidx ? KIND_CHK : KIND_ZK)))
            continue;
        const raw *r = own[i].s ? &own[i] : defs[i].s ? &defs[i] : NULL;
        char *dst = (char *)node + f->off;
        if (f->type == FT_SECONDS) {
            int secs = r ? r->num : 0;
            memcpy(dst, &secs, sizeof secs);
        } else if (f->type == FT_PORT) {
            int port = 0;
            if (r)
                port = r->num;
            else if (f->builtin[keeper ? kidx : 0])
                port = atoi(f->builtin[keeper ? kidx : 0]);
            else if (!strcmp(f->key, "ssh_port"))
                port = L->inv->ssh.port;
            memcpy(dst, &port, sizeof port);
        } else {
            const char *s = r ? r->s : NULL;
            if (!s && !((f->type == FT_CMD || f->type == FT_OPTCMD) && custom_cmds))
                s = f->builtin[keeper ? kidx : 0];
            if (!s && !strcmp(f->key, "ssh_user"))
                s = L->inv->ssh.user;
            if (!s && !strcmp(f->key, "become"))
                s = L->inv->ssh.become;
            if (s && f->type != FT_USER && f->type != FT_WORD)
                s = expand_placeholders(L, s, v);
            memcpy(dst, &s, sizeof s);
            if (f->type == FT_CMD && !strcmp(f->key, "start"))
                cmd_start = s;
            else if (f->type == FT_CMD && !strcmp(f->key, "stop"))
                cmd_stop = s;
            else if (f->type == FT_CMD && !strcmp(f->key, "restart") && !s)
                restart_i = i;
        }
    }
    if (restart_i < nf && cmd_start && cmd_stop) {
        const char *s = inventory__fmt(L, "%s && %s", cmd_stop, cmd_start);
        memcpy((char *)node + fields[restart_i].off, &s, sizeof s);
    }
    /* what is still missing is an error, reported at the first such node */
    for (size_t i = 0; i < nf; i++) {
        const char *s;
        memcpy(&s, (char *)node + fields[i].off, sizeof s);
        if (fields[i].type != FT_CMD || s || L->cmd_reported[!keeper])
            continue;
        L->cmd_reported[!keeper] = true;
        inventory__error_pos(
            L, pos,
            "%s %s has no '%s' command: once the inventory names a command for %s, give "
            "start, stop and status (restart defaults to stop && start); reported for "
            "the first such node only",
            keeper ? "keeper" : "clickhouse node", v->name, fields[i].key,
            keeper ? "keepers" : "clickhouse nodes");
    }
}

/* ---- nodes ---------------------------------------------------------- */

enum { K_ID, K_NAME, K_HOST, K_ROLE, K_NODE_KEYS };
enum { C_NAME, C_HOST, C_SHARD, C_REPLICA, C_NODE_KEYS };
_Static_assert(K_NODE_KEYS + N_KFIELDS <= MAX_KEYS && C_NODE_KEYS + N_CFIELDS <= MAX_KEYS,
               "raise MAX_KEYS");

static void parse_keeper(loader *L, yaml_node_t *n, inventory_site *site, inventory_keeper *k)
{
    const char *known[K_NODE_KEYS + MAX_FIELDS] = {"id", "name", "host", "role"};
    for (size_t i = 0; i < N_KFIELDS; i++)
        known[K_NODE_KEYS + i] = inventory__keeper_fields[i].key;
    yaml_node_t *vals[K_NODE_KEYS + MAX_FIELDS], *keys[K_NODE_KEYS + MAX_FIELDS];
    k->site = site;
    k->pos = pos_of(L, n->start_mark);
    k->role = (inventory_keeper_role)-1; /* until a valid one is read */
    if (!take_keys_k(L, n, "a keeper", known, K_NODE_KEYS + N_KFIELDS, vals, keys))
        return;
    long id = 0;
    bool zk = !L->kind_known || L->inv->keeper_kind == INVENTORY_ZOOKEEPER;
    if (!vals[K_ID])
        inventory__error_at(L, n->start_mark, "keeper: missing key 'id' (its server id)");
    else if (scalar_int(L, vals[K_ID], 1, zk ? 255 : INT32_MAX,
                        zk ? "a server id (1..255)" : "a server id (a positive integer)", &id))
        k->id = (int)id;
    if (!vals[K_HOST])
        inventory__error_at(L, n->start_mark, "keeper: missing key 'host'");
    else
        k->host = scalar_host(L, vals[K_HOST]);
    if (vals[K_NAME])
        k->name = scalar_name(L, vals[K_NAME], "a node name");
    else
        k->name = default_name(L, n, k->host);
    if (!vals[K_ROLE]) {
        inventory__error_at(L, n->start_mark,
                            "keeper: missing key 'role' (participant, observer or spare)");
    } else {
        const char *r = scalar_text(L, vals[K_ROLE], "a role (participant, observer or spare)");
        if (r && !strcmp(r, "participant"))
            k->role = INVENTORY_PARTICIPANT;
        else if (r && !strcmp(r, "observer"))
            k->role = INVENTORY_OBSERVER;
        else if (r && !strcmp(r, "spare"))
            k->role = INVENTORY_SPARE;
        else if (r)
            inventory__error_at(L, vals[K_ROLE]->start_mark,
                                "expected a role (participant, observer or spare), found '%s'",
                                printable(L, r, strlen(r)));
    }
    raw own[MAX_FIELDS] = {0};
    for (size_t i = 0; i < N_KFIELDS; i++) {
        if (!vals[K_NODE_KEYS + i])
            continue;
        read_field(L, &inventory__keeper_fields[i], vals[K_NODE_KEYS + i], &own[i], true,
                   keys[K_NODE_KEYS + i]);
    }
    char idbuf[16];
    snprintf(idbuf, sizeof idbuf, "%d", k->id);
    ph v = {k->name ? k->name : "", k->host ? k->host : "", idbuf, site->name, NULL, NULL};
    resolve_fields(L, k, &k->pos, inventory__keeper_fields, N_KFIELDS, own, L->keeper_defaults,
                   true, &v);
}

static void parse_clickhouse(loader *L, yaml_node_t *n, inventory_site *site,
                             inventory_clickhouse *c)
{
    const char *known[C_NODE_KEYS + MAX_FIELDS] = {"name", "host", "shard", "replica"};
    for (size_t i = 0; i < N_CFIELDS; i++)
        known[C_NODE_KEYS + i] = inventory__ch_fields[i].key;
    yaml_node_t *vals[C_NODE_KEYS + MAX_FIELDS], *keys[C_NODE_KEYS + MAX_FIELDS];
    c->site = site;
    c->pos = pos_of(L, n->start_mark);
    if (!take_keys_k(L, n, "a clickhouse node", known, C_NODE_KEYS + N_CFIELDS, vals, keys))
        return;
    if (!vals[C_HOST])
        inventory__error_at(L, n->start_mark, "clickhouse node: missing key 'host'");
    else
        c->host = scalar_host(L, vals[C_HOST]);
    if (vals[C_NAME])
        c->name = scalar_name(L, vals[C_NAME], "a node name");
    else
        c->name = default_name(L, n, c->host);
    if (!vals[C_SHARD])
        inventory__error_at(L, n->start_mark,
                            "clickhouse node: missing key 'shard' (its {shard} macro)");
    else
        c->shard = scalar_name(L, vals[C_SHARD], "a shard name or number");
    if (!vals[C_REPLICA])
        inventory__error_at(L, n->start_mark,
                            "clickhouse node: missing key 'replica' (its {replica} macro)");
    else
        c->replica = scalar_name(L, vals[C_REPLICA], "a replica name");
    raw own[MAX_FIELDS] = {0};
    for (size_t i = 0; i < N_CFIELDS; i++) {
        if (!vals[C_NODE_KEYS + i])
            continue;
        read_field(L, &inventory__ch_fields[i], vals[C_NODE_KEYS + i], &own[i], false,
                   keys[C_NODE_KEYS + i]);
    }
    ph v = {c->name ? c->name : "",   c->host ? c->host : "",      NULL, site->name,
            c->shard ? c->shard : "", c->replica ? c->replica : ""};
    resolve_fields(L, c, &c->pos, inventory__ch_fields, N_CFIELDS, own, L->ch_defaults, false, &v);
    if (c->stop_timeout && !c->kill)
        inventory__error_pos(L, &c->pos,
                             "clickhouse node %s has a stop_timeout but no 'kill' command: give "
                             "the command that ends the server at once (SIGKILL)",
                             v.name);
}

static const char *scalar_jump(loader *L, const yaml_node_t *n);

static void parse_site(loader *L, yaml_node_t *keynode, yaml_node_t *n, inventory_site *s)
{
    static const char *const known[] = {"role", "keepers", "clickhouse", "fence", "jump"};
    yaml_node_t *vals[5];
    s->pos = pos_of(L, keynode->start_mark);
    s->role = (inventory_site_role)-1; /* until a valid one is read */
    s->jump = L->inv->ssh.jump;
    if (!take_keys(L, n, "a site", known, 5, vals))
        return;
    if (vals[3])
        s->fence = scalar_text(L, vals[3], "a shell command run locally to fence the site");
    if (vals[4])
        s->jump = is_null_scalar(vals[4]) ? NULL : scalar_jump(L, vals[4]);
    if (!vals[0]) {
        inventory__error_at(L, keynode->start_mark,
                            "site '%s': missing key 'role' (primary or standby)", s->name);
    } else {
        const char *r = scalar_text(L, vals[0], "a site role (primary or standby)");
        if (r && !strcmp(r, "primary"))
            s->role = INVENTORY_PRIMARY;
        else if (r && !strcmp(r, "standby"))
            s->role = INVENTORY_STANDBY;
        else if (r)
            inventory__error_at(L, vals[0]->start_mark,
                                "expected a site role (primary or standby), found '%s'",
                                printable(L, r, strlen(r)));
    }
    yaml_node_t *kl = vals[1], *cl = vals[2];
    if (kl && !is_null_scalar(kl)) {
        if (kl->type != YAML_SEQUENCE_NODE) {
            inventory__error_at(L, kl->start_mark, "expected a list of keepers, found %s",
                                kind_of(kl));
        } else {
            size_t cnt = (size_t)(kl->data.sequence.items.top - kl->data.sequence.items.start);
            s->keepers = inventory__arena_alloc(L->a, (cnt ? cnt : 1) * sizeof *s->keepers);
            for (yaml_node_item_t *it = kl->data.sequence.items.start;
                 it < kl->data.sequence.items.top; it++) {
                yaml_node_t *e = node_at(L, *it);
                if (e)
                    parse_keeper(L, e, s, &s->keepers[s->n_keepers++]);
            }
        }
    }
    if (cl && !is_null_scalar(cl)) {
        if (cl->type != YAML_SEQUENCE_NODE) {
            inventory__error_at(L, cl->start_mark, "expected a list of clickhouse nodes, found %s",
                                kind_of(cl));
        } else {
            size_t cnt = (size_t)(cl->data.sequence.items.top - cl->data.sequence.items.start);
            s->clickhouse = inventory__arena_alloc(L->a, (cnt ? cnt : 1) * sizeof *s->clickhouse);
            for (yaml_node_item_t *it = cl->data.sequence.items.start;
                 it < cl->data.sequence.items.top; it++) {
                yaml_node_t *e = node_at(L, *it);
                if (e)
                    parse_clickhouse(L, e, s, &s->clickhouse[s->n_clickhouse++]);
            }
        }
    }
}

/* ---- top-level sections ---------------------------------------------- */

static void parse_secret(loader *L, yaml_node_t *file, yaml_node_t *env, const char *fkey,
                         const char *ekey, inventory_secret *out)
{
    if (file && env) {
        inventory__error_at(L, env->start_mark, "give either %s or %s, not both", fkey, ekey);
        return;
    }
    if (file)
        out->file = scalar_local_path(L, file, true);
    if (env) {
        const char *s = scalar_text(L, env, "an environment variable name");
        if (s && !env_name_ok(s, strlen(s))) /* the value may be the secret: not shown */
            inventory__error_at(L, env->start_mark,
                                "expected the name of the environment variable holding the secret "
                                "(letters, digits, _)");
        else
            out->env = s;
    }
}

static void parse_keeper_section(loader *L, yaml_node_t *n)
{
    static const char *const known[] = {"kind", "super_digest_file", "super_digest_env"};
    yaml_node_t *vals[3];
    if (!take_keys(L, n, "the keeper section", known, 3, vals))
        return;
    if (!vals[0]) {
        inventory__error_at(L, n->start_mark,
                            "keeper: missing key 'kind' (zookeeper or clickhouse-keeper)");
    } else {
        const char *k = scalar_text(L, vals[0], "a keeper kind (zookeeper or clickhouse-keeper)");
        if (k && !strcmp(k, "zookeeper"))
            L->inv->keeper_kind = INVENTORY_ZOOKEEPER, L->kind_known = true;
        else if (k && !strcmp(k, "clickhouse-keeper"))
            L->inv->keeper_kind = INVENTORY_CLICKHOUSE_KEEPER, L->kind_known = true;
        else if (k)
            inventory__error_at(
                L, vals[0]->start_mark,
                "expected a keeper kind (zookeeper or clickhouse-keeper), found '%s'",
                printable(L, k, strlen(k)));
    }
    parse_secret(L, vals[1], vals[2], "super_digest_file", "super_digest_env",
                 &L->inv->super_digest);
}

/* A jump host: "[user@]host[:port]". */
static const char *scalar_jump(loader *L, const yaml_node_t *n)
{
    const char *s = scalar_text(L, n, "a jump host (host or host:port)");
    if (!s)
        return NULL;
    const char *at = strrchr(s, '@');
    const char *h = at ? at + 1 : s;
    const char *colon = strrchr(h, ':');
    long port = 22;
    bool ok = *h && *h != ':' && !strpbrk(s, " \t/'\"") && (!at || at > s) &&
              (!colon ||
               (h[0] != '[' && strchr(h, ':') == colon && parse_int(colon + 1, 1, 65535, &port)) ||
               (h[0] == '[' && colon[-1] == ']' && parse_int(colon + 1, 1, 65535, &port)));
    if (!ok) {
        inventory__error_at(L, n->start_mark,
                            "expected a jump host (host or host:port), found '%s'",
                            printable(L, s, strlen(s)));
        return NULL;
    }
    return s;
}

static void parse_ssh_section(loader *L, yaml_node_t *n)
{
    static const char *const known[] = {"user",
                                        "port",
                                        "identity",
                                        "known_hosts",
                                        "passphrase_file",
                                        "passphrase_env",
                                        "connect_timeout",
                                        "parallel",
                                        "become",
                                        "jump",
                                        "agent"};
    yaml_node_t *v[11];
    if (!n || !take_keys(L, n, "the ssh section", known, 11, v))
        return;
    if (v[8]) {
        const char *b = scalar_text(L, v[8], "'sudo' or 'none'");
        if (b && (!strcmp(b, "sudo") || !strcmp(b, "none")))
            L->inv->ssh.become = b;
        else if (b)
            inventory__error_at(L, v[8]->start_mark, "expected 'sudo' or 'none', found '%s'",
                                printable(L, b, strlen(b)));
    }
    if (v[9])
        L->inv->ssh.jump = scalar_jump(L, v[9]);
    const char *s;
    if (v[0] && (s = scalar_name(L, v[0], "a user name")))
        L->inv->ssh.user = s;
    if (v[1])
        scalar_port(L, v[1], &L->inv->ssh.port);
    if (v[2] && (s = scalar_local_path(L, v[2], false)))
        L->inv->ssh.identity = s;
    if (v[3] && (s = scalar_local_path(L, v[3], false)))
        L->inv->ssh.known_hosts = s;
    parse_secret(L, v[4], v[5], "passphrase_file", "passphrase_env", &L->inv->ssh.passphrase);
    long t;
    if (v[6] && scalar_int(L, v[6], 1, 3600, "a timeout in seconds (1..3600)", &t))
        L->inv->ssh.connect_timeout = (int)t;
    if (v[7] && scalar_int(L, v[7], 1, 1024, "a number of sessions at once (1..1024)", &t))
        L->inv->ssh.parallel = (int)t;
    if (v[10])
        scalar_bool(L, v[10], "ssh.agent: true or false", &L->inv->ssh.agent);
}

static void parse_auth_section(loader *L, yaml_node_t *n)
{
    static const char *const known[] = {"user", "password_file", "password_env"};
    yaml_node_t *v[3];
    if (!n || !take_keys(L, n, "the clickhouse_auth section", known, 3, v))
        return;
    const char *s;
    if (v[0] && (s = scalar_name(L, v[0], "a ClickHouse user name")))
        L->inv->clickhouse_auth.user = s;
    parse_secret(L, v[1], v[2], "password_file", "password_env", &L->inv->clickhouse_auth.password);
}

static void parse_defaults(loader *L, yaml_node_t *n)
{
    static const char *const known[] = {"zookeeper", "keeper", "clickhouse"};
    yaml_node_t *v[3];
    if (!take_keys(L, n, "the defaults section", known, 3, v))
        return;
    if (v[0] && v[1]) {
        inventory__error_at(L, v[1]->start_mark,
                            "give the keeper defaults once: under 'zookeeper' or under 'keeper'");
    } else if (v[0] && L->kind_known && L->inv->keeper_kind != INVENTORY_ZOOKEEPER) {
        inventory__error_at(L, v[0]->start_mark,
                            "defaults.zookeeper given but keeper.kind is clickhouse-keeper "
                            "(name the section 'keeper')");
    } else if (v[0] || v[1]) {
        parse_defaults_section(L, v[0] ? v[0] : v[1], true, L->keeper_defaults);
    }
    if (v[2])
        parse_defaults_section(L, v[2], false, L->ch_defaults);
}

static void parse_sites(loader *L, yaml_node_t *n)
{
    if (n->type != YAML_MAPPING_NODE) {
        inventory__error_at(L, n->start_mark,
                            "expected the sites (a mapping of site name to site), found %s",
                            kind_of(n));
        return;
    }
    size_t cnt = (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
    L->site_entries = cnt;
    L->inv->sites = inventory__arena_alloc(L->a, (cnt ? cnt : 1) * sizeof *L->inv->sites);
    for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
        yaml_node_t *k = node_at(L, p->key), *v = node_at(L, p->value);
        if (!k || !v)
            continue;
        const char *name = scalar_name(L, k, "a site name");
        if (!name)
            continue;
        bool dup = false;
        for (size_t i = 0; i < L->inv->n_sites; i++)
            if (!strcmp(L->inv->sites[i].name, name)) {
                inventory__error_at(L, k->start_mark,
                                    "duplicate site '%s' (first given at line %u)", name,
                                    L->inv->sites[i].pos.line);
                dup = true;
            }
        if (dup) {
            L->site_entries--;
            continue;
        }
        inventory_site *s = &L->inv->sites[L->inv->n_sites++];
        s->name = name;
        parse_site(L, k, v, s);
    }
}

/* ---- load ----------------------------------------------------------- */

/* notify: a list of {url, events: [start, step_failed, refused, end],
 * timeout: seconds}. */
static void parse_notify(loader *L, yaml_node_t *n)
{
    if (is_null_scalar(n))
        return;
    if (n->type != YAML_SEQUENCE_NODE) {
        inventory__error_at(L, n->start_mark,
                            "expected a list of webhooks ({url: ..., events: [...]}), "
                            "found %s",
                            kind_of(n));
        return;
    }
    size_t cnt = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
    L->inv->notify = inventory__arena_alloc(L->a, (cnt ? cnt : 1) * sizeof *L->inv->notify);
    static const char *const known[] = {"url", "events", "timeout"};
    static const char *const events[] = {"start", "step_failed", "refused", "end"};
    for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top;
         it++) {
        yaml_node_t *e = node_at(L, *it), *v[3];
        if (!e || !take_keys(L, e, "a webhook", known, 3, v))
            continue;
        inventory_notify *w = &L->inv->notify[L->inv->n_notify];
        memset(w, 0, sizeof *w);
        w->pos = pos_of(L, e->start_mark);
        w->timeout = 5;
        const char *url = v[0] ? scalar_text(L, v[0], "a URL (http:// or https://)") : NULL;
        if (!v[0])
            inventory__error_at(L, e->start_mark, "webhook: missing key 'url'");
        else if (url && strncmp(url, "http://", 7) && strncmp(url, "https://", 8))
            inventory__error_at(L, v[0]->start_mark,
                                "expected a URL (http:// or https://), found '%s'",
                                printable(L, url, strlen(url)));
        else
            w->url = url;
        if (v[1] && v[1]->type == YAML_SEQUENCE_NODE) {
            for (yaml_node_item_t *j = v[1]->data.sequence.items.start;
                 j < v[1]->data.sequence.items.top; j++) {
                yaml_node_t *ev = node_at(L, *j);
                const char *name =
                    ev ? scalar_text(L, ev, "an event (start, step_failed, refused, end)") : NULL;
                if (!name)
                    continue;
                size_t k = 0;
                while (k < 4 && strcmp(name, events[k]))
                    k++;
                if (k == 4)
                    inventory__error_at(
                        L, ev->start_mark,
                        "expected an event (start, step_failed, refused, end), found '%s'",
                        printable(L, name, strlen(name)));
                else
                    w->events |= 1u << k;
            }
        } else if (v[1] && !is_null_scalar(v[1])) {
            inventory__error_at(L, v[1]->start_mark, "expected a list of events, found %s",
                                kind_of(v[1]));
        }
        if (!w->events)
            w->events = INVENTORY_NOTIFY_ALL;
        long t;
        if (v[2] && scalar_int(L, v[2], 1, 300, "a timeout in seconds (1..300)", &t))
            w->timeout = (int)t;
        if (w->url)
            L->inv->n_notify++;
    }
}

/* retention: {runs: N, days: D} */
static void parse_retention(loader *L, yaml_node_t *n)
{
    static const char *const known[] = {"runs", "days"};
    yaml_node_t *v[2];
    if (!take_keys(L, n, "the retention section", known, 2, v))
        return;
    long x;
    if (v[0] && scalar_int(L, v[0], 1, 100000, "a number of runs (1..100000)", &x))
        L->inv->retention.runs = (int)x;
    if (v[1] && scalar_int(L, v[1], 1, 100000, "a number of days (1..100000)", &x))
        L->inv->retention.days = (int)x;
    if (!v[0] && !v[1])
        inventory__error_at(L, n->start_mark, "retention: give runs, days or both");
}

static void parse_root(loader *L, yaml_node_t *root)
{
    static const char *const known[] = {"cluster", "umbrella_cluster", "keeper",
                                        "ssh",     "clickhouse_auth",  "defaults",
                                        "sites",   "notify",           "retention"};
    enum {
        T_CLUSTER,
        T_UMBRELLA,
        T_KEEPER,
        T_SSH,
        T_AUTH,
        T_DEFAULTS,
        T_SITES,
        T_NOTIFY,
        T_RETENTION,
        T_N
    };
    yaml_node_t *v[T_N], *keys[T_N];
    if (!take_keys_k(L, root, "the inventory", known, T_N, v, keys))
        return;
    inventory_t *inv = L->inv;
    L->sites_mark = root->start_mark;
    /* built-in defaults of the global sections */
    inv->ssh.user = "root";
    inv->ssh.port = 22;
    inv->ssh.connect_timeout = 10;
    inv->ssh.parallel = 64;
    const char *home = get_env(L, "HOME");
    if (home && home[0] == '/') {
        inv->ssh.identity = inventory__fmt(L, "%s/.ssh/id_ed25519", home, NULL);
        inv->ssh.known_hosts = inventory__fmt(L, "%s/.ssh/known_hosts", home, NULL);
    }
    inv->clickhouse_auth.user = "default";
    inv->ssh.become = "none";

    if (v[T_CLUSTER])
        inv->cluster = scalar_name(L, v[T_CLUSTER], "a cluster name");
    else
        inventory__error_at(L, root->start_mark,
                            "missing key 'cluster' (the per-site ClickHouse cluster)");
    if (v[T_UMBRELLA])
        inv->umbrella_cluster = scalar_name(L, v[T_UMBRELLA], "a cluster name");
    if (v[T_KEEPER])
        parse_keeper_section(L, v[T_KEEPER]);
    else
        inventory__error_at(L, root->start_mark,
                            "missing key 'keeper' (with kind: zookeeper or clickhouse-keeper)");
    parse_ssh_section(L, v[T_SSH]);
    if (!inv->ssh.identity || !inv->ssh.known_hosts)
        inventory__error_at(L, v[T_SSH] ? v[T_SSH]->start_mark : root->start_mark,
                            "ssh: give identity and known_hosts (HOME is not set to find ~/.ssh)");
    parse_auth_section(L, v[T_AUTH]);
    if (v[T_NOTIFY])
        parse_notify(L, v[T_NOTIFY]);
    if (v[T_RETENTION])
        parse_retention(L, v[T_RETENTION]);
    if (v[T_DEFAULTS])
        parse_defaults(L, v[T_DEFAULTS]);
    if (v[T_SITES]) {
        L->sites_mark = keys[T_SITES]->start_mark;
        parse_sites(L, v[T_SITES]);
        inventory__check_across(L);
    } else {
        inventory__error_at(L, root->start_mark,
                            "missing key 'sites' (a primary and a standby site)");
    }
}

typedef struct ranked_error {
    inventory_error e;
    size_t rank; /* order of recording, to keep errors at one place in order */
} ranked_error;

static int cmp_errors(const void *p, const void *q)
{
    const ranked_error *x = p, *y = q;
    if (x->e.line != y->e.line)
        return x->e.line < y->e.line ? -1 : 1;
    if (x->e.column != y->e.column)
        return x->e.column < y->e.column ? -1 : 1;
    return x->rank < y->rank ? -1 : x->rank > y->rank;
}

/* Sorts the errors by position, stably. */
static void sort_errors(inventory_errors *errs)
{
    size_t n = errs->count;
    if (n < 2)
        return;
    ranked_error *r = dr_malloc(n * sizeof *r);
    for (size_t i = 0; i < n; i++)
        r[i] = (ranked_error){errs->items[i], i};
    qsort(r, n, sizeof *r, cmp_errors);
    for (size_t i = 0; i < n; i++)
        errs->items[i] = r[i].e;
    free(r);
}

int inventory_load_buffer(const char *name, const char *data, size_t len,
                          const inventory_options *opts, inventory_t **out, inventory_errors *errs,
                          dr_err *err)
{
    *out = NULL;
    if (errs) {
        inventory_errors_free(errs);
        errs->file = dr_strdup(name);
    }
    owner *own = dr_calloc(1, sizeof *own);
    loader L = {0};
    L.a = &own->a;
    L.inv = &own->inv;
    L.file = arena_strdup(L.a, name);
    L.inv->file = L.file;
    L.errs = errs;
    L.opts = opts;

    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        inventory_free(&own->inv);
        return dr_err_set(err, DR_ENOMEM, "inventory %s: cannot start the YAML parser", name);
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
    bool have_doc = false;
    if (!yaml_parser_load(&parser, &L.doc)) {
        yaml_mark_t m = parser.problem_mark;
        const char *problem = parser.problem ? parser.problem : "malformed YAML";
        if (parser.context)
            inventory__error_at(&L, m, "YAML syntax error: %s %s", problem, parser.context);
        else
            inventory__error_at(&L, m, "YAML syntax error: %s", problem);
    } else {
        have_doc = true;
        yaml_node_t *root = yaml_document_get_root_node(&L.doc);
        if (!root) {
            yaml_mark_t m = {0, 0, 0};
            inventory__error_at(&L, m,
                                "the inventory is empty (expected cluster, keeper, sites, ...)");
        } else {
            parse_root(&L, root);
            yaml_document_t next;
            if (yaml_parser_load(&parser, &next)) {
                yaml_node_t *r2 = yaml_document_get_root_node(&next);
                if (r2)
                    inventory__error_at(&L, r2->start_mark,
                                        "expected one YAML document, found a second one ('---')");
                yaml_document_delete(&next);
            } else {
                inventory__error_at(&L, parser.problem_mark,
                                    "YAML syntax error after the document: %s",
                                    parser.problem ? parser.problem : "malformed YAML");
            }
        }
    }
    if (have_doc)
        yaml_document_delete(&L.doc);
    dr_buf_free(&L.unset_vars);
    yaml_parser_delete(&parser);

    if (L.n_errors) {
        if (errs)
            sort_errors(errs);
        if (errs && errs->count)
            dr_err_set(err, DR_EINVAL, "%s:%u:%u: %s%s", name, errs->items[0].line,
                       errs->items[0].column, errs->items[0].message,
                       errs->count > 1 ? " (and more errors)" : "");
        else
            dr_err_set(err, DR_EINVAL, "inventory %s: %zu errors", name, L.n_errors);
        inventory_free(&own->inv);
        return DR_EINVAL;
    }
    *out = &own->inv;
    return DR_OK;
}

int inventory_load_file(const char *path, const inventory_options *opts, inventory_t **out,
                        inventory_errors *errs, dr_err *err)
{
    *out = NULL;
    if (errs) {
        inventory_errors_free(errs);
        errs->file = dr_strdup(path);
    }
    dr_buf b = DR_BUF_INIT;
    int rc = dr_read_file(path, &b, err);
    if (rc != DR_OK) {
        dr_buf_free(&b);
        dr_err_wrap(err, "inventory");
        return rc;
    }
    rc = inventory_load_buffer(path, b.data, b.len, opts, out, errs, err);
    dr_buf_free(&b);
    return rc;
}

void inventory_free(inventory_t *inv)
{
    if (!inv)
        return;
    owner *own = (owner *)inv;
    arena_free(&own->a);
    free(own);
}

/* ---- lookups and names ---------------------------------------------- */

inventory_site *inventory_site_by_name(const inventory_t *inv, const char *name)
{
    for (size_t i = 0; i < inv->n_sites; i++)
        if (!strcmp(inv->sites[i].name, name))
            return &inv->sites[i];
    return NULL;
}

inventory_site *inventory_other_site(const inventory_t *inv, const inventory_site *s)
{
    for (size_t i = 0; i < inv->n_sites; i++)
        if (&inv->sites[i] != s)
            return &inv->sites[i];
    return NULL;
}

inventory_keeper *inventory_keeper_by_name(const inventory_t *inv, const char *name)
{
    for (size_t s = 0; s < inv->n_sites; s++)
        for (size_t i = 0; i < inv->sites[s].n_keepers; i++)
            if (!strcmp(inv->sites[s].keepers[i].name, name))
                return &inv->sites[s].keepers[i];
    return NULL;
}

inventory_keeper *inventory_keeper_by_id(const inventory_t *inv, int id)
{
    for (size_t s = 0; s < inv->n_sites; s++)
        for (size_t i = 0; i < inv->sites[s].n_keepers; i++)
            if (inv->sites[s].keepers[i].id == id)
                return &inv->sites[s].keepers[i];
    return NULL;
}

inventory_clickhouse *inventory_clickhouse_by_name(const inventory_t *inv, const char *name)
{
    for (size_t s = 0; s < inv->n_sites; s++)
        for (size_t i = 0; i < inv->sites[s].n_clickhouse; i++)
            if (!strcmp(inv->sites[s].clickhouse[i].name, name))
                return &inv->sites[s].clickhouse[i];
    return NULL;
}

const char *inventory_keeper_kind_name(inventory_keeper_kind kind)
{
    return kind == INVENTORY_CLICKHOUSE_KEEPER ? "clickhouse-keeper" : "zookeeper";
}

const char *inventory_site_role_name(inventory_site_role role)
{
    return role == INVENTORY_PRIMARY ? "primary" : "standby";
}

const char *inventory_keeper_role_name(inventory_keeper_role role)
{
    switch (role) {
    case INVENTORY_PARTICIPANT:
        return "participant";
    case INVENTORY_OBSERVER:
        return "observer";
    case INVENTORY_SPARE:
        return "spare";
    }
    return "?";
}
