/* zk: a ZooKeeper client session for runbooks (libzookeeper-mt underneath):
 * connect with a deadline, digest auth as the super user, znode get / set /
 * create / delete / exists / children / sync, the ensemble's membership
 * (/zookeeper/config) and incremental reconfig, a marker znode proving that
 * data survived a switch, and an exclusive run lock (an ephemeral znode).
 *
 * The library's own logging never reaches stderr: each session captures it,
 * and the last warning or error the library logged is added to the message
 * of a failed connect.  Every call blocks at most until the session's
 * deadline or the library's own operation timeout (the session timeout).
 * Errors are "what: why" with the server list or znode path in them; a
 * secret never appears in one. */
#ifndef DR_ZK_H
#define DR_ZK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fourlw.h"
#include "util.h"

typedef struct zk_session zk_session;

typedef struct zk_options {
    int connect_timeout_ms; /* deadline to reach ZOO_CONNECTED_STATE (and auth); 0: 10000 */
    int session_timeout_ms; /* ZooKeeper session timeout; 0: 10000 */
    /* Digest credentials "user:password" (super:secret for reconfig), read with
     * dr_secret_load from secret_file or, when that is NULL, from the
     * environment variable secret_env.  Both NULL: no authentication. */
    const char *secret_file;
    const char *secret_env;
} zk_options;

/* Connects to servers ("host:port,host:port,...") and waits for the session
 * (and the auth, when credentials are given) within connect_timeout_ms.
 * *out is set only on success; close it with zk_close.  Errors: DR_EINVAL
 * (bad arguments), DR_ETIMEOUT (no session in time; the message has the
 * library's last complaint, such as "Connection refused"), DR_EAUTH (auth
 * failed or the secret cannot be read). */
int zk_open(const char *servers, const zk_options *opt, zk_session **out, dr_err *err);
/* Closes the session (its ephemeral znodes go away).  NULL is fine. */
void zk_close(zk_session *s);
/* The server list the session was opened with. */
const char *zk_servers(const zk_session *s);
/* The last lines the library logged (for diagnostics); never NULL. */
const char *zk_library_log(const zk_session *s);

/* The subset of a znode's stat that runbooks use. */
typedef struct zk_stat {
    int64_t czxid, mzxid;
    int32_t version; /* data version, for compare-and-set */
    int32_t cversion;
    int64_t ephemeral_owner; /* session id, 0 for a persistent znode */
    int32_t data_length;
    int32_t num_children;
} zk_stat;

/* Reads path's data into data (appended; the whole of it however large) and
 * its stat (st may be NULL).  DR_ENOTFOUND when the znode is absent. */
int zk_get(zk_session *s, const char *path, dr_buf *data, zk_stat *st, dr_err *err);
/* Sets path's data if its version is `version` (-1: any version).  DR_ECONFLICT
 * when the version differs, DR_ENOTFOUND when absent.  st (may be NULL)
 * receives the new stat. */
int zk_set(zk_session *s, const char *path, const void *data, size_t len, int version, zk_stat *st,
           dr_err *err);

enum {
    ZK_CREATE_PERSISTENT = 0,
    ZK_CREATE_EPHEMERAL = 1,
    ZK_CREATE_SEQUENTIAL = 2,
    ZK_CREATE_CONTAINER = 4,
};

/* Creates path with data and flags (ZK_CREATE_*; open ACL).  created (may be
 * NULL) receives the real path, which differs for a sequential znode; the
 * caller frees it.  DR_ECONFLICT when it exists, DR_ENOTFOUND when the
 * parent is absent. */
int zk_create(zk_session *s, const char *path, const void *data, size_t len, int flags,
              char **created, dr_err *err);
/* Creates every missing ancestor of path (not path itself), empty and
 * persistent.  Existing ones are fine. */
int zk_create_parents(zk_session *s, const char *path, dr_err *err);
/* Deletes path if its version is `version` (-1: any).  DR_ENOTFOUND,
 * DR_ECONFLICT (bad version or it has children). */
int zk_delete(zk_session *s, const char *path, int version, dr_err *err);
/* *exists tells whether path exists; st (may be NULL) gets its stat. */
int zk_exists(zk_session *s, const char *path, bool *exists, zk_stat *st, dr_err *err);
/* The names of path's children, sorted; free with zk_strings_free. */
int zk_children(zk_session *s, const char *path, char ***names, size_t *n, dr_err *err);
void zk_strings_free(char **names, size_t n);
/* Makes the connected server catch up with the leader on path before the
 * next read (zoo_sync), so that a read through this server is not stale. */
