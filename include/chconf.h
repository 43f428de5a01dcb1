/* chconf: reads and patches ClickHouse server config files (config.xml,
 * files in config.d/, the include_from substitution file): the <zookeeper> node
 * list, the remote_servers clusters and the macros.
 *
 * Text in, text out: the caller fetches the file (over ssh), hands its bytes
 * here, and writes back what comes out.  A patch is a set of splices into the
 * original bytes, so everything it does not touch (comments, attributes, other
 * sections, indentation, line endings, the XML declaration) stays byte for byte
 * as it was; new elements copy the indentation of their neighbours.  Applying a
 * patch to its own output changes nothing (byte-identical, changed == 0).
 * Every call costs time linear in the size of the text (plus n log n in the
 * hosts or edits it is given): a failover calls remove_hosts once per node,
 * on files of thousands of replicas.
 *
 * Either root element is accepted, <yandex> (before ClickHouse 21) or
 * <clickhouse>.  The text must be UTF-8 (or ASCII); DOCTYPE declarations are
 * refused, no entity is ever loaded, libxml2 never prints (its errors are
 * captured) and never touches the network.  Errors say "file:line: what was
 * expected".
 *
 * Sections: every function takes a chconf_in whose `section` names the element
 * under the root to work on; NULL means the usual name ("zookeeper",
 * "remote_servers", "macros").  For the include_from style (a main config with
 * <zookeeper incl="zookeeper-servers"/>) read the main config with
 * chconf_includes_read, then patch the substitution file with section set to
 * the incl name ("zookeeper-servers").  Patching a section that carries incl=
 * is refused (ClickHouse would merge the substitution into it) unless
 * CHCONF_INLINE is given, which drops incl= and optional= and writes the
 * content in place. */
#ifndef DR_CHCONF_H
#define DR_CHCONF_H

#include <stddef.h>

#include "util.h"

/* Flags for the patch and render functions. */
enum {
    /* The section has incl=: drop incl= and optional= and write the content
     * inline instead of refusing. */
    CHCONF_INLINE = 1u << 0,
    /* remote_servers: a shard left without replicas is removed (and said so
     * in the notes) instead of refusing the patch. */
    CHCONF_DROP_EMPTY_SHARDS = 1u << 1,
    /* macros: allow changing cluster/shard/replica of a node that has them. */
    CHCONF_FORCE = 1u << 2,
    /* render: put replace="1" on the section so that a config.d file replaces
     * the main config's section instead of being merged into it. */
    CHCONF_REPLACE = 1u << 3,
};

/* A new shard at the end of the cluster (chconf_remote_add_replica). */
#define CHCONF_NEW_SHARD 0

/* The text to work on.  Nothing is copied or kept after a call returns. */
typedef struct chconf_in {
    const char *file;    /* name used in errors and notes ("macros.xml") */
    const char *text;    /* the file's bytes, need not be NUL-terminated */
    size_t len;          /* length of text */
    const char *section; /* element under the root; NULL for the default */
} chconf_in;

/* The result of a patch.  text is always set on success (a copy of the input
 * when nothing changed); notes says what changed, one line per change ("" when
 * nothing did).  Free with chconf_out_free. */
typedef struct chconf_out {
    char *text;
    size_t len;
    int changed;
    char *notes;
} chconf_out;
void chconf_out_free(chconf_out *out);

/* Inputs: a name/value pair, a host and port. */
typedef struct chconf_pair {
    const char *name;
    const char *value;
} chconf_pair;

typedef struct chconf_endpoint {
    const char *host;
    int port; /* 1..65535; in chconf_remote_remove_hosts 0 means any port */
} chconf_endpoint;

/* Outputs: every string is owned by the enclosing structure. */
typedef struct chconf_kv {
    char *name;
    char *value; /* trimmed text content */
} chconf_kv;

/* Checks that the text is a ClickHouse config and gives its root element name
 * ("yandex" or "clickhouse") in *root (the caller frees it). */
int chconf_root(const chconf_in *in, char **root, dr_err *err);

/* ---- incl= / include_from ------------------------------------------------ */

typedef struct chconf_incl {
    char *element; /* name of the element under the root carrying incl= */
    char *name;    /* the substitution's name: the element to patch in the include file */
    int optional;  /* optional="true" */
    int line;
} chconf_incl;

typedef struct chconf_includes {
    char *include_from; /* <include_from> text, NULL when absent (server default
                           /etc/metrika.xml) */
    chconf_incl *v;
    size_t n;
} chconf_includes;

/* Lists the root's children that take their content from a substitution. */
int chconf_includes_read(const chconf_in *in, chconf_includes *out, dr_err *err);
/* The substitution name used by `element` ("zookeeper"), or NULL. */
const char *chconf_includes_find(const chconf_includes *inc, const char *element);
void chconf_includes_free(chconf_includes *inc);

/* ---- <zookeeper> --------------------------------------------------------- */

typedef struct chconf_zk_node {
    char *host;
    int port;    /* 2181 when the element has no <port> (the server's default) */
    char *index; /* index= attribute, NULL when absent */
    int line;
} chconf_zk_node;

typedef struct chconf_zk {
    int found;  /* the section exists */
    char *incl; /* its incl= attribute, NULL when absent */
    int line;
    chconf_zk_node *nodes;
    size_t n_nodes;
    /* Every other child (session_timeout_ms, root, identity, ...) in file
     * order.  identity holds "user:password": never log it; chconf_zk_free
     * wipes the values. */
    chconf_kv *settings;
    size_t n_settings;
} chconf_zk;

int chconf_zk_read(const chconf_in *in, chconf_zk *out, dr_err *err);
void chconf_zk_free(chconf_zk *zk);

