/*
 * ctx_sources.c - the context's sources for quote verification (loading
 * them from paths, memory or the configuration) and running a rule's
 * examples against the rule's own source text.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/diag.h"
#include "ruleset/config.h"
#include "ruleset/context.h"
#include "verify/source_index.h"

/* The context's index, created on first use. */
static int index_of(ws_ctx *ctx, ws_source_index **out, ws_diag *diag)
{
    if (!ctx->sources) {
        int rc = ws_source_index_new(&ctx->mem, 0, &ctx->sources);
        if (rc < 0)
            return ws_diag_set(diag, rc, "", 0, 0, 0, "out of memory");
    }
    *out = ctx->sources;
    return WS_OK;
}

int ws_ctx_add_sources(ws_ctx *ctx, const char *path, ws_diag *diag)
{
    if (!ctx || !path || !*path)
        return WS_EINVAL;
    ws_source_index *ix = NULL;
    int rc = index_of(ctx, &ix, diag);
    return rc < 0 ? rc : ws_source_index_add_path(ix, path, diag);
}

int ws_ctx_add_source_text(ws_ctx *ctx, const char *name, ws_input_format fmt, const char *data,
                           size_t len, ws_diag *diag)
{
    if (!ctx || !name || (!data && len))
        return WS_EINVAL;
    ws_source_index *ix = NULL;
    int rc = index_of(ctx, &ix, diag);
    return rc < 0 ? rc : ws_source_index_add_text(ix, name, fmt, data, len, diag);
}

/*
 * A configured source path: relative ones from the configuration's folder,
 * then shown relative to the current folder when under it, so that reports
 * carry no absolute paths of the machine.
 */
static int config_source_path(const ws_config *cfg, const char *entry, ws_buf *out)
{
    int rc = entry[0] == '/' ? ws_buf_puts(out, entry) : ws_buf_printf(out, "%s/%s", cfg->dir, entry);
    char cwd[PATH_MAX];
    if (rc < 0 || !getcwd(cwd, sizeof cwd))
        return rc;
    size_t n = strlen(cwd);
    if (n > 1 && !strncmp(out->data, cwd, n) && out->data[n] == '/') {
        memmove(out->data, out->data + n + 1, out->len - n);
        out->len -= n + 1;
    }
    return WS_OK;
}

int ws_ctx_add_config_sources(ws_ctx *ctx, const ws_config *cfg, ws_diag *diag)
{
    if (!ctx || !cfg)
        return WS_EINVAL;
    ws_buf path;
    ws_buf_init(&path, &ctx->mem);
    int rc = WS_OK;
    for (size_t i = 0; i < cfg->sources.n && rc >= 0; i++) {
        path.len = 0;
        if ((rc = config_source_path(cfg, cfg->sources.v[i], &path)) < 0)
            rc = ws_diag_set(diag, rc, cfg->path, 0, 0, 0, "out of memory");
        else
            rc = ws_ctx_add_sources(ctx, path.data, diag);
    }
    ws_buf_release(&path);
    return rc;
}

size_t ws_ctx_n_sources(const ws_ctx *ctx)
{
    return ctx && ctx->sources ? ctx->sources->sources.n : 0;
}

const char *ws_ctx_source_path(const ws_ctx *ctx, size_t i)
{
    return i < ws_ctx_n_sources(ctx) ? ctx->sources->sources.v[i]->path : NULL;
}

static bool needs_sources(ws_rule_kind kind)
{
    return kind == WS_RULE_QUOTE_MISSING || kind == WS_RULE_QUOTE_NEAR || kind == WS_RULE_QUOTE_SPEAKER;
}

int ws_ctx_test_example(const ws_ctx *ctx, size_t i, size_t k, size_t *n_findings, ws_diag *diag)
{
    if (!ctx || !n_findings || i >= ctx->rules.rules.n || k >= ctx->rules.rules.v[i].n_examples)
        return WS_EINVAL;
    *n_findings = 0;
    const ws_rule *rule = &ctx->rules.rules.v[i];
    const ws_rule_example *ex = &rule->examples[k];
    /* A shallow copy whose sources are the rule's own: the context stays untouched. */
    ws_ctx view = *ctx;
    view.sources = NULL;
    ws_source_index *ix = NULL;
    int rc = WS_OK;
    const char *source = needs_sources(rule->kind) && rule->n_params ? rule->params[0] : NULL;
    if (source) {
        /* A source starting with front matter is Markdown (for its issuer), else plain text. */
        ws_input_format fmt = !strncmp(source, "---\n", 4) ? WS_INPUT_MARKDOWN : WS_INPUT_TEXT;
        if ((rc = ws_source_index_new(&ctx->mem, 0, &ix)) < 0 ||
            (rc = ws_source_index_add_text(ix, "source", fmt, source, strlen(source), diag)) < 0)
            goto out;
        view.sources = ix;
    }
    ws_input in = {sizeof in, WS_INPUT_TEXT, "example", ex->text, strlen(ex->text), NULL};
    ws_report *rep = NULL;
    if ((rc = ws_analyze(&view, &in, &rep, diag)) < 0)
        goto out;
    for (size_t f = 0; f < ws_report_n_findings(rep); f++)
        *n_findings += !strcmp(ws_report_finding(rep, f)->rule, rule->id);
    ws_report_free(rep);
out:
    ws_source_index_free(ix);
    return rc;
}
