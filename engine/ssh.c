/* ssh: a pool of non-blocking libssh2 sessions driven by poll().
 *
 * Every remote operation is a job: a small state machine that first brings
 * its host's session up (TCP connect, handshake, host key check, auth) and
 * then runs a command on a channel.  run_jobs() steps every active job until
 * libssh2 answers EAGAIN, then polls all their sockets at once with the
 * nearest deadline as timeout.  File transfers run one host at a time with
 * the same non-blocking calls and a deadline (wait_io). */
#include "ssh.h"

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

enum { STEP_AGAIN = 0, STEP_DONE = 1 };

typedef enum conn_state {
    CS_IDLE,      /* no session */
    CS_TCP,       /* non-blocking connect in progress */
    CS_HANDSHAKE, /* SSH key exchange */
    CS_AUTHLIST,  /* asking which auth methods the server accepts */
    CS_AGENT,     /* trying the agent's keys one by one */
    CS_KEY,       /* trying the key file */
    CS_READY,
} conn_state;

typedef struct conn {
    struct conn *next;
    struct conn *hnext; /* the next in its bucket of the pool's key hash */
    char *key;          /* "user@host:port" */
    char *user, *host;
    int port;
    int fd;
    LIBSSH2_SESSION *s;
    LIBSSH2_SFTP *sftp;
    conn_state st;
    int busy; /* a job is using it */
    LIBSSH2_AGENT *agent;
    struct libssh2_agent_publickey *agent_id;
    int agent_keys_tried;
    char *auth_methods;
    int no_sftp;               /* the server has no SFTP subsystem: files go over exec */
    int become;                /* commands and files through sudo -n (ssh_pool_host_options) */
    char *jump;                /* "host:port" of the jump host, or NULL: direct */
    struct ssh_tunnel *tunnel; /* the direct-tcpip relay when jump is set */
} conn;

struct ssh_pool {
    char *user, *identity, *passphrase_file, *passphrase_env, *known_hosts;
    int port, use_agent, connect_timeout_ms, exec_timeout_ms, max_parallel, files_over_exec;
    int become; /* default of every host */
    char *jump; /* default jump host of every host, or NULL */
    ssh_hostkey_policy policy;
    char *passphrase; /* loaded on first need, wiped on free */
    int passphrase_loaded;
    conn *conns;
    conn **buckets; /* conns by hash of their key, nbuckets a power of two */
    size_t nbuckets, nconns;
    struct kh_file *kh; /* known_hosts, read once on first need; NULL if unreadable */
    int kh_tried;
};

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
static int base64_decode(dr_buf *out, const char *s, size_t n)
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
static int wire_string(const uint8_t **p, const uint8_t *end, const uint8_t **s, size_t *n)
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

/* ------------------------------------------------------------- host keys */

static int knownhost_keybit(const char *type, size_t n)
{
    static const struct {
        const char *name;
        int bit;
    } map[] = {
        {"ssh-ed25519", LIBSSH2_KNOWNHOST_KEY_ED25519},
        {"ssh-rsa", LIBSSH2_KNOWNHOST_KEY_SSHRSA},
        {"ssh-dss", LIBSSH2_KNOWNHOST_KEY_SSHDSS},
        {"ecdsa-sha2-nistp256", LIBSSH2_KNOWNHOST_KEY_ECDSA_256},
        {"ecdsa-sha2-nistp384", LIBSSH2_KNOWNHOST_KEY_ECDSA_384},
        {"ecdsa-sha2-nistp521", LIBSSH2_KNOWNHOST_KEY_ECDSA_521},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strlen(map[i].name) == n && memcmp(map[i].name, type, n) == 0)
            return map[i].bit;
    return 0;
}

/* The name a known_hosts line uses for host:port. */
static void known_name(dr_buf *b, const char *host, int port)
{
    if (port == 22)
        dr_buf_puts(b, host);
    else
        dr_buf_printf(b, "[%s]:%d", host, port);
}

