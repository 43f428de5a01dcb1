/* zk: ZooKeeper sessions over libzookeeper-mt, waiting on the library's
 * events (watcher and completions) with a condition variable and a
 * deadline; marker znode and run lock on top. */
#include "zk.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
/* the synchronous API of libzookeeper_mt is declared only with THREADED */
#define THREADED 1
#include <zookeeper.h>

#define ZK_DEFAULT_TIMEOUT_MS 10000
#define ZK_LOG_KEEP 4096 /* bytes of library log kept for diagnostics */

/* A request whose completion may arrive after its waiter gave up: both hold
 * a reference and the last one frees it. */
typedef struct zk_pending {
    struct zk_session *s;
    int refs;
    bool done;
    int rc;
} zk_pending;

struct zk_session {
    zhandle_t *zh;
    char *servers;
    int session_timeout_ms;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int state; /* last session state seen by the watcher */
};

/* ---- the library's log ----
 * log_callback_fn has no context argument, so the captured log is one
 * per process, guarded by its own mutex.  Sessions report the lines logged
 * since they started. */

static pthread_mutex_t log_mu = PTHREAD_MUTEX_INITIALIZER;
static dr_buf log_ring = DR_BUF_INIT;
static char *log_last_error, *log_last_warning;          /* their text after the prefix */
static uint64_t log_seq, log_error_seq, log_warning_seq; /* messages logged; at the last ones */
static pthread_once_t log_once = PTHREAD_ONCE_INIT;

static void log_capture(const char *message)
{
    pthread_mutex_lock(&log_mu);
    log_seq++;
    if (log_ring.len > ZK_LOG_KEEP) {
        /* keep the newer half */
        size_t cut = log_ring.len - ZK_LOG_KEEP / 2;
        memmove(log_ring.data, log_ring.data + cut, log_ring.len - cut);
        log_ring.len -= cut;
        log_ring.data[log_ring.len] = '\0';
    }
    dr_buf_puts(&log_ring, message);
    if (!log_ring.len || log_ring.data[log_ring.len - 1] != '\n')
        dr_buf_putc(&log_ring, '\n');
    /* "<time>:<pid>(<tid>):ZOO_ERROR@<function>@<line>: <text>" */
    bool is_error = strstr(message, "ZOO_ERROR@") != NULL;
    if (is_error || strstr(message, "ZOO_WARN@")) {
        const char *m = strstr(message, "ZOO_");
        m = m ? strchr(m, '@') : NULL;
        m = m ? strchr(m + 1, '@') : NULL;
        m = m ? strstr(m, ": ") : NULL;
        m = m ? m + 2 : message;
        char **slot = is_error ? &log_last_error : &log_last_warning;
        free(*slot);
        *slot = dr_strdup(m);
        size_t l = strlen(*slot);
        while (l && ((*slot)[l - 1] == '\n' || (*slot)[l - 1] == ' '))
            (*slot)[--l] = '\0';
        if (is_error)
            log_error_seq = log_seq;
        else
            log_warning_seq = log_seq;
    }
    pthread_mutex_unlock(&log_mu);
}

static void log_setup(void)
{
    /* Whatever the library logs outside a handle's callback goes nowhere. */
    FILE *devnull = fopen("/dev/null", "w");
    if (devnull)
        zoo_set_log_stream(devnull);
    zoo_set_debug_level(ZOO_LOG_LEVEL_WARN);
}

/* The last problem logged after seq, or NULL; the caller frees. */
static char *log_problem_since(uint64_t seq)
{
    pthread_mutex_lock(&log_mu);
    char *p = NULL;
    if (log_last_error && log_error_seq > seq)
        p = dr_strdup(log_last_error);
    else if (log_last_warning && log_warning_seq > seq)
        p = dr_strdup(log_last_warning);
    pthread_mutex_unlock(&log_mu);
    return p;
}

const char *zk_library_log(const zk_session *s)
{
    (void)s;
    /* The ring only grows at its end and is trimmed from its start: a
     * pointer into it could move, so hand out a stable copy per thread. */
    static _Thread_local char copy[ZK_LOG_KEEP + 1];
    pthread_mutex_lock(&log_mu);
    size_t n = log_ring.len < ZK_LOG_KEEP ? log_ring.len : ZK_LOG_KEEP;
    if (n)
        memcpy(copy, log_ring.data + log_ring.len - n, n);
    copy[n] = '\0';
    pthread_mutex_unlock(&log_mu);
    return copy;
}

/* ---- errors ---- */

