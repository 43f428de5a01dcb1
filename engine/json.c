/* json: drctl's conventions over jansson (see include/json.h). */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "json.h"

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0 if the
 * bytes there are not one: overlong forms, surrogates and code points above
 * U+10FFFF are refused, as RFC 3629 says. */
static size_t utf8_seq_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    size_t len;
    uint32_t cp;
    if (c < 0x80)
        return 1;
    if (c >= 0xc2 && c <= 0xdf)
        len = 2, cp = c & 0x1f;
    else if (c >= 0xe0 && c <= 0xef)
        len = 3, cp = c & 0x0f;
    else if (c >= 0xf0 && c <= 0xf4)
        len = 4, cp = c & 0x07;
    else
        return 0;
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3f);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10ffff ||
        (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return len;
}

/* s[0..len) with every byte that is not part of a valid UTF-8 sequence
 * replaced by U+FFFD, in b (NUL-terminated, may hold NULs). */
static void utf8_clean(dr_buf *b, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, run = 0;
    dr_buf_reset(b);
    while (i < len) {
        size_t adv = p[i] < 0x80 ? 1 : utf8_seq_len(p + i, len - i);
        if (adv == 0) {
            dr_buf_append(b, p + run, i - run);
            dr_buf_puts(b, "\xef\xbf\xbd"); /* U+FFFD for a byte that is not UTF-8 */
            run = i + 1;
            adv = 1;
        }
        i += adv;
    }
    dr_buf_append(b, p + run, len - run);
}

json_t *json_text(const char *s, size_t len)
{
    dr_buf b = DR_BUF_INIT;
    utf8_clean(&b, s ? s : "", s ? len : 0);
    json_t *v = json_stringn_nocheck(b.data ? b.data : "", b.len);
    dr_buf_free(&b);
    return v ? v : json_null();
}

json_t *json_cstr(const char *s)
{
    return s ? json_text(s, strlen(s)) : json_null();
}

json_t *json_num(double v)
{
    if (!isfinite(v))
        return json_null(); /* JSON has no NaN or infinity */
    if (v == floor(v) && fabs(v) < 9007199254740992.0)
        return json_integer((json_int_t)v);
    return json_real(v);
}

void json_set(json_t *obj, const char *key, json_t *value)
{
    dr_buf k = DR_BUF_INIT;
    utf8_clean(&k, key ? key : "", key ? strlen(key) : 0);
    json_object_setn_new_nocheck(obj, k.data ? k.data : "", k.len, value ? value : json_null());
    dr_buf_free(&k);
}

int json_dump_buf(const json_t *doc, int flags, dr_buf *out)
{
    int pretty = (flags & JSON_MAX_INDENT) != 0;
    size_t jflags = (size_t)(pretty ? JSON_INDENT(flags & JSON_MAX_INDENT) : JSON_COMPACT) |
                    JSON_REAL_PRECISION(14) | JSON_ENCODE_ANY;
    char *s = json_dumps(doc, jflags);
    if (!s)
        return DR_ENOMEM;
    dr_buf_puts(out, s);
    if (pretty)
        dr_buf_putc(out, '\n');
    free(s);
    return DR_OK;
}

json_t *json_parse(const char *s, size_t len, dr_err *err)
{
    json_error_t je;
    json_t *v = json_loadb(s, len, 0, &je);
    if (!v)
        dr_err_set(err, DR_EPARSE, "line %d column %d: %s", je.line, je.column, je.text);
    return v;
}

void json_escape(dr_buf *out, const char *s, size_t len)
{
    json_t *v = json_text(s, len);
    char *q = json_dumps(v, JSON_ENCODE_ANY);
    if (q && strlen(q) >= 2)
        dr_buf_append(out, q + 1, strlen(q) - 2); /* without the quotes */
    free(q);
    json_decref(v);
}

/* ---------------------------------------------------------------- writer */

void json_writer_init(json_writer *w, dr_buf *out, int flags)
{
    memset(w, 0, sizeof *w);
    w->out = out;
    w->flags = flags;
}

int json_writer_finish(json_writer *w)
{
    int ok = !w->misused && w->root && w->depth == 0 && !w->key;
    if (ok && json_dump_buf(w->root, w->flags, w->out) != DR_OK)
        ok = 0;
    json_decref(w->root);
    free(w->stack);
    free(w->key);
    memset(w, 0, sizeof *w);
    return ok ? DR_OK : DR_EINVAL;
}

/* Places v (stolen) where the writer stands: the document, the open array,
 * or the open object under the pending key.  Returns 0, or -1 on misuse. */
static int put(json_writer *w, json_t *v)
{
    if (!v || w->misused) {
        json_decref(v);
        return -1;
    }
    if (w->depth == 0) {
        if (w->root) {
            w->misused = true; /* a second top-level value */
            json_decref(v);
            return -1;
        }
        w->root = v;
        return 0;
    }
    json_t *top = w->stack[w->depth - 1];
    if (json_is_array(top))
        return json_array_append_new(top, v) ? -1 : 0;
    if (!w->key) {
        w->misused = true; /* a value where a key is due */
        json_decref(v);
        return -1;
    }
    json_set(top, w->key, v);
    free(w->key);
    w->key = NULL;
    return 0;
}

static void begin(json_writer *w, json_t *c)
{
    if (put(w, c) < 0)
        return;
    if (w->depth == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 8;
        w->stack = dr_realloc(w->stack, w->cap * sizeof *w->stack);
    }
    w->stack[w->depth++] = c; /* borrowed: its parent (or root) owns it */
}

static void end(json_writer *w, int object)
{
    if (!w->depth || w->key || json_is_object(w->stack[w->depth - 1]) != object) {
        w->misused = true;
        return;
    }
    w->depth--;
}

void json_begin_object(json_writer *w)
{
    begin(w, json_object());
}

void json_end_object(json_writer *w)
{
    end(w, 1);
}

void json_begin_array(json_writer *w)
{
    begin(w, json_array());
}

void json_end_array(json_writer *w)
{
    end(w, 0);
}

void json_key(json_writer *w, const char *key)
{
    if (!w->depth || !json_is_object(w->stack[w->depth - 1]) || w->key || !key) {
        w->misused = true;
        return;
    }
    w->key = dr_strdup(key);
}

void json_put_string_n(json_writer *w, const char *s, size_t len)
{
    put(w, json_text(s, len));
}

void json_put_string(json_writer *w, const char *s)
{
    put(w, json_cstr(s));
}

void json_int(json_writer *w, int64_t v)
{
    put(w, json_integer((json_int_t)v));
}

void json_bool(json_writer *w, bool v)
{
    put(w, json_boolean(v));
}

void json_put_null(json_writer *w)
{
    put(w, json_null());
}

void json_time_iso(char *out, size_t n, int64_t unix_ms)
{
    time_t t = (time_t)(unix_ms / 1000);
    struct tm tm;
    char day[32];
    if (!gmtime_r(&t, &tm) || !strftime(day, sizeof day, "%Y-%m-%dT%H:%M:%S", &tm)) {
        snprintf(out, n, "1970-01-01T00:00:00.000Z");
        return;
    }
    snprintf(out, n, "%s.%03dZ", day, (int)(unix_ms % 1000 + (unix_ms < 0 ? 1000 : 0)) % 1000);
}
