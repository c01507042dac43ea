/* render.c - the format table and the renderer life cycle. */
#include "render/render.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "core/alloc.h"
#include "render/escape.h"
#include "text/utf8.h"
#include "ruleset/context.h"

static const ws_render_ops *const formats[WS_FORMAT_COUNT_] = {
    [WS_FORMAT_TEXT] = &ws_render_text_ops,
    [WS_FORMAT_JSON] = &ws_render_json_ops,
    [WS_FORMAT_SARIF] = &ws_render_sarif_ops,
    [WS_FORMAT_GITHUB] = &ws_render_github_ops,
    [WS_FORMAT_HTML] = &ws_render_html_ops,
    [WS_FORMAT_SUMMARY] = &ws_render_summary_ops,
    [WS_FORMAT_JSONL] = &ws_render_jsonl_ops,
};

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

/* A streamed format's item goes out whole, in ws_renderer_add(). */
static int flush_if_full(ws_renderer *r)
{
    if (r->out.len >= WS_RENDER_FLUSH_AT && !r->ops->is_streamed)
        return ws_render_flush(r);
    return WS_OK;
}

int ws_render_put_slow(ws_renderer *r, const char *s, size_t len)
{
    if (r->status < 0)
        return r->status;
    int rc = ws_buf_put(&r->out, s, len);
    if (rc < 0)
        return r->status = rc;
    return flush_if_full(r);
}

char *ws_render_room_slow(ws_renderer *r, size_t n)
{
    if (r->status < 0)
        return NULL;
    int rc = ws_buf_reserve(&r->out, n);
    if (rc < 0) {
        r->status = rc;
        return NULL;
    }
    return r->out.data + r->out.len;
}

int ws_render_commit_slow(ws_renderer *r)
{
    return flush_if_full(r);
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
    return flush_if_full(r);
}

int ws_render_escaped(ws_renderer *r, int (*escape)(ws_buf *, const char *, size_t),
                      const char *s, size_t len)
{
    if (r->status < 0)
        return r->status;
    /* Escape straight into the output buffer: no temporary copy. */
    int rc = escape(&r->out, s, len);
    if (rc < 0)
        return r->status = rc;
    return flush_if_full(r);
}

const char *ws_render_rel_path(const ws_renderer *r, const char *path)
{
    if (!path)
        return "";
    if (path[0] == '/' && r->base_dir) {
        size_t n = strlen(r->base_dir);
        while (n > 1 && r->base_dir[n - 1] == '/')
            n--;
        if (n == 1 && r->base_dir[0] == '/')
            path++;
        else if (strncmp(path, r->base_dir, n) == 0 && path[n] == '/')
            path += n + 1;
    }
    while (path[0] == '.' && path[1] == '/') {
        path += 2;
        while (*path == '/')
            path++;
    }
    return path;
}

int ws_render_add_row(ws_renderer *r, ws_render_rows *rows, const char *path, const char *error,
                      const ws_render_counts *c)
{
    if (WS_ARRAY_GROW(&r->mem, *rows) < 0)
        return r->status = WS_ENOMEM;
    ws_render_row *row = &rows->v[rows->n];
    memset(row, 0, sizeof *row);
    row->path = ws_strdup(&r->mem, path ? path : "");
    row->error = error ? ws_strdup(&r->mem, error) : NULL;
    if (c)
        row->counts = *c;
    if (!row->path || (error && !row->error)) {
        ws_free(&r->mem, row->path);
        ws_free(&r->mem, row->error);
        return r->status = WS_ENOMEM;
    }
    rows->n++;
    return WS_OK;
}

void ws_render_free_rows(ws_renderer *r, ws_render_rows *rows)
{
    for (size_t i = 0; i < rows->n; i++) {
        ws_free(&r->mem, rows->v[i].path);
        ws_free(&r->mem, rows->v[i].error);
    }
    ws_free(&r->mem, rows->v);
    memset(rows, 0, sizeof *rows);
}

