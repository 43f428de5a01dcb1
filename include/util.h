/* util: what every module shares: growable byte buffers, "what: why" error
 * messages with a code, monotonic time, and whole-file reads.
 *
 * Conventions used across drctl: a function returns 0 (DR_OK) or a negative
 * DR_E* code and, when it fails, fills the caller's dr_err with a message of
 * the form "what: why".  Nothing below main() calls exit(). */
#ifndef DR_UTIL_H
#define DR_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

enum {
    DR_OK = 0,
    DR_EINVAL = -1,   /* bad input: a file, an argument, a value */
    DR_EIO = -2,      /* a local or remote I/O error */
    DR_ETIMEOUT = -3, /* a deadline passed */
    DR_ENOMEM = -4,
    DR_EREFUSED = -5,  /* the peer or a safety rule said no */
    DR_ENOTFOUND = -6, /* file, znode, host, key absent */
    DR_ECONFLICT = -7, /* a precondition no longer holds */
    DR_EPARSE = -8,    /* malformed input from a file or a server */
    DR_EAUTH = -9,     /* authentication or permission */
};

/* A short name for a DR_E* code ("timeout", "refused", ...). */
const char *dr_strerror(int code);

#define DR_ERR_MAX 1024

typedef struct dr_err {
    int code;             /* DR_E* code of the last failure, 0 when none */
    char msg[DR_ERR_MAX]; /* "what: why", truncated if longer */
} dr_err;

/* Records a failure in err (which may be NULL) and returns code, so that a
 * caller can write `return dr_err_set(err, DR_EIO, "read %s: %s", ...)`. */
int dr_err_set(dr_err *err, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Prefixes the message already in err with more context: "what: " + msg. */
int dr_err_wrap(dr_err *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void dr_err_clear(dr_err *err);

/* A growable buffer.  data is NUL-terminated whenever it is non-NULL, so text
 * can be used as a C string; len excludes the terminator.  An allocation
 * failure aborts the process (there is nothing sensible to do in a runbook
 * engine that ran out of memory halfway through a failover plan). */
typedef struct dr_buf {
    char *data;
    size_t len;
    size_t cap;
} dr_buf;

#define DR_BUF_INIT                                                                                \
    {                                                                                              \
        NULL, 0, 0                                                                                 \
    }

void dr_buf_init(dr_buf *b);
void dr_buf_free(dr_buf *b);
void dr_buf_reset(dr_buf *b); /* len = 0, memory kept */
void dr_buf_reserve(dr_buf *b, size_t extra);
void dr_buf_append(dr_buf *b, const void *p, size_t n);
void dr_buf_puts(dr_buf *b, const char *s);
void dr_buf_putc(dr_buf *b, char c);
void dr_buf_printf(dr_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void dr_buf_vprintf(dr_buf *b, const char *fmt, va_list ap);
/* Gives the memory to the caller (free() it); b is empty after.  Never NULL. */
char *dr_buf_steal(dr_buf *b, size_t *len);

/* Allocation helpers that abort on failure. */
void *dr_malloc(size_t n);
void *dr_calloc(size_t n, size_t size);
void *dr_realloc(void *p, size_t n);
char *dr_strdup(const char *s);
char *dr_strndup(const char *s, size_t n);

/* Milliseconds on the monotonic clock (for deadlines) and since the epoch. */
int64_t dr_now_ms(void);
int64_t dr_wall_ms(void);

/* Reads a whole local file into out (appended).  Errors name the path. */
int dr_read_file(const char *path, dr_buf *out, dr_err *err);

/* Reads a secret from a file (first line, trailing newline and spaces
 * removed) or, when path is NULL, from the environment variable env_name.
 * Refuses a secret file that other users can read.  The caller frees *out
 * with dr_secret_free, which wipes it. */
int dr_secret_load(const char *path, const char *env_name, char **out, dr_err *err);
void dr_secret_free(char *secret);

/* Redaction: every secret loaded by dr_secret_load is remembered (a copy,
 * process-wide) so that output meant for journals, logs and reports can be
 * masked with dr_redact, which replaces each occurrence by "***" in place. */
void dr_redact_add(const char *secret);
void dr_redact(dr_buf *b);

#endif
