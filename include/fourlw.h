/* fourlw: ZooKeeper / ClickHouse Keeper four-letter words (srvr, stat, mntr,
 * conf, ruok, isro, and Keeper's lgif and rcvr): sending one to a server, or
 * to many servers at once, and parsing the answers into structs.
 *
 * The parsers take text and know nothing of sockets, so they are tested on
 * answers captured from real servers.  Each parser takes an `origin` (for
 * example "127.0.0.11:2181 srvr" or a file name) used in its error messages,
 * which have the form "origin:LINE:COL: what was expected".
 *
 * Two answers are not errors of the parser and are reported distinctly:
 * - "This ZooKeeper instance is not currently serving requests": the parse
 *   succeeds and the result has serving == false (mode FOURLW_MODE_NOT_SERVING);
 * - "<cmd> is not executed because it is not in the whitelist.": the parse
 *   fails with DR_EREFUSED and says which server setting enables the word. */
#ifndef DR_FOURLW_H
#define DR_FOURLW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

typedef enum fourlw_flavor {
    FOURLW_FLAVOR_UNKNOWN = 0,
    FOURLW_FLAVOR_ZOOKEEPER,
    FOURLW_FLAVOR_KEEPER, /* ClickHouse Keeper */
} fourlw_flavor;

typedef enum fourlw_mode {
    FOURLW_MODE_UNKNOWN = 0,
    FOURLW_MODE_LEADER,
    FOURLW_MODE_FOLLOWER,
    FOURLW_MODE_OBSERVER,
    FOURLW_MODE_STANDALONE,
    FOURLW_MODE_READ_ONLY,
    FOURLW_MODE_NOT_SERVING, /* "not currently serving requests" */
} fourlw_mode;

/* "leader", "follower", ..., "not-serving", "unknown". */
const char *fourlw_mode_name(fourlw_mode mode);
/* Parses "leader", "follower", "observer", "standalone", "read-only"
 * (also "read_only"); anything else gives FOURLW_MODE_UNKNOWN. */
fourlw_mode fourlw_mode_parse(const char *s, size_t len);
const char *fourlw_flavor_name(fourlw_flavor flavor);

/* A zxid: ZooKeeper prints it in hex ("0x100000034"), Keeper in decimal (a
 * log index).  epoch is the high 32 bits, counter the low 32 bits. */
typedef struct fourlw_zxid {
    uint64_t value;
    uint32_t epoch;
    uint32_t counter;
} fourlw_zxid;

/* Parses "0x..." (hex) or plain decimal.  Returns 0 or DR_EPARSE. */
int fourlw_zxid_parse(const char *s, size_t len, fourlw_zxid *out);

/* The answer to srvr or stat (stat's client list is skipped). */
typedef struct fourlw_srvr {
    bool serving;         /* false: "not currently serving requests" */
    fourlw_flavor flavor; /* from the version line */
    fourlw_mode mode;
    char *version; /* owned; "3.8.0-..., built on ..." or Keeper's "v21.11..." */
    bool has_zxid;
    fourlw_zxid zxid;
    int64_t node_count; /* -1 when absent */
    double latency_min, latency_avg, latency_max;
    int64_t received, sent, connections, outstanding; /* -1 when absent */
} fourlw_srvr;

/* Parses text (len bytes, need not be NUL-terminated) into out, which the
 * caller releases with fourlw_srvr_free (also after a failure).  Errors:
 * DR_EREFUSED (not in the whitelist), DR_EPARSE (empty, garbage, truncated:
 * no Mode line, bad zxid).  Works for both srvr and stat answers. */
int fourlw_parse_srvr(const char *origin, const char *text, size_t len, fourlw_srvr *out,
                      dr_err *err);
void fourlw_srvr_free(fourlw_srvr *s);

/* A key/value answer (mntr, lgif, and conf's key=value lines), in order. */
typedef struct fourlw_kv {
    char *key;
    char *value;
} fourlw_kv;

