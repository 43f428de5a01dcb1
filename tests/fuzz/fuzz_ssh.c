/* libFuzzer target for the ssh module's own parsers: host specs, private key
 * headers (base64 and SSH wire strings of the OpenSSH format), and host key
 * blobs (type string, fingerprint) checked against an empty known_hosts,
 * and the framed answer of a many-file read (ssh_read_files_outcome).
 * The first byte picks the parser, the rest is its input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ssh.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    uint8_t which = data[0] % 4;
    char *text = dr_strndup((const char *)data + 1, size - 1); /* stops at a NUL: fine */
    dr_err err = {0};
    if (which == 0) {
        char *user = NULL, *host = NULL;
        int port = 0;
        if (ssh_parse_host(text, "root", 22, &user, &host, &port, &err) == DR_OK) {
            if (!user || !host || !*host || port < 1 || port > 65535)
                abort();
        } else if (user || host || !err.msg[0]) {
            abort();
        }
        free(user);
        free(host);
    } else if (which == 1) {
        char *type = NULL;
        int rc = ssh_key_text_type(text, &type);
        if ((rc == DR_OK) != (type != NULL))
            abort();
        free(type);
    } else if (which == 3) {
        /* three files framed with a short token: every byte either parses
         * into contents no longer than the answer, or is refused */
        const char *paths[3] = {"/a", "/b", "/c"};
        ssh_result r = {.rc = DR_OK, .host = "h"};
        r.out.data = (char *)data + 1;
        r.out.len = size - 1;
        dr_buf out[3] = {DR_BUF_INIT, DR_BUF_INIT, DR_BUF_INIT};
        int present[3] = {0, 0, 0};
        int rc = ssh_read_files_outcome(&r, paths, 3, "#T#", out, present, &err);
        size_t total = 0;
        for (int i = 0; i < 3; i++) {
            total += out[i].len;
            if (!present[i] && out[i].len)
                abort();
            dr_buf_free(&out[i]);
        }
        if ((rc == DR_OK && total + 3 * 4 > size - 1) || (rc != DR_OK && !err.msg[0]))
            abort();
    } else {
        char fp[SSH_FINGERPRINT_LEN];
        ssh_fingerprint(data + 1, size - 1, fp);
        if (strncmp(fp, "SHA256:", 7) != 0 || strlen(fp) != 50)
            abort();
        int rc = ssh_hostkey_verify("/nonexistent/drctl-fuzz-known_hosts", "h", 22, data + 1,
                                    size - 1, SSH_HOSTKEY_STRICT, &err);
        if (rc == DR_OK)
            abort(); /* nothing is known: nothing may pass */
    }
    free(text);
    return 0;
}
