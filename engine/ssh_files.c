/* ssh_files: reading and replacing files on a host, over SFTP or exec
 * scripts (with become), each replacement a compare-and-swap.
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

/* ----------------------------------------------------------------- files */

/* Brings c's session up on its own (file operations run one host at a time). */
static int conn_ready(ssh_pool *p, conn *c, dr_err *err)
{
    if (c->st == CS_READY)
        return DR_OK;
    job j;
    ssh__job_init(&j, c, NULL, 0);
    ssh__run_jobs(p, &j, 1);
    if (j.rc != DR_OK && err)
        *err = j.err;
    return j.rc;
}

/* One file operation on one host: its session, deadline and names. */
typedef struct fileop {
    ssh_pool *p;
    conn *c;
    const char *what; /* "read", "write" */
    const char *path;
    int64_t t0, deadline;
    dr_err *err;
    int wait_rc;   /* the DR_E* of a failed wait, when NB_CALL gave NB_WAIT_FAILED */
    int over_exec; /* no SFTP: cat and a shell script over exec channels */
} fileop;

/* What NB_CALL leaves in its result when the wait itself failed (a
 * deadline): below every libssh2 error code, so the two cannot be confused. */
#define NB_WAIT_FAILED (-100000)

/* Waits for c's socket in the direction libssh2 blocked on, or fails at the
 * deadline (dropping the session, whose protocol state is then unknown). */
static int wait_io(fileop *f)
{
    int64_t now = dr_now_ms();
    if (now >= f->deadline) {
        int rc = dr_err_set(f->err, DR_ETIMEOUT, "%s %s:%s: timed out after %.1f s", f->what,
                            f->c->key, f->path, (double)(now - f->t0) / 1000.0);
        ssh__conn_break(f->c);
        return rc;
    }
    struct pollfd pf = {f->c->fd, ssh__conn_events(f->c), 0};
    if (poll(&pf, 1, (int)(f->deadline - now)) < 0 && errno != EINTR)
        return dr_err_set(f->err, DR_EIO, "%s %s:%s: poll: %s", f->what, f->c->key, f->path,
                          strerror(errno));
    return DR_OK;
}

static const char *fx_name(unsigned long fx)
{
    switch (fx) {
    case LIBSSH2_FX_NO_SUCH_FILE:
    case LIBSSH2_FX_NO_SUCH_PATH:
        return "no such file or directory";
    case LIBSSH2_FX_PERMISSION_DENIED:
        return "permission denied";
    case LIBSSH2_FX_FILE_ALREADY_EXISTS:
        return "file exists";
    case LIBSSH2_FX_NO_SPACE_ON_FILESYSTEM:
    case LIBSSH2_FX_QUOTA_EXCEEDED:
        return "no space left";
    case LIBSSH2_FX_OP_UNSUPPORTED:
        return "operation not supported by the server";
    case LIBSSH2_FX_WRITE_PROTECT:
        return "read-only file system";
    default:
        return "failure";
    }
}

/* Turns the last libssh2 error into a DR_E* with context.  A transport
 * error drops the session; an SFTP status (no such file...) keeps it. */
static int fileop_fail(fileop *f, const char *step, const char *path)
{
    conn *c = f->c;
    int e = c->s ? libssh2_session_last_errno(c->s) : 0;
    if (e == LIBSSH2_ERROR_SFTP_PROTOCOL && c->sftp) {
        unsigned long fx = libssh2_sftp_last_error(c->sftp);
        int code = fx == LIBSSH2_FX_NO_SUCH_FILE || fx == LIBSSH2_FX_NO_SUCH_PATH ? DR_ENOTFOUND
                   : fx == LIBSSH2_FX_PERMISSION_DENIED                           ? DR_EAUTH
                                                                                  : DR_EIO;
        return dr_err_set(f->err, code, "%s %s:%s: %s %s: %s", f->what, c->key, f->path, step, path,
                          fx_name(fx));
    }
    int rc = dr_err_set(f->err, DR_EIO, "%s %s:%s: %s %s: %s", f->what, c->key, f->path, step, path,
                        ssh__libssh2_msg(c->s));
    ssh__conn_break(c);
    return rc;
}

/* The DR_E* for a failed NB_CALL result lrc. */
static int fileop_err(fileop *f, long lrc, const char *step, const char *path)
{
    if (lrc == NB_WAIT_FAILED)
        return f->wait_rc;
    return fileop_fail(f, step, path);
}

