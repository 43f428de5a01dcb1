/* ch: ClickHouse over HTTP (libcurl multi) and the parsers of its answers.
 * See include/ch.h for the contracts and the 18.16 facts they rest on. */
#include "ch.h"

#include <ctype.h>
#include <curl/curl.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define DEFAULT_CONNECT_TIMEOUT_MS 3000
/* An answer larger than this is refused: the probes read small tables, and
 * a runbook must not be taken down by a runaway SELECT. */
#define MAX_BODY (64u << 20)

/* ---------------------------------------------------------------- client */

int ch_client_init(ch_client *c, const char *user, const char *password_file,
                   const char *password_env, dr_err *err)
{
    memset(c, 0, sizeof *c);
    c->connect_timeout_ms = DEFAULT_CONNECT_TIMEOUT_MS;
    if (password_file || password_env) {
        int rc = dr_secret_load(password_file, password_env, &c->password, err);
        if (rc != DR_OK)
            return dr_err_wrap(err, "clickhouse password");
    }
    c->user = dr_strdup(user && *user ? user : "default");
    return DR_OK;
}

struct ch_tls {
    char *host;
    int port;
    char *ca_file, *cert_file, *key_file;
};

int ch_client_set_tls(ch_client *c, const char *host, int port, const char *ca_file,
                      const char *cert_file, const char *key_file, dr_err *err)
{
    if (!host || !*host || port < 1 || port > 65535)
        return dr_err_set(err, DR_EINVAL, "ch tls: host and port (1..65535) expected");
    if (!cert_file != !key_file)
        return dr_err_set(err, DR_EINVAL,
                          "ch %s:%d: tls: give cert_file and key_file together (or neither)", host,
                          port);
    const char *files[] = {ca_file, cert_file, key_file};
    for (size_t i = 0; i < 3; i++)
        if (files[i] && access(files[i], R_OK) != 0)
            return dr_err_set(err, DR_ENOTFOUND, "ch %s:%d: tls: cannot read %s: %s", host, port,
                              files[i], strerror(errno));
    ch_tls *t = NULL;
    for (size_t i = 0; i < c->n_tls; i++)
        if (c->tls[i].port == port && strcmp(c->tls[i].host, host) == 0)
            t = &c->tls[i];
    if (!t) {
        c->tls = dr_realloc(c->tls, (c->n_tls + 1) * sizeof *c->tls);
        t = &c->tls[c->n_tls++];
        memset(t, 0, sizeof *t);
        t->host = dr_strdup(host);
        t->port = port;
    }
    free(t->ca_file);
    free(t->cert_file);
    free(t->key_file);
    t->ca_file = ca_file ? dr_strdup(ca_file) : NULL;
    t->cert_file = cert_file ? dr_strdup(cert_file) : NULL;
    t->key_file = key_file ? dr_strdup(key_file) : NULL;
    return DR_OK;
}

static const ch_tls *tls_for(const ch_client *c, const ch_request *r)
{
    int port = r->port ? r->port : CH_DEFAULT_PORT;
    for (size_t i = 0; i < c->n_tls; i++)
        if (c->tls[i].port == port && r->host && strcmp(c->tls[i].host, r->host) == 0)
            return &c->tls[i];
    return NULL;
}

void ch_client_free(ch_client *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n_tls; i++) {
        free(c->tls[i].host);
        free(c->tls[i].ca_file);
        free(c->tls[i].cert_file);
        free(c->tls[i].key_file);
    }
    free(c->tls);
    c->tls = NULL;
    c->n_tls = 0;
    dr_secret_free(c->password);
    free(c->user);
    c->password = c->user = NULL;
}

/* Replaces every occurrence of secret in msg by "***" (in place, the result
 * truncated to DR_ERR_MAX).  Defence in depth: no code path here puts the
 * password in a message, but server text is echoed into messages. */
static void scrub(char *msg, size_t size, const char *secret)
{
    if (!secret || !*secret || !msg)
        return;
    size_t sl = strlen(secret);
    if (!strstr(msg, secret))
        return;
    dr_buf b = DR_BUF_INIT;
    const char *p = msg, *hit;
    while ((hit = strstr(p, secret)) != NULL) {
        dr_buf_append(&b, p, (size_t)(hit - p));
        dr_buf_puts(&b, "***");
        p = hit + sl;
    }
    dr_buf_puts(&b, p);
    snprintf(msg, size, "%s", b.data);
    memset(b.data, 0, b.cap);
    dr_buf_free(&b);
}

/* ---------------------------------------------------------------- errors */

int ch_code_to_dr(int code)
{
    switch (code) {
    case CH_CODE_UNKNOWN_USER:
    case CH_CODE_WRONG_PASSWORD:
    case CH_CODE_REQUIRED_PASSWORD:
    case CH_CODE_AUTHENTICATION_FAILED:
        return DR_EAUTH;
    case CH_CODE_TIMEOUT_EXCEEDED:
        return DR_ETIMEOUT;
    case CH_CODE_UNKNOWN_TABLE:
    case CH_CODE_UNKNOWN_DATABASE:
        return DR_ENOTFOUND;
    case CH_CODE_READONLY:
    case CH_CODE_TABLE_IS_READ_ONLY:
        return DR_EREFUSED;
    default:
        return DR_EIO;
    }
}

static const char *memfind(const char *h, size_t hl, const char *n)
{
    size_t nl = strlen(n);
    if (nl == 0 || hl < nl)
        return NULL;
    for (size_t i = 0; i + nl <= hl; i++)
        if (h[i] == n[0] && memcmp(h + i, n, nl) == 0)
            return h + i;
    return NULL;
}

/* Parses a decimal int of at most 9 digits at p (< end); returns the
 * position after it, or NULL. */
static const char *parse_small_int(const char *p, const char *end, int *out)
{
    int v = 0, digits = 0;
    while (p < end && isdigit((unsigned char)*p) && digits < 9) {
        v = v * 10 + (*p - '0');
        p++, digits++;
    }
    if (digits == 0 || (p < end && isdigit((unsigned char)*p)))
        return NULL;
    *out = v;
    return p;
}

int ch_parse_error(const char *body, size_t len, const char *header_code, int *code, char *msg,
                   size_t msg_size)
{
    *code = 0;
    if (msg && msg_size)
        msg[0] = '\0';
    if (header_code) {
        int hc;
        const char *h = header_code;
        while (*h == ' ')
            h++;
        const char *e = parse_small_int(h, h + strlen(h), &hc);
        if (e && hc > 0)
            *code = hc;
    }
    if (!body)
        len = 0;
    /* The exception is the last "Code: N" at the start of a line: a query
     * that fails after some rows were sent has the rows first. */
    const char *start = NULL;
    int body_code = 0;
    for (size_t i = 0; i + 6 <= len; i++) {
        if ((i == 0 || body[i - 1] == '\n') && memcmp(body + i, "Code: ", 6) == 0) {
            int c;
            const char *e = parse_small_int(body + i + 6, body + len, &c);
            if (e && e < body + len && (*e == ',' || *e == '.')) {
                start = e;
                body_code = c;
            }
        }
    }
    if (!start)
        return *code ? DR_OK : DR_ENOTFOUND;
    if (!*code)
        *code = body_code;
    const char *end = body + len;
    const char *p = start + 1; /* after ',' or '.' */
    /* 18.16: ", e.displayText() = DB::Exception: MSG, e.what() = DB::Exception" */
    static const char disp[] = " e.displayText() = ";
    if ((size_t)(end - p) >= sizeof disp - 1 && memcmp(p, disp, sizeof disp - 1) == 0)
        p += sizeof disp - 1;
    while (p < end && *p == ' ')
        p++;
    static const char exc[] = "DB::Exception: ";
    if ((size_t)(end - p) >= sizeof exc - 1 && memcmp(p, exc, sizeof exc - 1) == 0)
        p += sizeof exc - 1;
    const char *stop = end;
    const char *w = memfind(p, (size_t)(end - p), ", e.what() = ");
    if (w)
        stop = w;
    const char *v = memfind(p, (size_t)(stop - p), " (version ");
    if (v)
        stop = v;
    const char *nl = memchr(p, '\n', (size_t)(stop - p));
    if (nl && !w) /* newer servers may append a stack trace on later lines */
        stop = nl;
    while (stop > p && isspace((unsigned char)stop[-1]))
        stop--;
    if (msg && msg_size) {
        size_t n = (size_t)(stop - p);
        if (n >= msg_size)
            n = msg_size - 1;
        memcpy(msg, p, n);
        msg[n] = '\0';
        for (size_t i = 0; i < n; i++) /* keep messages on one line */
            if (msg[i] == '\n' || msg[i] == '\r' || msg[i] == '\t')
                msg[i] = ' ';
    }
    return DR_OK;
}

