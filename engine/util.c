/* util: buffers, errors, time and file helpers shared by every module. */
#define _GNU_SOURCE /* memmem */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

const char *dr_strerror(int code)
{
    switch (code) {
    case DR_OK:
        return "ok";
    case DR_EINVAL:
        return "invalid";
    case DR_EIO:
        return "i/o error";
    case DR_ETIMEOUT:
        return "timeout";
    case DR_ENOMEM:
        return "out of memory";
    case DR_EREFUSED:
        return "refused";
    case DR_ENOTFOUND:
        return "not found";
    case DR_ECONFLICT:
        return "conflict";
    case DR_EPARSE:
        return "parse error";
    case DR_EAUTH:
        return "authentication";
    default:
        return "error";
    }
}

int dr_err_set(dr_err *err, int code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
        err->code = code;
    }
    return code;
}

int dr_err_wrap(dr_err *err, const char *fmt, ...)
{
    if (!err)
        return DR_EINVAL;
    dr_buf b = DR_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    dr_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    dr_buf_puts(&b, ": ");
    dr_buf_puts(&b, err->msg);
    size_t n = b.len < sizeof err->msg - 1 ? b.len : sizeof err->msg - 1;
    memcpy(err->msg, b.data, n);
    err->msg[n] = '\0';
    dr_buf_free(&b);
    return err->code;
}

void dr_err_clear(dr_err *err)
{
    if (err) {
        err->code = 0;
        err->msg[0] = '\0';
    }
}

static void oom(void)
{
    fputs("drctl: out of memory\n", stderr);
    abort();
}

void *dr_malloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        oom();
    return p;
}

void *dr_calloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        oom();
    return p;
}

void *dr_realloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        oom();
    return q;
}

char *dr_strdup(const char *s)
{
    return dr_strndup(s, strlen(s));
}

char *dr_strndup(const char *s, size_t n)
{
    char *p = dr_malloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void dr_buf_init(dr_buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
}

void dr_buf_free(dr_buf *b)
{
    free(b->data);
    dr_buf_init(b);
}

void dr_buf_reset(dr_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void dr_buf_reserve(dr_buf *b, size_t extra)
{
    if (extra > SIZE_MAX - b->len - 1)
        oom();
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    b->data = dr_realloc(b->data, cap);
    b->cap = cap;
}

void dr_buf_append(dr_buf *b, const void *p, size_t n)
{
    dr_buf_reserve(b, n);
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void dr_buf_puts(dr_buf *b, const char *s)
{
    dr_buf_append(b, s, strlen(s));
}

void dr_buf_putc(dr_buf *b, char c)
{
    dr_buf_append(b, &c, 1);
}

/* Formats straight into the spare room when it fits (one vsnprintf, the usual
 * case once the buffer has grown), else measures, grows and formats again. */
void dr_buf_vprintf(dr_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    size_t room = b->data ? b->cap - b->len : 0;
    int n = vsnprintf(room ? b->data + b->len : NULL, room, fmt, ap2);
    va_end(ap2);
    if (n < 0) {
        if (room)
            b->data[b->len] = '\0';
        return;
    }
    if ((size_t)n >= room) {
        dr_buf_reserve(b, (size_t)n);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    }
    b->len += (size_t)n;
}

void dr_buf_printf(dr_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    dr_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

char *dr_buf_steal(dr_buf *b, size_t *len)
{
    if (!b->data)
        dr_buf_reserve(b, 0), b->data[0] = '\0';
    char *p = b->data;
    if (len)
        *len = b->len;
    dr_buf_init(b);
    return p;
}

int64_t dr_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int64_t dr_wall_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int dr_read_file(const char *path, dr_buf *out, dr_err *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return dr_err_set(err, errno == ENOENT ? DR_ENOTFOUND : DR_EIO, "read %s: %s", path,
                          strerror(errno));
    char chunk[65536];
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            close(fd);
            return dr_err_set(err, DR_EIO, "read %s: %s", path, strerror(e));
        }
        if (n == 0)
            break;
        dr_buf_append(out, chunk, (size_t)n);
    }
    close(fd);
    if (!out->data)
        dr_buf_reserve(out, 0), out->data[0] = '\0';
    return DR_OK;
}

int dr_secret_load(const char *path, const char *env_name, char **out, dr_err *err)
{
    *out = NULL;
    if (path) {
        struct stat st;
        if (stat(path, &st) != 0)
            return dr_err_set(err, DR_ENOTFOUND, "secret file %s: %s", path, strerror(errno));
        if (st.st_mode & (S_IRWXG | S_IRWXO))
            return dr_err_set(err, DR_EREFUSED,
                              "secret file %s: mode %03o lets other users read it (chmod 600 it)",
                              path, (unsigned)(st.st_mode & 0777));
        dr_buf b = DR_BUF_INIT;
        int rc = dr_read_file(path, &b, err);
        if (rc != DR_OK)
            return rc;
        size_t n = strcspn(b.data, "\r\n");
        while (n > 0 && (b.data[n - 1] == ' ' || b.data[n - 1] == '\t'))
            n--;
        *out = dr_strndup(b.data, n);
        dr_redact_add(*out);
        memset(b.data, 0, b.cap);
        dr_buf_free(&b);
        return DR_OK;
    }
    if (env_name) {
        const char *v = getenv(env_name);
        if (!v)
            return dr_err_set(err, DR_ENOTFOUND, "secret: environment variable %s is not set",
                              env_name);
        *out = dr_strdup(v);
        dr_redact_add(*out);
        return DR_OK;
    }
    return dr_err_set(err, DR_EINVAL, "secret: neither a file nor an environment variable given");
}

void dr_secret_free(char *secret)
{
    if (secret) {
        volatile char *p = secret;
        while (*p)
            *p++ = 0;
        free(secret);
    }
}

static char **redactions;
static size_t n_redactions;

void dr_redact_add(const char *secret)
{
    /* Very short secrets would mask ordinary text: they are refused at
     * load time elsewhere; here they are simply not remembered. */
    if (!secret || strlen(secret) < 4)
        return;
    for (size_t i = 0; i < n_redactions; i++)
        if (!strcmp(redactions[i], secret))
            return;
    redactions = dr_realloc(redactions, (n_redactions + 1) * sizeof *redactions);
    redactions[n_redactions++] = dr_strdup(secret);
}

void dr_redact(dr_buf *b)
{
    if (!b->data)
        return;
    for (size_t i = 0; i < n_redactions; i++) {
        const char *s = redactions[i];
        size_t sl = strlen(s);
        char *p;
        size_t from = 0;
        while (from < b->len && (p = memmem(b->data + from, b->len - from, s, sl))) {
            size_t at = (size_t)(p - b->data);
            dr_buf tail = DR_BUF_INIT;
            dr_buf_append(&tail, p + sl, b->len - at - sl);
            b->len = at;
            dr_buf_puts(b, "***");
            from = b->len;
            dr_buf_append(b, tail.data ? tail.data : "", tail.len);
            dr_buf_free(&tail);
        }
    }
}
