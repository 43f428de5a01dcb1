/* ssh: commands and files on many hosts over SSH (libssh2), for the runbook
 * engine.  A pool holds at most one session per user@host:port, opened on
 * first use and reused for the rest of the run.  Every session is
 * non-blocking and driven by poll(): a fan-out to N hosts sets up and runs
 * up to max_parallel sessions at once, so it takes about as long as the
 * slowest host, not the sum.  Every wait has a deadline.
 *
 * Host keys are checked against an OpenSSH known_hosts file (plain, hashed
 * |1| and [host]:port entries).  An unknown or changed key is a refusal that
 * names the key's SHA256 fingerprint and the file; the only exception is the
 * explicit SSH_HOSTKEY_TOFU policy, which accepts and records an unknown key
 * (never a changed one).
 *
 * No Lua here and no run-mode knowledge: the binding (ssh_lua.c) gates
 * mutating calls.  Not thread-safe: one pool belongs to one thread. */
#ifndef DR_SSH_H
#define DR_SSH_H

#include <stddef.h>
#include <stdint.h>

#include "sha256.h"
#include "util.h"

typedef enum ssh_hostkey_policy {
    SSH_HOSTKEY_STRICT = 0, /* unknown or changed key: refuse */
    SSH_HOSTKEY_TOFU = 1,   /* unknown key: accept and append it; changed key: refuse */
} ssh_hostkey_policy;

/* How a pool connects.  Strings are copied by ssh_pool_new. */
typedef struct ssh_config {
    const char *user;            /* login when a host spec names none; NULL: the local user */
    int port;                    /* when a host spec names none; 0: 22 */
    const char *identity;        /* private key file (ed25519 recommended), or NULL */
    const char *passphrase_file; /* the key's passphrase in a 0600 file, or NULL */
    const char *passphrase_env;  /* ... or in this environment variable, or NULL */
    int use_agent;               /* try the keys of ssh-agent ($SSH_AUTH_SOCK) first */
    const char *known_hosts;     /* required */
    ssh_hostkey_policy hostkey_policy;
    int connect_timeout_ms; /* TCP connect + handshake + auth; 0: 10000 */
    int exec_timeout_ms;    /* default per command or file transfer; 0: 60000 */
    int max_parallel;       /* sessions being set up or busy at once; 0: 64 */
    /* Files go over SFTP when the server offers it, else (or when this is set)
     * over exec: cat to read, a shell script (mktemp, cat, sha256sum, mv) to
     * write, with the same guarantees. */
    int files_over_exec;
    /* Every command runs as `sudo -n -- /bin/sh -c CMD` and files go over
     * exec under sudo (read, and replaced with a temporary file, owner and
     * mode kept, and mv), for a login user that is not root. */
    int become_sudo;
    /* "[user@]host[:port]" of a jump host every session tunnels through
     * (direct-tcpip), its host key checked like any other; NULL: direct. */
    const char *jump;
} ssh_config;

typedef struct ssh_pool ssh_pool;

/* Creates a pool; nothing is connected yet.  Fails (DR_EINVAL) on a missing
 * known_hosts setting or a bad value.  Free with ssh_pool_free. */
int ssh_pool_new(const ssh_config *cfg, ssh_pool **out, dr_err *err);
/* Disconnects every session (briefly waiting for a polite goodbye) and frees
 * the pool.  NULL is allowed. */
void ssh_pool_free(ssh_pool *p);

/* The outcome of one command on one host. */
typedef struct ssh_result {
    char *host;          /* "user@host:port" (owned) */
    int rc;              /* DR_OK when the command ran to its end, whatever its status */
    dr_err err;          /* the failure when rc != DR_OK (connect, auth, host key, timeout) */
    int exit_status;     /* the command's exit status; -1 when it died of a signal */
    char *exit_signal;   /* "TERM", "KILL"... when killed by a signal, else NULL (owned) */
    dr_buf out;          /* standard output */
    dr_buf errout;       /* standard error */
    int64_t duration_ms; /* the whole call: connecting (when needed) and running */
} ssh_result;

void ssh_result_free(ssh_result *r);

/* Runs cmd on host ("[user@]host[:port]", IPv6 as "[addr]:port") through the
 * remote user's shell, with stdin at EOF.  timeout_ms <= 0 takes the pool's
 * default.  Fills *res (free it with ssh_result_free) and returns res->rc: a
 * non-zero exit status is not an error here.  A timeout closes the channel
 * with its session (the next call reconnects) and fails with DR_ETIMEOUT:
 * "exec on HOST: timed out after 5.0 s: CMD".  The remote command is not
 * killed (libssh2 1.10 cannot send signals): it ends when it next writes to
 * its closed output, or by itself. */
int ssh_exec(ssh_pool *p, const char *host, const char *cmd, int timeout_ms, ssh_result *res);

/* Runs cmd on n hosts in parallel (up to max_parallel at once), filling
 * res[0..n-1] in the order of hosts.  One host failing does not stop the
 * others; each result says how its host fared.  Returns the number of hosts
 * whose rc is not DR_OK. */