/* Calls an int-returning libssh2 function until it stops saying EAGAIN. */
#define NB_CALL(f, rcvar, call)                                                                    \
    do {                                                                                           \
        while (((rcvar) = (call)) == LIBSSH2_ERROR_EAGAIN) {                                       \
            int w_ = wait_io(f);                                                                   \
            if (w_ != DR_OK) {                                                                     \
                (f)->wait_rc = w_;                                                                 \
                (rcvar) = NB_WAIT_FAILED;                                                          \
                break;                                                                             \
            }                                                                                      \
        }                                                                                          \
    } while (0)

static int fileop_begin(fileop *f, ssh_pool *p, const char *host, const char *what,
                        const char *path, dr_err *err)
{
    memset(f, 0, sizeof *f);
    f->p = p;
    f->what = what;
    f->path = path;
    f->err = err;
    f->t0 = dr_now_ms();
    if (!path || path[0] != '/')
        return dr_err_set(err, DR_EINVAL, "%s %s:%s: the remote path must be absolute", what, host,
                          path ? path : "(null)");
    if (strchr(path, '\n'))
        return dr_err_set(err, DR_EINVAL, "%s %s: newline in remote path", what, host);
    f->c = ssh__pool_conn(p, host, err);
    if (!f->c)
        return err ? err->code : DR_EINVAL;
    if (f->c->busy) /* an ssh_async command holds a channel of this session */
        return dr_err_set(err, DR_ECONFLICT, "%s %s:%s: %s", what, f->c->key, path,
                          ssh__session_busy);
    int rc = conn_ready(p, f->c, err);
    if (rc != DR_OK)
        return rc;
    f->deadline = dr_now_ms() + p->exec_timeout_ms;
    if (p->files_over_exec || f->c->no_sftp || f->c->become) {
        /* with become, the exec scripts run under sudo: SFTP would read
         * and write as the login user */
        f->over_exec = 1;
        return DR_OK;
    }
    while (!f->c->sftp) {
        f->c->sftp = libssh2_sftp_init(f->c->s);
        if (f->c->sftp)
            break;
        int e = libssh2_session_last_errno(f->c->s);
        if (e == LIBSSH2_ERROR_CHANNEL_REQUEST_DENIED || e == LIBSSH2_ERROR_CHANNEL_FAILURE ||
            e == LIBSSH2_ERROR_CHANNEL_CLOSED || e == LIBSSH2_ERROR_CHANNEL_EOF_SENT) {
            /* No SFTP subsystem configured (sshd_config without Subsystem
             * sftp): the session is fine, files go over exec from now on. */
            f->c->no_sftp = 1;
            f->over_exec = 1;
            return DR_OK;
        }
        if (e != LIBSSH2_ERROR_EAGAIN)
            return fileop_fail(f, "start SFTP for", path);
        if ((rc = wait_io(f)) != DR_OK)
            return rc;
    }
    return DR_OK;
}

/* Runs cmd on f's host with input (may be NULL) within f's deadline.  *j is
 * the finished job: the caller reads its results and calls job_release. */
static int fileop_exec(fileop *f, const char *cmd, const void *in, size_t in_len,
                       const ssh_write_opts *opts, job *j)
{
    int64_t left = f->deadline - dr_now_ms();
    ssh__job_init(j, f->c, cmd, left > 1000 ? (int)left : 1000);
    j->in = in ? in : (in_len == 0 && opts ? "" : NULL);
    j->in_len = in_len;
    if (opts) {
        j->progress = opts->progress;
        j->progress_ud = opts->progress_ud;
    }
    ssh__run_jobs(f->p, j, 1);
    if (j->rc != DR_OK && f->err)
        *f->err = j->err;
    return j->rc;
}

static void job_release(job *j)
{
    free(j->exit_signal);
    dr_buf_free(&j->out);
    dr_buf_free(&j->errout);
}

static int sftp_open(fileop *f, const char *path, unsigned long flags, long mode,
                     LIBSSH2_SFTP_HANDLE **h)
{
    for (;;) {
        *h = libssh2_sftp_open_ex(f->c->sftp, path, (unsigned)strlen(path), flags, mode,
                                  LIBSSH2_SFTP_OPENFILE);
        if (*h)
            return DR_OK;
        if (libssh2_session_last_errno(f->c->s) != LIBSSH2_ERROR_EAGAIN)
            return fileop_fail(f, "open", path);
        int rc = wait_io(f);
        if (rc != DR_OK)
            return rc;
    }
}

static void sftp_close(fileop *f, LIBSSH2_SFTP_HANDLE *h)
{
    int rc;
    if (h && f->c->s)
        NB_CALL(f, rc, libssh2_sftp_close_handle(h));
    (void)rc;
}

