/* xmlsplice: XML patched by splicing the original bytes (see
 * include/xmlsplice.h for the contract).
 *
 * How a patch works: libxml2 parses the text (and is the judge of whether it
 * is well-formed); a small scanner then finds, in the original bytes, the
 * start and end tag of every element, in document order, which is the order
 * of a pre-order walk of libxml2's tree.  Each xmlNode's _private points at
 * its spans.  The tree holds elements and attributes only; an element's text
 * is decoded from its span (xmlsplice_text).  A patch records splices
 * (replace bytes [start, end) with new text), applies them in one pass, and
 * parses the result again as a check (cx_check_text, without building a
 * tree).
 *
 * Cost: every call is linear in the size of the text (one parse, one scan,
 * one check parse); a patch touching k elements adds O(k log k) for sorting
 * its splices.  Nothing may search the whole text per element. */
#include "xmlsplice.h"

#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/* State reached from libxml2's callbacks while parsing. */
typedef struct cx_check cx_check;
typedef struct cx_parse {
    int have_error;
    int line, col, code;
    dr_buf msg;
    int doctype;
    int doctype_line;
    cx_check *check; /* a check parse (cx_check_text): no tree */
} cx_parse;

xmlsplice_el *xmlsplice_el_of(xmlNode *n)
{
    return n->_private;
}

int xmlsplice_is(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE &&
           (!name || xmlStrcmp(n->name, (const xmlChar *)name) == 0);
}

const char *xmlsplice_name(const xmlNode *n)
{
    return (const char *)n->name;
}

static int offset_line(const xmlsplice_doc *d, size_t off)
{
    int line = 1;
    for (size_t i = 0; i < off && i < d->len; i++)
        if (d->text[i] == '\n')
            line++;
    return line;
}

int xmlsplice_line(const xmlsplice_doc *d, xmlNode *n)
{
    (void)d;
    return n && xmlsplice_el_of(n) ? xmlsplice_el_of(n)->line : 1;
}

/* "file:line: " + message. */
int xmlsplice_fail(xmlsplice_doc *d, xmlNode *n, int code, dr_err *err, const char *fmt, ...)
{
    dr_buf b = DR_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    dr_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    dr_err_set(err, code, "%s:%d: %s", d->file, xmlsplice_line(d, n), b.data ? b.data : "");
    dr_buf_free(&b);
    return code;
}

/* ---- parsing ---------------------------------------------------------------- */

#if LIBXML_VERSION >= 21200
static void cx_on_error(void *ctx, const xmlError *e)
#else
static void cx_on_error(void *ctx, xmlErrorPtr e)
#endif
{
    cx_parse *p = ctx;
    if (!p || !e || p->have_error || e->level == XML_ERR_WARNING)
        return;
    p->have_error = 1;
    p->line = e->line;
    p->col = e->int2;
    p->code = e->code;
    dr_buf_puts(&p->msg, e->message ? e->message : "error");
    while (p->msg.len > 0 && isspace((unsigned char)p->msg.data[p->msg.len - 1]))
        p->msg.data[--p->msg.len] = '\0';
}

static void cx_on_generic(void *ctx, const char *fmt, ...)
{
    (void)ctx;
    (void)fmt;
}

/* A DOCTYPE can declare entities (external ones are XXE, nested ones are a
 * billion laughs); a ClickHouse config has no use for one: stop right there. */
static void cx_on_doctype(void *ctx, const xmlChar *name, const xmlChar *ext, const xmlChar *sys)
{
    (void)name;
    (void)ext;
    (void)sys;
    xmlParserCtxtPtr c = ctx;
    cx_parse *p = c->_private;
    if (p && !p->doctype) {
        p->doctype = 1;
        p->doctype_line = c->input ? c->input->line : 1;
    }
    xmlStopParser(c);
}

static void cx_on_external_subset(void *ctx, const xmlChar *name, const xmlChar *ext,
                                  const xmlChar *sys)
{
    (void)ctx;
    (void)name;
    (void)ext;
    (void)sys;
}

static void cx_on_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *pub,
                              const xmlChar *sys, xmlChar *content)
{
    (void)ctx;
    (void)name;
    (void)type;
    (void)pub;
    (void)sys;
    (void)content;
}

static xmlParserInputPtr cx_on_resolve(void *ctx, const xmlChar *pub, const xmlChar *sys)
{
    (void)ctx;
    (void)pub;
    (void)sys;
    return NULL;
}

static int starts_with(const char *t, size_t n, size_t i, const char *s)
{
    size_t k = strlen(s);
    return i + k <= n && memcmp(t + i, s, k) == 0;
}

/* The first occurrence of s in t[from, n), or (size_t)-1.  memchr finds the
 * candidates: this runs over whole documents on every load. */
static size_t find_str(const char *t, size_t n, size_t from, const char *s)
{
    size_t k = strlen(s);
    while (from < n && k <= n - from) {
        const char *c = memchr(t + from, s[0], n - from - k + 1);
        if (!c)
            break;
        size_t i = (size_t)(c - t);
        if (memcmp(c, s, k) == 0)
            return i;
        from = i + 1;
    }
    return (size_t)-1;
}

/* How many newlines t[from, to) holds. */
static int count_newlines(const char *t, size_t from, size_t to)
{
    int n = 0;
    const char *p = t + from, *end = t + to;
    while (p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        n++;
        p++;
    }
    return n;
}

static int is_name_end(char c)
{
    return isspace((unsigned char)c) || c == '/' || c == '>';
}

/* The '>' closing the tag that starts at t[i] ('<'), skipping quoted
 * attribute values (which may hold '>'); n when there is none. */
