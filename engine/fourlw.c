/* fourlw: four-letter words, their parsers (text in, structs out) and the
 * socket code that asks one server or many at once. */
#include "fourlw.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

/* ---- names ---- */

static const char *const MODE_NAMES[] = {
    [FOURLW_MODE_UNKNOWN] = "unknown",         [FOURLW_MODE_LEADER] = "leader",
    [FOURLW_MODE_FOLLOWER] = "follower",       [FOURLW_MODE_OBSERVER] = "observer",
    [FOURLW_MODE_STANDALONE] = "standalone",   [FOURLW_MODE_READ_ONLY] = "read-only",
    [FOURLW_MODE_NOT_SERVING] = "not-serving",
};

const char *fourlw_mode_name(fourlw_mode mode)
{
    if ((unsigned)mode >= sizeof MODE_NAMES / sizeof MODE_NAMES[0])
        return "unknown";
    return MODE_NAMES[mode];
}

static bool span_eq(const char *s, size_t len, const char *lit)
{
    size_t n = strlen(lit);
    return len == n && memcmp(s, lit, n) == 0;
}

fourlw_mode fourlw_mode_parse(const char *s, size_t len)
{
    if (span_eq(s, len, "leader"))
        return FOURLW_MODE_LEADER;
    if (span_eq(s, len, "follower"))
        return FOURLW_MODE_FOLLOWER;
    if (span_eq(s, len, "observer"))
        return FOURLW_MODE_OBSERVER;
    if (span_eq(s, len, "standalone"))
        return FOURLW_MODE_STANDALONE;
    if (span_eq(s, len, "read-only") || span_eq(s, len, "read_only"))
        return FOURLW_MODE_READ_ONLY;
    return FOURLW_MODE_UNKNOWN;
}

const char *fourlw_flavor_name(fourlw_flavor flavor)
{
    switch (flavor) {
    case FOURLW_FLAVOR_ZOOKEEPER:
        return "zookeeper";
    case FOURLW_FLAVOR_KEEPER:
        return "clickhouse-keeper";
    default:
        return "unknown";
    }
}

const char *fourlw_role_name(fourlw_role role)
{
    return role == FOURLW_ROLE_OBSERVER ? "observer" : "participant";
}

/* ---- small text helpers ---- */

/* A cursor over the lines of an answer; '\r' before '\n' is dropped. */
typedef struct lines {
    const char *text;
    size_t len, pos;
    int lineno; /* of the line last returned, 1-based */
} lines;

static void lines_init(lines *it, const char *text, size_t len)
{
    it->text = text;
    it->len = text ? len : 0;
    it->pos = 0;
    it->lineno = 0;
}

static bool lines_next(lines *it, const char **line, size_t *len)
{
    if (it->pos >= it->len)
        return false;
    const char *s = it->text + it->pos;
    const char *nl = memchr(s, '\n', it->len - it->pos);
    size_t n = nl ? (size_t)(nl - s) : it->len - it->pos;
    it->pos += n + (nl ? 1 : 0);
    if (n > 0 && s[n - 1] == '\r')
        n--;
    *line = s;
    *len = n;
    it->lineno++;
    return true;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void trim(const char **s, size_t *len)
{
    while (*len > 0 && is_space(**s))
        (*s)++, (*len)--;
    while (*len > 0 && is_space((*s)[*len - 1]))
        (*len)--;
}

static bool has_prefix(const char *s, size_t len, const char *lit)
{
    size_t n = strlen(lit);
    return len >= n && memcmp(s, lit, n) == 0;
}

static const char *find_span(const char *s, size_t len, const char *lit)
{
    size_t n = strlen(lit);
    if (n == 0 || len < n)
        return NULL;
    for (size_t i = 0; i + n <= len; i++)
        if (s[i] == lit[0] && memcmp(s + i, lit, n) == 0)
            return s + i;
    return NULL;
}

/* Decimal integer with optional sign; the whole span must be the number. */
static int parse_i64(const char *s, size_t len, int64_t *out)
{
    size_t i = 0;
    bool neg = false;
    if (i < len && (s[i] == '-' || s[i] == '+'))
        neg = s[i++] == '-';
    if (i == len)
        return DR_EPARSE;
    uint64_t v = 0;
    for (; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return DR_EPARSE;
        unsigned d = (unsigned)(s[i] - '0');
        if (v > (UINT64_MAX - d) / 10)
            return DR_EPARSE;
        v = v * 10 + d;
    }
    if (neg ? v > (uint64_t)INT64_MAX + 1 : v > (uint64_t)INT64_MAX)
        return DR_EPARSE;
    *out = neg ? (int64_t)(0 - v) : (int64_t)v;
    return DR_OK;
}

static int parse_u64_base(const char *s, size_t len, int base, uint64_t *out)
{
    if (len == 0)
        return DR_EPARSE;
    uint64_t v = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned d;
        char c = s[i];
        if (c >= '0' && c <= '9')
            d = (unsigned)(c - '0');
        else if (base == 16 && c >= 'a' && c <= 'f')
            d = (unsigned)(c - 'a' + 10);
        else if (base == 16 && c >= 'A' && c <= 'F')
            d = (unsigned)(c - 'A' + 10);
        else
            return DR_EPARSE;
        if (v > (UINT64_MAX - d) / (unsigned)base)
            return DR_EPARSE;
        v = v * (unsigned)base + d;
    }
    *out = v;
    return DR_OK;
}

