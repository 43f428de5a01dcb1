/* Unit tests for xmlsplice: a load and an apply without edits give the
 * input back byte for byte; edits change their span only, end tags keep
 * the start tag's prefix; roots are checked with the caller's names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "xmlsplice.h"

static const char *const roots[] = {"clickhouse", "yandex", NULL};

static void load_ok(xmlsplice_doc *d, const char *text, const char *const *r)
{
    dr_err err = {0};
    if (xmlsplice_load(d, "t.xml", text, strlen(text), r, &err) != DR_OK)
        fail_msg("%s", err.msg);
}

/* Applies d's edits; the result must equal want. */
static void apply_is(xmlsplice_doc *d, const char *want)
{
    xmlsplice_result out;
    dr_err err = {0};
    if (xmlsplice_apply(d, &out, &err) != DR_OK)
        fail_msg("%s", err.msg);
    assert_int_equal(out.len, strlen(want));
    assert_memory_equal(out.text, want, out.len);
    assert_int_equal(out.changed, strcmp(want, d->text) != 0);
    free(out.text);
    free(out.notes);
}

static void test_no_edit_is_the_input(void **state)
{
    (void)state;
    const char *in = "<?xml version='1.0'?>\r\n<yandex a='1'>\r\n\t<x/><!-- c -->\r\n"
                     "\t<y><![CDATA[<&>]]>&#65;</y>\r\n</yandex>";
    xmlsplice_doc d;
    load_ok(&d, in, roots);
    assert_string_equal(d.nl, "\r\n");
    assert_string_equal(d.unit, "\t");
    char *t = xmlsplice_text(&d, xmlsplice_child(d.root, "y"));
    assert_string_equal(t, "<&>A");
    free(t);
    apply_is(&d, in);
    xmlsplice_free(&d);
}

static void test_prefixed_empty_elements_keep_their_prefix(void **state)
{
    (void)state;
    const char *in = "<a xmlns:p=\"u\">\n  <p:b/>\n  <p:c/>\n</a>\n";
    xmlsplice_doc d;
    load_ok(&d, in, NULL);
    xmlsplice_set_text(&d, d.els[1].node, "v<");
    xmlsplice_place p;
    xmlsplice_place_end(&d, d.els[2].node, &p);
    xmlsplice_place_put(&d, &p, "<n>1</n>");
    xmlsplice_place_free(&p);
    apply_is(&d, "<a xmlns:p=\"u\">\n  <p:b>v&lt;</p:b>\n  <p:c>\n    <n>1</n>\n  </p:c>\n</a>\n");
    xmlsplice_free(&d);
}

static void test_delete_and_attributes(void **state)
{
    (void)state;
    const char *in = "<clickhouse>\n    <a k='1' j=\"2\"/>\n    <b/>\n</clickhouse>\n";
    xmlsplice_doc d;
    load_ok(&d, in, roots);
    xmlNode *a = xmlsplice_child(d.root, "a");
    xmlsplice_set_attr(&d, a, "k", "x&\"'");
    xmlsplice_drop_attr(&d, a, "j");
    xmlsplice_set_attr(&d, a, "new", "n");
    xmlsplice_delete(&d, xmlsplice_child(d.root, "b"));
    apply_is(&d, "<clickhouse>\n    <a k='x&amp;&quot;&apos;' new=\"n\"/>\n</clickhouse>\n");
    xmlsplice_free(&d);
}

static void test_roots_and_bad_input(void **state)
{
    (void)state;
    xmlsplice_doc d;
    dr_err err = {0};
    const char *cfg = "<config/>";
    assert_int_equal(xmlsplice_load(&d, "t.xml", cfg, strlen(cfg), roots, &err), DR_EPARSE);
    assert_string_equal(err.msg, "t.xml:1: root element is <config>: expected <clickhouse> or "
                                 "<yandex>");
    load_ok(&d, cfg, NULL);
    xmlsplice_free(&d);
    const char *bad = "<a>\n<b></a>";
    assert_int_equal(xmlsplice_load(&d, "t.xml", bad, strlen(bad), NULL, &err), DR_EPARSE);
    assert_non_null(strstr(err.msg, "t.xml:2:"));
    assert_non_null(strstr(err.msg, "malformed XML"));
    const char *dtd = "<!DOCTYPE a [<!ENTITY e 'x'>]><a>&e;</a>";
    assert_int_equal(xmlsplice_load(&d, "t.xml", dtd, strlen(dtd), NULL, &err), DR_EPARSE);
    assert_non_null(strstr(err.msg, "DOCTYPE"));
    assert_int_equal(xmlsplice_load(&d, "t.xml", " \n", 2, NULL, &err), DR_EPARSE);
    assert_string_equal(err.msg, "t.xml:1: empty file: expected a root element");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_edit_is_the_input),
        cmocka_unit_test(test_prefixed_empty_elements_keep_their_prefix),
        cmocka_unit_test(test_delete_and_attributes),
        cmocka_unit_test(test_roots_and_bad_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
