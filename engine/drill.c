/* drill: drill results and their reports.  See include/drill.h. */
#include "drill.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "json.h"

void drill_report_init(drill_report *r)
{
    memset(r, 0, sizeof *r);
    r->rto_s = -1;
    r->lag_s = -1;
    r->rpo_rows = -1;
}

void drill_report_free(drill_report *r)
{
    for (size_t i = 0; i < r->nchecks; i++) {
        drill_check *c = &r->checks[i];
        free(c->name);
        free(c->value);
        free(c->threshold);
        free(c->fix);
        free(c->detail);
        free(c->host);
    }
    free(r->checks);
    free(r->kind);
    free(r->inventory);
    free(r->cluster);
    free(r->primary);
    free(r->standby);
    drill_report_init(r);
}

static char *dup_or_null(const char *s)
{
    return s ? dr_strdup(s) : NULL;
}

drill_check *drill_report_add(drill_report *r, const char *name, drill_status status,
                              const char *value, const char *threshold, const char *fix)
{
    r->checks = dr_realloc(r->checks, (r->nchecks + 1) * sizeof *r->checks);
    drill_check *c = &r->checks[r->nchecks++];
    memset(c, 0, sizeof *c);
    c->name = dr_strdup(name ? name : "?");
    c->status = status;
    c->value = dup_or_null(value);
    c->threshold = dup_or_null(threshold);
    c->fix = dup_or_null(fix);
    return c;
}

const char *drill_status_name(drill_status s)
{
    switch (s) {
    case DRILL_PASS:
        return "pass";
    case DRILL_WARN:
        return "warn";
    default:
        return "fail";
    }
}

int drill_status_parse(const char *s, drill_status *out)
{
    if (s && !strcmp(s, "pass"))
        *out = DRILL_PASS;
    else if (s && !strcmp(s, "warn"))
        *out = DRILL_WARN;
    else if (s && !strcmp(s, "fail"))
        *out = DRILL_FAIL;
    else
        return DR_EINVAL;
    return DR_OK;
}

int drill_report_ready(const drill_report *r)
{
    for (size_t i = 0; i < r->nchecks; i++)
        if (r->checks[i].status == DRILL_FAIL)
            return 0;
    return 1;
}

static size_t count_status(const drill_report *r, drill_status s)
{
    size_t n = 0;
    for (size_t i = 0; i < r->nchecks; i++)
        n += r->checks[i].status == s;
    return n;
}

/* 1 when a check named "split brain" failed: two serving ensembles. */
static int split_brain_of(const drill_report *r)
{
    for (size_t i = 0; i < r->nchecks; i++)
        if (r->checks[i].status == DRILL_FAIL && !strcmp(r->checks[i].name, "split brain"))
            return 1;
    return 0;
}

static const char *kind_of(const drill_report *r)
{
    return r->kind ? r->kind : "readiness";
}

static void iso_time(int64_t ms, char *out, size_t n)
{
    time_t t = (time_t)(ms / 1000);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* ---------------------------------------------------------------- XML/HTML */

/* Escapes for XML text and attributes; control characters other than tab
 * and newline are not allowed in XML 1.0 and become '?'. */
static void xml_escape(dr_buf *b, const char *s)
{
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '<':
            dr_buf_puts(b, "&lt;");
            break;
        case '>':
            dr_buf_puts(b, "&gt;");
            break;
        case '&':
            dr_buf_puts(b, "&amp;");
            break;
        case '"':
            dr_buf_puts(b, "&quot;");
            break;
        case '\'':
            dr_buf_puts(b, "&#39;");
            break;
        default:
            dr_buf_putc(b, (c < 0x20 && c != '\n' && c != '\t' && c != '\r') ? '?' : (char)c);
        }
    }
}

void drill_write_junit(const drill_report *r, dr_buf *out)
{
    size_t failures = count_status(r, DRILL_FAIL);
    char when[32];
    iso_time(r->time_ms, when, sizeof when);
    dr_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    dr_buf_printf(out,
                  "<testsuites name=\"drctl drill\" tests=\"%zu\" failures=\"%zu\" "
                  "time=\"%.3f\">\n",
                  r->nchecks, failures, r->duration_s);
    dr_buf_puts(out, "  <testsuite name=\"drctl.drill.");
    xml_escape(out, kind_of(r));
    dr_buf_printf(out, "\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" skipped=\"0\" ", r->nchecks,
                  failures);
    dr_buf_printf(out, "time=\"%.3f\" timestamp=\"%s\">\n", r->duration_s, when);
    for (size_t i = 0; i < r->nchecks; i++) {
        const drill_check *c = &r->checks[i];
        dr_buf_puts(out, "    <testcase classname=\"drctl.drill\" name=\"");
        xml_escape(out, c->name);
        double t = c->end_s > c->start_s ? c->end_s - c->start_s : 0;
        dr_buf_printf(out, "\" time=\"%.3f\">\n", t);
        if (c->status == DRILL_FAIL) {
            dr_buf_puts(out, "      <failure message=\"");
            xml_escape(out, c->fix ? c->fix : "failed");
            dr_buf_puts(out, "\" type=\"drill\">");
            dr_buf_puts(out, "value: ");
            xml_escape(out, c->value ? c->value : "-");
            dr_buf_puts(out, "\nthreshold: ");
            xml_escape(out, c->threshold ? c->threshold : "-");
            if (c->detail) {
                dr_buf_putc(out, '\n');
                xml_escape(out, c->detail);
            }
            dr_buf_puts(out, "</failure>\n");
        }
        dr_buf_puts(out, "      <system-out>");
        dr_buf_printf(out, "status: %s\nvalue: ", drill_status_name(c->status));
        xml_escape(out, c->value ? c->value : "-");
        if (c->status == DRILL_WARN && c->fix) {
            dr_buf_puts(out, "\nwarning: ");
            xml_escape(out, c->fix);
        }
        dr_buf_puts(out, "</system-out>\n    </testcase>\n");
    }
    dr_buf_puts(out, "  </testsuite>\n</testsuites>\n");
}