size_t ssh_exec_many(ssh_pool *p, const char *const *hosts, size_t n, const char *cmd,
                     int timeout_ms, ssh_result *res);

/* The same with one command per host: cmds[i] runs on hosts[i]. */
size_t ssh_exec_each(ssh_pool *p, const char *const *hosts, const char *const *cmds, size_t n,
                     int timeout_ms, ssh_result *res);

/* Reading a file with a command (cat), for reads made in parallel: on many
 * hosts at once, or by a step group member through ssh_async.
 * ssh_read_command appends to cmd the command that prints path (following
 * symbolic links, as SFTP does); ssh_read_outcome turns the result of that
 * command into the content (appended to out), DR_ENOTFOUND when the file
 * does not exist, or the failure, with err filled ("read HOST:PATH: why"). */
void ssh_read_command(dr_buf *cmd, const char *path);
int ssh_read_outcome(const ssh_result *r, const char *path, dr_buf *out, dr_err *err);

/* Several files of one host in one command: each file's content is
 * preceded by 'F' ('A' alone when the file is absent) and followed by a
 * token random to the command, so that one round trip reads them all.
 * ssh_read_files_token makes the token; ssh_read_files_outcome splits the
 * result into out[0..n-1] (initialised by the caller), present[i] = 0 for
 * an absent file, or fails as ssh_read_outcome does (DR_EPARSE when the
 * answer is not framed as asked). */
#define SSH_READ_TOKEN_LEN 32
void ssh_read_files_token(char token[SSH_READ_TOKEN_LEN + 1]);
void ssh_read_files_command(dr_buf *cmd, const char *const *paths, size_t n, const char *token);
int ssh_read_files_outcome(const ssh_result *r, const char *const *paths, size_t n,
                           const char *token, dr_buf *out, int *present, dr_err *err);

/* Reads paths[i] on hosts[i] for every i at once (up to max_parallel
 * sessions).  out[i] (initialised by the caller) gets the content;
 * errs[i].code is DR_OK, DR_ENOTFOUND or the failure, with its message.
 * Returns the number of reads that did not give DR_OK. */
size_t ssh_read_many(ssh_pool *p, const char *const *hosts, const char *const *paths, size_t n,
                     int timeout_ms, dr_buf *out, dr_err *errs);

/* Commands started one at a time and collected as each ends, for a caller
 * that interleaves several independent sequences (the engine's parallel
 * step groups): it starts a command, drives the batch until something ends
 * or its next timer is due, takes what ended, and starts more.  Jobs run
 * at most max_parallel at once and one at a time per session.  While a
 * session has a batch command running, a file operation or a plain
 * ssh_exec on the same host fails at once with DR_ECONFLICT (it would
 * otherwise share, or break, the session under the running command). */
typedef struct ssh_async ssh_async;

/* A batch on pool p (which must outlive it).  Free with ssh_async_free,
 * which abandons unfinished commands (breaking their sessions; the next
 * use reconnects). */
ssh_async *ssh_async_new(ssh_pool *p);
void ssh_async_free(ssh_async *a);
/* Queues cmd on host with ssh_exec's timeout rule.  Returns an id (>= 0)
 * that ssh_async_take hands back with the result, or a negative DR_E* code
 * with err filled (a bad host spec). */
int ssh_async_start(ssh_async *a, const char *host, const char *cmd, int timeout_ms, dr_err *err);
/* The same with in_len bytes of standard input (in, which must stay alive
 * until the result is taken; NULL: none). */
int ssh_async_start_input(ssh_async *a, const char *host, const char *cmd, const char *in,
                          size_t in_len, int timeout_ms, dr_err *err);
/* Unfinished commands. */
size_t ssh_async_pending(const ssh_async *a);
/* Drives the queued commands until one more ends or until_ms (dr_now_ms
 * clock) passes, whichever comes first.  Returns at once when nothing is
 * pending. */
void ssh_async_run(ssh_async *a, int64_t until_ms);
/* Moves one ended command's result into *res (free with ssh_result_free)
 * and returns its id, or returns -1 when none has ended. */
int ssh_async_take(ssh_async *a, ssh_result *res);

/* Reads the remote file path (absolute) into out (appended), over SFTP or,
 * where the server has none, with cat.  DR_ENOTFOUND when it does not exist. */
int ssh_read_file(ssh_pool *p, const char *host, const char *path, dr_buf *out, dr_err *err);

typedef struct ssh_write_opts {
    int mode; /* mode of a new file (an existing one keeps its mode and owner); 0: 0644 */
    /* Compare-and-swap: the sha256 hex the current content must have, "" if the
     * file must be absent, NULL for no check.  A mismatch is DR_ECONFLICT. */
    const char *expect_sha256;
    /* Called as the new content goes out (bytes sent, total); may be NULL. */
    void (*progress)(void *ud, size_t sent, size_t total);
    void *progress_ud;
} ssh_write_opts;

