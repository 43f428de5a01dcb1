/* Benchmark: one command on the lab's ten hosts, four ways.
 *   1. fan-out with a fresh pool (connect + auth + exec, in parallel)
 *   2. the same fan-out again on the now open sessions
 *   3. each host alone, one after the other, each with a fresh pool:
 *      the slowest single host and the sum of all of them
 *   4. a loop of the OpenSSH client, one host after the other
 * Needs the lab's environment (DRCTL_LAB_DIR, DRCTL_LAB_NET): run it through
 * `tests/lab/lab exec`, or bench/ssh_fanout.sh. */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ssh.h"

static const int LAB_HOSTS[] = {11, 12, 13, 14, 15, 16, 21, 22, 23, 24};
#define NHOSTS 10
#define CMD "hostname; sleep 0.2"

static ssh_pool *new_pool(const char *known, const char *key)
{
    ssh_config cfg = {.known_hosts = known, .identity = key, .connect_timeout_ms = 20000};
    ssh_pool *p = NULL;
    dr_err e = {0};
    if (ssh_pool_new(&cfg, &p, &e) != DR_OK) {
        fprintf(stderr, "ssh_fanout: %s\n", e.msg);
        return NULL;
    }
    return p;
}

/* Returns the number of failed hosts; prints the first failure. */
static size_t fan_out(ssh_pool *p, const char *const *hosts, int64_t *ms)
{
    ssh_result r[NHOSTS];
    int64_t t0 = dr_now_ms();
    size_t failed = ssh_exec_many(p, hosts, NHOSTS, CMD, 0, r);
    *ms = dr_now_ms() - t0;
    for (int i = 0; i < NHOSTS; i++) {
        if (r[i].rc != DR_OK && failed)
            fprintf(stderr, "ssh_fanout: %s\n", r[i].err.msg);
        ssh_result_free(&r[i]);
    }
    return failed;
}

int main(void)
{
    const char *dir = getenv("DRCTL_LAB_DIR"), *net = getenv("DRCTL_LAB_NET");
    if (!dir) {
        fprintf(stderr, "ssh_fanout: DRCTL_LAB_DIR is not set (run through 'lab exec')\n");
        return 2;
    }
    if (!net)
        net = "127.0.0";
    struct passwd *pw = getpwuid(getuid());
    const char *user = getenv("DRCTL_LAB_SSH_USER");
    if (!user)
        user = pw ? pw->pw_name : "root";
    char key[1024], known[1024], names[NHOSTS][128];
    const char *hosts[NHOSTS];
    snprintf(key, sizeof key, "%s/keys/id_ed25519", dir);
    snprintf(known, sizeof known, "%s/keys/known_hosts", dir);
    for (int i = 0; i < NHOSTS; i++) {
        snprintf(names[i], sizeof names[i], "%s@%s.%d:2222", user, net, LAB_HOSTS[i]);
        hosts[i] = names[i];
    }
    printf("command on each of %d hosts: %s\n", NHOSTS, CMD);

    int64_t cold, warm;
    ssh_pool *p = new_pool(known, key);
    if (!p || fan_out(p, hosts, &cold) || fan_out(p, hosts, &warm))
        return 1;
    ssh_pool_free(p);
    printf("drctl fan-out, new sessions:        %6lld ms\n", (long long)cold);
    printf("drctl fan-out, sessions reused:     %6lld ms\n", (long long)warm);

    int64_t sum = 0, slowest = 0;
    for (int i = 0; i < NHOSTS; i++) {
        ssh_pool *one = new_pool(known, key);
        ssh_result r;
        int64_t t0 = dr_now_ms();
        int rc = one ? ssh_exec(one, hosts[i], CMD, 0, &r) : DR_EINVAL;
        int64_t ms = dr_now_ms() - t0;
        if (rc != DR_OK) {
            fprintf(stderr, "ssh_fanout: %s\n", one ? r.err.msg : "no pool");
            return 1;
        }
        ssh_result_free(&r);
        ssh_pool_free(one);
        sum += ms;
        if (ms > slowest)
            slowest = ms;
    }
    printf("drctl one host at a time: slowest   %6lld ms\n", (long long)slowest);
    printf("drctl one host at a time: sum       %6lld ms\n", (long long)sum);

    int64_t t0 = dr_now_ms();
    for (int i = 0; i < NHOSTS; i++) {
        dr_buf cmd = DR_BUF_INIT;
        dr_buf_printf(&cmd,
                      "ssh -q -p 2222 -i %s -o IdentitiesOnly=yes -o BatchMode=yes "
                      "-o UserKnownHostsFile=%s -o StrictHostKeyChecking=yes %s@%s.%d '%s' "
                      ">/dev/null",
                      key, known, user, net, LAB_HOSTS[i], CMD);
        int src = system(cmd.data);
        dr_buf_free(&cmd);
        if (src != 0) {
            fprintf(stderr, "ssh_fanout: OpenSSH client failed on %s.%d\n", net, LAB_HOSTS[i]);
            return 1;
        }
    }
    printf("OpenSSH client loop (sequential):   %6lld ms\n", (long long)(dr_now_ms() - t0));
    return 0;
}
