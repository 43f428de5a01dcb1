/* http: one request with retries over libcurl.  See include/http.h. */
#include "http.h"

#include <curl/curl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_BODY (1u << 20)
#define DEFAULT_TIMEOUT_MS 10000

static size_t on_body(char *p, size_t size, size_t nmemb, void *ud)
{
    dr_buf *b = ud;
    size_t n = size * nmemb;
    if (b->len < MAX_BODY)
        dr_buf_append(b, p, b->len + n > MAX_BODY ? MAX_BODY - b->len : n);
    return n;
}

int http_check_url(const char *url, dr_err *err)
{
    if (!url || (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0))
        return dr_err_set(err, DR_EINVAL, "http: expected an http:// or https:// URL, got '%.80s'",
                          url ? url : "(null)");
    const char *host = strstr(url, "//") + 2;
    size_t hl = strcspn(host, "/?#");
    if (hl == 0)
        return dr_err_set(err, DR_EINVAL, "http: no host in '%.80s'", url);
    if (memchr(host, '@', hl))
        return dr_err_set(err, DR_EINVAL,
                          "http: credentials in the URL would be logged; give them in a header "
                          "read from a file");
    if (strpbrk(url, " \t\r\n"))
        return dr_err_set(err, DR_EINVAL, "http: white space in URL '%.80s'", url);
    return DR_OK;
}

static int curl_ready(dr_err *err)
{
    static int done;
    if (!done) {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
            return dr_err_set(err, DR_EIO, "http: curl_global_init failed");
        done = 1;
    }
    return DR_OK;
}

/* One attempt.  Returns the CURLcode; fills status and body. */
static CURLcode attempt(const http_request *rq, const char *method, struct curl_slist *hdrs,
                        http_response *res, char *errbuf)
{
    CURL *e = curl_easy_init();
    if (!e)
        return CURLE_OUT_OF_MEMORY;
    dr_buf_reset(&res->body);
    errbuf[0] = '\0';
    curl_easy_setopt(e, CURLOPT_URL, rq->url);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
#else
    curl_easy_setopt(e, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, &res->body);
    int t = rq->timeout_ms > 0 ? rq->timeout_ms : DEFAULT_TIMEOUT_MS;
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, (long)t);
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, (long)t);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
    if (rq->ca_file)
        curl_easy_setopt(e, CURLOPT_CAINFO, rq->ca_file);
    curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, method);
    if (rq->body) {
        curl_easy_setopt(e, CURLOPT_POSTFIELDS, rq->body);
        curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)rq->body_len);
    } else if (strcmp(method, "GET") == 0) {
        curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
    }
    if (hdrs)
        curl_easy_setopt(e, CURLOPT_HTTPHEADER, hdrs);
    CURLcode rc = curl_easy_perform(e);
    res->status = 0;
    curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &res->status);
    curl_easy_cleanup(e);
    return rc;
}

int http_send(const http_request *rq, http_response *res, dr_err *err)
{
    memset(res, 0, sizeof *res);
    int rc = http_check_url(rq->url, err);
    if (rc != DR_OK || (rc = curl_ready(err)) != DR_OK)
        return rc;
    const char *method = rq->method ? rq->method : rq->body ? "POST" : "GET";
    static const char *const methods[] = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"};
    size_t m = 0;
    while (m < sizeof methods / sizeof methods[0] && strcmp(methods[m], method) != 0)
        m++;
    if (m == sizeof methods / sizeof methods[0])
        return dr_err_set(err, DR_EINVAL, "http: unknown method '%.20s'", method);
    if (rq->retries < 0 || rq->retries > 20)
        return dr_err_set(err, DR_EINVAL, "http: retries between 0 and 20 expected");
    struct curl_slist *hdrs = NULL;
    for (size_t i = 0; rq->headers && rq->headers[i]; i++) {
        const char *h = rq->headers[i];
        if (!strchr(h, ':') || strpbrk(h, "\r\n")) {
            curl_slist_free_all(hdrs);
            return dr_err_set(err, DR_EINVAL, "http: bad header '%.60s' (Name: value expected)", h);
        }
        hdrs = curl_slist_append(hdrs, h);
    }
    if (rq->body)
        hdrs = curl_slist_append(hdrs, "Expect:");
    int64_t t0 = dr_now_ms();
    char errbuf[CURL_ERROR_SIZE];
    CURLcode cc = CURLE_OK;
    int delay_ms = 200;
    for (int i = 0; i <= rq->retries; i++) {
        if (i > 0) {
            poll(NULL, 0, delay_ms); /* backoff between attempts */
            delay_ms = delay_ms * 2 > 5000 ? 5000 : delay_ms * 2;
        }
        res->attempts++;
        cc = attempt(rq, method, hdrs, res, errbuf);
        if (cc == CURLE_OK && res->status >= 200 && res->status < 300)
            break;
        if (cc == CURLE_OK && res->status < 500)
            break; /* 1xx/3xx/4xx: retrying would get the same */
        if (cc == CURLE_PEER_FAILED_VERIFICATION || cc == CURLE_SSL_CACERT_BADFILE ||
            cc == CURLE_URL_MALFORMAT || cc == CURLE_UNSUPPORTED_PROTOCOL)
            break;
    }
    curl_slist_free_all(hdrs);
    res->elapsed_ms = dr_now_ms() - t0;
    if (cc != CURLE_OK)
        return dr_err_set(err, cc == CURLE_OPERATION_TIMEDOUT ? DR_ETIMEOUT : DR_EIO,
                          "%s %s: %s (after %d attempt%s)", method, rq->url,
                          errbuf[0] ? errbuf : curl_easy_strerror(cc), res->attempts,
                          res->attempts == 1 ? "" : "s");
    if (res->status < 200 || res->status >= 300)
        return dr_err_set(err, DR_EIO, "%s %s: HTTP %ld (after %d attempt%s)", method, rq->url,
                          res->status, res->attempts, res->attempts == 1 ? "" : "s");
    return DR_OK;
}

void http_response_free(http_response *res)
{
    if (res) {
        dr_buf_free(&res->body);
        memset(res, 0, sizeof *res);
    }
}