/* ---------------------------------------------------------------- JSON */

/* Seconds with millisecond precision; unknown (< 0) as null. */
static json_t *jsec(double v)
{
    if (v < 0 || !isfinite(v))
        return json_null();
    return json_num(round(v * 1000.0) / 1000.0);
}

static json_t *jrows(int64_t rows)
{
    return rows < 0 ? json_null() : json_integer((json_int_t)rows);
}

void drill_write_json(const drill_report *r, dr_buf *out)
{
    char when[JSON_TIME_LEN];
    json_time_iso(when, sizeof when, r->time_ms);
    json_t *d = json_object();
    json_set(d, "schema", json_cstr("drctl.drill/1"));
    json_set(d, "kind", json_cstr(kind_of(r)));
    json_set(d, "inventory", json_cstr(r->inventory));
    json_set(d, "cluster", json_cstr(r->cluster));
    json_set(d, "primary", json_cstr(r->primary));
    json_set(d, "standby", json_cstr(r->standby));
    json_set(d, "drctl_version", json_cstr(DRCTL_VERSION));
    json_set(d, "time", json_cstr(when));
    json_set(d, "ready", json_boolean(drill_report_ready(r)));
    json_set(d, "split_brain", json_boolean(split_brain_of(r)));
    json_set(d, "duration_seconds", jsec(r->duration_s));
    json_set(d, "rto_seconds", jsec(r->rto_s));
    json_set(d, "lag_seconds", jsec(r->lag_s));
    json_set(d, "rpo_rows", jrows(r->rpo_rows));
    json_t *sum = json_object();
    json_set(sum, "pass", json_integer((json_int_t)count_status(r, DRILL_PASS)));
    json_set(sum, "warn", json_integer((json_int_t)count_status(r, DRILL_WARN)));
    json_set(sum, "fail", json_integer((json_int_t)count_status(r, DRILL_FAIL)));
    json_set(d, "summary", sum);
    json_t *checks = json_array();
    for (size_t i = 0; i < r->nchecks; i++) {
        const drill_check *c = &r->checks[i];
        json_t *o = json_object();
        json_set(o, "name", json_cstr(c->name));
        json_set(o, "status", json_cstr(drill_status_name(c->status)));
        json_set(o, "value", json_cstr(c->value));
        json_set(o, "threshold", json_cstr(c->threshold));
        json_set(o, "fix", json_cstr(c->fix));
        json_set(o, "detail", json_cstr(c->detail));
        json_set(o, "host", json_cstr(c->host));
        json_set(o, "start_seconds", json_num(round(c->start_s * 1000.0) / 1000.0));
        json_set(o, "end_seconds", json_num(round(c->end_s * 1000.0) / 1000.0));
        json_array_append_new(checks, o);
    }
    json_set(d, "checks", checks);
    json_dump_buf(d, JSON_PRETTY, out);
    json_decref(d);
}

void drill_write_history_line(const drill_report *r, dr_buf *out)
{
    json_t *d = json_object();
    json_set(d, "schema", json_cstr("drctl.drill-history/1"));
    json_set(d, "time_ms", json_integer((json_int_t)r->time_ms));
    json_set(d, "kind", json_cstr(kind_of(r)));
    json_set(d, "ready", json_boolean(drill_report_ready(r)));
    json_set(d, "rto_seconds", jsec(r->rto_s));
    json_set(d, "lag_seconds", jsec(r->lag_s));
    json_set(d, "rpo_rows", jrows(r->rpo_rows));
    json_t *failed = json_array();
    for (size_t i = 0; i < r->nchecks; i++)
        if (r->checks[i].status == DRILL_FAIL)
            json_array_append_new(failed, json_cstr(r->checks[i].name));
    json_set(d, "failed", failed);
    json_dump_buf(d, JSON_COMPACT, out);
    dr_buf_putc(out, '\n');
    json_decref(d);
}

/* ---------------------------------------------------------------- Prometheus */

static void prom_label(dr_buf *b, const char *s)
{
    for (; s && *s; s++) {
        if (*s == '\\' || *s == '"')
            dr_buf_putc(b, '\\'), dr_buf_putc(b, *s);
        else if (*s == '\n')
            dr_buf_puts(b, "\\n");
        else
            dr_buf_putc(b, *s);
    }
}

static void prom_gauge(dr_buf *b, const char *name, const char *help)
{
    dr_buf_printf(b, "# HELP %s %s\n# TYPE %s gauge\n", name, help, name);
}

/* The labels every series carries: cluster and site (the standby the drill
 * checked), so that two clusters' drills on one node_exporter do not
 * collide.  extra: more labels, already escaped, or "". */
static void prom_series(dr_buf *b, const drill_report *r, const char *name, const char *extra)
{
    dr_buf_printf(b, "%s{cluster=\"", name);
    prom_label(b, r->cluster ? r->cluster : "");
    dr_buf_puts(b, "\",site=\"");
    prom_label(b, r->standby ? r->standby : "");
    dr_buf_printf(b, "\"%s%s} ", *extra ? "," : "", extra);
}

