/* render: the CLI's views of the engine's results (see include/render.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_mods.h"
#include "json.h"
#include "render.h"
#include "sha256.h"

/* A string field of o, or NULL. */
static const char *str(const json_t *o, const char *k)
{
    return json_string_value(json_object_get(o, k));
}

static int64_t num_i(const json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_integer(v) ? (int64_t)json_integer_value(v)
           : json_is_real(v)  ? (int64_t)json_real_value(v)
                              : 0;
}

/* As Lua's truth: anything but absent, null and false. */
static int truthy(const json_t *v)
{
    return v && !json_is_null(v) && !json_is_false(v);
}

/* A scalar as Lua's tostring writes it: "3", "2.5", "3.0", "true". */
static void put_scalar(dr_buf *b, const json_t *v)
{
    if (json_is_string(v)) {
        dr_buf_puts(b, json_string_value(v));
    } else if (json_is_integer(v)) {
        dr_buf_printf(b, "%lld", (long long)json_integer_value(v));
    } else if (json_is_real(v)) {
        char s[64];
        snprintf(s, sizeof s, "%.14g", json_real_value(v));
        dr_buf_puts(b, s);
        if (!strpbrk(s, ".eninf"))
            dr_buf_puts(b, ".0");
    } else if (json_is_boolean(v)) {
        dr_buf_puts(b, json_is_true(v) ? "true" : "false");
    } else {
        dr_buf_puts(b, "nil");
    }
}

/* 1 when a step's name already ends with its host ("restart ch3"), so
 * that a listing does not add it a second time. */
static int name_says_host(const char *name, const char *host)
{
    size_t n = name ? strlen(name) : 0, h = strlen(host);
    return n > h && !strcmp(name + n - h, host) && name[n - h - 1] == ' ';
}

/* ---------------------------------------------------------------- plan text */

/* Appends s to sig with every occurrence of name replaced by \001, so that
 * the same change on two hosts whose paths or commands hold their own name
 * compares equal.  Returns 1 when a replacement was made. */
static int sig_put(dr_buf *sig, const char *s, const char *name)
{
    size_t nl = name ? strlen(name) : 0;
    int replaced = 0;
    if (!s)
        s = "";
    for (const char *p; nl >= 2 && (p = strstr(s, name)); s = p + nl) {
        dr_buf_append(sig, s, (size_t)(p - s));
        dr_buf_putc(sig, '\001');
        replaced = 1;
    }
    dr_buf_puts(sig, s);
    dr_buf_putc(sig, '\037');
    return replaced;
}

/* The hashes of the last few long diff templates, by the address of their
 * text: the plan's JSON holds one string per distinct change, shared by
 * every effect making it. */
#define SIG_TEMPLATES 8
#define SIG_TEMPLATE_MIN 4096
typedef struct sig_cache {
    const char *text[SIG_TEMPLATES];
    char hex[SIG_TEMPLATES][SHA256_HEX_LEN + 1];
    int next;
} sig_cache;

/* Appends to sig the diff template t (tl bytes) of a step on host: a long
 * template in which the host's name does not occur stands for itself by
 * its hash, computed once per template, not once per host (a 600-node
 * fleet's remote_servers.xml diff is 300 lines: hashed on every host, it
 * made the plan's CPU grow with the square of the fleet).  Returns 1 when
 * the name was replaced, as sig_put does. */
static int sig_put_template(dr_buf *sig, const char *t, size_t tl, const char *host, sig_cache *sc)
{
    if (!t || tl < SIG_TEMPLATE_MIN || !host || strlen(host) < 2 || strstr(t, host))
        return sig_put(sig, t, host);
    int i = 0;
    while (i < SIG_TEMPLATES && sc->text[i] != t)
        i++;
    if (i == SIG_TEMPLATES) {
        i = sc->next;
        sc->next = (i + 1) % SIG_TEMPLATES;
        sc->text[i] = t;
        sha256_hex(t, tl, sc->hex[i]);
    }
    dr_buf_putc(sig, '\002'); /* not in a diff: a hash never equals a text */
    dr_buf_puts(sig, sc->hex[i]);
    dr_buf_putc(sig, '\037');
    return 0;
}

