/* ssh_exec: commands as jobs stepped together under one poll(), and the
 * asynchronous interface (ssh_async) that step groups use.
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
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

/* ------------------------------------------------------------------ jobs */

static void job_fail(job *j, int rc)
{
    j->rc = rc;
    /* The session may be in any state now: drop it, the channel with it. */
    j->ch = NULL;
    ssh__conn_break(j->c);
    j->st = J_DONE;
}

static void job_begin_exec(ssh_pool *p, job *j)
{
    (void)p;
    j->deadline = dr_now_ms() + j->timeout_ms;
    j->st = J_OPEN;
}

/* Bytes of the channel's output that libssh2 has already taken off the
 * socket and queued, unread: no I/O. */
static unsigned long channel_queued(LIBSSH2_CHANNEL *ch)
{
    unsigned long queued = 0;
    libssh2_channel_window_read_ex(ch, &queued, NULL);
    return queued;
}

/* Advances j; returns STEP_DONE when finished (rc says how). */
static int job_step(ssh_pool *p, job *j)
{
    char buf[16384];
    for (;;) {
        int r;
        switch (j->st) {
        case J_PENDING:
            return STEP_AGAIN;
        case J_CONNECT:
            if (j->c->st != CS_READY)
                j->fresh = 1;
            r = ssh__conn_step(p, j->c, &j->err);
            if (r == STEP_AGAIN)
                return STEP_AGAIN;
            if (r < 0) {
                job_fail(j, r);
                return STEP_DONE;
            }
            if (!j->cmd) {
                j->rc = DR_OK;
                dr_err_clear(&j->err);
                j->st = J_DONE;
                return STEP_DONE;
            }
            job_begin_exec(p, j);
            break;
        case J_OPEN:
            j->ch = libssh2_channel_open_session(j->c->s);
            if (!j->ch) {
                if (libssh2_session_last_errno(j->c->s) == LIBSSH2_ERROR_EAGAIN)
                    return STEP_AGAIN;
                if (!j->fresh && !j->retried) {
                    /* An idle session that died while it waited (a dropped
                     * connection, a restarted sshd): the command was never
                     * sent, so a new session runs it once. */
                    ssh__conn_break(j->c);
                    j->retried = 1;
                    j->st = J_CONNECT;
                    break;
                }
                dr_err_set(&j->err, DR_EIO, "exec on %s: open channel: %s", j->c->key,
                           ssh__libssh2_msg(j->c->s));
                job_fail(j, DR_EIO);
                return STEP_DONE;
            }
            j->st = J_EXEC;
            break;
        case J_EXEC:
            if (j->c->become) {
                /* sudo -n: a missing right fails at once with "sudo: ..."
                 * on stderr instead of waiting for a password */
                dr_buf w = DR_BUF_INIT;
                ssh_become_command(&w, j->cmd);
                r = libssh2_channel_exec(j->ch, w.data);
                dr_buf_free(&w);
            } else {
                r = libssh2_channel_exec(j->ch, j->cmd);
            }
            if (r == LIBSSH2_ERROR_EAGAIN)
                return STEP_AGAIN;
            if (r != 0) {
                dr_err_set(&j->err, DR_EIO, "exec on %s: %s: %s", j->c->key,
                           ssh__libssh2_msg(j->c->s), j->cmd);
                job_fail(j, DR_EIO);
                return STEP_DONE;
            }
            j->st = j->in ? J_WRITE_IN : J_SEND_EOF;
            break;
        case J_WRITE_IN: {
            if (j->in_sent == j->in_len) {
                j->st = J_SEND_EOF;
                break;
            }
            size_t chunk = j->in_len - j->in_sent < 65536 ? j->in_len - j->in_sent : 65536;
            ssize_t n = libssh2_channel_write(j->ch, j->in + j->in_sent, chunk);
            if (n < 0 && n != LIBSSH2_ERROR_EAGAIN) {
                dr_err_set(&j->err, DR_EIO,
                           "exec on %s: cut off after %zu of %zu bytes of input: %s", j->c->key,
                           j->in_sent, j->in_len, ssh__libssh2_msg(j->c->s));
                job_fail(j, DR_EIO);
                return STEP_DONE;
            }
            if (n > 0) {
                j->in_sent += (size_t)n;
                if (j->progress)
                    j->progress(j->progress_ud, j->in_sent, j->in_len);
                break;
            }
            /* The window is full: drain output so the command can go on
             * reading, then wait. */
            int drained = 0;
            for (int stream = 0; stream < 2; stream++) {
                ssize_t m = libssh2_channel_read_ex(j->ch, stream, buf, sizeof buf);
                if (m > 0) {
                    dr_buf_append(stream ? &j->errout : &j->out, buf, (size_t)m);
                    drained = 1;
                }
            }
            if (drained)
                break;
            /* Those reads may have taken in, off the socket, a window
             * adjustment or output that nothing reads yet (see J_READ): then
             * the socket stays quiet, so try again before waiting on it. */
            if (!j->requeued &&
                (libssh2_channel_window_write_ex(j->ch, NULL) > 0 || channel_queued(j->ch))) {
                j->requeued = 1;
                break;
            }
            j->requeued = 0;
            return STEP_AGAIN;
        }
        case J_SEND_EOF:
            r = libssh2_channel_send_eof(j->ch);
            if (r == LIBSSH2_ERROR_EAGAIN)
                return STEP_AGAIN;
            j->st = J_READ; /* a command that already closed stdin may refuse EOF: fine */
            break;
        case J_READ: {
            int progress = 0;
            for (int stream = 0; stream < 2; stream++) {
                ssize_t n = libssh2_channel_read_ex(j->ch, stream, buf, sizeof buf);
                if (n > 0) {
                    dr_buf_append(stream ? &j->errout : &j->out, buf, (size_t)n);
                    progress = 1;
                } else if (n < 0 && n != LIBSSH2_ERROR_EAGAIN) {
                    dr_err_set(&j->err, DR_EIO, "exec on %s: read: %s: %s", j->c->key,
                               ssh__libssh2_msg(j->c->s), j->cmd);
                    job_fail(j, DR_EIO);
                    return STEP_DONE;
                }
            }
            if (progress) {
                j->requeued = 0;
                break;
            }
            /* Reading stderr takes in every packet the socket holds, stdout
             * data, EOF and close included, into libssh2's queue; that data
             * masks the EOF, and the socket has nothing more to wake poll()
             * with.  Waiting then would last until the command's timeout (a
             * stop of ch4 hung 120 s this way in CI): read again first. */
            if (!j->requeued && channel_queued(j->ch)) {
                j->requeued = 1;
                break;
            }
            j->requeued = 0;
            if (!libssh2_channel_eof(j->ch))
                return STEP_AGAIN;
            j->st = J_CLOSE;
            break;
        }
        case J_CLOSE:
            r = libssh2_channel_close(j->ch);
            if (r == LIBSSH2_ERROR_EAGAIN)
                return STEP_AGAIN;
            j->st = J_WAIT_CLOSED;
            break;
        case J_WAIT_CLOSED: {
            r = libssh2_channel_wait_closed(j->ch);
            if (r == LIBSSH2_ERROR_EAGAIN)
                return STEP_AGAIN;
            char *sig = NULL;
            size_t siglen = 0;
            j->exit_status = libssh2_channel_get_exit_status(j->ch);
            if (libssh2_channel_get_exit_signal(j->ch, &sig, &siglen, NULL, NULL, NULL, NULL) ==
                    0 &&
                sig) {
                j->exit_signal = dr_strndup(sig, siglen);
                j->exit_status = -1;
                libssh2_free(j->c->s, sig);
            }
            j->st = J_FREE;
            break;
        }
        case J_FREE:
            r = libssh2_channel_free(j->ch);
            if (r == LIBSSH2_ERROR_EAGAIN)
                return STEP_AGAIN;
            j->ch = NULL;
            j->rc = DR_OK;
            dr_err_clear(&j->err);
            j->st = J_DONE;
            return STEP_DONE;
        case J_DONE:
            return STEP_DONE;
        }
    }
}

