/* Unit tests for drill's report writers: JUnit is well-formed XML (libxml2,
 * and xmllint when installed) with one testcase per check and a failure for
 * each failed one; the Prometheus textfile parses under the exposition
 * format's rules (a small parser here) with HELP and TYPE before each
 * family; JSON, Markdown, HTML escape hostile check names; the history
 * round-trips and flags a regression. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "drill.h"

/* A report with a hostile name in every place text goes. */
static void sample(drill_report *r)
{
    drill_report_init(r);
    r->kind = dr_strdup("readiness");
    r->cluster = dr_strdup("cluster1");
    r->primary = dr_strdup("chicago");
    r->standby = dr_strdup("dallas");
    r->time_ms = 1700000000123;
    r->duration_s = 4.25;
    r->lag_s = 3;
    drill_check *c = drill_report_add(r, "ssh zk1", DRILL_PASS, "ok (80 ms)", "answers", NULL);
    c->host = dr_strdup("zk1");
    c->start_s = 0.1;
    c->end_s = 0.2;
    c = drill_report_add(r, "observer \"zk4\" <&> \\ x", DRILL_FAIL, "zk4 does not answer\nsrvr",
                         "mode observer", "start zk4 & wait");
    c->host = dr_strdup("zk4");
    c->start_s = 0.3;
    c->end_s = 1.5;
    c = drill_report_add(r, "config ch3", DRILL_FAIL, "<zookeeper> differs", NULL, "restore it");
    c->detail = dr_strdup("--- a/x\n+++ b/x\n@@ -1 +1 @@\n-<host>a</host>\n+<host>b</host>\n");
    c->host = dr_strdup("ch3");
    c = drill_report_add(r, "last full drill", DRILL_WARN, "never", "35 days", "run one");
}

static xmlNode *child(xmlNode *n, const char *name, int index)
{
    for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, name) && index-- == 0)
            return c;
    return NULL;
}

static void assert_attr(xmlNode *n, const char *attr, const char *want)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
    assert_non_null(v);
    assert_string_equal((const char *)v, want);
    xmlFree(v);
}

static void test_junit_well_formed(void **state)
{
    (void)state;
    drill_report r;
    sample(&r);
    dr_buf b = DR_BUF_INIT;
    drill_write_junit(&r, &b);
    xmlDoc *doc = xmlReadMemory(b.data, (int)b.len, "junit.xml", NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    assert_non_null(doc);
    xmlNode *root = xmlDocGetRootElement(doc);
    assert_string_equal((const char *)root->name, "testsuites");
    xmlNode *suite = child(root, "testsuite", 0);
    assert_non_null(suite);
    assert_attr(suite, "tests", "4");
    assert_attr(suite, "failures", "2");
    assert_attr(suite, "timestamp", "2023-11-14T22:13:20Z");
    xmlNode *tc = child(suite, "testcase", 1);
    assert_non_null(tc);
    assert_attr(tc, "name", "observer \"zk4\" <&> \\ x");
    assert_attr(tc, "time", "1.200");
    xmlNode *f = child(tc, "failure", 0);
    assert_non_null(f);
    assert_attr(f, "message", "start zk4 & wait");
    assert_null(child(child(suite, "testcase", 0), "failure", 0));
    assert_null(child(child(suite, "testcase", 3), "failure", 0)); /* a warning is no failure */
    assert_null(child(suite, "testcase", 4));
    xmlFreeDoc(doc);

    /* and xmllint agrees, when it is installed */
    if (access("/usr/bin/xmllint", X_OK) == 0) {
        char path[] = "/tmp/drill-junit-XXXXXX";
        int fd = mkstemp(path);
        assert_true(fd >= 0);
        assert_int_equal(write(fd, b.data, b.len), (ssize_t)b.len);
        close(fd);
        char cmd[128];
        snprintf(cmd, sizeof cmd, "/usr/bin/xmllint --noout %s", path);
        int rc = system(cmd);
        unlink(path);
        assert_int_equal(rc, 0);
    }
    dr_buf_free(&b);
    drill_report_free(&r);
}

/* ---- a small parser of the Prometheus text exposition format (0.0.4) */

typedef struct prom_sample {
    char name[64];
    char labels[256]; /* unescaped, "k=v,k=v" */
    double value;
} prom_sample;

typedef struct prom_doc {
    prom_sample s[64];
    int n;
    char help[16][64], type[16][64];
    int nhelp, ntype;
} prom_doc;

static int is_name_char(int c, int first)
{
    return isalpha(c) || c == '_' || c == ':' || (!first && isdigit(c));
}

static int has(char list[][64], int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(list[i], name))
            return 1;
    return 0;
}

