/* ch: ClickHouse over HTTP, to many servers at once, and the views a DR
 * runbook needs of them: replication catch-up (system.replicas and
 * /replicas_status), SYSTEM SYNC REPLICA with a deadline, running INSERTs,
 * and a cross-site heartbeat.
 *
 * Three layers, each usable alone:
 *   1. ch_run(): a batch of HTTP requests (one per server) run concurrently
 *      with libcurl's multi interface, each with its own timeout and all
 *      under one overall deadline.  Results per request: HTTP status, body,
 *      ClickHouse error code, duration, and a "what: why" error.
 *   2. Request builders (ch_req_*) and result readers (ch_*_from) for the
 *      probes, so a caller can build N requests, run them in one batch, and
 *      read each answer.
 *   3. Parsers with no I/O (ch_parse_*), fed with captured server answers in
 *      the unit tests and the fuzzer.
 *
 * Credentials: the user and password go in the X-ClickHouse-User and
 * X-ClickHouse-Key headers, never in a URL, and the password is scrubbed from
 * every error message this module produces.  The password comes from a 0600
 * file or an environment variable (dr_secret_load).
 *
 * Facts about ClickHouse 18.16 this module is built on (measured on the lab):
 *   - errors come as "Code: N, e.displayText() = DB::Exception: MSG, e.what()
 *     = DB::Exception" with HTTP 4xx/5xx; newer servers say "Code: N.
 *     DB::Exception: MSG. (NAME) (version V)" and send X-ClickHouse-Exception-
 *     Code.  Both are understood.
 *   - a wrong password is code 193, an unknown user 192 (newer servers: 516).
 *   - SYSTEM SYNC REPLICA ignores receive_timeout on 18.16 and waits until
 *     the queue drains, even after the client went away or KILL QUERY; so
 *     the deadline is enforced here, on the client side.
 *   - GET /replicas_status needs no credentials and may say 200 "Ok." while
 *     system.replicas shows a problem: read both. */
#ifndef DR_CH_H
#define DR_CH_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

#define CH_DEFAULT_PORT 8123

/* ClickHouse error codes this module gives a meaning to. */
enum {
    CH_CODE_UNKNOWN_TABLE = 60,
    CH_CODE_SYNTAX_ERROR = 62,
    CH_CODE_UNKNOWN_DATABASE = 81,
    CH_CODE_TIMEOUT_EXCEEDED = 159,
    CH_CODE_READONLY = 164,
    CH_CODE_UNKNOWN_USER = 192,
    CH_CODE_WRONG_PASSWORD = 193,
    CH_CODE_REQUIRED_PASSWORD = 194,
    CH_CODE_TABLE_IS_READ_ONLY = 242,
    CH_CODE_REPLICA_ALREADY_EXISTS = 253,
    CH_CODE_AUTHENTICATION_FAILED = 516,
};

/* Credentials shared by every request of a client.  ch_client_init copies
 * the user and loads the password; ch_client_free wipes and frees both. */
typedef struct ch_tls ch_tls;
typedef struct ch_client {
    char *user;
    char *password;         /* NULL or "" for none */
    int connect_timeout_ms; /* per connection attempt; default 3000 */
    ch_tls *tls;            /* servers spoken to over HTTPS (ch_client_set_tls) */
    size_t n_tls;
} ch_client;

/* HTTPS to one server (host:port): the server's certificate is verified
 * against ca_file (NULL: the system's CAs) and its name or IP SAN against
 * host; cert_file and key_file (PEM, both or neither) are the client's
 * certificate.  Strings are copied.  A TLS failure is DR_EIO with
 * "ch HOST:PORT: TLS: why (ca_file F)". */
int ch_client_set_tls(ch_client *c, const char *host, int port, const char *ca_file,
                      const char *cert_file, const char *key_file, dr_err *err);

/* Loads the password from password_file (mode 0600) or, if that is NULL,
 * from the environment variable password_env; both NULL means no password.
 * user NULL means "default". */
int ch_client_init(ch_client *c, const char *user, const char *password_file,
                   const char *password_env, dr_err *err);
void ch_client_free(ch_client *c);

/* One HTTP request.  The caller fills the inputs (the strings are borrowed
 * and must outlive ch_run); ch_run fills the outputs, which
 * ch_request_free releases.  A zeroed struct plus host and sql is a valid
 * POST of sql to http://host:8123/. */
