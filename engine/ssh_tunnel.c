/* ssh_tunnel: sessions to hosts behind a jump host, relayed by a thread of
 * their own through a direct-tcpip channel.
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

/* ------------------------------------------------------------ jump hosts */

/* A session to a host behind a jump host runs over one end of a
 * socketpair; a thread of its own owns the jump host's session and relays
 * the other end through a direct-tcpip channel.  The pool's sessions stay
 * single-threaded: no libssh2 session is ever touched by two threads.  The
 * thread ends when either side closes; its error (connect, host key, auth,
 * refused channel) is kept for the inner session to report. */
typedef struct ssh_tunnel {
    pthread_t th;
    pthread_mutex_t mu;
    int relay; /* the thread's end of the socketpair */
    char *user, *host, *target;
    int port, target_port, timeout_ms;
    char *known_hosts, *identity;
    const char *passphrase; /* the pool's, which outlives the thread */
    ssh_hostkey_policy policy;
    int failed;
    dr_err err;
} ssh_tunnel;

static void tunnel_fail(ssh_tunnel *t, const dr_err *e)
{
    pthread_mutex_lock(&t->mu);
    if (!t->failed) {
        t->failed = 1;
        t->err = *e;
    }
    pthread_mutex_unlock(&t->mu);
}

/* Blocking TCP connect with a deadline. */
static int tunnel_connect(ssh_tunnel *t, dr_err *err)
{
    struct addrinfo hints = {0}, *ai = NULL;
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    char port[8];
    snprintf(port, sizeof port, "%d", t->port);
    int g = getaddrinfo(t->host, port, &hints, &ai);
    if (g != 0)
        return dr_err_set(err, DR_ENOTFOUND, "jump host %s:%d: %s", t->host, t->port,
                          gai_strerror(g)),
               -1;
    int fd = socket(ai->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    int r = fd < 0 ? -1 : connect(fd, ai->ai_addr, ai->ai_addrlen);
    int e = errno;
    freeaddrinfo(ai);
    if (fd >= 0 && r != 0 && e == EINPROGRESS) {
        struct pollfd pf = {fd, POLLOUT, 0};
        int soerr = 0;
        socklen_t sl = sizeof soerr;
        if (poll(&pf, 1, t->timeout_ms) <= 0)
            soerr = ETIMEDOUT;
        else
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &sl);
        r = soerr ? -1 : 0;
        e = soerr;
    }
    if (r != 0) {
        dr_err_set(err, DR_EIO, "jump host %s:%d: connect: %s", t->host, t->port,
                   strerror(fd < 0 ? errno : e));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    int fl = fcntl(fd, F_GETFL);
    fcntl(fd, F_SETFL, fl & ~O_NONBLOCK); /* the setup below blocks, with a timeout */
    return fd;
}

/* Moves bytes both ways until one side closes.  The session is
 * non-blocking here; pending holds what the channel has not taken yet. */
static void tunnel_pump(ssh_tunnel *t, LIBSSH2_SESSION *s, LIBSSH2_CHANNEL *ch, int sock)
{
    char up[16384], down[16384];
    size_t up_len = 0, up_off = 0, down_len = 0, down_off = 0;
    int relay_eof = 0;
    libssh2_session_set_blocking(s, 0);
    fcntl(t->relay, F_SETFL, fcntl(t->relay, F_GETFL) | O_NONBLOCK);
    for (;;) {
        int progress = 0;
        if (!relay_eof && up_len == 0) {
            ssize_t n = read(t->relay, up, sizeof up);
            if (n > 0)
                up_len = (size_t)n, up_off = 0, progress = 1;
            else if (n == 0 || (errno != EAGAIN && errno != EINTR))
                relay_eof = 1; /* the pool closed its end: done */
        }
        if (relay_eof)
            return;
        while (up_off < up_len) {
            ssize_t n = libssh2_channel_write(ch, up + up_off, up_len - up_off);
            if (n == LIBSSH2_ERROR_EAGAIN)
                break;
            if (n < 0)
                return;
            up_off += (size_t)n;
            progress = 1;
        }
        if (up_off == up_len)
            up_len = up_off = 0;
        if (down_len == 0) {
            ssize_t n = libssh2_channel_read(ch, down, sizeof down);
            if (n > 0)
                down_len = (size_t)n, down_off = 0, progress = 1;
            else if (n != LIBSSH2_ERROR_EAGAIN && (n < 0 || libssh2_channel_eof(ch)))
                return; /* the target closed: closing the relay tells the pool */
        }
        while (down_off < down_len) {
            ssize_t n = write(t->relay, down + down_off, down_len - down_off);
            if (n < 0 && (errno == EAGAIN || errno == EINTR))
                break;
            if (n <= 0)
                return;
            down_off += (size_t)n;
            progress = 1;
        }
        if (down_off == down_len)
            down_len = down_off = 0;
        if (progress)
            continue;
        struct pollfd pf[2] = {{t->relay, (short)(up_len ? 0 : POLLIN), 0}, {sock, 0, 0}};
        if (down_len)
            pf[0].events |= POLLOUT;
        int dir = libssh2_session_block_directions(s);
        pf[1].events = (short)(POLLIN | ((dir & LIBSSH2_SESSION_BLOCK_OUTBOUND) ? POLLOUT : 0));
        if (poll(pf, 2, 1000) < 0 && errno != EINTR)
            return;
        if (pf[0].revents & (POLLHUP | POLLERR | POLLNVAL) && !(pf[0].revents & POLLIN))
            return;
    }
}

static void *tunnel_main(void *arg)
{
    ssh_tunnel *t = arg;
    dr_err err = {0};
    LIBSSH2_SESSION *s = NULL;
    LIBSSH2_CHANNEL *ch = NULL;
    int sock = tunnel_connect(t, &err);
    if (sock < 0)
        goto out;
    s = libssh2_session_init();
    if (!s) {
        dr_err_set(&err, DR_ENOMEM, "jump host %s:%d: libssh2 session", t->host, t->port);
        goto out;
    }
    libssh2_session_set_blocking(s, 1);
    libssh2_session_set_timeout(s, t->timeout_ms);
    dr_buf types = DR_BUF_INIT;
    dr_err ignored = {0};
    ssh_known_host_types(t->known_hosts, t->host, t->port, &types, &ignored);
    ssh__prefer_hostkeys(s, types.data);
    dr_buf_free(&types);
    if (libssh2_session_handshake(s, sock) != 0) {
        dr_err_set(&err, DR_EIO, "jump host %s:%d: ssh handshake: %s", t->host, t->port,
                   ssh__libssh2_msg(s));
        goto out;
    }
    size_t klen = 0;
    int ktype = 0;
    const char *key = libssh2_session_hostkey(s, &klen, &ktype);
    if (!key) {
        dr_err_set(&err, DR_EIO, "jump host %s:%d: no host key", t->host, t->port);
        goto out;
    }
    if (ssh_hostkey_verify(t->known_hosts, t->host, t->port, key, klen, t->policy, &err) != DR_OK) {
        dr_err_wrap(&err, "jump host %s:%d", t->host, t->port);
        goto out;
    }
    if (!t->identity ||
        libssh2_userauth_publickey_fromfile_ex(s, t->user, (unsigned)strlen(t->user), NULL,
                                               t->identity, t->passphrase) != 0) {
        dr_err_set(&err, DR_EAUTH, "jump host %s:%d: login as %s refused: %s", t->host, t->port,
                   t->user, t->identity ? ssh__libssh2_msg(s) : "no key file configured");
        goto out;
    }
    ch = libssh2_channel_direct_tcpip_ex(s, t->target, t->target_port, "127.0.0.1", 22);
    if (!ch) {
        dr_err_set(&err, DR_EREFUSED,
                   "jump host %s:%d: tunnel to %s:%d refused: %s (does the jump host allow TCP "
                   "forwarding, and reach that address?)",
                   t->host, t->port, t->target, t->target_port, ssh__libssh2_msg(s));
        goto out;
    }
    tunnel_pump(t, s, ch, sock);
out:
    if (err.code)
        tunnel_fail(t, &err);
    /* closing the relay is what the pool's session sees first */
    shutdown(t->relay, SHUT_RDWR);
    if (ch) {
        libssh2_session_set_blocking(s, 1);
        libssh2_session_set_timeout(s, 1000);
        libssh2_channel_free(ch);
    }
    if (s) {
        libssh2_session_set_timeout(s, 1000);
        libssh2_session_disconnect(s, "drctl done");
        libssh2_session_free(s);
    }
    if (sock >= 0)
        close(sock);
    return NULL;
}

/* Starts c's tunnel: c->fd becomes the pool's end of the relay. */
int ssh__tunnel_start(ssh_pool *p, conn *c, dr_err *err)
{
    char *ju = NULL, *jh = NULL;
    int jport = 22;
    if (ssh_parse_host(c->jump, p->user, 22, &ju, &jh, &jport, err) != DR_OK)
        return dr_err_wrap(err, "jump host of %s", c->key);
    int prc;
    const char *pass = ssh__pool_passphrase(p, err, &prc);
    if (prc != DR_OK) {
        free(ju);
        free(jh);
        return dr_err_wrap(err, "jump host %s", c->jump);
    }
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
        free(ju);
        free(jh);
        return dr_err_set(err, DR_EIO, "connect to %s: socketpair: %s", c->key, strerror(errno));
    }
    ssh_tunnel *t = dr_calloc(1, sizeof *t);
    pthread_mutex_init(&t->mu, NULL);
    t->relay = sv[1];
    t->user = ju;
    t->host = jh;
    t->port = jport;
    t->target = dr_strdup(c->host);
    t->target_port = c->port;
    t->timeout_ms = p->connect_timeout_ms;
    t->known_hosts = dr_strdup(p->known_hosts);
    t->identity = p->identity ? dr_strdup(p->identity) : NULL;
    t->passphrase = pass;
    t->policy = p->policy;
    if (pthread_create(&t->th, NULL, tunnel_main, t) != 0) {
        close(sv[0]);
        close(sv[1]);
        pthread_mutex_destroy(&t->mu);
        free(t->user), free(t->host), free(t->target), free(t->known_hosts), free(t->identity);
        free(t);
        return dr_err_set(err, DR_EIO, "connect to %s: cannot start the jump host relay", c->key);
    }
    fcntl(sv[0], F_SETFL, fcntl(sv[0], F_GETFL) | O_NONBLOCK);
    c->fd = sv[0];
    c->tunnel = t;
    c->st = CS_TCP;
    return DR_OK;
}

/* The tunnel's own error, if it failed: it explains a handshake cut short. */
int ssh__tunnel_error(conn *c, dr_err *err)
{
    ssh_tunnel *t = c->tunnel;
    if (!t)
        return 0;
    pthread_mutex_lock(&t->mu);
    int failed = t->failed;
    if (failed && err)
        dr_err_set(err, t->err.code, "connect to %s through %s: %s", c->key, c->jump, t->err.msg);
    pthread_mutex_unlock(&t->mu);
    return failed;
}

/* After c's fd is closed: the thread sees the relay close and ends. */
void ssh__tunnel_end(conn *c)
{
    ssh_tunnel *t = c->tunnel;
    if (!t)
        return;
    shutdown(t->relay, SHUT_RDWR);
    pthread_join(t->th, NULL);
    close(t->relay);
    pthread_mutex_destroy(&t->mu);
    free(t->user);
    free(t->host);
    free(t->target);
    free(t->known_hosts);
    free(t->identity);
    free(t);
    c->tunnel = NULL;
}
