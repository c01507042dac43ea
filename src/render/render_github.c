/*
 * render_github.c - GitHub Actions workflow commands, which the runner turns
 * into annotations on the changed lines:
 *   ::warning file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE
 * A step shows at most 10 annotations of each level, so the whole run is
 * held and written at the end: errors first, then warnings, then notices;
 * what does not fit follows as plain log lines after one notice saying so.
 * Escaping follows actions/toolkit packages/core/src/command.ts.
 */
#include <stdbool.h>
#include <string.h>

#include "core/alloc.h"
#include "render/escape.h"
#include "render/render.h"

enum { PER_LEVEL = 10 };

typedef struct annotation {
    ws_level level;
    char *path;
    char *title;
    char *message;
    uint32_t line, col, end_line, end_col;
} annotation;

typedef struct github_state {
    WS_ARRAY(annotation) items;
} github_state;

static const char *command(ws_level level)
{
    return level == WS_LEVEL_ERROR ? "error" : level == WS_LEVEL_WARNING ? "warning" : "notice";
}

static int add(ws_renderer *r, ws_level level, const char *path, const char *title,
               const char *message, const ws_span *sp)
{
    github_state *s = r->state;
    if (WS_ARRAY_GROW(&r->mem, s->items) < 0)
        return r->status = WS_ENOMEM;
    annotation *a = &s->items.v[s->items.n];
    memset(a, 0, sizeof *a);
    a->level = level;
    a->path = ws_strdup(&r->mem, ws_render_rel_path(r, path));
    a->title = ws_strdup(&r->mem, title);
    a->message = ws_strdup(&r->mem, message ? message : "");
    if (!a->path || !a->title || !a->message) {
        ws_free(&r->mem, a->path);
        ws_free(&r->mem, a->title);
        ws_free(&r->mem, a->message);
        return r->status = WS_ENOMEM;
    }
    if (sp) {
        a->line = sp->line, a->col = sp->col;
        a->end_line = sp->end_line, a->end_col = sp->end_col;
    }
    s->items.n++;
    return WS_OK;
}

static int github_report(ws_renderer *r, const ws_report *rep)
{
    const char *path = ws_report_path(rep);
    for (size_t i = 0; i < ws_report_n_problems(rep); i++) {
        const ws_problem *p = ws_report_problem(rep, i);
        if (p->kind == WS_PROBLEM_RULE_LIMIT)
            add(r, WS_LEVEL_ERROR, path, ws_problem_kind_name(p->kind), p->message, &p->span);
    }
    for (size_t i = 0; i < ws_report_n_findings(rep); i++) {
        const ws_finding *f = ws_report_finding(rep, i);
        if (f->level >= r->opts.min_level)
            add(r, f->level, path, f->rule, f->message, &f->span);
    }
    return r->status;
}

static int github_failure(ws_renderer *r, const char *id, const char *path, const ws_diag *d)
{
    (void)id; /* only the json formats name the caller's id */
    ws_span sp = {0};
    sp.line = sp.end_line = d->line;
    sp.col = sp.end_col = d->col;
    return add(r, WS_LEVEL_ERROR, path, "whosaid", d->message[0] ? d->message : ws_strerror(d->code),
               d->line ? &sp : NULL);
}

static int put_property(ws_renderer *r, const char *name, const char *value, bool first)
{
    ws_render_printf(r, "%s%s=", first ? "" : ",", name);
    return ws_render_escaped(r, ws_escape_github_property, value, strlen(value));
}

static int put_command(ws_renderer *r, const annotation *a)
{
    ws_render_printf(r, "::%s ", command(a->level));
    put_property(r, "file", a->path, true);
    if (a->line) {
        ws_render_printf(r, ",line=%u", a->line);
        if (a->col)
            ws_render_printf(r, ",col=%u", a->col);
        if (a->end_line)
            ws_render_printf(r, ",endLine=%u", a->end_line);
        /* GitHub reads endColumn only on one line; it is exclusive like ours. */
        if (a->end_col && a->end_line == a->line)
            ws_render_printf(r, ",endColumn=%u", a->end_col);
    }
    put_property(r, "title", a->title, false);
    ws_render_puts(r, "::");
    ws_render_escaped(r, ws_escape_github_data, a->message, strlen(a->message));
    return ws_render_puts(r, "\n");
}

/*
 * The compiler-style line for what no annotation shows. Indented and kept on
 * one line, so that nothing in it can start a workflow command.
 */
static int put_plain(ws_renderer *r, const annotation *a)
{
    ws_render_puts(r, "  ");
    ws_render_escaped(r, ws_escape_github_data, a->path, strlen(a->path));
    ws_render_printf(r, ":%u:%u: %s: ", a->line, a->col, ws_level_name(a->level));
    ws_render_escaped(r, ws_escape_github_data, a->message, strlen(a->message));
    ws_render_puts(r, " [");
    ws_render_escaped(r, ws_escape_github_data, a->title, strlen(a->title));
    return ws_render_puts(r, "]\n");
}

static bool is_kind(const annotation *a, int kind)
{
    /* 0 errors, 1 warnings, 2 notices (suggestions). */
    return kind == 0 ? a->level == WS_LEVEL_ERROR
                     : kind == 1 ? a->level == WS_LEVEL_WARNING : a->level < WS_LEVEL_WARNING;
}

static int github_end(ws_renderer *r)
{
    github_state *s = r->state;
    size_t n[3] = {0, 0, 0}, shown[3];
    for (size_t i = 0; i < s->items.n; i++)
        for (int k = 0; k < 3; k++)
            n[k] += is_kind(&s->items.v[i], k);
    bool is_cut = n[0] > PER_LEVEL || n[1] > PER_LEVEL || n[2] > PER_LEVEL;
    for (int k = 0; k < 3; k++)
        shown[k] = n[k] < PER_LEVEL ? n[k] : PER_LEVEL;
    /* The notice about the rest is itself a notice: it takes one place. */
    if (is_cut && shown[2] == PER_LEVEL)
        shown[2]--;
    for (int k = 0; k < 3; k++) {
        size_t done = 0;
        for (size_t i = 0; i < s->items.n && done < shown[k]; i++)
            if (is_kind(&s->items.v[i], k)) {
                put_command(r, &s->items.v[i]);
                done++;
            }
    }
    if (!is_cut)
        return r->status;
    size_t more[3] = {n[0] - shown[0], n[1] - shown[1], n[2] - shown[2]};
    ws_render_printf(r,
                     "::notice title=whosaid::%zu more findings are not annotated (GitHub shows "
                     "10 of each level per step): %zu errors, %zu warnings, %zu suggestions. "
                     "They follow in the log.\n",
                     more[0] + more[1] + more[2], more[0], more[1], more[2]);
    for (int k = 0; k < 3; k++) {
        size_t seen = 0;
        for (size_t i = 0; i < s->items.n; i++)
            if (is_kind(&s->items.v[i], k) && seen++ >= shown[k])
                put_plain(r, &s->items.v[i]);
    }
    return r->status;
}

static void github_release(ws_renderer *r)
{
    github_state *s = r->state;
    if (!s)
        return;
    for (size_t i = 0; i < s->items.n; i++) {
        ws_free(&r->mem, s->items.v[i].path);
        ws_free(&r->mem, s->items.v[i].title);
        ws_free(&r->mem, s->items.v[i].message);
    }
    ws_free(&r->mem, s->items.v);
}

const ws_render_ops ws_render_github_ops = {
    .name = "github",
    .state_size = sizeof(github_state),
    .report = github_report,
    .failure = github_failure,
    .end = github_end,
    .release = github_release,
};
