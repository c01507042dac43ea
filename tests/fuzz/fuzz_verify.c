/*
 * fuzz_verify.c - libFuzzer harness for quote verification: sources loaded
 * from memory, an article checked against them, every renderer.
 *
 * Input: one options byte, then parts separated by lines "%%": every part
 * but the last is a source, the last is the article; with one part only, it
 * is both (so that verbatim and near matches are common). The options byte:
 *   bits 0-1  the article's format: text, text, markdown, html
 *   bits 2-3  the sources' format: the same
 */
#include "fuzz_common.h"

enum { MAX_SOURCES = 4 };

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

static const ws_input_format formats[4] = {WS_INPUT_TEXT, WS_INPUT_TEXT, WS_INPUT_MARKDOWN,
                                           WS_INPUT_HTML};

static const uint8_t *find_separator(const uint8_t *data, size_t size)
{
    for (size_t i = 0; i + 4 <= size; i++)
        if (memcmp(data + i, "\n%%\n", 4) == 0)
            return data + i;
    return NULL;
}

static void check_verifications(const ws_ctx *ctx, const ws_report *rep)
{
    size_t n = ws_report_n_verifications(rep);
    for (size_t i = 0; i < n; i++) {
        const ws_verification *v = ws_report_verification(rep, i);
        if (!v)
            fuzz_fail("ws_report_verification", NULL);
        if (v->quotation >= ws_report_n_quotations(rep))
            fuzz_fail("verification of a quotation out of range", NULL);
        if (v->statement < -1 || v->statement >= (int)ws_report_n_statements(rep))
            fuzz_fail("verification statement out of range", NULL);
        if (v->n_matched > v->n_words || v->similarity > 100)
            fuzz_fail("verification counts", NULL);
        (void)ws_verify_status_name(v->status);
        if (v->status == WS_VERIFY_MISSING) {
            if (v->source_path || v->passage || v->n_ops)
                fuzz_fail("a missing quotation with a source", NULL);
            continue;
        }
        if (v->status != WS_VERIFY_VERBATIM && v->status != WS_VERIFY_NEAR)
            fuzz_fail("unknown verification status", NULL);
        if (!v->source_path || !v->passage)
            fuzz_fail("a found quotation without its source", NULL);
        bool known = false;
        for (size_t s = 0; s < ws_ctx_n_sources(ctx) && !known; s++)
            known = strcmp(ws_ctx_source_path(ctx, s), v->source_path) == 0;
        if (!known)
            fuzz_fail("a verification names a source that is not loaded", v->source_path);
        if (v->source_span.start > v->source_span.end ||
            v->source_span.text_start > v->source_span.text_end)
            fuzz_fail("verification source span", NULL);
        fuzz_check_span(rep, &ws_report_quotation(rep, v->quotation)->span, "verified quotation");
        for (size_t k = 0; k < v->n_ops; k++) {
            const ws_diff_op *op = &v->ops[k];
            if (!op->quote_text || !op->source_text)
                fuzz_fail("a diff step without its texts", NULL);
            (void)ws_diff_kind_name(op->kind);
            (void)ws_diff_mark_name(op->mark);
            if (op->kind != WS_DIFF_DROPPED)
                fuzz_check_span(rep, &op->quote_span, "diff quote span");
            if (op->source_span.start > op->source_span.end)
                fuzz_fail("diff source span", NULL);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_LEN || size < 1)
        return -1;
    uint8_t o = data[0];
    data++;
    size--;
    const uint8_t *part[MAX_SOURCES + 1];
    size_t part_len[MAX_SOURCES + 1], n_parts = 0;
    const uint8_t *p = data, *end = data + size;
    while (n_parts < MAX_SOURCES) {
        const uint8_t *sep = find_separator(p, (size_t)(end - p));
        if (!sep)
            break;
        part[n_parts] = p;
        part_len[n_parts++] = (size_t)(sep - p) + 1;
        p = sep + 4;
    }
    part[n_parts] = p;
    part_len[n_parts++] = (size_t)(end - p);

    ws_ctx *ctx = fuzz_ctx(NULL);
    size_t n_sources = n_parts > 1 ? n_parts - 1 : 1;
    for (size_t i = 0; i < n_sources; i++) {
        char name[32];
        snprintf(name, sizeof name, "source%zu", i);
        ws_diag d;
        memset(&d, 0, sizeof d);
        int rc = ws_ctx_add_source_text(ctx, name, formats[(o >> 2) & 3], (const char *)part[i],
                                        part_len[i], &d);
        if (rc < 0 && rc != WS_EUTF8 && rc != WS_EBINARY)
            fuzz_fail("ws_ctx_add_source_text", ws_strerror(rc));
        if (rc < 0 && !d.message[0])
            fuzz_fail("a source failed without a message", NULL);
    }
    if (ws_ctx_n_sources(ctx) > n_sources)
        fuzz_fail("more sources than added", NULL);

    const uint8_t *article = part[n_parts - 1];
    size_t article_len = part_len[n_parts - 1];
    ws_input in = fuzz_input(formats[o & 3], "article", article, article_len);
    ws_report *rep = NULL;
    ws_diag d;
    memset(&d, 0, sizeof d);
    int rc = ws_analyze(ctx, &in, &rep, &d);
    if (rc < 0) {
        if (rc != WS_EUTF8 && rc != WS_EBINARY)
            fuzz_fail("ws_analyze failed", ws_strerror(rc));
        fuzz_render_all(ctx, NULL, in.path, &d, NULL);
    } else {
        fuzz_check_report(rep);
        check_verifications(ctx, rep);
        fuzz_render_all(ctx, rep, in.path, NULL, NULL);
        ws_report_free(rep);
    }
    ws_ctx_free(ctx);
    return 0;
}
