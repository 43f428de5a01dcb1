/* diff: unified diffs of two texts (Myers' O(ND) algorithm, linear space). */
#include "diff.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Past this many rounds of the middle-snake search in one subproblem the
 * search settles for the furthest-reaching point found so far: the script
 * stays valid, only maybe longer, and inputs that share almost nothing cannot
 * make a dry run crawl. */
#define DIFF_MAX_ROUNDS 1024

typedef struct line {
    const char *p;
    size_t len; /* including the '\n' when there is one */
} line;

typedef struct side {
    line *lines;
    size_t n;
    int *eq;      /* equivalence class of each line: equal lines, equal ids */
    char *change; /* change[i] != 0: line i is deleted (a) or inserted (b) */
} side;

typedef struct ctx {
    const int *a, *b; /* class ids */
    char *ca, *cb;    /* change flags */
    long *fd, *bd;    /* furthest points per diagonal, indexed by diagonal + off */
    long off;
} ctx;

static void split_lines(const char *text, size_t len, side *s)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (text[i] == '\n')
            n++;
    if (len > 0 && text[len - 1] != '\n')
        n++;
    s->lines = dr_calloc(n ? n : 1, sizeof *s->lines);
    s->n = n;
    size_t k = 0, start = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\n') {
            s->lines[k].p = text + start;
            s->lines[k].len = i + 1 - start;
            k++;
            start = i + 1;
        }
    }
    if (start < len) {
        s->lines[k].p = text + start;
        s->lines[k].len = len - start;
    }
    s->eq = dr_calloc(n ? n : 1, sizeof *s->eq);
    /* Two sentinel flags, one on each side, spare the boundary checks below. */
    s->change = (char *)dr_calloc(n + 2, 1) + 1;
}

static uint64_t hash_line(const line *l)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (size_t i = 0; i < l->len; i++) {
        h ^= (unsigned char)l->p[i];
        h *= 1099511628211ull;
    }
    return h;
}

/* Gives equal lines of both sides the same class id, so that the search
 * compares ints, not strings. */
static void classify(side *a, side *b)
{
    size_t total = a->n + b->n, cap = 16;
    while (cap < total * 2)
        cap *= 2;
    struct slot {
        const line *l;
        uint64_t h;
        int id;
    } *tab = dr_calloc(cap, sizeof *tab);
    int next = 0;
    side *sides[2] = {a, b};
    for (int s = 0; s < 2; s++) {
        for (size_t i = 0; i < sides[s]->n; i++) {
            const line *l = &sides[s]->lines[i];
            uint64_t h = hash_line(l);
            size_t k = (size_t)h & (cap - 1);
            for (;;) {
                if (!tab[k].l) {
                    tab[k].l = l;
                    tab[k].h = h;
                    tab[k].id = next++;
                    break;
                }
                if (tab[k].h == h && tab[k].l->len == l->len &&
                    memcmp(tab[k].l->p, l->p, l->len) == 0)
                    break;
                k = (k + 1) & (cap - 1);
            }
            sides[s]->eq[i] = tab[k].id;
        }
    }
    free(tab);
}

/* Finds a point (*px, *py) on an optimal path from (xoff, yoff) to
 * (xlim, ylim) where a forward and a backward furthest-reaching path meet
 * (the "middle snake").  Diagonal k holds the points with x - y == k. */
