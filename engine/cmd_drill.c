/* cmd_drill: drctl drill: the readiness checks (a read-only view), the full
 * and disaster drills (the runs they make, --inject), and the reports. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "cmd_common.h"
#include "drill.h"
#include "drill_lua.h"
#include "journal.h"
#include "json.h"
#include "engine.h"
#include "inventory.h"
#include "term.h"

/* Where each report goes (NULL: not asked for). */
struct drill_outputs {
    const char *junit, *metrics, *markdown, *html, *json_file;
    const char *rows;   /* marker rows of a full drill */
    const char *inject; /* --inject FAULT: one real fault during the switch */
    int full, disaster, history;
};

/* Takes drctl drill's own options out of argv (in place, argv[0] kept),
 * leaving the common options and the view's parameters (--max-delay 30 ...)
 * in order.  Returns the new argc, or -1 on bad usage. */
static int take_drill_options(int argc, char **argv, struct drill_outputs *out)
{
    memset(out, 0, sizeof *out);
    int n = 1;
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        const char **dest = !strcmp(s, "--report")      ? &out->junit
                            : !strcmp(s, "--metrics")   ? &out->metrics
                            : !strcmp(s, "--markdown")  ? &out->markdown
                            : !strcmp(s, "--html")      ? &out->html
                            : !strcmp(s, "--json-file") ? &out->json_file
                            : !strcmp(s, "--rows")      ? &out->rows
                            : !strcmp(s, "--inject")    ? &out->inject
                                                        : NULL;
        if (dest) {
            if (i + 1 >= argc || !argv[i + 1][0]) {
                fprintf(stderr, "drctl drill: %s needs a value\n", s);
                return -1;
            }
            *dest = argv[++i];
        } else if (!strcmp(s, "--full")) {
            out->full = 1;
        } else if (!strcmp(s, "--disaster")) {
            out->disaster = 1;
        } else if (!strcmp(s, "--history")) {
            out->history = 1;
        } else {
            argv[n++] = argv[i];
        }
    }
    argv[n] = NULL;
    return n;
}

static double mono_s(int64_t t0_ms)
{
    return (double)(dr_now_ms() - t0_ms) / 1000.0;
}

/* The first line of a runbook error without the Lua positions in it
 * ("/usr/share/drctl/lua/dr/procedures.lua:524: "): a report row says what
 * and why; where is in the journal.  Returns a new string. */
static char *error_line(const char *msg)
{
    size_t n = strcspn(msg, "\n");
    dr_buf b = DR_BUF_INIT;
    for (size_t i = 0; i < n;) {
        size_t w = strcspn(msg + i, " \n");
        if (w > n - i)
            w = n - i;
        const char *lua = NULL;
        for (size_t k = i; k + 4 <= i + w; k++)
            if (!strncmp(msg + k, ".lua:", 5))
                lua = msg + k + 5;
        size_t d = 0;
        while (lua && lua + d < msg + i + w && lua[d] >= '0' && lua[d] <= '9')
            d++;
        if (lua && d && lua + d + 1 == msg + i + w && lua[d] == ':') {
            i += w + (i + w < n && msg[i + w] == ' ');
            continue; /* the word is a position: drop it and its space */
        }
        dr_buf_append(&b, msg + i, w);
        if (i + w < n)
            dr_buf_putc(&b, ' ');
        i += w + 1;
    }
    while (b.len && b.data[b.len - 1] == ' ')
        b.data[--b.len] = '\0';
    char *out = dr_buf_steal(&b, NULL);
    return out ? out : dr_strdup("");
}

/* The error of an engine call as the drill's reports quote it: a runbook's
 * error as the operator read it ("drctl: " lines), any other as it is;
 * "" when none.  Returns a new string. */
static char *result_error(const engine_result *res)
{
    if (!res->error)
        return dr_strdup("");
    if (!res->outcome)
        return dr_strdup(res->error);
    dr_buf b = DR_BUF_INIT;
    cmd_error_lines(res->error, &b);
    char *s = dr_buf_steal(&b, NULL);
    return s ? s : dr_strdup("");
}

/* Rehearses the failover to the standby in a second engine: the plan must
 * render with no refusal.  Its text goes nowhere; the error, if any, is the
 * check's value. */
