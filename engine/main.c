/* drctl: the command line.  Each command is a function in the table below;
 * main() only dispatches, and answers --help / help COMMAND itself so that
 * help never needs an inventory, a lab or a state directory. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cmd_inventory.h"

static int cmd_version(int argc, char **argv)
{
    (void)argc, (void)argv;
    printf("drctl %s\n", DRCTL_VERSION);
    return DR_EXIT_OK;
}

static int cmd_help(int argc, char **argv);

#define COMMON_OPTS                                                                                \
    "  -i, --inventory FILE  the inventory (default: $DRCTL_INVENTORY, else\n"                     \
    "                        " DRCTL_DEFAULT_INVENTORY ")\n"                                       \
    "  --state-dir DIR       journals, locks, drill history (default\n"                            \
    "                        $XDG_STATE_HOME/drctl, else ~/.local/state/drctl)\n"                  \
    "  --runbooks DIR        search DIR first for runbooks\n"                                      \
    "  -q, --quiet           no progress on stderr\n"                                              \
    "  --debug               errors with their Lua stack traceback\n"

/* name, one-line usage for the overview, the full help text. */
static const struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *usage;
    const char *help;
} commands[] = {
    {"status", cmd_status,
     "status [-i INVENTORY] [--json]  both sites: roles, zxids, replicas, ssh",
     "usage: drctl status [-i INVENTORY] [--json]\n\n"
     "Both sites at a glance, changing nothing: every keeper's mode and zxid (srvr),\n"
     "every ClickHouse replica's state, delay and queue (system.replicas), and whether\n"
     "each host answers over SSH with its known host key.  A host that cannot be\n"
     "reached is one row with the cause (host key, login, timeout), never an abort.\n\n"
     "options:\n" COMMON_OPTS "  --json                schema drctl.status/1 on stdout\n"},
    {"drill", cmd_drill,
     "drill [--full|--disaster|--history] [--json] [--report F.xml] [--metrics F.prom]\n"
     "        [--markdown F.md] [--html F.html]   is the standby ready? exit 0 yes, 1 no",
     "usage: drctl drill [--full --yes | --disaster --yes] [REPORTS] [THRESHOLDS]\n"
     "       drctl drill --history [--json]\n\n"
     "Checks, changing nothing, that the standby could take over now (ssh and host keys,\n"
     "observers following, replicas caught up, heartbeat lag, config drift, a failover\n"
     "plan without refusal, room for the backup, the age of the last full drill).\n"
     "--full switches to the standby and back (switchover); --disaster uses failover,\n"
     "recover and failback.  Exit 0 ready, 1 not ready, 2 the drill could not run.\n"
     "--full --inject FAULT injects one real fault into the switch: kill-drctl,\n"
     "slow-link, restart-standby-keeper or drop-ssh (see the README).\n\n"
     "reports:\n"
     "  --json                schema drctl.drill/1 on stdout\n"
     "  --json-file F         the same into F\n"
     "  --report F.xml        JUnit XML\n"
     "  --metrics F.prom      Prometheus textfile (node_exporter's textfile collector)\n"
     "  --markdown F.md       Markdown\n"
     "  --html F.html         HTML with a timeline\n"
     "  --history             the last 20 drills and any regression (exit 1 then)\n\n"
     "thresholds (defaults in brackets):\n"
     "  --max-zxid-lag N      transactions an observer may be behind [1000]\n"
     "  --max-delay S         seconds a standby replica may be behind [60]\n"
     "  --max-queue N         replication queue entries allowed [100]\n"
     "  --max-heartbeat-lag S heartbeat lag primary -> standby [120]\n"
     "  --backup-margin X     free space wanted, as a multiple of the data [2]\n"
     "  --rows N              marker rows a full drill writes [100]\n\n"
     "options:\n" COMMON_OPTS "  --yes                 a full drill switches without asking\n"},
    {"plan", cmd_plan,
     "plan RUNBOOK [--PARAM VALUE...] [--json]   rehearse: steps, commands, diffs",
     "usage: drctl plan RUNBOOK [--PARAM VALUE...] [--json]\n"
     "       drctl plan RUNBOOK --help     the runbook's parameters\n\n"
     "The rehearsal: runs the runbook with every change recorded instead of made, and\n"
     "prints the steps, the commands and the diff of every file it would write.\n"
     "Read-only probes run for real, so the plan starts with the sites' state.\n\n"
     "options:\n" COMMON_OPTS "  --json                schema drctl.run/1 on stdout\n"},
    {"run", cmd_run, "run RUNBOOK [--PARAM VALUE...] [--yes]     the real thing",
     "usage: drctl run RUNBOOK [--PARAM VALUE...] [--yes] [--json]\n"
     "       drctl run RUNBOOK --help      the runbook's parameters\n\n"
     "Runs the runbook for real: journaled step by step (resume after a crash), every\n"
     "replaced file checkpointed (rollback).  A switch of sites asks you to type the\n"
     "target site's name unless --yes; one run at a time; a cooldown after a switch.\n\n"
     "options:\n" COMMON_OPTS "  --yes                 do not ask for confirmation\n"
     "  --force --reason TEXT override the cooldown (the reason is journaled)\n"
     "  --cooldown SECONDS    minimum time between two switches [1800]\n"
     "  --json                schema drctl.run/1 on stdout\n"},
    {"init", cmd_init, "init [-i INVENTORY]           create the heartbeat table, show its writer",
     "usage: drctl init [-i INVENTORY] [--zk-path PATH]\n"
     "       drctl plan init              what it would do\n\n"
     "Creates what the drill and the failover expect on the sites: the table\n"
     "default.heartbeat (d Date, site_id String, updated_at DateTime, replicated) on\n"
     "every ClickHouse server of both sites, where it is missing, as a journaled run;\n"
     "then prints how to run the heartbeat writer on the primary site\n"
     "(contrib/drctl-heartbeat.service and .timer: one row every 10 s).\n\n"
     "options:\n" COMMON_OPTS "  --zk-path PATH        the table's ZooKeeper path\n"
     "                        [/clickhouse/{cluster}/tables/{shard}/heartbeat]\n"},
    {"fence", cmd_fence, "fence --site SITE [--yes]     stop and disable a site's servers now",
     "usage: drctl fence --site SITE [--yes]\n"
     "       drctl plan fence --site SITE  what it would do\n\n"
     "Fences SITE now (the runbook fence): every server of it that answers is stopped\n"
     "and disabled (its inventory disable command), so that it cannot come back at the\n"
     "next boot and take writes beside the primary; hosts that do not answer are fenced\n"
     "by the site's fence command when the inventory names one.  recover lifts it.\n\n"
     "options:\n" COMMON_OPTS "  --yes                 do not ask for confirmation\n"},
    {"resume", cmd_resume, "resume RUN                    continue an interrupted run",
     "usage: drctl resume RUN\n\n"
     "Continues RUN from its journal: finished steps are skipped, the interrupted one\n"
     "re-checks what it saw before acting and refuses if that changed.\n\n"
     "options:\n" COMMON_OPTS},
    {"rollback", cmd_rollback,
     "rollback RUN                  restore every file RUN replaced or removed",
     "usage: drctl rollback RUN\n\n"
     "Restores, newest first and byte for byte, every file RUN replaced (and removes\n"
     "the ones it created), as a new journaled run.\n\n"
     "options:\n" COMMON_OPTS},
    {"runs", cmd_runs, "runs [RUN] [--json]           journaled runs, or one run's steps",
     "usage: drctl runs [RUN] [--json]\n\n"
     "Lists the journaled runs (schema drctl.runs/1 with --json), or one run's steps,\n"
     "effects, durations and results (schema drctl.run-journal/1).\n\n"
     "options:\n" COMMON_OPTS "  --json                JSON on stdout\n"},
    {"gc", cmd_gc,
     "gc [--yes] [--runs N] [--days D]  what runs set aside on the hosts; --yes prunes it",
     "usage: drctl gc [--yes] [--runs N] [--days D]\n\n"
     "Lists what earlier runs set aside on the keeper hosts (stale coordination data,\n"
     "backups), with size and age; with --yes removes, as a journaled run, what the\n"
     "inventory's retention (or --runs/--days) does not keep.\n\n"
     "options:\n" COMMON_OPTS "  --yes                 remove, do not only list\n"},
    {"version", cmd_version, "version                       print the version",
     "usage: drctl version\n"},
    {"inventory", cmd_inventory, "inventory check|show [...]    validate or print the inventory",
     "usage: drctl inventory check [-i FILE]\n"
     "       drctl inventory show  [-i FILE] [--json]\n\n"
     "check: every problem as FILE:LINE:COLUMN: what was expected (exit 2 if any).\n"
     "show: the inventory resolved, defaults filled in on every node.\n"},
    {"help", cmd_help, "help [COMMAND [RUNBOOK]]      this text, or one command's",
     "usage: drctl help [COMMAND]\n       drctl help plan|run RUNBOOK\n"},
};

