/* chconf_int: what chconf.c and its sections (chconf_zk.c, chconf_remote.c,
 * chconf_macros.c) share.  Not a public API: the rest of drctl uses
 * chconf.h. */
#ifndef DR_CHCONF_INT_H
#define DR_CHCONF_INT_H

#include "chconf.h"
#include "xmlsplice.h"

/* Loads a ClickHouse config (root <clickhouse> or <yandex>). */
int chconf__load(xmlsplice_doc *d, const char *file, const char *text, size_t len, dr_err *err);
/* Loads in's text and picks the section name (in->section, else def). */
int chconf__open(const chconf_in *in, const char *def, xmlsplice_doc *d, const char **section,
                 dr_err *err);
/* For the readers: loads in's text and finds the section (*sec NULL when
 * absent); when present sets *found, *incl (its incl=, the caller's) and
 * *line.  On error d holds nothing to free. */
int chconf__read_section(const chconf_in *in, const char *def, xmlsplice_doc *d, xmlNode **sec,
                         int *found, char **incl, int *line, dr_err *err);
/* Applies d's edits into out (see xmlsplice_apply). */
int chconf__apply(xmlsplice_doc *d, chconf_out *out, dr_err *err);

/* The section element (NULL when absent); two of them is an error. */
int chconf__find_section(xmlsplice_doc *d, const char *name, xmlNode **out, dr_err *err);
/* Refuses to patch a section with incl= unless CHCONF_INLINE (which drops
 * incl= and optional=). */
int chconf__check_incl(xmlsplice_doc *d, xmlNode *sec, unsigned flags, dr_err *err);
/* Wraps a block of children (indented for indent+unit) in a new section and
 * puts it last in the root. */
void chconf__add_section(xmlsplice_doc *d, const char *name, const char *children_block);

/* Host and port of a <node> or <replica>; port default_port when absent. */
int chconf__read_host_port(xmlsplice_doc *d, xmlNode *n, int default_port, char **host, int *port,
                           dr_err *err);
/* Overwrites a secret before it is freed. */
void chconf__wipe(char *s);

/* ---- input checks ------------------------------------------------------------ */

int chconf__valid_name(const char *s);
/* No control characters, no leading or trailing space. */
int chconf__valid_value(const char *s);
int chconf__check_endpoint(const char *file, const char *what, const chconf_endpoint *e,
                           int port_any_ok, dr_err *err);
int chconf__check_pairs(const char *file, const char *what, const chconf_pair *p, size_t n,
                        dr_err *err);

/* ---- generators ---------------------------------------------------------------- */

typedef struct chconf_fmt {
    const char *nl;
    const char *indent; /* of the element's own lines */
    const char *unit;
    int multi; /* children on lines of their own */
} chconf_fmt;

void chconf__child_sep(dr_buf *b, const chconf_fmt *f, const char *ci);
void chconf__close_el(dr_buf *b, const chconf_fmt *f, const char *name);
/* Style for a new element: that of template t when there is one, else
 * multi-line when on a line of its own.  *unit is the caller's. */
void chconf__fmt_for(xmlsplice_doc *d, xmlNode *t, const char *indent, int own_line, chconf_fmt *f,
                     char **unit);

/* ---- whole files ------------------------------------------------------------------ */

int chconf__render_open(const char *root, const char *section, const char *def, unsigned flags,
                        dr_buf *out, const char **name, dr_err *err);
void chconf__render_close(const char *root, const char *name, dr_buf *out);

#endif
