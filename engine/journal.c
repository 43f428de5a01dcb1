/* journal: run directories, the write-ahead journal, checkpoints, the lock. */
#include "journal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct journal {
    int fd;
    char *dir;
    char *run_id;
};

static int mkdir_p(const char *path, dr_err *err)
{
    char *p = dr_strdup(path);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0700) != 0 && errno != EEXIST) {
            int e = errno;
            dr_err_set(err, DR_EIO, "create %s: %s", p, strerror(e));
            free(p);
            return DR_EIO;
        }
        *s = '/';
    }
    int rc = DR_OK;
    if (mkdir(p, 0700) != 0 && errno != EEXIST)
        rc = dr_err_set(err, DR_EIO, "create %s: %s", p, strerror(errno));
    free(p);
    return rc;
}

static int fsync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

int journal_state_dir(const char *opt, dr_buf *out, dr_err *err)
{
    dr_buf_reset(out);
    if (opt && *opt) {
        dr_buf_puts(out, opt);
    } else {
        const char *xdg = getenv("XDG_STATE_HOME");
        const char *home = getenv("HOME");
        if (xdg && *xdg)
            dr_buf_printf(out, "%s/drctl", xdg);
        else if (home && *home)
            dr_buf_printf(out, "%s/.local/state/drctl", home);
        else
            return dr_err_set(err, DR_EINVAL,
                              "state directory: neither XDG_STATE_HOME nor HOME is set "
                              "(use --state-dir)");
    }
    return mkdir_p(out->data, err);
}

void journal_new_run_id(char *buf, size_t n)
{
    /* Milliseconds in the id keep ids in start order (drctl runs sorts by
     * id); two hex digits of the pid tell apart runs of the same ms. */
    int64_t ms = dr_wall_ms();
    time_t t = (time_t)(ms / 1000);
    struct tm tm;
    gmtime_r(&t, &tm);
    snprintf(buf, n, "%04d%02d%02d-%02d%02d%02d-%03d%02x", tm.tm_year + 1900, tm.tm_mon + 1,
             tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, (int)(ms % 1000),
             (unsigned)getpid() & 0xff);
}

static int valid_run_id(const char *id)
{
    if (!id || !*id || strlen(id) > 64)
        return 0;
    for (const char *p = id; *p; p++)
        if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') || *p == '-'))
            return 0;
    return 1;
}

static int open_run(const char *state_dir, const char *run_id, int create, journal **out,
                    size_t *torn_bytes, dr_err *err)
{
    *out = NULL;
    if (torn_bytes)
        *torn_bytes = 0;
    if (!valid_run_id(run_id))
        return dr_err_set(err, DR_EINVAL, "run id '%s': expected YYYYMMDD-HHMMSS-mmmxx", run_id);
    dr_buf dir = DR_BUF_INIT;
    dr_buf_printf(&dir, "%s/runs/%s", state_dir, run_id);
    struct stat st;
    if (!create && stat(dir.data, &st) != 0) {
        dr_err_set(err, DR_ENOTFOUND, "run %s: no such run in %s/runs (see drctl runs)", run_id,
                   state_dir);
        dr_buf_free(&dir);
        return DR_ENOTFOUND;
    }
    dr_buf sub = DR_BUF_INIT;
    dr_buf_printf(&sub, "%s/checkpoints", dir.data);
    int rc = mkdir_p(sub.data, err);
    dr_buf_free(&sub);
    if (rc) {
        dr_buf_free(&dir);
        return rc;
    }
    dr_buf path = DR_BUF_INIT;
    dr_buf_printf(&path, "%s/journal.lua", dir.data);
    int fd = open(path.data, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0600); /* read: the tail */
    if (fd < 0) {
        rc = dr_err_set(err, DR_EIO, "open %s: %s", path.data, strerror(errno));
        dr_buf_free(&path);
        dr_buf_free(&dir);
        return rc;
    }
    dr_buf_free(&path);
    if (!create) {
        /* a record the crash cut short: drop it, or the next one would
         * continue its line */
        off_t end = lseek(fd, 0, SEEK_END);
        off_t keep = end;
        char c;
        while (keep > 0 && pread(fd, &c, 1, keep - 1) == 1 && c != '\n')
            keep--;
        if (keep < end) {
            if (ftruncate(fd, keep) != 0 || fdatasync(fd) != 0) {
                rc = dr_err_set(err, DR_EIO, "journal %s/journal.lua: cut its torn tail: %s",
                                dir.data, strerror(errno));
                close(fd);
                dr_buf_free(&dir);
                return rc;
            }
            if (torn_bytes)
                *torn_bytes = (size_t)(end - keep);
        }
    }
    if (create)
        fsync_dir(dir.data);
    journal *j = dr_calloc(1, sizeof *j);
    j->fd = fd;
    j->dir = dr_buf_steal(&dir, NULL);
    j->run_id = dr_strdup(run_id);
    *out = j;
    return DR_OK;
}

