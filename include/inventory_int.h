/* inventory_int: what the inventory loader (inventory.c), its rules across
 * nodes (inventory_rules.c) and its writers (inventory_yaml.c,
 * inventory_json.c) share.  Not a public API: the rest of drctl uses
 * inventory.h. */
#ifndef DR_INVENTORY_INT_H
#define DR_INVENTORY_INT_H

#include <stdalign.h>
#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#include "inventory.h"

/* ---- arena: everything a loaded inventory points to ------------------- */

typedef struct chunk {
    struct chunk *next;
    size_t used, cap;
    alignas(max_align_t) unsigned char data[];
} chunk;

typedef struct arena {
    chunk *head;
} arena;

void *inventory__arena_alloc(arena *a, size_t n);

/* ---- the schema of per-node settings ------------------------------------ */

enum { KIND_ZK = 1, KIND_CHK = 2 };

typedef enum ftype {
    FT_PORT,    /* 1..65535 */
    FT_PATH,    /* absolute path on the node's host; placeholders allowed */
    FT_CMD,     /* shell command run on the node's host; placeholders allowed */
    FT_USER,    /* a user name */
    FT_OPTCMD,  /* an optional shell command (disable, enable): a built-in one only
                 * with the built-in command set, never reported missing */
    FT_WORD,    /* one of a few words (word_choices) */
    FT_SECONDS, /* a whole number of seconds, 1..3600; 0 when not given */
} ftype;

/* A per-node setting that defaults can supply: where it lands in the node
 * struct, which keeper kinds know it, and its built-in default per kind
 * ([0] ZooKeeper or ClickHouse, [1] Keeper; NULL = none). */
typedef struct field {
    const char *key;
    ftype type;
    unsigned kinds;
    size_t off;
    const char *builtin[2];
} field;

/* The settings of keepers and ClickHouse nodes, in the order show writes
 * them. */
extern const field inventory__keeper_fields[];
extern const size_t inventory__n_keeper_fields;
extern const field inventory__ch_fields[];
extern const size_t inventory__n_ch_fields;

/* ---- the loader's state ------------------------------------------------------ */

#define MAX_FIELDS 24

/* A value as written (after ${ENV} expansion), before defaults are merged. */
typedef struct raw {
    const char *s; /* NULL when not given */
    int num;       /* FT_PORT: the parsed port; FT_SECONDS: the seconds */
    yaml_mark_t mark;
} raw;

typedef struct loader {
    const char *file;
    yaml_document_t doc;
    inventory_errors *errs;
    size_t n_errors;
    const inventory_options *opts;
    arena *a;
    inventory_t *inv;
    bool kind_known; /* keeper.kind was given and valid */
    raw keeper_defaults[MAX_FIELDS];
    raw ch_defaults[MAX_FIELDS];
    yaml_mark_t sites_mark;
    size_t site_entries;  /* entries under sites:, valid or not */
    dr_buf unset_vars;    /* "NAME\0NAME\0...": variables reported as unset */
    bool cmd_reported[2]; /* a missing command was reported: [0] keepers, [1] clickhouse */
} loader;

/* Records an error at a YAML mark / a node's position; the load goes on. */
void inventory__error_at(loader *L, yaml_mark_t m, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void inventory__error_pos(loader *L, const inventory_pos *p, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* f formatted with a and b, in the arena. */
const char *inventory__fmt(loader *L, const char *f, const char *a, const char *b);

/* The rules that span nodes: unique names, ids and host:port pairs, shards on
 * both sites, one primary, an odd quorum (inventory_rules.c). */
void inventory__check_across(loader *L);

#endif
