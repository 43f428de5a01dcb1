/* Benchmark: drctl's ssh pool against a fleet of hosts (bench/fleet_bench.sh
 * runs it against one sshd serving many loopback addresses).
 *   fleet_fanout_bench KNOWN_HOSTS KEY HOSTS_FILE [REPEAT]
 * HOSTS_FILE has one "user@host:port" a line.  Prints, one per line:
 *   cold_ms   `true` on every host with a fresh pool (connect, auth, exec)
 *   warm_ms   the same again on the open sessions
 *   b2b_us    mean of REPEAT (default 50) back-to-back `true` on one session
 *   failed    hosts that failed in the cold round */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ssh.h"

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: %s KNOWN_HOSTS KEY HOSTS_FILE [REPEAT]\n", argv[0]);
        return 2;
    }
    int repeat = argc > 4 ? atoi(argv[4]) : 50;
    dr_buf text = DR_BUF_INIT;
    dr_err e = {0};
    if (dr_read_file(argv[3], &text, &e) != DR_OK) {
        fprintf(stderr, "fleet_fanout: %s\n", e.msg);
        return 2;
    }
    size_t n = 0, cap = 64;
    const char **hosts = dr_calloc(cap, sizeof *hosts);
    for (char *line = strtok(text.data, "\n"); line; line = strtok(NULL, "\n")) {
        if (!*line)
            continue;
        if (n == cap)
            hosts = dr_realloc(hosts, (cap *= 2) * sizeof *hosts);
        hosts[n++] = line;
    }
    if (!n) {
        fprintf(stderr, "fleet_fanout: no hosts in %s\n", argv[3]);
        return 2;
    }
    ssh_config cfg = {.known_hosts = argv[1], .identity = argv[2], .connect_timeout_ms = 30000};
    ssh_pool *p = NULL;
    if (ssh_pool_new(&cfg, &p, &e) != DR_OK) {
        fprintf(stderr, "fleet_fanout: %s\n", e.msg);
        return 2;
    }
    ssh_result *r = dr_calloc(n, sizeof *r);
    int64_t t0 = dr_now_ms();
    size_t failed = ssh_exec_many(p, hosts, n, "true", 0, r);
    int64_t cold = dr_now_ms() - t0;
    int shown = 0;
    for (size_t i = 0; i < n; i++) {
        if (r[i].rc != DR_OK && shown++ < 3)
            fprintf(stderr, "fleet_fanout: %s\n", r[i].err.msg);
        ssh_result_free(&r[i]);
    }
    t0 = dr_now_ms();
    ssh_exec_many(p, hosts, n, "true", 0, r);
    int64_t warm = dr_now_ms() - t0;
    for (size_t i = 0; i < n; i++)
        ssh_result_free(&r[i]);
    /* back to back on one session: a round trip each, no connect */
    ssh_result one;
    ssh_exec(p, hosts[0], "true", 0, &one);
    ssh_result_free(&one);
    int64_t t1 = dr_now_ms();
    for (int i = 0; i < repeat; i++) {
        ssh_exec(p, hosts[0], "true", 0, &one);
        ssh_result_free(&one);
    }
    double b2b_us = (double)(dr_now_ms() - t1) * 1000.0 / (repeat > 0 ? repeat : 1);
    printf("cold_ms %lld\nwarm_ms %lld\nb2b_us %.0f\nfailed %zu\n", (long long)cold,
           (long long)warm, b2b_us, failed);
    free(r);
    ssh_pool_free(p);
    free(hosts);
    dr_buf_free(&text);
    return failed ? 1 : 0;
}