/* Appends one line (built by libssh2 for entry) to the known_hosts file. */
static int known_hosts_append(LIBSSH2_KNOWNHOSTS *kh, struct libssh2_knownhost *entry,
                              const char *file, int file_ends_without_newline, dr_err *err)
{
    char line[8192];
    size_t n = 0;
    if (libssh2_knownhost_writeline(kh, entry, line, sizeof line, &n,
                                    LIBSSH2_KNOWNHOST_FILE_OPENSSH) != 0)
        return dr_err_set(err, DR_EIO, "known_hosts %s: cannot format the new entry", file);
    int fd = open(file, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return dr_err_set(err, DR_EIO, "known_hosts %s: %s", file, strerror(errno));
    int ok = 1;
    if (file_ends_without_newline)
        ok = write(fd, "\n", 1) == 1;
    ok = ok && write(fd, line, n) == (ssize_t)n && fsync(fd) == 0;
    int e = errno;
    close(fd);
    if (!ok)
        return dr_err_set(err, DR_EIO, "known_hosts %s: append: %s", file, strerror(e));
    return DR_OK;
}

/* A known_hosts file loaded into libssh2, with the line of each entry. */
typedef struct kh_file {
    LIBSSH2_SESSION *s; /* libssh2 wants one for its known-hosts store */
    LIBSSH2_KNOWNHOSTS *kh;
    dr_buf text;
    int *entry_line; /* line number of each entry, in libssh2's order */
    size_t nentries, cap;
    int missing, bad_lines, first_bad;
} kh_file;

static void kh_close(kh_file *k)
{
    free(k->entry_line);
    dr_buf_free(&k->text);
    if (k->kh)
        libssh2_knownhost_free(k->kh);
    if (k->s)
        libssh2_session_free(k->s);
    memset(k, 0, sizeof *k);
}

/* Loads file (a missing file is an empty one, noted in k->missing).  On
 * failure k is still safe to kh_close. */
static int kh_open(kh_file *k, const char *file, dr_err *err)
{
    memset(k, 0, sizeof *k);
    k->s = libssh2_session_init();
    k->kh = k->s ? libssh2_knownhost_init(k->s) : NULL;
    if (!k->kh)
        return dr_err_set(err, DR_ENOMEM, "known_hosts %s: libssh2 init failed", file);
    dr_err rerr = {0};
    int rc = dr_read_file(file, &k->text, &rerr);
    if (rc == DR_ENOTFOUND)
        k->missing = 1;
    else if (rc != DR_OK)
        return dr_err_set(err, rc, "%s", rerr.msg);
    /* Feed the file line by line: libssh2's own reader stops at the first
     * line it cannot parse (a key type it does not know, @cert-authority),
     * and would then miss every key after it. */
    struct libssh2_knownhost *last = NULL, *e;
    int lineno = 0;
    for (size_t off = 0; off < k->text.len;) {
        const char *line = k->text.data + off;
        const char *nl = memchr(line, '\n', k->text.len - off);
        size_t n = nl ? (size_t)(nl - line) + 1 : k->text.len - off;
        off += n;
        lineno++;
        size_t i = 0;
        while (i < n && (line[i] == ' ' || line[i] == '\t'))
            i++;
        if (i == n || line[i] == '#' || line[i] == '\n' || line[i] == '\r')
            continue;
        if (libssh2_knownhost_readline(k->kh, line, n, LIBSSH2_KNOWNHOST_FILE_OPENSSH) != 0) {
            if (!k->bad_lines++)
                k->first_bad = lineno;
            continue;
        }
        /* Number the entries this line added (one per host name in it). */
        while (libssh2_knownhost_get(k->kh, &e, last) == 0) {
            if (k->nentries == k->cap) {
                k->cap = k->cap ? k->cap * 2 : 64;
                k->entry_line = dr_realloc(k->entry_line, k->cap * sizeof *k->entry_line);
            }
            k->entry_line[k->nentries++] = lineno;
            last = e;
        }
    }
    return DR_OK;
}

static const char *const HOSTKEY_TYPES[] = {
    "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-rsa",
};

/* The key types k records for host:port (see ssh_known_host_types). */
static void kh_types(kh_file *k, const char *host, int port, dr_buf *out)
{
    for (size_t i = 0; i < sizeof HOSTKEY_TYPES / sizeof HOSTKEY_TYPES[0]; i++) {
        /* A made-up key of this type: "mismatch" means the file has a key of
         * this type for the host (libssh2 compares types before keys), and
         * this works for hashed entries too. */
        const char *t = HOSTKEY_TYPES[i];
        size_t tl = strlen(t);
        uint8_t blob[64] = {0};
        blob[3] = (uint8_t)tl;
        memcpy(blob + 4, t, tl);
        blob[4 + tl + 3] = 1;
        blob[4 + tl + 4] = 'x';
        struct libssh2_knownhost *found;
        int check = libssh2_knownhost_checkp(
            k->kh, host, port, (const char *)blob, 4 + tl + 5,
            LIBSSH2_KNOWNHOST_TYPE_PLAIN | LIBSSH2_KNOWNHOST_KEYENC_RAW | knownhost_keybit(t, tl),
            &found);
        if (check == LIBSSH2_KNOWNHOST_CHECK_MISMATCH) {
            if (out->len)
                dr_buf_putc(out, ',');
            dr_buf_puts(out, t);
        }
    }
}

int ssh_known_host_types(const char *known_hosts, const char *host, int port, dr_buf *out,
                         dr_err *err)
{
    kh_file k;
    int rc = kh_open(&k, known_hosts, err);
    if (rc == DR_OK)
        kh_types(&k, host, port, out);
    kh_close(&k);
    return rc;
}

/* Checks blob against known_hosts (see ssh_hostkey_verify), as loaded in
 * *cached when that is not NULL (a pool reads the file once), else read now.
 * A key accepted on first use is added to *cached as well as to the file. */
static int kh_verify(kh_file *cached, const char *known_hosts, const char *host, int port,
                     const void *blob, size_t len, ssh_hostkey_policy policy, dr_err *err)
{
    const uint8_t *p = blob, *type;
    size_t type_len;
    if (!blob || wire_string(&p, p + len, &type, &type_len) != 0 || type_len == 0)
        return dr_err_set(err, DR_EPARSE, "host key of %s:%d: malformed key blob", host, port);
    char tname[64];
    snprintf(tname, sizeof tname, "%.*s", (int)(type_len < 60 ? type_len : 60), (const char *)type);
    char fp[SSH_FINGERPRINT_LEN];
    ssh_fingerprint(blob, len, fp);
    dr_buf name = DR_BUF_INIT;
    known_name(&name, host, port);
    int keybit = knownhost_keybit((const char *)type, type_len);
    if (!keybit) {
        int rc = dr_err_set(err, DR_EREFUSED,
                            "host key of %s: type %s (%s) cannot be checked against known_hosts",
                            name.data, tname, fp);
        dr_buf_free(&name);
        return rc;
    }

    kh_file local, *k = cached;
    int rc = DR_OK;
    if (!k) {
        k = &local;
        rc = kh_open(k, known_hosts, err);
    }
    LIBSSH2_KNOWNHOSTS *kh = k->kh;
    struct libssh2_knownhost *last, *e;
    int missing = k->missing, bad_lines = k->bad_lines, first_bad = k->first_bad;
    if (rc != DR_OK)
        goto out;

    struct libssh2_knownhost *found = NULL;
    int check = libssh2_knownhost_checkp(
        kh, host, port, blob, len,
        LIBSSH2_KNOWNHOST_TYPE_PLAIN | LIBSSH2_KNOWNHOST_KEYENC_RAW | keybit, &found);
    char note[160] = "";
    if (bad_lines)
        snprintf(note, sizeof note, " (%d line%s of it could not be read, the first at line %d)",
                 bad_lines, bad_lines > 1 ? "s" : "", first_bad);
    if (check == LIBSSH2_KNOWNHOST_CHECK_MATCH) {
        rc = DR_OK;
    } else if (check == LIBSSH2_KNOWNHOST_CHECK_MISMATCH) {
        int at = 0;
        size_t idx = 0;
        for (last = NULL; found && libssh2_knownhost_get(kh, &e, last) == 0; last = e, idx++)
            if (e == found) {
                at = idx < k->nentries ? k->entry_line[idx] : 0;
                break;
            }
        char where[32] = "";
        if (at)
            snprintf(where, sizeof where, ":%d", at);
        rc = dr_err_set(err, DR_EREFUSED,
                        "host key of %s CHANGED: the server offers %s %s, but %s%s records another "
                        "%s key for it; this may be an attack or a rebuilt host: verify the new "
                        "key, then remove the old entry (ssh-keygen -R '%s' -f %s)",
                        name.data, tname, fp, known_hosts, where, tname, name.data, known_hosts);
    } else if (check == LIBSSH2_KNOWNHOST_CHECK_NOTFOUND) {
        if (policy == SSH_HOSTKEY_TOFU) {
            struct libssh2_knownhost *added = NULL;
            if (libssh2_knownhost_addc(kh, name.data, NULL, blob, len, NULL, 0,
                                       LIBSSH2_KNOWNHOST_TYPE_PLAIN | LIBSSH2_KNOWNHOST_KEYENC_RAW |
                                           keybit,
                                       &added) != 0)
                rc = dr_err_set(err, DR_EIO, "known_hosts %s: cannot add %s", known_hosts,
                                name.data);
            else if ((rc = known_hosts_append(
                          kh, added, known_hosts,
                          k->text.len > 0 && k->text.data[k->text.len - 1] != '\n', err)) == DR_OK)
                dr_buf_putc(&k->text, '\n'); /* the file ends with a newline now */
        } else {
            rc = dr_err_set(err, DR_EREFUSED,
                            "host key of %s unknown: the server offers %s %s, which %s%s does not "
                            "list%s; verify it and add it (ssh-keyscan -p %d -t %s %s >> %s)",
                            name.data, tname, fp, known_hosts, missing ? " (missing file)" : "",
                            note, port, tname, host, known_hosts);
        }
    } else {
        rc = dr_err_set(err, DR_EIO, "host key of %s: known_hosts %s could not be checked%s",
                        name.data, known_hosts, note);
    }
out:
    if (k == &local)
        kh_close(&local);
    dr_buf_free(&name);
    return rc;
}

int ssh_hostkey_verify(const char *known_hosts, const char *host, int port, const void *blob,
                       size_t len, ssh_hostkey_policy policy, dr_err *err)
{
    return kh_verify(NULL, known_hosts, host, port, blob, len, policy, err);
}

int ssh_key_text_type(const char *text, char **type)
{
    *type = NULL;
    static const char OPENSSH_BEGIN[] = "-----BEGIN OPENSSH PRIVATE KEY-----";
    static const char OPENSSH_END[] = "-----END OPENSSH PRIVATE KEY-----";
    const char *b = strstr(text, OPENSSH_BEGIN);
    if (b) {
        dr_buf bin = DR_BUF_INIT;
        b += sizeof OPENSSH_BEGIN - 1;
        const char *e = strstr(b, OPENSSH_END);
        int rc = DR_EPARSE;
        if (e && base64_decode(&bin, b, (size_t)(e - b)) == 0 && bin.len > 15 &&
            memcmp(bin.data, "openssh-key-v1", 15) == 0) {
            /* magic, cipher, kdf, kdf options, number of keys, first public key */
            const uint8_t *p = (const uint8_t *)bin.data + 15, *end = p + bin.len - 15, *s;
            size_t n;
            if (wire_string(&p, end, &s, &n) == 0 && wire_string(&p, end, &s, &n) == 0 &&
                wire_string(&p, end, &s, &n) == 0 && end - p >= 4) {
                p += 4;
                const uint8_t *pub, *pend;
                if (wire_string(&p, end, &pub, &n) == 0) {
                    pend = pub + n;
                    if (wire_string(&pub, pend, &s, &n) == 0 && n > 0 && n < 128 &&
                        !memchr(s, '\0', n)) {
                        *type = dr_strndup((const char *)s, n);
                        rc = DR_OK;
                    }
                }
            }
        }
        if (bin.data)
            memset(bin.data, 0, bin.len);
        dr_buf_free(&bin);
        return rc;
    }
    static const struct {
        const char *header, *type;
    } pem[] = {
        {"-----BEGIN RSA PRIVATE KEY-----", "ssh-rsa"},
        {"-----BEGIN DSA PRIVATE KEY-----", "ssh-dss"},
        {"-----BEGIN EC PRIVATE KEY-----", "ecdsa"},
    };
    for (size_t i = 0; i < sizeof pem / sizeof pem[0]; i++)
        if (strstr(text, pem[i].header)) {
            *type = dr_strdup(pem[i].type);
            return DR_OK;
        }
    return DR_ENOTFOUND;
}

int ssh_key_file_type(const char *path, char **type, dr_err *err)
{
    *type = NULL;
    dr_buf text = DR_BUF_INIT;
    int rc = dr_read_file(path, &text, err);
    if (rc != DR_OK)
        return rc;
    rc = ssh_key_text_type(text.data, type);
    memset(text.data, 0, text.len);
    dr_buf_free(&text);
    if (rc == DR_EPARSE)
        return dr_err_set(err, DR_EPARSE, "key file %s: malformed OpenSSH private key", path);
    if (rc == DR_OK)
        return DR_OK;
    /* PKCS#8 and others: trust the public key next to it, if there is one. */
    dr_buf pubpath = DR_BUF_INIT, pubtext = DR_BUF_INIT;
    dr_buf_printf(&pubpath, "%s.pub", path);
    dr_err ignored = {0};
    if (dr_read_file(pubpath.data, &pubtext, &ignored) == DR_OK && pubtext.len > 0 &&
        pubtext.data[0] != ' ') {
        *type = dr_strndup(pubtext.data, strcspn(pubtext.data, " \t\r\n"));
        rc = DR_OK;
    } else {
        rc = dr_err_set(err, DR_EPARSE, "key file %s: not a private key format known here", path);
    }
    dr_buf_free(&pubpath);
    dr_buf_free(&pubtext);
    return rc;
}

/* ------------------------------------------------------------------ pool */

int ssh_pool_new(const ssh_config *cfg, ssh_pool **out, dr_err *err)
{
    *out = NULL;
    if (!cfg || !cfg->known_hosts || !*cfg->known_hosts)
        return dr_err_set(err, DR_EINVAL,
                          "ssh: a known_hosts file is required (host keys are "
                          "always checked)");
    if (cfg->port < 0 || cfg->port > 65535 || cfg->connect_timeout_ms < 0 ||
        cfg->exec_timeout_ms < 0 || cfg->max_parallel < 0)
        return dr_err_set(err, DR_EINVAL, "ssh: negative timeout, port or parallelism");
    if (cfg->hostkey_policy != SSH_HOSTKEY_STRICT && cfg->hostkey_policy != SSH_HOSTKEY_TOFU)
        return dr_err_set(err, DR_EINVAL, "ssh: unknown host key policy %d",
                          (int)cfg->hostkey_policy);
    if (!cfg->identity && !cfg->use_agent)
        return dr_err_set(err, DR_EINVAL, "ssh: neither a key file nor the agent to log in with");
    if (libssh2_init(0) != 0)
        return dr_err_set(err, DR_EIO, "ssh: libssh2 initialisation failed");
    ssh_pool *p = dr_calloc(1, sizeof *p);
    p->user = cfg->user ? dr_strdup(cfg->user) : NULL;
    p->identity = cfg->identity ? dr_strdup(cfg->identity) : NULL;
    p->passphrase_file = cfg->passphrase_file ? dr_strdup(cfg->passphrase_file) : NULL;
    p->passphrase_env = cfg->passphrase_env ? dr_strdup(cfg->passphrase_env) : NULL;
    p->known_hosts = dr_strdup(cfg->known_hosts);
    p->port = cfg->port ? cfg->port : 22;
    p->use_agent = cfg->use_agent;
    p->policy = cfg->hostkey_policy;
    p->connect_timeout_ms = cfg->connect_timeout_ms ? cfg->connect_timeout_ms : 10000;
    p->exec_timeout_ms = cfg->exec_timeout_ms ? cfg->exec_timeout_ms : 60000;
    p->max_parallel = cfg->max_parallel ? cfg->max_parallel : 64;
    p->files_over_exec = cfg->files_over_exec;
    p->become = cfg->become_sudo;
    p->jump = cfg->jump && *cfg->jump ? dr_strdup(cfg->jump) : NULL;
    *out = p;
    return DR_OK;
}

static void tunnel_end(conn *c);

/* Drops a session at once, without a goodbye: used after timeouts and
 * transport errors, when the peer may never answer again. */
static void conn_break(conn *c)
{
    if (c->fd >= 0)
        shutdown(c->fd, SHUT_RDWR);
    if (c->s) {
        /* With the socket shut, every write fails at once instead of blocking. */
        libssh2_session_set_blocking(c->s, 1);
        if (c->sftp)
            libssh2_sftp_shutdown(c->sftp);
        if (c->agent) {
            libssh2_agent_disconnect(c->agent);
            libssh2_agent_free(c->agent);
        }
        libssh2_session_free(c->s);
    }
    if (c->fd >= 0)
        close(c->fd);
    tunnel_end(c);
    free(c->auth_methods);
    c->auth_methods = NULL;
    c->s = NULL;
    c->sftp = NULL;
    c->agent = NULL;
    c->agent_id = NULL;
    c->agent_keys_tried = 0;
    c->fd = -1;
    c->st = CS_IDLE;
}

/* Says goodbye politely (for at most a second) and frees the session. */
static void conn_close(conn *c)
{
    if (c->s && c->st == CS_READY) {
        libssh2_session_set_blocking(c->s, 1);
        libssh2_session_set_timeout(c->s, 1000);
        if (c->sftp)
            libssh2_sftp_shutdown(c->sftp);
        c->sftp = NULL;
        libssh2_session_disconnect(c->s, "drctl done");
    }
    conn_break(c);
}

void ssh_pool_free(ssh_pool *p)
{
    if (!p)
        return;
    for (conn *c = p->conns, *next; c; c = next) {
        next = c->next;
        conn_close(c);
        free(c->key);
        free(c->user);
        free(c->host);
        free(c->jump);
        free(c);
    }
    free(p->jump);
    dr_secret_free(p->passphrase);
    free(p->user);
    free(p->identity);
    free(p->passphrase_file);
    free(p->passphrase_env);
    free(p->known_hosts);
    free(p->buckets);
    if (p->kh) {
        kh_close(p->kh);
        free(p->kh);
    }
    free(p);
    libssh2_exit();
}

/* known_hosts as loaded on first need, once per pool (a fleet of hundreds
 * of hosts would otherwise parse the file twice per connection).  NULL
 * when it cannot be read: callers then read it themselves, which reports
 * why. */
static kh_file *pool_known_hosts(ssh_pool *p)
{
    if (!p->kh_tried) {
        p->kh_tried = 1;
        kh_file *k = dr_calloc(1, sizeof *k);
        dr_err ignored = {0};
        if (kh_open(k, p->known_hosts, &ignored) == DR_OK) {
            p->kh = k;
        } else {
            kh_close(k);
            free(k);
        }
    }
    return p->kh;
}

/* FNV-1a of a connection key. */
static size_t key_hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return (size_t)h;
}

static void pool_rehash(ssh_pool *p)
{
    size_t n = p->nbuckets ? p->nbuckets * 2 : 64;
    conn **b = dr_calloc(n, sizeof *b);
    for (conn *c = p->conns; c; c = c->next) {
        size_t i = key_hash(c->key) & (n - 1);
        c->hnext = b[i];
        b[i] = c;
    }
    free(p->buckets);
    p->buckets = b;
    p->nbuckets = n;
}