static const struct command *find_command(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(commands[i].name, name))
            return &commands[i];
    return NULL;
}

static void usage(FILE *f)
{
    fputs("usage: drctl COMMAND [ARGS]     (drctl help COMMAND, drctl COMMAND --help)\n\n"
          "commands:\n",
          f);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  drctl %s\n", commands[i].usage);
    fputs("\nexit codes:\n"
          "  0  success\n"
          "  1  the operation ran and failed, or the site is not ready\n"
          "  2  bad usage or invalid input (nothing was changed)\n"
          "  3  refused by a safety rule: lock held, cooldown, precondition changed,\n"
          "     confirmation not given (nothing more was changed)\n"
          "\ncommon options: -i INVENTORY  --state-dir DIR  --runbooks DIR  --quiet  --json\n"
          "                --yes  --force --reason TEXT  --cooldown SECONDS\n"
          "                --debug (errors with their Lua stack traceback)\n"
          "inventory: -i FILE, else $DRCTL_INVENTORY, else " DRCTL_DEFAULT_INVENTORY "\n"
          "colour: on a terminal only; NO_COLOR=1 turns it off\n",
          f);
}

/* Help for one command; for plan and run with a runbook, the runbook's own
 * parameters too (argv: the command's arguments, argv[0] its name). */
