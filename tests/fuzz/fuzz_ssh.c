/* libFuzzer target for the ssh module's own parsers: host specs, private key
 * headers (base64 and SSH wire strings of the OpenSSH format), and host key
 * blobs (type string, fingerprint) checked against an empty known_hosts.
 * The first byte picks the parser, the rest is its input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ssh.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    uint8_t which = data[0] % 3;
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