void ws_render_count(const ws_renderer *r, const ws_report *rep, ws_render_counts *c)
{
    memset(c, 0, sizeof *c);
    c->n_statements = ws_report_n_statements(rep);
    for (size_t i = 0; i < c->n_statements; i++) {
        const ws_statement *st = ws_report_statement(rep, i);
        if ((unsigned)st->kind < 3)
            c->n_by_kind[st->kind]++;
    }
    for (size_t i = 0; i < ws_report_n_entities(rep); i++) {
        const ws_entity *e = ws_report_entity(rep, i);
        if (e->n_direct + e->n_indirect > 0)
            c->n_speakers++;
    }
    for (size_t i = 0; i < ws_report_n_findings(rep); i++) {
        const ws_finding *f = ws_report_finding(rep, i);
        if (f->level < r->opts.min_level || (unsigned)f->level > WS_LEVEL_ERROR)
            continue;
        c->n_by_level[f->level]++;
        c->n_findings++;
    }
    c->n_checked = ws_report_n_verifications(rep);
    for (size_t i = 0; i < c->n_checked; i++) {
        const ws_verification *v = ws_report_verification(rep, i);
        if ((unsigned)v->status < 3)
            c->n_by_status[v->status]++;
    }
}

bool ws_render_has_sources(const ws_renderer *r, const ws_report *rep)
{
    return ws_ctx_n_sources(r->ctx) > 0 || ws_report_n_verifications(rep) > 0;
}

