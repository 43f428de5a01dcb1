/* chconf_zk: the <zookeeper> section of a ClickHouse config (see
 * include/chconf.h): read, set the node list, render a whole file. */
#include "chconf.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "chconf_int.h"

#define ZK_DEFAULT_PORT 2181

/* A <node> of the section, read for a patch. */
typedef struct zk_have {
    xmlNode *n;
    char *host;
    int port;
} zk_have;

static int zk_find(const zk_have *h, size_t k, const chconf_endpoint *e)
{
    for (size_t j = 0; j < k; j++)
        if (!strcasecmp(h[j].host, e->host) && h[j].port == e->port)
            return (int)j;
    return -1;
}

static void gen_zk_node(dr_buf *b, const chconf_fmt *f, const chconf_endpoint *e, int index)
{
    char *ci = xmlsplice_cat(f->indent, f->unit);
    dr_buf_puts(b, "<node");
    if (index > 0)
        dr_buf_printf(b, " index=\"%d\"", index);
    dr_buf_puts(b, ">");
    chconf__child_sep(b, f, ci);
    xmlsplice_put_leaf(b, "host", e->host);
    chconf__child_sep(b, f, ci);
    dr_buf_printf(b, "<port>%d</port>", e->port);
    chconf__close_el(b, f, "node");
    free(ci);
}

void chconf_zk_free(chconf_zk *zk)
{
    if (!zk)
        return;
    for (size_t i = 0; i < zk->n_nodes; i++) {
        free(zk->nodes[i].host);
        free(zk->nodes[i].index);
    }
    free(zk->nodes);
    for (size_t i = 0; i < zk->n_settings; i++) {
        free(zk->settings[i].name);
        chconf__wipe(zk->settings[i].value);
        free(zk->settings[i].value);
    }
    free(zk->settings);
    free(zk->incl);
    memset(zk, 0, sizeof *zk);
}

int chconf_zk_read(const chconf_in *in, chconf_zk *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    xmlsplice_doc d;
    xmlNode *sec;
    int rc =
        chconf__read_section(in, "zookeeper", &d, &sec, &out->found, &out->incl, &out->line, err);
    if (rc)
        return rc;
    if (!sec)
        goto done;
    size_t cn = 0, cs = 0;
    for (xmlNode *c = sec->children; c; c = c->next) {
        if (!xmlsplice_is(c, NULL))
            continue;
        if (xmlsplice_is(c, "node")) {
            chconf_zk_node z = {0};
            if ((rc = chconf__read_host_port(&d, c, ZK_DEFAULT_PORT, &z.host, &z.port, err)))
                goto done;
            z.index = xmlsplice_prop(c, "index");
            z.line = xmlsplice_line(&d, c);
            if (out->n_nodes == cn) {
                cn = cn ? 2 * cn : 4;
                out->nodes = dr_realloc(out->nodes, cn * sizeof *out->nodes);
            }
            out->nodes[out->n_nodes++] = z;
        } else {
            if (out->n_settings == cs) {
                cs = cs ? 2 * cs : 4;
                out->settings = dr_realloc(out->settings, cs * sizeof *out->settings);
            }
            out->settings[out->n_settings].name = dr_strdup(xmlsplice_name(c));
            out->settings[out->n_settings].value = xmlsplice_text(&d, c);
            out->n_settings++;
        }
    }
done:
    if (rc)
        chconf_zk_free(out);
    xmlsplice_free(&d);
    return rc;
}