static size_t tag_close(const char *t, size_t n, size_t i)
{
    size_t j = i + 1;
    while (j < n) {
        const char *gt = memchr(t + j, '>', n - j);
        if (!gt)
            return n;
        size_t g = (size_t)(gt - t);
        const char *dq = memchr(t + j, '"', g - j), *sq = memchr(t + j, '\'', g - j);
        const char *q = dq && (!sq || dq < sq) ? dq : sq;
        if (!q)
            return g;
        const char *qe = memchr(q + 1, *q, n - (size_t)(q + 1 - t));
        if (!qe)
            return n;
        j = (size_t)(qe - t) + 1;
    }
    return n;
}

/* Finds every element's start and end tag in the raw text.  Runs on text
 * that libxml2 has already accepted, so it only has to know where markup
 * starts and ends: comments, CDATA, processing instructions, and quoted
 * attribute values (which may hold '>'). */
static int cx_scan(xmlsplice_doc *d, dr_err *err)
{
    const char *t = d->text;
    size_t n = d->len, i = 0, cap = 16, depth = 0, scap = 16, lpos = 0;
    int line = 1;
    size_t *stack = dr_malloc(scap * sizeof *stack);
    d->els = dr_malloc(cap * sizeof *d->els);
    d->n_els = 0;
    int rc = DR_OK;
    if (starts_with(t, n, 0, "\xEF\xBB\xBF"))
        i = 3;
    while (i < n) {
        const char *lt = memchr(t + i, '<', n - i);
        if (!lt)
            break;
        i = (size_t)(lt - t);
        size_t e;
        if (starts_with(t, n, i, "<!--")) {
            e = find_str(t, n, i + 4, "-->");
            if (e == (size_t)-1)
                goto bad;
            i = e + 3;
        } else if (starts_with(t, n, i, "<![CDATA[")) {
            e = find_str(t, n, i + 9, "]]>");
            if (e == (size_t)-1)
                goto bad;
            i = e + 3;
        } else if (starts_with(t, n, i, "<?")) {
            e = find_str(t, n, i + 2, "?>");
            if (e == (size_t)-1)
                goto bad;
            i = e + 2;
        } else if (starts_with(t, n, i, "<!")) {
            goto bad;
        } else if (starts_with(t, n, i, "</")) {
            const char *gt = memchr(t + i, '>', n - i);
            if (!gt || depth == 0)
                goto bad;
            xmlsplice_el *el = &d->els[stack[--depth]];
            el->etag_start = i;
            el->etag_end = (size_t)(gt - t) + 1;
            i = el->etag_end;
        } else {
            size_t j = tag_close(t, n, i);
            if (j >= n)
                goto bad;
            if (d->n_els == cap) {
                cap *= 2;
                d->els = dr_realloc(d->els, cap * sizeof *d->els);
            }
            xmlsplice_el *el = &d->els[d->n_els];
            memset(el, 0, sizeof *el);
            el->tag_start = i;
            el->tag_end = j + 1;
            line += count_newlines(t, lpos, i); /* lines counted once, front to back */
            lpos = i;
            el->line = line;
            el->empty = t[j - 1] == '/';
            if (el->empty) {
                el->etag_start = el->etag_end = el->tag_end;
            } else {
                if (depth == scap) {
                    scap *= 2;
                    stack = dr_realloc(stack, scap * sizeof *stack);
                }
                stack[depth++] = d->n_els;
            }
            d->n_els++;
            i = j + 1;
        }
    }
    if (depth != 0)
        goto bad;
    free(stack);
    return rc;
bad:
    free(stack);
    return dr_err_set(err, DR_EPARSE, "%s:%d: could not locate the markup libxml2 accepted",
                      d->file, offset_line(d, i));
}

/* Whether the start tag of el is written prefix:name (name without a prefix
 * when prefix is NULL). */
static int el_name_is(const xmlsplice_doc *d, const xmlsplice_el *el, const char *prefix,
                      const char *name)
{
    const char *raw = d->text + el->tag_start + 1;
    size_t avail = d->len - el->tag_start - 1;
    size_t pl = prefix ? strlen(prefix) : 0, nl = strlen(name);
    if (pl) {
        if (avail < pl + 1 + nl || memcmp(raw, prefix, pl) != 0 || raw[pl] != ':')
            return 0;
        raw += pl + 1;
        avail -= pl + 1;
    } else if (avail < nl) {
        return 0;
    }
    /* an XML name holds no blank, '/' or '>': what follows must end it */
    return memcmp(raw, name, nl) == 0 && (avail == nl || is_name_end(raw[nl]));
}

/* Pairs each element of libxml2's tree with its spans (pre-order = document
 * order) and checks the names agree. */
static int cx_map(xmlsplice_doc *d, dr_err *err)
{
    size_t k = 0;
    xmlNode *n = d->root;
    while (n) {
        if (n->type == XML_ELEMENT_NODE) {
            if (k >= d->n_els)
                goto bad;
            xmlsplice_el *el = &d->els[k];
            if (!el_name_is(d, el, n->ns ? (const char *)n->ns->prefix : NULL, xmlsplice_name(n)))
                goto bad;
            el->node = n;
            n->_private = el;
            k++;
            if (n->children) {
                n = n->children;
                continue;
            }
        }
        while (n != d->root && !n->next)
            n = n->parent;
        n = n == d->root ? NULL : n->next;
    }
    if (k != d->n_els)
        goto bad;
    return DR_OK;
bad:
    return dr_err_set(err, DR_EPARSE, "%s: could not map the elements to the text", d->file);
}

static int encoding_ok(const xmlChar *enc)
{
    if (!enc)
        return 1;
    const char *e = (const char *)enc;
    return !strcasecmp(e, "UTF-8") || !strcasecmp(e, "UTF8") || !strcasecmp(e, "US-ASCII") ||
           !strcasecmp(e, "ASCII");
}

