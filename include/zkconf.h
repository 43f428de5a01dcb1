/* zkconf: ZooKeeper's configuration files (zoo.cfg and its dynamic file),
 * parsed so that a runbook can change the ensemble's membership and write the
 * files back without losing what it did not touch.
 *
 * A parsed file keeps every line: comments, blank lines and keys it does not
 * know are rendered back unchanged, so rendering an unmodified file gives the
 * same bytes (a missing final newline included).  Only lines that a change
 * touches are rewritten.
 *
 * ZooKeeper (3.5+) splits its configuration: the static file (zoo.cfg) holds
 * per-node settings; the dynamic file holds the membership (server.N, group.N,
 * weight.N).  The dynamic file's version is the hex suffix of its name
 * (zoo.cfg.dynamic.100000000); a `version=` line inside it is an error.
 * ZooKeeper rewrites zoo.cfg itself on its first start (dropping comments,
 * clientPort, clientPortAddress, peerType and the server lines, pointing
 * dynamicConfigFile at a versioned file): this module reads such files as
 * they are.  Its writer never invents a version suffix: it writes the
 * dynamic file under a name the caller chooses (zoo.cfg.dynamic), points
 * dynamicConfigFile at it and lists the old versioned files for the caller to
 * delete (a stale higher-version file would win over ours).
 *
 * The membership operations are pure functions over zkconf_members, the
 * list of servers, so that a runbook can compute (and show) the target
 * membership of each procedure before touching any node. */
#ifndef DR_ZKCONF_H
#define DR_ZKCONF_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

typedef enum zkconf_kind {
    ZKCONF_STATIC,  /* zoo.cfg: any key; server lines allowed (legacy, no dynamic file) */
    ZKCONF_DYNAMIC, /* dynamic file: server.N, group.N, weight.N only; version= refused */
    ZKCONF_ZNODE,   /* /zookeeper/config content: as dynamic, plus one version=<hex> */
} zkconf_kind;

typedef enum zkconf_role {
    ZKCONF_PARTICIPANT, /* votes; may lead (the default when a server line names no role) */
    ZKCONF_OBSERVER,    /* follows the leader's log, never votes */
} zkconf_role;

/* One server.N line: server.N=HOST:QUORUM:ELECTION[:ROLE][;[CLIENTHOST:]CLIENTPORT] */
typedef struct zkconf_server {
    long id;
    char *host;        /* owned; an IPv6 address without its brackets */
    int quorum_port;   /* 2888 */
    int election_port; /* 3888 */
    zkconf_role role;
    char *client_host; /* owned; NULL when the line gives none (all addresses) */
    int client_port;   /* 0 when the line gives none */
} zkconf_server;

/* A membership: servers sorted by id, each owned by the list. */
typedef struct zkconf_members {
    zkconf_server *v;
    size_t n;
} zkconf_members;

typedef struct zkconf zkconf; /* one parsed file */

/* ---- files ---------------------------------------------------------- */

/* Parses text (len bytes, need not be NUL-terminated) as a file of the given
 * kind.  name is used in errors, which read "NAME:LINE:COL: what was
 * expected" (DR_EPARSE).  On success *out is the caller's (zkconf_free). */
int zkconf_parse(const char *name, const char *text, size_t len, zkconf_kind kind, zkconf **out,
                 dr_err *err);
void zkconf_free(zkconf *c);
/* Appends the file's text to out: byte-equal to the input when unmodified. */
void zkconf_render(const zkconf *c, dr_buf *out);

/* The value of key (its last occurrence, as ZooKeeper reads it), or NULL.
 * The string belongs to c and lives until c changes. */
const char *zkconf_get(const zkconf *c, const char *key);
/* Sets key=value: rewrites the last occurrence in place (keeping the text up
 * to the value) or, when absent, appends a line after the last key line. */
void zkconf_set(zkconf *c, const char *key, const char *value);
/* Removes every line of key; returns how many there were. */
size_t zkconf_unset(zkconf *c, const char *key);
/* The version=<hex> of a ZKCONF_ZNODE file; -1 when there is none. */
int64_t zkconf_version(const zkconf *c);

/* Copies the file's server lines into out (sorted by id; out is reset
 * first; free with zkconf_members_free). */
void zkconf_members_get(const zkconf *c, zkconf_members *out);
/* Makes the file's server lines say m: a line whose server did not change
 * keeps its bytes, a changed one is rewritten in place, a server no longer
 * in m loses its line (and its weight.N line), a new one gets a line after
 * the last server line.  Refuses (DR_EREFUSED) a file with group.N lines:
 * hierarchical quorums need a human. */
int zkconf_members_put(zkconf *c, const zkconf_members *m, dr_err *err);

/* 1 when key belongs in the dynamic file (server.N, group.N, weight.N). */
int zkconf_key_is_dynamic(const char *key);

/* ---- server lines --------------------------------------------------- */

/* Parses the value of a server.<id> line.  name/line/col place errors. */
int zkconf_server_parse(const char *name, int line, int col, long id, const char *value,
                        zkconf_server *out, dr_err *err);
