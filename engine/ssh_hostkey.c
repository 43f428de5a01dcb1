/* ssh_hostkey: known_hosts files (read once per pool, appended to under
 * trust-on-first-use), host key checks and key file types.
 * The module as a whole is described in ssh.c. */
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

void ssh__kh_close(kh_file *k)
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
 * failure k is still safe to ssh__kh_close. */
int ssh__kh_open(kh_file *k, const char *file, dr_err *err)
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
void ssh__kh_types(kh_file *k, const char *host, int port, dr_buf *out)
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
    int rc = ssh__kh_open(&k, known_hosts, err);
    if (rc == DR_OK)
        ssh__kh_types(&k, host, port, out);
    ssh__kh_close(&k);
    return rc;
}

/* Checks blob against known_hosts (see ssh_hostkey_verify), as loaded in
 * *cached when that is not NULL (a pool reads the file once), else read now.
 * A key accepted on first use is added to *cached as well as to the file. */
int ssh__kh_verify(kh_file *cached, const char *known_hosts, const char *host, int port,
                   const void *blob, size_t len, ssh_hostkey_policy policy, dr_err *err)
{
    const uint8_t *p = blob, *type;
    size_t type_len;
    if (!blob || ssh__wire_string(&p, p + len, &type, &type_len) != 0 || type_len == 0)
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
        rc = ssh__kh_open(k, known_hosts, err);
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
        ssh__kh_close(&local);
    dr_buf_free(&name);
    return rc;
}

int ssh_hostkey_verify(const char *known_hosts, const char *host, int port, const void *blob,
                       size_t len, ssh_hostkey_policy policy, dr_err *err)
{
    return ssh__kh_verify(NULL, known_hosts, host, port, blob, len, policy, err);
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
        if (e && ssh__base64_decode(&bin, b, (size_t)(e - b)) == 0 && bin.len > 15 &&
            memcmp(bin.data, "openssh-key-v1", 15) == 0) {
            /* magic, cipher, kdf, kdf options, number of keys, first public key */
            const uint8_t *p = (const uint8_t *)bin.data + 15, *end = p + bin.len - 15, *s;
            size_t n;
            if (ssh__wire_string(&p, end, &s, &n) == 0 && ssh__wire_string(&p, end, &s, &n) == 0 &&
                ssh__wire_string(&p, end, &s, &n) == 0 && end - p >= 4) {
                p += 4;
                const uint8_t *pub, *pend;
                if (ssh__wire_string(&p, end, &pub, &n) == 0) {
                    pend = pub + n;
                    if (ssh__wire_string(&pub, pend, &s, &n) == 0 && n > 0 && n < 128 &&
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