typedef struct ch_request {
    /* inputs */
    const char *host;     /* address or name; IPv6 literals without brackets */
    int port;             /* 0: 8123 */
    const char *path;     /* NULL: "/" */
    const char *sql;      /* POST body; NULL: GET */
    const char *settings; /* NULL or "k=v&k=v" URL query (ClickHouse settings); no secrets */
    const char *query_id; /* NULL or the query_id to give the query */
    int timeout_ms;       /* this request's limit; 0: only the batch deadline */
    /* outputs */
    int rc;           /* DR_OK when the HTTP status is 200 */
    dr_err err;       /* when rc != 0: "ch HOST:PORT: why" */
    long http_status; /* 0 when no answer came */
    int ch_code;      /* ClickHouse error code, 0 when none */
    dr_buf body;      /* the answer as received */
    int64_t elapsed_ms;
} ch_request;

/* Runs n requests concurrently and returns when all are done or deadline_ms
 * (counted from the call; <= 0: no overall deadline) has passed; requests
 * cut by the deadline fail with DR_ETIMEOUT.  Returns the number of failed
 * requests (0..n), or a negative DR_E* code (err filled) when the batch
 * could not run at all.  Error codes per request: DR_EAUTH (192, 193, 194,
 * 516), DR_ETIMEOUT (159 or a timeout), DR_ENOTFOUND (60, 81), DR_EREFUSED
 * (164, 242), DR_EIO otherwise.  The first call initializes libcurl
 * (curl_global_init), which is not thread-safe: make it from the main thread
 * before any other thread calls ch_run; later calls may run in parallel on
 * different requests. */
int ch_run(const ch_client *c, ch_request *reqs, size_t n, int deadline_ms, dr_err *err);
void ch_request_free(ch_request *r);

/* One request, one server: fills r as ch_run does and returns r->rc, with
 * r->err copied into err. */
int ch_run_one(const ch_client *c, ch_request *r, dr_err *err);

/* ---- parsers (no I/O) ---- */

/* Extracts the ClickHouse error from an answer: header_code is the value of
 * X-ClickHouse-Exception-Code when the server sent one (else NULL).  Sets
 * *code (0 when none found) and copies the exception's text, without the
 * "DB::Exception: " and trailing e.what()/version parts, into msg (NUL
 * terminated, truncated to msg_size).  Returns DR_OK when a code was found,
 * DR_ENOTFOUND otherwise. */
int ch_parse_error(const char *body, size_t len, const char *header_code, int *code, char *msg,
                   size_t msg_size);

/* Maps a ClickHouse error code to a DR_E* code (see ch_run). */
int ch_code_to_dr(int ch_code);

/* A TabSeparatedWithNames answer: names[ncols], then rows of ncols cells,
 * unescaped (\t \n \\ \' and the others), NUL-terminated.  what names the
 * source in errors: "WHAT:LINE:COL: expected ...". */
typedef struct ch_table {
    size_t ncols, nrows;
    char **names;
    char **cells; /* nrows * ncols, row-major */
    size_t *cols; /* byte column (1-based) of each cell in its line, for messages */
} ch_table;

int ch_parse_tsv(const char *what, const char *text, size_t len, ch_table *out, dr_err *err);
void ch_table_free(ch_table *t);
/* Column index of name, or -1. */
int ch_table_col(const ch_table *t, const char *name);
const char *ch_table_cell(const ch_table *t, size_t row, size_t col);

/* One row of system.replicas, as read for catch-up decisions. */
typedef struct ch_replica {
    char *database, *table, *replica_name;
    int is_readonly, is_session_expired;
    uint64_t queue_size, inserts_in_queue;
    uint64_t log_pointer, log_max_index;
    uint64_t absolute_delay; /* seconds */
    uint64_t active_replicas, total_replicas;
} ch_replica;

typedef struct ch_replicas {
    size_t n;
    ch_replica *items;
} ch_replicas;

/* The SQL the parser below expects (TabSeparatedWithNames). */
extern const char ch_replicas_sql[];

int ch_parse_replicas(const char *what, const char *text, size_t len, ch_replicas *out,
                      dr_err *err);
void ch_replicas_free(ch_replicas *r);

/* Log entries not yet pulled into the replica's queue.  log_pointer is the
 * next entry to pull, so a caught-up replica has log_pointer ==
 * log_max_index + 1; 0/0 is an empty log. */
uint64_t ch_replica_log_lag(const ch_replica *r);

/* "Caught up": writable, session alive, nothing of the log left to pull, no
 * insert waiting to be fetched, and no delay.  Merges still queued do not
 * count (they add no data); queue_size is reported for the operator.  When
 * it returns 0 and why is not NULL, *why points at a static reason. */
int ch_replica_caught_up(const ch_replica *r, const char **why);

/* GET /replicas_status: ok is 1 for HTTP 200 (the server's own verdict,
 * which 18.16 gives even for read-only tables: never trust it alone).  With
 * ?verbose=1, or on a 5xx, the body lists "db.table:\tAbsolute delay: N.
 * Relative delay: M." lines, read into entries. */