static int blank_before(const xmlsplice_doc *d, size_t off);
static size_t line_begin(const xmlsplice_doc *d, size_t off);

char *xmlsplice_indent_of(const xmlsplice_doc *d, size_t off)
{
    size_t b = line_begin(d, off), e = b;
    while (e < off && (d->text[e] == ' ' || d->text[e] == '\t'))
        e++;
    return dr_strndup(d->text + b, e - b);
}

/* One level of indentation: the first element on a line of its own whose
 * parent is on a line of its own too, minus the parent's indentation. */
static char *cx_detect_unit(const xmlsplice_doc *d)
{
    for (size_t k = 1; k < d->n_els; k++) {
        xmlNode *n = d->els[k].node;
        if (!n->parent || n->parent->type != XML_ELEMENT_NODE)
            continue;
        xmlsplice_el *p = xmlsplice_el_of(n->parent);
        if (!blank_before(d, d->els[k].tag_start) || !blank_before(d, p->tag_start))
            continue;
        char *ci = xmlsplice_indent_of(d, d->els[k].tag_start),
             *pi = xmlsplice_indent_of(d, p->tag_start);
        size_t cl = strlen(ci), pl = strlen(pi);
        char *unit = NULL;
        if (cl > pl && strncmp(ci, pi, pl) == 0)
            unit = dr_strdup(ci + pl);
        free(ci);
        free(pi);
        if (unit)
            return unit;
    }
    return dr_strdup("    ");
}

void xmlsplice_free(xmlsplice_doc *d)
{
    if (d->xml)
        xmlFreeDoc(d->xml);
    free(d->els);
    free(d->unit);
    for (size_t i = 0; i < d->n_edits; i++)
        free(d->edits[i].text);
    free(d->edits);
    dr_buf_free(&d->notes);
    memset(d, 0, sizeof *d);
}

/* A check parse (cx_check_text): libxml2 reports each element as it parses
 * it, and it is compared with the scanner's element of the same rank. */
struct cx_check {
    const xmlsplice_doc *d; /* the text and the scanner's elements */
    size_t k;               /* elements seen so far */
    int mismatch;           /* an element differs from the scanner's, or is extra */
    char *root;             /* the first element's name */
};

static void cx_check_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                           const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                           int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
    (void)uri;
    (void)nb_namespaces;
    (void)namespaces;
    (void)nb_attributes;
    (void)nb_defaulted;
    (void)attributes;
    xmlParserCtxtPtr c = ctx;
    cx_parse *p = c->_private;
    cx_check *k = p->check;
    if (!k->root)
        k->root = dr_strdup((const char *)localname);
    if (k->k >= k->d->n_els ||
        !el_name_is(k->d, &k->d->els[k->k], (const char *)prefix, (const char *)localname))
        k->mismatch = 1;
    k->k++;
}

/* The accepted root names, and how errors name them ("<clickhouse> or
 * <yandex>"). */
static void set_roots(xmlsplice_doc *d, const char *const *roots)
{
    size_t n = 0, at = 0;
    d->roots = roots;
    d->root_hint[0] = '\0';
    while (roots && roots[n])
        n++;
    for (size_t i = 0; i < n && at < sizeof d->root_hint; i++) {
        const char *sep = i == 0 ? "" : i + 1 == n ? " or " : ", ";
        int w = snprintf(d->root_hint + at, sizeof d->root_hint - at, "%s<%s>", sep, roots[i]);
        if (w < 0)
            break;
        at += (size_t)w;
    }
    if (n == 0)
        snprintf(d->root_hint, sizeof d->root_hint, "a root element");
}

static int root_ok(const char *const *roots, const char *name)
{
    if (!roots)
        return 1;
    for (size_t i = 0; roots[i]; i++)
        if (!strcmp(roots[i], name))
            return 1;
    return 0;
}

/* What every text must pass before libxml2 sees it. */
static int cx_text_ok(const xmlsplice_doc *d, dr_err *err)
{
    if (!d->text)
        return dr_err_set(err, DR_EINVAL, "%s: no text given", d->file);
    if (d->len > INT_MAX)
        return dr_err_set(err, DR_EINVAL, "%s: %zu bytes: too large for a config file", d->file,
                          d->len);
    const char *nul = memchr(d->text, '\0', d->len);
    if (nul)
        return dr_err_set(err, DR_EPARSE, "%s:%d: NUL byte: expected UTF-8 text", d->file,
                          offset_line(d, (size_t)(nul - d->text)));
    size_t i = 0;
    while (i < d->len && isspace((unsigned char)d->text[i]))
        i++;
    if (i == d->len)
        return d->roots ? dr_err_set(err, DR_EPARSE, "%s:1: empty file: expected a %s root element",
                                     d->file, d->root_hint)
                        : dr_err_set(err, DR_EPARSE, "%s:1: empty file: expected a root element",
                                     d->file);
    return DR_OK;
}

/* Has libxml2 parse d's text, silently, refusing a DOCTYPE.  Without check,
 * *doc is the tree; with check, no tree is built (*doc is an empty document
 * that only says the encoding) and each element goes to cx_check_start. */
