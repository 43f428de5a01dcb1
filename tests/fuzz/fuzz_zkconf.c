/* libFuzzer target for zkconf: any input either fails with an error or
 * parses, renders back byte for byte, survives membership patching with its
 * own membership unchanged, and plans a write without crashing. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "zkconf.h"

static void check(const uint8_t *data, size_t size, zkconf_kind kind)
{
    zkconf *c = NULL;
    dr_err err = {0};
    if (zkconf_parse("fuzz", (const char *)data, size, kind, &c, &err) != 0) {
        if (!err.msg[0])
            abort(); /* every failure says why */
        return;
    }
    dr_buf out = DR_BUF_INIT, again = DR_BUF_INIT;
    zkconf_render(c, &out);
    if (out.len != size || memcmp(out.data, data, size) != 0)
        abort(); /* round trip must be byte-equal */
    zkconf_members m = {0};
    zkconf_members_get(c, &m);
    if (zkconf_members_put(c, &m, &err) == 0) {
        zkconf_render(c, &again);
        if (again.len != out.len || memcmp(again.data, out.data, out.len) != 0)
            abort(); /* putting the same membership changes nothing */
    }
    if (kind == ZKCONF_STATIC && m.n > 0) {
        zkconf_write w;
        const char *entries[] = {"zoo.cfg.dynamic.100000000", "zoo.cfg.dynamic.next"};
        if (zkconf_write_plan(c, &m, m.v[0].id, "/etc/zookeeper/conf/zoo.cfg.dynamic", entries, 2,
                              &w, &err) == 0) {
            zkconf *d = NULL;
            if (zkconf_parse("dyn", w.dynamic_text, w.dynamic_len, ZKCONF_DYNAMIC, &d, &err) != 0)
                abort(); /* what we write must parse */
            zkconf_free(d);
            zkconf_write_free(&w);
        }
        dr_buf j = DR_BUF_INIT, l = DR_BUF_INIT;
        zkconf_reconfig_args(&m, &m, &j, &l);
        if (j.len || l.len)
            abort();
        dr_buf_free(&j);
        dr_buf_free(&l);
    }
    zkconf_members_free(&m);
    dr_buf_free(&out);
    dr_buf_free(&again);
    zkconf_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check(data, size, ZKCONF_STATIC);
    check(data, size, ZKCONF_DYNAMIC);
    check(data, size, ZKCONF_ZNODE);
    return 0;
}
