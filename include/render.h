/* render: the CLI's views of what the engine returns (engine.h): a
 * rehearsal's plan as text, a run as drctl.run/1 JSON, a real run's
 * summary, the runs of the state directory (table or drctl.runs/1) and one
 * run's journal (text).  Each appends to a dr_buf; nothing here prints,
 * redacts or touches a host: the caller (engine/cmd_common.c) does. */
#ifndef DR_RENDER_H
#define DR_RENDER_H

#include "engine.h"

/* "Rehearsal of RUNBOOK: N steps, nothing was changed." and each step with
 * its notes, effects and diffs.  The members of a step group that show the
 * same change as an earlier one are folded into it ("= the same on 5
 * more"), unless full. */
void render_plan_text(const engine_result *r, int full, dr_buf *out);

/* The drctl.run/1 document (one line, '\n'-terminated). */
void render_run_json(const engine_result *r, dr_buf *out);

/* The summary of a real run: its steps, status and duration, its metrics. */
void render_summary(const engine_result *r, dr_buf *out);

/* engine_list_runs' list as a table, or as drctl.runs/1.  Returns how many
 * runs have a journal that cannot be read in full. */
int render_runs_table(const json_t *runs, dr_buf *out);
int render_runs_json(const json_t *runs, dr_buf *out);

/* One run's journal records (engine_run_journal) as text. */
void render_run_records(const char *run_id, const json_t *records, dr_buf *out);

#endif