static conn *pool_conn(ssh_pool *p, const char *spec, dr_err *err)
{
    char *user, *host;
    int port;
    if (ssh_parse_host(spec, p->user, p->port, &user, &host, &port, err) != DR_OK)
        return NULL;
    dr_buf key = DR_BUF_INIT;
    dr_buf_printf(&key, strchr(host, ':') ? "%s@[%s]:%d" : "%s@%s:%d", user, host, port);
    size_t h = key_hash(key.data);
    for (conn *c = p->nbuckets ? p->buckets[h & (p->nbuckets - 1)] : NULL; c; c = c->hnext)
        if (strcmp(c->key, key.data) == 0) {
            free(user);
            free(host);
            dr_buf_free(&key);
            return c;
        }
    conn *c = dr_calloc(1, sizeof *c);
    c->key = dr_buf_steal(&key, NULL);
    c->user = user;
    c->host = host;
    c->port = port;
    c->fd = -1;
    c->become = p->become;
    c->jump = p->jump ? dr_strdup(p->jump) : NULL;
    c->next = p->conns;
    p->conns = c;
    if (++p->nconns > p->nbuckets) {
        pool_rehash(p); /* also files c */
    } else {
        size_t i = h & (p->nbuckets - 1);
        c->hnext = p->buckets[i];
        p->buckets[i] = c;
    }
    return c;
}

void ssh_become_command(dr_buf *out, const char *cmd)
{
    dr_buf_puts(out, "sudo -n -- /bin/sh -c ");
    ssh_shell_quote(out, cmd);
}

int ssh_pool_host_options(ssh_pool *p, const char *host, int become, const char *jump, dr_err *err)
{
    conn *c = pool_conn(p, host, err);
    if (!c)
        return err ? err->code : DR_EINVAL;
    if (jump && *jump) {
        char *u = NULL, *h = NULL;
        int port;
        if (ssh_parse_host(jump, NULL, 22, &u, &h, &port, err) != DR_OK)
            return dr_err_wrap(err, "jump host of %s", c->key);
        free(u);
        free(h);
    }
    c->become = become;
    free(c->jump);
    c->jump = jump && *jump ? dr_strdup(jump) : NULL;
    return DR_OK;
}

int ssh_pool_socket(ssh_pool *p, const char *host)
{
    dr_err e = {0};
    conn *c = pool_conn(p, host, &e);
    return c && c->st == CS_READY ? c->fd : -1;
}

static const char *libssh2_msg(LIBSSH2_SESSION *s)
{
    char *msg = NULL;
    if (!s)
        return "no session";
    libssh2_session_last_error(s, &msg, NULL, 0);
    return msg && *msg ? msg : "unknown libssh2 error";
}

static const char *conn_phase(const conn *c)
{
    switch (c->st) {
    case CS_TCP:
        return "TCP connect";
    case CS_HANDSHAKE:
        return "SSH handshake";
    case CS_AUTHLIST:
    case CS_AGENT:
    case CS_KEY:
        return "authentication";
    default:
        return "setup";
    }
}

static int tcp_start(conn *c, dr_err *err)
{
    struct addrinfo hints = {0}, *ai = NULL;
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    char port[8];
    snprintf(port, sizeof port, "%d", c->port);
    int g = getaddrinfo(c->host, port, &hints, &ai);
    if (g != 0)
        return dr_err_set(err, DR_ENOTFOUND, "connect to %s: %s", c->key, gai_strerror(g));
    c->fd = socket(ai->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (c->fd < 0) {
        freeaddrinfo(ai);
        return dr_err_set(err, DR_EIO, "connect to %s: socket: %s", c->key, strerror(errno));
    }
    /* Without it, a request sent right after another on the session waits
     * for the delayed ACK of the first (about 40 ms on Linux). */
    int one = 1;
    setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    int r = connect(c->fd, ai->ai_addr, ai->ai_addrlen);
    int e = errno;
    freeaddrinfo(ai);
    if (r != 0 && e != EINPROGRESS)
        return dr_err_set(err, DR_EIO, "connect to %s: %s", c->key, strerror(e));
    c->st = CS_TCP;
    return DR_OK;
}

static const char *pool_passphrase(ssh_pool *p, dr_err *err, int *rc)
{
    *rc = DR_OK;
    if (!p->passphrase_loaded && (p->passphrase_file || p->passphrase_env)) {
        *rc = dr_secret_load(p->passphrase_file, p->passphrase_env, &p->passphrase, err);
        if (*rc != DR_OK)
            return NULL;
        p->passphrase_loaded = 1;
    }
    return p->passphrase;
}

/* Explains why the server refused the key file. */
static int key_refused(ssh_pool *p, conn *c, int lrc, dr_err *err)
{
    if (lrc == LIBSSH2_ERROR_FILE && access(p->identity, R_OK) != 0)
        return dr_err_set(err, DR_EAUTH,
                          "login to %s: cannot read key file %s: %s (set ssh.identity in the "
                          "inventory to the private key authorized on the hosts)",
                          c->key, p->identity, strerror(errno));
    if (lrc == LIBSSH2_ERROR_FILE)
        return dr_err_set(err, DR_EAUTH,
                          "login to %s: cannot use key file %s: %s (wrong passphrase, or a key "
                          "format this libssh2 cannot read)",
                          c->key, p->identity, libssh2_msg(c->s));
    char *type = NULL;
    dr_err ignored = {0};
    ssh_key_file_type(p->identity, &type, &ignored);
    int rc;
    if (type && strcmp(type, "ssh-rsa") == 0)
        rc = dr_err_set(err, DR_EAUTH,
                        "login to %s: the server refused RSA key %s: libssh2 1.10 signs RSA keys "
                        "with SHA-1 (ssh-rsa), which OpenSSH 8.8 and later refuse by default; use "
                        "an ed25519 key (ssh-keygen -t ed25519) and authorize it on the host",
                        c->key, p->identity);
    else
        rc = dr_err_set(err, DR_EAUTH,
                        "login to %s: the server refused key %s (%s)%s: is its public key in the "
                        "remote user's authorized_keys?",
                        c->key, p->identity, type ? type : "unknown type",
                        c->agent_keys_tried ? " and the agent's keys" : "");
    free(type);
    return rc;
}

/* Offers first the host key types known_hosts has for this host (so that a
 * host recorded with only its ECDSA key is not refused for offering
 * ed25519), then the rest ed25519 first, as OpenSSH does.  Only names this
 * libssh2 supports are passed: its method_pref strips unknown ones with an
 * overlapping memcpy. */
static void prefer_hostkeys(LIBSSH2_SESSION *s, const char *known_types)
{
    static const char *const order[] = {"ssh-ed25519",
                                        "ecdsa-sha2-nistp256",
                                        "ecdsa-sha2-nistp384",
                                        "ecdsa-sha2-nistp521",
                                        "rsa-sha2-512",
                                        "rsa-sha2-256",
                                        "ssh-rsa"};
    const size_t norder = sizeof order / sizeof order[0];
    const char **algs = NULL;
    int n = libssh2_session_supported_algs(s, LIBSSH2_METHOD_HOSTKEY, &algs);
    if (n <= 0)
        return;
    int used[sizeof order / sizeof order[0]] = {0};
    dr_buf pref = DR_BUF_INIT;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < norder; i++) {
            /* RSA keys are recorded as ssh-rsa whatever the signature hash. */
            const char *recorded = strncmp(order[i], "rsa-sha2-", 9) == 0 ? "ssh-rsa" : order[i];
            int known = 0;
            for (const char *t = known_types; t && *t;) {
                size_t tl = strcspn(t, ",");
                if (tl == strlen(recorded) && strncmp(t, recorded, tl) == 0)
                    known = 1;
                t += tl + (t[tl] == ',');
            }
            if (used[i] || (pass == 0 && !known))
                continue;
            for (int k = 0; k < n; k++)
                if (strcmp(algs[k], order[i]) == 0) {
                    if (pref.len)
                        dr_buf_putc(&pref, ',');
                    dr_buf_puts(&pref, order[i]);
                    used[i] = 1;
                }
        }
    libssh2_free(s, (void *)algs);
    if (pref.len)
        libssh2_session_method_pref(s, LIBSSH2_METHOD_HOSTKEY, pref.data);
    dr_buf_free(&pref);
}


/* ------------------------------------------------------------ jump hosts */

/* A session to a host behind a jump host runs over one end of a
 * socketpair; a thread of its own owns the jump host's session and relays
 * the other end through a direct-tcpip channel.  The pool's sessions stay
 * single-threaded: no libssh2 session is ever touched by two threads.  The
 * thread ends when either side closes; its error (connect, host key, auth,
 * refused channel) is kept for the inner session to report. */
typedef struct ssh_tunnel {
    pthread_t th;
    pthread_mutex_t mu;
    int relay;    /* the thread's end of the socketpair */
    char *user, *host, *target;
    int port, target_port, timeout_ms;
    char *known_hosts, *identity;
    const char *passphrase; /* the pool's, which outlives the thread */
    ssh_hostkey_policy policy;
    int failed;
    dr_err err;
} ssh_tunnel;

static void tunnel_fail(ssh_tunnel *t, const dr_err *e)
{
    pthread_mutex_lock(&t->mu);
    if (!t->failed) {
        t->failed = 1;
        t->err = *e;
    }
    pthread_mutex_unlock(&t->mu);
}