static void middle_snake(ctx *c, long xoff, long xlim, long yoff, long ylim, long *px, long *py)
{
    long *fd = c->fd + c->off, *bd = c->bd + c->off;
    const int *a = c->a, *b = c->b;
    long dmin = xoff - ylim, dmax = xlim - yoff;
    long fmid = xoff - yoff, bmid = xlim - ylim;
    long fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid;
    int odd = (fmid - bmid) & 1;
    fd[fmid] = xoff;
    bd[bmid] = xlim;
    for (long round = 1;; round++) {
        /* One more edit forward: widen the band of diagonals by one each
         * side when it can, and seed the new outer diagonals with
         * values that lose every comparison. */
        if (fmin > dmin)
            fd[--fmin - 1] = -1;
        else
            ++fmin;
        if (fmax < dmax)
            fd[++fmax + 1] = -1;
        else
            --fmax;
        for (long d = fmax; d >= fmin; d -= 2) {
            long lo = fd[d - 1], hi = fd[d + 1];
            long x = lo >= hi ? lo + 1 : hi;
            long y = x - d;
            while (x < xlim && y < ylim && a[x] == b[y]) {
                x++;
                y++;
            }
            fd[d] = x;
            if (odd && bmin <= d && d <= bmax && bd[d] <= x) {
                *px = x;
                *py = y;
                return;
            }
        }
        /* One more edit backward. */
        if (bmin > dmin)
            bd[--bmin - 1] = LONG_MAX;
        else
            ++bmin;
        if (bmax < dmax)
            bd[++bmax + 1] = LONG_MAX;
        else
            --bmax;
        for (long d = bmax; d >= bmin; d -= 2) {
            long lo = bd[d - 1], hi = bd[d + 1];
            long x = lo < hi ? lo : hi - 1;
            long y = x - d;
            while (x > xoff && y > yoff && a[x - 1] == b[y - 1]) {
                x--;
                y--;
            }
            bd[d] = x;
            if (!odd && fmin <= d && d <= fmax && x <= fd[d]) {
                *px = x;
                *py = y;
                return;
            }
        }
        if (round >= DIFF_MAX_ROUNDS) {
            /* Too expensive: take the forward point that got furthest. */
            long best = -1, bx = xoff, by = yoff;
            for (long d = fmin; d <= fmax; d++) {
                long x = fd[d], y = x - d;
                if (x > xlim || y > ylim || y < yoff)
                    continue;
                if (x + y > best) {
                    best = x + y;
                    bx = x;
                    by = y;
                }
            }
            *px = bx;
            *py = by;
            return;
        }
    }
}

static void compare(ctx *c, long xoff, long xlim, long yoff, long ylim)
{
    for (;;) {
        while (xoff < xlim && yoff < ylim && c->a[xoff] == c->b[yoff]) {
            xoff++;
            yoff++;
        }
        while (xlim > xoff && ylim > yoff && c->a[xlim - 1] == c->b[ylim - 1]) {
            xlim--;
            ylim--;
        }
        if (xoff == xlim || yoff == ylim) {
            for (long y = yoff; y < ylim; y++)
                c->cb[y] = 1;
            for (long x = xoff; x < xlim; x++)
                c->ca[x] = 1;
            return;
        }
        long x, y;
        middle_snake(c, xoff, xlim, yoff, ylim, &x, &y);
        if ((x == xoff && y == yoff) || (x == xlim && y == ylim)) {
            /* No progress (only possible after the cost cut-off): call the
             * whole rest a replacement. */
            for (long i = xoff; i < xlim; i++)
                c->ca[i] = 1;
            for (long i = yoff; i < ylim; i++)
                c->cb[i] = 1;
            return;
        }
        /* Recurse on the smaller half, loop on the other. */
        if ((x - xoff) + (y - yoff) < (xlim - x) + (ylim - y)) {
            compare(c, xoff, x, yoff, y);
            xoff = x;
            yoff = y;
        } else {
            compare(c, x, xlim, y, ylim);
            xlim = x;
            ylim = y;
        }
    }
}

/* Slides each run of changed lines of f up and down as far as equal lines
 * allow (merging it with runs it meets) and then settles it, like GNU diff
 * does, at the lowest place where it lines up with a run of changes in the
 * other file o, or else at the lowest place of all.  So "inserted a copy of
 * the block above" shows as the later copy, and a replaced line shows as a
 * replacement.  Each move is valid: the line given up equals the line taken.
 * o_end (index in o of the line paired with f's first unchanged line after
 * the run) is tracked to know when the run meets a change in o. */