static const char *zcode_name(int zrc)
{
    switch (zrc) {
    case ZOK:
        return "ZOK";
    case ZCONNECTIONLOSS:
        return "ZCONNECTIONLOSS";
    case ZMARSHALLINGERROR:
        return "ZMARSHALLINGERROR";
    case ZOPERATIONTIMEOUT:
        return "ZOPERATIONTIMEOUT";
    case ZBADARGUMENTS:
        return "ZBADARGUMENTS";
    case ZINVALIDSTATE:
        return "ZINVALIDSTATE";
    case ZNEWCONFIGNOQUORUM:
        return "ZNEWCONFIGNOQUORUM";
    case ZRECONFIGINPROGRESS:
        return "ZRECONFIGINPROGRESS";
    case ZNONODE:
        return "ZNONODE";
    case ZNOAUTH:
        return "ZNOAUTH";
    case ZBADVERSION:
        return "ZBADVERSION";
    case ZNOCHILDRENFOREPHEMERALS:
        return "ZNOCHILDRENFOREPHEMERALS";
    case ZNODEEXISTS:
        return "ZNODEEXISTS";
    case ZNOTEMPTY:
        return "ZNOTEMPTY";
    case ZSESSIONEXPIRED:
        return "ZSESSIONEXPIRED";
    case ZINVALIDACL:
        return "ZINVALIDACL";
    case ZAUTHFAILED:
        return "ZAUTHFAILED";
    case ZCLOSING:
        return "ZCLOSING";
    case ZSESSIONMOVED:
        return "ZSESSIONMOVED";
    case ZNOTREADONLY:
        return "ZNOTREADONLY";
    case ZRECONFIGDISABLED:
        return "ZRECONFIGDISABLED";
    case ZUNIMPLEMENTED:
        return "ZUNIMPLEMENTED";
    case ZSYSTEMERROR:
        return "ZSYSTEMERROR";
    default:
        return NULL;
    }
}

int zk_error(int zrc, zk_op op, const char *what, dr_err *err)
{
    if (zrc == ZOK)
        return DR_OK;
    int code = DR_EIO;
    const char *why;
    switch (zrc) {
    case ZNONODE:
        code = DR_ENOTFOUND;
        why = op == ZK_OP_WRITE ? "no such znode (or its parent is missing)" : "no such znode";
        break;
    case ZNODEEXISTS:
        code = DR_ECONFLICT;
        why = "the znode already exists";
        break;
    case ZBADVERSION:
        code = DR_ECONFLICT;
        why = op == ZK_OP_RECONFIG ? "the configuration changed since the version given was read"
                                   : "version mismatch: the znode changed since it was read";
        break;
    case ZNOTEMPTY:
        code = DR_ECONFLICT;
        why = "the znode has children";
        break;
    case ZNOAUTH:
        code = DR_EAUTH;
        why = op == ZK_OP_RECONFIG ? "no permission: reconfig needs the super user digest "
                                     "(keeper.super_digest_file)"
                                   : "no permission (the znode's ACL refuses this session)";
        break;
    case ZAUTHFAILED:
        code = DR_EAUTH;
        why = "authentication failed";
        break;
    case ZNEWCONFIGNOQUORUM:
        code = DR_EREFUSED;
        why = "no quorum for the new config: the servers it needs are not connected to the "
              "leader (start a joining server before adding it; to turn an observer into a "
              "participant, remove it, then add it back)";
        break;
    case ZRECONFIGINPROGRESS:
        code = DR_ECONFLICT;
        why = "another reconfiguration is in progress: retry when it is finished";
        break;
    case ZRECONFIGDISABLED:
        code = DR_EREFUSED;
        why = "reconfigEnabled=false on the server (set reconfigEnabled=true in every zoo.cfg; "
              "there is no -D property for it)";
        break;
    case ZBADARGUMENTS:
        code = DR_EINVAL;
        why = op == ZK_OP_RECONFIG ? "the server rejected the joining/leaving lists"
                                   : "bad arguments";
        break;
    case ZNOCHILDRENFOREPHEMERALS:
        code = DR_EINVAL;
        why = "an ephemeral znode cannot have children";
        break;
    case ZINVALIDACL:
        code = DR_EINVAL;
        why = "invalid ACL";
        break;
    case ZUNIMPLEMENTED:
        code = DR_EREFUSED;
        why = "the server does not implement this operation";
        break;
    case ZNOTREADONLY:
        code = DR_EREFUSED;
        why = "the server is read-only (it lost its quorum)";
        break;
    case ZCONNECTIONLOSS:
        why = "connection to the server lost";
        break;
    case ZOPERATIONTIMEOUT:
        code = DR_ETIMEOUT;
        why = "the server did not answer in time";
        break;
    case ZSESSIONEXPIRED:
        why = "the session expired";
        break;
    case ZINVALIDSTATE:
        why = "the session is no longer usable (expired or authentication failed)";
        break;
    case ZCLOSING:
        why = "the session is closing";
        break;
    case ZMARSHALLINGERROR:
        code = DR_EINVAL;
        why = "the request could not be encoded (too large?)";
        break;
    default:
        why = zerror(zrc);
        break;
    }
    const char *name = zcode_name(zrc);
    char num[32];
    if (!name) {
        snprintf(num, sizeof num, "code %d", zrc);
        name = num;
    }
    if (what)
        return dr_err_set(err, code, "%s: %s (%s)", what, why, name);
    return dr_err_set(err, code, "%s (%s)", why, name);
}

/* ---- paths ---- */

int zk_path_check(const char *path, dr_err *err)
{
    if (!path || path[0] != '/')
        return dr_err_set(err, DR_EINVAL, "znode path '%.200s': expected an absolute path",
                          path ? path : "(null)");
    size_t n = strlen(path);
    if (n == 1)
        return DR_OK;
    if (path[n - 1] == '/')
        return dr_err_set(err, DR_EINVAL, "znode path '%.200s': expected no trailing '/'", path);
    const char *c = path;
    while (*c) {
        c++; /* past '/' */
        const char *e = strchr(c, '/');
        size_t l = e ? (size_t)(e - c) : strlen(c);
        if (l == 0 || (l == 1 && c[0] == '.') || (l == 2 && c[0] == '.' && c[1] == '.'))
            return dr_err_set(err, DR_EINVAL,
                              "znode path '%.200s': expected no empty, '.' or '..' component",
                              path);
        for (size_t i = 0; i < l; i++)
            if ((unsigned char)c[i] < 0x20 || c[i] == 0x7f)
                return dr_err_set(err, DR_EINVAL,
                                  "znode path: expected no control characters at offset %zu",
                                  (size_t)(c - path) + i);
        c += l;
    }
    return DR_OK;
}