typedef struct fourlw_kvlist {
    fourlw_kv *items; /* owned */
    size_t n;
} fourlw_kvlist;

/* The value of key, or NULL.  The pointer lives as long as the list. */
const char *fourlw_kv_get(const fourlw_kvlist *l, const char *key);
/* Typed getters: 0, DR_ENOTFOUND (no such key) or DR_EPARSE (not a number). */
int fourlw_kv_get_int(const fourlw_kvlist *l, const char *key, int64_t *out);
int fourlw_kv_get_double(const fourlw_kvlist *l, const char *key, double *out);
void fourlw_kvlist_free(fourlw_kvlist *l);

/* The answer to mntr.  ZooKeeper 3.5 and Keeper say zk_followers; 3.6+ say
 * zk_learners, zk_synced_followers, zk_synced_observers; all say
 * zk_server_state (the mode) and zk_version. */
typedef struct fourlw_mntr {
    bool serving;
    fourlw_flavor flavor;
    fourlw_mode mode; /* from zk_server_state */
    fourlw_kvlist kv;
} fourlw_mntr;

int fourlw_parse_mntr(const char *origin, const char *text, size_t len, fourlw_mntr *out,
                      dr_err *err);
void fourlw_mntr_free(fourlw_mntr *m);
const char *fourlw_mntr_get(const fourlw_mntr *m, const char *key);
int fourlw_mntr_get_int(const fourlw_mntr *m, const char *key, int64_t *out);
int fourlw_mntr_get_double(const fourlw_mntr *m, const char *key, double *out);
/* Learners (followers + observers) a leader sees: zk_learners, or
 * zk_followers on 3.5 and Keeper.  DR_ENOTFOUND on a non-leader. */
int fourlw_mntr_learners(const fourlw_mntr *m, int64_t *out);

typedef enum fourlw_role {
    FOURLW_ROLE_PARTICIPANT = 0,
    FOURLW_ROLE_OBSERVER,
} fourlw_role;

const char *fourlw_role_name(fourlw_role role);

/* One membership line of a dynamic config:
 * server.<id>=<addr>:<quorumPort>:<electionPort>[:participant|observer][;[<clientAddr>:]<clientPort>]
 * An IPv6 address is written in brackets. */
typedef struct fourlw_member {
    int64_t id;
    char *host; /* owned, brackets removed */
    int quorum_port;
    int election_port;
    fourlw_role role;
    char *client_host; /* owned, NULL when the line has none */
    int client_port;   /* 0 when the line has none */
} fourlw_member;

/* A membership: what conf prints after "membership:", and the content of
 * /zookeeper/config.  version is the hex number of the "version=" line. */
typedef struct fourlw_membership {
    fourlw_member *members; /* owned, in the order of the text */
    size_t n;
    bool has_version;
    uint64_t version;
} fourlw_membership;

/* Parses one "server.N=..." line (without newline).  Errors name
 * origin:line:col. */
int fourlw_parse_member(const char *origin, int line, const char *text, size_t len,
                        fourlw_member *out, dr_err *err);
void fourlw_member_free(fourlw_member *m);
/* Parses a whole membership text: server.N lines and a version= line; other
 * lines are skipped.  Empty text gives an empty membership. */
int fourlw_parse_membership(const char *origin, const char *text, size_t len,
                            fourlw_membership *out, dr_err *err);
void fourlw_membership_free(fourlw_membership *m);
/* The member with this id, or NULL. */
const fourlw_member *fourlw_membership_find(const fourlw_membership *m, int64_t id);
/* Formats a member back into its "server.N=..." line (appended to out). */
void fourlw_member_format(const fourlw_member *m, dr_buf *out);

/* The answer to conf: key=value lines (ZooKeeper's serverId, Keeper's
 * server_id, ...) and, on ZooKeeper 3.5+, the membership. */