/* Blocking TCP connect with a deadline. */
static int tunnel_connect(ssh_tunnel *t, dr_err *err)
{
    struct addrinfo hints = {0}, *ai = NULL;
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    char port[8];
    snprintf(port, sizeof port, "%d", t->port);
    int g = getaddrinfo(t->host, port, &hints, &ai);
    if (g != 0)
        return dr_err_set(err, DR_ENOTFOUND, "jump host %s:%d: %s", t->host, t->port,
                          gai_strerror(g)),
               -1;
    int fd = socket(ai->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    int r = fd < 0 ? -1 : connect(fd, ai->ai_addr, ai->ai_addrlen);
    int e = errno;
    freeaddrinfo(ai);
    if (fd >= 0 && r != 0 && e == EINPROGRESS) {
        struct pollfd pf = {fd, POLLOUT, 0};
        int soerr = 0;
        socklen_t sl = sizeof soerr;
        if (poll(&pf, 1, t->timeout_ms) <= 0)
            soerr = ETIMEDOUT;
        else
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &sl);
        r = soerr ? -1 : 0;
        e = soerr;
    }
    if (r != 0) {
        dr_err_set(err, DR_EIO, "jump host %s:%d: connect: %s", t->host, t->port,
                   strerror(fd < 0 ? errno : e));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    int fl = fcntl(fd, F_GETFL);
    fcntl(fd, F_SETFL, fl & ~O_NONBLOCK); /* the setup below blocks, with a timeout */
    return fd;
}

/* Moves bytes both ways until one side closes.  The session is
 * non-blocking here; pending holds what the channel has not taken yet. */
static void tunnel_pump(ssh_tunnel *t, LIBSSH2_SESSION *s, LIBSSH2_CHANNEL *ch, int sock)
{
    char up[16384], down[16384];
    size_t up_len = 0, up_off = 0, down_len = 0, down_off = 0;
    int relay_eof = 0;
    libssh2_session_set_blocking(s, 0);
    fcntl(t->relay, F_SETFL, fcntl(t->relay, F_GETFL) | O_NONBLOCK);
    for (;;) {
        int progress = 0;
        if (!relay_eof && up_len == 0) {
            ssize_t n = read(t->relay, up, sizeof up);
            if (n > 0)
                up_len = (size_t)n, up_off = 0, progress = 1;
            else if (n == 0 || (errno != EAGAIN && errno != EINTR))
                relay_eof = 1; /* the pool closed its end: done */
        }
        if (relay_eof)
            return;
        while (up_off < up_len) {
            ssize_t n = libssh2_channel_write(ch, up + up_off, up_len - up_off);
            if (n == LIBSSH2_ERROR_EAGAIN)
                break;
            if (n < 0)
                return;
            up_off += (size_t)n;
            progress = 1;
        }
        if (up_off == up_len)
            up_len = up_off = 0;
        if (down_len == 0) {
            ssize_t n = libssh2_channel_read(ch, down, sizeof down);
            if (n > 0)
                down_len = (size_t)n, down_off = 0, progress = 1;
            else if (n != LIBSSH2_ERROR_EAGAIN && (n < 0 || libssh2_channel_eof(ch)))
                return; /* the target closed: closing the relay tells the pool */
        }
        while (down_off < down_len) {
            ssize_t n = write(t->relay, down + down_off, down_len - down_off);
            if (n < 0 && (errno == EAGAIN || errno == EINTR))
                break;
            if (n <= 0)
                return;
            down_off += (size_t)n;
            progress = 1;
        }
        if (down_off == down_len)
            down_len = down_off = 0;
        if (progress)
            continue;
        struct pollfd pf[2] = {{t->relay, (short)(up_len ? 0 : POLLIN), 0}, {sock, 0, 0}};
        if (down_len)
            pf[0].events |= POLLOUT;
        int dir = libssh2_session_block_directions(s);
        pf[1].events = (short)(POLLIN | ((dir & LIBSSH2_SESSION_BLOCK_OUTBOUND) ? POLLOUT : 0));
        if (poll(pf, 2, 1000) < 0 && errno != EINTR)
            return;
        if (pf[0].revents & (POLLHUP | POLLERR | POLLNVAL) && !(pf[0].revents & POLLIN))
            return;
    }
}

static void *tunnel_main(void *arg)
{
    ssh_tunnel *t = arg;
    dr_err err = {0};
    LIBSSH2_SESSION *s = NULL;
    LIBSSH2_CHANNEL *ch = NULL;
    int sock = tunnel_connect(t, &err);
    if (sock < 0)
        goto out;
    s = libssh2_session_init();
    if (!s) {
        dr_err_set(&err, DR_ENOMEM, "jump host %s:%d: libssh2 session", t->host, t->port);
        goto out;
    }
    libssh2_session_set_blocking(s, 1);
    libssh2_session_set_timeout(s, t->timeout_ms);
    dr_buf types = DR_BUF_INIT;
    dr_err ignored = {0};
    ssh_known_host_types(t->known_hosts, t->host, t->port, &types, &ignored);
    prefer_hostkeys(s, types.data);
    dr_buf_free(&types);
    if (libssh2_session_handshake(s, sock) != 0) {
        dr_err_set(&err, DR_EIO, "jump host %s:%d: ssh handshake: %s", t->host, t->port,
                   libssh2_msg(s));
        goto out;
    }
    size_t klen = 0;
    int ktype = 0;
    const char *key = libssh2_session_hostkey(s, &klen, &ktype);
    if (!key) {
        dr_err_set(&err, DR_EIO, "jump host %s:%d: no host key", t->host, t->port);
        goto out;
    }
    if (ssh_hostkey_verify(t->known_hosts, t->host, t->port, key, klen, t->policy, &err) !=
        DR_OK) {
        dr_err_wrap(&err, "jump host %s:%d", t->host, t->port);
        goto out;
    }
    if (!t->identity ||
        libssh2_userauth_publickey_fromfile_ex(s, t->user, (unsigned)strlen(t->user), NULL,
                                               t->identity, t->passphrase) != 0) {
        dr_err_set(&err, DR_EAUTH, "jump host %s:%d: login as %s refused: %s", t->host, t->port,
                   t->user, t->identity ? libssh2_msg(s) : "no key file configured");
        goto out;
    }
    ch = libssh2_channel_direct_tcpip_ex(s, t->target, t->target_port, "127.0.0.1", 22);
    if (!ch) {
        dr_err_set(&err, DR_EREFUSED,
                   "jump host %s:%d: tunnel to %s:%d refused: %s (does the jump host allow TCP "
                   "forwarding, and reach that address?)",
                   t->host, t->port, t->target, t->target_port, libssh2_msg(s));
        goto out;
    }
    tunnel_pump(t, s, ch, sock);
out:
    if (err.code)
        tunnel_fail(t, &err);
    /* closing the relay is what the pool's session sees first */
    shutdown(t->relay, SHUT_RDWR);
    if (ch) {
        libssh2_session_set_blocking(s, 1);
        libssh2_session_set_timeout(s, 1000);
        libssh2_channel_free(ch);
    }
    if (s) {
        libssh2_session_set_timeout(s, 1000);
        libssh2_session_disconnect(s, "drctl done");
        libssh2_session_free(s);
    }
    if (sock >= 0)
        close(sock);
    return NULL;
}

/* Starts c's tunnel: c->fd becomes the pool's end of the relay. */
static int tunnel_start(ssh_pool *p, conn *c, dr_err *err)
{
    char *ju = NULL, *jh = NULL;
    int jport = 22;
    if (ssh_parse_host(c->jump, p->user, 22, &ju, &jh, &jport, err) != DR_OK)
        return dr_err_wrap(err, "jump host of %s", c->key);
    int prc;
    const char *pass = pool_passphrase(p, err, &prc);
    if (prc != DR_OK) {
        free(ju);
        free(jh);
        return dr_err_wrap(err, "jump host %s", c->jump);
    }
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
        free(ju);
        free(jh);
        return dr_err_set(err, DR_EIO, "connect to %s: socketpair: %s", c->key, strerror(errno));
    }
    ssh_tunnel *t = dr_calloc(1, sizeof *t);
    pthread_mutex_init(&t->mu, NULL);
    t->relay = sv[1];
    t->user = ju;
    t->host = jh;
    t->port = jport;
    t->target = dr_strdup(c->host);
    t->target_port = c->port;
    t->timeout_ms = p->connect_timeout_ms;
    t->known_hosts = dr_strdup(p->known_hosts);
    t->identity = p->identity ? dr_strdup(p->identity) : NULL;
    t->passphrase = pass;
    t->policy = p->policy;
    if (pthread_create(&t->th, NULL, tunnel_main, t) != 0) {
        close(sv[0]);
        close(sv[1]);
        pthread_mutex_destroy(&t->mu);
        free(t->user), free(t->host), free(t->target), free(t->known_hosts), free(t->identity);
        free(t);
        return dr_err_set(err, DR_EIO, "connect to %s: cannot start the jump host relay", c->key);
    }
    fcntl(sv[0], F_SETFL, fcntl(sv[0], F_GETFL) | O_NONBLOCK);
    c->fd = sv[0];
    c->tunnel = t;
    c->st = CS_TCP;
    return DR_OK;
}

/* The tunnel's own error, if it failed: it explains a handshake cut short. */
static int tunnel_error(conn *c, dr_err *err)
{
    ssh_tunnel *t = c->tunnel;
    if (!t)
        return 0;
    pthread_mutex_lock(&t->mu);
    int failed = t->failed;
    if (failed && err)
        dr_err_set(err, t->err.code, "connect to %s through %s: %s", c->key, c->jump, t->err.msg);
    pthread_mutex_unlock(&t->mu);
    return failed;
}

/* After c's fd is closed: the thread sees the relay close and ends. */
static void tunnel_end(conn *c)
{
    ssh_tunnel *t = c->tunnel;
    if (!t)
        return;
    shutdown(t->relay, SHUT_RDWR);
    pthread_join(t->th, NULL);
    close(t->relay);
    pthread_mutex_destroy(&t->mu);
    free(t->user);
    free(t->host);
    free(t->target);
    free(t->known_hosts);
    free(t->identity);
    free(t);
    c->tunnel = NULL;
}

/* Advances c's setup.  STEP_DONE when ready, STEP_AGAIN to wait, or DR_E*. */
static int conn_step(ssh_pool *p, conn *c, dr_err *err)
{
    int r;
    for (;;) {
        switch (c->st) {
        case CS_IDLE:
            if ((r = c->jump ? tunnel_start(p, c, err) : tcp_start(c, err)) != DR_OK)
                return r;
            break;
        case CS_TCP: {
            struct pollfd pf = {c->fd, POLLOUT, 0};
            if (poll(&pf, 1, 0) == 0)
                return STEP_AGAIN;
            int soerr = 0;
            socklen_t sl = sizeof soerr;
            getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &soerr, &sl);
            if (soerr)
                return dr_err_set(err, DR_EIO, "connect to %s: %s", c->key, strerror(soerr));
            c->s = libssh2_session_init();
            if (!c->s)
                return dr_err_set(err, DR_ENOMEM, "connect to %s: libssh2 session", c->key);
            libssh2_session_set_blocking(c->s, 0);
            dr_buf types = DR_BUF_INIT;
            dr_err ignored = {0}; /* an unreadable file is reported by the check itself */
            if (pool_known_hosts(p))
                kh_types(p->kh, c->host, c->port, &types);
            else
                ssh_known_host_types(p->known_hosts, c->host, c->port, &types, &ignored);
            prefer_hostkeys(c->s, types.data);
            dr_buf_free(&types);
            c->st = CS_HANDSHAKE;
            break;
        }
        case CS_HANDSHAKE: {
            r = libssh2_session_handshake(c->s, c->fd);
            if (r == LIBSSH2_ERROR_EAGAIN)
                return STEP_AGAIN;
            if (r != 0 && tunnel_error(c, err))
                return err ? err->code : DR_EIO;
            if (r != 0)
                return dr_err_set(err, DR_EIO, "ssh handshake with %s: %s", c->key,
                                  libssh2_msg(c->s));
            size_t klen = 0;
            int ktype = 0;
            const char *key = libssh2_session_hostkey(c->s, &klen, &ktype);
            if (!key)
                return dr_err_set(err, DR_EIO, "ssh handshake with %s: no host key", c->key);
            if ((r = kh_verify(pool_known_hosts(p), p->known_hosts, c->host, c->port, key, klen,
                               p->policy, err)) != DR_OK)
                return r;
            c->st = CS_AUTHLIST;
            break;
        }
        case CS_AUTHLIST: {
            char *list = libssh2_userauth_list(c->s, c->user, (unsigned)strlen(c->user));
            if (!list) {
                if (libssh2_userauth_authenticated(c->s)) {
                    c->st = CS_READY;
                    break;
                }
                if (libssh2_session_last_errno(c->s) == LIBSSH2_ERROR_EAGAIN)
                    return STEP_AGAIN;
                return dr_err_set(err, DR_EAUTH, "login to %s: %s", c->key, libssh2_msg(c->s));
            }
            c->auth_methods = dr_strdup(list);
            if (!strstr(list, "publickey"))
                return dr_err_set(err, DR_EAUTH,
                                  "login to %s: the server accepts no public key auth (only %s)",
                                  c->key, list);
            c->st = p->use_agent && getenv("SSH_AUTH_SOCK") ? CS_AGENT : CS_KEY;
            break;
        }
        case CS_AGENT:
            if (!c->agent) {
                c->agent = libssh2_agent_init(c->s);
                if (!c->agent || libssh2_agent_connect(c->agent) != 0 ||
                    libssh2_agent_list_identities(c->agent) != 0) {
                    c->st = CS_KEY; /* no usable agent: the key file may still do */
                    break;
                }
                if (libssh2_agent_get_identity(c->agent, &c->agent_id, NULL) != 0) {
                    c->st = CS_KEY;
                    break;
                }
            }
            r = libssh2_agent_userauth(c->agent, c->user, c->agent_id);
            if (r == LIBSSH2_ERROR_EAGAIN)
                return STEP_AGAIN;
            if (r == 0) {
                c->st = CS_READY;
                break;
            }
            c->agent_keys_tried++;
            if (libssh2_agent_get_identity(c->agent, &c->agent_id, c->agent_id) != 0)
                c->st = CS_KEY;
            break;
        case CS_KEY: {
            if (!p->identity)
                return dr_err_set(err, DR_EAUTH,
                                  "login to %s: the agent's keys (%d tried) were refused and no "
                                  "key file is configured",
                                  c->key, c->agent_keys_tried);
            int prc;
            const char *pass = pool_passphrase(p, err, &prc);
            if (prc != DR_OK)
                return dr_err_wrap(err, "login to %s", c->key);
            r = libssh2_userauth_publickey_fromfile_ex(c->s, c->user, (unsigned)strlen(c->user),
                                                       NULL, p->identity, pass);
            if (r == LIBSSH2_ERROR_EAGAIN)
                return STEP_AGAIN;
            if (r != 0)
                return key_refused(p, c, r, err);
            c->st = CS_READY;
            break;
        }
        case CS_READY:
            return STEP_DONE;
        }
    }
}

/* The poll events c waits for. */
static short conn_events(const conn *c)
{
    if (c->st == CS_TCP)
        return POLLOUT;
    if (!c->s)
        return POLLIN;
    int dir = libssh2_session_block_directions(c->s);
    short ev = 0;
    if (dir & LIBSSH2_SESSION_BLOCK_INBOUND)
        ev |= POLLIN;
    if (dir & LIBSSH2_SESSION_BLOCK_OUTBOUND)
        ev |= POLLOUT;
    return ev ? ev : POLLIN;
}