/* Where an exec stood when its deadline passed: a command that never
 * started (no channel) and one that ran too long call for different
 * repairs, and a hang seen once in CI must say which it was. */
static const char *job_phase(const job *j)
{
    switch (j->st) {
    case J_OPEN:
        return "opening a channel, the command not sent";
    case J_EXEC:
        return "starting the command";
    case J_WRITE_IN:
    case J_SEND_EOF:
        return "sending the command's input";
    case J_READ:
        return "the command still running";
    case J_CLOSE:
    case J_WAIT_CLOSED:
    case J_FREE:
        return "its output ended, waiting for its exit status";
    default:
        return "not started";
    }
}

static void job_timeout(job *j, int64_t now)
{
    if (j->st == J_CONNECT)
        dr_err_set(&j->err, DR_ETIMEOUT, "connect to %s: timed out after %.1f s (%s)", j->c->key,
                   (double)(now - j->t0) / 1000.0, ssh__conn_phase(j->c));
    else
        dr_err_set(&j->err, DR_ETIMEOUT, "exec on %s: timed out after %.1f s (%s): %s", j->c->key,
                   (double)j->timeout_ms / 1000.0, job_phase(j), j->cmd);
    job_fail(j, DR_ETIMEOUT);
}

/* Drives jobs (pointers, so that a caller may keep adding) at most
 * max_parallel at once, never two on one session at a time.  With
 * stop_early, returns as soon as one more job is done or `until` (dr_now_ms
 * clock) passes; otherwise runs them all to their end.  Returns how many
 * jobs finished in this call. */