/* ---------------------------------------------------------------- HTTP */

typedef struct xfer {
    ch_request *r;
    CURL *easy;
    struct curl_slist *headers;
    char *url;
    char header_code[16];
    char curl_err[CURL_ERROR_SIZE];
    int64_t start_ms;
    int too_big;
    int done;
} xfer;

static size_t on_body(char *p, size_t size, size_t nmemb, void *ud)
{
    xfer *x = ud;
    size_t n = size * nmemb;
    if (x->r->body.len + n > MAX_BODY) {
        x->too_big = 1;
        return 0; /* makes curl fail the transfer */
    }
    dr_buf_append(&x->r->body, p, n);
    return n;
}

static size_t on_header(char *p, size_t size, size_t nmemb, void *ud)
{
    xfer *x = ud;
    size_t n = size * nmemb;
    static const char name[] = "x-clickhouse-exception-code:";
    if (n > sizeof name - 1 && strncasecmp(p, name, sizeof name - 1) == 0) {
        size_t vl = n - (sizeof name - 1);
        if (vl >= sizeof x->header_code)
            vl = sizeof x->header_code - 1;
        memcpy(x->header_code, p + sizeof name - 1, vl);
        x->header_code[vl] = '\0';
        x->header_code[strcspn(x->header_code, "\r\n")] = '\0';
    }
    return n;
}

static void wipe_slist(struct curl_slist *l)
{
    for (struct curl_slist *i = l; i; i = i->next) {
        volatile char *s = i->data;
        while (*s)
            *s++ = 0;
    }
    curl_slist_free_all(l);
}

static void host_port(const ch_request *r, char *out, size_t size)
{
    int port = r->port ? r->port : CH_DEFAULT_PORT;
    if (r->host && strchr(r->host, ':'))
        snprintf(out, size, "[%s]:%d", r->host, port);
    else
        snprintf(out, size, "%s:%d", r->host ? r->host : "?", port);
}

static int xfer_setup(const ch_client *c, xfer *x, int64_t now, int64_t deadline, dr_err *err)
{
    ch_request *r = x->r;
    char hp[300];
    if (!r->host || !*r->host || strlen(r->host) > 255 || strpbrk(r->host, "/?#@ \t\r\n[]"))
        return dr_err_set(&r->err, DR_EINVAL, "ch: bad host name '%.64s'",
                          r->host ? r->host : "(null)");
    if (r->port < 0 || r->port > 65535)
        return dr_err_set(&r->err, DR_EINVAL, "ch %s: bad port %d", r->host, r->port);
    host_port(r, hp, sizeof hp);
    x->easy = curl_easy_init();
    if (!x->easy)
        return dr_err_set(err, DR_ENOMEM, "ch %s: curl_easy_init failed", hp);
    const ch_tls *tls = tls_for(c, r);
    dr_buf url = DR_BUF_INIT;
    dr_buf_printf(&url, "%s://%s%s", tls ? "https" : "http", hp, r->path ? r->path : "/");
    char sep = strchr(url.data, '?') ? '&' : '?';
    if (r->settings && *r->settings) {
        dr_buf_printf(&url, "%c%s", sep, r->settings);
        sep = '&';
    }
    if (r->query_id) {
        char *q = curl_easy_escape(x->easy, r->query_id, 0);
        dr_buf_printf(&url, "%cquery_id=%s", sep, q ? q : "");
        curl_free(q);
    }
    x->url = dr_buf_steal(&url, NULL);

    CURL *e = x->easy;
    curl_easy_setopt(e, CURLOPT_URL, x->url);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_NOPROXY, "*"); /* never hand the password to a proxy */
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, tls ? "https" : "http");
#else
    curl_easy_setopt(e, CURLOPT_PROTOCOLS, (long)(tls ? CURLPROTO_HTTPS : CURLPROTO_HTTP));
#endif
    if (tls) {
        /* verification is never turned off: a server drctl cannot verify
         * is a server it does not talk to */
        curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
        curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
        if (tls->ca_file)
            curl_easy_setopt(e, CURLOPT_CAINFO, tls->ca_file);
        if (tls->cert_file) {
            curl_easy_setopt(e, CURLOPT_SSLCERT, tls->cert_file);
            curl_easy_setopt(e, CURLOPT_SSLKEY, tls->key_file);
        }
    }
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, x->curl_err);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, x);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, x);
    curl_easy_setopt(e, CURLOPT_PRIVATE, x);
    curl_easy_setopt(
        e, CURLOPT_CONNECTTIMEOUT_MS,
        (long)(c->connect_timeout_ms > 0 ? c->connect_timeout_ms : DEFAULT_CONNECT_TIMEOUT_MS));
    int64_t limit = r->timeout_ms > 0 ? r->timeout_ms : 0;
    if (deadline > 0 && (limit == 0 || now + limit > deadline))
        limit = deadline - now > 1 ? deadline - now : 1;
    if (limit > 0)
        curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, (long)limit);
    if (r->sql) {
        curl_easy_setopt(e, CURLOPT_POST, 1L);
        curl_easy_setopt(e, CURLOPT_POSTFIELDS, r->sql);
        curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)strlen(r->sql));
    } else {
        curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
    }
    dr_buf h = DR_BUF_INIT;
    dr_buf_printf(&h, "X-ClickHouse-User: %s", c->user ? c->user : "default");
    x->headers = curl_slist_append(x->headers, h.data);
    if (c->password && *c->password) {
        dr_buf_reset(&h);
        dr_buf_printf(&h, "X-ClickHouse-Key: %s", c->password);
        x->headers = curl_slist_append(x->headers, h.data);
    }
    memset(h.data, 0, h.cap);
    dr_buf_free(&h);
    x->headers = curl_slist_append(x->headers, "Expect:"); /* no 100-continue round trip */
    if (!x->headers)
        return dr_err_set(err, DR_ENOMEM, "ch %s: out of memory", hp);
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, x->headers);
    return DR_OK;
}

static int is_tls_error(CURLcode res)
{
    switch (res) {
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_USE_SSL_FAILED:
        return 1;
    default:
        return 0;
    }
}

/* Fills r's outputs from a finished transfer. */
static void xfer_finish(const ch_client *c, xfer *x, CURLcode res, int cut_by_deadline)
{
    ch_request *r = x->r;
    char hp[300];
    host_port(r, hp, sizeof hp);
    r->elapsed_ms = dr_now_ms() - x->start_ms;
    if (x->easy)
        curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &r->http_status);
    if (cut_by_deadline) {
        r->rc =
            dr_err_set(&r->err, DR_ETIMEOUT,
                       "ch %s: no answer within the deadline (%" PRId64 " ms)", hp, r->elapsed_ms);
    } else if (x->too_big) {
        r->rc = dr_err_set(&r->err, DR_EIO, "ch %s: answer larger than %u bytes", hp, MAX_BODY);
    } else if (res != CURLE_OK && is_tls_error(res)) {
        const char *why = x->curl_err[0] ? x->curl_err : curl_easy_strerror(res);
        const ch_tls *tls = tls_for(c, r);
        r->rc = dr_err_set(&r->err, DR_EIO, "ch %s: TLS: %s (ca_file %s)", hp, why,
                           tls && tls->ca_file ? tls->ca_file : "the system's CAs");
    } else if (res != CURLE_OK) {
        const char *why = x->curl_err[0] ? x->curl_err : curl_easy_strerror(res);
        int code = res == CURLE_OPERATION_TIMEDOUT ? DR_ETIMEOUT : DR_EIO;
        r->rc = dr_err_set(&r->err, code, "ch %s: %s", hp, why);
    } else {
        char msg[600];
        ch_parse_error(r->body.data, r->body.len, x->header_code[0] ? x->header_code : NULL,
                       &r->ch_code, msg, sizeof msg);
        if (r->http_status == 200) {
            r->rc = DR_OK;
        } else if (r->ch_code) {
            r->rc = dr_err_set(&r->err, ch_code_to_dr(r->ch_code), "ch %s: code %d: %s", hp,
                               r->ch_code, msg);
        } else {
            r->rc = dr_err_set(&r->err, DR_EIO, "ch %s: HTTP %ld", hp, r->http_status);
        }
    }
    if (r->rc != DR_OK)
        scrub(r->err.msg, sizeof r->err.msg, c->password);
}