static void prom_value(dr_buf *b, double v)
{
    if (v >= 0 && isfinite(v))
        dr_buf_printf(b, "%.3f\n", v);
    else
        dr_buf_puts(b, "NaN\n");
}

void drill_write_prometheus(const drill_report *r, dr_buf *out)
{
    dr_buf kind = DR_BUF_INIT;
    dr_buf_puts(&kind, "kind=\"");
    prom_label(&kind, kind_of(r));
    dr_buf_putc(&kind, '"');
    prom_gauge(out, "drctl_drill_success", "1 if the last drill found the standby ready, else 0.");
    prom_series(out, r, "drctl_drill_success", kind.data);
    dr_buf_printf(out, "%d\n", drill_report_ready(r));
    prom_gauge(out, "drctl_drill_check_status",
               "Outcome of each drill check: 0 pass, 1 warn, 2 fail.");
    for (size_t i = 0; i < r->nchecks; i++) {
        dr_buf lbl = DR_BUF_INIT;
        dr_buf_puts(&lbl, "check=\"");
        prom_label(&lbl, r->checks[i].name);
        dr_buf_putc(&lbl, '"');
        prom_series(out, r, "drctl_drill_check_status", lbl.data);
        dr_buf_printf(out, "%d\n", (int)r->checks[i].status);
        dr_buf_free(&lbl);
    }
    prom_gauge(out, "drctl_drill_rto_seconds",
               "Recovery time measured by the last full drill (NaN: not measured).");
    prom_series(out, r, "drctl_drill_rto_seconds", "");
    prom_value(out, r->rto_s);
    prom_gauge(out, "drctl_drill_rpo_rows",
               "Marker rows written before the switch and missing after it, measured by the "
               "last full drill (NaN: not measured).");
    prom_series(out, r, "drctl_drill_rpo_rows", "");
    prom_value(out, r->rpo_rows >= 0 ? (double)r->rpo_rows : -1);
    prom_gauge(out, "drctl_drill_lag_seconds",
               "Heartbeat lag from the primary to the standby (NaN: unknown).");
    prom_series(out, r, "drctl_drill_lag_seconds", "");
    prom_value(out, r->lag_s);
    prom_gauge(out, "drctl_drill_duration_seconds", "How long the last drill took.");
    prom_series(out, r, "drctl_drill_duration_seconds", "");
    prom_value(out, r->duration_s);
    prom_gauge(out, "drctl_drill_timestamp_seconds", "Unix time the last drill started.");
    prom_series(out, r, "drctl_drill_timestamp_seconds", "");
    dr_buf_printf(out, "%lld\n", (long long)(r->time_ms / 1000));
    prom_gauge(out, "drctl_split_brain",
               "1 if the last drill found two serving ensembles (split brain), else 0.");
    prom_series(out, r, "drctl_split_brain", "");
    dr_buf_printf(out, "%d\n", split_brain_of(r));
    dr_buf_free(&kind);
}

/* ---------------------------------------------------------------- text/markdown */

static void md_cell(dr_buf *b, const char *s)
{
    if (!s || !*s) {
        dr_buf_puts(b, "-");
        return;
    }
    for (; *s; s++) {
        if (*s == '|')
            dr_buf_puts(b, "\\|");
        else if (*s == '\n')
            dr_buf_puts(b, "<br>");
        else
            dr_buf_putc(b, *s);
    }
}

void drill_write_markdown(const drill_report *r, dr_buf *out)
{
    char when[32];
    iso_time(r->time_ms, when, sizeof when);
    dr_buf_printf(out, "# drctl drill (%s): %s\n\n", kind_of(r),
                  drill_report_ready(r) ? "READY" : "NOT READY");
    dr_buf_printf(out, "- started: %s\n- duration: %.1f s\n", when, r->duration_s);
    if (r->rto_s >= 0)
        dr_buf_printf(out, "- RTO: %.1f s\n", r->rto_s);
    if (r->rpo_rows >= 0)
        dr_buf_printf(out, "- RPO: %lld rows lost\n", (long long)r->rpo_rows);
    if (r->lag_s >= 0)
        dr_buf_printf(out, "- heartbeat lag: %.0f s\n", r->lag_s);
    dr_buf_puts(out, "\n| check | status | value | threshold | fix |\n|---|---|---|---|---|\n");
    for (size_t i = 0; i < r->nchecks; i++) {
        const drill_check *c = &r->checks[i];
        dr_buf_puts(out, "| ");
        md_cell(out, c->name);
        dr_buf_printf(out, " | %s | ",
                      c->status == DRILL_PASS   ? "pass"
                      : c->status == DRILL_WARN ? "**warn**"
                                                : "**FAIL**");
        md_cell(out, c->value);
        dr_buf_puts(out, " | ");
        md_cell(out, c->threshold);
        dr_buf_puts(out, " | ");
        md_cell(out, c->status == DRILL_PASS ? NULL : c->fix);
        dr_buf_puts(out, " |\n");
    }
    for (size_t i = 0; i < r->nchecks; i++)
        if (r->checks[i].detail && *r->checks[i].detail)
            dr_buf_printf(out, "\n## %s\n\n```diff\n%s%s```\n", r->checks[i].name,
                          r->checks[i].detail,
                          r->checks[i].detail[strlen(r->checks[i].detail) - 1] == '\n' ? "" : "\n");
}