static size_t drive_jobs(ssh_pool *p, job **jobs, size_t n, int stop_early, int64_t until)
{
    size_t done = 0, active = 0, finished_here = 0;
    for (size_t i = 0; i < n; i++) {
        if (jobs[i]->st == J_DONE)
            done++;
        else if (jobs[i]->st != J_PENDING)
            active++;
    }
    struct pollfd *pfd = dr_calloc(n ? n : 1, sizeof *pfd);
    while (done < n) {
        for (size_t i = 0; i < n && active < (size_t)p->max_parallel; i++) {
            job *j = jobs[i];
            if (j->st != J_PENDING || j->c->busy)
                continue;
            j->c->busy = 1;
            active++;
            j->t0 = dr_now_ms();
            if (j->c->st == CS_READY && j->cmd) {
                job_begin_exec(p, j);
            } else {
                j->st = J_CONNECT;
                j->deadline = j->t0 + p->connect_timeout_ms;
            }
        }
        int finished = 0;
        for (size_t i = 0; i < n; i++) {
            job *j = jobs[i];
            if (j->st == J_PENDING || !j->c->busy || j->t0 == 0 || j->st == J_DONE)
                continue;
            if (job_step(p, j) == STEP_DONE) {
                j->t_end = dr_now_ms();
                j->c->busy = 0;
                active--;
                done++;
                finished = 1;
                finished_here++;
            }
        }
        if (done == n || (stop_early && finished_here))
            break;
        if (finished)
            continue; /* a session came free: start what waited for it */
        size_t np = 0;
        int64_t next = stop_early ? until : INT64_MAX;
        for (size_t i = 0; i < n; i++) {
            job *j = jobs[i];
            if (j->st == J_PENDING || j->st == J_DONE)
                continue;
            pfd[np].fd = j->c->fd;
            pfd[np].events = ssh__conn_events(j->c);
            pfd[np].revents = 0;
            np++;
            if (j->deadline < next)
                next = j->deadline;
        }
        int64_t now = dr_now_ms();
        if (stop_early && now >= until && !np)
            break;
        int wait = next == INT64_MAX ? 1000 : next <= now ? 0 : (int)(next - now);
        int poll_errno = poll(pfd, np, wait) < 0 && errno != EINTR ? errno : 0;
        now = dr_now_ms();
        for (size_t i = 0; i < n; i++) {
            job *j = jobs[i];
            if (j->st == J_PENDING || j->st == J_DONE || (now < j->deadline && !poll_errno))
                continue;
            if (poll_errno) { /* not expected with valid arguments; never spin on it */
                dr_err_set(&j->err, DR_EIO, "%s: poll: %s", j->c->key, strerror(poll_errno));
                job_fail(j, DR_EIO);
            } else {
                job_timeout(j, now);
            }
            j->t_end = now;
            j->c->busy = 0;
            active--;
            done++;
            finished_here++;
        }
        if (stop_early && (finished_here || dr_now_ms() >= until))
            break;
    }
    free(pfd);
    return finished_here;
}

