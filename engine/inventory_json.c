/* inventory_json: a resolved inventory as JSON (`drctl inventory show
 * --json`, schema drctl.inventory/1).  inventory_write_json is the single
 * entry point: the JSON library that replaces json.c plugs in here. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "inventory.h"
#include "inventory_int.h"

static void jkv(json_writer *w, const char *key, const char *val)
{
    json_key(w, key);
    json_put_string(w, val);
}

static void jkn(json_writer *w, const char *key, long val)
{
    json_key(w, key);
    if (val)
        json_int(w, val);
    else
        json_put_null(w);
}

static void jsecret(json_writer *w, const char *key, const inventory_secret *s)
{
    json_key(w, key);
    if (!s->file && !s->env) {
        json_put_null(w);
        return;
    }
    json_begin_object(w);
    if (s->file)
        jkv(w, "file", s->file);
    if (s->env)
        jkv(w, "env", s->env);
    json_end_object(w);
}

static void write_fields_json(json_writer *w, const void *node, const field *fields, size_t nf,
                              unsigned kind_mask)
{
    for (size_t i = 0; i < nf; i++) {
        if (kind_mask && !(fields[i].kinds & kind_mask))
            continue;
        const char *p = (const char *)node + fields[i].off;
        if (fields[i].type == FT_PORT || fields[i].type == FT_SECONDS) {
            int v;
            memcpy(&v, p, sizeof v);
            jkn(w, fields[i].key, v);
        } else {
            const char *s;
            memcpy(&s, p, sizeof s);
            jkv(w, fields[i].key, s);
        }
    }
}

static void jpos(json_writer *w, const inventory_pos *p)
{
    json_key(w, "line");
    json_int(w, p->line);
    json_key(w, "column");
    json_int(w, p->column);
}

void inventory_write_json(const inventory_t *inv, json_writer *w)
{
    unsigned mask = inv->keeper_kind == INVENTORY_ZOOKEEPER ? KIND_ZK : KIND_CHK;
    json_begin_object(w);
    jkv(w, "schema", "drctl.inventory/1");
    jkv(w, "file", inv->file);
    jkv(w, "cluster", inv->cluster);
    jkv(w, "umbrella_cluster", inv->umbrella_cluster);
    json_key(w, "keeper");
    json_begin_object(w);
    jkv(w, "kind", inventory_keeper_kind_name(inv->keeper_kind));
    jsecret(w, "super_digest", &inv->super_digest);
    json_end_object(w);
    json_key(w, "ssh");
    json_begin_object(w);
    jkv(w, "user", inv->ssh.user);
    jkn(w, "port", inv->ssh.port);
    jkv(w, "identity", inv->ssh.identity);
    jkv(w, "known_hosts", inv->ssh.known_hosts);
    jsecret(w, "passphrase", &inv->ssh.passphrase);
    jkn(w, "connect_timeout", inv->ssh.connect_timeout);
    jkn(w, "parallel", inv->ssh.parallel);
    jkv(w, "become", inv->ssh.become);
    jkv(w, "jump", inv->ssh.jump);
    if (inv->ssh.agent) {
        json_key(w, "agent");
        json_bool(w, true);
    }
    json_end_object(w);
    json_key(w, "notify");
    json_begin_array(w);
    for (size_t i = 0; i < inv->n_notify; i++) {
        json_begin_object(w);
        jkv(w, "url", inv->notify[i].url);
        jkn(w, "events", inv->notify[i].events);
        jkn(w, "timeout", inv->notify[i].timeout);
        json_end_object(w);
    }
    json_end_array(w);
    json_key(w, "retention");
    json_begin_object(w);
    jkn(w, "runs", inv->retention.runs);
    jkn(w, "days", inv->retention.days);
    json_end_object(w);
    json_key(w, "clickhouse_auth");
    json_begin_object(w);
    jkv(w, "user", inv->clickhouse_auth.user);
    jsecret(w, "password", &inv->clickhouse_auth.password);
    json_end_object(w);
    json_key(w, "shards");
    json_begin_array(w);
    for (size_t i = 0; i < inv->n_shards; i++)
        json_put_string(w, inv->shards[i]);
    json_end_array(w);
    json_key(w, "sites");
    json_begin_array(w);
    for (size_t s = 0; s < inv->n_sites; s++) {
        const inventory_site *site = &inv->sites[s];
        json_begin_object(w);
        jkv(w, "name", site->name);
        jkv(w, "role", inventory_site_role_name(site->role));
        if (site->fence)
            jkv(w, "fence", site->fence);
        jkv(w, "jump", site->jump);
        json_key(w, "keepers");
        json_begin_array(w);
        for (size_t i = 0; i < site->n_keepers; i++) {
            const inventory_keeper *k = &site->keepers[i];
            json_begin_object(w);
            json_key(w, "id");
            json_int(w, k->id);
            jkv(w, "name", k->name);
            jkv(w, "host", k->host);
            jkv(w, "role", inventory_keeper_role_name(k->role));
            write_fields_json(w, k, inventory__keeper_fields, inventory__n_keeper_fields, mask);
            jpos(w, &k->pos);
            json_end_object(w);
        }
        json_end_array(w);
        json_key(w, "clickhouse");
        json_begin_array(w);
        for (size_t i = 0; i < site->n_clickhouse; i++) {
            const inventory_clickhouse *c = &site->clickhouse[i];
            json_begin_object(w);
            jkv(w, "name", c->name);
            jkv(w, "host", c->host);
            jkv(w, "shard", c->shard);
            json_key(w, "shard_index");
            json_int(w, (int64_t)c->shard_index);
            jkv(w, "replica", c->replica);
            write_fields_json(w, c, inventory__ch_fields, inventory__n_ch_fields, 0);
            jpos(w, &c->pos);
            json_end_object(w);
        }
        json_end_array(w);
        json_end_object(w);
    }
    json_end_array(w);
    json_end_object(w);
}