static int parse_double(const char *s, size_t len, double *out)
{
    char tmp[64];
    if (len == 0 || len >= sizeof tmp)
        return DR_EPARSE;
    memcpy(tmp, s, len);
    tmp[len] = '\0';
    for (size_t i = 0; i < len; i++)
        if (!strchr("0123456789+-.eE", tmp[i]))
            return DR_EPARSE; /* no "nan", "inf", hex floats */
    char *end;
    errno = 0;
    double v = strtod(tmp, &end);
    if (end != tmp + len || errno == ERANGE || !isfinite(v))
        return DR_EPARSE;
    *out = v;
    return DR_OK;
}

static int parse_port(const char *s, size_t len, int *out)
{
    int64_t v;
    if (parse_i64(s, len, &v) || v < 1 || v > 65535 || s[0] == '+' || s[0] == '-')
        return DR_EPARSE;
    *out = (int)v;
    return DR_OK;
}

int fourlw_zxid_parse(const char *s, size_t len, fourlw_zxid *out)
{
    uint64_t v;
    int rc;
    if (len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        rc = parse_u64_base(s + 2, len - 2, 16, &v);
    else
        rc = parse_u64_base(s, len, 10, &v);
    if (rc)
        return rc;
    out->value = v;
    out->epoch = (uint32_t)(v >> 32);
    out->counter = (uint32_t)(v & 0xffffffffu);
    return DR_OK;
}

/* A short printable excerpt of untrusted text for error messages. */
static void excerpt(const char *s, size_t len, char *out, size_t cap)
{
    size_t j = 0;
    for (size_t i = 0; i < len && j + 5 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7f && c != '\'') {
            out[j++] = (char)c;
        } else {
            int n = snprintf(out + j, cap - j, "\\x%02x", c);
            if (n < 0 || (size_t)n >= cap - j)
                break;
            j += (size_t)n;
        }
        if (i + 1 < len && j + 5 >= cap) {
            if (j >= 3)
                j -= 3;
            memcpy(out + j, "...", 3);
            j += 3;
            break;
        }
    }
    out[j] = '\0';
}

/* The answers every word may get instead of its own.  Returns 1 for "not
 * serving", 0 for an ordinary answer, or a negative code with err filled. */
static int special_answer(const char *origin, const char *text, size_t len, dr_err *err)
{
    const char *s = text;
    size_t n = text ? len : 0;
    trim(&s, &n);
    if (n == 0)
        return dr_err_set(err, DR_EPARSE,
                          "%s:1:1: expected an answer, got nothing (the server closed the "
                          "connection without a word)",
                          origin);
    const char *wl = find_span(s, n, " is not executed because it is not in the whitelist");
    if (wl) {
        char word[16];
        excerpt(s, (size_t)(wl - s) < 8 ? (size_t)(wl - s) : 8, word, sizeof word);
        return dr_err_set(err, DR_EREFUSED,
                          "%s: the server refuses '%s': it is not in its four-letter-word "
                          "whitelist (ZooKeeper: 4lw.commands.whitelist in zoo.cfg; ClickHouse "
                          "Keeper: four_letter_word_white_list)",
                          origin, word);
    }
    if (find_span(s, n, "is not currently serving requests"))
        return 1;
    return 0;
}

static void kv_push(fourlw_kvlist *l, const char *k, size_t klen, const char *v, size_t vlen)
{
    l->items = dr_realloc(l->items, (l->n + 1) * sizeof *l->items);
    l->items[l->n].key = dr_strndup(k, klen);
    l->items[l->n].value = dr_strndup(v, vlen);
    l->n++;
}

const char *fourlw_kv_get(const fourlw_kvlist *l, const char *key)
{
    if (!l || !key)
        return NULL;
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->items[i].key, key) == 0)
            return l->items[i].value;
    return NULL;
}

int fourlw_kv_get_int(const fourlw_kvlist *l, const char *key, int64_t *out)
{
    const char *v = fourlw_kv_get(l, key);
    if (!v)
        return DR_ENOTFOUND;
    return parse_i64(v, strlen(v), out);
}

int fourlw_kv_get_double(const fourlw_kvlist *l, const char *key, double *out)
{
    const char *v = fourlw_kv_get(l, key);
    if (!v)
        return DR_ENOTFOUND;
    return parse_double(v, strlen(v), out);
}

void fourlw_kvlist_free(fourlw_kvlist *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++) {
        free(l->items[i].key);
        free(l->items[i].value);
    }
    free(l->items);
    l->items = NULL;
    l->n = 0;
}

/* ---- srvr / stat ---- */

static int latency_parse(const char *v, size_t n, fourlw_srvr *out)
{
    const char *a = memchr(v, '/', n);
    if (!a)
        return DR_EPARSE;
    const char *b = memchr(a + 1, '/', n - (size_t)(a + 1 - v));
    if (!b)
        return DR_EPARSE;
    if (parse_double(v, (size_t)(a - v), &out->latency_min) ||
        parse_double(a + 1, (size_t)(b - a - 1), &out->latency_avg) ||
        parse_double(b + 1, n - (size_t)(b + 1 - v), &out->latency_max))
        return DR_EPARSE;
    return DR_OK;
}

