/* libFuzzer target for chconf: the first byte picks a patch (and its flags),
 * the rest is the config text.  Every reader runs on the text; the patch, when
 * it succeeds, is applied again to its own output, which must come back
 * unchanged (idempotency), and the second output must read back cleanly. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The module's sources (and the splice engine under it) are compiled into
 * this target so that libFuzzer's coverage instrumentation (-fsanitize=fuzzer
 * on this file only) sees them; the copies in the drcore library are then
 * never linked in. */
#include "../../engine/xmlsplice.c"
#include "../../engine/chconf.c"
#include "../../engine/chconf_zk.c"
#include "../../engine/chconf_remote.c"
#include "../../engine/chconf_macros.c"

static const chconf_endpoint zk_nodes[] = {{"zk4", 2181}, {"zk5", 2181}, {"zk1", 2181}};
static const chconf_endpoint drop[] = {{"h2", 0}, {"ch3", 9000}};
static const chconf_pair extra[] = {{"user", "u"}};
static const chconf_replica_spec rep = {"ch3", 9000, extra, 1};
static const chconf_replica_spec reps[] = {{"h1", 9000, NULL, 0}, {"h2", 9000, NULL, 0}};
static const chconf_shard_spec shard = {reps, 2};
static const chconf_cluster_spec cluster = {"c1", NULL, &shard, 1};
static const chconf_pair macros[] = {{"replica", "r&1"}, {"layer", "l<2"}, {"shard", "01"}};
static const char *sections[] = {NULL, "zookeeper-servers", "c1", "macros"};

static int patch(unsigned op, const chconf_in *in, chconf_out *out, dr_err *err)
{
    unsigned flags = (op >> 3) & 7u;
    switch (op & 7u) {
    case 0:
        return chconf_zk_set_nodes(in, zk_nodes, 1 + (op >> 6) % 3, flags, out, err);
    case 1:
        return chconf_remote_add_replica(in, "c1", 1, &rep, flags, out, err);
    case 2:
        return chconf_remote_add_replica(in, "c1", CHCONF_NEW_SHARD, &rep, flags, out, err);
    case 3:
        return chconf_remote_remove_hosts(in, "c1", drop, 2, flags, out, err);
    case 4:
        return chconf_remote_create_cluster(in, &cluster, flags, out, err);
    case 5:
        return chconf_macros_set(in, macros, 1 + (op >> 6) % 3, flags, out, err);
    case 6:
        return chconf_remote_add_replica(in, "all", 2, &rep, flags, out, err);
    default:
        return chconf_macros_set(in, macros + 1, 2, flags, out, err);
    }
}

static void read_all(const chconf_in *in)
{
    dr_err err = {0};
    chconf_zk zk;
    chconf_remote r;
    chconf_macros m;
    chconf_includes inc;
    char *root = NULL;
    if (chconf_root(in, &root, &err) == DR_OK)
        free(root);
    if (chconf_zk_read(in, &zk, &err) == DR_OK)
        chconf_zk_free(&zk);
    if (chconf_remote_read(in, &r, &err) == DR_OK)
        chconf_remote_free(&r);
    if (chconf_macros_read(in, &m, &err) == DR_OK)
        chconf_macros_free(&m);
    if (chconf_includes_read(in, &inc, &err) == DR_OK)
        chconf_includes_free(&inc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    unsigned op = data[0] | (unsigned)data[1] << 8;
    chconf_in in = {"fuzz.xml", (const char *)data + 2, size - 2, sections[(op >> 9) & 3u]};
    read_all(&in);
    chconf_out out = {0}, again = {0};
    dr_err err = {0};
    if (patch(op, &in, &out, &err) != DR_OK) {
        if (out.text || !err.msg[0])
            abort(); /* a failure leaves no output and says why */
        return 0;
    }
    chconf_in in2 = {"fuzz.xml", out.text, out.len, in.section};
    if (patch(op, &in2, &again, &err) != DR_OK) {
        fprintf(stderr, "second run failed: %s\n", err.msg);
        abort();
    }
    if (again.changed || again.len != out.len || memcmp(again.text, out.text, out.len) != 0) {
        fprintf(stderr, "not idempotent:\n---- first\n%s\n---- second\n%s\n", out.text, again.text);
        abort();
    }
    read_all(&in2);
    chconf_out_free(&out);
    chconf_out_free(&again);
    return 0;
}