static void drill_check_failover_plan(const struct run_args *a, const char *standby,
                                      drill_report *r, int64_t t0_ms)
{
    double start = mono_s(t0_ms);
    engine_opts o = a->o;
    o.mode = ENGINE_REHEARSAL;
    o.quiet = 1;
    o.json = 0;
    engine *e = NULL;
    dr_err err = {0};
    drill_check *c;
    if (engine_open(&e, &o, &err) != DR_OK) {
        c = drill_report_add(r, "failover plan", DRILL_FAIL, err.msg, "renders, no refusal",
                             "fix the error above and run the drill again");
    } else {
        char to_opt[] = "--to";
        char *argv[] = {to_opt, (char *)standby, NULL};
        engine_result res;
        engine_run(e, "failover", 2, argv, &res);
        if (res.error) { /* the plan itself is not shown */
            dr_buf eb = DR_BUF_INIT;
            cmd_error_lines(res.error, &eb);
            fputs(eb.data, stderr);
            dr_buf_free(&eb);
        }
        if (res.status == ENGINE_OK) {
            dr_buf v = DR_BUF_INIT;
            dr_buf_printf(&v, "failover --to %s rehearsed, no refusal", standby);
            c = drill_report_add(r, "failover plan", DRILL_PASS, v.data, "renders, no refusal",
                                 NULL);
            dr_buf_free(&v);
        } else {
            dr_buf fix = DR_BUF_INIT;
            dr_buf_printf(&fix, "run 'drctl plan failover --to %s' and resolve what it refuses",
                          standby);
            /* the first line: a traceback below it is for the journal */
            char *last = result_error(&res);
            char *line = error_line(last);
            c = drill_report_add(r, "failover plan", DRILL_FAIL, line, "renders, no refusal",
                                 fix.data);
            free(line);
            free(last);
            dr_buf_free(&fix);
        }
        engine_result_free(&res);
    }
    engine_close(e);
    c->host = dr_strdup("drctl");
    c->start_s = start;
    c->end_s = mono_s(t0_ms);
}

static void drill_check_last_full(const char *history, drill_report *r, int64_t t0_ms)
{
    const int64_t max_age = 35 * 86400; /* the timer runs weekly; a month without one is late */
    double start = mono_s(t0_ms);
    int64_t age = drill_history_last_full_age(history, dr_wall_ms());
    dr_buf v = DR_BUF_INIT;
    drill_check *c;
    if (age < 0)
        c = drill_report_add(r, "last full drill", DRILL_WARN, "never", "within 35 days",
                             "run 'drctl drill --full' in a maintenance window");
    else {
        dr_buf_printf(&v, "%lld day(s) ago", (long long)(age / 86400));
        c = drill_report_add(r, "last full drill", age > max_age ? DRILL_WARN : DRILL_PASS, v.data,
                             "within 35 days", "run 'drctl drill --full' in a maintenance window");
    }
    dr_buf_free(&v);
    c->host = dr_strdup("drctl");
    c->start_s = start;
    c->end_s = mono_s(t0_ms);
}

/* A number of the JSON object o, or dflt. */
static double field_num(const json_t *o, const char *k, double dflt)
{
    json_t *v = json_object_get(o, k);
    return json_is_number(v) ? json_number_value(v) : dflt;
}

/* One run of a runbook within a full drill.  Its steps join the report
 * (and the HTML timeline) as "label: step", its outcome is a check named
 * label; the metric `metric` (NULL: none) is stored in *value (-1 when the
 * run did not report it).  Returns the run's DR_EXIT_* code. */
static int drill_run(const struct run_args *a, engine_mode mode, int force, const char *label,
                     const char *runbook, int argc, char **argv, const char *metric, double *value,
                     drill_report *r, int64_t wall0)
{
    engine_opts o = a->o;
    o.mode = mode;
    o.json = 0;
    if (force) {
        o.force = 1;
        o.reason = "drctl drill: the return switch of the drill itself";
    }
    if (value)
        *value = -1;
    engine *e = NULL;
    dr_err err = {0};
    int64_t start = dr_wall_ms();
    if (!a->o.quiet)
        fprintf(stderr, "drctl drill: %s\n", label);
    if (engine_open(&e, &o, &err) != DR_OK) {
        drill_check *c = drill_report_add(r, label, DRILL_FAIL, err.msg, "completes",
                                          "fix the error and run the drill again");
        c->host = dr_strdup("drctl");
        c->start_s = c->end_s = (double)(start - wall0) / 1000.0;
        return DR_EXIT_USAGE;
    }
    engine_result res;
    engine_run(e, runbook, argc, argv, &res);
    int code = cmd_show_result(&o, &res);
    size_t i;
    json_t *st;
    json_array_foreach(res.steps, i, st)
    {
        const char *name = json_string_value(json_object_get(st, "name"));
        const char *status = json_string_value(json_object_get(st, "status"));
        const char *host = json_string_value(json_object_get(st, "host"));
        int good = status && (!strcmp(status, "ok") || !strcmp(status, "skipped") ||
                              !strcmp(status, "planned"));
        dr_buf nm = DR_BUF_INIT;
        dr_buf_printf(&nm, "%s: %s", label, name ? name : "?");
        drill_check *c =
            drill_report_add(r, nm.data, good ? DRILL_PASS : DRILL_FAIL, status ? status : "?",
                             NULL, good ? NULL : "see drctl runs for this step");
        dr_buf_free(&nm);
        c->host = dr_strdup(host ? host : "drctl");
        double ws = field_num(st, "wall_start_ms", (double)start);
        c->start_s = (ws - (double)wall0) / 1000.0;
        c->end_s = c->start_s + field_num(st, "ms", 0) / 1000.0;
    }
    if (metric && value)
        *value = field_num(res.metrics, metric, -1);
    dr_buf v = DR_BUF_INIT;
    if (code == DR_EXIT_OK)
        dr_buf_printf(&v, "ok in %.1f s", (double)(dr_wall_ms() - start) / 1000.0);
    else {
        char *last = result_error(&res);
        dr_buf_printf(&v, "exit %d: %s", code, last);
        free(last);
    }
    drill_check *c = drill_report_add(
        r, label, code == DR_EXIT_OK ? DRILL_PASS : DRILL_FAIL, v.data, "completes",
        code == DR_EXIT_OK        ? NULL
        : code == DR_EXIT_REFUSED ? "refused before any change: resolve what it says, then run "
                                    "the drill again"
                                  : "the sites may be half-switched: see 'drctl runs', then "
                                    "'drctl resume RUN' or 'drctl rollback RUN' before anything "
                                    "else");
    dr_buf_free(&v);
    c->host = dr_strdup("drctl");
    c->start_s = (double)(start - wall0) / 1000.0;
    c->end_s = (double)(dr_wall_ms() - wall0) / 1000.0;
    engine_result_free(&res);
    engine_close(e);
    return code;
}

