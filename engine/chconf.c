/* chconf: ClickHouse config files, read with libxml2 and patched by splicing
 * the original bytes (see include/chconf.h for the contract).
 *
 * How a patch works: libxml2 parses the text (and is the judge of whether it
 * is well-formed); a small scanner then finds, in the original bytes, the
 * start and end tag of every element, in document order, which is the order
 * of a pre-order walk of libxml2's tree.  Each xmlNode's _private points at
 * its spans.  The tree holds elements and attributes only; an element's text
 * is decoded from its span (node_text).  A patch records splices (replace
 * bytes [start, end) with new text), applies them in one pass, and parses
 * the result again as a check (cx_check_text, without building a tree).
 *
 * Cost: every call is linear in the size of the text (one parse, one scan,
 * one check parse); a patch touching k elements adds O(k log k) for sorting
 * its splices.  Nothing may search the whole text per element. */
#include "chconf.h"

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

#define ZK_DEFAULT_PORT 2181

/* ---- the loaded document ------------------------------------------------- */

typedef struct cx_el {
    xmlNode *node;
    size_t tag_start, tag_end;   /* the start tag: '<' .. after '>' */
    size_t etag_start, etag_end; /* the end tag; both == tag_end for <x/> */
    int empty;                   /* written <x/> */
    int line;                    /* of the start tag */
} cx_el;

typedef struct cx_edit {
    size_t start, end; /* replaces [start, end) of the original text */
    char *text;
    size_t seq;
} cx_edit;

typedef struct cx_doc {
    const char *file;
    const char *text;
    size_t len;
    xmlDoc *xml;
    xmlNode *root;
    cx_el *els;
    size_t n_els;
    const char *nl; /* "\r\n" when the file uses it */
    char *unit;     /* one level of indentation, as the file does it */
    cx_edit *edits;
    size_t n_edits, cap_edits;
    dr_buf notes;
} cx_doc;

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

static cx_el *EL(xmlNode *n)
{
    return n->_private;
}

static int is_el(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE &&
           (!name || xmlStrcmp(n->name, (const xmlChar *)name) == 0);
}

static const char *nname(const xmlNode *n)
{
    return (const char *)n->name;
}

static int offset_line(const cx_doc *d, size_t off)
{
    int line = 1;
    for (size_t i = 0; i < off && i < d->len; i++)
        if (d->text[i] == '\n')
            line++;
    return line;
}

static int node_line(const cx_doc *d, xmlNode *n)
{
    (void)d;
    return n && EL(n) ? EL(n)->line : 1;
}