void drill_write_text(const drill_report *r, dr_buf *out)
{
    size_t w = 5;
    for (size_t i = 0; i < r->nchecks; i++)
        if (strlen(r->checks[i].name) > w)
            w = strlen(r->checks[i].name);
    for (size_t i = 0; i < r->nchecks; i++) {
        const drill_check *c = &r->checks[i];
        dr_buf_printf(out, "%-4s  %-*s  %s",
                      c->status == DRILL_PASS   ? "ok"
                      : c->status == DRILL_WARN ? "WARN"
                                                : "FAIL",
                      (int)w, c->name, c->value ? c->value : "-");
        if (c->threshold)
            dr_buf_printf(out, "  (bound: %s)", c->threshold);
        dr_buf_putc(out, '\n');
        if (c->status != DRILL_PASS && c->fix)
            dr_buf_printf(out, "      %*s  fix: %s\n", (int)w, "", c->fix);
        if (c->detail && *c->detail) {
            dr_buf_puts(out, c->detail);
            if (c->detail[strlen(c->detail) - 1] != '\n')
                dr_buf_putc(out, '\n');
        }
    }
    dr_buf_printf(out, "\ndrill %s: %s (%zu pass, %zu warn, %zu fail) in %.1f s\n", kind_of(r),
                  drill_report_ready(r) ? "READY" : "NOT READY", count_status(r, DRILL_PASS),
                  count_status(r, DRILL_WARN), count_status(r, DRILL_FAIL), r->duration_s);
    if (r->rto_s >= 0)
        dr_buf_printf(out, "RTO %.1f s", r->rto_s);
    if (r->rpo_rows >= 0)
        dr_buf_printf(out, "%sRPO %lld rows", r->rto_s >= 0 ? ", " : "", (long long)r->rpo_rows);
    if (r->rto_s >= 0 || r->rpo_rows >= 0)
        dr_buf_putc(out, '\n');
}

/* ---------------------------------------------------------------- HTML */

static const char *status_color(drill_status s)
{
    return s == DRILL_PASS ? "#2e7d32" : s == DRILL_WARN ? "#f9a825" : "#c62828";
}

/* A full drill's phases are the runs it made: a check named "switchover"
 * whose steps are the checks named "switchover: ...".  1 when c is one. */
static int is_phase(const drill_report *r, const drill_check *c)
{
    size_t n = strlen(c->name);
    if (strchr(c->name, ':'))
        return 0;
    for (size_t i = 0; i < r->nchecks; i++)
        if (!strncmp(r->checks[i].name, c->name, n) && !strncmp(r->checks[i].name + n, ": ", 2))
            return 1;
    return 0;
}

/* The RTO window of the first switch: it ends when the promoted site took
 * its first write (the end of the step "<phase>: verify ... takes writes",
 * else the end of the phase) and lasts rto_s.  0 when there is none. */
static int rto_window(const drill_report *r, double *from, double *to)
{
    if (r->rto_s < 0)
        return 0;
    for (size_t i = 0; i < r->nchecks; i++) {
        const drill_check *p = &r->checks[i];
        if ((strcmp(p->name, "switchover") && strcmp(p->name, "failover")) || !is_phase(r, p))
            continue;
        double end = p->end_s;
        size_t n = strlen(p->name);
        for (size_t k = 0; k < r->nchecks; k++) {
            const char *s = r->checks[k].name;
            if (!strncmp(s, p->name, n) && !strncmp(s + n, ": verify ", 9) &&
                strstr(s, "takes writes"))
                end = r->checks[k].end_s;
        }
        *to = end;
        *from = end - r->rto_s > 0 ? end - r->rto_s : 0;
        return 1;
    }
    return 0;
}

/* A step between ticks of 1, 2 or 5 times a power of ten, so that the
 * axis has at most about ten labels. */
static double tick_step(double end)
{
    double step = 0.1;
    while (end / step > 10) {
        if (end / (step * 2) <= 10)
            return step * 2;
        if (end / (step * 5) <= 10)
            return step * 5;
        step *= 10;
    }
    return step;
}

/* One row per host (in order of first appearance), one bar per check from
 * its start to its end, under a time axis with ticks; a full drill's phases
 * as bands behind the bars and its RTO window marked. */
