/* Fuzz target: arbitrary bytes as an inventory.  Besides "no crash, no leak",
 * it checks two properties on every input that loads: the errors list is
 * empty, and `show`'s YAML reloads to an inventory that shows the same (the
 * output is itself a valid inventory).  The JSON writer must accept the
 * JSON output without misuse. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "inventory.h"
#include "json.h"

static const char *fuzz_getenv(const char *name, void *ctx)
{
    (void)ctx;
    if (!strcmp(name, "HOME"))
        return "/home/fuzz";
    if (!strcmp(name, "A"))
        return "a";
    if (!strcmp(name, "E"))
        return "";
    return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    inventory_options opts = {fuzz_getenv, NULL};
    inventory_t *inv = NULL;
    inventory_errors errs;
    inventory_errors_init(&errs);
    dr_err err = {0};
    int rc = inventory_load_buffer("fuzz.yaml", (const char *)data, size, &opts, &inv, &errs, &err);
    dr_buf text = DR_BUF_INIT;
    inventory_errors_format(&errs, &text);
    if (rc == DR_OK) {
        if (errs.count)
            abort();
        dr_buf y1 = DR_BUF_INIT, y2 = DR_BUF_INIT, j = DR_BUF_INIT;
        if (inventory_write_yaml(inv, &y1, &err) != DR_OK)
            abort(); /* values read from YAML are UTF-8 */
        json_writer w;
        json_writer_init(&w, &j, JSON_PRETTY);
        inventory_write_json(inv, &w);
        if (json_writer_finish(&w) != DR_OK)
            abort();
        inventory_t *again = NULL;
        if (inventory_load_buffer("shown", y1.data, y1.len, &opts, &again, NULL, &err) != DR_OK)
            abort(); /* show printed something that is not a valid inventory */
        if (inventory_write_yaml(again, &y2, &err) != DR_OK)
            abort();
        if (strcmp(y1.data, y2.data))
            abort(); /* it reloaded to something else */
        inventory_free(again);
        dr_buf_free(&y1);
        dr_buf_free(&y2);
        dr_buf_free(&j);
        inventory_free(inv);
    } else if (inv || (rc == DR_EINVAL && !errs.count)) {
        abort();
    }
    dr_buf_free(&text);
    inventory_errors_free(&errs);
    return 0;
}
