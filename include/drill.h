/* drill: the result of a readiness (or full) drill as plain C data, and the
 * reports written from it: JUnit XML, JSON ("drctl.drill/1"), a Prometheus
 * textfile, Markdown, HTML with an inline SVG timeline, and the one-line
 * history record appended to $STATE/drill-history.jsonl.
 *
 * The checks themselves run in Lua (lua/dr/drill.lua); drill_lua.c turns its
 * result table into a drill_report.  Nothing here touches a host: every
 * writer appends text to a dr_buf, so the writers are unit-tested alone. */
#ifndef DR_DRILL_H
#define DR_DRILL_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

typedef enum drill_status {
    DRILL_PASS = 0,
    DRILL_WARN = 1,
    DRILL_FAIL = 2,
} drill_status;

/* One check, or one step of a full drill.  Every string is owned by the
 * check (freed by drill_report_free); any may be NULL except name. */
typedef struct drill_check {
    char *name; /* "ssh", "observers following", ... */
    drill_status status;
    char *value;     /* what was observed ("zk4 mode observer, lag 0") */
    char *threshold; /* the bound it was held to */
    char *fix;       /* one sentence when not pass */
    char *detail;    /* longer text: a unified diff of drifted configs */
    char *host;      /* timeline row: host or node name ("" = drctl) */
    double start_s;  /* seconds from the drill's start */
    double end_s;
} drill_check;

typedef struct drill_report {
    char *kind;      /* "readiness" | "full" | "disaster" (owned) */
    char *inventory; /* inventory file (owned, may be NULL) */
    char *cluster;   /* the inventory's cluster name (owned, may be NULL) */
    char *primary;   /* site names (owned, may be NULL): labels and headers */
    char *standby;
    int64_t time_ms; /* wall clock at the start */
    double duration_s;
    double rto_s;        /* < 0: not measured */
    double lag_s;        /* heartbeat lag primary -> standby; < 0: unknown */
    int64_t rpo_rows;    /* rows lost by the switch; < 0: not measured */
    drill_check *checks; /* owned array */
    size_t nchecks;
} drill_report;

void drill_report_init(drill_report *r);
void drill_report_free(drill_report *r);
/* Appends a check (strings copied; NULLs allowed) and returns it. */
drill_check *drill_report_add(drill_report *r, const char *name, drill_status status,
                              const char *value, const char *threshold, const char *fix);

const char *drill_status_name(drill_status s); /* "pass" | "warn" | "fail" */
/* "pass"/"warn"/"fail" -> status; returns DR_EINVAL for anything else. */
int drill_status_parse(const char *s, drill_status *out);
/* 1 when no check failed (warnings allowed). */
int drill_report_ready(const drill_report *r);

/* Writers: append the whole document to out. */
void drill_write_junit(const drill_report *r, dr_buf *out);
void drill_write_json(const drill_report *r, dr_buf *out); /* pretty-ish, one object */
void drill_write_prometheus(const drill_report *r, dr_buf *out);
void drill_write_markdown(const drill_report *r, dr_buf *out);
void drill_write_html(const drill_report *r, dr_buf *out);
void drill_write_text(const drill_report *r, dr_buf *out); /* the terminal table */
/* One compact JSON line (with '\n'): time, kind, ready, rto, lag, failed checks. */
void drill_write_history_line(const drill_report *r, dr_buf *out);

/* drctl drill --history --json: the same window as drill_history_show as
 * one JSON document (schema drctl.drill-history/1): the drills oldest
 * first, and the regressions flagged.  Returns 1 / 0 / DR_E* as
 * drill_history_show does. */
int drill_history_json(const char *path, int limit, dr_buf *out, dr_err *err);

/* One parsed history line. */
typedef struct drill_history_entry {
    int64_t time_ms;
    char kind[16];
    int ready;
    double rto_s; /* < 0: none */
    double lag_s; /* < 0: none */
} drill_history_entry;

/* Parses a line written by drill_write_history_line.  Returns DR_EPARSE
 * ("history:LINE: what") on anything else. */
int drill_history_parse_line(const char *line, size_t len, int lineno, drill_history_entry *out,
                             dr_err *err);

/* Renders the history text (last `limit` entries, oldest first) and flags a
 * regression: the newest RTO or lag above 1.5x the median of the ones
 * before it.  Returns 1 when a regression was flagged, 0 if not, or DR_E*
 * when the file could not be read or parsed. */
int drill_history_show(const char *path, int limit, dr_buf *out, dr_err *err);

/* Age in seconds of the newest full (or disaster) drill in the history file
 * at path; -1 when there is none (or no file). */
int64_t drill_history_last_full_age(const char *path, int64_t now_ms);

/* Writes buf to path atomically (temp file + rename). */
int drill_write_file(const char *path, const dr_buf *buf, dr_err *err);

#endif
