/* Unit tests for the dr.diff binding: the same bytes as the C module's golden
 * diffs, counts, new files against /dev/null, equal texts giving "", and
 * misuse raising. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "diff_lua.h"
#include "lua_testlib.h"

static int setup(void **state)
{
    *state = lt_state("dr.diff", luaopen_dr_diff, "diff", "diff", NULL);
    return *state ? 0 : -1;
}

static void test_golden(void **state)
{
    lua_State *L = *state;
    /* the files test_diff finds byte-equal to GNU diff -u */
    lt_run(
        L,
        "for _, n in ipairs({'zoocfg', 'nonl1', 'nonl2', 'nonl3', 'empty1', 'empty2',\n"
        "                    'gaps', 'blank', 'alldiff'}) do\n"
        "  local text, st = diff.unified('etc/' .. n, load(n .. '.before'), load(n .. '.after'))\n"
        "  assert(text == load(n .. '.diff'), n .. ':\\n' .. text)\n"
        "  local plus, minus, hunks = 0, 0, 0\n"
        "  for line in text:gmatch('[^\\n]*\\n') do\n"
        "    if line:find('^%+') and not line:find('^%+%+%+ ') then plus = plus + 1 end\n"
        "    if line:find('^%-') and not line:find('^%-%-%- ') then minus = minus + 1 end\n"
        "    if line:find('^@@ ') then hunks = hunks + 1 end\n"
        "  end\n"
        "  assert(st.added == plus and st.removed == minus and st.hunks == hunks, n)\n"
        "end\n");
}

static void test_equal_and_new(void **state)
{
    lua_State *L = *state;
    lt_run(
        L,
        "local t, st = diff.unified('x', 'a\\nb\\n', 'a\\nb\\n')\n"
        "assert(t == '' and st.added == 0 and st.removed == 0 and st.hunks == 0)\n"
        "t, st = diff.unified('etc/new.xml', nil, 'one\\ntwo\\n')\n"
        "assert(t == '--- /dev/null\\n+++ b/etc/new.xml\\n@@ -0,0 +1,2 @@\\n+one\\n+two\\n', t)\n"
        "assert(st.added == 2 and st.removed == 0 and st.hunks == 1)\n"
        "assert(diff.unified('e', nil, '') == '')\n"
        "t = diff.unified(nil, 'a\\n', 'b\\n')\n"
        "assert(t == '--- a\\n+++ b\\n@@ -1 +1 @@\\n-a\\n+b\\n', t)\n"
        "-- bytes, not text: NULs pass through\n"
        "t = diff.unified('bin', 'x\\0y\\n', 'x\\0z\\n')\n"
        "assert(t:find('-x\\0y\\n+x\\0z\\n', 1, true), t)\n");
}

static void test_misuse(void **state)
{
    lua_State *L = *state;
    lt_run(L,
           "raises(function() diff.unified('p', 'a') end, \"bad argument #3 to 'unified'\")\n"
           "raises(function() diff.unified('p', {}, 'a') end, \"bad argument #2 to 'unified'\")\n"
           "raises(function() diff.unified({}, 'a', 'b') end, \"bad argument #1 to 'unified'\")\n"
           "raises(function() diff.unified('a\\0b', 'a', 'b') end, 'NUL')\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_golden, setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_equal_and_new, setup, lt_teardown),
        cmocka_unit_test_setup_teardown(test_misuse, setup, lt_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