static int cx_xml_parse(const xmlsplice_doc *d, cx_check *check, xmlDoc **doc, dr_err *err)
{
    xmlInitParser();
    cx_parse p = {0};
    dr_buf_init(&p.msg);
    p.check = check;
    xmlStructuredErrorFunc old_s = xmlStructuredError;
    void *old_sctx = xmlStructuredErrorContext;
    xmlGenericErrorFunc old_g = xmlGenericError;
    void *old_gctx = xmlGenericErrorContext;
    xmlSetStructuredErrorFunc(&p, cx_on_error);
    xmlSetGenericErrorFunc(NULL, cx_on_generic);

    *doc = NULL;
    int wf = 0;
    xmlParserCtxtPtr c = xmlCreateMemoryParserCtxt(d->text, (int)d->len);
    if (c) {
        xmlCtxtUseOptions(c, XML_PARSE_NONET);
        c->_private = &p;
        c->sax->internalSubset = cx_on_doctype;
        c->sax->externalSubset = cx_on_external_subset;
        c->sax->entityDecl = cx_on_entity_decl;
        c->sax->resolveEntity = cx_on_resolve;
        /* The tree holds elements and attributes only: text is read from
         * the original bytes (node_text), and text nodes, most of them
         * indentation, were most of the cost of building and freeing it.
         * The parser still checks all of it (characters, references, CDATA,
         * comments, PIs). */
        c->sax->characters = NULL;
        c->sax->ignorableWhitespace = NULL;
        c->sax->cdataBlock = NULL;
        c->sax->comment = NULL;
        c->sax->processingInstruction = NULL;
        c->sax->reference = NULL;
        if (check) { /* no tree at all */
            c->sax->startElementNs = cx_check_start;
            c->sax->endElementNs = NULL;
            c->sax->startElement = NULL;
            c->sax->endElement = NULL;
        }
        xmlParseDocument(c);
        *doc = c->myDoc;
        c->myDoc = NULL;
        wf = c->wellFormed;
        xmlFreeParserCtxt(c);
    }
    xmlSetStructuredErrorFunc(old_sctx, old_s);
    xmlSetGenericErrorFunc(old_gctx, old_g);

    int rc = DR_OK;
    if (!c) {
        rc = dr_err_set(err, DR_ENOMEM, "%s: cannot create an XML parser", d->file);
    } else if (p.doctype) {
        rc = dr_err_set(err, DR_EPARSE,
                        "%s:%d: DOCTYPE declaration: not accepted in a ClickHouse config "
                        "(expected no DTD and no entities)",
                        d->file, p.doctype_line);
    } else if (p.have_error || !wf || !*doc) {
        if (p.code == XML_ERR_DOCUMENT_EMPTY)
            rc = dr_err_set(err, DR_EPARSE,
                            "%s:%d: no root element: expected <clickhouse> or <yandex>", d->file,
                            p.line > 0 ? p.line : 1);
        else
            rc = dr_err_set(err, DR_EPARSE, "%s:%d:%d: malformed XML: %s", d->file,
                            p.line > 0 ? p.line : 1, p.col > 0 ? p.col : 1,
                            p.msg.data ? p.msg.data : "not well-formed");
    }
    dr_buf_free(&p.msg);
    if (rc && *doc) {
        xmlFreeDoc(*doc);
        *doc = NULL;
    }
    if (!rc && !encoding_ok((*doc)->encoding)) {
        rc = dr_err_set(err, DR_EPARSE, "%s:1: encoding \"%s\": expected UTF-8", d->file,
                        (const char *)(*doc)->encoding);
        xmlFreeDoc(*doc);
        *doc = NULL;
    }
    return rc;
}

int xmlsplice_load(xmlsplice_doc *d, const char *file, const char *text, size_t len,
                   const char *const *roots, dr_err *err)
{
    memset(d, 0, sizeof *d);
    d->file = file && *file ? file : "config";
    d->text = text;
    d->len = len;
    set_roots(d, roots);
    int rc = cx_text_ok(d, err);
    if (rc || (rc = cx_xml_parse(d, NULL, &d->xml, err)))
        return rc;
    d->root = xmlDocGetRootElement(d->xml);
    if (!d->root) {
        rc =
            dr_err_set(err, DR_EPARSE, "%s:1: no root element: expected %s", d->file, d->root_hint);
        xmlsplice_free(d);
        return rc;
    }
    if ((rc = cx_scan(d, err)) != DR_OK || (rc = cx_map(d, err)) != DR_OK) {
        xmlsplice_free(d);
        return rc;
    }
    if (d->root->type != XML_ELEMENT_NODE || !root_ok(d->roots, xmlsplice_name(d->root))) {
        rc = xmlsplice_fail(d, d->root, DR_EPARSE, err, "root element is <%s>: expected %s",
                            xmlsplice_name(d->root), d->root_hint);
        xmlsplice_free(d);
        return rc;
    }
    d->nl = find_str(text, len, 0, "\r\n") != (size_t)-1 ? "\r\n" : "\n";
    d->unit = cx_detect_unit(d);
    dr_buf_init(&d->notes);
    return DR_OK;
}

/* Whether text would load (cx_load accepts it), for the result of a patch:
 * the same parser and the same checks (well-formed, no DOCTYPE, UTF-8, the
 * scanner agrees with libxml2 on every element, a config root), but without
 * building a tree, which costs several times the parse itself. */
static int cx_check_text(const char *file, const char *text, size_t len, const char *const *roots,
                         dr_err *err)
{
    xmlsplice_doc d;
    memset(&d, 0, sizeof d);
    set_roots(&d, roots);
    d.file = file && *file ? file : "config";
    d.text = text;
    d.len = len;
    int rc = cx_text_ok(&d, err);
    if (rc)
        return rc;
    dr_err scan_err = {0};
    int scan_rc = cx_scan(&d, &scan_err);
    cx_check check = {&d, 0, 0, NULL};
    xmlDoc *doc = NULL;
    rc = cx_xml_parse(&d, &check, &doc, err);
    if (doc)
        xmlFreeDoc(doc);
    if (rc) {
    } else if (!check.root) {
        rc = dr_err_set(err, DR_EPARSE, "%s:1: no root element: expected %s", d.file, d.root_hint);
    } else if (scan_rc) {
        rc = dr_err_set(err, scan_rc, "%s", scan_err.msg);
    } else if (check.mismatch || check.k != d.n_els) {
        rc = dr_err_set(err, DR_EPARSE, "%s: could not map the elements to the text", d.file);
    } else if (!root_ok(d.roots, check.root)) {
        rc = dr_err_set(err, DR_EPARSE, "%s:%d: root element is <%s>: expected %s", d.file,
                        d.n_els ? d.els[0].line : 1, check.root, d.root_hint);
    }
    free(check.root);
    free(d.els);
    return rc;
}

