/* ssh_pool: the pool of sessions by "user@host:port" (a hash of them), and
 * each session's setup as a non-blocking state machine: TCP connect,
 * handshake, host key check, authentication.
 * The module as a whole is described in ssh.c. */
#include "ssh.h"
#include "ssh_int.h"

#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <libssh2.h>
#include <libssh2_sftp.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/evp.h>
#include <poll.h>
#include <pthread.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

/* ------------------------------------------------------------------ pool */

int ssh_pool_new(const ssh_config *cfg, ssh_pool **out, dr_err *err)
{
    *out = NULL;
    if (!cfg || !cfg->known_hosts || !*cfg->known_hosts)
        return dr_err_set(err, DR_EINVAL,
                          "ssh: a known_hosts file is required (host keys are "
                          "always checked)");
    if (cfg->port < 0 || cfg->port > 65535 || cfg->connect_timeout_ms < 0 ||
        cfg->exec_timeout_ms < 0 || cfg->max_parallel < 0)
        return dr_err_set(err, DR_EINVAL, "ssh: negative timeout, port or parallelism");
    if (cfg->hostkey_policy != SSH_HOSTKEY_STRICT && cfg->hostkey_policy != SSH_HOSTKEY_TOFU)
        return dr_err_set(err, DR_EINVAL, "ssh: unknown host key policy %d",
                          (int)cfg->hostkey_policy);
    if (!cfg->identity && !cfg->use_agent)
        return dr_err_set(err, DR_EINVAL, "ssh: neither a key file nor the agent to log in with");
    if (libssh2_init(0) != 0)
        return dr_err_set(err, DR_EIO, "ssh: libssh2 initialisation failed");
    ssh_pool *p = dr_calloc(1, sizeof *p);
    p->user = cfg->user ? dr_strdup(cfg->user) : NULL;
    p->identity = cfg->identity ? dr_strdup(cfg->identity) : NULL;
    p->passphrase_file = cfg->passphrase_file ? dr_strdup(cfg->passphrase_file) : NULL;
    p->passphrase_env = cfg->passphrase_env ? dr_strdup(cfg->passphrase_env) : NULL;
    p->known_hosts = dr_strdup(cfg->known_hosts);
    p->port = cfg->port ? cfg->port : 22;
    p->use_agent = cfg->use_agent;
    p->policy = cfg->hostkey_policy;
    p->connect_timeout_ms = cfg->connect_timeout_ms ? cfg->connect_timeout_ms : 10000;
    p->exec_timeout_ms = cfg->exec_timeout_ms ? cfg->exec_timeout_ms : 60000;
    p->max_parallel = cfg->max_parallel ? cfg->max_parallel : 64;
    p->files_over_exec = cfg->files_over_exec;
    p->become = cfg->become_sudo;
    p->jump = cfg->jump && *cfg->jump ? dr_strdup(cfg->jump) : NULL;
    *out = p;
    return DR_OK;
}

/* Drops a session at once, without a goodbye: used after timeouts and
 * transport errors, when the peer may never answer again. */
void ssh__conn_break(conn *c)
{
    if (c->fd >= 0)
        shutdown(c->fd, SHUT_RDWR);
    if (c->s) {
        /* With the socket shut, every write fails at once instead of blocking. */
        libssh2_session_set_blocking(c->s, 1);
        if (c->sftp)
            libssh2_sftp_shutdown(c->sftp);
        if (c->agent) {
            libssh2_agent_disconnect(c->agent);
            libssh2_agent_free(c->agent);
        }
        libssh2_session_free(c->s);
    }
    if (c->fd >= 0)
        close(c->fd);
    ssh__tunnel_end(c);
    free(c->auth_methods);
    c->auth_methods = NULL;
    c->s = NULL;
    c->sftp = NULL;
    c->agent = NULL;
    c->agent_id = NULL;
    c->agent_keys_tried = 0;
    c->fd = -1;
    c->st = CS_IDLE;
}

