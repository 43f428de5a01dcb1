/* libFuzzer target for the journal's record scanner: any bytes split into
 * records without a crash, and the split holds its contract: records lie
 * inside the text, in order, each framed one's checksum matches, every
 * byte before the first damage (or the torn tail) belongs to a record
 * line, and a clean scan of the records re-framed gives the same payloads. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "journal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    journal_scan s;
    journal_scan_text((const char *)data, size, &s);
    size_t end = 0;
    dr_buf again = DR_BUF_INIT;
    for (size_t i = 0; i < s.n; i++) {
        if (s.at[i] != end || s.off[i] < s.at[i] || s.off[i] + s.len[i] > size ||
            s.text.data[s.off[i] + s.len[i]] != '\n')
            abort();
        const char *p = s.text.data + s.off[i];
        if (memchr(p, '\0', s.len[i]) || memchr(p, '\n', s.len[i]))
            abort();
        end = s.off[i] + s.len[i] + 1;
        dr_buf_printf(&again, "@%zu:%08x:", s.len[i], (unsigned)journal_crc32(p, s.len[i]));
        dr_buf_append(&again, p, s.len[i]);
        dr_buf_putc(&again, '\n');
    }
    if (s.corrupt && (s.corrupt_at < end || s.corrupt_at >= size))
        abort();
    if (s.torn && (s.torn_at != end || s.corrupt))
        abort();
    if (!s.corrupt && !s.torn && end != size)
        abort();
    journal_scan t;
    journal_scan_text(again.data, again.len, &t);
    if (t.n != s.n || t.corrupt || t.torn)
        abort();
    for (size_t i = 0; i < t.n; i++)
        if (t.len[i] != s.len[i] ||
            memcmp(t.text.data + t.off[i], s.text.data + s.off[i], s.len[i]) != 0)
            abort();
    journal_scan_free(&t);
    journal_scan_free(&s);
    dr_buf_free(&again);
    return 0;
}