/* ------------------------------------------------------------------ jobs */

typedef enum job_state {
    J_PENDING,
    J_CONNECT,
    J_OPEN,
    J_EXEC,
    J_WRITE_IN,
    J_SEND_EOF,
    J_READ,
    J_CLOSE,
    J_WAIT_CLOSED,
    J_FREE,
    J_DONE,
} job_state;

typedef struct job {
    conn *c;
    const char *cmd; /* NULL: only bring the session up */
    int timeout_ms;
    job_state st;
    LIBSSH2_CHANNEL *ch;
    int64_t t0, t_end, deadline;
    int rc;
    dr_err err;
    int exit_status;
    char *exit_signal;
    dr_buf out, errout;
    const char *in; /* standard input for the command (not owned), or NULL */
    size_t in_len, in_sent;
    void (*progress)(void *ud, size_t sent, size_t total); /* as input goes out */
    void *progress_ud;
    int fresh;   /* this job brought its session up (not an idle one reused) */
    int retried; /* a reused session was found dead and brought up again once */
} job;

static void job_fail(job *j, int rc)
{
    j->rc = rc;
    /* The session may be in any state now: drop it, the channel with it. */
    j->ch = NULL;
    conn_break(j->c);
    j->st = J_DONE;
}

static void job_begin_exec(ssh_pool *p, job *j)
{
    (void)p;
    j->deadline = dr_now_ms() + j->timeout_ms;
    j->st = J_OPEN;
}

/* Advances j; returns STEP_DONE when finished (rc says how). */
static int job_step(ssh_pool *p, job *j)
{
    char buf[16384];
    for (;;) {
        int r;
        switch (j->st) {
        case J_PENDING:
            return STEP_AGAIN;
        case J_CONNECT:
            if (j->c->st != CS_READY)
                j->fresh = 1;
            r = conn_step(p, j->c, &j->err);
            if (r == STEP_AGAIN)
                return STEP_AGAIN;
            if (r < 0) {
                job_fail(j, r);
                return STEP_DONE;
            }
            if (!j->cmd) {
                j->rc = DR_OK;
                dr_err_clear(&j->err);
                j->st = J_DONE;
                return STEP_DONE;
            }
            job_begin_exec(p, j);
            break;
        case J_OPEN:
            j->ch = libssh2_channel_open_session(j->c->s);
            if (!j->ch) {
                if (libssh2_session_last_errno(j->c->s) == LIBSSH2_ERROR_EAGAIN)
                    return STEP_AGAIN;
                if (!j->fresh && !j->retried) {
                    /* An idle session that died while it waited (a dropped
                     * connection, a restarted sshd): the command was never
                     * sent, so a new session runs it once. */
                    conn_break(j->c);
                    j->retried = 1;
                    j->st = J_CONNECT;
                    break;
                }
                dr_err_set(&j->err, DR_EIO, "exec on %s: open channel: %s", j->c->key,
                           libssh2_msg(j->c->s));
                job_fail(j, DR_EIO);
                return STEP_DONE;
            }
            j->st = J_EXEC;
            break;
        case J_EXEC:
            if (j->c->become) {
                /* sudo -n: a missing right fails at once with "sudo: ..."
                 * on stderr instead of waiting for a password */
                dr_buf w = DR_BUF_INIT;
                ssh_become_command(&w, j->cmd);
                r = libssh2_channel_exec(j->ch, w.data);
                dr_buf_free(&w);
            } else {
                r = libssh2_channel_exec(j->ch, j->cmd);
            }
            if (r == LIBSSH2_ERROR_EAGAIN)
                return STEP_AGAIN;
            if (r != 0) {
                dr_err_set(&j->err, DR_EIO, "exec on %s: %s: %s", j->c->key, libssh2_msg(j->c->s),
                           j->cmd);
                job_fail(j, DR_EIO);
                return STEP_DONE;
            }
            j->st = j->in ? J_WRITE_IN : J_SEND_EOF;
            break;
        case J_WRITE_IN: {
            if (j->in_sent == j->in_len) {
                j->st = J_SEND_EOF;
                break;
            }
            size_t chunk = j->in_len - j->in_sent < 65536 ? j->in_len - j->in_sent : 65536;
            ssize_t n = libssh2_channel_write(j->ch, j->in + j->in_sent, chunk);
            if (n < 0 && n != LIBSSH2_ERROR_EAGAIN) {
                dr_err_set(&j->err, DR_EIO,
                           "exec on %s: cut off after %zu of %zu bytes of input: %s", j->c->key,
                           j->in_sent, j->in_len, libssh2_msg(j->c->s));
                job_fail(j, DR_EIO);
                return STEP_DONE;
            }
            if (n > 0) {
                j->in_sent += (size_t)n;
                if (j->progress)
                    j->progress(j->progress_ud, j->in_sent, j->in_len);
                break;
            }
            /* The window is full: drain output so the command can go on
             * reading, then wait. */
            int drained = 0;
            for (int stream = 0; stream < 2; stream++) {
                ssize_t m = libssh2_channel_read_ex(j->ch, stream, buf, sizeof buf);
                if (m > 0) {
                    dr_buf_append(stream ? &j->errout : &j->out, buf, (size_t)m);
                    drained = 1;
                }
            }
            if (!drained)
                return STEP_AGAIN;
            break;
        }
        case J_SEND_EOF:
            r = libssh2_channel_send_eof(j->ch);
            if (r == LIBSSH2_ERROR_EAGAIN)
                return STEP_AGAIN;
            j->st = J_READ; /* a command that already closed stdin may refuse EOF: fine */
            break;
        case J_READ: {
            int progress = 0;
            for (int stream = 0; stream < 2; stream++) {
                ssize_t n = libssh2_channel_read_ex(j->ch, stream, buf, sizeof buf);
                if (n > 0) {
                    dr_buf_append(stream ? &j->errout : &j->out, buf, (size_t)n);
                    progress = 1;
                } else if (n < 0 && n != LIBSSH2_ERROR_EAGAIN) {
                    dr_err_set(&j->err, DR_EIO, "exec on %s: read: %s: %s", j->c->key,
                               libssh2_msg(j->c->s), j->cmd);
                    job_fail(j, DR_EIO);
                    return STEP_DONE;
                }
            }
            if (progress)
                break;
            if (!libssh2_channel_eof(j->ch))
                return STEP_AGAIN;
            j->st = J_CLOSE;
            break;
        }
        case J_CLOSE:
            r = libssh2_channel_close(j->ch);
            if (r == LIBSSH2_ERROR_EAGAIN)
                return STEP_AGAIN;
            j->st = J_WAIT_CLOSED;
            break;
        case J_WAIT_CLOSED: {
            r = libssh2_channel_wait_closed(j->ch);
            if (r == LIBSSH2_ERROR_EAGAIN)
                return STEP_AGAIN;
            char *sig = NULL;
            size_t siglen = 0;
            j->exit_status = libssh2_channel_get_exit_status(j->ch);
            if (libssh2_channel_get_exit_signal(j->ch, &sig, &siglen, NULL, NULL, NULL, NULL) ==
                    0 &&
                sig) {
                j->exit_signal = dr_strndup(sig, siglen);
                j->exit_status = -1;
                libssh2_free(j->c->s, sig);
            }
            j->st = J_FREE;
            break;
        }
        case J_FREE:
            r = libssh2_channel_free(j->ch);
            if (r == LIBSSH2_ERROR_EAGAIN)
                return STEP_AGAIN;
            j->ch = NULL;
            j->rc = DR_OK;
            dr_err_clear(&j->err);
            j->st = J_DONE;
            return STEP_DONE;
        case J_DONE:
            return STEP_DONE;
        }
    }
}

static void job_timeout(job *j, int64_t now)
{
    if (j->st == J_CONNECT)
        dr_err_set(&j->err, DR_ETIMEOUT, "connect to %s: timed out after %.1f s (%s)", j->c->key,
                   (double)(now - j->t0) / 1000.0, conn_phase(j->c));
    else
        dr_err_set(&j->err, DR_ETIMEOUT, "exec on %s: timed out after %.1f s: %s", j->c->key,
                   (double)j->timeout_ms / 1000.0, j->cmd);
    job_fail(j, DR_ETIMEOUT);
}

/* Drives jobs (pointers, so that a caller may keep adding) at most
 * max_parallel at once, never two on one session at a time.  With
 * stop_early, returns as soon as one more job is done or `until` (dr_now_ms
 * clock) passes; otherwise runs them all to their end.  Returns how many
 * jobs finished in this call. */
static size_t drive_jobs(ssh_pool *p, job **jobs, size_t n, int stop_early, int64_t until)
{
    size_t done = 0, active = 0, finished_here = 0;
    for (size_t i = 0; i < n; i++) {
        if (jobs[i]->st == J_DONE)
            done++;
        else if (jobs[i]->st != J_PENDING)
            active++;
    }
    struct pollfd *pfd = dr_calloc(n ? n : 1, sizeof *pfd);
    while (done < n) {
        for (size_t i = 0; i < n && active < (size_t)p->max_parallel; i++) {
            job *j = jobs[i];
            if (j->st != J_PENDING || j->c->busy)
                continue;
            j->c->busy = 1;
            active++;
            j->t0 = dr_now_ms();
            if (j->c->st == CS_READY && j->cmd) {
                job_begin_exec(p, j);
            } else {
                j->st = J_CONNECT;
                j->deadline = j->t0 + p->connect_timeout_ms;
            }
        }
        int finished = 0;
        for (size_t i = 0; i < n; i++) {
            job *j = jobs[i];
            if (j->st == J_PENDING || !j->c->busy || j->t0 == 0 || j->st == J_DONE)
                continue;
            if (job_step(p, j) == STEP_DONE) {
                j->t_end = dr_now_ms();
                j->c->busy = 0;
                active--;
                done++;
                finished = 1;
                finished_here++;
            }
        }
        if (done == n || (stop_early && finished_here))
            break;
        if (finished)
            continue; /* a session came free: start what waited for it */
        size_t np = 0;
        int64_t next = stop_early ? until : INT64_MAX;
        for (size_t i = 0; i < n; i++) {
            job *j = jobs[i];
            if (j->st == J_PENDING || j->st == J_DONE)
                continue;
            pfd[np].fd = j->c->fd;
            pfd[np].events = conn_events(j->c);
            pfd[np].revents = 0;
            np++;
            if (j->deadline < next)
                next = j->deadline;
        }
        int64_t now = dr_now_ms();
        if (stop_early && now >= until && !np)
            break;
        int wait = next == INT64_MAX ? 1000 : next <= now ? 0 : (int)(next - now);
        int poll_errno = poll(pfd, np, wait) < 0 && errno != EINTR ? errno : 0;
        now = dr_now_ms();
        for (size_t i = 0; i < n; i++) {
            job *j = jobs[i];
            if (j->st == J_PENDING || j->st == J_DONE || (now < j->deadline && !poll_errno))
                continue;
            if (poll_errno) { /* not expected with valid arguments; never spin on it */
                dr_err_set(&j->err, DR_EIO, "%s: poll: %s", j->c->key, strerror(poll_errno));
                job_fail(j, DR_EIO);
            } else {
                job_timeout(j, now);
            }
            j->t_end = now;
            j->c->busy = 0;
            active--;
            done++;
            finished_here++;
        }
        if (stop_early && (finished_here || dr_now_ms() >= until))
            break;
    }
    free(pfd);
    return finished_here;
}

/* Why a command or file operation cannot use a session right now. */
static const char SESSION_BUSY[] = "the session is in use by a command of a parallel step; run "
                                   "commands on one host from one member of a step group";

/* Runs every job to its end.  A session already busy with a job of an
 * ssh_async batch is not waited for (that job is driven only by its batch,
 * so the wait would never end): such a job fails at once. */