/* Why a command or file operation cannot use a session right now. */
const char ssh__session_busy[] = "the session is in use by a command of a parallel step; run "
                                 "commands on one host from one member of a step group";

/* Runs every job to its end.  A session already busy with a job of an
 * ssh_async batch is not waited for (that job is driven only by its batch,
 * so the wait would never end): such a job fails at once. */
void ssh__run_jobs(ssh_pool *p, job *jobs, size_t n)
{
    job **ptrs = dr_calloc(n ? n : 1, sizeof *ptrs);
    for (size_t i = 0; i < n; i++) {
        ptrs[i] = &jobs[i];
        if (jobs[i].st == J_PENDING && jobs[i].c->busy) {
            dr_err_set(&jobs[i].err, DR_ECONFLICT, "%s: %s", jobs[i].c->key, ssh__session_busy);
            jobs[i].rc = DR_ECONFLICT;
            jobs[i].st = J_DONE;
        }
    }
    drive_jobs(p, ptrs, n, 0, 0);
    free(ptrs);
}

void ssh__job_init(job *j, conn *c, const char *cmd, int timeout_ms)
{
    memset(j, 0, sizeof *j);
    j->c = c;
    j->cmd = cmd;
    j->timeout_ms = timeout_ms;
    j->st = J_PENDING;
    /* Until it has run to its end, a job has failed. */
    j->rc = DR_EIO;
    dr_err_set(&j->err, DR_EIO, "%s: not run", c ? c->key : "ssh");
}

static void job_to_result(job *j, ssh_result *res)
{
    res->rc = j->rc;
    res->err = j->err;
    res->exit_status = j->rc == DR_OK ? j->exit_status : -1;
    res->exit_signal = j->exit_signal;
    res->out = j->out;
    res->errout = j->errout;
    res->duration_ms = j->t_end - j->t0;
}

void ssh_result_free(ssh_result *r)
{
    if (!r)
        return;
    free(r->host);
    free(r->exit_signal);
    dr_buf_free(&r->out);
    dr_buf_free(&r->errout);
    memset(r, 0, sizeof *r);
}