/* ------------------------------------------------ drill --inject FAULT
 *
 * The switch of a full drill runs as a child drctl (this executable, `run
 * switchover --to STANDBY`), watched through its journal; once it has done
 * DRCTL_DRILL_INJECT_AFTER effects (default 3; 1 for restart-standby-keeper)
 * one real fault is injected:
 *   kill-drctl   the child is SIGKILLed, then `drctl resume RUN` finishes it
 *   slow-link    before the switch, the command in $DRCTL_DRILL_SLOW_LINK
 *                (e.g. `tests/lab/lab latency 30` in the network lab) slows
 *                the link between the sites; $DRCTL_DRILL_HEAL undoes it after
 *   restart-standby-keeper
 *                a serving keeper of the standby site is restarted through
 *                the inventory's stop and start commands (runbook
 *                drill_fault, state directory STATE/inject: the switch holds
 *                the state's lock) while the switch is held (SIGSTOP) inside
 *                its step; it then goes on with the keeper restarted
 *   drop-ssh     every SSH session the child holds is cut: its TCP
 *                connections to an SSH port of the inventory are shut down
 *                (the socket taken from the child with pidfd_getfd), as a
 *                dropped link or a killed sshd leaves them
 * The report gains a check "inject FAULT": converged or not, with the RTO
 * (first change to the switch's end, kill and resume included). */
static const char *const drill_faults[] = {"kill-drctl", "slow-link", "restart-standby-keeper",
                                           "drop-ssh", NULL};

static int drill_fault_known(const char *f)
{
    for (int i = 0; drill_faults[i]; i++)
        if (!strcmp(f, drill_faults[i]))
            return 1;
    return 0;
}

/* Starts this executable with argv (NULL-terminated); returns its pid or -1. */
static pid_t drill_spawn(char **argv)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        execv("/proc/self/exe", argv);
        _exit(127);
    }
    return pid;
}

/* Runs a shell command of the operator's ($DRCTL_DRILL_*); 0 when it exited 0. */
static int drill_shell(const char *cmd)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    int st = 0;
    return pid < 0 || waitpid(pid, &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) ? -1 : 0;
}

/* The newest run id of the state directory that is not `before` (a copy of
 * the list before the spawn, NUL-separated); "" when none. */
static void drill_new_run(const char *state, const dr_buf *before, char *id, size_t n)
{
    dr_buf list = DR_BUF_INIT;
    size_t count = 0;
    dr_err err = {0};
    id[0] = 0;
    if (journal_list_runs(state, &list, &count, &err) == DR_OK) {
        const char *p = list.data;
        for (size_t i = 0; i < count; i++, p += strlen(p) + 1) {
            int seen = 0;
            const char *q = before->data;
            for (size_t k = 0; q && q < before->data + before->len; k++, q += strlen(q) + 1)
                if (!strcmp(p, q))
                    seen = 1;
            if (!seen)
                snprintf(id, n, "%s", p);
        }
    }
    dr_buf_free(&list);
}

/* Counts a journal's records of type t (t="..." in its text); the wall
 * time of the first of them in *first_ms when asked. */
static int drill_journal_count(const char *state, const char *id, const char *t, int64_t *first_ms)
{
    dr_buf text = DR_BUF_INIT;
    dr_err err = {0};
    int n = 0;
    if (journal_read(state, id, &text, &err) == DR_OK && text.data) {
        char pat[64];
        snprintf(pat, sizeof pat, "t=\"%s\"", t);
        for (const char *p = strstr(text.data, pat); p; p = strstr(p + 1, pat)) {
            if (!n && first_ms) { /* the record's fields come in any order */
                const char *bol = p;
                while (bol > text.data && bol[-1] != '\n')
                    bol--;
                const char *eol = strchr(p, '\n');
                for (const char *tm = strstr(bol, "time="); tm && (!eol || tm < eol);
                     tm = strstr(tm + 1, "time=")) {
                    if (tm == bol || tm[-1] == ',' || tm[-1] == '{') {
                        *first_ms = strtoll(tm + 5, NULL, 10);
                        break;
                    }
                }
            }
            n++;
        }
    }
    dr_buf_free(&text);
    return n;
}

