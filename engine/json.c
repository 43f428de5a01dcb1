/* json: escaping and a small streaming writer (see include/json.h). */
#include <inttypes.h>
#include <stdio.h>
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

void json_escape(dr_buf *out, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, run = 0; /* run: start of bytes copied as they are */
    while (i < len) {
        unsigned char c = p[i];
        const char *rep = NULL;
        char hex[8];
        size_t adv = 1;
        if (c == '"')
            rep = "\\\"";
        else if (c == '\\')
            rep = "\\\\";
        else if (c == '\n')
            rep = "\\n";
        else if (c == '\r')
            rep = "\\r";
        else if (c == '\t')
            rep = "\\t";
        else if (c < 0x20 || c == 0x7f) {
            snprintf(hex, sizeof hex, "\\u%04x", c);
            rep = hex;
        } else if (c >= 0x80) {
            adv = utf8_seq_len(p + i, len - i);
            if (adv == 0) {
                rep = "\xef\xbf\xbd"; /* U+FFFD for a byte that is not UTF-8 */
                adv = 1;
            }
        }
        if (rep) {
            dr_buf_append(out, p + run, i - run);
            dr_buf_puts(out, rep);
            run = i + adv;
        }
        i += adv;
    }
    dr_buf_append(out, p + run, len - run);
}

void json_writer_init(json_writer *w, dr_buf *out, int flags)
{
    memset(w, 0, sizeof *w);
    w->out = out;
    w->flags = flags;
    dr_buf_init(&w->stack);
}

int json_writer_finish(json_writer *w)
{
    int ok = !w->misused && w->done && w->stack.len == 0;
    if (ok && (w->flags & JSON_PRETTY))
        dr_buf_putc(w->out, '\n');
    dr_buf_free(&w->stack);
    return ok ? DR_OK : DR_EINVAL;
}

static char top(const json_writer *w)
{
    return w->stack.len ? w->stack.data[w->stack.len - 1] : 0;
}

static void newline_indent(json_writer *w)
{
    if (!(w->flags & JSON_PRETTY))
        return;
    dr_buf_putc(w->out, '\n');
    for (size_t i = 0; i < w->stack.len; i++)
        dr_buf_puts(w->out, "  ");
}

/* Everything that starts a value comes here first: checks that a value is
 * allowed now and writes the comma and indentation before it. */
static int before_value(json_writer *w)
{
    if (w->done) {
        w->misused = true;
        return -1;
    }
    char t = top(w);
    if (t == 'o') {
        if (!w->have_key) {
            w->misused = true;
            return -1;
        }
        w->have_key = false;
    } else if (t == 'a') {
        if (w->need_comma)
            dr_buf_putc(w->out, ',');
        newline_indent(w);
    }
    return 0;
}

/* After a complete value: the next one at this level needs a comma. */
static void after_value(json_writer *w)
{
    w->need_comma = true;
    if (w->stack.len == 0)
        w->done = true;
}

static void begin(json_writer *w, char kind)
{
    if (before_value(w) < 0)
        return;
    dr_buf_putc(w->out, kind == 'o' ? '{' : '[');
    dr_buf_putc(&w->stack, kind);
    w->need_comma = false;
}

static void end(json_writer *w, char kind)
{
    if (top(w) != kind || w->have_key) {
        w->misused = true;
        return;
    }
    w->stack.len--;
    w->stack.data[w->stack.len] = '\0';
    if (w->need_comma)
        newline_indent(w);
    dr_buf_putc(w->out, kind == 'o' ? '}' : ']');
    after_value(w);
}

void json_begin_object(json_writer *w)
{
    begin(w, 'o');
}

void json_end_object(json_writer *w)
{
    end(w, 'o');
}

void json_begin_array(json_writer *w)
{
    begin(w, 'a');
}

void json_end_array(json_writer *w)
{
    end(w, 'a');
}

void json_key(json_writer *w, const char *key)
{
    if (top(w) != 'o' || w->have_key || !key) {
        w->misused = true;
        return;
    }
    if (w->need_comma)
        dr_buf_putc(w->out, ',');
    newline_indent(w);
    dr_buf_putc(w->out, '"');
    json_escape(w->out, key, strlen(key));
    dr_buf_puts(w->out, (w->flags & JSON_PRETTY) ? "\": " : "\":");
    w->have_key = true;
}

void json_string_n(json_writer *w, const char *s, size_t len)
{
    if (before_value(w) < 0)
        return;
    dr_buf_putc(w->out, '"');
    json_escape(w->out, s, len);
    dr_buf_putc(w->out, '"');
    after_value(w);
}

void json_string(json_writer *w, const char *s)
{
    if (!s)
        json_null(w);
    else
        json_string_n(w, s, strlen(s));
}

void json_int(json_writer *w, int64_t v)
{
    if (before_value(w) < 0)
        return;
    dr_buf_printf(w->out, "%" PRId64, v);
    after_value(w);
}

void json_bool(json_writer *w, bool v)
{
    if (before_value(w) < 0)
        return;
    dr_buf_puts(w->out, v ? "true" : "false");
    after_value(w);
}

void json_null(json_writer *w)
{
    if (before_value(w) < 0)
        return;
    dr_buf_puts(w->out, "null");
    after_value(w);
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