int fourlw_parse_srvr(const char *origin, const char *text, size_t len, fourlw_srvr *out,
                      dr_err *err)
{
    memset(out, 0, sizeof *out);
    out->node_count = out->received = out->sent = out->connections = out->outstanding = -1;
    int sp = special_answer(origin, text, len, err);
    if (sp < 0)
        return sp;
    if (sp == 1) {
        out->mode = FOURLW_MODE_NOT_SERVING;
        return DR_OK;
    }
    out->serving = true;
    lines it;
    lines_init(&it, text, len);
    const char *line;
    size_t n;
    bool first = true, in_clients = false, have_mode = false;
    while (lines_next(&it, &line, &n)) {
        const char *l = line;
        size_t ln = n;
        trim(&l, &ln);
        if (ln == 0) {
            in_clients = false;
            continue;
        }
        if (in_clients)
            continue; /* stat's client list ends at an empty line */
        const char *colon = memchr(l, ':', ln);
        const char *k = l, *v = colon ? colon + 1 : l + ln;
        size_t kn = colon ? (size_t)(colon - l) : ln;
        size_t vn = colon ? ln - kn - 1 : 0;
        trim(&k, &kn);
        trim(&v, &vn);
        int col = (int)(v - line) + 1;
        if (first) {
            first = false;
            if (span_eq(k, kn, "Zookeeper version"))
                out->flavor = FOURLW_FLAVOR_ZOOKEEPER;
            else if (span_eq(k, kn, "ClickHouse Keeper version"))
                out->flavor = FOURLW_FLAVOR_KEEPER;
            else
                return dr_err_set(err, DR_EPARSE,
                                  "%s:%d:1: expected 'Zookeeper version:' or 'ClickHouse Keeper "
                                  "version:'",
                                  origin, it.lineno);
            out->version = dr_strndup(v, vn);
            continue;
        }
        if (!colon)
            continue; /* a note such as 3.8's "READ-ONLY mode; serving only read-only
                         clients"; Mode: says the same */
        if (span_eq(k, kn, "Clients")) {
            in_clients = true;
        } else if (span_eq(k, kn, "Latency min/avg/max")) {
            if (latency_parse(v, vn, out))
                return dr_err_set(err, DR_EPARSE, "%s:%d:%d: expected min/avg/max latencies",
                                  origin, it.lineno, col);
        } else if (span_eq(k, kn, "Zxid")) {
            if (fourlw_zxid_parse(v, vn, &out->zxid))
                return dr_err_set(err, DR_EPARSE, "%s:%d:%d: expected a zxid (0x<hex> or decimal)",
                                  origin, it.lineno, col);
            out->has_zxid = true;
        } else if (span_eq(k, kn, "Mode")) {
            out->mode = fourlw_mode_parse(v, vn);
            if (out->mode == FOURLW_MODE_UNKNOWN)
                return dr_err_set(err, DR_EPARSE,
                                  "%s:%d:%d: expected a mode (leader, follower, observer, "
                                  "standalone, read-only)",
                                  origin, it.lineno, col);
            have_mode = true;
        } else {
            int64_t *field = NULL;
            if (span_eq(k, kn, "Node count"))
                field = &out->node_count;
            else if (span_eq(k, kn, "Received"))
                field = &out->received;
            else if (span_eq(k, kn, "Sent"))
                field = &out->sent;
            else if (span_eq(k, kn, "Connections"))
                field = &out->connections;
            else if (span_eq(k, kn, "Outstanding"))
                field = &out->outstanding;
            if (field && parse_i64(v, vn, field))
                return dr_err_set(err, DR_EPARSE, "%s:%d:%d: expected an integer", origin,
                                  it.lineno, col);
            /* other lines (Proposal sizes, ...) are not needed */
        }
    }
    if (!have_mode)
        return dr_err_set(err, DR_EPARSE,
                          "%s:%d:1: expected a 'Mode:' line before the end of the answer "
                          "(truncated?)",
                          origin, it.lineno + 1);
    return DR_OK;
}

void fourlw_srvr_free(fourlw_srvr *s)
{
    if (s) {
        free(s->version);
        s->version = NULL;
    }
}

/* ---- mntr / lgif: "key<whitespace>value" lines ---- */

static bool is_key_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '-';
}

static int parse_ws_kv(const char *origin, const char *text, size_t len, const char *prefix,
                       fourlw_kvlist *kv, dr_err *err)
{
    lines it;
    lines_init(&it, text, len);
    const char *line;
    size_t n;
    while (lines_next(&it, &line, &n)) {
        size_t i = 0;
        while (i < n && is_key_char(line[i]))
            i++;
        if (i == 0 && n == 0)
            continue;
        if (i == 0 || (i < n && line[i] != ' ' && line[i] != '\t') ||
            (prefix && !has_prefix(line, i, prefix)))
            return dr_err_set(err, DR_EPARSE, "%s:%d:%zu: expected '%sNAME<tab>VALUE'", origin,
                              it.lineno, i + 1, prefix ? prefix : "");
        const char *v = line + i;
        size_t vn = n - i;
        trim(&v, &vn);
        kv_push(kv, line, i, v, vn);
    }
    if (kv->n == 0)
        return dr_err_set(err, DR_EPARSE, "%s:1:1: expected NAME VALUE lines", origin);
    return DR_OK;
}

