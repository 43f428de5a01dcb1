/* keeperxml: ClickHouse Keeper's <keeper_server> configuration (XML, root
 * <clickhouse> or <yandex>), read and patched in place so that a runbook can
 * change the Raft membership and write the file back.  Every edit goes
 * through xmlsplice: the bytes it does not touch (comments, whitespace,
 * attribute quoting, other elements, the XML declaration) stay as they were,
 * new elements are indented like their neighbours, and applying a patch to
 * its own output changes no byte.
 *
 * Roles: a participant votes and may lead (<can_become_leader> true or
 * absent); a learner (observer) has <can_become_leader>false</...> and
 * <priority>0</priority>.  Keeper stores its cluster configuration in its
 * log and snapshots: after a node's first start, that stored configuration
 * wins over the XML, so some changes cannot be made by editing the file.  The
 * patch function refuses those and says which route is supported instead
 * (the quorum-loss recovery, whose order the runbooks give:
 * lua/dr/coord/keeper_order.lua). */
#ifndef DR_KEEPERXML_H
#define DR_KEEPERXML_H

#include <stddef.h>

#include "util.h"

typedef enum keeperxml_role {
    KEEPERXML_PARTICIPANT,
    KEEPERXML_LEARNER,
} keeperxml_role;

/* One <server> of <raft_configuration>. */
typedef struct keeperxml_server {
    long id;
    char *hostname; /* owned */
    int port;       /* Raft port (9234) */
    keeperxml_role role;
    int priority;          /* -1: not given (Keeper's default 1) */
    int start_as_follower; /* -1: not given, else 0/1 */
} keeperxml_server;

/* A membership: servers sorted by id, owned by the list. */
typedef struct keeperxml_members {
    keeperxml_server *v;
    size_t n;
} keeperxml_members;

typedef struct keeperxml keeperxml; /* one parsed document */

/* The scalar settings of <keeper_server> (absent: -1 / NULL). */
typedef struct keeperxml_info {
    long server_id;
    int tcp_port;
    char *log_storage_path;      /* owned */
    char *snapshot_storage_path; /* owned */
} keeperxml_info;

/* Parses text (need not be NUL-terminated; copied).  Errors (DR_EPARSE) read
 * "NAME:LINE:COL: malformed XML: <libxml2's reason>" for XML syntax (a
 * DOCTYPE, a NUL byte or an encoding other than UTF-8 is refused too) and
 * "NAME:LINE: what was expected" for the structure (root,
 * <keeper_server>, each <server> with a numeric <id>, a <hostname>, a
 * <port>).  libxml2 prints nothing.  *out is the caller's (keeperxml_free). */
int keeperxml_parse(const char *name, const char *text, size_t len, keeperxml **out, dr_err *err);
void keeperxml_free(keeperxml *k);
/* Appends the document's text to out. */
void keeperxml_render(const keeperxml *k, dr_buf *out);

void keeperxml_info_get(const keeperxml *k, keeperxml_info *out);
void keeperxml_info_clear(keeperxml_info *info);
/* Sets the text of <keeper_server>/<key> (e.g. "server_id", "tcp_port"),
 * adding the element, indented like its siblings, when absent.  Fails only
 * when the result would not parse (a drctl bug); k is unchanged then. */
int keeperxml_set(keeperxml *k, const char *key, const char *value, dr_err *err);

/* Copies the servers of <raft_configuration> (out is reset first). */
void keeperxml_members_get(const keeperxml *k, keeperxml_members *out);
/* Makes <raft_configuration> say m: servers gone are removed, new ones
 * appended, changed ones edited in place (only the elements that differ).
 * has_state: this node has Keeper log/snapshot data already.  Then a role
 * change of a server present before and after cannot work by editing the
 * XML (the stored cluster config wins): refused with DR_EREFUSED before any
 * change, and advice (may be NULL; reset first) receives the supported
 * routes.  Adding and removing servers is left to Keeper's own config
 * reload. */
int keeperxml_members_put(keeperxml *k, const keeperxml_members *m, int has_state, dr_buf *advice,
                          dr_err *err);

/* ---- memberships (same operations as zkconf) ------------------------------- */

void keeperxml_members_free(keeperxml_members *m);
void keeperxml_members_add(keeperxml_members *m, const keeperxml_server *s); /* copies */
void keeperxml_members_copy(keeperxml_members *dst, const keeperxml_members *src);
keeperxml_server *keeperxml_members_find(const keeperxml_members *m, long id);
/* Odd number of participants, unique positive ids, a hostname and a port
 * 1-65535 each, no two servers on one hostname:port.  DR_EINVAL. */
int keeperxml_members_validate(const keeperxml_members *m, dr_err *err);
/* Same id, same hostname in both (DR_ECONFLICT otherwise). */
int keeperxml_members_check_hosts(const keeperxml_members *a, const keeperxml_members *b,
                                  dr_err *err);
/* See zkconf_after_failover & co: the surviving site's servers become the
 * participants / the other site returns as learners / the initial topology. */
int keeperxml_after_failover(const keeperxml_members *cur, const keeperxml_members *site,
                             keeperxml_members *out, dr_err *err);
int keeperxml_after_recovery(const keeperxml_members *cur, const keeperxml_members *other_site,
                             keeperxml_members *out, dr_err *err);
int keeperxml_after_failback(const keeperxml_members *primary, const keeperxml_members *standby,
                             keeperxml_members *out, dr_err *err);
/* Participant: can_become_leader true, priority 1 if it was 0.  Learner:
 * can_become_leader false, priority 0.  DR_ENOTFOUND when absent. */
int keeperxml_promote(keeperxml_members *m, long id, dr_err *err);
int keeperxml_demote(keeperxml_members *m, long id, dr_err *err);

#endif
