/* xmlsplice: XML config files read with libxml2 and patched by splicing the
 * original bytes, for chconf (ClickHouse server configs) and keeperxml
 * (ClickHouse Keeper's <keeper_server>).
 *
 * Text in, text out: a document is loaded from bytes the caller owns (and
 * keeps alive until xmlsplice_free), edits are recorded as splices (replace
 * bytes [start, end) of the original text with new text), and
 * xmlsplice_apply produces the new text in one pass.  Everything the edits
 * do not touch (comments, attributes, other elements, indentation, line
 * endings, the XML declaration) stays byte for byte as it was; new elements
 * copy the indentation of their neighbours (xmlsplice_place_*).  The result
 * is parsed again before it is handed out: an edit that would break the
 * document is an error (a drctl bug), never a file written.
 *
 * The tree (libxml2's, elements and attributes only) is for finding
 * elements: xmlsplice_text reads an element's text from the original bytes.
 * The text must be UTF-8 (or ASCII); DOCTYPE declarations are refused, no
 * entity is ever loaded, libxml2 never prints (its errors are captured) and
 * never touches the network.  Errors say "file:line: what was expected".
 * Every call costs time linear in the size of the text. */
#ifndef DR_XMLSPLICE_H
#define DR_XMLSPLICE_H

#include <stddef.h>

#include <libxml/tree.h>

#include "util.h"

/* Where an element is in the text. */
typedef struct xmlsplice_el {
    xmlNode *node;
    size_t tag_start, tag_end;   /* the start tag: '<' .. after '>' */
    size_t etag_start, etag_end; /* the end tag; both == tag_end for <x/> */
    int empty;                   /* written <x/> */
    int line;                    /* of the start tag */
} xmlsplice_el;

typedef struct xmlsplice_edit {
    size_t start, end; /* replaces [start, end) of the original text */
    char *text;
    size_t seq;
} xmlsplice_edit;

/* A loaded document.  Read its fields; change it only through the
 * functions below. */
typedef struct xmlsplice_doc {
    const char *file; /* name used in errors and notes */
    const char *text; /* the caller's bytes, not copied */
    size_t len;
    xmlDoc *xml;
    xmlNode *root;
    xmlsplice_el *els; /* every element, in document order */
    size_t n_els;
    const char *nl; /* "\r\n" when the file uses it */
    char *unit;     /* one level of indentation, as the file does it */
    xmlsplice_edit *edits;
    size_t n_edits, cap_edits;
    dr_buf notes;
    const char *const *roots; /* accepted root element names, NULL: any */
    char root_hint[128];      /* how errors name them: "<clickhouse> or <yandex>" */
} xmlsplice_doc;

/* Loads text[0, len) (need not be NUL-terminated) as file.  roots: the root
 * element names accepted (NULL-terminated; NULL accepts any).  On error d
 * holds nothing to free. */
int xmlsplice_load(xmlsplice_doc *d, const char *file, const char *text, size_t len,
                   const char *const *roots, dr_err *err);
void xmlsplice_free(xmlsplice_doc *d);

/* The outcome of xmlsplice_apply.  text is the new document (a copy of the
 * input when nothing changed); notes the lines given to xmlsplice_note
 * ("" when nothing changed).  The caller frees text and notes. */
typedef struct xmlsplice_result {
    char *text;
    size_t len;
    int changed;
    char *notes;
} xmlsplice_result;

/* Applies the recorded edits (which must not overlap) and checks that the
 * result loads again with the same roots.  The document itself is not
 * changed: load the result to edit further. */
int xmlsplice_apply(xmlsplice_doc *d, xmlsplice_result *out, dr_err *err);

/* ---- reading the tree ---------------------------------------------------- */

xmlsplice_el *xmlsplice_el_of(xmlNode *n);
/* Whether n is an element named name (any element when name is NULL). */
int xmlsplice_is(const xmlNode *n, const char *name);
const char *xmlsplice_name(const xmlNode *n);
/* The line of n's start tag (1 for NULL). */
int xmlsplice_line(const xmlsplice_doc *d, xmlNode *n);
/* The first child element named name, or NULL. */
xmlNode *xmlsplice_child(xmlNode *p, const char *name);
/* The only child element named name (NULL when absent); a second one is an
 * error naming both lines. */