/* What a plan step shows, as a hash: its notes and effects (kind, summary,
 * diff) with its host's name taken out.  *named says whether the name
 * occurred in them. */
static void step_signature(const json_t *st, char hex[SHA256_HEX_LEN + 1], int *named,
                           sig_cache *sc)
{
    const char *host = str(st, "host");
    dr_buf sig = DR_BUF_INIT;
    *named = 0;
    size_t k;
    json_t *v;
    json_array_foreach(json_object_get(st, "notes"), k, v) *named |=
        sig_put(&sig, json_string_value(v), host);
    json_array_foreach(json_object_get(st, "effects"), k, v)
    {
        sig_put(&sig, str(v, "kind"), NULL);
        *named |= sig_put(&sig, str(v, "summary"), host);
        /* the diff is a template shared by every host making the change;
         * its path is put in on output, so it counts here too */
        const char *diff = str(v, "diff");
        *named |=
            sig_put_template(&sig, diff, json_string_length(json_object_get(v, "diff")), host, sc);
        if (diff && *diff)
            *named |= sig_put(&sig, str(v, "path"), host);
    }
    sha256_hex(sig.data ? sig.data : "", sig.len, hex);
    dr_buf_free(&sig);
}

/* The diff of effect ef as it reads for its path (see engine_diff_header),
 * appended to out. */
static void effect_diff(const json_t *ef, dr_buf *out)
{
    json_t *d = json_object_get(ef, "diff");
    const char *t = json_string_value(d);
    size_t tl = json_string_length(d);
    const char *path = str(ef, "path");
    if (!t)
        return;
    size_t at = engine_diff_header(t, tl, path ? path : "?", out);
    dr_buf_append(out, t + at, tl - at);
}

/* Splits a host name into text, a number and more text ("ch0012-dal": "ch",
 * 12 of 4 digits, "-dal"); 0 when it holds no number. */
static int name_number(const char *s, size_t *pre, long *num, size_t *digits)
{
    const char *d = s + strcspn(s, "0123456789");
    if (!*d)
        return 0;
    *pre = (size_t)(d - s);
    *digits = strspn(d, "0123456789");
    if (*digits > 9)
        return 0;
    *num = strtol(d, NULL, 10);
    return 1;
}

/* Appends names[0..n), runs of consecutive numbers shown as first..last:
 * "ch5..ch600, zk1". */
static void put_name_ranges(const char *const *names, size_t n, dr_buf *b)
{
    for (size_t i = 0; i < n;) {
        const char *first = names[i];
        size_t pre, dg;
        long num;
        size_t j = i;
        if (name_number(first, &pre, &num, &dg)) {
            const char *rest = first + pre + dg;
            while (j + 1 < n) {
                const char *nx = names[j + 1];
                size_t p2, d2;
                long n2;
                int next = name_number(nx, &p2, &n2, &d2) && p2 == pre && d2 == dg &&
                           !strncmp(nx, first, pre) && !strcmp(nx + p2 + d2, rest) &&
                           n2 == num + (long)(j - i) + 1;
                if (!next)
                    break;
                j++;
            }
        }
        dr_buf_printf(b, "%s%s", i > 0 ? ", " : "", first);
        if (j > i)
            dr_buf_printf(b, "%s%s", j > i + 1 ? ".." : ", ", names[j]);
        i = j + 1;
    }
}

/* For the members of each step group: which ones show the same change as
 * an earlier member (folded under it).  into[i]: the first member step i is
 * folded into (0-based + 1; 0: shown); others[first]: the hosts of the
 * members folded into it; named[first]: their names differ inside the
 * change. */