static void xfer_free(CURLM *m, xfer *x)
{
    if (x->easy) {
        if (m)
            curl_multi_remove_handle(m, x->easy);
        curl_easy_cleanup(x->easy);
    }
    wipe_slist(x->headers);
    free(x->url);
    x->easy = NULL;
    x->headers = NULL;
    x->url = NULL;
}

static int curl_ready(dr_err *err)
{
    static int done; /* curl_global_init once; drctl is single-threaded here */
    if (!done) {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
            return dr_err_set(err, DR_EIO, "ch: curl_global_init failed");
        done = 1;
    }
    return DR_OK;
}

int ch_run(const ch_client *c, ch_request *reqs, size_t n, int deadline_ms, dr_err *err)
{
    if (curl_ready(err) != DR_OK)
        return err ? err->code : DR_EIO;
    int64_t start = dr_now_ms();
    int64_t deadline = deadline_ms > 0 ? start + deadline_ms : 0;
    for (size_t i = 0; i < n; i++) {
        ch_request *r = &reqs[i];
        dr_buf_free(&r->body);
        r->rc = DR_OK;
        dr_err_clear(&r->err);
        r->http_status = 0;
        r->ch_code = 0;
        r->elapsed_ms = 0;
    }
    if (n == 0)
        return 0;
    CURLM *m = curl_multi_init();
    if (!m)
        return dr_err_set(err, DR_ENOMEM, "ch: curl_multi_init failed");
    xfer *xs = dr_calloc(n, sizeof *xs);
    int running = 0, failed = 0, rc = 0;
    for (size_t i = 0; i < n; i++) {
        xs[i].r = &reqs[i];
        xs[i].start_ms = start;
        int src = xfer_setup(c, &xs[i], start, deadline, err);
        if (src != DR_OK) {
            if (reqs[i].err.code == 0) { /* a batch-level failure */
                rc = src;
                goto out;
            }
            reqs[i].rc = reqs[i].err.code;
            xs[i].done = 1;
            continue;
        }
        curl_multi_add_handle(m, xs[i].easy);
        running++;
    }
    while (running > 0) {
        int still = 0;
        CURLMcode mc = curl_multi_perform(m, &still);
        if (mc != CURLM_OK) {
            rc = dr_err_set(err, DR_EIO, "ch: curl_multi_perform: %s", curl_multi_strerror(mc));
            goto out;
        }
        CURLMsg *msg;
        int left;
        while ((msg = curl_multi_info_read(m, &left)) != NULL) {
            if (msg->msg != CURLMSG_DONE)
                continue;
            xfer *x = NULL;
            curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&x);
            if (!x || x->done)
                continue;
            xfer_finish(c, x, msg->data.result, 0);
            x->done = 1;
            running--;
        }
        if (running <= 0)
            break;
        int64_t now = dr_now_ms();
        if (deadline && now >= deadline) {
            for (size_t i = 0; i < n; i++)
                if (!xs[i].done) {
                    xfer_finish(c, &xs[i], CURLE_OK, 1);
                    xs[i].done = 1;
                }
            break;
        }
        int wait = 1000;
        if (deadline && deadline - now < wait)
            wait = (int)(deadline - now);
        mc = curl_multi_poll(m, NULL, 0, wait > 0 ? wait : 1, NULL);
        if (mc != CURLM_OK) {
            rc = dr_err_set(err, DR_EIO, "ch: curl_multi_poll: %s", curl_multi_strerror(mc));
            goto out;
        }
    }
    for (size_t i = 0; i < n; i++)
        if (reqs[i].rc != DR_OK)
            failed++;
out:
    for (size_t i = 0; i < n; i++)
        xfer_free(m, &xs[i]);
    free(xs);
    curl_multi_cleanup(m);
    if (rc < 0 && err)
        scrub(err->msg, sizeof err->msg, c->password);
    return rc < 0 ? rc : failed;
}

void ch_request_free(ch_request *r)
{
    if (r)
        dr_buf_free(&r->body);
}

int ch_run_one(const ch_client *c, ch_request *r, dr_err *err)
{
    int rc = ch_run(c, r, 1, 0, err);
    if (rc < 0)
        return rc;
    if (r->rc != DR_OK && err)
        *err = r->err;
    return r->rc;
}

/* ---------------------------------------------------------------- TSV */

void ch_table_free(ch_table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->ncols; i++)
        free(t->names[i]);
    for (size_t i = 0; i < t->ncols * t->nrows; i++)
        free(t->cells[i]);
    free(t->names);
    free(t->cells);
    free(t->cols);
    memset(t, 0, sizeof *t);
}

int ch_table_col(const ch_table *t, const char *name)
{
    for (size_t i = 0; i < t->ncols; i++)
        if (strcmp(t->names[i], name) == 0)
            return (int)i;
    return -1;
}

const char *ch_table_cell(const ch_table *t, size_t row, size_t col)
{
    if (row >= t->nrows || col >= t->ncols)
        return NULL;
    return t->cells[row * t->ncols + col];
}

/* Unescapes one TSV field [p, e). */
static char *tsv_unescape(const char *p, const char *e)
{
    dr_buf b = DR_BUF_INIT;
    dr_buf_append(&b, "", 0); /* allocated and terminated even when empty */
    dr_buf_reserve(&b, (size_t)(e - p));
    while (p < e) {
        char ch = *p++;
        if (ch == '\\' && p < e) {
            char x = *p++;
            switch (x) {
            case 'n':
                ch = '\n';
                break;
            case 't':
                ch = '\t';
                break;
            case 'r':
                ch = '\r';
                break;
            case 'b':
                ch = '\b';
                break;
            case 'f':
                ch = '\f';
                break;
            case '0':
                ch = '\0';
                break;
            case 'N': /* NULL: an empty cell */
                continue;
            default: /* \\ \' and anything else stand for themselves */
                ch = x;
                break;
            }
        }
        dr_buf_putc(&b, ch);
    }
    return dr_buf_steal(&b, NULL);
}

/* Splits one line [p, e) into fields, appended to cells. */
static size_t tsv_split(const char *p, const char *e, char ***cells, size_t **cols, size_t *ncells,
                        size_t *cap)
{
    size_t count = 0;
    const char *line = p;
    for (;;) {
        const char *f = p;
        while (f < e && *f != '\t')
            f++;
        if (*ncells == *cap) {
            *cap = *cap ? *cap * 2 : 16;
            *cells = dr_realloc(*cells, *cap * sizeof **cells);
            *cols = dr_realloc(*cols, *cap * sizeof **cols);
        }
        (*cols)[*ncells] = (size_t)(p - line) + 1;
        (*cells)[(*ncells)++] = tsv_unescape(p, f);
        count++;
        if (f >= e)
            break;
        p = f + 1;
    }
    return count;
}

