/* journal: the local state of runs: one directory per run holding its
 * write-ahead journal and the checkpoints of the files it replaced, the lock
 * that allows one run at a time, and the record of the last site switch.
 *
 * Layout under the state directory (default $XDG_STATE_HOME/drctl, else
 * ~/.local/state/drctl):
 *     lock                    flock'ed by the running drctl; says who and since when
 *     last-switch             time and run id of the last completed site switch
 *     runs/<id>/journal.lua   one record per line, each a Lua table literal (luaser)
 *     runs/<id>/checkpoints/<seq>   content of a remote file before it was replaced
 *
 * Every append is fsync'd before journal_append returns, so a record is on
 * disk before the step it announces acts. */
#ifndef DR_JOURNAL_H
#define DR_JOURNAL_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

typedef struct journal journal;

/* Resolves the state directory: opt if given, else the default above.
 * Creates it (mode 0700) when missing. */
int journal_state_dir(const char *opt, dr_buf *out, dr_err *err);

/* A new run id, UTC, sortable by start time: YYYYMMDD-HHMMSS-<ms><2 hex>. */
void journal_new_run_id(char *buf, size_t n);

/* Creates runs/<id>/ and opens its journal for appending. */
int journal_create(const char *state_dir, const char *run_id, journal **out, dr_err *err);
/* Opens an existing run's journal for appending (resume, rollback). */
int journal_reopen(const char *state_dir, const char *run_id, journal **out, dr_err *err);
void journal_close(journal *j);
const char *journal_dir(const journal *j);
const char *journal_run_id(const journal *j);

/* Appends one line (a record without its newline) and fsyncs.  Secret
 * values registered with dr_redact_add are masked first. */
int journal_append(journal *j, const char *record, size_t len, dr_err *err);

/* Saves content as checkpoint number seq (content may be NULL when the
 * file did not exist: nothing is written then).  fsync'd.  Writes the
 * checkpoint's file name relative to the run directory into name. */
int journal_checkpoint(journal *j, int seq, const char *content, size_t len, dr_buf *name,
                       dr_err *err);

/* Reads a run's whole journal text (for resume and listing). */
int journal_read(const char *state_dir, const char *run_id, dr_buf *out, dr_err *err);
/* Reads checkpoint file name (relative to the run directory) of a run. */
int journal_read_checkpoint(const char *state_dir, const char *run_id, const char *name,
                            dr_buf *out, dr_err *err);

/* Lists run ids (oldest first) as a NUL-separated list in out; *count set. */
int journal_list_runs(const char *state_dir, dr_buf *out, size_t *count, dr_err *err);

/* Takes the state directory's lock for run_id, or refuses (DR_EREFUSED)
 * naming who holds it and since when.  *fd is the lock to pass to
 * journal_unlock. */
int journal_lock(const char *state_dir, const char *run_id, const char *what, int *fd, dr_err *err);
void journal_unlock(int fd);

/* The last completed site switch: reads (0 and *when_ms = 0 when none) and
 * records it. */
int journal_last_switch(const char *state_dir, int64_t *when_ms, dr_buf *run_id, dr_err *err);
int journal_record_switch(const char *state_dir, const char *run_id, dr_err *err);

#endif