char *xmlsplice_cat(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *s = dr_malloc(la + lb + 1);
    memcpy(s, a, la);
    memcpy(s + la, b, lb + 1);
    return s;
}

static char *trim_dup(const char *s)
{
    if (!s)
        return dr_strdup("");
    while (*s && isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        n--;
    return dr_strndup(s, n);
}

/* Appends s[0, n) with XML's end-of-line handling: CR LF and a lone CR
 * become LF. */
static void put_eol(dr_buf *b, const char *s, size_t n)
{
    while (n > 0) {
        const char *cr = memchr(s, '\r', n);
        size_t k = cr ? (size_t)(cr - s) : n;
        dr_buf_append(b, s, k);
        if (!cr)
            break;
        dr_buf_putc(b, '\n');
        k++;
        if (k < n && s[k] == '\n')
            k++;
        s += k;
        n -= k;
    }
}

static void put_utf8(dr_buf *b, unsigned long c)
{
    char u[4];
    size_t n;
    if (c < 0x80) {
        u[0] = (char)c, n = 1;
    } else if (c < 0x800) {
        u[0] = (char)(0xC0 | (c >> 6)), u[1] = (char)(0x80 | (c & 0x3F)), n = 2;
    } else if (c < 0x10000) {
        u[0] = (char)(0xE0 | (c >> 12)), u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        u[2] = (char)(0x80 | (c & 0x3F)), n = 3;
    } else {
        u[0] = (char)(0xF0 | (c >> 18)), u[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((c >> 6) & 0x3F)), u[3] = (char)(0x80 | (c & 0x3F)), n = 4;
    }
    dr_buf_append(b, u, n);
}

/* Appends the character a reference t[i, semi] ("&amp;", "&#60;", "&#x3C;")
 * stands for.  Only the predefined entities exist: a DOCTYPE is refused. */
static void put_reference(dr_buf *b, const char *t, size_t i, size_t semi)
{
    static const struct {
        const char *name;
        char c;
    } predefined[] = {{"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"apos", '\''}, {"quot", '"'}};
    const char *r = t + i + 1;
    size_t n = semi - i - 1;
    if (n > 1 && r[0] == '#') {
        int hex = r[1] == 'x';
        unsigned long c = 0;
        for (size_t k = hex ? 2 : 1; k < n && c <= 0x10FFFF; k++)
            c = c * (hex ? 16 : 10) +
                (unsigned long)(isdigit((unsigned char)r[k])
                                    ? r[k] - '0'
                                    : tolower((unsigned char)r[k]) - 'a' + 10);
        put_utf8(b, c);
        return;
    }
    for (size_t k = 0; k < sizeof predefined / sizeof *predefined; k++)
        if (strlen(predefined[k].name) == n && memcmp(predefined[k].name, r, n) == 0) {
            dr_buf_putc(b, predefined[k].c);
            return;
        }
    dr_buf_append(b, t + i, semi + 1 - i); /* not reached: libxml2 refuses it */
}

/* The end of the markup starting at t[i] ('<'): after its '>', skipping
 * comments, CDATA and PIs whole and '>' in quoted attribute values. */
static size_t markup_end(const char *t, size_t n, size_t i)
{
    size_t e;
    if (starts_with(t, n, i, "<!--"))
        return (e = find_str(t, n, i + 4, "-->")) == (size_t)-1 ? n : e + 3;
    if (starts_with(t, n, i, "<![CDATA["))
        return (e = find_str(t, n, i + 9, "]]>")) == (size_t)-1 ? n : e + 3;
    if (starts_with(t, n, i, "<?"))
        return (e = find_str(t, n, i + 2, "?>")) == (size_t)-1 ? n : e + 2;
    e = tag_close(t, n, i);
    return e < n ? e + 1 : n;
}

/* The element's text content as libxml2 would give it (the text and CDATA
 * of the element and its descendants; comments and processing instructions
 * left out; references resolved; CR LF and CR read as LF), trimmed.  It is
 * read from the original bytes, which libxml2 has accepted: the tree holds
 * no text nodes (see cx_xml_parse).  Caller frees. */
char *xmlsplice_text(const xmlsplice_doc *d, xmlNode *n)
{
    const xmlsplice_el *e = xmlsplice_el_of(n);
    const char *t = d->text;
    size_t i = e->tag_end, end = e->empty ? e->tag_end : e->etag_start;
    size_t k = i; /* plain text, the usual case: trimmed as it is */
    while (k < end && t[k] != '<' && t[k] != '&' && t[k] != '\r')
        k++;
    if (k == end) {
        while (i < end && isspace((unsigned char)t[i]))
            i++;
        while (end > i && isspace((unsigned char)t[end - 1]))
            end--;
        return dr_strndup(t + i, end - i);
    }
    dr_buf b = DR_BUF_INIT;
    while (i < end) {
        size_t k = i;
        while (k < end && t[k] != '<' && t[k] != '&')
            k++;
        put_eol(&b, t + i, k - i);
        if (k >= end)
            break;
        if (t[k] == '&') {
            const char *semi = memchr(t + k, ';', end - k);
            if (!semi)
                break;
            put_reference(&b, t, k, (size_t)(semi - t));
            i = (size_t)(semi - t) + 1;
        } else if (starts_with(t, end, k, "<![CDATA[")) {
            size_t ce = find_str(t, end, k + 9, "]]>");
            if (ce == (size_t)-1)
                break;
            put_eol(&b, t + k + 9, ce - (k + 9));
            i = ce + 3;
        } else {
            i = markup_end(t, end, k);
        }
    }
    char *s = trim_dup(b.data);
    dr_buf_free(&b);
    return s;
}

char *xmlsplice_prop(xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
    if (!v)
        return NULL;
    char *s = dr_strdup((const char *)v);
    xmlFree(v);
    return s;
}

xmlNode *xmlsplice_child(xmlNode *p, const char *name)
{
    for (xmlNode *c = p ? p->children : NULL; c; c = c->next)
        if (xmlsplice_is(c, name))
            return c;
    return NULL;
}

void xmlsplice_put_escaped(dr_buf *b, const char *s, int attr)
{
    for (; *s; s++) {
        switch (*s) {
        case '&':
            dr_buf_puts(b, "&amp;");
            break;
        case '<':
            dr_buf_puts(b, "&lt;");
            break;
        case '>':
            dr_buf_puts(b, "&gt;");
            break;
        case '"':
            dr_buf_puts(b, attr ? "&quot;" : "\"");
            break;
        case '\'': /* the attribute may be single-quoted */
            dr_buf_puts(b, attr ? "&apos;" : "'");
            break;
        default:
            dr_buf_putc(b, *s);
        }
    }
}

void xmlsplice_put_leaf(dr_buf *b, const char *name, const char *value)
{
    dr_buf_printf(b, "<%s>", name);
    xmlsplice_put_escaped(b, value, 0);
    dr_buf_printf(b, "</%s>", name);
}

static size_t line_begin(const xmlsplice_doc *d, size_t off)
{
    while (off > 0 && d->text[off - 1] != '\n')
        off--;
    return off;
}

/* Whether only blanks stand between the start of off's line and off.  Looks
 * back from off, not forward from the line's start: in a file written on one
 * line that would be a scan of the text so far, for every element. */
static int blank_before(const xmlsplice_doc *d, size_t off)
{
    while (off > 0 && (d->text[off - 1] == ' ' || d->text[off - 1] == '\t'))
        off--;
    return off == 0 || d->text[off - 1] == '\n';
}

/* When only blanks follow off up to a newline: the offset after it, else 0. */
static size_t line_after(const xmlsplice_doc *d, size_t off)
{
    size_t i = off;
    while (i < d->len && (d->text[i] == ' ' || d->text[i] == '\t' || d->text[i] == '\r'))
        i++;
    return i < d->len && d->text[i] == '\n' ? i + 1 : 0;
}

int xmlsplice_spans_lines(const xmlsplice_doc *d, xmlNode *n)
{
    xmlsplice_el *e = xmlsplice_el_of(n);
    return !e->empty && memchr(d->text + e->tag_end, '\n', e->etag_start - e->tag_end) != NULL;
}

/* Indentation for a new child of p: that of its first child on a line of its
 * own, else p's plus one unit. */
char *xmlsplice_child_indent(const xmlsplice_doc *d, xmlNode *p)
{
    for (xmlNode *c = p->children; c; c = c->next)
        if (xmlsplice_is(c, NULL) && blank_before(d, xmlsplice_el_of(c)->tag_start))
            return xmlsplice_indent_of(d, xmlsplice_el_of(c)->tag_start);
    char *pi = xmlsplice_indent_of(d, xmlsplice_el_of(p)->tag_start);
    char *ci = xmlsplice_cat(pi, d->unit);
    free(pi);
    return ci;
}

/* The unit a multi-line element t uses for its children. */
char *xmlsplice_unit_of(const xmlsplice_doc *d, xmlNode *t)
{
    char *ti = xmlsplice_indent_of(d, xmlsplice_el_of(t)->tag_start);
    char *unit = NULL;
    for (xmlNode *c = t->children; c && !unit; c = c->next) {
        if (!xmlsplice_is(c, NULL) || !blank_before(d, xmlsplice_el_of(c)->tag_start))
            continue;
        char *ci = xmlsplice_indent_of(d, xmlsplice_el_of(c)->tag_start);
        size_t tl = strlen(ti);
        if (strlen(ci) > tl && strncmp(ci, ti, tl) == 0)
            unit = dr_strdup(ci + tl);
        free(ci);
    }
    free(ti);
    return unit ? unit : dr_strdup(d->unit);
}

/* ---- edits -------------------------------------------------------------------- */

void xmlsplice_replace(xmlsplice_doc *d, size_t start, size_t end, const char *text)
{
    if (d->n_edits == d->cap_edits) {
        d->cap_edits = d->cap_edits ? 2 * d->cap_edits : 8;
        d->edits = dr_realloc(d->edits, d->cap_edits * sizeof *d->edits);
    }
    xmlsplice_edit *e = &d->edits[d->n_edits];
    e->start = start;
    e->end = end;
    e->text = dr_strdup(text);
    e->seq = d->n_edits++;
}

static int edit_cmp(const void *a, const void *b)
{
    const xmlsplice_edit *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    int xr = x->end > x->start, yr = y->end > y->start;
    if (xr != yr)
        return xr - yr; /* insertions before a replacement at the same place */
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void xmlsplice_place_free(xmlsplice_place *p)
{
    free(p->indent);
    dr_buf_free(&p->pre);
    dr_buf_free(&p->post);
}

/* Right after sibling s, on a new line if s has its own line. */
void xmlsplice_place_after(xmlsplice_doc *d, xmlNode *s, xmlsplice_place *p)
{
    memset(p, 0, sizeof *p);
    xmlsplice_el *e = xmlsplice_el_of(s);
    p->indent = xmlsplice_indent_of(d, e->tag_start);
    size_t la = line_after(d, e->etag_end);
    if (blank_before(d, e->tag_start) && la) {
        p->at = p->end = la;
        dr_buf_puts(&p->pre, p->indent);
        dr_buf_puts(&p->post, d->nl);
        p->own_line = 1;
    } else {
        p->at = p->end = e->etag_end;
        dr_buf_puts(&p->pre, "");
        dr_buf_puts(&p->post, "");
    }
}

/* The element's name as its start tag writes it (with its prefix), for an
 * end tag to match.  Caller frees. */
static char *tag_name(const xmlsplice_doc *d, const xmlsplice_el *e)
{
    size_t i = e->tag_start + 1;
    while (i < e->tag_end && !is_name_end(d->text[i]))
        i++;
    return dr_strndup(d->text + e->tag_start + 1, i - e->tag_start - 1);
}

/* As the last child of element n. */
void xmlsplice_place_end(xmlsplice_doc *d, xmlNode *n, xmlsplice_place *p)
{
    memset(p, 0, sizeof *p);
    xmlsplice_el *e = xmlsplice_el_of(n);
    char *pi = xmlsplice_indent_of(d, e->tag_start);
    p->indent = xmlsplice_child_indent(d, n);
    p->own_line = 1;
    size_t cs = e->tag_end, ce = e->etag_start;
    int blank = 1;
    for (size_t i = cs; i < ce; i++)
        if (!isspace((unsigned char)d->text[i]))
            blank = 0;
    if (e->empty) {
        size_t s = e->tag_end - 2;
        while (s > e->tag_start && isspace((unsigned char)d->text[s - 1]))
            s--;
        p->at = s;
        p->end = e->tag_end;
        dr_buf_printf(&p->pre, ">%s%s", d->nl, p->indent);
        char *name = tag_name(d, e);
        dr_buf_printf(&p->post, "%s%s</%s>", d->nl, pi, name);
        free(name);
    } else if (blank) {
        p->at = cs;
        p->end = ce;
        dr_buf_printf(&p->pre, "%s%s", d->nl, p->indent);
        dr_buf_printf(&p->post, "%s%s", d->nl, pi);
    } else if (blank_before(d, ce)) {
        p->at = p->end = line_begin(d, ce);
        dr_buf_puts(&p->pre, p->indent);
        dr_buf_puts(&p->post, d->nl);
    } else if (memchr(d->text + cs, '\n', ce - cs)) {
        p->at = p->end = ce;
        dr_buf_printf(&p->pre, "%s%s", d->nl, p->indent);
        dr_buf_printf(&p->post, "%s%s", d->nl, pi);
    } else {
        p->at = p->end = ce;
        dr_buf_puts(&p->pre, "");
        dr_buf_puts(&p->post, "");
        p->own_line = 0;
    }
    free(pi);
}

/* The separator between two new elements at p. */
void xmlsplice_place_sep(const xmlsplice_doc *d, const xmlsplice_place *p, dr_buf *b)
{
    if (p->own_line) {
        dr_buf_puts(b, d->nl);
        dr_buf_puts(b, p->indent);
    }
}

void xmlsplice_place_put(xmlsplice_doc *d, xmlsplice_place *p, const char *block)
{
    dr_buf b = DR_BUF_INIT;
    dr_buf_puts(&b, p->pre.data ? p->pre.data : "");
    dr_buf_puts(&b, block);
    dr_buf_puts(&b, p->post.data ? p->post.data : "");
    xmlsplice_replace(d, p->at, p->end, b.data);
    dr_buf_free(&b);
}

/* Removes element n, with its line when it has one of its own. */
void xmlsplice_delete(xmlsplice_doc *d, xmlNode *n)
{
    xmlsplice_el *e = xmlsplice_el_of(n);
    size_t la = line_after(d, e->etag_end);
    if (blank_before(d, e->tag_start) && la)
        xmlsplice_replace(d, line_begin(d, e->tag_start), la, "");
    else
        xmlsplice_replace(d, e->tag_start, e->etag_end, "");
}

/* Replaces the content of element n by value; <x/> becomes <x>value</x>. */
void xmlsplice_set_text(xmlsplice_doc *d, xmlNode *n, const char *value)
{
    xmlsplice_el *e = xmlsplice_el_of(n);
    dr_buf b = DR_BUF_INIT;
    if (e->empty) {
        size_t s = e->tag_end - 2;
        while (s > e->tag_start && isspace((unsigned char)d->text[s - 1]))
            s--;
        dr_buf_puts(&b, ">");
        xmlsplice_put_escaped(&b, value, 0);
        char *name = tag_name(d, e);
        dr_buf_printf(&b, "</%s>", name);
        free(name);
        xmlsplice_replace(d, s, e->tag_end, b.data);
    } else {
        xmlsplice_put_escaped(&b, value, 0);
        xmlsplice_replace(d, e->tag_end, e->etag_start, b.data ? b.data : "");
    }
    dr_buf_free(&b);
}

/* An attribute in a start tag: as = the blanks before its name, [vs, ve) the
 * value between the quotes, ae = after the closing quote. */
typedef struct cx_attr {
    size_t as, vs, ve, ae;
} cx_attr;

/* Finds attribute `name` of n; *attrs_end is where a new attribute goes. */
static int find_attr(const xmlsplice_doc *d, xmlNode *n, const char *name, cx_attr *a,
                     size_t *attrs_end)
{
    const xmlsplice_el *e = xmlsplice_el_of(n);
    const char *t = d->text;
    size_t i = e->tag_start + 1, lim = e->tag_end, nl = strlen(name);
    int found = 0;
    while (i < lim && !is_name_end(t[i]))
        i++;
    *attrs_end = i;
    for (;;) {
        size_t ws = i;
        while (i < lim && isspace((unsigned char)t[i]))
            i++;
        if (i >= lim || t[i] == '/' || t[i] == '>')
            break;
        size_t ns = i;
        while (i < lim && !isspace((unsigned char)t[i]) && t[i] != '=')
            i++;
        size_t ne = i;
        while (i < lim && isspace((unsigned char)t[i]))
            i++;
        if (i >= lim || t[i] != '=')
            break;
        i++;
        while (i < lim && isspace((unsigned char)t[i]))
            i++;
        if (i >= lim || (t[i] != '"' && t[i] != '\''))
            break;
        char q = t[i];
        size_t vs = i + 1;
        const char *qe = memchr(t + vs, q, lim - vs);
        if (!qe)
            break;
        size_t ve = (size_t)(qe - t);
        i = ve + 1;
        *attrs_end = i;
        if (!found && ne - ns == nl && memcmp(t + ns, name, nl) == 0) {
            a->as = ws;
            a->vs = vs;
            a->ve = ve;
            a->ae = i;
            found = 1;
        }
    }
    return found;
}

/* The text of element n with attribute name set to value (NULL: as is). */
char *xmlsplice_text_with_attr(const xmlsplice_doc *d, xmlNode *n, const char *name,
                               const char *value)
{
    const xmlsplice_el *e = xmlsplice_el_of(n);
    dr_buf b = DR_BUF_INIT;
    cx_attr a;
    size_t ae;
    if (!value) {
        dr_buf_append(&b, d->text + e->tag_start, e->etag_end - e->tag_start);
    } else if (find_attr(d, n, name, &a, &ae)) {
        dr_buf_append(&b, d->text + e->tag_start, a.vs - e->tag_start);
        xmlsplice_put_escaped(&b, value, 1);
        dr_buf_append(&b, d->text + a.ve, e->etag_end - a.ve);
    } else {
        dr_buf_append(&b, d->text + e->tag_start, ae - e->tag_start);
        dr_buf_printf(&b, " %s=\"", name);
        xmlsplice_put_escaped(&b, value, 1);
        dr_buf_puts(&b, "\"");
        dr_buf_append(&b, d->text + ae, e->etag_end - ae);
    }
    size_t len;
    return dr_buf_steal(&b, &len);
}

void xmlsplice_set_attr(xmlsplice_doc *d, xmlNode *n, const char *name, const char *value)
{
    cx_attr a;
    size_t ae;
    dr_buf b = DR_BUF_INIT;
    if (find_attr(d, n, name, &a, &ae)) {
        xmlsplice_put_escaped(&b, value, 1);
        xmlsplice_replace(d, a.vs, a.ve, b.data ? b.data : "");
    } else {
        dr_buf_printf(&b, " %s=\"", name);
        xmlsplice_put_escaped(&b, value, 1);
        dr_buf_puts(&b, "\"");
        xmlsplice_replace(d, ae, ae, b.data);
    }
    dr_buf_free(&b);
}

void xmlsplice_drop_attr(xmlsplice_doc *d, xmlNode *n, const char *name)
{
    cx_attr a;
    size_t ae;
    if (find_attr(d, n, name, &a, &ae))
        xmlsplice_replace(d, a.as, a.ae, "");
}

void xmlsplice_note(xmlsplice_doc *d, const char *fmt, ...)
{
    va_list ap;
    dr_buf_printf(&d->notes, "%s: ", d->file);
    va_start(ap, fmt);
    dr_buf_vprintf(&d->notes, fmt, ap);
    va_end(ap);
    dr_buf_puts(&d->notes, "\n");
}

int xmlsplice_apply(xmlsplice_doc *d, xmlsplice_result *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    size_t unsorted = 1; /* patches mostly record their edits in order */
    while (unsorted < d->n_edits && edit_cmp(&d->edits[unsorted - 1], &d->edits[unsorted]) < 0)
        unsorted++;
    if (unsorted < d->n_edits)
        qsort(d->edits, d->n_edits, sizeof *d->edits, edit_cmp);
    for (size_t i = 1; i < d->n_edits; i++)
        if (d->edits[i - 1].end > d->edits[i].start)
            return dr_err_set(err, DR_ECONFLICT, "%s:%d: overlapping edits (a drctl bug)", d->file,
                              offset_line(d, d->edits[i].start));
    dr_buf b = DR_BUF_INIT;
    size_t pos = 0;
    for (size_t i = 0; i < d->n_edits; i++) {
        dr_buf_append(&b, d->text + pos, d->edits[i].start - pos);
        dr_buf_puts(&b, d->edits[i].text);
        pos = d->edits[i].end;
    }
    dr_buf_append(&b, d->text + pos, d->len - pos);
    if (!b.data)
        dr_buf_puts(&b, "");
    dr_err cerr = {0};
    if (cx_check_text(d->file, b.data, b.len, d->roots, &cerr) != DR_OK) {
        dr_buf_free(&b);
        return dr_err_set(err, DR_EPARSE, "%s: the patched text does not parse (a drctl bug): %s",
                          d->file, cerr.msg);
    }
    out->changed = b.len != d->len || memcmp(b.data, d->text, d->len) != 0;
    out->text = dr_buf_steal(&b, &out->len);
    if (out->changed) {
        size_t nl;
        out->notes = dr_buf_steal(&d->notes, &nl);
    } else {
        out->notes = dr_strdup("");
    }
    return DR_OK;
}

/* A unique child named `name` of p (NULL when absent). */
int xmlsplice_unique_child(xmlsplice_doc *d, xmlNode *p, const char *name, xmlNode **out,
                           dr_err *err)
{
    *out = NULL;
    for (xmlNode *c = p->children; c; c = c->next) {
        if (!xmlsplice_is(c, name))
            continue;
        if (*out)
            return xmlsplice_fail(d, c, DR_EPARSE, err,
                                  "a second <%s> in <%s> (the first is at line %d): expected one",
                                  name, xmlsplice_name(p), xmlsplice_line(d, *out));
        *out = c;
    }
    return DR_OK;
}