/* Appends the value of s's server line ("h:2888:3888:observer;h:2181"). */
void zkconf_server_format(const zkconf_server *s, dr_buf *out);
/* Deep copy (free dst's strings with zkconf_server_clear). */
void zkconf_server_copy(zkconf_server *dst, const zkconf_server *src);
void zkconf_server_clear(zkconf_server *s);

/* ---- memberships ---------------------------------------------------- */

void zkconf_members_free(zkconf_members *m);
/* Adds a copy of s, keeping the list sorted; replaces a server of that id. */
void zkconf_members_add(zkconf_members *m, const zkconf_server *s);
void zkconf_members_copy(zkconf_members *dst, const zkconf_members *src);
/* The server of that id, or NULL (pointer into m). */
zkconf_server *zkconf_members_find(const zkconf_members *m, long id);
size_t zkconf_members_count(const zkconf_members *m, zkconf_role role);

/* A membership ZooKeeper can run: at least one server, ids positive and
 * unique, an odd number of participants, every server with a host (a name,
 * IPv4 or IPv6 address: nothing that would break a server line or a reconfig
 * list) and ports 1-65535, no two servers on the same host:quorum port.
 * DR_EINVAL. */
int zkconf_members_validate(const zkconf_members *m, dr_err *err);
/* Every id present in both a and b names the same host (ids must stay mapped
 * to their hosts: a reused id confuses the ensemble).  DR_ECONFLICT. */
int zkconf_members_check_hosts(const zkconf_members *a, const zkconf_members *b, dr_err *err);

/* After failover: the surviving site's servers (observers and spares,
 * given with their addresses) become the participants; every other server
 * of cur (the dead site) is removed.  Ids shared with cur must keep their
 * hosts; the result must validate.  *out is reset first. */
int zkconf_after_failover(const zkconf_members *cur, const zkconf_members *site,
                          zkconf_members *out, dr_err *err);
/* After recovery: cur plus the other site's servers as observers. */
int zkconf_after_recovery(const zkconf_members *cur, const zkconf_members *other_site,
                          zkconf_members *out, dr_err *err);
/* After failback: the initial topology, primary's servers participants and
 * the standby's (running, non-spare) servers observers. */
int zkconf_after_failback(const zkconf_members *primary, const zkconf_members *standby,
                          zkconf_members *out, dr_err *err);
/* Makes one server a participant / an observer (DR_ENOTFOUND when absent).
 * No validation: a runbook may promote two observers in a row; validate the
 * end result. */
int zkconf_promote(zkconf_members *m, long id, dr_err *err);
int zkconf_demote(zkconf_members *m, long id, dr_err *err);

/* The arguments of an incremental online reconfig from -> to, as
 * zoo_reconfig(zh, joining, leaving, NULL, -1, ...) wants them: joining is
 * "server.N=...,server.M=..." for servers new in `to` or changed (role,
 * address, ports), leaving is "N,M" for ids gone.  Both are reset first and
 * left empty ("") when there is nothing. */
void zkconf_reconfig_args(const zkconf_members *from, const zkconf_members *to, dr_buf *joining,
                          dr_buf *leaving);

/* ---- the writer ----------------------------------------------------- */

typedef struct zkconf_write {
    char *static_text; /* new zoo.cfg */
    size_t static_len;
    char *dynamic_path; /* where dynamic_text goes: the caller's name, no version */
    char *dynamic_text;
    size_t dynamic_len;
    char **remove; /* paths of stale dynamic files to delete after writing */
    size_t n_remove;
} zkconf_write;

/* Plans the files of node self_id for membership m.  static_cfg is the node's
 * current zoo.cfg (as found: ours or rewritten by ZooKeeper); dynamic_path the
 * absolute path chosen for the dynamic file; dir_entries the names found in
 * dynamic_path's directory (NULL/0 when unknown).  The new zoo.cfg:
 * dynamicConfigFile=dynamic_path; server/group/weight lines moved out;
 * clientPort and clientPortAddress removed (they go into the server lines:
 * a server without a client port gets clientPort, and this node's line gets
 * clientPortAddress when it names no client host); peerType=observer dropped
 * when this node is a participant.  remove lists every <base>.<hex> and
 * <base>.next file of the old and new dynamic file names, and the old
 * dynamic file, never dynamic_path.  Fails (DR_EINVAL) when m does not
 * validate, self_id is not in m, a server ends up with no client port, or
 * clientPort / clientPortAddress cannot go into a server line.
 * Order for the caller: write dynamic_text (temp file, fsync, rename), then
 * static_text, and only then delete remove[] (zoo.cfg must never point at a
 * file that is gone).  The caller frees *out with zkconf_write_free. */
int zkconf_write_plan(const zkconf *static_cfg, const zkconf_members *m, long self_id,
                      const char *dynamic_path, const char *const *dir_entries, size_t n_entries,
                      zkconf_write *out, dr_err *err);
void zkconf_write_free(zkconf_write *w);

/* 1 when the base name of path ends in ".<hex digits>" (a version ZooKeeper
 * gave), storing the version in *version (may be NULL). */
int zkconf_versioned_name(const char *path, uint64_t *version);

#endif