typedef struct fourlw_conf {
    bool serving;
    fourlw_flavor flavor; /* Keeper: server_id=, ZooKeeper: serverId= */
    int64_t server_id;    /* -1 when absent */
    fourlw_kvlist kv;     /* key=value lines other than the membership */
    fourlw_membership membership;
} fourlw_conf;

int fourlw_parse_conf(const char *origin, const char *text, size_t len, fourlw_conf *out,
                      dr_err *err);
void fourlw_conf_free(fourlw_conf *c);

/* ruok: 0 when the answer is "imok", DR_EPARSE otherwise. */
int fourlw_parse_ruok(const char *origin, const char *text, size_t len, dr_err *err);

typedef enum fourlw_isro {
    FOURLW_ISRO_RW = 0,
    FOURLW_ISRO_RO,
    FOURLW_ISRO_NOT_SERVING, /* ZooKeeper answers "null" when not serving */
} fourlw_isro;

int fourlw_parse_isro(const char *origin, const char *text, size_t len, fourlw_isro *out,
                      dr_err *err);

/* Keeper's lgif: the Raft log indexes. -1 for a field that is absent. */
typedef struct fourlw_lgif {
    int64_t first_log_idx, first_log_term;
    int64_t last_log_idx, last_log_term;
    int64_t last_committed_log_idx, leader_committed_log_idx, target_committed_log_idx;
    int64_t last_snapshot_idx;
    fourlw_kvlist kv;
} fourlw_lgif;

int fourlw_parse_lgif(const char *origin, const char *text, size_t len, fourlw_lgif *out,
                      dr_err *err);
void fourlw_lgif_free(fourlw_lgif *l);

/* Keeper's rcvr (force recovery mode): 0 when the server acknowledged it. */
int fourlw_parse_rcvr(const char *origin, const char *text, size_t len, dr_err *err);

/* ---- I/O ---- */

/* The largest answer read; a longer one is cut and reported as an error. */
#define FOURLW_MAX_ANSWER (4u * 1024 * 1024)

/* One server to ask, and what came back. */
typedef struct fourlw_probe {
    const char *host; /* address or name, borrowed */
    int port;
    dr_buf answer; /* owned by the probe: release with fourlw_probe_free */
    int rc;        /* 0 or DR_E* */
    dr_err err;
    int64_t elapsed_ms;
} fourlw_probe;

/* Sends cmd (four letters) to every probe at once and reads each answer to
 * EOF, all within timeout_ms in total: one poll() over every socket.  Each
 * probe gets its own rc/err (DR_EREFUSED: connection refused, DR_ETIMEOUT,
 * DR_EIO, DR_ENOTFOUND: host unknown).  Returns the number of probes that
 * failed, or DR_EINVAL for a bad command. */
int fourlw_query_many(fourlw_probe *probes, size_t n, const char *cmd, int timeout_ms);
void fourlw_probe_free(fourlw_probe *p);

/* One server: the raw answer appended to out.  Errors name host:port. */
int fourlw_query(const char *host, int port, const char *cmd, int timeout_ms, dr_buf *out,
                 dr_err *err);

/* Query + parse in one call.  The origin in errors is "host:port cmd". */
int fourlw_get_srvr(const char *host, int port, int timeout_ms, fourlw_srvr *out, dr_err *err);
int fourlw_get_mntr(const char *host, int port, int timeout_ms, fourlw_mntr *out, dr_err *err);
int fourlw_get_conf(const char *host, int port, int timeout_ms, fourlw_conf *out, dr_err *err);
int fourlw_get_ruok(const char *host, int port, int timeout_ms, dr_err *err);
int fourlw_get_isro(const char *host, int port, int timeout_ms, fourlw_isro *out, dr_err *err);
int fourlw_get_lgif(const char *host, int port, int timeout_ms, fourlw_lgif *out, dr_err *err);
/* Sends Keeper's rcvr: this CHANGES the server's state (forced recovery). */
int fourlw_send_rcvr(const char *host, int port, int timeout_ms, dr_err *err);

#endif