/* Returns the 1-based line of the first error, 0 when the text parses. */
static int prom_parse(const char *text, prom_doc *d)
{
    memset(d, 0, sizeof *d);
    int line = 0;
    for (const char *p = text; *p;) {
        line++;
        const char *end = strchr(p, '\n');
        if (!end)
            return line; /* the last line must end with a newline */
        if (*p == '#') {
            char word[8], name[64];
            if (sscanf(p, "# %7s %63s", word, name) != 2)
                return line;
            if (!strcmp(word, "HELP")) {
                if (has(d->help, d->nhelp, name))
                    return line;
                strcpy(d->help[d->nhelp++], name);
            } else if (!strcmp(word, "TYPE")) {
                const char *t = p + strlen("# TYPE ") + strlen(name) + 1;
                if (has(d->type, d->ntype, name) ||
                    (strncmp(t, "gauge\n", 6) && strncmp(t, "counter\n", 8)))
                    return line;
                strcpy(d->type[d->ntype++], name);
            }
        } else {
            prom_sample *s = &d->s[d->n++];
            size_t k = 0;
            if (!is_name_char((unsigned char)*p, 1))
                return line;
            while (is_name_char((unsigned char)*p, 0) && k + 1 < sizeof s->name)
                s->name[k++] = *p++;
            if (!has(d->type, d->ntype, s->name))
                return line; /* TYPE must come before the samples */
            k = 0;
            if (*p == '{') {
                p++;
                while (*p != '}') {
                    while (is_name_char((unsigned char)*p, 0))
                        s->labels[k++] = *p++;
                    if (*p++ != '=' || *p++ != '"')
                        return line;
                    s->labels[k++] = '=';
                    while (*p != '"') {
                        if (*p == '\n' || !*p)
                            return line;
                        if (*p == '\\') {
                            p++;
                            if (*p != '\\' && *p != '"' && *p != 'n')
                                return line;
                            s->labels[k++] = *p == 'n' ? '\n' : *p;
                            p++;
                        } else {
                            s->labels[k++] = *p++;
                        }
                        if (k + 2 >= sizeof s->labels)
                            return line;
                    }
                    p++;
                    if (*p == ',')
                        s->labels[k++] = *p++;
                    else if (*p != '}')
                        return line;
                }
                p++;
            }
            if (*p++ != ' ')
                return line;
            char *vend;
            s->value = strtod(p, &vend);
            if (vend == p || vend != end)
                return line;
        }
        p = end + 1;
    }
    return 0;
}

