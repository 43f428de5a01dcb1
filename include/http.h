/* http: plain HTTP(S) requests to the systems around a cluster, for the
 * engine's webhooks (inventory notify:) and the runbooks' dr.http steps (a
 * DNS or load-balancer switch through its API).  libcurl, one request at a
 * time, with a timeout per attempt and retries with backoff on transport
 * errors and 5xx answers (never on 4xx: the request itself is wrong then).
 *
 * No Lua here and no run-mode knowledge: the binding (http_lua.c) gates
 * requests, and the engine never sends a webhook in a rehearsal. */
#ifndef DR_HTTP_H
#define DR_HTTP_H

#include <stddef.h>

#include "util.h"

typedef struct http_request {
    const char
        *method;     /* "GET", "POST", "PUT", "PATCH", "DELETE"; NULL: POST with a body, else GET */
    const char *url; /* http:// or https:// */
    const char *body; /* NULL: none */
    size_t body_len;
    const char *const *headers; /* "Name: value" lines, NULL-terminated, or NULL */
    int timeout_ms;             /* per attempt; 0: 10000 */
    int retries;                /* more attempts after the first; 0: none */
    const char *ca_file;        /* https: the CA to verify the server with; NULL: system CAs */
} http_request;

typedef struct http_response {
    long status;  /* HTTP status of the last attempt, 0 when none came */
    dr_buf body;  /* its body (at most 1 MiB kept) */
    int attempts; /* how many were made */
    int64_t elapsed_ms;
} http_response;

/* Sends rq, retrying as described above.  DR_OK for a 2xx answer; else
 * DR_EIO (DR_ETIMEOUT for a timeout) with err "METHOD URL: why (after N
 * attempts)", res filled with what the last attempt got.  URLs are checked
 * (http or https only; no user:password@ part, which would end up in logs).
 * Free res with http_response_free whatever the outcome. */
int http_send(const http_request *rq, http_response *res, dr_err *err);
void http_response_free(http_response *res);

/* Checks a URL the way http_send does: DR_OK or DR_EINVAL with err. */
int http_check_url(const char *url, dr_err *err);

#endif
