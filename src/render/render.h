/*
 * render.h - one renderer per output format, each an ops table over the
 * same report accessors, writing through a buffered sink. A new format is
 * one file, one line in render.c's table and one set of golden files.
 */
#ifndef WS_RENDER_H
#define WS_RENDER_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "whosaid.h"

typedef struct ws_render_ops {
    const char *name;
    /* Bytes of per-run state the renderer wants (zeroed), at r->state. */
    size_t state_size;
    int (*begin)(ws_renderer *r);
    int (*report)(ws_renderer *r, const ws_report *rep);
    /* @id: the caller's JSON text for the article, or NULL. */
    int (*failure)(ws_renderer *r, const char *id, const char *path, const ws_diag *diag);
    int (*end)(ws_renderer *r);
    void (*release)(ws_renderer *r);   /* may be NULL */
    /*
     * May be NULL: a report's entry rendered apart into @scratch (the
     * renderer's options and context, no state), on any thread, and placed
     * later on the renderer by @place, in order.
     */
    int (*prepare)(ws_renderer *scratch, const ws_report *rep);
    int (*place)(ws_renderer *r, const char *entry, size_t len);
    /*
     * Streamed: each report or failure goes to the sink in one write as soon
     * as it is rendered (a batch worker's reader is waiting for the line),
     * never cut by the buffer's size.
     */
    bool is_streamed;
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
    char *base_dir;    /* opts.base_dir or the current directory; NULL if unknown */
    void *state;
};

extern const ws_render_ops ws_render_text_ops;
extern const ws_render_ops ws_render_json_ops;
extern const ws_render_ops ws_render_sarif_ops;
extern const ws_render_ops ws_render_github_ops;
extern const ws_render_ops ws_render_html_ops;
extern const ws_render_ops ws_render_summary_ops;
extern const ws_render_ops ws_render_jsonl_ops;

/* The buffer goes to the sink once it holds this many bytes. */
enum { WS_RENDER_FLUSH_AT = 64 * 1024 };

/* The slow path of ws_render_put(): an error, a growth or a flush. */
int ws_render_put_slow(ws_renderer *r, const char *s, size_t len);
/*
 * Queue bytes for the sink; flushes when the buffer is large. Inline
 * because the JSON writer calls it for every comma, key and number: the
 * common case is a copy of a few bytes, often of a known length.
 */
static inline int ws_render_put(ws_renderer *r, const char *s, size_t len)
{
    ws_buf *b = &r->out;
    if (r->status >= 0 && len < b->cap - b->len && b->len + len < WS_RENDER_FLUSH_AT) {
        memcpy(b->data + b->len, s, len);
        b->len += len;
        b->data[b->len] = '\0';
        return WS_OK;
    }
    return ws_render_put_slow(r, s, len);
}
/*
 * For a writer that formats in place: room for @n bytes after the pending
 * output, or NULL once a write has failed. ws_render_commit() then queues
 * the @n (or fewer) bytes written there; nothing else may write between.
 */
char *ws_render_room_slow(ws_renderer *r, size_t n);
static inline char *ws_render_room(ws_renderer *r, size_t n)
{
    ws_buf *b = &r->out;
    if (r->status >= 0 && n < b->cap - b->len)
        return b->data + b->len;
    return ws_render_room_slow(r, n);
}
int ws_render_commit_slow(ws_renderer *r);
static inline int ws_render_commit(ws_renderer *r, size_t n)
{
    ws_buf *b = &r->out;
    b->len += n;
    b->data[b->len] = '\0';
    return b->len < WS_RENDER_FLUSH_AT ? WS_OK : ws_render_commit_slow(r);
}
int ws_render_puts(ws_renderer *r, const char *s);
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
int ws_render_printf(ws_renderer *r, const char *fmt, ...);
int ws_render_flush(ws_renderer *r);
/* Escape @len bytes of @s with @escape (an escape.h function) into the output. */
int ws_render_escaped(ws_renderer *r, int (*escape)(ws_buf *, const char *, size_t),
                      const char *s, size_t len);

/*
 * @path as the machine-readable formats name it: relative to r->base_dir
 * when it is an absolute path under it, without leading "./". A suffix of
 * @path, never a copy.
 */
const char *ws_render_rel_path(const ws_renderer *r, const char *path);

/* What one report amounts to, for the summaries (findings below min_level left out). */
typedef struct ws_render_counts {
    size_t n_statements;
    size_t n_by_kind[3];      /* ws_statement_kind */
    size_t n_speakers;        /* entities with at least one statement */
    size_t n_by_level[4];     /* ws_level */
    size_t n_findings;
    size_t n_checked;         /* quotations checked against the sources */
    size_t n_by_status[3];    /* ws_verify_status */
} ws_render_counts;

void ws_render_count(const ws_renderer *r, const ws_report *rep, ws_render_counts *c);

/* One article's line in a summary table (the HTML page's and --summary's). */
typedef struct ws_render_row {
    char *path;
    char *error;              /* NULL when analysed */
    ws_render_counts counts;
} ws_render_row;

typedef WS_ARRAY(ws_render_row) ws_render_rows;

/* Add a row (copies of @path and @error; @c may be NULL); sets r->status on failure. */
int ws_render_add_row(ws_renderer *r, ws_render_rows *rows, const char *path, const char *error,
                      const ws_render_counts *c);
void ws_render_free_rows(ws_renderer *r, ws_render_rows *rows);

/*
 * Whether quotations were checked against sources for @rep: the renderer's
 * context has sources, or the report has verifications (its article had a
 * context of its own). Without, the formats leave verification out.
 */
bool ws_render_has_sources(const ws_renderer *r, const ws_report *rep);

/* @one when @n is 1, else @many: "1 statement", "2 statements". */
const char *ws_render_plural(size_t n, const char *one, const char *many);

/* In UTF-8 @s: the start of the code point after the one at @off, not past
 * @len; the start of the one before @off, not before 0. */
uint32_t ws_render_cp_next(const char *s, size_t len, uint32_t off);
uint32_t ws_render_cp_prev(const char *s, uint32_t off);

#endif