static void slide_runs(side *f, const side *o)
{
    char *ch = f->change;
    const char *och = o->change;
    const int *eq = f->eq;
    size_t n = f->n, on = o->n, i = 0, j = 0;
    for (;;) {
        while (i < n && !ch[i]) {
            while (j < on && och[j])
                j++;
            j++;
            i++;
        }
        if (i >= n)
            break;
        size_t start = i, end = i, len;
        while (end < n && ch[end])
            end++;
        size_t o_end = j;
        while (o_end < on && och[o_end])
            o_end++;
        size_t settle;
        do {
            len = end - start;
            while (start > 0 && eq[start - 1] == eq[end - 1]) {
                ch[--start] = 1;
                ch[--end] = 0;
                while (start > 0 && ch[start - 1])
                    start--;
                do
                    o_end--;
                while (och[o_end]);
            }
            settle = o_end > 0 && och[o_end - 1] ? end : SIZE_MAX;
            while (end < n && eq[start] == eq[end]) {
                ch[start++] = 0;
                ch[end++] = 1;
                while (end < n && ch[end])
                    end++;
                do
                    o_end++;
                while (o_end < on && och[o_end]);
                if (och[o_end - 1])
                    settle = end;
            }
        } while (len != end - start);
        if (settle != SIZE_MAX) {
            while (end > settle) {
                ch[--start] = 1;
                ch[--end] = 0;
                do
                    o_end--;
                while (och[o_end]);
            }
        }
        i = end;
        j = o_end;
    }
}

static void put_range(dr_buf *out, size_t start, size_t count)
{
    /* GNU convention: an empty range names the line before it. */
    if (count == 1)
        dr_buf_printf(out, "%zu", start + 1);
    else if (count == 0)
        dr_buf_printf(out, "%zu,0", start);
    else
        dr_buf_printf(out, "%zu,%zu", start + 1, count);
}

static void put_line(dr_buf *out, char mark, const line *l)
{
    dr_buf_putc(out, mark);
    dr_buf_append(out, l->p, l->len);
    if (l->len == 0 || l->p[l->len - 1] != '\n')
        dr_buf_puts(out, "\n\\ No newline at end of file\n");
}

typedef struct group {
    size_t a0, a1, b0, b1;
} group;