int journal_create(const char *state_dir, const char *run_id, journal **out, dr_err *err)
{
    return open_run(state_dir, run_id, 1, out, NULL, err);
}

int journal_reopen(const char *state_dir, const char *run_id, journal **out, size_t *torn_bytes,
                   dr_err *err)
{
    return open_run(state_dir, run_id, 0, out, torn_bytes, err);
}

void journal_close(journal *j)
{
    if (!j)
        return;
    close(j->fd);
    free(j->dir);
    free(j->run_id);
    free(j);
}

const char *journal_dir(const journal *j)
{
    return j->dir;
}

const char *journal_run_id(const journal *j)
{
    return j->run_id;
}

static int write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

uint32_t journal_crc32(const void *data, size_t n)
{
    const unsigned char *p = data;
    uint32_t c = 0xffffffffu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
    }
    return ~c;
}

int journal_append(journal *j, const char *record, size_t len, dr_err *err)
{
    dr_buf payload = DR_BUF_INIT;
    dr_buf_append(&payload, record, len);
    dr_redact(&payload);
    if (memchr(payload.data, '\n', payload.len) || memchr(payload.data, '\0', payload.len)) {
        dr_buf_free(&payload);
        return dr_err_set(err, DR_EINVAL, "journal %s/journal.lua: a record may hold no newline",
                          j->dir);
    }
    dr_buf line = DR_BUF_INIT;
    dr_buf_printf(&line, "@%zu:%08x:", payload.len,
                  (unsigned)journal_crc32(payload.data, payload.len));
    dr_buf_append(&line, payload.data, payload.len);
    dr_buf_putc(&line, '\n');
    dr_buf_free(&payload);
    int rc = DR_OK;
    off_t start = lseek(j->fd, 0, SEEK_END);
    if (write_all(j->fd, line.data, line.len) != 0 || fdatasync(j->fd) != 0) {
        int e = errno;
        /* no partial record may stay for the next one to follow */
        if (start >= 0 && ftruncate(j->fd, start) == 0)
            fdatasync(j->fd);
        rc = dr_err_set(err, DR_EIO, "journal %s/journal.lua: %s%s", j->dir, strerror(e),
                        e == ENOSPC ? " (the state disk is full)" : "");
    }
    dr_buf_free(&line);
    return rc;
}

int journal_checkpoint(journal *j, int seq, const char *content, size_t len, dr_buf *name,
                       dr_err *err)
{
    dr_buf_reset(name);
    if (!content)
        return DR_OK;
    dr_buf_printf(name, "checkpoints/%04d", seq);
    dr_buf path = DR_BUF_INIT;
    dr_buf_printf(&path, "%s/%s", j->dir, name->data);
    int rc = DR_OK;
    int fd = open(path.data, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0 || write_all(fd, content, len) != 0 || fsync(fd) != 0)
        rc = dr_err_set(err, DR_EIO, "checkpoint %s: %s", path.data, strerror(errno));
    if (fd >= 0)
        close(fd);
    dr_buf_free(&path);
    return rc;
}

int journal_read(const char *state_dir, const char *run_id, dr_buf *out, dr_err *err)
{
    if (!valid_run_id(run_id))
        return dr_err_set(err, DR_EINVAL, "run id '%s': expected YYYYMMDD-HHMMSS-mmmxx", run_id);
    dr_buf path = DR_BUF_INIT;
    dr_buf_printf(&path, "%s/runs/%s/journal.lua", state_dir, run_id);
    int rc = dr_read_file(path.data, out, err);
    if (rc == DR_ENOTFOUND)
        dr_err_set(err, rc, "run %s: no such run in %s/runs (see drctl runs)", run_id, state_dir);
    dr_buf_free(&path);
    return rc;
}

