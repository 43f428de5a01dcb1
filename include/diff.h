/* diff: unified diffs ("diff -u" format) of two texts, for showing what a
 * runbook step would change in a file before it changes it (dry runs,
 * journals, reports).
 *
 * The output follows GNU diff -u: "--- a/PATH" / "+++ b/PATH" headers, @@
 * hunks with DIFF_CONTEXT lines of context, changes less than
 * 2 * DIFF_CONTEXT lines apart merged into one hunk, and
 * "\ No newline at end of file" after a last line that has no newline.
 * Lines are compared byte for byte (a final line without "\n" differs from the
 * same line with one, as in GNU diff).  The edit script is a shortest one
 * (Myers, linear space); for very different inputs a cost limit switches to a
 * valid but possibly longer script so that time stays bounded. */
#ifndef DR_DIFF_H
#define DR_DIFF_H

#include <stddef.h>

#include "util.h"

#define DIFF_CONTEXT 3

typedef struct diff_stats {
    size_t added;   /* lines only in after */
    size_t removed; /* lines only in before */
    size_t hunks;
} diff_stats;

/* Appends to out the unified diff turning before into after, labelled
 * "a/<path>" and "b/<path>" (path may be NULL: "a" and "b"; leading '/' are
 * dropped, so /etc/zoo.cfg gives a/etc/zoo.cfg).  Appends nothing
 * when the texts are equal.  The texts need not be NUL-terminated and may
 * contain NUL bytes.  stats (may be NULL) receives the counts.
 * Returns 0 when equal, 1 when they differ; it cannot fail (memory exhaustion
 * aborts, see dr_buf). */
int diff_unified(const char *path, const char *before, size_t before_len, const char *after,
                 size_t after_len, dr_buf *out, diff_stats *stats);

#endif
