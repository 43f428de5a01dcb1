/* libFuzzer target for diff: the input is split in two texts (at its first
 * byte's share of the length); the unified diff of the two must apply to
 * the first and give the second, byte for byte, and be empty only when they
 * are equal.  The checker below reads hunks independently of diff.c. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"

static const char NONL[] = "\\ No newline at end of file\n";

/* Reads one unsigned number at *p; aborts on garbage. */
static size_t number(const char **p)
{
    if (**p < '0' || **p > '9')
        abort();
    size_t v = 0;
    while (**p >= '0' && **p <= '9')
        v = v * 10 + (size_t)(*(*p)++ - '0');
    return v;
}

static void apply(const char *a, size_t alen, const char *patch, size_t plen, dr_buf *out)
{
    const char *p = patch, *end = patch + plen;
    size_t pos = 0, line = 0;
    for (int i = 0; i < 2; i++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            abort();
        p = nl + 1;
    }
    while (p < end) {
        if (end - p < 4 || memcmp(p, "@@ -", 4) != 0)
            abort();
        p += 4;
        size_t a0 = number(&p), ac = 1;
        if (*p == ',') {
            p++;
            ac = number(&p);
        }
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            abort();
        p = nl + 1;
        size_t first = ac == 0 ? a0 : a0 - 1;
        while (line < first) {
            const char *e = memchr(a + pos, '\n', alen - pos);
            size_t l = e ? (size_t)(e - (a + pos)) + 1 : alen - pos;
            dr_buf_append(out, a + pos, l);
            pos += l;
            line++;
        }
        while (p < end && *p != '@') {
            char mark = *p++;
            nl = memchr(p, '\n', (size_t)(end - p));
            if (!nl)
                abort();
            size_t l = (size_t)(nl - p) + 1;
            int nonl = (size_t)(end - (nl + 1)) >= sizeof NONL - 1 &&
                       memcmp(nl + 1, NONL, sizeof NONL - 1) == 0;
            size_t content = nonl ? l - 1 : l;
            if (mark == ' ' || mark == '-') {
                if (pos + content > alen || memcmp(a + pos, p, content) != 0)
                    abort();
                pos += content;
                line++;
            } else if (mark != '+') {
                abort();
            }
            if (mark != '-')
                dr_buf_append(out, p, content);
            p = nl + 1 + (nonl ? sizeof NONL - 1 : 0);
        }
    }
    dr_buf_append(out, a + pos, alen - pos);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    size_t cut = 1 + (size - 1) * data[0] / 255;
    const char *a = (const char *)data + 1, *b = (const char *)data + cut;
    size_t alen = cut - 1, blen = size - cut;
    dr_buf d = DR_BUF_INIT, out = DR_BUF_INIT;
    diff_stats st;
    int r = diff_unified("f", a, alen, b, blen, &d, &st);
    int same = alen == blen && memcmp(a, b, alen) == 0;
    if (r != !same || (same && d.len != 0))
        abort();
    if (r) {
        apply(a, alen, d.data, d.len, &out);
        if (out.len != blen || (blen && memcmp(out.data, b, blen) != 0))
            abort();
    }
    dr_buf_free(&d);
    dr_buf_free(&out);
    return 0;
}
