/* chconf benchmark: reads and patches a generated remote_servers file of
 * `clusters` clusters x 4 shards (and Debian's stock config.xml if given),
 * and prints the time per call.  A patch parses the text, splices it and
 * parses the result again as a check. */
#include <stdio.h>
#include <stdlib.h>

#include "chconf.h"

static double per_call_ms(int64_t t0, int n)
{
    return (double)(dr_now_ms() - t0) / n;
}

static int bench(const char *what, const chconf_in *in, int rounds)
{
    dr_err e = {0};
    int64_t t0 = dr_now_ms();
    for (int i = 0; i < rounds; i++) {
        chconf_remote r;
        if (chconf_remote_read(in, &r, &e) != DR_OK) {
            fprintf(stderr, "%s\n", e.msg);
            return 1;
        }
        chconf_remote_free(&r);
    }
    printf("%s: %zu bytes: remote_read %.2f ms\n", what, in->len, per_call_ms(t0, rounds));
    t0 = dr_now_ms();
    for (int i = 0; i < rounds; i++) {
        const chconf_replica_spec rep = {"new.example", 9000, NULL, 0};
        chconf_out out;
        if (chconf_remote_add_replica(in, "c0", 1, &rep, CHCONF_INLINE, &out, &e) != DR_OK) {
            fprintf(stderr, "%s\n", e.msg);
            return 1;
        }
        chconf_out_free(&out);
    }
    printf("%s: %zu bytes: remote_add_replica %.2f ms\n", what, in->len, per_call_ms(t0, rounds));
    return 0;
}

int main(int argc, char **argv)
{
    int clusters = argc > 1 ? atoi(argv[1]) : 600, rounds = argc > 2 ? atoi(argv[2]) : 20;
    if (clusters < 1 || rounds < 1) {
        fprintf(stderr, "usage: chconf_bench [clusters [rounds [config.xml]]]\n");
        return 2;
    }
    dr_buf b = DR_BUF_INIT;
    dr_buf_puts(&b, "<yandex>\n    <remote_servers>\n");
    for (int c = 0; c < clusters; c++) {
        dr_buf_printf(&b, "        <c%d>\n", c);
        for (int s = 0; s < 4; s++)
            dr_buf_printf(&b,
                          "            <shard>\n                <replica>\n"
                          "                    <host>h%d-%d.example</host>\n"
                          "                    <port>9000</port>\n"
                          "                </replica>\n            </shard>\n",
                          c, s);
        dr_buf_printf(&b, "        </c%d>\n", c);
    }
    dr_buf_puts(&b, "    </remote_servers>\n</yandex>\n");
    chconf_in in = {"generated.xml", b.data, b.len, NULL};
    int rc = bench("generated", &in, rounds);
    if (!rc && argc > 3) {
        dr_buf f = DR_BUF_INIT;
        dr_err e = {0};
        if (dr_read_file(argv[3], &f, &e) != DR_OK) {
            fprintf(stderr, "%s\n", e.msg);
            return 1;
        }
        chconf_in stock = {argv[3], f.data, f.len, NULL};
        rc = bench(argv[3], &stock, rounds);
        dr_buf_free(&f);
    }
    dr_buf_free(&b);
    return rc;
}