/* One line of a journal: 1 when it is a whole record (its payload set). */
static int scan_line(const char *p, size_t n, size_t *poff, size_t *plen, char *why, size_t wn)
{
    const char *nul = memchr(p, '\0', n);
    if (nul) {
        snprintf(why, wn, "a NUL byte inside a record (%zu bytes into its line)",
                 (size_t)(nul - p));
        return 0;
    }
    if (n == 0) {
        snprintf(why, wn, "an empty line where a record was expected");
        return 0;
    }
    if (p[0] == '{') { /* the older, unframed format */
        *poff = 0;
        *plen = n;
        return 1;
    }
    if (p[0] != '@') {
        snprintf(why, wn, "a line that is not a record (expected '@LENGTH:CRC:' or '{')");
        return 0;
    }
    size_t i = 1, len = 0;
    while (i < n && p[i] >= '0' && p[i] <= '9' && len < ((size_t)1 << 40))
        len = len * 10 + (size_t)(p[i++] - '0');
    if (i == 1 || i >= n || p[i] != ':' || i + 10 > n || p[i + 9] != ':') {
        snprintf(why, wn, "a malformed record frame");
        return 0;
    }
    uint32_t crc = 0;
    for (size_t k = i + 1; k < i + 9; k++) {
        char c = p[k];
        int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (v < 0) {
            snprintf(why, wn, "a malformed record checksum");
            return 0;
        }
        crc = crc << 4 | (uint32_t)v;
    }
    size_t start = i + 10;
    if (n - start != len) {
        snprintf(why, wn, "a record of %zu bytes where its frame says %zu", n - start, len);
        return 0;
    }
    if (journal_crc32(p + start, len) != crc) {
        snprintf(why, wn, "a record whose checksum does not match (damaged on disk)");
        return 0;
    }
    *poff = start;
    *plen = len;
    return 1;
}

void journal_scan_text(const char *data, size_t len, journal_scan *s)
{
    memset(s, 0, sizeof *s);
    dr_buf_append(&s->text, data ? data : "", len);
    const char *t = s->text.data;
    size_t cap = 0, pos = 0;
    while (pos < len) {
        const char *nl = memchr(t + pos, '\n', len - pos);
        if (!nl) {
            s->torn = 1;
            s->torn_at = pos;
            break;
        }
        size_t n = (size_t)(nl - (t + pos)), off = 0, plen = 0;
        if (!scan_line(t + pos, n, &off, &plen, s->corrupt_why, sizeof s->corrupt_why)) {
            s->corrupt = 1;
            const char *nul = memchr(t + pos, '\0', n);
            s->corrupt_at = nul ? (size_t)(nul - t) : pos;
            break;
        }
        if (s->n == cap) {
            cap = cap ? cap * 2 : 64;
            s->off = dr_realloc(s->off, cap * sizeof *s->off);
            s->len = dr_realloc(s->len, cap * sizeof *s->len);
            s->at = dr_realloc(s->at, cap * sizeof *s->at);
        }
        s->off[s->n] = pos + off;
        s->len[s->n] = plen;
        s->at[s->n] = pos;
        s->n++;
        pos += n + 1;
    }
}

int journal_scan_run(const char *state_dir, const char *run_id, journal_scan *s, dr_err *err)
{
    memset(s, 0, sizeof *s);
    dr_buf text = DR_BUF_INIT;
    int rc = journal_read(state_dir, run_id, &text, err);
    if (rc == DR_OK)
        journal_scan_text(text.data, text.len, s);
    dr_buf_free(&text);
    return rc;
}

void journal_scan_free(journal_scan *s)
{
    dr_buf_free(&s->text);
    free(s->off);
    free(s->len);
    free(s->at);
    memset(s, 0, sizeof *s);
}

