/* testdata: the files under tests/data/<module>/ (testdir.h) for the
 * C unit tests: their paths, their bytes, and the golden-file check that
 * DRCTL_UPDATE_GOLDEN=1 turns into a rewrite.  Header-only (static inline):
 * include it after cmocka.h in one tests/unit/test_*.c. */
#ifndef TESTDATA_H
#define TESTDATA_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "testdir.h"

/* $DRCTL_TESTDATA/module/rel; the caller frees it. */
static inline char *testdata_path(const char *module, const char *rel)
{
    dr_buf b = DR_BUF_INIT;
    dr_buf_printf(&b, "%s/%s/%s", testdata_dir(), module, rel);
    return dr_buf_steal(&b, NULL);
}

/* Replaces out's content with the file's bytes (NUL-terminated); fails the
 * test when it cannot be read. */
static inline void testdata_read(const char *module, const char *rel, dr_buf *out)
{
    char *p = testdata_path(module, rel);
    dr_err err = {0};
    dr_buf_reset(out);
    if (dr_read_file(p, out, &err) != 0)
        fail_msg("%s", err.msg);
    free(p);
}

/* got (len bytes) must equal the golden file module/rel; with
 * DRCTL_UPDATE_GOLDEN set, the file is (re)written instead. */
static inline void testdata_golden(const char *module, const char *rel, const char *got, size_t len)
{
    if (getenv("DRCTL_UPDATE_GOLDEN")) {
        char *p = testdata_path(module, rel);
        FILE *f = fopen(p, "wb");
        assert_non_null(f);
        fwrite(got, 1, len, f);
        fclose(f);
        free(p);
        return;
    }
    dr_buf want = DR_BUF_INIT;
    testdata_read(module, rel, &want);
    if (want.len != len || memcmp(want.data, got, len) != 0)
        fail_msg("%s: differs:\n--- got\n%.*s\n--- want\n%s", rel, (int)len, got, want.data);
    dr_buf_free(&want);
}

#endif