/* Says goodbye politely (for at most a second) and frees the session. */
static void conn_close(conn *c)
{
    if (c->s && c->st == CS_READY) {
        libssh2_session_set_blocking(c->s, 1);
        libssh2_session_set_timeout(c->s, 1000);
        if (c->sftp)
            libssh2_sftp_shutdown(c->sftp);
        c->sftp = NULL;
        libssh2_session_disconnect(c->s, "drctl done");
    }
    ssh__conn_break(c);
}

void ssh_pool_free(ssh_pool *p)
{
    if (!p)
        return;
    for (conn *c = p->conns, *next; c; c = next) {
        next = c->next;
        conn_close(c);
        free(c->key);
        free(c->user);
        free(c->host);
        free(c->jump);
        free(c);
    }
    free(p->jump);
    dr_secret_free(p->passphrase);
    free(p->user);
    free(p->identity);
    free(p->passphrase_file);
    free(p->passphrase_env);
    free(p->known_hosts);
    free(p->buckets);
    if (p->kh) {
        ssh__kh_close(p->kh);
        free(p->kh);
    }
    free(p);
    libssh2_exit();
}

/* known_hosts as loaded on first need, once per pool (a fleet of hundreds
 * of hosts would otherwise parse the file twice per connection).  NULL
 * when it cannot be read: callers then read it themselves, which reports
 * why. */
static kh_file *pool_known_hosts(ssh_pool *p)
{
    if (!p->kh_tried) {
        p->kh_tried = 1;
        kh_file *k = dr_calloc(1, sizeof *k);
        dr_err ignored = {0};
        if (ssh__kh_open(k, p->known_hosts, &ignored) == DR_OK) {
            p->kh = k;
        } else {
            ssh__kh_close(k);
            free(k);
        }
    }
    return p->kh;
}

/* FNV-1a of a connection key. */
static size_t key_hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return (size_t)h;
}

static void pool_rehash(ssh_pool *p)
{
    size_t n = p->nbuckets ? p->nbuckets * 2 : 64;
    conn **b = dr_calloc(n, sizeof *b);
    for (conn *c = p->conns; c; c = c->next) {
        size_t i = key_hash(c->key) & (n - 1);
        c->hnext = b[i];
        b[i] = c;
    }
    free(p->buckets);
    p->buckets = b;
    p->nbuckets = n;
}

conn *ssh__pool_conn(ssh_pool *p, const char *spec, dr_err *err)
{
    char *user, *host;
    int port;
    if (ssh_parse_host(spec, p->user, p->port, &user, &host, &port, err) != DR_OK)
        return NULL;
    dr_buf key = DR_BUF_INIT;
    dr_buf_printf(&key, strchr(host, ':') ? "%s@[%s]:%d" : "%s@%s:%d", user, host, port);
    size_t h = key_hash(key.data);
    for (conn *c = p->nbuckets ? p->buckets[h & (p->nbuckets - 1)] : NULL; c; c = c->hnext)
        if (strcmp(c->key, key.data) == 0) {
            free(user);
            free(host);
            dr_buf_free(&key);
            return c;
        }
    conn *c = dr_calloc(1, sizeof *c);
    c->key = dr_buf_steal(&key, NULL);
    c->user = user;
    c->host = host;
    c->port = port;
    c->fd = -1;
    c->become = p->become;
    c->jump = p->jump ? dr_strdup(p->jump) : NULL;
    c->next = p->conns;
    p->conns = c;
    if (++p->nconns > p->nbuckets) {
        pool_rehash(p); /* also files c */
    } else {
        size_t i = h & (p->nbuckets - 1);
        c->hnext = p->buckets[i];
        p->buckets[i] = c;
    }
    return c;
}

void ssh_become_command(dr_buf *out, const char *cmd)
{
    dr_buf_puts(out, "sudo -n -- /bin/sh -c ");
    ssh_shell_quote(out, cmd);
}

int ssh_pool_host_options(ssh_pool *p, const char *host, int become, const char *jump, dr_err *err)
{
    conn *c = ssh__pool_conn(p, host, err);
    if (!c)
        return err ? err->code : DR_EINVAL;
    if (jump && *jump) {
        char *u = NULL, *h = NULL;
        int port;
        if (ssh_parse_host(jump, NULL, 22, &u, &h, &port, err) != DR_OK)
            return dr_err_wrap(err, "jump host of %s", c->key);
        free(u);
        free(h);
    }
    c->become = become;
    free(c->jump);
    c->jump = jump && *jump ? dr_strdup(jump) : NULL;
    return DR_OK;
}

