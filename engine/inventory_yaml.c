/* inventory_yaml: a resolved inventory as YAML (`drctl inventory show`):
 * every node with its defaults filled in, itself an inventory that loads to
 * the same. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "inventory.h"
#include "inventory_int.h"

/* A YAML scalar for s that reads back as the same string: plain when that is
 * unambiguous, else double-quoted.  "${" is written "$${" either way, since
 * the loader expands ${...} in every scalar. */
static void yaml_scalar_as(dr_buf *out, const char *s, bool placeholders)
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
    if (!quote) {
        for (size_t i = 0; i < n; i++) {
            if (s[i] == '$' && s[i + 1] == '{')
                dr_buf_putc(out, '$');
            dr_buf_putc(out, s[i]);
        }
        return;
    }
    dr_buf_putc(out, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            dr_buf_printf(out, "\\%c", c);
        else if (c < 0x20 || c == 0x7f)
            dr_buf_printf(out, "\\x%02x", c);
        else {
            if (c == '$' && s[i + 1] == '{')
                dr_buf_putc(out, '$');
            /* in node paths and commands {{ is a literal brace */
            if (placeholders && c == '{' && !(i > 0 && s[i - 1] == '$'))
                dr_buf_putc(out, '{');
            dr_buf_putc(out, (char)c);
        }
    }
    dr_buf_putc(out, '"');
}

static void yaml_scalar(dr_buf *out, const char *s)
{
    yaml_scalar_as(out, s, false);
}

static void ykv_as(dr_buf *out, int indent, const char *key, const char *val, bool placeholders)
{
    if (!val)
        return;
    dr_buf_printf(out, "%*s%s: ", indent, "", key);
    yaml_scalar_as(out, val, placeholders);
    dr_buf_putc(out, '\n');
}

static void ykv(dr_buf *out, int indent, const char *key, const char *val)
{
    ykv_as(out, indent, key, val, false);
}

static void ykn(dr_buf *out, int indent, const char *key, long val)
{
    if (val)
        dr_buf_printf(out, "%*s%s: %ld\n", indent, "", key, val);
}

static void write_fields_yaml(dr_buf *out, const void *node, const field *fields, size_t nf,
                              int indent)
{
    for (size_t i = 0; i < nf; i++) {
        const char *p = (const char *)node + fields[i].off;
        if (fields[i].type == FT_PORT) {
            int v;
            memcpy(&v, p, sizeof v);
            ykn(out, indent, fields[i].key, v);
        } else {
            const char *s;
            memcpy(&s, p, sizeof s);
            ykv_as(out, indent, fields[i].key, s,
                   fields[i].type != FT_USER && fields[i].type != FT_WORD);
        }
    }
}

void inventory_write_yaml(const inventory_t *inv, dr_buf *out)
{
    dr_buf_puts(out, "# resolved inventory: defaults filled in on every node\n");
    ykv(out, 0, "cluster", inv->cluster);
    ykv(out, 0, "umbrella_cluster", inv->umbrella_cluster);
    dr_buf_puts(out, "keeper:\n");
    ykv(out, 2, "kind", inventory_keeper_kind_name(inv->keeper_kind));
    ykv(out, 2, "super_digest_file", inv->super_digest.file);
    ykv(out, 2, "super_digest_env", inv->super_digest.env);
    dr_buf_puts(out, "ssh:\n");
    ykv(out, 2, "user", inv->ssh.user);
    ykn(out, 2, "port", inv->ssh.port);
    ykv(out, 2, "identity", inv->ssh.identity);
    ykv(out, 2, "known_hosts", inv->ssh.known_hosts);
    ykv(out, 2, "passphrase_file", inv->ssh.passphrase.file);
    ykv(out, 2, "passphrase_env", inv->ssh.passphrase.env);
    ykn(out, 2, "connect_timeout", inv->ssh.connect_timeout);
    ykn(out, 2, "parallel", inv->ssh.parallel);
    ykv(out, 2, "become", inv->ssh.become);
    ykv(out, 2, "jump", inv->ssh.jump);
    if (inv->ssh.agent)
        ykv(out, 2, "agent", "true");
    if (inv->n_notify)
        dr_buf_puts(out, "notify:\n");
    for (size_t i = 0; i < inv->n_notify; i++) {
        static const char *const ev[] = {"start", "step_failed", "refused", "end"};
        dr_buf_puts(out, "  - url: ");
        yaml_scalar(out, inv->notify[i].url);
        dr_buf_puts(out, "\n    events: [");
        for (unsigned k = 0, first = 1; k < 4; k++)
            if (inv->notify[i].events & (1u << k)) {
                dr_buf_printf(out, "%s%s", first ? "" : ", ", ev[k]);
                first = 0;
            }
        dr_buf_printf(out, "]\n    timeout: %d\n", inv->notify[i].timeout);
    }
    if (inv->retention.runs || inv->retention.days) {
        dr_buf_puts(out, "retention:\n");
        ykn(out, 2, "runs", inv->retention.runs);
        ykn(out, 2, "days", inv->retention.days);
    }
    dr_buf_puts(out, "clickhouse_auth:\n");
    ykv(out, 2, "user", inv->clickhouse_auth.user);
    ykv(out, 2, "password_file", inv->clickhouse_auth.password.file);
    ykv(out, 2, "password_env", inv->clickhouse_auth.password.env);
    dr_buf_puts(out, "sites:\n");
    for (size_t s = 0; s < inv->n_sites; s++) {
        const inventory_site *site = &inv->sites[s];
        dr_buf_printf(out, "  %s:\n", site->name);
        ykv(out, 4, "role", inventory_site_role_name(site->role));
        if (site->fence)
            ykv(out, 4, "fence", site->fence);
        if (site->jump != inv->ssh.jump)
            dr_buf_puts(out, site->jump ? "" : "    jump: ~\n");
        if (site->jump && site->jump != inv->ssh.jump)
            ykv(out, 4, "jump", site->jump);
        dr_buf_puts(out, site->n_keepers ? "    keepers:\n" : "    keepers: []\n");
        for (size_t i = 0; i < site->n_keepers; i++) {
            const inventory_keeper *k = &site->keepers[i];
            dr_buf_printf(out, "      - id: %d\n", k->id);
            ykv(out, 8, "name", k->name);
            ykv(out, 8, "host", k->host);
            ykv(out, 8, "role", inventory_keeper_role_name(k->role));
            write_fields_yaml(out, k, inventory__keeper_fields, inventory__n_keeper_fields, 8);
        }
        dr_buf_puts(out, site->n_clickhouse ? "    clickhouse:\n" : "    clickhouse: []\n");
        for (size_t i = 0; i < site->n_clickhouse; i++) {
            const inventory_clickhouse *c = &site->clickhouse[i];
            dr_buf_puts(out, "      - name: ");
            yaml_scalar(out, c->name);
            dr_buf_putc(out, '\n');
            ykv(out, 8, "host", c->host);
            ykv(out, 8, "shard", c->shard);
            ykv(out, 8, "replica", c->replica);
            write_fields_yaml(out, c, inventory__ch_fields, inventory__n_ch_fields, 8);
        }
    }
}
