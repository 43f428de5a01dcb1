/* libFuzzer target: every fourlw parser on the same bytes, so one corpus
 * covers them all.
 *
 * The parsers' source is compiled into this file rather than taken from
 * libdrcore: the library is built without -fsanitize=fuzzer, so libFuzzer
 * would get no coverage from it and fuzz blind (measured: 6 edges from the
 * library build, against hundreds this way).  The archive's fourlw.o is
 * then never pulled in, since every symbol it defines is defined here. */
#include "../../engine/fourlw.c"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *t = (const char *)data;
    dr_err e;
    fourlw_srvr s;
    fourlw_parse_srvr("fuzz", t, size, &s, &e);
    fourlw_srvr_free(&s);
    fourlw_mntr m;
    if (fourlw_parse_mntr("fuzz", t, size, &m, &e) == DR_OK) {
        int64_t v;
        double d;
        fourlw_mntr_learners(&m, &v);
        fourlw_mntr_get_double(&m, "zk_avg_latency", &d);
    }
    fourlw_mntr_free(&m);
    fourlw_conf c;
    if (fourlw_parse_conf("fuzz", t, size, &c, &e) == DR_OK) {
        dr_buf b = DR_BUF_INIT;
        for (size_t i = 0; i < c.membership.n; i++)
            fourlw_member_format(&c.membership.members[i], &b);
        dr_buf_free(&b);
    }
    fourlw_conf_free(&c);
    fourlw_membership ms;
    fourlw_parse_membership("fuzz", t, size, &ms, &e);
    fourlw_membership_free(&ms);
    fourlw_lgif l;
    fourlw_parse_lgif("fuzz", t, size, &l, &e);
    fourlw_lgif_free(&l);
    fourlw_isro ro;
    fourlw_parse_isro("fuzz", t, size, &ro, &e);
    fourlw_parse_ruok("fuzz", t, size, &e);
    fourlw_parse_rcvr("fuzz", t, size, &e);
    fourlw_zxid z;
    fourlw_zxid_parse(t, size, &z);
    return 0;
}
