/* inventory_yaml: a resolved inventory as YAML (`drctl inventory show`),
 * written through libyaml's emitter: every node with its defaults filled in,
 * itself an inventory that loads to the same (the loader's ${ENV} and
 * {placeholder} syntax escaped in the values). */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <yaml.h>

#include "inventory.h"
#include "inventory_int.h"

/* An emitter writing into a dr_buf; the first failure is kept. */
typedef struct yw {
    yaml_emitter_t e;
    dr_buf *out;
    const char *problem; /* the first failure, NULL while none */
} yw;

static int yw_write(void *data, unsigned char *buffer, size_t size)
{
    dr_buf_append(data, buffer, size);
    return 1;
}

/* Emits ev when made (libyaml refuses to make a scalar event for text that
 * is not UTF-8); the emitter frees it either way. */
static void yw_emit(yw *w, int made, yaml_event_t *ev)
{
    if (!made) {
        if (!w->problem)
            w->problem = "a value is not UTF-8 text";
        return;
    }
    if (w->problem) {
        yaml_event_delete(ev);
        return;
    }
    if (!yaml_emitter_emit(&w->e, ev))
        w->problem = w->e.problem ? w->e.problem : "emitter failed";
}

/* Whether s must be quoted to read back as the same string: YAML's words for
 * null and booleans, numbers, indicators, control characters. */
static bool needs_quotes(const char *s)
{
    static const char *const special[] = {"",     "~",    "null",  "Null",  "NULL",  "true",
                                          "True", "TRUE", "false", "False", "FALSE", "yes",
                                          "Yes",  "YES",  "no",    "No",    "NO",    "on",
                                          "On",   "ON",   "off",   "Off",   "OFF"};
    bool quote = strchr("-?:,[]{}#&*!|>'\"%@` \t", s[0]) != NULL;
    for (size_t i = 0; i < sizeof special / sizeof special[0] && !quote; i++)
        quote = !strcmp(s, special[i]);
    size_t n = strlen(s);
    if (!quote)
        quote = strstr(s, ": ") || strstr(s, " #") || s[n - 1] == ':' || s[n - 1] == ' ' ||
                strpbrk(s, "{}[],") || strspn(s, "0123456789.+-eE") == n;
    for (size_t i = 0; i < n && !quote; i++)
        quote = (unsigned char)s[i] < 0x20 || s[i] == 0x7f;
    return quote;
}

/* A scalar that reads back as s: quoted when needs_quotes says so, "${"
 * written "$${" (the loader expands ${...} in every scalar) and, in node
 * paths and commands (placeholders), a literal '{' written "{{". */
static void yw_str_as(yw *w, const char *s, bool placeholders)
{
    dr_buf v = DR_BUF_INIT;
    for (size_t i = 0; s[i]; i++) {
        if (s[i] == '$' && s[i + 1] == '{')
            dr_buf_putc(&v, '$');
        if (placeholders && s[i] == '{' && !(i > 0 && s[i - 1] == '$'))
            dr_buf_putc(&v, '{');
        dr_buf_putc(&v, s[i]);
    }
    yaml_event_t ev;
    yw_emit(w,
            yaml_scalar_event_initialize(
                &ev, NULL, NULL, (yaml_char_t *)(v.data ? v.data : ""), (int)v.len, 1, 1,
                needs_quotes(s) ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_PLAIN_SCALAR_STYLE),
            &ev);
    dr_buf_free(&v);
}

static void yw_str(yw *w, const char *s)
{
    yw_str_as(w, s, false);
}

/* A scalar written as is (keys, numbers, words the writer chose). */
static void yw_plain(yw *w, const char *s)
{
    yaml_event_t ev;
    yw_emit(w,
            yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s), 1, 1,
                                         YAML_PLAIN_SCALAR_STYLE),
            &ev);
}

static void yw_map(yw *w)
{
    yaml_event_t ev;
    yw_emit(w, yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE),
            &ev);
}