int ssh_pool_socket(ssh_pool *p, const char *host)
{
    dr_err e = {0};
    conn *c = ssh__pool_conn(p, host, &e);
    return c && c->st == CS_READY ? c->fd : -1;
}

const char *ssh__libssh2_msg(LIBSSH2_SESSION *s)
{
    char *msg = NULL;
    if (!s)
        return "no session";
    libssh2_session_last_error(s, &msg, NULL, 0);
    return msg && *msg ? msg : "unknown libssh2 error";
}

const char *ssh__conn_phase(const conn *c)
{
    switch (c->st) {
    case CS_TCP:
        return "TCP connect";
    case CS_HANDSHAKE:
        return "SSH handshake";
    case CS_AUTHLIST:
    case CS_AGENT:
    case CS_KEY:
        return "authentication";
    default:
        return "setup";
    }
}

static int tcp_start(conn *c, dr_err *err)
{
    struct addrinfo hints = {0}, *ai = NULL;
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    char port[8];
    snprintf(port, sizeof port, "%d", c->port);
    int g = getaddrinfo(c->host, port, &hints, &ai);
    if (g != 0)
        return dr_err_set(err, DR_ENOTFOUND, "connect to %s: %s", c->key, gai_strerror(g));
    c->fd = socket(ai->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (c->fd < 0) {
        freeaddrinfo(ai);
        return dr_err_set(err, DR_EIO, "connect to %s: socket: %s", c->key, strerror(errno));
    }
    /* Without it, a request sent right after another on the session waits
     * for the delayed ACK of the first (about 40 ms on Linux). */
    int one = 1;
    setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    int r = connect(c->fd, ai->ai_addr, ai->ai_addrlen);
    int e = errno;
    freeaddrinfo(ai);
    if (r != 0 && e != EINPROGRESS)
        return dr_err_set(err, DR_EIO, "connect to %s: %s", c->key, strerror(e));
    c->st = CS_TCP;
    return DR_OK;
}

const char *ssh__pool_passphrase(ssh_pool *p, dr_err *err, int *rc)
{
    *rc = DR_OK;
    if (!p->passphrase_loaded && (p->passphrase_file || p->passphrase_env)) {
        *rc = dr_secret_load(p->passphrase_file, p->passphrase_env, &p->passphrase, err);
        if (*rc != DR_OK)
            return NULL;
        p->passphrase_loaded = 1;
    }
    return p->passphrase;
}

/* Explains why the server refused the key file. */
static int key_refused(ssh_pool *p, conn *c, int lrc, dr_err *err)
{
    if (lrc == LIBSSH2_ERROR_FILE && access(p->identity, R_OK) != 0)
        return dr_err_set(err, DR_EAUTH,
                          "login to %s: cannot read key file %s: %s (set ssh.identity in the "
                          "inventory to the private key authorized on the hosts)",
                          c->key, p->identity, strerror(errno));
    if (lrc == LIBSSH2_ERROR_FILE)
        return dr_err_set(err, DR_EAUTH,
                          "login to %s: cannot use key file %s: %s (wrong passphrase, or a key "
                          "format this libssh2 cannot read)",
                          c->key, p->identity, ssh__libssh2_msg(c->s));
    char *type = NULL;
    dr_err ignored = {0};
    ssh_key_file_type(p->identity, &type, &ignored);
    int rc;
    if (type && strcmp(type, "ssh-rsa") == 0)
        rc = dr_err_set(err, DR_EAUTH,
                        "login to %s: the server refused RSA key %s: libssh2 1.10 signs RSA keys "
                        "with SHA-1 (ssh-rsa), which OpenSSH 8.8 and later refuse by default; use "
                        "an ed25519 key (ssh-keygen -t ed25519) and authorize it on the host",
                        c->key, p->identity);
    else
        rc = dr_err_set(err, DR_EAUTH,
                        "login to %s: the server refused key %s (%s)%s: is its public key in the "
                        "remote user's authorized_keys?",
                        c->key, p->identity, type ? type : "unknown type",
                        c->agent_keys_tried ? " and the agent's keys" : "");
    free(type);
    return rc;
}

/* Offers first the host key types known_hosts has for this host (so that a
 * host recorded with only its ECDSA key is not refused for offering
 * ed25519), then the rest ed25519 first, as OpenSSH does.  Only names this
 * libssh2 supports are passed: its method_pref strips unknown ones with an
 * overlapping memcpy. */
void ssh__prefer_hostkeys(LIBSSH2_SESSION *s, const char *known_types)
{
    static const char *const order[] = {"ssh-ed25519",
                                        "ecdsa-sha2-nistp256",
                                        "ecdsa-sha2-nistp384",
                                        "ecdsa-sha2-nistp521",
                                        "rsa-sha2-512",
                                        "rsa-sha2-256",
                                        "ssh-rsa"};
    const size_t norder = sizeof order / sizeof order[0];
    const char **algs = NULL;
    int n = libssh2_session_supported_algs(s, LIBSSH2_METHOD_HOSTKEY, &algs);
    if (n <= 0)
        return;
    int used[sizeof order / sizeof order[0]] = {0};
    dr_buf pref = DR_BUF_INIT;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < norder; i++) {
            /* RSA keys are recorded as ssh-rsa whatever the signature hash. */
            const char *recorded = strncmp(order[i], "rsa-sha2-", 9) == 0 ? "ssh-rsa" : order[i];
            int known = 0;
            for (const char *t = known_types; t && *t;) {
                size_t tl = strcspn(t, ",");
                if (tl == strlen(recorded) && strncmp(t, recorded, tl) == 0)
                    known = 1;
                t += tl + (t[tl] == ',');
            }
            if (used[i] || (pass == 0 && !known))
                continue;
            for (int k = 0; k < n; k++)
                if (strcmp(algs[k], order[i]) == 0) {
                    if (pref.len)
                        dr_buf_putc(&pref, ',');
                    dr_buf_puts(&pref, order[i]);
                    used[i] = 1;
                }
        }
    libssh2_free(s, (void *)algs);
    if (pref.len)
        libssh2_session_method_pref(s, LIBSSH2_METHOD_HOSTKEY, pref.data);
    dr_buf_free(&pref);
}