int fourlw_parse_mntr(const char *origin, const char *text, size_t len, fourlw_mntr *out,
                      dr_err *err)
{
    memset(out, 0, sizeof *out);
    int sp = special_answer(origin, text, len, err);
    if (sp < 0)
        return sp;
    if (sp == 1) {
        out->mode = FOURLW_MODE_NOT_SERVING;
        return DR_OK;
    }
    out->serving = true;
    int rc = parse_ws_kv(origin, text, len, "zk_", &out->kv, err);
    if (rc)
        return rc;
    const char *state = fourlw_kv_get(&out->kv, "zk_server_state");
    if (!state)
        return dr_err_set(err, DR_EPARSE,
                          "%s:%zu:1: expected a zk_server_state line (answer truncated?)", origin,
                          out->kv.n + 1);
    out->mode = fourlw_mode_parse(state, strlen(state));
    if (out->mode == FOURLW_MODE_UNKNOWN)
        return dr_err_set(err, DR_EPARSE, "%s: zk_server_state: expected a mode, got '%.40s'",
                          origin, state);
    const char *ver = fourlw_kv_get(&out->kv, "zk_version");
    /* Keeper prints its own version ("v21.11...") and keys ZooKeeper lacks. */
    if (ver && ver[0] == 'v')
        out->flavor = FOURLW_FLAVOR_KEEPER;
    else if (ver)
        out->flavor = FOURLW_FLAVOR_ZOOKEEPER;
    return DR_OK;
}

void fourlw_mntr_free(fourlw_mntr *m)
{
    if (m)
        fourlw_kvlist_free(&m->kv);
}

const char *fourlw_mntr_get(const fourlw_mntr *m, const char *key)
{
    return m ? fourlw_kv_get(&m->kv, key) : NULL;
}

int fourlw_mntr_get_int(const fourlw_mntr *m, const char *key, int64_t *out)
{
    return m ? fourlw_kv_get_int(&m->kv, key, out) : DR_ENOTFOUND;
}

int fourlw_mntr_get_double(const fourlw_mntr *m, const char *key, double *out)
{
    return m ? fourlw_kv_get_double(&m->kv, key, out) : DR_ENOTFOUND;
}

int fourlw_mntr_learners(const fourlw_mntr *m, int64_t *out)
{
    int rc = fourlw_mntr_get_int(m, "zk_learners", out);
    if (rc == DR_ENOTFOUND)
        rc = fourlw_mntr_get_int(m, "zk_followers", out);
    return rc;
}

int fourlw_parse_lgif(const char *origin, const char *text, size_t len, fourlw_lgif *out,
                      dr_err *err)
{
    memset(out, 0, sizeof *out);
    int sp = special_answer(origin, text, len, err);
    if (sp < 0)
        return sp;
    if (sp == 1)
        return dr_err_set(err, DR_EREFUSED, "%s: the server is not serving requests", origin);
    int rc = parse_ws_kv(origin, text, len, NULL, &out->kv, err);
    if (rc)
        return rc;
    static const struct {
        const char *key;
        size_t off;
    } fields[] = {
        {"first_log_idx", offsetof(fourlw_lgif, first_log_idx)},
        {"first_log_term", offsetof(fourlw_lgif, first_log_term)},
        {"last_log_idx", offsetof(fourlw_lgif, last_log_idx)},
        {"last_log_term", offsetof(fourlw_lgif, last_log_term)},
        {"last_committed_log_idx", offsetof(fourlw_lgif, last_committed_log_idx)},
        {"leader_committed_log_idx", offsetof(fourlw_lgif, leader_committed_log_idx)},
        {"target_committed_log_idx", offsetof(fourlw_lgif, target_committed_log_idx)},
        {"last_snapshot_idx", offsetof(fourlw_lgif, last_snapshot_idx)},
    };
    size_t found = 0;
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        int64_t *f = (int64_t *)((char *)out + fields[i].off);
        *f = -1;
        rc = fourlw_kv_get_int(&out->kv, fields[i].key, f);
        if (rc == DR_EPARSE)
            return dr_err_set(err, DR_EPARSE, "%s: %s: expected an integer", origin, fields[i].key);
        if (rc == DR_OK)
            found++;
    }
    if (found == 0)
        return dr_err_set(err, DR_EPARSE, "%s:1:1: expected lgif fields (last_log_idx, ...)",
                          origin);
    return DR_OK;
}

void fourlw_lgif_free(fourlw_lgif *l)
{
    if (l)
        fourlw_kvlist_free(&l->kv);
}

/* ---- membership ---- */

/* Splits "[v6]" or "host" off the front of s up to the next ':' (or the
 * end); returns the length consumed, 0 on a malformed address. */
static size_t take_host(const char *s, size_t n, const char **host, size_t *hlen)
{
    if (n > 0 && s[0] == '[') {
        const char *close = memchr(s, ']', n);
        if (!close || close == s + 1)
            return 0;
        *host = s + 1;
        *hlen = (size_t)(close - s - 1);
        return (size_t)(close - s) + 1;
    }
    const char *colon = memchr(s, ':', n);
    size_t h = colon ? (size_t)(colon - s) : n;
    if (h == 0)
        return 0;
    for (size_t i = 0; i < h; i++)
        if (is_space(s[i]) || s[i] == ';' || s[i] == '=' || s[i] == '[' || s[i] == ']')
            return 0;
    *host = s;
    *hlen = h;
    return h;
}