size_t ssh_exec_each(ssh_pool *p, const char *const *hosts, const char *const *cmds, size_t n,
                     int timeout_ms, ssh_result *res)
{
    size_t failed = 0;
    job *jobs = dr_calloc(n, sizeof *jobs);
    if (timeout_ms <= 0)
        timeout_ms = p->exec_timeout_ms;
    for (size_t i = 0; i < n; i++) {
        memset(&res[i], 0, sizeof res[i]);
        res[i].exit_status = -1;
        dr_err perr = {0};
        const char *cmd = cmds[i];
        conn *c = cmd ? ssh__pool_conn(p, hosts[i], &perr) : NULL;
        if (!c) {
            if (!cmd)
                dr_err_set(&perr, DR_EINVAL, "exec on %s: no command", hosts[i]);
            res[i].rc = perr.code;
            res[i].err = perr;
            res[i].host = dr_strdup(hosts[i] ? hosts[i] : "");
            ssh__job_init(&jobs[i], NULL, cmd, timeout_ms);
            jobs[i].st = J_DONE;
            continue;
        }
        res[i].host = dr_strdup(c->key);
        ssh__job_init(&jobs[i], c, cmd, timeout_ms);
    }
    /* ssh__run_jobs needs every job to have a session: move the bad ones out. */
    job *live = dr_calloc(n, sizeof *live);
    size_t *idx = dr_calloc(n, sizeof *idx), nl = 0;
    for (size_t i = 0; i < n; i++)
        if (jobs[i].c) {
            live[nl] = jobs[i];
            idx[nl++] = i;
        }
    ssh__run_jobs(p, live, nl);
    for (size_t k = 0; k < nl; k++)
        job_to_result(&live[k], &res[idx[k]]);
    for (size_t i = 0; i < n; i++)
        if (res[i].rc != DR_OK)
            failed++;
    free(idx);
    free(live);
    free(jobs);
    return failed;
}

size_t ssh_exec_many(ssh_pool *p, const char *const *hosts, size_t n, const char *cmd,
                     int timeout_ms, ssh_result *res)
{
    const char **cmds = dr_calloc(n ? n : 1, sizeof *cmds);
    for (size_t i = 0; i < n; i++)
        cmds[i] = cmd;
    size_t failed = ssh_exec_each(p, hosts, cmds, n, timeout_ms, res);
    free(cmds);
    return failed;
}

/* Exit status of the read command when the file does not exist: not one
 * cat(1) uses. */
#define READ_ABSENT 44

void ssh_read_command(dr_buf *cmd, const char *path)
{
    dr_buf_puts(cmd, "p=");
    ssh_shell_quote(cmd, path);
    dr_buf_printf(cmd, "; if [ -e \"$p\" ]; then exec cat -- \"$p\"; fi; exit %d", READ_ABSENT);
}

int ssh_read_outcome(const ssh_result *r, const char *path, dr_buf *out, dr_err *err)
{
    const char *host = r->host ? r->host : "?";
    if (r->rc != DR_OK) {
        if (err)
            *err = r->err;
        return r->rc;
    }
    if (r->exit_status == READ_ABSENT)
        return dr_err_set(err, DR_ENOTFOUND, "read %s:%s: no such file or directory", host, path);
    if (r->exit_status != 0) {
        const char *why = r->errout.data && *r->errout.data ? r->errout.data : "no message";
        size_t wl = strcspn(why, "\n");
        return dr_err_set(err, DR_EIO, "read %s:%s: cat failed (%s %d): %.*s", host, path,
                          r->exit_signal ? "signal" : "exit", r->exit_status, (int)wl, why);
    }
    dr_buf_append(out, r->out.data ? r->out.data : "", r->out.len);
    return DR_OK;
}

size_t ssh_read_many(ssh_pool *p, const char *const *hosts, const char *const *paths, size_t n,
                     int timeout_ms, dr_buf *out, dr_err *errs)
{
    dr_buf *cmds = dr_calloc(n ? n : 1, sizeof *cmds);
    const char **cmdp = dr_calloc(n ? n : 1, sizeof *cmdp);
    ssh_result *res = dr_calloc(n ? n : 1, sizeof *res);
    for (size_t i = 0; i < n; i++) {
        ssh_read_command(&cmds[i], paths[i]);
        cmdp[i] = cmds[i].data;
    }
    ssh_exec_each(p, hosts, cmdp, n, timeout_ms, res);
    size_t failed = 0;
    for (size_t i = 0; i < n; i++) {
        memset(&errs[i], 0, sizeof errs[i]);
        int rc = ssh_read_outcome(&res[i], paths[i], &out[i], &errs[i]);
        errs[i].code = rc;
        if (rc != DR_OK)
            failed++;
        ssh_result_free(&res[i]);
        dr_buf_free(&cmds[i]);
    }
    free(res);
    free(cmdp);
    free(cmds);
    return failed;
}