int chconf_zk_set_nodes(const chconf_in *in, const chconf_endpoint *nodes, size_t n, unsigned flags,
                        chconf_out *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    const char *file = in && in->file ? in->file : "config";
    if (n == 0 || !nodes)
        return dr_err_set(err, DR_EINVAL, "%s: expected at least one ZooKeeper node", file);
    for (size_t i = 0; i < n; i++) {
        int rc = chconf__check_endpoint(file, "ZooKeeper node", &nodes[i], 0, err);
        if (rc)
            return rc;
        for (size_t j = 0; j < i; j++)
            if (!strcasecmp(nodes[i].host, nodes[j].host) && nodes[i].port == nodes[j].port)
                return dr_err_set(err, DR_EINVAL, "%s: ZooKeeper node %s:%d given twice", file,
                                  nodes[i].host, nodes[i].port);
    }
    xmlsplice_doc d;
    const char *name;
    xmlNode *sec;
    zk_have *have = NULL;
    size_t k = 0;
    int rc = chconf__open(in, "zookeeper", &d, &name, err);
    if (rc)
        return rc;
    if ((rc = chconf__find_section(&d, name, &sec, err)) ||
        (rc = chconf__check_incl(&d, sec, flags, err)))
        goto done;

    if (!sec) {
        char *ci = xmlsplice_child_indent(&d, d.root), *ni = xmlsplice_cat(ci, d.unit);
        chconf_fmt f = {d.nl, ni, d.unit, 1};
        dr_buf b = DR_BUF_INIT;
        for (size_t i = 0; i < n; i++) {
            if (i)
                dr_buf_puts(&b, d.nl);
            dr_buf_puts(&b, ni);
            gen_zk_node(&b, &f, &nodes[i], (int)i + 1);
        }
        chconf__add_section(&d, name, b.data);
        xmlsplice_note(&d, "<%s>: created with %zu nodes", name, n);
        dr_buf_free(&b);
        free(ci);
        free(ni);
        rc = chconf__apply(&d, out, err);
        goto done;
    }

    size_t cap = 0;
    int numbered = 0;
    for (xmlNode *c = sec->children; c; c = c->next) {
        if (!xmlsplice_is(c, "node"))
            continue;
        if (k == cap) {
            cap = cap ? 2 * cap : 4;
            have = dr_realloc(have, cap * sizeof *have);
        }
        have[k].n = c;
        if ((rc =
                 chconf__read_host_port(&d, c, ZK_DEFAULT_PORT, &have[k].host, &have[k].port, err)))
            goto done;
        k++;
        if (xmlHasNsProp(c, (const xmlChar *)"index", NULL))
            numbered = 1;
    }
    if (k == 0)
        numbered = 1;

    char idx[24]; /* a size_t in decimal */
    size_t common = k < n ? k : n;
    for (size_t i = 0; i < common; i++) {
        int j = zk_find(have, k, &nodes[i]);
        snprintf(idx, sizeof idx, "%zu", i + 1);
        if (j == (int)i) {
            char *cur = xmlsplice_prop(have[i].n, "index");
            if (numbered && (!cur || strcmp(cur, idx))) {
                xmlsplice_set_attr(&d, have[i].n, "index", idx);
                xmlsplice_note(&d, "<%s>: node %s:%d numbered index=\"%s\"", name, nodes[i].host,
                               nodes[i].port, idx);
            }
            free(cur);
            continue;
        }
        char *text;
        if (j >= 0) {
            text = xmlsplice_text_with_attr(&d, have[j].n, "index", numbered ? idx : NULL);
        } else {
            char *ind = xmlsplice_indent_of(&d, xmlsplice_el_of(have[i].n)->tag_start), *unit;
            chconf_fmt f;
            chconf__fmt_for(&d, have[i].n, ind, 1, &f, &unit);
            dr_buf b = DR_BUF_INIT;
            gen_zk_node(&b, &f, &nodes[i], numbered ? (int)i + 1 : 0);
            size_t l;
            text = dr_buf_steal(&b, &l);
            free(ind);
            free(unit);
        }
        xmlsplice_replace(&d, xmlsplice_el_of(have[i].n)->tag_start,
                          xmlsplice_el_of(have[i].n)->etag_end, text);
        free(text);
        xmlsplice_note(&d, "<%s>: node %zu: %s:%d -> %s:%d", name, i + 1, have[i].host,
                       have[i].port, nodes[i].host, nodes[i].port);
    }
    if (n > k) {
        xmlsplice_place p;
        if (k)
            xmlsplice_place_after(&d, have[k - 1].n, &p);
        else
            xmlsplice_place_end(&d, sec, &p);
        xmlNode *t = k ? have[k - 1].n : NULL;
        char *unit;
        chconf_fmt f;
        chconf__fmt_for(&d, t, p.indent, p.own_line, &f, &unit);
        dr_buf b = DR_BUF_INIT;
        for (size_t i = k; i < n; i++) {
            if (i > k)
                xmlsplice_place_sep(&d, &p, &b);
            int j = zk_find(have, k, &nodes[i]);
            snprintf(idx, sizeof idx, "%zu", i + 1);
            if (j >= 0) {
                char *text =
                    xmlsplice_text_with_attr(&d, have[j].n, "index", numbered ? idx : NULL);
                dr_buf_puts(&b, text);
                free(text);
            } else {
                gen_zk_node(&b, &f, &nodes[i], numbered ? (int)i + 1 : 0);
            }
            xmlsplice_note(&d, "<%s>: node %zu: added %s:%d", name, i + 1, nodes[i].host,
                           nodes[i].port);
        }
        xmlsplice_place_put(&d, &p, b.data);
        dr_buf_free(&b);
        free(unit);
        xmlsplice_place_free(&p);
    }
    for (size_t i = n; i < k; i++) {
        xmlsplice_delete(&d, have[i].n);
        xmlsplice_note(&d, "<%s>: node %zu: removed %s:%d", name, i + 1, have[i].host,
                       have[i].port);
    }
    rc = chconf__apply(&d, out, err);
done:
    for (size_t i = 0; i < k; i++)
        free(have[i].host);
    free(have);
    xmlsplice_free(&d);
    return rc;
}

int chconf_render_zookeeper(const char *root, const char *section, const chconf_endpoint *nodes,
                            size_t n, const chconf_pair *settings, size_t n_settings,
                            unsigned flags, dr_buf *out, dr_err *err)
{
    const char *name;
    if (!nodes || n == 0)
        return dr_err_set(err, DR_EINVAL, "render: expected at least one ZooKeeper node");
    for (size_t i = 0; i < n; i++) {
        int rc = chconf__check_endpoint("render", "ZooKeeper node", &nodes[i], 0, err);
        if (rc)
            return rc;
    }
    int rc = chconf__check_pairs("render", "zookeeper setting", settings, n_settings, err);
    if (rc)
        return rc;
    for (size_t i = 0; i < n_settings; i++)
        if (!strcmp(settings[i].name, "node"))
            return dr_err_set(err, DR_EINVAL, "render: a setting named node: give nodes apart");
    if ((rc = chconf__render_open(root, section, "zookeeper", flags, out, &name, err)))
        return rc;
    chconf_fmt f = {"\n", "        ", "    ", 1};
    for (size_t i = 0; i < n; i++) {
        dr_buf_puts(out, "        ");
        gen_zk_node(out, &f, &nodes[i], (int)i + 1);
        dr_buf_puts(out, "\n");
    }
    for (size_t i = 0; i < n_settings; i++) {
        dr_buf_puts(out, "        ");
        xmlsplice_put_leaf(out, settings[i].name, settings[i].value);
        dr_buf_puts(out, "\n");
    }
    chconf__render_close(root, name, out);
    return DR_OK;
}
