/* drctl: the command line.  Each command is a function in the table below;
 * main() only dispatches. */
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

static const struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *usage;
} commands[] = {
    {"status", cmd_status,
     "status [-i INVENTORY] [--json]  both sites: roles, zxids, replicas, ssh"},
    {"drill", cmd_drill,
     "drill [--full|--disaster|--history] [--json] [--report F.xml] [--metrics F.prom]\n"
     "        [--markdown F.md] [--html F.html]   is the standby ready? exit 0 yes, 1 no"},
    {"plan", cmd_plan,
     "plan RUNBOOK [--PARAM VALUE...] [--json]   rehearse: steps, commands, diffs"},
    {"run", cmd_run, "run RUNBOOK [--PARAM VALUE...] [--yes]     the real thing"},
    {"fence", cmd_fence, "fence --site SITE [--yes]     stop and disable a site's servers now"},
    {"resume", cmd_resume, "resume RUN                    continue an interrupted run"},
    {"rollback", cmd_rollback, "rollback RUN                  restore every file RUN replaced"},
    {"runs", cmd_runs, "runs [RUN] [--json]           journaled runs, or one run's steps"},
    {"gc", cmd_gc,
     "gc [--yes] [--runs N] [--days D]  what runs set aside on the hosts; --yes prunes it"},
    {"version", cmd_version, "version                       print the version"},
    {"inventory", cmd_inventory, "inventory check|show [...]    validate or print the inventory"},
    {"help", cmd_help, "help                          this text"},
};

static void usage(FILE *f)
{
    fputs("usage: drctl COMMAND [ARGS]\n\ncommands:\n", f);
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
          "                --debug (errors with their Lua stack traceback)\n",
          f);
}

static int cmd_help(int argc, char **argv)
{
    (void)argc, (void)argv;
    usage(stdout);
    return DR_EXIT_OK;
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
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(commands[i].name, name))
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "drctl: unknown command '%s' (see drctl help)\n", name);
    return DR_EXIT_USAGE;
}