int fourlw_parse_member(const char *origin, int line, const char *text, size_t len,
                        fourlw_member *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    const char *s = text, *end = text + len;
#define MEMBER_FAIL(p, what)                                                                       \
    do {                                                                                           \
        fourlw_member_free(out);                                                                   \
        return dr_err_set(err, DR_EPARSE, "%s:%d:%d: expected %s", origin, line,                   \
                          (int)((p)-text) + 1, what);                                              \
    } while (0)
    if (!has_prefix(s, len, "server."))
        MEMBER_FAIL(s, "'server.<id>='");
    s += 7;
    const char *eq = memchr(s, '=', (size_t)(end - s));
    if (!eq || parse_i64(s, (size_t)(eq - s), &out->id) || out->id < 0 || s[0] == '-' ||
        s[0] == '+')
        MEMBER_FAIL(s, "a server id (a number) followed by '='");
    s = eq + 1;
    /* the part before ';' is addr:quorum:election[:role] */
    const char *semi = memchr(s, ';', (size_t)(end - s));
    const char *qend = semi ? semi : end;
    const char *h;
    size_t hn;
    size_t used = take_host(s, (size_t)(qend - s), &h, &hn);
    if (!used)
        MEMBER_FAIL(s, "a server address");
    out->host = dr_strndup(h, hn);
    s += used;
    if (s >= qend || *s != ':')
        MEMBER_FAIL(s, "':<quorum port>'");
    s++;
    const char *c = memchr(s, ':', (size_t)(qend - s));
    if (!c || parse_port(s, (size_t)(c - s), &out->quorum_port))
        MEMBER_FAIL(s, "a quorum port (1-65535) followed by ':'");
    s = c + 1;
    c = memchr(s, ':', (size_t)(qend - s));
    const char *pe = c ? c : qend;
    if (parse_port(s, (size_t)(pe - s), &out->election_port))
        MEMBER_FAIL(s, "an election port (1-65535)");
    s = pe;
    out->role = FOURLW_ROLE_PARTICIPANT;
    if (c) {
        s = c + 1;
        if (span_eq(s, (size_t)(qend - s), "participant"))
            out->role = FOURLW_ROLE_PARTICIPANT;
        else if (span_eq(s, (size_t)(qend - s), "observer"))
            out->role = FOURLW_ROLE_OBSERVER;
        else
            MEMBER_FAIL(s, "'participant' or 'observer'");
        s = qend;
    }
    if (semi) {
        s = semi + 1;
        if (s >= end)
            MEMBER_FAIL(s, "a client port after ';'");
        /* "[addr:]port": the port is after the last ':' outside brackets */
        const char *last = NULL;
        const char *close = s[0] == '[' ? memchr(s, ']', (size_t)(end - s)) : NULL;
        for (const char *p = close ? close : s; p < end; p++)
            if (*p == ':')
                last = p;
        if (last) {
            used = take_host(s, (size_t)(last - s), &h, &hn);
            if (!used || s + used != last)
                MEMBER_FAIL(s, "a client address");
            out->client_host = dr_strndup(h, hn);
            s = last + 1;
        }
        if (parse_port(s, (size_t)(end - s), &out->client_port))
            MEMBER_FAIL(s, "a client port (1-65535)");
    }
#undef MEMBER_FAIL
    return DR_OK;
}

void fourlw_member_free(fourlw_member *m)
{
    if (m) {
        free(m->host);
        free(m->client_host);
        m->host = m->client_host = NULL;
    }
}

static void fmt_host(dr_buf *out, const char *h)
{
    if (strchr(h, ':'))
        dr_buf_printf(out, "[%s]", h);
    else
        dr_buf_puts(out, h);
}

void fourlw_member_format(const fourlw_member *m, dr_buf *out)
{
    dr_buf_printf(out, "server.%lld=", (long long)m->id);
    fmt_host(out, m->host);
    dr_buf_printf(out, ":%d:%d:%s", m->quorum_port, m->election_port, fourlw_role_name(m->role));
    if (m->client_port) {
        dr_buf_putc(out, ';');
        if (m->client_host) {
            fmt_host(out, m->client_host);
            dr_buf_putc(out, ':');
        }
        dr_buf_printf(out, "%d", m->client_port);
    }
}

/* Adds one line of a membership (server.N= or version=) to m.  Returns 1
 * when the line is neither, 0 when taken, or an error. */
static int membership_line(const char *origin, int lineno, const char *l, size_t n,
                           fourlw_membership *m, dr_err *err)
{
    if (has_prefix(l, n, "server.")) {
        fourlw_member mem;
        int rc = fourlw_parse_member(origin, lineno, l, n, &mem, err);
        if (rc)
            return rc;
        if (fourlw_membership_find(m, mem.id)) {
            fourlw_member_free(&mem);
            return dr_err_set(err, DR_EPARSE, "%s:%d:8: expected each server id once", origin,
                              lineno);
        }
        m->members = dr_realloc(m->members, (m->n + 1) * sizeof *m->members);
        m->members[m->n++] = mem;
        return 0;
    }
    if (has_prefix(l, n, "version=")) {
        if (parse_u64_base(l + 8, n - 8, 16, &m->version))
            return dr_err_set(err, DR_EPARSE, "%s:%d:9: expected a hex config version", origin,
                              lineno);
        m->has_version = true;
        return 0;
    }
    return 1;
}

