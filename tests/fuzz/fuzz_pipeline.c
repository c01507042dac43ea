/*
 * fuzz_pipeline.c - libFuzzer harness for the whole pipeline: the default
 * rules of the source tree, any input format, then every renderer.
 *
 * Input: one options byte, one path byte and as many path bytes as its
 * low five bits say, then the article. The options byte:
 *   bits 0-1  input format: auto (from the path), text, markdown, html
 *   bit  2    colour (text output)
 *   bits 3-4  min_level
 *   bit  5    render a run of three: the report, a failure, the report again
 *   bit  6    the sink fails after 2^(6 + the path byte's top three bits)
 *             bytes: the renderers must say so, and not crash
 */
#include "fuzz_common.h"

static ws_ctx *ctx;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    ctx = fuzz_ctx(WS_SOURCE_RULES_DIR);
    return 0;
}

/* A sink that keeps the output and fails once @fail_at bytes are written. */
typedef struct failing_out {
    fuzz_out out;
    size_t fail_at;
    bool failed;
} failing_out;

static int failing_write(void *ud, const char *buf, size_t len)
{
    failing_out *f = ud;
    if (f->failed || f->out.len + len > f->fail_at) {
        f->failed = true;
        return WS_EIO;
    }
    return fuzz_out_write(&f->out, buf, len);
}

static const ws_input_format formats[4] = {WS_INPUT_AUTO, WS_INPUT_TEXT, WS_INPUT_MARKDOWN,
                                           WS_INPUT_HTML};

/*
 * Every format over the report (or the failure). Paths are bytes: a path
 * that is not UTF-8 may pass through to the text output, but the other
 * formats are for programs and must stay valid UTF-8.
 */
static void render_all(const ws_report *rep, const char *path, const ws_diag *d,
                       const ws_render_options *opts, bool run_of_three, size_t fail_at)
{
    size_t bad = 0;
    bool path_is_utf8 = ws_utf8_validate(path, strlen(path), &bad) == 0;
    for (int fmt = 0; fmt < WS_FORMAT_COUNT_; fmt++) {
        const char *name = ws_format_name((ws_format)fmt);
        failing_out f = {{NULL, 0, 0}, fail_at, false};
        fuzz_out out = {NULL, 0, 0};
        ws_sink sink = {fuzz_out_write, &out};
        if (fail_at != SIZE_MAX)
            sink = (ws_sink){failing_write, &f};
        ws_renderer *r = NULL;
        int rc = ws_renderer_new(ctx, (ws_format)fmt, opts, &sink, &r);
        if (rc < 0 && f.failed) {
            free(f.out.data);
            continue; /* the header did not fit */
        }
        if (rc < 0)
            fuzz_fail("ws_renderer_new", name);
        rc = rep ? ws_renderer_add(r, rep) : ws_renderer_add_failure(r, path, d);
        if (rc >= 0 && run_of_three) {
            ws_diag other;
            memset(&other, 0, sizeof other);
            other.code = WS_EIO;
            snprintf(other.file, sizeof other.file, "%s", path);
            snprintf(other.message, sizeof other.message, "read error: Input/output error");
            rc = ws_renderer_add_failure(r, path, &other);
            if (rc >= 0)
                rc = rep ? ws_renderer_add(r, rep) : ws_renderer_add_failure(r, path, d);
        }
        if (fail_at != SIZE_MAX) {
            /* Whatever failed, the renderer must say so by the end. */
            if (rc >= 0)
                rc = ws_renderer_finish(r);
            ws_renderer_free(r);
            if (f.failed && rc >= 0)
                fuzz_fail("a renderer did not report the sink's error", name);
            if (!f.failed && rc < 0)
                fuzz_fail("a renderer failed with a working sink", name);
            free(f.out.data);
            continue;
        }
        if (rc < 0)
            fuzz_fail("ws_renderer_add", name);
        if (ws_renderer_finish(r) < 0)
            fuzz_fail("ws_renderer_finish", name);
        ws_renderer_free(r);
        if ((path_is_utf8 || fmt != WS_FORMAT_TEXT) && out.len &&
            ws_utf8_validate(out.data, out.len, &bad) < 0) {
            fprintf(stderr, "fuzz: byte %zu of %zu\n", bad, out.len);
            fuzz_fail("the output is not valid UTF-8", name);
        }
        free(out.data);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_LEN || size < 2)
        return -1;
    uint8_t o = data[0];
    size_t path_len = data[1] % 32;
    size_t fail_at = (o >> 6) & 1 ? (size_t)1 << (6 + (data[1] >> 5)) : SIZE_MAX;
    if (2 + path_len > size)
        return -1;
    char path[40] = "fuzz";
    if (path_len) {
        memcpy(path, data + 2, path_len);
        path[path_len] = '\0';
    }
    data += 2 + path_len;
    size -= 2 + path_len;

    ws_render_options opts;
    memset(&opts, 0, sizeof opts);
    opts.size = sizeof opts;
    opts.color = (o >> 2) & 1;
    opts.min_level = (ws_level)((o >> 3) & 3);
    bool run_of_three = (o >> 5) & 1;

    /* An embedded NUL ends the path early, as it would on the command line. */
    ws_input in = fuzz_input(formats[o & 3], path[0] ? path : NULL, data, size);
    ws_report *rep = NULL;
    ws_diag d;
    memset(&d, 0, sizeof d);
    int rc = ws_analyze(ctx, &in, &rep, &d);
    const char *shown = path[0] ? path : "<input>";
    if (rc < 0) {
        if (rep)
            fuzz_fail("a failed ws_analyze left a report", NULL);
        if (rc != WS_EUTF8 && rc != WS_EBINARY)
            fuzz_fail("ws_analyze failed", ws_strerror(rc));
        render_all(NULL, shown, &d, &opts, run_of_three, fail_at);
        return 0;
    }
    /* The path comes back as given, or repaired to UTF-8 when it was not. */
    size_t bad;
    const char *got = ws_report_path(rep);
    if (ws_utf8_validate(got, strlen(got), &bad) < 0 ||
        (ws_utf8_validate(shown, strlen(shown), &bad) == 0 && strcmp(got, shown) != 0))
        fuzz_fail("ws_report_path", NULL);
    fuzz_check_report(rep);
    render_all(rep, shown, NULL, &opts, run_of_three, fail_at);
    ws_report_free(rep);
    return 0;
}