static void svg_timeline(const drill_report *r, dr_buf *out)
{
    const char **rows = dr_calloc(r->nchecks + 1, sizeof *rows);
    size_t nrows = 0;
    double end = r->duration_s;
    for (size_t i = 0; i < r->nchecks; i++) {
        const char *h = r->checks[i].host && *r->checks[i].host ? r->checks[i].host : "drctl";
        size_t k = 0;
        while (k < nrows && strcmp(rows[k], h))
            k++;
        if (k == nrows)
            rows[nrows++] = h;
        if (r->checks[i].end_s > end)
            end = r->checks[i].end_s;
    }
    if (end <= 0)
        end = 1;
    const int label_w = 120, plot_w = 760, row_h = 22, top = 34, axis_h = 34;
    int plot_h = (int)nrows * row_h;
    int height = top + plot_h + axis_h;
    dr_buf_printf(out,
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                  "role=\"img\" aria-label=\"drill timeline\" font-family=\"sans-serif\" "
                  "font-size=\"12\">\n",
                  label_w + plot_w + 20, height);
    /* phases (full drills): bands behind everything, named at the top */
    int nphase = 0;
    for (size_t i = 0; i < r->nchecks; i++) {
        const drill_check *c = &r->checks[i];
        if (!is_phase(r, c))
            continue;
        double x0 = label_w + plot_w * (c->start_s / end);
        double wd = plot_w * ((c->end_s - c->start_s) / end);
        dr_buf_printf(out,
                      "<rect class=\"phase\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                      "fill=\"%s\"><title>phase ",
                      x0, top - 14, wd < 1 ? 1 : wd, plot_h + 14,
                      nphase % 2 ? "#e3f2fd" : "#ede7f6");
        xml_escape(out, c->name);
        dr_buf_printf(out, ": %.2f s to %.2f s</title></rect>\n", c->start_s, c->end_s);
        /* a label that fits its band (about 6 px a character at 10 px),
         * else none: the band's title names it */
        if (wd >= 6.0 * (double)strlen(c->name) + 4) {
            dr_buf_printf(out, "<text class=\"phase-label\" x=\"%.1f\" y=\"%d\" font-size=\"10\">",
                          x0 + 2, top - 4);
            xml_escape(out, c->name);
            dr_buf_puts(out, "</text>\n");
        }
        nphase++;
    }
    double rfrom, rto;
    if (rto_window(r, &rfrom, &rto)) {
        double x0 = label_w + plot_w * (rfrom / end);
        double wd = plot_w * ((rto - rfrom) / end);
        dr_buf_printf(out,
                      "<rect class=\"rto\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                      "fill=\"#ff9800\" fill-opacity=\"0.18\" stroke=\"#e65100\" "
                      "stroke-dasharray=\"4 2\"><title>RTO window: %.1f s</title></rect>\n",
                      x0, top, wd < 1 ? 1 : wd, plot_h, r->rto_s);
        dr_buf_printf(out,
                      "<text class=\"rto-label\" x=\"%.1f\" y=\"%d\" fill=\"#e65100\" "
                      "font-size=\"10\" text-anchor=\"end\">RTO %.1f s</text>\n",
                      x0 + wd - 2, top + 11, r->rto_s);
    }
    /* ticks: a grid line and a label each */
    double step = tick_step(end);
    for (int t = 0; t * step <= end + 1e-9; t++) {
        double x = label_w + plot_w * (t * step / end);
        dr_buf_printf(out,
                      "<line class=\"tick\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
                      "stroke=\"#eee\"/>\n<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
                      "stroke=\"#666\"/>\n",
                      x, top, x, top + plot_h, x, top + plot_h, x, top + plot_h + 5);
        dr_buf_printf(out,
                      "<text class=\"tick-label\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">"
                      "%g s</text>\n",
                      x, top + plot_h + 17, t * step);
    }
    dr_buf_printf(
        out, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#666\"/>\n",
        label_w, top + plot_h, label_w + plot_w, top + plot_h);
    dr_buf_printf(out,
                  "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#666\">time since the "
                  "drill started (s)</text>\n",
                  label_w + plot_w, height - 2);
    for (size_t k = 0; k < nrows; k++) {
        int y = top + (int)k * row_h;
        dr_buf_printf(out, "<text x=\"4\" y=\"%d\">", y + 15);
        xml_escape(out, rows[k]);
        dr_buf_puts(out, "</text>\n");
        dr_buf_printf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>\n",
                      label_w, y + row_h, label_w + plot_w, y + row_h);
    }
    for (size_t i = 0; i < r->nchecks; i++) {
        const drill_check *c = &r->checks[i];
        const char *h = c->host && *c->host ? c->host : "drctl";
        size_t k = 0;
        while (k < nrows && strcmp(rows[k], h))
            k++;
        double x0 = label_w + plot_w * (c->start_s / end);
        double wd = plot_w * ((c->end_s - c->start_s) / end);
        if (wd < 2)
            wd = 2;
        dr_buf_printf(out,
                      "<rect class=\"bar %s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                      "fill=\"%s\" opacity=\"0.8\"%s><title>",
                      drill_status_name(c->status), x0, top + (int)k * row_h + 3, wd, row_h - 6,
                      status_color(c->status),
                      c->status == DRILL_FAIL ? " stroke=\"#7f0000\" stroke-width=\"2\"" : "");
        xml_escape(out, c->name);
        dr_buf_printf(out, ": %s, %.2f s to %.2f s</title></rect>\n", drill_status_name(c->status),
                      c->start_s, c->end_s);
    }
    dr_buf_puts(out, "</svg>\n");
    free(rows);
}

/* One row of the checks table. */
static void html_check_row(const drill_check *c, size_t index, dr_buf *out)
{
    dr_buf_printf(out, "<tr class=\"%s\" id=\"check-%zu\"><td>", drill_status_name(c->status),
                  index);
    xml_escape(out, c->name);
    dr_buf_printf(out, "</td><td class=\"status\">%s</td><td>",
                  c->status == DRILL_PASS   ? "pass"
                  : c->status == DRILL_WARN ? "warn"
                                            : "FAIL");
    xml_escape(out, c->host && *c->host ? c->host : "-");
    dr_buf_puts(out, "</td><td>");
    xml_escape(out, c->value ? c->value : "-");
    dr_buf_puts(out, "</td><td>");
    xml_escape(out, c->threshold ? c->threshold : "-");
    dr_buf_puts(out, "</td><td>");
    xml_escape(out, c->status == DRILL_PASS || !c->fix ? "" : c->fix);
    dr_buf_puts(out, "</td></tr>\n");
}