static void yw_map_end(yw *w)
{
    yaml_event_t ev;
    yw_emit(w, yaml_mapping_end_event_initialize(&ev), &ev);
}

static void yw_seq(yw *w, yaml_sequence_style_t style)
{
    yaml_event_t ev;
    yw_emit(w, yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, style), &ev);
}

static void yw_seq_end(yw *w)
{
    yaml_event_t ev;
    yw_emit(w, yaml_sequence_end_event_initialize(&ev), &ev);
}

/* key: value, nothing when val is NULL. */
static void ykv_as(yw *w, const char *key, const char *val, bool placeholders)
{
    if (!val)
        return;
    yw_plain(w, key);
    yw_str_as(w, val, placeholders);
}

static void ykv(yw *w, const char *key, const char *val)
{
    ykv_as(w, key, val, false);
}

/* key: number, nothing when 0 (not set). */
static void ykn(yw *w, const char *key, long val)
{
    if (!val)
        return;
    char num[24];
    snprintf(num, sizeof num, "%ld", val);
    yw_plain(w, key);
    yw_plain(w, num);
}

static void write_fields(yw *w, const void *node, const field *fields, size_t nf)
{
    for (size_t i = 0; i < nf; i++) {
        const char *p = (const char *)node + fields[i].off;
        if (fields[i].type == FT_PORT || fields[i].type == FT_SECONDS) {
            int v;
            memcpy(&v, p, sizeof v);
            ykn(w, fields[i].key, v);
        } else {
            const char *s;
            memcpy(&s, p, sizeof s);
            ykv_as(w, fields[i].key, s, fields[i].type != FT_USER && fields[i].type != FT_WORD);
        }
    }
}

static void write_site(yw *w, const inventory_t *inv, const inventory_site *site)
{
    yw_plain(w, site->name);
    yw_map(w);
    ykv(w, "role", inventory_site_role_name(site->role));
    if (site->fence)
        ykv(w, "fence", site->fence);
    if (site->jump != inv->ssh.jump) {
        yw_plain(w, "jump");
        if (site->jump)
            yw_str(w, site->jump);
        else
            yw_plain(w, "~");
    }
    yw_plain(w, "keepers");
    yw_seq(w, YAML_BLOCK_SEQUENCE_STYLE);
    for (size_t i = 0; i < site->n_keepers; i++) {
        const inventory_keeper *k = &site->keepers[i];
        yw_map(w);
        char id[24];
        snprintf(id, sizeof id, "%d", k->id);
        yw_plain(w, "id");
        yw_plain(w, id);
        ykv(w, "name", k->name);
        ykv(w, "host", k->host);
        ykv(w, "role", inventory_keeper_role_name(k->role));
        write_fields(w, k, inventory__keeper_fields, inventory__n_keeper_fields);
        yw_map_end(w);
    }
    yw_seq_end(w);
    yw_plain(w, "clickhouse");
    yw_seq(w, YAML_BLOCK_SEQUENCE_STYLE);
    for (size_t i = 0; i < site->n_clickhouse; i++) {
        const inventory_clickhouse *c = &site->clickhouse[i];
        yw_map(w);
        yw_plain(w, "name");
        yw_str(w, c->name);
        ykv(w, "host", c->host);
        ykv(w, "shard", c->shard);
        ykv(w, "replica", c->replica);
        write_fields(w, c, inventory__ch_fields, inventory__n_ch_fields);
        yw_map_end(w);
    }
    yw_seq_end(w);
    yw_map_end(w);
}

