/*
 * render.h - one renderer per output format, each an ops table over the
 * same report accessors, writing through a buffered sink. A new format is
 * one file, one line in render.c's table and one set of golden files.
 */
#ifndef WS_RENDER_H
#define WS_RENDER_H

#include "core/buf.h"
#include "whosaid.h"

typedef struct ws_render_ops {
    const char *name;
    /* Bytes of per-run state the renderer wants (zeroed), at r->state. */
    size_t state_size;
    int (*begin)(ws_renderer *r);
    int (*report)(ws_renderer *r, const ws_report *rep);
    int (*failure)(ws_renderer *r, const char *path, const ws_diag *diag);
    int (*end)(ws_renderer *r);
    void (*release)(ws_renderer *r);   /* may be NULL */
} ws_render_ops;

struct ws_renderer {
    ws_allocator mem;
    const ws_ctx *ctx;
    const ws_render_ops *ops;
    ws_render_options opts;
    ws_sink sink;
    ws_buf out;        /* pending output, flushed to the sink in large writes */
    int status;        /* first write error, sticky */
    size_t n_reports;
    size_t n_failures;
    void *state;
};

extern const ws_render_ops ws_render_text_ops;
extern const ws_render_ops ws_render_json_ops;

/* Queue bytes for the sink; flushes when the buffer is large. */
int ws_render_put(ws_renderer *r, const char *s, size_t len);
int ws_render_puts(ws_renderer *r, const char *s);
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
int ws_render_printf(ws_renderer *r, const char *fmt, ...);
int ws_render_flush(ws_renderer *r);

#endif