int journal_read_checkpoint(const char *state_dir, const char *run_id, const char *name,
                            dr_buf *out, dr_err *err)
{
    if (!valid_run_id(run_id) || strncmp(name, "checkpoints/", 12) || strstr(name, ".."))
        return dr_err_set(err, DR_EINVAL, "checkpoint %s of run %s: bad name", name, run_id);
    dr_buf path = DR_BUF_INIT;
    dr_buf_printf(&path, "%s/runs/%s/%s", state_dir, run_id, name);
    int rc = dr_read_file(path.data, out, err);
    dr_buf_free(&path);
    return rc;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int journal_list_runs(const char *state_dir, dr_buf *out, size_t *count, dr_err *err)
{
    *count = 0;
    dr_buf path = DR_BUF_INIT;
    dr_buf_printf(&path, "%s/runs", state_dir);
    DIR *d = opendir(path.data);
    if (!d) {
        int rc =
            errno == ENOENT ? DR_OK : dr_err_set(err, DR_EIO, "%s: %s", path.data, strerror(errno));
        dr_buf_free(&path);
        return rc;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (!valid_run_id(de->d_name))
            continue;
        names = dr_realloc(names, (n + 1) * sizeof *names);
        names[n++] = dr_strdup(de->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        dr_buf_append(out, names[i], strlen(names[i]) + 1);
        free(names[i]);
    }
    free(names);
    *count = n;
    dr_buf_free(&path);
    return DR_OK;
}

int journal_lock(const char *state_dir, const char *run_id, const char *what, int *fd, dr_err *err)
{
    *fd = -1;
    dr_buf path = DR_BUF_INIT;
    dr_buf_printf(&path, "%s/lock", state_dir);
    int f = open(path.data, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (f < 0) {
        int rc = dr_err_set(err, DR_EIO, "lock %s: %s", path.data, strerror(errno));
        dr_buf_free(&path);
        return rc;
    }
    if (flock(f, LOCK_EX | LOCK_NB) != 0) {
        char holder[512] = "";
        ssize_t n = pread(f, holder, sizeof holder - 1, 0);
        holder[n > 0 ? n : 0] = '\0';
        holder[strcspn(holder, "\n")] = '\0';
        close(f);
        int rc = dr_err_set(err, DR_EREFUSED, "another run holds the lock %s: %s", path.data,
                            *holder ? holder : "(holder unknown)");
        dr_buf_free(&path);
        return rc;
    }
    char host[256] = "?";
    gethostname(host, sizeof host - 1);
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    char since[64];
    strftime(since, sizeof since, "%Y-%m-%dT%H:%M:%SZ", &tm);
    dr_buf who = DR_BUF_INIT;
    dr_buf_printf(&who, "run %s (%s) by pid %ld on %s since %s\n", run_id, what, (long)getpid(),
                  host, since);
    if (ftruncate(f, 0) != 0 || pwrite(f, who.data, who.len, 0) < 0) {
        /* the lock is held all the same; only the description is missing */
    }
    dr_buf_free(&who);
    dr_buf_free(&path);
    *fd = f;
    return DR_OK;
}

void journal_unlock(int fd)
{
    if (fd >= 0) {
        if (ftruncate(fd, 0) != 0) {
            /* stale text is harmless: the flock is what counts */
        }
        close(fd);
    }
}

int journal_last_switch(const char *state_dir, int64_t *when_ms, dr_buf *run_id, dr_err *err)
{
    *when_ms = 0;
    dr_buf path = DR_BUF_INIT, text = DR_BUF_INIT;
    dr_buf_printf(&path, "%s/last-switch", state_dir);
    int rc = dr_read_file(path.data, &text, err);
    dr_buf_free(&path);
    if (rc == DR_ENOTFOUND) {
        dr_err_clear(err);
        dr_buf_free(&text);
        return DR_OK;
    }
    if (rc) {
        dr_buf_free(&text);
        return rc;
    }
    long long ms = 0;
    char id[80] = "";
    if (sscanf(text.data, "%lld %79s", &ms, id) >= 1) {
        *when_ms = ms;
        if (run_id)
            dr_buf_puts(run_id, id);
    }
    dr_buf_free(&text);
    return DR_OK;
}

int journal_record_switch(const char *state_dir, const char *run_id, dr_err *err)
{
    dr_buf path = DR_BUF_INIT, tmp = DR_BUF_INIT, text = DR_BUF_INIT;
    dr_buf_printf(&path, "%s/last-switch", state_dir);
    dr_buf_printf(&tmp, "%s/.last-switch.tmp", state_dir);
    dr_buf_printf(&text, "%lld %s\n", (long long)dr_wall_ms(), run_id);
    int rc = DR_OK;
    int fd = open(tmp.data, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0 || write_all(fd, text.data, text.len) != 0 || fsync(fd) != 0 ||
        rename(tmp.data, path.data) != 0)
        rc = dr_err_set(err, DR_EIO, "record %s: %s", path.data, strerror(errno));
    if (fd >= 0)
        close(fd);
    dr_buf_free(&path);
    dr_buf_free(&tmp);
    dr_buf_free(&text);
    return rc;
}