int fourlw_parse_membership(const char *origin, const char *text, size_t len,
                            fourlw_membership *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    lines it;
    lines_init(&it, text, len);
    const char *line;
    size_t n;
    while (lines_next(&it, &line, &n)) {
        const char *l = line;
        size_t ln = n;
        trim(&l, &ln);
        if (ln == 0)
            continue;
        int rc = membership_line(origin, it.lineno, l, ln, out, err);
        if (rc < 0) {
            fourlw_membership_free(out);
            return rc;
        }
    }
    return DR_OK;
}

void fourlw_membership_free(fourlw_membership *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->n; i++)
        fourlw_member_free(&m->members[i]);
    free(m->members);
    m->members = NULL;
    m->n = 0;
}

const fourlw_member *fourlw_membership_find(const fourlw_membership *m, int64_t id)
{
    for (size_t i = 0; m && i < m->n; i++)
        if (m->members[i].id == id)
            return &m->members[i];
    return NULL;
}

/* ---- conf ---- */

int fourlw_parse_conf(const char *origin, const char *text, size_t len, fourlw_conf *out,
                      dr_err *err)
{
    memset(out, 0, sizeof *out);
    out->server_id = -1;
    int sp = special_answer(origin, text, len, err);
    if (sp < 0)
        return sp;
    if (sp == 1)
        return DR_OK;
    out->serving = true;
    lines it;
    lines_init(&it, text, len);
    const char *line;
    size_t n;
    bool in_membership = false;
    while (lines_next(&it, &line, &n)) {
        const char *l = line;
        size_t ln = n;
        trim(&l, &ln);
        if (ln == 0)
            continue;
        if (has_prefix(l, ln, "membership:")) {
            in_membership = true;
            continue;
        }
        if (in_membership) {
            int rc = membership_line(origin, it.lineno, l, ln, &out->membership, err);
            if (rc < 0)
                return rc;
            if (rc == 0)
                continue;
        }
        const char *eq = memchr(l, '=', ln);
        if (!eq || eq == l)
            return dr_err_set(err, DR_EPARSE, "%s:%d:1: expected key=value", origin, it.lineno);
        const char *k = l, *v = eq + 1;
        size_t kn = (size_t)(eq - l), vn = ln - kn - 1;
        kv_push(&out->kv, k, kn, v, vn);
        bool zk_id = span_eq(k, kn, "serverId"), keeper_id = span_eq(k, kn, "server_id");
        if (zk_id || keeper_id) {
            out->flavor = zk_id ? FOURLW_FLAVOR_ZOOKEEPER : FOURLW_FLAVOR_KEEPER;
            if (parse_i64(v, vn, &out->server_id))
                return dr_err_set(err, DR_EPARSE, "%s:%d:%d: expected a server id (a number)",
                                  origin, it.lineno, (int)(v - line) + 1);
        }
    }
    if (out->kv.n == 0 && out->membership.n == 0)
        return dr_err_set(err, DR_EPARSE, "%s:1:1: expected key=value lines", origin);
    return DR_OK;
}

void fourlw_conf_free(fourlw_conf *c)
{
    if (c) {
        fourlw_kvlist_free(&c->kv);
        fourlw_membership_free(&c->membership);
    }
}

/* ---- ruok / isro / rcvr ---- */

static int single_word(const char *origin, const char *text, size_t len, const char *cmd,
                       const char **w, size_t *wn, dr_err *err)
{
    int sp = special_answer(origin, text, len, err);
    if (sp < 0)
        return sp;
    *w = text;
    *wn = len;
    trim(w, wn);
    (void)cmd;
    return sp;
}

static int unexpected(const char *origin, const char *cmd, const char *w, size_t wn,
                      const char *expected, dr_err *err)
{
    char ex[64];
    excerpt(w, wn, ex, sizeof ex);
    return dr_err_set(err, DR_EPARSE, "%s:1:1: expected %s as the answer to %s, got '%s'", origin,
                      expected, cmd, ex);
}

int fourlw_parse_ruok(const char *origin, const char *text, size_t len, dr_err *err)
{
    const char *w;
    size_t wn;
    int rc = single_word(origin, text, len, "ruok", &w, &wn, err);
    if (rc < 0)
        return rc;
    if (span_eq(w, wn, "imok"))
        return DR_OK;
    return unexpected(origin, "ruok", w, wn, "'imok'", err);
}

int fourlw_parse_isro(const char *origin, const char *text, size_t len, fourlw_isro *out,
                      dr_err *err)
{
    const char *w;
    size_t wn;
    int rc = single_word(origin, text, len, "isro", &w, &wn, err);
    if (rc < 0)
        return rc;
    if (rc == 1 || span_eq(w, wn, "null")) {
        *out = FOURLW_ISRO_NOT_SERVING;
        return DR_OK;
    }
    if (span_eq(w, wn, "rw")) {
        *out = FOURLW_ISRO_RW;
        return DR_OK;
    }
    if (span_eq(w, wn, "ro")) {
        *out = FOURLW_ISRO_RO;
        return DR_OK;
    }
    return unexpected(origin, "isro", w, wn, "'rw', 'ro' or 'null'", err);
}