struct fold {
    size_t *into;
    const char ***others;
    size_t *nothers;
    int *named;
};

static void plan_fold_groups(const json_t *steps, int full, struct fold *f)
{
    size_t ns = json_array_size(steps);
    f->into = dr_calloc(ns + 1, sizeof *f->into);
    f->others = dr_calloc(ns + 1, sizeof *f->others);
    f->nothers = dr_calloc(ns + 1, sizeof *f->nothers);
    f->named = dr_calloc(ns + 1, sizeof *f->named);
    if (full)
        return;
    sig_cache sc = {0};
    for (size_t i = 0; i < ns;) {
        const json_t *st = json_array_get(steps, i);
        size_t gn =
            truthy(json_object_get(st, "group_first")) ? (size_t)num_i(st, "group_size") : 1;
        if (gn < 2) {
            i++;
            continue;
        }
        json_t *seen = json_object(); /* signature -> first member */
        for (size_t m = i; m < i + gn && m < ns; m++) {
            const json_t *ms = json_array_get(steps, m);
            char hex[SHA256_HEX_LEN + 1];
            int named;
            step_signature(ms, hex, &named, &sc);
            json_t *first = json_object_get(seen, hex);
            if (first) {
                size_t fi = (size_t)json_integer_value(first);
                f->into[m] = fi + 1;
                const char *h = str(ms, "host");
                if (h) {
                    f->others[fi] =
                        dr_realloc(f->others[fi], (f->nothers[fi] + 1) * sizeof *f->others[fi]);
                    f->others[fi][f->nothers[fi]++] = h;
                }
                f->named[fi] |= named;
            } else {
                json_object_set_new(seen, hex, json_integer((json_int_t)m));
            }
        }
        json_decref(seen);
        i += gn;
    }
}

static void fold_free(struct fold *f, size_t ns)
{
    for (size_t i = 0; i <= ns; i++)
        free(f->others[i]);
    free(f->into);
    free(f->others);
    free(f->nothers);
    free(f->named);
}

void render_plan_text(const engine_result *r, int full, dr_buf *b)
{
    const json_t *steps = r->steps;
    size_t ns = json_array_size(steps);
    dr_buf_printf(b, "Rehearsal of %s: %zu steps, nothing was changed.\n",
                  r->runbook ? r->runbook : "?", ns);
    struct fold f;
    plan_fold_groups(steps, full, &f);
    dr_buf one = DR_BUF_INIT;
    for (size_t i = 0; i < ns; i++) {
        if (f.into[i])
            continue; /* shown with the first member like it */
        const json_t *st = json_array_get(steps, i);
        const char *name = str(st, "name");
        const char *host = str(st, "host");
        const char *group = str(st, "group");
        if (group && truthy(json_object_get(st, "group_first")))
            dr_buf_printf(b, "\n%2zu-%zu. at the same time: %s\n", i + 1,
                          i + (size_t)num_i(st, "group_size"), group);
        if (host && name_says_host(name, host))
            host = NULL;
        dr_buf_printf(b, "\n%2zu. %s%s%s%s%s\n", i + 1, group ? "  " : "", name ? name : "?",
                      host ? "  [" : "", host ? host : "", host ? "]" : "");
        size_t k;
        json_t *v;
        json_array_foreach(json_object_get(st, "notes"), k, v)
            dr_buf_printf(b, "    # %s\n", json_string_value(v) ? json_string_value(v) : "");
        json_array_foreach(json_object_get(st, "effects"), k, v)
        {
            const char *kind = str(v, "kind");
            const char *eh = str(v, "host");
            const char *summary = str(v, "summary");
            const char *diff = str(v, "diff");
            if (diff && *diff) {
                dr_buf_reset(&one);
                effect_diff(v, &one);
                diff = one.data ? one.data : "";
            }
            if (kind && !strcmp(kind, "exec"))
                dr_buf_printf(b, "    %s$ %s\n", eh ? eh : "", summary ? summary : "");
            else
                dr_buf_printf(b, "    %s: %s\n", eh ? eh : "",
                              summary ? summary
                              : kind  ? kind
                                      : "");
            if (diff && *diff) {
                for (const char *p = diff; *p;) {
                    size_t n = strcspn(p, "\n");
                    dr_buf_puts(b, "      ");
                    dr_buf_append(b, p, n);
                    dr_buf_putc(b, '\n');
                    p += n + (p[n] ? 1 : 0);
                }
            } else if (kind && !strcmp(kind, "write_file") && diff) {
                dr_buf_puts(b, "      (content unchanged)\n");
            }
        }
        if (f.nothers[i]) {
            dr_buf_printf(b, "    = the same %son %zu more (--full shows each): ",
                          f.named[i] ? "(each with its own name) " : "", f.nothers[i]);
            put_name_ranges(f.others[i], f.nothers[i], b);
            dr_buf_putc(b, '\n');
        }
    }
    fold_free(&f, ns);
    dr_buf_free(&one);
}