int ch_parse_tsv(const char *what, const char *text, size_t len, ch_table *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    if (!text || len == 0)
        return dr_err_set(err, DR_EPARSE, "%s:1:1: expected a header line of column names", what);
    char **cells = NULL;
    size_t *cols = NULL;
    size_t ncells = 0, cap = 0;
    const char *p = text, *end = text + len;
    size_t line = 0, ncols = 0;
    while (p < end) {
        const char *e = memchr(p, '\n', (size_t)(end - p));
        if (!e)
            e = end;
        line++;
        if (memchr(p, '\0', (size_t)(e - p))) {
            for (size_t i = 0; i < ncells; i++)
                free(cells[i]);
            free(cells);
            free(cols);
            return dr_err_set(err, DR_EPARSE, "%s:%zu:%zu: unexpected NUL byte", what, line,
                              (size_t)((const char *)memchr(p, '\0', (size_t)(e - p)) - p) + 1);
        }
        size_t got = tsv_split(p, e, &cells, &cols, &ncells, &cap);
        if (line == 1) {
            ncols = got;
        } else if (got != ncols) {
            for (size_t i = 0; i < ncells; i++)
                free(cells[i]);
            free(cells);
            free(cols);
            return dr_err_set(err, DR_EPARSE,
                              "%s:%zu:%zu: expected %zu tab-separated fields, found %zu", what,
                              line, (size_t)(e - p) + 1, ncols, got);
        }
        p = e + 1;
    }
    out->ncols = ncols;
    out->nrows = line - 1;
    out->names = dr_malloc(ncols * sizeof *out->names);
    memcpy(out->names, cells, ncols * sizeof *cells);
    out->cells = dr_malloc((ncells - ncols) * sizeof *out->cells + 1);
    memcpy(out->cells, cells + ncols, (ncells - ncols) * sizeof *cells);
    out->cols = dr_malloc((ncells - ncols) * sizeof *out->cols + 1);
    memcpy(out->cols, cols + ncols, (ncells - ncols) * sizeof *cols);
    free(cells);
    free(cols);
    return DR_OK;
}

/* Column lookup with a clear error; the header is line 1. */
static int need_col(const char *what, const ch_table *t, const char *name, int *col, dr_err *err)
{
    *col = ch_table_col(t, name);
    if (*col < 0)
        return dr_err_set(err, DR_EPARSE, "%s:1:1: expected a column '%s' in the header", what,
                          name);
    return DR_OK;
}

static int cell_u64(const char *what, const ch_table *t, size_t row, int col, uint64_t *out,
                    dr_err *err)
{
    const char *s = ch_table_cell(t, row, (size_t)col);
    const char *p = s;
    uint64_t v = 0;
    int ok = *p != '\0';
    for (; *p; p++) {
        if (!isdigit((unsigned char)*p) || v > (UINT64_MAX - (uint64_t)(*p - '0')) / 10) {
            ok = 0;
            break;
        }
        v = v * 10 + (uint64_t)(*p - '0');
    }
    if (!ok)
        return dr_err_set(err, DR_EPARSE,
                          "%s:%zu:%zu: column %s: expected an unsigned integer, found '%.40s'",
                          what, row + 2, t->cols[row * t->ncols + (size_t)col], t->names[col], s);
    *out = v;
    return DR_OK;
}

static int cell_i64(const char *what, const ch_table *t, size_t row, int col, int64_t *out,
                    dr_err *err)
{
    const char *s = ch_table_cell(t, row, (size_t)col);
    char *e;
    errno = 0;
    long long v = strtoll(s, &e, 10);
    if (*s == '\0' || *e != '\0' || errno || isspace((unsigned char)*s))
        return dr_err_set(err, DR_EPARSE,
                          "%s:%zu:%zu: column %s: expected an integer, found '%.40s'", what,
                          row + 2, t->cols[row * t->ncols + (size_t)col], t->names[col], s);
    *out = v;
    return DR_OK;
}

static int cell_flag(const char *what, const ch_table *t, size_t row, int col, int *out,
                     dr_err *err)
{
    uint64_t v;
    int rc = cell_u64(what, t, row, col, &v, err);
    if (rc == DR_OK && v > 1)
        return dr_err_set(err, DR_EPARSE, "%s:%zu:%zu: column %s: expected 0 or 1, found '%.40s'",
                          what, row + 2, t->cols[row * t->ncols + (size_t)col], t->names[col],
                          ch_table_cell(t, row, (size_t)col));
    *out = (int)v;
    return rc;
}

/* ---------------------------------------------------------------- replicas */

const char ch_replicas_sql[] =
    "SELECT database, table, replica_name, is_readonly, is_session_expired, queue_size, "
    "inserts_in_queue, log_pointer, log_max_index, absolute_delay, active_replicas, "
    "total_replicas FROM system.replicas ORDER BY database, table";

void ch_replicas_free(ch_replicas *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n; i++) {
        free(r->items[i].database);
        free(r->items[i].table);
        free(r->items[i].replica_name);
    }
    free(r->items);
    r->items = NULL;
    r->n = 0;
}

int ch_parse_replicas(const char *what, const char *text, size_t len, ch_replicas *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    ch_table t;
    int rc = ch_parse_tsv(what, text, len, &t, err);
    if (rc != DR_OK)
        return rc;
    enum { DB, TBL, NAME, RO, EXP, QS, IQ, LP, LM, AD, AR, TR, NCOL };
    static const char *names[NCOL] = {
        "database",           "table",          "replica_name",     "is_readonly",
        "is_session_expired", "queue_size",     "inserts_in_queue", "log_pointer",
        "log_max_index",      "absolute_delay", "active_replicas",  "total_replicas"};
    int col[NCOL];
    for (int i = 0; i < NCOL; i++)
        if ((rc = need_col(what, &t, names[i], &col[i], err)) != DR_OK)
            goto done;
    out->items = dr_calloc(t.nrows ? t.nrows : 1, sizeof *out->items);
    for (size_t r = 0; r < t.nrows; r++) {
        ch_replica *x = &out->items[r];
        out->n = r + 1;
        x->database = dr_strdup(ch_table_cell(&t, r, (size_t)col[DB]));
        x->table = dr_strdup(ch_table_cell(&t, r, (size_t)col[TBL]));
        x->replica_name = dr_strdup(ch_table_cell(&t, r, (size_t)col[NAME]));
        if ((rc = cell_flag(what, &t, r, col[RO], &x->is_readonly, err)) ||
            (rc = cell_flag(what, &t, r, col[EXP], &x->is_session_expired, err)) ||
            (rc = cell_u64(what, &t, r, col[QS], &x->queue_size, err)) ||
            (rc = cell_u64(what, &t, r, col[IQ], &x->inserts_in_queue, err)) ||
            (rc = cell_u64(what, &t, r, col[LP], &x->log_pointer, err)) ||
            (rc = cell_u64(what, &t, r, col[LM], &x->log_max_index, err)) ||
            (rc = cell_u64(what, &t, r, col[AD], &x->absolute_delay, err)) ||
            (rc = cell_u64(what, &t, r, col[AR], &x->active_replicas, err)) ||
            (rc = cell_u64(what, &t, r, col[TR], &x->total_replicas, err)))
            goto done;
    }
done:
    ch_table_free(&t);
    if (rc != DR_OK)
        ch_replicas_free(out);
    return rc;
}

uint64_t ch_replica_log_lag(const ch_replica *r)
{
    if (r->log_pointer == 0 && r->log_max_index == 0)
        return 0; /* empty log */
    if (r->log_pointer > r->log_max_index)
        return 0;
    return r->log_max_index - r->log_pointer + 1;
}

int ch_replica_caught_up(const ch_replica *r, const char **why)
{
    const char *w = NULL;
    if (r->is_readonly)
        w = "read-only";
    else if (r->is_session_expired)
        w = "ZooKeeper session expired";
    else if (ch_replica_log_lag(r) > 0)
        w = "replication log not fully pulled (log_pointer <= log_max_index)";
    else if (r->inserts_in_queue > 0)
        w = "inserts waiting in the replication queue";
    else if (r->absolute_delay > 0)
        w = "absolute_delay > 0";
    if (why)
        *why = w;
    return w == NULL;
}

/* ---------------------------------------------------------------- replicas_status */

void ch_replicas_status_free(ch_replicas_status *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++)
        free(s->entries[i].table);
    free(s->entries);
    free(s->body);
    memset(s, 0, sizeof *s);
}

/* Reads "NUMBER." after prefix at *pp. */
static int read_delay(const char **pp, const char *e, const char *prefix, uint64_t *out)
{
    const char *p = *pp;
    size_t pl = strlen(prefix);
    if ((size_t)(e - p) < pl || memcmp(p, prefix, pl) != 0)
        return -1;
    p += pl;
    uint64_t v = 0;
    const char *d = p;
    while (p < e && isdigit((unsigned char)*p)) {
        if (v > (UINT64_MAX - 9) / 10)
            return -1;
        v = v * 10 + (uint64_t)(*p++ - '0');
    }
    if (p == d || p >= e || *p != '.')
        return -1;
    *out = v;
    *pp = p + 1;
    return 0;
}

