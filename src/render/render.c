/* render.c - the format table and the renderer life cycle. */
#include "render/render.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/alloc.h"
#include "ruleset/context.h"

static const ws_render_ops *const formats[WS_FORMAT_COUNT_] = {
    [WS_FORMAT_TEXT] = &ws_render_text_ops,
    [WS_FORMAT_JSON] = &ws_render_json_ops,
};

enum { FLUSH_AT = 64 * 1024 };

int ws_format_from_name(const char *name)
{
    if (!name)
        return WS_EINVAL;
    for (int i = 0; i < WS_FORMAT_COUNT_; i++)
        if (strcasecmp(formats[i]->name, name) == 0)
            return i;
    return WS_EINVAL;
}

const char *ws_format_name(ws_format fmt)
{
    if ((unsigned)fmt < WS_FORMAT_COUNT_)
        return formats[fmt]->name;
    return "unknown";
}

int ws_render_flush(ws_renderer *r)
{
    if (r->status < 0)
        return r->status;
    if (r->out.len) {
        int rc = r->sink.write(r->sink.ud, r->out.data, r->out.len);
        r->out.len = 0;
        if (rc < 0)
            r->status = rc;
    }
    return r->status;
}

int ws_render_put(ws_renderer *r, const char *s, size_t len)
{
    if (r->status < 0)
        return r->status;
    int rc = ws_buf_put(&r->out, s, len);
    if (rc < 0)
        return r->status = rc;
    if (r->out.len >= FLUSH_AT)
        return ws_render_flush(r);
    return WS_OK;
}

int ws_render_puts(ws_renderer *r, const char *s)
{
    return ws_render_put(r, s, strlen(s));
}

int ws_render_printf(ws_renderer *r, const char *fmt, ...)
{
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return r->status = WS_EINVAL;
    if ((size_t)n < sizeof small)
        return ws_render_put(r, small, (size_t)n);
    int rc = ws_buf_reserve(&r->out, (size_t)n);
    if (rc < 0)
        return r->status = rc;
    va_start(ap, fmt);
    vsnprintf(r->out.data + r->out.len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    r->out.len += (size_t)n;
    return r->out.len >= FLUSH_AT ? ws_render_flush(r) : WS_OK;
}

int ws_renderer_new(const ws_ctx *ctx, ws_format fmt, const ws_render_options *opts,
                    const ws_sink *sink, ws_renderer **out)
{
    if (!out)
        return WS_EINVAL;
    *out = NULL;
    if (!ctx || !sink || !sink->write || (unsigned)fmt >= WS_FORMAT_COUNT_)
        return WS_EINVAL;
    if (opts && opts->size < sizeof *opts)
        return WS_EINVAL;
    const ws_render_ops *ops = formats[fmt];
    ws_renderer *r = ws_calloc(&ctx->mem, 1, sizeof *r);
    if (!r)
        return WS_ENOMEM;
    r->mem = ctx->mem;
    r->ctx = ctx;
    r->ops = ops;
    r->sink = *sink;
    if (opts)
        r->opts = *opts;
    else
        r->opts.min_level = WS_LEVEL_SUGGESTION;
    r->opts.size = sizeof r->opts;
    ws_buf_init(&r->out, &r->mem);
    if (ops->state_size && !(r->state = ws_calloc(&r->mem, 1, ops->state_size))) {
        ws_renderer_free(r);
        return WS_ENOMEM;
    }
    int rc = ops->begin ? ops->begin(r) : WS_OK;
    if (rc < 0) {
        ws_renderer_free(r);
        return rc;
    }
    *out = r;
    return WS_OK;
}

int ws_renderer_add(ws_renderer *r, const ws_report *report)
{
    if (!r || !report)
        return WS_EINVAL;
    r->n_reports++;
    int rc = r->ops->report(r, report);
    return rc < 0 ? rc : r->status;
}

int ws_renderer_add_failure(ws_renderer *r, const char *path, const ws_diag *diag)
{
    if (!r || !diag)
        return WS_EINVAL;
    r->n_failures++;
    int rc = r->ops->failure ? r->ops->failure(r, path, diag) : WS_OK;
    return rc < 0 ? rc : r->status;
}

int ws_renderer_finish(ws_renderer *r)
{
    if (!r)
        return WS_EINVAL;
    int rc = r->ops->end ? r->ops->end(r) : WS_OK;
    if (rc < 0)
        return rc;
    return ws_render_flush(r);
}

void ws_renderer_free(ws_renderer *r)
{
    if (!r)
        return;
    if (r->ops->release)
        r->ops->release(r);
    ws_buf_release(&r->out);
    ws_free(&r->mem, r->state);
    ws_allocator mem = r->mem;
    mem.free(mem.ud, r);
}