/* ---------------------------------------------------------------- run JSON */

/* Seconds with millisecond precision. */
static json_t *seconds(int64_t ms)
{
    return json_num((double)ms / 1000.0);
}

/* A step's effects as --json shows them: each diff as it reads for its
 * effect's path (the plan keeps one template per distinct change). */
static json_t *effects_view(const json_t *effects)
{
    json_t *out = json_array();
    size_t i;
    json_t *ef;
    json_array_foreach(effects, i, ef)
    {
        if (!json_is_string(json_object_get(ef, "diff"))) {
            json_array_append_new(out, json_incref(ef));
            continue;
        }
        json_t *copy = json_object();
        const char *k;
        json_t *v;
        json_object_foreach(ef, k, v) json_set(copy, k, json_incref(v));
        dr_buf d = DR_BUF_INIT;
        effect_diff(ef, &d);
        json_set(copy, "diff", json_text(d.data ? d.data : "", d.len));
        dr_buf_free(&d);
        json_array_append_new(out, copy);
    }
    return out;
}

/* A step as --json shows it: its duration in seconds and its start as an
 * ISO time (the result keeps "ms" and "wall_start_ms"). */
static json_t *step_view(const json_t *st)
{
    json_t *copy = json_object();
    const char *k;
    json_t *v;
    json_object_foreach((json_t *)st, k, v)
    {
        if (!strcmp(k, "ms")) {
            json_set(copy, "duration_seconds", seconds(json_integer_value(v)));
        } else if (!strcmp(k, "wall_start_ms")) {
            char when[JSON_TIME_LEN];
            json_time_iso(when, sizeof when, (int64_t)json_integer_value(v));
            json_set(copy, "started", json_cstr(when));
        } else if (!strcmp(k, "effects") && json_is_array(v)) {
            json_set(copy, k, effects_view(v));
        } else {
            json_set(copy, k, json_incref(v));
        }
    }
    return copy;
}

