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
    if (keeperxml_members_validate(&m, &err) == 0 && m.n > 0) {
        keeperxml_steps st = {0};
        if (m.v[0].role == KEEPERXML_PARTICIPANT &&
            keeperxml_recovery_steps(&m, &m, m.v[0].id, "/l", "/s", &st, &err) != 0)
            abort();
        keeperxml_steps_free(&st);
    }
    keeperxml_members_free(&m);
    dr_buf_free(&out);
    dr_buf_free(&again);
    keeperxml_free(k);
    return 0;
}
