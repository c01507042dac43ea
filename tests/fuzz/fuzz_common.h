/*
 * fuzz_common.h - shared by the libFuzzer harnesses: contexts loaded once,
 * a sink that keeps the output, every renderer over one report, and checks
 * of the report's invariants. A broken invariant aborts, so libFuzzer keeps
 * the input like any other crash.
 */
#ifndef WS_FUZZ_COMMON_H
#define WS_FUZZ_COMMON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "detect/report.h"
#include "doc/doc.h"
#include "text/utf8.h"
#include "whosaid.h"
#include "ws_config.h"

/* As utf8proc's fuzzer does: longer inputs only make the runs slower. */
enum { FUZZ_MAX_LEN = 64 * 1024 };

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* An input (fields set by name: the struct grows with the library). */
static inline ws_input fuzz_input(ws_input_format fmt, const char *path, const uint8_t *data,
                                  size_t len)
{
    ws_input in;
    memset(&in, 0, sizeof in);
    in.size = sizeof in;
    in.format = fmt;
    in.path = path;
    in.data = (const char *)data;
    in.len = len;
    return in;
}

static inline void fuzz_fail(const char *what, const char *detail)
{
    fprintf(stderr, "fuzz: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    abort();
}

/* A context with the rule packs of @dir (NULL: none), loaded once per process. */
static inline ws_ctx *fuzz_ctx(const char *dir)
{
    ws_ctx *ctx = NULL;
    ws_diag d;
    memset(&d, 0, sizeof d);
    if (ws_ctx_new(NULL, &ctx) < 0)
        fuzz_fail("ws_ctx_new", NULL);
    if (dir && ws_ctx_load_rules(ctx, dir, &d) < 0) {
        fprintf(stderr, "%s:%u:%u: %s\n", d.file, d.line, d.col, d.message);
        fuzz_fail("loading the rules", dir);
    }
    return ctx;
}

/* The output of one renderer, kept to check that it is valid UTF-8. */
typedef struct fuzz_out {
    char *data;
    size_t len;
    size_t cap;
} fuzz_out;

static inline int fuzz_out_write(void *ud, const char *buf, size_t len)
{
    fuzz_out *o = ud;
    if (o->len + len > o->cap) {
        size_t cap = o->cap ? o->cap : 4096;
        while (cap < o->len + len)
            cap *= 2;
        char *p = realloc(o->data, cap);
        if (!p)
            return WS_ENOMEM;
        o->data = p;
        o->cap = cap;
    }
    memcpy(o->data + o->len, buf, len);
    o->len += len;
    return WS_OK;
}

static inline void fuzz_check_span(const ws_report *rep, const ws_span *s, const char *what)
{
    size_t src_len = 0, text_len = 0;
    ws_report_source(rep, &src_len);
    ws_report_text(rep, &text_len);
    if (s->text_start > s->text_end || s->text_end > text_len)
        fuzz_fail("text range outside the text", what);
    if (s->start > s->end || s->end > src_len)
        fuzz_fail("source range outside the input", what);
    if (s->line < 1 || s->col < 1 || s->end_line < s->line ||
        (s->end_line == s->line && s->end_col < s->col))
        fuzz_fail("bad line or column", what);
    if (s->end_line > ws_report_n_lines(rep) + 1)
        fuzz_fail("line past the end of the input", what);
}

/* What every report must satisfy, whatever the input. */
static inline void fuzz_check_report(const ws_report *rep)
{
    if (ws_doc_check(&rep->doc, true) != 0)
        fuzz_fail("ws_doc_check", NULL);
    size_t text_len = 0, bad = 0;
    const char *text = ws_report_text(rep, &text_len);
    if (ws_utf8_validate(text, text_len, &bad) < 0 || text[text_len] != '\0')
        fuzz_fail("the report text is not NUL-terminated valid UTF-8", NULL);
    size_t nq = ws_report_n_quotations(rep), ns = ws_report_n_statements(rep);
    size_t ne = ws_report_n_entities(rep);
    for (size_t i = 0; i < nq; i++) {
        const ws_quotation *q = ws_report_quotation(rep, i);
        fuzz_check_span(rep, &q->span, "quotation");
        for (size_t k = 0; k < q->n_fragments; k++)
            fuzz_check_span(rep, &q->fragments[k], "quotation fragment");
        if (q->parent >= (int)i || q->parent < -1)
            fuzz_fail("quotation parent out of range", NULL);
        if (q->statement < -1 || q->statement >= (int)ns)
            fuzz_fail("quotation statement out of range", NULL);
    }
    for (size_t i = 0; i < ns; i++) {
        const ws_statement *st = ws_report_statement(rep, i);
        for (size_t k = 0; k < st->n_content; k++)
            fuzz_check_span(rep, &st->content[k], "statement content");
        if (st->cue)
            fuzz_check_span(rep, st->cue, "statement cue");
        if (st->source)
            fuzz_check_span(rep, st->source, "statement source");
        if (st->speaker < -1 || st->speaker >= (int)ne)
            fuzz_fail("statement speaker out of range", NULL);
        if (st->quotation < -1 || st->quotation >= (int)nq)
            fuzz_fail("statement quotation out of range", NULL);
    }
    for (size_t i = 0; i < ne; i++) {
        const ws_entity *e = ws_report_entity(rep, i);
        if (!e->name)
            fuzz_fail("entity without a name", NULL);
        for (size_t k = 0; k < e->n_mentions; k++)
            fuzz_check_span(rep, &e->mentions[k].span, "mention");
        for (size_t k = 0; k < e->n_members; k++)
            if (e->members[k] < 0 || e->members[k] >= (int)ne)
                fuzz_fail("group member out of range", NULL);
    }
    for (size_t i = 0; i < ws_report_n_problems(rep); i++) {
        const ws_problem *p = ws_report_problem(rep, i);
        fuzz_check_span(rep, &p->span, "problem");
        if (!p->message)
            fuzz_fail("problem without a message", NULL);
    }
    for (size_t i = 0; i < ws_report_n_findings(rep); i++) {
        const ws_finding *f = ws_report_finding(rep, i);
        fuzz_check_span(rep, &f->span, "finding");
        if (!f->rule || !f->message || !f->fingerprint)
            fuzz_fail("finding without a rule, message or fingerprint", NULL);
    }
    for (uint32_t l = 1; l <= ws_report_n_lines(rep); l++) {
        uint32_t s, e;
        if (ws_report_line(rep, l, &s, &e) < 0 || s > e)
            fuzz_fail("ws_report_line", NULL);
    }
}

/*
 * Render @rep (or, when NULL, the failure @d of @path) in every format. The
 * sink never fails, so neither may the renderers; what they write must be
 * valid UTF-8.
 */
static inline void fuzz_render_all(const ws_ctx *ctx, const ws_report *rep, const char *path,
                                   const ws_diag *d, const ws_render_options *opts)
{
    for (int fmt = 0; fmt < WS_FORMAT_COUNT_; fmt++) {
        fuzz_out out = {NULL, 0, 0};
        ws_sink sink = {fuzz_out_write, &out};
        ws_renderer *r = NULL;
        if (ws_renderer_new(ctx, (ws_format)fmt, opts, &sink, &r) < 0)
            fuzz_fail("ws_renderer_new", ws_format_name((ws_format)fmt));
        int rc = rep ? ws_renderer_add(r, rep) : ws_renderer_add_failure(r, path, d);
        if (rc < 0)
            fuzz_fail("ws_renderer_add", ws_format_name((ws_format)fmt));
        if (ws_renderer_finish(r) < 0)
            fuzz_fail("ws_renderer_finish", ws_format_name((ws_format)fmt));
        ws_renderer_free(r);
        size_t bad = 0;
        if (out.len && ws_utf8_validate(out.data, out.len, &bad) < 0)
            fuzz_fail("the output is not valid UTF-8", ws_format_name((ws_format)fmt));
        free(out.data);
    }
}

/*
 * Analyze @data as @fmt with @ctx, check the report and render it (or its
 * failure) in every format. Returns the ws_analyze status.
 */
static inline int fuzz_analyze(const ws_ctx *ctx, const uint8_t *data, size_t size,
                               ws_input_format fmt, const ws_render_options *opts)
{
    ws_input in = fuzz_input(fmt, "fuzz", data, size);
    ws_report *rep = NULL;
    ws_diag d;
    memset(&d, 0, sizeof d);
    int rc = ws_analyze(ctx, &in, &rep, &d);
    if (rc < 0) {
        if (rep)
            fuzz_fail("a failed ws_analyze left a report", NULL);
        if (rc != WS_EUTF8 && rc != WS_EBINARY)
            fuzz_fail("ws_analyze failed", ws_strerror(rc));
        if (!d.message[0])
            fuzz_fail("a failed ws_analyze left no message", NULL);
        fuzz_render_all(ctx, NULL, in.path, &d, opts);
        return rc;
    }
    fuzz_check_report(rep);
    fuzz_render_all(ctx, rep, in.path, NULL, opts);
    ws_report_free(rep);
    return rc;
}

#endif