typedef struct ch_status_entry {
    char *table; /* "db.table" */
    uint64_t absolute_delay, relative_delay;
} ch_status_entry;

typedef struct ch_replicas_status {
    int ok;
    long http_status;
    int ch_code; /* when the body is an exception */
    char *body;  /* the answer, trimmed */
    size_t n;
    ch_status_entry *entries;
} ch_replicas_status;

int ch_parse_replicas_status(long http_status, const char *body, size_t len,
                             ch_replicas_status *out, dr_err *err);
void ch_replicas_status_free(ch_replicas_status *s);

/* A query running on a server (system.processes), INSERTs only. */
typedef struct ch_process {
    char *query_id, *user;
    double elapsed; /* seconds */
    char *query;    /* trimmed to CH_QUERY_TRIM bytes (UTF-8 safe), "..." appended */
} ch_process;

#define CH_QUERY_TRIM 200

typedef struct ch_processes {
    size_t n;
    ch_process *items;
} ch_processes;

/* Keeps only the rows whose query is an INSERT (case-insensitive, after
 * leading spaces and comments). */
int ch_parse_processes(const char *what, const char *text, size_t len, ch_processes *out,
                       dr_err *err);
void ch_processes_free(ch_processes *p);

/* Cross-site heartbeat lag: seconds since each other site last wrote. */
typedef struct ch_site_lag {
    char *site;
    int64_t lag_s;
} ch_site_lag;

typedef struct ch_lags {
    size_t n;
    ch_site_lag *items;
} ch_lags;

int ch_parse_lags(const char *what, const char *text, size_t len, ch_lags *out, dr_err *err);
void ch_lags_free(ch_lags *l);

/* ---- SQL helpers ---- */

/* Appends s as a single-quoted SQL string literal. */
void ch_sql_quote(dr_buf *b, const char *s);
/* Checks "db.table" or "table": identifiers of [A-Za-z0-9_] not starting
 * with a digit. */
int ch_check_table_name(const char *name, dr_err *err);
/* Is sql a read-only statement (SELECT, WITH, SHOW, DESCRIBE, DESC, EXISTS),
 * after leading spaces and comments?  The server enforces it too: queries
 * sent by ch_req_select carry readonly=2. */
int ch_sql_is_read_only(const char *sql);
int ch_sql_is_insert(const char *sql);

/* ---- DDL of replicated tables ----
 * What a rebuilt replica needs from a healthy replica's SHOW CREATE TABLE:
 * the engine and its first two arguments, the ZooKeeper path and the
 * replica name.  18.16 prints them as they were written in the original
 * CREATE (macros such as {shard} and {replica} unexpanded, measured on the
 * lab), so the same statement is valid on every replica; a table created
 * with literal names prints literals, which the caller must rewrite. */
typedef struct ch_replicated_ddl {
    char *engine;         /* "ReplicatedMergeTree", "ReplicatedReplacingMergeTree", ... */
    char *zookeeper_path; /* first engine argument, unquoted */
    char *replica;        /* second engine argument, unquoted */
    size_t verb_off;      /* the leading CREATE */
    size_t replica_off, replica_len; /* the replica literal in sql, quotes included */
} ch_replicated_ddl;

/* Parses "CREATE TABLE ... ENGINE = Replicated*MergeTree('path', 'replica'
 * [, ...])" (comments, quoted names and strings in column defaults are
 * skipped).  Errors: DR_EPARSE "what:LINE:COL: expected ..." for a
 * statement of another shape; DR_ENOTFOUND when the engine is not a
 * Replicated*MergeTree or its first two arguments are not string literals
 * (newer servers' argument-less form).  On success the caller frees out
 * with ch_replicated_ddl_free. */
int ch_parse_replicated_ddl(const char *what, const char *sql, ch_replicated_ddl *out, dr_err *err);
void ch_replicated_ddl_free(ch_replicated_ddl *d);

/* Appends to out the statement that makes the same table on another
 * replica: sql (parsed into d) with the replica argument replaced by
 * replica (NULL: kept), and the leading verb (CREATE or ATTACH, both
 * parsed) made ATTACH when attach is set, CREATE otherwise.  On 18.16
 * CREATE fails with code 253 ("Replica ... already exists") while the
 * replica's znode is still there; ATTACH with the full definition takes
 * that replica over and queues a fetch of every part its znode lists. */
void ch_replicated_ddl_rewrite(const char *sql, const ch_replicated_ddl *d, const char *replica,
                               int attach, dr_buf *out);

/* ---- request builders and result readers ----
 * A builder fills the inputs of r (zeroing it first) and may keep an owned
 * SQL string in *owned (free it after ch_request_free). */

