/* libFuzzer target for xmlsplice: byte 0 picks an edit, byte 1 an element,
 * the rest is the document.  Any input either fails to load with an error or
 * loads; then one edit is recorded on the element, applied, and must give a
 * document that loads again, equal to the input outside the edited span
 * (byte-preserving), and every element's text can be read. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xmlsplice.h"

static void edit(xmlsplice_doc *d, unsigned op, xmlNode *n)
{
    int root = n == d->root;
    dr_buf b = DR_BUF_INIT;
    xmlsplice_place p;
    switch (op % 7) {
    case 0:
        xmlsplice_set_text(d, n, "v&<>\"' x");
        break;
    case 1:
        xmlsplice_set_attr(d, n, "a", "x\"&<'");
        break;
    case 2:
        xmlsplice_drop_attr(d, n, "a");
        break;
    case 3:
        if (!root)
            xmlsplice_delete(d, n);
        break;
    case 4:
    case 5:
        if (op % 7 == 4 && root)
            break;
        if (op % 7 == 4)
            xmlsplice_place_after(d, n, &p);
        else
            xmlsplice_place_end(d, n, &p);
        xmlsplice_put_leaf(&b, "n", "t&");
        xmlsplice_place_sep(d, &p, &b);
        xmlsplice_put_leaf(&b, "m", "<u>");
        xmlsplice_place_put(d, &p, b.data);
        xmlsplice_place_free(&p);
        break;
    default: {
        char *t = xmlsplice_text_with_attr(d, n, "index", "7");
        xmlsplice_replace(d, xmlsplice_el_of(n)->tag_start, xmlsplice_el_of(n)->etag_end, t);
        free(t);
    }
    }
    dr_buf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    unsigned op = data[0], pick = data[1];
    const char *text = (const char *)data + 2;
    size_t len = size - 2;
    xmlsplice_doc d;
    dr_err err = {0};
    static const char *const roots[] = {"clickhouse", "yandex", NULL};
    const char *const *r = op & 0x80 ? roots : NULL;
    if (xmlsplice_load(&d, "fuzz", text, len, r, &err) != DR_OK) {
        if (!err.msg[0])
            abort();
        return 0;
    }
    for (size_t i = 0; i < d.n_els; i++)
        free(xmlsplice_text(&d, d.els[i].node));
    xmlNode *n = d.els[pick % d.n_els].node;
    edit(&d, op & 0x7f, n);
    xmlsplice_result out;
    if (xmlsplice_apply(&d, &out, &err) != DR_OK)
        abort(); /* one edit never overlaps, and every edit keeps the XML whole */
    /* outside the edit, the bytes are the input's */
    size_t start = d.n_edits ? d.edits[0].start : len, end = d.n_edits ? d.edits[0].end : len;
    if (out.len < start || memcmp(out.text, text, start) != 0)
        abort();
    if (out.len - start < len - end ||
        memcmp(out.text + out.len - (len - end), text + end, len - end))
        abort();
    if (out.changed != (out.len != len || memcmp(out.text, text, len) != 0))
        abort();
    xmlsplice_doc again;
    if (xmlsplice_load(&again, "again", out.text, out.len, r, &err) != DR_OK)
        abort();
    xmlsplice_free(&again);
    free(out.text);
    free(out.notes);
    xmlsplice_free(&d);
    return 0;
}