/* Advances c's setup.  STEP_DONE when ready, STEP_AGAIN to wait, or DR_E*. */
int ssh__conn_step(ssh_pool *p, conn *c, dr_err *err)
{
    int r;
    for (;;) {
        switch (c->st) {
        case CS_IDLE:
            if ((r = c->jump ? ssh__tunnel_start(p, c, err) : tcp_start(c, err)) != DR_OK)
                return r;
            break;
        case CS_TCP: {
            struct pollfd pf = {c->fd, POLLOUT, 0};
            if (poll(&pf, 1, 0) == 0)
                return STEP_AGAIN;
            int soerr = 0;
            socklen_t sl = sizeof soerr;
            getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &soerr, &sl);
            if (soerr)
                return dr_err_set(err, DR_EIO, "connect to %s: %s", c->key, strerror(soerr));
            c->s = libssh2_session_init();
            if (!c->s)
                return dr_err_set(err, DR_ENOMEM, "connect to %s: libssh2 session", c->key);
            libssh2_session_set_blocking(c->s, 0);
            dr_buf types = DR_BUF_INIT;
            dr_err ignored = {0}; /* an unreadable file is reported by the check itself */
            if (pool_known_hosts(p))
                ssh__kh_types(p->kh, c->host, c->port, &types);
            else
                ssh_known_host_types(p->known_hosts, c->host, c->port, &types, &ignored);
            ssh__prefer_hostkeys(c->s, types.data);
            dr_buf_free(&types);
            c->st = CS_HANDSHAKE;
            break;
        }
        case CS_HANDSHAKE: {
            r = libssh2_session_handshake(c->s, c->fd);
            if (r == LIBSSH2_ERROR_EAGAIN)
                return STEP_AGAIN;
            if (r != 0 && ssh__tunnel_error(c, err))
                return err ? err->code : DR_EIO;
            if (r != 0)
                return dr_err_set(err, DR_EIO, "ssh handshake with %s: %s", c->key,
                                  ssh__libssh2_msg(c->s));
            size_t klen = 0;
            int ktype = 0;
            const char *key = libssh2_session_hostkey(c->s, &klen, &ktype);
            if (!key)
                return dr_err_set(err, DR_EIO, "ssh handshake with %s: no host key", c->key);
            if ((r = ssh__kh_verify(pool_known_hosts(p), p->known_hosts, c->host, c->port, key,
                                    klen, p->policy, err)) != DR_OK)
                return r;
            c->st = CS_AUTHLIST;
            break;
        }
        case CS_AUTHLIST: {
            char *list = libssh2_userauth_list(c->s, c->user, (unsigned)strlen(c->user));
            if (!list) {
                if (libssh2_userauth_authenticated(c->s)) {
                    c->st = CS_READY;
                    break;
                }
                if (libssh2_session_last_errno(c->s) == LIBSSH2_ERROR_EAGAIN)
                    return STEP_AGAIN;
                return dr_err_set(err, DR_EAUTH, "login to %s: %s", c->key, ssh__libssh2_msg(c->s));
            }
            c->auth_methods = dr_strdup(list);
            if (!strstr(list, "publickey"))
                return dr_err_set(err, DR_EAUTH,
                                  "login to %s: the server accepts no public key auth (only %s)",
                                  c->key, list);
            c->st = p->use_agent && getenv("SSH_AUTH_SOCK") ? CS_AGENT : CS_KEY;
            break;
        }
        case CS_AGENT:
            if (!c->agent) {
                c->agent = libssh2_agent_init(c->s);
                if (!c->agent || libssh2_agent_connect(c->agent) != 0 ||
                    libssh2_agent_list_identities(c->agent) != 0) {
                    c->st = CS_KEY; /* no usable agent: the key file may still do */
                    break;
                }
                if (libssh2_agent_get_identity(c->agent, &c->agent_id, NULL) != 0) {
                    c->st = CS_KEY;
                    break;
                }
            }
            r = libssh2_agent_userauth(c->agent, c->user, c->agent_id);
            if (r == LIBSSH2_ERROR_EAGAIN)
                return STEP_AGAIN;
            if (r == 0) {
                c->st = CS_READY;
                break;
            }
            c->agent_keys_tried++;
            if (libssh2_agent_get_identity(c->agent, &c->agent_id, c->agent_id) != 0)
                c->st = CS_KEY;
            break;
        case CS_KEY: {
            if (!p->identity)
                return dr_err_set(err, DR_EAUTH,
                                  "login to %s: the agent's keys (%d tried) were refused and no "
                                  "key file is configured",
                                  c->key, c->agent_keys_tried);
            int prc;
            const char *pass = ssh__pool_passphrase(p, err, &prc);
            if (prc != DR_OK)
                return dr_err_wrap(err, "login to %s", c->key);
            r = libssh2_userauth_publickey_fromfile_ex(c->s, c->user, (unsigned)strlen(c->user),
                                                       NULL, p->identity, pass);
            if (r == LIBSSH2_ERROR_EAGAIN)
                return STEP_AGAIN;
            if (r != 0)
                return key_refused(p, c, r, err);
            c->st = CS_READY;
            break;
        }
        case CS_READY:
            return STEP_DONE;
        }
    }
}

/* The poll events c waits for. */
short ssh__conn_events(const conn *c)
{
    if (c->st == CS_TCP)
        return POLLOUT;
    if (!c->s)
        return POLLIN;
    int dir = libssh2_session_block_directions(c->s);
    short ev = 0;
    if (dir & LIBSSH2_SESSION_BLOCK_INBOUND)
        ev |= POLLIN;
    if (dir & LIBSSH2_SESSION_BLOCK_OUTBOUND)
        ev |= POLLOUT;
    return ev ? ev : POLLIN;
}