void drill_write_html(const drill_report *r, dr_buf *out)
{
    char when[32];
    iso_time(r->time_ms, when, sizeof when);
    int ready = drill_report_ready(r);
    size_t npass = count_status(r, DRILL_PASS), nwarn = count_status(r, DRILL_WARN),
           nfail = count_status(r, DRILL_FAIL);
    dr_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<title>drctl drill");
    if (r->cluster) {
        dr_buf_puts(out, ": ");
        xml_escape(out, r->cluster);
    }
    dr_buf_printf(out, " (%s)</title>\n<style>\n", ready ? "ready" : "NOT READY");
    dr_buf_puts(out,
                "body{font-family:sans-serif;margin:2em;color:#222;max-width:1100px}\n"
                "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;"
                "text-align:left;vertical-align:top}\n"
                "table.meta td,table.meta th{border:none;padding:1px 12px 1px 0}\n"
                "tr.fail{background:#fdecea}tr.fail td.status{color:#c62828;font-weight:bold}\n"
                "tr.warn{background:#fff8e1}tr.warn td.status{color:#b28704;font-weight:bold}\n"
                "tr.pass td.status{color:#2e7d32}\n"
                ".summary{border:3px solid;border-radius:6px;padding:10px 16px;margin:1em 0;"
                "display:inline-block;min-width:420px}\n"
                ".summary.ready{border-color:#2e7d32;background:#e8f5e9}\n"
                ".summary.not-ready{border-color:#c62828;background:#fdecea}\n"
                ".summary .verdict{font-size:1.6em;font-weight:bold}\n"
                ".summary.ready .verdict{color:#2e7d32}.summary.not-ready .verdict{color:#c62828}"
                "\n.legend span{display:inline-block;margin-right:14px}\n"
                ".swatch{display:inline-block;width:14px;height:10px;margin-right:4px;"
                "vertical-align:middle;border:1px solid #999}\n"
                "pre{background:#f6f6f6;padding:8px;overflow:auto}\n"
                "</style>\n</head>\n<body>\n");
    /* header: what was drilled, where, with what */
    dr_buf_printf(out, "<header>\n<h1>drctl drill (%s)", kind_of(r));
    if (r->cluster) {
        dr_buf_puts(out, ": cluster ");
        xml_escape(out, r->cluster);
    }
    dr_buf_puts(out, "</h1>\n<table class=\"meta\">\n<tr><th>cluster</th><td id=\"cluster\">");
    xml_escape(out, r->cluster ? r->cluster : "-");
    dr_buf_puts(out, "</td></tr>\n<tr><th>inventory</th><td id=\"inventory\">");
    xml_escape(out, r->inventory ? r->inventory : "-");
    dr_buf_puts(out, "</td></tr>\n<tr><th>sites</th><td>primary ");
    xml_escape(out, r->primary ? r->primary : "-");
    dr_buf_puts(out, ", standby ");
    xml_escape(out, r->standby ? r->standby : "-");
    dr_buf_printf(out,
                  "</td></tr>\n<tr><th>started</th><td>%s, took %.1f s</td></tr>\n"
                  "<tr><th>drctl</th><td id=\"version\">drctl %s</td></tr>\n</table>\n"
                  "</header>\n",
                  when, r->duration_s, DRCTL_VERSION);
    /* the summary box */
    dr_buf_printf(out,
                  "<section class=\"summary %s\" id=\"summary\">\n"
                  "<div class=\"verdict\">%s</div>\n"
                  "<div class=\"counts\">%zu failed, %zu warning%s, %zu passed</div>\n",
                  ready ? "ready" : "not-ready", ready ? "READY" : "NOT READY", nfail, nwarn,
                  nwarn == 1 ? "" : "s", npass);
    dr_buf_puts(out, "<div class=\"figures\">");
    if (r->rto_s >= 0)
        dr_buf_printf(out, "RTO %.1f s; ", r->rto_s);
    if (r->rpo_rows >= 0)
        dr_buf_printf(out, "RPO %lld rows; ", (long long)r->rpo_rows);
    if (r->lag_s >= 0)
        dr_buf_printf(out, "heartbeat lag %.0f s", r->lag_s);
    else
        dr_buf_puts(out, "heartbeat lag unknown");
    dr_buf_puts(out, "</div>\n");
    if (nfail) {
        dr_buf_puts(out, "<div class=\"failed\">failed: ");
        int k = 0;
        for (size_t i = 0; i < r->nchecks; i++)
            if (r->checks[i].status == DRILL_FAIL) {
                dr_buf_printf(out, "%s<a href=\"#check-%zu\">", k++ ? ", " : "", i);
                xml_escape(out, r->checks[i].name);
                dr_buf_puts(out, "</a>");
            }
        dr_buf_puts(out, "</div>\n");
    }
    dr_buf_puts(out, "</section>\n");
    dr_buf_puts(out, "<h2>Timeline</h2>\n");
    svg_timeline(r, out);
    dr_buf_puts(out, "<div class=\"legend\">"
                     "<span><i class=\"swatch\" style=\"background:#2e7d32\"></i>pass</span>"
                     "<span><i class=\"swatch\" style=\"background:#f9a825\"></i>warn</span>"
                     "<span><i class=\"swatch\" style=\"background:#c62828\"></i>fail</span>");
    dr_buf_puts(out, "<span><i class=\"swatch\" style=\"background:#ede7f6\"></i>switch phase "
                     "(full drills)</span>"
                     "<span><i class=\"swatch\" style=\"background:#ffe0b2;border:1px dashed "
                     "#e65100\"></i>RTO window</span>"
                     "<span>one row per host; a bar from a check's start to its end</span>"
                     "</div>\n");
    /* the checks, failures first, then warnings, then passes */
    dr_buf_puts(out, "<h2>Checks</h2>\n<table class=\"checks\">\n<tr><th>check</th>"
                     "<th>status</th><th>host</th><th>value</th><th>threshold</th><th>fix</th>"
                     "</tr>\n");
    const drill_status order[] = {DRILL_FAIL, DRILL_WARN, DRILL_PASS};
    for (int o = 0; o < 3; o++)
        for (size_t i = 0; i < r->nchecks; i++)
            if (r->checks[i].status == order[o])
                html_check_row(&r->checks[i], i, out);
    dr_buf_puts(out, "</table>\n");

    int details = 0;
    for (size_t i = 0; i < r->nchecks; i++)
        if (r->checks[i].detail && *r->checks[i].detail) {
            if (!details++)
                dr_buf_puts(out, "<h2>Details</h2>\n");
            dr_buf_puts(out, "<h3>");
            xml_escape(out, r->checks[i].name);
            dr_buf_puts(out, "</h3>\n<pre>");
            xml_escape(out, r->checks[i].detail);
            dr_buf_puts(out, "</pre>\n");
        }
    dr_buf_puts(out, "</body>\n</html>\n");
}