static void test_prometheus_parses(void **state)
{
    (void)state;
    drill_report r;
    sample(&r);
    dr_buf b = DR_BUF_INIT;
    drill_write_prometheus(&r, &b);
    prom_doc d;
    int bad = prom_parse(b.data, &d);
    if (bad)
        fail_msg("line %d does not parse:\n%s", bad, b.data);
    const char *families[] = {"drctl_drill_success",          "drctl_drill_check_status",
                              "drctl_drill_rto_seconds",      "drctl_drill_rpo_rows",
                              "drctl_drill_lag_seconds",      "drctl_drill_duration_seconds",
                              "drctl_drill_timestamp_seconds", "drctl_split_brain"};
    for (size_t i = 0; i < 8; i++) {
        assert_true(has(d.help, d.nhelp, families[i]));
        assert_true(has(d.type, d.ntype, families[i]));
    }
    assert_int_equal(d.n, 1 + 4 + 5 + 1);
    assert_string_equal(d.s[10].name, "drctl_split_brain");
    assert_true(d.s[10].value == 0); /* no failed "split brain" check */
    /* every series names its cluster and site: two clusters' drills on one
     * node_exporter do not collide */
    for (int i = 0; i < d.n; i++)
        if (strncmp(d.s[i].labels, "cluster=cluster1,site=dallas", 28))
            fail_msg("series %s{%s} lacks the cluster and site labels", d.s[i].name, d.s[i].labels);
    assert_string_equal(d.s[0].name, "drctl_drill_success");
    assert_string_equal(d.s[0].labels, "cluster=cluster1,site=dallas,kind=readiness");
    assert_true(d.s[0].value == 0); /* two checks failed */
    assert_string_equal(d.s[2].labels,
                        "cluster=cluster1,site=dallas,check=observer \"zk4\" <&> \\ x");
    assert_true(d.s[2].value == 2);
    assert_true(d.s[4].value == 1); /* warn */
    assert_string_equal(d.s[5].name, "drctl_drill_rto_seconds");
    assert_true(isnan(d.s[5].value));
    assert_string_equal(d.s[6].name, "drctl_drill_rpo_rows");
    assert_true(isnan(d.s[6].value));
    assert_true(d.s[7].value == 3);
    assert_true(d.s[8].value == 4.25);
    assert_true(d.s[9].value == 1700000000);

    /* and a ready drill with an RTO */
    drill_report_free(&r);
    drill_report_init(&r);
    drill_report_add(&r, "ssh zk1", DRILL_PASS, "ok", NULL, NULL);
    r.rto_s = 12.5;
    r.rpo_rows = 0;
    dr_buf_reset(&b);
    drill_write_prometheus(&r, &b);
    assert_int_equal(prom_parse(b.data, &d), 0);
    assert_true(d.s[0].value == 1);
    assert_true(d.s[2].value == 12.5);
    assert_true(d.s[3].value == 0);                       /* RPO measured: no row lost */
    assert_string_equal(d.s[2].labels, "cluster=,site="); /* unknown, still there */
    /* a failed "split brain" check: drctl_split_brain 1 and in the JSON */
    drill_report_add(&r, "split brain", DRILL_FAIL, "zk2 and zk4 both lead", NULL, NULL);
    dr_buf_reset(&b);
    drill_write_prometheus(&r, &b);
    assert_int_equal(prom_parse(b.data, &d), 0);
    assert_string_equal(d.s[d.n - 1].name, "drctl_split_brain");
    assert_true(d.s[d.n - 1].value == 1);
    dr_buf_reset(&b);
    drill_write_json(&r, &b);
    assert_non_null(strstr(b.data, "\"split_brain\": true"));
    /* the parser is not a rubber stamp */
    assert_int_not_equal(prom_parse("# TYPE x gauge\nx{a=\"b} 1\n", &d), 0);
    assert_int_not_equal(prom_parse("x 1\n", &d), 0);
    assert_int_not_equal(prom_parse("# TYPE x gauge\nx 1", &d), 0);
    dr_buf_free(&b);
    drill_report_free(&r);
}