/* Reads the whole open file h into out. */
static int sftp_slurp(fileop *f, LIBSSH2_SFTP_HANDLE *h, const char *path, dr_buf *out)
{
    char buf[32768];
    for (;;) {
        ssize_t n;
        NB_CALL(f, n, libssh2_sftp_read(h, buf, sizeof buf));
        if (n == 0)
            return DR_OK;
        if (n < 0)
            return fileop_err(f, n, "read", path);
        dr_buf_append(out, buf, (size_t)n);
    }
}

/* What a path is on the host: absent, a regular file (mode, owner), or
 * something a write must not replace. */
typedef struct file_state {
    int exists, regular, symlink;
    unsigned long mode, uid, gid; /* mode with its type bits */
} file_state;

/* Over exec: lstat()s path and reads it if it is a regular file, in one
 * command whose first output line describes the file. */
static int exec_file_state(fileop *f, const char *path, file_state *st, dr_buf *content)
{
    memset(st, 0, sizeof *st);
    dr_buf cmd = DR_BUF_INIT;
    dr_buf_puts(&cmd, "p=");
    ssh_shell_quote(&cmd, path);
    dr_buf_puts(&cmd, "; if [ -L \"$p\" ]; then echo link; elif [ ! -e \"$p\" ]; then echo absent; "
                      "elif [ -f \"$p\" ]; then stat -c 'file %f %u %g' -- \"$p\" && exec cat -- "
                      "\"$p\"; else stat -c 'other %f %u %g' -- \"$p\"; fi");
    job j;
    int rc = fileop_exec(f, cmd.data, NULL, 0, NULL, &j);
    dr_buf_free(&cmd);
    if (rc == DR_OK) {
        const char *out = j.out.data ? j.out.data : "";
        size_t first = strcspn(out, "\n");
        if (j.exit_status != 0 || out[first] != '\n') {
            rc = dr_err_set(f->err, DR_EIO, "%s %s:%s: reading it over exec failed (exit %d): %s",
                            f->what, f->c->key, path, j.exit_status,
                            j.errout.data ? j.errout.data : "");
        } else if (strncmp(out, "absent\n", 7) == 0) {
        } else if (strncmp(out, "link\n", 5) == 0) {
            st->exists = st->symlink = 1;
        } else if (sscanf(out, "other %lx %lu %lu", &st->mode, &st->uid, &st->gid) == 3) {
            st->exists = 1;
        } else if (sscanf(out, "file %lx %lu %lu", &st->mode, &st->uid, &st->gid) == 3) {
            st->exists = 1;
            st->regular = (st->mode & 0170000) == 0100000;
            if (content)
                dr_buf_append(content, out + first + 1, j.out.len - first - 1);
        } else {
            rc = dr_err_set(f->err, DR_EPARSE, "%s %s:%s: unexpected answer from stat: %.60s",
                            f->what, f->c->key, path, out);
        }
    }
    job_release(&j);
    return rc;
}

/* Appends the end of a replacement to cmd: check that path still holds what
 * was read (compare-and-swap on its sha256, or its absence), then rename
 * $t over it and sync the directory so that the rename survives a crash.
 * SFTP cannot replace a file (OpenSSH's sftp-server refuses to rename over
 * one, and libssh2 1.10 cannot send posix-rename), hence mv(1). */
static void commit_script(dr_buf *cmd, const char *path, const char *dir, const file_state *old,
                          const char *old_sha256)
{
    dr_buf_puts(cmd, "p=");
    ssh_shell_quote(cmd, path);
    dr_buf_puts(cmd, "; d=");
    ssh_shell_quote(cmd, dir);
    if (old->exists)
        dr_buf_printf(cmd,
                      "; [ -f \"$p\" ] && [ ! -L \"$p\" ] && c=$(sha256sum < \"$p\") && "
                      "[ \"${c%%%% *}\" = %s ] || { echo \"$p changed while it was being "
                      "replaced\" >&2; exit 76; }",
                      old_sha256);
    else
        dr_buf_puts(cmd,
                    "; if [ -e \"$p\" ] || [ -L \"$p\" ]; then echo \"$p appeared while it was "
                    "being written\" >&2; exit 76; fi");
    dr_buf_puts(cmd, "; mv -f -- \"$t\" \"$p\" || exit 1; trap - EXIT; "
                     "sync -- \"$d\" 2>/dev/null || true");
}