/* ---- session ---- */

static void watcher(zhandle_t *zh, int type, int state, const char *path, void *ctx)
{
    (void)zh;
    (void)path;
    zk_session *s = ctx;
    if (type != ZOO_SESSION_EVENT || !s)
        return;
    pthread_mutex_lock(&s->mu);
    s->state = state;
    pthread_cond_broadcast(&s->cv);
    pthread_mutex_unlock(&s->mu);
}

static const char *state_name(int state)
{
    if (state == ZOO_CONNECTED_STATE)
        return "connected";
    if (state == ZOO_CONNECTING_STATE)
        return "connecting";
    if (state == ZOO_ASSOCIATING_STATE)
        return "associating";
    if (state == ZOO_EXPIRED_SESSION_STATE)
        return "session expired";
    if (state == ZOO_AUTH_FAILED_STATE)
        return "authentication failed";
    if (state == ZOO_READONLY_STATE)
        return "read-only";
    if (state == ZOO_NOTCONNECTED_STATE || state == 0)
        return "not connected";
    return "unknown";
}

/* One wait on s->cv, at most until deadline (monotonic ms).  Called with
 * s->mu held.  Returns false once the deadline has passed. */
static bool wait_once(zk_session *s, int64_t deadline)
{
    int64_t left = deadline - dr_now_ms();
    if (left <= 0)
        return false;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    ts.tv_sec += left / 1000;
    ts.tv_nsec += (left % 1000) * 1000000;
    if (ts.tv_nsec >= 1000000000) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000;
    }
    pthread_cond_timedwait(&s->cv, &s->mu, &ts);
    return true;
}

/* Waits until *flag is true or the deadline passes; s->mu held. */
static bool wait_until(zk_session *s, const bool *flag, int64_t deadline)
{
    while (!*flag)
        if (!wait_once(s, deadline))
            return false;
    return true;
}

static zk_pending *pending_new(zk_session *s)
{
    zk_pending *p = dr_calloc(1, sizeof *p);
    p->s = s;
    p->refs = 2; /* the waiter and the completion */
    return p;
}

/* Drops one reference; called with s->mu held. */
static void pending_unref(zk_pending *p)
{
    if (--p->refs == 0)
        free(p);
}

static void pending_done(int rc, const void *data)
{
    zk_pending *p = (zk_pending *)data;
    zk_session *s = p->s;
    pthread_mutex_lock(&s->mu);
    p->rc = rc;
    p->done = true;
    pthread_cond_broadcast(&s->cv);
    pending_unref(p);
    pthread_mutex_unlock(&s->mu);
}

static void string_done(int rc, const char *value, const void *data)
{
    (void)value;
    pending_done(rc, data);
}

/* Waits for p within timeout_ms; returns its rc or ZOPERATIONTIMEOUT. */
static int pending_wait(zk_session *s, zk_pending *p, int timeout_ms)
{
    pthread_mutex_lock(&s->mu);
    bool ok = wait_until(s, &p->done, dr_now_ms() + timeout_ms);
    int rc = ok ? p->rc : ZOPERATIONTIMEOUT;
    pending_unref(p);
    pthread_mutex_unlock(&s->mu);
    return rc;
}

void zk_close(zk_session *s)
{
    if (!s)
        return;
    if (s->zh)
        zookeeper_close(s->zh); /* runs outstanding completions with ZCLOSING */
    pthread_cond_destroy(&s->cv);
    pthread_mutex_destroy(&s->mu);
    free(s->servers);
    free(s);
}

const char *zk_servers(const zk_session *s)
{
    return s ? s->servers : "";
}

static int check_servers(const char *servers, dr_err *err)
{
    if (!servers || !servers[0])
        return dr_err_set(err, DR_EINVAL, "zk: expected a server list (host:port,...)");
    for (const char *c = servers; *c; c++)
        if ((unsigned char)*c <= ' ' || *c == '/')
            return dr_err_set(err, DR_EINVAL,
                              "zk server list '%.200s': expected host:port[,host:port...] "
                              "without spaces or a chroot",
                              servers);
    return DR_OK;
}

