/* json: JSON text for machine-readable output (drctl ... --json, reports).
 *
 * json_escape() appends a string's escaped body (no quotes) to a dr_buf and
 * always yields valid JSON: control characters become \uXXXX and bytes that
 * are not valid UTF-8 become U+FFFD.  The writer adds the punctuation: it
 * tracks nesting and commas, so a caller only says what comes next:
 *
 *     json_writer w;
 *     json_writer_init(&w, &buf, JSON_PRETTY);
 *     json_begin_object(&w);
 *     json_key(&w, "site"); json_string(&w, "dallas");
 *     json_key(&w, "ready"); json_bool(&w, true);
 *     json_end_object(&w);
 *     if (json_writer_finish(&w) != DR_OK) ... a bug in the caller
 *
 * Misuse (a value where a key is due, an unbalanced end, a second top-level
 * value) does not abort: the writer remembers it and json_writer_finish()
 * returns DR_EINVAL, so tests catch it. */
#ifndef DR_JSON_H
#define DR_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* Appends s[0..len) escaped for use between double quotes. */
void json_escape(dr_buf *out, const char *s, size_t len);

enum {
    JSON_COMPACT = 0,
    JSON_PRETTY = 1, /* newlines and two-space indentation */
};

typedef struct json_writer {
    dr_buf *out;     /* not owned */
    int flags;       /* JSON_PRETTY or 0 */
    dr_buf stack;    /* one byte per open container: 'o' or 'a' (owned) */
    bool need_comma; /* a value was written at the current level */
    bool have_key;   /* in an object: a key was written, its value is due */
    bool done;       /* the top-level value is complete */
    bool misused;
} json_writer;

/* out receives the text; it must outlive the writer.  The writer owns only
 * its nesting stack, released by json_writer_finish(). */
void json_writer_init(json_writer *w, dr_buf *out, int flags);
/* Releases the writer; returns DR_OK if the text is one complete, balanced
 * value written without misuse, else DR_EINVAL.  Pretty output ends with a
 * newline. */
int json_writer_finish(json_writer *w);

void json_begin_object(json_writer *w);
void json_end_object(json_writer *w);
void json_begin_array(json_writer *w);
void json_end_array(json_writer *w);
void json_key(json_writer *w, const char *key);
void json_string(json_writer *w, const char *s); /* NULL writes null */
void json_string_n(json_writer *w, const char *s, size_t len);
void json_int(json_writer *w, int64_t v);
void json_bool(json_writer *w, bool v);
void json_null(json_writer *w);

/* The conventions of every --json document drctl writes (README, "JSON
 * output"): a "schema" field "drctl.<what>/<version>" first; durations in
 * seconds as numbers named *_seconds (millisecond precision); points in
 * time as ISO 8601 UTC strings with milliseconds, written by this: */
#define JSON_TIME_LEN 32
void json_time_iso(char *out, size_t n, int64_t unix_ms);

#endif
