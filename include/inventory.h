/* inventory: the YAML description of the two sites drctl switches between,
 * loaded, validated and resolved into plain C structures.
 *
 * The file format is documented in sites/example.yaml.  In short: a cluster
 * name, the keeper kind (zookeeper or clickhouse-keeper), SSH and ClickHouse
 * credentials (secrets only as a file path or an environment variable name),
 * per-kind defaults, and two sites, one primary and one standby, each with
 * its keepers (ZooKeeper or Keeper servers) and ClickHouse nodes.
 *
 * Loading does everything at once: ${ENV} and ${ENV:-default} are expanded in
 * every scalar, defaults are merged into each node (built-in < defaults
 * section < the node's own keys), {name} {host} {id} {site} {shard} {replica}
 * placeholders are replaced per node, and every rule below is checked.  A
 * loaded inventory_t is fully resolved: no field the header documents as
 * always set is NULL, and the engine never has to look at defaults again.
 *
 * Errors are collected, not stopped at: one load reports every problem as
 * "file:line:column: what was expected", sorted by position. */
#ifndef DR_INVENTORY_H
#define DR_INVENTORY_H

#include <stdbool.h>
#include <stddef.h>

#include "json.h"
#include "util.h"

typedef enum inventory_keeper_kind {
    INVENTORY_ZOOKEEPER,
    INVENTORY_CLICKHOUSE_KEEPER,
} inventory_keeper_kind;

typedef enum inventory_site_role {
    INVENTORY_PRIMARY, /* holds the voting quorum and takes the writes */
    INVENTORY_STANDBY, /* observers, spares and replicas that follow */
} inventory_site_role;

typedef enum inventory_keeper_role {
    INVENTORY_PARTICIPANT, /* votes (ZooKeeper participant, Keeper voting member) */
    INVENTORY_OBSERVER,    /* follows without voting (Keeper: can_become_leader=false) */
    INVENTORY_SPARE,       /* provisioned but not a member: promoted in a failover */
} inventory_keeper_role;

/* Where something was written: for error messages ("sites/lab.yaml:12:9").
 * file points into the inventory (valid until inventory_free). */
typedef struct inventory_pos {
    const char *file;
    unsigned line;   /* 1-based */
    unsigned column; /* 1-based */
} inventory_pos;

/* A secret's whereabouts, never its value: exactly one of file (a local
 * path, read with dr_secret_load) or env (a variable name) is set, or
 * neither when no secret is configured. */
typedef struct inventory_secret {
    const char *file;
    const char *env;
} inventory_secret;

typedef struct inventory_site inventory_site;

/* A ZooKeeper or ClickHouse Keeper server.  Every field is resolved.  Fields
 * that belong to the other kind are 0 / NULL (raft_port, log_storage_path and
 * snapshot_storage_path for ZooKeeper; quorum_port, election_port, data_dir
 * and data_log_dir for Keeper). */
typedef struct inventory_keeper {
    inventory_site *site;
    int id; /* server id (myid / server_id), unique, 1..255 for ZooKeeper */
    const char *name;
    const char *host;
    inventory_keeper_role role;
    int client_port;                   /* 2181 ZooKeeper, 9181 Keeper */
    int quorum_port;                   /* ZooKeeper only: 2888 */
    int election_port;                 /* ZooKeeper only: 3888 */
    int raft_port;                     /* Keeper only: 9234 */
    const char *config;                /* zoo.cfg, or the Keeper XML config */
    const char *data_dir;              /* ZooKeeper: snapshots (and logs unless data_log_dir) */
    const char *data_log_dir;          /* ZooKeeper: NULL when the logs live in data_dir */
    const char *log_storage_path;      /* Keeper */
    const char *snapshot_storage_path; /* Keeper */
    const char *start, *stop, *restart, *status; /* shell commands run on host */
    const char *disable, *enable;                /* fencing that lasts across reboots; NULL: none */
    const char *ssh_user;
    int ssh_port;
    const char *become; /* "sudo" or "none" (default: ssh.become) */
    inventory_pos pos;  /* the node's entry in the file */
} inventory_keeper;

/* A ClickHouse server.  Every field is resolved and set. */
typedef struct inventory_clickhouse {
    inventory_site *site;
    const char *name;
    const char *host;
    const char *shard;   /* the {shard} macro value, as written ("0", "01") */
    size_t shard_index;  /* 0-based rank of shard in inventory_t.shards */
    const char *replica; /* the {replica} macro value, unique within a shard */
    int http_port, tcp_port, interserver_port;
    const char *config; /* main config file */
    const char *zookeeper_xml, *remote_servers_xml, *macros_xml;
    const char *start, *stop, *restart, *status;
    const char *disable, *enable; /* fencing that lasts across reboots; NULL: none */
    /* A stop that takes longer than stop_timeout seconds (0: no limit, the
     * stop command's own) is ended with the kill command (SIGKILL), as
     * systemd's TimeoutStopSec does; kill is NULL when none is known. */
    int stop_timeout;
    const char *kill;
    const char *ssh_user;
    int ssh_port;
    const char *become; /* "sudo" or "none" (default: ssh.become) */
    /* HTTP to the server: https "true" or "false" (default); ca_file,
     * cert_file, key_file: local PEM files or NULL (the system CAs, no
     * client certificate). */
    const char *https, *ca_file, *cert_file, *key_file;
    inventory_pos pos;
} inventory_clickhouse;

