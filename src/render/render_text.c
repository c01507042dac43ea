/*
 * render_text.c - the readable listing: problems in compiler style
 * (path:line:col: level: message), then each statement with its position,
 * kind, words and, once attributed, its speaker and cue.
 */
#include <string.h>

#include "render/render.h"

enum { EXCERPT_CP = 60 };

/* The first EXCERPT_CP code points of a span's text, with an ellipsis when cut. */
static int put_excerpt(ws_renderer *r, const ws_report *rep, const ws_span *s)
{
    const char *text = ws_report_text(rep, NULL);
    uint32_t i = s->text_start, n_cp = 0;
    while (i < s->text_end && n_cp < EXCERPT_CP) {
        i++;
        while (i < s->text_end && ((unsigned char)text[i] & 0xC0) == 0x80)
            i++;
        n_cp++;
    }
    /* Line breaks inside the excerpt would break the one-line format. */
    for (uint32_t k = s->text_start; k < i; k++) {
        char c = text[k] == '\n' ? ' ' : text[k];
        ws_render_put(r, &c, 1);
    }
    return ws_render_puts(r, i < s->text_end ? "..." : "");
}

static int text_report(ws_renderer *r, const ws_report *rep)
{
    const char *path = ws_report_path(rep);
    for (size_t i = 0; i < ws_report_n_problems(rep); i++) {
        const ws_problem *p = ws_report_problem(rep, i);
        ws_render_printf(r, "%s:%u:%u: error: %s [%s]\n", path, p->span.line, p->span.col,
                         p->message, ws_problem_kind_name(p->kind));
    }
    for (size_t i = 0; i < ws_report_n_findings(rep); i++) {
        const ws_finding *f = ws_report_finding(rep, i);
        if (f->level < r->opts.min_level)
            continue;
        ws_render_printf(r, "%s:%u:%u: %s: %s [%s]\n", path, f->span.line, f->span.col,
                         ws_level_name(f->level), f->message, f->rule);
    }
    size_t n = ws_report_n_statements(rep);
    ws_render_printf(r, "%s: %zu statement%s\n", path, n, n == 1 ? "" : "s");
    for (size_t i = 0; i < n; i++) {
        const ws_statement *st = ws_report_statement(rep, i);
        const ws_span *first = &st->content[0];
        ws_render_printf(r, "  %u:%u %s \"", first->line, first->col,
                         ws_statement_kind_name(st->kind));
        put_excerpt(r, rep, first);
        ws_render_puts(r, "\"");
        const ws_entity *e = st->speaker >= 0 ? ws_report_entity(rep, (size_t)st->speaker) : NULL;
        if (e) {
            ws_render_printf(r, " <- %s", e->name);
            if (e->role || e->institution)
                ws_render_printf(r, " (%s%s%s)", e->role ? e->role : "",
                                 e->role && e->institution ? ", " : "",
                                 e->institution ? e->institution : "");
        }
        if (st->cue) {
            ws_render_puts(r, " via \"");
            put_excerpt(r, rep, st->cue);
            ws_render_puts(r, "\"");
        }
        ws_render_puts(r, "\n");
    }
    return r->status;
}

static int text_failure(ws_renderer *r, const char *path, const ws_diag *d)
{
    (void)r;
    (void)path;
    (void)d;
    /* The CLI prints input errors on stderr; the listing stays clean. */
    return WS_OK;
}

const ws_render_ops ws_render_text_ops = {
    .name = "text",
    .report = text_report,
    .failure = text_failure,
};