void ssh_read_files_token(char token[SSH_READ_TOKEN_LEN + 1])
{
    unsigned char raw[SSH_READ_TOKEN_LEN / 2];
    if (getrandom(raw, sizeof raw, 0) != (ssize_t)sizeof raw) {
        /* no entropy source: still unlikely to be in a config file */
        uint64_t x = (uint64_t)dr_wall_ms() * 0x9e3779b97f4a7c15ULL ^ (uint64_t)getpid();
        for (size_t i = 0; i < sizeof raw;
             i++, x = x * 6364136223846793005ULL + 1442695040888963407ULL)
            raw[i] = (unsigned char)(x >> 56);
    }
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < sizeof raw; i++) {
        token[2 * i] = hex[raw[i] >> 4];
        token[2 * i + 1] = hex[raw[i] & 15];
    }
    token[SSH_READ_TOKEN_LEN] = 0;
}

void ssh_read_files_command(dr_buf *cmd, const char *const *paths, size_t n, const char *token)
{
    for (size_t i = 0; i < n; i++) {
        dr_buf_puts(cmd, i ? "; p=" : "p=");
        ssh_shell_quote(cmd, paths[i]);
        /* cat's failure (a directory, no permission) ends the command: its
         * message is the error */
        dr_buf_printf(cmd,
                      "; if [ -e \"$p\" ]; then printf F; cat -- \"$p\" || exit 1; "
                      "else printf A; fi; printf %%s %s",
                      token);
    }
}

/* memmem, which is not in C99 */
static const char *find_token(const char *s, size_t len, const char *t, size_t tl)
{
    for (const char *p = s; len >= tl && (p = memchr(p, t[0], len - tl + 1 - (size_t)(p - s)));
         p++) {
        if (memcmp(p, t, tl) == 0)
            return p;
    }
    return NULL;
}

int ssh_read_files_outcome(const ssh_result *r, const char *const *paths, size_t n,
                           const char *token, dr_buf *out, int *present, dr_err *err)
{
    const char *host = r->host ? r->host : "?";
    if (r->rc != DR_OK) {
        if (err)
            *err = r->err;
        return r->rc;
    }
    if (r->exit_status != 0) {
        const char *why = r->errout.data && *r->errout.data ? r->errout.data : "no message";
        size_t wl = strcspn(why, "\n");
        return dr_err_set(err, DR_EIO, "read %s:%s%s: cat failed (%s %d): %.*s", host,
                          n ? paths[0] : "", n > 1 ? " and others" : "",
                          r->exit_signal ? "signal" : "exit", r->exit_status, (int)wl, why);
    }
    const char *s = r->out.data ? r->out.data : "";
    size_t len = r->out.len, tl = strlen(token), at = 0;
    for (size_t i = 0; i < n; i++) {
        const char *end = at < len ? find_token(s + at + 1, len - at - 1, token, tl) : NULL;
        if (!end || (s[at] != 'F' && s[at] != 'A') || (s[at] == 'A' && end != s + at + 1))
            return dr_err_set(err, DR_EPARSE,
                              "read %s:%s: the answer is not framed as asked "
                              "(at byte %zu of %zu)",
                              host, paths[i], at, len);
        present[i] = s[at] == 'F';
        if (present[i])
            dr_buf_append(&out[i], s + at + 1, (size_t)(end - s - at - 1));
        at = (size_t)(end - s) + tl;
    }
    if (at != len)
        return dr_err_set(err, DR_EPARSE, "read %s: %zu bytes after the last file", host, len - at);
    return DR_OK;
}

int ssh_exec(ssh_pool *p, const char *host, const char *cmd, int timeout_ms, ssh_result *res)
{
    const char *hosts[1] = {host};
    ssh_exec_many(p, hosts, 1, cmd, timeout_ms, res);
    return res->rc;
}

