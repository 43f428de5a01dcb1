/* chconf_macros: the macros section of a ClickHouse config (see
 * include/chconf.h): read, set, render a whole file. */
#include "chconf.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "chconf_int.h"

/* ---- macros -------------------------------------------------------------------- */

void chconf_macros_free(chconf_macros *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->n; i++) {
        free(m->v[i].name);
        free(m->v[i].value);
    }
    free(m->v);
    free(m->incl);
    memset(m, 0, sizeof *m);
}

const char *chconf_macros_get(const chconf_macros *m, const char *name)
{
    for (size_t i = 0; m && name && i < m->n; i++)
        if (!strcmp(m->v[i].name, name))
            return m->v[i].value;
    return NULL;
}

int chconf_macros_read(const chconf_in *in, chconf_macros *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    xmlsplice_doc d;
    xmlNode *sec;
    int rc = chconf__read_section(in, "macros", &d, &sec, &out->found, &out->incl, &out->line, err);
    if (rc)
        return rc;
    if (!sec)
        goto done;
    size_t cap = 0;
    for (xmlNode *c = sec->children; c; c = c->next) {
        if (!xmlsplice_is(c, NULL))
            continue;
        xmlNode *only;
        if ((rc = xmlsplice_unique_child(&d, sec, xmlsplice_name(c), &only, err)))
            goto done;
        if (out->n == cap) {
            cap = cap ? 2 * cap : 4;
            out->v = dr_realloc(out->v, cap * sizeof *out->v);
        }
        out->v[out->n].name = dr_strdup(xmlsplice_name(c));
        out->v[out->n].value = xmlsplice_text(&d, c);
        out->n++;
    }
done:
    if (rc)
        chconf_macros_free(out);
    xmlsplice_free(&d);
    return rc;
}

static int is_protected_macro(const char *name)
{
    return !strcmp(name, "shard") || !strcmp(name, "replica") || !strcmp(name, "cluster");
}

int chconf_macros_set(const chconf_in *in, const chconf_pair *macros, size_t n, unsigned flags,
                      chconf_out *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    const char *file = in && in->file ? in->file : "config";
    if (!macros || n == 0)
        return dr_err_set(err, DR_EINVAL, "%s: no macro given", file);
    int rc = chconf__check_pairs(file, "macro", macros, n, err);
    if (rc)
        return rc;
    xmlsplice_doc d;
    const char *name;
    xmlNode *sec;
    if ((rc = chconf__open(in, "macros", &d, &name, err)))
        return rc;
    if ((rc = chconf__find_section(&d, name, &sec, err)) ||
        (rc = chconf__check_incl(&d, sec, flags, err)))
        goto done;
    size_t *missing = dr_malloc(n * sizeof *missing), nm = 0;
    for (size_t i = 0; i < n; i++) {
        xmlNode *m = NULL;
        if (sec && (rc = xmlsplice_unique_child(&d, sec, macros[i].name, &m, err)))
            break;
        if (!m) {
            missing[nm++] = i;
            continue;
        }
        char *cur = xmlsplice_text(&d, m);
        if (!strcmp(cur, macros[i].value)) {
            free(cur);
            continue;
        }
        if (is_protected_macro(macros[i].name) && *cur && !(flags & CHCONF_FORCE)) {
            rc = xmlsplice_fail(
                &d, m, DR_EREFUSED, err,
                "%s is '%s'; changing it to '%s' breaks the replicated tables of this "
                "node (their ZooKeeper path/replica name); use force to do it anyway",
                macros[i].name, cur, macros[i].value);
            free(cur);
            break;
        }
        xmlsplice_set_text(&d, m, macros[i].value);
        xmlsplice_note(&d, "<%s>: %s: '%s' -> '%s'", name, macros[i].name, cur, macros[i].value);
        free(cur);
    }
    if (!rc && nm) {
        dr_buf b = DR_BUF_INIT;
        if (!sec) {
            char *si = xmlsplice_child_indent(&d, d.root), *ci = xmlsplice_cat(si, d.unit);
            for (size_t i = 0; i < nm; i++) {
                if (i)
                    dr_buf_puts(&b, d.nl);
                dr_buf_puts(&b, ci);
                xmlsplice_put_leaf(&b, macros[missing[i]].name, macros[missing[i]].value);
            }
            chconf__add_section(&d, name, b.data);
            free(si);
            free(ci);
        } else {
            xmlNode *last = NULL;
            for (xmlNode *x = sec->children; x; x = x->next)
                if (xmlsplice_is(x, NULL))
                    last = x;
            xmlsplice_place p;
            if (last)
                xmlsplice_place_after(&d, last, &p);
            else
                xmlsplice_place_end(&d, sec, &p);
            for (size_t i = 0; i < nm; i++) {
                if (i)
                    xmlsplice_place_sep(&d, &p, &b);
                xmlsplice_put_leaf(&b, macros[missing[i]].name, macros[missing[i]].value);
            }
            xmlsplice_place_put(&d, &p, b.data);
            xmlsplice_place_free(&p);
        }
        for (size_t i = 0; i < nm; i++)
            xmlsplice_note(&d, "<%s>: %s: added '%s'", name, macros[missing[i]].name,
                           macros[missing[i]].value);
        dr_buf_free(&b);
    }
    free(missing);
    if (!rc)
        rc = chconf__apply(&d, out, err);
done:
    xmlsplice_free(&d);
    return rc;
}

int chconf_render_macros(const char *root, const char *section, const chconf_pair *macros, size_t n,
                         unsigned flags, dr_buf *out, dr_err *err)
{
    const char *name;
    if (!macros || n == 0)
        return dr_err_set(err, DR_EINVAL, "render: expected at least one macro");
    int rc = chconf__check_pairs("render", "macro", macros, n, err);
    if (rc)
        return rc;
    if ((rc = chconf__render_open(root, section, "macros", flags, out, &name, err)))
        return rc;
    for (size_t i = 0; i < n; i++) {
        dr_buf_puts(out, "        ");
        xmlsplice_put_leaf(out, macros[i].name, macros[i].value);
        dr_buf_puts(out, "\n");
    }
    chconf__render_close(root, name, out);
    return DR_OK;
}
