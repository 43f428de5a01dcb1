/* json: drctl's JSON, read and written through jansson (Debian's
 * libjansson), with drctl's conventions on top:
 *
 *  - text that is not valid UTF-8 becomes U+FFFD instead of being refused
 *    (json_text), so every document written is valid JSON;
 *  - numbers (json_num): integral values as integers, others dumped with 14
 *    significant digits, NaN and infinity as null;
 *  - documents dumped compact or pretty (two-space indentation, "key": value,
 *    a final newline) by json_dump_buf, keys in the order they were set.
 *
 * The streaming writer below builds a jansson tree for code that emits a
 * document field by field (the inventory, webhooks):
 *
 *     json_writer w;
 *     json_writer_init(&w, &buf, JSON_PRETTY);
 *     json_begin_object(&w);
 *     json_key(&w, "site"); json_put_string(&w, "dallas");
 *     json_key(&w, "ready"); json_bool(&w, true);
 *     json_end_object(&w);
 *     if (json_writer_finish(&w) != DR_OK) ... a bug in the caller
 *
 * Misuse (a value where a key is due, an unbalanced end, a second top-level
 * value) does not abort: the writer remembers it and json_writer_finish()
 * writes nothing and returns DR_EINVAL, so tests catch it.  (jansson owns
 * the names json_string and json_null: the writer's are json_put_*.) */
#ifndef DR_JSON_H
#define DR_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "util.h"

/* Dump flags: JSON_COMPACT (jansson's) or JSON_PRETTY. */
#define JSON_PRETTY JSON_INDENT(2)

/* A new JSON string of s[0..len), invalid UTF-8 replaced by U+FFFD. */
json_t *json_text(const char *s, size_t len);
/* The same for a C string; NULL gives null. */
json_t *json_cstr(const char *s);
/* A number: integral values within +-2^53 as integers, NaN/inf as null. */
json_t *json_num(double v);
/* obj[key] = value (stolen; NULL value: null); key made valid UTF-8. */
void json_set(json_t *obj, const char *key, json_t *value);

/* Appends doc dumped with flags (JSON_COMPACT or JSON_PRETTY; pretty ends
 * with a newline).  Returns DR_OK, or DR_ENOMEM. */
int json_dump_buf(const json_t *doc, int flags, dr_buf *out);

/* Parses one JSON document from s[0..len).  On failure returns NULL and
 * sets err (DR_EPARSE, "line L column C: what"). */
json_t *json_parse(const char *s, size_t len, dr_err *err);

/* Appends s[0..len) escaped for use between double quotes. */
void json_escape(dr_buf *out, const char *s, size_t len);

typedef struct json_writer {
    dr_buf *out;    /* not owned */
    int flags;      /* JSON_PRETTY or JSON_COMPACT (0: compact) */
    json_t *root;   /* the document so far (owned) */
    json_t **stack; /* open containers, innermost last (borrowed from root) */
    size_t depth, cap;
    char *key; /* in an object: the key whose value is due (owned) */
    bool misused;
} json_writer;

/* out receives the text at json_writer_finish(); it must outlive the
 * writer. */
void json_writer_init(json_writer *w, dr_buf *out, int flags);
/* Writes the document and releases the writer; returns DR_OK if it is one
 * complete, balanced value written without misuse, else DR_EINVAL (and
 * writes nothing). */
int json_writer_finish(json_writer *w);

void json_begin_object(json_writer *w);
void json_end_object(json_writer *w);
void json_begin_array(json_writer *w);
void json_end_array(json_writer *w);
void json_key(json_writer *w, const char *key);
void json_put_string(json_writer *w, const char *s); /* NULL writes null */
void json_put_string_n(json_writer *w, const char *s, size_t len);
void json_int(json_writer *w, int64_t v);
void json_bool(json_writer *w, bool v);
void json_put_null(json_writer *w);

/* The conventions of every --json document drctl writes (README, "JSON
 * output"): a "schema" field "drctl.<what>/<version>" first; durations in
 * seconds as numbers named *_seconds (millisecond precision); points in
 * time as ISO 8601 UTC strings with milliseconds, written by this: */
#define JSON_TIME_LEN 32
void json_time_iso(char *out, size_t n, int64_t unix_ms);

#endif