static void test_json_and_text(void **state)
{
    (void)state;
    drill_report r;
    sample(&r);
    dr_buf b = DR_BUF_INIT;
    drill_write_json(&r, &b);
    assert_non_null(strstr(b.data, "\"schema\": \"drctl.drill/1\""));
    assert_non_null(strstr(b.data, "\"ready\": false"));
    assert_non_null(strstr(b.data, "\"name\": \"observer \\\"zk4\\\" <&> \\\\ x\""));
    assert_non_null(strstr(b.data, "\"value\": \"zk4 does not answer\\nsrvr\""));
    assert_non_null(strstr(b.data, "\"rto_seconds\": null"));
    assert_non_null(strstr(
        b.data, "\"summary\": {\n    \"pass\": 1,\n    \"warn\": 1,\n    \"fail\": 2\n  }"));

    dr_buf_reset(&b);
    drill_write_html(&r, &b);
    assert_non_null(strstr(b.data, "observer &quot;zk4&quot; &lt;&amp;&gt;"));
    assert_null(strstr(b.data, "<&>"));
    assert_non_null(strstr(b.data, "<svg"));
    assert_non_null(strstr(b.data, "<title>observer &quot;zk4&quot; &lt;&amp;&gt; \\ x: fail, "
                                   "0.30 s to 1.50 s</title>"));
    assert_non_null(strstr(b.data, "&lt;host&gt;a&lt;/host&gt;"));
    xmlDoc *doc = xmlReadMemory(strstr(b.data, "<svg"),
                                (int)(strstr(b.data, "</svg>") + 6 - strstr(b.data, "<svg")), "svg",
                                NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
    assert_non_null(doc); /* the inline SVG is XML on its own */
    xmlFreeDoc(doc);

    dr_buf_reset(&b);
    drill_write_markdown(&r, &b);
    assert_non_null(strstr(b.data, "# drctl drill (readiness): NOT READY"));
    assert_non_null(strstr(b.data, "| config ch3 | **FAIL** |"));
    assert_non_null(strstr(b.data, "```diff\n--- a/x\n"));

    dr_buf_reset(&b);
    drill_write_text(&r, &b);
    assert_non_null(strstr(b.data, "FAIL  config ch3 "));
    assert_non_null(strstr(b.data, "fix: restore it"));
    assert_non_null(strstr(b.data, "NOT READY (1 pass, 1 warn, 2 fail)"));
    dr_buf_free(&b);
    drill_report_free(&r);
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void test_history(void **state)
{
    (void)state;
    char dir[] = "/tmp/drill-hist-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/h.jsonl", dir);
    dr_buf all = DR_BUF_INIT, out = DR_BUF_INIT;
    /* three full drills with RTO 10, 11, 10, then one at 30: a regression;
     * the lag going 1 -> 2 s is whole-second noise, not one */
    double rto[] = {10, 11, 10, 30};
    double lag[] = {1, 1, 1, 2};
    for (int i = 0; i < 4; i++) {
        drill_report r;
        drill_report_init(&r);
        r.kind = dr_strdup("full");
        r.time_ms = 1700000000000 + i * 86400000LL;
        r.rto_s = rto[i];
        r.lag_s = lag[i];
        drill_report_add(&r, "x", DRILL_PASS, NULL, NULL, NULL);
        drill_write_history_line(&r, &all);
        drill_history_entry e;
        dr_err err = {0};
        dr_buf one = DR_BUF_INIT;
        drill_write_history_line(&r, &one);
        assert_int_equal(drill_history_parse_line(one.data, one.len - 1, 1, &e, &err), DR_OK);
        assert_true(e.rto_s == rto[i]);
        assert_string_equal(e.kind, "full");
        assert_true(e.ready);
        dr_buf_free(&one);
        drill_report_free(&r);
    }
    write_text(path, all.data);
    dr_err err = {0};
    assert_int_equal(drill_history_show(path, 20, &out, &err), 1);
    assert_non_null(strstr(out.data, "REGRESSION: RTO 30.0 s is above 1.5x the median 10.0 s"));
    assert_null(strstr(out.data, "REGRESSION: lag"));
    /* the last three only: 11, 10, 30 still regress; the last two (10, 30) too */
    dr_buf_reset(&out);
    assert_int_equal(drill_history_show(path, 3, &out, &err), 1);
    assert_int_equal(drill_history_last_full_age(path, 1700000000000 + 4 * 86400000LL), 86400);
    /* RTO 10 -> 14 is above 1.5x of nothing but under the 10 s floor; lag
     * 1 -> 9 s is above both */
    write_text(
        path,
        "{\"time_ms\":1,\"kind\":\"full\",\"ready\":true,\"rto_seconds\":8,\"lag_seconds\":1}\n"
        "{\"time_ms\":2,\"kind\":\"full\",\"ready\":true,\"rto_seconds\":14,\"lag_seconds\":9}\n");
    dr_buf_reset(&out);
    assert_int_equal(drill_history_show(path, 20, &out, &err), 1);
    assert_null(strstr(out.data, "REGRESSION: RTO"));
    assert_non_null(strstr(out.data, "REGRESSION: lag 9.0 s"));
    write_text(path, all.data);
    /* without the outlier: no regression */
    char *nl = all.data + all.len - 1;
    *nl = '\0';
    nl = strrchr(all.data, '\n');
    nl[1] = '\0';
    write_text(path, all.data);
    dr_buf_reset(&out);
    assert_int_equal(drill_history_show(path, 20, &out, &err), 0);
    assert_non_null(strstr(out.data, "no regression"));
    /* a broken line is an error naming its line */
    write_text(path, "{\"time_ms\":1,\"kind\":\"full\",\"rto_seconds\":null,\"lag_seconds\":1}\n"
                     "garbage\n");
    dr_buf_reset(&out);
    assert_int_equal(drill_history_show(path, 20, &out, &err), DR_EPARSE);
    assert_non_null(strstr(err.msg, "history:2: expected a JSON object"));
    assert_int_equal(drill_history_last_full_age("/nonexistent/h", 0), -1);
    unlink(path);
    rmdir(dir);
    dr_buf_free(&all);
    dr_buf_free(&out);
}

/* A failing full drill: readiness checks, then the phases of the switch
 * (the runs the drill made, each with its steps), an RTO of 20 s that ends
 * when the promoted site took its first write, and the failed way back. */
static void full_sample(drill_report *r)
{
    drill_report_init(r);
    r->kind = dr_strdup("full");
    r->cluster = dr_strdup("cluster1");
    r->inventory = dr_strdup("/etc/drctl/inventory.yaml");
    r->primary = dr_strdup("chicago");
    r->standby = dr_strdup("dallas");
    r->time_ms = 1700000000123;
    r->duration_s = 95;
    r->rto_s = 20;
    r->rpo_rows = 0;
    r->lag_s = 2;
    struct {
        const char *name, *host;
        drill_status st;
        double a, b;
    } rows[] = {
        {"ssh zk4", "zk4", DRILL_PASS, 0.1, 0.3},
        {"observer zk4", "zk4", DRILL_PASS, 0.3, 0.5},
        {"write marker rows", "drctl", DRILL_PASS, 2, 5},
        {"write marker rows: insert", "ch1", DRILL_PASS, 2.5, 4.5},
        {"switchover", "drctl", DRILL_PASS, 6, 40},
        {"switchover: stop chicago's keepers", "zk1", DRILL_PASS, 10, 14},
        {"switchover: start zk4", "zk4", DRILL_PASS, 14, 25},
        {"switchover: verify dallas takes writes", "drctl", DRILL_PASS, 30, 34},
        {"switchover back", "drctl", DRILL_FAIL, 45, 95},
        {"switchover back: start zk1", "zk1", DRILL_FAIL, 50, 95},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        drill_check *c =
            drill_report_add(r, rows[i].name, rows[i].st,
                             rows[i].st == DRILL_FAIL ? "exit 1: zk1 did not start" : "ok",
                             "completes", rows[i].st ? "see drctl runs" : NULL);
        c->host = dr_strdup(rows[i].host);
        c->start_s = rows[i].a;
        c->end_s = rows[i].b;
    }
}

/* The attribute attr of the first element with class cls in the SVG. */
static double svg_attr(const char *svg, const char *cls, const char *attr)
{
    char want[64];
    snprintf(want, sizeof want, "class=\"%s\"", cls);
    const char *p = strstr(svg, want);
    assert_non_null(p);
    snprintf(want, sizeof want, " %s=\"", attr);
    p = strstr(p, want);
    assert_non_null(p);
    return strtod(p + strlen(want), NULL);
}

/* The timeline of a full drill marks its phases and the RTO window, under
 * a time axis with ticks; the page has a header and a summary box; and, if
 * chromium is there, a browser renders it (DOM and a screenshot). */
static void test_html_full_drill(void **state)
{
    (void)state;
    drill_report r;
    full_sample(&r);
    dr_buf b = DR_BUF_INIT;
    drill_write_html(&r, &b);
    const char *svg = strstr(b.data, "<svg");
    assert_non_null(svg);
    /* plot: x = 120 + 760 * t / 95 */
    assert_true(fabs(svg_attr(svg, "phase", "x") - (120 + 760 * 2 / 95.0)) < 0.2);
    assert_non_null(strstr(svg, "<title>phase switchover: 6.00 s to 40.00 s</title>"));
    assert_non_null(strstr(svg, "<title>phase switchover back: 45.00 s to 95.00 s</title>"));
    assert_null(strstr(svg, "<title>phase ssh zk4")); /* a check is not a phase */
    /* RTO: the 20 s before "verify dallas takes writes" ended (34 s) */
    assert_true(fabs(svg_attr(svg, "rto", "x") - (120 + 760 * 14 / 95.0)) < 0.2);
    assert_true(fabs(svg_attr(svg, "rto", "width") - 760 * 20 / 95.0) < 0.2);
    assert_non_null(strstr(svg, ">RTO 20.0 s</text>"));
    /* ticks every 10 s: 0 s .. 90 s */
    assert_non_null(strstr(svg, ">0 s</text>"));
    assert_non_null(strstr(svg, ">50 s</text>"));
    assert_non_null(strstr(svg, ">90 s</text>"));
    assert_null(strstr(svg, ">100 s</text>"));
    xmlDoc *doc = xmlReadMemory(svg, (int)(strstr(svg, "</svg>") + 6 - svg), "svg", NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR);
    assert_non_null(doc);
    xmlFreeDoc(doc);
    /* header, summary, failures first */
    assert_non_null(strstr(b.data, "<td id=\"cluster\">cluster1</td>"));
    assert_non_null(strstr(b.data, "<td id=\"inventory\">/etc/drctl/inventory.yaml</td>"));
    assert_non_null(strstr(b.data, "<td id=\"version\">drctl " DRCTL_VERSION "</td>"));
    assert_non_null(strstr(b.data, "class=\"summary not-ready\""));
    assert_non_null(strstr(b.data, "2 failed, 0 warnings, 8 passed"));
    assert_non_null(strstr(b.data, "RTO 20.0 s; RPO 0 rows;"));
    const char *first_row = strstr(b.data, "<tr class=");
    assert_non_null(first_row);
    assert_true(!strncmp(first_row, "<tr class=\"fail\" id=\"check-8\">", 30));

    /* in a browser, when there is one */
    if (system("command -v chromium >/dev/null 2>&1") != 0) {
        fprintf(stderr, "SKIP: chromium is not installed: the browser half of this test did "
                        "not run (tests/deps.sh installs it)\n");
    } else {
        char dir[] = "/tmp/drctl-html-XXXXXX";
        assert_non_null(mkdtemp(dir));
        char path[256];
        dr_buf cmd = DR_BUF_INIT; /* paths of any length: no truncation */
        snprintf(path, sizeof path, "%s/full.html", dir);
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fwrite(b.data, 1, b.len, f);
        fclose(f);
        const char *shot_dir = getenv("DRCTL_BUILD_DIR");
        char shot[512];
        snprintf(shot, sizeof shot, "%s/drill-full-report.png", shot_dir ? shot_dir : dir);
        const char *flags = "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
                            "--disable-background-networking --disable-component-update "
                            "--disable-sync --disable-dev-shm-usage";
        dr_buf_printf(&cmd,
                      "timeout 120 chromium %s --user-data-dir=%s/p1 --dump-dom file://%s "
                      ">%s/dom.html 2>/dev/null && "
                      "grep -q 'class=\"summary not-ready\"' %s/dom.html && "
                      "grep -q 'RTO 20.0 s</text>' %s/dom.html && "
                      "grep -q 'phase-label' %s/dom.html && "
                      "timeout 120 chromium %s --user-data-dir=%s/p2 --window-size=1000,900 "
                      "--screenshot=%s file://%s >/dev/null 2>&1 && "
                      "test \"$(stat -c %%s %s)\" -gt 10000",
                      flags, dir, path, dir, dir, dir, dir, flags, dir, shot, path, shot);
        int rc = system(cmd.data);
        dr_buf_reset(&cmd);
        dr_buf_printf(&cmd, "rm -rf %s", dir);
        if (system(cmd.data) != 0)
            fprintf(stderr, "could not remove %s\n", dir);
        dr_buf_free(&cmd);
        if (rc != 0)
            fail_msg("chromium did not render the full drill's report as expected");
        fprintf(stderr, "rendered by chromium; screenshot %s\n", shot);
    }
    dr_buf_free(&b);
    drill_report_free(&r);
}

static void test_status_names(void **state)
{
    (void)state;
    drill_status s;
    assert_int_equal(drill_status_parse("warn", &s), DR_OK);
    assert_int_equal(s, DRILL_WARN);
    assert_int_equal(drill_status_parse("ok", &s), DR_EINVAL);
    assert_int_equal(drill_status_parse(NULL, &s), DR_EINVAL);
    assert_string_equal(drill_status_name(DRILL_FAIL), "fail");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_junit_well_formed), cmocka_unit_test(test_prometheus_parses),
        cmocka_unit_test(test_json_and_text),     cmocka_unit_test(test_history),
        cmocka_unit_test(test_status_names),      cmocka_unit_test(test_html_full_drill),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    xmlCleanupParser();
    return rc;
}
