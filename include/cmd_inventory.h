/* cmd_inventory: the `drctl inventory` command (check and show an inventory
 * file), and the rule every command uses to find the inventory. */
#ifndef DR_CMD_INVENTORY_H
#define DR_CMD_INVENTORY_H

#include <stdio.h>

/* The inventory file to use: given (from -i) if not NULL, else
 * $DRCTL_INVENTORY, else /etc/drctl/inventory.yaml when it exists, else NULL
 * (the caller says how to give one).  The result is given, a getenv string
 * or a literal: do not free it. */
const char *cmd_inventory_path(const char *given);

/* `drctl inventory check|show [-i FILE] [--json]`: argv[0] is "inventory".
 * Output goes to out, errors and diagnostics to errf.  Returns DR_EXIT_OK,
 * or DR_EXIT_USAGE for bad usage and for an unreadable or invalid inventory
 * (every problem listed as file:line:column: message). */
int cmd_inventory_run(int argc, char **argv, FILE *out, FILE *errf);

/* The same on stdout/stderr, for drctl's command table. */
int cmd_inventory(int argc, char **argv);

#endif