/* ----------------------------------------------------------------- async */

struct ssh_async {
    ssh_pool *p;
    job **jobs; /* the unfinished ones, and the finished ones not yet taken */
    int *ids;
    size_t n, cap;
    int next_id;
};

ssh_async *ssh_async_new(ssh_pool *p)
{
    ssh_async *a = dr_calloc(1, sizeof *a);
    a->p = p;
    return a;
}

static void async_drop(ssh_async *a, size_t i)
{
    job *j = a->jobs[i];
    if (j->st != J_DONE && j->st != J_PENDING) {
        /* abandoned mid-way: the session's protocol state is unknown */
        j->ch = NULL;
        ssh__conn_break(j->c);
        j->c->busy = 0;
    }
    free(j->exit_signal);
    dr_buf_free(&j->out);
    dr_buf_free(&j->errout);
    free((char *)j->cmd);
    free(j);
    a->n--;
    memmove(&a->jobs[i], &a->jobs[i + 1], (a->n - i) * sizeof *a->jobs);
    memmove(&a->ids[i], &a->ids[i + 1], (a->n - i) * sizeof *a->ids);
}

void ssh_async_free(ssh_async *a)
{
    if (!a)
        return;
    while (a->n)
        async_drop(a, a->n - 1);
    free(a->jobs);
    free(a->ids);
    free(a);
}

int ssh_async_start(ssh_async *a, const char *host, const char *cmd, int timeout_ms, dr_err *err)
{
    return ssh_async_start_input(a, host, cmd, NULL, 0, timeout_ms, err);
}

int ssh_async_start_input(ssh_async *a, const char *host, const char *cmd, const char *in,
                          size_t in_len, int timeout_ms, dr_err *err)
{
    conn *c = ssh__pool_conn(a->p, host, err);
    if (!c)
        return err ? err->code : DR_EINVAL;
    if (!cmd)
        return dr_err_set(err, DR_EINVAL, "exec on %s: no command", host);
    if (a->n == a->cap) {
        a->cap = a->cap ? 2 * a->cap : 8;
        a->jobs = dr_realloc(a->jobs, a->cap * sizeof *a->jobs);
        a->ids = dr_realloc(a->ids, a->cap * sizeof *a->ids);
    }
    job *j = dr_calloc(1, sizeof *j);
    ssh__job_init(j, c, dr_strdup(cmd), timeout_ms > 0 ? timeout_ms : a->p->exec_timeout_ms);
    j->in = in;
    j->in_len = in ? in_len : 0;
    a->jobs[a->n] = j;
    a->ids[a->n] = a->next_id;
    a->next_id = a->next_id == INT_MAX ? 0 : a->next_id + 1;
    return a->ids[a->n++];
}

size_t ssh_async_pending(const ssh_async *a)
{
    size_t k = 0;
    for (size_t i = 0; i < a->n; i++)
        if (a->jobs[i]->st != J_DONE)
            k++;
    return k;
}

void ssh_async_run(ssh_async *a, int64_t until_ms)
{
    /* finished jobs not yet taken count as done for drive_jobs */
    if (ssh_async_pending(a))
        drive_jobs(a->p, a->jobs, a->n, 1, until_ms);
}

int ssh_async_take(ssh_async *a, ssh_result *res)
{
    for (size_t i = 0; i < a->n; i++) {
        job *j = a->jobs[i];
        if (j->st != J_DONE)
            continue;
        int id = a->ids[i];
        memset(res, 0, sizeof *res);
        job_to_result(j, res);
        res->host = dr_strdup(j->c->key);
        /* the buffers and signal name now belong to res */
        j->exit_signal = NULL;
        j->out = (dr_buf)DR_BUF_INIT;
        j->errout = (dr_buf)DR_BUF_INIT;
        async_drop(a, i);
        return id;
    }
    return -1;
}
