/* libFuzzer target for keeperxml: any input either fails with an error or
 * parses; rendering is a fixed point, and putting back the document's own
 * membership changes no byte. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "keeperxml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    keeperxml *k = NULL;
    dr_err err = {0};
    if (keeperxml_parse("fuzz", (const char *)data, size, &k, &err) != 0) {
        if (!err.msg[0])
            abort();
        return 0;
    }
    dr_buf out = DR_BUF_INIT, again = DR_BUF_INIT;
    keeperxml_render(k, &out);
    keeperxml_members m = {0};
    keeperxml_members_get(k, &m);
    if (keeperxml_members_put(k, &m, 1, NULL, &err) != 0)
        abort(); /* no role changes: never refused */
    keeperxml_render(k, &again);
    if (again.len != out.len || memcmp(again.data, out.data, out.len) != 0)
        abort();
    keeperxml_info info;
    keeperxml_info_get(k, &info);
    keeperxml_info_clear(&info);
    /* A real change, then the same patch on the output parsed anew: the
     * bytes must not move (idempotent patching). */
    if (m.n > 0) {
        if (m.v[0].role == KEEPERXML_PARTICIPANT)
            keeperxml_demote(&m, m.v[0].id, NULL);
        else
            keeperxml_promote(&m, m.v[0].id, NULL);
        keeperxml_server extra = {.id = 1000,
                                  .hostname = "new.example",
                                  .port = 9234,
                                  .role = KEEPERXML_LEARNER,
                                  .priority = -1,
                                  .start_as_follower = -1};
        keeperxml_members_add(&m, &extra);
        if (keeperxml_members_put(k, &m, 0, NULL, &err) != 0)
            abort();
        dr_buf_reset(&out);
        keeperxml_render(k, &out);
        keeperxml *k2 = NULL;
        if (keeperxml_parse("again", out.data, out.len, &k2, &err) != 0)
            abort(); /* our output must parse */
        if (keeperxml_members_put(k2, &m, 0, NULL, &err) != 0)
            abort();
        dr_buf_reset(&again);
        keeperxml_render(k2, &again);
        if (again.len != out.len || memcmp(again.data, out.data, out.len) != 0)
            abort();
        keeperxml_free(k2);
    }
    keeperxml_members_free(&m);
    dr_buf_free(&out);
    dr_buf_free(&again);
    keeperxml_free(k);
    return 0;
}
