/*
 * render_summary.c - a Markdown table with a row per article (statements,
 * speakers, findings by level, and with sources the quotations found
 * verbatim, near and missing) for a CI job summary such as GitHub's
 * $GITHUB_STEP_SUMMARY; GitHub-flavoured Markdown, every cell escaped.
 */
#include <stdbool.h>
#include <string.h>

#include "core/alloc.h"
#include "render/escape.h"
#include "render/render.h"

typedef struct summary_state {
    ws_render_counts total;
    ws_render_rows rows;
    /*
     * The header fixes the columns, and an article's own configuration may
     * bring sources after the first rows: the table waits for the end, with
     * the verification columns when any article had sources.
     */
    bool has_sources;
} summary_state;

static int summary_begin(ws_renderer *r)
{
    summary_state *s = r->state;
    s->has_sources = ws_ctx_n_sources(r->ctx) > 0;
    return WS_OK;
}

static int put_path(ws_renderer *r, const char *path)
{
    ws_render_puts(r, "| ");
    const char *rel = ws_render_rel_path(r, path);
    return ws_render_escaped(r, ws_escape_markdown_cell, rel, strlen(rel));
}

static int put_counts(ws_renderer *r, const ws_render_counts *c)
{
    summary_state *s = r->state;
    ws_render_printf(r, " | %zu | %zu | %zu | %zu | %zu |", c->n_statements, c->n_speakers,
                     c->n_by_level[WS_LEVEL_ERROR], c->n_by_level[WS_LEVEL_WARNING],
                     c->n_by_level[WS_LEVEL_SUGGESTION]);
    if (s->has_sources)
        ws_render_printf(r, " %zu | %zu | %zu |", c->n_by_status[WS_VERIFY_VERBATIM],
                         c->n_by_status[WS_VERIFY_NEAR], c->n_by_status[WS_VERIFY_MISSING]);
    return ws_render_puts(r, "\n");
}

static int summary_report(ws_renderer *r, const ws_report *rep)
{
    summary_state *s = r->state;
    ws_render_counts c;
    ws_render_count(r, rep, &c);
    s->has_sources |= ws_render_has_sources(r, rep);
    s->total.n_statements += c.n_statements;
    s->total.n_speakers += c.n_speakers;
    for (int k = 0; k < 4; k++)
        s->total.n_by_level[k] += c.n_by_level[k];
    for (int k = 0; k < 3; k++)
        s->total.n_by_status[k] += c.n_by_status[k];
    return ws_render_add_row(r, &s->rows, ws_report_path(rep), NULL, &c);
}

static int summary_failure(ws_renderer *r, const char *id, const char *path, const ws_diag *d)
{
    (void)id; /* only the json formats name the caller's id */
    summary_state *s = r->state;
    return ws_render_add_row(r, &s->rows, path, d->message[0] ? d->message : ws_strerror(d->code), NULL);
}

static int summary_end(ws_renderer *r)
{
    summary_state *s = r->state;
    ws_render_puts(r, "### whosaid\n\n"
                      "| File | Statements | Speakers | Errors | Warnings | Suggestions |");
    if (s->has_sources)
        ws_render_puts(r, " Quotes verbatim | Quotes near | Quotes missing |");
    ws_render_puts(r, "\n| --- | ---: | ---: | ---: | ---: | ---: |");
    if (s->has_sources)
        ws_render_puts(r, " ---: | ---: | ---: |");
    ws_render_puts(r, "\n");
    for (size_t i = 0; i < s->rows.n; i++) {
        const ws_render_row *row = &s->rows.v[i];
        put_path(r, row->path);
        if (!row->error) {
            put_counts(r, &row->counts);
            continue;
        }
        ws_render_puts(r, " | not read: ");
        ws_render_escaped(r, ws_escape_markdown_cell, row->error, strlen(row->error));
        ws_render_puts(r, s->has_sources ? " | | | | | | | |\n" : " | | | | |\n");
    }
    if (s->rows.n < 2)
        return ws_render_puts(r, "\n");
    ws_render_printf(r, "| **Total: %zu files**", s->rows.n);
    put_counts(r, &s->total);
    return ws_render_puts(r, "\n");
}

static void summary_release(ws_renderer *r)
{
    summary_state *s = r->state;
    if (!s)
        return;
    ws_render_free_rows(r, &s->rows);
}

const ws_render_ops ws_render_summary_ops = {
    .name = "summary",
    .state_size = sizeof(summary_state),
    .begin = summary_begin,
    .report = summary_report,
    .failure = summary_failure,
    .end = summary_end,
    .release = summary_release,
};
