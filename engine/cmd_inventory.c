/* cmd_inventory: `drctl inventory check|show` (see include/cmd_inventory.h). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cmd_inventory.h"
#include "inventory.h"
#include "json.h"

#define SYSTEM_INVENTORY DRCTL_DEFAULT_INVENTORY

const char *cmd_inventory_path(const char *given)
{
    if (given)
        return given;
    const char *env = getenv("DRCTL_INVENTORY");
    if (env && *env)
        return env;
    if (access(SYSTEM_INVENTORY, F_OK) == 0)
        return SYSTEM_INVENTORY;
    return NULL;
}

static void usage(FILE *f)
{
    fputs("usage: drctl inventory check [-i FILE]\n"
          "       drctl inventory show  [-i FILE] [--json]\n"
          "\n"
          "  check  validate the inventory; every problem is printed as\n"
          "         FILE:LINE:COLUMN: what was expected (exit 2 if any)\n"
          "  show   print it resolved: defaults filled in on every node, ${ENV}\n"
          "         and {placeholders} expanded; secrets only as file or variable\n"
          "\n"
          "  -i, --inventory FILE   default: $DRCTL_INVENTORY, else " SYSTEM_INVENTORY "\n",
          f);
}

int cmd_inventory_run(int argc, char **argv, FILE *out, FILE *errf)
{
    const char *action = NULL, *file = NULL;
    bool json = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(out);
            return DR_EXIT_OK;
        } else if (!strcmp(a, "-i") || !strcmp(a, "--inventory")) {
            if (i + 1 >= argc) {
                fprintf(errf, "drctl inventory: %s needs a FILE\n", a);
                return DR_EXIT_USAGE;
            }
            file = argv[++i];
        } else if (!strncmp(a, "--inventory=", 12)) {
            file = a + 12;
        } else if (!strcmp(a, "--json")) {
            json = true;
        } else if (a[0] != '-' && !action) {
            action = a;
        } else {
            fprintf(errf, "drctl inventory: unexpected argument '%s'\n", a);
            usage(errf);
            return DR_EXIT_USAGE;
        }
    }
    if (!action || (strcmp(action, "check") && strcmp(action, "show"))) {
        if (action)
            fprintf(errf, "drctl inventory: unknown action '%s'\n", action);
        usage(errf);
        return DR_EXIT_USAGE;
    }
    bool show = !strcmp(action, "show");
    if (json && !show) {
        fprintf(errf, "drctl inventory: --json goes with show\n");
        return DR_EXIT_USAGE;
    }
    const char *path = cmd_inventory_path(file);
    if (!path) {
        fprintf(
            errf,
            "drctl inventory: no inventory: give -i FILE or set DRCTL_INVENTORY (" SYSTEM_INVENTORY
            " does not exist)\n");
        return DR_EXIT_USAGE;
    }

    inventory_t *inv = NULL;
    inventory_errors errs;
    inventory_errors_init(&errs);
    dr_err err = {0};
    int rc = inventory_load_file(path, NULL, &inv, &errs, &err);
    if (rc != DR_OK) {
        if (errs.count) {
            dr_buf b = DR_BUF_INIT;
            inventory_errors_format(&errs, &b);
            fputs(b.data, errf);
            fprintf(errf, "%s: %zu error%s\n", path, errs.count, errs.count == 1 ? "" : "s");
            dr_buf_free(&b);
        } else {
            fprintf(errf, "drctl inventory: %s\n", err.msg);
        }
        inventory_errors_free(&errs);
        return DR_EXIT_USAGE;
    }
    inventory_errors_free(&errs);

    dr_buf b = DR_BUF_INIT;
    if (!show) {
        size_t nk = 0, nc = 0;
        for (size_t i = 0; i < inv->n_sites; i++)
            nk += inv->sites[i].n_keepers, nc += inv->sites[i].n_clickhouse;
        dr_buf_printf(&b,
                      "%s: valid (%s %s, standby %s; %s, %zu keepers; %zu clickhouse nodes, "
                      "shards: %zu)\n",
                      path, inventory_site_role_name(inv->primary->role), inv->primary->name,
                      inv->standby->name, inventory_keeper_kind_name(inv->keeper_kind), nk, nc,
                      inv->n_shards);
    } else if (json) {
        json_writer w;
        json_writer_init(&w, &b, JSON_PRETTY);
        inventory_write_json(inv, &w);
        if (json_writer_finish(&w) != DR_OK) {
            fprintf(errf, "drctl inventory: internal error writing JSON\n");
            rc = DR_EXIT_FAIL;
        }
    } else {
        dr_err err = {0};
        if (inventory_write_yaml(inv, &b, &err) != DR_OK) {
            fprintf(errf, "drctl inventory: %s\n", err.msg);
            rc = DR_EXIT_FAIL;
        }
    }
    if (rc == DR_OK && b.data)
        fputs(b.data, out);
    dr_buf_free(&b);
    inventory_free(inv);
    return rc == DR_OK ? DR_EXIT_OK : rc;
}

int cmd_inventory(int argc, char **argv)
{
    return cmd_inventory_run(argc, argv, stdout, stderr);
}
