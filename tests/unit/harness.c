/* harness.c - see harness.h. */
#include "harness.h"

#include <stdio.h>
#include <string.h>

#include "ws_config.h"

static ws_ctx *shared_ctx;

ws_ctx *test_ctx(void)
{
    if (!shared_ctx) {
        ws_diag d;
        assert_int_equal(ws_ctx_new(NULL, &shared_ctx), WS_OK);
        int rc = ws_ctx_load_rules(shared_ctx, WS_SOURCE_RULES_DIR, &d);
        if (rc < 0)
            fail_msg("loading rules: %s:%u:%u: %s", d.file, d.line, d.col, d.message);
    }
    return shared_ctx;
}

void test_ctx_free(void)
{
    ws_ctx_free(shared_ctx);
    shared_ctx = NULL;
}

ws_report *test_analyze(const char *text, ws_input_format fmt)
{
    ws_input in = {sizeof in, fmt, "test", text, strlen(text), NULL};
    ws_report *r = NULL;
    ws_diag d;
    int rc = ws_analyze(test_ctx(), &in, &r, &d);
    if (rc < 0)
        fail_msg("ws_analyze: %s (%s)", ws_strerror(rc), d.message);
    assert_int_equal(ws_doc_check(&r->doc, true), 0);
    return r;
}

static char span_buf[8192];

const char *test_span_text(const ws_report *r, const ws_span *s)
{
    size_t n = s->text_end - s->text_start;
    if (n >= sizeof span_buf)
        n = sizeof span_buf - 1;
    memcpy(span_buf, ws_report_text(r, NULL) + s->text_start, n);
    span_buf[n] = '\0';
    return span_buf;
}

const char *test_span_source(const ws_report *r, const ws_span *s)
{
    size_t n = s->end - s->start;
    if (n >= sizeof span_buf)
        n = sizeof span_buf - 1;
    memcpy(span_buf, ws_report_source(r, NULL) + s->start, n);
    span_buf[n] = '\0';
    return span_buf;
}

uint32_t test_offset(const char *hay, const char *needle, int nth)
{
    const char *p = hay;
    for (int i = 0;; i++) {
        p = strstr(p, needle);
        if (!p)
            fail_msg("'%s' not found (occurrence %d)", needle, nth);
        if (i == nth)
            return (uint32_t)(p - hay);
        p++;
    }
}

const char *test_fixture(const char *rel)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/../fixtures/%s", WS_SOURCE_RULES_DIR, rel);
    FILE *fp = fopen(path, "rb");
    if (!fp)
        fail_msg("cannot open %s", path);
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, fp);
    fclose(fp);
    buf[n] = '\0';
    return buf;
}
