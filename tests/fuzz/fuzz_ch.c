/* Fuzz target for ch's answer parsers: error extraction (both syntaxes and
 * the header), TSV with names, system.replicas, /replicas_status,
 * system.processes, heartbeat lags and replicated-table DDL.  The first
 * byte picks the status for the replicas_status parser; every parser sees
 * every input. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ch.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    dr_err err;
    int code;
    char msg[64];
    ch_parse_error(text, size, NULL, &code, msg, sizeof msg);
    if (size > 0 && size < 32) {
        char hdr[32];
        memcpy(hdr, data, size);
        hdr[size] = '\0';
        ch_parse_error(NULL, 0, hdr, &code, msg, sizeof msg);
    }

    ch_table t;
    if (ch_parse_tsv("fuzz", text, size, &t, &err) == DR_OK) {
        for (size_t r = 0; r < t.nrows; r++)
            for (size_t c = 0; c < t.ncols; c++)
                (void)strlen(ch_table_cell(&t, r, c));
        ch_table_free(&t);
    }

    ch_replicas reps;
    if (ch_parse_replicas("fuzz", text, size, &reps, &err) == DR_OK) {
        for (size_t i = 0; i < reps.n; i++) {
            const char *why;
            (void)ch_replica_caught_up(&reps.items[i], &why);
            (void)ch_replica_log_lag(&reps.items[i]);
        }
        ch_replicas_free(&reps);
    }

    ch_replicas_status st;
    long status = size > 0 && (data[0] & 1) ? 500 : 200;
    if (ch_parse_replicas_status(status, text, size, &st, &err) == DR_OK)
        ch_replicas_status_free(&st);

    ch_processes p;
    if (ch_parse_processes("fuzz", text, size, &p, &err) == DR_OK)
        ch_processes_free(&p);

    /* the DDL scanner works on a NUL-terminated statement */
    char *sql = malloc(size + 1);
    if (sql) {
        memcpy(sql, data, size);
        sql[size] = '\0';
        ch_replicated_ddl d;
        if (ch_parse_replicated_ddl("fuzz", sql, &d, &err) == DR_OK) {
            dr_buf b = DR_BUF_INIT;
            ch_replicated_ddl_rewrite(sql, &d, "r'1", 1, &b);
            dr_buf_free(&b);
            ch_replicated_ddl_free(&d);
        }
        free(sql);
    }

    ch_lags l;
    if (ch_parse_lags("fuzz", text, size, &l, &err) == DR_OK)
        ch_lags_free(&l);
    return 0;
}