static void run_jobs(ssh_pool *p, job *jobs, size_t n)
{
    job **ptrs = dr_calloc(n ? n : 1, sizeof *ptrs);
    for (size_t i = 0; i < n; i++) {
        ptrs[i] = &jobs[i];
        if (jobs[i].st == J_PENDING && jobs[i].c->busy) {
            dr_err_set(&jobs[i].err, DR_ECONFLICT, "%s: %s", jobs[i].c->key, SESSION_BUSY);
            jobs[i].rc = DR_ECONFLICT;
            jobs[i].st = J_DONE;
        }
    }
    drive_jobs(p, ptrs, n, 0, 0);
    free(ptrs);
}

static void job_init(job *j, conn *c, const char *cmd, int timeout_ms)
{
    memset(j, 0, sizeof *j);
    j->c = c;
    j->cmd = cmd;
    j->timeout_ms = timeout_ms;
    j->st = J_PENDING;
    /* Until it has run to its end, a job has failed. */
    j->rc = DR_EIO;
    dr_err_set(&j->err, DR_EIO, "%s: not run", c ? c->key : "ssh");
}

static void job_to_result(job *j, ssh_result *res)
{
    res->rc = j->rc;
    res->err = j->err;
    res->exit_status = j->rc == DR_OK ? j->exit_status : -1;
    res->exit_signal = j->exit_signal;
    res->out = j->out;
    res->errout = j->errout;
    res->duration_ms = j->t_end - j->t0;
}

void ssh_result_free(ssh_result *r)
{
    if (!r)
        return;
    free(r->host);
    free(r->exit_signal);
    dr_buf_free(&r->out);
    dr_buf_free(&r->errout);
    memset(r, 0, sizeof *r);
}

size_t ssh_exec_each(ssh_pool *p, const char *const *hosts, const char *const *cmds, size_t n,
                     int timeout_ms, ssh_result *res)
{
    size_t failed = 0;
    job *jobs = dr_calloc(n, sizeof *jobs);
    if (timeout_ms <= 0)
        timeout_ms = p->exec_timeout_ms;
    for (size_t i = 0; i < n; i++) {
        memset(&res[i], 0, sizeof res[i]);
        res[i].exit_status = -1;
        dr_err perr = {0};
        const char *cmd = cmds[i];
        conn *c = cmd ? pool_conn(p, hosts[i], &perr) : NULL;
        if (!c) {
            if (!cmd)
                dr_err_set(&perr, DR_EINVAL, "exec on %s: no command", hosts[i]);
            res[i].rc = perr.code;
            res[i].err = perr;
            res[i].host = dr_strdup(hosts[i] ? hosts[i] : "");
            job_init(&jobs[i], NULL, cmd, timeout_ms);
            jobs[i].st = J_DONE;
            continue;
        }
        res[i].host = dr_strdup(c->key);
        job_init(&jobs[i], c, cmd, timeout_ms);
    }
    /* run_jobs needs every job to have a session: move the bad ones out. */
    job *live = dr_calloc(n, sizeof *live);
    size_t *idx = dr_calloc(n, sizeof *idx), nl = 0;
    for (size_t i = 0; i < n; i++)
        if (jobs[i].c) {
            live[nl] = jobs[i];
            idx[nl++] = i;
        }
    run_jobs(p, live, nl);
    for (size_t k = 0; k < nl; k++)
        job_to_result(&live[k], &res[idx[k]]);
    for (size_t i = 0; i < n; i++)
        if (res[i].rc != DR_OK)
            failed++;
    free(idx);
    free(live);
    free(jobs);
    return failed;
}

size_t ssh_exec_many(ssh_pool *p, const char *const *hosts, size_t n, const char *cmd,
                     int timeout_ms, ssh_result *res)
{
    const char **cmds = dr_calloc(n ? n : 1, sizeof *cmds);
    for (size_t i = 0; i < n; i++)
        cmds[i] = cmd;
    size_t failed = ssh_exec_each(p, hosts, cmds, n, timeout_ms, res);
    free(cmds);
    return failed;
}

/* Exit status of the read command when the file does not exist: not one
 * cat(1) uses. */
#define READ_ABSENT 44

void ssh_read_command(dr_buf *cmd, const char *path)
{
    dr_buf_puts(cmd, "p=");
    ssh_shell_quote(cmd, path);
    dr_buf_printf(cmd, "; if [ -e \"$p\" ]; then exec cat -- \"$p\"; fi; exit %d", READ_ABSENT);
}

int ssh_read_outcome(const ssh_result *r, const char *path, dr_buf *out, dr_err *err)
{
    const char *host = r->host ? r->host : "?";
    if (r->rc != DR_OK) {
        if (err)
            *err = r->err;
        return r->rc;
    }
    if (r->exit_status == READ_ABSENT)
        return dr_err_set(err, DR_ENOTFOUND, "read %s:%s: no such file or directory", host, path);
    if (r->exit_status != 0) {
        const char *why = r->errout.data && *r->errout.data ? r->errout.data : "no message";
        size_t wl = strcspn(why, "\n");
        return dr_err_set(err, DR_EIO, "read %s:%s: cat failed (%s %d): %.*s", host, path,
                          r->exit_signal ? "signal" : "exit", r->exit_status, (int)wl, why);
    }
    dr_buf_append(out, r->out.data ? r->out.data : "", r->out.len);
    return DR_OK;
}

size_t ssh_read_many(ssh_pool *p, const char *const *hosts, const char *const *paths, size_t n,
                     int timeout_ms, dr_buf *out, dr_err *errs)
{
    dr_buf *cmds = dr_calloc(n ? n : 1, sizeof *cmds);
    const char **cmdp = dr_calloc(n ? n : 1, sizeof *cmdp);
    ssh_result *res = dr_calloc(n ? n : 1, sizeof *res);
    for (size_t i = 0; i < n; i++) {
        ssh_read_command(&cmds[i], paths[i]);
        cmdp[i] = cmds[i].data;
    }
    ssh_exec_each(p, hosts, cmdp, n, timeout_ms, res);
    size_t failed = 0;
    for (size_t i = 0; i < n; i++) {
        memset(&errs[i], 0, sizeof errs[i]);
        int rc = ssh_read_outcome(&res[i], paths[i], &out[i], &errs[i]);
        errs[i].code = rc;
        if (rc != DR_OK)
            failed++;
        ssh_result_free(&res[i]);
        dr_buf_free(&cmds[i]);
    }
    free(res);
    free(cmdp);
    free(cmds);
    return failed;
}

int ssh_exec(ssh_pool *p, const char *host, const char *cmd, int timeout_ms, ssh_result *res)
{
    const char *hosts[1] = {host};
    ssh_exec_many(p, hosts, 1, cmd, timeout_ms, res);
    return res->rc;
}

/* ----------------------------------------------------------------- async */

struct ssh_async {
    ssh_pool *p;
    job **jobs; /* the unfinished ones, and the finished ones not yet taken */
    int *ids;
    size_t n, cap;
    int next_id;
};

ssh_async *ssh_async_new(ssh_pool *p)
{
    ssh_async *a = dr_calloc(1, sizeof *a);
    a->p = p;
    return a;
}

static void async_drop(ssh_async *a, size_t i)
{
    job *j = a->jobs[i];
    if (j->st != J_DONE && j->st != J_PENDING) {
        /* abandoned mid-way: the session's protocol state is unknown */
        j->ch = NULL;
        conn_break(j->c);
        j->c->busy = 0;
    }
    free(j->exit_signal);
    dr_buf_free(&j->out);
    dr_buf_free(&j->errout);
    free((char *)j->cmd);
    free(j);
    a->n--;
    memmove(&a->jobs[i], &a->jobs[i + 1], (a->n - i) * sizeof *a->jobs);
    memmove(&a->ids[i], &a->ids[i + 1], (a->n - i) * sizeof *a->ids);
}

void ssh_async_free(ssh_async *a)
{
    if (!a)
        return;
    while (a->n)
        async_drop(a, a->n - 1);
    free(a->jobs);
    free(a->ids);
    free(a);
}

int ssh_async_start(ssh_async *a, const char *host, const char *cmd, int timeout_ms, dr_err *err)
{
    conn *c = pool_conn(a->p, host, err);
    if (!c)
        return err ? err->code : DR_EINVAL;
    if (!cmd)
        return dr_err_set(err, DR_EINVAL, "exec on %s: no command", host);
    if (a->n == a->cap) {
        a->cap = a->cap ? 2 * a->cap : 8;
        a->jobs = dr_realloc(a->jobs, a->cap * sizeof *a->jobs);
        a->ids = dr_realloc(a->ids, a->cap * sizeof *a->ids);
    }
    job *j = dr_calloc(1, sizeof *j);
    job_init(j, c, dr_strdup(cmd), timeout_ms > 0 ? timeout_ms : a->p->exec_timeout_ms);
    a->jobs[a->n] = j;
    a->ids[a->n] = a->next_id;
    a->next_id = a->next_id == INT_MAX ? 0 : a->next_id + 1;
    return a->ids[a->n++];
}

size_t ssh_async_pending(const ssh_async *a)
{
    size_t k = 0;
    for (size_t i = 0; i < a->n; i++)
        if (a->jobs[i]->st != J_DONE)
            k++;
    return k;
}

void ssh_async_run(ssh_async *a, int64_t until_ms)
{
    /* finished jobs not yet taken count as done for drive_jobs */
    if (ssh_async_pending(a))
        drive_jobs(a->p, a->jobs, a->n, 1, until_ms);
}

int ssh_async_take(ssh_async *a, ssh_result *res)
{
    for (size_t i = 0; i < a->n; i++) {
        job *j = a->jobs[i];
        if (j->st != J_DONE)
            continue;
        int id = a->ids[i];
        memset(res, 0, sizeof *res);
        job_to_result(j, res);
        res->host = dr_strdup(j->c->key);
        /* the buffers and signal name now belong to res */
        j->exit_signal = NULL;
        j->out = (dr_buf)DR_BUF_INIT;
        j->errout = (dr_buf)DR_BUF_INIT;
        async_drop(a, i);
        return id;
    }
    return -1;
}

/* ----------------------------------------------------------------- files */

/* Brings c's session up on its own (file operations run one host at a time). */
static int conn_ready(ssh_pool *p, conn *c, dr_err *err)
{
    if (c->st == CS_READY)
        return DR_OK;
    job j;
    job_init(&j, c, NULL, 0);
    run_jobs(p, &j, 1);
    if (j.rc != DR_OK && err)
        *err = j.err;
    return j.rc;
}

/* One file operation on one host: its session, deadline and names. */
typedef struct fileop {
    ssh_pool *p;
    conn *c;
    const char *what; /* "read", "write" */
    const char *path;
    int64_t t0, deadline;
    dr_err *err;
    int wait_rc;   /* the DR_E* of a failed wait, when NB_CALL gave NB_WAIT_FAILED */
    int over_exec; /* no SFTP: cat and a shell script over exec channels */
} fileop;

/* What NB_CALL leaves in its result when the wait itself failed (a
 * deadline): below every libssh2 error code, so the two cannot be confused. */
#define NB_WAIT_FAILED (-100000)

/* Waits for c's socket in the direction libssh2 blocked on, or fails at the
 * deadline (dropping the session, whose protocol state is then unknown). */
static int wait_io(fileop *f)
{
    int64_t now = dr_now_ms();
    if (now >= f->deadline) {
        int rc = dr_err_set(f->err, DR_ETIMEOUT, "%s %s:%s: timed out after %.1f s", f->what,
                            f->c->key, f->path, (double)(now - f->t0) / 1000.0);
        conn_break(f->c);
        return rc;
    }
    struct pollfd pf = {f->c->fd, conn_events(f->c), 0};
    if (poll(&pf, 1, (int)(f->deadline - now)) < 0 && errno != EINTR)
        return dr_err_set(f->err, DR_EIO, "%s %s:%s: poll: %s", f->what, f->c->key, f->path,
                          strerror(errno));
    return DR_OK;
}

static const char *fx_name(unsigned long fx)
{
    switch (fx) {
    case LIBSSH2_FX_NO_SUCH_FILE:
    case LIBSSH2_FX_NO_SUCH_PATH:
        return "no such file or directory";
    case LIBSSH2_FX_PERMISSION_DENIED:
        return "permission denied";
    case LIBSSH2_FX_FILE_ALREADY_EXISTS:
        return "file exists";
    case LIBSSH2_FX_NO_SPACE_ON_FILESYSTEM:
    case LIBSSH2_FX_QUOTA_EXCEEDED:
        return "no space left";
    case LIBSSH2_FX_OP_UNSUPPORTED:
        return "operation not supported by the server";
    case LIBSSH2_FX_WRITE_PROTECT:
        return "read-only file system";
    default:
        return "failure";
    }
}