int zk_open(const char *servers, const zk_options *opt, zk_session **out, dr_err *err)
{
    *out = NULL;
    int rc = check_servers(servers, err);
    if (rc)
        return rc;
    zk_options o = opt ? *opt : (zk_options){0};
    if (o.connect_timeout_ms <= 0)
        o.connect_timeout_ms = ZK_DEFAULT_TIMEOUT_MS;
    if (o.session_timeout_ms <= 0)
        o.session_timeout_ms = ZK_DEFAULT_TIMEOUT_MS;
    int64_t deadline = dr_now_ms() + o.connect_timeout_ms;

    char *secret = NULL;
    if (o.secret_file || o.secret_env) {
        rc = dr_secret_load(o.secret_file, o.secret_env, &secret, err);
        if (rc) {
            dr_err_wrap(err, "zk %s: digest credentials", servers);
            return err ? (err->code = DR_EAUTH) : DR_EAUTH;
        }
        if (!strchr(secret, ':')) {
            dr_secret_free(secret);
            return dr_err_set(err, DR_EAUTH,
                              "zk %s: digest credentials from %s: expected 'user:password'",
                              servers, o.secret_file ? o.secret_file : o.secret_env);
        }
    }

    pthread_once(&log_once, log_setup);
    pthread_mutex_lock(&log_mu);
    uint64_t seq0 = log_seq;
    pthread_mutex_unlock(&log_mu);

    zk_session *s = dr_calloc(1, sizeof *s);
    s->servers = dr_strdup(servers);
    s->session_timeout_ms = o.session_timeout_ms;
    pthread_mutex_init(&s->mu, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&s->cv, &ca);
    pthread_condattr_destroy(&ca);

    s->zh = zookeeper_init2(servers, watcher, o.session_timeout_ms, NULL, s, 0, log_capture);
    if (!s->zh) {
        int e = errno;
        zk_close(s);
        dr_secret_free(secret);
        return dr_err_set(err, e == EINVAL ? DR_EINVAL : DR_EIO,
                          "zk %s: cannot start a session: %s", servers, strerror(e));
    }

    /* wait for the session: the watcher signals every state change */
    pthread_mutex_lock(&s->mu);
    bool connected = false;
    while (s->state != ZOO_CONNECTED_STATE && s->state != ZOO_EXPIRED_SESSION_STATE &&
           s->state != ZOO_AUTH_FAILED_STATE)
        if (!wait_once(s, deadline))
            break;
    connected = s->state == ZOO_CONNECTED_STATE;
    int state = s->state;
    pthread_mutex_unlock(&s->mu);
    if (!connected) {
        char *why = log_problem_since(seq0);
        zk_close(s);
        dr_secret_free(secret);
        if (state == ZOO_AUTH_FAILED_STATE || state == ZOO_EXPIRED_SESSION_STATE)
            rc = dr_err_set(err, state == ZOO_AUTH_FAILED_STATE ? DR_EAUTH : DR_EIO,
                            "zk %s: the session failed while connecting (%s)%s%s", servers,
                            state_name(state), why ? ": " : "", why ? why : "");
        else
            rc = dr_err_set(err, DR_ETIMEOUT, "zk %s: no session within %d ms (state: %s%s%s)",
                            servers, o.connect_timeout_ms, state_name(state),
                            why ? "; last error: " : "", why ? why : "");
        free(why);
        return rc;
    }

    if (secret) {
        zk_pending *p = pending_new(s);
        int zrc = zoo_add_auth(s->zh, "digest", secret, (int)strlen(secret), pending_done, p);
        dr_secret_free(secret);
        secret = NULL;
        if (zrc != ZOK) {
            free(p); /* the completion will not run: both references were ours */
        } else {
            int64_t left = deadline - dr_now_ms();
            zrc = pending_wait(s, p, left > 0 ? (int)left : 1);
        }
        if (zrc != ZOK) {
            zk_close(s);
            char what[300];
            snprintf(what, sizeof what, "zk %s: digest authentication", servers);
            rc = zk_error(zrc, ZK_OP_READ, what, err);
            if (zrc == ZOPERATIONTIMEOUT && err)
                err->code = rc = DR_ETIMEOUT;
            else if (err)
                err->code = rc = DR_EAUTH;
            return rc;
        }
    }
    *out = s;
    return DR_OK;
}

/* "zk <servers> <op> <path>" for error messages. */
static void what_of(const zk_session *s, const char *op, const char *path, char *buf, size_t n)
{
    snprintf(buf, n, "zk %s: %s %.300s", s->servers, op, path ? path : "");
}

static int fail(zk_session *s, int zrc, zk_op kind, const char *op, const char *path, dr_err *err)
{
    char what[700];
    what_of(s, op, path, what, sizeof what);
    return zk_error(zrc, kind, what, err);
}

static void stat_copy(zk_stat *out, const struct Stat *st)
{
    if (!out)
        return;
    out->czxid = st->czxid;
    out->mzxid = st->mzxid;
    out->version = st->version;
    out->cversion = st->cversion;
    out->ephemeral_owner = st->ephemeralOwner;
    out->data_length = st->dataLength;
    out->num_children = st->numChildren;
}

static int args_ok(zk_session *s, const char *path, dr_err *err)
{
    if (!s || !s->zh)
        return dr_err_set(err, DR_EINVAL, "zk: the session is closed");
    return zk_path_check(path, err);
}

/* zoo_get or zoo_getconfig until the buffer holds the whole data. */
static int get_whole(zk_session *s, const char *path, bool config, dr_buf *data, struct Stat *st)
{
    int cap = 4096;
    for (int attempt = 0; attempt < 4; attempt++) {
        char *buf = dr_malloc((size_t)cap);
        int len = cap;
        int zrc = config ? zoo_getconfig(s->zh, 0, buf, &len, st)
                         : zoo_get(s->zh, path, 0, buf, &len, st);
        if (zrc != ZOK) {
            free(buf);
            return zrc;
        }
        if (st->dataLength <= cap) {
            if (len > 0)
                dr_buf_append(data, buf, (size_t)len);
            else
                dr_buf_append(data, "", 0);
            free(buf);
            return ZOK;
        }
        cap = st->dataLength; /* it grew between the calls: try again */
        free(buf);
    }
    return ZMARSHALLINGERROR;
}