/* A read-only query: sql + " FORMAT TabSeparatedWithNames", readonly=2,
 * wait_end_of_query=1, max_execution_time from timeout_ms. */
void ch_req_select(ch_request *r, const char *host, int port, const char *sql, int timeout_ms,
                   char **owned);
/* A statement that changes state (no FORMAT added). */
void ch_req_exec(ch_request *r, const char *host, int port, const char *sql, int timeout_ms);
void ch_req_replicas(ch_request *r, const char *host, int port, int timeout_ms);
void ch_req_replicas_status(ch_request *r, const char *host, int port, int verbose, int timeout_ms);
void ch_req_processes(ch_request *r, const char *host, int port, int timeout_ms);

/* Readers: r must have been run.  They fail with r's own error when the
 * request failed, and with DR_EPARSE when the answer does not parse. */
int ch_replicas_from(const ch_request *r, ch_replicas *out, dr_err *err);
int ch_replicas_status_from(const ch_request *r, ch_replicas_status *out, dr_err *err);
int ch_processes_from(const ch_request *r, ch_processes *out, dr_err *err);

/* ---- one-server operations ---- */

int ch_replicas_get(const ch_client *c, const char *host, int port, int timeout_ms,
                    ch_replicas *out, dr_err *err);
int ch_replicas_status_get(const ch_client *c, const char *host, int port, int verbose,
                           int timeout_ms, ch_replicas_status *out, dr_err *err);
int ch_processes_get(const ch_client *c, const char *host, int port, int timeout_ms,
                     ch_processes *out, dr_err *err);

/* The catch-up view of many servers, asked at once: system.replicas and
 * /replicas_status of each host (2n requests in one batch).  The caller
 * fills host/port; the rest is filled in and released by
 * ch_catchup_free.  caught_up is the system.replicas verdict (every row
 * ch_replica_caught_up); status_ok is the server's own /replicas_status
 * verdict, reported next to it because 18.16 answers 200 with zero delays
 * for a replica whose fetches are stopped. */
typedef struct ch_catchup {
    const char *host; /* borrowed */
    int port;
    int rc; /* system.replicas read and parsed */
    dr_err err;
    ch_replicas replicas;
    int caught_up;
    int status_rc; /* /replicas_status answered and parsed */
    dr_err status_err;
    ch_replicas_status status;
} ch_catchup;

/* Returns the number of hosts whose system.replicas could not be read, or
 * a negative DR_E* code when the batch could not run. */
int ch_catchup_many(const ch_client *c, ch_catchup *v, size_t n, int timeout_ms, dr_err *err);
void ch_catchup_free(ch_catchup *v);

/* SYSTEM SYNC REPLICA table, bounded by deadline_ms: the server is asked
 * to give up by then (receive_timeout, max_execution_time: honoured by newer
 * servers, not by 18.16), and the client stops waiting at the deadline and
 * sends KILL QUERY for it.  Not caught up in time: DR_ETIMEOUT "ch HOST:PORT:
 * SYNC REPLICA db.t: not caught up within N s".  Note for 18.16: the
 * server-side wait goes on until the replica's queue drains. */
int ch_sync_replica(const ch_client *c, const char *host, int port, const char *table,
                    int deadline_ms, dr_err *err);

/* SYSTEM SYNC REPLICA on many (host, port, table) at once, one request
 * each in one batch, every one bounded by deadline_ms as ch_sync_replica is
 * (server-side settings, client-side deadline, and a KILL QUERY ... ASYNC,
 * all sent at once, for the waits the client gave up on).  The caller
 * fills host, port and table (borrowed); rc and err are filled per item,
 * with ch_sync_replica's messages.  Every table name is checked before
 * anything is sent: a bad one fails the whole call with DR_EINVAL.
 * Returns the number of failed items, or a negative DR_E* code (err
 * filled) when the batch could not run. */
typedef struct ch_sync_item {
    const char *host;  /* borrowed */
    int port;          /* 0: 8123 */
    const char *table; /* borrowed, "db.table" */
    int rc;
    dr_err err;
} ch_sync_item;

int ch_sync_replicas(const ch_client *c, ch_sync_item *items, size_t n, int deadline_ms,
                     dr_err *err);

/* Writes (today(), site, now()) into table (NULL: default.heartbeat), a
 * ReplacingMergeTree of (d Date, site_id String, updated_at DateTime). */
int ch_heartbeat_write(const ch_client *c, const char *host, int port, const char *table,
                       const char *site, int timeout_ms, dr_err *err);
/* Reads now() - max(updated_at) per site_id other than my_site. */
int ch_heartbeat_lag(const ch_client *c, const char *host, int port, const char *table,
                     const char *my_site, int timeout_ms, ch_lags *out, dr_err *err);

#endif