/* "file:line: " + message. */
__attribute__((format(printf, 5, 6))) static int cx_fail(cx_doc *d, xmlNode *n, int code,
                                                         dr_err *err, const char *fmt, ...)
{
    dr_buf b = DR_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    dr_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    dr_err_set(err, code, "%s:%d: %s", d->file, node_line(d, n), b.data ? b.data : "");
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
static int cx_scan(cx_doc *d, dr_err *err)
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
            cx_el *el = &d->els[stack[--depth]];
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
            cx_el *el = &d->els[d->n_els];
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
static int el_name_is(const cx_doc *d, const cx_el *el, const char *prefix, const char *name)
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
static int cx_map(cx_doc *d, dr_err *err)
{
    size_t k = 0;
    xmlNode *n = d->root;
    while (n) {
        if (n->type == XML_ELEMENT_NODE) {
            if (k >= d->n_els)
                goto bad;
            cx_el *el = &d->els[k];
            if (!el_name_is(d, el, n->ns ? (const char *)n->ns->prefix : NULL, nname(n)))
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

static int blank_before(const cx_doc *d, size_t off);
static size_t line_begin(const cx_doc *d, size_t off);

static char *indent_of(const cx_doc *d, size_t off)
{
    size_t b = line_begin(d, off), e = b;
    while (e < off && (d->text[e] == ' ' || d->text[e] == '\t'))
        e++;
    return dr_strndup(d->text + b, e - b);
}

/* One level of indentation: the first element on a line of its own whose
 * parent is on a line of its own too, minus the parent's indentation. */
static char *cx_detect_unit(const cx_doc *d)
{
    for (size_t k = 1; k < d->n_els; k++) {
        xmlNode *n = d->els[k].node;
        if (!n->parent || n->parent->type != XML_ELEMENT_NODE)
            continue;
        cx_el *p = EL(n->parent);
        if (!blank_before(d, d->els[k].tag_start) || !blank_before(d, p->tag_start))
            continue;
        char *ci = indent_of(d, d->els[k].tag_start), *pi = indent_of(d, p->tag_start);
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

static void cx_free(cx_doc *d)
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
    const cx_doc *d; /* the text and the scanner's elements */
    size_t k;        /* elements seen so far */
    int mismatch;    /* an element differs from the scanner's, or is extra */
    char *root;      /* the first element's name */
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

/* What every text must pass before libxml2 sees it. */
static int cx_text_ok(const cx_doc *d, dr_err *err)
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
        return dr_err_set(err, DR_EPARSE,
                          "%s:1: empty file: expected a <clickhouse> or <yandex> root element",
                          d->file);
    return DR_OK;
}

/* Has libxml2 parse d's text, silently, refusing a DOCTYPE.  Without check,
 * *doc is the tree; with check, no tree is built (*doc is an empty document
 * that only says the encoding) and each element goes to cx_check_start. */
static int cx_xml_parse(const cx_doc *d, cx_check *check, xmlDoc **doc, dr_err *err)
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

static int is_config_root(const char *name)
{
    return !strcmp(name, "clickhouse") || !strcmp(name, "yandex");
}

static int cx_load(cx_doc *d, const char *file, const char *text, size_t len, dr_err *err)
{
    memset(d, 0, sizeof *d);
    d->file = file && *file ? file : "config";
    d->text = text;
    d->len = len;
    int rc = cx_text_ok(d, err);
    if (rc || (rc = cx_xml_parse(d, NULL, &d->xml, err)))
        return rc;
    d->root = xmlDocGetRootElement(d->xml);
    if (!d->root) {
        rc = dr_err_set(err, DR_EPARSE, "%s:1: no root element: expected <clickhouse> or <yandex>",
                        d->file);
        cx_free(d);
        return rc;
    }
    if ((rc = cx_scan(d, err)) != DR_OK || (rc = cx_map(d, err)) != DR_OK) {
        cx_free(d);
        return rc;
    }
    if (d->root->type != XML_ELEMENT_NODE || !is_config_root(nname(d->root))) {
        rc = cx_fail(d, d->root, DR_EPARSE, err,
                     "root element is <%s>: expected <clickhouse> or <yandex>", nname(d->root));
        cx_free(d);
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
static int cx_check_text(const char *file, const char *text, size_t len, dr_err *err)
{
    cx_doc d;
    memset(&d, 0, sizeof d);
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
        rc = dr_err_set(err, DR_EPARSE, "%s:1: no root element: expected <clickhouse> or <yandex>",
                        d.file);
    } else if (scan_rc) {
        rc = dr_err_set(err, scan_rc, "%s", scan_err.msg);
    } else if (check.mismatch || check.k != d.n_els) {
        rc = dr_err_set(err, DR_EPARSE, "%s: could not map the elements to the text", d.file);
    } else if (!is_config_root(check.root)) {
        rc = dr_err_set(err, DR_EPARSE,
                        "%s:%d: root element is <%s>: expected <clickhouse> or "
                        "<yandex>",
                        d.file, d.n_els ? d.els[0].line : 1, check.root);
    }
    free(check.root);
    free(d.els);
    return rc;
}

/* ---- small text helpers ------------------------------------------------------ */

static char *cat(const char *a, const char *b)
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
static char *node_text(const cx_doc *d, xmlNode *n)
{
    const cx_el *e = EL(n);
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

static char *prop(xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
    if (!v)
        return NULL;
    char *s = dr_strdup((const char *)v);
    xmlFree(v);
    return s;
}

static xmlNode *child(xmlNode *p, const char *name)
{
    for (xmlNode *c = p ? p->children : NULL; c; c = c->next)
        if (is_el(c, name))
            return c;
    return NULL;
}

static void put_esc(dr_buf *b, const char *s, int attr)
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
        default:
            dr_buf_putc(b, *s);
        }
    }
}

static void put_leaf(dr_buf *b, const char *name, const char *value)
{
    dr_buf_printf(b, "<%s>", name);
    put_esc(b, value, 0);
    dr_buf_printf(b, "</%s>", name);
}

static int valid_name(const char *s)
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
static int valid_value(const char *s)
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

/* ---- positions in the text ------------------------------------------------------ */

static size_t line_begin(const cx_doc *d, size_t off)
{
    while (off > 0 && d->text[off - 1] != '\n')
        off--;
    return off;
}

/* Whether only blanks stand between the start of off's line and off.  Looks
 * back from off, not forward from the line's start: in a file written on one
 * line that would be a scan of the text so far, for every element. */
static int blank_before(const cx_doc *d, size_t off)
{
    while (off > 0 && (d->text[off - 1] == ' ' || d->text[off - 1] == '\t'))
        off--;
    return off == 0 || d->text[off - 1] == '\n';
}

/* When only blanks follow off up to a newline: the offset after it, else 0. */
static size_t line_after(const cx_doc *d, size_t off)
{
    size_t i = off;
    while (i < d->len && (d->text[i] == ' ' || d->text[i] == '\t' || d->text[i] == '\r'))
        i++;
    return i < d->len && d->text[i] == '\n' ? i + 1 : 0;
}

static int spans_lines(const cx_doc *d, xmlNode *n)
{
    cx_el *e = EL(n);
    return !e->empty && memchr(d->text + e->tag_end, '\n', e->etag_start - e->tag_end) != NULL;
}

/* Indentation for a new child of p: that of its first child on a line of its
 * own, else p's plus one unit. */
static char *child_indent(const cx_doc *d, xmlNode *p)
{
    for (xmlNode *c = p->children; c; c = c->next)
        if (is_el(c, NULL) && blank_before(d, EL(c)->tag_start))
            return indent_of(d, EL(c)->tag_start);
    char *pi = indent_of(d, EL(p)->tag_start);
    char *ci = cat(pi, d->unit);
    free(pi);
    return ci;
}

/* The unit a multi-line element t uses for its children. */
static char *unit_of(const cx_doc *d, xmlNode *t)
{
    char *ti = indent_of(d, EL(t)->tag_start);
    char *unit = NULL;
    for (xmlNode *c = t->children; c && !unit; c = c->next) {
        if (!is_el(c, NULL) || !blank_before(d, EL(c)->tag_start))
            continue;
        char *ci = indent_of(d, EL(c)->tag_start);
        size_t tl = strlen(ti);
        if (strlen(ci) > tl && strncmp(ci, ti, tl) == 0)
            unit = dr_strdup(ci + tl);
        free(ci);
    }
    free(ti);
    return unit ? unit : dr_strdup(d->unit);
}

/* ---- edits -------------------------------------------------------------------- */

static void cx_splice(cx_doc *d, size_t start, size_t end, const char *text)
{
    if (d->n_edits == d->cap_edits) {
        d->cap_edits = d->cap_edits ? 2 * d->cap_edits : 8;
        d->edits = dr_realloc(d->edits, d->cap_edits * sizeof *d->edits);
    }
    cx_edit *e = &d->edits[d->n_edits];
    e->start = start;
    e->end = end;
    e->text = dr_strdup(text);
    e->seq = d->n_edits++;
}

static int edit_cmp(const void *a, const void *b)
{
    const cx_edit *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    int xr = x->end > x->start, yr = y->end > y->start;
    if (xr != yr)
        return xr - yr; /* insertions before a replacement at the same place */
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Where new elements go and what surrounds them. */
typedef struct cx_place {
    size_t at, end;
    char *indent; /* of the new elements' first line */
    dr_buf pre, post;
    int own_line; /* new elements on lines of their own */
} cx_place;

static void place_free(cx_place *p)
{
    free(p->indent);
    dr_buf_free(&p->pre);
    dr_buf_free(&p->post);
}

/* Right after sibling s, on a new line if s has its own line. */
static void place_after(cx_doc *d, xmlNode *s, cx_place *p)
{
    memset(p, 0, sizeof *p);
    cx_el *e = EL(s);
    p->indent = indent_of(d, e->tag_start);
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

/* As the last child of element n. */
static void place_end(cx_doc *d, xmlNode *n, cx_place *p)
{
    memset(p, 0, sizeof *p);
    cx_el *e = EL(n);
    char *pi = indent_of(d, e->tag_start);
    p->indent = child_indent(d, n);
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
        dr_buf_printf(&p->post, "%s%s</%s>", d->nl, pi, nname(n));
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
static void place_sep(const cx_doc *d, const cx_place *p, dr_buf *b)
{
    if (p->own_line) {
        dr_buf_puts(b, d->nl);
        dr_buf_puts(b, p->indent);
    }
}

static void place_put(cx_doc *d, cx_place *p, const char *block)
{
    dr_buf b = DR_BUF_INIT;
    dr_buf_puts(&b, p->pre.data ? p->pre.data : "");
    dr_buf_puts(&b, block);
    dr_buf_puts(&b, p->post.data ? p->post.data : "");
    cx_splice(d, p->at, p->end, b.data);
    dr_buf_free(&b);
}

/* Removes element n, with its line when it has one of its own. */
static void cx_delete(cx_doc *d, xmlNode *n)
{
    cx_el *e = EL(n);
    size_t la = line_after(d, e->etag_end);
    if (blank_before(d, e->tag_start) && la)
        cx_splice(d, line_begin(d, e->tag_start), la, "");
    else
        cx_splice(d, e->tag_start, e->etag_end, "");
}

/* An attribute in a start tag: as = the blanks before its name, [vs, ve) the
 * value between the quotes, ae = after the closing quote. */
typedef struct cx_attr {
    size_t as, vs, ve, ae;
} cx_attr;

/* Finds attribute `name` of n; *attrs_end is where a new attribute goes. */
static int find_attr(const cx_doc *d, xmlNode *n, const char *name, cx_attr *a, size_t *attrs_end)
{
    const cx_el *e = EL(n);
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
static char *el_text_with_attr(const cx_doc *d, xmlNode *n, const char *name, const char *value)
{
    const cx_el *e = EL(n);
    dr_buf b = DR_BUF_INIT;
    cx_attr a;
    size_t ae;
    if (!value) {
        dr_buf_append(&b, d->text + e->tag_start, e->etag_end - e->tag_start);
    } else if (find_attr(d, n, name, &a, &ae)) {
        dr_buf_append(&b, d->text + e->tag_start, a.vs - e->tag_start);
        put_esc(&b, value, 1);
        dr_buf_append(&b, d->text + a.ve, e->etag_end - a.ve);
    } else {
        dr_buf_append(&b, d->text + e->tag_start, ae - e->tag_start);
        dr_buf_printf(&b, " %s=\"", name);
        put_esc(&b, value, 1);
        dr_buf_puts(&b, "\"");
        dr_buf_append(&b, d->text + ae, e->etag_end - ae);
    }
    size_t len;
    return dr_buf_steal(&b, &len);
}

static void set_attr(cx_doc *d, xmlNode *n, const char *name, const char *value)
{
    cx_attr a;
    size_t ae;
    dr_buf b = DR_BUF_INIT;
    if (find_attr(d, n, name, &a, &ae)) {
        put_esc(&b, value, 1);
        cx_splice(d, a.vs, a.ve, b.data ? b.data : "");
    } else {
        dr_buf_printf(&b, " %s=\"", name);
        put_esc(&b, value, 1);
        dr_buf_puts(&b, "\"");
        cx_splice(d, ae, ae, b.data);
    }
    dr_buf_free(&b);
}

static void drop_attr(cx_doc *d, xmlNode *n, const char *name)
{
    cx_attr a;
    size_t ae;
    if (find_attr(d, n, name, &a, &ae))
        cx_splice(d, a.as, a.ae, "");
}

__attribute__((format(printf, 2, 3))) static void note(cx_doc *d, const char *fmt, ...)
{
    va_list ap;
    dr_buf_printf(&d->notes, "%s: ", d->file);
    va_start(ap, fmt);
    dr_buf_vprintf(&d->notes, fmt, ap);
    va_end(ap);
    dr_buf_puts(&d->notes, "\n");
}

/* Applies the edits, checks the result parses as a config again, and fills
 * out. */
static int cx_apply(cx_doc *d, chconf_out *out, dr_err *err)
{
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
    if (cx_check_text(d->file, b.data, b.len, &cerr) != DR_OK) {
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

void chconf_out_free(chconf_out *out)
{
    if (!out)
        return;
    free(out->text);
    free(out->notes);
    memset(out, 0, sizeof *out);
}

/* ---- common entry ---------------------------------------------------------- */

static int cx_open(const chconf_in *in, const char *def, cx_doc *d, const char **section,
                   dr_err *err)
{
    if (!in)
        return dr_err_set(err, DR_EINVAL, "chconf: no input");
    *section = in->section ? in->section : def;
    if (!valid_name(*section))
        return dr_err_set(err, DR_EINVAL, "%s: section name '%s': expected an XML element name",
                          in->file ? in->file : "config", *section);
    return cx_load(d, in->file, in->text, in->len, err);
}

/* The section element (NULL when absent); two of them is an error. */
static int find_section(cx_doc *d, const char *name, xmlNode **out, dr_err *err)
{
    *out = NULL;
    for (xmlNode *c = d->root->children; c; c = c->next) {
        if (!is_el(c, name))
            continue;
        if (*out)
            return cx_fail(d, c, DR_EPARSE, err,
                           "a second <%s> (the first is at line %d): expected one", name,
                           node_line(d, *out));
        *out = c;
    }
    return DR_OK;
}

/* A unique child named `name` of p (NULL when absent). */
static int unique_child(cx_doc *d, xmlNode *p, const char *name, xmlNode **out, dr_err *err)
{
    *out = NULL;
    for (xmlNode *c = p->children; c; c = c->next) {
        if (!is_el(c, name))
            continue;
        if (*out)
            return cx_fail(d, c, DR_EPARSE, err,
                           "a second <%s> in <%s> (the first is at line %d): expected one", name,
                           nname(p), node_line(d, *out));
        *out = c;
    }
    return DR_OK;
}

/* A section with incl= takes its content from the substitution file; writing
 * here too would have ClickHouse merge both. */
static int check_incl(cx_doc *d, xmlNode *sec, unsigned flags, dr_err *err)
{
    if (!sec)
        return DR_OK;
    char *incl = prop(sec, "incl");
    if (!incl)
        return DR_OK;
    if (!(flags & CHCONF_INLINE)) {
        int rc = cx_fail(d, sec, DR_EREFUSED, err,
                         "<%s> takes its content from the substitution '%s' (incl=, found in the "
                         "include_from file, /etc/metrika.xml by default): patch that file's <%s> "
                         "instead, or inline the section here",
                         nname(sec), incl, incl);
        free(incl);
        return rc;
    }
    drop_attr(d, sec, "incl");
    drop_attr(d, sec, "optional");
    note(d, "<%s>: dropped incl=\"%s\", content now inline", nname(sec), incl);
    free(incl);
    return DR_OK;
}

/* Wraps a block of children (indented for indent+unit) in a new section and
 * puts it last in the root. */
static void add_section(cx_doc *d, const char *name, const char *children_block)
{
    cx_place p;
    place_end(d, d->root, &p);
    dr_buf b = DR_BUF_INIT;
    dr_buf_printf(&b, "<%s>%s", name, d->nl);
    dr_buf_puts(&b, children_block);
    dr_buf_printf(&b, "%s%s</%s>", d->nl, p.indent, name);
    place_put(d, &p, b.data);
    dr_buf_free(&b);
    place_free(&p);
}

/* ---- generators ------------------------------------------------------------ */

typedef struct cx_fmt {
    const char *nl;
    const char *indent; /* of the element's own lines */
    const char *unit;
    int multi; /* children on lines of their own */
} cx_fmt;

static void child_sep(dr_buf *b, const cx_fmt *f, const char *ci)
{
    if (f->multi) {
        dr_buf_puts(b, f->nl);
        dr_buf_puts(b, ci);
    }
}

static void close_el(dr_buf *b, const cx_fmt *f, const char *name)
{
    if (f->multi) {
        dr_buf_puts(b, f->nl);
        dr_buf_puts(b, f->indent);
    }
    dr_buf_printf(b, "</%s>", name);
}

static void gen_zk_node(dr_buf *b, const cx_fmt *f, const chconf_endpoint *e, int index)
{
    char *ci = cat(f->indent, f->unit);
    dr_buf_puts(b, "<node");
    if (index > 0)
        dr_buf_printf(b, " index=\"%d\"", index);
    dr_buf_puts(b, ">");
    child_sep(b, f, ci);
    put_leaf(b, "host", e->host);
    child_sep(b, f, ci);
    dr_buf_printf(b, "<port>%d</port>", e->port);
    close_el(b, f, "node");
    free(ci);
}

static void gen_replica(dr_buf *b, const cx_fmt *f, const chconf_replica_spec *r)
{
    char *ci = cat(f->indent, f->unit);
    dr_buf_puts(b, "<replica>");
    child_sep(b, f, ci);
    put_leaf(b, "host", r->host);
    child_sep(b, f, ci);
    dr_buf_printf(b, "<port>%d</port>", r->port);
    for (size_t i = 0; i < r->n_extra; i++) {
        child_sep(b, f, ci);
        put_leaf(b, r->extra[i].name, r->extra[i].value);
    }
    close_el(b, f, "replica");
    free(ci);
}

static void gen_shard(dr_buf *b, const cx_fmt *f, const char *internal_replication,
                      const chconf_replica_spec *replicas, size_t n)
{
    char *ci = cat(f->indent, f->unit);
    cx_fmt cf = {f->nl, ci, f->unit, f->multi};
    dr_buf_puts(b, "<shard>");
    if (internal_replication) {
        child_sep(b, f, ci);
        put_leaf(b, "internal_replication", internal_replication);
    }
    for (size_t i = 0; i < n; i++) {
        child_sep(b, f, ci);
        gen_replica(b, &cf, &replicas[i]);
    }
    close_el(b, f, "shard");
    free(ci);
}

static void gen_cluster(dr_buf *b, const cx_fmt *f, const chconf_cluster_spec *c)
{
    char *ci = cat(f->indent, f->unit);
    cx_fmt cf = {f->nl, ci, f->unit, f->multi};
    const char *ir = c->internal_replication ? c->internal_replication : "true";
    dr_buf_printf(b, "<%s>", c->name);
    for (size_t i = 0; i < c->n_shards; i++) {
        child_sep(b, f, ci);
        gen_shard(b, &cf, ir, c->shards[i].replicas, c->shards[i].n_replicas);
    }
    close_el(b, f, c->name);
    free(ci);
}

/* ---- validation of inputs ------------------------------------------------------ */

static int check_endpoint(const char *file, const char *what, const chconf_endpoint *e,
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

static int check_pairs(const char *file, const char *what, const chconf_pair *p, size_t n,
                       dr_err *err)
{
    for (size_t i = 0; i < n; i++) {
        if (!valid_name(p[i].name))
            return dr_err_set(err, DR_EINVAL, "%s: %s name '%s': expected an XML element name",
                              file, what, p[i].name ? p[i].name : "(null)");
        if (!valid_value(p[i].value))
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

static int check_replica(const char *file, const chconf_replica_spec *r, dr_err *err)
{
    if (!r)
        return dr_err_set(err, DR_EINVAL, "%s: no replica given", file);
    chconf_endpoint e = {r->host, r->port};
    int rc = check_endpoint(file, "replica", &e, 0, err);
    if (rc)
        return rc;
    for (size_t i = 0; i < r->n_extra; i++)
        if (r->extra[i].name &&
            (!strcmp(r->extra[i].name, "host") || !strcmp(r->extra[i].name, "port")))
            return dr_err_set(err, DR_EINVAL,
                              "%s: replica %s: extra child <%s>: host and port "
                              "are given apart",
                              file, r->host, r->extra[i].name);
    return check_pairs(file, "replica child", r->extra, r->n_extra, err);
}

static int check_cluster(const char *file, const chconf_cluster_spec *c, dr_err *err)
{
    if (!c || !valid_name(c->name))
        return dr_err_set(err, DR_EINVAL, "%s: cluster name '%s': expected an XML element name",
                          file, c && c->name ? c->name : "(null)");
    if (c->internal_replication && !valid_value(c->internal_replication))
        return dr_err_set(err, DR_EINVAL, "%s: cluster %s: bad internal_replication value", file,
                          c->name);
    if (c->n_shards == 0 || !c->shards)
        return dr_err_set(err, DR_EINVAL, "%s: cluster %s: expected at least one shard", file,
                          c->name);
    for (size_t s = 0; s < c->n_shards; s++) {
        if (c->shards[s].n_replicas == 0 || !c->shards[s].replicas)
            return dr_err_set(err, DR_EINVAL,
                              "%s: cluster %s shard %zu: expected at least one replica", file,
                              c->name, s + 1);
        for (size_t r = 0; r < c->shards[s].n_replicas; r++) {
            int rc = check_replica(file, &c->shards[s].replicas[r], err);
            if (rc)
                return rc;
        }
    }
    return DR_OK;
}

/* ---- root and includes ------------------------------------------------------ */

int chconf_root(const chconf_in *in, char **root, dr_err *err)
{
    cx_doc d;
    *root = NULL;
    if (!in)
        return dr_err_set(err, DR_EINVAL, "chconf: no input");
    int rc = cx_load(&d, in->file, in->text, in->len, err);
    if (rc)
        return rc;
    *root = dr_strdup(nname(d.root));
    cx_free(&d);
    return DR_OK;
}

int chconf_includes_read(const chconf_in *in, chconf_includes *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    cx_doc d;
    if (!in)
        return dr_err_set(err, DR_EINVAL, "chconf: no input");
    int rc = cx_load(&d, in->file, in->text, in->len, err);
    if (rc)
        return rc;
    size_t cap = 0;
    for (xmlNode *c = d.root->children; c; c = c->next) {
        if (!is_el(c, NULL))
            continue;
        if (is_el(c, "include_from") && !out->include_from)
            out->include_from = node_text(&d, c);
        char *incl = prop(c, "incl");
        if (!incl)
            continue;
        if (out->n == cap) {
            cap = cap ? 2 * cap : 4;
            out->v = dr_realloc(out->v, cap * sizeof *out->v);
        }
        chconf_incl *i = &out->v[out->n++];
        i->element = dr_strdup(nname(c));
        i->name = incl;
        char *opt = prop(c, "optional");
        i->optional = opt && (!strcmp(opt, "true") || !strcmp(opt, "1"));
        free(opt);
        i->line = node_line(&d, c);
    }
    cx_free(&d);
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

/* ---- zookeeper ---------------------------------------------------------------- */

/* Host and port of a <node> or <replica>; port default_port when absent. */
static int read_host_port(cx_doc *d, xmlNode *n, int default_port, char **host, int *port,
                          dr_err *err)
{
    xmlNode *h, *p;
    int rc;
    *host = NULL;
    if ((rc = unique_child(d, n, "host", &h, err)) || (rc = unique_child(d, n, "port", &p, err)))
        return rc;
    if (!h)
        return cx_fail(d, n, DR_EPARSE, err, "<%s> without <host>: expected a host", nname(n));
    *port = default_port;
    if (p) {
        char *ps = node_text(d, p);
        if (parse_port(ps, port)) {
            rc = cx_fail(d, p, DR_EPARSE, err, "<port> is '%s': expected a port number 1..65535",
                         ps);
            free(ps);
            return rc;
        }
        free(ps);
    }
    *host = node_text(d, h);
    if (!**host) {
        free(*host);
        *host = NULL;
        return cx_fail(d, h, DR_EPARSE, err, "empty <host>: expected a host name or address");
    }
    return DR_OK;
}

static void wipe(char *s)
{
    if (s) {
        volatile char *p = s;
        while (*p)
            *p++ = 0;
    }
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
        wipe(zk->settings[i].value);
        free(zk->settings[i].value);
    }
    free(zk->settings);
    free(zk->incl);
    memset(zk, 0, sizeof *zk);
}

int chconf_zk_read(const chconf_in *in, chconf_zk *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    cx_doc d;
    const char *name;
    xmlNode *sec;
    int rc = cx_open(in, "zookeeper", &d, &name, err);
    if (rc)
        return rc;
    if ((rc = find_section(&d, name, &sec, err)) || !sec)
        goto done;
    out->found = 1;
    out->incl = prop(sec, "incl");
    out->line = node_line(&d, sec);
    size_t cn = 0, cs = 0;
    for (xmlNode *c = sec->children; c; c = c->next) {
        if (!is_el(c, NULL))
            continue;
        if (is_el(c, "node")) {
            chconf_zk_node z = {0};
            if ((rc = read_host_port(&d, c, ZK_DEFAULT_PORT, &z.host, &z.port, err)))
                goto done;
            z.index = prop(c, "index");
            z.line = node_line(&d, c);
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
            out->settings[out->n_settings].name = dr_strdup(nname(c));
            out->settings[out->n_settings].value = node_text(&d, c);
            out->n_settings++;
        }
    }
done:
    if (rc)
        chconf_zk_free(out);
    cx_free(&d);
    return rc;
}

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

/* Style for a new element: that of template t when there is one, else
 * multi-line when on a line of its own. */
static void fmt_for(cx_doc *d, xmlNode *t, const char *indent, int own_line, cx_fmt *f, char **unit)
{
    f->nl = d->nl;
    f->indent = indent;
    if (t) {
        f->multi = spans_lines(d, t);
        *unit = f->multi ? unit_of(d, t) : dr_strdup(d->unit);
    } else {
        f->multi = own_line;
        *unit = dr_strdup(d->unit);
    }
    f->unit = *unit;
}

int chconf_zk_set_nodes(const chconf_in *in, const chconf_endpoint *nodes, size_t n, unsigned flags,
                        chconf_out *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    const char *file = in && in->file ? in->file : "config";
    if (n == 0 || !nodes)
        return dr_err_set(err, DR_EINVAL, "%s: expected at least one ZooKeeper node", file);
    for (size_t i = 0; i < n; i++) {
        int rc = check_endpoint(file, "ZooKeeper node", &nodes[i], 0, err);
        if (rc)
            return rc;
        for (size_t j = 0; j < i; j++)
            if (!strcasecmp(nodes[i].host, nodes[j].host) && nodes[i].port == nodes[j].port)
                return dr_err_set(err, DR_EINVAL, "%s: ZooKeeper node %s:%d given twice", file,
                                  nodes[i].host, nodes[i].port);
    }
    cx_doc d;
    const char *name;
    xmlNode *sec;
    zk_have *have = NULL;
    size_t k = 0;
    int rc = cx_open(in, "zookeeper", &d, &name, err);
    if (rc)
        return rc;
    if ((rc = find_section(&d, name, &sec, err)) || (rc = check_incl(&d, sec, flags, err)))
        goto done;

    if (!sec) {
        char *ci = child_indent(&d, d.root), *ni = cat(ci, d.unit);
        cx_fmt f = {d.nl, ni, d.unit, 1};
        dr_buf b = DR_BUF_INIT;
        for (size_t i = 0; i < n; i++) {
            if (i)
                dr_buf_puts(&b, d.nl);
            dr_buf_puts(&b, ni);
            gen_zk_node(&b, &f, &nodes[i], (int)i + 1);
        }
        add_section(&d, name, b.data);
        note(&d, "<%s>: created with %zu nodes", name, n);
        dr_buf_free(&b);
        free(ci);
        free(ni);
        rc = cx_apply(&d, out, err);
        goto done;
    }

    size_t cap = 0;
    int numbered = 0;
    for (xmlNode *c = sec->children; c; c = c->next) {
        if (!is_el(c, "node"))
            continue;
        if (k == cap) {
            cap = cap ? 2 * cap : 4;
            have = dr_realloc(have, cap * sizeof *have);
        }
        have[k].n = c;
        if ((rc = read_host_port(&d, c, ZK_DEFAULT_PORT, &have[k].host, &have[k].port, err)))
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
            char *cur = prop(have[i].n, "index");
            if (numbered && (!cur || strcmp(cur, idx))) {
                set_attr(&d, have[i].n, "index", idx);
                note(&d, "<%s>: node %s:%d numbered index=\"%s\"", name, nodes[i].host,
                     nodes[i].port, idx);
            }
            free(cur);
            continue;
        }
        char *text;
        if (j >= 0) {
            text = el_text_with_attr(&d, have[j].n, "index", numbered ? idx : NULL);
        } else {
            char *ind = indent_of(&d, EL(have[i].n)->tag_start), *unit;
            cx_fmt f;
            fmt_for(&d, have[i].n, ind, 1, &f, &unit);
            dr_buf b = DR_BUF_INIT;
            gen_zk_node(&b, &f, &nodes[i], numbered ? (int)i + 1 : 0);
            size_t l;
            text = dr_buf_steal(&b, &l);
            free(ind);
            free(unit);
        }
        cx_splice(&d, EL(have[i].n)->tag_start, EL(have[i].n)->etag_end, text);
        free(text);
        note(&d, "<%s>: node %zu: %s:%d -> %s:%d", name, i + 1, have[i].host, have[i].port,
             nodes[i].host, nodes[i].port);
    }
    if (n > k) {
        cx_place p;
        if (k)
            place_after(&d, have[k - 1].n, &p);
        else
            place_end(&d, sec, &p);
        xmlNode *t = k ? have[k - 1].n : NULL;
        char *unit;
        cx_fmt f;
        fmt_for(&d, t, p.indent, p.own_line, &f, &unit);
        dr_buf b = DR_BUF_INIT;
        for (size_t i = k; i < n; i++) {
            if (i > k)
                place_sep(&d, &p, &b);
            int j = zk_find(have, k, &nodes[i]);
            snprintf(idx, sizeof idx, "%zu", i + 1);
            if (j >= 0) {
                char *text = el_text_with_attr(&d, have[j].n, "index", numbered ? idx : NULL);
                dr_buf_puts(&b, text);
                free(text);
            } else {
                gen_zk_node(&b, &f, &nodes[i], numbered ? (int)i + 1 : 0);
            }
            note(&d, "<%s>: node %zu: added %s:%d", name, i + 1, nodes[i].host, nodes[i].port);
        }
        place_put(&d, &p, b.data);
        dr_buf_free(&b);
        free(unit);
        place_free(&p);
    }
    for (size_t i = n; i < k; i++) {
        cx_delete(&d, have[i].n);
        note(&d, "<%s>: node %zu: removed %s:%d", name, i + 1, have[i].host, have[i].port);
    }
    rc = cx_apply(&d, out, err);
done:
    for (size_t i = 0; i < k; i++)
        free(have[i].host);
    free(have);
    cx_free(&d);
    return rc;
}

/* ---- remote_servers --------------------------------------------------------- */

static void replica_free(chconf_replica *r)
{
    free(r->host);
    for (size_t i = 0; i < r->n_extra; i++) {
        free(r->extra[i].name);
        wipe(r->extra[i].value);
        free(r->extra[i].value);
    }
    free(r->extra);
}

void chconf_remote_free(chconf_remote *r)
{
    if (!r)
        return;
    for (size_t c = 0; c < r->n_clusters; c++) {
        chconf_cluster *cl = &r->clusters[c];
        for (size_t s = 0; s < cl->n_shards; s++) {
            chconf_shard *sh = &cl->shards[s];
            for (size_t i = 0; i < sh->n_replicas; i++)
                replica_free(&sh->replicas[i]);
            free(sh->replicas);
            free(sh->internal_replication);
            free(sh->weight);
        }
        free(cl->shards);
        free(cl->name);
    }
    free(r->clusters);
    free(r->incl);
    memset(r, 0, sizeof *r);
}

static int is_shard(const xmlNode *n)
{
    return is_el(n, "shard") || is_el(n, "node");
}

static int read_replica(cx_doc *d, xmlNode *n, chconf_replica *r, dr_err *err)
{
    memset(r, 0, sizeof *r);
    int rc = read_host_port(d, n, 0, &r->host, &r->port, err);
    if (rc)
        return rc;
    r->line = node_line(d, n);
    size_t cap = 0;
    for (xmlNode *c = n->children; c; c = c->next) {
        if (!is_el(c, NULL) || is_el(c, "host") || is_el(c, "port"))
            continue;
        if (r->n_extra == cap) {
            cap = cap ? 2 * cap : 4;
            r->extra = dr_realloc(r->extra, cap * sizeof *r->extra);
        }
        r->extra[r->n_extra].name = dr_strdup(nname(c));
        r->extra[r->n_extra].value = node_text(d, c);
        r->n_extra++;
    }
    return DR_OK;
}

static int read_shard(cx_doc *d, xmlNode *n, chconf_shard *s, dr_err *err)
{
    memset(s, 0, sizeof *s);
    s->line = node_line(d, n);
    if (is_el(n, "node")) {
        s->shorthand = 1;
        s->replicas = dr_calloc(1, sizeof *s->replicas);
        s->n_replicas = 1;
        return read_replica(d, n, &s->replicas[0], err);
    }
    size_t cap = 0;
    for (xmlNode *c = n->children; c; c = c->next) {
        if (is_el(c, "internal_replication") && !s->internal_replication)
            s->internal_replication = node_text(d, c);
        else if (is_el(c, "weight") && !s->weight)
            s->weight = node_text(d, c);
        else if (is_el(c, "replica")) {
            if (s->n_replicas == cap) {
                cap = cap ? 2 * cap : 4;
                s->replicas = dr_realloc(s->replicas, cap * sizeof *s->replicas);
            }
            int rc = read_replica(d, c, &s->replicas[s->n_replicas], err);
            if (rc)
                return rc;
            s->n_replicas++;
        }
    }
    return DR_OK;
}

static int read_cluster(cx_doc *d, xmlNode *n, chconf_cluster *c, dr_err *err)
{
    memset(c, 0, sizeof *c);
    c->name = dr_strdup(nname(n));
    c->line = node_line(d, n);
    size_t cap = 0;
    for (xmlNode *s = n->children; s; s = s->next) {
        if (!is_shard(s))
            continue;
        if (c->n_shards == cap) {
            cap = cap ? 2 * cap : 4;
            c->shards = dr_realloc(c->shards, cap * sizeof *c->shards);
        }
        int rc = read_shard(d, s, &c->shards[c->n_shards++], err);
        if (rc)
            return rc;
    }
    return DR_OK;
}

typedef struct named_child {
    xmlNode *n;
    size_t i; /* rank among the element children */
} named_child;

static int named_child_cmp(const void *a, const void *b)
{
    const named_child *x = a, *y = b;
    int c = strcmp(nname(x->n), nname(y->n));
    return c ? c : x->i < y->i ? -1 : x->i > y->i;
}

/* The first element child of p (in file order) whose name an earlier one
 * already has, in *dup, and that earlier one in *orig; NULLs when the names
 * are unique.  Sorted, not compared pairwise: a remote_servers section may
 * hold thousands of clusters. */
static void first_repeat(xmlNode *p, xmlNode **dup, xmlNode **orig)
{
    size_t n = 0, cap = 0;
    named_child *v = NULL;
    *dup = *orig = NULL;
    for (xmlNode *c = p->children; c; c = c->next) {
        if (!is_el(c, NULL))
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 16;
            v = dr_realloc(v, cap * sizeof *v);
        }
        v[n].n = c;
        v[n].i = n;
        n++;
    }
    if (n > 1)
        qsort(v, n, sizeof *v, named_child_cmp);
    size_t best = SIZE_MAX;
    for (size_t k = 1, first = 0; k < n; k++) {
        if (strcmp(nname(v[k].n), nname(v[first].n))) {
            first = k;
            continue;
        }
        if (k == first + 1 && v[k].i < best) { /* the second of its name */
            best = v[k].i;
            *dup = v[k].n;
            *orig = v[first].n;
        }
    }
    free(v);
}

int chconf_remote_read(const chconf_in *in, chconf_remote *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    cx_doc d;
    const char *name;
    xmlNode *sec;
    int rc = cx_open(in, "remote_servers", &d, &name, err);
    if (rc)
        return rc;
    if ((rc = find_section(&d, name, &sec, err)) || !sec)
        goto done;
    out->found = 1;
    out->incl = prop(sec, "incl");
    out->line = node_line(&d, sec);
    size_t cap = 0;
    xmlNode *dup, *orig;
    first_repeat(sec, &dup, &orig);
    for (xmlNode *c = sec->children; c; c = c->next) {
        if (!is_el(c, NULL))
            continue;
        if (c == dup) {
            rc = cx_fail(&d, c, DR_EPARSE, err,
                         "a second cluster <%s> (the first is at line %d): expected one", nname(c),
                         node_line(&d, orig));
            goto done;
        }
        if (out->n_clusters == cap) {
            cap = cap ? 2 * cap : 4;
            out->clusters = dr_realloc(out->clusters, cap * sizeof *out->clusters);
        }
        rc = read_cluster(&d, c, &out->clusters[out->n_clusters++], err);
        if (rc)
            goto done;
    }
done:
    if (rc)
        chconf_remote_free(out);
    cx_free(&d);
    return rc;
}

const chconf_cluster *chconf_remote_find(const chconf_remote *r, const char *cluster)
{
    for (size_t i = 0; r && cluster && i < r->n_clusters; i++)
        if (!strcmp(r->clusters[i].name, cluster))
            return &r->clusters[i];
    return NULL;
}

/* The shards of cluster element c, in file order. */
static size_t shard_nodes(xmlNode *c, xmlNode ***out)
{
    size_t n = 0, cap = 0;
    *out = NULL;
    for (xmlNode *s = c->children; s; s = s->next) {
        if (!is_shard(s))
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 4;
            *out = dr_realloc(*out, cap * sizeof **out);
        }
        (*out)[n++] = s;
    }
    return n;
}

/* The replica elements of shard s (the shard itself for a <node>). */
static size_t replica_nodes(xmlNode *s, xmlNode ***out)
{
    size_t n = 0, cap = 0;
    *out = NULL;
    if (is_el(s, "node")) {
        *out = dr_malloc(sizeof **out);
        (*out)[0] = s;
        return 1;
    }
    for (xmlNode *r = s->children; r; r = r->next) {
        if (!is_el(r, "replica"))
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 4;
            *out = dr_realloc(*out, cap * sizeof **out);
        }
        (*out)[n++] = r;
    }
    return n;
}

static int find_cluster(cx_doc *d, xmlNode *sec, const char *cluster, xmlNode **out, dr_err *err)
{
    *out = NULL;
    return sec ? unique_child(d, sec, cluster, out, err) : DR_OK;
}

/* Puts a new cluster last in the section, creating the section if needed. */
static void add_cluster(cx_doc *d, const char *section, xmlNode *sec, const chconf_cluster_spec *c)
{
    dr_buf b = DR_BUF_INIT;
    if (!sec) {
        char *si = child_indent(d, d->root), *ci = cat(si, d->unit);
        cx_fmt f = {d->nl, ci, d->unit, 1};
        dr_buf_puts(&b, ci);
        gen_cluster(&b, &f, c);
        add_section(d, section, b.data);
        free(si);
        free(ci);
    } else {
        cx_place p;
        xmlNode *last = NULL;
        for (xmlNode *x = sec->children; x; x = x->next)
            if (is_el(x, NULL))
                last = x;
        if (last)
            place_after(d, last, &p);
        else
            place_end(d, sec, &p);
        char *unit;
        cx_fmt f;
        fmt_for(d, last, p.indent, p.own_line, &f, &unit);
        if (!last || !f.multi) {
            f.multi = p.own_line;
            free(unit);
            unit = dr_strdup(d->unit);
            f.unit = unit;
        }
        gen_cluster(&b, &f, c);
        place_put(d, &p, b.data);
        free(unit);
        place_free(&p);
    }
    note(d, "<%s>: created cluster '%s' with %zu shard(s)", section, c->name, c->n_shards);
    dr_buf_free(&b);
}

static int endpoint_matches(cx_doc *d, xmlNode *r, const char *host, int port, int *match,
                            dr_err *err)
{
    char *h;
    int p;
    int rc = read_host_port(d, r, 0, &h, &p, err);
    if (rc)
        return rc;
    *match = !strcasecmp(h, host) && (port == 0 || p == port);
    free(h);
    return DR_OK;
}

int chconf_remote_add_replica(const chconf_in *in, const char *cluster, int shard_num,
                              const chconf_replica_spec *replica, unsigned flags, chconf_out *out,
                              dr_err *err)
{
    memset(out, 0, sizeof *out);
    const char *file = in && in->file ? in->file : "config";
    int rc;
    if (!valid_name(cluster))
        return dr_err_set(err, DR_EINVAL, "%s: cluster name '%s': expected an XML element name",
                          file, cluster ? cluster : "(null)");
    if (shard_num < 0)
        return dr_err_set(err, DR_EINVAL, "%s: shard %d: expected 1.. or CHCONF_NEW_SHARD", file,
                          shard_num);
    if ((rc = check_replica(file, replica, err)))
        return rc;
    cx_doc d;
    const char *name;
    xmlNode *sec, *c, **shards = NULL, **reps = NULL;
    size_t ns = 0, nr = 0;
    if ((rc = cx_open(in, "remote_servers", &d, &name, err)))
        return rc;
    if ((rc = find_section(&d, name, &sec, err)) || (rc = check_incl(&d, sec, flags, err)) ||
        (rc = find_cluster(&d, sec, cluster, &c, err)))
        goto done;
    if (!c) {
        if (shard_num > 1) {
            rc = dr_err_set(err, DR_ENOTFOUND,
                            "%s: no cluster '%s' in <%s>, so it has no shard %d: expected shard 1 "
                            "or a new shard to create it",
                            d.file, cluster, name, shard_num);
            goto done;
        }
        chconf_shard_spec s = {replica, 1};
        chconf_cluster_spec cs = {cluster, NULL, &s, 1};
        add_cluster(&d, name, sec, &cs);
        note(&d, "<%s>: cluster '%s' shard 1: added replica %s:%d", name, cluster, replica->host,
             replica->port);
        rc = cx_apply(&d, out, err);
        goto done;
    }
    ns = shard_nodes(c, &shards);
    for (size_t s = 0; s < ns; s++) {
        free(reps);
        nr = replica_nodes(shards[s], &reps);
        for (size_t r = 0; r < nr; r++) {
            int m;
            if ((rc = endpoint_matches(&d, reps[r], replica->host, replica->port, &m, err)))
                goto done;
            if (!m)
                continue;
            /* Already there: in the shard asked for, or, for a new shard,
             * alone in a shard of its own (what a first call would make). */
            if ((int)s + 1 == shard_num || (shard_num == CHCONF_NEW_SHARD && nr == 1)) {
                rc = cx_apply(&d, out, err);
                goto done;
            }
            rc = cx_fail(&d, reps[r], DR_ECONFLICT, err,
                         "%s:%d is already a replica of shard %zu of cluster '%s': a host serves "
                         "one shard of a cluster",
                         replica->host, replica->port, s + 1, cluster);
            goto done;
        }
    }
    if (shard_num == CHCONF_NEW_SHARD || (size_t)shard_num == ns + 1) {
        xmlNode *t = ns ? shards[ns - 1] : NULL;
        char *ir = NULL;
        if (t && is_el(t, "shard")) {
            xmlNode *irn = child(t, "internal_replication");
            ir = irn ? node_text(&d, irn) : NULL;
        } else if (!t) {
            ir = dr_strdup("true");
        }
        cx_place p;
        if (t)
            place_after(&d, t, &p);
        else
            place_end(&d, c, &p);
        char *unit;
        cx_fmt f;
        fmt_for(&d, t && is_el(t, "shard") ? t : NULL, p.indent, p.own_line, &f, &unit);
        dr_buf b = DR_BUF_INIT;
        gen_shard(&b, &f, ir, replica, 1);
        place_put(&d, &p, b.data);
        dr_buf_free(&b);
        free(unit);
        free(ir);
        place_free(&p);
        note(&d, "<%s>: cluster '%s': new shard %zu with replica %s:%d", name, cluster, ns + 1,
             replica->host, replica->port);
    } else if ((size_t)shard_num > ns) {
        rc = cx_fail(&d, c, DR_ENOTFOUND, err,
                     "cluster '%s' has %zu shard(s): no shard %d (expected 1..%zu, or a new shard)",
                     cluster, ns, shard_num, ns);
        goto done;
    } else {
        xmlNode *s = shards[shard_num - 1];
        if (is_el(s, "node")) {
            rc = cx_fail(&d, s, DR_EREFUSED, err,
                         "shard %d of cluster '%s' is written as a <node> (one replica, no "
                         "<shard>): rewrite it as a <shard> to add replicas",
                         shard_num, cluster);
            goto done;
        }
        free(reps);
        nr = replica_nodes(s, &reps);
        xmlNode *t = nr ? reps[nr - 1] : NULL;
        cx_place p;
        if (t)
            place_after(&d, t, &p);
        else
            place_end(&d, s, &p);
        char *unit;
        cx_fmt f;
        fmt_for(&d, t, p.indent, p.own_line, &f, &unit);
        dr_buf b = DR_BUF_INIT;
        gen_replica(&b, &f, replica);
        place_put(&d, &p, b.data);
        dr_buf_free(&b);
        free(unit);
        place_free(&p);
        note(&d, "<%s>: cluster '%s' shard %d: added replica %s:%d", name, cluster, shard_num,
             replica->host, replica->port);
    }
    rc = cx_apply(&d, out, err);
done:
    free(shards);
    free(reps);
    cx_free(&d);
    return rc;
}

/* The hosts to remove, sorted by name (case-insensitive) so that each replica
 * is looked up in O(log n): a failover removes hundreds of hosts from a
 * cluster of a thousand replicas. */
typedef struct host_set {
    const chconf_endpoint **v;
    size_t n;
} host_set;

static int endpoint_host_cmp(const void *a, const void *b)
{
    const chconf_endpoint *x = *(const chconf_endpoint *const *)a,
                          *y = *(const chconf_endpoint *const *)b;
    return strcasecmp(x->host, y->host);
}

static void host_set_init(host_set *s, const chconf_endpoint *hosts, size_t n)
{
    s->v = dr_malloc(n * sizeof *s->v);
    s->n = n;
    for (size_t i = 0; i < n; i++)
        s->v[i] = &hosts[i];
    qsort(s->v, n, sizeof *s->v, endpoint_host_cmp);
}

/* Whether host:port is listed (an entry with port 0 matches any port). */
static int host_set_has(const host_set *s, const char *host, int port)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) { /* the first entry not below host */
        size_t mid = lo + (hi - lo) / 2;
        if (strcasecmp(s->v[mid]->host, host) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < s->n && !strcasecmp(s->v[lo]->host, host); lo++)
        if (s->v[lo]->port == 0 || s->v[lo]->port == port)
            return 1;
    return 0;
}

static void host_set_free(host_set *s)
{
    free(s->v);
    s->v = NULL;
}

static void cluster_names(cx_doc *d, xmlNode *sec, dr_buf *b)
{
    for (xmlNode *c = sec ? sec->children : NULL; c; c = c->next)
        if (is_el(c, NULL))
            dr_buf_printf(b, "%s%s", b->len ? ", " : "", nname(c));
    (void)d;
    if (!b->len)
        dr_buf_puts(b, "none");
}

int chconf_remote_remove_hosts(const chconf_in *in, const char *cluster,
                               const chconf_endpoint *hosts, size_t n_hosts, unsigned flags,
                               chconf_out *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    const char *file = in && in->file ? in->file : "config";
    int rc;
    if (!valid_name(cluster))
        return dr_err_set(err, DR_EINVAL, "%s: cluster name '%s': expected an XML element name",
                          file, cluster ? cluster : "(null)");
    if (!hosts || n_hosts == 0)
        return dr_err_set(err, DR_EINVAL, "%s: no host to remove given", file);
    for (size_t i = 0; i < n_hosts; i++)
        if ((rc = check_endpoint(file, "replica", &hosts[i], 1, err)))
            return rc;
    /* Each replica's host and port are read once, in the first pass, and
     * kept for the second: both passes are linear in the cluster's size. */
    typedef struct rm_replica {
        xmlNode *n;
        char *host;
        int port;
        int gone;
    } rm_replica;
    cx_doc d;
    const char *name;
    xmlNode *sec, *c, **shards = NULL, **reps = NULL;
    size_t ns = 0, nr = 0, nrm = 0, caprm = 0;
    size_t *first = NULL; /* per shard: index of its first replica in rm */
    rm_replica *rm = NULL;
    int *drop = NULL; /* per shard: 0 keep, 1 some replicas go, 2 the whole shard goes */
    host_set set;
    host_set_init(&set, hosts, n_hosts);
    if ((rc = cx_open(in, "remote_servers", &d, &name, err))) {
        host_set_free(&set);
        return rc;
    }
    if ((rc = find_section(&d, name, &sec, err)) || (rc = check_incl(&d, sec, flags, err)) ||
        (rc = find_cluster(&d, sec, cluster, &c, err)))
        goto done;
    if (!c) {
        dr_buf names = DR_BUF_INIT;
        cluster_names(&d, sec, &names);
        rc = dr_err_set(err, DR_ENOTFOUND, "%s: no cluster '%s' in <%s> (clusters: %s)", d.file,
                        cluster, name, names.data);
        dr_buf_free(&names);
        goto done;
    }
    ns = shard_nodes(c, &shards);
    drop = dr_calloc(ns ? ns : 1, sizeof *drop);
    first = dr_calloc(ns + 1, sizeof *first);
    size_t kept_shards = 0;
    for (size_t s = 0; s < ns; s++) {
        free(reps);
        nr = replica_nodes(shards[s], &reps);
        first[s] = nrm;
        size_t gone = 0;
        for (size_t r = 0; r < nr; r++) {
            if (nrm == caprm) {
                caprm = caprm ? 2 * caprm : 64;
                rm = dr_realloc(rm, caprm * sizeof *rm);
            }
            rm_replica *x = &rm[nrm];
            x->n = reps[r];
            if ((rc = read_host_port(&d, reps[r], 0, &x->host, &x->port, err)))
                goto done;
            nrm++;
            x->gone = host_set_has(&set, x->host, x->port);
            gone += (size_t)x->gone;
        }
        drop[s] = gone == 0 ? 0 : gone < nr ? 1 : 2;
        if (drop[s] == 2 && !(flags & CHCONF_DROP_EMPTY_SHARDS)) {
            rc = cx_fail(&d, shards[s], DR_EREFUSED, err,
                         "removing these hosts leaves shard %zu of cluster '%s' without a "
                         "replica: drop the empty shard (shards after it are renumbered) or "
                         "keep a replica in it",
                         s + 1, cluster);
            goto done;
        }
        kept_shards += drop[s] != 2;
    }
    first[ns] = nrm;
    if (ns > 0 && kept_shards == 0) {
        rc = cx_fail(&d, c, DR_EREFUSED, err,
                     "removing these hosts leaves cluster '%s' without any shard: expected at "
                     "least one host of the cluster to stay",
                     cluster);
        goto done;
    }
    for (size_t s = 0; s < ns; s++) {
        if (drop[s] == 0)
            continue;
        for (size_t r = first[s]; r < first[s + 1]; r++) {
            if (!rm[r].gone)
                continue;
            if (drop[s] == 1)
                cx_delete(&d, rm[r].n);
            note(&d, "<%s>: cluster '%s' shard %zu: removed replica %s:%d", name, cluster, s + 1,
                 rm[r].host, rm[r].port);
        }
        if (drop[s] == 2) {
            cx_delete(&d, shards[s]);
            note(&d, "<%s>: cluster '%s': removed shard %zu, left without replicas", name, cluster,
                 s + 1);
        }
    }
    rc = cx_apply(&d, out, err);
done:
    for (size_t i = 0; i < nrm; i++)
        free(rm[i].host);
    free(rm);
    free(first);
    free(drop);
    free(shards);
    free(reps);
    host_set_free(&set);
    cx_free(&d);
    return rc;
}

int chconf_remote_create_cluster(const chconf_in *in, const chconf_cluster_spec *cluster,
                                 unsigned flags, chconf_out *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    const char *file = in && in->file ? in->file : "config";
    int rc = check_cluster(file, cluster, err);
    if (rc)
        return rc;
    cx_doc d;
    const char *name;
    xmlNode *sec, *c, **shards = NULL, **reps = NULL;
    if ((rc = cx_open(in, "remote_servers", &d, &name, err)))
        return rc;
    if ((rc = find_section(&d, name, &sec, err)) || (rc = check_incl(&d, sec, flags, err)) ||
        (rc = find_cluster(&d, sec, cluster->name, &c, err)))
        goto done;
    if (!c) {
        add_cluster(&d, name, sec, cluster);
        rc = cx_apply(&d, out, err);
        goto done;
    }
    size_t ns = shard_nodes(c, &shards);
    int same = ns == cluster->n_shards;
    for (size_t s = 0; same && s < ns; s++) {
        free(reps);
        size_t nr = replica_nodes(shards[s], &reps);
        same = nr == cluster->shards[s].n_replicas;
        for (size_t r = 0; same && r < nr; r++) {
            const chconf_replica_spec *want = &cluster->shards[s].replicas[r];
            if ((rc = endpoint_matches(&d, reps[r], want->host, want->port, &same, err)))
                goto done;
        }
    }
    if (!same) {
        rc = cx_fail(&d, c, DR_ECONFLICT, err,
                     "cluster '%s' exists with other shards or replicas than asked: expected the "
                     "same hosts in the same shards (add or remove replicas to change it)",
                     cluster->name);
        goto done;
    }
    rc = cx_apply(&d, out, err);
done:
    free(shards);
    free(reps);
    cx_free(&d);
    return rc;
}

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
    cx_doc d;
    const char *name;
    xmlNode *sec;
    int rc = cx_open(in, "macros", &d, &name, err);
    if (rc)
        return rc;
    if ((rc = find_section(&d, name, &sec, err)) || !sec)
        goto done;
    out->found = 1;
    out->incl = prop(sec, "incl");
    out->line = node_line(&d, sec);
    size_t cap = 0;
    for (xmlNode *c = sec->children; c; c = c->next) {
        if (!is_el(c, NULL))
            continue;
        xmlNode *only;
        if ((rc = unique_child(&d, sec, nname(c), &only, err)))
            goto done;
        if (out->n == cap) {
            cap = cap ? 2 * cap : 4;
            out->v = dr_realloc(out->v, cap * sizeof *out->v);
        }
        out->v[out->n].name = dr_strdup(nname(c));
        out->v[out->n].value = node_text(&d, c);
        out->n++;
    }
done:
    if (rc)
        chconf_macros_free(out);
    cx_free(&d);
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
    int rc = check_pairs(file, "macro", macros, n, err);
    if (rc)
        return rc;
    cx_doc d;
    const char *name;
    xmlNode *sec;
    if ((rc = cx_open(in, "macros", &d, &name, err)))
        return rc;
    if ((rc = find_section(&d, name, &sec, err)) || (rc = check_incl(&d, sec, flags, err)))
        goto done;
    size_t *missing = dr_malloc(n * sizeof *missing), nm = 0;
    for (size_t i = 0; i < n; i++) {
        xmlNode *m = NULL;
        if (sec && (rc = unique_child(&d, sec, macros[i].name, &m, err)))
            break;
        if (!m) {
            missing[nm++] = i;
            continue;
        }
        char *cur = node_text(&d, m);
        if (!strcmp(cur, macros[i].value)) {
            free(cur);
            continue;
        }
        if (is_protected_macro(macros[i].name) && *cur && !(flags & CHCONF_FORCE)) {
            rc = cx_fail(&d, m, DR_EREFUSED, err,
                         "%s is '%s'; changing it to '%s' breaks the replicated tables of this "
                         "node (their ZooKeeper path/replica name); use force to do it anyway",
                         macros[i].name, cur, macros[i].value);
            free(cur);
            break;
        }
        cx_el *e = EL(m);
        dr_buf b = DR_BUF_INIT;
        if (e->empty) {
            size_t s = e->tag_end - 2;
            while (s > e->tag_start && isspace((unsigned char)d.text[s - 1]))
                s--;
            dr_buf_puts(&b, ">");
            put_esc(&b, macros[i].value, 0);
            dr_buf_printf(&b, "</%s>", nname(m));
            cx_splice(&d, s, e->tag_end, b.data);
        } else {
            put_esc(&b, macros[i].value, 0);
            cx_splice(&d, e->tag_end, e->etag_start, b.data ? b.data : "");
        }
        dr_buf_free(&b);
        note(&d, "<%s>: %s: '%s' -> '%s'", name, macros[i].name, cur, macros[i].value);
        free(cur);
    }
    if (!rc && nm) {
        dr_buf b = DR_BUF_INIT;
        if (!sec) {
            char *si = child_indent(&d, d.root), *ci = cat(si, d.unit);
            for (size_t i = 0; i < nm; i++) {
                if (i)
                    dr_buf_puts(&b, d.nl);
                dr_buf_puts(&b, ci);
                put_leaf(&b, macros[missing[i]].name, macros[missing[i]].value);
            }
            add_section(&d, name, b.data);
            free(si);
            free(ci);
        } else {
            xmlNode *last = NULL;
            for (xmlNode *x = sec->children; x; x = x->next)
                if (is_el(x, NULL))
                    last = x;
            cx_place p;
            if (last)
                place_after(&d, last, &p);
            else
                place_end(&d, sec, &p);
            for (size_t i = 0; i < nm; i++) {
                if (i)
                    place_sep(&d, &p, &b);
                put_leaf(&b, macros[missing[i]].name, macros[missing[i]].value);
            }
            place_put(&d, &p, b.data);
            place_free(&p);
        }
        for (size_t i = 0; i < nm; i++)
            note(&d, "<%s>: %s: added '%s'", name, macros[missing[i]].name,
                 macros[missing[i]].value);
        dr_buf_free(&b);
    }
    free(missing);
    if (!rc)
        rc = cx_apply(&d, out, err);
done:
    cx_free(&d);
    return rc;
}

/* ---- whole files ------------------------------------------------------------- */

static int render_open(const char *root, const char *section, const char *def, unsigned flags,
                       dr_buf *out, const char **name, dr_err *err)
{
    if (!root || (strcmp(root, "clickhouse") && strcmp(root, "yandex")))
        return dr_err_set(err, DR_EINVAL, "render: root '%s': expected clickhouse or yandex",
                          root ? root : "(null)");
    *name = section ? section : def;
    if (!valid_name(*name))
        return dr_err_set(err, DR_EINVAL, "render: section name '%s': expected an XML element name",
                          *name);
    dr_buf_printf(out, "<?xml version=\"1.0\"?>\n<%s>\n    <%s%s>\n", root, *name,
                  flags & CHCONF_REPLACE ? " replace=\"1\"" : "");
    return DR_OK;
}

static void render_close(const char *root, const char *name, dr_buf *out)
{
    dr_buf_printf(out, "    </%s>\n</%s>\n", name, root);
}

int chconf_render_zookeeper(const char *root, const char *section, const chconf_endpoint *nodes,
                            size_t n, const chconf_pair *settings, size_t n_settings,
                            unsigned flags, dr_buf *out, dr_err *err)
{
    const char *name;
    if (!nodes || n == 0)
        return dr_err_set(err, DR_EINVAL, "render: expected at least one ZooKeeper node");
    for (size_t i = 0; i < n; i++) {
        int rc = check_endpoint("render", "ZooKeeper node", &nodes[i], 0, err);
        if (rc)
            return rc;
    }
    int rc = check_pairs("render", "zookeeper setting", settings, n_settings, err);
    if (rc)
        return rc;
    for (size_t i = 0; i < n_settings; i++)
        if (!strcmp(settings[i].name, "node"))
            return dr_err_set(err, DR_EINVAL, "render: a setting named node: give nodes apart");
    if ((rc = render_open(root, section, "zookeeper", flags, out, &name, err)))
        return rc;
    cx_fmt f = {"\n", "        ", "    ", 1};
    for (size_t i = 0; i < n; i++) {
        dr_buf_puts(out, "        ");
        gen_zk_node(out, &f, &nodes[i], (int)i + 1);
        dr_buf_puts(out, "\n");
    }
    for (size_t i = 0; i < n_settings; i++) {
        dr_buf_puts(out, "        ");
        put_leaf(out, settings[i].name, settings[i].value);
        dr_buf_puts(out, "\n");
    }
    render_close(root, name, out);
    return DR_OK;
}

int chconf_render_remote_servers(const char *root, const char *section,
                                 const chconf_cluster_spec *clusters, size_t n, unsigned flags,
                                 dr_buf *out, dr_err *err)
{
    const char *name;
    int rc;
    if (!clusters || n == 0)
        return dr_err_set(err, DR_EINVAL, "render: expected at least one cluster");
    for (size_t i = 0; i < n; i++) {
        if ((rc = check_cluster("render", &clusters[i], err)))
            return rc;
        for (size_t j = 0; j < i; j++)
            if (!strcmp(clusters[i].name, clusters[j].name))
                return dr_err_set(err, DR_EINVAL, "render: cluster %s given twice",
                                  clusters[i].name);
    }
    if ((rc = render_open(root, section, "remote_servers", flags, out, &name, err)))
        return rc;
    cx_fmt f = {"\n", "        ", "    ", 1};
    for (size_t i = 0; i < n; i++) {
        dr_buf_puts(out, "        ");
        gen_cluster(out, &f, &clusters[i]);
        dr_buf_puts(out, "\n");
    }
    render_close(root, name, out);
    return DR_OK;
}

int chconf_render_macros(const char *root, const char *section, const chconf_pair *macros, size_t n,
                         unsigned flags, dr_buf *out, dr_err *err)
{
    const char *name;
    if (!macros || n == 0)
        return dr_err_set(err, DR_EINVAL, "render: expected at least one macro");
    int rc = check_pairs("render", "macro", macros, n, err);
    if (rc)
        return rc;
    if ((rc = render_open(root, section, "macros", flags, out, &name, err)))
        return rc;
    for (size_t i = 0; i < n; i++) {
        dr_buf_puts(out, "        ");
        put_leaf(out, macros[i].name, macros[i].value);
        dr_buf_puts(out, "\n");
    }
    render_close(root, name, out);
    return DR_OK;
}