int zk_get(zk_session *s, const char *path, dr_buf *data, zk_stat *st, dr_err *err)
{
    int rc = args_ok(s, path, err);
    if (rc)
        return rc;
    struct Stat zs;
    memset(&zs, 0, sizeof zs);
    int zrc = get_whole(s, path, false, data, &zs);
    if (zrc != ZOK)
        return fail(s, zrc, ZK_OP_READ, "get", path, err);
    stat_copy(st, &zs);
    return DR_OK;
}

int zk_set(zk_session *s, const char *path, const void *data, size_t len, int version, zk_stat *st,
           dr_err *err)
{
    int rc = args_ok(s, path, err);
    if (rc)
        return rc;
    if (len > 0x7fffffff || (!data && len))
        return dr_err_set(err, DR_EINVAL, "zk set %s: bad data", path);
    struct Stat zs;
    memset(&zs, 0, sizeof zs);
    int zrc = zoo_set2(s->zh, path, data ? data : "", (int)len, version, &zs);
    if (zrc != ZOK)
        return fail(s, zrc, ZK_OP_WRITE, "set", path, err);
    stat_copy(st, &zs);
    return DR_OK;
}

int zk_create(zk_session *s, const char *path, const void *data, size_t len, int flags,
              char **created, dr_err *err)
{
    if (created)
        *created = NULL;
    int rc = args_ok(s, path, err);
    if (rc)
        return rc;
    if (strcmp(path, "/") == 0)
        return dr_err_set(err, DR_EINVAL, "zk create /: the root always exists");
    if (len > 0x7fffffff || (!data && len))
        return dr_err_set(err, DR_EINVAL, "zk create %s: bad data", path);
    int mode;
    if (flags & ~(ZK_CREATE_EPHEMERAL | ZK_CREATE_SEQUENTIAL | ZK_CREATE_CONTAINER))
        return dr_err_set(err, DR_EINVAL, "zk create %s: unknown flags 0x%x", path, flags);
    if (flags & ZK_CREATE_CONTAINER) {
        if (flags != ZK_CREATE_CONTAINER)
            return dr_err_set(err, DR_EINVAL,
                              "zk create %s: a container cannot be ephemeral or sequential", path);
        mode = ZOO_CONTAINER;
    } else if ((flags & ZK_CREATE_EPHEMERAL) && (flags & ZK_CREATE_SEQUENTIAL)) {
        mode = ZOO_EPHEMERAL_SEQUENTIAL;
    } else if (flags & ZK_CREATE_EPHEMERAL) {
        mode = ZOO_EPHEMERAL;
    } else if (flags & ZK_CREATE_SEQUENTIAL) {
        mode = ZOO_PERSISTENT_SEQUENTIAL;
    } else {
        mode = ZOO_PERSISTENT;
    }
    size_t cap = strlen(path) + 32; /* room for a sequence suffix */
    char *real = dr_malloc(cap);
    real[0] = '\0';
    int zrc = zoo_create(s->zh, path, data ? data : "", (int)len, &ZOO_OPEN_ACL_UNSAFE, mode, real,
                         (int)cap);
    if (zrc != ZOK) {
        free(real);
        return fail(s, zrc, ZK_OP_WRITE, "create", path, err);
    }
    if (created)
        *created = real;
    else
        free(real);
    return DR_OK;
}

int zk_create_parents(zk_session *s, const char *path, dr_err *err)
{
    int rc = args_ok(s, path, err);
    if (rc)
        return rc;
    char *p = dr_strdup(path);
    for (char *c = strchr(p + 1, '/'); c; c = strchr(c + 1, '/')) {
        *c = '\0';
        int zrc = zoo_create(s->zh, p, "", 0, &ZOO_OPEN_ACL_UNSAFE, ZOO_PERSISTENT, NULL, 0);
        if (zrc != ZOK && zrc != ZNODEEXISTS) {
            rc = fail(s, zrc, ZK_OP_WRITE, "create", p, err);
            free(p);
            return rc;
        }
        *c = '/';
    }
    free(p);
    return DR_OK;
}

int zk_delete(zk_session *s, const char *path, int version, dr_err *err)
{
    int rc = args_ok(s, path, err);
    if (rc)
        return rc;
    int zrc = zoo_delete(s->zh, path, version);
    if (zrc != ZOK)
        return fail(s, zrc, ZK_OP_WRITE, "delete", path, err);
    return DR_OK;
}