void render_run_json(const engine_result *r, dr_buf *out)
{
    json_t *d = json_object();
    json_set(d, "schema", json_cstr("drctl.run/1"));
    json_set(d, "runbook", json_cstr(r->runbook ? r->runbook : ""));
    json_set(d, "mode", json_cstr(r->mode == ENGINE_REAL ? "real" : "rehearsal"));
    json_set(d, "status", json_cstr(r->outcome ? r->outcome : "failed"));
    if (r->run_id[0])
        json_set(d, "run", json_cstr(r->run_id));
    if (r->raw_error)
        json_set(d, "error", json_cstr(r->raw_error));
    json_set(d, "duration_seconds", seconds(r->duration_ms));
    json_set(d, "metrics", r->metrics ? json_incref(r->metrics) : json_object());
    /* every file write in order, "host path diff-sha256": what a plan and
     * the real run can be compared by */
    json_t *files = json_array(), *steps = json_array();
    size_t i, k;
    json_t *st, *ef;
    json_array_foreach(r->steps, i, st)
    {
        json_array_foreach(json_object_get(st, "effects"), k, ef)
        {
            const char *kind = str(ef, "kind"), *dsum = str(ef, "diff_sha256");
            if (kind && !strcmp(kind, "write_file") && dsum) {
                dr_buf one = DR_BUF_INIT;
                const char *h = str(ef, "host"), *pth = str(ef, "path");
                dr_buf_printf(&one, "%s %s %s", h ? h : "?", pth ? pth : "?", dsum);
                json_array_append_new(files, json_text(one.data, one.len));
                dr_buf_free(&one);
            }
        }
        json_array_append_new(steps, step_view(st));
    }
    json_set(d, "files", files);
    json_set(d, "steps", steps);
    json_dump_buf(d, JSON_COMPACT, out);
    dr_buf_putc(out, '\n');
    json_decref(d);
}

void render_summary(const engine_result *r, dr_buf *out)
{
    size_t i;
    json_t *st;
    dr_buf_printf(out, "\n%s %s: %s\n", r->runbook ? r->runbook : "?", r->run_id,
                  r->outcome ? r->outcome : "?");
    json_array_foreach(r->steps, i, st)
    {
        const char *name = str(st, "name"), *s = str(st, "status");
        dr_buf_printf(out, "  %3zu  %-8s %8.1f s  %s\n", i + 1, s ? s : "?",
                      (double)num_i(st, "ms") / 1000.0, name ? name : "?");
    }
    const char *k;
    json_t *v;
    json_object_foreach(r->metrics, k, v)
    {
        dr_buf_printf(out, "  %s = ", k);
        put_scalar(out, v);
        dr_buf_putc(out, '\n');
    }
    dr_buf_printf(out, "  total %.1f s\n", (double)r->duration_ms / 1000.0);
}

/* ---------------------------------------------------------------- runs */

int render_runs_table(const json_t *runs, dr_buf *out)
{
    int unreadable = 0;
    size_t i;
    json_t *o;
    dr_buf_printf(out, "%-22s  %-12s  %-9s  %9s  %s\n", "RUN", "RUNBOOK", "STATUS", "DURATION",
                  "PARAMS");
    json_array_foreach(runs, i, o)
    {
        const char *id = str(o, "run"), *status = str(o, "status"), *err = str(o, "error");
        if (status && !strcmp(status, "unreadable")) {
            unreadable++;
            dr_buf_printf(out, "%-22s  %-12s  %-9s  %9s  %s\n", id, "?", "UNREADABLE", "-",
                          err ? err : "");
            continue;
        }
        int corrupt = status && !strcmp(status, "corrupt");
        unreadable += corrupt;
        int64_t t0 = num_i(o, "started_ms"), t1 = num_i(o, "ended_ms");
        dr_buf params = DR_BUF_INIT;
        const char *k;
        json_t *v;
        json_object_foreach(json_object_get(o, "params"), k, v)
        {
            dr_buf_printf(&params, "--%s ", k);
            put_scalar(&params, v);
            dr_buf_putc(&params, ' ');
        }
        dr_buf_printf(out, "%-22s  %-12s  %-9s  %8.1fs  %s\n", id, str(o, "runbook"),
                      corrupt ? "CORRUPT" : status, t1 ? (double)(t1 - t0) / 1000.0 : 0.0,
                      corrupt       ? err
                      : params.data ? params.data
                                    : "");
        dr_buf_free(&params);
    }
    return unreadable;
}