static int command_help(const struct command *c, int argc, char **argv)
{
    fputs(c->help, stdout);
    if (c->run == cmd_plan || c->run == cmd_run) {
        fputc('\n', stdout);
        return cmd_runbook_help(argc, argv);
    }
    return DR_EXIT_OK;
}

static int cmd_help(int argc, char **argv)
{
    if (argc < 2) {
        usage(stdout);
        return DR_EXIT_OK;
    }
    const struct command *c = find_command(argv[1]);
    if (!c) {
        fprintf(stderr, "drctl help: unknown command '%s' (see drctl help)\n", argv[1]);
        return DR_EXIT_USAGE;
    }
    return command_help(c, argc - 1, argv + 1);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return DR_EXIT_USAGE;
    }
    const char *name = argv[1];
    if (!strcmp(name, "--help") || !strcmp(name, "-h"))
        name = "help";
    if (!strcmp(name, "--version"))
        name = "version";
    const struct command *c = find_command(name);
    if (!c) {
        fprintf(stderr, "drctl: unknown command '%s' (see drctl help)\n", name);
        return DR_EXIT_USAGE;
    }
    /* COMMAND --help anywhere among its arguments: help, not a run */
    if (c->run != cmd_help)
        for (int i = 2; i < argc; i++)
            if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
                return command_help(c, argc - 1, argv + 1);
    return c->run(argc - 1, argv + 1);
}