int zk_exists(zk_session *s, const char *path, bool *exists, zk_stat *st, dr_err *err)
{
    *exists = false;
    int rc = args_ok(s, path, err);
    if (rc)
        return rc;
    struct Stat zs;
    memset(&zs, 0, sizeof zs);
    int zrc = zoo_exists(s->zh, path, 0, &zs);
    if (zrc == ZNONODE)
        return DR_OK;
    if (zrc != ZOK)
        return fail(s, zrc, ZK_OP_READ, "exists", path, err);
    *exists = true;
    stat_copy(st, &zs);
    return DR_OK;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int zk_children(zk_session *s, const char *path, char ***names, size_t *n, dr_err *err)
{
    *names = NULL;
    *n = 0;
    int rc = args_ok(s, path, err);
    if (rc)
        return rc;
    struct String_vector v = {0, NULL};
    int zrc = zoo_get_children(s->zh, path, 0, &v);
    if (zrc != ZOK)
        return fail(s, zrc, ZK_OP_READ, "children", path, err);
    char **out = dr_calloc(v.count > 0 ? (size_t)v.count : 1, sizeof *out);
    for (int i = 0; i < v.count; i++)
        out[i] = dr_strdup(v.data[i]);
    size_t count = v.count > 0 ? (size_t)v.count : 0;
    deallocate_String_vector(&v);
    qsort(out, count, sizeof *out, cmp_str);
    *names = out;
    *n = count;
    return DR_OK;
}

void zk_strings_free(char **names, size_t n)
{
    for (size_t i = 0; names && i < n; i++)
        free(names[i]);
    free(names);
}

int zk_sync(zk_session *s, const char *path, dr_err *err)
{
    int rc = args_ok(s, path, err);
    if (rc)
        return rc;
    zk_pending *p = pending_new(s);
    int zrc = zoo_async(s->zh, path, string_done, p);
    if (zrc != ZOK) {
        free(p); /* the completion will not run: both references were ours */
        return fail(s, zrc, ZK_OP_READ, "sync", path, err);
    }
    zrc = pending_wait(s, p, s->session_timeout_ms);
    if (zrc != ZOK)
        return fail(s, zrc, ZK_OP_READ, "sync", path, err);
    return DR_OK;
}

/* ---- configuration ---- */

static int config_from_text(zk_session *s, const char *text, size_t len, const struct Stat *st,
                            zk_config *out, dr_err *err)
{
    char origin[300];
    snprintf(origin, sizeof origin, "zk %s: /zookeeper/config", s->servers);
    int rc = fourlw_parse_membership(origin, text, len, &out->membership, err);
    if (rc)
        return rc;
    out->text = dr_strndup(text, len);
    if (st)
        stat_copy(&out->stat, st);
    return DR_OK;
}

int zk_config_get(zk_session *s, zk_config *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    int rc = zk_sync(s, "/zookeeper/config", err);
    if (rc)
        return rc;
    dr_buf b = DR_BUF_INIT;
    struct Stat zs;
    memset(&zs, 0, sizeof zs);
    int zrc = get_whole(s, "/zookeeper/config", true, &b, &zs);
    if (zrc != ZOK) {
        dr_buf_free(&b);
        return fail(s, zrc, ZK_OP_READ, "get", "/zookeeper/config", err);
    }
    rc = config_from_text(s, b.data ? b.data : "", b.len, &zs, out, err);
    dr_buf_free(&b);
    return rc;
}

void zk_config_free(zk_config *c)
{
    if (!c)
        return;
    fourlw_membership_free(&c->membership);
    free(c->text);
    c->text = NULL;
}

/* A reconfig list is a comma-separated list without newlines. */
static int check_list(const char *what, const char *v, dr_err *err)
{
    if (!v)
        return DR_OK;
    if (!v[0])
        return dr_err_set(err, DR_EINVAL, "zk reconfig: %s: expected a non-empty list", what);
    for (const char *c = v; *c; c++)
        if ((unsigned char)*c < 0x20 || *c == 0x7f)
            return dr_err_set(err, DR_EINVAL,
                              "zk reconfig: %s: expected no control characters (col %zu)", what,
                              (size_t)(c - v) + 1);
    return DR_OK;
}

int zk_reconfig(zk_session *s, const char *joining, const char *leaving, int64_t from_version,
                zk_config *out, dr_err *err)
{
    if (out)
        memset(out, 0, sizeof *out);
    if (!joining && !leaving)
        return dr_err_set(err, DR_EINVAL, "zk reconfig: expected servers joining or leaving");
    int rc = check_list("joining", joining, err);
    if (!rc)
        rc = check_list("leaving", leaving, err);
    if (rc)
        return rc;
    /* Each joining server line must parse, so that a typo is reported here
     * with its position rather than as the server's "bad arguments". */
    if (joining) {
        const char *c = joining;
        int idx = 1;
        while (*c) {
            const char *e = strchr(c, ',');
            size_t l = e ? (size_t)(e - c) : strlen(c);
            fourlw_member m;
            char origin[64];
            snprintf(origin, sizeof origin, "reconfig joining server %d", idx);
            rc = fourlw_parse_member(origin, 1, c, l, &m, err);
            fourlw_member_free(&m);
            if (rc)
                return rc;
            c += l + (e ? 1 : 0);
            idx++;
        }
    }
    if (!s || !s->zh)
        return dr_err_set(err, DR_EINVAL, "zk: the session is closed");
    int cap = 65536;
    char *buf = dr_malloc((size_t)cap);
    int len = cap;
    struct Stat zs;
    memset(&zs, 0, sizeof zs);
    int zrc = zoo_reconfig(s->zh, joining, leaving, NULL, from_version, buf, &len, &zs);
    if (zrc != ZOK) {
        free(buf);
        char what[600];
        snprintf(what, sizeof what, "zk %s: reconfig%s%.200s%s%.100s", s->servers,
                 joining ? " joining " : "", joining ? joining : "", leaving ? " leaving " : "",
                 leaving ? leaving : "");
        return zk_error(zrc, ZK_OP_RECONFIG, what, err);
    }
    if (out) {
        if (zs.dataLength > cap || len < 0) {
            rc = zk_config_get(s, out, err);
        } else {
            rc = config_from_text(s, buf, (size_t)len, &zs, out, err);
        }
    }
    free(buf);
    return rc;
}

/* ---- "key=value key=value" records (marker, lock holder) ---- */

static bool token_ok(const char *v)
{
    if (!v || !v[0] || strlen(v) > 200)
        return false;
    for (const char *c = v; *c; c++)
        if ((unsigned char)*c <= ' ' || *c == 0x7f || *c == '=')
            return false;
    return true;
}

/* Finds "key=" in text at a token start; returns the value span. */
static bool record_field(const char *text, size_t len, const char *key, const char **v, size_t *vn)
{
    size_t kl = strlen(key);
    size_t i = 0;
    while (i < len) {
        while (i < len && (text[i] == ' ' || text[i] == '\n'))
            i++;
        size_t start = i;
        while (i < len && text[i] != ' ' && text[i] != '\n')
            i++;
        if (i - start > kl && memcmp(text + start, key, kl) == 0 && text[start + kl] == '=') {
            *v = text + start + kl + 1;
            *vn = i - start - kl - 1;
            return true;
        }
    }
    return false;
}

static int record_i64(const char *text, size_t len, const char *key, int64_t *out)
{
    const char *v;
    size_t vn;
    if (!record_field(text, len, key, &v, &vn) || vn == 0 || vn > 19)
        return DR_EPARSE;
    int64_t x = 0;
    for (size_t i = 0; i < vn; i++) {
        if (v[i] < '0' || v[i] > '9')
            return DR_EPARSE;
        if (x > (INT64_MAX - (v[i] - '0')) / 10)
            return DR_EPARSE;
        x = x * 10 + (v[i] - '0');
    }
    *out = x;
    return DR_OK;
}

static char *record_str(const char *text, size_t len, const char *key)
{
    const char *v;
    size_t vn;
    if (!record_field(text, len, key, &v, &vn) || vn == 0)
        return NULL;
    for (size_t i = 0; i < vn; i++)
        if ((unsigned char)v[i] < 0x20 || v[i] == 0x7f)
            return NULL;
    return dr_strndup(v, vn);
}

int zk_marker_format(const char *run_id, int64_t time_ms, dr_buf *out, dr_err *err)
{
    if (!token_ok(run_id))
        return dr_err_set(err, DR_EINVAL,
                          "zk marker: run id '%.60s': expected 1-200 characters, no spaces or '='",
                          run_id ? run_id : "(null)");
    dr_buf_printf(out, "run=%s time=%lld", run_id, (long long)time_ms);
    return DR_OK;
}

int zk_marker_parse(const char *text, size_t len, zk_marker *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    out->run_id = record_str(text, len, "run");
    if (!out->run_id || record_i64(text, len, "time", &out->time_ms)) {
        zk_marker_free(out);
        return dr_err_set(err, DR_EPARSE, "zk marker: expected 'run=<id> time=<ms>'");
    }
    return DR_OK;
}

void zk_marker_free(zk_marker *m)
{
    if (m) {
        free(m->run_id);
        m->run_id = NULL;
    }
}

int zk_marker_write(zk_session *s, const char *path, const char *run_id, dr_err *err)
{
    int rc = args_ok(s, path, err);
    if (rc)
        return rc;
    dr_buf b = DR_BUF_INIT;
    rc = zk_marker_format(run_id, dr_wall_ms(), &b, err);
    if (!rc)
        rc = zk_create_parents(s, path, err);
    if (!rc) {
        rc = zk_set(s, path, b.data, b.len, -1, NULL, err);
        if (rc == DR_ENOTFOUND)
            rc = zk_create(s, path, b.data, b.len, ZK_CREATE_PERSISTENT, NULL, err);
        if (rc == DR_ECONFLICT) /* created meanwhile by somebody else: overwrite */
            rc = zk_set(s, path, b.data, b.len, -1, NULL, err);
    }
    dr_buf_free(&b);
    return rc;
}

int zk_marker_read(zk_session *s, const char *path, zk_marker *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    int rc = zk_sync(s, path, err);
    if (rc)
        return rc;
    dr_buf b = DR_BUF_INIT;
    zk_stat st;
    rc = zk_get(s, path, &b, &st, err);
    if (!rc) {
        rc = zk_marker_parse(b.data ? b.data : "", b.len, out, err);
        if (rc)
            dr_err_wrap(err, "zk %s: %s", s->servers, path);
        else
            out->mzxid = st.mzxid;
    }
    dr_buf_free(&b);
    return rc;
}

/* ---- lock ---- */

int zk_lock_holder_format(const char *host, int64_t pid, const char *run_id, int64_t time_ms,
                          dr_buf *out, dr_err *err)
{
    if (!token_ok(run_id))
        return dr_err_set(err, DR_EINVAL,
                          "zk lock: run id '%.60s': expected 1-200 characters, no spaces or '='",
                          run_id ? run_id : "(null)");
    if (!token_ok(host))
        return dr_err_set(err, DR_EINVAL, "zk lock: host name '%.60s': expected no spaces",
                          host ? host : "(null)");
    dr_buf_printf(out, "host=%s pid=%lld run=%s time=%lld", host, (long long)pid, run_id,
                  (long long)time_ms);
    return DR_OK;
}

int zk_lock_holder_parse(const char *text, size_t len, zk_lock_holder *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    out->host = record_str(text, len, "host");
    out->run_id = record_str(text, len, "run");
    if (!out->host || !out->run_id || record_i64(text, len, "pid", &out->pid) ||
        record_i64(text, len, "time", &out->time_ms)) {
        zk_lock_holder_free(out);
        return dr_err_set(err, DR_EPARSE,
                          "zk lock: expected 'host=<name> pid=<n> run=<id> time=<ms>'");
    }
    return DR_OK;
}

void zk_lock_holder_free(zk_lock_holder *h)
{
    if (h) {
        free(h->host);
        free(h->run_id);
        h->host = h->run_id = NULL;
    }
}

static int holder_get(zk_session *s, const char *path, zk_lock_holder *out, zk_stat *st,
                      dr_err *err)
{
    dr_buf b = DR_BUF_INIT;
    int rc = zk_get(s, path, &b, st, err);
    if (!rc) {
        rc = zk_lock_holder_parse(b.data ? b.data : "", b.len, out, err);
        if (rc)
            dr_err_wrap(err, "zk %s: %s", s->servers, path);
    }
    dr_buf_free(&b);
    return rc;
}

int zk_lock_holder_get(zk_session *s, const char *path, zk_lock_holder *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    int rc = args_ok(s, path, err);
    if (rc)
        return rc;
    return holder_get(s, path, out, NULL, err);
}

static void utc_time(int64_t ms, char *buf, size_t n)
{
    time_t t = (time_t)(ms / 1000);
    struct tm tm;
    if (!gmtime_r(&t, &tm) || !strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm))
        snprintf(buf, n, "%lld ms", (long long)ms);
}