int fourlw_parse_rcvr(const char *origin, const char *text, size_t len, dr_err *err)
{
    const char *w;
    size_t wn;
    int rc = single_word(origin, text, len, "rcvr", &w, &wn, err);
    if (rc < 0)
        return rc;
    if (rc == 0 && span_eq(w, wn, "ok"))
        return DR_OK;
    return unexpected(origin, "rcvr", w, wn, "'ok' (ClickHouse Keeper)", err);
}

/* ---- I/O ---- */

typedef enum probe_state {
    PS_CONNECTING,
    PS_SENDING,
    PS_READING,
    PS_DONE,
} probe_state;

typedef struct probe_io {
    int fd;
    probe_state state;
    size_t sent;
} probe_io;

/* Ends a probe with "host:port: op: why" (op may be NULL). */
static int probe_fail(fourlw_probe *p, probe_io *io, int code, const char *op, const char *why)
{
    dr_err_set(&p->err, code, "%s:%d: %s%s%s", p->host ? p->host : "?", p->port, op ? op : "",
               op ? ": " : "", why);
    p->rc = code;
    if (io->fd >= 0)
        close(io->fd);
    io->fd = -1;
    io->state = PS_DONE;
    return code;
}

/* Starts a non-blocking connect; the probe is DONE on an immediate failure. */
static void probe_start(fourlw_probe *p, probe_io *io)
{
    io->fd = -1;
    io->sent = 0;
    io->state = PS_CONNECTING;
    struct addrinfo hints = {0}, *res = NULL;
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    char port[16];
    snprintf(port, sizeof port, "%d", p->port);
    if (!p->host || !p->host[0] || p->port < 1 || p->port > 65535) {
        probe_fail(p, io, DR_EINVAL, NULL, "bad host or port");
        return;
    }
    int g = getaddrinfo(p->host, port, &hints, &res);
    if (g != 0 || !res) {
        probe_fail(p, io, DR_ENOTFOUND, "resolve", gai_strerror(g));
        if (res)
            freeaddrinfo(res);
        return;
    }
    int fd = socket(res->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        freeaddrinfo(res);
        probe_fail(p, io, DR_EIO, "socket", strerror(errno));
        return;
    }
    io->fd = fd;
    int c = connect(fd, res->ai_addr, res->ai_addrlen);
    int e = errno;
    freeaddrinfo(res);
    if (c == 0) {
        io->state = PS_SENDING;
    } else if (e != EINPROGRESS) {
        probe_fail(p, io, e == ECONNREFUSED ? DR_EREFUSED : DR_EIO, "connect", strerror(e));
    }
}

/* Advances one probe on poll readiness. */
static void probe_step(fourlw_probe *p, probe_io *io, const char *cmd, short revents)
{
    if (io->state == PS_CONNECTING) {
        int e = 0;
        socklen_t el = sizeof e;
        if (getsockopt(io->fd, SOL_SOCKET, SO_ERROR, &e, &el) < 0)
            e = errno;
        if (e) {
            probe_fail(p, io, e == ECONNREFUSED ? DR_EREFUSED : DR_EIO, "connect", strerror(e));
            return;
        }
        io->state = PS_SENDING;
    }
    if (io->state == PS_SENDING) {
        size_t n = strlen(cmd);
        while (io->sent < n) {
            ssize_t w = send(io->fd, cmd + io->sent, n - io->sent, MSG_NOSIGNAL);
            if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                return;
            if (w < 0) {
                probe_fail(p, io, DR_EIO, "send", strerror(errno));
                return;
            }
            io->sent += (size_t)w;
        }
        io->state = PS_READING;
        return;
    }
    if (io->state == PS_READING && (revents & (POLLIN | POLLHUP | POLLERR))) {
        char buf[8192];
        for (;;) {
            ssize_t r = recv(io->fd, buf, sizeof buf, 0);
            if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                return;
            if (r < 0) {
                /* a reset after a complete answer is how some servers close */
                if (errno == ECONNRESET && p->answer.len > 0)
                    break;
                probe_fail(p, io, DR_EIO, "receive", strerror(errno));
                return;
            }
            if (r == 0)
                break;
            if (p->answer.len + (size_t)r > FOURLW_MAX_ANSWER) {
                probe_fail(p, io, DR_EIO, "receive", "answer longer than 4 MiB");
                return;
            }
            dr_buf_append(&p->answer, buf, (size_t)r);
        }
        close(io->fd);
        io->fd = -1;
        io->state = PS_DONE;
        p->rc = DR_OK;
    }
}

static bool valid_cmd(const char *cmd)
{
    if (!cmd || strlen(cmd) != 4)
        return false;
    for (int i = 0; i < 4; i++)
        if (cmd[i] < 'a' || cmd[i] > 'z')
            return false;
    return true;
}

