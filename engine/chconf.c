/* chconf: ClickHouse config files, read and patched through xmlsplice (see
 * include/chconf.h for the contract).  This file holds what the sections
 * share: loading, the section and incl= rules, input checks, generators'
 * layout, root and includes; the sections are chconf_zk.c, chconf_remote.c
 * and chconf_macros.c. */
#include "chconf.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "chconf_int.h"

/* ---- input checks ------------------------------------------------------------ */

int chconf__valid_name(const char *s)
{
    if (!s || !(isalpha((unsigned char)*s) || *s == '_'))
        return 0;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '_' && *s != '-' && *s != '.')
            return 0;
    return 1;
}

static int valid_host(const char *s)
{
    if (!s || !*s)
        return 0;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && !strchr(".-_:[]%", *s))
            return 0;
    return 1;
}

/* A value written as element text: no control characters, and no leading or
 * trailing space (values are compared trimmed, so they would never match). */
int chconf__valid_value(const char *s)
{
    if (!s)
        return 0;
    size_t n = strlen(s);
    if (n > 0 && (isspace((unsigned char)s[0]) || isspace((unsigned char)s[n - 1])))
        return 0;
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            return 0;
    return 1;
}

static int parse_port(const char *s, int *port)
{
    if (!*s || strlen(s) > 5)
        return -1;
    long v = 0;
    for (const char *p = s; *p; p++) {
        if (!isdigit((unsigned char)*p))
            return -1;
        v = v * 10 + (*p - '0');
    }
    if (v < 1 || v > 65535)
        return -1;
    *port = (int)v;
    return 0;
}

/* ---- loading and applying ---------------------------------------------------- */

static const char *const config_roots[] = {"clickhouse", "yandex", NULL};

int chconf__load(xmlsplice_doc *d, const char *file, const char *text, size_t len, dr_err *err)
{
    return xmlsplice_load(d, file, text, len, config_roots, err);
}

int chconf__apply(xmlsplice_doc *d, chconf_out *out, dr_err *err)
{
    xmlsplice_result r;
    int rc = xmlsplice_apply(d, &r, err);
    if (rc)
        return rc;
    out->text = r.text;
    out->len = r.len;
    out->changed = r.changed;
    out->notes = r.notes;
    return DR_OK;
}

void chconf_out_free(chconf_out *out)
{
    if (!out)
        return;
    free(out->text);
    free(out->notes);
    memset(out, 0, sizeof *out);
}

/* ---- common entry ---------------------------------------------------------- */

int chconf__open(const chconf_in *in, const char *def, xmlsplice_doc *d, const char **section,
                 dr_err *err)
{
    if (!in)
        return dr_err_set(err, DR_EINVAL, "chconf: no input");
    *section = in->section ? in->section : def;
    if (!chconf__valid_name(*section))
        return dr_err_set(err, DR_EINVAL, "%s: section name '%s': expected an XML element name",
                          in->file ? in->file : "config", *section);
    return chconf__load(d, in->file, in->text, in->len, err);
}

int chconf__read_section(const chconf_in *in, const char *def, xmlsplice_doc *d, xmlNode **sec,
                         int *found, char **incl, int *line, dr_err *err)
{
    const char *name;
    memset(d, 0, sizeof *d);
    *sec = NULL;
    int rc = chconf__open(in, def, d, &name, err);
    if (rc)
        return rc;
    if ((rc = chconf__find_section(d, name, sec, err)) != DR_OK) {
        xmlsplice_free(d);
        return rc;
    }
    if (*sec) {
        *found = 1;
        *incl = xmlsplice_prop(*sec, "incl");
        *line = xmlsplice_line(d, *sec);
    }
    return DR_OK;
}

/* The section element (NULL when absent); two of them is an error. */
int chconf__find_section(xmlsplice_doc *d, const char *name, xmlNode **out, dr_err *err)
{
    *out = NULL;
    for (xmlNode *c = d->root->children; c; c = c->next) {
        if (!xmlsplice_is(c, name))
            continue;
        if (*out)
            return xmlsplice_fail(d, c, DR_EPARSE, err,
                                  "a second <%s> (the first is at line %d): expected one", name,
                                  xmlsplice_line(d, *out));
        *out = c;
    }
    return DR_OK;
}

/* A section with incl= takes its content from the substitution file; writing
 * here too would have ClickHouse merge both. */
