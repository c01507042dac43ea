/* PLACEHOLDER: replaced by the read_html tests. */
#include "harness.h"
static void placeholder(void **state) { (void)state; }
int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(placeholder)};
    int rc = cmocka_run_group_tests_name("read_html", tests, NULL, NULL);
    test_ctx_free();
    return rc;
}