int ch_parse_replicas_status(long http_status, const char *body, size_t len,
                             ch_replicas_status *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    out->http_status = http_status;
    out->ok = http_status == 200;
    if (!body)
        len = 0;
    size_t b = 0, e = len;
    while (b < e && isspace((unsigned char)body[b]))
        b++;
    while (e > b && isspace((unsigned char)body[e - 1]))
        e--;
    out->body = dr_strndup(body ? body + b : "", e - b);
    if (strlen(out->body) != e - b) {
        ch_replicas_status_free(out);
        return dr_err_set(err, DR_EPARSE, "replicas_status:1:1: unexpected NUL byte");
    }
    if (strcmp(out->body, "Ok.") == 0)
        return DR_OK;
    int code;
    if (ch_parse_error(out->body, strlen(out->body), NULL, &code, NULL, 0) == DR_OK) {
        out->ch_code = code;
        return DR_OK;
    }
    size_t cap = 0, line = 0;
    const char *p = out->body, *end = out->body + strlen(out->body);
    while (p < end) {
        const char *le = memchr(p, '\n', (size_t)(end - p));
        if (!le)
            le = end;
        line++;
        if (le > p) {
            const char *colon = memchr(p, ':', (size_t)(le - p));
            const char *q = colon ? colon + 1 : NULL;
            if (q)
                while (q < le && (*q == '\t' || *q == ' '))
                    q++;
            ch_status_entry en = {0};
            int bad =
                !q || colon == p || read_delay(&q, le, "Absolute delay: ", &en.absolute_delay) != 0;
            if (!bad) {
                while (q < le && *q == ' ')
                    q++;
                bad = read_delay(&q, le, "Relative delay: ", &en.relative_delay) != 0;
            }
            if (bad) {
                size_t col = (size_t)((q ? q : p) - p) + 1;
                ch_replicas_status_free(out);
                return dr_err_set(err, DR_EPARSE,
                                  "replicas_status:%zu:%zu: expected 'db.table:\\tAbsolute delay: "
                                  "N. Relative delay: M.'",
                                  line, col);
            }
            if (out->n == cap) {
                cap = cap ? cap * 2 : 8;
                out->entries = dr_realloc(out->entries, cap * sizeof *out->entries);
            }
            en.table = dr_strndup(p, (size_t)(colon - p));
            out->entries[out->n++] = en;
        }
        p = le + 1;
    }
    return DR_OK;
}

/* ---------------------------------------------------------------- processes */

/* Skips spaces and SQL comments. */
static const char *skip_blank(const char *s)
{
    for (;;) {
        while (*s && isspace((unsigned char)*s))
            s++;
        if (s[0] == '-' && s[1] == '-') {
            while (*s && *s != '\n')
                s++;
        } else if (s[0] == '/' && s[1] == '*') {
            const char *e = strstr(s + 2, "*/");
            s = e ? e + 2 : s + strlen(s);
        } else {
            return s;
        }
    }
}

static int starts_kw(const char *s, const char *kw)
{
    size_t n = strlen(kw);
    if (strncasecmp(s, kw, n) != 0)
        return 0;
    return !(isalnum((unsigned char)s[n]) || s[n] == '_');
}

int ch_sql_is_insert(const char *sql)
{
    return starts_kw(skip_blank(sql), "INSERT");
}

int ch_sql_is_read_only(const char *sql)
{
    const char *s = skip_blank(sql);
    static const char *kws[] = {"SELECT", "WITH", "SHOW", "DESCRIBE", "DESC", "EXISTS"};
    for (size_t i = 0; i < sizeof kws / sizeof kws[0]; i++)
        if (starts_kw(s, kws[i]))
            return 1;
    return 0;
}

void ch_processes_free(ch_processes *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n; i++) {
        free(p->items[i].query_id);
        free(p->items[i].user);
        free(p->items[i].query);
    }
    free(p->items);
    p->items = NULL;
    p->n = 0;
}

/* A copy of q cut to at most max bytes on a UTF-8 boundary, "..." added
 * when cut. */
static char *trim_query(const char *q, size_t max)
{
    size_t n = strlen(q);
    if (n <= max)
        return dr_strdup(q);
    while (max > 0 && ((unsigned char)q[max] & 0xC0) == 0x80)
        max--;
    dr_buf b = DR_BUF_INIT;
    dr_buf_append(&b, q, max);
    dr_buf_puts(&b, "...");
    return dr_buf_steal(&b, NULL);
}

int ch_parse_processes(const char *what, const char *text, size_t len, ch_processes *out,
                       dr_err *err)
{
    memset(out, 0, sizeof *out);
    ch_table t;
    int rc = ch_parse_tsv(what, text, len, &t, err);
    if (rc != DR_OK)
        return rc;
    int cid, cuser, cel, cq;
    if ((rc = need_col(what, &t, "query_id", &cid, err)) ||
        (rc = need_col(what, &t, "user", &cuser, err)) ||
        (rc = need_col(what, &t, "elapsed", &cel, err)) ||
        (rc = need_col(what, &t, "query", &cq, err)))
        goto done;
    out->items = dr_calloc(t.nrows ? t.nrows : 1, sizeof *out->items);
    for (size_t r = 0; r < t.nrows; r++) {
        const char *q = ch_table_cell(&t, r, (size_t)cq);
        const char *el = ch_table_cell(&t, r, (size_t)cel);
        char *e;
        errno = 0;
        double v = strtod(el, &e);
        if (*el == '\0' || *e != '\0' || errno || !(v >= 0)) {
            rc = dr_err_set(err, DR_EPARSE,
                            "%s:%zu:%zu: column elapsed: expected seconds, found '%.40s'", what,
                            r + 2, t.cols[r * t.ncols + (size_t)cel], el);
            goto done;
        }
        if (!ch_sql_is_insert(q))
            continue;
        ch_process *p = &out->items[out->n++];
        p->query_id = dr_strdup(ch_table_cell(&t, r, (size_t)cid));
        p->user = dr_strdup(ch_table_cell(&t, r, (size_t)cuser));
        p->elapsed = v;
        p->query = trim_query(q, CH_QUERY_TRIM);
    }
done:
    ch_table_free(&t);
    if (rc != DR_OK)
        ch_processes_free(out);
    return rc;
}

/* ---------------------------------------------------------------- heartbeat lags */

void ch_lags_free(ch_lags *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i].site);
    free(l->items);
    l->items = NULL;
    l->n = 0;
}

int ch_parse_lags(const char *what, const char *text, size_t len, ch_lags *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    ch_table t;
    int rc = ch_parse_tsv(what, text, len, &t, err);
    if (rc != DR_OK)
        return rc;
    int cs, cl;
    if ((rc = need_col(what, &t, "site_id", &cs, err)) ||
        (rc = need_col(what, &t, "lag", &cl, err)))
        goto done;
    out->items = dr_calloc(t.nrows ? t.nrows : 1, sizeof *out->items);
    for (size_t r = 0; r < t.nrows; r++) {
        int64_t v = 0;
        if ((rc = cell_i64(what, &t, r, cl, &v, err)) != DR_OK)
            goto done;
        out->items[out->n].site = dr_strdup(ch_table_cell(&t, r, (size_t)cs));
        out->items[out->n++].lag_s = v;
    }
done:
    ch_table_free(&t);
    if (rc != DR_OK)
        ch_lags_free(out);
    return rc;
}

/* ---------------------------------------------------------------- SQL helpers */

void ch_sql_quote(dr_buf *b, const char *s)
{
    dr_buf_putc(b, '\'');
    for (; *s; s++) {
        if (*s == '\'' || *s == '\\')
            dr_buf_putc(b, '\\');
        dr_buf_putc(b, *s);
    }
    dr_buf_putc(b, '\'');
}