static void write_inventory(yw *w, const inventory_t *inv)
{
    yw_map(w);
    ykv(w, "cluster", inv->cluster);
    ykv(w, "umbrella_cluster", inv->umbrella_cluster);
    yw_plain(w, "keeper");
    yw_map(w);
    ykv(w, "kind", inventory_keeper_kind_name(inv->keeper_kind));
    ykv(w, "super_digest_file", inv->super_digest.file);
    ykv(w, "super_digest_env", inv->super_digest.env);
    yw_map_end(w);
    yw_plain(w, "ssh");
    yw_map(w);
    ykv(w, "user", inv->ssh.user);
    ykn(w, "port", inv->ssh.port);
    ykv(w, "identity", inv->ssh.identity);
    ykv(w, "known_hosts", inv->ssh.known_hosts);
    ykv(w, "passphrase_file", inv->ssh.passphrase.file);
    ykv(w, "passphrase_env", inv->ssh.passphrase.env);
    ykn(w, "connect_timeout", inv->ssh.connect_timeout);
    ykn(w, "parallel", inv->ssh.parallel);
    ykv(w, "become", inv->ssh.become);
    ykv(w, "jump", inv->ssh.jump);
    if (inv->ssh.agent)
        ykv(w, "agent", "true");
    yw_map_end(w);
    if (inv->n_notify) {
        static const char *const ev[] = {"start", "step_failed", "refused", "end"};
        yw_plain(w, "notify");
        yw_seq(w, YAML_BLOCK_SEQUENCE_STYLE);
        for (size_t i = 0; i < inv->n_notify; i++) {
            yw_map(w);
            ykv(w, "url", inv->notify[i].url);
            yw_plain(w, "events");
            yw_seq(w, YAML_FLOW_SEQUENCE_STYLE);
            for (unsigned k = 0; k < 4; k++)
                if (inv->notify[i].events & (1u << k))
                    yw_plain(w, ev[k]);
            yw_seq_end(w);
            char t[24];
            snprintf(t, sizeof t, "%d", inv->notify[i].timeout);
            yw_plain(w, "timeout");
            yw_plain(w, t);
            yw_map_end(w);
        }
        yw_seq_end(w);
    }
    if (inv->retention.runs || inv->retention.days) {
        yw_plain(w, "retention");
        yw_map(w);
        ykn(w, "runs", inv->retention.runs);
        ykn(w, "days", inv->retention.days);
        yw_map_end(w);
    }
    yw_plain(w, "clickhouse_auth");
    yw_map(w);
    ykv(w, "user", inv->clickhouse_auth.user);
    ykv(w, "password_file", inv->clickhouse_auth.password.file);
    ykv(w, "password_env", inv->clickhouse_auth.password.env);
    yw_map_end(w);
    yw_plain(w, "sites");
    yw_map(w);
    for (size_t s = 0; s < inv->n_sites; s++)
        write_site(w, inv, &inv->sites[s]);
    yw_map_end(w);
    yw_map_end(w);
}

int inventory_write_yaml(const inventory_t *inv, dr_buf *out, dr_err *err)
{
    yw w = {.out = out};
    if (!yaml_emitter_initialize(&w.e))
        return dr_err_set(err, DR_ENOMEM, "inventory show: cannot create a YAML emitter");
    yaml_emitter_set_output(&w.e, yw_write, out);
    yaml_emitter_set_unicode(&w.e, 1);
    yaml_emitter_set_indent(&w.e, 2);
    yaml_emitter_set_width(&w.e, -1); /* never fold a long value */
    dr_buf_puts(out, "# resolved inventory: defaults filled in on every node\n");
    yaml_event_t ev;
    yw_emit(&w, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING), &ev);
    yw_emit(&w, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1), &ev);
    write_inventory(&w, inv);
    yw_emit(&w, yaml_document_end_event_initialize(&ev, 1), &ev);
    yw_emit(&w, yaml_stream_end_event_initialize(&ev), &ev);
    int rc = DR_OK;
    if (w.problem)
        rc = dr_err_set(err, DR_EINVAL, "inventory show: YAML emitter: %s", w.problem);
    yaml_emitter_delete(&w.e);
    return rc;
}
