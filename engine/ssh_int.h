/* ssh_int.h: what the pieces of the ssh module share (ssh.c helpers,
 * ssh_hostkey.c, ssh_pool.c, ssh_tunnel.c, ssh_exec.c, ssh_files.c).  Not a
 * public interface: only those files include it. */
#ifndef DRCTL_SSH_INT_H
#define DRCTL_SSH_INT_H

#include "ssh.h"

#include <libssh2.h>
#include <libssh2_sftp.h>
#include <stddef.h>
#include <stdint.h>

enum { STEP_AGAIN = 0, STEP_DONE = 1 };

typedef enum conn_state {
    CS_IDLE,      /* no session */
    CS_TCP,       /* non-blocking connect in progress */
    CS_HANDSHAKE, /* SSH key exchange */
    CS_AUTHLIST,  /* asking which auth methods the server accepts */
    CS_AGENT,     /* trying the agent's keys one by one */
    CS_KEY,       /* trying the key file */
    CS_READY,
} conn_state;

typedef struct conn {
    struct conn *next;
    struct conn *hnext; /* the next in its bucket of the pool's key hash */
    char *key;          /* "user@host:port" */
    char *user, *host;
    int port;
    int fd;
    LIBSSH2_SESSION *s;
    LIBSSH2_SFTP *sftp;
    conn_state st;
    int busy; /* a job is using it */
    LIBSSH2_AGENT *agent;
    struct libssh2_agent_publickey *agent_id;
    int agent_keys_tried;
    char *auth_methods;
    int no_sftp;               /* the server has no SFTP subsystem: files go over exec */
    int become;                /* commands and files through sudo -n (ssh_pool_host_options) */
    char *jump;                /* "host:port" of the jump host, or NULL: direct */
    struct ssh_tunnel *tunnel; /* the direct-tcpip relay when jump is set */
} conn;

struct ssh_pool {
    char *user, *identity, *passphrase_file, *passphrase_env, *known_hosts;
    int port, use_agent, connect_timeout_ms, exec_timeout_ms, max_parallel, files_over_exec;
    int become; /* default of every host */
    char *jump; /* default jump host of every host, or NULL */
    ssh_hostkey_policy policy;
    char *passphrase; /* loaded on first need, wiped on free */
    int passphrase_loaded;
    conn *conns;
    conn **buckets; /* conns by hash of their key, nbuckets a power of two */
    size_t nbuckets, nconns;
    struct kh_file *kh; /* known_hosts, read once on first need; NULL if unreadable */
    int kh_tried;
};

typedef enum job_state {
    J_PENDING,
    J_CONNECT,
    J_OPEN,
    J_EXEC,
    J_WRITE_IN,
    J_SEND_EOF,
    J_READ,
    J_CLOSE,
    J_WAIT_CLOSED,
    J_FREE,
    J_DONE,
} job_state;

typedef struct job {
    conn *c;
    const char *cmd; /* NULL: only bring the session up */
    int timeout_ms;
    job_state st;
    LIBSSH2_CHANNEL *ch;
    int64_t t0, t_end, deadline;
    int rc;
    dr_err err;
    int exit_status;
    char *exit_signal;
    dr_buf out, errout;
    const char *in; /* standard input for the command (not owned), or NULL */
    size_t in_len, in_sent;
    void (*progress)(void *ud, size_t sent, size_t total); /* as input goes out */
    void *progress_ud;
    int fresh;    /* this job brought its session up (not an idle one reused) */
    int retried;  /* a reused session was found dead and brought up again once */
    int requeued; /* read again once: libssh2 had queued output off the socket */
} job;

/* A known_hosts file loaded into libssh2, with the line of each entry. */
typedef struct kh_file {
    LIBSSH2_SESSION *s; /* libssh2 wants one for its known-hosts store */
    LIBSSH2_KNOWNHOSTS *kh;
    dr_buf text;
    int *entry_line; /* line number of each entry, in libssh2's order */
    size_t nentries, cap;
    int missing, bad_lines, first_bad;
} kh_file;

/* ssh.c */
int ssh__base64_decode(dr_buf *out, const char *s, size_t n);
int ssh__wire_string(const uint8_t **p, const uint8_t *end, const uint8_t **s, size_t *n);

/* ssh_hostkey.c */
void ssh__kh_close(kh_file *k);
int ssh__kh_open(kh_file *k, const char *file, dr_err *err);
void ssh__kh_types(kh_file *k, const char *host, int port, dr_buf *out);
int ssh__kh_verify(kh_file *cached, const char *known_hosts, const char *host, int port,
                   const void *blob, size_t len, ssh_hostkey_policy policy, dr_err *err);

/* ssh_pool.c */
void ssh__conn_break(conn *c);
conn *ssh__pool_conn(ssh_pool *p, const char *spec, dr_err *err);
const char *ssh__libssh2_msg(LIBSSH2_SESSION *s);
const char *ssh__conn_phase(const conn *c);
const char *ssh__pool_passphrase(ssh_pool *p, dr_err *err, int *rc);
void ssh__prefer_hostkeys(LIBSSH2_SESSION *s, const char *known_types);
int ssh__conn_step(ssh_pool *p, conn *c, dr_err *err);
short ssh__conn_events(const conn *c);

/* ssh_tunnel.c */
void ssh__tunnel_end(conn *c);
int ssh__tunnel_start(ssh_pool *p, conn *c, dr_err *err);
int ssh__tunnel_error(conn *c, dr_err *err);

/* ssh_exec.c */
extern const char ssh__session_busy[];
void ssh__run_jobs(ssh_pool *p, job *jobs, size_t n);
void ssh__job_init(job *j, conn *c, const char *cmd, int timeout_ms);

#endif