int ch_check_table_name(const char *name, dr_err *err)
{
    int parts = 0;
    const char *p = name;
    if (!p)
        return dr_err_set(err, DR_EINVAL, "ch: table name missing");
    for (;;) {
        const char *s = p;
        if (!(isalpha((unsigned char)*p) || *p == '_'))
            break;
        while (isalnum((unsigned char)*p) || *p == '_')
            p++;
        if (p - s > 200)
            break;
        parts++;
        if (*p == '.' && parts == 1) {
            p++;
            continue;
        }
        if (*p == '\0')
            return DR_OK;
        break;
    }
    return dr_err_set(err, DR_EINVAL,
                      "ch: table name '%.80s': expected db.table or table (letters, "
                      "digits, '_')",
                      name);
}

/* ---------------------------------------------------------------- replicated DDL */

/* A small SQL scanner: enough to walk a CREATE TABLE statement without
 * being fooled by strings, quoted names or comments. */
typedef enum { TOK_END, TOK_WORD, TOK_STRING, TOK_QUOTED_NAME, TOK_PUNCT } tok_kind;

typedef struct ddl_scan {
    const char *sql;
    size_t pos;
    /* the current token */
    tok_kind kind;
    size_t off, len;
    int bad; /* an unterminated string, name or comment */
} ddl_scan;

static void ddl_skip_space(ddl_scan *s)
{
    const char *p = s->sql;
    for (;;) {
        while (p[s->pos] && isspace((unsigned char)p[s->pos]))
            s->pos++;
        if (p[s->pos] == '-' && p[s->pos + 1] == '-') {
            while (p[s->pos] && p[s->pos] != '\n')
                s->pos++;
        } else if (p[s->pos] == '/' && p[s->pos + 1] == '*') {
            const char *end = strstr(p + s->pos + 2, "*/");
            if (!end) {
                s->bad = 1;
                s->pos += strlen(p + s->pos);
                return;
            }
            s->pos = (size_t)(end - p) + 2;
        } else {
            return;
        }
    }
}

static int ddl_word_char(char c)
{
    return isalnum((unsigned char)c) || c == '_' || c == '$';
}

static tok_kind ddl_next(ddl_scan *s)
{
    ddl_skip_space(s);
    const char *p = s->sql;
    s->off = s->pos;
    char c = p[s->pos];
    if (!c || s->bad) {
        s->kind = TOK_END;
    } else if (c == '\'' || c == '"' || c == '`') {
        s->pos++;
        for (;;) {
            char d = p[s->pos];
            if (!d) {
                s->bad = 1;
                s->kind = TOK_END;
                return TOK_END;
            }
            s->pos++;
            if (d == '\\' && p[s->pos]) {
                s->pos++;
            } else if (d == c) {
                if (p[s->pos] != c) /* a doubled quote stands for itself */
                    break;
                s->pos++;
            }
        }
        s->kind = c == '\'' ? TOK_STRING : TOK_QUOTED_NAME;
    } else if (ddl_word_char(c)) {
        while (ddl_word_char(p[s->pos]))
            s->pos++;
        s->kind = TOK_WORD;
    } else {
        s->pos++;
        s->kind = TOK_PUNCT;
    }
    s->len = s->pos - s->off;
    return s->kind;
}

static int ddl_is_word(const ddl_scan *s, const char *w)
{
    return s->kind == TOK_WORD && s->len == strlen(w) && !strncasecmp(s->sql + s->off, w, s->len);
}

static int ddl_is_punct(const ddl_scan *s, char c)
{
    return s->kind == TOK_PUNCT && s->sql[s->off] == c;
}