/* The SSH ports of an inventory (ssh.port and every node's own); their
 * number, 0 when the inventory does not load. */
static size_t drill_ssh_ports(const char *path, int *ports, size_t max)
{
    inventory_t *inv = NULL;
    inventory_errors errs;
    dr_err err = {0};
    size_t n = 0;
    inventory_errors_init(&errs);
    if (inventory_load_file(path, NULL, &inv, &errs, &err) == DR_OK && inv) {
        for (size_t s = 0; s < inv->n_sites; s++) {
            const inventory_site *site = &inv->sites[s];
            for (size_t i = 0; i < site->n_keepers + site->n_clickhouse; i++) {
                int port = i < site->n_keepers ? site->keepers[i].ssh_port
                                               : site->clickhouse[i - site->n_keepers].ssh_port;
                size_t k = 0;
                while (k < n && ports[k] != port)
                    k++;
                if (k == n && n < max && port > 0)
                    ports[n++] = port;
            }
        }
        if (n < max && inv->ssh.port > 0) {
            size_t k = 0;
            while (k < n && ports[k] != inv->ssh.port)
                k++;
            if (k == n)
                ports[n++] = inv->ssh.port;
        }
    }
    inventory_free(inv);
    inventory_errors_free(&errs);
    return n;
}

/* Adds to inodes the socket inodes of pid's established TCP connections
 * (/proc/PID/net/tcp and tcp6) whose remote port is one of ports. */
static size_t drill_ssh_inodes(pid_t pid, const int *ports, size_t nports, unsigned long *inodes,
                               size_t max)
{
    size_t n = 0;
    for (int v6 = 0; v6 < 2; v6++) {
        char path[64], line[512];
        snprintf(path, sizeof path, "/proc/%d/net/tcp%s", (int)pid, v6 ? "6" : "");
        FILE *f = fopen(path, "r");
        if (!f)
            continue;
        while (fgets(line, sizeof line, f)) {
            char rem[80];
            unsigned st = 0;
            unsigned long inode = 0;
            /* sl local rem st tx:rx tr:when retrnsmt uid timeout inode */
            if (sscanf(line, " %*s %*s %79s %x %*s %*s %*s %*s %*s %lu", rem, &st, &inode) != 3 ||
                st != 1 || !inode)
                continue;
            const char *colon = strrchr(rem, ':');
            int port = colon ? (int)strtol(colon + 1, NULL, 16) : -1;
            for (size_t k = 0; k < nports && n < max; k++)
                if (port == ports[k]) {
                    inodes[n++] = inode;
                    break;
                }
        }
        fclose(f);
    }
    return n;
}

/* drop-ssh: shuts down every socket of pid whose inode is in inodes, through
 * a copy of its descriptor (pidfd_getfd); the number shut down. */
static int drill_drop_ssh(pid_t pid, const int *ports, size_t nports)
{
#if defined(SYS_pidfd_open) && defined(SYS_pidfd_getfd)
    unsigned long inodes[256];
    size_t ni = drill_ssh_inodes(pid, ports, nports, inodes, 256);
    if (!ni)
        return 0;
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/fd", (int)pid);
    DIR *d = opendir(path);
    int pfd = (int)syscall(SYS_pidfd_open, pid, 0);
    int dropped = 0;
    struct dirent *de;
    while (d && pfd >= 0 && (de = readdir(d))) {
        char link[320], target[128];
        snprintf(link, sizeof link, "%s/%s", path, de->d_name);
        ssize_t len = readlink(link, target, sizeof target - 1);
        unsigned long inode = 0;
        if (len <= 0)
            continue;
        target[len] = 0;
        if (sscanf(target, "socket:[%lu]", &inode) != 1)
            continue;
        for (size_t k = 0; k < ni; k++) {
            if (inodes[k] != inode)
                continue;
            int fd = (int)syscall(SYS_pidfd_getfd, pfd, atoi(de->d_name), 0);
            if (fd >= 0) {
                if (shutdown(fd, SHUT_RDWR) == 0)
                    dropped++;
                close(fd);
            }
            break;
        }
    }
    if (pfd >= 0)
        close(pfd);
    if (d)
        closedir(d);
    return dropped;
#else
    (void)pid;
    (void)ports;
    (void)nports;
    return -1;
#endif
}