/* Turns the commit script's exit status into an error. */
static int commit_status(fileop *f, job *j)
{
    if (j->exit_status == 0)
        return DR_OK;
    const char *why = j->errout.data && *j->errout.data ? j->errout.data : "no message";
    if (j->exit_status == 76)
        return dr_err_set(f->err, DR_ECONFLICT, "%s %s:%s: %s", f->what, f->c->key, f->path, why);
    if (j->exit_status == 75)
        return dr_err_set(f->err, DR_EIO, "%s %s:%s: %s; the old file is unchanged", f->what,
                          f->c->key, f->path, why);
    return dr_err_set(f->err, DR_EIO, "%s %s:%s: replacing the file failed (exit %d): %s", f->what,
                      f->c->key, f->path, j->exit_status, why);
}

/* The whole replacement over one exec: the content arrives on stdin into a
 * temporary file made by mktemp next to path, is checked against its
 * sha256 (a cut connection ends cat early: nothing is renamed then), synced,
 * given the old owner and mode, and renamed by the commit script. */
static int write_over_exec(fileop *f, const char *path, const char *dir, const char *base,
                           const void *data, size_t len, unsigned mode, const file_state *old,
                           const char *old_sha256, const char *new_sha256,
                           const ssh_write_opts *opts)
{
    dr_buf cmd = DR_BUF_INIT, tmpl = DR_BUF_INIT;
    dr_buf_printf(&tmpl, "%s/.%s.drctl-XXXXXX", strcmp(dir, "/") == 0 ? "" : dir, base);
    dr_buf_puts(&cmd, "t=$(mktemp ");
    ssh_shell_quote(&cmd, tmpl.data);
    dr_buf_puts(&cmd, ") || exit 1; trap 'rm -f \"$t\"' EXIT; cat > \"$t\" || exit 1; "
                      "h=$(sha256sum < \"$t\") || exit 1; ");
    dr_buf_printf(&cmd,
                  "[ \"${h%%%% *}\" = %s ] || { echo \"the content arrived incomplete (input cut "
                  "off)\" >&2; exit 75; }; ",
                  new_sha256);
    dr_buf_puts(&cmd, "sync -- \"$t\" 2>/dev/null || sync; ");
    if (old->exists)
        dr_buf_printf(&cmd,
                      "[ \"$(stat -c %%u:%%g -- \"$t\")\" = %lu:%lu ] || chown %lu:%lu -- \"$t\" "
                      "|| exit 1; ",
                      old->uid, old->gid, old->uid, old->gid);
    dr_buf_printf(&cmd, "chmod %04o -- \"$t\" || exit 1; ", mode);
    commit_script(&cmd, path, dir, old, old_sha256);
    job j;
    int rc = fileop_exec(f, cmd.data, data, len, opts, &j);
    if (rc == DR_OK)
        rc = commit_status(f, &j);
    else if (j.in_sent < len)
        rc = dr_err_set(f->err, rc,
                        "%s %s:%s: cut off after %zu of %zu bytes, the old file is "
                        "unchanged (%s)",
                        f->what, f->c->key, path, j.in_sent, len, j.err.msg);
    job_release(&j);
    dr_buf_free(&cmd);
    dr_buf_free(&tmpl);
    return rc;
}

/* Exit status of the write command when the path is not a regular file
 * (a symbolic link, a directory...): beside commit_script's 75 and 76. */
#define WRITE_REFUSED 77

/* 1 when s is a sha256 in hex, or "" (absent). */
static int is_expect_hash(const char *s)
{
    size_t n = strlen(s);
    return (n == 0 || n == SHA256_HEX_LEN) && strspn(s, "0123456789abcdef") == n;
}