typedef struct ssh_write_result {
    int existed;                              /* the file existed before the write */
    dr_buf previous;                          /* its content then (empty when absent) */
    char previous_sha256[SHA256_HEX_LEN + 1]; /* its hash, "" when absent */
    char sha256[SHA256_HEX_LEN + 1];          /* hash of the new content */
    unsigned mode, uid, gid;                  /* of the file as written */
    int via_exec;                             /* written over exec, not SFTP */
} ssh_write_result;

/* Replaces the remote file path (absolute) atomically: the new content goes
 * to a temporary file in the same directory, is fsync'ed, given the previous
 * file's mode and owner, and renamed over path.  A write cut off at any
 * point leaves the old file as it was (a stray temporary file at worst).
 * opts may be NULL.  Fills *res with the previous content and its hash, so
 * the caller can checkpoint it; free it with ssh_write_result_free whatever
 * the outcome.  With opts->expect_sha256 the caller read the file already:
 * it is not read again (res->previous stays empty), the remote commit
 * compares it with that hash. */
int ssh_write_file(ssh_pool *p, const char *host, const char *path, const void *data, size_t len,
                   const ssh_write_opts *opts, ssh_write_result *res, dr_err *err);
void ssh_write_result_free(ssh_write_result *r);

/* The whole replacement of path as one command, for a caller that read the
 * file already and runs the command itself (beside others, through
 * ssh_async): the content (data, len) goes on its standard input; the
 * command refuses a path that is not a regular file, compares the file with
 * expect_sha256 (the sha256 hex of what was read, "" when it was absent)
 * before taking the content and again just before the rename (a mismatch is
 * DR_ECONFLICT), and gives the new file the old one's owner and mode, or
 * mode (0: 0644) when it is new.  ssh_write_file does the same with
 * opts->expect_sha256 over exec.  ssh_write_command appends the command to
 * cmd (DR_EINVAL with err filled for a bad path or hash);
 * ssh_write_outcome turns its result into res (existed, previous_sha256,
 * mode, uid, gid; previous and sha256 are left to the caller) or the
 * failure, with err filled ("write HOST:PATH: why"). */
int ssh_write_command(dr_buf *cmd, const char *host, const char *path, const void *data, size_t len,
                      const char *expect_sha256, int mode, dr_err *err);
int ssh_write_outcome(const ssh_result *r, const char *path, const char *expect_sha256,
                      ssh_write_result *res, dr_err *err);

/* Per-host settings over the pool's defaults: become (sudo) and the jump
 * host ("" or NULL: direct).  Takes effect for the host's next session. */
int ssh_pool_host_options(ssh_pool *p, const char *host, int become, const char *jump, dr_err *err);

/* Appends cmd as run for a become host: sudo -n -- /bin/sh -c 'cmd'. */
void ssh_become_command(dr_buf *out, const char *cmd);

/* The socket of host's open session, or -1 when none is open.  For tests
 * (cutting a connection) and diagnostics only. */
int ssh_pool_socket(ssh_pool *p, const char *host);

/* --- Pieces usable without a server (and unit-tested as such) --- */

/* Splits "[user@]host[:port]" (or "[user@][v6addr]:port"), taking defaults for
 * what is missing.  *user and *hostname are malloc'ed for the caller. */
int ssh_parse_host(const char *spec, const char *default_user, int default_port, char **user,
                   char **hostname, int *port, dr_err *err);

/* "SHA256:" + unpadded base64 of the SHA-256 of a public key blob, as
 * OpenSSH prints it.  out needs SSH_FINGERPRINT_LEN bytes. */
#define SSH_FINGERPRINT_LEN 52
void ssh_fingerprint(const void *blob, size_t len, char out[SSH_FINGERPRINT_LEN]);

/* Checks a server's host key blob (the SSH wire form: string type, then the
 * key) for host:port against known_hosts.  DR_OK when a matching entry is
 * found.  An unknown key is DR_EREFUSED (or, with SSH_HOSTKEY_TOFU, appended
 * to the file and DR_OK); a key other than the recorded one is always
 * DR_EREFUSED.  Refusals name the fingerprint, the file and what to do. */
int ssh_hostkey_verify(const char *known_hosts, const char *host, int port, const void *blob,
                       size_t len, ssh_hostkey_policy policy, dr_err *err);

/* Appends to out the key types known_hosts records for host:port, in
 * OpenSSH's names, comma-separated ("ssh-ed25519,ssh-rsa"); hashed entries
 * count.  The session offers these types first. */
int ssh_known_host_types(const char *known_hosts, const char *host, int port, dr_buf *out,
                         dr_err *err);

/* The key type ("ssh-ed25519", "ssh-rsa", ...) of a private key file (OpenSSH
 * or PEM format; an encrypted one too).  *type is malloc'ed. */
int ssh_key_file_type(const char *path, char **type, dr_err *err);

/* The same from the key file's text (NUL-terminated): DR_OK, DR_EPARSE for
 * a malformed OpenSSH key, DR_ENOTFOUND when the format is not recognised. */
int ssh_key_text_type(const char *text, char **type);

/* Quotes s for a POSIX shell: 'it'\''s' (appended to out). */
void ssh_shell_quote(dr_buf *out, const char *s);

#endif