int fourlw_query_many(fourlw_probe *probes, size_t n, const char *cmd, int timeout_ms)
{
    if (!valid_cmd(cmd))
        return DR_EINVAL;
    if (n == 0)
        return 0;
    probe_io *io = dr_calloc(n, sizeof *io);
    struct pollfd *pfd = dr_calloc(n, sizeof *pfd);
    size_t *idx = dr_calloc(n, sizeof *idx);
    int64_t start = dr_now_ms(), deadline = start + (timeout_ms > 0 ? timeout_ms : 0);
    for (size_t i = 0; i < n; i++) {
        dr_buf_init(&probes[i].answer);
        dr_err_clear(&probes[i].err);
        probes[i].rc = DR_ETIMEOUT;
        probes[i].elapsed_ms = 0;
        probe_start(&probes[i], &io[i]);
        if (io[i].state == PS_DONE)
            probes[i].elapsed_ms = dr_now_ms() - start;
    }
    for (;;) {
        size_t np = 0;
        for (size_t i = 0; i < n; i++) {
            if (io[i].state == PS_DONE)
                continue;
            pfd[np].fd = io[i].fd;
            pfd[np].events = io[i].state == PS_READING ? POLLIN : POLLOUT;
            pfd[np].revents = 0;
            idx[np++] = i;
        }
        if (np == 0)
            break;
        int64_t left = deadline - dr_now_ms();
        if (left <= 0)
            break;
        int r = poll(pfd, np, (int)(left > 60000 ? 60000 : left));
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            for (size_t k = 0; k < np; k++)
                probe_fail(&probes[idx[k]], &io[idx[k]], DR_EIO, "poll", strerror(errno));
            break;
        }
        for (size_t k = 0; k < np; k++) {
            if (!pfd[k].revents)
                continue;
            size_t i = idx[k];
            probe_step(&probes[i], &io[i], cmd, pfd[k].revents);
            if (io[i].state == PS_DONE)
                probes[i].elapsed_ms = dr_now_ms() - start;
        }
    }
    int failed = 0;
    for (size_t i = 0; i < n; i++) {
        if (io[i].state != PS_DONE) {
            const char *phase = io[i].state == PS_CONNECTING ? "connect"
                                : io[i].state == PS_SENDING  ? "send"
                                                             : "read the answer";
            char why[96];
            snprintf(why, sizeof why, "no answer within %d ms (%s)", timeout_ms, phase);
            probe_fail(&probes[i], &io[i], DR_ETIMEOUT, NULL, why);
            probes[i].elapsed_ms = dr_now_ms() - start;
        }
        if (probes[i].rc)
            failed++;
    }
    free(io);
    free(pfd);
    free(idx);
    return failed;
}

void fourlw_probe_free(fourlw_probe *p)
{
    if (p)
        dr_buf_free(&p->answer);
}

int fourlw_query(const char *host, int port, const char *cmd, int timeout_ms, dr_buf *out,
                 dr_err *err)
{
    if (!valid_cmd(cmd))
        return dr_err_set(err, DR_EINVAL, "%s:%d: '%.8s' is not a four-letter word",
                          host ? host : "?", port, cmd ? cmd : "");
    fourlw_probe p = {.host = host, .port = port};
    fourlw_query_many(&p, 1, cmd, timeout_ms);
    int rc = p.rc;
    if (rc) {
        if (err)
            *err = p.err;
    } else {
        dr_buf_append(out, p.answer.data ? p.answer.data : "", p.answer.len);
    }
    fourlw_probe_free(&p);
    return rc;
}

/* query + parse: the parser is called with origin "host:port cmd". */
#define QUERY_AND_PARSE(cmd, parse_call)                                                           \
    do {                                                                                           \
        dr_buf ans = DR_BUF_INIT;                                                                  \
        int rc_ = fourlw_query(host, port, cmd, timeout_ms, &ans, err);                            \
        if (rc_ == DR_OK) {                                                                        \
            char origin[300];                                                                      \
            snprintf(origin, sizeof origin, "%s:%d %s", host, port, cmd);                          \
            const char *text = ans.data ? ans.data : "";                                           \
            size_t len = ans.len;                                                                  \
            rc_ = parse_call;                                                                      \
        }                                                                                          \
        dr_buf_free(&ans);                                                                         \
        return rc_;                                                                                \
    } while (0)

int fourlw_get_srvr(const char *host, int port, int timeout_ms, fourlw_srvr *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    QUERY_AND_PARSE("srvr", fourlw_parse_srvr(origin, text, len, out, err));
}

int fourlw_get_mntr(const char *host, int port, int timeout_ms, fourlw_mntr *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    QUERY_AND_PARSE("mntr", fourlw_parse_mntr(origin, text, len, out, err));
}

int fourlw_get_conf(const char *host, int port, int timeout_ms, fourlw_conf *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    QUERY_AND_PARSE("conf", fourlw_parse_conf(origin, text, len, out, err));
}

int fourlw_get_ruok(const char *host, int port, int timeout_ms, dr_err *err)
{
    QUERY_AND_PARSE("ruok", fourlw_parse_ruok(origin, text, len, err));
}

int fourlw_get_isro(const char *host, int port, int timeout_ms, fourlw_isro *out, dr_err *err)
{
    QUERY_AND_PARSE("isro", fourlw_parse_isro(origin, text, len, out, err));
}

int fourlw_get_lgif(const char *host, int port, int timeout_ms, fourlw_lgif *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    QUERY_AND_PARSE("lgif", fourlw_parse_lgif(origin, text, len, out, err));
}

int fourlw_send_rcvr(const char *host, int port, int timeout_ms, dr_err *err)
{
    QUERY_AND_PARSE("rcvr", fourlw_parse_rcvr(origin, text, len, err));
}