int ssh_write_command(dr_buf *cmd, const char *host, const char *path, const void *data, size_t len,
                      const char *expect_sha256, int mode, dr_err *err)
{
    if (!path || path[0] != '/')
        return dr_err_set(err, DR_EINVAL, "write %s:%s: the remote path must be absolute", host,
                          path ? path : "(null)");
    if (strchr(path, '\n'))
        return dr_err_set(err, DR_EINVAL, "write %s: newline in remote path", host);
    const char *slash = strrchr(path, '/');
    if (!slash[1] || strcmp(slash + 1, ".") == 0 || strcmp(slash + 1, "..") == 0)
        return dr_err_set(err, DR_EINVAL, "write %s:%s: not a file name", host, path);
    if (!expect_sha256 || !is_expect_hash(expect_sha256))
        return dr_err_set(err, DR_EINVAL, "write %s:%s: a sha256 (or \"\" for absent) expected",
                          host, path);
    if (!data && len)
        return dr_err_set(err, DR_EINVAL, "write %s:%s: no data", host, path);
    char new_sha[SHA256_HEX_LEN + 1];
    sha256_hex(data, len, new_sha);
    char *dir = dr_strndup(path, slash == path ? 1 : (size_t)(slash - path));
    dr_buf tmpl = DR_BUF_INIT;
    dr_buf_printf(&tmpl, "%s/.%s.drctl-XXXXXX", strcmp(dir, "/") == 0 ? "" : dir, slash + 1);
    file_state old = {.exists = *expect_sha256 != '\0'};

    /* What is there must be a regular file (or nothing) holding what the
     * caller read: checked before the content is taken (the input is
     * drained, so that the sender sees the refusal, not a cut channel),
     * and again by the commit script just before the rename. */
    dr_buf_puts(cmd, "p=");
    ssh_shell_quote(cmd, path);
    dr_buf_printf(cmd,
                  "; if [ -L \"$p\" ]; then echo \"$p is a symbolic link; write the file it "
                  "points to\" >&2; cat >/dev/null; exit %d; fi; if [ -e \"$p\" ] && [ ! -f "
                  "\"$p\" ]; then echo \"$p is not a regular file\" >&2; cat >/dev/null; exit %d; "
                  "fi; ",
                  WRITE_REFUSED, WRITE_REFUSED);
    if (old.exists)
        dr_buf_printf(cmd,
                      "if [ ! -f \"$p\" ]; then echo \"$p changed since it was read (now absent, "
                      "expected %s)\" >&2; cat >/dev/null; exit 76; fi; c=$(sha256sum < \"$p\") "
                      "|| exit 1; if [ \"${c%%%% *}\" != %s ]; then echo \"$p changed since it was "
                      "read (now ${c%%%% *}, expected %s)\" >&2; cat >/dev/null; exit 76; fi; ",
                      expect_sha256, expect_sha256, expect_sha256);
    else
        dr_buf_puts(cmd, "if [ -e \"$p\" ]; then echo \"$p changed since it was read (now "
                         "present, expected absent)\" >&2; cat >/dev/null; exit 76; fi; ");
    /* The content into a temporary file next to it, checked, synced and
     * given the old file's owner and mode (owner first: chown clears the
     * set-id bits) or the new file's mode. */
    dr_buf_puts(cmd, "t=$(mktemp ");
    ssh_shell_quote(cmd, tmpl.data);
    dr_buf_printf(cmd,
                  ") || exit 1; trap 'rm -f \"$t\"' EXIT; cat > \"$t\" || exit 1; h=$(sha256sum < "
                  "\"$t\") || exit 1; [ \"${h%%%% *}\" = %s ] || { echo \"the content arrived "
                  "incomplete (input cut off)\" >&2; exit 75; }; sync -- \"$t\" 2>/dev/null || "
                  "sync; ",
                  new_sha);
    if (old.exists)
        dr_buf_puts(cmd, "o=$(stat -c '%u:%g %a' -- \"$p\") || exit 1; [ \"$(stat -c %u:%g -- "
                         "\"$t\")\" = \"${o%% *}\" ] || chown \"${o%% *}\" -- \"$t\" || exit 1; "
                         "chmod \"${o#* }\" -- \"$t\" || exit 1; ");
    else
        dr_buf_printf(cmd, "chmod %04o -- \"$t\" || exit 1; ",
                      (unsigned)(mode ? mode & 07777 : 0644));
    commit_script(cmd, path, dir, &old, expect_sha256);
    dr_buf_puts(cmd, "; stat -c 'written %a %u %g' -- \"$p\"");
    free(dir);
    dr_buf_free(&tmpl);
    return DR_OK;
}

int ssh_write_outcome(const ssh_result *r, const char *path, const char *expect_sha256,
                      ssh_write_result *res, dr_err *err)
{
    const char *host = r->host ? r->host : "?";
    res->existed = expect_sha256 && *expect_sha256;
    snprintf(res->previous_sha256, sizeof res->previous_sha256, "%s",
             res->existed ? expect_sha256 : "");
    res->via_exec = 1;
    if (r->rc != DR_OK) {
        if (err)
            *err = r->err;
        return r->rc;
    }
    const char *why = r->errout.data && *r->errout.data ? r->errout.data : "no message";
    int wl = (int)strcspn(why, "\n");
    if (r->exit_signal)
        return dr_err_set(err, DR_EIO, "write %s:%s: killed by signal %s", host, path,
                          r->exit_signal);
    switch (r->exit_status) {
    case 0:
        break;
    case 76:
        return dr_err_set(err, DR_ECONFLICT, "write %s:%s: %.*s", host, path, wl, why);
    case 75:
        return dr_err_set(err, DR_EIO, "write %s:%s: %.*s; the old file is unchanged", host, path,
                          wl, why);
    case WRITE_REFUSED:
        return dr_err_set(err, DR_EREFUSED, "write %s:%s: %.*s", host, path, wl, why);
    default:
        return dr_err_set(err, DR_EIO, "write %s:%s: replacing the file failed (exit %d): %.*s",
                          host, path, r->exit_status, wl, why);
    }
    const char *out = r->out.data ? r->out.data : "";
    const char *w = strstr(out, "written ");
    if (!w || sscanf(w, "written %o %u %u", &res->mode, &res->uid, &res->gid) != 3)
        return dr_err_set(err, DR_EPARSE, "write %s:%s: unexpected answer: %.60s", host, path, out);
    return DR_OK;
}

