/* term: colour on a terminal (see include/term.h). */
#include "term.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int term_color(FILE *f)
{
    const char *no = getenv("NO_COLOR");
    const char *term = getenv("TERM");
    if (no && *no)
        return 0;
    if (term && !strcmp(term, "dumb"))
        return 0;
    return f && isatty(fileno(f));
}

static int starts(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    return n >= k && !memcmp(s, p, k);
}

/* A plan step's header: optional spaces, digits, then ". " or "-". */
static int step_line(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] == ' ')
        i++;
    size_t d = i;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    return i > d && i + 1 < n && (s[i] == '.' || s[i] == '-');
}

/* Copies one line, the words READY and NOT READY coloured. */
static void put_line(const char *s, size_t n, dr_buf *out)
{
    const char *hit = NULL;
    for (size_t i = 0; i + 5 <= n && !hit; i++)
        if (!memcmp(s + i, "READY", 5))
            hit = s + i;
    if (!hit) {
        dr_buf_append(out, s, n);
        return;
    }
    int not = hit - s >= 4 && !memcmp(hit - 4, "NOT ", 4);
    const char *from = not ? hit - 4 : hit;
    dr_buf_append(out, s, (size_t)(from - s));
    dr_buf_puts(out, not ? TERM_BOLD TERM_RED : TERM_BOLD TERM_GREEN);
    dr_buf_append(out, from, (size_t)(hit + 5 - from));
    dr_buf_puts(out, TERM_RESET);
    dr_buf_append(out, hit + 5, n - (size_t)(hit + 5 - s));
}

void term_colorize(const char *text, size_t len, dr_buf *out)
{
    for (size_t off = 0; off < len;) {
        const char *s = text + off;
        const char *nl = memchr(s, '\n', len - off);
        size_t n = nl ? (size_t)(nl - s) : len - off;
        /* plan diffs are indented: look past the indentation */
        size_t ind = 0;
        while (ind < n && s[ind] == ' ')
            ind++;
        const char *t = s + ind;
        size_t tn = n - ind;
        const char *color = starts(s, n, "FAIL")                                    ? TERM_RED
                            : starts(s, n, "WARN")                                  ? TERM_YELLOW
                            : starts(s, n, "ok ")                                   ? TERM_GREEN
                            : ind && (starts(t, tn, "+++") || starts(t, tn, "---")) ? TERM_BOLD
                            : ind && starts(t, tn, "+")                             ? TERM_GREEN
                            : ind && starts(t, tn, "-")                             ? TERM_RED
                            : ind && starts(t, tn, "@@")                            ? TERM_CYAN
                            : step_line(s, n)                                       ? TERM_BOLD
                                                                                    : NULL;
        if (color && n) {
            dr_buf_puts(out, color);
            put_line(s, n, out);
            dr_buf_puts(out, TERM_RESET);
        } else {
            put_line(s, n, out);
        }
        if (nl)
            dr_buf_putc(out, '\n');
        off += n + (nl ? 1 : 0);
    }
}
