/* Unit tests for the journal's framing: every record whole, a torn tail
 * (a crash mid-append) cut off before the next append, corruption (NUL
 * bytes, bad checksum, bad frame) found at its byte offset, records of the
 * older unframed format still read, and a failed append leaving no partial
 * record behind. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "journal.h"

#define RUN "20260101-000000-000aa"

struct fixture {
    char state[128];
    char path[256];
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    snprintf(f->state, sizeof f->state, "/tmp/drctl-test-journal-XXXXXX");
    assert_non_null(mkdtemp(f->state));
    snprintf(f->path, sizeof f->path, "%s/runs/%s/journal.lua", f->state, RUN);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->state);
    assert_int_equal(system(cmd), 0);
    free(f);
    return 0;
}

static void append_records(const struct fixture *f, int n)
{
    journal *j = NULL;
    dr_err err = {0};
    assert_int_equal(journal_create(f->state, RUN, &j, &err), DR_OK);
    for (int i = 0; i < n; i++) {
        char rec[64];
        int len = snprintf(rec, sizeof rec, "{t=\"step\",n=%d}", i + 1);
        assert_int_equal(journal_append(j, rec, (size_t)len, &err), DR_OK);
    }
    journal_close(j);
}

static void append_raw(const struct fixture *f, const char *data, size_t n)
{
    int fd = open(f->path, O_WRONLY | O_APPEND);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, data, n), (ssize_t)n);
    close(fd);
}

static off_t file_size(const struct fixture *f)
{
    struct stat st;
    assert_int_equal(stat(f->path, &st), 0);
    return st.st_size;
}

static void test_records_framed_and_read_back(void **state)
{
    struct fixture *f = *state;
    append_records(f, 3);
    journal_scan s;
    dr_err err = {0};
    assert_int_equal(journal_scan_run(f->state, RUN, &s, &err), DR_OK);
    assert_int_equal(s.n, 3);
    assert_false(s.corrupt);
    assert_false(s.torn);
    assert_int_equal(s.len[1], strlen("{t=\"step\",n=2}"));
    assert_memory_equal(s.text.data + s.off[1], "{t=\"step\",n=2}", s.len[1]);
    /* on disk: a length and a checksum before each record */
    assert_int_equal(strncmp(s.text.data, "@14:", 4), 0);
    journal_scan_free(&s);
}

static void test_old_unframed_records_still_read(void **state)
{
    (void)state;
    const char text[] = "{t=\"run\"}\n@3:00000000:{x}\n";
    journal_scan s;
    /* the second record's checksum is wrong on purpose: the first is old
     * format and must be read, the second must be refused at its offset */
    journal_scan_text(text, sizeof text - 1, &s);
    assert_int_equal(s.n, 1);
    assert_memory_equal(s.text.data + s.off[0], "{t=\"run\"}", s.len[0]);
    assert_true(s.corrupt);
    assert_int_equal(s.corrupt_at, 10);
    assert_non_null(strstr(s.corrupt_why, "checksum"));
    journal_scan_free(&s);
}

static void test_torn_tail_cut_before_append(void **state)
{
    struct fixture *f = *state;
    append_records(f, 2);
    off_t whole = file_size(f);
    append_raw(f, "@40:1234abcd:{t=\"step\",n=", 26); /* the crash came mid-write */
    journal_scan s;
    dr_err err = {0};
    assert_int_equal(journal_scan_run(f->state, RUN, &s, &err), DR_OK);
    assert_int_equal(s.n, 2);
    assert_true(s.torn);
    assert_int_equal(s.torn_at, (size_t)whole);
    assert_false(s.corrupt);
    journal_scan_free(&s);

    journal *j = NULL;
    size_t torn = 0;
    assert_int_equal(journal_reopen(f->state, RUN, &j, &torn, &err), DR_OK);
    assert_int_equal(torn, 26);
    assert_int_equal(file_size(f), whole);
    assert_int_equal(journal_append(j, "{t=\"resume\"}", 12, &err), DR_OK);
    journal_close(j);
    assert_int_equal(journal_scan_run(f->state, RUN, &s, &err), DR_OK);
    assert_int_equal(s.n, 3);
    assert_false(s.torn);
    assert_false(s.corrupt);
    assert_memory_equal(s.text.data + s.off[2], "{t=\"resume\"}", 12);
    journal_scan_free(&s);
}