struct inventory_site {
    const char *name;
    inventory_site_role role;
    inventory_keeper *keepers; /* in file order */
    size_t n_keepers;
    inventory_clickhouse *clickhouse; /* in file order */
    size_t n_clickhouse;
    const char *fence; /* run locally (not over ssh) to fence the whole site when its
                        * hosts cannot be reached: a cloud API call, IPMI, a firewall
                        * rule; NULL: none */
    const char *jump;  /* "host[:port]" the site's hosts are reached through (default ssh.jump) */
    inventory_pos pos;
};

/* One webhook: a JSON POST to url on the run events named in events
 * (INVENTORY_NOTIFY_* bits; all of them when the inventory lists none). */
enum {
    INVENTORY_NOTIFY_START = 1,
    INVENTORY_NOTIFY_STEP_FAILED = 2,
    INVENTORY_NOTIFY_REFUSED = 4,
    INVENTORY_NOTIFY_END = 8,
    INVENTORY_NOTIFY_ALL = 15,
};
typedef struct inventory_notify {
    const char *url;
    unsigned events;
    int timeout; /* seconds, default 5 */
    inventory_pos pos;
} inventory_notify;

typedef struct inventory {
    const char *file; /* the name it was loaded under */
    const char *cluster;
    const char *umbrella_cluster; /* NULL when not given */
    inventory_keeper_kind keeper_kind;
    inventory_secret super_digest; /* "super:PASSWORD" for zoo_add_auth */
    struct {
        const char *user;        /* default root */
        int port;                /* default 22 */
        const char *identity;    /* default ~/.ssh/id_ed25519 (~ expanded) */
        const char *known_hosts; /* default ~/.ssh/known_hosts */
        inventory_secret passphrase;
        int connect_timeout; /* seconds, default 10 */
        int parallel;        /* sessions set up or busy at once, default 64 */
        const char *become;  /* "sudo" or "none" (default) */
        const char *jump;    /* "host[:port]" or NULL */
        int agent;           /* 1: try ssh-agent's keys ($SSH_AUTH_SOCK) first */
    } ssh;
    struct {
        const char *user; /* default "default" */
        inventory_secret password;
    } clickhouse_auth;
    inventory_site *sites; /* exactly two, in file order */
    size_t n_sites;
    inventory_site *primary; /* points into sites */
    inventory_site *standby;
    const char **shards; /* distinct shard names in first-seen order */
    size_t n_shards;
    inventory_notify *notify; /* webhooks, in file order */
    size_t n_notify;
    /* What drctl gc keeps of what runs set aside on the hosts: the newest
     * runs (0: no limit by count) and those younger than days (0: none). */
    struct {
        int runs, days;
    } retention;
} inventory_t;

/* One validation problem.  line/column are 0 only for problems that have no
 * place in the file (it could not be read at all). */
typedef struct inventory_error {
    unsigned line, column;
    char *message;
} inventory_error;

typedef struct inventory_errors {
    char *file;
    inventory_error *items;
    size_t count, cap;
} inventory_errors;

void inventory_errors_init(inventory_errors *errs);
void inventory_errors_free(inventory_errors *errs);
/* Appends every error as "file:line:column: message\n". */
void inventory_errors_format(const inventory_errors *errs, dr_buf *out);

/* Where ${NAME} gets its values; NULL options (or a NULL getenv) mean the
 * process environment.  Tests and the fuzzer pass their own. */
typedef const char *(*inventory_getenv_fn)(const char *name, void *ctx);
typedef struct inventory_options {
    inventory_getenv_fn getenv;
    void *getenv_ctx;
} inventory_options;

/* Loads, validates and resolves an inventory.
 *
 * On success returns DR_OK and *out owns a fully resolved inventory that the
 * caller releases with inventory_free().  When the file is invalid returns
 * DR_EINVAL, *out is NULL, errs (if not NULL; it must have been initialised)
 * receives every problem, and err holds the first one with a count.  A file
 * that cannot be read returns the dr_read_file code with err naming it.
 * errs is reset on entry; the caller frees it with inventory_errors_free().
 *
 * name is what error messages and inventory_pos call the file; data need not
 * be NUL-terminated and is not kept. */
int inventory_load_file(const char *path, const inventory_options *opts, inventory_t **out,
                        inventory_errors *errs, dr_err *err);
int inventory_load_buffer(const char *name, const char *data, size_t len,
                          const inventory_options *opts, inventory_t **out, inventory_errors *errs,
                          dr_err *err);

/* Releases everything the inventory owns: every string and array pointed to
 * from it.  NULL is fine. */
void inventory_free(inventory_t *inv);

/* Lookups: NULL when absent.  Pointers are into inv. */
inventory_site *inventory_site_by_name(const inventory_t *inv, const char *name);
/* The site that is not s (the inventory has exactly two). */
inventory_site *inventory_other_site(const inventory_t *inv, const inventory_site *s);
inventory_keeper *inventory_keeper_by_name(const inventory_t *inv, const char *name);
inventory_keeper *inventory_keeper_by_id(const inventory_t *inv, int id);
inventory_clickhouse *inventory_clickhouse_by_name(const inventory_t *inv, const char *name);

/* Names as written in the file: "zookeeper", "primary", "observer", ... */
const char *inventory_keeper_kind_name(inventory_keeper_kind kind);
const char *inventory_site_role_name(inventory_site_role role);
const char *inventory_keeper_role_name(inventory_keeper_role role);

/* The resolved inventory as text that is itself a valid inventory (every
 * default written out on each node), or as JSON.  Secrets appear only as
 * their file path or variable name.  The YAML writer (libyaml's emitter)
 * fails only on a value that is not UTF-8 (from an environment variable);
 * out may then hold part of the text. */
int inventory_write_yaml(const inventory_t *inv, dr_buf *out, dr_err *err);
void inventory_write_json(const inventory_t *inv, json_writer *w);

#endif