int xmlsplice_unique_child(xmlsplice_doc *d, xmlNode *p, const char *name, xmlNode **out,
                           dr_err *err);
/* The element's text content as libxml2 would give it (text and CDATA of it
 * and its descendants, comments and PIs left out, references resolved,
 * CR LF read as LF), trimmed.  Caller frees. */
char *xmlsplice_text(const xmlsplice_doc *d, xmlNode *n);
/* Attribute name of n (no namespace), or NULL.  Caller frees. */
char *xmlsplice_prop(xmlNode *n, const char *name);
/* Sets err to "file:line-of-n: message" and returns code. */
int xmlsplice_fail(xmlsplice_doc *d, xmlNode *n, int code, dr_err *err, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* ---- layout --------------------------------------------------------------- */

/* The blanks that indent the line of offset off.  Caller frees. */
char *xmlsplice_indent_of(const xmlsplice_doc *d, size_t off);
/* Indentation for a new child of p: that of its first child on a line of its
 * own, else p's plus one unit.  Caller frees. */
char *xmlsplice_child_indent(const xmlsplice_doc *d, xmlNode *p);
/* The unit a multi-line element t uses for its children.  Caller frees. */
char *xmlsplice_unit_of(const xmlsplice_doc *d, xmlNode *t);
/* Whether element n's content holds a newline. */
int xmlsplice_spans_lines(const xmlsplice_doc *d, xmlNode *n);
/* a followed by b (indentations).  Caller frees. */
char *xmlsplice_cat(const char *a, const char *b);

/* ---- writing ---------------------------------------------------------------- */

/* Appends s escaped for element text (attr 0) or an attribute value in
 * either quotes (attr 1). */
void xmlsplice_put_escaped(dr_buf *b, const char *s, int attr);
/* Appends <name>value</name>, value escaped. */
void xmlsplice_put_leaf(dr_buf *b, const char *name, const char *value);

/* ---- edits: recorded now, applied by xmlsplice_apply -------------------------- */

/* Replaces bytes [start, end) of the original text with text (copied). */
void xmlsplice_replace(xmlsplice_doc *d, size_t start, size_t end, const char *text);
/* Removes element n, with its line when it has one of its own. */
void xmlsplice_delete(xmlsplice_doc *d, xmlNode *n);
/* Replaces the content of element n by value (escaped); <x/> becomes
 * <x>value</x>. */
void xmlsplice_set_text(xmlsplice_doc *d, xmlNode *n, const char *value);
/* Sets attribute name of n to value (adds it when absent) / removes it. */
void xmlsplice_set_attr(xmlsplice_doc *d, xmlNode *n, const char *name, const char *value);
void xmlsplice_drop_attr(xmlsplice_doc *d, xmlNode *n, const char *name);
/* The text of element n with attribute name set to value (NULL: n's text as
 * it is).  Caller frees. */
char *xmlsplice_text_with_attr(const xmlsplice_doc *d, xmlNode *n, const char *name,
                               const char *value);
/* Adds a line "file: message" to the notes xmlsplice_apply hands out. */
void xmlsplice_note(xmlsplice_doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Where new elements go and what surrounds them: place, then build the
 * elements' text (separated by xmlsplice_place_sep), then put. */
typedef struct xmlsplice_place {
    size_t at, end;
    char *indent; /* of the new elements' first line */
    dr_buf pre, post;
    int own_line; /* new elements on lines of their own */
} xmlsplice_place;

/* Right after sibling s, on a new line if s has its own line. */
void xmlsplice_place_after(xmlsplice_doc *d, xmlNode *s, xmlsplice_place *p);
/* As the last child of element n. */
void xmlsplice_place_end(xmlsplice_doc *d, xmlNode *n, xmlsplice_place *p);
/* Appends the separator between two new elements at p. */
void xmlsplice_place_sep(const xmlsplice_doc *d, const xmlsplice_place *p, dr_buf *b);
/* Records the edit that puts block at p. */
void xmlsplice_place_put(xmlsplice_doc *d, xmlsplice_place *p, const char *block);
void xmlsplice_place_free(xmlsplice_place *p);

#endif
