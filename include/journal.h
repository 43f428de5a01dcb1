/* journal: the local state of runs: one directory per run holding its
 * write-ahead journal and the checkpoints of the files it replaced, the lock
 * that allows one run at a time, and the record of the last site switch.
 *
 * Layout under the state directory (default $XDG_STATE_HOME/drctl, else
 * ~/.local/state/drctl):
 *     lock                    flock'ed by the running drctl; says who and since when
 *     last-switch             time and run id of the last completed site switch
 *     runs/<id>/journal.lua   one record per line: "@<length>:<crc32>:" then a Lua
 *                             table literal (luaser); lines that start with "{" are
 *                             records of the older, unframed format, still read
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
/* Opens an existing run's journal for appending (resume).  A record torn by
 * a crash at the end of the file is cut off first (*torn_bytes set to its
 * length when torn_bytes is not NULL), so that the next record starts on a
 * line of its own. */
int journal_reopen(const char *state_dir, const char *run_id, journal **out, size_t *torn_bytes,
                   dr_err *err);
void journal_close(journal *j);
const char *journal_dir(const journal *j);
const char *journal_run_id(const journal *j);

/* Appends one record (without its newline; it must hold no newline and no
 * NUL) framed with its length and CRC-32, and fsyncs.  Secret values
 * registered with dr_redact_add are masked first.  On a failed write (a full
 * disk) the file is cut back to where it was, so no partial record stays. */
int journal_append(journal *j, const char *record, size_t len, dr_err *err);

/* Saves content as checkpoint number seq (content may be NULL when the
 * file did not exist: nothing is written then).  fsync'd.  Writes the
 * checkpoint's file name relative to the run directory into name. */
int journal_checkpoint(journal *j, int seq, const char *content, size_t len, dr_buf *name,
                       dr_err *err);

/* Reads a run's whole journal text (raw bytes, framing included). */
int journal_read(const char *state_dir, const char *run_id, dr_buf *out, dr_err *err);

/* A journal split into its records.  Every complete line must be a whole
 * record: framed with a length and a CRC-32 that match, or an old unframed
 * record ("{...}"); a NUL byte, an empty line, a bad frame or a bad checksum
 * make the journal corrupt at that byte (the records before it are kept, the
 * ones after it are not trusted).  Bytes after the last newline are a record
 * cut short by a crash (torn), not a corruption: journal_reopen cuts them off
 * before appending. */
typedef struct journal_scan {
    dr_buf text;           /* the whole file */
    size_t *off, *len;     /* payload of record i: text.data + off[i], len[i] bytes */
    size_t *at;            /* byte offset of record i's line in the file */
    size_t n;              /* intact records */
    int torn;              /* a partial last record exists ... */
    size_t torn_at;        /* ... from this byte to the end */
    int corrupt;           /* the journal is corrupt ... */
    size_t corrupt_at;     /* ... at this byte offset ... */
    char corrupt_why[160]; /* ... for this reason */
} journal_scan;

/* Splits data (len bytes, copied) into records; never fails. */
void journal_scan_text(const char *data, size_t len, journal_scan *s);
/* Reads and splits a run's journal.  Returns DR_ENOTFOUND (no such run) or
 * DR_EIO; corruption is reported in s, not as an error. */
int journal_scan_run(const char *state_dir, const char *run_id, journal_scan *s, dr_err *err);
void journal_scan_free(journal_scan *s);
/* Reads checkpoint file name (relative to the run directory) of a run. */
int journal_read_checkpoint(const char *state_dir, const char *run_id, const char *name,
                            dr_buf *out, dr_err *err);

/* CRC-32 (IEEE) of n bytes, the journal's record checksum. */
uint32_t journal_crc32(const void *data, size_t n);

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