int ssh_read_file(ssh_pool *p, const char *host, const char *path, dr_buf *out, dr_err *err)
{
    fileop f;
    int rc = fileop_begin(&f, p, host, "read", path, err);
    if (rc != DR_OK)
        return rc;
    if (f.over_exec) {
        file_state st;
        rc = exec_file_state(&f, path, &st, out);
        if (rc == DR_OK && !st.exists)
            rc = dr_err_set(err, DR_ENOTFOUND, "read %s:%s: no such file or directory", f.c->key,
                            path);
        return rc;
    }
    LIBSSH2_SFTP_HANDLE *h;
    if ((rc = sftp_open(&f, path, LIBSSH2_FXF_READ, 0, &h)) != DR_OK)
        return rc;
    rc = sftp_slurp(&f, h, path, out);
    if (f.c->s)
        sftp_close(&f, h);
    if (rc == DR_OK && !out->data)
        dr_buf_reserve(out, 0), out->data[0] = '\0';
    return rc;
}

void ssh_write_result_free(ssh_write_result *r)
{
    if (r) {
        dr_buf_free(&r->previous);
        memset(r, 0, sizeof *r);
    }
}

/* stat()s path without following a final symlink.  *exists = 0 if absent. */
static int sftp_lstat(fileop *f, const char *path, LIBSSH2_SFTP_ATTRIBUTES *a, int *exists)
{
    int rc;
    memset(a, 0, sizeof *a);
    NB_CALL(f, rc,
            libssh2_sftp_stat_ex(f->c->sftp, path, (unsigned)strlen(path), LIBSSH2_SFTP_LSTAT, a));
    if (rc == 0) {
        *exists = 1;
        return DR_OK;
    }
    if (rc == NB_WAIT_FAILED)
        return f->wait_rc;
    rc = fileop_fail(f, "stat", path);
    if (rc == DR_ENOTFOUND) {
        *exists = 0;
        if (f->err)
            dr_err_clear(f->err);
        return DR_OK;
    }
    return rc;
}

/* The file's type, mode and owner over SFTP, without reading it: st zeroed
 * and st->exists 0 when absent. */
static int sftp_old_state(fileop *f, const char *path, file_state *st)
{
    LIBSSH2_SFTP_ATTRIBUTES a;
    int rc;
    memset(st, 0, sizeof *st);
    if ((rc = sftp_lstat(f, path, &a, &st->exists)) != DR_OK)
        return rc;
    st->mode = a.permissions;
    st->uid = a.uid;
    st->gid = a.gid;
    st->symlink = st->exists && LIBSSH2_SFTP_S_ISLNK(a.permissions);
    st->regular = st->exists && LIBSSH2_SFTP_S_ISREG(a.permissions);
    return DR_OK;
}