static int drill_inject_switch(const struct run_args *a, const char *fault, const char *standby,
                               double *rto, drill_report *r, int64_t wall0)
{
    dr_buf state = DR_BUF_INIT, before = DR_BUF_INIT, v = DR_BUF_INIT;
    dr_err err = {0};
    size_t count = 0;
    char id[80] = "";
    int converged = 0, code = DR_EXIT_FAIL;
    int64_t start = dr_wall_ms(), first_ms = 0;
    const char *after_env = getenv("DRCTL_DRILL_INJECT_AFTER");
    /* a keeper is restarted early, during the catch-up gate, so that the
     * switch meets it coming back rather than racing its own stop of it */
    int after = after_env && atoi(after_env) > 0           ? atoi(after_env)
                : !strcmp(fault, "restart-standby-keeper") ? 1
                                                           : 3;
    const char *slow = getenv("DRCTL_DRILL_SLOW_LINK"), *heal = getenv("DRCTL_DRILL_HEAL");
    *rto = -1;
    if (journal_state_dir(a->o.state_dir, &state, &err) ||
        journal_list_runs(state.data, &before, &count, &err)) {
        dr_buf_printf(&v, "%s", err.msg);
        goto report;
    }
    if (!strcmp(fault, "slow-link")) {
        if (!slow || !*slow || !heal || !*heal) {
            dr_buf_printf(&v, "slow-link needs DRCTL_DRILL_SLOW_LINK (a command that slows the "
                              "link between the sites) and DRCTL_DRILL_HEAL (one that undoes it)");
            goto report;
        }
        if (drill_shell(slow)) {
            dr_buf_printf(&v, "DRCTL_DRILL_SLOW_LINK failed: %s", slow);
            goto report;
        }
    }
    char *argv[20];
    int n = 0;
    argv[n++] = "drctl";
    argv[n++] = "run";
    argv[n++] = "switchover";
    argv[n++] = "--to";
    argv[n++] = (char *)standby;
    argv[n++] = "--yes";
    argv[n++] = "--state-dir";
    argv[n++] = state.data;
    argv[n++] = "-i";
    argv[n++] = (char *)a->o.inventory_path;
    if (a->o.runbook_dir) {
        argv[n++] = "--runbooks";
        argv[n++] = (char *)a->o.runbook_dir;
    }
    if (a->o.quiet)
        argv[n++] = "--quiet";
    argv[n] = NULL;
    pid_t pid = drill_spawn(argv);
    if (pid < 0) {
        dr_buf_printf(&v, "cannot start the switchover: fork failed");
        goto report;
    }
    int st = 0, killed = 0, injected = 0, fault_st = 0;
    dr_buf inject_state = DR_BUF_INIT, how = DR_BUF_INIT;
    int ports[16];
    size_t nports = !strcmp(fault, "drop-ssh")
                        ? drill_ssh_ports(a->o.inventory_path, ports, sizeof ports / sizeof *ports)
                        : 0;
    for (;;) {
        pid_t w = waitpid(pid, &st, WNOHANG);
        if (w == pid)
            break;
        if (!injected && strcmp(fault, "kill-drctl") && strcmp(fault, "slow-link")) {
            if (!id[0])
                drill_new_run(state.data, &before, id, sizeof id);
            if (id[0] && drill_journal_count(state.data, id, "effect_done", NULL) >= after) {
                if (!strcmp(fault, "drop-ssh")) {
                    int cut = drill_drop_ssh(pid, ports, nports);
                    if (cut > 0) {
                        injected = 1;
                        dr_buf_printf(&how, "%d SSH session%s dropped", cut, cut == 1 ? "" : "s");
                    } else if (cut < 0) {
                        injected = -1;
                        dr_buf_printf(&how, "this system cannot take a socket from a process "
                                            "(pidfd_getfd)");
                    }
                } else { /* restart-standby-keeper, the switch held where it is */
                    dr_buf_printf(&inject_state, "%s/inject", state.data);
                    mkdir(inject_state.data, 0700);
                    char *fargv[16];
                    int m = 0;
                    fargv[m++] = "drctl";
                    fargv[m++] = "run";
                    fargv[m++] = "drill_fault";
                    fargv[m++] = "--action";
                    fargv[m++] = "restart-keeper";
                    fargv[m++] = "--site";
                    fargv[m++] = (char *)standby;
                    fargv[m++] = "--yes";
                    fargv[m++] = "--quiet";
                    fargv[m++] = "--state-dir";
                    fargv[m++] = inject_state.data;
                    fargv[m++] = "-i";
                    fargv[m++] = (char *)a->o.inventory_path;
                    if (a->o.runbook_dir) {
                        fargv[m++] = "--runbooks";
                        fargv[m++] = (char *)a->o.runbook_dir;
                    }
                    fargv[m] = NULL;
                    /* The switch is stopped (SIGSTOP) inside its step while
                     * the keeper goes down and comes back, then continues
                     * with the restarted keeper under it: a restart that
                     * lands at a known point, not a race with the switch's
                     * own stop of that keeper (which is what a restart in
                     * the middle of the reconfiguration would be). */
                    kill(pid, SIGSTOP);
                    pid_t fp = drill_spawn(fargv);
                    int ok = fp > 0 && waitpid(fp, &fault_st, 0) == fp && WIFEXITED(fault_st) &&
                             WEXITSTATUS(fault_st) == 0;
                    kill(pid, SIGCONT);
                    injected = ok ? 1 : -1;
                    if (ok)
                        dr_buf_printf(&how, "a standby keeper restarted mid-step");
                    else
                        dr_buf_printf(&how, "the keeper restart (drctl runs --state-dir %s) failed",
                                      inject_state.data);
                }
                if (injected > 0 && !a->o.quiet)
                    fprintf(stderr, "drctl drill: inject %s: %s into run %s (pid %d)\n", fault,
                            how.len ? how.data : "a standby keeper restarted", id, (int)pid);
            }
        }
        if (!strcmp(fault, "kill-drctl") && !killed) {
            if (!id[0])
                drill_new_run(state.data, &before, id, sizeof id);
            if (id[0] && drill_journal_count(state.data, id, "effect_done", NULL) >= after) {
                kill(pid, SIGKILL);
                killed = 1;
                if (!a->o.quiet)
                    fprintf(stderr, "drctl drill: inject kill-drctl: killed run %s (pid %d)\n", id,
                            (int)pid);
            }
        }
        usleep(20000);
    }
    if (!id[0])
        drill_new_run(state.data, &before, id, sizeof id);
    int exit_ok = WIFEXITED(st) && WEXITSTATUS(st) == 0;
    /* a fault that stopped the run (a session cut mid-command): resumed once,
     * as the operator would; the report says so */
    int stopped = injected > 0 && !exit_ok && id[0];
    if (stopped && !a->o.quiet)
        fprintf(stderr, "drctl drill: inject %s: run %s stopped (exit %d); resuming it\n", fault,
                id, WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
    if ((killed || stopped) && id[0]) {
        char *rargv[16];
        int m = 0;
        rargv[m++] = "drctl";
        rargv[m++] = "resume";
        rargv[m++] = id;
        rargv[m++] = "--yes";
        rargv[m++] = "--state-dir";
        rargv[m++] = state.data;
        rargv[m++] = "-i";
        rargv[m++] = (char *)a->o.inventory_path;
        if (a->o.quiet)
            rargv[m++] = "--quiet";
        rargv[m] = NULL;
        pid_t rp = drill_spawn(rargv);
        exit_ok = rp > 0 && waitpid(rp, &st, 0) == rp && WIFEXITED(st) && WEXITSTATUS(st) == 0;
    }
    if (slow && heal && !strcmp(fault, "slow-link") && drill_shell(heal))
        fprintf(stderr, "drctl drill: DRCTL_DRILL_HEAL failed: %s\n", heal);
    int plain = !strcmp(fault, "slow-link");
    converged = exit_ok && (killed || injected > 0 || plain);
    if (id[0])
        drill_journal_count(state.data, id, "effect", &first_ms);
    if (converged && first_ms > 0)
        *rto = (double)(dr_wall_ms() - first_ms) / 1000.0;
    if (!strcmp(fault, "kill-drctl") && !killed)
        dr_buf_printf(&v, "not injected: the run ended before %d effects", after);
    else if (!plain && strcmp(fault, "kill-drctl") && injected <= 0)
        dr_buf_printf(&v, "not injected: %s",
                      how.len ? how.data : "the run ended before the fault could be injected");
    else if (converged && how.len)
        dr_buf_printf(&v, "converged: run %s %s, %s, RTO %.1f s", id,
                      stopped ? "stopped by the fault and resumed" : "finished", how.data, *rto);
    else if (converged)
        dr_buf_printf(&v, "converged: run %s %s, RTO %.1f s", id,
                      killed ? "killed and resumed" : "finished", *rto);
    else if (how.len)
        dr_buf_printf(&v, "did not converge: run %s exit %d, %s", id[0] ? id : "?",
                      WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st), how.data);
    else
        dr_buf_printf(&v, "did not converge: run %s exit %d", id[0] ? id : "?",
                      WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
    code = converged ? DR_EXIT_OK : DR_EXIT_FAIL;
    dr_buf_free(&inject_state);
    dr_buf_free(&how);
report:;
    dr_buf nm = DR_BUF_INIT;
    dr_buf_printf(&nm, "inject %s", fault);
    drill_check *c = drill_report_add(
        r, nm.data, converged ? DRILL_PASS : DRILL_FAIL, v.data, "the switch converges",
        converged ? NULL
                  : "the sites may be half-switched: see 'drctl runs', then 'drctl resume RUN' "
                    "before anything else");
    c->host = dr_strdup("drctl");
    c->start_s = (double)(start - wall0) / 1000.0;
    c->end_s = (double)(dr_wall_ms() - wall0) / 1000.0;
    dr_buf_free(&nm);
    dr_buf_free(&v);
    dr_buf_free(&before);
    dr_buf_free(&state);
    return code;
}

/* The full drill: marker rows on the primary, the switch to the standby
 * (switchover, or for --disaster an unplanned failover), the rows counted
 * there (RPO), then back home (switchover, or recover + failback). */
static void drill_full(const struct run_args *a, const struct drill_outputs *out,
                       const char *primary, const char *standby, drill_report *r, int64_t wall0)
{
    char tag[64];
    snprintf(tag, sizeof tag, "drill-%lld", (long long)r->time_ms);
    const char *rows = out->rows ? out->rows : "100";
    char *wargv[] = {"--action", "write",      "--site", (char *)primary, "--tag", tag,
                     "--rows",   (char *)rows, NULL};
    double written = -1, seen = -1, rto = -1;
    if (drill_run(a, ENGINE_REAL, 0, "write marker rows", "drill_rows", 8, wargv, "rows", &written,
                  r, wall0) != DR_EXIT_OK)
        return;
    char *to_standby[] = {"--to", (char *)standby, NULL};
    int code = out->disaster ? drill_run(a, ENGINE_REAL, 0, "failover", "failover", 2, to_standby,
                                         "rto_seconds", &rto, r, wall0)
               : out->inject ? drill_inject_switch(a, out->inject, standby, &rto, r, wall0)
                             : drill_run(a, ENGINE_REAL, 0, "switchover", "switchover", 2,
                                         to_standby, "rto_seconds", &rto, r, wall0);
    if (code != DR_EXIT_OK)
        return;
    r->rto_s = rto;
    char *cargv[] = {"--action", "count", "--site", (char *)standby, "--tag", tag, NULL};
    if (drill_run(a, ENGINE_READONLY, 0, "count marker rows", "drill_rows", 6, cargv, "rows", &seen,
                  r, wall0) == DR_EXIT_OK &&
        written >= 0 && seen >= 0) {
        r->rpo_rows = written > seen ? (int64_t)(written - seen) : 0;
        dr_buf v = DR_BUF_INIT;
        dr_buf_printf(&v, "%.0f of %.0f rows written before the switch found on %s", seen, written,
                      standby);
        drill_check *c =
            drill_report_add(r, "RPO", r->rpo_rows ? DRILL_FAIL : DRILL_PASS, v.data, "0 rows lost",
                             "rows were lost: check the catch-up gate and the "
                             "replication delay before a switch");
        c->host = dr_strdup("drctl");
        c->start_s = c->end_s = (double)(dr_wall_ms() - wall0) / 1000.0;
        dr_buf_free(&v);
    }
    char *to_primary[] = {"--to", (char *)primary, NULL};
    double back = -1;
    if (out->disaster) {
        char *site[] = {"--site", (char *)primary, NULL};
        if (drill_run(a, ENGINE_REAL, 0, "recover", "recover", 2, site, NULL, NULL, r, wall0) !=
            DR_EXIT_OK)
            return;
        drill_run(a, ENGINE_REAL, 1, "failback", "failback", 2, to_primary, "rto_seconds", &back, r,
                  wall0);
    } else {
        drill_run(a, ENGINE_REAL, 1, "switchover back", "switchover", 2, to_primary, "rto_seconds",
                  &back, r, wall0);
    }
}

static int write_report(const char *path, const drill_report *r,
                        void (*writer)(const drill_report *, dr_buf *))
{
    if (!path)
        return 0;
    dr_buf b = DR_BUF_INIT;
    dr_err err = {0};
    writer(r, &b);
    dr_redact(&b); /* the secrets registered while loading, should an error quote one */
    int rc = drill_write_file(path, &b, &err);
    dr_buf_free(&b);
    if (rc)
        fprintf(stderr, "drctl drill: %s\n", err.msg);
    return rc;
}

static int append_history(const char *path, const drill_report *r)
{
    dr_buf line = DR_BUF_INIT;
    drill_write_history_line(r, &line);
    FILE *f = fopen(path, "a");
    int rc = 0;
    if (!f || fwrite(line.data, 1, line.len, f) != line.len || fflush(f) || fsync(fileno(f))) {
        fprintf(stderr, "drctl drill: %s: cannot append the history line\n", path);
        rc = -1;
    }
    if (f)
        fclose(f);
    dr_buf_free(&line);
    return rc;
}

int cmd_drill(int argc, char **argv)
{
    struct run_args a;
    struct drill_outputs out;
    argc = take_drill_options(argc, argv, &out);
    if (argc < 0)
        return DR_EXIT_USAGE;
    if (cmd_parse_run_args(argc, argv, &a, 0))
        return free(a.rest), DR_EXIT_USAGE;
    if (a.target) {
        fprintf(stderr, "drctl drill: unexpected argument '%s'\n", a.target);
        free(a.rest);
        return DR_EXIT_USAGE;
    }
    dr_buf state = DR_BUF_INIT, history = DR_BUF_INIT;
    dr_err err = {0};
    if (journal_state_dir(a.o.state_dir, &state, &err)) {
        fprintf(stderr, "drctl drill: %s\n", err.msg);
        free(a.rest);
        return DR_EXIT_USAGE;
    }
    dr_buf_printf(&history, "%s/drill-history.jsonl", state.data);
    dr_buf_free(&state);
    if (out.history) {
        dr_buf text = DR_BUF_INIT;
        int rc = a.o.json ? drill_history_json(history.data, 20, &text, &err)
                          : drill_history_show(history.data, 20, &text, &err);
        if (rc < 0)
            fprintf(stderr, "drctl drill: %s\n", err.msg);
        else
            fputs(text.data, stdout);
        dr_buf_free(&text);
        dr_buf_free(&history);
        free(a.rest);
        return rc < 0 ? DR_EXIT_USAGE : rc ? DR_EXIT_FAIL : DR_EXIT_OK;
    }
    if (!a.o.inventory_path) {
        fprintf(stderr, "drctl drill: no inventory: give -i FILE or set DRCTL_INVENTORY\n");
        dr_buf_free(&history);
        free(a.rest);
        return DR_EXIT_USAGE;
    }
    if (out.full && out.disaster) {
        fprintf(stderr, "drctl drill: --full or --disaster, not both\n");
        dr_buf_free(&history);
        free(a.rest);
        return DR_EXIT_USAGE;
    }
    if (out.inject && (!out.full || !drill_fault_known(out.inject))) {
        fprintf(stderr, "drctl drill: --inject %s: %s\n", out.inject,
                !out.full ? "needs --full (it injects into the drill's switchover)"
                          : "unknown fault; expected kill-drctl, slow-link, "
                            "restart-standby-keeper or drop-ssh");
        dr_buf_free(&history);
        free(a.rest);
        return DR_EXIT_USAGE;
    }

    drill_report r;
    drill_report_init(&r);
    r.time_ms = dr_wall_ms();
    r.inventory = dr_strdup(a.o.inventory_path);
    int64_t t0 = dr_now_ms();
    int json = a.o.json, quiet = a.o.quiet;
    a.o.json = 0;
    a.o.quiet = 1;
    a.o.mode = ENGINE_READONLY;
    a.target = "drill";
    engine *e = NULL;
    int code = DR_EXIT_USAGE;
    if (engine_open(&e, &a.o, &err) != DR_OK) {
        fprintf(stderr, "drctl drill: %s\n", err.msg);
        goto done;
    }
    if (cmd_builtin(e, &a) != DR_EXIT_OK || drill_lua_result(engine_lua(e), &r, &err) != DR_OK) {
        fprintf(stderr, "drctl drill: could not run the checks%s%s\n", err.msg[0] ? ": " : "",
                err.msg);
        goto done;
    }
    /* the view names the standby it checked */
    char *standby = NULL, *primary = NULL, *lost = NULL;
    drill_lua_sites(engine_lua(e), &primary, &standby, &lost, &r.cluster);
    if (!standby)
        standby = dr_strdup("");
    if (!primary)
        primary = dr_strdup("");
    /* the standby is the lost old primary (after a failover, before
     * recover): there is nothing to fail over to, the view says why */
    r.primary = dr_strdup(primary);
    r.standby = dr_strdup(standby);
    engine_close(e);
    e = NULL;
    if (lost) {
        dr_buf fix = DR_BUF_INIT;
        dr_buf_printf(&fix,
                      "run 'drctl plan recover --site %s', then 'drctl run recover --site %s'",
                      standby, standby);
        drill_check *c = drill_report_add(&r, "failover plan", DRILL_WARN, lost,
                                          "renders, no refusal", fix.data);
        c->host = dr_strdup("drctl");
        c->start_s = c->end_s = mono_s(t0);
        dr_buf_free(&fix);
        free(lost);
    } else {
        drill_check_failover_plan(&a, standby, &r, t0);
    }
    drill_check_last_full(history.data, &r, t0);
    if (out.full || out.disaster) {
        free(r.kind);
        r.kind = dr_strdup(out.disaster ? "disaster" : "full");
        if (drill_report_ready(&r)) {
            a.o.quiet = quiet; /* the switches take minutes: show their progress */
            drill_full(&a, &out, primary, standby, &r, r.time_ms);
        } else {
            drill_check *c = drill_report_add(
                &r, out.disaster ? "disaster drill" : "full drill", DRILL_FAIL,
                "not attempted: the readiness checks failed", "standby ready",
                "fix the failed checks first; a drill never switches to a standby that is not "
                "ready");
            c->host = dr_strdup("drctl");
            c->start_s = c->end_s = mono_s(t0);
        }
    }
    free(standby);
    free(primary);
    r.duration_s = mono_s(t0);

    dr_buf text = DR_BUF_INIT;
    if (json)
        drill_write_json(&r, &text);
    else
        drill_write_text(&r, &text);
    dr_redact(&text);
    if (!json && term_color(stdout)) {
        dr_buf c = DR_BUF_INIT;
        term_colorize(text.data, text.len, &c);
        fputs(c.data ? c.data : "", stdout);
        dr_buf_free(&c);
    } else {
        fputs(text.data, stdout);
    }
    dr_buf_free(&text);
    int werr = write_report(out.junit, &r, drill_write_junit) |
               write_report(out.metrics, &r, drill_write_prometheus) |
               write_report(out.markdown, &r, drill_write_markdown) |
               write_report(out.html, &r, drill_write_html) |
               write_report(out.json_file, &r, drill_write_json);
    werr |= append_history(history.data, &r);
    code = werr ? DR_EXIT_USAGE : drill_report_ready(&r) ? DR_EXIT_OK : DR_EXIT_FAIL;
done:
    engine_close(e);
    drill_report_free(&r);
    dr_buf_free(&history);
    free(a.rest);
    return code;
}