/* Turns the last libssh2 error into a DR_E* with context.  A transport
 * error drops the session; an SFTP status (no such file...) keeps it. */
static int fileop_fail(fileop *f, const char *step, const char *path)
{
    conn *c = f->c;
    int e = c->s ? libssh2_session_last_errno(c->s) : 0;
    if (e == LIBSSH2_ERROR_SFTP_PROTOCOL && c->sftp) {
        unsigned long fx = libssh2_sftp_last_error(c->sftp);
        int code = fx == LIBSSH2_FX_NO_SUCH_FILE || fx == LIBSSH2_FX_NO_SUCH_PATH ? DR_ENOTFOUND
                   : fx == LIBSSH2_FX_PERMISSION_DENIED                           ? DR_EAUTH
                                                                                  : DR_EIO;
        return dr_err_set(f->err, code, "%s %s:%s: %s %s: %s", f->what, c->key, f->path, step, path,
                          fx_name(fx));
    }
    int rc = dr_err_set(f->err, DR_EIO, "%s %s:%s: %s %s: %s", f->what, c->key, f->path, step, path,
                        libssh2_msg(c->s));
    conn_break(c);
    return rc;
}

/* The DR_E* for a failed NB_CALL result lrc. */
static int fileop_err(fileop *f, long lrc, const char *step, const char *path)
{
    if (lrc == NB_WAIT_FAILED)
        return f->wait_rc;
    return fileop_fail(f, step, path);
}

/* Calls an int-returning libssh2 function until it stops saying EAGAIN. */
#define NB_CALL(f, rcvar, call)                                                                    \
    do {                                                                                           \
        while (((rcvar) = (call)) == LIBSSH2_ERROR_EAGAIN) {                                       \
            int w_ = wait_io(f);                                                                   \
            if (w_ != DR_OK) {                                                                     \
                (f)->wait_rc = w_;                                                                 \
                (rcvar) = NB_WAIT_FAILED;                                                          \
                break;                                                                             \
            }                                                                                      \
        }                                                                                          \
    } while (0)

static int fileop_begin(fileop *f, ssh_pool *p, const char *host, const char *what,
                        const char *path, dr_err *err)
{
    memset(f, 0, sizeof *f);
    f->p = p;
    f->what = what;
    f->path = path;
    f->err = err;
    f->t0 = dr_now_ms();
    if (!path || path[0] != '/')
        return dr_err_set(err, DR_EINVAL, "%s %s:%s: the remote path must be absolute", what, host,
                          path ? path : "(null)");
    if (strchr(path, '\n'))
        return dr_err_set(err, DR_EINVAL, "%s %s: newline in remote path", what, host);
    f->c = pool_conn(p, host, err);
    if (!f->c)
        return err ? err->code : DR_EINVAL;
    if (f->c->busy) /* an ssh_async command holds a channel of this session */
        return dr_err_set(err, DR_ECONFLICT, "%s %s:%s: %s", what, f->c->key, path, SESSION_BUSY);
    int rc = conn_ready(p, f->c, err);
    if (rc != DR_OK)
        return rc;
    f->deadline = dr_now_ms() + p->exec_timeout_ms;
    if (p->files_over_exec || f->c->no_sftp || f->c->become) {
        /* with become, the exec scripts run under sudo: SFTP would read
         * and write as the login user */
        f->over_exec = 1;
        return DR_OK;
    }
    while (!f->c->sftp) {
        f->c->sftp = libssh2_sftp_init(f->c->s);
        if (f->c->sftp)
            break;
        int e = libssh2_session_last_errno(f->c->s);
        if (e == LIBSSH2_ERROR_CHANNEL_REQUEST_DENIED || e == LIBSSH2_ERROR_CHANNEL_FAILURE ||
            e == LIBSSH2_ERROR_CHANNEL_CLOSED || e == LIBSSH2_ERROR_CHANNEL_EOF_SENT) {
            /* No SFTP subsystem configured (sshd_config without Subsystem
             * sftp): the session is fine, files go over exec from now on. */
            f->c->no_sftp = 1;
            f->over_exec = 1;
            return DR_OK;
        }
        if (e != LIBSSH2_ERROR_EAGAIN)
            return fileop_fail(f, "start SFTP for", path);
        if ((rc = wait_io(f)) != DR_OK)
            return rc;
    }
    return DR_OK;
}

/* Runs cmd on f's host with input (may be NULL) within f's deadline.  *j is
 * the finished job: the caller reads its results and calls job_release. */
static int fileop_exec(fileop *f, const char *cmd, const void *in, size_t in_len,
                       const ssh_write_opts *opts, job *j)
{
    int64_t left = f->deadline - dr_now_ms();
    job_init(j, f->c, cmd, left > 1000 ? (int)left : 1000);
    j->in = in ? in : (in_len == 0 && opts ? "" : NULL);
    j->in_len = in_len;
    if (opts) {
        j->progress = opts->progress;
        j->progress_ud = opts->progress_ud;
    }
    run_jobs(f->p, j, 1);
    if (j->rc != DR_OK && f->err)
        *f->err = j->err;
    return j->rc;
}

static void job_release(job *j)
{
    free(j->exit_signal);
    dr_buf_free(&j->out);
    dr_buf_free(&j->errout);
}

static int sftp_open(fileop *f, const char *path, unsigned long flags, long mode,
                     LIBSSH2_SFTP_HANDLE **h)
{
    for (;;) {
        *h = libssh2_sftp_open_ex(f->c->sftp, path, (unsigned)strlen(path), flags, mode,
                                  LIBSSH2_SFTP_OPENFILE);
        if (*h)
            return DR_OK;
        if (libssh2_session_last_errno(f->c->s) != LIBSSH2_ERROR_EAGAIN)
            return fileop_fail(f, "open", path);
        int rc = wait_io(f);
        if (rc != DR_OK)
            return rc;
    }
}

static void sftp_close(fileop *f, LIBSSH2_SFTP_HANDLE *h)
{
    int rc;
    if (h && f->c->s)
        NB_CALL(f, rc, libssh2_sftp_close_handle(h));
    (void)rc;
}

/* Reads the whole open file h into out. */
static int sftp_slurp(fileop *f, LIBSSH2_SFTP_HANDLE *h, const char *path, dr_buf *out)
{
    char buf[32768];
    for (;;) {
        ssize_t n;
        NB_CALL(f, n, libssh2_sftp_read(h, buf, sizeof buf));
        if (n == 0)
            return DR_OK;
        if (n < 0)
            return fileop_err(f, n, "read", path);
        dr_buf_append(out, buf, (size_t)n);
    }
}

/* What a path is on the host: absent, a regular file (mode, owner), or
 * something a write must not replace. */
typedef struct file_state {
    int exists, regular, symlink;
    unsigned long mode, uid, gid; /* mode with its type bits */
} file_state;

/* Over exec: lstat()s path and reads it if it is a regular file, in one
 * command whose first output line describes the file. */
static int exec_file_state(fileop *f, const char *path, file_state *st, dr_buf *content)
{
    memset(st, 0, sizeof *st);
    dr_buf cmd = DR_BUF_INIT;
    dr_buf_puts(&cmd, "p=");
    ssh_shell_quote(&cmd, path);
    dr_buf_puts(&cmd, "; if [ -L \"$p\" ]; then echo link; elif [ ! -e \"$p\" ]; then echo absent; "
                      "elif [ -f \"$p\" ]; then stat -c 'file %f %u %g' -- \"$p\" && exec cat -- "
                      "\"$p\"; else stat -c 'other %f %u %g' -- \"$p\"; fi");
    job j;
    int rc = fileop_exec(f, cmd.data, NULL, 0, NULL, &j);
    dr_buf_free(&cmd);
    if (rc == DR_OK) {
        const char *out = j.out.data ? j.out.data : "";
        size_t first = strcspn(out, "\n");
        if (j.exit_status != 0 || out[first] != '\n') {
            rc = dr_err_set(f->err, DR_EIO, "%s %s:%s: reading it over exec failed (exit %d): %s",
                            f->what, f->c->key, path, j.exit_status,
                            j.errout.data ? j.errout.data : "");
        } else if (strncmp(out, "absent\n", 7) == 0) {
        } else if (strncmp(out, "link\n", 5) == 0) {
            st->exists = st->symlink = 1;
        } else if (sscanf(out, "other %lx %lu %lu", &st->mode, &st->uid, &st->gid) == 3) {
            st->exists = 1;
        } else if (sscanf(out, "file %lx %lu %lu", &st->mode, &st->uid, &st->gid) == 3) {
            st->exists = 1;
            st->regular = (st->mode & 0170000) == 0100000;
            if (content)
                dr_buf_append(content, out + first + 1, j.out.len - first - 1);
        } else {
            rc = dr_err_set(f->err, DR_EPARSE, "%s %s:%s: unexpected answer from stat: %.60s",
                            f->what, f->c->key, path, out);
        }
    }
    job_release(&j);
    return rc;
}

/* Appends the end of a replacement to cmd: check that path still holds what
 * was read (compare-and-swap on its sha256, or its absence), then rename
 * $t over it and sync the directory so that the rename survives a crash.
 * SFTP cannot replace a file (OpenSSH's sftp-server refuses to rename over
 * one, and libssh2 1.10 cannot send posix-rename), hence mv(1). */
static void commit_script(dr_buf *cmd, const char *path, const char *dir, const file_state *old,
                          const char *old_sha256)
{
    dr_buf_puts(cmd, "p=");
    ssh_shell_quote(cmd, path);
    dr_buf_puts(cmd, "; d=");
    ssh_shell_quote(cmd, dir);
    if (old->exists)
        dr_buf_printf(cmd,
                      "; [ -f \"$p\" ] && [ ! -L \"$p\" ] && c=$(sha256sum < \"$p\") && "
                      "[ \"${c%%%% *}\" = %s ] || { echo \"$p changed while it was being "
                      "replaced\" >&2; exit 76; }",
                      old_sha256);
    else
        dr_buf_puts(cmd,
                    "; if [ -e \"$p\" ] || [ -L \"$p\" ]; then echo \"$p appeared while it was "
                    "being written\" >&2; exit 76; fi");
    dr_buf_puts(cmd, "; mv -f -- \"$t\" \"$p\" || exit 1; trap - EXIT; "
                     "sync -- \"$d\" 2>/dev/null || true");
}

/* Turns the commit script's exit status into an error. */
static int commit_status(fileop *f, job *j)
{
    if (j->exit_status == 0)
        return DR_OK;
    const char *why = j->errout.data && *j->errout.data ? j->errout.data : "no message";
    if (j->exit_status == 76)
        return dr_err_set(f->err, DR_ECONFLICT, "%s %s:%s: %s", f->what, f->c->key, f->path, why);
    if (j->exit_status == 75)
        return dr_err_set(f->err, DR_EIO, "%s %s:%s: %s; the old file is unchanged", f->what,
                          f->c->key, f->path, why);
    return dr_err_set(f->err, DR_EIO, "%s %s:%s: replacing the file failed (exit %d): %s", f->what,
                      f->c->key, f->path, j->exit_status, why);
}

/* The whole replacement over one exec: the content arrives on stdin into a
 * temporary file made by mktemp next to path, is checked against its
 * sha256 (a cut connection ends cat early: nothing is renamed then), synced,
 * given the old owner and mode, and renamed by the commit script. */