/* ---------------------------------------------------------------- history */

/* A number or null (-1) at key of the history object o. */
static int num_field(const json_t *o, const char *key, double *out)
{
    json_t *v = json_object_get(o, key);
    if (json_is_null(v)) {
        *out = -1;
        return DR_OK;
    }
    if (!json_is_number(v))
        return DR_EPARSE;
    *out = json_number_value(v);
    return DR_OK;
}

int drill_history_parse_line(const char *line, size_t len, int lineno, drill_history_entry *out,
                             dr_err *err)
{
    memset(out, 0, sizeof *out);
    dr_err perr = {0};
    json_t *o = json_parse(line, len, &perr);
    if (!json_is_object(o)) {
        json_decref(o);
        return dr_err_set(err, DR_EPARSE, "history:%d: expected a JSON object", lineno);
    }
    int rc = DR_OK;
    double t = -1;
    json_t *kind = json_object_get(o, "kind");
    if (!json_is_number(json_object_get(o, "time_ms")) || num_field(o, "time_ms", &t) || t < 0)
        rc = dr_err_set(err, DR_EPARSE, "history:%d: expected \"time_ms\": a number", lineno);
    else if (!json_object_get(o, "rto_seconds") || !json_object_get(o, "lag_seconds") ||
             num_field(o, "rto_seconds", &out->rto_s) || num_field(o, "lag_seconds", &out->lag_s))
        rc = dr_err_set(err, DR_EPARSE,
                        "history:%d: expected \"rto_seconds\" and \"lag_seconds\" (number or null)",
                        lineno);
    else if (!json_is_string(kind))
        rc = dr_err_set(err, DR_EPARSE, "history:%d: expected \"kind\": a string", lineno);
    if (rc == DR_OK) {
        out->time_ms = (int64_t)t;
        snprintf(out->kind, sizeof out->kind, "%s", json_string_value(kind));
        out->ready = json_is_true(json_object_get(o, "ready"));
    }
    json_decref(o);
    return rc;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Median of the values >= 0 among v[0..n); -1 when none. */
static double median(const double *v, size_t n)
{
    double *t = dr_calloc(n + 1, sizeof *t);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (v[i] >= 0)
            t[m++] = v[i];
    double r = -1;
    if (m) {
        qsort(t, m, sizeof *t, cmp_double);
        r = m % 2 ? t[m / 2] : (t[m / 2 - 1] + t[m / 2]) / 2;
    }
    free(t);
    return r;
}

static int load_history(const char *path, drill_history_entry **out, size_t *n, dr_err *err)
{
    *out = NULL;
    *n = 0;
    dr_buf text = DR_BUF_INIT;
    int rc = dr_read_file(path, &text, err);
    if (rc == DR_ENOTFOUND) { /* no drill yet: an empty history */
        dr_buf_free(&text);
        return DR_OK;
    }
    if (rc) {
        dr_buf_free(&text);
        return rc;
    }
    size_t cap = 0;
    int lineno = 0;
    for (size_t off = 0; text.data && off < text.len;) {
        const char *nl = memchr(text.data + off, '\n', text.len - off);
        size_t len = nl ? (size_t)(nl - (text.data + off)) : text.len - off;
        lineno++;
        if (len) {
            if (*n == cap) {
                cap = cap ? cap * 2 : 16;
                *out = dr_realloc(*out, cap * sizeof **out);
            }
            rc = drill_history_parse_line(text.data + off, len, lineno, &(*out)[*n], err);
            if (rc) {
                char *why = dr_strdup(err->msg);
                dr_err_set(err, rc, "%s: %s", path, why);
                free(why);
                break;
            }
            (*n)++;
        }
        off += len + 1;
    }
    dr_buf_free(&text);
    if (rc) {
        free(*out);
        *out = NULL;
        *n = 0;
    }
    return rc;
}

/* The newest RTO and lag of h[first..n) against the median of the earlier
 * ones in the window: one line per regression appended to msgs ("REGRESSION:
 * ..."); returns how many. */
static int history_regressions(const drill_history_entry *h, size_t first, size_t n, dr_buf *msgs)
{
    int regression = 0;
    const char *names[] = {"RTO", "lag"};
    /* A rise must also be large in absolute terms: the lag is sampled in
     * whole seconds from a heartbeat written every few seconds, so 1 -> 2 s
     * is noise, and an RTO moves by several seconds with ZooKeeper's
     * election timing alone (9 to 27 s between identical lab runs). */
    const double floor_s[] = {10.0, 5.0};
    for (int m = 0; m < 2; m++) {
        double *prev = dr_calloc(n + 1, sizeof *prev);
        size_t np = 0;
        double last = -1;
        for (size_t i = first; i < n; i++) {
            double v = m ? h[i].lag_s : h[i].rto_s;
            if (v < 0)
                continue;
            if (last >= 0)
                prev[np++] = last;
            last = v;
        }
        double med = median(prev, np);
        if (last >= 0 && med >= 0 && last > 1.5 * med && last - med >= floor_s[m]) {
            dr_buf_printf(msgs,
                          "REGRESSION: %s %.1f s is above 1.5x the median %.1f s of the %zu "
                          "drill(s) before it, and %.0f s or more above it\n",
                          names[m], last, med, np, floor_s[m]);
            regression++;
        }
        free(prev);
    }
    return regression;
}

int drill_history_show(const char *path, int limit, dr_buf *out, dr_err *err)
{
    drill_history_entry *h;
    size_t n;
    int rc = load_history(path, &h, &n, err);
    if (rc)
        return rc;
    if (!n) {
        dr_buf_printf(out, "no drill recorded in %s\n", path);
        free(h);
        return 0;
    }
    size_t first = limit > 0 && n > (size_t)limit ? n - (size_t)limit : 0;
    dr_buf_printf(out, "%-20s  %-9s  %-9s  %8s  %8s\n", "TIME", "KIND", "RESULT", "RTO s", "LAG s");
    for (size_t i = first; i < n; i++) {
        char when[32];
        iso_time(h[i].time_ms, when, sizeof when);
        dr_buf_printf(out, "%-20s  %-9s  %-9s  ", when, h[i].kind,
                      h[i].ready ? "ready" : "NOT READY");
        if (h[i].rto_s >= 0)
            dr_buf_printf(out, "%8.1f  ", h[i].rto_s);
        else
            dr_buf_printf(out, "%8s  ", "-");
        if (h[i].lag_s >= 0)
            dr_buf_printf(out, "%8.1f\n", h[i].lag_s);
        else
            dr_buf_printf(out, "%8s\n", "-");
    }
    dr_buf msgs = DR_BUF_INIT;
    int regression = history_regressions(h, first, n, &msgs) > 0;
    if (msgs.len)
        dr_buf_append(out, msgs.data, msgs.len);
    dr_buf_free(&msgs);
    if (!regression)
        dr_buf_puts(out, "no regression\n");
    free(h);
    return regression;
}

int drill_history_json(const char *path, int limit, dr_buf *out, dr_err *err)
{
    drill_history_entry *h;
    size_t n;
    int rc = load_history(path, &h, &n, err);
    if (rc)
        return rc;
    size_t first = limit > 0 && n > (size_t)limit ? n - (size_t)limit : 0;
    json_t *d = json_object(), *drills = json_array(), *regs = json_array();
    json_set(d, "schema", json_cstr("drctl.drill-history/1"));
    json_set(d, "file", json_cstr(path));
    for (size_t i = first; i < n; i++) {
        char when[JSON_TIME_LEN];
        json_time_iso(when, sizeof when, h[i].time_ms);
        json_t *o = json_object();
        json_set(o, "time", json_cstr(when));
        json_set(o, "kind", json_cstr(h[i].kind));
        json_set(o, "ready", json_boolean(h[i].ready));
        json_set(o, "rto_seconds", jsec(h[i].rto_s));
        json_set(o, "lag_seconds", jsec(h[i].lag_s));
        json_array_append_new(drills, o);
    }
    json_set(d, "drills", drills);
    dr_buf msgs = DR_BUF_INIT;
    int regression = history_regressions(h, first, n, &msgs) > 0;
    for (size_t off = 0; msgs.data && off < msgs.len;) {
        size_t len = strcspn(msgs.data + off, "\n");
        json_array_append_new(regs, json_text(msgs.data + off, len));
        off += len + 1;
    }
    json_set(d, "regressions", regs);
    json_set(d, "regression", json_boolean(regression));
    json_dump_buf(d, JSON_PRETTY, out);
    json_decref(d);
    dr_buf_free(&msgs);
    free(h);
    return regression;
}

int64_t drill_history_last_full_age(const char *path, int64_t now_ms)
{
    drill_history_entry *h;
    size_t n;
    dr_err err = {0};
    if (load_history(path, &h, &n, &err))
        return -1;
    int64_t best = -1;
    for (size_t i = 0; i < n; i++)
        if (strcmp(h[i].kind, "readiness") && h[i].time_ms > best)
            best = h[i].time_ms;
    free(h);
    return best < 0 ? -1 : (now_ms - best) / 1000;
}

int drill_write_file(const char *path, const dr_buf *buf, dr_err *err)
{
    dr_buf tmp = DR_BUF_INIT;
    dr_buf_printf(&tmp, "%s.tmp.%ld", path, (long)getpid());
    int fd = open(tmp.data, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        dr_err_set(err, DR_EIO, "%s: %s", tmp.data, strerror(errno));
        dr_buf_free(&tmp);
        return DR_EIO;
    }
    size_t off = 0;
    while (off < buf->len) {
        ssize_t w = write(fd, buf->data + off, buf->len - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            dr_err_set(err, DR_EIO, "%s: write: %s", path, strerror(errno));
            close(fd);
            unlink(tmp.data);
            dr_buf_free(&tmp);
            return DR_EIO;
        }
        off += (size_t)w;
    }
    int synced = fsync(fd);
    int closed = close(fd);
    if (synced || closed || rename(tmp.data, path)) {
        dr_err_set(err, DR_EIO, "%s: %s", path, strerror(errno));
        unlink(tmp.data);
        dr_buf_free(&tmp);
        return DR_EIO;
    }
    dr_buf_free(&tmp);
    return DR_OK;
}