int chconf__check_incl(xmlsplice_doc *d, xmlNode *sec, unsigned flags, dr_err *err)
{
    if (!sec)
        return DR_OK;
    char *incl = xmlsplice_prop(sec, "incl");
    if (!incl)
        return DR_OK;
    if (!(flags & CHCONF_INLINE)) {
        int rc = xmlsplice_fail(
            d, sec, DR_EREFUSED, err,
            "<%s> takes its content from the substitution '%s' (incl=, found in the "
            "include_from file, /etc/metrika.xml by default): patch that file's <%s> "
            "instead, or inline the section here",
            xmlsplice_name(sec), incl, incl);
        free(incl);
        return rc;
    }
    xmlsplice_drop_attr(d, sec, "incl");
    xmlsplice_drop_attr(d, sec, "optional");
    xmlsplice_note(d, "<%s>: dropped incl=\"%s\", content now inline", xmlsplice_name(sec), incl);
    free(incl);
    return DR_OK;
}

/* Wraps a block of children (indented for indent+unit) in a new section and
 * puts it last in the root. */
void chconf__add_section(xmlsplice_doc *d, const char *name, const char *children_block)
{
    xmlsplice_place p;
    xmlsplice_place_end(d, d->root, &p);
    dr_buf b = DR_BUF_INIT;
    dr_buf_printf(&b, "<%s>%s", name, d->nl);
    dr_buf_puts(&b, children_block);
    dr_buf_printf(&b, "%s%s</%s>", d->nl, p.indent, name);
    xmlsplice_place_put(d, &p, b.data);
    dr_buf_free(&b);
    xmlsplice_place_free(&p);
}

/* ---- generators ------------------------------------------------------------ */

void chconf__child_sep(dr_buf *b, const chconf_fmt *f, const char *ci)
{
    if (f->multi) {
        dr_buf_puts(b, f->nl);
        dr_buf_puts(b, ci);
    }
}

void chconf__close_el(dr_buf *b, const chconf_fmt *f, const char *name)
{
    if (f->multi) {
        dr_buf_puts(b, f->nl);
        dr_buf_puts(b, f->indent);
    }
    dr_buf_printf(b, "</%s>", name);
}

/* ---- validation of inputs ------------------------------------------------------ */

int chconf__check_endpoint(const char *file, const char *what, const chconf_endpoint *e,
                           int port_any_ok, dr_err *err)
{
    if (!valid_host(e->host))
        return dr_err_set(err, DR_EINVAL,
                          "%s: %s host '%s': expected a host name or address (letters, digits, "
                          ".-_:[]%%)",
                          file, what, e->host ? e->host : "(null)");
    if (e->port < (port_any_ok ? 0 : 1) || e->port > 65535)
        return dr_err_set(err, DR_EINVAL, "%s: %s %s port %d: expected 1..65535", file, what,
                          e->host, e->port);
    return DR_OK;
}

int chconf__check_pairs(const char *file, const char *what, const chconf_pair *p, size_t n,
                        dr_err *err)
{
    for (size_t i = 0; i < n; i++) {
        if (!chconf__valid_name(p[i].name))
            return dr_err_set(err, DR_EINVAL, "%s: %s name '%s': expected an XML element name",
                              file, what, p[i].name ? p[i].name : "(null)");
        if (!chconf__valid_value(p[i].value))
            return dr_err_set(err, DR_EINVAL,
                              "%s: %s %s: expected a value without control characters or "
                              "leading/trailing spaces",
                              file, what, p[i].name);
        for (size_t j = 0; j < i; j++)
            if (!strcmp(p[i].name, p[j].name))
                return dr_err_set(err, DR_EINVAL, "%s: %s %s given twice", file, what, p[i].name);
    }
    return DR_OK;
}

/* ---- root and includes ------------------------------------------------------ */

int chconf_root(const chconf_in *in, char **root, dr_err *err)
{
    xmlsplice_doc d;
    *root = NULL;
    if (!in)
        return dr_err_set(err, DR_EINVAL, "chconf: no input");
    int rc = chconf__load(&d, in->file, in->text, in->len, err);
    if (rc)
        return rc;
    *root = dr_strdup(xmlsplice_name(d.root));
    xmlsplice_free(&d);
    return DR_OK;
}

