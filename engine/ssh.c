/* ssh: a pool of non-blocking libssh2 sessions driven by poll().
 *
 * Every remote operation is a job: a small state machine that first brings
 * its host's session up (TCP connect, handshake, host key check, auth) and
 * then runs a command on a channel.  ssh__run_jobs() steps every active job
 * until libssh2 answers EAGAIN, then polls all their sockets at once with the
 * nearest deadline as timeout.  File transfers run one host at a time with
 * the same non-blocking calls and a deadline (wait_io), except a
 * replacement as one command (ssh_write_command), which step group members
 * run beside each other through ssh_async.
 *
 * The module is split along its seams, sharing ssh_int.h: this file holds
 * the small helpers (base64, host specs, quoting); ssh_hostkey.c known_hosts
 * and key files; ssh_pool.c the pool and session setup; ssh_tunnel.c jump
 * hosts; ssh_exec.c jobs and ssh_async; ssh_files.c file reads and writes. */
#include "ssh.h"
#include "ssh_int.h"

#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <libssh2.h>
#include <libssh2_sftp.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/evp.h>
#include <poll.h>
#include <pthread.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---------------------------------------------------------------- helpers */

/* Base64 through libcrypto.  Unpadded output when pad is 0 (as OpenSSH
 * prints fingerprints). */
static void base64_encode(dr_buf *out, const uint8_t *p, size_t n, int pad)
{
    size_t at = out->len;
    dr_buf_reserve(out, 4 * ((n + 2) / 3) + 1);
    int w = EVP_EncodeBlock((unsigned char *)out->data + at, p, (int)n);
    out->len = at + (size_t)w;
    if (!pad)
        while (out->len > at && out->data[out->len - 1] == '=')
            out->len--;
    out->data[out->len] = '\0';
}

/* Decodes base64, skipping whitespace, stopping at '=' or the end.  Returns
 * -1 on a character outside the alphabet. */
int ssh__base64_decode(dr_buf *out, const char *s, size_t n)
{
    /* libcrypto decodes whole 4-character groups without whitespace: gather
     * the characters, pad the last group, then drop the bytes the padding
     * stood for. */
    dr_buf clean = DR_BUF_INIT;
    int rc = 0;
    for (size_t i = 0; i < n && s[i] != '='; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t')
            continue;
        if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
              ch == '+' || ch == '/')) {
            rc = -1;
            goto out;
        }
        dr_buf_putc(&clean, (char)ch);
    }
    size_t chars = clean.len, missing = (4 - chars % 4) % 4;
    if (missing == 3) /* one lone character carries no whole byte: drop it */
        clean.len = chars -= 1, missing = 0;
    for (size_t i = 0; i < missing; i++)
        dr_buf_putc(&clean, '=');
    if (clean.len) {
        size_t at = out->len;
        dr_buf_reserve(out, clean.len / 4 * 3 + 1);
        int w = EVP_DecodeBlock((unsigned char *)out->data + at, (const unsigned char *)clean.data,
                                (int)clean.len);
        if (w < 0) {
            rc = -1;
            goto out;
        }
        out->len = at + (size_t)w - missing;
        out->data[out->len] = '\0';
    }
out:
    dr_buf_free(&clean);
    return rc;
}

/* Reads an SSH wire "string" (uint32 length + bytes) at *p within [*p, end). */
int ssh__wire_string(const uint8_t **p, const uint8_t *end, const uint8_t **s, size_t *n)
{
    if (end - *p < 4)
        return -1;
    uint32_t len =
        (uint32_t)(*p)[0] << 24 | (uint32_t)(*p)[1] << 16 | (uint32_t)(*p)[2] << 8 | (*p)[3];
    *p += 4;
    if ((size_t)(end - *p) < len)
        return -1;
    *s = *p;
    *n = len;
    *p += len;
    return 0;
}

void ssh_shell_quote(dr_buf *out, const char *s)
{
    dr_buf_putc(out, '\'');
    for (; *s; s++) {
        if (*s == '\'')
            dr_buf_puts(out, "'\\''");
        else
            dr_buf_putc(out, *s);
    }
    dr_buf_putc(out, '\'');
}

void ssh_fingerprint(const void *blob, size_t len, char out[SSH_FINGERPRINT_LEN])
{
    uint8_t d[SHA256_DIGEST_LEN];
    sha256(blob, len, d);
    dr_buf b = DR_BUF_INIT;
    dr_buf_puts(&b, "SHA256:");
    base64_encode(&b, d, sizeof d, 0);
    snprintf(out, SSH_FINGERPRINT_LEN, "%s", b.data);
    dr_buf_free(&b);
}

int ssh_parse_host(const char *spec, const char *default_user, int default_port, char **user,
                   char **hostname, int *port, dr_err *err)
{
    *user = *hostname = NULL;
    if (!spec || !*spec)
        return dr_err_set(err, DR_EINVAL, "ssh host: empty host name");
    const char *at = strrchr(spec, '@');
    const char *h = spec;
    char *u = NULL;
    if (at) {
        if (at == spec)
            return dr_err_set(err, DR_EINVAL, "ssh host %s: empty user name before '@'", spec);
        u = dr_strndup(spec, (size_t)(at - spec));
        h = at + 1;
    } else if (default_user) {
        u = dr_strdup(default_user);
    } else {
        struct passwd *pw = getpwuid(getuid());
        u = dr_strdup(pw && pw->pw_name ? pw->pw_name : "root");
    }
    const char *name = h, *port_s = NULL;
    size_t name_len;
    if (*h == '[') {
        const char *close = strchr(h, ']');
        if (!close || close == h + 1) {
            free(u);
            return dr_err_set(err, DR_EINVAL, "ssh host %s: expected [address]:port", spec);
        }
        name = h + 1;
        name_len = (size_t)(close - name);
        if (close[1] == ':')
            port_s = close + 2;
        else if (close[1] != '\0') {
            free(u);
            return dr_err_set(err, DR_EINVAL, "ssh host %s: expected ':' after ']'", spec);
        }
    } else {
        const char *colon = strchr(h, ':');
        if (colon && strchr(colon + 1, ':'))
            colon = NULL; /* a bare IPv6 address: no port */
        name_len = colon ? (size_t)(colon - h) : strlen(h);
        if (colon)
            port_s = colon + 1;
    }
    int prt = default_port > 0 ? default_port : 22;
    if (port_s) {
        char *end;
        long v = strtol(port_s, &end, 10);
        if (!*port_s || *end || v < 1 || v > 65535) {
            free(u);
            return dr_err_set(err, DR_EINVAL, "ssh host %s: port must be a number 1-65535", spec);
        }
        prt = (int)v;
    }
    if (name_len == 0) {
        free(u);
        return dr_err_set(err, DR_EINVAL, "ssh host %s: empty host name", spec);
    }
    for (size_t i = 0; i < name_len; i++) {
        unsigned char ch = (unsigned char)name[i];
        if (ch <= ' ' || ch == '/' || ch == '\\' || ch == ',' || ch == 0x7f) {
            free(u);
            return dr_err_set(err, DR_EINVAL, "ssh host %s: bad character in host name", spec);
        }
    }
    *user = u;
    *hostname = dr_strndup(name, name_len);
    *port = prt;
    return DR_OK;
}