int ssh_write_file(ssh_pool *p, const char *host, const char *path, const void *data, size_t len,
                   const ssh_write_opts *opts, ssh_write_result *res, dr_err *err)
{
    static unsigned counter;
    memset(res, 0, sizeof *res);
    if (!data && len)
        return dr_err_set(err, DR_EINVAL, "write %s:%s: no data", host, path ? path : "");
    sha256_hex(data, len, res->sha256);
    fileop f;
    int rc = fileop_begin(&f, p, host, "write", path, err);
    if (rc != DR_OK)
        return rc;
    const char *slash = strrchr(path, '/');
    if (!slash[1] || strcmp(slash + 1, ".") == 0 || strcmp(slash + 1, "..") == 0)
        return dr_err_set(err, DR_EINVAL, "write %s:%s: not a file name", f.c->key, path);
    char *dir = dr_strndup(path, slash == path ? 1 : (size_t)(slash - path));
    const char *base = slash + 1;
    res->via_exec = f.over_exec;

    /* 1. What is there now: type, mode, owner, content.  A caller that
     * read the file already (expect_sha256) gets no second read: over exec
     * one command checks and replaces it; over SFTP only its type, mode and
     * owner are asked for, and the commit compares its content remotely. */
    file_state old;
    LIBSSH2_SFTP_HANDLE *h = NULL;
    dr_buf tmp = DR_BUF_INIT, cmd = DR_BUF_INIT;
    const char *known = opts ? opts->expect_sha256 : NULL;
    if (known && !is_expect_hash(known))
        known = NULL; /* it matches nothing: the read below says what is there */
    if (known && f.over_exec) {
        rc = ssh_write_command(&cmd, f.c->key, path, data, len, known, opts->mode, err);
        if (rc != DR_OK)
            goto out;
        job j;
        rc = fileop_exec(&f, cmd.data, data, len, opts, &j);
        ssh_result r = {.host = f.c->key,
                        .rc = rc,
                        .err = j.err,
                        .exit_status = j.exit_status,
                        .exit_signal = j.exit_signal,
                        .out = j.out,
                        .errout = j.errout};
        if (rc != DR_OK && j.in_sent < len)
            rc = dr_err_set(err, rc,
                            "write %s:%s: cut off after %zu of %zu bytes, the old file is "
                            "unchanged (%s)",
                            f.c->key, path, j.in_sent, len, j.err.msg);
        else
            rc = ssh_write_outcome(&r, path, known, res, err);
        job_release(&j);
        goto out;
    }
    if (known) {
        if ((rc = sftp_old_state(&f, path, &old)) != DR_OK)
            goto out;
        if (old.regular || !old.exists)
            snprintf(res->previous_sha256, sizeof res->previous_sha256, "%s", known);
        if ((!old.exists || old.regular) && old.exists != (*known != '\0')) {
            rc = dr_err_set(err, DR_ECONFLICT,
                            "write %s:%s: the file changed since it was read (now %s, expected %s)",
                            f.c->key, path, old.exists ? "present" : "absent",
                            *known ? known : "absent");
            goto out;
        }
    } else if (f.over_exec) {
        if ((rc = exec_file_state(&f, path, &old, &res->previous)) != DR_OK)
            goto out;
    } else {
        if ((rc = sftp_old_state(&f, path, &old)) != DR_OK)
            goto out;
        if (old.regular) {
            if ((rc = sftp_open(&f, path, LIBSSH2_FXF_READ, 0, &h)) != DR_OK)
                goto out;
            rc = sftp_slurp(&f, h, path, &res->previous);
            if (f.c->s)
                sftp_close(&f, h);
            h = NULL;
            if (rc != DR_OK)
                goto out;
        }
    }
    res->existed = old.exists;
    if (old.symlink) {
        rc = dr_err_set(err, DR_EREFUSED,
                        "write %s:%s: is a symbolic link; write the file it points to", f.c->key,
                        path);
        goto out;
    }
    if (old.exists && !old.regular) {
        rc = dr_err_set(err, DR_EREFUSED, "write %s:%s: not a regular file", f.c->key, path);
        goto out;
    }
    if (old.exists && !known)
        sha256_hex(res->previous.data, res->previous.len, res->previous_sha256);
    if (!res->previous.data)
        dr_buf_reserve(&res->previous, 0), res->previous.data[0] = '\0';
    if (opts && opts->expect_sha256 && strcmp(opts->expect_sha256, res->previous_sha256) != 0) {
        rc = dr_err_set(err, DR_ECONFLICT,
                        "write %s:%s: the file changed since it was read (now %s, expected %s)",
                        f.c->key, path, old.exists ? res->previous_sha256 : "absent",
                        *opts->expect_sha256 ? opts->expect_sha256 : "absent");
        goto out;
    }
    unsigned mode = old.exists ? (unsigned)(old.mode & 07777)
                               : (opts && opts->mode ? (unsigned)opts->mode & 07777 : 0644);
    res->mode = mode;
    res->uid = (unsigned)old.uid;
    res->gid = (unsigned)old.gid;

    if (f.over_exec) {
        rc = write_over_exec(&f, path, dir, base, data, len, mode, &old, res->previous_sha256,
                             res->sha256, opts);
        goto out;
    }

    /* 2. The new content into a temporary file next to it, created 0600 so
     * nobody reads it half-written under the wrong mode. */
    for (int attempt = 0;; attempt++) {
        dr_buf_reset(&tmp);
        dr_buf_printf(&tmp, "%s/.%s.drctl-%ld-%lld-%u", strcmp(dir, "/") == 0 ? "" : dir, base,
                      (long)getpid(), (long long)dr_wall_ms(), counter++);
        rc = sftp_open(&f, tmp.data, LIBSSH2_FXF_WRITE | LIBSSH2_FXF_CREAT | LIBSSH2_FXF_EXCL, 0600,
                       &h);
        if (rc == DR_OK)
            break;
        if (attempt >= 3 || !f.c->sftp ||
            libssh2_sftp_last_error(f.c->sftp) != LIBSSH2_FX_FILE_ALREADY_EXISTS)
            goto out;
    }
    size_t sent = 0;
    while (sent < len) {
        size_t chunk = len - sent < 65536 ? len - sent : 65536;
        ssize_t n;
        NB_CALL(&f, n, libssh2_sftp_write(h, (const char *)data + sent, chunk));
        if (n < 0) {
            rc = fileop_err(&f, n, "write", tmp.data);
            if (err) {
                char why[DR_ERR_MAX];
                snprintf(why, sizeof why, "%s", err->msg);
                dr_err_set(err, rc,
                           "write %s:%s: cut off after %zu of %zu bytes, the old file is "
                           "unchanged (%s)",
                           f.c->key, path, sent, len, why);
            }
            goto out;
        }
        sent += (size_t)n;
        if (opts && opts->progress)
            opts->progress(opts->progress_ud, sent, len);
    }
    NB_CALL(&f, rc, libssh2_sftp_fsync(h));
    if (rc != 0) {
        rc = fileop_err(&f, rc, "fsync", tmp.data);
        goto out;
    }
    /* 3. Owner first (chown clears set-id bits), then the mode. */
    LIBSSH2_SFTP_ATTRIBUTES cur;
    memset(&cur, 0, sizeof cur);
    NB_CALL(&f, rc, libssh2_sftp_fstat_ex(h, &cur, 0));
    if (rc != 0) {
        rc = fileop_err(&f, rc, "stat", tmp.data);
        goto out;
    }
    res->uid = (unsigned)cur.uid;
    res->gid = (unsigned)cur.gid;
    if (old.exists && (cur.uid != old.uid || cur.gid != old.gid)) {
        LIBSSH2_SFTP_ATTRIBUTES own;
        memset(&own, 0, sizeof own);
        own.flags = LIBSSH2_SFTP_ATTR_UIDGID;
        own.uid = old.uid;
        own.gid = old.gid;
        NB_CALL(&f, rc, libssh2_sftp_fstat_ex(h, &own, 1));
        if (rc != 0) {
            rc = fileop_err(&f, rc, "give the old owner to", tmp.data);
            goto out;
        }
        res->uid = (unsigned)old.uid;
        res->gid = (unsigned)old.gid;
    }
    LIBSSH2_SFTP_ATTRIBUTES perm;
    memset(&perm, 0, sizeof perm);
    perm.flags = LIBSSH2_SFTP_ATTR_PERMISSIONS;
    perm.permissions = mode;
    NB_CALL(&f, rc, libssh2_sftp_fstat_ex(h, &perm, 1));
    if (rc != 0) {
        rc = fileop_err(&f, rc, "chmod", tmp.data);
        goto out;
    }
    NB_CALL(&f, rc, libssh2_sftp_close_handle(h));
    h = NULL;
    if (rc != 0) {
        rc = fileop_err(&f, rc, "close", tmp.data);
        goto out;
    }
    /* 4. The switch: one rename, if the file is still what was read. */
    dr_buf_puts(&cmd, "t=");
    ssh_shell_quote(&cmd, tmp.data);
    dr_buf_puts(&cmd, "; trap 'rm -f \"$t\"' EXIT; ");
    commit_script(&cmd, path, dir, &old, res->previous_sha256);
    job j;
    rc = fileop_exec(&f, cmd.data, NULL, 0, NULL, &j);
    if (rc == DR_OK)
        rc = commit_status(&f, &j);
    job_release(&j);
    tmp.len = 0; /* the script removed it on failure */
out:
    if (rc != DR_OK && f.c->s && f.c->sftp && tmp.len) {
        /* Best effort: do not leave the temporary file behind. */
        dr_err keep = err ? *err : (dr_err){0};
        int urc;
        if (h)
            sftp_close(&f, h);
        if (f.c->s)
            NB_CALL(&f, urc, libssh2_sftp_unlink_ex(f.c->sftp, tmp.data, (unsigned)tmp.len));
        (void)urc;
        if (err)
            *err = keep;
    }
    free(dir);
    dr_buf_free(&tmp);
    dr_buf_free(&cmd);
    return rc;
}