int render_runs_json(const json_t *runs, dr_buf *out)
{
    int unreadable = 0;
    json_t *d = json_object(), *list = json_array();
    json_set(d, "schema", json_cstr("drctl.runs/1"));
    size_t i;
    json_t *o;
    json_array_foreach(runs, i, o)
    {
        const char *status = str(o, "status");
        json_t *e = json_object();
        json_set(e, "run", json_incref(json_object_get(o, "run")));
        if (status && !strcmp(status, "unreadable")) {
            unreadable++;
            json_set(e, "status", json_cstr(status));
            json_set(e, "error", json_incref(json_object_get(o, "error")));
            json_array_append_new(list, e);
            continue;
        }
        unreadable += status && !strcmp(status, "corrupt");
        json_set(e, "runbook", json_incref(json_object_get(o, "runbook")));
        json_set(e, "status", json_cstr(status));
        if (json_object_get(o, "error"))
            json_set(e, "error", json_incref(json_object_get(o, "error")));
        int64_t t0 = num_i(o, "started_ms"), t1 = num_i(o, "ended_ms");
        char when[JSON_TIME_LEN];
        json_time_iso(when, sizeof when, t0);
        json_set(e, "started", json_cstr(when));
        json_set(e, "duration_seconds", t1 ? seconds(t1 - t0) : json_null());
        json_set(e, "params", json_incref(json_object_get(o, "params")));
        json_array_append_new(list, e);
    }
    json_set(d, "runs", list);
    json_dump_buf(d, JSON_COMPACT, out);
    dr_buf_putc(out, '\n');
    json_decref(d);
    return unreadable;
}

void render_run_records(const char *run_id, const json_t *records, dr_buf *out)
{
    int64_t step_t0[4096] = {0};
    size_t i;
    json_t *r;
    json_array_foreach(records, i, r)
    {
        const char *t = str(r, "t");
        int64_t tm = num_i(r, "time"), sn = num_i(r, "n");
        if (!t) {
        } else if (!strcmp(t, "run")) {
            dr_buf_printf(out, "run %s: %s (by %s)\n", run_id,
                          str(r, "runbook") ? str(r, "runbook") : "(null)",
                          str(r, "user") ? str(r, "user") : "?");
            if (str(r, "force_reason"))
                dr_buf_printf(out, "  forced: %s\n", str(r, "force_reason"));
        } else if (!strcmp(t, "step")) {
            if (sn > 0 && sn < 4096)
                step_t0[sn] = tm;
            const char *sname = str(r, "name"), *shost = str(r, "host");
            if (shost && name_says_host(sname, shost))
                shost = NULL; /* "restart ch3", not "restart ch3 on ch3" */
            dr_buf_printf(out, "  %3lld  %s%s%s\n", (long long)sn, sname ? sname : "?",
                          shost ? "  on " : "", shost ? shost : "");
        } else if (!strcmp(t, "effect")) {
            const char *cp = str(r, "checkpoint");
            dr_buf_printf(
                out, "         %s %s: %s%s%s%s\n", str(r, "kind") ? str(r, "kind") : "(null)",
                str(r, "host") ? str(r, "host") : "", str(r, "summary") ? str(r, "summary") : "",
                cp ? "  (checkpoint " : "", cp ? cp : "", cp ? ")" : "");
        } else if (!strcmp(t, "step_end")) {
            double secs =
                (sn > 0 && sn < 4096 && step_t0[sn]) ? (double)(tm - step_t0[sn]) / 1e3 : 0.0;
            const char *why = str(r, "why");
            dr_buf_printf(out, "       -> %s in %.1f s%s%s\n",
                          str(r, "status") ? str(r, "status") : "(null)", secs, why ? ": " : "",
                          why ? why : "");
        } else if (!strcmp(t, "resume")) {
            dr_buf_puts(out, "  -- resumed\n");
        } else if (!strcmp(t, "end")) {
            const char *error = str(r, "error");
            dr_buf_printf(out, "end: %s%s%s\n", str(r, "status") ? str(r, "status") : "(null)",
                          error ? ": " : "", error ? error : "");
        }
    }
}