int zk_lock_acquire(zk_session *s, const char *path, const char *run_id, zk_lock_holder *holder,
                    dr_err *err)
{
    if (holder)
        memset(holder, 0, sizeof *holder);
    int rc = args_ok(s, path, err);
    if (rc)
        return rc;
    char host[256];
    if (gethostname(host, sizeof host) != 0)
        snprintf(host, sizeof host, "unknown");
    host[sizeof host - 1] = '\0';
    dr_buf b = DR_BUF_INIT;
    rc = zk_lock_holder_format(host, (int64_t)getpid(), run_id, dr_wall_ms(), &b, err);
    if (!rc)
        rc = zk_create_parents(s, path, err);
    /* A holder that goes away between our create and our read: try again. */
    for (int attempt = 0; !rc && attempt < 3; attempt++) {
        rc = zk_create(s, path, b.data, b.len, ZK_CREATE_EPHEMERAL, NULL, err);
        if (rc != DR_ECONFLICT)
            break;
        zk_lock_holder h;
        zk_stat st;
        dr_err e2 = {0};
        rc = holder_get(s, path, &h, &st, &e2);
        if (rc == DR_ENOTFOUND) {
            rc = DR_OK;
            continue;
        }
        if (rc) {
            if (err)
                *err = e2;
            break;
        }
        const clientid_t *me = zoo_client_id(s->zh);
        if (strcmp(h.run_id, run_id) == 0 && me && st.ephemeral_owner == me->client_id) {
            /* this session already holds it for this run */
            if (holder)
                *holder = h;
            else
                zk_lock_holder_free(&h);
            rc = DR_OK;
            break;
        }
        if (strcmp(h.run_id, run_id) == 0 && st.ephemeral_owner) {
            /* This run's own lock from an earlier session: the process that
             * was killed and is now resumed, or the old ensemble's session
             * carried into a new one by a failover.  Take it over. */
            zk_lock_holder_free(&h);
            rc = zk_delete(s, path, st.version, err);
            if (rc == DR_ENOTFOUND || rc == DR_ECONFLICT)
                rc = DR_OK; /* gone or changed meanwhile: look again */
            continue;
        }
        char since[64];
        utc_time(h.time_ms, since, sizeof since);
        int64_t age = (dr_wall_ms() - h.time_ms) / 1000;
        rc = dr_err_set(err, DR_ECONFLICT,
                        "zk %s: lock %s is held by run %s (host %s, pid %lld) since %s (%lld s "
                        "ago)%s",
                        s->servers, path, h.run_id, h.host, (long long)h.pid, since,
                        (long long)(age < 0 ? 0 : age),
                        st.ephemeral_owner ? ""
                                           : "; the znode is not ephemeral: somebody made it by "
                                             "hand, delete it once nobody runs");
        if (holder)
            *holder = h;
        else
            zk_lock_holder_free(&h);
        break;
    }
    dr_buf_free(&b);
    return rc;
}

int zk_lock_release(zk_session *s, const char *path, const char *run_id, dr_err *err)
{
    int rc = args_ok(s, path, err);
    if (rc)
        return rc;
    zk_lock_holder h;
    zk_stat st;
    rc = holder_get(s, path, &h, &st, err);
    if (rc == DR_ENOTFOUND)
        return dr_err_set(err, DR_ENOTFOUND, "zk %s: lock %s: nobody holds it", s->servers, path);
    if (rc)
        return rc;
    if (!run_id || strcmp(h.run_id, run_id) != 0) {
        rc = dr_err_set(err, DR_ECONFLICT,
                        "zk %s: lock %s is held by run %s (host %s, pid %lld), not by run %.100s",
                        s->servers, path, h.run_id, h.host, (long long)h.pid,
                        run_id ? run_id : "(none)");
        zk_lock_holder_free(&h);
        return rc;
    }
    zk_lock_holder_free(&h);
    return zk_delete(s, path, st.version, err);
}