static int write_over_exec(fileop *f, const char *path, const char *dir, const char *base,
                           const void *data, size_t len, unsigned mode, const file_state *old,
                           const char *old_sha256, const char *new_sha256,
                           const ssh_write_opts *opts)
{
    dr_buf cmd = DR_BUF_INIT, tmpl = DR_BUF_INIT;
    dr_buf_printf(&tmpl, "%s/.%s.drctl-XXXXXX", strcmp(dir, "/") == 0 ? "" : dir, base);
    dr_buf_puts(&cmd, "t=$(mktemp ");
    ssh_shell_quote(&cmd, tmpl.data);
    dr_buf_puts(&cmd, ") || exit 1; trap 'rm -f \"$t\"' EXIT; cat > \"$t\" || exit 1; "
                      "h=$(sha256sum < \"$t\") || exit 1; ");
    dr_buf_printf(&cmd,
                  "[ \"${h%%%% *}\" = %s ] || { echo \"the content arrived incomplete (input cut "
                  "off)\" >&2; exit 75; }; ",
                  new_sha256);
    dr_buf_puts(&cmd, "sync -- \"$t\" 2>/dev/null || sync; ");
    if (old->exists)
        dr_buf_printf(&cmd,
                      "[ \"$(stat -c %%u:%%g -- \"$t\")\" = %lu:%lu ] || chown %lu:%lu -- \"$t\" "
                      "|| exit 1; ",
                      old->uid, old->gid, old->uid, old->gid);
    dr_buf_printf(&cmd, "chmod %04o -- \"$t\" || exit 1; ", mode);
    commit_script(&cmd, path, dir, old, old_sha256);
    job j;
    int rc = fileop_exec(f, cmd.data, data, len, opts, &j);
    if (rc == DR_OK)
        rc = commit_status(f, &j);
    else if (j.in_sent < len)
        rc = dr_err_set(f->err, rc,
                        "%s %s:%s: cut off after %zu of %zu bytes, the old file is "
                        "unchanged (%s)",
                        f->what, f->c->key, path, j.in_sent, len, j.err.msg);
    job_release(&j);
    dr_buf_free(&cmd);
    dr_buf_free(&tmpl);
    return rc;
}

int ssh_read_file(ssh_pool *p, const char *host, const char *path, dr_buf *out, dr_err *err)
{
    fileop f;
    int rc = fileop_begin(&f, p, host, "read", path, err);
    if (rc != DR_OK)
        return rc;
    if (f.over_exec) {
        file_state st;
        rc = exec_file_state(&f, path, &st, out);
        if (rc == DR_OK && !st.exists)
            rc = dr_err_set(err, DR_ENOTFOUND, "read %s:%s: no such file or directory", f.c->key,
                            path);
        return rc;
    }
    LIBSSH2_SFTP_HANDLE *h;
    if ((rc = sftp_open(&f, path, LIBSSH2_FXF_READ, 0, &h)) != DR_OK)
        return rc;
    rc = sftp_slurp(&f, h, path, out);
    if (f.c->s)
        sftp_close(&f, h);
    if (rc == DR_OK && !out->data)
        dr_buf_reserve(out, 0), out->data[0] = '\0';
    return rc;
}

void ssh_write_result_free(ssh_write_result *r)
{
    if (r) {
        dr_buf_free(&r->previous);
        memset(r, 0, sizeof *r);
    }
}

/* stat()s path without following a final symlink.  *exists = 0 if absent. */
static int sftp_lstat(fileop *f, const char *path, LIBSSH2_SFTP_ATTRIBUTES *a, int *exists)
{
    int rc;
    memset(a, 0, sizeof *a);
    NB_CALL(f, rc,
            libssh2_sftp_stat_ex(f->c->sftp, path, (unsigned)strlen(path), LIBSSH2_SFTP_LSTAT, a));
    if (rc == 0) {
        *exists = 1;
        return DR_OK;
    }
    if (rc == NB_WAIT_FAILED)
        return f->wait_rc;
    rc = fileop_fail(f, "stat", path);
    if (rc == DR_ENOTFOUND) {
        *exists = 0;
        if (f->err)
            dr_err_clear(f->err);
        return DR_OK;
    }
    return rc;
}

int ssh_write_file(ssh_pool *p, const char *host, const char *path, const void *data, size_t len,
                   const ssh_write_opts *opts, ssh_write_result *res, dr_err *err)
{
    static unsigned counter;
    memset(res, 0, sizeof *res);
    if (!data && len)
        return dr_err_set(err, DR_EINVAL, "write %s:%s: no data", host, path ? path : "");
    sha256_hex(data, len, res->sha256);
    fileop f;
    int rc = fileop_begin(&f, p, host, "write", path, err);
    if (rc != DR_OK)
        return rc;
    const char *slash = strrchr(path, '/');
    if (!slash[1] || strcmp(slash + 1, ".") == 0 || strcmp(slash + 1, "..") == 0)
        return dr_err_set(err, DR_EINVAL, "write %s:%s: not a file name", f.c->key, path);
    char *dir = dr_strndup(path, slash == path ? 1 : (size_t)(slash - path));
    const char *base = slash + 1;
    res->via_exec = f.over_exec;

    /* 1. What is there now: type, mode, owner, content. */
    file_state old;
    LIBSSH2_SFTP_HANDLE *h = NULL;
    dr_buf tmp = DR_BUF_INIT, cmd = DR_BUF_INIT;
    if (f.over_exec) {
        if ((rc = exec_file_state(&f, path, &old, &res->previous)) != DR_OK)
            goto out;
    } else {
        LIBSSH2_SFTP_ATTRIBUTES a;
        memset(&old, 0, sizeof old);
        if ((rc = sftp_lstat(&f, path, &a, &old.exists)) != DR_OK)
            goto out;
        old.mode = a.permissions;
        old.uid = a.uid;
        old.gid = a.gid;
        old.symlink = old.exists && LIBSSH2_SFTP_S_ISLNK(a.permissions);
        old.regular = old.exists && LIBSSH2_SFTP_S_ISREG(a.permissions);
        if (old.regular) {
            if ((rc = sftp_open(&f, path, LIBSSH2_FXF_READ, 0, &h)) != DR_OK)
                goto out;
            rc = sftp_slurp(&f, h, path, &res->previous);
            if (f.c->s)
                sftp_close(&f, h);
            h = NULL;
            if (rc != DR_OK)
                goto out;
        }
    }
    res->existed = old.exists;
    if (old.symlink) {
        rc = dr_err_set(err, DR_EREFUSED,
                        "write %s:%s: is a symbolic link; write the file it points to", f.c->key,
                        path);
        goto out;
    }
    if (old.exists && !old.regular) {
        rc = dr_err_set(err, DR_EREFUSED, "write %s:%s: not a regular file", f.c->key, path);
        goto out;
    }
    if (old.exists)
        sha256_hex(res->previous.data, res->previous.len, res->previous_sha256);
    if (!res->previous.data)
        dr_buf_reserve(&res->previous, 0), res->previous.data[0] = '\0';
    if (opts && opts->expect_sha256 && strcmp(opts->expect_sha256, res->previous_sha256) != 0) {
        rc = dr_err_set(err, DR_ECONFLICT,
                        "write %s:%s: the file changed since it was read (now %s, expected %s)",
                        f.c->key, path, old.exists ? res->previous_sha256 : "absent",
                        *opts->expect_sha256 ? opts->expect_sha256 : "absent");
        goto out;
    }
    unsigned mode = old.exists ? (unsigned)(old.mode & 07777)
                               : (opts && opts->mode ? (unsigned)opts->mode & 07777 : 0644);
    res->mode = mode;
    res->uid = (unsigned)old.uid;
    res->gid = (unsigned)old.gid;

    if (f.over_exec) {
        rc = write_over_exec(&f, path, dir, base, data, len, mode, &old, res->previous_sha256,
                             res->sha256, opts);
        goto out;
    }

    /* 2. The new content into a temporary file next to it, created 0600 so
     * nobody reads it half-written under the wrong mode. */
    for (int attempt = 0;; attempt++) {
        dr_buf_reset(&tmp);
        dr_buf_printf(&tmp, "%s/.%s.drctl-%ld-%lld-%u", strcmp(dir, "/") == 0 ? "" : dir, base,
                      (long)getpid(), (long long)dr_wall_ms(), counter++);
        rc = sftp_open(&f, tmp.data, LIBSSH2_FXF_WRITE | LIBSSH2_FXF_CREAT | LIBSSH2_FXF_EXCL, 0600,
                       &h);
        if (rc == DR_OK)
            break;
        if (attempt >= 3 || !f.c->sftp ||
            libssh2_sftp_last_error(f.c->sftp) != LIBSSH2_FX_FILE_ALREADY_EXISTS)
            goto out;
    }
    size_t sent = 0;
    while (sent < len) {
        size_t chunk = len - sent < 65536 ? len - sent : 65536;
        ssize_t n;
        NB_CALL(&f, n, libssh2_sftp_write(h, (const char *)data + sent, chunk));
        if (n < 0) {
            rc = fileop_err(&f, n, "write", tmp.data);
            if (err) {
                char why[DR_ERR_MAX];
                snprintf(why, sizeof why, "%s", err->msg);
                dr_err_set(err, rc,
                           "write %s:%s: cut off after %zu of %zu bytes, the old file is "
                           "unchanged (%s)",
                           f.c->key, path, sent, len, why);
            }
            goto out;
        }
        sent += (size_t)n;
        if (opts && opts->progress)
            opts->progress(opts->progress_ud, sent, len);
    }
    NB_CALL(&f, rc, libssh2_sftp_fsync(h));
    if (rc != 0) {
        rc = fileop_err(&f, rc, "fsync", tmp.data);
        goto out;
    }
    /* 3. Owner first (chown clears set-id bits), then the mode. */
    LIBSSH2_SFTP_ATTRIBUTES cur;
    memset(&cur, 0, sizeof cur);
    NB_CALL(&f, rc, libssh2_sftp_fstat_ex(h, &cur, 0));
    if (rc != 0) {
        rc = fileop_err(&f, rc, "stat", tmp.data);
        goto out;
    }
    res->uid = (unsigned)cur.uid;
    res->gid = (unsigned)cur.gid;
    if (old.exists && (cur.uid != old.uid || cur.gid != old.gid)) {
        LIBSSH2_SFTP_ATTRIBUTES own;
        memset(&own, 0, sizeof own);
        own.flags = LIBSSH2_SFTP_ATTR_UIDGID;
        own.uid = old.uid;
        own.gid = old.gid;
        NB_CALL(&f, rc, libssh2_sftp_fstat_ex(h, &own, 1));
        if (rc != 0) {
            rc = fileop_err(&f, rc, "give the old owner to", tmp.data);
            goto out;
        }
        res->uid = (unsigned)old.uid;
        res->gid = (unsigned)old.gid;
    }
    LIBSSH2_SFTP_ATTRIBUTES perm;
    memset(&perm, 0, sizeof perm);
    perm.flags = LIBSSH2_SFTP_ATTR_PERMISSIONS;
    perm.permissions = mode;
    NB_CALL(&f, rc, libssh2_sftp_fstat_ex(h, &perm, 1));
    if (rc != 0) {
        rc = fileop_err(&f, rc, "chmod", tmp.data);
        goto out;
    }
    NB_CALL(&f, rc, libssh2_sftp_close_handle(h));
    h = NULL;
    if (rc != 0) {
        rc = fileop_err(&f, rc, "close", tmp.data);
        goto out;
    }
    /* 4. The switch: one rename, if the file is still what was read. */
    dr_buf_puts(&cmd, "t=");
    ssh_shell_quote(&cmd, tmp.data);
    dr_buf_puts(&cmd, "; trap 'rm -f \"$t\"' EXIT; ");
    commit_script(&cmd, path, dir, &old, res->previous_sha256);
    job j;
    rc = fileop_exec(&f, cmd.data, NULL, 0, NULL, &j);
    if (rc == DR_OK)
        rc = commit_status(&f, &j);
    job_release(&j);
    tmp.len = 0; /* the script removed it on failure */
out:
    if (rc != DR_OK && f.c->s && f.c->sftp && tmp.len) {
        /* Best effort: do not leave the temporary file behind. */
        dr_err keep = err ? *err : (dr_err){0};
        int urc;
        if (h)
            sftp_close(&f, h);
        if (f.c->s)
            NB_CALL(&f, urc, libssh2_sftp_unlink_ex(f.c->sftp, tmp.data, (unsigned)tmp.len));
        (void)urc;
        if (err)
            *err = keep;
    }
    free(dir);
    dr_buf_free(&tmp);
    dr_buf_free(&cmd);
    return rc;
}
