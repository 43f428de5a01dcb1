/* testdir: where the unit tests find their data, tests/data:
 * $DRCTL_TESTDATA when set (ctest sets it), else the tests/data of the
 * source tree the test was built from (DRCTL_SOURCE_DIR, compiled in), so
 * that a test binary runs alone, from any directory, with no environment. */
#ifndef TESTDIR_H
#define TESTDIR_H

#include <stdlib.h>

static inline const char *testdata_dir(void)
{
    const char *dir = getenv("DRCTL_TESTDATA");
    return dir && *dir ? dir : DRCTL_SOURCE_DIR "/tests/data";
}

#endif