/* Makes the section's <node> list exactly `nodes`, in that order.  A node
 * already present (same host and port) keeps its own text (other children,
 * attributes, comments inside); other children of the section are kept;
 * when the nodes are numbered with index= (or there were none), the result
 * is numbered 1..n.  Creates the section when it is missing. */
int chconf_zk_set_nodes(const chconf_in *in, const chconf_endpoint *nodes, size_t n, unsigned flags,
                        chconf_out *out, dr_err *err);

/* ---- remote_servers -------------------------------------------------------- */

typedef struct chconf_replica {
    char *host;
    int port;         /* 0 when the replica has no <port> */
    chconf_kv *extra; /* other children: user, password, secure, ... (password
                         is a secret: never log it) */
    size_t n_extra;
    int line;
} chconf_replica;

typedef struct chconf_shard {
    chconf_replica *replicas;
    size_t n_replicas;
    char *internal_replication; /* text, NULL when absent */
    char *weight;               /* text, NULL when absent */
    int shorthand;              /* written as a <node> directly under the cluster: one replica */
    int line;
} chconf_shard;

typedef struct chconf_cluster {
    char *name;
    chconf_shard *shards; /* shards[i] is shard_num i + 1, as in system.clusters */
    size_t n_shards;
    int line;
} chconf_cluster;

typedef struct chconf_remote {
    int found;
    char *incl;
    int line;
    chconf_cluster *clusters;
    size_t n_clusters;
} chconf_remote;

int chconf_remote_read(const chconf_in *in, chconf_remote *out, dr_err *err);
const chconf_cluster *chconf_remote_find(const chconf_remote *r, const char *cluster);
void chconf_remote_free(chconf_remote *r);

/* Inputs describing replicas, shards and clusters to write. */
typedef struct chconf_replica_spec {
    const char *host;
    int port;                 /* 1..65535 */
    const chconf_pair *extra; /* more children written after host and port */
    size_t n_extra;
} chconf_replica_spec;

typedef struct chconf_shard_spec {
    const chconf_replica_spec *replicas;
    size_t n_replicas; /* >= 1 */
} chconf_shard_spec;

typedef struct chconf_cluster_spec {
    const char *name;
    const char *internal_replication; /* NULL: "true" (replicated tables) */
    const chconf_shard_spec *shards;
    size_t n_shards; /* >= 1 */
} chconf_cluster_spec;

/* Adds a replica to shard `shard_num` (1-based, in file order, as
 * system.clusters numbers them) of `cluster`, after its last replica, or as a
 * new last shard when shard_num is CHCONF_NEW_SHARD (copying the previous
 * shard's internal_replication).  A missing cluster is created (then shard_num
 * must be 1 or CHCONF_NEW_SHARD), with internal_replication true.  Nothing
 * changes when the replica is already in that shard; a host:port already in
 * another shard of the cluster is a conflict. */
int chconf_remote_add_replica(const chconf_in *in, const char *cluster, int shard_num,
                              const chconf_replica_spec *replica, unsigned flags, chconf_out *out,
                              dr_err *err);

/* Removes every replica of `cluster` whose host (case-insensitive) and port
 * (0: any) match one of `hosts`: dropping a dead site from the umbrella
 * cluster.  A shard left empty is refused (naming it) unless
 * CHCONF_DROP_EMPTY_SHARDS; a cluster left without shards is always refused.
 * A missing cluster is DR_ENOTFOUND. */
int chconf_remote_remove_hosts(const chconf_in *in, const char *cluster,
                               const chconf_endpoint *hosts, size_t n_hosts, unsigned flags,
                               chconf_out *out, dr_err *err);

/* Creates the cluster when missing.  When it exists with the same shards and
 * replicas (host and port, in order) nothing changes; when it differs the
 * call fails with DR_ECONFLICT (use add/remove to change it). */
int chconf_remote_create_cluster(const chconf_in *in, const chconf_cluster_spec *cluster,
                                 unsigned flags, chconf_out *out, dr_err *err);

/* ---- macros ---------------------------------------------------------------- */

typedef struct chconf_macros {
    int found;
    char *incl;
    int line;
    chconf_kv *v; /* in file order */
    size_t n;
} chconf_macros;

int chconf_macros_read(const chconf_in *in, chconf_macros *out, dr_err *err);
/* The value of macro `name`, or NULL. */
const char *chconf_macros_get(const chconf_macros *m, const char *name);
void chconf_macros_free(chconf_macros *m);

/* Sets each macro to its value (adding the missing ones after the last macro).
 * Changing a non-empty cluster, shard or replica is refused with DR_EREFUSED
 * (it breaks the node's replicated tables: their ZooKeeper path and replica
 * name come from these) unless CHCONF_FORCE. */
int chconf_macros_set(const chconf_in *in, const chconf_pair *macros, size_t n, unsigned flags,
                      chconf_out *out, dr_err *err);

/* ---- whole files, for when a config.d file does not exist yet ---------------
 * Each appends a complete file (XML declaration, `root` element, the section)
 * to out.  root is "clickhouse" or "yandex"; section NULL for the default
 * name.  Patching the result with the same content changes nothing. */
int chconf_render_zookeeper(const char *root, const char *section, const chconf_endpoint *nodes,
                            size_t n, const chconf_pair *settings, size_t n_settings,
                            unsigned flags, dr_buf *out, dr_err *err);
int chconf_render_remote_servers(const char *root, const char *section,
                                 const chconf_cluster_spec *clusters, size_t n, unsigned flags,
                                 dr_buf *out, dr_err *err);
int chconf_render_macros(const char *root, const char *section, const chconf_pair *macros, size_t n,
                         unsigned flags, dr_buf *out, dr_err *err);

#endif