int diff_unified(const char *path, const char *before, size_t before_len, const char *after,
                 size_t after_len, dr_buf *out, diff_stats *stats)
{
    side a, b;
    split_lines(before, before_len, &a);
    split_lines(after, after_len, &b);
    classify(&a, &b);

    /* A line that the other text lacks is changed whatever the script.
     * When such lines are many (texts that share little), leave them out of
     * the search: it gets cheap, and the script stays valid.  When they are
     * few, keep them in, which picks the same script as GNU diff more often
     * (their position breaks ties among equal lines around them). */
    int *in_b = dr_calloc((size_t)(a.n + b.n + 1), sizeof *in_b);
    int *in_a = dr_calloc((size_t)(a.n + b.n + 1), sizeof *in_a);
    for (size_t j = 0; j < b.n; j++)
        in_b[b.eq[j]] = 1;
    for (size_t i = 0; i < a.n; i++)
        in_a[a.eq[i]] = 1;
    size_t unique = 0;
    for (size_t i = 0; i < a.n; i++)
        unique += !in_b[a.eq[i]];
    for (size_t j = 0; j < b.n; j++)
        unique += !in_a[b.eq[j]];
    int discard = unique * 4 > a.n + b.n;
    side ka = {0}, kb = {0};
    size_t *ia = dr_calloc(a.n + 1, sizeof *ia), *ib = dr_calloc(b.n + 1, sizeof *ib);
    ka.eq = dr_calloc(a.n + 1, sizeof *ka.eq);
    kb.eq = dr_calloc(b.n + 1, sizeof *kb.eq);
    for (size_t i = 0; i < a.n; i++) {
        if (!discard || in_b[a.eq[i]]) {
            ia[ka.n] = i;
            ka.eq[ka.n++] = a.eq[i];
        } else {
            a.change[i] = 1;
        }
    }
    for (size_t j = 0; j < b.n; j++) {
        if (!discard || in_a[b.eq[j]]) {
            ib[kb.n] = j;
            kb.eq[kb.n++] = b.eq[j];
        } else {
            b.change[j] = 1;
        }
    }
    ka.change = dr_calloc(ka.n + 1, 1);
    kb.change = dr_calloc(kb.n + 1, 1);
    long n = (long)ka.n, m = (long)kb.n;
    ctx c = {.a = ka.eq, .b = kb.eq, .ca = ka.change, .cb = kb.change, .off = m + 1};
    c.fd = dr_calloc((size_t)(n + m + 3), sizeof *c.fd);
    c.bd = dr_calloc((size_t)(n + m + 3), sizeof *c.bd);
    compare(&c, 0, n, 0, m);
    for (size_t k = 0; k < ka.n; k++)
        a.change[ia[k]] = ka.change[k];
    for (size_t k = 0; k < kb.n; k++)
        b.change[ib[k]] = kb.change[k];
    free(c.fd);
    free(c.bd);
    free(in_a);
    free(in_b);
    free(ia);
    free(ib);
    free(ka.eq);
    free(kb.eq);
    free(ka.change);
    free(kb.change);
    slide_runs(&a, &b);
    slide_runs(&b, &a);

    /* Change groups: maximal runs of deleted and inserted lines at the
     * same place.  Unchanged lines pair up one to one, in order. */
    group *groups = NULL;
    size_t ng = 0, capg = 0, added = 0, removed = 0;
    for (size_t i = 0, j = 0; i < a.n || j < b.n;) {
        if ((i < a.n && a.change[i]) || (j < b.n && b.change[j])) {
            group g = {i, i, j, j};
            while (i < a.n && a.change[i])
                i++;
            while (j < b.n && b.change[j])
                j++;
            g.a1 = i;
            g.b1 = j;
            removed += g.a1 - g.a0;
            added += g.b1 - g.b0;
            if (ng == capg) {
                capg = capg ? capg * 2 : 16;
                groups = dr_realloc(groups, capg * sizeof *groups);
            }
            groups[ng++] = g;
        } else {
            i++;
            j++;
        }
    }

    size_t hunks = 0;
    if (ng > 0) {
        const char *p = path ? path : "";
        while (*p == '/')
            p++; /* "/etc/x" is labelled a/etc/x, as git does */
        const char *sep = path ? "/" : "";
        dr_buf_printf(out, "--- a%s%s\n+++ b%s%s\n", sep, p, sep, p);
    }
    for (size_t g = 0; g < ng;) {
        /* A hunk: groups whose gaps are at most 2 * context lines. */
        size_t last = g;
        while (last + 1 < ng && groups[last + 1].a0 - groups[last].a1 <= 2 * DIFF_CONTEXT)
            last++;
        size_t pre = groups[g].a0 < DIFF_CONTEXT ? groups[g].a0 : DIFF_CONTEXT;
        size_t post = a.n - groups[last].a1 < DIFF_CONTEXT ? a.n - groups[last].a1 : DIFF_CONTEXT;
        size_t a0 = groups[g].a0 - pre, a1 = groups[last].a1 + post;
        size_t b0 = groups[g].b0 - pre, b1 = groups[last].b1 + post;
        dr_buf_puts(out, "@@ -");
        put_range(out, a0, a1 - a0);
        dr_buf_puts(out, " +");
        put_range(out, b0, b1 - b0);
        dr_buf_puts(out, " @@\n");
        size_t i = a0, j = b0;
        for (size_t k = g; k <= last; k++) {
            for (; i < groups[k].a0; i++, j++)
                put_line(out, ' ', &a.lines[i]);
            for (; i < groups[k].a1; i++)
                put_line(out, '-', &a.lines[i]);
            for (; j < groups[k].b1; j++)
                put_line(out, '+', &b.lines[j]);
        }
        for (; i < a1; i++)
            put_line(out, ' ', &a.lines[i]);
        hunks++;
        g = last + 1;
    }

    free(groups);
    free(a.lines);
    free(b.lines);
    free(a.eq);
    free(b.eq);
    free(a.change - 1);
    free(b.change - 1);
    if (stats) {
        stats->added = added;
        stats->removed = removed;
        stats->hunks = hunks;
    }
    return ng > 0;
}