const char *ws_render_plural(size_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

static bool is_cont(char c)
{
    return ((unsigned char)c & 0xC0) == 0x80;
}

uint32_t ws_render_cp_next(const char *s, size_t len, uint32_t off)
{
    if (off >= len)
        return off;
    off++;
    while (off < len && is_cont(s[off]))
        off++;
    return off;
}

uint32_t ws_render_cp_prev(const char *s, uint32_t off)
{
    if (off == 0)
        return 0;
    off--;
    while (off > 0 && is_cont(s[off]))
        off--;
    return off;
}

/* The current directory, malloc'd through @mem; NULL when it cannot be had. */
static char *current_dir(const ws_allocator *mem)
{
    char buf[4096];
    if (!getcwd(buf, sizeof buf))
        return NULL;
    return ws_strdup(mem, buf);
}

int ws_renderer_new(const ws_ctx *ctx, ws_format fmt, const ws_render_options *opts,
                    const ws_sink *sink, ws_renderer **out)
{
    if (!out)
        return WS_EINVAL;
    *out = NULL;
    if (!ctx || !sink || !sink->write || (unsigned)fmt >= WS_FORMAT_COUNT_)
        return WS_EINVAL;
    /* Older callers pass a smaller struct; it must reach at least min_level. */
    if (opts && opts->size < offsetof(ws_render_options, min_level) + sizeof opts->min_level)
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
        memcpy(&r->opts, opts, opts->size < sizeof r->opts ? opts->size : sizeof r->opts);
    else
        r->opts.min_level = WS_LEVEL_SUGGESTION;
    r->opts.size = sizeof r->opts;
    ws_buf_init(&r->out, &r->mem);
    /* The options' pointer need not outlive this call: keep a copy. */
    r->base_dir = r->opts.base_dir ? ws_strdup(&r->mem, r->opts.base_dir) : current_dir(&r->mem);
    if (r->opts.base_dir && !r->base_dir) {
        ws_renderer_free(r);
        return WS_ENOMEM;
    }
    r->opts.base_dir = NULL;
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
    if (rc >= 0 && r->ops->is_streamed)
        rc = ws_render_flush(r);
    return rc < 0 ? rc : r->status;
}

struct ws_rendered {
    ws_buf text;
};

static int append_to_buf(void *ud, const char *buf, size_t len)
{
    return ws_buf_put(ud, buf, len);
}

int ws_renderer_prepare(const ws_renderer *r, const ws_report *report, ws_rendered **out)
{
    if (!out)
        return WS_EINVAL;
    *out = NULL;
    if (!r || !report)
        return WS_EINVAL;
    if (!r->ops->prepare)
        return WS_OK;
    ws_rendered *entry = ws_calloc(&r->mem, 1, sizeof *entry);
    if (!entry)
        return WS_ENOMEM;
    ws_buf_init(&entry->text, &r->mem);
    /* Field by field: the owner may be writing the others meanwhile. */
    ws_renderer scratch;
    memset(&scratch, 0, sizeof scratch);
    scratch.mem = r->mem;
    scratch.ctx = r->ctx;
    scratch.ops = r->ops;
    scratch.opts = r->opts;
    scratch.base_dir = r->base_dir;
    scratch.sink = (ws_sink){append_to_buf, &entry->text};
    ws_buf_init(&scratch.out, &r->mem);
    int rc = r->ops->prepare(&scratch, report);
    if (rc >= 0 && entry->text.len == 0) {
        /* Nothing went to the sink yet (an entry under the flush size):
         * the buffer becomes the entry, no copy. */
        ws_buf_release(&entry->text);
        entry->text = scratch.out;
        ws_buf_init(&scratch.out, &r->mem);
    } else if (rc >= 0) {
        rc = ws_render_flush(&scratch);
    }
    ws_buf_release(&scratch.out);
    if (rc < 0) {
        ws_rendered_free(entry);
        return rc;
    }
    *out = entry;
    return WS_OK;
}

int ws_renderer_add_prepared(ws_renderer *r, ws_rendered *entry)
{
    if (!r || !entry || !r->ops->place) {
        ws_rendered_free(entry);
        return WS_EINVAL;
    }
    r->n_reports++;
    int rc = r->ops->place(r, entry->text.data ? entry->text.data : "", entry->text.len);
    ws_rendered_free(entry);
    if (rc >= 0 && r->ops->is_streamed)
        rc = ws_render_flush(r);
    return rc < 0 ? rc : r->status;
}

void ws_rendered_free(ws_rendered *entry)
{
    if (!entry)
        return;
    const ws_allocator *mem = entry->text.mem;
    ws_buf_release(&entry->text);
    ws_free(mem, entry);
}

/* Copy UTF-8 @src into @dst, cut at a character boundary when it does not fit. */
static void copy_text(char *dst, size_t cap, const char *src)
{
    size_t n = src ? strlen(src) : 0;
    if (n >= cap) {
        n = cap - 1;
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
    }
    if (n)
        memcpy(dst, src, n);
    dst[n] = '\0';
}

int ws_renderer_add_failure_id(ws_renderer *r, const char *id, const char *path,
                               const ws_diag *diag)
{
    if (!r || !diag)
        return WS_EINVAL;
    r->n_failures++;
    /* The path and the message may hold bytes from the file system: the
     * reports show them as UTF-8 text. */
    ws_buf shown;
    ws_buf_init(&shown, &r->mem);
    ws_diag d = *diag;
    int rc = ws_utf8_repair(path ? path : "", path ? strlen(path) : 0, &shown);
    if (rc >= 0) {
        ws_buf msg;
        ws_buf_init(&msg, &r->mem);
        if ((rc = ws_utf8_repair(diag->message, strnlen(diag->message, sizeof diag->message), &msg)) >= 0)
            copy_text(d.message, sizeof d.message, msg.data);
        ws_buf_release(&msg);
        ws_buf file;
        ws_buf_init(&file, &r->mem);
        if (rc >= 0 && (rc = ws_utf8_repair(diag->file, strnlen(diag->file, sizeof diag->file), &file)) >= 0)
            copy_text(d.file, sizeof d.file, file.data);
        ws_buf_release(&file);
    }
    if (rc >= 0 && r->ops->failure)
        rc = r->ops->failure(r, id, path ? (shown.data ? shown.data : "") : NULL, &d);
    ws_buf_release(&shown);
    if (rc >= 0 && r->ops->is_streamed)
        rc = ws_render_flush(r);
    return rc < 0 ? rc : r->status;
}

int ws_renderer_add_failure(ws_renderer *r, const char *path, const ws_diag *diag)
{
    return ws_renderer_add_failure_id(r, NULL, path, diag);
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
    ws_free(&r->mem, r->base_dir);
    ws_free(&r->mem, r->state);
    ws_allocator mem = r->mem;
    mem.free(mem.ud, r);
}