int chconf_includes_read(const chconf_in *in, chconf_includes *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    xmlsplice_doc d;
    if (!in)
        return dr_err_set(err, DR_EINVAL, "chconf: no input");
    int rc = chconf__load(&d, in->file, in->text, in->len, err);
    if (rc)
        return rc;
    size_t cap = 0;
    for (xmlNode *c = d.root->children; c; c = c->next) {
        if (!xmlsplice_is(c, NULL))
            continue;
        if (xmlsplice_is(c, "include_from") && !out->include_from)
            out->include_from = xmlsplice_text(&d, c);
        char *incl = xmlsplice_prop(c, "incl");
        if (!incl)
            continue;
        if (out->n == cap) {
            cap = cap ? 2 * cap : 4;
            out->v = dr_realloc(out->v, cap * sizeof *out->v);
        }
        chconf_incl *i = &out->v[out->n++];
        i->element = dr_strdup(xmlsplice_name(c));
        i->name = incl;
        char *opt = xmlsplice_prop(c, "optional");
        i->optional = opt && (!strcmp(opt, "true") || !strcmp(opt, "1"));
        free(opt);
        i->line = xmlsplice_line(&d, c);
    }
    xmlsplice_free(&d);
    return DR_OK;
}

const char *chconf_includes_find(const chconf_includes *inc, const char *element)
{
    for (size_t i = 0; inc && element && i < inc->n; i++)
        if (!strcmp(inc->v[i].element, element))
            return inc->v[i].name;
    return NULL;
}

void chconf_includes_free(chconf_includes *inc)
{
    if (!inc)
        return;
    for (size_t i = 0; i < inc->n; i++) {
        free(inc->v[i].element);
        free(inc->v[i].name);
    }
    free(inc->v);
    free(inc->include_from);
    memset(inc, 0, sizeof *inc);
}

/* Host and port of a <node> or <replica>; port default_port when absent. */
int chconf__read_host_port(xmlsplice_doc *d, xmlNode *n, int default_port, char **host, int *port,
                           dr_err *err)
{
    xmlNode *h, *p;
    int rc;
    *host = NULL;
    if ((rc = xmlsplice_unique_child(d, n, "host", &h, err)) ||
        (rc = xmlsplice_unique_child(d, n, "port", &p, err)))
        return rc;
    if (!h)
        return xmlsplice_fail(d, n, DR_EPARSE, err, "<%s> without <host>: expected a host",
                              xmlsplice_name(n));
    *port = default_port;
    if (p) {
        char *ps = xmlsplice_text(d, p);
        if (parse_port(ps, port)) {
            rc = xmlsplice_fail(d, p, DR_EPARSE, err,
                                "<port> is '%s': expected a port number 1..65535", ps);
            free(ps);
            return rc;
        }
        free(ps);
    }
    *host = xmlsplice_text(d, h);
    if (!**host) {
        free(*host);
        *host = NULL;
        return xmlsplice_fail(d, h, DR_EPARSE, err,
                              "empty <host>: expected a host name or address");
    }
    return DR_OK;
}

void chconf__wipe(char *s)
{
    if (s) {
        volatile char *p = s;
        while (*p)
            *p++ = 0;
    }
}

/* Style for a new element: that of template t when there is one, else
 * multi-line when on a line of its own. */
void chconf__fmt_for(xmlsplice_doc *d, xmlNode *t, const char *indent, int own_line, chconf_fmt *f,
                     char **unit)
{
    f->nl = d->nl;
    f->indent = indent;
    if (t) {
        f->multi = xmlsplice_spans_lines(d, t);
        *unit = f->multi ? xmlsplice_unit_of(d, t) : dr_strdup(d->unit);
    } else {
        f->multi = own_line;
        *unit = dr_strdup(d->unit);
    }
    f->unit = *unit;
}

/* ---- whole files ------------------------------------------------------------- */

int chconf__render_open(const char *root, const char *section, const char *def, unsigned flags,
                        dr_buf *out, const char **name, dr_err *err)
{
    if (!root || (strcmp(root, "clickhouse") && strcmp(root, "yandex")))
        return dr_err_set(err, DR_EINVAL, "render: root '%s': expected clickhouse or yandex",
                          root ? root : "(null)");
    *name = section ? section : def;
    if (!chconf__valid_name(*name))
        return dr_err_set(err, DR_EINVAL, "render: section name '%s': expected an XML element name",
                          *name);
    dr_buf_printf(out, "<?xml version=\"1.0\"?>\n<%s>\n    <%s%s>\n", root, *name,
                  flags & CHCONF_REPLACE ? " replace=\"1\"" : "");
    return DR_OK;
}

void chconf__render_close(const char *root, const char *name, dr_buf *out)
{
    dr_buf_printf(out, "    </%s>\n</%s>\n", name, root);
}