static int ddl_error(const char *what, const ddl_scan *s, dr_err *err, int code,
                     const char *expected)
{
    int line = 1, col = 1;
    for (size_t i = 0; i < s->off && s->sql[i]; i++) {
        if (s->sql[i] == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
    }
    if (s->bad)
        return dr_err_set(err, DR_EPARSE, "%s:%d:%d: unterminated string, name or comment", what,
                          line, col);
    if (s->kind == TOK_END)
        return dr_err_set(err, code, "%s:%d:%d: expected %s, got the end of the statement", what,
                          line, col, expected);
    return dr_err_set(err, code, "%s:%d:%d: expected %s, got '%.*s'", what, line, col, expected,
                      (int)(s->len > 40 ? 40 : s->len), s->sql + s->off);
}

/* The value of the string literal token: backslash escapes and doubled
 * quotes undone. */
static char *ddl_unquote(const ddl_scan *s)
{
    dr_buf b = DR_BUF_INIT;
    const char *p = s->sql + s->off + 1, *end = s->sql + s->off + s->len - 1;
    while (p < end) {
        char c = *p++;
        if (c == '\\' && p < end) {
            c = *p++;
            switch (c) {
            case 'n':
                c = '\n';
                break;
            case 't':
                c = '\t';
                break;
            case 'r':
                c = '\r';
                break;
            case '0':
                c = '\0';
                break;
            case 'b':
                c = '\b';
                break;
            case 'f':
                c = '\f';
                break;
            case 'a':
                c = '\a';
                break;
            case 'v':
                c = '\v';
                break;
            default:
                break;
            }
        } else if (c == '\'' && p < end && *p == '\'') {
            p++;
        }
        dr_buf_putc(&b, c);
    }
    dr_buf_putc(&b, '\0');
    return b.data;
}

int ch_parse_replicated_ddl(const char *what, const char *sql, ch_replicated_ddl *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    if (!what)
        what = "ddl";
    if (!sql)
        return dr_err_set(err, DR_EINVAL, "%s: no statement", what);
    ddl_scan s = {.sql = sql};
    ddl_next(&s);
    /* ATTACH too: a rewritten statement parses again */
    if (!ddl_is_word(&s, "CREATE") && !ddl_is_word(&s, "ATTACH"))
        return ddl_error(what, &s, err, DR_EPARSE, "CREATE TABLE");
    out->verb_off = s.off;
    ddl_next(&s);
    if (!ddl_is_word(&s, "TABLE"))
        return ddl_error(what, &s, err, DR_EPARSE, "TABLE after CREATE");
    /* ENGINE at the statement's top level, not inside a column list */
    int depth = 0;
    for (;;) {
        ddl_next(&s);
        if (s.kind == TOK_END)
            return ddl_error(what, &s, err, DR_EPARSE, "ENGINE = ...");
        if (ddl_is_punct(&s, '('))
            depth++;
        else if (ddl_is_punct(&s, ')'))
            depth--;
        else if (depth == 0 && ddl_is_word(&s, "ENGINE"))
            break;
    }
    ddl_next(&s);
    if (ddl_is_punct(&s, '='))
        ddl_next(&s);
    if (s.kind != TOK_WORD)
        return ddl_error(what, &s, err, DR_EPARSE, "an engine name after ENGINE");
    static const char prefix[] = "Replicated", suffix[] = "MergeTree";
    size_t pl = sizeof prefix - 1, sl = sizeof suffix - 1;
    if (s.len < pl + sl || strncmp(sql + s.off, prefix, pl) != 0 ||
        strncmp(sql + s.off + s.len - sl, suffix, sl) != 0)
        return ddl_error(what, &s, err, DR_ENOTFOUND, "a Replicated*MergeTree engine");
    size_t engine_off = s.off, engine_len = s.len;
    ddl_next(&s);
    if (!ddl_is_punct(&s, '('))
        return ddl_error(what, &s, err, DR_ENOTFOUND,
                         "'(' and the ZooKeeper path and replica name as string literals");
    ddl_next(&s);
    if (s.kind != TOK_STRING)
        return ddl_error(what, &s, err, DR_ENOTFOUND, "the ZooKeeper path as a string literal");
    char *path = ddl_unquote(&s);
    ddl_next(&s);
    if (!ddl_is_punct(&s, ',')) {
        free(path);
        return ddl_error(what, &s, err, DR_ENOTFOUND, "',' and the replica name");
    }
    ddl_next(&s);
    if (s.kind != TOK_STRING) {
        free(path);
        return ddl_error(what, &s, err, DR_ENOTFOUND, "the replica name as a string literal");
    }
    size_t rep_off = s.off, rep_len = s.len;
    char *replica = ddl_unquote(&s);
    ddl_next(&s);
    if (!ddl_is_punct(&s, ',') && !ddl_is_punct(&s, ')')) {
        free(path);
        free(replica);
        return ddl_error(what, &s, err, DR_EPARSE, "',' or ')' after the replica name");
    }
    out->engine = dr_malloc(engine_len + 1);
    memcpy(out->engine, sql + engine_off, engine_len);
    out->engine[engine_len] = '\0';
    out->zookeeper_path = path;
    out->replica = replica;
    out->replica_off = rep_off;
    out->replica_len = rep_len;
    return DR_OK;
}

void ch_replicated_ddl_free(ch_replicated_ddl *d)
{
    if (!d)
        return;
    free(d->engine);
    free(d->zookeeper_path);
    free(d->replica);
    memset(d, 0, sizeof *d);
}

void ch_replicated_ddl_rewrite(const char *sql, const ch_replicated_ddl *d, const char *replica,
                               int attach, dr_buf *out)
{
    size_t verb_end = d->verb_off + (sizeof "CREATE" - 1);
    dr_buf_append(out, sql, d->verb_off);
    dr_buf_puts(out, attach ? "ATTACH" : "CREATE");
    if (replica) {
        dr_buf_append(out, sql + verb_end, d->replica_off - verb_end);
        ch_sql_quote(out, replica);
        dr_buf_puts(out, sql + d->replica_off + d->replica_len);
    } else {
        dr_buf_puts(out, sql + verb_end);
    }
}

/* ---------------------------------------------------------------- builders */

static void req_base(ch_request *r, const char *host, int port, int timeout_ms)
{
    memset(r, 0, sizeof *r);
    r->host = host;
    r->port = port;
    r->timeout_ms = timeout_ms;
}

/* Settings for a bounded query: the server gives up a little before the
 * client does, so that its own error (with a code) is what comes back. */
static const char *bounded_settings(int timeout_ms, char *buf, size_t size, const char *extra)
{
    int secs = timeout_ms > 0 ? (timeout_ms + 999) / 1000 : 0;
    if (secs > 0)
        snprintf(buf, size, "%s%smax_execution_time=%d", extra ? extra : "", extra ? "&" : "",
                 secs);
    else
        snprintf(buf, size, "%s", extra ? extra : "");
    return buf;
}

void ch_req_select(ch_request *r, const char *host, int port, const char *sql, int timeout_ms,
                   char **owned)
{
    req_base(r, host, port, timeout_ms);
    dr_buf b = DR_BUF_INIT;
    /* One allocation holds the settings string then the SQL: "settings\0sql". */
    char st[128];
    bounded_settings(timeout_ms, st, sizeof st, "readonly=2&wait_end_of_query=1");
    dr_buf_puts(&b, st);
    dr_buf_putc(&b, '\0');
    size_t sql_at = b.len;
    dr_buf_puts(&b, sql);
    /* strip a trailing ';' so FORMAT can follow */
    while (b.len > sql_at &&
           (isspace((unsigned char)b.data[b.len - 1]) || b.data[b.len - 1] == ';'))
        b.data[--b.len] = '\0';
    dr_buf_puts(&b, " FORMAT TabSeparatedWithNames");
    *owned = dr_buf_steal(&b, NULL);
    r->settings = *owned;
    r->sql = *owned + sql_at;
}

void ch_req_exec(ch_request *r, const char *host, int port, const char *sql, int timeout_ms)
{
    req_base(r, host, port, timeout_ms);
    r->sql = sql;
}

void ch_req_replicas(ch_request *r, const char *host, int port, int timeout_ms)
{
    req_base(r, host, port, timeout_ms);
    r->sql = "SELECT database, table, replica_name, is_readonly, is_session_expired, queue_size, "
             "inserts_in_queue, log_pointer, log_max_index, absolute_delay, active_replicas, "
             "total_replicas FROM system.replicas ORDER BY database, table "
             "FORMAT TabSeparatedWithNames";
    r->settings = "readonly=2&wait_end_of_query=1";
}

void ch_req_replicas_status(ch_request *r, const char *host, int port, int verbose, int timeout_ms)
{
    req_base(r, host, port, timeout_ms);
    r->path = verbose ? "/replicas_status?verbose=1" : "/replicas_status";
}

void ch_req_processes(ch_request *r, const char *host, int port, int timeout_ms)
{
    req_base(r, host, port, timeout_ms);
    /* our own query is in system.processes too: it is a SELECT, filtered out
     * by the INSERT test in the parser */
    r->sql = "SELECT query_id, user, elapsed, query FROM system.processes "
             "ORDER BY elapsed DESC FORMAT TabSeparatedWithNames";
    r->settings = "readonly=2&wait_end_of_query=1";
}

static int what_of(const ch_request *r, char *buf, size_t size, const char *kind)
{
    char hp[300];
    host_port(r, hp, sizeof hp);
    return snprintf(buf, size, "ch %s %s", hp, kind);
}

static int request_failed(const ch_request *r, dr_err *err)
{
    if (err)
        *err = r->err;
    return r->rc;
}

int ch_replicas_from(const ch_request *r, ch_replicas *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    if (r->rc != DR_OK)
        return request_failed(r, err);
    char what[340];
    what_of(r, what, sizeof what, "system.replicas");
    return ch_parse_replicas(what, r->body.data, r->body.len, out, err);
}

int ch_replicas_status_from(const ch_request *r, ch_replicas_status *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    /* a 5xx here is an answer (the server's verdict), not a failure */
    if (r->rc != DR_OK && r->http_status == 0)
        return request_failed(r, err);
    if (r->rc != DR_OK && (r->ch_code && ch_code_to_dr(r->ch_code) == DR_EAUTH))
        return request_failed(r, err);
    int rc = ch_parse_replicas_status(r->http_status, r->body.data, r->body.len, out, err);
    if (rc != DR_OK) {
        char what[340];
        what_of(r, what, sizeof what, "/replicas_status");
        dr_err_wrap(err, "%s", what);
    }
    return rc;
}

int ch_processes_from(const ch_request *r, ch_processes *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    if (r->rc != DR_OK)
        return request_failed(r, err);
    char what[340];
    what_of(r, what, sizeof what, "system.processes");
    return ch_parse_processes(what, r->body.data, r->body.len, out, err);
}

/* ---------------------------------------------------------------- one-server operations */

int ch_replicas_get(const ch_client *c, const char *host, int port, int timeout_ms,
                    ch_replicas *out, dr_err *err)
{
    ch_request r;
    ch_req_replicas(&r, host, port, timeout_ms);
    memset(out, 0, sizeof *out);
    int rc = ch_run(c, &r, 1, 0, err);
    if (rc >= 0)
        rc = ch_replicas_from(&r, out, err);
    ch_request_free(&r);
    return rc;
}

int ch_replicas_status_get(const ch_client *c, const char *host, int port, int verbose,
                           int timeout_ms, ch_replicas_status *out, dr_err *err)
{
    ch_request r;
    ch_req_replicas_status(&r, host, port, verbose, timeout_ms);
    memset(out, 0, sizeof *out);
    int rc = ch_run(c, &r, 1, 0, err);
    if (rc >= 0)
        rc = ch_replicas_status_from(&r, out, err);
    ch_request_free(&r);
    return rc;
}

int ch_processes_get(const ch_client *c, const char *host, int port, int timeout_ms,
                     ch_processes *out, dr_err *err)
{
    ch_request r;
    ch_req_processes(&r, host, port, timeout_ms);
    memset(out, 0, sizeof *out);
    int rc = ch_run(c, &r, 1, 0, err);
    if (rc >= 0)
        rc = ch_processes_from(&r, out, err);
    ch_request_free(&r);
    return rc;
}

int ch_catchup_many(const ch_client *c, ch_catchup *v, size_t n, int timeout_ms, dr_err *err)
{
    ch_request *reqs = dr_calloc(n ? 2 * n : 1, sizeof *reqs);
    for (size_t i = 0; i < n; i++) {
        memset(&v[i].err, 0, sizeof v[i].err);
        memset(&v[i].replicas, 0, sizeof v[i].replicas);
        memset(&v[i].status, 0, sizeof v[i].status);
        v[i].caught_up = 0;
        ch_req_replicas(&reqs[2 * i], v[i].host, v[i].port, timeout_ms);
        ch_req_replicas_status(&reqs[2 * i + 1], v[i].host, v[i].port, 1, timeout_ms);
    }
    int rc = ch_run(c, reqs, 2 * n, timeout_ms > 0 ? timeout_ms + 1000 : 0, err);
    int failed = 0;
    for (size_t i = 0; rc >= 0 && i < n; i++) {
        v[i].rc = ch_replicas_from(&reqs[2 * i], &v[i].replicas, &v[i].err);
        if (v[i].rc == DR_OK) {
            v[i].caught_up = 1;
            for (size_t k = 0; k < v[i].replicas.n; k++)
                if (!ch_replica_caught_up(&v[i].replicas.items[k], NULL))
                    v[i].caught_up = 0;
        } else {
            failed++;
        }
        v[i].status_rc = ch_replicas_status_from(&reqs[2 * i + 1], &v[i].status, &v[i].status_err);
    }
    for (size_t i = 0; i < 2 * n; i++)
        ch_request_free(&reqs[i]);
    free(reqs);
    return rc < 0 ? rc : failed;
}

void ch_catchup_free(ch_catchup *v)
{
    if (!v)
        return;
    ch_replicas_free(&v->replicas);
    ch_replicas_status_free(&v->status);
}

/* The query id of one SYNC REPLICA: distinct per process, millisecond and
 * call, so that a KILL QUERY stops only that wait. */
static void sync_query_id(char *out, size_t size)
{
    static unsigned seq; /* distinct ids for syncs started in the same millisecond */
    snprintf(out, size, "drctl-sync-%ld-%" PRId64 "-%u", (long)getpid(), dr_wall_ms(), ++seq);
}

int ch_sync_replicas(const ch_client *c, ch_sync_item *items, size_t n, int deadline_ms,
                     dr_err *err)
{
    for (size_t i = 0; i < n; i++)
        if (ch_check_table_name(items[i].table, err) != DR_OK)
            return err ? err->code : DR_EINVAL;
    if (deadline_ms <= 0)
        return dr_err_set(err, DR_EINVAL, "ch: SYNC REPLICA: a deadline > 0 is required");
    for (size_t i = 0; i < n; i++) {
        items[i].rc = DR_OK;
        dr_err_clear(&items[i].err);
    }
    if (n == 0)
        return 0;
    int secs = (deadline_ms + 999) / 1000;
    char settings[128];
    snprintf(settings, sizeof settings, "receive_timeout=%d&max_execution_time=%d", secs, secs);
    ch_request *reqs = dr_calloc(n, sizeof *reqs);
    dr_buf *sqls = dr_calloc(n, sizeof *sqls);
    char(*qids)[96] = dr_calloc(n, sizeof *qids);
    for (size_t i = 0; i < n; i++) {
        sync_query_id(qids[i], sizeof qids[i]);
        dr_buf_printf(&sqls[i], "SYSTEM SYNC REPLICA %s", items[i].table);
        ch_req_exec(&reqs[i], items[i].host, items[i].port, sqls[i].data, deadline_ms);
        reqs[i].settings = settings;
        reqs[i].query_id = qids[i];
    }
    /* each request has deadline_ms; the batch's own deadline is a backstop */
    int rc = ch_run(c, reqs, n, deadline_ms + 1000, err);
    for (size_t i = 0; rc < 0 && i < n; i++) {
        items[i].rc = rc;
        if (err)
            items[i].err = *err;
    }
    /* the waits the client gave up on while the server may still hold
     * them: one KILL QUERY ... ASYNC each, all sent at once (18.16 marks
     * the query cancelled but keeps waiting until the queue drains; newer
     * servers stop) */
    ch_request *kills = dr_calloc(n, sizeof *kills);
    dr_buf *kill_sqls = dr_calloc(n, sizeof *kill_sqls);
    size_t nkill = 0;
    int failed = 0;
    for (size_t i = 0; rc >= 0 && i < n; i++) {
        ch_request *r = &reqs[i];
        ch_sync_item *it = &items[i];
        it->rc = r->rc;
        if (r->rc == DR_OK)
            continue;
        failed++;
        if (r->rc == DR_ETIMEOUT) {
            char hp[300];
            host_port(r, hp, sizeof hp);
            dr_err_set(&it->err, DR_ETIMEOUT, "ch %s: SYNC REPLICA %s: not caught up within %d s",
                       hp, it->table, secs);
            if (r->http_status == 0) {
                dr_buf_puts(&kill_sqls[nkill], "KILL QUERY WHERE query_id = ");
                ch_sql_quote(&kill_sqls[nkill], qids[i]);
                dr_buf_puts(&kill_sqls[nkill], " ASYNC");
                ch_req_exec(&kills[nkill], r->host, r->port, kill_sqls[nkill].data, 3000);
                nkill++;
            }
        } else {
            it->err = r->err;
            dr_err_wrap(&it->err, "SYNC REPLICA %s", it->table);
        }
    }
    if (nkill > 0)
        ch_run(c, kills, nkill, 4000, NULL);
    for (size_t i = 0; i < n; i++) {
        ch_request_free(&reqs[i]);
        dr_buf_free(&sqls[i]);
        ch_request_free(&kills[i]);
        dr_buf_free(&kill_sqls[i]);
    }
    free(reqs);
    free(sqls);
    free(qids);
    free(kills);
    free(kill_sqls);
    return rc < 0 ? rc : failed;
}

int ch_sync_replica(const ch_client *c, const char *host, int port, const char *table,
                    int deadline_ms, dr_err *err)
{
    ch_sync_item it = {.host = host, .port = port, .table = table};
    int rc = ch_sync_replicas(c, &it, 1, deadline_ms, err);
    if (rc < 0)
        return rc;
    if (it.rc != DR_OK && err)
        *err = it.err;
    return it.rc;
}

static const char *heartbeat_table(const char *table)
{
    return table ? table : "default.heartbeat";
}

int ch_heartbeat_write(const ch_client *c, const char *host, int port, const char *table,
                       const char *site, int timeout_ms, dr_err *err)
{
    table = heartbeat_table(table);
    if (ch_check_table_name(table, err) != DR_OK)
        return err ? err->code : DR_EINVAL;
    if (!site || !*site)
        return dr_err_set(err, DR_EINVAL, "ch: heartbeat: site name missing");
    dr_buf sql = DR_BUF_INIT;
    dr_buf_printf(&sql, "INSERT INTO %s (d, site_id, updated_at) VALUES (today(), ", table);
    ch_sql_quote(&sql, site);
    dr_buf_puts(&sql, ", now())");
    ch_request r;
    ch_req_exec(&r, host, port, sql.data, timeout_ms);
    int rc = ch_run(c, &r, 1, 0, err);
    if (rc >= 0 && r.rc != DR_OK) {
        rc = r.rc;
        if (err) {
            *err = r.err;
            dr_err_wrap(err, "heartbeat write to %s", table);
        }
    }
    ch_request_free(&r);
    dr_buf_free(&sql);
    return rc < 0 ? rc : DR_OK;
}

int ch_heartbeat_lag(const ch_client *c, const char *host, int port, const char *table,
                     const char *my_site, int timeout_ms, ch_lags *out, dr_err *err)
{
    memset(out, 0, sizeof *out);
    table = heartbeat_table(table);
    if (ch_check_table_name(table, err) != DR_OK)
        return err ? err->code : DR_EINVAL;
    dr_buf sql = DR_BUF_INIT;
    dr_buf_puts(&sql, "SELECT site_id, toInt64(now()) - toInt64(max(updated_at)) AS lag FROM ");
    dr_buf_puts(&sql, table);
    dr_buf_puts(&sql, " WHERE site_id != ");
    ch_sql_quote(&sql, my_site ? my_site : "");
    dr_buf_puts(&sql, " GROUP BY site_id ORDER BY site_id");
    ch_request r;
    char *owned = NULL;
    ch_req_select(&r, host, port, sql.data, timeout_ms, &owned);
    int rc = ch_run(c, &r, 1, 0, err);
    if (rc >= 0) {
        if (r.rc != DR_OK) {
            rc = request_failed(&r, err);
        } else {
            char what[340];
            what_of(&r, what, sizeof what, "heartbeat");
            rc = ch_parse_lags(what, r.body.data, r.body.len, out, err);
        }
    }
    ch_request_free(&r);
    free(owned);
    dr_buf_free(&sql);
    return rc;
}