static void test_nul_hole_is_corruption_at_its_offset(void **state)
{
    struct fixture *f = *state;
    append_records(f, 4);
    journal_scan s;
    dr_err err = {0};
    assert_int_equal(journal_scan_run(f->state, RUN, &s, &err), DR_OK);
    size_t at = s.at[2] + 5; /* inside the third record */
    journal_scan_free(&s);
    int fd = open(f->path, O_WRONLY);
    char zeros[8] = {0};
    assert_int_equal(pwrite(fd, zeros, sizeof zeros, (off_t)at), (ssize_t)sizeof zeros);
    close(fd);
    assert_int_equal(journal_scan_run(f->state, RUN, &s, &err), DR_OK);
    assert_true(s.corrupt);
    assert_int_equal(s.corrupt_at, at);
    assert_int_equal(s.n, 2); /* the intact fourth record after the hole is not trusted */
    assert_non_null(strstr(s.corrupt_why, "NUL"));
    journal_scan_free(&s);
}

static void test_damaged_byte_and_bad_frame(void **state)
{
    (void)state;
    const char *bad[] = {"@14:00000000:{t=\"step\",n=1}\n", "@99:12345678:{}\n", "garbage\n", "\n",
                         "@x:1:{}\n"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        journal_scan s;
        journal_scan_text(bad[i], strlen(bad[i]), &s);
        assert_true(s.corrupt);
        assert_int_equal(s.corrupt_at, 0);
        assert_int_equal(s.n, 0);
        journal_scan_free(&s);
    }
}

/* A full disk stands in as a file size limit: the append fails and the
 * journal is as it was, with no partial record for the next one to follow. */
static void test_failed_append_leaves_no_partial_record(void **state)
{
    struct fixture *f = *state;
    append_records(f, 1);
    off_t before = file_size(f);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        signal(SIGXFSZ, SIG_IGN);
        struct rlimit rl = {(rlim_t)before + 20, (rlim_t)before + 20};
        setrlimit(RLIMIT_FSIZE, &rl);
        journal *j = NULL;
        dr_err err = {0};
        if (journal_reopen(f->state, RUN, &j, NULL, &err) != DR_OK)
            _exit(2);
        char rec[200];
        memset(rec, 'x', sizeof rec);
        rec[0] = '{';
        rec[sizeof rec - 1] = '}';
        int rc = journal_append(j, rec, sizeof rec, &err);
        journal_close(j);
        _exit(rc == DR_EIO ? 0 : 1);
    }
    int st;
    waitpid(pid, &st, 0);
    assert_true(WIFEXITED(st));
    assert_int_equal(WEXITSTATUS(st), 0);
    assert_int_equal(file_size(f), before);
    journal_scan s;
    dr_err err = {0};
    assert_int_equal(journal_scan_run(f->state, RUN, &s, &err), DR_OK);
    assert_int_equal(s.n, 1);
    assert_false(s.torn);
    assert_false(s.corrupt);
    journal_scan_free(&s);
}

static void test_crc32_known_value(void **state)
{
    (void)state;
    assert_int_equal(journal_crc32("123456789", 9), 0xcbf43926u);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_records_framed_and_read_back, setup, teardown),
        cmocka_unit_test(test_old_unframed_records_still_read),
        cmocka_unit_test_setup_teardown(test_torn_tail_cut_before_append, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nul_hole_is_corruption_at_its_offset, setup, teardown),
        cmocka_unit_test(test_damaged_byte_and_bad_frame),
        cmocka_unit_test_setup_teardown(test_failed_append_leaves_no_partial_record, setup,
                                        teardown),
        cmocka_unit_test(test_crc32_known_value),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