int zk_sync(zk_session *s, const char *path, dr_err *err);

/* The ensemble's dynamic configuration, as /zookeeper/config holds it. */
typedef struct zk_config {
    fourlw_membership membership;
    char *text; /* owned: the raw content */
    zk_stat stat;
} zk_config;

/* Reads /zookeeper/config (with a sync first, so it is the leader's). */
int zk_config_get(zk_session *s, zk_config *out, dr_err *err);
void zk_config_free(zk_config *c);

/* Incremental reconfig: joining is a comma-separated list of server lines
 * ("server.5=host:2888:3888:observer;host:2181"), leaving a comma-separated
 * list of ids ("5"); either may be NULL but not both.  from_version is the
 * config version the change is based on (-1: whatever is current).  out
 * (may be NULL) receives the new config.  The session needs the super user
 * digest.  Errors are turned into plain words (see zk_error). */
int zk_reconfig(zk_session *s, const char *joining, const char *leaving, int64_t from_version,
                zk_config *out, dr_err *err);

/* What a failed call was doing, for the wording of its error. */
typedef enum zk_op {
    ZK_OP_READ = 0,
    ZK_OP_WRITE,
    ZK_OP_RECONFIG,
} zk_op;

/* Maps a libzookeeper return code to a DR_E* code and fills err with
 * "what: why (ZCODE)", where why explains the code in an operator's words;
 * for example ZNOAUTH on a reconfig names the super digest it needs.  what
 * may be NULL.  ZOK gives 0 and leaves err alone. */
int zk_error(int zrc, zk_op op, const char *what, dr_err *err);

/* ---- marker znode ---- */

typedef struct zk_marker {
    char *run_id; /* owned */
    int64_t time_ms;
    int64_t mzxid;
} zk_marker;

/* Writes "run=<run_id> time=<wall ms>" at path, creating it and its parents
 * when absent.  run_id: non-empty, no spaces or newlines. */
int zk_marker_write(zk_session *s, const char *path, const char *run_id, dr_err *err);
/* Syncs, then reads and parses the marker at path.  DR_ENOTFOUND when
 * absent, DR_EPARSE when its content is not a marker. */
int zk_marker_read(zk_session *s, const char *path, zk_marker *out, dr_err *err);
void zk_marker_free(zk_marker *m);
/* Parses marker text (exposed for tests). */
int zk_marker_parse(const char *text, size_t len, zk_marker *out, dr_err *err);
/* Formats a marker's content into out (exposed for tests). */
int zk_marker_format(const char *run_id, int64_t time_ms, dr_buf *out, dr_err *err);

/* ---- run lock ---- */

typedef struct zk_lock_holder {
    char *host; /* owned */
    int64_t pid;
    char *run_id; /* owned */
    int64_t time_ms;
} zk_lock_holder;

/* Takes the lock: creates the ephemeral znode path (parents as needed)
 * holding "host=<hostname> pid=<pid> run=<run_id> time=<ms>".  When
 * somebody holds it, returns DR_ECONFLICT with a message naming the holder
 * and since when, and fills holder (may be NULL).  A znode of the same
 * run_id from another session (the run's earlier process, killed and now
 * resumed, or the old ensemble's session carried over by a failover) is
 * taken over, not waited for: run ids are unique and one process runs a
 * run at a time (the local lock). */
int zk_lock_acquire(zk_session *s, const char *path, const char *run_id, zk_lock_holder *holder,
                    dr_err *err);
/* Releases the lock if run_id holds it (DR_ECONFLICT if another run does,
 * DR_ENOTFOUND if nobody does). */
int zk_lock_release(zk_session *s, const char *path, const char *run_id, dr_err *err);
/* Reads who holds the lock: DR_ENOTFOUND when free. */
int zk_lock_holder_get(zk_session *s, const char *path, zk_lock_holder *out, dr_err *err);
void zk_lock_holder_free(zk_lock_holder *h);
int zk_lock_holder_parse(const char *text, size_t len, zk_lock_holder *out, dr_err *err);
int zk_lock_holder_format(const char *host, int64_t pid, const char *run_id, int64_t time_ms,
                          dr_buf *out, dr_err *err);

/* Checks a znode path: absolute, no empty, "." or ".." component, no
 * trailing slash (except "/"), no control characters. */
int zk_path_check(const char *path, dr_err *err);

#endif
